"""Draw the clutter development set that two labellers code line by line (issue 20).

Usage (from the repository root, with ../shared/data present)::

    python tools/draw_clutter_devset.py ../shared/data SAMPLE.tsv PACKETS_DIR

300 AllSides articles, seed 2026, at most one per outlet (so 300 outlets), every non-blank
line of each body as one row (``text``, stripped). Articles of more than 40 lines keep their
first 20 and last 20 lines (clutter gathers at both ends; ``lines`` gives the article's
count). ``split`` is ``tune`` or ``heldout`` by a hash of the outlet (the same hash as the
headline set), so no outlet is on both sides.

With ``--more tests/dev/clutter/lines.tsv`` it draws 300 further articles (seed 2027, at most
two per outlet) from the tuning outlets only, leaving out the articles already drawn: more
lines to train the line model on, never scored as held out::

    python tools/draw_clutter_devset.py ../shared/data MORE.tsv PACKETS_DIR --more tests/dev/clutter/lines.tsv The labellers read ``PACKETS_DIR/part1.txt``
and ``part2.txt`` (150 articles each): each article under a ``###`` header, one
``id<TAB>line`` row a line, lines cut at 300 characters with `` [+N chars]`` after them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
from devset import half, read

SHOWN = 300
MAX_LINES = 40


def _cut(line: str, n: int) -> str:
    return line if len(line) <= n else f"{line[:n]} [+{len(line) - n} chars]"


def write_packets(table: pd.DataFrame, folder: Path) -> None:
    """The labellers' reading: two halves of the articles, each line cut at ``SHOWN``."""
    articles = list(dict.fromkeys(table["article"]))
    middle = len(articles) // 2
    for k, part in enumerate((articles[:middle], articles[middle:]), 1):
        out = []
        for article, rows in table[table["article"].isin(part)].groupby("article", sort=False):
            n = rows["lines"].iloc[0]
            gap = (
                " (only the first 20 and last 20 lines are shown; the middle is omitted)"
                if n > MAX_LINES
                else ""
            )
            out.append(f"### article {article} · outlet {rows['outlet'].iloc[0]} · {n} lines{gap}")
            out += [f"{r.id}\t{_cut(r.text, SHOWN)}" for r in rows.itertuples()]
            out.append("")
        (folder / f"part{k}.txt").write_text("\n".join(out), encoding="utf-8")


def main(
    shared: Path, out: Path, packets: Path, seed: int = 2026, n: int = 300, more: Path | None = None
) -> None:
    articles = pd.read_json(shared / "allsides" / "articles.jsonl.gz", lines=True)
    articles = articles[articles["body"].fillna("").str.strip().ne("")]
    if more is not None:  # a further draw for training: tuning outlets, other articles
        drawn = set(read(more)["article"])
        articles = articles[articles["outlet"].map(half).eq("tune") & ~articles["id"].isin(drawn)]
    drawn = (
        articles.sample(frac=1.0, random_state=seed)
        .groupby("outlet")
        .head(1 if more is None else 2)
    )
    drawn = drawn.sample(n, random_state=seed)
    rows = []
    for art in drawn.itertuples():
        lines = [line.strip() for line in art.body.split("\n") if line.strip()]
        keep = list(range(len(lines)))
        if len(lines) > MAX_LINES:
            keep = keep[: MAX_LINES // 2] + keep[-MAX_LINES // 2 :]
        for i in keep:
            rows.append(
                {
                    "id": f"{art.id}:{i}",
                    "article": art.id,
                    "outlet": art.outlet,
                    "split": half(art.outlet),
                    "line": i,
                    "lines": len(lines),
                    "text": lines[i].replace("\t", " "),
                }
            )
    table = pd.DataFrame(rows)
    table.to_csv(out, sep="\t", index=False)
    write_packets(table, packets)
    print(
        f"{len(table)} lines, {table['article'].nunique()} articles, "
        f"{table['outlet'].nunique()} outlets; split: {table['split'].value_counts().to_dict()}"
    )


if __name__ == "__main__":
    if len(sys.argv) > 4:  # the training draw: ... --more tests/dev/clutter/lines.tsv
        main(
            Path(sys.argv[1]),
            Path(sys.argv[2]),
            Path(sys.argv[3]),
            seed=2027,
            more=Path(sys.argv[5]),
        )
    else:
        main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
