"""distinguishing_terms: Monroe et al. (2008) log-odds checked by hand, n-grams, stop words."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import framing
from framing.errors import ParameterError
from framing.stats.terms import COLUMNS, distinguishing_terms


def test_log_odds_by_hand_two_groups_three_terms():
    df = pd.DataFrame({"outlet": ["a", "b"], "body": ["war war peace", "peace peace talks"]})
    out = distinguishing_terms(
        df, ngram_range=(1, 1), min_count=1, top=None, prior_scale=0.5, stop_words=None
    )
    assert list(out.columns) == COLUMNS
    got = out.set_index(["group", "term"])
    # a: war 2, peace 1, talks 0 (n_a = 3); b: war 0, peace 2, talks 1 (n_b = 3)
    # prior 0.5 x corpus counts: war 1, peace 1.5, talks 0.5; a_0 = 0.5 x 6 = 3
    war = math.log((2 + 1) / (3 + 3 - 2 - 1)) - math.log((0 + 1) / (3 + 3 - 0 - 1))
    peace = math.log((1 + 1.5) / (3 + 3 - 1 - 1.5)) - math.log((2 + 1.5) / (3 + 3 - 2 - 1.5))
    talks = math.log((0 + 0.5) / (3 + 3 - 0 - 0.5)) - math.log((1 + 0.5) / (3 + 3 - 1 - 0.5))
    by_hand = {
        "war": (2, 0, war, war / math.sqrt(1 / 3 + 1 / 1)),
        "peace": (1, 2, peace, peace / math.sqrt(1 / 2.5 + 1 / 3.5)),
        "talks": (0, 1, talks, talks / math.sqrt(1 / 0.5 + 1 / 1.5)),
    }
    assert war == pytest.approx(math.log(5)) and talks == pytest.approx(math.log(3 / 11))
    for term, (count, rest, delta, z) in by_hand.items():
        row = got.loc[("a", term)]
        assert (row["count"], row["count_rest"]) == (count, rest)
        assert row["log_odds"] == pytest.approx(delta) and row["z"] == pytest.approx(z)
        # with two groups, b's view is the mirror image
        assert got.loc[("b", term), "z"] == pytest.approx(-z)
    # sorted by group, then z descending
    assert out["term"].tolist() == ["war", "talks", "peace", "peace", "talks", "war"]


def test_any_number_of_groups_counts_add_up():
    df = pd.DataFrame(
        {
            "outlet": ["x", "y", "z", "z", "x"],
            "body": ["tax cuts tax", "border wall", "tax border", "wall wall", "cuts"],
        }
    )
    out = distinguishing_terms(df, ngram_range=(1, 1), min_count=1, top=None, stop_words=None)
    assert out["group"].unique().tolist() == ["x", "y", "z"]
    totals = (out["count"] + out["count_rest"]).groupby(out["term"]).unique()
    assert totals.map(len).eq(1).all()
    assert {t: int(v[0]) for t, v in totals.items()} == {
        "tax": 3,
        "cuts": 2,
        "border": 2,
        "wall": 3,
    }
    assert out.groupby("group")["z"].apply(lambda z: z.is_monotonic_decreasing).all()


def test_bigrams_stay_inside_texts_and_use_framing_tokens():
    df = pd.DataFrame(
        {"outlet": ["a", "a", "b"], "body": ["Putin’s war, Putin's war", "war ends", "peace"]}
    )
    out = distinguishing_terms(df, ngram_range=(2, 2), min_count=1, top=None, stop_words=None)
    counts = out[out.group == "a"].set_index("term")["count"].to_dict()
    # "putin's" and "putin’s" are one term; no bigram "war war" across the two texts
    assert counts == {"putin war": 2, "war putin": 1, "war ends": 1}


def test_terms_are_the_tokens_of_the_text_engine():
    from framing.text import Docs

    texts = ["Trump‘s “deal” – Trump´s deal", "İstanbul’s MAYOR", "don't stop"]
    df = pd.DataFrame({"outlet": ["a", "a", "b"], "body": texts})
    out = distinguishing_terms(df, ngram_range=(1, 1), min_count=1, top=None, stop_words=None)
    docs = Docs(texts)
    expected = pd.Series(docs.terms[docs.token_columns]).value_counts()
    got = out.set_index("term")["count"] + out.set_index("term")["count_rest"]
    got = got.groupby(level=0).first()  # each term once: its count in a group plus the rest
    assert got.sort_index().to_dict() == expected.sort_index().to_dict()
    # other apostrophes fold too: no stray "s" from "Trump‘s" or "Trump´s"
    assert "s" not in set(out["term"]) and got["trump"] == 2 and "istanbul" in got


def test_stop_words_left_out_by_default():
    df = pd.DataFrame(
        {"outlet": ["a", "b"], "body": ["the war of the roses", "the peace of the world"]}
    )
    out = distinguishing_terms(df, min_count=1, top=None)
    assert set(out["term"]) == {"war", "roses", "peace", "world"}
    kept = distinguishing_terms(df, min_count=1, top=None, stop_words=None)
    assert {"the", "of the", "war of", "the roses"} <= set(kept["term"])
    custom = distinguishing_terms(df, ngram_range=(1, 1), min_count=1, stop_words=["war"])
    assert "war" not in set(custom["term"]) and "the" in set(custom["term"])


def test_min_count_and_top():
    df = pd.DataFrame({"outlet": ["a", "b"], "body": ["riot riot riot calm", "calm calm rare"]})
    out = distinguishing_terms(df, ngram_range=(1, 1), min_count=3, top=None, stop_words=None)
    assert set(out["term"]) == {"riot", "calm"}
    assert len(distinguishing_terms(df, ngram_range=(1, 1), min_count=1, top=1)) == 2


def test_bad_input():
    df = pd.DataFrame({"outlet": ["a"], "body": ["text"]})
    with pytest.raises(framing.CorpusError, match="'leaning'"):
        distinguishing_terms(df, by="leaning")
    with pytest.raises(framing.CorpusError, match="'headline'"):
        distinguishing_terms(df, text="headline")
    with pytest.raises(ParameterError, match="prior_scale=") as err:
        distinguishing_terms(df, prior_scale=0)
    assert err.value.parameter == "prior_scale" and isinstance(err.value, framing.InputError)
    with pytest.raises(ParameterError, match="ngram_range=") as err:
        distinguishing_terms(df, ngram_range=(2, 1))
    assert err.value.parameter == "ngram_range"
    with pytest.raises(ParameterError, match="stop_words=") as err:
        distinguishing_terms(df, stop_words="french")
    assert err.value.parameter == "stop_words"
    # missing and empty texts count as empty; nothing frequent enough gives an empty table
    empty = distinguishing_terms(pd.DataFrame({"outlet": ["a", "b"], "body": [None, ""]}))
    assert list(empty.columns) == COLUMNS and empty.empty


def test_sample_outlets_are_told_by_their_own_names(sample):
    out = distinguishing_terms(sample, top=15)
    assert out.groupby("group").size().eq(15).all()
    top = out.groupby("group")["term"].apply(set)
    assert "breitbart" in top["Breitbart News"]
    assert "reuters" in top["Reuters"]
    assert "npr" in top["NPR Online News"]
    assert (out["z"] > 3).all()  # the top terms are all clearly over-represented
    # leanings work the same way, from the headline column
    heads = distinguishing_terms(sample, by="leaning", text="headline", min_count=3, top=5)
    assert sorted(heads["group"].unique()) == sorted(sample["leaning"].unique())
    assert np.isfinite(heads[["log_odds", "z"]]).all().all()


def test_batched_equals_whole(sample, monkeypatch):
    """A corpus is tokenised in batches (memory); the terms and their figures are those of
    one batch over it all, whatever the batch size."""
    import framing.stats.terms

    whole = distinguishing_terms(sample, by="outlet", text="body")
    monkeypatch.setattr(framing.stats.terms, "BATCH", 7)
    pd.testing.assert_frame_equal(distinguishing_terms(sample, by="outlet", text="body"), whole)
