"""``sourcing_*``: who speaks in the article: quotes, report verbs, named and unnamed sources."""

from __future__ import annotations

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


def compute(ctx: Context) -> pd.DataFrame:
    """Sourcing measures for each article in ``ctx``.

    Examples
    --------
    >>> ctx = Context([""], ['"We are afraid," sources said. Police chief Ann Lee said it was calm.'])
    >>> row = compute(ctx).iloc[0]
    >>> round(float(row.sourcing_quote_share), 2), bool(row.sourcing_anonymous > 0), bool(row.sourcing_named > 0)
    (0.25, True, True)
    """
    a = analysis(ctx)
    chars = a.total("chars", quoted=None)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(chars > 0, a.total("chars", quoted=True) / chars, 0.0)
    return pd.DataFrame(
        {
            "sourcing_quote_share": share,
            "sourcing_report_verbs": a.rate("report"),
            "sourcing_anonymous": a.rate("anonymous", quoted=None),
            "sourcing_named": a.rate("named", quoted=None),
        }
    )
