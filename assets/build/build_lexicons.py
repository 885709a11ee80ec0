#!/usr/bin/env python3
"""Learn word lexicons from the PolNeAR train split (never from dev).

    python3 assets/build/build_lexicons.py ../shared/eval/train/polnear-train.jsonl

Writes:
- assets/lexicon/common_words.txt: words that news writers mostly spell in lower case when they
  are not at the start of a sentence ("mission", "independence", "reading"). A capitalised one of
  these is a place only with place context ("in Reading"), which keeps "Independence Day" and
  sentence-initial "Mobile phones" off the map.
- assets/claims/cues_learned.tsv: word forms that PolNeAR's annotators marked as attribution
  cues, with how often a use of the form is a cue (its precision as a cue on train). The
  extractor takes the forms above a precision threshold, next to the hand-made cues.tsv.
Only word counts leave the corpus, never its text.
"""

import collections
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORD = re.compile(r"[A-Za-z][a-z]+(?:['’][a-z]+)?")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    lower = collections.Counter()
    upper = collections.Counter()
    with open(sys.argv[1], encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            for m in WORD.finditer(text):
                w = m.group(0)
                before = text[max(0, m.start() - 3):m.start()].strip()
                if not before or before[-1] in ".!?\"“”‘’:\n—-(":
                    continue  # sentence or quote initial: capitals say nothing there
                if w[0].isupper():
                    upper[w.lower()] += 1
                else:
                    lower[w] += 1
    write_cues(sys.argv[1])
    words = sorted(w for w, n in lower.items() if n >= 3 and n >= 2 * upper[w])
    out = os.path.join(ROOT, "assets", "lexicon", "common_words.txt")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# Words mostly written in lower case mid-sentence, learned from PolNeAR train by\n")
        fh.write("# assets/build/build_lexicons.py (counts only, no text). One per line.\n")
        fh.write("\n".join(words) + "\n")
    print("common words: %d" % len(words), file=sys.stderr)


# Function words that sit inside multi-word cues ("has said", "according to") but are no cue
# on their own.
# Forms seen as a cue at least this often: lower ones still tell the tagger "sometimes a cue"
# ("thought", "know", "feel"); only forms above LEARNED_PRECISION in src/claims/cues.rs
# become cues by themselves.
MIN_PRECISION = 0.1
FUNCTION_WORDS = set("""to has of a on about is for in the have also was are not with been out
had as at an by his were would did be will it and that up more over from now her their so
could this then can just like even last all most no still first long later off back does do
down put took look went made made see say""".split()) - {"say"}


def write_cues(path):
    occurrences = collections.Counter()
    cues = collections.Counter()
    cue_word = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            text = doc["text"]
            starts = set()
            for c in doc["claims"]:
                cue = c.get("cue")
                if cue:
                    for m in cue_word.finditer(text[cue["start"]:cue["end"]]):
                        starts.add(cue["start"] + m.start())
            for m in cue_word.finditer(text):
                w = m.group(0).lower()
                occurrences[w] += 1
                if m.start() in starts:
                    cues[w] += 1
    rows = sorted(((w, n, occurrences[w]) for w, n in cues.items()
                   if n >= 4 and w not in FUNCTION_WORDS and n / occurrences[w] >= MIN_PRECISION),
                  key=lambda r: (-r[1] / r[2], r[0]))
    out = os.path.join(ROOT, "assets", "claims", "cues_learned.tsv")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# Attribution cue forms learned from PolNeAR train by assets/build/build_lexicons.py.\n")
        fh.write("# form\tas cue\toccurrences\tprecision\n")
        for w, n, occ in rows:
            fh.write("%s\t%d\t%d\t%.3f\n" % (w, n, occ, n / occ))
    print("learned cues: %d" % len(rows), file=sys.stderr)


if __name__ == "__main__":
    main()
