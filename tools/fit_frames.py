"""Fit the rates of the frame scores (``framing/measures/frames/weights.json``) (issue 16).

Usage (from the repository root, with ../shared/data present: the texts are read by id)::

    python tools/fit_frames.py tests/dev/frames

For every codebook question, the rates of its cues are the non-negative ``r`` that maximise
the likelihood of the coders' answers (``frames.tsv``) under ``P(yes) = 1 - exp(-r . n)``,
``n`` the article's counted cue hits (headline and body, as ``framing.features.frames``
counts them), with a small ridge (``RIDGE``). Only the articles of the tuning outlets are
read; the held-out outlets stay for ``benchmarks/validity.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from devset import coded_articles
from scipy.optimize import minimize

from framing.features.context import Context
from framing.features.frames import cue_counts
from framing.io.atomic import atomic_path
from framing.measures.frames import QUESTIONS

RIDGE = 0.01
REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "framing" / "measures" / "frames" / "weights.json"


def development_set(folder: Path) -> pd.DataFrame:
    """The coded articles with their texts (:func:`devset.coded_articles`)."""
    return coded_articles(folder, "frames.tsv", REPO.parent / "shared" / "data")


def fit_rates(counts: np.ndarray, answers: np.ndarray) -> np.ndarray:
    """Non-negative rates maximising the noisy-or likelihood of ``answers`` (0/1)."""

    def loss(r: np.ndarray) -> tuple[float, np.ndarray]:
        z = counts @ r
        p = -np.expm1(-z)  # P(yes)
        # log P(yes) for answered, -z for not answered; gradients by hand
        ll = np.where(answers == 1, np.log(np.maximum(p, 1e-12)), -z).sum()
        dz = np.where(answers == 1, np.exp(-z) / np.maximum(p, 1e-12), -1.0)
        return -ll + RIDGE * r @ r, -(counts.T @ dz) + 2 * RIDGE * r

    start = np.full(counts.shape[1], 0.1)
    bounds = [(0.0, None)] * counts.shape[1]
    return np.asarray(minimize(loss, start, jac=True, bounds=bounds, method="L-BFGS-B").x)


def main(folder: Path) -> None:
    dev = development_set(folder)
    tune = dev[dev["split"] == "tune"]
    counts = cue_counts(Context(tune["headline"].tolist(), tune["body"].tolist()))
    rates = {}
    for q, spec in QUESTIONS.items():
        r = fit_rates(counts[list(spec.cues)].to_numpy(float), tune[q].to_numpy())
        rates[q] = {c: round(float(x), 4) for c, x in zip(spec.cues, r, strict=True)}
    out = {
        "description": "rates of the frame cues per codebook question: P(yes) = 1 - exp(-sum rate * hits)",
        "source": "fitted by tools/fit_frames.py to the question labels of tests/dev/frames/frames.tsv (tuning outlets only)",
        "articles": len(tune),
        "outlets": int(tune["outlet"].nunique()),
        "ridge": RIDGE,
        "licence": "BSD-3-Clause (as the package)",
        "rates": rates,
    }
    with atomic_path(OUT) as tmp:
        Path(tmp).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/dev/frames"))
