use super::*;

/// (the figure's words, value, high end, qualifier, unit)
type Expected = (
    &'static str,
    f64,
    Option<f64>,
    Option<Qualifier>,
    Option<&'static str>,
);

fn read(text: &str) -> Vec<Figure> {
    figures(text, Span::new(0, text.len()))
}

fn check(table: &[(&str, &[Expected])]) {
    for (text, expected) in table {
        let got: Vec<Expected> = read(text)
            .iter()
            .map(|f| {
                let words: &'static str = f.span.slice(text).to_string().leak();
                let unit: Option<&'static str> = f.unit.clone().map(|u| &*u.leak());
                (words, f.value, f.high, f.qualifier, unit)
            })
            .collect();
        assert_eq!(&got, expected, "in {text:?}");
    }
}

use Qualifier::*;

const DIGITS: &[(&str, &[Expected])] = &[
    (
        "North Korea plans to send 6,000 workers to Kursk",
        &[("6,000 workers", 6000.0, None, None, Some("workers"))],
    ),
    (
        "the deployment includes 1,000 combat engineers, known as sappers",
        &[(
            "1,000 combat engineers",
            1000.0,
            None,
            None,
            Some("engineers"),
        )],
    ),
    (
        "output fell to 1.5 million barrels a day",
        &[("1.5 million barrels", 1.5e6, None, None, Some("barrels"))],
    ),
    (
        "a force of 12000 soldiers",
        &[("12000 soldiers", 12000.0, None, None, Some("soldiers"))],
    ),
    (
        "3,000 had been sent",
        &[("3,000", 3000.0, None, None, None)],
    ),
    (
        "turnout was 45% in the capital and 61 percent in the east",
        &[
            ("45%", 45.0, None, None, Some("%")),
            ("61 percent", 61.0, None, None, Some("%")),
        ],
    ),
];

const SPELLED: &[(&str, &[Expected])] = &[
    (
        "three generals were killed",
        &[("three generals", 3.0, None, None, Some("generals"))],
    ),
    (
        "two brigades of 6,000 people each",
        &[
            ("two brigades", 2.0, None, None, Some("brigades")),
            ("6,000 people each", 6000.0, None, None, Some("people")),
        ],
    ),
    (
        "twenty-five drones and a dozen missiles",
        &[
            ("twenty-five drones", 25.0, None, None, Some("drones")),
            ("a dozen missiles", 12.0, None, None, Some("missiles")),
        ],
    ),
    (
        "three hundred and fifty prisoners",
        &[(
            "three hundred and fifty prisoners",
            350.0,
            None,
            None,
            Some("prisoners"),
        )],
    ),
    (
        "half a million refugees",
        &[("half a million refugees", 5e5, None, None, Some("refugees"))],
    ),
    // "one" alone is a pronoun far more often than a count
    ("one of the soldiers said no one was hurt", &[]),
];

const QUALIFIED: &[(&str, &[Expected])] = &[
    (
        "roughly 12,000 North Korean soldiers",
        &[(
            "roughly 12,000 North Korean soldiers",
            12000.0,
            None,
            Some(About),
            Some("soldiers"),
        )],
    ),
    (
        "at least 3,000",
        &[("at least 3,000", 3000.0, None, Some(AtLeast), None)],
    ),
    (
        "more than 500 civilians",
        &[(
            "more than 500 civilians",
            500.0,
            None,
            Some(MoreThan),
            Some("civilians"),
        )],
    ),
    (
        "up to 3,000 troops and as many as 40 tanks",
        &[
            (
                "up to 3,000 troops",
                3000.0,
                None,
                Some(UpTo),
                Some("troops"),
            ),
            ("as many as 40 tanks", 40.0, None, Some(UpTo), Some("tanks")),
        ],
    ),
    (
        "nearly 200 homes, exactly 17 schools",
        &[
            ("nearly 200 homes", 200.0, None, Some(Nearly), Some("homes")),
            (
                "exactly 17 schools",
                17.0,
                None,
                Some(Exactly),
                Some("schools"),
            ),
        ],
    ),
    (
        "some 400 villages and about two dozen towns",
        &[
            (
                "some 400 villages",
                400.0,
                None,
                Some(About),
                Some("villages"),
            ),
            (
                "about two dozen towns",
                24.0,
                None,
                Some(About),
                Some("towns"),
            ),
        ],
    ),
    (
        "his net worth exceeds $10 billion",
        &[(
            "exceeds $10 billion",
            1e10,
            None,
            Some(MoreThan),
            Some("USD"),
        )],
    ),
    (
        "5,000 or more volunteers",
        &[(
            "5,000 or more volunteers",
            5000.0,
            None,
            Some(AtLeast),
            Some("volunteers"),
        )],
    ),
];

const RANGES: &[(&str, &[Expected])] = &[
    (
        "10,000 to 12,000 troops",
        &[(
            "10,000 to 12,000 troops",
            10000.0,
            Some(12000.0),
            Some(Between),
            Some("troops"),
        )],
    ),
    (
        "between 10,000 and 12,000 soldiers",
        &[(
            "between 10,000 and 12,000 soldiers",
            10000.0,
            Some(12000.0),
            Some(Between),
            Some("soldiers"),
        )],
    ),
    (
        "1.5 to 2 million people",
        &[(
            "1.5 to 2 million people",
            1.5e6,
            Some(2e6),
            Some(Between),
            Some("people"),
        )],
    ),
    (
        "8,000-10,000 fighters",
        &[(
            "8,000-10,000 fighters",
            8000.0,
            Some(10000.0),
            Some(Between),
            Some("fighters"),
        )],
    ),
    // a change, not a range
    (
        "the toll rose from 3,000 to 5,000 dead",
        &[(
            "from 3,000 to 5,000",
            3000.0,
            Some(5000.0),
            Some(Between),
            None,
        )],
    ),
];

const MONEY: &[(&str, &[Expected])] = &[
    (
        "as much as $200,000 for each soldier",
        &[("as much as $200,000", 2e5, None, Some(UpTo), Some("USD"))],
    ),
    (
        "a $1.5bn loan and 300 million euros",
        &[
            ("$1.5bn", 1.5e9, None, None, Some("USD")),
            ("300 million euros", 3e8, None, None, Some("EUR")),
        ],
    ),
    (
        "£40 million",
        &[("£40 million", 4e7, None, None, Some("GBP"))],
    ),
    (
        "US$2 billion in aid",
        &[("US$2 billion", 2e9, None, None, Some("USD"))],
    ),
];

const VAGUE_COUNTS: &[(&str, &[Expected])] = &[
    (
        "thousands of protesters",
        &[(
            "thousands of protesters",
            1000.0,
            None,
            Some(Several),
            Some("protesters"),
        )],
    ),
    (
        "tens of thousands of people fled",
        &[(
            "tens of thousands of people",
            1e4,
            None,
            Some(Several),
            Some("people"),
        )],
    ),
    (
        "several hundred soldiers and dozens of tanks",
        &[
            (
                "several hundred soldiers",
                100.0,
                None,
                Some(Several),
                Some("soldiers"),
            ),
            ("dozens of tanks", 12.0, None, Some(Several), Some("tanks")),
        ],
    ),
    (
        "hundreds were hurt",
        &[("hundreds", 100.0, None, Some(Several), None)],
    ),
];

/// Numbers that name or date something are no figures.
const NOT_FIGURES: &[(&str, &[Expected])] = &[
    ("troops arrived in 2023", &[]),
    ("the talks began on March 3 and ended 5 April", &[]),
    ("the meeting starts at 10:30 or 3 p.m.", &[]),
    ("the 3rd brigade and the 1990s", &[]),
    ("the G7 condemned the Su-25 strike", &[]),
    ("under Resolution 2231 and Article 5", &[]),
    ("a Group of Seven statement", &[]),
    ("a 10-year sentence and a two-day visit", &[]),
    ("COVID-19 cases", &[]),
];

#[test]
fn digits_with_separators_and_scales_are_read_with_their_noun() {
    check(DIGITS);
}

#[test]
fn spelled_out_numbers_are_read() {
    check(SPELLED);
}

#[test]
fn qualifiers_are_kept() {
    check(QUALIFIED);
}

#[test]
fn ranges_have_both_ends() {
    check(RANGES);
}

#[test]
fn currency_is_the_unit() {
    check(MONEY);
}

#[test]
fn thousands_of_is_an_order_of_magnitude() {
    check(VAGUE_COUNTS);
}

#[test]
fn years_dates_times_ordinals_and_names_are_no_figures() {
    check(NOT_FIGURES);
}

#[test]
fn spans_point_into_the_document() {
    let text = "Kursk — Officials said 3,000 soldiers arrived.";
    let start = text.find("Officials").unwrap();
    let got = figures(text, Span::new(start, text.len()));
    assert_eq!(got[0].span.slice(text), "3,000 soldiers");
}

#[test]
fn words_between_number_and_noun_are_its_modifiers() {
    let got = read("5,000 construction workers and 12,000 North Korean special forces");
    let read: Vec<(Option<&str>, Option<&str>)> = got
        .iter()
        .map(|f| (f.modifiers.as_deref(), f.unit.as_deref()))
        .collect();
    assert_eq!(
        read,
        [
            (Some("construction"), Some("workers")),
            (Some("North Korean special"), Some("forces"))
        ]
    );
}

#[test]
fn soldiers_and_troops_are_one_count() {
    for (a, b) in [
        ("soldiers", "troops"),
        ("servicemen", "troops"),
        ("workers", "worker"),
        ("casualties", "casualty"),
        ("people", "persons"),
    ] {
        assert_eq!(count_key(a), count_key(b), "{a} / {b}");
    }
    assert_ne!(count_key("workers"), count_key("troops"));
}
