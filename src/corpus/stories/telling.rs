//! How a story is told to a reader, shared by the story brief and the app: who disputes it
//! (the stories that deny it, the claims outside it whose figures disagree) and its figures
//! side by side, one row per source and figure, with the copies of one row counted rather
//! than repeated. Plain data over the found stories; the story pass itself is elsewhere.

use crate::model::{ClaimId, Corpus, Story};

/// Who disputes a story's claims.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Disputes {
    /// Claims of the stories that say the opposite, in corpus order.
    pub denials: Vec<ClaimId>,
    /// Claims of other stories whose figures disagree with this one's, in corpus order.
    pub other_figures: Vec<ClaimId>,
}

impl Disputes {
    pub fn is_empty(&self) -> bool {
        self.denials.is_empty() && self.other_figures.is_empty()
    }
}

/// One row of the figures side by side: what one speaker's figures are, in one or more
/// copies of the same words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureRow {
    /// The figures as written ("about 10,000 troops"), on one line each, in text order.
    pub figures: Vec<String>,
    /// Who gives them (see [`Corpus::speaker`]).
    pub speaker: String,
    /// The speakers whose figures disagree with these, in corpus order.
    pub against: Vec<String>,
    /// The claims that give them: the first is the row's document and date, the others its
    /// copies. Ascending.
    pub claims: Vec<ClaimId>,
    /// The claims are in another story (their figures disagree with this one's).
    pub is_outside: bool,
}

/// Who disputes `claims` of `story`, counting only the claims `in_set` keeps (an export's
/// claims, or every standing claim).
pub fn disputes(
    corpus: &Corpus,
    story: &Story,
    claims: &[ClaimId],
    in_set: &dyn Fn(ClaimId) -> bool,
) -> Disputes {
    let mut denials: Vec<ClaimId> = story
        .disputed_by
        .iter()
        .filter_map(|&d| corpus.stories().get(d.index()))
        .flat_map(|s| s.claims.iter().copied())
        .filter(|&c| in_set(c))
        .collect();
    denials.sort_unstable();
    denials.dedup();
    let mut conflicting: Vec<ClaimId> = claims
        .iter()
        .flat_map(|&c| corpus.conflicts_of(c).iter().copied())
        .filter(|&c| in_set(c))
        .collect();
    conflicting.sort_unstable();
    conflicting.dedup();
    conflicting.retain(|c| !claims.contains(c) && !denials.contains(c));
    Disputes {
        denials,
        other_figures: conflicting,
    }
}

/// The figures of `claims` and of `outside` (claims elsewhere that disagree with them) side
/// by side, in that order; claims without figures have no row.
pub fn figure_rows(
    corpus: &Corpus,
    claims: &[ClaimId],
    outside: &[ClaimId],
    in_set: &dyn Fn(ClaimId) -> bool,
) -> Vec<FigureRow> {
    let mut rows: Vec<FigureRow> = Vec::new();
    let all = claims
        .iter()
        .map(|&c| (c, false))
        .chain(outside.iter().map(|&c| (c, true)));
    for (c, is_outside) in all {
        let found = corpus.figures_of(c);
        if found.is_empty() {
            continue;
        }
        let claim = corpus.claim(c);
        let text = &corpus.document(claim.doc).text;
        let figures: Vec<String> = found.iter().map(|f| one_line(f.span.slice(text))).collect();
        let mut against: Vec<String> = Vec::new();
        for &o in corpus.conflicts_of(c).iter().filter(|&&o| in_set(o)) {
            let name = one_line(corpus.speaker(corpus.claim(o)));
            if !against.contains(&name) {
                against.push(name);
            }
        }
        let speaker = one_line(corpus.speaker(claim));
        // copies of one figure by one speaker are one row
        match rows
            .iter_mut()
            .find(|r| r.figures == figures && r.speaker == speaker && r.against == against)
        {
            Some(r) => r.claims.push(c),
            None => rows.push(FigureRow {
                figures,
                speaker,
                against,
                claims: vec![c],
                is_outside,
            }),
        }
    }
    rows
}

/// Text on one line: runs of whitespace, line breaks too, become one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
