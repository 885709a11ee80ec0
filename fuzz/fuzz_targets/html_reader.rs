//! The HTML reader on arbitrary bytes: a page is read or refused (too deep, empty) without a
//! panic or a stack overflow.
#![no_main]

use std::path::Path;

use claimmap::input::{decode_text, document_from_html};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.html");
    let Ok(html) = decode_text(path, bytes.to_vec()) else {
        return;
    };
    if let Ok(doc) = document_from_html(path, &html) {
        assert!(!doc.text.trim().is_empty());
    }
});
