//! Entity resolution: which per-document sources are one speaker across the corpus.
//!
//! It reads a compact [`SourceRef`] per source, not the corpus itself, so that a streaming
//! reader can resolve a corpus it never holds whole: collect the refs in a first pass, resolve,
//! then write. A person's judgements ([`Judgements`]: these two are the same, these two are
//! not) override what the names say.
//!
//! The rules, each a block of sources that share a key (no source is compared with every
//! other):
//!
//! - a person's full names are one entity per first given name and surname ("Donald J.
//!   Trump", "President Donald Trump"); a bare surname ("Trump", "Mr. Trump") joins the one
//!   full name with that surname that fits its title ("Mrs. Clinton"), or one that dominates
//!   the corpus, stays apart in its document when several fit, and joins the other bare uses
//!   of it when the corpus gives no full name (see `surnames.rs`);
//! - a body's name is read without its articles, its country and British spelling, "Ministry
//!   of X" as "X ministry", and the other names in `assets/entities/bodies.tsv`; a name only
//!   its country tells apart ("the foreign ministry") is one entity per country, and one with
//!   no country joins the one country that has it, or stays in its document;
//! - anonymous sources ("officials", "a spokesperson", "he", "the campaign") are never merged
//!   across documents.

mod body;
mod groups;
mod names;
mod person;
mod surnames;
mod words;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use groups::Groups;
use names::{BodyName, PersonName, Shape, shape};
use surnames::{Candidate, FullName, GenderVotes, whose};
use words::PRONOUNS;

use crate::model::{Corpus, Entity, EntityId, PlaceId, SourceId, SourceKind};
use crate::text::{WordHasher, normalize};

/// Maps keyed by names and positions of one corpus: no flooding to guard against.
type Map<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// What entity resolution reads of one source.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceRef<'a> {
    /// The document's position in the corpus (sources of one document are already one per
    /// speaker).
    pub doc: usize,
    /// The document's key (file name or JSONL id): the keys of entities that stay within
    /// their document end with it ("unnamed:officials@article-12").
    pub doc_key: &'a str,
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
    /// Pairs that are not, whatever their names say (and whatever `same` says).
    pub different: Vec<(usize, usize)>,
}

/// One resolved entity, its members by index into the [`SourceRef`] slice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedEntity {
    /// Stable across runs and corpora that name it the same way: "person:donald-trump",
    /// "org:ru:defense-ministry", "org:kremlin"; one that stays in its document ends with
    /// the document's key ("person:kim@article-12", "unnamed:officials@article-12").
    pub key: String,
    /// The fullest name its sources give (a person's without titles).
    pub name: String,
    /// The kind most of its sources have, a named kind before [`SourceKind::Unnamed`].
    pub kind: SourceKind,
    /// The affiliation most of its sources have.
    pub affiliation: Option<String>,
    /// Mentions as written (not pronouns), distinct, most frequent first.
    pub aliases: Vec<String>,
    /// Ascending.
    pub members: Vec<usize>,
}

/// How a source was read, in the order a group's key is chosen from its members.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Reading {
    /// A person's full name: its full key ("donald trump").
    Full(String),
    /// A body with its country: (country, core).
    Country(String, String),
    /// A body known by its name alone ("kremlin"), or a generic one no country claims.
    Named(String),
    /// A surname no full name has.
    Bare(String),
    /// A surname of several people, or a generic body of several countries: only this
    /// document's.
    Ambiguous(String),
    Anonymous,
}

impl Reading {
    fn rank(&self) -> u8 {
        match self {
            Reading::Full(_) => 0,
            Reading::Country(..) => 1,
            Reading::Named(_) => 2,
            Reading::Bare(_) => 3,
            Reading::Ambiguous(_) => 4,
            Reading::Anonymous => 5,
        }
    }
}

/// Resolves sources into entities, in order of their first member.
///
/// ```
/// use claimmap::corpus::{Judgements, SourceRef, resolve};
/// use claimmap::model::SourceKind;
///
/// let source = |doc, name| SourceRef {
///     doc,
///     doc_key: ["a", "b", "c"][doc],
///     name,
///     kind: SourceKind::Person,
///     affiliation: None,
///     mentions: vec![name],
///     description: None,
/// };
/// let sources = [source(0, "Sergei Shoigu"), source(1, "Mr. Shoigu"), source(2, "officials")];
/// let entities = resolve(&sources, &Judgements::default());
/// assert_eq!(entities[0].key, "person:sergei-shoigu");
/// assert_eq!(entities[0].members, [0, 1]);
/// assert_eq!(entities[1].key, "unnamed:officials@c");
/// ```
pub fn resolve(sources: &[SourceRef], judgements: &Judgements) -> Vec<ResolvedEntity> {
    let n = sources.len();
    // a corpus names its speakers the same way again and again: each name is read once
    let mut distinct: Vec<Shape> = Vec::new();
    let mut read: Map<(&str, SourceKind, Option<&str>), usize> = Map::default();
    let at: Vec<usize> = sources
        .iter()
        .map(|s| {
            *read
                .entry((s.name, s.kind, s.affiliation))
                .or_insert_with(|| {
                    distinct.push(shape(s.name, s.kind, s.affiliation));
                    distinct.len() - 1
                })
        })
        .collect();
    let shapes: Vec<&Shape> = at.iter().map(|&i| &distinct[i]).collect();
    let votes: Vec<GenderVotes> = sources
        .iter()
        .map(|s| {
            let mut v = GenderVotes::default();
            for m in &s.mentions {
                v.add_mention(m);
            }
            v
        })
        .collect();
    let mut groups = Groups::new(n, &judgements.different);
    for &(a, b) in &judgements.same {
        groups.union(a, b);
    }
    let mut readings = vec![Reading::Anonymous; n];

    // people: full names first, so that a bare surname knows whose it may be
    let mut full_first: Map<String, usize> = Map::default();
    let mut fulls: Map<String, FullName> = Map::default();
    let mut by_surname: Map<&str, Vec<Candidate>> = Map::default();
    for (i, s) in shapes.iter().enumerate() {
        let Shape::Person(p) = s else { continue };
        let Some(full) = p.full_key() else { continue };
        let f = fulls.entry(full.clone()).or_default();
        f.votes.add(votes[i]);
        if f.last_doc != Some(sources[i].doc) {
            f.last_doc = Some(sources[i].doc);
            f.documents += 1;
        }
        match full_first.get(&full) {
            Some(&first) => {
                groups.union(first, i);
            }
            None => {
                full_first.insert(full.clone(), i);
                by_surname
                    .entry(&p.surname)
                    .or_default()
                    .push(Candidate::likely(&full));
                if let Some(first) = &p.surname_first {
                    by_surname
                        .entry(&first.surname)
                        .or_default()
                        .push(Candidate {
                            full: full.clone(),
                            may_join: first.is_likely,
                        });
                }
            }
        }
        readings[i] = Reading::Full(full);
    }
    let mut bare_first: Map<&str, usize> = Map::default();
    let mut ambiguous_first: Map<(&str, usize), usize> = Map::default();
    for (i, s) in shapes.iter().enumerate() {
        let Shape::Person(p @ PersonName { given: None, .. }) = s else {
            continue;
        };
        let candidates = by_surname.get(p.surname.as_str());
        let found = match candidates {
            _ if p.is_given_name_alone => Some(None),
            Some(c) => Some(whose(c, votes[i].gender(), &fulls)),
            None => None,
        };
        match found {
            Some(Some(full)) => {
                // every candidate's full name has its first source
                if let Some(&first) = full_first.get(full) {
                    groups.union(first, i);
                }
                readings[i] = Reading::Full(full.to_string());
            }
            None => {
                let first = *bare_first.entry(&p.surname).or_insert(i);
                groups.union(first, i);
                readings[i] = Reading::Bare(p.surname.clone());
            }
            Some(None) => {
                let first = *ambiguous_first
                    .entry((&p.surname, sources[i].doc))
                    .or_insert(i);
                groups.union(first, i);
                readings[i] = Reading::Ambiguous(p.surname.clone());
            }
        }
    }

    // bodies: named ones by name, generic ones by country
    let mut named_first: Map<&str, usize> = Map::default();
    let mut country_first: Map<(&str, &str), usize> = Map::default();
    let mut countries_of: Map<&str, Vec<&str>> = Map::default();
    for (i, s) in shapes.iter().enumerate() {
        let Shape::Body(b) = s else { continue };
        match (b.is_generic, b.country.as_deref()) {
            (true, Some(cc)) => {
                let first = *country_first.entry((cc, &b.core)).or_insert(i);
                groups.union(first, i);
                let list = countries_of.entry(&b.core).or_default();
                if !list.contains(&cc) {
                    list.push(cc);
                }
                readings[i] = Reading::Country(cc.to_string(), b.core.clone());
            }
            (false, _) => {
                let first = *named_first.entry(&b.core).or_insert(i);
                groups.union(first, i);
                readings[i] = Reading::Named(b.core.clone());
            }
            (true, None) => {}
        }
    }
    // a generic body without a country, written as a name ("the Defense Ministry")
    let mut ambiguous_bodies: Map<(&str, usize), usize> = Map::default();
    for (i, s) in shapes.iter().enumerate() {
        let Shape::Body(
            b @ BodyName {
                is_generic: true,
                country: None,
                ..
            },
        ) = s
        else {
            continue;
        };
        match countries_of.get(b.core.as_str()).map(Vec::as_slice) {
            Some([cc]) => {
                if let Some(&first) = country_first.get(&(*cc, b.core.as_str())) {
                    groups.union(first, i);
                }
                readings[i] = Reading::Country(cc.to_string(), b.core.clone());
            }
            None => {
                let first = *named_first.entry(&b.core).or_insert(i);
                groups.union(first, i);
                readings[i] = Reading::Named(b.core.clone());
            }
            Some(_) => {
                let first = *ambiguous_bodies
                    .entry((&b.core, sources[i].doc))
                    .or_insert(i);
                groups.union(first, i);
                readings[i] = Reading::Ambiguous(b.core.clone());
            }
        }
    }

    let mut members_of: Vec<Vec<usize>> = Vec::new();
    let mut slot: Map<usize, usize> = Map::default();
    for i in 0..n {
        let root = groups.find(i);
        let g = *slot.entry(root).or_insert_with(|| {
            members_of.push(Vec::new());
            members_of.len() - 1
        });
        members_of[g].push(i);
    }
    let mut entities: Vec<ResolvedEntity> = members_of
        .into_iter()
        .map(|members| entity(sources, &shapes, &readings, members))
        .collect();
    disambiguate_keys(&mut entities);
    entities
}

/// The entity of one group of sources.
fn entity<'a>(
    sources: &[SourceRef<'a>],
    shapes: &[&Shape],
    readings: &[Reading],
    members: Vec<usize>,
) -> ResolvedEntity {
    // the reading that names the group: the best kind, then the most frequent
    let best = members.iter().map(|&m| readings[m].rank()).min();
    let reading = most_frequent(
        members
            .iter()
            .map(|&m| &readings[m])
            .filter(|r| Some(r.rank()) == best),
    )
    .cloned()
    .unwrap_or(Reading::Anonymous);
    let first = &sources[members[0]];
    let key = match &reading {
        Reading::Full(full) => format!("person:{}", slug(full)),
        Reading::Country(cc, core) => format!("org:{}:{}", cc.to_lowercase(), slug(core)),
        Reading::Named(core) => format!("org:{}", slug(core)),
        Reading::Bare(surname) => format!("person:{}", slug(surname)),
        Reading::Ambiguous(name) => {
            let class = match &shapes[members[0]] {
                Shape::Person(_) => "person",
                _ => "org",
            };
            format!("{class}:{}@{}", slug(name), first.doc_key)
        }
        Reading::Anonymous => format!("unnamed:{}@{}", slug(first.name), first.doc_key),
    };
    // the name: a person's full name as written without titles, a body's without its article
    let written = |full_only: bool| {
        members
            .iter()
            .filter(|&&m| readings[m] == reading)
            .filter_map(move |&m| match &shapes[m] {
                Shape::Person(p) if !full_only || p.given.is_some() => Some(p.written.as_str()),
                Shape::Body(b) => Some(b.written.as_str()),
                _ => None,
            })
    };
    let name = most_frequent_longest(written(true))
        .or_else(|| most_frequent_longest(written(false)))
        .unwrap_or(first.name)
        .to_string();
    let mut kinds: Vec<(SourceKind, usize)> = Vec::new();
    let mut affiliations: Vec<(&str, usize)> = Vec::new();
    let mut aliases: Vec<(&str, usize)> = Vec::new();
    let mut alias_at: Map<&str, usize> = Map::default();
    let mut add_alias = |alias: &'a str| {
        let at = *alias_at.entry(alias).or_insert_with(|| {
            aliases.push((alias, 0));
            aliases.len() - 1
        });
        aliases[at].1 += 1;
    };
    for &m in &members {
        let s = &sources[m];
        count(&mut kinds, s.kind);
        if let Some(a) = s.affiliation {
            count(&mut affiliations, a);
        }
        let mut any = false;
        for mention in &s.mentions {
            let mention = mention.trim();
            if !mention.is_empty() && !is_pronoun(mention) {
                add_alias(mention);
                any = true;
            }
        }
        if !any && !is_pronoun(s.name) {
            add_alias(s.name.trim());
        }
    }
    let kind = kinds
        .iter()
        .filter(|k| k.0 != SourceKind::Unnamed)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(SourceKind::Unnamed, |k| k.0);
    let affiliation = affiliations
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|a| a.0.to_string());
    // most frequent first, then in order of appearance (the sort is stable)
    aliases.sort_by_key(|a| std::cmp::Reverse(a.1));
    ResolvedEntity {
        key,
        name,
        kind,
        affiliation,
        aliases: aliases.into_iter().map(|a| a.0.to_string()).collect(),
        members,
    }
}

/// "He", "they": a mention that names no one.
fn is_pronoun(mention: &str) -> bool {
    let mut buf = [0u8; 16];
    let b = mention.trim().as_bytes();
    if b.len() > buf.len() {
        return false;
    }
    buf[..b.len()].copy_from_slice(b);
    buf[..b.len()].make_ascii_lowercase();
    std::str::from_utf8(&buf[..b.len()]).is_ok_and(|w| PRONOUNS.contains(w))
}

fn count<T: PartialEq>(counts: &mut Vec<(T, usize)>, item: T) {
    match counts.iter_mut().find(|c| c.0 == item) {
        Some(c) => c.1 += 1,
        None => counts.push((item, 1)),
    }
}

/// The most frequent item, the first of equals.
fn most_frequent<'a, T: PartialEq>(items: impl Iterator<Item = &'a T>) -> Option<&'a T> {
    let mut counts: Vec<(&T, usize)> = Vec::new();
    for item in items {
        count(&mut counts, item);
    }
    counts.iter().rev().max_by_key(|c| c.1).map(|c| c.0)
}

/// The most frequent name, the longest of equals, then the first.
fn most_frequent_longest<'a>(names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for name in names {
        count(&mut counts, name);
    }
    counts
        .iter()
        .rev()
        .max_by_key(|c| (c.1, c.0.len()))
        .map(|c| c.0)
}

/// A key's name part: lower case, words joined by hyphens ("donald-trump").
fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for ch in normalize(name).chars() {
        if ch.is_alphanumeric() {
            out.push(ch);
        } else if !out.is_empty() && !out.ends_with('-') && ch != '\'' {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Keys are unique: a key that comes again (a person's judgement kept two namesakes apart)
/// gets "~2", "~3" in order of first member.
fn disambiguate_keys(entities: &mut [ResolvedEntity]) {
    let mut seen: Map<String, usize> = Map::default();
    for e in entities.iter_mut() {
        let n = seen.entry(e.key.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            e.key = format!("{}~{n}", e.key);
        }
    }
}

/// Resolves the corpus's sources and installs the entities (each source learns its entity).
/// `judgements` index the corpus's sources by id.
pub fn resolve_entities(corpus: &mut Corpus, judgements: &Judgements) {
    let refs: Vec<SourceRef> = corpus
        .sources()
        .iter()
        .map(|s| {
            let doc = corpus.document(s.doc);
            SourceRef {
                doc: s.doc.index(),
                doc_key: &doc.key,
                name: &s.name,
                kind: s.kind,
                affiliation: s
                    .affiliation
                    .and_then(|p| corpus.place(p).country.as_deref()),
                mentions: s.mentions.iter().map(|m| m.slice(&doc.text)).collect(),
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
            // the place of the affiliation most of its sources give
            let mut votes: Vec<(PlaceId, usize)> = Vec::new();
            for &s in &sources {
                if let Some(p) = corpus.source(s).affiliation
                    && corpus.place(p).country.as_deref() == r.affiliation.as_deref()
                {
                    count(&mut votes, p);
                }
            }
            let affiliation = votes.iter().rev().max_by_key(|v| v.1).map(|v| v.0);
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

#[cfg(test)]
mod tests;
