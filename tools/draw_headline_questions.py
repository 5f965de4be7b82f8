"""Draw a second, fresh test set of question headlines (issue 20's yes/no question).

Usage (from the repository root, with ../shared/data present)::

    python tools/draw_headline_questions.py ../shared/data tests/dev/headlines/questions-2/sample.tsv

400 AllSides headlines of the held-out outlets of ``tests/dev/headlines`` (the same hash of
the outlet's name), none already in ``headlines.tsv``, seed 2027: 300 holding a "?" (at most eight
per outlet: the held-out outlets hold about 700 such headlines, most of a few outlets) and
100 opening with an auxiliary or a wh-word without one (at most three per outlet). Two labellers code ``question`` and ``yesno_question`` by the headline codebook.
The set was drawn after the yes/no reader's rules had been looked at against the first
set's held-out errors, so that the rules changed then are measured on headlines nobody
looked at.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
from devset import half, read
from draw_headline_devset import per_outlet

OPENERS = (
    r"^\s*(?:is|are|was|were|will|would|can|could|should|do|does|did|has|have|had|"
    r"why|how|what|who|when|where|which)\b"
)


def main(shared: Path, out: Path, seed: int = 2027) -> None:
    first = read(out.parents[1] / "headlines.tsv")
    articles = pd.read_json(shared / "allsides" / "articles.jsonl.gz", lines=True)
    articles = articles[articles["headline"].fillna("").str.strip().ne("")]
    articles = articles.drop_duplicates("headline")
    articles = articles[
        articles["outlet"].map(half).eq("heldout")
        & ~articles["id"].isin(first["id"])
        & ~articles["headline"].isin(first["headline"])
    ]
    marked = articles["headline"].str.contains("?", regex=False)
    opens = articles["headline"].str.contains(OPENERS, case=False, regex=True)
    rows = pd.concat(
        [
            per_outlet(articles[marked], 300, seed, cap=8).assign(stratum="question_mark"),
            per_outlet(articles[opens & ~marked], 100, seed).assign(stratum="opener_no_mark"),
        ]
    )
    rows = rows.assign(source="allsides", split="heldout").sample(frac=1.0, random_state=seed)
    rows["headline"] = rows["headline"].str.replace(r"\s+", " ", regex=True).str.strip()
    out.parent.mkdir(parents=True, exist_ok=True)
    columns = ["id", "source", "stratum", "outlet", "split", "headline"]
    rows[columns].to_csv(out, sep="\t", index=False)
    print(f"{len(rows)} headlines, {rows['outlet'].nunique()} outlets -> {out}")
    print(rows.groupby("stratum").size())


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
