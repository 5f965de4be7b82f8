"""``framing explain FILE``: the evidence behind the measures of one article, marked up."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from framing.errors import InputError

HELP = "Show every span that drove a measure in one article (headline on the first line)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        help="a text file (its first line is the headline), an HTML page, or - for standard input",
    )
    parser.add_argument(
        "--no-headline", action="store_true", help="read the whole text as the body"
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="ANSI colours instead of [[...]]{kind} marks (auto: when stdout is a terminal)",
    )


def _read(name: str) -> str:
    from framing.io.files import decode, read_bytes

    if name == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    path = Path(name)
    if not path.is_file():
        raise InputError(f"{name}: no such file; give a text file or - for standard input")
    return decode(read_bytes(path), path)  # gunzipped when gzip


def _article(name: str, text: str) -> Any:
    """What :func:`~framing.report.evidence.explain` reads, as a corpus of one file would hold
    it (``load_corpus`` of a folder): an HTML page (``.html`` or ``.htm``, gzipped or not, or
    a text that opens like one) gives its ``<h1>`` or title and its text; any other text is
    tidied (entities, tags, line ends), its first line the headline as ``explain`` splits it."""
    from framing.corpus.load import html_text
    from framing.io.files import unzipped_name
    from framing.text import tidy

    opening = text.lstrip()[:15].lower()
    if unzipped_name(Path(name)).suffix.lower() in (".html", ".htm") or opening.startswith(
        ("<!doctype html", "<html")
    ):
        headline, body = html_text(text)
        return {"headline": headline, "body": body}
    return tidy(text)


def run(args: argparse.Namespace) -> int:
    from framing.report.evidence import explain

    text = _read(args.file)
    if not text.strip():
        raise InputError(f"{args.file}: the text is empty; nothing to explain")
    e = explain(_article(args.file, text), headline="" if args.no_headline else None)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    print(e.to_text(color=color))
    return 0
