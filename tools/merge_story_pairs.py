"""Merge the two judges' story-pair answers into the development set (issue 17).

Usage (from the repository root)::

    python tools/merge_story_pairs.py tests/dev/stories

Reads ``coder-a-*.tsv`` and ``coder-b-*.tsv`` (``pair``, ``same``: CODEBOOK.md) and
``resolved.tsv`` (a third reading of each pair they answered differently: ``pair``,
``same``, ``reading``). Prints Cohen's kappa, overall and per similarity band, lists the
disagreements still unresolved, and writes ``judged.tsv``: ``pairs.tsv`` with both answers
(``a``, ``b``) and the label ``same`` (their answer where they agree, the third reading
where they do not; empty while unresolved).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score


def coder(folder: Path, name: str) -> pd.Series:
    parts = [
        pd.read_csv(p, sep="\t", dtype={"pair": str})
        for p in sorted(folder.glob(f"coder-{name}-*.tsv"))
    ]
    table = pd.concat(parts, ignore_index=True)
    if table["pair"].duplicated().any():
        raise SystemExit(f"coder {name}: pairs answered twice")
    return table.set_index("pair")["same"].astype(int)


def settled(pairs: pd.DataFrame, resolved: Path, keys: list[str]) -> pd.Series:
    """Each pair's label: the two answers ``a`` and ``b`` where they agree, else the third
    reading recorded in ``resolved`` (pairs named by the ``keys`` columns); NaN while
    unresolved."""
    same = pairs["a"].where(pairs["a"] == pairs["b"])
    if resolved.exists():
        third = pd.read_csv(resolved, sep="\t", dtype=dict.fromkeys(keys, str))
        reading = third.set_index(keys)["same"].reindex(pd.MultiIndex.from_frame(pairs[keys]))
        same = same.fillna(pd.Series(reading.to_numpy(), index=pairs.index))
    return same


def main(folder: Path) -> None:
    pairs = pd.read_csv(folder / "pairs.tsv", sep="\t", dtype={"pair": str, "band": str})
    a, b = coder(folder, "a"), coder(folder, "b")
    pairs = pairs.assign(a=pairs["pair"].map(a), b=pairs["pair"].map(b))
    missing = pairs[pairs[["a", "b"]].isna().any(axis=1)]
    if len(missing):
        raise SystemExit(f"{len(missing)} pairs lack an answer: {missing['pair'].head().tolist()}")
    print(
        f"kappa {cohen_kappa_score(pairs['a'], pairs['b']):.3f} over {len(pairs)} pairs; "
        f"agreement {(pairs['a'] == pairs['b']).mean():.3f}"
    )
    for band, g in pairs.groupby("band"):
        print(
            f"  band {band}: n {len(g)}, yes a {g['a'].mean():.2f} b {g['b'].mean():.2f}, "
            f"agree {(g['a'] == g['b']).mean():.2f}"
        )
    pairs["same"] = settled(pairs, folder / "resolved.tsv", ["pair"])
    left = pairs[pairs["same"].isna()]["pair"].tolist()
    print(f"{len(left)} disagreements unresolved" + (f": {' '.join(left)}" if left else ""))
    pairs["same"] = pairs["same"].astype("Int64")
    pairs.to_csv(folder / "judged.tsv", sep="\t", index=False)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/dev/stories"))
