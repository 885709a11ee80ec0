//! What a source's name says about who it is: a person's name under its titles ("Russian
//! Security Council Secretary Sergei Shoigu" → Sergei Shoigu), a body's name without its
//! country, articles and spelling ("the Russian Ministry of Defence" → Russia, "defense
//! ministry"), or no one in particular ("officials", "the campaign", "he").

use super::body::body;
use super::person::person;
use super::words::{
    ANONYMOUS_OPENERS, FUNCTION_WORDS, PARTICLES, PRONOUNS, SENTENCE_ADVERBS, Words, words,
};
use crate::claims::source_traits;
use crate::model::SourceKind;
use crate::text::normalize;

/// What a source's name says about who it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    /// No one in particular ("officials", "the campaign", "he"): never merged across
    /// documents.
    Anonymous,
    Person(PersonName),
    Body(BodyName),
}

/// A person's name without titles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct PersonName {
    /// The first given name, normalised ("donald"); none for a bare surname ("Mr. Trump").
    pub given: Option<String>,
    /// The last word of the surname, normalised ("trump", "leyen" of "von der Leyen").
    pub surname: String,
    /// "jr", "iii".
    pub suffix: Option<String>,
    /// The first word of a full name that may be written surname first ("kim" of "Kim Jong
    /// Un"): a bare "Kim" may be this person too.
    pub surname_first: Option<SurnameFirst>,
    /// As written, without titles ("Donald J. Trump").
    pub written: String,
    /// A bare first name ("Hillary", "Bob"): whose, only its document can say.
    pub is_given_name_alone: bool,
}

impl PersonName {
    /// "donald trump": one person for every full name that writes the first given name and
    /// the surname so ("Donald J. Trump", "President Donald Trump").
    pub fn full_key(&self) -> Option<String> {
        if let Some(SurnameFirst {
            whole,
            is_likely: true,
            ..
        }) = &self.surname_first
        {
            // "kim jong un": a middle word is no middle name here
            return Some(whole.clone());
        }
        let given = self.given.as_deref()?;
        Some(match &self.suffix {
            Some(s) => format!("{given} {} {s}", self.surname),
            None => format!("{given} {}", self.surname),
        })
    }
}

/// A first word that may be the surname ("Kim" of "Kim Jong Un").
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct SurnameFirst {
    pub surname: String,
    /// Every word of the name, normalised ("kim jong un").
    pub whole: String,
    /// Whether a bare "Kim" may join this name, not only stay apart from it.
    pub is_likely: bool,
}

/// A body's name (organisation, government body, outlet, group).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct BodyName {
    /// Normalised, without articles and its country's own name where that is a modifier,
    /// American spelling, "Ministry of X" as "X ministry", other names of well-known bodies
    /// as their name: "defense ministry", "trump campaign", "kremlin".
    pub core: String,
    /// The country (ISO alpha-2) the name gives, else the source's affiliation.
    pub country: Option<String>,
    /// Made of institution and function words alone ("defense ministry", "government"):
    /// only its country tells which body it is.
    pub is_generic: bool,
    /// Written as a name ("the State Department"), not as a description ("the government").
    pub is_proper: bool,
    /// As written, without a leading "the".
    pub written: String,
}

/// One word of a name.
#[derive(Debug)]
pub(super) struct Word<'a> {
    /// As written, trimmed of quotes and brackets.
    pub text: &'a str,
    /// [`Word::text`] without a possessive "'s".
    pub bare: &'a str,
    /// [`normalize`]d [`Word::bare`].
    pub norm: String,
    pub is_possessive: bool,
}

impl Word<'_> {
    pub(super) fn is_capitalised(&self) -> bool {
        self.bare.chars().next().is_some_and(char::is_uppercase)
    }

    /// "CNN", "FBI": capitals without dots.
    pub(super) fn is_acronym(&self) -> bool {
        let letters = self.bare.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && !self.bare.contains('.')
            && self
                .bare
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase())
    }

    /// "J.", "J", "H.W.", "J.D.".
    pub(super) fn is_initial(&self) -> bool {
        let b = self.bare.trim_end_matches('.');
        let mut chars = b.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => c.is_uppercase(),
            _ => {
                self.bare.contains('.')
                    && b.split('.')
                        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
            }
        }
    }
}

const APOSTROPHES: [char; 5] = ['\'', '\u{2019}', '\u{2018}', '\u{02bc}', '`'];

/// The words of a name, up to its first bracket, comma or dash ("Sen. Bernie Sanders
/// (I-Vt.)", "Sen. Ted Cruz, R-Texas").
fn split(name: &str) -> Vec<Word<'_>> {
    let end = name
        .char_indices()
        .skip(1)
        .find(|&(_, c)| matches!(c, '(' | '[' | ',' | ';' | ':' | '\u{2014}' | '\u{2013}'))
        .map_or(name.len(), |(i, _)| i);
    name[..end]
        .split(char::is_whitespace)
        .filter_map(|t| {
            let text = t.trim_matches(|c: char| {
                !(c.is_alphanumeric() || c == '.' || c == '&' || APOSTROPHES.contains(&c))
            });
            let text = text.trim_start_matches(|c: char| c == '.' || APOSTROPHES.contains(&c));
            if text.is_empty() {
                return None;
            }
            let (bare, is_possessive) = possessive(text);
            Some(Word {
                text,
                bare,
                norm: normalize(bare),
                is_possessive,
            })
        })
        .collect()
}

/// "Russia's" → ("Russia", true), "Democrats'" → ("Democrats", true).
fn possessive(t: &str) -> (&str, bool) {
    for a in APOSTROPHES {
        let mut buf = [0u8; 8];
        let s = {
            let n = a.encode_utf8(&mut buf).len();
            buf[n] = b's';
            std::str::from_utf8(&buf[..n + 1]).unwrap_or("")
        };
        if let Some(b) = t.strip_suffix(s).filter(|b| !b.is_empty()) {
            return (b, true);
        }
        if let Some(b) = t.strip_suffix(a).filter(|b| b.ends_with('s')) {
            return (b, true);
        }
    }
    (t, false)
}

/// What a source's name says. `affiliation` is the country the source speaks for (ISO
/// alpha-2), when the extractor found one.
pub(super) fn shape(name: &str, kind: SourceKind, affiliation: Option<&str>) -> Shape {
    if kind == SourceKind::Unnamed {
        return Shape::Anonymous;
    }
    let mut ws = split(name);
    while ws.len() > 1
        && matches!(
            ws.last().map(|w| w.norm.as_str()),
            Some("himself" | "herself" | "itself" | "themselves")
        )
    {
        ws.pop();
    }
    let Some(first) = ws.first() else {
        return Shape::Anonymous;
    };
    if (ws.len() == 1 && PRONOUNS.contains(&first.norm)) || ANONYMOUS_OPENERS.contains(&first.norm)
    {
        return Shape::Anonymous;
    }
    // "Yet Republicans", "of Trump", "and NBC News": a sentence's word before the name
    let mut from = 0;
    while from + 1 < ws.len()
        && (FUNCTION_WORDS.contains(&ws[from].norm) || SENTENCE_ADVERBS.contains(&ws[from].norm))
    {
        from += 1;
    }
    let has_the = ws[from].norm == "the";
    let ws = &ws[from + usize::from(has_the)..];
    if ws.is_empty() {
        return Shape::Anonymous;
    }
    let w = words();
    // the extractor types "Grayson, an Orlando Democrat" as government by its apposition;
    // whether the name itself is a person's, its words say
    // (what `source_traits` asks first, without its allocations)
    let may_be_a_name = ws.len() <= 4 && ws.iter().all(Word::is_capitalised);
    let is_person_name = kind == SourceKind::Person
        || may_be_a_name && {
            let bare_name = ws.iter().map(|x| x.text).collect::<Vec<_>>().join(" ");
            source_traits(&bare_name, None, &|x| w.lexicon.is_common_word(x)).is_person_name
        };
    if let Some(p) = person(w, ws, is_person_name) {
        return Shape::Person(p);
    }
    if kind == SourceKind::Person
        && ws
            .iter()
            .any(|x| !x.is_capitalised() && !PARTICLES.contains(&x.norm))
    {
        // a description or a fragment of a sentence, not a name
        return Shape::Anonymous;
    }
    body(w, ws, !has_the && from == 0, affiliation)
}

/// The word is a country's name, demonym or (in capitals) abbreviation.
pub(super) fn is_country_word(w: &Words, x: &Word) -> bool {
    w.countries
        .get(x.norm.as_str())
        .is_some_and(|c| !c.is_abbreviation || x.is_acronym() || x.bare.contains('.'))
}

/// "Russian", "North Koreans".
pub(super) fn is_demonym(w: &Words, x: &Word) -> bool {
    w.countries
        .get(x.norm.as_str())
        .is_some_and(|c| c.is_demonym)
}

/// A word for display: without a sentence's full stop ("Trump." → "Trump"), with an
/// abbreviation's ("Jr.").
pub(super) fn display(t: &str) -> &str {
    match t.strip_suffix('.') {
        Some(b) if !b.contains('.') && b.chars().count() > 3 => b,
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SourceKind::*;

    fn person_key(name: &str, kind: SourceKind) -> Option<(Option<String>, String)> {
        match shape(name, kind, None) {
            Shape::Person(p) => Some((p.full_key(), p.surname)),
            _ => None,
        }
    }

    /// (name as the extractor gives it, its kind, full key, surname)
    const PEOPLE: &[(&str, SourceKind, Option<&str>, &str)] = &[
        ("Sergei Shoigu", Person, Some("sergei shoigu"), "shoigu"),
        ("Shoigu", Person, None, "shoigu"),
        ("Mr. Shoigu", Person, None, "shoigu"),
        (
            "Russian Security Council Secretary Sergei Shoigu",
            Government,
            Some("sergei shoigu"),
            "shoigu",
        ),
        (
            "President Donald Trump",
            Government,
            Some("donald trump"),
            "trump",
        ),
        ("Donald J. Trump", Person, Some("donald trump"), "trump"),
        ("Mr. Trump's", Person, None, "trump"),
        (
            "Republican presidential candidate Donald Trump",
            Organisation,
            Some("donald trump"),
            "trump",
        ),
        (
            "the ubiquitous Donald J. Trump",
            Person,
            Some("donald trump"),
            "trump",
        ),
        (
            "Sen. Bernie Sanders (I-Vt.)",
            Organisation,
            Some("bernie sanders"),
            "sanders",
        ),
        (
            "Senator Ted Cruz of Texas",
            Government,
            Some("ted cruz"),
            "cruz",
        ),
        (
            "Paul Krugman of the New York Times",
            Person,
            Some("paul krugman"),
            "krugman",
        ),
        (
            "Secretary of State John Kerry",
            Government,
            Some("john kerry"),
            "kerry",
        ),
        ("Donald Trump Jr.", Person, Some("donald trump jr"), "trump"),
        (
            "Ursula von der Leyen",
            Person,
            Some("ursula leyen"),
            "leyen",
        ),
        ("von der Leyen", Person, None, "leyen"),
        ("Kim Jong Un", Person, Some("kim jong un"), "un"),
        ("President Obama", Government, None, "obama"),
        (
            "White House press secretary Josh Earnest",
            Government,
            Some("josh earnest"),
            "earnest",
        ),
        (
            "Former Secretary of State and Democratic frontrunner Hillary Clinton",
            Organisation,
            Some("hillary clinton"),
            "clinton",
        ),
        (
            "Director of National Intelligence James Clapper",
            Government,
            Some("james clapper"),
            "clapper",
        ),
    ];

    #[test]
    fn a_persons_name_is_read_under_its_titles() {
        for &(name, kind, full, surname) in PEOPLE {
            assert_eq!(
                person_key(name, kind),
                Some((full.map(str::to_string), surname.to_string())),
                "{name}"
            );
        }
    }

    /// Phrases that name no one person, though a person's name may be in them.
    const NOT_PEOPLE: &[(&str, SourceKind)] = &[
        ("Barack Obama and Hillary Clinton", Person),
        ("Trump and Texas Sen. Ted Cruz", Organisation),
        ("Clinton Cash Debunks Hillary", Person),
        ("close friend of Gov. Mike Pence", Person),
        ("Supporters of Sanders", Person),
        ("Trump notably made no mention of Jeb Bush", Person),
        ("experts like Paul Bauman", Person),
        ("Clinton aides", Person),
        ("the Trump campaign", Organisation),
        ("Bloomberg", Media),
        ("The New York Times", Media),
        ("Anti-Trump", Person),
        ("Israel", Person),
        ("Democrats", Person),
        ("The Florida senator", Government),
    ];

    #[test]
    fn phrases_around_a_name_are_not_that_person() {
        for &(name, kind) in NOT_PEOPLE {
            assert_eq!(person_key(name, kind), None, "{name}");
        }
    }

    fn body_of(
        name: &str,
        kind: SourceKind,
        aff: Option<&str>,
    ) -> Option<(String, Option<String>)> {
        match shape(name, kind, aff) {
            Shape::Body(b) => Some((b.core, b.country)),
            _ => None,
        }
    }

    /// (name, kind, affiliation the extractor found, core, country)
    type BodyRow = (
        &'static str,
        SourceKind,
        Option<&'static str>,
        &'static str,
        Option<&'static str>,
    );
    const BODIES: &[BodyRow] = &[
        (
            "Russia's Defense Ministry",
            Ministry,
            Some("RU"),
            "defense ministry",
            Some("RU"),
        ),
        (
            "the Russian Defence Ministry",
            Ministry,
            None,
            "defense ministry",
            Some("RU"),
        ),
        (
            "the Russian Ministry of Defence",
            Ministry,
            None,
            "defense ministry",
            Some("RU"),
        ),
        (
            "Ukraine's military intelligence",
            Military,
            None,
            "military intelligence",
            Some("UA"),
        ),
        (
            "the Defense Intelligence of Ukraine",
            Ministry,
            None,
            "military intelligence",
            Some("UA"),
        ),
        (
            "the foreign ministry",
            Ministry,
            Some("CN"),
            "foreign ministry",
            Some("CN"),
        ),
        (
            "Ministry of Foreign Affairs",
            Ministry,
            Some("UA"),
            "foreign ministry",
            Some("UA"),
        ),
        (
            "the Pentagon",
            Military,
            None,
            "defense department",
            Some("US"),
        ),
        (
            "the U.S. Department of Defense",
            Ministry,
            None,
            "defense department",
            Some("US"),
        ),
        (
            "The State Department",
            Ministry,
            None,
            "state department",
            Some("US"),
        ),
        (
            "Trump's campaign",
            Organisation,
            None,
            "trump campaign",
            None,
        ),
        (
            "The Trump campaign",
            Organisation,
            None,
            "trump campaign",
            None,
        ),
        ("the Kremlin", Government, Some("RU"), "kremlin", Some("RU")),
        (
            "Russian state media",
            StateMedia,
            None,
            "state media",
            Some("RU"),
        ),
        ("Congress", Government, None, "congress", None),
        ("POLITICO", Media, None, "politico", None),
        (
            "the Russian Orthodox Church",
            Organisation,
            None,
            "russian orthodox church",
            Some("RU"),
        ),
        (
            "Voice of America",
            Media,
            None,
            "voice of america",
            Some("US"),
        ),
        ("Israel", Person, None, "israel", Some("IL")),
    ];

    #[test]
    fn a_bodys_name_loses_its_country_articles_and_spelling() {
        for &(name, kind, aff, core, country) in BODIES {
            assert_eq!(
                body_of(name, kind, aff),
                Some((core.to_string(), country.map(str::to_string))),
                "{name}"
            );
        }
    }

    /// Phrases that name no one in particular.
    const ANONYMOUS: &[(&str, SourceKind)] = &[
        ("officials", Unnamed),
        ("Officials", Government),
        ("U.S. officials", Government),
        ("Officials in Kyiv", Government),
        ("a spokesperson", Government),
        ("he", Person),
        ("They", Person),
        ("Some Democrats", Person),
        ("his campaign", Organisation),
        ("the campaign", Organisation),
        ("the government", Government),
        ("the president", Government),
        ("The Florida senator", Government),
        ("Polls", Media),
        ("the conservative group", Organisation),
        ("Trump's army of Twitter followers", Person),
    ];

    #[test]
    fn descriptions_and_pronouns_name_no_one() {
        for &(name, kind) in ANONYMOUS {
            assert_eq!(shape(name, kind, None), Shape::Anonymous, "{name}");
        }
    }
}
