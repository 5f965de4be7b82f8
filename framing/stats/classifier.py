"""How well the interpretable measures alone tell groups of articles apart.

:func:`outlet_classifier` scores a standardised multinomial logistic regression on the
measures under cross-validation, beside chance baselines, and ranks the measures by
permutation importance on the held-out folds.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from framing.errors import ParameterError
from framing.stats.schema import group_key, measure_columns

__all__ = ["outlet_classifier"]


def outlet_classifier(
    features: pd.DataFrame,
    by: str | pd.Series = "outlet",
    *,
    measures: Iterable[str] | None = None,
    cv: int = 5,
    n_repeats: int = 5,
    seed: int = 0,
) -> dict[str, pd.DataFrame]:
    """How well the interpretable measures alone tell the groups apart, and which matter.

    A standardised multinomial logistic regression (missing values imputed by the
    training-fold median) is scored under stratified ``cv``-fold cross-validation, beside
    two chance baselines. Permutation importance is measured on each held-out fold (the
    drop in accuracy when one measure's values are shuffled) and averaged over folds.

    Parameters
    ----------
    features : pandas.DataFrame
        Measures and, unless ``by`` is a Series, the grouping column.
    by : str or pandas.Series, default "outlet"
        What to predict: outlets, leanings, ... Rows without a value are left out.
    measures : list of str, optional
        Default: every numeric column except ``by``.
    cv : int, default 5
        Folds; lowered to the size of the smallest group (at least 2 are needed).
    n_repeats : int, default 5
        Shuffles per measure and fold for the permutation importance.
    seed : int, default 0
        Seed of the folds and of the permutations.

    Returns
    -------
    dict
        ``"scores"``: DataFrame indexed by ``model`` (``"measures"``: the classifier;
        ``"majority"``: always the largest group, fitted in the same folds;
        ``"uniform"``: guessing each of the k groups with probability 1/k: accuracy
        1/k, macro-F1 from each class's expected precision (its share) and recall
        (1/k)) with columns ``accuracy``, ``accuracy_std``, ``macro_f1``,
        ``macro_f1_std`` (std over folds).
        ``"importance"``: DataFrame with columns ``measure``, ``importance_mean``,
        ``importance_std`` (accuracy drop, std over folds and repeats), sorted by
        decreasing importance.

    Raises
    ------
    ParameterError
        With fewer than 2 groups of at least 2 articles (``parameter="by"``).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(0)
    >>> f = pd.DataFrame({"outlet": np.repeat(["a", "b"], 50),
    ...                   "signal": np.repeat([0.0, 1.0], 50) + rng.normal(0, 0.3, 100),
    ...                   "noise": rng.normal(size=100)})
    >>> res = outlet_classifier(f, cv=5)
    >>> bool(res["scores"].loc["measures", "accuracy"] > res["scores"].loc["majority", "accuracy"])
    True
    >>> res["importance"]["measure"].iloc[0]
    'signal'
    """
    from sklearn.base import clone
    from sklearn.dummy import DummyClassifier
    from sklearn.impute import SimpleImputer
    from sklearn.inspection import permutation_importance
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    group = group_key(features, by)
    names = measure_columns(features, measures, (by,))
    keep = group.notna().to_numpy()
    X = features.loc[keep, names].astype(float)
    y = group[keep].astype(str).to_numpy()
    labels, counts = np.unique(y, return_counts=True)
    if len(labels) < 2 or counts.min() < 2:
        raise ParameterError(
            "outlet_classifier needs at least 2 groups with at least 2 articles each in by=; "
            f"found {dict(zip(labels.tolist(), counts.tolist(), strict=True))}",
            parameter="by",
        )
    folds = StratifiedKFold(n_splits=min(cv, int(counts.min())), shuffle=True, random_state=seed)
    models = {
        "measures": make_pipeline(
            SimpleImputer(strategy="median", keep_empty_features=True),
            StandardScaler(),
            LogisticRegression(max_iter=2000),
        ),
        "majority": DummyClassifier(strategy="most_frequent"),
    }
    scores: dict[str, list[tuple[float, float]]] = {name: [] for name in models}
    drops: list[np.ndarray] = []
    for train, test in folds.split(X, y):
        for name, model in models.items():
            fitted = clone(model).fit(X.iloc[train], y[train])
            pred = fitted.predict(X.iloc[test])
            scores[name].append(
                (
                    accuracy_score(y[test], pred),
                    f1_score(y[test], pred, average="macro", zero_division=0),
                )
            )
            if name == "measures":
                imp = permutation_importance(
                    fitted,
                    X.iloc[test],
                    y[test],
                    scoring="accuracy",
                    n_repeats=n_repeats,
                    random_state=seed,
                )
                drops.append(imp.importances)
    table: dict[str, dict[str, float]] = {
        name: {
            "accuracy": float(np.mean([a for a, _ in s])),
            "accuracy_std": float(np.std([a for a, _ in s])),
            "macro_f1": float(np.mean([f for _, f in s])),
            "macro_f1_std": float(np.std([f for _, f in s])),
        }
        for name, s in scores.items()
    }
    # guessing uniformly: recall 1/k for every class, precision = the class's share
    k, share = len(labels), counts / counts.sum()
    table["uniform"] = {
        "accuracy": 1 / k,
        "accuracy_std": 0.0,
        "macro_f1": float(np.mean(2 * share / k / (share + 1 / k))),
        "macro_f1_std": 0.0,
    }
    scores_df = pd.DataFrame.from_dict(table, orient="index").rename_axis("model")
    drop = np.concatenate(drops, axis=1)  # measures x (folds * repeats)
    importance = pd.DataFrame(
        {"measure": names, "importance_mean": drop.mean(1), "importance_std": drop.std(1)}
    )
    importance = importance.sort_values("importance_mean", ascending=False, kind="stable")
    return {"scores": scores_df, "importance": importance.reset_index(drop=True)}
