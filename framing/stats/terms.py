"""Words and phrases that distinguish one group of articles from the others.

:func:`distinguishing_terms` implements the log-odds ratio with an informative Dirichlet
prior of Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and
Evaluation for Identifying the Content of Political Conflict", *Political Analysis* 16(4),
section 3.5. For a term ``w``, a group ``i`` and the rest ``j`` of the corpus, with counts
``y``, totals ``n`` and prior pseudo-counts ``a_w = s * y_w`` (``s`` = ``prior_scale``,
``y_w`` the count in the whole corpus, ``a_0 = s * n``)::

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    z_w     = delta_w / sqrt(1 / (y_iw + a_w) + 1 / (y_jw + a_w))

Each n-gram order (unigrams, bigrams, ...) is its own multinomial: its totals ``n`` count
only n-grams of that order. Texts are tokenised by :class:`framing.text.Docs`, the engine
every measure of the toolkit uses (curly quotes and dashes folded to ASCII, lower-cased,
possessive ``'s`` folded into its word), and n-grams are counted as integer codes before
the survivors are named.

Examples
--------
>>> import pandas as pd
>>> from framing.stats.terms import distinguishing_terms
>>> df = pd.DataFrame({"outlet": ["a", "a", "b", "b"],
...                    "body": ["illegal aliens crossed", "illegal aliens again",
...                             "undocumented immigrants crossed", "undocumented immigrants"]})
>>> t = distinguishing_terms(df, min_count=2, top=2)
>>> t[["group", "term", "count", "count_rest"]]
  group                     term  count  count_rest
0     a           illegal aliens      2           0
1     a                   aliens      2           0
2     b  undocumented immigrants      2           0
3     b               immigrants      2           0
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from framing.errors import ParameterError
from framing.io.schema import cell_text, require_columns
from framing.stats.schema import group_key, no_groups
from framing.text import BATCH, Docs, term

COLUMNS = ["group", "term", "count", "count_rest", "log_odds", "z"]
"""Columns of :func:`distinguishing_terms`, in order."""


def _token_ids(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every token of every text as a term id, the texts' token offsets, and the terms.

    The tokens are those of :class:`framing.text.Docs`, as every measure sees them:
    folded (curly quotes and dashes to ASCII), lower-cased, possessive ``'s`` removed; the
    texts are read in batches of :data:`~framing.text.docs.BATCH`, the terms numbered in
    the order they first appear, as one :class:`~framing.text.Docs` over them all would.

    Examples
    --------
    >>> ids, ptr, terms = _token_ids(["Zeta alpha beta", "", "alpha omega"])
    >>> ids.tolist(), ptr.tolist(), terms.tolist()
    ([0, 1, 2, 1, 3], [0, 3, 3, 5], ['zeta', 'alpha', 'beta', 'omega'])
    """
    number: dict[str, int] = {}
    ids = [np.zeros(0, np.int64)]
    ptr = np.zeros(len(texts) + 1, np.int64)
    for i in range(0, len(texts), BATCH):
        docs = Docs(texts[i : i + BATCH])
        column = np.fromiter(
            (number.setdefault(t, len(number)) for t in docs.terms), np.int64, len(docs.terms)
        )
        ids.append(column[docs.token_columns])
        ptr[i + 1 : i + 1 + len(docs)] = docs.n_tokens
    terms = np.empty(len(number), dtype=object)
    terms[:] = list(number)
    return np.concatenate(ids), np.cumsum(ptr), terms


def _ngrams(
    ids: np.ndarray, ptr: np.ndarray, n: int, skip: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Start positions of the n-grams inside one text and without a skipped term, and codes.

    Returns ``starts`` and ``codes`` (one integer per distinct n-gram, 0..k-1).
    """
    ends = np.repeat(ptr[1:], np.diff(ptr))  # each token's text end
    starts = np.flatnonzero(np.arange(len(ids)) + n <= ends)
    for k in range(n):
        starts = starts[~skip[ids[starts + k]]]
    codes = ids[starts]
    for k in range(1, n):  # fold in one more token, then renumber to keep codes small
        codes = np.unique(codes * len(skip) + ids[starts + k], return_inverse=True)[1]
    return starts, codes.ravel()


def log_odds(
    y_i: np.ndarray, y_j: np.ndarray, n_i: float, n_j: float, prior_scale: float
) -> tuple[np.ndarray, np.ndarray]:
    """Monroe et al. (2008) log-odds ratio of ``i`` versus ``j`` and its z-score.

    The prior is ``a_w = prior_scale * (y_i + y_j)``, ``a_0 = prior_scale * (n_i + n_j)``.

    Examples
    --------
    >>> delta, z = log_odds(np.array([8.0]), np.array([2.0]), 10, 10, 0.5)
    >>> round(float(delta[0]), 4), round(float(z[0]), 4)
    (1.2381, 2.6409)
    """
    a = prior_scale * (y_i + y_j)
    a0 = prior_scale * (n_i + n_j)
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y_i + a) / (n_i + a0 - y_i - a)) - np.log((y_j + a) / (n_j + a0 - y_j - a))
        z = delta / np.sqrt(1 / (y_i + a) + 1 / (y_j + a))
    return delta, z


def _stop_words(stop_words: str | Iterable[str] | None) -> frozenset[str]:
    if stop_words is None or stop_words is False:
        return frozenset()
    if isinstance(stop_words, str):
        if stop_words != "english":
            raise ParameterError(
                f"stop_words= must be 'english', None or a list, got {stop_words!r}",
                parameter="stop_words",
            )
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return frozenset(ENGLISH_STOP_WORDS)
    return frozenset(term(w.lower()) for w in stop_words)


def distinguishing_terms(
    df: pd.DataFrame,
    by: str | pd.Series = "outlet",
    *,
    text: str = "body",
    ngram_range: tuple[int, int] = (1, 2),
    top: int | None = 20,
    min_count: int = 5,
    prior_scale: float = 0.01,
    stop_words: str | Iterable[str] | None = "english",
) -> pd.DataFrame:
    """The terms most typical of each group compared with all other groups.

    Parameters
    ----------
    df : pandas.DataFrame
        A corpus with the text column and, unless ``by`` is a Series, the group column.
    by : str or pandas.Series, default "outlet"
        Groups (any number, at least one); rows without a group are left out.
    text : str, default "body"
        The text column (``"headline"`` for headlines); missing texts count as empty.
    ngram_range : (int, int), default (1, 2)
        Smallest and largest n-gram order; n-grams never cross from one text to the next.
    top : int or None, default 20
        Terms kept per group (highest z first); ``None`` keeps every term.
    min_count : int, default 5
        Terms seen fewer times in the whole corpus are not reported (they still count in
        the totals).
    prior_scale : float, default 0.01
        Strength of the informative Dirichlet prior: pseudo-counts are this fraction of
        each term's whole-corpus count (see the module docstring). Must be positive.
    stop_words : "english", list of str or None, default "english"
        Words left out: unigrams that are stop words and n-grams containing one (with
        "english", scikit-learn's list). ``None`` keeps every word.

    Returns
    -------
    pandas.DataFrame
        Columns ``group, term, count, count_rest, log_odds, z``: the term's count in the
        group and in all other groups, the log-odds ratio with the prior, and its
        z-score (positive: more typical of the group). Sorted by group, then z descending.

    Raises
    ------
    MissingColumnError
        When the group or text column is missing.
    ParameterError
        For a bad ``ngram_range``, ``prior_scale`` or ``stop_words``, or no article with
        a group (``error.parameter`` names the parameter).

    Examples
    --------
    >>> import framing
    >>> terms = distinguishing_terms(framing.load_sample(), top=3)
    >>> list(terms.columns)
    ['group', 'term', 'count', 'count_rest', 'log_odds', 'z']
    >>> bool((terms.groupby("group").size() == 3).all())
    True
    """
    if not isinstance(df, pd.DataFrame):
        raise ParameterError(
            "df= must be a corpus DataFrame (see framing.load_corpus)", parameter="df"
        )
    lo, hi = ngram_range
    if not 1 <= lo <= hi:
        raise ParameterError(
            f"ngram_range= must be (min, max) with 1 <= min <= max, got {ngram_range}",
            parameter="ngram_range",
        )
    if not prior_scale > 0:
        raise ParameterError(
            f"prior_scale= must be positive, got {prior_scale}", parameter="prior_scale"
        )
    require_columns(df, [text])
    group = group_key(df, by)
    keep = group.notna().to_numpy()
    labels = sorted(pd.unique(group[keep]), key=str)
    if not labels:
        raise no_groups()
    doc_group = pd.Categorical(group[keep], categories=labels).codes.astype(np.int64)
    rows, values = np.flatnonzero(keep).tolist(), df.loc[keep, text].tolist()
    texts = [
        cell_text(v, text, "distinguishing_terms", r) for r, v in zip(rows, values, strict=True)
    ]
    ids, ptr, vocab = _token_ids(texts)
    stop = _stop_words(stop_words)
    skip = np.fromiter((t in stop for t in vocab), bool, len(vocab))
    token_group = np.repeat(doc_group, np.diff(ptr))

    # every order's kept n-grams side by side: names, group counts, corpus counts, and
    # each term's order (its multinomial: the totals n_i and n differ between orders)
    name_parts: list[np.ndarray] = []
    count_parts: list[sp.csr_matrix] = []
    total_parts: list[np.ndarray] = []
    order_parts: list[np.ndarray] = []
    group_totals: list[np.ndarray] = []
    order_totals: list[int] = []
    for n in range(lo, hi + 1):
        starts, codes = _ngrams(ids, ptr, n, skip)
        n_terms = int(codes.max()) + 1 if len(codes) else 0
        total = np.bincount(codes, minlength=n_terms)
        kept = np.flatnonzero(total >= min_count)
        by_group = sp.csr_matrix(
            (np.ones(len(codes)), (token_group[starts], codes)), shape=(len(labels), n_terms)
        )
        at = np.zeros(n_terms, dtype=np.int64)
        at[codes] = starts  # one occurrence of each n-gram names it
        at = at[kept]
        name = vocab[ids[at]] if len(kept) else np.array([], dtype=object)
        for k in range(1, n):
            name = name + " " + vocab[ids[at + k]]
        name_parts.append(name)
        count_parts.append(by_group[:, kept])
        total_parts.append(total[kept])
        order_parts.append(np.full(len(kept), n - lo))
        group_totals.append(np.asarray(by_group.sum(axis=1)).ravel())
        order_totals.append(len(codes))
    names, totals = np.concatenate(name_parts), np.concatenate(total_parts)
    order = np.concatenate(order_parts)
    counts = sp.hstack(count_parts, format="csr")
    n_group, n_all = np.stack(group_totals, axis=1), np.array(order_totals)
    alphabetical = np.argsort(np.argsort(names, kind="stable"), kind="stable")
    picked = []
    for i in range(len(labels)):
        y = counts[i].toarray().ravel()
        n_i = n_group[i, order]
        delta, z = log_odds(y, totals - y, n_i, n_all[order] - n_i, prior_scale)
        rank = np.arange(len(z))
        if top is not None and top < len(z):  # candidates: the top z-scores and any ties
            rank = np.flatnonzero(z >= np.partition(z, len(z) - top)[len(z) - top])
        rank = rank[np.lexsort((alphabetical[rank], -z[rank]))][:top]
        picked.append(
            (np.full(len(rank), i), rank, y[rank], totals[rank] - y[rank], delta[rank], z[rank])
        )
    g, rank, y, rest, delta, z = (np.concatenate(c) for c in zip(*picked, strict=True))
    return pd.DataFrame(
        {
            "group": np.asarray(labels, dtype=object)[g],
            "term": names[rank],
            "count": y.astype(np.int64),
            "count_rest": rest.astype(np.int64),
            "log_odds": delta,
            "z": z,
        },
        columns=COLUMNS,
    )
