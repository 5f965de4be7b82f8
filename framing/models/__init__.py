"""Framing classifiers: build, cross-validate, evaluate, explain, save and load.

A model is an ordinary scikit-learn :class:`~sklearn.pipeline.Pipeline` over a corpus
DataFrame: the framing measures (:class:`framing.FramingFeatures`, standardised) side by
side with TF-IDF of each text column, into a linear classifier. Whatever feature families
are registered in :mod:`framing.features` flow in through ``features="default"``.

Label handling (the same in the library and the CLI):

- rows whose label is missing (NaN, None or empty) are dropped, with a warning giving the
  count; a label column with fewer than two classes, or a class with fewer than two rows,
  is an :class:`~framing.errors.InputError`;
- at evaluation time a label value the model never saw in training is kept: those rows
  count as errors (the model cannot predict that class), the value appears in
  ``per_class`` with recall 0 and in the confusion matrix, and it lowers ``macro_f1``;
  a warning names the values.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"headline": ["You Won't Believe What Happened Next", "Senate passes bill",
...                                 "17 Cats Who Are Very Sad", "Court rules on tariffs"] * 3,
...                    "clickbait": [1, 0, 1, 0] * 3})
>>> clf = make_classifier(text="headline")
>>> cross_validate_model(clf, df, label="clickbait", cv=3)["accuracy"]
1.0
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted

from framing.errors import InputError

#: classifier name -> what it is; see :func:`make_classifier`
MODELS = {
    "logreg": "logistic regression (lbfgs); probabilities; the default",
    "linearsvc": "linear SVM, wrapped in sigmoid calibration so it gives probabilities",
    "sgd": "logistic loss by stochastic gradient descent; fast on very large corpora",
}
FORMAT = "framing-model"
MIN_PER_CLASS = 2


class TextColumns(TransformerMixin, BaseEstimator):
    """Select the text columns a model reads, checking they exist; missing text becomes "".

    The first step of every :func:`make_classifier` pipeline, so a frame without the
    columns gets one line naming them, at fit and at predict time alike.

    Parameters
    ----------
    columns : sequence of str
        The text columns, e.g. ``("headline", "body")``.

    Examples
    --------
    >>> X = pd.DataFrame({"headline": ["Is Putin losing his grip?", None]})
    >>> TextColumns(["headline"]).fit_transform(X)["headline"].tolist()
    ['Is Putin losing his grip?', '']
    >>> TextColumns(["headline", "body"]).fit(X)
    Traceback (most recent call last):
    ...
    framing.errors.InputError: data lacks the text column 'body' the model reads (found: headline); map it with --map body=COLUMN or train with --text naming the columns you have
    """

    def __init__(self, columns: Sequence[str] = ("headline", "body")):
        self.columns = columns

    def _select(self, X: Any) -> pd.DataFrame:
        columns = list(self.columns)
        if isinstance(X, pd.Series) and len(columns) == 1:
            X = X.to_frame(columns[0])
        if not isinstance(X, pd.DataFrame):
            raise InputError(
                f"a framing model takes a DataFrame with text columns {', '.join(columns)}, "
                f"not {type(X).__name__}"
            )
        missing = [c for c in columns if c not in X.columns]
        if missing:
            plural = "s" if len(missing) > 1 else ""
            raise InputError(
                f"data lacks the text column{plural} {', '.join(map(repr, missing))} the model "
                f"reads (found: {', '.join(map(str, X.columns))}); map it with "
                f"--map {missing[0]}=COLUMN or train with --text naming the columns you have"
            )
        return pd.DataFrame(
            {c: [v if isinstance(v, str) else "" for v in X[c]] for c in columns}, index=X.index
        )

    def fit(self, X: Any, y: Any = None) -> TextColumns:
        """Check ``X`` has the columns."""
        self._select(X)
        self.feature_names_out_ = list(self.columns)
        return self

    def transform(self, X: Any) -> pd.DataFrame:
        """The text columns of ``X`` as strings, same index."""
        check_is_fitted(self, "feature_names_out_")
        return self._select(X)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)


def _measure_input(text: Sequence[str]) -> str | list[str]:
    """Columns :class:`FramingFeatures` measures: headline/body, else the first column as body."""
    canonical = [c for c in text if c in ("headline", "body")]
    return canonical if canonical else text[0]


def _estimator(model: str, C: float, class_weight: Any, calibrate: bool, random_state: int):
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression, SGDClassifier
    from sklearn.svm import LinearSVC

    if model == "logreg":
        est = LogisticRegression(C=C, class_weight=class_weight, max_iter=2000)
    elif model == "linearsvc":
        est = LinearSVC(C=C, class_weight=class_weight, random_state=random_state)
        calibrate = True
    elif model == "sgd":
        est = SGDClassifier(
            loss="log_loss",
            alpha=1.0 / (C * 10_000),
            class_weight=class_weight,
            random_state=random_state,
        )
    else:
        raise InputError(f"unknown model {model!r}; choose from {', '.join(MODELS)}")
    return CalibratedClassifierCV(est, method="sigmoid", cv=3) if calibrate else est


def make_classifier(
    *,
    text: Sequence[str] | str = ("headline", "body"),
    features: str | Iterable[str] | None = "default",
    word_ngrams: tuple[int, int] | None = (1, 2),
    char_ngrams: tuple[int, int] | None = None,
    min_df: int | float = 1,
    max_features: int | None = None,
    model: str = "logreg",
    C: float = 10.0,
    class_weight: str | dict | None = "balanced",
    calibrate: bool = False,
    random_state: int = 0,
) -> Pipeline:
    """A framing classifier: measures (scaled) beside TF-IDF of the text, into a linear model.

    Parameters
    ----------
    text : sequence of str or str, default ("headline", "body")
        Text columns of the input DataFrame. Each gets its own TF-IDF, so a word in a
        headline and the same word in a body are distinct features. The framing measures
        read the ``headline``/``body`` columns among them, or the first column as a body.
    features : str, list of str or None, default "default"
        Feature families of :func:`framing.extract_features`; ``None`` for text alone.
    word_ngrams : (int, int) or None, default (1, 2)
        Word n-gram range of the TF-IDF (sublinear tf, lowercased); ``None`` for none.
    char_ngrams : (int, int) or None, default None
        Character n-grams within word boundaries (``char_wb``), e.g. ``(2, 5)``: robust to
        spelling variants and useful on short texts; slower.
    min_df, max_features
        Passed to each :class:`~sklearn.feature_extraction.text.TfidfVectorizer`.
    model : {"logreg", "linearsvc", "sgd"}, default "logreg"
        The linear classifier (see :data:`MODELS`). ``"linearsvc"`` is always calibrated.
    C : float, default 10.0
        Inverse regularisation strength (for ``"sgd"``, ``alpha = 1 / (C * 10000)``).
    class_weight : "balanced", dict or None, default "balanced"
        Class weights; "balanced" favours macro-F1 on unbalanced labels.
    calibrate : bool, default False
        Wrap the classifier in sigmoid :class:`~sklearn.calibration.CalibratedClassifierCV`.
    random_state : int, default 0
        Seed for the randomised classifiers.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Steps ``text`` (:class:`TextColumns`), ``features`` (a ColumnTransformer with
        parts ``measures``, ``words_<column>``, ``chars_<column>``) and ``model``.

    Examples
    --------
    >>> X = pd.DataFrame({"headline": ["You Won't Believe What Happened Next",
    ...                                "Senate passes budget bill", "17 Cats Who Are Very Sad",
    ...                                "Court rules on tariffs"]})
    >>> clf = make_classifier(text="headline").fit(X, [1, 0, 1, 0])
    >>> clf.predict(pd.DataFrame({"headline": ["22 Dogs Who Will Make You Cry"]})).tolist()
    [1]
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import StandardScaler

    from framing.features.transformer import FramingFeatures

    text = [text] if isinstance(text, str) else list(text)
    if not text:
        raise InputError("make_classifier needs at least one text column")
    parts: list[tuple[str, Any, Any]] = []
    if features is not None:
        measures = Pipeline([("framing", FramingFeatures(features)), ("scale", StandardScaler())])
        parts.append(("measures", measures, _measure_input(text)))

    def tfidf(**kwargs):
        return TfidfVectorizer(
            sublinear_tf=True, min_df=min_df, max_features=max_features, dtype=np.float32, **kwargs
        )

    for column in text:
        if word_ngrams is not None:
            parts.append((f"words_{column}", tfidf(ngram_range=tuple(word_ngrams)), column))
        if char_ngrams is not None:
            chars = tfidf(analyzer="char_wb", ngram_range=tuple(char_ngrams))
            parts.append((f"chars_{column}", chars, column))
    if not parts:
        raise InputError("make_classifier needs features, word_ngrams or char_ngrams")
    return Pipeline(
        [
            ("text", TextColumns(tuple(text))),
            ("features", ColumnTransformer(parts)),
            ("model", _estimator(model, C, class_weight, calibrate, random_state)),
        ]
    )


# --- labels and metrics ------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A label as a plain Python value: numbers, and numeric text such as "1" or "1.0"
    read from a file, become int when integral, so labels match across files.

    Examples
    --------
    >>> [_plain(v) for v in (np.int64(1), 1.0, "1.0", " 2 ", "0.5", "left")]
    [1, 1, 1, 2, 0.5, 'left']
    """
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def labels_of(df: pd.DataFrame, label: str, *, where: str = "data") -> tuple[pd.DataFrame, list]:
    """Rows with a label and their labels; missing labels are dropped with a warning.

    Examples
    --------
    >>> df = pd.DataFrame({"headline": ["a", "b", "c"], "y": [1.0, None, 0.0]})
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     rows, y = labels_of(df, "y")
    >>> y, str(w[0].message)
    ([1, 0], "data: dropped 1 of 3 rows with no 'y' label")
    """
    if label not in df.columns:
        raise InputError(
            f"{where}: no label column {label!r}; columns: {', '.join(map(str, df.columns))}"
        )
    values = df[label]
    missing = values.isna() | values.astype(str).str.strip().eq("")
    if missing.any():
        warnings.warn(
            f"{where}: dropped {int(missing.sum())} of {len(df)} rows with no {label!r} label",
            stacklevel=2,
        )
        df = df[~missing]
    return df, [_plain(v) for v in df[label]]


def check_labels(y: Sequence[Any], label: str, *, folds: int = MIN_PER_CLASS) -> None:
    """Raise :class:`InputError` unless ``y`` has two classes, each with ``folds`` rows."""
    counts = pd.Series(y, dtype=object).value_counts()
    if len(counts) < 2:
        found = f"only {counts.index[0]!r}" if len(counts) else "no labelled rows"
        raise InputError(
            f"label column {label!r} has {found}; a classifier needs at least two classes"
        )
    small = counts[counts < max(folds, MIN_PER_CLASS)]
    if len(small):
        need = max(folds, MIN_PER_CLASS)
        what = ", ".join(f"{k!r} ({v})" for k, v in small.items())
        raise InputError(
            f"label column {label!r}: class {what} has fewer than {need} rows; "
            f"{'use fewer folds or ' if folds > MIN_PER_CLASS else ''}add examples or drop the class"
        )


def _classes(model: Any) -> list:
    return [_plain(c) for c in model.classes_]


def metrics(y_true: Sequence[Any], y_pred: Sequence[Any], labels: Sequence[Any] = ()) -> dict:
    """Accuracy, macro-F1, per-class precision/recall/F1/support and the confusion matrix.

    Parameters
    ----------
    y_true, y_pred : sequence
        True and predicted labels.
    labels : sequence, optional
        Classes to report besides those in ``y_true`` and ``y_pred`` (e.g. the model's).

    Examples
    --------
    >>> m = metrics(["a", "a", "b", "c"], ["a", "b", "b", "a"])
    >>> m["accuracy"], round(m["macro_f1"], 4), m["per_class"]["b"]["precision"]
    (0.5, 0.3889, 0.5)
    >>> m["confusion"]["matrix"]
    [[1, 1, 0], [0, 1, 0], [1, 0, 0]]
    """
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    y_true = [_plain(v) for v in y_true]
    y_pred = [_plain(v) for v in y_pred]
    classes = sorted(set(labels) | set(y_true) | set(y_pred), key=lambda v: (str(type(v)), v))
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=classes, zero_division=0.0)
    n = len(y_true)
    return {
        "n": n,
        "accuracy": float(np.mean(np.asarray(y_true, dtype=object) == y_pred)) if n else 0.0,
        "macro_f1": float(np.mean(f)) if len(f) else 0.0,
        "per_class": {
            str(c): {
                "precision": float(p[i]),
                "recall": float(r[i]),
                "f1": float(f[i]),
                "support": int(s[i]),
            }
            for i, c in enumerate(classes)
        },
        "confusion": {
            "labels": [str(c) for c in classes],
            "matrix": confusion_matrix(y_true, y_pred, labels=classes).tolist(),
        },
    }


def evaluate(model: Any, df: pd.DataFrame, label: str | None = None) -> dict:
    """Metrics of a fitted model on labelled data (see :func:`metrics`).

    Parameters
    ----------
    model : fitted Pipeline
        From :func:`make_classifier` or :func:`load_model`.
    df : pandas.DataFrame
        Data with the model's text columns and the label column.
    label : str, optional
        Label column; default the one recorded when the model was saved.

    Examples
    --------
    >>> train = pd.DataFrame({"headline": ["You Won't Believe This", "Senate passes bill"] * 2,
    ...                       "y": ["bait", "news"] * 2})
    >>> clf = make_classifier(text="headline", features=None).fit(train, train["y"])
    >>> test = pd.DataFrame({"headline": ["You Will Cry", "Senate bill passes", "Eat me"],
    ...                      "y": ["bait", "news", "spam"]})
    >>> with warnings.catch_warnings(record=True):
    ...     m = evaluate(clf, test, "y")
    >>> m["n"], m["accuracy"], m["per_class"]["spam"]
    (3, 0.6666666666666666, {'precision': 0.0, 'recall': 0.0, 'f1': 0.0, 'support': 1})
    """
    check_is_fitted(model)
    label = label or getattr(model, "framing_metadata_", {}).get("label")
    if not label:
        raise InputError("evaluate needs the label column (the model does not record one)")
    df, y = labels_of(df, label)
    if not y:
        raise InputError(f"no rows with a {label!r} label to evaluate on")
    seen = set(_classes(model))
    unseen = pd.Series([v for v in y if v not in seen], dtype=object).value_counts()
    if len(unseen):
        what = ", ".join(f"{k!r} ({v} rows)" for k, v in unseen.items())
        warnings.warn(
            f"label values never seen in training: {what}; counted as errors", stacklevel=2
        )
    return metrics(y, model.predict(df), labels=_classes(model))


def predict(model: Any, df: pd.DataFrame) -> pd.DataFrame:
    """Predicted label and the probability of each class, indexed like ``df``.

    Returns
    -------
    pandas.DataFrame
        ``predicted`` and one ``p_<class>`` column per class (when the model gives
        probabilities), same index as ``df``.

    Examples
    --------
    >>> X = pd.DataFrame({"headline": ["You Won't Believe This", "Senate passes bill"] * 2})
    >>> clf = make_classifier(text="headline").fit(X, ["bait", "news"] * 2)
    >>> out = predict(clf, X.head(2))
    >>> out.columns.tolist(), out["predicted"].tolist(), bool(out.iloc[0, 1] > 0.5)
    (['predicted', 'p_bait', 'p_news'], ['bait', 'news'], True)
    """
    check_is_fitted(model)
    out = pd.DataFrame({"predicted": [_plain(v) for v in model.predict(df)]}, index=df.index)
    if hasattr(model, "predict_proba"):
        proba = model.predict_proba(df)
        for i, c in enumerate(_classes(model)):
            out[f"p_{c}"] = proba[:, i]
    return out


def group_weights(y: Sequence[Any], groups: Sequence[Any]) -> np.ndarray:
    """Sample weights that give every group of a class, and every class, the same weight.

    With labels that come from the group (an outlet's leaning), a few large outlets
    otherwise dominate the fit, and a model learns to recognise them rather than the label.
    Each row weighs ``1 / rows of its group``, rescaled so that every class sums to
    ``len(y) / classes``. Use them in place of ``class_weight="balanced"`` (which would
    balance the classes a second time), e.g.
    ``make_classifier(class_weight=None).fit(df, y, model__sample_weight=w)``.

    Parameters
    ----------
    y : sequence
        Labels.
    groups : sequence
        Group of each row, e.g. the outlet or the web domain.

    Returns
    -------
    numpy.ndarray
        One weight per row; they average 1.

    Examples
    --------
    Outlet ``a`` has three left articles, ``b`` one; ``c`` two right ones:

    >>> w = group_weights(["left"] * 4 + ["right"] * 2, ["a", "a", "a", "b", "c", "c"])
    >>> w.round(6).tolist()
    [0.5, 0.5, 0.5, 1.5, 1.5, 1.5]
    """
    y = pd.Series([_plain(v) for v in y], dtype=object)
    groups = pd.Series(list(groups), dtype=object)
    if len(y) != len(groups):
        raise InputError(f"group_weights: {len(y)} labels but {len(groups)} groups")
    if groups.isna().any():
        raise InputError("group_weights: some rows have no group; fill or drop them first")
    w = 1.0 / groups.map(groups.value_counts()).to_numpy(dtype=float)
    per_class = pd.Series(w).groupby(y.to_numpy()).sum()
    return w * (len(y) / len(per_class)) / y.map(per_class).to_numpy(dtype=float)


def fit_weighted(model: Any, X: Any, y: Sequence[Any], weights: Any = None) -> Any:
    """Fit ``model`` with per-row weights (``None``: unweighted), reaching a Pipeline's last step.

    Parameters
    ----------
    model : estimator or Pipeline
        Its final estimator must take ``sample_weight`` (all of :data:`MODELS` do).
    X, y
        Training data and labels.
    weights : array-like, optional
        One weight per row, e.g. from :func:`group_weights`.

    Returns
    -------
    The fitted ``model``.

    Examples
    --------
    >>> X = pd.DataFrame({"headline": ["You Won't Believe This", "Senate passes bill"] * 2})
    >>> clf = fit_weighted(make_classifier(text="headline", class_weight=None), X,
    ...                    [1, 0, 1, 0], group_weights([1, 0, 1, 0], ["a", "b", "a", "c"]))
    >>> clf.predict(X).tolist()
    [1, 0, 1, 0]
    """
    if weights is None:
        return model.fit(X, y)
    step = f"{model.steps[-1][0]}__" if isinstance(model, Pipeline) else ""
    return model.fit(X, y, **{f"{step}sample_weight": np.asarray(weights, dtype=float)})


def _folds(df: pd.DataFrame, y: list, cv: int, group: str | None):
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    if cv < 2:
        raise InputError(f"cross-validation needs at least 2 folds, got {cv}")
    if group is None:
        return StratifiedKFold(cv, shuffle=True, random_state=0).split(df, y)
    if group not in df.columns:
        raise InputError(f"no group column {group!r}; columns: {', '.join(map(str, df.columns))}")
    groups = df[group].astype(str).to_numpy()
    n_groups = len(set(groups))
    if n_groups < cv:
        raise InputError(
            f"{cv} folds grouped by {group!r} need at least {cv} groups; found {n_groups}"
        )
    return GroupKFold(cv).split(df, y, groups)


def cross_validate_model(
    model: Any,
    df: pd.DataFrame,
    *,
    label: str,
    cv: int = 5,
    group: str | None = None,
    balance_groups: bool = False,
    progress: Any = None,
) -> dict:
    """Out-of-fold metrics: stratified K-fold, or grouped K-fold keeping each group on one side.

    Every row is predicted once by a model fitted on the other folds; the metrics (see
    :func:`metrics`) are computed over all out-of-fold predictions, and ``cv`` adds the
    number of folds, the grouping and the macro-F1 of each fold.

    Parameters
    ----------
    model : estimator
        Cloned for each fold (left unfitted).
    df : pandas.DataFrame
        Data with the text columns, ``label`` and, if given, ``group``.
    label : str
        Label column; rows without a label are dropped (with a warning).
    cv : int, default 5
        Number of folds.
    group : str, optional
        Column such as ``outlet``: GroupKFold, so no group is on both sides of a split.
    balance_groups : bool, default False
        Fit each fold with :func:`group_weights` over ``group`` (computed on that fold's
        training rows), so no large group dominates; build the model with
        ``class_weight=None``, since these weights balance the classes already.
    progress : callable, optional
        Called with one line of progress per fold.

    Examples
    --------
    >>> df = pd.DataFrame({"headline": ["You Won't Believe This", "Senate passes bill"] * 4,
    ...                    "y": [1, 0] * 4, "site": ["a", "a", "b", "b", "c", "c", "d", "d"]})
    >>> m = cross_validate_model(make_classifier(text="headline"), df, label="y", group="site", cv=2)
    >>> m["n"], m["cv"]["folds"], m["cv"]["group"], len(m["cv"]["fold_macro_f1"])
    (8, 2, 'site', 2)
    """
    df, y = labels_of(df, label)
    check_labels(y, label, folds=cv if group is None else MIN_PER_CLASS)
    if balance_groups and group is None:
        raise InputError("balancing groups needs the group column (--group COLUMN)")
    y_arr = np.asarray(y, dtype=object)
    predicted = np.empty(len(y_arr), dtype=object)
    per_fold = []
    for k, (train, test) in enumerate(_folds(df, y, cv, group), start=1):
        if len(set(y_arr[train])) < 2:
            raise InputError(
                f"fold {k}: its training part has one class only; use fewer folds or another group"
            )
        part, y_part = df.iloc[train], list(y_arr[train])
        weights = group_weights(y_part, part[group]) if balance_groups else None
        fitted = fit_weighted(clone(model), part, y_part, weights)
        predicted[test] = fitted.predict(df.iloc[test])
        fold = metrics(y_arr[test], predicted[test])
        per_fold.append(fold["macro_f1"])
        if progress:
            progress(f"fold {k}/{cv}: {len(test):,} rows, macro-F1 {fold['macro_f1']:.3f}")
    out = metrics(y_arr, predicted)
    out["cv"] = {
        "folds": cv,
        "group": group,
        "balance_groups": balance_groups,
        "fold_macro_f1": per_fold,
    }
    return out


# --- explaining -------------------------------------------------------------------------


def _coefficients(estimator: Any) -> np.ndarray:
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
        From :func:`make_classifier` (or any pipeline whose last step is linear).
    top : int, default 20
        Features per class and direction.

    Returns
    -------
    pandas.DataFrame
        Columns ``class``, ``feature`` (from ``get_feature_names_out``, e.g.
        ``words_headline__putin`` or ``measures__style_words``), ``weight`` (the
        coefficient; measures are standardised, so theirs are per standard deviation)
        and ``direction`` (``"for"``: evidence for the class, ``"against"``). For two
        classes the weights of the first class are the negated weights of the second.

    Examples
    --------
    >>> X = pd.DataFrame({"headline": ["You Won't Believe This", "Senate passes bill",
    ...                                "You Will Cry", "Court rules on bill"]})
    >>> clf = make_classifier(text="headline", features=None).fit(X, [1, 0, 1, 0])
    >>> table = model_features(clf, top=1)
    >>> row = table.iloc[0]
    >>> row["class"], row["feature"], row["direction"], bool(row["weight"] > 0)
    (0, 'words_headline__bill', 'for', True)
    """
    check_is_fitted(model)
    names = np.asarray(model[:-1].get_feature_names_out(), dtype=object)
    coef = _coefficients(model[-1])
    classes = _classes(model)
    if coef.shape[0] == 1:
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


# --- persistence ------------------------------------------------------------------------


def save_model(model: Any, path: str | Path, metadata: dict | None = None) -> Path:
    """Save a fitted model and its metadata with skops, atomically.

    The metadata records the framing version; pass the text columns, the label column
    and the training metrics (the CLI does). It must be JSON-like (dicts, lists, str,
    numbers) and is returned by :func:`load_model` as ``model.framing_metadata_``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> X = pd.DataFrame({"headline": ["You Won't Believe This", "Senate passes bill"] * 2})
    >>> clf = make_classifier(text="headline").fit(X, [1, 0, 1, 0])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "m.skops"
    >>> _ = save_model(clf, path, {"label": "clickbait"})
    >>> loaded = load_model(path)
    >>> loaded.predict(X).tolist(), loaded.framing_metadata_["label"]
    ([1, 0, 1, 0], 'clickbait')
    """
    import skops.io as sio

    from framing import __version__
    from framing.io.atomic import atomic_path

    check_is_fitted(model)
    meta = {"framing_version": __version__, **(metadata or {})}
    try:
        meta = json.loads(json.dumps(meta, allow_nan=False, default=_plain))
    except (TypeError, ValueError) as err:
        raise InputError(f"model metadata must be JSON-like: {err}") from None
    path = Path(path)
    with atomic_path(path) as tmp:
        sio.dump({"format": FORMAT, "metadata": meta, "model": model}, tmp)
    return path


def load_model(path: str | Path) -> Any:
    """Load a model saved by :func:`save_model`, refusing any type outside the trusted list.

    The file is never unpickled, and before anything in it is imported every type it names
    is checked against the exact types the toolkit's own pipelines contain
    (:data:`framing.io.trust.TRUSTED`); a file naming any other is refused with the list.

    Returns
    -------
    sklearn.pipeline.Pipeline
        With the saved metadata in ``framing_metadata_`` (framing version, text columns,
        label column, training metrics ...).

    Raises
    ------
    InputError
        The file is missing, is not a skops file, is not a framing model, or names
        untrusted types.
    """
    from framing.io import trust

    saved = trust.load(path)
    if not (isinstance(saved, dict) and saved.get("format") == FORMAT and "model" in saved):
        raise InputError(f"{path}: a skops file, but not a framing model (save with save_model)")
    model = saved["model"]
    model.framing_metadata_ = saved.get("metadata", {})
    return model
