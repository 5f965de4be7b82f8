"""Merge two labellers' codes into a development set: agreement, resolution, one data file.

Usage (from the repository root)::

    python tools/merge_labels.py SAMPLE.tsv A.tsv B.tsv CODEBOOK.md OUT.tsv [RESOLVED.tsv]

``SAMPLE.tsv`` holds the rows as drawn (``id`` and their other columns), ``A.tsv`` and
``B.tsv`` each labeller's codes (``id`` and one 0/1 column per label, ``note`` optional).
Prints Cohen's kappa and raw agreement per label. Without ``RESOLVED.tsv`` it writes the
rows where the labellers disagree to ``OUT.disagreements.tsv`` for resolution by the
codebook; with it (``id`` and the label columns, for those rows), it writes ``OUT.tsv``:
the codebook as ``#`` lines at the top, then the sample's columns, the resolved labels,
and each labeller's codes (``a_<label>``, ``b_<label>``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score


def read(path: Path) -> pd.DataFrame:
    """A tab-separated file, skipping leading ``#`` lines (a codebook at the top)."""
    with open(path, encoding="utf-8") as f:
        skip = 0
        for line in f:
            if not line.startswith("#"):
                break
            skip += 1
    return pd.read_csv(path, sep="\t", skiprows=skip, keep_default_na=False, dtype={"id": str})


def main(sample: Path, a: Path, b: Path, codebook: Path, out: Path, resolved: Path | None) -> None:
    rows = read(sample)
    left, right = read(a).set_index("id"), read(b).set_index("id")
    labels = [c for c in left.columns if c != "note"]
    for name, coded in (("A", left), ("B", right)):
        missing = set(rows["id"]) - set(coded.index)
        if missing or coded.index.duplicated().any():
            raise SystemExit(f"labeller {name}: {len(missing)} ids missing or duplicated")
    left, right = left.loc[rows["id"]], right.loc[rows["id"]]
    print(f"{len(rows)} rows; labels: {', '.join(labels)}")
    for label in labels:
        x, y = left[label].astype(int), right[label].astype(int)
        kappa = cohen_kappa_score(x, y)
        print(
            f"  {label:<16} kappa {kappa:.3f}   agreement {(x == y).mean():.3f}   "
            f"A {x.sum()} / B {y.sum()} positives"
        )
    differ = (left[labels].astype(int).to_numpy() != right[labels].astype(int).to_numpy()).any(
        axis=1
    )
    if resolved is None:
        todo = rows[differ][["id", "headline"]] if "headline" in rows else rows[differ][["id"]]
        target = out.with_suffix(".disagreements.tsv")
        todo.to_csv(target, sep="\t", index=False)
        print(f"{int(differ.sum())} rows disagree -> {target}")
        return
    final = left[labels].astype(int).copy()
    fixed = read(resolved).set_index("id")
    if set(fixed.index) != set(rows["id"][differ]):
        raise SystemExit("the resolved file must hold exactly the rows that disagree")
    final.loc[fixed.index, labels] = fixed[labels].astype(int)
    merged = rows.set_index("id").join(final)
    for prefix, coded in (("a", left), ("b", right)):
        merged = merged.join(coded[labels].astype(int).add_prefix(f"{prefix}_"))
    header = "".join(f"# {line}\n" if line else "#\n" for line in codebook.read_text().splitlines())
    with open(out, "w", encoding="utf-8") as f:
        f.write(header)
        merged.reset_index().to_csv(f, sep="\t", index=False)
    print(f"{int(differ.sum())} disagreements resolved; wrote {out}")


if __name__ == "__main__":
    args = [Path(x) for x in sys.argv[1:]]
    main(*args[:5], args[5] if len(args) > 5 else None)
