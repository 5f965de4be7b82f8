"""The headline family: gold cases, the Express headline, the sample, bad input, clickbait."""

from __future__ import annotations

import hashlib
import json
import re

import numpy as np
import pandas as pd
import pytest

import framing
from framing.features import headline as HF
from framing.measures import headline as H
from framing.measures.headline import cuedata, reader, yesno
from framing.text import sentences, tokens
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
        questions = {"yesno_question", "wh_question", "alternative_question"} & set(case["devices"])
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
    for column in HF.RARE:
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
    assert list(feats.columns) == list(HF.COLUMNS)
    constant = [c for c in feats.columns if feats[c].nunique() < 2 and c not in HF.RARE]
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
    assert list(feats.columns) == list(HF.COLUMNS)
    assert (feats.to_numpy() == 0).all()  # no headline: every column 0 (documented)


def test_clickbait_model_is_shipped_with_provenance():
    meta = json.loads(H.CLICKBAIT_MODEL.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["licence"].startswith("MIT") and "Chakraborty" in meta["source"]
    # the Stop Clickbait rows less the development set's, and the news headlines
    assert meta["rows"] == 25199 and meta["cv_accuracy_mean"] > 0.975
    assert meta["news_rows"] > 35_000 and "tests/dev/headlines" in meta["left_out"]
    assert H.CLICKBAIT_MODEL.stat().st_size < 3_000_000
    assert hashlib.sha256(H.CLICKBAIT_MODEL.read_bytes()).hexdigest() == meta["model_sha256"]
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


# --- the fast paths give the results of the plain ones ----------------------------------


def _headlines(sample) -> list[str]:
    clickbait = pd.read_csv(CASES / "clickbait_headlines.tsv", sep="\t")["headline"]
    gold = [c["headline"] for c in GOLD["cases"]]
    return gold + sample["headline"].dropna().tolist() + clickbait.tolist()


def test_required_literals():
    need = H.required_literals(re.compile(r"^(?:this|that) (?:is|was) (?:why|how)\b", re.I))
    assert need == {
        f"{a} {b} {c}" for a in ("this", "that") for b in ("is", "was") for c in ("why", "how")
    }
    # an alternation needs one string from each alternative; a repeat of at least one counts
    need = H.required_literals(re.compile(r"\[(?:video|photos?)\]|(?:\s*watch)+:"))
    assert need == {"video", "photo", "watch"}
    assert H.required_literals(re.compile(r"(?:watch)?\d+")) is None  # nothing is required
    assert H.required_literals(re.compile("qué pasa")) is None  # not ASCII: no gate


def test_gates_never_hide_a_match(sample):
    gated = {k: v for k, v in H.gates().items() if v is not None}
    assert set(gated) == {"media_tag", "teaser"}
    for text in _headlines(sample):
        w = reader._repair(text)
        masked = reader._read(text)[1]
        for kind, literals in (("media_tag", w), ("teaser", masked)):
            if H.patterns()[kind].search(literals) and literals.isascii():
                need = H.required_literals(H.patterns()[kind])
                assert any(x in literals.lower() for x in need), (kind, text)


def test_gated_spans_equal_plain_spans(sample, monkeypatch):
    texts = _headlines(sample)
    fast = [H.headline_spans(t) for t in texts]
    monkeypatch.setattr(cuedata, "gates", lambda: dict.fromkeys(H.patterns()))
    assert [H.headline_spans(t) for t in texts] == fast
    assert sum(map(bool, fast)) > 100  # the comparison covers many found devices


ODD = [
    None,
    "",
    "---",  # no word: a listicle count on the next line is still that line's
    "5 things to know about the vote",
    "Economy grows\nIs the recovery over",  # a line break inside a headline
    "Senate votes. Is Trump losing his grip",
    "Markets slide - Why the Fed waits",
    "Prices | Are we paying too much",
    "So, why the fuss",
    "THE DONALD SPEAKS",
    "McDONALD's new menu",
    "'Ain't' is SHOCKING",
    "O'NEILL and the GOP",
    "Ça va? Élection à PARIS",
    "Watch: the vote",
]


def test_batch_spans_equal_one_by_one(sample, monkeypatch):
    texts = ODD + _headlines(sample)
    one_by_one = [H.headline_spans(t) for t in texts]
    read = []
    spans = reader._spans
    monkeypatch.setattr(reader, "_spans", lambda t, *r: read.append(t) or spans(t, *r))
    assert H.batch_spans(texts) == one_by_one
    # every headline with a device is read in full, and not many without one
    assert len(read) >= sum(map(bool, one_by_one)) > 100
    assert len(read) < 0.6 * len(texts)


def _answered_plainly(question: str, body: str) -> bool:
    """yesno_answered without its shortcuts: every sentence of the body tokenised."""
    content = yesno._content(question)
    if len(content) < 2:
        return False
    need = max(2, int(np.ceil(0.6 * len(content))))
    for s, e in sentences(body):
        sentence = body[s:e]
        words = tokens(sentence)
        if sentence.rstrip("'\" )").endswith("?") or any(
            t in H.cues()["negation"] or t.endswith("n't") for t in words
        ):
            continue
        if len(content & {yesno._stem(t) for t in words}) >= need:
            return True
    return False


def test_yesno_shortcuts_give_the_plain_answer(sample):
    # no sentence runs over a line break: the body's sentences are those of its lines
    for body in sample["body"].dropna().head(200):
        starts = np.cumsum([0] + [len(line) + 1 for line in body.split("\n")])
        by_line = [
            (start + s, start + e)
            for start, line in zip(starts, body.split("\n"), strict=False)
            for s, e in sentences(line)
        ]
        assert by_line == sentences(body)
    # every headline of the sample, asked as a question of every fifth body
    bodies = sample["body"].fillna("").tolist()[::5]
    pairs = [(h, b) for h in sample["headline"].dropna() for b in bodies[:3]]
    pairs += [
        (s.text, b)
        for h, b in zip(sample["headline"].fillna(""), sample["body"].fillna(""), strict=True)
        for s in H.headline_spans(h)
        if s.kind == "yesno_question"
    ]
    answers = [H.yesno_answered(q, b) for q, b in pairs]
    assert answers == [_answered_plainly(q, b) for q, b in pairs]
    assert 0 < sum(answers) < len(answers)


def test_clickbait_model_loads_under_the_trust_policy():
    model = H.clickbait_model()
    assert (
        model.steps[0][1].transformer_list[1][1].steps[0][1].get_params()["analyzer"] == "char_wb"
    )


def test_questions_of_a_second_held_out_set_meet_issue_20s_bar():
    """``tests/dev/headlines/questions-2``: 304 headlines of held-out outlets drawn after the
    yes/no rules were last changed (204 with a "?", 100 opening with an auxiliary or a
    wh-word without one), coded by two labellers (kappa 0.993). Yes/no F1 at least 0.95
    (issue 20's goal; measured 0.970, P 0.950 R 0.991), questions at least 0.95 (0.982);
    none of the 100 unmarked openers is a question, and the measure calls one of them one
    (the World Health Organization's "WHO" read as "who": a strict xfail gold case, left
    unfixed so that this set stays untuned)."""
    import sys

    from conftest import REPO

    sys.path.insert(0, str(REPO / "benchmarks"))
    from validity import DEV, headlines, read

    path = DEV / "headlines" / "questions-2" / "questions.tsv"
    table = headlines(path).set_index(["measure", "stratum"])
    assert table.at[("headline_yesno_question", "all"), "F1"] >= 0.95, table
    assert table.at[("headline_question", "all"), "F1"] >= 0.95, table
    coded = read(path)
    unmarked = coded[coded["stratum"].eq("opener_no_mark")]
    assert len(unmarked) == 100 and not unmarked["question"].astype(int).any()
    asked = framing.extract_features(unmarked[["headline"]], "headline")["headline_question"]
    assert unmarked.loc[asked > 0, "headline"].tolist() == [
        "WHO Will Miss Ebola Targets it Set for Dec 1"
    ]
