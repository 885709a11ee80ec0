//! Conflicts: claims whose figures for one count cannot both be true ("3,000 soldiers" and
//! "10,000 troops"; not "at least 3,000" and "10,000"; "up to 3,000" and "10,000" are).
//!
//! Within a story every two claims with figures are compared, a claim with only bare
//! numbers ("3,000 had been sent") taken to count the one thing the other claim counts, and
//! percentages only between claims that give one each (a poll's table of shares is no one
//! count). Across stories, claims are compared when their figures count the same noun (not
//! a span of time: "three years" and "five years" are seldom one count), they name the
//! same place, say more than the noun alike ("sent troops" and "sent troops", not "sent
//! troops" and "lost troops") and their dates lie within [`WINDOW_DAYS`] (or one is
//! undated). Two claims disagree on a count when neither's figures for it are all allowed
//! by the other's: "45 and 41 percent" and "45 percent" agree, "45 and 41" and "47" do not.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::figure_key;
use crate::model::{ClaimId, Corpus, Day, Figure, PlaceId, StoryId};
use crate::text::WordHasher;

/// Claims in different stories are compared when their dates are this close.
pub const WINDOW_DAYS: i64 = 30;

type Map<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// What a figure counts, as far as comparing goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyKind {
    /// A noun ("troop", "worker").
    Noun,
    /// A percentage: compared only within a story, one against one.
    Percent,
    /// A currency: compared only within a story.
    Money,
    /// A span of time ("years", "days"): compared only within a story.
    Duration,
    /// No unit ("at least 3,000").
    Bare,
}

/// A figure reduced to what it counts and the values it allows.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Counted {
    key: u32,
    low: f64,
    high: f64,
}

impl Counted {
    fn agrees(&self, other: &Counted) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

/// Units that are spans of time, as [`count_key`](crate::corpus::figures::count_key) writes
/// them.
const DURATIONS: &[&str] = &[
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "time",
];

/// Nouns too general to say two claims in different stories count one thing ("two states"
/// to vote first, "four states" to organise in).
const GENERAL: &[&str] = &[
    "state", "country", "county", "city", "nation", "region", "place", "point", "thing", "way",
];

/// For each claim, the claims whose figures disagree with its own, in corpus order.
/// `say_alike(a, b)`: two claims of different stories share more than the noun they count.
pub(super) fn find(
    figures: &[Vec<Figure>],
    claim_story: &[Option<StoryId>],
    members: &[Vec<usize>],
    dates: &[Option<Day>],
    corpus: &Corpus,
    say_alike: &dyn Fn(usize, usize) -> bool,
) -> Vec<Vec<ClaimId>> {
    let n = figures.len();
    let mut keys: Map<String, u32> = Map::default();
    let mut kinds: Vec<KeyKind> = Vec::new();
    let counted: Vec<Vec<Counted>> = figures
        .iter()
        .map(|figs| {
            let mut out: Vec<Counted> = figs
                .iter()
                .filter(|f| !f.is_each)
                .map(|f| {
                    let name = figure_key(f);
                    let next = keys.len() as u32;
                    let key = *keys.entry(name.clone()).or_insert_with(|| {
                        kinds.push(match name.as_str() {
                            "" => KeyKind::Bare,
                            "%" => KeyKind::Percent,
                            k if k.bytes().all(|b| b.is_ascii_uppercase()) => KeyKind::Money,
                            k if DURATIONS.contains(&k) => KeyKind::Duration,
                            _ => KeyKind::Noun,
                        });
                        next
                    });
                    let (low, high) = f.bounds();
                    Counted { key, low, high }
                })
                .collect();
            out.sort_by(|a, b| a.key.cmp(&b.key).then(a.low.total_cmp(&b.low)));
            out
        })
        .collect();
    let mut conflicts: Vec<Vec<ClaimId>> = vec![Vec::new(); n];
    let mut flag = |a: usize, b: usize| {
        conflicts[a].push(ClaimId(b as u32));
        conflicts[b].push(ClaimId(a as u32));
    };

    // within a story: claims with the same figures compared once
    for m in members {
        let mut signatures: Vec<(&[Counted], Vec<usize>)> = Vec::new();
        for &c in m {
            if counted[c].is_empty() {
                continue;
            }
            match signatures.iter_mut().find(|s| s.0 == counted[c].as_slice()) {
                Some(s) => s.1.push(c),
                None => signatures.push((&counted[c], vec![c])),
            }
        }
        for x in 0..signatures.len() {
            for y in x + 1..signatures.len() {
                if disagree(signatures[x].0, signatures[y].0, &kinds, true) {
                    for &a in &signatures[x].1 {
                        for &b in &signatures[y].1 {
                            flag(a, b);
                        }
                    }
                }
            }
        }
    }

    // across stories: the same noun and place, within the window
    let mut general = vec![false; kinds.len()];
    for (name, &key) in &keys {
        general[key as usize] = GENERAL.contains(&name.as_str());
    }
    let mut blocks: Map<(u32, PlaceId), Vec<usize>> = Map::default();
    for (c, figs) in counted.iter().enumerate() {
        let mut last = None;
        for f in figs
            .iter()
            .filter(|f| kinds[f.key as usize] == KeyKind::Noun)
        {
            if last == Some(f.key) {
                continue;
            }
            last = Some(f.key);
            for &p in corpus.places_of(ClaimId(c as u32)) {
                blocks.entry((f.key, p)).or_default().push(c);
            }
        }
    }
    let mut blocks: Vec<((u32, PlaceId), Vec<usize>)> = blocks.into_iter().collect();
    blocks.sort_unstable_by_key(|b| b.0);
    for ((key, _), mut block) in blocks {
        if block.len() < 2 {
            continue;
        }
        // undated first: they are compared with every other
        block.sort_by_key(|&c| (dates[c].map(Day::days_since_epoch), c));
        for x in 0..block.len() {
            let a = block[x];
            for &b in &block[x + 1..] {
                if let (Some(da), Some(db)) = (dates[a], dates[b])
                    && db.days_since_epoch() - da.days_since_epoch() > WINDOW_DAYS
                {
                    break;
                }
                if claim_story[a] == claim_story[b] || !say_alike(a, b) {
                    continue;
                }
                let (fa, fb) = (of_key(&counted[a], key), of_key(&counted[b], key));
                if !covered(fa, fb) && !covered(fb, fa) {
                    flag(a, b);
                }
            }
        }
    }
    for list in &mut conflicts {
        list.sort_unstable();
        list.dedup();
    }
    conflicts
}

/// The figures of one key (the list is sorted by key).
fn of_key(figs: &[Counted], key: u32) -> &[Counted] {
    let start = figs.partition_point(|f| f.key < key);
    let end = figs.partition_point(|f| f.key <= key);
    &figs[start..end]
}

/// Every figure of `a` is allowed by some figure of `b`.
fn covered(a: &[Counted], b: &[Counted]) -> bool {
    a.iter().all(|x| b.iter().any(|y| x.agrees(y)))
}

/// Whether two claims' figures disagree on some count. `loose`: a claim with only bare
/// numbers counts the one noun the other claim counts (within a story, where both speak of
/// one thing).
fn disagree(a: &[Counted], b: &[Counted], kinds: &[KeyKind], loose: bool) -> bool {
    let kind = |f: &Counted| kinds[f.key as usize];
    // the one noun a claim counts, if it counts one and nothing else but bare numbers
    let only_noun = |figs: &[Counted]| {
        let mut nouns = figs.iter().filter(|f| kind(f) == KeyKind::Noun);
        let first = nouns.next()?.key;
        nouns.all(|f| f.key == first).then_some(first)
    };
    let is_bare = |figs: &[Counted]| figs.iter().all(|f| kind(f) == KeyKind::Bare);
    let mut ks: Vec<u32> = a.iter().chain(b).map(|f| f.key).collect();
    ks.sort_unstable();
    ks.dedup();
    ks.into_iter().any(|key| {
        let (mut fa, mut fb) = (of_key(a, key), of_key(b, key));
        match kinds[key as usize] {
            KeyKind::Bare if loose => {
                if fb.is_empty()
                    && is_bare(a)
                    && let Some(k) = only_noun(b)
                {
                    fb = of_key(b, k);
                }
                if fa.is_empty()
                    && is_bare(b)
                    && let Some(k) = only_noun(a)
                {
                    fa = of_key(a, k);
                }
            }
            KeyKind::Percent if fa.len() != 1 || fb.len() != 1 => return false,
            _ => {}
        }
        !fa.is_empty() && !fb.is_empty() && !covered(fa, fb) && !covered(fb, fa)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BARE: u32 = 0;
    const TROOP: u32 = 1;
    const PERCENT: u32 = 2;
    const KINDS: [KeyKind; 3] = [KeyKind::Bare, KeyKind::Noun, KeyKind::Percent];

    fn at(key: u32, low: f64, high: f64) -> Counted {
        Counted { key, low, high }
    }

    #[test]
    fn figures_disagree_beyond_their_qualifiers() {
        let ten_thousand = [at(TROOP, 9900.0, 10100.0)];
        for (other, is_conflict) in [
            (vec![at(TROOP, 2970.0, 3030.0)], true),
            // "at least 3,000"
            (vec![at(TROOP, 3000.0, f64::INFINITY)], false),
            // "up to 3,000"
            (vec![at(TROOP, 0.0, 3000.0)], true),
            // "about 11,000"
            (vec![at(TROOP, 9900.0, 12100.0)], false),
            // a bare "3,000" in a story about troops
            (vec![at(BARE, 2970.0, 3030.0)], true),
        ] {
            assert_eq!(
                disagree(&ten_thousand, &other, &KINDS, true),
                is_conflict,
                "{other:?}"
            );
        }
    }

    #[test]
    fn a_claim_that_gives_more_figures_agrees_with_one_that_gives_some_of_them() {
        let both = [at(TROOP, 2970.0, 3030.0), at(TROOP, 9900.0, 10100.0)];
        assert!(!disagree(&both, &[at(TROOP, 2970.0, 3030.0)], &KINDS, true));
        assert!(disagree(
            &both,
            &[at(TROOP, 11880.0, 12120.0)],
            &KINDS,
            true
        ));
    }

    #[test]
    fn shares_disagree_only_one_against_one() {
        let one = [at(PERCENT, 44.5, 45.5)];
        assert!(disagree(&one, &[at(PERCENT, 46.5, 47.5)], &KINDS, true));
        // a poll's table: 45 percent for one, 41 for another
        let table = [at(PERCENT, 40.5, 41.5), at(PERCENT, 44.5, 45.5)];
        assert!(!disagree(&table, &[at(PERCENT, 46.5, 47.5)], &KINDS, true));
    }
}
