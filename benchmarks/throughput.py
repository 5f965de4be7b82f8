"""Shared by the throughput scripts: the AllSides bodies and a timer that reports the ratio
to a bare ``re.findall(r"\\w+")`` pass over the same texts in the same run."""

from __future__ import annotations

import gc
import gzip
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from framing.corpus.load import SAMPLE_PATH

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
    """Article bodies from ../shared/data/allsides when present, else the shipped sample."""
    texts = []
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["body"] or "")
            if limit and len(texts) >= limit:
                break
    return texts, str(ALLSIDES)


def timed(label: str, fn: Callable, texts: list[str], baseline: float | None = None) -> float:
    """Run ``fn(texts)`` once; print articles/s, MB/s and the ratio to ``baseline`` seconds."""
    mb = sum(len(t.encode()) for t in texts) / 1e6
    start = time.perf_counter()
    fn(texts)
    secs = time.perf_counter() - start
    ratio = "" if baseline is None else f"  ratio to bare pass {baseline / secs:.2f}"
    print(f"{label:<34} {len(texts) / secs:>9,.0f} articles/s {mb / secs:>7.1f} MB/s{ratio}")
    return secs


def bare_pass(texts: list[str]) -> float:
    """Time the bare ``re.findall(r"\\w+")`` pass that every ratio is measured against."""
    findall = re.compile(r"\w+").findall
    return timed("bare re.findall(r'\\w+')", lambda ts: [findall(t) for t in ts], texts)


def best(fn: Callable, repeats: int) -> float:
    """The shortest of ``repeats`` wall-clock runs of ``fn()``, in seconds, each started on a
    collected heap (no garbage left by the previous run)."""
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)
