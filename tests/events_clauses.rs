//! Sentences whose events depend on the clause around the trigger: attempts
//! and plans (modality), purposes, the subject past a fronted phrase, and
//! "the city", "it", "these settlements" read back to the places named
//! before (anaphora).

mod common;

use common::events::*;
use frontline::{Action, Side};

#[test]
fn an_attempt_to_capture_is_an_assault_not_a_capture() {
    let ev = events("Russian forces launched a new effort to capture Avdiivka.");
    assert!(find(&ev, Action::Capture, AVDIIVKA).is_none());
    let assault = find(&ev, Action::Assault, AVDIIVKA).expect("assault");
    assert_eq!(assault.actor, Side::RU);
    let ev = events("Russian troops are trying to capture Vovchansk.");
    assert!(find(&ev, Action::Capture, VOVCHANSK).is_none());
    assert!(find(&ev, Action::Assault, VOVCHANSK).is_some());
}

#[test]
fn a_plan_or_threat_to_capture_is_no_event() {
    for text in [
        "Russia aims to capture the whole of Donetsk Oblast.",
        "Moscow has repeatedly threatened to attack Vovchansk.",
        "Russian forces are preparing to storm Avdiivka.",
    ] {
        let ev = events(text);
        assert!(ev.is_empty(), "{text}: {ev:?}");
    }
}

#[test]
fn the_purpose_of_an_offensive_is_no_event_of_its_own() {
    let ev = events("Russian forces launched an offensive to capture Avdiivka.");
    assert!(find(&ev, Action::Capture, AVDIIVKA).is_none());
    assert_eq!(
        find(&ev, Action::Assault, AVDIIVKA).expect("assault").actor,
        Side::RU
    );
}

#[test]
fn the_city_stands_for_the_settlement_named_before_in_its_paragraph() {
    let ev = events(
        "Russian forces entered Avdiivka in October. Ukrainian forces were being withdrawn from the city.",
    );
    let withdrawal = find(&ev, Action::Withdrawal, AVDIIVKA).expect("withdrawal");
    assert_eq!(withdrawal.actor, Side::UA);
    // A new paragraph does not look back.
    let ev = events(
        "Russian forces entered Avdiivka in October.\n\nUkrainian forces were being withdrawn from the city.",
    );
    assert!(find(&ev, Action::Withdrawal, AVDIIVKA).is_none());
    // "the city of X" names its own place.
    let ev = events("Russian forces entered Avdiivka. They shelled the city of Vovchansk.");
    assert!(find(&ev, Action::Shelling, AVDIIVKA).is_none());
    assert!(find(&ev, Action::Shelling, VOVCHANSK).is_some());
}

#[test]
fn fighting_takes_no_side_from_the_sentence_before_nor_from_both_sides() {
    let ev = events("Russian forces entered Terny. The fighting shifted to Kreminna.");
    let clash = find(&ev, Action::Clash, KREMINNA).expect("clash");
    assert_eq!(clash.actor, Side::Unknown);
    let ev =
        events("Russian and Ukrainian officials reported that battles were raging near Kreminna.");
    assert_eq!(
        find(&ev, Action::Clash, KREMINNA).expect("clash").actor,
        Side::Unknown
    );
    // ACLED's style names its first actor.
    let ev = events("Russian forces clashed with Ukrainian forces near Kreminna.");
    assert_eq!(
        find(&ev, Action::Clash, KREMINNA).expect("clash").actor,
        Side::RU
    );
}

#[test]
fn a_battle_that_dates_the_sentence_and_an_artillery_base_are_no_events() {
    let ev = events(
        "Chasiv Yar has been a front-line city since the Battle of Bakhmut, acting as a Ukrainian artillery base.",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let ev = events("A battle took place near Kreminna.");
    assert!(!ev.iter().any(|e| e.action == Action::Capture));
}

#[test]
fn coming_under_a_sides_control_is_a_capture_and_conquest_is_one() {
    let ev = events("During the invasion, Terny came under Russian control.");
    assert_eq!(
        find(&ev, Action::Capture, TERNY).expect("capture").actor,
        Side::RU
    );
    let ev = events("Russian forces took at least partial control of Kreminna.");
    assert_eq!(
        find(&ev, Action::Capture, KREMINNA).expect("capture").actor,
        Side::RU
    );
    let ev = events("Ukrainian forces were able to recapture Terny.");
    assert_eq!(
        find(&ev, Action::Capture, TERNY).expect("capture").actor,
        Side::UA
    );
    let ev = events("The Russian army managed to conquer Kreminna.");
    assert!(find(&ev, Action::Capture, KREMINNA).is_some());
}

#[test]
fn a_state_of_holding_said_of_the_subject_reaches_it() {
    let ev = events("Kreminna had been a frontline city held by Ukraine since 2014.");
    assert_eq!(
        find(&ev, Action::Hold, KREMINNA).expect("hold").actor,
        Side::UA
    );
    let ev = events(
        "Terny and the neighbouring city of Kreminna were the only parts of the oblast that remained under Ukrainian control.",
    );
    assert_eq!(
        find(&ev, Action::Hold, KREMINNA).expect("hold").actor,
        Side::UA
    );
}

#[test]
fn separatists_and_the_airborne_troops_fight_on_russias_side() {
    let ev = events("Separatists launched an offensive near Kreminna.");
    assert_eq!(
        find(&ev, Action::Assault, KREMINNA).expect("assault").actor,
        Side::RU
    );
}

// The trigger's clause (issue 21): sides from a noun's own words, the
// subject past a fronted frame, references back, circumstances.

#[test]
fn fighting_a_sides_military_reports_is_no_sides_fighting() {
    let ev = events("According to the Ukrainian military, fighting around Toretsk began at dawn.");
    let clash = find(&ev, Action::Clash, TORETSK).expect("clash");
    assert_eq!(clash.actor, Side::Unknown);
}

#[test]
fn an_assault_takes_the_side_of_its_agent_after_by() {
    let ev = events("The battle began with a direct assault on Toretsk by Russian forces.");
    let assault = find(&ev, Action::Assault, TORETSK).expect("assault");
    assert_eq!(assault.actor, Side::RU);
}

#[test]
fn the_city_with_no_town_in_its_paragraph_is_the_town_the_article_is_about() {
    let ev = events(
        "Russian forces attacked Toretsk in June.\n\n\
         Toretsk lies on a hill, and the mines of Toretsk made it a stronghold.\n\n\
         In February, Ukrainian forces were withdrawn from the city.",
    );
    let withdrawal = find(&ev, Action::Withdrawal, TORETSK).expect("withdrawal");
    assert_eq!(withdrawal.actor, Side::UA);
}

#[test]
fn these_settlements_are_every_settlement_of_the_list_before() {
    let ev = events(
        "Russian forces occupied Kupiansk and Synkivka in 2022. \
         Ukrainian forces later recaptured these settlements.",
    );
    for place in [KUPIANSK, SYNKIVKA] {
        let capture = ev.iter().find(|e| {
            e.action == Action::Capture && e.place.geonameid == place && e.actor == Side::UA
        });
        assert!(capture.is_some(), "{place}: {ev:?}");
    }
}

#[test]
fn a_withdrawal_after_which_a_town_was_entered_happened_there() {
    let ev = events("Ukrainian forces entered Kreminna after a Russian withdrawal.");
    let withdrawal = find(&ev, Action::Withdrawal, KREMINNA).expect("withdrawal");
    assert_eq!(withdrawal.actor, Side::RU);
}

#[test]
fn gains_a_commentator_calls_unlikely_are_no_advance() {
    let ev = events(
        "Analysts said Russian forces near Toretsk were unlikely to make significant gains.",
    );
    assert!(find(&ev, Action::Advance, TORETSK).is_none(), "{ev:?}");
}

#[test]
fn the_settlement_with_no_topic_is_the_subject_of_the_last_sentence_that_named_settlements() {
    // Two villages' stories, no settlement named most often: "the
    // settlement" is the village the paragraph before is about, not the
    // town that locates it.
    let ev = events(
        "Russian forces attacked Kreminna and Toretsk in 2022.\n\n\
         Terny is a village in Donetsk Oblast, east of Lyman.\n\n\
         Ukrainian troops recaptured the settlement from Russian forces in Donetsk Oblast.",
    );
    let capture = find(&ev, Action::Capture, TERNY).expect("capture");
    assert_eq!(capture.actor, Side::UA);
    assert!(
        find(&ev, Action::Capture, DONETSK_OBLAST).is_none(),
        "{ev:?}"
    );
}

#[test]
fn it_as_the_subject_of_a_passive_is_the_town_named_before_it() {
    let ev = events(
        "Toretsk was briefly seized by Russian forces before it was recaptured by the Ukrainians.",
    );
    let capture = ev.iter().find(|e| {
        e.action == Action::Capture && e.place.geonameid == TORETSK && e.actor == Side::UA
    });
    assert!(capture.is_some(), "{ev:?}");
}

#[test]
fn the_city_is_the_town_named_before_it_in_the_same_sentence() {
    let ev = events(
        "Russian forces launched an assault on the northern part of Toretsk and took partial control of the city.",
    );
    assert!(find(&ev, Action::Assault, TORETSK).is_some(), "{ev:?}");
    assert!(find(&ev, Action::Capture, TORETSK).is_some(), "{ev:?}");
}

#[test]
fn a_capital_that_acts_is_not_the_city() {
    let ev = events(
        "Russian strikes on Kharkiv killed four people, as Moscow kept up its bombardment of the city.",
    );
    assert!(ev.iter().all(|e| e.place.geonameid != MOSCOW), "{ev:?}");
}

#[test]
fn the_settlement_under_occupation_holds_its_occupier() {
    let ev = events(
        "Terny is a village in Donetsk Oblast.\n\n\
         The settlement has been under Russian occupation since October 2024.",
    );
    let hold = find(&ev, Action::Hold, TERNY).expect("hold");
    assert_eq!(hold.actor, Side::RU);
}

#[test]
fn verbs_joined_by_and_before_one_object_share_it() {
    let ev = events("Ukrainian marines had advanced to and recaptured Kreminna.");
    for action in [Action::Advance, Action::Capture] {
        let e = find(&ev, action, KREMINNA).unwrap_or_else(|| panic!("{action:?}: {ev:?}"));
        assert_eq!(e.actor, Side::UA);
    }
}

#[test]
fn a_second_verb_after_and_with_no_place_happened_where_the_first_did() {
    let ev = events(
        "Russian forces intensified offensive operations around Toretsk and made gains on 23 May.",
    );
    let advance = find(&ev, Action::Advance, TORETSK).expect("advance");
    assert_eq!(advance.actor, Side::RU);
}

#[test]
fn taking_advantage_is_no_taking() {
    let ev = events(
        "Russian forces intensified artillery strikes against Avdiivka and took advantage of the fog.",
    );
    assert!(find(&ev, Action::Capture, AVDIIVKA).is_none(), "{ev:?}");
}

#[test]
fn a_town_taken_in_the_passive_is_the_subject_before_it() {
    let ev =
        events("Russian online outlets reported that Toretsk had been taken by Russian forces.");
    let capture = find(&ev, Action::Capture, TORETSK).expect("capture");
    assert_eq!(capture.actor, Side::RU);
}

#[test]
fn the_city_may_have_modifiers_between_the_and_its_noun() {
    let ev = events(
        "Russian forces attacked Toretsk in June. Clashes for the heavily fortified city began in July.",
    );
    let clash = find(&ev, Action::Clash, TORETSK).expect("clash");
    assert_eq!(clash.actor, Side::Unknown);
}

#[test]
fn the_oblast_is_the_region_named_before_it() {
    let ev = events(
        "Russian forces conquered large parts of Donetsk Oblast in 2022. \
         Ukrainian forces were later able to push Russian forces out of almost the entire oblast.",
    );
    let counterattack = find(&ev, Action::Counterattack, DONETSK_OBLAST).expect("counterattack");
    assert_eq!(counterattack.actor, Side::UA);
    // "a push" is no driving.
    let ev = events("Russian forces made a limited push from Toretsk.");
    assert!(!ev.iter().any(|e| e.action == Action::Capture), "{ev:?}");
}
