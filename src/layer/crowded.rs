//! Crowded sentences: in a sentence of more than [`CROWDED_SENTENCE`]
//! resolved mentions, the mentions of one name at one place make one
//! feature of the mentions layer, not one each.
//!
//! No reporting writes such a sentence (a long list names each place once,
//! and a sentence of the corpus names at most a dozen or two); a hostile or
//! broken text does ("Avdiivka, " ten thousand times), and there each
//! feature (about a kilobyte of place, score, runners-up and property
//! names) would cost a hundred times the ten bytes of text that made it.
//! The feature kept is the first mention's: its `start`, `end` and
//! evidence are the first mention's; its `title` says how many mentions it
//! stands for (`Avdiivka ×10000`) and its `description` ends with where the
//! first and the last of them are. Every other sentence gives a feature per
//! mention, as before.

use rustc_hash::FxHashMap as HashMap;

use crate::resolved::ResolvedMention;

/// A sentence with more resolved mentions than this is crowded: its
/// repeats of a name at one place share a feature.
///
/// ```
/// assert!(frontline::layer::CROWDED_SENTENCE >= 50);
/// ```
pub const CROWDED_SENTENCE: usize = 64;

/// What becomes of each resolved mention in the mentions layer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Fate {
    /// Its own feature.
    Own,
    /// The feature of `count` mentions of its name at its place in its
    /// sentence, itself the first; the last spans `last` (input chars).
    Leads { count: usize, last: (usize, usize) },
    /// Part of an earlier mention's feature.
    Joined,
}

/// The fate of every resolved mention, in order; empty when no sentence is
/// crowded (every mention its own feature). Linear in the mentions.
pub(crate) fn fates<'a>(mentions: impl Iterator<Item = &'a ResolvedMention>) -> Vec<Fate> {
    let mentions: Vec<&ResolvedMention> = mentions.collect();
    let mut fates = Vec::new();
    // Mentions come in text order: a sentence's are one run.
    let mut from = 0;
    while from < mentions.len() {
        let sentence = mentions[from].sentence;
        let to = from
            + mentions[from..]
                .iter()
                .take_while(|m| m.sentence == sentence)
                .count();
        if to - from > CROWDED_SENTENCE {
            if fates.is_empty() {
                fates = vec![Fate::Own; mentions.len()];
            }
            let mut lead: HashMap<(&str, u32), usize> = HashMap::default();
            for i in from..to {
                let m = mentions[i];
                let place = m.resolution.as_ref().map_or(0, |r| r.place.geonameid);
                let first = *lead.entry((m.text.as_str(), place)).or_insert(i);
                if first == i {
                    continue;
                }
                fates[i] = Fate::Joined;
                fates[first] = match fates[first] {
                    Fate::Leads { count, .. } => Fate::Leads {
                        count: count + 1,
                        last: (m.start, m.end),
                    },
                    _ => Fate::Leads {
                        count: 2,
                        last: (m.start, m.end),
                    },
                };
            }
        }
        from = to;
    }
    fates
}

/// The `title` of a feature that stands for `count` mentions of `text`.
pub(crate) fn title(text: &str, count: usize) -> String {
    format!("{text} ×{count}")
}

/// The note the `description` of such a feature ends with: how many
/// mentions, where the first (`first`) and the last are.
pub(crate) fn note(
    text: &str,
    count: usize,
    first: (usize, usize),
    last: (usize, usize),
) -> String {
    format!(
        " [{count} mentions of {text} at this place in this sentence, one feature: \
         the first at {}–{}, the last at {}–{}]",
        first.0, first.1, last.0, last.1
    )
}
