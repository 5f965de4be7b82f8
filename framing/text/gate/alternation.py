"""The regex gate: what every match of an alternation begins with, arranged as a trie.

:func:`keys` reads from a parsed pattern the *keys* every match begins with (a regex source
per character); :func:`trie` merges keys with shared beginnings into one regex, which
rejects a position after a character or two; :func:`alternation_gate` builds that regex for
an alternation of patterns inside a template.

Examples
--------
>>> cues = re.compile(r"(?:advertisement|sponsored(?: content)?|read more)\\.?", re.M)
>>> keys(cues, 6)
[('a', 'd', 'v', 'e', 'r', 't'), ('s', 'p', 'o', 'n', 's', 'o'), ('r', 'e', 'a', 'd', '\\\\ ', 'm')]
>>> alternation_gate(["advertisement", "sponsored(?: content)?", "read more"]).pattern
'(?:advertisement|sponsored|read\\\\ more)'
"""

from __future__ import annotations

import re

from framing.text.gate.parsed import ZERO_WIDTH, Node, char_source, parse, parser, sre

Key = tuple[str, ...]
"""Regex sources, one per character (``"a"``, ``"[\\\\d]"``) or a repeated one (``"[^\\\\n]{1,9}"``)."""

_MAX_KEYS = 512  # expanding optional parts and branches stops short of more keys than this
LENGTH = 16
"""Atoms per key: enough to tell most cues apart."""
_MAX_SET = 4  # a class of at most this many characters is spelled out as literals
_MAX_SPELL = 4  # a group repeated at most this many times is spelled out
RUN = re.compile(r"\{\d+,\d*\}$")
"""Matches an atom that repeats a character a varying number of times."""


def _join(heads: list[Key], tails: list[Key]) -> list[Key] | None:
    """Every head followed by every tail (``None`` when that makes too many keys)."""
    if len(heads) * len(tails) > _MAX_KEYS:
        return None
    return list(dict.fromkeys(h + t for h in heads for t in tails))


def _counted(keys: list[Key], lo: int, hi: int) -> list[Key] | None:
    """Keys of ``lo`` to ``hi`` repeats of what ``keys`` match whole."""
    out: list[Key] = []
    power: list[Key] = [()]
    for n in range(hi + 1):
        if n >= lo:
            out += power
        joined = _join(power, keys)
        if joined is None:
            return None
        power = joined
    return list(dict.fromkeys(out))


def parsed_keys(items: list[Node], length: int) -> tuple[list[Key], bool]:
    """Keys of the parsed sequence ``items`` (:func:`keys`) and whether they match its
    matches whole.

    Examples
    --------
    >>> parsed_keys(parse("ab+"), 4), parsed_keys(parse("ab+c"), 4)
    (([('a', 'b{1,}')], True), ([('a', 'b{1,}', 'c')], True))
    """
    out: list[Key] = [()]
    for i, (op, av) in enumerate(items):
        left = length - min(map(len, out))
        if left <= 0:
            return out, False
        if op is sre.IN and all(o is sre.LITERAL for o, _ in av) and len(av) <= _MAX_SET:
            # a few characters: one key each, so that each begins with a literal
            joined = _join(out, [(re.escape(chr(c)),) for _, c in av])
            if joined is None:
                return out, False
            out = joined
            continue
        char = char_source(op, av)
        if char is not None:
            out = [k + (char,) for k in out]
            continue
        if op in ZERO_WIDTH:
            continue
        if op is sre.SUBPATTERN and not av[1] and not av[2]:  # a group without local flags
            inner, whole = parsed_keys(av[3].data, left)
            joined = _join(out, inner)
            if joined is None:
                return out, False
            out = joined
            if not whole:
                return out, False
            continue
        if op is sre.BRANCH:
            alts = [parsed_keys(a.data, left) for a in av[1]]
            joined = _join(out, [k for ks, _ in alts for k in ks])
            if joined is None or () in (k for ks, _ in alts for k in ks):
                return out, False
            out = joined
            if not all(whole for _, whole in alts):
                return out, False
            continue
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            lo, hi, body = av
            inner, whole = parsed_keys(body.data, left)
            counted = _counted(inner, lo, hi) if whole and hi <= _MAX_SPELL else None
            joined = None if counted is None else _join(out, counted)
            if joined is not None:  # a few repeats: spelled out, one key each
                out = joined
                continue
            one = char_source(*body.data[0]) if len(body.data) == 1 else None
            if one is not None:  # a repeated character: one atom
                if hi is sre.MAXREPEAT:
                    atom = f"{one}{{{lo},}}"
                else:
                    atom = one * lo if lo == hi else f"{one}{{{lo},{hi}}}"
                out = [k + (atom,) for k in out]
                continue
            if lo == 0:  # either the body begins the match or what follows it does
                rest, _ = parsed_keys(items[i + 1 :], left)
                inner = inner + rest
            joined = _join(out, inner)
            return (out if joined is None or () in inner else joined), False
        return out, False
    return out, True


def keys(regex: re.Pattern[str], length: int = LENGTH) -> list[Key]:
    """What every match of ``regex`` begins with: keys of at most about ``length`` atoms.

    Each key is a tuple of regex sources, one per character (or per repeated character);
    every match of ``regex`` starts with a string matched by one of the keys. An empty key
    means nothing is known about how a match starts. Assertions are left out (the keys
    then let more through) and expansion stops at back-references and local flags.

    Examples
    --------
    >>> keys(re.compile("(?:the-)?opinions? expressed"), 4)
    [('o', 'p', 'i', 'n'), ('t', 'h', 'e', '\\\\-', 'o', 'p', 'i', 'n')]
    >>> keys(re.compile("[ab]c|x*y[^z]"), 3)
    [('a', 'c'), ('b', 'c'), ('x{0,}', 'y', '[^z]')]
    """
    return parsed_keys(parse(regex.pattern, regex.flags), length)[0]


def trie(keys: list[Key]) -> str:
    """A regex matching what any of ``keys`` matches, with shared beginnings shared.

    A key that is a prefix of another makes the longer one redundant: the gate only needs
    to let through every position where a key matches. After a run of varying length the
    keys are not merged: ``re`` backtracks over a run fast only to a literal that follows.

    Examples
    --------
    >>> trie([("a", "d", "s"), ("a", "d", "v"), ("a", "d"), ("s", "e", "e")])
    '(?:ad|see)'
    >>> trie([("r", "e", "a", "d"), ("r", "e", "l")])
    're(?:ad|l)'
    >>> trie([(".{1,9}", "a", "b"), (".{1,9}", "c")])
    '(?:.{1,9}ab|.{1,9}c)'
    """
    groups: dict[str, list[Key]] = {}
    for k in keys:
        groups.setdefault(k[0], []).append(k[1:])
    alts = []
    for first, rests in groups.items():
        if not all(rests):
            alts.append(first)
        elif RUN.search(first):
            alts += [first + trie(same) for same in _by_first(rests)]
        else:
            alts.append(first + trie(rests))
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _by_first(keys: list[Key]) -> list[list[Key]]:
    """``keys`` grouped by their first atom."""
    groups: dict[str, list[Key]] = {}
    for k in keys:
        groups.setdefault(k[0], []).append(k)
    return list(groups.values())


def alternation_gate(
    patterns: list[str], template: str = "{}", flags: int = 0
) -> re.Pattern[str] | None:
    """A gate for ``template`` with ``{}`` replaced by the alternation of ``patterns``.

    Parameters
    ----------
    patterns : list of str
        The alternatives, as in ``"|".join(f"(?:{p})" for p in patterns)``.
    template : str
        The regex around the alternation.
    flags : int
        The flags the regex is compiled with.

    Returns
    -------
    re.Pattern or None
        ``None`` when some alternative may begin with anything at all or match nothing.

    Examples
    --------
    >>> alternation_gate(["ads?", "sponsored", "more:?"], "<{}>").pattern
    '<(?:ad|sponsored|more)'
    >>> alternation_gate(["ads?", "[^<>]{1,20}-ads?"], "<{}>").pattern
    '<(?:ad|[^<>]{1,20}\\\\-ad)'
    """
    found: list[Key] = []
    for p in patterns:
        parsed = parser.parse(p, flags)
        keys = parsed_keys(parsed.data, LENGTH)[0]
        if () in keys or not parsed.getwidth()[0]:
            return None
        found += keys
    # keys of the template, with the alternation standing in for a character it never has
    mark = re.escape("\x00")
    around = parsed_keys(parse(template.replace("{}", "\x00"), flags), 2 * LENGTH)[0]
    if () in around:
        return None
    gate = [k[: k.index(mark)] + (trie(found),) if mark in k else k for k in around]
    return re.compile(trie(gate), flags)
