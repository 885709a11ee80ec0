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
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
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
