"""Draw the hand check of matched stories: 200 articles and members of their story (issue 17).

Usage (from the repository root, with ../shared/data present)::

    python tools/draw_story_check.py ../shared/data tests/dev/stories/check [SEED]

Runs ``framing.stories`` with its defaults over all 36,254 AllSides articles, then draws 200
articles (seed 2026) of held-out outlets (the same hash of the outlet as the other development
sets; the threshold was tuned on the others) among those whose story has another article, and
pairs each with up to three other members of its story drawn at random. A judge answers
"same event?" for each pair by ``../CODEBOOK.md``; the share answered yes is the matcher's
precision. Writes ``pairs.tsv`` (``pair``, both ids, outlets and dates, the story, its size,
``similarity`` of the pair's vectors, ``band``: the story size as 2, 3-5, 6-15 or 16 and up)
and ``pairs.txt`` for the judges (git-ignored: headline and the first 80 words of each
article), so that ``tools/merge_story_pairs.py`` merges the judgements as it does for the
candidate pairs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
from devset import half
from draw_story_pairs import show

from framing.stats.stories import stories, vectors

ARTICLES = 200
MEMBERS = 3
SIZES = [2, 3, 6, 16, 10_000]


def main(shared: Path, out: Path, seed: int = 2026) -> None:
    df = pd.read_json(shared / "allsides" / "articles.jsonl.gz", lines=True, dtype={"id": str})
    df["story"] = stories(df).to_numpy()
    df["size"] = df.groupby("story")["id"].transform("size")
    rng = np.random.default_rng(seed)
    eligible = np.flatnonzero((df["size"] > 1) & (df["outlet"].map(half) == "heldout"))
    drawn = rng.choice(eligible, ARTICLES, replace=False)
    members = df.groupby("story").indices
    rows = []
    for i in drawn:
        others = members[df.at[i, "story"]]
        others = others[others != i]
        rows += [(i, j) for j in rng.choice(others, min(MEMBERS, len(others)), replace=False)]
    i, j = (np.array(c) for c in zip(*rows, strict=True))
    X = vectors(df)
    size = df["size"].to_numpy()[i]
    table = pd.DataFrame(
        {
            "pair": [f"c{k:03d}" for k in range(len(i))],
            "id_a": df["id"].to_numpy()[i],
            "id_b": df["id"].to_numpy()[j],
            "outlet_a": df["outlet"].to_numpy()[i],
            "outlet_b": df["outlet"].to_numpy()[j],
            "date_a": df["date"].to_numpy()[i],
            "date_b": df["date"].to_numpy()[j],
            "story": df["story"].to_numpy()[i],
            "size": size,
            "similarity": np.asarray(X[i].multiply(X[j]).sum(axis=1)).ravel().round(3),
            "band": pd.cut(size, SIZES, right=False, labels=["2", "3-5", "6-15", "16+"]),
            "split": "heldout",
        }
    )
    out.mkdir(parents=True, exist_ok=True)
    table.to_csv(out / "pairs.tsv", sep="\t", index=False)
    text = "\n\n=====\n\n".join(
        f"PAIR {p}\nA: {show(df, a)}\nB: {show(df, b)}"
        for p, a, b in zip(table["pair"], i, j, strict=True)
    )
    (out / "pairs.txt").write_text(text + "\n", encoding="utf-8")
    print(f"{len(table)} pairs from {ARTICLES} articles; by story size:")
    print(table.groupby("band", observed=True).size())


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), *map(int, sys.argv[3:4]))
