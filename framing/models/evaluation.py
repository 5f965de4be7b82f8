"""Evaluating framing classifiers: labels, metrics, cross-validation, prediction, weights.

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
>>> from framing.models import make_classifier
>>> df = pd.DataFrame({"headline": ["You Won't Believe What Happened Next", "Senate passes bill",
...                                 "17 Cats Who Are Very Sad", "Court rules on tariffs"] * 3,
...                    "clickbait": [1, 0, 1, 0] * 3})
>>> clf = make_classifier(text="headline")
>>> cross_validate_model(clf, df, label="clickbait", cv=3)["accuracy"]
1.0
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted

from framing.errors import InputError, MissingColumnError, ParameterError

MIN_PER_CLASS = 2


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


def _no_column(df: pd.DataFrame, column: str, what: str, where: str = "data") -> None:
    """Raise :class:`~framing.errors.MissingColumnError` unless ``df`` has ``column``."""
    if column not in df.columns:
        found = list(map(str, df.columns))
        raise MissingColumnError(
            f"{where}: no {what} column {column!r}; columns: {', '.join(found)}",
            missing=[column],
            found=found,
        )


def labels_of(df: pd.DataFrame, label: str, *, where: str = "data") -> tuple[pd.DataFrame, list]:
    """Rows with a label and their labels; missing labels are dropped with a warning.

    Parameters
    ----------
    df : pandas.DataFrame
        Data with the label column.
    label : str
        The label column.
    where : str, default "data"
        What ``df`` is (e.g. its file name), to begin warnings and errors with.

    Returns
    -------
    rows : pandas.DataFrame
        The rows of ``df`` that have a label.
    labels : list
        Their labels, as plain Python values (``1.0`` and ``"1"`` become ``1``).

    Raises
    ------
    framing.errors.MissingColumnError
        ``df`` has no column ``label``.

    Examples
    --------
    >>> df = pd.DataFrame({"headline": ["a", "b", "c"], "y": [1.0, None, 0.0]})
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     rows, y = labels_of(df, "y")
    >>> y, str(w[0].message)
    ([1, 0], "data: dropped 1 of 3 rows with no 'y' label")
    """
    _no_column(df, label, "label", where)
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
    """Raise :class:`~framing.errors.InputError` unless ``y`` has two classes of ``folds`` rows.

    Parameters
    ----------
    y : sequence
        Labels.
    label : str
        Name of the label column, for the message.
    folds : int, default 2
        Rows each class needs (at least 2): the number of cross-validation folds.

    Examples
    --------
    >>> check_labels([1, 0, 1, 0], "y")
    >>> check_labels([1, 0, 1], "y")
    Traceback (most recent call last):
    ...
    framing.errors.InputError: label column 'y': class 0 (1) has fewer than 2 rows; add examples or drop the class
    """
    counts = pd.Series(y, dtype=object).value_counts()
    if len(counts) < 2:
        found = f"only {counts.index[0]!r}" if len(counts) else "no labelled rows"
        raise InputError(
            f"label column {label!r} has {found}; a classifier needs at least two classes"
        )
    need = max(folds, MIN_PER_CLASS)
    small = counts[counts < need]
    if len(small):
        what = ", ".join(f"{k!r} ({v})" for k, v in small.items())
        raise InputError(
            f"label column {label!r}: class {what} has fewer than {need} rows; "
            f"{'use fewer folds or ' if folds > MIN_PER_CLASS else ''}add examples or drop the class"
        )


def _classes(model: Any) -> list:
    return [_plain(c) for c in model.classes_]


def metrics(y_true: Iterable[Any], y_pred: Iterable[Any], labels: Iterable[Any] = ()) -> dict:
    """Accuracy, macro-F1, per-class precision/recall/F1/support and the confusion matrix.

    Parameters
    ----------
    y_true, y_pred : iterable
        True and predicted labels.
    labels : iterable, optional
        Classes to report besides those in ``y_true`` and ``y_pred`` (e.g. the model's).

    Returns
    -------
    dict
        ``n``, ``accuracy``, ``macro_f1``, ``per_class`` (class as text -> ``precision``,
        ``recall``, ``f1``, ``support``) and ``confusion`` (``labels`` and ``matrix``,
        rows true, columns predicted); JSON-ready.

    Examples
    --------
    >>> m = metrics(["a", "a", "b", "c"], ["a", "b", "b", "a"])
    >>> m["accuracy"], round(m["macro_f1"], 4), m["per_class"]["b"]["precision"]
    (0.5, 0.3889, 0.5)
    >>> m["confusion"]["matrix"]
    [[1, 1, 0], [0, 1, 0], [1, 0, 0]]
    """
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    true = [_plain(v) for v in y_true]
    pred = [_plain(v) for v in y_pred]
    classes = sorted(set(labels) | set(true) | set(pred), key=lambda v: (str(type(v)), v))
    p, r, f, s = precision_recall_fscore_support(true, pred, labels=classes, zero_division=0.0)
    n = len(true)
    return {
        "n": n,
        "accuracy": float(np.mean(np.asarray(true, dtype=object) == pred)) if n else 0.0,
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
            "matrix": confusion_matrix(true, pred, labels=classes).tolist(),
        },
    }


def evaluate(model: Any, df: pd.DataFrame, label: str | None = None) -> dict:
    """Metrics of a fitted model on labelled data (see :func:`metrics`).

    Parameters
    ----------
    model : fitted Pipeline
        From :func:`~framing.models.make_classifier` or :func:`~framing.models.load_model`.
    df : pandas.DataFrame
        Data with the model's text columns and the label column.
    label : str, optional
        Label column; default the one recorded when the model was saved.

    Returns
    -------
    dict
        As :func:`metrics`, over the rows of ``df`` that have a label.

    Raises
    ------
    framing.errors.ParameterError
        No ``label`` given and the model records none.
    framing.errors.MissingColumnError
        ``df`` lacks the label column or a text column the model reads.

    Examples
    --------
    >>> from framing.models import make_classifier
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
        raise ParameterError(
            "evaluate needs the label column (the model does not record one)", parameter="label"
        )
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

    Parameters
    ----------
    model : fitted Pipeline
        From :func:`~framing.models.make_classifier` or :func:`~framing.models.load_model`.
    df : pandas.DataFrame
        Data with the model's text columns.

    Returns
    -------
    pandas.DataFrame
        ``predicted`` and one ``p_<class>`` column per class (when the model gives
        probabilities), same index as ``df``.

    Examples
    --------
    >>> from framing.models import make_classifier
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


def group_weights(y: Iterable[Any], groups: Iterable[Any]) -> np.ndarray:
    """Sample weights that give every group of a class, and every class, the same weight.

    With labels that come from the group (an outlet's leaning), a few large outlets
    otherwise dominate the fit, and a model learns to recognise them rather than the label.
    Each row weighs ``1 / rows of its group``, rescaled so that every class sums to
    ``len(y) / classes``. Use them in place of ``class_weight="balanced"`` (which would
    balance the classes a second time), e.g.
    ``make_classifier(class_weight=None).fit(df, y, model__sample_weight=w)``.

    Parameters
    ----------
    y : iterable
        Labels.
    groups : iterable
        Group of each row, e.g. the outlet or the web domain.

    Returns
    -------
    numpy.ndarray
        One weight per row; they average 1.

    Raises
    ------
    framing.errors.ParameterError
        ``y`` and ``groups`` differ in length, or a group is missing (``parameter`` is
        ``"groups"``).

    Examples
    --------
    Outlet ``a`` has three left articles, ``b`` one; ``c`` two right ones:

    >>> w = group_weights(["left"] * 4 + ["right"] * 2, ["a", "a", "a", "b", "c", "c"])
    >>> w.round(6).tolist()
    [0.5, 0.5, 0.5, 1.5, 1.5, 1.5]
    """
    labels = pd.Series([_plain(v) for v in y], dtype=object)
    group = pd.Series(list(groups), dtype=object)
    if len(labels) != len(group):
        raise ParameterError(
            f"group_weights: {len(labels)} labels but {len(group)} groups", parameter="groups"
        )
    if group.isna().any():
        raise ParameterError(
            "group_weights: some rows have no group; fill or drop them first", parameter="groups"
        )
    w = 1.0 / group.map(group.value_counts()).to_numpy(dtype=float)
    per_class = pd.Series(w).groupby(labels.to_numpy()).sum()
    return w * (len(labels) / len(per_class)) / labels.map(per_class).to_numpy(dtype=float)


def fit_weighted(model: Any, X: Any, y: Sequence[Any], weights: Any = None) -> Any:
    """Fit ``model`` with per-row weights (``None``: unweighted), reaching a Pipeline's last step.

    Parameters
    ----------
    model : estimator or Pipeline
        Its final estimator must take ``sample_weight`` (all of
        :data:`~framing.models.MODELS` do).
    X, y
        Training data and labels.
    weights : array-like, optional
        One weight per row, e.g. from :func:`group_weights`.

    Returns
    -------
    estimator
        The fitted ``model``.

    Examples
    --------
    >>> from framing.models import make_classifier
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


def _folds(
    df: pd.DataFrame, y: list, cv: int, group: str | None
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Train and test row positions of each fold: stratified, or grouped by ``group``."""
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    if cv < 2:
        raise ParameterError(f"cross-validation needs at least 2 folds, got {cv}", parameter="cv")
    if group is None:
        return StratifiedKFold(cv, shuffle=True, random_state=0).split(df, y)
    _no_column(df, group, "group")
    groups = df[group].astype(str).to_numpy()
    n_groups = len(set(groups))
    if n_groups < cv:
        raise ParameterError(
            f"{cv} folds grouped by {group!r} need at least {cv} groups; found {n_groups}",
            parameter="cv",
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
    progress: Callable[[str], Any] | None = None,
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

    Returns
    -------
    dict
        As :func:`metrics`, plus ``cv``: ``folds``, ``group``, ``balance_groups`` and
        ``fold_macro_f1``.

    Raises
    ------
    framing.errors.ParameterError
        ``balance_groups`` without ``group`` (``parameter`` is ``"group"``), fewer than 2
        folds or fewer groups than folds (``"cv"``).
    framing.errors.MissingColumnError
        ``df`` lacks ``label``, ``group`` or a text column.
    framing.errors.InputError
        Fewer than two classes, or a class with fewer rows than folds.

    Examples
    --------
    >>> from framing.models import make_classifier
    >>> df = pd.DataFrame({"headline": ["You Won't Believe This", "Senate passes bill"] * 4,
    ...                    "y": [1, 0] * 4, "site": ["a", "a", "b", "b", "c", "c", "d", "d"]})
    >>> m = cross_validate_model(make_classifier(text="headline"), df, label="y", group="site", cv=2)
    >>> m["n"], m["cv"]["folds"], m["cv"]["group"], len(m["cv"]["fold_macro_f1"])
    (8, 2, 'site', 2)
    """
    if balance_groups and group is None:
        raise ParameterError(
            "balancing groups needs the group column: pass group, e.g. group='outlet'",
            parameter="group",
        )
    df, y = labels_of(df, label)
    check_labels(y, label, folds=cv if group is None else MIN_PER_CLASS)
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
