//! Hromadas and raions named by the adjective of their centre, as
//! conflict monitors write them: "Chervonogrihorivska community" (the
//! hromada of Chervonohryhorivka, GeoNames' "Chervonohryhorivska
//! Terytorialna Hromada"), "Chuguevsky district" (the raion of Chuhuiv).
//! Neither is a name the gazetteer knows as written: the adjective is
//! loosely spelled, or the raion is one of those merged in 2020, which
//! GeoNames no longer lists.
//!
//! - A hromada ("community", "hromada", "territorial community") is the
//!   GeoNames hromada whose adjective has the same consonant skeleton
//!   ([`crate::gazetteer::skeleton`]); when several hromadas share it
//!   under one name (there are many Pokrovska hromadas), the text around
//!   chooses among them as for any name.
//! - A raion ("district", "raion", "rayon") named by a town's adjective
//!   is the raion that town lies in today: the adjective read as a town as
//!   directions are (`-sky` → the town, [`super::directions`]), when every
//!   town of that name lies in one raion.
//!
//! The mention keeps its text; its [`Mention::reading`] is the name of the
//! hromada or raion GeoNames gives, which resolution reads instead.

use super::{Mention, Words};
use crate::names::normalize;
use crate::text::Tokenized;
use crate::Gazetteer;

/// The adjective endings a unit's name ends in, Ukrainian and Russian, of
/// any gender ("Pokrovska", "Pervomaisky", "Chuguevsky").
const ADJECTIVE_ENDINGS: [&str; 11] = [
    "ska", "skaya", "skaia", "ske", "skoye", "skoe", "skyi", "skiy", "sky", "skii", "skyy",
];

/// Which unit the words after an adjective name, and how many words they
/// take: "community", "territorial community", "hromada" a hromada;
/// "district", "raion", "rayon" a raion.
fn unit_after(t: &Tokenized<'_>, words: &Words<'_>, i: usize) -> Option<(bool, usize)> {
    let next = |k: usize| {
        (k < t.tokens.len() && t.tokens[k].sentence == t.tokens[i].sentence && t.gap(k - 1) == " ")
            .then(|| words.lower[k])
    };
    match next(i + 1)? {
        "community" | "hromada" => Some((true, 1)),
        "territorial" if next(i + 2) == Some("community") => Some((true, 2)),
        "district" | "raion" | "rayon" => Some((false, 1)),
        _ => None,
    }
}

/// A hromada or raion named by its centre's adjective at word `i`, which
/// starts no name the gazetteer knows: the mention of the adjective and
/// its unit word(s), read as the unit GeoNames names (see the module
/// documentation). Returns the words taken and the mention.
pub(super) fn adjective_unit(
    gaz: &Gazetteer,
    t: &Tokenized<'_>,
    words: &Words<'_>,
    i: usize,
) -> Option<(usize, Mention)> {
    let (hromada, unit_words) = unit_after(t, words, i)?;
    let key = normalize(t.tokens[i].text);
    if !ADJECTIVE_ENDINGS.iter().any(|e| key.ends_with(e)) {
        return None;
    }
    let reading = if hromada {
        let mut names: Vec<&str> = gaz
            .hromadas_sounding_like(&key)
            .into_iter()
            .map(|row| &*gaz.places()[row].name)
            .collect();
        names.sort_unstable();
        names.dedup();
        match names.as_slice() {
            [one] => one.to_string(),
            _ => return None,
        }
    } else {
        let town = super::directions::town_of_adjective(gaz, t.tokens[i].text)?;
        let mut raions: Vec<&str> = gaz
            .lookup(&town)
            .iter()
            .filter(|m| m.place.is_populated() && m.place.population >= 1000)
            .filter_map(|m| gaz.admin2_name(m.place))
            .collect();
        raions.sort_unstable();
        raions.dedup();
        match raions.as_slice() {
            [one] => one.to_string(),
            _ => return None,
        }
    };
    let n = 1 + unit_words;
    let mut mention = super::unknown_mention(t, i, n, None);
    mention.known = true;
    mention.reading = Some(reading);
    Some((n, mention))
}

#[cfg(test)]
mod tests {
    use crate::{extract, Article, Gazetteer};

    /// (text, geonameid, feature code) of each resolved mention.
    fn places(text: &str) -> Vec<(String, u32, String)> {
        let gaz = Gazetteer::bundled();
        extract(&gaz, &Article::new(text))
            .resolved()
            .map(|m| {
                let p = &m.resolution.as_ref().unwrap().place;
                (m.text.clone(), p.geonameid, p.feature_code.to_string())
            })
            .collect()
    }

    #[test]
    fn a_hromada_named_by_its_adjective_is_that_hromada_however_spelled() {
        // UA.txt: 13539813 Chervonohryhorivska Terytorialna Hromada (ADM3,
        // Dnipropetrovsk, Nikopol raion).
        for text in [
            "Shelling hit the Chervonogrihorivska community.",
            "Shelling hit the Chervonohryhorivska hromada.",
            "Shelling hit the Chervonohryhorivska territorial community.",
        ] {
            let found = places(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(
                (found[0].1, found[0].2.as_str()),
                (13539813, "ADM3"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_raion_named_by_its_towns_adjective_is_the_raion_the_town_lies_in() {
        // UA.txt: 9114317 Chuhuiv City Council (ADM2 07/6314, Chuhuiv raion
        // today), the raion of 706524 Chuhuiv; 708200 Hrakove lies in it,
        // 708199 Hrakove (07/6308) does not.
        let found = places("Not far from the village of Grakovo, Chuguevsky district");
        let ids: Vec<u32> = found.iter().map(|p| p.1).collect();
        assert_eq!(ids, [708200, 9114317], "{found:?}");
    }

    #[test]
    fn an_adjective_before_no_unit_word_or_of_no_unit_is_no_unit() {
        assert!(places("The Chervonogrihorivska bridge was hit.").is_empty());
        assert!(places("Shelling hit the Zzzzyska community.").is_empty());
    }
}
