"""Figures for comparing outlets: tidy DataFrame in, matplotlib Axes out.

Every function takes tidy data and ``ax=None`` (a new figure is made when no Axes is
given) and returns the Axes it drew on. The comparison table is the output of
:func:`framing.compare_outlets` (columns ``group, measure, n, mean, ci_low, ci_high, q,
cliffs_delta``, ...); :func:`clutter_composition` and :func:`headline_rates` also take a
feature table with a grouping column. Outlets are always sorted by the quantity shown.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame({"group": ["A", "B"], "measure": ["m", "m"], "n": [10, 12],
...     "mean": [1.0, 2.0], "ci_low": [0.5, 1.5], "ci_high": [1.5, 2.5], "q": [0.01, 0.5],
...     "cliffs_delta": [-0.6, 0.6]})
>>> ax = forest(table, "m")
>>> [t.get_text() for t in ax.get_yticklabels()]
['A (n=10)', 'B (n=12)']
"""

from __future__ import annotations

import os
import re
import sys
import textwrap
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import matplotlib

if not os.environ.get("DISPLAY") and "ipykernel" not in sys.modules:  # headless: no GUI
    matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from framing.errors import InputError  # noqa: E402

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

ALPHA = 0.05
CLUTTER_KINDS = ("ad", "newsletter", "teaser", "media", "social", "legal", "meta", "other")
HEADLINE_RATES = (
    "headline_question",
    "headline_yesno_question",
    "headline_teaser",
    "headline_media_tag",
)
HIGH, LOW, PLAIN = "#c0392b", "#2471a3", "#7f8c8d"  # above the rest, below it, neither


def _palette(name: str) -> list[tuple[float, float, float, float]]:
    """The colours of a listed colormap (``tab10``, ``Set2``) as RGBA, in order."""
    cmap = plt.get_cmap(name)
    return [cmap(i) for i in range(cmap.N)]


_KIND_COLOURS = dict(zip(CLUTTER_KINDS, _palette("tab10"), strict=False))
_CLUTTER_COLUMN = re.compile(rf"^clutter_({'|'.join(CLUTTER_KINDS)})(?:_(\w+))?$")


def _clutter_kind(column: str) -> str:
    """The kind of a ``clutter_<kind>_<unit>`` column."""
    match = _CLUTTER_COLUMN.match(column)
    if match is None:
        raise InputError(f"{column!r} is not a clutter_<kind> column")
    return match[1]


def _axes(ax: Axes | None, width: float, height: float) -> Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=(width, height), layout="constrained")
    return ax


def _legend_above(ax: Axes, ncol: int = 4) -> None:
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0, 1.01),
        ncol=ncol,
        fontsize="small",
        frameon=False,
        borderaxespad=0,
    )


def _is_table(data: pd.DataFrame) -> bool:
    return {"group", "measure", "mean"} <= set(data.columns)


def _need(data: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise InputError(f"{what} needs column(s) {missing}; found {list(map(str, data.columns))}")


def group_means(data: pd.DataFrame, columns: Iterable[str], by: str = "outlet") -> pd.DataFrame:
    """Group x measure means from a comparison table or from features with a ``by`` column.

    Examples
    --------
    >>> feats = pd.DataFrame({"outlet": ["A", "A", "B"], "x": [0.0, 1.0, 1.0]})
    >>> group_means(feats, ["x"]).to_dict()
    {'x': {'A': 0.5, 'B': 1.0}}
    """
    columns = list(columns)
    if _is_table(data):
        wide = data[data["measure"].isin(columns)].pivot(
            index="group", columns="measure", values="mean"
        )
        return wide.reindex(columns=[c for c in columns if c in wide.columns])
    _need(data, [by], "group_means")
    return data.groupby(by, sort=True)[[c for c in columns if c in data.columns]].mean()


def _measure_label(measure: str) -> str:
    from framing.features import describe

    try:
        text = describe().get(measure)
    except (ImportError, InputError):  # a family that cannot load must not stop a figure
        text = None
    return f"{measure}\n" + textwrap.fill(f"({text})", 70) if text else measure


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
    _need(compare_df, ["group", "measure", "mean", "ci_low", "ci_high"], "forest")
    d = compare_df[compare_df["measure"] == measure].sort_values(["mean", "group"])
    if d.empty:
        raise InputError(f"no rows for measure {measure!r} in the comparison table")
    ax = _axes(ax, 6.4, 1.2 + 0.32 * len(d))
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
    ax.set_xlabel(_measure_label(measure))
    ax.grid(axis="x", color="#eee")
    ax.set_axisbelow(True)
    _legend_above(ax, ncol=2)
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
    _need(compare_df, ["group", "measure", "mean"], "heatmap")
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
        _need(compare_df, ["cliffs_delta"], "heatmap(value='cliffs_delta')")
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
    ax = _axes(ax, max(5.0, 3.0 + 0.45 * ncols), 1.6 + 0.3 * nrows)
    image = ax.imshow(grid.to_numpy(float), cmap="RdBu_r", vmin=-limit, vmax=limit, aspect="auto")
    ax.set_xticks(range(ncols), [str(c) for c in grid.columns], rotation=45, ha="right", fontsize=9)
    ax.set_yticks(range(nrows), [str(r) for r in grid.index], fontsize=9)
    if q is not None:
        for i, j in zip(*np.nonzero(q.to_numpy(float) < alpha), strict=True):
            ax.text(j, i, "*", ha="center", va="center", fontsize=11, color="black")
    ax.figure.colorbar(image, ax=ax, shrink=0.6, aspect=40, label=label)
    ax.set_title(f"* outlet differs from the rest (q < {alpha:g})", fontsize=9, loc="left")
    return ax


def clutter_columns(names: Iterable[str]) -> tuple[list[str], str]:
    """The ``clutter_<kind>_<unit>`` columns among ``names`` for one unit, and that unit.

    Examples
    --------
    >>> clutter_columns(["clutter_share", "clutter_social_lines", "clutter_ad_lines"])
    (['clutter_ad_lines', 'clutter_social_lines'], 'lines')
    """
    by_suffix: dict[str, list[str]] = {}
    for name in names:
        m = _CLUTTER_COLUMN.match(name)
        if m:
            by_suffix.setdefault(m.group(2) or "", []).append(name)
    for suffix in ("share", "lines", "chars", *sorted(by_suffix)):
        if suffix in by_suffix:
            order = {k: i for i, k in enumerate(CLUTTER_KINDS)}
            cols = sorted(by_suffix[suffix], key=lambda c: order[_clutter_kind(c)])
            return cols, suffix
    return [], ""


def clutter_composition(data: pd.DataFrame, by: str = "outlet", ax: Axes | None = None) -> Axes:
    """Mean clutter per article by kind, as stacked bars per outlet (largest total on top).

    Reads the ``clutter_<kind>_share`` columns (else ``_lines``) of a feature table with a
    ``by`` column, or the same measures from a comparison table.

    Examples
    --------
    >>> feats = pd.DataFrame({"outlet": ["A", "B"], "clutter_ad_share": [0.1, 0.0],
    ...     "clutter_social_share": [0.05, 0.02]})
    >>> ax = clutter_composition(feats)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['B', 'A']
    """
    names = data["measure"].unique() if _is_table(data) else data.columns
    columns, suffix = clutter_columns(names)
    if not columns:
        raise InputError("clutter_composition needs clutter_<kind>_share (or _lines) columns")
    wide = group_means(data, columns, by)
    wide = wide.loc[wide.sum(axis=1).sort_values().index]
    ax = _axes(ax, 7.0, 1.4 + 0.32 * len(wide))
    left = np.zeros(len(wide))
    y = np.arange(len(wide))
    for column in wide.columns:
        kind = _clutter_kind(column)
        values = wide[column].to_numpy(float)
        ax.barh(y, values, left=left, color=_KIND_COLOURS[kind], label=kind, height=0.7)
        left += values
    ax.set_yticks(y, [str(g) for g in wide.index])
    unit = {"share": "share of body characters", "lines": "lines per article"}.get(suffix, suffix)
    ax.set_xlabel(f"mean clutter per article ({unit})")
    _legend_above(ax)
    ax.grid(axis="x", color="#eee")
    ax.set_axisbelow(True)
    return ax


def headline_rates(
    data: pd.DataFrame,
    by: str = "outlet",
    ax: Axes | None = None,
    *,
    measures: Iterable[str] = HEADLINE_RATES,
) -> Axes:
    """Share of headlines per outlet that are questions, yes/no questions, teasers, media tags.

    Takes a feature table with a ``by`` column or a comparison table (whose CIs are then
    drawn). Outlets are sorted by their summed rates, highest on top.

    Examples
    --------
    >>> feats = pd.DataFrame({"outlet": ["A", "A", "B"], "headline_question": [1, 0, 0],
    ...     "headline_teaser": [1, 1, 0]})
    >>> ax = headline_rates(feats)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['B', 'A']
    """
    names = data["measure"].unique() if _is_table(data) else data.columns
    measures = [m for m in measures if m in set(names)]
    if not measures:
        raise InputError(f"headline_rates needs one of the columns {list(HEADLINE_RATES)}")
    wide = group_means(data, measures, by) * 100
    wide = wide.loc[wide.sum(axis=1).sort_values().index]
    ax = _axes(ax, 7.0, 1.4 + 0.45 * len(wide))
    height = 0.8 / len(measures)
    y = np.arange(len(wide))
    colours = _palette("Set2")
    for i, m in enumerate(measures):
        pos = y + 0.4 - height * (i + 0.5)  # first measure on top within each outlet
        xerr = None
        if _is_table(data) and {"ci_low", "ci_high"} <= set(data.columns):
            t = data[data["measure"] == m].set_index("group").reindex(wide.index)
            xerr = np.clip(
                np.vstack([wide[m] - t["ci_low"] * 100, t["ci_high"] * 100 - wide[m]]), 0, None
            )
        label = m.removeprefix("headline_").replace("_", " ")
        ax.barh(
            pos,
            wide[m],
            height=height,
            color=colours[i % len(colours)],
            label=label,
            xerr=xerr,
            error_kw={"lw": 0.8, "ecolor": "#555"},
        )
    ax.set_yticks(y, [str(g) for g in wide.index])
    ax.set_xlabel("% of headlines")
    _legend_above(ax)
    ax.grid(axis="x", color="#eee")
    ax.set_axisbelow(True)
    return ax


def distinguishing_terms(
    terms_df: pd.DataFrame, group: Any, ax: Axes | None = None, *, top: int = 15
) -> Axes:
    """The terms that most distinguish ``group`` from the rest, as bars of their z-score.

    Examples
    --------
    >>> terms = pd.DataFrame({"group": ["A", "A", "B"], "term": ["war", "putin", "tax"],
    ...     "z": [2.5, 4.0, 3.0]})
    >>> [t.get_text() for t in distinguishing_terms(terms, "A").get_yticklabels()]
    ['war', 'putin']
    """
    _need(terms_df, ["group", "term", "z"], "distinguishing_terms")
    d = terms_df[terms_df["group"] == group].nlargest(top, "z").iloc[::-1]
    ax = _axes(ax, 4.0, 1.0 + 0.25 * max(len(d), 1))
    ax.barh(np.arange(len(d)), d["z"], color=HIGH, height=0.7)
    ax.set_yticks(np.arange(len(d)), d["term"].astype(str).tolist(), fontsize=9)
    ax.set_title(str(group), fontsize=10, loc="left")
    ax.set_xlabel("z (log-odds vs rest)", fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    return ax


def importance(importance_df: pd.DataFrame, ax: Axes | None = None, *, top: int = 15) -> Axes:
    """Permutation importance of the measures in the outlet classifier (mean +- std).

    Examples
    --------
    >>> imp = pd.DataFrame({"measure": ["a", "b"], "importance_mean": [0.1, 0.3],
    ...     "importance_std": [0.01, 0.02]})
    >>> [t.get_text() for t in importance(imp).get_yticklabels()]
    ['a', 'b']
    """
    _need(importance_df, ["measure", "importance_mean"], "importance")
    d = importance_df.nlargest(top, "importance_mean").iloc[::-1]
    ax = _axes(ax, 6.4, 1.2 + 0.3 * len(d))
    xerr = d.get("importance_std")
    ax.barh(
        np.arange(len(d)),
        d["importance_mean"],
        xerr=xerr,
        color=PLAIN,
        height=0.7,
        error_kw={"lw": 0.8},
    )
    ax.set_yticks(np.arange(len(d)), d["measure"].astype(str).tolist())
    ax.set_xlabel("drop in accuracy when the measure is shuffled")
    ax.grid(axis="x", color="#eee")
    ax.set_axisbelow(True)
    return ax
