"""Corpus layer: read articles from files or frames into one canonical DataFrame.

Canonical columns are ``outlet``, ``headline``, ``body``, optional ``date`` and ``url``,
plus any label columns, with an index named ``id``. Common aliases are mapped and the
mapping used is kept in ``df.attrs["column_map"]``.

Examples
--------
>>> import pandas as pd
>>> df = load_corpus(pd.DataFrame({"title": ["Is Putin losing his grip?"], "source": ["Express"]}))
>>> list(df.columns), df.index.name, df.attrs["column_map"]
(['outlet', 'headline'], 'id', {'source': 'outlet', 'title': 'headline'})
"""

from __future__ import annotations

import gzip
import io
import json
import os
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.errors import CorpusError
from framing.text import tidy

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

SUFFIXES = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".parquet": "parquet",
    ".pq": "parquet",
}

_HERE = Path(__file__).parent
SAMPLE_PATH = _HERE / "corpora" / "sample" / "articles.jsonl.gz"
EXAMPLES_PATH = _HERE / "corpora" / "examples"


# --- reading --------------------------------------------------------------------------


def _format_of(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in (".gz", ".gzip"):
        suffixes = suffixes[:-1]
    fmt = SUFFIXES.get(suffixes[-1]) if suffixes else None
    if fmt is None:
        known = ", ".join(sorted(SUFFIXES)) + " (optionally .gz), or a folder of .txt/.html"
        raise CorpusError(f"{path}: unknown file type {''.join(path.suffixes)!r}; use {known}")
    return fmt


def read_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped when it is gzip (by content, not only by name)."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as err:
            raise CorpusError(f"{path}: gzip data is corrupt or truncated ({err})") from None
    return data


def decode(data: bytes, where: str | os.PathLike) -> str:
    """UTF-8 text; invalid bytes become U+FFFD with one warning saying how many.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     decode(b"caf\\xe9", "x.csv"), len(w)
    ('caf\\ufffd', 1)
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("utf-8-sig", errors="replace")
        warnings.warn(
            f"{where}: {text.count(chr(0xFFFD))} invalid UTF-8 byte sequence(s) replaced by "
            "U+FFFD; re-save the file as UTF-8 to keep those characters",
            UnicodeWarning,
            stacklevel=3,
        )
        return text


def json_record(line: str | bytes, number: int, where: str | os.PathLike) -> dict:
    """One JSON Lines record (a JSON object), or :class:`CorpusError` naming the line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise CorpusError(
            f"{where}: line {number} is not valid JSON ({err.msg}); the file may be "
            "truncated: fix or delete that line"
        ) from None
    if not isinstance(record, dict):
        raise CorpusError(f"{where}: line {number} is not a JSON object (one article a line)")
    return record


def _read_jsonl(text: str, where: Path) -> list[dict]:
    return [
        json_record(line, number, where)
        for number, line in enumerate(text.split("\n"), 1)
        if line.strip()
    ]


def _read_file(path: Path, fmt: str) -> pd.DataFrame:
    import pandas as pd

    if fmt == "parquet":
        try:
            return pd.read_parquet(path)
        except Exception as err:  # pyarrow raises several types for a bad file
            raise CorpusError(f"{path}: not a readable Parquet file ({err})") from None
    data = read_bytes(path)
    if not data.strip():
        raise CorpusError(f"{path} is empty: expected a {fmt.upper()} file with articles")
    text = decode(data, path)
    if fmt in ("csv", "tsv"):
        sep = "\t" if fmt == "tsv" else ","
        try:
            return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, ValueError) as err:
            raise CorpusError(f"{path}: not a valid {fmt.upper()} file ({err})") from None
    if fmt == "json" and text.lstrip().startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as err:
            raise CorpusError(f"{path}: not valid JSON ({err.msg} at line {err.lineno})") from None
        if not all(isinstance(r, dict) for r in records):
            raise CorpusError(f"{path}: expected a JSON array of objects (one per article)")
        return pd.DataFrame.from_records(records)
    return pd.DataFrame.from_records(_read_jsonl(text, path))


def _read_folder(path: Path) -> pd.DataFrame:
    """A folder of .txt (first line = headline) and .html files; subfolders name outlets."""
    import pandas as pd

    files = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".txt", ".html", ".htm"))
    if not files:
        raise CorpusError(f"{path}: folder holds no .txt or .html files")
    rows = []
    for file in files:
        text = decode(read_bytes(file), file)
        if file.suffix.lower() == ".txt":
            headline, _, body = text.partition("\n")
        else:
            headline, body = html_text(text)
        rel = file.relative_to(path)
        row = {"id": str(rel.with_suffix("")), "headline": headline, "body": body}
        if len(rel.parts) > 1:
            row["outlet"] = rel.parts[0]
        rows.append(row)
    return pd.DataFrame(rows)


def html_text(page: str) -> tuple[str, str]:
    """Headline (``<h1>`` or ``<title>``) and text of an HTML page, without extra packages.

    Examples
    --------
    >>> html_text("<html><title>T</title><h1>Big news</h1><p>One.</p><script>x()</script><p>Two.</p>")
    ('Big news', 'Big news\\n\\nOne.\\n\\nTwo.')
    """
    import re

    heading = re.search(r"<h1\b[^>]*>(.*?)</h1>", page, re.S | re.I) or re.search(
        r"<title\b[^>]*>(.*?)</title>", page, re.S | re.I
    )
    headline = tidy(heading.group(1)) if heading else ""
    page = re.sub(r"<(head|title)\b.*?</\1\s*>", " ", page, flags=re.S | re.I)
    return headline, tidy(page)


# --- mapping to the canonical schema --------------------------------------------------


def _map_columns(df: pd.DataFrame, column_map: dict[str, str]) -> tuple[pd.DataFrame, dict]:
    """Rename explicit and alias columns to canonical names; a canonical column wins."""
    renames: dict[str, str] = {}
    for canonical, source in column_map.items():
        if source not in df.columns:
            raise CorpusError(
                f"column {source!r} (given for {canonical!r}) not found; columns: "
                f"{', '.join(map(str, df.columns))}"
            )
        renames[source] = canonical
    taken = set(renames.values()) | {c for c in df.columns if c in CANONICAL}
    for column in df.columns:
        target = ALIASES.get(str(column).lower().strip())
        if str(column).lower() in CANONICAL and column not in CANONICAL:
            target = str(column).lower()
        if target and target not in taken and column not in renames:
            renames[column] = target
            taken.add(target)
    renames = {c: t for c, t in renames.items() if c != t}
    # an explicitly mapped column displaces a same-named one, which is kept as <name>_original
    displaced = {
        t: f"{t}_original" for t in renames.values() if t in df.columns and t not in renames
    }
    df = df.rename(columns=displaced).rename(columns=renames)
    return df, {str(k): v for k, v in sorted(renames.items())}


def _set_index(df: pd.DataFrame, start: int = 0) -> pd.DataFrame:
    import pandas as pd

    if df.index.name == "id":
        ids = df.index
    else:
        col = next((c for c in df.columns if str(c).lower() in ID_COLUMNS), None)
        if col is not None:
            ids = pd.Index(df[col].astype(str), name="id")
            df = df.drop(columns=[col])
        elif isinstance(df.index, pd.RangeIndex):
            ids = pd.RangeIndex(start, start + len(df), name="id")
        else:
            ids = pd.Index(df.index, name="id")
    if ids.has_duplicates:
        dup = ids.duplicated(keep="first")
        warnings.warn(
            f"{int(dup.sum())} duplicate id(s) (e.g. {ids[dup][0]!r}); every row is kept and "
            "repeats get a suffix (id~2, id~3, ...)",
            stacklevel=3,
        )
        ids = ids.astype(str)
        counts = pd.Series(ids).groupby(ids).cumcount() + 1
        ids = pd.Index(
            [i if c == 1 else f"{i}~{c}" for i, c in zip(ids, counts, strict=True)], name="id"
        )
    df.index = ids
    return df


def load_corpus(
    source: Any,
    *,
    format: str | None = None,
    require: Iterable[str] = (),
    **column_map: str,
) -> pd.DataFrame:
    """Read a corpus into the canonical schema.

    Parameters
    ----------
    source : path, str or pandas.DataFrame
        A CSV, TSV, JSON Lines (plain or .gz), JSON array, or Parquet file; a folder of
        .txt files (first line is the headline) and .html pages (subfolders name the
        outlet); or a DataFrame.
    format : str, optional
        Force a reader (``csv``, ``tsv``, ``jsonl``, ``json``, ``parquet``) instead of
        guessing from the file name.
    require : iterable of str
        Columns the task needs beyond text (e.g. ``["outlet"]`` to compare outlets).
    **column_map : str
        Canonical name to source column, e.g. ``body="article_text"``; common aliases
        (``title``, ``text``, ``content``, ``source`` ...) are mapped without asking.

    Returns
    -------
    pandas.DataFrame
        Index ``id`` (kept from an ``id`` column when present, else row numbers);
        ``headline`` and ``body`` tidied (entities, tags, line endings) and never NaN.
        ``df.attrs["column_map"]`` records the renames applied.

    Raises
    ------
    CorpusError
        Missing file, unknown type, empty or malformed file, or no headline/body column.
    """
    import pandas as pd

    if isinstance(source, pd.DataFrame):
        df, where = source.copy(), "DataFrame"
    else:
        path = Path(source).expanduser()
        where = str(path)
        if not path.exists():
            raise CorpusError(f"{path}: no such file or folder")
        if path.is_dir():
            df = _read_folder(path)
        else:
            df = _read_file(path, format or _format_of(path))
    return _canonical(df, where=where, require=require, column_map=column_map)


def _canonical(
    df: pd.DataFrame,
    *,
    where: str,
    require: Iterable[str] = (),
    column_map: dict[str, str],
    start: int = 0,
    text_columns: Iterable[str] = (),
) -> pd.DataFrame:
    """Map, check, tidy and index a raw frame (rows numbered from ``start`` without ids).

    ``text_columns`` are added empty when absent (a later chunk of a streamed file
    whose records happen to lack a text column the first chunk had).
    """
    df, renames = _map_columns(df, column_map)
    for col in text_columns:
        if col not in df.columns:
            df[col] = ""
    present = [c for c in TEXT_COLUMNS if c in df.columns]
    if not present:
        raise CorpusError(
            f"{where}: no headline or body column; found {', '.join(map(str, df.columns)) or 'none'}"
            f"; accepted: headline, body, {', '.join(sorted(ALIASES))}, or name one: "
            "load_corpus(path, body='my_column')"
        )
    require_columns(df, require, where=where)
    for col in present:
        df[col] = [tidy(v) if isinstance(v, str) else "" for v in df[col]]
    df = _set_index(df, start)
    order = [c for c in CANONICAL if c in df.columns]
    df = df[order + [c for c in df.columns if c not in order]]
    df.attrs["column_map"] = renames
    df.attrs["source"] = where
    return df


def require_columns(df: pd.DataFrame, columns: Iterable[str], *, where: str = "corpus") -> None:
    """Raise :class:`CorpusError` naming any of ``columns`` that ``df`` lacks."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        aliases = sorted(a for a, c in ALIASES.items() if c in missing)
        hint = f" (aliases accepted: {', '.join(aliases)})" if aliases else ""
        raise CorpusError(
            f"{where}: missing column {', '.join(map(repr, missing))}{hint}; found "
            f"{', '.join(map(str, df.columns))}"
        )


def load_sample() -> pd.DataFrame:
    """The small multi-outlet sample corpus shipped with framing (see its DATASHEET.md).

    Examples
    --------
    >>> df = load_sample()
    >>> df["outlet"].nunique() >= 8
    True
    """
    return load_corpus(SAMPLE_PATH)


def load_example(name: str = "express-putin-protests") -> str:
    """The text of a shipped example article (first line is the headline).

    Examples
    --------
    >>> load_example().splitlines()[0]
    'Is Putin losing his grip? Russians defy crackdown orders as mass protests erupt – VIDEO'
    """
    path = EXAMPLES_PATH / f"{name}.txt"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in EXAMPLES_PATH.glob("*.txt")))
        raise CorpusError(f"no example called {name!r}; known: {known}")
    return path.read_text(encoding="utf-8")
