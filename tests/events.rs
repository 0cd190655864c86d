//! Sentences as reporters write them → the events frontline must read.

mod common;

use common::events::*;
use frontline::event::Event;
use frontline::{extract, Action, Article, Certainty, Extent, Gazetteer, Side};

#[test]
fn forcing_troops_from_a_town_is_a_capture_by_the_side_that_forced_them() {
    let ev = events("Russia forced Ukrainian troops from the ruined town of Avdiivka.");
    let capture = find(&ev, Action::Capture, AVDIIVKA).expect("capture");
    assert_eq!(capture.actor, Side::RU);
    assert_eq!(capture.target, Some(Side::UA));
    // The actor never comes out reversed.
    assert!(!ev
        .iter()
        .any(|e| e.action == Action::Capture && e.actor == Side::UA));
    let withdrawal = find(&ev, Action::Withdrawal, AVDIIVKA).expect("withdrawal");
    assert_eq!(withdrawal.actor, Side::UA);
}

#[test]
fn partial_occupation_is_a_partial_capture() {
    let ev = events(
        "Russian forces partially occupied the village of Novooleksandrivka, near Avdiivka.",
    );
    let e = find(&ev, Action::Capture, NOVOOLEKSANDRIVKA).expect("capture");
    assert_eq!(e.actor, Side::RU);
    assert_eq!(e.extent, Extent::Partial);
}

#[test]
fn pushing_the_enemy_back_is_a_counterattack() {
    let ev = events(
        "Ukraine has successfully pushed Russian forces back from several towns and villages north of Kharkiv, including much of the highly battered Vovchansk.",
    );
    let e = find(&ev, Action::Counterattack, VOVCHANSK).expect("counterattack");
    assert_eq!(e.actor, Side::UA);
    assert_eq!(e.target, Some(Side::RU));
    assert_eq!(e.extent, Extent::Partial);
}

#[test]
fn an_advance_has_its_direction_and_its_position_beside_a_village() {
    let ev = events(
        "Ukrainian forces also reportedly made an advance to the south, in the direction of Kreminna, pushing back Russian forces that occupied the area east of Terny.",
    );
    let e = find(&ev, Action::Advance, TERNY).expect("advance");
    assert_eq!(e.actor, Side::UA);
    let heading = e.heading.as_ref().expect("heading");
    assert_eq!(heading.bearing, Some(180.0));
    assert_eq!(heading.toward.as_ref().map(|p| p.geonameid), Some(KREMINNA));
    let rel = e.relative.as_ref().expect("relative position");
    assert_eq!(rel.bearing, Some(90.0));
    assert_eq!(rel.offset_km, frontline::event::DEFAULT_OFFSET_KM);
    assert!(e.lon > rel.anchor.lon, "east of the anchor");
    assert_eq!(e.geo_precision, 2);
    // "forces that occupied" describes; it reports no capture.
    assert!(!ev.iter().any(|e| e.action == Action::Capture));
}

#[test]
fn digging_in_is_fortification() {
    let ev = events(
        "Russia has been digging in and building defensive fortifications on the Ukrainian side of the border, attempting to hold onto a buffer near Belgorod.",
    );
    let e = ev
        .iter()
        .find(|e| e.action == Action::Fortification)
        .expect("fortification");
    assert_eq!(e.actor, Side::RU);
}

#[test]
fn an_announced_deployment_is_claimed() {
    let ev = events("Pyongyang had announced that it was sending a military engineering unit to Donetsk Oblast.");
    let e = find(&ev, Action::Deployment, DONETSK_OBLAST).expect("deployment");
    assert_eq!(e.actor, Side::Other(*b"KP"));
    assert_eq!(e.certainty, Certainty::Claimed);
    assert_eq!(e.geo_precision, 3);
    // Pyongyang is who sends, not where.
    assert_eq!(
        ev.iter().filter(|e| e.action == Action::Deployment).count(),
        1
    );
}

#[test]
fn the_passive_names_the_actor_after_by() {
    let ev = events("Avdiivka was captured by Russian forces.");
    assert_eq!(
        find(&ev, Action::Capture, AVDIIVKA).expect("capture").actor,
        Side::RU
    );
}

#[test]
fn a_negated_capture_is_no_capture() {
    let ev = events("Russian forces did not capture Vovchansk, and they failed to take Lyptsi.");
    assert!(ev.iter().all(|e| e.action != Action::Capture), "{ev:?}");
}

#[test]
fn the_other_sides_claims_are_claimed() {
    let ev = events("Russian sources claimed that Russian forces captured Hlyboke.");
    let e = ev
        .iter()
        .find(|e| e.action == Action::Capture)
        .expect("capture");
    assert_eq!(e.actor, Side::RU);
    assert_eq!(e.certainty, Certainty::Claimed);
}

#[test]
fn hedged_events_are_speculative() {
    let ev = events("Russian forces may attempt to capture Chasiv Yar in the coming weeks.");
    assert!(ev.iter().all(|e| e.certainty == Certainty::Speculative));
    assert!(!ev.is_empty());
}

#[test]
fn one_sentence_with_several_villages_gives_one_event_each() {
    let ev = events("Russian forces attacked near Berdychi, Umanske and Netailove.");
    let places: Vec<u32> = ev
        .iter()
        .filter(|e| e.action == Action::Assault)
        .map(|e| e.place.geonameid)
        .collect();
    // Berdychi, Umanske, Netailove (Pokrovsk raion).
    assert_eq!(places, [9113133, 690685, 9112918]);
    assert!(ev
        .iter()
        .all(|e| e.actor == Side::RU && e.geo_precision == 2));
}

#[test]
fn repelled_assaults_belong_to_the_defender_and_the_locator_is_no_event() {
    let ev = events("Ukrainian forces repelled Russian assaults near Synkivka and Petropavlivka, northeast of Kupiansk.");
    assert_eq!(ev.len(), 2, "{ev:?}");
    assert!(ev.iter().all(|e| e.action == Action::Repelled
        && e.actor == Side::UA
        && e.target == Some(Side::RU)));
}

#[test]
fn acled_notes_give_the_date_and_skip_the_bracketed_areas() {
    let ev = events(
        "On 5 July 2022, Russian forces shelled Kramatorsk (Kramatorsk raion, Donetsk region).",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    let e = &ev[0];
    assert_eq!((e.action, e.actor), (Action::Shelling, Side::RU));
    assert_eq!(e.event_date.unwrap().to_string(), "2022-07-05");
    assert!(e.historical);
    assert_eq!(e.acled_sub_event_type, "Shelling/artillery/missile attack");
}

#[test]
fn glide_bombs_make_an_air_strike_and_occupied_is_an_adjective_there() {
    let ev = events(
        "Russian aviation struck occupied Horlivka and Krasnohorivka with guided glide bombs.",
    );
    assert!(ev.iter().all(|e| e.action == Action::AirStrike), "{ev:?}");
    assert_eq!(ev.len(), 2);
}

#[test]
fn events_recalled_from_earlier_are_historical() {
    let ev = events("This is how Russia took Severodonetsk early in the war.");
    let e = ev
        .iter()
        .find(|e| e.action == Action::Capture)
        .expect("capture");
    assert_eq!(e.actor, Side::RU);
    assert!(e.historical);
}

#[test]
fn a_stated_distance_moves_the_point() {
    let ev = events("Russian forces advanced 5 km north of Vovchansk.");
    let e = find(&ev, Action::Advance, VOVCHANSK).expect("advance");
    let rel = e.relative.as_ref().expect("relative");
    assert!(rel.offset_stated);
    assert_eq!(rel.offset_km, 5.0);
    // 5 km north is about 0.045 degrees of latitude.
    assert!((e.lat - rel.anchor.lat - 0.045).abs() < 0.001);
}

#[test]
fn the_sample_articles_events_are_found_with_the_right_actors() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/north-korea-boots-on-the-ground.txt"
    ))
    .unwrap();
    let ev = events(&text);
    // (place geonameid, action, actor), from reading the article.
    let expected = [
        (713122, Action::Capture, Side::RU),               // Avdiivka
        (9112926, Action::Capture, Side::RU),              // Novooleksandrivka, partially
        (691999, Action::Capture, Side::RU),               // Severodonetsk, early in the war
        (713174, Action::Capture, Side::RU),               // Bakhmut, a year ago
        (689304, Action::Counterattack, Side::UA),         // Vovchansk
        (702989, Action::Counterattack, Side::UA),         // Lyptsi
        (692838, Action::Counterattack, Side::UA),         // Starytsya
        (691608, Action::Advance, Side::UA),               // east of Terny, toward Kreminna
        (709716, Action::Deployment, Side::Other(*b"KP")), // Donetsk Oblast
        (703448, Action::Withdrawal, Side::RU),            // from the area around Kyiv
        (710915, Action::Clash, Side::Unknown),            // the fighting around Chasiv Yar
        (578072, Action::Fortification, Side::RU),         // digging in, near Belgorod
    ];
    for (place, action, actor) in expected {
        assert!(
            ev.iter()
                .any(|e| e.place.geonameid == place && e.action == action && e.actor == actor),
            "{place} {action:?} {actor:?} not in {:?}",
            ev.iter()
                .map(|e| (e.place.geonameid, e.action, e.actor))
                .collect::<Vec<_>>()
        );
    }
    assert!(find(&ev, Action::Advance, TERNY)
        .unwrap()
        .heading
        .as_ref()
        .unwrap()
        .toward
        .is_some());
}

#[test]
fn a_sentence_without_a_trigger_goes_on_with_the_same_sides_action() {
    let ev = events("Ukrainian forces pushed Russian forces back from Vovchansk. They are now doing well at Lyptsi.");
    let e = find(&ev, Action::Counterattack, 702989).expect("carried-over counterattack at Lyptsi");
    assert_eq!(e.actor, Side::UA);
}

#[test]
fn a_place_near_another_is_located_by_it_and_only_it_changes_hands() {
    let ev =
        events("Russian forces captured the village of Ivanivka near Pokrovsk, the ministry said.");
    // Of the Ivanivkas, the one in Pokrovsk raion, 18 km from Pokrovsk.
    let e = find(&ev, Action::Capture, IVANIVKA_POKROVSK_RAION).expect("capture of Ivanivka");
    assert_eq!(e.actor, Side::RU);
    assert!(
        !ev.iter().any(|e| e.place.geonameid == POKROVSK),
        "Pokrovsk only locates: {ev:?}"
    );
}

#[test]
fn a_bracketed_compass_locator_is_no_event() {
    let ev = events(
        "Russian forces recently advanced northwest of Niu-York (south of Toretsk) along Dachna Street.",
    );
    assert!(find(&ev, Action::Advance, NYU_YORK).is_some(), "{ev:?}");
    assert!(!ev.iter().any(|e| e.place.geonameid == TORETSK), "{ev:?}");
}

#[test]
fn a_clause_after_as_or_where_keeps_its_places_to_itself() {
    let ev = events(
        "Ukrainian troops have advanced 35 km into Russia's Kursk region, as Moscow evacuated thousands of residents.",
    );
    let e = find(&ev, Action::Advance, KURSK_OBLAST).expect("advance into Kursk Oblast");
    assert_eq!(e.actor, Side::UA);
    assert!(!ev.iter().any(|e| e.place.geonameid == MOSCOW), "{ev:?}");
}

#[test]
fn forces_that_recaptured_positions_act_and_positions_are_no_adjective() {
    let ev = events("Ukrainian forces recaptured positions east of Synkivka.");
    let e = find(&ev, Action::Capture, SYNKIVKA).expect("capture east of Synkivka");
    assert_eq!(e.actor, Side::UA);
    assert_eq!(e.relative.as_ref().and_then(|r| r.bearing), Some(90.0));
    assert_eq!(e.geo_precision, 2);
}

#[test]
fn a_direction_named_after_a_town_is_an_area_not_the_town() {
    let ev = events("Ukrainian forces recently regained positions in the Kupyansk direction.");
    let e = find(&ev, Action::Capture, KUPIANSK).expect("event in the Kupiansk direction");
    // ACLED's 3: a larger area than the place.
    assert_eq!(e.geo_precision, 3);
}

#[test]
fn the_enemy_is_the_other_side_of_the_one_last_named() {
    let ev = events(
        "Ukrainian forces repelled 14 enemy attacks near Vovchansk. The enemy also attacked Lyptsi.",
    );
    let e = find(&ev, Action::Assault, 702989).expect("assault on Lyptsi");
    assert_eq!(e.actor, Side::RU);
}

#[test]
fn taking_control_of_a_town_is_a_capture() {
    let ev = events("Russia said its troops had taken control of Krasnohorivka.");
    // Krasnohorivka, Donetsk Oblast (704393).
    let e = find(&ev, Action::Capture, 704393).expect("capture");
    assert_eq!(e.actor, Side::RU);
}

#[test]
fn every_place_of_a_list_headed_to_is_approached_not_reached() {
    let ev = events("Russian forces tried to advance toward Kurakhove, Hostre and Ukrainsk.");
    // Kurakhove 695357, Hostre 9797137, Ukrainsk (GeoNames Ukrayinsk) 690771.
    let approached: Vec<u32> = ev
        .iter()
        .filter(|e| e.action == Action::Advance && e.approach && e.actor == Side::RU)
        .map(|e| e.place.geonameid)
        .collect();
    assert_eq!(approached, [695357, 9797137, 690771], "{ev:?}");
    assert!(ev
        .iter()
        .all(|e| e.geo_precision == 2 && e.heading.is_none()));
}

#[test]
fn who_holds_a_place_is_a_hold_of_that_side() {
    // Vuhledar 690823, Kreminna 704138, Svatove 692118.
    let ev = events(
        "Ukrainian forces still hold Vuhledar. Kreminna is under Russian control. \
         Svatove remains in Russian hands.",
    );
    let side_of = |id| find(&ev, Action::Hold, id).map(|e| e.actor);
    assert_eq!(side_of(690823), Some(Side::UA), "{ev:?}");
    assert_eq!(side_of(KREMINNA), Some(Side::RU), "{ev:?}");
    assert_eq!(side_of(692118), Some(Side::RU), "{ev:?}");
}

#[test]
fn control_far_from_a_place_or_denied_is_no_hold() {
    let ev = events(
        "Russian forces still control the heights, and Ukrainian officials held talks in Kyiv. \
         Ukrainian forces no longer control Avdiivka. Russian control points near Kupiansk were struck.",
    );
    assert!(!ev.iter().any(|e| e.action == Action::Hold), "{ev:?}");
}

#[test]
fn advancing_on_places_approaches_them() {
    // Vuhledar 690823, Kurakhove 695357, Pokrovsk 704422.
    let ev = events(
        "Russian units are advancing on Ugledar and Kurakhovo. Russian troops are closing in on Pokrovsk.",
    );
    for id in [690823, 695357, POKROVSK] {
        let e = find(&ev, Action::Advance, id).unwrap_or_else(|| panic!("{id}: {ev:?}"));
        assert!(e.approach && e.actor == Side::RU, "{e:?}");
    }
}

#[test]
fn an_axis_between_two_towns_is_an_area() {
    let ev =
        events("Ukraine's 47th Brigade reported heavy fighting on the Pokrovsk-Myrnohrad axis.");
    assert!(!ev.is_empty());
    assert!(ev.iter().all(|e| e.geo_precision == 3), "{ev:?}");
}

#[test]
fn a_month_abbreviation_is_no_place() {
    let gaz = Gazetteer::bundled();
    let found = extract(
        &gaz,
        &Article::new("Russian troops struck Kostiantynivka on Nov. 3 and Dec. 5, and in Sept."),
    );
    let names: Vec<&str> = found.resolved().map(|m| m.text.as_str()).collect();
    assert_eq!(names, ["Kostiantynivka"]);
}

#[test]
fn taking_a_town_is_a_capture_and_taking_losses_is_not() {
    // Selydove 694677, Novohrodivka 699557 (Donetsk Oblast).
    const SELYDOVE: u32 = 694677;
    const NOVOHRODIVKA: u32 = 699557;
    let ev = events("Russian forces are now within 5 km of Pokrovsk after taking the towns of Selydove and Novohrodivka.");
    let taken: Vec<u32> = ev
        .iter()
        .filter(|e| e.action == Action::Capture && e.actor == Side::RU)
        .map(|e| e.place.geonameid)
        .collect();
    assert_eq!(taken, [SELYDOVE, NOVOHRODIVKA], "{ev:?}");
    let ev = events(
        "Ukrainian forces are taking heavy losses near Pokrovsk. Russian troops were taken by surprise near Kupiansk. \
         It will take years for Russian forces to rebuild Mariupol.",
    );
    assert!(!ev.iter().any(|e| e.action == Action::Capture), "{ev:?}");
}

#[test]
fn pushing_and_reaching_need_a_direction_or_a_place() {
    let ev = events(
        "Senators from Ohio pushed new sanctions. Ukraine and Russia reached an agreement in Istanbul.",
    );
    assert!(ev.is_empty(), "{ev:?}");
    let ev =
        events("Russian forces reached the outskirts of Pokrovsk and pushed toward Kurakhove.");
    let e = find(&ev, Action::Advance, POKROVSK).expect("advance at Pokrovsk");
    assert_eq!((e.actor, e.geo_precision), (Side::RU, 2));
    // From there toward Kurakhove (695357).
    let toward = e.heading.as_ref().and_then(|h| h.toward.as_ref());
    assert_eq!(toward.map(|p| p.geonameid), Some(695357), "{ev:?}");
}

#[test]
fn a_town_does_not_locate_the_region_before_it() {
    let ev = events("Russian troops are pushing deeper into Donetsk Oblast near Kurakhove.");
    let e = find(&ev, Action::Advance, 695357).expect("advance near Kurakhove");
    assert_eq!(e.geo_precision, 2);
}

#[test]
fn a_sector_named_after_a_town_locates_the_place_before_it() {
    let ev = events("Ukrainian forces liberated Novotroitske in the Pokrovsk sector.");
    assert!(
        ev.iter()
            .any(|e| e.action == Action::Capture && e.actor == Side::UA),
        "{ev:?}"
    );
    assert!(!ev.iter().any(|e| e.place.geonameid == POKROVSK), "{ev:?}");
}

#[test]
fn a_day_or_month_without_a_year_is_the_latest_before_publication() {
    let gaz = Gazetteer::bundled();
    let article = Article::new(
        "Ukraine lost control of Avdiivka in February. Russian forces captured Robotyne on May 13.",
    )
    .with_published("2024-03-01")
    .unwrap();
    let ev = extract(&gaz, &article).events;
    let date = |id| {
        ev.iter()
            .find(|e| e.place.geonameid == id)
            .and_then(|e| e.event_date)
            .map(|d| d.to_string())
    };
    assert_eq!(date(AVDIIVKA).as_deref(), Some("2024-02-01"));
    // Robotyne (695586): May 13 had not come yet in March 2024.
    assert_eq!(date(695586).as_deref(), Some("2023-05-13"));
}

#[test]
fn a_place_near_after_a_compass_anchor_places_the_event() {
    // Hlyboke in Kharkiv raion (6724780), north of Kharkiv.
    let ev = events("Fighting continued north of Kharkiv City near Hlyboke and Lyptsi.");
    assert!(find(&ev, Action::Clash, 6724780).is_some(), "{ev:?}");
    // After brackets the locator is still a locator: Svatove (692118) is none.
    let ev = events("Russian forces advanced west of Stelmakhivka (west of Svatove).");
    assert!(!ev.iter().any(|e| e.place.geonameid == 692118), "{ev:?}");
}

#[test]
fn may_the_month_is_no_hedge_and_footage_is_no_claim() {
    let ev = events(
        "On May 13, Russian forces captured Robotyne. \
         Ukrainian forces advanced in central Vovchansk, according to geolocated footage.",
    );
    assert!(
        ev.iter().all(|e| e.certainty == Certainty::Reported),
        "{ev:?}"
    );
    assert_eq!(ev.len(), 2, "{ev:?}");
}

#[test]
fn russian_ministry_wording_names_the_russian_side() {
    // Kruhliakivka, Kharkiv Oblast, in its Russian spelling.
    let ev = events(
        "Units of the Battlegroup West liberated the settlement of Kruglyakovka in the Kharkov region. \\
         Battlegroup Center units inflicted losses on the Ukrainian army near Krasnoarmeysk.",
    );
    let captures: Vec<&Event> = ev.iter().filter(|e| e.action == Action::Capture).collect();
    assert_eq!(captures.len(), 1, "{ev:?}");
    assert_eq!(
        (captures[0].actor, captures[0].place.name.as_str()),
        (Side::RU, "Kruhliakivka")
    );
    // "Battlegroup" is no battle; the losses it inflicted near Pokrovsk
    // are fighting there.
    assert!(
        !ev.iter()
            .any(|e| e.trigger.to_lowercase().starts_with("battlegroup")),
        "{ev:?}"
    );
    let clashes: Vec<&Event> = ev.iter().filter(|e| e.action == Action::Clash).collect();
    assert_eq!(clashes.len(), 1, "{ev:?}");
    assert_eq!(
        (clashes[0].trigger.as_str(), clashes[0].actor),
        ("losses", Side::RU)
    );
}

#[test]
fn a_side_that_says_it_struck_is_the_striker() {
    let ev = events(
        "Russian forces captured Robotyne. Ukraine's military said it struck the Novoshakhtinsk oil refinery.",
    );
    let e = ev
        .iter()
        .find(|e| e.action == Action::Shelling)
        .expect("strike");
    assert_eq!(e.actor, Side::UA, "{ev:?}");
}

#[test]
fn a_drone_or_missile_attack_is_a_strike_not_an_assault() {
    let ev = events(
        "A Russian drone attack on Dnipro wounded 12 people. A missile attack hit Dnipro again.",
    );
    let actions: Vec<Action> = ev.iter().map(|e| e.action).collect();
    assert_eq!(actions, [Action::AirStrike, Action::Shelling], "{ev:?}");
}

#[test]
fn the_enemy_is_the_adversary_of_the_source_that_speaks() {
    // DeepState is a Ukrainian monitor: its "enemy" is Russia, whoever the
    // text named before. Nevelske, Donetsk Oblast (GeoNames 9112915).
    let ev = events(
        "Russian troops raised a flag over the town. DeepState analysts said the enemy had occupied Nevelske.",
    );
    let e = find(&ev, Action::Capture, 9112915).expect("capture of Nevelske");
    assert_eq!(e.actor, Side::RU);
}

#[test]
fn an_advance_toward_the_town_of_x_heads_to_x() {
    // Pokrovsk, Donetsk Oblast (GeoNames 704422).
    let ev = events("Moscow's forces press their advance towards the logistics hub of Pokrovsk.");
    let e = find(&ev, Action::Advance, 704422).expect("advance on Pokrovsk");
    assert!(e.approach, "{e:?}");
}

#[test]
fn a_weekday_dates_the_event_and_a_wire_dateline_does_not() {
    let gaz = Gazetteer::bundled();
    // Published on Tuesday 3 December 2024: "on Sunday" is 1 December.
    let article = Article::new(
        "KYIV, Dec 3 (Reuters) - Russia said on Sunday its troops had captured Krasnohorivka.",
    )
    .with_published("2024-12-03")
    .unwrap();
    let ev = extract(&gaz, &article).events;
    let e = find(&ev, Action::Capture, 704393).expect("capture of Krasnohorivka");
    assert_eq!(
        e.event_date.map(|d| d.to_string()).as_deref(),
        Some("2024-12-01")
    );
    // Without a weekday the dateline gives no event date.
    let article =
        Article::new("KYIV, Dec 3 (Reuters) - Russia said its troops had captured Krasnohorivka.")
            .with_published("2024-12-03")
            .unwrap();
    let ev = extract(&gaz, &article).events;
    let e = find(&ev, Action::Capture, 704393).expect("capture of Krasnohorivka");
    assert_eq!(e.event_date, None);
}

#[test]
fn every_region_of_a_listed_series_is_struck() {
    let ev = events(
        "Russian missiles struck energy infrastructure in the Lviv, Ivano-Frankivsk and Rivne regions.",
    );
    // The ADM1 rows of UA.txt: Lviv 702549, Ivano-Frankivsk 707470, Rivne 695592.
    for region in [702549, 707470, 695592] {
        let e = find(&ev, Action::Shelling, region).unwrap_or_else(|| panic!("{region}: {ev:?}"));
        assert_eq!(e.actor, Side::RU);
    }
}

#[test]
fn stopping_beating_back_or_fighting_off_an_assault_is_repelling_it() {
    // Velyka Novosilka, Donetsk Oblast (UA.txt 690237).
    for text in [
        "Ukraine's defenders stopped a Russian mechanized assault near Velyka Novosilka.",
        "Ukrainian troops beat back an assault near Velyka Novosilka.",
        "Ukrainian forces fought off three attacks near Velyka Novosilka.",
    ] {
        let ev = events(text);
        let e = find(&ev, Action::Repelled, 690237).unwrap_or_else(|| panic!("{text}: {ev:?}"));
        assert_eq!(e.actor, Side::UA, "{text}");
    }
    // Stopping what is no attack repels nothing.
    let ev = events("Shelling of Velyka Novosilka stopped at noon.");
    assert!(find(&ev, Action::Repelled, 690237).is_none(), "{ev:?}");
}

#[test]
fn a_command_reporting_its_own_units_is_their_side() {
    // Kurdyumivka, Donetsk Oblast (UA.txt 703633), as Russia's ministry
    // spells it; the DPR is Donetsk Oblast, no event place.
    let ev = events(
        "Units of the Southern group of forces liberated the settlement of Kurdyumovka in the Donetsk People's Republic, the Russian Defence Ministry said.",
    );
    let e = find(&ev, Action::Capture, 703633).expect("capture of Kurdyumivka");
    assert_eq!(e.actor, Side::RU);
    assert_eq!(ev.len(), 1, "{ev:?}");
}

#[test]
fn improving_a_position_is_an_advance_and_a_fighting_vehicle_no_fight() {
    // Novohrodivka, Donetsk Oblast (UA.txt 699557).
    let ev = events("Russian assault troops improved their tactical position near Novogrodovka.");
    let e = find(&ev, Action::Advance, 699557).expect("advance near Novohrodivka");
    assert_eq!(e.actor, Side::RU);
    let ev = events("A Bradley infantry fighting vehicle was seen near Novohrodivka.");
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn attacks_that_kill_are_strikes_not_assaults() {
    // Beryslav, Kherson Oblast (UA.txt 712260).
    let ev = events("Russian attacks killed three people in Kherson Oblast's Beryslav.");
    let e = find(&ev, Action::Shelling, 712260).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::RU);
    assert!(find(&ev, Action::Assault, 712260).is_none());
}

#[test]
fn a_participle_after_a_comma_acts_for_the_clause_and_a_shortened_month_is_a_date() {
    // Kyiv (UA.txt 703448).
    let gaz = Gazetteer::bundled();
    let article = Article::new(
        "Russia launched a massive missile and drone attack on Ukraine's energy grid overnight on Aug. 26, hitting targets in Kyiv.",
    )
    .with_published("2024-09-06")
    .unwrap();
    let ev = extract(&gaz, &article).events;
    let at_kyiv: Vec<_> = ev.iter().filter(|e| e.place.geonameid == 703448).collect();
    assert_eq!(at_kyiv.len(), 1, "{ev:?}");
    assert_eq!(at_kyiv[0].actor, Side::RU);
    assert_eq!(at_kyiv[0].action, Action::AirStrike);
    assert_eq!(
        at_kyiv[0].event_date.map(|d| d.to_string()).as_deref(),
        Some("2024-08-26")
    );
}

#[test]
fn the_enemy_with_no_one_named_is_russia_and_dislodging_is_attacking() {
    // Synkivka, Kharkiv Oblast (UA.txt 693778).
    let ev = events("In the Kupiansk direction, the enemy attacked 11 times near Synkivka.");
    let e = find(&ev, Action::Assault, 693778).expect("assault near Synkivka");
    assert_eq!(e.actor, Side::RU);
    // A name no place fits still heads the list that "near" opens: Lysivka
    // (Pokrovsk raion, UA.txt 702947) is near, not at, the event.
    let ev = events(
        "The occupiers tried to dislodge our units from their positions near Myrolubivka, Lysivka and Mykhailivka, north of Pokrovsk.",
    );
    let e = find(&ev, Action::Assault, 702947).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::RU);
    assert_eq!(e.geo_precision, 2);
}

#[test]
fn pressing_on_toward_a_town_and_crossing_a_river_are_advances() {
    // Kramatorsk (UA.txt 704508), Kruhliakivka (UA.txt 812661).
    let ev = events("Russian troops pressed on toward Kramatorsk.");
    let e = find(&ev, Action::Advance, 704508).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::RU);
    assert!(e.approach);
    let ev = events("Russian forces crossed the Oskil River near Kruhliakivka.");
    let e = find(&ev, Action::Advance, 812661).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::RU);
}

#[test]
fn clearing_a_village_is_a_capture_and_a_share_of_a_town_is_partial() {
    // Robotyne, Zaporizhzhia Oblast (UA.txt 695586).
    let ev = events("Ukrainian forces cleared Robotyne of Russian troops in late August.");
    let e = find(&ev, Action::Capture, 695586).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::UA);
    // Clearing mines near it takes nothing.
    let ev = events("Ukrainian sappers cleared mines near Robotyne.");
    assert!(find(&ev, Action::Capture, 695586).is_none(), "{ev:?}");
    // Toretsk (UA.txt 709354): a monitor's map is a report, not a claim.
    let ev = events("Russian forces now occupy about 80% of Toretsk, according to DeepState.");
    let e = find(&ev, Action::Capture, 709354).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.extent, Extent::Partial);
    assert_eq!(e.certainty, Certainty::Reported);
}

#[test]
fn entering_a_town_is_an_advance_and_entering_into_force_is_nothing() {
    // Toretsk (UA.txt 709354); Kyiv (UA.txt 703448).
    let ev = events("Russian troops entered Toretsk.");
    let e = find(&ev, Action::Advance, 709354).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::RU);
    let ev = events("The agreement entered into force in Kyiv on Monday.");
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn encircling_a_town_is_an_assault_by_the_encircler() {
    // ACLED and ISW count an encirclement as an attack by the side that
    // encircles. Avdiivka (UA.txt 713122): the passive names the encircler.
    let ev = events("Ukrainian troops in Avdiivka were nearly encircled by Russian forces.");
    let e = find(&ev, Action::Assault, AVDIIVKA).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::RU);
    // Facing encirclement makes no one an actor.
    assert!(events("Ukraine faces encirclement in Avdiivka, analysts warned.").is_empty());
}

#[test]
fn counterattacks_that_were_repelled_are_no_counterattack_of_the_defender() {
    // Sudzha, Kursk Oblast (cities500.txt 486816).
    let ev = events(
        "In Russia's Kursk region, Ukrainian units repelled several counterattacks near Sudzha.",
    );
    let e = find(&ev, Action::Repelled, 486816).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::UA);
    assert!(
        !ev.iter().any(|e| e.action == Action::Counterattack),
        "{ev:?}"
    );
    // A counterattack after repelling, as a verb, is an action of its own:
    // Robotyne, Zaporizhzhia Oblast (UA.txt 695586).
    let ev = events("Ukrainian forces repelled an assault and counterattacked near Robotyne.");
    let e = find(&ev, Action::Counterattack, 695586).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::UA);
}

#[test]
fn the_enemy_attacking_ukrainian_positions_is_russia_whoever_acted_last() {
    // Nikopol (UA.txt 700051), Robotyne (UA.txt 695586).
    let ev = events(
        "Russian artillery shelled Nikopol. In the Zaporizhzhia direction, the enemy attacked Ukrainian positions near Robotyne twice.",
    );
    let e = find(&ev, Action::Assault, 695586).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::RU);
    assert_eq!(e.target, Some(Side::UA));
}

#[test]
fn trying_to_encircle_a_town_is_an_assault_and_consolidating_positions_is_holding() {
    // Kurakhove (UA.txt 695357), Bohoiavlenka, Donetsk Oblast (UA.txt 709872).
    let ev = events(
        "Russian forces are reportedly trying to encircle Kurakhove from the north and south. \
         Moscow's troops have consolidated positions in Bohoiavlenka.",
    );
    let e = find(&ev, Action::Assault, 695357).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::RU);
    let e = find(&ev, Action::Hold, 709872).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::RU);
    // Facing encirclement is still nothing.
    let ev = events("Ukrainian troops in Kurakhove face encirclement.");
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn the_town_a_direction_is_taken_from_only_locates_the_village_named_after_it() {
    // Synkivka (UA.txt 693778) lies 10 km northeast of Kupiansk (703656).
    let ev =
        events("Russian forces counterattacked northeast of Kupiansk near Synkivka on June 20.");
    assert!(find(&ev, Action::Counterattack, 693778).is_some(), "{ev:?}");
    assert!(ev.iter().all(|e| e.place.geonameid != 703656), "{ev:?}");
    // After a comma too, every village of the list: Stupochky (UA.txt
    // 9113948) and Predtechyne (696357), west of Chasiv Yar (710915).
    let ev = events(
        "Ukrainian troops are digging in west of Chasiv Yar, near Stupochky and Predtechyne, a spokesperson said.",
    );
    assert!(
        find(&ev, Action::Fortification, 9113948).is_some(),
        "{ev:?}"
    );
    assert!(find(&ev, Action::Fortification, 696357).is_some(), "{ev:?}");
    assert!(ev.iter().all(|e| e.place.geonameid != 710915), "{ev:?}");
    // Without a village after it, the point northeast of the town stays.
    let ev = events("Russian forces counterattacked northeast of Kupiansk on June 20.");
    let e = find(&ev, Action::Counterattack, 703656).unwrap_or_else(|| panic!("{ev:?}"));
    assert!(e.relative.is_some(), "{e:?}");
}

#[test]
fn a_direction_named_with_villages_is_no_event_of_its_own() {
    // Zaporizhzhia city (UA.txt 687700) names the direction; Robotyne
    // (695586) and Verbove (689965) are where the fighting was.
    let ev = events(
        "Fighting continued in the Zaporizhzhia direction near Robotyne. \
         In the Zaporizhzhia direction, Russian forces attacked near Verbove.",
    );
    assert!(find(&ev, Action::Clash, 695586).is_some(), "{ev:?}");
    assert!(find(&ev, Action::Assault, 689965).is_some(), "{ev:?}");
    assert!(ev.iter().all(|e| e.place.geonameid != 687700), "{ev:?}");
    // Named alone, the direction is where the event is, as an area.
    let ev = events("Russian forces attacked in the Zaporizhzhia direction.");
    let e = find(&ev, Action::Assault, 687700).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.geo_precision, 3);
}

#[test]
fn losses_near_a_town_are_fighting_there() {
    // Vuhledar (UA.txt 690823), written in its Russian form; Robotyne (695586).
    let ev = events("Russian forces lost 120 servicemen near Ugledar over the past day.");
    let e = find(&ev, Action::Clash, 690823).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::RU);
    let ev = events("Ukrainian units inflicted heavy losses on the enemy near Robotyne.");
    assert!(find(&ev, Action::Clash, 695586).is_some(), "{ev:?}");
    // Losses of another kind are no fighting.
    let ev = events("Farmers near Robotyne reported economic losses.");
    assert!(ev.is_empty(), "{ev:?}");
    // Losing control is still a withdrawal.
    let ev = events("Ukraine lost control of Robotyne.");
    assert!(find(&ev, Action::Withdrawal, 695586).is_some(), "{ev:?}");
}

#[test]
fn taking_full_control_of_the_village_of_a_place_is_its_capture() {
    // Sokil, Donetsk Oblast (UA.txt 9112925).
    let ev = events(
        "Russia's defence ministry said its forces had taken full control of the village of Sokil in the Donetsk region.",
    );
    let e = find(&ev, Action::Capture, 9112925).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::RU);
    // "Take" still needs its place right after the words that lead to it.
    let ev = events("Rebuilding will take years in Sokil.");
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn the_country_owning_a_region_and_the_towns_a_road_joins_only_locate() {
    // Kursk Oblast (admin1CodesASCII.txt RU.41, 538555); Russia (2017370).
    let ev = events("North Korean troops are deployed in Russia's Kursk region.");
    assert!(find(&ev, Action::Deployment, 538555).is_some(), "{ev:?}");
    assert!(ev.iter().all(|e| e.place.geonameid != 2017370), "{ev:?}");
    // Toretsk (UA.txt 709354); Kostiantynivka (705104) and Druzhkivka
    // (616743) are the ends of the road.
    let ev = events(
        "Russian forces pushed into Toretsk and were trying to cut the road between Kostiantynivka and Druzhkivka.",
    );
    assert!(find(&ev, Action::Advance, 709354).is_some(), "{ev:?}");
    assert_eq!(ev.len(), 1, "{ev:?}");
}

#[test]
fn the_enemy_is_the_adversary_of_the_side_whose_sources_the_paragraph_quotes() {
    // Ivanivske, Bakhmut raion (UA.txt 704285); Kupiansk (703656).
    let ev = events(
        "Units of the Battlegroup South liberated Rozdolivka, the Russian Defence Ministry said.\n\n\
         The enemy carried out 12 attacks near Ivanivske. The Defence Forces repelled all of them.",
    );
    let e = find(&ev, Action::Assault, 704285).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::RU);
    // In the ministry's own paragraph, the enemy is Ukraine.
    let ev = events(
        "Ukrainian forces repelled an assault near Ivanivske.\n\n\
         Units of the Battlegroup West improved their positions. The enemy lost up to 450 servicemen near Kupyansk.",
    );
    let e = find(&ev, Action::Clash, 703656).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.actor, Side::UA);
}

#[test]
fn repelling_an_attack_by_a_side_is_the_other_side_repelling_it() {
    // Ocheretyne (UA.txt 698759), as the Russian ministry writes it.
    const OCHERETYNE: u32 = 698759;
    for text in [
        "Russian forces repelled an attack by Ukrainian assault groups near Ocheretino.",
        "The battlegroup repelled four counterattacks by Ukrainian assault groups near Ocheretino.",
    ] {
        let ev = events(text);
        let repelled = find(&ev, Action::Repelled, OCHERETYNE).expect(text);
        assert_eq!(repelled.actor, Side::RU, "{text}");
        assert_eq!(repelled.target, Some(Side::UA), "{text}");
        // "assault groups" name a kind of unit: no assault of their own.
        assert!(find(&ev, Action::Assault, OCHERETYNE).is_none(), "{text}");
    }
    // The passive still reads its agent, right after the verb…
    let ev = events("Ocheretino was captured by Russian forces.");
    let capture = find(&ev, Action::Capture, OCHERETYNE).expect("passive");
    assert_eq!(capture.actor, Side::RU);
    // …but not across another verb: the assault repelled is Russia's.
    let ev = events("A Russian assault near Ocheretino was repelled by Ukrainian forces.");
    let assault = find(&ev, Action::Assault, OCHERETYNE).expect("assault");
    assert_eq!(assault.actor, Side::RU);
    // A unit that attacks is still an assault.
    let ev = events("Ukrainian assault groups attacked near Ocheretino.");
    assert_eq!(
        find(&ev, Action::Assault, OCHERETYNE).map(|e| e.actor),
        Some(Side::UA)
    );
}

#[test]
fn a_country_named_as_a_place_is_not_the_actor() {
    // Toretsk (UA.txt 709354): "eastern Ukraine" is where, not who.
    const TORETSK: u32 = 709354;
    let ev = events(
        "Russian troops pressed their offensive in eastern Ukraine on Tuesday, \
         pounding the embattled city of Toretsk.",
    );
    let shelling = find(&ev, Action::Shelling, TORETSK).expect("pounding is shelling");
    assert_eq!(shelling.actor, Side::RU);
}

#[test]
fn breaking_through_is_an_advance_and_regaining_ground_no_capture() {
    // Selydove (694677) and Vovchansk (689304), UA.txt.
    const SELYDOVE: u32 = 694677;
    let ev = events("Russian forces tried to break through Ukrainian defenses near Selydove.");
    assert_eq!(
        find(&ev, Action::Advance, SELYDOVE).map(|e| e.actor),
        Some(Side::RU)
    );
    let ev = events("Ukrainian forces regained ground near Vovchansk.");
    assert_eq!(
        find(&ev, Action::Advance, VOVCHANSK).map(|e| e.actor),
        Some(Side::UA)
    );
    assert!(find(&ev, Action::Capture, VOVCHANSK).is_none());
}

#[test]
fn what_a_source_claims_is_read_from_the_clause_after_that() {
    // Pishchane, Kupiansk raion (UA.txt 813319).
    const PISHCHANE: u32 = 813319;
    let ev = events(
        "Ukrainian forces maintain positions in Synkivka, and Russian milbloggers claimed \
         that elements of the 1st Guards Tank Army seized Pishchane, southeast of Kupyansk.",
    );
    let capture = find(&ev, Action::Capture, PISHCHANE).expect("capture");
    assert_eq!(capture.actor, Side::RU);
    assert_eq!(capture.certainty, Certainty::Claimed);
    // Synkivka (UA.txt 693778), in the clause before, was not seized: it is
    // held, as reported, not claimed, and by no one's word against Russia.
    assert!(!ev
        .iter()
        .any(|e| e.action == Action::Capture && e.place.geonameid == 693778));
    let hold = find(&ev, Action::Hold, 693778).expect("maintain positions is a hold");
    assert_eq!(
        (hold.actor, hold.target, hold.certainty),
        (Side::UA, None, Certainty::Reported)
    );
    // Pressure maintained is no hold.
    let ev = events("Russian forces maintain pressure near Pokrovsk.");
    assert!(!ev.iter().any(|e| e.action == Action::Hold));
    // "it" after "announced that" is the one who announced.
    let ev = events("Pyongyang announced that it was sending troops to Donetsk Oblast.");
    let deployment = find(&ev, Action::Deployment, DONETSK_OBLAST).expect("deployment");
    assert_eq!(deployment.actor, Side::Other(*b"KP"));
}

#[test]
fn a_second_thing_said_after_and_that_is_an_event_of_its_own() {
    // "and that fighting continued near Andreevka": the fighting is no
    // relative clause, and its side is not the one attacking before it.
    // Andriivka, Bakhmut raion (UA.txt 9114136).
    let ev = events(
        "One prominent milblogger claimed that Russian forces repelled a Ukrainian attack \
         near Kleshcheevka, south of Artemovsk, and that fighting continued near Andreevka.",
    );
    let clash = find(&ev, Action::Clash, 9114136).expect("clash");
    assert_eq!(
        (clash.actor, clash.certainty),
        (Side::Unknown, Certainty::Claimed)
    );
    let ev = events("Officials said that fighting continued near Andreevka.");
    assert!(ev.iter().any(|e| e.action == Action::Clash), "{ev:?}");
}
