"""The report's sections: a :class:`~framing.report.analysis.ReportData` as tables and figures.

:func:`page_sections` gives the sections as plain values (each with an id, a title, an
intro, :class:`Figure` objects and tables of formatted cells); :func:`examples` the
example articles with their evidence and :func:`methods` what the measures are. Figures
are PNG bytes without timestamps, so the same data gives the same bytes.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.report.analysis import MAX_GROUPS, ReportData
from framing.stats.schema import far_dates, parse_dates

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from framing.report.evidence import Explanation

ALPHA = 0.05
EXAMPLE_CHARS = 1200  # body characters shown per example article
FAMILY_TITLES = {
    "headline": "Headline framing",
    "loaded": "Loaded language",
    "clutter": "Promotional clutter",
    "frames": "Generic frames",
}
STORY_MEASURES = ("loaded_language", "headline_question", "headline_teaser", "frames_dominant")
"""The measures shown beside each outlet's headline of a story."""
STORIES_SHOWN = 3  # the stories covered by the most groups, side by side
PASSAGE_CHARS = 700  # characters of each frame's example passage
# which measure picks the example article of each group, first present wins
EXAMPLE_BY = ("loaded_language", "clutter_share", "headline_question")


@dataclass
class Figure:
    """A rendered figure: PNG bytes, a file name (for Markdown) and a caption.

    Examples
    --------
    >>> Figure("f", b"png", "A caption.").data_uri
    'data:image/png;base64,cG5n'
    """

    name: str
    png: bytes
    caption: str

    @property
    def data_uri(self) -> str:
        """The PNG as a ``data:`` URI, for an ``<img src>``."""
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


def _figure(
    name: str, caption: str, draw: Callable[..., Axes], *args: Any, **kwargs: Any
) -> Figure:
    """Call ``draw(*args, **kwargs)`` and keep its figure as PNG bytes (figure closed)."""
    import matplotlib.pyplot as plt

    ax = draw(*args, **kwargs)
    buffer = io.BytesIO()
    # no Software/Date metadata: the bytes depend on the data only; "tight": no label clipped
    figure = ax.figure.get_figure(root=True)
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
    plt.close(figure)
    return Figure(name, buffer.getvalue(), caption)


def fmt(value: Any) -> str:
    """A cell value as the report shows it.

    Examples
    --------
    >>> fmt(0.12345), fmt(1234.5), fmt(0.0001), fmt(float("nan")), fmt(12000), fmt("x")
    ('0.123', '1,234', '0.0001', '–', '12,000', 'x')
    """
    if isinstance(value, (float, np.floating)):
        number = float(value)
        if np.isnan(number):
            return "–"
        if number != 0 and (abs(number) < 0.001 or abs(number) >= 1e5):
            return f"{number:.2g}"
        if abs(number) < 1000:
            return f"{number:,.3f}".rstrip("0").rstrip(".")
        return f"{number:,.0f}"
    if isinstance(value, (int, np.integer)):
        return f"{value:,}"
    return str(value)


def table(df: pd.DataFrame, columns: Iterable[Any] | None = None) -> dict[str, Any]:
    """A table as header and formatted cell strings (escaped by the template).

    A named index becomes the first column.

    Examples
    --------
    >>> table(pd.DataFrame({"n": [1200], "x": [0.5]}))
    {'columns': ['n', 'x'], 'rows': [['1,200', '0.5']], 'numeric': [True, True]}
    """
    if df.index.name is not None:
        df = df.reset_index()
    names = list(df.columns if columns is None else columns)
    rows = [[fmt(v) for v in record] for record in df[names].itertuples(index=False)]
    numeric = [pd.api.types.is_numeric_dtype(df[c]) for c in names]
    return {"columns": [str(c) for c in names], "rows": rows, "numeric": numeric}


def _findings(
    comparison: pd.DataFrame, measures: list[str], top: int = 12, later: Iterable[str] = ()
) -> dict | None:
    """The clearest group-vs-rest differences among ``measures`` (q < ALPHA, largest |delta|),
    those of the families named in ``later`` after all the others, each with its ``n`` (a
    group of three articles can differ the most)."""
    d = comparison[comparison["measure"].isin(measures) & (comparison["q"] < ALPHA)]
    if d.empty:
        return None
    d = (
        d.assign(
            size=d["cliffs_delta"].abs(),
            later=d["measure"].str.split("_").str[0].isin(list(later)),
        )
        .sort_values(["later", "size", "group", "measure"], ascending=[True, False, True, True])
        .head(top)
    )
    d = d.assign(
        direction=np.where(d["cliffs_delta"] > 0, "higher", "lower"),
        interval=[
            f"{fmt(lo)} to {fmt(hi)}" for lo, hi in zip(d["ci_low"], d["ci_high"], strict=True)
        ],
    )
    return table(d, ["group", "measure", "n", "direction", "mean", "interval", "cliffs_delta", "q"])


def families(measures: Iterable[str]) -> list[str]:
    """Family prefixes in order of first appearance, the three framing families first.

    Examples
    --------
    >>> families(["style_words", "clutter_share", "headline_question", "style_x"])
    ['headline', 'clutter', 'style']
    """
    seen = list(dict.fromkeys(m.split("_", 1)[0] for m in measures))
    return [f for f in FAMILY_TITLES if f in seen] + [f for f in seen if f not in FAMILY_TITLES]


def _family_section(data: ReportData, family: str, comparison: pd.DataFrame) -> dict[str, Any]:
    """Figures of ``data`` (the groups shown) and the clearest differences in ``comparison``."""
    from framing.report import plots
    from framing.report.findings import family_keys

    measures = [m for m in data.measures if m.split("_", 1)[0] == family]
    figures = []
    key = family_keys(data.comparison, family)[0]
    if family == "headline" and set(plots.HEADLINE_RATES) & set(measures):
        figures.append(
            _figure(
                "headline-rates",
                "Share of headlines with each device, per group, with 95% bootstrap intervals.",
                plots.headline_rates,
                data.comparison,
            )
        )
    if family == "frames" and set(plots.FRAME_SCORES) & set(measures):
        figures.append(
            _figure(
                "frame-scores",
                "Mean score of each frame per group (the expected share of the frame's "
                "codebook questions answered yes), with 95% bootstrap intervals.",
                plots.frame_scores,
                data.comparison,
            )
        )
        if "frames_dominant" in data.features.columns:
            mix = pd.concat([data.corpus[[data.by]], data.features[["frames_dominant"]]], axis=1)
            figures.append(
                _figure(
                    "frame-mix",
                    "Each group's articles by their dominant frame (the highest score, "
                    "if it reaches 0.5; none otherwise).",
                    plots.dominant_mix,
                    mix,
                    data.by,
                )
            )
    if family == "clutter" and plots.clutter_columns(measures)[0]:
        figures.append(
            _figure(
                "clutter-composition",
                "Mean clutter per article, by kind of clutter.",
                plots.clutter_composition,
                data.comparison,
            )
        )
    figures.append(
        _figure(
            f"{family}-forest",
            f"{key}: mean per group with its 95% bootstrap interval; filled dots differ "
            f"from the rest of the corpus (q < {ALPHA:g}).",
            plots.forest,
            data.comparison,
            key,
        )
    )
    if len(measures) > 1:
        figures.append(
            _figure(
                f"{family}-heatmap",
                f"Every {family}_* measure: group means standardised across groups; "
                f"* marks q < {ALPHA:g}.",
                plots.heatmap,
                data.comparison,
                measures=measures,
            )
        )
    title = FAMILY_TITLES.get(family, f"Other measures: {family}_*")
    return {
        "id": family,
        "title": title,
        "intro": f"{len(measures)} measure(s).",
        "figures": figures,
        "tables": [("Clearest differences", t) for t in [_findings(comparison, measures)] if t],
        "passages": frame_passages(data) if family == "frames" else [],
    }


def frame_passages(data: ReportData) -> list[dict[str, Any]]:
    """One passage a frame, with its evidence: in the article scoring highest on the frame,
    the stretch of about PASSAGE_CHARS characters holding most of the frame's cues (the
    spans the score counted, from :func:`framing.explain`)."""
    from framing.measures.frames import FRAMES
    from framing.report.evidence import Explanation, explain, kind_colours

    out = []
    for frame in FRAMES:
        column = f"frames_{frame}"
        if column not in data.features.columns or not data.features[column].max() > 0:
            continue
        pick = data.features[column].astype(float).idxmax()
        article = explain(data.corpus.loc[pick], sources=["frames"])
        kind = f"frame_{frame}"
        spans = {
            w: [s for f, _, s in article.found if f == w and s.kind == kind]
            for w in ("headline", "body")
        }
        where = "body" if spans["body"] else "headline"
        text = article.body if where == "body" else article.headline
        start, end = _densest(text, [s.start for s in spans[where]], PASSAGE_CHARS)
        inside = [
            ("body", "frames", replace(s, start=s.start - start, end=s.end - start))
            for s in spans[where]
            if start <= s.start and s.end <= end
        ]
        shown = Explanation("", text[start:end], inside)
        out.append(
            {
                "title": f"{frame.replace('_', ' ')}: {data.corpus.at[pick, data.by]}, article "
                f"{pick} (score {fmt(float(data.features.at[pick, column]))})",
                "html": shown.to_html(colours=kind_colours([kind])),
                "text": shown.to_text(),
            }
        )
    return out


def _densest(text: str, starts: list[int], width: int) -> tuple[int, int]:
    """The stretch of ``text`` about ``width`` characters long, starting at a sentence or
    line start, that holds most of ``starts``; cut at a space.

    Examples
    --------
    >>> t = "Calm. " * 50 + "War and battle. Fight!" + " Calm." * 50
    >>> a, b = _densest(t, [300, 308, 316], 40)
    >>> t[a:b]
    'War and battle. Fight! Calm. Calm.'
    """
    if not starts:
        return 0, min(len(text), width)
    at = np.sort(np.asarray(starts))
    counts = np.searchsorted(at, at + width * 3 // 4) - np.arange(len(at))
    first = int(at[int(np.argmax(counts))])
    start = max(text.rfind(". ", 0, first) + 2, text.rfind("\n", 0, first) + 1, 0)
    if first - start > width // 4:  # a long sentence: start a little before the first cue
        start = max(text.rfind(" ", 0, first - width // 8) + 1, 0)
    end = start + width
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    return start, min(end, len(text))


def date_range(dates: pd.Series) -> str:
    """The corpus's dates in a sentence: from the first to the last, leaving apart (and
    naming) the few dated far from the rest (:func:`~framing.stats.schema.far_dates`).

    Examples
    --------
    >>> days = pd.to_datetime(["2016-01-0%d" % d for d in range(1, 10)] * 200 + ["0001-11-30"])
    >>> date_range(pd.Series(days))
    ' Dates from 2016-01-01 to 2016-01-09; 1 article dated more than a year from the rest (0001-11-30): check its date.'
    >>> date_range(pd.Series([], dtype="datetime64[ns]"))
    ''
    """
    if not len(dates):
        return ""
    far = far_dates(dates).to_numpy()
    out = f" Dates from {dates[~far].min().date()} to {dates[~far].max().date()}"
    if far.any():
        n, first, last = int(far.sum()), dates[far].min().date(), dates[far].max().date()
        span = f"{first}" if first == last else f"from {first} to {last}"
        out += (
            f"; {n} article{'s' * (n != 1)} dated more than a year from the rest ({span}): "
            f"check {'their dates' if n != 1 else 'its date'}"
        )
    return out + "."


def _first_screen(data: ReportData, shown: ReportData) -> dict[str, Any]:
    """What stands out: the corpus in a sentence, the clearest differences in words (each
    linked to its section and evidence) and the key measures of each group shown."""
    from framing.report.findings import findings, key_measures

    n_groups = data.corpus[data.by].nunique()
    intro = (
        f"{len(data.corpus):,} articles in {n_groups} groups (by {data.by!r}), "
        f"{len(data.measures)} measures compared."
    )
    if data.within == "story":
        intro += (
            " Groups are compared within stories (the same event), paired: each group's "
            "difference from the story's mean."
        )
    elif data.within:
        intro += f" Groups are compared within {data.within!r} and reweighted to a common mix."
    if "date" in data.corpus.columns:
        intro += date_range(parse_dates(data.corpus["date"]).dropna())
    groups = set(shown.corpus[data.by])
    found = findings(data, groups, among=groups)
    if not found:
        intro += f" No group differs from the rest on any measure with q < {ALPHA:g}."
    keys = key_measures(data, shown)
    caption = (
        f"Key measures per group: the mean, ▲ above or ▼ below the rest (q < {ALPHA:g}); "
        "every measure is in the appendix"
    )
    return {
        "id": "findings",
        "title": "What stands out",
        "intro": intro,
        "findings": found,
        "figures": [],
        "tables": [(caption, table(keys))],
    }


def _appendix(data: ReportData, shown: ReportData) -> dict[str, Any]:
    """Articles per group (all of them) and the all-measures heatmap (of the groups shown)."""
    from framing.report import plots

    group = data.corpus[data.by]
    rows = pd.DataFrame({"articles": group.value_counts()})
    for col in ("headline", "body"):
        if col in data.corpus.columns:
            lengths = data.corpus[col].fillna("").str.len()
            rows[f"median {col} chars"] = lengths.groupby(group).median()
    if "leaning" in data.corpus.columns and data.by != "leaning":
        rows["leaning"] = data.corpus.groupby(data.by)["leaning"].agg(
            lambda s: ", ".join(sorted(map(str, s.dropna().unique())))
        )
    rows = (
        rows.rename_axis(data.by)
        .reset_index()
        .sort_values(["articles", data.by], ascending=[False, True])
    )
    caption = "Articles per group"
    if len(rows) > 2 * MAX_GROUPS:
        caption += f" (the {2 * MAX_GROUPS} largest of {len(rows)})"
    figures = []
    if len(families(data.measures)) > 1:
        figures.append(
            _figure(
                "overview-heatmap",
                "All measures at a glance: each measure standardised across groups "
                f"(red above, blue below the other groups); * marks q < {ALPHA:g}.",
                plots.heatmap,
                shown.comparison,
            )
        )
    return {
        "id": "appendix",
        "title": "Appendix: every measure, every group",
        "intro": "",
        "figures": figures,
        "tables": [(caption, table(rows.head(2 * MAX_GROUPS)))],
    }


def _terms_section(data: ReportData) -> dict[str, Any] | None:
    """A grid of each group's most typical terms, or None without terms."""
    import matplotlib.pyplot as plt

    from framing.report import plots

    terms = data.terms
    if terms is None or terms.empty:
        return None
    groups = sorted(terms["group"].unique(), key=str)
    ncols = min(4, len(groups))
    nrows = -(-len(groups) // ncols)

    def grid() -> Axes:
        fig, axes = plt.subplots(
            nrows, ncols, figsize=(3.3 * ncols, 3.1 * nrows), layout="constrained", squeeze=False
        )
        for ax, g in zip(axes.flat, groups, strict=False):
            plots.distinguishing_terms(terms, g, ax, top=10)
        for ax in axes.flat[len(groups) :]:
            ax.set_axis_off()
        return axes.flat[0]

    fig = _figure(
        "distinguishing-terms",
        "Words and two-word phrases most typical of each group against the rest "
        "(log-odds ratio with an informative Dirichlet prior, Monroe et al. 2008; bar = z-score). "
        "Counted over the editorial text: page furniture found by the clutter rules is "
        "left out first.",
        grid,
    )
    return {
        "id": "terms",
        "title": "Distinguishing terms",
        "intro": "",
        "figures": [fig],
        "tables": [],
    }


def _classifier_section(data: ReportData) -> dict[str, Any] | None:
    """The classifier's scores and permutation importance, or None without a classifier."""
    from framing.report import plots

    if not data.classifier:
        return None
    figures = []
    imp = data.classifier.get("importance")
    if imp is not None and not imp.empty:
        figures.append(
            _figure(
                "classifier-importance",
                "Permutation importance: how much cross-validated accuracy drops when one "
                "measure is shuffled.",
                plots.importance,
                imp,
            )
        )
    return {
        "id": "classifier",
        "title": "How well the measures tell groups apart",
        "intro": "A classifier trained on the interpretable measures alone, scored under "
        "cross-validation beside chance baselines.",
        "figures": figures,
        "tables": [("Cross-validated scores", table(data.classifier["scores"]))],
    }


def examples(data: ReportData) -> list[dict[str, Any]]:
    """One article a group (the highest on the first measure of EXAMPLE_BY) with its evidence."""
    from framing.report.evidence import explain, kind_colours
    from framing.report.findings import anchor

    measure = next((m for m in EXAMPLE_BY if m in data.features.columns), None)
    picked: list[tuple[str, str, Any, Explanation]] = []
    for group, rows in data.corpus.groupby(data.by, sort=True):
        if measure is not None:
            pick = data.features.loc[rows.index, measure].astype(float).idxmax()
            why = f"highest {measure} ({fmt(float(data.features.at[pick, measure]))})"
        else:
            pick, why = rows.index[0], "first article"
        picked.append((str(group), why, pick, explain(data.corpus.loc[pick])))
    # one colour per kind across all examples
    colours = kind_colours(k for *_, explanation in picked for k in explanation.kinds())
    return [
        {
            "group": group,
            "anchor": anchor(group),
            "why": why,
            "id": str(pick),
            "explanation": explanation,
            "html": explanation.to_html(max_chars=EXAMPLE_CHARS, colours=colours),
        }
        for group, why, pick, explanation in picked
    ]


def _lexicons() -> list[dict[str, Any]]:
    """Name, description and citation of each shipped lexicon, from its provenance header."""
    from framing.measures.lexicons import available, load_lexicon

    return [load_lexicon(name).info for name in available()]


def methods(data: ReportData) -> dict[str, Any]:
    """What each measure is, the lexicons, and the statistics' method note."""
    from framing.features import describe

    try:
        described = describe()
    except (ImportError, InputError):
        described = {}
    measures = pd.DataFrame(
        {"measure": data.measures, "what it is": [described.get(m, "") for m in data.measures]}
    )
    return {
        "measures": table(measures),
        "lexicons": _lexicons(),
        "method": data.comparison.attrs.get("method", ""),
    }


def _stories_section(data: ReportData, shown: ReportData) -> dict[str, Any] | None:
    """The same events told by several groups: the paired comparison (its clearest
    differences, and a forest of the loaded-language differences of the groups ``shown``)
    and the stories covered by the most groups, their headlines side by side with their
    evidence and key measures."""
    from framing.report import plots
    from framing.report.findings import FORM_FAMILIES, told

    if data.paired is None or shown.paired is None:
        return None
    covered = data.corpus.groupby("story")[data.by].nunique()
    shared = covered[covered >= 2]
    figures = []
    key = next((m for m in EXAMPLE_BY if m in set(data.paired["measure"])), None)
    if key is not None and (shown.paired["n"] > 0).any():
        figures.append(
            _figure(
                "stories-forest",
                f"{key}: each group's mean difference from the story mean over the stories it "
                f"shares, with 95% bootstrap intervals over stories; filled dots: q < {ALPHA:g} "
                "(Wilcoxon signed-rank).",
                plots.forest,
                shown.paired[shown.paired["n"] > 0],
                key,
            )
        )
    top = shared.sort_values(ascending=False, kind="stable").head(STORIES_SHOWN)
    return {
        "id": "stories",
        "title": "Same story, different framing",
        "intro": (
            f"{len(shared):,} stories were told by two or more groups "
            f"({int((covered >= 3).sum()):,} by three or more; matched by framing.stories). "
            "On these, each group is set against the story's mean, so that differences are "
            "in how an event was told, not in which events were covered. Stories are matched "
            "by text and date alone: in a hand check on news articles, 64 in 100 matched "
            "pairs reported the same event (most others, the same saga), so read the "
            "stories shown before quoting them."
        ),
        "figures": figures,
        "tables": [
            ("Clearest differences on the same stories", t)
            for t in [_findings(data.paired, told(data.paired["measure"]), later=FORM_FAMILIES)]
            if t
        ],
        "passages": [_story_passage(data, story) for story in top.index],
        "passages_title": "The stories told by the most groups, side by side",
    }


def _story_passage(data: ReportData, story: Any) -> dict[str, Any]:
    """One story: a row per group (its first article), the headline with its evidence and
    the key measures, as HTML and as text."""
    import html

    from framing.report.evidence import explain, kind_colours

    rows = data.corpus[data.corpus["story"] == story].drop_duplicates(data.by)
    measures = [m for m in STORY_MEASURES if m in data.features.columns]
    found = {
        i: explain(
            {"headline": rows.at[i, "headline"] if "headline" in rows else "", "body": ""},
            sources=["loaded", "headline"],
        )
        for i in rows.index
    }
    colours = kind_colours(k for e in found.values() for k in e.kinds())
    head = "".join(f"<th>{html.escape(c)}</th>" for c in [data.by, "headline", *measures])
    body, text = [], []
    for i in rows.index:
        values = [fmt(data.features.at[i, m]) for m in measures]
        cells = [
            html.escape(str(rows.at[i, data.by])),
            found[i].marked("headline", colours),
            *map(html.escape, values),
        ]
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        text.append(
            f"{rows.at[i, data.by]}: {found[i].headline} ({', '.join(f'{m} {v}' for m, v in zip(measures, values, strict=True))})"
        )
    dates = parse_dates(rows["date"]) if "date" in rows else pd.Series(dtype=object)
    date = f", {dates.min():%Y-%m-%d}" if dates.notna().any() else ""
    return {
        "title": f"Story told by {len(rows)} groups{date}",
        "html": f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>",
        "text": "\n".join(text),
    }


def page_sections(data: ReportData, shown: ReportData) -> list[dict[str, Any]]:
    """The sections in page order: what stands out, same story (when matched), one per
    measure family, terms, classifier, and the appendix.

    ``shown`` is ``data`` restricted to the groups the figures show
    (:func:`framing.report.analysis.largest`); tables of differences cover all groups.
    """
    out = [_first_screen(data, shown)]
    out += [s for s in [_stories_section(data, shown)] if s]
    out += [_family_section(shown, f, data.comparison) for f in families(data.measures)]
    out += [s for s in (_terms_section(shown), _classifier_section(data)) if s]
    return [*out, _appendix(data, shown)]
