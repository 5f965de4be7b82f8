"""Command line: ``framing COMMAND ...`` (also ``python -m framing``).

Each command is a module in this package with ``HELP`` (one line), ``add_arguments(parser)``
and ``run(args) -> int``, and ``READS`` when the files it reads are named by other arguments
than ``corpus``. Errors in the input and bad options become one line on stderr and exit
status 2, and so does an ``-o/--output`` that names a file the command reads. Ctrl-C (exit
130) and SIGTERM (exit 143) stop the command as cleanly: no output is written.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from framing import __version__
from framing.cli.options import Parser
from framing.errors import FramingError, InputError, MissingColumnError, ParameterError
from framing.io import files
from framing.io.schema import CANONICAL

# command name -> module; only commands that exist are listed
COMMANDS: dict[str, str] = {
    "info": "framing.cli.info",
    "features": "framing.cli.features",
    "clean": "framing.cli.clean",
    "compare": "framing.cli.compare",
    "report": "framing.cli.report",
    "explain": "framing.cli.explain",
    "train": "framing.cli.train",
    "evaluate": "framing.cli.evaluate",
    "predict": "framing.cli.predict",
    "explain-model": "framing.cli.explain_model",
    "stories": "framing.cli.stories",
}


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="framing",
        description="Measure loaded language, headline framing and promotional clutter in "
        "news articles, and compare outlets.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        flags = {a.dest: max(a.option_strings, key=len) for a in p._actions if a.option_strings}
        p.set_defaults(_run=module.run, _reads=getattr(module, "READS", ("corpus",)), _flags=flags)
    return parser


def hint(error: FramingError, flags: dict[str, str]) -> str:
    """The error's message with the command-line fix: library errors name parameters and
    columns; here they become the command's options.

    Parameters
    ----------
    error : FramingError
        From the library.
    flags : dict
        Parameter name -> the option that sets it, for the command that ran.

    Examples
    --------
    >>> from framing.errors import MissingColumnError, ParameterError
    >>> flags = {"by": "--by", "model": "--model", "map": "--map", "text": "--text"}
    >>> hint(ParameterError("too few groups; use by= to pick another", parameter="by"), flags)
    'too few groups; use --by to pick another'
    >>> hint(ParameterError("unknown model 'forest'", parameter="model"), flags)
    "unknown model 'forest' (--model)"
    >>> hint(MissingColumnError("no text column 'body'", missing=["body"]), flags)
    "no text column 'body'; map it with --map body=COLUMN or train with --text naming the columns you have"
    """
    text = str(error)
    if isinstance(error, ParameterError) and error.parameter in flags:
        flag = flags[error.parameter]
        if "=" in text:  # every name= the message spells becomes the option
            for name, option in flags.items():
                text = text.replace(f"{name}=", option)
            return text
        return f"{text} ({flag})"
    if isinstance(error, MissingColumnError) and error.missing and "map" in flags:
        column = error.missing[0]
        if column in CANONICAL:
            also = " or train with --text naming the columns you have" if "text" in flags else ""
            return f"{text}; map it with --map {column}=COLUMN{also}"
    return text


#: suffixes a folder corpus reads: an output with one of them inside an input folder would
#: become an article of the next run
FOLDER_READS = (".txt", ".html", ".htm", ".json", ".xml")


def check_output(output: str | os.PathLike | None, inputs: dict[str, str | None]) -> None:
    """Refuse an output path that is, or would be read as part of, one of the inputs.

    Parameters
    ----------
    output : path or None
        The ``-o/--output`` path.
    inputs : dict
        Argument name -> the path it names (``None`` when not given).

    Examples
    --------
    >>> check_output("a.csv", {"corpus": "./a.csv"})
    Traceback (most recent call last):
    ...
    framing.errors.InputError: -o a.csv is the corpus this command reads; write the output to another file
    >>> check_output("b.csv", {"corpus": "a.csv", "model": None})
    """
    if output is None:
        return
    out = Path(output).resolve()
    for name, value in inputs.items():
        if not value:
            continue
        source = Path(value).resolve()
        if out == source or (out.exists() and source.exists() and os.path.samefile(out, source)):
            raise InputError(
                f"-o {output} is the {name} this command reads; write the output to another file"
            )
        if source.is_dir() and out.is_relative_to(source) and out.suffix.lower() in FOLDER_READS:
            raise InputError(
                f"-o {output} lies inside the {name} folder, where the next run would read it "
                "as an article; write the output elsewhere"
            )


def _warning_line(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    print(f"framing: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # -h, --version, or a bad option (one line already printed)
        return stop.code if isinstance(stop.code, int) else 2
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    warnings.showwarning = _warning_line
    on_term = signal.signal(signal.SIGTERM, _terminate)
    limits = files.MAX_MB, files.MAX_ARTICLE_MB
    files.MAX_MB = getattr(args, "max_mb", None) or files.MAX_MB
    files.MAX_ARTICLE_MB = getattr(args, "max_article_mb", None) or files.MAX_ARTICLE_MB
    try:
        check_output(
            getattr(args, "output", None), {n: getattr(args, n, None) for n in args._reads}
        )
        return int(args._run(args) or 0)
    except FramingError as err:
        print(f"framing {args.command}: error: {hint(err, args._flags)}", file=sys.stderr)
    except (OSError, MemoryError) as err:
        print(f"framing {args.command}: error: {err}", file=sys.stderr)
    except KeyboardInterrupt as stop:
        how = "terminated" if isinstance(stop, Terminated) else "interrupted"
        print(f"framing {args.command}: {how}; no output was written", file=sys.stderr)
        return 143 if isinstance(stop, Terminated) else 130
    finally:
        signal.signal(signal.SIGTERM, on_term)
        files.MAX_MB, files.MAX_ARTICLE_MB = limits
    return 2


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised wherever the command is, so that it cleans up as for Ctrl-C."""


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
