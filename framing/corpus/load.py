"""Corpus layer: read articles from files or frames into one canonical DataFrame.

Canonical columns are ``outlet``, ``headline``, ``body``, optional ``date`` and ``url``,
plus any label columns, with an index named ``id``. Common aliases are mapped and the
mapping used is kept in ``df.attrs["column_map"]``.

Examples
--------
>>> import pandas as pd
>>> df = load_corpus(pd.DataFrame({"title": ["Is Putin losing his grip?"], "source": ["Express"]}))
>>> list(df.columns), df.index.name, df.attrs["column_map"]
(['outlet', 'headline'], 'id', {'source': 'outlet', 'title': 'headline'})
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.errors import CorpusError, ParameterError
from framing.io import files
from framing.io.files import (
    SUFFIXES,
    decode,
    folder_files,
    format_of,
    read_bytes,
    read_table,
    unzipped_name,
)
from framing.io.schema import (
    ALIASES,
    CANONICAL,
    ID_COLUMNS,
    TEXT_COLUMNS,
    cell_text,
    require_columns,
)
from framing.text import tidy

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def corpora_folder() -> Path:
    """The folder of the shipped corpora: the data package ``framing.corpora``.

    pyproject.toml maps the top-level ``corpora/`` folder of the source tree to
    ``framing.corpora``, so a wheel holds it inside the package and an editable install
    finds it in the source tree. A source tree put on ``sys.path`` without installing it
    (``PYTHONPATH=.``) has no such package; its ``corpora/`` beside ``framing/`` is used.

    Examples
    --------
    >>> sorted(p.name for p in corpora_folder().iterdir() if p.is_dir() and p.name[0] != "_")
    ['examples', 'sample']
    """
    from importlib.resources import files
    from importlib.util import find_spec

    spec = find_spec("framing.corpora")
    if spec is None or spec.origin is None:  # not installed (or a stray namespace package)
        return Path(__file__).resolve().parents[2] / "corpora"
    # installed as files (a wheel or an editable install): a real folder on disk
    return Path(str(files("framing.corpora")))


SAMPLE_PATH = corpora_folder() / "sample" / "articles.jsonl.gz"
EXAMPLES_PATH = corpora_folder() / "examples"


# --- reading --------------------------------------------------------------------------


def _read_folder(path: Path) -> pd.DataFrame:
    """A folder of .txt (first line = headline) and .html files, gzipped or not; subfolders
    name outlets."""
    import pandas as pd

    def kind(p: Path) -> str:
        return unzipped_name(p).suffix.lower()

    files = folder_files(path, lambda p: kind(p) in (".txt", ".html", ".htm"))
    if not files:
        raise CorpusError(f"{path}: folder holds no .txt or .html files (nor .gz of them)")
    rows = []
    for file in files:
        text = decode(read_bytes(file), file)
        if kind(file) == ".txt":
            headline, _, body = text.partition("\n")
        else:
            headline, body = html_text(text)
        rel = file.relative_to(path)
        row = {"id": str(unzipped_name(rel).with_suffix("")), "headline": headline, "body": body}
        if len(rel.parts) > 1:
            row["outlet"] = rel.parts[0]
        rows.append(row)
    return pd.DataFrame(rows)


def html_text(page: str) -> tuple[str, str]:
    """Headline (``<h1>`` or ``<title>``) and text of an HTML page, without extra packages.

    Examples
    --------
    >>> html_text("<html><title>T</title><h1>Big news</h1><p>One.</p><script>x()</script><p>Two.</p>")
    ('Big news', 'Big news\\n\\nOne.\\n\\nTwo.')
    """
    import re

    heading = re.search(r"<h1\b[^>]*>(.*?)</h1>", page, re.S | re.I) or re.search(
        r"<title\b[^>]*>(.*?)</title>", page, re.S | re.I
    )
    headline = tidy(heading.group(1)) if heading else ""
    page = re.sub(r"<(head|title)\b.*?</\1\s*>", " ", page, flags=re.S | re.I)
    return headline, tidy(page)


# --- mapping to the canonical schema --------------------------------------------------


def check_column_map(column_map: dict[str, str]) -> None:
    """Refuse a map whose names are not columns framing reads (``outlet``, ``headline``,
    ``body``, ``date``, ``url``, ``id``): mapping to any other name would only rename a
    column away.

    Examples
    --------
    >>> check_column_map({"body": "text"})
    >>> check_column_map({"bogus": "body"})
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: 'bogus' is not a column framing reads; map one of outlet, headline, body, date, url, id to a column of the corpus
    """
    known = (*CANONICAL, "id")
    for name in column_map:
        if name not in known:
            raise ParameterError(
                f"{name!r} is not a column framing reads; map one of {', '.join(known)} "
                "to a column of the corpus",
                parameter="map",
            )


def _map_columns(df: pd.DataFrame, column_map: dict[str, str]) -> tuple[pd.DataFrame, dict]:
    """Rename explicit and alias columns to canonical names; a canonical column wins."""
    renames: dict[str, str] = {}
    for canonical, source in column_map.items():
        if source not in df.columns:
            raise CorpusError(
                f"column {source!r} (given for {canonical!r}) not found; columns: "
                f"{', '.join(map(str, df.columns))}"
            )
        renames[source] = canonical
    taken = set(renames.values()) | {c for c in df.columns if c in CANONICAL}
    for column in df.columns:
        target = ALIASES.get(str(column).lower().strip())
        if str(column).lower() in CANONICAL and column not in CANONICAL:
            target = str(column).lower()
        if target and target not in taken and column not in renames:
            renames[column] = target
            taken.add(target)
    renames = {c: t for c, t in renames.items() if c != t}
    # an explicitly mapped column displaces a same-named one, which is kept as <name>_original
    displaced = {
        t: f"{t}_original" for t in renames.values() if t in df.columns and t not in renames
    }
    df = df.rename(columns=displaced).rename(columns=renames)
    return df, {str(k): v for k, v in sorted(renames.items())}


def _set_index(df: pd.DataFrame, start: int = 0) -> pd.DataFrame:
    import pandas as pd

    if df.index.name == "id":
        ids = df.index
    else:
        col = next((c for c in df.columns if str(c).lower() in ID_COLUMNS), None)
        if col is not None:
            ids = pd.Index(df[col].astype(str), name="id")
            df = df.drop(columns=[col])
        elif isinstance(df.index, pd.RangeIndex):
            ids = pd.RangeIndex(start, start + len(df), name="id")
        else:
            ids = pd.Index(df.index, name="id")
    if ids.has_duplicates:
        dup = ids.duplicated(keep="first")
        warnings.warn(
            f"{int(dup.sum())} duplicate id(s) (e.g. {ids[dup][0]!r}); every row is kept and "
            "repeats get a suffix (id~2, id~3, ...)",
            stacklevel=3,
        )
        ids = ids.astype(str)
        counts = pd.Series(ids).groupby(ids).cumcount() + 1
        ids = pd.Index(
            [i if c == 1 else f"{i}~{c}" for i, c in zip(ids, counts, strict=True)], name="id"
        )
    df.index = ids
    return df


def no_rows(path: Path) -> CorpusError:
    """The error for a file of columns (a header) without a row, whichever reader read it."""
    return CorpusError(f"{path} has no articles: its columns are there, no rows")


def load_corpus(
    source: Any,
    *,
    format: str | None = None,
    require: Iterable[str] = (),
    **column_map: str,
) -> pd.DataFrame:
    """Read a corpus into the canonical schema.

    Parameters
    ----------
    source : path, str or pandas.DataFrame
        A CSV, TSV, JSON Lines (plain or .gz), JSON array, or Parquet file; a folder of
        .txt files (first line is the headline) and .html pages (subfolders name the
        outlet); one of the public datasets below, as distributed; or a DataFrame.
    format : str, optional
        Force a reader instead of guessing from the path: ``csv``, ``tsv``, ``jsonl``,
        ``json``, ``parquet``, or a dataset name from the table below.
    require : iterable of str
        Columns the task needs beyond text (e.g. ``["outlet"]`` to compare outlets).
    **column_map : str
        Canonical name to source column, e.g. ``body="article_text"``; common aliases
        (``title``, ``text``, ``content``, ``source`` ...) are mapped without asking.

    Returns
    -------
    pandas.DataFrame
        Index ``id`` (kept from an ``id`` column when present, else row numbers; repeated
        ids get a suffix ``~2``, ``~3`` with a warning); ``headline`` and ``body`` tidied
        (entities, tags, line endings) and never NaN (a missing value is empty, a number
        written out, a list of paragraphs joined by blank lines); a ``spans`` column of dicts with
        ``field``, ``start``, ``end`` is moved with the tidying so that
        ``df.loc[i, span["field"]][span["start"]:span["end"]]`` stays the labelled words.
        ``df.attrs["column_map"]`` records the renames applied.

    Raises
    ------
    CorpusError
        Missing file, unknown type, empty or malformed file, no headline/body column, or a
        headline or body that is not text (such as a nested record).

    Notes
    -----
    Public datasets (readers in :mod:`framing.corpus.datasets`; where to get them and the
    columns they give in ``docs/datasets.md``). "auto" says when a path is recognised
    without ``format``:

    ==========  ========================================================  ===============
    format      dataset and layout                                        auto
    ==========  ========================================================  ===============
    allsides    Baly et al. 2020: folder of JSON files (``bias_text``)    folder
                or our JSON Lines; body from ``content_original``
    clickbait   Stop Clickbait (Chakraborty et al. 2016):                 by file name,
                ``clickbait_data``/``non_clickbait_data`` (.gz) or a      TSV header
                ``headline<TAB>clickbait`` table; label ``clickbait``
    babe        BABE / MBIC (Spinde et al.) ``;``-separated sentences,    ``label_bias``
                ``text`` -> body, labels kept                             in CSV header
    semeval     SemEval-2019 Task 4 hyperpartisan articles XML + its      ``.xml`` file,
                ground-truth XML, streamed                                ``articles*.xml``
    ptc         Propaganda Techniques Corpus: ``articleNNN.txt`` +        ``*.labels``
                technique span labels -> ``spans``                        in folder
    ==========  ========================================================  ===============

    Examples
    --------
    >>> from pathlib import Path
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "article1.txt").write_text("Title\\n\\nThey  are   traitors.")
    >>> _ = (folder / "article1.labels.tsv").write_text("1\\tName_Calling,Labeling\\t19\\t27\\n")
    >>> df = load_corpus(folder)
    >>> span = df.loc["1", "spans"][0]
    >>> df.loc["1", "body"], df.loc["1", "body"][span["start"]:span["end"]]
    ('They are traitors.', 'traitors')
    """
    import pandas as pd

    check_column_map(column_map)
    if isinstance(source, pd.DataFrame):
        df, where = source.copy(), "DataFrame"
    else:
        path = Path(source).expanduser()
        where = str(path)
        if not path.exists():
            raise CorpusError(f"{path}: no such file or folder")
        df, reader_map = _read_path(path, format)
        if not len(df):
            raise no_rows(path)
        taken = set(column_map.values())
        column_map = {**{k: v for k, v in reader_map.items() if v not in taken}, **column_map}
    return canonical(df, where=where, require=require, column_map=column_map)


def canonical(
    df: pd.DataFrame,
    *,
    where: str,
    require: Iterable[str] = (),
    column_map: dict[str, str],
    start: int = 0,
    text_columns: Iterable[str] = (),
) -> pd.DataFrame:
    """Map, check, tidy and index a raw frame (rows numbered from ``start`` without ids).

    ``text_columns`` are added empty when absent (a later chunk of a streamed file
    whose records happen to lack a text column the first chunk had).
    """
    df, renames = _map_columns(df, column_map)
    for col in text_columns:
        if col not in df.columns:
            df[col] = ""
    present = [c for c in TEXT_COLUMNS if c in df.columns]
    if not present:
        raise CorpusError(
            f"{where}: no headline or body column; found {', '.join(map(str, df.columns)) or 'none'}"
            f"; accepted: headline, body, {', '.join(sorted(ALIASES))}, or name one: "
            "load_corpus(path, body='my_column')"
        )
    require_columns(df, require, where=where)
    raw = {col: df[col].tolist() for col in present} if "spans" in df.columns else None
    for col in present:
        texts = [cell_text(v, col, where, start + row) for row, v in enumerate(df[col])]
        _check_article_sizes(texts, col, where, start)
        df[col] = [tidy(t) for t in texts]
    if raw is not None:
        clean = {col: df[col].tolist() for col in present}
        df["spans"] = _realign_spans(df["spans"].tolist(), raw, clean, where)
    df = _set_index(df, start)
    order = [c for c in CANONICAL if c in df.columns]
    df = df[order + [c for c in df.columns if c not in order]]
    df.attrs["column_map"] = renames
    df.attrs["source"] = where
    return df


def _check_article_sizes(texts: list[str], column: str, where: str, start: int) -> None:
    """Refuse a text longer than :data:`framing.io.files.MAX_ARTICLE_MB` (measured in
    characters, a million to the MB): no article is that long, and measuring it would take
    memory many times its size."""
    limit = int(files.MAX_ARTICLE_MB * 1e6)
    for row, text in enumerate(texts):
        if isinstance(text, str) and len(text) > limit:
            raise CorpusError(
                f"{where}: the {column} of row {start + row + 1:,} holds {len(text) / 1e6:,.1f} "
                f"million characters, more than an article may ({files.MAX_ARTICLE_MB:g} "
                "million): is the file's layout what framing expects? Raise the limit with "
                "--max-article-mb"
            )


def _read_path(path: Path, format: str | None) -> tuple[pd.DataFrame, dict[str, str]]:
    """The raw table at ``path`` and the renames its dataset reader asks for."""
    from framing.corpus.datasets import READERS, detect

    formats = sorted(set(SUFFIXES.values()))
    if format is not None and format not in READERS and format not in formats:
        raise CorpusError(
            f"unknown format {format!r}; use one of {', '.join(formats + sorted(READERS))}"
        )
    fmt = format or detect(path)
    if fmt in READERS:
        return READERS[fmt](path)
    if path.is_dir():
        return _read_folder(path), {}
    return read_table(path, fmt or format_of(path)), {}


def _offset_map(raw: str, clean: str) -> list[int]:
    """For each offset into ``raw``, the offset of the same place in ``tidy(raw)``.

    ``tidy`` deletes characters and turns whitespace into other whitespace, so ``clean``
    is matched against ``raw`` left to right with any two whitespace characters equal.

    Examples
    --------
    >>> raw = "  They  are\\n\\n\\n\\ntraitors."
    >>> clean = tidy(raw)
    >>> m = _offset_map(raw, clean)
    >>> clean[m[raw.index("traitors")]:m[raw.index("traitors") + 8]]
    'traitors'
    """
    out = [0] * (len(raw) + 1)
    j, n = 0, len(clean)
    for i, ch in enumerate(raw):
        out[i] = j
        if j < n and (ch == clean[j] or (ch.isspace() and clean[j].isspace())):
            j += 1
    out[len(raw)] = j
    return out


def _realign_spans(spans: list, raw: dict, clean: dict, where: str) -> list:
    """Move ``{"field", "start", "end"}`` span offsets from the raw to the tidied text."""
    changed = 0
    out = []
    for row, items in enumerate(spans):
        if not isinstance(items, list):
            out.append(items)
            continue
        maps: dict[str, list[int]] = {}
        moved = []
        for span in items:
            field = span.get("field") if isinstance(span, dict) else None
            if field is None or field not in raw or raw[field][row] == clean[field][row]:
                moved.append(span)
                continue
            before, after = raw[field][row] or "", clean[field][row]
            if field not in maps:
                maps[field] = _offset_map(before, after)
            last = len(before)
            start = maps[field][min(span["start"], last)]
            end = maps[field][min(span["end"], last)]
            if before[span["start"] : span["end"]].split() != after[start:end].split():
                changed += 1
            moved.append({**span, "start": start, "end": end})
        out.append(moved)
    if changed:
        warnings.warn(
            f"{where}: {changed} labelled span(s) lost characters other than spaces when the "
            "text was tidied (markup or entities inside them); their offsets are approximate",
            stacklevel=3,
        )
    return out


def load_sample() -> pd.DataFrame:
    """The small multi-outlet sample corpus shipped with framing (see its DATASHEET.md).

    Examples
    --------
    >>> df = load_sample()
    >>> df["outlet"].nunique() >= 8
    True
    """
    return load_corpus(SAMPLE_PATH)


def load_example(name: str = "express-putin-protests") -> str:
    """The text of a shipped example article (first line is the headline).

    Examples
    --------
    >>> load_example().splitlines()[0]
    'Is Putin losing his grip? Russians defy crackdown orders as mass protests erupt – VIDEO'
    """
    path = EXAMPLES_PATH / f"{name}.txt"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in EXAMPLES_PATH.glob("*.txt")))
        raise CorpusError(f"no example called {name!r}; known: {known}")
    return path.read_text(encoding="utf-8")
