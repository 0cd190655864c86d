//! Word lists that tell place names from what only looks like one.
//!
//! All lists are lower case and sorted (a unit test checks), looked up by
//! binary search. They hold patterns, not answers: titles and given names
//! that introduce people, head nouns that end organisation names, demonyms,
//! and the ordinary English words that begin sentences.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::people::{GIVEN_NAMES, KNOWN_PERSONS, TITLES};

/// What a lower-case word is, as a set of [`Class`] bits.
pub type Classes = u16;

/// The classes of words the lists below define, as bits of [`Classes`].
pub struct Class;

impl Class {
    /// Introduces a person's name: "Gen. Ryder", "President Zelensky".
    pub const TITLE: Classes = 1;
    /// A common given name (or Korean family name): "Vladimir", "Kim".
    pub const GIVEN_NAME: Classes = 1 << 1;
    /// A surname of someone who recurs in reporting on the war: "Putin".
    pub const KNOWN_PERSON: Classes = 1 << 2;
    /// Ends the name of an organisation, facility or feature: "Post", "River".
    pub const ORG_HEAD: Classes = 1 << 3;
    /// Media, agencies, institutions, weapons: "Reuters", "Patriot".
    pub const ORG_OR_THING: Classes = 1 << 4;
    /// Nationality adjectives: "Russian", "Ukrainian".
    pub const DEMONYM: Classes = 1 << 5;
    /// Ordinary English words that open sentences: "However", "Troops", "May".
    pub const COMMON_WORD: Classes = 1 << 6;
    /// Lower-case words inside place names: "on" in Rostov-on-Don.
    pub const CONNECTOR: Classes = 1 << 7;
    /// Heads of "X of Y" feature names: "Sea" of Azov.
    pub const FEATURE_OF: Classes = 1 << 8;
    /// Adjectives that open Ukrainian and Russian place names and are no
    /// place alone: "Malaya" Loknya, "Velyka" Novosilka, "Nizhniy" Novgorod.
    pub const NAME_PREFIX: Classes = 1 << 9;
    /// Heads that end the name of a military formation or a body of water
    /// even written in lower case: "the Khortytsia group", "the Oskil
    /// river". The name before them is no settlement.
    pub const LOWER_CASE_HEAD: Classes = 1 << 10;
}

/// The classes of a lower-case word, from one hash lookup.
///
/// ```
/// use frontline::lexicon::{classify, Class};
/// assert!(classify("gen") & Class::TITLE != 0);
/// assert_eq!(classify("kharkiv"), 0);
/// ```
pub fn classify(word: &str) -> Classes {
    static TABLE: OnceLock<HashMap<&'static str, Classes>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: HashMap<&'static str, Classes> = HashMap::default();
        for (list, class) in [
            (TITLES, Class::TITLE),
            (GIVEN_NAMES, Class::GIVEN_NAME),
            (KNOWN_PERSONS, Class::KNOWN_PERSON),
            (ORG_HEADS, Class::ORG_HEAD),
            (ORGS_AND_THINGS, Class::ORG_OR_THING),
            (DEMONYMS, Class::DEMONYM),
            (COMMON_WORDS, Class::COMMON_WORD),
            (CONNECTORS, Class::CONNECTOR),
            (FEATURES_OF, Class::FEATURE_OF),
            (NAME_PREFIXES, Class::NAME_PREFIX),
            (LOWER_CASE_HEADS, Class::LOWER_CASE_HEAD),
        ] {
            for &w in list {
                *t.entry(w).or_default() |= class;
            }
        }
        t
    });
    table.get(word).copied().unwrap_or(0)
}

/// Words that introduce a person's name ("Gen. Ryder", "President Zelensky",
/// "dictator Vladimir Putin") or a ship's ("the cruiser Moskva"): what
/// follows is no place.
pub fn is_title(word: &str) -> bool {
    classify(word) & Class::TITLE != 0
}

/// Common given names (and Korean family names, which come first): a
/// capitalised word after one of these is part of a person's name.
pub fn is_given_name(word: &str) -> bool {
    classify(word) & Class::GIVEN_NAME != 0
}

/// Surnames of people who recur in reporting on the war, named alone.
pub fn is_known_person(word: &str) -> bool {
    classify(word) & Class::KNOWN_PERSON != 0
}

/// Capitalised head nouns that end the name of an organisation, event,
/// facility or natural feature: "Kyiv Post", "The New York Times", "Azov
/// Brigade", "Munich Security Conference", "Kakhovka Reservoir", "Oskil
/// River". The name before them is not a settlement.
pub fn is_org_head(word: &str) -> bool {
    classify(word) & Class::ORG_HEAD != 0
}

/// Names of media, agencies, institutions and weapon systems, never places.
pub fn is_org_or_thing(word: &str) -> bool {
    classify(word) & Class::ORG_OR_THING != 0
}

/// Nationality and side adjectives: they mark actors, not places.
pub fn is_demonym(word: &str) -> bool {
    classify(word) & Class::DEMONYM != 0
}

/// Ordinary English words, months, weekdays and compass words that are
/// capitalised at the start of a sentence or in a heading.
pub fn is_common_word(word: &str) -> bool {
    classify(word) & Class::COMMON_WORD != 0
}

/// Heads of natural features named "X of Y": "Sea of Azov", "Gulf of Finland".
pub fn is_feature_of(word: &str) -> bool {
    classify(word) & Class::FEATURE_OF != 0
}

/// Short lowercase words allowed inside a multi-word place name
/// (Rostov-on-Don, Frankfurt am Main).
pub fn is_name_connector(word: &str) -> bool {
    classify(word) & Class::CONNECTOR != 0
}

const FEATURES_OF: &[&str] = &[
    "bay", "gulf", "isle", "lake", "mouth", "sea", "strait", "straits",
];

/// Military formations and bodies of water, named after a place and
/// written in lower case as often as not. Not facilities ("the Kharkiv
/// airport" is where a strike hit) nor directions ("the Pokrovsk
/// direction" names where fighting is).
const LOWER_CASE_HEADS: &[&str] = &[
    "battalion",
    "battalions",
    "brigade",
    "brigades",
    "corps",
    "group",
    "grouping",
    "groupings",
    "groups",
    "lake",
    "regiment",
    "regiments",
    "reservoir",
    "river",
    "rivers",
];

/// "Small", "great", "new", "old", "upper", "lower", "red" in the genders
/// and transliterations of Ukrainian and Russian names.
const NAME_PREFIXES: &[&str] = &[
    "bolshaia",
    "bolshaya",
    "bolshoi",
    "bolshoy",
    "bolshoye",
    "krasna",
    "krasnaia",
    "krasnaya",
    "krasne",
    "krasnoye",
    "krasnyi",
    "krasnyy",
    "mala",
    "malaia",
    "malaya",
    "male",
    "maloye",
    "malyi",
    "malyy",
    "nizhneye",
    "nizhniy",
    "nizhnyaya",
    "nova",
    "novaia",
    "novaya",
    "nove",
    "novoye",
    "novyi",
    "novyy",
    "nyzhnia",
    "nyzhnie",
    "nyzhnii",
    "nyzhnya",
    "stara",
    "staraia",
    "staraya",
    "stare",
    "staroye",
    "staryi",
    "staryy",
    "velyka",
    "velyke",
    "velykyi",
    "velykyy",
    "verkhneye",
    "verkhnia",
    "verkhnie",
    "verkhnii",
    "verkhniy",
    "verkhnya",
    "verkhnyaya",
];

const ORG_HEADS: &[&str] = &[
    "accords",
    "administration",
    "agency",
    "agreement",
    "airbase",
    "airlines",
    "airport",
    "airways",
    "army",
    "assembly",
    "association",
    "authority",
    "avenue",
    "bank",
    "base",
    "battalion",
    "bay",
    "bridge",
    "brigade",
    "bureau",
    "canal",
    "channel",
    "club",
    "command",
    "commission",
    "committee",
    "company",
    "conference",
    "congress",
    "corporation",
    "corps",
    "council",
    "counteroffensive",
    "court",
    "daily",
    "dam",
    "department",
    "division",
    "fc",
    "federation",
    "fleet",
    "forest",
    "format",
    "forum",
    "foundation",
    "gazeta",
    "gazette",
    "group",
    "grouping",
    "guard",
    "gulf",
    "herald",
    "house",
    "independent",
    "institute",
    "island",
    "journal",
    "kremlin",
    "lake",
    "league",
    "legion",
    "media",
    "microraion",
    "ministry",
    "monitor",
    "mountains",
    "navy",
    "news",
    "observer",
    "offensive",
    "office",
    "online",
    "operation",
    "organisation",
    "organization",
    "palace",
    "parliament",
    "party",
    "plant",
    "police",
    "port",
    "poshta",
    "post",
    "pravda",
    "press",
    "radio",
    "regiment",
    "reservoir",
    "review",
    "river",
    "sea",
    "senate",
    "service",
    "society",
    "squadron",
    "square",
    "star",
    "station",
    "strait",
    "street",
    "summit",
    "telegraph",
    "television",
    "times",
    "treaty",
    "tribune",
    "tv",
    "university",
    "weekly",
    "wire",
];

const ORGS_AND_THINGS: &[&str] = &[
    "abrams",
    "acled",
    "afp",
    "atacms",
    "bbc",
    "bloomberg",
    "bradley",
    "cnn",
    "deepstate",
    "euromaidan",
    "fsb",
    "geran",
    "gru",
    "himars",
    "hur",
    "interfax",
    "iskander",
    "isw",
    "izvestia",
    "javelin",
    "kalibr",
    "kinzhal",
    "kommersant",
    "kremlin",
    "lancet",
    "leopard",
    "meduza",
    "mod",
    "nato",
    "osce",
    "patriot",
    "pentagon",
    "politico",
    "pravda",
    "reuters",
    "ria",
    "rosgvardia",
    "sbu",
    "shahed",
    "stinger",
    "suspilne",
    "tass",
    "telegram",
    "ukrinform",
    "unian",
    "wagner",
];

const DEMONYMS: &[&str] = &[
    "american",
    "americans",
    "belarusian",
    "belarusians",
    "british",
    "chechen",
    "chechens",
    "chinese",
    "european",
    "europeans",
    "french",
    "german",
    "germans",
    "iranian",
    "iranians",
    "israeli",
    "israelis",
    "korean",
    "koreans",
    "pole",
    "poles",
    "polish",
    "russian",
    "russians",
    "soviet",
    "ukrainian",
    "ukrainians",
    "western",
];

const COMMON_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "action",
    "advance",
    "advances",
    "after",
    "again",
    "against",
    "air",
    "all",
    "also",
    "although",
    "amid",
    "among",
    "an",
    "analysis",
    "and",
    "another",
    "any",
    "apr",
    "april",
    "are",
    "area",
    "around",
    "artillery",
    "as",
    "assault",
    "at",
    "attack",
    "attacks",
    "aug",
    "august",
    "autumn",
    "back",
    "based",
    "battle",
    "because",
    "before",
    "being",
    "below",
    "between",
    "big",
    "both",
    "breaking",
    "brigade",
    "but",
    "by",
    "campaign",
    "can",
    "casualties",
    "center",
    "central",
    "centre",
    "civilians",
    "claims",
    "considering",
    "could",
    "counteroffensive",
    "day",
    "dec",
    "december",
    "defence",
    "defense",
    "despite",
    "did",
    "do",
    "does",
    "down",
    "drone",
    "drones",
    "during",
    "each",
    "early",
    "east",
    "eastern",
    "either",
    "even",
    "every",
    "exclusive",
    "explainer",
    "fall",
    "feb",
    "february",
    "few",
    "fighting",
    "financial",
    "first",
    "following",
    "for",
    "forces",
    "friday",
    "from",
    "front",
    "frontline",
    "further",
    "given",
    "government",
    "had",
    "has",
    "have",
    "he",
    "heavy",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "inside",
    "instead",
    "intelligence",
    "into",
    "is",
    "it",
    "its",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "just",
    "key",
    "last",
    "late",
    "later",
    "latest",
    "least",
    "less",
    "like",
    "live",
    "losses",
    "many",
    "map",
    "maps",
    "mar",
    "march",
    "may",
    "meanwhile",
    "military",
    "missile",
    "missiles",
    "monday",
    "more",
    "moreover",
    "most",
    "much",
    "must",
    "my",
    "near",
    "nearly",
    "neither",
    "never",
    "new",
    "next",
    "no",
    "nor",
    "north",
    "northeast",
    "northern",
    "northwest",
    "not",
    "note",
    "nothing",
    "nov",
    "november",
    "now",
    "oct",
    "october",
    "of",
    "off",
    "offensive",
    "officials",
    "old",
    "on",
    "once",
    "one",
    "only",
    "onto",
    "operation",
    "opinion",
    "or",
    "other",
    "our",
    "out",
    "outside",
    "over",
    "own",
    "paper",
    "per",
    "perhaps",
    "photo",
    "position",
    "positions",
    "previously",
    "probably",
    "pulls",
    "q",
    "rather",
    "recently",
    "related",
    "report",
    "reports",
    "residents",
    "said",
    "same",
    "saturday",
    "says",
    "second",
    "sep",
    "sept",
    "september",
    "several",
    "she",
    "shelling",
    "should",
    "since",
    "so",
    "soldiers",
    "some",
    "source",
    "sources",
    "south",
    "southeast",
    "southern",
    "southwest",
    "spring",
    "still",
    "story",
    "such",
    "summary",
    "summer",
    "sunday",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "third",
    "this",
    "those",
    "though",
    "through",
    "thursday",
    "thus",
    "to",
    "today",
    "together",
    "too",
    "top",
    "toward",
    "towards",
    "troops",
    "tuesday",
    "under",
    "unit",
    "units",
    "unlike",
    "until",
    "up",
    "updates",
    "upon",
    "very",
    "via",
    "video",
    "war",
    "was",
    "watch",
    "we",
    "wednesday",
    "were",
    "west",
    "western",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whose",
    "why",
    "will",
    "winter",
    "with",
    "within",
    "without",
    "would",
    "yeah",
    "yes",
    "yet",
    "you",
    "your",
];

const CONNECTORS: &[&str] = &[
    "am", "an", "and", "de", "del", "der", "di", "do", "du", "im", "la", "le", "na", "nad", "on",
    "pid", "pod", "sur", "upon",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_sorted_and_lower_case() {
        for list in [
            TITLES,
            GIVEN_NAMES,
            KNOWN_PERSONS,
            ORG_HEADS,
            ORGS_AND_THINGS,
            DEMONYMS,
            COMMON_WORDS,
            CONNECTORS,
            FEATURES_OF,
            NAME_PREFIXES,
            LOWER_CASE_HEADS,
        ] {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "{:?}",
                list.windows(2).find(|w| w[0] >= w[1])
            );
            assert!(list.iter().all(|w| w.chars().all(|c| !c.is_uppercase())));
        }
    }

    #[test]
    fn titles_and_given_names_are_found() {
        assert!(is_title("gen"));
        assert!(is_given_name("vladimir"));
        assert!(is_org_head("post"));
        assert!(is_demonym("russian"));
        assert!(!is_common_word("kharkiv"));
    }
}
