//! Who a source is: one cluster per entity per document, with all its mentions. Pronouns go
//! to the nearest fitting earlier source, or to a person named at the head of a later
//! sentence ("Li Fung, the UN's representative, visited the camp. She said ..." → Li Fung),
//! short names to the full name the document gave anywhere ("Cruz" → "Ted Cruz", even if he
//! said nothing before), and the same generic phrase to one unnamed source ("a source", "the
//! source").

use super::{RawClaim, SourceTraits};
use crate::model::{SourceKind, Span};
use crate::text::{Sentence, Token, WordList};

/// A person's name as the text writes it: a first name and one or two more capitalised words
/// ("Ted Cruz", "Mary Ann Lopez"), or two or three capitalised words opening a sentence with
/// an apposition ("Li Fung, the UN's representative, ...").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PersonName {
    pub span: Span,
    /// It opens its sentence, as a subject does: a pronoun after it may stand for it.
    pub opens_sentence: bool,
}

/// The persons' names of a text, in order. `is_first_name` says whether a word as written is
/// a first name.
pub fn person_names(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    is_first_name: &dyn Fn(&str) -> bool,
) -> Vec<PersonName> {
    let mut out = Vec::new();
    let mut s = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if !t.is_word() || !t.is_capitalized() || t.is_all_caps() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len()
            && j < i + 3
            && tokens[j].is_word()
            && tokens[j].is_capitalized()
            && !tokens[j].is_all_caps()
            && tokens[j].has_space_before()
            && !tokens[j].is_line_start()
        {
            j += 1;
        }
        while s + 1 < sentences.len() && sentences[s + 1].tokens.start <= i {
            s += 1;
        }
        let opens_sentence = sentences.get(s).is_some_and(|x| x.tokens.start == i);
        // a first name the lexicon knows, or a name opening its sentence with an apposition:
        // "Li Fung, the UN's representative, ..."
        let apposition = opens_sentence
            && tokens.get(j).is_some_and(|c| c.is_punct(','))
            && tokens
                .get(j + 1)
                .is_some_and(|w| matches!(w.text(text), "the" | "a" | "an" | "who"));
        if j > i + 1 && (is_first_name(t.text(text)) || apposition) {
            out.push(PersonName {
                span: Span {
                    start: t.span.start,
                    end: tokens[j - 1].span.end,
                },
                opens_sentence,
            });
        }
        i = j;
    }
    out
}

/// One source entity of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceCluster {
    /// The fullest name ("Sergei Shoigu"), or the phrase for an unnamed source ("Experts").
    pub name: String,
    pub traits: SourceTraits,
    pub description: Option<String>,
    /// Every mention as written in claims (heads, with appositions where written).
    pub mentions: Vec<Span>,
    /// Spans in which to look for an affiliation (mentions and description).
    pub affiliation_spans: Vec<Span>,
}

static SINGULAR_PERSON: WordList = WordList::new(&["he", "she", "him", "her", "i"]);
static PLURAL: WordList = WordList::new(&["they", "we"]);
static DETERMINERS: WordList = WordList::new(&[
    "the", "a", "an", "another", "one", "some", "two", "three", "several", "both",
]);

fn generic_key(head: &str) -> String {
    let lower = head.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while words.len() > 1 && DETERMINERS.contains(words[0]) {
        words.remove(0);
    }
    words.join(" ")
}

/// The fullest name the text gives a person called `head` ("Cruz" → "Ted Cruz"): the first
/// name in `names` that ends with it, unless the text names two people so ("Bill Clinton" and
/// "Hillary Clinton": a bare "Clinton" stays as written, for the corpus's entities to place
/// by its title).
fn full_name<'a>(text: &'a str, names: &[PersonName], head: &str) -> Option<&'a str> {
    let mut fitting = names
        .iter()
        .map(|n| n.span.slice(text))
        .filter(|n| n.len() > head.len() && n.rsplit(' ').next() == Some(head));
    let first = fitting.next()?;
    fitting.all(|n| n == first).then_some(first)
}

/// Groups the sources of one document's claims. Returns the clusters and, per claim, the
/// index of its cluster. `names` are the persons' names of the text ([`person_names`]).
pub fn cluster_sources(
    text: &str,
    claims: &[RawClaim],
    names: &[PersonName],
    traits_of: &dyn Fn(&str, Option<&str>) -> SourceTraits,
) -> (Vec<SourceCluster>, Vec<Option<usize>>) {
    let mut clusters: Vec<SourceCluster> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut last_seen: Vec<u32> = Vec::new();
    let mut assignment = Vec::with_capacity(claims.len());
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| {
        claims[i]
            .source
            .map_or(claims[i].content.start, |s| s.start)
    });
    assignment.resize(claims.len(), None);
    for i in order {
        let c = &claims[i];
        let (Some(head), Some(full)) = (c.source_head, c.source) else {
            continue;
        };
        let head_text = head.slice(text).trim();
        let lower = head_text.to_lowercase();
        let description = c.description.map(|d| d.slice(text).trim().to_string());
        let at = head.start;
        let is_pronoun = SINGULAR_PERSON.contains(lower.as_str())
            || PLURAL.contains(lower.as_str())
            || lower == "it";
        // what the head is, asked once: it reads every word against the kind lexicons
        let traits = (!is_pronoun).then(|| traits_of(head_text, description.as_deref()));
        let found = if is_pronoun {
            // nearest earlier cluster that fits
            let fits = |cl: &SourceCluster| {
                if SINGULAR_PERSON.contains(lower.as_str()) {
                    cl.traits.is_person_name && !cl.traits.is_plural
                } else if PLURAL.contains(lower.as_str()) {
                    cl.traits.is_plural
                        || !cl.traits.is_person_name && cl.traits.kind != SourceKind::Unnamed
                } else {
                    !cl.traits.is_person_name && !cl.traits.is_plural
                }
            };
            let nearest = (0..clusters.len())
                .filter(|&k| last_seen[k] <= at && fits(&clusters[k]))
                .max_by_key(|&k| last_seen[k]);
            // "Li Fung, the UN's representative, visited the camp. She said": a person named
            // at the head of a sentence since then, though she has said nothing yet
            let named = names
                .iter()
                .rev()
                .find(|n| n.opens_sentence && n.span.end <= at)
                .filter(|n| {
                    SINGULAR_PERSON.contains(lower.as_str())
                        && nearest.is_none_or(|k| last_seen[k] < n.span.start)
                        && traits_of(n.span.slice(text), None).is_person_name
                });
            match named {
                Some(n) => {
                    let name = n.span.slice(text);
                    let surname = name.rsplit(' ').next().unwrap_or(name);
                    let known = (0..clusters.len()).find(|&k| {
                        clusters[k].traits.is_person_name
                            && clusters[k].name.split_whitespace().any(|w| w == surname)
                    });
                    Some(known.unwrap_or_else(|| {
                        clusters.push(SourceCluster {
                            name: name.to_string(),
                            traits: traits_of(name, None),
                            description: None,
                            mentions: Vec::new(),
                            affiliation_spans: Vec::new(),
                        });
                        keys.push(generic_key(name));
                        last_seen.push(n.span.start);
                        clusters.len() - 1
                    }))
                }
                None => nearest,
            }
        } else if traits.is_some_and(|t| t.is_person_name) {
            let surname = head_text.split_whitespace().last().unwrap_or(head_text);
            (0..clusters.len()).find(|&k| {
                clusters[k].traits.is_person_name
                    && clusters[k].name.split_whitespace().any(|w| w == surname)
            })
        } else {
            let key = generic_key(head_text);
            (0..clusters.len()).find(|&k| keys[k] == key)
        };
        let k = match found {
            Some(k) => {
                let cl = &mut clusters[k];
                if !is_pronoun && head_text.len() > cl.name.len() && cl.traits.is_person_name {
                    cl.name = head_text.to_string();
                }
                if cl.description.is_none() {
                    cl.description = description;
                    if let Some(d) = c.description {
                        cl.affiliation_spans.push(d);
                    }
                }
                k
            }
            None => {
                let traits = traits.unwrap_or(SourceTraits {
                    kind: SourceKind::Person,
                    is_plural: PLURAL.contains(lower.as_str()),
                    is_person_name: false,
                });
                clusters.push(SourceCluster {
                    name: head_text.to_string(),
                    traits,
                    description,
                    mentions: Vec::new(),
                    affiliation_spans: c.description.into_iter().collect(),
                });
                keys.push(generic_key(head_text));
                last_seen.push(at);
                clusters.len() - 1
            }
        };
        clusters[k].mentions.push(full);
        if !is_pronoun {
            clusters[k].affiliation_spans.push(head);
        }
        last_seen[k] = at;
        assignment[i] = Some(k);
    }
    // "Cruz" is the "Ted Cruz" the text names elsewhere
    for cl in clusters.iter_mut().filter(|c| c.traits.is_person_name) {
        if !cl.name.contains(' ')
            && let Some(full) = full_name(text, names, &cl.name)
        {
            cl.name = full.to_string();
        }
    }
    (clusters, assignment)
}
