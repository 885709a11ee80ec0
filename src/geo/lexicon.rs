//! Word lists that tell a place from a word or a person, all compiled in:
//!
//! - common English words, mostly written in lower case mid-sentence ("mission", "reading"),
//!   learned from the PolNeAR train split by `assets/build/build_lexicons.py`;
//! - words that news writers also write in lower case at all ("union", "valley", "post") and
//!   surnames (capitalised words that mostly follow a first name: "Nelson", "Allen"), learned
//!   from the same split by `assets/build/build_name_lexicons.py`;
//! - English first names (npm human-names).

use crate::text::WordSet;

static COMMON_WORDS: &str = include_str!("../../assets/lexicon/common_words.txt");
static LOWERCASE_WORDS: &str = include_str!("../../assets/lexicon/lowercase_words.txt");
static FIRST_NAMES: &str = include_str!("../../assets/lexicon/first_names.txt");
static SURNAMES: &str = include_str!("../../assets/lexicon/surnames.txt");

/// Common words, lower-case words, first names and surnames.
pub struct WordLexicon {
    common: WordSet,
    lowercase: WordSet,
    first_names: WordSet,
    surnames: WordSet,
}

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl WordLexicon {
    /// The lists compiled into claimmap.
    ///
    /// ```
    /// use claimmap::geo::WordLexicon;
    /// let lexicon = WordLexicon::bundled();
    /// assert!(lexicon.is_first_name("Jordan"));
    /// assert!(lexicon.is_lowercase_word("valley"));
    /// assert!(!lexicon.is_lowercase_word("kursk"));
    /// ```
    pub fn bundled() -> WordLexicon {
        WordLexicon {
            common: lines(COMMON_WORDS).collect(),
            lowercase: lines(LOWERCASE_WORDS).collect(),
            first_names: lines(FIRST_NAMES).collect(),
            surnames: lines(SURNAMES).collect(),
        }
    }

    /// `word` is lower case: a word mostly written in lower case mid-sentence.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.common.contains(word)
    }

    /// `word` is lower case: a word that news text also writes in lower case, so its capitalised
    /// form alone says little ("Union", "Post", "Valley").
    pub fn is_lowercase_word(&self, word: &str) -> bool {
        self.lowercase.contains(word)
    }

    /// `word` as written ("Jordan").
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// `word` as written ("Nelson"): mostly seen right after a first name.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }
}
