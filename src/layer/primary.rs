//! The one place an article or a conflict-monitor description is mainly
//! about, for a view that shows one answer per text (a table row, a map
//! pin): [`primary_place`].
//!
//! The places layer keeps every place in text order; this picks one of
//! them. A name that only labels an axis of the fighting ("Kupyansk
//! direction: areas of the settlements of Novoselovskoye …", "Yuzhno-Donetsk
//! and Zaporozhye directions: …") is no place where something happened, so
//! the first settlement after it is chosen.

use crate::extract::Extraction;
use crate::resolved::ResolvedMention;

/// The most words between a name and "directions" in one list of
/// directions ("Donetsk, Krasnolymansk, Kupyansk, Kherson and YuzhnoDonetsk
/// directions").
const DIRECTION_LIST_WORDS: usize = 12;

/// The place an extraction is mainly about: its first settlement (GeoNames
/// class P) that does not only name a direction of the fighting, else its
/// first settlement ("Krasnolimansky direction, Donetsk People's Republic":
/// Lyman, not the oblast), else its first place of any kind that does not
/// name a direction, else its first place. `None` when no place was
/// resolved.
///
/// ```
/// use frontline::{extract, layer::primary_place, Article, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let text = "Kupyansk direction: area of the settlement of Novoselovskoye of the Luhansk People's Republic";
/// let found = extract(&gaz, &Article::new(text).with_published("2023-02-01").unwrap());
/// let main = primary_place(&found).unwrap();
/// assert_eq!(main.text, "Novoselovskoye");
/// ```
pub fn primary_place(found: &Extraction) -> Option<&ResolvedMention> {
    let resolved: Vec<&ResolvedMention> = found.resolved().collect();
    let places: Vec<&ResolvedMention> = resolved
        .iter()
        .copied()
        .filter(|m| !names_a_direction(found, m))
        .collect();
    first_settlement(&places)
        .or_else(|| first_settlement(&resolved))
        .or(places.first().copied())
        .or(resolved.first().copied())
}

/// The first mention whose place is a settlement.
fn first_settlement<'a>(mentions: &[&'a ResolvedMention]) -> Option<&'a ResolvedMention> {
    mentions
        .iter()
        .find(|m| {
            m.resolution
                .as_ref()
                .is_some_and(|r| r.place.is_populated())
        })
        .copied()
}

/// True when the mention only names a direction: its cue is "direction",
/// or the words after it in its sentence are names, commas and "and" up to
/// "direction(s)" ("Yuzhno-Donetsk and Zaporizhia directions").
fn names_a_direction(found: &Extraction, m: &ResolvedMention) -> bool {
    if m.cue.as_ref().is_some_and(|c| c.words == "direction") {
        return true;
    }
    let Some(sentence) = found.sentences.get(m.sentence) else {
        return false;
    };
    let from = m.bytes.1.saturating_sub(sentence.byte_start);
    let Some(after) = sentence.text.get(from..) else {
        return false;
    };
    for word in after.split_whitespace().take(DIRECTION_LIST_WORDS) {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        match word.to_lowercase().as_str() {
            "" | "and" => {}
            "direction" | "directions" => return true,
            _ if word.starts_with(char::is_uppercase) => {}
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::primary_place;
    use crate::{extract, Article, Gazetteer};

    /// The GeoNames id of the primary place of a text dated `date`.
    fn primary(text: &str, date: &str) -> Option<u32> {
        let gaz = Gazetteer::bundled();
        let found = extract(&gaz, &Article::new(text).with_published(date).unwrap());
        primary_place(&found).map(|m| m.resolution.as_ref().unwrap().place.geonameid)
    }

    #[test]
    fn a_direction_named_before_the_settlements_is_not_the_primary_place() {
        // UCDP GED 462688; GeoNames 9115061 Novoselivske (Luhansk), not
        // 703656 Kupyansk.
        let text = "Kupyansk direction: area of the settlement of Novoselovskoye of the Luhansk People's Republic";
        assert_eq!(primary(text, "2023-02-01"), Some(9115061));
    }

    #[test]
    fn a_list_of_directions_names_no_primary_place() {
        // UCDP GED 464729; GeoNames 690823 Vuhledar, not Zaporizhzhia.
        let text = "Yuzhno-Donetsk and Zaporizhia directions: area of the settlement of Vugledar in the Donetsk People's Republic.";
        assert_eq!(primary(text, "2023-02-18"), Some(690823));
    }

    #[test]
    fn a_direction_with_no_other_settlement_is_its_town_not_the_oblast() {
        // UCDP GED 449151; GeoNames 704204 Lyman, not 709716 Donetsk Oblast.
        let text = "Krasnolimansky direction, Donetsk People's Republic";
        assert_eq!(primary(text, "2022-09-27"), Some(704204));
    }

    #[test]
    fn without_a_direction_the_primary_place_is_the_first_settlement() {
        // UCDP GED 450623 lists two places: the first, 704204 Lyman.
        let text = "2 in Liman and 2 in Yakovlevka, Donetsk";
        assert_eq!(primary(text, "2022-02-24"), Some(704204));
        assert_eq!(primary("Nothing happened today.", "2022-02-24"), None);
    }
}
