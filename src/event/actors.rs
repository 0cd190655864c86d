//! Who acted: the side a word names, the subject or passive agent of a
//! trigger, the side a paragraph's sources speak for.

use super::*;

/// The side a word names, with the following word for "North Korean".
pub(super) fn side_at(lower: &[Word<'_>], facts: &[WordFacts], k: usize) -> Option<Side> {
    if lower[k] == "north" {
        let next = lower.get(k + 1).map(|w| &**w).unwrap_or("");
        return next.starts_with("korea").then_some(Side::Other(*b"KP"));
    }
    facts[k].side
}

pub(super) fn is_actor_word(word: &str) -> bool {
    matches!(
        strip_possessive(word),
        "russia" | "ukraine" | "moscow" | "kyiv" | "pyongyang"
    )
}

/// The side whose sources each paragraph quotes, when only one's: Ukraine's
/// ("DeepState", "the Defence Forces") or Russia's ("TASS", "Battlegroup
/// Centre"). Read only in articles that speak of "the enemy" (empty
/// otherwise).
pub(super) fn paragraph_sources(t: &Tokenized<'_>) -> Vec<Option<Side>> {
    let lower = &t.lower;
    let enemy = |w: &str| {
        (w.starts_with("enem") || w.starts_with("advers"))
            && matches!(strip_possessive(w), "enemy" | "adversary")
    };
    if !lower.iter().any(|w| enemy(w)) {
        return Vec::new();
    }
    let paragraphs = t.sentences.last().map_or(0, |s| s.paragraph + 1);
    let mut named = vec![(false, false); paragraphs];
    for (k, w) in lower.iter().enumerate() {
        let p = t.sentences[t.tokens[k].sentence].paragraph;
        let w = strip_possessive(w);
        let next = lower.get(k + 1).map_or("", |n| n.as_ref());
        // Beyond the sources a sentence names: Ukraine's "Defence Forces",
        // Russia's battlegroups.
        let side = source_side(w).or_else(|| {
            if matches!(w, "defence" | "defense") && next == "forces" {
                Some(Side::UA)
            } else if w.starts_with("battlegroup") {
                Some(Side::RU)
            } else {
                None
            }
        });
        match side {
            Some(Side::UA) => named[p].0 = true,
            Some(Side::RU) => named[p].1 = true,
            _ => {}
        }
    }
    named
        .into_iter()
        .map(|named| match named {
            (true, false) => Some(Side::UA),
            (false, true) => Some(Side::RU),
            _ => None,
        })
        .collect()
}

impl Sentence<'_, '_> {
    /// Whether the word at `j`, a country or capital, is where something
    /// happens, not who does it: after "in", "into", "across", "inside" or
    /// "throughout", with at most one word of region between ("in eastern
    /// Ukraine"; but "in Russian hands" is a side's).
    pub(super) fn in_a_place(&self, j: usize) -> bool {
        let (lower, first) = (self.lower, self.first);
        if !matches!(
            lower[j].as_ref(),
            "ukraine" | "russia" | "belarus" | "kyiv" | "kiev" | "moscow" | "minsk"
        ) {
            return false;
        }
        let preposition = |w: &str| matches!(w, "in" | "into" | "across" | "inside" | "throughout");
        let regional = |w: &str| {
            matches!(
                w,
                "eastern"
                    | "western"
                    | "northern"
                    | "southern"
                    | "central"
                    | "occupied"
                    | "southeastern"
                    | "northeastern"
                    | "southwestern"
                    | "northwestern"
            )
        };
        // "during the Russian invasion of Ukraine": the country invaded or
        // occupied is a place, not the side that acts.
        let invaded = j >= first + 2
            && lower[j - 1] == "of"
            && matches!(lower[j - 2].as_ref(), "invasion" | "occupation");
        (j > first && preposition(&lower[j - 1]))
            || (j > first + 1 && regional(&lower[j - 1]) && preposition(&lower[j - 2]))
            || invaded
    }

    /// The side of a source the sentence names ("DeepState", "TASS").
    pub(super) fn named_source_side(&self) -> Option<Side> {
        let (lower, first, last) = (self.lower, self.first, self.last);
        (first..=last).find_map(|j| source_side(strip_possessive(&lower[j])))
    }

    /// Whether the trigger at `k` is a surrender ("surrendered",
    /// "surrender"): the surrendering side's withdrawal and the other
    /// side's capture (ACLED).
    pub(super) fn is_surrender(&self, k: usize) -> bool {
        self.lower[k].starts_with("surrender")
    }

    /// "surrendered the city to the Russian Army": the side a surrender at
    /// `k` hands its object to, named within three words after a "to" at
    /// most eight words after it. Not "ordered to cease fighting".
    pub(super) fn surrendered_to(&self, token_side: &[Option<Side>], k: usize) -> Option<Side> {
        let (lower, last) = (self.lower, self.last);
        if !self.is_surrender(k) {
            return None;
        }
        let to = (k + 1..=last.min(k + 8)).find(|&j| lower[j] == "to")?;
        (to + 1..=last.min(to + 3))
            .find_map(|j| token_side[j])
            .filter(|s| matches!(s, Side::RU | Side::UA))
    }

    /// Actor and target of a trigger.
    pub(super) fn sides(
        &self,
        token_side: &[Option<Side>],
        tr: &Trigger,
        last_actor: Side,
        paragraph_source: Option<Side>,
    ) -> (Side, Option<Side>) {
        let (lower, first, last) = (self.lower, self.first, self.last);
        let side_at = |_: &[Word<'_>], j: usize| token_side[j];
        let k = tr.at;
        // "fierce fighting around Marinka", "a battle took place": a fighting
        // noun is no one side's unless its own words say whose.
        if tr.action == Action::Clash && self.is_fighting_noun(k) {
            let side = self
                .noun_agent(k, |j| token_side[j])
                .unwrap_or(Side::Unknown);
            return (side, None);
        }
        // "the first direct assault on the city by Russian forces".
        let noun_by = if self.is_event_noun(k) {
            self.agent_after_by(k, |j| token_side[j])
        } else {
            None
        };
        // Passive: "was captured by Russian forces"; "fell to Russian forces".
        // Not when an object comes between: in "repelled an attack by
        // Ukrainian groups" the attackers are the ones repelled.
        let passive_by = (k + 1..=last.min(k + 6))
            .find(|&j| {
                lower[j] == "by" || (lower[j] == "to" && j == k + 1 && tr.action == Action::Capture)
            })
            .filter(|&j| {
                (k + 1..j).all(|x| {
                    let w = lower[x].as_ref();
                    !matches!(w, "a" | "an" | "the") && action_of(w).is_none()
                })
            })
            .and_then(|j| (j + 1..=last.min(j + 3)).find_map(|x| side_at(lower, x)));
        // The subject: the nearest side word before the trigger, skipping the
        // sides of sources ("Russian milbloggers") and of places ("Russian
        // territory"), which neither fight nor move.
        let mut source_side = None;
        let mut subject_at = None;
        // A reported clause ("… claimed that Russian forces seized X") has its
        // subject after "that"; the speaker before it is a source, not an actor.
        let reported_from = (first..k).rev().find(|&j| reports_that(lower, j));
        if let Some(c) = reported_from {
            source_side = (first..c).rev().find_map(|j| {
                let next = lower.get(j + 1).map(|w| &**w).unwrap_or("");
                side_at(lower, j).filter(|_| SOURCE_NOUNS.contains(&next))
            });
        }
        // "…, and that fighting continued near X": a second thing said, whose
        // subject is after its own "that", with no speaker of its own.
        let second_report = (first..k)
            .rev()
            .find(|&j| lower[j] == "and" && lower.get(j + 1).is_some_and(|w| w == "that"))
            .filter(|&j| reported_from.is_some_and(|c| j > c));
        // Past a fronted adverbial ("On 10 May, …", "According to the
        // Ukrainian military, …"): what it names is no subject.
        let fronted = self.fronted_end(k);
        let frame = self.frame_reports(k);
        let subject_from = second_report
            .or(reported_from)
            .map_or(fronted.unwrap_or(first), |c| c + 2);
        let frame_source = fronted
            .filter(|_| frame)
            .and_then(|end| (first..end).find_map(|j| side_at(lower, j)));
        let mut search = |from: usize, to: usize| {
            (from..to).rev().find_map(|j| {
                let side = side_at(lower, j)?;
                // "in eastern Ukraine", "across Russia": a country as a place.
                if self.in_a_place(j) {
                    return None;
                }
                let next = lower.get(j + 1).map(|w| &**w).unwrap_or("");
                if SOURCE_NOUNS.contains(&next) {
                    source_side.get_or_insert(side);
                    return None;
                }
                // "although Ukraine initially denied the city's capture".
                if (j + 1..k.min(j + 3)).any(|x| DENY_WORDS.contains(&lower[x].as_ref())) {
                    return None;
                }
                subject_at = Some(j);
                (!NON_ACTOR_NOUNS.contains(&next)).then_some(side)
            })
        };
        let subject = search(subject_from, k).or_else(|| {
            // An adverbial that is no report may hold the only side named:
            // "After Russian forces captured Avdiivka, Lastochkyne fell".
            let fallback = !frame && reported_from.is_none() && subject_from > first;
            if fallback {
                search(first, subject_from)
            } else {
                None
            }
        });
        // "Ukraine's military said it struck…": the pronoun is the speaker.
        let speaker_subject = subject_at.is_some_and(|j| {
            (j + 1..k)
                .any(|x| is_saying(&lower[x]) || matches!(lower[x].as_ref(), "added" | "confirmed"))
        });
        // "Russian sources claimed gains": a claim is of one's own side's gains.
        let claimed_by_source =
            (first..k).any(|j| matches!(lower[j].as_ref(), "claimed" | "claims" | "claim"));
        let subject = subject.or(source_side.filter(|_| claimed_by_source));
        // A reported clause with no side named in it speaks of the speaker's:
        // "Pyongyang had announced that it was sending…", "Russia's defence
        // ministry claimed that its forces captured…" (but "the enemy" there is
        // the speaker's adversary, read below).
        let subject = subject.or_else(|| {
            if second_report.is_some() {
                return None;
            }
            let c = reported_from?;
            let enemy_in_clause =
                (c + 2..k).any(|j| matches!(strip_possessive(&lower[j]), "enemy" | "adversary"));
            if enemy_in_clause {
                return None;
            }
            (first..c).rev().find_map(|j| side_at(lower, j))
        });
        // "they", "the troops", "the strikes": the side last named.
        let pronoun = (first..k)
            .rev()
            .take(4)
            .any(|j| SUBJECT_PRONOUNS.contains(&lower[j].as_ref()))
            // (but "the fighting", "the battle" is between sides, not one's)
            || (k > first && lower[k - 1] == "the" && tr.action != Action::Clash)
            || (lower[first] == "the"
                && lower
                    .get(first + 1)
                    .is_some_and(|w| UNIT_WORDS.contains(&w.as_ref())))
            || (k >= first + 2
                && lower[k - 2] == "the"
                && UNIT_WORDS.contains(&lower[k - 1].as_ref()));
        // The side acted upon, after the trigger; not the side of a source
        // ("…, and Russian milbloggers claimed").
        let object = (k + 1..=last.min(k + 5)).find_map(|j| {
            let next = lower.get(j + 1).map(|w| &**w).unwrap_or("");
            side_at(lower, j).filter(|_| !SOURCE_NOUNS.contains(&next))
        });
        // "they're doing…": a pronoun right before the trigger is its subject.
        let adjacent_pronoun = k > first && SUBJECT_PRONOUNS.contains(&lower[k - 1].as_ref());
        // "The enemy tried to advance": the adversary of whoever speaks
        // ("DeepState said the enemy occupied…", "Ukrainian officials said the
        // enemy…"; "… The Defence Forces repelled them" in the paragraph), or
        // else of the side last named acting ("The Ukrainian forces repelled …
        // The enemy also tried…").
        let speaker = || {
            source_side
                .or_else(|| self.named_source_side())
                .or(paragraph_source)
        };
        let enemy = (first..k)
            .rev()
            .take(6)
            .any(|j| matches!(strip_possessive(&lower[j]), "enemy" | "adversary"));
        // "…liberated Kurdyumovka, the Russian Defence Ministry said": a
        // command reporting its own units' moves, their subject left unnamed.
        let reporting_side = || {
            (first..=last).find_map(|j| {
                let side = side_at(lower, j)?;
                (j + 1..=(j + 3).min(last))
                    .any(|x| is_saying(&lower[x]))
                    .then_some(side)
            })
        };
        let has_target = !matches!(
            tr.action,
            Action::Fortification | Action::Deployment | Action::Clash
        );
        let passive_by = passive_by
            .or(noun_by)
            .or_else(|| self.agent_after_of(k, tr.action, |j| token_side[j]));
        let actor = match (passive_by, subject) {
            (Some(side), _) => side,
            (None, Some(side)) if adjacent_pronoun && speaker_subject => side,
            (None, _) if adjacent_pronoun && last_actor != Side::Unknown => last_actor,
            // "Russian forces were repelled", "being repulsed from the
            // city": the subject of a passive repulse is the side repelled.
            (None, Some(side)) if tr.action == Action::Repelled && self.passive_at(k) => {
                side.opponent()
            }
            (None, Some(side)) => side,
            // "The enemy attacked Ukrainian positions": the enemy of the side
            // attacked. With no one named, "the enemy" is Russia:
            // English-language reporting quotes it mostly from Ukrainian sources.
            (None, None) if enemy => match (object, speaker().unwrap_or(last_actor)) {
                (Some(o @ (Side::RU | Side::UA)), _) if has_target => o.opponent(),
                (_, Side::Unknown) => Side::RU,
                (_, side) => side.opponent(),
            },
            (None, None) if pronoun => last_actor,
            (None, None) => match (tr.action, object) {
                // "Russian assaults were repelled": the defender is the other side.
                (Action::Repelled, Some(o)) => o.opponent(),
                (
                    Action::Capture | Action::Advance | Action::Withdrawal | Action::Assault,
                    None,
                ) => reporting_side().or(frame_source).unwrap_or(Side::Unknown),
                _ => Side::Unknown,
            },
        };
        // "This capture was followed by an assault on Kurakhivka … where
        // Russian forces advanced": an attack no words of its own give a
        // side is by the one side the sentence names acting after it.
        let attack = matches!(
            tr.action,
            Action::Assault | Action::Shelling | Action::AirStrike
        );
        let actor = if actor == Side::Unknown && attack && object.is_none() {
            self.sole_side_after(token_side, k).unwrap_or(actor)
        } else {
            actor
        };
        // "Despite Russian attempts to capture Konotop, the city held
        // out": a place that holds out is held by its defenders, Ukraine's
        // in this war's reporting, unless a side is the verb's own subject
        // ("Russian forces held out in the village").
        let actor = if self.holds_out(k) {
            (k.saturating_sub(3).max(first)..k)
                .rev()
                .find_map(|j| token_side[j].filter(|_| !self.in_a_place(j)))
                .unwrap_or(Side::UA)
        } else {
            actor
        };
        // "Russian and Ukrainian officials reported battles", "Russian and
        // Ukrainian forces fought near…": fighting of both sides named before
        // it is no one side's ("Russian forces clashed with Ukrainian forces"
        // is Russia's, as ACLED codes its first actor).
        let both_sides = || {
            let named = |side: Side| token_side[first..k].contains(&Some(side));
            named(Side::RU) && named(Side::UA)
        };
        if tr.action == Action::Clash && both_sides() {
            return (Side::Unknown, None);
        }
        let target = object.filter(|&o| o != actor && has_target).or_else(|| {
            matches!(tr.action, Action::Repelled | Action::Counterattack)
                .then(|| actor.opponent())
                .filter(|&o| o != Side::Unknown)
        });
        (actor, target)
    }
}

impl Sentence<'_, '_> {
    /// Whether the trigger at `k` is "held out", "holding out" or
    /// "holding on".
    pub(super) fn holds_out(&self, k: usize) -> bool {
        let (lower, last) = (self.lower, self.last);
        let (w, next) = (
            lower[k].as_ref(),
            lower.get(k + 1).map_or("", |w| w.as_ref()),
        );
        // "held out hope", "holds out the prospect of talks": an object,
        // no holding.
        let object = lower.get(k + 2).is_some_and(|w| {
            matches!(
                w.as_ref(),
                "hope" | "hopes" | "the" | "a" | "an" | "prospect" | "promise" | "little" | "any"
            )
        });
        k < last
            && !object
            && (next == "out" && matches!(w, "held" | "holding" | "holds" | "hold")
                || next == "on" && w == "holding")
    }

    /// The one side the sentence names acting after the trigger at `k`,
    /// when it names no side before it: "This assault in and around the
    /// city failed, … as assaulting Russian forces were reinforced" (RU).
    /// Not a country or capital ("in the north of Ukraine"), a source ("Russian
    /// officials said"), a target ("attacks on Ukrainian positions", "on
    /// Russian forces"), or a side with its opponent also named.
    pub(super) fn sole_side_after(&self, token_side: &[Option<Side>], k: usize) -> Option<Side> {
        let (lower, first, last) = (self.lower, self.first, self.last);
        if (first..k).any(|j| token_side[j].is_some()) {
            return None;
        }
        let mut found = None;
        for j in k + 1..=last {
            let Some(side) = token_side[j] else { continue };
            if !matches!(side, Side::RU | Side::UA) {
                return None;
            }
            let next = lower.get(j + 1).map_or("", |w| w.as_ref());
            let before = lower[j - 1].as_ref();
            let said = (j + 1..=last.min(j + 3)).any(|x| is_saying(&lower[x]));
            // A country or capital after the trigger is mostly where it
            // happens ("in the north of Ukraine").
            let acting = !is_actor_word(&lower[j])
                && !SOURCE_NOUNS.contains(&next)
                && !NON_ACTOR_NOUNS.contains(&next)
                && !matches!(before, "against" | "on" | "at" | "to" | "by")
                && !said;
            if !acting {
                continue;
            }
            match found {
                None => found = Some(side),
                Some(s) if s == side => {}
                Some(_) => return None,
            }
        }
        // Any side named for the opponent of the one found makes it unsure.
        let other = found?.opponent();
        (k + 1..=last)
            .all(|j| token_side[j] != Some(other))
            .then_some(found?)
    }
}

/// The side of a source by its name, without a possessive: "deepstate",
/// "tass".
pub(super) fn source_side(word: &str) -> Option<Side> {
    if UKRAINIAN_SOURCES.contains(&word) {
        Some(Side::UA)
    } else if RUSSIAN_SOURCES.contains(&word) {
        Some(Side::RU)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// The side `Sentence::sides` reads for the trigger `pick` finds in
    /// `text` (given the sentence and its lower-case words).
    fn side_read(
        text: &str,
        pick: impl Fn(&Sentence<'_, '_>, &[std::borrow::Cow<'_, str>]) -> Option<Trigger>,
    ) -> Option<Side> {
        let t = tokenize(text);
        let facts = words::facts(&t.lower);
        let gaps: Vec<&str> = (0..t.tokens.len()).map(|k| t.gap(k)).collect();
        let token_side: Vec<Option<Side>> = (0..t.tokens.len())
            .map(|k| side_at(&t.lower, &facts, k))
            .collect();
        let s = Sentence::whole(&t, &gaps, &facts);
        let trigger = pick(&s, &t.lower)?;
        Some(s.sides(&token_side, &trigger, Side::Unknown, None).0)
    }

    /// The actor of a trigger of `action` on the word `word` of `text`.
    fn actor_of(text: &str, word: &str, action: Action) -> Side {
        side_read(text, |_, lower| {
            let k = lower.iter().position(|w| w == word).expect("the word");
            Some(Trigger::new(k, action))
        })
        .expect("a trigger")
    }

    #[test]
    fn the_country_of_an_invasion_is_a_place_not_the_side_that_acts() {
        assert_eq!(
            actor_of(
                "During the Russian invasion of Ukraine in 2022, the settlement came under attack.",
                "attack",
                Action::Assault
            ),
            Side::RU
        );
        assert_eq!(
            actor_of(
                "After the occupation of Ukraine's south, Ukraine attacked the bridge.",
                "attacked",
                Action::Assault
            ),
            Side::UA
        );
    }

    #[test]
    fn the_doer_of_a_gathering_or_withdrawal_is_its_of_phrase() {
        assert_eq!(
            actor_of(
                "The governor reported a large gathering of Russian forces north of the region.",
                "gathering",
                Action::Deployment
            ),
            Side::RU
        );
        assert_eq!(
            actor_of(
                "Kyiv welcomed the withdrawal of Russian troops from the city.",
                "withdrawal",
                Action::Withdrawal
            ),
            Side::RU
        );
    }

    #[test]
    fn a_side_that_denies_an_event_is_not_its_actor() {
        assert_eq!(
            actor_of(
                "Russia announced the city had fallen, although Ukraine initially denied the city's capture.",
                "capture",
                Action::Capture
            ),
            Side::RU
        );
    }

    #[test]
    fn the_subject_of_a_passive_repulse_is_the_side_repelled() {
        assert_eq!(
            actor_of(
                "It ended with Russian forces being repulsed from the city.",
                "repulsed",
                Action::Repelled
            ),
            Side::UA
        );
        assert_eq!(
            actor_of(
                "Ukrainian troops repelled the assault.",
                "repelled",
                Action::Repelled
            ),
            Side::UA
        );
        assert_eq!(
            actor_of(
                "Russian forces were repelled by Ukrainian units.",
                "repelled",
                Action::Repelled
            ),
            Side::UA
        );
    }

    #[test]
    fn an_attack_with_no_side_of_its_own_is_by_the_one_side_acting_later_in_the_sentence() {
        assert_eq!(
            actor_of(
                "This capture was followed by an assault on the town of Kurakhivka, where Russian forces advanced into the village of Novoselydivka.",
                "assault",
                Action::Assault
            ),
            Side::RU
        );
        assert_eq!(
            actor_of(
                "Attacks on the city intensified in November, as assaulting Ukrainian units were reinforced.",
                "attacks",
                Action::Assault
            ),
            Side::UA
        );
        // A side as target, source or place, or both sides named: no side.
        for text in [
            "The assault on Russian positions near the village continued.",
            "The attack on the town lasted all night, Ukrainian officials said.",
            "The siege of the city was an engagement in the north of Ukraine.",
            "The assault on the town went on as Russian forces pressed and Ukrainian units held.",
            "The shelling of the town killed three Ukrainian civilians.",
        ] {
            let word = if text.contains("siege") {
                "siege"
            } else if text.contains("shelling") {
                "shelling"
            } else if text.contains("attack ") {
                "attack"
            } else {
                "assault"
            };
            assert_eq!(
                actor_of(text, word, Action::Assault),
                Side::Unknown,
                "{text}"
            );
        }
    }

    /// The side holding at the first word of `text` where a place "holds
    /// out".
    fn holder_of(text: &str) -> Option<Side> {
        side_read(text, |s, lower| {
            (0..lower.len())
                .find(|&k| s.holds_out(k))
                .map(|k| Trigger::new(k, Action::Hold))
        })
    }

    #[test]
    fn a_place_that_holds_out_is_held_by_its_defenders() {
        assert_eq!(
            holder_of("Despite Russian attempts to capture Konotop, the city held out."),
            Some(Side::UA)
        );
        assert_eq!(
            holder_of("He added that Bakhmut and Soledar were holding on despite the attacks."),
            Some(Side::UA)
        );
        assert_eq!(
            holder_of("Russian forces held out in the village for a week."),
            Some(Side::RU)
        );
        // Holding out hope, a prospect: no holding.
        assert_eq!(holder_of("Kyiv held out hope for talks."), None);
        assert_eq!(
            holder_of("The minister held out the prospect of talks."),
            None
        );
        // "held on" a date is no holding.
        assert_eq!(holder_of("Talks were held on Monday in Istanbul."), None);
    }
}
