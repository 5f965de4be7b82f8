"""Headline devices: how a headline frames its story: questions, teasers, media tags, clickbait.

One rule set, :func:`headline_spans`, finds the evidence for every device in one headline
(a :class:`~framing.spans.Span` whose ``kind`` is the device); :func:`framing.features.headline.compute` turns those
spans into the 0/1 and count columns, so the columns and the highlighted evidence can never
disagree. Cue words and patterns live in ``data/cues.json``; the acronym list used
to tell emphatic capitals from initialisms in ``data/acronyms.txt`` (built by
``scripts/build_acronyms.py``); the clickbait model in ``data/clickbait.skops``
with its provenance in ``clickbait.json`` (trained by ``tools/train_clickbait.py``).

How a headline is read
----------------------
1. Curly quotes and dashes are folded to ASCII and a ``?`` that is a garbled apostrophe or
   quote mark from a bad encoding (``can?t``, ``Trump?s``, ``he?s ?glad?``, ``Day ? Iowa``)
   is repaired; every offset stays that of the original headline.
2. Quoted speech is set aside: a question inside quotes (``'Are we safe?' asks mayor``) is a
   ``quoted_question``, as is an unquoted question followed by its attribution (``Are we
   safe? asks mayor``). A mark that closes an outlet's sentence inside scare quotes (``Obama
   budget 'compromise?' No way``) stays the outlet's.
3. What remains is cut into clauses at ``. ! ? : ;`` and spaced dashes or bars. A clause ending
   in ``?`` is the outlet's question: a ``wh_question`` when it opens (or continues after a
   comma) with a wh-word, otherwise a ``yesno_question`` (polar, including elliptical ones:
   ``Government shutdown backfires?``). A clause without ``?`` is still a question when it is
   plainly interrogative: it opens with an inverted auxiliary (``Is Putin losing his grip``), or
   with a wh-word followed by one (``Why is toilet paper vanishing``) or by an auxiliary before
   its subject further on (``Which Horror Movie Villain Are You``). An explanatory wh-phrase
   (``Why the Fed raised rates``, ``How Trump won Ohio``, ``How they did it``) is not.
4. Media tags, teasers, listicles, emphatic capitals and exclamations are matched on the same
   text (teasers only in the outlet's own words; capitals and exclamation marks anywhere, as
   the reader sees them, quoted speech included).

A very long "headline" (over 400 characters: usually a whole article in the wrong column) is
read only up to its first line break or its 400th character.

Modules
-------
- :mod:`~framing.measures.headline.cuedata`: the cue lists and patterns of ``data/cues.json``,
  the acronyms, and the literals a pattern's every match holds (a headline holding none of
  them is not searched).
- :mod:`~framing.measures.headline.reader`: one headline read as above
  (:func:`headline_spans`), and a batch (:func:`batch_spans`: a few passes over all its
  headlines joined find those that may hold a device; only they are read in full).
- :mod:`~framing.measures.headline.yesno`: whether the body answers a yes/no headline
  (:func:`yesno_answered`).
- :mod:`~framing.measures.headline.classifier`: the shipped clickbait model
  (:func:`clickbait`), whose n-grams :class:`~framing.measures.headline.hashing.NgramHasher`
  hashes with numpy.

Examples
--------
>>> h = "Is Putin losing his grip? Russians defy crackdown orders as mass protests erupt – VIDEO"
>>> [(s.kind, s.text) for s in headline_spans(h)]
[('yesno_question', 'Is Putin losing his grip?'), ('media_tag', ' – VIDEO')]
"""

from __future__ import annotations

from framing.measures.headline.classifier import (
    CLICKBAIT_MODEL,
    clickbait,
    clickbait_model,
    clickbait_pipeline,
)
from framing.measures.headline.cuedata import (
    DATA,
    acronyms,
    cues,
    gates,
    patterns,
    required_literals,
)
from framing.measures.headline.reader import DEVICES, MAX_CHARS, batch_spans, headline_spans
from framing.measures.headline.yesno import yesno_answered

__all__ = [
    "CLICKBAIT_MODEL",
    "DATA",
    "DEVICES",
    "MAX_CHARS",
    "acronyms",
    "batch_spans",
    "clickbait",
    "clickbait_model",
    "clickbait_pipeline",
    "cues",
    "gates",
    "headline_spans",
    "patterns",
    "required_literals",
    "yesno_answered",
]
