//! A learned chooser among the readings of one cue: which span is its content ("the rest of
//! the sentence", "the object up to the comma", "the quotation before it", ...), or no claim
//! at all. A linear model over hashed features, trained with the averaged perceptron on the
//! PolNeAR train split by `examples/train_content_ranker.rs`; the weights ship in
//! `assets/claims/content_ranker.bin`.
//!
//! Why: each attribution pattern knows one shape; which shape a cue takes depends on the cue
//! word, the punctuation around it and where it stands, and the train split says how often.

use super::model::ModelError;
use super::packed;

static BUNDLED: &[u8] = include_bytes!("../../assets/claims/content_ranker.bin");
const MAGIC: &[u8; 4] = b"CMRK";

/// Scores readings; the best one wins.
pub struct Ranker {
    bits: u32,
    weights: Vec<f32>,
}

impl Ranker {
    pub fn bundled() -> Result<Ranker, ModelError> {
        Ranker::from_bytes(BUNDLED)
    }

    pub fn new(bits: u32) -> Ranker {
        Ranker {
            bits,
            weights: vec![0.0; 1usize << bits],
        }
    }

    fn slot(&self, h: u64) -> usize {
        (h & ((1u64 << self.bits) - 1)) as usize
    }

    pub fn score(&self, features: &[u64]) -> f32 {
        features.iter().map(|&h| self.weights[self.slot(h)]).sum()
    }

    /// The index of the best reading (the first on ties).
    pub fn best<'a>(&self, readings: impl IntoIterator<Item = &'a [u64]>) -> usize {
        let mut best = (f32::NEG_INFINITY, 0);
        for (i, f) in readings.into_iter().enumerate() {
            let s = self.score(f);
            if s > best.0 {
                best = (s, i);
            }
        }
        best.1
    }

    /// "CMRK", u32 version, u32 bits, f32 scale, then `2^bits` i16 weights.
    pub fn from_bytes(data: &[u8]) -> Result<Ranker, ModelError> {
        let packed::Packed {
            bits,
            scale,
            weights,
            rest,
        } = packed::read(data, MAGIC, 1)?;
        if !rest.is_empty() {
            return Err(ModelError::Corrupt("size disagrees with header"));
        }
        let weights = weights.into_iter().map(|w| w as f32 * scale).collect();
        Ok(Ranker { bits, weights })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let (scale, weights) = packed::quantise(&self.weights);
        packed::write(MAGIC, self.bits, scale, &weights)
    }
}

/// Averaged perceptron training of a [`Ranker`].
pub struct RankTrainer {
    ranker: Ranker,
    acc: Vec<f32>,
    step: f32,
}

impl RankTrainer {
    pub fn new(bits: u32) -> RankTrainer {
        RankTrainer {
            acc: vec![0.0; 1usize << bits],
            ranker: Ranker::new(bits),
            step: 1.0,
        }
    }

    /// One choice: if the best-scored reading is not `gold`, move the weights toward it.
    pub fn learn(&mut self, readings: &[Vec<u64>], gold: usize) -> bool {
        let guess = self.ranker.best(readings.iter().map(Vec::as_slice));
        if guess != gold {
            for (f, d) in [(&readings[gold], 1.0f32), (&readings[guess], -1.0)] {
                for &h in f {
                    let at = self.ranker.slot(h);
                    self.ranker.weights[at] += d;
                    self.acc[at] += d * self.step;
                }
            }
        }
        self.step += 1.0;
        guess == gold
    }

    pub fn ranker(&self) -> &Ranker {
        &self.ranker
    }

    pub fn finish(mut self) -> Ranker {
        for (w, a) in self.ranker.weights.iter_mut().zip(&self.acc) {
            *w -= a / self.step;
        }
        self.ranker
    }
}

impl Ranker {
    /// The mean of rankers trained in different orders: a perceptron's choices between close
    /// readings follow the order it saw the examples in, their mean does not.
    pub fn mean(rankers: &[Ranker]) -> Option<Ranker> {
        let first = rankers.first()?;
        let mut out = Ranker::new(first.bits);
        for r in rankers.iter().filter(|r| r.bits == first.bits) {
            for (o, w) in out.weights.iter_mut().zip(&r.weights) {
                *o += w / rankers.len() as f32;
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trained_ranker_packs_and_picks_the_same() {
        let mut t = RankTrainer::new(8);
        let readings = vec![vec![1u64], vec![2, 3], vec![4]];
        for _ in 0..4 {
            t.learn(&readings, 1);
        }
        let r = t.finish();
        assert_eq!(r.best(readings.iter().map(Vec::as_slice)), 1);
        let back = Ranker::from_bytes(&r.to_bytes()).unwrap();
        assert_eq!(back.best(readings.iter().map(Vec::as_slice)), 1);
        assert!(Ranker::from_bytes(&r.to_bytes()[..10]).is_err());
    }

    #[test]
    fn the_mean_of_rankers_scores_as_their_mean() {
        let readings = vec![vec![1u64], vec![2, 3], vec![4]];
        let train = |gold: usize| {
            let mut t = RankTrainer::new(8);
            for _ in 0..4 {
                t.learn(&readings, gold);
            }
            t.finish()
        };
        let (a, b) = (train(1), train(2));
        let m = Ranker::mean(&[a, b]).unwrap();
        let (a, b) = (train(1), train(2));
        for r in &readings {
            let want = (a.score(r) + b.score(r)) / 2.0;
            assert!((m.score(r) - want).abs() < 1e-6, "{r:?}");
        }
        assert!(Ranker::mean(&[]).is_none());
    }
}
