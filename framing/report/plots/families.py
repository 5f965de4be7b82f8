"""Figures of one family or table: clutter composition, headline rates, frame scores and
the dominant-frame mix, distinguishing terms, and the importance of measures to the outlet
classifier."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.io.schema import require_columns
from framing.report.plots.base import (
    CLUTTER_COLUMN,
    CLUTTER_KINDS,
    FRAME_SCORES,
    HEADLINE_RATES,
    HIGH,
    KIND_COLOURS,
    PLAIN,
    clutter_kind,
    group_means,
    is_table,
    legend_above,
    new_axes,
    palette,
)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes


def clutter_columns(names: Iterable[str]) -> tuple[list[str], str]:
    """The ``clutter_<kind>_<unit>`` columns among ``names`` for one unit, and that unit.

    Examples
    --------
    >>> clutter_columns(["clutter_share", "clutter_social_lines", "clutter_ad_lines"])
    (['clutter_ad_lines', 'clutter_social_lines'], 'lines')
    """
    by_suffix: dict[str, list[str]] = {}
    for name in names:
        m = CLUTTER_COLUMN.match(name)
        if m:
            by_suffix.setdefault(m.group(2) or "", []).append(name)
    for suffix in ("share", "lines", "chars", *sorted(by_suffix)):
        if suffix in by_suffix:
            order = {k: i for i, k in enumerate(CLUTTER_KINDS)}
            cols = sorted(by_suffix[suffix], key=lambda c: order[clutter_kind(c)])
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
    names = data["measure"].unique() if is_table(data) else data.columns
    columns, suffix = clutter_columns(names)
    if not columns:
        raise InputError("clutter_composition needs clutter_<kind>_share (or _lines) columns")
    wide = group_means(data, columns, by)
    wide = wide.loc[wide.sum(axis=1).sort_values().index]
    ax = new_axes(ax, 7.0, 1.4 + 0.32 * len(wide))
    left = np.zeros(len(wide))
    y = np.arange(len(wide))
    for column in wide.columns:
        kind = clutter_kind(column)
        values = wide[column].to_numpy(float)
        ax.barh(y, values, left=left, color=KIND_COLOURS[kind], label=kind, height=0.7)
        left += values
    ax.set_yticks(y, [str(g) for g in wide.index])
    unit = {"share": "share of body characters", "lines": "lines per article"}.get(suffix, suffix)
    ax.set_xlabel(f"mean clutter per article ({unit})")
    legend_above(ax)
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
    return _grouped_bars(data, by, ax, measures, "headline_", "% of headlines", "headline_rates")


def frame_scores(
    data: pd.DataFrame,
    by: str = "outlet",
    ax: Axes | None = None,
    *,
    measures: Iterable[str] = FRAME_SCORES,
) -> Axes:
    """Mean score of each generic frame per outlet (the expected share of the frame's
    codebook questions answered yes, in %), with the comparison table's intervals.

    Examples
    --------
    >>> feats = pd.DataFrame({"outlet": ["A", "A", "B"], "frames_conflict": [0.9, 0.7, 0.1],
    ...     "frames_economic": [0.0, 0.2, 0.6]})
    >>> [t.get_text() for t in frame_scores(feats).get_yticklabels()]
    ['B', 'A']
    """
    return _grouped_bars(data, by, ax, measures, "frames_", "mean frame score (%)", "frame_scores")


def _grouped_bars(
    data: pd.DataFrame,
    by: str,
    ax: Axes | None,
    measures: Iterable[str],
    prefix: str,
    xlabel: str,
    name: str,
) -> Axes:
    """Bars of several 0-1 measures per group (in %), one colour a measure, with the
    intervals of a comparison table; groups sorted by their summed means, highest on top."""
    measures = list(measures)
    names = data["measure"].unique() if is_table(data) else data.columns
    shown = [m for m in measures if m in set(names)]
    if not shown:
        raise InputError(f"{name} needs one of the columns {measures}")
    wide = group_means(data, shown, by) * 100
    wide = wide.loc[wide.sum(axis=1).sort_values().index]
    ax = new_axes(ax, 7.0, 1.4 + 0.45 * len(wide))
    height = 0.8 / len(shown)
    y = np.arange(len(wide))
    colours = palette("Set2")
    for i, m in enumerate(shown):
        pos = y + 0.4 - height * (i + 0.5)  # first measure on top within each group
        xerr = None
        if is_table(data) and {"ci_low", "ci_high"} <= set(data.columns):
            t = data[data["measure"] == m].set_index("group").reindex(wide.index)
            xerr = np.clip(
                np.vstack([wide[m] - t["ci_low"] * 100, t["ci_high"] * 100 - wide[m]]), 0, None
            )
        ax.barh(
            pos,
            wide[m],
            height=height,
            color=colours[i % len(colours)],
            label=m.removeprefix(prefix).replace("_", " "),
            xerr=xerr,
            error_kw={"lw": 0.8, "ecolor": "#555"},
        )
    ax.set_yticks(y, [str(g) for g in wide.index])
    ax.set_xlabel(xlabel)
    legend_above(ax)
    ax.grid(axis="x", color="#eee")
    ax.set_axisbelow(True)
    return ax


def dominant_mix(
    features: pd.DataFrame, by: str = "outlet", ax: Axes | None = None, *,
    column: str = "frames_dominant",
) -> Axes:  # fmt: skip
    """Each outlet's mix of dominant frames: a stacked bar of the share of its articles
    whose strongest frame is each one (``none``: no frame reaches 0.5), most conflict-led
    outlet on top.

    Examples
    --------
    >>> feats = pd.DataFrame({"outlet": ["A", "A", "B"],
    ...     "frames_dominant": ["conflict", "none", "economic"]})
    >>> ax = dominant_mix(feats)
    >>> [t.get_text() for t in ax.get_yticklabels()], [t.get_text() for t in ax.get_legend().get_texts()]
    (['B', 'A'], ['conflict', 'economic', 'none'])
    """
    require_columns(features, [by, column], where="dominant_mix")
    values = features[column]
    order = list(values.cat.categories) if isinstance(values.dtype, pd.CategoricalDtype) else []
    mix = pd.crosstab(features[by], values.astype(str), normalize="index") * 100
    columns = [c for c in order if c in mix.columns] or sorted(mix.columns)
    columns = [c for c in columns if c != "none"] + (["none"] if "none" in mix.columns else [])
    mix = mix[columns]
    lead = columns[0]
    mix = mix.sort_values([lead], kind="stable")
    ax = new_axes(ax, 7.0, 1.4 + 0.35 * len(mix))
    colours = palette("Set2")
    left = np.zeros(len(mix))
    for i, c in enumerate(columns):
        colour = "#dddddd" if c == "none" else colours[i % len(colours)]
        ax.barh(np.arange(len(mix)), mix[c], left=left, color=colour, height=0.7,
                label=c.replace("_", " "))  # fmt: skip
        left += mix[c].to_numpy()
    ax.set_yticks(np.arange(len(mix)), [str(g) for g in mix.index])
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of articles by dominant frame")
    legend_above(ax, ncol=min(len(columns), 3))
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
    require_columns(terms_df, ["group", "term", "z"], where="distinguishing_terms")
    d = terms_df[terms_df["group"] == group].nlargest(top, "z").iloc[::-1]
    ax = new_axes(ax, 4.0, 1.0 + 0.25 * max(len(d), 1))
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
    require_columns(importance_df, ["measure", "importance_mean"], where="importance")
    d = importance_df.nlargest(top, "importance_mean").iloc[::-1]
    ax = new_axes(ax, 6.4, 1.2 + 0.3 * len(d))
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
