"""Story matching: which articles, across outlets, report the same event.

An article is read as its headline and lead (the first ``LEAD_WORDS`` words of the body),
weighted TF-IDF over words (sublinear counts, English stop words out, rare terms weigh
more) beside a second TF-IDF over its names and numbers (capitalised words that are not stop
words, figures), which weigh more than common words, and a third over the words of its
headline and the first ``BODY_WORDS`` words of its body. Two dated articles are candidates
when their cosine similarity, less ``DAY_COST`` a day between them (and ``OUTLET_COST``
when one outlet published both), reaches ``link`` and their dates lie within
``window_days``; candidates form connected groups, and each group is cut by average-linkage
clustering at ``threshold`` (scipy), so that a story is a set of articles whose mean
similarity reaches ``threshold``, not a chain of near pairs; there too the same costs apply,
and two articles more than ``window_days`` apart count as unrelated texts (similarity 0).
Work grows with the corpus, not its square: dated articles are compared only with those of
the days in their window. An undated article joins the story of its closest dated article
when their similarity reaches ``UNDATED_FACTOR`` times ``threshold``; the other undated
articles are matched among themselves by text alone at that higher bar (every pair, a block
at a time).

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({
...     "outlet": ["A", "B", "C", "A"],
...     "headline": ["Senate passes $1.2 trillion infrastructure bill",
...                  "Infrastructure bill clears Senate with 69 votes",
...                  "Wildfire forces thousands to flee in Oregon",
...                  "Oregon wildfire: thousands flee as flames spread"],
...     "body": ["The Senate voted 69-30 on the $1.2 trillion bill.",
...              "Senators approved the $1.2 trillion infrastructure bill 69-30.",
...              "Thousands fled as the wildfire spread across Oregon.",
...              "The Oregon wildfire spread; thousands fled their homes."],
...     "date": ["2021-08-10", "2021-08-10", "2021-08-11", "2021-08-12"]})
>>> stories(df).tolist()
[0, 0, 1, 1]
"""

from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from framing.errors import InputError, check_days, check_fraction
from framing.io.parallel import is_dask
from framing.stats.schema import parse_dates
from framing.stats.story_blocks import BLOCK_DAYS

if TYPE_CHECKING:  # pragma: no cover
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer

THRESHOLD = 0.12
"""The default ``threshold`` of :func:`stories`, fitted with ``DAY_COST``, ``OUTLET_COST``
and ``BODY_WEIGHT`` by ``tools/fit_story_matching.py``: the best mean pairwise F1 over the
tuning parts of the judged candidate pairs (matched within the whole AllSides corpus) and
of the grouped samples (three outlets over two days, every article and one per outlet and
event; every article of five days, all of them and as roundups)."""
MAX_GROUP = 3000
"""The largest group of candidates clustered at once (its distances are held dense)."""
DAY_COST = 0.09
"""What each day between two articles takes off their similarity (fitted with
``THRESHOLD``): of two equally similar articles, those of one day are likelier one event."""
UNDATED_FACTOR = 3.0
"""An undated article is matched at ``UNDATED_FACTOR`` times ``threshold``: 0.36 by default,
the similarity from which nine in ten judged candidate pairs of the tuning outlets are the
same event (``tools/fit_story_matching.py``), since no date narrows its candidates."""
OUTLET_COST = 0.10
"""What two articles of one outlet (the ``outlet`` column) take off their similarity (fitted
with ``THRESHOLD``): an outlet seldom tells one event twice, and a roundup shows each outlet
once."""
LEAD_WORDS = 60
"""Words of the body read with the headline: the lead, where news states its event."""
REPEATED = 3
"""A lead shared by this many articles is left out of all of them (see :func:`_texts`)."""
NAMES_WEIGHT = 0.3
"""Weight of the names-and-numbers vector beside the words vector (each L2-normalised;
fitted with ``THRESHOLD`` before ``BODY_WEIGHT`` was added)."""
BODY_WEIGHT = 1.0
"""Weight of the article's words vector (headline and the first ``BODY_WORDS`` words of the
body) beside the headline-and-lead words vector (each L2-normalised; fitted with
``THRESHOLD``): reactions, analysis and opinion on an event often state it only further
down."""
BODY_WORDS = 300
"""Words of the body read for the article's words vector: on the tuning samples, the
same-event pairs ranked as well as with the whole body, at a fraction of the time."""
_NAME = re.compile(r"\b(?:[A-Z][\w'’-]*[\w]|\d[\d,.]*\d|\d)")


def _texts(df: pd.DataFrame) -> pd.Series:
    """Headline and lead of each article; a lead found in ``REPEATED`` articles or more is
    page furniture (a scraper's boilerplate), not news, and is left out.

    Examples
    --------
    >>> same = "Subscribe to our newsletter for the other side of the story."
    >>> _texts(pd.DataFrame({"headline": ["Iran", "NATO", "Brexit", "Vote"],
    ...                      "body": [same, same, same, "The Senate voted."]})).tolist()
    ['Iran', 'NATO', 'Brexit', 'Vote \\n The Senate voted.']
    """
    leads = lead(_body(df))
    return _with_headline(df, leads.where(leads.map(leads.value_counts()) < REPEATED, ""))


def _body(df: pd.DataFrame) -> pd.Series:
    """The ``body`` column, or empty bodies without one."""
    return df["body"] if "body" in df else pd.Series("", index=df.index)


def _with_headline(df: pd.DataFrame, part: pd.Series) -> pd.Series:
    """Each article's headline (when there is a ``headline`` column) and ``part`` of it."""
    head = df["headline"].fillna("").astype(str) if "headline" in df else ""
    return (head + " \n " + part).str.strip()


def lead(body: pd.Series, words: int = LEAD_WORDS) -> pd.Series:
    """The first ``words`` words of each body (``""`` for a missing one): the lead, the part
    of the body matching reads first.

    Examples
    --------
    >>> lead(pd.Series(["The Senate voted.  Then it  adjourned.", None])).tolist()
    ['The Senate voted. Then it adjourned.', '']
    >>> lead(pd.Series(["The Senate voted."]), 2).tolist()
    ['The Senate']
    """
    kept = body.fillna("").astype(str).str.split(n=words).str[:words]
    return kept.str.join(" ").fillna("")


def _names(text: str) -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return [t.lower() for t in _NAME.findall(text) if t.lower() not in ENGLISH_STOP_WORDS]


def _article(df: pd.DataFrame) -> pd.Series:
    """Headline and the first ``BODY_WORDS`` words of the body of each article.

    Examples
    --------
    >>> _article(pd.DataFrame({"headline": ["Vote"], "body": [None]})).tolist()
    ['Vote']
    """
    return _with_headline(df, lead(_body(df), BODY_WORDS))


def _vectorisers(df: pd.DataFrame) -> list[tuple[TfidfVectorizer, float, pd.Series]]:
    """The TF-IDF vectorisers of :func:`vectors`, with their weights and the texts of ``df``
    each reads (each text made once; vectorisers of weight 0 left out)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    def words() -> TfidfVectorizer:
        return TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32)

    names = TfidfVectorizer(sublinear_tf=True, analyzer=_names, dtype=np.float32)
    parts = [
        (words(), 1.0, _texts),
        (names, NAMES_WEIGHT, _texts),
        (words(), BODY_WEIGHT, _article),
    ]
    parts = [part for part in parts if part[1] > 0]
    texts = {read: read(df) for read in {read for _, _, read in parts}}
    return [(vec, weight, texts[read]) for vec, weight, read in parts]


def frequencies(df: pd.DataFrame) -> list[pd.Series]:
    """Per vectoriser of :func:`vectors`, the number of articles each term occurs in.

    Summed over the parts of a corpus (``pd.concat(...).groupby(level=0).sum()``), they give
    :func:`vectors` the weights of the whole corpus.

    Examples
    --------
    >>> words, names, whole = frequencies(
    ...     pd.DataFrame({"headline": ["Putin meets Biden", "Biden"]})
    ... )
    >>> names.to_dict()
    {'biden': 2, 'putin': 1}
    """
    from sklearn.feature_extraction.text import CountVectorizer

    out = []
    for vec, _, texts in _vectorisers(df):
        counts = CountVectorizer(binary=True, analyzer=vec.build_analyzer(), dtype=np.int64)
        try:
            X = counts.fit_transform(texts)
        except ValueError:  # no term at all
            out.append(pd.Series(dtype=np.int64))
            continue
        total = np.asarray(X.sum(axis=0)).ravel()
        out.append(pd.Series(total, index=counts.get_feature_names_out()))
    return out


def vectors(df: pd.DataFrame, corpus: tuple[list[pd.Series], int] | None = None) -> sp.csr_matrix:
    """The L2-normalised vectors :func:`stories` compares: words and, weighted
    ``NAMES_WEIGHT``, names and numbers of the headline and lead, and, weighted
    ``BODY_WEIGHT``, the words of the headline and the first ``BODY_WORDS`` of the body.

    ``corpus``, the :func:`frequencies` and the number of articles of a larger corpus
    ``df`` is part of, gives the terms their weights in that corpus (else in ``df``).

    Examples
    --------
    >>> import pandas as pd
    >>> X = vectors(pd.DataFrame({"headline": ["Putin meets Biden", "Biden meets Putin"]}))
    >>> round(float((X[0] @ X[1].T).toarray()[0, 0]), 3)
    1.0
    """
    import scipy.sparse as sp
    from sklearn.preprocessing import normalize

    parts = []
    for k, (vec, weight, texts) in enumerate(_vectorisers(df)):
        if corpus is not None:  # the whole corpus's terms and weights (smoothed idf)
            known, n = corpus[0][k], corpus[1]
            vec.set_params(vocabulary=dict(zip(known.index, range(len(known)), strict=True)))
        try:
            X = vec.fit_transform(texts)
        except ValueError:  # no term at all (empty texts): nothing to compare
            parts.append(sp.csr_matrix((len(texts), 0), dtype=np.float32))
            continue
        if corpus is not None:  # the corpus's idf for the part's (smoothed), normalised again
            idf = np.log((1 + n) / (1 + known.to_numpy(dtype=float))) + 1
            X = normalize(X @ sp.diags((idf / vec.idf_).astype(np.float32)))
        parts.append(weight * X)
    X = sp.hstack(parts).tocsr()
    return normalize(X) if X.shape[1] else X


def _pairs(
    X: sp.csr_matrix,
    days: np.ndarray | None,
    window: int,
    link: float,
    outlets: np.ndarray | None = None,
) -> tuple[np.ndarray, ...]:
    """Candidate pairs ``(i, j, similarity)``, ``i < j``, similarity at least ``link``, among
    the rows of ``X`` whose ``days`` are at most ``window`` apart (all rows, when ``days``
    is None: text alone)."""
    import scipy.sparse as sp

    rows, cols, sims = [], [], []
    n = X.shape[0]
    if days is None:  # no dates: every row against every row, a block at a time
        blocks = [(np.arange(k, min(k + 1000, n)), np.arange(k, n)) for k in range(0, n, 1000)]
    else:
        order = np.argsort(days, kind="stable")
        d = days[order]
        blocks = [
            (
                order[np.searchsorted(d, day) : np.searchsorted(d, day, "right")],
                order[np.searchsorted(d, day) : np.searchsorted(d, day + window, "right")],
            )
            for day in np.unique(d)
        ]
    for a, b in blocks:
        S = sp.coo_matrix(X[a] @ X[b].T)
        if days is not None:  # a day apart costs DAY_COST of similarity
            S.data -= DAY_COST * np.abs(days[a][S.row] - days[b][S.col])
        if outlets is not None:  # one outlet twice costs OUTLET_COST
            S.data -= OUTLET_COST * (outlets[a][S.row] == outlets[b][S.col])
        keep = S.data >= link
        i, j = a[S.row[keep]], b[S.col[keep]]
        rows.append(np.minimum(i, j)[i != j])
        cols.append(np.maximum(i, j)[i != j])
        sims.append(S.data[keep][i != j])
    if not rows:
        return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
    i, j, s = np.concatenate(rows), np.concatenate(cols), np.concatenate(sims)
    # a pair met twice (two articles of one day, or one block and the next): keep one
    _, first = np.unique(i.astype(np.int64) * n + j, return_index=True)
    return i[first], j[first], s[first]


def _cluster(
    X: sp.csr_matrix,
    days: np.ndarray | None,
    window: int,
    link: float,
    threshold: float,
    outlets: np.ndarray | None = None,
) -> np.ndarray:
    """Story labels (0, 1, ...) of the rows of ``X``: candidate pairs, their connected
    groups, average linkage within each group."""
    n = X.shape[0]
    i, j, s = _pairs(X, days, window, link, outlets)
    label = np.arange(n)  # each article alone unless clustered below
    next_label = n
    for group in _groups(n, i, j, s, link, threshold):
        if len(group) > MAX_GROUP:
            sub = 0 * group
        else:
            when = None if days is None else days[group]
            who = None if outlets is None else outlets[group]
            sub = _average_linkage(X[group], threshold, when, window, who)
        label[group] = next_label + sub
        next_label += int(sub.max()) + 1
    return np.unique(label, return_inverse=True)[1]


def stories(
    df: pd.DataFrame,
    *,
    window_days: int = 3,
    threshold: float = THRESHOLD,
    link: float | None = None,
    date: str = "date",
    block_days: int = BLOCK_DAYS,
) -> pd.Series:
    """A story id per article: articles reporting the same event share one.

    Parameters
    ----------
    df : pandas.DataFrame
        The corpus: ``headline`` and/or ``body``, and ``date`` and ``outlet`` when known
        (two articles of one outlet take ``OUTLET_COST`` off their similarity).
    window_days : int, default 3
        Articles more than this many days apart are never candidates, and count as
        unrelated texts when their candidates are clustered. Each day apart also costs
        ``DAY_COST`` of similarity, so a window much beyond ``(1 - threshold) / DAY_COST``
        days (10 by default) adds nothing.
    threshold : float, default 0.12
        The mean similarity a story's articles must reach (average linkage): the cosine
        similarity of their vectors (:func:`vectors`), less ``DAY_COST``
        for each day between them and ``OUTLET_COST`` when one outlet published both.
    link : float, optional
        The similarity that makes two articles candidates (default ``threshold / 1.5``).
    date : str, default "date"
        The date column; without it (or for rows without a date), text alone.
    block_days : int, default 28
        On a Dask DataFrame (unique index), the articles are matched on the workers in
        blocks of this many days, overlapping by ``window_days``, and the stories of
        neighbouring blocks joined where they share articles
        (:mod:`framing.stats.story_blocks`); undated articles are then matched only within
        their partition.

    Returns
    -------
    pandas.Series
        Integer story ids (0, 1, ... in order of first article), named ``story``, indexed
        as ``df``. An article no other matches is a story of its own.
    """
    window_days = check_days(window_days, "window_days")
    threshold = check_fraction(threshold, "threshold")
    link = threshold / 1.5 if link is None else check_fraction(link, "link")
    if is_dask(df):
        from framing.stats.story_blocks import stories_by_block

        return stories_by_block(
            df,
            window_days=window_days,
            threshold=threshold,
            link=link,
            date=date,
            block_days=check_days(block_days, "block_days"),
        )
    if date not in df.columns:
        warnings.warn(
            f"no {date!r} column: stories are matched by text alone (any two articles can be "
            "one story); give dates to hold a story to a few days",
            UserWarning,
            stacklevel=2,
        )
    if len(df) == 0:
        return pd.Series([], index=df.index, name="story", dtype=int)
    return match(df, vectors(df), window_days, threshold, link, date)


def match(
    df: pd.DataFrame,
    X: sp.csr_matrix,
    window_days: int,
    threshold: float,
    link: float,
    date: str = "date",
) -> pd.Series:
    """:func:`stories` of ``df`` (not empty) given its vectors ``X`` (:func:`vectors`),
    parameters checked."""
    n = len(df)
    days = day_numbers(df[date], date) if date in df.columns else np.full(n, -1)
    outlets = pd.factorize(df["outlet"])[0] if "outlet" in df.columns else None
    dated = np.flatnonzero(days >= 0)
    undated = np.flatnonzero(days < 0)
    label = np.full(n, -1, dtype=np.int64)
    if len(dated):
        label[dated] = _cluster(
            X[dated],
            days[dated],
            window_days,
            link,
            threshold,
            None if outlets is None else outlets[dated],
        )
    bar = min(1.0, UNDATED_FACTOR * threshold)  # no date to narrow the choice: a higher bar
    if len(undated) and len(dated):
        # an undated article joins the story of its closest dated article, if close enough
        best, sim = _closest(X[undated], X[dated])
        join = sim >= bar
        label[undated[join]] = label[dated[best[join]]]
        undated = undated[~join]
    if len(undated):  # the rest: stories among themselves, by text alone
        who = None if outlets is None else outlets[undated]
        label[undated] = (
            label.max() + 1 + _cluster(X[undated], None, window_days, bar / 1.5, bar, who)
        )
    ids = np.unique(label, return_inverse=True)[1]
    # number stories in order of their first article
    first = pd.Series(np.arange(n)).groupby(ids).min().sort_values()
    renumber = np.empty(len(first), dtype=np.int64)
    renumber[first.index.to_numpy()] = np.arange(len(first))
    return pd.Series(renumber[ids], index=df.index, name="story")


def day_numbers(values: pd.Series, column: str = "date") -> np.ndarray:
    """Days since 1970-01-01 of each date (-1 where blank), any common format.

    Raises
    ------
    framing.errors.InputError
        When a value that is not blank is not a date (names the column and an example).

    Examples
    --------
    >>> day_numbers(pd.Series(["2021-08-10", "8/11/21", None, " "])).tolist()
    [18849, 18850, -1, -1]
    >>> day_numbers(pd.Series(["2021-08-10", "last Tuesday"]), "published")
    Traceback (most recent call last):
    ...
    framing.errors.InputError: column 'published': 1 value(s) are not dates, e.g. 'last Tuesday'; fix them, or blank them to match those articles by text alone
    """
    text = values.astype("string").str.strip()
    blank = (text.isna() | (text == "")).to_numpy()
    when = parse_dates(text.where(~blank))
    bad = when.isna().to_numpy() & ~blank
    if bad.any():
        raise InputError(
            f"column {column!r}: {int(bad.sum())} value(s) are not dates, e.g. "
            f"{str(values[bad].iloc[0])!r}; fix them, or blank them to match those articles "
            "by text alone"
        )
    days = np.full(len(values), -1, dtype=np.int64)
    ok = ~blank
    days[ok] = (when[ok].dt.floor("D") - pd.Timestamp("1970-01-01", tz="UTC")).dt.days
    return days


def _closest(A: sp.csr_matrix, B: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """For each row of ``A``, the row of ``B`` most similar to it, and that similarity."""
    best, sim = [], []
    for k in range(0, A.shape[0], 1000):
        S = (A[k : k + 1000] @ B.T).tocsr()
        best.append(np.asarray(S.argmax(axis=1)).ravel())
        sim.append(S.max(axis=1).toarray().ravel())
    return np.concatenate(best), np.concatenate(sim)


def _groups(
    n: int, i: np.ndarray, j: np.ndarray, s: np.ndarray, link: float, threshold: float
) -> list[np.ndarray]:
    """Connected groups of the candidate pairs, of at least two articles; a group over
    ``MAX_GROUP`` articles is split again at a higher link (halfway to ``threshold``; at
    ``threshold`` itself a group stays whole, linked pair by pair)."""
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    graph = sp.coo_matrix((np.ones(len(i)), (i, j)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    sizes = np.bincount(component)
    out = []
    for c in np.flatnonzero(sizes > 1):
        group = np.flatnonzero(component == c)
        if len(group) <= MAX_GROUP or link >= threshold - 0.005:
            out.append(group)
            continue
        inside = (component[i] == c) & (s >= (link + threshold) / 2)
        out += _groups(n, i[inside], j[inside], s[inside], (link + threshold) / 2, threshold)
    return out


def _average_linkage(
    X: sp.csr_matrix,
    threshold: float,
    days: np.ndarray | None = None,
    window: int = 0,
    outlets: np.ndarray | None = None,
) -> np.ndarray:
    """Cluster labels (0, 1, ...) of the rows of ``X`` (unit vectors): average linkage over
    cosine distance, cut where the mean similarity falls below ``threshold``; each day
    between two rows adds ``DAY_COST`` to their distance, and rows whose ``days`` are more
    than ``window`` apart count as unrelated (distance 1)."""
    from scipy.cluster.hierarchy import fcluster, linkage

    dist = np.clip(1.0 - (X @ X.T).toarray().astype(float), 0.0, None)
    if days is not None:  # a day apart costs DAY_COST; outside the window: unrelated
        apart = np.abs(days[:, None] - days[None, :])
        dist += DAY_COST * apart
        dist[apart > window] = 1.0
    if outlets is not None:
        dist += OUTLET_COST * (outlets[:, None] == outlets[None, :])
    tree = linkage(dist[np.triu_indices(len(dist), 1)], method="average")
    return np.asarray(fcluster(tree, t=1.0 - threshold, criterion="distance")) - 1
