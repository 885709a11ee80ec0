//! The Sources panel: the speakers across the corpus (entities: "Sergei Shoigu" in every
//! article that quotes him, whatever it calls him), most claims first, each with its kind, the
//! country it speaks for, its articles and the places it speaks about, and a search over names
//! and aliases. A click filters the claims list and the map to that speaker. Virtualised like
//! the claims list: ten thousand speakers lay out as fast as ten.

use egui::{Color32, FontId, Id, Rect, ScrollArea, Sense, TextEdit, Ui, Vec2};

use super::theme;
use crate::app::{Action, AppState};
use crate::model::EntityId;

/// Height of one speaker's row.
const ROW: f32 = 48.0;

/// The id of the search field.
pub fn search_id() -> Id {
    Id::unique("claimmap.sources.search")
}

/// The panel.
pub fn sources_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let index = state.index();
    ui.horizontal(|ui| {
        let label = ui.label("Search");
        let mut search = state.entity_search.clone();
        let r = ui
            .add(
                TextEdit::singleline(&mut search)
                    .id(search_id())
                    .hint_text("a name or an alias")
                    .desired_width(ui.available_width() - 30.0),
            )
            .labelled_by(label.id);
        if r.changed() {
            actions.push(Action::SetEntitySearch(search));
        }
    });
    let needle = state.entity_search.trim().to_lowercase();
    let shown: Vec<EntityId> = index
        .entities_by_claims
        .iter()
        .copied()
        .filter(|e| {
            needle.is_empty()
                || index
                    .entity_haystacks
                    .get(e.index())
                    .is_some_and(|h| h.contains(&needle))
        })
        .collect();
    ui.weak(format!(
        "{} of {} speakers, most claims first",
        shown.len(),
        index.entities_by_claims.len()
    ));
    ui.separator();
    ui.spacing_mut().item_spacing.y = 0.0;
    ScrollArea::vertical()
        .id_salt("claimmap-sources")
        .auto_shrink(false)
        .show_rows(ui, ROW, shown.len(), |ui, rows| {
            for i in rows {
                row_ui(ui, state, shown[i], actions);
            }
        });
}

fn row_ui(ui: &mut Ui, state: &AppState, e: EntityId, actions: &mut Vec<Action>) {
    let corpus = state.corpus();
    let index = state.index();
    let entity = corpus.entity(e);
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, ROW), Sense::click());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let is_on = state.filters().entity == Some(e);
    let fill = if is_on {
        theme::ROW_SELECTED
    } else if response.hovered() {
        theme::ROW_HOVERED
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
    let claims = corpus.claims_of_entity(e).len();
    let docs = index.entity_documents.get(e.index()).copied().unwrap_or(0);

    // line 1: name, kind, country; the counts on the right
    let y1 = inner.top() + inner.height() * 0.27;
    let counts = format!(
        "{claims} {} · {docs} {}",
        if claims == 1 { "claim" } else { "claims" },
        if docs == 1 { "article" } else { "articles" }
    );
    let g = painter.layout_no_wrap(counts, FontId::proportional(11.5), theme::CUE_TEXT);
    let right = inner.right() - g.size().x;
    painter.galley(egui::pos2(right, y1 - g.size().y / 2.0), g, theme::CUE_TEXT);
    let name = painter.layout_no_wrap(
        entity.name.clone(),
        FontId::proportional(13.5),
        theme::SOURCE_TEXT,
    );
    let name_w = name.size().x.min(right - inner.left() - 120.0);
    painter
        .with_clip_rect(Rect::from_min_max(
            inner.min,
            egui::pos2(inner.left() + name_w, inner.bottom()),
        ))
        .galley(
            egui::pos2(inner.left(), y1 - name.size().y / 2.0),
            name,
            theme::SOURCE_TEXT,
        );
    let mut x = inner.left() + name_w + 6.0;
    let badge = painter.layout_no_wrap(
        entity.kind.label().to_string(),
        FontId::proportional(11.0),
        theme::BADGE_TEXT,
    );
    let b = Rect::from_min_size(
        egui::pos2(x, y1 - badge.size().y / 2.0 - 1.5),
        badge.size() + Vec2::new(10.0, 3.0),
    );
    painter.rect_filled(b, 6.0, theme::source_kind_color(entity.kind));
    painter.galley(b.min + Vec2::new(5.0, 1.5), badge, theme::BADGE_TEXT);
    x = b.right() + 6.0;
    if let Some(p) = entity.affiliation {
        let g = painter.layout_no_wrap(
            corpus.place(p).name.clone(),
            FontId::proportional(11.5),
            theme::CUE_TEXT,
        );
        painter.galley(egui::pos2(x, y1 - g.size().y / 2.0), g, theme::CUE_TEXT);
    }

    // line 2: what it is also called, and the places it speaks about
    let y2 = inner.top() + inner.height() * 0.75;
    let others: Vec<&str> = entity
        .aliases
        .iter()
        .map(String::as_str)
        .filter(|a| *a != entity.name)
        .take(3)
        .collect();
    let places: Vec<&str> = index
        .entity_places
        .get(e.index())
        .map(|ps| ps.iter().map(|&p| corpus.place(p).name.as_str()).collect())
        .unwrap_or_default();
    let mut line = String::new();
    if !places.is_empty() {
        line.push_str(&format!("about {}", places.join(", ")));
    }
    if !others.is_empty() {
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(&format!("also “{}”", others.join("”, “")));
    }
    if !line.is_empty() {
        let mut job = egui::text::LayoutJob::single_section(
            line,
            egui::TextFormat::simple(FontId::proportional(12.0), theme::CONTENT_TEXT),
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(inner.width());
        let g = painter.layout_job(job);
        painter.galley(
            egui::pos2(inner.left(), y2 - g.size().y / 2.0),
            g,
            theme::CONTENT_TEXT,
        );
    }

    let label = format!("{} ({}), {claims} claims", entity.name, entity.kind.label());
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::ListItem, true, is_on, &label));
    let response =
        response.on_hover_text("Show its claims, in every article, on the list and the map");
    if response.clicked() {
        actions.push(Action::SetEntityFilter(if is_on { None } else { Some(e) }));
    }
}
