//! What a user sees of entity resolution: which sources of which documents come out as one
//! speaker, under which key.

use super::*;
use SourceKind::*;

/// One source: its document (by position), name, kind, affiliation and, beyond its name,
/// the other mentions the document gives it.
type Row = (
    usize,
    &'static str,
    SourceKind,
    Option<&'static str>,
    &'static [&'static str],
);

const DOCS: [&str; 12] = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];

fn refs(rows: &[Row]) -> Vec<SourceRef<'static>> {
    rows.iter()
        .map(|&(doc, name, kind, affiliation, more)| SourceRef {
            doc,
            doc_key: DOCS[doc],
            name,
            kind,
            affiliation,
            mentions: std::iter::once(name).chain(more.iter().copied()).collect(),
            description: None,
        })
        .collect()
}

/// Entities expected: (key, members by position), in order of their first member.
type Want = &'static [(&'static str, &'static [usize])];

/// Sources and the entities they resolve into.
type Case = (&'static [Row], Want);

/// The entities as (key, members), in order of their first member.
fn resolved(rows: &[Row], judgements: &Judgements) -> Vec<(String, Vec<usize>)> {
    resolve(&refs(rows), judgements)
        .into_iter()
        .map(|e| (e.key, e.members))
        .collect()
}

fn expect(rows: &[Row], judgements: &Judgements, want: &[(&str, &[usize])]) {
    let got = resolved(rows, judgements);
    let want: Vec<(String, Vec<usize>)> = want
        .iter()
        .map(|(k, m)| (k.to_string(), m.to_vec()))
        .collect();
    assert_eq!(got, want, "\n{rows:#?}");
}

/// A person's name variants across documents, each group with the entities expected.
const VARIANTS: &[Case] = &[
    (
        &[
            (0, "Sergei Shoigu", Person, None, &[]),
            (1, "Shoigu", Person, None, &[]),
            (2, "Mr. Shoigu", Person, None, &[]),
            (
                3,
                "Russian Security Council Secretary Sergei Shoigu",
                Government,
                Some("RU"),
                &[],
            ),
        ],
        &[("person:sergei-shoigu", &[0, 1, 2, 3])],
    ),
    (
        &[
            (0, "President Donald Trump", Government, Some("US"), &[]),
            (1, "Trump", Person, None, &["he"]),
            (2, "Donald J. Trump", Person, None, &[]),
            (3, "Mr. Trump's", Person, None, &[]),
            (
                4,
                "Republican presidential candidate Donald Trump",
                Organisation,
                None,
                &[],
            ),
        ],
        &[("person:donald-trump", &[0, 1, 2, 3, 4])],
    ),
    // a bare surname no full name claims is one person across documents
    (
        &[
            (0, "Halvorsen", Person, None, &[]),
            (1, "Mr. Halvorsen", Person, None, &[]),
            (2, "Gov. Halvorsen", Government, None, &[]),
        ],
        &[("person:halvorsen", &[0, 1, 2])],
    ),
    // a name the extractor typed by its apposition is still a person's
    (
        &[
            (
                0,
                "Mara Lindqvist",
                Expert,
                None,
                &["Mara Lindqvist, an economist"],
            ),
            (1, "Lindqvist", Government, None, &[]),
        ],
        &[("person:mara-lindqvist", &[0, 1])],
    ),
];

#[test]
fn a_persons_name_variants_are_one_entity() {
    for (rows, want) in VARIANTS {
        expect(rows, &Judgements::default(), want);
    }
}

/// Short names the corpus holds several people for.
const AMBIGUOUS: &[Case] = &[
    (
        &[
            (0, "Kim Jong Un", Person, Some("KP"), &[]),
            (1, "Soo Kim", Expert, None, &[]),
            (2, "Kim", Person, None, &[]),
            (3, "Kim", Person, None, &[]),
        ],
        &[
            ("person:kim-jong-un", &[0]),
            ("person:soo-kim", &[1]),
            ("person:kim@c", &[2]),
            ("person:kim@d", &[3]),
        ],
    ),
    (
        &[
            (0, "Hillary Clinton", Person, None, &["Mrs. Clinton"]),
            (1, "Bill Clinton", Person, None, &["Mr. Clinton"]),
            (2, "Clinton", Person, None, &[]),
            // a title says which of them
            (3, "Mrs. Clinton", Person, None, &[]),
            (4, "Clinton", Person, None, &["Mr. Clinton"]),
        ],
        &[
            ("person:hillary-clinton", &[0, 3]),
            ("person:bill-clinton", &[1, 4]),
            ("person:clinton@c", &[2]),
        ],
    ),
    // a first name alone is whoever its document says
    (
        &[
            (0, "Hillary Clinton", Person, None, &[]),
            (1, "Hillary", Person, None, &[]),
            (2, "Bob", Person, None, &[]),
            (3, "Bob", Person, None, &[]),
        ],
        &[
            ("person:hillary-clinton", &[0]),
            ("person:hillary@b", &[1]),
            ("person:bob@c", &[2]),
            ("person:bob@d", &[3]),
        ],
    ),
    // "Kim Wells" is more likely a Kim than a Wells: a bare "Kim" does not join her
    (
        &[
            (0, "Kim Wells", Person, None, &[]),
            (1, "Kim", Person, None, &[]),
            (2, "Wells", Person, None, &[]),
        ],
        &[("person:kim-wells", &[0, 2]), ("person:kim@b", &[1])],
    ),
];

#[test]
fn an_ambiguous_short_name_stays_in_its_document() {
    for (rows, want) in AMBIGUOUS {
        expect(rows, &Judgements::default(), want);
    }
}

#[test]
fn a_bare_surname_joins_the_full_name_that_dominates_the_corpus() {
    // "Donald Trump" speaks in ten documents, "Eric Trump" in one
    let mut rows: Vec<Row> = (0..10)
        .map(|d| (d, "Donald Trump", Person, None, &[] as &[&str]))
        .collect();
    rows.push((10, "Eric Trump", Person, None, &[]));
    rows.push((11, "Trump", Person, None, &[]));
    let got = resolved(&rows, &Judgements::default());
    assert_eq!(got[0].0, "person:donald-trump");
    assert!(got[0].1.contains(&11), "{got:?}");
    // with a second Eric Trump document, neither dominates enough
    rows.insert(11, (11, "Eric Trump", Person, None, &[]));
    rows[12].0 = 10;
    let got = resolved(&rows, &Judgements::default());
    assert_eq!(got.last().map(|e| e.0.as_str()), Some("person:trump@k"));
}

#[test]
fn anonymous_sources_are_never_merged_across_documents() {
    let rows: &[Row] = &[
        (0, "officials", Unnamed, None, &[]),
        (1, "officials", Unnamed, None, &[]),
        (0, "experts", Unnamed, None, &[]),
        (2, "Experts", Expert, None, &[]),
        (1, "a spokesperson", Government, Some("RU"), &[]),
        (2, "he", Person, None, &[]),
        (3, "he", Person, None, &[]),
        (2, "the government", Government, None, &[]),
        (3, "the government", Government, None, &[]),
        (3, "the campaign", Organisation, None, &[]),
        (4, "the campaign", Organisation, None, &[]),
        (4, "The Florida senator", Government, None, &[]),
        (5, "The Florida senator", Government, None, &[]),
        (5, "U.S. officials", Government, Some("US"), &[]),
    ];
    let got = resolved(rows, &Judgements::default());
    assert_eq!(got.len(), rows.len(), "{got:?}");
    assert_eq!(got[0].0, "unnamed:officials@a");
    assert_eq!(got[1].0, "unnamed:officials@b");
    assert_eq!(got[13].0, "unnamed:us-officials@f");
}

/// Organisations: names of one body in several forms, and generic names of several bodies.
const BODIES: &[Case] = &[
    (
        &[
            (0, "Russia's Defense Ministry", Ministry, Some("RU"), &[]),
            (1, "the Russian Defence Ministry", Ministry, Some("RU"), &[]),
            (2, "the Russian Ministry of Defence", Ministry, None, &[]),
            (
                3,
                "Ukraine's military intelligence",
                Military,
                Some("UA"),
                &[],
            ),
            (
                4,
                "the Defense Intelligence of Ukraine",
                Ministry,
                Some("UA"),
                &[],
            ),
            (5, "HUR", Organisation, None, &[]),
        ],
        &[
            ("org:ru:defense-ministry", &[0, 1, 2]),
            ("org:ua:military-intelligence", &[3, 4, 5]),
        ],
    ),
    // the same generic name of two countries is two bodies
    (
        &[
            (0, "the foreign ministry", Ministry, Some("RU"), &[]),
            (1, "the foreign ministry", Ministry, Some("CN"), &[]),
            (2, "the Russian Foreign Ministry", Ministry, None, &[]),
            (
                3,
                "the Ministry of Foreign Affairs",
                Ministry,
                Some("CN"),
                &[],
            ),
        ],
        &[
            ("org:ru:foreign-ministry", &[0, 2]),
            ("org:cn:foreign-ministry", &[1, 3]),
        ],
    ),
    // a generic name without its country joins the one country the corpus has for it
    (
        &[
            (0, "Norway's Health Ministry", Ministry, Some("NO"), &[]),
            (1, "the Health Ministry", Ministry, None, &[]),
        ],
        &[("org:no:health-ministry", &[0, 1])],
    ),
    // ... and stays in its document when the corpus has two
    (
        &[
            (0, "the Russian Defense Ministry", Ministry, Some("RU"), &[]),
            (1, "Ukraine's Defense Ministry", Ministry, Some("UA"), &[]),
            (2, "the Defense Ministry", Ministry, None, &[]),
        ],
        &[
            ("org:ru:defense-ministry", &[0]),
            ("org:ua:defense-ministry", &[1]),
            ("org:defense-ministry@c", &[2]),
        ],
    ),
    // a body known by its own name is one whatever its sources' countries
    (
        &[
            (0, "the Kremlin", Government, Some("RU"), &[]),
            (1, "The Kremlin", Government, None, &[]),
            (2, "the Meridian Institute", Organisation, None, &[]),
            (3, "Meridian Institute's", Organisation, Some("US"), &[]),
        ],
        &[
            ("org:kremlin", &[0, 1]),
            ("org:meridian-institute", &[2, 3]),
        ],
    ),
];

#[test]
fn an_organisations_names_are_one_entity() {
    for (rows, want) in BODIES {
        expect(rows, &Judgements::default(), want);
    }
}

const SHOIGU: &[Row] = &[
    (0, "Shoigu", Person, None, &[]),
    (1, "Sergei Shoigu", Person, None, &[]),
    (2, "Mr. Shoigu", Person, None, &[]),
    (3, "a spokesperson", Unnamed, None, &[]),
    (4, "the spokesperson", Unnamed, None, &[]),
];

/// Pairs of sources, by position.
type Pairs = &'static [(usize, usize)];

/// What a person decided (same, different), and the entities that follow.
const JUDGED: &[(Pairs, Pairs, Want)] = &[
    // "same" merges what the names keep apart, transitively
    (
        &[(3, 4), (4, 2)],
        &[],
        &[("person:sergei-shoigu", &[0, 1, 2, 3, 4])],
    ),
    // "not same" wins over the name rules: the chain stops where it would join them
    (
        &[],
        &[(0, 2)],
        &[
            ("person:sergei-shoigu", &[0, 1]),
            ("person:sergei-shoigu~2", &[2]),
            ("unnamed:a-spokesperson@d", &[3]),
            ("unnamed:the-spokesperson@e", &[4]),
        ],
    ),
    // ... and over "same"
    (
        &[(3, 4)],
        &[(4, 3)],
        &[
            ("person:sergei-shoigu", &[0, 1, 2]),
            ("unnamed:a-spokesperson@d", &[3]),
            ("unnamed:the-spokesperson@e", &[4]),
        ],
    ),
];

#[test]
fn a_persons_judgements_override_the_names() {
    for &(same, different, want) in JUDGED {
        let judgements = Judgements {
            same: same.to_vec(),
            different: different.to_vec(),
        };
        expect(SHOIGU, &judgements, want);
    }
}

#[test]
fn an_entity_keeps_its_mentions_kind_and_affiliation() {
    let rows: &[Row] = &[
        (
            0,
            "Sergei Shoigu",
            Government,
            Some("RU"),
            &["He", "Shoigu"],
        ),
        (1, "Shoigu", Person, None, &["Shoigu", "he"]),
        (2, "Mr. Shoigu", Person, Some("RU"), &[]),
    ];
    let e = &resolve(&refs(rows), &Judgements::default())[0];
    assert_eq!(e.name, "Sergei Shoigu");
    assert_eq!(e.kind, Person, "most of its sources");
    assert_eq!(e.affiliation.as_deref(), Some("RU"));
    assert_eq!(e.aliases, ["Shoigu", "Sergei Shoigu", "Mr. Shoigu"]);
}

#[test]
fn a_named_kind_beats_unnamed() {
    let rows: &[Row] = &[
        (0, "the Kremlin", Unnamed, None, &[]),
        (1, "the Kremlin", Government, None, &[]),
        (2, "the Kremlin", Unnamed, None, &[]),
    ];
    // sources the extractor left unnamed are never merged; the named one is its own
    let got = resolve(&refs(rows), &Judgements::default());
    assert_eq!(got.len(), 3);
    let judged = Judgements {
        same: vec![(0, 1), (1, 2)],
        different: vec![],
    };
    let got = resolve(&refs(rows), &judged);
    assert_eq!((got.len(), got[0].kind), (1, Government));
}

#[test]
fn keys_are_the_same_in_another_corpus_that_names_the_speaker_the_same_way() {
    let one: &[Row] = &[
        (0, "Sergei Shoigu", Person, None, &[]),
        (1, "the Russian Defence Ministry", Ministry, None, &[]),
    ];
    let other: &[Row] = &[
        (0, "officials", Unnamed, None, &[]),
        (
            0,
            "the Russian Ministry of Defence",
            Ministry,
            Some("RU"),
            &[],
        ),
        (
            1,
            "Russian Security Council Secretary Sergei Shoigu",
            Government,
            None,
            &[],
        ),
    ];
    let keys = |rows| -> Vec<String> {
        let mut k: Vec<String> = resolved(rows, &Judgements::default())
            .into_iter()
            .map(|e| e.0)
            .filter(|k| !k.contains('@'))
            .collect();
        k.sort();
        k
    };
    assert_eq!(keys(one), keys(other));
}

#[test]
fn resolution_is_deterministic_and_linear() {
    // twenty thousand documents of a few speakers each: no pair of sources is compared
    let names = [
        ("Sergei Shoigu", Person),
        ("Shoigu", Person),
        ("officials", Unnamed),
        ("the Kremlin", Government),
        ("Mr. Lindqvist", Person),
    ];
    let rows: Vec<Row> = (0..100_000)
        .map(|i| (i / 5, names[i % 5].0, names[i % 5].1, None, &[] as &[&str]))
        .collect();
    let sources: Vec<SourceRef> = rows
        .iter()
        .map(|&(doc, name, kind, affiliation, _)| SourceRef {
            doc,
            doc_key: "doc",
            name,
            kind,
            affiliation,
            mentions: vec![name],
            description: None,
        })
        .collect();
    let started = std::time::Instant::now();
    let a = resolve(&sources, &Judgements::default());
    let took = started.elapsed();
    let b = resolve(&sources, &Judgements::default());
    assert_eq!(a, b);
    assert_eq!(a[0].members.len(), 40_000, "Shoigu and Sergei Shoigu");
    // a debug build; release is about twenty times faster
    assert!(took.as_secs() < 20, "{took:?}");
}
