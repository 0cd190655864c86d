//! Attempts, surrenders and invasions as ACLED reads them: what failed or
//! was only the aim of a move is fought for (an assault or the move
//! itself), a surrender hands the place to the other side, and a country
//! invaded is where the invasion happened. Sentences written for the tests.

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
