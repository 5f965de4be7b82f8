"""Compare groups of articles (outlets, leanings) on every measure, with honest statistics.

:func:`compare_outlets` turns a feature table into one tidy row per (group, measure), the
same columns (:data:`~framing.stats.schema.COLUMNS`) whatever the arguments: estimates
with seeded bootstrap confidence intervals, a global Kruskal-Wallis test, each group
against the rest with Mann-Whitney U, Benjamini-Hochberg q-values over all those tests,
and Cliff's delta as the effect size. ``within="topic"`` standardises to a common topic
mix so that what an outlet covers does not pass for how it frames it. On a Dask DataFrame
(or with ``method="moments"``) the same columns come from merged sufficient statistics
(:func:`framing.stats.moments.compare_moments`), with Welch's t test and Cohen's d in
place of the rank statistics.

Monthly trends are :func:`framing.stats.trends.compare_trends`; how well the measures
tell the groups apart is :func:`framing.stats.classifier.outlet_classifier`.

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

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import ParameterError
from framing.stats.bootstrap import describe, estimates, prepare, ratio
from framing.stats.moments import compare_moments, moment_stats
from framing.stats.schema import COLUMNS, MOMENT_TEST_COLUMNS, check_options, key_label
from framing.stats.significance import benjamini_hochberg, rank_tests

__all__ = ["COLUMNS", "compare_outlets"]


def compare_outlets(
    features: Any,
    by: str | pd.Series = "outlet",
    *,
    measures: Iterable[str] | None = None,
    within: str | pd.Series | None = None,
    paired: bool | None = None,
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
        summarised partition by partition (``method="moments"``; ``by`` must then name a
        column).
    by : str or pandas.Series, default "outlet"
        The grouping column, or a Series aligned on ``features.index``. Rows without a
        group are left out.
    measures : list of str, optional
        Columns to compare; default every numeric column except ``by`` and ``within``.
    within : str or pandas.Series, optional
        A stratifying column such as ``"topic"``: compare groups *within* strata and
        reweight to the pooled stratum mix (see Notes). A missing stratum value is a
        stratum of its own. Only with the bootstrap.
    paired : bool, optional
        Compare within the strata *paired*: each group's difference from the stratum mean,
        over the strata at least two groups share
        (:func:`framing.stats.paired.compare_paired`), the comparison for stories. Default:
        paired when ``within`` is called ``"story"`` (as :func:`framing.stories` names it).
    method : {"bootstrap", "moments"}, optional
        ``"bootstrap"`` (the default for a pandas DataFrame): percentile bootstrap
        intervals and rank tests. ``"moments"`` (the default, and the only choice, for a
        Dask DataFrame): Student t intervals, Welch's t test and Cohen's d from
        per-partition sufficient statistics (:func:`framing.stats.moments.compare_moments`).
    n_boot : int, default 2000
        Bootstrap resamples.
    ci : float, default 0.95
        Confidence level of the intervals.
    seed : int, default 0
        Seed of the bootstrap; the same input and seed give the same table.

    Returns
    -------
    pandas.DataFrame
        One row per (group, measure), measures in input order and groups sorted (as
        strings) within each, with the columns :data:`~framing.stats.schema.COLUMNS`
        whatever the arguments. A column the method does not compute is NaN:

        * ``group``, ``measure``;
        * ``n``: articles of the group with a value (int);
        * ``mean``: the group's mean (directly standardised with ``within``);
        * ``median``: the group's median (of the topic-adjusted values with ``within``);
          NaN with ``"moments"``;
        * ``ci_low``, ``ci_high``: the interval of the mean, percentile bootstrap or
          Student t (``"moments"``); NaN for a group with fewer than two values;
        * ``kruskal_h``, ``kruskal_p``: Kruskal-Wallis over all groups, repeated on each
          group's row; NaN with ``"moments"``;
        * ``mwu_u``, ``mwu_p``: two-sided Mann-Whitney U of the group against all other
          groups (``U`` counts pairs where the group is higher, ties as one half; exact
          p for samples of at most 8 without ties and for a group (or a rest) of one
          article, otherwise the normal approximation with tie and continuity
          correction); NaN with ``"moments"``;
        * ``q``: Benjamini-Hochberg q-value over *all* group x measure tests, of
          ``mwu_p`` (bootstrap) or of ``welch_p`` (``"moments"``);
        * ``cliffs_delta``: P(group > rest) - P(group < rest) = 2U / (n1 n2) - 1, in
          [-1, 1], positive when the group is higher; NaN with ``"moments"``;
        * ``sd``: standard deviation of the group's values (``ddof=1``, of the
          topic-adjusted values with ``within``); NaN for n < 2;
        * ``welch_t``, ``welch_p``: Welch's two-sided t test of the group against the
          rest; NaN with the bootstrap;
        * ``cohens_d``: (mean - mean of the rest) / pooled sd; NaN with the bootstrap.

        ``attrs["method"]`` describes how the estimates and tests were made.

    Raises
    ------
    MissingColumnError
        When ``by``, ``within`` or a named measure is not a column.
    ParameterError
        For an unknown ``method``, ``ci`` outside (0, 1), ``n_boot < 1``, ``within``
        with ``"moments"``, the bootstrap on a Dask DataFrame (compute it first), no
        article with a group, or no numeric measure (``error.parameter`` names it).

    See Also
    --------
    framing.stats.trends.compare_trends : the estimates month by month.

    Notes
    -----
    NaN values are dropped measure by measure (each measure has its own ``n``; a
    resample averages the valid values it drew). A measure that does not vary at all
    cannot be tested: its ``kruskal_*``, ``mwu_p`` and ``q`` are NaN (``U`` is then
    n1 n2 / 2 and delta 0), and it does not count in the q-value correction. Resampling
    uses one seeded generator and draw-count weights, so all measures of a group share
    the same resamples (:mod:`framing.stats.bootstrap`).

    With ``within``, the *direct standardisation* estimate of a group is
    ``sum_t w_t * mean(group, t)`` where ``w_t`` is the share of stratum ``t`` in the
    whole table (pooled over groups) and the sum runs over the strata the group covers,
    with the weights renormalised over them. Groups with the same stratum means therefore
    get the same estimate whatever their mix. The bootstrap resamples within each
    (group, stratum) cell (a cell of one article adds no resampling variance). Tests and
    Cliff's delta use the residuals from the pooled stratum means, and ``median`` and
    ``sd`` are those of the topic-adjusted values (residual plus the overall mean).

    The bootstrap and the rank statistics need every value of a group in one place. On a
    Dask DataFrame each partition is instead reduced on its worker to per-(group,
    measure) count, sum and sum of squared deviations; these merge exactly, so the
    means, standard deviations and t intervals equal those of the whole table in memory,
    and the group-vs-rest tests follow from the totals minus the group's own statistics.

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
    Dask installed, ``compare_outlets(dask.dataframe.from_pandas(f, npartitions=2))``),
    in a table with the same columns:

    >>> moments = compare_outlets(f, method="moments")
    >>> moments[["group", "mean", "cohens_d"]].round(3)
      group  mean  cohens_d
    0     a   7.5       1.0
    1     b   2.5      -1.0
    >>> list(moments.columns) == list(compare_outlets(f, n_boot=10).columns)
    True
    """
    method = check_options(features, method, ci, n_boot)
    if within is not None and (paired or (paired is None and key_label(within) == "story")):
        if method == "moments":
            raise ParameterError(
                "a paired comparison within stories needs the values in memory: use "
                "method='bootstrap' on a pandas DataFrame",
                parameter="method",
            )
        from framing.stats.paired import compare_paired

        return compare_paired(
            features, by, story=within, measures=measures, n_boot=n_boot, ci=ci, seed=seed
        )
    if method == "moments":
        if within is not None:
            raise ParameterError(
                "within= standardises with the bootstrap, which needs the values in memory: "
                "use method='bootstrap' on a pandas DataFrame (ddf.compute() first)",
                parameter="within",
            )
        stats = moment_stats(features, by, measures=measures)
        return compare_moments(stats, ci=ci, by=key_label(by))

    arrays = prepare(features, by, measures=measures, within=within)
    point, low, high, n = estimates(arrays, arrays.codes, n_boot=n_boot, ci=ci, seed=seed)
    k = len(arrays.labels)
    columns: dict[str, list[Any]] = {c: [] for c in COLUMNS}
    for i, name in enumerate(arrays.names):
        v = arrays.valid[:, i]
        y, g, s = arrays.X[v, i], arrays.codes[v], arrays.strata[v]
        if arrays.stratified:  # residuals from the pooled stratum means
            means = ratio(np.bincount(s, weights=y), np.bincount(s).astype(float))
            y = y - means[s] + (y.mean() if len(y) else 0.0)
        h, p, pairwise = rank_tests(y, g, k)
        for j, label in enumerate(arrays.labels):
            yj = y[g == j]
            row = {
                "group": label,
                "measure": name,
                "n": len(yj),
                "mean": point[j, i],
                "median": np.median(yj) if len(yj) else np.nan,
                "ci_low": low[j, i],
                "ci_high": high[j, i],
                "kruskal_h": h,
                "kruskal_p": p,
                "mwu_u": pairwise[j, 0],
                "mwu_p": pairwise[j, 1],
                "cliffs_delta": pairwise[j, 2],
                "sd": np.std(yj, ddof=1) if len(yj) > 1 else np.nan,
            }
            for column in COLUMNS:
                columns[column].append(row.get(column, np.nan))
    out = pd.DataFrame(columns, columns=COLUMNS)
    out["q"] = benjamini_hochberg(out["mwu_p"])
    out[MOMENT_TEST_COLUMNS] = out[MOMENT_TEST_COLUMNS].astype(float)
    out["n"] = out["n"].astype(int)
    by_label, within_label = key_label(by), key_label(within)
    tests = "Kruskal-Wallis; Mann-Whitney U of each group vs the rest"
    if within_label is not None:
        tests += f" on residuals from the {within_label} means"
    out.attrs["method"] = (
        f"{describe(by_label, within_label, ci=ci, n_boot=n_boot, seed=seed)}; {tests}; "
        "Benjamini-Hochberg q over all tests; Cliff's delta"
    )
    return out
