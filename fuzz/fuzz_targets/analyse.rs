//! Extraction on arbitrary UTF-8: no panic, and every span of a claim or a place slices the
//! text at character boundaries.
#![no_main]

use std::sync::OnceLock;

use claimmap::model::{Document, Span};
use claimmap::pipeline::{Resources, extract};
use libfuzzer_sys::fuzz_target;

fn resources() -> &'static Resources {
    static RES: OnceLock<Resources> = OnceLock::new();
    RES.get_or_init(|| Resources::bundled().expect("the bundled resources load"))
}

fn check(text: &str, span: Span) {
    assert!(span.start <= span.end, "{span:?}");
    assert!(text.get(span.range()).is_some(), "{span:?} slices the text");
}

fuzz_target!(|text: &str| {
    let corpus = extract(resources(), vec![Document::new("fuzz", text)]).corpus;
    for c in corpus.claims() {
        let t = &corpus.document(c.doc).text;
        for span in [
            Some(c.content),
            Some(c.sentence),
            c.cue,
            c.source_span,
            c.channel,
        ]
        .into_iter()
        .flatten()
        {
            check(t, span);
        }
    }
    for m in corpus.mentions() {
        check(&corpus.document(m.doc).text, m.span);
    }
});
