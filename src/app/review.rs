//! Review in the app, without egui: what a click on "Reject" or "Use this place" becomes (a
//! [`ReviewOp`] anchored to the text, as the workspace stores it), the claim being written
//! or edited ([`ClaimDraft`]), and how the selection finds its item again in the corpus a
//! review gives back (ids are positions of one replay; spans last).

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::model::{ClaimId, Corpus, DocId, PlaceKind, Span};
use crate::workspace::{CharSpan, Op, ReviewOp, content_hash};

use super::state::Item;

/// A claim being added or edited: spans of one document, picked by selecting text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimDraft {
    pub doc: DocId,
    /// The claim being edited; `None` for a new one.
    pub editing: Option<ClaimId>,
    pub content: Option<Span>,
    /// `None`: no source (the text names no one).
    pub source: Option<Span>,
    pub cue: Option<Span>,
    /// What is missing or wrong, after a try to save.
    pub note: Option<String>,
}

/// A field of the draft that the text selection can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftField {
    Content,
    Source,
    Cue,
}

impl DraftField {
    pub fn label(self) -> &'static str {
        match self {
            DraftField::Content => "content",
            DraftField::Source => "source",
            DraftField::Cue => "cue",
        }
    }
}

/// What the review knows of the workspace behind the corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewInfo {
    /// The workspace file; `None` for an unsaved session.
    pub workspace: Option<PathBuf>,
    /// The file could not be written: changes stay in this window.
    pub is_read_only: bool,
    /// Operations in effect, and in the log (the rest can be redone).
    pub head: usize,
    pub log_len: usize,
}

impl ReviewInfo {
    pub fn can_undo(&self) -> bool {
        self.head > 0
    }
    pub fn can_redo(&self) -> bool {
        self.head < self.log_len
    }
    /// Changes are not kept in a file.
    pub fn is_unsaved(&self) -> bool {
        self.workspace.is_none() || self.is_read_only
    }
}

/// A span of a document in code points, as review operations write it.
pub fn char_span(text: &str, span: Span) -> CharSpan {
    let cp = |b: u32| {
        let b = (b as usize).min(text.len());
        let mut b = b;
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        text[..b].chars().count() as u32
    };
    CharSpan::new(cp(span.start), cp(span.end))
}

/// An operation on a document, stamped with the document's content hash, the time and the
/// user's name, as the log keeps it.
pub fn review_op(corpus: &Corpus, doc: DocId, op: Op) -> ReviewOp {
    let d = corpus.document(doc);
    let mut r = ReviewOp::new(d.key.clone(), op);
    r.hash = Some(content_hash(&d.text));
    r.time = Some(utc_now());
    r.author = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|a| !a.is_empty());
    r
}

/// Now, as RFC 3339 UTC to the second.
fn utc_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // civil from days (Howard Hinnant's algorithm)
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Where an item is, in terms that survive a replay.
#[derive(Clone, Debug, PartialEq)]
pub enum Anchor {
    Claim {
        doc: String,
        span: Span,
    },
    Mention {
        doc: String,
        span: Span,
    },
    Source {
        doc: String,
        span: Span,
    },
    Place {
        geonameid: Option<u32>,
        name: String,
        kind: PlaceKind,
    },
    Document(String),
}

/// The anchor of an item of `corpus`.
pub fn anchor_of(corpus: &Corpus, item: Item) -> Option<Anchor> {
    let key = |d: DocId| corpus.documents().get(d.index()).map(|d| d.key.clone());
    Some(match item {
        Item::Claim(c) => {
            let c = corpus.claims().get(c.index())?;
            Anchor::Claim {
                doc: key(c.doc)?,
                span: c.content,
            }
        }
        Item::Mention(m) => {
            let m = corpus.mentions().get(m.index())?;
            Anchor::Mention {
                doc: key(m.doc)?,
                span: m.span,
            }
        }
        Item::Source(s) => {
            let s = corpus.sources().get(s.index())?;
            Anchor::Source {
                doc: key(s.doc)?,
                span: *s.mentions.first()?,
            }
        }
        Item::Place(p) => {
            let p = corpus.places().get(p.index())?;
            Anchor::Place {
                geonameid: p.geonameid,
                name: p.name.clone(),
                kind: p.kind,
            }
        }
        Item::Document(d) => Anchor::Document(key(d)?),
    })
}

/// The item an anchor points at in `corpus`: the same span, else the one that overlaps it
/// most; a rejected claim or mention is not found (it is no longer shown).
pub fn find(corpus: &Corpus, anchor: &Anchor) -> Option<Item> {
    let doc = |key: &str| {
        corpus
            .documents()
            .iter()
            .find(|d| d.key == key)
            .map(|d| d.id)
    };
    let best = |items: &mut dyn Iterator<Item = (Item, Span)>, span: Span| {
        let mut best: Option<(Item, u32)> = None;
        for (item, s) in items {
            if s == span {
                return Some(item);
            }
            let overlap = s.end.min(span.end).saturating_sub(s.start.max(span.start));
            if overlap > 0 && best.is_none_or(|b| overlap > b.1) {
                best = Some((item, overlap));
            }
        }
        best.map(|b| b.0)
    };
    match anchor {
        Anchor::Claim { doc: key, span } => {
            let d = doc(key)?;
            let mut items = corpus
                .claims_in(d)
                .iter()
                .map(|&c| (Item::Claim(c), corpus.claim(c).content));
            best(&mut items, *span)
        }
        Anchor::Mention { doc: key, span } => {
            let d = doc(key)?;
            let mut items = corpus
                .mentions_in(d)
                .iter()
                .map(|&m| (Item::Mention(m), corpus.mention(m).span));
            best(&mut items, *span)
        }
        Anchor::Source { doc: key, span } => {
            let d = doc(key)?;
            let mut items = corpus
                .sources()
                .iter()
                .filter(|s| s.doc == d && !corpus.claims_by(s.id).is_empty())
                .flat_map(|s| s.mentions.iter().map(move |&m| (Item::Source(s.id), m)));
            best(&mut items, *span)
        }
        Anchor::Place {
            geonameid,
            name,
            kind,
        } => corpus
            .places()
            .iter()
            .find(|p| {
                !p.mentions.is_empty()
                    && match geonameid {
                        Some(g) => p.geonameid == Some(*g),
                        None => p.name == *name && p.kind == *kind,
                    }
            })
            .map(|p| Item::Place(p.id)),
        Anchor::Document(key) => doc(key).map(Item::Document),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_become_code_points() {
        let text = "Moscow’s council met in Kursk.";
        let kursk = text.find("Kursk").unwrap_or(0);
        let s = char_span(text, Span::new(kursk, kursk + 5));
        assert_eq!(s, CharSpan::new(24, 29));
        assert_eq!(text.chars().skip(24).take(5).collect::<String>(), "Kursk");
    }

    #[test]
    fn the_time_is_rfc_3339_utc() {
        let t = utc_now();
        assert_eq!(t.len(), 20, "{t}");
        assert!(
            t.starts_with("20") && t.ends_with('Z') && &t[10..11] == "T",
            "{t}"
        );
    }
}
