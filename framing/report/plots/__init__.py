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

from framing.report.plots.base import (
    ALPHA,
    CLUTTER_KINDS,
    FRAME_SCORES,
    HEADLINE_RATES,
    HIGH,
    LOW,
    PLAIN,
    group_means,
    plt,
)
from framing.report.plots.compare import forest, heatmap
from framing.report.plots.families import (
    clutter_columns,
    clutter_composition,
    distinguishing_terms,
    dominant_mix,
    frame_scores,
    headline_rates,
    importance,
)

__all__ = [
    "ALPHA",
    "CLUTTER_KINDS",
    "FRAME_SCORES",
    "HEADLINE_RATES",
    "HIGH",
    "LOW",
    "PLAIN",
    "clutter_columns",
    "clutter_composition",
    "distinguishing_terms",
    "dominant_mix",
    "frame_scores",
    "forest",
    "group_means",
    "headline_rates",
    "heatmap",
    "importance",
    "plt",
]
