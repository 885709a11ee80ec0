//! The timeline strip under the map: claims per day, stacked by source kind, for what every
//! other filter leaves. Dragging across it chooses a date range (a click, one day), which
//! filters the list, the map and the article's claims; the range is shown with a button that
//! clears it.

use egui::{Align2, FontId, Id, Rect, Sense, Ui, Vec2};

use super::theme;
use crate::app::{Action, AppState, Timeline};
use crate::model::{Day, SourceKind};

/// Height of the bars' area.
const HEIGHT: f32 = 44.0;

/// The x of the middle of `day` in a strip drawn in `rect` over `range` (tests drag with it).
pub fn x_of(rect: Rect, range: (i32, i32), day: i32) -> f32 {
    let n = (range.1 - range.0 + 1).max(1) as f32;
    rect.left() + rect.width() * ((day - range.0) as f32 + 0.5) / n
}

/// The day under `x` in a strip drawn in `rect` over `range`.
pub fn day_at(rect: Rect, range: (i32, i32), x: f32) -> i32 {
    let n = (range.1 - range.0 + 1).max(1) as f32;
    let f = ((x - rect.left()) / rect.width().max(1.0)).clamp(0.0, 0.999_999);
    range.0 + (f * n) as i32
}

fn day(d: i32) -> Day {
    Day::from_days_since_epoch(i64::from(d))
}

/// A day as people read it: "4 Nov 2024" (days since 1970-01-01).
pub fn written(d: i32) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let d = day(d);
    format!(
        "{} {} {}",
        d.day,
        MONTHS[usize::from(d.month.clamp(1, 12) - 1)],
        d.year
    )
}

/// The strip.
pub fn timeline_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let t = state.timeline();
    let chosen = state.filters().dates;
    ui.horizontal(|ui| {
        ui.strong("Timeline");
        match (t.range, chosen) {
            (_, Some((a, b))) => {
                let text = if a == b {
                    written(a)
                } else {
                    format!("{} – {}", written(a), written(b))
                };
                ui.label(egui::RichText::new(text).color(theme::LINK));
                if ui
                    .small_button("Clear dates")
                    .on_hover_text("Claims of every date again")
                    .clicked()
                {
                    actions.push(Action::SetDateRange(None));
                }
            }
            (Some(_), None) => {
                ui.weak("drag across the days to show only their claims");
            }
            (None, None) => {
                ui.weak(
                    "no dated claims: dates come from the articles (a JSONL date, HTML \
                     metadata, a dateline, a date in the file name)",
                );
            }
        }
    });
    let Some(range) = t.range else {
        return;
    };
    let width = ui.available_width();
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(width, HEIGHT + 14.0), Sense::click_and_drag());
    let bars = Rect::from_min_size(rect.min, Vec2::new(width, HEIGHT));
    let label = format!("Timeline, {} to {}", written(range.0), written(range.1));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, &label));
    let painter = ui.painter_at(rect);
    painter.rect_filled(bars, 2.0, theme::TIMELINE_BG);
    paint_bars(&painter, bars, t);

    // the range being dragged, else the one chosen
    let drag_id = Id::unique("claimmap.timeline.drag");
    if response.drag_started()
        && let Some(p) = ui.input(|i| i.pointer.press_origin())
    {
        ui.data_mut(|d| d.insert_temp(drag_id, day_at(bars, range, p.x)));
    }
    let anchor: Option<i32> = ui.data(|d| d.get_temp(drag_id));
    let live = match (anchor, response.interact_pointer_pos()) {
        (Some(a), Some(p)) if response.dragged() || response.drag_stopped() => {
            let b = day_at(bars, range, p.x);
            Some((a.min(b), a.max(b)))
        }
        _ => None,
    };
    if response.drag_stopped()
        && let Some(r) = live
    {
        actions.push(Action::SetDateRange(Some(r)));
        ui.data_mut(|d| d.remove::<i32>(drag_id));
    } else if response.clicked()
        && let Some(p) = response.interact_pointer_pos()
    {
        let d = day_at(bars, range, p.x);
        actions.push(Action::SetDateRange(Some((d, d))));
    }
    if let Some((a, b)) = live.or(chosen) {
        let x0 = x_of(bars, range, a.max(range.0)) - half_day(bars, range);
        let x1 = x_of(bars, range, b.min(range.1)) + half_day(bars, range);
        let r = Rect::from_x_y_ranges(x0..=x1, bars.y_range());
        painter.rect_filled(r, 0.0, theme::TIMELINE_RANGE);
        painter.rect_stroke(
            r,
            0.0,
            egui::Stroke::new(1.0, theme::LINK),
            egui::StrokeKind::Inside,
        );
    }
    // the first and last day under the strip
    let small = FontId::proportional(10.5);
    painter.text(
        egui::pos2(rect.left(), rect.bottom()),
        Align2::LEFT_BOTTOM,
        written(range.0),
        small.clone(),
        theme::CUE_TEXT,
    );
    painter.text(
        egui::pos2(rect.right(), rect.bottom()),
        Align2::RIGHT_BOTTOM,
        written(range.1),
        small,
        theme::CUE_TEXT,
    );
    if let Some(p) = response.hover_pos() {
        let d = day_at(bars, range, p.x);
        let counts = t.days.get((d - range.0) as usize);
        let n: u32 = counts.map_or(0, |c| c.iter().sum());
        response.on_hover_text_at_pointer(format!(
            "{}: {n} {}",
            written(d),
            if n == 1 { "claim" } else { "claims" }
        ));
    }
}

fn half_day(bars: Rect, range: (i32, i32)) -> f32 {
    bars.width() / (range.1 - range.0 + 1).max(1) as f32 / 2.0
}

/// Stacked bars, one per day, or per a few days when the days are narrower than two points.
fn paint_bars(painter: &egui::Painter, bars: Rect, t: &Timeline) {
    let n = t.days.len().max(1);
    let per_px = n as f32 / bars.width().max(1.0);
    let bin = (per_px * 2.0).ceil().max(1.0) as usize;
    let binned: Vec<[u32; SourceKind::ALL.len() + 1]> = t
        .days
        .chunks(bin)
        .map(|chunk| {
            let mut sum = [0u32; SourceKind::ALL.len() + 1];
            for day in chunk {
                for (s, v) in sum.iter_mut().zip(day) {
                    *s += v;
                }
            }
            sum
        })
        .collect();
    let max = binned
        .iter()
        .map(|b| b.iter().sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    let w = bars.width() * bin as f32 / n as f32;
    for (i, b) in binned.iter().enumerate() {
        let x = bars.left() + w * i as f32;
        let mut y = bars.bottom();
        for (slot, &count) in b.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let h = bars.height() * count as f32 / max;
            let color = SourceKind::ALL
                .get(slot)
                .map_or(theme::UNATTRIBUTED, |&k| theme::source_kind_color(k));
            let r = Rect::from_min_max(
                egui::pos2(x + 0.5, y - h),
                egui::pos2((x + w - 0.5).max(x + 1.0), y),
            );
            painter.rect_filled(r, 0.0, color);
            y -= h;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_and_its_x_agree_both_ways() {
        let rect = Rect::from_min_size(egui::pos2(100.0, 0.0), Vec2::new(300.0, 40.0));
        let range = (19_000, 19_029);
        for d in [19_000, 19_013, 19_029] {
            assert_eq!(day_at(rect, range, x_of(rect, range, d)), d);
        }
        assert_eq!(day_at(rect, range, 0.0), 19_000);
        assert_eq!(day_at(rect, range, 1000.0), 19_029);
    }

    #[test]
    fn days_are_written_as_people_read_them() {
        let d = Day::new(2024, 11, 3).map_or(0, |d| d.days_since_epoch() as i32);
        assert_eq!(written(d), "3 Nov 2024");
    }
}
