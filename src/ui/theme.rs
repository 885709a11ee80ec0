//! Every colour and size the panels use, in one place, so the look is changed here and
//! nowhere else. The app runs in egui's dark theme; these are chosen against it.

use egui::{Color32, Stroke};

use crate::model::{PlaceKind, SourceKind};

// ---- the map ----

/// The sea (the plot's background).
pub const SEA: Color32 = Color32::from_rgb(22, 30, 40);
/// Land no claim is about.
pub const LAND: Color32 = Color32::from_rgb(52, 58, 66);
/// Land the corpus mentions but has no claim about.
pub const LAND_MENTIONED: Color32 = Color32::from_rgb(74, 72, 70);
/// Land the corpus has the most claims about; others are shaded between `LAND` and this.
pub const LAND_HOT: Color32 = Color32::from_rgb(196, 112, 52);
/// Country borders.
pub const BORDER: Stroke = Stroke {
    width: 1.0,
    color: Color32::from_rgb(80, 89, 99),
};
/// Outlines of the admin regions the corpus mentions.
pub const REGION_OUTLINE: Stroke = Stroke {
    width: 1.6,
    color: Color32::from_rgb(240, 190, 90),
};
/// A marker's radius with no claims, and the cap.
pub const MARKER_MIN_RADIUS: f32 = 3.5;
pub const MARKER_MAX_RADIUS: f32 = 16.0;
/// Radius grows with the square root of the claim count, by this much per √claim.
pub const MARKER_RADIUS_PER_SQRT_CLAIM: f32 = 2.2;
/// The share of the map markers may cover before they are drawn smaller.
pub const MARKER_MAX_COVER: f32 = 0.25;
/// How much smaller at most (a crowded world view of ten thousand places).
pub const MARKER_MIN_SCALE: f32 = 0.3;
/// Markers at least this big get a smoothed edge (smaller ones are too small to look jagged).
pub const MARKER_SMOOTH_RADIUS: f32 = 5.0;
/// Rim of every marker, so markers read on any fill.
pub const MARKER_RIM: Stroke = Stroke {
    width: 1.0,
    color: Color32::from_rgb(16, 20, 26),
};
/// Ring around a selected marker and around the places of the selected claim.
pub const SELECTED_RING: Stroke = Stroke {
    width: 2.5,
    color: Color32::from_rgb(255, 214, 102),
};
/// Ring around a hovered marker.
pub const HOVER_RING: Stroke = Stroke {
    width: 2.0,
    color: Color32::WHITE,
};
/// The line from a claim's source's country to the places it is about.
pub const LINK: Color32 = Color32::from_rgb(255, 214, 102);
pub const LINK_WIDTH: f32 = 2.0;
/// Map labels and the plate behind them.
pub const LABEL_TEXT: Color32 = Color32::from_rgb(236, 240, 244);
pub const LABEL_PLATE: Color32 = Color32::from_rgba_premultiplied(10, 14, 20, 170);
pub const LABEL_SIZE: f32 = 12.0;
/// How many markers are tried for a label per frame (the biggest first).
pub const MAX_LABELS_TRIED: usize = 200;
/// Markers with their own accessible widget per frame (the biggest visible first); smaller
/// ones beyond this are still hovered and clicked through the map itself.
pub const MAX_MARKER_WIDGETS: usize = 250;
/// Extra pointer slack around a marker, in points.
pub const MARKER_HIT_SLACK: f32 = 3.0;
/// Margin around the data when the map fits it, as a fraction of its extent.
pub const FIT_MARGIN: f64 = 0.12;
/// The smallest extent a fit shows, in degrees (one city alone is not a whole screen).
pub const FIT_MIN_EXTENT: f64 = 8.0;
/// Below this many degrees per point the map draws the full-detail basemap, below the second
/// the medium one, else the world view's.
pub const DETAIL_DEGREES_PER_POINT: [f64; 2] = [0.02, 0.12];

/// A place's marker colour, by kind.
pub fn place_kind_color(kind: PlaceKind) -> Color32 {
    match kind {
        PlaceKind::Country => Color32::from_rgb(240, 180, 41),
        PlaceKind::Region => Color32::from_rgb(242, 125, 66),
        PlaceKind::City => Color32::from_rgb(76, 201, 240),
        PlaceKind::Continent => Color32::from_rgb(179, 136, 255),
        PlaceKind::Sea => Color32::from_rgb(79, 131, 255),
        PlaceKind::Area => Color32::from_rgb(240, 98, 146),
        PlaceKind::Feature => Color32::from_rgb(156, 204, 101),
    }
}

/// A country's fill for its share of the claims (0 = none, 1 = the most of any country).
pub fn land_fill(share: f32) -> Color32 {
    if share <= 0.0 {
        return LAND;
    }
    // never as dark as unmentioned land: one claim must show
    LAND.lerp_to_gamma(LAND_HOT, 0.3 + 0.7 * share.clamp(0.0, 1.0))
}

// ---- the claims list ----

/// Height of one claim row (three lines: source, content, places).
pub const ROW_HEIGHT: f32 = 66.0;
pub const ROW_SELECTED: Color32 = Color32::from_rgb(58, 52, 30);
pub const ROW_HOVERED: Color32 = Color32::from_rgb(40, 44, 50);
/// A row of a claim about the hovered place, or by the selected source.
pub const ROW_RELATED: Color32 = Color32::from_rgb(34, 40, 48);
pub const ROW_SEPARATOR: Color32 = Color32::from_rgb(44, 48, 54);
pub const SOURCE_TEXT: Color32 = Color32::from_rgb(236, 240, 244);
pub const CUE_TEXT: Color32 = Color32::from_rgb(150, 160, 170);
pub const CONTENT_TEXT: Color32 = Color32::from_rgb(206, 212, 218);
pub const HEDGE: Color32 = Color32::from_rgb(199, 146, 234);
pub const BADGE_TEXT: Color32 = Color32::from_rgb(16, 20, 26);

/// A source's badge colour, by kind.
pub fn source_kind_color(kind: SourceKind) -> Color32 {
    match kind {
        SourceKind::StateMedia => Color32::from_rgb(232, 104, 104),
        SourceKind::Media => Color32::from_rgb(240, 160, 130),
        SourceKind::Government => Color32::from_rgb(160, 140, 240),
        SourceKind::Ministry => Color32::from_rgb(130, 170, 250),
        SourceKind::Military => Color32::from_rgb(170, 190, 110),
        SourceKind::Expert => Color32::from_rgb(90, 200, 180),
        SourceKind::Organisation => Color32::from_rgb(120, 200, 240),
        SourceKind::Person => Color32::from_rgb(190, 200, 210),
        SourceKind::Unnamed => Color32::from_rgb(150, 156, 164),
    }
}

/// The badge of a claim with no stated source.
/// A story whose figures disagree, or that another story denies.
pub const CONTESTED: Color32 = Color32::from_rgb(240, 130, 100);
/// The header over the claims of one story.
pub const STORY_HEADER_BG: Color32 = Color32::from_rgb(30, 34, 40);
/// Every other row of the figures side by side.
pub const FIGURES_STRIPE: Color32 = Color32::from_rgba_premultiplied(8, 9, 10, 8);
/// Rows of the figures side by side at most before they scroll.
pub const FIGURES_MAX_HEIGHT: f32 = 240.0;
pub const UNATTRIBUTED: Color32 = Color32::from_rgb(110, 116, 124);

// ---- the article ----

/// Longer documents show their start only (laying out megabytes takes seconds).
pub const ARTICLE_MAX_BYTES: usize = 256 * 1024;
pub const ARTICLE_TEXT: Color32 = Color32::from_rgb(200, 206, 212);
pub const ARTICLE_SIZE: f32 = 14.5;
/// Behind every claim's content.
pub const CLAIM_BG: Color32 = Color32::from_rgba_premultiplied(30, 60, 70, 90);
/// Behind the selected claim's sentence, and behind its content.
pub const SENTENCE_BG: Color32 = Color32::from_rgba_premultiplied(70, 60, 20, 110);
pub const SELECTED_CLAIM_BG: Color32 = Color32::from_rgba_premultiplied(110, 90, 25, 160);
/// Behind the mentions of the selected or hovered place.
pub const PLACE_SELECTED_BG: Color32 = Color32::from_rgba_premultiplied(120, 60, 20, 170);
/// The words naming a claim's source.
pub const SOURCE_MENTION: Color32 = Color32::from_rgb(236, 200, 140);

// ---- bars ----

pub const STATUS_INFO: Color32 = Color32::from_rgb(150, 200, 150);
pub const STATUS_WARNING: Color32 = Color32::from_rgb(240, 200, 100);
pub const STATUS_ERROR: Color32 = Color32::from_rgb(250, 120, 110);
pub const PANEL_CLAIMS_WIDTH: f32 = 470.0;
pub const PANEL_ARTICLE_WIDTH: f32 = 420.0;
pub const PROGRESS_WIDTH: f32 = 220.0;
/// Over the window while files are dragged onto it.
pub const DROP_SHADE: Color32 = Color32::from_rgba_premultiplied(0, 0, 0, 160);
pub const DROP_TEXT: Color32 = Color32::WHITE;

// the review
/// A claim a person confirmed, edited or added: its row badge and its shade in the article.
pub const REVIEWED: Color32 = Color32::from_rgb(110, 200, 140);
pub const REVIEWED_CLAIM_BG: Color32 = Color32::from_rgba_premultiplied(30, 70, 45, 110);
/// Text selected in the article by dragging.
pub const TEXT_SELECTION_BG: Color32 = Color32::from_rgba_premultiplied(40, 80, 150, 170);
/// The spans of a claim being written or edited.
pub const DRAFT_BG: Color32 = Color32::from_rgba_premultiplied(120, 50, 120, 150);
/// An uncertain place's marker: a ring of its colour around a dark centre.
pub const UNCERTAIN_CENTRE: Color32 = Color32::from_rgb(24, 28, 34);
/// The share of an uncertain marker's radius that is ring.
pub const UNCERTAIN_RING: f32 = 0.45;
/// The review panel under the map.
pub const REVIEW_PANEL_HEIGHT: f32 = 230.0;
/// Rows of gazetteer answers shown for "find a place".
pub const PLACE_RESULTS: usize = 8;
pub const ATTENTION: Color32 = Color32::from_rgb(240, 170, 80);

// the timeline strip
pub const TIMELINE_BG: Color32 = Color32::from_rgb(26, 30, 36);
pub const TIMELINE_RANGE: Color32 = Color32::from_rgba_premultiplied(60, 52, 20, 60);
/// The height of the strip's panel under the map.
pub const TIMELINE_PANEL_HEIGHT: f32 = 86.0;
/// A claim's own date in its row.
pub const DATE_TEXT: Color32 = Color32::from_rgb(180, 200, 150);
