"""Clutter share and its kinds for the largest outlets of the AllSides collection.

    python benchmarks/clutter_outlets.py [N_OUTLETS] [--learn] [--sample K]

Prints, per outlet, the articles, the mean share of body characters that is clutter
(all kinds, promotional kinds, then each kind) and the share of articles with any clutter.
``--learn`` adds each outlet's boilerplate learned by ``ClutterDetector`` fitted on the
whole collection (default thresholds) to the corpus-free rules.
``--sample K`` instead prints K randomly drawn detected spans (seed 0) with their kind,
label and the line they sit in, for checking precision by hand.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

import pandas as pd

from framing.corpus.load import SAMPLE_PATH
from framing.measures.clutter import KINDS, PROMO_KINDS, ClutterDetector, find_clutter, share

ALLSIDES = next(
    (
        p / "shared/data/allsides/articles.jsonl.gz"
        for p in Path(__file__).resolve().parents[1:4]
        if (p / "shared/data/allsides/articles.jsonl.gz").exists()
    ),
    SAMPLE_PATH,
)


def load() -> pd.DataFrame:
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    df = pd.DataFrame(rows)[["outlet", "body"]]
    df["body"] = df["body"].fillna("")
    return df


def table(df: pd.DataFrame, n_outlets: int, learn: bool = False) -> pd.DataFrame:
    top = df["outlet"].value_counts().index[:n_outlets]
    find = ClutterDetector().fit(df).find if learn else (lambda body, outlet: find_clutter(body))
    df = df[df["outlet"].isin(top)].copy()
    spans = [find(b, o) for b, o in zip(df["body"], df["outlet"], strict=True)]
    df["clutter"] = [share(b, s) for b, s in zip(df["body"], spans, strict=True)]
    df["promo"] = [share(b, s, PROMO_KINDS) for b, s in zip(df["body"], spans, strict=True)]
    for kind in KINDS:
        df[kind] = [share(b, s, [kind]) for b, s in zip(df["body"], spans, strict=True)]
    df["any"] = [bool(s) for s in spans]
    out = df.groupby("outlet")[["clutter", "promo", *KINDS, "any"]].mean()
    out.insert(0, "articles", df["outlet"].value_counts())
    return out.loc[top]


def sample_spans(df: pd.DataFrame, k: int) -> None:
    found = [(i, s) for i, b in enumerate(df["body"]) for s in find_clutter(b)]
    rng = random.Random(0)
    for n, (i, s) in enumerate(rng.sample(found, k), 1):
        body = df["body"].iat[i]
        a = body.rfind("\n", 0, s.start) + 1
        b = body.find("\n", s.end)
        line = body[a : b if b >= 0 else len(body)]
        whole = (
            "LINE"
            if (s.start, s.end) == (a + len(line) - len(line.lstrip()), a + len(line.rstrip()))
            else "FRAG"
        )
        print(f"{n:>3} {s.kind:<10} {whole} {df['outlet'].iat[i][:18]:<18} {s.label[:30]!r}")
        print(f"      {s.text[:160]!r}")
        if whole == "FRAG":
            print(f"      in: {line[:200]!r}")


def main() -> None:
    args = sys.argv[1:]
    df = load()
    if "--sample" in args:
        sample_spans(df, int(args[args.index("--sample") + 1]))
        return
    n = int(args[0]) if args and args[0].isdigit() else 20
    learn = "--learn" in args
    how = "rules + learned boilerplate" if learn else "corpus-free rules"
    print(f"{len(df):,} articles from {ALLSIDES}; mean share of body characters ({how})")
    with pd.option_context("display.width", 200, "display.float_format", "{:.3f}".format):
        print(table(df, n, learn).to_string())


if __name__ == "__main__":
    main()
