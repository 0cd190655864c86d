//! The resolution table: every name resolves top-1 to the GeoNames row
//! chosen by hand, with the coordinates copied from that row.

use frontline::{Gazetteer, Hints};

struct Case {
    query: String,
    admin1: Option<String>,
    geonameid: u32,
    lat: f64,
    lon: f64,
    source: String,
}

fn table() -> Vec<Case> {
    include_str!("data/resolution_table.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Case {
                query: f[0].to_string(),
                admin1: Some(f[1].to_string()).filter(|s| !s.is_empty()),
                geonameid: f[2].parse().unwrap(),
                lat: f[3].parse().unwrap(),
                lon: f[4].parse().unwrap(),
                source: f[5].to_string(),
            }
        })
        .collect()
}

#[test]
fn the_table_has_at_least_sixty_names() {
    assert!(table().len() >= 60);
}

#[test]
fn every_name_in_the_table_resolves_top_1_to_its_geonames_row() {
    let gaz = Gazetteer::bundled();
    let mut failures = Vec::new();
    for case in table() {
        let hints = Hints {
            admin1: case.admin1.clone(),
            ..Hints::default()
        };
        let found = gaz.resolve(&case.query, &hints).unwrap();
        match found.first() {
            Some(best) if best.place.geonameid == case.geonameid => {
                assert!(
                    (best.place.lat - case.lat).abs() < 1e-6
                        && (best.place.lon - case.lon).abs() < 1e-6,
                    "{}: coordinates {},{} differ from the GeoNames row {},{}",
                    case.query,
                    best.place.lat,
                    best.place.lon,
                    case.lat,
                    case.lon
                );
            }
            Some(best) => failures.push(format!(
                "{} → {} {} ({} {}), expected {} [{}]",
                case.query,
                best.place.geonameid,
                best.place.name,
                best.place.country_code,
                best.place.admin1_code,
                case.geonameid,
                case.source
            )),
            None => failures.push(format!(
                "{} → nothing, expected {}",
                case.query, case.geonameid
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn novooleksandrivka_lists_its_dozens_of_homonyms_in_ukraine() {
    let gaz = Gazetteer::bundled();
    let found = gaz.resolve("Novooleksandrivka", &Hints::default()).unwrap();
    let named_so_in_ukraine = found
        .iter()
        .filter(|c| {
            c.place.name == "Novooleksandrivka"
                && c.place.country_code == "UA"
                && c.place.is_populated()
        })
        .count();
    // UA.txt has 38 populated places named Novooleksandrivka.
    assert_eq!(named_so_in_ukraine, 38);
    // Each homonym carries its oblast and, where GeoNames has one, its raion.
    assert!(found.iter().all(|c| gaz.admin1_name(c.place).is_some()));
}

#[test]
fn country_hint_keeps_only_places_in_that_country() {
    let gaz = Gazetteer::bundled();
    let hints = Hints {
        country: Some("US".into()),
        ..Hints::default()
    };
    let found = gaz.resolve("Odessa", &hints).unwrap();
    assert!(!found.is_empty());
    assert!(found.iter().all(|c| c.place.country_code == "US"));
}
