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

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

# --- quotation ------------------------------------------------------------------------

_SINGLE_QUOTE = re.compile(r"‘[^‘’\n]*(?:’\w[^‘’\n]*)*’(?!\w)")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (the marks included), in order.

    Examples
    --------
    >>> t = 'He said: “Stop.\\n“We must go on.”\\nThen ‘high alert’ and "ok".'
    >>> [t[s:e] for s, e in quote_spans(t)]
    ['“Stop.', '“We must go on.”', '‘high alert’', '"ok"']
    """
    return _quotes(Docs([text]))


def _quotes(docs: Docs) -> list[tuple[int, int]]:
    """:func:`quote_spans` of the joined texts of ``docs`` (texts end at line breaks)."""
    import numpy as np

    lc = docs.low_codes
    marks = np.flatnonzero(lc == 34)  # every double quotation mark, once folded
    spans: list[tuple[int, int]] = []
    if len(marks):
        # pair the marks within each paragraph (line); an odd last one runs to the line end
        breaks = np.flatnonzero(lc == 10)
        line = np.searchsorted(breaks, marks)
        first = np.r_[True, line[1:] != line[:-1]]
        group_start = np.maximum.accumulate(np.where(first, np.arange(len(marks)), 0))
        opening = (np.arange(len(marks)) - group_start) % 2 == 0
        nxt = np.r_[marks[1:], -1]
        same_line = np.r_[line[1:] == line[:-1], False]
        line_end = np.r_[breaks, len(lc)][line]
        starts, ends = marks[opening], np.where(same_line, nxt + 1, line_end)[opening]
        _, ends = docs.blanks.trim(starts, ends)  # a quote running to the line end
        spans = list(zip(starts.tolist(), ends.tolist(), strict=True))
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
    cuts = np.r_[docs.offsets[:-1], docs.sentence_breaks, quotes.ravel(), left_out.ravel()]
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
