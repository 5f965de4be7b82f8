"""The report's first screen: the clearest differences in words, and key measures per group.

:func:`findings` turns the comparison tables into a few sentences ("National Review: the
highest share of loaded sentences of the 10 outlets, 46% against 32% overall (q < 0.001)"), each
with links to its section and to the group's example article; :func:`key_measures` gives the
compact table of one or two measures per family. The full heatmap is in the report's appendix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.report.sections import ALPHA, FAMILY_TITLES, families

if TYPE_CHECKING:  # pragma: no cover
    from framing.report.analysis import ReportData

TOP = 5  # group-vs-rest findings on the first screen
TOP_PAIRED = 3  # findings on the same stories
PER_GROUP = 2  # at most this many findings name one group
PER_FAMILY = 2  # ... or come from one family
WORDS: dict[str, tuple[str, str]] = {
    "loaded_language": ("loaded sentences", "share"),
    "headline_question": ("question headlines", "share"),
    "headline_yesno_question": ("yes/no question headlines", "share"),
    "headline_teaser": ("teaser headlines", "share"),
    "headline_listicle": ("listicle headlines", "share"),
    "headline_media_tag": ("headlines with a media tag", "share"),
    "headline_exclamation": ("exclaiming headlines", "share"),
    "clutter_share": ("page clutter in the body", "share"),
    "frames_conflict": ("conflict framing", "score"),
    "frames_human_interest": ("human-interest framing", "score"),
    "frames_economic": ("economic framing", "score"),
    "frames_morality": ("morality framing", "score"),
    "frames_responsibility": ("responsibility framing", "score"),
}
"""How a finding names a measure (noun phrase, kind of value); others are named by
:func:`words` from their description."""
KEY_MEASURES: dict[str, tuple[str, ...]] = {
    "headline": ("headline_question", "headline_teaser"),
    "loaded": ("loaded_language",),
    "clutter": ("clutter_share",),
    "frames": ("frames_conflict",),
}
"""The key measures of each family (the first one has the family's forest plot); other
families' key measure is the one that differs most across groups (:func:`family_keys`)."""
PAGE_FAMILIES = ("clutter",)
"""Families that measure the page, not how a story is told: left out of the same-story
findings."""
FORM_FAMILIES = ("style",)
"""Families that describe a text's form (length, vocabulary), not its framing: the same-story
findings list them after the framing measures."""
_PHRASES = {
    # kind: (the most, the least, more, less)
    "rate": ("the most {}", "the least {}", "more {}", "less {}"),
    "share": (
        "the highest share of {}",
        "the lowest share of {}",
        "a higher share of {}",
        "a lower share of {}",
    ),
    "score": ("the highest {}", "the lowest {}", "higher {}", "lower {}"),
}


def family_keys(comparison: pd.DataFrame, family: str) -> list[str]:
    """The key measures of ``family`` in ``comparison``: those of :data:`KEY_MEASURES`
    present, else the one with the largest Kruskal–Wallis H.

    Examples
    --------
    >>> table = pd.DataFrame({"measure": ["style_a", "style_b", "loaded_language"],
    ...                       "kruskal_h": [1.0, 3.0, 0.5]})
    >>> family_keys(table, "style"), family_keys(table, "loaded")
    (['style_b'], ['loaded_language'])
    """
    measures = [m for m in dict.fromkeys(comparison["measure"]) if m.split("_", 1)[0] == family]
    keys = [m for m in KEY_MEASURES.get(family, ()) if m in measures]
    if keys or not measures:
        return keys
    h = comparison.groupby("measure")["kruskal_h"].first() if "kruskal_h" in comparison else {}
    return [max(measures, key=lambda m: (np.nan_to_num(h.get(m, 0.0)), m))]


def words(measure: str) -> tuple[str, str]:
    """The noun phrase naming ``measure`` in a sentence, and the kind of its values.

    The kind is ``"rate"`` (per 100 words), ``"share"`` (0 to 1: a share of articles or of
    text) or ``"score"``; measures outside :data:`WORDS` are named by their column and
    their kind read from their description.

    Examples
    --------
    >>> words("loaded_language")
    ('loaded sentences', 'share')
    >>> words("loaded_negative")
    ('loaded_negative', 'rate')
    >>> words("headline_wh_question")
    ('headline_wh_question', 'share')
    >>> words("no_such_measure")
    ('no_such_measure', 'score')
    """
    if measure in WORDS:
        return WORDS[measure]
    from framing.features import describe

    try:
        text = describe().get(measure, "")
    except (ImportError, InputError):  # a family that cannot load must not stop a report
        text = ""
    if "per 100 words" in text:
        return measure, "rate"
    if text.startswith("1 if") or text.startswith("fraction") or text.startswith("share"):
        return measure, "share"
    return measure, "score"


def value(x: float, kind: str, *, signed: bool = False, unit: bool = True) -> str:
    """A measure's value (or a difference, ``signed``) in the words of its kind; ``unit``
    False leaves out "per 100 words" (said once before).

    Examples
    --------
    >>> value(4.567, "rate"), value(0.345, "share"), value(0.4213, "score")
    ('4.6 per 100 words', '34%', '0.42')
    >>> value(0.8, "rate", signed=True), value(-0.12, "share", signed=True)
    ('+0.8 per 100 words', '-12 points')
    >>> value(0.004, "share"), value(3.2, "rate", unit=False)
    ('0.4%', '3.2')
    """
    sign = "+" if signed else ""
    if kind == "rate":
        return f"{x:{sign}.1f}" + (" per 100 words" if unit else "")
    if kind == "share":
        if signed:
            return f"{x * 100:{sign}.0f} points"
        return f"{x:.1%}" if 0 < abs(x) < 0.01 else f"{x:.0%}"
    return f"{x:{sign}.2f}"


def q_text(q: float) -> str:
    """A q-value as a finding shows it.

    Examples
    --------
    >>> q_text(0.00002), q_text(0.0123)
    ('q < 0.001', 'q = 0.012')
    """
    return "q < 0.001" if q < 0.001 else f"q = {q:.3f}"


def anchor(group: Any) -> str:
    """The HTML id of a group's example article.

    Examples
    --------
    >>> anchor("Fox News (Online)")
    'example-fox-news-online'
    """
    return "example-" + (re.sub(r"[^a-z0-9]+", "-", str(group).lower()).strip("-") or "group")


def told(measures: Iterable[str]) -> list[str]:
    """The measures of how a story is told: all but those of :data:`PAGE_FAMILIES`.

    Examples
    --------
    >>> told(["clutter_share", "loaded_language", "loaded_language"])
    ['loaded_language']
    """
    return [m for m in dict.fromkeys(measures) if m.split("_", 1)[0] not in PAGE_FAMILIES]


def _clearest(table: pd.DataFrame, top: int) -> pd.DataFrame:
    """Rows with q < ALPHA, largest |Cliff's delta| first, at most one per measure,
    PER_GROUP per group and PER_FAMILY per family; measures named in :data:`WORDS` only,
    unless none of them differs."""
    d = table[(table["q"] < ALPHA) & table["cliffs_delta"].notna()]
    if d["measure"].isin(list(WORDS)).any():
        d = d[d["measure"].isin(list(WORDS))]
    d = d.assign(size=d["cliffs_delta"].abs()).sort_values(
        ["size", "group", "measure"], ascending=[False, True, True], key=_sortable
    )
    picked: list[Any] = []
    used: dict[str, int] = {}
    for i, row in d.iterrows():
        keys = [f"m:{row['measure']}", f"g:{row['group']}", f"f:{row['measure'].split('_')[0]}"]
        limits = [1, PER_GROUP, PER_FAMILY]
        if all(used.get(k, 0) < n for k, n in zip(keys, limits, strict=True)):
            picked.append(i)
            for k in keys:
                used[k] = used.get(k, 0) + 1
        if len(picked) == top:
            break
    return d.loc[picked]


def _sortable(column: pd.Series) -> pd.Series:
    return column if pd.api.types.is_numeric_dtype(column) else column.astype(str)


def _sentence(row: pd.Series, data: ReportData, means: pd.DataFrame) -> str:
    noun, kind = words(row["measure"])
    most, least, more, less = _PHRASES[kind]
    higher = row["cliffs_delta"] > 0
    col = means[row["measure"]].dropna()
    extreme = row["mean"] == (col.max() if higher else col.min())
    groups = f"the {len(col)} {'outlets' if data.by == 'outlet' else repr(data.by) + ' groups'}"
    if extreme:
        phrase = (most if higher else least).format(noun) + f" of {groups}"
    else:
        phrase = (more if higher else less).format(noun) + " than the rest"
    overall = float(data.features[row["measure"]].astype(float).mean())
    # how many articles the group's figure rests on (a group of 3 can differ clearly)
    n = int(row["n"]) if pd.notna(row.get("n")) else None
    size = "" if n is None else f"{n:,} article{'s' * (n != 1)}, "
    return (
        f"{row['group']}: {phrase}, {value(row['mean'], kind)} against "
        f"{value(overall, kind, unit=False)} overall ({size}{q_text(row['q'])})."
    )


def _paired_sentence(row: pd.Series, by: str) -> str:
    noun, kind = words(row["measure"])
    more, less = _PHRASES[kind][2:]
    phrase = (more if row["mean"] > 0 else less).format(noun)
    others = "outlets" if by == "outlet" else f"{by!r} groups"
    return (
        f"On the same story, {row['group']} shows {phrase} than the other {others} telling it: "
        f"{value(row['mean'], kind, signed=True)} against the story mean over {int(row['n']):,} "
        f"stories ({q_text(row['q'])})."
    )


def findings(
    data: ReportData, shown: set[Any], *, among: set[Any] | None = None
) -> list[dict[str, Any]]:
    """The clearest differences as sentences, each with links to its evidence.

    Group against the rest of the corpus (``data.comparison``) and, where stories were
    matched, on the same story (``data.paired``, page clutter left out): rows with q < 0.05 of the measures named in
    :data:`WORDS` (of any measure when none of those differs), the largest effect (|Cliff's
    delta|) first, at most one per measure and two per group or family.

    Parameters
    ----------
    data : ReportData
        As :func:`framing.report.analysis.analyse` returns.
    shown : set
        The groups with an example article in the report (linked when named).
    among : set, optional
        The groups to speak of (the groups a report of many shows: a group of three
        articles can differ the most, with a Cliff's delta of 1); default all.

    Returns
    -------
    list of dict
        ``text`` (the sentence) and ``links`` (pairs of label and ``#id``).

    Examples
    --------
    >>> from framing.report.analysis import ReportData
    >>> table = pd.DataFrame({"group": ["A", "B"], "measure": "loaded_language",
    ...     "mean": [0.46, 0.30], "q": [0.0001, 0.2], "cliffs_delta": [0.4, -0.1]})
    >>> feats = pd.DataFrame({"loaded_language": [0.40, 0.30, 0.26]})
    >>> found = findings(ReportData(pd.DataFrame(), feats, table), {"A"})
    >>> found[0]["text"]
    'A: the highest share of loaded sentences of the 2 outlets, 46% against 32% overall (q < 0.001).'
    >>> found[0]["links"]
    [('Loaded language', '#loaded'), ('example article', '#example-a')]
    """

    def speak_of(table: pd.DataFrame) -> pd.DataFrame:
        return table if among is None else table[table["group"].isin(among)]

    out = []
    paired_only = data.within == "story"
    if not paired_only:
        means = data.comparison.pivot_table(index="group", columns="measure", values="mean")
        for _, row in _clearest(speak_of(data.comparison), TOP).iterrows():
            family = row["measure"].split("_", 1)[0]
            links = [(FAMILY_TITLES.get(family, f"{family}_*"), f"#{family}")]
            if row["group"] in shown:
                links.append(("example article", f"#{anchor(row['group'])}"))
            out.append({"text": _sentence(row, data, means), "links": links})
    if data.paired is not None:
        top = TOP if paired_only else TOP_PAIRED
        paired = speak_of(data.paired[data.paired["measure"].isin(told(data.paired["measure"]))])
        for _, row in _clearest(paired, top).iterrows():
            out.append(
                {
                    "text": _paired_sentence(row, data.by),
                    "links": [("Same story, different framing", "#stories")],
                }
            )
    return out


def key_measures(data: ReportData, shown: ReportData) -> pd.DataFrame:
    """One or two measures per family for each group shown: the first screen's table.

    Means of the families of :data:`KEY_MEASURES` (each group's most common dominant frame
    for the frames; without those families, each family's :func:`family_keys`), marked ▲ or
    ▼ when the group differs from the rest (q < 0.05).

    Parameters
    ----------
    data : ReportData
        All groups (for the statistics).
    shown : ReportData
        The groups shown.

    Returns
    -------
    DataFrame
        One row per group shown, largest first: ``articles`` and the key measures as text.

    Examples
    --------
    >>> from framing.report.analysis import ReportData
    >>> table = pd.DataFrame({"group": ["A", "B"], "measure": "loaded_language",
    ...     "mean": [0.46, 0.30], "q": [0.0001, 0.2], "cliffs_delta": [0.4, -0.1]})
    >>> corpus = pd.DataFrame({"outlet": ["A", "A", "B"]})
    >>> data = ReportData(corpus, corpus, table)
    >>> key_measures(data, data).to_dict("records")
    [{'outlet': 'A', 'articles': 2, 'loaded_language': '46% ▲'}, {'outlet': 'B', 'articles': 1, 'loaded_language': '30%'}]
    """
    comparison = data.comparison.set_index(["group", "measure"])
    counts = shown.corpus[data.by].value_counts()
    groups = sorted(counts.index, key=lambda g: (-counts[g], str(g)))
    out = pd.DataFrame({data.by: groups, "articles": [int(counts[g]) for g in groups]})
    shown_families = [f for f in families(data.measures) if f in KEY_MEASURES]
    for family in shown_families or families(data.measures):
        if family == "frames" and "frames_dominant" in data.features.columns:
            main = data.features.loc[shown.corpus.index, "frames_dominant"].groupby(
                shown.corpus[data.by]
            )
            out["main frame"] = [main.get_group(g).mode().iloc[0] for g in groups]
            continue
        keys = family_keys(data.comparison, family)
        for m in keys:
            kind = words(m)[1]
            cells = []
            for g in groups:
                row = comparison.loc[(g, m)] if (g, m) in comparison.index else None
                if row is None or pd.isna(row["mean"]):
                    cells.append("–")
                    continue
                mark = ""
                if row["q"] < ALPHA:
                    mark = " ▲" if row["cliffs_delta"] > 0 else " ▼"
                cells.append(value(float(row["mean"]), kind, unit=False) + mark)
            out[m + (" (per 100 words)" if kind == "rate" else "")] = cells
    return out
