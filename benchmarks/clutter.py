"""Throughput of ``find_clutter_all`` beside a bare ``re.findall(r"\\w+")`` pass.

    python benchmarks/clutter.py [N_ARTICLES]

Uses ../shared/data/allsides when present, else the shipped sample. Prints articles/s and
MB/s for both passes over the same bodies, in the same run, and their ratio (above 1 means
finding the clutter is faster than the bare tokenising pass); the bodies go in batches of
2,000, as ``extract_features`` gives them.
"""

from __future__ import annotations

import sys

from throughput import bare_pass, load_bodies, timed

from framing.measures.clutter import find_clutter_all


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    texts, source = load_bodies(limit)
    print(f"{len(texts):,} bodies from {source}")
    bare = bare_pass(texts)
    batches = lambda ts: [find_clutter_all(ts[i : i + 2000]) for i in range(0, len(ts), 2000)]  # noqa: E731
    timed("find_clutter_all", batches, texts, bare)


if __name__ == "__main__":
    main()
