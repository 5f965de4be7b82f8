"""Clutter lines found by a classifier over each line's shape, place and words.

The cue rules of :mod:`~framing.measures.clutter.detect` name the furniture they know. A
line they miss still looks like furniture: short, without a sentence's end, at the top or
the bottom of the body, in capitals, holding a handle, an address, a "©" or a bar, opening
with "By", "Photo" or a quotation mark, ending with a credit in brackets or a colon. The
shipped line model (``lines.skops``, provenance in ``lines.json``, trained by
``tools/train_clutter_lines.py`` on the hand-labelled lines of the tuning outlets of
``tests/dev/clutter``) reads those features of every non-blank line, beside the rules' own
verdict, and gives each line a kind or ``text``.

:func:`line_frame` describes the lines of a batch (:class:`Lines`: the numeric features of
:data:`NUMERIC`, the hashed words of each line and its first and last word), with numpy
over the batch's shared tokens; and :func:`model_spans` turns the model's verdicts into
spans, labelled with the model's probability.

Examples
--------
>>> body = "\\n\\n".join([
...     "Police moved in on Sunday as thousands marched through the capital.",
...     "The protest was the largest since the election, organisers said.",
...     "Officers detained dozens of people near the square, witnesses said.",
...     "In this March 3, 2018, photo, a protester holds a sign outside the courthouse.",
...     "The mayor called for calm and promised an inquiry into the arrests.",
... ])
>>> [(s.kind, s.text[:20], s.label) for s in model_spans(Docs([body]), [[]])[0]]
[('media', 'In this March 3, 201', 'line model, p = 0.73')]
"""

from __future__ import annotations

import functools
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from framing.spans import Span
from framing.text import Docs, Utf8
from framing.text.gate.literals import Automaton, automaton, matches
from framing.text.scan import column_of

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

LINE_MODEL = Path(__file__).with_name("lines.skops")
"""The shipped line classifier; its provenance and threshold are in ``lines.json``."""
TEXT = "text"
"""The class of a line that is the article's own text."""
MIN_LINES = 5
"""Bodies of fewer non-blank lines are not read by the model: with so little around a line,
its place and neighbours say little (a one-sentence body is not furniture; a quarter of
news bodies have fewer than 14 lines, almost none fewer than 5)."""

NUMERIC = (
    "chars",  # log(1 + characters)
    "words",  # log(1 + word tokens)
    "first",  # the body's first line
    "last",  # its last line
    "from_start",  # lines before this one, at most 5, over 5
    "from_end",  # lines after it, at most 5, over 5
    "relative",  # place in the body, 0 (top) to 1 (bottom)
    "prev_chars",  # log(1 + characters) of the line before (0 if none)
    "next_chars",  # and after
    "end_mark",  # ends like a sentence (. ! ? or a closing quote)
    "capitalised",  # share of its words that start with a capital
    "upper",  # share of its letters in capitals
    "digits",  # share of its characters that are digits
    "link",  # holds a web address or e-mail
    "handle",  # holds an @handle ("@" before a letter, digit or "_"; not "Tampa @ Arena")
    "copyright",  # holds "©" or "(c)"
    "rule",  # share of its characters the cue rules mark as clutter
    "prev_end_mark",  # the line before ends like a sentence (0 if none)
    "next_end_mark",  # the line after
    "prev_rule",  # the rules' share of the line before
    "next_rule",  # and of the line after
    "repeated",  # the same line (lower-cased) appears elsewhere in the body
    "credit",  # ends with a short parenthesis: "(AP Photo/Jane Doe)", "(1:52)"
    "quote_start",  # opens with a quotation mark (a pull quote, an embedded post)
    "colon_end",  # ends with a colon (a lead-in to embedded media: "Watch below:")
    "bar",  # holds a bar or a bullet (menus, link lists: "Home | World", "• Sign up")
    "glued_colon",  # a label run into a headline: "More:Trump says", "STORY:Cellphone ruling"
)
"""The numeric features of a line (:func:`line_frame`), beside its words."""

_DIGITS_TO_0 = bytes.maketrans(b"123456789", b"0" * 9)
_MARKS = {  # literals that mark a line, in lower case
    "link": ("http", "www.", ".com", ".org"),
    "handle": ("@",),
    "copyright": ("\u00a9", "(c)"),
    "bar": ("|", "\u2022"),
}
_END_MARKS = np.array([ord(c) for c in ".!?\"'\u201d\u2019)"])
_OPEN_QUOTES = np.array([ord(c) for c in "\"'\u201c\u2018"])
_CLOSERS = np.array([ord(c) for c in "\"')\u201d\u2019"])
CREDIT_CHARS = 80
"""The longest parenthesis (inside its brackets) that a ``credit`` line ends with."""
BITS = 15
"""The words and the (marker, word) pairs are hashed into ``2**BITS`` columns."""
_START, _END = np.uint64(1 << 32), np.uint64((1 << 32) + 1)  # beyond any crc32 of a word
_PAIR = np.uint64(0x100000001B3)  # a pair's hash: left * _PAIR + right (mod 2**64)


@dataclass(frozen=True)
class Lines:
    """The non-blank lines of a batch of bodies, as the line model reads them.

    The model reads, a row a line, the columns of :attr:`numeric`, then the hashed counts
    (``2**BITS`` columns) of the line's words (the batch's tokens, lower-cased, digits as
    0) and of the pairs (start marker, its first word) and (its last word, end marker):
    :attr:`matrix`. The words stay counts over the batch's vocabulary (:attr:`words`, each
    term's hashed column in :attr:`term_column`), so that :meth:`proba` scores the lines by
    parts, without building that matrix.

    Attributes
    ----------
    numeric : pandas.DataFrame
        One row a line, the columns of :data:`NUMERIC`.
    words : scipy.sparse.csr_matrix
        A row a line, a column a term of the batch's vocabulary: the line's words.
    term_column : numpy.ndarray
        The hashed column (of ``2**BITS``) of each term.
    edges : scipy.sparse.csr_matrix
        A row a line, ``2**BITS`` columns: its start and end pairs (a line without words
        has the one pair (start, end marker)).
    text : numpy.ndarray
        The body each line is in.
    start, end : numpy.ndarray
        Where each line's text starts and ends in its body.
    """

    numeric: pd.DataFrame
    words: sp.csr_matrix
    term_column: np.ndarray
    edges: sp.csr_matrix
    text: np.ndarray
    start: np.ndarray
    end: np.ndarray

    @property
    def matrix(self) -> sp.csr_matrix:
        """What the model reads (for training): :attr:`numeric`, then the hashed words and
        :attr:`edges`."""
        import scipy.sparse as sp

        n_terms = len(self.term_column)
        hashed = sp.csr_matrix(
            (np.ones(n_terms), self.term_column, np.arange(n_terms + 1)),
            shape=(n_terms, 2**BITS),
        )
        numeric = sp.csr_matrix(self.numeric.to_numpy(dtype=float))
        return sp.hstack([numeric, self.words @ hashed + self.edges], format="csr")

    def proba(self, model: LogisticRegression) -> np.ndarray:
        """``model.predict_proba(self.matrix)`` of a multinomial logistic regression, by
        parts: the numeric columns, the words through their terms' weights, the edges.

        Examples
        --------
        >>> model, _ = line_model()
        >>> lines = line_frame(Docs(["By JANE DOE\\n\\nKept here."]), [[]])
        >>> bool(np.allclose(lines.proba(model), model.predict_proba(lines.matrix)))
        True
        """
        from scipy.special import softmax

        k = len(NUMERIC)
        weights = model.coef_[:, k:].T  # a row a hashed column
        decision = (
            self.numeric.to_numpy(dtype=float) @ model.coef_[:, :k].T
            + self.words @ weights[self.term_column]
            + self.edges @ weights
            + model.intercept_
        )
        return softmax(decision, axis=1)


@functools.cache
def line_model() -> tuple[LogisticRegression, float]:
    """The shipped line classifier and its threshold, loaded once under the trust policy."""
    from framing.io import trust

    meta = json.loads(LINE_MODEL.with_suffix(".json").read_text(encoding="utf-8"))
    model: LogisticRegression = trust.load(LINE_MODEL)
    return model, float(meta["threshold"])


def _count_in(points: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """How many of the sorted ``points`` fall in each ``[start, end)``."""
    return np.searchsorted(points, ends) - np.searchsorted(points, starts)


@functools.cache
def _marks() -> Automaton:
    return automaton([x for needles in _MARKS.values() for x in needles])


def _mark_hits(low: Utf8, low_codes: np.ndarray) -> dict[str, np.ndarray]:
    """Per mark of :data:`_MARKS`, the sorted offsets of its literals in ``low`` (one scan;
    ``low_codes``: its characters' code points), an "@" only where a handle's name follows."""
    index, starts, _ = matches(_marks(), low)
    group = np.repeat(np.arange(len(_MARKS)), [len(v) for v in _MARKS.values()])[index]
    hits = {k: np.sort(starts[group == g]) for g, k in enumerate(_MARKS)}
    at = hits["handle"]
    after = np.append(low_codes, 0)[at + 1]
    hits["handle"] = at[
        ((after >= 97) & (after <= 122)) | ((after >= 48) & (after <= 57)) | (after == 95)
    ]
    return hits


def _credit(docs: Docs, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """1.0 for each line ``[start, end)`` of the batch that ends with a parenthesis of 2 to
    :data:`CREDIT_CHARS` characters holding no other bracket."""
    out = np.zeros(len(starts))
    text = docs.joined
    for i in np.flatnonzero(docs.codes[ends - 1] == ord(")")).tolist():
        last = int(ends[i]) - 1
        opening = text.rfind("(", int(starts[i]), last)
        inside = last - opening - 1
        if opening >= 0 and 2 <= inside <= CREDIT_CHARS and ")" not in text[opening:last]:
            out[i] = 1.0
    return out


def _glued_colon(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """1.0 for each line ``[start, end)`` holding a colon glued between a word (or a closing
    quote or bracket) and a capital or an opening quote, as where a scraped link's label ran
    into the headline it introduces ("More:Trump says", "'Operation Gridlock':Thousands")."""
    at = np.flatnonzero(codes[1:-1] == ord(":")) + 1
    before, after = codes[at - 1], codes[at + 1]
    word = _capital(before) | ((before >= 97) & (before <= 122)) | np.isin(before, _CLOSERS)
    glued = at[word & (_capital(after) | np.isin(after, _OPEN_QUOTES))]
    return (_count_in(glued, starts, ends - 1) > 0).astype(float)


def _tokens_with(flag: np.ndarray, first: np.ndarray, count: np.ndarray) -> np.ndarray:
    """How many of the ``count`` tokens from token ``first`` on have ``flag``, per line
    (lines in order, each line's tokens running to the next line's first)."""
    running = np.concatenate([[0], np.cumsum(flag, dtype=np.int64)])
    return running[first + count] - running[first]


def _capital(c: np.ndarray) -> np.ndarray:
    return ((c >= 65) & (c <= 90)) | ((c >= 0xC0) & (c <= 0xDE))


def _covered(
    docs: Docs, spans: Sequence[Sequence[Span]], starts: np.ndarray, ends: np.ndarray
) -> np.ndarray:
    """Characters of each line ``[start, end)`` of the batch that ``spans`` cover."""
    offsets = docs.offsets
    a = np.array(
        [s.start + offsets[k] for k, found in enumerate(spans) for s in found], dtype=np.int64
    )
    b = np.array(
        [s.end + offsets[k] for k, found in enumerate(spans) for s in found], dtype=np.int64
    )
    first = np.searchsorted(ends, a, side="right")  # the lines each span meets
    meets = np.searchsorted(starts, b) - first
    span = np.repeat(np.arange(len(a)), meets)
    line = np.repeat(first - np.cumsum(meets) + meets, meets) + np.arange(int(meets.sum()))
    overlap = np.minimum(b[span], ends[line]) - np.maximum(a[span], starts[line])
    return np.bincount(line, weights=overlap, minlength=len(starts))


def _term_hashes(docs: Docs) -> np.ndarray:
    """The crc32 of each term of the batch's vocabulary, its digits as 0."""
    terms = "\n".join(docs.terms.tolist()).encode().translate(_DIGITS_TO_0).split(b"\n")
    terms = terms if len(docs.terms) else []  # "".split() gives one empty term
    return np.fromiter(map(zlib.crc32, terms), np.uint64, len(terms))


def _edges(docs: Docs, per_term: np.ndarray, first: np.ndarray, count: np.ndarray) -> sp.csr_matrix:
    """:attr:`Lines.edges` of the lines whose tokens are ``count`` from token ``first`` on
    (``per_term``: :func:`_term_hashes`)."""
    import scipy.sparse as sp

    n = len(first)
    has = count > 0
    opening = np.full(n, _END)  # the first word after the start marker; the end marker if none
    opening[has] = per_term[docs.token_columns[first[has]]]
    closing = per_term[docs.token_columns[(first + count - 1)[has]]]
    # a line's entries: (start, first word), then (last word, end) if it has words
    indptr = np.r_[0, np.cumsum(1 + has)]
    indices = np.empty(indptr[-1], dtype=np.uint32)
    indices[indptr[:-1]] = column_of(np.full(n, _START) * _PAIR + opening, 2, BITS)
    indices[indptr[:-1][has] + 1] = column_of(closing * _PAIR + _END, 2, BITS)
    return sp.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(n, 2**BITS))


def _repeated(docs: Docs, text: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """1.0 for each line ``[start, end)`` that its text ``text`` holds twice (lower-cased).

    Only lines alike in text, length and first and last characters are compared (the four
    folded into one key: where two lines' keys collide, the comparison tells them apart).
    """
    import pandas as pd

    low = docs.low_codes
    key = (
        (text.astype(np.uint64) << np.uint64(40))
        ^ ((ends - starts).astype(np.uint64) << np.uint64(32))
        ^ (low[starts].astype(np.uint64) << np.uint64(16))
        ^ low[ends - 1].astype(np.uint64)
    )
    maybe = np.flatnonzero(pd.Series(key).duplicated(keep=False).to_numpy())
    lines = [
        docs.low[a:b] for a, b in zip(starts[maybe].tolist(), ends[maybe].tolist(), strict=True)
    ]
    same = pd.DataFrame({"t": text[maybe], "k": pd.factorize(np.array(lines, dtype=object))[0]})
    out = np.zeros(len(starts))
    out[maybe] = same.duplicated(keep=False).to_numpy()
    return out


def line_frame(docs: Docs, rule_spans: Sequence[Sequence[Span]]) -> Lines:
    """Every non-blank line of the batch, as the line model reads it.

    Parameters
    ----------
    docs : Docs
        The bodies.
    rule_spans : sequence of sequence of Span
        Each body's clutter spans from the cue rules (the ``rule`` feature).

    Returns
    -------
    Lines

    Examples
    --------
    >>> lines = line_frame(Docs(["Kept here.\\n\\nBy JANE DOE", ""]), [[], []])
    >>> lines.text.tolist(), lines.start.tolist(), lines.end.tolist(), lines.matrix[:, len(NUMERIC) :].sum(axis=1).A1.tolist()
    ([0, 0], [0, 12], [10, 23], [4.0, 5.0])
    >>> lines.numeric.loc[1, ["last", "end_mark", "capitalised", "upper"]].tolist()
    [1.0, 0.0, 1.0, 0.6666666666666666]
    """
    import pandas as pd

    _, starts, ends = docs.lines
    text = np.searchsorted(docs.offsets, starts, side="right") - 1
    n = len(starts)
    # place within the body
    first_of = np.searchsorted(text, np.arange(len(docs)))
    index = np.arange(n) - first_of[text]
    count = np.bincount(text, minlength=len(docs))[text]
    after = count - 1 - index
    chars = (ends - starts).astype(float)
    same_prev = np.concatenate([[False], text[1:] == text[:-1]])
    same_next = np.concatenate([text[:-1] == text[1:], [False]])
    prev_chars = np.where(same_prev, np.roll(chars, 1), 0.0)
    next_chars = np.where(same_next, np.roll(chars, -1), 0.0)
    # words, capitals and numbers, from the batch's tokens
    codes = docs.codes
    token_starts = docs.token_starts
    first = np.searchsorted(token_starts, starts)  # the tokens of each line ...
    words = np.diff(first, append=len(token_starts))  # ... up to the next (only blanks between)
    initial = codes[token_starts]
    capitalised = _capital(initial)
    upper = capitalised.copy()  # a capital, then another (tokens of two or more letters)
    maybe = np.flatnonzero(capitalised)
    upper[maybe] = (docs.token_ends[maybe] - token_starts[maybe] >= 2) & _capital(
        codes[np.minimum(token_starts[maybe] + 1, len(codes) - 1)]
    )
    flags = {
        "capitalised": capitalised,
        "upper": upper,
        "digits": (initial >= 48) & (initial <= 57),
    }
    marks = _mark_hits(docs.low_utf8, docs.low_codes)
    first_char, last_char = codes[starts], codes[ends - 1]
    rule = _covered(docs, rule_spans, starts, ends)
    numeric = {
        "chars": np.log1p(chars),
        "words": np.log1p(words),
        "first": (index == 0).astype(float),
        "last": (after == 0).astype(float),
        "from_start": np.minimum(index, 5) / 5,
        "from_end": np.minimum(after, 5) / 5,
        "relative": np.where(count > 1, index / np.maximum(count - 1, 1), 0.0),
        "prev_chars": np.log1p(prev_chars),
        "next_chars": np.log1p(next_chars),
        "end_mark": np.isin(last_char, _END_MARKS).astype(float),
        **{k: _tokens_with(v, first, words) / np.maximum(words, 1) for k, v in flags.items()},
        **{k: (_count_in(v, starts, ends) > 0).astype(float) for k, v in marks.items()},
        "rule": np.minimum(rule / chars.clip(min=1), 1.0),
    }
    for name in ("end_mark", "rule"):
        numeric[f"prev_{name}"] = np.where(same_prev, np.roll(numeric[name], 1), 0.0)
        numeric[f"next_{name}"] = np.where(same_next, np.roll(numeric[name], -1), 0.0)
    numeric["repeated"] = _repeated(docs, text, starts, ends)
    numeric["credit"] = _credit(docs, starts, ends)
    numeric["quote_start"] = np.isin(first_char, _OPEN_QUOTES).astype(float)
    numeric["colon_end"] = (last_char == ord(":")).astype(float)
    numeric["glued_colon"] = _glued_colon(codes, starts, ends)
    base = docs.offsets[text]
    frame = pd.DataFrame({k: numeric[k] for k in NUMERIC})
    per_term = _term_hashes(docs)
    words_of = docs.counts_from(first)
    edges = _edges(docs, per_term, first, words)
    term_column = column_of(per_term, 1, BITS)
    return Lines(frame, words_of, term_column, edges, text, starts - base, ends - base)


def model_spans(docs: Docs, rule_spans: Sequence[Sequence[Span]]) -> list[list[Span]]:
    """The lines the shipped model calls clutter and the cue rules did not mark.

    Parameters
    ----------
    docs : Docs
        The bodies.
    rule_spans : sequence of sequence of Span
        Each body's spans from the cue rules.

    Returns
    -------
    list of list of Span
        Per body of at least :data:`MIN_LINES` lines, one span a line the model gives at
        least its threshold of P(clutter), unless the rules already mark most of it;
        ``kind`` is the model's likeliest kind, ``label`` says ``line model, p = ...``.
    """
    out: list[list[Span]] = [[] for _ in range(len(docs))]
    lines = line_frame(docs, rule_spans)
    text, start, end = lines.text, lines.start, lines.end
    if not len(text):
        return out
    model, threshold = line_model()
    proba = lines.proba(model)
    classes = list(model.classes_)
    clutter = 1.0 - proba[:, classes.index(TEXT)]
    kinds = np.array([c for c in classes if c != TEXT])
    kind_of = kinds[np.argmax(proba[:, [classes.index(k) for k in kinds]], axis=1)]
    long_enough = np.bincount(text, minlength=len(docs))[text] >= MIN_LINES
    ruled = lines.numeric["rule"].to_numpy() >= 0.5
    found = np.flatnonzero((clutter >= threshold) & ~ruled & long_enough)
    for i in found.tolist():
        k = int(text[i])
        label = f"line model, p = {clutter[i]:.2f}"
        out[k].append(Span.at(docs.texts[k], int(start[i]), int(end[i]), str(kind_of[i]), label))
    return out
