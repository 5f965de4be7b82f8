"""The headline family: gold cases, the Express headline, the sample, bad input, clickbait."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import framing
from framing.features import headline as H
from tests.conftest import CASES

GOLD = json.loads((CASES / "headlines.json").read_text(encoding="utf-8"))
BINARY = ["question", *[k for k in H.DEVICES if k != "caps_words"]]
DEVICES = ["question", *H.DEVICES]


def _devices(row: pd.Series) -> set[str]:
    return {d for d in DEVICES if row[f"headline_{d}"] > 0}


def _case_params():
    for i, case in enumerate(GOLD["cases"]):
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        yield pytest.param(case, id=f"{i:03d}", marks=marks)


@pytest.fixture(scope="module")
def gold_features():
    heads = [c["headline"] for c in GOLD["cases"]]
    return framing.extract_features(pd.DataFrame({"headline": heads}), "headline")


def test_gold_file_is_complete():
    codebook, cases = GOLD["codebook"], GOLD["cases"]
    assert set(DEVICES) <= set(codebook)
    assert len(cases) >= 80
    assert len({c["headline"] for c in cases}) == len(cases)
    for case in cases:
        assert set(case["devices"]) <= set(DEVICES), case
        questions = {"yesno_question", "wh_question"} & set(case["devices"])
        assert ("question" in case["devices"]) == bool(questions), case
    passing = [c for c in cases if "xfail" not in c]
    for device in DEVICES:  # a positive and a negative for every device
        labels = {device in c["devices"] for c in passing}
        assert labels == {True, False}, device


@pytest.mark.parametrize("case", list(_case_params()))
def test_gold_case(case, gold_features):
    i = GOLD["cases"].index(case)
    assert _devices(gold_features.iloc[i]) == set(case["devices"]), case["headline"]


def test_columns_and_spans_agree(gold_features):
    for i, case in enumerate(GOLD["cases"]):
        spans = framing.headline_spans(case["headline"])
        for s in spans:  # every span is the text at its offsets, of a known kind
            assert case["headline"][s.start : s.end] == s.text and s.kind in H.DEVICES
        kinds = {s.kind for s in spans}
        for kind in H.DEVICES:
            assert (gold_features.iloc[i][f"headline_{kind}"] > 0) == (kind in kinds)
    caps = gold_features["headline_caps_words"]
    assert caps.max() >= 1 and set(caps.unique()) <= {0.0, 1.0, 2.0}


def test_rare_columns_vary_on_gold(gold_features):
    for column in H.RARE:
        assert gold_features[column].nunique() == 2


def test_express_headline(express, express_body):
    headline = express.splitlines()[0]
    spans = framing.headline_spans(headline)
    assert [(s.kind, s.text.strip()) for s in spans] == [
        ("yesno_question", "Is Putin losing his grip?"),
        ("media_tag", "– VIDEO"),
    ]
    row = framing.extract_features(
        pd.DataFrame({"headline": [headline], "body": [express_body]}), "headline"
    ).iloc[0]
    assert _devices(row) == {"question", "yesno_question", "media_tag"}
    assert row.headline_words == 14
    assert 0 < row.headline_clickbait < 1


def test_features_vary_over_the_sample(sample):
    feats = framing.extract_features(sample, "headline")
    assert list(feats.columns) == list(H.COLUMNS)
    constant = [c for c in feats.columns if feats[c].nunique() < 2 and c not in H.RARE]
    assert not constant
    # a question headline is rare but present; clickbait is a probability
    assert 0 < feats.headline_question.mean() < 0.2
    assert feats.headline_clickbait.between(0, 1).all()
    asked = feats.headline_yesno_question == 1
    assert feats.gap_yesno_answered[asked].nunique() == 2
    assert (feats.gap_yesno_answered[~asked] == 0).all()


def test_yesno_answered():
    q = "Will Trump bring 'America First' to United Nations?"
    assert H.yesno_answered(q, "Trump will bring his America First agenda to the United Nations.")
    assert not H.yesno_answered(q, "Trump will not bring America First to the United Nations.")
    assert not H.yesno_answered(q, "Will Trump bring America First to the United Nations?")
    assert not H.yesno_answered(q, "The weather in New York was mild.")
    assert not H.yesno_answered("Is it?", "It is.")  # too little content to judge


# --- bad input -------------------------------------------------------------------------


def _one(headline, body="") -> pd.Series:
    return framing.extract_features(
        pd.DataFrame({"headline": [headline], "body": [body]}), "headline"
    ).iloc[0]


@pytest.mark.parametrize("headline", ["", "   ", "?!?", "... --- !!! ???", None])
def test_empty_or_punctuation_headline(headline):
    row = _one(headline)
    assert (row == 0).all(), row[row != 0]
    assert framing.headline_spans(headline) == []


def test_headline_that_is_the_whole_article(express):
    row = _one(express)
    assert _devices(row) == {"question", "yesno_question", "media_tag"}  # from its first line
    assert row.headline_words > 300  # every word is still counted
    spans = framing.headline_spans(express)
    assert max(s.end for s in spans) <= express.index("\n")


def test_all_caps_headline():
    row = _one("IS PUTIN LOSING HIS GRIP? RUSSIANS DEFY CRACKDOWN ORDERS - VIDEO")
    assert _devices(row) == {"question", "yesno_question", "media_tag"}
    assert row.headline_caps_words == 0  # typography, not emphasis


def test_non_english_headline():
    assert _devices(_one("¿Qué pasa en Venezuela?")) == {"question", "wh_question"}
    assert _devices(_one("Путин теряет контроль? Россияне протестуют!")) == {
        "question",
        "yesno_question",
        "exclamation",
    }
    row = _one("普京失去控制了吗？")  # full-width question mark
    assert row.headline_question == 1 and row.headline_words >= 1


def test_missing_headline_column(express_body):
    feats = framing.extract_features(pd.DataFrame({"body": [express_body, ""]}), "headline")
    assert list(feats.columns) == list(H.COLUMNS)
    assert (feats.to_numpy() == 0).all()  # no headline: every column 0 (documented)


def test_clickbait_model_is_shipped_with_provenance():
    meta = json.loads(H.CLICKBAIT_MODEL.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["licence"].startswith("MIT") and "Chakraborty" in meta["source"]
    assert meta["rows"] == 25599 and meta["cv_accuracy_mean"] > 0.975
    assert H.CLICKBAIT_MODEL.stat().st_size < 3_000_000
    assert H.clickbait_model() is H.clickbait_model()  # loaded once
    p = H.clickbait(
        [
            "19 Times It's OK To Hit The Panic Button",
            "You Won't Believe What This Senator Said",
            "Senate passes $1.9 trillion coronavirus relief bill",
            "Earthquake strikes southern California",
        ]
    )
    assert (p[:2] > 0.5).all() and (p[2:] < 0.5).all()
    # house style is not clickbait: Title Case and sentence case score the same
    title, sentence = H.clickbait(["Senate Passes Budget Bill", "Senate passes budget bill"])
    assert title == pytest.approx(sentence)


@pytest.mark.slow
def test_clickbait_model_on_its_data():
    from tests.conftest import shared

    data = pd.read_csv(shared("clickbait/headlines.tsv.gz"), sep="\t")
    p = H.clickbait(data["headline"].fillna("").tolist())
    assert ((p > 0.5) == data["clickbait"].astype(bool)).mean() > 0.98  # training fit


@pytest.mark.slow
def test_garbled_question_marks_in_allsides():
    from tests.conftest import shared

    df = pd.read_json(shared("allsides/articles.jsonl.gz"), lines=True)
    heads = df["headline"].fillna("")
    garbled = heads[heads.str.contains(r"[A-Za-z]\?[a-z]") & ~heads.str.contains(r"\?(?:[\s:]|$)")]
    assert len(garbled) > 50
    assert not any(
        k.endswith("question") for h in garbled for k in {s.kind for s in H.headline_spans(h)}
    )
    assert np.isfinite(framing.extract_features(df.head(500), "headline").to_numpy()).all()
