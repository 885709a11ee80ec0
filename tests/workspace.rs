//! The workspace through the real binary: a review applied, logged, exported and turned into
//! gold; a second process on the same file; a process killed mid-write; a workspace made by an
//! older extractor, re-extracted with its review replayed.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use claimmap::pipeline::{EXTRACTOR_VERSION, Resources};
use claimmap::workspace::{Session, Workspace, WorkspaceError};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_claimmap");
const KEY: &str = "000_e9035b24404bf71a.txt";

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/sample")
        .join(KEY)
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

/// A workspace of the sample in a new folder.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let w = dir.path().join("w.claimmap");
    let o = run(&[&"workspace", &"create", &w, &sample()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    (dir, w)
}

/// The JSON export of a workspace.
fn export(w: &Path, extra: &[&str]) -> Value {
    let out = w.with_extension(format!("{}.json", extra.len()));
    let _ = fs::remove_file(&out);
    let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"extract", &w, &"-o", &out];
    for e in extra {
        args.push(e);
    }
    let o = run(&args);
    assert!(code(&o) <= 1, "{}", stderr(&o));
    serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap()
}

/// The code-point span of a claim's content, from the export.
fn content_of(export: &Value, starts: &str) -> [u64; 2] {
    let c = export["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["content"].as_str().unwrap().starts_with(starts))
        .unwrap_or_else(|| panic!("no claim starts with {starts:?}"));
    [
        c["content_start"].as_u64().unwrap(),
        c["content_end"].as_u64().unwrap(),
    ]
}

fn write_ops(path: &Path, ops: &[Value]) {
    let lines: Vec<String> = ops.iter().map(|o| o.to_string()).collect();
    fs::write(path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn a_review_applied_from_a_file_is_logged_exported_and_becomes_gold() {
    let (dir, w) = workspace();
    let before = export(&w, &[]);
    let n = before["claims"].as_array().unwrap().len();
    let ops = [
        serde_json::json!({"op": "reject_claim", "doc": KEY, "content": content_of(&before, "their military")}),
        serde_json::json!({"op": "confirm_claim", "doc": KEY, "content": content_of(&before, "Pyongyang could")}),
        serde_json::json!({"op": "confirm_claim", "doc": "elsewhere.txt", "content": [0, 4]}),
    ];
    let review = dir.path().join("review.jsonl");
    write_ops(&review, &ops);
    let o = run(&[&"workspace", &"apply", &w, &review]);
    assert_eq!(code(&o), 1, "one operation does not apply: {}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("applied 2 of 3 operations"), "{err}");
    assert!(
        err.contains("review.jsonl:3: confirm_claim did not apply: no document has the key"),
        "{err}"
    );

    let log = run(&[&"workspace", &"log", &w]);
    assert_eq!(code(&log), 0);
    let lines: Vec<Value> = String::from_utf8(log.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let names: Vec<&str> = lines.iter().map(|l| l["op"].as_str().unwrap()).collect();
    assert_eq!(names, ["reject_claim", "confirm_claim"]);

    let after = export(&w, &[]);
    let claims = after["claims"].as_array().unwrap();
    assert_eq!(claims.len(), n - 1);
    let review_of = |starts: &str, v: &Value| {
        v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["content"].as_str().unwrap().starts_with(starts))
            .map(|c| c["review"].as_str().unwrap().to_string())
    };
    assert_eq!(review_of("their military", &after), None);
    assert_eq!(review_of("Pyongyang could", &after).unwrap(), "confirmed");
    assert_eq!(review_of("the agreement", &after).unwrap(), "machine");
    let all = export(&w, &["--include-rejected"]);
    assert_eq!(review_of("their military", &all).unwrap(), "rejected");

    let gold = dir.path().join("gold.jsonl");
    let o = run(&[&"workspace", &"gold", &w, &"-o", &gold]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let line: Value = serde_json::from_str(fs::read_to_string(&gold).unwrap().trim()).unwrap();
    assert_eq!(line["id"], KEY);
    assert_eq!(line["claims"].as_array().unwrap().len(), n - 1);
    assert!(line["text"].as_str().unwrap().starts_with("World"));
}

#[test]
fn a_second_process_on_an_open_workspace_is_told_and_changes_nothing() {
    let (dir, w) = workspace();
    let held = Workspace::open(&w).unwrap();
    let review = dir.path().join("review.jsonl");
    write_ops(
        &review,
        &[serde_json::json!({"op": "confirm_claim", "doc": KEY, "content": [89, 185]})],
    );
    let o = run(&[&"workspace", &"apply", &w, &review]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("open in another claimmap window or process"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("w.claimmap"), "{}", stderr(&o));
    drop(held);
    let (log, _) = Workspace::open(&w).unwrap().load_log().unwrap();
    assert!(log.is_empty());
    // once the first lets go, the second may
    let o = run(&[&"workspace", &"apply", &w, &review]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn a_workspace_killed_in_the_middle_of_a_long_apply_opens_intact() {
    let (dir, w) = workspace();
    let before = export(&w, &[]);
    let spans: Vec<[u64; 2]> = before["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            [
                c["content_start"].as_u64().unwrap(),
                c["content_end"].as_u64().unwrap(),
            ]
        })
        .collect();
    let ops: Vec<Value> = (0..60_000)
        .map(|i| {
            let op = if i % 2 == 0 {
                "reject_claim"
            } else {
                "confirm_claim"
            };
            serde_json::json!({"op": op, "doc": KEY, "content": spans[i % spans.len()]})
        })
        .collect();
    let review = dir.path().join("long.jsonl");
    write_ops(&review, &ops);

    let mut child = Command::new(BIN)
        .args(["workspace", "apply"])
        .arg(&w)
        .arg(&review)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // kill it once it has written some operations (its write-ahead log grows), well before
    // it is done
    let wal = PathBuf::from(format!("{}-wal", w.display()));
    let deadline = Instant::now() + Duration::from_secs(60);
    while fs::metadata(&wal).map_or(0, |m| m.len()) < 200_000 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(!status.success(), "the apply finished before it was killed");

    let res = Resources::bundled().unwrap();
    let (session, _) = Session::open(&res, &w).unwrap();
    let applied = session.ops().len();
    assert!(
        applied > 0 && applied < ops.len(),
        "{applied} of {} operations kept",
        ops.len()
    );
    // every kept operation is whole, in order
    for (i, op) in session.ops().iter().enumerate() {
        let want = if i % 2 == 0 {
            "reject_claim"
        } else {
            "confirm_claim"
        };
        assert_eq!(op.op.name(), want);
    }
    drop(session);
    let o = run(&[&"extract", &w, &"--format", &"json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn a_workspace_from_an_older_extractor_is_extracted_again_and_its_review_replayed() {
    let (dir, w) = workspace();
    let before = export(&w, &[]);
    let review = dir.path().join("review.jsonl");
    write_ops(
        &review,
        &[
            serde_json::json!({"op": "reject_claim", "doc": KEY, "content": content_of(&before, "the agreement")}),
        ],
    );
    assert_eq!(code(&run(&[&"workspace", &"apply", &w, &review])), 0);

    // as an older claimmap left it: its own extractor's mark, and an operation on a claim
    // that extractor found and this one does not (the headline is no claim)
    {
        let db = rusqlite::Connection::open(&w).unwrap();
        db.execute(
            "UPDATE extractions SET extractor = 'claimmap-extractor 2020.1'",
            [],
        )
        .unwrap();
        let stale = serde_json::json!({"op": "confirm_claim", "doc": KEY, "content": [6, 62]});
        db.execute(
            "INSERT INTO review_log (seq, op) VALUES (2, ?1)",
            [stale.to_string()],
        )
        .unwrap();
        db.execute("UPDATE meta SET value = '2' WHERE key = 'head'", [])
            .unwrap();
    }

    let out = dir.path().join("after.json");
    let o = run(&[&"extract", &w, &"-o", &out]);
    assert_eq!(
        code(&o),
        1,
        "a stale operation is a warning: {}",
        stderr(&o)
    );
    let err = stderr(&o);
    assert!(err.contains("Extracted 1 document again"), "{err}");
    assert!(err.contains("claimmap-extractor 2020.1"), "{err}");
    assert!(
        err.contains("confirm_claim needs attention: no claim overlaps the span (about \"North Korea to Send 6,000 Workers to Aid Russia in Kursk\")"),
        "{err}"
    );
    let after: Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    let contents: Vec<&str> = after["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["content"].as_str().unwrap())
        .collect();
    assert!(!contents.contains(&"the agreement"), "{contents:?}");
    // the new extraction is stored: the next open extracts nothing
    let db = rusqlite::Connection::open(&w).unwrap();
    let version: String = db
        .query_row("SELECT extractor FROM extractions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, EXTRACTOR_VERSION);
}

#[test]
fn bad_workspaces_are_refused_by_name_and_left_as_they_were() {
    let (dir, w) = workspace();
    let bytes = fs::read(&w).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "half.claimmap",
            bytes[..bytes.len() / 2].to_vec(),
            "damaged",
        ),
        (
            "text.claimmap",
            b"not a workspace\n".to_vec(),
            "not a claimmap workspace",
        ),
        ("empty.claimmap", Vec::new(), "not a claimmap workspace"),
    ];
    for (name, content, says) in cases {
        let path = dir.path().join(name);
        fs::write(&path, &content).unwrap();
        let o = run(&[&"extract", &path, &"--format", &"json"]);
        assert_eq!(code(&o), 2, "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains(name), "{name}: {}", stderr(&o));
        assert_eq!(fs::read(&path).unwrap(), content, "{name} was written to");
    }
    // another SQLite database is not a workspace either
    let other = dir.path().join("other.claimmap");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    assert!(matches!(
        Workspace::open(&other),
        Err(WorkspaceError::NotAWorkspace(_))
    ));
    // and a workspace from a newer claimmap is refused, not "upgraded" down
    let newer = dir.path().join("newer.claimmap");
    fs::copy(&w, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let o = run(&[&"extract", &newer]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("made by a newer claimmap"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn create_never_replaces_a_file_without_force() {
    let (_dir, w) = workspace();
    let before = fs::read(&w).unwrap();
    let o = run(&[&"workspace", &"create", &w, &sample()]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("pass --force"), "{}", stderr(&o));
    assert_eq!(fs::read(&w).unwrap(), before);
    let o = run(&[&"workspace", &"create", &w, &sample(), &"--force"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn adding_documents_keeps_the_review_and_skips_what_is_there() {
    let (dir, w) = workspace();
    let before = export(&w, &[]);
    let review = dir.path().join("review.jsonl");
    write_ops(
        &review,
        &[
            serde_json::json!({"op": "reject_claim", "doc": KEY, "content": content_of(&before, "the agreement")}),
        ],
    );
    assert_eq!(code(&run(&[&"workspace", &"apply", &w, &review])), 0);
    let more = dir.path().join("more.txt");
    fs::write(
        &more,
        "KYIV — Ukrainian officials said Russian drones struck Odesa overnight.\n",
    )
    .unwrap();
    let o = run(&[&"workspace", &"add", &w, &more, &sample()]);
    assert_eq!(code(&o), 1, "the sample is there already: {}", stderr(&o));
    assert!(
        stderr(&o).contains("already holds this document"),
        "{}",
        stderr(&o)
    );
    let after = export(&w, &[]);
    let docs: Vec<&str> = after["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["key"].as_str().unwrap())
        .collect();
    assert_eq!(docs, [KEY, "more.txt"]);
    let contents: Vec<&str> = after["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["content"].as_str().unwrap())
        .collect();
    assert!(!contents.contains(&"the agreement"));
    assert!(
        contents.contains(&"Russian drones struck Odesa overnight"),
        "{contents:?}"
    );
}
