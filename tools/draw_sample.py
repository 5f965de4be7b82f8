"""Draw the shipped sample corpus from the AllSides/Baly et al. 2020 articles.

Writes corpora/sample/articles.jsonl.gz (described in corpora/sample/DATASHEET.md).
Run from the repository root (needs ../shared/data/allsides/articles.jsonl.gz):

    python tools/draw_sample.py ../shared/data/allsides/articles.jsonl.gz

The draw is seeded, so the same input gives the same sample.
"""

import gzip
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

OUTLETS = [  # left, center and right, with visibly different house styles
    "CNN (Web News)",
    "Vox",
    "The Guardian",
    "NPR Online News",
    "BBC News",
    "Reuters",
    "Washington Times",
    "National Review",
    "Fox Online News",
    "Breitbart News",
]
PER_OUTLET = 60
N_TOPICS = 12  # the most common topics, so outlets can be compared within topic
SEED = 2022
FIELDS = ["id", "outlet", "leaning", "topic", "date", "url", "headline", "body"]


OUT = Path(__file__).resolve().parents[1] / "corpora" / "sample" / "articles.jsonl.gz"


def main(source: str, out: Path = OUT) -> None:
    with gzip.open(source, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    topics = {t for t, _ in Counter(r["topic"] for r in rows).most_common(N_TOPICS)}
    pool = defaultdict(list)
    for r in rows:
        if (
            r["outlet"] in OUTLETS
            and r["topic"] in topics
            and r["headline"].strip()
            and 400 <= len(r["body"]) <= 20_000
        ):
            pool[r["outlet"]].append(r)
    rng = random.Random(SEED)
    sample = []
    for outlet in OUTLETS:
        candidates = sorted(pool[outlet], key=lambda r: r["id"])
        sample += rng.sample(candidates, PER_OUTLET)
    with gzip.GzipFile(out, "wb", mtime=0) as f:
        for r in sample:
            f.write((json.dumps({k: r[k] for k in FIELDS}, ensure_ascii=False) + "\n").encode())
    print(f"wrote {len(sample)} articles from {len(OUTLETS)} outlets to {out}")


if __name__ == "__main__":
    main(sys.argv[1])
