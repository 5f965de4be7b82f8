"""``framing info [CORPUS]``: what a corpus holds and how its columns were read."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from framing.cli.options import positive
from framing.io.files import MAX_ARTICLE_MB, MAX_MB

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


HELP = "Describe a corpus: rows, outlets, columns, text lengths and the column mapping used."


def add_corpus_argument(parser: argparse.ArgumentParser) -> None:
    """The optional CORPUS argument and column options shared by commands."""
    parser.add_argument(
        "corpus",
        nargs="?",
        help="CSV, TSV, JSON Lines (.gz), Parquet, a folder, or a public dataset (see --input-format); "
        "default: the shipped sample corpus",
    )
    parser.add_argument(
        "--input-format",
        metavar="NAME",
        help="reader to use instead of guessing: csv, tsv, jsonl, json, parquet, or a dataset: "
        "allsides, clickbait, babe, semeval, ptc (docs/datasets.md)",
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="CANONICAL=COLUMN",
        help="map a column to a canonical name, e.g. --map body=article_text (repeatable)",
    )
    parser.add_argument(
        "--max-mb",
        type=positive("max_mb"),
        metavar="MB",
        help=f"refuse a corpus file read whole that unpacks to more (default {MAX_MB:,})",
    )
    parser.add_argument(
        "--max-article-mb",
        type=positive("max_article_mb"),
        metavar="M",
        help="refuse a headline or body of more than M million characters "
        f"(default {MAX_ARTICLE_MB:g})",
    )


def column_map(args: argparse.Namespace) -> dict[str, str]:
    """The ``--map CANONICAL=COLUMN`` options as a dict."""
    from framing.errors import InputError

    out = {}
    for item in args.map:
        canonical, sep, column = item.partition("=")
        if not sep or not canonical or not column:
            raise InputError(f"--map expects CANONICAL=COLUMN, got {item!r}")
        out[canonical.strip()] = column.strip()
    return out


def stream_corpus(
    args: argparse.Namespace, chunksize: int, require: Sequence[str] = ()
) -> Iterator[pd.DataFrame]:
    """The corpus named on the command line (or the sample), read in chunks
    (:func:`framing.corpus.stream.iter_corpus`)."""
    from framing.corpus.load import SAMPLE_PATH
    from framing.corpus.stream import iter_corpus

    source, fmt = (args.corpus, args.input_format) if args.corpus else (SAMPLE_PATH, None)
    return iter_corpus(source, chunksize=chunksize, format=fmt, require=require, **column_map(args))


def read_corpus(args: argparse.Namespace, require: Sequence[str] = ()) -> pd.DataFrame:
    """Load the corpus named on the command line (or the sample)."""
    from framing.corpus.load import SAMPLE_PATH, load_corpus

    if not args.corpus:
        return load_corpus(SAMPLE_PATH, require=require, **column_map(args))
    return load_corpus(args.corpus, format=args.input_format, require=require, **column_map(args))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def summarize(df: pd.DataFrame) -> dict:
    """Rows, columns, outlets and text-length statistics of a loaded corpus."""
    out = {
        "source": df.attrs.get("source"),
        "rows": len(df),
        "columns": list(map(str, df.columns)),
        "column_map": df.attrs.get("column_map", {}),
    }
    if "outlet" in df.columns:
        counts = df["outlet"].value_counts()
        out["outlets"] = int(counts.size)
        out["articles_per_outlet"] = {str(k): int(v) for k, v in counts.items()}
    for col in ("headline", "body"):
        if col in df.columns:
            n = df[col].str.len()
            out[f"{col}_chars"] = {
                "empty": int((n == 0).sum()),
                "median": float(n.median()) if len(n) else 0.0,
                "mean": round(float(n.mean()), 1) if len(n) else 0.0,
                "max": int(n.max()) if len(n) else 0,
            }
    if "date" in df.columns:
        from framing.stats.schema import far_dates, parse_dates

        given = df["date"].dropna().astype(str).str.strip()
        given = given[~given.isin(["", "nan", "None", "NaT"])]
        if len(given) < len(df):
            out["dates_missing"] = int(len(df) - len(given))
        dates = parse_dates(given).dropna()
        if len(dates):
            far = far_dates(dates)
            kept, apart = dates[~far], dates[far]
            out["dates"] = [kept.min().date().isoformat(), kept.max().date().isoformat()]
            if len(apart):
                out["dates_apart"] = {
                    "n": int(len(apart)),
                    "first": apart.min().date().isoformat(),
                    "last": apart.max().date().isoformat(),
                }
        if len(dates) < len(given):
            out["dates_unreadable"] = int(len(given) - len(dates))
    return out


def run(args: argparse.Namespace) -> int:
    from framing.text.normalise import visible

    info = summarize(read_corpus(args))
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
        return 0
    print(visible(f"corpus   {info['source']}"))
    print(f"rows     {info['rows']:,}")
    print(visible(f"columns  {', '.join(info['columns'])}"))
    mapped = ", ".join(f"{k} -> {v}" for k, v in info["column_map"].items()) or "none needed"
    print(visible(f"mapping  {mapped}"))
    if "dates" in info:
        print(visible(f"dates    {info['dates'][0]} to {info['dates'][1]}"))
    if "dates_apart" in info:
        apart = info["dates_apart"]
        print(
            f"         {apart['n']:,} dated more than a year from the rest "
            f"({apart['first']} to {apart['last']}): check them"
        )
    if "dates_missing" in info:
        print(f"         {info['dates_missing']:,} without a date")
    if "dates_unreadable" in info:
        print(f"         {info['dates_unreadable']:,} dates not readable as dates")
    for col in ("headline", "body"):
        s = info.get(f"{col}_chars")
        if s:
            print(
                f"{col:<8} chars: median {s['median']:,.0f}, mean {s['mean']:,.0f}, "
                f"max {s['max']:,}, empty {s['empty']:,}"
            )
    if "outlets" in info:
        print(f"outlets  {info['outlets']}")
        for outlet, n in info["articles_per_outlet"].items():
            print(visible(f"  {n:>7,}  {outlet}"))
    return 0
