//! Reading one article's events, for the event tests.

use frontline::event::Event;
use frontline::{extract, Action, Article, Gazetteer};

/// The events of `text` published on 27 June 2024.
pub fn events(text: &str) -> Vec<Event> {
    let gaz = Gazetteer::bundled();
    let article = Article::new(text).with_published("2024-06-27").unwrap();
    extract(&gaz, &article).events
}

/// The first event of `action` at the place `place` (a GeoNames id).
pub fn find(events: &[Event], action: Action, place: u32) -> Option<&Event> {
    events
        .iter()
        .find(|e| e.action == action && e.place.geonameid == place)
}

// GeoNames ids of the places in the event tests' sentences (UA.txt,
// cities500.txt).
pub const AVDIIVKA: u32 = 713122;
pub const NOVOOLEKSANDRIVKA: u32 = 9112926;
pub const VOVCHANSK: u32 = 689304;
pub const TERNY: u32 = 691608;
pub const KREMINNA: u32 = 704138;
pub const DONETSK_OBLAST: u32 = 709716;
pub const IVANIVKA_POKROVSK_RAION: u32 = 9112091;
pub const POKROVSK: u32 = 704422;
pub const NYU_YORK: u32 = 699751;
pub const TORETSK: u32 = 709354;
pub const MOSCOW: u32 = 524901;
pub const KURSK_OBLAST: u32 = 538555;
pub const SYNKIVKA: u32 = 693778;
pub const KUPIANSK: u32 = 703656;
