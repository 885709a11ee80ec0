//! Toponym recognition: finds the spans of a text that name places, leftmost-longest over the
//! gazetteer's multi-word names ("North Korea" before "Korea", "the Kursk region" → "Kursk
//! region"), with the guards that keep words and people off the map:
//!
//! - a name starts with a capital (ALL-CAPS datelines count); lower-case connectors may
//!   follow inside it ("Gulf of Aden", "Kursk region");
//! - an abbreviation must look like one ("U.S.", "UAE", not "us");
//! - a common word ("Mission", "Reading") is a place only after a place preposition;
//! - a run of capitalised words that holds a first name is a person ("Kim Jong Un",
//!   "Jordan Peterson"), and so are surnames the document gave a first name to ("Clinton");
//! - a title ("President", "Mr.") makes the next name a person.

use std::collections::HashSet;

use super::{GazId, Gazetteer, NameKind, WordLexicon};
use crate::model::{MentionRole, Span};
use crate::text::{Token, TokenKind, normalize_into};

/// A place name found in the text, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub span: Span,
    /// Token range of the name.
    pub tokens: std::ops::Range<usize>,
    /// The normalised name, for one sense per discourse.
    pub key: String,
    /// Every gazetteer reading of the name.
    pub readings: Vec<(GazId, NameKind)>,
    pub role: MentionRole,
}

/// Lower-case words that may sit inside a place name.
const CONNECTORS: &[&str] = &[
    "of",
    "de",
    "del",
    "la",
    "le",
    "les",
    "du",
    "des",
    "da",
    "do",
    "dos",
    "al",
    "el",
    "an",
    "and",
    "the",
    "upon",
    "on",
    "sur",
    "am",
    "im",
    "in",
    "region",
    "oblast",
    "province",
    "state",
    "county",
    "district",
    "governorate",
    "prefecture",
    "city",
    "island",
    "islands",
];

/// Words before a name that make it a place ("in Reading").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "from",
    "to",
    "near",
    "into",
    "outside",
    "across",
    "toward",
    "towards",
    "around",
    "via",
    "through",
    "between",
    "of",
    "across",
    "throughout",
    "within",
    "inside",
    "visit",
    "visited",
    "visiting",
    "reach",
    "reached",
    "entered",
    "left",
    "fled",
    "Rep",
];

/// Words before a name that make it a person ("President Jordan").
const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Gen",
    "Sen",
    "Rep",
    "Gov",
    "Lt",
    "Col",
    "Sgt",
    "Capt",
    "Maj",
    "Adm",
    "Prof",
    "Rev",
    "President",
    "Senator",
    "Governor",
    "Judge",
    "Justice",
    "Mayor",
    "Secretary",
    "Minister",
    "Chancellor",
    "Pope",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Sir",
    "Lady",
    "Lord",
    "Speaker",
    "Chairman",
    "Director",
    "Coach",
    "Officer",
    "Detective",
    "Sheriff",
    "Ambassador",
    "Congressman",
    "Congresswoman",
    "Commissioner",
    "Agent",
];

/// Verbs after a country or capital that make it stand for its government ("Moscow said").
const AGENT_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "announced",
    "accused",
    "warned",
    "denied",
    "claimed",
    "rejected",
    "agreed",
    "wants",
    "want",
    "plans",
    "demanded",
    "threatened",
    "launched",
    "responded",
    "insisted",
    "refused",
    "signed",
    "sent",
    "sees",
    "stands",
    "vowed",
    "urged",
    "blamed",
    "condemned",
    "criticized",
    "criticised",
    "called",
    "reported",
    "confirmed",
];

fn is_connector(t: &str) -> bool {
    CONNECTORS.contains(&t)
}

/// Finds place-name candidates in a tokenised text.
pub fn recognize(
    text: &str,
    tokens: &[Token],
    sentence_starts: &[usize],
    gazetteer: &Gazetteer,
    lexicon: &WordLexicon,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut key = String::new();
    let mut part = String::new();
    let mut persons: HashSet<&str> = HashSet::new();
    let mut starts = sentence_starts.iter().peekable();
    let title_case = title_case_lines(text, tokens);
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let mut sentence_initial = false;
        while let Some(&&s) = starts.peek() {
            if s < i {
                starts.next();
            } else {
                sentence_initial = s == i;
                break;
            }
        }
        if !t.is_word() || !t.is_capitalized() {
            i += 1;
            continue;
        }
        let word = t.text(text);
        let prev = i.checked_sub(1).map(|p| tokens[p]);
        let after_quote = prev.is_some_and(|p| p.kind == TokenKind::Quote);
        let initial = sentence_initial || after_quote;

        // People: a run of capitalised words that holds a first name, or after a title.
        let run_end = capitalized_run_end(text, tokens, i);
        let titled = prev.is_some_and(|p| p.is_word() && TITLES.contains(&p.text(text)))
            || (prev.is_some_and(|p| p.is_punct('.'))
                && i >= 2
                && TITLES.contains(&tokens[i - 2].text(text)));
        let has_first_name = run_end > i + 1
            && (i..run_end).any(|k| lexicon.is_first_name(tokens[k].text(text)))
            && !t.is_all_caps();

        // leftmost-longest match over the gazetteer
        let mut best: Option<(usize, Vec<(GazId, NameKind)>)> = None;
        normalize_into(word, &mut key);
        let mut j = i;
        loop {
            let readings: Vec<(GazId, NameKind)> = gazetteer.lookup(&key).collect();
            if !readings.is_empty() && !tokens[j].text(text).ends_with('-') {
                best = Some((j, readings));
            }
            if !gazetteer.continues(&key) {
                break;
            }
            // the next word of the name: adjacent, through a hyphen or a space
            let mut k = j + 1;
            if k < tokens.len() && tokens[k].kind == TokenKind::Hyphen {
                k += 1;
            }
            if k >= tokens.len() || !tokens[k].is_word() {
                break;
            }
            let w = tokens[k].text(text);
            if !tokens[k].is_capitalized() && !is_connector(w) {
                break;
            }
            normalize_into(w, &mut part);
            key.push(' ');
            key.push_str(&part);
            j = k;
        }
        let Some((end, readings)) = best else {
            i = if has_first_name || titled {
                run_end
            } else {
                i + 1
            };
            continue;
        };
        let multiword = end > i;
        let name = Span::new(t.span.start as usize, tokens[end].span.end as usize);
        let surface = name.slice(text);
        normalize_into(surface, &mut key);

        // a person, unless the whole run is the place name ("Jordan Valley")
        let whole_run = end + 1 >= run_end;
        if (has_first_name && !whole_run) || (titled && !multiword) || persons.contains(word) {
            if has_first_name {
                for t in &tokens[i..run_end] {
                    persons.insert(t.text(text));
                }
            }
            i = run_end.max(i + 1);
            continue;
        }
        // surname after a capitalised word we skipped ("Hillary Clinton")
        if prev.is_some_and(|p| {
            p.is_word() && p.is_capitalized() && lexicon.is_first_name(p.text(text))
        }) && !multiword
        {
            persons.insert(word);
            i += 1;
            continue;
        }
        let all_caps = t.is_all_caps() && !multiword;
        let looks_abbreviated = t.is_all_caps() || t.flags & Token::HAS_DOTS != 0;
        // a short ALL-CAPS word is an acronym (UN, CIA, AP): only abbreviations match it
        let acronym = !multiword && t.is_all_caps() && word.chars().count() <= 3;
        let readings: Vec<(GazId, NameKind)> = readings
            .into_iter()
            .filter(|&(_, k)| k != NameKind::Abbreviation || looks_abbreviated)
            .filter(|&(_, k)| !acronym || k == NameKind::Abbreviation)
            .collect();
        if readings.is_empty() {
            i += 1;
            continue;
        }
        if !multiword {
            let lower = word.to_lowercase();
            let common = lexicon.is_common_word(&lower);
            let place_context = prev.is_some_and(|p| PLACE_PREPOSITIONS.contains(&p.text(text)))
                || followed_by_place_qualifier(text, tokens, end, gazetteer);
            let demonym_only = readings.iter().all(|&(_, k)| k == NameKind::Demonym);
            let headline = title_case[i];
            let caps_mid_sentence = all_caps && !initial;
            if common && (headline || !place_context) && !caps_mid_sentence && !demonym_only {
                i += 1;
                continue;
            }
        }
        let role = if readings.iter().all(|&(_, k)| k == NameKind::Demonym) {
            MentionRole::Demonym
        } else if tokens.get(end + 1).is_some_and(|n| {
            n.is_word() && !n.is_capitalized() && AGENT_VERBS.contains(&n.text(text))
        }) {
            MentionRole::Metonym
        } else {
            MentionRole::Literal
        };
        out.push(Candidate {
            span: name,
            tokens: i..end + 1,
            key: key.clone(),
            readings,
            role,
        });
        i = end + 1;
    }
    out
}

/// Per token: whether its line is written in Title Case (a headline), where capitals say
/// nothing about names.
fn title_case_lines(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut a = 0;
    while a < tokens.len() {
        let mut b = a + 1;
        while b < tokens.len() && !tokens[b].is_line_start() {
            b += 1;
        }
        let long: Vec<&Token> = tokens[a..b]
            .iter()
            .filter(|t| t.is_word() && t.text(text).len() > 3)
            .collect();
        let caps = long.iter().filter(|t| t.is_capitalized()).count();
        if long.len() >= 3 && caps * 10 >= long.len() * 7 {
            out[a..b].iter_mut().for_each(|x| *x = true);
        }
        a = b;
    }
    out
}

/// The end (exclusive) of the run of capitalised words starting at `i`.
fn capitalized_run_end(text: &str, tokens: &[Token], i: usize) -> usize {
    let mut k = i;
    while k < tokens.len()
        && tokens[k].is_word()
        && tokens[k].is_capitalized()
        && (k == i || (!tokens[k].is_line_start() && tokens[k].has_space_before()))
    {
        k += 1;
        // "Jong-un": hyphenated parts belong to the run
        if k + 1 < tokens.len() && tokens[k].kind == TokenKind::Hyphen && tokens[k + 1].is_word() {
            k += 2;
        }
    }
    let _ = text;
    k.max(i + 1)
}

/// "Kursk, Russia": a comma and a country or region name right after.
fn followed_by_place_qualifier(
    text: &str,
    tokens: &[Token],
    end: usize,
    gazetteer: &Gazetteer,
) -> bool {
    let (Some(c), Some(n)) = (tokens.get(end + 1), tokens.get(end + 2)) else {
        return false;
    };
    if !c.is_punct(',') || !n.is_word() || !n.is_capitalized() {
        return false;
    }
    let key = crate::text::normalize(n.text(text));
    gazetteer.lookup(&key).any(|(id, _)| {
        matches!(
            gazetteer.entry(id).kind,
            crate::model::PlaceKind::Country | crate::model::PlaceKind::Region
        )
    })
}
