"""Throughput of the feature families beside a bare tokenise pass over the same texts.

Usage: ``python benchmarks/features.py [N]`` (N AllSides articles, default 5000; falls back
to the shipped sample when ../shared/data is absent). Prints articles/s, MB/s and the ratio
to ``re.findall(r"\\w+")`` over the same bodies in the same run for: the shared
tokenisation alone; the ``loaded``, ``voice`` and ``sourcing`` families (with the clutter
spans they leave out); and the whole default feature set through ``extract_features``.
Each line starts from fresh texts, so nothing is reused between lines.
"""

from __future__ import annotations

import sys

import pandas as pd
from throughput import ALLSIDES, bare_pass, timed

import framing
from framing.features import Context, family
from framing.text import Docs


def loaded_voice_sourcing(df: pd.DataFrame) -> None:
    ctx = Context(df.headline.tolist(), df.body.tolist())
    for name in ("loaded", "voice", "sourcing"):
        family(name).compute(ctx)


def main(n: int = 5000) -> None:
    df = pd.read_json(ALLSIDES, lines=True)
    df = framing.load_corpus(df.sample(min(n, len(df)), random_state=0)[["headline", "body"]])
    texts = df.body.tolist()
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{len(df):,} articles ({mb:.1f} MB of bodies) from {ALLSIDES}")
    framing.extract_features(df.head(50))  # load lexicons and models outside the timings
    bare = bare_pass(texts)
    timed("tokens, counts, sentences", lambda ts: Docs(ts).n_sentences, texts, bare)
    timed("loaded + voice + sourcing", lambda _: loaded_voice_sourcing(df), texts, bare)
    timed("whole default feature set", lambda _: framing.extract_features(df), texts, bare)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
