"""Story matching over a Dask DataFrame: date blocks on the workers, joined on the client.

Articles are cut into blocks of ``block_days`` days; an article of a block's first
``window_days`` days also goes to the block before it, so that every pair of dated articles
within the window meets in some block. A first pass counts in how many articles each term
occurs (:func:`framing.stats.stories.frequencies`, summed over the partitions); then each
block is matched on a worker as :func:`framing.stats.stories.stories` matches a corpus, its
terms weighted as in the whole corpus, and only the story label of each (block, article)
comes back. On the client, stories of two blocks that share an article are
joined (connected components), and each article keeps the story of its own block. Work grows
with the number of blocks, not with the square of the corpus.

Undated articles cannot be blocked by date: they are matched by text among the undated
articles of their own partition only (a warning says so when there is no date column), and a
lead repeated across articles (page furniture, left out of the texts compared) is counted
within a block.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import InputError

BLOCK_DAYS = 28
"""Days per block: each block is matched as one pandas corpus on a worker."""


def _blocks(
    part: pd.DataFrame, date: str, block_days: int, window: int, partition_info: Any = None
) -> pd.DataFrame:
    """The rows of one partition with their block (twice for a block's first ``window``
    days); undated rows get the negative block of their partition."""
    number = partition_info["number"] if partition_info else 0
    out = part.assign(_id=part.index, _block=-1 - number, _own=True)
    if date in part.columns:
        from framing.stats.stories import day_numbers

        days = day_numbers(part[date], date)
        ok = days >= 0
        block = np.where(ok, days // block_days, out["_block"].to_numpy())
        out["_block"] = block
        early = ok & (days - block * block_days < window)
        out = pd.concat([out, out[early].assign(_block=block[early] - 1, _own=False)])
    return out.reset_index(drop=True)


def _count(part: pd.DataFrame) -> tuple[list[pd.Series], int]:
    """A partition's term frequencies (:func:`framing.stats.stories.frequencies`) and size."""
    from framing.stats.stories import frequencies

    return frequencies(part), len(part)


def _match_blocks(
    part: pd.DataFrame, corpus: tuple[list[pd.Series], int], **kwargs: Any
) -> pd.DataFrame:
    """Story labels of the articles of each block in ``part`` (each a pandas corpus), terms
    weighted as in the whole ``corpus`` (its frequencies and size)."""
    from framing.stats.stories import match, vectors

    out = []
    for _, block in part.groupby("_block", sort=False):
        block = block.reset_index(drop=True)
        label = match(block, vectors(block, corpus), **kwargs)
        out.append(
            pd.DataFrame(
                {
                    "_id": block["_id"].to_numpy(),
                    "_block": block["_block"].to_numpy(),
                    "_own": block["_own"].to_numpy(),
                    "_local": label.to_numpy(),
                }
            )
        )
    columns = {"_id": part["_id"].dtype, "_block": "int64", "_own": "bool", "_local": "int64"}
    empty = pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})
    return pd.concat(out, ignore_index=True) if out else empty


def stories_by_block(
    ddf: Any,
    *,
    window_days: int,
    threshold: float,
    link: float | None,
    date: str,
    block_days: int = BLOCK_DAYS,
) -> pd.Series:
    """:func:`framing.stats.stories.stories` over a Dask DataFrame, block by block.

    Parameters are as :func:`~framing.stats.stories.stories`, plus ``block_days`` (at least
    ``window_days + 1``). The index of ``ddf`` must be unique: it names the articles.

    Returns
    -------
    pandas.Series
        One story id per article, indexed and ordered as ``ddf``'s index (computed).
    """
    import dask
    import scipy.sparse as sp
    from dask import delayed
    from scipy.sparse.csgraph import connected_components

    if block_days <= window_days:
        raise InputError(
            f"block_days must exceed window_days ({block_days} <= {window_days}): a block "
            "must hold every pair of its window"
        )
    keep = [c for c in ("outlet", "headline", "body", date) if c in ddf.columns]
    if date not in ddf.columns:
        warnings.warn(
            f"no {date!r} column: on a Dask DataFrame each partition is matched by text alone, "
            "and articles of different partitions are never one story",
            UserWarning,
            stacklevel=3,
        )
    rows = ddf[keep].map_partitions(
        _blocks,
        date,
        block_days,
        window_days,
        meta={
            **{c: ddf[c].dtype for c in keep},
            "_id": ddf.index.dtype,
            "_block": "int64",
            "_own": "bool",
        },
    )
    meta = {"_id": ddf.index.dtype, "_block": "int64", "_own": "bool", "_local": "int64"}
    kwargs = {"window_days": window_days, "threshold": threshold, "link": link, "date": date}
    parts = dask.compute(*[delayed(_count)(p) for p in ddf[keep].to_delayed()])
    counted = [
        pd.concat(f).groupby(level=0).sum() for f in zip(*(f for f, _ in parts), strict=True)
    ]
    corpus = (counted, sum(n for _, n in parts))
    labels = (
        rows.shuffle("_block")
        .map_partitions(_match_blocks, corpus, meta=meta, **kwargs)
        .compute()
        .reset_index(drop=True)
    )
    if labels.loc[labels["_own"], "_id"].duplicated().any():
        raise InputError(
            "stories on a Dask DataFrame needs a unique index (it names the articles); "
            "set one with ddf.set_index(...) or reset_index()"
        )
    # one node per (block, story); an article in two blocks joins their stories
    node = labels.groupby(["_block", "_local"], sort=False).ngroup().to_numpy()
    first = pd.Series(node).groupby(labels["_id"].to_numpy()).transform("first").to_numpy()
    n = int(node.max()) + 1 if len(node) else 0
    graph = sp.coo_matrix((np.ones(len(node)), (node, first)), shape=(n, n))
    component = connected_components(graph, directed=False)[1]
    own = labels[labels["_own"].to_numpy()]
    story = pd.Series(component[node[labels["_own"].to_numpy()]], index=own["_id"].to_numpy())
    story = story.reindex(ddf.index.compute())
    ids = pd.factorize(story.to_numpy())[0]  # numbered in order of first article
    return pd.Series(ids, index=story.index, name="story")
