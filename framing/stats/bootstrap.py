"""Seeded, stratified percentile bootstrap of group means, all measures at once.

:func:`prepare` turns a feature table into arrays (values, validity, group codes, strata
and the pooled stratum shares); :func:`estimates` gives, for each cell of articles (a
group, or a group in a month), the directly standardised mean of every measure, its
percentile interval and ``n``.

Resampling uses one seeded generator and draw-count weights: a resample of a cell is a
vector of how often each article was drawn, so all measures of a cell share the same
resamples and the cost is a matrix product.

Examples
--------
>>> import numpy as np, pandas as pd
>>> f = pd.DataFrame({"outlet": list("aabb"), "x": [1.0, 3.0, 5.0, 7.0]})
>>> a = prepare(f, "outlet")
>>> a.labels, a.names
(['a', 'b'], ['x'])
>>> point, low, high, n = estimates(a, a.codes, n_boot=200, ci=0.95, seed=0)
>>> point.ravel().tolist(), n.ravel().tolist()
([2.0, 6.0], [2.0, 2.0])
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import ParameterError
from framing.stats.schema import (
    group_key,
    measure_columns,
    no_groups,
    optional_key,
    parse_dates,
)

_BLOCK = 4_000_000  # resampling weights held in memory at once (resamples x articles)


@dataclass
class Arrays:
    """A feature table as the bootstrap reads it: the rows with a group (and a date)."""

    X: np.ndarray
    """Values, articles x measures (NaN where missing)."""
    valid: np.ndarray
    """``~isnan(X)``."""
    codes: np.ndarray
    """Group of each article, an index into :attr:`labels`."""
    strata: np.ndarray
    """Stratum of each article (all 0 without ``within``)."""
    shares: np.ndarray
    """Pooled share of each stratum, strata x measures (over the valid values)."""
    labels: list[Any]
    """The groups, sorted as strings."""
    names: list[str]
    """The measures, in input order."""
    months: np.ndarray | None
    """``"YYYY-MM"`` of each article with ``over``, else ``None``."""
    stratified: bool
    """Whether ``within`` was given."""


def prepare(
    features: pd.DataFrame,
    by: str | pd.Series,
    *,
    measures: Iterable[str] | None = None,
    within: str | pd.Series | None = None,
    over: str | pd.Series | None = None,
) -> Arrays:
    """The arrays of :class:`Arrays` for ``features`` grouped by ``by``.

    Rows without a group, and with ``over`` rows whose date does not parse, are left out.
    A missing stratum value is a stratum of its own.
    """
    group = group_key(features, by)
    stratum = optional_key(features, within)
    date = optional_key(features, over)
    names = measure_columns(features, measures, (by, within, over))
    try:
        X = features[names].to_numpy(dtype=float)
    except (TypeError, ValueError) as err:
        raise ParameterError(f"measures= must be numeric: {err}", parameter="measures") from None
    keep = group.notna().to_numpy()
    labels = sorted(pd.unique(group[keep]), key=str)
    if not labels:
        raise no_groups()
    codes = pd.Categorical(group, categories=labels).codes.astype(np.intp)
    if stratum is None:
        strata = np.zeros(len(X), dtype=np.intp)
    else:
        strata = pd.factorize(stratum.astype(object).fillna("(missing)"), sort=True)[0]
    month = None
    if date is not None:
        parsed = parse_dates(date)
        keep = keep & parsed.notna().to_numpy()
        month = parsed.dt.strftime("%Y-%m").to_numpy(dtype=object)[keep].astype(str)
    X, codes, strata = X[keep], codes[keep], strata[keep]
    valid = ~np.isnan(X)
    # pooled stratum shares per measure (over every group's valid values)
    n_strata = strata.max() + 1 if len(strata) else 1
    shares = np.stack([np.bincount(strata, weights=v, minlength=n_strata) for v in valid.T], 1)
    shares = ratio(shares, shares.sum(0, keepdims=True))
    return Arrays(X, valid, codes, strata, shares, labels, names, month, stratum is not None)


def ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den`` where ``den > 0``, NaN elsewhere (without warnings)."""
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
        cell = ratio(x.sum(0), v.sum(0))
        point_num += np.where(np.isnan(cell), 0.0, cell * w)
        point_den += ~np.isnan(cell) * w
        step = max(1, _BLOCK // len(x))
        for b in range(0, n_boot, step):
            W = _weights(rng, len(x), min(step, n_boot - b))
            cell = ratio(W @ x, W @ v)
            num[b : b + len(W)] += np.where(np.isnan(cell), 0.0, cell * w)
            den[b : b + len(W)] += ~np.isnan(cell) * w
    return ratio(point_num, point_den), ratio(num, den)


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


def estimates(
    arrays: Arrays, cells: np.ndarray, *, n_boot: int, ci: float, seed: int
) -> np.ndarray:
    """Estimate, interval bounds and ``n`` of each non-empty cell and measure.

    Parameters
    ----------
    arrays : Arrays
        From :func:`prepare`.
    cells : numpy.ndarray of int
        The cell of each article (e.g. ``arrays.codes``).
    n_boot, ci, seed
        Resamples, confidence level and seed.

    Returns
    -------
    numpy.ndarray
        Shape ``(4, cells, measures)``: point estimate, ``ci_low``, ``ci_high`` and ``n``
        for each distinct cell in increasing order. Cells are resampled in that order
        from one generator, so the same input and seed give the same values.
    """
    from threadpoolctl import threadpool_limits

    rng = np.random.default_rng(seed)
    X, valid = arrays.X, arrays.valid
    order = np.argsort(cells, kind="stable")
    ids, starts = np.unique(cells[order], return_index=True)
    bounds = np.append(starts, len(order))
    out = np.full((4, len(ids), X.shape[1]), np.nan)
    # the products are small and many: threads only contend for the cores
    with threadpool_limits(1, user_api="blas"):
        for c in range(len(ids)):
            r = order[bounds[c] : bounds[c + 1]]
            n = valid[r].sum(0)
            point, boot = _bootstrap(X[r], valid[r], arrays.strata[r], arrays.shares, n_boot, rng)
            out[:, c] = point, *_interval(boot, n, ci), n
    return out


def describe(by: Any, within: Any, *, ci: float, n_boot: int, seed: int) -> str:
    """How the estimates and intervals were made, for ``attrs["method"]``.

    Examples
    --------
    >>> describe("outlet", None, ci=0.95, n_boot=2000, seed=0)
    'mean per outlet; 95% percentile bootstrap (2000 resamples, seed 0)'
    """
    pct = f"{ci:.0%}"
    if within is None:
        return f"mean per {by}; {pct} percentile bootstrap ({n_boot} resamples, seed {seed})"
    return (
        f"mean per {by} directly standardised to the pooled {within} "
        f"mix; {pct} percentile bootstrap within {within} strata "
        f"({n_boot} resamples, seed {seed})"
    )
