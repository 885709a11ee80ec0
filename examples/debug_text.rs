//! Prints the places and claims claimmap finds in a text given on the command line.
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let res = claimmap::pipeline::Resources::bundled().expect("resources");
    let a = claimmap::pipeline::analyse(&res, &text);
    for p in &a.places {
        let e = res.gazetteer.entry(p.place);
        println!(
            "PLACE {:?} -> {} ({:?}, {}) {:?} conf {:.2}",
            p.span.slice(&text),
            e.name,
            e.kind,
            e.country_code().unwrap_or(""),
            p.role,
            p.confidence
        );
    }
    for c in &a.claims {
        println!(
            "CLAIM src={:?} cue={:?} content={:?} channel={:?}",
            c.source.map(|s| s.slice(&text)),
            c.cue.map(|s| s.slice(&text)),
            c.content.slice(&text),
            c.channel.map(|s| s.slice(&text))
        );
    }
}
