//! Whether and how much it happened: clauses, negation, certainty
//! (claimed, speculative) and extent (partial).

use super::*;

/// What governs a trigger written as an infinitive ("to capture").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Governor {
    /// An attempt: "trying to capture", "an attempt to encircle".
    Attempt,
    /// A plan or aim: "plans to capture", "preparing to storm".
    Plan,
    /// The purpose of another trigger: "launched an offensive to capture",
    /// "advancing eastward to liberate", "in order to".
    Purpose,
}

/// A word that may stand between a trigger and the infinitive of its
/// purpose: "advancing eastward to", "pushed further to".
fn leads_to(word: &str) -> bool {
    word.ends_with("ward")
        || word.ends_with("wards")
        || matches!(word, "further" | "again" | "forward" | "on")
        // "began to advance south to capture Irpin and Bucha".
        || is_compass_word(word)
}

/// A compass direction as an adverb of motion: "south", "northwest".
fn is_compass_word(word: &str) -> bool {
    let rest = word
        .strip_prefix("north")
        .or_else(|| word.strip_prefix("south"))
        .unwrap_or(word);
    matches!(rest, "" | "east" | "west" | "-east" | "-west")
        && matches!(word.get(..1), Some("n" | "s" | "e" | "w"))
}

/// "unsuccessful in capturing Soledar", "failed in taking": a gerund after
/// a word of failing is an attempt, as "failed to capture" is (ACLED: an
/// attempt to take ground is an assault).
pub(super) fn fails_before(lower: &[Word<'_>], first: usize, k: usize) -> bool {
    k >= first + 2 && lower[k - 1] == "in" && FAIL_WORDS.contains(&lower[k - 2].as_ref())
}

impl Sentence<'_, '_> {
    /// What governs the trigger at `k` when it is an infinitive: the word
    /// right before it is "to", and within the three words before that
    /// stands a word of trying or planning, another trigger, or "in order".
    pub(super) fn governor(&self, k: usize) -> Option<Governor> {
        let (lower, facts, first) = (self.lower, self.facts, self.first);
        // "Russian objective: capture the entirety of Donetsk Oblast".
        let objective = (first.max(k.saturating_sub(4))..k)
            .any(|j| OBJECTIVE_WORDS.contains(&lower[j].as_ref()));
        if objective {
            return Some(Governor::Plan);
        }
        // "was preparing for urban combat", "plans for an offensive": a
        // noun after "for" is planned as an infinitive after "to" is.
        let planned_for = (first.max(k.saturating_sub(4))..k)
            .find(|&f| lower[f] == "for")
            .is_some_and(|f| f > first && PLAN_WORDS.contains(&lower[f - 1].as_ref()));
        if planned_for {
            return Some(Governor::Plan);
        }
        if fails_before(lower, first, k) {
            return Some(Governor::Attempt);
        }
        if k < first + 2 || lower[k - 1] != "to" {
            return None;
        }
        let to = k - 1;
        let near = (to.saturating_sub(3).max(first)..to).rev().find_map(|j| {
            let w = lower[j].as_ref();
            if ATTEMPT_WORDS.contains(&w) {
                Some(Governor::Attempt)
            } else if PLAN_WORDS.contains(&w) {
                Some(Governor::Plan)
            } else if (facts[j].action.is_some() && (j + 1 == to || leads_to(&lower[to - 1])))
                || (w == "order" && j + 1 == to)
            {
                // "an offensive to capture", "advancing eastward to
                // liberate", "in order to": the trigger right before.
                Some(Governor::Purpose)
            } else {
                None
            }
        });
        if near.is_some() {
            return near;
        }
        // A word of trying or planning farther away ("are trying hard,
        // despite heavy losses, to capture"): the grammar says whether it
        // governs the trigger. Only such sentences are parsed.
        let far = (first..to.saturating_sub(3)).any(|j| {
            let w = lower[j].as_ref();
            ATTEMPT_WORDS.contains(&w) || PLAN_WORDS.contains(&w)
        });
        if far {
            self.grammatical_governor(k)
        } else {
            None
        }
    }

    /// Triggers as their governors make them: an attempt to take ground is
    /// an assault; a plan takes its places but reports no event at them;
    /// the purpose of another trigger is none, and its places are that
    /// trigger's ("launched an offensive to capture Avdiivka").
    pub(super) fn govern(&self, triggers: &mut Vec<Trigger>) {
        triggers.retain_mut(|tr| match self.governor(tr.at) {
            None => true,
            Some(Governor::Attempt) => {
                if tr.action == Action::Capture {
                    tr.action = Action::Assault;
                }
                true
            }
            Some(Governor::Plan) => {
                tr.planned = true;
                true
            }
            Some(Governor::Purpose) => false,
        });
    }

    /// True when a new clause starts between words `a` and `b`: a conjunction
    /// that opens one ("but", "while"), a comma before a new subject (", it
    /// would…"), a relative pronoun or conjunction (", which…", ", where…", ", as…")
    /// or a new verb (", and claimed…").
    /// Semicolons do not break: reports list places with them.
    pub(super) fn clause_break(&self, a: usize, b: usize) -> bool {
        let (lower, gaps) = (self.lower, self.gaps);
        (a..b).any(|k| {
            let next = lower[k + 1].as_ref();
            if matches!(
                next,
                "but" | "while" | "whereas" | "although" | "though" | "however"
            ) {
                return true;
            }
            // "…, and Russian milbloggers claimed that…": what is claimed is a
            // clause of its own.
            if reports_that(lower, k + 1) {
                return true;
            }
            // The rest begin a clause only after a comma.
            let after_comma = matches!(
                next,
                "it" | "they" | "he" | "she" | "we" | "it’s" | "it's"
                    // ", which links Crimea to…", ", where Moscow's troops are
                    // pressing…", ", as Moscow evacuated…": a clause of its own.
                    | "which" | "who" | "whose" | "where" | "as" | "when" | "after" | "before"
                    | "because" | "since" | "until"
                    | "and"
            );
            if !after_comma || !gaps[k].contains(',') {
                return false;
            }
            // ", and that…", ", and claimed gains…": a new clause.
            next != "and" || {
                let after = lower.get(k + 2).map(|w| &**w).unwrap_or("");
                matches!(after, "that" | "claimed" | "said" | "reported")
                    || action_of(after).is_some()
            }
        })
    }

    /// Whether the word at `k` begins what is said, right after "that": "said
    /// that fighting continued", "…, and that fighting continued": not a
    /// relative clause ("the unit that attacked").
    pub(super) fn begins_reported_clause(&self, k: usize) -> bool {
        let (lower, first) = (self.lower, self.first);
        k >= first + 2
            && lower[k - 1] == "that"
            && (reports_that(lower, k - 2) || lower[k - 2] == "and")
    }

    pub(super) fn negated(&self, k: usize) -> bool {
        let (lower, first) = (self.lower, self.first);
        (first.max(k.saturating_sub(3))..k).any(|j| {
            matches!(
                lower[j].as_ref(),
                "not"
                    | "never"
                    | "failed"
                    | "no"
                    | "didn't"
                    | "hasn't"
                    | "haven't"
                    | "wasn't"
                    | "weren't"
                    | "cannot"
            )
        })
    }

    /// Whether the hold at `k` is denied of the side before it: "not under
    /// Russian control", "no longer under Ukrainian control". The place is
    /// the other side's.
    pub(super) fn control_denied(&self, k: usize) -> bool {
        let (lower, first) = (self.lower, self.first);
        let word = |j: usize| {
            if j >= first && j < k {
                lower[j].as_ref()
            } else {
                ""
            }
        };
        k >= first + 3
            && word(k - 2) == "under"
            && matches!(word(k - 3), "not" | "longer")
            && matches!(lower[k].as_ref(), "control" | "occupation")
    }

    pub(super) fn certainty(&self, k: usize) -> Certainty {
        let (lower, facts, first, last) = (self.lower, self.facts, self.first, self.last);
        let speculative = (first..=last.min(k + 2)).any(|j| {
            (facts[j].lists & Lists::SPECULATIVE != 0 || (lower[j] == "if" && j < k))
                && !self.is_month_may(j)
        });
        if speculative {
            return Certainty::Speculative;
        }
        let claimed = (first..=last).any(|j| {
            let lists = facts[j].lists;
            // "…, and Russian milbloggers claimed that…" after the trigger: the
            // claim is of the clause it introduces.
            if lists & Lists::CLAIM != 0 {
                return j < k || !reports_that(lower, j);
            }
            match lower[j].as_ref() {
                // "according to geolocated footage", "according to DeepState":
                // evidence and monitors' maps, not a party's claim.
                "according" => !(j + 2..=(j + 3).min(last)).any(|x| {
                    matches!(
                        strip_possessive(&lower[x]),
                        "geolocated"
                            | "footage"
                            | "satellite"
                            | "imagery"
                            | "images"
                            | "video"
                            | "videos"
                            | "deepstate"
                            | "isw"
                            | "institute"
                            | "analysts"
                            | "monitors"
                            | "monitoring"
                            | "maps"
                            | "map"
                    )
                }),
                _ => false,
            }
        });
        if claimed {
            Certainty::Claimed
        } else {
            Certainty::Reported
        }
    }

    /// "May" as the month ("On May 13", "in May"), not the modal verb.
    pub(super) fn is_month_may(&self, j: usize) -> bool {
        let (lower, first) = (self.lower, self.first);
        lower[j] == "may"
            && (lower.get(j + 1).is_some_and(|n| n.parse::<u32>().is_ok())
                || (j > first
                    && matches!(
                        lower[j - 1].as_ref(),
                        "in" | "on" | "of" | "early" | "late" | "mid" | "since" | "until" | "by"
                    )))
    }

    pub(super) fn extent(&self, first: usize, last: usize) -> Extent {
        let (lower, gaps) = (self.lower, self.gaps);
        let partial = (first..=last).any(|j| {
            let w = lower[j].as_ref();
            let next = lower.get(j + 1).map(|w| &**w).unwrap_or("");
            // "about 80% of Toretsk", "60 percent of the town".
            // Only a word that begins like a number is parsed as one.
            let numeric = w
                .as_bytes()
                .first()
                .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'));
            let share = numeric
                && w.parse::<f64>().is_ok_and(|n| n < 100.0)
                && (gaps.get(j).is_some_and(|g| g.starts_with('%'))
                    || matches!(next, "percent" | "per"));
            share
                || matches!(w, "partially" | "partly" | "partial")
                || (matches!(
                    w,
                    "much" | "most" | "parts" | "part" | "portions" | "half" | "some" | "areas"
                ) && next == "of")
        });
        if partial {
            Extent::Partial
        } else {
            Extent::Full
        }
    }
}

/// Whether the word at `j` is a verb of saying followed by "that": "claimed
/// that", "said that", where a reported clause begins.
pub(super) fn reports_that(lower: &[Word<'_>], j: usize) -> bool {
    let w = lower[j].as_ref();
    (is_saying(w) || matches!(w, "claimed" | "claims" | "claim" | "reports"))
        && lower.get(j + 1).is_some_and(|w| w == "that")
}

/// The verbs by which a speaker is quoted: "said", "says", "stated",
/// "reported", "announced" (each rule that reads a speaker adds its own).
pub(super) fn is_saying(word: &str) -> bool {
    matches!(word, "said" | "says" | "stated" | "reported" | "announced")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// Whether the hold on the word `word` of `text` is denied of its side.
    fn denied(text: &str, word: &str) -> bool {
        let t = tokenize(text);
        let facts = words::facts(&t.lower);
        let gaps: Vec<&str> = (0..t.tokens.len()).map(|k| t.gap(k)).collect();
        let k = t.lower.iter().position(|w| w == word).expect("the word");
        Sentence::whole(&t, &gaps, &facts).control_denied(k)
    }

    #[test]
    fn what_is_prepared_or_planned_for_is_a_plan() {
        let governor = |text: &str, word: &str| {
            let t = tokenize(text);
            let facts = words::facts(&t.lower);
            let gaps: Vec<&str> = (0..t.tokens.len()).map(|k| t.gap(k)).collect();
            let k = t.lower.iter().position(|w| w == word).expect("the word");
            Sentence::whole(&t, &gaps, &facts).governor(k)
        };
        assert_eq!(
            governor(
                "The mayor said the city was preparing for urban combat.",
                "combat"
            ),
            Some(Governor::Plan)
        );
        assert_eq!(
            governor(
                "Russia has plans for an offensive in the spring.",
                "offensive"
            ),
            Some(Governor::Plan)
        );
        assert_eq!(
            governor("Troops fought for the town for weeks.", "fought"),
            None
        );
    }

    #[test]
    fn a_compass_direction_leads_to_the_purpose_after_it() {
        for word in ["south", "northwest", "north-east", "east", "west"] {
            assert!(leads_to(word), "{word}");
        }
        for word in ["southern", "sources", "wester", "n"] {
            assert!(!leads_to(word), "{word}");
        }
    }

    #[test]
    fn a_place_not_under_one_sides_control_is_the_others() {
        assert!(denied(
            "They were the two largest cities not under Russian control.",
            "control"
        ));
        assert!(denied(
            "The town is no longer under Ukrainian control.",
            "control"
        ));
        assert!(!denied("The town is under Russian control.", "control"));
    }
}
