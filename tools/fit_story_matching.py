"""Fit the constants of story matching on the judged pairs of the tuning outlets (issue 17).

Usage (from the repository root)::

    python tools/fit_story_matching.py tests/dev/stories/judged.tsv

A logistic regression of "same event" on the pair's similarity and the days between the two
articles, over the tuning pairs, gives what a day apart costs in similarity
(``framing.stats.stories.DAY_COST``, the ratio of the two coefficients) and the similarity
at which a same-day pair is even odds (``THRESHOLD``). It also prints the lowest similarity
from which nine in ten tuning pairs are the same event: the bar an undated article must reach
(``UNDATED_FACTOR`` times ``THRESHOLD``), since no date narrows its candidates.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression


def main(path: Path) -> None:
    pairs = pd.read_csv(path, sep="\t")
    pairs = pairs[pairs["split"].eq("tune") & pairs["same"].notna()]
    gap = (pd.to_datetime(pairs["date_a"]) - pd.to_datetime(pairs["date_b"])).dt.days.abs()
    X = np.column_stack([pairs["similarity"], gap])
    model = LogisticRegression(C=100.0).fit(X, pairs["same"].astype(int))
    (b_sim, b_gap), a = model.coef_[0], model.intercept_[0]
    print(f"{len(pairs)} tuning pairs: DAY_COST {-b_gap / b_sim:.3f}, THRESHOLD {-a / b_sim:.3f}")
    for bar in np.arange(0.25, 0.65, 0.05):
        above = pairs["similarity"] >= bar
        print(
            f"  similarity >= {bar:.2f}: {int(above.sum())} pairs, same {pairs['same'][above].mean():.3f}"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/dev/stories/judged.tsv"))
