"""Throughput of ``find_clutter`` beside a bare ``re.findall(r"\\w+")`` pass.

    python benchmarks/clutter.py [N_ARTICLES]

Uses ../shared/data/allsides when present, else the shipped sample. Prints articles/s and
MB/s for both passes over the same bodies, in the same run, and their ratio (above 1 means
``find_clutter`` is faster than the bare tokenising pass). The result cache of
``find_clutter`` is bypassed so every body is really scanned.
"""

from __future__ import annotations

import sys

from throughput import bare_pass, load_bodies, timed

from framing.clutter import _find, load_rules


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    texts, source = load_bodies(limit)
    print(f"{len(texts):,} bodies from {source}")
    rules = load_rules()
    bare = bare_pass(texts)
    timed("find_clutter", lambda ts: [_find(t, rules) for t in ts], texts, bare)


if __name__ == "__main__":
    main()
