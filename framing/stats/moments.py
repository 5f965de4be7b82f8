"""Group statistics that merge exactly: pandas or Dask frames of any size in one pass.

:func:`group_stats` reduces any frame, pandas or Dask, to per-group sufficient statistics
(count, sum, and sum of squared deviations) that merge exactly (:func:`merge_stats`);
:func:`mean_ci` turns them into means with t confidence intervals. Each partition is
summarised where it lives and only the small tables travel.

Method
------
For each group and measure a partition gives ``n`` (non-missing values), ``sum`` and
``m2 = sum((x - mean)**2)``, the sum of squares about the partition's own mean (not the
raw sum of squares, which loses every digit to cancellation when values are large).
Partitions merge exactly (Chan, Golub & LeVeque 1979):
``m2 = sum_i m2_i + sum_i n_i * (mean_i - mean)**2``. Then ``sd = sqrt(m2 / (n - 1))``,
``se = sd / sqrt(n)`` and the interval is ``mean ± t(level, n - 1) * se``: the Student t
interval of the mean, identical to ``scipy.stats.t.interval`` on the raw values (and to
the normal approximation for large ``n``).

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"outlet": ["a", "a", "a", "b", "b"], "x": [1.0, 2.0, 3.0, 10.0, 14.0]})
>>> table = mean_ci(group_stats(df, "outlet"))
>>> table[["outlet", "measure", "n", "mean", "sd"]].round(3).values.tolist()
[['a', 'x', 3, 2.0, 1.0], ['b', 'x', 2, 12.0, 2.828]]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from framing.errors import InputError
from framing.io.parallel import is_dask

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

STATS = ("n", "sum", "m2")


def _partition_stats(df: pd.DataFrame, by: list[str], columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    df = df.dropna(subset=by)  # rows without a key belong to no group
    grouped = df.groupby(by, sort=True, observed=True)[columns]
    n, total = grouped.count(), grouped.sum(min_count=1).fillna(0.0)
    centred = df[columns] - grouped.transform("mean")
    m2 = (centred**2).groupby([df[k] for k in by], sort=True, observed=True).sum()
    out = pd.concat(
        {"n": n.stack(), "sum": total.stack(), "m2": m2.reindex(n.index).stack()}, axis=1
    )
    out.index.names = [*by, "measure"]
    return out.reset_index().astype({"n": "int64", "sum": float, "m2": float})


def group_stats(df: Any, by: str | list[str], columns: Iterable[str] | None = None) -> pd.DataFrame:
    """Per-group count, sum and sum of squared deviations of each numeric column.

    Parameters
    ----------
    df : pandas.DataFrame or dask.dataframe.DataFrame
        With a Dask frame each partition is summarised on its worker and the small
        tables are merged here with :func:`merge_stats`.
    by : str or list of str
        The grouping column (e.g. ``"outlet"``), or several (e.g. outlet and month).
        Rows with a missing key are left out.
    columns : iterable of str, optional
        Measures to summarise; default every numeric column but ``by``.

    Returns
    -------
    pandas.DataFrame
        Columns ``*by, measure, n, sum, m2`` (missing values are left out of ``n``),
        sorted by the keys, measures in column order within each group.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"g": ["a", "a", "b"], "x": [1.0, 3.0, None]})
    >>> group_stats(df, "g").to_dict("records")
    [{'g': 'a', 'measure': 'x', 'n': 2, 'sum': 4.0, 'm2': 2.0}, {'g': 'b', 'measure': 'x', 'n': 0, 'sum': 0.0, 'm2': 0.0}]
    """
    keys = [by] if isinstance(by, str) else list(by)
    for key in keys:
        if key not in df.columns:
            raise InputError(
                f"no column {key!r} to group by; columns: {', '.join(map(str, df.columns))}"
            )
    if columns is None:
        numeric = df.select_dtypes("number").columns
        columns = [c for c in numeric if c not in keys]
    columns = list(columns)
    if not columns:
        raise InputError("group_stats found no numeric columns to summarise")
    if is_dask(df):
        parts = df[[*keys, *columns]].map_partitions(_partition_stats, keys, columns).compute()
        return merge_stats(parts, keys)
    return _partition_stats(df, keys, columns)


def merge_stats(parts: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    """Merge partial :func:`group_stats` tables (stacked rows) exactly, group by group.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"g": ["a"] * 4, "x": [1.0, 2.0, 3.0, 10.0]})
    >>> parts = pd.concat([group_stats(df[:1], "g"), group_stats(df[1:], "g")])
    >>> merge_stats(parts, "g").equals(group_stats(df, "g"))
    True
    """
    import numpy as np
    import pandas as pd

    by = [by] if isinstance(by, str) else list(by)
    keys = [*by, "measure"]
    n = parts.groupby(keys, sort=True)["n"].sum()
    total = parts.groupby(keys, sort=True)["sum"].sum()
    mean = (total / n.where(n > 0)).fillna(0.0)
    part_n = parts["n"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        part_mean = np.where(part_n > 0, parts["sum"].to_numpy() / part_n, 0.0)
    index = parts.set_index(keys).index
    shift = part_n * (part_mean - mean.reindex(index).to_numpy()) ** 2
    m2 = (parts["m2"] + shift).groupby([parts[k] for k in keys], sort=True).sum()
    out = pd.concat({"n": n, "sum": total, "m2": m2}, axis=1).reset_index()
    # measures in the order the partitions list them (their columns' order), not A-Z
    rank = {m: i for i, m in enumerate(pd.unique(parts["measure"]))}
    order = [out["measure"].map(rank), *(out[k].rank(method="dense") for k in reversed(by))]
    out = out.iloc[np.lexsort(order)]
    return out.reset_index(drop=True).astype({"n": "int64", "sum": float, "m2": float})


def mean_ci(stats: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Add ``mean``, ``sd``, ``se``, ``ci_low``, ``ci_high`` (Student t) to group stats.

    ``sd``, ``se`` and the interval are NaN where ``n < 2``; ``mean`` is NaN where
    ``n == 0``.

    Examples
    --------
    >>> import pandas as pd
    >>> stats = pd.DataFrame({"g": ["a"], "measure": ["x"], "n": [4], "sum": [8.0], "m2": [12.0]})
    >>> row = mean_ci(stats).iloc[0]
    >>> [round(float(row[k]), 3) for k in ("mean", "sd", "ci_low", "ci_high")]
    [2.0, 2.0, -1.182, 5.182]
    """
    import numpy as np
    from scipy import stats as st

    if not 0 < level < 1:
        raise InputError(f"level must be between 0 and 1 (e.g. 0.95), not {level}")
    out = stats.copy()
    n = out["n"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["mean"] = np.where(n > 0, out["sum"] / n, np.nan)
        out["sd"] = np.where(n > 1, np.sqrt(out["m2"] / (n - 1)), np.nan)
        out["se"] = out["sd"] / np.sqrt(n)
        half = st.t.ppf(0.5 + level / 2, np.maximum(n - 1, 1)) * out["se"]
    out["ci_low"] = out["mean"] - half
    out["ci_high"] = out["mean"] + half
    return out
