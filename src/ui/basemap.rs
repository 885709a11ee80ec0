//! The basemap as drawable geometry: every country triangulated once (egui_plot's `Polygon`
//! fills convex shapes only, and most countries are not convex), its borders as rings, both
//! projected, at two levels of detail: a simplified one for the world view and the full one
//! for close-ups. Drawing a frame then only moves vertices to the screen.
//!
//! [`BasemapLayer`] and [`OutlineLayer`] are egui_plot items, so the map pans and zooms them
//! with everything else. The basemap's screen mesh (fills and borders, borders as thin quads
//! so no path tessellation is needed) is kept while the view does not move: a still map costs
//! one `Arc` clone a frame.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::{Range, RangeInclusive};
use std::sync::Arc;

use egui::epaint::Mesh;
use egui::{Color32, Pos2, Rect, Shape, Stroke, Ui, Vec2};
use egui_plot::{PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotTransform};
use geo::{MultiPolygon, Polygon, Simplify, TriangulateEarcut};

use super::projection::project;
use super::theme;
use crate::geo::Basemap;
use crate::model::LonLat;

/// The simplified levels of detail: how far outlines may stray from the full ones, and the
/// size below which a part (an islet) is dropped, both in degrees. The first is for the world
/// view, the second for a continent.
const SIMPLIFIED: [(f64, f64); 2] = [(0.2, 0.8), (0.04, 0.1)];
/// Consecutive border points closer than this on screen (points) are drawn as one.
const MIN_SCREEN_STEP: f32 = 2.0;

/// An axis-aligned box in map coordinates: `[min_x, min_y, max_x, max_y]`.
pub type MapBox = [f64; 4];

/// Projected rings of one shape: points, and the ranges of each ring in them.
#[derive(Clone, Debug, Default)]
pub struct Rings {
    pub points: Vec<[f32; 2]>,
    pub rings: Vec<Range<u32>>,
}

impl Rings {
    /// Adds a polygon's rings, cut where they jump across the antimeridian (a shape that
    /// wraps around the date line, such as Chukotka or Fiji, would otherwise draw a line
    /// across the whole map).
    fn push_polygon(&mut self, polygon: &Polygon<f64>) {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let mut start = self.points.len() as u32;
            let mut last_lon: Option<f64> = None;
            for c in ring.coords() {
                if last_lon.is_some_and(|l| (c.x - l).abs() > 180.0) {
                    self.rings.push(start..self.points.len() as u32);
                    start = self.points.len() as u32;
                }
                last_lon = Some(c.x);
                let [x, y] = project(LonLat::new(c.x, c.y));
                self.points.push([x as f32, y as f32]);
            }
            self.rings.push(start..self.points.len() as u32);
        }
    }

    /// Projects every ring of a shape.
    pub fn from_shape(shape: &MultiPolygon<f64>) -> Rings {
        let mut rings = Rings::default();
        for p in shape {
            rings.push_polygon(p);
        }
        rings
    }

    /// Each ring on screen, without points that land on the same spot.
    fn screen_rings(&self, map: &ScreenMap, mut each: impl FnMut(&[Pos2])) {
        let mut screen: Vec<Pos2> = Vec::new();
        for ring in &self.rings {
            screen.clear();
            for p in &self.points[ring.start as usize..ring.end as usize] {
                let s = map.apply(*p);
                if screen
                    .last()
                    .is_none_or(|l| (l.x - s.x).abs() + (l.y - s.y).abs() >= MIN_SCREEN_STEP)
                {
                    screen.push(s);
                }
            }
            if screen.len() >= 2 {
                each(&screen);
            }
        }
    }

    /// Adds the rings as (anti-aliased) screen polylines.
    pub fn add_shapes(&self, transform: &PlotTransform, stroke: Stroke, shapes: &mut Vec<Shape>) {
        self.screen_rings(&ScreenMap::new(transform), |pts| {
            shapes.push(Shape::line(pts.to_vec(), stroke));
        });
    }

    /// Adds the rings to a mesh as strips of `stroke.width` (hairlines need no smoothing):
    /// two vertices per point, each point offset along its segment's normal, which is close
    /// enough at joints for a line one point wide and half the vertices of one quad a segment.
    fn add_to_mesh(&self, map: &ScreenMap, stroke: Stroke, mesh: &mut Mesh) {
        let half = stroke.width / 2.0;
        self.screen_rings(map, |pts| {
            let first = mesh.vertices.len() as u32;
            let mut normal = Vec2::ZERO;
            for (k, p) in pts.iter().enumerate() {
                // the normal of the segment that starts here (the last point keeps the one
                // before); `screen_rings` has dropped repeated points
                if let Some(next) = pts.get(k + 1) {
                    let d = *next - *p;
                    normal = Vec2::new(-d.y, d.x) * (half / d.length().max(f32::EPSILON));
                }
                mesh.colored_vertex(*p + normal, stroke.color);
                mesh.colored_vertex(*p - normal, stroke.color);
            }
            for k in 0..pts.len() as u32 - 1 {
                let i = first + 2 * k;
                mesh.add_triangle(i, i + 1, i + 2);
                mesh.add_triangle(i + 1, i + 3, i + 2);
            }
        });
    }
}

/// What a screen mesh was built for: the plot's frame and bounds, and a generation for
/// everything else it depends on. The same key, the same mesh.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewKey {
    frame: Rect,
    bounds: [f64; 4],
    generation: u64,
}

impl ViewKey {
    pub fn new(transform: &PlotTransform, generation: u64) -> ViewKey {
        let b = transform.bounds();
        ViewKey {
            frame: *transform.frame(),
            bounds: [b.min()[0], b.min()[1], b.max()[0], b.max()[1]],
            generation,
        }
    }
}

/// A screen mesh kept between frames.
pub type MeshCache = RefCell<Option<(ViewKey, Arc<Mesh>)>>;

/// The cached mesh for `key`, or a new one from `build` (then cached).
pub fn cached_mesh(cache: &MeshCache, key: ViewKey, build: impl FnOnce() -> Mesh) -> Arc<Mesh> {
    if let Some((k, mesh)) = &*cache.borrow()
        && *k == key
    {
        return Arc::clone(mesh);
    }
    let mesh = Arc::new(build());
    *cache.borrow_mut() = Some((key, Arc::clone(&mesh)));
    mesh
}

/// One level of detail of every country.
#[derive(Default)]
struct Detail {
    vertices: Vec<[f32; 2]>,
    indices: Vec<u32>,
    /// Per country: its vertices and its triangle indices.
    fill: Vec<(Range<u32>, Range<u32>)>,
    /// Per country: its borders.
    borders: Vec<Rings>,
}

impl Detail {
    /// Adds a country, simplified by `(epsilon, min_extent)` unless `None`.
    fn push_country(&mut self, shape: &MultiPolygon<f64>, simplify: Option<(f64, f64)>) {
        let v0 = self.vertices.len() as u32;
        let i0 = self.indices.len() as u32;
        let mut borders = Rings::default();
        for polygon in shape {
            let polygon = match simplify {
                Some((epsilon, min_extent)) => {
                    if extent(polygon) < min_extent {
                        continue;
                    }
                    polygon.simplify(epsilon)
                }
                None => polygon.clone(),
            };
            // earcut needs closed rings of at least four points (simplifying can collapse
            // a small hole)
            if polygon.exterior().0.len() < 4 {
                continue;
            }
            let holes: Vec<_> = polygon
                .interiors()
                .iter()
                .filter(|r| r.0.len() >= 4)
                .cloned()
                .collect();
            let polygon = Polygon::new(polygon.exterior().clone(), holes);
            let raw = polygon.earcut_triangles_raw();
            let base = self.vertices.len() as u32;
            self.vertices.extend(raw.vertices.iter().map(|&[lon, lat]| {
                let [x, y] = project(LonLat::new(lon, lat));
                [x as f32, y as f32]
            }));
            // a triangle wider than half the world joins the two sides of the date line
            for t in raw.triangle_indices.chunks_exact(3) {
                let lons = t.iter().map(|&i| raw.vertices[i][0]);
                let (lo, hi) =
                    lons.fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
                if hi - lo <= 180.0 {
                    self.indices.extend(t.iter().map(|&i| base + i as u32));
                }
            }
            borders.push_polygon(&polygon);
        }
        self.fill.push((
            v0..self.vertices.len() as u32,
            i0..self.indices.len() as u32,
        ));
        self.borders.push(borders);
    }
}

fn extent(p: &Polygon<f64>) -> f64 {
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for c in p.exterior().coords() {
        min_x = min_x.min(c.x);
        max_x = max_x.max(c.x);
        min_y = min_y.min(c.y);
        max_y = max_y.max(c.y);
    }
    (max_x - min_x).max(max_y - min_y)
}

/// The basemap, triangulated and projected.
pub struct BasemapMesh {
    /// The world view's detail, a continent's, and the full one.
    details: [Detail; 3],
    /// Per country: its box in map coordinates (for culling), its ISO code and name.
    pub countries: Vec<(MapBox, String, String)>,
    by_code: HashMap<String, usize>,
    /// Admin-1 regions by GeoNames id: index into `Basemap::regions`.
    pub region_by_geonameid: HashMap<u32, usize>,
}

impl BasemapMesh {
    /// Triangulates every country at both levels of detail (a few hundred milliseconds in a
    /// release build: run it on a worker).
    pub fn new(basemap: &Basemap) -> BasemapMesh {
        let mut details: [Detail; 3] = Default::default();
        let mut countries = Vec::with_capacity(basemap.countries.len());
        let mut by_code = HashMap::new();
        for (i, c) in basemap.countries.iter().enumerate() {
            details[0].push_country(&c.shape, Some(SIMPLIFIED[0]));
            details[1].push_country(&c.shape, Some(SIMPLIFIED[1]));
            details[2].push_country(&c.shape, None);
            let bbox = c.bbox.map_or([0.0; 4], |b| {
                let lo = project(LonLat::new(b.min().x, b.min().y));
                let hi = project(LonLat::new(b.max().x, b.max().y));
                [lo[0], lo[1], hi[0], hi[1]]
            });
            countries.push((bbox, c.code.clone(), c.name.clone()));
            if !c.code.is_empty() {
                by_code.insert(c.code.clone(), i);
            }
        }
        let region_by_geonameid = basemap
            .regions
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((r.geonameid?, i)))
            .collect();
        BasemapMesh {
            details,
            countries,
            by_code,
            region_by_geonameid,
        }
    }

    /// The country's index, by ISO alpha-2 code.
    pub fn country(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    /// The country's name, by ISO alpha-2 code.
    pub fn country_name(&self, code: &str) -> Option<&str> {
        self.country(code).map(|i| self.countries[i].2.as_str())
    }

    /// Triangles and border points at each detail (world, continent, full), for tests and
    /// figures.
    pub fn sizes(&self) -> [(usize, usize); 3] {
        self.details.each_ref().map(|d| {
            (
                d.indices.len() / 3,
                d.borders.iter().map(|b| b.points.len()).sum(),
            )
        })
    }

    fn detail(&self, transform: &PlotTransform) -> &Detail {
        let per_point = transform.dvalue_dpos()[0].abs();
        let [full, medium] = theme::DETAIL_DEGREES_PER_POINT;
        if per_point < full {
            &self.details[2]
        } else if per_point < medium {
            &self.details[1]
        } else {
            &self.details[0]
        }
    }

    /// Countries whose box meets the view.
    fn visible(&self, transform: &PlotTransform) -> impl Iterator<Item = usize> + '_ {
        let b = *transform.bounds();
        self.countries
            .iter()
            .enumerate()
            .filter(move |(_, (bb, _, _))| {
                bb[0] <= b.max()[0]
                    && bb[2] >= b.min()[0]
                    && bb[1] <= b.max()[1]
                    && bb[3] >= b.min()[1]
            })
            .map(|(i, _)| i)
    }
}

/// Plot coordinates to screen, without building a `PlotPoint` per vertex.
pub struct ScreenMap {
    sx: f64,
    sy: f64,
    ox: f64,
    oy: f64,
}

impl ScreenMap {
    pub fn new(t: &PlotTransform) -> ScreenMap {
        let b = t.bounds();
        let f = t.frame();
        let sx = f.width() as f64 / b.width();
        let sy = -(f.height() as f64) / b.height();
        ScreenMap {
            sx,
            sy,
            ox: f.left() as f64 - b.min()[0] * sx,
            oy: f.bottom() as f64 - b.min()[1] * sy,
        }
    }

    #[inline]
    pub fn apply(&self, [x, y]: [f32; 2]) -> Pos2 {
        Pos2::new(
            (x as f64 * self.sx + self.ox) as f32,
            (y as f64 * self.sy + self.oy) as f32,
        )
    }
}

/// The countries, filled and bordered (egui_plot item).
pub struct BasemapLayer<'a> {
    base: PlotItemBase,
    mesh: &'a BasemapMesh,
    /// Per country.
    fills: &'a [Color32],
    cache: &'a MeshCache,
    /// Changes when the fills do.
    generation: u64,
}

impl<'a> BasemapLayer<'a> {
    pub fn new(
        mesh: &'a BasemapMesh,
        fills: &'a [Color32],
        cache: &'a MeshCache,
        generation: u64,
    ) -> Self {
        BasemapLayer {
            base: PlotItemBase::new("basemap".into()),
            mesh,
            fills,
            cache,
            generation,
        }
    }

    fn build(&self, transform: &PlotTransform) -> Mesh {
        let detail = self.mesh.detail(transform);
        let map = ScreenMap::new(transform);
        let mut mesh = Mesh::default();
        for c in self.mesh.visible(transform) {
            let Some((verts, tris)) = detail.fill.get(c) else {
                continue;
            };
            let color = self.fills.get(c).copied().unwrap_or(theme::LAND);
            let base = mesh.vertices.len() as u32;
            for v in &detail.vertices[verts.start as usize..verts.end as usize] {
                mesh.colored_vertex(map.apply(*v), color);
            }
            mesh.indices.extend(
                detail.indices[tris.start as usize..tris.end as usize]
                    .iter()
                    .map(|&i| i - verts.start + base),
            );
        }
        for c in self.mesh.visible(transform) {
            if let Some(b) = detail.borders.get(c) {
                b.add_to_mesh(&map, theme::BORDER, &mut mesh);
            }
        }
        mesh
    }
}

impl PlotItem for BasemapLayer<'_> {
    fn shapes(&self, _ui: &Ui, transform: &PlotTransform, shapes: &mut Vec<Shape>) {
        shapes.push(Shape::rect_filled(*transform.frame(), 0.0, theme::SEA));
        let key = ViewKey::new(transform, self.generation);
        shapes.push(Shape::Mesh(cached_mesh(self.cache, key, || {
            self.build(transform)
        })));
    }

    fn initialize(&mut self, _x_range: RangeInclusive<f64>) {}

    fn color(&self) -> Color32 {
        theme::LAND
    }

    fn allow_hover(&self) -> bool {
        false
    }

    fn geometry(&self) -> PlotGeometry<'_> {
        PlotGeometry::None
    }

    fn bounds(&self) -> PlotBounds {
        PlotBounds::NOTHING
    }

    fn base(&self) -> &PlotItemBase {
        &self.base
    }

    fn base_mut(&mut self) -> &mut PlotItemBase {
        &mut self.base
    }
}

/// Outlines of some shapes, e.g. the mentioned regions (egui_plot item).
pub struct OutlineLayer<'a> {
    base: PlotItemBase,
    shapes: Vec<&'a Rings>,
    stroke: Stroke,
}

impl<'a> OutlineLayer<'a> {
    pub fn new(name: &str, shapes: Vec<&'a Rings>, stroke: Stroke) -> Self {
        OutlineLayer {
            base: PlotItemBase::new(name.into()),
            shapes,
            stroke,
        }
    }
}

impl PlotItem for OutlineLayer<'_> {
    fn shapes(&self, _ui: &Ui, transform: &PlotTransform, shapes: &mut Vec<Shape>) {
        for r in &self.shapes {
            r.add_shapes(transform, self.stroke, shapes);
        }
    }

    fn initialize(&mut self, _x_range: RangeInclusive<f64>) {}

    fn color(&self) -> Color32 {
        self.stroke.color
    }

    fn allow_hover(&self) -> bool {
        false
    }

    fn geometry(&self) -> PlotGeometry<'_> {
        PlotGeometry::None
    }

    fn bounds(&self) -> PlotBounds {
        PlotBounds::NOTHING
    }

    fn base(&self) -> &PlotItemBase {
        &self.base
    }

    fn base_mut(&mut self) -> &mut PlotItemBase {
        &mut self.base
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn nothing_is_drawn_across_the_date_line() {
        let basemap = Basemap::bundled().unwrap();
        let mesh = BasemapMesh::new(&basemap);
        for d in &mesh.details {
            for t in d.indices.chunks_exact(3) {
                let xs: Vec<f32> = t.iter().map(|&i| d.vertices[i as usize][0]).collect();
                let span = xs.iter().copied().fold(f32::MIN, f32::max)
                    - xs.iter().copied().fold(f32::MAX, f32::min);
                assert!(span <= 180.0, "a triangle spans {span} degrees");
            }
            for b in &d.borders {
                for r in &b.rings {
                    let pts = &b.points[r.start as usize..r.end as usize];
                    for w in pts.windows(2) {
                        assert!((w[0][0] - w[1][0]).abs() <= 180.0);
                    }
                }
            }
        }
    }

    #[test]
    fn every_country_is_filled_at_both_details() {
        let basemap = Basemap::bundled().unwrap();
        let mesh = BasemapMesh::new(&basemap);
        let [(world_tris, world_pts), (_, _), (full_tris, full_pts)] = mesh.sizes();
        assert!(world_tris > 1000 && full_tris > world_tris);
        assert!(full_pts > world_pts);
        let ru = mesh.country("RU").unwrap();
        let (verts, tris) = &mesh.details[2].fill[ru];
        assert!(verts.end > verts.start && tris.end > tris.start);
        assert_eq!(
            mesh.country_name("RU"),
            Some(basemap.countries[ru].name.as_str())
        );
        // triangle indices stay inside their country's vertices
        for &i in &mesh.details[2].indices[tris.start as usize..tris.end as usize] {
            assert!(verts.contains(&i));
        }
    }
}
