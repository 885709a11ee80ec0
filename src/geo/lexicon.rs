//! Word lists that tell a place from a word or a person: common English words (learned from
//! the PolNeAR train split by `assets/build/build_lexicons.py`) and English first names
//! (npm human-names). Both are compiled in.

use std::collections::HashSet;

static COMMON_WORDS: &str = include_str!("../../assets/lexicon/common_words.txt");
static FIRST_NAMES: &str = include_str!("../../assets/lexicon/first_names.txt");

/// Common words and first names.
pub struct WordLexicon {
    common: HashSet<&'static str>,
    first_names: HashSet<&'static str>,
}

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl WordLexicon {
    pub fn bundled() -> WordLexicon {
        WordLexicon {
            common: lines(COMMON_WORDS).collect(),
            first_names: lines(FIRST_NAMES).collect(),
        }
    }

    /// `word` is lower case.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.common.contains(word)
    }

    /// `word` as written ("Jordan").
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }
}
