//! Actors by name: the formations, services and abbreviations that monitor
//! notes and unit-level reporting name instead of "Russian forces" or
//! "Ukrainian troops", and what is said of a plan rather than done.
//!
//! Russian-aligned: NAF (the DPR and LPR "people's militias" of 2014–2022),
//! DPR/LPR (DNR/LNR) forces, the Donbass People's Militia, Wagner, Akhmat,
//! Rosgvardia. Ukrainian: ZSU, AFU (VSU in Russian usage), Azov, Kraken,
//! HUR/GUR, the Territorial Defence, the Defence Forces. A named actor sets
//! the side where the word alone can ([`named_side`]) and is kept as
//! [`Event::actor_name`](super::Event::actor_name).

use super::*;

/// Names of actors: the words (lower case, possessive stripped) and the
/// name as reported, with the side.
const NAMED: &[(&[&str], &str, Side)] = &[
    (&["naf"], "NAF", Side::RU),
    (&["dpr"], "DPR", Side::RU),
    (&["lpr"], "LPR", Side::RU),
    (&["dnr"], "DNR", Side::RU),
    (&["lnr"], "LNR", Side::RU),
    // ("people's" is read with its possessive stripped.)
    (&["people", "militia"], "People's Militia", Side::RU),
    (&["peoples", "militia"], "People's Militia", Side::RU),
    // The 2014 republics as actors: "Troops of the Luhansk People's
    // Republic", "Russia and the Luhansk People's Republic announced".
    (&["people", "republic"], "People's Republic", Side::RU),
    (&["peoples", "republic"], "People's Republic", Side::RU),
    (&["wagner"], "Wagner", Side::RU),
    (&["akhmat"], "Akhmat", Side::RU),
    (&["rosgvardia"], "Rosgvardia", Side::RU),
    (&["rosgvardiya"], "Rosgvardia", Side::RU),
    (&["zsu"], "ZSU", Side::UA),
    (&["afu"], "AFU", Side::UA),
    (&["vsu"], "VSU", Side::UA),
    (&["azov"], "Azov", Side::UA),
    (&["kraken"], "Kraken", Side::UA),
    (&["hur"], "HUR", Side::UA),
    (&["gur"], "GUR", Side::UA),
    (&["territorial", "defence"], "Territorial Defence", Side::UA),
    (&["territorial", "defense"], "Territorial Defence", Side::UA),
    (&["defence", "forces"], "Defence Forces", Side::UA),
    (&["defense", "forces"], "Defence Forces", Side::UA),
    // Kinds of numbered units that only one side's army has, as English
    // reporting names them: "the 128th Mountain Assault Brigade", "the
    // 24th Mechanized Brigade" (Ukraine's); "the 752nd Motorized Rifle
    // Regiment", "the 20th Combined Arms Army", "the 155th Naval Infantry
    // Brigade" (Russia's).
    (
        &["mountain", "assault", "brigade"],
        "Mountain Assault Brigade",
        Side::UA,
    ),
    (&["mechanized", "brigade"], "Mechanized Brigade", Side::UA),
    (&["mechanised", "brigade"], "Mechanized Brigade", Side::UA),
    (&["motorized", "rifle"], "Motor Rifle", Side::RU),
    (&["motorised", "rifle"], "Motor Rifle", Side::RU),
    (&["motor", "rifle"], "Motor Rifle", Side::RU),
    (&["combined", "arms"], "Combined Arms", Side::RU),
    (&["naval", "infantry"], "Naval Infantry", Side::RU),
];

/// Whether a word (possessive stripped) is the first word of a name of
/// [`NAMED`]: one match, cheaper than reading the table for every word (a
/// test checks the two agree).
fn begins_a_name(word: &str) -> bool {
    matches!(
        word,
        "naf"
            | "dpr"
            | "lpr"
            | "dnr"
            | "lnr"
            | "people"
            | "peoples"
            | "wagner"
            | "akhmat"
            | "rosgvardia"
            | "rosgvardiya"
            | "zsu"
            | "afu"
            | "vsu"
            | "azov"
            | "kraken"
            | "hur"
            | "gur"
            | "territorial"
            | "defence"
            | "defense"
            | "mountain"
            | "mechanized"
            | "mechanised"
            | "motorized"
            | "motorised"
            | "motor"
            | "combined"
            | "naval"
    )
}

/// The named actor whose words begin at token `k`: its name as reported
/// and its side. "Azov" after "of" or "sea" is the sea.
fn named_at(lower: &[Word<'_>], k: usize) -> Option<(&'static str, Side, usize)> {
    // Most words begin no name: one match says so before the table is read.
    if !begins_a_name(strip_possessive(&lower[k])) {
        return None;
    }
    let word = |j: usize| lower.get(j).map(|w| strip_possessive(w));
    NAMED.iter().find_map(|&(words, name, side)| {
        let fits = words
            .iter()
            .enumerate()
            .all(|(i, w)| word(k + i) == Some(*w));
        if !fits {
            return None;
        }
        if name == "Azov" && k > 0 && matches!(lower[k - 1].as_ref(), "of" | "sea") {
            return None;
        }
        Some((name, side, words.len()))
    })
}

/// The side a named actor gives the word at `k` that the side words do
/// not: the last word of a two-word name ("the Territorial Defence",
/// "Donbass People's Militia"), and the names a side word list cannot hold
/// without context ("Azov", but not "the Sea of Azov").
pub(super) fn named_side(lower: &[Word<'_>], k: usize) -> Option<Side> {
    // Only these words end such a name: most words are none of them.
    if !matches!(
        lower[k].as_ref(),
        "defence"
            | "defense"
            | "militia"
            | "republic"
            | "republic's"
            | "azov"
            | "azov's"
            | "brigade"
            | "rifle"
            | "arms"
            | "infantry"
    ) {
        return None;
    }
    (k.saturating_sub(2)..=k).find_map(|start| {
        let (_, side, len) = named_at(lower, start)?;
        (start + len - 1 == k).then_some(side)
    })
}

/// Whether a place name (`name`, with the text after it, `rest`) names a
/// formation: "DPR", "LPR", or the name as part of "Luhansk People's
/// Republic", "Donetsk People's Militia", "Luhansk PR". Such a name is an
/// actor (RU-aligned), not where an event is.
pub(super) fn names_a_formation(name: &str, rest: &str) -> bool {
    if matches!(name, "DPR" | "LPR" | "DNR" | "LNR") {
        return true;
    }
    // The gazetteer knows "Luhansk People's Republic" as a name of the
    // oblast.
    let lower = name.to_lowercase().replace('’', "'");
    if lower.ends_with("people's republic") || lower.ends_with("peoples republic") {
        return true;
    }
    // Only the next two words count: read no further than a window of
    // the text, so that each mention costs the same whatever follows it.
    let rest = window(rest.trim_start_matches([' ', '\u{a0}']), 64);
    let Some(word) = rest.split([' ', '\u{a0}']).next() else {
        return false;
    };
    let after = rest[word.len()..].trim_start_matches([' ', '\u{a0}']);
    let starts = |w: &str| {
        after
            .as_bytes()
            .get(..w.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
    };
    let people = matches!(
        word.to_ascii_lowercase().as_str(),
        "people's" | "peoples" | "people’s"
    );
    (people && (starts("republic") || starts("militia")))
        || word.trim_end_matches([',', '.', ')', ';', ':']) == "PR"
}

/// The first `max` bytes of a text, or fewer to end at a character.
fn window(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The name of the actor of a trigger at `k`, when the sentence (`first`
/// to `last`) names it: the nearest named actor of side `actor` before the
/// trigger, else the first after it ("was shelled by the NAF"); empty when
/// the side was named only as a side ("Russian forces").
pub(super) fn actor_name(
    lower: &[Word<'_>],
    first: usize,
    last: usize,
    k: usize,
    actor: Side,
) -> &'static str {
    if actor == Side::Unknown {
        return "";
    }
    let of_side = |j: usize| named_at(lower, j).filter(|&(_, side, _)| side == actor);
    (first..k)
        .rev()
        .find_map(of_side)
        .or_else(|| (k + 1..=last).find_map(of_side))
        .map_or("", |(name, _, _)| name)
}

/// "the 90th Airmobile Battalion of Ukraine's 81st Airmobile Brigade …
/// Elements of the 90th Battalion … arrived in Izium": a numbered unit
/// named once with its side keeps that side where the article names it
/// again without one. The side is set on the number's word in
/// `token_side`; each word is read once.
pub(super) fn carry_unit_sides(lower: &[Word<'_>], token_side: &mut [Option<Side>]) {
    let mut known: std::collections::HashMap<(&str, &str), Side> = Default::default();
    let n = lower.len().min(token_side.len());
    for k in 0..n {
        let number = lower[k].as_ref();
        if !is_ordinal(number) {
            continue;
        }
        // The formation noun within three words: "90th Airmobile Battalion".
        let Some(noun) =
            (k + 1..n.min(k + 4)).find(|&j| FORMATION_NOUNS.contains(&lower[j].as_ref()))
        else {
            continue;
        };
        let formation = lower[noun].trim_end_matches('s');
        // Its side: on the number or the word before it ("Russian 74th",
        // "Ukraine's 81st"), or a parent after "of" ("… Battalion of
        // Ukraine's 81st Brigade").
        let parent = (noun + 1 < n && lower[noun + 1] == "of")
            .then(|| (noun + 2..n.min(noun + 4)).find_map(|j| token_side[j]))
            .flatten();
        let stated = token_side[k]
            .or_else(|| k.checked_sub(1).and_then(|j| token_side[j]))
            .or(parent)
            .filter(|s| matches!(s, Side::RU | Side::UA));
        match stated {
            Some(side) => {
                known.insert((number, formation), side);
            }
            None => {
                if let Some(&side) = known.get(&(number, formation)) {
                    token_side[k] = Some(side);
                }
            }
        }
    }
}

/// "90th", "1st", "752nd": a number with an ordinal ending.
fn is_ordinal(word: &str) -> bool {
    let digits = word.trim_start_matches(|c: char| c.is_ascii_digit());
    digits.len() < word.len() && matches!(digits, "st" | "nd" | "rd" | "th")
}

#[cfg(test)]
mod tests {
    use crate::{extract, Article, Gazetteer, Side};

    fn events(text: &str) -> Vec<(String, Side, String, String)> {
        let gaz = Gazetteer::bundled();
        extract(&gaz, &Article::new(text))
            .events
            .into_iter()
            .map(|e| {
                (
                    e.action.label().to_string(),
                    e.actor,
                    e.actor_name,
                    e.place.name,
                )
            })
            .collect()
    }

    #[test]
    fn a_numbered_unit_keeps_the_side_it_was_named_with_in_an_earlier_sentence() {
        let ev = events(
            "The 90th Airmobile Battalion of Ukraine's 81st Airmobile Brigade was sent east. \
             Elements of the 90th Battalion arrived in Izium on 6 March.",
        );
        assert!(
            ev.iter()
                .any(|(action, side, _, place)| action == "deployment"
                    && *side == Side::UA
                    && place == "Izyum"),
            "{ev:?}"
        );
        // Another unit of the same number keeps no side.
        let ev = events(
            "The 90th Airmobile Battalion of Ukraine's 81st Airmobile Brigade was sent east. \
             Elements of the 90th Regiment arrived in Izium on 6 March.",
        );
        assert!(ev.iter().all(|(_, side, _, _)| *side != Side::UA), "{ev:?}");
    }

    #[test]
    fn an_ordinal_is_a_number_with_an_ordinal_ending() {
        for word in ["90th", "1st", "752nd", "3rd"] {
            assert!(super::is_ordinal(word), "{word}");
        }
        for word in ["th", "90", "north", "1990s"] {
            assert!(!super::is_ordinal(word), "{word}");
        }
    }

    #[test]
    fn named_actors_give_their_side_and_their_name() {
        for (text, side, name) in [
            ("NAF shelled Avdiivka.", Side::RU, "NAF"),
            ("Wagner fighters attacked Bakhmut.", Side::RU, "Wagner"),
            ("Akhmat units stormed Marinka.", Side::RU, "Akhmat"),
            ("The ZSU shelled Horlivka.", Side::UA, "ZSU"),
            ("Kraken fighters recaptured Vovchansk.", Side::UA, "Kraken"),
            (
                "The Territorial Defence repelled an assault near Lyptsi.",
                Side::UA,
                "Territorial Defence",
            ),
            ("Russian forces shelled Kupiansk.", Side::RU, ""),
            (
                "The 128th Mountain Assault Brigade recaptured Kreminna.",
                Side::UA,
                "Mountain Assault Brigade",
            ),
            (
                "The 752nd Motorized Rifle Regiment shelled Drobysheve.",
                Side::RU,
                "Motor Rifle",
            ),
        ] {
            let found = events(text);
            assert_eq!(
                (found[0].1, found[0].2.as_str()),
                (side, name),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn every_name_begins_with_a_word_the_quick_test_knows() {
        for (words, name, _) in super::NAMED {
            assert!(super::begins_a_name(words[0]), "{name}");
        }
    }

    #[test]
    fn a_republic_or_its_militia_is_an_actor_and_no_place() {
        use super::names_a_formation;
        assert!(names_a_formation("Luhansk", " People's Republic (LPR) and"));
        assert!(names_a_formation("Donetsk", " People’s Militia shelled"));
        assert!(names_a_formation("Luhansk", " PR forces"));
        assert!(names_a_formation("LPR", ") and the Russian"));
        assert!(names_a_formation("Luhansk People's Republic", " (LPR)"));
        assert!(!names_a_formation("Luhansk", " Oblast, the people's"));
        assert!(!names_a_formation("Kyiv", ", a PR agency"));
        assert!(!names_a_formation("Luhansk", " Prosecutor"));
        let lower: Vec<super::Word<'_>> =
            ["troops", "of", "the", "luhansk", "people's", "republic"]
                .into_iter()
                .map(Into::into)
                .collect();
        assert_eq!(super::named_side(&lower, 5), Some(Side::RU));
    }

    #[test]
    fn a_peoples_republic_acts_and_is_no_event_place() {
        let ev = events(
            "Troops of the Luhansk People's Republic (LPR) began advancing towards Popasna.",
        );
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!(ev[0].0, "advance");
        assert_eq!(ev[0].1, Side::RU);
        assert_eq!(ev[0].3, "Popasna");
    }

    #[test]
    fn the_sea_of_azov_is_no_actor() {
        let found = events("Russian ships in the Sea of Azov shelled Berdiansk.");
        assert_eq!(
            (found[0].1, found[0].2.as_str()),
            (Side::RU, ""),
            "{found:?}"
        );
    }

    #[test]
    fn monitor_phrasings_are_events() {
        let found =
            events("Russian forces dropped an explosive from a drone on positions in Bilohorivka.");
        assert_eq!(
            (found[0].0.as_str(), found[0].1),
            ("air_strike", Side::RU),
            "{found:?}"
        );
        let found = events("Russian forces carried out airstrikes at Vovchansk.");
        assert_eq!(
            (found[0].0.as_str(), found[0].1),
            ("air_strike", Side::RU),
            "{found:?}"
        );
        let found = events("DPR forces fired at positions near Marinka using grenade launchers.");
        assert_eq!(
            (found[0].0.as_str(), found[0].2.as_str()),
            ("shelling", "DPR"),
            "{found:?}"
        );
        let found = events("Ukrainian positions near Krynky were fired upon by Russian forces.");
        assert_eq!(
            (found[0].0.as_str(), found[0].1),
            ("shelling", Side::RU),
            "{found:?}"
        );
        // The attacker repelled is the target.
        let found = events("Ukrainian forces repelled the assault on Robotyne.");
        assert_eq!(
            (found[0].0.as_str(), found[0].1),
            ("repelled", Side::UA),
            "{found:?}"
        );
    }

    #[test]
    fn aims_and_plans_are_not_events() {
        assert!(events("Russia aims to capture Pokrovsk.").is_empty());
        assert!(events("Russian forces plan to seize Kurakhove this month.").is_empty());
        assert!(events("Russian objective: capture Siversk.").is_empty());
        assert_eq!(events("Russian forces captured Siversk.").len(), 1);
    }
}
