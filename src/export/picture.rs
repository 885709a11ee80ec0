//! The map as a picture, written as SVG from the project's own geometry: the basemap with the
//! countries the claims are about shaded by their claim count (as the app shades them), the
//! admin regions they name outlined, one marker per place sized by its claims and coloured by
//! its kind, labels placed greedily where they cover no other label or marker, lines from a
//! source's country to the places it speaks of, a title, a legend and the data's attribution.
//! The SVG, PNG and HTML exports all draw this one picture.
//!
//! The style is for print rather than the app's dark screen: a pale sea and land, so that a
//! printed page spends its ink on the claims, and every label has a white halo so that it
//! reads on any fill. Text widths are estimated (the picture is written without a font at
//! hand), generously, so that labels placed apart stay apart in any sans-serif font.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use super::ExportSet;
use crate::geo::Basemap;
use crate::geo::projection::{project, project_lat, unproject};
use crate::model::{ClaimId, Corpus, LonLat, PlaceId, PlaceKind};

/// The picture's width when none is asked for, in pixels.
pub const DEFAULT_WIDTH: u32 = 1600;
/// The widths a picture may have, in pixels.
pub const WIDTHS: std::ops::RangeInclusive<u32> = 200..=8000;

/// How a map picture is framed: its width in pixels and, optionally, the part of the map it
/// shows (else it fits the places).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapFrame {
    pub width: u32,
    pub view: Option<MapView>,
}

impl Default for MapFrame {
    fn default() -> MapFrame {
        MapFrame {
            width: DEFAULT_WIDTH,
            view: None,
        }
    }
}

/// A part of the map, by the longitudes and latitudes of its edges (west < east,
/// south < north), such as the app's map shows at the moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

/// A drawn map: the SVG document and its size in pixels.
#[derive(Clone, Debug)]
pub struct Picture {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

/// What the picture is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A picture on its own (SVG, PNG): with its title, sized as asked.
    Picture,
    /// The map of the HTML report: no title (the page has it), sized for a page (at most
    /// [`REPORT_WIDTH`]), and each marker a link to its place's section (`#place-N`, N the
    /// place id).
    Report,
}

/// The widest map the HTML report draws, in pixels (the page scales it to fit).
pub const REPORT_WIDTH: u32 = 1200;

// ---- the look ----

const FONT_FAMILY: &str = "Ubuntu, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const PAPER: &str = "#ffffff";
const INK: &str = "#1d232b";
const INK_SOFT: &str = "#5a6570";
const SEA: &str = "#dfe8ef";
const LAND: [u8; 3] = [246, 244, 239];
const LAND_MENTIONED: &str = "#e9e3d8";
const LAND_HOT: [u8; 3] = [222, 112, 44];
const BORDER: &str = "#a3afba";
const REGION_OUTLINE: &str = "#b4531b";
const MARKER_RIM: &str = "#1d232b";
const LINK: &str = "#4b3b8f";
const LINK_OPACITY: f64 = 0.55;
const HALO: &str = "#ffffff";
/// Sizes at the default width; other widths scale them.
const TITLE_SIZE: f64 = 28.0;
const SUBTITLE_SIZE: f64 = 15.0;
const LABEL_SIZE: f64 = 15.0;
const LEGEND_SIZE: f64 = 14.0;
const ATTRIBUTION_SIZE: f64 = 12.5;
const MARGIN: f64 = 24.0;
const MARKER_MIN_RADIUS: f64 = 4.5;
const MARKER_MAX_RADIUS: f64 = 22.0;
const MARKER_RADIUS_PER_SQRT_CLAIM: f64 = 3.2;
/// Margin around the places when the picture fits them, as a share of their extent, and the
/// smallest extent it shows in degrees (one city alone is not a whole picture).
const FIT_MARGIN: f64 = 0.12;
const FIT_MIN_EXTENT: f64 = 8.0;
/// The map's width over its height when it fits the places: no taller than 5:4, no wider
/// than 2:1 (a strip of places along one parallel still gets some land around it).
const FIT_ASPECTS: (f64, f64) = (1.25, 2.0);
/// The aspects a given view may have.
const VIEW_ASPECTS: (f64, f64) = (0.5, 4.0);
/// At most this many markers are tried for a label (the most claims first).
const MAX_LABELS_TRIED: usize = 300;
/// At most this many source-to-place lines are drawn (the most claims first).
const MAX_LINKS: usize = 80;

/// The same as the app's marker colours (`ui::theme::place_kind_color`), as SVG colours.
fn kind_color(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Country => "#f0b429",
        PlaceKind::Region => "#f27d42",
        PlaceKind::City => "#4cc9f0",
        PlaceKind::Continent => "#b388ff",
        PlaceKind::Sea => "#4f83ff",
        PlaceKind::Area => "#f06292",
        PlaceKind::Feature => "#9ccc65",
    }
}

/// A country's fill for its share of the claims (0 = none, 1 = the most of any country); one
/// claim already shows.
fn land_fill(share: f64) -> String {
    let t = 0.3 + 0.7 * share.clamp(0.0, 1.0);
    let c: Vec<u8> = LAND
        .iter()
        .zip(LAND_HOT)
        .map(|(&a, b)| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8)
        .collect();
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

fn marker_radius(claims: usize) -> f64 {
    (MARKER_MIN_RADIUS + MARKER_RADIUS_PER_SQRT_CLAIM * (claims as f64).sqrt())
        .min(MARKER_MAX_RADIUS)
}

/// Escapes text for XML and HTML (content and attribute values alike).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // control characters are not allowed in XML 1.0
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// About how wide a text is in a sans-serif font at `size` pixels (a little wider than most,
/// so that estimated boxes hold the real text).
fn text_width(text: &str, size: f64) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | '\'' | '|' | '!' | ':' | ';' | ' ' => 0.3,
            'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' => 0.38,
            'm' | 'w' | 'M' | 'W' | '—' => 0.88,
            'A'..='Z' => 0.68,
            '0'..='9' => 0.58,
            'a'..='z' => 0.54,
            _ => 0.64,
        })
        .sum();
    ems * size * 1.06
}

/// The title of a picture or report: the headline of a single document, else the count.
pub fn title(corpus: &Corpus, set: &ExportSet) -> String {
    let docs = documents(corpus, set);
    match docs.as_slice() {
        [one] => {
            let t = one_line(&corpus.document(*one).title);
            if t.is_empty() {
                corpus.document(*one).key.clone()
            } else {
                t
            }
        }
        _ => format!("Claims in {} documents", docs.len()),
    }
}

/// The documents the set's claims come from, in corpus order.
pub fn documents(corpus: &Corpus, set: &ExportSet) -> Vec<crate::model::DocId> {
    let mut d: Vec<_> = set.claims.iter().map(|&c| corpus.claim(c).doc).collect();
    d.sort_unstable();
    d.dedup();
    if d.is_empty() && corpus.documents().len() == 1 {
        d.push(corpus.documents()[0].id);
    }
    d
}

/// Text on one line, runs of white space as one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "1 claim", "2 claims".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A place on the picture.
struct Marker {
    place: PlaceId,
    xy: [f64; 2],
    claims: usize,
    kind: PlaceKind,
    /// The label ("Kursk (city)" when two places share a name).
    name: String,
    /// The hover text: "Kursk, city, 2 claims".
    tooltip: String,
}

/// What the picture shows, gathered from the corpus before any drawing.
struct Scene {
    /// Most claims first.
    markers: Vec<Marker>,
    /// Claims about places in each country (ISO alpha-2), a claim counted once per country.
    country_claims: HashMap<String, usize>,
    /// Countries the set's places lie in.
    countries_named: HashSet<String>,
    /// GeoNames ids of the admin regions among the places.
    regions: Vec<u32>,
    /// From a source's country to a place it speaks of, in map coordinates, with the claims.
    links: Vec<([f64; 2], [f64; 2], usize)>,
    claims: usize,
}

impl Scene {
    fn new(corpus: &Corpus, set: &ExportSet) -> Scene {
        let mut in_set: Vec<ClaimId> = set.claims.clone();
        in_set.sort_unstable();
        in_set.dedup();
        let mut places: Vec<PlaceId> = set.places.clone();
        places.sort_unstable();
        places.dedup();

        let mut claims_about: HashMap<PlaceId, usize> = HashMap::new();
        let mut country_claims: HashMap<String, usize> = HashMap::new();
        let mut links: HashMap<(PlaceId, PlaceId), usize> = HashMap::new();
        for &c in &in_set {
            let mut seen: Vec<&str> = Vec::new();
            let claim = corpus.claim(c);
            let from = claim
                .source
                .and_then(|s| corpus.source(s).affiliation)
                .filter(|p| corpus.place(*p).point.is_some());
            for &p in corpus.places_of(c) {
                *claims_about.entry(p).or_default() += 1;
                if let Some(cc) = corpus.place(p).country.as_deref()
                    && !seen.contains(&cc)
                {
                    seen.push(cc);
                    *country_claims.entry(cc.to_string()).or_default() += 1;
                }
                if let Some(from) = from
                    && from != p
                    && corpus.place(p).point.is_some()
                {
                    *links.entry((from, p)).or_default() += 1;
                }
            }
        }

        let mut markers: Vec<Marker> = places
            .iter()
            .filter_map(|&id| {
                let p = corpus.place(id);
                let point = p.point?;
                let n = claims_about.get(&id).copied().unwrap_or(0);
                Some(Marker {
                    place: id,
                    xy: project(point),
                    claims: n,
                    kind: p.kind,
                    name: p.name.clone(),
                    tooltip: format!(
                        "{}, {}, {}",
                        p.name,
                        p.kind.label(),
                        count(n, "claim", "claims")
                    ),
                })
            })
            .collect();
        markers.sort_by(|a, b| b.claims.cmp(&a.claims).then(a.place.cmp(&b.place)));
        // two markers of one name ("Kursk" the city and the oblast) say which is which
        let mut names: HashMap<String, usize> = HashMap::new();
        for m in &markers {
            *names.entry(m.name.clone()).or_default() += 1;
        }
        for m in &mut markers {
            if names.get(&m.name).is_some_and(|&k| k > 1) {
                m.name = format!("{} ({})", m.name, m.kind.label());
            }
        }

        let countries_named = places
            .iter()
            .filter_map(|&p| corpus.place(p).country.clone())
            .collect();
        let mut regions: Vec<u32> = places
            .iter()
            .map(|&p| corpus.place(p))
            .filter(|p| p.kind == PlaceKind::Region)
            .filter_map(|p| p.geonameid)
            .collect();
        regions.sort_unstable();
        regions.dedup();

        let mut links: Vec<((PlaceId, PlaceId), usize)> = links.into_iter().collect();
        links.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let links = links
            .into_iter()
            .take(MAX_LINKS)
            .filter_map(|((a, b), n)| {
                let a = corpus.place(a).point?;
                let b = corpus.place(b).point?;
                (a != b).then(|| (project(a), project(b), n))
            })
            .collect();

        Scene {
            markers,
            country_claims,
            countries_named,
            regions,
            links,
            claims: in_set.len(),
        }
    }
}

/// Where the map lies in the picture: a box of map coordinates onto a box of pixels.
#[derive(Clone, Copy, Debug)]
struct Frame {
    /// `[min_x, min_y, max_x, max_y]` in map coordinates.
    bounds: [f64; 4],
    left: f64,
    top: f64,
    width: f64,
    height: f64,
}

impl Frame {
    fn px(&self, xy: [f64; 2]) -> [f64; 2] {
        let [x0, y0, x1, y1] = self.bounds;
        [
            self.left + (xy[0] - x0) / (x1 - x0) * self.width,
            self.top + (y1 - xy[1]) / (y1 - y0) * self.height,
        ]
    }

    fn contains(&self, r: &Rect) -> bool {
        r.x0 >= self.left
            && r.y0 >= self.top
            && r.x1 <= self.left + self.width
            && r.y1 <= self.top + self.height
    }

    /// The longitudes and latitudes it shows.
    fn lonlat(&self) -> (LonLat, LonLat) {
        let [x0, y0, x1, y1] = self.bounds;
        (unproject([x0, y0]), unproject([x1, y1]))
    }
}

/// The map box (map coordinates) the picture shows, and its aspect.
fn map_bounds(scene: &Scene, view: Option<MapView>) -> [f64; 4] {
    if let Some(v) = view {
        let (a, b) = (
            project(LonLat::new(v.west.min(v.east), v.south.min(v.north))),
            project(LonLat::new(v.west.max(v.east), v.south.max(v.north))),
        );
        let (w, h) = ((b[0] - a[0]).max(1e-6), (b[1] - a[1]).max(1e-6));
        let aspect = (w / h).clamp(VIEW_ASPECTS.0, VIEW_ASPECTS.1);
        return around([a[0], a[1], b[0], b[1]], w, h, aspect);
    }
    let mut b: Option<[f64; 4]> = None;
    for m in &scene.markers {
        let [x, y] = m.xy;
        b = Some(match b {
            None => [x, y, x, y],
            Some(b) => [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)],
        });
    }
    let b = b.unwrap_or([-170.0, project_lat(-50.0), 180.0, project_lat(75.0)]);
    let pad = 1.0 + 2.0 * FIT_MARGIN;
    let w = (b[2] - b[0]).max(FIT_MIN_EXTENT) * pad;
    let h = (b[3] - b[1]).max(FIT_MIN_EXTENT) * pad;
    let aspect = (w / h).clamp(FIT_ASPECTS.0, FIT_ASPECTS.1);
    around(b, w, h, aspect)
}

/// A box of at least `w` by `h` and this aspect, centred on `b`'s centre.
fn around(b: [f64; 4], w: f64, h: f64, aspect: f64) -> [f64; 4] {
    let (cx, cy) = ((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0);
    let (w, h) = if w / h < aspect {
        (h * aspect, h)
    } else {
        (w, w / aspect)
    };
    [cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0]
}

/// A box in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn intersects(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// Whether a circle reaches into the box.
    fn touches_circle(&self, c: [f64; 2], r: f64) -> bool {
        let dx = c[0] - c[0].clamp(self.x0, self.x1);
        let dy = c[1] - c[1].clamp(self.y0, self.y1);
        dx * dx + dy * dy < r * r
    }
}

/// One item of the legend, laid out in a row.
enum Key {
    Kind(PlaceKind),
    Size(usize),
    Ramp,
    Named,
    Region,
    Link,
}

/// Draws the map of a set.
pub fn draw(corpus: &Corpus, set: &ExportSet, basemap: &Basemap, purpose: Purpose) -> Picture {
    let scene = Scene::new(corpus, set);
    let (width, reference) = match purpose {
        Purpose::Picture => (set.map.width, DEFAULT_WIDTH),
        Purpose::Report => (set.map.width.min(REPORT_WIDTH), REPORT_WIDTH),
    };
    let width = f64::from(width.clamp(*WIDTHS.start(), *WIDTHS.end()));
    // sizes scale with the width, text no smaller than readable
    let s = (width / f64::from(reference)).clamp(0.6, 4.0);
    let bounds = map_bounds(&scene, set.map.view);
    let aspect = (bounds[2] - bounds[0]) / (bounds[3] - bounds[1]);

    let header = match purpose {
        Purpose::Picture => (MARGIN + TITLE_SIZE + 10.0 + SUBTITLE_SIZE + 16.0) * s,
        Purpose::Report => 0.0,
    };
    let map_height = (width / aspect).round();
    let frame = Frame {
        bounds,
        left: 0.0,
        top: header,
        width,
        height: map_height,
    };
    let legend = legend_keys(&scene);
    let (legend_rows, legend_height) = layout_legend(&legend, width, s);
    let footer = 14.0 * s + legend_height + (ATTRIBUTION_SIZE + 14.0) * s + MARGIN * s * 0.6;
    let height = (header + map_height + footer).round();

    let mut svg = String::with_capacity(256 * 1024);
    let w = &mut svg;
    let _ = writeln!(
        w,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{}" class="claimmap-map">"#,
        escape(FONT_FAMILY)
    );
    let heading = title(corpus, set);
    let _ = writeln!(w, "<title>{}</title>", escape(&heading));
    let _ = writeln!(
        w,
        r#"<defs><clipPath id="cm-map"><rect x="0" y="{:.1}" width="{width}" height="{map_height}"/></clipPath><marker id="cm-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerUnits="userSpaceOnUse" markerWidth="{:.1}" markerHeight="{:.1}" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{LINK}"/></marker></defs>"#,
        frame.top,
        10.0 * s,
        10.0 * s
    );
    let _ = writeln!(
        w,
        r#"<rect width="{width}" height="{height}" fill="{PAPER}"/>"#
    );

    if purpose == Purpose::Picture {
        draw_header(w, corpus, set, &scene, &heading, width, s);
    }

    // the map
    let _ = writeln!(w, r#"<g clip-path="url(#cm-map)">"#);
    let _ = writeln!(
        w,
        r#"<rect x="0" y="{:.1}" width="{width}" height="{map_height}" fill="{SEA}"/>"#,
        frame.top
    );
    draw_basemap(w, basemap, &scene, &frame, s);
    draw_links(w, &scene, &frame, s);
    draw_markers(w, &scene, &frame, s, purpose);
    draw_labels(w, &scene, &frame, s);
    let _ = writeln!(w, "</g>");
    let _ = writeln!(
        w,
        r#"<rect x="0.5" y="{:.1}" width="{:.1}" height="{map_height}" fill="none" stroke="{BORDER}"/>"#,
        frame.top,
        width - 1.0
    );

    // the legend and the attribution
    let mut y = header + map_height + 14.0 * s;
    for row in &legend_rows {
        draw_legend_row(w, row, &legend, y, s);
        y += legend_row_height(s);
    }
    let attribution = "Basemap: Natural Earth (public domain), UN view · Places: GeoNames (CC BY 4.0) · Claims: claimmap";
    let _ = writeln!(
        w,
        r#"<text x="{:.1}" y="{:.1}" font-size="{:.1}" fill="{INK_SOFT}">{}</text>"#,
        MARGIN * s,
        y + ATTRIBUTION_SIZE * s + 4.0 * s,
        ATTRIBUTION_SIZE * s,
        escape(attribution)
    );
    let _ = writeln!(w, "</svg>");
    Picture {
        svg,
        width: width as u32,
        height: height as u32,
    }
}

/// The title and, under it, what the picture counts.
fn draw_header(
    w: &mut String,
    corpus: &Corpus,
    set: &ExportSet,
    scene: &Scene,
    heading: &str,
    width: f64,
    s: f64,
) {
    let _ = writeln!(
        w,
        r#"<text x="{:.1}" y="{:.1}" font-size="{:.1}" font-weight="bold" fill="{INK}">{}</text>"#,
        MARGIN * s,
        (MARGIN + TITLE_SIZE) * s,
        TITLE_SIZE * s,
        escape(&fit_text(heading, width - 2.0 * MARGIN * s, TITLE_SIZE * s))
    );
    let subtitle = format!(
        "{} about {}, from {}",
        count(scene.claims, "claim", "claims"),
        count(
            scene.markers.iter().filter(|m| m.claims > 0).count(),
            "place",
            "places"
        ),
        count(documents(corpus, set).len(), "document", "documents"),
    );
    let _ = writeln!(
        w,
        r#"<text x="{:.1}" y="{:.1}" font-size="{:.1}" fill="{INK_SOFT}">{}</text>"#,
        MARGIN * s,
        (MARGIN + TITLE_SIZE + 10.0 + SUBTITLE_SIZE) * s,
        SUBTITLE_SIZE * s,
        escape(&subtitle)
    );
}

/// The text, cut with an ellipsis where it would be wider than `room`.
fn fit_text(text: &str, room: f64, size: f64) -> String {
    if text_width(text, size) <= room {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&out, size) + size > room {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// Countries, filled by their claims, with their borders; the named regions outlined.
fn draw_basemap(w: &mut String, basemap: &Basemap, scene: &Scene, frame: &Frame, s: f64) {
    let (sw, ne) = frame.lonlat();
    let in_view = |b: &Option<geo::Rect<f64>>| {
        b.is_some_and(|b| {
            b.max().x >= sw.lon && b.min().x <= ne.lon && b.max().y >= sw.lat && b.min().y <= ne.lat
        })
    };
    let max = scene.country_claims.values().copied().max().unwrap_or(0);
    let scale = ((max as f64) + 1.0).ln().max(f64::EPSILON);
    let _ = writeln!(
        w,
        r#"<g stroke="{BORDER}" stroke-width="{:.2}" stroke-linejoin="round" fill-rule="evenodd">"#,
        0.7 * s
    );
    for country in basemap.countries.iter().filter(|c| in_view(&c.bbox)) {
        let n = scene
            .country_claims
            .get(&country.code)
            .copied()
            .unwrap_or(0);
        let fill = if n > 0 {
            land_fill(((n as f64) + 1.0).ln() / scale)
        } else if scene.countries_named.contains(&country.code) {
            LAND_MENTIONED.to_string()
        } else {
            format!("#{:02x}{:02x}{:02x}", LAND[0], LAND[1], LAND[2])
        };
        let d = path_data(&country.shape, frame);
        if !d.is_empty() {
            let _ = writeln!(
                w,
                r#"<path fill="{fill}" d="{d}"><title>{}</title></path>"#,
                escape(&country.name)
            );
        }
    }
    let _ = writeln!(w, "</g>");
    let regions: Vec<_> = scene
        .regions
        .iter()
        .filter_map(|&g| basemap.region_by_geonameid(g))
        .filter(|r| in_view(&r.bbox))
        .collect();
    if !regions.is_empty() {
        let _ = writeln!(
            w,
            r#"<g fill="none" stroke="{REGION_OUTLINE}" stroke-width="{:.2}" stroke-linejoin="round">"#,
            1.8 * s
        );
        for r in regions {
            let _ = writeln!(
                w,
                r#"<path d="{}"><title>{}</title></path>"#,
                path_data(&r.shape, frame),
                escape(&r.name)
            );
        }
        let _ = writeln!(w, "</g>");
    }
}

/// SVG path data for a shape, in pixels. A ring that crosses the antimeridian (Chukotka,
/// Fiji) is unwrapped into one continuous ring past ±180° and drawn once more a world away,
/// so that both sides are filled without a seam across the map. Points closer than a pixel
/// to the last one are dropped, and so are rings smaller than a pixel or two.
fn path_data(shape: &geo::MultiPolygon<f64>, frame: &Frame) -> String {
    let mut d = String::new();
    for polygon in shape {
        let rings: Vec<Vec<LonLat>> = std::iter::once(polygon.exterior())
            .chain(polygon.interiors())
            .map(|ring| {
                let mut shift = 0.0;
                let mut last: Option<f64> = None;
                ring.coords()
                    .map(|c| {
                        if let Some(l) = last {
                            if c.x - l > 180.0 {
                                shift -= 360.0;
                            } else if l - c.x > 180.0 {
                                shift += 360.0;
                            }
                        }
                        last = Some(c.x);
                        LonLat::new(c.x + shift, c.y)
                    })
                    .collect()
            })
            .collect();
        let (lo, hi) = rings.first().map_or((0.0, 0.0), |r| {
            r.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
                (lo.min(p.lon), hi.max(p.lon))
            })
        });
        let mut offsets = vec![0.0];
        if hi > 180.0 {
            offsets.push(-360.0);
        }
        if lo < -180.0 {
            offsets.push(360.0);
        }
        for offset in offsets {
            for ring in &rings {
                ring_path(&mut d, ring, offset, frame);
            }
        }
    }
    d
}

fn ring_path(d: &mut String, ring: &[LonLat], offset: f64, frame: &Frame) {
    let points: Vec<[f64; 2]> = ring
        .iter()
        .map(|p| frame.px(project(LonLat::new(p.lon + offset, p.lat))))
        .collect();
    let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
    for p in &points {
        for k in 0..2 {
            lo[k] = lo[k].min(p[k]);
            hi[k] = hi[k].max(p[k]);
        }
    }
    let outside = hi[0] < frame.left
        || lo[0] > frame.left + frame.width
        || hi[1] < frame.top
        || lo[1] > frame.top + frame.height;
    if points.len() < 3 || (hi[0] - lo[0]).max(hi[1] - lo[1]) < 1.5 || outside {
        return;
    }
    let mut last = points[0];
    let _ = write!(d, "M{:.1} {:.1}", last[0], last[1]);
    for p in &points[1..] {
        if (p[0] - last[0]).abs() + (p[1] - last[1]).abs() >= 1.0 {
            let _ = write!(d, "L{:.1} {:.1}", p[0], p[1]);
            last = *p;
        }
    }
    d.push('Z');
}

/// Curved lines from a source's country to the places it speaks of, arrowed at the place.
fn draw_links(w: &mut String, scene: &Scene, frame: &Frame, s: f64) {
    if scene.links.is_empty() {
        return;
    }
    let radius_at: HashMap<[u64; 2], f64> = scene
        .markers
        .iter()
        .map(|m| {
            (
                [m.xy[0].to_bits(), m.xy[1].to_bits()],
                marker_radius(m.claims),
            )
        })
        .collect();
    let _ = writeln!(
        w,
        r#"<g fill="none" stroke="{LINK}" stroke-opacity="{LINK_OPACITY}" stroke-linecap="round" marker-end="url(#cm-arrow)">"#
    );
    for &(a, b, n) in &scene.links {
        let (pa, pb) = (frame.px(a), frame.px(b));
        let (dx, dy) = (pb[0] - pa[0], pb[1] - pa[1]);
        let len = (dx * dx + dy * dy).sqrt();
        let r = radius_at
            .get(&[b[0].to_bits(), b[1].to_bits()])
            .copied()
            .unwrap_or(MARKER_MIN_RADIUS)
            * s;
        if len < r * 3.0 {
            continue;
        }
        // bend to the left of the way, so lines both ways between two places do not overlap
        let bend = 0.18 * len;
        let ctrl = [
            (pa[0] + pb[0]) / 2.0 + dy / len * bend,
            (pa[1] + pb[1]) / 2.0 - dx / len * bend,
        ];
        // stop at the marker's rim, along the curve's last tangent
        let (tx, ty) = (pb[0] - ctrl[0], pb[1] - ctrl[1]);
        let tl = (tx * tx + ty * ty).sqrt().max(f64::EPSILON);
        let end = [
            pb[0] - tx / tl * (r + 3.0 * s),
            pb[1] - ty / tl * (r + 3.0 * s),
        ];
        let _ = writeln!(
            w,
            r#"<path d="M{:.1} {:.1}Q{:.1} {:.1} {:.1} {:.1}" stroke-width="{:.2}"><title>{}</title></path>"#,
            pa[0],
            pa[1],
            ctrl[0],
            ctrl[1],
            end[0],
            end[1],
            (1.2 + 0.7 * (n as f64).sqrt()).min(5.0) * s,
            count(n, "claim", "claims")
        );
    }
    let _ = writeln!(w, "</g>");
}

/// The markers, the biggest first so that small ones sit on top.
fn draw_markers(w: &mut String, scene: &Scene, frame: &Frame, s: f64, purpose: Purpose) {
    let _ = writeln!(
        w,
        r#"<g stroke="{MARKER_RIM}" stroke-width="{:.2}">"#,
        1.2 * s
    );
    for m in &scene.markers {
        let p = frame.px(m.xy);
        let circle = format!(
            r#"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="{}"><title>{}</title></circle>"#,
            p[0],
            p[1],
            marker_radius(m.claims) * s,
            kind_color(m.kind),
            escape(&m.tooltip)
        );
        match purpose {
            Purpose::Picture => {
                let _ = writeln!(w, "{circle}");
            }
            Purpose::Report => {
                let _ = writeln!(
                    w,
                    r##"<a href="#place-{}" class="place-link">{circle}</a>"##,
                    m.place.0
                );
            }
        }
    }
    let _ = writeln!(w, "</g>");
}

/// Labels for the markers with the most claims, each where it covers no label placed before
/// it and no other marker: right of its marker, else left, above or below.
fn draw_labels(w: &mut String, scene: &Scene, frame: &Frame, s: f64) {
    let size = LABEL_SIZE * s;
    let circles: Vec<([f64; 2], f64)> = scene
        .markers
        .iter()
        .map(|m| (frame.px(m.xy), marker_radius(m.claims) * s))
        .collect();
    let mut placed: Vec<Rect> = Vec::new();
    let _ = writeln!(
        w,
        r#"<g font-size="{size:.1}" fill="{INK}" stroke="{HALO}" stroke-width="{:.1}" stroke-linejoin="round" paint-order="stroke">"#,
        3.5 * s
    );
    for (i, m) in scene.markers.iter().enumerate().take(MAX_LABELS_TRIED) {
        let (c, r) = circles[i];
        let tw = text_width(&m.name, size);
        let th = size * 1.2;
        let gap = r + 4.0 * s;
        // (box, text anchor point, text-anchor)
        let candidates = [
            (c[0] + gap, c[1] - th / 2.0, "start"),
            (c[0] - gap - tw, c[1] - th / 2.0, "end"),
            (c[0] - tw / 2.0, c[1] - gap - th, "middle"),
            (c[0] - tw / 2.0, c[1] + gap, "middle"),
        ];
        let found = candidates.iter().find_map(|&(x, y, anchor)| {
            let rect = Rect {
                x0: x - 2.0,
                y0: y - 1.0,
                x1: x + tw + 2.0,
                y1: y + th + 1.0,
            };
            let clear = frame.contains(&rect)
                && !placed.iter().any(|p| p.intersects(&rect))
                && !circles
                    .iter()
                    .enumerate()
                    .any(|(j, &(cc, cr))| j != i && rect.touches_circle(cc, cr));
            clear.then_some((rect, x, y, anchor))
        });
        let Some((rect, x, y, anchor)) = found else {
            continue;
        };
        placed.push(rect);
        let tx = match anchor {
            "start" => x,
            "end" => x + tw,
            _ => x + tw / 2.0,
        };
        // the baseline sits about a fifth of the line above the box's bottom
        let ty = y + th * 0.8;
        let _ = writeln!(
            w,
            r#"<text x="{tx:.1}" y="{ty:.1}" text-anchor="{anchor}">{}</text>"#,
            escape(&m.name)
        );
    }
    let _ = writeln!(w, "</g>");
}

fn legend_keys(scene: &Scene) -> Vec<Key> {
    let mut kinds: Vec<PlaceKind> = scene.markers.iter().map(|m| m.kind).collect();
    kinds.sort();
    kinds.dedup();
    let mut keys: Vec<Key> = kinds.into_iter().map(Key::Kind).collect();
    let max = scene.markers.iter().map(|m| m.claims).max().unwrap_or(0);
    keys.extend(
        [1, 5, 20]
            .into_iter()
            .filter(|&n| n == 1 || n <= max)
            .map(Key::Size),
    );
    if !scene.country_claims.is_empty() {
        keys.push(Key::Ramp);
    }
    let named_only = scene
        .countries_named
        .iter()
        .any(|c| !scene.country_claims.contains_key(c));
    if named_only {
        keys.push(Key::Named);
    }
    if !scene.regions.is_empty() {
        keys.push(Key::Region);
    }
    if !scene.links.is_empty() {
        keys.push(Key::Link);
    }
    keys
}

fn key_text(key: &Key) -> String {
    match key {
        Key::Kind(k) => k.label().to_string(),
        Key::Size(n) => count(*n, "claim", "claims"),
        Key::Ramp => "claims about the country: few to most".to_string(),
        Key::Named => "country named, no claim".to_string(),
        Key::Region => "region named".to_string(),
        Key::Link => "from a source's country to the place it speaks of".to_string(),
    }
}

/// The width of a key's swatch.
fn swatch_width(key: &Key, s: f64) -> f64 {
    match key {
        Key::Kind(_) => 14.0 * s,
        Key::Size(n) => 2.0 * marker_radius(*n) * s,
        Key::Ramp => 5.0 * 14.0 * s,
        Key::Named | Key::Region => 22.0 * s,
        Key::Link => 34.0 * s,
    }
}

fn key_width(key: &Key, s: f64) -> f64 {
    swatch_width(key, s) + 6.0 * s + text_width(&key_text(key), LEGEND_SIZE * s)
}

fn legend_row_height(s: f64) -> f64 {
    (2.0 * MARKER_MAX_RADIUS).max(LEGEND_SIZE * 1.6) * s * 0.8
}

/// The keys' indices per row, wrapping at the picture's width, and the rows' height.
fn layout_legend(keys: &[Key], width: f64, s: f64) -> (Vec<Vec<usize>>, f64) {
    let room = width - 2.0 * MARGIN * s;
    let gap = 22.0 * s;
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut x = 0.0;
    for (i, key) in keys.iter().enumerate() {
        let kw = key_width(key, s);
        match rows.last_mut() {
            Some(row) if x + gap + kw <= room => {
                row.push(i);
                x += gap + kw;
            }
            _ => {
                rows.push(vec![i]);
                x = kw;
            }
        }
    }
    let h = rows.len() as f64 * legend_row_height(s);
    (rows, h)
}

fn draw_legend_row(w: &mut String, row: &[usize], keys: &[Key], y: f64, s: f64) {
    let mid = y + legend_row_height(s) / 2.0;
    let mut x = MARGIN * s;
    let size = LEGEND_SIZE * s;
    for &i in row {
        let key = &keys[i];
        let sw = swatch_width(key, s);
        match key {
            Key::Kind(k) => {
                let _ = writeln!(
                    w,
                    r#"<circle cx="{:.1}" cy="{mid:.1}" r="{:.1}" fill="{}" stroke="{MARKER_RIM}" stroke-width="{:.2}"/>"#,
                    x + sw / 2.0,
                    6.0 * s,
                    kind_color(*k),
                    1.2 * s
                );
            }
            Key::Size(n) => {
                let _ = writeln!(
                    w,
                    r#"<circle cx="{:.1}" cy="{mid:.1}" r="{:.1}" fill="none" stroke="{INK_SOFT}" stroke-width="{:.2}"/>"#,
                    x + sw / 2.0,
                    marker_radius(*n) * s,
                    1.2 * s
                );
            }
            Key::Ramp => {
                for k in 0..5 {
                    let _ = writeln!(
                        w,
                        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}" stroke="{BORDER}" stroke-width="{:.2}"/>"#,
                        x + f64::from(k) * 14.0 * s,
                        mid - 7.0 * s,
                        14.0 * s,
                        14.0 * s,
                        land_fill(f64::from(k) / 4.0),
                        0.7 * s
                    );
                }
            }
            Key::Named => {
                let _ = writeln!(
                    w,
                    r#"<rect x="{x:.1}" y="{:.1}" width="{sw:.1}" height="{:.1}" fill="{LAND_MENTIONED}" stroke="{BORDER}" stroke-width="{:.2}"/>"#,
                    mid - 7.0 * s,
                    14.0 * s,
                    0.7 * s
                );
            }
            Key::Region => {
                let _ = writeln!(
                    w,
                    r#"<rect x="{x:.1}" y="{:.1}" width="{sw:.1}" height="{:.1}" fill="none" stroke="{REGION_OUTLINE}" stroke-width="{:.2}"/>"#,
                    mid - 7.0 * s,
                    14.0 * s,
                    1.8 * s
                );
            }
            Key::Link => {
                let _ = writeln!(
                    w,
                    r#"<path d="M{x:.1} {:.1}Q{:.1} {:.1} {:.1} {mid:.1}" fill="none" stroke="{LINK}" stroke-opacity="{LINK_OPACITY}" stroke-width="{:.2}" marker-end="url(#cm-arrow)"/>"#,
                    mid + 5.0 * s,
                    x + sw / 2.0,
                    mid - 9.0 * s,
                    x + sw - 2.0 * s,
                    2.0 * s
                );
            }
        }
        let _ = writeln!(
            w,
            r#"<text x="{:.1}" y="{:.1}" font-size="{size:.1}" fill="{INK}">{}</text>"#,
            x + sw + 6.0 * s,
            mid + size * 0.35,
            escape(&key_text(key))
        );
        x += key_width(key, s) + 22.0 * s;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_articles_is_escaped_for_xml() {
        assert_eq!(
            escape(r#"<b>"AT&T" isn't</b>"#),
            "&lt;b&gt;&quot;AT&amp;T&quot; isn&#39;t&lt;/b&gt;"
        );
        assert_eq!(escape("a\u{1}b"), "a b");
    }

    #[test]
    fn a_fitted_map_is_neither_too_tall_nor_too_wide() {
        let scene = |points: &[(f64, f64)]| Scene {
            markers: points
                .iter()
                .enumerate()
                .map(|(i, &(lon, lat))| Marker {
                    place: PlaceId(i as u32),
                    xy: project(LonLat::new(lon, lat)),
                    claims: 1,
                    kind: PlaceKind::City,
                    name: String::new(),
                    tooltip: String::new(),
                })
                .collect(),
            country_claims: HashMap::new(),
            countries_named: HashSet::new(),
            regions: Vec::new(),
            links: Vec::new(),
            claims: 0,
        };
        let cases: &[(&str, &[(f64, f64)])] = &[
            ("along a parallel", &[(-100.0, 40.0), (130.0, 40.0)]),
            ("along a meridian", &[(30.0, -30.0), (30.0, 60.0)]),
            ("one city", &[(36.2, 51.7)]),
            ("nothing", &[]),
        ];
        for (name, points) in cases {
            let b = map_bounds(&scene(points), None);
            let aspect = (b[2] - b[0]) / (b[3] - b[1]);
            assert!(
                (FIT_ASPECTS.0 - 1e-9..=FIT_ASPECTS.1 + 1e-9).contains(&aspect),
                "{name}: aspect {aspect}"
            );
            for &(lon, lat) in *points {
                let [x, y] = project(LonLat::new(lon, lat));
                assert!(
                    b[0] < x && x < b[2] && b[1] < y && y < b[3],
                    "{name}: {b:?}"
                );
            }
        }
    }

    #[test]
    fn a_given_view_is_shown_as_given() {
        let view = MapView {
            west: 30.0,
            south: 45.0,
            east: 45.0,
            north: 56.0,
        };
        let b = map_bounds(
            &Scene::new(&Corpus::default(), &ExportSet::default()),
            Some(view),
        );
        let sw = unproject([b[0], b[1]]);
        let ne = unproject([b[2], b[3]]);
        assert!((sw.lon - 30.0).abs() < 1e-6 && (ne.lon - 45.0).abs() < 1e-6);
        assert!((sw.lat - 45.0).abs() < 1e-6 && (ne.lat - 56.0).abs() < 1e-6);
    }

    #[test]
    fn a_long_title_is_cut_with_an_ellipsis() {
        let long = "word ".repeat(100);
        let cut = fit_text(&long, 400.0, 20.0);
        assert!(
            cut.ends_with('…') && text_width(&cut, 20.0) <= 400.0,
            "{cut}"
        );
        assert_eq!(fit_text("Kursk", 400.0, 20.0), "Kursk");
    }
}
