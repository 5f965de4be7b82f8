"""The columns of the comparison tables, and the checks of the arguments that shape them.

Every comparison function returns one table shape whatever its arguments:
:func:`~framing.stats.compare.compare_outlets` and
:func:`~framing.stats.moments.compare_moments` return :data:`COLUMNS`,
:func:`~framing.stats.trends.compare_trends` and
:func:`~framing.stats.trends.trend_moments` return :data:`TREND_COLUMNS`. Arguments that
cannot be used raise :class:`~framing.errors.ParameterError` naming the parameter.

Examples
--------
>>> import pandas as pd
>>> f = pd.DataFrame({"outlet": ["a", "b"], "x": [1.0, 2.0], "label": ["p", "q"]})
>>> measure_columns(f, None, ["outlet"])
['x']
>>> months(pd.Series(["2020-01-31", "soon"])).tolist()
['2020-01', nan]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from framing.errors import ParameterError
from framing.io.parallel import is_dask
from framing.io.schema import require_columns

COLUMNS = [
    "group",
    "measure",
    "n",
    "mean",
    "median",
    "ci_low",
    "ci_high",
    "kruskal_h",
    "kruskal_p",
    "mwu_u",
    "mwu_p",
    "q",
    "cliffs_delta",
    "sd",
    "welch_t",
    "welch_p",
    "cohens_d",
    "wilcoxon_w",
    "wilcoxon_p",
]
"""Columns of :func:`~framing.stats.compare.compare_outlets` (any method), in order."""

RANK_COLUMNS = ["median", "kruskal_h", "kruskal_p", "mwu_u", "mwu_p", "cliffs_delta"]
"""Columns that need every value in one place: NaN in a table from sufficient statistics."""

MOMENT_TEST_COLUMNS = ["welch_t", "welch_p", "cohens_d"]
"""Columns of the t test from sufficient statistics: NaN in a bootstrap table."""

TREND_COLUMNS = ["group", "measure", "month", "n", "mean", "ci_low", "ci_high"]
"""Columns of :func:`~framing.stats.trends.compare_trends`, in order."""

METHODS = ("bootstrap", "moments")
"""How a comparison is computed: bootstrap and ranks in memory, or merged moments."""


def group_key(features: Any, key: str | pd.Series) -> pd.Series:
    """The grouping values named by ``key``: a column name, or a Series aligned on the index.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"outlet": ["a", "b"]}, index=[3, 4])
    >>> group_key(f, "outlet").tolist(), group_key(f, pd.Series(["x", "y"], [4, 3])).tolist()
    (['a', 'b'], ['y', 'x'])
    """
    if isinstance(key, pd.Series):
        return key if key.index.equals(features.index) else key.reindex(features.index)
    require_columns(features, [key], where="features")
    return features[key]


def optional_key(features: Any, key: str | pd.Series | None) -> pd.Series | None:
    """:func:`group_key`, or ``None`` when no key is given."""
    return None if key is None else group_key(features, key)


def key_label(key: str | pd.Series | None) -> Any:
    """What a key is called in a method description: its column or Series name."""
    return getattr(key, "name", key)


def measure_columns(
    features: Any, measures: str | Iterable[str] | None, keys: Iterable[Any]
) -> list[str]:
    """The measure columns to compare: those named, or every numeric column but the keys.

    Raises
    ------
    MissingColumnError
        When a named measure is not a column.
    ParameterError
        When there is no measure to compare, or a named one is not numeric
        (``parameter="measures"``).
    """
    exclude = {k for k in keys if isinstance(k, str)}
    if measures is None:
        names = [
            c
            for c in features.columns
            if c not in exclude and pd.api.types.is_numeric_dtype(features[c])
        ]
    else:
        names = [measures] if isinstance(measures, str) else list(measures)
    require_columns(features, names, where="features")
    if not names:
        raise ParameterError(
            "no numeric measure columns to compare; pass features from "
            "framing.extract_features or name them with measures=[...]",
            parameter="measures",
        )
    bad = [m for m in names if not pd.api.types.is_numeric_dtype(features[m])]
    if bad:
        raise ParameterError(
            f"measures= must be numeric columns; not numeric: {', '.join(map(str, bad))}",
            parameter="measures",
        )
    return names


def parse_dates(values: Any) -> Any:
    """Dates in any common format ("2021-08-10", "8/10/21", "10 August 2021"), as UTC
    timestamps; NaT where blank or not a date.

    Examples
    --------
    >>> parse_dates(pd.Series(["2021-08-10", "8/11/21", "soon"])).dt.day.tolist()
    [10.0, 11.0, nan]
    """
    return pd.to_datetime(values, errors="coerce", format="mixed", utc=True)


DATE_GAP_DAYS = 365
"""Dates further than this before the 0.1% quantile of a corpus's dates, or after its 99.9%
quantile, are set apart (:func:`far_dates`): a placeholder year 1 or 2050 (both in the
AllSides corpus) is not the corpus's range."""


def far_dates(dates: pd.Series) -> pd.Series:
    """Which of the (parsed, not missing) ``dates`` lie more than :data:`DATE_GAP_DAYS` from
    nearly all the others.

    Examples
    --------
    >>> days = pd.Series(pd.to_datetime(["2016-01-0%d" % d for d in range(1, 10)] * 200
    ...     + ["0001-11-30", "2050-09-30"]))
    >>> days[far_dates(days)].dt.year.tolist()
    [1, 2050]
    """
    gap = pd.Timedelta(days=DATE_GAP_DAYS)
    low, high = dates.quantile([0.001, 0.999])
    return (dates < low - gap) | (dates > high + gap)


def months(date: pd.Series) -> pd.Series:
    """``"YYYY-MM"`` of each date, NaN where it does not parse."""
    return parse_dates(date).dt.strftime("%Y-%m").astype(object)


def check_options(features: Any, method: str | None, ci: float, n_boot: int) -> str:
    """Check the options shared by the comparisons; return the method to use.

    ``method=None`` means ``"moments"`` for a Dask DataFrame and ``"bootstrap"`` otherwise.

    Examples
    --------
    >>> import pandas as pd
    >>> check_options(pd.DataFrame(), None, 0.95, 100)
    'bootstrap'
    >>> check_options(pd.DataFrame(), None, 95, 100)
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: ci= must be between 0 and 1, got 95
    """
    dask = is_dask(features)
    method = method or ("moments" if dask else "bootstrap")
    if method not in METHODS:
        raise ParameterError(
            f"method= must be one of {', '.join(METHODS)}, not {method!r}", parameter="method"
        )
    if not (dask or isinstance(features, pd.DataFrame)):
        raise ParameterError(
            "features= must be a DataFrame of measures (one row per article)",
            parameter="features",
        )
    if not 0 < ci < 1:
        raise ParameterError(f"ci= must be between 0 and 1, got {ci}", parameter="ci")
    if n_boot < 1:
        raise ParameterError(
            f"n_boot= must be a positive number of resamples, got {n_boot}", parameter="n_boot"
        )
    if dask and method == "bootstrap":
        raise ParameterError(
            "the bootstrap needs every value in memory: compare a Dask DataFrame with "
            "method='moments', or pass ddf.compute()",
            parameter="method",
        )
    return method


def no_groups() -> ParameterError:
    """The error for a grouping in which no article has a value."""
    return ParameterError(
        "no article has a group value; check the grouping column by=", parameter="by"
    )
