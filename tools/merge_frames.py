"""Merge the two coders' generic-frame codes into the development set (issue 16).

Usage (from the repository root)::

    python tools/merge_frames.py tests/dev/frames

Reads ``coder-a-batch-*.tsv`` and ``coder-b-batch-*.tsv`` (19 yes/no answers an article,
CODEBOOK.md), and ``resolved-*.tsv`` (a third reader's answer to each question the two
coders answered differently: ``id``, ``question``, ``answer``). Prints Cohen's kappa for
every question and for every frame (present when at least half its questions are yes), and
writes ``frames.tsv``: the article's id, outlet, leaning, topic and split (from
``articles.jsonl``, drawn by ``tools/draw_frames_devset.py``), both coders' answers
(``a_C1`` ...), the label of each question (their answer where they agree, the third reading
where they do not, empty while unresolved) and each frame's score and presence.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score

FRAMES = {
    "conflict": ["C1", "C2", "C3", "C4"],
    "human_interest": ["H1", "H2", "H3", "H4"],
    "economic": ["E1", "E2", "E3"],
    "morality": ["M1", "M2", "M3"],
    "responsibility": ["R1", "R2", "R3", "R4", "R5"],
}
QUESTIONS = [q for qs in FRAMES.values() for q in qs]


def coder(folder: Path, name: str) -> pd.DataFrame:
    parts = [
        pd.read_csv(p, sep="\t", dtype={"id": str})
        for p in sorted(folder.glob(f"coder-{name}-batch-*.tsv"))
    ]
    table = pd.concat(parts, ignore_index=True).set_index("id")
    if table.index.duplicated().any() or list(table.columns) != QUESTIONS:
        raise SystemExit(f"coder {name}: repeated ids or columns other than {QUESTIONS}")
    if not table.isin([0, 1]).all().all():
        raise SystemExit(f"coder {name}: answers other than 0 and 1")
    return table


def present(answers: pd.DataFrame, questions: list[str]) -> pd.Series:
    return (answers[questions].mean(axis=1) >= 0.5).astype(int)


def main(folder: Path) -> None:
    articles = pd.read_json(folder / "articles.jsonl", lines=True, dtype={"id": str}).set_index(
        "id"
    )
    a, b = coder(folder, "a"), coder(folder, "b")
    both = a.index.intersection(b.index)
    a, b = a.loc[both], b.loc[both]
    print(f"{len(both)} articles coded by both, {articles.loc[both, 'outlet'].nunique()} outlets")
    for frame, questions in FRAMES.items():
        kappas = ", ".join(f"{q} {cohen_kappa_score(a[q], b[q]):.2f}" for q in questions)
        pa, pb = present(a, questions), present(b, questions)
        print(
            f"{frame:<15} present: kappa {cohen_kappa_score(pa, pb):.3f}, agreement "
            f"{(pa == pb).mean():.3f}, prevalence {pa.mean():.2f}/{pb.mean():.2f}; {kappas}"
        )
    label = a.where(a == b)
    for path in sorted(folder.glob("resolved-*.tsv")):
        resolved = pd.read_csv(path, sep="\t", dtype={"id": str})
        for row in resolved.itertuples():
            if row.id in label.index and pd.isna(label.at[row.id, row.question]):
                label.at[row.id, row.question] = int(row.answer)
    open_ = int(label.isna().sum().sum())
    out = articles.loc[both, ["outlet", "leaning", "topic", "split"]].copy()
    for q in QUESTIONS:
        out[f"a_{q}"], out[f"b_{q}"] = a[q], b[q]
    for q in QUESTIONS:
        out[q] = label[q].astype("Int64")
    if not open_:
        for frame, questions in FRAMES.items():
            out[f"{frame}_score"] = label[questions].mean(axis=1).round(3)
            out[frame] = present(label, questions)
    header = (folder / "CODEBOOK.md").read_text(encoding="utf-8").splitlines()
    with open(folder / "frames.tsv", "w", encoding="utf-8") as f:
        f.write("".join(f"# {line}\n" for line in header))
        out.reset_index().to_csv(f, sep="\t", index=False)
    print(f"wrote {folder / 'frames.tsv'}; {open_} answers still to resolve")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
