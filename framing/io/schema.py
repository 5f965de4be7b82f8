"""The corpus schema (canonical columns and the aliases mapped to them) and column checks.

Every layer that checks a frame's columns does it here, so the error is the same everywhere:
a :class:`~framing.errors.MissingColumnError` with the missing columns, those found and the
aliases accepted as fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from framing.errors import MissingColumnError

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
