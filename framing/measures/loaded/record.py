"""The analysis of :mod:`framing.measures.loaded`: per-piece measures of a batch of texts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from framing.measures.loaded.cues import (
    emphasis_spans,
    emphatic_words,
    named_offsets,
    negated_tokens,
)
from framing.measures.loaded.quotes import cut_pieces
from framing.text import Docs, sorted_unique

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import scipy.sparse as sp

    from framing.measures.lexicons import Lexicon

# --- the analysis ---------------------------------------------------------------------

# lexicon name -> (category in that lexicon -> measure name)
_MEASURES = {
    "loaded": {"loaded": "loaded_word"},
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
LOADED_KINDS = ("loaded_word",)
"""Span kinds of loaded language: the words ``loaded_language`` reads.

``loaded_word`` is the induced lexicon (``lexicons/data/loaded.txt``: how likely readers
are to mark a word as making a news sentence biased, induced by
``tools/build_loaded_lexicon.py``). The hand-written lists (pejoratives, emotive,
conflict, intensifiers, absolutes) and the Hu & Liu polarity words keep their own columns
and their own evidence kinds: many of their words are ordinary in news ("attack", "forces",
"total"), and the induced lexicon keeps, with their weight, those readers do mark; on the
held-out outlets of the hand-labelled sentences (``benchmarks/validity.py``) it ranks
biased sentences above the others better than any hand-written list.
"""

INTENSIFIED = 0.5
"""How much more a loaded word counts in a sentence piece that also holds an intensifier
(half as much again with two or more): its chance of going unmarked is raised to the power
``1 + INTENSIFIED * min(intensifiers, 2) / 2``."""


@cache
def lexicon() -> Lexicon:
    """All shipped lexicons the analysis uses, merged into one (categories ``name.cat``)."""
    from framing.measures.lexicons import load_lexicon

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


HIT_KINDS = ("negative", "positive", "valence", "intensifier", "pejorative", "conflict",
             "absolute", "emotive", "bias", "hedge", "factive", "assertive", "implicative",
             "report", "anonymous", "strong_valence", "emphasis", "exclamation", "named",
             "loaded_word")  # fmt: skip
"""The measures a hit can count toward: :attr:`Hits.kind` indexes this tuple."""


@cache
def _kind_maps() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hit kind of each merged category; the kind a negated hit becomes; its value factor."""
    import numpy as np

    names, _ = _columns()
    of_column = np.array([HIT_KINDS.index(n) for n in names])
    k = {n: i for i, n in enumerate(HIT_KINDS)}
    flipped = np.arange(len(HIT_KINDS))
    flipped[[k["negative"], k["positive"]]] = k["positive"], k["negative"]
    factor = np.ones(len(HIT_KINDS))
    factor[k["valence"]] = -0.74  # VADER's negation scalar
    return of_column, flipped, factor


@dataclass
class Hits:
    """The record of one analysis: every word, phrase or mark a measure counts, one a row.

    Offsets are in :attr:`Docs.joined <framing.text.Docs.joined>` of the analysed batch.
    ``kind`` indexes :data:`HIT_KINDS`; ``value`` is what the hit adds to its measure (a
    negated polarity word counts 1 toward the opposite polarity, a negated valence -0.74
    times its own); ``quoted`` and ``left_out`` are those of the piece holding it.
    A word in several lists is one row per list.
    """

    start: np.ndarray
    end: np.ndarray
    doc: np.ndarray  # text index
    piece: np.ndarray  # piece index
    kind: np.ndarray
    value: np.ndarray
    negated: np.ndarray  # bool: inside a negation scope (polarity and valence flipped)
    quoted: np.ndarray  # bool: inside quotation marks
    left_out: np.ndarray  # bool: inside a span left out (clutter): counted nowhere

    def __len__(self) -> int:
        return len(self.start)

    def per_piece(self, n_pieces: int) -> np.ndarray:
        """Sum of ``value`` per kind and piece: ``(len(HIT_KINDS), n_pieces)``, so that each
        kind's row is contiguous (the voices sum it with one sparse product)."""
        import numpy as np

        key = self.kind * n_pieces + self.piece
        out = np.bincount(key, weights=self.value, minlength=n_pieces * len(HIT_KINDS))
        return out.reshape(len(HIT_KINDS), n_pieces)


@dataclass
class Analysis:
    """Per-piece measures of a batch of texts (built by :func:`analyse`), and their record."""

    n_texts: int
    doc: np.ndarray  # text index of each piece
    quoted: np.ndarray  # bool: piece inside quotation marks
    kept: np.ndarray  # bool: piece counted (not in a span left out, such as clutter)
    measures: dict[str, np.ndarray]  # name -> per-piece counts (also tokens, chars)
    hits: Hits | None = None  # the record every per-piece hit count is summed from
    docs: Docs | None = field(default=None, repr=False)  # the analysed texts
    starts: np.ndarray | None = field(
        default=None, repr=False
    )  # offset of each piece in docs.joined
    _sums: dict = field(default_factory=dict, repr=False)  # voice -> summing matrix

    @property
    def tokens(self) -> np.ndarray:
        return self.measures["tokens"]

    def _sum(self, quoted: bool | None, with_tokens: bool = False) -> sp.csr_matrix:
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

    def loaded(self, quoted: bool | None = False) -> np.ndarray:
        """Per-text share of the chosen voice's sentences a reader would mark as loaded
        (0 to 1; 0 where the voice has no words).

        A sentence is marked when a reader marks any of its loaded words: its chance is
        ``1 - prod(1 - w)`` over the words of the voice in it (the pieces' ``unmarked``
        measure), and the share is the mean chance over the sentences with words of the
        voice (a sentence with a quote is a sentence of both voices). A one-sentence text
        scores its sentence's chance.

        Examples
        --------
        >>> a = analyse(["A brutal regime. Police came.", '"Brutal," she said.'])
        >>> a.loaded().round(3).tolist(), a.loaded(quoted=None).round(3).tolist()
        ([0.39, 0.0], [0.39, 0.78])
        """
        import numpy as np

        if self.docs is None or self.starts is None:
            raise ValueError("this analysis holds no texts: make it with analyse()")
        # pieces are cut at every sentence start, so each lies in one sentence
        of_piece = np.searchsorted(self.docs.sentence_starts, self.starts, "right") - 1
        keep = self.kept if quoted is None else self.kept & (self.quoted == quoted)
        at = np.flatnonzero(keep & (self.tokens > 0))
        sentence, first = np.unique(of_piece[at], return_index=True)
        unmarked = np.bincount(of_piece[at], self.measures["unmarked"][at])[sentence]
        doc = self.doc[at[first]]
        n = np.bincount(doc, minlength=self.n_texts)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.bincount(doc, -np.expm1(unmarked), minlength=self.n_texts) / n
        return np.where(n > 0, share, 0.0)

    def mean(self, name: str, quoted: bool | None = False) -> np.ndarray:
        """Per-text mean of a per-piece measure over pieces with tokens."""
        import numpy as np

        pieces = self._sum(quoted, with_tokens=True)
        n = np.diff(pieces.indptr)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(n > 0, (pieces @ self.measures[name]) / n, 0.0)


def analyse(texts: Docs | Sequence[str], skip: Sequence[Sequence[Any]] | None = None) -> Analysis:
    """Cut and score a batch of texts once; every measure and every span derives from this.

    One pass records every hit (:class:`Hits`); the per-piece measures are its sums, and
    the evidence spans (:func:`framing.measures.loaded.evidence.spans_of`) are its rows.

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
    >>> a.loaded().round(3).tolist(), a.loaded(quoted=True).round(3).tolist()
    ([0.254, 0.0], [0.392, 0.0])
    >>> analyse(["Chaos! Advertisement"], skip=[[(0, 6)]]).loaded().tolist()
    [0.0]
    >>> h = analyse(["It is not good."]).hits
    >>> [(HIT_KINDS[k], float(v), bool(n)) for k, v, n in zip(h.kind, h.value, h.negated)]
    [('negative', 1.0, True), ('valence', -1.406, True), ('bias', 1.0, True)]
    """
    import numpy as np

    docs = texts if isinstance(texts, Docs) else Docs(texts)
    starts, quoted, left_out = cut_pieces(docs, skip)
    ends = np.r_[starts[1:], len(docs.joined)]
    # each piece's first token (and one past the last piece's last token)
    ptr = np.asarray(np.searchsorted(docs.token_starts, np.r_[starts, len(docs.joined)]))
    hits = _record(docs, starts, ends, ptr)
    doc = docs.text_of(starts)
    hits.doc, hits.quoted, hits.left_out = doc[hits.piece], quoted[hits.piece], left_out[hits.piece]
    sums = hits.per_piece(len(starts))
    measures = {n: sums[i] for i, n in enumerate(HIT_KINDS)}
    measures["tokens"] = np.diff(ptr).astype(float)
    measures["chars"] = docs.blanks.visible(starts, ends).astype(float)
    measures["unmarked"] = _unmarked(hits, measures["intensifier"])
    measures["sentiment"] = _compound(measures["valence"], measures["exclamation"])
    return Analysis(len(docs), doc, quoted, ~left_out, measures, hits, docs, starts)


def _record(docs: Docs, starts: np.ndarray, ends: np.ndarray, ptr: np.ndarray) -> Hits:
    """Every hit in the pieces beginning at ``starts``, whose first tokens are ``ptr``
    (``doc``, ``quoted`` and ``left_out`` are filled in by :func:`analyse`)."""
    import numpy as np

    lex = lexicon()
    of_column, flipped, factor = _kind_maps()
    token, column, value = lex.token_hits(docs)
    kind = of_column[column]
    # strong valence: VADER words with |valence| >= 2, counted 1 each whatever the negation
    strong = (kind == HIT_KINDS.index("valence")) & (np.abs(value) >= 2.0)
    # a word in the scope of two negators ("neither allowed nor encouraged") is negated
    # once, as its evidence says
    negated = np.zeros(len(docs.token_starts), dtype=bool)
    negated[negated_tokens(docs)] = True
    negated = negated[token]
    value[negated] *= factor[kind[negated]]
    kind[negated] = flipped[kind[negated]]
    parts = [
        (docs.token_starts[token], docs.token_ends[token], kind, value, negated),
        _marks(docs.token_starts[token[strong]], docs.token_ends[token[strong]], "strong_valence"),
    ]
    found = lex.find_phrases(docs.joined, docs.low_utf8)
    if found:
        s, e, c, w = (np.array(x) for x in zip(*found, strict=True))
        parts.append((s, e, of_column[c], w.astype(float), np.zeros(len(s), dtype=bool)))
    parts.append(_marks(*_emphasis(docs, starts, ends), "emphasis"))
    bang = docs.low_codes == 33  # "!": a run counts once
    run_start = np.flatnonzero(bang & ~np.r_[False, bang[:-1]])
    run_end = np.flatnonzero(bang & ~np.r_[bang[1:], False]) + 1
    parts.append(_marks(run_start, run_end, "exclamation"))
    named = np.array(named_offsets(docs), dtype=np.int64).reshape(-1, 2)
    parts.append(_marks(named[:, 0], named[:, 1], "named"))
    start, end, kind, value, negated = (np.concatenate(x) for x in zip(*parts, strict=True))
    # the piece of each token from the pieces' token ranges; only the other hits are searched
    of_token = np.repeat(np.arange(len(starts)), np.diff(ptr))
    piece = np.empty(len(start), dtype=np.int64)
    piece[: len(token)] = of_token[token - ptr[0]]
    piece[len(token) :] = _piece_of(starts, start[len(token) :])
    start, end = start.astype(np.int64), end.astype(np.int64)
    none = np.zeros(len(start), dtype=bool)
    return Hits(start, end, piece, piece, kind.astype(np.int64), value, negated, none, none)


def _marks(start: np.ndarray, end: np.ndarray, kind: str) -> tuple:
    """Hits of one kind, value 1 each, never negated."""
    import numpy as np

    n = len(start)
    kinds = np.full(n, HIT_KINDS.index(kind), dtype=np.int64)
    return np.asarray(start), np.asarray(end), kinds, np.ones(n), np.zeros(n, dtype=bool)


def _emphasis(docs: Docs, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Offsets of the emphatic capitals: :func:`emphasis_spans` run only on the pieces
    holding an emphatic word with two capitals in a row."""
    import numpy as np

    codes = docs.codes
    upper = (codes >= 65) & (codes <= 90)
    pairs = np.flatnonzero(upper[:-1] & upper[1:])
    token = np.searchsorted(docs.token_starts, pairs, "right") - 1
    token = token[token >= 0]
    # the terms of those tokens that are emphatic words (a few of the vocabulary)
    seen = sorted_unique(docs.token_columns[token])
    words = emphatic_words()
    emphatic = np.fromiter(map(words.__contains__, docs.terms[seen].tolist()), bool, len(seen))
    token = token[np.isin(docs.token_columns[token], seen[emphatic])]
    text = docs.joined
    out_s: list[int] = []
    out_e: list[int] = []
    for i in sorted_unique(_piece_of(starts, docs.token_starts[token])).tolist():
        base = int(starts[i])
        for s, e in emphasis_spans(text[base : ends[i]]):
            out_s.append(base + s)
            out_e.append(base + e)
    return np.array(out_s, dtype=np.int64), np.array(out_e, dtype=np.int64)


def _piece_of(starts: np.ndarray, offsets: Any) -> np.ndarray:
    """Index of the piece (pieces begin at sorted ``starts``) holding each offset."""
    import numpy as np

    return np.searchsorted(starts, np.asarray(offsets, dtype=np.int64), "right") - 1


def _unmarked(hits: Hits, intensifiers: np.ndarray) -> np.ndarray:
    """Log of each piece's chance that a reader marks none of its loaded words.

    A word of weight ``w`` (how likely readers mark it where it occurs) goes unmarked with
    chance ``1 - w``, the words of a piece independently; an intensifier in the piece
    raises that chance to a power (:data:`INTENSIFIED`).
    """
    import numpy as np

    at = hits.kind == HIT_KINDS.index("loaded_word")
    weight = np.minimum(hits.value[at], 1.0 - 1e-9)
    log_unmarked = np.bincount(hits.piece[at], np.log1p(-weight), minlength=len(intensifiers))
    return (1.0 + INTENSIFIED * np.minimum(intensifiers, 2) / 2) * log_unmarked


def _compound(valence: np.ndarray, exclaim: np.ndarray) -> np.ndarray:
    """VADER's compound normalisation of a valence sum, with its ``!`` amplifier."""
    import numpy as np

    s = valence + np.sign(valence) * 0.292 * np.minimum(exclaim, 4)
    return s / np.sqrt(s * s + 15.0)
