"""The corpus schema (canonical columns and the aliases mapped to them) and column checks.

Every layer that checks a frame's columns does it here, so the error is the same everywhere:
a :class:`~framing.errors.MissingColumnError` with the missing columns, those found and the
aliases accepted as fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from framing.errors import CorpusError, MissingColumnError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

CANONICAL = ("outlet", "headline", "body", "date", "url")
TEXT_COLUMNS = ("headline", "body")

ALIASES: dict[str, str] = {
    "title": "headline",
    "head": "headline",
    "heading": "headline",
    "text": "body",
    "content": "body",
    "article": "body",
    "article_text": "body",
    "body_text": "body",
    "maintext": "body",
    "story": "body",
    "source": "outlet",
    "source_name": "outlet",
    "publisher": "outlet",
    "publication": "outlet",
    "media": "outlet",
    "site": "outlet",
    "newspaper": "outlet",
    "published": "date",
    "publish_date": "date",
    "published_at": "date",
    "pub_date": "date",
    "datetime": "date",
    "link": "url",
    "article_url": "url",
}
ID_COLUMNS = ("id", "article_id", "doc_id", "uuid", "guid")


def require_columns(
    df: pd.DataFrame, columns: Iterable[str], *, where: str = "corpus", what: str = ""
) -> None:
    """Raise :class:`MissingColumnError` naming any of ``columns`` that ``df`` lacks.

    Parameters
    ----------
    df : DataFrame
        The frame to check.
    columns : iterable of str
        The columns it needs.
    where : str, default "corpus"
        What the frame is, for the message.
    what : str, optional
        What the columns are for ("label", "group"), for the message.

    Examples
    --------
    >>> import pandas as pd
    >>> try:
    ...     require_columns(pd.DataFrame({"title": ["A"]}), ["body"])
    ... except MissingColumnError as err:
    ...     print(err.missing, err.found, err.aliases[:2])
    ['body'] ['title'] ['article', 'article_text']
    >>> require_columns(pd.DataFrame({"x": [1]}), ["y"], where="data", what="label")
    Traceback (most recent call last):
    ...
    framing.errors.MissingColumnError: data: no label column 'y'; columns: x
    """
    missing = [c for c in columns if c not in df.columns]
    if not missing:
        return
    found = [str(c) for c in df.columns]
    aliases = sorted(a for a, c in ALIASES.items() if c in missing)
    named = f"column{'s' * (len(missing) > 1)} {', '.join(map(repr, missing))}"
    if what:
        message = f"{where}: no {what} {named}; columns: {', '.join(found) or 'none'}"
    else:
        hint = f" (aliases accepted: {', '.join(aliases)})" if aliases else ""
        message = f"{where}: missing {named}{hint}; found {', '.join(found)}"
    raise MissingColumnError(message, missing=missing, found=found, aliases=aliases)


def cell_text(value: Any, column: str, where: str, row: int) -> str:
    """The raw text of one headline or body cell (row ``row``, counted from 0), as every
    reader of articles takes it (:func:`framing.load_corpus`, :func:`framing.extract_features`).

    A string as it is; a missing value (None, NaN) empty; a number written out; a list of
    strings (paragraphs, as some scrapers store a body) joined by blank lines. Anything
    else (a record, a list of records) is a layout framing cannot read, so it is one
    line of error rather than an article silently left empty.

    Examples
    --------
    >>> cell_text(["First paragraph.", None, "Second."], "body", "x.jsonl", 0)
    'First paragraph.\\n\\nSecond.'
    >>> [cell_text(v, "headline", "x.jsonl", 0) for v in (None, float("nan"), 2020)]
    ['', '', '2020']
    >>> cell_text({"text": "A"}, "body", "x.jsonl", 4)
    Traceback (most recent call last):
    ...
    framing.errors.CorpusError: x.jsonl: the body of row 5 is a dict ({'text': 'A'}), not text; give each article's body as a string or a list of paragraphs
    """
    if isinstance(value, str):  # nearly every cell: before any import
        return value
    import reprlib

    import numpy as np

    if is_missing(value):
        return ""
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        # a whole number pandas made a float beside a missing value (2020 -> 2020.0) as it was
        return str(int(value)) if float(value).is_integer() else str(value)
    if isinstance(value, (list, tuple, np.ndarray)) and all(
        p is None or isinstance(p, str) for p in value
    ):
        return "\n\n".join(p for p in value if p)
    raise CorpusError(
        f"{where}: the {column} of row {row + 1:,} is a {type(value).__name__} "
        f"({reprlib.repr(value)}), not text; give each article's {column} as a string or a "
        "list of paragraphs"
    )


def is_missing(value: Any) -> bool:
    """Whether a cell holds no value: None, NaN, ``pd.NA`` or ``NaT``."""
    import numpy as np
    import pandas as pd

    if isinstance(value, (float, np.floating)):
        return bool(np.isnan(value))
    return value is None or value is pd.NA or value is pd.NaT
