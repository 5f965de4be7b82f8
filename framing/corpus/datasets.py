"""Readers for public media-bias datasets, called through ``load_corpus(path, format=NAME)``.

Each reader turns a dataset as its authors distribute it into a raw DataFrame plus the
renames that map it to the canonical schema (``{canonical: source_column}``);
:func:`framing.corpus.load.load_corpus` then applies those renames (so they are reported in
``df.attrs["column_map"]``), tidies the text, and sets the ``id`` index, exactly as for
any other file. See ``docs/datasets.md`` for where to get each dataset. The readers are
in :mod:`framing.corpus.dataset_readers`; this module holds the registry and the
detection of a dataset by its layout.

=============  ==========================================================================
format         what it reads
=============  ==========================================================================
``allsides``   Baly et al. 2020: a folder of one-article JSON files, or our JSON Lines
``clickbait``  Stop Clickbait: ``clickbait_data`` / ``non_clickbait_data`` (.gz), or a TSV
``babe``       BABE / MBIC sentence CSV (semicolon-separated, ``label_bias``)
``semeval``    SemEval-2019 Task 4 articles XML, joined with its ground-truth XML
``ptc``        Propaganda Techniques Corpus: ``articleNNN.txt`` + technique span labels
=============  ==========================================================================

Examples
--------
>>> from pathlib import Path
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "clickbait_data").write_text("You Won't Believe This\\n\\nWhat Happens Next\\n")
>>> detect(folder)
'clickbait'
>>> df, renames = READERS["clickbait"](folder)
>>> df[["id", "headline", "clickbait"]].values.tolist()
[['clickbait_data:1', "You Won't Believe This", 1], ['clickbait_data:2', 'What Happens Next', 1]]
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from framing.corpus.dataset_readers import (
    CLICKBAIT_FILES,
    PTC_LABELS,
    first_line,
    is_json,
    read_allsides,
    read_babe,
    read_clickbait,
    read_ptc,
    read_semeval,
    stem,
)
from framing.io.files import folder_files, read_bytes

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

Reader = Callable[[Path], "tuple[pd.DataFrame, dict[str, str]]"]

READERS: dict[str, Reader] = {
    "allsides": read_allsides,
    "clickbait": read_clickbait,
    "babe": read_babe,
    "semeval": read_semeval,
    "ptc": read_ptc,
}


def detect(path: Path) -> str | None:
    """The dataset reader for ``path`` when its layout says so unambiguously, else None.

    Folders: PTC label files, a clickbait list, SemEval ``articles*.xml``, or AllSides
    JSON (``bias_text``). Files: ``.xml`` (SemEval), a clickbait list by name, a ``;``-separated
    table with ``label_bias`` (BABE/MBIC), or a ``headline<TAB>clickbait`` table.

    Examples
    --------
    >>> from pathlib import Path
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "final_labels_SG2.csv").write_text("text;outlet;label_bias\\nA.;x;Biased\\n")
    >>> _ = (folder / "articles-test.xml").write_text("<articles></articles>")
    >>> detect(folder / "final_labels_SG2.csv"), detect(folder / "articles-test.xml"), detect(folder)
    ('babe', 'semeval', 'semeval')
    """
    if path.is_dir():
        names = [p.name for p in path.iterdir()]
        if any(PTC_LABELS.match(p.name) for p in path.rglob("article*")):
            return "ptc"
        if any(stem(path / n) in CLICKBAIT_FILES for n in names):
            return "clickbait"
        if any(n.startswith("articles") and stem(path / n).endswith(".xml") for n in names):
            return "semeval"
        if _is_allsides_folder(path):
            return "allsides"
        return None
    if stem(path).endswith(".xml"):
        return "semeval"
    if stem(path) in CLICKBAIT_FILES:
        return "clickbait"
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-1:] == [".gz"]:
        suffixes.pop()
    if suffixes[-1:] in ([".csv"], [".tsv"]):
        header = _sniff_header(path)
        if ";" in header and "label_bias" in header.split(";"):
            return "babe"
        if header.split("\t") == ["headline", "clickbait"]:
            return "clickbait"
    return None


def _sniff_header(path: Path) -> str:
    """The first line of a table, lower-cased ("" when unreadable)."""
    return first_line(path).decode("utf-8-sig", errors="replace").strip().lower()


def _is_allsides_folder(path: Path) -> bool:
    """Whether the first .json file of ``path`` has AllSides' ``bias_text`` field."""
    files = folder_files(path, is_json)
    return bool(files) and b'"bias_text"' in read_bytes(files[0])
