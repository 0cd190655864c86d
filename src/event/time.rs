//! When it happened: dates in the sentence, and sentences that recall
//! earlier events.

use super::*;

/// An explicit date in the sentence: "5 July 2022", "July 5, 2022",
/// "May 13" (the year from the publication date), "November 2022" (its
/// first day).
pub(super) fn date_in(
    lower: &[Word<'_>],
    facts: &[WordFacts],
    first: usize,
    last: usize,
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let num = |j: usize| lower.get(j).and_then(|w| w.parse::<i32>().ok());
    // A day with no year written is the latest such day on or before
    // publication: "May 13" in an article of March 2024 is 13 May 2023.
    let without_year = |m: u32, d: u32| {
        let p = published?;
        let this_year = NaiveDate::from_ymd_opt(p.year(), m, d)?;
        if this_year <= p {
            Some(this_year)
        } else {
            NaiveDate::from_ymd_opt(p.year() - 1, m, d)
        }
    };
    // A wire dateline ("KYIV, Dec 3 (Reuters) -") dates the story, not
    // what it reports.
    let dateline = |j: usize| {
        (j + 1..=(j + 3).min(last)).any(|x| matches!(lower[x].as_ref(), "reuters" | "ap" | "afp"))
    };
    for j in first..=last {
        let Some(m) = facts[j].month.map(u32::from) else {
            continue;
        };
        if dateline(j) {
            continue;
        }
        // "5 July 2022"
        if j > first {
            if let Some(d) = num(j - 1).filter(|d| (1..=31).contains(d)) {
                return match num(j + 1).filter(|y| *y > 1900) {
                    Some(y) => NaiveDate::from_ymd_opt(y, m, d as u32),
                    None => without_year(m, d as u32),
                };
            }
        }
        // "July 5, 2022" / "May 13"
        if let Some(d) = num(j + 1).filter(|d| (1..=31).contains(d)) {
            return match num(j + 2).filter(|y| *y > 1900) {
                Some(y) => NaiveDate::from_ymd_opt(y, m, d as u32),
                None => without_year(m, d as u32),
            };
        }
        // "November 2022": the month's first day stands for it.
        if let Some(y) = num(j + 1).filter(|y| *y > 1900) {
            return NaiveDate::from_ymd_opt(y, m, 1);
        }
        // "in February", "in early July": the month's first day, in the
        // latest such month on or before publication.
        let before = if j > first { lower[j - 1].as_ref() } else { "" };
        let before2 = if j > first + 1 {
            lower[j - 2].as_ref()
        } else {
            ""
        };
        if before == "in"
            || (matches!(before, "early" | "late" | "mid") && matches!(before2, "in" | ""))
        {
            return without_year(m, 1);
        }
    }
    // "said on Sunday", "late Tuesday", "yesterday": the latest such day on
    // or before publication.
    let p = published?;
    (first..=last).find_map(|j| {
        let w = strip_possessive(&lower[j]);
        if w == "yesterday" {
            return p.pred_opt();
        }
        let day = WEEKDAYS.iter().position(|d| *d == w)? as i64;
        let back = (i64::from(p.weekday().num_days_from_monday()) - day).rem_euclid(7);
        p.checked_sub_signed(chrono::Duration::days(back))
    })
}

/// Words that recall an earlier time: "early in the war", "a year ago",
/// "last year", "in 2022" (before the publication year). "Since 2014"
/// says how long a state has lasted, not when an event happened.
pub(super) fn recalls_earlier(
    lower: &[Word<'_>],
    first: usize,
    last: usize,
    published: Option<NaiveDate>,
) -> bool {
    (first..=last).any(|j| {
        let w = lower[j].as_ref();
        let next = lower.get(j + 1).map(|w| &**w).unwrap_or("");
        let prev = if j > first { lower[j - 1].as_ref() } else { "" };
        (w == "early" && next == "in")
            || (w == "ago")
            || (w == "last" && next == "year")
            || (w == "previously")
            || (matches!(prev, "in" | "of")
                && w.parse::<i32>().is_ok_and(|y| {
                    (1990..2100).contains(&y) && published.is_some_and(|p| y < p.year())
                }))
    })
}
