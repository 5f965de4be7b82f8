"""Sentences and paragraphs, found without any downloaded model.

:func:`find_breaks` finds where sentences end with numpy over the code points of a text (or
of a whole batch: :attr:`Docs.sentence_breaks <framing.text.docs.Docs.sentence_breaks>`);
:func:`sentence_breaks`, :func:`sentences` and :func:`paragraphs` give the offsets in one
text.

Examples
--------
>>> t = "Sen. Lee left. “No!” he said.\\nNext"
>>> [t[s:e] for s, e in sentences(t)]
['Sen. Lee left.', '“No!” he said.', 'Next']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.text.normalise import lower_folded, narrow
from framing.text.scan import Blanks, char_table, compact_code_points, sorted_unique

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

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
    as keys of one byte a character, as :func:`~framing.text.scan.token_keys` does."""
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


def find_breaks(codes: np.ndarray, low_codes: np.ndarray, blanks: Blanks) -> np.ndarray:
    """Offsets where sentences end (:func:`sentence_breaks`), vectorised over a whole text.

    Parameters
    ----------
    codes : numpy.ndarray
        Code points of the text (capitals are read from them).
    low_codes : numpy.ndarray
        Code points of the text lower-cased and folded, offsets kept
        (:func:`~framing.text.normalise.lower_folded`).
    blanks : Blanks
        The white space of ``low_codes``.

    Returns
    -------
    numpy.ndarray
        Ascending offsets: one after each sentence's final punctuation (and closing quotes
        or brackets), and each line break.

    Examples
    --------
    >>> from framing.text.scan import code_points
    >>> low = lower_folded("He left. Then?\\nNo.")
    >>> low_codes = code_points(low)
    >>> find_breaks(code_points("He left. Then?\\nNo."), low_codes, Blanks(low_codes)).tolist()
    [8, 14]
    """
    import numpy as np

    lc, n = low_codes, len(low_codes)
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
    c = codes[head]
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


def sentence_spans(cuts: np.ndarray, blanks: Blanks) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the sentences between consecutive ``cuts``.

    Each stretch from one cut to the next is trimmed of white space
    (:meth:`Blanks.trim <framing.text.scan.Blanks.trim>`); blank ones are left out.

    Parameters
    ----------
    cuts : numpy.ndarray
        Ascending, distinct offsets: the start of each text, the sentence breaks
        (:func:`find_breaks`) and the end.
    blanks : Blanks
        The white space of the text.

    Examples
    --------
    >>> import numpy as np
    >>> from framing.text.scan import code_points
    >>> t = "One. \\n  Two "
    >>> starts, ends = sentence_spans(np.array([0, 4, 5, len(t)]), Blanks(code_points(t)))
    >>> [t[s:e] for s, e in zip(starts.tolist(), ends.tolist())]
    ['One.', 'Two']
    """
    starts, ends = blanks.trim(cuts[:-1], cuts[1:])
    keep = starts < ends
    return starts[keep], ends[keep]


def _scanned(text: str) -> tuple[np.ndarray, np.ndarray, Blanks]:
    """What :func:`find_breaks` reads of ``text``, prepared as :class:`~framing.text.Docs`
    prepares a batch (an emoji as U+FFFD, offsets kept)."""
    narrowed = narrow(text)
    low_codes = compact_code_points(lower_folded(narrowed))
    return compact_code_points(narrowed), low_codes, Blanks(low_codes)


def sentence_breaks(text: str) -> list[int]:
    """Offsets where sentences end: after final punctuation, and at every line break.

    ``.``, ``!`` or ``?`` (with closing quotes or brackets) end a sentence when white space
    and a capital or digit (perhaps after an opening quote or bracket) follow, except a
    full stop after a known abbreviation (``Mr.``, ``U.S.``, ``Sen.``) or a single
    initial. Curly quotes and ``…`` count as their :func:`~framing.text.normalise.fold`
    forms. A batch of texts gets them at once from :attr:`Docs.sentence_breaks
    <framing.text.docs.Docs.sentence_breaks>`.

    Examples
    --------
    >>> sentence_breaks("Mr. Lee left. He said so.\\nNext")
    [13, 25]
    """
    return find_breaks(*_scanned(text)).tolist()


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets ``(start, end)``.

    A sentence ends where :func:`sentence_breaks` says; blank stretches are skipped and
    sentences carry no surrounding white space.

    Examples
    --------
    >>> t = 'Mr. Maltsev spoke. "War is a tragedy!" He left.\\nNext line'
    >>> [t[s:e] for s, e in sentences(t)]
    ['Mr. Maltsev spoke.', '"War is a tragedy!"', 'He left.', 'Next line']
    """
    import numpy as np

    codes, low_codes, blanks = _scanned(text)
    cuts = sorted_unique(np.r_[0, find_breaks(codes, low_codes, blanks), len(text)])
    starts, ends = sentence_spans(cuts, blanks)
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
