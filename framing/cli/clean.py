"""``framing clean CORPUS -o OUT``: the corpus with editorial text and the clutter removed."""

from __future__ import annotations

import argparse
import sys

from framing.cli.features import add_table_output, write_table
from framing.cli.info import add_corpus_argument, read_corpus

HELP = (
    "Remove promotional clutter from every body: writes the corpus with body_clean, the "
    "removed clutter (JSON spans) and clutter_share."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    add_table_output(parser)
    parser.add_argument(
        "--learn",
        action="store_true",
        help="also remove lines that recur across articles of one outlet (needs an outlet column)",
    )


def run(args: argparse.Namespace) -> int:
    from framing.measures.clutter import ClutterDetector, clean_corpus

    df = read_corpus(args, require=("body", "outlet") if args.learn else ("body",))
    out = ClutterDetector().fit_transform(df) if args.learn else clean_corpus(df)
    write_table(out, args.output)
    removed = (out["body"].str.len() - out["body_clean"].str.len()).sum()
    total = max(int(out["body"].str.len().sum()), 1)
    print(
        f"wrote {len(out):,} articles to {args.output}; removed {removed / total:.1%} of body "
        "characters as clutter",
        file=sys.stderr,
    )
    return 0
