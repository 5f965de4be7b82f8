"""Time of each stage of ``framing report`` beside a bare ``re.findall(r"\\w+")`` pass.

    python benchmarks/report.py [CORPUS] [--limit N] [--by outlet]

CORPUS defaults to the shipped sample; ../shared/data/allsides/articles.jsonl.gz is the
36,254-article target (10 minutes). Prints wall and CPU seconds per stage, articles/s and
the ratio to the findall pass over the same bodies, measured in the same run.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

import framing
from framing.report.analysis import ReportData, classifier_sample, prepare, split_constant
from framing.report.render import write_report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--by", default="outlet")
    args = parser.parse_args()

    t0 = time.perf_counter()
    df = framing.load_corpus(args.corpus) if args.corpus else framing.load_sample()
    if args.limit:
        df = df.head(args.limit)
    print(
        f"corpus: {len(df):,} articles, {df[args.by].nunique()} groups "
        f"(load {time.perf_counter() - t0:.1f} s)"
    )
    mb = df["body"].fillna("").str.len().sum() / 1e6

    clock = [time.perf_counter(), time.process_time()]
    rows = []

    def lap(stage: str) -> None:
        wall, cpu = time.perf_counter() - clock[0], time.process_time() - clock[1]
        rows.append((stage, wall, cpu))
        clock[:] = [time.perf_counter(), time.process_time()]

    for body in df["body"].fillna(""):
        re.findall(r"\w+", body)
    lap("re.findall")
    df, notes = prepare(df, args.by)
    feats = framing.extract_features(df)
    lap("features")
    measures, _ = split_constant(feats)
    table = df[[args.by]].join(feats[measures])
    comparison = framing.compare_outlets(table, by=args.by, measures=measures)
    lap("compare_outlets")
    terms = framing.distinguishing_terms(df, by=args.by)
    lap("distinguishing_terms")
    classifier = framing.outlet_classifier(classifier_sample(table, args.by, 0, notes), by=args.by)
    lap("outlet_classifier")
    data = ReportData(
        df, feats, comparison, args.by, terms=terms, classifier=classifier, notes=notes
    )
    with tempfile.TemporaryDirectory() as tmp:
        write_report(data, Path(tmp) / "report.html")
    lap("figures + HTML")

    base = rows[0][1]
    total = sum(r[1] for r in rows[1:])
    print(f"{'stage':22s} {'wall s':>8s} {'cpu s':>8s} {'articles/s':>11s} {'x findall':>10s}")
    for stage, wall, cpu in rows + [("report total", total, sum(r[2] for r in rows[1:]))]:
        print(f"{stage:22s} {wall:8.1f} {cpu:8.1f} {len(df) / wall:11,.0f} {wall / base:10.0f}")
    print(
        f"{mb:.1f} MB of body text: report at {mb / total:.2f} MB/s, "
        f"findall at {mb / base:.1f} MB/s"
    )


if __name__ == "__main__":
    main()
