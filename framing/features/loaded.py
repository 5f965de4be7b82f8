"""``loaded_*``: loaded language in the outlet's own voice, in its quotes and in the headline.

Every measure comes from one :func:`framing.measures.loaded.analyse` pass over the body, its clutter
(found by the clutter family) left out, shared with the ``voice`` and ``sourcing`` families
through ``ctx.memo``.
"""

from __future__ import annotations

import pandas as pd

from framing.features.clutter import body_clutter
from framing.features.context import Context
from framing.measures.loaded import Analysis, analyse, spans_of
from framing.spans import Span

COLUMNS = {
    "loaded_language": "share of the outlet's own sentences (the parts outside quotes) a reader would mark as loaded: each sentence's chance that a reader marks one of its words, from the induced lexicon's weights (how likely readers mark each word), averaged; 0 to 1",
    "loaded_language_quoted": "the same share over the quoted parts of sentences",
    "loaded_words": "the induced lexicon's weights summed over the outlet's own words (the loaded words a reader would mark, expected), per 100 words",
    "loaded_negative": "negative opinion words (Hu & Liu, negation-aware), per 100 words",
    "loaded_positive": "positive opinion words (Hu & Liu, negation-aware), per 100 words",
    "loaded_intensifiers": "intensifiers and hyperbole, per 100 words",
    "loaded_pejoratives": "pejoratives and name-calling, per 100 words",
    "loaded_conflict": "conflict verbs of news copy (slams, blasts, crackdown), per 100 words",
    "loaded_absolutes": "absolutes (always, never, utterly), per 100 words",
    "loaded_emotive": "emotive words (chaos, brutality, tragedy), per 100 words",
    "loaded_emphasis_caps": "ordinary words in capitals for emphasis (not acronyms), per 100 words",
    "loaded_exclamations": "exclamation marks (runs count once), per 100 words",
    "loaded_sentiment": "mean VADER-style compound sentiment over sentences (-1 to 1)",
    "headline_loaded_language": "share of the headline's sentences (both voices) a reader would mark as loaded, 0 to 1",
    "gap_loaded_language": "headline_loaded_language minus loaded_language",
}


def analysis(ctx: Context) -> Analysis:
    """The shared per-piece analysis of the body of ``ctx`` (clutter left out)."""
    return ctx.memo("loaded.analysis", lambda: analyse(ctx.docs("body"), skip=body_clutter(ctx)))


def headline_analysis(ctx: Context) -> Analysis:
    """The shared analysis of the headlines of ``ctx`` (each on its own, both voices count)."""
    return ctx.memo("loaded.headline", lambda: analyse(ctx.docs("headline")))


def article_spans(headline: str, body: str) -> list[tuple[str, Span]]:
    """The evidence of one article, ``(field, span)``, read from the very analyses its
    measures come from: the body with its clutter left out (spans in clutter are kept,
    labelled ``clutter``), the headline on its own.

    Examples
    --------
    >>> spans = article_spans("Chaos!", "Police came.\\nREAD MORE: Chaos")
    >>> [(f, s.kind, s.text, s.label) for f, s in spans]  # doctest: +NORMALIZE_WHITESPACE
    [('headline', 'emotive', 'Chaos', ''), ('headline', 'loaded_word', 'Chaos', 'weight 0.509'),
     ('headline', 'negative', 'Chaos', ''), ('headline', 'exclamation', '!', ''),
     ('body', 'report', 'READ', 'clutter'), ('body', 'emotive', 'Chaos', 'clutter'),
     ('body', 'loaded_word', 'Chaos', 'weight 0.509,clutter'), ('body', 'negative', 'Chaos', 'clutter')]
    """
    ctx = Context([headline], [body])
    out = [("headline", s) for s in spans_of(headline_analysis(ctx), 0)] if headline else []
    return out + ([("body", s) for s in spans_of(analysis(ctx), 0)] if body else [])


def compute(ctx: Context) -> pd.DataFrame:
    """Loaded-language measures for each article in ``ctx``.

    Examples
    --------
    >>> ctx = Context(["Putin SLAMS 'monster' regime"], ['Chaos erupted. "A tragedy," she said.'])
    >>> row = compute(ctx).iloc[0]
    >>> bool(row.loaded_language > 0), bool(row.loaded_language_quoted > 0), bool(row.loaded_sentiment < 0)
    (True, True, True)
    """
    a = analysis(ctx)
    head = headline_analysis(ctx)
    body = a.loaded()
    headline = head.loaded(quoted=None)
    return pd.DataFrame(
        {
            "loaded_language": body,
            "loaded_language_quoted": a.loaded(quoted=True),
            "loaded_words": a.rate("loaded_word"),
            "loaded_negative": a.rate("negative"),
            "loaded_positive": a.rate("positive"),
            "loaded_intensifiers": a.rate("intensifier"),
            "loaded_pejoratives": a.rate("pejorative"),
            "loaded_conflict": a.rate("conflict"),
            "loaded_absolutes": a.rate("absolute"),
            "loaded_emotive": a.rate("emotive"),
            "loaded_emphasis_caps": a.rate("emphasis"),
            "loaded_exclamations": a.rate("exclamation"),
            "loaded_sentiment": a.mean("sentiment"),
            "headline_loaded_language": headline,
            "gap_loaded_language": headline - body,
        }
    )
