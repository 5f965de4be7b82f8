"""Clickbait detection, 10-fold cross-validated, on Chakraborty et al.'s 2016 headlines.

    PYTHONPATH=$PWD python benchmarks/clickbait.py [path/to/headlines.tsv.gz]

Four models, same folds (stratified, shuffled, random_state=0), same run:

1. the baseline: TF-IDF word unigrams + logistic regression (scikit-learn defaults);
2. the headline features alone (logistic regression on standardised columns);
3. the shipped text model (:func:`framing.measures.headline.clickbait_pipeline`:
   hashed word 1-2-grams and character 3-5-grams);
4. that model plus the headline features (questions, teasers, listicle, caps, ...,
   standardised). ``headline_clickbait`` itself is left out: it was fitted on all these rows.

The paper reports 93% accuracy (Chakraborty et al. 2016, ASONAM).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import framing
from framing.measures.headline import clickbait_pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = next(
    (p / "shared" / "data" for p in REPO.parents if (p / "shared" / "data").is_dir()), None
)


def main(path: Path) -> None:
    data = pd.read_csv(path, sep="\t")
    text, y = data["headline"].fillna("").astype(str), data["clickbait"].astype(int)
    t0 = time.perf_counter()
    feats = framing.extract_features(pd.DataFrame({"headline": text}), "headline")
    feats = feats.drop(columns=["headline_clickbait", "gap_yesno_answered"])
    print(f"headline features for {len(text):,} headlines: {time.perf_counter() - t0:.1f} s")
    X = pd.concat([text.rename("text"), feats], axis=1)
    text_model = clickbait_pipeline()
    combined = make_pipeline(
        ColumnTransformer(
            [
                ("text", text_model.steps[0][1], "text"),
                ("headline", StandardScaler(), list(feats.columns)),
            ]
        ),
        LogisticRegression(C=10.0, max_iter=3000),
    )
    folds = StratifiedKFold(n_splits=10, shuffle=True, random_state=0)
    models = {
        "baseline: TF-IDF words + logistic regression": (
            make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000)),
            text,
        ),
        "headline features alone (standardised)": (
            make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
            feats,
        ),
        "shipped: hashed word 1-2 + char 3-5 grams": (text_model, text),
        "shipped + headline features": (combined, X),
    }
    print(f"{len(data):,} headlines, {int(y.sum()):,} clickbait; 10-fold stratified CV accuracy")
    for name, (model, inputs) in models.items():
        t0 = time.perf_counter()
        scores = cross_val_score(model, inputs, y, cv=folds, scoring="accuracy")
        print(
            f"{name:<48} {scores.mean():.4f} ± {scores.std():.4f}"
            f"  ({time.perf_counter() - t0:.0f} s)",
            flush=True,
        )


if __name__ == "__main__":
    default = (SHARED / "clickbait" / "headlines.tsv.gz") if SHARED else None
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    if path is None or not path.exists():
        sys.exit("clickbait data not found: pass the path to headlines.tsv.gz")
    main(path)
