""":class:`FramingFeatures`: the framing measures as a scikit-learn transformer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing.features import describe, extract_features, resolve, text_columns


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
        The output columns.

    Examples
    --------
    >>> import pandas as pd
    >>> X = pd.DataFrame({"headline": ["Is Putin losing his grip?"], "body": ["No to war!"]})
    >>> ff = FramingFeatures(features="style").set_output(transform="pandas")
    >>> ff.fit_transform(X)["style_words"].tolist()
    [3.0]
    """

    def __init__(self, features: str | Iterable[str] = "default"):
        self.features = features

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        return tags

    def fit(self, X: Any, y: Any = None) -> FramingFeatures:
        """Check that ``X`` has text to measure and record the output columns."""
        text_columns(X)
        self.families_ = resolve(self.features)
        self.feature_names_out_ = list(describe(self.families_))
        self.n_features_in_ = X.shape[1] if getattr(X, "ndim", 1) == 2 else 1
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Measures for each row of ``X`` (a DataFrame under ``set_output("pandas")``)."""
        check_is_fitted(self, "feature_names_out_")
        return extract_features(X, self.families_).to_numpy()

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)
