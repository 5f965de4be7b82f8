"""The outlet comparison report: one self-contained HTML file (or Markdown with PNGs).

:func:`build_report` loads the corpus if given a path, computes what the report shows
(:func:`framing.report.analysis.analyse`: measures, statistics, distinguishing terms,
classifier) and writes it (:func:`framing.report.render.write_report`, through the
sections of :mod:`framing.report.sections`). The same input and seed give a
byte-identical file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from framing.report.analysis import analyse
from framing.report.render import check_format, write_report


def build_report(
    corpus_df: Any,
    *,
    by: str = "outlet",
    within: str | None = None,
    output: str | Path = "reports/report.html",
    format: str = "html",
    seed: int = 0,
    features: Any = None,
    progress: bool = False,
) -> Path:
    """Compare the groups of a corpus and write the report.

    Parameters
    ----------
    corpus_df : DataFrame or path
        A corpus (anything :func:`framing.load_corpus` reads).
    by : str, default "outlet"
        The grouping column.
    within : str, optional
        A stratifying column (e.g. ``"topic"``): groups are compared at a common mix.
    output : path, default "reports/report.html"
        Where to write; missing folders are created; written atomically.
    format : {"html", "md"}
        One self-contained HTML file, or Markdown with a folder of PNGs beside it.
    seed : int, default 0
        Seed of the bootstrap and the classifier: same input and seed, same file.
    features : DataFrame or str or list, optional
        Precomputed measures (same index as the corpus) or the families to extract.
    progress : bool, default False
        Show progress on stderr.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    framing.errors.ParameterError
        When ``format`` is not "html" or "md", or ``by`` leaves fewer than two groups of
        at least two articles (``parameter`` says which).
    framing.errors.MissingColumnError
        When ``by`` or ``within`` is not a column of the corpus.

    Examples
    --------
    >>> import framing
    >>> corpus = pd.DataFrame({"outlet": ["A", "B"], "body": ["One.", "Two."]})
    >>> try:
    ...     framing.build_report(corpus, output="unused.html")
    ... except framing.errors.ParameterError as error:
    ...     print(error.parameter)
    by

    On the shipped sample:

    >>> framing.build_report(framing.load_sample(), output="reports/sample.html")  # doctest: +SKIP
    PosixPath('reports/sample.html')
    """
    check_format(format)
    if not isinstance(corpus_df, pd.DataFrame):
        from framing.corpus.load import load_corpus

        corpus_df = load_corpus(corpus_df)
    data = analyse(corpus_df, by=by, within=within, seed=seed, features=features, progress=progress)
    return write_report(data, output, format=format)
