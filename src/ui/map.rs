//! The map panel: the basemap with the countries the corpus speaks of shaded by their claim
//! count, the admin regions it mentions outlined, one marker per place (sized by its claims,
//! coloured by its kind, labelled where the label fits), and, for a selected claim, lines from
//! its source's country to its places. Drawn with egui_plot, which pans and zooms (the wheel
//! zooms here, as on any map) and keeps the aspect ratio; the projection lives apart in
//! [`super::projection`].
//!
//! Markers are painted by one plot item; each visible marker (the biggest first, up to a cap)
//! also gets an interactive widget with an accessible label, so screen readers and tests find
//! "Kursk" by name, and the rest are hovered and clicked through the map itself.

use std::collections::HashSet;
use std::ops::RangeInclusive;
use std::sync::Arc;

use egui::epaint::Mesh;
use egui::{Align2, Color32, FontId, Id, Pos2, Rect, Sense, Shape, Stroke, Ui, Vec2};
use egui_plot::{
    Line, Plot, PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotPoint, PlotTransform,
};

use super::basemap::{
    BasemapLayer, BasemapMesh, MapBox, MeshCache, OutlineLayer, Rings, ViewKey, cached_mesh,
};
use super::projection::{project, project_lat, unproject};
use super::theme;
use crate::app::{Action, AppState, Item};
use crate::geo::Basemap;
use crate::model::{ClaimId, PlaceKind};

/// A marker as the corpus defines it (rebuilt when the corpus changes).
struct MarkerBase {
    /// Index into `CorpusIndex::groups`.
    group: usize,
    xy: [f64; 2],
    radius: f32,
    color: Color32,
    name: String,
    /// What screen readers (and tests) call it: "Kursk, city, 2 claims".
    label: String,
    /// Why its reading is uncertain ("also possible: Kursk, region"); drawn hollow.
    uncertain: Option<String>,
}

/// What the map derives from the corpus and the basemap, kept between frames.
#[derive(Default)]
pub struct MapCache {
    basemap: Option<(Arc<Basemap>, Arc<BasemapMesh>)>,
    /// The corpus and view generations and basemap presence the cache was built for.
    built_for: Option<(u64, u64, bool)>,
    /// Most claims first: painted first, so small markers sit on top of big ones.
    markers: Vec<MarkerBase>,
    /// Per group: its marker's index in `markers` (`usize::MAX`: none).
    marker_of_group: Vec<usize>,
    /// Bumped on every rebuild, so the screen meshes know to rebuild too.
    generation: u64,
    basemap_mesh: MeshCache,
    marker_mesh: MeshCache,
    /// Per basemap country.
    fills: Vec<Color32>,
    regions: Vec<Rings>,
    data_box: Option<MapBox>,
    /// The kinds of place on the map, for the legend.
    kinds: Vec<PlaceKind>,
    /// The last frame's plot-to-screen transform.
    transform: Option<PlotTransform>,
}

impl MapCache {
    /// Hands the map its basemap (prepared on a worker).
    pub fn set_basemap(&mut self, basemap: Arc<Basemap>, mesh: Arc<BasemapMesh>) {
        self.basemap = Some((basemap, mesh));
        self.built_for = None;
    }

    pub fn has_basemap(&self) -> bool {
        self.basemap.is_some()
    }

    /// The markers' accessible labels, most claims first (for tests).
    pub fn marker_labels(&self) -> Vec<&str> {
        self.markers.iter().map(|m| m.label.as_str()).collect()
    }

    /// How the last frame placed the map on screen (tests click at projected positions).
    pub fn transform(&self) -> Option<&PlotTransform> {
        self.transform.as_ref()
    }

    /// The part of the map the last frame showed, for "Export map" of the current view.
    pub fn view(&self) -> Option<crate::export::MapView> {
        let b = self.transform.as_ref()?.bounds();
        let (sw, ne) = (unproject(b.min()), unproject(b.max()));
        Some(crate::export::MapView {
            west: sw.lon,
            south: sw.lat,
            east: ne.lon,
            north: ne.lat,
        })
    }

    /// Shrinks markers where the view is crowded, so that they cover at most a share of the
    /// map (judged on the last frame's view): ten thousand full-size discs are one blob.
    fn density_scale(&self) -> f32 {
        let Some(t) = &self.transform else {
            return 1.0;
        };
        let b = t.bounds();
        let area: f32 = self
            .markers
            .iter()
            .filter(|m| {
                (b.min()[0]..=b.max()[0]).contains(&m.xy[0])
                    && (b.min()[1]..=b.max()[1]).contains(&m.xy[1])
            })
            .map(|m| m.radius * m.radius * std::f32::consts::PI)
            .sum();
        let budget = t.frame().area() * theme::MARKER_MAX_COVER;
        if area <= budget {
            1.0
        } else {
            (budget / area).sqrt().max(theme::MARKER_MIN_SCALE)
        }
    }

    fn refresh(&mut self, state: &AppState) {
        let key = (
            state.corpus_generation(),
            state.view_generation(),
            self.basemap.is_some(),
        );
        if self.built_for == Some(key) {
            return;
        }
        self.built_for = Some(key);
        self.generation += 1;
        let corpus = state.corpus();
        let index = state.index();

        self.markers.clear();
        let mut data: Option<MapBox> = None;
        // with a filter on (a speaker, dates, a search), only the places its claims name, sized
        // by those claims
        let view = state.view_groups();
        for &g in &index.groups_by_claims {
            let group = &index.groups[g];
            let Some(point) = group.point else { continue };
            let n = match view {
                Some(counts) => match counts.get(g).copied().unwrap_or(0) {
                    0 => continue,
                    k => k as usize,
                },
                None => group.claims.len(),
            };
            let xy = project(point);
            data = Some(match data {
                None => [xy[0], xy[1], xy[0], xy[1]],
                Some(b) => [
                    b[0].min(xy[0]),
                    b[1].min(xy[1]),
                    b[2].max(xy[0]),
                    b[3].max(xy[1]),
                ],
            });
            let primary = corpus.place(group.primary);
            let radius = (theme::MARKER_MIN_RADIUS
                + theme::MARKER_RADIUS_PER_SQRT_CLAIM * (n as f32).sqrt())
            .min(theme::MARKER_MAX_RADIUS);
            let kinds = kinds_label(group.members.iter().map(|&m| corpus.place(m).kind));
            let label = format!(
                "{}, {kinds}, {n} {}",
                primary.name,
                if n == 1 { "claim" } else { "claims" }
            );
            let uncertain = place_uncertainty(corpus, group.primary);
            self.markers.push(MarkerBase {
                group: g,
                xy,
                radius,
                color: theme::place_kind_color(primary.kind),
                name: primary.name.clone(),
                label,
                uncertain,
            });
        }
        // two markers of one name ("Kursk" the city and the oblast) say which is which
        let mut names: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for m in &self.markers {
            *names.entry(m.name.as_str()).or_default() += 1;
        }
        let twins: HashSet<String> = names
            .into_iter()
            .filter(|&(_, k)| k > 1)
            .map(|(n, _)| n.to_string())
            .collect();
        for m in &mut self.markers {
            if twins.contains(&m.name) {
                let kind = corpus.place(index.groups[m.group].primary).kind;
                m.name = format!("{} ({})", m.name, kind.label());
            }
        }
        self.data_box = data;
        self.kinds = corpus.places().iter().map(|p| p.kind).collect();
        self.kinds.sort();
        self.kinds.dedup();
        self.marker_of_group = vec![usize::MAX; index.groups.len()];
        for (i, m) in self.markers.iter().enumerate() {
            self.marker_of_group[m.group] = i;
        }

        self.fills.clear();
        self.regions.clear();
        if let Some((basemap, mesh)) = &self.basemap {
            let max = index.country_claims.values().copied().max().unwrap_or(0);
            let scale = ((max as f32) + 1.0).ln().max(f32::EPSILON);
            self.fills = mesh
                .countries
                .iter()
                .map(|(_, code, _)| {
                    let n = index.country_claims.get(code).copied().unwrap_or(0);
                    if n > 0 {
                        theme::land_fill(((n as f32) + 1.0).ln() / scale)
                    } else if index.country_mentions.contains_key(code) {
                        theme::LAND_MENTIONED
                    } else {
                        theme::LAND
                    }
                })
                .collect();
            let mut seen = HashSet::new();
            for p in corpus.places() {
                if p.kind != PlaceKind::Region {
                    continue;
                }
                let region = p
                    .geonameid
                    .and_then(|g| mesh.region_by_geonameid.get(&g))
                    .and_then(|&i| basemap.regions.get(i));
                if let Some(r) = region
                    && seen.insert(r.code.clone())
                {
                    self.regions.push(Rings::from_shape(&r.shape));
                }
            }
        }
    }
}

/// "city and region", "country".
fn kinds_label(kinds: impl Iterator<Item = PlaceKind>) -> String {
    let mut labels: Vec<&str> = Vec::new();
    for k in kinds {
        if !labels.contains(&k.label()) {
            labels.push(k.label());
        }
    }
    match labels.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Every marker in one plot item, painted as one mesh: ten thousand markers through the
/// general circle tessellator (feathered paths of up to 64 points each) cost millions of
/// triangles a frame; here a marker is a small fan whose segment count follows its size, and
/// the mesh is kept while the view and the markers stay the same. Selection and hover rings
/// are drawn on top, apart.
struct MarkerLayer<'a> {
    base: PlotItemBase,
    markers: &'a [MarkerBase],
    scale: f32,
    /// Plot position, radius and stroke of each ring.
    rings: Vec<([f64; 2], f32, Stroke)>,
    cache: &'a MeshCache,
    generation: u64,
}

impl MarkerLayer<'_> {
    fn build(&self, transform: &PlotTransform) -> Mesh {
        let frame = *transform.frame();
        let circles = Circles::new();
        let mut mesh = Mesh::default();
        mesh.vertices.reserve(self.markers.len() * 20);
        mesh.indices.reserve(self.markers.len() * 60);
        for m in self.markers {
            let pos = transform.position_from_point(&PlotPoint::new(m.xy[0], m.xy[1]));
            let r = m.radius * self.scale;
            if !frame.expand(r + 4.0).contains(pos) {
                continue;
            }
            let circle = circles.for_radius(r);
            let rim = theme::MARKER_RIM.width;
            if r >= theme::MARKER_SMOOTH_RADIUS {
                // a dark rim with a smoothed edge under the coloured disc
                add_disc(
                    &mut mesh,
                    circle,
                    pos,
                    r + rim,
                    theme::MARKER_RIM.color,
                    1.0,
                );
                add_disc(&mut mesh, circle, pos, r, m.color, 0.0);
                if m.uncertain.is_some() {
                    // hollow: the reading is not settled
                    let inner = r * (1.0 - theme::UNCERTAIN_RING);
                    add_disc(&mut mesh, circle, pos, inner, theme::UNCERTAIN_CENTRE, 0.0);
                }
            } else if m.uncertain.is_some() {
                add_disc(&mut mesh, circle, pos, r + rim, m.color, 0.0);
                add_disc(
                    &mut mesh,
                    circle,
                    pos,
                    (r + rim) * (1.0 - theme::UNCERTAIN_RING),
                    theme::UNCERTAIN_CENTRE,
                    0.0,
                );
            } else {
                // small (crowded) markers: one fan, its colour darkening to the rim; too
                // small for the shading or the jagged edge to show, and half the vertices
                add_shaded_disc(&mut mesh, circle, pos, r + rim, m.color);
            }
        }
        mesh
    }
}

/// Unit circles with 6, 8, 12, 16 and 24 segments.
struct Circles([Vec<Vec2>; 5]);

impl Circles {
    fn new() -> Circles {
        let ring = |n: usize| {
            (0..n)
                .map(|i| {
                    let a = i as f32 / n as f32 * std::f32::consts::TAU;
                    Vec2::new(a.cos(), a.sin())
                })
                .collect()
        };
        Circles([ring(6), ring(8), ring(12), ring(16), ring(24)])
    }

    fn for_radius(&self, r: f32) -> &[Vec2] {
        let i = match r {
            r if r < 4.0 => 0,
            r if r < 5.0 => 1,
            r if r < 8.0 => 2,
            r if r < 14.0 => 3,
            _ => 4,
        };
        &self.0[i]
    }
}

/// A filled disc as a triangle fan; with `feather`, a ring fading out to `r + feather` so the
/// edge is smooth.
fn add_disc(mesh: &mut Mesh, circle: &[Vec2], center: Pos2, r: f32, color: Color32, feather: f32) {
    let n = circle.len() as u32;
    let c = mesh.vertices.len() as u32;
    mesh.colored_vertex(center, color);
    for d in circle {
        mesh.colored_vertex(center + *d * r, color);
    }
    for i in 0..n {
        mesh.add_triangle(c, c + 1 + i, c + 1 + (i + 1) % n);
    }
    if feather > 0.0 {
        let o = mesh.vertices.len() as u32;
        for d in circle {
            mesh.colored_vertex(center + *d * (r + feather), Color32::TRANSPARENT);
        }
        for i in 0..n {
            let j = (i + 1) % n;
            mesh.add_triangle(c + 1 + i, o + i, o + j);
            mesh.add_triangle(c + 1 + i, o + j, c + 1 + j);
        }
    }
}

/// A disc in one fan, `color` at the centre darkening to the rim's colour at the edge.
fn add_shaded_disc(mesh: &mut Mesh, circle: &[Vec2], center: Pos2, r: f32, color: Color32) {
    let n = circle.len() as u32;
    let c = mesh.vertices.len() as u32;
    mesh.colored_vertex(center, color);
    let edge = color.lerp_to_gamma(theme::MARKER_RIM.color, 0.6);
    for d in circle {
        mesh.colored_vertex(center + *d * r, edge);
    }
    for i in 0..n {
        mesh.add_triangle(c, c + 1 + i, c + 1 + (i + 1) % n);
    }
}

impl PlotItem for MarkerLayer<'_> {
    fn shapes(&self, _ui: &Ui, transform: &PlotTransform, shapes: &mut Vec<Shape>) {
        let generation = self
            .generation
            .wrapping_mul(1_000_003)
            .wrapping_add(u64::from(self.scale.to_bits()));
        let key = ViewKey::new(transform, generation);
        shapes.push(Shape::Mesh(cached_mesh(self.cache, key, || {
            self.build(transform)
        })));
        for &(xy, r, stroke) in &self.rings {
            let pos = transform.position_from_point(&PlotPoint::new(xy[0], xy[1]));
            shapes.push(Shape::circle_stroke(pos, r + 2.5, stroke));
        }
    }

    fn initialize(&mut self, _x_range: RangeInclusive<f64>) {}

    fn color(&self) -> Color32 {
        theme::place_kind_color(PlaceKind::City)
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

/// The groups (markers) an item points at on the map.
fn groups_of(state: &AppState, item: Option<Item>) -> HashSet<usize> {
    let corpus = state.corpus();
    let index = state.index();
    let mut out = HashSet::new();
    let add_claim = |c: ClaimId, out: &mut HashSet<usize>| {
        for &p in corpus.places_of(c) {
            if let Some(&g) = index.group_of.get(p.index()) {
                out.insert(g);
            }
        }
    };
    match item {
        Some(Item::Place(p)) => {
            if let Some(&g) = index.group_of.get(p.index()) {
                out.insert(g);
            }
        }
        Some(Item::Mention(m)) => {
            if let Some(&g) = corpus
                .mentions()
                .get(m.index())
                .and_then(|m| index.group_of.get(m.place.index()))
            {
                out.insert(g);
            }
        }
        Some(Item::Claim(c)) => add_claim(c, &mut out),
        Some(Item::Source(s)) => {
            for &c in corpus.claims_by(s) {
                add_claim(c, &mut out);
            }
        }
        Some(Item::Document(_)) | None => {}
    }
    out
}

/// Lines from a claim's source's country to the claim's places.
fn links(state: &AppState) -> Vec<[[f64; 2]; 2]> {
    let corpus = state.corpus();
    let index = state.index();
    let claims: Vec<ClaimId> = match state.selection.selected {
        Some(Item::Claim(c)) => vec![c],
        Some(Item::Source(s)) => corpus.claims_by(s).to_vec(),
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    for c in claims {
        let Some(source) = corpus.claim(c).source else {
            continue;
        };
        let Some(from) = corpus.source(source).affiliation else {
            continue;
        };
        let Some(a) = index.group(from).and_then(|g| g.point) else {
            continue;
        };
        for &p in corpus.places_of(c) {
            if index.same_place(p, from) {
                continue;
            }
            if let Some(b) = index.group(p).and_then(|g| g.point) {
                let seg = [project(a), project(b)];
                if !out.contains(&seg) {
                    out.push(seg);
                }
            }
        }
    }
    out
}

/// The bounds that show the data (or the inhabited world) in a frame of this shape.
pub fn fit_bounds(data: Option<MapBox>, frame: Rect) -> PlotBounds {
    let b = data.unwrap_or([-170.0, project_lat(-50.0), 180.0, project_lat(75.0)]);
    let (cx, cy) = ((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0);
    let pad = 1.0 + 2.0 * theme::FIT_MARGIN;
    let mut w = (b[2] - b[0]).max(theme::FIT_MIN_EXTENT) * pad;
    let mut h = (b[3] - b[1]).max(theme::FIT_MIN_EXTENT) * pad;
    let aspect = (frame.width() / frame.height().max(1.0)).max(0.1) as f64;
    if w / h < aspect {
        w = h * aspect;
    } else {
        h = w / aspect;
    }
    PlotBounds::from_min_max([cx - w / 2.0, cy - h / 2.0], [cx + w / 2.0, cy + h / 2.0])
}

/// Bounds that show every point, moving the view as little as needed: unchanged when all
/// are in view, else centred on them (and widened when they do not fit).
fn reveal_bounds(view: PlotBounds, points: &[[f64; 2]]) -> Option<PlotBounds> {
    let inside = |p: &[f64; 2]| {
        let m = 0.05;
        let (w, h) = (view.width() * m, view.height() * m);
        (view.min()[0] + w..=view.max()[0] - w).contains(&p[0])
            && (view.min()[1] + h..=view.max()[1] - h).contains(&p[1])
    };
    if points.is_empty() || points.iter().all(inside) {
        return None;
    }
    let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
    for p in points {
        for k in 0..2 {
            lo[k] = lo[k].min(p[k]);
            hi[k] = hi[k].max(p[k]);
        }
    }
    let grow = ((hi[0] - lo[0]) * 1.3 / view.width())
        .max((hi[1] - lo[1]) * 1.3 / view.height())
        .max(1.0);
    let (w, h) = (view.width() * grow / 2.0, view.height() * grow / 2.0);
    let (cx, cy) = ((lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0);
    Some(PlotBounds::from_min_max([cx - w, cy - h], [cx + w, cy + h]))
}

/// The map panel.
pub fn map_ui(ui: &mut Ui, state: &AppState, cache: &mut MapCache, actions: &mut Vec<Action>) {
    cache.refresh(state);
    header_ui(ui, &cache.kinds, actions);

    let selected = groups_of(state, state.selection.selected);
    let hovered = groups_of(state, state.selection.hovered);
    let scale = cache.density_scale();
    let ring = |g: &usize, stroke: Stroke| {
        let m = cache.markers.get(*cache.marker_of_group.get(*g)?)?;
        Some((m.xy, m.radius * scale, stroke))
    };
    let rings: Vec<([f64; 2], f32, Stroke)> = selected
        .iter()
        .filter_map(|g| ring(g, theme::SELECTED_RING))
        .chain(
            hovered
                .iter()
                .filter(|g| !selected.contains(g))
                .filter_map(|g| ring(g, theme::HOVER_RING)),
        )
        .collect();
    let links = links(state);

    let fit_id = Id::unique("claimmap.map.fit");
    let fitted: u64 = ui.data(|d| d.get_temp(fit_id)).unwrap_or(0);
    let want_fit = fitted != state.map_fit;
    if want_fit {
        ui.data_mut(|d| d.insert_temp(fit_id, state.map_fit));
    }
    // a selection made elsewhere (a chip, a place in the text) brings its markers into view
    let reveal_id = Id::unique("claimmap.map.reveal");
    let revealed: u64 = ui.data(|d| d.get_temp(reveal_id)).unwrap_or(0);
    let reveal: Vec<[f64; 2]> = if revealed == state.reveal {
        Vec::new()
    } else {
        ui.data_mut(|d| d.insert_temp(reveal_id, state.reveal));
        selected
            .iter()
            .filter_map(|g| cache.markers.get(*cache.marker_of_group.get(*g)?))
            .map(|m| m.xy)
            .collect()
    };
    let data_box = cache.data_box;
    let mesh = cache.basemap.as_ref().map(|(_, m)| Arc::clone(m));
    let fills = &cache.fills;
    let regions: Vec<&Rings> = cache.regions.iter().collect();
    let markers = MarkerLayer {
        base: PlotItemBase::new("markers".into()),
        markers: &cache.markers,
        scale,
        rings,
        cache: &cache.marker_mesh,
        generation: cache.generation,
    };
    let (basemap_mesh, generation) = (&cache.basemap_mesh, cache.generation);

    let plot = Plot::new("claimmap-map")
        .data_aspect(1.0)
        .show_axes(false)
        .show_grid(false)
        .show_x(false)
        .show_y(false)
        .show_background(false)
        .allow_double_click_reset(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .cursor_color(Color32::TRANSPARENT)
        .default_x_bounds(-170.0, 180.0)
        .default_y_bounds(project_lat(-50.0), project_lat(75.0));
    let response = plot.show(ui, |plot_ui| {
        if want_fit {
            plot_ui.set_plot_bounds(fit_bounds(data_box, plot_ui.response().rect));
        } else if let Some(bounds) = reveal_bounds(plot_ui.plot_bounds(), &reveal) {
            plot_ui.set_plot_bounds(bounds);
        } else if plot_ui.response().contains_pointer() {
            // the wheel zooms, as on every map; egui_plot would pan with it
            let scroll = plot_ui.ctx().input(|i| i.smooth_scroll_delta.y);
            let width = plot_ui.plot_bounds().width();
            let factor = (scroll * 0.004).exp();
            let too_far = (factor < 1.0 && width > 400.0) || (factor > 1.0 && width < 0.05);
            if scroll != 0.0 && !too_far {
                plot_ui.zoom_bounds_around_hovered(Vec2::splat(factor));
            }
        }
        if let Some(mesh) = &mesh {
            plot_ui.add(BasemapLayer::new(mesh, fills, basemap_mesh, generation));
        }
        plot_ui.add(OutlineLayer::new(
            "mentioned regions",
            regions,
            theme::REGION_OUTLINE,
        ));
        for (i, [a, b]) in links.iter().enumerate() {
            plot_ui.line(
                Line::new("link", vec![*a, *b])
                    .id(("claim link", i))
                    .color(theme::LINK)
                    .width(theme::LINK_WIDTH)
                    .allow_hover(false),
            );
        }
        plot_ui.add(markers);
    });

    let transform = response.transform;
    cache.transform = Some(transform);
    let frame = *transform.frame();
    let index = state.index();

    // where each visible marker is this frame, in paint order
    let visible: Vec<(usize, Pos2)> = cache
        .markers
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let pos = transform.position_from_point(&PlotPoint::new(m.xy[0], m.xy[1]));
            frame.contains(pos).then_some((i, pos))
        })
        .collect();

    // the marker under a point: where markers overlap, the one whose centre is nearest
    // (so a click on Kursk's centre is Kursk, even if Ukraine's disc reaches it)
    let nearest = |p: Pos2| {
        visible
            .iter()
            .filter(|&&(i, pos)| {
                let r = cache.markers[i].radius * scale + theme::MARKER_HIT_SLACK;
                pos.distance_sq(p) <= r * r
            })
            .min_by(|a, b| a.1.distance_sq(p).total_cmp(&b.1.distance_sq(p)))
            .map(|&(i, _)| i)
    };
    // (not through a dialog drawn over the map)
    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|p| frame.contains(*p) && response.response.contains_pointer());
    let hovered_marker = pointer.and_then(nearest);

    // accessible, clickable widgets for the biggest visible markers
    let mut clicked = None;
    for &(i, pos) in visible.iter().take(theme::MAX_MARKER_WIDGETS) {
        let m = &cache.markers[i];
        let r = m.radius * scale + theme::MARKER_HIT_SLACK;
        let rect = Rect::from_center_size(pos, Vec2::splat(2.0 * r));
        let id = Id::unique(("claimmap.marker", m.group));
        let marker = ui.interact(rect, id, Sense::click());
        let is_selected = selected.contains(&m.group);
        marker.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, &m.label)
        });
        if marker.clicked() {
            // a click through accessibility has no pointer: then it is this marker
            clicked = Some(marker.interact_pointer_pos().and_then(nearest).unwrap_or(i));
        }
    }
    if response.response.clicked() && clicked.is_none() {
        clicked = hovered_marker;
    }
    if let Some(i) = clicked {
        let primary = index.groups[cache.markers[i].group].primary;
        actions.push(Action::Select(Item::Place(primary)));
    }
    if let Some(i) = hovered_marker {
        let group = cache.markers[i].group;
        actions.push(Action::Hover(Item::Place(index.groups[group].primary)));
        let mesh = cache.basemap.as_ref().map(|(_, m)| m.as_ref());
        response
            .response
            .clone()
            .on_hover_ui_at_pointer(|ui| tooltip_ui(ui, state, mesh, group));
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }

    paint_labels(ui, cache, &visible, &selected, frame, scale);
}

/// The legend and the reset button above the map.
fn header_ui(ui: &mut Ui, kinds: &[PlaceKind], actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.strong("Map");
        for &k in kinds {
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(10.0), Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), 4.5, theme::place_kind_color(k));
            ui.small(k.label());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Fit to data")
                .on_hover_text("Show every place again (the wheel zooms, dragging pans)")
                .clicked()
            {
                actions.push(Action::FitMap);
            }
        });
    });
}

/// Name, kind, country, claim count and the top sources of a marker.
fn tooltip_ui(ui: &mut Ui, state: &AppState, mesh: Option<&BasemapMesh>, group: usize) {
    let corpus = state.corpus();
    let index = state.index();
    let Some(g) = index.groups.get(group) else {
        return;
    };
    let primary = corpus.place(g.primary);
    ui.strong(&primary.name);
    let kinds = kinds_label(g.members.iter().map(|&m| corpus.place(m).kind));
    let country = primary
        .country
        .as_deref()
        .filter(|_| primary.kind != PlaceKind::Country)
        .map(|cc| {
            let name = mesh.and_then(|m| m.country_name(cc)).unwrap_or(cc);
            format!(" in {name}")
        });
    ui.label(format!("{kinds}{}", country.unwrap_or_default()));
    if let Some(why) = place_uncertainty(corpus, g.primary) {
        ui.colored_label(theme::ATTENTION, format!("Uncertain: {why}"));
        ui.weak("Click a mention of it in the article to settle it.");
    }
    let n = g.claims.len();
    ui.label(format!("{n} {}", if n == 1 { "claim" } else { "claims" }));
    let mut sources: Vec<(&str, usize)> = Vec::new();
    for &c in &g.claims {
        let name = corpus.source_name(corpus.claim(c));
        match sources.iter_mut().find(|(s, _)| *s == name) {
            Some((_, k)) => *k += 1,
            None => sources.push((name, 1)),
        }
    }
    sources.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if !sources.is_empty() {
        let top: Vec<String> = sources
            .iter()
            .take(3)
            .map(|(s, k)| format!("{s} ({k})"))
            .collect();
        ui.label(format!("Top sources: {}", top.join(", ")));
    }
    let spoken_from: usize = g
        .members
        .iter()
        .map(|&m| corpus.sources_from(m).len())
        .sum();
    if spoken_from > 0 {
        ui.weak(format!("{spoken_from} sources speak from here"));
    }
}

/// Why a place's reading is uncertain, if it is: one of its mentions is the machine's reading
/// with others close behind, which nobody has settled.
fn place_uncertainty(
    corpus: &crate::model::Corpus,
    place: crate::model::PlaceId,
) -> Option<String> {
    let m = corpus
        .place(place)
        .mentions
        .iter()
        .map(|&m| corpus.mention(m))
        .find(|m| m.is_uncertain())?;
    let others: Vec<String> = m
        .alternatives
        .iter()
        .take(3)
        .map(|a| format!("{}, {}", a.name, a.kind.label()))
        .collect();
    let p = corpus.place(place);
    Some(format!(
        "read as {}, {} ({:.0}% sure); also possible: {}",
        p.name,
        p.kind.label(),
        m.confidence * 100.0,
        others.join("; ")
    ))
}

/// Labels for the biggest visible markers, where they do not cover one another.
fn paint_labels(
    ui: &Ui,
    cache: &MapCache,
    visible: &[(usize, Pos2)],
    selected: &HashSet<usize>,
    frame: Rect,
    scale: f32,
) {
    let painter = ui.painter_at(frame);
    let font = FontId::proportional(theme::LABEL_SIZE);
    let mut placed: Vec<Rect> = Vec::new();
    // selected markers first, then the biggest
    let order = visible
        .iter()
        .filter(|(i, _)| selected.contains(&cache.markers[*i].group))
        .chain(
            visible
                .iter()
                .filter(|(i, _)| !selected.contains(&cache.markers[*i].group)),
        )
        .take(theme::MAX_LABELS_TRIED);
    for &(i, pos) in order {
        let m = &cache.markers[i];
        let galley = painter.layout_no_wrap(m.name.clone(), font.clone(), theme::LABEL_TEXT);
        let gap = m.radius * scale + 4.0;
        // right of the marker, else left, above, below
        let candidates = [
            (Align2::LEFT_CENTER, Vec2::new(gap, 0.0)),
            (Align2::RIGHT_CENTER, Vec2::new(-gap, 0.0)),
            (Align2::CENTER_BOTTOM, Vec2::new(0.0, -gap)),
            (Align2::CENTER_TOP, Vec2::new(0.0, gap)),
        ];
        let Some(rect) = candidates
            .iter()
            .map(|(align, offset)| align.anchor_size(pos + *offset, galley.size()).expand(2.0))
            .find(|rect| frame.contains_rect(*rect) && !placed.iter().any(|r| r.intersects(*rect)))
        else {
            continue;
        };
        placed.push(rect);
        painter.rect_filled(rect, 3.0, theme::LABEL_PLATE);
        painter.galley(rect.min + Vec2::splat(2.0), galley, theme::LABEL_TEXT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revealing_a_place_in_view_moves_nothing() {
        let view = PlotBounds::from_min_max([0.0, 0.0], [100.0, 50.0]);
        assert!(reveal_bounds(view, &[[50.0, 25.0]]).is_none());
        assert!(reveal_bounds(view, &[]).is_none());
    }

    #[test]
    fn revealing_a_place_out_of_view_centres_it_at_the_same_zoom() {
        let view = PlotBounds::from_min_max([0.0, 0.0], [100.0, 50.0]);
        let b = reveal_bounds(view, &[[300.0, 40.0]]).unwrap_or(view);
        assert_eq!((b.width(), b.height()), (100.0, 50.0));
        assert_eq!(b.center().x, 300.0);
        // two places further apart than the view: it widens to show both
        let b = reveal_bounds(view, &[[-200.0, 0.0], [300.0, 0.0]]).unwrap_or(view);
        assert!(b.width() >= 500.0 && b.min()[0] <= -200.0 && b.max()[0] >= 300.0);
    }
}
