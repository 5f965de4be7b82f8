"""``framing explain-model MODEL``: the features weighing most for and against each class."""

from __future__ import annotations

import argparse
import sys

from framing.cli.options import count

HELP = "Show the most positive and negative features of each class of a saved model."
READS = ("model",)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", help="a model file written by framing train")
    parser.add_argument(
        "--top", type=count("top"), default=15, help="features per class and direction"
    )
    parser.add_argument(
        "-o", "--output", help="also write the table (.csv, .tsv, .parquet, .jsonl)"
    )


def run(args: argparse.Namespace) -> int:
    from framing.cli.features import write_table
    from framing.models import load_model, model_features

    model = load_model(args.model)
    table = model_features(model, top=args.top)
    meta = model.framing_metadata_
    print(
        f"model {args.model}: label {meta.get('label')!r} from {', '.join(meta.get('text', []))}; "
        f"framing {meta.get('framing_version')}"
    )
    for (cls, direction), part in table.groupby(["class", "direction"], sort=False):
        print(f"\n{cls} - {direction}")
        for feature, weight in zip(part["feature"], part["weight"], strict=True):
            print(f"  {weight:+8.3f}  {feature}")
    if args.output:
        write_table(table, args.output)
        print(f"wrote {len(table):,} rows to {args.output}", file=sys.stderr)
    return 0
