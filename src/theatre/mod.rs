//! The theatre prior: a bare village name ("Novoselivka", "Pisky",
//! "Zaitsevo") in reporting on the war most likely means the namesake where
//! the fighting was on the article's day, not the one in a quiet oblast
//! hundreds of kilometres away, nor the one 100 km behind the line in the
//! same oblast.
//!
//! [`ScoreParts::theatre`](crate::ScoreParts::theatre), by the article's
//! publication date (no date, no prior), is the sum of two parts.
//!
//! **The region part** ([`region_bonus`]):
//!
//! | from | to | regions (GeoNames admin1) | bonus |
//! |---|---|---|---:|
//! | 2014-04-06 | 2022-02-23 | Donetsk, Luhansk oblasts (the Donbas contact line) | 0.6 |
//! | 2022-02-24 | | Donetsk, Luhansk, Kharkiv, Zaporizhzhia, Kherson oblasts (the front) | 0.6 |
//! | 2022-02-24 | | Sumy, Chernihiv, Dnipropetrovsk, Mykolaiv oblasts; Russia's Belgorod, Kursk, Bryansk oblasts (the border and the shelled rear) | 0.3 |
//! | 2022-02-24 | 2022-04-07 | Kyiv oblast and Kyiv, Sumy and Chernihiv oblasts (the northern offensive) | 0.6 |
//!
//! **The line part** ([`line_bonus`]): 0.6 within 5 km of the lines of the
//! fighting on the day, falling linearly to 0 at 40 km. The lines are
//! polylines through settlements documented as on the line in each period
//! (`data/theatre/lines.tsv`, the periods in `periods.tsv`, sources and
//! licences in `SOURCES.md`; coordinates from GeoNames):
//!
//! | period | from | to | lines |
//! |---|---|---|---|
//! | `donbas-2014` | 2014-04-06 | 2015-02-14 | Sloviansk–Kramatorsk; the Luhansk border battles and Ilovaisk; Shchastia–Debaltseve–Avdiivka–Marinka–Shyrokyne |
//! | `minsk` | 2015-02-15 | 2022-02-23 | the Minsk line of contact, Stanytsia Luhanska to Shyrokyne |
//! | `north-2022` | 2022-02-24 | 2022-04-07 | around Kyiv; Brovary to Chernihiv; Konotop–Sumy–Kharkiv–Izium–Donbas–Mariupol; Huliaipole–Kherson–Voznesensk |
//! | `summer-2022` | 2022-04-08 | 2022-09-05 | north of Kharkiv, the Izium salient, Lysychansk, Bakhmut to Vuhledar, Orikhiv, Nikopol, Vysokopillia to Mykolaiv |
//! | `autumn-2022` | 2022-09-06 | 2022-11-11 | Balakliia–Kupiansk–Lyman–Kreminna, Svatove; Bakhmut to Orikhiv; the Kherson front to the city |
//! | `2023` | 2022-11-12 | 2023-12-31 | Kupiansk to Kreminna, Bakhmut, Avdiivka, Vuhledar, Robotyne, the Dnipro to Kherson and Ochakiv |
//! | `2024` | 2024-01-01 | 2024-12-31 | Vovchansk and Lyptsi; Kupiansk to Pokrovsk, Kurakhove and Vuhledar; the Dnipro; Kursk oblast (Sudzha) |
//! | `2025` | 2025-01-01 | | Yunakivka and Sumy; Kupiansk to Kostiantynivka, Pokrovsk, Huliaipole, Stepnohirsk; the Dnipro; Kursk oblast |
//! | `border` | 2022-02-24 | | the border with Russia: Ukraine's border towns and Russia's |
//!
//! The bonus is smaller than anything the article itself says: a region
//! named in the name's scope (1.5) or written after it (4.0), closeness to
//! the other places named (up to 3.0) or a stated direction: context
//! overrides it. When any namesake lies in a region the article names,
//! the region part stands aside for that name altogether; so does the line
//! part, unless the text places the name in a region (in its scope or
//! right after it): then the region decides and, of its namesakes, the
//! one on the line leads ("Pavlovka of the Donetsk People's Republic" on
//! 21 September 2022 is the Pavlivka by Vuhledar, not the one by
//! Kostiantynivka). A name the text places beside another ("Ivanivka near
//! Pokrovsk", "northeast of Kupiansk") is located by the text: the line
//! part stands aside for it. The whole prior (at most 1.2)
//! is below the gap between a regional centre and a village of the same
//! name, so it never turns a city elsewhere into a front-line village.
//!
//! The line is found in a grid of half-degree cells listing the segments
//! within 40 km of each, so a candidate costs a cell lookup and a few
//! segment distances.

use chrono::NaiveDate;

use crate::place::Place;

mod lines;

pub use lines::REACH_KM;

/// The bonus for a place in the core of the fighting.
pub const CORE: f64 = 0.6;
/// The bonus for a place in the regions beside it.
pub const EDGE: f64 = 0.3;
/// The line bonus for a place within [`FULL_KM`] of the day's lines.
pub const LINE: f64 = 0.6;
/// Within this distance of the day's lines the line bonus is whole; it
/// falls to 0 at [`REACH_KM`].
pub const FULL_KM: f64 = 5.0;

/// The theatre prior for `place` on `date` (see the module documentation):
/// the region part and the line part.
pub fn theatre_bonus(place: &Place, date: Option<NaiveDate>) -> f64 {
    region_bonus(place, date) + line_bonus(place, date)
}

/// The part of the theatre prior by a settlement's distance to the lines
/// of the fighting on `date` (`data/theatre/`): [`LINE`] within
/// [`FULL_KM`], falling linearly to 0 at [`REACH_KM`]; 0 for a place of
/// another kind (a river, a region).
pub fn line_bonus(place: &Place, date: Option<NaiveDate>) -> f64 {
    // A settlement is where it is; a river's or a region's point says
    // little of where along it the fighting was.
    let Some(date) = date.filter(|_| place.is_populated()) else {
        return 0.0;
    };
    let on_the_day = lines::periods().iter().filter(|p| p.covers(date));
    let nearest = lines::nearest_km(on_the_day, place.lat, place.lon);
    nearest.map_or(0.0, |d| {
        LINE * ((REACH_KM - d) / (REACH_KM - FULL_KM)).clamp(0.0, 1.0)
    })
}

const fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(day) => day,
        None => panic!("not a day"),
    }
}
/// The war in Donbas from 6 April 2014.
const DONBAS_WAR: NaiveDate = day(2014, 4, 6);
/// The full-scale invasion from 24 February 2022.
const INVASION: NaiveDate = day(2022, 2, 24);
/// The last day of the northern offensive (Kyiv, Chernihiv, Sumy oblasts).
const NORTH_WITHDRAWN: NaiveDate = day(2022, 4, 7);

/// The part of the theatre prior by the place's region (see the module
/// documentation's table).
pub fn region_bonus(place: &Place, date: Option<NaiveDate>) -> f64 {
    let Some(date) = date else {
        return 0.0;
    };
    let region = &*place.admin1_code;
    match &*place.country_code {
        "UA" if date >= INVASION => {
            if matches!(region, "05" | "14" | "07" | "26" | "08")
                || date <= NORTH_WITHDRAWN && matches!(region, "13" | "12" | "21" | "02")
            {
                CORE
            } else if matches!(region, "21" | "02" | "04" | "16") {
                EDGE
            } else {
                0.0
            }
        }
        "UA" if date >= DONBAS_WAR && matches!(region, "05" | "14") => CORE,
        "RU" if date >= INVASION && matches!(region, "09" | "41" | "10") => EDGE,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use crate::{extract_to, Article, Depth, Gazetteer};

    fn first_place(text: &str, published: &str) -> u32 {
        let gaz = Gazetteer::bundled();
        let article = Article::new(text).with_published(published).unwrap();
        extract_to(&gaz, &article, Depth::Places)
            .resolved()
            .next()
            .map(|m| m.resolution.as_ref().unwrap().place.geonameid)
            .unwrap()
    }

    #[test]
    fn theatre_prior_puts_a_bare_village_where_the_fighting_is() {
        // UA.txt: 9113066 Pisky (Donetsk, 05); 687470 Zaitseve (Donetsk, 05,
        // 3,995 people)
        // rather than 687469 Zaitseve (Dnipropetrovsk, 04, a hromada centre).
        assert_eq!(
            first_place("Shelling was reported in Pisky.", "2022-09-10"),
            9113066
        );
        assert_eq!(first_place("Fighting near Zaitsevo.", "2022-09-08"), 687470);
    }

    #[test]
    fn a_bare_village_is_the_namesake_on_the_line_of_the_day_not_the_one_behind_it() {
        // UA.txt, both Donetsk oblast (05): 9113143 Yuriyivka (48.3146,
        // 37.82948, 32 people), between Avdiivka and Toretsk on the 2023
        // line; 688028 Yuriyivka (46.93754, 37.20226, 1,414 people), on the
        // coast by Manhush, about 90 km behind it.
        assert_eq!(
            first_place("Russian forces shelled Yuriivka.", "2023-06-01"),
            9113143
        );
    }

    #[test]
    fn in_a_named_oblast_the_namesake_on_the_line_leads() {
        // The oblast decides, the line chooses among its namesakes: the
        // region part of the prior stands aside, the line part does not.
        assert_eq!(
            first_place(
                "Russian forces shelled Yuriivka, Donetsk Oblast.",
                "2023-06-01"
            ),
            9113143
        );
        // UA.txt, Zaporizhzhia oblast (26): 699326 Novopokrovka (47.5047,
        // 35.98827), 15 km east of Robotyne; 699327 Novopokrovka (46.73186,
        // 35.5471, 150 people), by the Sea of Azov.
        assert_eq!(
            first_place(
                "Russian forces shelled Novopokrovka, Zaporizhzhia Oblast.",
                "2023-08-20"
            ),
            699326
        );
    }

    #[test]
    fn the_line_prior_gives_way_to_a_named_raion_or_a_nearby_town() {
        // 688028 Yuriyivka lies in Mariupol raion, 13 km from 697613 Manhush.
        assert_eq!(
            first_place(
                "Russian forces shelled Yuriivka, Mariupol raion.",
                "2023-06-01"
            ),
            688028
        );
        assert_eq!(
            first_place(
                "Russian forces shelled Yuriivka near Manhush.",
                "2023-06-01"
            ),
            688028
        );
    }

    #[test]
    fn a_name_placed_near_a_town_is_the_namesake_nearest_it_not_the_one_on_the_line() {
        // UA.txt: 9112091 Ivanivka (48.4401, 37.22867), 18 km north of
        // 704422 Pokrovsk (48.28014, 37.17706); 707412 Ivanivka (48.25926,
        // 37.45035), 20 km east of it by the Ocheretyne road, on the 2024
        // line. The text locates the name: the line part stands aside.
        assert_eq!(
            first_place(
                "Russian forces captured the village of Ivanivka near Pokrovsk.",
                "2024-06-20"
            ),
            9112091
        );
    }

    #[test]
    fn theatre_prior_gives_way_to_a_named_region() {
        // 697504 Pisky, Mykolaiv oblast (16).
        assert_eq!(
            first_place(
                "Shelling was reported in Pisky, Mykolaiv Oblast.",
                "2022-09-10"
            ),
            697504
        );
    }
}

#[cfg(test)]
mod examples {
    use super::*;
    use crate::Gazetteer;

    #[test]
    fn the_theatre_prefers_the_front_namesake_only_on_a_wartime_date() {
        let gaz = Gazetteer::bundled();
        // UA.txt: 9113066 Pisky, Donetsk oblast (05); 697504 Pisky, Mykolaiv oblast (16).
        let donetsk = gaz.place_by_id(9113066).unwrap();
        let mykolaiv = gaz.place_by_id(697504).unwrap();
        let day = "2022-09-10".parse().ok();
        assert!(theatre_bonus(donetsk, day) > theatre_bonus(mykolaiv, day));
        assert_eq!(theatre_bonus(donetsk, None), 0.0);
        let before_the_war = "2013-05-01".parse().ok();
        assert_eq!(theatre_bonus(donetsk, before_the_war), 0.0);
    }

    #[test]
    fn the_line_is_the_one_of_the_article_s_day() {
        let gaz = Gazetteer::bundled();
        let day = |s: &str| s.parse().ok();
        // UA.txt: 711350 Bucha (Kyiv oblast), on the line of the northern
        // offensive in March 2022 and far from any line in 2023.
        let bucha = gaz.place_by_id(711350).unwrap();
        assert_eq!(line_bonus(bucha, day("2022-03-10")), LINE);
        assert_eq!(line_bonus(bucha, day("2023-06-01")), 0.0);
        // 710237 Davydiv Brid (Kherson oblast): on the Kherson front in the
        // summer of 2022; after the city's liberation the line is the
        // Dnipro, 45 km south.
        let davydiv_brid = gaz.place_by_id(710237).unwrap();
        assert_eq!(line_bonus(davydiv_brid, day("2022-07-01")), LINE);
        assert_eq!(line_bonus(davydiv_brid, day("2023-06-01")), 0.0);
        // 9113143 Yuriyivka, by Avdiivka: on the Minsk line as on the 2023
        // one, and no line before the war.
        let yuriivka = gaz.place_by_id(9113143).unwrap();
        assert_eq!(line_bonus(yuriivka, day("2018-01-01")), LINE);
        assert_eq!(line_bonus(yuriivka, day("2013-05-01")), 0.0);
        assert_eq!(line_bonus(yuriivka, None), 0.0);
    }

    #[test]
    fn the_line_part_is_for_settlements_only() {
        // UA.txt: 12906761 Oskil, a stream whose point lies 1 km from
        // Kupiansk on the 2023 line: a river's point says nothing of where
        // along it the fighting was.
        let gaz = Gazetteer::bundled();
        let oskil = gaz.place_by_id(12906761).unwrap();
        assert_eq!(line_bonus(oskil, "2023-06-01".parse().ok()), 0.0);
    }

    #[test]
    fn the_border_with_russia_is_a_line_from_the_invasion_on() {
        // cities500: 495112 Shebekino (Belgorod oblast, Russia) and
        // 689304 Vovchansk (Kharkiv oblast) across the border from it.
        let gaz = Gazetteer::bundled();
        let day = |s: &str| s.parse().ok();
        for id in [495112, 689304] {
            let place = gaz.place_by_id(id).unwrap();
            assert_eq!(line_bonus(place, day("2023-06-01")), LINE, "{id}");
            assert_eq!(line_bonus(place, day("2021-06-01")), 0.0, "{id}");
        }
    }
}
