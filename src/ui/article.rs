//! The article panel: one document's text with every claim's content shaded (reviewed ones
//! green), the selected claim's sentence marked, the sources' words tinted and the places
//! underlined in their kind's colour (uncertain ones in italics). Places and sources in the
//! text are clickable widgets of their own (with accessible labels); a click elsewhere on a
//! claim selects that claim, and a drag selects text for the review (a claim's content,
//! source or cue, or a place the machine missed). When the selection changes, its sentence
//! (or first mention) is scrolled into view.

use egui::text::{CCursor, LayoutJob};
use egui::{Align, ComboBox, FontId, Id, Rect, ScrollArea, Sense, Stroke, TextFormat, Ui};

use std::sync::Arc;

use super::theme;
use crate::app::{Action, AppState, Item};
use crate::model::{DocId, Span};

/// What a stretch of text is, for its format.
#[derive(Clone, Copy, Default)]
struct Marks {
    claims: u32,
    reviewed: u32,
    sentence: bool,
    selected_content: bool,
    source: bool,
    text_selection: bool,
    draft: bool,
    /// The kind colour of the place mentioned here, whether it is selected or hovered, and
    /// whether its reading is uncertain.
    place: Option<(egui::Color32, bool, bool)>,
}

/// Where the article's text was drawn on the last frame: its document, its layout and the
/// screen position of its top left corner.
#[derive(Clone)]
struct Drawn {
    doc: DocId,
    galley: Arc<egui::Galley>,
    origin: egui::Pos2,
}

fn drawn_id() -> Id {
    Id::unique("claimmap.article.drawn")
}

/// The screen position of a byte offset of the article shown on the last frame (its line's
/// middle), if that document is shown and the offset on screen: tests drag over real text
/// with it.
pub fn text_point(ctx: &egui::Context, doc: DocId, text: &str, byte: usize) -> Option<egui::Pos2> {
    let drawn: Drawn = ctx.data(|d| d.get_temp(drawn_id()))?;
    if drawn.doc != doc || byte > text.len() || !text.is_char_boundary(byte) {
        return None;
    }
    let ch = text[..byte].chars().count();
    let r = drawn.galley.pos_from_cursor(CCursor::new(ch));
    Some(drawn.origin + r.left_center().to_vec2())
}

/// The article panel.
pub fn article_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let corpus = state.corpus();
    let Some(doc_id) = state
        .article
        .filter(|d| d.index() < corpus.documents().len())
    else {
        ui.weak("No article open.");
        return;
    };
    header_ui(ui, state, doc_id, actions);
    ui.separator();

    let doc = corpus.document(doc_id);
    // a very long document (a 30 MB dump) would take seconds to lay out: show its start
    let text = clip(&doc.text, theme::ARTICLE_MAX_BYTES);
    let index = state.index();
    let selected_claim = state
        .selected_claim()
        .filter(|&c| corpus.claim(c).doc == doc_id);
    let place_focus = match state.selection.hovered {
        Some(Item::Place(p)) => Some(p),
        _ => state.focused_place(),
    };

    // every span that changes the look, as (start, end, what)
    let mut spans: Vec<(Span, Mark)> = Vec::new();
    let mut sources = Vec::new();
    for &c in corpus.claims_in(doc_id) {
        let claim = corpus.claim(c);
        spans.push((claim.content, Mark::Claim));
        if claim.review.is_reviewed() {
            spans.push((claim.content, Mark::Reviewed));
        }
        if let Some(s) = claim.source
            && !sources.contains(&s)
        {
            sources.push(s);
        }
    }
    if let Some(c) = selected_claim {
        let claim = corpus.claim(c);
        spans.push((claim.sentence, Mark::Sentence));
        spans.push((claim.content, Mark::SelectedContent));
    }
    for &s in &sources {
        for &m in &corpus.source(s).mentions {
            spans.push((m, Mark::Source));
        }
    }
    if let Some((d, s)) = state.text_selection
        && d == doc_id
    {
        spans.push((s, Mark::TextSelection));
    }
    if let Some(draft) = state.draft.as_ref().filter(|d| d.doc == doc_id) {
        for s in [draft.content, draft.source, draft.cue]
            .into_iter()
            .flatten()
        {
            spans.push((s, Mark::Draft));
        }
    }
    let mentions = corpus.mentions_in(doc_id);
    let selected_mention = state.selected_mention();
    for &m in mentions {
        let mention = corpus.mention(m);
        let place = corpus.place(mention.place);
        let on = selected_mention == Some(m)
            || (selected_mention.is_none()
                && place_focus.is_some_and(|f| index.same_place(f, mention.place)));
        spans.push((
            mention.span,
            Mark::Place(
                theme::place_kind_color(place.kind),
                on,
                mention.is_uncertain(),
            ),
        ));
    }

    let width = ui.available_width() - 12.0;
    let job = layout_job(text, &spans, width);
    if text.len() < doc.text.len() {
        ui.weak(format!(
            "Showing the first {} KB of {} KB.",
            text.len() / 1024,
            doc.text.len() / 1024
        ));
    }

    let reveal_id = Id::unique("claimmap.article.reveal");
    let revealed: (u64, Option<DocId>) = ui.data(|d| d.get_temp(reveal_id)).unwrap_or((0, None));
    let want_reveal = revealed != (state.reveal, Some(doc_id));

    ScrollArea::vertical()
        .id_salt(("claimmap-article", doc_id))
        .auto_shrink(false)
        .show(ui, |ui| {
            let galley = ui.painter().layout_job(job);
            let (rect, response) = ui.allocate_exact_size(galley.size(), Sense::click_and_drag());
            ui.painter()
                .galley(rect.min, galley.clone(), theme::ARTICLE_TEXT);
            ui.ctx().data_mut(|d| {
                d.insert_temp(
                    drawn_id(),
                    Drawn {
                        doc: doc_id,
                        galley: galley.clone(),
                        origin: rect.min,
                    },
                )
            });
            text_selection(ui, &response, &galley, rect, text, doc_id, actions);

            // byte offsets of everything clickable, to char positions in the galley
            let mut wanted: Vec<usize> = Vec::new();
            for &m in mentions {
                let s = corpus.mention(m).span;
                wanted.extend([s.start as usize, s.end as usize]);
            }
            for &s in &sources {
                for m in &corpus.source(s).mentions {
                    wanted.extend([m.start as usize, m.end as usize]);
                }
            }
            let reveal_at = reveal_target(state, doc_id);
            if let Some(b) = reveal_at {
                wanted.push(b);
            }
            let chars = CharMap::new(text, wanted);
            let span_rect = |s: Span| -> Rect {
                let a = galley.pos_from_cursor(CCursor::new(chars.get(s.start as usize)));
                let b = galley.pos_from_cursor(CCursor::new(chars.get(s.end as usize)));
                let r = if (a.center().y - b.center().y).abs() < 1.0 {
                    Rect::from_min_max(a.min, b.max)
                } else {
                    // wrapped: the part on the first line
                    Rect::from_min_max(a.min, egui::pos2(galley.rect.right(), a.max.y))
                };
                r.translate(rect.min.to_vec2())
            };
            // the characters on screen: spans elsewhere get no widget (and no rect, which
            // costs a walk over the galley's rows)
            let clip = ui.clip_rect();
            let (top, bottom) = (
                galley.cursor_from_pos(clip.min - rect.min).index.0,
                galley.cursor_from_pos(clip.max - rect.min).index.0,
            );
            let on_screen = |s: Span| {
                let (a, b) = (chars.get(s.start as usize), chars.get(s.end as usize));
                b + 1 >= top && a <= bottom + 1
            };

            // widgets only for the words on screen: a long article has hundreds
            for &m in mentions {
                let mention = corpus.mention(m);
                if mention.span.end as usize > text.len() || !on_screen(mention.span) {
                    continue;
                }
                let at = span_rect(mention.span);
                if !ui.is_rect_visible(at) {
                    continue;
                }
                let r = ui.interact(
                    at,
                    Id::unique(("claimmap.article.place", m)),
                    Sense::click(),
                );
                let place = corpus.place(mention.place);
                let label = format!("{} (place in the article)", mention.span.slice(text));
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &label));
                let hint = if mention.is_uncertain() {
                    let others: Vec<String> = mention
                        .alternatives
                        .iter()
                        .take(2)
                        .map(|a| format!("{}, {}", a.name, a.kind.label()))
                        .collect();
                    format!(
                        "{}, {} (uncertain; also possible: {}): review it below the map",
                        place.name,
                        place.kind.label(),
                        others.join("; ")
                    )
                } else {
                    format!(
                        "{}, {}: its claims, and review it below the map",
                        place.name,
                        place.kind.label()
                    )
                };
                let r = r
                    .on_hover_cursor(egui::CursorIcon::PointingHand)
                    .on_hover_text(hint);
                if r.clicked() {
                    actions.push(Action::Select(Item::Mention(m)));
                }
                if r.hovered() {
                    actions.push(Action::Hover(Item::Place(mention.place)));
                }
            }
            for &s in &sources {
                let source = corpus.source(s);
                for (k, &m) in source.mentions.iter().enumerate() {
                    if m.end as usize > text.len() || !on_screen(m) {
                        continue;
                    }
                    let at = span_rect(m);
                    if !ui.is_rect_visible(at) {
                        continue;
                    }
                    let r = ui.interact(
                        at,
                        Id::unique(("claimmap.article.source", s, k)),
                        Sense::click(),
                    );
                    let label = format!("{} (source in the article)", source.name);
                    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &label));
                    let r = r.on_hover_text(format!(
                        "{}, {}: select this source",
                        source.name,
                        source.kind.label()
                    ));
                    if r.clicked() {
                        actions.push(Action::Select(Item::Source(s)));
                    }
                    if r.hovered() {
                        actions.push(Action::Hover(Item::Source(s)));
                    }
                }
            }

            // a click on a claim's words selects it
            if response.clicked()
                && let Some(pos) = response.interact_pointer_pos()
            {
                if state.text_selection.is_some() {
                    actions.push(Action::SelectText(None));
                }
                let cursor = galley.cursor_from_pos(pos - rect.min);
                let byte = byte_of_char(text, cursor.index.0);
                let hit = corpus
                    .claims_in(doc_id)
                    .iter()
                    .copied()
                    .filter(|&c| {
                        let s = corpus.claim(c).content;
                        s.start as usize <= byte && byte < s.end as usize
                    })
                    .min_by_key(|&c| corpus.claim(c).content.len());
                if let Some(c) = hit {
                    actions.push(Action::Select(Item::Claim(c)));
                }
            }

            if want_reveal {
                if let Some(b) = reveal_at {
                    let at = galley.pos_from_cursor(CCursor::new(chars.get(b)));
                    ui.scroll_to_rect(
                        at.translate(rect.min.to_vec2()).expand(4.0),
                        Some(Align::Center),
                    );
                }
                ui.data_mut(|d| d.insert_temp(reveal_id, (state.reveal, Some(doc_id))));
            }
        });
}

/// Where the selection is in this document: the selected claim's sentence, a place's or a
/// source's first mention.
fn reveal_target(state: &AppState, doc: DocId) -> Option<usize> {
    let corpus = state.corpus();
    match state.selection.selected? {
        Item::Claim(c) => {
            let claim = corpus.claim(c);
            (claim.doc == doc).then_some(claim.sentence.start as usize)
        }
        Item::Mention(m) => {
            let mention = corpus.mention(m);
            (mention.doc == doc).then_some(mention.span.start as usize)
        }
        Item::Place(p) => corpus
            .mentions_in(doc)
            .iter()
            .map(|&m| corpus.mention(m))
            .find(|m| state.index().same_place(m.place, p))
            .map(|m| m.span.start as usize),
        Item::Source(s) => {
            let source = corpus.source(s);
            (source.doc == doc)
                .then(|| source.mentions.first().map(|m| m.start as usize))
                .flatten()
        }
        Item::Document(_) => None,
    }
}

fn header_ui(ui: &mut Ui, state: &AppState, doc_id: DocId, actions: &mut Vec<Action>) {
    let corpus = state.corpus();
    let doc = corpus.document(doc_id);
    ui.horizontal(|ui| {
        ui.strong("Article");
        if corpus.documents().len() > 1 {
            let label = ui.label("document");
            ComboBox::from_id_salt("claimmap-article-doc")
                .selected_text(format!(
                    "{} of {}",
                    doc_id.index() + 1,
                    corpus.documents().len()
                ))
                .width(90.0)
                .show_ui(ui, |ui| {
                    for d in corpus.documents().iter().take(500) {
                        if ui.selectable_label(d.id == doc_id, &d.key).clicked() {
                            actions.push(Action::ShowDocument(d.id));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        }
    });
    ui.label(egui::RichText::new(&doc.title).strong().size(15.0));
    let mut meta = doc.key.clone();
    match (doc.published, &doc.date) {
        (Some(day), _) => {
            meta.push_str(&format!(" · {day}"));
            if let Some(from) = doc.published_from {
                let how = match from {
                    crate::model::DateOrigin::Given => "",
                    crate::model::DateOrigin::HtmlMetadata => " (page metadata)",
                    crate::model::DateOrigin::Dateline => " (dateline)",
                    crate::model::DateOrigin::NameOrUrl => " (file name or address)",
                };
                meta.push_str(how);
            }
        }
        (None, Some(given)) => {
            meta.push_str(" · ");
            meta.push_str(given);
        }
        (None, None) => meta.push_str(" · undated"),
    }
    let n = corpus.claims_in(doc_id).len();
    meta.push_str(&format!(
        " · {n} {}",
        if n == 1 { "claim" } else { "claims" }
    ));
    ui.weak(meta);
}

#[derive(Clone, Copy)]
enum Mark {
    Claim,
    Reviewed,
    Sentence,
    SelectedContent,
    Source,
    TextSelection,
    Draft,
    Place(egui::Color32, bool, bool),
}

/// A drag over the text selects it (snapped to whole words), live while dragging.
fn text_selection(
    ui: &Ui,
    response: &egui::Response,
    galley: &egui::Galley,
    rect: Rect,
    text: &str,
    doc: DocId,
    actions: &mut Vec<Action>,
) {
    let anchor_id = Id::unique("claimmap.article.drag_anchor");
    let char_at = |pos: egui::Pos2| galley.cursor_from_pos(pos - rect.min).index.0;
    // the drag starts where the button went down, not where the pointer is when egui
    // decides it is a drag
    if response.drag_started()
        && let Some(pos) = ui.input(|i| i.pointer.press_origin())
    {
        ui.data_mut(|d| d.insert_temp(anchor_id, char_at(pos)));
    }
    if (response.dragged() || response.drag_stopped())
        && let (Some(pos), Some(anchor)) = (
            response.interact_pointer_pos(),
            ui.data(|d| d.get_temp::<usize>(anchor_id)),
        )
    {
        let here = char_at(pos);
        let (a, b) = (anchor.min(here), anchor.max(here));
        let span = word_span(text, byte_of_char(text, a), byte_of_char(text, b));
        actions.push(Action::SelectText(span.map(|s| (doc, s))));
    }
}

/// A selection from byte `a` to `b` grown to whole words at both ends and trimmed of the
/// spaces around it; `None` when only space is left.
fn word_span(text: &str, a: usize, b: usize) -> Option<Span> {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    let mut start = a.min(text.len());
    while let Some(c) = text[..start].chars().next_back() {
        let inside = text[start..].chars().next().is_some_and(is_word);
        if !(is_word(c) && inside) {
            break;
        }
        start -= c.len_utf8();
    }
    let mut end = b.min(text.len()).max(start);
    while let Some(c) = text[end..].chars().next() {
        let inside = text[..end].chars().next_back().is_some_and(is_word);
        if !(is_word(c) && inside) {
            break;
        }
        end += c.len_utf8();
    }
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    let (start, end) = (start + lead, end - trail);
    (start < end).then(|| Span::new(start, end))
}

/// The text as sections, each formatted for the spans that cover it (a sweep over the span
/// boundaries, so a long article with many claims stays linear).
fn layout_job(text: &str, spans: &[(Span, Mark)], width: f32) -> LayoutJob {
    let mut events: Vec<(usize, bool, usize)> = Vec::with_capacity(spans.len() * 2);
    for (i, (s, _)) in spans.iter().enumerate() {
        let (a, b) = (s.start as usize, s.end as usize);
        if a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b) {
            events.push((a, true, i));
            events.push((b, false, i));
        }
    }
    // ends before starts at the same offset
    events.sort_by_key(|&(at, is_start, _)| (at, is_start));
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let mut marks = Marks::default();
    let mut at = 0;
    let mut sentence = 0u32;
    let mut selected = 0u32;
    let mut source = 0u32;
    let mut picked = 0u32;
    let mut draft = 0u32;
    for (pos, is_start, i) in events {
        if pos > at {
            job.append(&text[at..pos], 0.0, format(&marks));
            at = pos;
        }
        let step = |n: &mut u32| {
            if is_start {
                *n += 1
            } else {
                *n = n.saturating_sub(1)
            }
        };
        match spans[i].1 {
            Mark::Claim => step(&mut marks.claims),
            Mark::Reviewed => step(&mut marks.reviewed),
            Mark::Sentence => step(&mut sentence),
            Mark::SelectedContent => step(&mut selected),
            Mark::Source => step(&mut source),
            Mark::TextSelection => step(&mut picked),
            Mark::Draft => step(&mut draft),
            Mark::Place(color, on, unsure) => marks.place = is_start.then_some((color, on, unsure)),
        }
        marks.sentence = sentence > 0;
        marks.selected_content = selected > 0;
        marks.source = source > 0;
        marks.text_selection = picked > 0;
        marks.draft = draft > 0;
    }
    if at < text.len() {
        job.append(&text[at..], 0.0, format(&marks));
    }
    job
}

fn format(m: &Marks) -> TextFormat {
    let mut f = TextFormat::simple(
        FontId::proportional(theme::ARTICLE_SIZE),
        theme::ARTICLE_TEXT,
    );
    f.line_height = Some(theme::ARTICLE_SIZE * 1.45);
    if m.selected_content {
        f.background = theme::SELECTED_CLAIM_BG;
    } else if m.sentence {
        f.background = theme::SENTENCE_BG;
    } else if m.reviewed > 0 {
        f.background = theme::REVIEWED_CLAIM_BG;
    } else if m.claims > 0 {
        f.background = theme::CLAIM_BG;
    }
    if m.source {
        f.color = theme::SOURCE_MENTION;
    }
    if let Some((color, on, unsure)) = m.place {
        f.color = color;
        f.underline = Stroke::new(1.0, color);
        f.italics = unsure;
        if on {
            f.background = theme::PLACE_SELECTED_BG;
        }
    }
    if m.draft {
        f.background = theme::DRAFT_BG;
    }
    if m.text_selection {
        f.background = theme::TEXT_SELECTION_BG;
    }
    f
}

/// The text up to `max` bytes, cut at a char boundary.
fn clip(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Byte offsets to char indices, for the few offsets asked for, in one pass over the text.
struct CharMap {
    pairs: Vec<(usize, usize)>,
}

impl CharMap {
    fn new(text: &str, mut bytes: Vec<usize>) -> CharMap {
        bytes.sort_unstable();
        bytes.dedup();
        let mut pairs = Vec::with_capacity(bytes.len());
        let mut wanted = bytes.into_iter().peekable();
        let mut chars = 0;
        for (b, _) in text.char_indices() {
            while let Some(&w) = wanted.peek() {
                if w > b {
                    break;
                }
                pairs.push((w, chars));
                wanted.next();
            }
            chars += 1;
        }
        for w in wanted {
            pairs.push((w, chars));
        }
        CharMap { pairs }
    }

    fn get(&self, byte: usize) -> usize {
        match self.pairs.binary_search_by_key(&byte, |&(b, _)| b) {
            Ok(i) => self.pairs[i].1,
            Err(i) => i.checked_sub(1).map_or(0, |i| self.pairs[i].1),
        }
    }
}

/// The byte offset of a char index.
fn byte_of_char(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_clipped_at_a_char_boundary() {
        assert_eq!(clip("Moscow’s", 7), "Moscow");
        assert_eq!(clip("Kyiv", 100), "Kyiv");
    }

    #[test]
    fn char_positions_follow_multibyte_text() {
        let text = "Moscow’s council met in Kursk.";
        let kursk = text.find("Kursk").unwrap_or(0);
        let map = CharMap::new(text, vec![kursk, 0, text.len()]);
        assert_eq!(map.get(kursk), text[..kursk].chars().count());
        assert_eq!(map.get(text.len()), text.chars().count());
        assert_eq!(byte_of_char(text, map.get(kursk)), kursk);
    }

    #[test]
    fn a_selection_grows_to_whole_words_and_drops_the_spaces_around() {
        let text = "Officials said Kursk was hit.";
        let got = |a: usize, b: usize| word_span(text, a, b).map(|s| s.slice(text).to_string());
        assert_eq!(got(17, 18).as_deref(), Some("Kursk"));
        assert_eq!(got(14, 25).as_deref(), Some("Kursk was"));
        assert_eq!(got(0, 3).as_deref(), Some("Officials"));
        assert_eq!(got(14, 15), None);
    }

    #[test]
    fn overlapping_spans_split_the_text_without_losing_any() {
        let text = "He said Kursk was hit.";
        let spans = [
            (Span::new(8, 21), Mark::Claim),
            (
                Span::new(8, 13),
                Mark::Place(egui::Color32::RED, false, false),
            ),
            (Span::new(0, 2), Mark::Source),
        ];
        let job = layout_job(text, &spans, 100.0);
        assert_eq!(job.text, text);
        assert_eq!(job.sections.len(), 5);
    }
}
