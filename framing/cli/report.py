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
    parser.add_argument(
        "--format",
        choices=("html", "md"),
        help="html (one self-contained file) or md (Markdown beside a folder of PNG figures); "
        "default: as the -o file's suffix says (.md, .markdown), else html",
    )
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


_SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def output_format(output: str | None, format: str | None) -> str:
    """The report's format: ``--format``, else the one the output's suffix names, else html;
    a ``--format`` that the suffix contradicts is one line of error.

    Examples
    --------
    >>> output_format("out/r.md", None), output_format(None, "md"), output_format("r.txt", None)
    ('md', 'md', 'html')
    >>> output_format("r.html", "md")
    Traceback (most recent call last):
    ...
    framing.errors.InputError: -o r.html names an html file, but --format md writes md: name it r.md, or drop --format
    """
    from framing.errors import InputError

    named = _SUFFIXES.get(Path(output).suffix.lower()) if output else None
    if output and format and named and format != named:
        raise InputError(
            f"-o {output} names an {named} file, but --format {format} writes {format}: name it "
            f"{Path(output).with_suffix('.' + format)}, or drop --format"
        )
    return format or named or "html"


def run(args: argparse.Namespace) -> int:
    from framing.report.build import build_report

    format = output_format(args.output, args.format)  # before the corpus is read
    df = read_corpus(args)
    output = Path(args.output) if args.output else default_output(args.corpus, format)
    path = build_report(
        df,
        by=args.by,
        within=args.within,
        output=output,
        format=format,
        seed=args.seed,
        progress=sys.stderr.isatty() and len(df) >= _PROGRESS_FROM,  # bars only on a terminal
    )
    print(f"wrote {path}", file=sys.stderr)
    return 0
