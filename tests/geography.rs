//! The war's geography: rivers, reservoirs, seas, islands, spits, bridges,
//! plants, airfields, forests, heights, continents, US states and countries
//! resolve to the right place, drawn where it is.
//!
//! Ids and coordinates come from their sources, not from what the code
//! printed: GeoNames rows (`../shared/data/geonames/UA.txt`,
//! `admin1CodesASCII.txt`), the Wikipedia coordinates cited in
//! `gazetteer/features.csv`, and Natural Earth points
//! (`gazetteer/countries.csv`, `gazetteer/regions.csv`).

use frontline::place::Kind;
use frontline::{extract, Article, Gazetteer, Hints};

/// A name as reporters write it, the geonameid, the (latitude, longitude)
/// and the kind of the place it means. A `None` point: the source gives the
/// id only (a first-level region abroad, placed at its seat by the build).
type Row = (&'static str, u32, Option<(f64, f64)>, Kind);

const TABLE: &[Row] = &[
    // Rivers: GeoNames UA.txt (points are mouths) and Wikipedia.
    (
        "Dnipro River",
        565896,
        Some((46.4975, 32.30861)),
        Kind::Water,
    ),
    ("Dnieper", 565896, Some((46.4975, 32.30861)), Kind::Water),
    (
        "Dnieper River",
        565896,
        Some((46.4975, 32.30861)),
        Kind::Water,
    ),
    (
        "Oskil River",
        514365,
        Some((49.10084, 37.40866)),
        Kind::Water,
    ),
    ("Desna River", 566389, Some((50.55, 30.53333)), Kind::Water),
    (
        "Inhulets River",
        707599,
        Some((46.69656, 32.82843)),
        Kind::Water,
    ),
    ("Pripyat River", 622992, Some((51.16667, 30.5)), Kind::Water),
    ("Dniester", 565888, Some((46.30404, 30.27368)), Kind::Water),
    (
        "Siverskyi Donets",
        3900000103,
        Some((47.60028, 40.89667)),
        Kind::Water,
    ),
    (
        "Seversky Donets",
        3900000103,
        Some((47.60028, 40.89667)),
        Kind::Water,
    ),
    // Reservoirs.
    (
        "Kakhovka Reservoir",
        707242,
        Some((47.5485, 34.70917)),
        Kind::Water,
    ),
    (
        "Kremenchuk Reservoir",
        704144,
        Some((49.27031, 32.67825)),
        Kind::Water,
    ),
    (
        "Kyiv Reservoir",
        547890,
        Some((50.89438, 30.49839)),
        Kind::Water,
    ),
    // Seas and straits.
    ("Black Sea", 3900000201, Some((44.0, 35.0)), Kind::Water),
    // Wikipedia, Red Sea: 22°N 38°E; not Sudan's Red Sea state (GeoNames 408646).
    ("Red Sea", 3900000205, Some((22.0, 38.0)), Kind::Water),
    // Wikipedia, Mediterranean Sea: 35°N 18°E.
    (
        "the Mediterranean",
        3900000206,
        Some((35.0, 18.0)),
        Kind::Water,
    ),
    // CIA World Factbook: 0 N, 25 W; 0 N, 160 W; 90 N, 0 E; 20 S, 80 E.
    (
        "Atlantic Ocean",
        3900000207,
        Some((0.0, -25.0)),
        Kind::Water,
    ),
    (
        "Pacific Ocean",
        3900000208,
        Some((0.0, -160.0)),
        Kind::Water,
    ),
    ("Arctic Ocean", 3900000209, Some((90.0, 0.0)), Kind::Water),
    ("Indian Ocean", 3900000210, Some((-20.0, 80.0)), Kind::Water),
    ("Sea of Azov", 3900000202, Some((46.0, 37.0)), Kind::Water),
    ("Azov Sea", 3900000202, Some((46.0, 37.0)), Kind::Water),
    (
        "Caspian Sea",
        3900000203,
        Some((41.667, 50.667)),
        Kind::Water,
    ),
    ("Baltic Sea", 3900000204, Some((58.0, 20.0)), Kind::Water),
    (
        "Kerch Strait",
        706523,
        Some((45.31204, 36.55643)),
        Kind::Water,
    ),
    // Islands, spits, peninsulas.
    (
        "Snake Island",
        686930,
        Some((45.25489, 30.20371)),
        Kind::Terrain,
    ),
    (
        "Zmiinyi Island",
        686930,
        Some((45.25489, 30.20371)),
        Kind::Terrain,
    ),
    (
        "Kinburn Spit",
        705873,
        Some((46.56667, 31.51667)),
        Kind::Terrain,
    ),
    (
        "Arabat Spit",
        713236,
        Some((45.69587, 35.00992)),
        Kind::Terrain,
    ),
    (
        "Crimean Peninsula",
        703862,
        Some((45.0, 34.0)),
        Kind::Terrain,
    ),
    // Heights and forests.
    (
        "Savur-Mohyla",
        803037,
        Some((47.92189, 38.74017)),
        Kind::Terrain,
    ),
    (
        "Holoprystanskyi Forest",
        9872137,
        Some((46.49786, 32.52681)),
        Kind::Terrain,
    ),
    // Bridges, plants, dams, airfields.
    (
        "Crimean Bridge",
        11876420,
        Some((45.2838, 36.53168)),
        Kind::Facility,
    ),
    (
        "Kerch Bridge",
        11876420,
        Some((45.2838, 36.53168)),
        Kind::Facility,
    ),
    (
        "Antonivskyi Bridge",
        3900000102,
        Some((46.66917, 32.72056)),
        Kind::Facility,
    ),
    (
        "Zaporizhzhia Nuclear Power Plant",
        11839420,
        Some((47.51222, 34.58583)),
        Kind::Facility,
    ),
    ("ZNPP", 11839420, Some((47.51222, 34.58583)), Kind::Facility),
    (
        "Kakhovka Dam",
        12750665,
        Some((46.7787, 33.36949)),
        Kind::Facility,
    ),
    (
        "Saky Air Base",
        11269908,
        Some((45.09222, 33.60083)),
        Kind::Facility,
    ),
    (
        "Belbek Air Base",
        3900000101,
        Some((44.683, 33.583)),
        Kind::Facility,
    ),
    (
        "Donetsk Airport",
        6300953,
        Some((48.07361, 37.73972)),
        Kind::Facility,
    ),
    (
        "Hostomel Airport",
        6300961,
        Some((50.59065, 30.20794)),
        Kind::Facility,
    ),
    // Continents and macro-regions: Natural Earth points (regions.csv).
    ("Europe", 6255148, Some((55.94153, 9.06869)), Kind::Region),
    ("Africa", 6255146, Some((0.08041, 15.93618)), Kind::Region),
    ("Asia", 6255147, Some((24.29654, 89.7282)), Kind::Region),
    (
        "Middle East",
        3900000001,
        Some((29.41952, 47.30822)),
        Kind::Region,
    ),
    (
        "Caucasus",
        3900000002,
        Some((40.58671, 44.55137)),
        Kind::Region,
    ),
    (
        "Balkans",
        3900000003,
        Some((41.51566, 21.46831)),
        Kind::Region,
    ),
    (
        "Central Asia",
        3900000004,
        Some((48.44323, 68.95518)),
        Kind::Region,
    ),
    (
        "Scandinavia",
        3900000005,
        Some((65.61578, 18.30513)),
        Kind::Region,
    ),
    // US states: admin1CodesASCII.txt ids.
    ("Texas", 4736286, None, Kind::Admin),
    ("California", 5332921, None, Kind::Admin),
    ("New Jersey", 5101760, None, Kind::Admin),
    // Countries: Natural Earth points inside them (countries.csv).
    ("Russia", 2017370, Some((57.03449, 43.00596)), Kind::Country),
    ("Ukraine", 690791, Some((49.59314, 32.38614)), Kind::Country),
    (
        "North Korea",
        1873107,
        Some((39.87891, 126.42469)),
        Kind::Country,
    ),
];

#[test]
fn each_feature_reporters_name_resolves_first_to_its_source_row() {
    let gaz = Gazetteer::bundled();
    assert!(TABLE.len() >= 40);
    let mut wrong = Vec::new();
    for &(name, id, point, kind) in TABLE {
        let found = gaz.resolve(name, &Hints::default()).unwrap();
        let Some(top) = found.first() else {
            wrong.push(format!("{name}: nothing"));
            continue;
        };
        let p = top.place;
        let at =
            point.is_none_or(|(lat, lon)| (p.lat - lat).abs() < 1e-4 && (p.lon - lon).abs() < 1e-4);
        if p.geonameid != id || p.kind != kind || !at {
            wrong.push(format!(
                "{name}: got {} {} {:?} at {},{}",
                p.geonameid, p.name, p.kind, p.lat, p.lon
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_village_abroad_does_not_take_a_continents_or_a_states_name() {
    let gaz = Gazetteer::bundled();
    let top = |name: &str| {
        gaz.resolve(name, &Hints::default()).unwrap()[0]
            .place
            .geonameid
    };
    // Not Mahdia, Tunisia (2473572), nor a village in Hidalgo (3814142).
    assert_eq!(top("Africa"), 6255146);
    assert_eq!(top("Texas"), 4736286);
    // A region gives way to the city of its own name inside it.
    assert_eq!(top("New York"), 5128581);
    assert_eq!(top("Moscow"), 524901);
}

#[test]
fn countries_stand_inside_their_extent_and_not_on_their_capital() {
    let gaz = Gazetteer::bundled();
    // Moscow, GeoNames 524901: 55.75222 N 37.61556 E.
    let russia = gaz.place_by_id(2017370).unwrap();
    assert!(frontline::geo_util::distance_km(russia.lat, russia.lon, 55.75222, 37.61556) > 100.0);
    for id in [2017370, 690791, 1873107, 6252001, 2635167] {
        let p = gaz.place_by_id(id).unwrap();
        let [w, s, e, n] = *p
            .bbox
            .as_deref()
            .unwrap_or_else(|| panic!("{id} has an extent"));
        let in_lon = if w <= e {
            (w..=e).contains(&p.lon)
        } else {
            p.lon >= w || p.lon <= e
        };
        assert!(
            in_lon && (s..=n).contains(&p.lat),
            "{} outside its extent",
            p.name
        );
    }
    // Ukraine's extent holds Crimea: Sevastopol, GeoNames 694423, 44.58883 N.
    let ukraine = gaz
        .place_by_id(690791)
        .unwrap()
        .bbox
        .as_deref()
        .copied()
        .unwrap();
    assert!(ukraine[1] <= 44.58883);
    // Russia's extent crosses the antimeridian.
    let russia = russia.bbox.as_deref().copied().unwrap();
    assert!(russia[0] > russia[2]);
}

#[test]
fn the_sample_articles_places_layer_draws_countries_inside_them_with_a_bbox() {
    let gaz = Gazetteer::bundled();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/north-korea-boots-on-the-ground.txt"
    ))
    .unwrap();
    let found = extract(&gaz, &Article::new(text));
    let layer: geojson::FeatureCollection = frontline::Layer::places(&found).into();
    // Points inside the countries, from Natural Earth (countries.csv), and
    // their extents (west, south, east, north).
    for (name, lat, lon) in [
        ("Ukraine", 49.59314, 32.38614),
        ("Russia", 57.03449, 43.00596),
        ("North Korea", 39.87891, 126.42469),
    ] {
        let f = layer
            .features
            .iter()
            .find(|f| f.properties.as_ref().unwrap()["name"] == name)
            .unwrap_or_else(|| panic!("{name} in the places layer"));
        let props = f.properties.as_ref().unwrap();
        assert_eq!(props["kind"], "country");
        let bbox: Vec<f64> = props["bbox"]
            .as_str()
            .unwrap_or_else(|| panic!("{name} has a bbox"))
            .split(',')
            .map(|x| x.parse().unwrap())
            .collect();
        assert_eq!(bbox.len(), 4);
        let Some(geojson::Value::Point(p)) = f.geometry.as_ref().map(|g| &g.value) else {
            panic!("{name} is a point");
        };
        assert!(
            (p[0] - lon).abs() < 1e-4 && (p[1] - lat).abs() < 1e-4,
            "{name} at {p:?}"
        );
        assert!((bbox[1]..=bbox[3]).contains(&p[1]));
    }
    // Every feature says what it is; settlements have no extent.
    for f in &layer.features {
        let props = f.properties.as_ref().unwrap();
        assert!(props["kind"].is_string());
        if props["kind"] == "settlement" {
            assert!(props["bbox"].is_null());
        }
    }
}

#[test]
fn water_terrain_and_facilities_never_become_held_settlements() {
    use frontline::control::TimelineBuilder;
    use frontline::front::{FrontMap, FrontOptions};
    let gaz = Gazetteer::bundled();
    let article = Article::new(
        "Ukrainian forces recaptured Snake Island. Russian forces captured the Kakhovka Dam. \
         Russian forces captured Bakhmut.",
    )
    .with_published("2024-06-20")
    .unwrap();
    let found = extract(&gaz, &article);
    let mut timeline = TimelineBuilder::new();
    timeline.add_extraction(&gaz, &found);
    let timeline = timeline.build();
    let map = FrontMap::at(
        &timeline,
        "2024-06-21".parse().unwrap(),
        &FrontOptions::default(),
    );
    let held: Vec<u32> = map.control.iter().map(|c| c.settlement.geonameid).collect();
    // Bakhmut, GeoNames 713174; not Snake Island (686930) nor the dam (12750665).
    assert_eq!(held, [713174]);
}
