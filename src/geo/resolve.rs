//! Toponym resolution: picks, for each recognised name, the gazetteer place it means.
//!
//! Each reading is scored by what it is (country > continent/curated area > region > city by
//! population, capitals first), then by the document: the countries and regions it names (an
//! article that names the United States means the state of Georgia, one about the Caucasus
//! the country; one that names New Jersey means its Riverdale), an explicit qualifier ("Kursk,
//! Russia", "Springfield, Ill.") and the dateline. One sense per discourse: a name keeps its
//! best reading throughout the document unless a qualifier says otherwise.
//!
//! A named feature the gazetteer does not hold ("Royal Street", "Holy Redeemer Church") is put
//! at the city named inside it ("Manila Cathedral"), or else where the article is: its dateline
//! city, or the city it names most. A feature in an article with no such city is left out.
//!
//! Every mention keeps its confidence and its next best readings.

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

/// The share of the article's places a country needs for its regions to beat a foreign
/// country of the same name ("Georgia" in an article about US primaries).
const HOME_SHARE: f64 = 0.5;

/// Whether a name that may be `country` may also be a first-level region of another country
/// ("Georgia").
fn has_foreign_namesake_region(
    g: &Gazetteer,
    readings: &[(GazId, NameKind)],
    country: GazId,
) -> bool {
    let cc = g.facts(country).country;
    readings.iter().any(|&(id, _)| {
        let e = g.facts(id);
        e.kind == PlaceKind::Region && e.country != cc
    })
}

/// A city at least this large keeps its name from the region it lies in ("New York" is the
/// city in the news; "Oklahoma" is the state).
const NAMESAKE_METROPOLIS: u32 = 5_000_000;

/// What a region gains when a city the document names lies in it.
const VOUCHED_REGION: f64 = 2.5;

/// A city the article names this often is where the article is (without a dateline). Two
/// would leave more features off the map (dev: F1 0.909, acc@161 0.922 against 0.915, 0.916).
const FOCUS_MENTIONS: usize = 1;

/// How sure the resolver is of a feature put where the article is.
const FEATURE_CONFIDENCE: f32 = 0.3;

fn prior(g: &Gazetteer, id: GazId, name: NameKind) -> f64 {
    let e = g.facts(id);
    let log_pop = (e.population.max(1) as f64).log10();
    let kind = match e.kind {
        // a country beats its namesake capital ("Mexico"), a big country a small one that
        // shares its demonym ("American", "French")
        PlaceKind::Country => 7.5 + 0.15 * log_pop,
        PlaceKind::Continent | PlaceKind::Area | PlaceKind::Sea => 6.0,
        PlaceKind::Region => 3.8,
        PlaceKind::City | PlaceKind::Feature => {
            let mut s = log_pop * 0.8 - 1.0; // 2.2 .. 5.0
            if e.is_capital() {
                s += 1.5;
            } else if e.is_admin_seat() {
                s += 0.5;
            }
            s
        }
    };
    let name_weight = match name {
        NameKind::Primary
        | NameKind::Demonym
        | NameKind::Language
        | NameKind::Abbreviation
        | NameKind::Institution
        | NameKind::Landmark => 0.0,
        // kept by the recogniser only right after a place: "Springfield, Ill."
        NameKind::Postal => 3.0,
        // a city's other names are often some other city's old one ("Salisbury" for Harare)
        NameKind::Alternate if e.kind == PlaceKind::City => -2.0,
        NameKind::Alternate => -0.8,
    };
    kind + name_weight
}

/// A town this small (the gazetteer holds them only under names no larger place has) is a
/// reading only in an article that names its country otherwise: "Samos" in a story about
/// Greece, not a French "Marigny" in one about New Orleans.
const HAMLET: u32 = 5_000;

fn is_hamlet(g: &Gazetteer, id: GazId) -> bool {
    let e = g.facts(id);
    e.kind == PlaceKind::City && e.population < HAMLET
}

/// A city below this size is a reading under another of its names ("Hamas" for Hamm, "Julia"
/// for Plovdiv: GeoNames keeps old, foreign and joke names) only in an article that names its
/// country otherwise, like a hamlet; "Kiev" and "Bombay" need no such help.
const METROPOLIS: u32 = 1_000_000;

/// A reading that needs the article to name its country otherwise: a hamlet, or a city
/// under a name that is not its own.
fn needs_country(g: &Gazetteer, id: GazId, name: NameKind) -> bool {
    let e = g.facts(id);
    is_hamlet(g, id)
        || (e.kind == PlaceKind::City && name == NameKind::Alternate && e.population < METROPOLIS)
}

/// The places a document names with one meaning, weighted: its context. Names whose every
/// reading [needs its country named](needs_country) do not count.
#[derive(Default)]
struct Context {
    countries: HashMap<[u8; 2], f64>,
    regions: HashMap<GazId, f64>,
    total: f64,
}

impl Context {
    fn of(g: &Gazetteer, candidates: &[Candidate]) -> Context {
        let mut cx = Context::default();
        // hamlets only count once the document's other names vouch for their country
        for c in candidates
            .iter()
            .filter(|c| !c.is_feature && !c.readings.iter().all(|&(id, k)| needs_country(g, id, k)))
        {
            let weight = if c.is_dateline { 3.0 } else { 1.0 };
            let first = c.readings.first().map(|&(id, _)| g.facts(id));
            let same_country = first.is_some_and(|f| {
                c.readings
                    .iter()
                    .all(|&(id, _)| g.facts(id).country == f.country)
            });
            if let Some(f) = first.filter(|f| same_country && f.country != [0, 0]) {
                *cx.countries.entry(f.country).or_default() += weight;
                cx.total += weight;
            } else if let Some(&(id, _)) = c
                .readings
                .iter()
                .filter(|&&(id, _)| g.facts(id).kind == PlaceKind::Country)
                .max_by_key(|&&(id, _)| g.facts(id).population)
                // ("Georgia" is no vote for the country while it may be a US state)
                .filter(|&&(id, _)| !has_foreign_namesake_region(g, &c.readings, id))
            {
                *cx.countries.entry(g.facts(id).country).or_default() += 0.5 * weight;
                cx.total += 0.5 * weight;
            }
            // the region: named, or the one every reading lies in
            let region_of = |id: GazId| {
                let e = g.facts(id);
                if e.kind == PlaceKind::Region {
                    Some(id)
                } else {
                    e.admin1
                }
            };
            let regions: Vec<Option<GazId>> =
                c.readings.iter().map(|&(id, _)| region_of(id)).collect();
            if let Some(Some(r)) = regions.first()
                && regions.iter().all(|x| *x == Some(*r))
            {
                *cx.regions.entry(*r).or_default() += weight;
            }
        }
        cx
    }

    fn country_share(&self, cc: [u8; 2]) -> f64 {
        if self.total == 0.0 {
            0.0
        } else {
            self.countries.get(&cc).copied().unwrap_or(0.0) / self.total
        }
    }

    fn region_weight(&self, region: Option<GazId>) -> f64 {
        region.map_or(0.0, |r| self.regions.get(&r).copied().unwrap_or(0.0))
    }
}

/// Resolves every candidate of one document. `qualifiers[i]` is the candidate index that
/// qualifies candidate `i` ("Kursk, Russia"), when there is one.
pub fn resolve(
    g: &Gazetteer,
    candidates: &[Candidate],
    qualifiers: &[Option<usize>],
) -> Vec<Option<Resolved>> {
    let cx = Context::of(g, candidates);
    let mut scored: Vec<Vec<(GazId, f64)>> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut v: Vec<(GazId, f64)> = c
                .readings
                .iter()
                .filter(|&&(id, k)| {
                    !needs_country(g, id, k) || cx.country_share(g.facts(id).country) > 0.0
                })
                .map(|&(id, kind)| {
                    let e = g.facts(id);
                    let mut s = prior(g, id, kind);
                    match e.kind {
                        // a country is its own context
                        PlaceKind::Country => {}
                        PlaceKind::Region => s += 3.0 * cx.country_share(e.country),
                        PlaceKind::City => {
                            s += 3.0 * cx.country_share(e.country)
                                + 0.8 * cx.region_weight(e.admin1).min(1.5)
                        }
                        _ => s += 3.0 * cx.country_share(e.country),
                    }
                    if let Some(q) = qualifiers[i] {
                        let qual = &candidates[q];
                        if qual.readings.iter().any(|&(qid, _)| {
                            let qe = g.facts(qid);
                            (qe.kind == PlaceKind::Country && qe.country == e.country)
                                || e.admin1 == Some(qid)
                        }) {
                            s += 6.0;
                        }
                    }
                    (id, s)
                })
                .collect();
            // "Georgia" in an article about US primaries: a region of the country the article
            // is about beats a foreign country of the same name it names nowhere else
            let foreign_country = v
                .iter()
                .filter(|&&(id, _)| g.facts(id).kind == PlaceKind::Country)
                .filter(|&&(id, _)| cx.country_share(g.facts(id).country) == 0.0)
                .map(|x| x.1)
                .fold(f64::NEG_INFINITY, f64::max);
            if foreign_country.is_finite() {
                for (id, s) in v.iter_mut() {
                    let e = g.facts(*id);
                    if e.kind == PlaceKind::Region && cx.country_share(e.country) >= HOME_SHARE {
                        *s = s.max(foreign_country + 0.5);
                    }
                }
            }
            // "Oklahoma" is the state, not Oklahoma City: a city written by the short form of
            // its name yields to the region of that name it lies in, unless it is a capital or
            // a metropolis the news names so ("New York"); Jerusalem the city keeps its name
            // from its district
            let regions: Vec<GazId> = v
                .iter()
                .filter(|&&(id, _)| g.facts(id).kind == PlaceKind::Region)
                .map(|x| x.0)
                .collect();
            if !regions.is_empty() {
                let region_score = |r: GazId| v.iter().find(|x| x.0 == r).map_or(0.0, |x| x.1);
                let yields: Vec<(usize, f64)> = v
                    .iter()
                    .enumerate()
                    .filter_map(|(k, &(id, _))| {
                        let e = g.facts(id);
                        let r = e.admin1.filter(|r| regions.contains(r))?;
                        (e.kind == PlaceKind::City
                            && !e.is_capital()
                            && e.population < NAMESAKE_METROPOLIS
                            && crate::text::normalize(&g.entry(id).name) != c.key)
                            .then(|| (k, region_score(r) - 0.5))
                    })
                    .collect();
                for (k, cap) in yields {
                    v[k].1 = v[k].1.min(cap);
                }
            }
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

    // "Atlanta ... Georgia": a region that a city the document names under another name lies
    // in is the region meant
    let mut vouched: Vec<(GazId, &str)> = Vec::new();
    for (c, v) in candidates.iter().zip(&scored) {
        if let Some(&(id, _)) = v.first()
            && !c.is_feature
            && g.facts(id).kind == PlaceKind::City
            && let Some(r) = g.facts(id).admin1
        {
            vouched.push((r, c.key.as_str()));
        }
    }
    for (c, v) in candidates.iter().zip(scored.iter_mut()) {
        let mut changed = false;
        // "New York": the state's cities vouch for the city of the same name as much
        let cities_in: Vec<GazId> = v.iter().filter_map(|&(id, _)| g.facts(id).admin1).collect();
        for (id, s) in v.iter_mut() {
            if g.facts(*id).kind == PlaceKind::Region
                && !cities_in.contains(id)
                && vouched.iter().any(|&(r, key)| r == *id && key != c.key)
            {
                *s += VOUCHED_REGION;
                changed = true;
            }
        }
        if changed {
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        }
    }

    // one sense per discourse: an unqualified name takes the reading its most confident
    // mention chose
    let mut best_by_key: HashMap<&str, (GazId, f64)> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        if c.is_feature {
            continue;
        }
        if let Some(&(id, s)) = scored[i].first() {
            let conf = s - scored[i].get(1).map_or(s - 10.0, |x| x.1);
            let e = best_by_key.entry(c.key.as_str()).or_insert((id, conf));
            if conf > e.1 {
                *e = (id, conf);
            }
        }
    }
    for (i, c) in candidates.iter().enumerate() {
        if qualifiers[i].is_some() || c.is_feature {
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

    let focus = focus_city(g, candidates, &scored);
    // the places the document names outside features: a feature's inner town counts only if
    // the text names it on its own too
    let named: Vec<GazId> = candidates
        .iter()
        .zip(&scored)
        .filter(|(c, _)| !c.is_feature)
        .filter_map(|(_, v)| v.first().map(|x| x.0))
        .collect();
    scored
        .iter()
        .zip(candidates)
        .enumerate()
        .map(|(i, (v, c))| {
            // "Wall Street" is where it is, whatever city the article is about
            if c.is_feature
                && let Some(&(place, NameKind::Landmark)) = c.readings.first()
            {
                return Some(Resolved {
                    place,
                    confidence: 1.0,
                    alternatives: Vec::new(),
                });
            }
            if c.is_feature {
                let qualifier = qualifiers[i].and_then(|q| scored[q].first().map(|x| x.0));
                return place_feature(g, &cx, v, &named, qualifier, focus);
            }
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

/// Where the article is: its dateline city, or else the city it names most (the first of
/// equals) in the country it names most.
fn focus_city(
    g: &Gazetteer,
    candidates: &[Candidate],
    scored: &[Vec<(GazId, f64)>],
) -> Option<GazId> {
    let best = |i: usize| scored[i].first().map(|x| x.0);
    let is_city = |id: GazId| g.facts(id).kind == PlaceKind::City;
    if let Some(d) = candidates
        .iter()
        .position(|c| c.is_dateline && !c.is_feature)
        .and_then(best)
        .filter(|&id| is_city(id))
    {
        return Some(d);
    }
    // the country the document's resolved places lie in most often
    let mut by_country: Vec<([u8; 2], usize)> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        if c.is_feature {
            continue;
        }
        if let Some(cc) = best(i)
            .map(|id| g.facts(id).country)
            .filter(|cc| cc != &[0, 0])
        {
            match by_country.iter_mut().find(|x| x.0 == cc) {
                Some(x) => x.1 += 1,
                None => by_country.push((cc, 1)),
            }
        }
    }
    let top = by_country.iter().map(|x| x.1).max();
    let main_country = by_country.iter().find(|x| Some(x.1) == top).map(|x| x.0);
    let mut counts: Vec<(GazId, usize)> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        if c.is_feature || c.readings.iter().all(|&(_, k)| k.is_demonym()) {
            continue;
        }
        if let Some(id) = best(i).filter(|&id| is_city(id)) {
            match counts.iter_mut().find(|x| x.0 == id) {
                Some(x) => x.1 += 1,
                None => counts.push((id, 1)),
            }
        }
    }
    counts.retain(|x| x.1 >= FOCUS_MENTIONS && Some(g.facts(x.0).country) == main_country);
    let max = counts.iter().map(|x| x.1).max()?;
    counts.iter().find(|x| x.1 == max).map(|x| x.0)
}

/// Where a feature is: at the city named inside it when the text names that city on its own
/// too ("Manila Cathedral" in an article about Manila) or when it is large and the article
/// has no city; else at the place that qualifies it ("Walker County (Ga.)"), else at the
/// article's city, else at the region or country named inside it.
fn place_feature(
    g: &Gazetteer,
    cx: &Context,
    inner: &[(GazId, f64)],
    named: &[GazId],
    qualifier: Option<GazId>,
    focus: Option<GazId>,
) -> Option<Resolved> {
    const KNOWN_CITY: u32 = 100_000;
    let inside = inner.first().map(|x| x.0);
    let inside_city = inside.filter(|&i| {
        let e = g.facts(i);
        e.kind == PlaceKind::City
            && (named.contains(&i)
                || cx.region_weight(e.admin1) > 0.0
                || (focus.is_none() && e.population >= KNOWN_CITY))
    });
    let contains = |outer: GazId, f: GazId| {
        let (oe, fe) = (g.facts(outer), g.facts(f));
        match oe.kind {
            PlaceKind::Country => oe.country == fe.country,
            PlaceKind::Region => fe.admin1 == Some(outer),
            _ => false,
        }
    };
    let inside_area = inside.filter(|&i| g.facts(i).kind != PlaceKind::City);
    let place = if let Some(i) = inside_city {
        i
    } else if let Some(q) = qualifier {
        match focus {
            Some(f) if contains(q, f) => f,
            _ => q,
        }
    } else if let Some(a) = inside_area {
        match focus {
            Some(f) if contains(a, f) => f,
            _ => a,
        }
    } else {
        focus?
    };
    Some(Resolved {
        place,
        confidence: FEATURE_CONFIDENCE,
        alternatives: inner
            .iter()
            .map(|x| x.0)
            .filter(|&x| x != place)
            .take(4)
            .collect(),
    })
}
