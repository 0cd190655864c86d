//! What "the city", "these settlements" and "it" stand for: the place a
//! trigger with no named place of its own refers back to.
//!
//! Three documented rules, each tested below:
//! - **the city** ("the village", "the settlement", "the city's"): the last
//!   settlement named before the sentence in its paragraph; with none there,
//!   the article's topic, the settlement it names most often (at least
//!   twice, in at least a third of its settlement mentions, and more often
//!   than any other) — "the city" in an article about Avdiivka is Avdiivka.
//! - **these settlements** ("these towns", "the villages"): every settlement
//!   the paragraph's last sentence that named settlements named ("…the towns
//!   of Kupiansk, Izium and Balakliia. … were able to recapture these
//!   settlements").
//! - **it**, the object right after a trigger ("captured it", "retook it"):
//!   as "the city".

use super::*;

/// What a trigger refers back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Reference {
    /// One settlement: "the city", "it".
    One,
    /// Every settlement of the last list: "these settlements".
    Many,
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
    /// these settlements", "captured it". A noun followed by "of" names its
    /// place ("the city of Marinka"), and one the sentence names right after
    /// it ("the village Terny") is no reference (`named_here` tells).
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
            return (!named_here(noun + 1) && !locator).then_some(Reference::One);
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
        (verb && k < self.last && lower[k + 1] == "it").then_some(Reference::One)
    }

    /// Whether the sentence has a word that may refer back to a settlement:
    /// "the city", "these villages", "it".
    pub(super) fn has_anaphor(&self) -> bool {
        let lower = self.lower;
        (self.first + 1..=self.last).any(|j| {
            let w = strip_possessive(&lower[j]);
            lower[j] == "it"
                || (matches!(lower[j - 1].as_ref(), "the" | "these" | "those")
                    && (SETTLEMENT_NOUNS.contains(&w) || SETTLEMENTS_NOUNS.contains(&w)))
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

    #[test]
    fn the_city_and_it_refer_to_one_settlement() {
        assert_eq!(
            reference(
                "Ukrainian forces were withdrawn from the city.",
                "withdrawn"
            ),
            Some(Reference::One)
        );
        assert_eq!(
            reference(
                "Russian forces were confirmed to have captured it.",
                "captured"
            ),
            Some(Reference::One)
        );
        assert_eq!(
            reference("Russian forces captured the city of Marinka.", "captured"),
            None
        );
        assert_eq!(
            reference("Russian forces captured the city's boundaries.", "captured"),
            Some(Reference::One)
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
