//! Who a source is: one cluster per entity per document, with all its mentions. Pronouns go
//! to the nearest fitting earlier source ("He" → the last named person), short names to the
//! full name the document gave ("Shoigu" → "Sergei Shoigu"), and the same generic phrase to
//! one unnamed source ("a source", "the source").

use super::{RawClaim, SourceTraits};
use crate::model::{SourceKind, Span};
use crate::text::WordList;

/// One source entity of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceCluster {
    /// The fullest name ("Sergei Shoigu"), or the phrase for an unnamed source ("Experts").
    pub name: String,
    pub traits: SourceTraits,
    pub description: Option<String>,
    /// Every mention as written in claims (heads, with appositions where written).
    pub mentions: Vec<Span>,
    /// Spans in which to look for an affiliation (mentions and description).
    pub affiliation_spans: Vec<Span>,
}

static SINGULAR_PERSON: WordList = WordList::new(&["he", "she", "him", "her", "i"]);
static PLURAL: WordList = WordList::new(&["they", "we"]);
static DETERMINERS: WordList = WordList::new(&[
    "the", "a", "an", "another", "one", "some", "two", "three", "several", "both",
]);

fn generic_key(head: &str) -> String {
    let lower = head.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while words.len() > 1 && DETERMINERS.contains(words[0]) {
        words.remove(0);
    }
    words.join(" ")
}

/// Groups the sources of one document's claims. Returns the clusters and, per claim, the
/// index of its cluster.
pub fn cluster_sources(
    text: &str,
    claims: &[RawClaim],
    traits_of: &dyn Fn(&str, Option<&str>) -> SourceTraits,
) -> (Vec<SourceCluster>, Vec<Option<usize>>) {
    let mut clusters: Vec<SourceCluster> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut last_seen: Vec<u32> = Vec::new();
    let mut assignment = Vec::with_capacity(claims.len());
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| {
        claims[i]
            .source
            .map_or(claims[i].content.start, |s| s.start)
    });
    assignment.resize(claims.len(), None);
    for i in order {
        let c = &claims[i];
        let (Some(head), Some(full)) = (c.source_head, c.source) else {
            continue;
        };
        let head_text = head.slice(text).trim();
        let lower = head_text.to_lowercase();
        let description = c.description.map(|d| d.slice(text).trim().to_string());
        let at = head.start;
        let is_pronoun = SINGULAR_PERSON.contains(lower.as_str())
            || PLURAL.contains(lower.as_str())
            || lower == "it";
        // what the head is, asked once: it reads every word against the kind lexicons
        let traits = (!is_pronoun).then(|| traits_of(head_text, description.as_deref()));
        let found = if is_pronoun {
            // nearest earlier cluster that fits
            let fits = |cl: &SourceCluster| {
                if SINGULAR_PERSON.contains(lower.as_str()) {
                    cl.traits.is_person_name && !cl.traits.is_plural
                } else if PLURAL.contains(lower.as_str()) {
                    cl.traits.is_plural
                        || !cl.traits.is_person_name && cl.traits.kind != SourceKind::Unnamed
                } else {
                    !cl.traits.is_person_name && !cl.traits.is_plural
                }
            };
            (0..clusters.len())
                .filter(|&k| last_seen[k] <= at && fits(&clusters[k]))
                .max_by_key(|&k| last_seen[k])
        } else if traits.is_some_and(|t| t.is_person_name) {
            let surname = head_text.split_whitespace().last().unwrap_or(head_text);
            (0..clusters.len()).find(|&k| {
                clusters[k].traits.is_person_name
                    && clusters[k].name.split_whitespace().any(|w| w == surname)
            })
        } else {
            let key = generic_key(head_text);
            (0..clusters.len()).find(|&k| keys[k] == key)
        };
        let k = match found {
            Some(k) => {
                let cl = &mut clusters[k];
                if !is_pronoun && head_text.len() > cl.name.len() && cl.traits.is_person_name {
                    cl.name = head_text.to_string();
                }
                if cl.description.is_none() {
                    cl.description = description;
                    if let Some(d) = c.description {
                        cl.affiliation_spans.push(d);
                    }
                }
                k
            }
            None => {
                let traits = traits.unwrap_or(SourceTraits {
                    kind: SourceKind::Person,
                    is_plural: PLURAL.contains(lower.as_str()),
                    is_person_name: false,
                });
                clusters.push(SourceCluster {
                    name: head_text.to_string(),
                    traits,
                    description,
                    mentions: Vec::new(),
                    affiliation_spans: c.description.into_iter().collect(),
                });
                keys.push(generic_key(head_text));
                last_seen.push(at);
                clusters.len() - 1
            }
        };
        clusters[k].mentions.push(full);
        if !is_pronoun {
            clusters[k].affiliation_spans.push(head);
        }
        last_seen[k] = at;
        assignment[i] = Some(k);
    }
    (clusters, assignment)
}
