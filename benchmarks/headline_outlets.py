"""Headline devices per outlet for the 20 largest AllSides outlets, and the family's speed.

    PYTHONPATH=$PWD python benchmarks/headline_outlets.py [path/to/articles.jsonl.gz]

Prints, per outlet, the share of headlines (%) that ask a question, a yes/no question, a
wh-question, quote a question, tease, carry a media tag or open with a list count, the mean
clickbait probability, and the share of yes/no question headlines whose body asserts the
proposition. Then the throughput of the ``headline`` family (articles/s, MB of headline
text/s) beside a bare ``re.findall(r"\\w+")`` pass over the same headlines, with the ratio.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pandas as pd

import framing
from framing.measures.headline import clickbait_model

REPO = Path(__file__).resolve().parents[1]
SHARED = next(
    (p / "shared" / "data" for p in REPO.parents if (p / "shared" / "data").is_dir()), None
)
RATES = {
    "headline_question": "question",
    "headline_yesno_question": "yes/no",
    "headline_wh_question": "wh",
    "headline_quoted_question": "quoted q",
    "headline_teaser": "teaser",
    "headline_media_tag": "media tag",
    "headline_listicle": "listicle",
}


def main(path: Path) -> None:
    df = pd.read_json(path, lines=True)
    top = df["outlet"].value_counts().index[:20]
    df = df[df["outlet"].isin(top)].reset_index(drop=True)
    heads = df["headline"].fillna("").tolist()
    mb = sum(len(h.encode("utf-8")) for h in heads) / 1e6

    clickbait_model()  # load once, outside the timing
    t0 = time.perf_counter()
    for h in heads:
        re.findall(r"\w+", h)
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    feats = framing.extract_features(df[["headline", "body"]], "headline")
    family = time.perf_counter() - t0
    t0 = time.perf_counter()
    framing.extract_features(df[["headline"]], "headline")
    head_only = time.perf_counter() - t0

    feats["outlet"] = df["outlet"]
    table = feats.groupby("outlet")[list(RATES)].mean().mul(100).rename(columns=RATES)
    table.insert(0, "n", feats.groupby("outlet").size())
    table["clickbait %"] = feats.groupby("outlet")["headline_clickbait"].mean().mul(100)
    asked = feats[feats["headline_yesno_question"] == 1]
    table["answered %"] = asked.groupby("outlet")["gap_yesno_answered"].mean().mul(100)
    table = table.sort_values("n", ascending=False)
    pd.set_option("display.width", 200)
    print(f"headline devices, % of headlines, 20 largest AllSides outlets ({len(df):,} articles)")
    print(table.round(1).to_string())
    total = feats[list(RATES)].mean().mul(100).rename(RATES).round(1)
    print("all 20 outlets:", ", ".join(f"{k} {v}%" for k, v in total.items()))
    print()
    n = len(heads)
    print(f"bare re.findall(r'\\w+'):  {n / bare:>10,.0f} articles/s  {mb / bare:6.2f} MB/s")
    for label, secs in [("headline family", family), ("  headlines only", head_only)]:
        print(
            f"{label:<25} {n / secs:>10,.0f} articles/s  {mb / secs:6.2f} MB/s"
            f"  ({secs / bare:,.0f}x the bare pass)"
        )
    print("(the family with bodies includes the yes/no gap: sentences of those bodies only)")


if __name__ == "__main__":
    default = (SHARED / "allsides" / "articles.jsonl.gz") if SHARED else None
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    if path is None or not path.exists():
        sys.exit("AllSides data not found: pass the path to articles.jsonl.gz")
    main(path)
