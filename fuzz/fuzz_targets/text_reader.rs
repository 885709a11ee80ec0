//! The txt/md reader on arbitrary bytes: decoding refuses or accepts them without a panic, and
//! the headline it finds slices the text.
#![no_main]

use std::path::Path;

use claimmap::input::{decode_text, document_from_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = decode_text(Path::new("fuzz.txt"), bytes.to_vec()) else {
        return;
    };
    let doc = document_from_text("fuzz.txt", text);
    if let Some(span) = doc.title_span {
        assert!(
            doc.text.get(span.range()).is_some(),
            "the title span slices the text"
        );
    }
});
