//! Calendar dates of documents and claims: a day of the proleptic Gregorian calendar, and how
//! precisely a claim's date is known ("on Tuesday" is a day, "last week" a week, "in October"
//! a month; a claim whose sentence names no time takes its document's date).

use serde::{Deserialize, Serialize};

use super::Span;

/// A day of the Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day {
    pub year: i32,
    /// 1..=12.
    pub month: u8,
    /// 1..=31.
    pub day: u8,
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

/// When what a claim reports happened (or was said), as its sentence says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimDate {
    /// The day, or the first day of the week, month or year.
    pub day: Day,
    pub precision: DatePrecision,
    /// The date words as written ("on Tuesday", "last week"), when the sentence has them.
    pub words: Option<Span>,
}
