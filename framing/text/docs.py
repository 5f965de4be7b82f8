"""The batch engine: :class:`Docs` tokenises a batch of texts once for every feature family.

The texts are joined into one string and scanned once, with numpy over its code points
rather than a Python loop: token offsets (:func:`~framing.text.scan.word_bounds`), a 64-bit
key per token (:func:`~framing.text.scan.token_keys`), one hash-table pass for the
vocabulary, the runs of white space (:class:`~framing.text.scan.Blanks`) and the sentence
ends (:func:`~framing.text.segment.find_breaks`). Every partition of the batch (texts,
sentences, the pieces of the loaded-language analysis) takes its counts from those same
tokens, and lexicons are scored as one sparse product over them.

Examples
--------
>>> d = Docs(["No to war!", "War is a tragedy for all of us."])
>>> d.n_tokens.tolist(), d.n_sentences.tolist()
([3, 8], [1, 1])
>>> int(d.counts[:, d.vocabulary["war"]].sum())
2
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from framing.text.normalise import fold, lower, narrow
from framing.text.scan import (
    Blanks,
    Utf8,
    by_prefix,
    compact_code_points,
    sorted_unique,
    term,
    token_keys,
    word_bounds,
)
from framing.text.segment import find_breaks, sentence_spans

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import scipy.sparse as sp
    from numpy.typing import ArrayLike


BATCH = 1000
"""The texts analysed together where a whole corpus is given: a :class:`Docs` holds several
arrays the length of its joined text (36,254 AllSides bodies at once took 5.7 GB more than a
batch), and in batches the shared arrays stay in cache (1,000 ran 5% faster than 2,000)."""


class Docs:
    """A batch of texts, tokenised once and shared by every feature family.

    The texts are joined into one string (:attr:`joined`, a line break between texts)
    and every scan runs once over it, with numpy over its code points. Any partition of the
    batch (texts, sentences, the pieces of an analysis) then gets its counts from the same
    tokens (:meth:`counts_in`).

    Parameters
    ----------
    texts : iterable of str
        ``None``, NaN and anything else that is not a string count as empty text.

    Attributes
    ----------
    texts : list of str
    joined : str
        The texts joined by line breaks; ``offsets[i]`` is where text ``i`` starts.
    counts : scipy.sparse.csr_matrix
        Document-term counts over :attr:`vocabulary` (lower-cased, folded tokens).
    vocabulary : dict
    terms : numpy.ndarray of str
        Column labels of :attr:`counts`.
    n_tokens : numpy.ndarray
        Word tokens per text.

    Examples
    --------
    >>> d = Docs(["Be Belarus, not Russia!", None])
    >>> d.n_tokens.tolist(), d.texts[1]
    ([4, 0], '')
    >>> d.rate(d.n_tokens).tolist()  # per 100 tokens, 0 where a text is empty
    [100.0, 0.0]
    >>> d.terms[d.token_columns].tolist(), d.token_starts.tolist()
    (['be', 'belarus', 'not', 'russia'], [0, 3, 12, 16])
    """

    def __init__(self, texts: Iterable[str | float | None]) -> None:
        self.texts = [t if isinstance(t, str) else "" for t in texts]
        self._sorted_terms: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def __len__(self) -> int:
        return len(self.texts)

    @cached_property
    def _narrowed(self) -> list[str]:
        return list(map(narrow, self.texts))

    @cached_property
    def joined(self) -> str:
        """The texts joined by line breaks; an emoji (beyond U+FFFF) stands as U+FFFD and a
        styled letter such as 𝐀 as its plain form, so that one in a batch does not make the
        whole string four bytes a character (:func:`~framing.text.normalise.narrow`)."""
        return "\n".join(self._narrowed)

    @cached_property
    def offsets(self) -> np.ndarray:
        """Start of each text in :attr:`joined`, then ``len(joined) + 1``."""
        import numpy as np

        return np.cumsum([0] + [len(t) + 1 for t in self.texts])

    @cached_property
    def codes(self) -> np.ndarray:
        """The code points of :attr:`joined` (``uint16`` unless it holds one beyond U+FFFF)."""
        return compact_code_points(self.joined)

    @cached_property
    def _folded(self) -> list[str]:
        return list(map(fold, self._narrowed))  # text by text: most stay one byte a character

    @cached_property
    def folded(self) -> str:
        """:attr:`joined` folded (:func:`~framing.text.normalise.fold`), offsets kept."""
        return "\n".join(self._folded)

    @cached_property
    def low(self) -> str:
        """:attr:`joined` folded and lower-cased (:func:`~framing.text.normalise.lower_folded`), offsets
        kept."""
        return "\n".join(map(lower, self._folded))

    @cached_property
    def low_utf8(self) -> Utf8:
        """:attr:`low` as UTF-8, for byte scans (Aho-Corasick) shared by several families."""
        return Utf8(self.low)

    @cached_property
    def low_codes(self) -> np.ndarray:
        """The code points of :attr:`low` (``uint16``, as :attr:`codes`)."""
        return self.low_utf8.codes

    @cached_property
    def blanks(self) -> Blanks:
        """The white space of :attr:`joined`."""
        return Blanks(self.low_codes)

    @cached_property
    def _tokens(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        import numpy as np
        import pandas as pd

        starts, ends = word_bounds(self.low_codes)
        # one id per distinct token: a key from its characters, then one pass of a hash table
        ids, _ = pd.factorize(token_keys(self.low_codes, starts, ends))
        new = np.ones(len(ids), dtype=bool)  # ids are numbered in order of first sight
        new[1:] = ids[1:] > np.maximum.accumulate(ids)[:-1]
        first = np.flatnonzero(new)
        types = map(self.low.__getitem__, map(slice, starts[first].tolist(), ends[first].tolist()))
        # a column per vocabulary term: possessive 's folds into its stem
        terms = np.array([term(t) if "'" in t else t for t in types], dtype=object)
        column, terms = pd.factorize(terms)
        return starts, ends, column[ids], terms

    @property
    def token_starts(self) -> np.ndarray:
        """Offset of each token in :attr:`joined`, in order."""
        return self._tokens[0]

    @property
    def token_ends(self) -> np.ndarray:
        """End offset of each token in :attr:`joined`, in order."""
        return self._tokens[1]

    @property
    def token_columns(self) -> np.ndarray:
        """Column of :attr:`counts` (vocabulary term) of each token."""
        return self._tokens[2]

    @property
    def terms(self) -> np.ndarray:
        """The vocabulary terms, in column order (object array)."""
        return self._tokens[3]

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        """Term -> column of :attr:`counts`."""
        return {t: i for i, t in enumerate(self.terms.tolist())}

    def sorted_terms(self, width: int) -> tuple[np.ndarray, np.ndarray]:
        """:func:`~framing.text.scan.by_prefix` of the vocabulary (:attr:`terms`): each
        one's column, in prefix order; kept per width.

        Examples
        --------
        >>> ordered, column = Docs(["riots and rioters"]).sorted_terms(4)
        >>> ordered.tolist(), column.tolist()
        (['and', 'riot', 'riot'], [1, 0, 2])
        """
        if width not in self._sorted_terms:
            self._sorted_terms[width] = by_prefix(self.terms, width)
        return self._sorted_terms[width]

    def counts_in(self, starts: np.ndarray) -> sp.csr_matrix:
        """Term counts of the stretches of :attr:`joined` that begin at sorted ``starts``.

        Each stretch runs to the next start (the last to the end). Duplicate entries in a
        row are left unsummed: fine for products, not for counting distinct terms.
        """
        import numpy as np

        return self.counts_from(np.searchsorted(self.token_starts, starts))

    def counts_from(self, first: np.ndarray) -> sp.csr_matrix:
        """:meth:`counts_in` of the stretches that begin at the tokens ``first`` (sorted
        token indices, as ``searchsorted(token_starts, starts)`` gives them).

        Examples
        --------
        >>> import numpy as np
        >>> d = Docs(["war and war", "peace"])
        >>> d.counts_from(np.array([0, 3])).toarray().tolist()  # tokens 0-2, then 3 on
        [[2, 1, 0], [0, 0, 1]]
        """
        import numpy as np
        import scipy.sparse as sp

        ptr = np.r_[first, len(self.token_starts)]
        cols = self.token_columns[ptr[0] :]  # tokens before the first start are left out
        data = np.ones(len(cols), dtype=np.int32)
        shape = (len(first), len(self.terms))
        return sp.csr_matrix((data, cols, ptr - ptr[0]), shape=shape)

    @cached_property
    def counts(self) -> sp.csr_matrix:
        """Document-term counts: a row per text, a column per term of :attr:`vocabulary`."""
        X = self.counts_in(self.offsets[:-1])
        X.sum_duplicates()
        return X

    def text_of(self, offsets: ArrayLike) -> np.ndarray:
        """Index of the text holding each offset of :attr:`joined`."""
        import numpy as np

        return np.searchsorted(self.offsets, np.asarray(offsets), "right") - 1

    @cached_property
    def sentence_breaks(self) -> np.ndarray:
        """Offsets in :attr:`joined` where sentences end
        (:func:`~framing.text.segment.sentence_breaks`)."""
        return find_breaks(self.codes, self.low_codes, self.blanks)

    @cached_property
    def sentence_starts(self) -> np.ndarray:
        """Offsets in :attr:`joined` where a sentence begins, sorted: each text's start and
        each sentence break (blanks not trimmed, so every offset of a text lies in the
        sentence that begins at or before it).

        Examples
        --------
        >>> Docs(["One. Two three."]).sentence_starts.tolist()
        [0, 4]
        """
        import numpy as np

        return sorted_unique(np.r_[self.offsets[:-1], self.sentence_breaks])

    @cached_property
    def sentences(self) -> tuple[np.ndarray, np.ndarray]:
        """Start and end offsets in :attr:`joined` of every sentence
        (:func:`~framing.text.segment.sentences`)."""
        import numpy as np

        cuts = sorted_unique(np.r_[self.sentence_starts, len(self.joined)])
        return sentence_spans(cuts, self.blanks)

    @cached_property
    def n_sentences(self) -> np.ndarray:
        """Sentences per text."""
        import numpy as np

        return np.bincount(self.text_of(self.sentences[0]), minlength=len(self))

    @cached_property
    def lines(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The non-blank lines of :attr:`joined`: where each begins (after its line break),
        and its start and end without surrounding white space.

        Examples
        --------
        >>> begins, starts, ends = Docs(["  One.\\n\\nTwo ", "Three"]).lines
        >>> begins.tolist(), starts.tolist(), ends.tolist()
        ([0, 8, 13], [2, 8, 13], [6, 11, 18])
        """
        import numpy as np

        newlines = np.flatnonzero(self.low_codes == 10)
        begins = np.r_[0, newlines + 1]
        starts, ends = self.blanks.trim(begins, np.r_[newlines, len(self.joined)])
        keep = starts < ends
        return begins[keep], starts[keep], ends[keep]

    @cached_property
    def n_paragraphs(self) -> np.ndarray:
        """Non-blank lines per text (:func:`~framing.text.segment.paragraphs`)."""
        import numpy as np

        return np.bincount(self.text_of(self.lines[1]), minlength=len(self))

    @cached_property
    def n_tokens(self) -> np.ndarray:
        """Word tokens per text."""
        import numpy as np

        return np.diff(np.searchsorted(self.token_starts, self.offsets))

    @cached_property
    def token_texts(self) -> np.ndarray:
        """Index of the text holding each token."""
        import numpy as np

        return np.repeat(np.arange(len(self)), self.n_tokens)

    def per_text(self, weights: ArrayLike) -> np.ndarray:
        """Per text, the sum over its tokens of ``weights`` (one weight per vocabulary term).

        Examples
        --------
        >>> d = Docs(["war and war", "peace"])
        >>> d.per_text(d.term_mask(lambda t: t == "war")).tolist()
        [2.0, 0.0]
        """
        import numpy as np

        w = np.asarray(weights, dtype=float)[self.token_columns]
        return np.bincount(self.token_texts, weights=w, minlength=len(self))

    @cached_property
    def n_types(self) -> np.ndarray:
        """Distinct terms per text."""
        import numpy as np
        import pandas as pd

        width = max(len(self.terms), 1)
        # distinct (text, term) pairs by hashing: faster than sorting every token, and faster
        # on 32-bit keys when they fit (a third, for 3,000 AllSides bodies)
        key = np.dtype(np.int32 if len(self) * width < 2**31 else np.int64)
        pairs = self.token_texts.astype(key) * width  # in key's type: width fits it
        pairs += self.token_columns.astype(key)
        pairs = pd.unique(pairs)
        return np.bincount(pairs // width, minlength=len(self))

    def has_term(self, words: Iterable[str]) -> np.ndarray:
        """A boolean vector over the vocabulary: is the term one of ``words``?

        Examples
        --------
        >>> d = Docs(["war and peace"])
        >>> d.has_term({"war", "famine"})[d.token_columns].tolist()
        [True, False, False]
        """
        import numpy as np

        mask = np.zeros(len(self.vocabulary), dtype=bool)
        mask[[self.vocabulary[w] for w in words if w in self.vocabulary]] = True
        return mask

    def term_mask(self, predicate: Callable[[str], object]) -> np.ndarray:
        """A 0/1 vector over the vocabulary: ``predicate(term)`` for each term."""
        import numpy as np

        return np.fromiter((bool(predicate(t)) for t in self.terms), float, len(self.terms))

    def rate(self, counts: ArrayLike, per: float = 100.0) -> np.ndarray:
        """``counts`` per ``per`` tokens of each text (0 for empty texts)."""
        import numpy as np

        counts = np.asarray(counts, dtype=float).ravel()
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.where(self.n_tokens > 0, per * counts / self.n_tokens, 0.0)
        return out


def count_matrix(
    texts: Iterable[str], vocabulary: dict[str, int] | None = None
) -> tuple[sp.csr_matrix, dict[str, int]]:
    """Tokenise each text once into a sparse document-term count matrix.

    Parameters
    ----------
    texts : iterable of str
    vocabulary : dict, optional
        A fixed term -> column mapping; tokens outside it are ignored. Without it the
        vocabulary is grown from the texts.

    Returns
    -------
    counts : scipy.sparse.csr_matrix of shape (n_texts, n_terms)
    vocabulary : dict mapping term to column

    Examples
    --------
    >>> X, vocab = count_matrix(["war war peace", "peace"])
    >>> X.toarray().tolist(), sorted(vocab)
    ([[2, 1], [0, 1]], ['peace', 'war'])
    >>> count_matrix(["Putin's war", "no"], vocabulary={"putin": 0})[0].toarray().tolist()
    [[1], [0]]
    """
    docs = Docs(list(texts))
    if vocabulary is None:
        return docs.counts, docs.vocabulary
    import numpy as np
    import scipy.sparse as sp

    column = np.array([vocabulary.get(t, -1) for t in docs.terms], dtype=np.int64)
    X = docs.counts.tocoo()
    keep = column[X.col] >= 0
    X = sp.csr_matrix(
        (X.data[keep], (X.row[keep], column[X.col[keep]])), shape=(len(docs), len(vocabulary))
    )
    return X, dict(vocabulary)
