#!/usr/bin/env python3
"""Learn word lexicons from the PolNeAR train split (never from dev).

    python3 assets/build/build_lexicons.py ../shared/eval/train/polnear-train.jsonl

Writes assets/lexicon/common_words.txt: words that news writers mostly spell in lower case
when they are not at the start of a sentence ("mission", "independence", "reading"). A
capitalised one of these is a place only with place context ("in Reading"), which keeps
"Independence Day" and sentence-initial "Mobile phones" off the map. Only word counts leave
the corpus, never its text.
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
    words = sorted(w for w, n in lower.items() if n >= 3 and n >= 2 * upper[w])
    out = os.path.join(ROOT, "assets", "lexicon", "common_words.txt")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# Words mostly written in lower case mid-sentence, learned from PolNeAR train by\n")
        fh.write("# assets/build/build_lexicons.py (counts only, no text). One per line.\n")
        fh.write("\n".join(words) + "\n")
    print("common words: %d" % len(words), file=sys.stderr)


if __name__ == "__main__":
    main()
