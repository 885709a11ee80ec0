//! The stories: the Stories panel (every assertion told by more than one claim, biggest
//! first, with how many sources and independent origins tell it, when, and whether its
//! figures disagree), the header over the claims list when one story is filtered on (its
//! assertion, counts and figures side by side, so that "3,000" and "10,000" stand next to
//! each other with who says each), and the words of a claim row's "also reported" link. A
//! click on a story filters the list and the map to its claims.

use egui::text::{LayoutJob, TextWrapping};
use egui::{
    Align, Color32, FontId, Frame, Id, Label, Layout, Rect, RichText, ScrollArea, Sense, TextEdit,
    TextFormat, Ui, Vec2,
};

use super::theme;
use super::timeline::written;
use crate::app::{Action, AppState, Item, StoryFigures};
use crate::model::{Corpus, Day, Story, StoryId};

/// Height of one story's row.
const ROW: f32 = 48.0;
/// Height of one row of the figures side by side.
const ROW_FIGURE: f32 = 31.0;
/// Characters of an assertion shown at most (one or two lines show fewer).
const MAX_ASSERTION: usize = 240;

/// The id of the search field.
pub fn search_id() -> Id {
    Id::unique("claimmap.stories.search")
}

/// The words of a claim's link to the rest of its story, when the story has more than this
/// claim: "also reported by 5 other sources, 3 origins in all", or, when one source says it
/// every time, "also reported 3 more times".
pub fn also_reported(story: &Story) -> Option<String> {
    let others = story.claims.len().checked_sub(1).filter(|&n| n > 0)?;
    // a story counts this claim's source once among its sources, whatever its copies
    let other_sources = story.sources.saturating_sub(1);
    Some(if other_sources == 0 {
        format!(
            "also reported {others} more {}",
            if others == 1 { "time" } else { "times" }
        )
    } else {
        format!(
            "also reported by {other_sources} other {}, {} {} in all",
            if other_sources == 1 {
                "source"
            } else {
                "sources"
            },
            story.origins,
            if story.origins == 1 {
                "origin"
            } else {
                "origins"
            }
        )
    })
}

/// The Stories panel.
pub fn stories_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let index = state.index();
    ui.horizontal(|ui| {
        let label = ui.label("Search");
        let mut search = state.story_search.clone();
        let r = ui
            .add(
                TextEdit::singleline(&mut search)
                    .id(search_id())
                    .hint_text("words of a claim, or a speaker")
                    .desired_width(ui.available_width() - 30.0),
            )
            .labelled_by(label.id);
        if r.changed() {
            actions.push(Action::SetStorySearch(search));
        }
    });
    let corpus = state.corpus();
    let needle = state.story_search.trim().to_lowercase();
    let shown: Vec<StoryId> = index
        .stories_by_size
        .iter()
        .copied()
        .filter(|s| {
            needle.is_empty()
                || corpus.stories().get(s.index()).is_some_and(|story| {
                    story.claims.iter().any(|c| {
                        index
                            .haystacks
                            .get(c.index())
                            .is_some_and(|h| h.contains(&needle))
                    })
                })
        })
        .collect();
    ui.weak(format!(
        "{} of {} stories told more than once, biggest first",
        shown.len(),
        index.stories_by_size.len()
    ));
    ui.separator();
    if index.stories_by_size.is_empty() {
        ui.weak("No claim is told twice yet: open more articles on one subject.");
        return;
    }
    ui.spacing_mut().item_spacing.y = 0.0;
    ScrollArea::vertical()
        .id_salt("claimmap-stories")
        .auto_shrink(false)
        .show_rows(ui, ROW, shown.len(), |ui, rows| {
            for i in rows {
                row_ui(ui, state, shown[i], actions);
            }
        });
}

fn row_ui(ui: &mut Ui, state: &AppState, s: StoryId, actions: &mut Vec<Action>) {
    let corpus = state.corpus();
    let story = corpus.story(s);
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, ROW), Sense::click());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let is_on = state.filters().story == Some(s);
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
    let small = FontId::proportional(11.0);

    // line 1: the assertion; its marks on the right
    let y1 = inner.top() + inner.height() * 0.27;
    let mut right = inner.right();
    for mark in marks(story).iter().rev() {
        let g = painter.layout_no_wrap(mark.to_string(), small.clone(), theme::BADGE_TEXT);
        let b = Rect::from_min_size(
            egui::pos2(right - g.size().x - 10.0, y1 - g.size().y / 2.0 - 1.5),
            g.size() + Vec2::new(10.0, 3.0),
        );
        painter.rect_filled(b, 6.0, theme::CONTESTED);
        painter.galley(b.min + Vec2::new(5.0, 1.5), g, theme::BADGE_TEXT);
        right = b.left() - 6.0;
    }
    let text = assertion(corpus, story);
    let g = one_line(
        &painter,
        &format!("“{text}”"),
        FontId::proportional(13.0),
        theme::SOURCE_TEXT,
        right - inner.left(),
    );
    painter.galley(
        egui::pos2(inner.left(), y1 - g.size().y / 2.0),
        g,
        theme::SOURCE_TEXT,
    );

    // line 2: the counts and the span of days
    let y2 = inner.top() + inner.height() * 0.75;
    let g = one_line(
        &painter,
        &counts(story),
        FontId::proportional(11.5),
        theme::CUE_TEXT,
        inner.width(),
    );
    painter.galley(
        egui::pos2(inner.left(), y2 - g.size().y / 2.0),
        g,
        theme::CUE_TEXT,
    );

    let mut label = format!("“{text}”, {}", counts(story));
    for mark in marks(story) {
        label.push_str(", ");
        label.push_str(mark);
    }
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::ListItem, true, is_on, &label));
    let response =
        response.on_hover_text("Show its claims, in every article, on the list and the map");
    if response.clicked() {
        actions.push(Action::SetStoryFilter(if is_on { None } else { Some(s) }));
    }
}

/// The header over the claims of the story filtered on: its assertion, its counts and its
/// figures side by side.
pub fn story_header_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let corpus = state.corpus();
    let Some(story) = state
        .filters()
        .story
        .and_then(|s| corpus.stories().get(s.index()))
    else {
        return;
    };
    Frame::new()
        .fill(theme::STORY_HEADER_BG)
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(
                egui::Label::new(
                    RichText::new(format!("“{}”", assertion(corpus, story)))
                        .strong()
                        .color(theme::SOURCE_TEXT),
                )
                .wrap(),
            );
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(counts(story)).color(theme::CUE_TEXT));
                for mark in marks(story) {
                    ui.label(RichText::new(mark).strong().color(theme::CONTESTED));
                }
            });
            if let Some(figures) = state.figures().filter(|f| f.story == story.id) {
                figures_ui(ui, state, figures, actions);
            }
        });
}

/// The figures of a story side by side: figure as written, who says it, the document and
/// the date; a click on a figure selects its claim.
pub fn figures_ui(
    ui: &mut Ui,
    state: &AppState,
    figures: &StoryFigures,
    actions: &mut Vec<Action>,
) {
    if figures.rows.is_empty() {
        return;
    }
    let corpus = state.corpus();
    ui.add_space(4.0);
    ui.label(RichText::new("Figures side by side").strong());
    ScrollArea::vertical()
        .id_salt(("claimmap-figures", figures.story))
        .max_height(theme::FIGURES_MAX_HEIGHT)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            // fixed shares of the width, so that a long name is cut rather than widening
            // the panel
            let width = ui.available_width();
            let columns = [0.5, 0.5].map(|share| width * share);
            let cell = |ui: &mut Ui, w: f32, add: &mut dyn FnMut(&mut Ui)| {
                ui.allocate_ui_with_layout(
                    Vec2::new(w, ROW_FIGURE),
                    Layout::left_to_right(Align::Center),
                    |ui| {
                        ui.set_width(w);
                        ui.set_min_height(ROW_FIGURE);
                        add(ui);
                    },
                );
            };
            ui.spacing_mut().item_spacing = Vec2::new(0.0, 0.0);
            ui.horizontal(|ui| {
                for (head, &w) in ["figure", "source · document · date"].iter().zip(&columns) {
                    cell(ui, w, &mut |ui| {
                        ui.label(RichText::new(*head).small().color(theme::CUE_TEXT));
                    });
                }
            });
            for (n, row) in figures.rows.iter().enumerate() {
                let first = row.claims[0];
                let claim = corpus.claim(first);
                let is_selected = state
                    .selected_claim()
                    .is_some_and(|c| row.claims.contains(&c));
                let figure = row.figures.join("; ");
                let color = if row.against.is_empty() {
                    theme::CONTENT_TEXT
                } else {
                    theme::CONTESTED
                };
                let mut document = corpus.document(claim.doc).key.clone();
                if row.claims.len() > 1 {
                    document.push_str(&format!(" and {} more", row.claims.len() - 1));
                }
                let date = corpus.day_of(claim).map(written_day).unwrap_or_default();
                // the stripe goes under the row's text
                let stripe = ui.painter().add(egui::Shape::Noop);
                let line = ui.horizontal(|ui| {
                    cell(ui, columns[0], &mut |ui| {
                        let r = ui
                            .add(
                                egui::Button::selectable(
                                    is_selected,
                                    RichText::new(&figure).color(color),
                                )
                                .truncate(),
                            )
                            .on_hover_text(hover(row.against.as_slice(), row.is_outside));
                        if r.clicked() {
                            actions.push(Action::Select(Item::Claim(first)));
                        }
                    });
                    ui.vertical(|ui| {
                        ui.set_width(columns[1]);
                        ui.add(
                            Label::new(RichText::new(&row.speaker).color(theme::CONTENT_TEXT))
                                .truncate(),
                        );
                        ui.horizontal(|ui| {
                            ui.spacing_mut().item_spacing.x = 8.0;
                            ui.label(RichText::new(&date).small().color(theme::DATE_TEXT));
                            ui.add(
                                Label::new(RichText::new(&document).small().color(theme::CUE_TEXT))
                                    .truncate(),
                            );
                        });
                    });
                });
                if n % 2 == 0 {
                    ui.painter().set(
                        stripe,
                        egui::Shape::rect_filled(line.response.rect, 0.0, theme::FIGURES_STRIPE),
                    );
                }
            }
        });
}

fn hover(against: &[String], is_outside: bool) -> String {
    let mut text = if against.is_empty() {
        "No other figure disagrees with this one.".to_string()
    } else {
        format!("Disagrees with {}.", against.join(", "))
    };
    if is_outside {
        text.push_str(" Said in another story about the same count.");
    }
    text.push_str(" Click to show the claim.");
    text
}

/// A story's assertion: its lead claim's content, on one line and cut short.
fn assertion(corpus: &Corpus, story: &Story) -> String {
    let lead = corpus.claim(story.lead);
    let text = lead.content.slice(&corpus.document(lead.doc).text);
    let line = crate::corpus::stories::one_line(text);
    if line.chars().count() <= MAX_ASSERTION {
        return line;
    }
    let mut out: String = line.chars().take(MAX_ASSERTION).collect();
    out.push('…');
    out
}

/// "9 claims · 6 sources · 3 independent origins · 4 Nov 2024 – 7 Nov 2024".
fn counts(story: &Story) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut text = format!(
        "{} · {} · {}",
        plural(story.claims.len(), "claim", "claims"),
        plural(story.sources as usize, "source", "sources"),
        plural(
            story.origins as usize,
            "independent origin",
            "independent origins"
        ),
    );
    match (story.first, story.last) {
        (Some(a), Some(b)) if a != b => {
            text.push_str(&format!(" · {} – {}", written_day(a), written_day(b)));
        }
        (Some(a), _) | (None, Some(a)) => text.push_str(&format!(" · {}", written_day(a))),
        (None, None) => {}
    }
    text
}

/// What a reader should know before trusting a story.
fn marks(story: &Story) -> Vec<&'static str> {
    let mut marks = Vec::new();
    if story.is_contested {
        marks.push("contested");
    }
    if !story.disputed_by.is_empty() {
        marks.push("disputed");
    }
    marks
}

fn written_day(d: Day) -> String {
    written(d.days_since_epoch() as i32)
}

fn one_line(
    painter: &egui::Painter,
    text: &str,
    font: FontId,
    color: Color32,
    max_width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = LayoutJob::single_section(text.to_string(), TextFormat::simple(font, color));
    job.wrap = TextWrapping::truncate_at_width(max_width.max(10.0));
    painter.layout_job(job)
}
