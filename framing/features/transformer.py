""":class:`FramingFeatures`: the framing measures as a scikit-learn transformer.

Examples
--------
>>> import pandas as pd
>>> X = pd.DataFrame({"headline": ["Is Putin losing his grip?"], "body": ["No to war!"]})
>>> FramingFeatures(features="style").fit(X).feature_names_in_.tolist()
['headline', 'body']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils import Tags
from sklearn.utils.validation import check_is_fitted

from framing.errors import InputError, MissingColumnError
from framing.features import extract_features, numeric, resolve, text_columns

#: the columns the measures read
TEXT = ("headline", "body")


@dataclass(frozen=True)
class _Measured:
    """Measures of a corpus, found by each row's (headline, body)."""

    families: frozenset[str]
    rows: dict[tuple[Any, Any], int]
    table: pd.DataFrame

    def lookup(self, X: Any, families: list[str]) -> pd.DataFrame | None:
        """The measures of the rows of ``X``, or ``None`` unless all are here."""
        if not set(families) <= self.families:
            return None
        positions = [self.rows.get(key) for key in zip(*text_columns(X), strict=True)]
        if None in positions:
            return None
        return self.table.iloc[positions]


_MEASURED: ContextVar[_Measured | None] = ContextVar("framing_measured", default=None)


@contextmanager
def measured_once(X: Any, features: str | Iterable[str] = "default") -> Iterator[None]:
    """Measure ``X`` once; inside the block, :class:`FramingFeatures` reuses those measures.

    Cross-validation fits a pipeline on one part of a corpus and predicts another, again
    and again; the measures of an article do not depend on the part it is in, so they are
    computed once here and each transform looks its rows up by their text (rows it does
    not find are measured as usual). Nothing is kept after the block.

    Parameters
    ----------
    X : pandas.DataFrame, Series or list of str
        The corpus, as :class:`FramingFeatures` will see it.
    features : str or list of str, default "default"
        The families to measure.

    Examples
    --------
    >>> X = pd.DataFrame({"headline": ["Is Putin losing his grip?", "Markets rally"],
    ...                   "body": ["No to war!", "Stocks rose."]})
    >>> ff = FramingFeatures(features="style").fit(X)
    >>> with measured_once(X, "style"):
    ...     inside = ff.transform(X.iloc[[1]])
    >>> bool((inside == ff.transform(X.iloc[[1]])).all())
    True
    """
    families = resolve(features)
    active = _MEASURED.get()
    if active is not None and active.lookup(X, families) is not None:
        yield
        return
    table = extract_features(X, families)
    rows = {key: i for i, key in enumerate(zip(*text_columns(X), strict=True))}
    token = _MEASURED.set(_Measured(frozenset(families), rows, table))
    try:
        yield
    finally:
        _MEASURED.reset(token)


def _texts(X: Any) -> Any:
    """Check ``X`` is a frame or a one-dimensional sequence of texts; return it."""
    if isinstance(X, pd.DataFrame | pd.Series | list | tuple):
        return X
    if isinstance(X, np.ndarray) and X.ndim == 1:
        return X
    if sparse.issparse(X):
        raise InputError("FramingFeatures measures text, not a sparse matrix of numbers")
    shape = "x".join(map(str, getattr(X, "shape", ()))) or "?"
    raise InputError(
        "FramingFeatures measures text: pass a DataFrame with a 'headline' and/or 'body' "
        f"column, or a list of texts; got {type(X).__name__} of shape {shape}"
    )


class FramingFeatures(TransformerMixin, BaseEstimator):
    """The framing measures as a scikit-learn transformer, usable inside a Pipeline.

    Parameters
    ----------
    features : str or list of str, default "default"
        Which feature families to compute (see :func:`framing.extract_features`).

    Attributes
    ----------
    families_ : list of str
        The families resolved at fit time.
    feature_names_out_ : list of str
        The output columns: the families' numeric measures (label columns such as
        ``frames_dominant`` are left out; their scores are in).
    n_features_in_ : int
        Number of columns seen at fit (1 for a Series or a list of texts).
    feature_names_in_ : numpy.ndarray of str
        Column names seen at fit, when ``X`` was a DataFrame with string column names. The
        ``headline``/``body`` columns among them must be present at transform time; other
        columns are not read and may differ.

    Raises
    ------
    framing.errors.MissingColumnError
        At transform, when the frame lacks a ``headline`` or ``body`` column seen at fit.
    framing.errors.InputError
        When ``X`` has no text to measure (no ``headline``/``body`` column, a string, a
        two-dimensional array).

    Examples
    --------
    >>> import pandas as pd
    >>> X = pd.DataFrame({"headline": ["Is Putin losing his grip?"], "body": ["No to war!"]})
    >>> ff = FramingFeatures(features="style").set_output(transform="pandas")
    >>> ff.fit_transform(X)["style_words"].tolist()
    [3.0]
    >>> ff.transform(X[["body"]])
    Traceback (most recent call last):
    ...
    framing.errors.MissingColumnError: FramingFeatures was fitted on the column 'headline'; the data lacks it (found: body)
    """

    def __init__(self, *, features: str | Iterable[str] = "default") -> None:
        self.features = features

    def __sklearn_tags__(self) -> Tags:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.transformer_tags.preserves_dtype = []
        return tags

    def fit(self, X: Any, y: Any = None) -> FramingFeatures:
        """Check that ``X`` has text to measure and record its columns and the output columns.

        Parameters
        ----------
        X : pandas.DataFrame, Series or list of str
            A frame with ``headline`` and/or ``body`` columns, or texts (read as bodies).
        y : ignored

        Returns
        -------
        FramingFeatures
            This transformer, fitted.
        """
        text_columns(_texts(X))
        self.families_ = resolve(self.features)
        self.feature_names_out_ = numeric(self.families_)
        self.n_features_in_ = X.shape[1] if isinstance(X, pd.DataFrame) else 1
        names = np.asarray(X.columns, dtype=object) if isinstance(X, pd.DataFrame) else None
        if names is not None and all(isinstance(name, str) for name in names):
            self.feature_names_in_ = names
        elif hasattr(self, "feature_names_in_"):
            del self.feature_names_in_
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Measures for each row of ``X`` (a DataFrame under ``set_output("pandas")``).

        Parameters
        ----------
        X : pandas.DataFrame, Series or list of str
            As at fit: a frame needs the ``headline``/``body`` columns it had then. The
            measures are those seen at fit, in the same order, even when a family has
            gained measures since.

        Returns
        -------
        numpy.ndarray of shape (n_rows, len(feature_names_out_))
        """
        check_is_fitted(self, "feature_names_out_")
        X = _texts(X)
        seen = [c for c in getattr(self, "feature_names_in_", ()) if c in TEXT]
        if seen:
            if not isinstance(X, pd.DataFrame):
                raise InputError(
                    f"FramingFeatures was fitted on a DataFrame with columns "
                    f"{', '.join(seen)}; pass one, not {type(X).__name__}"
                )
            missing = [c for c in seen if c not in X.columns]
            if missing:
                found = list(map(str, X.columns))
                raise MissingColumnError(
                    f"FramingFeatures was fitted on the column{'s' if len(missing) > 1 else ''} "
                    f"{', '.join(map(repr, missing))}; the data lacks "
                    f"{'them' if len(missing) > 1 else 'it'} (found: {', '.join(found)})",
                    missing=missing,
                    found=found,
                )
        active = _MEASURED.get()
        measured = None if active is None else active.lookup(X, self.families_)
        if measured is None:
            measured = extract_features(X, self.families_)
        missing = [c for c in self.feature_names_out_ if c not in measured.columns]
        if missing:
            raise InputError(
                f"FramingFeatures was fitted on measures this version of framing does not "
                f"compute ({', '.join(missing)}); retrain the model"
            )
        # the measures seen at fit, in their order: a family that gained a measure since
        # keeps feeding a saved model the columns it was trained on
        return measured[self.feature_names_out_].to_numpy()

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The measure names, as an object array.

        Parameters
        ----------
        input_features : ignored
            Present for the scikit-learn API.

        Returns
        -------
        numpy.ndarray of str
        """
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)
