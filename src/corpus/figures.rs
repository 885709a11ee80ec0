//! Figures: the numbers of a claim's content with what they count and their qualifier.
//!
//! A figure is a qualifier ("at least", "roughly", "up to", "between"), a currency sign, a
//! number (digits with separators, "1.5 million", spelled out, "a dozen", "thousands of"), a
//! range ("10,000 to 12,000"), then its unit: a percent sign, a currency, or a noun phrase
//! read up to its head, the first plural word ("12,000 North Korean soldiers"; "two
//! brigades of 6,000 people each" is two figures). A number that only names or dates
//! something is none: years ("in 2023"), days ("March 3"), times ("10:30", "3 p.m."),
//! ordinals ("3rd"), numbers in names ("G7", "Su-25", "Resolution 2231", "Group of Seven")
//! and the first half of a compound adjective ("a 10-year sentence").
//!
//! One pass over the content's tokens, with the content lower-cased once into a reused
//! buffer: no allocation per token.

use crate::model::{Figure, Qualifier, Span};
use crate::text::{Token, TokenKind, WordList, tokenize};

/// Reads figures; keeps its buffers between claims.
#[derive(Default)]
pub struct FigureReader {
    tokens: Vec<Token>,
    lower: String,
}

impl FigureReader {
    /// The figures of `text[content]`, spans into `text`, appended to `out` in text order.
    ///
    /// ```
    /// use claimmap::corpus::figures::FigureReader;
    /// use claimmap::model::{Qualifier, Span};
    ///
    /// let text = "Kim plans to send roughly 12,000 North Korean soldiers to Kursk";
    /// let mut figures = Vec::new();
    /// FigureReader::default().read(text, Span::new(0, text.len()), &mut figures);
    /// let f = &figures[0];
    /// assert_eq!((f.value, f.qualifier), (12_000.0, Some(Qualifier::About)));
    /// assert_eq!(f.unit.as_deref(), Some("soldiers"));
    /// assert_eq!(f.modifiers.as_deref(), Some("North Korean"));
    /// assert_eq!(f.span.slice(text), "roughly 12,000 North Korean soldiers");
    /// ```
    pub fn read(&mut self, text: &str, content: Span, out: &mut Vec<Figure>) {
        let slice = content.slice(text);
        tokenize(slice, &mut self.tokens);
        self.lower.clear();
        self.lower.push_str(slice);
        self.lower.make_ascii_lowercase();
        read_tokens(slice, &self.lower, &self.tokens, content.start, out);
    }
}

/// The figures of a content already tokenized: `slice` is the content, `lower` the same
/// lower-cased (ASCII), `tokens` its tokens and `base` where it starts in the document.
pub(crate) fn read_tokens(
    slice: &str,
    lower: &str,
    tokens: &[Token],
    base: u32,
    out: &mut Vec<Figure>,
) {
    let p = Parser {
        text: slice,
        lower,
        toks: tokens,
        base,
    };
    let mut i = 0;
    while i < p.toks.len() {
        if !p.may_start(i) {
            i += 1;
            continue;
        }
        match p.figure_at(i) {
            Some((figure, next)) => {
                out.push(figure);
                i = next;
            }
            None => i += 1,
        }
    }
}

/// The figures of `text[content]` (see [`FigureReader::read`]).
pub fn figures(text: &str, content: Span) -> Vec<Figure> {
    let mut out = Vec::new();
    FigureReader::default().read(text, content, &mut out);
    out
}

struct Parser<'a> {
    text: &'a str,
    lower: &'a str,
    toks: &'a [Token],
    base: u32,
}

/// A number as read, before its unit.
struct Number {
    value: f64,
    /// The product of its scale words ("million"), 1 without one.
    scale: f64,
    /// The token after it.
    end: usize,
    /// "thousands of", "several hundred": an order of magnitude.
    is_vague: bool,
    /// Written in words ("three"), not digits.
    is_spelled: bool,
}

/// Qualifiers before a number, longest first within each first word.
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::UpTo),
    (&["not", "more", "than"], Qualifier::UpTo),
    (&["at", "least"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::UpTo),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["a", "maximum", "of"], Qualifier::UpTo),
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["upward", "of"], Qualifier::MoreThan),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["well", "over"], Qualifier::MoreThan),
    (&["just", "over"], Qualifier::MoreThan),
    (&["just", "under"], Qualifier::Nearly),
    (&["just", "shy", "of"], Qualifier::Nearly),
    (&["over"], Qualifier::MoreThan),
    (&["exceeds"], Qualifier::MoreThan),
    (&["exceeded"], Qualifier::MoreThan),
    (&["exceeding"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["as", "much", "as"], Qualifier::UpTo),
    (&["as", "high", "as"], Qualifier::UpTo),
    (&["up", "to"], Qualifier::UpTo),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["close", "to"], Qualifier::Nearly),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["an", "estimated"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["exactly"], Qualifier::Exactly),
    (&["precisely"], Qualifier::Exactly),
    (&["between"], Qualifier::Between),
    (&["from"], Qualifier::Between),
];

/// Spelled-out numbers below a hundred.
const SMALL: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Words that multiply what comes before them ("1.5 million", "three hundred").
const SCALES: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("mln", 1e6),
    ("billion", 1e9),
    ("bln", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
    ("dozen", 12.0),
];

/// "thousands of": an order of magnitude written as a plural.
const VAGUE: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("hundreds", 100.0),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
];

/// Currency signs and words, and the ISO code written as the unit.
const CURRENCY_SIGNS: &[(char, &str)] = &[
    ('$', "USD"),
    ('€', "EUR"),
    ('£', "GBP"),
    ('¥', "JPY"),
    ('₩', "KRW"),
    ('₽', "RUB"),
    ('₴', "UAH"),
];
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("yen", "JPY"),
    ("won", "KRW"),
    ("hryvnias", "UAH"),
    ("hryvnia", "UAH"),
    ("rupees", "INR"),
    ("sterling", "GBP"),
];

static MONTHS: WordList = WordList::new(&[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]);

/// Words after a number that make it a time of day.
static TIME_WORDS: WordList = WordList::new(&[
    "a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc", "hrs", "bst", "cet",
]);

/// Lower-case words after which a number names something ("resolution 2231", "route 66").
static NAMING_WORDS: WordList = WordList::new(&[
    "resolution",
    "article",
    "section",
    "chapter",
    "page",
    "paragraph",
    "item",
    "route",
    "flight",
    "room",
    "number",
    "no",
    "phase",
    "level",
    "stage",
    "version",
    "model",
    "district",
    "gate",
    "channel",
    "line",
    "block",
    "lot",
    "seat",
    "grade",
    "class",
    "category",
    "amendment",
    "proposition",
    "prop",
    "title",
    "rule",
    "covid",
    "highway",
    "interstate",
    "ward",
    "precinct",
    "code",
    "act",
    "bill",
    "unit",
    "squad",
]);

/// Words that end a noun phrase after a number: function words, auxiliaries, the verbs that
/// follow a bare count ("3,000 were sent", "6,000 had arrived").
static STOP: WordList = WordList::new(&[
    "a",
    "about",
    "across",
    "after",
    "against",
    "ago",
    "all",
    "along",
    "also",
    "already",
    "although",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "below",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "either",
    "even",
    "ever",
    "every",
    "except",
    "for",
    "from",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "his",
    "how",
    "i",
    "if",
    "in",
    "including",
    "inside",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "less",
    "like",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "near",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "per",
    "perhaps",
    "previously",
    "said",
    "same",
    "say",
    "says",
    "several",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "till",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
]);

/// Plurals without an "s", and units, that head a noun phrase.
static HEADS: WordList = WordList::new(&[
    "people",
    "men",
    "women",
    "children",
    "police",
    "personnel",
    "staff",
    "military",
    "infantry",
    "aircraft",
    "cattle",
    "sheep",
    "fish",
    "deer",
    "crew",
    "servicemen",
    "policemen",
    "km",
    "kilometres",
    "kilometers",
    "mph",
    "kg",
    "mw",
    "gw",
    "kw",
    "bpd",
    "tonnes",
    "tons",
    "feet",
    "ft",
    "m",
]);

/// Words ending in "s" that are no plural noun.
static NOT_PLURAL: WordList = WordList::new(&[
    "always",
    "perhaps",
    "whereas",
    "unless",
    "across",
    "besides",
    "afterwards",
    "news",
    "sometimes",
    "its",
    "has",
    "was",
    "his",
    "this",
    "yes",
    "thus",
    "less",
]);

/// The first words of qualifiers and of numbers written in words: a figure starts with one
/// of these, a digit or a currency sign.
static STARTS: WordList = WordList::new(&[
    "exceeds",
    "exceeded",
    "exceeding",
    "no",
    "not",
    "at",
    "a",
    "more",
    "greater",
    "upwards",
    "upward",
    "in",
    "well",
    "just",
    "over",
    "above",
    "as",
    "up",
    "fewer",
    "less",
    "under",
    "below",
    "nearly",
    "almost",
    "close",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "an",
    "estimated",
    "circa",
    "exactly",
    "precisely",
    "between",
    "from",
    "us",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "tens",
    "several",
    "few",
    "half",
]);

impl Parser<'_> {
    /// Whether a figure may start at token `i` (a quick test before reading one).
    fn may_start(&self, i: usize) -> bool {
        let t = self.toks[i];
        match t.kind {
            TokenKind::Number => true,
            TokenKind::Word => t.first.is_ascii_digit() || STARTS.contains(self.lc(i)),
            TokenKind::Symbol | TokenKind::Punct => self.currency_sign(i).is_some(),
            _ => false,
        }
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// The lower-cased text of token `i` ("" past the end).
    fn lc(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| self.lower.get(t.span.range()).unwrap_or(""))
    }

    /// The lower-cased word at `i`, if it is a word.
    fn word(&self, i: usize) -> Option<&str> {
        (self.kind(i)? == TokenKind::Word).then(|| self.lc(i))
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    /// The byte span (in the document) from token `a` to the end of token `b`.
    fn span(&self, a: usize, b: usize) -> Span {
        Span {
            start: self.base + self.toks[a].span.start,
            end: self.base + self.toks[b].span.end,
        }
    }

    /// The text from token `a` to the end of token `b`, white space collapsed.
    fn words(&self, a: usize, b: usize) -> String {
        let range = self.toks[a].span.start as usize..self.toks[b].span.end as usize;
        self.text
            .get(range)
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A figure starting at token `i`, and the token after it.
    fn figure_at(&self, i: usize) -> Option<(Figure, usize)> {
        let (mut qualifier, mut j) = match self.qualifier_at(i) {
            Some((q, next)) => (Some(q), next),
            None => (None, i),
        };
        // "between" and "from" make a range only with a second number
        let opens_range = matches!(self.lc(i), "between" | "from") && qualifier.is_some();
        let mut unit: Option<String> = None;
        if let Some(code) = self.currency_sign(j) {
            unit = Some(code.to_string());
            j += 1;
        } else if self.is_word(j, "us") && self.currency_sign(j + 1) == Some("USD") {
            unit = Some("USD".to_string());
            j += 2;
        }
        let is_money = unit.is_some();
        let is_signalled = (qualifier.is_some() && !opens_range) || is_money;
        let number = self.number_at(j, is_signalled, is_money)?;
        let mut value = number.value;
        let mut high = None;
        let mut k = number.end;
        if opens_range {
            qualifier = None;
        }
        if number.is_vague {
            qualifier = Some(Qualifier::Several);
        }

        // a range: "10,000 to 12,000", "between 10,000 and 12,000", "10,000-12,000"
        let joins_range = match self.kind(k) {
            Some(TokenKind::Hyphen | TokenKind::Dash) => !number.is_spelled,
            Some(TokenKind::Word) => match self.lc(k) {
                "to" | "or" => true,
                "and" => self.is_word(i, "between"),
                _ => false,
            },
            _ => false,
        };
        if joins_range && !number.is_vague {
            let sign = usize::from(is_money && self.currency_sign(k + 1).is_some());
            if let Some(second) = self.number_at(k + 1 + sign, true, is_money)
                && !second.is_vague
            {
                // "1.5 to 2 million": the second half's scale is the first's too
                let low = if number.scale == 1.0
                    && second.scale > 1.0
                    && value * second.scale <= second.value
                {
                    value * second.scale
                } else {
                    value
                };
                if second.value > low {
                    value = low;
                    high = Some(second.value);
                    qualifier = Some(Qualifier::Between);
                    k = second.end;
                }
            }
        }
        if high.is_none() && opens_range {
            // no range after all ("rose from 3,000"): the number is read again on its own
            return None;
        }
        // "3,000 or more", "3,000 or so"
        if high.is_none() && qualifier.is_none() && self.is_word(k, "or") {
            let after = match self.lc(k + 1) {
                "more" => Some(Qualifier::AtLeast),
                "so" => Some(Qualifier::About),
                "less" | "fewer" => Some(Qualifier::UpTo),
                _ => None,
            };
            if after.is_some() {
                qualifier = after;
                k += 2;
            }
        }

        let mut modifiers = None;
        let mut last = k - 1;
        if unit.is_none() {
            if self.lc(k) == "%" {
                unit = Some("%".to_string());
                last = k;
                k += 1;
            } else if let Some(n) = self.percent_words(k) {
                unit = Some("%".to_string());
                last = n - 1;
                k = n;
            } else if let Some(code) = self.currency_word(k) {
                unit = Some(code.to_string());
                last = k;
                k += 1;
            } else {
                let start = if number.is_vague && self.is_word(k, "of") {
                    k + 1
                } else {
                    k
                };
                if let Some((head, mods, end)) = self.noun_at(start, value) {
                    // "millions of dollars"
                    let currency = CURRENCY_WORDS.iter().find(|(w, _)| *w == head);
                    match currency {
                        Some((_, code)) => unit = Some(code.to_string()),
                        None => {
                            unit = Some(head);
                            modifiers = mods;
                        }
                    }
                    last = end - 1;
                    k = end;
                }
            }
        }
        let is_each = unit.is_some() && self.is_word(k, "each");
        if is_each {
            last = k;
            k += 1;
        }
        let figure = Figure {
            span: self.span(i, last),
            value,
            high,
            qualifier,
            unit,
            modifiers,
            is_each,
        };
        Some((figure, k))
    }

    fn qualifier_at(&self, i: usize) -> Option<(Qualifier, usize)> {
        let first = self.word(i)?;
        QUALIFIERS
            .iter()
            .find(|(words, _)| {
                words[0] == first && words.iter().enumerate().all(|(k, w)| self.lc(i + k) == *w)
            })
            .map(|(words, q)| (*q, i + words.len()))
    }

    fn currency_sign(&self, i: usize) -> Option<&'static str> {
        let t = self.toks.get(i)?;
        if !matches!(t.kind, TokenKind::Symbol | TokenKind::Punct) {
            return None;
        }
        CURRENCY_SIGNS
            .iter()
            .find(|(c, _)| *c == t.first)
            .map(|(_, code)| *code)
    }

    fn currency_word(&self, i: usize) -> Option<&'static str> {
        let w = self.word(i)?;
        CURRENCY_WORDS
            .iter()
            .find(|(word, _)| *word == w)
            .map(|(_, code)| *code)
    }

    /// "percent", "per cent", "percentage points": the token after them.
    fn percent_words(&self, i: usize) -> Option<usize> {
        match self.word(i)? {
            "percent" | "pct" => Some(i + 1),
            "per" if self.is_word(i + 1, "cent") => Some(i + 2),
            "percentage" if self.is_word(i + 1, "points") => Some(i + 2),
            _ => None,
        }
    }

    /// A number at `i`: digits, words or an order of magnitude. `is_signalled`: a qualifier
    /// or a currency comes before it (then a year-like number is a count).
    fn number_at(&self, i: usize, is_signalled: bool, is_money: bool) -> Option<Number> {
        let t = self.toks.get(i)?;
        match t.kind {
            TokenKind::Number => self.digits_at(i, is_signalled),
            TokenKind::Word if t.first.is_ascii_digit() => {
                // "1.5bn", "200m" after a currency sign
                if !is_money {
                    return None;
                }
                let w = self.lc(i);
                let split = w
                    .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                    .unwrap_or(w.len());
                let scale = match &w[split..] {
                    "k" => 1e3,
                    "m" | "mn" | "mln" => 1e6,
                    "b" | "bn" | "bln" => 1e9,
                    "tn" => 1e12,
                    _ => return None,
                };
                let value = parse_digits(&w[..split])?;
                Some(Number {
                    value: value * scale,
                    scale,
                    end: i + 1,
                    is_vague: false,
                    is_spelled: false,
                })
            }
            TokenKind::Word => self.words_at(i),
            _ => None,
        }
    }

    fn digits_at(&self, i: usize, is_signalled: bool) -> Option<Number> {
        let raw = self.lc(i);
        let value = parse_digits(raw)?;
        let prev = i.checked_sub(1);
        // "Su-25", "F-16", "COVID-19": a number hyphened to a word is part of a name
        if let Some(p) = prev
            && self.kind(p) == Some(TokenKind::Hyphen)
            && p > 0
            && self.kind(p - 1) == Some(TokenKind::Word)
            && !self.toks[p].has_space_before()
        {
            return None;
        }
        // "10-year", "5,000-strong": an adjective, not a count
        if self.kind(i + 1) == Some(TokenKind::Hyphen)
            && self.kind(i + 2) == Some(TokenKind::Word)
            && !self.toks[i + 2].first.is_ascii_digit()
            && !SCALES.iter().any(|(w, _)| *w == self.lc(i + 2))
        {
            return None;
        }
        // times and dates: "10:30", "3 p.m.", "March 3", "3 March", "3/4/2024"
        let next_is = |c: char| self.toks.get(i + 1).is_some_and(|t| t.is_punct(c));
        let prev_is = |c: char| prev.is_some_and(|p| self.toks[p].is_punct(c));
        if next_is(':') || prev_is(':') || next_is('/') || prev_is('/') {
            return None;
        }
        if TIME_WORDS.contains(self.lc(i + 1)) {
            return None;
        }
        if prev.is_some_and(|p| MONTHS.contains(self.lc(p))) || MONTHS.contains(self.lc(i + 1)) {
            return None;
        }
        if !is_signalled {
            // a year: four digits from 1800 to 2100, without a separator
            if raw.len() == 4
                && raw.bytes().all(|b| b.is_ascii_digit())
                && (1800.0..=2100.0).contains(&value)
            {
                return None;
            }
            let is_percent = self.lc(i + 1) == "%" || self.percent_words(i + 1).is_some();
            if let Some(p) = prev.filter(|_| !is_percent) {
                let pt = self.toks[p];
                // "Resolution 2231", "Boeing 737", "No. 1", "#5"
                let is_name = pt.kind == TokenKind::Word
                    && pt.flags & Token::HAS_UPPER != 0
                    && p > 0
                    && !self.toks[p - 1].is_punct('.');
                if is_name || NAMING_WORDS.contains(self.lc(p)) || pt.first == '#' {
                    return None;
                }
            }
        }
        let mut scale = 1.0;
        let mut end = i + 1;
        while let Some(s) = self.scale(end) {
            scale *= s;
            end += 1;
        }
        Some(Number {
            value: value * scale,
            scale,
            end,
            is_vague: false,
            is_spelled: false,
        })
    }

    fn scale(&self, i: usize) -> Option<f64> {
        let w = self.word(i)?;
        SCALES.iter().find(|(s, _)| *s == w).map(|(_, v)| *v)
    }

    /// A number in words: "three", "twenty-five", "three hundred", "a dozen", "half a
    /// million", "thousands of", "tens of thousands", "several hundred".
    fn words_at(&self, i: usize) -> Option<Number> {
        let w = self.word(i)?;
        let t = self.toks[i];
        // "Group of Seven", "the Big Three": a capitalised number word inside a sentence
        if t.flags & Token::CAPITALIZED != 0 && i > 0 && !self.toks[i - 1].is_punct('.') {
            return None;
        }
        // orders of magnitude
        if let Some(v) = vague(w) {
            // "tens of thousands", "hundreds of thousands"
            let mut scale = v;
            let mut end = i + 1;
            if self.is_word(end, "of")
                && let Some(inner) = self.word(end + 1).and_then(vague)
            {
                scale *= inner;
                end += 2;
            }
            return Some(Number {
                value: scale,
                scale,
                end,
                is_vague: true,
                is_spelled: true,
            });
        }
        if w == "tens" && self.is_word(i + 1, "of") {
            let inner = self.word(i + 2).and_then(vague)?;
            return Some(Number {
                value: 10.0 * inner,
                scale: 10.0 * inner,
                end: i + 3,
                is_vague: true,
                is_spelled: true,
            });
        }
        if matches!(w, "several" | "few") || (w == "a" && self.is_word(i + 1, "few")) {
            let at = if w == "a" { i + 2 } else { i + 1 };
            let scale = self.scale(at).filter(|&s| s >= 12.0)?;
            return Some(Number {
                value: scale,
                scale,
                end: at + 1,
                is_vague: true,
                is_spelled: true,
            });
        }
        // "half a million"
        if w == "half" && matches!(self.lc(i + 1), "a" | "an") {
            let scale = self.scale(i + 2).filter(|&s| s >= 1e3)?;
            return Some(Number {
                value: scale / 2.0,
                scale,
                end: i + 3,
                is_vague: false,
                is_spelled: true,
            });
        }
        let mut total = 0.0;
        let mut current: Option<f64> = None;
        let mut scale = 1.0;
        let mut has_scale = false;
        let mut k = i;
        while let Some(w) = self.word(k) {
            if let Some(v) = small(w) {
                if current.is_some_and(|c| c % 100.0 != 0.0) {
                    break;
                }
                let mut v = v;
                // "twenty-five"
                if v >= 20.0
                    && self.kind(k + 1) == Some(TokenKind::Hyphen)
                    && let Some(unit) = self.word(k + 2).and_then(small).filter(|&u| u < 10.0)
                {
                    v += unit;
                    k += 2;
                }
                current = Some(current.unwrap_or(0.0) + v);
                k += 1;
            } else if matches!(w, "a" | "an") && current.is_none() {
                // "a dozen", "a hundred", "a million"
                if self.scale(k + 1).is_none() {
                    break;
                }
                current = Some(1.0);
                k += 1;
            } else if let Some(s) = self.scale(k) {
                if k == i {
                    break;
                }
                let c = current.unwrap_or(1.0);
                scale *= s;
                if s < 1e3 {
                    current = Some(c * s);
                } else {
                    total += c * s;
                    current = None;
                }
                has_scale = true;
                k += 1;
            } else if w == "and"
                && k > i
                && self.word(k + 1).and_then(small).is_some()
                && (current.is_some_and(|c| c >= 100.0) || total > 0.0)
            {
                // "one hundred and fifty"
                k += 1;
            } else {
                break;
            }
        }
        if k == i {
            return None;
        }
        let value = total + current.unwrap_or(0.0);
        // "one" alone is mostly a pronoun ("one of them", "no one")
        if value <= 1.0 && !has_scale {
            return None;
        }
        // "two-thirds", "three-year": the first half of a compound
        if self.kind(k) == Some(TokenKind::Hyphen) {
            return None;
        }
        Some(Number {
            value,
            scale,
            end: k,
            is_vague: false,
            is_spelled: true,
        })
    }

    /// The noun phrase after a number, up to its head: (head, modifiers, the token after).
    fn noun_at(&self, i: usize, value: f64) -> Option<(String, Option<String>, usize)> {
        let mut k = i;
        let mut first_end = None;
        for _ in 0..5 {
            let Some(w) = self.word(k) else { break };
            if STOP.contains(w) || MONTHS.contains(w) || self.toks[k].first.is_ascii_digit() {
                break;
            }
            // a compound: "North Korean-made", "anti-aircraft"
            let mut end = k + 1;
            while self.kind(end) == Some(TokenKind::Hyphen)
                && self.kind(end + 1) == Some(TokenKind::Word)
            {
                end += 2;
            }
            let last = self.lc(end - 1);
            first_end.get_or_insert(end);
            if is_head(last) {
                let mods = (k > i).then(|| self.words(i, k - 1));
                let head = self.words(k, end - 1).to_lowercase();
                return Some((head, mods, end));
            }
            k = end;
        }
        // "one soldier", "a single drone": a count of one is singular
        let end = first_end?;
        (value <= 1.0).then(|| (self.words(i, end - 1).to_lowercase(), None, end))
    }
}

/// A plural noun or a unit: heads the noun phrase after a number.
fn is_head(w: &str) -> bool {
    if HEADS.contains(w) {
        return true;
    }
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !NOT_PLURAL.contains(w)
}

fn small(w: &str) -> Option<f64> {
    SMALL.iter().find(|(s, _)| *s == w).map(|(_, v)| *v)
}

fn vague(w: &str) -> Option<f64> {
    VAGUE.iter().find(|(s, _)| *s == w).map(|(_, v)| *v)
}

/// "6,000", "1.5", "12,000.50".
fn parse_digits(s: &str) -> Option<f64> {
    if !s
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let mut buf = [0u8; 32];
    let mut n = 0;
    for b in s.bytes().filter(|&b| b != b',') {
        *buf.get_mut(n)? = b;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()?.parse().ok()
}

/// The key two figures must share to count the same thing: the unit in the singular, with
/// the words for soldiers as one ("troops", "soldiers", "servicemen" → "troop").
///
/// ```
/// use claimmap::corpus::figures::count_key;
/// assert_eq!(count_key("soldiers"), count_key("troops"));
/// assert_eq!(count_key("casualties"), "casualty");
/// assert_eq!(count_key("USD"), "USD");
/// ```
pub fn count_key(unit: &str) -> String {
    let head = unit.rsplit(' ').next().unwrap_or(unit);
    let singular = match head {
        "people" | "persons" | "individuals" => "people".to_string(),
        "men" | "women" | "children" => head.to_string(),
        h if h.ends_with("men") => format!("{}man", &h[..h.len() - 3]),
        h if h.ends_with("ies") && h.len() > 4 => format!("{}y", &h[..h.len() - 3]),
        h if ["ches", "shes", "sses", "xes"]
            .iter()
            .any(|e| h.ends_with(e)) =>
        {
            h[..h.len() - 2].to_string()
        }
        h if h.ends_with('s') && !h.ends_with("ss") && h.len() > 3 => h[..h.len() - 1].to_string(),
        h => h.to_string(),
    };
    match singular.as_str() {
        "soldier" | "troop" | "serviceman" | "servicemember" | "personnel" | "fighter"
        | "force" => "troop".to_string(),
        _ => singular,
    }
}

#[cfg(test)]
mod tests;
