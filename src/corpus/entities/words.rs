//! The words entity resolution reads names with: titles and roles that stand before a name
//! ("Sen.", "press secretary"), the words of an institution's name ("ministry", "defense"),
//! the names and demonyms of countries (from the gazetteer), and the other names of
//! well-known bodies (`assets/entities/bodies.tsv`).

use super::Map;
use std::sync::OnceLock;

use crate::geo::{Gazetteer, NameKind, WordLexicon};
use crate::text::WordList;

/// Titles and roles, normalised (no dots, lower case): before a name they say the name is a
/// person's and where it starts ("Security Council Secretary Sergei Shoigu"); as the head of
/// a name they say no one is named ("the Florida senator").
pub(super) static TITLES: WordList = WordList::new(&[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "sen",
    "senator",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "lt",
    "president",
    "vice",
    "vp",
    "secretary",
    "minister",
    "premier",
    "chancellor",
    "speaker",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "director",
    "chief",
    "ceo",
    "founder",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "candidate",
    "nominee",
    "hopeful",
    "frontrunner",
    "front runner",
    "contender",
    "rival",
    "opponent",
    "challenger",
    "incumbent",
    "manager",
    "adviser",
    "advisor",
    "aide",
    "strategist",
    "pollster",
    "analyst",
    "economist",
    "commentator",
    "columnist",
    "host",
    "anchor",
    "reporter",
    "correspondent",
    "editor",
    "writer",
    "author",
    "historian",
    "scholar",
    "researcher",
    "expert",
    "fellow",
    "lawyer",
    "attorney",
    "judge",
    "justice",
    "mayor",
    "ambassador",
    "envoy",
    "diplomat",
    "general",
    "gen",
    "lieutenant",
    "maj",
    "major",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "adm",
    "admiral",
    "commander",
    "cmdr",
    "colonel",
    "col",
    "officer",
    "sheriff",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "rev",
    "reverend",
    "rabbi",
    "imam",
    "sheikh",
    "cardinal",
    "bishop",
    "archbishop",
    "businessman",
    "businesswoman",
    "billionaire",
    "mogul",
    "tycoon",
    "magnate",
    "actor",
    "actress",
    "singer",
    "star",
    "comedian",
    "lawmaker",
    "delegate",
    "activist",
    "organizer",
    "supporter",
    "owner",
    "executive",
    "whip",
    "counsel",
    "deputy",
    "assistant",
    "head",
    "boss",
    "coach",
    "player",
    "journalist",
    "blogger",
    "commissioner",
    "superintendent",
    "inspector",
    "investigator",
    "prosecutor",
    "agent",
    "detective",
    "treasurer",
    "trustee",
    "member",
    "mp",
    "mep",
    "emir",
    "ayatollah",
    "chairs",
    "official",
    "spokesmen",
    "father",
    "mother",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "widow",
    "veteran",
    "president elect",
    "emeritus",
    "partner",
    "consultant",
    "operative",
    "surrogate",
    "ally",
    "critic",
    "aides",
    "officials",
    "supporters",
    "advisers",
    "allies",
    "critics",
    "backers",
    "delegates",
    "republican",
    "democrat",
    "libertarian",
]);

/// Words after which a capitalised name is not the head of the phrase ("mention of Jeb
/// Bush", "experts like Paul Bauman", "embracing Obama").
pub(super) static FUNCTION_WORDS: WordList = WordList::new(&[
    "of",
    "for",
    "by",
    "with",
    "to",
    "from",
    "about",
    "like",
    "than",
    "against",
    "on",
    "in",
    "at",
    "as",
    "into",
    "onto",
    "over",
    "under",
    "between",
    "among",
    "and",
    "or",
    "nor",
    "but",
    "that",
    "who",
    "whom",
    "which",
    "whose",
    "whether",
    "what",
    "how",
    "why",
    "when",
    "where",
    "said",
    "says",
    "told",
    "say",
    "include",
    "includes",
    "including",
    "included",
    "called",
    "named",
    "dubbed",
    "versus",
    "vs",
    "via",
    "per",
    "plus",
    "without",
    "mention",
    "mentioned",
    "if",
    "because",
    "while",
    "after",
    "before",
    "since",
    "until",
    "unlike",
    "toward",
    "towards",
    "through",
    "during",
    "behind",
    "beside",
    "near",
    "even",
    "only",
    "also",
    "not",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "has",
    "had",
    "have",
    "do",
    "did",
    "does",
]);

/// First words of a phrase that name no one in particular ("some experts", "a spokesperson",
/// "his campaign", "two officials").
pub(super) static ANONYMOUS_OPENERS: WordList = WordList::new(&[
    "a",
    "an",
    "some",
    "many",
    "several",
    "other",
    "others",
    "another",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "few",
    "most",
    "all",
    "both",
    "each",
    "every",
    "any",
    "no",
    "none",
    "neither",
    "either",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "this",
    "these",
    "those",
    "that",
    "such",
    "what",
    "which",
    "who",
    "whom",
    "whether",
    "how",
    "why",
    "when",
    "where",
    "including",
    "included",
    "unnamed",
    "anonymous",
    "numerous",
    "various",
    "multiple",
    "certain",
    "more",
    "fewer",
    "half",
    "everyone",
    "everybody",
    "nobody",
    "someone",
    "somebody",
    "anyone",
    "anybody",
]);

/// Words that open a sentence before its subject ("Yet Republicans say ...").
pub(super) static SENTENCE_ADVERBS: WordList = WordList::new(&[
    "yet",
    "plus",
    "still",
    "meanwhile",
    "now",
    "then",
    "so",
    "instead",
    "however",
    "also",
    "even",
    "indeed",
    "already",
    "again",
    "ultimately",
    "finally",
    "today",
    "tonight",
]);

/// Pronouns and other words that stand for a speaker without naming one.
pub(super) static PRONOUNS: WordList = WordList::new(&[
    "he",
    "she",
    "him",
    "her",
    "his",
    "hers",
    "i",
    "me",
    "we",
    "us",
    "they",
    "them",
    "it",
    "you",
    "who",
    "whom",
    "which",
    "that",
    "this",
    "these",
    "those",
    "one",
    "himself",
    "herself",
    "itself",
    "themselves",
    "myself",
    "ourselves",
    "yourself",
    "someone",
    "somebody",
    "everyone",
    "everybody",
    "nobody",
    "anyone",
    "the",
]);

/// Titles and roles of a man ("Mr.", "spokesman"), and of a woman ("Mrs.", "first lady").
/// Pronouns do not count: the extractor gives a "she" to the nearest person's name, whoever
/// that is.
pub(super) static MALE: WordList = WordList::new(&[
    "mr",
    "sir",
    "lord",
    "king",
    "prince",
    "father",
    "son",
    "brother",
    "husband",
    "actor",
    "businessman",
    "congressman",
    "chairman",
    "spokesman",
    "uncle",
    "grandfather",
    "nephew",
    "widower",
    "boyfriend",
]);
pub(super) static FEMALE: WordList = WordList::new(&[
    "mrs",
    "ms",
    "miss",
    "dame",
    "lady",
    "queen",
    "princess",
    "mother",
    "daughter",
    "sister",
    "wife",
    "widow",
    "actress",
    "businesswoman",
    "congresswoman",
    "chairwoman",
    "spokeswoman",
    "aunt",
    "grandmother",
    "niece",
    "girlfriend",
]);

/// The suffixes that close a person's name ("Donald Trump Jr.").
pub(super) static SUFFIXES: WordList = WordList::new(&["jr", "sr", "ii", "iii", "iv"]);

/// Lower-case particles inside surnames ("Ursula von der Leyen", "Osama bin Laden").
pub(super) static PARTICLES: WordList = WordList::new(&[
    "de", "van", "von", "der", "den", "bin", "ibn", "al", "da", "del", "della", "di", "du", "la",
    "le", "ter", "dos", "das", "el",
]);

/// Parties and political camps: capitalised, but a group, never a person's name.
pub(super) static PARTIES: WordList = WordList::new(&[
    "democrat",
    "democrats",
    "democratic",
    "republican",
    "republicans",
    "gop",
    "libertarian",
    "libertarians",
    "conservative",
    "conservatives",
    "liberal",
    "liberals",
    "independent",
    "independents",
    "labour",
    "labor",
    "tory",
    "tories",
    "socialist",
    "socialists",
    "communist",
    "communists",
    "greens",
    "progressive",
    "progressives",
]);

/// Head words of institutions ("ministry", "campaign", "state media"): a name made of these
/// and [`FUNCTIONS`] alone is generic, told apart only by its country.
pub(super) static INSTITUTIONS: WordList = WordList::new(&[
    "ministry",
    "ministries",
    "department",
    "government",
    "administration",
    "campaign",
    "committee",
    "military",
    "army",
    "navy",
    "marines",
    "police",
    "parliament",
    "embassy",
    "consulate",
    "agency",
    "office",
    "service",
    "services",
    "intelligence",
    "council",
    "commission",
    "court",
    "party",
    "foundation",
    "institute",
    "university",
    "company",
    "group",
    "media",
    "forces",
    "force",
    "guard",
    "cabinet",
    "regime",
    "authorities",
    "authority",
    "presidency",
    "legislature",
    "senate",
    "congress",
    "assembly",
    "house",
    "bank",
    "board",
    "bureau",
    "directorate",
    "inspectorate",
    "command",
    "headquarters",
    "mission",
    "delegation",
    "prosecutor's",
    "prosecutors",
    "outlet",
    "newspaper",
    "broadcaster",
    "television",
    "tv",
    "radio",
    "channel",
    "network",
    "press",
    "news",
    "judiciary",
    "coalition",
    "junta",
    "staff",
    "chiefs",
    "corps",
    "troops",
    "team",
    "times",
    "post",
    "journal",
    "tribune",
    "herald",
    "gazette",
    "magazine",
    "daily",
    "telegraph",
    "examiner",
    "chronicle",
    "wire",
]);

/// What an institution does ("defense", "foreign", "state"): with [`INSTITUTIONS`], still a
/// generic name ("the Defense Ministry" of which country?).
pub(super) static FUNCTIONS: WordList = WordList::new(&[
    "state",
    "foreign",
    "defense",
    "interior",
    "justice",
    "finance",
    "treasury",
    "health",
    "education",
    "emergency",
    "emergencies",
    "economy",
    "economic",
    "agriculture",
    "energy",
    "trade",
    "commerce",
    "culture",
    "environment",
    "transport",
    "transportation",
    "labor",
    "home",
    "internal",
    "external",
    "affairs",
    "security",
    "national",
    "federal",
    "central",
    "general",
    "public",
    "armed",
    "air",
    "naval",
    "border",
    "coast",
    "special",
    "main",
    "chief",
    "supreme",
    "constitutional",
    "presidential",
    "prime",
    "minister",
    "minister's",
    "president",
    "president's",
    "run",
    "owned",
    "controlled",
    "information",
    "human",
    "rights",
    "veterans",
    "homeland",
    "immigration",
    "customs",
    "tax",
    "revenue",
    "statistics",
    "investigation",
    "investigative",
    "nuclear",
    "space",
    "development",
    "international",
    "joint",
    "of",
    "and",
    "for",
    "the",
    "military",
    "emergency",
    "situations",
    "prosecutor",
    "general's",
    "high",
    "election",
    "electoral",
    "communications",
    "digital",
    "social",
    "policy",
    "planning",
    "industry",
    "resources",
    "water",
    "housing",
    "migration",
    "sports",
    "youth",
    "science",
    "technology",
    "infrastructure",
    "intelligence",
]);

/// British spellings in the names of bodies, and their American forms.
const SPELLINGS: &[(&str, &str)] = &[
    ("defence", "defense"),
    ("organisation", "organization"),
    ("centre", "center"),
    ("programme", "program"),
    ("labour", "labor"),
    ("council's", "council"),
    ("offence", "offense"),
    ("ministries", "ministry"),
];

/// The American spelling of a word of a body's name.
pub(super) fn spelling(word: &str) -> &str {
    SPELLINGS
        .iter()
        .find(|(from, _)| *from == word)
        .map_or(word, |(_, to)| to)
}

/// Heads that an "X of Y" name puts first and the usual form puts last ("Ministry of
/// Defence" = "Defence Ministry").
pub(super) static REORDERED_HEADS: WordList = WordList::new(&[
    "ministry",
    "department",
    "office",
    "directorate",
    "agency",
    "service",
    "bureau",
    "commission",
    "committee",
    "inspectorate",
]);

/// Surnames that come first in Chinese and Korean names ("Kim Jong Un", "Xi Jinping"): a
/// bare "Kim" may be the first word of a full name, not its last.
pub(super) static SURNAME_FIRST: WordList = WordList::new(&[
    "kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "moon", "han", "shin", "xi", "li",
    "wang", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "hu", "wen", "mao",
    "deng", "jiang", "sun", "ma", "guo", "he", "lin", "tsai", "ko", "lai",
]);

/// A country a word of a name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct CountryWord {
    pub code: [u8; 2],
    /// "Russian", "North Koreans": a people, not the country's name.
    pub is_demonym: bool,
    /// "U.S.", "UK": counts only where written in capitals ("us" is a pronoun).
    pub is_abbreviation: bool,
}

/// The word lists and tables, built once.
pub(super) struct Words {
    pub lexicon: WordLexicon,
    /// Normalised country names, demonyms and abbreviations of exactly one country.
    pub countries: Map<&'static str, CountryWord>,
    /// The longest country name, in words.
    pub country_words_max: usize,
    /// (country or "*", alias) → name, from `assets/entities/bodies.tsv`.
    pub bodies: Map<(&'static str, &'static str), &'static str>,
    /// alias → the countries whose rows give it.
    pub body_countries: Map<&'static str, Vec<&'static str>>,
}

static BODIES: &str = include_str!("../../../assets/entities/bodies.tsv");

/// The tables, built on first use (the country names from the bundled gazetteer).
pub(super) fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut countries: Map<&'static str, Option<CountryWord>> = Map::default();
        // the gazetteer's bytes are compiled in (its names are 'static); it is dropped after
        if let Ok(g) = Gazetteer::bundled() {
            for (name, code, kind) in g.country_names() {
                if kind == NameKind::Postal || kind == NameKind::Language {
                    continue;
                }
                let word = CountryWord {
                    code,
                    is_demonym: kind.is_demonym(),
                    is_abbreviation: kind == NameKind::Abbreviation,
                };
                countries
                    .entry(name)
                    .and_modify(|w| {
                        // a name of two countries names neither
                        if w.is_some_and(|w| w.code != code) {
                            *w = None;
                        }
                    })
                    .or_insert(Some(word));
            }
        }
        let countries: Map<&'static str, CountryWord> = countries
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect();
        let country_words_max = countries
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1)
            .min(4);
        let mut bodies: Map<(&'static str, &'static str), &'static str> = Map::default();
        let mut body_countries: Map<&'static str, Vec<&'static str>> = Map::default();
        for line in BODIES.lines().skip(1) {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(country), Some(alias), Some(name)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            bodies.insert((country, alias), name);
            if country != "*" {
                let list = body_countries.entry(alias).or_default();
                if !list.contains(&country) {
                    list.push(country);
                }
            }
        }
        Words {
            lexicon: WordLexicon::bundled(),
            countries,
            country_words_max,
            bodies,
            body_countries,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_words_come_from_the_gazetteer() {
        let w = words();
        for (name, code, is_demonym) in [
            ("russia", b"RU", false),
            ("russian", b"RU", true),
            ("ukraine", b"UA", false),
            ("north korean", b"KP", true),
            ("us", b"US", false),
        ] {
            let got = w.countries.get(name).copied();
            assert_eq!(
                got.map(|c| (c.code, c.is_demonym)),
                Some((*code, is_demonym)),
                "{name}"
            );
        }
    }

    #[test]
    fn every_body_row_has_a_country_an_alias_and_a_name() {
        for line in BODIES.lines().skip(1).filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(cols.len() >= 3, "{line}");
            assert!(cols[0] == "*" || cols[0].len() == 2, "{line}");
            assert_eq!(cols[1], crate::text::normalize(cols[1]), "{line}");
        }
    }
}
