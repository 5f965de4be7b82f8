"""``framing features CORPUS -o OUT``: one row of measures per article, written atomically."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from framing.cli.info import add_corpus_argument, read_corpus
from framing.errors import InputError

HELP = "Extract the framing measures of every article into a CSV or Parquet file."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file: .csv, .tsv or .parquet (written atomically)",
    )
    parser.add_argument(
        "--features", default="default", help="'default', 'all' or comma-separated families"
    )
    parser.add_argument(
        "--keep",
        default="outlet",
        help="corpus columns to copy beside the measures, comma-separated (default: outlet)",
    )


def write_table(df, path: str | Path) -> None:
    """Write ``df`` (with its index) as CSV, TSV or Parquet by suffix, atomically."""
    from framing.io import atomic_path

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".tsv", ".parquet"):
        raise InputError(f"{path}: output must end in .csv, .tsv or .parquet")
    with atomic_path(path) as tmp:
        if suffix == ".parquet":
            df.to_parquet(tmp)
        else:
            df.to_csv(tmp, sep="\t" if suffix == ".tsv" else ",")


def run(args: argparse.Namespace) -> int:
    import pandas as pd

    from framing.features import extract_features

    df = read_corpus(args)
    feats = extract_features(df, args.features, progress=sys.stderr.isatty())
    keep = [c for c in args.keep.split(",") if c and c in df.columns]
    out = pd.concat([df[keep], feats], axis=1)
    write_table(out, args.output)
    print(f"wrote {len(out):,} rows x {feats.shape[1]} measures to {args.output}", file=sys.stderr)
    return 0
