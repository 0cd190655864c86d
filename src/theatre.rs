//! The theatre prior: a bare village name ("Novoselivka", "Pisky",
//! "Zaitsevo") in reporting on the war most likely means the namesake where
//! the fighting was on the article's day, not the one in a quiet oblast
//! hundreds of kilometres away.
//!
//! [`ScoreParts::theatre`](crate::ScoreParts::theatre), by the article's
//! publication date (no date, no prior):
//!
//! | from | to | regions (GeoNames admin1) | bonus |
//! |---|---|---|---:|
//! | 2014-04-06 | 2022-02-23 | Donetsk, Luhansk oblasts (the Donbas contact line) | 0.6 |
//! | 2022-02-24 | | Donetsk, Luhansk, Kharkiv, Zaporizhzhia, Kherson oblasts (the front) | 0.6 |
//! | 2022-02-24 | | Sumy, Chernihiv, Dnipropetrovsk, Mykolaiv oblasts; Russia's Belgorod, Kursk, Bryansk oblasts (the border and the shelled rear) | 0.3 |
//! | 2022-02-24 | 2022-04-07 | Kyiv oblast and Kyiv, Sumy and Chernihiv oblasts (the northern offensive) | 0.6 |
//!
//! The bonus is smaller than anything the article itself says: a region
//! named in the name's scope (1.5) or written after it (4.0), closeness to
//! the other places named (up to 3.0) or a stated direction: context
//! overrides it. When any namesake lies in a region the article names,
//! the prior stands aside for that name altogether (the region decides;
//! "Odesa, Chornomorsk and Pivdenne" in an article naming the Odesa
//! region stays the port). It is below the gap between a regional centre
//! and a village of the same name, so it never turns a city elsewhere into
//! a front-line village.

use chrono::NaiveDate;

use crate::place::Place;

/// The bonus for a place in the core of the fighting.
pub const CORE: f64 = 0.6;
/// The bonus for a place in the regions beside it.
pub const EDGE: f64 = 0.3;

/// The theatre prior for `place` on `date` (see the module documentation).
pub fn theatre_bonus(place: &Place, date: Option<NaiveDate>) -> f64 {
    let Some(date) = date else {
        return 0.0;
    };
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a real day");
    let region = &*place.admin1_code;
    match &*place.country_code {
        "UA" if date >= day(2022, 2, 24) => {
            if matches!(region, "05" | "14" | "07" | "26" | "08")
                || date <= day(2022, 4, 7) && matches!(region, "13" | "12" | "21" | "02")
            {
                CORE
            } else if matches!(region, "21" | "02" | "04" | "16") {
                EDGE
            } else {
                0.0
            }
        }
        "UA" if date >= day(2014, 4, 6) && matches!(region, "05" | "14") => CORE,
        "RU" if date >= day(2022, 2, 24) && matches!(region, "09" | "41" | "10") => EDGE,
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
}
