//! Sentence boundaries for news text: abbreviations ("Gen.", "Jan.", "Mr."), initialisms that
//! may or may not end a sentence ("the U.S. State Department" / "in the U.S. The ..."),
//! headlines and paragraphs on their own lines, closing quotes that belong to the sentence
//! before them, and hard-wrapped lines that do not end one.

use super::WordList;
use std::ops::Range;

use super::tokens::{Token, TokenKind};
use crate::model::Span;

/// A sentence: its byte span and the range of its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
}

/// Words that, followed by ".", do not end a sentence.
static ABBREVIATIONS: WordList = WordList::new(&[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Sens", "Rep", "Reps", "Gov", "Lt", "Col", "Sgt",
    "Capt", "Maj", "Adm", "Cpl", "Pvt", "Cmdr", "Brig", "Jr", "Sr", "St", "Mt", "Ft", "Prof",
    "Rev", "Hon", "Pres", "Supt", "Gens", "Atty", "Jan", "Feb", "Apr", "Aug", "Sept", "Sep", "Oct",
    "Nov", "Dec", "No", "Nos", "Vol", "vs", "etc", "Inc", "Corp", "Co", "Ltd", "Bros", "approx",
    "Ave", "Blvd", "Calif", "Fla", "Mass", "Conn", "Penn", "Ariz", "Colo", "Ill", "Mich", "Minn",
    "Tenn", "Wash", "Wis", "Ky", "Va", "Ga", "Ala", "Okla", "Ore", "Nev", "Neb", "Kan", "Del",
    "Md", "Mo", "Miss", "La", "Ark", "Tex", "Wyo", "Ind", "Iowa", "Op", "Ed", "a.m", "p.m", "U.S",
    "e.g", "i.e",
]);

/// Capitalised words that usually start a sentence, used to decide whether an initialism
/// ("U.S.") ends one.
static SENTENCE_STARTERS: WordList = WordList::new(&[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "As",
    "At",
    "After",
    "When",
    "While",
    "If",
    "Some",
    "Many",
    "Most",
    "According",
    "Still",
    "Yet",
    "So",
    "Meanwhile",
    "However",
    "Now",
    "Both",
    "For",
    "With",
    "Last",
    "Earlier",
    "Later",
]);

fn is_terminal(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.first, '.' | '!' | '?' | '…')
}

/// Splits tokens into sentences.
///
/// ```
/// use claimmap::text::{split_sentences, tokenize};
/// let text = "Gen. Smith said so. In the U.S. it rained.\nHeadline here";
/// let mut tokens = Vec::new();
/// tokenize(text, &mut tokens);
/// let s: Vec<&str> = split_sentences(text, &tokens).iter().map(|s| s.span.slice(text)).collect();
/// assert_eq!(s, ["Gen. Smith said so.", "In the U.S. it rained.", "Headline here"]);
/// ```
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    let n = tokens.len();
    while i < n {
        let t = tokens[i];
        let mut boundary_after: Option<usize> = None;
        if is_terminal(&t) {
            // swallow repeated terminals, closing quotes and brackets
            let mut j = i + 1;
            while j < n
                && !tokens[j].has_space_before()
                && (is_terminal(&tokens[j])
                    || tokens[j].kind == TokenKind::Quote
                    || matches!(tokens[j].first, ')' | ']'))
            {
                j += 1;
            }
            let abbreviation = t.first == '.'
                && i > 0
                && !t.has_space_before()
                && tokens[i - 1].kind == TokenKind::Word
                && (ABBREVIATIONS.contains(tokens[i - 1].text(text))
                    // a middle initial: "Vann R. Newkirk"
                    || (tokens[i - 1].is_all_caps() && tokens[i - 1].span.len() == 1))
                && j < n
                && !tokens[j].is_line_start();
            if !abbreviation && (j >= n || starts_sentence(text, &tokens[j])) {
                boundary_after = Some(j);
            }
        } else if t.flags & Token::HAS_DOTS != 0 && t.text(text).ends_with('.') && i + 1 < n {
            let next = tokens[i + 1];
            if next.is_line_start()
                || (next.kind == TokenKind::Word && SENTENCE_STARTERS.contains(next.text(text)))
            {
                boundary_after = Some(i + 1);
            }
        }
        if boundary_after.is_none() && i + 1 < n && tokens[i + 1].is_line_start() {
            let next = tokens[i + 1];
            let hard_wrap = next.kind == TokenKind::Word
                && next.first.is_lowercase()
                && next.flags & Token::PARAGRAPH_START == 0
                && !matches!(t.kind, TokenKind::Punct | TokenKind::Quote);
            if !hard_wrap {
                boundary_after = Some(i + 1);
            }
        }
        if let Some(j) = boundary_after {
            push(&mut out, tokens, start, j);
            start = j;
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut out, tokens, start, n);
    out
}

fn starts_sentence(text: &str, t: &Token) -> bool {
    t.is_line_start()
        || match t.kind {
            TokenKind::Word => {
                t.first.is_uppercase() || t.text(text).starts_with(|c: char| c.is_numeric())
            }
            TokenKind::Number | TokenKind::Quote | TokenKind::Dash => true,
            TokenKind::Punct => matches!(t.first, '(' | '['),
            _ => false,
        }
}

fn push(out: &mut Vec<Sentence>, tokens: &[Token], start: usize, end: usize) {
    if start < end {
        out.push(Sentence {
            span: Span {
                start: tokens[start].span.start,
                end: tokens[end - 1].span.end,
            },
            tokens: start..end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let mut t = Vec::new();
        tokenize(text, &mut t);
        split_sentences(text, &t)
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    const CASES: &[(&str, &[&str])] = &[
        (
            "He said, “It is over.” Then he left.",
            &["He said, “It is over.”", "Then he left."],
        ),
        (
            "A U.S. State Department spokesperson echoed it.",
            &["A U.S. State Department spokesperson echoed it."],
        ),
        (
            "On Jan. 5 they met. Sen. Ted Cruz spoke.",
            &["On Jan. 5 they met.", "Sen. Ted Cruz spoke."],
        ),
        (
            "World\nNorth Korea to Send Workers\n\nPYONGYANG, North Korea — It began.",
            &[
                "World",
                "North Korea to Send Workers",
                "PYONGYANG, North Korea — It began.",
            ],
        ),
        (
            "a line that was\nwrapped by hand.",
            &["a line that was\nwrapped by hand."],
        ),
        ("Is it? Yes! 3 won.", &["Is it?", "Yes!", "3 won."]),
        (
            "Vann R. Newkirk II wrote it.",
            &["Vann R. Newkirk II wrote it."],
        ),
    ];

    #[test]
    fn sentence_table() {
        for (text, want) in CASES {
            assert_eq!(&sentences(text), want, "text: {text}");
        }
    }
}
