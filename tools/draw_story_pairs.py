"""Draw the story-matching development set: pairs of articles to judge "same event?" (issue 17).

Usage (from the repository root, with ../shared/data present)::

    python tools/draw_story_pairs.py ../shared/data tests/dev/stories

Candidate pairs are dated AllSides articles of two different outlets at most three days
apart whose headline-and-lead vectors (``framing.stats.stories.vectors``) have a cosine
similarity of at least 0.1 (of two articles on different days, only those where the earlier
one also comes first in the file: 57,751 of the 94,456 pairs ``framing.stats.stories`` would
consider, an arbitrary subset by file order; kept as drawn, since the judged pairs came from
it). 80 pairs (seed 2026) are drawn from each similarity band (0.1-0.2,
0.2-0.3, 0.3-0.4, 0.4-0.5, 0.5 and up), so that both the near misses and the clear matches
are judged; a pair's ``split`` is ``tune`` when both outlets are tuning outlets,
``heldout`` when both are held out (the same hash of the outlet as the other development
sets), and mixed pairs are not drawn. Writes ``pairs.tsv`` (``pair``, both ids, outlets and
dates, ``similarity``, ``band``, ``split``) and ``pairs.txt`` for the judges (headline and
the first 80 words of each article); only ids and judgements ship.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from devset import half

from framing.stats.stories import vectors

BANDS = [0.1, 0.2, 0.3, 0.4, 0.5, 1.01]
PER_BAND = 80


def main(shared: Path, out: Path, seed: int = 2026) -> None:
    df = pd.read_json(shared / "allsides" / "articles.jsonl.gz", lines=True, dtype={"id": str})
    df["day"] = pd.to_datetime(df["date"], errors="coerce")
    df = df[df["day"].notna()].reset_index(drop=True)
    X = vectors(df)
    days = (df["day"] - pd.Timestamp("1970-01-01")).dt.days.to_numpy()
    order = np.argsort(days, kind="stable")
    d = days[order]
    rows = []
    for day in np.unique(d):
        a = order[np.searchsorted(d, day) : np.searchsorted(d, day, "right")]
        b = order[np.searchsorted(d, day) : np.searchsorted(d, day + 3, "right")]
        S = sp.coo_matrix(X[a] @ X[b].T)
        i, j = a[S.row], b[S.col]
        keep = (S.data >= BANDS[0]) & (i < j)
        rows.append(pd.DataFrame({"i": i[keep], "j": j[keep], "similarity": S.data[keep]}))
    pairs = pd.concat(rows).drop_duplicates(["i", "j"])
    outlet = df["outlet"].to_numpy()
    pairs = pairs[outlet[pairs.i] != outlet[pairs.j]]
    split = df["outlet"].map(half).to_numpy()
    same = split[pairs.i] == split[pairs.j]
    pairs = pairs[same].assign(split=split[pairs.i[same]])
    pairs["band"] = pd.cut(
        pairs["similarity"], BANDS, right=False, labels=[f"{b:.1f}" for b in BANDS[:-1]]
    )
    drawn = pd.concat(
        g.sample(min(PER_BAND, len(g)), random_state=seed)
        for _, g in pairs.groupby("band", observed=True)
    )
    drawn = drawn.sample(frac=1.0, random_state=seed).reset_index(drop=True)
    table = pd.DataFrame(
        {
            "pair": [f"p{k:03d}" for k in range(len(drawn))],
            "id_a": df["id"].to_numpy()[drawn.i],
            "id_b": df["id"].to_numpy()[drawn.j],
            "outlet_a": outlet[drawn.i],
            "outlet_b": outlet[drawn.j],
            "date_a": df["date"].to_numpy()[drawn.i],
            "date_b": df["date"].to_numpy()[drawn.j],
            "similarity": drawn["similarity"].round(3).to_numpy(),
            "band": drawn["band"].astype(str).to_numpy(),
            "split": drawn["split"].to_numpy(),
        }
    )
    out.mkdir(parents=True, exist_ok=True)
    table.to_csv(out / "pairs.tsv", sep="\t", index=False)

    text = "\n\n=====\n\n".join(
        f"PAIR {p}\nA: {show(df, i)}\nB: {show(df, j)}"
        for p, i, j in zip(table["pair"], drawn.i, drawn.j, strict=True)
    )
    (out / "pairs.txt").write_text(text + "\n", encoding="utf-8")
    print(table.groupby(["band", "split"]).size())


def show(df: pd.DataFrame, k: int) -> str:
    """One article as the judges see it: outlet, date, headline and the first 80 words."""
    words = " ".join(str(df.at[k, "body"] or "").split()[:80])
    date = df.at[k, "date"] if pd.notna(df.at[k, "date"]) else "no date"
    return f"{df.at[k, 'outlet']}, {date}\n  HEADLINE: {df.at[k, 'headline']}\n  LEAD: {words}"


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
