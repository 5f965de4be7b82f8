"""``clutter_*``: how much of the body is page furniture, and of which kind."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.features.context import Context
from framing.measures.clutter import KINDS, PROMO_KINDS, find_clutter_all
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
    # one row a span: its text, its kind, its length
    text = np.repeat(np.arange(len(texts)), [len(s) for s in spans])
    kind = pd.Categorical([sp.kind for s in spans for sp in s], categories=KINDS)
    chars = np.array([len(sp) for s in spans for sp in s], dtype=float)
    length = np.array([len(t) for t in texts], dtype=float)
    promo = np.isin(kind.codes, [KINDS.index(k) for k in PROMO_KINDS])

    def per_text(weights: np.ndarray) -> np.ndarray:
        return np.bincount(text, weights=weights, minlength=len(texts))

    def rate(covered: np.ndarray) -> np.ndarray:
        return np.divide(covered, length, out=np.zeros(len(texts)), where=length > 0)

    columns = {
        "clutter_share": rate(per_text(chars)),
        "clutter_promo_share": rate(per_text(chars * promo)),
        "clutter_lines": per_text(np.ones(len(text))),
    }
    for i, k in enumerate(KINDS):
        columns[f"clutter_{k}_lines"] = per_text((kind.codes == i).astype(float))
    return pd.DataFrame(columns)
