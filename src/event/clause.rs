//! The clause a trigger stands in, read lightly from its words: where its
//! subject may begin (past fronted adverbials: "On 10 May 2024, …",
//! "According to the Ukrainian military, …"), whether a fighting word is a
//! noun or a verb, who a noun's own words say acted (its premodifier,
//! its possessor, an agent after "by", the subject of the light verb it is
//! the object of), and whether the clause hedges what it says.
//!
//! Each rule is a method of [`Sentence`], tested on hand-built sentences
//! below; `actors` and `modality` read them.

use super::*;
use crate::lexicon::clauses::*;

impl Sentence<'_, '_> {
    /// The first word after the fronted adverbials and subordinate clauses
    /// that end with a comma before word `k`, or `None` when the sentence
    /// opens with none: in "On 17 February 2024, with the last supply
    /// routes under threat, Syrskyi announced…" the subject begins at
    /// "Syrskyi". What stands before it is a time, a place, a source or a
    /// condition, not who acted.
    pub(super) fn fronted_end(&self, k: usize) -> Option<usize> {
        let (lower, gaps) = (self.lower, self.gaps);
        let mut from = self.first;
        let mut skipped = false;
        while from < k {
            let w = lower[from].as_ref();
            let fronts = (FRONTING_WORDS.contains(&w) || SUBORDINATORS.contains(&w))
                && (w != "according" || lower.get(from + 1).is_some_and(|n| n == "to"));
            if !fronts {
                break;
            }
            let Some(comma) = (from..k).find(|&j| gaps[j].contains(',')) else {
                break;
            };
            from = comma + 1;
            skipped = true;
        }
        skipped.then_some(from)
    }

    /// Whether the sentence opens with a reporting frame ("According to the
    /// Ukrainian military, …") that ends before word `k`: the side named in
    /// it is a source's.
    pub(super) fn frame_reports(&self, k: usize) -> bool {
        let (lower, first) = (self.lower, self.first);
        lower[first] == "according"
            && lower.get(first + 1).is_some_and(|w| w == "to")
            && self.fronted_end(k).is_some()
    }

    /// Whether the fighting word at `k` is a noun ("fierce fighting around
    /// Marinka", "a battle took place", "clashes near…") rather than a verb
    /// ("Ukrainian forces were fighting", "they clashed").
    pub(super) fn is_fighting_noun(&self, k: usize) -> bool {
        let lower = self.lower;
        if !FIGHTING_NOUNS.contains(&lower[k].as_ref()) {
            return false;
        }
        if k == self.first {
            return true;
        }
        let prev = lower[k - 1].as_ref();
        !(VERB_MARKERS.contains(&prev)
            || UNIT_WORDS.contains(&prev)
            || SUBJECT_PRONOUNS.contains(&prev))
    }

    /// Whether the trigger at `k` is an event noun after its determiner or
    /// adjectives ("the first direct assault", "an offensive", "Russia's
    /// capture"), not a verb: a word without a verb's ending after a
    /// determiner, an adjective or a possessive.
    pub(super) fn is_event_noun(&self, k: usize) -> bool {
        let lower = self.lower;
        let w = lower[k].as_ref();
        if k == self.first || w.ends_with("ed") || w.ends_with("ing") {
            return false;
        }
        (self.first..k).rev().take(3).any(|j| {
            let p = lower[j].as_ref();
            matches!(p, "a" | "an" | "the" | "its" | "their") || strip_possessive(p) != p
        }) && !VERB_MARKERS.contains(&lower[k - 1].as_ref())
    }

    /// The side a noun's own words give it, if any: a side word among its
    /// premodifiers or its possessor ("Russian shelling", "Ukraine's
    /// counteroffensive"), the agent after "by" ("an assault on the city by
    /// Russian forces"), or the subject of the light verb it is the object
    /// of ("separatists launched an offensive"). Two sides as premodifiers
    /// ("Russian and Ukrainian forces' battle") give none. `side` is the
    /// side each word names.
    pub(super) fn noun_agent(
        &self,
        k: usize,
        side: impl Fn(usize) -> Option<Side>,
    ) -> Option<Side> {
        let (lower, gaps, first) = (self.lower, self.gaps, self.first);
        // Premodifiers and possessor, back to the phrase's first word.
        let mut start = k;
        for j in (first.max(k.saturating_sub(3))..k).rev() {
            let w = lower[j].as_ref();
            // A verb ends the phrase: "officials said fighting began".
            let verb = is_saying(w) || VERB_MARKERS.contains(&w) || w.ends_with("ed");
            if gaps[j].contains(',') || verb || SOURCE_NOUNS.contains(&w) {
                break;
            }
            if let Some(s) = side(j) {
                let both =
                    j > first && lower[j - 1] == "and" && j >= first + 2 && side(j - 2).is_some();
                return (!both).then_some(s);
            }
            if ends_noun_phrase(&lower[j]) {
                start = j;
                break;
            }
            start = j;
        }
        if let Some(s) = self.agent_after_by(k, &side) {
            return Some(s);
        }
        // The subject of a light verb: "Russian forces launched an assault".
        if start > first && LIGHT_VERBS.contains(&lower[start - 1].as_ref()) {
            let verb = start - 1;
            let from = self.fronted_end(verb).unwrap_or(first);
            return (from..verb).rev().find_map(|j| {
                let next = lower.get(j + 1).map_or("", |w| w.as_ref());
                side(j).filter(|_| !SOURCE_NOUNS.contains(&next))
            });
        }
        None
    }

    /// Whether the event noun at `k` is a circumstance of the clause's main
    /// event, after "after", "following" or "amid" ("entered Lyman after a
    /// Russian withdrawal"): it happened where the main event did.
    pub(super) fn is_circumstance(&self, k: usize) -> bool {
        let (lower, gaps) = (self.lower, self.gaps);
        self.is_event_noun(k)
            && (self.first.max(k.saturating_sub(3))..k).any(|j| {
                matches!(lower[j].as_ref(), "after" | "following" | "amid")
                    && (j..k).all(|x| !gaps[x].contains(','))
            })
    }

    /// Whether the participle at `k` is passive: a form of "be" right
    /// before it ("had been taken", "was reached").
    pub(super) fn passive_at(&self, k: usize) -> bool {
        k > self.first
            && matches!(
                self.lower[k - 1].as_ref(),
                "been" | "was" | "were" | "is" | "are" | "being" | "be"
            )
    }

    /// Whether the trigger at `k` is a verb joined by "and" to the clause
    /// before it, sharing its subject: "…around Lyman and made gains", "and
    /// advanced", "and then withdrew" (a light verb or an adverb may stand
    /// between), with no comma after the "and".
    pub(super) fn joined_by_and(&self, k: usize) -> bool {
        let (lower, gaps, first) = (self.lower, self.gaps, self.first);
        let light = |w: &str| {
            matches!(
                w,
                "made" | "make" | "makes" | "making" | "then" | "later" | "also" | "soon"
            )
        };
        let and_at = if k > first && lower[k - 1] == "and" {
            k - 1
        } else if k > first + 1 && lower[k - 2] == "and" && light(&lower[k - 1]) {
            k - 2
        } else {
            return false;
        };
        and_at > first && (and_at..k).all(|x| !gaps[x].contains(','))
    }

    /// The side of the agent after "by" that follows the noun at `k` in its
    /// clause: "the first direct assault on the city by Russian forces".
    pub(super) fn agent_after_by(
        &self,
        k: usize,
        side: impl Fn(usize) -> Option<Side>,
    ) -> Option<Side> {
        let (lower, gaps, last) = (self.lower, self.gaps, self.last);
        // Not across a verb: in "a Russian assault … was repelled by
        // Ukrainian forces" the agent is the repelling verb's.
        let by = (k + 1..=last.min(k + 8))
            .take_while(|&j| {
                let w = lower[j].as_ref();
                !gaps[j - 1].contains(',') && !VERB_MARKERS.contains(&w) && !w.ends_with("ed")
            })
            .find(|&j| lower[j] == "by")?;
        (by + 1..=last.min(by + 3)).find_map(side)
    }

    /// The side of an intransitive event noun's "of" phrase, its doer: "a
    /// large gathering of Russian forces", "the withdrawal of Ukrainian
    /// troops", "the advance of Russian units" (the noun right before "of",
    /// a side and a unit word after it). Not for captures and
    /// encirclements, whose "of" phrase is what is taken.
    pub(super) fn agent_after_of(
        &self,
        k: usize,
        action: Action,
        side: impl Fn(usize) -> Option<Side>,
    ) -> Option<Side> {
        let (lower, last) = (self.lower, self.last);
        if !matches!(
            action,
            Action::Withdrawal | Action::Advance | Action::Deployment
        ) || k + 3 > last
            || lower[k + 1] != "of"
        {
            return None;
        }
        let unit = |j: usize| UNIT_WORDS.contains(&lower[j].as_ref());
        (k + 2..=last.min(k + 3)).find_map(|j| side(j).filter(|_| j < last && unit(j + 1)))
    }

    /// Whether the clause hedges the trigger at `k` away: a word of hedging
    /// within the five words before it, in its clause ("were unlikely to
    /// make significant gains", "future attacks on Kramatorsk").
    pub(super) fn hedged(&self, k: usize) -> bool {
        let lower = self.lower;
        (self.first.max(k.saturating_sub(5))..k)
            .any(|j| HEDGE_WORDS.contains(&lower[j].as_ref()) && !self.clause_break(j, k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// Runs `f` on the sentence `text` with its first word at 0.
    fn with<R>(text: &str, f: impl FnOnce(&Sentence<'_, '_>, &Tokenized<'_>) -> R) -> R {
        let t = tokenize(text);
        let facts = words::facts(&t.lower);
        let gaps: Vec<&str> = (0..t.tokens.len()).map(|k| t.gap(k)).collect();
        let s = Sentence::whole(&t, &gaps, &facts);
        f(&s, &t)
    }

    fn at(t: &Tokenized<'_>, word: &str) -> usize {
        t.lower
            .iter()
            .position(|w| w == word)
            .expect("word in sentence")
    }

    /// The side a noun's own words give the word `noun` of `text`.
    fn agent(text: &str, noun: &str) -> Option<Side> {
        with(text, |s, t| s.noun_agent(at(t, noun), |j| s.facts[j].side))
    }

    #[test]
    fn a_fronted_adverbial_is_no_part_of_the_subject() {
        with(
            "On 17 February 2024, with the supply routes under threat, Syrskyi announced a withdrawal.",
            |s, t| assert_eq!(s.fronted_end(at(t, "announced")), Some(at(t, "syrskyi"))),
        );
        with("Russian forces captured Avdiivka.", |s, t| {
            assert_eq!(s.fronted_end(at(t, "captured")), None)
        });
        // The trigger inside the adverbial has no fronted part before it.
        with(
            "After Russian forces captured Avdiivka, they advanced.",
            |s, t| assert_eq!(s.fronted_end(at(t, "captured")), None),
        );
    }

    #[test]
    fn according_to_opens_a_reporting_frame() {
        with(
            "According to the Ukrainian military, fighting around Marinka began at 3 a.m.",
            |s, t| {
                assert!(s.frame_reports(at(t, "fighting")));
                assert_eq!(s.fronted_end(at(t, "fighting")), Some(at(t, "fighting")));
            },
        );
        with("Accordingly, Russian forces attacked.", |s, t| {
            assert!(!s.frame_reports(at(t, "attacked")))
        });
    }

    #[test]
    fn fighting_after_an_auxiliary_or_its_troops_is_a_verb() {
        with("Fierce fighting continued near Davydiv Brid.", |s, t| {
            assert!(s.is_fighting_noun(at(t, "fighting")))
        });
        with(
            "A battle took place between Russian and Ukrainian forces.",
            |s, t| assert!(s.is_fighting_noun(at(t, "battle"))),
        );
        with("Ukrainian forces were fighting near Kreminna.", |s, t| {
            assert!(!s.is_fighting_noun(at(t, "fighting")))
        });
        with("Russian troops fighting near Bakhmut withdrew.", |s, t| {
            assert!(!s.is_fighting_noun(at(t, "fighting")))
        });
    }

    #[test]
    fn a_fighting_noun_has_no_side_of_a_speaker_or_a_locator() {
        assert_eq!(
            agent(
                "According to the Ukrainian military, fighting around Marinka began.",
                "fighting"
            ),
            None
        );
        assert_eq!(
            agent(
                "Syrskyi called it the most intense area of fighting on the front.",
                "fighting"
            ),
            None
        );
        assert_eq!(
            agent(
                "Fighting between Russian and Ukrainian forces continued.",
                "fighting"
            ),
            None
        );
    }

    #[test]
    fn a_noun_takes_the_side_of_its_premodifier_or_possessor() {
        assert_eq!(
            agent("Heavy Russian shelling hit the town.", "shelling"),
            Some(Side::RU)
        );
        assert_eq!(
            agent(
                "Ukraine's counteroffensive reached the river.",
                "counteroffensive"
            ),
            Some(Side::UA)
        );
        assert_eq!(
            agent("The Russian and Ukrainian battle went on.", "battle"),
            None
        );
    }

    #[test]
    fn a_noun_takes_the_side_of_its_agent_after_by() {
        assert_eq!(
            agent(
                "The battle began with the first direct assault on the city by Russian forces.",
                "assault"
            ),
            Some(Side::RU)
        );
    }

    #[test]
    fn the_agent_of_another_verb_is_not_the_nouns() {
        with(
            "A Russian assault near Ocheretino was repelled by Ukrainian forces.",
            |s, t| {
                assert_eq!(
                    s.agent_after_by(at(t, "assault"), |j| s.facts[j].side),
                    None
                )
            },
        );
    }

    #[test]
    fn a_noun_takes_the_side_of_the_subject_of_its_light_verb() {
        assert_eq!(
            agent("Separatists launched an offensive with tanks.", "offensive"),
            Some(Side::RU)
        );
        assert_eq!(
            agent(
                "On 3 June, Russian forces launched an assault on Marinka.",
                "assault"
            ),
            Some(Side::RU)
        );
        // A speaker is no subject: "Ukrainian officials" are a source.
        assert_eq!(
            agent("Ukrainian officials said fighting began.", "fighting"),
            None
        );
    }

    #[test]
    fn an_event_noun_follows_its_determiner_a_verb_does_not() {
        with("The first direct assault on the city began.", |s, t| {
            assert!(s.is_event_noun(at(t, "assault")))
        });
        with("Russian forces captured the city.", |s, t| {
            assert!(!s.is_event_noun(at(t, "captured")))
        });
    }

    #[test]
    fn an_event_noun_after_after_is_a_circumstance_of_the_main_event() {
        with(
            "Ukrainian forces entered Lyman after a Russian withdrawal.",
            |s, t| assert!(s.is_circumstance(at(t, "withdrawal"))),
        );
        with(
            "After the withdrawal, Ukrainian forces entered Lyman.",
            |s, t| assert!(!s.is_circumstance(at(t, "entered"))),
        );
    }

    #[test]
    fn unlikely_and_future_hedge_the_event_away() {
        with(
            "The DPR forces were unlikely to make significant gains near Avdiivka.",
            |s, t| assert!(s.hedged(at(t, "gains"))),
        );
        with(
            "It could be a staging ground for future attacks on Kramatorsk.",
            |s, t| assert!(s.hedged(at(t, "attacks"))),
        );
        with("Russian forces made gains near Avdiivka.", |s, t| {
            assert!(!s.hedged(at(t, "gains")))
        });
    }
}
