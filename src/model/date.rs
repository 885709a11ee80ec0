//! Calendar dates of documents and claims: a day of the proleptic Gregorian calendar, and how
//! precisely a claim's date is known ("on Tuesday" is a day, "last week" a week, "in October"
//! a month; a claim whose sentence names no time takes its document's date).
//!
//! The calendar arithmetic is Howard Hinnant's days-from-civil and civil-from-days: exact for
//! every day, with no table and no date crate.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Span;

/// A day of the Gregorian calendar. Written and read as "YYYY-MM-DD", in JSON too.
///
/// ```
/// use claimmap::model::{Day, Weekday};
/// let day = Day::new(2024, 2, 28).unwrap();
/// assert_eq!(day.add_days(1).to_string(), "2024-02-29");
/// assert_eq!(day.weekday(), Weekday::Wednesday);
/// assert_eq!("2024-02-28".parse::<Day>().unwrap(), day);
/// assert_eq!(Day::new(2023, 2, 29), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    /// 1..=12.
    pub month: u8,
    /// 1..=31.
    pub day: u8,
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// Monday first, as ISO 8601 counts.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 0 for Monday to 6 for Sunday.
    pub fn number_from_monday(self) -> u8 {
        self as u8
    }

    /// The English name ("Monday").
    pub fn name(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }
}

/// Why a string is not a day.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a day written YYYY-MM-DD: {0}")]
pub struct DayError(pub String);

impl Day {
    /// The first day [`Day::new`] makes; arithmetic stops here.
    pub const MIN: Day = Day {
        year: -9999,
        month: 1,
        day: 1,
    };
    /// The last day [`Day::new`] makes; arithmetic stops here.
    pub const MAX: Day = Day {
        year: 9999,
        month: 12,
        day: 31,
    };

    /// The day, if the calendar has it (and its year is within ±9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        let is_valid = (Day::MIN.year..=Day::MAX.year).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        is_valid.then_some(Day { year, month, day })
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        // the year starts in March, so that February's leap day comes last
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y.rem_euclid(400);
        let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day `days` after 1970-01-01, kept within [`Day::MIN`]..=[`Day::MAX`].
    pub fn from_days_since_epoch(days: i64) -> Day {
        let z = days.clamp(Day::MIN.days_since_epoch(), Day::MAX.days_since_epoch()) + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Day {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday
        Weekday::ALL[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }

    /// `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Day {
        Day::from_days_since_epoch(self.days_since_epoch().saturating_add(n))
    }

    /// `n` months later (earlier when negative), on the same day of the month or the month's
    /// last day ("January 31" plus one month is the end of February).
    pub fn add_months(self, n: i32) -> Day {
        let months = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(n);
        let min = i64::from(Day::MIN.year) * 12;
        let max = i64::from(Day::MAX.year) * 12 + 11;
        let months = months.clamp(min, max);
        let year = months.div_euclid(12) as i32;
        let month = months.rem_euclid(12) as u8 + 1;
        Day {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// The first day of its month.
    pub fn first_of_month(self) -> Day {
        Day { day: 1, ..self }
    }

    /// The Monday of its week (weeks start on Monday, as in ISO 8601).
    pub fn monday(self) -> Day {
        self.add_days(-i64::from(self.weekday().number_from_monday()))
    }
}

/// Whether the year has a February 29.
pub fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days in a month (1..=12) of a year; 0 for a month that is not one.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.year < 0 { "-" } else { "" };
        let year = self.year.unsigned_abs();
        write!(f, "{sign}{year:04}-{:02}-{:02}", self.month, self.day)
    }
}

impl FromStr for Day {
    type Err = DayError;

    /// "YYYY-MM-DD" exactly (a year before 1 AD with a minus sign, as `Display` writes it).
    fn from_str(s: &str) -> Result<Day, DayError> {
        let err = || DayError(s.to_string());
        let (sign, rest) = match s.strip_prefix('-') {
            Some(rest) => (-1, rest),
            None => (1, s),
        };
        let mut parts = rest.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(err());
        };
        let is_digits =
            |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
        if !(is_digits(y, 4) && is_digits(m, 2) && is_digits(d, 2)) {
            return Err(err());
        }
        let year: i32 = y.parse().map_err(|_| err())?;
        Day::new(
            sign * year,
            m.parse().map_err(|_| err())?,
            d.parse().map_err(|_| err())?,
        )
        .ok_or_else(err)
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// How precisely a claim's date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
    /// The sentence names no time: the claim takes its document's date.
    Document,
}

impl DatePrecision {
    /// As exported: "day", "week", "month", "year", "document".
    pub fn label(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Document => "document",
        }
    }
}

/// When what a claim reports happened (or was said), as its sentence says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimDate {
    /// The day, or the first day of the week, month or year.
    pub day: Day,
    pub precision: DatePrecision,
    /// The date words as written ("on Tuesday", "last week"), when the sentence has them.
    pub words: Option<Span>,
}

impl ClaimDate {
    /// The date as exported, as precise as it is known: "YYYY-MM-DD" for a day, a week (its
    /// Monday) or the document's date, "YYYY-MM" for a month, "YYYY" for a year.
    ///
    /// ```
    /// use claimmap::model::{ClaimDate, DatePrecision, Day};
    /// let day = Day::new(2024, 11, 7).unwrap();
    /// let date = |precision| ClaimDate { day, precision, words: None }.value();
    /// assert_eq!(date(DatePrecision::Week), "2024-11-04");
    /// assert_eq!(date(DatePrecision::Month), "2024-11");
    /// assert_eq!(date(DatePrecision::Year), "2024");
    /// ```
    pub fn value(&self) -> String {
        let mut s = match self.precision {
            DatePrecision::Week => self.day.monday().to_string(),
            _ => self.day.to_string(),
        };
        // "YYYY-MM-DD" ends in ASCII: cut "-DD", or "-MM-DD"
        match self.precision {
            DatePrecision::Month => s.truncate(s.len() - 3),
            DatePrecision::Year => s.truncate(s.len() - 6),
            _ => {}
        }
        s
    }
}

/// Where a document's publication date came from, in the order they are tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrigin {
    /// The input gave it (a JSONL `date`, or a caller's `Document::date`).
    Given,
    /// The page's metadata: `article:published_time`, JSON-LD `datePublished`, `<time datetime>`.
    HtmlMetadata,
    /// A dateline near the top of the text ("MOSCOW, Nov 3 (Reuters) -").
    Dateline,
    /// A date in the file name, key or web address ("2015-11-11_title", "/2024/11/03/").
    NameOrUrl,
}

impl DateOrigin {
    /// As exported: "given", "html_metadata", "dateline", "name_or_url".
    pub fn label(self) -> &'static str {
        match self {
            DateOrigin::Given => "given",
            DateOrigin::HtmlMetadata => "html_metadata",
            DateOrigin::Dateline => "dateline",
            DateOrigin::NameOrUrl => "name_or_url",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> Day {
        Day::new(y, m, d).unwrap()
    }

    #[test]
    fn days_since_epoch_agree_with_known_days_both_ways() {
        // (day, days since 1970-01-01, weekday)
        let rows = [
            (day(1970, 1, 1), 0, Weekday::Thursday),
            (day(1969, 12, 31), -1, Weekday::Wednesday),
            (day(2000, 2, 29), 11_016, Weekday::Tuesday),
            (day(2000, 3, 1), 11_017, Weekday::Wednesday),
            (day(2024, 11, 7), 20_034, Weekday::Thursday),
            (day(1900, 3, 1), -25_508, Weekday::Thursday),
            (day(1, 1, 1), -719_162, Weekday::Monday),
        ];
        for (d, n, wd) in rows {
            assert_eq!(d.days_since_epoch(), n, "{d}");
            assert_eq!(Day::from_days_since_epoch(n), d, "{n}");
            assert_eq!(d.weekday(), wd, "{d}");
        }
    }

    #[test]
    fn every_day_of_four_centuries_round_trips_one_after_another() {
        let mut d = day(1800, 1, 1);
        let mut n = d.days_since_epoch();
        while d.year < 2200 {
            let next = d.add_days(1);
            assert_eq!(next.days_since_epoch(), n + 1, "{d}");
            assert!(
                Day::new(next.year, next.month, next.day).is_some(),
                "{next}"
            );
            assert!(next > d);
            (d, n) = (next, n + 1);
        }
    }

    #[test]
    fn only_days_of_the_calendar_are_made() {
        let rows = [
            ((2024, 2, 29), true),
            ((2023, 2, 29), false),
            ((1900, 2, 29), false),
            ((2000, 2, 29), true),
            ((2024, 4, 31), false),
            ((2024, 13, 1), false),
            ((2024, 1, 0), false),
            ((10_000, 1, 1), false),
        ];
        for ((y, m, d), valid) in rows {
            assert_eq!(Day::new(y, m, d).is_some(), valid, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn months_add_up_to_the_last_day_of_short_months() {
        let rows = [
            (day(2024, 1, 31), 1, day(2024, 2, 29)),
            (day(2023, 1, 31), 1, day(2023, 2, 28)),
            (day(2024, 11, 7), 2, day(2025, 1, 7)),
            (day(2025, 1, 7), -1, day(2024, 12, 7)),
            (day(2025, 3, 31), -13, day(2024, 2, 29)),
        ];
        for (d, n, want) in rows {
            assert_eq!(d.add_months(n), want, "{d} + {n} months");
        }
    }

    #[test]
    fn arithmetic_stops_at_the_ends_of_the_calendar() {
        assert_eq!(Day::MAX.add_days(1), Day::MAX);
        assert_eq!(Day::MIN.add_days(-1), Day::MIN);
        assert_eq!(Day::MAX.add_months(1), Day::MAX);
        assert_eq!(Day::from_days_since_epoch(i64::MAX), Day::MAX);
    }

    #[test]
    fn a_week_starts_on_its_monday() {
        // Sunday 2024-11-10 belongs to the week of Monday 2024-11-04
        assert_eq!(day(2024, 11, 10).monday(), day(2024, 11, 4));
        assert_eq!(day(2024, 11, 4).monday(), day(2024, 11, 4));
        assert_eq!(day(2025, 1, 1).monday(), day(2024, 12, 30));
    }

    #[test]
    fn a_day_is_written_and_read_as_yyyy_mm_dd() {
        for d in [day(2024, 11, 7), day(33, 1, 2), day(-44, 3, 15)] {
            assert_eq!(d.to_string().parse::<Day>(), Ok(d));
            let json = serde_json::to_string(&d).unwrap();
            assert_eq!(serde_json::from_str::<Day>(&json).unwrap(), d);
        }
        assert_eq!(
            serde_json::to_string(&day(2024, 11, 7)).unwrap(),
            "\"2024-11-07\""
        );
        for bad in [
            "2024-11-7",
            "2024-02-30",
            "24-11-07",
            "2024/11/07",
            "2024-11-07T10",
            "",
        ] {
            assert!(bad.parse::<Day>().is_err(), "{bad}");
            assert!(
                serde_json::from_str::<Day>(&format!("\"{bad}\"")).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_claim_date_is_written_as_precisely_as_it_is_known() {
        let d = day(2024, 11, 7);
        let rows = [
            (DatePrecision::Day, "2024-11-07"),
            (DatePrecision::Week, "2024-11-04"),
            (DatePrecision::Month, "2024-11"),
            (DatePrecision::Year, "2024"),
            (DatePrecision::Document, "2024-11-07"),
        ];
        for (precision, want) in rows {
            let date = ClaimDate {
                day: d,
                precision,
                words: None,
            };
            assert_eq!(date.value(), want, "{precision:?}");
            assert_eq!(
                serde_json::to_value(precision).unwrap(),
                serde_json::json!(precision.label())
            );
        }
    }
}
