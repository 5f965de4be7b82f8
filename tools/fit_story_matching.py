"""Fit the constants of story matching on the tuning parts of the development sets (issue 17).

Usage (from the repository root, with ../shared/data present; about half an hour)::

    python tools/fit_story_matching.py

Two kinds of evidence, their tuning parts only:

- the judged candidate pairs (``tests/dev/stories/judged.tsv``): pairs of the tuning outlets,
  scored as ``framing.stories`` over the whole AllSides corpus joins them or not; they weigh
  precision at the density of a large corpus;
- the grouped samples (``tests/dev/stories/days*`` and ``weeks*``), tuning samples, matched
  alone, in each of ``validity.story_views``: the roundup-like samples (three outlets, two
  days) every article and one per outlet and event; the dense samples (every article of
  five days) every article and as roundups.

For each body weight (``BODY_WEIGHT``; ``NAMES_WEIGHT`` stays), day cost (``DAY_COST``) and
threshold (``THRESHOLD``) of a small grid, it prints the pairwise F1 on each and their
mean, and the best setting by that mean; then, at that body weight and day cost, the same
for each outlet cost (``OUTLET_COST``) and threshold, and the best of both grids. For the
best body weight it also prints, among the judged tuning pairs, the share that are the
same event above each similarity: the bar from which nine in ten are is what an undated
article must reach (``UNDATED_FACTOR`` times ``THRESHOLD``), since no date narrows its
candidates.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

from validity import DEV, _pairwise, read, story_views  # noqa: E402

import framing.stats.stories as st  # noqa: E402

BODY_WEIGHTS = (0.0, 0.5, 1.0)
DAY_COSTS = (0.06, 0.09, 0.12)
THRESHOLDS = tuple(np.round(np.arange(0.08, 0.22, 0.02), 2))
OUTLET_COSTS = (0.05, 0.1, 0.15, 0.2)


def _pair_f1(together: np.ndarray, same: np.ndarray) -> float:
    tp = int((together & same).sum())
    return 2 * tp / (int(together.sum()) + int(same.sum())) if tp else 0.0


def main() -> None:
    corpus = pd.read_json(
        REPO.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz",
        lines=True,
        dtype={"id": str},
    )
    position = pd.Series(np.arange(len(corpus)), index=corpus["id"])
    judged = read(DEV / "stories" / "judged.tsv")
    judged = judged[judged["split"].eq("tune") & judged["same"].ne("")]
    a, b = position[judged["id_a"]].to_numpy(), position[judged["id_b"]].to_numpy()
    same = judged["same"].astype(int).to_numpy().astype(bool)
    views = story_views()

    def score(weight: float, cost: float, outlet_cost: float, threshold: float) -> dict:
        st.BODY_WEIGHT, st.DAY_COST, st.OUTLET_COST = weight, cost, outlet_cost
        story = st.match(corpus, vectors[weight][0], 3, threshold, threshold / 1.5).to_numpy()
        row = {
            "body_weight": weight,
            "day_cost": cost,
            "outlet_cost": outlet_cost,
            "threshold": threshold,
            "pairs": _pair_f1(story[a] == story[b], same),
        }
        for (name, view, pairs), Xv in zip(views, vectors[weight][1:], strict=True):
            labels = st.match(view, Xv, 3, threshold, threshold / 1.5).to_numpy()
            row[name] = _pairwise(labels, pairs, view["split"].to_numpy())["tune"]["f1"]
        row["mean"] = float(np.mean([row["pairs"]] + [row[name] for name, _, _ in views]))
        print(" | ".join(f"{k} {v:.3f}" for k, v in row.items()), flush=True)
        return row

    vectors = {}  # the module's constants are what is being fitted
    for weight in BODY_WEIGHTS:
        st.BODY_WEIGHT = weight
        vectors[weight] = [st.vectors(corpus), *(st.vectors(view) for _, view, _ in views)]
    rows = [
        score(w, c, 0.0, t) for w, c, t in itertools.product(BODY_WEIGHTS, DAY_COSTS, THRESHOLDS)
    ]
    stage = pd.DataFrame(rows).sort_values("mean").iloc[-1]
    print("\nbest, no outlet cost:\n" + stage.round(3).to_string() + "\n")
    weight, cost = float(stage["body_weight"]), float(stage["day_cost"])
    rows += [score(weight, cost, o, t) for o, t in itertools.product(OUTLET_COSTS, THRESHOLDS)]
    best = pd.DataFrame(rows).sort_values("mean").iloc[-1]
    print("\nbest by the mean tuning F1:\n" + best.round(3).to_string())
    st.BODY_WEIGHT = float(best["body_weight"])
    X = st.vectors(corpus)
    similarity = np.asarray(X[a].multiply(X[b]).sum(axis=1)).ravel()
    for bar in np.arange(0.25, 0.65, 0.05):
        above = similarity >= bar
        print(f"  similarity >= {bar:.2f}: {int(above.sum())} pairs, same {same[above].mean():.3f}")


if __name__ == "__main__":
    main()
