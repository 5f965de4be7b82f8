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

import html
import importlib
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from framing.errors import InputError
from framing.report.markup import excerpt, first_kind, markup
from framing.spans import Span
from framing.text.normalise import visible

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


# source name -> "module:function" (text -> list[Span]); only sources that exist are listed
SPAN_SOURCES: dict[str, str] = {
    "clutter": "framing.measures.clutter:find_clutter",
    "loaded": "framing.features.loaded:article_spans",
    "headline": "framing.measures.headline:headline_spans",
    "frames": "framing.features.frames:article_spans",
}
# source name -> the texts it reads; a source not listed here reads the body only
SOURCE_TEXTS: dict[str, tuple[str, ...]] = {
    "loaded": ("article",),
    "headline": ("headline",),
    "frames": ("article",),
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
    def spans(self) -> pd.DataFrame:
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
                stack.append(codes[first_kind(s.kind)])
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
                parts.append(markup(text, self._in(where), open_, closer(where), visible))
        counts = self.kinds()
        legend = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        parts.append(f"evidence: {legend}" if counts else "evidence: none found")
        if self._flagged():
            parts.append(NOT_COUNTED)
        return "\n\n".join(parts)

    def __str__(self) -> str:
        return self.to_text()

    # --- HTML ---------------------------------------------------------------------------

    def to_html(
        self, *, max_chars: int | None = None, colours: Mapping[str, str] | None = None
    ) -> str:
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
            return _opener(colours, where)

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
            marked = markup(
                self.headline, self._in("headline"), opener("headline"), _close, html.escape
            )
            parts.append(f'<p style="font-weight:bold;font-size:1.1em">{marked}</p>')
        if body:
            marked = markup(body, body_spans, opener("body"), _close, html.escape)
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

    def marked(self, field: str, colours: Mapping[str, str] | None = None) -> str:
        """The headline or body as escaped HTML with its spans marked, as in
        :meth:`to_html` but without a wrapper or legend (for a table cell).

        Examples
        --------
        >>> e = Explanation("Is <it> war?", "", [("headline", "demo", Span.at("Is <it> war?", 8, 11, "x"))])
        >>> e.marked("headline").endswith('war</mark>?') and "&lt;it&gt;" in e.marked("headline")
        True
        """
        colours = {**self.colours(), **(colours or {})}
        text = self.headline if field == "headline" else self.body
        return markup(text, self._in(field), _opener(colours, field), _close, html.escape)

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


def _opener(colours: Mapping[str, str], where: str) -> Callable[[Span], str]:
    """The ``<mark>`` that opens a span found in ``where``: coloured by kind, titled with
    its kind and label, struck when it did not count."""

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
            f'<mark style="background:{colours[first_kind(s.kind)]};padding:0 1px;'
            f'border-radius:2px{style}" title="{html.escape(title)}" '
            f'data-kind="{html.escape(s.kind)}"{extra}>'
        )

    return open_


def _close(s: Span) -> str:
    return "</mark>"


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


def _source(name: str) -> Callable[..., Any]:
    """The span source ``name``: text -> spans, or (headline, body) -> (field, span) pairs
    for a source that reads the whole article (``SOURCE_TEXTS[name] == ("article",)``)."""
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
    found: list[tuple[str, str, Span]] = []
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
