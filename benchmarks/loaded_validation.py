"""Does ``loaded_language`` rank opinion above news?  AUCs of each single list vs the score.

Labels built from ../shared/data/allsides (Baly et al. 2020): an article is *opinion* when its
outlet name says so ("Guest Writer - Right", "New York Times - Opinion", "CNN - Editorial",
"Fox News Opinion") or its URL holds /opinion(s)/, /commentary/ or /editorial(s)/; *news*
when it comes from a news desk of the same kind of outlet (outlet names with "News", "Reuters",
"Associated Press", "USA TODAY", "Washington Post", "The Hill", "NPR") and none of those URL
parts. The articles are split by a hash of their id into a development half (read when the
loaded measures were chosen) and a held-out half, reported separately.

Usage: ``python benchmarks/loaded_validation.py [N per class]`` (default 1500).
"""

from __future__ import annotations

import os
import re
import sys
import zlib
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from framing.measures.loaded import analyse

# ../shared/data beside the repository, or wherever FRAMING_SHARED_DATA points
SHARED = Path(
    os.environ.get("FRAMING_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared/data")
)
ALLSIDES = SHARED / "allsides/articles.jsonl.gz"
OPINION_OUTLET = re.compile(r"opinion|editorial|guest writer", re.I)
OPINION_URL = re.compile(r"/(?:opinions?|commentary|editorials?)/", re.I)
NEWS_OUTLET = re.compile(
    r"\bnews\b|reuters|associated press|usa today|washington post|the hill|\bnpr\b", re.I
)


def labelled(n: int) -> pd.DataFrame:
    df = pd.read_json(ALLSIDES, lines=True)
    df = df[df.body.str.len() > 300]
    opinion = df.outlet.str.contains(OPINION_OUTLET) | df.url.fillna("").str.contains(OPINION_URL)
    news = ~opinion & df.outlet.str.contains(NEWS_OUTLET)
    df = pd.concat(
        [
            df[opinion].sample(min(n, opinion.sum()), random_state=0).assign(y=1),
            df[news].sample(min(n, news.sum()), random_state=0).assign(y=0),
        ]
    )
    df["part"] = np.where(df.id.map(lambda i: zlib.crc32(str(i).encode()) % 2), "held-out", "dev")
    return df.reset_index(drop=True)


def main(n: int = 1500) -> None:
    if not ALLSIDES.exists():
        sys.exit(f"{ALLSIDES} not present: this validation needs the shared AllSides data")
    df = labelled(n)
    a = analyse(df.body.tolist())
    singles = {
        "Recasens bias": "bias",
        "Hu&Liu negative": "negative",
        "Hu&Liu positive": "positive",
        "intensifiers": "intensifier",
        "pejoratives": "pejorative",
        "conflict": "conflict",
        "absolutes": "absolute",
        "emotive": "emotive",
        "hedges": "hedge",
        "VADER strong": "strong_valence",
        "emphasis caps": "emphasis",
        "exclamations": "exclamation",
    }
    rows = []
    scores = {label: a.rate(name) for label, name in singles.items()}
    scores["loaded_words"] = a.rate("loaded_word")
    scores["loaded_language"] = a.loaded()
    for label, x in scores.items():
        row = {"measure": label}
        for part in ("dev", "held-out"):
            m = (df.part == part).to_numpy()
            row[part] = roc_auc_score(df.y[m], x[m])
        rows.append(row)
    print(f"{df.y.sum()} opinion vs {(1 - df.y).sum()} news articles "
          f"({(df.part == 'held-out').sum()} held out); AUC opinion > news, outlet voice")  # fmt: skip
    print(pd.DataFrame(rows).round(3).to_string(index=False))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1500)
