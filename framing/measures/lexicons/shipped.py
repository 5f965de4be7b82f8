"""The lexicons shipped with framing: data files in ``data/``, listed in ``LEXICONS.md``.

Each file is a word list (``pattern[<TAB>category[<TAB>weight]]`` lines) under a
``# key: value`` provenance header (name, description, source, citation, licence); a header
line ``# entries: package/file`` takes the entries from a file another package ships
(VADER's valence lexicon).

Examples
--------
>>> "emotive" in available(), load_lexicon("emotive").name
(True, 'emotive')
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from framing.errors import InputError
from framing.measures.lexicons.lexicon import HEADER_KEYS, Lexicon
from framing.measures.lexicons.readers import parse_header, parse_row, read_lexicon
from framing.text import WORD

if TYPE_CHECKING:  # pragma: no cover
    from importlib.abc import Traversable

__all__ = ["available", "load_lexicon"]


def _data() -> Traversable:
    return resources.files("framing.measures.lexicons") / "data"


def available() -> list[str]:
    """Names of the lexicons shipped with framing.

    Examples
    --------
    >>> [n for n in available() if n.startswith("op")]
    ['opinion']
    """
    return sorted(p.name[:-4] for p in _data().iterdir() if p.name.endswith(".txt"))


def _vader_entries(path: str) -> list[tuple[str, str, float]]:
    package, _, file = path.partition("/")
    text = (resources.files(package) / file).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and WORD.search(parts[0]):
            out.append((parts[0], "valence", float(parts[1])))
    return out


@cache
def load_lexicon(name: str) -> Lexicon:
    """A shipped lexicon by name (see :func:`available`), or a user file by path.

    Examples
    --------
    >>> lex = load_lexicon("emotive")
    >>> lex.licence, "chaos" in lex.to_frame().term.tolist()
    ('BSD-3-Clause (as the package)', True)
    >>> load_lexicon("vader").categories
    ('valence',)
    """
    if name not in available():
        if Path(name).suffix and Path(name).exists():
            return read_lexicon(name)
        raise InputError(
            f"no lexicon called {name!r}; shipped: {', '.join(available())}; "
            "or pass the path of a .txt, .csv, .dic or .tff file"
        )
    text = (_data() / f"{name}.txt").read_text(encoding="utf-8")
    meta, body = parse_header(text.splitlines())
    if "entries" in meta:
        entries = _vader_entries(meta["entries"])
    else:
        entries = [parse_row(line.split("\t"), name) for line in body]
    return Lexicon(name, tuple(entries), **{k: meta.get(k, "") for k in HEADER_KEYS[1:]})
