"""Draw dense samples for story matching: every AllSides article of five days (issue 17).

Usage (from the repository root, with ../shared/data present)::

    python tools/draw_story_weeks.py ../shared/data tests/dev/stories/weeks 2026 \
        tests/dev/stories/days tests/dev/stories/days-2
    python tools/draw_story_weeks.py ../shared/data tests/dev/stories/weeks-2 2027 \
        tests/dev/stories/days tests/dev/stories/days-2 tests/dev/stories/weeks

Editors' roundups group the articles of three outlets about one event, many events a day,
over months; the AllSides corpus is largely made of those articles, about eleven a day. The
roundup-like samples of ``draw_story_days.py`` keep three outlets over two days, where a
day holds only a few events. These samples keep the density a matcher meets in a roundup
corpus: 12 windows of ``DAYS`` consecutive days, each at least a week from the other
windows and from every day of the folders named after the seed, with every dated article of
every outlet in the window (windows of 30 to 99 articles). Judges group each window's
articles by event (``CODEBOOK.md``, as for the roundup-like samples). A window is ``tune``
or ``heldout`` by the parity of its number. Writes ``articles.tsv`` and, for the judges,
``days.txt`` (git-ignored); the samples are ``w00``, ``w01``, ... and, when ``weeks``
folders are among those avoided, ``x00``, ... for the second draw.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
from draw_story_days import GAP_DAYS, dated, sample_rows, taken_days, write

WINDOWS = 12
DAYS = 5
SIZE = (30, 99)


def main(shared: Path, out: Path, seed: int, avoid: tuple[Path, ...]) -> None:
    df = dated(shared)
    per_day = df.groupby("day").size()
    taken = taken_days(avoid)
    rng = np.random.default_rng(seed)
    chosen: list[pd.Timestamp] = []
    for start in rng.permutation(per_day.index.to_numpy()):
        start = pd.Timestamp(start)
        end = start + pd.Timedelta(days=DAYS - 1)
        size = int(per_day[start:end].sum())
        far = all(
            (c - end).days >= GAP_DAYS or (start - c).days >= GAP_DAYS
            for c in taken + [d + pd.Timedelta(days=k) for d in chosen for k in range(DAYS)]
        )
        if far and SIZE[0] <= size <= SIZE[1]:
            chosen.append(start)
        if len(chosen) == WINDOWS:
            break
    prefix = "wxyz"[sum(f.name.startswith("weeks") for f in avoid)]
    rows = []
    for k, start in enumerate(sorted(chosen)):
        inside = df["day"].between(start, start + pd.Timedelta(days=DAYS - 1))
        picked = df[inside].sort_values(["day", "outlet", "id"])
        rows += sample_rows(picked, f"{prefix}{k:02d}", "tune" if k % 2 == 0 else "heldout")
    write(pd.DataFrame(rows), out)


if __name__ == "__main__":
    main(
        Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), tuple(Path(a) for a in sys.argv[4:])
    )
