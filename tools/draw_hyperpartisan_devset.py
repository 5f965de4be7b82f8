"""Draw the hyperpartisan development set that two coders label (issue 19).

Usage (from the repository root, with ../shared/data present)::

    python tools/draw_hyperpartisan_devset.py ../shared/data tests/dev/hyperpartisan/articles.jsonl

480 AllSides articles (seed 2027), headline and body with clutter removed, bodies of 150 to
1,000 words (coders read each whole), at most 4 per outlet so that some 200 outlets come in,
a third from each leaning; ``split`` by the same hash of the outlet as the other development
sets. Written as :func:`draw_frames_devset.draw` writes them: the texts and three batches for
the coders, without the outlet. Only the ids and labels ship (``hyperpartisan.tsv``); the
texts are read by id from ../shared/data (``devset.coded_articles``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from draw_frames_devset import draw

N, PER_OUTLET, BATCHES, WORDS = 480, 4, 3, (150, 1000)


def main(shared: Path, out: Path, seed: int = 2027) -> None:
    draw(
        shared,
        out,
        n=N,
        per_outlet=PER_OUTLET,
        batches=BATCHES,
        seed=seed,
        words=WORDS,
        thirds=True,
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
