"""framing: measure loaded language, headline framing and promotional clutter in news.

The public names are imported lazily, so ``import framing`` stays light: pandas,
scikit-learn and matplotlib load only when a function that needs them is called.

Examples
--------
>>> import framing
>>> framing.__version__
'0.1.0'
"""

from __future__ import annotations

import importlib
from typing import Any

from framing.errors import CorpusError, FramingError, InputError
from framing.spans import Span

__version__ = "0.1.0"

# public name -> module that defines it; a name appears here only once its module exists
_LAZY = {
    "load_corpus": "framing.corpus.load",
    "load_sample": "framing.corpus.load",
    "load_example": "framing.corpus.load",
    "explain": "framing.report.evidence",
    "iter_corpus": "framing.corpus.stream",
    "FramingFeatures": "framing.features.transformer",
    "find_clutter": "framing.measures.clutter",
    "find_clutter_all": "framing.measures.clutter",
    "clean": "framing.measures.clutter",
    "clean_corpus": "framing.measures.clutter",
    "clean_html": "framing.measures.clutter",
    "ClutterDetector": "framing.measures.clutter",
    "loaded_spans": "framing.measures.loaded",
    "compare_outlets": "framing.stats.compare",
    "compare_trends": "framing.stats.trends",
    "outlet_classifier": "framing.stats.classifier",
    "distinguishing_terms": "framing.stats.terms",
    "stories": "framing.stats.stories",
    "build_report": "framing.report.build",
    "make_classifier": "framing.models",
    "cross_validate_model": "framing.models",
    "evaluate": "framing.models",
    "predict": "framing.models",
    "model_features": "framing.models",
    "group_weights": "framing.models",
    "save_model": "framing.models",
    "load_model": "framing.models",
    "headline_spans": "framing.measures.headline",
}

__all__ = [
    "CorpusError",
    "FramingError",
    "InputError",
    "Span",
    "__version__",
    "extract_features",
    *_LAZY,
]


def extract_features(df: Any, features: Any = "default", *, progress: bool = False) -> Any:
    """Every measure of the chosen families, one row per article, pandas or Dask.

    A Dask DataFrame gives a lazy Dask DataFrame of the same partitions
    (:func:`framing.features.dask.extract_dask`); anything else goes to
    :func:`framing.features.extract_features`, which documents the parameters.

    Examples
    --------
    >>> extract_features(["No to war!", ""], features="style")["style_words"].tolist()
    [3.0, 0.0]
    """
    from framing.io.parallel import is_dask

    if is_dask(df):
        from framing.features.dask import extract_dask

        return extract_dask(df, features)
    from framing.features import extract_features as extract

    return extract(df, features, progress=progress)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
