"""The clutter kinds and the cue patterns of ``patterns.json``, compiled into gated regexes.

``patterns.json`` (beside this module) has five sections:

========== ==============================================================================
section    what
========== ==============================================================================
lines      clutter when the pattern is the whole line (lower case, matched in any case)
anywhere   distinctive phrases that are clutter wherever they occur (case-sensitive)
leads      lead-ins before a colon ("READ MORE:", "WATCH:") that make a short line clutter
tags       bracketed tags ending a line ("... [VIDEO]")
words      cue words that give a kind to a line learned as boilerplate
========== ==============================================================================

Examples
--------
>>> rules = load_rules()
>>> rules.tag_kind["VIDEO"]
'teaser'
>>> sorted(PROMO_KINDS)
['ad', 'newsletter', 'social', 'teaser']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from framing.errors import InputError
from framing.text import Utf8
from framing.text.gate import Gate

KINDS = ("ad", "newsletter", "teaser", "media", "social", "legal", "meta", "other")
"""The clutter kinds, in the order feature columns list them."""

PROMO_KINDS = frozenset({"ad", "newsletter", "teaser", "social"})
"""Kinds counted by ``clutter_promo_share``: clutter that sells something."""

PATTERNS_PATH = Path(__file__).with_name("patterns.json")
"""The cue patterns shipped with the package."""

_TAGS_BEFORE = r"(?:<[^<>\n]{0,300}>\s*)*"  # raw HTML tags around a cue line
_TAGS_AFTER = r"(?:\s*<[^<>\n]{0,300}>)*"
_MARK = "_cue"  # the empty group closing the n-th cue of a section is _cue<n>


class Cues:
    """One section of cue patterns: a plain alternation to scan, and each pattern to name it.

    Python's ``re`` scans a plain alternation faster than one with a group per
    alternative, and matches are rare: so a gate (:mod:`framing.text.gate`) finds where the
    alternation can match at all, and only there the alternation with an empty group at
    the end of each alternative is tried: the group that took part names the cue.

    Parameters
    ----------
    by_kind : dict of str to list of str
        Clutter kind -> regular expressions of that kind.
    section : str
        Name of the section, the start of each cue's label (``"line"``, ``"anywhere"`` ...).
    template : str
        Regular expression with ``{}`` where the alternation of the patterns goes.
    flags : int
        Flags of :func:`re.compile`.

    Attributes
    ----------
    cues : list of (str, str)
        Kind and label of each pattern, in the order of the alternation.
    regex : re.Pattern
        The template around the plain alternation.
    marked : re.Pattern
        The template around the alternation with a marking group after each pattern.
    gate : Gate
        Where :attr:`marked` may match.

    Examples
    --------
    >>> cues = Cues({"ad": ["ads?"], "social": ["tweet"]}, "word", r"\\b(?:{})\\b", 0)
    >>> [cues.name(m) for m in cues.finditer("ads and a tweet")]
    [('ad', 'word:ads?'), ('social', 'word:tweet')]
    """

    def __init__(
        self, by_kind: dict[str, list[str]], section: str, template: str, flags: int
    ) -> None:
        self.cues: list[tuple[str, str]] = []
        for kind, patterns in by_kind.items():
            if kind not in KINDS:
                raise InputError(
                    f"{PATTERNS_PATH.name}: unknown clutter kind {kind!r} in {section}"
                )
            self.cues += [(kind, f"{section}:{p}") for p in patterns]
        every = [p for ps in by_kind.values() for p in ps]
        alternation = "|".join(f"(?:{p})" for p in every) or "(?!)"
        self.regex = re.compile(template.replace("{}", alternation), flags)
        marked = "|".join(f"(?:{p})(?P<{_MARK}{i}>)" for i, p in enumerate(every)) or "(?!)"
        self.marked = re.compile(template.replace("{}", marked), flags)
        self.gate = Gate(every, template, flags)

    def finditer(self, text: str, low: str | Utf8 | None = None) -> Iterator[re.Match[str]]:
        """``regex.finditer(text)``, tried only where the gate lets through.

        Parameters
        ----------
        text : str
            The text to scan.
        low : str or Utf8, optional
            ``text`` lower-cased and folded, when known.

        Returns
        -------
        iterator of re.Match
            Matches of :attr:`marked`, with the spans :attr:`regex` gives.
        """
        return self.gate.finditer(self.marked, text, low)

    def name(self, match: re.Match[str]) -> tuple[str, str]:
        """Kind and label of the cue that made ``match`` (of :attr:`regex` or :attr:`marked`)."""
        marked = match
        if match.re is not self.marked:
            again = self.marked.match(match.string, match.start(), match.endpos)
            if again is None:
                raise ValueError(f"not a match of these cues: {match.group()!r}")
            marked = again
        group = marked.lastgroup
        if group is None or not group.startswith(_MARK):
            raise ValueError(f"not a match of these cues: {match.group()!r}")
        return self.cues[int(group[len(_MARK) :])]


class Rules:
    """The cue patterns of one data file, compiled into a few regexes over whole texts.

    Parameters
    ----------
    data : dict
        The parsed data file, with the sections ``lines``, ``anywhere``, ``leads``, ``tags``
        and ``words`` (see the module docstring).

    Attributes
    ----------
    line, anywhere, lead, words : Cues
        Whole lines (scanned lower-cased, with a newline in front), phrases anywhere,
        lead-ins of a line, and single words.
    tag_kind : dict of str to str
        Bracketed tag -> kind; :attr:`tag` finds a tag at the end of a line.
    caps_lead, titled, byline, credit : re.Pattern
        Shapes of a line: an ALL CAPS lead-in, a ``Topic: headline`` title, a byline,
        a ``Name, Outlet`` credit.

    Examples
    --------
    >>> rules = load_rules()
    >>> bool(rules.byline.fullmatch("By Kate Grise, CNN")), bool(rules.caps_lead.match("Hi: x"))
    (True, False)
    """

    def __init__(self, data: dict[str, Any]) -> None:
        # Lines are sought after a newline (the text is scanned with one put in front) and
        # in lower case: patterns that start with a literal let the scan skip ahead fast.
        lower = data["lines"]
        upper = [p for ps in lower.values() for p in ps if p != p.lower()]
        if upper:
            raise InputError(
                f"{PATTERNS_PATH.name}: line patterns must be lower case: {upper[0]!r}"
            )
        line = rf"\n[ \t]*(?:[-*\u2022>|] )?{_TAGS_BEFORE}(?:{{}}){_TAGS_AFTER}[ \t\r.:]*$"
        self.line = Cues(lower, "line", line, re.M)
        self.anywhere = Cues(data["anywhere"], "anywhere", "{}", re.M)
        leads = {k: [re.escape(w.lower()) for w in v] for k, v in data["leads"].items()}
        self.lead = Cues(leads, "lead", r"\n[ \t]*(?:{}) ?:[ \t]*", re.M)
        self.tag_kind: dict[str, str] = {
            t: kind for kind, tags in data["tags"].items() for t in tags
        }
        self.tag = re.compile(r"\[([A-Z][A-Z ]{1,15})\][ \t\r]*$", re.M)
        self.caps_lead = re.compile(r"[A-Z][A-Z'&/.]+(?: [A-Z][A-Z'&/.]+){0,3}: ")
        self.titled = re.compile(r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}: [\"'A-Z0-9]")
        words = {k: [re.escape(w) for w in v] for k, v in data["words"].items()}
        self.words = Cues(words, "word", r"(?<!\w)(?:{})(?!\w)", re.I)
        # a byline alone: "By Kate Grise, CNN", "By John Bacon and Doug Stanglin"
        name = r"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}"
        # "Jamelle Bouie, New York Times": a credit when it recurs (see ClutterDetector)
        self.credit = re.compile(
            rf"{name}(?:, (?:The )?[A-Z][\w.&'-]+(?: [A-Z][\w.&'-]+){{0,4}}){{1,2}}"
        )
        self.byline = re.compile(rf"By {name}(?:(?:,| and) {name})*(?:, [A-Z][\w.&' -]{{1,40}})?")


@lru_cache(maxsize=4)
def load_rules(path: str | Path = PATTERNS_PATH) -> Rules:
    """The compiled cue patterns of a data file (cached).

    Parameters
    ----------
    path : str or Path, default PATTERNS_PATH
        A JSON file of cue patterns, as ``patterns.json``.

    Returns
    -------
    Rules

    Raises
    ------
    InputError
        When the file cannot be read, or names an unknown kind.

    Examples
    --------
    >>> rules = load_rules()
    >>> rules.line.name(rules.line.regex.fullmatch("\\nadvertisement"))  # matched lower-cased
    ('ad', 'line:advertisements?:?')
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"{path}: cannot read clutter patterns ({err})") from err
    return Rules(data)
