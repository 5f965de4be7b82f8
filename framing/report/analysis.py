"""What a report shows, computed: the kept corpus, its measures and the statistics over them.

:func:`analyse` runs the chain (measures, group comparison, distinguishing terms,
classifier) and returns a :class:`ReportData`; :mod:`framing.report.sections` turns that
into tables and figures, and :mod:`framing.report.render` writes the file.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from framing.corpus.load import require_columns
from framing.errors import CorpusError, InputError, ParameterError

MAX_GROUPS = 20  # figures, examples and the classifier take at most this many groups
MIN_STORIES = 20  # a report without within="story" shows stories when this many have 3+ groups
PER_GROUP = 400  # the classifier trains on at most this many articles a group (seeded sample)


class TooFewGroupsError(CorpusError, ParameterError):
    """The ``by`` column leaves fewer than two groups to compare (``parameter`` is ``"by"``)."""


@dataclass
class ReportData:
    """Everything a report shows: the corpus, its measures, and the statistics over them.

    Attributes
    ----------
    corpus : DataFrame
        The articles compared (rows without a group and single-article groups left out).
    features : DataFrame
        The measures of each article, same index as ``corpus``.
    comparison : DataFrame
        Per group and measure, as :func:`framing.compare_outlets` returns.
    by : str
        The grouping column.
    within : str or None
        The stratifying column, if any.
    seed : int
        Seed of the bootstrap and the classifier.
    terms : DataFrame or None
        As :func:`framing.distinguishing_terms` returns over the bodies with their clutter
        removed (``None`` when not computed).
    classifier : dict or None
        As :func:`framing.outlet_classifier` returns (``None`` when not computed).
    paired : DataFrame or None
        The comparison within stories (:func:`framing.stats.paired.compare_paired`):
        ``comparison`` itself with ``within="story"``, else computed when at least
        ``MIN_STORIES`` stories were covered by three groups or more (``None`` otherwise).
    notes : list of str
        Caveats found on the way (groups left out, constant measures).

    Examples
    --------
    >>> table = pd.DataFrame({"group": ["a", "b", "a"], "measure": ["m", "m", "n"]})
    >>> data = ReportData(pd.DataFrame(), pd.DataFrame(), table)
    >>> data.measures
    ['m', 'n']
    """

    corpus: pd.DataFrame
    features: pd.DataFrame
    comparison: pd.DataFrame
    by: str = "outlet"
    within: str | None = None
    seed: int = 0
    terms: pd.DataFrame | None = None
    classifier: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)
    paired: pd.DataFrame | None = None

    @property
    def measures(self) -> list[str]:
        """The measures compared, in the order of the comparison table."""
        return list(dict.fromkeys(self.comparison["measure"]))


def prepare(
    corpus_df: pd.DataFrame, by: str = "outlet", within: str | None = None
) -> tuple[pd.DataFrame, list[str]]:
    """The corpus rows that can be compared, and notes on what was left out.

    Rows without a group are dropped, and so are groups with fewer than two articles
    (no spread, no interval).

    Parameters
    ----------
    corpus_df : DataFrame
        The corpus, with the ``by`` column (and ``within``, when given).
    by : str, default "outlet"
        The grouping column.
    within : str, optional
        A stratifying column; only checked to be present.

    Returns
    -------
    kept : DataFrame
        The rows of ``corpus_df`` that are compared.
    notes : list of str
        What was left out, one sentence each.

    Raises
    ------
    framing.errors.MissingColumnError
        When ``by`` or ``within`` is not a column.
    TooFewGroupsError
        When fewer than two groups of at least two articles remain.

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["A", "A", "B", "B", "C"], "body": ["x"] * 5})
    >>> kept, notes = prepare(df)
    >>> sorted(kept["outlet"].unique()), notes
    (['A', 'B'], ["Left out 1 group(s) with a single article: 'C'."])
    >>> prepare(df.head(3))
    Traceback (most recent call last):
    ...
    framing.report.analysis.TooFewGroupsError: a report compares groups, but the corpus has fewer than two 'outlet' groups with at least two articles each (3 rows); use by= to pick another column
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
        raise TooFewGroupsError(
            f"a report compares groups, but the corpus has fewer than two {by!r} groups with "
            f"at least two articles each ({len(corpus_df):,} rows); use by= to pick another column",
            parameter="by",
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


def largest_groups(groups: pd.Series, limit: int) -> list[Any]:
    """The ``limit`` most frequent values of ``groups``, ties broken by name.

    Examples
    --------
    >>> largest_groups(pd.Series(list("abbcccdd")), 2)
    ['c', 'b']
    """
    counts = groups.value_counts()
    return [g for g, _ in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:limit]]


def classifier_sample(table: pd.DataFrame, by: str, seed: int, notes: list[str]) -> pd.DataFrame:
    """The rows the classifier sees: the MAX_GROUPS largest groups, PER_GROUP articles each.

    Cross-validated permutation importance costs folds x measures x repeats predictions,
    so the classifier sees a bounded, seeded sample. What was left out is added to
    ``notes``.

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
) -> ReportData:
    """Measures, statistics, distinguishing terms and classifier for a corpus.

    Parameters
    ----------
    corpus_df : DataFrame
        The corpus, with the ``by`` column.
    by : str, default "outlet"
        The grouping column.
    within : str, optional
        A stratifying column: groups are compared at a common mix.
    seed : int, default 0
        Seed of the bootstrap and the classifier.
    features : DataFrame or str or list, optional
        A precomputed feature table (same index as the corpus) or a family selection
        for :func:`framing.extract_features` (default: the default families).
    progress : bool, default False
        Show progress on stderr.

    Returns
    -------
    ReportData

    Raises
    ------
    framing.errors.InputError
        When every measure is constant over the corpus (and as :func:`prepare`).

    Examples
    --------
    >>> corpus = pd.DataFrame({"outlet": list("aabb"), "body": ["no", "yes", "so", "go"]})
    >>> features = pd.DataFrame({"m": [0.0, 0.0, 0.0, 0.0]}, index=corpus.index)
    >>> analyse(corpus, features=features)
    Traceback (most recent call last):
    ...
    framing.errors.InputError: every measure is constant over this corpus: nothing to compare
    """
    story_notes = []
    if "story" not in corpus_df.columns and {"headline", "body"} & set(corpus_df.columns):
        from framing.stats.stories import stories

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                corpus_df = corpus_df.assign(story=stories(corpus_df))
            except InputError as error:  # dates that do not parse: no stories, say why
                story_notes.append(f"Stories not matched: {error}.")
        story_notes += [f"Stories: {w.message}." for w in caught]
    df, notes = prepare(corpus_df, by, within)
    notes += story_notes
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
    paired = comparison if within == "story" else None
    if paired is None and "story" in df.columns:
        covered = df.groupby("story")[by].nunique()
        if (covered >= 3).sum() >= MIN_STORIES:
            from framing.stats.paired import compare_paired

            with_story = pd.concat([table, df[["story"]]], axis=1)
            paired = compare_paired(with_story, by, measures=measures, seed=seed)
    steps.set_postfix_str("terms")
    terms = None
    if "body" in df.columns:
        from framing.measures.clutter.clean import clean_texts

        editorial = df.assign(body=clean_texts(df["body"].tolist()))
        terms = distinguishing_terms(editorial, by=by, text="body")
    steps.update()
    steps.set_postfix_str("classifier")
    sample = classifier_sample(table[[by, *measures]], by, seed, notes)
    classifier = outlet_classifier(sample, by=by, seed=seed)
    steps.update()
    steps.close()
    return ReportData(df, feats, comparison, by, within, seed, terms, classifier, notes, paired)


def largest(data: ReportData, limit: int = MAX_GROUPS) -> ReportData:
    """``data`` restricted to its ``limit`` largest groups (ties by name), for the figures:
    their articles, the articles' measures and their rows of the comparisons and terms.

    Returns ``data`` itself when it has no more than ``limit`` groups.

    Examples
    --------
    >>> corpus = pd.DataFrame({"outlet": list("abbccc")})
    >>> table = pd.DataFrame({"group": list("abc"), "measure": "m", "mean": [1.0, 2.0, 3.0]})
    >>> shown = largest(ReportData(corpus, corpus, table), 2)
    >>> sorted(shown.comparison["group"]), shown.features.index.tolist()
    (['b', 'c'], [1, 2, 3, 4, 5])
    """
    if data.corpus[data.by].nunique() <= limit:
        return data
    keep = largest_groups(data.corpus[data.by], limit)
    corpus = data.corpus[data.corpus[data.by].isin(keep)]
    shown: dict[str, Any] = {
        "corpus": corpus,
        "features": data.features[data.features.index.isin(corpus.index)],
        "comparison": data.comparison[data.comparison["group"].isin(keep)],
    }
    for name in ("terms", "paired"):
        table = getattr(data, name)
        if table is not None:
            shown[name] = table[table["group"].isin(keep)]
    return replace(data, **shown)
