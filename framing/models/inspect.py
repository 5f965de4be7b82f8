"""Inspecting a fitted framing classifier: the features that weigh most for each class.

Examples
--------
>>> import pandas as pd
>>> from framing.models import make_classifier
>>> X = pd.DataFrame({"headline": ["You Won't Believe This", "Senate passes bill"] * 2})
>>> clf = make_classifier(text="headline", features=None).fit(X, [1, 0, 1, 0])
>>> sorted(set(model_features(clf, top=2)["direction"]))
['against', 'for']
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.utils.validation import check_is_fitted

from framing.errors import InputError, check_positive
from framing.models.labels import model_classes


def _coefficients(estimator: Any) -> np.ndarray:
    """The coefficients of a linear model, averaged over the folds of a calibrated one."""
    if hasattr(estimator, "estimators_") and hasattr(estimator, "labels_"):  # OneVsRest
        return np.vstack([_coefficients(e) for e in estimator.estimators_])
    if hasattr(estimator, "estimator_"):  # a TunedClassifier
        return _coefficients(estimator.estimator_)
    if hasattr(estimator, "calibrated_classifiers_"):
        return np.mean([_coefficients(c.estimator) for c in estimator.calibrated_classifiers_], 0)
    if not hasattr(estimator, "coef_"):
        raise InputError(f"{type(estimator).__name__} has no coefficients to explain")
    coef = estimator.coef_
    return coef.toarray() if hasattr(coef, "toarray") else np.asarray(coef)


def model_features(model: Any, top: int = 20) -> pd.DataFrame:
    """The features that weigh most for and against each class of a fitted linear model.

    Parameters
    ----------
    model : fitted Pipeline
        From :func:`~framing.models.make_classifier` (or any pipeline whose last step is
        linear).
    top : int, default 20
        Features per class and direction.

    Returns
    -------
    pandas.DataFrame
        Columns ``class``, ``feature`` (from ``get_feature_names_out``, e.g.
        ``words__headline__putin`` or ``measures__style_words``), ``weight`` (the
        coefficient; measures are standardised, the block scaled to unit row length and
        weighted :data:`~framing.models.build.MEASURES_WEIGHT`, so theirs are per standard
        deviation times the square root of the number of measures, divided by that weight;
        another weight chosen by the inner cross-validation is folded into them, so they
        read the block as weighted :data:`~framing.models.build.MEASURES_WEIGHT` still)
        and ``direction`` (``"for"``: evidence for the class, ``"against"``). For two
        classes the weights of the first class are the negated weights of the second.

    Raises
    ------
    framing.errors.InputError
        The last step has no coefficients.

    Examples
    --------
    >>> from framing.models import make_classifier
    >>> X = pd.DataFrame({"headline": ["You Won't Believe This", "Senate passes bill",
    ...                                "You Will Cry", "Court rules on bill"]})
    >>> clf = make_classifier(text="headline", features=None).fit(X, [1, 0, 1, 0])
    >>> table = model_features(clf, top=1)
    >>> row = table.iloc[0]
    >>> row["class"], row["feature"], row["direction"], bool(row["weight"] > 0)
    (0, 'words__headline__bill', 'for', True)
    """
    check_positive(top, "top", integer=True)
    check_is_fitted(model)
    names = np.asarray(model[:-1].get_feature_names_out(), dtype=object)
    coef = _coefficients(model[-1])
    classes = model_classes(model)
    if coef.shape[0] == 1 and len(classes) == 2:
        coef = np.vstack([-coef[0], coef[0]])
    rows = []
    for c, weights in zip(classes, coef, strict=True):
        order = np.argsort(-weights, kind="stable")
        against = np.argsort(weights, kind="stable")
        for direction, idx in (("for", order[:top]), ("against", against[:top])):
            for i in idx:
                if (weights[i] > 0) == (direction == "for") and weights[i] != 0:
                    rows.append((c, names[i], float(weights[i]), direction))
    return pd.DataFrame(
        rows, columns=["class", "feature", "weight", "direction"], dtype=object
    ).astype({"weight": float})
