"""Hashed word and character n-gram counts, computed with numpy over a whole batch at once.

:class:`NgramHasher` is a stateless scikit-learn transformer in the manner of
:class:`~sklearn.feature_extraction.text.HashingVectorizer`, for the short texts the
headline model reads: rather than building every n-gram as a Python string, it hashes all
the windows of the batch's lower-cased code points in a handful of array operations.

How a batch is hashed
---------------------
The lower-cased texts become one array of code points ``c``. An n-gram's hash is the
polynomial ``h = sum(c[j] * B**(n - 1 - j))`` of its code points, modulo 2**64 with an odd
base ``B``: for characters it is rolled along the array (``h`` of every window of length n
from that of length n - 1: one multiply and one add per window); for a word of any length it
comes from prefix sums ``Q[k] = sum(c[j] * B**-j for j < k)`` as ``B**(end - 1) * (Q[end] -
Q[start])``; a word n-gram chains its words' hashes the same way. ``h + n`` is then mixed
(xor-shift and multiply, twice) and its top bits are the column, so ``n_features`` is a power
of two. Equal n-grams land in the same column whatever text or position they come from.
Each (text, column) pair is packed into one 32-bit key, and a single sort of the keys counts
the repeats and orders the sparse matrix.

- ``analyzer="char_wb"``: the character n-grams of each whitespace-separated word padded with
  one space on each side (``"ab cd"``: ``" a"``, ``"ab"``, ``"b "``, ``" ab"``, ``"ab "``,
  ``" ab "``, and the same for ``cd``). A window holding a space inside it, or crossing from
  one text to the next, is dropped, and so is a space alone (``n=1``); otherwise these are
  the n-grams of scikit-learn's ``char_wb`` (which keeps a padded word shorter than the
  smallest n whole).
- ``analyzer="word"``: words are runs of two or more word characters (``\\w``, as in
  scikit-learn's default ``token_pattern``); an n-gram is n consecutive words of one text,
  its hash chained from its words' hashes.

Examples
--------
>>> X = NgramHasher("word", (1, 2), n_features=2**10).transform(["No to war", "no war", ""])
>>> X.shape, X.sum(axis=1).A1.tolist()  # 3 words + 2 bigrams; 2 + 1; nothing
((3, 1024), [5.0, 3.0, 0.0])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from framing.text.scan import column_of

if TYPE_CHECKING:  # pragma: no cover
    from sklearn.utils import Tags

_MASK = (1 << 64) - 1
_BASE = 0x100000001B3  # odd, so invertible modulo 2**64
_BASE_INV = pow(_BASE, -1, 1 << 64)
_GOLDEN = 0x9E3779B97F4A7C15
_ASCII_WORD = np.array([chr(i).isalnum() or chr(i) == "_" for i in range(128)])
_POWERS: dict[int, np.ndarray] = {}


def _powers(base: int, n: int) -> np.ndarray:
    """``base**k`` for ``k`` in ``0..n-1``, modulo 2**64 (kept for the next, longer batch)."""
    known = _POWERS.get(base)
    if known is None or len(known) < n:
        known = np.full(max(n, 4096), base, dtype=np.uint64)
        known[0] = 1
        known = _POWERS[base] = np.cumprod(known, dtype=np.uint64)
    return known[:n]


def _code_points(texts: list[str], sep: str) -> tuple[np.ndarray, np.ndarray]:
    """The code points of ``texts`` joined by ``sep``, and each position's text index."""
    codes = np.frombuffer(sep.join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + len(sep)
    rows = np.repeat(np.arange(len(texts), dtype=np.uint32), lengths)[: len(codes)]
    return codes, rows


def _word_chars(codes: np.ndarray) -> np.ndarray:
    """True where a code point is a word character (``\\w``: alphanumeric or ``_``)."""
    ascii_ = codes < 128
    out = np.zeros(len(codes), dtype=bool)
    out[ascii_] = _ASCII_WORD[codes[ascii_]]
    other = ~ascii_
    if other.any():
        values, inverse = np.unique(codes[other], return_inverse=True)
        word = np.array([(chr(v).isalnum() or chr(v) == "_") for v in values.tolist()])
        out[other] = word[inverse]
    return out


class NgramHasher(TransformerMixin, BaseEstimator):
    """Hashed n-gram counts of lower-cased text (stateless, like ``HashingVectorizer``).

    Parameters
    ----------
    analyzer : {"word", "char_wb"}
        Word n-grams (words of two or more ``\\w`` characters) or character n-grams inside
        space-padded words.
    ngram_range : tuple of int
        The smallest and largest n.
    n_features : int
        Number of columns (a power of two, at most 2**30); every n-gram is hashed into one.

    Examples
    --------
    >>> hasher = NgramHasher("char_wb", (2, 3), n_features=2**20)
    >>> X = hasher.fit_transform(["ab cd", "AB", "", "日本 😀"])
    >>> X.sum(axis=1).A1.tolist()  # " ab ": 3 2-grams and 2 3-grams; " 😀 ": 2 and 1
    [10.0, 5.0, 0.0, 8.0]
    >>> set(X[1].indices) <= set(X[0].indices)  # "AB" is lower-cased: its n-grams are in "ab cd"
    True
    """

    def __init__(
        self,
        analyzer: str = "word",
        ngram_range: tuple[int, int] = (1, 1),
        n_features: int = 2**20,
    ):
        self.analyzer = analyzer
        self.ngram_range = ngram_range
        self.n_features = n_features

    def _check(self) -> tuple[int, int]:
        if self.analyzer not in ("word", "char_wb"):
            raise ValueError(f"analyzer must be 'word' or 'char_wb', not {self.analyzer!r}")
        low, high = self.ngram_range
        if not 1 <= low <= high:
            raise ValueError(f"ngram_range must be (min, max), 1 <= min <= max: {self.ngram_range}")
        n = self.n_features
        if not (isinstance(n, int) and 2 <= n <= 2**30 and n & (n - 1) == 0):
            raise ValueError(f"n_features must be a power of two from 2 to 2**30, not {n!r}")
        return low, high

    def fit(self, X: Iterable[str | None] | None = None, y: object = None) -> NgramHasher:
        """Check the parameters; nothing is learned."""
        self._check()
        return self

    def __sklearn_tags__(self) -> Tags:
        tags = super().__sklearn_tags__()
        tags.requires_fit = False
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags

    def transform(self, X: Iterable[str | None]) -> sp.csr_matrix:
        """Hashed n-gram counts of each text, shape ``(len(X), n_features)``.

        Parameters
        ----------
        X : iterable of str
            ``None`` and other non-strings count as empty text.

        Returns
        -------
        scipy.sparse.csr_matrix of float64
        """
        if isinstance(X, str):
            raise ValueError("NgramHasher expects an iterable of texts, not one string")
        self._check()
        texts = [t.lower() if isinstance(t, str) else "" for t in X]
        # (row, column) pairs are packed into 32-bit keys: so many rows at a time
        step = 2**32 // self.n_features
        if len(texts) <= step:
            return self._counts(texts)
        blocks = [self._counts(texts[i : i + step]) for i in range(0, len(texts), step)]
        return sp.vstack(blocks, format="csr")

    def _counts(self, texts: list[str]) -> sp.csr_matrix:
        bits = self.n_features.bit_length() - 1
        if self.analyzer == "char_wb":
            keys = self._char_wb(texts, bits)
        else:
            keys = self._word(texts, bits)
        # one sort of the (row, column) keys counts repeated n-grams and orders the matrix
        keys.sort()
        first = np.empty(len(keys), dtype=bool)
        first[:1] = True
        np.not_equal(keys[1:], keys[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        ends = np.empty_like(starts)
        ends[:-1], ends[-1:] = starts[1:], len(keys)
        counts = np.subtract(ends, starts, dtype=np.float64)
        keys = keys[starts]
        rows = np.arange(len(texts) + 1, dtype=np.uint64) << np.uint64(bits)
        indptr = np.searchsorted(keys, rows)  # keys are sorted: each row's first entry
        columns = (keys & np.uint32(self.n_features - 1)).astype(np.int32)
        return sp.csr_matrix((counts, columns, indptr), shape=(len(texts), self.n_features))

    def _char_wb(self, texts: list[str], bits: int) -> np.ndarray:
        # each text becomes its words padded with spaces (" ab cd "), texts simply abutting:
        # a window running from one text into the next then holds a space inside it, or is
        # the 2-gram of two spaces, and is dropped like any window with a space inside
        low, high = self.ngram_range
        texts = [f" {' '.join(words)} " if (words := t.split()) else "" for t in texts]
        codes, rows = _code_points(texts, "")
        base = rows << np.uint32(bits)
        space = np.concatenate([[0], np.cumsum(codes == 32)])
        size = len(codes)
        h = codes.astype(np.uint64)
        keys = []
        for n in range(1, min(high, size) + 1):
            count = size - n + 1
            if n > 1:  # rolling: the hash of [i, i + n) from that of [i, i + n - 1)
                h = h[:-1] * np.uint64(_BASE) + codes[n - 1 :]
            if n < low:
                continue
            if n == 1:  # not a space
                keep = space[:count] == space[1:]
            elif n == 2:  # not two spaces
                keep = space[2:] - space[:count] < 2
            else:  # no space inside
                keep = space[1 : 1 + count] == space[n - 1 : n - 1 + count]
            keys.append((base[:count] + column_of(h, n, bits))[keep])
        return np.concatenate(keys) if keys else np.zeros(0, np.uint32)

    def _word(self, texts: list[str], bits: int) -> np.ndarray:
        low, high = self.ngram_range
        codes, rows = _code_points(texts, "\0")
        word = _word_chars(codes)
        edges = np.flatnonzero(np.diff(np.concatenate([[False], word, [False]]).astype(np.int8)))
        start, end = edges[::2], edges[1::2]
        long = end - start >= 2
        start, end = start[long], end[long]
        # polynomial hash of each word from prefix sums: sum(c[j] * B**(end - 1 - j))
        q = np.zeros(len(codes) + 1, dtype=np.uint64)
        np.cumsum(codes * _powers(_BASE_INV, len(codes)), out=q[1:])
        words = _powers(_BASE, len(codes))[end - 1] * (q[end] - q[start])
        base = rows[start] << np.uint32(bits)
        keys = []
        gram = words
        for n in range(1, high + 1):
            if n > 1:  # chain the next word onto every (n-1)-gram
                gram = gram[:-1] * np.uint64(_GOLDEN) + words[n - 1 :]
            if n >= low:  # n-grams within one text
                same = base[: len(gram)] == base[n - 1 :]
                keys.append((base[: len(gram)] + column_of(gram, n, bits))[same])
        return np.concatenate(keys)
