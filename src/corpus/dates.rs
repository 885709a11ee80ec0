//! Dates of documents and of claims.
//!
//! A document's publication date comes from the first of: the date its input gives (a JSONL
//! `date`), the page's own metadata (which the HTML reader records), a dateline near the top
//! of its text ("MOSCOW, Nov 3 (Reuters) -"), a date in its name or web address
//! ("2015-11-11_title", "/2024/11/03/"). Never a file's modification time: that says when a
//! file was copied, not when the article was published.
//!
//! A claim's date is what its sentence says ("on Tuesday", "last week", "in October",
//! "March 3, 2024"), resolved against the document's date with a precision. News reports what
//! has happened, so a bare weekday or a date without a year lies on or before the document's
//! date, unless the words near it speak of the future ("will", "next", "begins"). A month
//! with no tense near it at all is the nearer one ("voters who can cast a ballot in November"
//! in a July article is this November): on the PolNeAR training articles that rule dated 45
//! claims right and 8 wrong that "always before" had the other way round. A claim whose
//! sentence names no time takes the document's date.
//!
//! Everything here is a pure function of one document. A claim's sentence is first checked
//! for a date word or a year in one pass over its bytes (four in five have none); only then
//! are its words read, once, without a regular expression and without allocating per word.

use crate::model::{ClaimDate, DateOrigin, DatePrecision, Day, Document, Span, Weekday};
use crate::text::WordList;

/// How far into a text a dateline is looked for: the headline, a byline and the first line.
const DATELINE_REACH: usize = 600;

/// A date as a name or an address gives it: "/2018/01/" names a month, "2015-11-11" a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// The day, when the name gives one.
    pub fn full(self) -> Option<Day> {
        Day::new(self.year, self.month?, self.day?)
    }
}

/// Sets `published` and `published_from` from the first source that has a date (see the
/// module docs). Idempotent: a date the page's metadata gave is kept, the rest is recomputed.
///
/// ```
/// use claimmap::corpus::dates::date_document;
/// use claimmap::model::{DateOrigin, Day, Document};
///
/// let mut doc = Document::new("2024-10-30_storm.txt", "KYIV, Nov 3 (Reuters) - Officials said ...");
/// date_document(&mut doc);
/// assert_eq!(doc.published, Day::new(2024, 11, 3));
/// assert_eq!(doc.published_from, Some(DateOrigin::Dateline));
/// ```
pub fn date_document(doc: &mut Document) {
    let found = document_date(doc);
    doc.published = found.map(|f| f.0);
    doc.published_from = found.map(|f| f.1);
}

/// A document's publication date and where it came from, from the first source that has one.
pub fn document_date(doc: &Document) -> Option<(Day, DateOrigin)> {
    if let Some(day) = doc.date.as_deref().and_then(parse_date) {
        return Some((day, DateOrigin::Given));
    }
    if let (Some(day), Some(DateOrigin::HtmlMetadata)) = (doc.published, doc.published_from) {
        return Some((day, DateOrigin::HtmlMetadata));
    }
    let names = || std::iter::once(doc.key.as_str()).chain(doc.url.as_deref());
    let full = names().filter_map(name_date).find_map(PartialDate::full);
    // a partial date ("/2018/01/") still tells a dateline without a year its year
    let clue = full
        .map(|d| PartialDate {
            year: d.year,
            month: Some(d.month),
            day: Some(d.day),
        })
        .or_else(|| names().find_map(name_date));
    if let Some(day) = dateline_date(&doc.text, clue) {
        return Some((day, DateOrigin::Dateline));
    }
    full.map(|d| (d, DateOrigin::NameOrUrl))
}

/// A publication date as inputs write it: ISO ("2024-11-03", "2024-11-03T10:00:00Z", the
/// date part read as written, whatever the time zone) or in words ("November 3, 2024",
/// "3 Nov 2024", "Nov. 3, 2024", "Sun, 03 Nov 2024 10:00:00 GMT"). "11/03/2024" is left
/// alone: the day and the month cannot be told apart.
///
/// ```
/// use claimmap::corpus::dates::parse_date;
/// use claimmap::model::Day;
/// assert_eq!(parse_date("Nov. 3, 2024"), Day::new(2024, 11, 3));
/// assert_eq!(parse_date("2024-11-03T10:00:00Z"), Day::new(2024, 11, 3));
/// assert_eq!(parse_date("soon"), None);
/// ```
pub fn parse_date(s: &str) -> Option<Day> {
    let s = s.trim();
    if let Some(day) = iso_prefix(s) {
        return Some(day);
    }
    // a long string is not a date field but a text: read its start
    let s = head(s, 120);
    let mut toks = Vec::new();
    scan(s, &mut toks);
    let w = Words { s, t: &toks };
    (0..toks.len()).find_map(|i| match expression(&w, i, false) {
        Some((Expr::Absolute(day, DatePrecision::Day), _)) => Some(day),
        _ => None,
    })
}

/// The first `max` bytes of `s` at most, ending on a char boundary.
fn head(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// "YYYY-MM-DD" (or with slashes) at the start of `s`, not followed by another digit.
fn iso_prefix(s: &str) -> Option<Day> {
    let b = s.as_bytes();
    let digits = |from: usize, max: usize| {
        let n = b[from.min(b.len())..]
            .iter()
            .take(max + 1)
            .take_while(|c| c.is_ascii_digit())
            .count();
        (1..=max).contains(&n).then_some(n)
    };
    if digits(0, 4)? != 4 {
        return None;
    }
    let sep = *b.get(4).filter(|c| matches!(c, b'-' | b'/'))?;
    let m = digits(5, 2)?;
    if b.get(5 + m) != Some(&sep) {
        return None;
    }
    let d = digits(6 + m, 2)?;
    let number = |a: usize, n: usize| s.get(a..a + n)?.parse::<u32>().ok();
    Day::new(
        number(0, 4)? as i32,
        number(5, m)? as u8,
        number(6 + m, d)? as u8,
    )
}

/// The first date in a file name, key or web address: "2015-11-11_title",
/// "polnear/breitbart/2015-11-11_x", "/2024/11/03/", "20241103"; failing a whole day, the
/// first year and month ("/2018/01/") or year between slashes ("/2018/").
///
/// ```
/// use claimmap::corpus::dates::name_date;
/// let d = name_date("https://example.org/2024/11/03/floods.html").unwrap();
/// assert_eq!((d.year, d.month, d.day), (2024, Some(11), Some(3)));
/// ```
pub fn name_date(name: &str) -> Option<PartialDate> {
    let b = name.as_bytes();
    let mut partial = None;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        // digits inside a word or a hash ("e9035b24") are no date
        if start > 0 && b[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        let number = |a: usize, z: usize| name.get(a..z)?.parse::<u32>().ok();
        let Some(year) = number(start, start + 4).map(|y| y as i32) else {
            continue;
        };
        if !(1900..=2100).contains(&year) {
            continue;
        }
        if i - start == 8 {
            let is_bounded = b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
            let day = number(start + 4, start + 6)
                .zip(number(start + 6, start + 8))
                .and_then(|(m, d)| Day::new(year, u8::try_from(m).ok()?, u8::try_from(d).ok()?));
            if is_bounded && let Some(day) = day {
                return Some(PartialDate {
                    year,
                    month: Some(day.month),
                    day: Some(day.day),
                });
            }
            continue;
        }
        if i - start != 4 {
            continue;
        }
        let Some(&sep) = b.get(i).filter(|c| matches!(c, b'-' | b'_' | b'.' | b'/')) else {
            continue;
        };
        let run = |from: usize| {
            let n = b[from.min(b.len())..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            (1..=2).contains(&n).then_some(n)
        };
        let month = run(i + 1)
            .and_then(|n| Some((number(i + 1, i + 1 + n)?, i + 1 + n)))
            .filter(|&(m, _)| (1..=12).contains(&m));
        let Some((month, after_month)) = month else {
            if sep == b'/' && start > 0 && b[start - 1] == b'/' && partial.is_none() {
                partial = Some(PartialDate {
                    year,
                    month: None,
                    day: None,
                });
            }
            continue;
        };
        let day = (b.get(after_month) == Some(&sep))
            .then(|| run(after_month + 1))
            .flatten()
            .filter(|&n| {
                b.get(after_month + 1 + n)
                    .is_none_or(|c| !c.is_ascii_digit())
            })
            .and_then(|n| number(after_month + 1, after_month + 1 + n))
            .and_then(|d| Day::new(year, month as u8, u8::try_from(d).ok()?));
        match day {
            Some(d) => {
                return Some(PartialDate {
                    year,
                    month: Some(d.month),
                    day: Some(d.day),
                });
            }
            None => {
                let is_month_end = b.get(after_month).is_none_or(|c| !c.is_ascii_digit());
                if is_month_end && partial.is_none_or(|p: PartialDate| p.month.is_none()) {
                    partial = Some(PartialDate {
                        year,
                        month: Some(month as u8),
                        day: None,
                    });
                }
            }
        }
        i = after_month;
    }
    partial
}

/// The date of a dateline near the top of `text`: "MOSCOW, Nov 3 (Reuters) -",
/// "Nov. 3, 2024 —" or a line that is only a date ("Published: 3 November 2024"). A
/// dateline without a year takes it from `clue` (the date in the document's name), the year
/// that puts the two closest; without a clue it is not used.
pub fn dateline_date(text: &str, clue: Option<PartialDate>) -> Option<Day> {
    let head = head(text, DATELINE_REACH);
    let end = head.len();
    if !may_hold_date(head.as_bytes()) {
        return None;
    }
    let mut toks = Vec::with_capacity(head.len() / 4 + 8);
    scan(head, &mut toks);
    let w = Words { s: head, t: &toks };
    for i in 0..toks.len() {
        let Some((expr, next)) = expression(&w, i, false) else {
            continue;
        };
        let (month, day, year) = match expr {
            Expr::Absolute(d, DatePrecision::Day) => (d.month, d.day, Some(d.year)),
            Expr::MonthDay(m, d) => (m, d, None),
            _ => continue,
        };
        // the dateline ends the line, or a dash or an agency in brackets follows it
        let is_cut = next == toks.len() && end < text.len();
        let ends_line = !is_cut && (next == toks.len() || toks[next].line_start);
        let after = ends_line
            || ['-', '—', '–', '(', '|', '/', '·', '•']
                .iter()
                .any(|&c| w.is_punct(next, c))
            || w.number(next).is_some()
            || w.is(next, "at")
            || (w.is_punct(next, ',') && w.number(next + 1).is_some());
        let before = toks[i].line_start
            || (i >= 2 && w.is_punct(i - 1, ',') && w.is_capitalized(i - 2))
            || (i >= 1 && ['|', '·', '•'].iter().any(|&c| w.is_punct(i - 1, c)))
            || is_date_label(&w, i);
        if !(before && after) {
            continue;
        }
        let year = match (year, clue) {
            (Some(y), _) => y,
            (None, Some(c)) => match c.month {
                Some(m) if month as i32 - m as i32 > 6 => c.year - 1,
                Some(m) if (m as i32) - (month as i32) > 6 => c.year + 1,
                _ => c.year,
            },
            (None, None) => continue,
        };
        if let Some(d) = Day::new(year, month, day) {
            return Some(d);
        }
    }
    None
}

/// "Published", "Updated: " and the like opening the line right before token `i` (but not
/// "an email dated Feb. 12, 2012" in the text).
fn is_date_label(w: &Words, i: usize) -> bool {
    let label = if i >= 1 && w.is_punct(i - 1, ':') {
        i.checked_sub(2)
    } else {
        i.checked_sub(1)
    };
    label.is_some_and(|l| {
        w.t[l].line_start
            && ["published", "updated", "posted", "dated", "date"]
                .iter()
                .any(|x| w.is(l, x))
    })
}

/// The date of a claim: the date words of its sentence resolved against the document's
/// `published` date, or else the document's date itself (precision `document`). Words in
/// the content come first ("said the bridge was hit on Monday"), then those nearest the cue
/// ("said on Tuesday"). Without a document date only a date with a year resolves; with
/// neither the claim has no date.
///
/// ```
/// use claimmap::corpus::dates::claim_date;
/// use claimmap::model::{DatePrecision, Day, Span};
///
/// let text = "Officials said on Tuesday that the dam held.";
/// let all = Span::new(0, text.len());
/// let content = Span::new(31, 43);
/// // a Thursday
/// let published = Day::new(2024, 11, 7);
/// let date = claim_date(text, all, content, Some(Span::new(10, 14)), published).unwrap();
/// assert_eq!(date.day, Day::new(2024, 11, 5).unwrap());
/// assert_eq!(date.precision, DatePrecision::Day);
/// assert_eq!(date.words.unwrap().slice(text), "on Tuesday");
/// ```
pub fn claim_date(
    text: &str,
    sentence: Span,
    content: Span,
    cue: Option<Span>,
    published: Option<Day>,
) -> Option<ClaimDate> {
    let fallback = published.map(|day| ClaimDate {
        day,
        precision: DatePrecision::Document,
        words: None,
    });
    let Some(s) = text.get(sentence.range()) else {
        return fallback;
    };
    if !may_hold_date(s.as_bytes()) {
        return fallback;
    }
    let base = sentence.start;
    // about one token in five bytes of news: one allocation, no regrowth
    let mut toks = Vec::with_capacity(s.len() / 4 + 8);
    scan(s, &mut toks);
    let w = Words { s, t: &toks };
    let in_content =
        |a: usize, z: usize| content.contains(Span::new(a + base as usize, z + base as usize));
    let mut best: Option<((bool, u32), ClaimDate)> = None;
    let mut i = 0;
    while i < toks.len() {
        // "on" opens "on Tuesday", but in "vote on next week" it belongs to the verb
        let after_preposition = || {
            is_preposition(&w, i)
                .then(|| expression(&w, i + 1, true))
                .flatten()
                .filter(|(e, _)| {
                    matches!(
                        e,
                        Expr::Weekday(_, Direction::Bare)
                            | Expr::MonthName(_, Direction::Bare)
                            | Expr::MonthDay(..)
                            | Expr::Absolute(..)
                    )
                })
        };
        let Some((expr, end)) = expression(&w, i, false).or_else(after_preposition) else {
            i += 1;
            continue;
        };
        let (a, z) = (toks[i].start as usize, toks[end - 1].end as usize);
        let inside = in_content(a, z);
        let tense = tense(&w, i, end, &|k| {
            in_content(toks[k].start as usize, toks[k].end as usize) == inside
        });
        if let Some((day, precision)) = resolve(expr, published, tense) {
            let words = Span::new(a + base as usize, z + base as usize);
            let distance = cue.map_or(0, |c| {
                if words.end <= c.start {
                    c.start - words.end
                } else {
                    words.start.saturating_sub(c.end)
                }
            });
            let rank = (!inside, distance);
            if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                best = Some((
                    rank,
                    ClaimDate {
                        day,
                        precision,
                        words: Some(words),
                    },
                ));
            }
        }
        i = end;
    }
    best.map(|b| b.1).or(fallback)
}

/// The words one of which every kind of date words holds, but for a year: a weekday, a
/// month, "yesterday", "today", "tonight", "tomorrow", "week(end)", "month", "year", "night",
/// a part of the day, "ago" (which "two weeks ago" holds).
const DATE_WORDS: &[&[u8]] = &[
    b"monday",
    b"tuesday",
    b"wednesday",
    b"thursday",
    b"friday",
    b"saturday",
    b"sunday",
    b"january",
    b"february",
    b"march",
    b"april",
    b"may",
    b"june",
    b"july",
    b"august",
    b"september",
    b"october",
    b"november",
    b"december",
    b"jan",
    b"feb",
    b"mar",
    b"apr",
    b"jun",
    b"jul",
    b"aug",
    b"sep",
    b"sept",
    b"oct",
    b"nov",
    b"dec",
    b"yesterday",
    b"today",
    b"tonight",
    b"tomorrow",
    b"week",
    b"weekend",
    b"month",
    b"year",
    b"night",
    b"morning",
    b"afternoon",
    b"evening",
    b"ago",
];

/// One of 4,096 bits for a word, from its first four letters (lowered) and its length.
const fn word_bit(first_letters: u32, len: usize) -> usize {
    let key = first_letters as u64 | (len as u64) << 32;
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize
}

/// A word's first four letters, lowered, as one number.
const fn first_letters(word: &[u8]) -> u32 {
    if let [a, b, c, d, ..] = *word {
        return u32::from_le_bytes([a, b, c, d]) | 0x2020_2020;
    }
    let mut key = 0;
    let mut n = 0;
    while n < word.len() && n < 4 {
        key |= ((word[n] | 0x20) as u32) << (8 * n);
        n += 1;
    }
    key
}

/// The bits of [`DATE_WORDS`]: a word whose bit is clear is none of them.
const DATE_WORD_BITS: [u64; 64] = {
    let mut bits = [0u64; 64];
    let mut i = 0;
    while i < DATE_WORDS.len() {
        let b = word_bit(first_letters(DATE_WORDS[i]), DATE_WORDS[i].len());
        bits[b >> 6] |= 1 << (b & 63);
        i += 1;
    }
    bits
};

/// Whether a text may hold date words: a run of four digits (a year), or one of
/// [`DATE_WORDS`]. Four in five claims' sentences hold none, and this one pass over their
/// bytes (a bit test per word, a comparison only when the bit is set) costs a fraction of
/// reading their words.
fn may_hold_date(b: &[u8]) -> bool {
    let is_date_word = |word: &[u8]| {
        let bit = word_bit(first_letters(word), word.len());
        DATE_WORD_BITS[bit >> 6] & (1 << (bit & 63)) != 0
            && DATE_WORDS.iter().any(|d| d.eq_ignore_ascii_case(word))
    };
    // where the current word started; the digits in it
    let (mut start, mut digits) = (0, 0);
    for (i, &c) in b.iter().enumerate() {
        match CLASSES[c as usize] {
            Class::Letter => {}
            Class::Digit => digits += 1,
            _ => {
                if digits == 4 || (i > start && is_date_word(&b[start..i])) {
                    return true;
                }
                (start, digits) = (i + 1, 0);
            }
        }
    }
    digits == 4 || (b.len() > start && is_date_word(&b[start..]))
}

/// "on", "in", "during": a preposition that may open date words.
fn is_preposition(w: &Words, i: usize) -> bool {
    matches!(w.lex(i), Lex::Preposition | Lex::During)
}

/// Verbs in the present that put a date right after them ahead: "the convention begins
/// Monday", "the primaries that follow in March", "the vote is Tuesday".
static SCHEDULE_VERBS: WordList = WordList::new(&[
    "begins", "starts", "opens", "ends", "follow", "follows", "resumes", "expires", "convenes",
    "is", "are",
]);

/// Words that put what they speak of ahead ("going to", "’ll" and "won’t" are tested apart).
static FUTURE_WORDS: WordList = WordList::new(&[
    "will",
    "Will",
    "shall",
    "scheduled",
    "upcoming",
    "plans",
    "planning",
    "expected",
]);

/// Past forms that do not end in "-ed", and words that put what they speak of behind.
static PAST_WORDS: WordList = WordList::new(&[
    "was", "were", "had", "did", "said", "told", "began", "came", "went", "made", "took", "won",
    "lost", "met", "saw", "gave", "got", "left", "held", "ran", "became", "fell", "rose", "spoke",
    "wrote", "brought", "thought", "found", "sent", "struck", "led", "paid", "sought", "fought",
    "built", "kept", "grew", "drew", "knew", "chose", "broke", "stood", "heard", "since", "Since",
    "back", "ago",
]);

/// The tense of the words around a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    /// Neither a past form nor a future word nearby ("voters eligible to cast a ballot in
    /// November").
    Unknown,
}

/// The tense of the words around a date (tokens `start..end`), within a few words and in
/// the same clause: the future when [`FUTURE_WORDS`], "’ll", "won’t" or "going to" is there
/// on the same side of the content's edge (`same_part`: "said on Tuesday that he will" is
/// Tuesday past) or a [`SCHEDULE_VERBS`] verb comes right before the date; else the past
/// when a past form ("said", "closed"), "since", "back" or "ago" is there, or the date opens
/// the sentence.
fn tense(w: &Words, start: usize, end: usize, same_part: &dyn Fn(usize) -> bool) -> Tense {
    let is_word = |k: usize| w.t.get(k).is_some_and(|t| t.kind == Kind::Word);
    if start >= 1
        && is_word(start - 1)
        && same_part(start - 1)
        && SCHEDULE_VERBS.contains(w.text(start - 1))
    {
        return Tense::Future;
    }
    let is_future = |k: usize| {
        is_word(k)
            && same_part(k)
            && (FUTURE_WORDS.contains(w.text(k))
                || (w.is(k, "going") && w.is_lower(k + 1, "to"))
                || (w.is(k, "ll") && k >= 1 && w.is_apostrophe(k - 1))
                || (w.is(k, "won") && w.is_apostrophe(k + 1) && w.is(k + 2, "t")))
    };
    let is_past = |k: usize| {
        let word = w.text(k);
        let is_ed = word.len() >= 4
            && word.ends_with("ed")
            && !word.ends_with("eed")
            && word.bytes().all(|b| b.is_ascii_lowercase());
        is_word(k)
            && (is_ed || PAST_WORDS.contains(word))
            && !(word == "won" && w.is_apostrophe(k + 1))
    };
    if in_clause(w, start, end, &is_future) {
        Tense::Future
    } else if start == 0 || in_clause(w, start, end, &is_past) {
        // a sentence opening on its date ("In May, a judge ...") tells a story
        Tense::Past
    } else {
        Tense::Unknown
    }
}

/// Whether `test` holds for a word within a few words of tokens `start..end`, without
/// crossing a clause break (a date opening its clause reaches past one comma: "On Tuesday,
/// the council will vote").
fn in_clause(w: &Words, start: usize, end: usize, test: &dyn Fn(usize) -> bool) -> bool {
    const REACH: usize = 8;
    let is_break = |k: usize| {
        [',', ';', ':', '—', '–', '(', ')', '"', '“', '”']
            .iter()
            .any(|&c| w.is_punct(k, c))
    };
    let opens_clause = start == 0 || is_break(start - 1);
    let mut commas = usize::from(opens_clause);
    for k in end..(end + REACH).min(w.t.len()) {
        if is_break(k) {
            if w.is_punct(k, ',') && commas > 0 {
                commas -= 1;
                continue;
            }
            break;
        }
        if test(k) {
            return true;
        }
    }
    (start.saturating_sub(REACH)..start)
        .rev()
        .take_while(|&k| !is_break(k))
        .any(test)
}

/// Date words, before they are resolved against a document's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expr {
    /// "yesterday" (-1), "today", "tonight" (0), "tomorrow" (1), "last night" (-1).
    DayOffset(i64),
    /// "Tuesday", "last Tuesday", "next Tuesday".
    Weekday(Weekday, Direction),
    /// "this week" (0), "last week" (-1), "next week" (1).
    Week(i64),
    /// "over the weekend", "last weekend".
    Weekend(Direction),
    /// "this month" (0), "last month" (-1).
    Month(i32),
    /// "this year" (0), "last year" (-1).
    Year(i32),
    /// "in October", "last October".
    MonthName(u8, Direction),
    /// "March 3", "3 March": a day without a year.
    MonthDay(u8, u8),
    /// "March 3, 2024" (day), "October 2023" (month), "in 2023" (year).
    Absolute(Day, DatePrecision),
    /// "two weeks ago".
    Ago(i64, DatePrecision),
}

/// Which occurrence of a weekday, month or weekend the words mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    /// As written alone: on or before the document's date in reporting, on or after it
    /// when the sentence speaks of the future (a month with no tense nearby: the nearer).
    Bare,
    /// "last": strictly before.
    Last,
    /// "this": the one of the document's week, month or year.
    This,
    /// "next": strictly after.
    Next,
}

/// The day and precision the words mean, given the document's date.
fn resolve(expr: Expr, published: Option<Day>, tense: Tense) -> Option<(Day, DatePrecision)> {
    use DatePrecision as P;
    let future = tense == Tense::Future;
    if let Expr::Absolute(day, p) = expr {
        return Some((day, p));
    }
    let doc = published?;
    let y = doc.year;
    Some(match expr {
        Expr::Absolute(day, p) => (day, p),
        Expr::DayOffset(n) => (doc.add_days(n), P::Day),
        Expr::Weekday(wd, dir) => {
            let target = wd.number_from_monday() as i64;
            let own = doc.weekday().number_from_monday() as i64;
            let back = (own - target).rem_euclid(7);
            let ahead = (target - own).rem_euclid(7);
            let offset = match (dir, future) {
                (Direction::Last, _) => -(if back == 0 { 7 } else { back }),
                (Direction::Next, _) => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                (Direction::Bare | Direction::This, false) => -back,
                (Direction::Bare | Direction::This, true) => ahead,
            };
            (doc.add_days(offset), P::Day)
        }
        Expr::Week(n) => (doc.monday().add_days(7 * n), P::Week),
        Expr::Weekend(dir) => {
            let own = doc.weekday().number_from_monday() as i64;
            let saturday = Weekday::Saturday.number_from_monday() as i64;
            let back = (own - saturday).rem_euclid(7);
            let ahead = (saturday - own).rem_euclid(7);
            let offset = match (dir, future) {
                (Direction::Last, _) => -(if back == 0 { 7 } else { back }),
                (Direction::Next, _) => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                (_, false) => -back,
                (_, true) => ahead,
            };
            (doc.add_days(offset).monday(), P::Week)
        }
        Expr::Month(n) => (doc.first_of_month().add_months(n), P::Month),
        Expr::Year(n) => (Day::new(y + n, 1, 1)?, P::Year),
        Expr::MonthName(m, dir) => {
            let back = (i32::from(doc.month) - i32::from(m)).rem_euclid(12);
            let ahead = (i32::from(m) - i32::from(doc.month)).rem_euclid(12);
            let year = match (dir, tense) {
                (Direction::This, _) => y,
                (Direction::Last, _) => y - i32::from(m >= doc.month),
                (Direction::Next, _) => y + i32::from(m <= doc.month),
                (Direction::Bare, Tense::Future) => y + i32::from(m < doc.month),
                // no tense to go by: the nearer one (November in a July article is this
                // year's, October in a January article last year's)
                (Direction::Bare, Tense::Unknown) if ahead < back => y + i32::from(m < doc.month),
                (Direction::Bare, _) => y - i32::from(m > doc.month),
            };
            (Day::new(year, m, 1)?, P::Month)
        }
        Expr::MonthDay(m, d) => {
            let year = if future {
                y + i32::from((m, d) < (doc.month, doc.day))
            } else {
                y - i32::from((m, d) > (doc.month, doc.day))
            };
            (Day::new(year, m, d)?, P::Day)
        }
        Expr::Ago(n, precision) => match precision {
            P::Week => (doc.add_days(-7 * n).monday(), P::Week),
            P::Month => (
                doc.first_of_month()
                    .add_months(-(n.clamp(0, 12_000) as i32)),
                P::Month,
            ),
            P::Year => (Day::new(y - n.clamp(0, 10_000) as i32, 1, 1)?, P::Year),
            _ => (doc.add_days(-n), P::Day),
        },
    })
}

/// Date words starting at token `i`. `is_signalled`: a preposition before them ("in"), which
/// lets a month or a year stand alone ("in May", "in 2023"; "May" alone is a verb).
fn expression(w: &Words, i: usize, is_signalled: bool) -> Option<(Expr, usize)> {
    let tok = *w.t.get(i)?;
    match tok.kind {
        Kind::Number => number_expression(w, i, is_signalled),
        Kind::Punct => None,
        Kind::Word => match tok.lex {
            // "yesterday" and "Today" opening a sentence, but not "USA Today"
            Lex::DayWord(n) if !tok.is_capitalized || i == 0 || w.t[i - 1].kind == Kind::Punct => {
                Some((Expr::DayOffset(i64::from(n)), i + 1))
            }
            // "over the last year" is the past twelve months, not last year
            Lex::Direction(dir) if !(i >= 1 && w.is_lower(i - 1, "the")) => relative(w, i + 1, dir),
            Lex::Modifier => {
                if let Lex::Direction(dir) = w.lex(i + 1) {
                    return relative(w, i + 2, dir)
                        .filter(|(e, _)| !matches!(e, Expr::Weekday(..) | Expr::DayOffset(..)));
                }
                if w.is_lower(i + 1, "today") {
                    return Some((Expr::DayOffset(0), i + 2));
                }
                expression(w, i + 1, true)
                    .filter(|(e, _)| matches!(e, Expr::MonthName(..) | Expr::Absolute(..)))
            }
            Lex::Mid if w.is_punct(i + 1, '-') => expression(w, i + 2, true)
                .filter(|(e, _)| matches!(e, Expr::MonthName(..) | Expr::Absolute(..))),
            Lex::Over | Lex::During if w.is_lower(i + 1, "the") && w.is_lower(i + 2, "weekend") => {
                Some((Expr::Weekend(Direction::Bare), i + 3))
            }
            Lex::Weekday(wd) if tok.is_capitalized => weekday_expression(w, i, wd),
            Lex::Month(_) | Lex::ShortMonth(_) => month_expression(w, i, is_signalled),
            Lex::NumberWord(_) => ago(w, i),
            _ => None,
        },
    }
}

/// What follows "last", "this" or "next" (at token `i`): a unit ("week", lower case, so not
/// ABC's "This Week"), a weekday, a month, "night" or a part of today.
fn relative(w: &Words, i: usize, dir: Direction) -> Option<(Expr, usize)> {
    let step = match dir {
        Direction::Last => -1,
        Direction::This | Direction::Bare => 0,
        Direction::Next => 1,
    };
    if w.is_lower(i, "week") {
        return Some((Expr::Week(step), i + 1));
    }
    if w.is_lower(i, "weekend") {
        return Some((Expr::Weekend(dir), i + 1));
    }
    if w.is_lower(i, "month") {
        return Some((Expr::Month(step as i32), i + 1));
    }
    if w.is_lower(i, "year") {
        return Some((Expr::Year(step as i32), i + 1));
    }
    if dir == Direction::Last && w.is_lower(i, "night") {
        return Some((Expr::DayOffset(-1), i + 1));
    }
    if dir == Direction::This
        && ["morning", "afternoon", "evening"]
            .iter()
            .any(|p| w.is_lower(i, p))
    {
        return Some((Expr::DayOffset(0), i + 1));
    }
    if let Some(wd) = weekday(w, i) {
        return Some((Expr::Weekday(wd, dir), part_of_day(w, i + 1)));
    }
    let (m, is_short, next) = month(w, i)?;
    (!is_short).then_some((Expr::MonthName(m, dir), next))
}

/// Past "morning", "afternoon", "evening" or "night" at token `i`, if there.
fn part_of_day(w: &Words, i: usize) -> usize {
    let is_part = ["morning", "afternoon", "evening", "night"]
        .iter()
        .any(|p| w.is_lower(i, p));
    if is_part { i + 1 } else { i }
}

/// Words before a weekday that make it a name ("Good Friday", "Black Friday").
const WEEKDAY_NAME_BEFORE: &[&str] = &[
    "good", "black", "cyber", "holy", "ash", "palm", "easter", "maundy", "bloody",
];
/// Words after a weekday that make it a name ("Sunday Times", "Monday Night Football").
const WEEKDAY_NAME_AFTER: &[&str] = &[
    "times",
    "telegraph",
    "express",
    "mirror",
    "post",
    "herald",
    "mail",
    "people",
    "sport",
    "night",
    "morning",
    "review",
    "star",
    "independent",
    "observer",
    "football",
    "service",
    "school",
];

fn weekday_expression(w: &Words, i: usize, wd: Weekday) -> Option<(Expr, usize)> {
    let is_name_before =
        i >= 1 && w.is_capitalized(i - 1) && WEEKDAY_NAME_BEFORE.iter().any(|x| w.is(i - 1, x));
    let is_mail_on_sunday = i >= 2 && w.is(i - 1, "on") && w.is(i - 2, "mail");
    let is_name_after =
        w.is_capitalized(i + 1) && WEEKDAY_NAME_AFTER.iter().any(|x| w.is(i + 1, x));
    if is_name_before || is_mail_on_sunday || is_name_after {
        return None;
    }
    // "Tuesday, Nov. 3": the date, not the weekday
    if w.is_punct(i + 1, ',')
        && let Some(found @ (Expr::Absolute(..) | Expr::MonthDay(..), _)) =
            month_expression(w, i + 2, false).or_else(|| number_expression(w, i + 2, false))
    {
        return Some(found);
    }
    Some((Expr::Weekday(wd, Direction::Bare), part_of_day(w, i + 1)))
}

/// A month name at token `i` with what follows it: "March 3[, 2024]", "Nov. 3",
/// "October 2023", or (when signalled) "May" alone.
fn month_expression(w: &Words, i: usize, is_signalled: bool) -> Option<(Expr, usize)> {
    let (m, is_short, next) = month(w, i)?;
    if let Some(d) = day_number(w, next) {
        let after = ordinal(w, next + 1);
        let (year, end) = if let Some(y) = year(w, after) {
            (Some(y), after + 1)
        } else if w.is_punct(after, ',')
            && let Some(y) = year(w, after + 1)
        {
            (Some(y), after + 2)
        } else {
            (None, after)
        };
        return match year {
            Some(y) => Some((Expr::Absolute(Day::new(y, m, d)?, DatePrecision::Day), end)),
            None if is_event_name(w, m, d, end) => None,
            None => Some((Expr::MonthDay(m, d), end)),
        };
    }
    if let Some(y) = year(w, next) {
        return Some((
            Expr::Absolute(Day::new(y, m, 1)?, DatePrecision::Month),
            next + 1,
        ));
    }
    (is_signalled && !is_short).then_some((Expr::MonthName(m, Direction::Bare), next))
}

/// Date words opening with a number: "3 March[ 2024]", "3rd of March", "2024-11-03",
/// "two weeks ago" (in digits), or a signalled year ("in 2023").
fn number_expression(w: &Words, i: usize, is_signalled: bool) -> Option<(Expr, usize)> {
    // ISO in running text: "2024-11-03"
    if let Some(y) = year(w, i)
        && (w.is_punct(i + 1, '-') || w.is_punct(i + 1, '/'))
        && w.is_adjacent(i + 1)
        && w.is_adjacent(i + 2)
        && w.is_adjacent(i + 3)
        && w.is_adjacent(i + 4)
        && w.text(i + 3) == w.text(i + 1)
        && let (Some(m), Some(d)) = (w.number(i + 2), w.number(i + 4))
        && w.text(i + 2).len() <= 2
        && w.text(i + 4).len() <= 2
    {
        let day = Day::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)?;
        return Some((Expr::Absolute(day, DatePrecision::Day), i + 5));
    }
    if let Some(d) = day_number(w, i) {
        let mut next = ordinal(w, i + 1);
        if w.is_lower(next, "of") {
            next += 1;
        }
        if let Some((m, _, after)) = month(w, next) {
            let (year, end) = match year(w, after) {
                Some(y) => (Some(y), after + 1),
                None if w.is_punct(after, ',') => match year(w, after + 1) {
                    Some(y) => (Some(y), after + 2),
                    None => (None, after),
                },
                None => (None, after),
            };
            return match year {
                Some(y) => Some((Expr::Absolute(Day::new(y, m, d)?, DatePrecision::Day), end)),
                None if is_event_name(w, m, d, end) => None,
                None => Some((Expr::MonthDay(m, d), end)),
            };
        }
    }
    if let Some(found) = ago(w, i) {
        return Some(found);
    }
    let y = year(w, i)?;
    let is_quantity = w.is_punct(i + 1, '%') || w.is(i + 1, "percent");
    ((1800..=2100).contains(&y) && is_signalled && !is_quantity).then_some((
        Expr::Absolute(Day::new(y, 1, 1)?, DatePrecision::Year),
        i + 1,
    ))
}

/// "the Sept. 11 attacks", "the Jan. 6 committee": a day that names an event of another
/// year, not a day before the article.
fn is_event_name(w: &Words, month: u8, day: u8, next: usize) -> bool {
    const EVENT_WORDS: &[&str] = &[
        "attack",
        "attacks",
        "riot",
        "insurrection",
        "committee",
        "commission",
        "hijackers",
        "terror",
        "terrorist",
    ];
    matches!((month, day), (9, 11) | (1, 6)) && EVENT_WORDS.iter().any(|x| w.is_lower(next, x))
}

/// "two weeks ago", "3 days ago", "a year ago".
fn ago(w: &Words, i: usize) -> Option<(Expr, usize)> {
    if w.lex(i + 2) != Lex::Ago || !w.is_lower(i + 2, "ago") {
        return None;
    }
    let n = match (w.lex(i), w.number(i)) {
        (Lex::NumberWord(n), _) => i64::from(n),
        (_, Some(n)) if w.text(i).len() <= 4 => i64::from(n),
        _ => return None,
    };
    let is_lower = w.text(i + 1).bytes().all(|b| b.is_ascii_lowercase());
    match w.lex(i + 1) {
        Lex::Unit(precision) if is_lower => Some((Expr::Ago(n, precision), i + 3)),
        _ => None,
    }
}

/// A day of the month (1..=31, one or two digits) at token `i`.
fn day_number(w: &Words, i: usize) -> Option<u8> {
    let n = w.number(i)?;
    let is_time = w.is_punct(i + 1, ':') && w.is_adjacent(i + 1);
    (w.text(i).len() <= 2 && (1..=31).contains(&n) && !is_time).then_some(n as u8)
}

/// Past an ordinal suffix ("3rd") at token `i`, if there.
fn ordinal(w: &Words, i: usize) -> usize {
    let is_suffix = w.is_adjacent(i) && ["st", "nd", "rd", "th"].iter().any(|x| w.is_lower(i, x));
    if is_suffix { i + 1 } else { i }
}

/// A four-digit year at token `i`, not "1990s".
fn year(w: &Words, i: usize) -> Option<i32> {
    let n = w.number(i)?;
    let is_decade = w.is_adjacent(i + 1) && w.t.get(i + 1).is_some_and(|t| t.kind == Kind::Word);
    (w.text(i).len() == 4 && (1000..=2999).contains(&n) && !is_decade).then_some(n as i32)
}

/// A capitalised month name at token `i`: its number, whether it was abbreviated, and the
/// token after it (and after an abbreviation's dot).
fn month(w: &Words, i: usize) -> Option<(u8, bool, usize)> {
    if !w.is_capitalized(i) {
        return None;
    }
    match w.lex(i) {
        Lex::Month(m) => Some((m, false, i + 1)),
        Lex::ShortMonth(m) => {
            let is_dot = w.is_punct(i + 1, '.') && w.is_adjacent(i + 1);
            Some((m, true, if is_dot { i + 2 } else { i + 1 }))
        }
        _ => None,
    }
}

/// A capitalised weekday name at token `i`.
fn weekday(w: &Words, i: usize) -> Option<Weekday> {
    match w.lex(i) {
        Lex::Weekday(d) if w.is_capitalized(i) => Some(d),
        _ => None,
    }
}

/// What a word can be in date words, known once per word so that the matchers test an enum,
/// not strings: most words are [`Lex::Other`] and end the matching at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lex {
    Other,
    Month(u8),
    /// "Jan", "Sept": only with a day or a year after it.
    ShortMonth(u8),
    Weekday(Weekday),
    /// "yesterday" (-1), "today", "tonight" (0), "tomorrow" (1).
    DayWord(i8),
    Direction(Direction),
    /// "earlier", "later", "early", "late".
    Modifier,
    Mid,
    Over,
    During,
    /// "on", "in".
    Preposition,
    /// "a", "an", "one" to "twelve".
    NumberWord(u8),
    /// "day", "weeks", ...
    Unit(DatePrecision),
    Ago,
}

/// The longest date word has nine letters ("September", "Wednesday", "yesterday").
const LONGEST_WORD: usize = 9;

/// The [`Lex`] of a word of ASCII letters, given in lower case.
fn lex(w: &[u8]) -> Lex {
    use Direction as D;
    use Weekday as W;
    let Some(&first) = w.first() else {
        return Lex::Other;
    };
    let unit = |p| Lex::Unit(p);
    match (first, w) {
        (b'a', b"a" | b"an") => Lex::NumberWord(1),
        (b'a', b"april") => Lex::Month(4),
        (b'a', b"apr") => Lex::ShortMonth(4),
        (b'a', b"august") => Lex::Month(8),
        (b'a', b"aug") => Lex::ShortMonth(8),
        (b'a', b"ago") => Lex::Ago,
        (b'd', b"december") => Lex::Month(12),
        (b'd', b"dec") => Lex::ShortMonth(12),
        (b'd', b"during") => Lex::During,
        (b'd', b"day" | b"days") => unit(DatePrecision::Day),
        (b'e', b"earlier" | b"early") => Lex::Modifier,
        (b'e', b"eight") => Lex::NumberWord(8),
        (b'e', b"eleven") => Lex::NumberWord(11),
        (b'f', b"february") => Lex::Month(2),
        (b'f', b"feb") => Lex::ShortMonth(2),
        (b'f', b"friday") => Lex::Weekday(W::Friday),
        (b'f', b"four") => Lex::NumberWord(4),
        (b'f', b"five") => Lex::NumberWord(5),
        (b'i', b"in") => Lex::Preposition,
        (b'j', b"january") => Lex::Month(1),
        (b'j', b"jan") => Lex::ShortMonth(1),
        (b'j', b"june") => Lex::Month(6),
        (b'j', b"jun") => Lex::ShortMonth(6),
        (b'j', b"july") => Lex::Month(7),
        (b'j', b"jul") => Lex::ShortMonth(7),
        (b'l', b"last") => Lex::Direction(D::Last),
        (b'l', b"later" | b"late") => Lex::Modifier,
        (b'm', b"march") => Lex::Month(3),
        (b'm', b"mar") => Lex::ShortMonth(3),
        (b'm', b"may") => Lex::Month(5),
        (b'm', b"monday") => Lex::Weekday(W::Monday),
        (b'm', b"month" | b"months") => unit(DatePrecision::Month),
        (b'm', b"mid") => Lex::Mid,
        (b'n', b"november") => Lex::Month(11),
        (b'n', b"nov") => Lex::ShortMonth(11),
        (b'n', b"next") => Lex::Direction(D::Next),
        (b'n', b"nine") => Lex::NumberWord(9),
        (b'o', b"october") => Lex::Month(10),
        (b'o', b"oct") => Lex::ShortMonth(10),
        (b'o', b"on") => Lex::Preposition,
        (b'o', b"over") => Lex::Over,
        (b'o', b"one") => Lex::NumberWord(1),
        (b's', b"september") => Lex::Month(9),
        (b's', b"sep" | b"sept") => Lex::ShortMonth(9),
        (b's', b"saturday") => Lex::Weekday(W::Saturday),
        (b's', b"sunday") => Lex::Weekday(W::Sunday),
        (b's', b"six") => Lex::NumberWord(6),
        (b's', b"seven") => Lex::NumberWord(7),
        (b't', b"tuesday") => Lex::Weekday(W::Tuesday),
        (b't', b"thursday") => Lex::Weekday(W::Thursday),
        (b't', b"today" | b"tonight") => Lex::DayWord(0),
        (b't', b"tomorrow") => Lex::DayWord(1),
        (b't', b"this") => Lex::Direction(D::This),
        (b't', b"two") => Lex::NumberWord(2),
        (b't', b"three") => Lex::NumberWord(3),
        (b't', b"ten") => Lex::NumberWord(10),
        (b't', b"twelve") => Lex::NumberWord(12),
        (b'w', b"wednesday") => Lex::Weekday(W::Wednesday),
        (b'w', b"week" | b"weeks") => unit(DatePrecision::Week),
        (b'y', b"yesterday") => Lex::DayWord(-1),
        (b'y', b"year" | b"years") => unit(DatePrecision::Year),
        _ => Lex::Other,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Number,
    Punct,
}

/// A word (a run of letters), a number (a run of ASCII digits) or one other char: byte
/// offsets into the scanned text, kept small since every token of a claim's sentence is one.
#[derive(Clone, Copy, Debug)]
struct Tok {
    start: u32,
    end: u32,
    kind: Kind,
    lex: Lex,
    /// A word whose first letter is a capital.
    is_capitalized: bool,
    /// First on its line.
    line_start: bool,
}

impl Tok {
    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// What a byte starts or continues, for [`scan`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Newline,
    Digit,
    Letter,
    /// The first byte of a char beyond ASCII.
    Beyond,
    Other,
}

const CLASSES: [Class; 256] = {
    let mut t = [Class::Other; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c == b'\n' {
            Class::Newline
        } else if c.is_ascii_whitespace() {
            Class::Space
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_ascii_alphabetic() {
            Class::Letter
        } else if c >= 0x80 {
            Class::Beyond
        } else {
            Class::Other
        };
        b += 1;
    }
    t
};

/// The tokens of `s` into `out` (cleared first). Simpler than the pipeline's tokenizer on
/// purpose: date words need only letters, digits and the punctuation between them. One pass
/// over the bytes through a class table; only words short enough to be date words are
/// lowered and looked up. Texts beyond 4 GiB are cut (a claim's sentence never is one).
fn scan(s: &str, out: &mut Vec<Tok>) {
    out.clear();
    let b = &s.as_bytes()[..s.len().min(u32::MAX as usize)];
    let class = |i: usize| b.get(i).map_or(Class::Space, |&c| CLASSES[c as usize]);
    // the char beyond ASCII at byte `i`
    let char_at = |i: usize| s.get(i..).and_then(|r| r.chars().next());
    let run = |from: usize, of: Class| {
        b[from..]
            .iter()
            .position(|&c| CLASSES[c as usize] != of)
            .map_or(b.len(), |n| from + n)
    };
    let mut i = 0;
    let mut line_start = true;
    while i < b.len() {
        let start = i;
        let mut lex_of = Lex::Other;
        let mut is_capitalized = false;
        let kind = match class(i) {
            Class::Newline => {
                line_start = true;
                i += 1;
                continue;
            }
            Class::Space => {
                i = run(i, Class::Space);
                continue;
            }
            Class::Digit => {
                i = run(i, Class::Digit);
                Kind::Number
            }
            Class::Letter => {
                i = run(i, Class::Letter);
                let ascii_end = i;
                // a word that goes on beyond ASCII ("Zürich") is no date word
                while let Some(c) = char_at(i).filter(|c| !c.is_ascii() && c.is_alphabetic()) {
                    i += c.len_utf8();
                    i = run(i, Class::Letter);
                }
                let word = &b[start..ascii_end];
                if ascii_end == i && word.len() <= LONGEST_WORD {
                    let mut lower = [0u8; LONGEST_WORD];
                    for (l, c) in lower.iter_mut().zip(word) {
                        *l = c | 0x20;
                    }
                    lex_of = lex(&lower[..word.len()]);
                }
                is_capitalized = b[start].is_ascii_uppercase();
                Kind::Word
            }
            Class::Other => {
                i += 1;
                Kind::Punct
            }
            Class::Beyond => {
                let c = char_at(i).unwrap_or('\u{fffd}');
                i += c.len_utf8().max(1);
                if c.is_whitespace() {
                    continue;
                }
                if c.is_alphabetic() {
                    while let Some(c) = char_at(i).filter(|c| c.is_alphabetic()) {
                        i += c.len_utf8();
                    }
                    is_capitalized = c.is_uppercase();
                    Kind::Word
                } else {
                    Kind::Punct
                }
            }
        };
        out.push(Tok {
            start: start as u32,
            end: i as u32,
            kind,
            lex: lex_of,
            is_capitalized,
            line_start,
        });
        line_start = false;
    }
}

/// Tokens and their text, with the tests the matchers ask; out-of-range tokens answer no.
struct Words<'a> {
    s: &'a str,
    t: &'a [Tok],
}

impl Words<'_> {
    fn text(&self, i: usize) -> &str {
        self.t
            .get(i)
            .and_then(|t| self.s.get(t.range()))
            .unwrap_or("")
    }

    /// A word equal to `x` in any case.
    fn is(&self, i: usize, x: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word) && self.text(i).eq_ignore_ascii_case(x)
    }

    /// A word equal to `x` as written (`x` is lower case).
    fn is_lower(&self, i: usize, x: &str) -> bool {
        self.text(i) == x
    }

    fn is_capitalized(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.is_capitalized)
    }

    fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::Other, |t| t.lex)
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct) && self.text(i).starts_with(c)
    }

    fn is_apostrophe(&self, i: usize) -> bool {
        self.is_punct(i, '\'') || self.is_punct(i, '’')
    }

    /// Token `i` follows token `i - 1` with no space between.
    fn is_adjacent(&self, i: usize) -> bool {
        i >= 1
            && match (self.t.get(i - 1), self.t.get(i)) {
                (Some(a), Some(b)) => a.end == b.start,
                _ => false,
            }
    }

    fn number(&self, i: usize) -> Option<u32> {
        let t = self.t.get(i).filter(|t| t.kind == Kind::Number)?;
        if t.end - t.start > 9 {
            return None;
        }
        self.text(i).parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        s.parse().unwrap()
    }

    /// The claim date of a sentence that is all content, against a document date.
    fn date_of(sentence: &str, published: &str) -> Option<(String, DatePrecision, String)> {
        let all = Span::new(0, sentence.len());
        claim_date(sentence, all, all, None, Some(day(published))).map(|d| {
            let words = d
                .words
                .map(|w| w.slice(sentence).to_string())
                .unwrap_or_default();
            (d.value(), d.precision, words)
        })
    }

    use DatePrecision::{Day as D, Document as Doc, Month as M, Week as W, Year as Y};

    /// (sentence, document date, date, precision, words). 2024-11-07 is a Thursday.
    #[rustfmt::skip]
    const RESOLVED: &[(&str, &str, &str, DatePrecision, &str)] = &[
        // a weekday before the document's own weekday: earlier that week
        ("Officials said on Tuesday that the dam held.", "2024-11-07", "2024-11-05", D, "on Tuesday"),
        // a weekday after it: the week before, not the days to come
        ("Officials said Friday that the dam held.", "2024-11-07", "2024-11-01", D, "Friday"),
        // the document's own weekday: that day
        ("The mayor said on Thursday the roads were closed.", "2024-11-07", "2024-11-07", D, "on Thursday"),
        ("The ministry said yesterday that prices rose.", "2024-11-07", "2024-11-06", D, "yesterday"),
        ("Today the agency said the plant was safe.", "2024-11-07", "2024-11-07", D, "Today"),
        ("Police said last week that two men were held.", "2024-11-07", "2024-10-28", W, "last week"),
        ("Police said this week that two men were held.", "2024-11-07", "2024-11-04", W, "this week"),
        ("The council will vote next Tuesday, the mayor said.", "2024-11-07", "2024-11-12", D, "next Tuesday"),
        ("The council will meet on Friday, officials said.", "2024-11-07", "2024-11-08", D, "on Friday"),
        ("On Tuesday, the council will vote on the plan.", "2024-11-07", "2024-11-12", D, "On Tuesday"),
        ("The minister said the talks began on March 3.", "2024-11-07", "2024-03-03", D, "on March 3"),
        // a day without a year lies before the document, so in the year before
        ("The minister said the talks began on Dec. 3.", "2024-11-07", "2023-12-03", D, "on Dec. 3"),
        ("The report was signed March 3, 2021, officials said.", "2024-11-07", "2021-03-03", D, "March 3, 2021"),
        ("The army said the strike took place on 3 March.", "2024-11-07", "2024-03-03", D, "on 3 March"),
        ("The agency said the spill happened in October.", "2024-11-07", "2024-10", M, "in October"),
        // year boundaries: October and December in a January article are last year's
        ("The agency said the spill happened in October.", "2025-01-09", "2024-10", M, "in October"),
        ("The agency said the spill happened in December.", "2025-01-09", "2024-12", M, "in December"),
        ("The vote took place on Dec. 30, election officials said.", "2025-01-02", "2024-12-30", D, "on Dec. 30"),
        // 2025-01-01 is a Wednesday: its Friday before is in 2024
        ("Officials said on Friday the border was closed.", "2025-01-01", "2024-12-27", D, "on Friday"),
        ("Police said last week that two men were held.", "2025-01-02", "2024-12-23", W, "last week"),
        ("Prices rose last month, the bank said.", "2024-11-07", "2024-10", M, "last month"),
        ("Prices rose last month, the bank said.", "2025-01-09", "2024-12", M, "last month"),
        ("Prices rose earlier this month, the bank said.", "2024-11-07", "2024-11", M, "earlier this month"),
        ("Exports fell this year, the ministry said.", "2024-11-07", "2024", Y, "this year"),
        ("Last year's harvest failed, the ministry said.", "2024-11-07", "2023", Y, "Last year"),
        ("Exports fell in 2023, the ministry said.", "2024-11-07", "2023", Y, "in 2023"),
        ("Exports fell in October 2023, the ministry said.", "2024-11-07", "2023-10", M, "in October 2023"),
        ("Two weeks ago the plant closed, a spokesman said.", "2024-11-07", "2024-10-21", W, "Two weeks ago"),
        ("Residents said that over the weekend the river rose.", "2024-11-07", "2024-10-28", W, "over the weekend"),
        ("He will speak in May, aides said.", "2024-11-07", "2025-05", M, "in May"),
        // no tense near the month: the nearer one, here ahead
        ("Organisers want voters who are eligible to cast a ballot in November.", "2024-07-06", "2024-11", M, "in November"),
        ("In September, the firm announced that it would cut jobs.", "2025-01-20", "2024-09", M, "In September"),
        ("Officials said prices rose in March.", "2025-02-10", "2024-03", M, "in March"),
        ("In May, the court, citing the law, ordered a review.", "2024-12-02", "2024-05", M, "In May"),
        ("She said the hearings that follow in March are open.", "2024-11-07", "2025-03", M, "in March"),
        ("The convention, which begins Monday, is sold out.", "2024-11-07", "2024-11-11", D, "Monday"),
        ("He said he is going to vote on Tuesday.", "2024-11-07", "2024-11-12", D, "on Tuesday"),
        // "on" belongs to the verb
        ("The Senate is expected to vote on next week.", "2024-11-07", "2024-11-11", W, "next week"),
        ("The treaty was signed on 2021-03-03, officials said.", "2024-11-07", "2021-03-03", D, "on 2021-03-03"),
        // no date words: the document's date
        ("The mayor said the roads reopened.", "2024-11-07", "2024-11-07", Doc, ""),
        // names, not dates
        ("The Sunday Times reported that the plan failed.", "2024-11-07", "2024-11-07", Doc, ""),
        ("He said Good Friday was quiet.", "2024-11-07", "2024-11-07", Doc, ""),
        ("She said the Sept. 11 attacks changed the city.", "2024-11-07", "2024-11-07", Doc, ""),
        ("Viewers of USA Today said the show was long.", "2024-11-07", "2024-11-07", Doc, ""),
        ("Officials said the 2016 election was fair.", "2024-11-07", "2024-11-07", Doc, ""),
        ("Officials said over the last year prices rose.", "2024-11-07", "2024-11-07", Doc, ""),
        ("The ministry said inflation may ease.", "2024-11-07", "2024-11-07", Doc, ""),
    ];

    #[test]
    fn date_words_resolve_against_the_document_date() {
        for &(sentence, published, value, precision, words) in RESOLVED {
            assert_eq!(
                date_of(sentence, published),
                Some((value.to_string(), precision, words.to_string())),
                "{sentence:?} published {published}"
            );
        }
    }

    #[test]
    fn the_quick_check_lets_every_kind_of_date_words_through() {
        let dated = [
            "Tuesday",
            "yesterday",
            "today",
            "tonight",
            "tomorrow",
            "last week",
            "this weekend",
            "last month",
            "this year",
            "last night",
            "this morning",
            "in May",
            "Nov. 3",
            "3 March",
            "in 2023",
            "2024-11-03",
            "two weeks ago",
            "mid-October",
            "earlier today",
            "Sept. 1",
        ];
        for words in dated {
            let sentence = format!("Officials said {words} that the dam held.");
            assert!(may_hold_date(sentence.as_bytes()), "{sentence}");
            assert_ne!(
                date_of(&sentence, "2024-11-07").map(|d| d.1),
                Some(DatePrecision::Document),
                "{sentence}"
            );
        }
        for sentence in [
            "Officials said 6,000 people left the campaign.",
            "The mayor said the events were even more crowded in 201 towns.",
        ] {
            assert!(!may_hold_date(sentence.as_bytes()), "{sentence}");
        }
    }

    #[test]
    fn the_contents_date_words_come_before_the_cues_and_then_the_nearest_to_the_cue() {
        let published = Some(day("2024-11-07"));
        // (sentence, content, cue, date words)
        let rows = [
            (
                "Officials said on Tuesday the bridge was hit on Monday.",
                "the bridge was hit on Monday",
                "said",
                "on Monday",
            ),
            (
                "Trump, who won in 2016, said on Tuesday that taxes would fall.",
                "taxes would fall",
                "said",
                "on Tuesday",
            ),
        ];
        for (sentence, content, cue, want) in rows {
            let at = |part: &str| {
                let a = sentence.find(part).unwrap();
                Span::new(a, a + part.len())
            };
            let all = Span::new(0, sentence.len());
            let date = claim_date(sentence, all, at(content), Some(at(cue)), published).unwrap();
            assert_eq!(date.words.unwrap().slice(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn future_words_in_the_content_do_not_move_the_cues_date() {
        let sentence = "Trump said on Tuesday that he will build a wall.";
        let at = |part: &str| {
            let a = sentence.find(part).unwrap();
            Span::new(a, a + part.len())
        };
        let all = Span::new(0, sentence.len());
        let date = claim_date(
            sentence,
            all,
            at("he will build a wall"),
            Some(at("said")),
            Some(day("2024-11-07")),
        )
        .unwrap();
        assert_eq!(date.value(), "2024-11-05");
    }

    #[test]
    fn without_a_document_date_only_a_date_with_a_year_resolves() {
        let rows = [
            (
                "The treaty was signed on March 3, 2021, officials said.",
                Some("2021-03-03"),
            ),
            ("Officials said on Tuesday that the dam held.", None),
            ("Officials said the dam held.", None),
        ];
        for (sentence, want) in rows {
            let all = Span::new(0, sentence.len());
            let got = claim_date(sentence, all, all, None, None).map(|d| d.value());
            assert_eq!(got.as_deref(), want, "{sentence}");
        }
    }

    #[test]
    fn written_dates_parse_and_others_do_not() {
        let rows = [
            ("2024-11-03", Some("2024-11-03")),
            ("2024-11-03T10:00:00Z", Some("2024-11-03")),
            ("2024-11-03T23:30:00-05:00", Some("2024-11-03")),
            ("2024/11/03", Some("2024-11-03")),
            ("2023-07-17 (inferred from the text)", Some("2023-07-17")),
            ("November 3, 2024", Some("2024-11-03")),
            ("3 Nov 2024", Some("2024-11-03")),
            ("Nov. 3, 2024", Some("2024-11-03")),
            ("Sunday, November 3, 2024", Some("2024-11-03")),
            ("Sun, 03 Nov 2024 10:00:00 GMT", Some("2024-11-03")),
            ("11/03/2024", None),
            ("2024-02-30", None),
            ("November 2024", None),
            ("", None),
            ("yesterday", None),
        ];
        for (written, want) in rows {
            assert_eq!(
                parse_date(written).map(|d| d.to_string()).as_deref(),
                want,
                "{written:?}"
            );
        }
    }

    #[test]
    fn names_and_addresses_give_their_dates() {
        let full = |y, m, d| {
            Some(PartialDate {
                year: y,
                month: Some(m),
                day: Some(d),
            })
        };
        let rows = [
            (
                "polnear/breitbart/2015-11-11_the-ninth-circle",
                full(2015, 11, 11),
            ),
            ("2015-11-11_title.txt", full(2015, 11, 11)),
            (
                "https://example.org/2024/11/03/floods.html",
                full(2024, 11, 3),
            ),
            ("report_20241103.txt", full(2024, 11, 3)),
            (
                "http://example.org/world/2018/01/floods.html",
                Some(PartialDate {
                    year: 2018,
                    month: Some(1),
                    day: None,
                }),
            ),
            (
                "http://example.org/2018/floods.html",
                Some(PartialDate {
                    year: 2018,
                    month: None,
                    day: None,
                }),
            ),
            ("000_e9035b24404bf71a.txt", None),
            ("article12345678.html", None),
            ("2024-13-45.txt", None),
            ("notes.txt", None),
        ];
        for (name, want) in rows {
            assert_eq!(name_date(name), want, "{name}");
        }
    }

    /// A document with a key, a text and optionally a given date.
    fn doc(key: &str, text: &str, date: Option<&str>) -> Document {
        let mut d = Document::new(key, text);
        d.date = date.map(str::to_string);
        d
    }

    #[test]
    fn a_document_takes_its_date_from_the_first_source_that_has_one() {
        let from_page = {
            let mut d = doc(
                "2019-01-01_page.html",
                "KYIV, Nov 5 (Reuters) - Rain.",
                None,
            );
            d.published = Some(day("2024-11-02"));
            d.published_from = Some(DateOrigin::HtmlMetadata);
            d
        };
        let from_url = {
            let mut d = doc("page.html", "The mayor said the roads reopened.", None);
            d.url = Some("https://example.org/2024/11/03/roads".into());
            d
        };
        let rows = [
            // the given date beats a dateline
            (
                doc(
                    "a",
                    "KYIV, Nov 5 (Reuters) - Rain fell.",
                    Some("2024-11-03"),
                ),
                Some(("2024-11-03", DateOrigin::Given)),
            ),
            (
                doc("a", "Rain fell.", Some("November 3, 2024")),
                Some(("2024-11-03", DateOrigin::Given)),
            ),
            // the page's metadata beats a dateline and the file name
            (from_page, Some(("2024-11-02", DateOrigin::HtmlMetadata))),
            // a dateline beats the file name, and takes its year from it
            (
                doc(
                    "2024-10-30_storm.txt",
                    "Storm\n\nKYIV, Nov 3 (Reuters) - Rain.",
                    None,
                ),
                Some(("2024-11-03", DateOrigin::Dateline)),
            ),
            // a December dateline with a January name is last year's
            (
                doc(
                    "2025-01-02_storm.txt",
                    "KYIV, Dec 31 (Reuters) - Rain.",
                    None,
                ),
                Some(("2024-12-31", DateOrigin::Dateline)),
            ),
            (
                doc(
                    "note",
                    "Floods in Peru\nNov. 3, 2024 — The river rose.",
                    None,
                ),
                Some(("2024-11-03", DateOrigin::Dateline)),
            ),
            (
                doc(
                    "note",
                    "Floods\nPublished: 3 November 2024\nThe river rose.",
                    None,
                ),
                Some(("2024-11-03", DateOrigin::Dateline)),
            ),
            // a given date that does not parse is passed over
            (
                doc("note", "Nov. 3, 2024 — The river rose.", Some("soon")),
                Some(("2024-11-03", DateOrigin::Dateline)),
            ),
            // a dateline without a year and nothing to take it from is not used
            (
                doc("note", "KYIV, Nov 3 (Reuters) - Rain fell.", None),
                None,
            ),
            (
                doc(
                    "breitbart/2015-11-11_title",
                    "The mayor said the roads reopened.",
                    None,
                ),
                Some(("2015-11-11", DateOrigin::NameOrUrl)),
            ),
            (from_url, Some(("2024-11-03", DateOrigin::NameOrUrl))),
            // dates in the text that are no dateline
            (doc("note", "March 3 was a quiet day in Lima.", None), None),
            (
                doc(
                    "note",
                    "Leaks\n\nIn an email dated Feb. 12, 2012 — the guards left.",
                    None,
                ),
                None,
            ),
            (
                doc("notes.txt", "The mayor said the roads reopened.", None),
                None,
            ),
        ];
        for (mut d, want) in rows {
            date_document(&mut d);
            let got = d
                .published
                .map(|p| (p.to_string(), d.published_from.unwrap()));
            let want = want.map(|(p, o)| (p.to_string(), o));
            assert_eq!(got, want, "{} {:?}", d.key, d.text);
        }
    }

    #[test]
    fn dating_a_document_twice_gives_the_same_date() {
        let mut d = doc(
            "2024-10-30_storm.txt",
            "KYIV, Nov 3 (Reuters) - Rain.",
            None,
        );
        date_document(&mut d);
        let first = (d.published, d.published_from);
        date_document(&mut d);
        assert_eq!((d.published, d.published_from), first);
    }
}
