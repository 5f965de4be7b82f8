"""Generic news frames (Semetko & Valkenburg 2000): conflict, human interest, economic
consequences, morality and attribution of responsibility, scored from the codebook's questions.

No labels are needed: each codebook question is answered from the *cues* that signal it
(:mod:`~framing.measures.frames.codebook`), found once per batch
(:mod:`~framing.measures.frames.record`: the shipped ``frames`` lexicon and a money-amount
pattern; clutter left out; first-person words counted inside quotes only, prescriptions in
the outlet's own voice only), and a frame's score is the expected share of its questions
answered yes (:mod:`~framing.measures.frames.score`). The evidence spans are the rows of the
same record.

Examples
--------
>>> from framing.measures.frames import analyse, frame_scores, FRAMES
>>> r = analyse(["Critics slammed the budget, which will cost taxpayers $3 billion."])
>>> dict(zip(FRAMES, frame_scores(r.counts()).round(2)[0].tolist()))  # doctest: +NORMALIZE_WHITESPACE
{'conflict': 0.35, 'human_interest': 0.0, 'economic': 0.38, 'morality': 0.0,
 'responsibility': 0.0}
"""

from __future__ import annotations

from framing.measures.frames.codebook import CUES, FRAMES, QUESTIONS, questions_of
from framing.measures.frames.record import CUE_NAMES, Record, analyse, lexicon
from framing.measures.frames.score import (
    DOMINANT,
    NONE,
    dominant,
    frame_scores,
    question_probabilities,
    weights,
)

__all__ = [
    "CUES",
    "CUE_NAMES",
    "DOMINANT",
    "FRAMES",
    "NONE",
    "QUESTIONS",
    "Record",
    "analyse",
    "dominant",
    "frame_scores",
    "lexicon",
    "question_probabilities",
    "questions_of",
    "weights",
]
