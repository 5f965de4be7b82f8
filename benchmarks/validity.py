"""Agreement of each measure with hand labels on outlets held out from tuning.

Usage: ``python benchmarks/validity.py``. Reads the development sets under
``tests/dev/`` (each with its codebook and both labellers' codes) and prints, for each
measure, precision, recall and F1 against the resolved labels on the held-out outlets and on
the tuning outlets, per stratum of the sample, beside a naive anchor scored the same way.

Development sets so far:

* ``tests/dev/headlines/headlines.tsv``: 1,200 headlines (AllSides, 368 outlets, and the
  Stop Clickbait data) coded for question, yes/no question and teaser
  (``tests/dev/headlines/CODEBOOK.md``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
from sklearn.metrics import precision_recall_fscore_support

import framing

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "tests" / "dev"
sys.path.insert(0, str(REPO / "tools"))
from devset import read  # noqa: E402

_AUX = (
    r"(?:is|are|was|were|will|would|can|could|should|shall|do|does|did|has|have|had|may|might|must)"
)
ANCHORS = {
    # a bare "?" rule
    "question": lambda h: h.str.contains("?", regex=False),
    # "?" and an auxiliary verb opening the headline or the clause before the "?"
    "yesno_question": lambda h: (
        h.str.contains("?", regex=False)
        & h.str.contains(rf"(?:^|[.:!?]\s+){_AUX}\b", flags=re.I, regex=True)
    ),
    # a keyword list of curiosity-gap openers, and a leading number
    "teaser": lambda h: h.str.contains(
        r"^(?:this|these|here'?s|here is|you won't|why you|what happened|the (?:one|surprising|real) )"
        r"|\bwhat happened next\b|^\d+ ",
        flags=re.I,
        regex=True,
    ),
}


def _scores(gold: pd.Series, pred: pd.Series) -> tuple[float, float, float]:
    p, r, f, _ = precision_recall_fscore_support(
        gold.astype(int), pred.astype(int), average="binary", zero_division=0
    )
    return float(p), float(r), float(f)


def headlines() -> pd.DataFrame:
    """Scores of the headline measures and their anchors on the headline development set."""
    path = DEV / "headlines" / "headlines.tsv"
    dev = read(path)
    feats = framing.extract_features(dev[["headline"]], features="headline")
    predicted = {
        "question": feats["headline_question"] > 0,
        "yesno_question": feats["headline_yesno_question"] > 0,
        "teaser": feats["headline_teaser"] > 0,
    }
    rows = []
    for name, pred in predicted.items():
        label = name.split(" ")[0]
        anchor = ANCHORS[label](dev["headline"])
        for split in ("heldout", "tune"):
            for stratum in ("all", *sorted(dev["stratum"].unique())):
                at = dev["split"].eq(split) & (dev["stratum"].eq(stratum) | (stratum == "all"))
                gold = dev.loc[at, label].astype(int)
                p, r, f = _scores(gold, pred[at])
                rows.append(
                    {
                        "measure": f"headline_{name}",
                        "split": split,
                        "stratum": stratum,
                        "n": int(at.sum()),
                        "positives": int(gold.sum()),
                        "precision": p,
                        "recall": r,
                        "F1": f,
                        "anchor F1": _scores(gold, anchor[at])[2],
                    }
                )
    return pd.DataFrame(rows)


def main() -> None:
    table = headlines()
    with pd.option_context("display.width", 160, "display.max_rows", 200):
        print("Headline measures against hand labels (tests/dev/headlines)\n")
        main_rows = table[table["stratum"].eq("all")]
        print(main_rows.round(3).to_string(index=False))
        print("\nPer stratum, held-out outlets:\n")
        per = table[table["split"].eq("heldout") & table["stratum"].ne("all")]
        print(per.round(3).to_string(index=False))


if __name__ == "__main__":
    main()
