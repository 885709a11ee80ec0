//! Hash sets and maps keyed by short words, for the word lists compiled into claimmap.
//!
//! A multiply-rotate hash eight bytes at a time (as rustc's FxHash): every token of every
//! text is looked up in several of these, and SipHash's protection against flooding buys
//! nothing for keys that come from our own files.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // byte by byte into a register: copying into a buffer and reading it back as one
            // word stalls on the store (most words are shorter than eight bytes)
            let word = rest
                .iter()
                .enumerate()
                .fold(0u64, |w, (k, &b)| w | (b as u64) << (8 * k));
            self.add(word);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;
pub type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<WordHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_tail_hashes_as_if_padded_with_zeros() {
        let hash = |b: &[u8]| {
            let mut h = WordHasher::default();
            h.write(b);
            h.finish()
        };
        assert_eq!(hash(b"said"), hash(b"said\0\0\0\0"));
        assert_eq!(hash(b"announced"), hash(b"announced\0\0\0\0\0\0\0"));
        assert_ne!(hash(b"said"), hash(b"sad"));
    }
}
