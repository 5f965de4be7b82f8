"""``framing predict MODEL DATA -o predictions.csv``: labels and class probabilities."""

from __future__ import annotations

import argparse
import sys

from framing.cli.features import add_keep_argument, add_table_output, kept_columns, write_table
from framing.cli.info import add_corpus_argument, read_corpus

HELP = "Predict labels and class probabilities with a saved model; writes them atomically."
READS = ("model", "corpus")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", help="a model file written by framing train")
    add_corpus_argument(parser)
    add_table_output(parser)
    add_keep_argument(parser, "the predictions")


def run(args: argparse.Namespace) -> int:
    import pandas as pd

    from framing.models import load_model, predict

    model = load_model(args.model)
    df = read_corpus(args)
    keep = kept_columns(args.keep, df.columns)
    out = pd.concat([df[keep], predict(model, df)], axis=1)
    write_table(out, args.output)
    print(f"wrote {len(out):,} predictions to {args.output}", file=sys.stderr)
    return 0
