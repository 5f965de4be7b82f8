"""Clutter lines found by a classifier over each line's shape, place and words.

The cue rules of :mod:`~framing.measures.clutter.detect` name the furniture they know. A
line they miss still looks like furniture: short, without a sentence's end, at the top or
the bottom of the body, in capitals, holding a handle, an address or a "©", opening with
"By" or "Photo". The shipped line model (``lines.skops``, provenance in ``lines.json``,
trained by ``tools/train_clutter_lines.py`` on the hand-labelled lines of the tuning
outlets of ``tests/dev/clutter``) reads those features of every non-blank line, beside
the rules' own verdict, and gives each line a kind or ``text``.

:func:`line_frame` describes the lines of a batch (one row a line: the line's words and the
numeric features of :data:`NUMERIC`), with numpy over the batch's shared tokens; and
:func:`model_spans` turns the model's verdicts into spans, labelled with the model's
probability and the features that weighed most.

Examples
--------
>>> body = "\\n\\n".join([
...     "Police moved in on Sunday as thousands marched through the capital.",
...     "The protest was the largest since the election, organisers said.",
...     "Officers detained dozens of people near the square, witnesses said.",
...     "In this March 3, 2018, photo, a protester holds a sign outside the courthouse.",
...     "The mayor called for calm and promised an inquiry into the arrests.",
... ])
>>> [(s.kind, s.text[:20], s.label) for s in model_spans(Docs([body]), [[]])[0]]
[('media', 'In this March 3, 201', 'line model, p = 0.87')]
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from framing.spans import Span
from framing.text import Docs

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from sklearn.pipeline import Pipeline

LINE_MODEL = Path(__file__).with_name("lines.skops")
"""The shipped line classifier; its provenance and threshold are in ``lines.json``."""
TEXT = "text"
"""The class of a line that is the article's own text."""
MIN_LINES = 5
"""Bodies of fewer non-blank lines are not read by the model: with so little around a line,
its place and neighbours say little (a one-sentence body is not furniture; a quarter of
news bodies have fewer than 14 lines, almost none fewer than 5)."""

NUMERIC = (
    "chars",  # log(1 + characters)
    "words",  # log(1 + word tokens)
    "first",  # the body's first line
    "last",  # its last line
    "from_start",  # lines before this one, at most 5, over 5
    "from_end",  # lines after it, at most 5, over 5
    "relative",  # place in the body, 0 (top) to 1 (bottom)
    "prev_chars",  # log(1 + characters) of the line before (0 if none)
    "next_chars",  # and after
    "end_mark",  # ends like a sentence (. ! ? or a closing quote)
    "capitalised",  # share of its words that start with a capital
    "upper",  # share of its letters in capitals
    "digits",  # share of its characters that are digits
    "link",  # holds a web address or e-mail
    "handle",  # holds an @handle
    "copyright",  # holds "©" or "(c)"
    "rule",  # share of its characters the cue rules mark as clutter
    "prev_end_mark",  # the line before ends like a sentence (0 if none)
    "next_end_mark",  # the line after
    "prev_rule",  # the rules' share of the line before
    "next_rule",  # and of the line after
    "repeated",  # the same line (lower-cased) appears elsewhere in the body
)
"""The numeric features of a line (:func:`line_frame`), beside its words."""

_LINE = re.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?)", re.M)
_DIGIT = re.compile(r"\d")
_END_MARKS = np.array([ord(c) for c in ".!?\"'\u201d\u2019)"])


@functools.cache
def line_model() -> tuple[Pipeline, float]:
    """The shipped line classifier and its threshold, loaded once under the trust policy."""
    from framing.io import trust

    meta = json.loads(LINE_MODEL.with_suffix(".json").read_text(encoding="utf-8"))
    model: Pipeline = trust.load(LINE_MODEL)
    return model, float(meta["threshold"])


def _count_in(points: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """How many of the sorted ``points`` fall in each ``[start, end)``."""
    return np.searchsorted(points, ends) - np.searchsorted(points, starts)


def _sum_in(flags: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Sum of ``flags`` over each ``[start, end)``."""
    total = np.concatenate([[0], np.cumsum(flags, dtype=np.int64)])
    return total[ends] - total[starts]


def _literal_hits(text: str, needles: Sequence[str]) -> np.ndarray:
    """Sorted positions of every occurrence of each needle (``str.find``: rare literals)."""
    found = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            found.append(at)
            at = text.find(needle, at + 1)
    return np.array(sorted(found), dtype=np.int64)


def line_frame(
    docs: Docs, rule_spans: Sequence[Sequence[Span]]
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray, np.ndarray]:
    """Every non-blank line of the batch, as the line model reads it.

    Parameters
    ----------
    docs : Docs
        The bodies.
    rule_spans : sequence of sequence of Span
        Each body's clutter spans from the cue rules (the ``rule`` feature).

    Returns
    -------
    frame : pandas.DataFrame
        One row a line: ``line`` (its text between start and end markers, digits as 0, for
        the word n-grams) and the columns of :data:`NUMERIC`.
    text : numpy.ndarray
        The body each line is in.
    start, end : numpy.ndarray
        Where each line's text starts and ends in its body.

    Examples
    --------
    >>> frame, text, start, end = line_frame(Docs(["Kept here.\\n\\nBy JANE DOE", ""]), [[], []])
    >>> frame["line"].tolist(), text.tolist(), start.tolist(), end.tolist()
    (['xxstart kept here. xxend', 'xxstart by jane doe xxend'], [0, 0], [0, 12], [10, 23])
    >>> frame.loc[1, ["last", "end_mark", "capitalised"]].tolist(), round(float(frame.at[1, "upper"]), 2)
    ([1.0, 0.0, 1.0], 0.89)
    """
    import pandas as pd

    joined = docs.joined
    bounds = np.array([m.span(1) for m in _LINE.finditer(joined)], dtype=np.int64).reshape(-1, 2)
    starts, ends = bounds[:, 0], bounds[:, 1]
    text = np.searchsorted(docs.offsets, starts, side="right") - 1
    n = len(starts)
    # place within the body
    first_of = np.searchsorted(text, np.arange(len(docs)))
    index = np.arange(n) - first_of[text]
    count = np.bincount(text, minlength=len(docs))[text]
    after = count - 1 - index
    chars = (ends - starts).astype(float)
    same_prev = np.concatenate([[False], text[1:] == text[:-1]])
    same_next = np.concatenate([text[:-1] == text[1:], [False]])
    prev_chars = np.where(same_prev, np.roll(chars, 1), 0.0)
    next_chars = np.where(same_next, np.roll(chars, -1), 0.0)
    # words and capitals, from the batch's tokens
    codes = docs.codes
    token_starts = docs.token_starts
    words = _count_in(token_starts, starts, ends)
    initial = codes[token_starts]
    capital = ((initial >= 65) & (initial <= 90)) | ((initial >= 0xC0) & (initial <= 0xDE))
    capital_starts = token_starts[capital]
    capitalised = _count_in(capital_starts, starts, ends)
    upper = _sum_in((codes >= 65) & (codes <= 90), starts, ends)
    lower = _sum_in((codes >= 97) & (codes <= 122), starts, ends)
    digits = _sum_in((codes >= 48) & (codes <= 57), starts, ends)
    low = docs.low
    marks = {
        "link": _literal_hits(low, ("http", "www.", ".com", ".org")),
        "handle": _literal_hits(joined, ("@",)),
        "copyright": _literal_hits(low, ("\u00a9", "(c)")),
    }
    rule = np.zeros(n)
    for k, spans in enumerate(rule_spans):
        if not spans:
            continue
        lo, hi = first_of[k], np.searchsorted(text, k, side="right")
        base = docs.offsets[k]
        for s in spans:
            a, b = s.start + base, s.end + base
            i0 = lo + np.searchsorted(ends[lo:hi], a, side="right")
            i1 = lo + np.searchsorted(starts[lo:hi], b)
            for i in range(i0, i1):
                rule[i] += min(b, ends[i]) - max(a, starts[i])
    numeric = {
        "chars": np.log1p(chars),
        "words": np.log1p(words),
        "first": (index == 0).astype(float),
        "last": (after == 0).astype(float),
        "from_start": np.minimum(index, 5) / 5,
        "from_end": np.minimum(after, 5) / 5,
        "relative": np.where(count > 1, index / np.maximum(count - 1, 1), 0.0),
        "prev_chars": np.log1p(prev_chars),
        "next_chars": np.log1p(next_chars),
        "end_mark": np.isin(codes[ends - 1], _END_MARKS).astype(float) if n else np.zeros(0),
        "capitalised": capitalised / np.maximum(words, 1),
        "upper": upper / np.maximum(upper + lower, 1),
        "digits": digits / chars.clip(min=1),
        **{k: (_count_in(v, starts, ends) > 0).astype(float) for k, v in marks.items()},
        "rule": np.minimum(rule / chars.clip(min=1), 1.0),
    }
    for name in ("end_mark", "rule"):
        numeric[f"prev_{name}"] = np.where(same_prev, np.roll(numeric[name], 1), 0.0)
        numeric[f"next_{name}"] = np.where(same_next, np.roll(numeric[name], -1), 0.0)
    lines = [_DIGIT.sub("0", low[a:b]) for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
    keys = pd.Series(lines).factorize()[0]
    numeric["repeated"] = (
        pd.DataFrame({"t": text, "k": keys}).duplicated(keep=False).to_numpy().astype(float)
    )
    frame = pd.DataFrame(
        {"line": [f"xxstart {line} xxend" for line in lines], **{k: numeric[k] for k in NUMERIC}}
    )
    base = docs.offsets[text]
    return frame, text, starts - base, ends - base


def model_spans(docs: Docs, rule_spans: Sequence[Sequence[Span]]) -> list[list[Span]]:
    """The lines the shipped model calls clutter and the cue rules did not mark.

    Parameters
    ----------
    docs : Docs
        The bodies.
    rule_spans : sequence of sequence of Span
        Each body's spans from the cue rules.

    Returns
    -------
    list of list of Span
        Per body of at least :data:`MIN_LINES` lines, one span a line the model gives at
        least its threshold of P(clutter), unless the rules already mark most of it;
        ``kind`` is the model's likeliest kind, ``label`` says ``line model, p = ...``.
    """
    out: list[list[Span]] = [[] for _ in range(len(docs))]
    frame, text, start, end = line_frame(docs, rule_spans)
    if not len(frame):
        return out
    model, threshold = line_model()
    proba = model.predict_proba(frame)
    classes = list(model.classes_)
    clutter = 1.0 - proba[:, classes.index(TEXT)]
    kinds = np.array([c for c in classes if c != TEXT])
    kind_of = kinds[np.argmax(proba[:, [classes.index(k) for k in kinds]], axis=1)]
    long_enough = np.bincount(text, minlength=len(docs))[text] >= MIN_LINES
    found = np.flatnonzero((clutter >= threshold) & (frame["rule"].to_numpy() < 0.5) & long_enough)
    for i in found.tolist():
        k = int(text[i])
        label = f"line model, p = {clutter[i]:.2f}"
        out[k].append(Span.at(docs.texts[k], int(start[i]), int(end[i]), str(kind_of[i]), label))
    return out
