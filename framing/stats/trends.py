"""Trends over time: each group's mean of every measure, calendar month by month.

:func:`compare_trends` gives one row per (group, measure, month) with a confidence
interval, from the bootstrap of :mod:`framing.stats.bootstrap` (optionally standardised
to a common topic mix) or from merged sufficient statistics (a Dask DataFrame, or
``method="moments"``); :func:`trend_moments` makes the same table from statistics merged
by the caller (streamed chunks).

Examples
--------
>>> import pandas as pd
>>> f = pd.DataFrame({"outlet": list("aab"), "date": ["2020-01-02", "2020-02-03", "2020-01-09"],
...                   "x": [1.0, 2.0, 3.0]})
>>> compare_trends(f, n_boot=10)[["group", "month", "n", "mean"]]
  group    month  n  mean
0     a  2020-01  1   1.0
1     a  2020-02  1   2.0
2     b  2020-01  1   3.0
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import ParameterError
from framing.stats.bootstrap import describe, estimates, prepare
from framing.stats.moments import describe_moments, mean_table, moment_stats
from framing.stats.schema import TREND_COLUMNS, check_options, key_label

__all__ = ["TREND_COLUMNS", "compare_trends", "trend_moments"]


def compare_trends(
    features: Any,
    by: str | pd.Series = "outlet",
    *,
    over: str | pd.Series = "date",
    measures: Iterable[str] | None = None,
    within: str | pd.Series | None = None,
    method: str | None = None,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """The mean of every measure per group and calendar month, with its interval.

    Parameters
    ----------
    features : pandas.DataFrame or dask.dataframe.DataFrame
        One row per article: numeric measures, the grouping column and the date column
        (unless given as Series; with Dask they must be columns).
    by : str or pandas.Series, default "outlet"
        The grouping column, or a Series aligned on ``features.index``.
    over : str or pandas.Series, default "date"
        The dates; rows whose date does not parse are left out.
    measures : list of str, optional
        Default every numeric column except ``by``, ``over`` and ``within``.
    within : str or pandas.Series, optional
        A stratifying column: each month's mean is standardised to the pooled stratum
        mix of the dated rows, as in :func:`framing.stats.compare.compare_outlets`.
        Only with the bootstrap.
    method : {"bootstrap", "moments"}, optional
        Percentile bootstrap intervals (default for pandas) or Student t intervals from
        sufficient statistics (default, and the only choice, for Dask).
    n_boot : int, default 2000
        Bootstrap resamples.
    ci : float, default 0.95
        Confidence level.
    seed : int, default 0
        Seed of the bootstrap.

    Returns
    -------
    pandas.DataFrame
        One row per (group, measure, month) with at least one value, sorted by group,
        measure (input order) and month, with the columns
        :data:`~framing.stats.schema.TREND_COLUMNS` whatever the arguments: ``group``,
        ``measure``, ``month`` (``"YYYY-MM"``), ``n`` (articles with a value), ``mean``,
        ``ci_low``, ``ci_high`` (NaN for n < 2). ``attrs["method"]`` says how they were
        made.

    Raises
    ------
    MissingColumnError
        When ``by``, ``over``, ``within`` or a named measure is not a column.
    ParameterError
        As :func:`~framing.stats.compare.compare_outlets` (``error.parameter`` names the
        parameter).

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"outlet": list("aaab"),
    ...                   "date": ["2020-01-03", "2020-01-20", "2020-02-01", "not a date"],
    ...                   "x": [1.0, 3.0, 5.0, 7.0]})
    >>> compare_trends(f, method="moments").round(3)
      group measure    month  n  mean  ci_low  ci_high
    0     a       x  2020-01  2   2.0 -10.706   14.706
    1     a       x  2020-02  1   5.0     NaN      NaN
    """
    method = check_options(features, method, ci, n_boot)
    if method == "moments":
        if within is not None:
            raise ParameterError(
                "within= standardises with the bootstrap, which needs the values in memory: "
                "use method='bootstrap' on a pandas DataFrame (ddf.compute() first)",
                parameter="within",
            )
        stats = moment_stats(features, by, measures=measures, over=over)
        return trend_moments(stats, ci=ci, by=key_label(by))

    arrays = prepare(features, by, measures=measures, within=within, over=over)
    assert arrays.months is not None  # prepare() dates every row when over= is given
    month_labels, month_codes = np.unique(arrays.months, return_inverse=True)
    cells = arrays.codes * len(month_labels) + month_codes.ravel()
    point, low, high, n = estimates(arrays, cells, n_boot=n_boot, ci=ci, seed=seed)
    cell_ids = np.unique(cells)
    names = arrays.names
    group_of = cell_ids // len(month_labels)
    out = pd.DataFrame(
        {
            "group": np.repeat(np.asarray(arrays.labels, dtype=object)[group_of], len(names)),
            "measure": np.tile(names, len(cell_ids)),
            "month": np.repeat(month_labels[cell_ids % len(month_labels)], len(names)),
            "n": n.ravel().astype(int),
            "mean": point.ravel(),
            "ci_low": low.ravel(),
            "ci_high": high.ravel(),
            "_m": np.tile(np.arange(len(names)), len(cell_ids)),
            "_g": np.repeat(group_of, len(names)),
        }
    )
    out = out[out["n"] > 0].sort_values(["_g", "_m", "month"], kind="stable")
    out = out[TREND_COLUMNS].reset_index(drop=True)
    text = describe(key_label(by), key_label(within), ci=ci, n_boot=n_boot, seed=seed)
    out.attrs["method"] = text + "; by calendar month"
    return out


def trend_moments(stats: pd.DataFrame, *, ci: float = 0.95, by: Any = "group") -> pd.DataFrame:
    """The table of :func:`compare_trends` from sufficient statistics keyed by month.

    Parameters
    ----------
    stats : pandas.DataFrame
        From :func:`framing.stats.moments.moment_stats` with ``over`` (possibly merged
        from parts with ``merge_stats(parts, ["group", "month"])``).
    ci : float, default 0.95
        Confidence level of the Student t intervals.
    by : str, default "group"
        What the groups are, for ``attrs["method"]``.

    Returns
    -------
    pandas.DataFrame
        As :func:`compare_trends`: :data:`~framing.stats.schema.TREND_COLUMNS`, one row
        per (group, measure, month) with ``n > 0``; the interval is
        ``mean ± t(ci, n - 1) * sd / sqrt(n)``.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.stats.moments import moment_stats
    >>> f = pd.DataFrame({"outlet": list("aa"), "date": ["2020-01-03", "2020-01-20"],
    ...                   "x": [1.0, 3.0]})
    >>> trend_moments(moment_stats(f, over="date"))[["month", "n", "mean"]]
         month  n  mean
    0  2020-01  2   2.0
    """
    if "month" not in stats.columns:
        raise ParameterError(
            "stats= have no month column: make them with moment_stats(..., over=) or "
            "compare them with framing.stats.moments.compare_moments",
            parameter="stats",
        )
    table = mean_table(stats, ci, ["group", "month"])
    out = table.loc[table["n"] > 0, TREND_COLUMNS].reset_index(drop=True)
    out["n"] = out["n"].astype(int)
    out.attrs["method"] = describe_moments(by, ci) + "; by calendar month"
    return out
