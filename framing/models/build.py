"""Building a framing classifier: the text-column selector, the classifier choice, the pipeline.

Examples
--------
>>> clf = make_classifier(text="headline", features=None)
>>> [name for name, _ in clf.steps]
['text', 'features', 'model']
>>> [name for name, _, _ in clf.named_steps["features"].transformers]
['words', 'chars']
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
from sklearn.preprocessing import StandardScaler
from sklearn.utils import Tags
from sklearn.utils.validation import check_is_fitted

from framing.errors import InputError, ParameterError, check_ngram_range
from framing.io.schema import require_columns
from framing.models.multilabel import OneVsRest
from framing.models.tuning import TunedClassifier, check_settings


class Tfidf(TfidfVectorizer):
    """:class:`~sklearn.feature_extraction.text.TfidfVectorizer` with its columns in order of
    document frequency (the most frequent term first, ties alphabetical), whose fitted
    vocabulary is saved as two arrays (the terms' characters in one string, their lengths).

    The order makes the frequent terms' weights neighbours in memory: the products of a
    linear model's solver with a matrix of millions of columns then hit the cache and run
    about a third faster. The saved form makes a model file's size its weights, not millions
    of small dict records.

    Examples
    --------
    >>> vec = Tfidf(ngram_range=(1, 2)).fit(["no to war", "war is peace"])
    >>> vec.get_feature_names_out()[:3].tolist()
    ['war', 'is', 'is peace']
    >>> state = vec.__getstate__()
    >>> "vocabulary_" in state, state["terms_"][:5], state["term_lengths_"][:2].tolist()
    (False, 'waris', [3, 2])
    >>> copy = Tfidf.__new__(Tfidf); copy.__setstate__(state)
    >>> copy.vocabulary_ == vec.vocabulary_
    True
    >>> Tfidf(min_df=2).fit(["no to war", "all is peace"])
    Traceback (most recent call last):
    ...
    framing.errors.InputError: no term occurs in at least min_df=2 of the 2 texts; give more texts or a lower min_df
    >>> Tfidf().fit(["", " "])
    Traceback (most recent call last):
    ...
    framing.errors.InputError: a text column holds no words in any of its 2 rows; leave it out of the text columns (make_classifier(text=...), framing train --text)
    """

    def fit(self, raw_documents: Any, y: Any = None) -> Tfidf:
        """Learn the vocabulary and idf, as the parent does (with a clearer error)."""
        self.fit_transform(raw_documents)
        return self

    def fit_transform(self, raw_documents: Any, y: Any = None) -> Any:
        """Learn the vocabulary and idf and return the matrix, as the parent does; when no
        term is frequent enough, an :class:`~framing.errors.InputError` saying so."""
        try:
            X = super().fit_transform(raw_documents, y)
        except ValueError as error:
            if "empty vocabulary" in str(error):
                raise InputError(
                    f"a text column holds no words in any of its {len(raw_documents)} rows; "
                    "leave it out of the text columns (make_classifier(text=...), "
                    "framing train --text)"
                ) from None
            if "no terms remain" not in str(error):
                raise
            raise InputError(
                f"no term occurs in at least min_df={self.min_df} of the {len(raw_documents)} "
                "texts; give more texts or a lower min_df"
            ) from None
        if self.vocabulary is not None:  # the user's own order
            return X
        order = np.argsort(-np.bincount(X.indices, minlength=X.shape[1]), kind="stable")
        terms = self.get_feature_names_out()[order]
        self.vocabulary_ = dict(zip(terms.tolist(), range(len(terms)), strict=True))
        if self.use_idf:
            self.idf_ = self.idf_[order]  # type: ignore[has-type]  # a property of the parent
        return X[:, order]

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
        """The text columns of ``X`` as strings, as every reader takes a cell
        (:func:`~framing.io.schema.cell_text`: missing values ``""``, a list of paragraphs
        joined), same index.

        Parameters
        ----------
        X : pandas.DataFrame
            Data with the text columns seen at fit.

        Returns
        -------
        pandas.DataFrame
            One column per text column, indexed like ``X``.
        """
        from framing.io.schema import cell_text

        check_is_fitted(self, "feature_names_out_")
        X = self._frame(X, self.feature_names_out_)
        columns = {
            c: [cell_text(v, c, "data", row) for row, v in enumerate(X[c])]
            for c in self.feature_names_out_
        }
        return pd.DataFrame(columns, index=X.index)

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


class MeasureScaler(StandardScaler):
    """Standardise each measure, cut it at ``clip`` standard deviations and spread it
    again, then divide the block by the square root of its width.

    A TF-IDF row has unit length whatever its number of terms; standardised measures have a
    row length of about the square root of their number (about 7.7 for 59 measures). Side by
    side in one linear model, the measures would then escape most of the penalty and the
    solver would crawl (two to three times the iterations). Scaled down to about unit row
    length, the block weighs as one TF-IDF block and the fit converges quickly;
    :func:`make_classifier` then gives it :data:`MEASURES_WEIGHT`.

    Many measures are counts with long tails (clutter lines, quotes, numbers): a few
    articles stand 10 or 20 standard deviations out, and a linear model follows them. Each
    measure is cut at ``clip`` standard deviations, then divided by its spread after the cut
    (its root mean square over the fitted rows, :attr:`spread_`), so that a cut measure
    weighs as much as before. The default model, without the cut / cut / cut and
    re-spread: 5-fold mean ROC AUC on the frames of the held-out outlets of
    ``tests/dev/frames`` 0.797 / 0.809 / 0.802; 10-fold ROC AUC on
    ``tests/dev/hyperpartisan`` 0.821 / 0.845 / 0.838; macro-F1 on the held-out biased
    sentences of ``tests/dev/loaded`` 0.658 / 0.671 / 0.665; AllSides leaning on unseen
    outlets (``benchmarks/classifiers.py train``) 0.321 / 0.352 / 0.368. Cut but not
    re-spread, the shrunken measures made that fit take 1.65 times the plain pipeline's
    time (issue 19's bar: 1.5). At 2 and 4 standard deviations (cut only): 0.807 / 0.802,
    0.845 / 0.843, 0.666 / 0.657; a quantile transform to a normal instead: 0.745, 0.808,
    0.655.

    Parameters
    ----------
    clip : float or None, default 3.0
        Standardised values beyond plus or minus this are cut to it; None keeps them.
    copy, with_mean, with_std : bool, default True
        As for :class:`~sklearn.preprocessing.StandardScaler`.

    Attributes
    ----------
    spread_ : numpy.ndarray
        Each measure's root mean square after the cut, over the fitted rows, in standard
        deviations (1 for a measure that does not vary).

    Examples
    --------
    >>> X = np.array([[0.0, 1.0, 2.0, 3.0], [2.0, 3.0, 4.0, 5.0]])
    >>> MeasureScaler().fit_transform(X)
    array([[-0.5, -0.5, -0.5, -0.5],
           [ 0.5,  0.5,  0.5,  0.5]])
    >>> tail = np.array([[0.0]] * 99 + [[100.0]])  # one article far out: z = 9.9
    >>> float(MeasureScaler(clip=None).fit_transform(tail)[-1, 0])
    9.9498743710662
    >>> scaler = MeasureScaler().fit(tail)  # cut at 3, then spread again
    >>> scaler.spread_.round(3).tolist(), float(scaler.transform(tail)[-1, 0].round(3))
    ([0.316], 9.487)

    (A measure whose whole spread is one article keeps it far out; the cut tames measures
    with many moderate outliers, the usual case.)
    """

    def __init__(
        self,
        *,
        clip: float | None = 3.0,
        copy: bool = True,
        with_mean: bool = True,
        with_std: bool = True,
    ) -> None:
        super().__init__(copy=copy, with_mean=with_mean, with_std=with_std)
        self.clip = clip

    def partial_fit(self, X: Any, y: Any = None, sample_weight: Any = None) -> MeasureScaler:
        """Update the means and variances as the parent does; ``scale_`` includes the width."""
        super().partial_fit(X, y, sample_weight)
        scale: np.ndarray | None = vars(self).get("scale_")  # None when with_std=False
        if scale is not None:
            self.scale_ = scale * np.sqrt(self.n_features_in_)
        return self

    def fit(self, X: Any, y: Any = None, sample_weight: Any = None) -> MeasureScaler:
        """Standardise as the parent does, then measure the spread of each cut measure
        (:attr:`spread_`).

        Returns
        -------
        MeasureScaler
            This scaler, fitted.
        """
        super().fit(X, y, sample_weight)
        cut = self._cut(X) * np.sqrt(self.n_features_in_)
        rms = np.sqrt(np.average(np.square(cut), axis=0, weights=sample_weight))
        self.spread_ = np.where(rms > 0, rms, 1.0)
        return self

    def _cut(self, X: Any, copy: bool | None = None) -> Any:
        """Standardised and scaled as the parent does, cut at ``clip`` (in the block's scale:
        ``clip`` over the square root of the width)."""
        Z = super().transform(X, copy=copy)
        clip = getattr(self, "clip", None)  # None in files saved before the cut
        if clip is not None:
            limit = clip / np.sqrt(self.n_features_in_)
            np.clip(Z, -limit, limit, out=Z)
        return Z

    def transform(self, X: Any, copy: bool | None = None) -> Any:
        """Standardise, cut and scale each measure; each then has a root mean square of one
        over the fitted rows (before the block's scaling)."""
        Z = self._cut(X, copy=copy)
        spread = getattr(self, "spread_", None)  # None in files saved before the cut
        return Z if spread is None else Z / spread


#: weight of the measures block beside each TF-IDF block (all of about unit row length).
#: With the whole model at 0.5 / 1 / 1.5 (5-fold CV, measured 2026-12-07): the generic frames
#: of tests/dev/frames' held-out outlets, mean ROC AUC 0.831 / 0.804 / 0.802; hyperpartisan
#: articles, macro-F1 0.695 / 0.685 / 0.671; the biased sentences of tests/dev/loaded's
#: held-out outlets, macro-F1 0.652 / 0.658 / 0.665. On a few hundred rows the inner
#: cross-validation cannot tell the weights apart, and the one it starts from is kept: the
#: lighter, which holds the measures back more. Where the folds can tell, it may choose one
#: of :data:`OTHER_MEASURES_WEIGHTS`.
MEASURES_WEIGHT = 0.5
#: other weights of the measures block that the inner cross-validation tries, with the C it
#: chose at :data:`MEASURES_WEIGHT` and the larger ones (see ``block_scales`` of
#: :class:`~framing.models.tuning.TunedClassifier`): a weight is kept where it scores above
#: every C at :data:`MEASURES_WEIGHT` by more than the folds' standard error. At 2 the fit
#: on AllSides' 26,590 training articles took 136 L-BFGS iterations against 111 at 1.5,
#: past issue 19's bar of 1.5 times the plain TF-IDF pipeline's time (see the README).
OTHER_MEASURES_WEIGHTS = (1.5,)


def measures_weight(tuned: TunedClassifier) -> float:
    """The measures block's weight in a fitted classifier of :func:`make_classifier`:
    :data:`MEASURES_WEIGHT`, or the one of :data:`OTHER_MEASURES_WEIGHTS` its inner
    cross-validation chose.

    Examples
    --------
    >>> X = pd.DataFrame({"headline": ["You Won't Believe This", "Senate passes bill"] * 4})
    >>> clf = make_classifier(text="headline").fit(X, [1, 0] * 4)
    >>> measures_weight(clf[-1]) in (MEASURES_WEIGHT, *OTHER_MEASURES_WEIGHTS)
    True
    """
    check_is_fitted(tuned, "estimator_")
    return MEASURES_WEIGHT * tuned.block_scale_


#: a text column whose median row has at most this many words is short (headlines, sentences)
SHORT_WORDS = 30
#: the character n-grams that ``char_ngrams="auto"`` gives short texts
SHORT_CHARS = (2, 5)


class ShortColumn:
    """Column selector of a :class:`~sklearn.compose.ColumnTransformer` part that is used only
    when the column holds short texts.

    Headlines and sentences have few words, and character n-grams (spelling variants, word
    parts such as "-est" or "n't") help a linear model there; on whole articles they add
    much cost and little else. The ColumnTransformer calls this selector once, at fit: it
    returns ``column`` when the median row has at most ``max_words`` words, else no column,
    and the part is then left out (no columns, no names).

    Parameters
    ----------
    column : str
        The text column.
    max_words : int, default :data:`SHORT_WORDS`
        Texts whose median has more words are long.

    Examples
    --------
    >>> pick = ShortColumn("headline")
    >>> pick(pd.DataFrame({"headline": ["Is Putin losing his grip?", "Who won?"]}))
    ['headline']
    >>> pick(pd.DataFrame({"headline": ["word " * 100, "word " * 50]}))
    []
    """

    def __init__(self, column: str, max_words: int = SHORT_WORDS) -> None:
        self.column = column
        self.max_words = max_words

    def __call__(self, X: pd.DataFrame) -> list[str]:
        words = [len(str(text).split()) for text in X[self.column]]
        short = bool(words) and float(np.median(words)) <= self.max_words
        return [self.column] if short else []

    def __repr__(self) -> str:
        return f"ShortColumn({self.column!r}, max_words={self.max_words})"


def _measure_input(text: Sequence[str]) -> str | list[str]:
    """Columns :class:`FramingFeatures` measures: headline/body, else the first column as body.

    Examples
    --------
    >>> _measure_input(["body", "title"]), _measure_input(["title"])
    (['body'], 'title')
    """
    canonical = [c for c in text if c in ("headline", "body")]
    return canonical if canonical else text[0]


def text_block(vectorizer: Tfidf, columns: Sequence[str]) -> Pipeline:
    """One kind of text feature over several text columns: a copy of ``vectorizer`` per
    column, their rows normalised together.

    Each column gets its own vocabulary, so a word in a headline and the same word in a body
    are distinct features (``headline__putin``, ``body__putin``). The columns' rows are
    scaled to unit length together, as one TF-IDF over the whole article would scale them:
    a headline word then weighs about as much as a body word. Normalised one by one, the
    dozen words of a headline weighed as much as the hundreds of the body together, and a
    linear model fitted to a few hundred articles leaned on the headline's words: text
    alone, 10-fold ROC AUC 0.716 against 0.841 on the 480 articles of
    ``tests/dev/hyperpartisan``; 5-fold mean AUC 0.730 against 0.857 on the five frames of
    ``tests/dev/frames``.

    Parameters
    ----------
    vectorizer : Tfidf
        The vectoriser of each column; its ``norm`` is replaced by the joint one.
    columns : sequence of str
        The text columns.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Steps ``columns`` (a ColumnTransformer, one part per column, named after it) and
        ``norm`` (:class:`~sklearn.preprocessing.Normalizer`).

    Examples
    --------
    >>> X = pd.DataFrame({"headline": ["War", "Peace talks"],
    ...                   "body": ["War and more war", "Talks began"]})
    >>> block = text_block(Tfidf(), ["headline", "body"]).fit(X)
    >>> block.get_feature_names_out()[:4].tolist()
    ['headline__peace', 'headline__talks', 'headline__war', 'body__and']
    >>> np.linalg.norm(block.transform(X).toarray(), axis=1).round(6).tolist()
    [1.0, 1.0]
    """
    from sklearn.base import clone
    from sklearn.preprocessing import Normalizer

    per_column = [(c, clone(vectorizer).set_params(norm=None), c) for c in columns]
    stacked = ColumnTransformer(per_column, sparse_threshold=1.0)  # sparse, however small
    return Pipeline([("columns", stacked), ("norm", Normalizer(copy=False))])


def vocabulary_size(clf: Pipeline) -> int:
    """The number of text terms a fitted :func:`make_classifier` pipeline reads (words and
    characters of every text column: here the words and word pairs of headline and body).

    Examples
    --------
    >>> X = pd.DataFrame({"headline": ["War", "Peace talks"], "body": ["War and war", "Talks"]})
    >>> vocabulary_size(make_classifier(features=None, C=1.0, min_df=1).fit(X, [0, 1]))
    9
    """
    parts = clf.named_steps["features"].named_transformers_
    return sum(
        len(vectorizer.vocabulary_)
        for name in ("words", "chars")
        if name in parts
        # a part given no column (characters of a long text) is left unfitted
        for vectorizer in getattr(parts[name]["columns"], "named_transformers_", {}).values()
        if hasattr(vectorizer, "vocabulary_")
    )


def make_classifier(
    *,
    text: Sequence[str] | str = ("headline", "body"),
    features: str | Iterable[str] | None = "default",
    word_ngrams: tuple[int, int] | None = (1, 2),
    char_ngrams: tuple[int, int] | str | None = "auto",
    embeddings: bool = False,
    min_df: int | float = 2,
    max_features: int | None = None,
    model: str = "logreg",
    C: float | str = "auto",
    class_weight: str | dict | None = "balanced",
    calibrate: bool = False,
    multi_label: bool = False,
    random_state: int = 0,
) -> Pipeline:
    """A framing classifier: measures (scaled) beside TF-IDF of the text, into a linear model.

    Parameters
    ----------
    text : sequence of str or str, default ("headline", "body")
        Text columns of the input DataFrame. Each gets its own TF-IDF, so a word in a
        headline and the same word in a body are distinct features; their rows are
        normalised together (:func:`text_block`). The framing measures
        read the ``headline``/``body`` columns among them, or the first column as a body.
    features : str, list of str or None, default "default"
        Feature families of :func:`framing.extract_features`; ``None`` for text alone. The
        measures are standardised, scaled as a block to unit row length
        (:class:`MeasureScaler`) and weighted :data:`MEASURES_WEIGHT` beside the TF-IDF
        blocks, or one of :data:`OTHER_MEASURES_WEIGHTS` if the inner cross-validation
        scores it higher (:func:`measures_weight`).
    word_ngrams : (int, int) or None, default (1, 2)
        Word n-gram range of the TF-IDF (sublinear tf, lowercased); ``None`` for none.
    char_ngrams : (int, int), "auto" or None, default "auto"
        Character n-grams within word boundaries (``char_wb``), e.g. ``(2, 5)``: robust to
        spelling variants and useful on short texts; slower. ``"auto"``: :data:`SHORT_CHARS`
        for a model of one text column whose texts are short (a median of at most
        :data:`SHORT_WORDS` words at fit, such as headlines or sentences; see
        :class:`ShortColumn`), none otherwise.
    embeddings : bool, default False
        Add each text column's sentence embedding (the mean vector of its paragraphs by
        all-MiniLM-L6-v2: :class:`~framing.models.embeddings.SentenceEmbeddings`), which
        needs the optional extra ``embeddings``. It helps most on sentences and short texts
        (the README's classifier section has the figures); it is slow on long articles.
    min_df : int or float, default 2
        Passed to each :class:`~sklearn.feature_extraction.text.TfidfVectorizer`: by
        default a term must occur in two rows, which keeps the vocabulary, the fit and the
        model file to the terms that can generalise.
    max_features : int or None, default None
        Passed to each :class:`~sklearn.feature_extraction.text.TfidfVectorizer`.
    model : {"logreg", "linearsvc", "sgd"}, default "logreg"
        The linear classifier (see :data:`~framing.models.tuning.MODELS`); ``"linearsvc"`` is
        always calibrated.
    C : "auto" or float, default "auto"
        Inverse regularisation strength (for ``"sgd"``, ``alpha = 1 / (C * 10000)``), or
        ``"auto"``: chosen at fit by inner cross-validation (see
        :class:`~framing.models.tuning.TunedClassifier`; grouped when the fit is given
        ``model__groups``).
    class_weight : "balanced", dict or None, default "balanced"
        Class weights; "balanced" favours macro-F1 on unbalanced labels.
    calibrate : bool, default False
        Wrap the classifier in sigmoid :class:`~sklearn.calibration.CalibratedClassifierCV`.
    multi_label : bool, default False
        Several labels per row: fit on a 0/1 table (one column per label, e.g. from
        :func:`~framing.models.multilabel.label_table`), one classifier per label over the
        same features (:class:`~framing.models.multilabel.OneVsRest`), each with its own
        ``C`` and probability threshold chosen by inner cross-validation for its F1.
    random_state : int, default 0
        Seed for the randomised classifiers.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Steps ``text`` (:class:`TextColumns`), ``features`` (a ColumnTransformer with
        parts ``measures``, ``words`` and ``chars``, each a :func:`text_block` over the text
        columns, and ``embeddings`` when asked) and ``model`` (a
        :class:`~framing.models.tuning.TunedClassifier`).

    Raises
    ------
    framing.errors.ParameterError
        An unknown ``model``, no text column, no features at all, or embeddings without
        the optional extra; its ``parameter`` attribute names the parameter.

    Examples
    --------
    >>> X = pd.DataFrame({"headline": ["You Won't Believe What Happened Next",
    ...                                "Senate passes budget bill", "17 Cats Who Are Very Sad",
    ...                                "Court rules on tariffs"]})
    >>> clf = make_classifier(text="headline", min_df=1).fit(X, [1, 0, 1, 0])
    >>> clf.predict(pd.DataFrame({"headline": ["22 Dogs Who Will Make You Cry"]})).tolist()
    [1]
    >>> make_classifier(model="forest")
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: unknown model 'forest'; choose from logreg, linearsvc, sgd
    """
    from framing.features import numeric, resolve
    from framing.features.transformer import FramingFeatures

    columns = [text] if isinstance(text, str) else list(text)
    if not columns:
        raise ParameterError("make_classifier needs at least one text column", parameter="text")
    check_settings(model, C)
    word_ngrams = None if word_ngrams is None else check_ngram_range(word_ngrams, "word_ngrams")
    auto_chars = char_ngrams == "auto"
    if auto_chars:
        char_ngrams = SHORT_CHARS if len(columns) == 1 else None
    char_ngrams = None if char_ngrams is None else check_ngram_range(char_ngrams, "char_ngrams")
    parts: list[tuple[str, Any, Any]] = []
    if features is not None:
        measures = Pipeline(
            [("framing", FramingFeatures(features=features)), ("scale", MeasureScaler())]
        )
        parts.append(("measures", measures, _measure_input(columns)))

    def tfidf(**kwargs: Any) -> Tfidf:
        return Tfidf(
            sublinear_tf=True, min_df=min_df, max_features=max_features, dtype=np.float64, **kwargs
        )

    if word_ngrams is not None:
        words = text_block(tfidf(ngram_range=tuple(word_ngrams)), columns)
        parts.append(("words", words, columns))
    if char_ngrams is not None:
        chars = text_block(tfidf(analyzer="char_wb", ngram_range=tuple(char_ngrams)), columns)
        parts.append(("chars", chars, ShortColumn(columns[0]) if auto_chars else columns))
    if embeddings:
        from framing.models.embeddings import SentenceEmbeddings, check_extra

        check_extra()  # now, not after the measures of a whole corpus
        parts.append(("embeddings", SentenceEmbeddings(columns=tuple(columns)), columns))
    if not parts:
        raise ParameterError(
            "make_classifier needs features, word_ngrams or char_ngrams", parameter="features"
        )
    weights = None if features is None else {"measures": MEASURES_WEIGHT}
    tuned = TunedClassifier(
        model=model,
        C=C,
        class_weight=class_weight,
        calibrate=calibrate,
        threshold="auto" if multi_label else None,
        random_state=random_state,
        # the measures are the first columns of the features step
        block=0 if features is None else len(numeric(resolve(features))),
        block_scales=tuple(w / MEASURES_WEIGHT for w in OTHER_MEASURES_WEIGHTS),
    )
    return Pipeline(
        [
            ("text", TextColumns(columns=tuple(columns))),
            ("features", ColumnTransformer(parts, transformer_weights=weights)),
            ("model", OneVsRest(tuned) if multi_label else tuned),
        ]
    )
