"""The :class:`Lexicon`: weighted, categorised patterns with provenance, and their compiled forms.

A pattern is a word (``chaos``), a wildcard stem (``abus*`` matches every vocabulary term
starting with ``abus``) or a phrase (``on condition of anonymity``, ``far-left``,
``useful idiot*``). Matching is case-insensitive and token-exact. Word and wildcard entries
compile once per vocabulary into a sparse ``terms x categories`` matrix
(:meth:`Lexicon.matrix`), phrases into one Aho-Corasick automaton (:attr:`Lexicon.automaton`).

Examples
--------
>>> from framing.text import Docs
>>> lex = Lexicon.from_terms("demo", ["chaos", "abus*", "riot police"])
>>> lex.count(Docs(["Chaos! Abusive riot police, abuse.", "calm"])).tolist()
[[4.0], [0.0]]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from framing.text import Utf8, by_prefix, char_table, lower_folded, term
from framing.text.gate import automaton as _automaton
from framing.text.gate import matches

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd
    import scipy.sparse as sp

    from framing.text import Docs

__all__ = ["HEADER_KEYS", "Lexicon", "is_word"]

HEADER_KEYS = ("name", "description", "source", "citation", "licence")
"""The provenance header every lexicon carries (and a shipped lexicon file starts with)."""

_Entry = tuple[str, int, float]  # (pattern, category index, weight)
_WORD_ONLY = re.compile(r"\w+(?:'\w+)*")
_WORD_TAIL = re.compile(r"\w*")


def is_word(ch: str) -> bool:
    """Whether ``ch`` is a word character (letter, digit or underscore) for match boundaries.

    Examples
    --------
    >>> is_word("é"), is_word("_"), is_word("-")
    (True, True, False)
    """
    return ch.isalnum() or ch == "_"


@dataclass(frozen=True)
class Lexicon:
    """A named list of weighted, categorised patterns with its provenance.

    Parameters
    ----------
    name : str
    entries : tuple of (pattern, category, weight)
        Patterns are lower-cased on construction; a trailing ``*`` makes a wildcard stem.
    description, source, citation, licence : str

    Examples
    --------
    >>> lex = Lexicon("tiny", (("good", "positive", 1.0), ("bad*", "negative", 2.0)))
    >>> lex.categories, len(lex)
    (('positive', 'negative'), 2)
    >>> lex.matrix({"badly": 0, "good": 1, "bland": 2}).toarray().tolist()
    [[0.0, 2.0], [1.0, 0.0], [0.0, 0.0]]
    """

    name: str
    entries: tuple[tuple[str, str, float], ...]
    description: str = ""
    source: str = ""
    citation: str = ""
    licence: str = ""

    def __post_init__(self) -> None:
        clean = []
        for pattern, category, weight in self.entries:
            p = " ".join(lower_folded(str(pattern)).split())
            if p.strip("*") and any(is_word(c) for c in p):
                clean.append((p, str(category) or self.name, float(weight)))
        object.__setattr__(self, "entries", tuple(clean))

    @classmethod
    def from_terms(
        cls, name: str, terms: Iterable[str], category: str | None = None, **meta: str
    ) -> Lexicon:
        """A lexicon of unweighted ``terms`` in one category (default: its name)."""
        return cls(name, tuple((t, category or name, 1.0) for t in terms), **meta)

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def categories(self) -> tuple[str, ...]:
        """Category names in order of first appearance."""
        return tuple(dict.fromkeys(c for _, c, _ in self.entries))

    @cached_property
    def _split(self) -> tuple[list[_Entry], list[_Entry], list[_Entry]]:
        """(words, wildcards, phrases): each a list of (pattern, category index, weight)."""
        index = {c: i for i, c in enumerate(self.categories)}
        words: list[_Entry] = []
        stems: list[_Entry] = []
        phrases: list[_Entry] = []
        for p, c, w in self.entries:
            item = (p, index[c], w)
            if _WORD_ONLY.fullmatch(p):
                words.append((term(p), index[c], w))
            elif p.endswith("*") and _WORD_ONLY.fullmatch(p[:-1]):
                stems.append((p[:-1], index[c], w))
            else:
                phrases.append(item)
        return words, stems, phrases

    @property
    def info(self) -> dict[str, str]:
        """The provenance header as a dict."""
        return {k: getattr(self, k) for k in HEADER_KEYS}

    def to_frame(self) -> pd.DataFrame:
        """The entries as a DataFrame with columns ``term``, ``category``, ``weight``."""
        import pandas as pd

        return pd.DataFrame(list(self.entries), columns=["term", "category", "weight"])

    # --- compiled forms -----------------------------------------------------------

    @cached_property
    def _word_arrays(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The word entries: terms, category indices, weights."""
        import numpy as np

        words = self._split[0]
        return (
            [t for t, _, _ in words],
            np.array([c for _, c, _ in words], dtype=np.int64),
            np.array([w for _, _, w in words], dtype=float),
        )

    def matrix(self, vocabulary: dict[str, int] | Sequence[str] | np.ndarray) -> sp.csr_matrix:
        """Word and wildcard entries as a sparse ``(n_terms, n_categories)`` weight matrix.

        ``vocabulary`` is a term -> column dict (as :attr:`Docs.vocabulary`) or the terms
        in column order (a sequence or an array, as :attr:`Docs.terms`). A term matched by
        several entries of one category gets the largest weight, not the sum.

        Examples
        --------
        >>> lex = Lexicon.from_terms("demo", ["riot", "loot*"])
        >>> lex.matrix(["looters", "riot", "calm"]).toarray().ravel().tolist()
        [1.0, 1.0, 0.0]
        """
        import numpy as np

        if isinstance(vocabulary, dict):
            index = vocabulary
            terms = np.empty(len(index), dtype=object)
            terms[list(index.values())] = list(index)
        else:
            terms = np.asarray(vocabulary, dtype=object)
            index = {t: i for i, t in enumerate(terms.tolist())}
        return self._matrix(index, functools.partial(by_prefix, terms))

    def _matrix(
        self, index: dict[str, int], prefix_order: Callable[[int], tuple[np.ndarray, np.ndarray]]
    ) -> sp.csr_matrix:
        """:meth:`matrix` over the vocabulary ``index`` (term -> column);
        ``prefix_order(w)`` is :func:`~framing.text.scan.by_prefix` of the terms in column order
        (:meth:`Docs.sorted_terms`)."""
        import numpy as np
        import scipy.sparse as sp

        _, stems, _ = self._split
        words, categories, weights = self._word_arrays
        shape = (len(index), len(self.categories))
        row = np.fromiter(map(index.get, words, [-1] * len(words)), np.int64, len(words))
        parts = [(row, categories, weights)]
        if stems and index:
            # a stem's terms are a run of the sorted vocabulary; terms are cut one character
            # past the longest stem (longer ones keep every stem they start with), so that
            # one long "word" (a run of letters in a bad scrape) does not widen every slot
            ordered, column = prefix_order(1 + max(len(s) for s, _, _ in stems))
            stem = np.array([s for s, _, _ in stems], dtype=str)
            lo = np.searchsorted(ordered, stem, "left")
            n = np.searchsorted(ordered, np.char.add(stem, "\U0010ffff"), "left") - lo
            at = np.repeat(lo - np.cumsum(n) + n, n) + np.arange(n.sum())
            cats, vals = zip(*((c, w) for _, c, w in stems), strict=True)
            parts.append((column[at], np.repeat(cats, n), np.repeat(vals, n)))
        row, col, value = (np.concatenate(x) for x in zip(*parts, strict=True))
        hit = row >= 0
        if not hit.any():
            return sp.csr_matrix(shape, dtype=float)
        row, col, value = row[hit], col[hit].astype(np.int64), value[hit].astype(float)
        # largest weight per (term, category): sort by value, keep the last of each cell
        key = row * shape[1] + col
        by_cell = np.lexsort((value, key))
        keep = by_cell[np.r_[key[by_cell][1:] != key[by_cell][:-1], True]]
        return sp.csr_matrix((value[keep], (row[keep], col[keep])), shape=shape)

    @cached_property
    def automaton(self) -> tuple[Any, np.ndarray, np.ndarray] | None:
        """The phrase entries as an Aho-Corasick DFA over UTF-8 bytes (``ahocorasick_rs``),
        the first entry of each of its patterns (then the number of entries), and the
        ``(category, weight, open-ended)`` entries as a record array; None without
        phrases."""
        import numpy as np

        _, _, phrases = self._split
        if not phrases:
            return None
        found: dict[str, list[tuple[int, float, bool]]] = {}
        for p, c, w in phrases:
            found.setdefault(p.rstrip("*"), []).append((c, w, p.endswith("*")))
        first = np.cumsum([0] + [len(v) for v in found.values()])
        kinds = [("category", np.int64), ("weight", float), ("open", bool)]
        entries = np.array([e for v in found.values() for e in v], dtype=kinds)
        return _automaton(list(found)), first, entries

    def find_phrases(
        self, text: str, low: str | Utf8 | None = None
    ) -> list[tuple[int, int, int, float]]:
        """Phrase matches in ``text``: ``(start, end, category index, weight)``.

        Every occurrence counts, overlapping ones too, if it starts and ends at word
        boundaries (an entry ending in ``*`` runs on to the end of its word). ``low`` is
        ``lower_folded(text)`` (or its :class:`~framing.text.Utf8`) when the caller has it.

        Examples
        --------
        >>> lex = Lexicon.from_terms("p", ["riot police", "far-left", "useful idiot*"])
        >>> [(s, e) for s, e, _, _ in lex.find_phrases("Far-left useful idiots met riot police.")]
        [(0, 8), (9, 22), (27, 38)]
        >>> lex.find_phrases("Café riot police")[0][:2]  # offsets in characters, not bytes
        (5, 16)
        """
        import numpy as np

        if self.automaton is None or not text:
            return []
        auto, first, entries = self.automaton
        if not isinstance(low, Utf8):
            low = Utf8(lower_folded(text) if low is None else low)
        index, starts, ends = matches(auto, low)
        # is there a word character just before and just after each match?
        codes = low.codes
        beside = np.clip(np.r_[starts - 1, ends], 0, max(len(codes) - 1, 0))
        word = char_table(r"\w")[codes[beside]] & (np.r_[starts, len(codes) - ends] > 0)
        before, after = word[: len(starts)], word[len(starts) :]
        keep = np.flatnonzero(~before)
        n = first[index[keep] + 1] - first[index[keep]]  # each match, once per entry
        match = np.repeat(keep, n)
        entry = entries[np.repeat(first[index[keep]] - np.cumsum(n) + n, n) + np.arange(n.sum())]
        stop = ends[match]
        for i in np.flatnonzero(entry["open"] & after[match]).tolist():
            if m := _WORD_TAIL.match(low.text, stop[i]):  # on to the end of the word
                stop[i] = m.end()
        ok = entry["open"] | ~after[match]
        return list(
            zip(
                starts[match][ok].tolist(),
                stop[ok].tolist(),
                entry["category"][ok].tolist(),
                entry["weight"][ok].tolist(),
                strict=True,
            )
        )

    def phrase_counts(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Weighted phrase matches per text, ``(n_texts, n_categories)``."""
        import numpy as np
        import scipy.sparse as sp

        shape = (len(texts), len(self.categories))
        if self.automaton is None:
            return sp.csr_matrix(shape, dtype=float)
        rows, cols, vals = [], [], []
        for i, text in enumerate(texts):
            for _, _, c, w in self.find_phrases(text):
                rows.append(i)
                cols.append(c)
                vals.append(w)
        return sp.csr_matrix((np.array(vals, float), (rows, cols)), shape=shape)

    def compiled(self, docs: Docs) -> sp.csr_matrix:
        """:meth:`matrix` over the vocabulary of ``docs``, compiled once and kept on it."""
        store = docs.__dict__.setdefault("_lexicon_matrices", {})
        if id(self) not in store:  # keep self alive beside its matrix so the id stays valid
            store[id(self)] = (self, self._matrix(docs.vocabulary, docs.sorted_terms))
        return store[id(self)][1]

    def token_hits(self, docs: Docs) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every (token, category) match of the word and wildcard entries in ``docs``:
        token index (into :attr:`Docs.token_starts`), category index and weight, in token
        order (a token in several categories is one row each).

        Examples
        --------
        >>> from framing.text import Docs
        >>> lex = Lexicon.from_terms("demo", ["chaos", "abus*"])
        >>> [a.tolist() for a in lex.token_hits(Docs(["Chaos and abuse", "calm"]))]
        [[0, 2], [0, 0], [1.0, 1.0]]
        """
        import numpy as np

        M = self.compiled(docs).tocsr()
        per_term = np.diff(M.indptr)
        cols = docs.token_columns
        tok = np.flatnonzero(per_term[cols])
        n = per_term[cols[tok]]
        token = np.repeat(tok, n)
        first = np.repeat(M.indptr[cols[tok]] - np.cumsum(n) + n, n)
        entry = first + np.arange(len(token))
        return token, M.indices[entry].astype(np.int64), M.data[entry].astype(float)

    def count(self, docs: Docs) -> np.ndarray:
        """Weighted matches per text of ``docs``: a dense ``(n_texts, n_categories)`` array."""
        import numpy as np

        out = docs.counts @ self.compiled(docs)
        out = np.asarray(out.toarray() if hasattr(out, "toarray") else out, dtype=float)
        if self.automaton is not None:
            out += self.phrase_counts(docs.texts).toarray()
        return out

    def merge(self, *others: Lexicon, name: str = "merged") -> Lexicon:
        """One lexicon from several; categories become ``lexicon.category``.

        Examples
        --------
        >>> a = Lexicon.from_terms("a", ["x"]); b = Lexicon.from_terms("b", ["y"], "k")
        >>> a.merge(b).categories
        ('a.a', 'b.k')
        """
        entries = tuple(
            (p, f"{lex.name}.{c}", w) for lex in (self, *others) for p, c, w in lex.entries
        )
        merged = ", ".join(lex.name for lex in (self, *others))
        return Lexicon(name, entries, description=f"merged: {merged}")
