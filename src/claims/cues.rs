//! The cue lexicon: the words that signal an attribution ("said", "estimate", "reportedly").
//! Two files: `assets/claims/cues.tsv`, made by hand, says how each cue relates to its source
//! and content; `assets/claims/cues_learned.tsv`, learned from the PolNeAR train split, adds
//! every form whose uses are cues often enough (see [`LEARNED_PRECISION`]).

use crate::text::WordMap;

static BUNDLED: &str = include_str!("../../assets/claims/cues.tsv");
static LEARNED: &str = include_str!("../../assets/claims/cues_learned.tsv");

/// A learned form is a cue when at least this share of its uses in the train split are.
/// Chosen on the dev split: lower adds more false cues than it finds claims.
pub const LEARNED_PRECISION: f32 = 0.45;

/// How a cue relates to its source and content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// "X said Y", "Y, X said".
    Speech,
    /// "X believes Y", "experts estimate Y".
    Belief,
    /// ", stating that Y": the source is the subject of the clause before.
    Participle,
    /// "X told reporters that Y": an addressee sits between cue and content.
    Tell,
    /// "reportedly": a claim with no stated source.
    HedgeAdverb,
    /// "X is expected to Y", "X seemed to Y": the whole clause is the content, no source.
    Impersonal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    pub class: CueClass,
    pub is_hedged: bool,
    /// From the hand-made list (its patterns were written for it), not only learned.
    pub is_curated: bool,
}

/// What the lexicon knows of one word form ([`CueLexicon::facts`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WordFacts {
    pub cue: Option<Cue>,
    pub precision: Option<f32>,
    pub stem_precision: Option<f32>,
}

/// Cue words by lower-case form.
pub struct CueLexicon {
    cues: WordMap<Cue>,
    /// How often each learned form is a cue in the train split (all forms, any precision).
    precisions: WordMap<f32>,
    /// The same by stem, over the learned forms that share it: (uses as a cue, uses).
    stems: WordMap<(u32, u32)>,
    /// Forms the hand-made list rules out, so learning cannot add them back.
    excluded: Vec<&'static str>,
    /// The first three bytes of every key of the three maps, as a bit set
    /// ([`Prefixes::index`]): most words of a text are in none of them, and one bit tells so
    /// faster than three hash probes.
    prefixes: Prefixes,
}

/// A set of three-byte word beginnings, folded to five bits a byte: it may hold a beginning it
/// was not given, never miss one it was.
struct Prefixes(Box<[u64; 512]>);

impl Prefixes {
    fn new() -> Prefixes {
        Prefixes(Box::new([0; 512]))
    }

    fn index(w: &str) -> usize {
        let b = w.as_bytes();
        let at = |k: usize| b.get(k).map_or(0, |&c| (c & 0x1f) as usize);
        (at(0) << 10) | (at(1) << 5) | at(2)
    }

    fn insert(&mut self, w: &str) {
        let i = Prefixes::index(w);
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn may_hold(&self, w: &str) -> bool {
        let i = Prefixes::index(w);
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CueError {
    #[error("cue lexicon line {line}: {what}; fix assets/claims/cues.tsv")]
    Malformed { line: usize, what: &'static str },
}

impl CueLexicon {
    pub fn bundled() -> Result<CueLexicon, CueError> {
        let mut lexicon = CueLexicon::parse(BUNDLED)?;
        lexicon.add_learned(LEARNED, LEARNED_PRECISION)?;
        Ok(lexicon)
    }

    /// Adds learned forms (`form, count, occurrences, precision`) at or above `min_precision`;
    /// hand-made entries win. The class follows the form: "-ing" forms are participles.
    pub fn add_learned(&mut self, tsv: &'static str, min_precision: f32) -> Result<(), CueError> {
        for (n, line) in tsv.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let precision: f32 =
                f.get(3)
                    .and_then(|p| p.parse().ok())
                    .ok_or(CueError::Malformed {
                        line: n + 1,
                        what: "expected form, count, occurrences, precision",
                    })?;
            self.precisions.insert(f[0], precision);
            self.prefixes.insert(f[0]);
            self.prefixes.insert(stem(f[0]));
            let count = |i: usize| f.get(i).and_then(|x| x.parse::<u32>().ok()).unwrap_or(0);
            let stem = self.stems.entry(stem(f[0])).or_default();
            stem.0 += count(1);
            stem.1 += count(2);
            if precision < min_precision
                || self.cues.contains_key(f[0])
                || self.excluded.contains(&f[0])
            {
                continue;
            }
            let class = if f[0].ends_with("ing") {
                CueClass::Participle
            } else {
                CueClass::Speech
            };
            self.cues.insert(
                f[0],
                Cue {
                    class,
                    is_hedged: false,
                    is_curated: false,
                },
            );
        }
        Ok(())
    }

    pub fn parse(tsv: &'static str) -> Result<CueLexicon, CueError> {
        let mut cues = WordMap::default();
        let mut prefixes = Prefixes::new();
        let mut excluded = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut f = line.split('\t');
            let (Some(form), Some(class), Some(hedged)) = (f.next(), f.next(), f.next()) else {
                return Err(CueError::Malformed {
                    line: n + 1,
                    what: "expected three tab-separated fields",
                });
            };
            let class = match class {
                "speech" => CueClass::Speech,
                "belief" => CueClass::Belief,
                "participle" => CueClass::Participle,
                "tell" => CueClass::Tell,
                "hedge-adverb" => CueClass::HedgeAdverb,
                "impersonal" => CueClass::Impersonal,
                "none" => {
                    excluded.push(form);
                    continue;
                }
                _ => {
                    return Err(CueError::Malformed {
                        line: n + 1,
                        what: "unknown class",
                    });
                }
            };
            cues.insert(
                form,
                Cue {
                    class,
                    is_hedged: hedged == "1",
                    is_curated: true,
                },
            );
            prefixes.insert(form);
        }
        Ok(CueLexicon {
            cues,
            precisions: WordMap::default(),
            stems: WordMap::default(),
            excluded,
            prefixes,
        })
    }

    /// The cue for a lower-case word form.
    pub fn get(&self, lower: &str) -> Option<Cue> {
        if !self.may_know(lower) {
            return None;
        }
        self.cues.get(lower).copied()
    }

    /// What the lexicon knows of a lower-case form: its cue, its precision and its stem's, in
    /// one go (the tagger asks all three of every token).
    #[inline]
    pub fn facts(&self, lower: &str) -> WordFacts {
        if !self.may_know(lower) {
            return WordFacts::default();
        }
        WordFacts {
            cue: self.cues.get(lower).copied(),
            precision: self.precisions.get(lower).copied(),
            stem_precision: self.stem_share(lower),
        }
    }

    /// Whether the hand-made list rules the form out as a cue ("expected").
    pub fn is_excluded(&self, lower: &str) -> bool {
        self.excluded.contains(&lower)
    }

    /// The share of the form's uses that are cues in the train split, when learned.
    pub fn precision(&self, lower: &str) -> Option<f32> {
        if !self.may_know(lower) {
            return None;
        }
        self.precisions.get(lower).copied()
    }

    /// The share of cue uses among the learned forms with the same stem: "urges" was never
    /// seen often enough to be learned, "urged" was.
    pub fn stem_precision(&self, lower: &str) -> Option<f32> {
        // a stem is a prefix of its form: they begin alike
        if !self.may_know(lower) {
            return None;
        }
        self.stem_share(lower)
    }

    fn stem_share(&self, lower: &str) -> Option<f32> {
        let &(cue, uses) = self.stems.get(stem(lower))?;
        (uses > 0).then(|| cue as f32 / uses as f32)
    }

    /// Whether `lower` (or its stem) may be a key: punctuation ("" as a word) and most words
    /// are not, and are not worth a hash probe each.
    fn may_know(&self, lower: &str) -> bool {
        !lower.is_empty() && self.prefixes.may_hold(lower)
    }

    pub fn len(&self) -> usize {
        self.cues.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cues.is_empty()
    }
}

/// A crude stem of an English verb form, as a prefix of it: "urges", "urged", "urging" and
/// "urge" → "urg"; "shipped" → "ship". Good enough to share what is known of one inflection
/// with the others; irregular forms ("said") stay whole.
pub fn stem(w: &str) -> &str {
    if w.len() < 4 || !w.is_ascii() {
        return w;
    }
    let b = w.as_bytes();
    // the first of "ing", "ied", "ies", "ed", "es", "s", "e", "y" that ends the word and
    // leaves three letters, by its last letter (this runs for many words of every text)
    let ends = |suf: &[u8]| b.ends_with(suf) && b.len() - suf.len() >= 3;
    let cut = match b[b.len() - 1] {
        b'g' if ends(b"ing") => 3,
        b'd' if ends(b"ied") => 3,
        b'd' if ends(b"ed") => 2,
        b's' if ends(b"ies") => 3,
        b's' if ends(b"es") => 2,
        b's' => 1,
        b'e' => 1,
        b'y' => 1,
        _ => 0,
    };
    let mut n = b.len() - cut;
    // "shipped" → "ship", but not "call" → "cal" (only after a cut)
    if cut > 0 && n >= 4 && b[n - 1] == b[n - 2] && !b"aeiouls".contains(&b[n - 1]) {
        n -= 1;
    }
    &w[..n]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem() {
        for group in [
            &["urges", "urged", "urging", "urge"][..],
            &["criticizes", "criticized", "criticize"],
            &["laments", "lamented", "lamenting"],
            &["ships", "shipped", "shipping"],
            &["calls", "called", "calling"],
        ] {
            let stems: Vec<&str> = group.iter().map(|w| stem(w)).collect();
            assert!(
                stems.iter().all(|s| *s == stems[0]),
                "{group:?} → {stems:?}"
            );
        }
        // irregular and short forms stay whole
        assert_eq!(stem("said"), "said");
        assert_eq!(stem("is"), "is");
    }

    #[test]
    fn the_prefix_set_lets_every_known_word_through() {
        let lexicon = CueLexicon::bundled().unwrap();
        let keys = lexicon.cues.keys().chain(lexicon.precisions.keys());
        for w in keys.chain(lexicon.stems.keys()) {
            assert!(lexicon.may_know(w), "{w}");
            let facts = WordFacts {
                cue: lexicon.get(w),
                precision: lexicon.precision(w),
                stem_precision: lexicon.stem_precision(w),
            };
            assert_eq!(lexicon.facts(w), facts, "{w}");
        }
        assert!(lexicon.get("said").is_some());
        // most words are turned away without a probe
        let words = ["the", "of", "and", "in", "table", "Moscow", "1990", ""];
        assert!(words.iter().filter(|w| lexicon.may_know(w)).count() <= 3);
    }

    #[test]
    fn an_unseen_inflection_borrows_what_its_stem_is_known_for() {
        let lexicon = CueLexicon::bundled().unwrap();
        assert_eq!(lexicon.precision("urges"), None);
        let p = lexicon.stem_precision("urges").unwrap();
        assert!(p > 0.5, "urged is mostly a cue in PolNeAR train: {p}");
        assert_eq!(lexicon.stem_precision("table"), None);
    }
}
