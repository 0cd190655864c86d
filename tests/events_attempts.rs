//! Attempts, surrenders and approaches as ACLED and ISW read them: what
//! failed or was only the aim of a move is fought for (an assault or the
//! move itself), a surrender hands the place to the other side, and coming
//! within a stated distance of a place is an advance on it. Sentences
//! written for the tests.

mod common;

use common::events::*;
use frontline::{Action, Side};

const SOLEDAR: u32 = 706757;
const IRPIN: u32 = 707565;
const BUCHA: u32 = 711350;

#[test]
fn a_capture_a_side_was_unsuccessful_in_is_an_assault() {
    let ev = events("Russian forces have been unsuccessful in capturing the city of Soledar.");
    assert!(find(&ev, Action::Capture, SOLEDAR).is_none(), "{ev:?}");
    let assault = find(&ev, Action::Assault, SOLEDAR).expect("assault");
    assert_eq!(assault.actor, Side::RU);
}

#[test]
fn the_aim_of_an_advance_in_a_compass_direction_is_the_advance() {
    let ev =
        events("Russian forces began to advance south to capture the cities of Irpin and Bucha.");
    for place in [IRPIN, BUCHA] {
        assert!(find(&ev, Action::Capture, place).is_none(), "{ev:?}");
        let advance = find(&ev, Action::Advance, place).expect("advance");
        assert_eq!(advance.actor, Side::RU);
    }
}

const MARIUPOL: u32 = 701822;
const CHERNIHIV: u32 = 710735;

#[test]
fn a_town_surrendered_to_a_side_is_its_capture_and_the_other_sides_withdrawal() {
    let ev = events(
        "Fighting reached Kupiansk. The mayor surrendered the city to the Russian Army in exchange for a cessation of hostilities.",
    );
    let capture = find(&ev, Action::Capture, KUPIANSK).expect("capture");
    assert_eq!(capture.actor, Side::RU);
    let withdrawal = find(&ev, Action::Withdrawal, KUPIANSK).expect("withdrawal");
    assert_eq!(withdrawal.actor, Side::UA);
}

#[test]
fn forces_that_surrender_in_a_city_withdraw_and_the_other_side_captures_it() {
    let ev = events("The remaining Ukrainian forces in Mariupol surrendered.");
    let withdrawal = find(&ev, Action::Withdrawal, MARIUPOL).expect("withdrawal");
    assert_eq!(withdrawal.actor, Side::UA);
    let capture = find(&ev, Action::Capture, MARIUPOL).expect("capture");
    assert_eq!(capture.actor, Side::RU);
}

#[test]
fn a_units_surrender_near_a_city_is_no_event_at_it() {
    let ev = events("A Russian reconnaissance platoon had surrendered near Chernihiv.");
    assert!(ev.iter().all(|e| e.place.geonameid != CHERNIHIV), "{ev:?}");
}

#[test]
fn closing_within_a_stated_distance_of_a_town_is_an_advance_on_it() {
    let ev = events("Russian forces had closed within 20 kilometers of Soledar.");
    let advance = find(&ev, Action::Advance, SOLEDAR).expect("advance");
    assert_eq!(advance.actor, Side::RU);
    // A town's distance from another is no event.
    let ev = events("Soledar lies within 20 kilometers of Bakhmut.");
    assert!(ev.is_empty(), "{ev:?}");
}
