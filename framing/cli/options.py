"""Option types that check a value where it is parsed, with the library's own message.

Each is an ``argparse`` ``type=``: a bad value stops the command before it reads anything,
as one line (``framing train: error: argument --C: C must be a finite number above 0, not
-1.0``), and the message is the one the library function gives for the same value.

Examples
--------
>>> count("top")("3"), positive("C")("0.5"), ngram_range("char_ngrams")("2,5")
(3, 0.5, (2, 5))
>>> count("top")("-3")
Traceback (most recent call last):
...
argparse.ArgumentTypeError: top must be a whole number of at least 1, not -3
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import NoReturn, TypeVar

from framing.errors import (
    FramingError,
    check_days,
    check_fraction,
    check_ngram_range,
    check_positive,
)

T = TypeVar("T")


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (``-h`` shows the usage)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} -h)\n")


def _option(parse: Callable[[str], T], what: str) -> Callable[[str], T]:
    def convert(text: str) -> T:
        try:
            return parse(text)
        except FramingError as err:
            raise argparse.ArgumentTypeError(str(err)) from None
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {what}, got {text!r}") from None

    convert.__name__ = what
    return convert


def count(name: str) -> Callable[[str], int]:
    """A whole number of at least 1 (rows, resamples, workers, table lines)."""
    return _option(
        lambda text: int(check_positive(int(text), name, integer=True)), "a whole number"
    )


def positive(name: str) -> Callable[[str], float]:
    """A finite number above 0."""
    return _option(lambda text: float(check_positive(float(text), name)), "a number")


def positive_or_auto(name: str) -> Callable[[str], float | str]:
    """``auto`` or a finite number above 0."""
    return _option(
        lambda text: "auto" if text == "auto" else float(check_positive(float(text), name)),
        "'auto' or a number",
    )


def fraction(name: str) -> Callable[[str], float]:
    """A number above 0 and at most 1."""
    return _option(lambda text: check_fraction(float(text), name), "a number")


def days(name: str) -> Callable[[str], int]:
    """A whole number of days, 0 or more."""
    return _option(lambda text: check_days(int(text), name), "a whole number of days")


def ngram_range(name: str, *words: str) -> Callable[[str], tuple[int, int] | str]:
    """``LO,HI``: two whole numbers, 1 <= LO <= HI; or one of ``words`` (such as ``auto``)."""

    def parse(text: str) -> tuple[int, int] | str:
        if text in words:
            return text
        low, high = (int(v) for v in text.split(","))
        return check_ngram_range((low, high), name)

    return _option(parse, " or ".join(["LO,HI such as 2,5", *words]))


def _families(text: str) -> str:
    from framing.features import resolve

    resolve(text)
    return text


families = _option(_families, "feature families")
"""Feature families as the library reads them (``default``, ``all`` or names)."""
