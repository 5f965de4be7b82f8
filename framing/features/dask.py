"""Feature extraction over a Dask DataFrame: the pandas function on each partition."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from framing.errors import InputError


def extract_dask(ddf: Any, features: str | Iterable[str] = "default") -> Any:
    """:func:`framing.extract_features` over each partition of a Dask DataFrame (lazy).

    Returns a Dask DataFrame with the same index and partitions as ``ddf`` and one
    column per measure (float, or categorical for a label); nothing runs until ``.compute()`` or ``.to_parquet()``.
    """
    import pandas as pd

    from framing.features import dtypes, extract_features, resolve

    names = resolve(features)
    if not {"headline", "body"} & set(ddf.columns):
        raise InputError(
            "extract_features needs a 'headline' or 'body' column; found "
            f"{list(map(str, ddf.columns))}; rename them (ddf.rename(columns=...)) first"
        )
    meta = pd.DataFrame(
        {column: pd.Series(dtype=kind) for column, kind in dtypes(names).items()},
        index=pd.Index([], dtype=ddf.index.dtype, name=ddf.index.name),
    )
    return ddf.map_partitions(extract_features, names, meta=meta)
