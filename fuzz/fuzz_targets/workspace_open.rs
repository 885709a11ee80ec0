//! The workspace opener on arbitrary bytes written as a `.claimmap` file: it opens, or says
//! what is wrong, without a panic. Opened read-only, so nothing is written back.
#![no_main]

use std::sync::OnceLock;

use claimmap::pipeline::Resources;
use claimmap::workspace::Session;
use libfuzzer_sys::fuzz_target;

fn resources() -> &'static Resources {
    static RES: OnceLock<Resources> = OnceLock::new();
    RES.get_or_init(|| Resources::bundled().expect("the bundled resources load"))
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let path = dir.path().join("fuzz.claimmap");
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    if let Ok((session, _notices)) = Session::open_read_only(resources(), &path) {
        let _ = session.reviewed(resources());
    }
});
