"""``framing stories CORPUS -o stories.csv``: which articles report the same event.

With ``--dask local:N`` or ``--scheduler``, the corpus is streamed and only what matching
reads is kept (outlet, date, headline and the start of the body), and the stories are matched
on the Dask cluster in blocks of days (:mod:`framing.stats.story_blocks`).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from framing.cli.features import add_cluster_arguments, add_table_output, write_table
from framing.cli.info import add_corpus_argument, read_corpus
from framing.cli.options import days, fraction

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

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
    add_cluster_arguments(parser.add_mutually_exclusive_group())


def _read_parts(args: argparse.Namespace) -> pd.DataFrame:
    """The corpus streamed, each body cut to the words that matching reads."""
    import pandas as pd

    from framing.cli.info import stream_corpus
    from framing.corpus.stream import CHUNKSIZE
    from framing.stats.stories import BODY_WORDS, LEAD_WORDS, lead

    parts = []
    for chunk in stream_corpus(args, CHUNKSIZE):
        keep = chunk[[c for c in ("outlet", "date", "headline", "body") if c in chunk.columns]]
        if "body" in keep:
            keep = keep.assign(body=lead(keep["body"], max(LEAD_WORDS, BODY_WORDS)))
        parts.append(keep)
    return pd.concat(parts)


def _stories_on_dask(df: pd.DataFrame, args: argparse.Namespace, threshold: float) -> pd.Series:
    """:func:`framing.stats.stories.stories` of ``df`` on the Dask cluster the options name."""
    import pandas as pd

    from framing.io.parallel import executor
    from framing.stats.stories import stories

    with executor(1, args.dask, args.scheduler) as (_, workers):
        import dask.dataframe as dd

        # articles are named by position on the cluster: ids may repeat across chunks
        ddf = dd.from_pandas(df.reset_index(drop=True), npartitions=4 * workers)
        story = stories(ddf, window_days=args.window_days, threshold=threshold)
    return pd.Series(story.to_numpy(), index=df.index, name="story")


def run(args: argparse.Namespace) -> int:
    from framing.stats.stories import THRESHOLD, stories

    threshold = THRESHOLD if args.threshold is None else args.threshold
    if args.dask or args.scheduler:
        df = _read_parts(args)
        story = _stories_on_dask(df, args, threshold)
    else:
        df = read_corpus(args)
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
