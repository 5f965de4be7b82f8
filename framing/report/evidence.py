"""Show the evidence behind the measures: every span that drove a feature, highlighted.

:func:`explain` runs every registered span source over an article and returns an
:class:`Explanation`, which renders as highlighted HTML in Jupyter (``_repr_html_``) and as
marked-up text in a terminal (``str``: ``[[bloody monster]]{pejorative}``).

Span sources are registered in :data:`SPAN_SOURCES` (name -> ``"module:function"``; the
function takes one text and returns a list of :class:`~framing.spans.Span`) and read the
texts named in :data:`SOURCE_TEXTS` (the body unless listed there). A source reading
``"article"`` takes the headline and the body and returns ``(field, span)`` pairs: the
loaded source does, so that its spans come from the very analyses the features use (the
body with its clutter left out, the headline on its own).

Evidence that did not count toward the outlet-voice measures (in clutter; quoted, counted
in ``*_quoted`` instead) is shown struck through and greyed, with the reason in its
marker (``{emotive,clutter}``) or its tooltip; negated polarity words, counted with the
opposite polarity, are marked ``negated``.
"""

from __future__ import annotations

import heapq
import html
import importlib
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from framing.errors import InputError
from framing.spans import Span

# source name -> "module:function" (text -> list[Span]); only sources that exist are listed
SPAN_SOURCES: dict[str, str] = {
    "clutter": "framing.measures.clutter:find_clutter",
    "loaded": "framing.features.loaded:article_spans",
    "headline": "framing.measures.headline:headline_spans",
}
# source name -> the texts it reads; a source not listed here reads the body only
SOURCE_TEXTS: dict[str, tuple[str, ...]] = {
    "loaded": ("article",),
    "headline": ("headline",),
}
FIELDS = ("headline", "body")

# light backgrounds that keep black text readable; kinds take them in sorted order
PALETTE = (
    "#ffd166",
    "#a0e7e5",
    "#ffadad",
    "#caffbf",
    "#bdb2ff",
    "#ffc6ff",
    "#fdffb6",
    "#9bf6ff",
    "#ffb4a2",
    "#d8e2dc",
    "#b5ead7",
    "#e2c2ff",
    "#f1c0e8",
    "#cfbaf0",
    "#90dbf4",
    "#fbf8cc",
    "#ffe5b4",
    "#c1f0c1",
    "#f4b6c2",
    "#b3d9ff",
    "#e6ccb3",
    "#d9f2e6",
    "#ffccf2",
    "#e0e0a0",
)
_ANSI = ("43", "46", "41", "42", "45", "44", "103", "106", "101", "102", "105", "104")


def kind_colours(kinds: Iterable[str]) -> dict[str, str]:
    """Kind -> background colour, given in sorted order of the distinct kinds.

    Examples
    --------
    >>> kind_colours(["media", "ad", "media"]) == {"ad": PALETTE[0], "media": PALETTE[1]}
    True
    """
    return {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(sorted(set(kinds)))}


@dataclass(frozen=True)
class Explanation:
    """An article and the spans that drove its measures.

    Attributes
    ----------
    headline, body : str
        The texts the span offsets refer to.
    found : list of tuple (field, source, Span)
        Each span with the text it lies in (``"headline"`` or ``"body"``) and the source
        that found it.
    """

    headline: str
    body: str
    found: list[tuple[str, str, Span]] = field(default_factory=list)

    @property
    def spans(self):
        """The spans as a DataFrame: field, source, kind, label, start, end, text.

        Examples
        --------
        >>> e = Explanation("", "a b", [("body", "demo", Span.at("a b", 2, 3, "x"))])
        >>> e.spans[["field", "kind", "text"]].values.tolist()
        [['body', 'x', 'b']]
        """
        import pandas as pd

        rows = [
            {
                "field": where,
                "source": source,
                "kind": s.kind,
                "label": s.label,
                "start": s.start,
                "end": s.end,
                "text": s.text,
            }
            for where, source, s in self.found
        ]
        columns = ["field", "source", "kind", "label", "start", "end", "text"]
        return pd.DataFrame(rows, columns=columns)

    def kinds(self) -> Counter:
        """How many spans of each kind."""
        return Counter(s.kind for _, _, s in self.found)

    def colours(self) -> dict[str, str]:
        """Kind -> background colour for the kinds present (see :func:`kind_colours`)."""
        return kind_colours(s.kind for _, _, s in self.found)

    # --- terminal -----------------------------------------------------------------------

    def to_text(self, *, color: bool = False) -> str:
        """Marked-up text: ``[[covered text]]{kind}``, or ANSI backgrounds if ``color``.

        Examples
        --------
        >>> text = "that bloody monster"
        >>> e = Explanation("", text, [("body", "demo", Span.at(text, 5, 19, "pejorative"))])
        >>> print(e.to_text())
        that [[bloody monster]]{pejorative}
        <BLANKLINE>
        evidence: 1 pejorative
        """
        codes = {k: _ANSI[i % len(_ANSI)] for i, k in enumerate(self.colours())}
        stack: list[str] = []

        def open_(s: Span) -> str:
            if color:
                stack.append(codes[_first(s.kind)])
                return f"\x1b[30;{stack[-1]}m"
            return "[["

        def closer(where: str) -> Callable[[Span], str]:
            def close(s: Span) -> str:
                if color:
                    stack.pop()
                    return "\x1b[0m" + (f"\x1b[30;{stack[-1]}m" if stack else "")
                note = ",".join(_notes(s, where))
                return f"]]{{{s.kind},{note}}}" if note else f"]]{{{s.kind}}}"

            return close

        parts = []
        for where in FIELDS:
            text = getattr(self, where)
            if text:
                parts.append(_markup(text, self._in(where), open_, closer(where), str))
        counts = self.kinds()
        legend = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        parts.append(f"evidence: {legend}" if counts else "evidence: none found")
        if self._flagged():
            parts.append(NOT_COUNTED)
        return "\n\n".join(parts)

    def __str__(self) -> str:
        return self.to_text()

    # --- HTML ---------------------------------------------------------------------------

    def to_html(self, *, max_chars: int | None = None, colours: Mapping[str, str] | None = None):
        """Highlighted HTML: one ``<mark>`` per span, coloured by kind, with a legend.

        Every piece of text is escaped; overlapping spans are nested (a span crossing
        another is split at the crossing), so the markup is always well formed.

        Parameters
        ----------
        max_chars : int, optional
            Show about this many characters of the body, the paragraphs richest in
            evidence first (see :func:`excerpt`), and say how much was left out.
        colours : mapping, optional
            Kind -> colour, to keep colours the same across several explanations.

        Examples
        --------
        >>> text = "No <b>war</b>"
        >>> e = Explanation("", text, [("body", "demo", Span.at(text, 3, 13, "tag"))])
        >>> "&lt;b&gt;war&lt;/b&gt;</mark>" in e.to_html()
        True
        """
        colours = {**self.colours(), **(colours or {})}

        def opener(where: str) -> Callable[[Span], str]:
            def open_(s: Span) -> str:
                title = f"{s.kind}: {s.label}" if s.label else s.kind
                notes = _notes(s, where)
                style, extra = "", ""
                if notes and notes[0] != "negated":
                    style = ";opacity:0.55;text-decoration:line-through;outline:1px dashed #777"
                    title += f" (not counted: {notes[0]})"
                    extra = f' data-counted="no" data-why="{notes[0]}"'
                elif notes:
                    style = ";text-decoration:underline dotted"
                    title += " (negated: counted with flipped polarity)"
                return (
                    f'<mark style="background:{colours[_first(s.kind)]};padding:0 1px;'
                    f'border-radius:2px{style}" title="{html.escape(title)}" '
                    f'data-kind="{html.escape(s.kind)}"{extra}>'
                )

            return open_

        body, body_spans, note = self.body, self._in("body"), ""
        if max_chars is not None and len(body) > max_chars:
            body, body_spans, left_out, hidden = excerpt(body, body_spans, max_chars)
            more = f", holding {hidden} highlighted span(s)" if hidden else ""
            note = (
                f'<p style="color:#555;font-style:italic">{left_out:,} characters not shown'
                f"{more}; […] marks where.</p>"
            )
        parts = ['<div class="framing-explain" style="line-height:1.5">']
        if self.headline:
            marked = _markup(
                self.headline, self._in("headline"), opener("headline"), _close, html.escape
            )
            parts.append(f'<p style="font-weight:bold;font-size:1.1em">{marked}</p>')
        if body:
            marked = _markup(body, body_spans, opener("body"), _close, html.escape)
            parts.append(f'<div style="white-space:pre-wrap">{marked}</div>')
        parts.append(note)
        parts.append(self._legend_html(colours))
        if self._flagged():
            parts.append(
                '<p style="font-size:0.85em;color:#555"><span style="opacity:0.55;'
                'text-decoration:line-through;outline:1px dashed #777">struck, greyed</span> '
                f"{html.escape(NOT_COUNTED)}</p>"
            )
        parts.append("</div>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        return self.to_html()

    def _legend_html(self, colours: Mapping[str, str]) -> str:
        counts = self.kinds()
        if not counts:
            return '<p style="color:#555">No evidence spans found.</p>'
        items = "".join(
            f'<span style="background:{colours[k]};padding:1px 6px;margin-right:6px;'
            f'border-radius:2px">{html.escape(k)} ({n})</span>'
            for k, n in sorted(counts.items())
        )
        return f'<p style="font-size:0.9em">{items}</p>'

    def _in(self, where: str) -> list[Span]:
        return [s for w, _, s in self.found if w == where]

    def _flagged(self) -> bool:
        """Whether some span did not count, or counted negated."""
        return any(_notes(s, w) for w, _, s in self.found)


NOT_COUNTED = (
    "not counted: in clutter / quoted (counted in *_quoted) / "
    "negated (counted with flipped polarity)"
)


def _notes(s: Span, where: str) -> list[str]:
    """Why ``s`` (found in ``where``) did not count (``clutter``, ``quoted``), or that it
    counted negated; empty for evidence that counted as shown."""
    from framing.measures.loaded.evidence import flags, not_counted

    if not s.label:
        return []
    why = not_counted(s, quoted_counts=where == "headline")  # headline measures: both voices
    return ([why] if why else []) + (["negated"] if "negated" in flags(s) else [])


def _close(s: Span) -> str:
    return "</mark>"


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
    kept, room = [], max_chars
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


def _first(kind: str) -> str:
    return kind.split(", ")[0]


def _markup(
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


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _split(text_or_row: Any, headline: str | None) -> tuple[str, str]:
    if isinstance(text_or_row, str):
        if headline is not None:
            return headline, text_or_row
        first, newline, rest = text_or_row.rstrip().partition("\n")
        return (first.strip(), rest.strip("\n")) if newline else ("", text_or_row)
    if hasattr(text_or_row, "columns"):
        raise InputError("explain takes one article: pass a row, e.g. df.iloc[0], not a DataFrame")
    if isinstance(text_or_row, Mapping) or hasattr(text_or_row, "keys"):
        get = text_or_row.get
        if get("headline") is None and get("body") is None:
            raise InputError(
                "explain needs a text or a row with 'headline' and/or 'body'; "
                f"found {list(map(str, text_or_row.keys()))}"
            )
        head = headline if headline is not None else _text(get("headline"))
        return head, _text(get("body"))
    raise InputError(
        f"explain takes a str or a row (Series/dict) with headline/body, not {type(text_or_row).__name__}"
    )


def _source(name: str) -> Callable[[str], list[Span]]:
    if name not in SPAN_SOURCES:
        known = ", ".join(SPAN_SOURCES) or "none registered"
        raise InputError(f"unknown span source {name!r}; known: {known}")
    module, func = SPAN_SOURCES[name].split(":")
    return getattr(importlib.import_module(module), func)


def explain(
    text_or_row: Any, *, headline: str | None = None, sources: Iterable[str] | None = None
) -> Explanation:
    """Every span that drove a measure in one article.

    Parameters
    ----------
    text_or_row : str, pandas.Series or dict
        A row with ``headline`` and/or ``body``, or a text. For a text and
        ``headline=None``, a text of several lines is read the way
        :func:`framing.load_example` stores articles: the first line is the headline and
        the rest the body; a single line is all body. Pass ``headline=""`` to read the whole
        text as body.
    headline : str, optional
        The headline, overriding the one in the row or text.
    sources : list of str, optional
        Names in :data:`SPAN_SOURCES` to run (default: all).

    Returns
    -------
    Explanation
        ``.spans`` (a DataFrame), ``str()`` for a terminal, ``_repr_html_`` for Jupyter.

    Examples
    --------
    >>> e = explain("Is Putin losing his grip?\\n\\nThousands took to the streets.")
    >>> e.headline, e.body
    ('Is Putin losing his grip?', 'Thousands took to the streets.')
    >>> explain({"headline": "Hi", "body": None}).body
    ''
    """
    head, body = _split(text_or_row, headline)
    names = list(SPAN_SOURCES) if sources is None else list(sources)
    found = []
    for name in names:
        find = _source(name)
        for where in SOURCE_TEXTS.get(name, ("body",)):
            if where == "article":  # the source reads the whole article: (field, span) pairs
                found.extend((w, name, s) for w, s in find(head, body))
                continue
            text = head if where == "headline" else body
            if text:
                found.extend((where, name, s) for s in find(text))
    found.sort(key=lambda f: (FIELDS.index(f[0]), f[2].start, -f[2].end, f[1], f[2].kind))
    return Explanation(head, body, found)
