"""Figures of the outlet comparison: means with intervals (forest) and the heatmap."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.io.schema import require_columns
from framing.report.plots.base import (
    ALPHA,
    HIGH,
    LOW,
    PLAIN,
    group_means,
    legend_above,
    measure_label,
    new_axes,
)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes


def forest(
    compare_df: pd.DataFrame, measure: str, ax: Axes | None = None, *, alpha: float = ALPHA
) -> Axes:
    """Each outlet's mean of ``measure`` with its confidence interval, sorted by the mean.

    Filled dots differ from the rest of the corpus (q < ``alpha``; red above, blue below);
    hollow dots do not. The dashed line is the mean over all articles.

    Examples
    --------
    >>> t = pd.DataFrame({"group": ["A", "B", "C"], "measure": "m", "n": 5,
    ...     "mean": [3.0, 1.0, 2.0], "ci_low": [2.0, 0.0, 1.0], "ci_high": [4.0, 2.0, 3.0],
    ...     "q": [0.01, 0.2, 0.9], "cliffs_delta": [0.7, -0.3, 0.0]})
    >>> [t.get_text().split()[0] for t in forest(t, "m").get_yticklabels()]
    ['B', 'C', 'A']
    """
    require_columns(compare_df, ["group", "measure", "mean", "ci_low", "ci_high"], where="forest")
    d = compare_df[compare_df["measure"] == measure].sort_values(["mean", "group"])
    if d.empty:
        raise InputError(f"no rows for measure {measure!r} in the comparison table")
    ax = new_axes(ax, 6.4, 1.2 + 0.32 * len(d))
    y = np.arange(len(d))
    mean = d["mean"].to_numpy(float)
    err = np.vstack([mean - d["ci_low"].to_numpy(float), d["ci_high"].to_numpy(float) - mean])
    ax.errorbar(mean, y, xerr=np.clip(err, 0, None), fmt="none", ecolor="#555", capsize=3, lw=1)
    q = d["q"].to_numpy(float) if "q" in d else np.ones(len(d))
    # the direction: Cliff's delta, or Cohen's d in a table from sufficient statistics
    effect = next((c for c in ("cliffs_delta", "cohens_d") if c in d and d[c].notna().any()), None)
    delta = d[effect].to_numpy(float) if effect else np.zeros(len(d))
    sig = q < alpha
    colour = np.where(delta > 0, HIGH, LOW)
    ax.scatter(
        mean[sig], y[sig], s=40, c=colour[sig], zorder=3, label=f"differs from rest (q < {alpha:g})"
    )
    ax.scatter(
        mean[~sig],
        y[~sig],
        s=40,
        facecolors="white",
        edgecolors=PLAIN,
        zorder=3,
        label="no clear difference",
    )
    if "n" in d:
        overall = float(np.average(mean, weights=d["n"].to_numpy(float)))
        ax.axvline(overall, color="#999", ls="--", lw=1, label="all articles")
        labels = [f"{g} (n={int(n):,})" for g, n in zip(d["group"], d["n"], strict=True)]
    else:
        labels = d["group"].astype(str).tolist()
    ax.set_yticks(y, labels)
    ax.set_ylim(-0.7, len(d) - 0.3)
    ax.set_xlabel(measure_label(measure))
    ax.grid(axis="x", color="#eee")
    ax.set_axisbelow(True)
    legend_above(ax, ncol=2)
    return ax


def heatmap(
    compare_df: pd.DataFrame,
    ax: Axes | None = None,
    *,
    value: str = "z",
    measures: Iterable[str] | None = None,
    order: Iterable[Any] | None = None,
    alpha: float = ALPHA,
) -> Axes:
    """Outlets x measures, coloured by z-scored means (or Cliff's delta); * marks q < alpha.

    Parameters
    ----------
    compare_df : DataFrame
        The comparison table.
    value : {"z", "cliffs_delta"}
        ``"z"``: each measure's outlet means standardised across outlets (a constant measure
        is 0); ``"cliffs_delta"``: each outlet against the rest, from -1 to 1.
    measures : list of str, optional
        Columns to show, in order (default: all, sorted, so families sit together).
    order : list of str, optional
        Outlet order; default: sorted by their mean value across measures, highest first.

    Outlets are rows and measures columns, or the other way round when there are more
    measures than outlets, so that the labels stay readable.

    Examples
    --------
    >>> t = pd.DataFrame({"group": ["A", "B"] * 2, "measure": ["x", "x", "y", "y"],
    ...     "mean": [1.0, 3.0, 5.0, 5.0], "q": [0.01, 0.01, 1.0, 1.0],
    ...     "cliffs_delta": [-1.0, 1.0, 0.0, 0.0]})
    >>> ax = heatmap(t)
    >>> ax.images[0].get_array().tolist()
    [[1.0, 0.0], [-1.0, 0.0]]
    """
    require_columns(compare_df, ["group", "measure", "mean"], where="heatmap")
    measures = sorted(compare_df["measure"].unique()) if measures is None else list(measures)
    if value == "z":
        wide = group_means(compare_df, measures)
        spread = wide.std(ddof=0).replace(0, np.nan)
        grid = ((wide - wide.mean()) / spread).fillna(0.0)
        label, limit = (
            "outlet mean\n(z-score across outlets)",
            max(2.0, float(np.abs(grid).max().max())),
        )
    elif value == "cliffs_delta":
        require_columns(compare_df, ["cliffs_delta"], where="heatmap(value='cliffs_delta')")
        d = compare_df[compare_df["measure"].isin(measures)]
        grid = d.pivot(index="group", columns="measure", values="cliffs_delta")[measures]
        label, limit = "Cliff's delta\n(outlet vs rest)", 1.0
    else:
        raise InputError(f"value must be 'z' or 'cliffs_delta', not {value!r}")
    rows = (
        list(order) if order is not None else grid.mean(axis=1).sort_values(ascending=False).index
    )
    grid = grid.loc[rows]
    q = None
    if "q" in compare_df:
        q = compare_df.pivot(index="group", columns="measure", values="q")
        q = q.reindex(index=grid.index, columns=grid.columns)
    if grid.shape[1] > grid.shape[0]:  # more measures than groups: measures down the side
        grid, q = grid.T, (None if q is None else q.T)
    nrows, ncols = grid.shape
    ax = new_axes(ax, max(5.0, 3.0 + 0.45 * ncols), 1.6 + 0.3 * nrows)
    image = ax.imshow(grid.to_numpy(float), cmap="RdBu_r", vmin=-limit, vmax=limit, aspect="auto")
    ax.set_xticks(range(ncols), [str(c) for c in grid.columns], rotation=45, ha="right", fontsize=9)
    ax.set_yticks(range(nrows), [str(r) for r in grid.index], fontsize=9)
    if q is not None:
        for i, j in zip(*np.nonzero(q.to_numpy(float) < alpha), strict=True):
            ax.text(j, i, "*", ha="center", va="center", fontsize=11, color="black")
    ax.figure.colorbar(image, ax=ax, shrink=0.6, aspect=40, label=label)
    ax.set_title(f"* outlet differs from the rest (q < {alpha:g})", fontsize=9, loc="left")
    return ax
