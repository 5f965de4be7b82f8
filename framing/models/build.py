"""Building a framing classifier: the text-column selector, the classifier choice, the pipeline.

Examples
--------
>>> clf = make_classifier(text="headline", features=None)
>>> [name for name, _ in clf.steps]
['text', 'features', 'model']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline
from sklearn.utils import Tags
from sklearn.utils.validation import check_is_fitted

from framing.errors import InputError, ParameterError, check_ngram_range, check_positive
from framing.io.schema import require_columns

#: classifier name -> what it is; see :func:`make_classifier`
MODELS = {
    "logreg": "logistic regression (lbfgs); probabilities; the default",
    "linearsvc": "linear SVM, wrapped in sigmoid calibration so it gives probabilities",
    "sgd": "logistic loss by stochastic gradient descent; fast on very large corpora",
}


class Tfidf(TfidfVectorizer):
    """:class:`~sklearn.feature_extraction.text.TfidfVectorizer` whose fitted vocabulary is
    saved as two arrays (the terms' characters in one string, their lengths) rather than a
    dict stored entry by entry: a model file's size is then its weights, not millions of
    small records.

    Examples
    --------
    >>> vec = Tfidf(ngram_range=(1, 2)).fit(["no to war", "war is peace"])
    >>> state = vec.__getstate__()
    >>> "vocabulary_" in state, state["terms_"][:6], state["term_lengths_"][:2].tolist()
    (False, 'isis p', [2, 8])
    >>> copy = Tfidf.__new__(Tfidf); copy.__setstate__(state)
    >>> copy.vocabulary_ == vec.vocabulary_
    True
    """

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())
        vocabulary = state.pop("vocabulary_", None)
        if vocabulary is not None:
            terms = sorted(vocabulary, key=vocabulary.__getitem__)
            state["terms_"] = "".join(terms)
            state["term_lengths_"] = np.fromiter(map(len, terms), dtype=np.int64, count=len(terms))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        if "terms_" in state:
            text, lengths = state.pop("terms_"), state.pop("term_lengths_")
            ends = np.cumsum(lengths).tolist()
            starts = [0, *ends[:-1]]
            state["vocabulary_"] = {
                text[a:b]: i for i, (a, b) in enumerate(zip(starts, ends, strict=True))
            }
        super().__setstate__(state)


class TextColumns(TransformerMixin, BaseEstimator):
    """Select the text columns a model reads, checking they exist; missing text becomes "".

    The first step of every :func:`make_classifier` pipeline, so a frame without the
    columns gets one line naming them, at fit and at predict time alike.

    Parameters
    ----------
    columns : sequence of str, default ("headline", "body")
        The text columns, e.g. ``("headline", "body")``.

    Attributes
    ----------
    n_features_in_ : int
        Number of columns of the frame seen at fit.
    feature_names_in_ : numpy.ndarray of str
        Names of the columns of the frame seen at fit (when they are all strings). As with
        :class:`~sklearn.compose.ColumnTransformer`, only ``columns`` must be present at
        transform time: other columns, such as the label, may be absent or added.
    feature_names_out_ : list of str
        ``list(columns)``.

    Raises
    ------
    framing.errors.MissingColumnError
        At fit or transform, when the frame lacks one of ``columns``; its ``missing``,
        ``found`` and ``aliases`` attributes name the columns.
    framing.errors.InputError
        When the input is not a DataFrame (or a Series, for one column).

    Examples
    --------
    >>> X = pd.DataFrame({"headline": ["Is Putin losing his grip?", None]})
    >>> TextColumns(columns=["headline"]).fit_transform(X)["headline"].tolist()
    ['Is Putin losing his grip?', '']
    >>> TextColumns(columns=["headline", "body"]).fit(X)
    Traceback (most recent call last):
    ...
    framing.errors.MissingColumnError: data: no text column 'body'; columns: headline
    """

    def __init__(self, *, columns: Sequence[str] = ("headline", "body")) -> None:
        self.columns = columns

    def __sklearn_tags__(self) -> Tags:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.transformer_tags.preserves_dtype = []
        return tags

    @staticmethod
    def _frame(X: Any, columns: list[str]) -> pd.DataFrame:
        """``X`` as a DataFrame holding ``columns``, or an error naming what is wrong."""
        if isinstance(X, pd.Series) and len(columns) == 1:
            X = X.to_frame(columns[0])
        if not isinstance(X, pd.DataFrame):
            what = "a sparse matrix" if sparse.issparse(X) else type(X).__name__
            raise InputError(
                f"a framing model takes a DataFrame with text columns {', '.join(columns)}, "
                f"not {what}"
            )
        require_columns(X, columns, where="data", what="text")
        return X

    def fit(self, X: Any, y: Any = None) -> TextColumns:
        """Check that ``X`` has the columns and record its column names.

        Parameters
        ----------
        X : pandas.DataFrame
            Data with the text columns.
        y : ignored

        Returns
        -------
        TextColumns
            This transformer, fitted.
        """
        X = self._frame(X, list(self.columns))
        self.n_features_in_ = X.shape[1]
        names = np.asarray(X.columns, dtype=object)
        if all(isinstance(name, str) for name in names):
            self.feature_names_in_ = names
        elif hasattr(self, "feature_names_in_"):
            del self.feature_names_in_
        self.feature_names_out_ = list(self.columns)
        return self

    def transform(self, X: Any) -> pd.DataFrame:
        """The text columns of ``X`` as strings (missing values as ``""``), same index.

        Parameters
        ----------
        X : pandas.DataFrame
            Data with the text columns seen at fit.

        Returns
        -------
        pandas.DataFrame
            One column per text column, indexed like ``X``.
        """
        check_is_fitted(self, "feature_names_out_")
        X = self._frame(X, self.feature_names_out_)
        return pd.DataFrame(
            {c: [v if isinstance(v, str) else "" for v in X[c]] for c in self.feature_names_out_},
            index=X.index,
        )

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The text column names, as an object array.

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


def _measure_input(text: Sequence[str]) -> str | list[str]:
    """Columns :class:`FramingFeatures` measures: headline/body, else the first column as body.

    Examples
    --------
    >>> _measure_input(["body", "title"]), _measure_input(["title"])
    (['body'], 'title')
    """
    canonical = [c for c in text if c in ("headline", "body")]
    return canonical if canonical else text[0]


def _estimator(
    model: str, C: float, class_weight: Any, calibrate: bool, random_state: int
) -> BaseEstimator:
    """The linear classifier named ``model``, calibrated when asked (always for linearsvc)."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression, SGDClassifier
    from sklearn.svm import LinearSVC

    est: BaseEstimator
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
        raise ParameterError(
            f"unknown model {model!r}; choose from {', '.join(MODELS)}", parameter="model"
        )
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
    min_df : int or float, default 1
        Passed to each :class:`~sklearn.feature_extraction.text.TfidfVectorizer`.
    max_features : int or None, default None
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

    Raises
    ------
    framing.errors.ParameterError
        An unknown ``model``, no text column, or no features at all; its ``parameter``
        attribute names the parameter.

    Examples
    --------
    >>> X = pd.DataFrame({"headline": ["You Won't Believe What Happened Next",
    ...                                "Senate passes budget bill", "17 Cats Who Are Very Sad",
    ...                                "Court rules on tariffs"]})
    >>> clf = make_classifier(text="headline").fit(X, [1, 0, 1, 0])
    >>> clf.predict(pd.DataFrame({"headline": ["22 Dogs Who Will Make You Cry"]})).tolist()
    [1]
    >>> make_classifier(model="forest")
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: unknown model 'forest'; choose from logreg, linearsvc, sgd
    """
    from sklearn.preprocessing import StandardScaler

    from framing.features.transformer import FramingFeatures

    columns = [text] if isinstance(text, str) else list(text)
    if not columns:
        raise ParameterError("make_classifier needs at least one text column", parameter="text")
    check_positive(C, "C")
    word_ngrams = None if word_ngrams is None else check_ngram_range(word_ngrams, "word_ngrams")
    char_ngrams = None if char_ngrams is None else check_ngram_range(char_ngrams, "char_ngrams")
    parts: list[tuple[str, Any, Any]] = []
    if features is not None:
        measures = Pipeline(
            [("framing", FramingFeatures(features=features)), ("scale", StandardScaler())]
        )
        parts.append(("measures", measures, _measure_input(columns)))

    def tfidf(**kwargs: Any) -> Tfidf:
        return Tfidf(
            sublinear_tf=True, min_df=min_df, max_features=max_features, dtype=np.float32, **kwargs
        )

    for column in columns:
        if word_ngrams is not None:
            parts.append((f"words_{column}", tfidf(ngram_range=tuple(word_ngrams)), column))
        if char_ngrams is not None:
            chars = tfidf(analyzer="char_wb", ngram_range=tuple(char_ngrams))
            parts.append((f"chars_{column}", chars, column))
    if not parts:
        raise ParameterError(
            "make_classifier needs features, word_ngrams or char_ngrams", parameter="features"
        )
    return Pipeline(
        [
            ("text", TextColumns(columns=tuple(columns))),
            ("features", ColumnTransformer(parts)),
            ("model", _estimator(model, C, class_weight, calibrate, random_state)),
        ]
    )
