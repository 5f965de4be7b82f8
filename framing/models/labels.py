"""Labels and metrics of framing classifiers.

Label handling (the same in the library and the CLI):

- rows whose label is missing (NaN, None or empty) are dropped, with a warning giving the
  count; a label column with fewer than two classes, or a class with fewer than two rows,
  is an :class:`~framing.errors.InputError`;
- at evaluation time a label value the model never saw in training is kept: those rows
  count as errors (the model cannot predict that class), the value appears in
  ``per_class`` with recall 0 and in the confusion matrix, and it lowers ``macro_f1``;
  a warning names the values.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.io.schema import require_columns

MIN_PER_CLASS = 2


def plain_label(value: Any) -> Any:
    """A label as a plain Python value: numbers, and numeric text such as "1" or "1.0"
    read from a file, become int when integral, so labels match across files.

    Examples
    --------
    >>> [plain_label(v) for v in (np.int64(1), 1.0, "1.0", " 2 ", "0.5", "left")]
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
    df = _rows_with(df, label, "label", where)
    return df, [plain_label(v) for v in df[label]]


def _rows_with(df: pd.DataFrame, column: str, what: str, where: str) -> pd.DataFrame:
    """The rows of ``df`` with a value (not blank) in ``column``, and a warning giving the
    count of the others, ``what`` naming the column's role."""
    require_columns(df, [column], where=where, what=what.split()[0])
    values = df[column]
    missing = values.isna() | values.astype(str).str.strip().eq("")
    if missing.any():
        warnings.warn(
            f"{where}: dropped {int(missing.sum())} of {len(df)} rows with no {column!r} {what}",
            stacklevel=3,
        )
        df = df[~missing]
    return df


def grouped_rows(df: pd.DataFrame, group: str, *, where: str = "data") -> pd.DataFrame:
    """The rows of ``df`` with a value in the ``group`` column, with a warning giving the
    count of those left out (a grouped fold cannot place a row without a group).

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["a", None, "b", " "]})
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     rows = grouped_rows(df, "outlet")
    >>> rows.index.tolist(), str(w[0].message)
    ([0, 2], "data: dropped 2 of 4 rows with no 'outlet' group to fold by")
    """
    return _rows_with(df, group, "group to fold by", where)


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


def model_classes(model: Any) -> list:
    """The classes of a fitted model as plain Python values (see :func:`plain_label`); the
    labels of a multi-label model."""
    last = model[-1] if hasattr(model, "steps") else model
    if hasattr(last, "labels_"):
        return list(last.labels_)
    return [plain_label(c) for c in model.classes_]


def mean_known(values: Iterable[float | None]) -> float | None:
    """The mean of the values that are known (not None), or None when none is: the mean of
    ROC AUCs where some labels or folds hold one class only and have none.

    Examples
    --------
    >>> mean_known([0.8, None, 0.6]), mean_known([None])
    (0.7, None)
    """
    known = [v for v in values if v is not None]
    return float(np.mean(known)) if known else None


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

    true = [plain_label(v) for v in y_true]
    pred = [plain_label(v) for v in y_pred]
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
