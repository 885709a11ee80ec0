//! A body's name without its articles, its country's own name where that is a modifier, and
//! British spelling: "the Russian Ministry of Defence" is Russia's "defense ministry", "the
//! Defense Intelligence of Ukraine" Ukraine's "military intelligence" (by
//! `assets/entities/bodies.tsv`); a description ("the conservative group", "Officials in
//! Kyiv") is no body.

use super::names::{BodyName, Shape, Word, display};
use super::words::{FUNCTIONS, INSTITUTIONS, REORDERED_HEADS, TITLES, Words, spelling};

/// One word of a body's name.
struct CoreWord<'a> {
    text: &'a str,
    is_capitalised: bool,
    /// Capitalised where a name is, not only because a sentence starts with it.
    is_proper: bool,
    is_possessive: bool,
}

/// The longest country name at `ws[at..]` (up to `w.country_words_max` words): its code
/// and how many words it takes.
fn country_at(w: &Words, ws: &[CoreWord], at: usize) -> Option<([u8; 2], usize)> {
    let mut found = None;
    let mut key = String::new();
    for n in 1..=w.country_words_max.min(ws.len() - at) {
        if n > 1 {
            key.push(' ');
        }
        key.push_str(ws[at + n - 1].text);
        if let Some(c) = w.countries.get(key.as_str()) {
            found = Some((c.code, n));
        }
        if ws[at + n - 1].is_possessive {
            break;
        }
    }
    found
}

fn is_generic_word(t: &str) -> bool {
    INSTITUTIONS.contains(t) || FUNCTIONS.contains(t)
}

/// A body's name, or [`Shape::Anonymous`] for a description ("the conservative group").
pub(super) fn body(
    w: &Words,
    ws: &[Word],
    starts_sentence: bool,
    affiliation: Option<&str>,
) -> Shape {
    let written = ws.iter().map(|x| x.text).collect::<Vec<_>>().join(" ");
    let written = display(&written).to_string();
    // words, normalised (a hyphen splits one), a country's capitals kept apart from "us"
    let mut core: Vec<CoreWord> = Vec::new();
    for (i, x) in ws.iter().enumerate() {
        let proper =
            x.is_capitalised() && !(i == 0 && starts_sentence && w.lexicon.is_common_word(&x.norm));
        let parts: Vec<&str> = x.norm.split(' ').collect();
        let n = parts.len();
        for (k, p) in parts.into_iter().enumerate() {
            if p == "the" || p.is_empty() {
                continue;
            }
            if p == "us" && !(x.is_acronym() || x.bare.contains('.')) {
                // the pronoun, not the United States
                core.push(CoreWord {
                    text: "us pronoun",
                    is_capitalised: false,
                    is_proper: false,
                    is_possessive: false,
                });
                continue;
            }
            core.push(CoreWord {
                text: spelling(p),
                is_capitalised: x.is_capitalised(),
                is_proper: proper,
                is_possessive: x.is_possessive && k + 1 == n,
            });
        }
    }
    if let Some(c) = core.first()
        && !c.is_capitalised
        && !is_generic_word(c.text)
        && !w.countries.contains_key(c.text)
        && w.lexicon.is_common_word(c.text)
    {
        // "leading Democrats", "the most optimistic Democrats": some of them, described
        return Shape::Anonymous;
    }
    if core.is_empty() {
        return Shape::Anonymous;
    }
    let mut country: Option<[u8; 2]> = None;
    // "Russia's Defense Ministry", "the Russian Defence Ministry"
    if let Some((code, n)) = country_at(w, &core, 0) {
        let rest_generic = core[n..].iter().all(|c| is_generic_word(c.text));
        country = Some(code);
        if n < core.len() && (core[n - 1].is_possessive || rest_generic) {
            core.drain(..n);
        }
    }
    // "the Defense Intelligence of Ukraine"
    if core.len() >= 3 {
        let of = core.iter().rposition(|c| c.text == "of");
        if let Some(of) = of.filter(|&of| of > 0 && of + 1 < core.len()) {
            let at_end = country_at(w, &core, of + 1).filter(|&(_, n)| of + 1 + n == core.len());
            if let Some((code, _)) = at_end {
                country = country.or(Some(code));
                if core[..of].iter().all(|c| is_generic_word(c.text)) {
                    core.truncate(of);
                }
            }
        }
    }
    let whole_country =
        country.is_some() && country_at(w, &core, 0).is_some_and(|(_, n)| n == core.len());
    // "Ministry of Defence" → "defense ministry"
    if core.len() > 2 && REORDERED_HEADS.contains(core[0].text) && core[1].text == "of" {
        let head = core.remove(0);
        core.remove(0);
        core.push(head);
    }
    // the head comes before a place it is in ("Officials in Kyiv", "the U.S. Embassy in
    // Moscow"); "of" and "for" belong to a name ("Center for Responsive Politics")
    let head_at = core
        .iter()
        .skip(1)
        .position(|c| matches!(c.text, "in" | "from" | "at" | "near" | "inside" | "across"))
        .unwrap_or(core.len() - 1);
    let head = &core[head_at];
    if TITLES.contains(head.text) || !(head.is_proper || INSTITUTIONS.contains(head.text)) {
        // "the Florida senator", "Clinton aides", "Officials in Kyiv", "the statement"
        return Shape::Anonymous;
    }
    let is_generic = !whole_country && core.iter().all(|c| is_generic_word(c.text));
    let is_proper = core.iter().any(|c| c.is_proper);
    let distinctive = core
        .iter()
        .any(|c| c.is_proper && !is_generic_word(c.text) && !TITLES.contains(c.text));
    if !is_generic && !distinctive {
        return Shape::Anonymous;
    }
    let mut text = core.iter().map(|c| c.text).collect::<Vec<_>>().join(" ");
    let mut country: Option<String> = country
        .and_then(|c| std::str::from_utf8(&c).ok().map(str::to_string))
        .or_else(|| affiliation.map(str::to_string));
    if let Some(&name) = w.bodies.get(&("*", text.as_str())) {
        text = name.to_string();
    }
    if country.is_none() {
        // "the Pentagon": a name only one country's body has
        if let Some([only]) = w.body_countries.get(text.as_str()).map(Vec::as_slice) {
            country = Some(only.to_string());
        }
    }
    if let Some(cc) = country.as_deref()
        && let Some(&name) = w.bodies.get(&(cc, text.as_str()))
    {
        text = name.to_string();
    }
    let is_generic = is_generic || (country.is_some() && text.split(' ').all(is_generic_word));
    if is_generic && country.is_none() && !is_proper {
        // "the government", "the campaign": whose, the document says
        return Shape::Anonymous;
    }
    Shape::Body(BodyName {
        core: text,
        country,
        is_generic,
        is_proper,
        written,
    })
}
