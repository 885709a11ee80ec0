//! Hostile input: every stated limit (largest file, longest JSONL line, HTML nesting, files in
//! a folder, symbolic link loops) is enforced with a warning that names the file and says what
//! to do, and the rest of the batch is read. Also the inputs fuzzing found a fault with, kept as
//! regressions. Inputs are generated in a temporary folder and kept small, so each test takes
//! seconds; the gigabyte cases are in the contract check (`checks/limits.sh`).

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use claimmap::input::{
    Batch, InputError, JsonlDocuments, MAX_HTML_DEPTH, MAX_JSONL_LINE_BYTES, MAX_TEXT_BYTES,
    document_from_html, folder_files, read_paths,
};

const ARTICLE: &str = "Officials said the river rose in Lima.";

fn keys(batch: &Batch) -> Vec<&str> {
    batch.documents.iter().map(|d| d.key.as_str()).collect()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

/// The one warning of a batch, which must name `file`.
fn warning_about<'a>(batch: &'a Batch, file: &str) -> &'a str {
    assert_eq!(batch.warnings.len(), 1, "{:#?}", batch.warnings);
    let w = &batch.warnings[0];
    assert!(
        w.subject.contains(file) && w.message.contains(file),
        "the warning names {file}: {w}"
    );
    &w.message
}

#[test]
fn a_100_mb_file_is_refused_and_the_rest_of_the_folder_is_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", ARTICLE);
    // sparse: 100 MB on paper, nothing on disk; the size is checked before a byte is read
    let big = fs::File::create(dir.path().join("b.txt")).unwrap();
    big.set_len(100 << 20).unwrap();
    write(dir.path(), "c.html", &format!("<p>{ARTICLE}</p>"));

    let batch = read_paths(&[dir.path().to_path_buf()]);

    assert_eq!(keys(&batch), ["a.txt", "c.html"]);
    let message = warning_about(&batch, "b.txt");
    assert!(
        message.contains(&format!("above the limit of {MAX_TEXT_BYTES} bytes"))
            && message.contains("split it"),
        "{message}"
    );
}

#[test]
fn a_jsonl_line_above_the_limit_is_skipped_and_its_neighbours_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!(r#"{{"id": "long", "text": "{}"}}"#, "word ".repeat(2000));
    let path = write(
        dir.path(),
        "c.jsonl",
        &format!(
            "{}\n{long}\n{}\n",
            r#"{"id": "ok1", "text": "Shoigu said Kursk is safe."}"#,
            r#"{"id": "ok2", "text": "Zelensky said Kyiv was hit."}"#
        ),
    );

    let items: Vec<_> = JsonlDocuments::open(&path)
        .unwrap()
        .with_max_line_bytes(1000)
        .collect();

    let read: Vec<String> = items
        .iter()
        .map(|i| match i {
            Ok(d) => d.key.clone(),
            Err(w) => format!("skipped {}", w.subject.rsplit('/').next().unwrap()),
        })
        .collect();
    assert_eq!(read, ["ok1", "skipped c.jsonl:2", "ok2"]);
    let message = &items[1].as_ref().unwrap_err().message;
    assert!(
        message.contains("longer than 1000 bytes") && message.contains("split the article"),
        "{message}"
    );
}

#[test]
fn a_jsonl_line_above_32_mib_is_skipped_by_the_batch_reader_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = String::from("{\"id\": \"ok1\", \"text\": \"Shoigu said Kursk is safe.\"}\n");
    corpus.push_str("{\"id\": \"huge\", \"text\": \"");
    corpus.push_str(&"word ".repeat(MAX_JSONL_LINE_BYTES / 5 + 1));
    corpus.push_str("\"}\n{\"id\": \"ok2\", \"text\": \"Zelensky said Kyiv was hit.\"}\n");
    let path = write(dir.path(), "huge.jsonl", &corpus);
    drop(corpus);

    let batch = read_paths(&[path]);

    assert_eq!(keys(&batch), ["ok1", "ok2"]);
    assert!(batch.warnings[0].subject.ends_with("huge.jsonl:2"));
}

#[test]
fn deeply_nested_html_is_refused_and_the_batch_goes_on() {
    for depth in [100_000, 1_000_000] {
        let dir = tempfile::tempdir().unwrap();
        let html = format!(
            "<html><body>{}Putin said Kursk is safe.{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        write(dir.path(), "nested.html", &html);
        write(dir.path(), "plain.txt", ARTICLE);

        let batch = read_paths(&[dir.path().to_path_buf()]);

        assert_eq!(keys(&batch), ["plain.txt"], "{depth} nested tags");
        let message = warning_about(&batch, "nested.html");
        assert!(
            message.contains(&format!("more than {MAX_HTML_DEPTH} deep"))
                && message.contains("save its text as .txt"),
            "{message}"
        );
    }
}

#[test]
fn html_nested_up_to_the_limit_is_read() {
    let depth = MAX_HTML_DEPTH - 2; // <html> and <body> count too
    let html = format!(
        "<html><body>{}Putin said Kursk is safe.{}</body></html>",
        "<section>".repeat(depth),
        "</section>".repeat(depth)
    );
    let doc = document_from_html(Path::new("deep.html"), &html).unwrap();
    assert_eq!(doc.text, "Putin said Kursk is safe.");
}

#[test]
fn unclosed_paragraphs_list_items_and_svg_shapes_do_not_count_as_nesting() {
    let shapes = "<path d='M0 0'/>".repeat(MAX_HTML_DEPTH * 2);
    let html = format!(
        "<html><body><svg>{shapes}</svg>{}{}</body></html>",
        "<p>Officials said it rained.".repeat(MAX_HTML_DEPTH * 2),
        "<li>item".repeat(MAX_HTML_DEPTH * 2)
    );
    let doc = document_from_html(Path::new("flat.html"), &html);
    assert!(doc.is_ok(), "{doc:?}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_folder_reads_each_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    fs::create_dir(&a).unwrap();
    write(&a, "sample.txt", ARTICLE);
    std::os::unix::fs::symlink("..", a.join("up")).unwrap();
    std::os::unix::fs::symlink(".", a.join("here")).unwrap();
    std::os::unix::fs::symlink("sample.txt", a.join("again.txt")).unwrap();

    let batch = read_paths(&[dir.path().to_path_buf()]);

    assert_eq!(keys(&batch), ["again.txt"], "{:#?}", batch.warnings);
    assert!(batch.warnings.is_empty(), "{:#?}", batch.warnings);
}

#[cfg(unix)]
#[test]
fn a_linked_folder_is_read_through_its_link() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "far.txt", ARTICLE);
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "near.txt", ARTICLE);
    std::os::unix::fs::symlink(outside.path(), dir.path().join("linked")).unwrap();

    let batch = read_paths(&[dir.path().to_path_buf()]);

    assert_eq!(keys(&batch), ["far.txt", "near.txt"]);
}

#[test]
fn a_folder_of_1000_files_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..1000 {
        write(dir.path(), &format!("{i:04}.txt"), ARTICLE);
    }
    let batch = read_paths(&[dir.path().to_path_buf()]);
    assert_eq!(batch.documents.len(), 1000);
    assert!(batch.warnings.is_empty(), "{:#?}", batch.warnings);
}

#[test]
fn a_folder_above_the_file_limit_is_read_up_to_it_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    for i in 0..8 {
        write(&sub, &format!("{i}.txt"), ARTICLE);
    }
    write(dir.path(), "z.md", ARTICLE);
    let mut batch = Batch::default();

    let files = folder_files(dir.path(), 5, &mut batch);

    let names: Vec<_> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(names, ["0.txt", "1.txt", "2.txt", "3.txt", "4.txt"]);
    let message = warning_about(&batch, &dir.path().display().to_string());
    assert!(
        message.contains("more than 5 readable files") && message.contains("split it"),
        "{message}"
    );
}

#[test]
fn every_limit_error_names_its_file_last() {
    let path = PathBuf::from("/news/x.html");
    let errors = [
        InputError::TooDeep {
            path: path.clone(),
            offset: 7,
            limit: 512,
        },
        InputError::TooManyFiles {
            path: path.clone(),
            limit: 5,
        },
        InputError::TooLarge {
            path: path.clone(),
            size: 9,
            limit: 8,
        },
    ];
    for e in errors {
        assert!(e.to_string().ends_with(": /news/x.html"), "{e}");
    }
}

/// Inputs fuzzing found a fault with (`fuzz/README.md`), each extracted without a panic.
mod found_by_fuzzing {
    use claimmap::input::parse_jsonl_line;
    use claimmap::model::Document;
    use claimmap::pipeline::{Resources, extract};

    fn extracts_cleanly(text: &str) {
        let res = Resources::bundled().unwrap();
        let corpus = extract(&res, vec![Document::new("fuzz", text)]).corpus;
        for c in corpus.claims() {
            assert!(c.content.slice(text).len() <= text.len());
        }
    }

    /// `analyse`: a text ending on "and" after a claim's content looked two words past the
    /// last token for a coordinated cue ("... and said").
    #[test]
    fn a_content_ending_on_and_at_the_end_of_the_text_is_extracted() {
        let text = include_str!("fixtures/fuzz/analyse-coordinated-cue-at-the-end.txt");
        extracts_cleanly(text);
        extracts_cleanly("The agency said Pyongyang was shipping shells to Moscow and");
    }

    /// `analyse`: a text ending two tokens after a comma and a cue ("..., call") looked at the
    /// token past the end for a speaker ("Y, said X").
    #[test]
    fn a_cue_after_a_comma_at_the_end_of_the_text_is_extracted() {
        extracts_cleanly(include_str!("fixtures/fuzz/analyse-said-at-the-end.txt"));
    }

    /// `jsonl_line`: an empty id made a document without a name.
    #[test]
    fn a_blank_jsonl_id_is_named_by_its_line() {
        for line in [
            r#"{"id": "", "text": "Pfs Przewodótót"}"#,
            r#"{"id": "  ", "text": "x"}"#,
        ] {
            assert_eq!(parse_jsonl_line(line, 7).unwrap().key, "line 7", "{line}");
        }
    }

    /// `workspace_open`: a stored extraction whose ids or spans do not fit (a damaged or
    /// hand-made file) indexed out of bounds when linked; it is now extracted again.
    #[test]
    fn a_workspace_whose_stored_extraction_does_not_fit_is_extracted_again() {
        use claimmap::workspace::Session;
        use serde_json::{Value, json};
        type Damage = fn(&mut Value);

        let res = Resources::bundled().unwrap();
        let text = "KYIV — Officials in Kyiv said drones struck Kharkiv overnight.";
        let machine = extract(&res, vec![Document::new("a.txt", text)]).corpus;
        let want = machine.claims().len();
        assert!(want > 0 && !machine.mentions().is_empty());
        let damages: [(&str, Damage); 4] = [
            ("a mention of a place past the list", |v| {
                v["mentions"][0]["place"] = json!(99)
            }),
            ("a content past the text", |v| {
                v["claims"][0]["content"]["end"] = json!(100_000)
            }),
            ("a claim id that is not its position", |v| {
                v["claims"][0]["id"] = json!(7)
            }),
            ("a source of a claim past the list", |v| {
                v["claims"][0]["source"] = json!(42)
            }),
        ];
        for (damage, apply) in damages {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("w.claimmap");
            drop(Session::create(&path, false, machine.clone()).unwrap());
            let conn = rusqlite::Connection::open(&path).unwrap();
            let data: String = conn
                .query_row("SELECT data FROM extractions", [], |r| r.get(0))
                .unwrap();
            let mut v: Value = serde_json::from_str(&data).unwrap();
            apply(&mut v);
            conn.execute("UPDATE extractions SET data = ?1", [v.to_string()])
                .unwrap();
            drop(conn);

            let (session, _) = Session::open_read_only(&res, &path).unwrap();

            assert_eq!(session.machine().claims().len(), want, "{damage}");
        }
    }
}
