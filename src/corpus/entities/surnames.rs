//! Whose a bare surname is ("Trump", "Mr. Clinton"): the one full name with that surname in
//! the corpus that fits its title's gender, else one that dominates the corpus, else no one
//! (it stays in its document).

use super::Map;

use super::words::{FEMALE, FUNCTION_WORDS, MALE};

/// The titles and roles of a man ("Mr.", "spokesman") against those of a woman ("Mrs.",
/// "first lady") in a person's mentions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct GenderVotes {
    male: u32,
    female: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
    Unknown,
}

impl GenderVotes {
    /// The words before the name and its apposition ("Mr. Biden, recalling breakfasts with
    /// Mrs. Clinton" is a man's).
    pub(super) fn add_mention(&mut self, mention: &str) {
        let head = mention.split(',').next().unwrap_or("");
        let mut buf = [0u8; 16];
        for word in head.split_whitespace() {
            // titles are short ASCII words: no allocation for the many words that are not
            let Some(word) = lower_ascii(word, &mut buf) else {
                continue;
            };
            if FUNCTION_WORDS.contains(word) {
                break;
            }
            if MALE.contains(word) {
                self.male += 1;
            } else if FEMALE.contains(word) {
                self.female += 1;
            }
        }
    }

    pub(super) fn add(&mut self, other: GenderVotes) {
        self.male += other.male;
        self.female += other.female;
    }

    /// A clear majority (two to one), so that a stray title does not decide.
    pub(super) fn gender(self) -> Gender {
        if self.male > 0 && self.male >= 2 * self.female {
            Gender::Male
        } else if self.female > 0 && self.female >= 2 * self.male {
            Gender::Female
        } else {
            Gender::Unknown
        }
    }
}

/// `word` in lower case without dots ("Mr." → "mr"), if it is short ASCII.
fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let mut n = 0;
    for &b in word.as_bytes() {
        if b == b'.' {
            continue;
        }
        if !b.is_ascii() || n == buf.len() {
            return None;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

fn fits(a: Gender, b: Gender) -> bool {
    a == Gender::Unknown || b == Gender::Unknown || a == b
}

/// What the corpus says of one full name.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct FullName {
    pub votes: GenderVotes,
    pub documents: usize,
    /// The last document counted (a full name's sources come in corpus order).
    pub last_doc: Option<usize>,
}

/// A bare surname joins a full name it may be when that name has at least this many times
/// the documents of the others together: in a corpus where "Donald Trump" speaks in a
/// hundred articles and "Eric Trump" in two, "Mr. Trump" is Donald. Where the names are
/// closer ("Hillary Clinton" and "Bill Clinton", "Kim Jong Un" and "Soo Kim"), the bare name
/// stays in its document.
const DOMINANCE: usize = 10;

/// A full name a bare surname may be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Candidate {
    pub full: String,
    /// False where the surname is a guess that only keeps the bare name apart ("Kim" of
    /// "Kim Wells").
    pub may_join: bool,
}

impl Candidate {
    pub(super) fn likely(full: &str) -> Candidate {
        Candidate {
            full: full.to_string(),
            may_join: true,
        }
    }
}

/// The full name a bare surname of `gender` is, among the full names with that surname:
/// the one that fits its gender (a known gender first), else the one that dominates.
pub(super) fn whose<'a>(
    candidates: &'a [Candidate],
    gender: Gender,
    fulls: &Map<String, FullName>,
) -> Option<&'a str> {
    let gender_of = |c: &Candidate| {
        fulls
            .get(&c.full)
            .map_or(Gender::Unknown, |f| f.votes.gender())
    };
    let documents = |c: &Candidate| fulls.get(&c.full).map_or(0, |f| f.documents);
    let fitting: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| fits(gender, gender_of(c)))
        .collect();
    let same: Vec<&Candidate> = fitting
        .iter()
        .copied()
        .filter(|c| gender != Gender::Unknown && gender_of(c) == gender)
        .collect();
    let pool = if same.is_empty() { fitting } else { same };
    let chosen = match pool.as_slice() {
        [] => None,
        [only] => Some(*only),
        _ => {
            let top = pool.iter().copied().max_by_key(|c| documents(c))?;
            let others: usize = pool
                .iter()
                .filter(|c| **c != top)
                .map(|c| documents(c))
                .sum();
            (documents(top) >= DOMINANCE * others).then_some(top)
        }
    };
    chosen.filter(|c| c.may_join).map(|c| c.full.as_str())
}
