"""Normalisation: the clean-up of raw text, and the folds that keep every offset.

* :func:`tidy` is the length-changing clean-up applied once when a corpus is loaded
  (HTML entities, stray tags, Windows line endings, zero-width characters).
* :func:`fold` maps typographic variants (curly quotes, dashes, odd spaces) to plain ASCII
  *one character for one character*, so offsets into folded text are offsets into the
  original; :func:`lower_folded` lower-cases it too, still one character for one.
* :func:`narrow` stands U+FFFD for each symbol beyond U+FFFF (an emoji), so that a string
  holding one stays two bytes a character.

Examples
--------
>>> text = tidy("<p>“Putin’s war” &amp; İ</p>")
>>> text, lower_folded(text), len(lower_folded(text)) == len(text)
('“Putin’s war” & İ', '"putin\\'s war" & i', True)
"""

from __future__ import annotations

import functools
import html
import re
import sys
import unicodedata

FOLD_PAIRS = {
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "′": "'",
    "`": "'",
    "´": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "«": '"',
    "»": '"',
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "…": ".",
}
"""What :func:`fold` does: each character mapped to the one ASCII character it becomes."""


def fold(text: str) -> str:
    """Map curly quotes, dashes and odd spaces to ASCII and styled letters to plain ones
    (:func:`plain_letters`), keeping every offset.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        ``text`` with each character of :data:`FOLD_PAIRS` replaced and its styled
        letters plain; as long as ``text``.

    Examples
    --------
    >>> fold("“No to war!” – he said")
    '"No to war!" - he said'
    """
    # a substring test and replace per pair beats str.translate (a Python-level lookup per
    # character of non-ASCII text) and a regex over the whole text several times over
    for char, plain in FOLD_PAIRS.items():
        if char in text:
            text = text.replace(char, plain)
    return plain_letters(text)


def lower(text: str) -> str:
    """``text.lower()`` with offsets kept (İ, which lower-cases to two characters, to i).

    Folded first (:func:`fold`), most texts are ASCII, which lower-cases fastest.

    Examples
    --------
    >>> lower("İstanbul"), "İstanbul".lower() == "i\u0307stanbul"
    ('istanbul', True)
    """
    low = text.lower()
    if len(low) != len(text):
        low = text.replace("\u0130", "I").lower()
    return low


def lower_folded(text: str) -> str:
    """``text`` folded to ASCII quotes and dashes and lower-cased, offsets kept.

    Examples
    --------
    >>> lower_folded("“Far–Left” İ")
    '"far-left" i'
    """
    return lower(fold(text))


_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_SCRIPT = re.compile(  # and comments (conditional ones too) and declarations (<!DOCTYPE>)
    r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->|<![^<>]*>", re.S | re.I
)
_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|blockquote|section|article)\b[^>]*>", re.I)
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
_SPACES = re.compile(" {2,}")
_TABS = str.maketrans("\t\f\v", "   ")
_MANY_NEWLINES = re.compile(r"\n\s*\n\s*\n+")
# the marks UTF-8 read as Windows-1252 or Latin-1 leaves: "Ã©" for "é", "â€™" for "’",
# "Â£" for "£"; only a text holding one is handed to ftfy
_MOJIBAKE_MARKS = ("\u00c3", "\u00c2", "\u00e2\u20ac", "\u00e2\u0080")


def tidy(text: str | None) -> str:
    """Clean raw article text once, at load time (changes offsets).

    Unescapes HTML entities, drops scripts, comments and tags (block tags become line breaks),
    repairs mojibake (UTF-8 read as Windows-1252: ``ftfy.fix_encoding``), turns Windows and
    old-Mac line endings into ``\\n``, removes zero-width characters, collapses runs of
    spaces and of blank lines, and strips the ends.

    Parameters
    ----------
    text : str or None
        Raw text; ``None`` and the empty string give ``""``.

    Returns
    -------
    str

    Examples
    --------
    >>> tidy("Tom &amp; Jerry<br>  ran\\r\\n\\r\\n\\r\\n\\r\\naway ")
    'Tom & Jerry\\nran\\n\\naway'
    >>> tidy("<!DOCTYPE html><p>Kept.</p><!--[if lte IE 9]><p>Old</p><![endif]-->")
    'Kept.'
    >>> tidy("ObamaÃ¢â‚¬â„¢s health care Â£5 â€” São Paulo")
    'Obama’s health care £5 — São Paulo'
    >>> tidy(None)
    ''
    """
    if not text:
        return ""
    if "<" in text:
        text = _SCRIPT.sub(" ", text)
        text = _BLOCK.sub("\n", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    if any(mark in text for mark in _MOJIBAKE_MARKS):
        import ftfy

        text = ftfy.fix_encoding(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(c in text for c in _ZERO_WIDTH_CHARS):  # cheaper than the regex scan
        text = _ZERO_WIDTH.sub("", text)
    if "\t" in text or "\f" in text or "\v" in text:
        text = text.translate(_TABS)
    if "  " in text:  # a literal-prefix search: cheap when there is nothing to do
        text = _SPACES.sub(" ", text)
    text = text.replace(" \n", "\n").replace("\n ", "\n")
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_ASTRAL_SYMBOL = re.compile(r"(?!\w)[\U00010000-\U0010ffff]")


def maybe_astral(text: str) -> bool:
    """Whether ``text`` may hold a character beyond U+FFFF (``False``: it holds none).

    CPython stores a string without one in one or two bytes a character, and its size
    shows it (a short non-ASCII string, whose object header outweighs its characters, may;
    so may any non-ASCII string on other Pythons).

    Examples
    --------
    >>> maybe_astral("Café au lait, s'il vous plaît"), maybe_astral("Putin 😀")
    (False, True)
    """
    return not text.isascii() and sys.getsizeof(text) >= 4 * len(text)


@functools.cache
def _plain_letter(char: str) -> str:
    """A styled letter or digit beyond U+FFFF (𝐀, 𝒜, 𝟐) as its plain form, when that is one
    character of the Basic Multilingual Plane; any other character as it is."""
    if not char.isalnum():
        return char
    plain = unicodedata.normalize("NFKC", char)
    return plain if len(plain) == 1 and plain < "\U00010000" and plain.isalnum() else char


def plain_letters(text: str) -> str:
    """``text`` with each styled letter or digit beyond U+FFFF as its plain form.

    The mathematical alphanumerics of "𝐁𝐫𝐞𝐚𝐤𝐢𝐧𝐠" or "𝒜𝓇𝒾𝑒𝓈" read as plain words to a
    reader; so they do to :func:`fold` and every scan after it. Offsets are kept; a letter
    with no plain form in the Basic Multilingual Plane (a rare CJK character) stays.

    Examples
    --------
    >>> plain_letters("𝐁𝐨𝐥𝐝 𝟐𝟎𝟐𝟐 😀 𠀋")
    'Bold 2022 😀 𠀋'
    """
    if not maybe_astral(text):
        return text
    return _ASTRAL.sub(lambda m: _plain_letter(m.group()), text)


def narrow(text: str) -> str:
    """``text`` with no character beyond the Basic Multilingual Plane where it can help.

    A symbol out there (an emoji) stands as U+FFFD, and a styled letter or digit as its
    plain form (:func:`plain_letters`). Offsets are kept, and no word, space or
    punctuation is lost. One such character would make a whole batch four bytes a
    character to scan (:func:`~framing.text.scan.compact_code_points`).

    Examples
    --------
    >>> narrow("Putin 😀 out"), len(narrow("😀")), narrow("𝐀 bold 𝟐𝟎𝟐𝟐"), narrow("𠀋")
    ('Putin \ufffd out', 1, 'A bold 2022', '𠀋')
    """
    return _ASTRAL_SYMBOL.sub("\ufffd", plain_letters(text)) if maybe_astral(text) else text


_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(32), 127, *range(128, 160)) if c not in (9, 10)}


def visible(text: str) -> str:
    """``text`` safe to print to a terminal: control characters (escape sequences, carriage
    returns, bells; all but tab and line break) shown as ``\\xNN``.

    Examples
    --------
    >>> print(visible("Title\\x1b]0;owned\\x07 and \\x1b[2J\\nnext line"))
    Title\\x1b]0;owned\\x07 and \\x1b[2J
    next line
    """
    return text.translate(_CONTROLS)
