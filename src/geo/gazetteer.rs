//! The gazetteer: every place name claimmap can find, loaded from one packed file.
//!
//! `assets/gazetteer.bin` (written by `assets/build/build_assets.py`, little-endian):
//!
//! ```text
//! header    "CMGZ" u32 version (2), u32 places, u32 keys, u32 strings_len, u32 pool_len,
//!           u32 table_slots
//! places    32 bytes each: u32 geonameid, f32 lat, f32 lon, u32 population, u32 name_off,
//!           u8 name_len, u8 kind, u8 flags, [u8; 2] country, u32 admin-1 index, 3 pad
//! strings   display names (UTF-8), addressed by name_off/name_len
//! pool      the keys, sorted bytewise, concatenated: every normalised name and every
//!           word-boundary prefix of a multi-word name ("north" of "north korea")
//! key_offs  (keys + 1) × u32       start of each key in the pool
//! post_offs (keys + 1) × u32       start of each key's postings (none for a bare prefix)
//! postings  u32 each: name kind << 24 | place index
//! flags     keys × u8              bit 0: a longer name goes on from this key
//! table     table_slots × u32      open addressing over FNV-1a 64 of the key, linear
//!           probing from hash % slots; 0 = empty, else key index + 1 in the low 20 bits
//!           and the hash's top 12 bits above them
//! ```
//!
//! Everything stays in the file's bytes: a lookup is one hash probe (the recogniser asks
//! several per capitalised word), and loading builds nothing but the country index, so it
//! takes about a millisecond. A place's display record ([`Entry`]) is decoded the first time
//! it is asked for; the recogniser and resolver read the few facts they need ([`Facts`])
//! straight from the bytes.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{LonLat, PlaceKind};

/// The file compiled into the binary, so the app runs offline and from any folder.
static BUNDLED: &[u8] = include_bytes!("../../assets/gazetteer.bin");

const HEADER: usize = 28;
const PLACE_SIZE: usize = 32;
const VERSION: u32 = 2;
/// The place is a national capital (GeoNames PPLC).
pub const FLAG_CAPITAL: u8 = 1;
/// The place is the seat of a first-order division (PPLA) or a capital.
pub const FLAG_ADMIN_SEAT: u8 = 2;
const KEY_CONTINUES: u8 = 1;
const SLOT_INDEX_BITS: u32 = 20;

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
    /// An institution named by its seat ("the Kremlin", "Congress"): placed at the seat's city,
    /// never at a town of the same name.
    Institution,
    /// A landmark that is one place wherever it is written ("Wall Street", "the Supreme
    /// Court"): a place of its own at its city, not at the city the article is about.
    Landmark,
}

impl NameKind {
    fn from_code(c: u8) -> NameKind {
        match c {
            0 => NameKind::Primary,
            2 => NameKind::Demonym,
            3 => NameKind::Abbreviation,
            4 => NameKind::Language,
            5 => NameKind::Postal,
            6 => NameKind::Institution,
            7 => NameKind::Landmark,
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

/// What the recogniser and the resolver need to know of a place, read straight from the
/// file without decoding its name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Facts {
    pub kind: PlaceKind,
    pub population: u32,
    pub flags: u8,
    /// ISO 3166-1 alpha-2, `[0, 0]` for seas and continents.
    pub country: [u8; 2],
    /// The first-level division a city lies in.
    pub admin1: Option<GazId>,
}

impl Facts {
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
    n_places: usize,
    n_keys: usize,
    strings: usize,
    pool: usize,
    key_offs: usize,
    post_offs: usize,
    postings: usize,
    flags: usize,
    table: usize,
    slots: usize,
    /// Decoded on first use; boxed so that the places never asked for cost a pointer each.
    entries: Vec<OnceLock<Box<Entry>>>,
    countries: HashMap<[u8; 2], GazId>,
    /// GeoNames id → place, built the first time a review names a place by its id.
    by_geonameid: OnceLock<HashMap<u32, GazId>>,
}

fn u32_at(data: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&data[at..at + 4]);
    u32::from_le_bytes(b)
}

fn f32_at(data: &[u8], at: usize) -> f32 {
    f32::from_bits(u32_at(data, at))
}

/// 64-bit FNV-1a, as `fnv1a` in the generator.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
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
        if u32_at(data, 4) != VERSION {
            return Err(GazetteerError::Corrupt("unknown version"));
        }
        let n_places = u32_at(data, 8) as usize;
        let n_keys = u32_at(data, 12) as usize;
        let strings_len = u32_at(data, 16) as usize;
        let pool_len = u32_at(data, 20) as usize;
        let slots = u32_at(data, 24) as usize;
        let strings = HEADER + n_places * PLACE_SIZE;
        let pool = strings + strings_len;
        let key_offs = pool + pool_len;
        let post_offs = key_offs + (n_keys + 1) * 4;
        let postings = post_offs + (n_keys + 1) * 4;
        if postings > data.len() || slots == 0 || n_keys >= 1 << SLOT_INDEX_BITS {
            return Err(GazetteerError::Corrupt("truncated"));
        }
        let n_postings = u32_at(data, post_offs + n_keys * 4) as usize;
        let flags = postings + n_postings * 4;
        let table = flags + n_keys;
        if table + slots * 4 != data.len()
            || u32_at(data, key_offs + n_keys * 4) as usize != pool_len
        {
            return Err(GazetteerError::Corrupt("section sizes disagree"));
        }
        let mut countries = HashMap::new();
        for i in 0..n_places {
            let at = HEADER + i * PLACE_SIZE;
            let kind = PlaceKind::from_code(data[at + 21])
                .ok_or(GazetteerError::Corrupt("unknown place kind"))?;
            let name_end = u32_at(data, at + 16) as usize + data[at + 20] as usize;
            let admin1 = u32_at(data, at + 25);
            if name_end > strings_len || (admin1 != u32::MAX && admin1 as usize >= n_places) {
                return Err(GazetteerError::Corrupt("place out of range"));
            }
            if kind == PlaceKind::Country {
                countries
                    .entry([data[at + 23], data[at + 24]])
                    .or_insert(GazId(i as u32));
            }
        }
        for p in 0..n_postings {
            if (u32_at(data, postings + p * 4) & 0x00FF_FFFF) as usize >= n_places {
                return Err(GazetteerError::Corrupt("posting out of range"));
            }
        }
        Ok(Gazetteer {
            data,
            n_places,
            n_keys,
            strings,
            pool,
            key_offs,
            post_offs,
            postings,
            flags,
            table,
            slots,
            entries: (0..n_places).map(|_| OnceLock::new()).collect(),
            countries,
            by_geonameid: OnceLock::new(),
        })
    }

    pub fn len(&self) -> usize {
        self.n_places
    }

    pub fn is_empty(&self) -> bool {
        self.n_places == 0
    }

    /// How many keys (names and prefixes of multi-word names) the gazetteer holds.
    pub fn name_count(&self) -> usize {
        self.n_keys
    }

    fn place_at(&self, id: GazId) -> usize {
        HEADER + id.0 as usize * PLACE_SIZE
    }

    /// The place's display record, decoded on first use.
    pub fn entry(&self, id: GazId) -> &Entry {
        self.entries[id.0 as usize].get_or_init(|| {
            let (d, at) = (self.data, self.place_at(id));
            let gid = u32_at(d, at);
            let name_off = self.strings + u32_at(d, at + 16) as usize;
            let name = &d[name_off..name_off + d[at + 20] as usize];
            let f = self.facts(id);
            Box::new(Entry {
                geonameid: (gid != 0).then_some(gid),
                name: String::from_utf8_lossy(name).into_owned(),
                kind: f.kind,
                point: LonLat::new(f32_at(d, at + 8) as f64, f32_at(d, at + 4) as f64),
                population: f.population,
                flags: f.flags,
                country: f.country,
                admin1: f.admin1,
            })
        })
    }

    /// What kind of place it is, how large, where it lies: no decoding, no allocation.
    pub fn facts(&self, id: GazId) -> Facts {
        let (d, at) = (self.data, self.place_at(id));
        let admin1 = u32_at(d, at + 25);
        Facts {
            // checked when the file was loaded
            kind: PlaceKind::from_code(d[at + 21]).unwrap_or(PlaceKind::Feature),
            population: u32_at(d, at + 12),
            flags: d[at + 22],
            country: [d[at + 23], d[at + 24]],
            admin1: (admin1 != u32::MAX).then_some(GazId(admin1)),
        }
    }

    /// The country entry for an ISO alpha-2 code.
    pub fn country(&self, code: &str) -> Option<GazId> {
        let b = code.as_bytes();
        (b.len() == 2)
            .then(|| self.countries.get(&[b[0], b[1]]).copied())
            .flatten()
    }

    /// The place with this GeoNames id (the first, when curated areas share one).
    ///
    /// ```
    /// use claimmap::geo::Gazetteer;
    /// let g = Gazetteer::bundled().unwrap();
    /// let oblast = g.by_geonameid(538555).unwrap();
    /// assert_eq!(g.entry(oblast).kind, claimmap::model::PlaceKind::Region);
    /// ```
    pub fn by_geonameid(&self, geonameid: u32) -> Option<GazId> {
        self.by_geonameid
            .get_or_init(|| {
                let mut map = HashMap::with_capacity(self.n_places);
                for i in 0..self.n_places {
                    let gid = u32_at(self.data, self.place_at(GazId(i as u32)));
                    if gid != 0 {
                        map.entry(gid).or_insert(GazId(i as u32));
                    }
                }
                map
            })
            .get(&geonameid)
            .copied()
    }

    /// Places whose name (or alternate name) starts with what was typed, biggest first: the
    /// "find a place by its name" box of the review. The keys are sorted, so this is a binary
    /// search and a walk over the matching keys.
    ///
    /// ```
    /// use claimmap::geo::Gazetteer;
    /// let g = Gazetteer::bundled().unwrap();
    /// let found: Vec<Option<u32>> = g.search("kursk", 5).iter().map(|&id| g.entry(id).geonameid).collect();
    /// // the city (pop. 440,000) and the oblast, the bigger first
    /// assert!(found.contains(&Some(538560)) && found.contains(&Some(538555)), "{found:?}");
    /// ```
    pub fn search(&self, typed: &str, limit: usize) -> Vec<GazId> {
        let query = crate::text::normalize(typed.trim());
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let q = query.as_bytes();
        let first = {
            let (mut lo, mut hi) = (0, self.n_keys);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if self.key(mid) < q {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            lo
        };
        // an exact name first, then longer names; within each, bigger places first
        let mut found: Vec<(bool, u32, GazId)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for i in first..self.n_keys {
            let key = self.key(i);
            if !key.starts_with(q) {
                break;
            }
            for (id, _) in self.postings(Some(i)) {
                if seen.insert(id) {
                    found.push((key != q, self.facts(id).population, id));
                }
            }
            // a prefix as short as one letter matches tens of thousands of places
            if found.len() > 5000 {
                break;
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.0.cmp(&b.2.0)));
        found.into_iter().take(limit).map(|x| x.2).collect()
    }

    fn key(&self, i: usize) -> &'static [u8] {
        let a = u32_at(self.data, self.key_offs + i * 4) as usize;
        let b = u32_at(self.data, self.key_offs + (i + 1) * 4) as usize;
        &self.data[self.pool + a..self.pool + b]
    }

    /// The index of `key`, by one probe of the hash table (and its run).
    fn find(&self, key: &[u8]) -> Option<usize> {
        let h = fnv1a(key);
        let tag = (h >> 52) as u32;
        let mut slot = (h % self.slots as u64) as usize;
        loop {
            let v = u32_at(self.data, self.table + slot * 4);
            if v == 0 {
                return None;
            }
            let index = (v & ((1 << SLOT_INDEX_BITS) - 1)) as usize - 1;
            if v >> SLOT_INDEX_BITS == tag && index < self.n_keys && self.key(index) == key {
                return Some(index);
            }
            slot += 1;
            if slot == self.slots {
                slot = 0;
            }
        }
    }

    /// Every name of a country (its names, abbreviations and demonyms: "russia", "russian",
    /// "us"), normalised, with the country's ISO alpha-2 code and how the name names it. A
    /// name of two countries comes once for each.
    ///
    /// ```
    /// use claimmap::geo::{Gazetteer, NameKind};
    /// let g = Gazetteer::bundled().unwrap();
    /// let russian = g.country_names().find(|(name, _, _)| *name == "russian").unwrap();
    /// assert_eq!((russian.1, russian.2), (*b"RU", NameKind::Demonym));
    /// ```
    pub fn country_names(&self) -> impl Iterator<Item = (&'static str, [u8; 2], NameKind)> + '_ {
        (0..self.n_keys).flat_map(move |i| {
            let name = std::str::from_utf8(self.key(i)).unwrap_or("");
            self.postings(Some(i)).filter_map(move |(id, kind)| {
                let f = self.facts(id);
                (f.kind == PlaceKind::Country && !name.is_empty())
                    .then_some((name, f.country, kind))
            })
        })
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
        self.postings(self.find(normalized.as_bytes()))
    }

    /// [`Gazetteer::lookup`] and [`Gazetteer::continues`] of one key, with one probe of the
    /// table: the recogniser asks both of every n-gram it extends, and each probe is a miss
    /// to main memory.
    pub fn lookup_continuing(
        &self,
        normalized: &str,
    ) -> (impl Iterator<Item = (GazId, NameKind)> + '_, bool) {
        let i = self.find(normalized.as_bytes());
        let continues = i.is_some_and(|i| self.data[self.flags + i] & KEY_CONTINUES != 0);
        (self.postings(i), continues)
    }

    /// The places of key `i`.
    fn postings(&self, i: Option<usize>) -> impl Iterator<Item = (GazId, NameKind)> + '_ {
        let range = match i {
            Some(i) => {
                let a = u32_at(self.data, self.post_offs + i * 4) as usize;
                let b = u32_at(self.data, self.post_offs + (i + 1) * 4) as usize;
                a..b
            }
            None => 0..0,
        };
        range.map(move |p| {
            let v = u32_at(self.data, self.postings + p * 4);
            (GazId(v & 0x00FF_FFFF), NameKind::from_code((v >> 24) as u8))
        })
    }

    /// Whether some name starts with `prefix` followed by a space: lets the recogniser stop
    /// extending an n-gram as soon as no longer name can match.
    pub fn continues(&self, prefix: &str) -> bool {
        self.find(prefix.as_bytes())
            .is_some_and(|i| self.data[self.flags + i] & KEY_CONTINUES != 0)
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
    fn postal_and_press_abbreviations_name_their_region() {
        let g = Gazetteer::bundled().unwrap();
        for (key, region) in [
            ("tx", "Texas"),
            ("ill", "Illinois"),
            ("bc", "British Columbia"),
        ] {
            let found: Vec<(String, NameKind)> = g
                .lookup(key)
                .filter(|&(id, _)| g.facts(id).kind == PlaceKind::Region)
                .map(|(id, k)| (g.entry(id).name.clone(), k))
                .collect();
            assert!(found.iter().any(|(n, _)| n == region), "{key}: {found:?}");
        }
    }

    #[test]
    fn a_damaged_file_is_an_error_not_a_panic() {
        assert!(Gazetteer::from_bytes(b"CMGZ\x01\0\0\0garbage").is_err());
        assert!(Gazetteer::from_bytes(b"").is_err());
        assert!(Gazetteer::from_bytes(&BUNDLED[..1000]).is_err());
    }
}
