"""Outlets compared within stories: the same event told by several outlets, paired.

For every story that at least two of the compared groups covered, each group's mean over its
articles of the story is set against the story's mean (the mean of those groups' means, so
that a group with many articles does not weigh more); a group's figure is the mean of its
differences over its stories. A story is one pair of observations for every group in it:
what differs between outlets telling the same event is framing, not the choice of events.

Examples
--------
Outlet ``a`` scores 1 above ``b`` on every story they share; ``c`` wrote one story alone,
which counts nowhere (its row has ``n`` 0):

>>> import pandas as pd
>>> f = pd.DataFrame({"outlet": list("ababab") + ["c"], "story": [1, 1, 2, 2, 3, 3, 4],
...                   "score": [3.0, 2.0, 5.0, 4.0, 1.0, 0.0, 9.0]})
>>> t = compare_paired(f, n_boot=200)
>>> t[["group", "n", "mean", "cliffs_delta"]]
  group  n  mean  cliffs_delta
0     a  3   0.5           1.0
1     b  3  -0.5          -1.0
2     c  0   NaN           NaN
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from framing.stats.bootstrap import prepare
from framing.stats.schema import COLUMNS, check_options, group_key, key_label
from framing.stats.significance import benjamini_hochberg


def compare_paired(
    features: pd.DataFrame,
    by: str | pd.Series = "outlet",
    *,
    story: str | pd.Series = "story",
    measures: Iterable[str] | None = None,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Each group's mean difference from the story mean, over the stories it shares.

    Parameters
    ----------
    features : pandas.DataFrame
        One row per article: numeric measures, the grouping column and the story column
        (as :func:`framing.stories` gives it). Rows without a group or a story are left
        out.
    by : str or pandas.Series, default "outlet"
    story : str or pandas.Series, default "story"
    measures : list of str, optional
        Columns to compare; default every numeric column but ``by`` and ``story``.
    n_boot : int, default 2000
        Bootstrap resamples of the stories.
    ci : float, default 0.95
    seed : int, default 0

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`framing.compare_outlets`, read for stories:

        * ``n``: the stories behind the group's figure (covered by it and at least one
          other compared group);
        * ``mean``, ``median``: mean and median of the group's differences from the story
          means;
        * ``ci_low``, ``ci_high``: percentile bootstrap interval of ``mean``, resampling
          the group's stories;
        * ``wilcoxon_w``, ``wilcoxon_p``: Wilcoxon signed-rank test of the differences
          against zero (scipy; zero differences dropped); NaN without a non-zero
          difference;
        * ``q``: Benjamini-Hochberg over every group x measure ``wilcoxon_p``;
        * ``cliffs_delta``: the share of stories where the group is above the story mean
          minus the share where it is below (Cliff's delta of the differences against 0);
        * ``sd``: standard deviation of the differences; the other columns NaN.
    """
    from scipy.stats import wilcoxon

    check_options(features, "bootstrap", ci, n_boot)
    # rows without a story are left out (not pooled into one "missing" story)
    known = group_key(features, story).notna().to_numpy()
    features, by, story = (
        x[known] if isinstance(x, pd.DataFrame | pd.Series) else x for x in (features, by, story)
    )
    arrays = prepare(features, by, measures=measures, within=story)
    k = len(arrays.labels)
    rng = np.random.default_rng(seed)
    alpha = (1 - ci) / 2
    rows = []
    for i, name in enumerate(arrays.names):
        keep = arrays.valid[:, i]
        diffs = differences(arrays.X[keep, i], arrays.codes[keep], arrays.strata[keep], k)
        for j, label in enumerate(arrays.labels):
            d = diffs[j]
            row: dict[str, Any] = {"group": label, "measure": name, "n": len(d)}
            if len(d):
                boot = d[rng.integers(0, len(d), (n_boot, len(d)))].mean(axis=1)
                row |= {
                    "mean": d.mean(),
                    "median": np.median(d),
                    "ci_low": np.quantile(boot, alpha),
                    "ci_high": np.quantile(boot, 1 - alpha),
                    "cliffs_delta": float(np.sign(d).mean()),
                    "sd": d.std(ddof=1) if len(d) > 1 else np.nan,
                }
                if np.any(d != 0):
                    test = wilcoxon(d)
                    row |= {"wilcoxon_w": float(test.statistic), "wilcoxon_p": float(test.pvalue)}
            rows.append(row)
    out = pd.DataFrame(rows).reindex(columns=COLUMNS)
    out["n"] = out["n"].astype(int)
    floats = [c for c in COLUMNS if c not in ("group", "measure", "n")]
    out[floats] = out[floats].astype(float)
    out["q"] = benjamini_hochberg(out["wilcoxon_p"])
    out.attrs["method"] = (
        f"paired within {key_label(story)!r}: each {key_label(by)!r} group's mean in a story "
        "minus the story's mean over the groups that covered it, for stories covered by at "
        f"least two; mean difference with a {ci:.0%} percentile bootstrap interval over "
        f"stories ({n_boot:,} resamples, seed {seed}); Wilcoxon signed-rank test against 0; "
        "Benjamini-Hochberg q over all tests"
    )
    return out


def differences(y: np.ndarray, group: np.ndarray, story: np.ndarray, k: int) -> list[np.ndarray]:
    """For each of the ``k`` groups, its differences from the story means, one a story it
    shares with another group.

    Examples
    --------
    >>> import numpy as np
    >>> y = np.array([3.0, 1.0, 2.0, 6.0, 5.0])
    >>> [d.tolist() for d in differences(y, np.array([0, 0, 1, 1, 2]), np.array([0, 0, 0, 1, 2]), 3)]
    [[0.0], [0.0], []]
    """
    n_story = int(story.max()) + 1 if len(story) else 0
    cell = story * k + group
    total = np.bincount(cell, weights=y, minlength=n_story * k).reshape(n_story, k)
    count = np.bincount(cell, minlength=n_story * k).reshape(n_story, k)
    present = count > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / count
    covered = present.sum(axis=1)
    shared = covered >= 2
    story_mean = np.where(present, mean, 0.0).sum(axis=1) / np.maximum(covered, 1)
    diff = mean - story_mean[:, None]
    return [diff[shared & present[:, j], j] for j in range(k)]
