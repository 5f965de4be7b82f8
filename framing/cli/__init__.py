"""Command line: ``framing COMMAND ...`` (also ``python -m framing``).

Each command is a module in this package with ``HELP`` (one line), ``add_arguments(parser)``
and ``run(args) -> int``. Errors in the input become one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings
from collections.abc import Sequence

from framing import __version__
from framing.errors import FramingError

# command name -> module; only commands that exist are listed
COMMANDS: dict[str, str] = {
    "info": "framing.cli.info",
    "features": "framing.cli.features",
    "clean": "framing.cli.clean",
    "compare": "framing.cli.compare",
    "report": "framing.cli.report",
    "explain": "framing.cli.explain",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
        p.set_defaults(_run=module.run)
    return parser


def _warning_line(message, category, filename, lineno, file=None, line=None):
    print(f"framing: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    warnings.showwarning = _warning_line
    try:
        return int(args._run(args) or 0)
    except FramingError as err:
        print(f"framing {args.command}: error: {err}", file=sys.stderr)
    except (OSError, MemoryError) as err:
        print(f"framing {args.command}: error: {err}", file=sys.stderr)
    except KeyboardInterrupt:
        print(f"framing {args.command}: interrupted; no output was written", file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
