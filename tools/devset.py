"""Read a development set: a tab-separated file with its codebook as ``#`` lines on top."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd


def half(key: str) -> str:
    """The development sets' split of an outlet (or of a headline without one): ``"tune"``
    or ``"heldout"`` by a hash of its name, so no outlet is on both sides."""
    return "heldout" if int(hashlib.sha256(key.encode()).hexdigest(), 16) % 2 else "tune"


def read(path: Path) -> pd.DataFrame:
    """The rows of ``path``, skipping the leading ``#`` lines (only those: a "#" in a row stays).

    Every column is read as text, and no value is taken as missing.
    """
    with open(path, encoding="utf-8") as f:
        skip = 0
        for line in f:
            if not line.startswith("#"):
                break
            skip += 1
    return pd.read_csv(path, sep="\t", skiprows=skip, keep_default_na=False, dtype=str)


def articles(lines: pd.DataFrame) -> tuple[list[str], pd.DataFrame]:
    """The articles of a clutter development set rebuilt from their labelled lines.

    Lines are joined by blank lines in their order; returns the texts and the lines in the
    same order (as :func:`framing.measures.clutter.linemodel.line_frame` lists them).
    """
    lines = lines.assign(_n=lines["line"].astype(int)).sort_values(["article", "_n"])
    texts = lines.groupby("article", sort=False)["text"].agg("\n\n".join)
    return texts.tolist(), lines.drop(columns="_n").reset_index(drop=True)


def coded_articles(folder: Path, table: str, shared: Path) -> pd.DataFrame:
    """The hand codes ``folder/table`` (one row an AllSides article, by ``id``) beside each
    article's headline and body as the coders read them (clutter removed).

    Only ids and codes ship; the texts are read from ``shared`` (../shared/data) by id, so
    that a later change to the draw's filters cannot swap an article.
    """
    from framing.measures.clutter import clean

    labels = pd.read_csv(folder / table, sep="\t", comment="#", dtype={"id": str})
    corpus = pd.read_json(shared / "allsides" / "articles.jsonl.gz", lines=True, dtype={"id": str})
    texts = corpus[corpus["id"].isin(set(labels["id"]))][["id", "headline", "body"]]
    texts = texts.assign(
        headline=[clean(h if isinstance(h, str) else "").strip() for h in texts["headline"]],
        body=[clean(b if isinstance(b, str) else "").strip() for b in texts["body"]],
    )
    return labels.merge(texts, on="id", validate="one_to_one")
