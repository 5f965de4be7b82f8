"""``headline_*``: the headline devices of :mod:`framing.measures.headline` as columns.

Each column is read from the spans :func:`~framing.measures.headline.headline_spans` finds
(batched by :func:`~framing.measures.headline.batch_spans`), so the columns and the
highlighted evidence can never disagree.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.features.context import Context
from framing.measures.headline import DEVICES, batch_spans, clickbait, yesno_answered

COLUMNS = {
    "headline_question": "1 if the headline asks the reader a question in the outlet's own voice",
    "headline_yesno_question": "1 if that question is polar (yes/no: 'Is Putin losing his grip?')",
    "headline_wh_question": "1 if that question is a wh-question ('Why is toilet paper vanishing?')",
    "headline_alternative_question": "1 if that question offers a choice ('Hero or villain?'): neither yes/no nor wh",
    "headline_quoted_question": "1 if the headline quotes someone else's question",
    "headline_media_tag": "1 if the headline carries a media tag (VIDEO, WATCH:, [PHOTOS], LIVE:)",
    "headline_teaser": "1 if the headline withholds its point ('Here's why...', 'This is what...', '5 things...', or P(clickbait) >= 0.9)",
    "headline_listicle": "1 if the headline opens with a count of list items ('5 things...')",
    "headline_caps_words": "words in emphatic capitals ('SLAMS'); acronyms and all-caps headlines excluded",
    "headline_exclamation": "1 if the headline has an exclamation mark (quoted speech included)",
    "headline_words": "word tokens in the headline",
    "headline_clickbait": "P(clickbait) from the shipped model (Chakraborty et al. 2016 data, news headlines as negatives); 0 if no headline",
    "gap_yesno_answered": "1 if a yes/no question headline's proposition is asserted in the body (best effort); 0 otherwise",
}

# columns too rare to vary over the 600-article sample (checked on the gold cases instead)
RARE = {
    "headline_quoted_question": "about 1 AllSides headline in 800; none in the sample",
}


def compute(ctx: Context) -> pd.DataFrame:
    """The headline measures for each article in ``ctx``.

    A missing or empty headline gives 0 in every column (check ``headline_words``).
    ``gap_yesno_answered`` is 0 unless the headline is a yes/no question whose
    proposition the body asserts (see :func:`yesno_answered`).

    Examples
    --------
    >>> h = "Is Putin losing his grip? Russians defy crackdown orders – VIDEO"
    >>> row = compute(Context([h, ""], ["Putin is losing his grip on Russia.", ""])).iloc[0]
    >>> row[["headline_yesno_question", "headline_media_tag", "gap_yesno_answered"]].tolist()
    [1.0, 1.0, 1.0]
    """
    heads = ctx.docs("headline")
    unique = list(dict.fromkeys(heads.texts))  # a headline repeated is read once
    p = clickbait(unique)
    found = dict(zip(unique, batch_spans(unique, p), strict=True))
    prob = dict(zip(unique, p.tolist(), strict=True))
    spans = [found[t] for t in heads.texts]
    count = {k: np.zeros(len(spans)) for k in DEVICES}
    answered = np.zeros(len(spans))
    body = ctx.docs("body")
    first = None  # each text's first sentence in the batch, found once a question needs it
    for i, row in enumerate(spans):
        for s in row:
            count[s.kind][i] += 1
            if s.kind == "yesno_question" and not answered[i]:
                starts, ends = body.sentences
                if first is None:
                    first = np.searchsorted(starts, body.offsets)
                at, base = slice(first[i], first[i + 1]), body.offsets[i]
                own = zip((starts[at] - base).tolist(), (ends[at] - base).tolist(), strict=True)
                answered[i] = yesno_answered(s.text, body.texts[i], list(own))
    flag = {k: (v > 0).astype(float) for k, v in count.items()}
    out = {
        "headline_question": np.maximum.reduce(
            [flag["yesno_question"], flag["wh_question"], flag["alternative_question"]]
        ),
        **{f"headline_{k}": flag[k] for k in DEVICES},
        "headline_caps_words": count["caps_words"],
        "headline_words": heads.n_tokens.astype(float),
        "headline_clickbait": np.array([prob[t] for t in heads.texts]),
        "gap_yesno_answered": answered,
    }
    return pd.DataFrame({c: out[c] for c in COLUMNS})
