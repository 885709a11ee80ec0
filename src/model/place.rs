//! Places on the map and their mentions in the text.

use serde::{Deserialize, Serialize};

use super::{MentionId, PlaceId, Review, Span};

/// A point on the globe. Longitude first, as in GeoJSON and on the map's x axis.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

impl LonLat {
    pub fn new(lon: f64, lat: f64) -> Self {
        LonLat { lon, lat }
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius).
    pub fn distance_km(self, other: LonLat) -> f64 {
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = p2 - p1;
        let dl = (other.lon - self.lon).to_radians();
        let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
    }
}

/// What sort of place a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Country,
    /// A first-level division: oblast, province, state.
    Region,
    City,
    Continent,
    Sea,
    /// A curated multi-word area: Donbas, Gaza Strip, Korean Peninsula.
    Area,
    /// A named feature the gazetteer does not hold (a street, a church), placed by context.
    Feature,
}

impl PlaceKind {
    /// The code used in `assets/gazetteer.bin` (see `assets/build/build_assets.py`).
    pub fn from_code(code: u8) -> Option<PlaceKind> {
        Some(match code {
            0 => PlaceKind::Country,
            1 => PlaceKind::Region,
            2 => PlaceKind::City,
            3 => PlaceKind::Continent,
            4 => PlaceKind::Sea,
            5 => PlaceKind::Area,
            6 => PlaceKind::Feature,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::City => "city",
            PlaceKind::Continent => "continent",
            PlaceKind::Sea => "sea",
            PlaceKind::Area => "area",
            PlaceKind::Feature => "feature",
        }
    }
}

/// A place of the corpus: one per gazetteer entry mentioned anywhere.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub id: PlaceId,
    /// GeoNames id when the source data has one.
    pub geonameid: Option<u32>,
    pub name: String,
    pub kind: PlaceKind,
    /// `None` for a feature that could not be placed: listed as "not on the map".
    pub point: Option<LonLat>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub population: u64,
    /// The outline key on the basemap (ISO code), when the place has one.
    pub outline: Option<String>,
    pub mentions: Vec<MentionId>,
}

/// How a place name is used where it occurs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionRole {
    /// The place itself: "troops in Kursk".
    Literal,
    /// A people or adjective: "North Korean leader".
    Demonym,
    /// The place stands for its government or people: "Moscow said".
    Metonym,
}

/// One occurrence of a place name in a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub id: MentionId,
    pub doc: super::DocId,
    pub span: Span,
    pub place: PlaceId,
    pub role: MentionRole,
    /// 0..=1: how sure the resolver is of `place`.
    pub confidence: f32,
    /// The next best readings, best first, so a user can pick another.
    pub alternatives: Vec<PlaceChoice>,
    /// What a person made of it.
    pub review: Review,
}

impl PlaceMention {
    /// Confidence below which a machine reading with another reading at hand is shown as
    /// uncertain (hollow on the map, its alternatives offered): "Kursk" read as the city at
    /// 0.81 when the oblast is named the same.
    pub const UNCERTAIN_BELOW: f32 = 0.9;

    /// The machine was unsure and a person has not settled it.
    pub fn is_uncertain(&self) -> bool {
        self.review == Review::Machine
            && self.confidence < Self::UNCERTAIN_BELOW
            && !self.alternatives.is_empty()
    }
}

/// Another reading of a mention: enough to show it and to make it a place if chosen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceChoice {
    pub geonameid: Option<u32>,
    pub name: String,
    pub kind: PlaceKind,
    pub point: LonLat,
    pub country: Option<String>,
    pub population: u64,
}
