"""Several labels per article: one-vs-rest models over shared text features, per-label
thresholds, and the label table.

Coding schemes used in framing research give an article several frames at once. Labels come
either as several 0/1 columns (``conflict``, ``economic``, ...) or as one column of codes
separated by ``;`` (``"conflict;economic"``); :func:`label_table` reads both into one 0/1
column per label. :class:`OneVsRest` fits one :class:`~framing.models.tuning.TunedClassifier`
per label over the same features, each with its own ``C`` and probability threshold chosen by
inner cross-validation, and keeps the labels' names.

Examples
--------
>>> codes = ["conflict;economic", "economic; morality", None, "conflict;morality", "conflict",
...          "economic", "morality"]
>>> with warnings.catch_warnings(record=True):
...     rows, Y = label_table(pd.DataFrame({"frames": codes}), "frames", multi_label=True)
>>> Y.columns.tolist(), Y.to_numpy()[:3].tolist(), len(rows)
(['conflict', 'economic', 'morality'], [[1, 1, 0], [0, 1, 1], [1, 0, 1]], 6)
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd
from sklearn.multiclass import OneVsRestClassifier
from sklearn.utils.validation import check_is_fitted

from framing.errors import InputError
from framing.io.schema import require_columns
from framing.models.labels import MIN_PER_CLASS, mean_known, plain_label

#: what separates the codes of one row in a ``--multi-label`` column
SEPARATOR = ";"


def label_names(label: str | list[str]) -> list[str]:
    """The label columns named by ``label``: a list, or text separated by commas.

    Examples
    --------
    >>> label_names("conflict, economic"), label_names(["frames"])
    (['conflict', 'economic'], ['frames'])
    """
    names = label.split(",") if isinstance(label, str) else list(label)
    return [n.strip() for n in names if n.strip()]


def is_multi_label(label: str | list[str], multi_label: bool = False) -> bool:
    """Whether ``label`` asks for several labels per row (several columns, or one of codes).

    Examples
    --------
    >>> is_multi_label("leaning"), is_multi_label("a,b"), is_multi_label("frames", True)
    (False, True, True)
    """
    return multi_label or len(label_names(label)) > 1


def _binary(values: pd.Series, column: str, where: str) -> np.ndarray:
    """A 0/1 column read as ints (``1``, ``"1"``, ``1.0``, ``True``), or an error naming it."""
    codes = [plain_label(v) for v in values]
    bad = sorted({repr(v) for v in codes if v not in (0, 1)})
    if bad:
        raise InputError(
            f"{where}: label column {column!r} must hold 0 or 1 for each row, found "
            f"{', '.join(bad[:5])}; for codes in one column use --multi-label"
        )
    return np.asarray(codes, dtype=int)


def label_table(
    df: pd.DataFrame,
    label: str | list[str],
    *,
    multi_label: bool = False,
    where: str = "data",
    check: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows with labels and a 0/1 table of their labels, one column per label.

    Parameters
    ----------
    df : pandas.DataFrame
        Data with the label column(s).
    label : str or list of str
        Several 0/1 columns (a list, or names separated by commas), or, with
        ``multi_label``, one column of codes separated by ``;``.
    multi_label : bool, default False
        ``label`` is one column of ``;``-separated codes.
    where : str, default "data"
        What ``df`` is (e.g. its file name), to begin warnings and errors with.
    check : bool, default True
        Check that a model can learn every label (:func:`check_label_table`); off for
        data to evaluate on.

    Returns
    -------
    rows : pandas.DataFrame
        The rows of ``df`` whose labels are all present (others are dropped, with a warning).
    table : pandas.DataFrame
        One int column per label (sorted codes, or the columns in the order given), same
        index as ``rows``.

    Raises
    ------
    framing.errors.MissingColumnError
        A label column is missing.
    framing.errors.InputError
        A 0/1 column holds another value; a label that every row has, or none, or fewer
        than two rows on one side (a model could not learn it).

    Examples
    --------
    >>> df = pd.DataFrame({"conflict": [1, 0, 1, 0], "economic": ["1", "0", "0", "1"]})
    >>> label_table(df, "conflict,economic")[1].to_numpy().tolist()
    [[1, 1], [0, 0], [1, 0], [0, 1]]
    """
    names = label_names(label)
    if not names:
        raise InputError(f"{where}: no label column given")
    require_columns(df, names, where=where, what="label")
    values = df[names]
    missing = (values.isna() | values.astype(str).apply(lambda c: c.str.strip().eq(""))).any(axis=1)
    if missing.any():
        warnings.warn(
            f"{where}: dropped {int(missing.sum())} of {len(df)} rows with no "
            f"{' or '.join(map(repr, names))} label",
            stacklevel=2,
        )
        df = df[~missing]
    if multi_label:
        if len(names) != 1:
            raise InputError(
                f"{where}: --multi-label reads codes from one column, not {', '.join(names)}"
            )
        codes = [{c.strip() for c in str(v).split(SEPARATOR) if c.strip()} for v in df[names[0]]]
        found = sorted(set().union(*codes))
        table = pd.DataFrame(
            {c: [int(c in row) for row in codes] for c in found}, index=df.index, dtype=int
        )
    else:
        table = pd.DataFrame(
            {c: _binary(df[c], c, where) for c in names}, index=df.index, dtype=int
        )
    if check:
        check_label_table(table, where)
    return df, table


def check_label_table(table: pd.DataFrame, where: str = "data", *, folds: int = 2) -> None:
    """Raise :class:`~framing.errors.InputError` unless every label has ``folds`` rows with
    it and ``folds`` without it.

    Examples
    --------
    >>> check_label_table(pd.DataFrame({"a": [1, 1, 0, 0], "b": [1, 0, 1, 0]}))
    >>> check_label_table(pd.DataFrame({"a": [1, 1, 1, 0]}))
    Traceback (most recent call last):
    ...
    framing.errors.InputError: data: label 'a' is on 3 of 4 rows; each label needs at least 2 rows with it and 2 without
    """
    need = max(folds, MIN_PER_CLASS)
    if table.shape[1] == 0:
        raise InputError(f"{where}: no labels found")
    for name, column in table.items():
        on = int(column.sum())
        if on < need or len(column) - on < need:
            raise InputError(
                f"{where}: label {name!r} is on {on} of {len(column)} rows; each label needs "
                f"at least {need} rows with it and {need} without"
            )


class OneVsRest(OneVsRestClassifier):
    """One classifier per label over the same features, keeping the labels' names.

    :class:`~sklearn.multiclass.OneVsRestClassifier` fitted on a 0/1 table (a DataFrame
    names the labels); each label's classifier decides with its own threshold (a
    :class:`~framing.models.tuning.TunedClassifier` with ``threshold="auto"`` chooses it
    by inner cross-validation), where the scikit-learn class would cut every probability
    at 0.5.

    Attributes
    ----------
    labels_ : numpy.ndarray of str
        The labels, in the order of the columns of ``predict`` and ``predict_proba``.

    Examples
    --------
    >>> from framing.models.tuning import TunedClassifier
    >>> X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]] * 6, dtype=float)
    >>> Y = pd.DataFrame({"a": X[:, 0].astype(int), "b": X[:, 1].astype(int)})
    >>> clf = OneVsRest(TunedClassifier(C=10.0, threshold="auto")).fit(X, Y)
    >>> clf.labels_.tolist(), clf.predict(X[:4]).tolist()
    (['a', 'b'], [[0, 0], [0, 1], [1, 0], [1, 1]])
    """

    def fit(self, X: Any, y: Any, **fit_params: Any) -> OneVsRest:
        """Fit one classifier per column of the 0/1 table ``y``.

        Parameters
        ----------
        X : array-like or sparse matrix of shape (n_rows, n_features)
        y : pandas.DataFrame or array of shape (n_rows, n_labels)
            0/1 per label; a DataFrame's columns name the labels.
        **fit_params
            Passed on as scikit-learn's metadata routing allows.

        Returns
        -------
        OneVsRest
            This classifier, fitted.
        """
        names = list(y.columns) if isinstance(y, pd.DataFrame) else list(range(np.shape(y)[1]))
        super().fit(X, np.asarray(y, dtype=int), **fit_params)
        self.labels_ = np.asarray([str(n) for n in names], dtype=object)
        return self

    def predict(self, X: Any) -> np.ndarray:
        """0/1 per label, each by its own classifier's decision (threshold)."""
        check_is_fitted(self, "labels_")
        return np.column_stack([est.predict(X) for est in self.estimators_]).astype(int)


def multilabel_metrics(truth: Any, predicted: Any, proba: Any, labels: Any = None) -> dict:
    """Per-label precision, recall, F1, ROC AUC and support; micro and macro F1, mean AUC.

    Parameters
    ----------
    truth, predicted : array-like of shape (n_rows, n_labels)
        0/1 per label: the coders' and the model's.
    proba : array-like of shape (n_rows, n_labels)
        The model's probability of each label.
    labels : sequence of str, optional
        Names of the labels (default: a DataFrame ``truth``'s columns, else 0, 1, ...).

    Returns
    -------
    dict
        ``n``, ``micro_f1``, ``macro_f1``, ``mean_auc``, ``subset_accuracy`` (rows with
        every label right) and ``per_label`` (label -> ``precision``, ``recall``, ``f1``,
        ``roc_auc``, ``support``); JSON-ready. A label on no row or on every row has no
        AUC (``None``) and is left out of the mean.

    Examples
    --------
    >>> truth = pd.DataFrame({"a": [1, 0, 1, 0], "b": [1, 1, 0, 0]})
    >>> m = multilabel_metrics(truth, [[1, 0], [0, 1], [1, 1], [0, 0]],
    ...                        [[0.9, 0.2], [0.1, 0.8], [0.7, 0.6], [0.2, 0.1]])
    >>> m["per_label"]["b"], m["micro_f1"], m["mean_auc"]
    ({'precision': 0.5, 'recall': 0.5, 'f1': 0.5, 'roc_auc': 0.75, 'support': 2}, 0.75, 0.875)
    """
    from sklearn.metrics import f1_score, precision_recall_fscore_support, roc_auc_score

    names = list(labels) if labels is not None else list(getattr(truth, "columns", []))
    Y, P, S = (np.asarray(a) for a in (truth, predicted, proba))
    names = [str(n) for n in names] or [str(i) for i in range(Y.shape[1])]
    p, r, f, support = precision_recall_fscore_support(Y, P, average=None, zero_division=0.0)
    aucs = [
        float(roc_auc_score(Y[:, j], S[:, j])) if 0 < Y[:, j].sum() < len(Y) else None
        for j in range(Y.shape[1])
    ]
    return {
        "n": int(len(Y)),
        "micro_f1": float(f1_score(Y, P, average="micro", zero_division=0.0)),
        "macro_f1": float(np.mean(f)),
        "mean_auc": mean_known(aucs),
        "subset_accuracy": float(np.mean((Y == P).all(axis=1))),
        "per_label": {
            name: {
                "precision": float(p[j]),
                "recall": float(r[j]),
                "f1": float(f[j]),
                "roc_auc": aucs[j],
                "support": int(support[j]),
            }
            for j, name in enumerate(names)
        },
    }


def fold_averaged_auc(pooled: dict, folds: list[dict]) -> dict:
    """Cross-validated metrics whose ROC AUC is the mean of the folds' own.

    ``pooled`` holds :func:`multilabel_metrics` over every row's out-of-fold prediction,
    ``folds`` the same over each fold's test rows. Each label's ``roc_auc`` becomes the mean
    of its folds' AUCs (folds whose test rows hold one class only are left out), and
    ``mean_auc`` their mean over the labels; the AUCs of the pooled predictions are kept as
    ``roc_auc_pooled`` and ``mean_auc_pooled``. Precision, recall and F1 stay those of the
    pooled predictions (the folds' counts summed).

    Each fold's model scores its own test rows, and the AUC asks how well one model ranks
    new rows; pooled, the rows of different folds are ranked by the scores of different
    models, whose scales differ, which lowers the figure (Forman & Scholz 2010,
    "Apples-to-apples in cross-validation studies", SIGKDD Explorations 12(1)). The mean of
    the folds' AUCs is also what scikit-learn's ``cross_validate(scoring="roc_auc")`` reports.

    Examples
    --------
    >>> truth = pd.DataFrame({"a": [1, 0, 1, 0]})
    >>> proba = [[0.9], [0.8], [0.3], [0.2]]  # two folds: rows 0-1 and 2-3
    >>> folds = [multilabel_metrics(truth[i:i + 2], [[1], [0]], proba[i:i + 2]) for i in (0, 2)]
    >>> m = fold_averaged_auc(multilabel_metrics(truth, [[1], [0], [1], [0]], proba), folds)
    >>> m["per_label"]["a"]["roc_auc"], m["per_label"]["a"]["roc_auc_pooled"], m["mean_auc"]
    (1.0, 0.75, 1.0)
    """
    per_label = {
        name: {
            **row,
            "roc_auc": mean_known(f["per_label"][name]["roc_auc"] for f in folds),
            "roc_auc_pooled": row["roc_auc"],
        }
        for name, row in pooled["per_label"].items()
    }
    mean_auc = mean_known(row["roc_auc"] for row in per_label.values())
    return {
        **pooled,
        "per_label": per_label,
        "mean_auc": mean_auc,
        "mean_auc_pooled": pooled["mean_auc"],
    }


def strata(table: pd.DataFrame, folds: int = 1) -> np.ndarray:
    """Each row's rarest label (``""`` for none): stratifying folds on it puts rows of every
    label, the rare ones first, in each fold. Strata of fewer than ``folds`` rows are pooled
    (``"*"``; into the largest stratum if the pool is still too small), so that every
    stratum can reach every fold.

    Examples
    --------
    >>> strata(pd.DataFrame({"common": [1, 1, 1, 0], "rare": [1, 0, 0, 0]})).tolist()
    ['rare', 'common', 'common', '']
    >>> strata(pd.DataFrame({"common": [1, 1, 1, 0], "rare": [1, 0, 0, 0]}), folds=2).tolist()
    ['*', 'common', 'common', '*']
    """
    order = table.sum().sort_values(kind="stable").index
    out = np.full(len(table), "", dtype=object)
    for name in reversed(order):
        out[table[name].to_numpy() == 1] = str(name)
    sizes = pd.Series(out).value_counts()
    small = np.isin(out, sizes.index[sizes < folds])
    if small.any():
        pooled = "*" if small.sum() >= folds else sizes.index[0]
        out[small] = pooled
    return out
