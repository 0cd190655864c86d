//! The vocabulary of events: trigger stems and phrases, side and source
//! words, units, and the word lists event reading tests words against.
//! Each table is data; the rules that read them are in [`crate::event`].

use crate::action::Action;
use crate::side::Side;

use super::strip_possessive;

/// Nouns after a side word that make it a source, not an actor.
pub(crate) const SOURCE_NOUNS: &[&str] = &[
    "milbloggers",
    "milblogger",
    "sources",
    "source",
    "media",
    "officials",
    "official",
    "outlet",
    "outlets",
    "authorities",
    "analysts",
    "commentators",
    "channels",
    "channel",
    "bloggers",
    "blogger",
    "journalists",
    "outlet's",
    "telegram",
];

/// Nouns after a side word that make it a place's, not an actor's.
pub(crate) const NON_ACTOR_NOUNS: &[&str] = &[
    "territory",
    "territories",
    "border",
    "borders",
    "side",
    "soil",
    "land",
    "lands",
    "region",
    "regions",
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "cities",
    "frontier",
    "airspace",
    "coast",
    "civilians",
    "citizens",
    "people",
    "losses",
    "casualties",
    "positions",
    "infrastructure",
    // "broke through Ukrainian defenses … and began heading towards X",
    // "the last Ukrainian stronghold to be captured": what is attacked.
    "defenses",
    "defences",
    "stronghold",
    "strongholds",
    "base",
    "bases",
];

/// The side a word names on its own ("Russian", "Kyiv's"); "North" of
/// "North Korean" needs the word after it (see `side_at`).
pub(crate) fn side_of_word(word: &str) -> Option<Side> {
    // Side words are 3 to 13 letters long (possessive included).
    if !(3..=15).contains(&word.len()) {
        return None;
    }
    match strip_possessive(word) {
        "russia" | "russian" | "russians" | "moscow" | "kremlin" | "wagner" | "chechen"
        | "occupiers" | "occupier" | "invaders" | "rashists" | "battlegroup" | "battlegroups"
        // Named formations (`event::named`): the 2014–2022 republics' forces
        // and Russia's National Guard and Chechen units.
        | "naf" | "dpr" | "lpr" | "dnr" | "lnr" | "akhmat" | "rosgvardia" | "rosgvardiya"
        // Russian-backed separatists of the Donbas, Russia's airborne troops.
        | "separatist" | "separatists" | "vdv" => {
            Some(Side::RU)
        }
        "ukraine" | "ukrainian" | "ukrainians" | "kyiv" | "kiev" | "afu" | "zsu" | "vsu"
        | "kraken" | "gur" => Some(Side::UA),
        "pyongyang" => Some(Side::Other(*b"KP")),
        "belarus" | "belarusian" => Some(Side::Other(*b"BY")),
        _ => None,
    }
}

/// Sources whose side is known by name: Ukrainian monitors, commands and
/// officials; Russian agencies, channels and officials.
pub(crate) const UKRAINIAN_SOURCES: &[&str] = &[
    "deepstate",
    "khortytsia",
    "tavria",
    "syrskyi",
    "zelensky",
    "zelenskyy",
    "zelenskiy",
    "sbu",
    "hur",
    "ukrinform",
    "suspilne",
    "umerov",
];

pub(crate) const RUSSIAN_SOURCES: &[&str] = &[
    "tass",
    "ria",
    "rybar",
    "shoigu",
    "belousov",
    "gerasimov",
    "konashenkov",
    "peskov",
    "zvezda",
    "interfax",
];

/// Nouns for units: deployments are of these.
pub(crate) const UNIT_WORDS: &[&str] = &[
    "troops",
    "troop",
    "unit",
    "units",
    "forces",
    "soldiers",
    "brigade",
    "brigades",
    "battalion",
    "battalions",
    "regiment",
    "regiments",
    "division",
    "divisions",
    "personnel",
    "reinforcements",
    "reserves",
    "servicemen",
    "fighters",
    "contingent",
    "engineers",
    "mercenaries",
    "marines",
    "paratroopers",
    "garrison",
    "fleet",
    "vessels",
    "ships",
    "warships",
];

/// Nouns of numbered formations: "the 90th Airmobile Battalion", "the
/// 93rd Brigade". A numbered formation named once with its side keeps it.
pub(crate) const FORMATION_NOUNS: &[&str] = &[
    "brigade",
    "brigades",
    "battalion",
    "battalions",
    "regiment",
    "regiments",
    "division",
    "divisions",
    "company",
    "corps",
    "army",
    "detachment",
];

/// Verbs of coming close before "within"/"under" and a distance: "had
/// closed within 20 kilometers of Soledar", "stood under 3 kilometres from
/// the city center" (an approach: an advance on the place, as ISW reads it).
pub(crate) const APPROACH_VERBS: &[&str] = &["closed", "came", "come", "got", "stood", "stand"];

/// Units of a stated distance: "20 kilometers", "3 miles".
pub(crate) const DISTANCE_UNITS: &[&str] = &[
    "km",
    "kilometers",
    "kilometres",
    "kilometer",
    "kilometre",
    "mi",
    "miles",
    "mile",
];

/// What a side loses in fighting: "lost 120 servicemen", "lost two tanks".
pub(crate) const CASUALTIES: &[&str] = &[
    "servicemen",
    "soldiers",
    "troops",
    "personnel",
    "men",
    "fighters",
    "killed",
    "wounded",
    "dead",
    "tanks",
    "tank",
    "vehicles",
    "armored",
    "armoured",
];

/// The word lists event reading scans whole sentences for, as bits of
/// [`WordFacts::lists`] (see [`lists_of`]).
pub(crate) struct Lists;

impl Lists {
    /// A noun for units ([`UNIT_WORDS`]): deployments are of these.
    pub(crate) const UNIT: u32 = 1;
    /// Air power: a sentence with one makes its strikes air strikes.
    pub(crate) const AIR: u32 = 1 << 1;
    /// A modal or a word of plans: "may", "could", "plans".
    pub(crate) const SPECULATIVE: u32 = 1 << 2;
    /// A party's claim: "claimed", "announced", "allegedly".
    pub(crate) const CLAIM: u32 = 1 << 3;
}

/// The [`Lists`] a lower-case word is on.
pub(crate) fn lists_of(word: &str) -> u32 {
    let mut lists = 0;
    if UNIT_WORDS.contains(&word) {
        lists |= Lists::UNIT;
    }
    if matches!(
        word,
        "drone"
            | "drones"
            | "aircraft"
            | "aviation"
            | "glide"
            | "airstrike"
            | "airstrikes"
            | "bombs"
            | "uav"
            | "uavs"
            | "shahed"
            | "shaheds"
            | "jets"
            | "air"
    ) {
        lists |= Lists::AIR;
    }
    if matches!(
        word,
        "may"
            | "might"
            | "could"
            | "would"
            | "possibly"
            | "perhaps"
            | "whether"
            | "unclear"
            | "intends"
            | "plans"
            | "planning"
            | "expected"
    ) {
        lists |= Lists::SPECULATIVE;
    }
    if matches!(
        word,
        "claimed"
            | "claims"
            | "claim"
            | "claiming"
            | "announced"
            | "alleged"
            | "allegedly"
            | "purportedly"
    ) {
        lists |= Lists::CLAIM;
    }
    lists
}

/// The action a word triggers, by its stem.
pub(crate) fn action_of(word: &str) -> Option<Action> {
    // Every stem is three letters or more.
    if word.len() < 3 {
        return None;
    }
    const STEMS: &[(&str, Action)] = &[
        ("recaptur", Action::Capture),
        ("captur", Action::Capture),
        ("seiz", Action::Capture),
        ("occupied", Action::Capture),
        ("occupy", Action::Capture),
        ("liberat", Action::Capture),
        ("retook", Action::Capture),
        ("regain", Action::Capture),
        ("retake", Action::Capture),
        ("took", Action::Capture),
        // "cleared Robotyne of Russian troops"; only with the place right
        // after it (see `is_take`), not "cleared mines".
        ("cleared", Action::Capture),
        ("clearing", Action::Capture),
        ("taking", Action::Capture),
        ("taken", Action::Capture),
        ("overran", Action::Capture),
        // "managed to conquer large parts of Kharkiv Oblast".
        ("conquer", Action::Capture),
        ("withdr", Action::Withdrawal),
        ("retreat", Action::Withdrawal),
        ("abandon", Action::Withdrawal),
        ("ceded", Action::Withdrawal),
        ("surrender", Action::Withdrawal),
        ("counterattack", Action::Counterattack),
        ("counteroffensive", Action::Counterattack),
        ("counter-attack", Action::Counterattack),
        ("advanc", Action::Advance),
        ("crossed", Action::Advance),
        // Encirclement and siege are assaults by the side that encircles
        // (ACLED, ISW): "have nearly encircled Vuhledar", "trying to
        // encircle Kurakhove", "besieged the city", "laying siege to" (but
        // not "faces encirclement": the encircled side is no actor;
        // "encirclement" is a trigger only as "the encirclement of X", see
        // `Sentence::find_triggers`).
        ("encircled", Action::Assault),
        ("encircling", Action::Assault),
        ("encircle", Action::Assault),
        ("surrounded", Action::Assault),
        ("besieg", Action::Assault),
        ("siege", Action::Assault),
        // "Russian troops entered Toretsk"; only with the place right after
        // it (see `is_take`), not "entered into force".
        ("entered", Action::Advance),
        ("entering", Action::Advance),
        ("gain", Action::Advance),
        ("progress", Action::Advance),
        ("attack", Action::Assault),
        ("assault", Action::Assault),
        ("storm", Action::Assault),
        ("dislodg", Action::Assault),
        ("offensive", Action::Assault),
        ("incursion", Action::Assault),
        ("repel", Action::Repelled),
        ("repuls", Action::Repelled),
        ("fought", Action::Clash),
        ("fighting", Action::Clash),
        ("clash", Action::Clash),
        ("battle", Action::Clash),
        ("engagement", Action::Clash),
        ("combat", Action::Clash),
        ("shell", Action::Shelling),
        ("bombard", Action::Shelling),
        // "pounding the city of Toretsk" (not "pounds", money).
        ("pounding", Action::Shelling),
        ("pounded", Action::Shelling),
        ("bomb", Action::AirStrike),
        // Monitor notes: "carried out airstrikes at X".
        ("airstrike", Action::AirStrike),
        // Monitor notes: "fired mortars and artillery at X", "fired at
        // positions near X", "were fired upon"; with drones named, an air
        // strike.
        ("fired", Action::Shelling),
        ("firing", Action::Shelling),
        ("artillery", Action::Shelling),
        ("struck", Action::Shelling),
        ("strike", Action::Shelling),
        ("hit", Action::Shelling),
        ("fortif", Action::Fortification),
        ("entrench", Action::Fortification),
        ("trench", Action::Fortification),
        ("deploy", Action::Deployment),
        ("redeploy", Action::Deployment),
        ("sending", Action::Deployment),
        ("sent", Action::Deployment),
        ("send", Action::Deployment),
        ("dispatch", Action::Deployment),
        ("transferr", Action::Deployment),
        ("arriv", Action::Deployment),
        ("reinforc", Action::Deployment),
        ("moved", Action::Deployment),
        ("moving", Action::Deployment),
        ("push", Action::Advance),
        ("reach", Action::Advance),
        // "consolidated positions in Bohoiavlenka": they hold it.
        ("consolidat", Action::Hold),
        // "were defending forested areas near Lyman", "Ukrainian holdouts".
        ("defend", Action::Hold),
        ("holdout", Action::Hold),
        // "ongoing Ukrainian resistance in Hostomel", "resisted the Russian
        // advance in Irpin" (the advance's places: see the driver): the
        // side resisting holds the place.
        ("resisted", Action::Hold),
        ("resisting", Action::Hold),
        ("resistance", Action::Hold),
        // "massed troops near the border", "a gathering of Russian forces",
        // "regrouped north of Kurakhove" (with units named: see the driver).
        ("massed", Action::Deployment),
        ("amass", Action::Deployment),
        ("regroup", Action::Deployment),
        ("gathering", Action::Deployment),
    ];
    // The stems by first letter, in the order above.
    static BY_LETTER: std::sync::OnceLock<Vec<Vec<(&'static str, Action)>>> =
        std::sync::OnceLock::new();
    let by_letter = BY_LETTER.get_or_init(|| {
        let mut table = vec![Vec::new(); 26];
        for &(stem, action) in STEMS {
            table[(stem.as_bytes()[0] - b'a') as usize].push((stem, action));
        }
        table
    });
    let first = word.as_bytes()[0];
    if !first.is_ascii_lowercase() {
        return None;
    }
    by_letter[(first - b'a') as usize]
        .iter()
        .find(|(stem, _)| word.starts_with(stem))
        .map(|&(_, action)| action)
        // "strikes" and "hits" carry no outcome; "gains" must not match "against".
        .filter(|_| {
            !matches!(
                word,
                "against"
                    | "encirclement"
                    | "encirclements"
                    | "hitherto"
                    | "shellfish"
                    | "attacker"
                    | "attackers"
                    | "battlegroup"
                    | "battlegroups"
                    | "battlefield"
                    | "battlefields"
                    | "battleground"
                    | "battlegrounds"
                    | "defender"
                    | "defenders"
            )
        })
}

/// Words after a participle that make it an adjective: "occupied areas".
pub(crate) const DESCRIBED: &[&str] = &[
    "area",
    "areas",
    "territory",
    "territories",
    "region",
    "regions",
    "village",
    "villages",
    "town",
    "towns",
    "city",
    "cities",
    "settlement",
    "settlements",
    "land",
    "lands",
    "parts",
    "soldiers",
    "troops",
    "positions",
    "equipment",
    "prisoners",
    "crimea",
    "donbas",
];

/// Words that may stand between "take" and the place taken: "taking the
/// towns of Selydove and Novohrodivka", "taken full control of".
pub(crate) const OBJECT_LEAD: &[&str] = &[
    "the",
    "a",
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "settlement",
    "settlements",
    "hamlet",
    "of",
    "control",
    "full",
    "complete",
    "over",
    "back",
    "most",
    "much",
    "part",
    "parts",
    "key",
    "small",
    "nearby",
    "neighbouring",
    "neighboring",
    "outskirts",
    "edge",
    "approaches",
    "central",
    "centre",
    "center",
    "eastern",
    "western",
    "northern",
    "southern",
    "russia's",
    "russia’s",
    "ukraine's",
    "ukraine’s",
    "centre",
    "center",
    "suburbs",
];

/// Nouns of units and weapons, besides [`UNIT_WORDS`], that a trigger noun
/// before them describes: "assault groups", "attack drones", "strike
/// aircraft" are no events.
pub(crate) const DESCRIBED_FORCES: &[&str] = &[
    "group",
    "groups",
    "team",
    "teams",
    "detachment",
    "detachments",
    "squad",
    "squads",
    "company",
    "companies",
    "infantry",
    "drone",
    "drones",
    "uav",
    "uavs",
    "helicopter",
    "helicopters",
    "aircraft",
    "boat",
    "boats",
    "vehicles",
];

/// Day names, Monday first.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Nouns of the routes whose ends are named after "between": "the road
/// between Kostiantynivka and Druzhkivka".
pub(crate) const ROUTE_WORDS: &[&str] = &[
    "road", "roads", "highway", "route", "railway", "railroad", "line", "corridor",
];

/// Words of a made way, whose hyphenated name or destination is no event
/// place ("the Chernihiv-Sosnytsia highway", "the road to Horodnia"); not
/// "line" ("along the Svatove-Kreminna line" is where the fighting is).
pub(crate) const ROAD_WORDS: &[&str] =
    &["road", "roads", "highway", "route", "railway", "railroad"];

/// Nouns after a place name that make it the name of an area of fighting:
/// "the Pokrovsk direction", "the Kupiansk front".
pub(crate) const AREA_WORDS: &[&str] = &[
    "direction",
    "directions",
    "axis",
    "front",
    "sector",
    "area",
    "line",
    "axes",
    "fronts",
    "sectors",
];

/// The text between two names of one list: "A, B", "A and B", "A, and B",
/// "A or B", "A, or B".
pub(crate) fn is_list_gap(gap: &str) -> bool {
    matches!(gap, ", " | " and " | ", and " | " or " | ", or ")
}

/// Nouns of a siege: "the siege of Mariupol", "completed the encirclement
/// of Chernihiv". A siege is an assault by the side that lays it; one whose
/// besieger the sentence does not name is the name of a battle, no event
/// of its own ("The Siege of Chernihiv was a military engagement").
pub(crate) fn is_siege_noun(word: &str) -> bool {
    matches!(word, "siege" | "sieges" | "encirclement")
}

/// Verbs that end a siege: "ending the siege", "lifted the siege of
/// Chernihiv", "broke the encirclement". The siege ended is no assault.
pub(crate) const SIEGE_ENDS: &[&str] = &[
    "end",
    "ends",
    "ended",
    "ending",
    "lift",
    "lifts",
    "lifted",
    "lifting",
    "break",
    "breaks",
    "broke",
    "breaking",
    "broken",
    "breach",
    "breached",
    "breaching",
];

/// Verbs of moving that, with "toward(s)" after them, report an advance
/// on the place headed to: "began moving towards the city of Chernihiv",
/// "began heading towards Mykolaiv", "tanks moved towards the city".
pub(crate) const MOVES: &[&str] = &[
    "move", "moves", "moved", "moving", "head", "heads", "headed", "heading", "march", "marches",
    "marched", "marching", "rolled", "rolling",
];

/// Verbs of denying: the side that denies an event ("Ukraine initially
/// denied the city's capture") is no actor of it.
pub(crate) const DENY_WORDS: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "denying",
    "disputed",
    "disputes",
    "dispute",
    "disputing",
    "refuted",
    "refutes",
    "refute",
];

/// Pronouns that stand for the side last named as the subject of a
/// trigger: "they attacked", "it's advancing".
pub(crate) const SUBJECT_PRONOUNS: &[&str] = &["they", "they’re", "they're", "it", "it’s", "it's"];

/// Verbs and nouns of trying that govern an infinitive trigger: "trying to
/// capture", "an attempt to encircle", "strives to seize". What is tried is
/// fought for, not done: an assault.
pub(crate) const ATTEMPT_WORDS: &[&str] = &[
    "try",
    "tries",
    "tried",
    "trying",
    "attempt",
    "attempts",
    "attempted",
    "attempting",
    "strive",
    "strives",
    "strove",
    "striving",
    "struggle",
    "struggles",
    "struggled",
    "struggling",
    "effort",
    "efforts",
    "bid",
];

/// Words of failing before "in" and a gerund trigger: "unsuccessful in
/// capturing the city", "failed in taking". What failed was fought for: an
/// assault.
pub(crate) const FAIL_WORDS: &[&str] = &["unsuccessful", "failed", "fail", "fails"];

/// Words of plans and aims that govern an infinitive trigger: "plans to
/// capture", "aims to encircle", "preparing to storm", "threatened to
/// attack", "the objective to seize". What is planned has not happened: no
/// event.
pub(crate) const PLAN_WORDS: &[&str] = &[
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "intending",
    "aim",
    "aims",
    "aimed",
    "aiming",
    "goal",
    "goals",
    "objective",
    "objectives",
    "want",
    "wants",
    "wanted",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "prepare",
    "prepares",
    "prepared",
    "preparing",
    "preparation",
    "preparations",
    "threaten",
    "threatens",
    "threatened",
    "threatening",
    "seek",
    "seeks",
    "seeking",
    "sought",
    "expect",
    "expects",
    "expected",
    "ordered",
    "orders",
    "tasked",
    "unable",
    "ready",
];

/// Nouns that, after "the", name again a settlement named before: "the
/// city", "the village".
pub(crate) const SETTLEMENT_NOUNS: &[&str] = &["city", "town", "village", "settlement", "hamlet"];

/// Plural nouns of settlements: "these settlements", "the villages".
pub(crate) const SETTLEMENTS_NOUNS: &[&str] =
    &["cities", "towns", "villages", "settlements", "hamlets"];

/// Nouns of a battle as a period of time after a temporal preposition:
/// "since the Battle of Bakhmut", "during the offensive".
pub(crate) const TIME_FRAME_NOUNS: &[&str] = &[
    "battle",
    "battles",
    "siege",
    "offensive",
    "counteroffensive",
    "counter-offensive",
    "invasion",
    "war",
];

/// Nouns of a phase of a battle: "since the end of the battle", "after the
/// conclusion of the battle of Bakhmut" date what is told as the battle
/// alone does.
pub(crate) const PHASE_NOUNS: &[&str] = &[
    "conclusion",
    "end",
    "start",
    "beginning",
    "outbreak",
    "aftermath",
    "onset",
    "close",
];

/// Prepositions that make the battle after them a time: "since", "during".
pub(crate) const TEMPORAL_PREPOSITIONS: &[&str] = &[
    "since",
    "during",
    "after",
    "before",
    "following",
    "until",
    "throughout",
    "prior",
];

/// Nouns after "artillery" that make it a thing, not fire: "an artillery
/// base", "artillery units".
pub(crate) const ARMS_NOUNS: &[&str] = &[
    "base",
    "bases",
    "unit",
    "units",
    "brigade",
    "brigades",
    "battalion",
    "battalions",
    "regiment",
    "regiments",
    "systems",
    "system",
    "pieces",
    "piece",
    "crew",
    "crews",
    "battery",
    "batteries",
    "depot",
    "depots",
    "ammunition",
    "positions",
    "position",
    "officer",
    "officers",
    "school",
];

/// Nouns of aims that make the trigger after them a plan, "to" or not:
/// "Russian objective: capture the entirety of Donetsk Oblast".
pub(crate) const OBJECTIVE_WORDS: &[&str] = &["objective", "objectives", "goal", "goals"];

/// Nouns after a republic's abbreviation that make it its people: "a DPR
/// official", "DPR militia", "LPR authorities".
pub(crate) const PEOPLE_OF_A_SIDE: &[&str] = &[
    "official",
    "officials",
    "authorities",
    "leader",
    "leaders",
    "head",
    "militia",
    "militias",
    "army",
    "spokesman",
    "spokesperson",
    "media",
    "fighters",
    "commander",
    "commanders",
    "separatists",
    "people's",
];
