//! The UI's own cost per frame, headless: egui layout of every panel plus tessellation into
//! triangles, no GPU and no window. The corpus is synthetic and large (10,000 places,
//! 100,000 claims over 1,000 documents) and the real basemap is drawn, so the figure is the
//! worst steady state a user on a big corpus meets. Four situations: nothing happening, the
//! pointer sweeping over the map (hover tests, tooltips), the map being dragged, and a
//! selected claim (links drawn, the list and the article scrolled to it). Then the same
//! summaries at the scale of 100,000 articles (2,000,000 claims), without criterion.
//!
//! Besides criterion's estimate, the benchmark prints min / median / max over 300 frames of
//! each situation, split into layout and tessellation (`cargo bench --bench ui_frame`); the
//! target is a median of at most 4 ms. Panning is the worst case: the map's screen meshes are
//! rebuilt every frame, where a still or hovered map reuses them.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use claimmap::app::{Action, ClaimmapApp, Item};
use claimmap::geo::Basemap;
use claimmap::model::{
    Claim, ClaimId, Corpus, CorpusParts, DocId, Document, LonLat, MentionId, MentionRole, Place,
    PlaceId, PlaceKind, PlaceMention, Source, SourceId, SourceKind, Span,
};
use claimmap::ui::basemap::BasemapMesh;
use criterion::Criterion;

/// A synthetic corpus's size.
#[derive(Clone, Copy)]
struct Scale {
    places: usize,
    claims: usize,
    documents: usize,
}

/// Timed by criterion and summarised.
const SMALL: Scale = Scale {
    places: 10_000,
    claims: 100_000,
    documents: 1_000,
};
/// The app at 100,000 articles (about two million claims): summarised only, each frame
/// being slow enough to time alone.
const LARGE: Scale = Scale {
    places: 10_000,
    claims: 2_000_000,
    documents: 100_000,
};
const SOURCES_PER_DOC: usize = 20;
const SCREEN: [f32; 2] = [1600.0, 1000.0];

/// A small deterministic generator (no dependency, same corpus on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() % 1_000_000) as f64 / 1_000_000.0
    }
}

fn synthetic_corpus(codes: &[String], scale: Scale) -> Corpus {
    let mut rng = Lcg(42);
    let kinds = [
        PlaceKind::City,
        PlaceKind::City,
        PlaceKind::City,
        PlaceKind::Region,
        PlaceKind::Area,
        PlaceKind::Sea,
    ];
    let places: Vec<Place> = (0..scale.places)
        .map(|i| {
            let kind = if i < 200 {
                PlaceKind::Country
            } else {
                kinds[rng.below(kinds.len())]
            };
            Place {
                id: PlaceId(i as u32),
                geonameid: Some(1_000_000 + i as u32),
                name: format!("Place {i}"),
                kind,
                point: Some(LonLat::new(
                    -170.0 + 340.0 * rng.unit(),
                    -50.0 + 120.0 * rng.unit(),
                )),
                country: Some(codes[rng.below(codes.len())].clone()),
                population: 0,
                outline: None,
                mentions: Vec::new(),
            }
        })
        .collect();

    let names = [
        "Officials",
        "State media",
        "The ministry",
        "Experts",
        "A spokesperson",
        "Analysts",
        "The army",
        "Witnesses",
    ];
    let mut parts = CorpusParts {
        places,
        ..CorpusParts::default()
    };
    let per_doc = scale.claims / scale.documents;
    for d in 0..scale.documents {
        let doc_id = DocId(d as u32);
        let source_base = parts.sources.len();
        let mut text = format!("Report {d}\n\n");
        let mut source_mentions: Vec<Vec<Span>> = vec![Vec::new(); SOURCES_PER_DOC];
        for _ in 0..per_doc {
            let s = rng.below(SOURCES_PER_DOC);
            let start = text.len();
            let name = format!("{} {}", names[s % names.len()], s);
            text.push_str(&name);
            let source_span = Span::new(start, text.len());
            source_mentions[s].push(source_span);
            text.push(' ');
            let cue_start = text.len();
            text.push_str("said");
            let cue = Span::new(cue_start, text.len());
            text.push(' ');
            let content_start = text.len();
            text.push_str("that fighting near ");
            let mut mentions = Vec::new();
            for k in 0..1 + rng.below(2) {
                if k > 0 {
                    text.push_str(" and ");
                }
                let p = rng.below(scale.places);
                let at = text.len();
                text.push_str(&parts.places[p].name);
                let id = MentionId(parts.mentions.len() as u32);
                parts.mentions.push(PlaceMention {
                    id,
                    doc: doc_id,
                    span: Span::new(at, text.len()),
                    place: PlaceId(p as u32),
                    role: MentionRole::Literal,
                    confidence: 0.9,
                    alternatives: Vec::new(),
                    review: Default::default(),
                });
                mentions.push(id);
            }
            text.push_str(" went on through the night");
            let content = Span::new(content_start, text.len());
            text.push_str(". ");
            parts.claims.push(Claim {
                id: ClaimId(parts.claims.len() as u32),
                doc: doc_id,
                source_span: Some(source_span),
                cue: Some(cue),
                content,
                sentence: Span::new(start, text.len() - 1),
                source: Some(SourceId((source_base + s) as u32)),
                mentions,
                is_hedged: rng.below(5) == 0,
                confidence: 0.8,
                date: None,
                channel: None,
                review: Default::default(),
            });
        }
        for (s, mentions) in source_mentions.into_iter().enumerate() {
            parts.sources.push(Source {
                id: SourceId(parts.sources.len() as u32),
                doc: doc_id,
                name: format!("{} {}", names[s % names.len()], s),
                kind: SourceKind::ALL[s % SourceKind::ALL.len()],
                affiliation: Some(PlaceId(rng.below(200) as u32)),
                description: None,
                mentions,
                entity: None,
            });
        }
        let mut doc = Document::new(format!("report-{d}.txt"), text);
        doc.id = doc_id;
        parts.documents.push(doc);
    }
    Corpus::from_parts(parts)
}

/// The app on the synthetic corpus with the real basemap, and an egui context that has
/// drawn it a few times (fonts, fitted map).
fn setup(scale: Scale) -> (ClaimmapApp, egui::Context) {
    let basemap = Basemap::bundled().expect("the bundled basemap loads");
    let codes: Vec<String> = basemap
        .countries
        .iter()
        .map(|c| c.code.clone())
        .filter(|c| !c.is_empty())
        .collect();
    let mesh = BasemapMesh::new(&basemap);
    let started = Instant::now();
    let corpus = synthetic_corpus(&codes, scale);
    eprintln!(
        "synthetic corpus: {} places, {} claims, {} documents, {} mentions (built in {:?})",
        corpus.places().len(),
        corpus.claims().len(),
        corpus.documents().len(),
        corpus.mentions().len(),
        started.elapsed()
    );
    let started = Instant::now();
    let mut app = ClaimmapApp::with_corpus(corpus, Vec::new());
    eprintln!("app state and index built in {:?}", started.elapsed());
    let [(world_t, world_p), (mid_t, mid_p), (full_t, full_p)] = mesh.sizes();
    eprintln!(
        "basemap: {world_t} triangles / {world_p} border points (world view), \
         {mid_t} / {mid_p} (continent), {full_t} / {full_p} (close-up)"
    );
    app.set_basemap(Arc::new(basemap), Arc::new(mesh));
    let ctx = egui::Context::default();
    ctx.set_theme(egui::Theme::Dark);
    for i in 0..5 {
        frame(&ctx, &mut app, i, None);
    }
    (app, ctx)
}

/// One frame: layout of every panel, then tessellation. Returns the triangle count.
fn frame(ctx: &egui::Context, app: &mut ClaimmapApp, n: u64, pointer: Option<egui::Pos2>) -> usize {
    timed_frame(ctx, app, n, pointer).2
}

/// [`frame`], with the time of each half: (layout, tessellation, triangles).
fn timed_frame(
    ctx: &egui::Context,
    app: &mut ClaimmapApp,
    n: u64,
    pointer: Option<egui::Pos2>,
) -> (Duration, Duration, usize) {
    timed_frame_with(ctx, app, n, pointer, Vec::new())
}

/// [`timed_frame`] with extra input events (a drag).
fn timed_frame_with(
    ctx: &egui::Context,
    app: &mut ClaimmapApp,
    n: u64,
    pointer: Option<egui::Pos2>,
    events: Vec<egui::Event>,
) -> (Duration, Duration, usize) {
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::Vec2::from(SCREEN),
        )),
        time: Some(n as f64 / 60.0),
        predicted_dt: 1.0 / 60.0,
        ..Default::default()
    };
    if let Some(p) = pointer {
        input.events.push(egui::Event::PointerMoved(p));
    }
    input.events.extend(events);
    let t0 = Instant::now();
    let output = ctx.run_ui(input, |ui| app.show(ui));
    let t1 = Instant::now();
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    let t2 = Instant::now();
    let triangles = primitives
        .iter()
        .map(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(m) => m.indices.len() / 3,
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum();
    (t1 - t0, t2 - t1, triangles)
}

/// Where the pointer is on frame `n` when sweeping over the map.
fn sweep(n: u64) -> egui::Pos2 {
    let t = (n % 240) as f32 / 240.0;
    egui::pos2(
        520.0 + 560.0 * t,
        250.0 + 450.0 * (t * std::f32::consts::TAU).sin().abs(),
    )
}

/// What the pointer does during a measurement.
#[derive(Clone, Copy, PartialEq)]
enum Pointer {
    /// Nothing: a still window (the map's meshes are reused).
    Still,
    /// Sweeping over the map: hover tests and tooltips every frame.
    Hover,
    /// Dragging the map: it pans every frame, so its meshes are rebuilt every frame.
    Pan,
}

/// The events of frame `n` of a drag that pans the map back and forth, 4 points a frame.
fn pan(n: u64) -> (egui::Pos2, Vec<egui::Event>) {
    let step = n % 100;
    let dir = if (n / 100).is_multiple_of(2) {
        1.0
    } else {
        -1.0
    };
    let start = egui::pos2(if dir > 0.0 { 600.0 } else { 1000.0 }, 500.0);
    let pos = start + egui::vec2(dir * 4.0 * step as f32, 0.0);
    let button = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::default(),
    };
    let events = match step {
        0 => vec![button(true)],
        99 => vec![button(false)],
        _ => Vec::new(),
    };
    (pos, events)
}

/// Min, median and max of `frames` frames.
fn summary(label: &str, ctx: &egui::Context, app: &mut ClaimmapApp, mode: Pointer) {
    let frames = 300;
    let mut times = Vec::with_capacity(frames);
    let mut layout = Vec::with_capacity(frames);
    let mut tessellation = Vec::with_capacity(frames);
    let mut triangles = 0;
    for n in 0..frames as u64 {
        let (pointer, events) = match mode {
            Pointer::Still => (None, Vec::new()),
            Pointer::Hover => (Some(sweep(n)), Vec::new()),
            Pointer::Pan => {
                let (p, e) = pan(n);
                (Some(p), e)
            }
        };
        let (l, t, tris) = black_box(timed_frame_with(ctx, app, 100 + n, pointer, events));
        times.push(l + t);
        layout.push(l);
        tessellation.push(t);
        triangles = tris;
    }
    for v in [&mut times, &mut layout, &mut tessellation] {
        v.sort();
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    eprintln!(
        "{label:<16} min {:.2} ms · median {:.2} ms · max {:.2} ms  \
         (median layout {:.2} + tessellation {:.2}; {frames} frames, {triangles} triangles)",
        ms(times[0]),
        ms(times[frames / 2]),
        ms(times[frames - 1]),
        ms(layout[frames / 2]),
        ms(tessellation[frames / 2]),
    );
}

/// The summaries of every kind of frame.
fn summaries(ctx: &egui::Context, app: &mut ClaimmapApp, scale: Scale) {
    summary("still", ctx, app, Pointer::Still);
    summary("hover over map", ctx, app, Pointer::Hover);
    summary("panning the map", ctx, app, Pointer::Pan);
    let _ = app.state_mut().apply(Action::FitMap);
    let claim = app.state().view()[scale.claims / 2];
    let _ = app.state_mut().apply(Action::Select(Item::Claim(claim)));
    summary("claim selected", ctx, app, Pointer::Still);
    let _ = app.state_mut().apply(Action::ClearSelection);
    let _ = app.state_mut().apply(Action::FitMap);
}

fn main() {
    let (mut app, ctx) = setup(SMALL);
    summaries(&ctx, &mut app, SMALL);

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(60)
        .measurement_time(Duration::from_secs(6));
    let mut n = 1000;
    c.bench_function("ui frame, 10k places / 100k claims, still", |b| {
        b.iter(|| {
            n += 1;
            frame(&ctx, &mut app, n, None)
        })
    });
    c.bench_function("ui frame, 10k places / 100k claims, hover", |b| {
        b.iter(|| {
            n += 1;
            frame(&ctx, &mut app, n, Some(sweep(n)))
        })
    });
    c.bench_function("ui frame, 10k places / 100k claims, panning", |b| {
        b.iter(|| {
            n += 1;
            let (p, events) = pan(n);
            timed_frame_with(&ctx, &mut app, n, Some(p), events).2
        })
    });
    c.final_summary();
    drop(app);

    eprintln!("\nthe app at 100,000 articles:");
    let (mut app, ctx) = setup(LARGE);
    summaries(&ctx, &mut app, LARGE);
}
