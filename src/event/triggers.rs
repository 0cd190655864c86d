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
    /// Only planned or aimed at ("plans to capture"): it takes the places
    /// it reaches, but reports no event at them.
    pub(super) planned: bool,
    /// The side a word joined to the trigger names ("Russian-held",
    /// "government-held"): the actor, whatever the clause says.
    pub(super) side: Option<Side>,
    /// A battle that only dates or motivates the sentence ("after the
    /// conclusion of the battle of Bakhmut"): planned, it reports nothing,
    /// and takes only the places of its own phrase.
    pub(super) frame: bool,
}

impl Trigger {
    /// A trigger of `action` at word `at`, reported as done.
    pub(super) fn new(at: usize, action: Action) -> Trigger {
        Trigger {
            at,
            action,
            object_loses: false,
            elaborates: false,
            planned: false,
            side: None,
            frame: false,
        }
    }

    /// True for a state written as an adjective before its place
    /// ("Russian-held Kreminna"): it takes the place after it, and that
    /// place stays the clause's trigger's too.
    pub(super) fn is_adjective(&self) -> bool {
        self.side.is_some()
    }
}

/// The side a word joined to "-held", "-occupied" or "-controlled" names:
/// a side word ("Russian-held", "Kyiv-controlled"), "government" (Kyiv's,
/// in reporting on this war), "separatist" or "rebel" (Russia's).
pub(super) fn side_of_holder(word: &str) -> Option<Side> {
    match word {
        "government" => Some(Side::UA),
        "rebel" => Some(Side::RU),
        _ => side_of_word(word).filter(|s| matches!(s, Side::RU | Side::UA)),
    }
}

impl Sentence<'_, '_> {
    /// True when a trigger word describes rather than reports: in a relative
    /// clause ("forces that occupied"), joined to a word before it
    /// ("long-occupied", "Russian-held"), or before a noun ("occupied areas").
    pub(super) fn descriptive(&self, k: usize) -> bool {
        let (lower, gaps, first) = (self.lower, self.gaps, self.first);
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
            || (matches!(before, "that" | "which" | "who") && !self.begins_reported_clause(k))
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

    /// Whether the words around word `k` (in the sentence `first..=last`)
    /// complete a phrase that begins there.
    pub(super) fn phrase_matches(&self, then: Then, k: usize) -> bool {
        let (lower, first, last) = (self.lower, self.first, self.last);
        let next = lower.get(k + 1).map(|w| &**w).unwrap_or("");
        let held = || {
            k > first
                && holds_after(
                    &lower[k - 1],
                    if k >= first + 2 { &lower[k - 2] } else { "" },
                )
        };
        match then {
            Then::Next(words) => words.contains(&next),
            Then::HoldsOut => self.holds_out(k),
            Then::NextTwo(words, then) => {
                words.contains(&next) && lower.get(k + 2).map(|w| &**w).unwrap_or("") == then
            }
            Then::Within(n, words) => lower[k + 1..=last.min(k + n)]
                .iter()
                .any(|x| words.contains(&x.as_ref())),
            Then::Held => held(),
            Then::HeldBefore(words) => held() && words.contains(&next),
            Then::HeldVerb(not) => {
                let auxiliary =
                    k > first && matches!(lower[k - 1].as_ref(), "have" | "has" | "had");
                let object = if matches!(next, "a" | "an" | "the") {
                    lower.get(k + 2).map(|w| &**w).unwrap_or("")
                } else {
                    next
                };
                (held() || auxiliary) && !not.contains(&next) && !not.contains(&object)
            }
            Then::CameUnder => {
                let came = |j: usize| {
                    matches!(
                        lower[j].as_ref(),
                        "came" | "come" | "comes" | "coming" | "fell" | "falls" | "passed"
                    )
                };
                let under = |j: usize| j > first && lower[j] == "under" && came(j - 1);
                (k >= first + 2 && under(k - 1)) || (k >= first + 3 && under(k - 2))
            }
            Then::AfterBe => {
                k > first
                    && matches!(
                        lower[k - 1].as_ref(),
                        "is" | "are" | "was" | "were" | "been" | "still" | "remain" | "remains"
                    )
            }
            Then::InSideOf => {
                k >= first + 2
                    && lower[k - 2] == "in"
                    && matches!(
                        strip_possessive(&lower[k - 1]),
                        "russian" | "ukrainian" | "russia" | "ukraine"
                    )
            }
        }
    }

    /// "closed within 20 kilometers of Soledar", "stood under 3 kilometres
    /// from the city center": a verb of coming close ([`APPROACH_VERBS`]),
    /// "within" or "under", a number, a distance unit, and "of" or "from".
    pub(super) fn closes_within(&self, k: usize) -> bool {
        let (lower, last) = (self.lower, self.last);
        k + 4 <= last
            && APPROACH_VERBS.contains(&lower[k].as_ref())
            && matches!(lower[k + 1].as_ref(), "within" | "under")
            && lower[k + 2].parse::<f64>().is_ok()
            && DISTANCE_UNITS.contains(&lower[k + 3].as_ref())
            && matches!(lower[k + 4].as_ref(), "of" | "from")
    }

    /// Whether the battle noun at `k` only dates or motivates what is
    /// told: after a temporal preposition and "the" ("since the Battle of
    /// Bakhmut", "prior to the battle"), after one and a phase of it ("after
    /// the conclusion of the battle of Avdiivka"), or a purpose ("in
    /// preparation for street battles").
    pub(super) fn frames_a_battle(&self, k: usize) -> bool {
        let (lower, first) = (self.lower, self.first);
        let word = |j: usize| -> &str {
            if j >= first && j < k {
                lower[j].as_ref()
            } else {
                ""
            }
        };
        let temporal = |j: usize| {
            TEMPORAL_PREPOSITIONS.contains(&word(j))
                || (word(j) == "to" && j > first && word(j - 1) == "prior")
        };
        let before_the = k >= first + 2 && word(k - 1) == "the";
        (before_the && temporal(k - 2))
            || (before_the
                && k >= first + 5
                && word(k - 2) == "of"
                && PHASE_NOUNS.contains(&word(k - 3))
                && word(k - 4) == "the"
                && temporal(k - 5))
            || (k >= first + 3 && (k - 3..k).any(|j| word(j) == "preparation"))
    }

    /// Whether the words from `j` count people or life lost: "the loss of
    /// 100 soldiers", "loss of life".
    fn loses_people(&self, j: usize) -> bool {
        let Some(w) = self.lower.get(j).filter(|_| j <= self.last) else {
            return true;
        };
        w.bytes().next().is_some_and(|b| b.is_ascii_digit())
            || matches!(
                w.as_ref(),
                "life"
                    | "lives"
                    | "personnel"
                    | "soldiers"
                    | "troops"
                    | "men"
                    | "equipment"
                    | "contact"
                    | "power"
                    | "territory"
                    | "ground"
            )
            || CASUALTIES.contains(&w.as_ref())
    }

    /// Whether the siege noun at `k` is the object of a verb that ends it:
    /// "ending the siege", "broke the encirclement of the city".
    pub(super) fn ends_a_siege(&self, k: usize) -> bool {
        let lower = self.lower;
        let verb = if k > self.first && lower[k - 1] == "the" {
            k - 1
        } else {
            k
        };
        verb > self.first && SIEGE_ENDS.contains(&lower[verb - 1].as_ref())
    }

    pub(super) fn find_triggers(&self) -> Vec<Trigger> {
        let (lower, facts, first, last) = (self.lower, self.facts, self.first, self.last);
        let mut out: Vec<Trigger> = Vec::new();
        let air = facts[first..=last]
            .iter()
            .any(|f| f.lists & Lists::AIR != 0);
        let mut k = first;
        while k <= last {
            let w = lower[k].as_ref();
            let next = lower.get(k + 1).map(|w| &**w).unwrap_or("");
            // Multi-word triggers first; most words begin none.
            let head = facts[k].head;
            let multi = if head & !(HEAD_DRIVE | HEAD_LAUNCH) == 0 {
                None
            } else {
                PHRASES
                    .iter()
                    .enumerate()
                    .find(|&(bit, p)| head & (1 << bit) != 0 && self.phrase_matches(p.then, k))
                    .map(|(_, p)| p.action)
            };
            // "push" and "pushes" drive only with an object after them
            // ("push Russian forces out of"), not as a noun ("a push from").
            let drives_object = !matches!(w, "push" | "pushes")
                || side_of_word(next).is_some()
                || matches!(next, "the" | "enemy" | "them");
            if multi.is_none() && head & HEAD_DRIVE != 0 && drives_object {
                // "pushed Russian forces back" / "forced Ukrainian troops from".
                // ("drove Russian forces 6–10 kilometers away from
                // Kreminna": eight words.)
                let rest = &lower[k + 1..=last.min(k + 8)];
                let driven = if rest
                    .iter()
                    .any(|x| x == "back" || x == "out" || x == "away")
                {
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
                        planned: false,
                        side: None,
                        frame: false,
                    });
                    k += 1;
                    continue;
                }
            }
            // "launched missiles at", "fired rockets on": a strike.
            if head & HEAD_LAUNCH != 0 {
                let weapon = (k + 1..=last.min(k + 3)).find_map(|j| launched_weapon(&lower[j]));
                if let Some(action) = weapon {
                    out.push(Trigger::new(k, action));
                    k += 1;
                    continue;
                }
            }
            if let Some(action) = multi {
                out.push(Trigger::new(k, action));
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
                out.push(Trigger::new(k, Action::Clash));
                k += 1;
                continue;
            }
            // "the battle lines remained static": where the front runs.
            if matches!(w, "battle" | "battles") && matches!(next, "line" | "lines") {
                out.push(Trigger {
                    planned: true,
                    frame: true,
                    ..Trigger::new(k, Action::Clash)
                });
                k += 2;
                continue;
            }
            // "began moving towards the city of Chernihiv": an advance on it.
            if MOVES.contains(&w)
                && (k + 1..=last.min(k + 3))
                    .any(|j| matches!(lower[j].as_ref(), "toward" | "towards"))
                && !self.descriptive(k)
            {
                out.push(Trigger::new(k, Action::Advance));
                k += 1;
                continue;
            }
            // "had closed within 20 kilometers of Soledar": an approach.
            if self.closes_within(k) {
                out.push(Trigger::new(k, Action::Advance));
                k += 1;
                continue;
            }
            // "completed the encirclement of Chernihiv": an assault by the
            // encircler (not "to avoid encirclement", "faces encirclement").
            if w == "encirclement" && next == "of" && !self.ends_a_siege(k) {
                out.push(Trigger::new(k, Action::Assault));
                k += 1;
                continue;
            }
            // "confirmed the loss of Marinka": the loser withdrew (not "the
            // loss of 100 soldiers", "loss of life").
            if w == "loss" && next == "of" && !self.loses_people(k + 2) {
                out.push(Trigger::new(k, Action::Withdrawal));
                k += 1;
                continue;
            }
            // "infantry fighting vehicles", "combat vehicles": equipment;
            // "a battle took place", "took part", "took advantage": no taking.
            let equipment = matches!(next, "vehicle" | "vehicles")
                // "took advantage of", "take note", "took time": no taking.
                || (w.starts_with("t")
                    && matches!(next, "place" | "part" | "advantage" | "note" | "time"))
                // "an artillery base", "artillery units": things, not fire.
                || (w == "artillery" && ARMS_NOUNS.contains(&next));
            // "since the Battle of Bakhmut", "during the battle for Kyiv": a
            // battle that dates what is told, no event of the sentence.
            // So do "prior to the battle", "after the conclusion of the
            // battle of Avdiivka", and "in preparation for street battles"
            // names a purpose.
            // Like a plan, such a battle keeps the places it names ("the
            // battle of Bakhmut") from the sentence's events.
            let time_frame = TIME_FRAME_NOUNS.contains(&w) && self.frames_a_battle(k);
            if time_frame {
                out.push(Trigger {
                    planned: true,
                    frame: true,
                    ..Trigger::new(k, Action::Clash)
                });
                k += 1;
                continue;
            }
            // "Russian-held Kreminna", "the government-held town of Marinka",
            // "Russian-occupied Melitopol": a hold by the side joined to it.
            if matches!(w, "held" | "occupied" | "controlled")
                && k > first
                && self.gaps[k - 1] == "-"
            {
                if let Some(side) = side_of_holder(&lower[k - 1]) {
                    out.push(Trigger {
                        side: Some(side),
                        ..Trigger::new(k, Action::Hold)
                    });
                    k += 1;
                    continue;
                }
            }
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
                if is_siege_noun(w) && self.ends_a_siege(k) {
                    k += 1;
                    continue;
                }
                if !self.descriptive(k) {
                    out.push(Trigger::new(k, action));
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

    /// The trigger a sentence without one inherits from the sentence before:
    /// when that sentence reported fighting or movement and this one's subject
    /// is the same side ("Ukrainian forces", "they"). The trigger stands on the
    /// word after the subject.
    pub(super) fn carried_over(
        &self,
        token_side: &[Option<Side>],
        sentence: usize,
        events: &[Event],
    ) -> Option<Trigger> {
        let (lower, first, last) = (self.lower, self.first, self.last);
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
        (subject < last).then_some(Trigger::new(subject + 1, prev.action))
    }
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
/// "continue to" (not "attempting to hold": an aim), "in" or "under"
/// ("remained in control of", "under occupation"), a side after "under" or
/// "within" ("under Russian control"), or a side's possessive ("Ukraine's
/// control of").
pub(super) fn holds_after(before: &str, before2: &str) -> bool {
    matches!(before2, "under" | "within")
        // "remained in control of", "under occupation".
        || matches!(before, "in" | "under" | "within")
        // "Ukraine's control of Avdiivka".
        || (before.ends_with('s') && strip_possessive(before).len() < before.len()
            && side_of_word(before).is_some())
        || (before == "to"
            && matches!(
                before2,
                "continue" | "continues" | "continued"
                    // "Russia claimed to control 93% of Luhansk Oblast".
                    | "claimed" | "claims" | "claim" | "appeared" | "appears" | "said"
            ))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// The actions of a sentence's triggers, in text order.
    fn actions(text: &str) -> Vec<Action> {
        let t = tokenize(text);
        let facts = words::facts(&t.lower);
        let gaps: Vec<&str> = (0..t.tokens.len()).map(|k| t.gap(k)).collect();
        Sentence::whole(&t, &gaps, &facts)
            .find_triggers()
            .iter()
            .map(|tr| tr.action)
            .collect()
    }

    #[test]
    fn an_encirclement_or_siege_is_an_assault_and_ending_one_is_none() {
        assert_eq!(
            actions("Russian forces encircled the city and put it under siege."),
            [Action::Assault, Action::Assault]
        );
        assert_eq!(
            actions("They had completed the encirclement of the town."),
            [Action::Assault]
        );
        assert_eq!(
            actions("Russian troops besieged the city."),
            [Action::Assault]
        );
        assert!(actions("The troops withdrew to avoid encirclement.")
            .iter()
            .all(|&a| a != Action::Assault));
        assert!(actions("The army recaptured a road, ending the siege.")
            .iter()
            .all(|&a| a != Action::Assault));
        assert!(actions("They broke the encirclement of the town.").is_empty());
    }

    #[test]
    fn moving_toward_a_place_is_an_advance_on_it() {
        assert_eq!(
            actions("Troops began moving towards the city."),
            [Action::Advance]
        );
        assert_eq!(
            actions("Tanks began heading towards the town."),
            [Action::Advance]
        );
        assert_eq!(
            actions("The brigade moved its headquarters."),
            [Action::Deployment]
        );
    }

    #[test]
    fn a_phrase_is_read_only_with_the_words_it_needs_around_it() {
        assert_eq!(
            actions("Russian troops dug in near Kupiansk."),
            [Action::Fortification]
        );
        assert_eq!(
            actions("They had taken full control of Sokil."),
            [Action::Capture]
        );
        assert_eq!(
            actions("Ukrainian forces still hold Vuhledar."),
            [Action::Hold]
        );
        assert_eq!(actions("Terny remains contested."), [Action::Clash]);
        assert_eq!(
            actions("The town remains in Ukrainian hands."),
            [Action::Hold]
        );
        assert_eq!(
            actions("Ukraine lost control of Avdiivka."),
            [Action::Withdrawal]
        );
        assert!(actions("They aim to dig trenches and hands were raised.")
            .iter()
            .all(|&a| a == Action::Fortification));
    }

    #[test]
    fn holding_is_read_after_a_subject_or_adverb_not_after_an_aim() {
        assert_eq!(actions("Russian forces control Kreminna."), [Action::Hold]);
        assert!(actions("Troops are attempting to hold the line.").is_empty());
    }

    #[test]
    fn held_after_a_subject_or_auxiliary_is_a_hold_but_held_talks_are_none() {
        assert_eq!(
            actions("Ukrainian forces held a number of settlements around the town."),
            [Action::Hold]
        );
        assert_eq!(
            actions("Russian forces had also held the two cities since the summer."),
            [Action::Hold]
        );
        assert!(actions("The two sides held talks in the capital.").is_empty());
        assert!(actions("Officials have held a referendum there.").is_empty());
        // "held out" is a hold of its own (a place its defenders hold; see
        // `PHRASES`), "held out hope" none.
        assert_eq!(actions("The city held out for weeks."), [Action::Hold]);
        assert!(actions("Kyiv held out hope for talks.").is_empty());
        assert!(actions("The meeting was held in the capital.").is_empty());
    }

    #[test]
    fn a_drive_makes_its_object_the_loser() {
        let t = tokenize("Ukrainian forces pushed Russian troops back from Vovchansk.");
        let facts = words::facts(&t.lower);
        let gaps: Vec<&str> = (0..t.tokens.len()).map(|k| t.gap(k)).collect();
        let found = Sentence::whole(&t, &gaps, &facts).find_triggers();
        assert_eq!(found[0].action, Action::Counterattack);
        assert!(found[0].object_loses);
    }

    #[test]
    fn a_launch_is_a_strike_of_its_weapon() {
        assert_eq!(
            actions("Russia launched missiles at Kyiv."),
            [Action::Shelling]
        );
        assert_eq!(
            actions("Russia launched drones at Odesa."),
            [Action::AirStrike]
        );
    }

    #[test]
    fn every_phrase_has_a_bit_of_its_own() {
        for (i, p) in PHRASES.iter().enumerate() {
            for w in p.first {
                assert!(trigger_head(w) & (1 << i) != 0, "{w}");
            }
        }
        assert_eq!(trigger_head("kharkiv"), 0);
    }
}
