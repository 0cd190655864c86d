//! Names of directions, as Russian and Ukrainian military reporting writes
//! them: "the Krasnolimansky direction" (of Lyman, formerly Krasnyi Lyman),
//! "the Kupyansky direction", "the Yuzhno-Donetsk direction".

use crate::lexicon::is_compass_prefix;
use crate::names::normalize;
use crate::text::Tokenized;
use crate::Gazetteer;

/// True when word `i` opens a direction's name whose head is named in the
/// text: it is followed by "direction(s)", or by other names, commas and
/// "and" and then "directions" ("Donetsk, Krasnolymansk and Kupyansk
/// directions").
pub(super) fn names_a_direction(t: &Tokenized<'_>, lower: &[&str], i: usize) -> bool {
    let sentence = t.tokens[i].sentence;
    let mut k = i + 1;
    while k < t.tokens.len() && k <= i + 12 && t.tokens[k].sentence == sentence {
        match lower[k] {
            "direction" => return k == i + 1,
            "directions" => return true,
            "and" => {}
            _ if t.tokens[k].is_capitalized() => {}
            _ => return false,
        }
        let gap = t.gap(k - 1);
        if !matches!(gap.trim(), "" | "," | "-") {
            return false;
        }
        k += 1;
    }
    false
}

/// The town a direction's adjective stands for, as a name the gazetteer
/// knows as a town of 1,000 people or more, tried in this order: the
/// adjective ending (`-sky`, `-skiy`, `-skyi`, `-sk`) as the town's `-sk`
/// (Kupyansky → Kupyansk, Krasnoarmeysky → Krasnoarmeysk, Pokrovsk's former
/// name); a compound of `Krasno-` and a name as the two words it stands for
/// (Krasnolimansky → Krasny Liman, Lyman's former name); the stem alone.
/// `None` for a word with neither such an ending nor `Krasno-`: a town's
/// own name before "direction" is read as any other name.
pub(super) fn town_of_adjective(gaz: &Gazetteer, word: &str) -> Option<String> {
    let key = normalize(word);
    if !key.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let suffixed = ["skiy", "skyi", "skii", "sky", "sk"]
        .iter()
        .find_map(|s| key.strip_suffix(s));
    // A name as written ("Kupiansk direction") is read as any other; one
    // the gazetteer does not know may be a town's Ukrainian stem.
    if suffixed.is_none() && !key.starts_with("krasno") {
        return (!gaz.knows_key(&key))
            .then(|| town_sounding_like(gaz, &key))
            .flatten();
    }
    let stem = suffixed.unwrap_or(&key);
    let mut tries = vec![format!("{stem}sk"), stem.to_string()];
    if let Some(rest) = stem.strip_prefix("krasno").filter(|r| r.len() >= 4) {
        tries.insert(1, format!("krasny {rest}"));
    }
    tries
        .into_iter()
        .find(|k| {
            gaz.knows_key(k)
                && gaz
                    .lookup(k)
                    .iter()
                    .any(|m| m.place.is_populated() && is_town(m.place))
        })
        .or_else(|| town_sounding_like(gaz, stem))
}

/// True for a settlement a direction may be named after: 1,000 people or
/// more.
fn is_town(place: &crate::Place) -> bool {
    place.population >= 1000
}

/// The name of the one town whose name has the consonant skeleton of
/// `stem` (a direction's name as written, or its adjective's stem), the
/// Ukrainian possessive stem of a town as a direction is named in
/// Ukrainian: "Svativ direction" (Сватівський напрямок) is Svatove's,
/// "Bakhmutsky" is Bakhmut's. `None` when no town or more than one name
/// sounds so ([`Gazetteer::fuzzy_postings`]).
fn town_sounding_like(gaz: &Gazetteer, stem: &str) -> Option<String> {
    let mut names: Vec<String> = gaz
        .fuzzy_postings(stem)
        .into_iter()
        .map(|(row, _)| &gaz.places()[row])
        .filter(|p| p.is_populated() && is_town(p))
        .map(|p| normalize(&p.name))
        .collect();
    names.sort();
    names.dedup();
    match names.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Keeps, of the places a direction's name may mean ("the Lyman
/// direction"), the towns, when there is one: fronts are named after
/// towns, not after the villages that share their names (704204 Lyman,
/// 20,066 people, not 703073 Lyman of Luhansk oblast, 123). Places that
/// are not settlements stay.
pub(crate) fn keep_direction_towns(candidates: &mut Vec<crate::resolve::Candidate<'_>>) {
    let village = |p: &crate::Place| p.is_populated() && !is_town(p);
    if candidates
        .iter()
        .any(|c| c.place.is_populated() && is_town(c.place))
    {
        candidates.retain(|c| !village(c.place));
    }
}

/// True when word `i` is the name half of a compound of a compass point
/// and a name ("Yuzhno-Donetsk"): word `i - 1` is the compass prefix,
/// joined to it by a hyphen.
pub(super) fn after_compass_prefix(t: &Tokenized<'_>, lower: &[&str], i: usize) -> bool {
    i > 0 && is_compass_prefix(lower[i - 1]) && matches!(t.gap(i - 1), "-" | "‑" | "–")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_krasno_compound_is_the_two_words_it_stands_for() {
        // GeoNames lists "Krasnyy Liman" among Lyman's (704204) alternates.
        let gaz = Gazetteer::bundled();
        assert_eq!(
            town_of_adjective(&gaz, "Krasnolimansky").as_deref(),
            Some("krasny liman")
        );
        assert_eq!(
            town_of_adjective(&gaz, "Kupyansky").as_deref(),
            Some("kupyansk")
        );
        assert_eq!(
            town_of_adjective(&gaz, "Krasnoarmeysky").as_deref(),
            Some("krasnoarmeysk")
        );
        assert_eq!(town_of_adjective(&gaz, "Direction"), None);
    }
    fn place_of(text: &str, name: &str) -> u32 {
        let gaz = Gazetteer::bundled();
        let found = crate::extract(&gaz, &crate::Article::new(text));
        let m = found.resolved().find(|m| m.text == name);
        m.map_or(0, |m| m.resolution.as_ref().unwrap().place.geonameid)
    }

    #[test]
    fn a_direction_is_named_after_a_town_not_a_village_of_that_name() {
        // UA.txt: 704204 Lyman (Donetsk, PPLA3, 20,066 people); 703073
        // Lyman (Luhansk, 123) lies in the region the row names.
        let text = "Fighting continued in the Lyman direction, Luhansk region.";
        assert_eq!(place_of(text, "Lyman"), 704204);
        // A village named without "direction" is read as before.
        assert_eq!(
            place_of("Shelling hit Lyman, Luhansk region.", "Lyman"),
            703073
        );
    }

    #[test]
    fn a_direction_named_by_a_towns_ukrainian_stem_is_that_town() {
        // "Svativ direction" (Сватівський напрямок): 692118 Svatove
        // (Luhansk, PPLA2, 16,145 people).
        assert_eq!(
            place_of("Clashes in the Svativ direction.", "Svativ"),
            692118
        );
        let gaz = Gazetteer::bundled();
        assert_eq!(
            town_of_adjective(&gaz, "Svativ").as_deref(),
            Some("svatove")
        );
    }
}
