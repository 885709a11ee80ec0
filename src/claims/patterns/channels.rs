//! Where a claim was made: "in a statement", "on Telegram", "on his Facebook page", "in an
//! interview with CNN", "at a news conference in Kyiv", "In a voice recording posted to his
//! Telegram channel, ...". The channel is kept out of the content and recorded with the claim.

use super::RawClaim;
use super::context::Ctx;
use super::walk::content_start;
use crate::model::Span;
use crate::text::{Sentence, TokenKind, WordList};

/// Prepositions that open a channel.
static OPENERS: WordList = WordList::new(&["in", "on", "via", "through", "during", "at", "over"]);

/// What a claim is made in or on.
static CHANNEL_NOUNS: WordList = WordList::new(&[
    "account",
    "address",
    "announcement",
    "appearance",
    "blog",
    "briefing",
    "broadcast",
    "channel",
    "column",
    "communique",
    "communiqué",
    "conference",
    "e-mail",
    "email",
    "facebook",
    "instagram",
    "interview",
    "letter",
    "message",
    "newsletter",
    "op-ed",
    "page",
    "podcast",
    "post",
    "posting",
    "radio",
    "recording",
    "release",
    "remarks",
    "speech",
    "statement",
    "telegram",
    "television",
    "tiktok",
    "tv",
    "tweet",
    "twitter",
    "video",
    "website",
    "whatsapp",
    "youtube",
]);

/// Words that may follow a channel noun inside its phrase ("with CNN", "on state television",
/// "posted to his Telegram channel").
static CONTINUATIONS: WordList = WordList::new(&[
    "with",
    "on",
    "to",
    "in",
    "at",
    "by",
    "from",
    "of",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "state",
    "social",
    "media",
    "local",
    "national",
    "official",
    "posted",
    "released",
    "aired",
    "published",
    "broadcast",
    "televised",
    "carried",
]);

/// Subject pronouns: a clause starts at one ("in a statement they said").
static SUBJECTS: WordList = WordList::new(&["he", "she", "it", "they", "we", "i", "there"]);

/// The channel phrase opening at token `a`, ending before `e`: its end (exclusive).
fn channel_at(cx: &Ctx, a: usize, e: usize) -> Option<usize> {
    if !OPENERS.contains(cx.w(a)) {
        return None;
    }
    let stops = |k: usize| {
        let t = cx.tokens[k];
        cx.w(k) == "that"
            || SUBJECTS.contains(cx.w(k))
            || t.quote().is_some()
            || t.kind == TokenKind::Dash
            || matches!(t.first, ',' | ':' | ';' | '(' | ')' | '.')
    };
    // the channel noun, a few words in ("in a brief statement", "on his Facebook page")
    let noun = (a + 1..e.min(a + 7))
        .take_while(|&k| !stops(k))
        .find(|&k| CHANNEL_NOUNS.contains(cx.w(k)))?;
    let mut end = noun + 1;
    let mut k = end;
    while k < e && k < noun + 10 && !stops(k) {
        let t = cx.tokens[k];
        let w = cx.w(k);
        if CHANNEL_NOUNS.contains(w)
            || (t.is_capitalized() && t.is_word())
            || t.kind == TokenKind::Possessive
        {
            end = k + 1;
        } else if !(CONTINUATIONS.contains(w) || t.kind == TokenKind::Hyphen) {
            break;
        }
        k += 1;
    }
    Some(end)
}

/// The first channel phrase opening in `[a, b)` (and ending by `e`): its tokens.
fn first_channel(cx: &Ctx, a: usize, b: usize, e: usize) -> Option<(usize, usize)> {
    (a..b.min(e)).find_map(|k| channel_at(cx, k, e).map(|end| (k, end)))
}

/// Token range of a byte span.
fn tokens_of(cx: &Ctx, sp: Span) -> (usize, usize) {
    let x = cx.tokens.partition_point(|t| t.span.start < sp.start);
    let y = cx.tokens.partition_point(|t| t.span.end <= sp.end);
    (x, y.max(x))
}

/// Finds where `c` was made, records it as its channel, and keeps it out of its content: after
/// the cue ("said in a statement that", "“Y,” the ministry said on Telegram"), at the end of
/// the content ("said the border was closed in a televised address") or opening the sentence
/// ("In a statement, the ministry said").
pub(super) fn attach(cx: &Ctx, s: &Sentence, c: &mut RawClaim) {
    let Some(cue) = c.cue else { return };
    let (cue_a, cue_b) = tokens_of(cx, cue);
    let (x, y) = tokens_of(cx, c.content);
    let hi = s.tokens.end;
    let found = if x >= cue_b {
        // between the cue and the content, then at the content's end
        first_channel(cx, cue_b, x, x)
            .or_else(|| {
                let trailing = (x + 1..y).find(|&k| channel_at(cx, k, y) == Some(y))?;
                c.content.end = cx.tokens[trailing - 1].span.end;
                if cx.is_punct(trailing - 1, ',') && trailing >= x + 2 {
                    c.content.end = cx.tokens[trailing - 2].span.end;
                }
                Some((trailing, y))
            })
            // right after an object content ("announced the fall of the city in a statement")
            .or_else(|| channel_at(cx, y, hi).map(|end| (y, end)))
    } else {
        // the content comes first: after the cue, up to the sentence's end
        first_channel(cx, cue_b, hi, hi)
    };
    // "In a statement, the ministry said": an opener before the source
    let found = found.or_else(|| {
        let start = content_start(cx, s);
        let before = c.source.map_or(cue_a, |sp| tokens_of(cx, sp).0).min(cue_a);
        channel_at(cx, start, before)
            .filter(|&end| end < before && cx.is_punct(end, ','))
            .map(|end| (start, end))
    });
    c.channel = found.map(|(a, b)| cx.span(a, b));
}
