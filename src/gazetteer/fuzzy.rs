//! The last resort for a name after a place cue that no spelling rule
//! finds ("near the village of Krasnogorovka" in a spelling of its own):
//! Ukraine's settlements whose names have the same consonant skeleton, or
//! one a single edit away.
//!
//! A skeleton keeps a word's consonants in order, `g` read as `h`, `w` as `v`,
//! a doubled consonant once, and its first letter as `_` when that is a vowel: the
//! vowels are where Russian and loose transliterations of a Ukrainian name
//! differ (Kamenka/Kamianka, Orekhovo/Orikhiv, Zaitsevo/Zaitseve,
//! Shirokino/Shyrokyne, Peski/Pisky all share theirs). Only GeoNames names
//! of Ukrainian settlements are indexed, built once on first use. Such
//! matches are scored below every exact and transliterated one
//! ([`MatchKind::Fuzzy`]) and are only looked for when nothing else
//! matches.

use std::sync::OnceLock;

use crate::names::Kinds;
use crate::names::MatchKind;

use super::Gazetteer;

/// Skeletons shorter than this (in consonants) are too common to match
/// one edit away.
const MIN_EDIT_LEN: usize = 5;
/// Names shorter than this (in letters) are not matched at all.
const MIN_NAME_LEN: usize = 5;

/// The skeletons of the bundled Ukrainian settlements' names, sorted, with
/// each place's row.
struct Index {
    entries: Vec<(Box<str>, u32)>,
}

static INDEX: OnceLock<Index> = OnceLock::new();

/// The skeletons of the adjectives that name Ukraine's hromadas (GeoNames
/// `ADM3` rows: "Chervonohryhorivska Terytorialna Hromada"), sorted, with
/// each hromada's row.
static HROMADAS: OnceLock<Index> = OnceLock::new();

/// The consonant skeleton of a normalised name, word by word; `None` when
/// the name is not plain ASCII letters and spaces or too short.
///
/// ```
/// use frontline::gazetteer::skeleton;
/// assert_eq!(skeleton("krasnogorovka"), skeleton("krasnohorivka"));
/// assert_eq!(skeleton("orekhovo"), skeleton("orikhiv"));
/// assert_eq!(skeleton("zolotaya niva"), skeleton("zolota nyva"));
/// assert_ne!(skeleton("kamenka"), skeleton("kalynivka"));
/// ```
pub fn skeleton(key: &str) -> Option<String> {
    if key.len() < MIN_NAME_LEN || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b' ') {
        return None;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'j');
    let mut out = String::with_capacity(key.len());
    for (w, word) in key.split(' ').enumerate() {
        if w > 0 {
            out.push(' ');
        }
        let mut last = 0u8;
        for (k, c) in word.bytes().enumerate() {
            let c = match c {
                b'g' => b'h',
                b'w' => b'v',
                c => c,
            };
            if k == 0 && vowel(c) {
                out.push('_');
                last = b'_';
            } else if vowel(c) {
                // Only letters written side by side are doubled.
                last = 0;
            } else if c != last {
                out.push(c as char);
                last = c;
            }
        }
    }
    Some(out)
}

impl Index {
    fn build(gaz: &Gazetteer) -> Index {
        let mut entries: Vec<(Box<str>, u32)> = gaz.places[..gaz.bundled_len]
            .iter()
            .enumerate()
            .filter(|(_, p)| p.country_code == "UA" && p.is_populated())
            .filter_map(|(row, p)| {
                skeleton(&crate::names::normalize(&p.name))
                    .map(|s| (s.into_boxed_str(), row as u32))
            })
            .collect();
        entries.sort_unstable();
        Index { entries }
    }

    fn build_hromadas(gaz: &Gazetteer) -> Index {
        let mut entries: Vec<(Box<str>, u32)> = gaz.places[..gaz.bundled_len]
            .iter()
            .enumerate()
            .filter(|(_, p)| p.country_code == "UA" && p.feature_code == "ADM3")
            .filter_map(|(row, p)| {
                let key = crate::names::normalize(&p.name);
                let adjective = key.split(' ').next()?;
                skeleton(adjective).map(|s| (s.into_boxed_str(), row as u32))
            })
            .collect();
        entries.sort_unstable();
        Index { entries }
    }

    /// Rows under exactly this skeleton.
    fn exact(&self, skel: &str) -> &[(Box<str>, u32)] {
        let from = self.entries.partition_point(|(s, _)| &**s < skel);
        let to = self.entries.partition_point(|(s, _)| &**s <= skel);
        &self.entries[from..to]
    }

    /// Rows whose skeleton shares the first two letters and lies one edit
    /// away.
    fn one_edit(&self, skel: &str) -> Vec<u32> {
        let prefix = &skel[..2];
        let from = self.entries.partition_point(|(s, _)| &**s < prefix);
        self.entries[from..]
            .iter()
            .take_while(|(s, _)| s.starts_with(prefix))
            .filter(|(s, _)| s.len().abs_diff(skel.len()) <= 1 && within_one_edit(s, skel))
            .map(|&(_, row)| row)
            .collect()
    }
}

/// True when `a` becomes `b` by at most one insertion, deletion or
/// substitution of a byte.
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let first = short.iter().zip(long).position(|(x, y)| x != y);
    match first {
        None => true,
        Some(k) if short.len() == long.len() => short[k + 1..] == long[k + 1..],
        Some(k) => short[k..] == long[k + 1..],
    }
}

impl Gazetteer {
    /// The Ukrainian settlements a name may loosely mean (see the module
    /// documentation): rows under its consonant skeleton, else under
    /// skeletons one edit away; empty for a gazetteer without the bundled
    /// data or a name that is too short.
    pub(crate) fn fuzzy_postings(&self, key: &str) -> Vec<(usize, Kinds)> {
        self.fuzzy_postings_where(key, |_| true)
    }

    /// [`Gazetteer::fuzzy_postings`] among the settlements `keep` keeps:
    /// those under the name's skeleton; when none of them is kept, those
    /// one edit away. A text that names the region ("Belozerovka in the
    /// Kherson region") looks for the sound-alike inside it even when
    /// places elsewhere share the name's skeleton exactly.
    pub(crate) fn fuzzy_postings_where(
        &self,
        key: &str,
        keep: impl Fn(&crate::Place) -> bool,
    ) -> Vec<(usize, Kinds)> {
        if self.bundled.is_none() {
            return Vec::new();
        }
        let Some(skel) = skeleton(key) else {
            return Vec::new();
        };
        let index = INDEX.get_or_init(|| Index::build(self));
        let kinds = Kinds::of(MatchKind::Fuzzy);
        let kept = |row: u32| keep(&self.places[row as usize]).then_some((row as usize, kinds));
        let exact: Vec<(usize, Kinds)> = index
            .exact(&skel)
            .iter()
            .filter_map(|&(_, row)| kept(row))
            .collect();
        if !exact.is_empty()
            || skel.chars().filter(|c| c.is_ascii_alphabetic()).count() < MIN_EDIT_LEN
        {
            return exact;
        }
        index.one_edit(&skel).into_iter().filter_map(kept).collect()
    }

    /// True when a Ukrainian settlement named in two or more words has
    /// exactly this name's consonant skeleton ("Golay Pristan": 708632 Hola
    /// Prystan; "Chasovoy Yar": 710915 Chasiv Yar). A run of capitalised
    /// words of which no known name begins at the first is read as one such
    /// name (`recognize`): every word must agree, so no edit is allowed.
    pub(crate) fn sounds_like_a_settlement_of_words(&self, key: &str) -> bool {
        if self.bundled.is_none() || !key.contains(' ') {
            return false;
        }
        let Some(skel) = skeleton(key) else {
            return false;
        };
        let index = INDEX.get_or_init(|| Index::build(self));
        !index.exact(&skel).is_empty()
    }

    /// The Ukrainian hromadas whose adjective has the consonant skeleton of
    /// this one-word normalised name ("chervonogrihorivska": 13539813
    /// Chervonohryhorivska Terytorialna Hromada), as rows of
    /// [`Gazetteer::places`]; none for a skeleton of fewer than five
    /// consonants, which too many adjectives share.
    pub(crate) fn hromadas_sounding_like(&self, adjective: &str) -> Vec<usize> {
        if self.bundled.is_none() || adjective.contains(' ') {
            return Vec::new();
        }
        let Some(skel) = skeleton(adjective).filter(|s| s.len() >= MIN_EDIT_LEN) else {
            return Vec::new();
        };
        let index = HROMADAS.get_or_init(|| Index::build_hromadas(self));
        index
            .exact(&skel)
            .iter()
            .map(|&(_, row)| row as usize)
            .collect()
    }

    /// True when [`Gazetteer::resolve`] would find some settlement for this
    /// normalised name only loosely: no spelling rule knows it, but a
    /// Ukrainian settlement's consonant skeleton matches.
    pub(crate) fn knows_fuzzily(&self, key: &str) -> bool {
        !self.fuzzy_postings(key).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_is_one_insertion_deletion_or_substitution() {
        assert!(within_one_edit("krsnhrvk", "krsnhrvk"));
        assert!(within_one_edit("krsnhrvk", "krsnhrk"));
        assert!(within_one_edit("krsnhrvk", "krsnhrvks"));
        assert!(within_one_edit("krsnhrvk", "krsnprvk"));
        assert!(!within_one_edit("krsnhrvk", "krsnprk"));
    }
}
