"""``framing stories CORPUS -o stories.csv``: which articles report the same event."""

from __future__ import annotations

import argparse
import sys

from framing.cli.features import add_table_output, write_table
from framing.cli.info import add_corpus_argument, read_corpus
from framing.cli.options import days, fraction

HELP = (
    "Match the articles that report the same event, across outlets: writes id,story (and "
    "outlet, date and headline when the corpus has them)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    add_table_output(parser)
    parser.add_argument(
        "--window-days",
        type=days("window_days"),
        default=3,
        help="articles more days apart than this are never one story (default 3; needs a "
        "date column, else text alone)",
    )
    parser.add_argument(
        "--threshold",
        type=fraction("threshold"),
        default=None,
        help="mean similarity a story's articles must reach, 0 to 1 (default: the tuned value)",
    )


def run(args: argparse.Namespace) -> int:
    from framing.stats.stories import THRESHOLD, stories

    df = read_corpus(args)
    threshold = THRESHOLD if args.threshold is None else args.threshold
    story = stories(df, window_days=args.window_days, threshold=threshold)
    keep = [c for c in ("outlet", "date", "headline") if c in df.columns]
    out = df[keep].assign(story=story)[["story", *keep]]
    write_table(out, args.output)
    sizes = story.value_counts()
    shared = sizes[sizes > 1]
    print(
        f"wrote {len(out):,} articles to {args.output}: {len(sizes):,} stories, "
        f"{len(shared):,} told by more than one article ({int(shared.sum()):,} articles)",
        file=sys.stderr,
    )
    return 0
