"""Main-text extraction: trafilatura alone vs trafilatura + clutter removal.

    python benchmarks/extraction.py

Scores token-level precision, recall and F1 against the gold article bodies of the
Scrapinghub article-extraction benchmark in ../shared/data/extraction (91 pages), the way
that benchmark does: bags of lower-cased word tokens, micro-averaged per page and then
averaged over pages. Also reports how much of trafilatura's output ``find_clutter`` marked.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from framing.measures.clutter import extract_main_text, find_clutter, remove_spans, share

DATA = next(
    (
        p / "shared/data/extraction"
        for p in Path(__file__).resolve().parents[1:4]
        if (p / "shared/data/extraction/ground-truth.json").exists()
    ),
    None,
)
_WORD = re.compile(r"\w+")


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    p, g = Counter(_WORD.findall(predicted.lower())), Counter(_WORD.findall(gold.lower()))
    tp = sum((p & g).values())
    precision = tp / sum(p.values()) if p else (1.0 if not g else 0.0)
    recall = tp / sum(g.values()) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    if DATA is None:
        sys.exit("../shared/data/extraction not found: this benchmark needs the shared data")
    gold = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    scores: dict[str, list[tuple[float, float, float]]] = {"trafilatura": [], "+ clutter": []}
    shares, changed = [], 0
    for key, item in sorted(gold.items()):
        with gzip.open(
            DATA / "html" / f"{key}.html.gz", "rt", encoding="utf-8", errors="replace"
        ) as f:
            page = f.read()
        text = extract_main_text(page)
        spans = find_clutter(text)
        cleaned = remove_spans(text, spans)
        changed += cleaned != text
        shares.append(share(text, spans))
        scores["trafilatura"].append(prf(text, item["articleBody"]))
        scores["+ clutter"].append(prf(cleaned, item["articleBody"]))
    n = len(shares)
    print(
        f"{n} pages from {DATA}; clutter found in {changed} of trafilatura's outputs, "
        f"mean clutter share {sum(shares) / n:.4f}"
    )
    print(f"{'system':<26}{'precision':>10}{'recall':>10}{'F1':>10}")
    for name, rows in scores.items():
        means = [sum(r[i] for r in rows) / n for i in range(3)]
        print(
            f"{'trafilatura ' + name if name.startswith('+') else name:<26}"
            + "".join(f"{m:>10.4f}" for m in means)
        )


if __name__ == "__main__":
    main()
