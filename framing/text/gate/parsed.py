"""The parse tree of a regular expression, as Python's ``re`` builds it, for the gates.

A parsed pattern is a list of nodes ``(opcode, argument)``; :func:`parse` gives it, and
:func:`char_source` writes a one-character node back as regex source.

Examples
--------
>>> [char_source(*node) for node in parse(r"a[^b]\\d.")]
['a', '[^b]', '[\\\\d]', '.']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # typeshed has no stubs for re's private modules; these are the same
    import sre_constants as sre
    import sre_parse as parser
else:
    try:  # Python 3.11 moved the modules into re
        from re import _constants as sre
        from re import _parser as parser
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as sre
        import sre_parse as parser

__all__ = ["ZERO_WIDTH", "Node", "char_source", "parse", "parser", "sre"]

Node = tuple[Any, Any]
"""A node of the parse tree: an opcode of ``sre`` and its argument (whose type depends on
the opcode: a code point, a sub-pattern, a list of alternatives ...)."""

ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
"""Opcodes that match no character; the gates leave them out, which only lets more through."""

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}


def parse(pattern: str, flags: int = 0) -> list[Node]:
    """The nodes of ``pattern`` compiled with ``flags`` (those of ``parser.parse``).

    Examples
    --------
    >>> [op for op, _ in parse("ab|c")]
    [BRANCH]
    """
    return parser.parse(pattern, flags).data


def char_source(op: Any, av: Any) -> str | None:
    """Source of a regex matching what the one-character node ``(op, av)`` matches.

    ``None`` when the node is not one character, or is a class with parts this does not
    write back.

    Examples
    --------
    >>> [char_source(*node) for node in parse(r"[a-c\\s]x*")]
    ['[a-c\\\\s]', None]
    """
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
