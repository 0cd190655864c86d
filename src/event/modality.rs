//! Whether and how much it happened: clauses, negation, certainty
//! (claimed, speculative) and extent (partial).

use super::*;

/// True when a new clause starts between words `a` and `b`: a conjunction
/// that opens one ("but", "while"), a comma before a new subject (", it
/// would…"), a relative pronoun or conjunction (", which…", ", where…", ", as…")
/// or a new verb (", and claimed…").
/// Semicolons do not break: reports list places with them.
pub(super) fn clause_break(lower: &[Word<'_>], gaps: &[&str], a: usize, b: usize) -> bool {
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
            matches!(after, "that" | "claimed" | "said" | "reported") || action_of(after).is_some()
        }
    })
}

/// Whether the word at `k` begins what is said, right after "that": "said
/// that fighting continued", "…, and that fighting continued": not a
/// relative clause ("the unit that attacked").
pub(super) fn begins_reported_clause(lower: &[Word<'_>], first: usize, k: usize) -> bool {
    k >= first + 2
        && lower[k - 1] == "that"
        && (reports_that(lower, k - 2) || lower[k - 2] == "and")
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

pub(super) fn negated(lower: &[Word<'_>], first: usize, k: usize) -> bool {
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

pub(super) fn certainty(
    lower: &[Word<'_>],
    facts: &[WordFacts],
    first: usize,
    last: usize,
    k: usize,
) -> Certainty {
    let speculative = (first..=last.min(k + 2)).any(|j| {
        (facts[j].lists & Lists::SPECULATIVE != 0 || (lower[j] == "if" && j < k))
            && !is_month_may(lower, first, j)
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
pub(super) fn is_month_may(lower: &[Word<'_>], first: usize, j: usize) -> bool {
    lower[j] == "may"
        && (lower.get(j + 1).is_some_and(|n| n.parse::<u32>().is_ok())
            || (j > first
                && matches!(
                    lower[j - 1].as_ref(),
                    "in" | "on" | "of" | "early" | "late" | "mid" | "since" | "until" | "by"
                )))
}

pub(super) fn extent(lower: &[Word<'_>], gaps: &[&str], first: usize, last: usize) -> Extent {
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
