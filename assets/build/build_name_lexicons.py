#!/usr/bin/env python3
"""Learn the word lists the place finder uses to tell a place from a word or a person, from the
PolNeAR train split (never from dev; only word counts leave the corpus, never its text).

    python3 assets/build/build_name_lexicons.py ../shared/eval/train/polnear-train.jsonl

Writes:
- assets/lexicon/lowercase_words.txt: words news writers also spell in lower case in the middle
  of a sentence ("union", "valley", "center", "post"). A small town called "Union" or "Post" is
  then a place only with place context ("in Union"), while a country or a large city need none.
- assets/lexicon/surnames.txt: capitalised words that mostly follow a first name ("Clinton" in
  "Hillary Clinton", "Nelson", "Allen"). A small town with such a name is a person unless the
  text says it is a place.

The first names come from assets/lexicon/first_names.txt (npm human-names, written by
build_assets.py).
"""

import collections
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LEXICON = os.path.join(ROOT, "assets", "lexicon")
WORD = re.compile(r"[A-Za-z][A-Za-z]+(?:['’][a-z]+)?")
# a word seen this often in lower case mid-sentence is an English word
MIN_LOWER = 3
# a surname: seen this often right after a first name, and in that position at least this share
# of the times it is written with a capital
MIN_AFTER_FIRST = 2
MIN_SURNAME_SHARE = 0.05


def read_first_names():
    with open(os.path.join(LEXICON, "first_names.txt"), encoding="utf-8") as fh:
        return {l.strip() for l in fh if l.strip() and not l.startswith("#")}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    first = read_first_names()
    lower = collections.Counter()
    capital = collections.Counter()
    after_first = collections.Counter()
    with open(sys.argv[1], encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            prev = None  # the previous word, when only white space separates it from this one
            prev_end = -1
            for m in WORD.finditer(text):
                w = m.group(0)
                gap = text[prev_end:m.start()] if prev is not None else "."
                adjacent = prev is not None and gap.strip() == "" and "\n" not in gap
                before = text[max(0, m.start() - 3):m.start()].strip()
                initial = not before or before[-1] in ".!?\"“”‘’:\n—-("
                if w[0].isupper():
                    if not initial:
                        capital[w] += 1
                    if adjacent and prev in first and not w.isupper():
                        after_first[w] += 1
                elif not initial:
                    lower[w] += 1
                prev, prev_end = w, m.end()
    words = sorted(w for w, n in lower.items() if n >= MIN_LOWER and w.islower())
    surnames = sorted(w for w, n in after_first.items()
                      if n >= MIN_AFTER_FIRST and n >= MIN_SURNAME_SHARE * max(capital[w], 1)
                      and lower[w.lower()] < MIN_LOWER)
    with open(os.path.join(LEXICON, "lowercase_words.txt"), "w", encoding="utf-8") as fh:
        fh.write("# Words written in lower case mid-sentence at least %d times in PolNeAR train, learned by\n"
                 "# assets/build/build_name_lexicons.py (counts only, no text). One per line.\n" % MIN_LOWER)
        fh.write("\n".join(words) + "\n")
    with open(os.path.join(LEXICON, "surnames.txt"), "w", encoding="utf-8") as fh:
        fh.write("# Capitalised words that mostly follow a first name in PolNeAR train (surnames), learned\n"
                 "# by assets/build/build_name_lexicons.py (counts only, no text). One per line.\n")
        fh.write("\n".join(surnames) + "\n")
    print("lower-case words: %d, surnames: %d" % (len(words), len(surnames)), file=sys.stderr)


if __name__ == "__main__":
    main()
