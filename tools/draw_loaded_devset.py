"""Draw the loaded-language development set that two labellers code (issue 20).

Usage (from the repository root, with ../shared/data present)::

    python tools/draw_loaded_devset.py ../shared/data tests/dev/loaded/sentences.tsv

2,000 sentences of AllSides bodies (clutter removed first), seed 2026, 8 to 60 words each,
at most one per article and ten per outlet (40 in the opinion stratum, where few
outlets mark opinion in their addresses): 1,200 from any article and 800 from articles
whose address marks opinion (``opinion``, ``commentary``, ``editorial``, ``column``,
``blog``, ``op-ed``), as biased wording is rare in straight news and the labels need enough
of it. The opinion stratum is drawn by address only, never by the words a measure counts.
``split`` is ``tune`` or ``heldout`` by a hash of the outlet (the same hash as the other
development sets), so no outlet is on both sides.

With ``--more tests/dev/loaded/sentences.tsv`` it draws up to 4,000 further sentences (seed 2027,
four times the caps) from the tuning outlets only, leaving out the articles already drawn: more
sentences to learn from, never scored as held out::

    python tools/draw_loaded_devset.py ../shared/data MORE.tsv --more tests/dev/loaded/sentences.tsv
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
from devset import half, read

from framing.measures.clutter import clean
from framing.text.segment import sentences

OPINION = r"opinion|commentary|editorial|column|blog|op-ed|oped"


def _one_sentence(body: str, rng: np.random.Generator) -> str | None:
    text = clean(body)
    found = [text[a:b].strip() for a, b in sentences(text)]
    found = [s for s in found if 8 <= len(s.split()) <= 60 and "\n" not in s and "\t" not in s]
    return found[rng.integers(len(found))] if found else None


def _draw(
    articles: pd.DataFrame, n: int, rng: np.random.Generator, stratum: str, cap: int
) -> pd.DataFrame:
    rows = []
    per_outlet: dict[str, int] = {}
    for art in articles.sample(frac=1.0, random_state=int(rng.integers(2**31))).itertuples():
        if per_outlet.get(art.outlet, 0) >= cap:
            continue
        sentence = _one_sentence(art.body, rng)
        if sentence is None:
            continue
        per_outlet[art.outlet] = per_outlet.get(art.outlet, 0) + 1
        rows.append(
            {
                "id": f"{art.id}",
                "outlet": art.outlet,
                "leaning": art.leaning,
                "stratum": stratum,
                "split": half(art.outlet),
                "sentence": sentence,
            }
        )
        if len(rows) == n:
            break
    return pd.DataFrame(rows)


def main(shared: Path, out: Path, seed: int = 2026, more: Path | None = None) -> None:
    rng = np.random.default_rng(seed)
    articles = pd.read_json(shared / "allsides" / "articles.jsonl.gz", lines=True)
    articles = articles[articles["body"].fillna("").str.strip().ne("")]
    scale = 1
    if more is not None:  # a further draw for training: tuning outlets, other articles
        drawn = set(read(more)["id"])
        articles = articles[articles["outlet"].map(half).eq("tune") & ~articles["id"].isin(drawn)]
        scale = 2
    opinion = articles["url"].fillna("").str.lower().str.contains(OPINION)
    table = pd.concat(
        [
            _draw(articles[opinion], 800 * scale, rng, "opinion", cap=40 * scale**2),
            _draw(articles[~opinion], 1200 * scale, rng, "any", cap=10 * scale**2),
        ]
    )
    table = table.sample(frac=1.0, random_state=seed)
    table.to_csv(out, sep="\t", index=False)
    print(
        f"{len(table)} sentences, {table['outlet'].nunique()} outlets; "
        f"strata {table['stratum'].value_counts().to_dict()}; "
        f"split {table['split'].value_counts().to_dict()}"
    )


if __name__ == "__main__":
    if len(sys.argv) > 3:  # the training draw: ... --more tests/dev/loaded/sentences.tsv
        main(Path(sys.argv[1]), Path(sys.argv[2]), seed=2027, more=Path(sys.argv[4]))
    else:
        main(Path(sys.argv[1]), Path(sys.argv[2]))
