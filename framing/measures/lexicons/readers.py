"""Lexicons from users' files: word lists, CSV, LIWC ``.dic`` and MPQA ``.tff``.

:func:`read_lexicon` guesses the format from the suffix; :func:`parse_header` and
:func:`parse_row` read the word-list format the shipped lexicons use too.

Examples
--------
>>> import os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "mine.txt")
>>> _ = open(path, "w").write("# description: my words\\nchaos\\nriot police\\tprotest\\n")
>>> lex = read_lexicon(path)
>>> lex.name, lex.description, lex.categories
('mine', 'my words', ('mine', 'protest'))
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from framing.errors import InputError
from framing.measures.lexicons.lexicon import HEADER_KEYS, Lexicon

__all__ = ["parse_header", "parse_row", "read_lexicon"]


def read_lexicon(
    path: str | Path, *, format: str | None = None, name: str | None = None
) -> Lexicon:
    """A lexicon from a user's file: word list, CSV, LIWC ``.dic`` or MPQA ``.tff``.

    Parameters
    ----------
    path : str or Path
    format : {"words", "csv", "dic", "tff"}, optional
        Guessed from the suffix (``.txt`` -> words) when omitted.
    name : str, optional
        Defaults to the file's stem.

    Notes
    -----
    * words: one pattern a line; ``#`` or ``;`` lines are comments, ``# key: value`` lines
      a header (name, description, source, citation, licence); ``term<TAB>category<TAB>weight``
      lines are accepted too.
    * csv: columns ``term``, ``category`` (optional), ``weight`` (optional), header row
      optional.
    * dic (LIWC 2001-2015, MFD 2.0): categories between two ``%`` lines as ``number name``,
      then ``pattern number number ...``. Entries that are not plain patterns (LIWC's
      ``like (02 134)`` rules) are skipped.
    * tff (MPQA subjectivity clues): ``word1`` is the pattern, ``priorpolarity`` the
      category, weight 1 for ``strongsubj`` and 0.5 for ``weaksubj``; ``stemmed1=y`` makes
      the word a wildcard stem.

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "mine.csv")
    >>> _ = open(p, "w").write("term,category,weight\\nslams,conflict,2\\nfury,emotion,1\\n")
    >>> read_lexicon(p).entries
    (('slams', 'conflict', 2.0), ('fury', 'emotion', 1.0))
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"lexicon file {path} not found; check the path")
    fmt = format or {".txt": "words", ".csv": "csv", ".dic": "dic", ".tff": "tff"}.get(
        path.suffix.lower()
    )
    if fmt not in {"words", "csv", "dic", "tff"}:
        raise InputError(
            f"cannot tell the lexicon format of {path.name}; pass format='words', 'csv', "
            "'dic' or 'tff'"
        )
    name = name or path.stem
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")
    lines = text.splitlines()
    meta: dict[str, str] = {}
    if fmt == "words":
        meta, body = parse_header([ln for ln in lines if not ln.startswith(";")])
        entries = [parse_row(line.split("\t"), name) for line in body]
    elif fmt == "csv":
        rows = [r for r in csv.reader(lines) if r and r[0].strip()]
        if rows and rows[0][0].strip().lower() in {"term", "word", "pattern", "entry"}:
            rows = rows[1:]
        try:
            entries = [parse_row(r, name) for r in rows]
        except ValueError as err:
            raise InputError(f"{path.name}: a weight is not a number ({err})") from None
    elif fmt == "dic":
        entries = _read_dic(lines, path.name)
    else:
        entries = _read_tff(lines)
    if not entries:
        raise InputError(f"{path.name} holds no lexicon entries; check its format ({fmt})")
    meta.pop("name", None)
    return Lexicon(name, tuple(entries), **{k: meta.get(k, "") for k in HEADER_KEYS[1:]})


def _read_dic(lines: list[str], where: str) -> list[tuple[str, str, float]]:
    marks = [i for i, line in enumerate(lines) if line.strip() == "%"]
    if len(marks) < 2:
        raise InputError(f"{where} is not a LIWC .dic file: it needs two '%' lines")
    names = {}
    for line in lines[marks[0] + 1 : marks[1]]:
        parts = line.split()
        if len(parts) >= 2:
            names[parts[0]] = " ".join(parts[1:])
    entries = []
    for line in lines[marks[1] + 1 :]:
        parts = line.rstrip().split("\t") if "\t" in line else line.split()
        if len(parts) < 2 or "(" in line or "<" in line:
            continue
        pattern = parts[0].strip()
        for cat in " ".join(parts[1:]).split():
            if cat in names:
                entries.append((pattern, names[cat], 1.0))
    return entries


def _read_tff(lines: list[str]) -> list[tuple[str, str, float]]:
    entries = []
    for line in lines:
        fields = dict(f.split("=", 1) for f in line.split() if "=" in f)
        word = fields.get("word1")
        if not word:
            continue
        weight = 1.0 if fields.get("type") == "strongsubj" else 0.5
        pattern = word + "*" if fields.get("stemmed1") == "y" else word
        entries.append((pattern, fields.get("priorpolarity", "subjective"), weight))
    return entries


def parse_header(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """The ``# key: value`` header lines of a word list as a dict, and its other lines.

    Examples
    --------
    >>> parse_header(["# name: demo", "# a comment", "chaos", "", "riot police"])
    ({'name': 'demo'}, ['chaos', 'riot police'])
    """
    meta: dict[str, str] = {}
    body = []
    for line in lines:
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep:
                meta[key.strip()] = value.strip()
        elif line.strip():
            body.append(line.rstrip("\n"))
    return meta, body


def parse_row(parts: Sequence[str], default: str) -> tuple[str, str, float]:
    """One ``pattern[<TAB>category[<TAB>weight]]`` entry; category defaults to ``default``.

    Examples
    --------
    >>> parse_row(["slams", "conflict", "2"], "mine"), parse_row(["fury"], "mine")
    (('slams', 'conflict', 2.0), ('fury', 'mine', 1.0))
    """
    pattern = parts[0].strip()
    category = parts[1].strip() if len(parts) > 1 and parts[1].strip() else default
    weight = float(parts[2]) if len(parts) > 2 and parts[2].strip() else 1.0
    return pattern, category, weight
