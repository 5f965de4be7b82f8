"""Framing classifiers: build, cross-validate, evaluate, explain, save and load.

A model is an ordinary scikit-learn :class:`~sklearn.pipeline.Pipeline` over a corpus
DataFrame: the framing measures (:class:`framing.FramingFeatures`, standardised and scaled
as a block, :class:`~framing.models.build.MeasureScaler`) side by side with TF-IDF of each
text column, into a linear classifier that chooses its own regularisation. Whatever feature
families are registered in :mod:`framing.features` flow in through ``features="default"``.

The modules:

- :mod:`framing.models.build`: :class:`TextColumns`, :func:`make_classifier`;
- :mod:`framing.models.multilabel`: several labels per row
  (:func:`~framing.models.multilabel.label_table`, one-vs-rest,
  :func:`~framing.models.multilabel.multilabel_metrics`);
- :mod:`framing.models.tuning`: :class:`TunedClassifier` (``C`` and thresholds chosen by
  inner cross-validation), :data:`MODELS`;
- :mod:`framing.models.evaluation`: labels, :func:`metrics`, :func:`cross_validate_model`,
  :func:`evaluate`, :func:`predict`, :func:`group_weights`, :func:`fit_weighted`,
  :func:`measures_once`;
- :mod:`framing.models.embeddings`: the optional sentence-embeddings block
  (:class:`~framing.models.embeddings.SentenceEmbeddings`, extra ``embeddings``);
- :mod:`framing.models.inspect`: :func:`model_features`;
- :mod:`framing.models.persist`: :func:`save_model`, :func:`load_model` (through the trust
  policy of :mod:`framing.io.trust`).

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

from framing.models.build import TextColumns, make_classifier
from framing.models.evaluation import (
    cross_validate_model,
    evaluate,
    fit_weighted,
    group_weights,
    measures_once,
    predict,
)
from framing.models.inspect import model_features
from framing.models.labels import MIN_PER_CLASS, check_labels, labels_of, metrics
from framing.models.persist import FORMAT, load_model, save_model
from framing.models.tuning import MODELS

__all__ = [
    "FORMAT",
    "MIN_PER_CLASS",
    "MODELS",
    "TextColumns",
    "check_labels",
    "cross_validate_model",
    "evaluate",
    "fit_weighted",
    "group_weights",
    "labels_of",
    "load_model",
    "make_classifier",
    "measures_once",
    "metrics",
    "model_features",
    "predict",
    "save_model",
]
