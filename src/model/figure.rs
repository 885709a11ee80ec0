//! Numbers in a claim's content with what they count and how sure the writer is: "6,000
//! workers", "roughly 12,000 North Korean soldiers", "at least 3,000", "as much as $200,000",
//! "thousands of protesters". Read by `corpus::figures`; compared by the story pass, which
//! flags figures for one count that cannot both be true.

use serde::{Deserialize, Serialize};

use super::Span;

/// How the writer bounds a number ("at least", "about", "up to").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "exactly", "precisely".
    Exactly,
    /// "about", "around", "roughly", "some", "approximately", "an estimated".
    About,
    /// "nearly", "almost", "close to", "just under".
    Nearly,
    /// "at least", "no fewer than".
    AtLeast,
    /// "more than", "over", "above", "upwards of".
    MoreThan,
    /// "up to", "as many as", "as much as", "at most", "no more than".
    UpTo,
    /// "less than", "fewer than", "under", "below".
    LessThan,
    /// A range: "10,000 to 12,000", "between 10,000 and 12,000".
    Between,
    /// An order of magnitude: "thousands of", "dozens of", "several hundred".
    Several,
}

impl Qualifier {
    /// The words users know it by ("at least"), as the exports write it.
    pub fn label(self) -> &'static str {
        match self {
            Qualifier::Exactly => "exactly",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::AtLeast => "at least",
            Qualifier::MoreThan => "more than",
            Qualifier::UpTo => "up to",
            Qualifier::LessThan => "less than",
            Qualifier::Between => "between",
            Qualifier::Several => "several",
        }
    }
}

/// One number of a claim's content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The figure's words in the document text, qualifier and noun included ("at least
    /// 3,000 soldiers").
    pub span: Span,
    /// The number: the low end of a range, the scale of "thousands of" (1,000).
    pub value: f64,
    /// The high end of a range ("10,000 to 12,000").
    pub high: Option<f64>,
    /// `None` for a bare number.
    pub qualifier: Option<Qualifier>,
    /// What is counted: the head noun as written, lower case ("soldiers"), a currency code
    /// ("USD") or "%"; `None` when the text names nothing ("at least 3,000 had been sent").
    pub unit: Option<String>,
    /// The words between the number and the noun ("North Korean", "combat").
    pub modifiers: Option<String>,
    /// "6,000 people each": the count of each of several things, not of all of them.
    pub is_each: bool,
}

impl Figure {
    /// The values the figure allows, `[low, high]`: a bare number is taken as written (a
    /// hair of rounding either way), "about" within a tenth, "nearly" up to a sixth below,
    /// "at least" and "more than" without an upper bound, "up to" and "less than" down to
    /// zero, "thousands" from one to a hundred thousand.
    ///
    /// ```
    /// use claimmap::model::{Figure, Qualifier, Span};
    /// let figure = |value, qualifier| Figure {
    ///     span: Span::default(), value, high: None, qualifier,
    ///     unit: Some("soldiers".into()), modifiers: None, is_each: false,
    /// };
    /// let ten_thousand = figure(10_000.0, None);
    /// assert!(!ten_thousand.agrees_with(&figure(3_000.0, None)));
    /// assert!(ten_thousand.agrees_with(&figure(3_000.0, Some(Qualifier::AtLeast))));
    /// assert!(!ten_thousand.agrees_with(&figure(3_000.0, Some(Qualifier::UpTo))));
    /// ```
    pub fn bounds(&self) -> (f64, f64) {
        let v = self.value;
        match self.qualifier {
            None | Some(Qualifier::Exactly) => (v * 0.99, v * 1.01),
            Some(Qualifier::About) => (v * 0.9, v * 1.1),
            Some(Qualifier::Nearly) => (v * 0.83, v),
            Some(Qualifier::AtLeast | Qualifier::MoreThan) => (v, f64::INFINITY),
            Some(Qualifier::UpTo | Qualifier::LessThan) => (0.0, v),
            Some(Qualifier::Between) => (v, self.high.unwrap_or(v)),
            // "thousands" is loose talk: anything from a thousand to a hundred thousand
            Some(Qualifier::Several) => (v, v * 100.0),
        }
    }

    /// Both figures can be true of one count: their bounds overlap.
    pub fn agrees_with(&self, other: &Figure) -> bool {
        let (a0, a1) = self.bounds();
        let (b0, b1) = other.bounds();
        a0 <= b1 && b0 <= a1
    }
}
