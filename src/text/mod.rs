//! Text handling shared by the geoparser and the claim extractor: tokens, sentences, name
//! normalisation, hashing of words, and the byte ↔ code-point conversion of the evaluation
//! format.

mod normalize;
mod offsets;
mod sentences;
mod tokens;
mod word_hash;
mod word_list;

pub use normalize::{normalize, normalize_into};
pub use offsets::CodePoints;
pub use sentences::{Sentence, split_sentences};
pub use tokens::{QuoteSide, Token, TokenKind, tokenize};
pub use word_hash::{WordHasher, WordMap, WordSet};
pub use word_list::WordList;
