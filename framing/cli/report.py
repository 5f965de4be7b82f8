"""``framing report [CORPUS]``: the outlet comparison report, one self-contained file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from framing.cli.info import add_corpus_argument, read_corpus

HELP = "Compare outlets (or any grouping) and write a self-contained HTML or Markdown report."
_PROGRESS_FROM = 2000  # articles: a terminal shows progress for corpora at least this long


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument("--by", default="outlet", help="grouping column (default: outlet)")
    parser.add_argument(
        "--within",
        help="compare within this column: topic (reweighted to a common mix), or story (paired: the same event told by several outlets; matched by framing.stories when the corpus has no story column)",
    )
    parser.add_argument(
        "-o",
        "--output",
        help="output file (default: reports/sample.html for the sample, else reports/<corpus>.html)",
    )
    parser.add_argument("--format", choices=("html", "md"), default="html")
    parser.add_argument("--seed", type=int, default=0, help="bootstrap and classifier seed")


def default_output(corpus: str | None, format: str) -> Path:
    """``reports/sample.html`` for the sample, else ``reports/<corpus name>.<format>``.

    Examples
    --------
    >>> default_output(None, "html").as_posix(), default_output("data/a.jsonl.gz", "md").as_posix()
    ('reports/sample.html', 'reports/a.md')
    """
    name = Path(corpus).name.split(".")[0] if corpus else "sample"
    return Path("reports") / f"{name or 'report'}.{format}"


def run(args: argparse.Namespace) -> int:
    from framing.report.build import build_report

    df = read_corpus(args)
    output = Path(args.output) if args.output else default_output(args.corpus, args.format)
    path = build_report(
        df,
        by=args.by,
        within=args.within,
        output=output,
        format=args.format,
        seed=args.seed,
        progress=sys.stderr.isatty() and len(df) >= _PROGRESS_FROM,  # bars only on a terminal
    )
    print(f"wrote {path}", file=sys.stderr)
    return 0
