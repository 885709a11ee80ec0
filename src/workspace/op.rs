//! The review operations: what a person decided about the machine's reading, as plain data.
//!
//! One JSON object per line (the review log), the same type in the app (an action produces
//! it), the CLI (`workspace apply`, `workspace log`) and the workspace file. An operation
//! names its document by key (and, optionally, by the hash of its text) and its items by
//! `[start, end)` Unicode code-point spans, never by row ids: ids are positions of one run and
//! change on the next, spans survive re-extraction.
//!
//! ```text
//! {"op": "confirm_claim", "doc": KEY, "content": [S, E]}
//! {"op": "reject_claim",  "doc": KEY, "content": [S, E]}
//! {"op": "edit_claim",    "doc": KEY, "content": [S, E], "new": {"source": [S, E] or null, "cue": [S, E], "content": [S, E]}}
//! {"op": "add_claim",     "doc": KEY, "source": [S, E] or null, "cue": [S, E], "content": [S, E]}
//! {"op": "set_place",     "doc": KEY, "span": [S, E], "geonameid": N}
//! {"op": "not_a_place",   "doc": KEY, "span": [S, E]}
//! {"op": "add_place",     "doc": KEY, "span": [S, E], "geonameid": N}
//! {"op": "rename_source", "doc": KEY, "source": [S, E], "name": "…"}
//! {"op": "merge_sources", "doc": KEY, "source": [S, E], "into": {"doc": KEY, "source": [S, E]}}
//! {"op": "split_source",  "doc": KEY, "source": [S, E]}
//! ```
//!
//! Every line may also carry `"hash"` (the document's content hash, so an operation on a text
//! that has since changed is caught), `"time"`, `"author"` and `"note"`.

use std::io::{BufRead, Read};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A half-open `[start, end)` range of Unicode code points, written `[S, E]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CharSpan {
    pub start: u32,
    pub end: u32,
}

impl CharSpan {
    pub fn new(start: u32, end: u32) -> CharSpan {
        CharSpan { start, end }
    }
}

impl Serialize for CharSpan {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for CharSpan {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [start, end] = <[u32; 2]>::deserialize(d)?;
        if start > end {
            return Err(serde::de::Error::custom(format!(
                "a span's start ({start}) is after its end ({end})"
            )));
        }
        Ok(CharSpan { start, end })
    }
}

/// A source named by a mention of it in some document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceAnchor {
    pub doc: String,
    pub source: CharSpan,
}

/// The new spans of an edited claim; a field left out keeps the claim's own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSpans {
    /// `Some(None)`: the claim has no source now (written `"source": null`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "double_option"
    )]
    pub source: Option<Option<CharSpan>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<CharSpan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<CharSpan>,
}

/// What was decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    /// The claim is right as it stands.
    ConfirmClaim { content: CharSpan },
    /// The claim is not one: it leaves the list and the exports.
    RejectClaim { content: CharSpan },
    /// The claim's source, cue or content spans were wrong.
    EditClaim { content: CharSpan, new: ClaimSpans },
    /// A claim the machine missed.
    AddClaim {
        #[serde(default)]
        source: Option<CharSpan>,
        #[serde(default)]
        cue: Option<CharSpan>,
        content: CharSpan,
    },
    /// The mention names another place (a GeoNames id).
    SetPlace { span: CharSpan, geonameid: u32 },
    /// The mention is not a place.
    NotAPlace { span: CharSpan },
    /// A place the machine missed.
    AddPlace { span: CharSpan, geonameid: u32 },
    /// The source's name, as it should be shown and exported.
    RenameSource { source: CharSpan, name: String },
    /// The source is the same speaker as another (in this document or another).
    MergeSources {
        source: CharSpan,
        into: SourceAnchor,
    },
    /// The source is a speaker of its own, not the one its name matched across documents.
    SplitSource { source: CharSpan },
}

impl Op {
    /// The name written in the `op` field.
    pub fn name(&self) -> &'static str {
        match self {
            Op::ConfirmClaim { .. } => "confirm_claim",
            Op::RejectClaim { .. } => "reject_claim",
            Op::EditClaim { .. } => "edit_claim",
            Op::AddClaim { .. } => "add_claim",
            Op::SetPlace { .. } => "set_place",
            Op::NotAPlace { .. } => "not_a_place",
            Op::AddPlace { .. } => "add_place",
            Op::RenameSource { .. } => "rename_source",
            Op::MergeSources { .. } => "merge_sources",
            Op::SplitSource { .. } => "split_source",
        }
    }

    /// The span the operation is about, in its own document.
    pub fn anchor(&self) -> CharSpan {
        match self {
            Op::ConfirmClaim { content }
            | Op::RejectClaim { content }
            | Op::EditClaim { content, .. }
            | Op::AddClaim { content, .. } => *content,
            Op::SetPlace { span, .. } | Op::NotAPlace { span } | Op::AddPlace { span, .. } => *span,
            Op::RenameSource { source, .. }
            | Op::MergeSources { source, .. }
            | Op::SplitSource { source } => *source,
        }
    }
}

/// One line of the review log: an operation on a document, and who made it when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewOp {
    #[serde(flatten)]
    pub op: Op,
    /// The document's key.
    pub doc: String,
    /// The document's content hash when the operation was made ([`super::content_hash`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    /// When, as RFC 3339 UTC ("2026-12-03T17:40:00Z").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ReviewOp {
    /// An operation on a document, without hash, time, author or note.
    pub fn new(doc: impl Into<String>, op: Op) -> ReviewOp {
        ReviewOp {
            op,
            doc: doc.into(),
            hash: None,
            time: None,
            author: None,
            note: None,
        }
    }

    /// One JSON line (without the newline).
    pub fn to_line(&self) -> String {
        // a struct of strings and numbers always serialises
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads one JSON line.
    pub fn from_line(line: &str) -> Result<ReviewOp, serde_json::Error> {
        serde_json::from_str(line)
    }
}

/// A line of a review log that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadLine {
    /// 1-based.
    pub line: usize,
    pub message: String,
}

/// Longest review-log line read; an operation is a few hundred bytes.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// Reads a review log: every good line with its 1-based line number, and what was wrong with
/// the others. Blank lines are skipped; reading stops at an IO error, which is returned as a
/// bad line.
pub fn read_log(mut reader: impl BufRead) -> (Vec<(usize, ReviewOp)>, Vec<BadLine>) {
    let mut ops = Vec::new();
    let mut bad = Vec::new();
    let reader = &mut reader;
    let mut buf = Vec::new();
    let mut n = 0;
    loop {
        buf.clear();
        n += 1;
        // read at most one line past the limit, so a huge line costs bounded memory
        let read = Read::take(&mut *reader, MAX_LINE_BYTES as u64 + 1).read_until(b'\n', &mut buf);
        match read {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                bad.push(BadLine {
                    line: n,
                    message: format!("cannot read: {e}"),
                });
                break;
            }
        }
        if buf.len() > MAX_LINE_BYTES && !buf.ends_with(b"\n") {
            bad.push(BadLine {
                line: n,
                message: format!("the line is longer than {MAX_LINE_BYTES} bytes"),
            });
            // skip the rest of the line
            loop {
                buf.clear();
                match Read::take(&mut *reader, MAX_LINE_BYTES as u64).read_until(b'\n', &mut buf) {
                    Ok(0) => break,
                    Ok(_) if buf.ends_with(b"\n") => break,
                    Ok(_) => continue,
                    Err(_) => break,
                }
            }
            continue;
        }
        let Ok(line) = std::str::from_utf8(&buf) else {
            bad.push(BadLine {
                line: n,
                message: "the line is not valid UTF-8".into(),
            });
            continue;
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match ReviewOp::from_line(line) {
            Ok(op) => ops.push((n, op)),
            Err(e) => bad.push(BadLine {
                line: n,
                message: e.to_string(),
            }),
        }
    }
    (ops, bad)
}

mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        v: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(inner) => inner.serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn every_operation_reads_as_the_issue_writes_it() {
        let rows: Vec<(&str, Op)> = vec![
            (
                r#"{"op": "confirm_claim", "doc": "a.txt", "content": [3, 9]}"#,
                Op::ConfirmClaim {
                    content: CharSpan::new(3, 9),
                },
            ),
            (
                r#"{"op": "reject_claim", "doc": "a.txt", "content": [3, 9]}"#,
                Op::RejectClaim {
                    content: CharSpan::new(3, 9),
                },
            ),
            (
                r#"{"op": "edit_claim", "doc": "a.txt", "content": [3, 9], "new": {"source": null, "cue": [10, 14], "content": [15, 30]}}"#,
                Op::EditClaim {
                    content: CharSpan::new(3, 9),
                    new: ClaimSpans {
                        source: Some(None),
                        cue: Some(CharSpan::new(10, 14)),
                        content: Some(CharSpan::new(15, 30)),
                    },
                },
            ),
            (
                r#"{"op": "add_claim", "doc": "a.txt", "source": [0, 2], "cue": [3, 7], "content": [8, 20]}"#,
                Op::AddClaim {
                    source: Some(CharSpan::new(0, 2)),
                    cue: Some(CharSpan::new(3, 7)),
                    content: CharSpan::new(8, 20),
                },
            ),
            (
                r#"{"op": "set_place", "doc": "a.txt", "span": [40, 45], "geonameid": 538555}"#,
                Op::SetPlace {
                    span: CharSpan::new(40, 45),
                    geonameid: 538555,
                },
            ),
            (
                r#"{"op": "not_a_place", "doc": "a.txt", "span": [40, 45]}"#,
                Op::NotAPlace {
                    span: CharSpan::new(40, 45),
                },
            ),
            (
                r#"{"op": "add_place", "doc": "a.txt", "span": [40, 45], "geonameid": 524901}"#,
                Op::AddPlace {
                    span: CharSpan::new(40, 45),
                    geonameid: 524901,
                },
            ),
            (
                r#"{"op": "rename_source", "doc": "a.txt", "source": [0, 2], "name": "Sergei Shoigu"}"#,
                Op::RenameSource {
                    source: CharSpan::new(0, 2),
                    name: "Sergei Shoigu".into(),
                },
            ),
            (
                r#"{"op": "merge_sources", "doc": "a.txt", "source": [0, 2], "into": {"doc": "b.txt", "source": [5, 9]}}"#,
                Op::MergeSources {
                    source: CharSpan::new(0, 2),
                    into: SourceAnchor {
                        doc: "b.txt".into(),
                        source: CharSpan::new(5, 9),
                    },
                },
            ),
            (
                r#"{"op": "split_source", "doc": "a.txt", "source": [0, 2]}"#,
                Op::SplitSource {
                    source: CharSpan::new(0, 2),
                },
            ),
        ];
        for (line, op) in rows {
            let got = ReviewOp::from_line(line).unwrap();
            assert_eq!(got, ReviewOp::new("a.txt", op), "{line}");
            // and back: the written line reads as the same operation
            assert_eq!(ReviewOp::from_line(&got.to_line()).unwrap(), got);
        }
    }

    #[test]
    fn an_edit_that_leaves_the_source_out_keeps_it_and_null_removes_it() {
        let keep = ReviewOp::from_line(
            r#"{"op": "edit_claim", "doc": "d", "content": [0, 4], "new": {"content": [0, 9]}}"#,
        )
        .unwrap();
        let Op::EditClaim { new, .. } = &keep.op else {
            panic!()
        };
        assert_eq!(new.source, None);
        assert!(!keep.to_line().contains("source"));
        let remove = ReviewOp::from_line(
            r#"{"op": "edit_claim", "doc": "d", "content": [0, 4], "new": {"source": null}}"#,
        )
        .unwrap();
        let Op::EditClaim { new, .. } = &remove.op else {
            panic!()
        };
        assert_eq!(new.source, Some(None));
        assert!(remove.to_line().contains(r#""source":null"#));
    }

    #[test]
    fn a_log_with_bad_lines_keeps_the_good_ones_and_says_which_are_bad() {
        let log = concat!(
            r#"{"op": "reject_claim", "doc": "a", "content": [1, 2]}"#,
            "\n\n",
            r#"{"op": "explode", "doc": "a"}"#,
            "\n",
            r#"{"op": "reject_claim", "doc": "a", "content": [5, 2]}"#,
            "\n",
            "not json\n",
            r#"{"op": "not_a_place", "doc": "a", "span": [7, 9], "note": "a person"}"#,
        );
        let (ops, bad) = read_log(log.as_bytes());
        assert_eq!(ops.len(), 2);
        assert_eq!(ops[1].0, 6);
        assert_eq!(ops[1].1.note.as_deref(), Some("a person"));
        let lines: Vec<usize> = bad.iter().map(|b| b.line).collect();
        assert_eq!(lines, [3, 4, 5]);
        assert!(bad[0].message.contains("explode"), "{}", bad[0].message);
        assert!(
            bad[1].message.contains("after its end"),
            "{}",
            bad[1].message
        );
    }
}
