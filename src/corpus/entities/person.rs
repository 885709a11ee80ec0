//! A person's name under its titles: "Russian Security Council Secretary Sergei Shoigu" is
//! Sergei Shoigu, "Mr. Trump's" is a bare Trump, "Senator Ted Cruz of Texas" is Ted Cruz; a
//! name after "of", "like" or "and" is not the phrase's head.

use super::names::{PersonName, SurnameFirst, Word, display, is_country_word, is_demonym};
use super::words::{
    FUNCTION_WORDS, FUNCTIONS, INSTITUTIONS, PARTICLES, PARTIES, PRONOUNS, SUFFIXES, SURNAME_FIRST,
    TITLES, Words,
};

/// A person's name in `ws`, if the phrase is one (or ends in one after its titles).
pub(super) fn person(w: &Words, ws: &[Word], is_person_name: bool) -> Option<PersonName> {
    if ws.iter().any(|x| {
        matches!(
            x.norm.as_str(),
            "and" | "&" | "or" | "nor" | "with" | "versus" | "vs"
        )
    }) {
        // two people, or a body ("Department of Health and Human Services")
        return None;
    }
    // "Senator Ted Cruz of Texas", "Paul Krugman of the New York Times", before "Secretary
    // of State John Kerry"
    ws.iter()
        .rposition(|x| x.norm == "of")
        .and_then(|of| person_ending(w, &ws[..of], is_person_name))
        .or_else(|| person_ending(w, ws, is_person_name))
}

/// Words no person's name is made of.
pub(super) fn is_not_a_name(x: &Word) -> bool {
    let n = x.norm.as_str();
    TITLES.contains(n)
        || INSTITUTIONS.contains(n)
        || PARTIES.contains(n)
        || PRONOUNS.contains(n)
        || FUNCTIONS.contains(n)
        || n.starts_with("anti ")
        || n.starts_with("pro ")
        || x.is_acronym()
}

/// A surname: never a country's name ("Israel" said is the country), unlike a given name
/// ("Jordan", "Chad").
fn is_surname_like(w: &Words, x: &Word) -> bool {
    x.is_capitalised()
        && x.bare.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !x.bare.contains('.')
        && !is_not_a_name(x)
        && !is_country_word(w, x)
}

fn is_given_like(w: &Words, x: &Word) -> bool {
    if x.is_possessive {
        return false;
    }
    if x.is_initial() {
        return true;
    }
    let is_first_name = w.lexicon.is_first_name(x.bare);
    x.is_capitalised()
        && !is_not_a_name(x)
        && (is_first_name || !(w.lexicon.is_common_word(&x.norm) || is_country_word(w, x)))
}

/// The person's name that ends `ws`, if the words before it let it be one.
/// `is_person_name`: the source is a person by its kind or its words, so a name may hold
/// common words ("Kathleen Hall Jamieson", "Ban Ki-moon").
fn person_ending(w: &Words, ws: &[Word], is_person_name: bool) -> Option<PersonName> {
    let mut end = ws.len();
    let mut suffix = None;
    if end >= 2 && SUFFIXES.contains(&ws[end - 1].norm) {
        suffix = Some(ws[end - 1].norm.clone());
        end -= 1;
    }
    let last = ws.get(end.checked_sub(1)?)?;
    // "Mark Cuban", "Steve Israel": a country's name after a first name is a surname
    let after_first_name = end >= 2 && w.lexicon.is_first_name(ws[end - 2].bare);
    if !(is_surname_like(w, last)
        || (after_first_name && last.is_capitalised() && !is_not_a_name(last)))
    {
        return None;
    }
    let mut start = end - 1;
    let mut seen_first_name = false;
    while start > 0 && end - start < 5 {
        let prev = &ws[start - 1];
        let common_in_a_name = is_person_name
            && !seen_first_name
            && !prev.is_possessive
            && prev.is_capitalised()
            && !is_not_a_name(prev)
            && !is_country_word(w, prev);
        if is_given_like(w, prev)
            || common_in_a_name
            || (PARTICLES.contains(&prev.norm) && !prev.is_possessive)
        {
            seen_first_name |= w.lexicon.is_first_name(prev.bare);
            start -= 1;
        } else {
            break;
        }
    }
    let run = &ws[start..end];
    let prefix = &ws[..start];
    let mut surname_at = run.len() - 1;
    while surname_at > 0 && PARTICLES.contains(&run[surname_at - 1].norm) {
        surname_at -= 1;
    }
    let given = &run[..surname_at];
    let is_full = !given.is_empty();
    let before = prefix.last();
    let titled = before.is_some_and(|b| TITLES.contains(&b.norm));
    let described =
        before.is_some_and(|b| !b.is_possessive && (PARTIES.contains(&b.norm) || is_demonym(w, b)));
    let after_function = before.is_some_and(|b| FUNCTION_WORDS.contains(&b.norm));
    let first_named = given
        .first()
        .is_some_and(|g| w.lexicon.is_first_name(g.bare));
    let is_person = if is_person_name {
        prefix.is_empty() || titled || described || (is_full && !after_function)
    } else {
        titled || (is_full && first_named && !after_function)
    };
    // "Clinton Cash Debunks Hillary": a headline, not Hillary of the Debunks family
    let given_a_word = given.first().is_some_and(|g| {
        !g.is_initial() && !w.lexicon.is_first_name(g.bare) && w.lexicon.is_common_word(&g.norm)
    });
    if !is_person || (given_a_word && w.lexicon.is_first_name(last.bare)) {
        return None;
    }
    let surname = last
        .norm
        .rsplit(' ')
        .next()
        .unwrap_or(&last.norm)
        .to_string();
    let given_norm = given.first().map(|g| g.norm.replace(' ', ""));
    let surname_first = given
        .first()
        .filter(|g| SURNAME_FIRST.contains(&g.norm))
        .map(|g| SurnameFirst {
            surname: g.norm.clone(),
            whole: run
                .iter()
                .map(|x| x.norm.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            // "Kim Wells" is more likely a Kim than a Wells; "Kim Jong Un", "Xi Jinping" not
            is_likely: run.len() >= 3 || !w.lexicon.is_first_name(g.bare),
        });
    let mut written: Vec<&str> = run.iter().map(|x| display(x.bare)).collect();
    if suffix.is_some() {
        written.push(ws[end].bare);
    }
    Some(PersonName {
        given: given_norm,
        surname,
        suffix,
        surname_first,
        written: written.join(" "),
    })
}
