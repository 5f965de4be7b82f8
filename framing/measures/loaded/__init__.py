"""Loaded language, subjectivity and sourcing: one analysis of each text, and its evidence.

A text is cut once into *segments*: the pieces of its sentences that lie inside or outside
quotation marks (and around the spans left out, such as a body's clutter). One pass
records every hit (:class:`~framing.measures.loaded.record.Hits`: each lexicon word or phrase,
emphatic capital, exclamation and named attribution, with its offsets, measure, value,
negation, quotation and whether it was left out); segment measures are sums over that
record, and article measures sums of segment measures over the outlet's own voice
(outside quotes) or over the quoted voice, but for loaded language itself: the mean over
sentences of the chance that a reader marks one of the sentence's loaded words
(:meth:`Analysis.loaded <framing.measures.loaded.record.Analysis.loaded>`). The evidence
spans (:func:`loaded_spans`, :func:`spans_of`) are read from the same record, so they count
what the measures count.

The parts live in sibling modules: :mod:`framing.measures.loaded.quotes` (quotes and pieces),
:mod:`framing.measures.loaded.cues` (negation, emphasis, named attributions),
:mod:`framing.measures.loaded.record` (the record and the measures) and
:mod:`framing.measures.loaded.evidence` (spans).

* Quotation marks: straight, curly and guillemet double quotes, and curly single quotes
  (``‘high alert’``). A paragraph that opens a quote and does not close it is quoted to its
  end (the convention for quotes running over several paragraphs), and one whose first mark
  closes a quote is quoted from its start (the end of a quote opened before it).
* Negation: up to three words after ``not``, ``no``, ``never``, ``n't`` ... (stopping at
  punctuation) are marked; their polarity flips (opinion words) or is scaled by VADER's
  -0.74 (valences).
* Emphasis: a word in capitals (``AND``, ``NEVER``) counts when it is an ordinary word in
  lower case (so not an acronym such as NATO or OVD), is not a label (``JUST IN:``,
  ``[VIDEO]``), has no capital word beside it (``RISK FOR TURKEY``, ``MUST WATCH`` are
  headings), and stands in a segment that is not itself mostly capitals (an all-caps text
  shouts everywhere, so it emphasises nothing in particular: counted 0).

Examples
--------
>>> from framing.measures.loaded import loaded_spans, quote_spans
>>> t = 'Police clashed with protesters. "It was utter chaos," she said.'
>>> [(s.kind, s.text) for s in loaded_spans(t)]
[('conflict', 'clashed'), ('absolute', 'utter'), ('loaded_word', 'utter chaos'), ('emotive', 'chaos'), ('negative', 'chaos'), ('assertive', 'said'), ('report', 'said')]
>>> [t[s:e] for s, e in quote_spans(t)]
['"It was utter chaos,"']
"""

from __future__ import annotations

from framing.measures.loaded.cues import emphasis_spans, named_attributions, negation_scopes
from framing.measures.loaded.evidence import loaded_spans, not_counted, spans_of
from framing.measures.loaded.quotes import quote_spans, segments
from framing.measures.loaded.record import (
    HIT_KINDS,
    INTENSIFIED,
    LOADED_KINDS,
    Analysis,
    Hits,
    analyse,
    lexicon,
)

__all__ = [
    "loaded_spans",
    "spans_of",
    "not_counted",
    "Hits",
    "HIT_KINDS",
    "quote_spans",
    "segments",
    "analyse",
    "Analysis",
    "INTENSIFIED",
    "LOADED_KINDS",
    "lexicon",
    "emphasis_spans",
    "named_attributions",
    "negation_scopes",
]
