"""Compare groups of articles (outlets, leanings) on every measure, with honest statistics.

:func:`compare_outlets` turns a feature table into one tidy row per (group, measure):
estimates with seeded bootstrap confidence intervals, a global Kruskal-Wallis test, each
group against the rest with Mann-Whitney U, Benjamini-Hochberg q-values over all those
tests, and Cliff's delta as the effect size. ``within="topic"`` standardises to a common
topic mix so that what an outlet covers does not pass for how it frames it; ``over="date"``
gives a monthly trend table. :func:`outlet_classifier` asks how well the measures alone
tell the groups apart.

On a Dask DataFrame (or with ``method="moments"``) the table comes instead from
per-partition sufficient statistics merged exactly (:func:`moment_stats`,
:func:`compare_moments`): Student t intervals, Welch's t test of each group against the
rest and Cohen's d, in one pass over data of any size.

Examples
--------
>>> import pandas as pd
>>> from framing.stats.compare import compare_outlets
>>> feats = pd.DataFrame({"outlet": list("aaabbb"), "score": [1, 2, 3, 4, 5, 6]})
>>> table = compare_outlets(feats, n_boot=200)
>>> table[["group", "measure", "n", "mean", "cliffs_delta"]]
  group measure  n  mean  cliffs_delta
0     a   score  3   2.0          -1.0
1     b   score  3   5.0           1.0
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from framing.errors import InputError
from framing.io.parallel import is_dask
from framing.io.schema import require_columns
from framing.stats.moments import group_stats, mean_ci, merge_stats

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
]
"""Columns of :func:`compare_outlets`, in order."""

TREND_COLUMNS = ["group", "measure", "month", "n", "mean", "ci_low", "ci_high"]
"""Columns of :func:`compare_outlets` with ``over=``, in order."""

MOMENT_COLUMNS = [*COLUMNS, "sd", "welch_t", "welch_p", "cohens_d"]
"""Columns of :func:`compare_moments` (``compare_outlets(..., method="moments")``)."""

METHODS = ("bootstrap", "moments")

_BLOCK = 4_000_000  # resampling weights held in memory at once (resamples x articles)


# --- inputs -----------------------------------------------------------------------------


def group_key(features: pd.DataFrame, key: Any) -> pd.Series | None:
    """The grouping values named by ``key`` (a column name or a Series aligned on the index)."""
    if key is None:
        return None
    if isinstance(key, pd.Series):
        return key if key.index.equals(features.index) else key.reindex(features.index)
    require_columns(features, [key], where="features")
    return features[key]


def _measures(features: pd.DataFrame, measures: Any, keys: Iterable[Any]) -> list[str]:
    exclude = {k for k in keys if isinstance(k, str)}
    if measures is None:
        measures = [
            c
            for c in features.columns
            if c not in exclude and pd.api.types.is_numeric_dtype(features[c])
        ]
    elif isinstance(measures, str):
        measures = [measures]
    measures = list(measures)
    require_columns(features, measures, where="features")
    if not measures:
        raise InputError(
            "no numeric measure columns to compare; pass features from "
            "framing.extract_features or name them with measures=[...]"
        )
    bad = [m for m in measures if not pd.api.types.is_numeric_dtype(features[m])]
    if bad:
        raise InputError(f"measures must be numeric; not numeric: {', '.join(map(str, bad))}")
    return measures


# --- estimates --------------------------------------------------------------------------


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def _weights(rng: np.random.Generator, n: int, b: int) -> np.ndarray:
    """``b`` bootstrap resamples of ``n`` rows as a (b, n) matrix of draw counts."""
    draws = rng.integers(0, n, size=(b, n))
    draws += np.arange(b)[:, None] * n
    return np.bincount(draws.ravel(), minlength=b * n).reshape(b, n).astype(float)


def _bootstrap(
    X: np.ndarray,
    valid: np.ndarray,
    strata: np.ndarray,
    shares: np.ndarray,
    n_boot: int,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """The (standardised) mean of the rows ``X`` and its ``n_boot`` resampled values.

    Each stratum ``t`` present is resampled on its own; the estimate is the mean of the
    stratum means weighted by ``shares[t]`` (renormalised over the strata with data).
    With one stratum this is the plain mean and the plain percentile bootstrap.
    """
    m = X.shape[1]
    point_num, point_den = np.zeros(m), np.zeros(m)
    num, den = np.zeros((n_boot, m)), np.zeros((n_boot, m))
    for t in np.unique(strata):
        rows = strata == t
        x, v, w = np.where(valid[rows], X[rows], 0.0), valid[rows].astype(float), shares[t]
        cell = _ratio(x.sum(0), v.sum(0))
        point_num += np.where(np.isnan(cell), 0.0, cell * w)
        point_den += ~np.isnan(cell) * w
        step = max(1, _BLOCK // len(x))
        for b in range(0, n_boot, step):
            W = _weights(rng, len(x), min(step, n_boot - b))
            cell = _ratio(W @ x, W @ v)
            num[b : b + len(W)] += np.where(np.isnan(cell), 0.0, cell * w)
            den[b : b + len(W)] += ~np.isnan(cell) * w
    return _ratio(point_num, point_den), _ratio(num, den)


def _interval(boot: np.ndarray, n: np.ndarray, ci: float) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval per column; NaN where fewer than two values were resampled."""
    alpha = (1 - ci) / 2
    if not np.isnan(boot).any():  # the common case, without nanquantile's slow path
        low, high = np.quantile(boot, [alpha, 1 - alpha], axis=0)
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns
            low, high = np.nanquantile(boot, [alpha, 1 - alpha], axis=0)
    return np.where(n >= 2, low, np.nan), np.where(n >= 2, high, np.nan)


def _estimates(X, valid, cells, strata, shares, n_boot, ci, rng):
    """Estimate, interval bounds and ``n`` for each non-empty cell, as (cells, measures) arrays.

    Cells are visited in increasing code order, so one seeded generator gives the same
    resamples for the same input.
    """
    from threadpoolctl import threadpool_limits

    order = np.argsort(cells, kind="stable")
    ids, starts = np.unique(cells[order], return_index=True)
    bounds = np.append(starts, len(order))
    out = np.full((4, len(ids), X.shape[1]), np.nan)
    # the products are small and many: threads only contend for the cores
    with threadpool_limits(1, user_api="blas"):
        for c in range(len(ids)):
            r = order[bounds[c] : bounds[c + 1]]
            n = valid[r].sum(0)
            point, boot = _bootstrap(X[r], valid[r], strata[r], shares, n_boot, rng)
            out[:, c] = point, *_interval(boot, n, ci), n
    return out


# --- tests ------------------------------------------------------------------------------


def benjamini_hochberg(p: Any) -> np.ndarray:
    """Benjamini-Hochberg q-values (false discovery rate); NaN p-values stay NaN.

    Examples
    --------
    >>> benjamini_hochberg([0.01, 0.04, 0.03, float("nan")]).round(3).tolist()
    [0.03, 0.04, 0.04, nan]
    """
    p = np.asarray(p, dtype=float)
    q = np.full_like(p, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    if len(ok):
        order = ok[np.argsort(p[ok], kind="stable")]
        ranked = p[order] * len(ok) / np.arange(1, len(ok) + 1)
        q[order] = np.minimum(np.minimum.accumulate(ranked[::-1])[::-1], 1.0)
    return q


def _tests(y: np.ndarray, codes: np.ndarray, k: int) -> tuple[float, float, np.ndarray]:
    """Kruskal-Wallis over the groups, and for each group versus the rest: U, p, delta.

    The values are ranked once; every statistic follows from the groups' rank sums
    (the same formulas as :func:`scipy.stats.kruskal` and the asymptotic
    :func:`scipy.stats.mannwhitneyu`, with tie and continuity corrections). Tiny
    comparisons (both sides at most 8 values, no ties) get scipy's exact p-value.
    """
    out = np.full((k, 3), np.nan)  # mwu_u, mwu_p, cliffs_delta
    N = len(y)
    sizes = np.bincount(codes, minlength=k).astype(float)
    if N == 0:
        return np.nan, np.nan, out
    rank_sums = np.bincount(codes, weights=stats.rankdata(y), minlength=k)
    ties = np.unique(y, return_counts=True)[1].astype(float)
    tie_term = float((ties**3 - ties).sum())
    n1, n2 = sizes, N - sizes
    tested = (n1 > 0) & (n2 > 0)
    u = rank_sums - n1 * (n1 + 1) / 2
    out[tested, 0] = u[tested]
    out[tested, 2] = 2 * u[tested] / (n1 * n2)[tested] - 1
    if len(ties) < 2:  # no variation: nothing to test
        return np.nan, np.nan, out
    present = sizes > 0
    h = np.nan
    p = np.nan
    if present.sum() >= 2:
        h = 12 / (N * (N + 1)) * (rank_sums[present] ** 2 / sizes[present]).sum() - 3 * (N + 1)
        h /= 1 - tie_term / (N**3 - N)
        p = float(stats.chi2.sf(h, present.sum() - 1))
    sigma = np.sqrt(n1 * n2 / 12 * ((N + 1) - tie_term / (N * (N - 1))))
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (np.abs(u - n1 * n2 / 2) - 0.5) / sigma
    out[tested, 1] = np.minimum(2 * stats.norm.sf(z[tested]), 1.0)
    if len(ties) == N:  # exact null distribution where scipy would use it
        for j in np.flatnonzero(tested & (n1 <= 8) & (n2 <= 8)):
            res = stats.mannwhitneyu(y[codes == j], y[codes != j], method="exact")
            out[j, 1] = res.pvalue
    return float(h), p, out


# --- the public functions ---------------------------------------------------------------


def compare_outlets(
    features: pd.DataFrame,
    by: str | pd.Series = "outlet",
    *,
    measures: Iterable[str] | None = None,
    within: str | pd.Series | None = None,
    over: str | pd.Series | None = None,
    method: str | None = None,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Estimates, intervals, tests and effect sizes for every group and measure.

    Parameters
    ----------
    features : pandas.DataFrame or dask.dataframe.DataFrame
        One row per article: numeric measures (e.g. from :func:`framing.extract_features`)
        and, unless given as Series, the grouping column(s). A Dask DataFrame is
        summarised partition by partition (``method="moments"``; ``by`` and ``over``
        must then name columns).
    by : str or pandas.Series, default "outlet"
        The grouping column, or a Series aligned on ``features.index``. Rows without a
        group are left out.
    measures : list of str, optional
        Columns to compare; default every numeric column except ``by``/``within``/``over``.
    within : str or pandas.Series, optional
        A stratifying column such as ``"topic"``: compare groups *within* strata and
        reweight to the pooled stratum mix (see Notes). A missing stratum value is a
        stratum of its own.
    over : str or pandas.Series, optional
        A date column: return a monthly trend table instead (see Returns).
    method : {"bootstrap", "moments"}, optional
        ``"bootstrap"`` (the default for a pandas DataFrame): everything below.
        ``"moments"`` (the default, and the only choice, for a Dask DataFrame): the
        table of :func:`compare_moments`, from per-partition sufficient statistics:
        t intervals, Welch's t test and Cohen's d instead of the bootstrap and the rank
        statistics (see Notes). It does not take ``within``.
    n_boot : int, default 2000
        Bootstrap resamples.
    ci : float, default 0.95
        Confidence level of the intervals.
    seed : int, default 0
        Seed of the bootstrap; the same input and seed give the same table.

    Returns
    -------
    pandas.DataFrame
        Without ``over``: one row per (group, measure), measures in input order and
        groups sorted within each, columns :data:`COLUMNS`:

        * ``n``: articles of the group with a value; ``mean``; ``median``;
        * ``ci_low``/``ci_high``: percentile bootstrap interval of the mean (NaN for a
          group with fewer than two values);
        * ``kruskal_h``/``kruskal_p``: Kruskal-Wallis over all groups, repeated on each
          group's row;
        * ``mwu_u``/``mwu_p``: two-sided Mann-Whitney U of the group against all other
          groups (``U`` counts pairs where the group is higher, ties as one half; exact
          p for samples of at most 8 without ties, otherwise the normal approximation
          with tie and continuity correction);
        * ``q``: Benjamini-Hochberg q-value over *all* group x measure tests;
        * ``cliffs_delta``: P(group > rest) - P(group < rest) = 2U / (n1 n2) - 1, in
          [-1, 1], positive when the group is higher.

        With ``over``: one row per (group, measure, month) with columns
        :data:`TREND_COLUMNS` (``month`` as ``"YYYY-MM"``; unparseable dates dropped),
        sorted by group, measure and month.
        ``attrs["method"]`` describes how the estimates and tests were made.

        With ``method="moments"``: columns :data:`MOMENT_COLUMNS` (those above, then
        ``sd``, ``welch_t``, ``welch_p``, ``cohens_d``), or :data:`TREND_COLUMNS` with
        ``over``; see :func:`compare_moments`.

    Raises
    ------
    CorpusError
        When ``by``, ``within``, ``over`` or a named measure is not a column.
    InputError
        For ``within`` or ``method="bootstrap"`` with a Dask DataFrame (compute it first).

    Notes
    -----
    NaN values are dropped measure by measure (each measure has its own ``n``; a
    resample averages the valid values it drew). A measure that does not vary at all
    cannot be tested: its ``kruskal_*``, ``mwu_p`` and ``q`` are NaN (``U`` is then
    n1 n2 / 2 and delta 0), and it does not count in the q-value correction. Resampling
    uses one seeded generator and draw-count weights, so all measures of a group share
    the same resamples and the cost is a matrix product: 2,000 resamples over 30,000
    articles take seconds.

    With ``within``, the *direct standardisation* estimate of a group is
    ``sum_t w_t * mean(group, t)`` where ``w_t`` is the share of stratum ``t`` in the
    whole table (pooled over groups) and the sum runs over the strata the group covers,
    with the weights renormalised over them. Groups with the same stratum means therefore
    get the same estimate whatever their mix. The bootstrap resamples within each
    (group, stratum) cell (a cell of one article adds no resampling variance). Tests and
    Cliff's delta use the residuals from the pooled stratum means, and ``median`` is the
    median of the topic-adjusted values (residual plus the overall mean).

    The bootstrap and the rank statistics need every value of a group in one place. On a
    Dask DataFrame each partition is instead reduced on its worker to per-(group,
    measure) count, sum and sum of squared deviations; these merge exactly, so the
    means, standard deviations and t intervals equal those of the whole table in memory,
    and the group-vs-rest tests follow from the totals minus the group's own statistics.
    Rank-based columns are NaN there; use ``cohens_d`` and ``welch_p`` (``q`` is computed
    from ``welch_p``).

    Examples
    --------
    Outlet ``a`` covers mostly the high-scoring topic, ``b`` mostly the low one; within
    each topic they score alike, so the standardised means agree:

    >>> import pandas as pd
    >>> f = pd.DataFrame({"outlet": list("aaaabbbb"), "topic": list("xxxyxyyy"),
    ...                   "score": [10, 10, 10, 0, 10, 0, 0, 0]})
    >>> compare_outlets(f, n_boot=100)["mean"].tolist()
    [7.5, 2.5]
    >>> compare_outlets(f, within="topic", n_boot=100)["mean"].tolist()
    [5.0, 5.0]

    The same means from sufficient statistics, as a Dask DataFrame would give them (with
    Dask installed, ``compare_outlets(dask.dataframe.from_pandas(f, npartitions=2))``):

    >>> compare_outlets(f, method="moments")[["group", "mean", "cohens_d"]].round(3)
      group  mean  cohens_d
    0     a   7.5       1.0
    1     b   2.5      -1.0
    """
    dask = is_dask(features)
    method = method or ("moments" if dask else "bootstrap")
    if method not in METHODS:
        raise InputError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    if not (dask or isinstance(features, pd.DataFrame)):
        raise InputError("compare_outlets takes a DataFrame of measures (one row per article)")
    if not 0 < ci < 1:
        raise InputError(f"ci must be between 0 and 1, got {ci}")
    if n_boot < 1:
        raise InputError(f"n_boot must be a positive number of resamples, got {n_boot}")
    if method == "moments":
        if within is not None:
            raise InputError(
                "within= standardises with the bootstrap, which needs the values in memory: "
                "use method='bootstrap' on a pandas DataFrame (ddf.compute() first)"
            )
        stats = moment_stats(features, by, measures=measures, over=over)
        return compare_moments(stats, ci=ci, by=getattr(by, "name", by))
    if dask:
        raise InputError(
            "the bootstrap needs every value in memory: compare a Dask DataFrame with "
            "method='moments', or pass ddf.compute()"
        )
    group = group_key(features, by)
    stratum = group_key(features, within)
    date = group_key(features, over)
    names = _measures(features, measures, (by, within, over))
    try:
        X = features[names].to_numpy(dtype=float)
    except (TypeError, ValueError) as err:
        raise InputError(f"measures must be numeric: {err}") from None

    keep = group.notna().to_numpy()
    labels = sorted(pd.unique(group[keep]), key=str)
    if not labels:
        raise InputError("no article has a group value; check the grouping column")
    codes = pd.Categorical(group, categories=labels).codes.astype(np.intp)
    if stratum is None:
        strata = np.zeros(len(X), dtype=np.intp)
    else:
        strata = pd.factorize(stratum.astype(object).fillna("(missing)"), sort=True)[0]
    months = None
    if date is not None:
        parsed = pd.to_datetime(date, errors="coerce", utc=True)
        months = parsed.dt.strftime("%Y-%m").to_numpy(dtype=object)
        keep = keep & parsed.notna().to_numpy()
    X, codes, strata = X[keep], codes[keep], strata[keep]
    valid = ~np.isnan(X)
    # pooled stratum shares per measure (over every group's valid values)
    n_strata = strata.max() + 1 if len(strata) else 1
    shares = np.stack([np.bincount(strata, weights=v, minlength=n_strata) for v in valid.T], 1)
    shares = _ratio(shares, shares.sum(0, keepdims=True))
    rng = np.random.default_rng(seed)
    label = {"by": getattr(by, "name", by), "within": getattr(within, "name", within)}

    if months is not None:
        month_labels, month_codes = np.unique(months[keep].astype(str), return_inverse=True)
        cells = codes * len(month_labels) + month_codes
        point, low, high, n = _estimates(X, valid, cells, strata, shares, n_boot, ci, rng)
        cell_ids = np.unique(cells)
        out = pd.DataFrame(
            {
                "group": np.repeat(
                    np.asarray(labels, dtype=object)[cell_ids // len(month_labels)], len(names)
                ),
                "measure": np.tile(names, len(cell_ids)),
                "month": np.repeat(month_labels[cell_ids % len(month_labels)], len(names)),
                "n": n.ravel().astype(int),
                "mean": point.ravel(),
                "ci_low": low.ravel(),
                "ci_high": high.ravel(),
                "_m": np.tile(np.arange(len(names)), len(cell_ids)),
                "_g": np.repeat(cell_ids // len(month_labels), len(names)),
            }
        )
        out = out[out["n"] > 0].sort_values(["_g", "_m", "month"], kind="stable")
        out = out[TREND_COLUMNS].reset_index(drop=True)
        out.attrs["method"] = _method(label, ci, n_boot, seed, trend=True)
        return out

    rows = []
    estimates = _estimates(X, valid, codes, strata, shares, n_boot, ci, rng)
    for i, name in enumerate(names):
        v = valid[:, i]
        y, g, s = X[v, i], codes[v], strata[v]
        if stratum is not None:  # residuals from the pooled stratum means
            means = _ratio(np.bincount(s, weights=y), np.bincount(s).astype(float))
            y = y - means[s] + (y.mean() if len(y) else 0.0)
        h, p, pairwise = _tests(y, g, len(labels))
        for j, lab in enumerate(labels):
            point, low, high = (e[j, i] for e in estimates[:3])
            yj = y[g == j]
            rows.append(
                (lab, name, len(yj), point, np.median(yj) if len(yj) else np.nan)
                + (low, high, h, p, *pairwise[j][:2], np.nan, pairwise[j][2])
            )
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["q"] = benjamini_hochberg(out["mwu_p"])
    out["n"] = out["n"].astype(int)
    out.attrs["method"] = _method(label, ci, n_boot, seed, trend=False)
    return out


def _method(label: dict, ci: float, n_boot: int, seed: int, *, trend: bool) -> str:
    pct = f"{ci:.0%}"
    if label["within"] is None:
        text = (
            f"mean per {label['by']}; {pct} percentile bootstrap ({n_boot} resamples, seed {seed})"
        )
    else:
        text = (
            f"mean per {label['by']} directly standardised to the pooled {label['within']} "
            f"mix; {pct} percentile bootstrap within {label['within']} strata "
            f"({n_boot} resamples, seed {seed})"
        )
    if trend:
        return text + "; by calendar month"
    tests = "Kruskal-Wallis; Mann-Whitney U of each group vs the rest"
    if label["within"] is not None:
        tests += f" on residuals from the {label['within']} means"
    return f"{text}; {tests}; Benjamini-Hochberg q over all tests; Cliff's delta"


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
        As in :func:`compare_outlets`. A Dask DataFrame is summarised partition by
        partition on the workers (one pass); only the small tables travel.
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
        Columns ``group`` (``month``), ``measure``, ``n``, ``sum``, ``m2`` as
        :func:`framing.stats.moments.group_stats` gives them. Tables of disjoint parts of a
        corpus merge exactly with ``framing.stats.moments.merge_stats(parts, ["group"])``
        (``["group", "month"]`` with ``over``).

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"outlet": list("aab"), "x": [1.0, 3.0, 5.0]})
    >>> moment_stats(f).to_dict("records")
    [{'group': 'a', 'measure': 'x', 'n': 2, 'sum': 4.0, 'm2': 2.0}, {'group': 'b', 'measure': 'x', 'n': 1, 'sum': 5.0, 'm2': 0.0}]
    """
    dask = is_dask(features)
    if dask and not all(isinstance(k, str) for k in (by, over) if k is not None):
        raise InputError("with a Dask DataFrame, by= and over= must name columns")
    names = _measures(features, measures, (by, over))
    keys = {"__group__": group_key(features, by)}
    if over is not None:
        date = group_key(features, over)
        months = date.map_partitions(_months, meta=(date.name, object)) if dask else _months(date)
        keys["__month__"] = months
    if not dask:  # Series keys by value: they are aligned on the index already
        keys = {k: v.to_numpy() for k, v in keys.items()}
    stats = group_stats(features[names].assign(**keys), list(keys), names)
    return stats.rename(columns={k: k.strip("_") for k in keys})


def _months(date: pd.Series) -> pd.Series:
    """``"YYYY-MM"`` of each date, NaN where it does not parse."""
    return pd.to_datetime(date, errors="coerce", utc=True).dt.strftime("%Y-%m").astype(object)


def compare_moments(stats: pd.DataFrame, *, ci: float = 0.95, by: Any = "group") -> pd.DataFrame:
    """The comparison table of :func:`compare_outlets` from sufficient statistics alone.

    Parameters
    ----------
    stats : pandas.DataFrame
        From :func:`moment_stats` (possibly merged from parts): ``group``, optionally
        ``month``, then ``measure``, ``n``, ``sum``, ``m2``.
    ci : float, default 0.95
        Confidence level of the t intervals.
    by : str, default "group"
        What the groups are (outlets, leanings), for ``attrs["method"]``.

    Returns
    -------
    pandas.DataFrame
        One row per (group, measure), measures in the order of ``stats`` and groups
        sorted as :func:`compare_outlets` sorts them, columns :data:`MOMENT_COLUMNS`:

        * ``n``, ``mean``, ``sd`` (``ddof=1``) and ``ci_low``/``ci_high``: the Student t
          interval of the mean, ``mean ± t(ci, n - 1) * sd / sqrt(n)`` (NaN for n < 2);
        * ``welch_t``/``welch_p``: Welch's two-sided t test of the group against all
          other groups together (the rest's n, sum and squared deviations are the totals
          minus the group's, exactly); NaN when either side has fewer than two values
          or neither varies;
        * ``q``: Benjamini-Hochberg q-values of ``welch_p`` over all group x measure tests;
        * ``cohens_d``: (mean - mean of the rest) / pooled sd, positive when the group is
          higher;
        * ``median``, ``kruskal_*``, ``mwu_*``, ``cliffs_delta``: NaN (they need ranks),
          kept so that the columns of the bootstrap table are all present.

        With a ``month`` column: one row per (group, measure, month) with ``n > 0``,
        columns :data:`TREND_COLUMNS`.

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
    from scipy import stats as st

    trend = "month" in stats.columns
    keys = ["group", "month"] if trend else ["group"]
    if not len(stats):
        raise InputError("no article has a group value; check the grouping column")
    table = mean_ci(stats.reset_index(drop=True), level=ci)
    for key in [*keys, "measure"]:  # the dtypes the bootstrap path infers (not Arrow's)
        table[key] = table[key].astype(object).infer_objects()
    labels = {g: i for i, g in enumerate(sorted(pd.unique(table["group"]), key=str))}
    rank = {m: i for i, m in enumerate(pd.unique(table["measure"]))}
    group, measure = table["group"].map(labels), table["measure"].map(rank)
    # as compare_outlets orders them: by measure then group; trends by group, measure, month
    order = [table["month"], measure, group] if trend else [group, measure]
    table = table.iloc[np.lexsort(order)]
    table = table.reset_index(drop=True)
    pct = f"{ci:.0%}"
    text = (
        f"mean per {by} from per-partition sufficient statistics (n, sum, squared "
        f"deviations) merged exactly; {pct} Student t interval of the mean (no bootstrap)"
    )
    if trend:
        out = table.loc[table["n"] > 0, TREND_COLUMNS].reset_index(drop=True)
        out.attrs["method"] = text + "; by calendar month"
        return out

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
    out = out.reindex(columns=MOMENT_COLUMNS)
    out["n"] = out["n"].astype(int)
    out.attrs["method"] = (
        f"{text}; Welch's t test of each group vs the rest (totals minus the group); "
        "Benjamini-Hochberg q over all tests; Cohen's d (pooled sd); median, Kruskal-Wallis, "
        "Mann-Whitney U and Cliff's delta need ranks and are NaN"
    )
    return out


def outlet_classifier(
    features: pd.DataFrame,
    by: str | pd.Series = "outlet",
    *,
    measures: Iterable[str] | None = None,
    cv: int = 5,
    n_repeats: int = 5,
    seed: int = 0,
) -> dict[str, pd.DataFrame]:
    """How well the interpretable measures alone tell the groups apart, and which matter.

    A standardised multinomial logistic regression (missing values imputed by the
    training-fold median) is scored under stratified ``cv``-fold cross-validation, beside
    two chance baselines. Permutation importance is measured on each held-out fold (the
    drop in accuracy when one measure's values are shuffled) and averaged over folds.

    Parameters
    ----------
    features : pandas.DataFrame
        Measures and, unless ``by`` is a Series, the grouping column.
    by : str or pandas.Series, default "outlet"
        What to predict: outlets, leanings, ... Rows without a value are left out.
    measures : list of str, optional
        Default: every numeric column except ``by``.
    cv : int, default 5
        Folds; lowered to the size of the smallest group (at least 2 are needed).
    n_repeats : int, default 5
        Shuffles per measure and fold for the permutation importance.
    seed : int, default 0

    Returns
    -------
    dict
        ``"scores"``: DataFrame indexed by ``model`` (``"measures"``: the classifier;
        ``"majority"``: always the largest group, fitted in the same folds;
        ``"uniform"``: guessing each of the k groups with probability 1/k: accuracy
        1/k, macro-F1 from each class's expected precision (its share) and recall
        (1/k)) with columns ``accuracy``, ``accuracy_std``, ``macro_f1``,
        ``macro_f1_std`` (std over folds).
        ``"importance"``: DataFrame with columns ``measure``, ``importance_mean``,
        ``importance_std`` (accuracy drop, std over folds and repeats), sorted by
        decreasing importance.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(0)
    >>> f = pd.DataFrame({"outlet": np.repeat(["a", "b"], 50),
    ...                   "signal": np.repeat([0.0, 1.0], 50) + rng.normal(0, 0.3, 100),
    ...                   "noise": rng.normal(size=100)})
    >>> res = outlet_classifier(f, cv=5)
    >>> bool(res["scores"].loc["measures", "accuracy"] > res["scores"].loc["majority", "accuracy"])
    True
    >>> res["importance"]["measure"].iloc[0]
    'signal'
    """
    from sklearn.base import clone
    from sklearn.dummy import DummyClassifier
    from sklearn.impute import SimpleImputer
    from sklearn.inspection import permutation_importance
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    group = group_key(features, by)
    names = _measures(features, measures, (by,))
    keep = group.notna().to_numpy()
    X = features.loc[keep, names].astype(float)
    y = group[keep].astype(str).to_numpy()
    labels, counts = np.unique(y, return_counts=True)
    if len(labels) < 2 or counts.min() < 2:
        raise InputError(
            "outlet_classifier needs at least 2 groups with at least 2 articles each; "
            f"found {dict(zip(labels.tolist(), counts.tolist(), strict=True))}"
        )
    folds = StratifiedKFold(n_splits=min(cv, int(counts.min())), shuffle=True, random_state=seed)
    models = {
        "measures": make_pipeline(
            SimpleImputer(strategy="median", keep_empty_features=True),
            StandardScaler(),
            LogisticRegression(max_iter=2000),
        ),
        "majority": DummyClassifier(strategy="most_frequent"),
    }
    scores: dict[str, list[tuple[float, float]]] = {name: [] for name in models}
    drops = []
    for train, test in folds.split(X, y):
        for name, model in models.items():
            fitted = clone(model).fit(X.iloc[train], y[train])
            pred = fitted.predict(X.iloc[test])
            scores[name].append(
                (
                    accuracy_score(y[test], pred),
                    f1_score(y[test], pred, average="macro", zero_division=0),
                )
            )
            if name == "measures":
                imp = permutation_importance(
                    fitted,
                    X.iloc[test],
                    y[test],
                    scoring="accuracy",
                    n_repeats=n_repeats,
                    random_state=seed,
                )
                drops.append(imp.importances)
    table = {
        name: {
            "accuracy": np.mean([a for a, _ in s]),
            "accuracy_std": np.std([a for a, _ in s]),
            "macro_f1": np.mean([f for _, f in s]),
            "macro_f1_std": np.std([f for _, f in s]),
        }
        for name, s in scores.items()
    }
    # guessing uniformly: recall 1/k for every class, precision = the class's share
    k, share = len(labels), counts / counts.sum()
    table["uniform"] = {
        "accuracy": 1 / k,
        "accuracy_std": 0.0,
        "macro_f1": float(np.mean(2 * share / k / (share + 1 / k))),
        "macro_f1_std": 0.0,
    }
    scores_df = pd.DataFrame.from_dict(table, orient="index").rename_axis("model")
    drops = np.concatenate(drops, axis=1)  # measures x (folds * repeats)
    importance = pd.DataFrame(
        {"measure": names, "importance_mean": drops.mean(1), "importance_std": drops.std(1)}
    )
    importance = importance.sort_values("importance_mean", ascending=False, kind="stable")
    return {"scores": scores_df, "importance": importance.reset_index(drop=True)}
