"""Frame scores from cue counts: the codebook's questions answered by a noisy-or of their cues.

Each question ``q`` is answered yes with probability ``1 - exp(-sum_c rate[q, c] * n_c)``,
where ``n_c`` counts the hits of cue ``c`` in the article: every hit is one more chance that a
coder reads the question as answered, and an article with no cue answers no question. A
frame's score is the mean over its questions, the codebook's own aggregation (the share of
its questions answered yes), so a score of at least 0.5 reads as the codebook's "present".

The rates ship in ``weights.json`` with their provenance: fitted by
``tools/fit_frames.py`` to the question labels of the hand-coded development set
(``tests/dev/frames``), on the tuning outlets only; ``benchmarks/validity.py`` reports the
scores' ROC AUC on the held-out outlets.

Examples
--------
>>> import numpy as np
>>> from framing.measures.frames.record import CUE_NAMES
>>> counts = np.zeros((2, len(CUE_NAMES))); counts[1, CUE_NAMES.index("economy")] = 5
>>> s = frame_scores(counts)
>>> s[0].tolist(), bool(s[1, FRAMES.index("economic")] > 0), float(s[1, FRAMES.index("conflict")])
([0.0, 0.0, 0.0, 0.0, 0.0], True, 0.0)
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from framing.measures.frames.codebook import FRAMES, QUESTIONS, questions_of
from framing.measures.frames.record import CUE_NAMES

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

NONE = "none"
"""``frames_dominant`` of an article where no frame reaches 0.5."""
DOMINANT = (NONE, *FRAMES)
"""The values of ``frames_dominant``."""


@cache
def weights() -> dict[str, Any]:
    """The shipped ``weights.json``: ``rates`` (question -> cue -> rate) and provenance."""
    text = (resources.files("framing.measures.frames") / "weights.json").read_text("utf-8")
    return dict(json.loads(text))


@cache
def _rates() -> np.ndarray:
    """The rates as a ``(len(CUE_NAMES), len(QUESTIONS))`` matrix."""
    import numpy as np

    table = weights()["rates"]
    out = np.zeros((len(CUE_NAMES), len(QUESTIONS)))
    for j, q in enumerate(QUESTIONS):
        for cue, rate in table[q].items():
            out[CUE_NAMES.index(cue), j] = rate
    return out


def question_probabilities(counts: np.ndarray) -> np.ndarray:
    """Probability that each codebook question is answered yes: ``(n_texts, len(QUESTIONS))``.

    ``counts`` is ``(n_texts, len(CUE_NAMES))``, as :meth:`Record.counts
    <framing.measures.frames.record.Record.counts>` gives.
    """
    import numpy as np

    return 1.0 - np.exp(-(np.asarray(counts, dtype=float) @ _rates()))


def frame_scores(counts: np.ndarray) -> np.ndarray:
    """Each frame's score (0 to 1): the mean over its questions of
    :func:`question_probabilities`; ``(n_texts, len(FRAMES))``."""
    import numpy as np

    p = question_probabilities(counts)
    index = {q: j for j, q in enumerate(QUESTIONS)}
    return np.column_stack([p[:, [index[q] for q in questions_of(f)]].mean(axis=1) for f in FRAMES])


def dominant(scores: np.ndarray) -> np.ndarray:
    """The strongest frame of each text, or ``"none"`` when no score reaches 0.5.

    Examples
    --------
    >>> import numpy as np
    >>> dominant(np.array([[0.6, 0.1, 0.7, 0, 0], [0.2, 0.1, 0, 0, 0]])).tolist()
    ['economic', 'none']
    """
    import numpy as np

    scores = np.asarray(scores, dtype=float).reshape(-1, len(FRAMES))
    best = scores.argmax(axis=1)
    names = np.array(FRAMES, dtype=object)[best]
    names[scores.max(axis=1, initial=0.0) < 0.5] = NONE
    return names
