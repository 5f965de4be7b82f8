"""The evidence of :mod:`framing.loaded`: the spans of the words behind its measures."""

from __future__ import annotations

import re
from bisect import bisect_right

from framing.loaded_cues import _EXCLAIM, emphasis_spans
from framing.loaded_quotes import quote_spans
from framing.loaded_record import LOADED_KINDS, _columns, lexicon
from framing.spans import Span
from framing.text import WORD, term

# --- evidence -------------------------------------------------------------------------

_MERGE_GAP = re.compile(r"\s*(?:,|\band\b|\bor\b)?\s*", re.I)


def loaded_spans(text: str) -> list[Span]:
    """Every word or phrase that drove a loaded, voice or sourcing measure in ``text``.

    Kinds: ``pejorative``, ``emotive``, ``conflict``, ``intensifier``, ``absolute``,
    ``negative``, ``positive`` (loaded words: a word in several lists takes the first kind
    in that order, the others go in ``label``), ``emphasis``, ``exclamation``, ``hedge``,
    ``factive``, ``assertive``, ``implicative``, ``report``, ``anonymous``. Loaded words
    next to each other, or joined by ``and``, ``or`` or a comma, form one span
    ("bloody monster", "chaotic and violent"). ``label`` ends in ``quoted`` for spans
    inside quotation marks (the source's voice, not the outlet's).

    Examples
    --------
    >>> [(s.kind, s.text) for s in loaded_spans("A brutal, chaotic crackdown. NO!")]
    [('emotive', 'brutal, chaotic crackdown'), ('emphasis', 'NO'), ('exclamation', '!')]
    """
    if not isinstance(text, str) or not text:
        return []
    lex = lexicon()
    names, _ = _columns()
    quotes = quote_spans(text)
    words = [(m.start(), m.end(), term(m.group().lower())) for m in WORD.finditer(text)]
    vocab = {t: i for i, t in enumerate(dict.fromkeys(t for _, _, t in words))}
    M = lex.matrix(vocab).tocsr()
    hits: list[tuple[int, int, list[str]]] = []
    for s, e, t in words:
        row = vocab[t]
        kinds = [names[c] for c in M.indices[M.indptr[row] : M.indptr[row + 1]]]
        if kinds:
            hits.append((s, e, kinds))
    for s, e, c, _ in lex.find_phrases(text):
        hits.append((s, e, [names[c]]))
    spans: list[tuple[int, int, str, str]] = []
    for s, e, kinds in sorted(hits):
        kinds = [k for k in dict.fromkeys(kinds) if k not in ("valence", "bias")]
        loaded = [k for k in LOADED_KINDS if k in kinds]
        other = [k for k in kinds if k not in LOADED_KINDS]
        for kind in ([loaded[0]] if loaded else []) + other:
            label = ",".join(loaded[1:]) if kind == (loaded[:1] or [None])[0] else ""
            spans.append((s, e, kind, label))
    spans += [(s, e, "emphasis", "") for s, e in emphasis_spans(text)]
    spans += [(m.start(), m.end(), "exclamation", "") for m in _EXCLAIM.finditer(text)]
    spans = _merge(text, sorted(spans))
    starts = [s for s, _ in quotes]
    out = []
    for s, e, kind, label in spans:
        i = bisect_right(starts, s) - 1
        if i >= 0 and s < quotes[i][1]:
            label = f"{label},quoted" if label else "quoted"
        out.append(Span.at(text, s, e, kind, label))
    return out


def _merge(text, spans):
    """Join loaded spans that touch or are joined by 'and', 'or' or a comma."""
    out: list[tuple[int, int, str, str]] = []
    for s, e, kind, label in spans:
        if out and kind in LOADED_KINDS and out[-1][2] in LOADED_KINDS and out[-1][1] <= s:
            ps, pe, pkind, plabel = out[-1]
            gap = _MERGE_GAP.fullmatch(text, pe, s)
            if gap:
                extra = ",".join(x for x in (plabel, kind, label) if x and x != pkind)
                out[-1] = (ps, e, pkind, ",".join(dict.fromkeys(extra.split(","))).strip(","))
                continue
        if out and out[-1][:3] == (s, e, kind):
            continue
        out.append((s, e, kind, label))
    return out
