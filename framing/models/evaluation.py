"""Evaluating framing classifiers: cross-validation, held-out evaluation, prediction, and
group weights (labels and metrics: :mod:`framing.models.labels`).

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
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted

from framing.errors import InputError, ParameterError
from framing.io.schema import require_columns
from framing.models.labels import (
    MIN_PER_CLASS,
    check_labels,
    grouped_rows,
    labels_of,
    mean_known,
    metrics,
    model_classes,
    plain_label,
)
from framing.models.multilabel import (
    SEPARATOR,
    OneVsRest,
    check_label_table,
    fold_averaged_auc,
    is_multi_label,
    label_table,
    multilabel_metrics,
    strata,
)


def _multi(model: Any) -> bool:
    """Whether a model gives several labels per row."""
    return isinstance(model[-1] if isinstance(model, Pipeline) else model, OneVsRest)


def evaluate(model: Any, df: pd.DataFrame, label: str | None = None) -> dict:
    """Metrics of a fitted model on labelled data (see :func:`metrics`, and
    :func:`~framing.models.multilabel.multilabel_metrics` for a multi-label model).

    Parameters
    ----------
    model : fitted Pipeline
        From :func:`~framing.models.make_classifier` or :func:`~framing.models.load_model`.
    df : pandas.DataFrame
        Data with the model's text columns and the label column.
    label : str, optional
        Label column; default the one recorded when the model was saved. For a
        multi-label model: its 0/1 columns separated by commas, or its one column of
        ``;``-separated codes, as at training.

    Returns
    -------
    dict
        As :func:`metrics`, over the rows of ``df`` that have a label; for a model of two
        classes, when both are among those rows, also ``roc_auc`` of the second class's
        probability, named by ``positive_class``.

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
    from sklearn.metrics import roc_auc_score

    check_is_fitted(model)
    label = label or getattr(model, "framing_metadata_", {}).get("label")
    if not label:
        raise ParameterError(
            "evaluate needs the label column (the model does not record one)", parameter="label"
        )
    if _multi(model):
        return _evaluate_labels(model, df, label)
    df, y = labels_of(df, label)
    if not y:
        raise InputError(f"no rows with a {label!r} label to evaluate on")
    seen = set(model_classes(model))
    unseen = pd.Series([v for v in y if v not in seen], dtype=object).value_counts()
    if len(unseen):
        what = ", ".join(f"{k!r} ({v} rows)" for k, v in unseen.items())
        warnings.warn(
            f"label values never seen in training: {what}; counted as errors", stacklevel=2
        )
    classes = model_classes(model)
    if len(classes) != 2:
        return metrics(y, model.predict(df), labels=classes)
    last, features = model, df
    if isinstance(model, Pipeline):  # the features once, for the classes and the ranking
        last, features = model[-1], model[:-1].transform(df)
    out = metrics(y, last.predict(features), labels=classes)
    truth = np.asarray(y, dtype=object) == classes[1]
    if 0 < truth.sum() < len(truth):
        out["roc_auc"] = float(roc_auc_score(truth, last.predict_proba(features)[:, 1]))
        out["positive_class"] = str(classes[1])
    return out


def _evaluate_labels(model: Any, df: pd.DataFrame, label: str) -> dict:
    """Multi-label metrics of a fitted model; codes it never learned are left out, warned."""
    meta = getattr(model, "framing_metadata_", {})
    df, table = label_table(df, label, multi_label=meta.get("multi_label", False), check=False)
    learned = model_classes(model)
    unseen = [c for c in table.columns if c not in learned]
    if unseen:
        warnings.warn(f"labels never seen in training, left out: {', '.join(unseen)}", stacklevel=3)
    table = table.reindex(columns=learned, fill_value=0)
    proba = model.predict_proba(df)
    return multilabel_metrics(table, model.predict(df), proba, learned)


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
        probabilities), same index as ``df``. For a multi-label model, ``predicted`` holds
        the labels above their thresholds, separated by ``;`` (empty for none), and there
        is one ``p_<label>`` column per label.

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
    predicted = model.predict(df)
    if _multi(model):
        names = np.asarray(model_classes(model), dtype=object)
        chosen = [SEPARATOR.join(names[row == 1]) for row in predicted]
        out = pd.DataFrame({"predicted": chosen}, index=df.index)
    else:
        out = pd.DataFrame({"predicted": [plain_label(v) for v in predicted]}, index=df.index)
    if hasattr(model, "predict_proba"):
        proba = model.predict_proba(df)
        for i, c in enumerate(model_classes(model)):
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
    labels = pd.Series([plain_label(v) for v in y], dtype=object)
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


def fit_weighted(
    model: Any, X: Any, y: Sequence[Any], weights: Any = None, groups: Any = None
) -> Any:
    """Fit ``model`` with per-row weights and groups, reaching a Pipeline's last step.

    Parameters
    ----------
    model : estimator or Pipeline
        Its final estimator must take ``sample_weight`` (all of
        :data:`~framing.models.MODELS` do).
    X, y
        Training data and labels.
    weights : array-like, optional
        One weight per row, e.g. from :func:`group_weights`; ``None``: unweighted.
    groups : array-like, optional
        One group per row (such as the outlet), for a final
        :class:`~framing.models.tuning.TunedClassifier` that chooses ``C`` by inner
        cross-validation: its folds then keep each group on one side.

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
    step = f"{model.steps[-1][0]}__" if isinstance(model, Pipeline) else ""
    params: dict[str, Any] = {}
    if weights is not None:
        params[f"{step}sample_weight"] = np.asarray(weights, dtype=float)
    if groups is not None:
        params[f"{step}groups"] = np.asarray(groups, dtype=object)
    return model.fit(X, y, **params)


@contextmanager
def measures_once(model: Any, df: pd.DataFrame) -> Iterator[None]:
    """Compute the framing measures of ``df`` once for every fit and predict of ``model``
    inside the block (cross-validation folds, the final fit).

    A no-op for a model without measures. See
    :func:`framing.features.transformer.measured_once`.

    Parameters
    ----------
    model : Pipeline
        From :func:`~framing.models.make_classifier` (fitted or not).
    df : pandas.DataFrame
        The rows the block will fit on and predict.

    Examples
    --------
    >>> from framing.models import make_classifier
    >>> df = pd.DataFrame({"headline": ["You Won't Believe This", "Senate passes bill"] * 3,
    ...                    "y": [1, 0] * 3})
    >>> clf = make_classifier(text="headline", C=1.0)
    >>> with measures_once(clf, df):
    ...     clf.fit(df, df["y"]).predict(df.head(2)).tolist()
    [1, 0]
    """
    from framing.features.transformer import measured_once

    steps = model.named_steps if isinstance(model, Pipeline) else {}
    parts = getattr(steps.get("features"), "transformers", [])
    measured = [(part, columns) for name, part, columns in parts if name == "measures"]
    if "text" not in steps or not measured:
        yield
        return
    part, columns = measured[0]
    with measured_once(clone(steps["text"]).fit_transform(df)[columns], part[0].features):
        yield


def _folds(
    df: pd.DataFrame, y: Any, cv: int, group: str | None
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Train and test row positions of each fold: stratified on ``y``, or grouped by
    ``group``."""
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    if cv < 2:
        raise ParameterError(f"cross-validation needs at least 2 folds, got {cv}", parameter="cv")
    if group is None:
        return StratifiedKFold(cv, shuffle=True, random_state=0).split(df, y)
    require_columns(df, [group], where="data", what="group")
    groups = df[group].astype(str).to_numpy()
    n_groups = len(set(groups))
    if n_groups < cv:
        raise ParameterError(
            f"{cv} folds grouped by {group!r} need at least {cv} groups; found {n_groups}",
            parameter="cv",
        )
    return GroupKFold(cv).split(df, y, groups)


def _two_class_auc(truth: np.ndarray, scores: np.ndarray, tests: list[np.ndarray]) -> dict:
    """``roc_auc``, the mean of the folds' own ROC AUCs (folds whose test rows hold one class
    only left out), and ``roc_auc_pooled``, that of all out-of-fold ``scores`` together:
    see :func:`~framing.models.multilabel.fold_averaged_auc` for why the first leads.

    Examples
    --------
    >>> truth = np.array([1, 0, 1, 0])
    >>> _two_class_auc(truth, np.array([0.9, 0.8, 0.3, 0.2]), [np.r_[0, 1], np.r_[2, 3]])
    {'roc_auc': 1.0, 'roc_auc_pooled': 0.75}
    """
    from sklearn.metrics import roc_auc_score

    by_fold = [
        float(roc_auc_score(truth[t], scores[t])) if 0 < truth[t].sum() < len(t) else None
        for t in tests
    ]
    return {"roc_auc": mean_known(by_fold), "roc_auc_pooled": float(roc_auc_score(truth, scores))}


def cross_validate_model(
    model: Any,
    df: pd.DataFrame,
    *,
    label: str,
    cv: int = 5,
    group: str | None = None,
    balance_groups: bool = False,
    multi_label: bool = False,
    progress: Callable[[str], Any] | None = None,
) -> dict:
    """Out-of-fold metrics: stratified K-fold, or grouped K-fold keeping each group on one side.

    Every row is predicted once by a model fitted on the other folds; the metrics (see
    :func:`metrics`) are computed over all out-of-fold predictions, and ``cv`` adds the
    number of folds, the grouping and the macro-F1 of each fold. ROC AUCs (of a label of two
    classes, or of each label of a multi-label model) are the means of the folds' own, those
    of the pooled predictions beside them
    (:func:`~framing.models.multilabel.fold_averaged_auc`).

    Parameters
    ----------
    model : estimator
        Cloned for each fold (left unfitted).
    df : pandas.DataFrame
        Data with the text columns, ``label`` and, if given, ``group``.
    label : str
        Label column; rows without a label are dropped (with a warning). Several 0/1
        columns separated by commas (``"conflict,economic"``) make it multi-label: the
        model must be built with ``make_classifier(multi_label=True)``, and folds are
        stratified on each row's rarest label.
    cv : int, default 5
        Number of folds.
    group : str, optional
        Column such as ``outlet``: GroupKFold, so no group is on both sides of a split.
    balance_groups : bool, default False
        Fit each fold with :func:`group_weights` over ``group`` (computed on that fold's
        training rows), so no large group dominates; build the model with
        ``class_weight=None``, since these weights balance the classes already.
    multi_label : bool, default False
        ``label`` is one column of ``;``-separated codes (see
        :func:`~framing.models.multilabel.label_table`).
    progress : callable, optional
        Called with one line of progress per fold.

    Returns
    -------
    dict
        As :func:`metrics` (multi-label: as
        :func:`~framing.models.multilabel.fold_averaged_auc`; two classes: also ``roc_auc``
        and ``roc_auc_pooled`` of the second class, named by ``positive_class``), plus
        ``cv``: ``folds``, ``group``, ``balance_groups`` and ``fold_macro_f1``.

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
    multi = is_multi_label(label, multi_label)
    if multi != _multi(model):
        raise ParameterError(
            f"{'several labels' if multi else 'one label'} per row needs a model built with "
            f"make_classifier(multi_label={multi})",
            parameter="multi_label",
        )
    if multi and balance_groups:
        raise ParameterError(
            "balancing groups is for one label per row, not several", parameter="balance_groups"
        )
    folds_need = cv if group is None else MIN_PER_CLASS
    if group is not None:
        df = grouped_rows(df, group)
    if multi:
        df, table = label_table(df, label, multi_label=multi_label)
        check_label_table(table, folds=folds_need)
        target: Any = table
        names = list(table.columns)
        predicted = np.zeros(table.shape, dtype=int)
        proba = np.zeros(table.shape)
        stratum = strata(table, cv)
    else:
        df, y = labels_of(df, label)
        check_labels(y, label, folds=folds_need)
        target = np.asarray(y, dtype=object)
        predicted = np.empty(len(target), dtype=object)
        stratum = np.asarray(list(y))
    per_fold, fold_metrics = [], []
    two_classes = not multi and len(set(stratum)) == 2
    scores = np.zeros(len(df))  # a two-class label's out-of-fold P(second class)
    folds = list(_folds(df, stratum, cv, group))  # before measuring: bad folds fail fast
    with measures_once(model, df):
        for k, (train, test) in enumerate(folds, start=1):
            part = df.iloc[train]
            if multi:
                fitted = clone(model).fit(part, table.iloc[train])
                proba[test] = fitted.predict_proba(df.iloc[test])
            else:
                y_part = list(target[train])
                if len(set(y_part)) < 2:
                    raise InputError(
                        f"fold {k}: its training part has one class only; use fewer folds or "
                        "another group"
                    )
                weights = group_weights(y_part, part[group]) if balance_groups else None
                part_groups = None if group is None else part[group].astype(str).to_numpy()
                fitted = fit_weighted(clone(model), part, y_part, weights, part_groups)
                if two_classes:
                    scores[test] = fitted.predict_proba(df.iloc[test])[:, 1]
                    positive = model_classes(fitted)[1]
            predicted[test] = fitted.predict(df.iloc[test])
            if multi:
                fold = multilabel_metrics(table.iloc[test], predicted[test], proba[test], names)
            else:
                fold = metrics(target[test], predicted[test])
            per_fold.append(fold["macro_f1"])
            fold_metrics.append(fold)
            if progress:
                progress(f"fold {k}/{cv}: {len(test):,} rows, macro-F1 {fold['macro_f1']:.3f}")
    if multi:
        out = fold_averaged_auc(multilabel_metrics(table, predicted, proba, names), fold_metrics)
    else:
        out = metrics(target, predicted)
        if two_classes:
            out.update(_two_class_auc(target == positive, scores, [t for _, t in folds]))
            out["positive_class"] = str(positive)
    out["cv"] = {
        "folds": cv,
        "group": group,
        "balance_groups": balance_groups,
        "fold_macro_f1": per_fold,
    }
    return out
