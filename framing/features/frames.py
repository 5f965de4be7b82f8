"""``frames_*``: Semetko & Valkenburg's five generic news frames, scored from the codebook's cues.

One :func:`framing.measures.frames.analyse` pass over the headline and one over the body
(its clutter left out, its quotation pieces those of the loaded-language analysis) record
every cue; the counts of headline and body together answer the codebook's questions
(:mod:`framing.measures.frames.score`), and :func:`article_spans` reads the evidence from
the same records. A headline-only corpus is scored from the headlines alone: fewer cues, so
lower scores, comparable between outlets of that corpus but not with full articles.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.features.clutter import body_clutter
from framing.features.context import Context
from framing.features.loaded import analysis, headline_analysis
from framing.measures.frames import (
    CUE_NAMES,
    CUES,
    DOMINANT,
    FRAMES,
    QUESTIONS,
    Record,
    dominant,
    frame_scores,
)
from framing.measures.frames import analyse as find_cues
from framing.spans import Span

if TYPE_CHECKING:  # pragma: no cover
    from framing.measures.lexicons import Lexicon

COLUMNS = {
    "frames_conflict": "conflict frame: expected share of its 4 codebook questions answered yes (disagreement, reproach, sides, winners and losers), 0 to 1",
    "frames_human_interest": "human-interest frame: expected share of its 4 questions answered yes (a human face, feelings, people affected, private lives), 0 to 1",
    "frames_economic": "economic-consequences frame: expected share of its 3 questions answered yes (gains and losses, costs, economic consequences), 0 to 1",
    "frames_morality": "morality frame: expected share of its 3 questions answered yes (moral message, morality or religion, prescriptions), 0 to 1",
    "frames_responsibility": "responsibility frame: expected share of its 5 questions answered yes (government able or to blame, solutions, others to blame, urgency), 0 to 1",
    "frames_dominant": "the frame with the highest score, if it reaches 0.5 (the codebook's 'present'); else none",
}
LABELS = {"frames_dominant": DOMINANT}
"""Columns holding a label, not a number, and their values."""


def records(ctx: Context, extra: Mapping[str, Lexicon] | None = None) -> tuple[Record, Record]:
    """The cue records of the headlines and of the bodies of ``ctx`` (clutter left out),
    with the matches of ``extra`` lexicons counted as their cues."""

    def find() -> tuple[Record, Record]:
        head = find_cues(ctx.docs("headline"), pieces=headline_analysis(ctx), extra=extra)
        body = find_cues(ctx.docs("body"), body_clutter(ctx), pieces=analysis(ctx), extra=extra)
        return head, body

    key = "frames.records" + "".join(f".{c}:{id(lex)}" for c, lex in (extra or {}).items())
    return ctx.memo(key, find)


def cue_counts(ctx: Context, extra: Mapping[str, Lexicon] | None = None) -> pd.DataFrame:
    """Counted cue hits of each article, headline and body together: a column per cue.

    Examples
    --------
    >>> ctx = Context(["Jobs fear"], ["The economy shed 300,000 jobs, costing $2 billion."])
    >>> counts = cue_counts(ctx).iloc[0]
    >>> int(counts.economy), int(counts.amount), int(counts.emotion)
    (3, 1, 1)
    """
    head, body = records(ctx, extra)
    return pd.DataFrame(head.counts() + body.counts(), columns=list(CUE_NAMES))


def with_morality(df: Any, morality: Lexicon | str) -> pd.DataFrame:
    """The ``frames_*`` columns with a moral lexicon of your own read as moral vocabulary.

    The Moral Foundations Dictionary (and its extended version) may not ship with framing;
    if you hold a copy, every match of it (any foundation) counts as one more ``moral`` cue,
    which answers the morality questions M1 and M2 at the shipped rates. The other frames
    are unchanged.

    Parameters
    ----------
    df : pandas.DataFrame or sequence of str
        As :func:`framing.extract_features` takes.
    morality : Lexicon or str
        A lexicon, or the path of a ``.dic``, ``.txt``, ``.csv`` or ``.tff`` file
        (:func:`framing.measures.lexicons.read_lexicon`).

    Examples
    --------
    >>> from framing.measures.lexicons import Lexicon
    >>> own = Lexicon.from_terms("care", ["compassion", "cruelty"])
    >>> texts = ["Their compassion and cruelty were debated."]
    >>> float(with_morality(texts, own).frames_morality[0]) > float(with_morality(texts, Lexicon.from_terms("none", ["zzz"])).frames_morality[0])
    True
    """
    from framing.features import BATCH, dtypes, text_columns
    from framing.measures.lexicons import load_lexicon

    lex = load_lexicon(morality) if isinstance(morality, str) else morality
    headline, body = text_columns(df)
    parts = [
        _table(Context(headline[i : i + BATCH], body[i : i + BATCH]), {"moral": lex})
        for i in range(0, len(body), BATCH)
    ]
    out = pd.concat(parts, ignore_index=True) if parts else _table(Context([], []))
    if isinstance(df, pd.DataFrame | pd.Series):
        out.index = df.index
    return out.astype(dtypes("frames"))


def article_spans(headline: str, body: str) -> list[tuple[str, Span]]:
    """The evidence of one article's frame scores, ``(field, span)``: every counted cue.

    A span's ``kind`` is ``frame_`` and the frame, its ``label`` the cue and the questions
    that read it.

    Examples
    --------
    >>> [(f, s.text, s.kind, s.label) for f, s in article_spans("", "Critics blamed the mayor.")]  # doctest: +NORMALIZE_WHITESPACE
    [('body', 'Critics', 'frame_conflict', 'reproach (C2)'),
     ('body', 'Critics', 'frame_conflict', 'sides (C1, C3)'),
     ('body', 'blamed', 'frame_conflict', 'reproach (C2)'),
     ('body', 'mayor', 'frame_responsibility', 'government (R1, R2)')]
    """
    ctx = Context([headline], [body])
    out = []
    for field, record, text in zip(
        ("headline", "body"), records(ctx), (headline, body), strict=True
    ):
        for start, end, cue, _ in record.rows(0):
            out.append((field, Span.at(text, start, end, f"frame_{CUES[cue].frame}", _label(cue))))
    return out


def _label(cue: str) -> str:
    return f"{cue} ({', '.join(q for q, spec in QUESTIONS.items() if cue in spec.cues)})"


def compute(ctx: Context) -> pd.DataFrame:
    """Frame scores and the dominant frame of each article in ``ctx``.

    Examples
    --------
    >>> ctx = Context(["Democrats and Republicans clash over budget"], ["Critics attacked the plan."])
    >>> row = compute(ctx).iloc[0]
    >>> bool(row.frames_conflict > row.frames_morality), row.frames_dominant
    (True, 'conflict')
    """
    return _table(ctx)


def _table(ctx: Context, extra: Mapping[str, Lexicon] | None = None) -> pd.DataFrame:
    scores = frame_scores(cue_counts(ctx, extra).to_numpy())
    out = pd.DataFrame(scores, columns=[f"frames_{f}" for f in FRAMES])
    out["frames_dominant"] = dominant(scores)
    return out
