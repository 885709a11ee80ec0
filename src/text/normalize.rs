//! The one normalisation of a place name, shared with the asset generator
//! (`assets/build/build_assets.py`, `normalize`): both sides must agree byte for byte, or
//! names stop matching.

/// Lower case; every apostrophe becomes `'`; dots vanish (so "U.S." = "US", "St. Louis" =
/// "St Louis"); hyphens, dashes and runs of white space become one space.
///
/// ```
/// use claimmap::text::normalize;
/// assert_eq!(normalize("Nagorno-Karabakh"), "nagorno karabakh");
/// assert_eq!(normalize("U.S."), "us");
/// assert_eq!(normalize("Côte d’Ivoire"), "côte d'ivoire");
/// ```
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    normalize_into(name, &mut out);
    out
}

/// [`normalize`] into a reused buffer (cleared first): the recogniser calls this per n-gram.
pub fn normalize_into(name: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    for ch in name.chars() {
        let ch = match ch {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' | '\u{00b4}' | '\u{2032}' => '\'',
            '.' => continue,
            c => c,
        };
        if ch.is_whitespace() || matches!(ch, '-' | '\u{2010}'..='\u{2014}' | '\u{2212}') {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else {
            out.extend(ch.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn apostrophes_of_every_kind_become_one() {
        for s in ["Korea’s", "Korea‘s", "Korea's", "Koreaʼs", "Korea`s"] {
            assert_eq!(normalize(s), "korea's", "{s}");
        }
    }

    #[test]
    fn spaces_and_dashes_collapse() {
        assert_eq!(normalize("  New \t York "), "new york");
        assert_eq!(normalize("Bab-el–Mandeb"), "bab el mandeb");
    }
}
