//! One JSONL line: a document or a reason, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|line: &str| {
    if let Ok(doc) = claimmap::input::parse_jsonl_line(line, 1) {
        assert!(!doc.key.is_empty());
    }
});
