//! Region suffixes: "Donetsk Oblast", "the Kharkiv region", "Pokrovsk Raion".
//!
//! A name written with such a suffix means the administrative area, not the
//! city it is named after. This file is also compiled into `build.rs`.

/// The administrative level a suffix points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RegionLevel {
    /// Oblast, region, province, krai: GeoNames `ADM1`.
    Admin1,
    /// Raion, district, county: GeoNames `ADM2`.
    Admin2,
    /// Hromada, community, municipality: GeoNames `ADM3`.
    Admin3,
}

impl RegionLevel {
    /// The GeoNames feature code of areas at this level.
    pub fn feature_code(self) -> &'static str {
        match self {
            RegionLevel::Admin1 => "ADM1",
            RegionLevel::Admin2 => "ADM2",
            RegionLevel::Admin3 => "ADM3",
        }
    }
}

/// Suffixes in normalised form, longest first so that "urban hromada" wins
/// over "hromada".
const SUFFIXES: &[(&str, RegionLevel)] = &[
    ("territorial community", RegionLevel::Admin3),
    ("settlement hromada", RegionLevel::Admin3),
    ("urban hromada", RegionLevel::Admin3),
    ("rural hromada", RegionLevel::Admin3),
    ("city municipality", RegionLevel::Admin3),
    ("urban raion", RegionLevel::Admin2),
    // GeoNames names some raions after their old city councils.
    ("city council", RegionLevel::Admin2),
    ("miskrada", RegionLevel::Admin2),
    ("municipality", RegionLevel::Admin3),
    ("voivodeship", RegionLevel::Admin1),
    ("governorate", RegionLevel::Admin1),
    ("community", RegionLevel::Admin3),
    ("province", RegionLevel::Admin1),
    ("district", RegionLevel::Admin2),
    ("hromada", RegionLevel::Admin3),
    ("oblast", RegionLevel::Admin1),
    ("oblasts", RegionLevel::Admin1),
    ("region", RegionLevel::Admin1),
    ("county", RegionLevel::Admin2),
    ("raion", RegionLevel::Admin2),
    ("rayon", RegionLevel::Admin2),
    ("krai", RegionLevel::Admin1),
    ("kray", RegionLevel::Admin1),
    ("obl", RegionLevel::Admin1),
];

/// True when a lower-case word is the first word of some region suffix
/// (`oblast`, `region`, `urban` of `urban hromada`).
pub fn starts_suffix(word: &str) -> bool {
    // The first words of `SUFFIXES` (a test checks the two agree): a
    // `match` decides in a few comparisons, where splitting every suffix
    // cost a search each.
    matches!(
        word,
        "territorial"
            | "settlement"
            | "urban"
            | "rural"
            | "city"
            | "miskrada"
            | "municipality"
            | "voivodeship"
            | "governorate"
            | "community"
            | "province"
            | "district"
            | "hromada"
            | "oblast"
            | "oblasts"
            | "region"
            | "county"
            | "raion"
            | "rayon"
            | "krai"
            | "kray"
            | "obl"
    )
}

/// True when a word is the last word of some region suffix.
fn ends_suffix(word: &str) -> bool {
    matches!(
        word,
        "community"
            | "hromada"
            | "municipality"
            | "raion"
            | "council"
            | "miskrada"
            | "voivodeship"
            | "governorate"
            | "province"
            | "district"
            | "oblast"
            | "oblasts"
            | "region"
            | "county"
            | "rayon"
            | "krai"
            | "kray"
            | "obl"
    )
}

/// Splits a normalised name into its base and the region suffix it ends with.
pub fn split_suffix(key: &str) -> Option<(&str, RegionLevel)> {
    // Most names end in no suffix word: one look at the last word rules
    // them out.
    let space = key.bytes().rposition(|b| b == b' ')?;
    let last = &key[space + 1..];
    if !ends_suffix(last) {
        return None;
    }
    // The suffix as written: two words ("urban hromada") before one, as
    // `SUFFIXES` orders them; a base is left before it.
    let level_of = |suffix: &str| {
        SUFFIXES
            .iter()
            .find(|&&(s, _)| s == suffix)
            .map(|&(_, level)| level)
    };
    let head = &key[..space];
    if let Some(before) = head.bytes().rposition(|b| b == b' ') {
        if let Some(level) = level_of(&key[before + 1..]) {
            if before > 0 {
                return Some((&key[..before], level));
            }
        }
    }
    level_of(last)
        .filter(|_| !head.is_empty())
        .map(|level| (head, level))
}

/// The bases an area's name can be written with before a suffix: the name
/// without its suffix, and that base without an adjective ending
/// (`donetska` → `donetsk`, `kharkivska` → `kharkiv`, `kramatorskyi` →
/// `kramatorsk`, `donetskaya` → `donetsk`).
pub fn base_forms(key: &str) -> Vec<String> {
    let base = split_suffix(key).map_or(key, |(b, _)| b);
    let mut forms = vec![base.to_string()];
    // Ukrainian and Russian adjective endings, longest first; each strip
    // that leaves a plausible stem is kept.
    const ENDINGS: &[&str] = &[
        "skaya", "skaia", "skiy", "skyi", "skyy", "skyj", "ska", "sky", "kyi", "kyy", "ka", "aya",
        "aia", "iy", "yi", "yy", "a",
    ];
    for ending in ENDINGS {
        if let Some(stem) = base.strip_suffix(ending) {
            if stem.len() >= 3 && !stem.ends_with(' ') {
                forms.push(stem.to_string());
                // Odeskyi ← Odesa, Sumskyi ← Sumy: the noun ends in a vowel.
                if ending.starts_with("sk") || ending.starts_with('k') {
                    forms.push(format!("{stem}a"));
                    forms.push(format!("{stem}y"));
                }
            }
        }
    }
    forms.sort();
    forms.dedup();
    forms
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn oblast_starts_a_region_suffix_and_forces_does_not() {
        assert!(starts_suffix("oblast"));
        assert!(!starts_suffix("forces"));
    }

    #[test]
    fn a_name_splits_into_its_base_and_its_region_suffix() {
        assert_eq!(
            split_suffix("donetsk oblast"),
            Some(("donetsk", RegionLevel::Admin1))
        );
        assert_eq!(
            split_suffix("pokrovsk raion"),
            Some(("pokrovsk", RegionLevel::Admin2))
        );
        assert_eq!(split_suffix("donetsk"), None);
    }

    #[test]
    fn an_areas_base_is_written_with_and_without_its_adjective_ending() {
        let forms = base_forms("donetska oblast");
        assert!(forms.contains(&"donetska".to_string()));
        assert!(forms.contains(&"donetsk".to_string()));
    }

    #[test]
    fn the_first_and_last_word_tests_agree_with_the_suffix_list() {
        let mut words: Vec<&str> = SUFFIXES.iter().flat_map(|(s, _)| s.split(' ')).collect();
        words.extend(["forces", "oblas", "regions", "", "raions", "hromadas"]);
        for w in words {
            let first = SUFFIXES.iter().any(|(s, _)| s.split(' ').next() == Some(w));
            let last = SUFFIXES
                .iter()
                .any(|(s, _)| s.rsplit(' ').next() == Some(w));
            assert_eq!(starts_suffix(w), first, "{w:?} first");
            assert_eq!(ends_suffix(w), last, "{w:?} last");
        }
    }

    #[test]
    fn suffixes_split_as_trying_each_in_list_order_would() {
        // The rule as first written: the first suffix of the list that the
        // key ends in, after a space and a base.
        fn by_list(key: &str) -> Option<(&str, RegionLevel)> {
            SUFFIXES.iter().find_map(|&(suffix, level)| {
                let base = key.strip_suffix(suffix)?.strip_suffix(' ')?;
                (!base.is_empty()).then_some((base, level))
            })
        }
        let mut keys: Vec<String> = Vec::new();
        for (suffix, _) in SUFFIXES {
            for base in [
                "",
                " ",
                "kharkiv",
                "kramatorsk city",
                "a b",
                "urban",
                "city",
            ] {
                keys.push(format!("{base} {suffix}"));
                keys.push(format!("{base}{suffix}"));
            }
            keys.push(suffix.to_string());
        }
        keys.extend([
            "kyiv city council".into(),
            "x council".into(),
            "  oblast".into(),
        ]);
        for key in &keys {
            assert_eq!(split_suffix(key), by_list(key), "{key:?}");
        }
    }

    #[test]
    fn region_suffix_is_found_after_a_space_only() {
        assert_eq!(split_suffix("oblast"), None);
        assert_eq!(split_suffix("zoblast"), None);
        assert_eq!(
            split_suffix("kharkiv region"),
            Some(("kharkiv", RegionLevel::Admin1))
        );
    }

    #[test]
    fn longer_suffix_wins() {
        assert_eq!(
            split_suffix("kramatorsk urban hromada"),
            Some(("kramatorsk", RegionLevel::Admin3))
        );
    }

    #[test]
    fn adjectives_of_names_ending_in_a_vowel_give_the_name() {
        assert!(base_forms("odeskyi raion").contains(&"odesa".to_string()));
        assert!(base_forms("sumskyi raion").contains(&"sumy".to_string()));
    }

    #[test]
    fn city_councils_are_raions() {
        assert_eq!(
            split_suffix("kupianska miskrada"),
            Some(("kupianska", RegionLevel::Admin2))
        );
    }

    #[test]
    fn adjective_forms_give_the_city_stem() {
        assert!(base_forms("kharkivska oblast").contains(&"kharkiv".to_string()));
        assert!(base_forms("kramatorskyi raion").contains(&"kramatorsk".to_string()));
        assert!(base_forms("donetskaya oblast").contains(&"donetsk".to_string()));
    }
}
