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

# imported eagerly (it needs only the standard library) so that ``framing.explain`` names the
# function, not the module framing/explain.py that a later import would bind in its place
from framing.explain import explain
from framing.spans import Span

__version__ = "0.1.0"

# public name -> module that defines it; a name appears here only once its module exists
_LAZY = {
    "load_corpus": "framing.corpus",
    "load_sample": "framing.corpus",
    "load_example": "framing.corpus",
    "extract_features": "framing.features",
    "iter_corpus": "framing.stream",
    "FramingFeatures": "framing.transformer",
    "find_clutter": "framing.clutter",
    "find_clutter_all": "framing.clutter",
    "clean": "framing.clutter",
    "clean_corpus": "framing.clutter",
    "clean_html": "framing.clutter",
    "ClutterDetector": "framing.clutter",
    "loaded_spans": "framing.loaded",
    "compare_outlets": "framing.compare",
    "outlet_classifier": "framing.compare",
    "distinguishing_terms": "framing.terms",
    "build_report": "framing.report",
    "make_classifier": "framing.models",
    "cross_validate_model": "framing.models",
    "evaluate": "framing.models",
    "predict": "framing.models",
    "model_features": "framing.models",
    "group_weights": "framing.models",
    "save_model": "framing.models",
    "load_model": "framing.models",
    "headline_spans": "framing.features.headline",
}

__all__ = ["CorpusError", "FramingError", "InputError", "Span", "__version__", "explain", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
