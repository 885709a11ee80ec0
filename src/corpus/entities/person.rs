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
    // "Barack Obama and Hillary Clinton", "Sanders and Clinton": two people; but "Former
    // Secretary of State and Democratic frontrunner Hillary Clinton" is one
    let is_list = ws.windows(2).any(|p| {
        let coordinates = matches!(p[1].norm.as_str(), "and" | "&" | "or" | "nor");
        coordinates && is_surname_like(w, &p[0])
    });
    if is_list
        || ws
            .iter()
            .any(|x| matches!(x.norm.as_str(), "with" | "versus" | "vs"))
    {
        return None;
    }
    // "Senator Ted Cruz of Texas", "Paul Krugman of the New York Times", before "Secretary
    // of State John Kerry"
    ws.iter()
        .rposition(|x| x.norm == "of")
        .and_then(|of| {
            let p = person_ending(w, &ws[..of], is_person_name)?;
            // but "Supporters of Sanders" are not a Mr. Supporters
            let is_titled = of >= 2 && TITLES.contains(&ws[of - 2].norm);
            (p.given.is_some() || is_titled).then_some(p)
        })
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
    // a name has at most two given names besides its initials and particles ("Hillary
    // Rodham Clinton", "George H. W. Bush"): more is a headline ("Clinton Cash Debunks
    // Hillary")
    let mut given_words = 0;
    while start > 0 {
        let prev = &ws[start - 1];
        let is_inner = prev.is_initial() || PARTICLES.contains(&prev.norm);
        if !is_inner && given_words == 2 {
            break;
        }
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
            given_words += usize::from(!is_inner);
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
    // "close friend of Gov. Mike Pence", "a reaction from President Obama": the name is
    // inside a phrase about someone else; "Secretary of State John Kerry" is his title
    let inside_a_phrase = prefix.windows(2).any(|p| {
        let joins = matches!(p[1].norm.as_str(), "and" | "or" | "&");
        FUNCTION_WORDS.contains(&p[1].norm) && !joins && !TITLES.contains(&p[0].norm)
    });
    if inside_a_phrase {
        return None;
    }
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
    let given_a_word = given
        .first()
        .is_some_and(|g| !g.is_initial() && w.lexicon.is_common_word(&g.norm));
    // "Hillary", "Bob": a first name, not a surname
    let is_first_name_alone =
        w.lexicon.is_first_name(last.bare) && !w.lexicon.is_surname(last.bare);
    if !is_person || (given_a_word && is_first_name_alone) {
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
        is_given_name_alone: given_norm.is_none() && is_first_name_alone,
        given: given_norm,
        surname,
        suffix,
        surname_first,
        written: written.join(" "),
    })
}
