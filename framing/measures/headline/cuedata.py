"""The headline cues: word lists and patterns of ``data/cues.json``, acronyms, literal gates.

Everything here is loaded or compiled once, on first use. The cue patterns are searched only
where they can match: every match of a pattern holds one of a few literal strings (found by
reading the parsed pattern: "you won't believe", "here's ", "video"...), and an ASCII text
holding none of them is not searched (:func:`required_literals`, :func:`gates`,
:func:`finditer`).

(The module is not called ``cues`` so that it does not clash with the :func:`cues` function
that :mod:`framing.measures.headline` re-exports.)

Examples
--------
>>> "why" in cues()["wh"], "nasa" in acronyms()
(True, True)
>>> [m.group() for m in finditer("media_tag", "Storm hits coast - VIDEO")]
[' - VIDEO']
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, cast

from framing.text.gate import needed_literals

if TYPE_CHECKING:  # pragma: no cover
    from ahocorasick_rs import AhoCorasick

DATA = Path(__file__).with_name("data")


class Cues(TypedDict):
    """The contents of ``data/cues.json``: each word list as a frozenset."""

    _about: str
    polar: frozenset[str]
    polar_without_mark: frozenset[str]
    wh: frozenset[str]
    discourse: frozenset[str]
    degree: frozenset[str]
    subjects: frozenset[str]
    attribution: frozenset[str]
    media_words: frozenset[str]
    teaser: list[str]  # regular expressions, in order
    list_nouns: frozenset[str]
    list_relative: frozenset[str]
    list_purpose: frozenset[str]
    number_words: frozenset[str]
    negation: frozenset[str]
    stopwords: frozenset[str]


@functools.cache
def cues() -> Cues:
    """The cue lists and patterns of ``data/cues.json`` (loaded once).

    Returns
    -------
    Cues
        Each word list as a frozenset of lower-case words; ``teaser`` is the list of teaser
        patterns (regular expressions, matched case-insensitively).

    Examples
    --------
    >>> sorted(cues()["discourse"])[:3]
    ['also', 'and', 'but']
    """
    data = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    return cast(
        Cues,
        {k: frozenset(v) if isinstance(v, list) and k != "teaser" else v for k, v in data.items()},
    )


@functools.cache
def openers() -> frozenset[str]:
    """The first words of a clause that may make it a question without a question mark.

    Examples
    --------
    >>> {"is", "why", "so"} <= openers()
    True
    """
    c = cues()
    return c["discourse"] | c["polar_without_mark"] | c["wh"]


@functools.cache
def acronyms() -> frozenset[str]:
    """Lower-case words written in capitals as acronyms (``data/acronyms.txt``).

    Examples
    --------
    >>> "fbi" in acronyms(), "slams" in acronyms()
    (True, False)
    """
    lines = (DATA / "acronyms.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first, spaces as ``\\s+``.

    Examples
    --------
    >>> alternation(["in pictures", "video"])
    'in\\\\s+pictures|video'
    """
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


# where a clause starts: a teaser pattern anchored with "^" also matches there
CLAUSE_START = r"(?:^|(?<=[:.!?|-] )|(?<= and ))"


@functools.cache
def patterns() -> dict[str, re.Pattern[str]]:
    """The compiled ``media_tag``, ``teaser`` and ``listicle`` patterns.

    Examples
    --------
    >>> bool(patterns()["teaser"].search("OPINION: This is why we can't have nice things"))
    True
    >>> patterns()["listicle"].match("10 reasons to stay").group("n")
    '10'
    """
    c = cues()
    media = alternation(c["media_words"])
    numbers = alternation(c["number_words"])
    return {
        # WATCH: / Video - / [PHOTOS] at the start (or a bare capitalised WATCH); "- VIDEO",
        # "| Watch" at the end; "(+video)" anywhere; NPR's "Listen · 5:54" player label
        "media_tag": re.compile(
            rf"^\s*[\[(]?\s*(?:{media})\s*[\])]?\s*(?::|\||-\s)"
            rf"|(?-i:^(?:WATCH|VIDEO|LIVE|LISTEN|PHOTOS)(?=\s))"
            rf"|\s(?:[-|:]\s*[\[(]?|[\[(])\s*(?:{media})\s*[\])]?\s*$"
            rf"|[\[(]\s*\+?\s*(?:{media})(?:\s*[+&,/]\s*(?:{media}))*\s*[\])]"
            rf"|\b(?:listen|watch)\s*[\u00b7\u2022]?\s*\d{{1,2}}:\d{{2}}\b",
            re.I,
        ),
        # a pattern anchored at the start also matches after a label ("OPINION: This is why")
        "teaser": re.compile(
            "|".join(f"(?:{p.replace('^', CLAUSE_START, 1)})" for p in c["teaser"]), re.I
        ),
        "listicle": re.compile(
            rf"^(?:[A-Z]+:\s*)?\W*(?:the\s+)?(?:top\s+)?(?P<n>\d{{1,3}}|{numbers})(?![\d,.:%/-])\b",
            re.I,
        ),
    }


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` holds, or None if unknown.

    Read from the parsed pattern (``re._parser``; None where that is unavailable or the
    strings are not ASCII), so an ASCII text holding none of them, lower-cased, cannot match.

    Parameters
    ----------
    pattern : re.Pattern

    Returns
    -------
    frozenset of str, or None

    Examples
    --------
    >>> sorted(required_literals(re.compile(r"\\b(?:you|we) (?:need|must)\\b", re.I)))
    ['we must', 'we need', 'you must', 'you need']
    >>> sorted(required_literals(re.compile(r"^\\s*(?:video|photos?)\\s*:")))
    ['photo', 'video']
    >>> required_literals(re.compile(r"\\d+ things")), required_literals(re.compile(r"\\w+"))
    (frozenset({' things'}), None)
    """
    found = needed_literals(pattern.pattern, pattern.flags)
    if not found or not all(f.isascii() for f in found):
        return None
    return frozenset(f.lower() for f in found)


@functools.cache
def gates() -> dict[str, AhoCorasick | None]:
    """For each cue pattern, an Aho-Corasick automaton of its required literals (or None).

    Examples
    --------
    >>> sorted(k for k, gate in gates().items() if gate is not None)
    ['media_tag', 'teaser']
    """
    from ahocorasick_rs import AhoCorasick

    out: dict[str, AhoCorasick | None] = {}
    for kind, pattern in patterns().items():
        literals = required_literals(pattern)
        out[kind] = None if literals is None else AhoCorasick(sorted(literals))
    return out


def finditer(kind: str, text: str) -> Iterable[re.Match[str]]:
    """``patterns()[kind].finditer(text)``, skipped where no required literal occurs.

    Examples
    --------
    >>> list(finditer("teaser", "Senate passes budget bill"))
    []
    """
    gate = gates()[kind]
    if gate is not None and text.isascii() and not gate.find_matches_as_indexes(text.lower()):
        return ()
    return patterns()[kind].finditer(text)
