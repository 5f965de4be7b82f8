"""``framing features CORPUS -o OUT``: one row of measures per article, streamed to disk.

The corpus is read in chunks (:func:`framing.corpus.stream.iter_corpus`), measured in this
process, in ``--jobs N`` processes or on a Dask cluster, and appended to a temporary file
that replaces ``OUT`` only once every row is written. Memory is bounded by the chunk size
and the number of chunks in flight, whatever the size of the corpus.
"""

from __future__ import annotations

import argparse
import sys
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.cli.info import add_corpus_argument, stream_corpus
from framing.cli.options import count, families
from framing.corpus.stream import CHUNKSIZE
from framing.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


HELP = "Extract the framing measures of every article into a CSV or Parquet file."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    add_table_output(parser)
    parser.add_argument(
        "--features",
        type=families,
        default="default",
        help="'default', 'all' or comma-separated families",
    )
    add_keep_argument(parser, "the measures")
    add_scale_arguments(parser)
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal)",
    )


def add_scale_arguments(parser: argparse.ArgumentParser) -> None:
    """``--chunksize`` and where chunks are measured: ``--jobs``, ``--dask`` or ``--scheduler``."""
    parser.add_argument(
        "--chunksize",
        type=count("chunksize"),
        default=CHUNKSIZE,
        help=f"articles read and measured at a time (default {CHUNKSIZE}); memory grows with it",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--jobs", type=count("jobs"), default=1, help="worker processes on this machine (default 1)"
    )
    add_cluster_arguments(where)


def add_cluster_arguments(group: argparse._ActionsContainer) -> None:
    """``--dask local:N`` and ``--scheduler tcp://HOST:PORT``: where a Dask cluster runs."""
    group.add_argument(
        "--dask", metavar="local:N", help="run on a local Dask cluster of N worker processes"
    )
    group.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="run on a running Dask cluster (its workers need framing installed)",
    )


def add_table_output(parser: argparse.ArgumentParser) -> None:
    """The required ``-o/--output`` table option shared by the commands that write tables."""
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file: .csv, .tsv, .parquet or .jsonl (written atomically)",
    )


def add_keep_argument(parser: argparse.ArgumentParser, beside: str) -> None:
    """The ``--keep`` option: corpus columns copied beside what a command writes."""
    parser.add_argument(
        "--keep",
        help=f"corpus columns to copy beside {beside}, comma-separated; each must exist "
        "(default: outlet, when the corpus has one)",
    )


def kept_columns(keep: str | None, columns: Any) -> list[str]:
    """The corpus columns ``--keep`` names (default: ``outlet`` where there is one); a named
    column the corpus lacks is one line of error."""
    wanted = [c for c in (keep or "outlet").split(",") if c]
    kept = [c for c in wanted if c in columns]
    if keep is not None and len(kept) < len(wanted):
        missing = ", ".join(repr(c) for c in wanted if c not in kept)
        raise InputError(
            f"--keep: no column {missing} in the corpus; its columns: {', '.join(map(str, columns))}"
        )
    return kept


def write_table(df: pd.DataFrame, path: str | Path) -> None:
    """Write ``df`` (with its index) as CSV, TSV, Parquet or JSON Lines by suffix, atomically."""
    from framing.corpus.stream import TableWriter

    with TableWriter(path) as writer:
        writer.write(df)


def measure(chunk: pd.DataFrame, features: list[str]) -> pd.DataFrame:
    """The measures of one chunk (run in a worker process or on a Dask worker)."""
    from framing.features import extract_features

    return extract_features(chunk, features)


def run(args: argparse.Namespace) -> int:
    import pandas as pd

    from framing.corpus.load import SAMPLE_PATH
    from framing.corpus.stream import TableWriter, map_ordered
    from framing.features import describe, resolve
    from framing.io.parallel import executor

    names = resolve(args.features)
    chunks = stream_corpus(args, args.chunksize)
    show = sys.stderr.isatty() if args.progress is None else args.progress
    source = Path(args.corpus or SAMPLE_PATH)
    size_mb = source.stat().st_size / 1e6 if source.is_file() else 0.0
    keep = None
    with executor(args.jobs, args.dask, args.scheduler) as (pool, workers):
        results = map_ordered(partial(measure, features=names), chunks, pool, in_flight=2 * workers)
        with TableWriter(args.output) as writer, _progress(show) as bar:
            started = time.perf_counter()
            for chunk, feats in results:
                if keep is None:
                    keep = kept_columns(args.keep, chunk.columns)
                writer.write(pd.concat([chunk.reindex(columns=keep), feats], axis=1))
                if bar is not None:
                    bar.update(len(chunk))
                    mb = chunk.attrs.get("progress", 0.0) * size_mb
                    bar.set_postfix_str(f"{mb / (time.perf_counter() - started):.1f} MB/s")
    n = len(describe(names))
    print(f"wrote {writer.rows:,} rows x {n} measures to {args.output}", file=sys.stderr)
    return 0


def _progress(show: bool) -> Any:
    import contextlib

    if not show:
        return contextlib.nullcontext()
    from tqdm.auto import tqdm

    return tqdm(unit=" rows", unit_scale=True, desc="features", file=sys.stderr)
