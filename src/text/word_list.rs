//! Membership in the short constant word lists of the patterns and recognisers ("said",
//! "the", "Gen.").

/// Whether `list` holds `w`. The same as `list.contains(&w)`, but a word is compared in full
/// only when its length and first byte match: `contains` calls `memcmp` for every entry of
/// the same length, and these lists are asked of most tokens, several times each.
#[inline]
pub fn is_one_of(list: &[&str], w: &str) -> bool {
    let Some(&first) = w.as_bytes().first() else {
        return list.contains(&"");
    };
    list.iter()
        .any(|x| x.len() == w.len() && x.as_bytes()[0] == first && *x == w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_contains() {
        let list = ["the", "they", "than", "a", "tha", "ŝe"];
        for w in [
            "the", "they", "thy", "a", "b", "", "ŝe", "ŝa", "THE", "then",
        ] {
            assert_eq!(is_one_of(&list, w), list.contains(&w), "{w}");
        }
        assert!(is_one_of(&["", "x"], ""));
    }
}
