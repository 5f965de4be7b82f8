"""Merge two labellers' codes into a development set: agreement, resolution, one data file.

Usage (from the repository root)::

    python tools/merge_labels.py SAMPLE.tsv A.tsv B.tsv CODEBOOK.md OUT.tsv [RESOLVED.tsv]

``SAMPLE.tsv`` holds the rows as drawn (``id`` and their other columns), ``A.tsv`` and
``B.tsv`` each labeller's codes: ``id``, one 0/1 column per label, optionally a category
column that qualifies the first label (``kind``: coded only when the label is 1) and a
marks column (``words``: ``" | "``-separated words copied from the row), and ``note``.
Prints Cohen's kappa and raw agreement per label (and for the category, over the rows both
coded 1). Without ``RESOLVED.tsv`` it writes the rows where the labellers disagree (on a
label, or on the category of a row both coded 1), with both codes and notes, to
``OUT.disagreements.tsv`` for resolution by the codebook; with it (``id``, the label
columns and the category, for those rows), it writes ``OUT``: the codebook as ``#`` lines at
the top, then the sample's columns, the resolved codes, and each labeller's codes
(``a_<column>``, ``b_<column>``). The resolved marks are the union of both labellers'
marks on a row resolved to 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from devset import read
from sklearn.metrics import cohen_kappa_score

CATEGORY, MARKS = "kind", "words"
SEP = " | "


def _union(*marks: str) -> str:
    seen = dict.fromkeys(w.strip() for m in marks for w in m.split(SEP) if w.strip())
    return SEP.join(seen)


def main(sample: Path, a: Path, b: Path, codebook: Path, out: Path, resolved: Path | None) -> None:
    rows = read(sample)
    left, right = read(a).set_index("id"), read(b).set_index("id")
    labels = [c for c in left.columns if c not in ("note", CATEGORY, MARKS)]
    coded = [*labels, *(c for c in (CATEGORY, MARKS) if c in left.columns)]
    for name, codes in (("A", left), ("B", right)):
        missing = set(rows["id"]) - set(codes.index)
        if missing or codes.index.duplicated().any():
            raise SystemExit(f"labeller {name}: {len(missing)} ids missing or duplicated")
    left, right = left.loc[rows["id"]], right.loc[rows["id"]]
    print(f"{len(rows)} rows; labels: {', '.join(labels)}")
    for label in labels:
        x, y = left[label].astype(int), right[label].astype(int)
        print(
            f"  {label:<16} kappa {cohen_kappa_score(x, y):.3f}   agreement {(x == y).mean():.3f}"
            f"   A {x.sum()} / B {y.sum()} positives"
        )
    differ = (left[labels].astype(int).to_numpy() != right[labels].astype(int).to_numpy()).any(
        axis=1
    )
    if CATEGORY in left.columns:
        both = (left[labels[0]].astype(int) == 1) & (right[labels[0]].astype(int) == 1)
        x, y = left.loc[both, CATEGORY], right.loc[both, CATEGORY]
        print(
            f"  {CATEGORY:<16} kappa {cohen_kappa_score(x, y):.3f}   agreement "
            f"{(x == y).mean():.3f}   over the {int(both.sum())} rows both coded {labels[0]}"
        )
        differ |= (both & (left[CATEGORY] != right[CATEGORY])).to_numpy()
    if resolved is None:
        todo = rows[differ].set_index("id")
        for prefix, codes in (("a", left), ("b", right)):
            todo = todo.join(codes[[*coded, "note"]].add_prefix(f"{prefix}_"))
        target = out.with_suffix(".disagreements.tsv")
        todo.reset_index().to_csv(target, sep="\t", index=False)
        print(f"{int(differ.sum())} rows disagree -> {target}")
        return
    final = left[coded].copy()
    fixed = read(resolved).set_index("id")
    if set(fixed.index) != set(rows["id"][differ]):
        raise SystemExit("the resolved file must hold exactly the rows that disagree")
    decided = [c for c in coded if c != MARKS]
    final.loc[fixed.index, decided] = fixed[decided]
    if MARKS in coded:
        positive = final[labels[0]].astype(int) == 1
        final[MARKS] = [
            _union(x, y) if p else ""
            for x, y, p in zip(left[MARKS], right[MARKS], positive, strict=True)
        ]
    merged = rows.set_index("id").join(final)
    for prefix, codes in (("a", left), ("b", right)):
        merged = merged.join(codes[coded].add_prefix(f"{prefix}_"))
    header = "".join(f"# {line}\n" if line else "#\n" for line in codebook.read_text().splitlines())
    with open(out, "w", encoding="utf-8") as f:
        f.write(header)
        merged.reset_index().to_csv(f, sep="\t", index=False)
    print(f"{int(differ.sum())} disagreements resolved; wrote {out}")


if __name__ == "__main__":
    args = [Path(x) for x in sys.argv[1:]]
    main(*args[:5], args[5] if len(args) > 5 else None)
