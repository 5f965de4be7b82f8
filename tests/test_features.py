import pickle
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import framing
from framing.features import FAMILIES, describe


def test_every_column_is_documented_and_prefixed():
    cols = describe("all")
    assert all(desc for desc in cols.values())
    for name in FAMILIES:
        fam = framing.features.family(name)
        assert all(
            c.split("_")[0] in {name, "headline", "gap"} or c.startswith(name) for c in fam.COLUMNS
        )


def test_extract_features_keeps_index_and_varies(sample):
    feats = framing.extract_features(sample, "all")
    assert feats.index.equals(sample.index)
    assert list(feats.columns) == list(describe("all"))
    numbers = framing.features.numeric("all")
    assert np.isfinite(feats[numbers].to_numpy()).all()
    labels = framing.features.labels("all")
    assert all(set(feats[c].dropna()) <= set(labels[c]) for c in labels)
    # a family may declare columns too rare for the sample (RARE: column -> why); its own
    # tests must show they vary elsewhere
    rare = {c for name in FAMILIES for c in getattr(framing.features.family(name), "RARE", {})}
    constant = [c for c in feats.columns if feats[c].nunique() < 2 and c not in rare]
    assert not constant, f"features constant over the sample: {constant}"


def test_missing_or_empty_text():
    df = pd.DataFrame({"headline": ["Only a headline", ""]}, index=["a", "b"])
    feats = framing.extract_features(df, "all")
    assert feats.index.tolist() == ["a", "b"]
    assert feats["style_words"].tolist() == [0.0, 0.0]
    empty = framing.extract_features(pd.DataFrame({"body": []}), "all")
    assert empty.shape == (0, len(describe("all")))


def test_styled_letters_measure_as_plain_ones():
    # 𝐁𝐨𝐥𝐝 and 𝒮𝒸𝓇𝒾𝓅𝓉 letters (Unicode's mathematical alphanumerics) turn up in scraped
    # bodies and social posts: a reader reads plain words, and so do the measures
    styled = pd.DataFrame(
        {
            "headline": ["𝐈𝐬 𝐏𝐮𝐭𝐢𝐧 𝐥𝐨𝐬𝐢𝐧𝐠 𝐡𝐢𝐬 𝐠𝐫𝐢𝐩?"],
            "body": ["The 𝐛𝐫𝐮𝐭𝐚𝐥 regime slammed the 𝓻𝓪𝓭𝓲𝓬𝓪𝓵 protesters, 𝟑𝟎𝟎 of them. 😀"],
        }
    )
    plain = pd.DataFrame(
        {
            "headline": ["Is Putin losing his grip?"],
            "body": ["The brutal regime slammed the radical protesters, 300 of them. 😀"],
        }
    )
    a = framing.extract_features(styled, "all").select_dtypes("number")
    b = framing.extract_features(plain, "all").select_dtypes("number")
    # the shipped clickbait model reads the headline's own characters, as it was trained
    a, b = a.drop(columns="headline_clickbait"), b.drop(columns="headline_clickbait")
    pd.testing.assert_frame_equal(a, b)
    assert a.loc[0, "loaded_language"] > 0 and a.loc[0, "headline_yesno_question"] == 1


def test_unknown_family_and_wrong_input():
    with pytest.raises(framing.InputError, match="unknown feature family 'nope'"):
        framing.extract_features(["x"], "nope")
    with pytest.raises(framing.InputError, match="not a string"):
        framing.extract_features("just one text")
    with pytest.raises(framing.InputError, match="needs a 'headline' or 'body' column"):
        framing.extract_features(pd.DataFrame({"words": ["x"]}))


def test_cells_are_read_as_load_corpus_reads_them():
    # a body of paragraphs is one text; a nested record is an error, not an empty article
    parts = pd.DataFrame({"body": [["A brutal crackdown.", "Dozens were held."], None]})
    whole = pd.DataFrame({"body": ["A brutal crackdown.\n\nDozens were held.", ""]})
    pd.testing.assert_frame_equal(
        framing.extract_features(parts, "all"), framing.extract_features(whole, "all")
    )
    with pytest.raises(framing.CorpusError, match="the body of row 2 is a dict"):
        framing.extract_features(pd.DataFrame({"body": ["Fine.", {"text": "nested"}]}))
    # and so do a classifier's text columns and the distinguishing terms
    from framing.models.build import TextColumns

    read = TextColumns(columns=["body"]).fit_transform(parts)
    assert read["body"].tolist() == whole["body"].tolist()
    with pytest.raises(framing.CorpusError, match="the body of row 2 is a dict"):
        framing.distinguishing_terms(
            pd.DataFrame({"outlet": ["a", "b"], "body": ["Fine.", {"text": "nested"}]})
        )


def test_html_markup_is_measured_as_given_with_a_warning():
    page = "<p>What a <b>disastrous</b>, brutal regime!</p><script>var x = 1;</script>"
    with pytest.warns(UserWarning, match=r"1 of 2 body texts hold HTML markup.*load_corpus"):
        feats = framing.extract_features([page, "If a < b and c > d, say so."], "style")
    assert feats.loc[0, "style_words"] > 5  # the tags' and the script's words were counted
    clean = framing.extract_features([framing.text.tidy(page)], "style")
    assert clean.loc[0, "style_words"] == 5
    # a tag left in one text of a tidied corpus (its source escaped it) is no alarm
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        framing.extract_features([page] + ["Plain text."] * 100, "style")


def test_text_not_in_english_is_measured_with_a_warning(sample):
    """Every measure reads English: a corpus of other languages is measured as given, and
    the user told (every English body of the sample reads as English)."""
    german = (
        "Die Regierung hat am Montag neue Regeln für die Energiepreise beschlossen. Kritiker "
        "sprechen von einem Wahlgeschenk, die Verbände begrüßen die Entlastung der Haushalte. "
    ) * 4
    with pytest.warns(UserWarning, match=r"1 of 2 bodies do not read as English prose.*'the'"):
        framing.extract_features([german, sample["body"].iloc[0]], "style")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        framing.extract_features(sample, "style")
        framing.extract_features([german] + sample["body"].tolist()[:150], "style")  # under 1%


def test_chunked_equals_unchunked(sample, monkeypatch):
    whole = framing.extract_features(sample)
    monkeypatch.setattr(framing.features, "BATCH", 7)
    pd.testing.assert_frame_equal(framing.extract_features(sample), whole)


# --- the scikit-learn contract, by hand (see also tests/test_estimators.py) ----------


def test_transformer_contract(sample, tmp_path):
    X = sample.iloc[:40]
    ff = framing.FramingFeatures()
    assert ff.get_params() == {"features": "default"}
    assert clone(ff).set_params(features="style").get_params() == {"features": "style"}
    with pytest.raises(NotFittedError):
        ff.transform(X)
    arr = ff.fit(X).transform(X)
    assert isinstance(arr, np.ndarray) and arr.shape == (40, len(ff.get_feature_names_out()))
    ff.set_output(transform="pandas")
    out = ff.transform(X)
    assert isinstance(out, pd.DataFrame) and out.index.equals(X.index)
    assert list(out.columns) == list(ff.get_feature_names_out())
    again = pickle.loads(pickle.dumps(ff)).transform(X)
    pd.testing.assert_frame_equal(again, out)


def test_transformer_skops_round_trip_and_pipeline(sample, tmp_path):
    import skops.io as sio

    X = sample.iloc[:30]
    pipe = make_pipeline(framing.FramingFeatures(), StandardScaler()).fit(X)
    path = tmp_path / "p.skops"
    sio.dump(pipe, path)
    loaded = sio.load(path, trusted=sio.get_untrusted_types(file=path))
    np.testing.assert_allclose(loaded.transform(X), pipe.transform(X))
