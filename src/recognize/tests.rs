use super::*;
use crate::doc::Doc;

fn names(text: &str) -> Vec<String> {
    let gaz = Gazetteer::bundled();
    find_mentions(&gaz, &Doc::new(text))
        .into_iter()
        .map(|m| m.text)
        .collect()
}

#[test]
fn a_region_named_by_its_adjective_is_found_with_its_suffix() {
    assert_eq!(
        names("Kharkivska oblast and Donetska oblast remain the most shelled."),
        ["Kharkivska oblast", "Donetska oblast"]
    );
}

#[test]
fn multi_word_and_hyphenated_names_are_one_mention() {
    assert_eq!(
        names("Fighting at Chasiv Yar and Velyka Novosilka."),
        ["Chasiv Yar", "Velyka Novosilka"]
    );
    assert_eq!(names("Trains from Rostov-on-Don."), ["Rostov-on-Don"]);
}

#[test]
fn possessives_are_trimmed() {
    assert_eq!(names("Kharkiv's defenders held."), ["Kharkiv"]);
    assert_eq!(names("North Korea’s forces."), ["North Korea"]);
}

#[test]
fn regions_keep_their_suffix() {
    assert_eq!(
        names("Strikes hit the Kharkiv region and Donetsk Oblast."),
        ["Kharkiv region", "Donetsk Oblast"]
    );
    assert_eq!(
        names("In Zaporizhzhia oblast it rained."),
        ["Zaporizhzhia oblast"]
    );
}

#[test]
fn people_are_not_places() {
    assert!(names("Vladimir Putin met Kim Jong Un. Putin and Kim spoke.").is_empty());
    assert!(
        names("Sen. Joe Biden said so. Maj. Gen. Pat Ryder agreed. Gen. Ryder left.").is_empty()
    );
}

#[test]
fn organisations_are_not_places() {
    assert!(names(
        "The Kyiv Post and The New York Times reported it, as did Ukrainska Pravda and DeepState."
    )
    .is_empty());
}

#[test]
fn formations_in_lower_case_are_not_their_places_and_rivers_are_the_rivers() {
    // "the Oskil river" names the river (src/water.rs reads it so), not
    // the village of Oskil.
    assert_eq!(
        names("The Khortytsia group said troops crossed the Oskil river near Kupiansk and the Velyka Novosilka grouping held."),
        ["Oskil", "Kupiansk"]
    );
    // A possessive keeps its place: the group is Kharkiv's.
    assert_eq!(names("Kharkiv's group of forces held."), ["Kharkiv"]);
}

#[test]
fn a_numbered_unit_named_after_a_region_is_no_mention_of_it() {
    assert_eq!(
        names(
            "Elements of the 1st Donetsk People's Republic Army Corps are operating near Niu-York."
        ),
        ["Niu-York"]
    );
    // Without an ordinal, a possessive keeps its place.
    assert_eq!(
        names("Ukraine's State Border Guard Service reported shelling."),
        ["Ukraine"]
    );
    // A date's ordinal before a city leaves the city.
    assert_eq!(names("On the 24th Kharkiv was shelled again."), ["Kharkiv"]);
}

#[test]
fn a_russian_group_of_forces_is_not_its_namesake_city() {
    assert_eq!(
        names("Battlegroup Dnepr units inflicted losses near Kamenskoye."),
        ["Kamenskoye"]
    );
}

#[test]
fn demonyms_are_not_places() {
    assert!(names("Russian and Ukrainian troops, and North Korean units.").is_empty());
}

#[test]
fn a_republics_forces_and_officials_are_no_mention_of_its_land() {
    assert_eq!(
        names("DPR forces and a LPR official said so."),
        Vec::<String>::new()
    );
    assert_eq!(names("Fighting continued in the DPR."), ["DPR"]);
}

#[test]
fn an_abbreviated_saint_joins_the_name() {
    assert_eq!(
        names("Drones flew toward St. Petersburg."),
        ["St. Petersburg"]
    );
}

#[test]
fn title_case_headlines_keep_only_the_places() {
    assert_eq!(
        names("Russian Forces Advance Near Pokrovsk As Ukraine Pulls Back Amid Heavy Losses"),
        ["Pokrovsk", "Ukraine"]
    );
}

#[test]
fn every_mention_carries_the_key_of_its_text() {
    let gaz = Gazetteer::bundled();
    let text = "The U.S. sent aid to Kharkiv's defenders, the Donetsk Oblast and the village of Qwertivka, near St. Petersburg.";
    let found = find_mentions(&gaz, &Doc::new(text));
    assert_eq!(found.len(), 5, "{found:?}");
    for m in found {
        assert_eq!(m.key, normalize(&m.text), "{m:?}");
    }
}

#[test]
fn a_name_the_gazetteer_lacks_is_not_split_at_its_adjective() {
    let gaz = Gazetteer::bundled();
    let found = find_mentions(
        &gaz,
        &Doc::new("Ukrainian units repelled counterattacks near Sudzha and Malaya Loknya."),
    );
    let texts: Vec<(&str, bool)> = found.iter().map(|m| (m.text.as_str(), m.known)).collect();
    assert_eq!(texts, [("Sudzha", true), ("Malaya Loknya", false)]);
    // Names the gazetteer knows whole are found whole.
    assert_eq!(
        names("Fighting near Velyka Novosilka and Mala Tokmachka."),
        ["Velyka Novosilka", "Mala Tokmachka"]
    );
}

#[test]
fn initials_make_a_country() {
    assert_eq!(names("The U.S. sent aid."), ["U.S."]);
}

#[test]
fn an_unknown_village_after_a_cue_is_an_unresolved_mention() {
    let gaz = Gazetteer::bundled();
    let found = find_mentions(
        &gaz,
        &Doc::new("Russian forces entered the village of Qwertivka."),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "Qwertivka");
    assert!(!found[0].known);
}

#[test]
fn cues_are_recorded() {
    let gaz = Gazetteer::bundled();
    let found = find_mentions(
        &gaz,
        &Doc::new("Troops advanced east of Terny toward Kreminna."),
    );
    assert_eq!(found[0].cue.as_ref().unwrap().words, "east of");
    assert_eq!(found[1].cue.as_ref().unwrap().words, "toward");
}

#[test]
fn a_loose_spelling_of_a_settlement_named_in_two_words_is_one_mention() {
    // UA.txt: 708632 Hola Prystan (Kherson), 710915 Chasiv Yar (Donetsk);
    // "Pristan" alone is 8630891 Prystan (Sumy), "Yar" a Yar of Udmurtia.
    use crate::{extract, Article, MatchKind};
    let gaz = Gazetteer::bundled();
    for (text, id) in [
        ("Shelling in the area of Golay Pristan.", 708632),
        ("Donetsk region — in Chasovoy Yar.", 710915),
    ] {
        let extraction = extract(&gaz, &Article::new(text));
        let found: Vec<(String, u32, MatchKind)> = extraction
            .resolved()
            .map(|m| {
                let r = m.resolution.as_ref().unwrap();
                (m.text.clone(), r.place.geonameid, r.matched)
            })
            .collect();
        let last = found.last().unwrap();
        assert_eq!(
            (last.1, last.2),
            (id, MatchKind::Fuzzy),
            "{text}: {found:?}"
        );
    }
    // Words that sound like no settlement's stay apart.
    assert!(!names("Shelling in the area of Golay Bay.").contains(&"Golay Bay".to_string()));
}

#[test]
fn a_district_or_facility_inside_a_city_is_that_district_or_facility() {
    // UA.txt: 703489 Kuibyshevskyi District (ADM3, Donetsk); 13607653
    // Smolyanskyi (PPLX, Donetsk; "Kuybyshevskyi" among its names);
    // 12514338 Saltivskyi district (ADM3, Kharkiv); 7731189 Kramatorsk
    // Airport (AIRP); 686946 Mariupol-Port (PRT); 705707 Kyivskyi District
    // (ADM3, Donetsk).
    use crate::{extract, Article};
    let gaz = Gazetteer::bundled();
    let ids = |text: &str| -> Vec<u32> {
        extract(&gaz, &Article::new(text))
            .resolved()
            .map(|m| m.resolution.as_ref().unwrap().place.geonameid)
            .collect()
    };
    assert_eq!(
        ids("Shelling hit the Kuibyshevskyi district of Donetsk."),
        [703489, 709717]
    );
    assert_eq!(
        ids("Donetsk - Kuibyshevskyi: two wounded."),
        [709717, 13607653]
    );
    assert_eq!(ids("Missiles struck the Saltivskyi district."), [12514338]);
    assert_eq!(ids("A missile hit the Kramatorsk airfield."), [7731189]);
    assert_eq!(ids("Ships left the Mariupol port."), [686946]);
    assert_eq!(ids("Ships left Mariupol."), [701822]);
}

#[test]
fn a_russian_spelling_of_a_two_word_name_is_found_whole() {
    // UA.txt: 710514 Oskil (Kharkiv; "Chervonyy Oskol", Червоний Оскіл);
    // "Chervoniy" alone is a Chervone.
    use crate::{extract, Article};
    let gaz = Gazetteer::bundled();
    let text = "Shelling near Senkovo and Chervoniy Oskol, Kharkiv region.";
    let found: Vec<(String, u32)> = extract(&gaz, &Article::new(text))
        .resolved()
        .map(|m| {
            (
                m.text.clone(),
                m.resolution.as_ref().unwrap().place.geonameid,
            )
        })
        .collect();
    assert_eq!(
        found[1],
        ("Chervoniy Oskol".to_string(), 710514),
        "{found:?}"
    );
}

#[test]
fn a_name_whose_adjective_is_written_in_english_is_read_as_geonames_lists_it() {
    // UA.txt: 695101 Ruski Tyshky (Kharkiv; "Rus'ki Tishki", "Russkie
    // Tishki"); "Tishki" alone is 691512 Tyshky of Poltava oblast.
    use crate::{extract, Article};
    let gaz = Gazetteer::bundled();
    let text = "Russian Tishki region, near Kharkiv";
    let found: Vec<(String, u32)> = extract(&gaz, &Article::new(text))
        .resolved()
        .map(|m| {
            (
                m.text.clone(),
                m.resolution.as_ref().unwrap().place.geonameid,
            )
        })
        .collect();
    assert_eq!(
        found[0],
        ("Russian Tishki".to_string(), 695101),
        "{found:?}"
    );
    // An English name that GeoNames knows is read as written.
    assert_eq!(names("Officials in New York said so."), ["New York"]);
}

#[test]
fn a_name_whose_words_run_together_is_read_with_its_spaces() {
    // UA.txt: 692215 Sukhyi Stavok (Kherson).
    use crate::{extract, Article};
    let gaz = Gazetteer::bundled();
    let text = "SukhyiStavok village on the bridge-head.";
    let found: Vec<(String, u32)> = extract(&gaz, &Article::new(text))
        .resolved()
        .map(|m| {
            (
                m.text.clone(),
                m.resolution.as_ref().unwrap().place.geonameid,
            )
        })
        .collect();
    assert_eq!(found, [("SukhyiStavok".to_string(), 692215)]);
    // Capitals inside a word that begin no known name's words: no place.
    assert!(names("Analysts at DeepState said so.").is_empty());
}
