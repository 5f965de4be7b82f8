"""Gates: cheap scans that find where a long alternation of regular expressions can match.

Python's ``re`` skips fast through a text only to a literal first character: an alternation
of a hundred cues is tried, alternative after alternative, at every position (or every line)
it could start. A :class:`Gate` finds first where the alternation can match at all, and
:meth:`Gate.finditer` tries it only there; its matches are exactly those of
``regex.finditer``. Two kinds of gate, read from the parsed patterns:

* literals: the strings every match begins with (or, for lines, holds), found by one
  Aho-Corasick pass over the UTF-8 bytes (:func:`matches`);
* a regex built from the *keys* of the alternation, what every match must begin with,
  arranged as a trie so that a position is rejected after a character or two
  (:func:`alternation_gate`).

Examples
--------
>>> cues = re.compile(r"(?:advertisement|sponsored(?: content)?|read more)\\.?", re.M)
>>> keys(cues, 6)
[('a', 'd', 'v', 'e', 'r', 't'), ('s', 'p', 'o', 'n', 's', 'o'), ('r', 'e', 'a', 'd', '\\\\ ', 'm')]
>>> gate = Gate(["advertisement", "sponsored(?: content)?", "read more"], r"(?:{})\\.?", re.M)
>>> text = "Read more. sponsored content"
>>> [m.group() for m in gate.finditer(cues, text)] == cues.findall(text)
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from framing.text import Utf8, lower_folded, sorted_unique

if TYPE_CHECKING:
    import numpy as np

try:  # the parse tree of a pattern (Python 3.11 moved the modules into re)
    from re import _constants as sre
    from re import _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre
    import sre_parse as _parser

Key = tuple[str, ...]
"""Regex sources, one per character (``"a"``, ``"[\\\\d]"``) or a repeated one (``"[^\\\\n]{1,9}"``)."""

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)  # leaving them out only lets more through
_MAX_KEYS = 512  # expanding optional parts and branches stops short of more keys than this
_LENGTH = 16  # atoms per key: enough to tell most cues apart
_MAX_SET = 4  # a class of at most this many characters is spelled out as literals
_MAX_SPELL = 4  # a group repeated at most this many times is spelled out
_RUN = re.compile(r"\{\d+,\d*\}$")  # an atom that repeats a character a varying number of times


def _char(op, av) -> str | None:
    """Source of a regex matching what the one-character node ``(op, av)`` matches."""
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op is sre.ANY:
        return "."
    if op is not sre.IN:
        return None
    parts = []
    for o, a in av:
        if o is sre.NEGATE:
            parts.append("^")
        elif o is sre.LITERAL:
            parts.append(re.escape(chr(a)))
        elif o is sre.RANGE:
            parts.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
        elif o is sre.CATEGORY and a in _CATEGORIES:
            parts.append(_CATEGORIES[a])
        else:
            return None
    return f"[{''.join(parts)}]"


def _join(heads: list[Key], tails: list[Key]) -> list[Key] | None:
    """Every head followed by every tail (``None`` when that makes too many keys)."""
    if len(heads) * len(tails) > _MAX_KEYS:
        return None
    return list(dict.fromkeys(h + t for h in heads for t in tails))


def _counted(keys: list[Key], lo: int, hi: int) -> list[Key] | None:
    """Keys of ``lo`` to ``hi`` repeats of what ``keys`` match whole."""
    out: list[Key] = []
    power: list[Key] | None = [()]
    for n in range(hi + 1):
        if n >= lo:
            out += power
        power = _join(power, keys)
        if power is None:
            return None
    return list(dict.fromkeys(out))


def _keys(items: list, length: int) -> tuple[list[Key], bool]:
    """Keys of the parsed sequence ``items`` and whether they match its matches whole."""
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
        char = _char(op, av)
        if char is not None:
            out = [k + (char,) for k in out]
            continue
        if op in _ZERO_WIDTH:
            continue
        if op is sre.SUBPATTERN and not av[1] and not av[2]:  # a group without local flags
            inner, whole = _keys(av[3].data, left)
            joined = _join(out, inner)
            if joined is None:
                return out, False
            out = joined
            if not whole:
                return out, False
            continue
        if op is sre.BRANCH:
            alts = [_keys(a.data, left) for a in av[1]]
            joined = _join(out, [k for ks, _ in alts for k in ks])
            if joined is None or () in (k for ks, _ in alts for k in ks):
                return out, False
            out = joined
            if not all(whole for _, whole in alts):
                return out, False
            continue
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            lo, hi, body = av
            inner, whole = _keys(body.data, left)
            counted = _counted(inner, lo, hi) if whole and hi <= _MAX_SPELL else None
            joined = None if counted is None else _join(out, counted)
            if joined is not None:  # a few repeats: spelled out, one key each
                out = joined
                continue
            one = _char(*body.data[0]) if len(body.data) == 1 else None
            if one is not None:  # a repeated character: one atom
                if hi is sre.MAXREPEAT:
                    atom = f"{one}{{{lo},}}"
                else:
                    atom = one * lo if lo == hi else f"{one}{{{lo},{hi}}}"
                out = [k + (atom,) for k in out]
                continue
            if lo == 0:  # either the body begins the match or what follows it does
                rest, _ = _keys(items[i + 1 :], left)
                inner = inner + rest
            joined = _join(out, inner)
            return (out if joined is None or () in inner else joined), False
        return out, False
    return out, True


def keys(regex: re.Pattern, length: int = _LENGTH) -> list[Key]:
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
    return _keys(_parser.parse(regex.pattern, regex.flags).data, length)[0]


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
        elif _RUN.search(first):
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
) -> re.Pattern | None:
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
    found = []
    for p in patterns:
        parsed = _parser.parse(p, flags)
        keys = _keys(parsed.data, _LENGTH)[0]
        if () in keys or not parsed.getwidth()[0]:
            return None
        found += keys
    # keys of the template, with the alternation standing in for a character it never has
    mark = re.escape("\x00")
    around = _keys(_parser.parse(template.replace("{}", "\x00"), flags).data, 2 * _LENGTH)[0]
    if () in around:
        return None
    gate = [k[: k.index(mark)] + (trie(found),) if mark in k else k for k in around]
    return re.compile(trie(gate), flags)


# --- literals: what every match holds, or begins with ------------------------------------

_LITERALS_CAP = 512  # the most strings a set of literals may list


def _exact(items) -> set[str] | None:
    """Every string the parsed sequence ``items`` can match, or None (unbounded, or too many)."""
    out = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            add = {chr(av)}
        elif op is sre.IN and all(o is sre.LITERAL for o, _ in av):
            add = {chr(c) for _, c in av}
        elif op is sre.SUBPATTERN:
            add = _exact(av[-1])
        elif op is sre.BRANCH:
            alternatives = [_exact(a) for a in av[1]]
            add = None if None in alternatives else set().union(*alternatives)
        else:
            return None
        if add is None or len(out) * len(add) > _LITERALS_CAP:
            return None
        out = {a + b for a in out for b in add}
    return out


def _needed(items) -> set[str] | None:
    """Non-empty strings one of which every match of ``items`` holds (the best such), or None.

    A run of consecutive literal elements gives the set of its possible texts; a group, an
    alternation (each alternative needing one of its own strings) or a repeat of at least one
    gives what it needs; the best set is the one whose shortest string is longest.
    """
    found, run = [], {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
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
            found.append(_needed(av[-1]))
        elif op is sre.BRANCH:
            alternatives = [_needed(a) for a in av[1]]
            if None not in alternatives:
                found.append(set().union(*alternatives))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            found.append(_needed(av[2]))
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
        return _needed(_parser.parse(pattern, flags).data)
    except (AttributeError, TypeError, ValueError):  # another re implementation
        return None


def _leading(items) -> set[str]:
    """Strings one of which every match of ``items`` begins with ({""} when none is known)."""
    out = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        add = _exact([(op, av)])
        if add is None or len(out) * len(add) > _LITERALS_CAP:
            break
        out = {a + b for a in out for b in add}
    return out


def _may_match_newline(items, flags: int) -> bool:
    """Whether the parsed sequence ``items`` can match a line break (True when unsure)."""
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
            char = _char(op, av)
            if char is None or re.fullmatch(char, "\n", flags):
                return True
            continue
        if any(_may_match_newline(i.data, flags) for i in inner):
            return True
    return False


class Gate:
    """Where an alternation of ``patterns`` inside ``template`` may match in a text.

    The positions it gives include every position a match can start at; the alternation is
    tried only there (:meth:`finditer`). Chosen from the patterns:

    * when every match begins with one of a few literal strings (template ``"{}"``, no
      ``re.I``), one Aho-Corasick pass finds them in the text lower-cased and folded (a
      superset of where they occur as written);
    * otherwise a regex gate (:func:`alternation_gate`). For a *line* template (one that
      starts with a line break), a pattern that begins with a run of varying length (the
      gate would try it at every line) and never spans lines is taken out of the regex
      gate: the lines holding one of the literals it needs (:func:`needed_literals`,
      found by Aho-Corasick) are let through instead.

    Examples
    --------
    >>> cues = ["Advertisement", "Click here to (?:read|see)"]
    >>> gate = Gate(cues)
    >>> text = "Advert. Advertisement. Click here to see"
    >>> gate.positions(text)
    [8, 23]
    >>> regex = re.compile("|".join(cues))
    >>> [m.group() for m in gate.finditer(regex, text)]
    ['Advertisement', 'Click here to see']
    >>> lines = Gate([r"photos?", r"[^\\n]{1,40} is (?:an? )?(?:editor|writer)"], r"\\n(?:{})$", re.M)
    >>> lines.positions("\\nphotos\\nShe is an editor\\nhe said")
    [0, 7]
    """

    def __init__(self, patterns: list[str], template: str = "{}", flags: int = 0):
        self.prefixes = self.lines = self.regex = None
        self.complete = True  # False: some pattern may begin anywhere; every position counts
        parsed = [_parser.parse(p, flags).data for p in patterns]
        if not flags & re.I and template.startswith("{}"):
            starts = [_leading(items) for items in parsed]
            if all("" not in s for s in starts):
                self.prefixes = _automaton(set().union(*starts))
                return
        rest = patterns
        if not flags & re.I and _leading(_parser.parse(template, flags).data) == {"\n"}:
            rest, by_lines = [], set()
            for p, items in zip(patterns, parsed, strict=True):
                if _line_literals(items, flags):
                    by_lines |= _needed(items)
                else:
                    rest.append(p)
            self.lines = _automaton(by_lines) if by_lines else None
        if rest:
            self.regex = alternation_gate(rest, template, flags)
            self.complete = self.regex is not None

    def positions(self, text: str, low: str | Utf8 | None = None) -> list[int]:
        """Ascending positions of ``text`` where a match may start (when :attr:`complete`).

        The literals are sought in ``low``, :func:`~framing.text.lower_folded` of ``text``
        (offsets kept; computed when not given): an occurrence in any case lets through.
        """
        if self.prefixes is None and self.lines is None:
            low = ""  # not needed
        elif low is None:
            low = lower_folded(text)
        if self.prefixes is not None:
            return sorted_unique(matches(self.prefixes, low)[1]).tolist()
        out = []
        if self.regex is not None:
            search = self.regex.search
            found = search(text)
            while found:
                out.append(found.start())
                found = search(text, found.start() + 1)
        if self.lines is not None:
            breaks = {text.rfind("\n", 0, s) for s in matches(self.lines, low)[1].tolist()}
            out = sorted(breaks.union(out) - {-1})
        return out

    def finditer(
        self, regex: re.Pattern, text: str, low: str | Utf8 | None = None
    ) -> Iterator[re.Match]:
        """The matches of ``regex.finditer(text)`` (``regex`` being the alternation in the
        template), tried only at :meth:`positions` (``low`` as there)."""
        if not self.complete:
            yield from regex.finditer(text)
            return
        match, end = regex.match, 0
        for at in self.positions(text, low):
            if at >= end:
                m = match(text, at)
                if m:
                    yield m
                    end = m.end()


def _line_literals(items, flags: int) -> bool:
    """Whether a pattern of a line template is better let through by the lines holding one
    of the literals it needs: it begins with a run of varying length, it needs literals of
    three or more characters, and it never spans lines."""
    need = _needed(items)
    return (
        any(_RUN.search(k[0]) for k in _keys(items, _LENGTH)[0] if k)
        and need is not None
        and min(map(len, need)) >= 3
        and not any("\n" in n for n in need)
        and not _may_match_newline(items, flags)
    )


def _automaton(literals: set[str]):
    """An automaton of ``literals`` in lower case and folded (to seek in lower_folded text)."""
    return automaton(sorted({lower_folded(x) for x in literals}))


def automaton(literals: list[str]):
    """An Aho-Corasick DFA (``ahocorasick_rs``) of ``literals`` over UTF-8, for :func:`matches`."""
    from ahocorasick_rs import BytesAhoCorasick, Implementation

    data = [x.encode("utf-8", "surrogatepass") for x in literals]
    return BytesAhoCorasick(data, implementation=Implementation.DFA)


def matches(automaton, text: str | Utf8) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every occurrence, overlapping ones too, of the literals of ``automaton`` in ``text``:
    arrays of literal index, start and end, in characters.

    The scan runs over the UTF-8 bytes (several times faster than over ``str``, whose
    offsets the library converts match by match); pass a :class:`~framing.text.Utf8` to
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
