"""Throughput of the feature families beside a bare tokenise pass over the same texts.

Usage: ``python benchmarks/features.py [N] [ROUNDS] [--against COMMIT]`` (N AllSides
articles, default 5000; ROUNDS, default 3; the shipped sample when ../shared/data is
absent). For each line it times, in turn, the bare ``re.findall(r"\\w+")`` pass over the
same bodies and the work itself, ROUNDS times, and prints the best of each with their
ratio: the shared tokenisation alone; the ``loaded``, ``voice`` and ``sourcing`` families
(with the clutter spans they leave out); the default set without the ``frames`` family
(what the frames cost); the whole default feature set through ``extract_features`` on the
corpus as ``load_corpus`` gives it (tidied text); and the same on the frame as
``pandas.read_json`` reads it from the file, untidied, which is what many users pass. Every
round starts from the raw texts: nothing is cached between rounds or lines.

Ratios move with the machine (numpy-heavy stages and the bare regex pass do not speed up
alike), so a ratio measured on another machine is no baseline. ``--against COMMIT`` then
runs this benchmark as it was at ``COMMIT`` too, right after, on the same articles (a
temporary git worktree, with ../shared/data linked beside it), and prints both.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

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


def against(commit: str, n: int, rounds: int) -> None:
    """Run ``benchmarks/features.py`` as it was at ``commit`` on the same ``n`` articles."""
    repo = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        git = ["git", "-C", str(repo)]
        subprocess.run([*git, "worktree", "add", "-q", "--detach", str(tree), commit], check=True)
        try:
            if ALLSIDES.name == "articles.jsonl.gz" and ALLSIDES.parents[2].name == "shared":
                (Path(tmp) / "shared").symlink_to(ALLSIDES.parents[2])  # found as ../shared
            print(f"\nat {commit}:", flush=True)
            env = {**os.environ, "PYTHONPATH": str(tree)}
            script = [sys.executable, "benchmarks/features.py", str(n), str(rounds)]
            subprocess.run(script, cwd=tree, env=env, check=True)
        finally:
            subprocess.run([*git, "worktree", "remove", "--force", str(tree)], check=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=5000)
    parser.add_argument("rounds", nargs="?", type=int, default=3)
    parser.add_argument("--against", metavar="COMMIT", help="also time this commit's code")
    args = parser.parse_args()
    if args.against:
        print("this checkout:")
    main(args.n, args.rounds)
    if args.against:
        against(args.against, args.n, args.rounds)
