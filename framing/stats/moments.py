"""Group statistics that merge exactly: pandas or Dask frames of any size in one pass.

:func:`group_stats` reduces any frame, pandas or Dask, to per-group sufficient statistics
(count, sum, and sum of squared deviations) that merge exactly (:func:`merge_stats`);
:func:`mean_ci` turns them into means with t confidence intervals. Each partition is
summarised where it lives and only the small tables travel. :func:`moment_stats` does
this for a feature table, and :func:`compare_moments` turns the merged statistics into
the comparison table of :func:`framing.stats.compare.compare_outlets`: Student t
intervals, Welch's t test of each group against the rest and Cohen's d.

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

from framing.errors import MissingColumnError, ParameterError
from framing.io.parallel import is_dask
from framing.stats.schema import (
    COLUMNS,
    RANK_COLUMNS,
    group_key,
    measure_columns,
    months,
    no_groups,
    optional_key,
)
from framing.stats.significance import benjamini_hochberg

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
    missing = [k for k in keys if k not in df.columns]
    if missing:
        found = [str(c) for c in df.columns]
        raise MissingColumnError(
            f"no column {', '.join(map(repr, missing))} to group by; columns: {', '.join(found)}",
            missing=missing,
            found=found,
        )
    if columns is None:
        numeric = df.select_dtypes("number").columns
        columns = [c for c in numeric if c not in keys]
    columns = list(columns)
    if not columns:
        raise ParameterError(
            "group_stats found no numeric columns to summarise; name them with columns=",
            parameter="columns",
        )
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
        raise ParameterError(
            f"level= must be between 0 and 1 (e.g. 0.95), not {level}", parameter="level"
        )
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


def moment_stats(
    features: Any,
    by: str | pd.Series = "outlet",
    *,
    measures: Iterable[str] | None = None,
    over: str | pd.Series | None = None,
) -> pd.DataFrame:
    """Sufficient statistics of every measure per group (and month), from any frame.

    Parameters
    ----------
    features : pandas.DataFrame or dask.dataframe.DataFrame
        As in :func:`framing.stats.compare.compare_outlets`. A Dask DataFrame is
        summarised partition by partition on the workers (one pass); only the small
        tables travel.
    by : str or pandas.Series, default "outlet"
        The grouping column (a Series, aligned on the index, only with pandas).
    measures : list of str, optional
        Default every numeric column except ``by`` and ``over``.
    over : str or pandas.Series, optional
        A date column: key the statistics by calendar month too (unparseable dates are
        left out).

    Returns
    -------
    pandas.DataFrame
        Columns ``group``, then ``month`` when ``over`` is given, then ``measure``,
        ``n``, ``sum``, ``m2`` as :func:`group_stats` gives them. Tables of disjoint
        parts of a corpus merge exactly with ``merge_stats(parts, ["group"])``
        (``["group", "month"]`` with ``over``); :func:`compare_moments` (or, with
        months, :func:`framing.stats.trends.trend_moments`) turns them into a comparison.

    Raises
    ------
    ParameterError
        With a Dask DataFrame, when ``by`` or ``over`` is a Series.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"outlet": list("aab"), "x": [1.0, 3.0, 5.0]})
    >>> moment_stats(f).to_dict("records")
    [{'group': 'a', 'measure': 'x', 'n': 2, 'sum': 4.0, 'm2': 2.0}, {'group': 'b', 'measure': 'x', 'n': 1, 'sum': 5.0, 'm2': 0.0}]
    """
    dask = is_dask(features)
    if dask:
        for name, key in (("by", by), ("over", over)):
            if key is not None and not isinstance(key, str):
                raise ParameterError(
                    f"with a Dask DataFrame, {name}= must name a column", parameter=name
                )
    names = measure_columns(features, measures, (by, over))
    keys = {"__group__": group_key(features, by)}
    date = optional_key(features, over)
    if date is not None:
        keys["__month__"] = (
            date.map_partitions(months, meta=(date.name, object)) if dask else months(date)
        )
    if not dask:  # Series keys by value: they are aligned on the index already
        keys = {k: v.to_numpy() for k, v in keys.items()}
    stats = group_stats(features[names].assign(**keys), list(keys), names)
    return stats.rename(columns={k: k.strip("_") for k in keys})


def mean_table(stats: pd.DataFrame, ci: float, keys: list[str]) -> pd.DataFrame:
    """:func:`mean_ci` of merged statistics, sorted as the bootstrap tables sort them.

    Rows are ordered by measure (in the order of ``stats``) then group (sorted as
    strings), or with ``keys == ["group", "month"]`` by group, measure and month.
    """
    import numpy as np
    import pandas as pd

    if not len(stats):
        raise no_groups()
    table = mean_ci(stats.reset_index(drop=True), level=ci)
    for key in [*keys, "measure"]:  # the dtypes the bootstrap path infers (not Arrow's)
        table[key] = table[key].astype(object).infer_objects()
    labels = {g: i for i, g in enumerate(sorted(pd.unique(table["group"]), key=str))}
    rank = {m: i for i, m in enumerate(pd.unique(table["measure"]))}
    group, measure = table["group"].map(labels), table["measure"].map(rank)
    trend = "month" in keys
    order = [table["month"], measure, group] if trend else [group, measure]
    return table.iloc[np.lexsort(order)].reset_index(drop=True)


def describe_moments(by: Any, ci: float) -> str:
    """How a table from sufficient statistics was made, for ``attrs["method"]``."""
    return (
        f"mean per {by} from per-partition sufficient statistics (n, sum, squared "
        f"deviations) merged exactly; {ci:.0%} Student t interval of the mean (no bootstrap)"
    )


def compare_moments(stats: pd.DataFrame, *, ci: float = 0.95, by: Any = "group") -> pd.DataFrame:
    """The comparison table of :func:`~framing.stats.compare.compare_outlets` from
    sufficient statistics alone.

    Parameters
    ----------
    stats : pandas.DataFrame
        From :func:`moment_stats` without ``over`` (possibly merged from parts):
        ``group``, ``measure``, ``n``, ``sum``, ``m2``.
    ci : float, default 0.95
        Confidence level of the t intervals.
    by : str, default "group"
        What the groups are (outlets, leanings), for ``attrs["method"]``.

    Returns
    -------
    pandas.DataFrame
        One row per (group, measure), measures in the order of ``stats`` and groups
        sorted as :func:`~framing.stats.compare.compare_outlets` sorts them, with its
        columns (:data:`~framing.stats.schema.COLUMNS`):

        * ``n``, ``mean``, ``sd`` (``ddof=1``) and ``ci_low``/``ci_high``: the Student t
          interval of the mean, ``mean ± t(ci, n - 1) * sd / sqrt(n)`` (NaN for n < 2);
        * ``welch_t``/``welch_p``: Welch's two-sided t test of the group against all
          other groups together (the rest's n, sum and squared deviations are the totals
          minus the group's, exactly); NaN when either side has fewer than two values
          or neither varies;
        * ``q``: Benjamini-Hochberg q-values of ``welch_p`` over all group x measure tests;
        * ``cohens_d``: (mean - mean of the rest) / pooled sd, positive when the group is
          higher;
        * ``median``, ``kruskal_*``, ``mwu_*``, ``cliffs_delta``: NaN (they need ranks).

    Raises
    ------
    ParameterError
        When ``stats`` has a ``month`` column (use
        :func:`framing.stats.trends.trend_moments`), or no row.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"outlet": list("aaabbb"), "x": [1.0, 2.0, 3.0, 5.0, 6.0, 7.0]})
    >>> t = compare_moments(moment_stats(f), by="outlet")
    >>> t[["group", "n", "mean", "ci_low", "welch_t", "cohens_d"]].round(3)
      group  n  mean  ci_low  welch_t  cohens_d
    0     a  3   2.0  -0.484   -4.899      -4.0
    1     b  3   6.0   3.516    4.899       4.0
    """
    import numpy as np
    from scipy import stats as st

    if "month" in stats.columns:
        raise ParameterError(
            "stats= are keyed by month: compare them with framing.stats.trends.trend_moments",
            parameter="stats",
        )
    table = mean_table(stats, ci, ["group"])
    total = merge_stats(table.drop(columns="group"), []).set_index("measure")
    n1, mean1, sd1, m2_1 = (table[k].to_numpy(float) for k in ("n", "mean", "sd", "m2"))
    n = total["n"].reindex(table["measure"]).to_numpy(float)
    n2 = n - n1
    with np.errstate(divide="ignore", invalid="ignore"):
        mean2 = (total["sum"].reindex(table["measure"]).to_numpy() - table["sum"].to_numpy()) / n2
        # Chan et al. backwards: m2_total = m2_1 + m2_2 + n1 n2 / n (mean1 - mean2)^2
        m2_2 = total["m2"].reindex(table["measure"]).to_numpy() - m2_1
        m2_2 = np.maximum(m2_2 - n1 * n2 / n * (mean1 - mean2) ** 2, 0.0)
        sd2 = np.sqrt(m2_2 / (n2 - 1))
        pooled = np.sqrt((m2_1 + m2_2) / (n - 2))
        d = np.where((n1 > 0) & (n2 > 0) & (pooled > 0), (mean1 - mean2) / pooled, np.nan)
    testable = (n1 > 1) & (n2 > 1) & ((sd1 > 0) | (sd2 > 0))
    t, p = np.full(len(table), np.nan), np.full(len(table), np.nan)
    if testable.any():
        res = st.ttest_ind_from_stats(
            *(a[testable] for a in (mean1, sd1, n1, mean2, sd2, n2)), equal_var=False
        )
        t[testable], p[testable] = res.statistic, res.pvalue
    out = table.assign(welch_t=t, welch_p=p, q=benjamini_hochberg(p), cohens_d=d)
    out = out.reindex(columns=COLUMNS)
    out[RANK_COLUMNS] = out[RANK_COLUMNS].astype(float)
    out["n"] = out["n"].astype(int)
    out.attrs["method"] = (
        f"{describe_moments(by, ci)}; Welch's t test of each group vs the rest (totals minus "
        "the group); Benjamini-Hochberg q over all tests; Cohen's d (pooled sd); median, "
        "Kruskal-Wallis, Mann-Whitney U and Cliff's delta need ranks and are NaN"
    )
    return out
