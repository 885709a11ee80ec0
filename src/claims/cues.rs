//! The cue lexicon: the words that signal an attribution ("said", "estimate", "reportedly"),
//! read from `assets/claims/cues.tsv`.

use std::collections::HashMap;

static BUNDLED: &str = include_str!("../../assets/claims/cues.tsv");

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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    pub class: CueClass,
    pub is_hedged: bool,
}

/// Cue words by lower-case form.
pub struct CueLexicon {
    cues: HashMap<&'static str, Cue>,
}

#[derive(Debug, thiserror::Error)]
pub enum CueError {
    #[error("cue lexicon line {line}: {what}; fix assets/claims/cues.tsv")]
    Malformed { line: usize, what: &'static str },
}

impl CueLexicon {
    pub fn bundled() -> Result<CueLexicon, CueError> {
        CueLexicon::parse(BUNDLED)
    }

    pub fn parse(tsv: &'static str) -> Result<CueLexicon, CueError> {
        let mut cues = HashMap::new();
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
                },
            );
        }
        Ok(CueLexicon { cues })
    }

    /// The cue for a lower-case word form.
    pub fn get(&self, lower: &str) -> Option<Cue> {
        self.cues.get(lower).copied()
    }

    pub fn len(&self) -> usize {
        self.cues.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cues.is_empty()
    }
}
