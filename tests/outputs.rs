//! The outputs an analyst takes elsewhere, made by the real binary from the sample article:
//! the map as SVG and PNG, the HTML report, and the GeoPackage. GDAL reads the GeoPackage
//! (`ogrinfo`, or Python with `pyogrio`) and headless Chromium renders the report, when they
//! are installed; when one is not, its test says so on the terminal, and under CI (`CI` set)
//! it fails, since `.ci/run` installs them.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use resvg::{tiny_skia, usvg};

const BIN: &str = env!("CARGO_BIN_EXE_claimmap");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> PathBuf {
    root().join("assets/sample/000_e9035b24404bf71a.txt")
}

fn run(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut c = Command::new(BIN);
    for a in args {
        c.arg(a);
    }
    c.output().expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Extracts `input` into `dir/out.EXT` with extra arguments and returns the file's path.
fn export(dir: &Path, input: &Path, ext: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(format!("out.{ext}"));
    let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> =
        vec![&"extract", &input, &"--format", &ext, &"-o", &out];
    for e in extra {
        args.push(e);
    }
    let o = run(&args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "extract --format {ext}: {}",
        stderr(&o)
    );
    out
}

/// The sample's claims as the JSON export lists them: (content, source).
fn sample_claims(dir: &Path) -> Vec<serde_json::Value> {
    let json = export(dir, &sample(), "json", &[]);
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(json).unwrap()).unwrap();
    v["claims"].as_array().unwrap().clone()
}

/// The places of the sample with a point, as the JSON export names them.
const SAMPLE_PLACES: &[&str] = &[
    "North Korea",
    "Russia",
    "Kursk",
    "Pyongyang",
    "Ukraine",
    "Moscow",
    "South Korea",
    "United States",
];

/// Text as HTML and XML write it.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Says on the terminal (past the test harness's capture) that a check could not run, and
/// fails under CI, where `.ci/run` has installed what it needs.
fn cannot_run(test: &str, why: &str) {
    let msg = format!("{test}: NOT RUN: {why}");
    assert!(std::env::var_os("CI").is_none(), "{msg} (CI must run it)");
    let _ = writeln!(std::io::stderr(), "\nwarning: {msg}");
}

fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

/// Distinct colours of a PNG, and its size.
fn png_colours(bytes: &[u8]) -> (u32, u32, usize) {
    let pixmap = tiny_skia::Pixmap::decode_png(bytes).expect("a PNG");
    let colours: HashSet<[u8; 4]> = pixmap
        .pixels()
        .iter()
        .map(|p| [p.red(), p.green(), p.blue(), p.alpha()])
        .collect();
    (pixmap.width(), pixmap.height(), colours.len())
}

#[test]
fn the_svg_map_parses_and_shows_the_samples_places_and_the_attribution() {
    let dir = tempfile::tempdir().unwrap();
    let svg = fs::read_to_string(export(dir.path(), &sample(), "svg", &[])).unwrap();
    let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("valid SVG");
    assert_eq!(tree.size().width(), 1600.0);
    for place in SAMPLE_PLACES {
        let marker = format!("<title>{place}, ");
        assert!(svg.contains(&marker), "no marker for {place}");
    }
    // the labels that fit, the legend and the attribution are text
    let texts: Vec<&str> = svg
        .split("<text ")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
        })
        .map(|(text, _)| text)
        .collect();
    for expected in ["Russia", "Pyongyang", "Kursk (city)", "city", "1 claim"] {
        assert!(
            texts.contains(&expected),
            "no text {expected:?} in {texts:?}"
        );
    }
    let attribution = texts.iter().find(|t| t.contains("Natural Earth")).unwrap();
    assert!(attribution.contains("GeoNames"), "{attribution}");
    assert!(
        texts[0].starts_with("North Korea to Send 6,000 Workers"),
        "{texts:?}"
    );
}

#[test]
fn the_svg_map_shows_the_view_it_is_given() {
    // the map panel's current view, as the app passes it (not on the command line)
    let corpus = {
        let res = claimmap::pipeline::Resources::bundled().unwrap();
        let doc = claimmap::model::Document::new("sample.txt", claimmap::SAMPLE_ARTICLE);
        claimmap::pipeline::extract(&res, vec![doc]).corpus
    };
    let view = claimmap::export::MapView {
        west: 30.0,
        south: 46.0,
        east: 42.0,
        north: 56.0,
    };
    let set = claimmap::export::ExportSet::all(&corpus).with_view(Some(view));
    let svg = claimmap::export::to_string(&claimmap::export::Svg, &corpus, &set).unwrap();
    let fitted = claimmap::export::to_string(
        &claimmap::export::Svg,
        &corpus,
        &claimmap::export::ExportSet::all(&corpus),
    )
    .unwrap();
    // a close-up of Kursk and Moscow: labelled there, Pyongyang out of the picture
    let label = |svg: &str, name: &str| svg.contains(&format!(">{name}</text>"));
    assert!(label(&svg, "Moscow") && label(&svg, "Kursk (region)"));
    assert!(!label(&svg, "Pyongyang") && label(&fitted, "Pyongyang"));
    assert_ne!(svg, fitted);
}

#[test]
fn the_png_map_decodes_at_the_asked_width_and_is_not_blank() {
    let dir = tempfile::tempdir().unwrap();
    for (width, args) in [(1600, vec![]), (800, vec!["--width", "800"])] {
        let png = fs::read(export(dir.path(), &sample(), "png", &args)).unwrap();
        fs::remove_file(dir.path().join("out.png")).unwrap();
        let (w, h, colours) = png_colours(&png);
        assert_eq!(w, width);
        assert!(h > width / 3 && h < width, "{w} by {h}");
        // sea, land, shading, markers, anti-aliased text: many colours
        assert!(colours >= 50, "{colours} colours: blank?");
    }
}

#[test]
fn the_html_report_holds_every_claim_and_loads_nothing_from_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let claims = sample_claims(dir.path());
    let html = fs::read_to_string(export(dir.path(), &sample(), "html", &[])).unwrap();
    assert!(!claims.is_empty());
    for c in &claims {
        let content = c["content"].as_str().unwrap();
        let one_line = content.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            html.contains(&escaped(&one_line)),
            "missing claim {content:?}"
        );
        assert!(html.contains(&format!(r#"id="claim-{}""#, c["id"])));
        if let Some(source) = c["source"].as_str() {
            assert!(html.contains(&escaped(source)), "missing source {source:?}");
        }
    }
    // every marker's link lands on a section
    for link in html.split(r##"href="#place-"##).skip(1) {
        let id = link.split('"').next().unwrap();
        assert!(
            html.contains(&format!(r#"id="place-{id}""#)),
            "no place-{id}"
        );
    }
    assert!(html.contains("Natural Earth") && html.contains("GeoNames"));
    for far in [
        "src=\"http",
        "url(http",
        "<link",
        "@import",
        "<iframe",
        "<img",
    ] {
        assert!(!html.contains(far), "the report loads something: {far}");
    }
    assert!(html.contains("<svg ") && html.contains("<input type=\"search\""));
}

#[test]
fn markup_in_an_article_is_shown_as_text_in_every_format_that_draws() {
    let dir = tempfile::tempdir().unwrap();
    let input = root().join("tests/fixtures/markup.txt");
    let html = fs::read_to_string(export(dir.path(), &input, "html", &[])).unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;drones&lt;/b&gt;"));
    assert_eq!(
        html.matches("<script>").count(),
        1,
        "only the report's own script"
    );
    assert!(!html.contains("<b>drones"));
    let svg = fs::read_to_string(export(dir.path(), &input, "svg", &[])).unwrap();
    assert!(usvg::Tree::from_str(&svg, &usvg::Options::default()).is_ok());
}

#[test]
fn the_geopackage_has_the_required_tables_and_one_layer_per_kind_of_thing() {
    let dir = tempfile::tempdir().unwrap();
    let path = export(dir.path(), &sample(), "gpkg", &[]);
    let db = rusqlite::Connection::open(&path).unwrap();
    let pragma = |p: &str| -> i64 {
        db.query_row(&format!("PRAGMA {p}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(pragma("application_id"), 0x4750_4B47);
    assert_eq!(pragma("user_version"), 10200);
    let rows = |sql: &str| -> Vec<(String, String)> {
        let mut st = db.prepare(sql).unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(
        rows("SELECT table_name, data_type FROM gpkg_contents ORDER BY table_name"),
        [
            ("claim_places", "attributes"),
            ("claims", "attributes"),
            ("places", "features"),
            ("source_place_lines", "features")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(
        rows("SELECT table_name, geometry_type_name FROM gpkg_geometry_columns ORDER BY 1"),
        [("places", "POINT"), ("source_place_lines", "LINESTRING")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let count = |t: &str| -> i64 {
        db.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count("claims") as usize, sample_claims(dir.path()).len());
    assert_eq!(count("places"), 9);
    let kursk: (String, i64) = db
        .query_row(
            "SELECT kind, claim_count FROM places WHERE name = 'Kursk' AND kind = 'city'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(kursk, ("city".to_string(), 1));
    // from South Korea (its foreign ministry) to North Korea and Russia
    let lines = rows(
        "SELECT from_place, to_place FROM source_place_lines
         WHERE source LIKE 'South Korea%' ORDER BY to_place",
    );
    assert_eq!(
        lines,
        [("South Korea", "North Korea"), ("South Korea", "Russia")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn a_binary_export_never_replaces_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["png", "gpkg"] {
        let out = dir.path().join(format!("out.{ext}"));
        fs::write(&out, "keep me").unwrap();
        let o = run(&[&"extract", &sample(), &"-o", &out]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert_eq!(fs::read_to_string(&out).unwrap(), "keep me");
        let o = run(&[&"extract", &sample(), &"-o", &out, &"--force"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_ne!(fs::read(&out).unwrap(), b"keep me");
    }
}

/// GDAL's answer for each layer: (name, geometry type, features, EPSG code).
type Layers = Vec<(String, String, i64, String)>;

const GDAL_SCRIPT: &str = r#"
import json, sys, pyogrio
out = []
for name, geom in pyogrio.list_layers(sys.argv[1]):
    info = pyogrio.read_info(sys.argv[1], layer=name)
    out.append([str(name), str(geom), int(info["features"]), str(info["crs"] or "")])
print(json.dumps(out))
"#;

/// Reads a GeoPackage's layers with GDAL: Python with pyogrio (`CLAIMMAP_GDAL_PYTHON`, else
/// `python3`), else `ogrinfo`.
fn gdal_layers(path: &Path) -> Option<Result<Layers, String>> {
    let pythons = std::env::var_os("CLAIMMAP_GDAL_PYTHON")
        .map(PathBuf::from)
        .into_iter()
        .chain(on_path("python3"));
    for python in pythons {
        let has_pyogrio = Command::new(&python)
            .args(["-c", "import pyogrio"])
            .output()
            .is_ok_and(|o| o.status.success());
        if !has_pyogrio {
            continue;
        }
        let o = Command::new(&python)
            .args(["-c", GDAL_SCRIPT])
            .arg(path)
            .output()
            .unwrap();
        if !o.status.success() {
            return Some(Err(stderr(&o)));
        }
        return Some(serde_json::from_slice(&o.stdout).map_err(|e| e.to_string()));
    }
    let ogrinfo = on_path("ogrinfo")?;
    let o = Command::new(ogrinfo)
        .args(["-ro", "-so", "-al"])
        .arg(path)
        .output()
        .unwrap();
    if !o.status.success() {
        return Some(Err(stderr(&o)));
    }
    // "Layer name: places", "Geometry: Point", "Feature Count: 9", ... ID["EPSG",4326]]
    let text = String::from_utf8_lossy(&o.stdout);
    let layers = text
        .split("Layer name: ")
        .skip(1)
        .map(|block| {
            let field = |key: &str| {
                block
                    .lines()
                    .find_map(|l| l.strip_prefix(key))
                    .unwrap_or("")
                    .trim()
                    .to_string()
            };
            let name = block.lines().next().unwrap_or("").trim().to_string();
            // ogrinfo writes "Line String" where pyogrio writes "LineString"
            let geometry = match field("Geometry: ").replace(' ', "").as_str() {
                "None" | "" => "None".to_string(),
                g => g.to_string(),
            };
            let features = field("Feature Count: ").parse().unwrap_or(-1);
            let crs = if block.contains(r#"ID["EPSG",4326]"#)
                || block.contains(r#"AUTHORITY["EPSG","4326"]"#)
            {
                "EPSG:4326".to_string()
            } else {
                String::new()
            };
            (name, geometry, features, crs)
        })
        .collect();
    Some(Ok(layers))
}

#[test]
fn gdal_reads_the_geopackage_layers_geometry_types_counts_and_crs() {
    let dir = tempfile::tempdir().unwrap();
    let path = export(dir.path(), &sample(), "gpkg", &[]);
    let Some(layers) = gdal_layers(&path) else {
        cannot_run(
            "gdal_reads_the_geopackage",
            "no GDAL: install Debian's gdal-bin, or `pip install pyogrio` (or set CLAIMMAP_GDAL_PYTHON)",
        );
        return;
    };
    let mut layers = layers.expect("GDAL opens the GeoPackage");
    layers.sort();
    let claims = sample_claims(dir.path()).len() as i64;
    let features = |name: &str| layers.iter().find(|l| l.0 == name).map(|l| l.2);
    assert_eq!(
        layers
            .iter()
            .map(|l| (l.0.as_str(), l.1.as_str()))
            .collect::<Vec<_>>(),
        [
            ("claim_places", "None"),
            ("claims", "None"),
            ("places", "Point"),
            ("source_place_lines", "LineString")
        ]
    );
    assert_eq!(features("places"), Some(9));
    assert_eq!(features("claims"), Some(claims));
    assert!(features("source_place_lines").is_some_and(|n| n >= 2));
    for (name, geometry, _, crs) in &layers {
        if geometry != "None" {
            assert_eq!(crs, "EPSG:4326", "{name}");
        }
    }
}

#[test]
fn chromium_renders_the_html_report_with_its_map_and_claims() {
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|p| on_path(p))
    else {
        cannot_run(
            "chromium_renders_the_html_report",
            "no chromium on PATH: install Debian's chromium",
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let claims = sample_claims(dir.path());
    let html = export(dir.path(), &sample(), "html", &[]);
    let url = format!("file://{}", html.display());
    let browse = |extra: &[&str]| {
        let profile = tempfile::tempdir().unwrap();
        let o = Command::new("timeout")
            .arg("120")
            .arg(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--window-size=1400,1000",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(&url)
            .output()
            .unwrap();
        assert!(o.status.success(), "chromium failed: {}", stderr(&o));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };

    let dom = browse(&["--dump-dom"]);
    assert!(dom.contains("<svg") && dom.contains("place-link"), "no map");
    for c in &claims {
        let content = c["content"].as_str().unwrap();
        let one_line = content.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            dom.contains(
                &escaped(&one_line)
                    .replace("&#39;", "'")
                    .replace("&quot;", "\"")
            ),
            "the rendered report lacks {content:?}"
        );
    }
    // the search box shows once the report's script has run
    assert!(dom.contains(r#"<p id="search">"#), "the script did not run");

    let shot = dir.path().join("report.png");
    browse(&[&format!("--screenshot={}", shot.display())]);
    let (w, h, colours) = png_colours(&fs::read(&shot).unwrap());
    assert_eq!((w, h), (1400, 1000));
    assert!(colours >= 50, "{colours} colours: a blank page?");
}
