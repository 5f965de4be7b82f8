"""Finding clutter without a corpus: cue lines, lead-ins, tags, phrases and line shapes.

:func:`scan_docs` does a batch of texts at once: each cue section of
:class:`~framing.measures.clutter.rules.Rules` scans the joined texts once, and only the
lines that may be clutter are looked at one by one. :func:`find_clutter` and
:func:`find_clutter_all` run it with the shipped rules.

Examples
--------
>>> text = "Police moved in.\\n\\nShare this article\\n\\nSign up for our newsletter"
>>> [(s.kind, s.text) for s in find_clutter(text)]
[('social', 'Share this article'), ('newsletter', 'Sign up for our newsletter')]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from framing.errors import InputError
from framing.measures.clutter.linemodel import model_spans
from framing.measures.clutter.rules import Rules, load_rules
from framing.spans import Span
from framing.text import BATCH, Docs, Utf8

_MAX_LEAD_REST = 160  # "READ MORE: <at most this many characters>"
_MAX_HEADLINE = 120  # a headline-like line is at most this long
_SENTENCE_END = frozenset(".!?;,:\"')-")  # after fold; a dash ends a transcript's cut-off
_SMALL_WORDS = frozenset("a an the of in on to for and or at by with as is from vs".split())

_Fragment = tuple[int, int, str, str]  # start, end, kind, label of a phrase inside a line


def _headline_like(line: str) -> bool:
    """Short, several words, no sentence-final punctuation, not starting lower case."""
    return (
        len(line) <= _MAX_HEADLINE
        and line[-1] not in _SENTENCE_END
        and line.count(" ") >= 2
        and not line[0].islower()
    )


def _title_case(line: str) -> bool:
    """Most words (beyond small ones) capitalised, as in a headline of another story."""
    # prices and scores mark product lists and results tables, not other stories' headlines
    # a comma marks "Name, Outlet" credits and list items more often than headlines
    if "$" in line or "," in line:
        return False
    words = [w for w in line.split() if w.lower() not in _SMALL_WORDS]
    if len(words) < 5 or sum(w[0].isupper() for w in words) < 0.8 * len(words):
        return False
    return sum(not w.isalpha() and any(c.isdigit() for c in w) for w in words) < 2


def _shape_kind(rules: Rules, line: str) -> tuple[str, str] | None:
    """Kind and label of a headline-like line between paragraphs, by its shape alone."""
    if rules.caps_lead.match(line):
        return "teaser", "shape:caps-lead"
    if rules.byline.fullmatch(line):
        return "meta", "shape:byline"
    if rules.titled.match(line):
        return "media", "shape:titled-line"
    if _title_case(line) or (line.isupper() and line.count(" ") >= 5):
        return "teaser", "shape:title-case-line"
    return None


def _whole_lines(
    rules: Rules, folded: str, low: Utf8
) -> tuple[dict[int, tuple[str, str]], list[tuple[int, int]]]:
    """Line start -> (kind, label) for lines that are clutter by a cue, lead-in or tag, and
    the stretches of ``folded`` the line cues matched.

    ``low`` holds ``"\\n"`` and ``folded`` lower-cased (:func:`~framing.text.lower_folded`):
    its offsets are one more than in ``folded``, so a match at a line's newline starts
    where the line starts in ``folded``.
    """
    found: dict[int, tuple[str, str]] = {}
    matched = []
    scan = low.text
    for m in rules.line.finditer(scan, low):
        found[m.start()] = rules.line.name(m)
        matched.append((m.start(), m.end() - 1))
    for m in rules.lead.finditer(scan, low):
        end = scan.find("\n", m.end())
        rest = (len(scan) if end < 0 else end) - m.end()
        if m.start() not in found and rest <= _MAX_LEAD_REST:
            label = "lead:" + folded[m.start() : m.end() - 1].strip()
            found[m.start()] = (rules.lead.name(m)[0], label)
    for m in rules.tag.finditer(folded):
        start = folded.rfind("\n", 0, m.start()) + 1
        if start in found or m.start() - start > _MAX_LEAD_REST:
            continue
        tag = m.group(1).strip()
        kind = rules.tag_kind.get(tag)
        # an unknown tag counts when it is one word ("[TIME]") after a headline-long line:
        # "[END PLAYBACK]" in a transcript, "archived recording [GUNSHOTS]" are editorial
        if kind or (" " not in tag and folded.count(" ", start, m.start()) >= 3):
            found[start] = (kind or "teaser", f"tag:[{tag}]")
    return found, matched


def scan_docs(docs: Docs, rules: Rules) -> list[list[Span]]:
    """:func:`find_clutter` of every text of ``docs``, by the cue patterns of ``rules``.

    Each cue section scans the joined texts once, and only lines that may be clutter are
    looked at one by one.

    Parameters
    ----------
    docs : Docs
        The texts.
    rules : Rules
        Compiled cue patterns (:func:`~framing.measures.clutter.rules.load_rules`).

    Returns
    -------
    list of list of Span
        One list per text, as :func:`find_clutter` gives it.

    Examples
    --------
    >>> found = scan_docs(Docs(["Kept.", "Advertisement"]), load_rules())
    >>> [[s.text for s in spans] for spans in found]
    [[], ['Advertisement']]
    """
    import numpy as np

    folded = docs.folded  # fold keeps offsets: positions are those of joined
    whole, matched = _whole_lines(rules, folded, docs.low_utf8.prefixed("\n"))
    fragments: list[_Fragment] = [
        (m.start(), m.end(), *rules.anywhere.name(m))
        for m in rules.anywhere.finditer(folded, docs.low_utf8)
        if m.end() > m.start()
    ]
    line_starts, starts, ends = docs.lines  # the non-blank lines, trimmed
    text = docs.text_of(line_starts)
    # a headline-like line between paragraphs: short, with a long line of its text beside it
    long = ends - starts > _MAX_HEADLINE
    same = text[1:] == text[:-1]
    beside = np.r_[False, same & long[:-1]] | np.r_[same & long[1:], False]
    last = docs.low_codes[ends - 1]  # folded: a curly quote is a quote
    shaped = ~long & beside & ~np.isin(last, [ord(c) for c in _SENTENCE_END])
    # a fragment belongs to the line its start is in (one before any line is dropped)
    line_of = np.searchsorted(starts, [f[0] for f in fragments], "right") - 1
    inside: dict[int, list[_Fragment]] = {}
    for f, i in zip(fragments, line_of.tolist(), strict=True):
        if i >= 0 and f[0] < ends[i]:
            inside.setdefault(i, []).append(f)
    keyed = np.isin(line_starts, np.fromiter(whole, dtype=np.int64, count=len(whole)))
    look = sorted({*np.flatnonzero(keyed | shaped).tolist(), *inside})

    texts, offsets = docs.texts, docs.offsets.tolist()
    # a match that ran on into the next text (through the newline joining them) is not
    # what that text alone gives: such texts are done again on their own
    redo = _crossing(offsets, [*matched, *((a, b) for a, b, *_ in fragments)])
    out: list[list[Span]] = [[] for _ in texts]
    for i in look:
        t, s, e = int(text[i]), int(starts[i]), int(ends[i])
        if t in redo:
            continue
        here = inside.get(i, [])
        found = whole.get(int(line_starts[i]))
        if found is None and here and _mostly_clutter(folded, s, e, here):
            biggest = max(here, key=lambda f: f[1] - f[0])
            found = biggest[2], biggest[3]
        if found is None and shaped[i] and _headline_like(folded[s:e]):
            found = _shape_kind(rules, folded[s:e])
        o = offsets[t]
        if found:
            out[t].append(Span.at(texts[t], s - o, e - o, *found))
        else:
            out[t].extend(Span.at(texts[t], a - o, b - o, k, lab) for a, b, k, lab in here)
    for t in redo:
        out[t] = scan_docs(Docs([texts[t]]), rules)[0]
    return out


def _crossing(offsets: list[int], spans: list[tuple[int, int]]) -> set[int]:
    """Texts (starting at ``offsets``, joined by newlines) that a span runs out of, and the
    texts it runs into."""
    out: set[int] = set()
    for start, end in spans:
        t = bisect_right(offsets, start) - 1
        if end > offsets[t + 1] - 1:
            out.update(range(t, bisect_right(offsets, end - 1)))
    return out


def _mostly_clutter(text: str, s: int, e: int, spans: list[_Fragment]) -> bool:
    """Whether clutter phrases ``(start, end, ...)`` make up most of the letters of the
    line ``text[s:e]``."""
    parts, pos = [], s
    for start, end, *_ in spans:
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:e])
    rest = sum(c.isalnum() for c in "".join(parts))
    return rest <= sum(end - start for start, end, *_ in spans)


def find_clutter(text: str | None) -> list[Span]:
    """Locate the promotional clutter in an article body, without any corpus.

    Parameters
    ----------
    text : str or None
        One article body; ``None`` counts as empty.

    Returns
    -------
    list of Span
        In text order, not overlapping; ``kind`` is one of
        :data:`~framing.measures.clutter.rules.KINDS`, ``label`` names the cue or shape
        that matched; ``text[span.start:span.end] == span.text``. Whole lines span the
        line without its surrounding whitespace; fragments span only the clutter inside an
        editorial line.

    Raises
    ------
    InputError
        When ``text`` is neither a str nor None.

    Examples
    --------
    >>> t = "Police detained 1,474 people. Advertisement\\nEU cracks down on Russia [VIDEO]"
    >>> [(s.kind, s.text, s.label) for s in find_clutter(t)]
    [('ad', 'Advertisement', 'anywhere:...'), ('teaser', 'EU cracks down on Russia [VIDEO]', 'tag:[VIDEO]')]
    """
    if text is None:
        return []
    if not isinstance(text, str):
        raise InputError(f"find_clutter takes a str, not {type(text).__name__}")
    return find_clutter_all([text])[0]


def find_clutter_all(texts: Sequence[str | None] | Docs) -> list[list[Span]]:
    """:func:`find_clutter` of each text, scanning a batch at once.

    Parameters
    ----------
    texts : sequence of str or None, or Docs
        Article bodies (``None`` counts as empty), read in batches of
        :data:`~framing.text.docs.BATCH`, or their :class:`~framing.text.Docs`, read whole.

    Returns
    -------
    list of list of Span
        One list per text, as :func:`find_clutter` gives it.

    Examples
    --------
    >>> found = find_clutter_all(["Kept.\\nAdvertisement", None, "Read more: Putin's war"])
    >>> [[(s.kind, s.text) for s in spans] for spans in found]
    [[('ad', 'Advertisement')], [], [('teaser', "Read more: Putin's war")]]
    """
    if not isinstance(texts, Docs):
        return [
            spans
            for i in range(0, len(texts), BATCH)
            for spans in find_clutter_all(Docs(texts[i : i + BATCH]))
        ]
    found = scan_docs(texts, load_rules())
    return [with_lines(a, b) for a, b in zip(found, model_spans(texts, found), strict=True)]


def with_lines(spans: list[Span], lines: list[Span]) -> list[Span]:
    """``spans`` with whole ``lines`` added, each replacing the fragments found inside it."""
    if not lines:
        return spans
    kept = [s for s in spans if not any(x.start <= s.start and s.end <= x.end for x in lines)]
    return sorted(kept + lines, key=lambda s: s.start)
