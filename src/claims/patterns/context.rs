//! The context every pattern reads: the text's tokens, their lower-case words, which sit
//! inside quotation marks, the tagger's cue tags and the lexicon's cue of each word, and the
//! token ranges a source is given as.

use super::words::IRREGULAR_PAST;
use crate::claims::cues::{Cue, CueLexicon};
use crate::claims::model::{CueModel, O, token_infos_and_cues};
use crate::model::Span;
use crate::text::{QuoteSide, Sentence, Token};

/// A source as token ranges: what the text writes, the part that names the speaker, and an
/// apposition describing it.
#[derive(Clone, Copy)]
pub(super) struct SourcePos {
    pub(super) span: (usize, usize),
    pub(super) head: (usize, usize),
    pub(super) description: Option<(usize, usize)>,
}

impl SourcePos {
    pub(super) fn new(a: usize, b: usize) -> SourcePos {
        SourcePos {
            span: (a, b),
            head: (a, b),
            description: None,
        }
    }

    /// "Soo Kim, a researcher": the head ends before the comma of the apposition at `appos`.
    pub(super) fn with_apposition(a: usize, head_end: usize, appos: (usize, usize)) -> SourcePos {
        SourcePos {
            span: (a, appos.1),
            head: (a, head_end.max(a + 1)),
            description: Some(appos),
        }
    }
}

/// One text as the patterns read it.
pub(super) struct Ctx<'a> {
    pub(super) tokens: &'a [Token],
    /// The cue tagger's B/I/O tag per token (all O without a model).
    pub(super) cue_tags: Vec<usize>,
    /// Tokens inside double quotation marks: a cue there is the quoted speaker's own ("I
    /// think"), not the writer's attribution.
    pub(super) in_quote: Vec<bool>,
    pub(super) lower: &'a [&'a str],
    /// The cue lexicon's entry for each token's word, looked up once.
    pub(super) cue_of: Vec<Option<Cue>>,
}

impl Ctx<'_> {
    pub(super) fn cue(&self, i: usize) -> Option<Cue> {
        self.cue_of.get(i).copied().flatten()
    }
    pub(super) fn w(&self, i: usize) -> &str {
        self.lower.get(i).copied().unwrap_or("")
    }
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_word())
    }
    pub(super) fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_punct(c))
    }
    pub(super) fn quote(&self, i: usize) -> Option<QuoteSide> {
        self.tokens.get(i).and_then(|t| t.quote())
    }
    pub(super) fn span(&self, a: usize, b: usize) -> Span {
        Span {
            start: self.tokens[a].span.start,
            end: self.tokens[b - 1].span.end,
        }
    }
    /// A double mark (“ ” " « »), not a single one (‘ ’ '): a quotation's marks are of one
    /// kind, whatever quotes it holds ("“He calls me ‘Little Marco.’ I admit it,”").
    pub(super) fn is_double_quote(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(is_double_mark)
    }
    /// A lower-case past form ("met", "denied"): the verb that ends a subject.
    pub(super) fn is_past_verb(&self, k: usize) -> bool {
        let w = self.w(k);
        self.tokens.get(k).is_some_and(|t| !t.is_capitalized())
            && (w.ends_with("ed") || IRREGULAR_PAST.contains(w))
    }
    pub(super) fn is_closing_quote(&self, i: usize) -> bool {
        match self.quote(i) {
            Some(QuoteSide::Close) => true,
            Some(QuoteSide::Either) => self.straight_closes(i),
            _ => false,
        }
    }
    /// A straight quote closes when glued to what precedes it, or, spaced ("coalitions, ''
    /// said Mr. Gunnels", "'above the president,' \" said"), after a comma, a stop or an
    /// inner quote and before a space.
    pub(super) fn straight_closes(&self, i: usize) -> bool {
        let t = self.tokens[i];
        if !t.has_space_before() {
            return true;
        }
        let after_stop = i > 0 && {
            let p = self.tokens[i - 1];
            matches!(p.first, ',' | '.' | '?' | '!') || p.quote().is_some()
        };
        after_stop && self.tokens.get(i + 1).is_none_or(|n| n.has_space_before())
    }
    pub(super) fn is_opening_quote(&self, i: usize) -> bool {
        match self.quote(i) {
            Some(QuoteSide::Open) => true,
            Some(QuoteSide::Either) => {
                !self.straight_closes(i) && self.tokens[i].has_space_before()
                    || i == 0
                    || self
                        .tokens
                        .get(i + 1)
                        .is_some_and(|n| !n.has_space_before())
            }
            _ => false,
        }
    }
}

/// Whether a quote token is a double mark (“ ” " « » „), not a single one (‘ ’ ').
fn is_double_mark(t: &Token) -> bool {
    matches!(t.first, '"' | '“' | '”' | '«' | '»' | '„')
}

/// Quote marks of the text, as (is a double quote, side, starts a paragraph).
fn cx_tokens_quote_view(tokens: &[Token]) -> Vec<Option<(QuoteSide, bool)>> {
    tokens
        .iter()
        .map(|t| {
            let double = is_double_mark(t);
            match t.quote() {
                Some(side) if double => Some((
                    side,
                    t.flags & Token::PARAGRAPH_START != 0 || t.is_line_start(),
                )),
                _ => None,
            }
        })
        .collect()
}

/// Which tokens sit inside double quotes. Straight quotes alternate; a new paragraph closes an
/// unbalanced quote (news style opens each quoted paragraph anew).
fn quoted_tokens(quotes: &[Option<(QuoteSide, bool)>]) -> Vec<bool> {
    let mut out = vec![false; quotes.len()];
    let mut open = false;
    for (i, q) in quotes.iter().enumerate() {
        match q {
            Some((side, line_start)) => {
                if *line_start {
                    open = false;
                }
                open = match side {
                    QuoteSide::Open => true,
                    QuoteSide::Close => false,
                    QuoteSide::Either => !open,
                };
            }
            None => out[i] = open,
        }
    }
    out
}

/// Which tokens of a text sit inside double quotes.
pub fn quoted_tokens_of(tokens: &[Token]) -> Vec<bool> {
    quoted_tokens(&cx_tokens_quote_view(tokens))
}

/// Builds the context of one text (lower-case words, quotation marks, the tagger's cue
/// tags) and runs `f` on it.
pub(super) fn with_context<R>(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    cues: &CueLexicon,
    model: Option<&CueModel>,
    f: impl FnOnce(&Ctx) -> R,
) -> R {
    // lower-case words borrow the text; capitalised ones are lower-cased into one buffer, not
    // one allocation each
    let mut folded = String::new();
    let spans: Vec<Option<(usize, usize)>> = tokens
        .iter()
        .map(|t| {
            let s = t.text(text);
            if !t.is_word() || t.flags & Token::HAS_UPPER == 0 {
                return None;
            }
            let a = folded.len();
            if s.is_ascii() {
                folded.push_str(s);
                folded[a..].make_ascii_lowercase();
            } else {
                folded.push_str(&s.to_lowercase());
            }
            Some((a, folded.len()))
        })
        .collect();
    let lower: Vec<&str> = tokens
        .iter()
        .zip(&spans)
        .map(|(t, span)| match span {
            Some((a, b)) => &folded[*a..*b],
            None if !t.is_word() => "",
            None => t.text(text),
        })
        .collect();
    let in_quote = quoted_tokens(&cx_tokens_quote_view(tokens));
    let mut cue_tags = vec![O; tokens.len()];
    let cue_of = if let Some(m) = model {
        let raw: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let (infos, cue_of) = token_infos_and_cues(tokens, &lower, &raw, &in_quote, cues);
        for s in sentences {
            let r = s.tokens.clone();
            // a sentence without a word ever seen in a cue has none
            if !infos[r.clone()].iter().any(|t| t.is_known_cue_form()) {
                continue;
            }
            let tags = m.tag(&infos[r.clone()]);
            cue_tags[r].copy_from_slice(&tags);
        }
        cue_of
    } else {
        lower.iter().map(|w| cues.get(w)).collect()
    };
    let cx = Ctx {
        tokens,
        cue_tags,
        in_quote,
        lower: &lower,
        cue_of,
    };
    f(&cx)
}
