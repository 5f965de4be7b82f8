"""Scanning: word tokens, their offsets and keys, white space, and byte offsets.

The word pattern is :data:`WORD`; :func:`tokens` and :func:`token_spans` apply it to one
text. The batch engine (:class:`~framing.text.docs.Docs`) gets the same tokens with numpy
over code points instead: :func:`word_bounds` for their offsets and :func:`token_keys` for
a 64-bit key per token. :class:`Blanks` measures and trims stretches of a text by its runs
of white space, and :class:`Utf8` maps offsets found in UTF-8 bytes back to characters.

Examples
--------
>>> from framing.text.normalise import lower_folded
>>> text = "Putin’s war – a “tragedy”"
>>> tokens(text)
['putin', 'war', 'a', 'tragedy']
>>> starts, ends = word_bounds(code_points(lower_folded(text)))
>>> [text[s:e] for s, e in zip(starts.tolist(), ends.tolist())]
['Putin’s', 'war', 'a', 'tragedy']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, cached_property
from typing import TYPE_CHECKING

from framing.text.normalise import maybe_astral

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    from numpy.typing import ArrayLike

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


# --- code points ----------------------------------------------------------------------


@cache
def char_table(pattern: str) -> np.ndarray:
    """A boolean lookup over every code point: does the one-character ``pattern`` match it?

    Built once a process for each pattern (a scan over all 1,114,112 code points).

    Examples
    --------
    >>> table = char_table(r"\\w")
    >>> table[code_points("a1_ -")].tolist()
    [True, True, True, False, False]
    """
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


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def compact_code_points(text: str) -> np.ndarray:
    """:func:`code_points`, as ``uint16`` when ``text`` holds no character beyond U+FFFF.

    UTF-16 code units are faster to encode and take half the memory; after
    :func:`~framing.text.normalise.narrow` most texts hold no such character.

    Examples
    --------
    >>> compact_code_points("No!").dtype, compact_code_points("𝐀!").tolist()
    (dtype('uint16'), [119808, 33])
    """
    import numpy as np

    if maybe_astral(text) and _ASTRAL.search(text):
        return code_points(text)
    return np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)


def sorted_unique(x: np.ndarray) -> np.ndarray:
    """The distinct values of the integer array ``x``, ascending (``np.unique``, by sorting).

    Examples
    --------
    >>> import numpy as np
    >>> sorted_unique(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    import numpy as np

    # numpy 2's np.unique hashes, which is slower on these arrays than a sort
    x = np.sort(x)
    return x[np.r_[True, x[1:] != x[:-1]]] if len(x) else x


def by_prefix(terms: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """``terms`` cut to ``width`` characters and sorted, with each one's index in ``terms``:
    the terms that start with a prefix shorter than ``width`` are then a run found by binary
    search.

    Examples
    --------
    >>> import numpy as np
    >>> ordered, index = by_prefix(np.array(["riots", "and", "rioters"], dtype=object), 4)
    >>> ordered.tolist(), index.tolist()
    (['and', 'riot', 'riot'], [1, 0, 2])
    """
    import numpy as np

    cut = terms.astype(f"<U{width}")
    index = np.argsort(cut, kind="stable")
    return cut[index], index


# --- token offsets and keys -----------------------------------------------------------


def word_bounds(low_codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the :data:`WORD` tokens of a lower-cased, folded text.

    A token is a run of word characters with inner apostrophes (between word characters):
    exactly what ``WORD.findall`` returns on that text, in order. ``low_codes`` are the
    :func:`code_points` of a :func:`~framing.text.normalise.lower_folded` text.

    Examples
    --------
    >>> from framing.text.normalise import lower_folded
    >>> starts, ends = word_bounds(code_points(lower_folded("Putin’s 'war' - now")))
    >>> starts.tolist(), ends.tolist()
    ([0, 9, 16], [7, 12, 19])
    """
    import numpy as np

    padded = np.zeros(len(low_codes) + 2, dtype=np.int8)
    padded[1:-1] = np.take(char_table(r"\w"), low_codes)  # take: faster than indexing
    apostrophes = np.flatnonzero(low_codes == 39) + 1
    padded[apostrophes[(padded[apostrophes - 1] & padded[apostrophes + 1]).astype(bool)]] = 1
    edges = np.flatnonzero(np.diff(padded))
    return edges[::2], edges[1::2]


_PRIME = 0x100000001B3  # the 64-bit FNV prime: odd, so multiplying loses nothing


def column_of(h: np.ndarray, n: int, bits: int) -> np.ndarray:
    """The column, among ``2**bits``, of an n-gram whose 64-bit hash is ``h``: the top
    ``bits`` bits of ``h + n`` mixed (xor-shift, multiply; twice). Hashed features
    (:class:`~framing.measures.headline.hashing.NgramHasher`, the clutter line model) place
    their n-grams with it.

    Examples
    --------
    >>> import numpy as np
    >>> column_of(np.array([7, 7, 8], dtype=np.uint64), 1, 10).tolist()[0] < 2**10
    True
    """
    import numpy as np

    h = h + np.uint64(n)  # a copy: the steps below work in place
    h ^= h >> np.uint64(31)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(29)
    h *= np.uint64(0x9E3779B97F4A7C15)
    h >>= np.uint64(64 - bits)
    return h.astype(np.uint32)


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

    Parameters
    ----------
    codes : numpy.ndarray
        Code points of the text.
    starts, ends : numpy.ndarray
        Token offsets, as :func:`word_bounds` gives them.

    Returns
    -------
    numpy.ndarray of uint64

    Examples
    --------
    >>> codes = code_points("war and war, warfare and WAR-fighting cafés")
    >>> keys = token_keys(codes, *word_bounds(codes))
    >>> [int(k) for k in keys[:3]] == [int.from_bytes(w, "little") for w in (b"war", b"and", b"war")]
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


# --- white space and bytes ------------------------------------------------------------


class Blanks:
    """The runs of white space of a text, to trim and measure stretches of it without a scan.

    Parameters
    ----------
    low_codes : numpy.ndarray
        Code points of the text (folded, so odd spaces count as spaces).

    Attributes
    ----------
    at : numpy.ndarray
        Offsets of the white-space characters.
    starts, ends : numpy.ndarray
        Where each run of white space starts and ends.

    Examples
    --------
    >>> t = "  One.\\n\\n Two "
    >>> b = Blanks(code_points(t))
    >>> starts, ends = b.trim([0, 6, 7], [6, 7, len(t)])
    >>> starts.tolist(), ends.tolist(), b.visible([0], [len(t)]).tolist()
    ([2, 9, 9], [6, 6, 12], [7])
    """

    def __init__(self, low_codes: np.ndarray) -> None:
        import numpy as np

        # white space is at most U+0020 or beyond ASCII: only those characters are looked up
        maybe = np.flatnonzero((low_codes <= 32) | (low_codes >= 128))
        self.at = at = maybe[np.take(char_table(r"\s"), low_codes[maybe])]
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

    def trim(self, starts: ArrayLike, ends: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
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

    def visible(self, starts: ArrayLike, ends: ArrayLike) -> np.ndarray:
        """Characters that are not white space in each stretch ``[starts, ends)``."""
        import numpy as np

        starts, ends = np.asarray(starts, np.int64), np.asarray(ends, np.int64)
        if len(starts) and np.array_equal(starts[1:], ends[:-1]):  # one search for a partition
            blank = np.diff(np.searchsorted(self.at, np.r_[starts, ends[-1]]))
        else:
            blank = np.searchsorted(self.at, ends) - np.searchsorted(self.at, starts)
        return ends - starts - blank


class Utf8:
    """A text with its UTF-8 bytes, to scan the bytes and map what is found back to characters.

    Parameters
    ----------
    text : str
        The text (lone surrogates pass through).
    data : bytes, optional
        Its UTF-8 bytes, when already encoded.
    follow : numpy.ndarray, optional
        Offsets of its continuation bytes, when already known.

    Examples
    --------
    >>> u = Utf8("Café riot")
    >>> u.data[6:10], u.chars([6, 10]).tolist()
    (b'riot', [5, 9])
    >>> v = u.prefixed("\\n")
    >>> v.text[6:10], v.chars([7, 11]).tolist()
    ('riot', [6, 10])
    """

    def __init__(
        self, text: str, data: bytes | None = None, follow: np.ndarray | None = None
    ) -> None:
        self.text = text
        self.data = text.encode("utf-8", "surrogatepass") if data is None else data
        self.base: tuple[Utf8, int] | None = None  # set by prefixed: the text and the head's bytes
        if follow is not None:
            self.__dict__["_follow"] = follow

    @cached_property
    def codes(self) -> np.ndarray:
        """The code points of the text (:func:`compact_code_points`)."""
        return compact_code_points(self.text)

    @cached_property
    def _follow(self) -> np.ndarray:
        """Offsets of the continuation bytes (each makes byte and character offsets differ)."""
        import numpy as np

        if len(self.data) == len(self.text):
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero((np.frombuffer(self.data, np.uint8) & 0xC0) == 0x80)

    def chars(self, offsets: ArrayLike) -> np.ndarray:
        """Character offsets of the byte ``offsets`` (at character boundaries)."""
        import numpy as np

        offsets = np.asarray(offsets, dtype=np.int64)
        return offsets - np.searchsorted(self._follow, offsets) if len(self._follow) else offsets

    def prefixed(self, head: str) -> Utf8:
        """``Utf8(head + self.text)``, reusing what is known of this text."""
        import numpy as np

        first = Utf8(head)
        follow = np.r_[first._follow, self._follow + len(first.data)]
        out = Utf8(head + self.text, first.data + self.data, follow)
        out.base = self, len(first.data)
        return out
