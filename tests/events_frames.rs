//! Battles that only date or motivate what a sentence tells, and nouns of
//! losing and driving away: which are events, and where.

mod common;

use common::events::*;
use frontline::{Action, Side};

const CHASIV_YAR: u32 = 710915;
const MARINKA: u32 = 701845;

#[test]
fn a_battle_whose_conclusion_dates_the_sentence_is_no_event_and_keeps_its_place() {
    let ev = events(
        "Shortly after the conclusion of the battle of Avdiivka, Russian forces made a limited push towards Toretsk.",
    );
    assert!(ev.iter().all(|e| e.place.geonameid != AVDIIVKA), "{ev:?}");
    let advance = find(&ev, Action::Advance, TORETSK).expect("advance");
    assert_eq!(advance.actor, Side::RU);
}

#[test]
fn a_battle_before_which_something_happened_is_no_event() {
    let ev = events("Prior to the battle of Avdiivka, the town had 30,000 residents.");
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn battle_lines_are_where_the_front_runs_not_fighting() {
    let ev = events("The battle lines near Avdiivka remained largely static for months.");
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn battles_prepared_for_are_no_event() {
    let ev = events("Russian forces dug in within Avdiivka in preparation for street battles.");
    assert!(find(&ev, Action::Clash, AVDIIVKA).is_none(), "{ev:?}");
}

#[test]
fn the_loss_of_a_town_is_a_withdrawal_by_the_side_that_lost_it() {
    let ev = events("Ukraine's commander-in-chief confirmed the loss of Marinka the next day.");
    let withdrawal = find(&ev, Action::Withdrawal, MARINKA).expect("withdrawal");
    assert_eq!(withdrawal.actor, Side::UA);
    // Soldiers lost are no ground lost.
    let ev = events("Ukraine confirmed the loss of 100 soldiers near Marinka.");
    assert!(find(&ev, Action::Withdrawal, MARINKA).is_none(), "{ev:?}");
}

#[test]
fn driving_the_enemy_away_from_a_town_is_a_counterattack() {
    let ev =
        events("Ukrainian brigades drove Russian forces 6 to 10 kilometers away from Kreminna.");
    let counterattack = find(&ev, Action::Counterattack, KREMINNA).expect("counterattack");
    assert_eq!(counterattack.actor, Side::UA);
}

#[test]
fn a_named_battle_that_is_the_subject_is_fighting() {
    // The frame rule is about a battle after a temporal preposition only.
    let ev = events("The battle of Chasiv Yar began on 4 April 2024.");
    assert!(find(&ev, Action::Clash, CHASIV_YAR).is_some(), "{ev:?}");
}
