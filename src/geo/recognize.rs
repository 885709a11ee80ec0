//! Toponym recognition: finds the spans of a text that name places.
//!
//! Two kinds of names are found, both leftmost-longest:
//!
//! - **gazetteer names**, over the gazetteer's multi-word names ("North Korea" before "Korea",
//!   "the Kursk region" → "Kursk region"), possessives with any apostrophe ("Moscow’s"),
//!   abbreviations ("U.S.", "UAE"), demonyms and languages ("North Korean", "English");
//! - **named features** the gazetteer does not hold: a capitalised phrase with a place head
//!   ("Holy Redeemer Church", "Royal Street", "Tijuana River", "Lake Manassas"). The places
//!   named inside one become its readings ("Manila" in "Manila Cathedral"); the resolver puts
//!   the others where the article is.
//!
//! The guards that keep words and people off the map:
//!
//! - a name starts with a capital (ALL-CAPS datelines count); lower-case connectors may
//!   follow inside it ("Gulf of Aden", "Kursk region");
//! - an abbreviation must look like one ("U.S.", "UAE", not "us"); a postal abbreviation
//!   ("Ill.", "NJ") only qualifies a place before it ("Springfield, Ill.");
//! - a common word ("Mission", "Reading") is a place only after a place preposition, and so is
//!   any word news text also writes in lower case ("Union", "Post") unless it names a country,
//!   a region or a large city; month names never are;
//! - a first name followed by another name starts a person ("Kim Jong Un", "Jordan
//!   Peterson"), a title makes the next name a person ("President Jordan"), and the words such
//!   a person's name holds are people throughout the document ("Nelson" after "Dewly Nelson");
//! - a surname that is also a small town ("Nelson", "Allen") is a person unless the text says
//!   it is a place, and so is a small town that "says" something.

use crate::text::WordList;
use std::collections::HashSet;
use std::ops::Range;

use super::{GazId, Gazetteer, NameKind, WordLexicon};
use crate::model::{MentionRole, PlaceKind, Span};
use crate::text::{Token, TokenKind, normalize_into};

/// A place name found in the text, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub span: Span,
    /// Token range of the name.
    pub tokens: Range<usize>,
    /// The normalised name, for one sense per discourse.
    pub key: String,
    /// Every gazetteer reading of the name; for a feature, those of the place named inside it.
    pub readings: Vec<(GazId, NameKind)>,
    pub role: MentionRole,
    /// A named feature the gazetteer does not hold ("Royal Street", "Manila Cathedral").
    pub is_feature: bool,
    /// The name opens the article as its dateline ("BEIRUT (AP) —", "SPRINGFIELD, Ill.").
    pub is_dateline: bool,
}

/// Lower-case words that may sit inside a place name.
static CONNECTORS: WordList = WordList::new(&[
    "of",
    "de",
    "del",
    "la",
    "le",
    "les",
    "du",
    "des",
    "da",
    "do",
    "dos",
    "al",
    "el",
    "an",
    "and",
    "the",
    "upon",
    "on",
    "sur",
    "am",
    "im",
    "in",
    "region",
    "oblast",
    "province",
    "state",
    "county",
    "district",
    "governorate",
    "prefecture",
    "city",
    "island",
    "islands",
]);

/// Lower-case words that may sit inside a feature's name ("Museum of Ice Cream", "Embassy of
/// the Republic of Armenia", "Rue d’Enghein").
static FEATURE_CONNECTORS: WordList = WordList::new(&[
    "of", "the", "de", "del", "la", "le", "du", "des", "di", "da",
]);

/// Words before a name that make it a place, besides the strong prepositions below: weaker
/// signs ("of", "visited Reading") that help a name the gazetteer knows well.
static WEAK_PLACE_WORDS: WordList = WordList::new(&[
    "of", "visit", "visited", "visiting", "reach", "reached", "entered", "left", "fled",
]);

/// Place prepositions that a word needs ("in Reading"); "of" is too weak for a word ("Chamber
/// of Commerce").
static STRONG_PREPOSITIONS: WordList = WordList::new(&[
    "in",
    "at",
    "from",
    "to",
    "near",
    "into",
    "outside",
    "across",
    "toward",
    "towards",
    "around",
    "via",
    "through",
    "between",
    "throughout",
    "within",
    "inside",
    "In",
    "At",
    "From",
    "Near",
]);

/// Particles inside people's names: "Marigny de Mandeville", "Roger van Boxtel".
static NAME_PARTICLES: WordList = WordList::new(&[
    "bin", "da", "de", "del", "der", "di", "du", "ibn", "van", "von",
]);

/// Capitalised particles that open Arabic and European surnames: "El Abdi", "Van Boxtel".
static CAPITAL_PARTICLES: WordList = WordList::new(&[
    "Abu", "Al", "Ben", "Bin", "De", "Di", "El", "Ibn", "Van", "Von",
]);

/// Words before a name that make it a person ("President Jordan").
static TITLES: WordList = WordList::new(&[
    "Adm",
    "Agent",
    "Ambassador",
    "Archbishop",
    "Assemblyman",
    "Assemblywoman",
    "Bishop",
    "Brig",
    "Capt",
    "Captain",
    "Cardinal",
    "Chairman",
    "Chairwoman",
    "Chancellor",
    "Coach",
    "Col",
    "Colonel",
    "Commander",
    "Commissioner",
    "Congressman",
    "Congresswoman",
    "Councillor",
    "Councilman",
    "Councilwoman",
    "Cpl",
    "Dame",
    "Detective",
    "Director",
    "Doctor",
    "Dr",
    "Emir",
    "Father",
    "Gen",
    "General",
    "Gov",
    "Governor",
    "Imam",
    "Judge",
    "Justice",
    "King",
    "Lady",
    "Lieutenant",
    "Lord",
    "Lt",
    "Maj",
    "Mayor",
    "Minister",
    "Miss",
    "Mr",
    "Mrs",
    "Ms",
    "Officer",
    "Pastor",
    "Pope",
    "Premier",
    "President",
    "Prince",
    "Princess",
    "Prof",
    "Professor",
    "Queen",
    "Rabbi",
    "Rep",
    "Reps",
    "Rev",
    "Sec",
    "Secretary",
    "Sen",
    "Sens",
    "Senator",
    "Sgt",
    "Sheikh",
    "Sheriff",
    "Sir",
    "Speaker",
    "Spokesman",
    "Spokeswoman",
    "Superintendent",
    "Supt",
]);

/// Month, weekday and holiday names, their abbreviations, and God: capitalised, and never a
/// place alone ("March", "August", "Nov.", "Christmas").
static CALENDAR: WordList = WordList::new(&[
    "Allah",
    "Apr",
    "April",
    "Aug",
    "August",
    "Christ",
    "Christmas",
    "Dec",
    "December",
    "Diwali",
    "Easter",
    "Feb",
    "February",
    "Fri",
    "Friday",
    "God",
    "Halloween",
    "Hanukkah",
    "Jan",
    "January",
    "Jesus",
    "Jul",
    "July",
    "Jun",
    "June",
    "Mar",
    "March",
    "May",
    "Mon",
    "Monday",
    "Nov",
    "November",
    "Oct",
    "October",
    "Passover",
    "Ramadan",
    "Sat",
    "Saturday",
    "Sep",
    "Sept",
    "September",
    "Sun",
    "Sunday",
    "Thanksgiving",
    "Thu",
    "Thursday",
    "Tue",
    "Tuesday",
    "Wed",
    "Wednesday",
]);

/// Peoples and faiths named without a land of their own: never a place, whatever town or
/// region shares the word ("Jewish" is no Jewish Autonomous Oblast, "Arab" no Arab, Alabama).
static PEOPLES: WordList = WordList::new(&[
    "Arab",
    "Arabs",
    "Berber",
    "Berbers",
    "Buddhist",
    "Buddhists",
    "Catholic",
    "Catholics",
    "Christian",
    "Christians",
    "Druze",
    "Hindu",
    "Hindus",
    "Hispanic",
    "Hispanics",
    "Jew",
    "Jewish",
    "Jews",
    "Kurd",
    "Kurdish",
    "Kurds",
    "Latina",
    "Latinas",
    "Latino",
    "Latinos",
    "Muslim",
    "Muslims",
    "Roma",
    "Shia",
    "Shiite",
    "Shiites",
    "Sikh",
    "Sikhs",
    "Sunni",
    "Sunnis",
    "Yazidi",
    "Yazidis",
]);

/// Words after a name that make it a body's, not a town's ("Gallup poll", "Forbes magazine",
/// "Wagner mercenaries").
static BODY_NOUNS: WordList = WordList::new(&[
    "poll",
    "polls",
    "survey",
    "magazine",
    "newspaper",
    "group",
    "mercenaries",
    "fighters",
    "staff",
    "research",
    "institute",
    "foundation",
]);

/// Verbs after a country or capital that make it stand for its government ("Moscow said").
static AGENT_VERBS: WordList = WordList::new(&[
    "said",
    "says",
    "say",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "announced",
    "accused",
    "accuses",
    "warned",
    "denied",
    "denies",
    "claimed",
    "rejected",
    "agreed",
    "wants",
    "want",
    "plans",
    "demanded",
    "threatened",
    "launched",
    "responded",
    "insisted",
    "refused",
    "signed",
    "sent",
    "sees",
    "stands",
    "vowed",
    "urged",
    "blamed",
    "blames",
    "condemned",
    "criticized",
    "criticised",
    "called",
    "reported",
    "confirmed",
    "shelled",
    "fired",
    "expelled",
    "ordered",
    "has",
    "have",
]);

/// Verbs around a name that make a small place a person ("Nelson says", "said Allen").
static PERSON_VERBS: WordList = WordList::new(&[
    "said",
    "says",
    "told",
    "tells",
    "explains",
    "explained",
    "added",
    "adds",
    "concedes",
    "conceded",
    "thinks",
    "recalled",
    "recalls",
    "wrote",
    "writes",
    "tweeted",
    "asked",
    "asks",
    "noted",
    "notes",
]);

/// Last words that make a capitalised phrase a named feature ("Royal Street", "Holy Redeemer
/// Church").
static FEATURE_HEADS: WordList = WordList::new(&[
    "Abbey",
    "Academy",
    "Airport",
    "Arena",
    "Ave",
    "Avenue",
    "Barracks",
    "Basilica",
    "Bay",
    "Beach",
    "Blvd",
    "Borough",
    "Boulevard",
    "Bridge",
    "Canal",
    "Canyon",
    "Castle",
    "Cathedral",
    "Cemetery",
    "Center",
    "Centre",
    "Chapel",
    "Church",
    "Clinic",
    "Club",
    "College",
    "Complex",
    "Consulate",
    "County",
    "Court",
    "Courthouse",
    "Creek",
    "Delta",
    "Desert",
    "Drive",
    "Elementary",
    "Embassy",
    "Estate",
    "Expressway",
    "Falls",
    "Farm",
    "Farms",
    "Forest",
    "Freeway",
    "Gallery",
    "Garden",
    "Gardens",
    "Graveyard",
    "Harbor",
    "Harbour",
    "Heights",
    "Highway",
    "Hill",
    "Hills",
    "Hospital",
    "Hotel",
    "Inn",
    "Island",
    "Islands",
    "Jail",
    "Lake",
    "Lane",
    "Library",
    "Mall",
    "Market",
    "Monastery",
    "Mosque",
    "Motel",
    "Mountain",
    "Mountains",
    "Museum",
    "Palace",
    "Parish",
    "Park",
    "Parkway",
    "Peninsula",
    "Pier",
    "Plantation",
    "Plaza",
    "Prison",
    "Quarter",
    "Racecourse",
    "Railroad",
    "Railway",
    "Rd",
    "Resort",
    "River",
    "Road",
    "School",
    "Speedway",
    "Square",
    "St",
    "Stadium",
    "Station",
    "Street",
    "Synagogue",
    "Temple",
    "Terminal",
    "Theater",
    "Theatre",
    "Tower",
    "Township",
    "Tunnel",
    "University",
    "Valley",
    "Village",
    "Zoo",
]);

/// First words that make a capitalised phrase a named feature ("Lake Manassas", "Rue Casa
/// Calvo"), and those that do with "of" ("University of Alberta", "Embassy of ...").
static FEATURE_PREFIXES: WordList = WordList::new(&["Hotel", "Lake", "Mount", "Mt", "Rue"]);
static FEATURE_PREFIXES_OF: WordList = WordList::new(&[
    "Bay",
    "Cathedral",
    "Church",
    "Embassy",
    "Gulf",
    "Isle",
    "Museum",
    "University",
]);

/// Heads of roads and natural features, which any name may carry ("Desire Street", "River
/// Avenue"); the others name institutions and need a proper name ("Holy Redeemer Church", not
/// "Supreme Court").
static OPEN_HEADS: WordList = WordList::new(&[
    "Ave",
    "Avenue",
    "Bay",
    "Beach",
    "Blvd",
    "Borough",
    "Boulevard",
    "Bridge",
    "Canal",
    "Canyon",
    "County",
    "Creek",
    "Delta",
    "Desert",
    "Drive",
    "Expressway",
    "Falls",
    "Forest",
    "Freeway",
    "Harbor",
    "Harbour",
    "Heights",
    "Highway",
    "Hill",
    "Hills",
    "Island",
    "Islands",
    "Lake",
    "Lane",
    "Mountain",
    "Mountains",
    "Parish",
    "Parkway",
    "Peninsula",
    "Quarter",
    "Rd",
    "River",
    "Road",
    "Square",
    "St",
    "Street",
    "Township",
    "Tunnel",
    "Valley",
]);

/// Heads of a country's mission abroad: the place named inside is its owner, not where it is
/// ("British Embassy", "Embassy of Armenia").
static MISSION_HEADS: WordList = WordList::new(&["Consulate", "Embassy"]);

/// Heads written with an abbreviation dot ("Collins St.").
static DOTTED_HEADS: WordList = WordList::new(&["Ave", "Blvd", "Mt", "Rd", "St"]);

/// Heads of roads, which may carry a direction after them ("Eglinton Avenue West").
static ROAD_HEADS: WordList = WordList::new(&[
    "Ave",
    "Avenue",
    "Blvd",
    "Boulevard",
    "Drive",
    "Rd",
    "Road",
    "St",
    "Street",
]);
static DIRECTIONS: WordList = WordList::new(&["East", "North", "South", "West"]);

/// Words that never start a feature's name ("The Church", "This Street").
static DETERMINERS: WordList = WordList::new(&[
    "A", "An", "Each", "Every", "Her", "His", "Its", "My", "No", "Our", "Some", "That", "The",
    "Their", "These", "This", "Those", "Your",
]);

/// A town smaller than this gives way to a named feature of the same name ("Orange County",
/// "Crown Heights").
const SMALL_TOWN: u32 = 5_000;
/// A city at least this large is known well enough that its name alone makes it a place, even
/// when the name is also a word ("Mobile", "Reading").
const LARGE_CITY: u32 = 100_000;
/// ... this large when the name is also an English word ("Orange line", "Bath"): "Reading"
/// and "Mobile" need "in" ...
const WORD_CITY: u32 = 500_000;
/// ... this large when it is also a first name ("Mary", "Florence") ...
const NAME_CITY: u32 = 200_000;
/// ... and this large when it is also a surname ("Lincoln", "Jackson" are people first).
const HUGE_CITY: u32 = 1_000_000;

/// Finds place-name candidates in a tokenised text.
///
/// ```
/// use claimmap::geo::{recognize, Gazetteer, WordLexicon};
/// use claimmap::text::tokenize;
/// let (g, lexicon) = (Gazetteer::bundled().unwrap(), WordLexicon::bundled());
/// let text = "Kim Jong Un visited North Korea’s border with China.";
/// let mut tokens = Vec::new();
/// tokenize(text, &mut tokens);
/// let names: Vec<&str> = recognize(text, &tokens, &[0], &g, &lexicon)
///     .iter()
///     .map(|c| c.span.slice(text))
///     .collect();
/// assert_eq!(names, ["North Korea", "China"]);
/// ```
pub fn recognize(
    text: &str,
    tokens: &[Token],
    sentence_starts: &[usize],
    gazetteer: &Gazetteer,
    lexicon: &WordLexicon,
) -> Vec<Candidate> {
    let mut r = Recognizer {
        text,
        tokens,
        gazetteer,
        lexicon,
        key: String::new(),
        part: String::new(),
    };
    let mut initial = vec![false; tokens.len()];
    for &s in sentence_starts {
        if s < tokens.len() {
            initial[s] = true;
        }
    }
    for i in 1..tokens.len() {
        if tokens[i - 1].kind == TokenKind::Quote || tokens[i].is_line_start() {
            initial[i] = true;
        }
    }
    let title_case = title_case_lines(tokens);
    // asked twice of most capitalised words (for the document's persons, then in this loop),
    // and it may probe the gazetteer: once each
    let starts_person: Vec<bool> = (0..tokens.len())
        .map(|i| tokens[i].is_word() && tokens[i].is_capitalized() && r.starts_person(i))
        .collect();
    let persons = r.persons(&starts_person);
    let mut out: Vec<Candidate> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if let Some(end) = r.numbered_street(i) {
            let c = r.feature_candidate(i, end, i + 1);
            out.push(c);
            i = end + 1;
            continue;
        }
        if !t.is_word() || !t.is_capitalized() {
            i += 1;
            continue;
        }
        let word = t.text(text);
        let run_end = capitalized_run_end(tokens, i);
        let gaz = r.longest_match(i);
        let gaz_end = gaz.as_ref().map_or(i, |(end, _)| *end + 1);

        // a named feature, unless the gazetteer knows the whole name as more than a hamlet
        // ("Orange County" is a county before it is a village in England)
        if let Some((end, head)) = r.feature(i, initial[i])
            && (end + 1 > gaz_end
                || (end + 1 == gaz_end && gaz.as_ref().is_some_and(|(_, g)| r.only_small_towns(g))))
        {
            let c = r.feature_candidate(i, end, head);
            i = end + 1;
            out.push(c);
            continue;
        }

        // people: after a title, or a first name followed by another name
        let titled = r.after_title(i);
        let multiword = gaz_end > i + 1;
        if !multiword && (titled || starts_person[i]) {
            i = r.person_end(i, run_end);
            continue;
        }
        let Some((end, readings)) = gaz else {
            i += 1;
            continue;
        };
        let name = Span::new(t.span.start as usize, tokens[end].span.end as usize);
        let mut key = String::new();
        normalize_into(name.slice(text), &mut key);

        // which readings the way the name is written allows
        let looks_abbreviated = t.is_all_caps() || t.flags & Token::HAS_DOTS != 0;
        // a short ALL-CAPS word is an acronym (UN, CIA, AP): only abbreviations match it
        let acronym = !multiword && t.is_all_caps() && word.chars().count() <= 3;
        let qualifies_previous = i >= 2
            && (tokens[i - 1].is_punct(',') || tokens[i - 1].is_punct('('))
            && out.last().is_some_and(|c| c.tokens.end == i - 1);
        let mut readings: Vec<(GazId, NameKind)> = readings
            .into_iter()
            .filter(|&(_, k)| k != NameKind::Abbreviation || looks_abbreviated || multiword)
            .filter(|&(_, k)| k != NameKind::Postal || qualifies_previous)
            .filter(|&(_, k)| !acronym || matches!(k, NameKind::Abbreviation | NameKind::Postal))
            .collect();
        // right after a place, a postal abbreviation is what the name is ("Springfield, Ill.")
        if readings.iter().any(|&(_, k)| k == NameKind::Postal) {
            readings.retain(|&(_, k)| k == NameKind::Postal);
        }
        if readings.is_empty() {
            i += 1;
            continue;
        }
        // "the Kremlin", "Congress": an institution named by its seat is at the seat's city,
        // never at a namesake town; "Wall Street": a landmark is one place wherever written
        let institution = readings.iter().any(|&(_, k)| k == NameKind::Institution);
        let landmark = readings.iter().any(|&(_, k)| k == NameKind::Landmark);
        if institution || landmark {
            readings.retain(|&(_, k)| matches!(k, NameKind::Institution | NameKind::Landmark));
            // "India's Supreme Court", "the Supreme Court of Pakistan": that place's own
            if landmark && (r.after_possessive_name(i) || r.word_after(end) == Some("of")) {
                i = end + 1;
                continue;
            }
        }
        let postal = readings.iter().all(|&(_, k)| k == NameKind::Postal);
        let demonym = readings.iter().all(|&(_, k)| k.is_demonym());
        let dateline = r.is_dateline(i, end) && !out.iter().any(|c| c.is_dateline);
        let prev = i.checked_sub(1).map(|p| tokens[p]);
        if multiword && r.multiword_is_not_a_place(i, end, run_end) {
            i = run_end;
            continue;
        }
        // "Jewish", "Arab", "Kurdish": a people or a faith, whatever town or region shares
        // the word; "All Progressives Congress": an institution's word inside another name
        if !multiword && (PEOPLES.contains(word) || (institution && r.after_name_word(i))) {
            i += 1;
            continue;
        }
        if !multiword && !postal && !dateline {
            let strong_context = prev.is_some_and(|p| STRONG_PREPOSITIONS.contains(p.text(text)));
            let place_context = strong_context
                || prev.is_some_and(|p| WEAK_PLACE_WORDS.contains(p.text(text)))
                || r.followed_by_place_qualifier(end);
            let p = r.prominence(&readings);
            let lower = word.to_lowercase();
            let headline = title_case[i];
            let next_capitalized = tokens
                .get(end + 1)
                .is_some_and(|n| n.is_word() && n.is_capitalized() && n.has_space_before());
            let keep = if CALENDAR.contains(word) || TITLES.contains(word) || r.is_handle(i) {
                false
            } else if institution {
                // ("the Kremlin said" is the institution: what the article guard below is for)
                true
            } else if demonym {
                // "French", "Kurdish": a people or a language, not a word; "African American"
                // is an American
                !persons.contains(word) && !r.before_american(end)
            } else if r.after_article(i)
                && (p.is_minor() || (!p.is_country && r.ends_clause_subject(end)))
            {
                // "the Duma calling", "the Centre asked": an institution, not the place
                false
            } else if persons.contains(word) {
                (p.is_country || p.is_region) && place_context
            } else if lexicon.is_common_word(&lower) {
                (p.is_country && (looks_abbreviated || !headline)) || (strong_context && !headline)
            } else if lexicon.is_lowercase_word(&lower) {
                // only the place's own name: "Rail" is no alternate name of a city; and no
                // modifier of the next name ("South Venezuela")
                readings.retain(|&(_, k)| k != NameKind::Alternate);
                let p = r.prominence(&readings);
                !readings.is_empty()
                    && !next_capitalized
                    && (p.is_country
                        || (p.city >= WORD_CITY && !headline && !initial[i])
                        || (strong_context && !headline))
            } else if lexicon.is_surname(word) {
                p.is_country || p.city >= HUGE_CITY || place_context
            } else if lexicon.is_first_name(word) {
                p.is_country
                    || p.city >= NAME_CITY
                    || place_context
                    || (p.is_region && !r.speaks(i, end))
            } else if r.speaks(i, end) {
                p.is_country || p.is_region || p.city >= HUGE_CITY || place_context
            } else if (p.is_minor() || only_alternates(&readings)) && r.inside_name(i, end) {
                false
            } else if p.is_minor() && r.after_name_word(i) {
                // "Federal Reserve": a town's name that ends another name
                false
            } else if only_alternates(&readings) && !p.is_country && !p.is_region {
                // GeoNames' other names of a town ("Li", "Igbo") need the text's help
                p.city >= LARGE_CITY || place_context
            } else {
                p.is_country || p.is_region || !t.is_all_caps() || initial[i]
            };
            if !keep {
                i += 1;
                continue;
            }
        }
        let mut span = name;
        let mut last = end;
        // "Ill." keeps its dot
        if postal
            && !t.is_all_caps()
            && !looks_abbreviated
            && tokens.get(end + 1).is_some_and(|n| n.is_punct('.'))
            && !tokens[end + 1].has_space_before()
        {
            last = end + 1;
            span = Span::new(name.start as usize, tokens[last].span.end as usize);
        }
        let role = if demonym {
            MentionRole::Demonym
        } else if r.is_agent(end, &readings) {
            MentionRole::Metonym
        } else {
            MentionRole::Literal
        };
        out.push(Candidate {
            span,
            tokens: i..last + 1,
            key,
            readings,
            role,
            is_feature: landmark,
            is_dateline: dateline,
        });
        i = last + 1;
    }
    out
}

/// How well known the readings of a name are: what it takes for the name alone to count.
#[derive(Clone, Copy, Debug, Default)]
struct Prominence {
    /// A country, continent, sea or curated area.
    is_country: bool,
    /// A first-level division.
    is_region: bool,
    /// The largest city's population; a capital counts as huge.
    city: u32,
}

impl Prominence {
    /// Only small towns: a name that needs the text's help to be a place.
    fn is_minor(self) -> bool {
        !self.is_country && !self.is_region && self.city < LARGE_CITY
    }
}

struct Recognizer<'a> {
    text: &'a str,
    tokens: &'a [Token],
    gazetteer: &'a Gazetteer,
    lexicon: &'a WordLexicon,
    key: String,
    part: String,
}

impl<'a> Recognizer<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// The longest gazetteer name starting at token `i`: its last token and readings.
    fn longest_match(&mut self, i: usize) -> Option<(usize, Vec<(GazId, NameKind)>)> {
        let (tokens, text) = (self.tokens, self.text);
        let mut best: Option<(usize, Vec<(GazId, NameKind)>)> = None;
        normalize_into(tokens[i].text(text), &mut self.key);
        let mut j = i;
        loop {
            let ends_in_hyphen = tokens[j].text(text).ends_with('-');
            let (found, continues) = self.gazetteer.lookup_continuing(&self.key);
            let mut readings: Vec<(GazId, NameKind)> = found.collect();
            if readings.is_empty() {
                readings = self.demonym_of_stem();
            }
            // "The Post", "Mississippi State": words that are only another name of a town
            // (GeoNames gives them to Evergreen, Colorado, and to a college town) are no
            // name of their own; a shorter one may be
            let town_alias = j > i
                && only_alternates(&readings)
                && self.prominence(&readings).is_minor()
                && !self.after_strong_preposition(i);
            if !readings.is_empty() && !ends_in_hyphen && !town_alias {
                best = Some((j, readings));
            }
            if !continues {
                break;
            }
            // the next word of the name: adjacent, through a hyphen, an abbreviation's dot
            // ("St. Louis") or a space
            let mut k = j + 1;
            if k < tokens.len()
                && (tokens[k].kind == TokenKind::Hyphen
                    || (tokens[k].is_punct('.')
                        && !tokens[k].has_space_before()
                        && tokens[j].text(text).len() <= 3))
            {
                k += 1;
            }
            if k >= tokens.len() || !tokens[k].is_word() || tokens[k].is_line_start() {
                break;
            }
            let w = tokens[k].text(text);
            if !tokens[k].is_capitalized() && !CONNECTORS.contains(w) {
                break;
            }
            normalize_into(w, &mut self.part);
            self.key.push(' ');
            self.key.push_str(&self.part);
            j = k;
        }
        best
    }

    /// "Londoners", "Ontarians", "New Yorkers": a people named after a place the gazetteer
    /// holds under its own name (a country, a region or a large city).
    fn demonym_of_stem(&self) -> Vec<(GazId, NameKind)> {
        let key = self.key.as_str();
        let stems: &[(&str, &[&str])] = &[
            ("ers", &[""]),
            ("ians", &["ia", "io", "a", ""]),
            ("ans", &["a", "as", ""]),
        ];
        let Some((suffix, ends)) = stems.iter().find(|(s, _)| key.ends_with(s)) else {
            return Vec::new();
        };
        let stem = &key[..key.len() - suffix.len()];
        if stem.len() < 3 {
            return Vec::new();
        }
        let mut buf = String::with_capacity(key.len());
        for end in *ends {
            buf.clear();
            buf.push_str(stem);
            buf.push_str(end);
            let found: Vec<(GazId, NameKind)> = self
                .gazetteer
                .lookup(&buf)
                .filter(|&(id, k)| {
                    let e = self.gazetteer.facts(id);
                    k == NameKind::Primary
                        && (matches!(e.kind, PlaceKind::Country | PlaceKind::Region)
                            || e.population >= LARGE_CITY)
                })
                .map(|(id, _)| (id, NameKind::Demonym))
                .collect();
            if !found.is_empty() {
                return found;
            }
        }
        Vec::new()
    }

    fn prominence(&self, readings: &[(GazId, NameKind)]) -> Prominence {
        let mut p = Prominence::default();
        for &(id, _) in readings {
            let e = self.gazetteer.facts(id);
            match e.kind {
                PlaceKind::Country | PlaceKind::Continent | PlaceKind::Sea | PlaceKind::Area => {
                    p.is_country = true
                }
                PlaceKind::Region => p.is_region = true,
                PlaceKind::City | PlaceKind::Feature => {
                    let pop = if e.is_capital() {
                        u32::MAX
                    } else {
                        e.population
                    };
                    p.city = p.city.max(pop);
                }
            }
        }
        p
    }

    fn only_small_towns(&self, readings: &[(GazId, NameKind)]) -> bool {
        readings.iter().all(|&(id, _)| {
            let e = self.gazetteer.facts(id);
            e.kind == PlaceKind::City && e.population < SMALL_TOWN
        })
    }

    /// A title right before token `i` ("President", "Gov.").
    fn after_title(&self, i: usize) -> bool {
        let t = self.tokens;
        (i >= 1 && t[i - 1].is_word() && TITLES.contains(self.word(i - 1)))
            || (i >= 2
                && t[i - 1].is_punct('.')
                && t[i - 2].is_word()
                && TITLES.contains(self.word(i - 2)))
    }

    /// The capitalised word right after token `i` in the same name.
    fn next_name_word(&self, i: usize) -> Option<usize> {
        let n = self.tokens.get(i + 1)?;
        (n.is_word() && n.is_capitalized() && n.has_space_before() && !n.is_line_start())
            .then_some(i + 1)
    }

    /// Token `i` is a first name that starts a person's name: another name follows, and it is
    /// not a place that the next word modifies ("Georgia Tech", "Chad President").
    fn starts_person(&self, i: usize) -> bool {
        let t = self.tokens[i];
        if t.is_all_caps() || !self.lexicon.is_first_name(self.word(i)) {
            return false;
        }
        let Some(n) = self.next_name_word(i) else {
            return false;
        };
        let next = self.word(n);
        if TITLES.contains(next) || FEATURE_HEADS.contains(next) {
            return false;
        }
        let mut key = String::new();
        normalize_into(self.word(i), &mut key);
        let is_place = self.gazetteer.lookup(&key).any(|(id, k)| {
            let e = self.gazetteer.facts(id);
            k == NameKind::Primary
                && (e.kind != PlaceKind::City || e.population >= LARGE_CITY || e.is_capital())
        });
        !(is_place && self.lexicon.is_lowercase_word(&next.to_lowercase()))
    }

    /// The words of every person's name in the document: after a title, and after a first
    /// name that starts a person ("Dewly Nelson" makes "Nelson" a person throughout).
    /// `starts_person` is [`Recognizer::starts_person`] of every token.
    fn persons(&self, starts_person: &[bool]) -> HashSet<&'a str> {
        let mut set = HashSet::new();
        let mut i = 0;
        while i < self.tokens.len() {
            let t = self.tokens[i];
            if !t.is_word() || !t.is_capitalized() || t.is_all_caps() {
                i += 1;
                continue;
            }
            let start = if starts_person[i] {
                i + 1
            } else if self.after_title(i) {
                i
            } else if self.ends_in_town_surname(i) {
                // "Merrick Garland": the town's name is his throughout
                set.insert(self.word(i + 1));
                i += 2;
                continue;
            } else if self.names_body(i) {
                // "a Gallup poll", "Forbes magazine": the town's name is the body's throughout
                set.insert(self.word(i));
                i += 1;
                continue;
            } else {
                i += 1;
                continue;
            };
            let end = self.person_end(i, capitalized_run_end(self.tokens, i));
            for k in start..end {
                if self.tokens[k].is_word() && !FEATURE_HEADS.contains(self.word(k)) {
                    set.insert(self.word(k));
                }
            }
            i = end;
        }
        set
    }

    /// "Gallup poll", "Forbes magazine", "Wagner mercenaries": a town's name before what
    /// names a body is the body's.
    fn names_body(&self, i: usize) -> bool {
        let Some(n) = self
            .tokens
            .get(i + 1)
            .filter(|n| n.is_word() && n.has_space_before())
        else {
            return false;
        };
        if !BODY_NOUNS.contains(&n.text(self.text).to_lowercase()) {
            return false;
        }
        let mut key = String::new();
        normalize_into(self.word(i), &mut key);
        let readings: Vec<(GazId, NameKind)> = self.gazetteer.lookup(&key).collect();
        !readings.is_empty() && self.prominence(&readings).is_minor()
    }

    /// "Merrick Garland", "Ashton Carter": two capitalised words, the second only a town's
    /// name, the first neither a place nor a word nor a title, and the two no place together.
    /// The first name is one the lexicon does not know, so the pair is a person's name.
    fn ends_in_town_surname(&self, i: usize) -> bool {
        let t = self.tokens;
        if capitalized_run_end(t, i) != i + 2 || !t[i + 1].is_word() || t[i + 1].is_all_caps() {
            return false;
        }
        let (first, last) = (self.word(i), self.word(i + 1));
        let not_a_name = |w: &str| {
            TITLES.contains(w)
                || CALENDAR.contains(w)
                || DETERMINERS.contains(w)
                || FEATURE_HEADS.contains(w)
                || PEOPLES.contains(w)
        };
        if not_a_name(first) || not_a_name(last) {
            return false;
        }
        let mut key = String::new();
        normalize_into(last, &mut key);
        let mut readings = self.gazetteer.lookup(&key).peekable();
        if readings.peek().is_none()
            || !readings.all(|(id, _)| self.gazetteer.facts(id).kind == PlaceKind::City)
        {
            return false;
        }
        let lower = first.to_lowercase();
        if self.lexicon.is_common_word(&lower)
            || self.lexicon.is_lowercase_word(&lower)
            || self.names_known_place(i, i)
        {
            return false;
        }
        normalize_into(
            &self.text[t[i].span.start as usize..t[i + 1].span.end as usize],
            &mut key,
        );
        self.gazetteer.lookup(&key).next().is_none()
    }

    /// "African American(s)", "Mexican-American": an American people, not the continent's or
    /// the country's.
    fn before_american(&self, end: usize) -> bool {
        let mut k = end + 1;
        if self
            .tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Hyphen)
        {
            k += 1;
        }
        self.tokens
            .get(k)
            .is_some_and(|t| t.is_word() && matches!(t.text(self.text), "American" | "Americans"))
    }

    /// Token `i` follows a place preposition ("in Matias Romero").
    fn after_strong_preposition(&self, i: usize) -> bool {
        i >= 1 && STRONG_PREPOSITIONS.contains(self.word(i - 1))
    }

    /// Token `i` follows a capitalised name's possessive ("India's Supreme Court").
    fn after_possessive_name(&self, i: usize) -> bool {
        let t = self.tokens;
        i >= 2 && t[i - 1].kind == TokenKind::Possessive && t[i - 2].is_capitalized()
    }

    /// Token `i` continues a capitalised name on its line whose word before is no place:
    /// "All Progressives Congress", "African National Congress".
    fn after_name_word(&self, i: usize) -> bool {
        let t = self.tokens;
        i >= 1
            && t[i].has_space_before()
            && !t[i].is_line_start()
            && t[i - 1].is_word()
            && t[i - 1].is_capitalized()
            && !TITLES.contains(self.word(i - 1))
            && !CALENDAR.contains(self.word(i - 1))
            && !DETERMINERS.contains(self.word(i - 1))
            && !FEATURE_HEADS.contains(self.word(i - 1))
            && !STRONG_PREPOSITIONS.contains(&self.word(i - 1).to_lowercase())
            && !matches!(
                self.word(i - 1),
                "With" | "For" | "By" | "Of" | "On" | "And" | "But"
            )
            // ("Federal" names a Brazilian region, but it is a word first)
            && (self.lexicon.is_lowercase_word(&self.word(i - 1).to_lowercase())
                || !self.names_known_place(i - 1, i - 1))
    }

    /// The word right after token `end`, if a word follows.
    fn word_after(&self, end: usize) -> Option<&'a str> {
        let n = self.tokens.get(end + 1)?;
        n.is_word().then(|| n.text(self.text))
    }

    /// "@Gillette", "#Paris": a handle or a tag, not a place.
    fn is_handle(&self, i: usize) -> bool {
        i >= 1
            && !self.tokens[i].has_space_before()
            && matches!(self.tokens[i - 1].first, '@' | '#')
    }

    /// The name sits inside a longer proper name of unknown words ("Li Wenzu", "Ngo Xuan
    /// Lich", "Zen Trinidad", "Marigny de Mandeville", "Johnathan J. Dunbar"): a person or an
    /// organisation, not the small town the word also names.
    fn inside_name(&self, i: usize, end: usize) -> bool {
        let t = self.tokens;
        let is_name_word = |k: usize| {
            t[k].is_word()
                && t[k].is_capitalized()
                && !t[k].is_all_caps()
                && !t[k].is_line_start()
                && !self
                    .lexicon
                    .is_lowercase_word(&t[k].text(self.text).to_lowercase())
                && !FEATURE_HEADS.contains(t[k].text(self.text))
                && !TITLES.contains(t[k].text(self.text))
                && !CALENDAR.contains(t[k].text(self.text))
        };
        let next = end + 1 < t.len() && t[end + 1].has_space_before() && is_name_word(end + 1);
        let prev = i >= 1
            && t[i].has_space_before()
            && !t[i].is_line_start()
            && is_name_word(i - 1)
            && !self.has_place_reading(i - 1);
        let particle = i >= 1 && t[i - 1].is_word() && {
            let w = self.word(i - 1);
            // "Marigny de Mandeville", "Rachid El Abdi"
            (NAME_PARTICLES.contains(w)
                && i >= 2
                && t[i - 2].is_word()
                && t[i - 2].is_capitalized())
                || CAPITAL_PARTICLES.contains(w)
        };
        let initial = i >= 2
            && t[i - 1].is_punct('.')
            && t[i - 2].is_word()
            && t[i - 2].text(self.text).len() == 1
            && t[i - 2].is_capitalized();
        next || prev || particle || initial
    }

    /// Where a person's name that starts at `i` ends, within its capitalised run: before an
    /// abbreviation or a country ("Henry Lazenby US-based", "Jon Huntsman Russia").
    fn person_end(&self, i: usize, run_end: usize) -> usize {
        (i + 1..run_end)
            .find(|&k| {
                let t = self.tokens[k];
                t.is_word()
                    && ((t.is_all_caps() && t.text(self.text).len() >= 2) || self.names_country(k))
            })
            .unwrap_or(run_end)
    }

    /// Tokens `i..=k` are a gazetteer name for a country, a region or a large city.
    fn names_known_place(&self, i: usize, k: usize) -> bool {
        let mut key = String::new();
        normalize_into(
            &self.text[self.tokens[i].span.start as usize..self.tokens[k].span.end as usize],
            &mut key,
        );
        let readings: Vec<(GazId, NameKind)> = self.gazetteer.lookup(&key).collect();
        !readings.is_empty() && !self.prominence(&readings).is_minor()
    }

    fn names_country(&self, k: usize) -> bool {
        let mut key = String::new();
        normalize_into(self.word(k), &mut key);
        self.gazetteer
            .lookup(&key)
            .any(|(id, _)| self.gazetteer.facts(id).kind == PlaceKind::Country)
    }

    /// The word is a place under its own name (not one of GeoNames' transliterations).
    fn has_place_reading(&self, k: usize) -> bool {
        let mut key = String::new();
        normalize_into(self.word(k), &mut key);
        self.gazetteer
            .lookup(&key)
            .any(|(_, n)| n != NameKind::Alternate)
    }

    /// "the Centre", "the Duma": a small town or a region does not take an article.
    fn after_article(&self, i: usize) -> bool {
        i >= 1 && matches!(self.word(i - 1), "the")
    }

    /// The word after the name is punctuation or a verb or function word: the name is a noun
    /// phrase's head ("the Centre asked"), not a modifier ("the Amsterdam airport").
    fn ends_clause_subject(&self, end: usize) -> bool {
        static FOLLOWERS: WordList = WordList::new(&[
            "asked", "calling", "claimed", "for", "had", "has", "in", "is", "of", "on", "said",
            "to", "was", "will", "would",
        ]);
        self.tokens.get(end + 1).is_none_or(|n| {
            matches!(n.first, ',' | '.' | ';' | ':' | ')')
                || (n.is_word() && !n.is_capitalized() && FOLLOWERS.contains(n.text(self.text)))
        })
    }

    /// A multi-word gazetteer name that is a person's or an organisation's: it starts with a
    /// first name and the capitalised run goes on past it ("Luis Antonio Cardinal Tagle"), or
    /// it is an article and common words ("The city").
    fn multiword_is_not_a_place(&self, i: usize, end: usize, run_end: usize) -> bool {
        let first = self.word(i);
        if DETERMINERS.contains(first) {
            return !self.tokens[i + 1..=end]
                .iter()
                .any(|t| t.is_word() && t.is_capitalized());
        }
        self.tokens[i..=end].iter().all(|t| {
            let w = t.text(self.text);
            !t.is_word() || self.lexicon.is_first_name(w) || self.lexicon.is_surname(w)
        }) && run_end > end + 1
            && !FEATURE_HEADS.contains(self.word(end + 1))
            && !self.tokens[end + 1].is_all_caps()
    }

    /// A small place that speaks is a person: "Nelson says", "said Allen".
    fn speaks(&self, i: usize, end: usize) -> bool {
        let after = self
            .tokens
            .get(end + 1)
            .is_some_and(|n| n.is_word() && PERSON_VERBS.contains(n.text(self.text)));
        let before =
            i >= 1 && self.tokens[i - 1].is_word() && PERSON_VERBS.contains(self.word(i - 1));
        after || before
    }

    /// A country, capital or region followed by a verb of agency stands for its government
    /// or people ("Moscow said", "Turkey shelled").
    fn is_agent(&self, end: usize, readings: &[(GazId, NameKind)]) -> bool {
        let mut k = end + 1;
        if self
            .tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Possessive)
        {
            return false;
        }
        if self
            .tokens
            .get(k)
            .is_some_and(|t| t.is_word() && t.text(self.text) == "also")
        {
            k += 1;
        }
        let verb = self.tokens.get(k).is_some_and(|n| {
            n.is_word() && !n.is_capitalized() && AGENT_VERBS.contains(n.text(self.text))
        });
        let p = self.prominence(readings);
        verb && (p.is_country || p.is_region || p.city >= LARGE_CITY)
    }

    /// "Kursk, Russia": a comma and a country or region name right after.
    fn followed_by_place_qualifier(&self, end: usize) -> bool {
        let (Some(c), Some(n)) = (self.tokens.get(end + 1), self.tokens.get(end + 2)) else {
            return false;
        };
        if !c.is_punct(',') || !n.is_word() || !n.is_capitalized() {
            return false;
        }
        let key = crate::text::normalize(n.text(self.text));
        self.gazetteer.lookup(&key).any(|(id, k)| {
            k == NameKind::Postal
                || matches!(
                    self.gazetteer.facts(id).kind,
                    PlaceKind::Country | PlaceKind::Region
                )
        })
    }

    /// The name opens the article as its dateline: near the start, at the start of a line or
    /// in capitals, and followed by a comma, a bracket or a dash ("BEIRUT (AP) —",
    /// "SPRINGFIELD, Ill.", "Moscow, SANA -").
    fn is_dateline(&self, i: usize, end: usize) -> bool {
        const DATELINE_REACH: u32 = 300;
        let t = self.tokens;
        if t[i].span.start > DATELINE_REACH {
            return false;
        }
        let caps = t[i..=end].iter().all(|t| !t.is_word() || t.is_all_caps());
        let Some(n) = t.get(end + 1) else {
            return false;
        };
        let comma = n.is_punct(',') || n.is_punct('(');
        let dash = matches!(n.kind, TokenKind::Dash | TokenKind::Hyphen);
        (t[i].is_line_start() && (comma || dash)) || (caps && comma)
    }

    /// A named feature starting at token `i`: the index of its last token and of its head.
    fn feature(&self, i: usize, sentence_initial: bool) -> Option<(usize, usize)> {
        let (tokens, text) = (self.tokens, self.text);
        let first = self.word(i);
        if DETERMINERS.contains(first)
            || TITLES.contains(first)
            || CALENDAR.contains(first)
            || tokens[i].is_all_caps()
        {
            return None;
        }
        // "Local Church officials": a sentence may start with a word; a road or a county may
        // still be named by one ("Orange County is ...")
        let initial_word = sentence_initial && self.lexicon.is_common_word(&first.to_lowercase());
        let prefix = FEATURE_PREFIXES.contains(first);
        let prefix_of = FEATURE_PREFIXES_OF.contains(first)
            && tokens.get(i + 1).is_some_and(|t| t.text(text) == "of");
        let mut last_head = None;
        let mut last_name;
        let mut k = i;
        loop {
            let w = self.word(k);
            // "St. Gregory", "Mt Kenya": a saint or a mountain's title, not a street
            let title_of_next = matches!(w, "St" | "Mt") && {
                let mut n = k + 1;
                if tokens.get(n).is_some_and(|t| t.is_punct('.')) {
                    n += 1;
                }
                tokens
                    .get(n)
                    .is_some_and(|t| t.is_word() && t.is_capitalized())
            };
            if k > i && FEATURE_HEADS.contains(w) && !title_of_next {
                last_head = Some(k);
            }
            last_name = k;
            // the next name word: after a space, a hyphen, a possessive or connectors
            let mut n = k + 1;
            if DOTTED_HEADS.contains(w) && tokens.get(n).is_some_and(|t| t.is_punct('.')) {
                n += 1;
            }
            if tokens.get(n).is_some_and(|t| {
                matches!(t.kind, TokenKind::Hyphen | TokenKind::Possessive) && !t.has_space_before()
            }) {
                // "Britain’s High Court": what a known place owns is no feature of its name
                if tokens[n].kind == TokenKind::Possessive && self.names_known_place(i, k) {
                    break;
                }
                n += 1;
            }
            while tokens
                .get(n)
                .is_some_and(|t| t.is_word() && FEATURE_CONNECTORS.contains(t.text(text)))
            {
                n += 1;
            }
            let Some(next) = tokens.get(n) else { break };
            let elided = next.is_word() && is_elided_article(next.text(text));
            if !next.is_word()
                || !(next.is_capitalized() || elided)
                || next.is_line_start()
                || TITLES.contains(next.text(text))
                || CALENDAR.contains(next.text(text))
            {
                break;
            }
            k = n;
        }
        if let Some(h) = last_head
            && !OPEN_HEADS.contains(self.word(h))
            && initial_word
        {
            return None;
        }
        if let Some(h) = last_head
            && !OPEN_HEADS.contains(self.word(h))
            && !(i..h).any(|k| {
                let t = tokens[k];
                t.is_word()
                    && t.is_capitalized()
                    && !self.lexicon.is_lowercase_word(&t.text(text).to_lowercase())
            })
        {
            return None;
        }
        let end = match last_head {
            Some(h) => {
                // "Eglinton Avenue West"
                let w = self.word(h);
                let mut end = h;
                if DOTTED_HEADS.contains(w) && tokens.get(h + 1).is_some_and(|t| t.is_punct('.')) {
                    end = h + 1;
                }
                if ROAD_HEADS.contains(w)
                    && end == h
                    && h < last_name
                    && tokens.get(h + 1).is_some_and(|t| {
                        t.is_word() && DIRECTIONS.contains(t.text(text)) && t.has_space_before()
                    })
                {
                    end = h + 1;
                }
                end
            }
            None if prefix && last_name > i => last_name,
            // "University of Alberta", not "Church of Creator"
            None if prefix_of && (i + 2..=last_name).any(|k| self.has_place_reading(k)) => {
                last_name
            }
            None => return None,
        };
        Some((end, last_head.unwrap_or(i)))
    }

    /// "14th St.", "22nd Avenue": an ordinal and a road head; the index of the last token.
    fn numbered_street(&self, i: usize) -> Option<usize> {
        let w = self.tokens[i].text(self.text);
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || !matches!(&w[digits..], "st" | "nd" | "rd" | "th") {
            return None;
        }
        let head = self.tokens.get(i + 1)?;
        if !head.has_space_before() || !ROAD_HEADS.contains(head.text(self.text)) {
            return None;
        }
        let dotted = self.tokens.get(i + 2).is_some_and(|t| t.is_punct('.'))
            && DOTTED_HEADS.contains(head.text(self.text));
        Some(if dotted { i + 2 } else { i + 1 })
    }

    /// The candidate for the feature over tokens `i..=end`; its readings are those of the
    /// first place named inside it, other than by a demonym ("Manila" in "Manila Cathedral",
    /// not "British" in "British Embassy").
    fn feature_candidate(&mut self, i: usize, end: usize, head: usize) -> Candidate {
        let span = Span::new(
            self.tokens[i].span.start as usize,
            self.tokens[end].span.end as usize,
        );
        let mission = MISSION_HEADS.contains(self.word(head))
            || (FEATURE_PREFIXES_OF.contains(self.word(i)) && MISSION_HEADS.contains(self.word(i)));
        let mut readings = Vec::new();
        let mut k = i;
        while k <= end && !mission {
            if k != head
                && self.tokens[k].is_word()
                && self.tokens[k].is_capitalized()
                && let Some((e, r)) = self.longest_match(k)
            {
                let places: Vec<(GazId, NameKind)> = r
                    .into_iter()
                    .filter(|&(_, n)| matches!(n, NameKind::Primary | NameKind::Alternate))
                    .collect();
                let w = self.word(k);
                let word_like = e == k
                    && (self.lexicon.is_lowercase_word(&w.to_lowercase())
                        || self.lexicon.is_first_name(w)
                        || self.lexicon.is_surname(w))
                    && self.prominence(&places).is_minor();
                if !places.is_empty() && e <= end && e != head && !word_like {
                    readings = places;
                    break;
                }
                k = e + 1;
                continue;
            }
            k += 1;
        }
        let mut key = String::new();
        normalize_into(span.slice(self.text), &mut key);
        Candidate {
            span,
            tokens: i..end + 1,
            key,
            readings,
            role: MentionRole::Literal,
            is_feature: true,
            is_dateline: false,
        }
    }
}

/// Every reading uses another name of its place: GeoNames' transliterations ("Xie", "Yang")
/// are no evidence inside a person's name.
fn only_alternates(readings: &[(GazId, NameKind)]) -> bool {
    readings.iter().all(|&(_, k)| k == NameKind::Alternate)
}

/// "d’Enghein", "l'Étoile": a lower-case elided article before a capitalised name.
fn is_elided_article(w: &str) -> bool {
    let mut c = w.chars();
    matches!(c.next(), Some('d' | 'l'))
        && matches!(c.next(), Some('\'' | '’'))
        && c.next().is_some_and(char::is_uppercase)
}

/// Per token: whether its line is written in Title Case (a headline), where capitals say
/// nothing about names.
fn title_case_lines(tokens: &[Token]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut a = 0;
    while a < tokens.len() {
        let mut b = a + 1;
        while b < tokens.len() && !tokens[b].is_line_start() {
            b += 1;
        }
        let (mut long, mut caps) = (0, 0);
        for t in &tokens[a..b] {
            // counted without a branch: whether a word is long is a coin toss per token
            let is_long = t.is_word() & (t.span.len() > 3);
            long += is_long as usize;
            caps += (is_long & t.is_capitalized()) as usize;
        }
        if long >= 3 && caps * 10 >= long * 7 {
            out[a..b].iter_mut().for_each(|x| *x = true);
        }
        a = b;
    }
    out
}

/// The end (exclusive) of the run of capitalised words starting at `i`.
fn capitalized_run_end(tokens: &[Token], i: usize) -> usize {
    let mut k = i;
    while k < tokens.len()
        && tokens[k].is_word()
        && tokens[k].is_capitalized()
        && (k == i || (!tokens[k].is_line_start() && tokens[k].has_space_before()))
    {
        k += 1;
        // "Jong-un": hyphenated parts belong to the run
        if k + 1 < tokens.len() && tokens[k].kind == TokenKind::Hyphen && tokens[k + 1].is_word() {
            k += 2;
        }
    }
    k.max(i + 1)
}
