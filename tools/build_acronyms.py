"""Build framing/measures/headline/data/acronyms.txt: words news bodies write in capitals.

A capitalised headline word is *emphatic* ("Trump SLAMS critics") unless it is an acronym
or initialism ("ISIS", "NATO", "COVID"). Which is which is learnt from how the bodies of
real news articles spell each word: a word whose capitalised occurrences in running text are
mostly ALL CAPS ("US", not "Us"), and often enough among all its occurrences ("MUST" is
rare beside "must"), in several outlets (one outlet's "MUST WATCH" boilerplate does not
count, nor do runs of capitals like "MUST WATCH"), is an acronym. Source: the AllSides article bodies (Baly et al. 2020, "We Can
Detect Your Bias", EMNLP; github ramybaly/Article-Bias-Prediction, Apache-2.0). Only the
derived word list is shipped, not the text. Deterministic; run from the repository root::

    PYTHONPATH=$PWD python tools/build_acronyms.py [path/to/articles.jsonl.gz]
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from framing.io.atomic import atomic_write

REPO = Path(__file__).resolve().parents[1]
SHARED = next(
    (p / "shared" / "data" for p in REPO.parents if (p / "shared" / "data").is_dir()), None
)
DEFAULT = (SHARED or REPO.parent / "shared" / "data") / "allsides" / "articles.jsonl.gz"
OUT = REPO / "framing" / "measures" / "headline" / "data" / "acronyms.txt"
WORD = re.compile(r"\b[A-Za-z]{2,}\b")
MIN_COUNT, MIN_CAPS_SHARE, MIN_SHARE, MIN_OUTLETS = 3, 0.6, 0.2, 3


def main(path: Path = DEFAULT) -> None:
    # per outlet, so that one outlet's boilerplate ("MUST WATCH") cannot make a word an acronym
    caps: Counter[tuple[str, str]] = Counter()  # in full capitals
    capitalised: Counter[tuple[str, str]] = Counter()  # Capitalised or in full capitals
    total: Counter[tuple[str, str]] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            article = json.loads(line)
            outlet, body = article.get("outlet") or "", article.get("body") or ""
            for para in body.splitlines():
                words = WORD.findall(para)
                # a paragraph in capitals (a shouted line, a scraped label) says nothing
                if not words or sum(w.isupper() for w in words) > len(words) / 2:
                    continue
                upper = [w.isupper() for w in words] + [False]
                for i, w in enumerate(words):
                    if upper[i] and (upper[i - 1] or upper[i + 1]):
                        continue  # capitals in a run ("MUST WATCH", "READ MORE"): shouting
                    key = (w.lower(), outlet)
                    total[key] += 1
                    if w[0].isupper():
                        capitalised[key] += 1
                        caps[key] += w.isupper()
    outlets: Counter[str] = Counter(
        word
        for (word, outlet), n in caps.items()
        if n >= MIN_COUNT
        and n / capitalised[word, outlet] >= MIN_CAPS_SHARE
        and n / total[word, outlet] >= MIN_SHARE
    )
    keep = sorted(w for w, n in outlets.items() if n >= MIN_OUTLETS)
    with atomic_write(OUT) as fh:
        fh.write(
            "# Acronyms and initialisms: words written mostly in capitals in news bodies.\n"
            "# Built by tools/build_acronyms.py from the AllSides article bodies (Baly et al.\n"
            "# 2020, EMNLP; github ramybaly/Article-Bias-Prediction, Apache-2.0): a word that in\n"
            f"# at least {MIN_OUTLETS} outlets is written in full capitals at least {MIN_COUNT} times,"
            f" in {MIN_CAPS_SHARE:.0%}\n"
            f"# of its capitalised occurrences and {MIN_SHARE:.0%} of all of them.\n"
            "# One lower-case word a line; lines starting with # are comments.\n"
        )
        fh.write("\n".join(keep) + "\n")
    print(f"{len(keep)} acronyms -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
