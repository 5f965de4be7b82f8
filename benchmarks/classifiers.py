"""Classifier benchmarks on the shared data: accuracy/macro-F1 and throughput.

Tasks (each prints its figures, a TF-IDF + logistic regression baseline measured in the same
run, articles/s and the ratio to a bare ``re.findall(r"\\w+")`` pass over the same text):

- ``clickbait``: Chakraborty et al. 2016 headlines, 10-fold stratified CV (paper: 93% accuracy).
- ``leaning``: AllSides (Baly et al. 2020) media split: train on ``split == "train"``,
  evaluate on ``split == "valid"``, whose outlets are not in training (paper's BERT: 35.5
  macro-F1).
- ``measures``: AllSides leaning from the interpretable framing measures alone.

Usage::

    PYTHONPATH=. python benchmarks/classifiers.py [clickbait|leaning|measures ...]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

from framing.corpus import load_corpus
from framing.models import cross_validate_model, evaluate, make_classifier

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
if not DATA.exists():  # a worktree sits one level deeper than the main checkout
    DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def _words_rate(df: pd.DataFrame, text: list[str]) -> float:
    """Rows per second of a bare ``re.findall(r"\\w+")`` pass over the text columns."""
    pattern = re.compile(r"\w+")
    start = time.perf_counter()
    for column in text:
        for value in df[column]:
            pattern.findall(value)
    return len(df) / (time.perf_counter() - start)


def _line(name: str, m: dict, rows: int, seconds: float, bare: float) -> None:
    rate = rows / seconds
    print(
        f"  {name:<38} accuracy {m['accuracy']:.4f}  macro-F1 {m['macro_f1']:.4f}  "
        f"{seconds:7.1f} s  {rate:8.0f} rows/s  (bare \\w+ pass {bare:,.0f}/s, "
        f"ratio {bare / rate:,.0f}x)",
        flush=True,
    )


def clickbait() -> None:
    path = DATA / "clickbait" / "headlines.tsv.gz"
    df = load_corpus(path)
    bare = _words_rate(df, ["headline"])
    mb = df["headline"].str.len().sum() / 1e6
    print(f"clickbait: {len(df):,} headlines ({mb:.1f} MB), 10-fold stratified CV; paper: 0.93")
    for name, clf in (
        ("TF-IDF words + LR (baseline)", make_classifier(text="headline", features=None)),
        ("measures + TF-IDF words + LR", make_classifier(text="headline")),
    ):
        start = time.perf_counter()
        m = cross_validate_model(clf, df, label="clickbait", cv=10)
        _line(name, m, 10 * len(df), time.perf_counter() - start, bare)


def _allsides() -> tuple[pd.DataFrame, pd.DataFrame]:
    df = load_corpus(DATA / "allsides" / "articles.jsonl.gz")
    train, valid = df[df["split"] == "train"], df[df["split"] == "valid"]
    print(
        f"AllSides media split: train {len(train):,} articles / {train.outlet.nunique()} outlets, "
        f"valid {len(valid):,} / {valid.outlet.nunique()} outlets (outlet names in both: "
        f"{len(set(train.outlet) & set(valid.outlet))}); paper's BERT: 35.5 macro-F1"
    )
    return train, valid


def _fit_evaluate(name: str, clf, train, valid, bare: float) -> dict:
    start = time.perf_counter()
    clf.fit(train, train["leaning"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = evaluate(clf, valid, "leaning")
    _line(name, m, len(train) + len(valid), time.perf_counter() - start, bare)
    print(f"    confusion {m['confusion']['labels']}: {m['confusion']['matrix']}", flush=True)
    return m


# pruned vocabularies (terms in 5+ articles, 300k per column) keep each AllSides fit to minutes
WORDS = {"min_df": 5, "max_features": 300_000, "C": 1.0}


def leaning() -> None:
    train, valid = _allsides()
    bare = _words_rate(pd.concat([train, valid]), ["headline", "body"])
    for name, clf in (
        ("TF-IDF words + LR (baseline)", make_classifier(features=None, **WORDS)),
        ("measures + TF-IDF words + LR", make_classifier(**WORDS)),
    ):
        _fit_evaluate(name, clf, train, valid, bare)


def headlines() -> None:
    """Leaning from the headline alone: cheap, and less tied to each outlet's page furniture."""
    train, valid = _allsides()
    bare = _words_rate(pd.concat([train, valid]), ["headline"])
    for name, clf in (
        (
            "headline TF-IDF + LR (baseline)",
            make_classifier(text="headline", features=None, **WORDS),
        ),
        ("measures + headline TF-IDF + LR", make_classifier(text="headline", **WORDS)),
    ):
        _fit_evaluate(name, clf, train, valid, bare)


def measures() -> None:
    train, valid = _allsides()
    bare = _words_rate(pd.concat([train, valid]), ["headline", "body"])
    _fit_evaluate(
        "framing measures only + LR", make_classifier(word_ngrams=None), train, valid, bare
    )


TASKS = {"clickbait": clickbait, "leaning": leaning, "headlines": headlines, "measures": measures}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tasks", nargs="*", choices=[*TASKS, []], default=list(TASKS))
    args = parser.parse_args()
    if not DATA.exists():
        print(f"{DATA} not present: the benchmarks need the shared data", file=sys.stderr)
        return 2
    for task in args.tasks or TASKS:
        TASKS[task]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
