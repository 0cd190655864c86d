//! The triggers of more than one word ("taken control of", "pushed …
//! back", "launched missiles at"): each a first word, what must stand
//! around it, and the action it reports, looked up from a word by one hash
//! probe ([`trigger_head`]). The rule that reads them is
//! `event::triggers`.

use super::events::CASUALTIES;
use crate::action::Action;

/// What must stand around a phrase's first word for the phrase to be read
/// (see [`PHRASES`]).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Then {
    /// The next word is one of these.
    Next(&'static [&'static str]),
    /// The next word is one of these, and the word after it this one.
    NextTwo(&'static [&'static str], &'static str),
    /// One of these within so many words after.
    Within(usize, &'static [&'static str]),
    /// The words before make it a verb of holding: a subject ("forces
    /// control"), an adverb ("still hold"), "continue to", or "under" a
    /// side ("under Russian control"); not an aim ("attempting to hold").
    Held,
    /// [`Then::Held`], and the next word is one of these ("maintain positions").
    HeldBefore(&'static [&'static str]),
    /// "held" as a verb of holding: [`Then::Held`] or after an auxiliary
    /// ("Russian forces had also held Sievierodonetsk", "forces have held
    /// territory"), and no object of these words after it, a determiner
    /// between or not ("held talks", "held a referendum").
    HeldVerb(&'static [&'static str]),
    /// "held out", "holding out", "holding on", with no object after it
    /// ("held out hope"): `holds_out` in `event::actors`.
    HoldsOut,
    /// After "in" and a side: "in Ukrainian hands".
    InSideOf,
    /// After a form of "be" or "still": "are occupying".
    AfterBe,
    /// After "came under", "fell under", a side between or not: "came
    /// under Russian control".
    CameUnder,
}

/// A trigger of more than one word: its first words, what must stand
/// around it, and the action it reports.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Phrase {
    /// The words the phrase may begin with.
    pub(crate) first: &'static [&'static str],
    pub(crate) then: Then,
    pub(crate) action: Action,
}

/// What is "held" that is no ground: "held talks", "held a referendum",
/// "held hostage", "held back", "held out" (said of the defenders, whose
/// side the sentence seldom names).
const NOT_HELD: &[&str] = &[
    "talks",
    "talk",
    "meeting",
    "meetings",
    "referendum",
    "referendums",
    "election",
    "elections",
    "vote",
    "votes",
    "conference",
    "press",
    "negotiations",
    "discussions",
    "consultations",
    "ceremony",
    "ceremonies",
    "funeral",
    "exercises",
    "drills",
    "parade",
    "session",
    "summit",
    "call",
    "hostage",
    "hostages",
    "captive",
    "prisoner",
    "prisoners",
    "responsible",
    "accountable",
    "back",
    "out",
    "up",
    "off",
    "on",
    "onto",
    "firm",
];

/// Forms of "take" that take control: "had taken control of".
const TAKES: &[&str] = &[
    "taken",
    "take",
    "takes",
    "took",
    "taking",
    "gained",
    "gain",
    "gains",
    "established",
    "establish",
    "establishes",
    "seized",
    "assumed",
    "regained",
];
/// Verbs and nouns of holding: "still hold", "under Russian control",
/// "under Russian occupation".
const HOLDS: &[&str] = &[
    "hold",
    "holds",
    "holding",
    "control",
    "controls",
    "controlling",
    "retain",
    "retains",
    "retaining",
    "retained",
    "occupation",
];
/// Forms of "lose": "lost control of", "lost 120 servicemen".
const LOSES: &[&str] = &["lost", "lose", "loses", "losing"];

/// The triggers of more than one word, tried in this order at each word:
/// the first that matches is read, and the word after it is skipped.
pub(crate) const PHRASES: &[Phrase] = &[
    // Monitor notes: "dropped an explosive from a drone on positions in X".
    Phrase {
        first: &["dropped", "dropping", "drops"],
        then: Then::Within(
            4,
            &[
                "explosive",
                "explosives",
                "bomb",
                "bombs",
                "grenade",
                "grenades",
                "munition",
                "munitions",
                "ordnance",
            ],
        ),
        action: Action::AirStrike,
    },
    // "dug in".
    Phrase {
        first: &["dug", "digging", "dig"],
        then: Then::Next(&["in"]),
        action: Action::Fortification,
    },
    // "had taken control of".
    Phrase {
        first: TAKES,
        then: Then::Next(&["control"]),
        action: Action::Capture,
    },
    // "established full control over".
    Phrase {
        first: &[
            "taken",
            "take",
            "took",
            "taking",
            "gained",
            "established",
            "seized",
            "regained",
        ],
        then: Then::NextTwo(&["full", "complete", "total"], "control"),
        action: Action::Capture,
    },
    // "pulled out", "pulled back".
    Phrase {
        first: &["pulled", "pulling"],
        then: Then::Next(&["out", "back"]),
        action: Action::Withdrawal,
    },
    // "pressed on toward Kramatorsk".
    Phrase {
        first: &["pressed", "pressing", "press", "presses"],
        then: Then::Next(&["on", "ahead", "forward", "toward", "towards"]),
        action: Action::Advance,
    },
    // "closing in on Pokrovsk".
    Phrase {
        first: &["closing", "closed", "close", "closes"],
        then: Then::Next(&["in"]),
        action: Action::Advance,
    },
    // "broke through Ukrainian defences".
    Phrase {
        first: &["break", "breaks", "broke", "breaking", "broken"],
        then: Then::Next(&["through"]),
        action: Action::Advance,
    },
    // "Terny remains contested": fought over.
    Phrase {
        first: &[
            "remains", "remain", "remained", "is", "are", "was", "were", "stays",
        ],
        then: Then::Next(&["contested"]),
        action: Action::Clash,
    },
    // "in the gray zone": fought over.
    Phrase {
        first: &["gray", "grey"],
        then: Then::Next(&["zone"]),
        action: Action::Clash,
    },
    // "Ukraine lost control of Avdiivka": the loser withdrew.
    Phrase {
        first: LOSES,
        then: Then::Next(&["control"]),
        action: Action::Withdrawal,
    },
    // "the enemy lost 120 servicemen near Vuhledar": fighting there.
    Phrase {
        first: LOSES,
        then: Then::Within(5, CASUALTIES),
        action: Action::Clash,
    },
    // "Krynky came under Russian control", "fell under occupation": it
    // changed hands.
    Phrase {
        first: &["control", "occupation"],
        then: Then::CameUnder,
        action: Action::Capture,
    },
    // "took at least partial control of the city".
    Phrase {
        first: &[
            "took", "taken", "take", "takes", "taking", "gained", "seized", "regained",
        ],
        then: Then::Within(4, &["control"]),
        action: Action::Capture,
    },
    // "the city held out", "Bakhmut and Soledar were holding on": a
    // place its defenders hold (the side: `event::actors`). Not "held on"
    // ("talks held on Monday").
    Phrase {
        first: &["held", "holding", "holds", "hold"],
        then: Then::HoldsOut,
        action: Action::Hold,
    },
    // "forces still hold Vuhledar", "Russian forces control most of
    // Niu-York", "continue to hold", "under Russian control".
    Phrase {
        first: HOLDS,
        then: Then::Held,
        action: Action::Hold,
    },
    // "a frontline city held by Ukraine", "is controlled by the
    // Russian-backed separatist Donetsk People's Republic": the holder
    // after "by".
    Phrase {
        first: &["held", "controlled"],
        then: Then::Next(&["by"]),
        action: Action::Hold,
    },
    // "Ukrainian forces held a number of settlements around Popasna",
    // "Russian forces had also held Sievierodonetsk": a state.
    Phrase {
        first: &["held"],
        then: Then::HeldVerb(NOT_HELD),
        action: Action::Hold,
    },
    // "Russian troops are occupying about 20% of Ukraine": a state.
    Phrase {
        first: &["occupying"],
        then: Then::AfterBe,
        action: Action::Hold,
    },
    // "Ukrainian forces maintain positions in Synkivka" (but not "maintain
    // pressure on").
    Phrase {
        first: &["maintain", "maintains", "maintained", "maintaining"],
        then: Then::HeldBefore(&["positions", "control", "presence"]),
        action: Action::Hold,
    },
    // "remains in Ukrainian hands".
    Phrase {
        first: &["hands"],
        then: Then::InSideOf,
        action: Action::Hold,
    },
    // "fell to Russian forces".
    Phrase {
        first: &["fell", "falls"],
        then: Then::Next(&["to"]),
        action: Action::Capture,
    },
    // "improved their tactical position near X": an advance, as Russia's
    // ministry words it.
    Phrase {
        first: &["improved", "improving", "improve", "improves"],
        then: Then::Within(3, &["position", "positions"]),
        action: Action::Advance,
    },
    // "beat back an assault".
    Phrase {
        first: &["beat", "beaten", "beating"],
        then: Then::Next(&["back"]),
        action: Action::Repelled,
    },
    // "fought off attacks".
    Phrase {
        first: &["fought", "fighting", "fend", "fended", "fending"],
        then: Then::Next(&["off"]),
        action: Action::Repelled,
    },
    // "stopped a Russian mechanized assault", "thwarted an attempt to
    // advance": the attack was repelled.
    Phrase {
        first: &[
            "stopped",
            "stopping",
            "halted",
            "halting",
            "thwarted",
            "thwarting",
            "foiled",
            "foiling",
            "blunted",
        ],
        then: Then::Within(
            4,
            &[
                "assault",
                "assaults",
                "attack",
                "attacks",
                "advance",
                "advances",
                "offensive",
                "attempt",
                "attempts",
                "push",
                "breakthrough",
            ],
        ),
        action: Action::Repelled,
    },
];

/// Verbs that drive the other side from a place, whose object lost it:
/// "pushed Russian forces back" (a counterattack), "forced Ukrainian
/// troops from Avdiivka" (a capture, and their withdrawal).
pub(crate) const DRIVES: &[&str] = &[
    "pushed", "pushing", "push", "pushes", "drove", "driving", "forced", "forcing",
];

/// Verbs that launch a weapon, a strike with the weapon's noun after them:
/// "launched missiles at", "fired rockets on".
pub(crate) const LAUNCHES: &[&str] = &["launched", "fired", "launching", "firing"];

/// The weapons launched: missiles and shells are shelling, drones and
/// bombs air strikes.
pub(crate) fn launched_weapon(word: &str) -> Option<Action> {
    match word {
        "missile" | "missiles" | "rockets" | "rocket" | "shells" => Some(Action::Shelling),
        "drones" | "drone" | "bombs" => Some(Action::AirStrike),
        _ => None,
    }
}

// Each phrase has a bit of its own below the two of DRIVES and LAUNCHES.
const _: () = assert!(PHRASES.len() <= 30);

/// Bit of [`trigger_head`] for a word of [`DRIVES`].
pub(crate) const HEAD_DRIVE: u32 = 1 << 30;
/// Bit of [`trigger_head`] for a word of [`LAUNCHES`].
pub(crate) const HEAD_LAUNCH: u32 = 1 << 31;

/// The multi-word triggers a lower-case word can begin, from one hash
/// lookup: bit `i` for [`PHRASES`]`[i]`, and [`HEAD_DRIVE`], [`HEAD_LAUNCH`].
pub(crate) fn trigger_head(word: &str) -> u32 {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u32>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = rustc_hash::FxHashMap::default();
        let rows = PHRASES
            .iter()
            .enumerate()
            .map(|(i, p)| (1u32 << i, p.first))
            .chain([(HEAD_DRIVE, DRIVES), (HEAD_LAUNCH, LAUNCHES)]);
        for (bit, words) in rows {
            for &w in words {
                *table.entry(w).or_insert(0) |= bit;
            }
        }
        table
    });
    table.get(word).copied().unwrap_or(0)
}
