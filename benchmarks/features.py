"""Throughput of the feature families beside a bare tokenise pass over the same texts.

Usage: ``python benchmarks/features.py [N] [ROUNDS]`` (N AllSides articles, default 5000;
ROUNDS, default 3; the shipped sample when ../shared/data is absent). For each line it
times, in turn, the bare ``re.findall(r"\\w+")`` pass over the same bodies and the work
itself, ROUNDS times, and prints the best of each with their ratio: the shared tokenisation
alone; the ``loaded``, ``voice`` and ``sourcing`` families (with the clutter spans they
leave out); the default set without the ``frames`` family (what the frames cost); the
whole default feature set through ``extract_features`` on the corpus as
``load_corpus`` gives it (tidied text); and the same on the frame as ``pandas.read_json``
reads it from the file, untidied, which is what many users pass. Every round starts from
the raw texts: nothing is cached between rounds or lines.
"""

from __future__ import annotations

import re
import sys

import pandas as pd
from throughput import ALLSIDES, best

import framing
from framing.features import Context, family, resolve
from framing.text import Docs


def tokens_counts_sentences(texts: list[str]) -> None:
    docs = Docs(texts)
    _ = docs.counts, docs.n_sentences


def loaded_voice_sourcing(df: pd.DataFrame) -> None:
    ctx = Context(df.headline.tolist(), df.body.tolist())
    for name in ("loaded", "voice", "sourcing"):
        family(name).compute(ctx)


def main(n: int = 5000, rounds: int = 3) -> None:
    raw = pd.read_json(ALLSIDES, lines=True)
    raw = raw.sample(min(n, len(raw)), random_state=0)[["headline", "body"]]
    df = framing.load_corpus(raw)
    texts = df.body.tolist()
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{len(df):,} articles ({mb:.1f} MB of bodies) from {ALLSIDES}; best of {rounds}")
    framing.extract_features(df.head(50))  # load lexicons and models outside the timings
    findall = re.compile(r"\w+").findall
    but_frames = [f for f in resolve("default") if f != "frames"]
    lines = {
        "tokens, counts, sentences": lambda: tokens_counts_sentences(texts),
        "loaded + voice + sourcing": lambda: loaded_voice_sourcing(df),
        "default set but frames": lambda: framing.extract_features(df, but_frames),
        "whole default feature set": lambda: framing.extract_features(df),
        "the same, frame as read": lambda: framing.extract_features(raw),
    }
    for label, fn in lines.items():
        bare = ours = float("inf")
        for _ in range(rounds):  # alternate, so both see the machine in the same state
            bare = min(bare, best(lambda: [findall(t) for t in texts], 1))
            ours = min(ours, best(fn, 1))
        print(
            f"{label:<27} {len(texts) / ours:>7,.0f} articles/s {mb / ours:>6.1f} MB/s"
            f"   bare pass {len(texts) / bare:>7,.0f} articles/s   ratio {bare / ours:.2f}"
        )


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
