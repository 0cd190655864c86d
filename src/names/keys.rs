//! Every index key one written name of a place stands for.
//!
//! This file is also compiled into `build.rs`: the bundled index and the
//! names a user adds at run time are keyed by the same rules.

use super::normalize::{is_cyrillic, normalize};
use super::posting::MatchKind;
use super::region::base_forms;
use super::translit::latin_forms;

/// The keys under which a place is found by one of its names: the name's
/// normalised form (with the `kind` given), the Latin forms of a Cyrillic
/// name ([`MatchKind::Transliterated`]) and, for administrative areas, the
/// bases written before a region suffix ([`MatchKind::RegionBase`]).
pub fn keys_for_name(name: &str, kind: MatchKind, is_area: bool) -> Vec<(String, MatchKind)> {
    let mut keys = vec![(normalize(name), kind)];
    if name.chars().any(is_cyrillic) {
        keys.extend(
            latin_forms(name)
                .into_iter()
                .map(|form| (form, MatchKind::Transliterated)),
        );
    }
    if is_area {
        let bases: Vec<(String, MatchKind)> = keys
            .iter()
            .flat_map(|(key, _)| base_forms(key).into_iter().filter(move |b| b != key))
            .map(|base| (base, MatchKind::RegionBase))
            .collect();
        keys.extend(bases);
    }
    keys.retain(|(key, _)| !key.is_empty());
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cyrillic_name_is_keyed_by_itself_and_by_its_latin_forms() {
        let keys = keys_for_name("Харків", MatchKind::Alternate, false);
        assert!(keys.contains(&("kharkiv".to_string(), MatchKind::Transliterated)));
        assert!(keys.contains(&("харків".to_string(), MatchKind::Alternate)));
    }
}
