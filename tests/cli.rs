//! The real `claimmap` binary on named fixtures: every export format on the sample article,
//! the evaluation format, and every kind of bad input, with the exit codes a script relies on
//! (0 clean, 1 finished with warnings, 2 fatal).

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_claimmap");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> PathBuf {
    root().join("assets/sample/000_e9035b24404bf71a.txt")
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
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

fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

/// Extracts the sample into `dir/out.EXT` and returns the file's text.
fn export_sample(dir: &Path, ext: &str) -> String {
    let out = dir.join(format!("out.{ext}"));
    let o = run(&[&"extract", &sample(), &"--format", &ext, &"-o", &out]);
    assert_eq!(code(&o), 0, "extract --format {ext}: {}", stderr(&o));
    fs::read_to_string(&out).expect("export written")
}

const SAMPLE_SOURCES: &[&str] = &[
    "Russian state media",
    "Sergei Shoigu",
    "Experts",
    "Soo Kim",
    "North Korean state media",
    "South Korea‘s foreign ministry",
    "A U.S. State Department spokesperson",
];

#[test]
fn csv_export_of_the_sample_has_every_attributed_claim() {
    let dir = tempfile::tempdir().unwrap();
    let text = export_sample(dir.path(), "csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header[..4],
        ["claim_id", "document", "source_as_written", "source"]
    );
    let entity = header.iter().position(|h| h == "entity").unwrap();
    assert_eq!(
        header[entity..],
        [
            "entity",
            "entity_name",
            "document_date",
            "date",
            "date_precision",
            "date_words",
            "story",
            "story_sources",
            "story_origins",
            "figures",
            "conflicts"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert!(rows.len() >= 9, "{} rows", rows.len());
    let sources: Vec<&str> = rows.iter().map(|r| &r[3]).collect();
    for want in SAMPLE_SOURCES {
        assert!(
            sources.contains(want),
            "no claim from {want}; sources: {sources:?}"
        );
    }
    // content with a comma and a quote mark survives the round trip
    assert!(rows.iter().any(|r| r[8].contains("$200,000")));
    assert!(rows.iter().all(|r| r.len() == header.len()));
}

#[test]
fn json_export_links_places_claims_and_sources() {
    let dir = tempfile::tempdir().unwrap();
    let text = export_sample(dir.path(), "json");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let claims = v["claims"].as_array().unwrap();
    let places = v["places"].as_array().unwrap();
    let place = |name: &str| {
        places
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("no place {name}"))
    };
    // real coordinates (GeoNames): within a few km
    for (name, lat, lon) in [
        ("Pyongyang", 39.034, 125.754),
        ("Kursk", 51.727, 36.185),
        ("Moscow", 55.752, 37.618),
    ] {
        let p = place(name);
        let (plat, plon) = (p["lat"].as_f64().unwrap(), p["lon"].as_f64().unwrap());
        assert!(
            (plat - lat).abs() < 0.05 && (plon - lon).abs() < 0.05,
            "{name} at {plat},{plon}"
        );
    }
    // a place lists the claims that mention it, and those claims list it back
    let kursk = place("Kursk");
    let kursk_id = kursk["id"].as_u64().unwrap();
    for c in kursk["claims"].as_array().unwrap() {
        let claim = claims.iter().find(|x| x["id"] == *c).unwrap();
        assert!(
            claim["places"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["id"] == kursk_id)
        );
        assert!(claim["content"].as_str().unwrap().contains("Kursk"));
    }
    // "He stated" and "Shoigu noted" are Sergei Shoigu's
    for cue in ["stated", "noted"] {
        let c = claims
            .iter()
            .find(|c| c["cue"].as_str().is_some_and(|s| s.starts_with(cue)))
            .unwrap();
        assert_eq!(c["source"], "Sergei Shoigu", "{cue}");
        assert_eq!(c["entity"], "person:sergei-shoigu", "{cue}");
        assert_eq!(c["entity_name"], "Sergei Shoigu", "{cue}");
    }
    // the entities of the claims, with what they said
    let shoigu = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"] == "person:sergei-shoigu")
        .unwrap();
    let by_shoigu = claims
        .iter()
        .filter(|c| c["entity"] == "person:sergei-shoigu")
        .count();
    assert_eq!(shoigu["claims"], by_shoigu);
    assert_eq!(shoigu["documents"], 1);
    assert_eq!(shoigu["affiliation"], "Russia");
    let soo = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Soo Kim")
        .unwrap();
    assert_eq!(
        soo["description"],
        "a North Korea researcher and former CIA analyst"
    );
    assert_eq!(soo["kind"], "expert");
}

#[test]
fn jsonl_export_is_one_claim_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = export_sample(dir.path(), "jsonl");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 9);
    assert!(
        lines
            .iter()
            .all(|l| l["content"].is_string() && l["document"].is_string())
    );
    // an attributed claim names its entity
    assert!(
        lines
            .iter()
            .filter(|l| l["source"].is_string())
            .all(|l| l["entity"].is_string() && l["entity_name"].is_string())
    );
}

/// Extracts `inputs` into `dir/out.EXT` and returns the file's text.
fn export_inputs(dir: &Path, inputs: &[PathBuf], ext: &str) -> String {
    let out = dir.join(format!("out.{ext}"));
    let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"extract"];
    args.extend(inputs.iter().map(|p| p as &dyn AsRef<std::ffi::OsStr>));
    args.extend([&"-o" as &dyn AsRef<std::ffi::OsStr>, &out]);
    let o = run(&args);
    assert_eq!(code(&o), 0, "extract to {ext}: {}", stderr(&o));
    fs::read_to_string(&out).expect("export written")
}

#[test]
fn csv_ends_with_the_document_date_and_each_claims_date_precision_and_words() {
    let dir = tempfile::tempdir().unwrap();
    let text = export_inputs(dir.path(), &[fixture("dated.jsonl")], "csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let n = header.iter().position(|h| h == "date_words").unwrap() + 1;
    assert_eq!(
        header[n - 4..n],
        ["document_date", "date", "date_precision", "date_words"]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let dates: Vec<(&str, &str, [&str; 4])> = rows
        .iter()
        .map(|r| {
            let last = [&*r[n - 4], &*r[n - 3], &*r[n - 2], &*r[n - 1]];
            (&*r[1], &*r[8], last)
        })
        .collect();
    assert_eq!(
        dates,
        [
            // the document is dated Thursday 2024-11-07: "on Tuesday" is two days before
            (
                "lviv-repairs",
                "the power station was repaired",
                ["2024-11-07", "2024-11-05", "day", "on Tuesday"],
            ),
            (
                "lviv-repairs",
                "the city would need more generators",
                ["2024-11-07", "2024-11-07", "document", ""],
            ),
            // no date anywhere: empty cells
            ("odesa-port", "the port was open", ["", "", "", ""]),
        ]
    );
}

#[test]
fn json_lists_each_documents_publication_date_and_where_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    // the page's metadata says 2024-11-02; its file name says 2019-01-01
    let inputs = [fixture("dated.jsonl"), fixture("2019-01-01_dated.html")];
    let v: serde_json::Value =
        serde_json::from_str(&export_inputs(dir.path(), &inputs, "json")).unwrap();
    let documents: Vec<(&str, &serde_json::Value, &serde_json::Value)> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["key"].as_str().unwrap(),
                &d["published"],
                &d["published_from"],
            )
        })
        .collect();
    let (given, html, none) = (
        serde_json::json!("given"),
        serde_json::json!("html_metadata"),
        serde_json::Value::Null,
    );
    assert_eq!(
        documents,
        [
            ("lviv-repairs", &serde_json::json!("2024-11-07"), &given),
            ("odesa-port", &none, &none),
            (
                "2019-01-01_dated.html",
                &serde_json::json!("2024-11-02"),
                &html
            ),
        ]
    );
    // the page is a Saturday: its "on Friday" is the day before
    let claim = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["document"] == "2019-01-01_dated.html")
        .unwrap();
    assert_eq!(
        (
            &claim["date"],
            &claim["date_precision"],
            &claim["date_words"]
        ),
        (
            &serde_json::json!("2024-11-01"),
            &serde_json::json!("day"),
            &serde_json::json!("on Friday")
        )
    );
    // JSON Lines writes the same record
    let jsonl = export_inputs(dir.path(), &inputs, "jsonl");
    let last: serde_json::Value = serde_json::from_str(jsonl.lines().last().unwrap()).unwrap();
    assert_eq!(last["document_date"], "2024-11-02");
    assert_eq!(last["date"], "2024-11-01");
}

#[test]
fn eval_output_gives_each_claim_its_date_and_precision() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("eval.jsonl");
    let o = run(&[
        &"extract",
        &"--eval-jsonl",
        &fixture("dated.jsonl"),
        &"-o",
        &out,
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let dates: Vec<(String, Vec<serde_json::Value>)> = fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let dates = v["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["date"].clone())
                .collect();
            (v["id"].as_str().unwrap().to_string(), dates)
        })
        .collect();
    let date =
        |value: &str, precision: &str| serde_json::json!({"value": value, "precision": precision});
    assert_eq!(
        dates,
        [
            (
                "lviv-repairs".to_string(),
                vec![date("2024-11-05", "day"), date("2024-11-07", "document")]
            ),
            ("odesa-port".to_string(), vec![serde_json::Value::Null]),
        ]
    );
}

fn stories_dir() -> PathBuf {
    fixture("stories")
}

#[test]
fn every_exported_claim_has_its_story_figures_and_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let text = export_inputs(dir.path(), &[stories_dir()], "jsonl");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        lines
            .iter()
            .all(|l| l["story"].as_str().unwrap().starts_with("story-")
                && l["story_sources"].is_u64()
                && l["story_origins"].is_u64())
    );
    let pentagon = lines
        .iter()
        .find(|l| {
            l["content"]
                == "roughly 10,000 North Korean soldiers had been deployed to Russia for training"
        })
        .unwrap();
    assert_eq!(
        pentagon["figures"],
        serde_json::json!([{
            "value": 10000.0,
            "unit": "soldiers",
            "qualifier": "about",
            "text": "roughly 10,000 North Korean soldiers"
        }])
    );
    assert_eq!(
        (
            pentagon["story_sources"].as_u64(),
            pentagon["story_origins"].as_u64()
        ),
        (Some(6), Some(3))
    );
    // the figures that disagree: by claim id, each way
    let id = |l: &serde_json::Value| l["id"].as_u64().unwrap();
    let ukraine = lines
        .iter()
        .find(|l| l["content"].as_str().unwrap().starts_with("only 3,000"))
        .unwrap();
    let conflicts = |l: &serde_json::Value| -> Vec<u64> {
        l["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_u64().unwrap())
            .collect()
    };
    assert!(conflicts(pentagon).contains(&id(ukraine)));
    assert!(conflicts(ukraine).contains(&id(pentagon)));

    // the CSV has them as its last columns, figures as text
    let text = export_inputs(dir.path(), &[stories_dir()], "csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let content = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "content")
        .unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let row = rows
        .iter()
        .find(|r| r[content].starts_with("roughly 10,000"))
        .unwrap();
    let n = row.len();
    assert_eq!(&row[n - 5], pentagon["story"].as_str().unwrap());
    assert_eq!(
        (&row[n - 4], &row[n - 3], &row[n - 2]),
        ("6", "3", "roughly 10,000 North Korean soldiers")
    );
    assert!(row[n - 1].split("; ").any(|c| c == id(ukraine).to_string()));
}

#[test]
fn the_brief_lists_each_story_told_more_than_once_with_who_says_and_who_disputes_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("stories.brief.md");
    let o = run(&[&"extract", &stories_dir(), &"-o", &out]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let brief = fs::read_to_string(&out).unwrap();
    assert!(brief.starts_with("# Story brief"), "{brief}");
    let first = brief.split("\n## ").nth(1).unwrap();
    for want in [
        "1. North Korea has sent about 10,000 troops to Russia",
        "6 sources, 3 independent origins",
        "**contested**",
        "**Who says it**",
        "**South Korea's National Intelligence Service**",
        "**Pentagon**",
        "**Who disputes it**",
        "“Pyongyang had not sent any troops to Russia”",
        "| about 10,000 troops | South Korea's National Intelligence Service | 2024-11-04_daily-herald.txt and 3 more | 2024-11-04 |",
        "| up to 3,000 North Korean troops | A U.S. official |",
        "| at least 3,000 North Korean troops | South Korean lawmakers | 2024-11-07_estimates.txt | 2024-11-07 |  |",
    ] {
        assert!(first.contains(want), "no {want:?} in\n{first}");
    }
    // a story of one claim is not in the brief
    assert!(!brief.contains("the cooperation between the two countries"));
    // --format brief to standard output says the same
    let o = run(&[&"extract", &stories_dir(), &"--format", &"brief"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), brief);
}

#[test]
fn eval_output_gives_each_claim_its_story() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("eval.jsonl");
    let o = run(&[
        &"extract",
        &"--eval-jsonl",
        &fixture("dated.jsonl"),
        &"-o",
        &out,
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for line in fs::read_to_string(&out).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for c in v["claims"].as_array().unwrap() {
            assert!(c["story"].as_str().unwrap().starts_with("story-"), "{c}");
        }
    }
}

#[test]
fn markdown_report_groups_claims_by_place_then_source() {
    let dir = tempfile::tempdir().unwrap();
    let text = export_sample(dir.path(), "md");
    assert!(text.starts_with("# Claims report"));
    let kursk = text.find("## Kursk (city, RU)").expect("a Kursk section");
    let next = text[kursk + 3..]
        .find("\n## ")
        .map_or(text.len(), |i| kursk + 3 + i);
    let section = &text[kursk..next];
    assert!(
        section.contains("**Sergei Shoigu** (government"),
        "{section}"
    );
    assert!(
        section.contains("> the sappers would focus on demining operations in Kursk"),
        "{section}"
    );
}

#[test]
fn geojson_export_is_a_feature_collection_of_points_longitude_first() {
    let dir = tempfile::tempdir().unwrap();
    let text = export_sample(dir.path(), "geojson");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let f = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["name"] == "Pyongyang")
        .unwrap();
    assert_eq!(f["geometry"]["type"], "Point");
    let c = f["geometry"]["coordinates"].as_array().unwrap();
    assert!(
        (c[0].as_f64().unwrap() - 125.75).abs() < 0.05,
        "longitude first"
    );
    assert!(f["properties"]["claim_count"].as_u64().unwrap() >= 1);
    assert!(f["properties"]["claims"][0]["source"].is_string());
}

#[test]
fn eval_output_counts_code_points_not_bytes() {
    // the fixture's text holds "’" and "—" (three UTF-8 bytes each) before its spans
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("eval.jsonl");
    let gold = fixture("eval_offsets.jsonl");
    let o = run(&[&"extract", &"--eval-jsonl", &gold, &"-o", &out]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let got: serde_json::Value =
        serde_json::from_str(fs::read_to_string(&out).unwrap().trim()).unwrap();
    let want: serde_json::Value =
        serde_json::from_str(fs::read_to_string(&gold).unwrap().trim()).unwrap();
    let text = want["text"].as_str().unwrap();
    let chars: Vec<char> = text.chars().collect();
    let slice = |v: &serde_json::Value| -> String {
        let (a, b) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        chars[a..b].iter().collect()
    };
    let places: Vec<String> = got["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(slice)
        .collect();
    let want_places: Vec<String> = want["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(slice)
        .collect();
    assert_eq!(places, want_places);
    let claim = &got["claims"][0];
    assert_eq!(
        slice(&claim["content"]),
        slice(&want["claims"][0]["content"])
    );
    assert_eq!(slice(&claim["source"]), slice(&want["claims"][0]["source"]));
    assert!(claim["entity"].is_string(), "{claim}");

    // and the project's scorer accepts it, with full marks on this fixture
    let scorer = root().join("../shared/eval/score.py");
    if scorer.exists() {
        let s = Command::new("python3")
            .arg(&scorer)
            .arg(&gold)
            .arg(&out)
            .arg("--json")
            .output()
            .expect("python3 runs the scorer");
        assert!(s.status.success(), "{}", String::from_utf8_lossy(&s.stderr));
        let score: serde_json::Value = serde_json::from_slice(&s.stdout).unwrap();
        assert_eq!(score["places"]["recognition_exact"]["f1"], 1.0, "{score}");
        assert_eq!(score["claims"]["content_source"]["f1"], 1.0, "{score}");
    } else {
        eprintln!("note: ../shared/eval/score.py not found; checked offsets only");
    }
}

#[test]
fn bad_inputs_get_one_line_errors_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let binary = d.join("photo.txt");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let latin1 = d.join("latin1.txt");
    fs::write(&latin1, b"Caf\xe9 in Paris, officials said.").unwrap();
    let empty = d.join("empty.txt");
    fs::write(&empty, "").unwrap();
    let huge = d.join("huge.txt");
    fs::File::create(&huge)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let missing = d.join("missing.txt");
    let no_docs = d.join("images");
    fs::create_dir(&no_docs).unwrap();
    fs::write(no_docs.join("a.png"), b"x").unwrap();
    let out = d.join("out.json");

    let o = run(&[
        &"extract",
        &binary,
        &latin1,
        &empty,
        &huge,
        &missing,
        &no_docs,
        &sample(),
        &"-o",
        &out,
    ]);
    let err = stderr(&o);
    assert_eq!(code(&o), 1, "warnings, not fatal: {err}");
    for (file, says) in [
        (&binary, "binary"),
        (&latin1, "not valid UTF-8"),
        (&empty, "empty"),
        (&huge, "above the limit"),
        (&missing, "no such file"),
        (&no_docs, "no readable files"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(&*file.display().to_string()))
            .unwrap_or_else(|| panic!("no line names {}: {err}", file.display()));
        assert!(line.contains(says), "{line}");
        assert!(line.starts_with("warning: "), "{line}");
    }
    assert!(!err.contains("panicked"), "{err}");
    // the sample was still read and exported
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert!(v["claims"].as_array().unwrap().len() >= 9);
}

#[test]
fn a_jsonl_line_that_is_not_json_is_skipped_by_number() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let o = run(&[&"extract", &fixture("corpus.jsonl"), &"-o", &out]);
    let err = stderr(&o);
    assert_eq!(code(&o), 1, "{err}");
    assert!(
        err.contains("corpus.jsonl:2") && err.contains("not JSON"),
        "{err}"
    );
    let rows = csv::Reader::from_path(&out).unwrap().records().count();
    assert!(rows >= 2, "the other lines were read: {rows} claims");
}

#[test]
fn nothing_readable_is_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&[&"extract", &dir.path().join("missing.txt")]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("no documents could be read"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_existing_output_is_never_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("claims.csv");
    fs::write(&out, "keep me").unwrap();
    let o = run(&[&"extract", &sample(), &"-o", &out]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&out).unwrap(), "keep me");
    let o = run(&[&"extract", &sample(), &"-o", &out, &"--force"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        fs::read_to_string(&out).unwrap().starts_with("claim_id,"),
        "format from the extension"
    );
}

#[test]
fn an_output_folder_that_is_missing_or_read_only_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no/such/folder/out.json");
    let o = run(&[&"extract", &sample(), &"-o", &out]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("does not exist") && stderr(&o).contains("no/such/folder"),
        "{}",
        stderr(&o)
    );

    let ro = dir.path().join("ro");
    fs::create_dir(&ro).unwrap();
    let mut perms = fs::metadata(&ro).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o555);
    fs::set_permissions(&ro, perms).unwrap();
    // root ignores permission bits; /sys refuses new files even to root
    let ro = if fs::write(ro.join("probe"), "x").is_ok() {
        PathBuf::from("/sys")
    } else {
        ro
    };
    let out = ro.join("claimmap-out.json");
    let o = run(&[&"extract", &sample(), &"-o", &out]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("cannot write") && stderr(&o).contains(&*out.display().to_string()),
        "{}",
        stderr(&o)
    );
}

#[test]
fn html_and_folders_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
    fs::create_dir_all(folder.join("nested")).unwrap();
    fs::copy(fixture("article.html"), folder.join("nested/article.html")).unwrap();
    fs::copy(sample(), folder.join("sample.txt")).unwrap();
    fs::write(folder.join("notes.pdf"), b"%PDF").unwrap();
    let out = dir.path().join("out.json");
    let o = run(&[&"extract", &folder, &"-o", &out]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    let docs: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["key"].as_str().unwrap())
        .collect();
    assert!(
        docs.contains(&"article.html") && docs.contains(&"sample.txt"),
        "{docs:?}"
    );
    let html_doc = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["key"] == "article.html")
        .unwrap();
    assert_eq!(html_doc["title"], "Dam breach floods villages near Kherson");
    assert!(
        v["claims"].as_array().unwrap().iter().any(
            |c| c["document"] == "article.html" && c["source"] == "Ukraine’s emergency service"
        ),
        "{}",
        v["claims"]
    );
}

/// Runs `extract` with `args` and `-j jobs` on the dozen-document fixture; the output's bytes.
fn extract_dozen(dir: &Path, args: &[&str], jobs: &str) -> Vec<u8> {
    let format = args.iter().rfind(|a| !a.ends_with(".jsonl")).unwrap();
    let out = dir.join(format!("out{format}-j{jobs}"));
    let mut all: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"extract"];
    for a in args {
        all.push(a);
    }
    all.extend([&"-j" as &dyn AsRef<std::ffi::OsStr>, &jobs, &"-o", &out]);
    let o = run(&all);
    assert_eq!(
        code(&o),
        1,
        "a blank document and a bad line: {}",
        stderr(&o)
    );
    fs::read(&out).unwrap()
}

#[test]
fn the_output_is_the_same_byte_for_byte_on_one_thread_or_two() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = fixture("dozen.jsonl");
    let corpus = corpus.to_str().unwrap();
    for args in [
        vec![corpus, "--format", "jsonl"],
        vec![corpus, "--format", "json"],
        vec!["--eval-jsonl", corpus],
    ] {
        let one = extract_dozen(dir.path(), &args, "1");
        let two = extract_dozen(dir.path(), &args, "2");
        assert!(
            String::from_utf8_lossy(&one).matches("\"content\"").count() >= 12,
            "{args:?}: too few claims to show anything"
        );
        assert!(one == two, "{args:?}: -j 1 and -j 2 differ");
    }
}

#[test]
fn streamed_jsonl_leaves_nothing_beside_the_output_and_goes_to_stdout_too() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("claims.jsonl");
    let o = run(&[&"extract", &fixture("dozen.jsonl"), &"-o", &out]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["claims.jsonl"]);
    let o = run(&[&"extract", &fixture("dozen.jsonl"), &"--format", &"jsonl"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(o.stdout, fs::read(&out).unwrap());
    // every claim with a source names its entity
    for line in fs::read_to_string(&out).unwrap().lines() {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(r["source"].is_string(), r["entity"].is_string(), "{line}");
        assert_eq!(
            r["entity"].is_string(),
            r["entity_name"].is_string(),
            "{line}"
        );
    }
}

#[test]
fn jobs_must_be_at_least_one() {
    let o = run(&[&"extract", &sample(), &"-j", &"0"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
}
