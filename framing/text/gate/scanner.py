"""The :class:`Gate`: where an alternation of patterns may match, and its matches found there.

Examples
--------
>>> cues = ["Advertisement", "Click here to (?:read|see)"]
>>> regex = re.compile("|".join(cues))
>>> [m.group() for m in Gate(cues).finditer(regex, "Advertisement. Click here to see")]
['Advertisement', 'Click here to see']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from framing.text.gate.alternation import LENGTH, RUN, alternation_gate, parsed_keys
from framing.text.gate.literals import (
    Automaton,
    automaton,
    leading,
    matches,
    may_match_newline,
    needed,
)
from framing.text.gate.parsed import Node, parse
from framing.text.normalise import lower_folded
from framing.text.scan import Utf8, sorted_unique


class Gate:
    """Where an alternation of ``patterns`` inside ``template`` may match in a text.

    The positions it gives include every position a match can start at; the alternation is
    tried only there (:meth:`finditer`). Chosen from the patterns:

    * when every match begins with one of a few literal strings (template ``"{}"``, no
      ``re.I``), one Aho-Corasick pass finds them in the text lower-cased and folded (a
      superset of where they occur as written);
    * otherwise a regex gate (:func:`~framing.text.gate.alternation.alternation_gate`). For a *line* template (one that
      starts with a line break), a pattern that begins with a run of varying length (the
      gate would try it at every line) and never spans lines is taken out of the regex
      gate: the lines holding one of the literals it needs
      (:func:`~framing.text.gate.literals.needed_literals`, found by Aho-Corasick) are let
      through instead.

    Parameters
    ----------
    patterns : list of str
        The alternatives, as in ``"|".join(f"(?:{p})" for p in patterns)``.
    template : str
        The regex around the alternation, ``{}`` standing for it.
    flags : int
        The flags the regex is compiled with.

    Attributes
    ----------
    prefixes : Automaton or None
        The literals every match begins with, when they gate the patterns.
    lines : Automaton or None
        The literals that let lines through, for a line template.
    regex : re.Pattern or None
        The regex gate of the other patterns.
    complete : bool
        ``False`` when some pattern may begin anywhere: every position is then tried.

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

    def __init__(self, patterns: list[str], template: str = "{}", flags: int = 0) -> None:
        self.prefixes: Automaton | None = None
        self.lines: Automaton | None = None
        self.regex: re.Pattern[str] | None = None
        self.complete = True  # False: some pattern may begin anywhere; every position counts
        parsed = [parse(p, flags) for p in patterns]
        if not flags & re.I and template.startswith("{}"):
            starts = [leading(items) for items in parsed]
            if all("" not in s for s in starts):
                self.prefixes = _automaton(set[str]().union(*starts))
                return
        rest = patterns
        if not flags & re.I and leading(parse(template, flags)) == {"\n"}:
            rest, by_lines = [], set[str]()
            for p, items in zip(patterns, parsed, strict=True):
                literals = _line_literals(items, flags)
                if literals is not None:
                    by_lines |= literals
                else:
                    rest.append(p)
            self.lines = _automaton(by_lines) if by_lines else None
        if rest:
            self.regex = alternation_gate(rest, template, flags)
            self.complete = self.regex is not None

    def positions(self, text: str, low: str | Utf8 | None = None) -> list[int]:
        """Ascending positions of ``text`` where a match may start (when :attr:`complete`).

        The literals are sought in ``low``, :func:`~framing.text.normalise.lower_folded` of
        ``text``
        (offsets kept; computed when not given): an occurrence in any case lets through.
        """
        if self.prefixes is None and self.lines is None:
            low = ""  # not needed
        elif low is None:
            low = lower_folded(text)
        if self.prefixes is not None:
            return sorted_unique(matches(self.prefixes, low)[1]).tolist()
        out: list[int] = []
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
        self, regex: re.Pattern[str], text: str, low: str | Utf8 | None = None
    ) -> Iterator[re.Match[str]]:
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


def _line_literals(items: list[Node], flags: int) -> set[str] | None:
    """The literals it needs, when a pattern of a line template is better let through by the
    lines holding one of them: it begins with a run of varying length, it needs literals of
    three or more characters, and it never spans lines (``None`` otherwise)."""
    need = needed(items)
    if (
        any(RUN.search(k[0]) for k in parsed_keys(items, LENGTH)[0] if k)
        and need is not None
        and min(map(len, need)) >= 3
        and not any("\n" in n for n in need)
        and not may_match_newline(items, flags)
    ):
        return need
    return None


def _automaton(literals: set[str]) -> Automaton:
    """An automaton of ``literals`` in lower case and folded (to seek in lower_folded text)."""
    return automaton(sorted({lower_folded(x) for x in literals}))
