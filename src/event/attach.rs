//! Which of the places a trigger reaches are where its event happened.
//!
//! A trigger reaches the places of its clause ("captured Synkivka,
//! northeast of Kupiansk"), but not every place it reaches is where the
//! event is: a town locates the village before it, a region locates the
//! town in it, a country owns a region, a speaker sits in a capital. Each
//! such reading is a named rule of [`PLACE_RULES`], a function of the
//! sentence ([`Sentence`]) and the places in it ([`Site`]); the first rule
//! that holds for a place decides what the place is to the event, and a
//! place no rule holds for is where it happened. Adding a rule is adding a
//! function and a row.

use super::*;
use crate::lexicon::events::{is_list_gap, AREA_WORDS, ROAD_WORDS, ROUTE_WORDS, SETTLEMENT_NOUNS};
use crate::recognize::Locating;

/// What kind of place a site was resolved to, as the place rules tell
/// them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SiteKind {
    /// A settlement (GeoNames class `P`).
    Settlement,
    /// An administrative area below the country: an oblast, a raion.
    Area,
    /// A country.
    Country,
    /// A river, reservoir, sea, island, spit or height.
    Feature,
    /// Anything else the gazetteer knows: a facility, a region.
    Other,
}

impl SiteKind {
    /// The kind of a resolved place.
    pub(super) fn of(place: &crate::Place) -> SiteKind {
        if place.is_populated() {
            SiteKind::Settlement
        } else if place.is_country() {
            SiteKind::Country
        } else if place.is_admin_area() {
            SiteKind::Area
        } else if matches!(
            place.kind,
            crate::place::Kind::Water | crate::place::Kind::Terrain
        ) {
            SiteKind::Feature
        } else {
            SiteKind::Other
        }
    }
}

/// A resolved place name in its sentence.
#[derive(Clone, Copy, Debug)]
pub(super) struct Site {
    /// Index of the mention in the article's mentions.
    pub(super) mention: usize,
    /// Its first and last word.
    pub(super) at: usize,
    pub(super) end: usize,
    /// Its byte span in the text.
    pub(super) bytes: (usize, usize),
    /// The first word of the list it stands in ("near A, B and C").
    pub(super) list_head: usize,
    /// Written inside round brackets.
    pub(super) bracketed: bool,
    pub(super) kind: SiteKind,
}

impl Site {
    fn is_settlement(&self) -> bool {
        self.kind == SiteKind::Settlement
    }
}

/// What a trigger reaches: its sentence, the resolved places of the
/// sentence in text order, and the mentions attached to the trigger.
pub(super) struct Reach<'r, 'a, 't> {
    pub(super) sentence: &'r Sentence<'a, 't>,
    pub(super) sites: &'r [Site],
    /// Mentions (indices into the article's mentions) attached to the trigger.
    pub(super) attached: &'r [usize],
    pub(super) trigger: &'r Trigger,
}

impl Reach<'_, '_, '_> {
    /// The text between site `a` and a later site `b`.
    fn gap(&self, a: usize, b: usize) -> &str {
        &self.sentence.text[self.sites[a].bytes.1..self.sites[b].bytes.0]
    }

    /// The site before `i` in the sentence.
    fn prev(&self, i: usize) -> Option<usize> {
        i.checked_sub(1)
    }

    /// The site after `i` in the sentence.
    fn next(&self, i: usize) -> Option<usize> {
        (i + 1 < self.sites.len()).then_some(i + 1)
    }

    /// The text between site `i` and the next, or empty.
    fn gap_after(&self, i: usize) -> &str {
        self.next(i).map_or("", |o| self.gap(i, o))
    }
}

/// What a place is to the event of the trigger that reaches it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// Where the event is headed ("toward Kreminna").
    Toward,
    /// Not where the event is: it locates, owns or speaks.
    Aside,
}

/// A place rule: its name, the test, and what a place it holds for is.
pub(super) struct PlaceRule {
    /// What the rule recognises, as a reader would say it.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) name: &'static str,
    pub(super) holds: fn(&Reach<'_, '_, '_>, usize) -> bool,
    pub(super) role: Role,
}

/// The place rules, in the order they are tried: the first that holds
/// decides. A place none holds for is where the event happened.
pub(super) const PLACE_RULES: &[PlaceRule] = &[
    PlaceRule {
        name: "an area locating a settlement",
        holds: area_locates_settlement,
        role: Role::Aside,
    },
    PlaceRule {
        name: "a place locating the place before it",
        holds: locates_place_before,
        role: Role::Aside,
    },
    PlaceRule {
        name: "the reference of a compass direction",
        holds: direction_reference,
        role: Role::Aside,
    },
    PlaceRule {
        name: "a river or height beside a settlement",
        holds: feature_beside_settlement,
        role: Role::Aside,
    },
    PlaceRule {
        name: "an owner of the area after it",
        holds: owns_area_after,
        role: Role::Aside,
    },
    PlaceRule {
        name: "an end of a road",
        holds: end_of_route,
        role: Role::Aside,
    },
    PlaceRule {
        name: "where a speaker is",
        holds: speaker_place,
        role: Role::Aside,
    },
    PlaceRule {
        name: "where a strike or move comes from",
        holds: origin_of_strike,
        role: Role::Aside,
    },
    PlaceRule {
        name: "where the event heads",
        holds: heads_toward,
        role: Role::Toward,
    },
    PlaceRule {
        name: "the state that acts",
        holds: acting_state,
        role: Role::Aside,
    },
    PlaceRule {
        name: "a place named before a deployment",
        holds: before_deployment,
        role: Role::Aside,
    },
    PlaceRule {
        name: "a country, other than where units are sent",
        holds: country_of_non_deployment,
        role: Role::Aside,
    },
];

/// The role of site `i` to the trigger, by the first rule that holds; `None`
/// when it is where the event happened.
pub(super) fn role_of(reach: &Reach<'_, '_, '_>, i: usize) -> Option<Role> {
    PLACE_RULES
        .iter()
        .find(|rule| (rule.holds)(reach, i))
        .map(|rule| rule.role)
}

/// "Kurakhove (Pokrovsk raion, Donetsk region)", "Terny, Donetsk Oblast",
/// "Dzhankoi and Saky in occupied Crimea": an area in brackets, in
/// apposition to a settlement or after "in" right after one locates it;
/// but "the Lviv, Kharkiv and Rivne regions" is a list.
fn area_locates_settlement(r: &Reach<'_, '_, '_>, i: usize) -> bool {
    let site = &r.sites[i];
    if site.kind != SiteKind::Area {
        return false;
    }
    let s = r.sentence;
    let continues_list = r.next(i).is_some() && is_list_gap(r.gap_after(i));
    let apposed = !continues_list
        && r.prev(i)
            .is_some_and(|o| r.gap(o, i) == ", " && r.sites[o].is_settlement());
    let located_in = (site.at.saturating_sub(2).max(s.first)..site.at).any(|j| s.lower[j] == "in")
        && r.sites.iter().enumerate().any(|(o, other)| {
            o != i && other.end + 4 >= site.at && other.end < site.at && other.is_settlement()
        });
    site.bracketed || apposed || located_in
}

/// "Synkivka and Petropavlivka, northeast of Kupiansk", "New York, a town
/// south of Toretsk", "Ivanivka near Pokrovsk": a place after a locating
/// phrase locates the settlement before it. A town locates a town, not a
/// region; after an anchor of its own ("north of Kharkiv City near
/// Hlyboke") the place narrows the anchor down, unless brackets or a comma
/// set it apart ("west of Stelmakhivka (west of Svatove)").
fn locates_place_before(r: &Reach<'_, '_, '_>, i: usize) -> bool {
    locates_place_before_within(r, i, 3)
}

/// [`locates_place_before`], following a chain of locators ("south of
/// Nove and northeast of Shandryholove": both locate the village before
/// them) at most `depth` links back.
fn locates_place_before_within(r: &Reach<'_, '_, '_>, i: usize, depth: usize) -> bool {
    let Some(o) = r.prev(i) else {
        return false;
    };
    // "…, south of Nove and northeast of Shandryholove": a second bearing
    // after a locator locates the same place.
    let chained = r
        .gap(o, i)
        .strip_prefix(" and ")
        .or_else(|| r.gap(o, i).strip_prefix(", and "))
        .is_some_and(|rest| {
            matches!(
                crate::recognize::locating_phrase(&format!(" {rest}")),
                Some(Locating::Bearing(_))
            )
        });
    if chained && depth > 0 && locates_place_before_within(r, o, depth - 1) {
        return true;
    }
    let s = r.sentence;
    let before = &r.sites[o];
    let anchor = s.after_compass(before.at) || s.near_words(before.at);
    let gap = r.gap(o, i);
    let set_apart = gap.contains(['(', ',']);
    before.is_settlement()
        && match crate::recognize::locating_phrase(gap) {
            None => false,
            Some(Locating::Near) => !anchor,
            Some(Locating::Bearing(_)) => set_apart || !anchor,
        }
}

/// "counterattacked northeast of Kupiansk near Synkivka": the town a
/// direction is taken from only locates the settlement of the same event
/// named right after it.
fn direction_reference(r: &Reach<'_, '_, '_>, i: usize) -> bool {
    let s = r.sentence;
    s.after_compass(r.sites[i].at)
        && r.next(i).is_some_and(|o| {
            matches!(
                r.gap(i, o),
                " near " | ", near " | " in " | ", in " | " at "
            ) && r.attached.contains(&r.sites[o].mention)
                && r.sites[o].is_settlement()
        })
}

/// "crossed the Dnipro River and clashed with Russian forces near Krynky",
/// "retreated toward the Oskil River": a river, reservoir or height in a
/// sentence that names a settlement is where the settlement lies, not a
/// place of its own to hold or fight at (its point is a river's mouth).
fn feature_beside_settlement(r: &Reach<'_, '_, '_>, i: usize) -> bool {
    r.sites[i].kind == SiteKind::Feature && r.sites.iter().any(Site::is_settlement)
}

/// "Russia's Kursk region": the country or area owning the place after it
/// only locates it.
fn owns_area_after(r: &Reach<'_, '_, '_>, i: usize) -> bool {
    matches!(r.sites[i].kind, SiteKind::Country | SiteKind::Area)
        && r.next(i).is_some()
        && matches!(r.gap_after(i), "'s " | "’s ")
}

/// "cut the road between Kostiantynivka and Druzhkivka", "recaptured a
/// main road connecting Kyiv and Chernihiv": the towns a road joins are not
/// where the event is.
fn end_of_route(r: &Reach<'_, '_, '_>, i: usize) -> bool {
    let s = r.sentence;
    let head = r.sites[i].list_head;
    let joined = head > s.first
        && matches!(
            s.lower[head - 1].as_ref(),
            "between" | "connecting" | "linking" | "joining"
        )
        && s.lower[s.first.max(head.saturating_sub(5))..head - 1]
            .iter()
            .any(|w| ROUTE_WORDS.contains(&w.as_ref()));
    joined || route_name_part(r, i) || route_destination(r, i)
}

/// "along the Chernihiv-Sosnytsia highway": a town in a hyphenated name
/// that a road word ends names the road, not where the event is.
fn route_name_part(r: &Reach<'_, '_, '_>, i: usize) -> bool {
    let s = r.sentence;
    let (at, mut end) = (r.sites[i].at, r.sites[i].end);
    let hyphen = |k: usize| s.gaps[k] == "-";
    let joined_before = at > s.first && hyphen(at - 1);
    let mut joined_after = false;
    // Past the names joined by hyphens after it (bounded by the sentence).
    while end < s.last && hyphen(end) {
        joined_after = true;
        end += 1;
    }
    (joined_before || joined_after)
        && end < s.last
        && ROAD_WORDS.contains(&s.lower[end + 1].as_ref())
}

/// "the intersection with the road to Horodnia": where a road leads is not
/// where the event on it is (but "along the highway toward Pokrovsk" heads
/// there).
fn route_destination(r: &Reach<'_, '_, '_>, i: usize) -> bool {
    let s = r.sentence;
    let head = r.sites[i].list_head;
    head >= s.first + 2
        && s.lower[head - 1] == "to"
        && (head.saturating_sub(3).max(s.first)..head - 1)
            .any(|j| ROAD_WORDS.contains(&s.lower[j].as_ref()))
}

/// "officials in Seoul said", "South Korea's spy agency said": where the
/// speaker is, not where the event is.
fn speaker_place(r: &Reach<'_, '_, '_>, i: usize) -> bool {
    let s = r.sentence;
    let at = r.sites[i].at;
    (at + 1..=(at + 4).min(s.last)).any(|j| {
        (is_saying(&s.lower[j]) || s.lower[j] == "claimed")
            && (at..j).all(|x| !s.gaps[x].contains(','))
    })
}

/// "shelled Kherson from Oleshky", "an attack from Vuhledar", "advanced
/// from Kherson towards Mykolaiv": strikes, attacks, advances and moves
/// *from* a place named after the verb happen elsewhere.
fn origin_of_strike(r: &Reach<'_, '_, '_>, i: usize) -> bool {
    let s = r.sentence;
    let at = r.sites[i].at;
    let from = match r.trigger.action {
        Action::Shelling | Action::AirStrike | Action::Deployment => s.origin(at),
        // "an attack from Vuhledar" (but "dislodge our units from their
        // positions near X" is an attack at X).
        Action::Assault => at > s.first && s.lower[at - 1] == "from",
        // "advanced from Kherson towards Mykolaiv", "advanced from the
        // direction of Popasna": the advance starts there.
        Action::Advance => {
            let w = |n: usize| {
                at.checked_sub(n)
                    .filter(|&j| j >= s.first)
                    .map_or("", |j| s.lower[j].as_ref())
            };
            w(1) == "from" || (w(1) == "of" && w(2) == "direction" && w(4) == "from")
        }
        _ => false,
    };
    (from || listed_origin(r, at)) && at > r.trigger.at
}

/// "moved towards the city from three directions: Stanislav to the south,
/// Posad-Pokrovske to the southeast": the places listed after "from …
/// directions:" (or "sides:") are where the move starts.
fn listed_origin(r: &Reach<'_, '_, '_>, at: usize) -> bool {
    let s = r.sentence;
    (r.trigger.at..at).any(|j| {
        matches!(s.lower[j].as_ref(), "directions" | "sides" | "axes")
            && s.gaps[j].contains(':')
            && (j.saturating_sub(3).max(s.first)..j).any(|x| s.lower[x] == "from")
    })
}

/// "toward Kreminna", "in the direction of Kreminna": where it heads.
fn heads_toward(r: &Reach<'_, '_, '_>, i: usize) -> bool {
    r.sentence.heads_to(r.sites[i].at)
}

/// "Russia forced…", "Pyongyang announced it was sending…": a state or
/// capital before the verb is its subject.
fn acting_state(r: &Reach<'_, '_, '_>, i: usize) -> bool {
    let at = r.sites[i].at;
    is_actor_word(&r.sentence.lower[at]) && at < r.trigger.at
}

/// Units are sent *to* a place, named after the verb.
fn before_deployment(r: &Reach<'_, '_, '_>, i: usize) -> bool {
    r.trigger.action == Action::Deployment && r.sites[i].at < r.trigger.at
}

/// A country is where units are sent, but no place of fighting.
fn country_of_non_deployment(r: &Reach<'_, '_, '_>, i: usize) -> bool {
    r.sites[i].kind == SiteKind::Country && r.trigger.action != Action::Deployment
}

impl Sentence<'_, '_> {
    /// The noun of "the city", "the village" standing for a settlement named
    /// before, in the clause of the trigger at `k`: its object within eight
    /// words after it ("were withdrawn from the city"), or its subject
    /// within three words before ("the town fell"). Not "the city of X",
    /// which names the place itself.
    pub(super) fn settlement_named_again(&self, k: usize) -> Option<usize> {
        let lower = self.lower;
        let is_anaphor = |noun: usize| {
            SETTLEMENT_NOUNS.contains(&strip_possessive(&lower[noun]))
                && self.definite_before(noun)
                && lower.get(noun + 1).is_none_or(|w| w != "of")
        };
        // ("took at least partial control of the city": eight words.)
        let after = (k + 1..=self.last.min(k + 8))
            .find(|&j| is_anaphor(j))
            .filter(|&j| !self.clause_break(k, j));
        after.or_else(|| (k.saturating_sub(3).max(self.first)..k).find(|&j| is_anaphor(j)))
    }
}

impl Sentence<'_, '_> {
    /// Whether the noun at `noun` is definite: "the" right before it, or
    /// before at most three modifiers ("the heavily fortified city", "the
    /// embattled town", "the strategically important city").
    pub(super) fn definite_before(&self, noun: usize) -> bool {
        let (lower, gaps, first) = (self.lower, self.gaps, self.first);
        let mut j = noun;
        while j > first && noun - j <= 3 {
            let w = lower[j - 1].as_ref();
            if w == "the" {
                return true;
            }
            if !is_modifier(w) && gaps[j - 1] != "-" {
                return false;
            }
            j -= 1;
        }
        false
    }
}

/// A word that may stand between "the" and its noun: an adverb or an
/// adjective by its ending ("heavily", "fortified", "strategic",
/// "important"), or one of a few ("nearby", "key", "small", "frontline").
fn is_modifier(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ly", "ed", "ic", "al", "ous", "ive", "ant", "ent", "ful", "less", "able",
    ];
    (word.len() > 3 && ENDINGS.iter().any(|e| word.ends_with(e)) && !is_saying(word))
        || matches!(
            word,
            "nearby"
                | "key"
                | "small"
                | "large"
                | "frontline"
                | "front-line"
                | "eastern"
                | "western"
                | "northern"
                | "southern"
                | "whole"
                | "entire"
                | "neighbouring"
                | "neighboring"
                | "besieged"
        )
}

/// "the Pokrovsk direction", "the Siversk, Chasiv Yar and Toretsk
/// directions", "the Pokrovsk-Myrnohrad axis": site `i` names an area of
/// fighting, not the place itself (every name of the list does).
pub(super) fn names_an_area(s: &Sentence<'_, '_>, sites: &[Site], i: usize) -> bool {
    let area_word = |site: &Site| {
        site.end < s.last
            && s.lower
                .get(site.end + 1)
                .is_some_and(|w| AREA_WORDS.contains(&w.as_ref()))
    };
    let mut cur = i;
    loop {
        if area_word(&sites[cur]) {
            break true;
        }
        let Some(next) = (cur + 1 < sites.len()).then_some(cur + 1) else {
            break false;
        };
        let gap = &s.text[sites[cur].bytes.1..sites[next].bytes.0];
        if !matches!(gap, "-" | "–" | "—" | ", " | " and " | ", and ") {
            break false;
        }
        cur = next;
    }
}

/// "liberated Krasnyi Yar in the Pokrovsk sector": an area named right
/// after a place ("in the", "on the") locates it and is no event of its
/// own.
pub(super) fn area_locates_previous(s: &Sentence<'_, '_>, sites: &[Site], i: usize) -> bool {
    i > 0
        && names_an_area(s, sites, i)
        && matches!(
            &s.text[sites[i - 1].bytes.1..sites[i].bytes.0],
            " in the " | ", in the " | " on the " | ", on the "
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// A hand-built sentence: its words, and a site for each named place
    /// of the given kind, in text order (one word per name).
    struct Built {
        text: &'static str,
        lower: Vec<Word<'static>>,
        gaps: Vec<&'static str>,
        facts: Vec<WordFacts>,
        sites: Vec<Site>,
        trigger: Trigger,
    }

    fn built(text: &'static str, places: &[(&str, SiteKind)], trigger: (&str, Action)) -> Built {
        let t = tokenize(text);
        // A name's word, possessive or not ("Russia's").
        let word = |w: &str| {
            t.tokens
                .iter()
                .position(|tok| tok.text == w || tok.text.strip_suffix("'s") == Some(w))
                .unwrap_or_else(|| panic!("{w} not in {text}"))
        };
        let sites = places
            .iter()
            .enumerate()
            .map(|(n, &(name, kind))| {
                let at = word(name);
                Site {
                    mention: n,
                    at,
                    end: at,
                    bytes: (t.tokens[at].start, t.tokens[at].start + name.len()),
                    list_head: at,
                    bracketed: false,
                    kind,
                }
            })
            .collect();
        let trigger = Trigger::new(word(trigger.0), trigger.1);
        Built {
            text,
            lower: t.lower.clone(),
            gaps: (0..t.tokens.len()).map(|k| t.gap(k)).collect(),
            facts: words::facts(&t.lower),
            sites,
            trigger,
        }
    }

    impl Built {
        /// The role of the place at site `i`, every site attached.
        fn role(&self, i: usize) -> Option<Role> {
            let s = Sentence {
                text: self.text,
                lower: &self.lower,
                gaps: &self.gaps,
                facts: &self.facts,
                first: 0,
                last: self.lower.len() - 1,
                grammar: Default::default(),
            };
            let attached: Vec<usize> = self.sites.iter().map(|s| s.mention).collect();
            let reach = Reach {
                sentence: &s,
                sites: &self.sites,
                attached: &attached,
                trigger: &self.trigger,
            };
            role_of(&reach, i)
        }
    }

    use SiteKind::{Area, Country, Feature, Settlement};

    #[test]
    fn a_river_crossed_near_a_village_is_no_place_of_its_own() {
        let b = built(
            "Ukrainian forces crossed the Dnipro and clashed with Russian forces near Krynky.",
            &[("Dnipro", Feature), ("Krynky", Settlement)],
            ("crossed", Action::Advance),
        );
        assert_eq!(b.role(0), Some(Role::Aside));
        assert_eq!(b.role(1), None);
        let b = built(
            "Ukrainian forces crossed the Dnipro.",
            &[("Dnipro", Feature)],
            ("crossed", Action::Advance),
        );
        assert_eq!(b.role(0), None);
    }

    #[test]
    fn towns_naming_a_highway_or_where_a_road_leads_are_no_event_places_but_a_line_is() {
        let b = built(
            "Russian forces were pushed back along the Chernihiv-Sosnytsia highway up until the intersection with the road to Horodnia.",
            &[
                ("Chernihiv", Settlement),
                ("Sosnytsia", Settlement),
                ("Horodnia", Settlement),
            ],
            ("pushed", Action::Counterattack),
        );
        for i in 0..3 {
            assert_eq!(b.role(i), Some(Role::Aside), "{i}");
        }
        let b = built(
            "Russian forces continued attacks along the Svatove-Kreminna line.",
            &[("Svatove", Settlement), ("Kreminna", Settlement)],
            ("attacks", Action::Assault),
        );
        assert_eq!(b.role(0), None);
        assert_eq!(b.role(1), None);
    }

    #[test]
    fn places_listed_after_from_three_directions_are_where_the_move_starts() {
        let b = built(
            "Russian tanks moved towards the city from three directions: Stanislav to the south, Posad-Pokrovske to the southeast.",
            &[("Stanislav", Settlement), ("Posad", Settlement)],
            ("moved", Action::Advance),
        );
        assert_eq!(b.role(0), Some(Role::Aside));
        assert_eq!(b.role(1), Some(Role::Aside));
        let b = built(
            "Russian tanks moved from Kherson: Mykolaiv was next.",
            &[("Mykolaiv", Settlement)],
            ("moved", Action::Advance),
        );
        assert_eq!(b.role(0), None);
    }

    #[test]
    fn every_place_rule_has_a_name_of_its_own() {
        let mut names: Vec<&str> = PLACE_RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), PLACE_RULES.len());
    }

    #[test]
    fn a_town_after_a_locating_phrase_locates_the_village_before_it() {
        let b = built(
            "Russian forces captured Synkivka, northeast of Kupiansk.",
            &[("Synkivka", Settlement), ("Kupiansk", Settlement)],
            ("captured", Action::Capture),
        );
        assert_eq!(b.role(0), None);
        assert_eq!(b.role(1), Some(Role::Aside));
    }

    #[test]
    fn a_second_bearing_after_a_locator_locates_the_same_place() {
        let b = built(
            "Ukrainian forces liberated Dolyna, south of Nove and northeast of Shandryholove.",
            &[
                ("Dolyna", Settlement),
                ("Nove", Settlement),
                ("Shandryholove", Settlement),
            ],
            ("liberated", Action::Capture),
        );
        assert_eq!(b.role(0), None);
        assert_eq!(b.role(1), Some(Role::Aside));
        assert_eq!(b.role(2), Some(Role::Aside));
        // Two places taken are both where it happened.
        let b = built(
            "Ukrainian forces liberated Nove and Shandryholove.",
            &[("Nove", Settlement), ("Shandryholove", Settlement)],
            ("liberated", Action::Capture),
        );
        assert_eq!(b.role(1), None);
    }

    #[test]
    fn an_oblast_in_apposition_locates_its_village() {
        let b = built(
            "Russian forces shelled Terny, Donetsk, overnight.",
            &[("Terny", Settlement), ("Donetsk", Area)],
            ("shelled", Action::Shelling),
        );
        assert_eq!(b.role(0), None);
        assert_eq!(b.role(1), Some(Role::Aside));
    }

    #[test]
    fn regions_in_a_list_are_each_a_place() {
        let b = built(
            "Russia struck Lviv, Kharkiv and Rivne regions.",
            &[("Lviv", Area), ("Kharkiv", Area), ("Rivne", Area)],
            ("struck", Action::Shelling),
        );
        assert_eq!(b.role(0), None);
        assert_eq!(b.role(1), None);
    }

    #[test]
    fn a_country_owning_a_region_only_locates_it() {
        let b = built(
            "Ukrainian forces advanced in Russia's Kursk region.",
            &[("Russia", Country), ("Kursk", Area)],
            ("advanced", Action::Advance),
        );
        assert_eq!(b.role(0), Some(Role::Aside));
        assert_eq!(b.role(1), None);
    }

    #[test]
    fn the_towns_a_road_joins_are_not_where_it_was_cut() {
        let b = built(
            "Russian forces cut the road between Kostiantynivka and Druzhkivka after they advanced.",
            &[("Kostiantynivka", Settlement), ("Druzhkivka", Settlement)],
            ("advanced", Action::Advance),
        );
        assert_eq!(b.role(0), Some(Role::Aside));
    }

    #[test]
    fn the_towns_a_road_connects_are_not_where_it_was_taken() {
        let b = built(
            "The army recaptured a main road connecting Kyiv and Chernihiv.",
            &[("Kyiv", Settlement), ("Chernihiv", Settlement)],
            ("recaptured", Action::Capture),
        );
        // (Chernihiv, in the list Kyiv heads, shares its role in the driver.)
        assert_eq!(b.role(0), Some(Role::Aside));
    }

    #[test]
    fn where_a_speaker_is_is_not_where_the_event_is() {
        let b = built(
            "Officials in Seoul said North Korean troops were deployed.",
            &[("Seoul", Settlement)],
            ("deployed", Action::Deployment),
        );
        assert_eq!(b.role(0), Some(Role::Aside));
    }

    #[test]
    fn a_strike_from_a_place_is_not_at_it() {
        let b = built(
            "Russian artillery shelled Kherson from Oleshky.",
            &[("Kherson", Settlement), ("Oleshky", Settlement)],
            ("shelled", Action::Shelling),
        );
        assert_eq!(b.role(0), None);
        assert_eq!(b.role(1), Some(Role::Aside));
    }

    #[test]
    fn an_advance_from_a_place_is_not_at_it() {
        let b = built(
            "Russian troops advanced from Kherson towards Mykolaiv.",
            &[("Kherson", Settlement), ("Mykolaiv", Settlement)],
            ("advanced", Action::Advance),
        );
        assert_eq!(b.role(0), Some(Role::Aside));
        assert_eq!(b.role(1), Some(Role::Toward));
    }

    #[test]
    fn a_place_after_toward_is_where_the_event_heads() {
        let b = built(
            "Russian forces advanced from Terny toward Kreminna.",
            &[("Terny", Settlement), ("Kreminna", Settlement)],
            ("advanced", Action::Advance),
        );
        assert_eq!(b.role(1), Some(Role::Toward));
    }

    #[test]
    fn a_state_before_its_verb_acts_and_is_no_place() {
        let b = built(
            "Russia shelled Kharkiv.",
            &[("Russia", Country), ("Kharkiv", Settlement)],
            ("shelled", Action::Shelling),
        );
        assert_eq!(b.role(0), Some(Role::Aside));
        assert_eq!(b.role(1), None);
    }

    #[test]
    fn units_are_sent_to_the_place_after_the_verb() {
        let b = built(
            "In Kursk, Pyongyang deployed troops to Russia.",
            &[("Kursk", Settlement), ("Russia", Country)],
            ("deployed", Action::Deployment),
        );
        assert_eq!(b.role(0), Some(Role::Aside));
        assert_eq!(b.role(1), None);
    }

    #[test]
    fn a_direction_list_names_areas_and_a_sector_locates_the_place_before_it() {
        let b = built(
            "Forces liberated Yar in the Pokrovsk sector and fought in the Siversk, Lyman and Toretsk directions.",
            &[
                ("Yar", Settlement),
                ("Pokrovsk", Settlement),
                ("Siversk", Settlement),
                ("Lyman", Settlement),
                ("Toretsk", Settlement),
            ],
            ("liberated", Action::Capture),
        );
        let s = Sentence {
            text: b.text,
            lower: &b.lower,
            gaps: &b.gaps,
            facts: &b.facts,
            first: 0,
            last: b.lower.len() - 1,
            grammar: Default::default(),
        };
        assert!(!names_an_area(&s, &b.sites, 0));
        assert!(names_an_area(&s, &b.sites, 1));
        assert!(area_locates_previous(&s, &b.sites, 1));
        assert!(names_an_area(&s, &b.sites, 2));
        assert!(names_an_area(&s, &b.sites, 3));
        assert!(!area_locates_previous(&s, &b.sites, 2));
    }
}
