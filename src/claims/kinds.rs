//! What kind of source a phrase names: state media, a ministry, an expert, an unnamed
//! official ... decided from the words of the source and its apposition.

use crate::text::WordList;
use crate::text::WordMap;
use std::sync::OnceLock;

use crate::model::SourceKind;

/// The kind of a source and whether it is one or many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceTraits {
    pub kind: SourceKind,
    pub is_plural: bool,
    /// A person's name ("Sergei Shoigu"), not an institution or a description.
    pub is_person_name: bool,
}

const STATE_MEDIA: &[&str] = &[
    "state media",
    "state-run",
    "state run",
    "state news",
    "state television",
    "state tv",
    "state broadcaster",
    "state-controlled",
    "state-owned media",
    "kcna",
    "tass",
    "xinhua",
    "ria novosti",
    "sputnik",
    "global times",
    "people's daily",
    "irna",
    "sana",
    "rt",
];
const MINISTRY: &[&str] = &[
    "ministry",
    "department",
    "agency",
    "bureau",
    "commission",
    "office",
    "cia",
    "fbi",
    "nsa",
    "service",
    "inspectorate",
    "directorate",
];
const MILITARY: &[&str] = &[
    "military",
    "army",
    "navy",
    "air force",
    "armed forces",
    "troops",
    "general",
    "commander",
    "pentagon",
    "marines",
    "soldiers",
    "colonel",
    "admiral",
    "battalion",
    "brigade",
    "forces",
];
const MEDIA: &[&str] = &[
    "newspaper",
    "times",
    "post",
    "journal",
    "news",
    "reuters",
    "associated press",
    "ap",
    "cnn",
    "bbc",
    "fox",
    "nbc",
    "abc",
    "cbs",
    "msnbc",
    "magazine",
    "media",
    "report",
    "outlet",
    "network",
    "television",
    "radio",
    "wire",
    "daily",
    "tribune",
    "gazette",
    "herald",
    "politico",
    "breitbart",
    "axios",
    "bloomberg",
    "reporter",
    "correspondent",
    "poll",
    "polls",
];
const EXPERT: &[&str] = &[
    "expert",
    "experts",
    "researcher",
    "researchers",
    "analyst",
    "analysts",
    "professor",
    "scholar",
    "economist",
    "economists",
    "scientist",
    "scientists",
    "specialist",
    "fellow",
    "historian",
    "academic",
    "strategist",
    "think tank",
    "study",
    "survey",
];
const GOVERNMENT: &[&str] = &[
    "government",
    "official",
    "officials",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "president",
    "minister",
    "secretary",
    "white house",
    "kremlin",
    "administration",
    "leader",
    "governor",
    "senator",
    "lawmaker",
    "lawmakers",
    "ambassador",
    "diplomat",
    "diplomats",
    "mayor",
    "chancellor",
    "council",
    "parliament",
    "congress",
    "cabinet",
    "nations",
    "nation",
    "authorities",
    "regime",
    "embassy",
    "envoy",
    "representative",
    "congressman",
    "congresswoman",
    "legislator",
    "premier",
    "foreign minister",
    "state",
    "states",
];
const ORGANISATION: &[&str] = &[
    "party",
    "committee",
    "campaign",
    "institute",
    "foundation",
    "association",
    "union",
    "university",
    "company",
    "corp",
    "inc",
    "group",
    "organization",
    "organisation",
    "center",
    "centre",
    "coalition",
    "church",
    "nato",
    "un",
    "united nations",
    "council",
    "court",
    "federation",
    "league",
    "club",
    "firm",
    "bank",
    "fund",
];
/// Heads that name a role, not a person: "a spokesperson", "officials", "sources".
static UNNAMED_HEADS: WordList = WordList::new(&[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "official",
    "officials",
    "source",
    "sources",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "aide",
    "aides",
    "diplomat",
    "diplomats",
    "people",
    "critics",
    "observers",
    "residents",
    "witnesses",
    "insiders",
    "person",
    "someone",
    "many",
    "others",
    "some",
    "supporters",
    "opponents",
    "advisers",
    "advisors",
    "researchers",
    "economists",
    "scientists",
    "activists",
    "lawmakers",
    "voters",
    "members",
]);

/// The keyword categories of a phrase: one bit per list above.
#[derive(Clone, Copy, Default)]
struct Categories(u8);

const C_STATE_MEDIA: u8 = 1;
const C_MINISTRY: u8 = 2;
const C_MILITARY: u8 = 4;
const C_MEDIA: u8 = 8;
const C_EXPERT: u8 = 16;
const C_GOVERNMENT: u8 = 32;
const C_ORGANISATION: u8 = 64;

/// Single-word keywords → categories, and the multi-word keywords by their first word,
/// built once.
struct KeywordIndex {
    words: WordMap<u8>,
    phrases: WordMap<Vec<(&'static str, u8)>>,
}

fn index() -> &'static KeywordIndex {
    static INDEX: OnceLock<KeywordIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut words = WordMap::default();
        let mut phrases: WordMap<Vec<(&'static str, u8)>> = WordMap::default();
        for (list, bit) in [
            (STATE_MEDIA, C_STATE_MEDIA),
            (MINISTRY, C_MINISTRY),
            (MILITARY, C_MILITARY),
            (MEDIA, C_MEDIA),
            (EXPERT, C_EXPERT),
            (GOVERNMENT, C_GOVERNMENT),
            (ORGANISATION, C_ORGANISATION),
        ] {
            for &k in list {
                if k.contains([' ', '-', '\'']) {
                    let first = k.split([' ', '-', '\'']).next().unwrap_or(k);
                    phrases.entry(first).or_default().push((k, bit));
                } else {
                    *words.entry(k).or_insert(0) |= bit;
                }
            }
        }
        KeywordIndex { words, phrases }
    })
}

impl Categories {
    /// The categories of a lower-case phrase: its words looked up, its phrases searched.
    fn of(lower: &str) -> Categories {
        let idx = index();
        let mut bits = 0;
        for w in lower.split(|c: char| !c.is_alphanumeric()) {
            if let Some(b) = idx.words.get(w) {
                bits |= b;
            }
        }
        // a phrase can only be there if its first word is
        for w in lower.split(|c: char| !c.is_alphanumeric()) {
            for &(p, b) in idx.phrases.get(w).into_iter().flatten() {
                if bits & b == 0 && contains_word(lower, p) {
                    bits |= b;
                }
            }
        }
        Categories(bits)
    }

    fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

/// `needle` in `hay` at word boundaries (both lower case).
fn contains_word(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(p) = hay[from..].find(needle) {
        let a = from + p;
        let b = a + needle.len();
        let before = hay[..a].chars().next_back();
        let after = hay[b..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = a + needle.len().max(1);
    }
    false
}

/// Kind and number of a source. `head` is the naming part as written ("Soo Kim",
/// "South Korea‘s foreign ministry"), `description` its apposition, `is_common` tells whether
/// a lower-cased word is a common English word.
pub fn source_traits(
    head: &str,
    description: Option<&str>,
    is_common: &dyn Fn(&str) -> bool,
) -> SourceTraits {
    let lower = head.to_lowercase();
    let desc = description.map(str::to_lowercase).unwrap_or_default();
    let words: Vec<&str> = head.split_whitespace().collect();
    let last = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    let is_plural = (last.ends_with('s')
        && !last.ends_with("ss")
        && last.len() > 3
        && !matches!(last, "news" | "times" | "politics" | "this" | "his"))
        || matches!(last, "they" | "we" | "media" | "people" | "police");
    // a person's name: two to four capitalised words, none an institution word
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let cat = Categories::of(&lower);
    let dcat = Categories::of(&desc);
    let institution =
        cat.has(C_MINISTRY | C_ORGANISATION | C_MEDIA | C_STATE_MEDIA | C_GOVERNMENT | C_MILITARY);
    let is_person_name = !institution
        && !words.is_empty()
        && words.len() <= 4
        && words.iter().all(capitalised)
        && !(words.len() == 1 && is_common(&lower));
    let kind = if is_person_name {
        if dcat.has(C_EXPERT) {
            SourceKind::Expert
        } else if dcat.has(C_MILITARY) {
            SourceKind::Military
        } else if dcat.has(C_STATE_MEDIA | C_MEDIA) {
            SourceKind::Media
        } else if dcat.has(C_GOVERNMENT | C_MINISTRY) {
            SourceKind::Government
        } else {
            SourceKind::Person
        }
    } else if cat.has(C_STATE_MEDIA) {
        SourceKind::StateMedia
    } else if UNNAMED_HEADS.contains(last) {
        SourceKind::Unnamed
    } else if cat.has(C_MINISTRY) {
        SourceKind::Ministry
    } else if cat.has(C_MILITARY) {
        SourceKind::Military
    } else if cat.has(C_MEDIA) {
        SourceKind::Media
    } else if cat.has(C_EXPERT) {
        SourceKind::Expert
    } else if cat.has(C_GOVERNMENT) {
        SourceKind::Government
    } else if cat.has(C_ORGANISATION) || words.iter().skip(1).any(capitalised) {
        SourceKind::Organisation
    } else {
        SourceKind::Unnamed
    };
    SourceTraits {
        kind,
        is_plural,
        is_person_name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: &[(&str, Option<&str>, SourceKind)] = &[
        ("Russian state media", None, SourceKind::StateMedia),
        ("North Korean state media", None, SourceKind::StateMedia),
        ("South Korea‘s foreign ministry", None, SourceKind::Ministry),
        (
            "A U.S. State Department spokesperson",
            None,
            SourceKind::Unnamed,
        ),
        ("Experts", None, SourceKind::Unnamed),
        ("officials", None, SourceKind::Unnamed),
        (
            "Soo Kim",
            Some("a North Korea researcher and former CIA analyst"),
            SourceKind::Expert,
        ),
        (
            "Sergei Shoigu",
            Some("the secretary of Moscow’s security council"),
            SourceKind::Government,
        ),
        ("Jane Doe", None, SourceKind::Person),
        ("the Pentagon", None, SourceKind::Military),
        ("The New York Post", None, SourceKind::Media),
        ("the Democratic Party", None, SourceKind::Organisation),
        ("the White House", None, SourceKind::Government),
    ];

    #[test]
    fn source_kind_table() {
        let common = |w: &str| matches!(w, "experts" | "officials");
        for (head, desc, want) in KINDS {
            assert_eq!(source_traits(head, *desc, &common).kind, *want, "{head}");
        }
    }
}
