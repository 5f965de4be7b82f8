"""The readers of :mod:`framing.corpus.datasets`: each public dataset as its authors ship it.

Each ``read_<name>(path)`` returns a raw DataFrame and the renames that map it to the
canonical schema (``{canonical: source_column}``); :func:`framing.corpus.load.load_corpus`
applies them. The file-name patterns here (:data:`CLICKBAIT_FILES`, :data:`PTC_LABELS`)
are also what :func:`framing.corpus.datasets.detect` looks for.
"""

from __future__ import annotations

import ast
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from framing.errors import CorpusError
from framing.io.files import decode, folder_files, format_of, open_raw, read_bytes, read_table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows)


def stem(path: Path) -> str:
    """File name without .gz and one text suffix: ``clickbait_data.gz`` -> ``clickbait_data``.

    Examples
    --------
    >>> stem(Path("dataset/clickbait_data.gz")), stem(Path("articles-training.xml.gz"))
    ('clickbait_data', 'articles-training.xml')
    """
    name = path.name
    for suffix in (".gz", ".txt"):
        name = name.removesuffix(suffix)
    return name


def first_line(path: Path, size: int = 4096) -> bytes:
    """The first line (at most ``size`` bytes) of a plain or gzipped file; b"" if unreadable.

    Examples
    --------
    >>> import tempfile
    >>> file = Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = file.write_text("text;label_bias\\nA.;Biased\\n")
    >>> first_line(file), first_line(file.with_name("missing.csv"))
    (b'text;label_bias\\n', b'')
    """
    try:
        raw, stream = open_raw(path)
        with raw, stream:
            return stream.readline(size)
    except (OSError, EOFError, CorpusError):
        return b""


# --- AllSides (Baly et al. 2020) --------------------------------------------------------


def read_allsides(path: Path) -> tuple[pd.DataFrame, dict[str, str]]:
    """Baly et al.'s ``data/jsons/`` folder (one article per file) or our JSON Lines.

    ``content_original`` (the text with its line breaks) is used as the body and the
    tokenised ``content`` copy is dropped (it fills in only where an article has no
    ``content_original``); ``bias_text`` becomes ``leaning``; ``bias``
    (0 left, 1 center, 2 right) is kept as it is.
    """
    if path.is_dir():
        rows = [_json_object(file) for file in folder_files(path, is_json)]
        if not rows:
            raise CorpusError(f"{path}: folder holds no .json files (expected Baly's data/jsons)")
        df = _frame(rows)
    elif format_of(path) == "json" and first_line(path).lstrip()[:1] == b"{":
        df = _frame([_json_object(path)])  # one article file
    else:
        df = read_table(path, format_of(path))
    renames = {}
    if "content_original" in df.columns:
        if "content" in df.columns:  # an article without content_original keeps its content
            df["content_original"] = df["content_original"].fillna(df["content"])
        df = df.drop(columns=[c for c in ("content", "body") if c in df.columns])
        renames["body"] = "content_original"
    if "bias_text" in df.columns and "leaning" not in df.columns:
        renames["leaning"] = "bias_text"
    return df, renames


def is_json(path: Path) -> bool:
    """Whether ``path`` names a ``.json`` file (AllSides has one article a file).

    Examples
    --------
    >>> is_json(Path("jsons/0a1b.json")), is_json(Path("articles.jsonl"))
    (True, False)
    """
    return path.name.endswith(".json")


def _json_object(file: Path) -> dict[str, Any]:
    try:
        record = json.loads(decode(read_bytes(file), file))
    except json.JSONDecodeError as err:
        raise CorpusError(
            f"{file}: not valid JSON ({err.msg} at line {err.lineno}); the file may be "
            "truncated: download it again or delete it"
        ) from None
    if not isinstance(record, dict):
        raise CorpusError(f"{file}: not a JSON object (AllSides has one article a file)")
    return record


# --- Stop Clickbait (Chakraborty et al. 2016) -------------------------------------------

CLICKBAIT_FILES = {"clickbait_data": 1, "non_clickbait_data": 0}


def read_clickbait(path: Path) -> tuple[pd.DataFrame, dict[str, str]]:
    """The two headline lists (``clickbait_data``, ``non_clickbait_data``; plain or .gz).

    A folder holding either file, one of the files, or a table with a ``clickbait``
    column (our ``headlines.tsv.gz``). Ids are ``<file>:<n>`` for the n-th headline of a
    list; the ``clickbait`` label is the integer 1 or 0.
    """
    if path.is_file() and stem(path) not in CLICKBAIT_FILES:
        df = read_table(path, format_of(path))
        if "clickbait" not in df.columns:
            raise CorpusError(
                f"{path}: no 'clickbait' column (found {', '.join(map(str, df.columns))}); "
                "expected headline<TAB>clickbait with 1/0 labels"
            )
        labels = df["clickbait"].astype(str).str.strip()
        bad = ~labels.isin(["0", "1"])
        if bad.any():
            row = int(bad.to_numpy().argmax())
            raise CorpusError(
                f"{path}: row {row + 1} has clickbait label {labels.iloc[row]!r}; "
                "labels must be 1 (clickbait) or 0 (not): fix that row"
            )
        df["clickbait"] = labels.astype(int)
        return df, {}
    files = (
        [path]
        if path.is_file()
        else folder_files(path, lambda p: stem(p) in CLICKBAIT_FILES, recursive=False)
    )
    if not files:
        raise CorpusError(
            f"{path}: no clickbait_data or non_clickbait_data file; point at the Stop "
            "Clickbait dataset/ folder"
        )
    rows = []
    for file in files:
        name = stem(file)
        label = CLICKBAIT_FILES[name]
        data = read_bytes(file)
        if b"\0" in data:
            raise CorpusError(f"{file}: binary data, not a list of headlines (one a line)")
        lines = (line.strip() for line in decode(data, file).splitlines())
        for n, headline in enumerate(filter(None, lines), 1):
            rows.append({"id": f"{name}:{n}", "headline": headline, "clickbait": label})
    if not rows:
        raise CorpusError(f"{path}: the clickbait lists are empty (one headline a line expected)")
    return _frame(rows), {}


# --- BABE / MBIC (Spinde et al.) ---------------------------------------------------------


def read_babe(path: Path) -> tuple[pd.DataFrame, dict[str, str]]:
    """BABE (``final_labels_SG1.csv``, ``SG2``) or MBIC sentence tables, ``;``-separated.

    ``text`` (BABE) or ``sentence`` (MBIC) becomes ``body`` (there is no headline),
    ``news_link`` becomes ``url`` and ``type`` (the outlet's leaning) becomes ``leaning``.
    Column names are lower-cased (MBIC's ``Label_bias``); ``label_bias``,
    ``label_opinion`` are kept, and ``biased_words`` is parsed into a list of words.
    """
    df = read_table(path, "csv", sep=";")
    df.columns = [str(c).strip().lower() for c in df.columns]
    text = next((c for c in ("text", "sentence") if c in df.columns), None)
    if text is None or "label_bias" not in df.columns:
        found = ", ".join(df.columns)
        hint = (
            " (it looks comma-separated: read it as plain CSV, format='csv')"
            if len(df.columns) == 1
            else ""
        )
        raise CorpusError(
            f"{path}: not a BABE/MBIC table: expected ';'-separated columns text (or "
            f"sentence);news_link;outlet;topic;type;label_bias; found {found}{hint}"
        )
    if "biased_words" in df.columns:
        df["biased_words"] = [_word_list(v, path, i) for i, v in enumerate(df["biased_words"], 1)]
    renames = {"body": text, "url": "news_link", "leaning": "type"}
    return df, {k: v for k, v in renames.items() if v in df.columns}


def _word_list(value: str, path: Path, row: int) -> list[str]:
    if not value.strip():
        return []
    try:
        words = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        words = None
    if not isinstance(words, list | tuple):
        raise CorpusError(
            f"{path}: row {row}: biased_words {value[:40]!r} is not a list like ['a', 'b']; "
            "fix that cell"
        )
    return [str(w) for w in words]


# --- SemEval-2019 Task 4 (Kiesel et al. 2019) ---------------------------------------------

_BLOCKS = {"p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"}


def read_semeval(path: Path) -> tuple[pd.DataFrame, dict[str, str]]:
    """Hyperpartisan news: an ``articles-*.xml`` file (or a folder) and its ground truth.

    The ground truth is the file named like the articles file with ``ground-truth`` for
    ``articles`` (in a folder with one file of each kind they are paired whatever their
    names); without one the articles load unlabelled. Both are parsed as streams, so
    the multi-GB by-publisher files fit in memory as text only. Inner markup is
    flattened, each paragraph on its own line. Columns: ``title`` -> headline, body,
    ``published-at`` -> date, ``hyperpartisan`` (bool), ``bias``, ``labeled_by``,
    ``url``, and ``outlet`` (the url's host without ``www.``).
    """
    if path.is_dir():
        xmls = folder_files(path, lambda p: stem(p).endswith(".xml"), recursive=False)
        articles = [p for p in xmls if "ground-truth" not in p.name]
        truths = [p for p in xmls if "ground-truth" in p.name]
        if not articles:
            raise CorpusError(f"{path}: no articles XML file (expected articles-*.xml)")
        pairs = [(a, _truth_for(a, truths if len(articles) == 1 else [])) for a in articles]
    elif "ground-truth" in path.name:
        raise CorpusError(
            f"{path} is the ground-truth file: load the articles XML beside it, or the folder"
        )
    else:
        pairs = [(path, _truth_for(path, []))]
    rows = []
    for articles_file, truth_file in pairs:
        labels = {}
        if truth_file is not None:
            for elem in _iter_articles(truth_file):
                labels[elem.get("id")] = {
                    "hyperpartisan": elem.get("hyperpartisan", "").lower() == "true",
                    "bias": elem.get("bias"),
                    "labeled_by": elem.get("labeled-by"),
                    "url": elem.get("url"),
                }
        for elem in _iter_articles(articles_file):
            row: dict[str, Any] = {
                "id": elem.get("id"),
                "title": elem.get("title", ""),
                "body": _flatten(elem),
                "published-at": elem.get("published-at"),
            }
            if row["id"] is None:
                raise CorpusError(f"{articles_file}: an <article> has no id attribute")
            row.update(labels.get(row["id"], {}))
            rows.append(row)
    if not rows:
        raise CorpusError(f"{path}: no <article> elements found")
    df = _frame(rows)
    if "url" in df.columns:
        df["outlet"] = [_host(u) for u in df["url"]]
    return df, {"headline": "title", "date": "published-at"}


def _truth_for(articles: Path, candidates: list[Path]) -> Path | None:
    named = articles.with_name(articles.name.replace("articles", "ground-truth", 1))
    if named != articles and named.exists():
        return named
    return candidates[0] if len(candidates) == 1 else None


def _iter_articles(path: Path) -> Iterator[ET.Element]:
    """Each complete ``<article>`` element, cleared after use (streaming)."""
    try:
        raw, handle = open_raw(path)
        with raw, handle:
            events = ET.iterparse(handle, events=("start", "end"))
            root = None
            for event, elem in events:
                if root is None:
                    root = elem
                elif event == "end" and elem.tag == "article":
                    yield elem
                    root.clear()  # drop finished articles so memory stays flat
    except ET.ParseError as err:
        raise CorpusError(
            f"{path}: XML is not well-formed ({err}); the file may be truncated: download it again"
        ) from None
    except (OSError, EOFError) as err:
        raise CorpusError(f"{path}: cannot read the XML ({err})") from None


def _flatten(elem: ET.Element) -> str:
    """Text of an element with nested tags flattened and block elements on their own lines."""
    lines = [elem.text or ""]
    for child in elem:
        if child.tag in _BLOCKS:
            lines.append("".join(child.itertext()))
            lines.append(child.tail or "")
        else:
            lines[-1] += "".join(child.itertext()) + (child.tail or "")
    return "\n".join(line.strip() for line in lines if line.strip())


def _host(url: Any) -> str | None:
    if not isinstance(url, str) or not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


# --- Propaganda Techniques Corpus (Da San Martino et al. 2019) ---------------------------

_PTC_ARTICLE = re.compile(r"^article(\d+)\.txt$")
PTC_LABELS = re.compile(r"^article(\d+)\..*labels(?:\.tsv)?$", re.I)
_PTC_OTHER_TASKS = re.compile(r"SLC|SI\.labels", re.I)  # sentence / span-only labels


def read_ptc(path: Path) -> tuple[pd.DataFrame, dict[str, str]]:
    """PTC folders: ``articleNNN.txt`` (title on line 1) and technique span labels.

    Label files are ``articleNNN.labels.tsv``, ``.task-flc-tc.labels``,
    ``.task-FLC.labels`` or ``.task2-TC.labels`` anywhere under ``path`` (lines
    ``id<TAB>technique<TAB>start<TAB>end``, offsets into the article file); sentence-
    and span-only files (``SLC``, ``SI``) are ignored. One row per article, with
    ``spans``: a list of ``{"technique", "start", "end", "field"}`` where the offsets
    point into the ``headline`` or ``body`` named by ``field``. load_corpus keeps them
    pointing at the same words after tidying; a span that runs from the title into the
    body is split in two.
    """
    files = folder_files(path, lambda p: p.name.startswith("article"))
    articles = [(m.group(1), p) for p in files if (m := _PTC_ARTICLE.match(p.name))]
    if not articles:
        raise CorpusError(f"{path}: no articleNNN.txt files (expected a PTC articles folder)")
    spans: dict[str, list[tuple[str, int, int]]] = {key: [] for key, _ in articles}
    for file in files:
        match = PTC_LABELS.match(file.name)
        if match is None or _PTC_OTHER_TASKS.search(file.name):
            continue
        if match.group(1) not in spans:
            raise CorpusError(f"{file}: labels for article {match.group(1)} but no such .txt")
        spans[match.group(1)].extend(_ptc_labels(file, match.group(1)))
    rows = []
    for key, file in articles:
        # offsets count one character per line break, as Python's text mode reads the file
        text = decode(read_bytes(file), file).replace("\r\n", "\n").replace("\r", "\n")
        headline, _, body = text.partition("\n")
        cut = len(headline) + 1
        found = []
        for technique, start, end in sorted(set(spans[key]), key=lambda s: (s[1], s[2], s[0])):
            if end > len(text):
                raise CorpusError(
                    f"{file}: span {start}-{end} ({technique}) ends past the text "
                    f"({len(text)} characters); the labels belong to another version"
                )
            if start < len(headline):
                found.append(_span(technique, start, min(end, len(headline)), "headline"))
            if end > cut:
                found.append(_span(technique, max(start, cut) - cut, end - cut, "body"))
        rows.append({"id": key, "headline": headline, "body": body, "spans": found})
    return _frame(rows), {}


def _span(technique: str, start: int, end: int, field: str) -> dict[str, Any]:
    return {"technique": technique, "start": start, "end": end, "field": field}


def _ptc_labels(file: Path, key: str) -> list[tuple[str, int, int]]:
    out = []
    for number, line in enumerate(decode(read_bytes(file), file).splitlines(), 1):
        if not line.strip():
            continue
        parts = line.rstrip("\r").split("\t")
        try:
            article, technique, first, last = parts
            start, end = int(first), int(last)
        except ValueError:
            raise CorpusError(
                f"{file}: line {number} is {line[:60]!r}; expected "
                "article_id<TAB>technique<TAB>start<TAB>end with integer offsets"
            ) from None
        if article != key or not 0 <= start < end:
            raise CorpusError(
                f"{file}: line {number}: article {article!r} span {start}-{end} does not fit "
                f"article{key}.txt (need that id and 0 <= start < end)"
            )
        out.append((technique, start, end))
    return out
