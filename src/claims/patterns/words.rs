//! The word lists the patterns share: what may sit inside or between a subject and its
//! cue, what opens an adverbial or a clause, what ends a content.

use crate::text::WordList;

/// Words that never sit inside a subject noun phrase.
static NP_STOP: WordList = WordList::new(&[
    "that", "which", "who", "whom", "whose", "when", "where", "while", "because", "if", "although",
    "though", "as", "but", "or", "so", "than", "then", "to", "in", "on", "at", "by", "with",
    "from", "into", "after", "before", "during", "since", "until", "about", "over", "under",
    "against", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
    "does", "did", "will", "would", "could", "can", "may", "might", "should", "must", "shall",
    "not", "it", "its", "this", "me", "him", "us", "them", "you", "there", "here", "also", "just",
    "only", "even", "still", "now", "said", "says", "say", "told", "and", "let",
]);

/// Whether `w` never sits inside a subject noun phrase: [`NP_STOP`] and the negated
/// auxiliaries ("But don't expect", "doesn’t").
pub(super) fn is_np_stop(w: &str) -> bool {
    NP_STOP.contains(w) || w.ends_with("n't") || w.ends_with("n’t")
}

/// Prepositions that may sit inside a subject ("officials in Kyiv", "a spokesman for the
/// army") but never at its left edge.
pub(super) static INNER_PREPOSITIONS: WordList = WordList::new(&[
    "in", "at", "from", "with", "on", "near", "within", "inside", "by",
]);

pub(super) static DAYS: WordList = WordList::new(&[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
]);

pub(super) static TIME_NOUNS: WordList = WordList::new(&[
    "week", "month", "year", "night", "weekend", "spring", "summer", "fall", "winter", "time",
]);

/// Words that may sit between a subject and its cue ("have recently affirmed").
pub(super) static SKIPPABLE: WordList = WordList::new(&[
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "did",
    "does",
    "do",
    "is",
    "was",
    "are",
    "were",
    "also",
    "recently",
    "previously",
    "later",
    "again",
    "publicly",
    "privately",
    "repeatedly",
    "already",
    "still",
    "now",
    "then",
    "once",
    "never",
    "not",
    "often",
    "further",
    "first",
    "earlier",
    "initially",
    "reportedly",
    "long",
    "yet",
]);

/// Titles written with a dot before a name.
pub(super) static TITLES: WordList = WordList::new(&[
    "rep", "sen", "gov", "dr", "mr", "mrs", "ms", "gen", "lt", "col", "sgt", "st", "jr", "capt",
    "maj", "adm", "prof", "rev", "atty", "supt",
]);

pub(super) static PRONOUNS: WordList =
    WordList::new(&["he", "she", "they", "it", "we", "i", "you"]);

/// Words that open an appositive noun phrase ("Soo Kim, a researcher, ...").
pub(super) static APPOSITIVE_OPENERS: WordList = WordList::new(&[
    "a", "an", "the", "former", "his", "her", "their", "its", "one", "who", "chief", "senior",
]);

/// Words before a cue form that make it a noun ("the states", "his remarks", "United States").
pub(super) static NOUN_MAKERS: WordList = WordList::new(&[
    "the", "his", "her", "their", "its", "our", "my", "your", "a", "an", "these", "those", "some",
    "many", "several", "all", "both", "other", "new", "united", "two", "three", "such", "of",
    "whose", "recent", "earlier", "latest", "media", "news", "press", "public",
]);

/// Words that open a subordinate clause before the main one.
pub(super) static SUBORDINATORS: WordList = WordList::new(&[
    "after", "although", "though", "while", "whereas", "when", "because", "since", "as", "if",
    "once", "before", "until", "unless",
]);

/// Words after which a subject may start ("..., and X said Y").
pub(super) static SUBJECT_OPENERS: WordList = WordList::new(&[
    "and", "but", "while", "as", "because", "so", "yet", "since", "although", "though", "when",
    "if", "however", "where", "after", "before", "once", "whereas", "also", "then", "now",
]);

/// Words that open an adverbial after a cue: "he said in an interview", "she said Monday".
pub(super) static ADVERBIAL_OPENERS: WordList = WordList::new(&[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "to",
    "from",
    "via",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "recently",
    "again",
    "also",
    "then",
    "repeatedly",
    "privately",
    "publicly",
    "afterward",
    "afterwards",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "late",
    "early",
    "while",
    "when",
    "of",
    "about",
    "with",
    "through",
    "over",
    "by",
    "told",
    "wrote",
    "in an",
]);

/// Prepositions and subordinators that open a phrase or clause before the subject; it runs
/// to the next comma.
pub(super) static OPENER_WORDS: WordList = WordList::new(&[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "last",
    "by",
    "for",
    "with",
    "since",
    "when",
    "while",
    "as",
    "although",
    "though",
    "if",
    "but",
    "once",
    "outside",
    "inside",
    "across",
    "throughout",
    "within",
    "beyond",
    "behind",
    "around",
    "through",
    "from",
    "near",
    "along",
    "between",
    "without",
    "upon",
    "against",
    "toward",
    "towards",
    "because",
    "unless",
    "until",
    "whether",
]);

/// Words that open a sentence as an adverbial, not as its subject.
pub(super) static OPENER_ADVERBS: WordList = WordList::new(&[
    "earlier",
    "later",
    "likewise",
    "meanwhile",
    "instead",
    "however",
    "still",
    "yet",
    "also",
    "now",
    "today",
    "yesterday",
    "again",
    "first",
    "finally",
    "then",
    "alongside",
    "amid",
    "despite",
    "under",
    "among",
    "like",
    "unlike",
    "besides",
    "following",
    "moreover",
    "indeed",
    "separately",
    "similarly",
    "previously",
    "afterward",
    "afterwards",
    "here",
    "there",
    "overall",
    "ultimately",
    "nevertheless",
    "nonetheless",
    "otherwise",
    "thus",
]);

/// Prepositions that end a noun-phrase content ("announced the agreement after ...").
pub(super) static NP_CONTENT_END: WordList = WordList::new(&[
    "after",
    "before",
    "during",
    "since",
    "following",
    "when",
    "while",
    "amid",
    "on",
    "at",
    "in",
    "last",
    "this",
    "yesterday",
    "today",
]);

/// Words that make what follows a clause, not a noun phrase.
pub(super) static CLAUSE_MARKERS: WordList = WordList::new(&[
    "would", "will", "could", "can", "may", "might", "should", "must", "is", "are", "was", "were",
    "has", "have", "had", "did", "does", "do", "plans", "wants", "sees", "needs",
]);

/// Past tenses that end no "-ed": a sign that a phrase is a clause ("the rape took place").
pub(super) static IRREGULAR_PAST: WordList = WordList::new(&[
    "took",
    "made",
    "went",
    "came",
    "gave",
    "got",
    "knew",
    "thought",
    "saw",
    "became",
    "began",
    "left",
    "won",
    "lost",
    "ran",
    "kept",
    "held",
    "brought",
    "told",
    "found",
    "felt",
    "meant",
    "paid",
    "sent",
    "spent",
    "stood",
    "understood",
    "wrote",
    "said",
    "grew",
    "fell",
    "rose",
    "led",
    "met",
    "sold",
    "bought",
    "caught",
    "fought",
    "taught",
    "drove",
    "broke",
    "chose",
    "spoke",
    "struck",
    "hit",
    "cut",
    "let",
    "quit",
    "shut",
]);

/// Subordinators that end an object content ("endorsed Clinton as governor ...").
pub(super) static OBJECT_END: WordList = WordList::new(&[
    "when", "while", "as", "after", "before", "because", "since", "until", "whom", "which", "who",
    "but", "although", "though", "whereas",
]);

/// Conjunctions after a comma that end even a clause content ("..., but Wallace brought").
pub(super) static CLAUSE_END: WordList = WordList::new(&[
    "but", "while", "although", "though", "whom", "which", "whereas",
]);

/// Participles that, after a comma, open the speaker's next claim.
pub(super) static PARTICIPLE_CUES: WordList = WordList::new(&[
    "saying",
    "adding",
    "noting",
    "citing",
    "alleging",
    "arguing",
    "claiming",
    "insisting",
    "warning",
    "suggesting",
    "vowing",
    "calling",
    "stating",
    "explaining",
    "promising",
    "asserting",
    "declaring",
    "urging",
    "accusing",
    "describing",
    "predicting",
    "acknowledging",
]);
