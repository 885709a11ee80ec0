//! The review-log parser on arbitrary bytes: every line is an operation or a bad line, and
//! an operation read back from the line it writes is the same operation.
#![no_main]

use claimmap::workspace::{ReviewOp, read_log};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (ops, _bad) = read_log(bytes);
    for (_, op) in ops {
        let again = ReviewOp::from_line(&op.to_line()).expect("a written line reads back");
        assert_eq!(again, op);
    }
});
