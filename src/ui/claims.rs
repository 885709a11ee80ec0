//! The claims panel: one row per claim the filters leave (source and kind badge, cue, hedge
//! badge, the content, the places as chips), virtualised with `ScrollArea::show_rows` so only
//! the rows on screen are laid out, whether the corpus holds ten claims or a hundred thousand.
//! Rows are painted rather than built from labels: one widget per row (with an accessible
//! label) plus one per place chip.

use egui::text::{LayoutJob, TextWrapping};
use egui::{
    Align, Button, Color32, CornerRadius, FontId, Id, Layout, Rect, RichText, ScrollArea, Sense,
    TextFormat, Ui, UiBuilder, Vec2,
};

use super::theme;
use crate::app::{Action, AppState, Item};
use crate::model::ClaimId;

/// Place chips shown per row at most (the rest are in the tooltip).
const MAX_CHIPS: usize = 6;

/// The list of claims.
pub fn claims_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let view = state.view();
    let memory_id = Id::unique("claimmap.claims.reveal");
    // (reveal generation honoured, viewport height, scroll area id) from the last frame
    let (revealed, viewport, area_id): (u64, f32, Option<Id>) = ui
        .data(|d| d.get_temp(memory_id))
        .unwrap_or((0, 400.0, None));

    let mut area = ScrollArea::vertical()
        .id_salt("claimmap-claims")
        .auto_shrink(false);
    if revealed != state.reveal
        && let Some(row) = state
            .selected_claim()
            .and_then(|c| view.iter().position(|&v| v == c))
    {
        let top = row as f32 * theme::ROW_HEIGHT;
        let current = area_id
            .and_then(|id| egui::scroll_area::State::load(ui.ctx(), id))
            .map_or(0.0, |s| s.clamped_offset().y);
        let target = if top < current {
            top
        } else if top + theme::ROW_HEIGHT > current + viewport {
            top + theme::ROW_HEIGHT - viewport
        } else {
            current
        };
        area = area.vertical_scroll_offset(target.max(0.0));
    }

    ui.spacing_mut().item_spacing.y = 0.0;
    let out = area.show_rows(ui, theme::ROW_HEIGHT, view.len(), |ui, rows| {
        for i in rows {
            row_ui(ui, state, view[i], actions);
        }
    });
    ui.data_mut(|d| {
        d.insert_temp(
            memory_id,
            (state.reveal, out.inner_rect.height(), Some(out.id)),
        )
    });
    if view.is_empty() {
        ui.weak(if state.corpus().claims().is_empty() {
            "No claims yet: open an article (Ctrl+O) or paste one."
        } else {
            "No claim matches the filters."
        });
    }
}

/// One claim: a clickable row with painted text and clickable place chips.
fn row_ui(ui: &mut Ui, state: &AppState, id: ClaimId, actions: &mut Vec<Action>) {
    let corpus = state.corpus();
    let index = state.index();
    let claim = corpus.claim(id);
    let text = &corpus.document(claim.doc).text;
    let width = ui.available_width();
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(width, theme::ROW_HEIGHT), Sense::click());
    if !ui.is_rect_visible(rect) {
        return;
    }

    let selection = state.selection;
    let is_selected = selection.selected == Some(Item::Claim(id));
    let is_related = match selection.hovered.or(selection.selected) {
        Some(Item::Place(p)) => corpus.places_of(id).iter().any(|&q| index.same_place(p, q)),
        Some(Item::Mention(m)) => claim.mentions.contains(&m),
        Some(Item::Source(s)) => claim.source == Some(s),
        _ => false,
    };
    let fill = if is_selected {
        theme::ROW_SELECTED
    } else if response.hovered() || selection.hovered == Some(Item::Claim(id)) {
        theme::ROW_HOVERED
    } else if is_related {
        theme::ROW_RELATED
    } else {
        Color32::TRANSPARENT
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, fill);
    painter.hline(
        rect.x_range(),
        rect.bottom() - 0.5,
        (1.0, theme::ROW_SEPARATOR),
    );

    let inner = rect.shrink2(Vec2::new(8.0, 5.0));
    let line_h = (inner.height() / 3.0).floor();
    let body = FontId::proportional(13.0);
    let small = FontId::proportional(11.0);

    // line 1: source, kind badge, cue, hedge badge; the document on the right
    let source = claim.source.map(|s| corpus.source(s));
    let source_name = corpus.source_name(claim);
    let y = inner.top() + line_h / 2.0;
    let mut right = inner.right();
    if corpus.documents().len() > 1 {
        let doc = corpus.document(claim.doc);
        let g = one_line(
            &painter,
            &doc.key,
            &small,
            theme::CUE_TEXT,
            inner.width() * 0.3,
        );
        right -= g.size().x;
        painter.galley(egui::pos2(right, y - g.size().y / 2.0), g, theme::CUE_TEXT);
        right -= 8.0;
    }
    // when it happened, if its sentence says (a document's date alone is the document's)
    if let Some(d) = claim
        .date
        .filter(|d| d.precision != crate::model::DatePrecision::Document)
    {
        let g = one_line(&painter, &d.value(), &small, theme::DATE_TEXT, 90.0);
        right -= g.size().x;
        painter.galley(egui::pos2(right, y - g.size().y / 2.0), g, theme::DATE_TEXT);
        right -= 8.0;
    }
    let mut x = inner.left();
    let name = one_line(
        &painter,
        source_name,
        &FontId::proportional(13.5),
        theme::SOURCE_TEXT,
        (right - x) * 0.6,
    );
    let name_w = name.size().x;
    painter.galley(
        egui::pos2(x, y - name.size().y / 2.0),
        name,
        theme::SOURCE_TEXT,
    );
    x += name_w + 6.0;
    let (badge, badge_color) = match source {
        Some(s) => (s.kind.label(), theme::source_kind_color(s.kind)),
        None => ("no source", theme::UNATTRIBUTED),
    };
    x = paint_badge(&painter, x, y, badge, badge_color, &small) + 6.0;
    // room for the badges after the cue
    let hedge_w = if claim.is_hedged { 60.0 } else { 0.0 }
        + if claim.review.is_reviewed() {
            80.0
        } else {
            0.0
        };
    if let Some(cue) = claim.cue {
        let g = one_line(
            &painter,
            cue.slice(text),
            &FontId::proportional(12.0),
            theme::CUE_TEXT,
            (right - x - hedge_w).max(0.0),
        );
        let w = g.size().x;
        painter.galley(egui::pos2(x, y - g.size().y / 2.0), g, theme::CUE_TEXT);
        x += w + 6.0;
    }
    if claim.is_hedged {
        x = paint_badge(&painter, x, y, "hedged", theme::HEDGE, &small) + 6.0;
    }
    if claim.review.is_reviewed() {
        paint_badge(
            &painter,
            x,
            y,
            claim.review.label(),
            theme::REVIEWED,
            &small,
        );
    }

    // line 2: the content, on one line
    let content = claim.content.slice(text);
    // one line shows a few hundred characters at most: lay out no more
    let shown: String = content.chars().take(400).collect();
    let mut job = LayoutJob::single_section(
        format!("“{shown}”"),
        TextFormat::simple(body, theme::CONTENT_TEXT),
    );
    job.wrap = TextWrapping::truncate_at_width(inner.width());
    let g = painter.layout_job(job);
    painter.galley(
        egui::pos2(inner.left(), inner.top() + line_h * 1.5 - g.size().y / 2.0),
        g,
        theme::CONTENT_TEXT,
    );

    // line 3: place chips; on the right, the link to the rest of the claim's story
    let mut chips_rect = Rect::from_min_max(
        egui::pos2(inner.left(), inner.top() + line_h * 2.0),
        inner.max,
    );
    if let Some(story) = corpus.story_of(id)
        && let Some(words) = super::stories::also_reported(story)
    {
        let mut link_ui = ui.new_child(
            UiBuilder::new()
                .max_rect(chips_rect)
                .layout(Layout::right_to_left(Align::Center)),
        );
        link_ui.set_clip_rect(chips_rect.intersect(ui.clip_rect()));
        let is_on = state.filters().story == Some(story.id);
        let r = link_ui
            .add(egui::Link::new(
                RichText::new(&words).size(11.5).color(theme::LINK),
            ))
            .on_hover_text(if is_on {
                "Show every claim again".to_string()
            } else {
                format!(
                    "The same assertion in {} claims from {} sources, {} independent \
                     (reprints and one agency's copies count once): show them all",
                    story.claims.len(),
                    story.sources,
                    story.origins
                )
            });
        if r.clicked() {
            actions.push(Action::SetStoryFilter(if is_on {
                None
            } else {
                Some(story.id)
            }));
        }
        chips_rect.max.x = (r.rect.left() - 8.0).max(chips_rect.min.x);
    }
    let mut chips = ui.new_child(
        UiBuilder::new()
            .max_rect(chips_rect)
            .layout(Layout::left_to_right(Align::Center)),
    );
    chips.set_clip_rect(chips_rect.intersect(ui.clip_rect()));
    chips.spacing_mut().item_spacing.x = 4.0;
    let places = corpus.places_of(id);
    let mut shown: Vec<usize> = Vec::new();
    for &p in places {
        let Some(&g) = index.group_of.get(p.index()) else {
            continue;
        };
        if shown.contains(&g) || shown.len() >= MAX_CHIPS {
            continue;
        }
        shown.push(g);
        let primary = index.groups[g].primary;
        let place = corpus.place(primary);
        let is_on = state
            .focused_place()
            .is_some_and(|f| index.same_place(f, p));
        let chip = Button::selectable(
            is_on,
            RichText::new(&place.name)
                .size(11.5)
                .color(theme::place_kind_color(place.kind)),
        )
        .small()
        .corner_radius(CornerRadius::same(8));
        let r = chips.add(chip).on_hover_text(format!(
            "{} ({}): show the claims about it",
            place.name,
            place.kind.label()
        ));
        if r.clicked() {
            actions.push(Action::Select(Item::Place(primary)));
        }
        if r.hovered() {
            actions.push(Action::Hover(Item::Place(primary)));
        }
    }
    if places.is_empty() {
        chips.label(RichText::new("no place").size(11.0).color(theme::CUE_TEXT));
    }

    let label = if claim.review.is_reviewed() {
        format!("{source_name} ({}): {content}", claim.review.label())
    } else {
        format!("{source_name}: {content}")
    };
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::ListItem, true, is_selected, &label)
    });
    if response.clicked() {
        actions.push(Action::Select(Item::Claim(id)));
    }
    if response.hovered() {
        actions.push(Action::Hover(Item::Claim(id)));
    }
}

/// Text on one line, cut with "…" to `max_width`.
fn one_line(
    painter: &egui::Painter,
    text: &str,
    font: &FontId,
    color: Color32,
    max_width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job =
        LayoutJob::single_section(text.to_string(), TextFormat::simple(font.clone(), color));
    job.wrap = TextWrapping::truncate_at_width(max_width.max(10.0));
    painter.layout_job(job)
}

/// A small rounded label; returns the x where it ends.
fn paint_badge(
    painter: &egui::Painter,
    x: f32,
    y: f32,
    text: &str,
    color: Color32,
    font: &FontId,
) -> f32 {
    let g = painter.layout_no_wrap(text.to_string(), font.clone(), theme::BADGE_TEXT);
    let rect = Rect::from_min_size(
        egui::pos2(x, y - g.size().y / 2.0 - 1.5),
        g.size() + Vec2::new(10.0, 3.0),
    );
    painter.rect_filled(rect, 6.0, color);
    painter.galley(rect.min + Vec2::new(5.0, 1.5), g, theme::BADGE_TEXT);
    rect.right()
}
