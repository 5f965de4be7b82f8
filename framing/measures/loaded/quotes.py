"""Quotation marks and the pieces of a text: sentences cut at quotation edges and at spans
left out (clutter). Part of :mod:`framing.measures.loaded` (see there)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from framing.measures.lexicons import is_word
from framing.spans import Span
from framing.text import Docs, sorted_unique
from framing.text.scan import char_table

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

# --- quotation ------------------------------------------------------------------------

_SINGLE_QUOTE = re.compile(r"‘[^‘’\n]*(?:’\w[^‘’\n]*)*’(?!\w)")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (the marks included), in order.

    Double quotes pair within a paragraph (a line). A paragraph that opens a quote and
    does not close it is quoted to its end, the convention for quotes running over several
    paragraphs; and one whose first mark *closes* a quote (a closing curly mark, or a
    straight one after a letter or a sentence's punctuation and before a space, a
    punctuation mark or the end) is quoted from its start: the quote opened before it, in
    an earlier paragraph or, for a sentence cut out of an article, an earlier sentence.

    Examples
    --------
    >>> t = 'He said: “Stop.\\n“We must go on.”\\nThen ‘high alert’ and "ok".'
    >>> [t[s:e] for s, e in quote_spans(t)]
    ['“Stop.', '“We must go on.”', '‘high alert’', '"ok"']
    >>> t = 'Do it as it is supposed to be done.” The mayor left. He said "no" twice.'
    >>> [t[s:e] for s, e in quote_spans(t)]
    ['Do it as it is supposed to be done.”', '"no"']
    """
    return _quotes(Docs([text]))


_CLOSING = 0x201D  # right double quotation mark


def _closes(codes: np.ndarray, marks: np.ndarray) -> np.ndarray:
    """Whether each double quotation mark at ``marks`` (offsets into ``codes``) closes a
    quote: a right curly mark; or a straight mark after a letter or ``.,!?;:`` and
    before a space, ``.,;:!?)`` or the end (not ``12" wide``, not ``"word``)."""
    import numpy as np

    c = codes[marks]
    before = codes[np.maximum(marks - 1, 0)]
    after = np.where(marks + 1 < len(codes), codes[np.minimum(marks + 1, len(codes) - 1)], 32)
    # a letter: a word character, not a digit or "_" (tables the tokeniser has built)
    letter = char_table(r"\w")[before] & ~char_table(r"\d")[before] & (before != ord("_"))
    ends_clause = np.isin(before, [ord(x) for x in ".,!?;:"])
    opens_nothing = np.isin(after, [ord(x) for x in " \n\t.,;:!?)"])
    straight = (c == 34) & (marks > 0) & (letter | ends_clause) & opens_nothing
    return (c == _CLOSING) | straight


def _quotes(docs: Docs) -> list[tuple[int, int]]:
    """:func:`quote_spans` of the joined texts of ``docs`` (texts end at line breaks)."""
    import numpy as np

    lc = docs.low_codes
    marks = np.flatnonzero(lc == 34)  # every double quotation mark, once folded
    spans: list[tuple[int, int]] = []
    if len(marks):
        # pair the marks within each paragraph (line); an odd last one runs to the line
        # end; a first one that closes a quote closes one opened before the line
        breaks = np.flatnonzero(lc == 10)
        line = np.searchsorted(breaks, marks)
        first = np.r_[True, line[1:] != line[:-1]]
        line_start = np.r_[0, breaks + 1][line]
        closed_first = first & _closes(docs.codes, marks)
        group_start = np.maximum.accumulate(np.where(first, np.arange(len(marks)), 0))
        shift = closed_first[group_start].astype(int)
        opening = (np.arange(len(marks)) - group_start - shift) % 2 == 0
        nxt = np.r_[marks[1:], -1]
        same_line = np.r_[line[1:] == line[:-1], False]
        line_end = np.r_[breaks, len(lc)][line]
        starts, ends = marks[opening], np.where(same_line, nxt + 1, line_end)[opening]
        _, ends = docs.blanks.trim(starts, ends)  # a quote running to the line end
        # the quotes a line's first mark closes: from the line's first character on
        lead_start, lead_end = docs.blanks.trim(line_start[closed_first], marks[closed_first] + 1)
        starts, ends = np.r_[lead_start, starts], np.r_[lead_end, ends]
        order = np.argsort(starts, kind="stable")
        spans = list(zip(starts[order].tolist(), ends[order].tolist(), strict=True))
    return _single_quotes(docs.joined, spans)


def _single_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if "‘" in text:
        starts = [s for s, _ in spans]
        for m in _SINGLE_QUOTE.finditer(text):
            if m.start() and is_word(text[m.start() - 1]):
                continue
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or m.start() >= spans[i][1]:
                spans.append(m.span())
        spans.sort()
    return spans


def _inside(points: np.ndarray, spans: np.ndarray) -> np.ndarray:
    """Whether each offset lies in one of the sorted, disjoint ``spans`` (n x 2)."""
    import numpy as np

    if not len(spans):
        return np.zeros(len(points), dtype=bool)
    at = np.searchsorted(spans[:, 0], points, "right") - 1
    return (at >= 0) & (points < spans[np.maximum(at, 0), 1])


def cut_pieces(
    docs: Docs, skip: Sequence[Sequence[Any]] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cut the joined texts of ``docs`` into sentences, and those at quotation edges.

    ``skip`` holds, for each text, spans ``(start, end)`` (or :class:`Span`) to leave out
    of every measure (the clutter of a body): they are cut out as pieces of their own.
    Returns each piece's start in :attr:`Docs.joined` (a piece runs to the next start),
    whether it is quoted, and whether it is left out.
    """
    import numpy as np

    quotes = np.array(_quotes(docs), dtype=np.int64).reshape(-1, 2)
    skipped = [
        (base + sp[0], base + sp[1])
        for base, spans in zip(docs.offsets.tolist(), skip or (), strict=False)
        for sp in ((x.start, x.end) if isinstance(x, Span) else x for x in spans)
    ]
    left_out = np.array(skipped, dtype=np.int64).reshape(-1, 2)
    cuts = np.r_[docs.sentence_starts, quotes.ravel(), left_out.ravel()]
    starts = sorted_unique(cuts[cuts < len(docs.joined)])
    return starts, _inside(starts, quotes), _inside(starts, left_out)


def segments(text: str) -> list[tuple[int, int, bool]]:
    """Sentence pieces ``(start, end, quoted)``: sentences cut at quotation boundaries.

    Examples
    --------
    >>> t = 'Police came. "Go home," they said.'
    >>> [(t[s:e], q) for s, e, q in segments(t)]
    [('Police came.', False), ('"Go home,"', True), ('they said.', False)]
    """
    docs = Docs([text])
    starts, quoted, _ = cut_pieces(docs)
    s, e = docs.blanks.trim(starts, [*starts[1:], len(text)])
    keep = s < e
    return list(zip(s[keep].tolist(), e[keep].tolist(), quoted[keep].tolist(), strict=True))
