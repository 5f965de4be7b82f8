"""Draw roundup-like samples for story matching: two days of three outlets (issue 17).

Usage (from the repository root, with ../shared/data present)::

    python tools/draw_story_days.py ../shared/data tests/dev/stories/days
    python tools/draw_story_days.py ../shared/data tests/dev/stories/days-2 2027 \
        tests/dev/stories/days

The second draw (seed 2027) keeps its days a week from those of the folders named after it,
and names its samples ``t00``, ``t01``, ... so that articles of both sets stay distinct.

Editors' roundups put side by side the articles of a left, a centre and a right outlet
about one event, many events a day. This draws 40 samples (seed 2026) shaped like their
raw material: a day D at least a week from the other samples' days, and for each of left,
centre and right the AllSides outlet with the most articles on D, with all their articles
dated D or D + 1 (at most 24 a sample, drawn at random when more). Judges group each
sample's articles by event (``CODEBOOK.md``: two articles are one group when they report the
same event). A sample is ``tune`` or ``heldout`` by the parity of its number. Writes
``articles.tsv`` (``sample``, ``article``, ``id``, ``outlet``, ``leaning``, ``date``,
``split``) and ``days.txt`` for the judges (git-ignored: headline and the first 60 words).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

SAMPLES = 40
CAP = 24
GAP_DAYS = 7


def main(shared: Path, out: Path, seed: int = 2026, avoid: tuple[Path, ...] = ()) -> None:
    df = dated(shared)
    df = df[df["leaning"].isin(["left", "center", "right"])]
    per = df.groupby(["day", "leaning", "outlet"]).size()
    best = per.groupby(level=["day", "leaning"]).max().unstack()
    days = best[(best >= 2).all(axis=1)].index.to_numpy()
    rng = np.random.default_rng(seed)
    taken = taken_days(avoid)
    chosen: list[pd.Timestamp] = []
    for day in rng.permutation(days):
        if all(abs((day - c).days) >= GAP_DAYS for c in chosen + taken):
            chosen.append(pd.Timestamp(day))
        if len(chosen) == SAMPLES:
            break
    prefix = "s" if not avoid else "tuvwxyz"[len(avoid) - 1]
    rows = []
    for k, day in enumerate(sorted(chosen)):
        outlets = [
            per.loc[(day, leaning)].sort_values(ascending=False, kind="stable").index[0]
            for leaning in ("left", "center", "right")
        ]
        near = df["day"].between(day, day + pd.Timedelta(days=1)) & df["outlet"].isin(outlets)
        picked = df[near]
        if len(picked) > CAP:
            picked = picked.sample(CAP, random_state=seed)
        picked = picked.sort_values(["day", "outlet", "id"])
        rows += sample_rows(picked, f"{prefix}{k:02d}", "tune" if k % 2 == 0 else "heldout")
    write(pd.DataFrame(rows), out)


def dated(shared: Path) -> pd.DataFrame:
    """The AllSides articles that have a date, with their ``day``."""
    df = pd.read_json(shared / "allsides" / "articles.jsonl.gz", lines=True, dtype={"id": str})
    df["day"] = pd.to_datetime(df["date"], errors="coerce", format="mixed").dt.floor("D")
    return df[df["day"].notna()]


def taken_days(folders: tuple[Path, ...]) -> list[pd.Timestamp]:
    """The days of the articles drawn into ``folders`` already."""
    return [
        pd.Timestamp(d) for f in folders for d in pd.read_csv(f / "articles.tsv", sep="\t")["date"]
    ]


def sample_rows(picked: pd.DataFrame, sample: str, split: str) -> list[dict]:
    """One row per article of a sample (in the order of ``picked``), as :func:`write` takes."""
    return [
        {
            "sample": sample,
            "article": f"{sample}-a{j:02d}",
            "id": a["id"],
            "outlet": a["outlet"],
            "leaning": a["leaning"],
            "date": a["day"].date().isoformat(),
            "split": split,
            "headline": a["headline"],
            "lead": " ".join(str(a["body"] or "").split()[:60]),
        }
        for j, (_, a) in enumerate(picked.iterrows())
    ]


def write(table: pd.DataFrame, out: Path) -> None:
    """Write the drawn samples: ``articles.tsv`` and, for the judges, ``days.txt``."""
    out.mkdir(parents=True, exist_ok=True)
    columns = ["sample", "article", "id", "outlet", "leaning", "date", "split"]
    table[columns].to_csv(out / "articles.tsv", sep="\t", index=False)
    text = []
    for sample, g in table.groupby("sample"):
        text.append(f"SAMPLE {sample}")
        text += [
            f"{a.article} | {a.outlet} | {a.date}\n  HEADLINE: {a.headline}\n  LEAD: {a.lead}"
            for a in g.itertuples()
        ]
        text.append("")
    (out / "days.txt").write_text("\n".join(text), encoding="utf-8")
    print(table.groupby("split")["sample"].nunique(), len(table), "articles")


if __name__ == "__main__":
    main(
        Path(sys.argv[1]),
        Path(sys.argv[2]),
        int(sys.argv[3]) if len(sys.argv) > 3 else 2026,
        tuple(Path(a) for a in sys.argv[4:]),
    )
