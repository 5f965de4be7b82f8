"""Speed of the outlet comparison and of the distinguishing terms, beside a bare regex pass.

    python benchmarks/compare.py [N_ARTICLES] [N_MEASURES]

``compare_outlets`` runs with 2,000 bootstrap resamples over N articles (default 30,000)
of 10 outlets and 40 topics with N_MEASURES (default 30) synthetic measures (0/1 flags,
skewed rates, some NaN): plain and ``within="topic"``; ``compare_trends`` by month.
``distinguishing_terms`` (unigrams and bigrams) runs over N bodies from
../shared/data/allsides when present, else the shipped sample repeated. Both print their
time beside a bare ``re.findall(r"\\w+")`` pass over the same bodies in the same run.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from framing.corpus.load import SAMPLE_PATH
from framing.stats.compare import compare_outlets
from framing.stats.terms import distinguishing_terms
from framing.stats.trends import compare_trends

# ../shared/data beside the checkout (or beside the folder of worktrees)
SHARED = next(
    (
        p / "shared" / "data" / "allsides" / "articles.jsonl.gz"
        for p in Path(__file__).resolve().parents[1:4]
        if (p / "shared" / "data" / "allsides").exists()
    ),
    Path("absent"),
)


def load(n: int) -> tuple[pd.DataFrame, str]:
    path = SHARED if SHARED.exists() else SAMPLE_PATH
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            rows.append({"outlet": rec["outlet"], "body": rec["body"] or ""})
            if len(rows) >= n:
                break
    df = pd.DataFrame(rows)
    if len(df) < n:  # the sample is small: repeat it
        df = pd.concat([df] * (n // len(df) + 1), ignore_index=True).iloc[:n]
    return df, str(path)


def synthetic(n: int, m: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    data = {
        "outlet": rng.choice([f"outlet {i}" for i in range(10)], n),
        "topic": rng.choice(
            [f"topic {i}" for i in range(40)],
            n,
            p=np.geomspace(1, 0.05, 40) / np.geomspace(1, 0.05, 40).sum(),
        ),
        "date": pd.Timestamp("2012-01-01") + pd.to_timedelta(rng.integers(0, 3650, n), unit="D"),
    }
    for j in range(m):
        if j % 3 == 0:
            x = (rng.random(n) < 0.1 + 0.01 * j).astype(float)
        else:
            x = rng.lognormal(0, 1, n)
        if j % 5 == 4:
            x[rng.random(n) < 0.05] = np.nan
        data[f"m{j:02d}"] = x
    return pd.DataFrame(data)


def timed(fn):
    """Wall-clock seconds (and CPU seconds, printed, as the machine may be shared)."""
    start, cpu = time.perf_counter(), time.process_time()
    out = fn()
    secs = time.perf_counter() - start
    timed.cpu = time.process_time() - cpu
    return secs, out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30_000
    m = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    corpus, source = load(n)
    texts = corpus["body"].tolist()
    mb = sum(len(t.encode()) for t in texts) / 1e6
    bare, _ = timed(lambda: [re.findall(r"\w+", t) for t in texts])
    print(f"bodies: {n:,} from {source} ({mb:.1f} MB)")
    print(
        f"{'bare re.findall pass':<44} {bare:7.2f} s  {n / bare:>9,.0f} articles/s  cpu {timed.cpu:.2f} s"
    )

    feats = synthetic(n, m)
    measures = [c for c in feats.columns if c.startswith("m")]
    print(f"compare_outlets: {n:,} articles x {m} measures, 10 outlets, 2,000 resamples")
    for label, compare, kwargs in [
        ("plain", compare_outlets, {}),
        ('within="topic" (40 strata)', compare_outlets, {"within": "topic"}),
        ('compare_trends over="date" (120 months)', compare_trends, {"over": "date"}),
    ]:
        secs, table = timed(
            lambda f=compare, kw=kwargs: f(feats, measures=measures, n_boot=2000, **kw)
        )
        print(
            f"  {label:<42} {secs:7.2f} s  (cpu {timed.cpu:.2f} s; {len(table):,} rows; {secs / bare:.2f} x the bare pass)"
        )

    secs, terms = timed(lambda: distinguishing_terms(corpus, top=20))
    print(
        f"{'distinguishing_terms (1-2 grams)':<44} {secs:7.2f} s  {n / secs:>9,.0f} articles/s "
        f"{mb / secs:6.1f} MB/s  cpu {timed.cpu:.2f} s  ratio to bare pass {bare / secs:.2f}"
    )


if __name__ == "__main__":
    main()
