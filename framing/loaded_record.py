"""The analysis of :mod:`framing.loaded`: per-piece measures of a batch of texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from framing.loaded_cues import _emphatic_words, _named, _negation_scopes, emphasis_spans
from framing.loaded_quotes import _pieces
from framing.text import Docs, _sorted_unique

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

# --- the analysis ---------------------------------------------------------------------

# lexicon name -> (category in that lexicon -> measure name)
_MEASURES = {
    "opinion": {"negative": "negative", "positive": "positive"},
    "vader": {"valence": "valence"},
    "intensifiers": {"intensifiers": "intensifier", "hyperbole": "intensifier"},
    "pejoratives": {"pejoratives": "pejorative"},
    "conflict": {"conflict": "conflict"},
    "absolutes": {"absolutes": "absolute"},
    "emotive": {"emotive": "emotive"},
    "bias": {"bias": "bias"},
    "hedges": {"hedges": "hedge"},
    "factives": {"factives": "factive"},
    "assertives": {"assertives": "assertive"},
    "implicatives": {"implicatives": "implicative"},
    "report_verbs": {"report_verbs": "report"},
    "anonymous_sources": {"anonymous_sources": "anonymous"},
}
LOADED_KINDS = ("pejorative", "emotive", "conflict", "intensifier", "absolute", "negative",
                "positive")  # fmt: skip
"""Span kinds of loaded language, in order of precedence when a word has several."""

WEIGHTS = {
    "negative": 0.25,
    "positive": 0.35,
    "intensifier": 1.5,
    "pejorative": 1.0,
    "conflict": 0.5,
    "absolute": 2.0,
    "emotive": 0.5,
    "emphasis": 0.5,
    "exclamation": 1.0,
    "strong_valence": 0.35,
}
"""Weights of the per-token measures summed into ``loaded_language``.

A non-negative logistic fit of opinion vs news on the development half of the AllSides
labels (``benchmarks/loaded_validation.py``), rounded; conflict, emotive and emphasis got
no weight from that fit (news copy uses them as much as opinion does) and are kept at 0.5
by choice, since they are loaded whatever the section.
"""
INTENSIFIED = 0.5
"""Extra weight of each loaded word in a sentence piece that also holds an intensifier."""


@cache
def lexicon():
    """All shipped lexicons the analysis uses, merged into one (categories ``name.cat``)."""
    from framing.lexicons import load_lexicon

    lexicons = [load_lexicon(name) for name in _MEASURES]
    return lexicons[0].merge(*lexicons[1:], name="loaded")


@cache
def _columns() -> tuple[tuple[str, ...], dict[str, list[int]]]:
    """Measure name of each merged category, and measure -> column indices."""
    names = []
    for cat in lexicon().categories:
        lex, _, c = cat.partition(".")
        names.append(_MEASURES[lex][c])
    index: dict[str, list[int]] = {}
    for i, n in enumerate(names):
        index.setdefault(n, []).append(i)
    return tuple(names), index


def _negation_transform():
    """K x K matrix applied to negated terms: swap polarity, scale valence by -0.74."""
    import numpy as np

    names, index = _columns()
    t = np.eye(len(names))
    neg, pos = index["negative"][0], index["positive"][0]
    t[[neg, pos], :] = t[[pos, neg], :]
    t[index["valence"][0], index["valence"][0]] = -0.74
    return t


@dataclass
class Analysis:
    """Per-piece measures of a batch of texts (built by :func:`analyse`)."""

    n_texts: int
    doc: np.ndarray  # text index of each piece
    quoted: np.ndarray  # bool: piece inside quotation marks
    kept: np.ndarray  # bool: piece counted (not in a span left out, such as clutter)
    measures: dict[str, np.ndarray]  # name -> per-piece counts (also tokens, chars)
    _sums: dict = field(default_factory=dict, repr=False)  # voice -> summing matrix

    @property
    def tokens(self) -> np.ndarray:
        return self.measures["tokens"]

    def _sum(self, quoted: bool | None, with_tokens: bool = False):
        """Sparse (texts x pieces) matrix summing the pieces of one voice, built once."""
        key = (quoted, with_tokens)
        if key not in self._sums:
            import numpy as np
            import scipy.sparse as sp

            keep = self.kept if quoted is None else self.kept & (self.quoted == quoted)
            if with_tokens:
                keep = keep & (self.tokens > 0)
            at = np.flatnonzero(keep)
            shape = (self.n_texts, len(self.doc))
            self._sums[key] = sp.csr_matrix((np.ones(len(at)), (self.doc[at], at)), shape=shape)
        return self._sums[key]

    def total(self, name: str, quoted: bool | None = False) -> np.ndarray:
        """Per-text sum of a measure over outlet voice (False), quotes (True) or all (None)."""
        return self._sum(quoted) @ self.measures[name]

    def rate(self, name: str, quoted: bool | None = False) -> np.ndarray:
        """Per-text measure per 100 tokens of the chosen voice (0 where it has no tokens)."""
        import numpy as np

        n = self.total("tokens", quoted)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(n > 0, 100.0 * self.total(name, quoted) / n, 0.0)

    def mean(self, name: str, quoted: bool | None = False) -> np.ndarray:
        """Per-text mean of a per-piece measure over pieces with tokens."""
        import numpy as np

        pieces = self._sum(quoted, with_tokens=True)
        n = np.diff(pieces.indptr)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(n > 0, (pieces @ self.measures[name]) / n, 0.0)


def analyse(texts, skip=None) -> Analysis:
    """Cut and score a batch of texts once; every measure derives from this.

    Parameters
    ----------
    texts : framing.text.Docs or sequence of str
        The texts; pass the :class:`~framing.text.Docs` other families use, so that the
        batch is tokenised once.
    skip : sequence of lists of spans, optional
        For each text, spans ``(start, end)`` or :class:`~framing.spans.Span` left out of
        every measure (the body's clutter).

    Examples
    --------
    >>> a = analyse(['Chaos! "It was a tragedy," he said.', ""])
    >>> a.rate("loaded").round(1).tolist(), a.rate("loaded", quoted=True).round(1).tolist()
    ([70.0, 0.0], [27.5, 0.0])
    >>> analyse(["Chaos! Advertisement"], skip=[[(0, 6)]]).rate("loaded").tolist()
    [0.0]
    """
    import numpy as np
    import scipy.sparse as sp

    docs = texts if isinstance(texts, Docs) else Docs(texts)
    starts, quoted, left_out = _pieces(docs, skip)
    ends = np.r_[starts[1:], len(docs.joined)]
    lex = lexicon()
    names, index = _columns()
    M = lex.compiled(docs)
    pieces = docs.counts_in(starts)
    counts = pieces @ M
    # negated words: polarity swapped, valence scaled by -0.74
    scope = _negation_scopes(docs)
    if len(scope):
        rows = _piece_of(starts, docs.token_starts[scope])
        shape = (len(starts), len(docs.terms))
        negated = sp.csr_matrix((np.ones(len(scope)), (rows, docs.token_columns[scope])), shape)
        counts = counts + negated @ (M @ sp.csr_matrix(_negation_transform()) - M)
    counts = np.asarray(counts.toarray() if hasattr(counts, "toarray") else counts, float)
    found = np.array(lex.find_phrases(docs.joined, docs.low_utf8), dtype=float).reshape(-1, 4)
    if len(found):
        np.add.at(counts, (_piece_of(starts, found[:, 0]), found[:, 2].astype(int)), found[:, 3])
    measures = {n: counts[:, cols].sum(axis=1) for n, cols in index.items()}
    # strong valence: VADER words with |valence| >= 2, counted (not summed)
    strong = np.abs(M[:, index["valence"][0]].toarray().ravel()) >= 2.0
    measures["strong_valence"] = pieces @ strong.astype(float)
    measures["emphasis"] = _emphasis(docs, starts, ends)
    bang = docs.low_codes == 33  # "!": a run counts once
    measures["exclamation"] = _per_piece(starts, np.flatnonzero(bang & ~np.r_[False, bang[:-1]]))
    measures["named"] = _per_piece(starts, _named(docs))
    measures["tokens"] = np.diff(pieces.indptr).astype(float)
    measures["chars"] = docs.blanks.visible(starts, ends).astype(float)
    measures["loaded"] = _loaded(measures)
    measures["sentiment"] = _compound(measures["valence"], measures["exclamation"])
    return Analysis(
        n_texts=len(docs),
        doc=docs.text_of(starts),
        quoted=quoted,
        kept=~left_out,
        measures=measures,
    )


def _emphasis(docs: Docs, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Emphatic capitals per piece: :func:`emphasis_spans` run only on the pieces holding an
    emphatic word with two capitals in a row."""
    import numpy as np

    codes = docs.codes
    upper = (codes >= 65) & (codes <= 90)
    pairs = np.flatnonzero(upper[:-1] & upper[1:])
    token = np.searchsorted(docs.token_starts, pairs, "right") - 1
    emphatic = docs.has_term(_emphatic_words())
    token = token[emphatic[docs.token_columns[np.maximum(token, 0)]] & (token >= 0)]
    out = np.zeros(len(starts))
    text = docs.joined
    for i in _sorted_unique(_piece_of(starts, docs.token_starts[token])).tolist():
        out[i] = len(emphasis_spans(text[starts[i] : ends[i]]))
    return out


def _piece_of(starts: np.ndarray, offsets) -> np.ndarray:
    """Index of the piece (pieces begin at sorted ``starts``) holding each offset."""
    import numpy as np

    return np.searchsorted(starts, np.asarray(offsets, dtype=np.int64), "right") - 1


def _per_piece(starts: np.ndarray, offsets) -> np.ndarray:
    """How many of the character ``offsets`` fall in each piece (pieces begin at ``starts``)."""
    import numpy as np

    return np.bincount(_piece_of(starts, offsets), minlength=len(starts)).astype(float)


def _loaded(m: dict[str, np.ndarray]) -> np.ndarray:
    """Weighted loaded-word mass of each segment, with intensifier scope."""
    import numpy as np

    mass = sum(w * m[k] for k, w in WEIGHTS.items())
    others = mass - WEIGHTS["intensifier"] * m["intensifier"]
    # an intensifier next to loaded words amplifies them (scope: the sentence piece)
    return mass + INTENSIFIED * np.minimum(m["intensifier"], 2) * (others > 0) * others / 2


def _compound(valence: np.ndarray, exclaim: np.ndarray) -> np.ndarray:
    """VADER's compound normalisation of a valence sum, with its ``!`` amplifier."""
    import numpy as np

    s = valence + np.sign(valence) * 0.292 * np.minimum(exclaim, 4)
    return s / np.sqrt(s * s + 15.0)
