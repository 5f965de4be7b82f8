"""Throughput of ``find_clutter`` beside a bare ``re.findall(r"\\w+")`` pass.

    python benchmarks/clutter.py [N_ARTICLES]

Uses ../shared/data/allsides when present, else the shipped sample. Prints articles/s and
MB/s for both passes over the same bodies, in the same run, and their ratio (above 1 means
``find_clutter`` is faster than the bare tokenising pass). The result cache of
``find_clutter`` is bypassed so every body is really scanned.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from pathlib import Path

from framing.clutter import _find, load_rules
from framing.corpus import SAMPLE_PATH

# ../shared/data beside the checkout (or beside the folder of worktrees holding it)
ALLSIDES = next(
    (
        p / "shared/data/allsides/articles.jsonl.gz"
        for p in Path(__file__).resolve().parents[1:4]
        if (p / "shared/data/allsides/articles.jsonl.gz").exists()
    ),
    SAMPLE_PATH,
)


def load_bodies(limit: int | None = None) -> tuple[list[str], str]:
    path = ALLSIDES
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["body"] or "")
            if limit and len(texts) >= limit:
                break
    return texts, str(path)


def timed(label: str, fn, texts: list[str], baseline: float | None = None) -> float:
    mb = sum(len(t.encode()) for t in texts) / 1e6
    start = time.perf_counter()
    fn(texts)
    secs = time.perf_counter() - start
    ratio = "" if baseline is None else f"  ratio to bare pass {baseline / secs:.2f}"
    print(f"{label:<26} {len(texts) / secs:>9,.0f} articles/s {mb / secs:>7.1f} MB/s{ratio}")
    return secs


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    texts, source = load_bodies(limit)
    print(f"{len(texts):,} bodies from {source}")
    rules = load_rules()
    findall = re.compile(r"\w+").findall
    bare = timed("bare re.findall(r'\\w+')", lambda ts: [findall(t) for t in ts], texts)
    timed("find_clutter", lambda ts: [_find(t, rules) for t in ts], texts, bare)


if __name__ == "__main__":
    main()
