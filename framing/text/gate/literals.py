"""Literal gates: strings every match of a pattern holds or begins with, found by
Aho-Corasick.

:func:`needed_literals` reads from a pattern the literal strings one of which every match
holds; :func:`leading` those one of which every match begins with. :func:`automaton` builds
an Aho-Corasick automaton of literals and :func:`matches` finds them all in one pass over
the UTF-8 bytes of a text.

Examples
--------
>>> sorted(needed_literals(r"(?:photo|video)s? by [A-Z]\\w+"))
['photo', 'video']
>>> index, starts, ends = matches(automaton(["photo", "video"]), "A video, photos")
>>> index.tolist(), starts.tolist()
([1, 0], [2, 9])
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.text.gate.parsed import ZERO_WIDTH, Node, char_source, parse, sre
from framing.text.scan import Utf8

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    from ahocorasick_rs import BytesAhoCorasick

_LITERALS_CAP = 512  # the most strings a set of literals may list


def _exact(items: list[Node]) -> set[str] | None:
    """Every string the parsed sequence ``items`` can match, or None (unbounded, or too many)."""
    out = {""}
    add: set[str] | None
    for op, av in items:
        if op in ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            add = {chr(av)}
        elif op is sre.IN and all(o is sre.LITERAL for o, _ in av):
            add = {chr(c) for _, c in av}
        elif op is sre.SUBPATTERN:
            add = _exact(av[-1])
        elif op is sre.BRANCH:
            alternatives = [_exact(a) for a in av[1]]
            known = [a for a in alternatives if a is not None]
            add = set[str]().union(*known) if len(known) == len(alternatives) else None
        else:
            return None
        if add is None or len(out) * len(add) > _LITERALS_CAP:
            return None
        out = {a + b for a in out for b in add}
    return out


def needed(items: list[Node]) -> set[str] | None:
    """Non-empty strings one of which every match of ``items`` holds (the best such), or None.

    A run of consecutive literal elements gives the set of its possible texts; a group, an
    alternation (each alternative needing one of its own strings) or a repeat of at least one
    gives what it needs; the best set is the one whose shortest string is longest.

    Examples
    --------
    >>> sorted(needed(parse("[^x]+(?:ab|cd)e")))
    ['abe', 'cde']
    """
    found: list[set[str] | None] = []
    run = {""}
    for op, av in items:
        if op in ZERO_WIDTH:
            continue  # zero width: the literal run goes on
        add = _exact([(op, av)])
        if add is not None and len(run) * len(add) <= _LITERALS_CAP:
            run = {a + b for a in run for b in add}
            continue
        found.append(run)
        run = add if add is not None else {""}
        if add is not None:
            continue
        if op is sre.SUBPATTERN:
            found.append(needed(av[-1]))
        elif op is sre.BRANCH:
            alternatives = [needed(a) for a in av[1]]
            known = [a for a in alternatives if a is not None]
            if len(known) == len(alternatives):
                found.append(set[str]().union(*known))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            found.append(needed(av[2]))
    found.append(run)
    usable = [f for f in found if f and "" not in f]
    return max(usable, key=lambda f: (min(map(len, f)), -len(f)), default=None)


def needed_literals(pattern: str, flags: int = 0) -> set[str] | None:
    """Strings one of which every match of ``pattern`` holds, as written, or None if unknown.

    Read from the parsed pattern: of the literal stretches every match must contain, the set
    whose shortest string is longest. Case as in the pattern (``re.I`` is not applied).

    Examples
    --------
    >>> sorted(needed_literals(r"[^\\n]{3,60} is (?:a |the )?(?:editor|writer)\\b"))
    ['editor', 'writer']
    >>> needed_literals(r"(?:watch)?\\d+") is None
    True
    """
    try:
        return needed(parse(pattern, flags))
    except (AttributeError, TypeError, ValueError):  # another re implementation
        return None


def leading(items: list[Node]) -> set[str]:
    """Strings one of which every match of ``items`` begins with (``{""}`` when none is known).

    Examples
    --------
    >>> sorted(leading(parse("(?:ab|c)d+"))), leading(parse("x*y"))
    (['ab', 'c'], {''})
    """
    out = {""}
    for op, av in items:
        if op in ZERO_WIDTH:
            continue
        add = _exact([(op, av)])
        if add is None or len(out) * len(add) > _LITERALS_CAP:
            break
        out = {a + b for a in out for b in add}
    return out


def may_match_newline(items: list[Node], flags: int) -> bool:
    """Whether the parsed sequence ``items`` can match a line break (True when unsure).

    Examples
    --------
    >>> may_match_newline(parse(r"[^\\n]+ by \\w+"), 0), may_match_newline(parse(r"a\\s"), 0)
    (False, True)
    """
    for op, av in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT, sre.GROUPREF):
            continue  # zero width, or what a group (checked itself) matched
        if op is sre.SUBPATTERN:
            inner = [av[-1]]
        elif op is sre.BRANCH:
            inner = av[1]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            inner = [av[2]]
        else:
            char = char_source(op, av)
            if char is None or re.fullmatch(char, "\n", flags):
                return True
            continue
        if any(may_match_newline(i.data, flags) for i in inner):
            return True
    return False


def automaton(literals: list[str]) -> BytesAhoCorasick:
    """An Aho-Corasick DFA (``ahocorasick_rs``) of ``literals`` over UTF-8, for :func:`matches`.

    Examples
    --------
    >>> automaton(["war", "peace"]).find_matches_as_indexes(b"war and peace")
    [(0, 0, 3), (1, 8, 13)]
    """
    from ahocorasick_rs import BytesAhoCorasick, Implementation

    data = [x.encode("utf-8", "surrogatepass") for x in literals]
    return BytesAhoCorasick(data, implementation=Implementation.DFA)


def matches(
    automaton: BytesAhoCorasick, text: str | Utf8
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every occurrence, overlapping ones too, of the literals of ``automaton`` in ``text``:
    arrays of literal index, start and end, in characters.

    The scan runs over the UTF-8 bytes (which the library scans without converting offsets
    match by match, as it does for ``str``); pass a :class:`~framing.text.scan.Utf8` to
    reuse bytes already encoded.

    Examples
    --------
    >>> index, starts, ends = matches(automaton(["café", "é b"]), "Un café bien")
    >>> index.tolist(), starts.tolist(), ends.tolist()
    ([0, 1], [3, 6], [7, 9])
    """
    import numpy as np

    utf8 = text if isinstance(text, Utf8) else Utf8(text)
    found = automaton.find_matches_as_indexes(utf8.data, overlapping=True)
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    index, starts, ends = np.array(found, dtype=np.int64).T
    return index, utf8.chars(starts), utf8.chars(ends)
