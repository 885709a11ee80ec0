//! Toponym resolution: picks, for each recognised name, the gazetteer place it means.
//!
//! Each reading is scored by what it is (country > continent/curated area > region > city by
//! population, capitals first), then by the document: the countries it names (an article
//! that names the United States means the state of Georgia, one about the Caucasus the
//! country), an explicit qualifier ("Kursk, Russia", "Portland, Oregon") and the dateline.
//! One sense per discourse: a name keeps its best reading throughout the document unless a
//! qualifier says otherwise. Every mention keeps its confidence and its next best readings.

use std::collections::HashMap;

use super::{Candidate, GazId, Gazetteer, NameKind};
use crate::model::PlaceKind;

/// A candidate with its chosen place.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub place: GazId,
    /// 0..=1.
    pub confidence: f32,
    /// Next best readings, best first (at most four).
    pub alternatives: Vec<GazId>,
}

fn prior(g: &Gazetteer, id: GazId, name: NameKind) -> f64 {
    let e = g.entry(id);
    let kind = match e.kind {
        PlaceKind::Country => 6.0,
        PlaceKind::Continent | PlaceKind::Area | PlaceKind::Sea => 5.5,
        PlaceKind::Region => 3.8,
        PlaceKind::City | PlaceKind::Feature => {
            let pop = (e.population.max(1) as f64).log10(); // 3.7 .. 7.4
            let mut s = pop * 0.8 - 1.0;
            if e.is_capital() {
                s += 1.5;
            } else if e.is_admin_seat() {
                s += 0.5;
            }
            s
        }
    };
    let name_weight = match name {
        NameKind::Primary | NameKind::Demonym | NameKind::Abbreviation => 0.0,
        NameKind::Alternate => -0.8,
    };
    kind + name_weight
}

/// Resolves every candidate of one document. `qualifiers[i]` is the candidate index that
/// qualifies candidate `i` ("Kursk, Russia"), when there is one.
pub fn resolve(
    g: &Gazetteer,
    candidates: &[Candidate],
    qualifiers: &[Option<usize>],
) -> Vec<Option<Resolved>> {
    // the document's countries: weight of each country code
    let mut context: HashMap<[u8; 2], f64> = HashMap::new();
    let mut total = 0.0;
    for c in candidates {
        let distinct_countries: Vec<[u8; 2]> = {
            let mut v: Vec<[u8; 2]> = c
                .readings
                .iter()
                .map(|&(id, _)| g.entry(id).country)
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        if distinct_countries.len() == 1 && distinct_countries[0] != [0, 0] {
            *context.entry(distinct_countries[0]).or_default() += 1.0;
            total += 1.0;
        } else if let Some(&(id, _)) = c
            .readings
            .iter()
            .find(|&&(id, _)| g.entry(id).kind == PlaceKind::Country)
        {
            *context.entry(g.entry(id).country).or_default() += 0.5;
            total += 0.5;
        }
    }
    let share = |cc: [u8; 2]| -> f64 {
        if total == 0.0 {
            0.0
        } else {
            context.get(&cc).copied().unwrap_or(0.0) / total
        }
    };

    let mut scored: Vec<Vec<(GazId, f64)>> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut v: Vec<(GazId, f64)> = c
                .readings
                .iter()
                .map(|&(id, kind)| {
                    let e = g.entry(id);
                    let mut s = prior(g, id, kind);
                    if e.kind != PlaceKind::Country {
                        s += 3.0 * share(e.country);
                    }
                    if let Some(q) = qualifiers[i] {
                        let qual = &candidates[q];
                        if qual.readings.iter().any(|&(qid, _)| {
                            let qe = g.entry(qid);
                            (qe.kind == PlaceKind::Country && qe.country == e.country)
                                || e.admin1 == Some(qid)
                        }) {
                            s += 6.0;
                        }
                    }
                    (id, s)
                })
                .collect();
            // the same place under several names: keep its best
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut seen = Vec::new();
            v.retain(|(id, _)| {
                if seen.contains(id) {
                    false
                } else {
                    seen.push(*id);
                    true
                }
            });
            v
        })
        .collect();

    // one sense per discourse: an unqualified name takes the reading its most confident
    // mention chose
    let mut best_by_key: HashMap<&str, (GazId, f64)> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        if let Some(&(id, s)) = scored[i].first() {
            let conf = s - scored[i].get(1).map_or(s - 10.0, |x| x.1);
            let e = best_by_key.entry(c.key.as_str()).or_insert((id, conf));
            if conf > e.1 {
                *e = (id, conf);
            }
        }
    }
    for (i, c) in candidates.iter().enumerate() {
        if qualifiers[i].is_some() {
            continue;
        }
        if let Some(&(id, _)) = best_by_key.get(c.key.as_str())
            && let Some(pos) = scored[i].iter().position(|x| x.0 == id)
            && pos > 0
        {
            let top = scored[i][0].1;
            scored[i][pos].1 = top + 0.01;
            scored[i].sort_by(|a, b| b.1.total_cmp(&a.1));
        }
    }

    scored
        .into_iter()
        .map(|v| {
            let &(place, top) = v.first()?;
            let z: f64 = v.iter().map(|x| (x.1 - top).exp()).sum();
            Some(Resolved {
                place,
                confidence: (1.0 / z) as f32,
                alternatives: v.iter().skip(1).take(4).map(|x| x.0).collect(),
            })
        })
        .collect()
}
