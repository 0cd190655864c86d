//! States and their sides: who holds a place, written as a verb ("claimed
//! to control"), a noun ("holdouts") or an adjective joined to a side
//! ("Russian-held", "the government-held town of").

mod common;

use common::events::*;
use frontline::{Action, Certainty, Side};

const HORLIVKA: u32 = 707753;
const MARINKA: u32 = 701845;
const DONETSK: u32 = 709717;
const LUHANSK_OBLAST: u32 = 702657;

#[test]
fn a_side_joined_to_held_holds_the_place_after_it_and_the_clause_keeps_its_event() {
    let ev = events("Ukrainian forces shelled Russian-held Horlivka.");
    let hold = find(&ev, Action::Hold, HORLIVKA).expect("hold");
    assert_eq!(hold.actor, Side::RU);
    let shelling = find(&ev, Action::Shelling, HORLIVKA).expect("shelling");
    assert_eq!(shelling.actor, Side::UA);
}

#[test]
fn a_government_held_town_is_held_by_ukraine() {
    let ev = events("Fighting around the government-held town of Marinka began at 3 a.m.");
    let hold = find(&ev, Action::Hold, MARINKA).expect("hold");
    assert_eq!(hold.actor, Side::UA);
    // The fighting keeps no side.
    let clash = find(&ev, Action::Clash, MARINKA).expect("clash");
    assert_eq!(clash.actor, Side::Unknown);
}

#[test]
fn a_held_city_that_only_locates_another_place_is_background() {
    let ev = events("Avdiivka lies just north of the Russian-held city of Donetsk.");
    assert!(find(&ev, Action::Hold, DONETSK).is_none(), "{ev:?}");
}

#[test]
fn a_claim_to_control_is_a_claimed_hold() {
    let ev = events("Russia claimed to control 93% of Luhansk Oblast.");
    let hold = find(&ev, Action::Hold, LUHANSK_OBLAST).expect("hold");
    assert_eq!(hold.actor, Side::RU);
    assert_eq!(hold.certainty, Certainty::Claimed);
}

const TERNY: u32 = 691608;
const TORSKE: u32 = 691358;

#[test]
fn a_hold_reaches_the_list_after_including() {
    let ev = events(
        "Ukrainian forces still hold several villages in the area, including Terny and Torske.",
    );
    for place in [TERNY, TORSKE] {
        let hold = find(&ev, Action::Hold, place).unwrap_or_else(|| panic!("{place}: {ev:?}"));
        assert_eq!(hold.actor, Side::UA);
    }
}

const HOSTOMEL: u32 = 708251;
const IRPIN: u32 = 707565;
const BUCHA: u32 = 711350;

#[test]
fn the_side_resisting_in_a_place_holds_it() {
    let ev = events("There was still ongoing Ukrainian resistance in Hostomel.");
    let hold = find(&ev, Action::Hold, HOSTOMEL).expect("hold");
    assert_eq!(hold.actor, Side::UA);
}

#[test]
fn the_places_of_an_advance_resisted_are_held_by_the_side_resisting() {
    let ev =
        events("The Ukrainian forces resisted the Russian advance in Irpin, Bucha, and Hostomel.");
    for place in [IRPIN, BUCHA, HOSTOMEL] {
        let hold = find(&ev, Action::Hold, place).expect("hold");
        assert_eq!(hold.actor, Side::UA);
        let advance = find(&ev, Action::Advance, place).expect("advance");
        assert_eq!(advance.actor, Side::RU);
    }
}

const KONOTOP: u32 = 705135;

#[test]
fn a_place_that_holds_out_is_held_by_its_defenders() {
    let ev = events("Despite Russian attempts to capture Konotop, the city held out.");
    let hold = find(&ev, Action::Hold, KONOTOP).unwrap_or_else(|| panic!("hold: {ev:?}"));
    assert_eq!(hold.actor, Side::UA);
    // Holding out hope is no holding.
    let ev = events("Officials in Konotop held out hope for a ceasefire.");
    assert!(find(&ev, Action::Hold, KONOTOP).is_none(), "{ev:?}");
}

const KURAKHIVKA: u32 = 538992;

#[test]
fn an_attack_with_no_side_of_its_own_is_by_the_one_side_acting_later_in_the_sentence() {
    let ev = events(
        "This capture was followed by an assault on the neighboring town of Kurakhivka, where Russian forces advanced.",
    );
    let assault = find(&ev, Action::Assault, KURAKHIVKA).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(assault.actor, Side::RU);
}
