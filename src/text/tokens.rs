//! A tokenizer for news text: one pass over the chars, no allocation per token.
//!
//! Words keep internal apostrophes ("don’t", "O’Brien") and initialism dots ("U.S.", "D.C."),
//! but a possessive "’s" is its own token so that "Moscow’s" yields the place "Moscow".
//! Hyphens are tokens too, so "Russian-backed" yields the demonym "Russian", while the
//! gazetteer lookup still spans them ("Nagorno-Karabakh").

use crate::model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// "’s", "'s": split from the word it follows.
    Possessive,
    /// Any quotation mark; see [`Token::quote`].
    Quote,
    /// "-" between two words.
    Hyphen,
    /// "—", "–", "--": a clause break.
    Dash,
    Punct,
    Symbol,
}

/// Which side of a quotation a quote mark can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteSide {
    Open,
    Close,
    /// Straight quotes: decided by position.
    Either,
}

/// One token. `flags` hold the facts the recognisers test most, so they test a bit, not chars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    pub flags: u8,
    /// The first char, for cheap tests on punctuation and quotes.
    pub first: char,
}

impl Token {
    pub const CAPITALIZED: u8 = 1;
    pub const ALL_CAPS: u8 = 2;
    /// First token of a line.
    pub const LINE_START: u8 = 4;
    /// First token after a blank line (or of the text).
    pub const PARAGRAPH_START: u8 = 8;
    /// White space comes right before this token.
    pub const SPACE_BEFORE: u8 = 16;
    /// A word with initialism dots ("U.S.").
    pub const HAS_DOTS: u8 = 32;
    /// A word with an upper-case letter anywhere ("iPhone", "McCain", "NATO").
    pub const HAS_UPPER: u8 = 64;

    pub fn text(self, text: &str) -> &str {
        self.span.slice(text)
    }
    /// The token's bytes as a feature value for punctuation (its first char).
    pub fn text_bytes(self) -> &'static [u8] {
        match self.first {
            ',' => b",",
            '.' => b".",
            ':' => b":",
            ';' => b";",
            '(' => b"(",
            ')' => b")",
            '?' => b"?",
            '!' => b"!",
            _ => match self.kind {
                TokenKind::Quote => b"\"",
                TokenKind::Dash => b"--",
                TokenKind::Hyphen => b"-",
                TokenKind::Number => b"0",
                TokenKind::Possessive => b"'s",
                _ => b"?sym",
            },
        }
    }

    pub fn is_word(self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn is_capitalized(self) -> bool {
        self.flags & Token::CAPITALIZED != 0
    }
    pub fn is_all_caps(self) -> bool {
        self.flags & Token::ALL_CAPS != 0
    }
    pub fn is_line_start(self) -> bool {
        self.flags & Token::LINE_START != 0
    }
    pub fn has_space_before(self) -> bool {
        self.flags & Token::SPACE_BEFORE != 0
    }
    pub fn is_punct(self, c: char) -> bool {
        matches!(self.kind, TokenKind::Punct) && self.first == c
    }

    /// For a quote token, which side it can stand on.
    pub fn quote(self) -> Option<QuoteSide> {
        if self.kind != TokenKind::Quote {
            return None;
        }
        Some(match self.first {
            '“' | '‘' | '«' | '„' | '‹' => QuoteSide::Open,
            '”' | '’' | '»' | '›' => QuoteSide::Close,
            _ => QuoteSide::Either,
        })
    }
}

/// The chars of a text with their byte offsets, as `char_indices().peekable()`, and a run
/// of ASCII letters and digits at once.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<(usize, char)> {
        match self.text.as_bytes().get(self.pos) {
            None => None,
            Some(&b) if b.is_ascii() => Some((self.pos, b as char)),
            Some(_) => self.text[self.pos..].chars().next().map(|c| (self.pos, c)),
        }
    }

    fn next(&mut self) -> Option<(usize, char)> {
        let next = self.peek()?;
        self.pos += next.1.len_utf8();
        Some(next)
    }

    /// Consumes the ASCII letters and digits from here on, counting them.
    fn ascii_alphanumerics(&mut self) -> AsciiRun {
        let mut run = AsciiRun::default();
        for &b in &self.text.as_bytes()[self.pos..] {
            if b.is_ascii_lowercase() {
                run.lower += 1;
            } else if b.is_ascii_uppercase() {
                run.upper += 1;
            } else if b.is_ascii_digit() {
                run.digits += 1;
            } else {
                break;
            }
            run.len += 1;
        }
        self.pos += run.len;
        run
    }
}

#[derive(Default)]
struct AsciiRun {
    len: usize,
    upper: u32,
    lower: u32,
    digits: u32,
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‹' | '›' | '`'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Apostrophes that may start a possessive: also "‘", which some sites print for "’"
/// ("South Korea‘s").
fn is_possessive_mark(c: char) -> bool {
    is_apostrophe(c) || c == '‘'
}

/// Tokens of `text`, appended to `out` (cleared first) so callers can reuse the buffer.
///
/// ```
/// use claimmap::text::{tokenize, TokenKind};
/// let text = "Moscow’s U.S. ties";
/// let mut tokens = Vec::new();
/// tokenize(text, &mut tokens);
/// let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["Moscow", "’s", "U.S.", "ties"]);
/// assert_eq!(tokens[1].kind, TokenKind::Possessive);
/// ```
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut it = Cursor { text, pos: 0 };
    let mut flags_next = Token::LINE_START | Token::PARAGRAPH_START;
    let mut newlines = 0u32;
    while let Some((start, c)) = it.next() {
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
                flags_next |= Token::LINE_START;
                if newlines >= 2 {
                    flags_next |= Token::PARAGRAPH_START;
                }
            }
            flags_next |= Token::SPACE_BEFORE;
            continue;
        }
        newlines = 0;
        let flags = flags_next;
        flags_next = 0;
        if c.is_alphabetic() || c.is_ascii_digit() || (c.is_numeric()) {
            // a word or a number
            let mut end = start + c.len_utf8();
            let mut upper = c.is_uppercase() as u32;
            let mut lower = c.is_lowercase() as u32;
            let mut digits = c.is_ascii_digit() as u32;
            let mut dots = false;
            let mut seg_len = 1u32; // letters since the last initialism dot
            while let Some((i, d)) = it.peek() {
                if d.is_ascii_alphanumeric() {
                    // the bulk of news text: ASCII letters and digits, byte by byte
                    let run = it.ascii_alphanumerics();
                    upper += run.upper;
                    lower += run.lower;
                    digits += run.digits;
                    seg_len += run.len as u32;
                    end = i + run.len;
                    continue;
                }
                if d.is_alphanumeric() {
                    upper += d.is_uppercase() as u32;
                    lower += d.is_lowercase() as u32;
                    digits += d.is_ascii_digit() as u32;
                    seg_len += 1;
                    end = i + d.len_utf8();
                    it.next();
                    continue;
                }
                let next = text[i + d.len_utf8()..].chars().next();
                if is_possessive_mark(d) {
                    // "don’t", "O’Brien" stay one word; "’s" + non-letter is a possessive
                    let after = &text[i + d.len_utf8()..];
                    let mut a = after.chars();
                    let n1 = a.next();
                    let n2 = a.next();
                    let possessive = matches!(n1, Some('s') | Some('S'))
                        && !n2.is_some_and(char::is_alphanumeric);
                    if !possessive && is_apostrophe(d) && n1.is_some_and(char::is_alphabetic) {
                        end = i + d.len_utf8();
                        it.next();
                        continue;
                    }
                    break;
                }
                if d == '.' {
                    // initialisms: U.S. / D.C. / U.N. — single letters joined by dots
                    if seg_len == 1 && digits == 0 && next.is_some_and(char::is_alphabetic) {
                        let after_next = text[i + 1..].chars().nth(1);
                        if !after_next.is_some_and(char::is_alphanumeric) {
                            dots = true;
                            seg_len = 0;
                            end = i + 1;
                            it.next();
                            continue;
                        }
                    }
                    if dots && seg_len == 1 {
                        // the final dot of "U.S."
                        end = i + 1;
                        it.next();
                    }
                    if digits > 0 && next.is_some_and(|n| n.is_ascii_digit()) {
                        end = i + 1;
                        it.next();
                        continue;
                    }
                    break;
                }
                if d == ',' && digits > 0 && upper + lower == 0 {
                    // 6,000
                    if next.is_some_and(|n| n.is_ascii_digit()) {
                        end = i + 1;
                        it.next();
                        continue;
                    }
                }
                break;
            }
            let mut f = flags;
            let kind = if upper + lower == 0 {
                TokenKind::Number
            } else {
                if c.is_uppercase() {
                    f |= Token::CAPITALIZED;
                }
                if lower == 0 && upper > 0 {
                    f |= Token::ALL_CAPS;
                }
                if upper > 0 {
                    f |= Token::HAS_UPPER;
                }
                TokenKind::Word
            };
            if dots {
                f |= Token::HAS_DOTS;
            }
            out.push(Token {
                span: Span::new(start, end),
                kind,
                flags: f,
                first: c,
            });
            continue;
        }
        // possessive right after a word
        if is_possessive_mark(c)
            && flags & Token::SPACE_BEFORE == 0
            && out.last().is_some_and(|t| t.kind == TokenKind::Word)
        {
            let rest = &text[start + c.len_utf8()..];
            let mut r = rest.chars();
            if matches!(r.next(), Some('s') | Some('S'))
                && !r.next().is_some_and(char::is_alphanumeric)
            {
                out.push(Token {
                    span: Span::new(start, start + c.len_utf8() + 1),
                    kind: TokenKind::Possessive,
                    flags,
                    first: c,
                });
                it.next();
                continue;
            }
        }
        let end = start + c.len_utf8();
        // '' and `` (NYT style) are one double quote
        if matches!(c, '\'' | '`') && bytes.get(end) == Some(&(c as u8)) {
            it.next();
            out.push(Token {
                span: Span::new(start, end + 1),
                kind: TokenKind::Quote,
                flags,
                first: if c == '`' { '“' } else { '"' },
            });
            continue;
        }
        let kind = if is_quote(c) {
            TokenKind::Quote
        } else if c == '—' || c == '–' || c == '―' {
            TokenKind::Dash
        } else if c == '-' {
            if bytes.get(end) == Some(&b'-') {
                // "--" as a dash
                it.next();
                out.push(Token {
                    span: Span::new(start, end + 1),
                    kind: TokenKind::Dash,
                    flags,
                    first: '—',
                });
                continue;
            }
            let next_space = text[end..].chars().next().is_none_or(char::is_whitespace);
            if flags & Token::SPACE_BEFORE != 0 || next_space {
                TokenKind::Dash
            } else {
                TokenKind::Hyphen
            }
        } else if c.is_ascii_punctuation() || matches!(c, '…' | '·') {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        out.push(Token {
            span: Span::new(start, end),
            kind,
            flags,
            first: c,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        let mut t = Vec::new();
        tokenize(text, &mut t);
        t.iter().map(|t| (t.text(text), t.kind)).collect()
    }

    #[test]
    fn possessives_split_with_any_apostrophe() {
        for text in ["Moscow’s council", "Moscow's council", "Korea‘s x"] {
            let w = words(text);
            assert_eq!(w[1].1, TokenKind::Possessive, "{text}: {w:?}");
        }
    }

    #[test]
    fn contractions_and_irish_names_stay_whole() {
        assert_eq!(words("don’t")[0].0, "don’t");
        assert_eq!(words("O’Brien said")[0].0, "O’Brien");
    }

    #[test]
    fn initialisms_keep_their_dots_but_sentence_dots_do_not_stick() {
        let w = words("the U.S. State Department. He said");
        assert_eq!(w[1].0, "U.S.");
        assert_eq!(w[4].0, ".");
        assert_eq!(words("in the U.S.")[2].0, "U.S.");
        assert_eq!(words("Gen. Smith")[0].0, "Gen");
    }

    #[test]
    fn numbers_keep_thousands_and_decimals() {
        assert_eq!(words("$200,000 and 3.5")[1].0, "200,000");
        assert_eq!(words("$200,000 and 3.5")[3].0, "3.5");
    }

    #[test]
    fn hyphens_and_dashes_differ() {
        let w = words("Russian-backed forces — and -- more");
        assert_eq!(w[1].1, TokenKind::Hyphen);
        assert_eq!(w[4].1, TokenKind::Dash);
        assert_eq!(w[6].1, TokenKind::Dash);
    }

    #[test]
    fn a_word_with_a_capital_anywhere_is_flagged() {
        let text = "iPhone McCain NATO said O’Brien U.S. ÉCOLE élan mÉtro 6,000 d’Alembert";
        let mut t = Vec::new();
        tokenize(text, &mut t);
        for tok in t.iter().filter(|t| t.is_word()) {
            let s = tok.text(text);
            let flagged = tok.flags & Token::HAS_UPPER != 0;
            assert_eq!(flagged, s.chars().any(char::is_uppercase), "{s}");
        }
    }

    #[test]
    fn all_caps_datelines_are_flagged() {
        let mut t = Vec::new();
        tokenize("PYONGYANG, North Korea", &mut t);
        assert!(t[0].is_all_caps() && t[0].is_capitalized());
        assert!(!t[2].is_all_caps());
    }
}
