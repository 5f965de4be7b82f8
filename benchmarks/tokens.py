"""Throughput of the one-pass tokeniser beside a bare ``re.findall(r"\\w+")`` pass.

    python benchmarks/tokens.py [N_ARTICLES]

Uses ../shared/data/allsides when present, else the shipped sample. Prints articles/s and
MB/s for both passes over the same texts, in the same run, and their ratio.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from pathlib import Path

from framing.corpus import SAMPLE_PATH
from framing.text import count_matrix, sentences

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "allsides" / "articles.jsonl.gz"


def load_texts(limit: int | None = None) -> tuple[list[str], str]:
    path = SHARED if SHARED.exists() else SAMPLE_PATH
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["body"])
            if limit and len(texts) >= limit:
                break
    return texts, str(path)


def timed(label: str, fn, texts: list[str], baseline: float | None = None) -> float:
    mb = sum(len(t.encode()) for t in texts) / 1e6
    start = time.perf_counter()
    fn(texts)
    secs = time.perf_counter() - start
    ratio = "" if baseline is None else f"  ratio to bare pass {baseline / secs:.2f}"
    print(f"{label:<34} {len(texts) / secs:>9,.0f} articles/s {mb / secs:>7.1f} MB/s{ratio}")
    return secs


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    texts, source = load_texts(limit)
    print(f"{len(texts):,} articles from {source}")
    findall = re.compile(r"\w+").findall
    bare = timed("bare re.findall(r'\\w+')", lambda ts: [findall(t) for t in ts], texts)
    timed("count_matrix (tokens + matrix)", count_matrix, texts, bare)
    timed("sentences", lambda ts: [sentences(t) for t in ts], texts, bare)


if __name__ == "__main__":
    main()
