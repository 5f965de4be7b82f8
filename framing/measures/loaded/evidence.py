"""The evidence of :mod:`framing.measures.loaded`: spans read from the record of an analysis.

The spans of a text are the rows of the :class:`~framing.measures.loaded.record.Hits` record that
its measures were summed from, so a reader counting spans finds the measure's numbers.
``label`` lists a loaded word's other lists, its weight if it is a ``loaded_word`` (the
induced lexicon's, which the measure reads), then why the hit counts differently:

* ``negated``: a polarity word in a negation scope, counted with the opposite polarity
  (its ``kind`` is the counted one: "not good" is ``negative``);
* ``quoted``: inside quotation marks, so counted in ``loaded_language_quoted``, not in the
  outlet-voice measures (``sourcing_anonymous`` counts both voices);
* ``clutter``: inside a span left out (the body's clutter): counted nowhere.
"""

from __future__ import annotations

import re

from framing.measures.loaded.record import HIT_KINDS, LOADED_KINDS, Analysis, analyse
from framing.spans import Span

SPAN_KINDS = (*LOADED_KINDS, "pejorative", "emotive", "conflict", "intensifier", "absolute",
              "negative", "positive", "emphasis", "exclamation", "hedge", "factive",
              "assertive", "implicative", "report", "anonymous")  # fmt: skip
"""The kinds of evidence spans: the measures with evidence (``valence``, ``bias`` and named
attributions are measured but not shown)."""
BOTH_VOICES = frozenset({"anonymous"})
"""Span kinds whose measure counts quoted text too (``sourcing_anonymous``)."""
FLAGS = ("negated", "quoted", "clutter")
_POLARITY = frozenset({"negative", "positive"})
WEIGHTED = "loaded_word"
"""The span kind whose hits carry a weight (the induced lexicon's), given in the label as
``weight 0.412``: the measure sums the weights, not the spans."""
_MERGE_GAP = re.compile(r"\s*(?:,|\band\b|\bor\b)?\s*", re.I)


def loaded_spans(text: str) -> list[Span]:
    """Every word or phrase that drove a loaded, voice or sourcing measure in ``text``.

    Kinds: ``loaded_word`` (the induced lexicon's words, which ``loaded_language`` reads;
    ``label`` gives each one's weight), then the lists with columns of their own:
    ``pejorative``, ``emotive``, ``conflict``, ``intensifier``, ``absolute``,
    ``negative``, ``positive``, ``emphasis``, ``exclamation``, ``hedge``, ``factive``,
    ``assertive``, ``implicative``, ``report``, ``anonymous`` (a word in several lists is
    a span of each kind). Loaded words next to each other, or joined by ``and``, ``or`` or a
    comma, form one span ("bloody monster", "chaotic and violent"). ``label`` ends in ``negated`` or ``quoted``
    as the module notes say. The text is analysed on its own (:func:`analyse`, nothing
    left out); :func:`spans_of` reads the spans of an analysis already made, such as the
    features' own (with the body's clutter left out).

    Examples
    --------
    >>> [(s.kind, s.text) for s in loaded_spans("A brutal, chaotic crackdown. NO!")]  # doctest: +NORMALIZE_WHITESPACE
    [('emotive', 'brutal'), ('negative', 'brutal'), ('loaded_word', 'brutal, chaotic crackdown'),
     ('emotive', 'chaotic'), ('negative', 'chaotic'), ('conflict', 'crackdown'), ('emphasis', 'NO'),
     ('exclamation', '!')]
    >>> [(s.kind, s.text, s.label) for s in loaded_spans("The plan is not good.")]
    [('negative', 'good', 'negated')]
    """
    if not isinstance(text, str) or not text:
        return []
    return spans_of(analyse([text]), 0)


def spans_of(analysis: Analysis, i: int, *, merge: bool = True) -> list[Span]:
    """The evidence spans of text ``i`` of ``analysis``, read from its record.

    Offsets are in that text. With ``merge=False`` every hit is a span of its own (one a
    word or phrase), so that counting spans gives the measures' counts.

    Examples
    --------
    >>> a = analyse(["Chaos! Advertisement", 'Utter chaos, "a tragedy"'], skip=[[(0, 6)], []])
    >>> [(s.text, s.kind, s.label) for s in spans_of(a, 0)]  # doctest: +NORMALIZE_WHITESPACE
    [('Chaos', 'emotive', 'clutter'), ('Chaos', 'loaded_word', 'weight 0.509,clutter'),
     ('Chaos', 'negative', 'clutter'), ('!', 'exclamation', 'clutter')]
    >>> [(s.text, s.kind, s.label) for s in spans_of(a, 1, merge=False)]  # doctest: +NORMALIZE_WHITESPACE
    [('Utter', 'absolute', ''), ('Utter', 'loaded_word', 'weight 0.266'), ('chaos', 'emotive', ''),
     ('chaos', 'loaded_word', 'weight 0.509'), ('chaos', 'negative', ''),
     ('tragedy', 'emotive', 'quoted'), ('tragedy', 'loaded_word', 'weight 0.392,quoted'),
     ('tragedy', 'negative', 'quoted')]
    """
    import numpy as np

    hits, docs = analysis.hits, analysis.docs
    if hits is None or docs is None:
        raise ValueError("this analysis keeps no record of its hits (made by analyse?)")
    base, text = int(docs.offsets[i]), docs.texts[i]
    at = np.flatnonzero(hits.doc == i)
    at = at[np.lexsort((hits.end[at], hits.start[at]))]
    groups: dict[tuple[int, int], list] = {}
    for s, e, k, value, negated, quoted, out in zip(
        (hits.start[at] - base).tolist(), (hits.end[at] - base).tolist(), hits.kind[at].tolist(),
        hits.value[at].tolist(), hits.negated[at].tolist(), hits.quoted[at].tolist(),
        hits.left_out[at].tolist(), strict=True,
    ):  # fmt: skip
        kind = HIT_KINDS[k]
        if kind in SPAN_KINDS:
            g = groups.setdefault((s, e), [[], False, quoted, out, ()])
            g[0].append(kind)
            g[1] |= negated and kind in _POLARITY
            if kind == WEIGHTED:
                g[4] = (f"weight {value:.3f}",)
    spans = []
    for (s, e), (hit_kinds, negated, quoted, out, weight) in groups.items():
        kinds = list(dict.fromkeys(hit_kinds))
        flags = (("quoted",) if quoted else ()) + (("clutter",) if out else ())
        loaded = [k for k in LOADED_KINDS if k in kinds]
        if loaded:
            extra = (*loaded[1:], *weight)
            spans.append((s, e, loaded[0], extra, ("negated",) * negated + flags))
        spans += [
            (s, e, k, (), ("negated",) * (negated and k in _POLARITY) + flags)
            for k in kinds
            if k not in LOADED_KINDS
        ]
        if not merge and len(kinds) < len(hit_kinds):
            # a word counted twice by one measure (a word entry and a phrase entry of one
            # list at the same place: "bully" and Hu & Liu's "bull****") is two spans
            for k in kinds:
                extra = ("negated",) * (negated and k in _POLARITY) + flags
                spans += [(s, e, k, weight if k == WEIGHTED else (), extra)] * (
                    hit_kinds.count(k) - 1
                )
    spans.sort()
    if merge:
        spans = _merge(text, spans)
    return [
        Span.at(text, s, e, kind, ",".join(extra + flags)) for s, e, kind, extra, flags in spans
    ]


_Piece = tuple[int, int, str, tuple[str, ...], tuple[str, ...]]


def _merge(text: str, spans: list[_Piece]) -> list[_Piece]:
    """Join loaded spans that touch or are joined by 'and', 'or' or a comma, when they count
    alike (the same flags); the other kinds' spans (sentiment, marks, voice) stay as found."""
    out: list[_Piece] = []
    for s, e, kind, extra, flags in (p for p in spans if p[2] in LOADED_KINDS):
        if out and out[-1][1] <= s:
            ps, pe, pkind, pextra, pflags = out[-1]
            if pflags == flags and _MERGE_GAP.fullmatch(text, pe, s):
                merged = tuple(x for x in dict.fromkeys((*pextra, kind, *extra)) if x != pkind)
                out[-1] = (ps, e, pkind, merged, flags)
                continue
        out.append((s, e, kind, extra, flags))
    return sorted(out + list(dict.fromkeys(p for p in spans if p[2] not in LOADED_KINDS)))


def flags(span: Span) -> set[str]:
    """The :data:`FLAGS` in the label of ``span`` (labels may be joined by ``,`` or ``;``).

    Examples
    --------
    >>> sorted(flags(Span(0, 4, "emotive", "", "negative,quoted")))
    ['quoted']
    """
    return {x for x in re.split(r"[,;]\s*", span.label) if x in FLAGS}


def not_counted(span: Span, *, quoted_counts: bool = False) -> str:
    """Why ``span`` does not count toward the outlet-voice measures: ``"clutter"``,
    ``"quoted"`` or ``""`` (it counts). ``quoted_counts`` for a text whose measures count
    both voices (the headline).

    Examples
    --------
    >>> not_counted(Span(0, 5, "emotive", "Chaos", "quoted"))
    'quoted'
    >>> not_counted(Span(0, 7, "anonymous", "sources", "quoted"))
    ''
    """
    found = flags(span)
    if "clutter" in found:
        return "clutter"
    both = set(span.kind.split(", ")) <= BOTH_VOICES
    return "quoted" if "quoted" in found and not (quoted_counts or both) else ""
