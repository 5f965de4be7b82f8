"""The shipped clickbait model: :func:`clickbait` scores headlines with it.

The model (``data/clickbait.skops``, provenance, training size and cross-validated accuracy
in ``data/clickbait.json``) is the pipeline of :func:`clickbait_pipeline` fitted by
``tools/train_clickbait.py``, and is loaded under :mod:`framing.io.trust`'s policy.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from framing.measures.headline.cuedata import DATA
from framing.measures.headline.reader import head
from framing.text import WORD

if TYPE_CHECKING:  # pragma: no cover
    from sklearn.pipeline import Pipeline

CLICKBAIT_MODEL = DATA / "clickbait.skops"


def clickbait_pipeline() -> Pipeline:
    """The (unfitted) clickbait classifier: hashed word 1-2-grams and character 3-5-grams.

    Both see lower-cased text: in the training data 94% of clickbait headlines are in Title
    Case against 20% of the others, so a case-aware model learns house style (it scores an
    outlet's title-case headlines as clickbait) rather than clickbait. Hashing keeps the
    shipped file small (no vocabulary is stored); the n-grams are hashed by
    :class:`~framing.measures.headline.hashing.NgramHasher`, which does in a few array
    operations per batch what scikit-learn's ``HashingVectorizer`` does one Python string at
    a time. Character 2-grams are left out: they barely change the cross-validated accuracy
    and add many n-grams to hash. The hyper-parameters live here so that
    ``tools/train_clickbait.py`` and ``benchmarks/clickbait.py`` use the same model.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Texts in, ``predict_proba(texts)[:, 1]`` the probability of clickbait once fitted.

    Examples
    --------
    >>> clickbait_pipeline().steps[-1][0]
    'logisticregression'
    """
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    from framing.measures.headline.hashing import NgramHasher

    def hashed(analyzer: str, ngram_range: tuple[int, int]) -> Pipeline:
        vec = NgramHasher(analyzer, ngram_range, n_features=2**17)
        return make_pipeline(vec, TfidfTransformer(sublinear_tf=True))

    return make_pipeline(
        make_union(hashed("word", (1, 2)), hashed("char_wb", (3, 5))),
        LogisticRegression(C=10.0, max_iter=3000),
    )


@functools.cache
def clickbait_model() -> Pipeline:
    """The shipped clickbait pipeline, loaded once under :mod:`framing.io.trust`'s policy.

    Examples
    --------
    >>> clickbait_model() is clickbait_model(), type(clickbait_model()).__name__
    (True, 'Pipeline')
    """
    from framing.io import trust

    model: Pipeline = trust.load(CLICKBAIT_MODEL)
    return model


def clickbait(headlines: Iterable[str | None]) -> np.ndarray:
    """P(clickbait) for each headline from the shipped model; 0 for an empty headline.

    Parameters
    ----------
    headlines : iterable of str
        None (or anything not a string) counts as an empty headline. A very long headline is
        read as :func:`~framing.measures.headline.reader.head` cuts it.

    Returns
    -------
    numpy.ndarray of float64
        One probability per headline.

    Examples
    --------
    >>> p = clickbait(["21 Dogs Who Are Too Cute For Words", "Senate passes budget bill", ""])
    >>> bool(p[0] > 0.5 > p[1]), float(p[2])
    (True, 0.0)
    """
    texts = [head(h) if isinstance(h, str) else "" for h in headlines]
    out = np.zeros(len(texts))
    rows = [i for i, t in enumerate(texts) if WORD.search(t)]
    if rows:
        out[rows] = clickbait_model().predict_proba([texts[i] for i in rows])[:, 1]
    return out
