//! Trigger words: the action a word or phrase reports, and whether it
//! reports or only describes ("occupied areas").

use super::*;

/// A trigger word found in a sentence.
#[derive(Clone, Debug)]
pub(super) struct Trigger {
    /// Token index.
    pub(super) at: usize,
    pub(super) action: Action,
    /// For "forced X from", "pushed X back": the object is the loser.
    pub(super) object_loses: bool,
    /// A participle after a comma (", pushing back…") elaborates the
    /// trigger before it: its places are that trigger's places too.
    pub(super) elaborates: bool,
}

/// The trigger a sentence without one inherits from the sentence before:
/// when that sentence reported fighting or movement and this one's subject
/// is the same side ("Ukrainian forces", "they"). The trigger stands on the
/// word after the subject.
pub(super) fn carried_over(
    lower: &[Word<'_>],
    token_side: &[Option<Side>],
    first: usize,
    last: usize,
    sentence: usize,
    events: &[Event],
) -> Option<Trigger> {
    let prev = events.last().filter(|e| e.sentence + 1 == sentence)?;
    if !matches!(
        prev.action,
        Action::Advance
            | Action::Counterattack
            | Action::Assault
            | Action::Clash
            | Action::Deployment
    ) || prev.actor == Side::Unknown
    {
        return None;
    }
    let subject = (first..=last).rev().find(|&k| {
        token_side[k] == Some(prev.actor)
            && lower
                .get(k + 1)
                .is_some_and(|n| UNIT_WORDS.contains(&n.as_ref()))
            || matches!(lower[k].as_ref(), "they" | "they’re" | "they're")
    })?;
    (subject < last).then_some(Trigger {
        at: subject + 1,
        action: prev.action,
        object_loses: false,
        elaborates: false,
    })
}

/// True when a trigger word describes rather than reports: in a relative
/// clause ("forces that occupied"), joined to a word before it
/// ("long-occupied", "Russian-held"), or before a noun ("occupied areas").
pub(super) fn descriptive(lower: &[Word<'_>], gaps: &[&str], first: usize, k: usize) -> bool {
    let before = if k > first { lower[k - 1].as_ref() } else { "" };
    let hyphenated = k > first && gaps[k - 1] == "-";
    let participle = lower[k].ends_with("ed")
        || matches!(
            lower[k].as_ref(),
            "held" | "hit" | "struck" | "taken" | "retaken" | "overrun" | "shot" | "fought"
        );
    // "which Russia has occupied since 2022": a state, not an event.
    let relative_state = (k.saturating_sub(4).max(first)..k)
        .any(|j| matches!(lower[j].as_ref(), "which" | "that"))
        && (k + 1..(k + 4).min(lower.len())).any(|j| lower[j] == "since");
    // "towns hit by raids": a reduced relative clause after a noun.
    let after_noun = DESCRIBED.contains(&before)
        && participle
        && lower
            .get(k + 1)
            .is_some_and(|n| matches!(n.as_ref(), "by" | "in" | "during" | "since" | "last"));
    // "shelled occupied Horlivka", "in liberated Kherson": an adjective.
    let after_verb_or_preposition = action_of(before).is_some()
        || matches!(
            before,
            "in" | "of" | "from" | "into" | "on" | "at" | "near" | "toward" | "towards" | "to"
        );
    // "the recently liberated village", but not "forces recently advanced".
    let determiner_adverb = matches!(
        before,
        "newly" | "recently" | "temporarily" | "partially" | "fully"
    ) && k >= first + 2
        && matches!(lower[k - 2].as_ref(), "the" | "a" | "an");
    // "by Ukrainian assault groups", "Russian attack drones", "two assault
    // brigades": a noun that names a kind of unit or weapon, inside a noun
    // phrase (after a side, a determiner or a number), not a verb after its
    // subject ("drones attack troops near…").
    let in_noun_phrase = side_of_word(before).is_some()
        || before.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || matches!(
            before,
            "a" | "an"
                | "the"
                | "of"
                | "by"
                | "their"
                | "its"
                | "two"
                | "three"
                | "four"
                | "five"
                | "several"
                | "many"
                | "multiple"
                | "small"
                | "new"
        );
    let names_a_force = in_noun_phrase
        && !participle
        && !lower[k].ends_with("ing")
        && gaps.get(k) == Some(&" ")
        && lower.get(k + 1).is_some_and(|n| {
            UNIT_WORDS.contains(&n.as_ref()) || DESCRIBED_FORCES.contains(&n.as_ref())
        });
    names_a_force
        || (matches!(before, "that" | "which" | "who" | "the" | "a" | "an")
        || determiner_adverb
        || after_verb_or_preposition)
        && participle
        || (matches!(before, "that" | "which" | "who") && !begins_reported_clause(lower, first, k))
        || (hyphenated && participle)
        || relative_state
        || after_noun
        // "occupied areas", but not "forces recaptured positions" or "have
        // seized villages": after a subject or an auxiliary it is a verb.
        || (participle
            && lower
                .get(k + 1)
                .is_some_and(|n| DESCRIBED.contains(&n.as_ref()))
            && gaps[k] == " "
            && !is_subject_or_auxiliary(before))
}

/// Triggers that act only on a place right after them: "take" in its forms
/// other than "took" ("taking the towns of …", not "take years"), and
/// "reach" ("reached the outskirts of Pokrovsk", not "reached an
/// agreement").
pub(super) fn is_take(word: &str) -> bool {
    matches!(
        word,
        "taking"
            | "taken"
            | "take"
            | "takes"
            | "reach"
            | "reached"
            | "reaching"
            | "reaches"
            | "cleared"
            | "clearing"
            | "entered"
            | "entering"
    )
}

/// A subject that acts: a unit ("forces"), "they", "the army".
pub(super) fn is_subject(word: &str) -> bool {
    UNIT_WORDS.contains(&word) || matches!(word, "they" | "army" | "military")
}

/// Whether "hold"/"control" after `before2 before` states who holds a
/// place: after a subject ("forces control"), an adverb ("still hold"),
/// "continue to" (not "attempting to hold": an aim), or a side after
/// "under" ("under Russian control").
pub(super) fn holds_after(before: &str, before2: &str) -> bool {
    before2 == "under"
        || (before == "to" && matches!(before2, "continue" | "continues" | "continued"))
        || is_subject(before)
        || matches!(
            before,
            "still"
                | "now"
                | "fully"
                | "partially"
                | "largely"
                | "reportedly"
                | "also"
                | "firmly"
                | "continue"
                | "continues"
                | "mostly"
        )
}

/// Words after which a participle is a verb: subjects, "we", auxiliaries
/// ("have", "had") and adverbs of time ("recently").
pub(super) fn is_subject_or_auxiliary(word: &str) -> bool {
    is_subject(word)
        || matches!(
            word,
            "we" | "have"
                | "has"
                | "had"
                | "recently"
                | "also"
                | "again"
                | "successfully"
                | "reportedly"
                | "likely"
                | "already"
        )
}

pub(super) fn find_triggers(
    lower: &[Word<'_>],
    facts: &[WordFacts],
    gaps: &[&str],
    first: usize,
    last: usize,
) -> Vec<Trigger> {
    let mut out: Vec<Trigger> = Vec::new();
    let air = facts[first..=last]
        .iter()
        .any(|f| f.lists & Lists::AIR != 0);
    let mut k = first;
    while k <= last {
        let w = lower[k].as_ref();
        let next = lower.get(k + 1).map(|w| &**w).unwrap_or("");
        // Multi-word triggers first; most words begin none.
        let next2 = lower.get(k + 2).map(|w| &**w).unwrap_or("");
        let head = facts[k].head;
        // "forces still hold", "continue to hold": the words before make
        // "hold" (and "maintain") a verb of holding.
        let held_after = || {
            k > first
                && holds_after(
                    &lower[k - 1],
                    if k >= first + 2 { &lower[k - 2] } else { "" },
                )
        };
        let multi = if head == 0 {
            None
        } else if head & Head::DIG != 0 && next == "in" {
            Some(Action::Fortification)
        } else if head & Head::TAKE != 0 && next == "control" {
            // "had taken control of", "established full control over".
            Some(Action::Capture)
        } else if head & Head::TAKE_FULL != 0
            && matches!(next, "full" | "complete" | "total")
            && next2 == "control"
        {
            Some(Action::Capture)
        } else if head & Head::PULL != 0 && matches!(next, "out" | "back") {
            Some(Action::Withdrawal)
        } else if head & Head::PRESS != 0
            && matches!(next, "on" | "ahead" | "forward" | "toward" | "towards")
        {
            // "pressed on toward Kramatorsk".
            Some(Action::Advance)
        } else if head & Head::CLOSE != 0 && next == "in"
            || head & Head::BREAK != 0 && next == "through"
        {
            // "closing in on Pokrovsk", "broke through Ukrainian defences".
            Some(Action::Advance)
        } else if head & Head::REMAIN != 0 && next == "contested"
            || head & Head::GRAY != 0 && next == "zone"
        {
            // "Terny remains contested", "in the gray zone": fought over.
            Some(Action::Clash)
        } else if head & Head::LOSE != 0 && next == "control" {
            // "Ukraine lost control of Avdiivka": the loser withdrew.
            Some(Action::Withdrawal)
        } else if head & Head::LOSE != 0
            && lower[k + 1..=last.min(k + 5)]
                .iter()
                .any(|x| CASUALTIES.contains(&x.as_ref()))
        {
            // "the enemy lost 120 servicemen near Vuhledar": fighting there.
            Some(Action::Clash)
        } else if head & Head::HOLD != 0 && held_after() {
            // "forces still hold Vuhledar", "Russian forces control most of
            // Niu-York", "continue to hold", "under Russian control".
            Some(Action::Hold)
        } else if head & Head::MAINTAIN != 0
            && held_after()
            && matches!(next, "positions" | "control" | "presence")
        {
            // "Ukrainian forces maintain positions in Synkivka" (but not
            // "maintain pressure on").
            Some(Action::Hold)
        } else if head & Head::HANDS != 0
            && k >= first + 2
            && lower[k - 2] == "in"
            && matches!(
                strip_possessive(&lower[k - 1]),
                "russian" | "ukrainian" | "russia" | "ukraine"
            )
        {
            // "remains in Ukrainian hands".
            Some(Action::Hold)
        } else if head & Head::FALL != 0 && next == "to" {
            Some(Action::Capture)
        } else if head & Head::IMPROVE != 0
            && lower[k + 1..=last.min(k + 3)]
                .iter()
                .any(|x| matches!(x.as_ref(), "position" | "positions"))
        {
            // "improved their tactical position near X": an advance, as
            // Russia's ministry words it.
            Some(Action::Advance)
        } else if head & Head::BEAT != 0 && next == "back"
            || head & Head::FIGHT != 0 && next == "off"
        {
            // "beat back an assault", "fought off attacks".
            Some(Action::Repelled)
        } else if head & Head::STOP != 0
            && lower[k + 1..=last.min(k + 4)].iter().any(|x| {
                matches!(
                    x.as_ref(),
                    "assault"
                        | "assaults"
                        | "attack"
                        | "attacks"
                        | "advance"
                        | "advances"
                        | "offensive"
                        | "attempt"
                        | "attempts"
                        | "push"
                        | "breakthrough"
                )
            })
        {
            // "stopped a Russian mechanized assault", "thwarted an attempt
            // to advance": the attack was repelled.
            Some(Action::Repelled)
        } else if head & Head::DRIVE != 0 {
            // "pushed Russian forces back" / "forced Ukrainian troops from".
            let rest = &lower[k + 1..=last.min(k + 6)];
            let driven = if rest.iter().any(|x| x == "back" || x == "out") {
                Some(Action::Counterattack)
            } else if rest.iter().any(|x| x == "from") {
                Some(Action::Capture)
            } else {
                None
            };
            if let Some(action) = driven {
                // The object is who lost the ground.
                out.push(Trigger {
                    at: k,
                    action,
                    object_loses: true,
                    elaborates: false,
                });
                k += 1;
                continue;
            }
            None
        } else {
            None
        };
        // "launched missiles at", "fired rockets on": a strike.
        if head & Head::LAUNCH != 0 {
            let weapon = (k + 1..=last.min(k + 3)).find_map(|j| match lower[j].as_ref() {
                "missile" | "missiles" | "rockets" | "rocket" | "shells" => Some(Action::Shelling),
                "drones" | "drone" | "bombs" => Some(Action::AirStrike),
                _ => None,
            });
            if let Some(action) = weapon {
                out.push(Trigger {
                    at: k,
                    action,
                    object_loses: false,
                    elaborates: false,
                });
                k += 1;
                continue;
            }
        }
        if let Some(action) = multi {
            out.push(Trigger {
                at: k,
                action,
                object_loses: false,
                elaborates: false,
            });
            k += 2;
            continue;
        }
        // "pushed toward", "pushing deeper into", but not "pushed new
        // sanctions" or "pushed for talks".
        let undirected_push = w.starts_with("push")
            && !matches!(
                next,
                "toward"
                    | "towards"
                    | "into"
                    | "forward"
                    | "deeper"
                    | "further"
                    | "ahead"
                    | "on"
                    | "onward"
                    | "west"
                    | "westward"
                    | "east"
                    | "eastward"
                    | "north"
                    | "northward"
                    | "south"
                    | "southward"
                    | "through"
                    | "closer"
                    | "in"
                    | "past"
                    | "beyond"
                    | "across"
                    | "along"
                    | "to"
                    | "up"
            );
        if undirected_push {
            k += 1;
            continue;
        }
        // "suffered heavy losses near Robotyne", "inflicting losses on the
        // enemy near Krynky": fighting; "economic losses" are none.
        if matches!(w, "losses" | "casualties")
            && lower[first.max(k.saturating_sub(3))..k].iter().any(|x| {
                matches!(
                    x.as_ref(),
                    "suffered"
                        | "suffering"
                        | "suffers"
                        | "inflicted"
                        | "inflicting"
                        | "inflicts"
                        | "heavy"
                        | "significant"
                        | "considerable"
                )
            })
        {
            out.push(Trigger {
                at: k,
                action: Action::Clash,
                object_loses: false,
                elaborates: false,
            });
            k += 1;
            continue;
        }
        // "infantry fighting vehicles", "combat vehicles": equipment.
        let equipment = matches!(next, "vehicle" | "vehicles");
        if let Some(mut action) = facts[k].action.filter(|_| !equipment) {
            if action == Action::Shelling && air {
                action = Action::AirStrike;
            }
            // "defensive fortifications": one trigger; "air strike(s)",
            // "drone attack", "missile attack": strikes, not assaults.
            if (w.starts_with("strike") || w.starts_with("attack"))
                && k > first
                && matches!(
                    lower[k - 1].as_ref(),
                    "air"
                        | "drone"
                        | "drones"
                        | "aerial"
                        | "bomb"
                        | "missile"
                        | "missiles"
                        | "rocket"
                        | "rockets"
                        | "artillery"
                )
            {
                action = if matches!(
                    lower[k - 1].as_ref(),
                    "missile" | "missiles" | "rocket" | "rockets" | "artillery"
                ) {
                    Action::Shelling
                } else {
                    Action::AirStrike
                };
            }
            // "regained ground near Vovchansk": ground gained is an advance,
            // no place taken.
            if action == Action::Capture && next == "ground" {
                action = Action::Advance;
            }
            // "Russian attacks killed three people": attacks that kill and
            // damage from afar are strikes, not assaults.
            if action == Action::Assault
                && w.starts_with("attack")
                && matches!(
                    next,
                    "killed"
                        | "kill"
                        | "kills"
                        | "injured"
                        | "injure"
                        | "injures"
                        | "wounded"
                        | "damaged"
                        | "destroyed"
                )
            {
                action = if air {
                    Action::AirStrike
                } else {
                    Action::Shelling
                };
            }
            if !descriptive(lower, gaps, first, k) {
                out.push(Trigger {
                    at: k,
                    action,
                    object_loses: false,
                    elaborates: false,
                });
            }
        }
        k += 1;
    }
    // One trigger per word run: "attacked and captured" keeps both, but a
    // clash word right after another trigger adds nothing.
    out.dedup_by(|b, a| b.at == a.at + 1 && b.action == Action::Clash);
    // "repelled Russian assaults": the assaults are what was repelled.
    // So are "repelled counterattacks" (a noun), but not "repelled an
    // assault and counterattacked" (a verb: an action of its own).
    out.dedup_by(|b, a| {
        let repelled_noun = match b.action {
            Action::Assault | Action::Clash => true,
            Action::Counterattack => {
                let w = lower[b.at].as_ref();
                w.ends_with("attack") || w.ends_with("attacks") || w.ends_with("offensive")
            }
            _ => false,
        };
        a.action == Action::Repelled && repelled_noun && b.at <= a.at + 4
    });
    out
}
