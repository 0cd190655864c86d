//! When an article was published: a calendar date, or a timestamp.
//!
//! `published` (the CLI's `--published`, a JSON Lines field, a feed item's
//! `pubDate`, [`crate::Article::with_published`]) is any of:
//!
//! | form | example |
//! |---|---|
//! | ISO 8601 date | `2024-06-27` |
//! | RFC 3339 timestamp (`T` or a space, `Z` or an offset, fractions of a second) | `2024-06-27T10:00:00Z`, `2024-06-28T00:30:00+03:00` |
//! | RFC 2822 timestamp (RSS's `pubDate`; `GMT`, `UT` and US zones too) | `Thu, 27 Jun 2024 10:00:00 +0000` |
//! | ISO 8601 date and time with no offset | `2024-06-27T10:00:00` |
//!
//! **The date is the calendar date where the article was written**: the
//! date of the timestamp in the offset it states, not in UTC. A Kyiv report
//! stamped `2024-06-28T00:30:00+03:00` is of 28 June (it is 27 June in
//! UTC), and its "yesterday" is 27 June, as its readers took it. A
//! timestamp in `Z` or `+0000` is of its UTC date. The layers carry this
//! date, as they always have (`published`, an ISO date); the exact
//! instant, when a time with an offset is given, is kept beside it
//! ([`Published::at`], [`crate::ArticleMeta::published_at`]). A date and
//! time with no offset names no instant: only its date is kept.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

use crate::error::{Error, Result};

/// A publication date, and the instant when a timestamp gave one.
///
/// ```
/// use frontline::published::Published;
/// let p: Published = "Thu, 27 Jun 2024 10:00:00 +0000".parse().unwrap();
/// assert_eq!(p.date.to_string(), "2024-06-27");
/// assert_eq!(p.at.unwrap().to_rfc3339(), "2024-06-27T10:00:00+00:00");
///
/// // The date where it was written: half past midnight in Kyiv is still
/// // the day before in UTC.
/// let p: Published = "2024-06-28T00:30:00+03:00".parse().unwrap();
/// assert_eq!(p.date.to_string(), "2024-06-28");
///
/// let p: Published = "2024-06-27".parse().unwrap();
/// assert!(p.at.is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Published {
    /// The calendar date, in the offset the timestamp states.
    pub date: NaiveDate,
    /// The instant, when a time with an offset (or zone) was given.
    pub at: Option<DateTime<FixedOffset>>,
}

impl std::str::FromStr for Published {
    type Err = Error;

    fn from_str(s: &str) -> Result<Published> {
        parse_published(s)
    }
}

/// Parses a publication date or timestamp (the forms in the [module
/// docs](self)); anything else is an [`Error::BadTimestamp`] that quotes
/// it and says which forms are read.
///
/// ```
/// use frontline::published::parse_published;
/// assert_eq!(parse_published("2024-06-27T10:00:00Z").unwrap().date.to_string(), "2024-06-27");
/// assert!(parse_published("27/06/2024").is_err());
/// ```
pub fn parse_published(s: &str) -> Result<Published> {
    let t = s.trim();
    let bad = || Error::BadTimestamp(s.to_string());
    if t.is_empty() {
        return Err(bad());
    }
    if let Ok(date) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Ok(Published { date, at: None });
    }
    if t.as_bytes()[0].is_ascii_digit() && t.len() >= 11 && t.as_bytes()[4] == b'-' {
        if let Ok(at) = DateTime::parse_from_rfc3339(t) {
            return Ok(at.into());
        }
        for form in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
        ] {
            if let Ok(local) = NaiveDateTime::parse_from_str(t, form) {
                return Ok(Published {
                    date: local.date(),
                    at: None,
                });
            }
        }
        return Err(bad());
    }
    rfc2822(t).map(Published::from).ok_or_else(bad)
}

/// An RFC 2822 timestamp; a weekday that does not fit the date (feeds get
/// it wrong now and then) is ignored, since the date says the day.
fn rfc2822(t: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc2822(t).ok().or_else(|| {
        let (weekday, rest) = t.split_once(',')?;
        (weekday.trim().len() >= 3 && weekday.trim().chars().all(|c| c.is_ascii_alphabetic()))
            .then(|| DateTime::parse_from_rfc2822(rest.trim()).ok())?
    })
}

impl From<DateTime<FixedOffset>> for Published {
    fn from(at: DateTime<FixedOffset>) -> Published {
        Published {
            date: at.date_naive(),
            at: Some(at),
        }
    }
}

impl From<NaiveDate> for Published {
    fn from(date: NaiveDate) -> Published {
        Published { date, at: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> String {
        parse_published(s).unwrap().date.to_string()
    }

    #[test]
    fn a_plain_date_is_read_as_before_and_names_no_instant() {
        let p = parse_published(" 2024-06-27 ").unwrap();
        assert_eq!(p.date.to_string(), "2024-06-27");
        assert_eq!(p.at, None);
    }

    #[test]
    fn rfc3339_timestamps_give_the_date_in_their_own_offset() {
        assert_eq!(date("2024-06-27T10:00:00Z"), "2024-06-27");
        assert_eq!(date("2024-06-27t23:59:59.999z"), "2024-06-27");
        assert_eq!(date("2024-06-27 10:00:00+00:00"), "2024-06-27");
        // 21:30 UTC on the 27th is 00:30 on the 28th in Kyiv (UTC+3 in summer).
        assert_eq!(date("2024-06-28T00:30:00+03:00"), "2024-06-28");
        assert_eq!(date("2024-06-27T20:00:00-05:00"), "2024-06-27");
        let at = parse_published("2024-06-28T00:30:00+03:00")
            .unwrap()
            .at
            .unwrap();
        assert_eq!(at.naive_utc().to_string(), "2024-06-27 21:30:00");
    }

    #[test]
    fn rfc2822_timestamps_as_rss_writes_them_are_read() {
        assert_eq!(date("Thu, 27 Jun 2024 10:00:00 +0000"), "2024-06-27");
        assert_eq!(date("Thu, 27 Jun 2024 10:00:00 GMT"), "2024-06-27");
        assert_eq!(date("27 Jun 2024 10:00 +0300"), "2024-06-27");
        assert_eq!(date("Fri, 28 Jun 2024 01:15:00 +0300"), "2024-06-28");
        // 27 June 2024 was a Thursday; a feed that says Monday still dates it.
        assert_eq!(date("Mon, 27 Jun 2024 10:00:00 +0000"), "2024-06-27");
    }

    #[test]
    fn a_date_and_time_with_no_offset_keeps_its_date_and_no_instant() {
        let p = parse_published("2024-06-27T10:00:00").unwrap();
        assert_eq!(p.date.to_string(), "2024-06-27");
        assert_eq!(p.at, None);
    }

    #[test]
    fn anything_else_is_an_error_quoting_it_and_the_forms_read() {
        for bad in [
            "",
            "yesterday",
            "27/06/2024",
            "2024-13-01",
            "2024-06-27T25:00:00Z",
            "Thu, 31 Jun 2024 10:00:00 +0000",
            "2024-06-27T10:00:00+99:00",
        ] {
            let e = parse_published(bad).unwrap_err().to_string();
            assert!(e.starts_with(&format!("{bad:?} is not")), "{e}");
            assert!(e.contains("RFC 3339") && e.contains("RFC 2822"), "{e}");
        }
    }
}
