"""Text engine: normalisation, one-pass tokenising, sentences and the shared count matrix.

Everything here is built so that a corpus is tokenised once per run:

* :func:`fold` maps typographic variants (curly quotes, dashes, odd spaces) to plain ASCII
  *one character for one character*, so offsets into folded text are offsets into the
  original.
* :func:`tidy` is the length-changing clean-up applied once when a corpus is loaded
  (HTML entities, stray tags, Windows line endings, zero-width characters).
* :class:`Docs` holds a batch of texts and lazily builds one sparse document-term count
  matrix that every feature family reuses (lexicons are scored as one matrix product).

Examples
--------
>>> from framing.text import Docs, tokens, sentences
>>> tokens("Putin’s war – a “tragedy”")
['putin', 'war', 'a', 'tragedy']
>>> d = Docs(["No to war!", "War is a tragedy for all of us."])
>>> d.n_tokens.tolist()
[3, 8]
>>> int(d.counts[:, d.vocabulary["war"]].sum())
2
"""

from __future__ import annotations

import html
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import scipy.sparse as sp

# --- normalisation --------------------------------------------------------------------

_FOLD_PAIRS = {
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "′": "'",
    "`": "'",
    "´": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "«": '"',
    "»": '"',
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "…": ".",
}


def fold(text: str) -> str:
    """Map curly quotes, dashes and odd spaces to ASCII, keeping every offset.

    Examples
    --------
    >>> fold("“No to war!” – he said")
    '"No to war!" - he said'
    """
    # a substring test and replace per pair beats str.translate (a Python-level lookup per
    # character of non-ASCII text) and a regex over the whole text several times over
    for char, plain in _FOLD_PAIRS.items():
        if char in text:
            text = text.replace(char, plain)
    return text


_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_SCRIPT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.S | re.I)
_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|blockquote|section|article)\b[^>]*>", re.I)
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
_SPACES = re.compile(" {2,}")
_TABS = str.maketrans("\t\f\v", "   ")
_MANY_NEWLINES = re.compile(r"\n\s*\n\s*\n+")


def tidy(text: str | None) -> str:
    """Clean raw article text once, at load time (changes offsets).

    Unescapes HTML entities, drops scripts and tags (block tags become line breaks),
    turns Windows and old-Mac line endings into ``\\n``, removes zero-width characters,
    collapses runs of spaces and of blank lines, and strips the ends.

    Examples
    --------
    >>> tidy("Tom &amp; Jerry<br>  ran\\r\\n\\r\\n\\r\\n\\r\\naway ")
    'Tom & Jerry\\nran\\n\\naway'
    >>> tidy(None)
    ''
    """
    if not text:
        return ""
    if "<" in text:
        text = _SCRIPT.sub(" ", text)
        text = _BLOCK.sub("\n", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(c in text for c in _ZERO_WIDTH_CHARS):  # cheaper than the regex scan
        text = _ZERO_WIDTH.sub("", text)
    if "\t" in text or "\f" in text or "\v" in text:
        text = text.translate(_TABS)
    if "  " in text:  # a literal-prefix search: cheap when there is nothing to do
        text = _SPACES.sub(" ", text)
    text = text.replace(" \n", "\n").replace("\n ", "\n")
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


# --- tokens ---------------------------------------------------------------------------

WORD = re.compile(r"\w+(?:['’]\w+)*")
"""A word: letters and digits with inner apostrophes (``don't``, ``Putin’s``)."""


def term(token: str) -> str:
    """The vocabulary form of a lower-cased token: straight apostrophe, no possessive ``'s``.

    Examples
    --------
    >>> term("putin’s"), term("don't"), term("'s")
    ('putin', "don't", "'s")
    """
    token = token.replace("’", "'")
    return token[:-2] if token.endswith("'s") and len(token) > 2 else token


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, possessive ``'s`` removed.

    Examples
    --------
    >>> tokens("Trump's U.S. policy doesn't work")
    ['trump', 'u', 's', 'policy', "doesn't", 'work']
    """
    return [term(t) for t in WORD.findall(text.lower())]


def token_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character offsets ``(start, end)`` of every word token in ``text``.

    Examples
    --------
    >>> list(token_spans("No to war!"))
    [(0, 2), (3, 5), (6, 9)]
    """
    for m in WORD.finditer(text):
        yield m.span()


# --- sentences ------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr gov sen rep gen col lt sgt capt cmdr adm maj rev hon pres
    supt det insp vs etc inc ltd co corp dept univ no nos vol fig ft mt jan feb mar apr jun
    jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m d.c""".split()
)
# The patterns run on the original text: each class also holds every character that
# :func:`fold` maps into it, so the result equals that of the folded text without folding.
_QUOTES = "".join(c for c, f in _FOLD_PAIRS.items() if f in "'\"")
# (the leading lookahead lets the regex engine skip ahead to candidate characters: 2x)
_BOUNDARY = re.compile(
    rf"""(?=[.!?…\n])(?:[.!?…]+['"){re.escape(_QUOTES)}\]]*(?=\s+['"({re.escape(_QUOTES)}\[]?[A-Z0-9])|\n+)"""
)
_LAST_WORD = re.compile(r"([\w.…]+)[.…]$")
_SPACE_RUN = re.compile(r"\s*")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets ``(start, end)`` found without any downloaded model.

    A sentence ends at ``.``, ``!`` or ``?`` (with closing quotes or brackets) before a
    capital or digit, or at a line break. Known abbreviations (``Mr.``, ``U.S.``,
    ``Sen.``) and single initials do not end a sentence. Blank stretches are skipped.
    Curly quotes, dashes, odd spaces and ``…`` count as their :func:`fold` forms.

    Examples
    --------
    >>> t = 'Mr. Maltsev spoke. "War is a tragedy!" He left.\\nNext line'
    >>> [t[s:e] for s, e in sentences(t)]
    ['Mr. Maltsev spoke.', '"War is a tragedy!"', 'He left.', 'Next line']
    """
    out = []
    start = 0
    skip = _SPACE_RUN.match
    for m in _BOUNDARY.finditer(text):
        first = text[m.start()]
        if first == "\n":
            end = m.start()
        else:
            end = m.end()
            if first in ".…":
                last = _LAST_WORD.search(text, max(start, m.start() - 20), m.start() + 1)
                if last:
                    word = last.group(1)
                    if len(word) == 1 or word.replace("…", ".").lower() in _ABBREVIATIONS:
                        continue
        s = skip(text, start, end).end()
        e = end
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        start = m.end()
    s = skip(text, start).end()
    e = len(text)
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of ``text`` (scraped bodies put one paragraph a line).

    Examples
    --------
    >>> t = "First.\\n\\n  Second line \\n"
    >>> [t[s:e] for s, e in paragraphs(t)]
    ['First.', 'Second line']
    """
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# --- the shared document-term matrix --------------------------------------------------


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
    import numpy as np
    import scipy.sparse as sp

    # token type -> provisional id; a missing type gets the next id without a Python loop
    local: defaultdict[str, int] = defaultdict()
    local.default_factory = local.__len__
    lookup = local.__getitem__
    findall = WORD.findall
    indices = array("l")
    indptr = array("l", [0])
    for text in texts:
        if text:
            indices.extend(map(lookup, findall(text.lower())))
        indptr.append(len(indices))
    # map the raw token types onto output columns: possessive 's folds into its stem,
    # and with a fixed vocabulary unknown types are dropped
    vocab: dict[str, int] = dict(vocabulary) if vocabulary is not None else {}
    column = np.full(len(local) + 1, -1, dtype=np.int_)
    for token, i in local.items():
        form = term(token)
        j = vocab.get(form)
        if j is None and vocabulary is None:
            j = vocab[form] = len(vocab)
        if j is not None:
            column[i] = j
    ind = column[np.frombuffer(indices, dtype=np.int_)] if len(indices) else column[:0]
    ptr = np.frombuffer(indptr, dtype=np.int_)
    keep = ind >= 0
    if not keep.all():  # drop unknown types and recount each row's extent
        rows = np.repeat(np.arange(len(ptr) - 1), np.diff(ptr))[keep]
        ptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=len(ptr) - 1))])
        ind = ind[keep]
    X = sp.csr_matrix(
        (np.ones(len(ind), dtype=np.int32), ind, ptr), shape=(len(ptr) - 1, len(vocab))
    )
    X.sum_duplicates()
    return X, vocab


class Docs:
    """A batch of texts, analysed once and shared by every feature family.

    Parameters
    ----------
    texts : sequence of str
        ``None`` and NaN are treated as empty text.

    Attributes
    ----------
    texts : list of str
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
    """

    def __init__(self, texts: Sequence[str | None]):
        self.texts = [t if isinstance(t, str) else "" for t in texts]

    def __len__(self) -> int:
        return len(self.texts)

    @cached_property
    def _matrix(self) -> tuple[sp.csr_matrix, dict[str, int]]:
        return count_matrix(self.texts)

    @property
    def counts(self) -> sp.csr_matrix:
        return self._matrix[0]

    @property
    def vocabulary(self) -> dict[str, int]:
        return self._matrix[1]

    @cached_property
    def terms(self) -> np.ndarray:
        import numpy as np

        out = np.empty(len(self.vocabulary), dtype=object)
        for term, i in self.vocabulary.items():
            out[i] = term
        return out

    @cached_property
    def n_tokens(self) -> np.ndarray:
        import numpy as np

        return np.asarray(self.counts.sum(axis=1), dtype=np.int64).ravel()

    @cached_property
    def folded(self) -> list[str]:
        """The texts passed through :func:`fold` (same offsets)."""
        return [fold(t) for t in self.texts]

    def term_mask(self, predicate) -> np.ndarray:
        """A 0/1 vector over the vocabulary: ``predicate(term)`` for each term."""
        import numpy as np

        return np.fromiter((bool(predicate(t)) for t in self.terms), float, len(self.terms))

    def rate(self, counts, per: float = 100.0) -> np.ndarray:
        """``counts`` per ``per`` tokens of each text (0 for empty texts)."""
        import numpy as np

        counts = np.asarray(counts, dtype=float).ravel()
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.where(self.n_tokens > 0, per * counts / self.n_tokens, 0.0)
        return out
