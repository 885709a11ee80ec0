//! The short constant word lists of the patterns and recognisers ("said", "the", "Gen.").

use std::ops::Deref;
use std::sync::OnceLock;

use super::WordSet;

/// A constant list of words with a 256-bit filter: one bit per word, from its length and its
/// first and last bytes. Most words asked of a list are not in it, and their clear bit says so
/// without a comparison: `slice::contains` compares with every word of the same length, on
/// branches the processor cannot predict, and the lists are asked of most tokens, several
/// times each.
///
/// A word that passes is looked up in a hash set built on first use (a list is a `static` for
/// that reason), or, in a list of a few words, compared with each.
pub struct WordList {
    words: &'static [&'static str],
    /// Bit [`WordList::bit`] of every word set: a word whose bit is clear is not in the list.
    bits: [u64; 4],
    set: OnceLock<WordSet>,
}

/// Lists up to this long are scanned, not hashed.
const SCANNED: usize = 8;

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> WordList {
        let mut bits = [0u64; 4];
        let mut i = 0;
        while i < words.len() {
            let b = WordList::bit(words[i].as_bytes());
            bits[b >> 6] |= 1 << (b & 63);
            i += 1;
        }
        WordList {
            words,
            bits,
            set: OnceLock::new(),
        }
    }

    /// One of 256 bits, from a word's length and its first and last bytes.
    #[inline(always)]
    const fn bit(w: &[u8]) -> usize {
        let (first, last) = match w {
            [] => (0, 0),
            [f, .., l] => (*f, *l),
            [f] => (*f, *f),
        };
        let h = (w.len() as u32)
            .wrapping_mul(0x9e37_79b9)
            .wrapping_add((first as u32) << 8 | last as u32)
            .wrapping_mul(0x85eb_ca6b);
        (h >> 24) as usize
    }

    /// Whether the list holds `w`.
    #[inline(always)]
    pub fn contains(&self, w: &str) -> bool {
        let b = WordList::bit(w.as_bytes());
        self.bits[b >> 6] >> (b & 63) & 1 != 0 && self.holds(w)
    }

    /// [`WordList::contains`] past the bit filter.
    #[inline(never)]
    fn holds(&self, w: &str) -> bool {
        if self.words.len() <= SCANNED {
            let first = w.as_bytes().first();
            return self
                .words
                .iter()
                .any(|x| x.len() == w.len() && x.as_bytes().first() == first && *x == w);
        }
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(w)
    }
}

impl Deref for WordList {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_slice_contains() {
        const WORDS: &[&str] = &["the", "they", "than", "a", "tha", "ŝe", ""];
        static LIST: WordList = WordList::new(WORDS);
        let long = "x".repeat(70);
        for w in [
            "the", "they", "thy", "a", "b", "", "ŝe", "ŝa", "THE", "then", &long,
        ] {
            assert_eq!(LIST.contains(w), WORDS.contains(&w), "{w}");
        }
        static NO_EMPTY: WordList = WordList::new(&["x"]);
        assert!(!NO_EMPTY.contains(""));
    }
}
