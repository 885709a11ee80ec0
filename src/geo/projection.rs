//! The map projection: longitude and latitude to the map's flat coordinates and back, shared
//! by the app's map panel and the map pictures the exports draw.
//!
//! Miller cylindrical: x is the longitude in degrees, y a stretched latitude (also in degrees
//! of arc, so the plot keeps a 1:1 data aspect). It looks like Mercator at news latitudes but
//! stays finite at the poles, so the whole world fits and Antarctica does not swallow the
//! screen. Longitude comes first, as in GeoJSON and `LonLat`: x is east, y is north.

use crate::model::LonLat;

/// Latitudes are clamped to this before projecting (the formula is finite at ±90°, but the
/// inverse loses precision right at the pole).
const MAX_LAT: f64 = 89.9;

/// A point in map coordinates: `[x, y]`, x east and y north (as egui_plot takes them).
pub fn project(p: LonLat) -> [f64; 2] {
    [p.lon, project_lat(p.lat)]
}

/// The latitude's y coordinate.
pub fn project_lat(lat: f64) -> f64 {
    let phi = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let y = 1.25 * (std::f64::consts::FRAC_PI_4 + 0.4 * phi).tan().ln();
    y.to_degrees()
}

/// Back from map coordinates to longitude and latitude.
pub fn unproject(xy: [f64; 2]) -> LonLat {
    let y = xy[1].to_radians();
    let phi = 2.5 * (0.8 * y).exp().atan() - 0.625 * std::f64::consts::PI;
    LonLat::new(xy[0], phi.to_degrees())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CITIES: &[(&str, f64, f64)] = &[
        ("Kursk", 36.1846, 51.7269),
        ("Pyongyang", 125.7543, 39.0339),
        ("Moscow", 37.6178, 55.7520),
        ("Buenos Aires", -58.3816, -34.6037),
        ("Longyearbyen", 15.6356, 78.2232),
        ("McMurdo", 166.6667, -77.85),
        ("Null Island", 0.0, 0.0),
    ];

    #[test]
    fn projecting_and_back_returns_the_same_place() {
        for &(name, lon, lat) in CITIES {
            let back = unproject(project(LonLat::new(lon, lat)));
            assert!(
                (back.lon - lon).abs() < 1e-9 && (back.lat - lat).abs() < 1e-9,
                "{name}: expected ({lon}, {lat}), got ({}, {})",
                back.lon,
                back.lat
            );
        }
    }

    #[test]
    fn north_is_up_east_is_right_and_the_equator_is_zero() {
        let origin = project(LonLat::new(0.0, 0.0));
        assert!(origin[0] == 0.0 && origin[1].abs() < 1e-12, "{origin:?}");
        let moscow = project(LonLat::new(37.6, 55.75));
        let kursk = project(LonLat::new(36.2, 51.7));
        assert!(moscow[1] > kursk[1] && moscow[0] > kursk[0]);
        assert!(project_lat(-30.0) < 0.0);
    }

    #[test]
    fn near_the_equator_the_scale_is_one_to_one() {
        let y = project_lat(1.0);
        assert!((y - 1.0).abs() < 0.001, "{y}");
    }

    #[test]
    fn the_poles_stay_finite() {
        assert!(project_lat(90.0).is_finite() && project_lat(-90.0).is_finite());
        assert!(project_lat(90.0) < 135.0);
    }
}
