//! GeoPackage: QGIS's own format, one SQLite file (OGC GeoPackage 1.2), with a `places`
//! point layer (claim counts, kinds, review), a `claims` attribute table (the CSV's record
//! of each claim), a `claim_places` table that joins the two, and a `source_place_lines` line
//! layer from a source's country to each place it speaks of. Everything is EPSG:4326,
//! longitude first.
//!
//! The file is built in an in-memory database and then serialised, so that it can go to any
//! stream (standard output too) and through the same atomic write as every other format.

use std::collections::BTreeMap;
use std::io::Write;

use rusqlite::{Connection, params};

use super::record::{Offsets, claim_record};
use super::{ExportError, ExportSet, Exporter};
use crate::model::{ClaimId, Corpus, LonLat, PlaceId};

pub struct GeoPackage;

/// "GPKG" as the SQLite header's application id.
const APPLICATION_ID: i32 = 0x4750_4B47;
/// GeoPackage 1.2.0, which every GDAL since 2.2 reads without a warning.
const USER_VERSION: i32 = 10200;
const WGS84: i32 = 4326;
const WGS84_WKT: &str = r#"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"#;

const SCHEMA: &str = r#"
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE places (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT, place_id INTEGER NOT NULL,
  name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT, geonameid INTEGER,
  population INTEGER, claim_count INTEGER NOT NULL, mention_count INTEGER NOT NULL,
  sources_from INTEGER NOT NULL, review TEXT NOT NULL);
CREATE TABLE claims (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, claim_id INTEGER NOT NULL,
  document TEXT NOT NULL, source_as_written TEXT, source TEXT, source_kind TEXT,
  source_affiliation TEXT, entity TEXT, cue TEXT, content TEXT NOT NULL,
  content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, sentence TEXT NOT NULL,
  hedged BOOLEAN NOT NULL, confidence REAL NOT NULL, review TEXT NOT NULL,
  document_date TEXT, date TEXT, date_precision TEXT, places TEXT);
CREATE TABLE claim_places (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, claim_id INTEGER NOT NULL,
  place_id INTEGER NOT NULL);
CREATE TABLE source_place_lines (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom LINESTRING, source TEXT NOT NULL,
  source_kind TEXT NOT NULL, from_place TEXT NOT NULL, from_place_id INTEGER NOT NULL,
  to_place TEXT NOT NULL, to_place_id INTEGER NOT NULL, claim_count INTEGER NOT NULL);
"#;

fn db_error(e: rusqlite::Error) -> ExportError {
    ExportError::Encode(format!("cannot build the GeoPackage: {e}"))
}

/// The GeoPackage binary header (magic, version 0, little-endian flags, the SRS id, an
/// optional [min x, max x, min y, max y] envelope) followed by the geometry as WKB.
fn geometry(points: &[LonLat]) -> Vec<u8> {
    let is_point = points.len() == 1;
    let mut b = Vec::with_capacity(8 + 32 + 9 + 16 * points.len());
    b.extend_from_slice(b"GP");
    b.push(0);
    // bit 0: little-endian; bits 1-3: envelope 1 (xy) for lines, none for a point
    b.push(if is_point { 0b0000_0001 } else { 0b0000_0011 });
    b.extend_from_slice(&WGS84.to_le_bytes());
    if !is_point {
        let (mut lo, mut hi) = (
            LonLat::new(f64::MAX, f64::MAX),
            LonLat::new(f64::MIN, f64::MIN),
        );
        for p in points {
            lo = LonLat::new(lo.lon.min(p.lon), lo.lat.min(p.lat));
            hi = LonLat::new(hi.lon.max(p.lon), hi.lat.max(p.lat));
        }
        for v in [lo.lon, hi.lon, lo.lat, hi.lat] {
            b.extend_from_slice(&v.to_le_bytes());
        }
    }
    b.push(1);
    if is_point {
        b.extend_from_slice(&1u32.to_le_bytes());
    } else {
        b.extend_from_slice(&2u32.to_le_bytes());
        b.extend_from_slice(&(points.len() as u32).to_le_bytes());
    }
    for p in points {
        b.extend_from_slice(&p.lon.to_le_bytes());
        b.extend_from_slice(&p.lat.to_le_bytes());
    }
    b
}

/// The envelope of some points, `None` when there are none.
fn extent(points: impl Iterator<Item = LonLat>) -> Option<[f64; 4]> {
    points.fold(None, |b, p| {
        Some(match b {
            None => [p.lon, p.lat, p.lon, p.lat],
            Some(b) => [
                b[0].min(p.lon),
                b[1].min(p.lat),
                b[2].max(p.lon),
                b[3].max(p.lat),
            ],
        })
    })
}

impl Exporter for GeoPackage {
    fn name(&self) -> &'static str {
        "GeoPackage (QGIS)"
    }
    fn extension(&self) -> &'static str {
        "gpkg"
    }

    fn write(
        &self,
        corpus: &Corpus,
        set: &ExportSet,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
        let mut db = Connection::open_in_memory().map_err(db_error)?;
        fill(&mut db, corpus, set).map_err(db_error)?;
        let bytes = db.serialize(rusqlite::MAIN_DB).map_err(db_error)?;
        out.write_all(&bytes)?;
        Ok(())
    }
}

fn fill(db: &mut Connection, corpus: &Corpus, set: &ExportSet) -> rusqlite::Result<()> {
    db.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {USER_VERSION};"
    ))?;
    let tx = db.transaction()?;
    tx.execute_batch(SCHEMA)?;
    tx.execute(
        "INSERT INTO gpkg_spatial_ref_sys VALUES
           ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
           ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
           ('WGS 84 geodetic', ?1, 'EPSG', ?1, ?2, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')",
        params![WGS84, WGS84_WKT],
    )?;

    let mut claims: Vec<ClaimId> = set.claims.clone();
    claims.sort_unstable();
    claims.dedup();
    let mut places: Vec<PlaceId> = set.places.clone();
    places.sort_unstable();
    places.dedup();

    // places
    let mut claim_count: BTreeMap<PlaceId, usize> = BTreeMap::new();
    for &c in &claims {
        for &p in corpus.places_of(c) {
            *claim_count.entry(p).or_default() += 1;
        }
    }
    {
        let mut insert = tx.prepare(
            "INSERT INTO places (geom, place_id, name, kind, country, geonameid, population,
               claim_count, mention_count, sources_from, review)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for &id in &places {
            let p = corpus.place(id);
            insert.execute(params![
                p.point.map(|pt| geometry(&[pt])),
                id.0,
                p.name,
                p.kind.label(),
                p.country,
                p.geonameid,
                i64::try_from(p.population).unwrap_or(i64::MAX),
                claim_count.get(&id).copied().unwrap_or(0) as i64,
                p.mentions.len() as i64,
                corpus.sources_from(id).len() as i64,
                super::place_review(p.mentions.iter().map(|&m| corpus.mention(m))).label(),
            ])?;
        }
    }
    let bounds = extent(places.iter().filter_map(|&p| corpus.place(p).point));
    add_layer(
        &tx,
        "places",
        "POINT",
        "Places the claims are about",
        bounds,
    )?;

    // claims and their places
    {
        let mut insert = tx.prepare(
            "INSERT INTO claims (claim_id, document, source_as_written, source, source_kind,
               source_affiliation, entity, cue, content, content_start, content_end, sentence,
               hedged, confidence, review, document_date, date, date_precision, places)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
               ?18, ?19)",
        )?;
        let mut link =
            tx.prepare("INSERT INTO claim_places (claim_id, place_id) VALUES (?1, ?2)")?;
        let mut offsets = Offsets::default();
        for &c in &claims {
            let r = claim_record(corpus, corpus.claim(c), &mut offsets);
            let names: Vec<&str> = r.places.iter().map(|p| p.name.as_str()).collect();
            insert.execute(params![
                r.id,
                r.document,
                r.source_as_written,
                r.source,
                r.source_kind,
                r.source_affiliation,
                r.entity,
                r.cue,
                r.content,
                r.content_start,
                r.content_end,
                r.sentence,
                r.hedged,
                f64::from(r.confidence),
                r.review,
                r.document_date.map(|d| d.to_string()),
                r.date,
                r.date_precision.map(|p| p.label()),
                names.join("; "),
            ])?;
            for p in &r.places {
                link.execute(params![r.id, p.id])?;
            }
        }
    }
    tx.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
         VALUES ('claims', 'attributes', 'claims', 'Attributed claims: source, cue, content, sentence, document')",
        [],
    )?;
    tx.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
         VALUES ('claim_places', 'attributes', 'claim_places', 'Which claim is about which place (claims.claim_id, places.place_id)')",
        [],
    )?;

    // from a source's country to the places it speaks of
    type Line = (String, &'static str, PlaceId, PlaceId);
    let mut lines: BTreeMap<Line, usize> = BTreeMap::new();
    for &c in &claims {
        let claim = corpus.claim(c);
        let Some(src) = claim.source.map(|s| corpus.source(s)) else {
            continue;
        };
        let Some(from) = src.affiliation else {
            continue;
        };
        for &to in corpus.places_of(c) {
            if to != from {
                *lines
                    .entry((src.name.clone(), src.kind.label(), from, to))
                    .or_default() += 1;
            }
        }
    }
    let mut ends = Vec::new();
    {
        let mut insert = tx.prepare(
            "INSERT INTO source_place_lines (geom, source, source_kind, from_place, from_place_id,
               to_place, to_place_id, claim_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for ((source, kind, from, to), n) in &lines {
            let (a, b) = (corpus.place(*from), corpus.place(*to));
            let (Some(pa), Some(pb)) = (a.point, b.point) else {
                continue;
            };
            ends.extend([pa, pb]);
            insert.execute(params![
                geometry(&[pa, pb]),
                source,
                kind,
                a.name,
                from.0,
                b.name,
                to.0,
                *n as i64
            ])?;
        }
    }
    add_layer(
        &tx,
        "source_place_lines",
        "LINESTRING",
        "From a source's country to a place it speaks of",
        extent(ends.into_iter()),
    )?;
    tx.commit()
}

/// Registers a feature table in `gpkg_contents` and `gpkg_geometry_columns`.
fn add_layer(
    tx: &rusqlite::Transaction,
    table: &str,
    geometry_type: &str,
    description: &str,
    bounds: Option<[f64; 4]>,
) -> rusqlite::Result<()> {
    let [min_x, min_y, max_x, max_y] = bounds.map_or([None; 4], |b| b.map(Some));
    tx.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y,
           max_x, max_y, srs_id) VALUES (?1, 'features', ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![table, description, min_x, min_y, max_x, max_y, WGS84],
    )?;
    tx.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?1, 'geom', ?2, ?3, 0, 0)",
        params![table, geometry_type, WGS84],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_is_a_geopackage_header_then_little_endian_wkb() {
        let g = geometry(&[LonLat::new(36.5, 51.25)]);
        assert_eq!(&g[..4], b"GP\x00\x01");
        assert_eq!(&g[4..8], &4326i32.to_le_bytes());
        assert_eq!(&g[8..13], &[1, 1, 0, 0, 0]);
        assert_eq!(&g[13..21], &36.5f64.to_le_bytes());
        assert_eq!(&g[21..29], &51.25f64.to_le_bytes());
        assert_eq!(g.len(), 29);
    }

    #[test]
    fn a_line_carries_its_envelope_west_east_south_north() {
        let g = geometry(&[LonLat::new(127.0, 36.5), LonLat::new(36.0, 51.0)]);
        assert_eq!(g[3], 0b11);
        let f = |i: usize| f64::from_le_bytes(g[i..i + 8].try_into().unwrap());
        assert_eq!([f(8), f(16), f(24), f(32)], [36.0, 127.0, 36.5, 51.0]);
        assert_eq!(&g[40..49], &[1, 2, 0, 0, 0, 2, 0, 0, 0]);
    }
}
