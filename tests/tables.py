"""Small tidy tables shaped like the outputs of framing.compare / framing.terms, for tests.

They are hand-made fixtures with fixed numbers (not computed statistics), so the plots and
the report can be tested without the statistics modules.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

OUTLETS = ["Fox News", "CNN (Online News)", "Reuters", "Breitbart News", "The Guardian"]
MEASURES = [
    "clutter_ad_share",
    "clutter_newsletter_share",
    "clutter_social_share",
    "clutter_share",
    "headline_media_tag",
    "headline_question",
    "headline_teaser",
    "headline_yesno_question",
    "loaded_language",
    "style_words",
]


def compare_table(outlets=OUTLETS, measures=MEASURES, seed: int = 1) -> pd.DataFrame:
    """A comparison table: one row per outlet x measure, with the contract's columns."""
    rng = np.random.default_rng(seed)
    rows = []
    for m in measures:
        scale = 500.0 if m == "style_words" else 0.3
        for g in outlets:
            mean = float(rng.uniform(0, 1) * scale)
            half = float(rng.uniform(0.05, 0.2) * scale)
            q = float(rng.choice([0.001, 0.03, 0.2, 0.8]))
            rows.append(
                {
                    "group": g,
                    "measure": m,
                    "n": int(rng.integers(20, 80)),
                    "mean": mean,
                    "median": mean,
                    "ci_low": max(mean - half, 0.0),
                    "ci_high": mean + half,
                    "kruskal_h": 12.0,
                    "kruskal_p": 0.01,
                    "mwu_u": 100.0,
                    "mwu_p": q / 2,
                    "q": q,
                    "cliffs_delta": float(rng.uniform(-0.6, 0.6)),
                }
            )
    return pd.DataFrame(rows)


def terms_table(outlets=OUTLETS, top: int = 12) -> pd.DataFrame:
    words = "putin ukraine war protest police border tax biden senate vote economy crisis".split()
    rows = []
    for i, g in enumerate(outlets):
        for j in range(top):
            term = words[(i + j) % len(words)] + ("" if j % 3 else " said")
            rows.append(
                {
                    "group": g,
                    "term": term,
                    "count": 50 - j,
                    "count_rest": 10 + j,
                    "log_odds": 1.5 - 0.1 * j,
                    "z": 6.0 - 0.4 * j,
                }
            )
    return pd.DataFrame(rows)


def classifier_result() -> dict:
    scores = pd.DataFrame(
        {
            "metric": ["accuracy", "macro_f1"],
            "mean": [0.41, 0.38],
            "std": [0.03, 0.04],
            "chance": [0.2, 0.2],
        }
    )
    imp = pd.DataFrame(
        {
            "measure": MEASURES,
            "importance_mean": np.linspace(0.1, 0.01, len(MEASURES)),
            "importance_std": 0.005,
        }
    )
    return {"scores": scores, "importance": imp}


def analysis(by: str = "outlet", outlets=OUTLETS):
    """A small :class:`framing.report.analysis.ReportData` built from the fixtures above.

    The Express article is one of the bodies, and one headline is an HTML injection attempt.
    """
    from framing.corpus.load import load_example
    from framing.report.analysis import ReportData

    express = load_example()
    head, _, body = express.partition("\n")
    rng = np.random.default_rng(0)
    rows = []
    for g in outlets:
        for j in range(3):
            rows.append({by: g, "headline": f"Story {j} from {g}", "body": f"Body {j} of {g}."})
    rows[3]["headline"] = "<script>alert(1)</script>"
    rows[1].update(headline=head, body=body.strip())
    corpus = pd.DataFrame(rows)
    corpus.index.name = "id"
    features = pd.DataFrame(
        rng.uniform(size=(len(corpus), len(MEASURES))), columns=MEASURES, index=corpus.index
    )
    features.loc[[1, 3], "loaded_language"] = 5.0  # both are their outlet's example
    comparison = compare_table(outlets)
    comparison.attrs["method"] = "Fixture table with fixed numbers."
    return ReportData(
        corpus,
        features,
        comparison,
        by=by,
        terms=terms_table(outlets),
        classifier=classifier_result(),
        notes=["Left out 1 group(s): 'X <b>'."],
    )
