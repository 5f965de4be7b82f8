"""Text engine: normalisation, one-pass tokenising, sentences and the shared count matrix.

Everything here is built so that a corpus is tokenised once per run:

* :func:`fold` maps typographic variants (curly quotes, dashes, odd spaces) to plain ASCII
  *one character for one character*, so offsets into folded text are offsets into the
  original.
* :func:`tidy` is the length-changing clean-up applied once when a corpus is loaded
  (HTML entities, stray tags, Windows line endings, zero-width characters).
* :class:`Docs` holds a batch of texts joined into one string and scans it once, with
  numpy over its code points rather than a Python loop: token offsets
  (:func:`word_bounds`), a 64-bit key per token (:func:`token_keys`: a word of up to eight
  Latin-1 letters is its own key), one hash-table pass for the vocabulary, the runs of
  white space (:class:`Blanks`) and the sentence ends. Every partition of the batch (texts,
  sentences, the pieces of the loaded-language analysis) takes its counts from those same
  tokens, and lexicons are scored as one sparse product over them. On AllSides bodies this
  runs faster than a bare ``re.findall(r"\\w+")`` over the same texts
  (``benchmarks/tokens.py``), which builds a Python string per token.

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
import sys
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, cached_property
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


# --- character classes ----------------------------------------------------------------


@cache
def char_table(pattern: str) -> np.ndarray:
    """A boolean lookup over every code point: does the one-character ``pattern`` match it?"""
    import numpy as np

    table = np.zeros(0x110000, dtype=bool)
    every = "".join(map(chr, range(0x110000)))  # one scan of all characters, run by run
    for m in re.finditer(pattern + "+", every):
        table[m.start() : m.end()] = True
    return table


def code_points(text: str) -> np.ndarray:
    """The characters of ``text`` as a numpy array of code points (for vectorised scans).

    Examples
    --------
    >>> code_points("No!").tolist()
    [78, 111, 33]
    """
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _bmp_code_points(text: str) -> np.ndarray:
    """:func:`code_points`, as ``uint16`` (UTF-16 code units, faster to encode and half the
    memory) when ``text`` holds no character beyond U+FFFF (as :func:`_narrow` leaves most)."""
    import numpy as np

    if _four_bytes(text) and _ASTRAL.search(text):
        return code_points(text)
    return np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)


def lower_folded(text: str) -> str:
    """``text`` folded to ASCII quotes and dashes and lower-cased, offsets kept.

    Examples
    --------
    >>> lower_folded("“Far–Left” İ")
    '"far-left" i'
    """
    return _lower(fold(text))


def _lower(text: str) -> str:
    """``text.lower()`` with offsets kept (İ, which lower-cases to two characters, to i).

    Folded first, most texts are ASCII, which lower-cases several times faster."""
    low = text.lower()
    if len(low) != len(text):
        low = text.replace("\u0130", "I").lower()
    return low


def word_bounds(low_codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the :data:`WORD` tokens of a :func:`lower_folded` text.

    A token is a run of word characters with inner apostrophes (between word characters):
    exactly what ``WORD.findall`` returns on that text, in order. ``low_codes`` are its
    :func:`code_points`.

    Examples
    --------
    >>> starts, ends = word_bounds(code_points(lower_folded("Putin’s 'war' - now")))
    >>> starts.tolist(), ends.tolist()
    ([0, 9, 16], [7, 12, 19])
    """
    import numpy as np

    padded = np.zeros(len(low_codes) + 2, dtype=np.int8)
    padded[1:-1] = char_table(r"\w")[low_codes]
    apostrophes = np.flatnonzero(low_codes == 39) + 1
    padded[apostrophes[(padded[apostrophes - 1] & padded[apostrophes + 1]).astype(bool)]] = 1
    edges = np.flatnonzero(np.diff(padded))
    return edges[::2], edges[1::2]


_PRIME = 0x100000001B3  # the 64-bit FNV prime: odd, so multiplying loses nothing


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads every input bit over the 64 output bits."""
    import numpy as np

    h = h ^ (h >> np.uint64(30))
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def token_keys(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """A 64-bit key for each token ``codes[start:end]``: equal tokens, equal keys.

    Vectorised over all tokens at once. A token of at most eight characters, all in
    Latin-1 (nearly every English word), is its own key: its characters as eight bytes,
    read in one gather. Longer tokens add eight characters a step, and tokens with other
    characters one character a step, through a multiply-and-mix hash; two distinct words
    of real text sharing a key is as likely as a 64-bit hash collision (~3e-10 for 10**5
    distinct long words).

    Examples
    --------
    >>> codes = code_points("war and war, warfare and WAR-fighting cafés")
    >>> keys = token_keys(codes, *word_bounds(codes))
    >>> [int(k) for k in keys[:3]] == [int.from_bytes(b"war", "little"), int.from_bytes(b"and", "little"), int.from_bytes(b"war", "little")]
    True
    >>> len(set(keys.tolist()))
    6
    """
    import numpy as np

    lengths = ends - starts
    padded = np.zeros(len(codes) + 8, dtype=np.uint8)
    padded[: len(codes)] = codes.astype(
        np.uint8
    )  # Latin-1 as bytes; wider code points redone below
    eight = np.ndarray((len(codes) + 1,), dtype="<u8", buffer=padded, strides=(1,))
    masks = np.array([(1 << (8 * k)) - 1 for k in range(8)] + [2**64 - 1], dtype=np.uint64)
    keys = eight[starts] & masks[np.minimum(lengths, 8)]
    prime = np.uint64(_PRIME)
    longer = np.flatnonzero(lengths > 8)
    h = _mix(keys[longer])
    for offset in range(8, int(lengths.max(initial=0)), 8):  # eight more characters a step
        running = np.flatnonzero(lengths[longer] > offset)
        at = longer[running]
        chunk = eight[starts[at] + offset] & masks[np.minimum(lengths[at] - offset, 8)]
        h[running] = _mix(h[running] * prime + chunk)
    keys[longer] = h
    # tokens with a character beyond Latin-1: one code point a step
    wide = np.flatnonzero(codes > 255)
    token = np.searchsorted(starts, wide, "right") - 1
    inside = (token >= 0) & (wide < ends[np.maximum(token, 0)]) if len(starts) else wide < 0
    wide = sorted_unique(token[inside])
    h = np.zeros(len(wide), dtype=np.uint64)
    for step in range(int(lengths[wide].max(initial=0))):
        running = np.flatnonzero(lengths[wide] > step)
        h[running] = h[running] * prime + codes[starts[wide[running]] + step]
    keys[wide] = _mix(h ^ lengths[wide].astype(np.uint64))
    return keys


class Blanks:
    """The runs of white space of a text, to trim and measure stretches of it without a scan.

    Parameters
    ----------
    low_codes : numpy.ndarray
        Code points of the text (folded, so odd spaces count as spaces).

    Examples
    --------
    >>> t = "  One.\\n\\n Two "
    >>> b = Blanks(code_points(t))
    >>> starts, ends = b.trim([0, 6, 7], [6, 7, len(t)])
    >>> starts.tolist(), ends.tolist(), b.visible([0], [len(t)]).tolist()
    ([2, 9, 9], [6, 6, 12], [7])
    """

    def __init__(self, low_codes: np.ndarray):
        import numpy as np

        self.at = at = np.flatnonzero(char_table(r"\s")[low_codes])
        new = np.r_[True, at[1:] != at[:-1] + 1]
        last = np.r_[new[1:], True]
        self.starts, self.ends = at[new[: len(at)]], at[last[: len(at)]] + 1
        # the run of each character (-1 off white space): a lookup, not a search
        self._run = np.full(len(low_codes) + 1, -1, dtype=np.int32)
        self._run[at] = np.cumsum(new[: len(at)]) - 1

    def run_at(self, pos: np.ndarray) -> np.ndarray:
        """Index of the run holding each offset (-1 where the character is not blank, or
        the offset is the end of the text)."""
        return self._run[pos]

    def trim(self, starts, ends) -> tuple[np.ndarray, np.ndarray]:
        """The stretches ``[starts, ends)`` without surrounding white space (start >= end
        where a stretch is blank)."""
        import numpy as np

        starts, ends = np.asarray(starts, np.int64), np.asarray(ends, np.int64)
        s, e = starts.copy(), ends.copy()
        r = self.run_at(starts)
        s[r >= 0] = self.ends[r[r >= 0]]
        r = self.run_at(ends - 1)
        e[r >= 0] = self.starts[r[r >= 0]]
        return s, e

    def visible(self, starts, ends) -> np.ndarray:
        """Characters that are not white space in each stretch ``[starts, ends)``."""
        import numpy as np

        starts, ends = np.asarray(starts, np.int64), np.asarray(ends, np.int64)
        if len(starts) and np.array_equal(starts[1:], ends[:-1]):  # one search for a partition
            blank = np.diff(np.searchsorted(self.at, np.r_[starts, ends[-1]]))
        else:
            blank = np.searchsorted(self.at, ends) - np.searchsorted(self.at, starts)
        return ends - starts - blank


# --- sentences ------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr gov sen rep gen col lt sgt capt cmdr adm maj rev hon pres
    supt det insp vs etc inc ltd co corp dept univ no nos vol fig ft mt jan feb mar apr jun
    jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m d.c""".split()
)
# after lower_folded: curly quotes are ' and ", and … is .
_CLOSING = (39, 34, 41, 93)  # ' " ) ]
_OPENING = (39, 34, 40, 91)  # ' " ( [
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


def _abbreviation(codes: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Whether each word ``codes[start:start + length]`` (lengths at most
    :data:`_LONGEST_ABBREVIATION`) is an initial or one of :data:`_ABBREVIATIONS`, compared
    as keys of one byte a character, as :func:`token_keys` does."""
    import numpy as np

    keys = np.zeros(len(starts), dtype=np.uint64)
    wide = np.zeros(len(starts), dtype=bool)
    for k in range(_LONGEST_ABBREVIATION):
        inside = lengths > k
        c = codes[np.where(inside, starts + k, 0)].astype(np.uint64)
        wide |= inside & (c > 255)
        keys |= np.where(inside, c, 0) << np.uint64(8 * k)
    known = [int.from_bytes(a.encode("latin-1"), "little") for a in _ABBREVIATIONS]
    return (lengths == 1) | (np.isin(keys, np.array(known, dtype=np.uint64)) & ~wide)


def sentence_breaks(text: str) -> list[int]:
    """Offsets where sentences end: after final punctuation, and at every line break.

    ``.``, ``!`` or ``?`` (with closing quotes or brackets) end a sentence when white space
    and a capital or digit (perhaps after an opening quote or bracket) follow, except a
    full stop after a known abbreviation (``Mr.``, ``U.S.``, ``Sen.``) or a single
    initial. Curly quotes and ``…`` count as their :func:`fold` forms. A batch of texts
    gets them at once from :attr:`Docs.sentence_breaks`.

    Examples
    --------
    >>> sentence_breaks("Mr. Lee left. He said so.\\nNext")
    [13, 25]
    """
    return Docs([text]).sentence_breaks.tolist()


def _sentence_breaks(docs: Docs) -> np.ndarray:
    """:func:`sentence_breaks` over the joined texts of ``docs``, vectorised."""
    import numpy as np

    lc, blanks, n = docs.low_codes, docs.blanks, len(docs.low_codes)
    marks = np.flatnonzero((lc == 46) | (lc == 33) | (lc == 63))
    breaks = np.flatnonzero(lc == 10)
    if not len(marks):
        return breaks
    run = np.r_[True, marks[1:] != marks[:-1] + 1]
    first, after = marks[run], marks[np.r_[run[1:], True]] + 1
    while True:  # step over closing quotes and brackets
        more = after < n
        more[more] = np.isin(lc[after[more]], _CLOSING)
        if not more.any():
            break
        after[more] += 1
    ok = after < n
    ok[ok] = blanks.run_at(after[ok]) >= 0
    first, after = first[ok], after[ok]
    head = blanks.ends[blanks.run_at(after)]  # the first character after the white space
    ok = head < n
    first, after, head = first[ok], after[ok], head[ok]
    head += np.isin(lc[head], _OPENING)
    ok = head < n
    first, after, head = first[ok], after[ok], head[ok]
    c = docs.codes[head]
    ok = ((c >= 65) & (c <= 90)) | ((c >= 48) & (c <= 57))
    # a full stop after an initial or a known abbreviation: the [\w.] run before it
    stop = np.flatnonzero(ok & (lc[first] == 46))
    end = first[stop]
    wordish = char_table(r"[\w.]")
    length = np.zeros(len(end), dtype=np.int64)
    going = np.ones(len(end), dtype=bool)
    for k in range(1, _LONGEST_ABBREVIATION + 2):
        going &= end - k >= 0
        going[going] = wordish[lc[end[going] - k]]
        length += going
    short = np.flatnonzero((length >= 1) & (length <= _LONGEST_ABBREVIATION))
    ok[stop[short]] = ~_abbreviation(lc, end[short] - length[short], length[short])
    return sorted_unique(np.r_[breaks, after[ok]])


def sorted_unique(x: np.ndarray) -> np.ndarray:
    """``np.unique`` of integers by sorting (numpy 2's hash-based unique is far slower)."""
    import numpy as np

    x = np.sort(x)
    return x[np.r_[True, x[1:] != x[:-1]]] if len(x) else x


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets ``(start, end)`` found without any downloaded model.

    A sentence ends where :func:`sentence_breaks` says; blank stretches are skipped and
    sentences carry no surrounding white space.

    Examples
    --------
    >>> t = 'Mr. Maltsev spoke. "War is a tragedy!" He left.\\nNext line'
    >>> [t[s:e] for s, e in sentences(t)]
    ['Mr. Maltsev spoke.', '"War is a tragedy!"', 'He left.', 'Next line']
    """
    docs = Docs([text])
    starts, ends = docs.sentences
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


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


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_ASTRAL_SYMBOL = re.compile(r"(?!\w)[\U00010000-\U0010ffff]")


def _four_bytes(text: str) -> bool:
    """Whether ``text`` may hold a character beyond U+FFFF (CPython stores a string without
    one in one or two bytes a character, and its size shows it; elsewhere, maybe)."""
    return not text.isascii() and sys.getsizeof(text) >= 4 * len(text)


def _narrow(text: str) -> str:
    """``text`` with each symbol beyond the Basic Multilingual Plane (an emoji) as U+FFFD:
    offsets kept, and no word, space or punctuation changed (letters and digits out there,
    such as 𝐀, stay).

    Examples
    --------
    >>> _narrow("Putin 😀 out"), len(_narrow("😀")), _narrow("𝐀 bold")
    ('Putin \ufffd out', 1, '𝐀 bold')
    """
    return _ASTRAL_SYMBOL.sub("\ufffd", text) if _four_bytes(text) else text


class Utf8:
    """A text with its UTF-8 bytes, to scan the bytes and map what is found back to characters.

    Parameters
    ----------
    text : str
        The text (lone surrogates pass through).

    Examples
    --------
    >>> u = Utf8("Café riot")
    >>> u.data[6:10], u.chars([6, 10]).tolist()
    (b'riot', [5, 9])
    >>> v = u.prefixed("\\n")
    >>> v.text[6:10], v.chars([7, 11]).tolist()
    ('riot', [6, 10])
    """

    def __init__(self, text: str, data: bytes | None = None, follow: np.ndarray | None = None):
        self.text = text
        self.data = text.encode("utf-8", "surrogatepass") if data is None else data
        if follow is not None:
            self.__dict__["_follow"] = follow

    @cached_property
    def _follow(self) -> np.ndarray:
        """Offsets of the continuation bytes (each makes byte and character offsets differ)."""
        import numpy as np

        if len(self.data) == len(self.text):
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero((np.frombuffer(self.data, np.uint8) & 0xC0) == 0x80)

    def chars(self, offsets) -> np.ndarray:
        """Character offsets of the byte ``offsets`` (at character boundaries)."""
        import numpy as np

        offsets = np.asarray(offsets, dtype=np.int64)
        return offsets - np.searchsorted(self._follow, offsets) if len(self._follow) else offsets

    def prefixed(self, head: str) -> Utf8:
        """``Utf8(head + self.text)``, reusing what is known of this text."""
        import numpy as np

        first = Utf8(head)
        follow = np.r_[first._follow, self._follow + len(first.data)]
        return Utf8(head + self.text, first.data + self.data, follow)


class Docs:
    """A batch of texts, tokenised once and shared by every feature family.

    The texts are joined into one string (:attr:`joined`, a line break between texts)
    and every scan runs once over it: one ``findall`` for the tokens, numpy over the code
    points for their offsets. Any partition of the batch (texts, sentences, the pieces of
    an analysis) then gets its counts from the same tokens (:meth:`counts_in`).

    Parameters
    ----------
    texts : sequence of str
        ``None`` and NaN are treated as empty text.

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

    def __init__(self, texts: Sequence[str | None]):
        self.texts = [t if isinstance(t, str) else "" for t in texts]

    def __len__(self) -> int:
        return len(self.texts)

    @cached_property
    def _narrowed(self) -> list[str]:
        return list(map(_narrow, self.texts))

    @cached_property
    def joined(self) -> str:
        """The texts joined by line breaks; an emoji (beyond U+FFFF) stands as U+FFFD, so
        that one in a batch does not make the whole string four bytes a character
        (:func:`_narrow`)."""
        return "\n".join(self._narrowed)

    @cached_property
    def offsets(self) -> np.ndarray:
        """Start of each text in :attr:`joined`, then ``len(joined) + 1``."""
        import numpy as np

        return np.cumsum([0] + [len(t) + 1 for t in self.texts])

    @cached_property
    def codes(self) -> np.ndarray:
        """The code points of :attr:`joined` (``uint16`` unless it holds one beyond U+FFFF)."""
        return _bmp_code_points(self.joined)

    @cached_property
    def _folded(self) -> list[str]:
        return list(map(fold, self._narrowed))  # text by text: most stay one byte a character

    @cached_property
    def folded(self) -> str:
        """:attr:`joined` folded (:func:`fold`), offsets kept."""
        return "\n".join(self._folded)

    @cached_property
    def low(self) -> str:
        """:attr:`joined` folded and lower-cased (:func:`lower_folded`), offsets kept."""
        return "\n".join(map(_lower, self._folded))

    @cached_property
    def low_utf8(self) -> Utf8:
        """:attr:`low` as UTF-8, for byte scans (Aho-Corasick) shared by several families."""
        return Utf8(self.low)

    @cached_property
    def low_codes(self) -> np.ndarray:
        """The code points of :attr:`low` (``uint16``, as :attr:`codes`)."""
        return _bmp_code_points(self.low)

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

    def counts_in(self, starts: np.ndarray) -> sp.csr_matrix:
        """Term counts of the stretches of :attr:`joined` that begin at sorted ``starts``.

        Each stretch runs to the next start (the last to the end). Duplicate entries in a
        row are left unsummed: fine for products, not for counting distinct terms.
        """
        import numpy as np
        import scipy.sparse as sp

        ptr = np.r_[np.searchsorted(self.token_starts, starts), len(self.token_starts)]
        cols = self.token_columns[ptr[0] :]  # tokens before the first start are left out
        data = np.ones(len(cols), dtype=np.int32)
        shape = (len(starts), len(self.terms))
        return sp.csr_matrix((data, cols, ptr - ptr[0]), shape=shape)

    @cached_property
    def counts(self) -> sp.csr_matrix:
        X = self.counts_in(self.offsets[:-1])
        X.sum_duplicates()
        return X

    def text_of(self, offsets) -> np.ndarray:
        """Index of the text holding each offset of :attr:`joined`."""
        import numpy as np

        return np.searchsorted(self.offsets, np.asarray(offsets), "right") - 1

    @cached_property
    def sentence_breaks(self) -> np.ndarray:
        """Offsets in :attr:`joined` where sentences end (:func:`sentence_breaks`)."""
        return _sentence_breaks(self)

    @cached_property
    def sentences(self) -> tuple[np.ndarray, np.ndarray]:
        """Start and end offsets in :attr:`joined` of every sentence (:func:`sentences`)."""
        import numpy as np

        cuts = sorted_unique(np.r_[self.offsets[:-1], self.sentence_breaks, len(self.joined)])
        starts, ends = self.blanks.trim(cuts[:-1], cuts[1:])
        keep = starts < ends
        return starts[keep], ends[keep]

    @cached_property
    def n_sentences(self) -> np.ndarray:
        """Sentences per text."""
        import numpy as np

        return np.bincount(self.text_of(self.sentences[0]), minlength=len(self))

    @cached_property
    def n_paragraphs(self) -> np.ndarray:
        """Non-blank lines per text (:func:`paragraphs`)."""
        import numpy as np

        cuts = np.r_[0, np.flatnonzero(self.low_codes == 10), len(self.joined)]
        starts, ends = self.blanks.trim(cuts[:-1], cuts[1:])
        return np.bincount(self.text_of(starts[starts < ends]), minlength=len(self))

    @cached_property
    def n_tokens(self) -> np.ndarray:
        import numpy as np

        return np.diff(np.searchsorted(self.token_starts, self.offsets))

    @cached_property
    def token_texts(self) -> np.ndarray:
        """Index of the text holding each token."""
        import numpy as np

        return np.repeat(np.arange(len(self)), self.n_tokens)

    def per_text(self, weights: np.ndarray) -> np.ndarray:
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

        width = max(len(self.terms), 1)
        pairs = sorted_unique(self.token_texts * width + self.token_columns)
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
