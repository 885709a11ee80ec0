//! Where a claim comes from, so that a story counts its independent origins, not its
//! copies: a document that reprints an earlier one (shares most of its eight-word shingles
//! with it) is that one's origin, and a news agency ("Reuters", "Yonhap", "KCNA"), named as
//! the source or credited in the dateline ("SEOUL (Yonhap) -"), is one origin in every
//! outlet that runs its copy.
//!
//! Shingles are sampled (one hash in [`SAMPLE`] kept), so the index holds a few dozen per
//! article: 16,000 articles fit in a few megabytes and are read in one pass over their text.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::model::{Day, Document};
use crate::text::{WordHasher, normalize};

/// Words per shingle.
const SHINGLE: usize = 8;
/// One shingle in this many is kept (those whose hash is divisible by it).
const SAMPLE: u64 = 8;
/// A document is a reprint of an earlier one when at least this share of its sampled
/// shingles are that one's.
const REPRINT_SHARE: f64 = 0.5;
/// ... and it has at least this many sampled shingles (a few lines of text say too little).
const MIN_SHINGLES: usize = 3;

type Map<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// For each document, the earlier one it reprints, if any (the earliest of a chain of
/// reprints: a reprint of a reprint names the first). "Earlier" is by publication date, then
/// corpus order; an undated document comes after the dated ones. Only the documents
/// `is_read` says are compared (those with claims: the others are no claim's origin).
pub(super) fn reprints(documents: &[Document], is_read: &[bool]) -> Vec<Option<u32>> {
    let mut order: Vec<usize> = (0..documents.len())
        .filter(|&d| is_read.get(d).copied().unwrap_or(true))
        .collect();
    order.sort_by_key(|&d| (documents[d].published.unwrap_or(Day::MAX), d));
    let mut first_of: Map<u64, u32> = Map::default();
    let mut reprint_of: Vec<Option<u32>> = vec![None; documents.len()];
    let mut shingles: Vec<u64> = Vec::new();
    let mut hits: Vec<u32> = Vec::new();
    for &d in &order {
        sampled_shingles(&documents[d].text, &mut shingles);
        hits.clear();
        hits.extend(shingles.iter().filter_map(|s| first_of.get(s).copied()));
        if shingles.len() >= MIN_SHINGLES && !hits.is_empty() {
            hits.sort_unstable();
            let best = most_frequent(&hits);
            if best.1 as f64 >= REPRINT_SHARE * shingles.len() as f64 {
                let origin = reprint_of[best.0 as usize].unwrap_or(best.0);
                reprint_of[d] = Some(origin);
            }
        }
        for &s in &shingles {
            first_of.entry(s).or_insert(d as u32);
        }
    }
    reprint_of
}

/// The most frequent value of a sorted slice and its count (the smallest of equals).
fn most_frequent(sorted: &[u32]) -> (u32, usize) {
    let mut best = (sorted[0], 0);
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j < sorted.len() && sorted[j] == sorted[i] {
            j += 1;
        }
        if j - i > best.1 {
            best = (sorted[i], j - i);
        }
        i = j;
    }
    best
}

/// The distinct sampled shingle hashes of a text: runs of eight words (letters and digits,
/// case folded), hashed as a polynomial that rolls from one run to the next.
fn sampled_shingles(text: &str, out: &mut Vec<u64>) {
    const BASE: u64 = 0x0100_0000_01b3;
    // BASE to the power of SHINGLE: what the word leaving the window weighs
    let leaving = (0..SHINGLE).fold(1u64, |p, _| p.wrapping_mul(BASE));
    out.clear();
    let mut window = [0u64; SHINGLE];
    let mut words = 0usize;
    let mut rolling: u64 = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() && b[i] < 0x80 {
            i += 1;
            continue;
        }
        // eight bytes at a time, case folded
        let mut h: u64 = 0;
        let mut chunk: u64 = 0;
        let mut k = 0;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] >= 0x80) {
            chunk |= u64::from(b[i] | 0x20) << (8 * k);
            k += 1;
            if k == 8 {
                h = (h.rotate_left(5) ^ chunk).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
                chunk = 0;
                k = 0;
            }
            i += 1;
        }
        h = (h.rotate_left(5) ^ chunk).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        let slot = words % SHINGLE;
        rolling = rolling
            .wrapping_mul(BASE)
            .wrapping_add(h)
            .wrapping_sub(window[slot].wrapping_mul(leaving));
        window[slot] = h;
        words += 1;
        if words >= SHINGLE {
            let s = (rolling ^ (rolling >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            if s.is_multiple_of(SAMPLE) {
                out.push(s);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// News agencies whose copy runs in many outlets, by the words their names are written
/// with (normalised: lower case, no dots, hyphens as spaces), and the name they are counted
/// under.
const AGENCIES: &[(&[&str], &str)] = &[
    (&["reuters"], "Reuters"),
    (&["associated", "press"], "AP"),
    (&["ap"], "AP"),
    (&["agence", "france", "presse"], "AFP"),
    (&["afp"], "AFP"),
    (&["tass"], "TASS"),
    (&["kcna"], "KCNA"),
    (&["korean", "central", "news", "agency"], "KCNA"),
    (&["yonhap"], "Yonhap"),
    (&["xinhua"], "Xinhua"),
    (&["interfax"], "Interfax"),
    (&["ria", "novosti"], "RIA Novosti"),
    (&["ria"], "RIA Novosti"),
    (&["kyodo"], "Kyodo"),
    (&["dpa"], "dpa"),
    (&["efe"], "EFE"),
    (&["ansa"], "ANSA"),
    (&["anadolu"], "Anadolu"),
    (&["ukrinform"], "Ukrinform"),
    (&["unian"], "UNIAN"),
    (&["irna"], "IRNA"),
    (&["bernama"], "Bernama"),
    (&["press", "trust", "of", "india"], "PTI"),
    (&["pti"], "PTI"),
    (&["united", "press", "international"], "UPI"),
    (&["upi"], "UPI"),
    (&["bloomberg"], "Bloomberg"),
    (&["sputnik"], "Sputnik"),
];

/// The agency a source's name names ("North Korea's state news agency KCNA" → KCNA).
///
/// ```
/// # use claimmap::corpus::stories::agency;
/// assert_eq!(agency("the official KCNA news agency"), Some("KCNA"));
/// assert_eq!(agency("The Associated Press"), Some("AP"));
/// assert_eq!(agency("Ukraine's military intelligence"), None);
/// ```
pub fn agency(name: &str) -> Option<&'static str> {
    let n = normalize(name);
    let mut words: [&str; 16] = [""; 16];
    let mut len = 0;
    for w in n
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if len == words.len() {
            break;
        }
        words[len] = w;
        len += 1;
    }
    let words = &words[..len];
    AGENCIES.iter().find_map(|(alias, canonical)| {
        words
            .windows(alias.len())
            .any(|w| w == *alias)
            .then_some(*canonical)
    })
}

/// How far into a text a wire credit is looked for: the headline and the dateline.
const CREDIT_REACH: usize = 400;

/// The agency a document's dateline credits: "SEOUL, Nov 3 (Yonhap) --", "(AP) —".
pub(super) fn credited_agency(text: &str) -> Option<&'static str> {
    let mut end = CREDIT_REACH.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let mut rest = head;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let close = after.find(')')?;
        let inside = &after[..close];
        if inside.len() <= 40
            && let Some(a) = agency(inside)
        {
            return Some(a);
        }
        rest = &after[close..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, day: u8) -> Document {
        let mut d = Document::new("d", text);
        d.published = Day::new(2024, 11, day);
        d
    }

    const WIRE: &str = "North Korea has sent about 10,000 troops to Russia, where they are \
        training near the border before joining the fighting in the Kursk region, the \
        South Korean spy agency said on Wednesday, citing satellite images and other \
        intelligence gathered over the past weeks.";

    #[test]
    fn a_copy_with_its_own_headline_is_a_reprint_of_the_earlier_one() {
        let docs = [
            doc(&format!("Outlet B\n\n{WIRE} More later."), 5),
            doc(WIRE, 3),
            doc(
                "A different article entirely, about the weather in Seoul, which was cold \
                 and grey all week long with rain expected on the weekend.",
                4,
            ),
        ];
        assert_eq!(reprints(&docs, &[true; 3]), [Some(1), None, None]);
    }

    #[test]
    fn a_dateline_credits_its_agency() {
        for (text, expected) in [
            ("SEOUL, Nov 3 (Yonhap) -- North Korea ...", Some("Yonhap")),
            ("KYIV (Reuters) - Ukraine said ...", Some("Reuters")),
            ("WASHINGTON (AP) — The Pentagon ...", Some("AP")),
            ("Ukraine (in the east) said ...", None),
        ] {
            assert_eq!(credited_agency(text), expected, "{text}");
        }
    }
}
