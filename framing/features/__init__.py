"""One entry point for every measure: :func:`extract_features` and :class:`FramingFeatures`.

Each feature family is a module in this package with a ``COLUMNS`` mapping (column name to
a one-line description) and a ``compute(ctx)`` function returning one row per article.
All families see the same :class:`~framing.features.context.Context`, so every text is
tokenised once per batch whatever the number of families.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from framing.errors import InputError, ParameterError
from framing.features.context import Context
from framing.text.docs import BATCH

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

    from framing.text import Docs


# family name -> module, in the order columns appear
FAMILIES: dict[str, str] = {
    "clutter": "framing.features.clutter",
    "style": "framing.features.style",
    "loaded": "framing.features.loaded",
    "voice": "framing.features.voice",
    "sourcing": "framing.features.sourcing",
    "headline": "framing.features.headline",
    "frames": "framing.features.frames",
}
DEFAULT: tuple[str, ...] = tuple(FAMILIES)


def family(name: str) -> ModuleType:
    """The module of feature family ``name``."""
    if name not in FAMILIES:
        raise InputError(f"unknown feature family {name!r}; choose from {', '.join(FAMILIES)}")
    return importlib.import_module(FAMILIES[name])


def resolve(features: str | Iterable[str] = "default") -> list[str]:
    """Family names for ``"default"``, ``"all"``, one name, or a list of names.

    Examples
    --------
    >>> resolve("style")
    ['style']
    """
    if isinstance(features, str):
        if features == "default":
            return list(DEFAULT)
        if features == "all":
            return list(FAMILIES)
        features = [f.strip() for f in features.split(",") if f.strip()]
    names = list(features)
    if not names:
        raise ParameterError(
            f"no feature family named; use 'default', 'all' or some of: {', '.join(FAMILIES)}",
            parameter="features",
        )
    for name in names:
        family(name)
    return names


def describe(features: str | Iterable[str] = "all") -> dict[str, str]:
    """Column name -> one-line description, for the chosen families.

    Examples
    --------
    >>> describe("style")["style_words"]
    'word tokens in the body'
    """
    out: dict[str, str] = {}
    for name in resolve(features):
        out.update(family(name).COLUMNS)
    return out


def labels(features: str | Iterable[str] = "all") -> dict[str, tuple[str, ...]]:
    """Columns of the chosen families that hold a label, not a number, and their values
    (a family lists them in ``LABELS``); every other column is a float.

    Examples
    --------
    >>> labels("frames")["frames_dominant"][:2]
    ('none', 'conflict')
    >>> labels("style")
    {}
    """
    out: dict[str, tuple[str, ...]] = {}
    for name in resolve(features):
        out.update(getattr(family(name), "LABELS", {}))
    return out


def numeric(features: str | Iterable[str] = "all") -> list[str]:
    """The columns of the chosen families that are numbers (all but :func:`labels`).

    Examples
    --------
    >>> "frames_dominant" in numeric("frames"), "frames_conflict" in numeric("frames")
    (False, True)
    """
    named = labels(features)
    return [c for c in describe(features) if c not in named]


def dtypes(features: str | Iterable[str] = "all") -> dict[str, Any]:
    """The dtype of every column of the chosen families: float, or a categorical of its
    labels."""
    import pandas as pd

    named = labels(features)
    return {c: pd.CategoricalDtype(named[c]) if c in named else float for c in describe(features)}


_MARKUP = re.compile(
    r"</?(?:p|br|div|span|a|b|i|em|strong|h[1-6]|li|ul|ol|img|script|style|html|body|table|tr|td|figure|figcaption)\b[^<>]*>",
    re.I,
)
"""An HTML tag of the kinds pages are made of (a bare "<" in text is not one)."""
MARKUP_SHARE = 0.01
"""The share of texts holding markup (or not in English, :data:`ENGLISH_SHARE`) from which
:func:`extract_features` warns. A tidied corpus can keep a tag or two that its source had
escaped ("&lt;a href=...&gt;", unescaped by :func:`~framing.text.tidy` after the tags were
stripped): 2 bodies of the 36,254 of AllSides, so one text alone is no alarm."""
ENGLISH_SHARE = 0.15
"""A body of at least :data:`ENGLISH_WORDS` words, fewer of which than this share are common
English words (scikit-learn's English stop words: "the", "of", "and" ...), is not read as
English prose: every measure reads English (lexicons, cue phrases, the shipped models), and
on such a text means little. Each of 5,000 AllSides bodies has at least 0.24; the German,
Portuguese, Indonesian, Russian and Japanese pages of the Scrapinghub extraction benchmark
under 0.09. Tables read so too (a page of sports results 0.01; 3 of the 36,254 AllSides
bodies, lists of campaign money and of death tolls)."""
ENGLISH_WORDS = 50
"""The words a body needs before :data:`ENGLISH_SHARE` judges it."""


def text_columns(df: Any) -> tuple[Sequence[Any], Sequence[Any]]:
    import pandas as pd

    if isinstance(df, str):
        raise InputError(
            "extract_features takes a DataFrame (or a list of texts), not a string; "
            "wrap one article as framing.extract_features([text])"
        )
    if isinstance(df, pd.Series) or not isinstance(df, pd.DataFrame):
        texts = _texts(list(df), "body")
        return [None] * len(texts), texts
    has_h, has_b = "headline" in df.columns, "body" in df.columns
    if not (has_h or has_b):
        from framing.io.schema import ALIASES

        raise InputError(
            "extract_features needs a 'headline' or 'body' column; found "
            f"{list(map(str, df.columns))}; load with framing.load_corpus to map aliases "
            f"({', '.join(sorted(ALIASES))})"
        )
    n = len(df)
    headline = _texts(df["headline"].tolist(), "headline") if has_h else [None] * n
    body = _texts(df["body"].tolist(), "body") if has_b else [None] * n
    return headline, body


def _texts(values: list[Any], column: str) -> list[str]:
    """The texts of one column as every reader takes them (:func:`~framing.io.schema.cell_text`),
    with a warning when at least :data:`MARKUP_SHARE` of them hold HTML markup (measured as
    words: tags, scripts, entities)."""
    import warnings

    from framing.io.schema import cell_text

    texts = [cell_text(v, column, "extract_features", row) for row, v in enumerate(values)]
    marked = sum(1 for t in texts if "<" in t and _MARKUP.search(t))
    if marked and marked >= MARKUP_SHARE * len(texts):
        warnings.warn(
            f"{marked:,} of {len(texts):,} {column} texts hold HTML markup, which is measured "
            "as words; load the corpus with framing.load_corpus, or clean each text with "
            "framing.text.tidy, first",
            UserWarning,
            stacklevel=5,
        )
    return texts


def not_english(docs: Docs) -> np.ndarray:
    """Which texts are not English prose (:data:`ENGLISH_SHARE`), from their tokens.

    Examples
    --------
    >>> from framing.text import Docs
    >>> english = "The minister said that the plan would be put to a vote in the spring. " * 4
    >>> german = "Der Minister sagte, dass der Plan im Frühjahr zur Abstimmung kommt. " * 5
    >>> not_english(Docs([english, german, "Kurz."])).tolist()
    [False, True, False]
    """
    import numpy as np
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    common = np.fromiter((t in ENGLISH_STOP_WORDS for t in docs.terms), bool, len(docs.terms))
    words = docs.n_tokens
    share = docs.counts @ common.astype(float) / np.maximum(words, 1)
    return (words >= ENGLISH_WORDS) & (share < ENGLISH_SHARE)


def _compute(
    names: list[str], headline: Sequence[Any], body: Sequence[Any]
) -> tuple[pd.DataFrame, int]:
    """The chosen families' measures of a batch, and how many of its bodies are not in
    English."""
    import pandas as pd

    ctx = Context(headline, body)
    parts = [family(name).compute(ctx) for name in names]
    foreign = int(not_english(ctx.docs("body")).sum())
    return pd.concat([p.reset_index(drop=True) for p in parts], axis=1), foreign


def extract_features(
    df: Any, features: str | Iterable[str] = "default", *, progress: bool = False
) -> pd.DataFrame:
    """Every measure of the chosen families, one row per article.

    Parameters
    ----------
    df : pandas.DataFrame, Series or list of str
        A corpus with ``headline`` and/or ``body`` columns (either may be missing or
        empty), or a sequence of body texts. (``framing.extract_features`` also takes a
        Dask DataFrame: see :func:`framing.features.dask.extract_dask`.)
    features : str or list of str, default "default"
        ``"default"``, ``"all"``, or family names (``"style"``, ...).
    progress : bool, default False
        Show a progress bar on stderr.

    Returns
    -------
    pandas.DataFrame
        Same index as ``df``; snake_case columns prefixed by family: floats, but for the
        label columns (:func:`labels`, such as ``frames_dominant``), which are categorical.

    Examples
    --------
    >>> import framing
    >>> feats = framing.extract_features(["No to war!", ""], features="style")
    >>> feats["style_words"].tolist()
    [3.0, 0.0]
    """
    import pandas as pd

    names = resolve(features)
    headline, body = text_columns(df)
    index = df.index if isinstance(df, (pd.DataFrame, pd.Series)) else pd.RangeIndex(len(body))
    starts = range(0, len(body), BATCH)
    if progress and len(starts) > 1:
        from tqdm.auto import tqdm

        starts = tqdm(starts, unit="chunk", desc="features", leave=False)
    computed = [_compute(names, headline[i : i + BATCH], body[i : i + BATCH]) for i in starts]
    chunks = [frame for frame, _ in computed]
    foreign = sum(n for _, n in computed)
    if foreign and foreign >= MARKUP_SHARE * len(body):
        import warnings

        warnings.warn(
            f"{foreign:,} of {len(body):,} bodies do not read as English prose (under "
            f"{ENGLISH_SHARE:.0%} of their words are common English words such as 'the': "
            "another language, or tables): the measures read English, and mean little there",
            UserWarning,
            stacklevel=3,
        )
    types = dtypes(names)
    out = pd.concat(chunks, ignore_index=True) if chunks else pd.DataFrame(columns=list(types))
    out = out[list(types)].astype(types)
    out.index = index
    return out
