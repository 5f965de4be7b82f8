"""Throughput of the loaded_, voice_ and sourcing_ families beside a bare tokenise pass.

Usage: ``python benchmarks/features.py [N]`` (N AllSides bodies, default 5000; falls back
to the shipped sample when ../shared/data is absent). Prints articles/s, MB/s and the ratio
to ``re.findall(r"\\w+")`` over the same texts in the same run.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import pandas as pd

import framing
from framing.features import Context, family
from framing.text import Docs

# ../shared/data beside the repository, or wherever FRAMING_SHARED_DATA points
SHARED = Path(
    os.environ.get("FRAMING_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared/data")
)
ALLSIDES = SHARED / "allsides/articles.jsonl.gz"
FAMILIES = ["loaded", "voice", "sourcing"]


def main(n: int = 5000) -> None:
    if ALLSIDES.exists():
        df = pd.read_json(ALLSIDES, lines=True).sample(n, random_state=0)
        df = framing.load_corpus(df[["outlet", "headline", "body"]])
        where = f"{len(df)} AllSides bodies"
    else:
        df = framing.load_sample()
        where = f"the {len(df)}-article sample (../shared/data absent)"
    texts, heads = df.body.tolist(), df.headline.tolist()
    mb = sum(len(t.encode()) for t in texts) / 1e6

    t0 = time.perf_counter()
    for t in texts:
        re.findall(r"\w+", t)
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    _ = Docs(texts).counts  # the shared count matrix alone: the floor under any lexicon family
    matrix = time.perf_counter() - t0

    t0 = time.perf_counter()
    ctx = Context(heads, texts)
    for name in FAMILIES:
        family(name).compute(ctx)
    ours = time.perf_counter() - t0

    print(f"{where}, {mb:.1f} MB")
    print(f"bare re.findall(r'\\w+'): {len(texts) / bare:8.0f} articles/s {mb / bare:6.1f} MB/s")
    print(f"count matrix alone:      {len(texts) / matrix:8.0f} articles/s {mb / matrix:6.1f} MB/s")
    print(f"loaded+voice+sourcing:   {len(texts) / ours:8.0f} articles/s {mb / ours:6.1f} MB/s")
    print(
        f"ratio (ours / bare): {bare / ours:.3f}   (count matrix alone / bare: {bare / matrix:.3f})"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
