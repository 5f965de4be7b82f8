"""The generic-frames family: the codebook's cues, the scores, the evidence, bad input."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from conftest import CASES, coded_set

import framing
from framing.features import labels, numeric
from framing.features.context import Context
from framing.features.frames import article_spans, cue_counts
from framing.measures.frames import (
    CUE_NAMES,
    CUES,
    FRAMES,
    QUESTIONS,
    analyse,
    frame_scores,
    lexicon,
    question_probabilities,
    weights,
)

COLUMNS = [f"frames_{f}" for f in FRAMES]
GOLD = json.loads((CASES / "frames.json").read_text(encoding="utf-8"))["cases"]


def scores_of(texts: list[str], headlines: list[str] | None = None) -> pd.DataFrame:
    df = pd.DataFrame({"headline": headlines or [""] * len(texts), "body": texts})
    return framing.extract_features(df, "frames")


@pytest.mark.parametrize("case", GOLD, ids=[c["text"][:30] for c in GOLD])
def test_gold_passages_score_their_frame_highest(case):
    row = scores_of([case["text"]]).iloc[0]
    if case["strongest"] == "none":
        assert row[COLUMNS].tolist() == [0.0] * 5
        assert row.frames_dominant == "none"
    else:
        values = row[COLUMNS].astype(float)
        assert values.idxmax() == f"frames_{case['strongest']}", values.to_dict()


def test_every_lexicon_category_is_a_cue_and_every_cue_serves_a_question():
    assert set(lexicon().categories) == set(CUE_NAMES) - {"amount"}
    served = {c for q in QUESTIONS.values() for c in q.cues}
    assert served == set(CUE_NAMES)
    assert {CUES[c].frame for q in QUESTIONS.values() for c in q.cues} == set(FRAMES)
    for q, spec in QUESTIONS.items():
        assert all(CUES[c].frame == spec.frame for c in spec.cues), q


def test_shipped_rates_are_non_negative_and_cover_each_questions_cues():
    rates = weights()["rates"]
    assert set(rates) == set(QUESTIONS)
    for q, spec in QUESTIONS.items():
        assert set(rates[q]) == set(spec.cues)
        assert all(r >= 0 for r in rates[q].values())
    assert weights()["articles"] > 100 and "tuning outlets" in weights()["source"]


def test_scores_are_the_noisy_or_of_the_rates_computed_by_hand():
    counts = np.zeros((1, len(CUE_NAMES)))
    counts[0, CUE_NAMES.index("reproach")] = 2
    counts[0, CUE_NAMES.index("sides")] = 1
    r = weights()["rates"]
    by_hand = {
        "C1": 1 - math.exp(-r["C1"]["sides"]),
        "C2": 1 - math.exp(-2 * r["C2"]["reproach"]),
        "C3": 1 - math.exp(-r["C3"]["sides"]),
        "C4": 0.0,
    }
    p = question_probabilities(counts)[0]
    for j, q in enumerate(QUESTIONS):
        assert p[j] == pytest.approx(by_hand.get(q, 0.0))
    conflict = frame_scores(counts)[0, FRAMES.index("conflict")]
    assert conflict == pytest.approx(sum(by_hand.values()) / 4)


def test_first_person_counts_inside_quotes_and_prescriptions_outside():
    own = cue_counts(Context([""], ["I think my plan works. We should act."])).iloc[0]
    quoted = cue_counts(Context([""], ['"I think my plan works. We should act," he said.'])).iloc[0]
    assert own.voice == 0 and quoted.voice == 2  # I, my: inside quotes only
    assert own.prescription == 2 and quoted.prescription == 0  # should, we should


def test_clutter_is_left_out_of_the_cues():
    body = "Officials met on Monday.\n\nREAD MORE: Democrats slam Republicans over budget crisis"
    counts = cue_counts(Context([""], [body])).iloc[0]
    assert counts.government == 1  # "Officials"
    assert counts.reproach == 0 and counts.sides == 0 and counts.cost == 0


def test_evidence_spans_are_the_counted_cues(express):
    headline, _, body = express.partition("\n")
    spans = article_spans(headline, body)
    assert spans, "the example article has frame cues"
    counts = cue_counts(Context([headline], [body])).iloc[0]
    seen = pd.Series([s.label.split(" ")[0] for _, s in spans]).value_counts()
    assert seen.reindex(CUE_NAMES, fill_value=0).tolist() == counts[list(CUE_NAMES)].tolist()
    for field, s in spans:
        text = headline if field == "headline" else body
        assert text[s.start : s.end] == s.text
        assert s.kind.removeprefix("frame_") in FRAMES


def test_explain_shows_frame_evidence(express):
    e = framing.explain(express)
    kinds = set(e.spans["kind"])
    assert any(k.startswith("frame_") for k in kinds)


def test_example_article_scores(express):
    headline, _, body = express.partition("\n")
    row = scores_of([body], [headline]).iloc[0]
    assert all(0.0 <= row[c] <= 1.0 for c in COLUMNS)
    # Putin against the protesters: disagreement, reproach and sides are plain
    assert row.frames_conflict >= 0.5 and row.frames_dominant == "conflict"


@pytest.mark.parametrize(
    "body",
    ["", "   \n\n ", "!!! ??? ...", '"' + "We are here and we will stay here, " * 200 + '"'],
    ids=["empty", "blank", "no sentences", "one long quote"],
)
def test_bad_bodies_score_without_error(body):
    row = scores_of([body]).iloc[0]
    assert all(0.0 <= row[c] <= 1.0 for c in COLUMNS)
    if not body.strip(' \n!?."'):
        assert row[COLUMNS].tolist() == [0.0] * 5


def test_headline_only_corpus_is_scored_from_the_headline():
    df = pd.DataFrame(
        {"headline": ["Republicans slam Democrats over $2 billion budget", "Weather"]}
    )
    out = framing.extract_features(df, "frames")
    assert out.loc[0, "frames_conflict"] > 0 and out.loc[0, "frames_economic"] > 0
    assert out.loc[1, COLUMNS].tolist() == [0.0] * 5


def test_dominant_is_a_categorical_label_left_out_of_models():
    out = scores_of(["Critics blamed Democrats.", ""])
    assert isinstance(out["frames_dominant"].dtype, pd.CategoricalDtype)
    assert list(out["frames_dominant"].cat.categories) == list(labels("frames")["frames_dominant"])
    assert out["frames_dominant"].tolist()[1] == "none"
    assert "frames_dominant" not in numeric("default")
    ff = framing.FramingFeatures(features="frames").fit(["x"])
    assert "frames_dominant" not in ff.get_feature_names_out()
    assert ff.transform(["Critics blamed Democrats."]).dtype == float


def test_frames_are_in_the_default_set():
    assert "frames" in framing.features.resolve("default")


def test_record_counts_equal_one_analysis_per_batch():
    texts = ["Critics blamed the mayor.", "", "Jobs and the economy."]
    batch = analyse(texts).counts()
    single = np.vstack([analyse([t]).counts() for t in texts])
    assert (batch == single).all()


@pytest.fixture(scope="module")
def coded():
    """The 320 hand-coded articles of tests/dev/frames, their texts read by id from
    ../shared (they are not shipped)."""
    return coded_set("frames", "frames.tsv")


@pytest.mark.slow
def test_held_out_auc_of_the_scores(coded):
    """The issue's bar, on our own held-out outlets: mean AUC >= 0.80, none below 0.72."""
    from sklearn.metrics import roc_auc_score

    held = coded[coded["split"] == "heldout"]
    out = framing.extract_features(held[["headline", "body"]], "frames")
    auc = [roc_auc_score(held[f], out[f"frames_{f}"]) for f in FRAMES]
    assert np.mean(auc) >= 0.80 and min(auc) >= 0.72, dict(zip(FRAMES, auc, strict=True))


@pytest.mark.slow
def test_a_trained_frames_model_on_held_out_outlets(coded):
    """Issue 19's multi-label task on our codes, 5-fold within the 147 articles of the outlets
    held out from tuning the frames rules: the text part alone (headline and body read as
    one text) at least 0.80 mean AUC (the folds' mean; 0.844 measured, 0.830 pooled; 0.683
    pooled when each column was normalised alone), the default model with the measures at
    least 0.78 (0.857 measured, 0.847 pooled; 0.798 pooled with the measures' weight fixed
    at 1.5, when they cost 0.029 here: the figure moves by 0.02 with small changes of the
    measures)."""
    from framing.models import cross_validate_model, make_classifier

    held, labels = coded[coded["split"] == "heldout"], ",".join(FRAMES)
    text = cross_validate_model(
        make_classifier(features=None, multi_label=True), held, label=labels, cv=5
    )
    ours = cross_validate_model(make_classifier(multi_label=True), held, label=labels, cv=5)
    assert text["mean_auc"] >= 0.80 and ours["mean_auc"] >= 0.78, (ours, text)


def test_a_moral_dictionary_of_your_own_counts_as_moral_vocabulary(tmp_path):
    """A LIWC-style .dic (the form the Moral Foundations Dictionary comes in), made up here."""
    dic = tmp_path / "foundations.dic"
    dic.write_text(
        "%\n1\tcare.virtue\n2\tpurity.vice\n%\nnurtur*\t1\ndefile*\t2\n", encoding="utf-8"
    )
    df = pd.DataFrame(
        {"headline": ["", ""], "body": ["They nurture and defile.", "Markets rose on jobs data."]},
        index=["a", "b"],
    )
    plain = framing.extract_features(df, "frames")
    own = framing.features.frames.with_morality(df, str(dic))
    assert list(own.columns) == list(plain.columns) and list(own.index) == ["a", "b"]
    assert plain.at["a", "frames_morality"] == 0.0 < own.at["a", "frames_morality"]
    # the other frames and the article without dictionary words are as before
    others = [c for c in COLUMNS if c != "frames_morality"]
    assert own[others].equals(plain[others])
    assert own.loc["b", COLUMNS].tolist() == plain.loc["b", COLUMNS].tolist()
