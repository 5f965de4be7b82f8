"""``voice_*``: how the outlet commits to its claims (hedges, factives, assertives, bias words).

Measured on the outlet's own voice (outside quotation marks), per 100 words.
"""

from __future__ import annotations

import pandas as pd

from framing.features.context import Context
from framing.features.loaded import analysis

COLUMNS = {
    "voice_hedges": "hedges (Hyland: may, perhaps, likely), per 100 words",
    "voice_factives": "factive verbs (Hooper: know, reveal, realise), per 100 words",
    "voice_assertives": "assertive verbs (Hooper: claim, insist, allege), per 100 words",
    "voice_implicatives": "implicative verbs (Karttunen: manage, fail, refuse), per 100 words",
    "voice_bias_words": "Recasens et al. bias-lexicon words, per 100 words",
}


def compute(ctx: Context) -> pd.DataFrame:
    """Epistemic-voice measures for each article in ``ctx``.

    Examples
    --------
    >>> ctx = Context([""], ["Officials may have known. They claim otherwise."])
    >>> compute(ctx).iloc[0][["voice_hedges", "voice_factives", "voice_assertives"]].tolist()
    [28.571428571428573, 14.285714285714286, 14.285714285714286]
    """
    a = analysis(ctx)
    return pd.DataFrame(
        {
            "voice_hedges": a.rate("hedge"),
            "voice_factives": a.rate("factive"),
            "voice_assertives": a.rate("assertive"),
            "voice_implicatives": a.rate("implicative"),
            "voice_bias_words": a.rate("bias"),
        }
    )
