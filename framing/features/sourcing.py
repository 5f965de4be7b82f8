"""``sourcing_*``: who speaks in the article: quotes, report verbs, named and unnamed sources."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from framing.features.context import Context
from framing.features.loaded import analysis

COLUMNS = {
    "sourcing_quote_share": "share of the text's characters inside quotation marks (0 to 1)",
    "sourcing_report_verbs": "report verbs (said, told, claimed) in the outlet's voice, per 100 words",
    "sourcing_anonymous": "unnamed attributions (sources said, on condition of anonymity), per 100 words",
    "sourcing_named": "named attributions (Olga Mikheeva ... said; said Dmitry Maltsev), per 100 words",
}

_VERB = r"(?:said|says|told|tells|added|adds|explained|wrote|writes|tweeted|stated|warned|argued|claimed|insisted|noted|asked)"
_NAME = r"[A-Z][\w'’.-]+(?:[ \t]+(?:de |van |von |al-)?[A-Z][\w'’-]+)+"
NAMED = re.compile(
    rf"\b{_NAME}(?:,[^,\n\"“”]{{1,100}},)?[ \t]+{_VERB}\b"  # Olga Mikheeva, who ..., said
    rf"|\b{_VERB}[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{_NAME}"  # said 48-year-old Dmitry Maltsev
    rf"|\baccording to[ \t]+{_NAME}"
)
"""Named attributions: a capitalised name of two or more words next to a report verb."""


def named_attributions(text: str) -> int:
    """Number of named attributions in ``text``.

    Examples
    --------
    >>> named_attributions('Olga Mikheeva, who protested, said: "No." "Yes," said Dmitry Maltsev.')
    2
    >>> named_attributions("Officials said it was calm.")
    0
    """
    return len(NAMED.findall(text)) if text else 0


def compute(ctx: Context) -> pd.DataFrame:
    """Sourcing measures for each article in ``ctx``.

    Examples
    --------
    >>> ctx = Context([""], ['"We are afraid," sources said. Police chief Ann Lee said it was calm.'])
    >>> row = compute(ctx).iloc[0]
    >>> round(float(row.sourcing_quote_share), 2), bool(row.sourcing_anonymous > 0), bool(row.sourcing_named > 0)
    (0.24, True, True)
    """
    a = analysis(ctx)
    texts = ctx.editorial().texts
    chars = a.total("chars", quoted=None)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(chars > 0, a.total("chars", quoted=True) / chars, 0.0)
        tokens = a.total("tokens", quoted=None)
        named = np.array([named_attributions(t) for t in texts], float)
        named = np.where(tokens > 0, 100.0 * named / tokens, 0.0)
    return pd.DataFrame(
        {
            "sourcing_quote_share": share,
            "sourcing_report_verbs": a.rate("report"),
            "sourcing_anonymous": a.rate("anonymous", quoted=None),
            "sourcing_named": named,
        }
    )
