"""``style_*``: length and texture of the body, all from the shared tokenisation."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.features.context import Context
from framing.text import char_table

COLUMNS = {
    "style_words": "word tokens in the body",
    "style_sentences": "sentences in the body",
    "style_paragraphs": "non-blank lines (paragraphs) in the body",
    "style_words_per_sentence": "mean words per sentence",
    "style_long_words": "words of 7 or more letters, per 100 words",
    "style_numbers": "tokens starting with a digit (1,474 is two; 2022; 45th), per 100 words",
    "style_type_token_ratio": "distinct words / words (0 for empty bodies); falls with length",
}


def compute(ctx: Context) -> pd.DataFrame:
    """Style measures for each body in ``ctx``.

    Examples
    --------
    >>> ctx = Context([""], ["In total, police detained 1,474 people. It was chaotic."])
    >>> row = compute(ctx).iloc[0]
    >>> int(row.style_words), int(row.style_sentences), round(float(row.style_numbers), 1)
    (10, 2, 20.0)
    """
    body = ctx.docs("body")
    terms = body.terms
    length = np.fromiter(map(len, terms), int, len(terms))
    digits = np.fromiter(map(str.isdigit, terms), bool, len(terms))
    long_words = body.per_text((length >= 7) & ~digits)
    digit_first = char_table(r"\d")[body.low_codes[body.token_starts]]
    numbers = np.bincount(body.token_texts, weights=digit_first, minlength=len(body))
    n_sent = body.n_sentences.astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_sentence = np.where(n_sent > 0, body.n_tokens / n_sent, 0.0)
        ttr = np.where(body.n_tokens > 0, body.n_types / body.n_tokens, 0.0)
    return pd.DataFrame(
        {
            "style_words": body.n_tokens,
            "style_sentences": n_sent,
            "style_paragraphs": body.n_paragraphs.astype(float),
            "style_words_per_sentence": per_sentence,
            "style_long_words": body.rate(long_words),
            "style_numbers": body.rate(numbers),
            "style_type_token_ratio": ttr,
        }
    )
