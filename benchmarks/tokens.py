"""Throughput of the one-pass tokeniser beside a bare ``re.findall(r"\\w+")`` pass.

    python benchmarks/tokens.py [N_ARTICLES]

Uses ../shared/data/allsides when present, else the shipped sample. Prints articles/s and
MB/s for both passes over the same texts, in the same run, and their ratio.
"""

from __future__ import annotations

import sys

from throughput import bare_pass, load_bodies, timed

from framing.text import Docs, count_matrix, sentences


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    texts, source = load_bodies(limit)
    print(f"{len(texts):,} articles from {source}")
    warm = Docs(["Warm up: imports and character tables, once a process."])
    _ = warm.counts, warm.sentences
    bare = bare_pass(texts)
    timed("Docs: tokens and offsets", lambda ts: Docs(ts).token_columns, texts, bare)
    timed("count_matrix (tokens + matrix)", count_matrix, texts, bare)
    timed("Docs: sentences of the batch", lambda ts: Docs(ts).sentences, texts, bare)
    timed("sentences, one text at a time", lambda ts: [sentences(t) for t in ts], texts, bare)


if __name__ == "__main__":
    main()
