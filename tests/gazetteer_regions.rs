//! Every curated row of `assets/gazetteer/regions.tsv` is checked against the basemap: a sea's
//! point lies at sea, a region's point lies inside the country it names, and the gazetteer
//! finds the row under its name.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use claimmap::geo::{Basemap, Gazetteer};
use claimmap::model::{LonLat, PlaceKind};
use claimmap::text::normalize;

const REGIONS: &str = include_str!("../assets/gazetteer/regions.tsv");

struct Row<'a> {
    name: &'a str,
    kind: &'a str,
    cc: &'a str,
    point: LonLat,
}

fn rows() -> Vec<Row<'static>> {
    let mut lines = REGIONS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (name, kind, cc, lat, lon) = (col("name"), col("kind"), col("cc"), col("lat"), col("lon"));
    lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Row {
                name: f[name],
                kind: f[kind],
                cc: f[cc],
                point: LonLat::new(f[lon].parse().unwrap(), f[lat].parse().unwrap()),
            }
        })
        .collect()
}

#[test]
fn seas_lie_at_sea() {
    let basemap = Basemap::bundled().unwrap();
    for r in rows().iter().filter(|r| r.kind == "sea") {
        // canals run through land; straits may touch it
        if r.name.contains("Canal") {
            continue;
        }
        let on = basemap.country_at(r.point).map(|o| o.name.clone());
        assert_eq!(on, None, "{} at {:?} is on land", r.name, r.point);
    }
}

#[test]
fn regions_lie_inside_their_country() {
    let basemap = Basemap::bundled().unwrap();
    for r in rows()
        .iter()
        .filter(|r| r.kind == "region" && !r.cc.is_empty())
    {
        let on = basemap.country_at(r.point).map(|o| o.code.clone());
        // islands and small territories may fall between 1:50m outlines: then the nearest
        // country outline must be theirs within 100 km
        // occupied territory that the 1:50m outlines draw under the occupying state; the row
        // keeps the country the UN recognises
        const DRAWN_UNDER: &[(&str, &str)] = &[("Golan Heights", "IL")];
        match on {
            Some(code) if DRAWN_UNDER.contains(&(r.name, code.as_str())) => {}
            Some(code) => assert_eq!(code, r.cc, "{} at {:?}", r.name, r.point),
            None => {
                let outline = basemap
                    .outline(r.cc)
                    .unwrap_or_else(|| panic!("no outline for {}", r.cc));
                let b = outline.bbox.unwrap();
                let near = r.point.lon > b.min().x - 1.0
                    && r.point.lon < b.max().x + 1.0
                    && r.point.lat > b.min().y - 1.0
                    && r.point.lat < b.max().y + 1.0;
                assert!(near, "{} at {:?} is far from {}", r.name, r.point, r.cc);
            }
        }
    }
}

#[test]
fn every_row_is_found_under_its_name() {
    let g = Gazetteer::bundled().unwrap();
    for r in rows() {
        let found = g.lookup(&normalize(r.name)).any(|(id, _)| {
            let e = g.entry(id);
            e.name == r.name
                && matches!(e.kind, PlaceKind::Area | PlaceKind::Sea)
                && e.point.distance_km(r.point) < 1.0
        });
        assert!(found, "{} is not in the gazetteer", r.name);
    }
}

const ALIASES: &str = include_str!("../assets/gazetteer/aliases.tsv");

/// Every curated alias (`assets/gazetteer/aliases.tsv`) finds the place its row names: the
/// GeoNames id, or the first-level division of the ISO 3166-2 code's country.
#[test]
fn every_alias_names_its_place() {
    let g = Gazetteer::bundled().unwrap();
    let mut lines = ALIASES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(header[..3], ["place", "alias", "kind"]);
    let mut failures = Vec::new();
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        let (place, alias) = (f[0], f[1]);
        let found = g.lookup(&normalize(alias)).any(|(id, _)| {
            let e = g.entry(id);
            match place.parse::<u32>() {
                Ok(gid) => e.geonameid == Some(gid),
                Err(_) => e.kind == PlaceKind::Region && e.country_code() == Some(&place[..2]),
            }
        });
        if !found {
            failures.push(format!("{alias} -> {place}"));
        }
    }
    assert!(failures.is_empty(), "aliases not found: {failures:?}");
}
