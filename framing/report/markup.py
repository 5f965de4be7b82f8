"""Spans into markup: nesting, merging, excerpts, and text with each span wrapped.

The pieces :class:`framing.report.evidence.Explanation` renders with, for HTML and the
terminal alike; every piece of text between the marks goes through the caller's ``escape``.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable

from framing.spans import Span


def excerpt(text: str, spans: list[Span], max_chars: int) -> tuple[str, list[Span], int, int]:
    """The paragraphs of ``text`` that hold the most evidence, within about ``max_chars``.

    The first paragraph is always kept (it says what the article is about), then the
    paragraphs densest in spans, then the next ones in order; a paragraph longer than the
    room left is cut to the stretch around its first span. Left-out stretches become
    ``[…]``. Spans are clipped and shifted to the excerpt.

    Returns
    -------
    tuple
        The excerpt, its spans, the characters left out, and the spans left out entirely.

    Examples
    --------
    >>> t = "Intro.\\nFiller text.\\nA bloody monster."
    >>> short, spans, left_out, hidden = excerpt(t, [Span.at(t, 22, 36, "pej")], 30)
    >>> short, [s.text for s in spans], left_out, hidden
    ('Intro.\\n[…]\\nA bloody monster.', ['bloody monster'], 14, 0)
    """
    from framing.text import paragraphs

    paras = paragraphs(text) or [(0, len(text))]
    hits = [sum(1 for sp in spans if sp.start < e and sp.end > s) for s, e in paras]
    density = [h / (e - s + 50) for h, (s, e) in zip(hits, paras, strict=True)]
    order = [0] + sorted(range(1, len(paras)), key=lambda i: (-density[i], i))
    kept: list[tuple[int, int]] = []
    room = max_chars
    for i in order:
        s, e = paras[i]
        if kept and (room < min(80, max_chars // 3) or (hits[i] == 0 and e - s > room)):
            break
        if e - s > room:  # the stretch of the paragraph around its first evidence
            first = min((sp.start for sp in spans if s <= sp.start < e), default=s)
            s = max(s, first - room // 3)
            s = s if s == paras[i][0] else text.find(" ", s, first) + 1 or first
            e = s + _cut(text[s:e], room)
        kept.append((s, e))
        room -= e - s
    kept.sort()
    pieces, shifted, pos = [], [], 0
    for k, (s, e) in enumerate(kept):
        before = text[kept[k - 1][1] if k else 0 : s]
        pieces.append(("\n" if k else "") + ("[…]\n" if before.strip() else ""))
        pos += len(pieces[-1])
        for sp in spans:
            a, b = max(sp.start, s), min(sp.end, e)
            if a < b:
                shifted.append(Span(a - s + pos, b - s + pos, sp.kind, text[a:b], sp.label))
        pieces.append(text[s:e])
        pos += e - s
    if text[kept[-1][1] :].strip():
        pieces.append("\n[…]")
    covered = sum(e - s for s, e in kept)
    hidden = sum(1 for sp in spans if not any(sp.start < e and sp.end > s for s, e in kept))
    return "".join(pieces), shifted, len(text) - covered, hidden


def _cut(text: str, limit: int) -> int:
    """An offset near ``limit`` at a paragraph, else sentence, else word end."""
    for mark in ("\n", ". ", " "):
        at = text.rfind(mark, limit // 2, limit)
        if at > 0:
            return at + (1 if mark != "\n" else 0)
    return limit


def nest(spans: Iterable[Span]) -> list[Span]:
    """Spans made properly nested: a span crossing the end of an enclosing one is split.

    Returned in opening order (by start, longest first), so they can be written as
    well-formed markup by a single left-to-right pass.

    Examples
    --------
    >>> t = "abcdef"
    >>> [(s.start, s.end) for s in nest([Span.at(t, 0, 4, "x"), Span.at(t, 2, 6, "y")])]
    [(0, 4), (2, 4), (4, 6)]
    """
    heap = [(s.start, -s.end, i, s) for i, s in enumerate(spans) if s.end > s.start]
    heapq.heapify(heap)
    seq = len(heap)
    out: list[Span] = []
    open_ends: list[int] = []
    while heap:
        start, neg_end, _, s = heapq.heappop(heap)
        end = -neg_end
        while open_ends and open_ends[-1] <= start:
            open_ends.pop()
        if open_ends and end > open_ends[-1]:
            limit = open_ends[-1]
            heapq.heappush(heap, (limit, -end, seq, s))  # the part after the crossing
            seq += 1
            end = limit
        out.append(Span(start, end, s.kind, s.text[start - s.start : end - s.start], s.label))
        open_ends.append(end)
    return out


def merge_same(spans: Iterable[Span]) -> list[Span]:
    """Spans covering the same text become one, whose kind lists theirs (``"a, b"``).

    Examples
    --------
    >>> t = "said"
    >>> merge_same([Span.at(t, 0, 4, "report"), Span.at(t, 0, 4, "assertive", "x")])
    [Span(start=0, end=4, kind='assertive, report', text='said', label='x')]
    """
    groups: dict[tuple[int, int], list[Span]] = {}
    for s in spans:
        groups.setdefault((s.start, s.end), []).append(s)
    out = []
    for same in groups.values():
        kinds = sorted({s.kind for s in same})
        labels = sorted({s.label for s in same if s.label})
        out.append(
            Span(same[0].start, same[0].end, ", ".join(kinds), same[0].text, "; ".join(labels))
        )
    return out


def first_kind(kind: str) -> str:
    """The first kind of a merged span's ``"a, b"`` kind (its colour)."""
    return kind.split(", ")[0]


def markup(
    text: str,
    spans: Iterable[Span],
    open_: Callable[[Span], str],
    close: Callable[[Span], str],
    escape: Callable[[str], str],
) -> str:
    """``text`` with each (nested) span wrapped in ``open_(span)`` ... ``close(span)``."""
    out: list[str] = []
    stack: list[Span] = []
    pos = 0

    def emit(upto: int) -> None:
        nonlocal pos
        if upto > pos:
            out.append(escape(text[pos:upto]))
            pos = upto

    for s in nest(merge_same(s for s in spans if 0 <= s.start < s.end <= len(text))):
        while stack and stack[-1].end <= s.start:
            emit(stack[-1].end)
            out.append(close(stack.pop()))
        emit(s.start)
        out.append(open_(s))
        stack.append(s)
    while stack:
        emit(stack[-1].end)
        out.append(close(stack.pop()))
    emit(len(text))
    return "".join(out)
