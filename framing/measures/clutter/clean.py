"""Removing clutter: the editorial text of a body or a corpus, and the share removed.

Examples
--------
>>> text = "Police moved in.\\n\\nREAD MORE: Putin blasts NATO\\n\\nAdvertisement"
>>> clean(text), round(share(text, find_clutter(text)), 2)
('Police moved in.', 0.67)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from framing.measures.clutter.detect import find_clutter, find_clutter_all
from framing.spans import Span

if TYPE_CHECKING:
    import pandas as pd

    from framing.measures.clutter.learned import ClutterDetector

_BLANK_RUN = re.compile(r"\r?\n(?:[ \t\r]*\n){2,}")


def remove_spans(text: str, spans: Iterable[Span]) -> str:
    """``text`` without ``spans``; emptied lines go, paragraph breaks stay.

    A fragment takes one neighbouring space with it, so the editorial words around it
    join with a single space; runs of blank lines collapse to one.

    Parameters
    ----------
    text : str
        The text the spans were found in.
    spans : iterable of Span
        Stretches of ``text`` to remove.

    Returns
    -------
    str

    Examples
    --------
    >>> t = "One. Advertisement Two.\\n\\nAdvertisement\\n\\nThree."
    >>> remove_spans(t, [Span.at(t, 5, 18, "ad"), Span.at(t, 25, 38, "ad")])
    'One. Two.\\n\\nThree.'
    """
    parts, pos = [], 0
    for sp in sorted(spans, key=lambda sp: sp.start):
        start, end = max(sp.start, pos), sp.end
        if end <= start:
            continue
        if text[end : end + 1] == " ":
            end += 1
        elif start > pos and text[start - 1] == " ":
            start -= 1
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    out = "".join(parts)
    if len(parts) > 1:
        out = _BLANK_RUN.sub(lambda m: "\r\n\r\n" if "\r" in m.group() else "\n\n", out)
        out = out.strip()
    return out


def clean(text: str | None) -> str:
    """The editorial text of an article body: clutter removed, paragraph breaks kept.

    Parameters
    ----------
    text : str or None
        One article body.

    Returns
    -------
    str
        ``""`` for an empty body or None.

    Examples
    --------
    >>> clean("Thousands protested.\\n\\nShare this article\\n\\nPolice moved in.")
    'Thousands protested.\\n\\nPolice moved in.'
    >>> clean("")
    ''
    """
    if not text:
        return ""
    return remove_spans(text, find_clutter(text))


def clean_texts(texts: Sequence[str | None]) -> list[str]:
    """:func:`clean` over a list, the rules run on a batch at once (:func:`find_clutter_all`).

    Parameters
    ----------
    texts : sequence of str or None
        Article bodies.

    Returns
    -------
    list of str
        The editorial text of each body.

    Examples
    --------
    >>> clean_texts(["Advertisement", None, "Kept."])
    ['', '', 'Kept.']
    """
    bodies = [t if isinstance(t, str) else "" for t in texts]
    return [remove_spans(t, s) for t, s in zip(bodies, find_clutter_all(bodies), strict=True)]


def spans_json(spans: Iterable[Span]) -> str:
    """Spans as a compact JSON list of ``[start, end, kind, text, label]``.

    Parameters
    ----------
    spans : iterable of Span

    Returns
    -------
    str

    Examples
    --------
    >>> spans_json([Span(0, 2, "ad", "AD", "line:ads?")])
    '[[0, 2, "ad", "AD", "line:ads?"]]'
    """
    return json.dumps(
        [[s.start, s.end, s.kind, s.text, s.label] for s in spans], ensure_ascii=False
    )


def share(text: str, spans: Iterable[Span], kinds: Iterable[str] | None = None) -> float:
    """Fraction of the characters of ``text`` covered by ``spans`` (of ``kinds``).

    Parameters
    ----------
    text : str
        The text the spans were found in.
    spans : iterable of Span
        Spans of ``text``, not overlapping.
    kinds : iterable of str, optional
        Count only spans of these kinds (all spans when None).

    Returns
    -------
    float
        0.0 for an empty text.

    Examples
    --------
    >>> share("Kept.\\nAD", [Span(6, 8, "ad", "AD")])
    0.25
    >>> share("Kept.\\nAD", [Span(6, 8, "ad", "AD")], kinds=["meta"])
    0.0
    >>> share("", [])
    0.0
    """
    total = len(text)
    if not total:
        return 0.0
    wanted = None if kinds is None else set(kinds)
    return sum(len(s) for s in spans if wanted is None or s.kind in wanted) / total


def clean_corpus(df: pd.DataFrame, detector: ClutterDetector | None = None) -> pd.DataFrame:
    """A copy of a corpus with ``body_clean`` and the removed ``clutter`` beside ``body``.

    Parameters
    ----------
    df : pandas.DataFrame
        With a ``body`` column (and ``outlet`` for a fitted detector's learned lines).
    detector : ClutterDetector, optional
        A fitted detector; without one the corpus-free rules of :func:`find_clutter` run.

    Returns
    -------
    pandas.DataFrame
        ``df`` plus ``body_clean`` (editorial text), ``clutter`` (JSON list of
        ``[start, end, kind, text, label]`` into ``body``: nothing is lost) and
        ``clutter_share`` (fraction of body characters removed as clutter).

    Raises
    ------
    CorpusError
        When ``df`` has no ``body`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"body": ["Kept.\\n\\nCLICK HERE TO GET THE FOX NEWS APP"]})
    >>> out = clean_corpus(df)
    >>> out.loc[0, "body_clean"], json.loads(out.loc[0, "clutter"])[0][:3]
    ('Kept.', [7, 41, 'teaser'])
    """
    from framing.io.schema import require_columns

    require_columns(df, ["body"], where="clean_corpus")
    bodies = [b if isinstance(b, str) else "" for b in df["body"]]
    if detector is None:
        found = find_clutter_all(bodies)
    else:
        found = detector.find_all(bodies, df["outlet"].tolist() if "outlet" in df else None)
    out = df.copy()
    out["body_clean"] = [remove_spans(b, sp) for b, sp in zip(bodies, found, strict=True)]
    out["clutter"] = [spans_json(sp) for sp in found]
    out["clutter_share"] = [share(b, sp) for b, sp in zip(bodies, found, strict=True)]
    return out
