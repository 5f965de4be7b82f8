"""Streaming: read a corpus of any size in chunks, measure each chunk, write incrementally.

Memory stays bounded by the chunk size (and the number of chunks in flight), never by the
file's size:

* :func:`iter_corpus` reads JSON Lines (plain or gzip), CSV/TSV and Parquet a chunk at a
  time and yields the same canonical frames as :func:`framing.load_corpus` (same column
  mapping, same tidied text, same ids: an ``id`` column when there is one, else row
  numbers that continue across chunks).
* :func:`map_ordered` runs a function over chunks in a pool (processes, or a Dask cluster
  through its ``concurrent.futures`` executor), results in input order, with a bounded
  number of chunks in flight.
* :class:`TableWriter` appends frames to a CSV/TSV/Parquet file through a temporary file
  that replaces the output only when every chunk is written: an interrupted run leaves
  an earlier file of that name as it was, and no half file.

Examples
--------
>>> from framing.corpus.load import SAMPLE_PATH
>>> sizes = [len(chunk) for chunk in iter_corpus(SAMPLE_PATH, chunksize=250)]
>>> sizes
[250, 250, 100]
"""

from __future__ import annotations

import contextlib
import gzip
import os
import warnings
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.corpus.load import canonical, check_column_map, load_corpus, no_rows
from framing.errors import CorpusError, InputError, check_positive
from framing.io.atomic import publish, temporary_beside
from framing.io.files import (
    checked_fields,
    format_of,
    json_record,
    open_raw,
    separator,
    table_error,
    text_encoding,
)
from framing.io.schema import TEXT_COLUMNS
from framing.text.docs import BATCH

if TYPE_CHECKING:  # pragma: no cover
    from types import TracebackType

    import pandas as pd
    import pyarrow.parquet as pq

CHUNKSIZE = 500
"""Articles per chunk by default. A chunk's text and its measures are held in memory
while it is measured, so the chunk size (times the chunks in flight) sets the memory."""

STREAMABLE = ("jsonl", "csv", "tsv", "parquet")


def _jsonl_records(stream: Iterable[bytes], where: Path, chunksize: int) -> Iterator[list[dict]]:
    records: list[dict] = []
    bad = 0
    for number, line in enumerate(stream, 1):
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text = line.decode("utf-8", errors="replace")
            bad += text.count("\ufffd")
        records.append(json_record(text, number, where))
        if len(records) == chunksize:
            yield records
            records = []
    if records:
        yield records
    if bad:
        warnings.warn(
            f"{where}: {bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD; re-save the "
            "file as UTF-8 to keep those characters",
            UnicodeWarning,
            stacklevel=3,
        )


def _utf8_lines(stream: Any) -> Iterator[bytes]:
    """The lines of a UTF-16 stream, as UTF-8 bytes (what :func:`_jsonl_records` reads)."""
    import io

    text = io.TextIOWrapper(stream, encoding="utf-16", errors="replace")
    try:
        for line in text:
            yield line.encode("utf-8")
    finally:
        text.detach()  # the stream stays open for its owner (and its progress)


def _raw_chunks(path: Path, fmt: str, chunksize: int) -> Iterator[tuple[pd.DataFrame, float]]:
    """Raw frames of at most ``chunksize`` rows, each with the fraction of the file read."""
    import pandas as pd

    size = max(path.stat().st_size, 1)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        try:
            file = pq.ParquetFile(path)
        except Exception as err:  # pyarrow raises several types for a bad file
            raise CorpusError(f"{path}: not a readable Parquet file ({err})") from None
        with file:
            total, done = max(file.metadata.num_rows, 1), 0
            for batch in file.iter_batches(batch_size=chunksize):
                done += batch.num_rows
                yield batch.to_pandas(), done / total
        return
    raw, stream = open_raw(path)
    with raw, stream:
        try:
            head = stream.peek(65536)  # type: ignore[attr-defined]  # buffered and gzip both
            encoding = text_encoding(head)
            if fmt == "jsonl":
                lines = _utf8_lines(stream) if encoding == "utf-16" else stream
                for records in _jsonl_records(lines, path, chunksize):
                    yield pd.DataFrame.from_records(records), raw.tell() / size
            else:
                sep = separator(fmt, head.decode(encoding, errors="ignore"))
                try:
                    reader = pd.read_csv(
                        stream,
                        sep=sep,
                        dtype=str,
                        keep_default_na=False,
                        chunksize=chunksize,
                        encoding=encoding,
                        encoding_errors="replace",
                    )
                    for i, frame in enumerate(reader):
                        yield (
                            checked_fields(frame, path, sep) if i == 0 else frame,
                            raw.tell() / size,
                        )
                except pd.errors.ParserError as err:
                    raise table_error(path, fmt, err) from None
        except (EOFError, gzip.BadGzipFile, zlib.error) as err:
            raise CorpusError(f"{path}: gzip data is corrupt or truncated ({err})") from None
        except pd.errors.EmptyDataError:
            raise CorpusError(f"{path} is empty: expected a {fmt.upper()} file") from None


def iter_corpus(
    source: Any,
    *,
    chunksize: int = CHUNKSIZE,
    format: str | None = None,
    require: Iterable[str] = (),
    **column_map: str,
) -> Iterator[pd.DataFrame]:
    """Read a corpus in chunks of canonical rows, as :func:`framing.load_corpus` would.

    Parameters
    ----------
    source : path or str
        JSON Lines (plain or gzip), CSV, TSV or Parquet are streamed. A JSON array, a
        folder of files, or a public dataset's layout (:mod:`framing.corpus.datasets`) is read
        whole with ``load_corpus`` and then cut into chunks.
    chunksize : int, default 500
        Rows per chunk; memory is bounded by it, not by the file.
    format, require, **column_map
        As in :func:`framing.load_corpus`.

    Yields
    ------
    pandas.DataFrame
        Canonical columns and tidied text; index ``id`` from an id column when present,
        else row numbers continuing across chunks (the ids ``load_corpus`` gives).
        ``attrs["progress"]`` is the fraction of the file read so far (0 to 1).

    Notes
    -----
    Repeated ids are suffixed (``id~2``) within a chunk, as ``load_corpus`` does, but not
    across chunks: that would need every id of the file in memory.

    Examples
    --------
    >>> from framing.corpus.load import SAMPLE_PATH
    >>> chunks = iter_corpus(SAMPLE_PATH, chunksize=400)
    >>> first = next(chunks)
    >>> len(first), first.index.name, list(first.columns[:3])
    (400, 'id', ['outlet', 'headline', 'body'])
    """
    check_positive(chunksize, "chunksize", integer=True)
    check_column_map(column_map)
    path = Path(source).expanduser()
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if format is None:
        from framing.corpus.datasets import detect

        format = detect(path)  # a public dataset's layout (None for plain tables)
    fmt = format or (None if path.is_dir() else format_of(path))
    if fmt not in STREAMABLE:
        df = load_corpus(path, format=format, require=require, **column_map)
        for start in range(0, len(df), chunksize):
            chunk = df.iloc[start : start + chunksize].copy()
            chunk.attrs["progress"] = min(start + chunksize, len(df)) / len(df)
            yield chunk
        return
    start = 0
    text_columns: list[str] = []
    header = False  # a table's columns were read (a header without rows)
    for raw, progress in _raw_chunks(path, fmt, chunksize):
        header = header or len(raw.columns) > 0
        chunk = canonical(
            raw,
            where=str(path),
            require=require,
            column_map=column_map,
            start=start,
            text_columns=text_columns,
        )
        text_columns = [c for c in TEXT_COLUMNS if c in chunk.columns]
        chunk.attrs["progress"] = progress
        start += len(chunk)
        yield chunk
    if start == 0 and header:
        raise no_rows(path)
    if start == 0:
        raise CorpusError(f"{path} is empty: expected a {fmt.upper()} file with articles")


def map_ordered(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    executor: Executor | None = None,
    *,
    in_flight: int = 4,
) -> Iterator[tuple[Any, Any]]:
    """``(item, fn(item))`` for each item, in order, with at most ``in_flight`` pending.

    Without an executor ``fn`` runs here, one item at a time. With one (a
    ``ProcessPoolExecutor``, or ``dask.distributed.Client.get_executor()``) items are
    submitted ahead so every worker stays busy, but never more than ``in_flight`` at
    once, which bounds memory whatever the number of items.

    Examples
    --------
    >>> [out for _, out in map_ordered(len, ["a", "bb", "ccc"])]
    [1, 2, 3]
    """
    if executor is None:
        for item in items:
            yield item, fn(item)
        return
    pending: deque = deque()
    try:
        for item in items:
            pending.append((item, executor.submit(fn, item)))
            if len(pending) >= in_flight:
                item, future = pending.popleft()
                yield item, future.result()
        while pending:
            item, future = pending.popleft()
            yield item, future.result()
    finally:
        for _, future in pending:
            future.cancel()


OUTPUTS = ("csv", "tsv", "parquet", "jsonl")
"""The suffixes (without the dot) of the tables :class:`TableWriter` writes."""
OUTPUTS_SHOWN = ", ".join(f".{kind}" for kind in OUTPUTS[:-1]) + f" or .{OUTPUTS[-1]}"


class TableWriter:
    """Append frames (index included) to a CSV, TSV, Parquet or JSON Lines file, atomically.

    Rows go to a temporary file beside ``path``; :meth:`close` moves it into place.
    Used as a context manager, an exception inside the block removes the temporary
    file and leaves ``path`` as it was.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "f.csv"
    >>> with TableWriter(out) as w:
    ...     w.write(pd.DataFrame({"x": [1.0]}, index=pd.Index(["a"], name="id")))
    ...     w.write(pd.DataFrame({"x": [2.0]}, index=pd.Index(["b"], name="id")))
    >>> out.read_text().splitlines()
    ['id,x', 'a,1.0', 'b,2.0']
    >>> with TableWriter(out.with_suffix(".jsonl")) as w:
    ...     w.write(pd.DataFrame({"x": [1.0]}, index=pd.Index(["a"], name="id")))
    ...     w.write(pd.DataFrame({"x": [2.0]}, index=pd.Index(["b"], name="id")))
    >>> out.with_suffix(".jsonl").read_text().splitlines()
    ['{"id":"a","x":1.0}', '{"id":"b","x":2.0}']
    """

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.kind = self.path.suffix.lower().lstrip(".")
        if self.kind not in OUTPUTS:
            raise InputError(f"{self.path}: output must end in {OUTPUTS_SHOWN}")
        self.tmp = temporary_beside(self.path)
        self.rows = 0
        self._parquet: pq.ParquetWriter | None = None

    def write(self, df: pd.DataFrame) -> None:
        """Append the rows of ``df`` (same columns as the first frame written)."""
        if self.kind == "parquet":
            self._write_parquet(df)
        elif self.kind == "jsonl":
            rows = df.reset_index()
            with open(self.tmp, "a", encoding="utf-8") as out:
                # a slice at a time: pandas builds the whole text of what it writes (the
                # 36,254 cleaned AllSides articles at once took 8 GB); an empty frame
                # writes nothing (pandas would write a blank line)
                for i in range(0, len(rows), BATCH):
                    rows.iloc[i : i + BATCH].to_json(
                        out, orient="records", lines=True, force_ascii=False, date_format="iso"
                    )  # each record ends in a newline
        else:
            df.to_csv(
                self.tmp,
                sep="\t" if self.kind == "tsv" else ",",
                mode="a",
                header=self.rows == 0,
            )
        self.rows += len(df)

    def _write_parquet(self, df: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(df, preserve_index=True)
        if self._parquet is None:
            # a column with no value in the first chunk has no type yet: store it as text
            schema = pa.schema(
                [f.with_type(pa.string()) if pa.types.is_null(f.type) else f for f in table.schema],
                metadata=table.schema.metadata,
            )
            self._parquet = pq.ParquetWriter(self.tmp, schema)
        if table.schema != self._parquet.schema:
            try:
                table = table.cast(self._parquet.schema)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError) as err:
                raise InputError(
                    f"{self.path}: a later chunk's columns differ in type from the first "
                    f"chunk's ({err}); leave that column out of the table, or write CSV"
                ) from None
        self._parquet.write_table(table)

    def close(self) -> None:
        """Finish the file and move it into place."""
        if self._parquet is not None:
            self._parquet.close()
        publish(self.tmp, self.path)

    def abort(self) -> None:
        """Drop the temporary file; ``path`` is left as it was."""
        if self._parquet is not None:
            with contextlib.suppress(Exception):
                self._parquet.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.tmp)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()
