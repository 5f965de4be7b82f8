"""``clutter_*``: how much of the body is page furniture, and of which kind."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.features.context import Context
from framing.measures.clutter import KINDS, PROMO_KINDS, find_clutter_all, share
from framing.spans import Span

COLUMNS = {
    "clutter_share": "fraction of body characters that are clutter (0 for empty bodies)",
    "clutter_promo_share": "fraction of body characters that are ad, newsletter, teaser or social clutter",
    "clutter_lines": "clutter spans in the body (whole lines, and fragments inside lines)",
    **{f"clutter_{kind}_lines": f"{kind} clutter spans in the body" for kind in KINDS},
}


def body_clutter(ctx: Context) -> list[list[Span]]:
    """The clutter spans of every body in ``ctx``, found once per batch."""
    return ctx.memo("clutter_spans", lambda: find_clutter_all(ctx.docs("body")))


def compute(ctx: Context) -> pd.DataFrame:
    """Clutter measures for each body in ``ctx``.

    Examples
    --------
    >>> body = "Police moved in.\\n\\nREAD MORE: Putin blasts NATO\\n\\nAdvertisement"
    >>> row = compute(Context([""], [body])).iloc[0]
    >>> int(row.clutter_lines), int(row.clutter_teaser_lines), round(float(row.clutter_share), 2)
    (2, 1, 0.67)
    """
    texts = ctx.docs("body").texts
    spans = body_clutter(ctx)
    # the kind of every span, and the text it is in
    text = np.repeat(np.arange(len(texts)), [len(s) for s in spans])
    kind = pd.Categorical([sp.kind for s in spans for sp in s], categories=KINDS).codes
    columns = {
        "clutter_share": [share(t, s) for t, s in zip(texts, spans, strict=True)],
        "clutter_promo_share": [
            share(t, s, PROMO_KINDS) for t, s in zip(texts, spans, strict=True)
        ],
        "clutter_lines": np.bincount(text, minlength=len(texts)),
    }
    for i, k in enumerate(KINDS):
        columns[f"clutter_{k}_lines"] = np.bincount(text[kind == i], minlength=len(texts))
    return pd.DataFrame({k: np.asarray(v, dtype=float) for k, v in columns.items()})
