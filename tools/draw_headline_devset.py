"""Draw the headline development set that two labellers code (issue 20).

Usage (from the repository root, with ../shared/data present)::

    python tools/draw_headline_devset.py ../shared/data tests/dev/headlines/headlines.tsv

1,200 headlines, seed 2026: 450 AllSides headlines drawn at random with at most three per
outlet, 300 AllSides headlines holding a "?" (at most three per outlet), 50 AllSides
headlines opening with a number, and 200 clickbait plus 200 non-clickbait headlines of the
Stop Clickbait data. Questions and numbered lists are rare in news, so they are drawn
apart to give the measures enough positive cases; figures are reported per stratum too.
``split`` is ``tune`` or ``heldout`` by a hash of the outlet (the clickbait data has no
outlet: its rows are split by a hash of the headline), so no outlet is on both sides.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pandas as pd
from devset import half


def per_outlet(df: pd.DataFrame, n: int, seed: int, cap: int = 3) -> pd.DataFrame:
    """At most ``n`` rows drawn at random, at most ``cap`` of any outlet."""
    capped = df.sample(frac=1.0, random_state=seed).groupby("outlet").head(cap)
    return capped.sample(min(n, len(capped)), random_state=seed)


def main(shared: Path, out: Path, seed: int = 2026) -> None:
    articles = pd.read_json(shared / "allsides" / "articles.jsonl.gz", lines=True)
    articles = articles[articles["headline"].fillna("").str.strip().ne("")]
    articles = articles.drop_duplicates("headline")
    question = articles["headline"].str.contains("?", regex=False)
    number = articles["headline"].str.match(r"^\s*(\d{1,3}|[Tt]hree|[Ff]ive|[Ss]even|[Tt]en)\b")
    parts = [
        per_outlet(articles[question], 300, seed).assign(stratum="allsides_question_mark"),
        per_outlet(articles[number & ~question], 50, seed).assign(stratum="allsides_number"),
    ]
    taken = set(pd.concat(parts)["id"])
    rest = articles[~articles["id"].isin(taken)]
    parts.insert(0, per_outlet(rest, 450, seed).assign(stratum="allsides_random"))
    allsides = pd.concat(parts)
    allsides = allsides.assign(source="allsides", split=allsides["outlet"].map(half))
    bait = pd.read_csv(shared / "clickbait" / "headlines.tsv.gz", sep="\t")
    bait = pd.concat(
        [
            bait[bait["clickbait"] == flag].sample(200, random_state=seed).assign(stratum=name)
            for flag, name in ((1, "clickbait_1"), (0, "clickbait_0"))
        ]
    )
    bait = bait.assign(
        source="clickbait",
        outlet="(Stop Clickbait data)",
        id=[f"cb{hashlib.sha256(h.encode()).hexdigest()[:10]}" for h in bait["headline"]],
        split=bait["headline"].map(half),
    )
    columns = ["id", "source", "stratum", "outlet", "split", "headline"]
    rows = pd.concat([allsides[columns], bait[columns]]).sample(frac=1.0, random_state=seed)
    rows["headline"] = rows["headline"].str.replace(r"\s+", " ", regex=True).str.strip()
    out.parent.mkdir(parents=True, exist_ok=True)
    rows.to_csv(out, sep="\t", index=False)
    print(f"{len(rows)} headlines, {rows['outlet'].nunique()} outlets -> {out}")
    print(rows.groupby(["stratum", "split"]).size().unstack())


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
