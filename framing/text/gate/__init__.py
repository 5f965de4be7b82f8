"""Gates: cheap scans that find where a long alternation of regular expressions can match.

Python's ``re`` skips fast through a text only to a literal first character: an alternation
of a hundred cues is tried, alternative after alternative, at every position (or every line)
it could start. A :class:`Gate` finds first where the alternation can match at all, and
:meth:`Gate.finditer` tries it only there; its matches are exactly those of
``regex.finditer``. Two kinds of gate, read from the parsed patterns:

* literals: the strings every match begins with (or, for lines, holds), found by one
  Aho-Corasick pass over the UTF-8 bytes (:mod:`framing.text.gate.literals`:
  :func:`needed_literals`, :func:`automaton`, :func:`matches`);
* a regex built from the *keys* of the alternation, what every match must begin with,
  arranged as a trie so that a position is rejected after a character or two
  (:mod:`framing.text.gate.alternation`: :func:`keys`, :func:`trie`,
  :func:`alternation_gate`).

:mod:`framing.text.gate.parsed` reads the parse trees both kinds come from, and
:mod:`framing.text.gate.scanner` holds :class:`Gate`.

Examples
--------
>>> import re
>>> cues = re.compile(r"(?:advertisement|sponsored(?: content)?|read more)\\.?", re.M)
>>> keys(cues, 6)
[('a', 'd', 'v', 'e', 'r', 't'), ('s', 'p', 'o', 'n', 's', 'o'), ('r', 'e', 'a', 'd', '\\\\ ', 'm')]
>>> gate = Gate(["advertisement", "sponsored(?: content)?", "read more"], r"(?:{})\\.?", re.M)
>>> text = "Read more. sponsored content"
>>> [m.group() for m in gate.finditer(cues, text)] == cues.findall(text)
True
"""

from framing.text.gate.alternation import Key, alternation_gate, keys, trie
from framing.text.gate.literals import automaton, matches, needed_literals
from framing.text.gate.scanner import Gate

__all__ = [
    "Gate",
    "Key",
    "alternation_gate",
    "automaton",
    "keys",
    "matches",
    "needed_literals",
    "trie",
]
