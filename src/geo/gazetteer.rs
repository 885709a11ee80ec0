//! The gazetteer: every place name claimmap can find, loaded from one packed file.
//!
//! `assets/gazetteer.bin` (written by `assets/build/build_assets.py`, little-endian):
//!
//! ```text
//! header   "CMGZ" u32 version, u32 places, u32 names, u32 strings_len, u32 name_pool_len
//! places   32 bytes each: u32 geonameid, f32 lat, f32 lon, u32 population, u32 name_off,
//!          u8 name_len, u8 kind, u8 flags, [u8; 2] country, u32 admin-1 index, 3 pad
//! strings  display names (UTF-8), addressed by name_off/name_len
//! names    the normalised names, sorted bytewise, concatenated
//! name_offs (names + 1) × u32      start of each name in the pool
//! post_offs (names + 1) × u32      start of each name's postings
//! postings  u32 each: name kind << 24 | place index
//! ```
//!
//! The names stay in the file's bytes and are binary-searched, so loading only decodes the
//! place table (a few ms) and no index is built at start-up.

use std::collections::HashMap;

use crate::model::{LonLat, PlaceKind};

/// The file compiled into the binary, so the app runs offline and from any folder.
static BUNDLED: &[u8] = include_bytes!("../../assets/gazetteer.bin");

const HEADER: usize = 24;
const PLACE_SIZE: usize = 32;
/// The place is a national capital (GeoNames PPLC).
pub const FLAG_CAPITAL: u8 = 1;
/// The place is the seat of a first-order division (PPLA) or a capital.
pub const FLAG_ADMIN_SEAT: u8 = 2;

#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("the gazetteer file is damaged ({0}); rebuild it with assets/build/build_assets.py")]
    Corrupt(&'static str),
}

/// An index into the gazetteer's place table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GazId(pub u32);

/// How a name relates to its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameKind {
    Primary,
    Alternate,
    /// "North Korean", "Ukrainians".
    Demonym,
    /// "U.S.", "DPRK", "UAE".
    Abbreviation,
    /// A language that stands for its country, like a demonym: "English", "Mandarin".
    Language,
    /// A postal or press abbreviation that names a region only right after a place:
    /// "Springfield, Ill.", "Austin, TX".
    Postal,
}

impl NameKind {
    fn from_code(c: u8) -> NameKind {
        match c {
            0 => NameKind::Primary,
            2 => NameKind::Demonym,
            3 => NameKind::Abbreviation,
            4 => NameKind::Language,
            5 => NameKind::Postal,
            _ => NameKind::Alternate,
        }
    }

    /// The name stands for a people or its language ("North Korean", "English"), not for the
    /// place itself.
    pub fn is_demonym(self) -> bool {
        matches!(self, NameKind::Demonym | NameKind::Language)
    }
}

/// One gazetteer place.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub geonameid: Option<u32>,
    pub name: String,
    pub kind: PlaceKind,
    pub point: LonLat,
    pub population: u32,
    pub flags: u8,
    /// ISO 3166-1 alpha-2, empty for seas and continents.
    pub country: [u8; 2],
    /// The first-level division a city lies in.
    pub admin1: Option<GazId>,
}

impl Entry {
    pub fn country_code(&self) -> Option<&str> {
        std::str::from_utf8(&self.country)
            .ok()
            .filter(|c| c.bytes().all(|b| b.is_ascii_uppercase()))
    }
    pub fn is_capital(&self) -> bool {
        self.flags & FLAG_CAPITAL != 0
    }
    pub fn is_admin_seat(&self) -> bool {
        self.flags & FLAG_ADMIN_SEAT != 0
    }
}

/// Place names and places, searchable by normalised name.
pub struct Gazetteer {
    data: &'static [u8],
    entries: Vec<Entry>,
    n_names: usize,
    pool: std::ops::Range<usize>,
    name_offs: usize,
    post_offs: usize,
    postings: usize,
    countries: HashMap<[u8; 2], GazId>,
}

fn u32_at(data: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&data[at..at + 4]);
    u32::from_le_bytes(b)
}

fn f32_at(data: &[u8], at: usize) -> f32 {
    f32::from_bits(u32_at(data, at))
}

impl Gazetteer {
    /// The gazetteer shipped with claimmap (GeoNames, Natural Earth and curated regions).
    pub fn bundled() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::from_bytes(BUNDLED)
    }

    /// Reads a gazetteer from the bytes of a `gazetteer.bin`.
    pub fn from_bytes(data: &'static [u8]) -> Result<Gazetteer, GazetteerError> {
        if data.len() < HEADER || &data[..4] != b"CMGZ" {
            return Err(GazetteerError::Corrupt("bad header"));
        }
        if u32_at(data, 4) != 1 {
            return Err(GazetteerError::Corrupt("unknown version"));
        }
        let n_places = u32_at(data, 8) as usize;
        let n_names = u32_at(data, 12) as usize;
        let strings_len = u32_at(data, 16) as usize;
        let pool_len = u32_at(data, 20) as usize;
        let places_at = HEADER;
        let strings_at = places_at + n_places * PLACE_SIZE;
        let pool_at = strings_at + strings_len;
        let name_offs = pool_at + pool_len;
        let post_offs = name_offs + (n_names + 1) * 4;
        let postings = post_offs + (n_names + 1) * 4;
        if postings > data.len() {
            return Err(GazetteerError::Corrupt("truncated"));
        }
        let n_postings = u32_at(data, post_offs + n_names * 4) as usize;
        if postings + n_postings * 4 != data.len()
            || u32_at(data, name_offs + n_names * 4) as usize != pool_len
        {
            return Err(GazetteerError::Corrupt("section sizes disagree"));
        }
        let mut entries = Vec::with_capacity(n_places);
        let mut countries = HashMap::new();
        for i in 0..n_places {
            let at = places_at + i * PLACE_SIZE;
            let gid = u32_at(data, at);
            let name_off = u32_at(data, at + 16) as usize;
            let name_len = data[at + 20] as usize;
            let kind = PlaceKind::from_code(data[at + 21])
                .ok_or(GazetteerError::Corrupt("unknown place kind"))?;
            let name = data
                .get(strings_at + name_off..strings_at + name_off + name_len)
                .ok_or(GazetteerError::Corrupt("name out of range"))?;
            let admin1 = u32_at(data, at + 25);
            let country = [data[at + 23], data[at + 24]];
            if kind == PlaceKind::Country {
                countries.entry(country).or_insert(GazId(i as u32));
            }
            entries.push(Entry {
                geonameid: (gid != 0).then_some(gid),
                name: String::from_utf8_lossy(name).into_owned(),
                kind,
                point: LonLat::new(f32_at(data, at + 8) as f64, f32_at(data, at + 4) as f64),
                population: u32_at(data, at + 12),
                flags: data[at + 22],
                country,
                admin1: (admin1 != u32::MAX && (admin1 as usize) < n_places)
                    .then_some(GazId(admin1)),
            });
        }
        Ok(Gazetteer {
            data,
            entries,
            n_names,
            pool: pool_at..pool_at + pool_len,
            name_offs,
            post_offs,
            postings,
            countries,
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn name_count(&self) -> usize {
        self.n_names
    }

    pub fn entry(&self, id: GazId) -> &Entry {
        &self.entries[id.0 as usize]
    }

    /// The country entry for an ISO alpha-2 code.
    pub fn country(&self, code: &str) -> Option<GazId> {
        let b = code.as_bytes();
        (b.len() == 2)
            .then(|| self.countries.get(&[b[0], b[1]]).copied())
            .flatten()
    }

    fn name(&self, i: usize) -> &[u8] {
        let a = u32_at(self.data, self.name_offs + i * 4) as usize;
        let b = u32_at(self.data, self.name_offs + (i + 1) * 4) as usize;
        &self.data[self.pool.start + a..self.pool.start + b]
    }

    /// First name index whose bytes are ≥ `key`.
    fn lower_bound(&self, key: &[u8]) -> usize {
        let (mut lo, mut hi) = (0, self.n_names);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.name(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The places called `normalized` (see [`crate::text::normalize`]), with how each uses
    /// the name.
    ///
    /// ```
    /// use claimmap::geo::Gazetteer;
    /// let g = Gazetteer::bundled().unwrap();
    /// let kursk: Vec<_> = g.lookup("kursk").map(|(id, _)| g.entry(id).name.clone()).collect();
    /// assert!(kursk.contains(&"Kursk".to_string()));
    /// ```
    pub fn lookup(&self, normalized: &str) -> impl Iterator<Item = (GazId, NameKind)> + '_ {
        let key = normalized.as_bytes();
        let i = self.lower_bound(key);
        let range = if i < self.n_names && self.name(i) == key {
            let a = u32_at(self.data, self.post_offs + i * 4) as usize;
            let b = u32_at(self.data, self.post_offs + (i + 1) * 4) as usize;
            a..b
        } else {
            0..0
        };
        range.map(move |p| {
            let v = u32_at(self.data, self.postings + p * 4);
            (GazId(v & 0x00FF_FFFF), NameKind::from_code((v >> 24) as u8))
        })
    }

    /// Whether some name starts with `prefix` followed by a space: lets the recogniser stop
    /// extending an n-gram as soon as no longer name can match.
    pub fn continues(&self, prefix: &str) -> bool {
        let mut key = Vec::with_capacity(prefix.len() + 1);
        key.extend_from_slice(prefix.as_bytes());
        key.push(b' ');
        let i = self.lower_bound(&key);
        i < self.n_names && self.name(i).starts_with(&key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_of(g: &Gazetteer, n: &str) -> Vec<(String, PlaceKind)> {
        g.lookup(n)
            .map(|(id, _)| (g.entry(id).name.clone(), g.entry(id).kind))
            .collect()
    }

    #[test]
    fn bundled_gazetteer_loads_and_has_the_big_places() {
        let g = Gazetteer::bundled().unwrap();
        assert!(g.len() > 50_000, "{}", g.len());
        assert!(names_of(&g, "pyongyang").contains(&("Pyongyang".into(), PlaceKind::City)));
        assert!(names_of(&g, "north korea").contains(&("North Korea".into(), PlaceKind::Country)));
        assert!(g.continues("north"));
        assert!(g.continues("kursk"), "Kursk Oblast");
        assert!(!g.continues("qqqq"));
    }

    #[test]
    fn demonyms_and_abbreviations_point_at_their_country() {
        let g = Gazetteer::bundled().unwrap();
        let us = g.country("US").unwrap();
        assert!(
            g.lookup("us")
                .any(|(id, k)| id == us && k == NameKind::Abbreviation)
        );
        let kp = g.country("KP").unwrap();
        assert!(
            g.lookup("north korean")
                .any(|(id, k)| id == kp && k == NameKind::Demonym)
        );
        assert!(g.lookup("dprk").any(|(id, _)| id == kp));
    }

    #[test]
    fn a_damaged_file_is_an_error_not_a_panic() {
        assert!(Gazetteer::from_bytes(b"CMGZ\x01\0\0\0garbage").is_err());
        assert!(Gazetteer::from_bytes(b"").is_err());
        assert!(Gazetteer::from_bytes(&BUNDLED[..1000]).is_err());
    }
}
