//! The file format both learned models ship in: a 4-byte magic, u32 version (1), u32 bits,
//! f32 scale, then the weights quantised to i16 (little-endian), then whatever the model
//! appends. Quantising halves the files and costs no accuracy the scorer can see.

use super::model::ModelError;

/// The scale and i16 values that stand for `weights`: the largest weight maps to i16::MAX.
pub fn quantise(weights: &[f32]) -> (f32, Vec<i16>) {
    let max = weights.iter().fold(0.0f32, |m, w| m.max(w.abs())).max(1e-9);
    let scale = max / i16::MAX as f32;
    (
        scale,
        weights.iter().map(|w| (w / scale).round() as i16).collect(),
    )
}

/// Packs quantised weights (the model's `2^bits × per_slot` table) after the header.
pub fn write(magic: &[u8; 4], bits: u32, scale: f32, weights: &[i16]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + weights.len() * 2 + 64);
    out.extend_from_slice(magic);
    out.extend_from_slice(&1u32.to_le_bytes());
    out.extend_from_slice(&bits.to_le_bytes());
    out.extend_from_slice(&scale.to_bits().to_le_bytes());
    for w in weights {
        out.extend_from_slice(&w.to_le_bytes());
    }
    out
}

/// A packed model as read: its table, and what the model appends after it.
pub struct Packed<'a> {
    pub bits: u32,
    /// What one unit of a weight is worth.
    pub scale: f32,
    pub weights: Vec<i16>,
    pub rest: &'a [u8],
}

/// Reads the header and `2^bits × per_slot` weights.
pub fn read<'a>(
    data: &'a [u8],
    magic: &[u8; 4],
    per_slot: usize,
) -> Result<Packed<'a>, ModelError> {
    let u32_at = |at: usize| -> Result<u32, ModelError> {
        data.get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or(ModelError::Corrupt("truncated"))
    };
    if data.len() < 16 || &data[..4] != magic || u32_at(4)? != 1 {
        return Err(ModelError::Corrupt("bad header"));
    }
    let bits = u32_at(8)?;
    if !(8..=24).contains(&bits) {
        return Err(ModelError::Corrupt("bad size"));
    }
    let scale = f32::from_bits(u32_at(12)?);
    let end = 16 + (1usize << bits) * per_slot * 2;
    let packed = data
        .get(16..end)
        .ok_or(ModelError::Corrupt("size disagrees with header"))?;
    let weights = packed
        .chunks_exact(2)
        .map(|b| i16::from_le_bytes([b[0], b[1]]))
        .collect();
    Ok(Packed {
        bits,
        scale,
        weights,
        rest: &data[end..],
    })
}

#[cfg(test)]
mod tests {
    use crate::claims::ranker::Ranker;

    #[test]
    fn the_shipped_ranker_reads_back_byte_for_byte() {
        let ranker = include_bytes!("../../assets/claims/content_ranker.bin");
        assert_eq!(Ranker::bundled().unwrap().to_bytes(), ranker);
    }
}
