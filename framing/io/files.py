"""Raw file reading: one place that opens, gunzips, decodes and parses a file.

Corpus loading, dataset readers and streaming all read through these functions, so a file
is sniffed for gzip the same way everywhere (by content, not only by name), special files
(pipes, devices) are never opened, and folders are listed without leaving them.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import stat
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from framing.errors import CorpusError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

GZIP_MAGIC = b"\x1f\x8b"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
"""The byte order marks that open a UTF-16 file (a spreadsheet's "Unicode text" export)."""


def text_encoding(head: bytes) -> str:
    """The encoding of a text file from its first bytes: UTF-16 when they are its byte
    order mark, else UTF-8 (a UTF-8 byte order mark skipped).

    Examples
    --------
    >>> text_encoding("a".encode("utf-16")), text_encoding(b"headline,body")
    ('utf-16', 'utf-8-sig')
    """
    return "utf-16" if head[:2] in UTF16_BOMS else "utf-8-sig"


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


def regular_file(path: Path) -> Path:
    """``path`` if it is a regular file (a link to one counts); else :class:`CorpusError`.

    Named pipes, devices and sockets would block or never end when read.

    Examples
    --------
    >>> regular_file(Path("/dev/null"))
    Traceback (most recent call last):
    ...
    framing.errors.CorpusError: /dev/null: not a regular file (a device, pipe or socket); point at a file or a folder of files
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise CorpusError(f"{path}: no such file or folder") from None
    if not stat.S_ISREG(mode):
        raise CorpusError(
            f"{path}: not a regular file (a device, pipe or socket); point at a file or a "
            "folder of files"
        )
    return path


def folder_files(
    folder: Path, keep: Callable[[Path], bool], *, recursive: bool = True
) -> list[Path]:
    """The regular files below ``folder`` that ``keep`` accepts, sorted; nothing outside it.

    Symbolic links are followed only while they stay inside ``folder`` (a link to
    ``/etc/passwd`` is not an article); special files (pipes, devices, sockets) are never
    opened. What was skipped is said in one warning with the counts.

    Parameters
    ----------
    folder : Path
        The folder to list.
    keep : callable
        Takes a file's path, says whether it is wanted (by name, suffix ...).
    recursive : bool, default True
        Look into subfolders (not into linked ones).

    Examples
    --------
    >>> import tempfile, warnings
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Headline\\nBody.")
    >>> (folder / "b.txt").symlink_to("/etc/hostname")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     [p.name for p in folder_files(folder, lambda p: p.suffix == ".txt")]
    ['a.txt']
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    /...: skipped 1 link leading outside the folder (not read)
    """
    root = folder.resolve()
    found: list[Path] = []
    outside = special = 0
    for here, dirs, names in os.walk(folder):
        if not recursive:
            dirs.clear()
        dirs.sort()
        for name in names:
            path = Path(here) / name
            if not keep(path):
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                outside += 1
            elif not path.is_file():
                special += 1
            else:
                found.append(path)
    skipped = []
    if outside:
        skipped.append(f"{outside} link{'s' * (outside > 1)} leading outside the folder")
    if special:
        skipped.append(f"{special} special file{'s' * (special > 1)} (pipes, devices, sockets)")
    if skipped:
        warnings.warn(f"{folder}: skipped {' and '.join(skipped)} (not read)", stacklevel=2)
    return sorted(found)


def open_raw(path: Path) -> tuple[io.BufferedReader, io.BufferedIOBase]:
    """The raw file (its ``tell()`` counts bytes read from disk) and a binary stream over
    its content, gunzipped when it is gzip (by content, not only by name).

    Close both when done (``with raw, stream:``).
    """
    raw = open(regular_file(path), "rb")  # noqa: SIM115 (closed by the caller)
    if raw.peek(2)[:2] == GZIP_MAGIC:
        return raw, gzip.GzipFile(fileobj=raw)
    return raw, raw


def format_of(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in (".gz", ".gzip"):
        suffixes = suffixes[:-1]
    fmt = SUFFIXES.get(suffixes[-1]) if suffixes else None
    if fmt is None:
        known = ", ".join(sorted(SUFFIXES)) + " (optionally .gz), or a folder of .txt/.html"
        raise CorpusError(f"{path}: unknown file type {''.join(path.suffixes)!r}; use {known}")
    return fmt


def unzipped_name(path: Path) -> Path:
    """``path`` without a trailing ``.gz``: what the file holds once unpacked.

    Examples
    --------
    >>> unzipped_name(Path("site/Page.HTML.gz")).as_posix(), unzipped_name(Path("a.txt")).name
    ('site/Page.HTML', 'a.txt')
    """
    return path.with_name(path.name[:-3]) if path.name.lower().endswith(".gz") else path


MAX_MB = 512
"""The most a file read whole may hold, in MB once unpacked (``--max-mb`` on the command
line). A gzip that unpacks to more (a decompression bomb, or simply a large corpus) is
refused with one line: memory stays bounded, and large corpora go through the commands that
read in chunks (``framing features``, ``framing compare``)."""


MAX_ARTICLE_MB = 5.0
"""The longest headline or body a corpus may hold, in millions of characters
(``--max-article-mb``); the longest news articles run to a few hundred thousand."""


def read_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped when it is gzip (by content, not only by name), up to
    :data:`MAX_MB`."""
    raw, stream = open_raw(path)
    limit = int(MAX_MB * 1e6)
    with raw, stream:
        try:
            data = stream.read(limit + 1)
        except (OSError, EOFError) as err:
            raise CorpusError(f"{path}: gzip data is corrupt or truncated ({err})") from None
    if len(data) > limit:
        raise CorpusError(
            f"{path}: more than {MAX_MB:,} MB once unpacked; framing features and framing "
            "compare read it in chunks, or raise the limit with --max-mb"
        )
    return data


def decode(data: bytes, where: str | os.PathLike) -> str:
    """UTF-8 text (UTF-16 when it opens with a byte order mark, as a spreadsheet's "Unicode
    text" export does); invalid bytes become U+FFFD with one warning saying how many.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     decode(b"caf\\xe9", "x.csv"), len(w)
    ('caf\\ufffd', 1)
    >>> decode("headline\\tbody".encode("utf-16"), "x.tsv")
    'headline\\tbody'
    """
    encoding = text_encoding(data)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        warnings.warn(
            f"{where}: {text.count(chr(0xFFFD))} invalid {encoding.removesuffix('-sig').upper()} byte "
            "sequence(s) replaced by U+FFFD; re-save the file as UTF-8 to keep those characters",
            UnicodeWarning,
            stacklevel=3,
        )
        return text


def separator(fmt: str, head: str) -> str:
    """The field separator of a CSV or TSV file, from its first line: a tab for TSV; for CSV
    a comma, or a semicolon when the first line has semicolons and no comma (a spreadsheet's
    export where the decimal mark is a comma).

    Examples
    --------
    >>> [separator(f, head) for f, head in [("csv", "body;outlet\\nA;B"), ("csv", "a,b;c")]]
    [';', ',']
    """
    if fmt == "tsv":
        return "\t"
    first = head.split("\n", 1)[0]
    return ";" if ";" in first and "," not in first else ","


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


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, split at "\\n" only (a JSON string may hold U+2028), one at a
    time: no second copy of the whole text (io.StringIO holds one, 0.9 GB for the AllSides
    file, whose one emoji makes the text four bytes a character).

    Examples
    --------
    >>> list(_lines("a\\n\\nb\\u2028c"))
    ['a\\n', '\\n', 'b\\u2028c']
    """
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        yield text[start:end]
        start = end


def _read_jsonl(text: str, where: Path) -> list[dict]:
    return [
        json_record(line, number, where)
        for number, line in enumerate(_lines(text), 1)
        if line.strip()
    ]


def table_error(path: Path, fmt: str, err: Exception) -> CorpusError:
    """The one-line error of a CSV or TSV file pandas could not parse."""
    return CorpusError(f"{path}: not a valid {fmt.upper()} file ({str(err).strip()})")


def checked_fields(df: pd.DataFrame, path: Path, sep: str) -> pd.DataFrame:
    """``df`` as read from a CSV or TSV file, unless pandas took surplus fields of its first
    row as an index (the values would be shifted one column): then a one-line error.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.read_csv(io.StringIO("headline,body\\nA,b,c\\n"), dtype=str)
    >>> checked_fields(df, Path("x.csv"), ",")
    Traceback (most recent call last):
    ...
    framing.errors.CorpusError: x.csv: the first row has more fields than the header (2); quote values that contain ','
    """
    import pandas as pd

    if not isinstance(df.index, pd.RangeIndex):
        raise CorpusError(
            f"{path}: the first row has more fields than the header "
            f"({len(df.columns)}); quote values that contain {sep!r}"
        )
    return df


def read_table(path: Path, fmt: str, *, sep: str | None = None) -> pd.DataFrame:
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
    del data  # the bytes, the text, the records: no more than two held at once
    if fmt in ("csv", "tsv"):
        sep = sep or separator(fmt, text[:65536])
        try:
            df = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, ValueError) as err:
            raise table_error(path, fmt, err) from None
        return checked_fields(df, path, sep)
    if fmt == "json" and text.lstrip().startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as err:
            raise CorpusError(f"{path}: not valid JSON ({err.msg} at line {err.lineno})") from None
        if not all(isinstance(r, dict) for r in records):
            raise CorpusError(f"{path}: expected a JSON array of objects (one per article)")
        return pd.DataFrame.from_records(records)
    records = _read_jsonl(text, path)
    del text
    return pd.DataFrame.from_records(records)
