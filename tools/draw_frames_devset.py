"""Draw the generic-frames development set that two coders code (issue 16).

Usage (from the repository root, with ../shared/data present)::

    python tools/draw_frames_devset.py ../shared/data tests/dev/frames/articles.jsonl

320 AllSides articles (seed 2026), headline and body with clutter removed, bodies of 150 to
1,200 words (coders read each whole), at most 6 per outlet so that at least 50 outlets come
in, every topic and leaning as the corpus has them. ``split`` is ``tune`` or ``heldout`` by
the same hash of the outlet as the other development sets. Writes JSON Lines (``id``,
``outlet``, ``leaning``, ``topic``, ``split``, ``headline``, ``body``) and one plain-text
file a batch for the coders beside it (``batch-K.txt``, articles separated by ``=====``).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pandas as pd
from devset import half

from framing.measures.clutter import clean

N, PER_OUTLET, BATCHES = 320, 6, 4


def draw(
    shared: Path,
    out: Path,
    *,
    n: int,
    per_outlet: int,
    batches: int,
    seed: int,
    words: tuple[int, int] = (150, 1200),
    thirds: bool = False,
) -> pd.DataFrame:
    """Draw ``n`` AllSides articles for coders and write them and their batches.

    Shuffled by ``seed``, an article is taken while its outlet has fewer than
    ``per_outlet`` (and, with ``thirds``, its leaning fewer than a third of ``n``) and its
    clutter-cleaned body has ``words`` (low, high) words. Writes ``out`` (JSON Lines: ``id``,
    ``outlet``, ``leaning``, ``topic``, ``split``, ``headline``, ``body``) and ``batches``
    plain-text files beside it (``batch-K.txt``: ID, headline and body, articles separated by
    ``=====``; no outlet, so that coders judge the text and not who published it).
    """
    articles = pd.read_json(shared / "allsides" / "articles.jsonl.gz", lines=True)
    articles = articles.sample(frac=1.0, random_state=seed)
    rows: list[dict[str, str]] = []
    outlets: Counter[str] = Counter()
    leanings: Counter[str] = Counter()
    for art in articles.itertuples():
        if outlets[art.outlet] >= per_outlet or (thirds and leanings[art.leaning] >= n // 3):
            continue
        body = clean(art.body or "").strip()
        if not words[0] <= len(body.split()) <= words[1]:
            continue
        outlets[art.outlet] += 1
        leanings[art.leaning] += 1
        rows.append(
            {
                "id": str(art.id),
                "outlet": art.outlet,
                "leaning": art.leaning,
                "topic": art.topic,
                "split": half(art.outlet),
                "headline": clean(art.headline or "").strip(),
                "body": body,
            }
        )
        if len(rows) == n:
            break
    table = pd.DataFrame(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_json(out, orient="records", lines=True, force_ascii=False)
    size = -(-len(table) // batches)
    for k in range(batches):
        part = table.iloc[k * size : (k + 1) * size]
        text = "\n\n=====\n\n".join(
            f"ID: {r.id}\nHEADLINE: {r.headline}\n\n{r.body}" for r in part.itertuples()
        )
        (out.parent / f"batch-{k + 1}.txt").write_text(text + "\n", encoding="utf-8")
    print(
        f"{len(table)} articles, {table['outlet'].nunique()} outlets; "
        f"split {table['split'].value_counts().to_dict()}; {batches} batches of {size}"
    )
    return table


def main(shared: Path, out: Path, seed: int = 2026) -> None:
    draw(shared, out, n=N, per_outlet=PER_OUTLET, batches=BATCHES, seed=seed)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
