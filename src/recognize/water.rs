//! Telling a river from the city of its name: "across the Dnipro", "the
//! left bank of the Dnipro", "the Oskil" are rivers; "in Dnipro", "Dnipro
//! city", "Dnipro's mayor" are the city.
//!
//! English writes a river with the article and a city without it, so the
//! words around a bare name decide: "the" before it (and no word after it
//! that makes it an attribute: "the Kharkiv offensive"), a possessive
//! followed by "left bank", "waters", or a lower-case generic word after it
//! ("the Kakhovka reservoir", "the Zaporizhzhia nuclear power plant"). The
//! name is then read as the feature ("Dnipro River", "Kakhovka Reservoir")
//! where the gazetteer knows it under that name; the mention's text and
//! span stay as written.

use super::Mention;
use crate::lexicon::strip_possessive;
use crate::names::normalize;
use crate::names::region::split_suffix;
use crate::text::Tokenized;
use crate::Gazetteer;

/// Words that may follow "the X" when X is a river: prepositions,
/// conjunctions, verbs of rivers and of reporting.
const AFTER_RIVER: &[&str] = &[
    "in",
    "near",
    "at",
    "on",
    "and",
    "or",
    "to",
    "from",
    "into",
    "toward",
    "towards",
    "between",
    "by",
    "as",
    "is",
    "was",
    "has",
    "had",
    "which",
    "where",
    "that",
    "separates",
    "divides",
    "flows",
    "runs",
    "forms",
    "crossing",
    "crossings",
    "bank",
    "banks",
    "river",
    "reservoir",
    "south",
    "north",
    "east",
    "west",
    "upstream",
    "downstream",
    "itself",
    "but",
    "for",
    "with",
];

/// Words after a possessive name that make it water: "the Dnipro's left bank".
const AFTER_POSSESSIVE: &[&str] = &[
    "left",
    "right",
    "east",
    "west",
    "eastern",
    "western",
    "bank",
    "banks",
    "waters",
    "mouth",
    "delta",
    "islands",
    "floodplain",
    "shore",
    "shores",
];

/// Lower-case generic words after a name that say which feature it is,
/// longest first: "the Kakhovka dam", "Zaporizhzhia nuclear power plant".
const GENERIC_AFTER: &[&[&str]] = &[
    &["nuclear", "power", "plant"],
    &["nuclear", "power", "station"],
    &["nuclear", "plant"],
    &["air", "base"],
    &["power", "plant"],
    &["plant"],
    &["river"],
    &["reservoir"],
    &["dam"],
    &["bridge"],
    &["airfield"],
    &["airbase"],
    &["airport"],
    &["port"],
    &["spit"],
    &["island"],
    &["forest"],
];

/// Head nouns of features: the lexicon blocks the name before them as no
/// settlement's ("the Oskil river", "Kyiv Post"); a name and head the
/// gazetteer knows as a feature are a mention of it.
const FEATURE_HEADS: &[&str] = &[
    "river",
    "reservoir",
    "lake",
    "sea",
    "bay",
    "gulf",
    "strait",
    "island",
    "spit",
    "bridge",
    "dam",
    "airport",
    "airfield",
    "airbase",
    "base",
    "plant",
    "station",
    "forest",
    "canal",
    "peninsula",
    "estuary",
    "npp",
    "hpp",
];

/// Unblocks the words of a feature's name that the lexicon's head-noun
/// rules blocked: "Dnipro River", "Crimean Bridge", "Saky Air Base", "Sea
/// of Azov", and the name in "the Kakhovka reservoir" (whose lower-case
/// head stays out of the mention), where the gazetteer knows the whole as a
/// water, terrain or facility.
pub(crate) fn unblock_feature_names(gaz: &Gazetteer, t: &Tokenized<'_>, blocked: &mut [bool]) {
    let n = t.tokens.len();
    let joined = |i: usize| {
        let gap = t.gap(i);
        t.tokens[i].sentence == t.tokens[i + 1].sentence
            && !gap.contains('\n')
            && gap.trim().is_empty()
    };
    let is_feature = |from: usize, to: usize| {
        let name = &t.text[t.tokens[from].start..t.tokens[to].end];
        let key = normalize(strip_possessive(name));
        gaz.knows_key(&key)
            && gaz
                .lookup(strip_possessive(name))
                .iter()
                .any(|m| m.place.kind.is_feature())
    };
    for k in 0..n {
        let head = strip_possessive(&t.lower[k]);
        if FEATURE_HEADS.contains(&head) && k > 0 {
            // The longest run of capitalised words before the head, in one
            // phrase, that makes a feature's name with it.
            let mut j = k;
            while j > 0 && k - j < 4 && joined(j - 1) && t.tokens[j - 1].is_capitalized() {
                j -= 1;
            }
            // Not when the run goes on: "the Black Sea Fleet" is a fleet.
            let goes_on = k + 1 < n && joined(k) && t.tokens[k + 1].is_capitalized();
            if goes_on && t.tokens[k].is_capitalized() {
                continue;
            }
            if let Some(from) = (j..k).find(|&from| is_feature(from, k)) {
                let to = if t.tokens[k].is_capitalized() {
                    k
                } else {
                    k - 1
                };
                blocked[from..=to].iter_mut().for_each(|b| *b = false);
            }
        }
        // "Sea of Azov": a head, "of" and a name.
        if k + 2 < n
            && t.tokens[k].is_capitalized()
            && t.lower[k + 1] == "of"
            && t.tokens[k + 2].is_capitalized()
            && joined(k)
            && joined(k + 1)
            && FEATURE_HEADS.contains(&&*t.lower[k])
            && is_feature(k, k + 2)
        {
            blocked[k..=k + 2].iter_mut().for_each(|b| *b = false);
        }
    }
}

/// Drops the mentions of a sea written as its coast or fleet ("on Russia's
/// Black Sea coast", "the Black Sea fleet"): the land along it, or no
/// place, not the sea.
pub(crate) fn drop_coasts(t: &Tokenized<'_>, mentions: &mut Vec<Mention>) {
    mentions.retain(|m| {
        if !m.key.ends_with(" sea") {
            return true;
        }
        let next = t.tokens.partition_point(|tok| tok.start < m.byte_end);
        !t.lower.get(next).is_some_and(|w| {
            matches!(&**w, "coast" | "coastline" | "coasts" | "fleet" | "fleet's")
                && t.tokens[next].sentence == t.tokens[next - 1].sentence
        })
    });
}

/// Sets [`Mention::reading`] for the mentions whose words around them say
/// they are a river, reservoir or facility of that name, where the
/// gazetteer knows one.
pub(crate) fn mark_feature_readings(gaz: &Gazetteer, t: &Tokenized<'_>, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        if !m.known || m.region.is_some() || split_suffix(&m.key).is_some() {
            continue;
        }
        if let Some(reading) = feature_reading(gaz, t, m) {
            m.reading = Some(reading);
        }
    }
}

fn feature_reading(gaz: &Gazetteer, t: &Tokenized<'_>, m: &Mention) -> Option<String> {
    let first = t.tokens.partition_point(|tok| tok.start < m.byte_start);
    let last = t
        .tokens
        .partition_point(|tok| tok.start < m.byte_end)
        .checked_sub(1)?;
    if t.tokens.get(first)?.start != m.byte_start {
        return None;
    }
    let sentence = t.tokens[first].sentence;
    let word = |k: usize| -> Option<&str> {
        let tok = t.tokens.get(k)?;
        (tok.sentence == sentence).then(|| strip_possessive(&t.lower[k]))
    };
    let known = |generic: &str| {
        let name = format!("{} {generic}", m.text);
        gaz.knows_key(&normalize(&name)).then_some(name)
    };
    // "the Kakhovka reservoir", "Zaporizhzhia nuclear power plant": the
    // generic word written after the name.
    for phrase in GENERIC_AFTER {
        let follows = phrase
            .iter()
            .enumerate()
            .all(|(k, w)| word(last + 1 + k) == Some(*w) && t.gap(last + k).trim().is_empty());
        if follows {
            let written = phrase.join(" ");
            // "The Kramatorsk airfield" is GeoNames' "Kramatorsk Airport":
            // reporting calls any military airfield any of these.
            let alike: &[&str] = match written.as_str() {
                "airfield" | "airbase" | "air base" | "airport" => {
                    &["airport", "airfield", "air base", "airbase"]
                }
                _ => &[],
            };
            if let Some(name) = std::iter::once(written.as_str())
                .chain(alike.iter().copied())
                .find_map(&known)
            {
                return Some(name);
            }
        }
    }
    let possessive = t.tokens[last].text.len() > m.byte_end - t.tokens[last].start;
    let next = word(last + 1).filter(|_| t.gap(last).trim().is_empty() && !possessive);
    let the_before = first > 0 && word(first - 1) == Some("the");
    let water = if possessive {
        word(last + 1).is_some_and(|w| AFTER_POSSESSIVE.contains(&w))
    } else {
        the_before && next.is_none_or(|w| AFTER_RIVER.contains(&w))
    };
    if !water {
        return None;
    }
    known("River").or_else(|| known("Reservoir"))
}

#[cfg(test)]
mod tests {
    use crate::{extract, Article, Gazetteer};

    /// The geonameid each mention of `name` resolved to, in text order.
    fn ids_of(text: &str, name: &str) -> Vec<u32> {
        let gaz = Gazetteer::bundled();
        extract(&gaz, &Article::new(text))
            .resolved()
            .filter(|m| m.text == name)
            .map(|m| m.resolution.as_ref().unwrap().place.geonameid)
            .collect()
    }

    // GeoNames (UA.txt): the Dnieper river 565896, Dnipro city 709930; the
    // Oskil river 514365, Oskil village 710514; the Kakhovka reservoir
    // 707242, Kakhovka town 707244.
    const DNIEPER: u32 = 565896;
    const DNIPRO_CITY: u32 = 709930;

    #[test]
    fn across_the_dnipro_is_the_river() {
        let text = "Ukrainian forces landed on the left bank near Krynky, across the Dnipro.";
        assert_eq!(ids_of(text, "Dnipro"), [DNIEPER]);
    }

    #[test]
    fn the_left_bank_of_the_dnipro_is_the_river() {
        let text = "Marines held positions on the left bank of the Dnipro in Kherson Oblast.";
        assert_eq!(ids_of(text, "Dnipro"), [DNIEPER]);
    }

    #[test]
    fn the_dnipros_left_bank_is_the_river() {
        let text = "Russian troops pulled back from the Dnipro's left bank.";
        assert_eq!(ids_of(text, "Dnipro"), [DNIEPER]);
    }

    #[test]
    fn the_dnipro_river_written_in_full_is_the_river() {
        let text = "Boats crossed the Dnipro River at night.";
        assert_eq!(ids_of(text, "Dnipro River"), [DNIEPER]);
    }

    #[test]
    fn west_of_the_oskil_is_the_river() {
        // GeoNames has two rows for the river: 514365 near its mouth,
        // 12906761 at Kupiansk, the one the context chooses.
        let text = "Russian units advanced west of the Oskil, near Kupiansk.";
        let ids = ids_of(text, "Oskil");
        assert!(matches!(ids[..], [514365] | [12906761]), "{ids:?}");
    }

    #[test]
    fn named_features_are_mentions_of_them() {
        let text = "Ships in the Black Sea and the Sea of Azov fired at Snake Island, \
                    the Crimean Bridge and Saky Air Base.";
        let gaz = Gazetteer::bundled();
        let found = extract(&gaz, &Article::new(text));
        let ids: Vec<u32> = found
            .resolved()
            .map(|m| m.resolution.as_ref().unwrap().place.geonameid)
            .collect();
        // features.csv rows and GeoNames UA.txt rows.
        assert_eq!(ids, [3900000201, 3900000202, 686930, 11876420, 11269908]);
    }

    #[test]
    fn a_coast_dropped_between_linked_names_leaves_their_links_sound() {
        // Found in a 1,000-article batch: links index the list of mentions.
        let text = "Strikes hit Odesa, on the Black Sea coast, and Mykolaiv, Mykolaiv Oblast.";
        let gaz = Gazetteer::bundled();
        let found = extract(&gaz, &Article::new(text));
        assert!(found.resolved().any(|m| m.text == "Mykolaiv"));
    }

    #[test]
    fn a_fleet_or_coast_named_after_a_sea_is_no_mention_of_the_sea() {
        let text = "The Black Sea Fleet moved its ships to Novorossiysk, on Russia's \
                    Black Sea coast.";
        assert!(ids_of(text, "Black Sea").is_empty());
    }

    #[test]
    fn in_dnipro_is_the_city() {
        let text = "A missile struck an apartment block in Dnipro on Tuesday.";
        assert_eq!(ids_of(text, "Dnipro"), [DNIPRO_CITY]);
    }

    #[test]
    fn dnipro_city_and_dnipros_mayor_are_the_city() {
        let text = "Dnipro city officials said the mayor of Dnipro had asked for shelters. \
                    Dnipro's mayor Borys Filatov spoke.";
        assert_eq!(
            ids_of(text, "Dnipro"),
            [DNIPRO_CITY, DNIPRO_CITY, DNIPRO_CITY]
        );
    }

    #[test]
    fn the_city_and_the_river_in_one_article_are_two_places() {
        let text =
            "Shelling hit Dnipro overnight. Further south, troops crossed the Dnipro near Krynky.";
        assert_eq!(ids_of(text, "Dnipro"), [DNIPRO_CITY, DNIEPER]);
    }

    #[test]
    fn the_kakhovka_reservoir_is_the_reservoir_and_kakhovka_the_town() {
        let text = "The water level of the Kakhovka reservoir fell after the dam burst. \
                    Shelling hit Kakhovka.";
        assert_eq!(ids_of(text, "Kakhovka"), [707242, 707244]);
    }

    #[test]
    fn the_zaporizhzhia_nuclear_power_plant_is_the_plant() {
        let text = "Drones struck near the Zaporizhzhia nuclear power plant.";
        assert_eq!(ids_of(text, "Zaporizhzhia"), [11839420]);
    }

    #[test]
    fn zaporizhzhia_is_the_city_the_oblast_or_the_plant_as_written() {
        // GeoNames: Zaporizhzhia city 687700, Zaporizka Oblast 687699, the
        // plant 11839420.
        let text = "Shelling hit Zaporizhzhia. Fighting continued in Zaporizhzhia Oblast. \
                    Inspectors visited the Zaporizhzhia plant.";
        let gaz = Gazetteer::bundled();
        let ids: Vec<u32> = extract(&gaz, &Article::new(text))
            .resolved()
            .map(|m| m.resolution.as_ref().unwrap().place.geonameid)
            .collect();
        assert_eq!(ids, [687700, 687699, 11839420]);
    }

    #[test]
    fn a_city_named_in_an_attribute_after_the_stays_the_city() {
        let text = "The Kharkiv offensive stalled near Vovchansk.";
        let gaz = Gazetteer::bundled();
        let found = extract(&gaz, &Article::new(text));
        assert!(found
            .resolved()
            .all(|m| m.resolution.as_ref().unwrap().place.kind != crate::place::Kind::Water));
    }
}
