"""``framing evaluate MODEL DATA``: metrics of a saved model on held-out labelled data."""

from __future__ import annotations

import argparse
import json

from framing.cli.info import add_corpus_argument, read_corpus

HELP = "Evaluate a saved model on labelled data; prints metrics as one JSON object."
READS = ("model", "corpus")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", help="a model file written by framing train")
    add_corpus_argument(parser)
    parser.add_argument(
        "--label",
        help="the label column of this data (default: the one the model was trained on; for a "
        "multi-label model, its 0/1 columns separated by commas or its column of codes)",
    )


def run(args: argparse.Namespace) -> int:
    from framing.models import evaluate, load_model

    model = load_model(args.model)
    df = read_corpus(args)
    metrics = evaluate(model, df, args.label or model.framing_metadata_.get("label"))
    print(json.dumps(metrics))
    return 0
