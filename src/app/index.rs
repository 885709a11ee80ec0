//! Lookups the panels need every frame, built once when a corpus arrives (on the worker
//! thread for loads) so that no panel searches the corpus per frame: lower-cased search text
//! per claim, the place each map marker stands for, claim counts per country and per source.
//!
//! A marker is one place: "Kursk" the city and "Kursk" the oblast are two markers, because
//! an analyst who corrects one into the other must see the claim move. (A place no standing
//! mention names, one whose every mention a reviewer rejected, has no marker.)

use std::collections::{BTreeMap, HashMap};

use crate::model::{ClaimId, Corpus, EntityId, LonLat, PlaceId, SourceKind, StoryId};

/// The place a marker stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceGroup {
    /// The place a click selects.
    pub primary: PlaceId,
    /// The place itself (one member; kept a list so a marker could stand for several).
    pub members: Vec<PlaceId>,
    /// Claims about it, ascending and without repeats.
    pub claims: Vec<ClaimId>,
    /// Where the marker sits (the primary's point), `None` for a place not on the map.
    pub point: Option<LonLat>,
}

/// Lower-cased search texts, one per claim, end to end in one buffer: two million claims'
/// texts as separate strings would cost a pointer, a length and an allocation each.
#[derive(Clone, Debug, Default)]
pub struct Haystacks {
    text: String,
    /// Where each claim's text ends in `text`.
    ends: Vec<usize>,
}

impl Haystacks {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len());
    }

    /// The search text of the claim with this index.
    pub fn get(&self, claim: usize) -> Option<&str> {
        let end = *self.ends.get(claim)?;
        let start = claim.checked_sub(1).map_or(0, |i| self.ends[i]);
        self.text.get(start..end)
    }

    /// How many claims have one.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// Derived lookups over one corpus.
#[derive(Clone, Debug, Default)]
pub struct CorpusIndex {
    /// Per claim: content, cue and source name, lower-cased, for the text search.
    pub haystacks: Haystacks,
    /// Per place: its group.
    pub group_of: Vec<usize>,
    pub groups: Vec<PlaceGroup>,
    /// Group indices, most claims first (marker order: big ones are labelled first).
    pub groups_by_claims: Vec<usize>,
    /// Claims that mention a place in each country (ISO alpha-2), a claim counted once per country.
    pub country_claims: HashMap<String, usize>,
    /// Mentions of places in each country (claims or not).
    pub country_mentions: HashMap<String, usize>,
    /// Distinct source names with their claim counts, by name.
    pub source_names: Vec<(String, usize)>,
    /// Claims per source kind, in `SourceKind::ALL` order.
    pub kind_claims: [usize; SourceKind::ALL.len()],
    /// Claims with no source.
    pub unattributed: usize,
    /// Claims not rejected by a reviewer.
    pub standing_claims: usize,
    /// Claims a reviewer confirmed, edited, added or rejected (the review panel's count: two
    /// million claims are too many to count every frame).
    pub reviewed_claims: usize,
    /// Per claim: the day its date starts on (days since 1970-01-01), from the claim's own
    /// date or its document's; `None` when neither is dated.
    pub claim_day: Vec<Option<i32>>,
    /// The timeline's extent: every document's date, and the claims' dates but the odd one
    /// far out ("in 1844", "by 2030"), which would squeeze the rest into a sliver.
    pub day_range: Option<(i32, i32)>,
    /// Entities with claims, most claims first (the Sources panel's order).
    pub entities_by_claims: Vec<EntityId>,
    /// Per entity: the documents its claims come from.
    pub entity_documents: Vec<u32>,
    /// Per entity: the places its claims speak about most, up to three.
    pub entity_places: Vec<Vec<PlaceId>>,
    /// Per entity: its name and aliases, lower-cased, for the Sources panel's search.
    pub entity_haystacks: Vec<String>,
    /// Stories told by more than one claim, most claims first, then most sources, most
    /// origins, earliest (the Stories panel's order).
    pub stories_by_size: Vec<StoryId>,
}

impl CorpusIndex {
    /// Builds every lookup, linear in the corpus.
    pub fn new(corpus: &Corpus) -> CorpusIndex {
        let mut haystacks = Haystacks::default();
        let mut one = String::new();
        for c in corpus.claims() {
            let text = &corpus.document(c.doc).text;
            one.clear();
            one.push_str(c.content.slice(text));
            one.push('\n');
            if let Some(cue) = c.cue {
                one.push_str(cue.slice(text));
                one.push('\n');
            }
            one.push_str(corpus.source_name(c));
            haystacks.push(&one.to_lowercase());
        }

        let (group_of, groups) = group_places(corpus);
        let mut groups_by_claims: Vec<usize> = (0..groups.len()).collect();
        groups_by_claims.sort_by(|&a, &b| {
            groups[b]
                .claims
                .len()
                .cmp(&groups[a].claims.len())
                .then(a.cmp(&b))
        });

        let mut country_claims: HashMap<String, usize> = HashMap::new();
        let mut seen: Vec<&str> = Vec::new();
        for c in corpus.claims().iter().filter(|c| !c.review.is_rejected()) {
            seen.clear();
            for &p in corpus.places_of(c.id) {
                if let Some(cc) = corpus.place(p).country.as_deref()
                    && !seen.contains(&cc)
                {
                    seen.push(cc);
                    *country_claims.entry(cc.to_string()).or_default() += 1;
                }
            }
        }

        let mut country_mentions: HashMap<String, usize> = HashMap::new();
        for m in corpus.mentions().iter().filter(|m| !m.review.is_rejected()) {
            if let Some(cc) = corpus.place(m.place).country.as_deref() {
                *country_mentions.entry(cc.to_string()).or_default() += 1;
            }
        }

        let mut names: BTreeMap<&str, usize> = BTreeMap::new();
        let mut kind_claims = [0; SourceKind::ALL.len()];
        let mut unattributed = 0;
        for c in corpus.claims().iter().filter(|c| !c.review.is_rejected()) {
            match c.source {
                Some(s) => {
                    let source = corpus.source(s);
                    *names.entry(source.name.as_str()).or_default() += 1;
                    kind_claims[kind_slot(source.kind)] += 1;
                }
                None => unattributed += 1,
            }
        }
        let source_names = names.into_iter().map(|(n, k)| (n.to_string(), k)).collect();

        let claim_day: Vec<Option<i32>> = corpus
            .claims()
            .iter()
            .map(|c| {
                let day = c.date.map(|d| d.day).or(corpus.document(c.doc).published)?;
                Some(day.days_since_epoch() as i32)
            })
            .collect();
        let day_range = timeline_range(corpus, &claim_day);

        let n = corpus.entities().len();
        let mut entity_documents = vec![0u32; n];
        let mut entity_places = vec![Vec::new(); n];
        let mut entities_by_claims: Vec<EntityId> = Vec::new();
        let mut tally: HashMap<PlaceId, usize> = HashMap::new();
        for e in corpus.entities() {
            let claims = corpus.claims_of_entity(e.id);
            if claims.is_empty() {
                continue;
            }
            entities_by_claims.push(e.id);
            let mut docs: Vec<u32> = claims.iter().map(|&c| corpus.claim(c).doc.0).collect();
            docs.sort_unstable();
            docs.dedup();
            entity_documents[e.id.index()] = docs.len() as u32;
            tally.clear();
            for &c in claims {
                for &p in corpus.places_of(c) {
                    *tally.entry(p).or_default() += 1;
                }
            }
            let mut top: Vec<(PlaceId, usize)> = tally.iter().map(|(&p, &k)| (p, k)).collect();
            top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            entity_places[e.id.index()] = top.into_iter().take(3).map(|t| t.0).collect();
        }
        entities_by_claims.sort_by(|&a, &b| {
            corpus
                .claims_of_entity(b)
                .len()
                .cmp(&corpus.claims_of_entity(a).len())
                .then(a.cmp(&b))
        });
        let entity_haystacks = corpus
            .entities()
            .iter()
            .map(|e| {
                let mut s = e.name.to_lowercase();
                for a in &e.aliases {
                    s.push('\n');
                    s.push_str(&a.to_lowercase());
                }
                s
            })
            .collect();

        let mut stories_by_size: Vec<StoryId> = corpus
            .stories()
            .iter()
            .filter(|s| s.claims.len() > 1)
            .map(|s| s.id)
            .collect();
        stories_by_size.sort_by(|&a, &b| {
            let (a, b) = (corpus.story(a), corpus.story(b));
            (b.claims.len(), b.sources, b.origins)
                .cmp(&(a.claims.len(), a.sources, a.origins))
                .then(a.first.cmp(&b.first))
                .then(a.id.cmp(&b.id))
        });

        CorpusIndex {
            haystacks,
            group_of,
            groups,
            groups_by_claims,
            country_claims,
            country_mentions,
            source_names,
            kind_claims,
            unattributed,
            standing_claims: corpus
                .claims()
                .iter()
                .filter(|c| !c.review.is_rejected())
                .count(),
            reviewed_claims: corpus
                .claims()
                .iter()
                .filter(|c| c.review != crate::model::Review::Machine)
                .count(),
            claim_day,
            day_range,
            entities_by_claims,
            entity_documents,
            entity_places,
            entity_haystacks,
            stories_by_size,
        }
    }

    /// The group (marker) a place belongs to.
    pub fn group(&self, place: PlaceId) -> Option<&PlaceGroup> {
        self.group_of
            .get(place.index())
            .and_then(|&g| self.groups.get(g))
    }

    /// Claims about the place or the places that share its marker.
    pub fn claims_about(&self, place: PlaceId) -> &[ClaimId] {
        self.group(place).map_or(&[], |g| g.claims.as_slice())
    }

    /// Whether two places share a marker.
    pub fn same_place(&self, a: PlaceId, b: PlaceId) -> bool {
        let g = |p: PlaceId| self.group_of.get(p.index()).filter(|&&g| g != usize::MAX);
        a == b || g(a).is_some_and(|ga| Some(ga) == g(b))
    }
}

/// The days the timeline spans: the documents' dates and the claims' dates near them (what
/// was said in the months before the first article), or, when no document is dated, the middle
/// 98% of the claims' dates.
fn timeline_range(corpus: &Corpus, claim_day: &[Option<i32>]) -> Option<(i32, i32)> {
    let mut days: Vec<i32> = corpus
        .claims()
        .iter()
        .zip(claim_day)
        .filter(|(c, _)| !c.review.is_rejected())
        .filter_map(|(_, d)| *d)
        .collect();
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    let published = corpus
        .documents()
        .iter()
        .filter_map(|d| d.published)
        .map(|p| p.days_since_epoch() as i32)
        .fold(None, |r: Option<(i32, i32)>, d| {
            Some(r.map_or((d, d), |(a, b)| (a.min(d), b.max(d))))
        });
    let Some((first, last)) = published else {
        return Some((days[days.len() / 100], days[(days.len() - 1) * 99 / 100]));
    };
    let (near_lo, near_hi) = (first - 182, last + 31);
    let near = days.iter().filter(|d| (near_lo..=near_hi).contains(*d));
    let lo = near.clone().min().copied().unwrap_or(first).min(first);
    let hi = near.max().copied().unwrap_or(last).max(last);
    Some((lo, hi))
}

/// The position of a kind in `SourceKind::ALL`.
pub fn kind_slot(kind: SourceKind) -> usize {
    SourceKind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(SourceKind::ALL.len() - 1)
}

fn group_places(corpus: &Corpus) -> (Vec<usize>, Vec<PlaceGroup>) {
    let places = corpus.places();
    let mut group_of = vec![usize::MAX; places.len()];
    let mut groups: Vec<PlaceGroup> = Vec::with_capacity(places.len());
    for p in places {
        // no marker for a place that only a rejected mention named
        if p.mentions.is_empty() && corpus.sources_from(p.id).is_empty() {
            continue;
        }
        group_of[p.id.index()] = groups.len();
        let mut claims = corpus.claims_about(p.id).to_vec();
        claims.sort_unstable();
        claims.dedup();
        groups.push(PlaceGroup {
            primary: p.id,
            point: p.point,
            members: vec![p.id],
            claims,
        });
    }
    (group_of, groups)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::model::{Claim, CorpusParts, DocId, Document, MentionId, MentionRole, Place};
    use crate::model::{PlaceKind, PlaceMention, Span};

    fn place(id: u32, name: &str, kind: PlaceKind, lon: f64, lat: f64) -> Place {
        Place {
            id: PlaceId(id),
            geonameid: None,
            name: name.into(),
            kind,
            point: Some(LonLat::new(lon, lat)),
            country: Some("RU".into()),
            population: 0,
            outline: None,
            mentions: vec![],
        }
    }

    fn corpus_with(places: Vec<Place>) -> Corpus {
        let text = "Kursk and Kursk and Moscow.".to_string();
        let mut doc = Document::new("d", text);
        doc.id = DocId(0);
        let spans = [(0, 5), (10, 15), (20, 26)];
        let mentions = spans
            .iter()
            .enumerate()
            .map(|(i, &(a, b))| PlaceMention {
                id: MentionId(i as u32),
                doc: DocId(0),
                span: Span::new(a, b),
                place: PlaceId(i as u32),
                role: MentionRole::Literal,
                confidence: 1.0,
                alternatives: vec![],
                review: Default::default(),
            })
            .collect();
        let claims = (0..3)
            .map(|i| Claim {
                id: ClaimId(i),
                doc: DocId(0),
                source_span: None,
                cue: None,
                content: Span::new(spans[i as usize].0, spans[i as usize].1),
                channel: None,
                sentence: Span::new(0, 27),
                source: None,
                mentions: vec![MentionId(i)],
                is_hedged: false,
                confidence: 1.0,
                date: None,
                review: Default::default(),
            })
            .collect();
        Corpus::from_parts(CorpusParts {
            documents: vec![doc],
            places,
            mentions,
            sources: vec![],
            claims,
        })
    }

    #[test]
    fn a_city_and_its_namesake_region_are_two_markers() {
        let corpus = corpus_with(vec![
            place(0, "Kursk", PlaceKind::Region, 36.29, 51.73),
            place(1, "Kursk", PlaceKind::City, 36.18, 51.72),
            place(2, "Moscow", PlaceKind::City, 37.6, 55.75),
        ]);
        let index = CorpusIndex::new(&corpus);
        assert_eq!(index.groups.len(), 3);
        assert_eq!(index.claims_about(PlaceId(0)), &[ClaimId(0)]);
        assert_eq!(index.claims_about(PlaceId(1)), &[ClaimId(1)]);
        assert!(!index.same_place(PlaceId(0), PlaceId(1)));
        assert_eq!(index.country_claims.get("RU"), Some(&3));
    }

    #[test]
    fn a_place_whose_only_mention_was_rejected_has_no_marker() {
        let corpus = corpus_with(vec![
            place(0, "Kursk", PlaceKind::Region, 36.29, 51.73),
            place(1, "Kursk", PlaceKind::City, 36.18, 51.72),
            place(2, "Moscow", PlaceKind::City, 37.6, 55.75),
        ]);
        let mut parts = corpus.into_parts();
        parts.mentions[2].review = crate::model::Review::Rejected;
        let corpus = Corpus::from_parts(parts);
        let index = CorpusIndex::new(&corpus);
        assert_eq!(index.groups.len(), 2);
        assert!(index.group(PlaceId(2)).is_none());
        assert!(index.claims_about(PlaceId(2)).is_empty());
    }
}
