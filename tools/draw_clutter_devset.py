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

    python tools/draw_clutter_devset.py ../shared/data MORE.tsv PACKETS_DIR --more tests/dev/clutter/lines.tsv

With ``--wire tests/dev/clutter/lines.tsv tests/dev/clutter/lines_more.tsv`` it draws
articles carrying a news agency's copy or credits (:data:`WIRE`: "(AP)", "(Reuters)", "AP
Photo", "The Associated Press", "AFP" ...), which the draws above, one or two articles an
outlet, hold few of (wire copy gathers in a few outlets): 120 of the tuning outlets, to train
on, and 80 of the held-out outlets, to score (seed 2028, at most 8 per outlet, the articles
already drawn left out)::

    python tools/draw_clutter_devset.py ../shared/data WIRE.tsv PACKETS_DIR \
        --wire tests/dev/clutter/lines.tsv tests/dev/clutter/lines_more.tsv

The labellers read ``PACKETS_DIR/part1.txt``, ``part2.txt`` ... (150 articles each; 50 for
the wire draw): each article under a ``###`` header, one ``id<TAB>line`` row a line, lines
cut at 300 characters with `` [+N chars]`` after them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd
from devset import half, read

SHOWN = 300
MAX_LINES = 40
WIRE = (
    r"\((?:AP|Reuters|AFP)\)|\bAP Photo\b|\bThe Associated Press\b|\bReuters/"
    r"|Agence France-Presse|\bAFP\b"
)
"""A news agency's mark in a body: its dateline, a photo credit, its name."""
WIRE_DRAW = {"tune": 120, "heldout": 80}
WIRE_PER_OUTLET = 8


def _cut(line: str, n: int) -> str:
    return line if len(line) <= n else f"{line[:n]} [+{len(line) - n} chars]"


def write_packets(table: pd.DataFrame, folder: Path, per_part: int = 150) -> None:
    """The labellers' reading: the articles ``per_part`` at a time, each line cut at ``SHOWN``."""
    articles = list(dict.fromkeys(table["article"]))
    parts = [articles[i : i + per_part] for i in range(0, len(articles), per_part)]
    for k, part in enumerate(parts, 1):
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


def draw(articles: pd.DataFrame, more: Path | None, wire: list[Path]) -> pd.DataFrame:
    """The articles of the draw (see the module's docstring)."""
    if wire:
        seed = 2028
        done = {a for path in wire for a in read(path)["article"]}
        articles = articles[
            articles["body"].str.contains(WIRE, regex=True) & ~articles["id"].isin(done)
        ]
        shuffled = articles.sample(frac=1.0, random_state=seed)
        capped = shuffled.groupby("outlet").head(WIRE_PER_OUTLET)
        side = capped["outlet"].map(half)
        return pd.concat(
            [capped[side.eq(s)].sample(n, random_state=seed) for s, n in WIRE_DRAW.items()]
        )
    seed = 2026 if more is None else 2027
    if more is not None:  # a further draw for training: tuning outlets, other articles
        done = set(read(more)["article"])
        articles = articles[articles["outlet"].map(half).eq("tune") & ~articles["id"].isin(done)]
    drawn = (
        articles.sample(frac=1.0, random_state=seed)
        .groupby("outlet")
        .head(1 if more is None else 2)
    )
    return drawn.sample(300, random_state=seed)


def main(shared: Path, out: Path, packets: Path, more: Path | None, wire: list[Path]) -> None:
    articles = pd.read_json(shared / "allsides" / "articles.jsonl.gz", lines=True)
    articles = articles[articles["body"].fillna("").str.strip().ne("")]
    drawn = draw(articles, more, wire)
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
    write_packets(table, packets, 50 if wire else 150)
    print(
        f"{len(table)} lines, {table['article'].nunique()} articles, "
        f"{table['outlet'].nunique()} outlets; split: {table['split'].value_counts().to_dict()}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("packets", type=Path)
    parser.add_argument("--more", type=Path, help="the first draw (lines.tsv)")
    parser.add_argument("--wire", type=Path, nargs="+", default=[], help="the draws so far")
    args = parser.parse_args()
    main(args.shared, args.out, args.packets, args.more, args.wire)
