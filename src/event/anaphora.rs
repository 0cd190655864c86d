//! What "the city", "these settlements" and "it" stand for: the place a
//! trigger with no named place of its own refers back to.
//!
//! Documented rules, each tested below:
//! - **the city** ("the town", "the village", "the settlement", "the
//!   city's", "the heavily fortified city": up to three modifiers between,
//!   adverbs and adjectives known by their endings): a settlement named before the noun, searched in this order:
//!   the same sentence before it ("launched an assault on Lyman and took
//!   control of the city"); the last sentence of its paragraph that named
//!   settlements; the article's topic, the settlement it names most often (at
//!   least twice, in at least a third of its settlement mentions, and more
//!   often than any other) — "the city" in an article about Avdiivka is
//!   Avdiivka; with no topic, the settlement that opened the last sentence
//!   before it that named settlements, in any paragraph ("Torske is a
//!   village in …" — a settlement named further into that sentence is not
//!   carried into a new paragraph). Among the settlements found there, one of
//!   the noun's kind is preferred ("the city" a place of 5,000 people or an
//!   administrative seat, "the village" a smaller place; "the town" and "the
//!   settlement" fit any), and among those the sentence's subject (a
//!   settlement that opens its sentence: "Torske is a village in …, east of
//!   Lyman"), else the last one named.
//! - **the oblast** ("the region", "the entire oblast", after the trigger):
//!   the last first-level region named before it, in the same sentence or
//!   before ("…northeastern Kharkiv Oblast. … push Russian forces out of
//!   almost the entire oblast").
//! - **these settlements** ("these towns", "the villages"): every settlement
//!   the paragraph's last sentence that named settlements named ("…the towns
//!   of Kupiansk, Izium and Balakliia. … were able to recapture these
//!   settlements").
//! - **it**, the object right after a trigger ("captured it", "retook it"),
//!   or the subject of a passive or of a state ("it was recaptured by the
//!   Ukrainians", "it has been under Russian control"): as "the settlement".
//! - **the subject**: "the settlement" or "it" before the trigger, with only
//!   auxiliaries, adverbs and "came under" between ("The settlement has been
//!   under Russian occupation", "the settlement came under attack, and was
//!   captured by Russian forces": the second verb shares the subject).

use super::*;

/// What a trigger refers back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Reference {
    /// One settlement: "the city", "it". `at` is the word that refers
    /// (the noun or "it"); `after` tells whether it follows the trigger (its
    /// object) or stands before it (its subject).
    One { noun: Noun, at: usize, after: bool },
    /// Every settlement of the last list: "these settlements".
    Many,
}

/// The kind of settlement a noun that refers back names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Noun {
    /// "the city": a place of [`CITY_POPULATION`] people or more, or an
    /// administrative seat.
    City,
    /// "the village", "the hamlet": a smaller place.
    Village,
    /// "the town", "the settlement", "it": any settlement.
    Any,
    /// "the oblast", "the region": a first-level region.
    Region,
}

/// The population from which a settlement may be called "the city".
/// Ukrainian towns of city status run down to a few thousand people
/// (Vuhledar had 15,000, Chasiv Yar 12,000, Marinka 9,000).
pub(super) const CITY_POPULATION: u64 = 5_000;

impl Noun {
    /// The kind a settlement noun names ("city", "city's", "village").
    fn of(word: &str) -> Noun {
        match strip_possessive(word) {
            "city" => Noun::City,
            "village" | "hamlet" => Noun::Village,
            _ => Noun::Any,
        }
    }

    /// Whether a settlement of `population` people and GeoNames feature
    /// `code` may be called by this noun.
    pub(super) fn fits(self, population: u64, code: &str) -> bool {
        let seat = code.starts_with("PPLA") || code == "PPLC";
        match self {
            Noun::City => seat || population >= CITY_POPULATION,
            Noun::Village => !seat && population < CITY_POPULATION,
            Noun::Any => true,
            Noun::Region => code == "ADM1",
        }
    }
}

/// The settlement a noun of kind `noun` stands for among `candidates` (the
/// mentions of one sentence, in text order): of those the noun `fits`, the
/// one that is the sentence's `subject`, else the last; when none fits, the
/// same choice among all.
pub(super) fn pick_antecedent(
    candidates: &[usize],
    fits: impl Fn(usize) -> bool,
    subject: impl Fn(usize) -> bool,
) -> Option<usize> {
    let fitting: Vec<usize> = candidates.iter().copied().filter(|&m| fits(m)).collect();
    let pool = if fitting.is_empty() {
        candidates
    } else {
        &fitting
    };
    pool.iter()
        .copied()
        .find(|&m| subject(m))
        .or_else(|| pool.last().copied())
}

/// Words that may stand between a subject and its verb: auxiliaries,
/// adverbs, "came under" and a side ("has been under Russian occupation",
/// "was later attacked", "came under attack").
fn between_subject_and_verb(word: &str) -> bool {
    matches!(
        word,
        "was"
            | "were"
            | "is"
            | "are"
            | "has"
            | "have"
            | "had"
            | "been"
            | "being"
            | "be"
            | "later"
            | "also"
            | "still"
            | "then"
            | "soon"
            | "again"
            | "came"
            | "come"
            | "comes"
            | "fell"
            | "under"
            | "remained"
            | "remains"
            | "russian"
            | "ukrainian"
            | "full"
            | "partial"
    ) || (word.len() > 4 && word.ends_with("ly"))
}

/// The article's topic: the resolved settlement its mentions name most
/// often, at least twice and more often than any other (the first mention of
/// it), or `None` when no settlement stands out. `populated` tells whether a
/// mention resolved to a settlement; `id` gives its place's id. One pass and
/// a sort over the mentions.
pub(super) fn article_topic(
    count: usize,
    populated: impl Fn(usize) -> bool,
    id: impl Fn(usize) -> u32,
) -> Option<usize> {
    let mut named: Vec<(u32, usize)> = (0..count)
        .filter(|&m| populated(m))
        .map(|m| (id(m), m))
        .collect();
    named.sort_unstable();
    // (times named, first mention) of each distinct place.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < named.len() {
        let mut j = i;
        while j < named.len() && named[j].0 == named[i].0 {
            j += 1;
        }
        runs.push((j - i, named[i].1));
        i = j;
    }
    runs.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    // A topic is named at least twice, more often than any other place, and
    // in at least a third of the settlement mentions: a text that strings
    // several places' stories together has none.
    let stands_out = |n: usize| n >= 2 && 3 * n >= named.len();
    match runs.as_slice() {
        [(n, m)] if stands_out(*n) => Some(*m),
        [(n, m), (second, _), ..] if stands_out(*n) && n > second => Some(*m),
        _ => None,
    }
}

impl Sentence<'_, '_> {
    /// Whether the trigger at `k` refers back to a settlement named before
    /// it, and to one or to many: "were withdrawn from the city", "recapture
    /// these settlements", "captured it", "it was recaptured", "the
    /// settlement has been under Russian occupation". A noun followed by
    /// "of" names its place ("the city of Marinka"), and one the sentence
    /// names right after it ("the village Terny") is no reference
    /// (`named_here` tells).
    pub(super) fn refers_back(
        &self,
        k: usize,
        named_here: impl Fn(usize) -> bool,
    ) -> Option<Reference> {
        let lower = self.lower;
        if let Some(noun) = self.settlement_named_again(k) {
            // "northwest of the settlement" locates the event, it is not there.
            let locator = noun >= self.first + 3
                && lower[noun - 2] == "of"
                && compass_bearing(&lower[noun - 3]).is_some();
            return (!named_here(noun + 1) && !locator).then_some(Reference::One {
                noun: Noun::of(&lower[noun]),
                at: noun,
                after: noun > k,
            });
        }
        // "push Russian forces out of almost the entire oblast".
        let region = (k + 1..=self.last.min(k + 8))
            .find(|&j| {
                matches!(
                    strip_possessive(&lower[j]),
                    "oblast" | "region" | "province"
                ) && self.definite_before(j)
                    && lower.get(j + 1).is_none_or(|w| w != "of")
            })
            .filter(|&j| !self.clause_break(k, j) && !named_here(j + 1));
        if let Some(at) = region {
            return Some(Reference::One {
                noun: Noun::Region,
                at,
                after: true,
            });
        }
        let plural = |noun: usize| {
            noun > self.first
                && matches!(lower[noun - 1].as_ref(), "these" | "those" | "the")
                && SETTLEMENTS_NOUNS.contains(&lower[noun].as_ref())
                && lower.get(noun + 1).is_none_or(|w| w != "of")
        };
        let after = (k + 1..=self.last.min(k + 6))
            .find(|&j| plural(j))
            .filter(|&j| !self.clause_break(k, j));
        if after.is_some() {
            return Some(Reference::Many);
        }
        // A verb's object: "captured it", "retook it" (not "the shells it
        // needs", where "it" is a relative clause's subject).
        let verb = lower[k].ends_with("ed")
            || matches!(
                lower[k].as_ref(),
                "took" | "retook" | "held" | "lost" | "left" | "hit" | "struck"
            );
        if verb && k < self.last && lower[k + 1] == "it" {
            return Some(Reference::One {
                noun: Noun::Any,
                at: k + 1,
                after: true,
            });
        }
        self.subject_refers_back(k, named_here)
    }

    /// "The settlement has been under Russian occupation", "it was
    /// recaptured by the Ukrainians", "the settlement came under attack, and
    /// was captured": the subject of the trigger at `k` is "the
    /// settlement" or "it", with only auxiliaries, adverbs and "came under"
    /// between, or is elided after "and"/"but" and opens the clause. "It"
    /// refers back only as the subject of a passive or of a state ("it was
    /// shelled", not "it advanced": there "it" is a force).
    fn subject_refers_back(
        &self,
        k: usize,
        named_here: impl Fn(usize) -> bool,
    ) -> Option<Reference> {
        let lower = self.lower;
        let start = self.fronted_end(k).unwrap_or(self.first);
        let mut j = k;
        while j > start && k - j < 6 && between_subject_and_verb(&lower[j - 1]) {
            j -= 1;
        }
        if j == k || j <= start {
            return None;
        }
        let passive = lower[j..k].iter().any(|w| {
            matches!(
                w.as_ref(),
                "was" | "were" | "is" | "are" | "been" | "being" | "be" | "under"
            )
        });
        let refers = |at: usize| -> Option<Reference> {
            let w = lower[at].as_ref();
            if w == "it" {
                return passive.then_some(Reference::One {
                    noun: Noun::Any,
                    at,
                    after: false,
                });
            }
            (at > self.first
                && lower[at - 1] == "the"
                && SETTLEMENT_NOUNS.contains(&w)
                && !named_here(at + 1))
            .then_some(Reference::One {
                noun: Noun::of(w),
                at,
                after: false,
            })
        };
        let subject = j - 1;
        if matches!(lower[subject].as_ref(), "and" | "but") {
            // "…, and was captured by": the clause's subject, elided.
            let opens = if lower[start] == "it" {
                start
            } else {
                start + 1
            };
            return (opens < subject).then(|| refers(opens)).flatten();
        }
        refers(subject)
    }

    /// Whether the sentence has a word that may refer back to a settlement
    /// or a region: "the city", "these villages", "it", "the oblast".
    pub(super) fn has_anaphor(&self) -> bool {
        let lower = self.lower;
        (self.first + 1..=self.last).any(|j| {
            let w = strip_possessive(&lower[j]);
            lower[j] == "it"
                || (matches!(lower[j - 1].as_ref(), "the" | "these" | "those")
                    && SETTLEMENTS_NOUNS.contains(&w))
                || ((SETTLEMENT_NOUNS.contains(&w)
                    || matches!(w, "oblast" | "region" | "province"))
                    && self.definite_before(j))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn reference(text: &str, trigger: &str) -> Option<Reference> {
        let t = tokenize(text);
        let facts = words::facts(&t.lower);
        let gaps: Vec<&str> = (0..t.tokens.len()).map(|k| t.gap(k)).collect();
        let s = Sentence::whole(&t, &gaps, &facts);
        let k = t.lower.iter().position(|w| w == trigger).expect("trigger");
        s.refers_back(k, |_| false)
    }

    /// The kind of the one settlement a trigger refers back to, and
    /// whether the word that refers follows it; `None` for none or many.
    fn one(text: &str, trigger: &str) -> Option<(Noun, bool)> {
        match reference(text, trigger) {
            Some(Reference::One { noun, after, .. }) => Some((noun, after)),
            _ => None,
        }
    }

    #[test]
    fn the_city_and_it_refer_to_one_settlement() {
        assert_eq!(
            one(
                "Ukrainian forces were withdrawn from the city.",
                "withdrawn"
            ),
            Some((Noun::City, true))
        );
        assert_eq!(
            one(
                "Russian forces were confirmed to have captured it.",
                "captured"
            ),
            Some((Noun::Any, true))
        );
        assert_eq!(
            reference("Russian forces captured the city of Marinka.", "captured"),
            None
        );
        assert_eq!(
            one("Russian forces captured the city's boundaries.", "captured"),
            Some((Noun::City, true))
        );
        assert_eq!(
            reference(
                "Russia gets more of the artillery shells it needs.",
                "shells"
            ),
            None
        );
    }

    #[test]
    fn the_entire_oblast_refers_back_to_a_region() {
        assert_eq!(
            one(
                "Ukrainian forces pushed Russian forces out of almost the entire oblast.",
                "pushed"
            ),
            Some((Noun::Region, true))
        );
        assert!(Noun::Region.fits(0, "ADM1") && !Noun::Region.fits(0, "PPLA"));
        // "the region of Sumy" names its place.
        assert_eq!(
            reference("Russian forces shelled the region of Sumy.", "shelled"),
            None
        );
    }

    #[test]
    fn modifiers_may_stand_between_the_and_the_city() {
        assert_eq!(
            one("Clashes for the heavily fortified city began.", "clashes"),
            Some((Noun::City, true))
        );
        assert_eq!(
            one("Russian forces shelled the embattled town.", "shelled"),
            Some((Noun::Any, true))
        );
        // A verb between is no modifier.
        assert_eq!(
            reference("Russian forces shelled the said town.", "shelled"),
            None
        );
    }

    #[test]
    fn the_subject_of_a_passive_or_a_state_refers_back() {
        assert_eq!(
            one(
                "The settlement has been under Russian occupation since October 2024.",
                "occupation"
            ),
            Some((Noun::Any, false))
        );
        assert_eq!(
            one(
                "The village was later attacked by Russian forces.",
                "attacked"
            ),
            Some((Noun::Village, false))
        );
        assert_eq!(
            one(
                "The town was briefly seized before it was recaptured by the Ukrainians.",
                "recaptured"
            ),
            Some((Noun::Any, false))
        );
    }

    #[test]
    fn a_verb_after_and_shares_the_settlement_that_opens_the_clause() {
        assert_eq!(
            one(
                "During the invasion, the settlement came under attack, and was captured by Russian forces.",
                "captured"
            ),
            Some((Noun::Any, false))
        );
    }

    #[test]
    fn it_before_an_active_verb_is_a_force_not_a_place() {
        assert_eq!(reference("The brigade said it advanced.", "advanced"), None);
        assert_eq!(
            reference(
                "The regiment reported that it captured positions.",
                "captured"
            ),
            None
        );
    }

    #[test]
    fn the_city_prefers_a_city_and_the_village_a_village() {
        assert!(Noun::City.fits(60_000, "PPL"));
        assert!(Noun::City.fits(900, "PPLA2"));
        assert!(!Noun::City.fits(900, "PPL"));
        assert!(Noun::Village.fits(900, "PPL"));
        assert!(!Noun::Village.fits(60_000, "PPL"));
        assert!(Noun::Any.fits(900, "PPL") && Noun::Any.fits(60_000, "PPL"));
        // Mentions 0 (a village) and 1 (a city): "the city" is 1, "the
        // village" 0, whichever was named last.
        let population = [900, 60_000];
        let city = |m: usize| Noun::City.fits(population[m], "PPL");
        let village = |m: usize| Noun::Village.fits(population[m], "PPL");
        assert_eq!(pick_antecedent(&[0, 1], city, |_| false), Some(1));
        assert_eq!(pick_antecedent(&[1, 0], city, |_| false), Some(1));
        assert_eq!(pick_antecedent(&[1, 0], village, |_| false), Some(0));
        // None fits: the last named.
        assert_eq!(pick_antecedent(&[0, 0], city, |_| false), Some(0));
    }

    #[test]
    fn the_settlement_is_the_subject_of_the_sentence_before_rather_than_its_last_place() {
        // "Torske (0) is a village …, east of Lyman (1), on the border of
        // Zarichne (2)": the settlement the sentence is about opens it.
        assert_eq!(pick_antecedent(&[0, 1, 2], |_| true, |m| m == 0), Some(0));
        assert_eq!(pick_antecedent(&[0, 1, 2], |_| true, |_| false), Some(2));
    }

    #[test]
    fn these_settlements_refer_to_every_settlement_of_the_list() {
        assert_eq!(
            reference(
                "Ukrainian forces were able to recapture these settlements.",
                "recapture"
            ),
            Some(Reference::Many)
        );
    }

    #[test]
    fn the_topic_is_the_settlement_named_most_often() {
        // Mentions 0, 2, 3 name place 7; mention 1 names place 9.
        let ids = [7, 9, 7, 7];
        assert_eq!(article_topic(4, |_| true, |m| ids[m]), Some(0));
        // A tie names no topic; one mention is no topic either.
        let tie = [7, 9, 9, 7];
        assert_eq!(article_topic(4, |_| true, |m| tie[m]), None);
        assert_eq!(article_topic(1, |_| true, |_| 7), None);
        // Only settlements count.
        assert_eq!(article_topic(4, |m| ids[m] == 9, |m| ids[m]), None);
        // Named twice among seven places: no topic.
        let many = [1, 2, 3, 4, 5, 1, 6];
        assert_eq!(article_topic(7, |_| true, |m| many[m]), None);
    }
}
