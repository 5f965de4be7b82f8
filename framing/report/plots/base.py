"""What every figure shares: the headless backend, colours, axes and labels."""

from __future__ import annotations

import os
import re
import sys
import textwrap
from collections.abc import Iterable
from typing import TYPE_CHECKING

import matplotlib

if not os.environ.get("DISPLAY") and "ipykernel" not in sys.modules:  # headless: no GUI
    matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from framing.errors import InputError  # noqa: E402
from framing.io.schema import require_columns  # noqa: E402
from framing.measures.clutter import KINDS  # noqa: E402

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

ALPHA = 0.05
CLUTTER_KINDS = KINDS
HEADLINE_RATES = (
    "headline_question",
    "headline_yesno_question",
    "headline_teaser",
    "headline_media_tag",
)
FRAME_SCORES = (
    "frames_conflict",
    "frames_human_interest",
    "frames_economic",
    "frames_morality",
    "frames_responsibility",
)
HIGH, LOW, PLAIN = "#c0392b", "#2471a3", "#7f8c8d"  # above the rest, below it, neither


def palette(name: str) -> list[tuple[float, float, float, float]]:
    """The colours of a listed colormap (``tab10``, ``Set2``) as RGBA, in order."""
    cmap = plt.get_cmap(name)
    return [cmap(i) for i in range(cmap.N)]


KIND_COLOURS = dict(zip(CLUTTER_KINDS, palette("tab10"), strict=False))
CLUTTER_COLUMN = re.compile(rf"^clutter_({'|'.join(CLUTTER_KINDS)})(?:_(\w+))?$")


def clutter_kind(column: str) -> str:
    """The kind of a ``clutter_<kind>_<unit>`` column."""
    match = CLUTTER_COLUMN.match(column)
    if match is None:
        raise InputError(f"{column!r} is not a clutter_<kind> column")
    return match[1]


def new_axes(ax: Axes | None, width: float, height: float) -> Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=(width, height), layout="constrained")
    return ax


def legend_above(ax: Axes, ncol: int = 4) -> None:
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0, 1.01),
        ncol=ncol,
        fontsize="small",
        frameon=False,
        borderaxespad=0,
    )


def is_table(data: pd.DataFrame) -> bool:
    return {"group", "measure", "mean"} <= set(data.columns)


def group_means(data: pd.DataFrame, columns: Iterable[str], by: str = "outlet") -> pd.DataFrame:
    """Group x measure means from a comparison table or from features with a ``by`` column.

    Examples
    --------
    >>> feats = pd.DataFrame({"outlet": ["A", "A", "B"], "x": [0.0, 1.0, 1.0]})
    >>> group_means(feats, ["x"]).to_dict()
    {'x': {'A': 0.5, 'B': 1.0}}
    """
    columns = list(columns)
    if is_table(data):
        wide = data[data["measure"].isin(columns)].pivot(
            index="group", columns="measure", values="mean"
        )
        return wide.reindex(columns=[c for c in columns if c in wide.columns])
    require_columns(data, [by], where="group_means")
    return data.groupby(by, sort=True)[[c for c in columns if c in data.columns]].mean()


def measure_label(measure: str) -> str:
    from framing.features import describe

    try:
        text = describe().get(measure)
    except (ImportError, InputError):  # a family that cannot load must not stop a figure
        text = None
    return f"{measure}\n" + textwrap.fill(f"({text})", 70) if text else measure
