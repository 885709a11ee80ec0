//! Entity resolution: which per-document sources are one speaker across the corpus.
//!
//! It reads a compact [`SourceRef`] per source, not the corpus itself, so that a streaming
//! reader can resolve a corpus it never holds whole: collect the refs in a first pass, resolve,
//! then write. A person's judgements ([`Judgements`]: these two are the same, these two are
//! not) override what the names say.

use std::collections::HashMap;

use crate::model::{Corpus, Entity, EntityId, PlaceId, SourceId, SourceKind};
use crate::text::normalize;

/// What entity resolution reads of one source.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceRef<'a> {
    /// The document's position in the corpus (sources of one document are already one per
    /// speaker).
    pub doc: usize,
    /// The fullest name the document gives.
    pub name: &'a str,
    pub kind: SourceKind,
    /// The country it speaks for (ISO 3166-1 alpha-2), when known.
    pub affiliation: Option<&'a str>,
    /// Every mention as written ("Sergei Shoigu", "He", "Shoigu").
    pub mentions: Vec<&'a str>,
    pub description: Option<&'a str>,
}

/// A person's decisions about sources, by index into the [`SourceRef`] slice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Judgements {
    /// Pairs that are one entity, whatever their names say.
    pub same: Vec<(usize, usize)>,
    /// Pairs that are not, whatever their names say.
    pub different: Vec<(usize, usize)>,
}

/// One resolved entity, its members by index into the [`SourceRef`] slice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedEntity {
    pub key: String,
    pub name: String,
    pub kind: SourceKind,
    pub affiliation: Option<String>,
    pub aliases: Vec<String>,
    /// Ascending.
    pub members: Vec<usize>,
}

/// Resolves sources into entities, in order of their first member.
pub fn resolve(sources: &[SourceRef], judgements: &Judgements) -> Vec<ResolvedEntity> {
    // Placeholder rule until the full resolver lands: named sources of one kind and one
    // normalised name are one entity; unnamed groups stay per document.
    let mut parent: Vec<usize> = (0..sources.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut by_name: HashMap<(SourceKind, String), usize> = HashMap::new();
    for (i, s) in sources.iter().enumerate() {
        if s.kind == SourceKind::Unnamed {
            continue;
        }
        let key = (s.kind, normalize(s.name));
        match by_name.get(&key) {
            Some(&j) => {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
            None => {
                by_name.insert(key, i);
            }
        }
    }
    for &(i, j) in &judgements.same {
        if i < sources.len() && j < sources.len() {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for i in 0..sources.len() {
        let root = find(&mut parent, i);
        let g = *slot.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    groups
        .into_iter()
        .map(|members| {
            let first = &sources[members[0]];
            let mut aliases: Vec<String> = Vec::new();
            for &m in &members {
                if !aliases.iter().any(|a| a == sources[m].name) {
                    aliases.push(sources[m].name.to_string());
                }
            }
            let key = match first.kind {
                SourceKind::Unnamed => format!("unnamed:{}@{}", normalize(first.name), first.doc),
                k => format!("{}:{}", kind_code(k), normalize(first.name)),
            };
            ResolvedEntity {
                key,
                name: first.name.to_string(),
                kind: first.kind,
                affiliation: first.affiliation.map(str::to_string),
                aliases,
                members,
            }
        })
        .collect()
}

fn kind_code(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::StateMedia => "state-media",
        SourceKind::Media => "media",
        SourceKind::Government => "government",
        SourceKind::Ministry => "ministry",
        SourceKind::Military => "military",
        SourceKind::Expert => "expert",
        SourceKind::Organisation => "organisation",
        SourceKind::Person => "person",
        SourceKind::Unnamed => "unnamed",
    }
}

/// Resolves the corpus's sources and installs the entities (each source learns its entity).
/// `judgements` index the corpus's sources by id.
pub fn resolve_entities(corpus: &mut Corpus, judgements: &Judgements) {
    let refs: Vec<SourceRef> = corpus
        .sources()
        .iter()
        .map(|s| {
            let text = &corpus.document(s.doc).text;
            SourceRef {
                doc: s.doc.index(),
                name: &s.name,
                kind: s.kind,
                affiliation: s
                    .affiliation
                    .and_then(|p| corpus.place(p).country.as_deref()),
                mentions: s.mentions.iter().map(|m| m.slice(text)).collect(),
                description: s.description.as_deref(),
            }
        })
        .collect();
    let resolved = resolve(&refs, judgements);
    let entities: Vec<Entity> = resolved
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let sources: Vec<SourceId> = r.members.iter().map(|&m| SourceId(m as u32)).collect();
            // the affiliation most of its sources give
            let mut votes: Vec<(PlaceId, usize)> = Vec::new();
            for &s in &sources {
                if let Some(p) = corpus.source(s).affiliation {
                    match votes.iter_mut().find(|v| v.0 == p) {
                        Some(v) => v.1 += 1,
                        None => votes.push((p, 1)),
                    }
                }
            }
            let affiliation = votes.iter().max_by_key(|v| v.1).map(|v| v.0);
            Entity {
                id: EntityId(i as u32),
                key: r.key,
                name: r.name,
                kind: r.kind,
                affiliation,
                aliases: r.aliases,
                sources,
            }
        })
        .collect();
    corpus.set_entities(entities);
}
