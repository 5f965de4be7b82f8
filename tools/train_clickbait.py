"""Train the clickbait model shipped in framing/measures/headline/data/ (deterministic).

Data: Chakraborty et al. 2016, "Stop Clickbait" (ASONAM), MIT licence,
github.com/bhargaviparanjape/clickbait, as ../shared/data/clickbait/headlines.tsv.gz
(columns ``headline``, ``clickbait``); and, as distant supervision, every AllSides headline
(Baly et al. 2020, ../shared/data/allsides) as not clickbait: news desks rarely write
clickbait, and without news headlines the model reads any news headline unlike the Stop
Clickbait data's as clickbait. Headlines of the development set
(``tests/dev/headlines/headlines.tsv``) are left out, so its figures stay honest. Writes
``clickbait.skops`` and its provenance ``clickbait.json`` (rows, 10-fold stratified CV
accuracy on the Stop Clickbait rows, this script's path).

Run from the repository root::

    PYTHONPATH=$PWD python tools/train_clickbait.py [path/to/shared/data]
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pandas as pd
from devset import read
from shipping import ship
from sklearn.model_selection import StratifiedKFold, cross_val_score

from framing.measures.headline import CLICKBAIT_MODEL, clickbait_pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = next(
    (p / "shared" / "data" for p in REPO.parents if (p / "shared" / "data").is_dir()), None
)
DEFAULT = SHARED or REPO.parent / "shared" / "data"
DEV = REPO / "tests" / "dev" / "headlines" / "headlines.tsv"


def training_data(shared: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Stop Clickbait rows, and the AllSides headlines as not clickbait, less the dev set."""
    held = set(read(DEV)["headline"])
    data = pd.read_csv(shared / "clickbait" / "headlines.tsv.gz", sep="\t")
    data = data[~data["headline"].isin(held)]
    news = pd.read_json(shared / "allsides" / "articles.jsonl.gz", lines=True)["headline"]
    news = news.dropna().drop_duplicates()
    news = news[news.str.strip().ne("") & ~news.isin(held) & ~news.isin(data["headline"])]
    return data, pd.DataFrame({"headline": news, "clickbait": 0})


def main(shared: Path = DEFAULT) -> None:
    data, news = training_data(shared)
    X, y = data["headline"].fillna("").astype(str), data["clickbait"].astype(int)
    folds = StratifiedKFold(n_splits=10, shuffle=True, random_state=0)
    scores = cross_val_score(clickbait_pipeline(), X, y, cv=folds, scoring="accuracy")
    both = pd.concat([data, news], ignore_index=True)
    model = clickbait_pipeline().fit(both["headline"].astype(str), both["clickbait"].astype(int))
    provenance = {
        "what": "P(clickbait) of a headline: hashed (2**17, framing.measures.headline.hashing.NgramHasher) TF-IDF "
        "word 1-2-grams + char_wb 3-5-grams of the lower-cased headline, logistic regression "
        "C=10 (text only, no other headline feature; case is ignored because Title Case marks "
        "the clickbait rows)",
        "source": "Chakraborty, Paranjape, Kakarla & Ganguly 2016, 'Stop Clickbait: Detecting "
        "and preventing clickbaits in online news media', ASONAM; "
        "https://github.com/bhargaviparanjape/clickbait; and, as not clickbait (distant "
        "supervision), the headlines of Baly et al. 2020, 'We Can Detect Your Bias' (EMNLP), "
        "https://github.com/ramybaly/Article-Bias-Prediction",
        "licence": "MIT (the Stop Clickbait data); Apache-2.0 (the AllSides repository; "
        "headlines belong to their publishers and only hashed n-gram weights are shipped)",
        "rows": int(len(data)),
        "positives": int(y.sum()),
        "news_rows": int(len(news)),
        "left_out": "the headlines of tests/dev/headlines/headlines.tsv",
        "data_sha256": hashlib.sha256(
            (shared / "clickbait" / "headlines.tsv.gz").read_bytes()
        ).hexdigest(),
        "training_script": "tools/train_clickbait.py",
        "cv": "10-fold stratified, shuffle, random_state=0, on the Stop Clickbait rows only",
        "cv_accuracy_mean": round(float(scores.mean()), 4),
        "cv_accuracy_std": round(float(scores.std()), 4),
    }
    ship(model, CLICKBAIT_MODEL, provenance)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
