//! Users extend the gazetteer with their own CSV; bad files get errors that
//! name the file, the line and the field.

use frontline::{Error, Gazetteer, Hints};

fn load(csv: &str) -> Result<Gazetteer, Error> {
    let mut gaz = Gazetteer::bundled();
    gaz.add_extra_csv(csv.as_bytes(), "extra.csv")?;
    Ok(gaz)
}

fn error_text(csv: &str) -> String {
    match load(csv) {
        Ok(_) => panic!("expected an error for {csv:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_new_border_village_resolves_by_name_and_by_its_cyrillic_alias() {
    // Tyotkino, Kursk oblast, is under 500 people and in neither GeoNames file.
    let gaz = load(
        "name,aliases,lat,lon,country_code,admin1_code,feature_code\n\
         Tetkino,Тёткино;Tyotkino,51.2716,34.9454,RU,41,PPL\n",
    )
    .unwrap();
    for spelling in ["Tetkino", "Tyotkino", "Тёткино"] {
        let best = &gaz.resolve(spelling, &Hints::default()).unwrap()[0];
        assert_eq!(best.place.name, "Tetkino", "{spelling}");
        assert_eq!(best.place.lat, 51.2716);
        assert_eq!(gaz.admin1_name(best.place), Some("Kursk Oblast"));
    }
}

#[test]
fn an_alias_row_adds_a_name_to_an_existing_place() {
    // 704138 is Kreminna, Luhansk oblast, in UA.txt.
    let gaz = load("geonameid,name\n704138,Kreminnaya Town\n").unwrap();
    let best = &gaz.resolve("Kreminnaya Town", &Hints::default()).unwrap()[0];
    assert_eq!(best.place.geonameid, 704138);
}

#[test]
fn a_missing_latitude_names_the_line_and_field() {
    let msg = error_text("name,lat,lon\nGood,50,36\nBad,,36\n");
    assert!(msg.contains("extra.csv"), "{msg}");
    assert!(msg.contains("line 3"), "{msg}");
    assert!(msg.contains("`lat`"), "{msg}");
}

#[test]
fn a_latitude_out_of_range_is_an_error() {
    let msg = error_text("name,lat,lon\nNowhere,91,36\n");
    assert!(msg.contains("line 2") && msg.contains("`lat`"), "{msg}");
}

#[test]
fn a_bad_country_code_is_an_error() {
    let msg = error_text("name,lat,lon,country_code\nX,50,36,Ukraine\n");
    assert!(msg.contains("`country_code`"), "{msg}");
}

#[test]
fn a_file_without_a_name_column_is_an_error() {
    let msg = error_text("title,lat,lon\nX,50,36\n");
    assert!(msg.contains("line 1") && msg.contains("`name`"), "{msg}");
}

#[test]
fn a_row_with_too_many_fields_is_an_error_not_a_panic() {
    let msg = error_text("name,lat,lon\nX,50,36,extra\n");
    assert!(msg.contains("line 2"), "{msg}");
}

#[test]
fn coordinates_for_an_existing_id_are_refused() {
    let msg = error_text("geonameid,name,lat,lon\n704138,Kreminna,1,1\n");
    assert!(
        msg.contains("`geonameid`") && msg.contains("already"),
        "{msg}"
    );
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let mut gaz = Gazetteer::empty();
    let err = gaz.add_extra_file("/no/such/extra.csv").unwrap_err();
    assert!(err.to_string().contains("/no/such/extra.csv"));
}

#[test]
fn a_name_looked_up_before_it_was_added_is_found_once_added() {
    let mut gaz = Gazetteer::bundled();
    let hints = frontline::Hints::default();
    assert!(gaz.resolve("Kreminnaya Town", &hints).unwrap().is_empty());
    assert!(!gaz.knows_key("kreminnaya town"));
    gaz.add_extra_csv(
        "geonameid,name\n704138,Kreminnaya Town\n".as_bytes(),
        "extra.csv",
    )
    .unwrap();
    // 704138 is Kreminna's GeoNames id.
    assert_eq!(
        gaz.resolve("Kreminnaya Town", &hints).unwrap()[0]
            .place
            .geonameid,
        704138
    );
    assert!(gaz.knows_key("kreminnaya town"));
}
