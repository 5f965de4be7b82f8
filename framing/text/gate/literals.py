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
import threading
import weakref
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

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


class Automaton:
    """Literals to find in UTF-8 text with Aho-Corasick (``ahocorasick_rs``), by :func:`matches`.

    Every automaton alive shares its scans of a batch: the first one to look in a
    :class:`~framing.text.scan.Utf8` scans it once for the literals of all of them, and each
    reads its own from that scan (the clutter cues, the line model's marks and the phrase
    lexicons look in the same bodies). A plain ``str`` is scanned for this automaton's
    literals alone.

    Parameters
    ----------
    literals : sequence of str
        The strings to find; a match's index is the literal's place here.
    """

    def __init__(self, literals: Sequence[str]) -> None:
        self.data = [x.encode("utf-8", "surrogatepass") for x in literals]
        # repeated or empty literals would not map one to one on the union: scan alone
        self.distinct = len(set(self.data)) == len(self.data) and all(self.data)
        if self.distinct:
            _LIVE.add(self)
            _changed()
            weakref.finalize(self, _changed)

    @cached_property
    def own(self) -> BytesAhoCorasick:
        """The automaton of these literals alone (a DFA)."""
        from ahocorasick_rs import BytesAhoCorasick, Implementation

        return BytesAhoCorasick(self.data, implementation=Implementation.DFA)


_LIVE: weakref.WeakSet[Automaton] = weakref.WeakSet()
_Union = tuple[int, "BytesAhoCorasick", dict[int, "np.ndarray"], int]
_UNION: dict[str, Any] = {"version": 0, "built": None}  # built: a _Union, or None
_LOCK = threading.RLock()  # re-entrant: a finalizer may run inside, during a rebuild
_SCANS: weakref.WeakKeyDictionary[Utf8, tuple[int, np.ndarray]] = weakref.WeakKeyDictionary()


def _changed() -> None:
    with _LOCK:
        _UNION["version"] += 1


def _union() -> _Union:
    """The automaton of every live :class:`Automaton`'s literals, with the version of the set
    of automata it was built for, for each automaton (by id) the place among its own
    literals of each literal of the union (-1 when not one of them), and the longest
    literal's length in bytes."""
    import numpy as np
    from ahocorasick_rs import BytesAhoCorasick, Implementation

    with _LOCK:  # Dask's threaded workers may ask at once
        built, version = _UNION["built"], _UNION["version"]
        if built is None or built[0] != version:
            place: dict[bytes, int] = {}
            index = {id(m): [place.setdefault(x, len(place)) for x in m.data] for m in _LIVE}
            maps = {}
            for key, at in index.items():
                maps[key] = np.full(len(place), -1, dtype=np.int64)
                maps[key][at] = np.arange(len(at))
            auto = BytesAhoCorasick(list(place), implementation=Implementation.DFA)
            built = _UNION["built"] = version, auto, maps, max(map(len, place), default=0)
        return built


def _union_scan(text: Utf8) -> tuple[np.ndarray, dict[int, np.ndarray]]:
    """The matches of the union's literals in ``text`` (bytes, 3 x n), scanned once per text,
    with the union's place maps (see :func:`_union`).

    A text that is another with a head put before it (:meth:`Utf8.prefixed`) reuses that
    text's scan, shifted, and scans only the matches that start in the head.
    """
    import numpy as np

    version, union, maps, longest = _union()
    scan = _SCANS.get(text)
    if scan is None or scan[0] != version:
        if text.base is None:
            found = _found(union, text.data)
        else:
            base, shift = text.base
            head = _found(union, text.data[: shift + longest - 1])
            found = np.c_[head[:, head[1] < shift], _union_scan(base)[0] + [[0], [shift], [shift]]]
            found = found[:, np.argsort(found[2], kind="stable")]
        scan = _SCANS[text] = version, found
    return scan[1], maps


def automaton(literals: Sequence[str]) -> Automaton:
    """An :class:`Automaton` of ``literals``, for :func:`matches`.

    Examples
    --------
    >>> index, starts, ends = matches(automaton(["war", "peace"]), "war and peace")
    >>> index.tolist(), starts.tolist(), ends.tolist()
    ([0, 1], [0, 8], [3, 13])
    """
    return Automaton(literals)


def _found(auto: BytesAhoCorasick, data: bytes) -> np.ndarray:
    """Literal index, start and end (bytes) of every match, overlapping ones too: 3 x n."""
    import numpy as np

    found = auto.find_matches_as_indexes(data, overlapping=True)
    return np.array(found, dtype=np.int64).reshape(-1, 3).T


def matches(automaton: Automaton, text: str | Utf8) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every occurrence, overlapping ones too, of the literals of ``automaton`` in ``text``:
    arrays of literal index, start and end, in characters, in the order of their ends.

    The scan runs over the UTF-8 bytes (which the library scans without converting offsets
    match by match, as it does for ``str``); pass a :class:`~framing.text.scan.Utf8` to
    reuse bytes already encoded, and the scan for every automaton (see :class:`Automaton`).

    Examples
    --------
    >>> index, starts, ends = matches(automaton(["café", "é b"]), "Un café bien")
    >>> index.tolist(), starts.tolist(), ends.tolist()
    ([0, 1], [3, 6], [7, 9])
    """
    if not isinstance(text, Utf8) or not automaton.distinct:
        utf8 = text if isinstance(text, Utf8) else Utf8(text)
        index, starts, ends = _found(automaton.own, utf8.data)
        return index, utf8.chars(starts), utf8.chars(ends)
    (index, starts, ends), maps = _union_scan(text)
    local = maps[id(automaton)][index]
    keep = local >= 0
    return local[keep], text.chars(starts[keep]), text.chars(ends[keep])
