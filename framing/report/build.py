"""The outlet comparison report: one self-contained HTML file (or Markdown with PNGs).

:func:`build_report` runs the whole chain — measures, statistics, distinguishing terms,
classifier, evidence — and :func:`write_report` renders an :class:`Analysis` through the
jinja2 template in ``templates/`` (autoescaped: article text always shows as text).
Figures are embedded as base64 PNG, so the file needs no network and no JavaScript, and
the same input and seed give a byte-identical file.
"""

from __future__ import annotations

import base64
import html
import io
import re
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing import __version__
from framing.corpus.load import require_columns
from framing.errors import CorpusError, InputError
from framing.io.atomic import atomic_write

ALPHA = 0.05
EXAMPLE_CHARS = 1200  # body characters shown per example article
MAX_GROUPS = 20  # figures, examples and the classifier take at most this many groups
PER_GROUP = 400  # the classifier trains on at most this many articles a group (seeded sample)
FAMILY_TITLES = {
    "headline": "Headline framing",
    "loaded": "Loaded language",
    "clutter": "Promotional clutter",
}
KEY_MEASURE = {
    "headline": "headline_question",
    "loaded": "loaded_language",
    "clutter": "clutter_share",
}
# which measure picks the example article of each group, first present wins
EXAMPLE_BY = ("loaded_language", "clutter_share", "headline_question")


@dataclass
class Analysis:
    """Everything a report shows: the corpus, its measures, and the statistics over them.

    ``comparison`` follows :func:`framing.compare_outlets`, ``terms``
    :func:`framing.distinguishing_terms` and ``classifier`` :func:`framing.outlet_classifier`
    (``None`` when not computed). ``notes`` are caveats found on the way (groups left out,
    constant measures).
    """

    corpus: pd.DataFrame
    features: pd.DataFrame
    comparison: pd.DataFrame
    by: str = "outlet"
    within: str | None = None
    seed: int = 0
    terms: pd.DataFrame | None = None
    classifier: dict | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def measures(self) -> list[str]:
        return list(dict.fromkeys(self.comparison["measure"]))


# --- analysis --------------------------------------------------------------------------


def prepare(corpus_df: pd.DataFrame, by: str = "outlet", within: str | None = None):
    """The corpus rows that can be compared, and notes on what was left out.

    Rows without a group are dropped, and so are groups with fewer than two articles
    (no spread, no interval); at least two groups must remain.

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["A", "A", "B", "B", "C"], "body": ["x"] * 5})
    >>> kept, notes = prepare(df)
    >>> sorted(kept["outlet"].unique()), notes
    (['A', 'B'], ["Left out 1 group(s) with a single article: 'C'."])
    """
    require_columns(corpus_df, [by] + ([within] if within else []), where="report")
    notes = []
    df = corpus_df[corpus_df[by].notna()]
    if len(df) < len(corpus_df):
        notes.append(f"Left out {len(corpus_df) - len(df):,} article(s) without a {by!r} value.")
    counts = df[by].value_counts()
    single = sorted(map(str, counts.index[counts < 2]))
    if single:
        names = ", ".join(map(repr, single[:10])) + (
            f" and {len(single) - 10} more" if len(single) > 10 else ""
        )
        notes.append(f"Left out {len(single)} group(s) with a single article: {names}.")
        df = df[df[by].map(counts) >= 2]
    if df[by].nunique() < 2:
        raise CorpusError(
            f"a report compares groups, but the corpus has fewer than two {by!r} groups with "
            f"at least two articles each ({len(corpus_df):,} rows); use --by to pick another column"
        )
    return df, notes


def split_constant(features: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Numeric measures that vary, and those that are constant (nothing to compare).

    Examples
    --------
    >>> split_constant(pd.DataFrame({"a": [1, 2], "b": [0, 0], "c": ["x", "y"]}))
    (['a'], ['b'])
    """
    numeric = [c for c in features.columns if pd.api.types.is_numeric_dtype(features[c])]
    constant = [c for c in numeric if features[c].nunique(dropna=True) < 2]
    return [c for c in numeric if c not in constant], constant


def classifier_sample(table: pd.DataFrame, by: str, seed: int, notes: list[str]) -> pd.DataFrame:
    """The rows the classifier sees: the MAX_GROUPS largest groups, PER_GROUP articles each.

    Cross-validated permutation importance costs folds x measures x repeats predictions,
    so a bounded, seeded sample keeps a 36,000-article report in minutes. What was left
    out is added to ``notes``.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["a"] * 500 + ["b"] * 3, "m": range(503)})
    >>> notes = []
    >>> classifier_sample(t, "outlet", 0, notes)["outlet"].value_counts().to_dict()
    {'a': 400, 'b': 3}
    >>> notes
    ['The classifier sees at most 400 articles a group (a seeded sample).']
    """
    n_groups = table[by].nunique()
    if n_groups > MAX_GROUPS:  # hundreds of outlets: tell the largest apart
        table = table[table[by].isin(largest_groups(table[by], MAX_GROUPS))]
        notes.append(f"The classifier tells apart the {MAX_GROUPS} largest of {n_groups} groups.")
    if table[by].value_counts().max() > PER_GROUP:
        shuffled = table.sample(frac=1.0, random_state=seed)
        table = shuffled.groupby(by, sort=False).head(PER_GROUP).sort_index()
        notes.append(f"The classifier sees at most {PER_GROUP} articles a group (a seeded sample).")
    return table


def analyse(
    corpus_df: pd.DataFrame,
    *,
    by: str = "outlet",
    within: str | None = None,
    seed: int = 0,
    features: Any = None,
    progress: bool = False,
) -> Analysis:
    """Measures, statistics, distinguishing terms and classifier for a corpus.

    ``features`` is a precomputed feature table (same index as the corpus) or a family
    selection for :func:`framing.extract_features` (default: the default families).
    """
    df, notes = prepare(corpus_df, by, within)
    from tqdm.auto import tqdm

    from framing.features import extract_features
    from framing.stats.classifier import outlet_classifier
    from framing.stats.compare import compare_outlets
    from framing.stats.terms import distinguishing_terms

    steps = tqdm(total=4, desc="report", unit="step", disable=not progress, leave=False)
    steps.set_postfix_str("measures")
    if isinstance(features, pd.DataFrame):
        feats = features.loc[df.index]
    else:
        feats = extract_features(df, features or "default", progress=progress)
    steps.update()
    measures, constant = split_constant(feats)
    if constant:
        notes.append(
            f"Not compared: {len(constant)} measure(s) constant over this corpus ("
            + ", ".join(constant)
            + ")."
        )
    if not measures:
        raise InputError("every measure is constant over this corpus: nothing to compare")
    keys = [by] + ([within] if within else [])
    table = pd.concat([df[keys], feats[measures]], axis=1)
    steps.set_postfix_str("statistics")
    comparison = compare_outlets(table, by=by, measures=measures, within=within, seed=seed)
    steps.update()
    steps.set_postfix_str("terms")
    terms = None
    if "body" in df.columns:
        terms = distinguishing_terms(df, by=by, text="body")
    steps.update()
    steps.set_postfix_str("classifier")
    sample = classifier_sample(table[[by, *measures]], by, seed, notes)
    classifier = outlet_classifier(sample, by=by, seed=seed)
    steps.update()
    steps.close()
    return Analysis(df, feats, comparison, by, within, seed, terms, classifier, notes)


def build_report(
    corpus_df: Any,
    *,
    by: str = "outlet",
    within: str | None = None,
    output: str | Path = "reports/report.html",
    format: str = "html",
    seed: int = 0,
    features: Any = None,
    progress: bool = False,
) -> Path:
    """Compare the groups of a corpus and write the report.

    Parameters
    ----------
    corpus_df : DataFrame or path
        A corpus (anything :func:`framing.load_corpus` reads).
    by : str, default "outlet"
        The grouping column.
    within : str, optional
        A stratifying column (e.g. ``"topic"``): groups are compared at a common mix.
    output : path, default "reports/report.html"
        Where to write; missing folders are created; written atomically.
    format : {"html", "md"}
        One self-contained HTML file, or Markdown with a folder of PNGs beside it.
    seed : int, default 0
        Seed of the bootstrap and the classifier: same input and seed, same file.
    features : DataFrame or str or list, optional
        Precomputed measures (same index as the corpus) or the families to extract.
    progress : bool, default False
        Show progress on stderr.

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    A minute or so on the 600-article sample:

    >>> import framing
    >>> framing.build_report(framing.load_sample(), output="reports/sample.html")  # doctest: +SKIP
    PosixPath('reports/sample.html')
    """
    if format not in ("html", "md"):
        raise InputError(f"format must be 'html' or 'md', not {format!r}")
    if not isinstance(corpus_df, pd.DataFrame):
        from framing.corpus.load import load_corpus

        corpus_df = load_corpus(corpus_df)
    analysis = analyse(
        corpus_df, by=by, within=within, seed=seed, features=features, progress=progress
    )
    return write_report(analysis, output, format=format)


# --- figures and tables ----------------------------------------------------------------


@dataclass
class Figure:
    """A rendered figure: PNG bytes, a file name (for Markdown) and a caption."""

    name: str
    png: bytes
    caption: str

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


def _figure(name: str, caption: str, draw, *args, **kwargs) -> Figure:
    import matplotlib.pyplot as plt

    ax = draw(*args, **kwargs)
    buffer = io.BytesIO()
    # no Software/Date metadata: the bytes depend on the data only
    ax.figure.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
    plt.close(ax.figure)
    return Figure(name, buffer.getvalue(), caption)


def _fmt(value: Any) -> str:
    if isinstance(value, (float, np.floating)):
        if np.isnan(value):
            return "–"
        if value != 0 and (abs(value) < 0.001 or abs(value) >= 1e5):
            return f"{value:.2g}"
        return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, (int, np.integer)):
        return f"{value:,}"
    return str(value)


def _table(df: pd.DataFrame, columns=None) -> dict:
    """A table as header and formatted cell strings (escaped by the template)."""
    if df.index.name is not None:
        df = df.reset_index()
    columns = list(df.columns if columns is None else columns)
    rows = [[_fmt(v) for v in record] for record in df[columns].itertuples(index=False)]
    numeric = [pd.api.types.is_numeric_dtype(df[c]) for c in columns]
    return {"columns": [str(c) for c in columns], "rows": rows, "numeric": numeric}


def _findings(comparison: pd.DataFrame, measures, top: int = 12) -> dict | None:
    """The clearest group-vs-rest differences among ``measures`` (q < ALPHA, largest |delta|)."""
    d = comparison[comparison["measure"].isin(measures) & (comparison["q"] < ALPHA)]
    if d.empty:
        return None
    d = (
        d.assign(size=d["cliffs_delta"].abs())
        .sort_values(["size", "group", "measure"], ascending=[False, True, True])
        .head(top)
    )
    d = d.assign(
        direction=np.where(d["cliffs_delta"] > 0, "higher", "lower"),
        interval=[
            f"{_fmt(lo)} to {_fmt(hi)}" for lo, hi in zip(d["ci_low"], d["ci_high"], strict=True)
        ],
    )
    return _table(d, ["group", "measure", "direction", "mean", "interval", "cliffs_delta", "q"])


def _families(measures) -> list[str]:
    """Family prefixes in order of first appearance, the three framing families first."""
    seen = list(dict.fromkeys(m.split("_", 1)[0] for m in measures))
    return [f for f in FAMILY_TITLES if f in seen] + [f for f in seen if f not in FAMILY_TITLES]


def _family_section(a: Analysis, family: str, comparison: pd.DataFrame) -> dict:
    """Figures of ``a`` (the groups shown) and the clearest differences in ``comparison``."""
    from framing.report import plots

    measures = [m for m in a.measures if m.split("_", 1)[0] == family]
    figures = []
    key = KEY_MEASURE.get(family)
    if key not in measures:  # else the measure that differs most across groups
        h = (
            a.comparison.groupby("measure")["kruskal_h"].first()
            if "kruskal_h" in a.comparison
            else {}
        )
        key = max(measures, key=lambda m: (np.nan_to_num(h.get(m, 0.0)), m))
    if family == "headline" and set(plots.HEADLINE_RATES) & set(measures):
        figures.append(
            _figure(
                "headline-rates",
                "Share of headlines with each device, per group, with 95% bootstrap intervals.",
                plots.headline_rates,
                a.comparison,
            )
        )
    if family == "clutter" and plots.clutter_columns(measures)[0]:
        figures.append(
            _figure(
                "clutter-composition",
                "Mean clutter per article, by kind of clutter.",
                plots.clutter_composition,
                a.comparison,
            )
        )
    figures.append(
        _figure(
            f"{family}-forest",
            f"{key}: mean per group with its 95% bootstrap interval; filled dots differ "
            f"from the rest of the corpus (q < {ALPHA:g}).",
            plots.forest,
            a.comparison,
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
                a.comparison,
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
    }


def _overview(a: Analysis, shown: Analysis) -> dict:
    from framing.report import plots

    group = a.corpus[a.by]
    rows = pd.DataFrame({"articles": group.value_counts()})
    for col in ("headline", "body"):
        if col in a.corpus.columns:
            lengths = a.corpus[col].fillna("").str.len()
            rows[f"median {col} chars"] = lengths.groupby(group).median()
    if "leaning" in a.corpus.columns and a.by != "leaning":
        rows["leaning"] = a.corpus.groupby(a.by)["leaning"].agg(
            lambda s: ", ".join(sorted(map(str, s.dropna().unique())))
        )
    rows = (
        rows.rename_axis(a.by)
        .reset_index()
        .sort_values(["articles", a.by], ascending=[False, True])
    )
    caption = "Articles per group"
    if len(rows) > 2 * MAX_GROUPS:
        caption += f" (the {2 * MAX_GROUPS} largest of {len(rows)})"
    figures = []
    if len(_families(a.measures)) > 1:
        figures.append(
            _figure(
                "overview-heatmap",
                "All measures at a glance: each measure standardised across groups "
                f"(red above, blue below the other groups); * marks q < {ALPHA:g}.",
                plots.heatmap,
                shown.comparison,
            )
        )
    intro = (
        f"{len(a.corpus):,} articles in {len(rows)} groups (by {a.by!r}), "
        f"{len(a.measures)} measures compared."
    )
    if a.within:
        intro += f" Groups are compared within {a.within!r} and reweighted to a common mix."
    if "date" in a.corpus.columns:
        dates = a.corpus["date"].dropna().astype(str)
        dates = dates[dates != ""]
        if len(dates):
            intro += f" Dates from {dates.min()} to {dates.max()}."
    return {
        "id": "overview",
        "title": "Corpus overview",
        "intro": intro,
        "figures": figures,
        "tables": [(caption, _table(rows.head(2 * MAX_GROUPS)))],
    }


def _terms_section(a: Analysis) -> dict | None:
    import matplotlib.pyplot as plt

    from framing.report import plots

    if a.terms is None or a.terms.empty:
        return None
    groups = sorted(a.terms["group"].unique(), key=str)
    ncols = min(4, len(groups))
    nrows = -(-len(groups) // ncols)

    def grid():
        fig, axes = plt.subplots(
            nrows, ncols, figsize=(3.3 * ncols, 3.1 * nrows), layout="constrained", squeeze=False
        )
        for ax, g in zip(axes.flat, groups, strict=False):
            plots.distinguishing_terms(a.terms, g, ax, top=10)
        for ax in axes.flat[len(groups) :]:
            ax.set_axis_off()
        return axes.flat[0]

    fig = _figure(
        "distinguishing-terms",
        "Words and two-word phrases most typical of each group against the rest "
        "(log-odds ratio with an informative Dirichlet prior, Monroe et al. 2008; bar = z-score). "
        "Counted over the whole body, page furniture included: words like 'caption' or "
        "'advertisement' point at clutter, not at framing.",
        grid,
    )
    return {
        "id": "terms",
        "title": "Distinguishing terms",
        "intro": "",
        "figures": [fig],
        "tables": [],
    }


def _classifier_section(a: Analysis) -> dict | None:
    from framing.report import plots

    if not a.classifier:
        return None
    figures = []
    imp = a.classifier.get("importance")
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
        "tables": [("Cross-validated scores", _table(a.classifier["scores"]))],
    }


def _examples(a: Analysis) -> list[dict]:
    from framing.report.evidence import explain, kind_colours

    measure = next((m for m in EXAMPLE_BY if m in a.features.columns), None)
    examples = []
    for group, rows in a.corpus.groupby(a.by, sort=True):
        if measure is not None:
            pick = a.features.loc[rows.index, measure].astype(float).idxmax()
            why = f"highest {measure} ({_fmt(float(a.features.at[pick, measure]))})"
        else:
            pick, why = rows.index[0], "first article"
        examples.append(
            {
                "group": str(group),
                "why": why,
                "id": str(pick),
                "explanation": explain(a.corpus.loc[pick]),
            }
        )
    # one colour per kind across all examples
    colours = kind_colours(k for e in examples for k in e["explanation"].kinds())
    for e in examples:
        e["html"] = e["explanation"].to_html(max_chars=EXAMPLE_CHARS, colours=colours)
    return examples


def _lexicons() -> list[dict]:
    """Name, description and citation of each shipped lexicon, from its provenance header."""
    from framing.measures.lexicons import available, load_lexicon

    return [load_lexicon(name).info for name in available()]


def _methods(a: Analysis) -> dict:
    from framing.features import describe

    try:
        described = describe()
    except (ImportError, InputError):
        described = {}
    measures = pd.DataFrame(
        {"measure": a.measures, "what it is": [described.get(m, "") for m in a.measures]}
    )
    return {
        "measures": _table(measures),
        "lexicons": _lexicons(),
        "method": a.comparison.attrs.get("method", ""),
    }


def largest_groups(groups: pd.Series, limit: int) -> list:
    """The ``limit`` most frequent values of ``groups``, ties broken by name.

    Examples
    --------
    >>> largest_groups(pd.Series(list("abbcccdd")), 2)
    ['c', 'b']
    """
    counts = groups.value_counts()
    return [g for g, _ in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:limit]]


def largest(a: Analysis, limit: int = MAX_GROUPS) -> Analysis:
    """``a`` restricted to its ``limit`` largest groups (ties by name), for the figures.

    Examples
    --------
    >>> corpus = pd.DataFrame({"outlet": list("abbccc")})
    >>> table = pd.DataFrame({"group": list("abc"), "measure": "m", "mean": [1.0, 2.0, 3.0]})
    >>> sorted(largest(Analysis(corpus, corpus, table), 2).comparison["group"])
    ['b', 'c']
    """
    if a.corpus[a.by].nunique() <= limit:
        return a
    keep = largest_groups(a.corpus[a.by], limit)
    shown = {
        "corpus": a.corpus[a.corpus[a.by].isin(keep)],
        "comparison": a.comparison[a.comparison["group"].isin(keep)],
    }
    if a.terms is not None:
        shown["terms"] = a.terms[a.terms["group"].isin(keep)]
    return replace(a, **shown)


def context(a: Analysis, max_groups: int = MAX_GROUPS) -> dict:
    """Everything the template shows, as plain values."""
    n_groups = a.corpus[a.by].nunique()
    shown = largest(a, max_groups)
    notes = list(a.notes)
    if shown is not a:
        notes.append(
            f"Figures and examples show the {max_groups} largest of {n_groups} groups; the "
            "statistics and the tables of differences cover all of them."
        )
    sections = [_overview(a, shown)]
    sections += [_family_section(shown, f, a.comparison) for f in _families(a.measures)]
    sections += [s for s in (_terms_section(shown), _classifier_section(a)) if s]
    return {
        "title": f"How {n_groups} groups frame the news",
        "by": a.by,
        "seed": a.seed,
        "version": __version__,
        "sections": sections,
        "examples": _examples(shown),
        "methods": _methods(a),
        "notes": notes,
        "alpha": ALPHA,
    }


# --- writing ---------------------------------------------------------------------------


def _environment():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("framing.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = _md_escape
    env.filters["fence"] = lambda text: text.replace("```", "'''")
    return env


def _md_escape(text: Any) -> str:
    """Text safe inside Markdown: HTML escaped, table pipes and emphasis marks neutralised."""
    return re.sub(r"([\\|*_`\[\]])", r"\\\1", html.escape(str(text), quote=False))


def write_report(analysis: Analysis, output: str | Path, *, format: str = "html") -> Path:
    """Render ``analysis`` to ``output`` (HTML, or Markdown with a ``<name>_files`` folder).

    Examples
    --------
    >>> write_report(None, "x.pdf", format="pdf")
    Traceback (most recent call last):
    ...
    framing.errors.InputError: format must be 'html' or 'md', not 'pdf'
    """
    if format not in ("html", "md"):
        raise InputError(f"format must be 'html' or 'md', not {format!r}")
    from markupsafe import Markup

    output = Path(output)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # tight-layout chatter from matplotlib
        ctx = context(analysis)
    if format == "html":
        for example in ctx["examples"]:
            example["html"] = Markup(example["html"])  # built by explain, which escapes all text
        text = _environment().get_template("report.html.j2").render(**ctx)
        with atomic_write(output) as f:
            f.write(text)
        return output
    folder = output.with_name(output.stem + "_files")
    figures = [fig for s in ctx["sections"] for fig in s["figures"]]
    for fig in figures:
        with atomic_write(folder / f"{fig.name}.png", "wb") as f:
            f.write(fig.png)
    env = _environment()
    env.autoescape = False  # Markdown: text goes through the md filter instead
    text = env.get_template("report.md.j2").render(folder=folder.name, **ctx)
    with atomic_write(output) as f:
        f.write(text)
    return output
