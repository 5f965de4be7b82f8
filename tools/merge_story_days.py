"""Merge the judges' event groups of the roundup-like samples into pairs (issue 17).

Usage (from the repository root)::

    python tools/merge_story_days.py tests/dev/stories/days

Reads ``articles.tsv`` and the groupings ``coder-a.tsv`` and ``coder-b.tsv`` (``article``,
``event``; CODEBOOK.md), turns each into a same-event answer for every pair of articles of
a sample, and prints Cohen's kappa over those pairs. The pairs the two answered differently
are written to ``pairs-disputed.txt`` (git-ignored: both articles as the judges saw them,
from ``days.txt``) for a third reading, which ``resolved.tsv`` records (``article_a``,
``article_b``, ``same``, ``reading``). Writes ``judged.tsv``: every within-sample pair with
both answers and the label ``same`` (empty while unresolved).
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

import pandas as pd
from merge_story_pairs import settled
from sklearn.metrics import cohen_kappa_score


def pairs(articles: pd.DataFrame) -> pd.DataFrame:
    """Every pair of articles of one sample, with both ids and the split."""
    rows = [
        (s, a.article, b.article, a.id, b.id, a.split)
        for s, g in articles.groupby("sample")
        for a, b in itertools.combinations(g.itertuples(), 2)
    ]
    return pd.DataFrame(rows, columns=["sample", "article_a", "article_b", "id_a", "id_b", "split"])


def main(folder: Path) -> None:
    articles = pd.read_csv(folder / "articles.tsv", sep="\t", dtype=str)
    table = pairs(articles)
    for name in ("a", "b"):
        event = pd.read_csv(folder / f"coder-{name}.tsv", sep="\t", dtype=str)
        event = event.set_index("article")["event"]
        missing = set(articles["article"]) - set(event.index)
        if missing or event.index.duplicated().any():
            raise SystemExit(f"coder {name}: {len(missing)} articles missing or some twice")
        table[name] = (
            table["article_a"].map(event).to_numpy() == table["article_b"].map(event).to_numpy()
        ).astype(int)
    kappa = cohen_kappa_score(table["a"], table["b"])
    print(
        f"kappa {kappa:.3f} over {len(table)} pairs of {articles['sample'].nunique()} samples; "
        f"same event: a {int(table['a'].sum())}, b {int(table['b'].sum())}"
    )
    table["same"] = settled(table, folder / "resolved.tsv", ["article_a", "article_b"])
    open_ = table[table["same"].isna()]
    print(f"{len(open_)} disagreements unresolved")
    if len(open_) and (folder / "days.txt").exists():
        text = (folder / "days.txt").read_text(encoding="utf-8")
        shown = dict(
            re.findall(
                r"^([a-z]\d\d-a\d\d) \| (.*?)(?=^[a-z]\d\d-a\d\d |^SAMPLE |\Z)", text, re.M | re.S
            )
        )
        (folder / "pairs-disputed.txt").write_text(
            "\n=====\n\n".join(
                f"PAIR {r.article_a} {r.article_b}\nA: {shown[r.article_a]}B: {shown[r.article_b]}"
                for r in open_.itertuples()
            ),
            encoding="utf-8",
        )
    table["same"] = table["same"].astype("Int64")
    table.to_csv(folder / "judged.tsv", sep="\t", index=False)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/dev/stories/days"))
