"""Throughput of the ``headline`` family beside bare ``re.findall(r"\\w+")`` passes.

    PYTHONPATH=$PWD python benchmarks/headline.py [N] [REPEATS]

N AllSides articles (default 2000, ``sample(N, random_state=0)``; the shipped sample when
../shared/data is absent), loaded with :func:`framing.load_corpus`. Every timing is the best
of REPEATS runs (default 3) in the same process: the bare pass over the articles' bodies, the
bare pass over their headlines, the whole family (``compute`` on a fresh
:class:`~framing.features.context.Context` each run) and its parts (the spans as ``compute``
finds them and one headline at a time, the clickbait model, the headline token counts, the
yes/no answers). The one-off loading of the model and cue patterns is
timed separately and left out of the family's time. Prints headlines/s and the ratio of the
family's time to each bare pass (the body ratio is the one issue #9 budgets: target <= 0.12).
"""

from __future__ import annotations

import re
import sys
import time

import pandas as pd
from throughput import ALLSIDES, best

import framing
from framing.features import Context, family
from framing.measures import headline as H
from framing.text import Docs

WORDS = re.compile(r"\w+").findall


def main(n: int = 2000, repeats: int = 3) -> None:
    df = pd.read_json(ALLSIDES, lines=True)
    df = framing.load_corpus(
        df.sample(min(n, len(df)), random_state=0)[["outlet", "headline", "body"]]
    )
    heads, bodies = df["headline"].tolist(), df["body"].tolist()
    texts = [h if isinstance(h, str) else "" for h in heads]
    print(f"{len(df):,} articles from {ALLSIDES}; best of {repeats} runs")

    start = time.perf_counter()
    H.clickbait_model(), H.cues(), H.acronyms(), H.patterns()
    print(f"one-off loading (model, cues, patterns): {time.perf_counter() - start:.3f} s")

    bare_body = best(lambda: [WORDS(t) for t in bodies], repeats)
    bare_head = best(lambda: [WORDS(t) for t in texts], repeats)
    compute = family("headline").compute
    family_time = best(lambda: compute(Context(heads, bodies)), repeats)
    unique = list(dict.fromkeys(texts))
    questions = [
        (s.text, b)
        for h, b in zip(texts, bodies, strict=True)
        for s in H.headline_spans(h)
        if s.kind == "yesno_question"
    ]
    parts = {
        "spans one by one": best(lambda: [H.headline_spans(t) for t in unique], repeats),
        "clickbait": best(lambda: H.clickbait(texts), repeats),
        "headline n_tokens": best(lambda: Docs(heads).n_tokens, repeats),
        f"{len(questions)} yes/no answers": best(
            lambda: [H.yesno_answered(q, b) for q, b in questions], repeats
        ),
    }

    if hasattr(H, "batch_spans"):
        parts["spans (batch, as compute)"] = best(lambda: H.batch_spans(unique), repeats)

    def line(label: str, secs: float) -> None:
        print(
            f"{label:<28} {secs:8.4f} s {len(df) / secs:>10,.0f} headlines/s"
            f"   x body pass {secs / bare_body:6.3f}   x headline pass {secs / bare_head:6.2f}"
        )

    line("bare pass over bodies", bare_body)
    line("bare pass over headlines", bare_head)
    line("headline family", family_time)
    for label, secs in parts.items():
        line(f"  {label}", secs)
    print(
        f"headline family / bare body pass = {family_time / bare_body:.3f} (target <= 0.12); "
        f"bare body pass / family = {bare_body / family_time:.2f}"
    )


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
