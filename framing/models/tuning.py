"""A linear classifier that chooses its own regularisation (and decision threshold).

:class:`TunedClassifier` is the last step of every :func:`~framing.models.make_classifier`
pipeline. With ``C="auto"`` (the default) it picks ``C`` from :data:`CS` by inner
cross-validation on at most :data:`SAMPLE` rows of the training data (stratified, or grouped by
the ``groups`` passed to ``fit``), scored by macro-F1 (the ``C`` whose score, averaged with its
neighbours' on the grid, is best), then fits the chosen model on all rows. With
``threshold="auto"`` (one label of a multi-label model) the folds are scored by ROC AUC
instead, and it also calibrates the probabilities on the out-of-fold predictions at the
chosen ``C`` and picks the probability above which the label is given, for their best F1.
Given a block of leading columns (a framing classifier's measures) and other weights for it,
it chooses the block's weight too.

Choosing on a sample keeps the cost of the choice to a few small fits whatever the corpus
size (the sample's fits use only the terms that occur in two of its rows or more: a term of
one row cannot be both learned and tested); the sample is large enough for the choice
between values a factor of three apart.

Examples
--------
>>> X = np.array([[0.0], [0.2], [0.4], [0.6], [0.8], [1.0]] * 4)
>>> y = [0, 0, 0, 1, 1, 1] * 4
>>> clf = TunedClassifier().fit(X, y)
>>> clf.C_ in CS, clf.predict([[0.1], [0.9]]).tolist()
(True, [0, 1])
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_is_fitted

from framing.errors import ParameterError, check_positive

#: the values of ``C`` that ``C="auto"`` tries, a factor of about three apart
CS = (0.3, 1.0, 3.0, 10.0, 30.0)
#: at most this many rows (a stratified sample) choose ``C`` and the threshold
SAMPLE = 4000
#: folds of the inner cross-validation
FOLDS = 3

#: classifier name -> what it is; see :func:`framing.models.make_classifier`
MODELS = {
    "logreg": "logistic regression (lbfgs); probabilities; the default",
    "linearsvc": "linear SVM, wrapped in sigmoid calibration so it gives probabilities",
    "sgd": "logistic loss by stochastic gradient descent; fast on very large corpora",
}


def check_settings(model: str, C: float | str) -> None:
    """Raise :class:`~framing.errors.ParameterError` for a model not in :data:`MODELS` or a
    ``C`` that is neither positive nor ``"auto"``.

    Examples
    --------
    >>> check_settings("forest", 1.0)
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: unknown model 'forest'; choose from logreg, linearsvc, sgd
    """
    if model not in MODELS:
        raise ParameterError(
            f"unknown model {model!r}; choose from {', '.join(MODELS)}", parameter="model"
        )
    if C != "auto":
        check_positive(C, "C")


def linear_model(
    model: str, C: float, class_weight: Any, calibrate: bool, random_state: int
) -> BaseEstimator:
    """The linear classifier named ``model`` (see :data:`MODELS`), calibrated when asked.

    Examples
    --------
    >>> type(linear_model("linearsvc", 1.0, None, False, 0)).__name__
    'CalibratedClassifierCV'
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression, SGDClassifier
    from sklearn.svm import LinearSVC

    check_settings(model, C)
    est: BaseEstimator
    if model == "logreg":
        est = LogisticRegression(C=C, class_weight=class_weight, max_iter=1000)
    elif model == "linearsvc":
        est = LinearSVC(C=C, class_weight=class_weight, random_state=random_state)
        calibrate = True
    else:
        est = SGDClassifier(
            loss="log_loss",
            alpha=1.0 / (C * 10_000),
            class_weight=class_weight,
            random_state=random_state,
        )
    return CalibratedClassifierCV(est, method="sigmoid", cv=3) if calibrate else est


def _sample(y: np.ndarray, size: int, seed: int) -> np.ndarray:
    """Positions of at most ``size`` rows, each class keeping its share (and at least
    :data:`FOLDS` rows where it has them)."""
    if len(y) <= size:
        return np.arange(len(y))
    rng = np.random.default_rng(seed)
    keep = []
    for cls in np.unique(y):
        rows = np.flatnonzero(y == cls)
        n = max(min(len(rows), FOLDS), round(size * len(rows) / len(y)))
        keep.append(rng.choice(rows, n, replace=False))
    return np.sort(np.concatenate(keep))


def _shared_columns(X: Any) -> np.ndarray:
    """Positions of the columns of a sparse ``X`` with values in two rows or more (of all
    columns when none has, or ``X`` is dense).

    Examples
    --------
    >>> _shared_columns(sparse.csr_matrix([[1.0, 0, 2], [1, 3, 0]])).tolist()
    [0]
    """
    if not sparse.issparse(X):
        return np.arange(X.shape[1])
    shared = np.flatnonzero(np.bincount(X.indices, minlength=X.shape[1]) >= 2)
    return shared if len(shared) else np.arange(X.shape[1])


def scale_block(X: Any, block: int, scale: float) -> Any:
    """``X`` with its first ``block`` columns multiplied by ``scale`` (a new matrix; a sparse
    one shares its structure with ``X``).

    Examples
    --------
    >>> scale_block(sparse.csr_matrix([[1.0, 2.0], [0.0, 4.0]]), 1, 0.5).toarray().tolist()
    [[0.5, 2.0], [0.0, 4.0]]
    """
    if sparse.issparse(X):
        X = sparse.csr_matrix(X)
        data = X.data.copy()
        data[X.indices < block] *= scale
        return sparse.csr_matrix((data, X.indices, X.indptr), shape=X.shape)
    X = np.array(X, dtype=float)
    X[:, :block] *= scale
    return X


def _fold_scale(estimator: Any, block: int, scale: float) -> None:
    """Fold a block's scale into a fitted linear model's coefficients: fitted on ``X`` with
    its first ``block`` columns times ``scale``, it then gives the same scores on ``X``."""
    for part in getattr(estimator, "calibrated_classifiers_", None) or [estimator]:
        model = getattr(part, "estimator", part)
        model.coef_[:, :block] *= scale


def _splits(y: np.ndarray, groups: Any, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Inner folds: grouped when ``groups`` has enough groups, else stratified."""
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    if groups is not None and len(np.unique(groups)) >= FOLDS:
        return list(GroupKFold(FOLDS).split(y, y, groups))
    folds = min(FOLDS, int(np.unique(y, return_counts=True)[1].min()))
    if folds < 2:
        return []
    return list(StratifiedKFold(folds, shuffle=True, random_state=seed).split(y, y))


def _best_and_error(scores: dict[float, list[float]]) -> tuple[float, float]:
    """The best mean score over the folds (of any ``C``) and its standard error.

    Examples
    --------
    >>> mean, error = _best_and_error({1.0: [0.70, 0.72], 3.0: [0.74, 0.76]})
    >>> round(mean, 3), round(error, 3)
    (0.75, 0.01)
    """
    best = max(scores.values(), key=np.mean)
    error = float(np.std(best, ddof=1) / np.sqrt(len(best))) if len(best) > 1 else 0.0
    return float(np.mean(best)), error


def _smoothed_best(scores: dict[float, list[float]]) -> float:
    """The ``C`` whose mean score over the folds, averaged with those of its neighbours on
    the grid (the ends count as their own outer neighbours), is best; the smaller on a tie.

    Values of ``C`` a factor of three apart fit much the same model, so their scores share
    most of their signal: averaging each with its neighbours damps the noise of small inner
    folds, and the peak of the smoothed curve follows neither one lucky value nor, as the
    one-standard-error rule does (the smallest ``C`` within one standard error of the best;
    Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 7.10), the most
    regularised end whenever the folds are too small to tell the values apart. On a few
    hundred rows that error spans the grid: in a 5-fold run on the held-out outlets' frames
    of ``tests/dev/frames``, that rule kept ``C = 0.3`` in 18 of the 25 labels' fits, the
    smoothed curve in 5 (the README's classifier section has the scores).

    Examples
    --------
    >>> _smoothed_best({0.3: [0.71], 1.0: [0.79], 3.0: [0.78], 10.0: [0.61], 30.0: [0.82]})
    1.0
    """
    grid = sorted(scores)
    means = np.array([np.mean(scores[C]) for C in grid])
    padded = np.r_[means[0], means, means[-1]]
    smoothed = (padded[:-2] + padded[1:-1] + padded[2:]) / 3
    return grid[int(np.argmax(smoothed))]


def _best_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The probability cut with the best F1 of the positive class (0.5 when none helps).

    Examples
    --------
    >>> _best_threshold(np.array([0, 0, 1, 1]), np.array([0.1, 0.2, 0.3, 0.35]))
    0.3
    """
    from sklearn.metrics import precision_recall_curve

    if y.min() == y.max():
        return 0.5
    precision, recall, cuts = precision_recall_curve(y, p)
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    return float(cuts[int(np.argmax(f1[:-1]))])


def _logit(p: np.ndarray) -> np.ndarray:
    """The log-odds of probabilities (kept finite at 0 and 1)."""
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return np.log(p / (1 - p))


def _sigmoid(y: np.ndarray, p: np.ndarray) -> tuple[float, float] | None:
    """Platt's sigmoid ``(a, b)`` mapping out-of-fold probabilities ``p`` of the positive
    class to calibrated ones, ``1 / (1 + exp(-(a * logit(p) + b)))``; None when the folds
    rank no better than chance (``a <= 0``) or hold one class.

    Examples
    --------
    >>> y = np.array([0, 0, 0, 1, 0, 1, 1, 1])
    >>> a, b = _sigmoid(y, np.array([0.45, 0.47, 0.48, 0.5, 0.51, 0.52, 0.53, 0.55]))
    >>> a > 1
    True
    """
    from sklearn.linear_model import LogisticRegression

    if y.min() == y.max():
        return None
    fit = LogisticRegression(C=1e6).fit(_logit(p)[:, None], y)
    a, b = float(fit.coef_[0, 0]), float(fit.intercept_[0])
    return (a, b) if a > 0 else None


def _calibrated(p: np.ndarray, calibration: tuple[float, float] | None) -> np.ndarray:
    """``p`` through the sigmoid ``calibration`` of :func:`_sigmoid` (as given without one)."""
    if calibration is None:
        return p
    a, b = calibration
    return 1 / (1 + np.exp(-(a * _logit(p) + b)))


class _InnerData(NamedTuple):
    """The rows of the inner cross-validation: their features, labels, weights, folds, the
    width of the leading block among their columns, and what scores a fold (see
    :attr:`TunedClassifier.cv_metric_`)."""

    X: Any
    y: np.ndarray
    weights: np.ndarray | None
    splits: list[tuple[np.ndarray, np.ndarray]]
    block: int
    metric: str


class TunedClassifier(ClassifierMixin, BaseEstimator):
    """A linear classifier whose ``C`` (and threshold) is chosen by inner cross-validation.

    Parameters
    ----------
    model : {"logreg", "linearsvc", "sgd"}, default "logreg"
        The linear classifier (see :data:`MODELS`).
    C : "auto" or float, default "auto"
        Inverse regularisation strength, or ``"auto"``: the value of :data:`CS` whose mean
        score over the inner folds (on at most ``sample`` rows; macro-F1, or ROC AUC with
        ``threshold="auto"``), averaged with its neighbours' on the grid, is best
        (:func:`_smoothed_best`).
    class_weight : "balanced", dict or None, default "balanced"
        Class weights; "balanced" favours macro-F1 on unbalanced labels.
    calibrate : bool, default False
        Wrap the classifier in sigmoid calibration (always for ``"linearsvc"``).
    threshold : "auto" or None, default None
        For two classes only: ``"auto"`` predicts the second class above the probability
        with the best out-of-fold F1 for it, and calibrates the probabilities by a sigmoid
        fitted on the inner folds' out-of-fold ones (:attr:`calibration_`); ``None``
        predicts the likelier class.
    sample : int, default :data:`SAMPLE`
        Rows at most that choose ``C`` and the threshold.
    block : int, default 0
        The first ``block`` columns form a block (in a framing classifier, the measures)
        whose weight is chosen with ``C``: see ``block_scales``.
    block_scales : tuple of float, default ()
        Factors on the block's columns tried besides 1 by the inner cross-validation: ``C``
        is chosen with the columns as given, then each factor is scored with that ``C`` and
        the larger ones (each fits fast from the last one's coefficients; every ``C`` gave
        the same choices on the development sets and made the leaning fit of the README
        1.50x the plain pipeline's time instead of 1.2x), and the pair scoring above every
        ``C`` as given, by more than the best one's standard error over the folds, is used:
        where the folds cannot tell them apart (on a few hundred rows, say), the block keeps
        its weight as given.
        The final model is fitted with the factor and folds it into its coefficients, so it
        reads the columns as given.
    random_state : int, default 0
        Seed of the sample, the folds and the randomised classifiers.

    Attributes
    ----------
    estimator_ : estimator
        The classifier fitted on all rows with ``C_``.
    C_ : float
        The ``C`` used.
    cv_scores_ : dict
        ``C`` -> mean inner score (empty when ``C`` was given or too few rows to choose).
    cv_metric_ : str or None
        What scored the inner folds: ``"macro_f1"``, ``"roc_auc"``, or None when no inner
        cross-validation ran.
    block_scale_ : float
        The factor used on the block's columns (1.0 when none was chosen).
    block_scores_ : dict
        Each factor tried -> {``C`` -> mean inner score} (empty when none was tried).
    threshold_ : float or None
        The probability cut for the second class (on the calibrated probabilities), or
        ``None``.
    calibration_ : (float, float) or None
        With ``threshold="auto"``, Platt's sigmoid ``(a, b)``: :meth:`predict_proba` gives
        ``1 / (1 + exp(-(a * logit(p) + b)))`` for the estimator's probability ``p`` of the
        second class. Balanced class weights push a rare label's probabilities towards
        0.5, and each fit's ``C`` spreads them differently; calibrated, they mean the same
        from fit to fit. None otherwise, or when the inner folds ranked no better than
        chance.
    classes_ : numpy.ndarray
        The classes, as the estimator's.

    Raises
    ------
    framing.errors.ParameterError
        An unknown ``model``, a ``C`` that is neither positive nor ``"auto"``, or
        ``threshold="auto"`` with more than two classes.

    Examples
    --------
    >>> X = np.array([[0.0], [0.1], [0.2], [0.7], [0.8], [0.9]] * 3)
    >>> clf = TunedClassifier(C=2.0, threshold="auto").fit(X, [0, 0, 0, 1, 1, 1] * 3)
    >>> clf.C_, clf.cv_scores_, 0 < clf.threshold_ < 1
    (2.0, {}, True)
    """

    def __init__(
        self,
        *,
        model: str = "logreg",
        C: float | str = "auto",
        class_weight: Any = "balanced",
        calibrate: bool = False,
        threshold: str | None = None,
        sample: int = SAMPLE,
        block: int = 0,
        block_scales: tuple[float, ...] = (),
        random_state: int = 0,
    ) -> None:
        self.model = model
        self.C = C
        self.class_weight = class_weight
        self.calibrate = calibrate
        self.threshold = threshold
        self.sample = sample
        self.block = block
        self.block_scales = block_scales
        self.random_state = random_state

    def _build(self, C: float) -> BaseEstimator:
        return linear_model(self.model, C, self.class_weight, self.calibrate, self.random_state)

    def _fit_one(self, C: float, X: Any, y: np.ndarray, weights: Any) -> BaseEstimator:
        kwargs = {} if weights is None else {"sample_weight": weights}
        return self._build(C).fit(X, y, **kwargs)

    def _path(self, Cs: tuple[float, ...], X: Any, y: np.ndarray, weights: Any) -> Iterator:
        """The classifier fitted with each ``C`` in turn; logistic regression starts each fit
        from the last one's coefficients (the values rise, so each starts near its optimum)."""
        kwargs = {} if weights is None else {"sample_weight": weights}
        est = self._build(Cs[0])
        warm = self.model == "logreg" and not self.calibrate
        for C in Cs:
            if warm:
                est.set_params(C=C, warm_start=True)
            else:
                est = self._build(C)
            yield C, est.fit(X, y, **kwargs)

    def _inner_data(self, X: Any, y: np.ndarray, weights: Any, groups: Any) -> _InnerData | None:
        """The sampled rows (their shared columns) and inner folds; None when too few rows."""
        rows = _sample(y, self.sample, self.random_state)
        Xs, ys = X[rows], y[rows]
        shared = _shared_columns(Xs)
        Xs = Xs[:, shared] if len(shared) < Xs.shape[1] else Xs
        gs = None if groups is None else np.asarray(groups)[rows]
        splits = _splits(ys, gs, self.random_state)
        if not splits or any(len(np.unique(ys[train])) < 2 for train, _ in splits):
            return None
        ws = None if weights is None else weights[rows]
        block = int(np.searchsorted(shared, self.block))  # the block's columns kept
        ranked = self.threshold == "auto" and all(len(np.unique(ys[t])) == 2 for _, t in splits)
        return _InnerData(Xs, ys, ws, splits, block, "roc_auc" if ranked else "macro_f1")

    def _inner(
        self, data: _InnerData, Cs: tuple[float, ...], scale: float = 1.0
    ) -> tuple[dict[float, list[float]], dict[float, np.ndarray]]:
        """The score of each inner fold and out-of-fold probabilities of the second class, per
        ``C``, with the block's columns times ``scale``.

        The score is macro-F1 of the predicted classes; with ``threshold="auto"`` it is the
        ROC AUC of the probabilities instead (when every inner test fold holds both classes),
        for the threshold is chosen afterwards: C and the block's weight are chosen for how
        well the model ranks the rows, not for where a cut at 0.5 falls.
        """
        from sklearn.metrics import f1_score, roc_auc_score

        Xs = data.X if scale == 1.0 else scale_block(data.X, data.block, scale)
        scores: dict[float, list[float]] = {C: [] for C in Cs}
        positive = {C: np.zeros(len(data.y)) for C in Cs}
        for train, test in data.splits:
            part = None if data.weights is None else data.weights[train]
            for C, fitted in self._path(Cs, Xs[train], data.y[train], part):
                if len(fitted.classes_) == 2:
                    positive[C][test] = fitted.predict_proba(Xs[test])[:, 1]
                if data.metric == "roc_auc":
                    score = roc_auc_score(data.y[test] == fitted.classes_[1], positive[C][test])
                else:
                    score = f1_score(data.y[test], fitted.predict(Xs[test]), average="macro")
                scores[C].append(float(score))
        return scores, positive

    def _weigh_block(
        self,
        data: _InnerData,
        Cs: tuple[float, ...],
        scores: dict[float, list[float]],
        positive: dict[float, np.ndarray],
    ) -> tuple[float, float, dict[float, np.ndarray]]:
        """``(C, factor, out-of-fold probabilities per C)`` of the best other factor of the
        block, tried with ``C_`` and the larger values, if it scores above the best ``C`` as
        given (``scores``, ``positive``) by more than that score's standard error over the
        folds; else ``C_``, 1.0 and ``positive``. Records :attr:`block_scores_`."""
        chosen = (self.C_, 1.0, positive)
        best, error = _best_and_error(scores)
        best += error
        for scale in self.block_scales:
            more, more_positive = self._inner(data, tuple(C for C in Cs if C >= self.C_), scale)
            self.block_scores_[scale] = {C: float(np.mean(s)) for C, s in more.items()}
            for C, mean in self.block_scores_[scale].items():
                if mean > best:
                    best, chosen = mean, (C, scale, more_positive)
        return chosen

    def fit(self, X: Any, y: Any, sample_weight: Any = None, groups: Any = None) -> TunedClassifier:
        """Choose ``C`` (and the threshold) when asked, then fit on all rows.

        Parameters
        ----------
        X : array-like or sparse matrix of shape (n_rows, n_features)
        y : array-like of shape (n_rows,)
        sample_weight : array-like, optional
            Row weights, for the inner and the final fits.
        groups : array-like, optional
            Group of each row (such as the outlet): the inner folds keep each group on one
            side.

        Returns
        -------
        TunedClassifier
            This classifier, fitted.
        """
        from sklearn.utils.validation import check_X_y

        X, y_arr = check_X_y(X, y, accept_sparse="csr", dtype=None)
        y_arr = np.asarray(y_arr)
        check_settings(self.model, self.C)
        auto = self.C == "auto"
        classes = np.unique(y_arr)
        if self.threshold not in (None, "auto"):
            raise ParameterError(
                f"threshold must be 'auto' or None, not {self.threshold!r}", parameter="threshold"
            )
        if self.threshold == "auto" and len(classes) != 2:
            raise ParameterError(
                "threshold='auto' needs exactly two classes", parameter="threshold"
            )
        if not 0 <= self.block <= X.shape[1] or not all(f > 0 for f in self.block_scales):
            raise ParameterError(
                f"block must be a number of columns (0 to {X.shape[1]}) and block_scales "
                f"positive; got {self.block!r} and {self.block_scales!r}",
                parameter="block",
            )
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
        Cs = CS if auto else (float(self.C),)
        self.cv_scores_: dict[float, float] = {}
        self.block_scores_: dict[float, dict[float, float]] = {}
        self.threshold_: float | None = None
        self.calibration_: tuple[float, float] | None = None
        self.block_scale_ = 1.0
        self.C_ = float(self.C) if not auto else 1.0
        data = (
            self._inner_data(X, y_arr, weights, groups)
            if auto or self.threshold == "auto"
            else None
        )
        self.cv_metric_ = None if data is None else data.metric
        if data is not None:
            scores, positive = self._inner(data, Cs)
            self.C_ = _smoothed_best(scores)
            if auto:
                self.cv_scores_ = {C: float(np.mean(s)) for C, s in scores.items()}
            probabilities = positive
            if self.block and self.block_scales:
                self.C_, self.block_scale_, probabilities = self._weigh_block(
                    data, Cs, scores, positive
                )
            if self.threshold == "auto":
                positive_class = (data.y == classes[1]).astype(int)
                self.calibration_ = _sigmoid(positive_class, probabilities[self.C_])
                self.threshold_ = _best_threshold(
                    positive_class, _calibrated(probabilities[self.C_], self.calibration_)
                )
        elif self.threshold == "auto":
            self.threshold_ = 0.5
        scaled = X if self.block_scale_ == 1.0 else scale_block(X, self.block, self.block_scale_)
        self.estimator_ = self._fit_one(self.C_, scaled, y_arr, weights)
        _fold_scale(self.estimator_, self.block, self.block_scale_)
        self.classes_ = self.estimator_.classes_
        self.n_features_in_ = X.shape[1]
        return self

    @property
    def coef_(self) -> np.ndarray:
        """The fitted linear model's coefficients (not for a calibrated one)."""
        check_is_fitted(self, "estimator_")
        return self.estimator_.coef_

    @property
    def intercept_(self) -> np.ndarray:
        """The fitted linear model's intercepts (not for a calibrated one)."""
        check_is_fitted(self, "estimator_")
        return self.estimator_.intercept_

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities, columns in the order of ``classes_`` (calibrated by
        :attr:`calibration_` when one was fitted)."""
        check_is_fitted(self, "estimator_")
        proba = self.estimator_.predict_proba(X)
        calibration = getattr(self, "calibration_", None)  # None in files saved before it
        if calibration is None:
            return proba
        positive = _calibrated(proba[:, 1], calibration)
        return np.column_stack([1 - positive, positive])

    def decision_function(self, X: Any) -> np.ndarray:
        """The linear model's scores."""
        check_is_fitted(self, "estimator_")
        return self.estimator_.decision_function(X)

    def predict(self, X: Any) -> np.ndarray:
        """The likelier class, or the second class above ``threshold_`` when one was chosen."""
        check_is_fitted(self, "estimator_")
        if self.threshold_ is None:
            return self.estimator_.predict(X)
        above = self.predict_proba(X)[:, 1] >= self.threshold_
        return self.classes_[above.astype(int)]
