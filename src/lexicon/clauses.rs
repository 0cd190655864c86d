//! The words of clause structure the event reader's clause rules test:
//! what opens a fronted adverbial, what marks a word as a verb or as a
//! noun, the light verbs whose object is an event noun, and the words of
//! hedging that make a clause say something did not (or may not) happen.

/// Words that open a fronted adverbial, ended by the first comma: "On 10
/// May 2024, …", "According to the Ukrainian military, …", "During
/// Ukraine's 2022 Kharkiv counteroffensive, …". What is named inside is a
/// time, a place or a source, not the clause's subject.
pub(crate) const FRONTING_WORDS: &[&str] = &[
    "according",
    "on",
    "in",
    "by",
    "after",
    "following",
    "during",
    "since",
    "with",
    "amid",
    "amidst",
    "despite",
    "throughout",
    "over",
    "before",
    "until",
    "within",
    "at",
    "from",
    "as",
    "shortly",
    "later",
    "earlier",
    "meanwhile",
];

/// Words after which an event word is a verb: auxiliaries, subject
/// pronouns, "to" ("were fighting", "they clashed", "to fight").
pub(crate) const VERB_MARKERS: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "had",
    "has",
    "have",
    "will",
    "would",
    "to",
    "they",
    "it",
    "he",
    "she",
    "we",
    "who",
    "which",
    "that",
    "reportedly",
    "also",
    "still",
    "continued",
    "continue",
    "continues",
    "began",
    "begin",
    "begins",
    "kept",
];

/// Fighting nouns: "the battle", "fierce fighting", "clashes", "an
/// engagement". As nouns they name fighting between sides; only their own
/// words give them one side ("Russian shelling", "an assault … by Russian
/// forces"); a speaker, a locator or a side named elsewhere in the
/// sentence does not.
pub(crate) const FIGHTING_NOUNS: &[&str] = &[
    "battle",
    "battles",
    "fighting",
    "fight",
    "fights",
    "clash",
    "clashes",
    "engagement",
    "engagements",
    "combat",
    "hostilities",
    "skirmish",
    "skirmishes",
    "firefight",
    "firefights",
];

/// Light verbs whose object is an event noun and whose subject is its
/// actor: "Russian forces launched an offensive", "separatists mounted an
/// attack".
pub(crate) const LIGHT_VERBS: &[&str] = &[
    "launched",
    "launch",
    "launches",
    "launching",
    "began",
    "begun",
    "begin",
    "started",
    "start",
    "conducted",
    "conduct",
    "conducts",
    "conducting",
    "mounted",
    "mount",
    "staged",
    "carried",
    "made",
    "make",
    "intensified",
    "waged",
    "renewed",
    "resumed",
];

/// Words of hedging that make what follows in the clause not a reported
/// event: "were unlikely to make significant gains", "unable to advance",
/// "future attacks on Kramatorsk".
pub(crate) const HEDGE_WORDS: &[&str] = &[
    "unlikely",
    "unable",
    "future",
    "potential",
    "possible",
    "hypothetical",
];

/// Subordinators that open a fronted clause ended by a comma: "Although the
/// army had destroyed a bridge, the mayor surrendered…".
pub(crate) const SUBORDINATORS: &[&str] = &[
    "although", "though", "while", "when", "because", "if", "once", "whereas",
];

/// Words that end a noun phrase read backwards from its head: determiners
/// and prepositions ("the", "of", "between").
pub(crate) fn ends_noun_phrase(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "of"
            | "for"
            | "in"
            | "on"
            | "at"
            | "near"
            | "around"
            | "between"
            | "with"
            | "amid"
            | "after"
            | "before"
            | "during"
            | "since"
            | "by"
            | "from"
            | "into"
            | "and"
            | "or"
    )
}
