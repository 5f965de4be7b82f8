"""framing.models: the estimator contract, metrics, cross-validation, persistence, explanation.

``tests/cases/clickbait_headlines.tsv`` holds 24 headlines written for these tests in the
style of the Chakraborty et al. (2016) clickbait data (1 = clickbait); not taken from it.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
import skops.io as sio
from conftest import coded_set
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.model_selection import GridSearchCV, cross_validate

from framing.errors import InputError, MissingColumnError, ParameterError
from framing.models import (
    FORMAT,
    cross_validate_model,
    evaluate,
    fit_weighted,
    group_weights,
    load_model,
    make_classifier,
    metrics,
    model_features,
    predict,
    save_model,
)
from framing.models.build import MEASURES_WEIGHT
from framing.models.evaluation import _folds
from framing.models.tuning import CS, TunedClassifier, linear_model, scale_block

CASES = Path(__file__).parent / "cases"


@pytest.fixture(scope="module")
def headlines() -> pd.DataFrame:
    return pd.read_csv(CASES / "clickbait_headlines.tsv", sep="\t")


@pytest.fixture(scope="module")
def articles(sample) -> pd.DataFrame:
    """12 whole articles per outlet of the sample (long texts with clutter)."""
    return sample.groupby("outlet", group_keys=False).head(12)


@pytest.fixture(scope="module")
def fitted(headlines):
    return make_classifier(text="headline").fit(headlines, headlines["clickbait"])


def test_pipeline_has_measures_and_words(fitted, headlines):
    names = fitted[:-1].get_feature_names_out()
    assert "measures__style_words" in names
    assert "words__headline__you" in names
    words = [n for n in names if n.startswith("words__")]
    assert not any(" " in n for n in words)  # no bigram is in two of these 24 headlines
    doubled = pd.concat([headlines] * 2)
    twice = make_classifier(text="headline", features=None, C=1.0)
    names = twice.fit(doubled, doubled["clickbait"])[:-1].get_feature_names_out()
    assert "words__headline__you won" in names  # bigrams by default, kept from two rows up
    assert any(n.startswith("chars__headline__") for n in names)  # short texts: characters too


def test_measures_block_is_weighted_beside_the_text_blocks(articles):
    clf = make_classifier(C=1.0).fit(articles, articles["leaning"])
    X = clf[:-1].transform(articles)
    names = clf[:-1].get_feature_names_out()
    blocks = {"measures": [], "words": []}
    for i, name in enumerate(names):
        blocks[name.split("__")[0]].append(i)
    norm = {b: np.sqrt(X[:, c].multiply(X[:, c]).sum(axis=1)).A1 for b, c in blocks.items()}
    assert MEASURES_WEIGHT == 0.5
    # the TF-IDF rows of headline and body have unit length together; the standardised
    # measures' rows are about MEASURES_WEIGHT long: their mean squared length is its
    # square, times the share of measures that vary (a constant one is all zeros)
    np.testing.assert_allclose(norm["words"], 1.0)
    varies = clf.named_steps["features"].named_transformers_["measures"]["scale"].var_ > 0
    expected = MEASURES_WEIGHT**2 * varies.mean()
    assert 0.5 < varies.mean() <= 1
    cols = blocks["measures"]
    measures = X[:, cols].toarray()
    assert np.mean(np.square(measures).sum(axis=1)) == pytest.approx(expected)
    # cut at 3 standard deviations, then each measure spread again to unit root mean square
    scale = clf.named_steps["features"].named_transformers_["measures"]["scale"]
    uncut = make_classifier(C=1.0).set_params(features__measures__scale__clip=None)
    X0 = uncut.fit(articles, articles["leaning"])[:-1].transform(articles)
    measures0 = X0[:, cols].toarray()
    limit = MEASURES_WEIGHT * 3 / np.sqrt(len(cols))
    assert (scale.spread_ < 1).any() and (scale.spread_ <= 1 + 1e-12).all()
    np.testing.assert_allclose(
        measures * scale.spread_, np.clip(measures0, -limit, limit), atol=1e-12
    )
    unweighted = make_classifier(C=1.0).set_params(features__transformer_weights=None)
    X1 = unweighted.fit(articles, articles["leaning"])[:-1].transform(articles)
    np.testing.assert_allclose(measures, MEASURES_WEIGHT * X1[:, cols].toarray())


def test_character_ngrams_only_for_short_texts(articles):
    names = (
        make_classifier(features=None, C=1.0, text="body")
        .fit(articles, articles["leaning"])[:-1]
        .get_feature_names_out()
    )
    assert not any(n.startswith("chars__") for n in names) and len(names) > 100
    two = make_classifier(features=None, C=1.0)  # headline and body: an article model
    assert [name for name, _, _ in two[1].transformers] == ["words"]
    assert [name for name, _, _ in two[1].transformers[0][1][0].transformers] == [
        "headline",
        "body",
    ]


def test_short_sentences_are_learned(fitted, headlines):
    new = pd.DataFrame(
        {
            "headline": [
                "19 Dogs Who Will Make You Smile Today",
                "Senate approves budget after session",
            ]
        }
    )
    assert fitted.predict(new).tolist() == [1, 0]
    assert (fitted.predict(headlines) == headlines["clickbait"]).all()


def test_long_articles_work(articles):
    clf = make_classifier(C=1.0).fit(articles, articles["leaning"])
    proba = clf.predict_proba(articles)
    assert proba.shape == (len(articles), 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-6)
    assert (clf.predict(articles) == articles["leaning"]).mean() > 0.9  # training fit
    # the measures column varies across long articles, so it carries signal
    measures = clf.named_steps["features"].named_transformers_["measures"]
    assert measures.named_steps["scale"].scale_.min() > 0


def test_clone_and_params_round_trip(fitted):
    clf = make_classifier(text="headline", char_ngrams=(2, 4))
    params = clf.get_params()
    assert params["model__C"] == "auto"
    assert params["features__chars__columns__headline__ngram_range"] == (2, 4)
    copy = clone(clf)
    assert copy is not clf and copy.get_params().keys() == params.keys()
    copy.set_params(model__C=0.5, features__words__columns__headline__ngram_range=(1, 1))
    assert copy.get_params()["model__C"] == 0.5
    assert clf.get_params()["model__C"] == "auto"
    with pytest.raises(NotFittedError):
        clone(fitted).predict(pd.DataFrame({"headline": ["a"]}))


def test_grid_search_and_cross_validate(headlines):
    clf = make_classifier(text="headline", features=None)
    grid = GridSearchCV(clf, {"model__C": [0.1, 10.0]}, cv=3, scoring="f1_macro")
    grid.fit(headlines, headlines["clickbait"])
    assert grid.best_params_["model__C"] in (0.1, 10.0)
    scores = cross_validate(
        make_classifier(text="headline"), headlines, headlines["clickbait"], cv=3
    )
    assert scores["test_score"].shape == (3,) and scores["test_score"].mean() > 0.6


@pytest.mark.parametrize("model", ["linearsvc", "sgd"])
def test_alternative_models_give_probabilities_and_weights(headlines, model):
    clf = make_classifier(text="headline", model=model).fit(headlines, headlines["clickbait"])
    assert clf.predict_proba(headlines).shape == (24, 2)
    assert not model_features(clf, top=3).empty


def test_missing_text_column_is_one_line(fitted, articles):
    with pytest.raises(InputError, match=r"no text column 'headline'") as err:
        fitted.predict(pd.DataFrame({"title": ["x"]}))
    assert "\n" not in str(err.value)
    # structured, and free of command-line flags (the CLI adds those)
    assert isinstance(err.value, MissingColumnError)
    assert err.value.missing == ["headline"] and err.value.found == ["title"]
    assert "title" in err.value.aliases and "--" not in str(err.value)
    with pytest.raises(InputError, match=r"text columns 'headline', 'body'"):
        make_classifier().fit(pd.DataFrame({"x": ["a", "b"]}), [0, 1])


def test_metrics_match_hand_computation():
    y = ["a", "a", "a", "b", "b", "c"]
    p = ["a", "b", "a", "b", "c", "c"]
    m = metrics(y, p)
    assert m["n"] == 6 and m["accuracy"] == pytest.approx(4 / 6)
    # a: P 2/2 R 2/3; b: P 1/2 R 1/2; c: P 1/2 R 1
    assert m["per_class"]["a"] == pytest.approx(
        {"precision": 1.0, "recall": 2 / 3, "f1": 0.8, "support": 3}
    )
    assert m["macro_f1"] == pytest.approx(f1_score(y, p, average="macro"))
    assert m["confusion"] == {
        "labels": ["a", "b", "c"],
        "matrix": [[2, 1, 0], [0, 1, 1], [0, 0, 1]],
    }


def test_unseen_label_counts_as_error(fitted):
    test = pd.DataFrame(
        {
            "headline": ["33 Cats You Need To See", "Bank raises rates", "Sports results"],
            "clickbait": [1, 0, 2],
        }
    )
    with pytest.warns(UserWarning, match=r"never seen in training: 2 \(1 rows\)"):
        m = evaluate(fitted, test, "clickbait")
    assert m["n"] == 3 and m["accuracy"] == pytest.approx(2 / 3)
    assert m["per_class"]["2"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    pred = fitted.predict(test)
    assert pred[:2].tolist() == [1, 0]
    # the unseen class enters the macro average with F1 0
    assert m["macro_f1"] == pytest.approx(f1_score(test["clickbait"], pred, average="macro"))
    assert m["macro_f1"] < 2 / 3


def test_evaluate_two_classes_ranks_the_second(fitted, headlines):
    """A two-class model's evaluation adds the ROC AUC of its second class's probability,
    the same as scikit-learn's over the pipeline's own predict_proba (features made once)."""
    from sklearn.metrics import roc_auc_score

    test = headlines.iloc[::2]
    m = evaluate(fitted, test, "clickbait")
    proba = fitted.predict_proba(test)[:, 1]
    assert m["positive_class"] == "1"
    assert m["roc_auc"] == pytest.approx(roc_auc_score(test["clickbait"], proba))
    assert m["accuracy"] == pytest.approx(np.mean(fitted.predict(test) == test["clickbait"]))
    one_class = evaluate(fitted, test[test["clickbait"] == 1], "clickbait")
    assert "roc_auc" not in one_class  # nothing to rank against


def test_bad_labels(headlines):
    clf = make_classifier(text="headline")
    one = headlines.assign(y="news")
    with pytest.raises(InputError, match="only 'news'; a classifier needs at least two"):
        cross_validate_model(clf, one, label="y", cv=3)
    with pytest.raises(InputError, match="fewer than 2 rows"):
        cross_validate_model(clf, headlines.iloc[[0, 20]], label="clickbait", cv=2)
    with pytest.raises(InputError, match="fewer than 13 rows; use fewer folds"):
        cross_validate_model(clf, headlines, label="clickbait", cv=13)
    gaps = headlines.assign(clickbait=headlines["clickbait"].where(headlines.index % 6 != 0))
    with pytest.warns(UserWarning, match="dropped 4 of 24 rows with no 'clickbait' label"):
        m = cross_validate_model(clf, gaps, label="clickbait", cv=2)
    assert m["n"] == 20 and set(m["per_class"]) == {"0", "1"}  # 1.0/0.0 read back as 1/0
    with pytest.raises(InputError, match="no label column 'y'"):
        evaluate(clf.fit(headlines, headlines["clickbait"]), headlines, "y")


def test_group_folds_keep_each_group_on_one_side(articles):
    y = articles["leaning"].tolist()
    groups = articles["outlet"].to_numpy()
    splits = list(_folds(articles, y, 5, "outlet"))
    assert len(splits) == 5
    for train, test in splits:
        assert not set(groups[train]) & set(groups[test])
    with pytest.raises(InputError, match="need at least 11 groups; found 10"):
        _folds(articles, y, 11, "outlet")


def test_cross_validate_model_grouped(articles):
    lines = []
    m = cross_validate_model(
        make_classifier(features=None, C=1.0),
        articles,
        label="leaning",
        cv=2,
        group="outlet",
        progress=lines.append,
    )
    assert m["n"] == len(articles) and len(lines) == 2
    assert sum(map(sum, m["confusion"]["matrix"])) == len(articles)
    assert "roc_auc" not in m  # three leanings: no one class to rank
    assert m["cv"] == {
        "folds": 2,
        "group": "outlet",
        "balance_groups": False,
        "fold_macro_f1": m["cv"]["fold_macro_f1"],
    }


def test_cross_validate_two_classes_gives_roc_auc_by_fold_and_pooled(headlines):
    """A label of two classes gets the second class's ROC AUC: the mean of the folds' own,
    computed here by hand on the same folds, and that of the pooled out-of-fold scores."""
    from sklearn.base import clone
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold

    clf = make_classifier(text="headline", features=None, C=1.0)
    m = cross_validate_model(clf, headlines, label="clickbait", cv=3)
    y = headlines["clickbait"].to_numpy()
    scores, by_fold = np.zeros(len(y)), []
    for train, test in StratifiedKFold(3, shuffle=True, random_state=0).split(headlines, y):
        fitted = clone(clf).fit(headlines.iloc[train], y[train])
        scores[test] = fitted.predict_proba(headlines.iloc[test])[:, 1]
        by_fold.append(roc_auc_score(y[test], scores[test]))
    assert m["positive_class"] == "1"
    assert m["roc_auc"] == pytest.approx(np.mean(by_fold))
    assert m["roc_auc_pooled"] == pytest.approx(roc_auc_score(y, scores))


def test_group_weights_balance_groups_within_classes_and_classes():
    # outlet sizes 5, 1, 2 (left) and 3 (right); "mixed" holds rows of both classes
    y = ["left"] * 5 + ["left"] + ["left", "right"] + ["right"] * 3
    groups = ["big"] * 5 + ["small"] + ["mixed", "mixed"] + ["r"] * 3
    w = group_weights(y, groups)
    assert w.shape == (11,) and w.mean() == pytest.approx(1.0)
    frame = pd.DataFrame({"y": y, "g": groups, "w": w})
    per_class = frame.groupby("y")["w"].sum()
    assert per_class["left"] == pytest.approx(11 / 2) and per_class["right"] == pytest.approx(
        11 / 2
    )
    # within a class each row weighs 1 / rows of its group: big 1/5, small 1, mixed 1/2
    left = frame[frame.y == "left"].groupby("g")["w"].sum()
    assert left["big"] == pytest.approx(left["small"]) and left["big"] == pytest.approx(
        2 * left["mixed"]
    )
    # one article of the small outlet weighs five of the big one
    assert w[5] == pytest.approx(5 * w[0])
    with pytest.raises(InputError, match="3 labels but 2 groups"):
        group_weights([1, 0, 1], ["a", "b"])
    with pytest.raises(InputError, match="no group"):
        group_weights([1, 0], ["a", None])


def test_balanced_groups_change_the_fit_and_need_a_group(articles):
    # doubling one outlet's articles changes an unweighted fit, but not a fit weighted by
    # outlet: each copy weighs half as much (the TF-IDF is held fixed, as its idf would move;
    # the weights average 1, so they are rescaled to the same total against the penalty)
    X = make_classifier(features=None)[:-1].fit_transform(articles)
    y, g = articles["leaning"].tolist(), articles["outlet"].tolist()
    dup = [i for i, outlet in enumerate(g) if outlet == g[0]]
    X2 = sp.vstack([X, X[dup]]).tocsr()
    y2, g2 = y + [y[i] for i in dup], g + [g[i] for i in dup]
    clf = make_classifier(features=None, C=1.0, class_weight=None)
    est = clf[-1]
    once = fit_weighted(clone(est), X, y, group_weights(y, g)).coef_
    w2 = group_weights(y2, g2) * len(y) / len(y2)
    twice = fit_weighted(clone(est), X2, y2, w2).coef_
    np.testing.assert_allclose(twice, once, atol=1e-3)
    plain_once, plain_twice = clone(est).fit(X, y).coef_, clone(est).fit(X2, y2).coef_
    assert np.abs(plain_twice - plain_once).max() > 10 * np.abs(twice - once).max()
    # weights of 1 are the unweighted fit, and a pipeline passes them to its model
    ones = fit_weighted(clone(clf), articles, y, np.ones(len(y)))
    plain = clone(clf).fit(articles, y)
    np.testing.assert_allclose(ones[-1].coef_, plain[-1].coef_, rtol=1e-4, atol=1e-6)
    m = cross_validate_model(
        clf, articles, label="leaning", cv=2, group="outlet", balance_groups=True
    )
    assert m["cv"]["balance_groups"] is True and m["n"] == len(articles)
    with pytest.raises(ParameterError, match="needs the group column") as err:
        cross_validate_model(clf, articles, label="leaning", cv=2, balance_groups=True)
    assert err.value.parameter == "group" and "--" not in str(err.value)


def test_skops_round_trip(fitted, headlines, tmp_path):
    path = save_model(fitted, tmp_path / "m.skops", {"label": "clickbait", "text": ["headline"]})
    loaded = load_model(path)
    pd.testing.assert_frame_equal(predict(loaded, headlines), predict(fitted, headlines))
    meta = loaded.framing_metadata_
    assert meta["label"] == "clickbait" and meta["framing_version"] == "0.1.0"
    assert [p.name for p in tmp_path.iterdir()] == ["m.skops"]  # no temporary file left
    # the saved file names only vetted types
    assert all(
        t.startswith(("sklearn.", "numpy.", "scipy.", "framing."))
        for t in sio.get_untrusted_types(file=path)
    )


def test_vocabulary_is_saved_as_arrays(articles, tmp_path):
    # a dict stored entry by entry made a model of 5,000 articles 1.27 GB (issue 18)
    clf = make_classifier(text="body", features=None).fit(articles, articles["outlet"])
    words = clf[1].named_transformers_["words"]["columns"].named_transformers_["body"]
    path = save_model(clf, tmp_path / "m.skops")
    plain = sio.dumps(TfidfVectorizer(**words.get_params()).fit(articles["body"]))
    compact = sio.dumps(words)
    assert len(compact) * 10 < len(plain)  # 82,000 terms: 1.9 MB against 35.7 MB
    loaded = load_model(path)
    loaded_words = loaded[1].named_transformers_["words"]["columns"].named_transformers_["body"]
    assert loaded_words.vocabulary_ == words.vocabulary_
    pd.testing.assert_frame_equal(predict(loaded, articles), predict(clf, articles))


def test_terms_are_ordered_by_document_frequency(articles):
    """The same matrix as scikit-learn's vectoriser, columns reordered (frequent terms first,
    for the solver's cache), and transform agrees with fit_transform."""
    from framing.models.build import Tfidf

    params = {"ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True}
    ours, theirs = Tfidf(**params), TfidfVectorizer(**params)
    X, Y = ours.fit_transform(articles["body"]), theirs.fit_transform(articles["body"])
    frequency = np.bincount(X.indices, minlength=X.shape[1])
    assert (np.diff(frequency) <= 0).all() and frequency[0] > frequency[-1]
    np.testing.assert_allclose(ours.transform(articles["body"]).toarray(), X.toarray())
    names, plain = ours.get_feature_names_out(), theirs.get_feature_names_out().tolist()
    assert sorted(names) == plain and names[0] != plain[0]
    order = [theirs.vocabulary_[t] for t in names]
    np.testing.assert_allclose(X.toarray(), Y[:, order].toarray())
    fixed = Tfidf(vocabulary=["war", "peace"]).fit(articles["body"])
    assert fixed.get_feature_names_out().tolist() == ["war", "peace"]  # the user's order


class Untrusted:
    """A type outside the allow-list."""


def test_untrusted_types_are_refused_with_their_names(tmp_path):
    path = tmp_path / "evil.skops"
    sio.dump({"format": FORMAT, "metadata": {}, "model": Untrusted()}, path)
    with pytest.raises(InputError, match=r"refusing to load.*test_models\.Untrusted"):
        load_model(path)
    sio.dump({"format": FORMAT, "metadata": {}, "model": [eval]}, path)
    with pytest.raises(InputError, match=r"refusing to load.*builtins\.eval"):
        load_model(path)


def test_files_that_are_not_models(tmp_path, fitted):
    text = tmp_path / "notes.skops"
    text.write_text("not a model\n")
    with pytest.raises(InputError, match="not a model file") as err:
        load_model(text)
    assert "\n" not in str(err.value)
    other = tmp_path / "dict.skops"
    sio.dump({"a": 1}, other)
    with pytest.raises(InputError, match="not a framing model"):
        load_model(other)
    with pytest.raises(InputError, match="no such model file"):
        load_model(tmp_path / "absent.skops")


def test_model_features_names_and_directions(fitted):
    table = model_features(fitted, top=5)
    assert list(table.columns) == ["class", "feature", "weight", "direction"]
    bait = table[(table["class"] == 1) & (table["direction"] == "for")]
    assert (bait["weight"] > 0).all() and bait["weight"].is_monotonic_decreasing
    assert len(bait) == 5
    news_for = table[(table["class"] == 0) & (table["direction"] == "for")]
    bait_against = table[(table["class"] == 1) & (table["direction"] == "against")]
    # two classes: the first class's weights are the negated weights of the second
    assert news_for["feature"].tolist() == bait_against["feature"].tolist()
    np.testing.assert_allclose(news_for["weight"], -bait_against["weight"])
    assert table["feature"].str.contains("__").all()


def test_calibrated_model_explains_and_saves(headlines, tmp_path):
    clf = make_classifier(text="headline", calibrate=True).fit(headlines, headlines["clickbait"])
    assert len(model_features(clf, top=2)) == 8
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loaded = load_model(save_model(clf, tmp_path / "c.skops"))
    assert loaded.predict(headlines).tolist() == clf.predict(headlines).tolist()


@pytest.fixture(scope="module")
def coded(sample) -> pd.DataFrame:
    """Sample articles of three AllSides topics, each coded with its topic and its outlet's
    leaning: two real codes per row, as ``;``-separated text and as 0/1 columns."""
    part = sample[sample["topic"].isin(["elections", "immigration", "healthcare"])]
    part = part.groupby("topic", group_keys=False).head(40).reset_index(drop=True)
    part = part.assign(codes=part["topic"] + ";" + part["leaning"])
    return part.join(pd.get_dummies(part["topic"], dtype=int))


def test_multi_label_codes_and_columns_give_one_table(coded):
    from framing.models.multilabel import label_table

    rows, table = label_table(coded, "codes", multi_label=True)
    assert table.columns.tolist() == [
        "center", "elections", "healthcare", "immigration", "left", "right",
    ]  # fmt: skip
    assert (table.sum(axis=1) == 2).all() and len(rows) == len(coded)
    _, columns = label_table(coded, "elections,healthcare,immigration")
    assert columns.equals(table[["elections", "healthcare", "immigration"]])
    with pytest.raises(InputError, match="'topic' must hold 0 or 1"):
        label_table(coded, "topic,elections")
    with pytest.raises(InputError, match="label 'x' is on 1 of"):
        label_table(coded.assign(x=[1] + [0] * (len(coded) - 1)), "x,elections")


def test_multi_label_cross_validation_per_label(coded):
    clf = make_classifier(multi_label=True, features=None, C=1.0)
    m = cross_validate_model(clf, coded, label="codes", multi_label=True, cv=3)
    assert set(m["per_label"]) == {"center", "elections", "healthcare", "immigration", "left",
                                   "right"}  # fmt: skip
    topics = [m["per_label"][t]["roc_auc"] for t in ("elections", "healthcare", "immigration")]
    assert min(topics) > 0.85  # the topic is in the words
    assert m["per_label"]["healthcare"]["support"] == (coded["topic"] == "healthcare").sum()
    assert m["n"] == len(coded)
    assert m["mean_auc"] == pytest.approx(np.mean([v["roc_auc"] for v in m["per_label"].values()]))
    pooled = [v["roc_auc_pooled"] for v in m["per_label"].values()]
    assert m["mean_auc_pooled"] == pytest.approx(np.mean(pooled))
    f1 = [v["f1"] for v in m["per_label"].values()]
    assert m["macro_f1"] == pytest.approx(np.mean(f1)) and 0 < m["micro_f1"] < 1
    with pytest.raises(ParameterError, match="make_classifier\\(multi_label=True\\)"):
        cross_validate_model(make_classifier(features=None), coded, label="codes",
                             multi_label=True, cv=3)  # fmt: skip


def test_multi_label_cross_validation_auc_is_the_mean_of_the_folds_own(coded):
    """Each label's ROC AUC is the mean of its folds' AUCs, computed here by hand with
    scikit-learn on the same folds (the rarest label's strata, as the toolkit makes them),
    and the pooled out-of-fold AUC is kept beside it."""
    from sklearn.base import clone
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold

    from framing.models.multilabel import label_table, strata

    clf = make_classifier(multi_label=True, features=None, C=1.0)
    m = cross_validate_model(clf, coded, label="codes", multi_label=True, cv=3)
    rows, table = label_table(coded, "codes", multi_label=True)
    folds = StratifiedKFold(3, shuffle=True, random_state=0).split(rows, strata(table, 3))
    aucs, proba = [], np.zeros(table.shape)
    for train, test in folds:
        p = clone(clf).fit(rows.iloc[train], table.iloc[train]).predict_proba(rows.iloc[test])
        proba[test] = p
        aucs.append([roc_auc_score(table.iloc[test, j], p[:, j]) for j in range(table.shape[1])])
    by_fold = np.mean(aucs, axis=0)
    for j, name in enumerate(table.columns):
        assert m["per_label"][name]["roc_auc"] == pytest.approx(by_fold[j])
        pooled = roc_auc_score(table[name], proba[:, j])
        assert m["per_label"][name]["roc_auc_pooled"] == pytest.approx(pooled)
    assert m["mean_auc"] == pytest.approx(by_fold.mean())
    # the leanings are the hard labels: there the folds' models differ, and pooling their
    # scores ranks rows of different folds against each other
    left = m["per_label"]["left"]
    assert left["roc_auc"] != pytest.approx(left["roc_auc_pooled"])


def test_multi_label_folds_pool_strata_too_small_to_reach_every_fold(coded):
    import warnings

    # 'y' is the rarest label of only two rows (its others also carry the rarer 'x'): alone,
    # that stratum could not reach three folds and scikit-learn would warn
    extra = coded.assign(x=0, y=0)
    extra.iloc[:3, extra.columns.get_loc("x")] = 1
    extra.iloc[1:5, extra.columns.get_loc("y")] = 1
    clf = make_classifier(multi_label=True, features=None, C=1.0)
    with warnings.catch_warnings():
        warnings.filterwarnings("error", "The least populated class", UserWarning)
        m = cross_validate_model(clf, extra, label="elections,healthcare,x,y", cv=3)
    assert m["per_label"]["y"]["support"] == 4


def test_multi_label_thresholds_predict_and_explain(coded, tmp_path):
    clf = make_classifier(multi_label=True, features=None)
    table = coded[["elections", "healthcare", "immigration"]]
    clf.fit(coded, table)
    thresholds = [est.threshold_ for est in clf[-1].estimators_]
    assert all(0 < t < 1 for t in thresholds) and len(set(thresholds)) > 1
    out = predict(clf, coded.head(6))
    assert out.columns.tolist() == ["predicted", "p_elections", "p_healthcare", "p_immigration"]
    # each label is given when its probability reaches its own threshold
    for name, cut in zip(table.columns, thresholds, strict=True):
        given = out["predicted"].str.split(";").apply(lambda codes, n=name: n in codes)
        assert given.tolist() == (out[f"p_{name}"] >= cut).tolist()
    assert (out["predicted"] == coded["topic"].head(6)).mean() >= 0.5
    weights = model_features(clf, top=5)
    assert set(weights["class"]) == {"elections", "healthcare", "immigration"}
    top = weights[(weights["class"] == "immigration") & (weights["direction"] == "for")]
    assert top["feature"].str.contains("immigra|border|asylum|migrant").any()
    path = save_model(clf, tmp_path / "frames.skops")
    loaded = load_model(path)
    pd.testing.assert_frame_equal(predict(loaded, coded.head(6)), out)
    m = evaluate(loaded, coded, "elections,healthcare,immigration")
    assert m["n"] == len(coded) and m["per_label"]["elections"]["roc_auc"] > 0.9


@pytest.mark.slow
def test_an_article_model_reads_headline_and_body_as_one_text():
    """On the 480 hand-labelled articles of tests/dev/hyperpartisan, the text part of the
    default article model (headline and body, their rows normalised together) ranks the
    articles as plain TF-IDF over the whole article does: 10-fold ROC AUC within 0.03 of it
    (0.841 against 0.840). Each column normalised on its own, the headline's dozen words
    weighed as much as the body's hundreds and the text part fell to 0.716."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline

    df = coded_set("hyperpartisan", "hyperpartisan.tsv")
    assert len(df) == 480 and df["hyperpartisan"].sum() == 65
    y, folds = df["hyperpartisan"], StratifiedKFold(10, shuffle=True, random_state=0)
    plain = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LogisticRegression(max_iter=1000),
    )
    whole = df["headline"] + "\n\n" + df["body"]
    p_plain = cross_val_predict(plain, whole, y, cv=folds, method="predict_proba")[:, 1]
    ours = make_classifier(features=None)
    p_ours = cross_val_predict(ours, df, y, cv=folds, method="predict_proba")[:, 1]
    auc_plain, auc_ours = roc_auc_score(y, p_plain), roc_auc_score(y, p_ours)
    assert auc_ours >= auc_plain - 0.03 and auc_ours > 0.8, (auc_ours, auc_plain)


def test_measures_saved_before_the_cut_transform_as_they_did():
    """A MeasureScaler from a model file saved before ``clip`` existed has neither it nor
    ``spread_``: it transforms without cutting, as it was fitted."""
    from framing.models.build import MeasureScaler

    X = np.array([[0.0]] * 60 + [[1.0]] * 39 + [[100.0]])
    old = MeasureScaler().fit(X)
    del old.clip, old.spread_
    z = (X - X.mean()) / X.std()
    np.testing.assert_allclose(old.transform(X), z)
    new = MeasureScaler().fit(X).transform(X)
    np.testing.assert_allclose(new * MeasureScaler().fit(X).spread_, np.clip(z, -3, 3))


def _noise_beside_a_signal(
    seed: int = 0, rows: int = 200, noise: int = 30
) -> tuple[np.ndarray, np.ndarray]:
    """``rows`` rows: ``noise`` columns of noise (the block) before 3 columns that carry the
    label."""
    rng = np.random.default_rng(seed)
    y = np.repeat([0, 1], rows // 2)
    signal = y[:, None] * 0.8 + rng.normal(size=(rows, 3))
    return np.hstack([rng.normal(size=(rows, noise)), signal]), y


@pytest.mark.parametrize("model", ["logreg", "linearsvc"])
# liblinear stops at its iteration limit at the largest C on these 123 noisy columns; the
# assertions compare fits made alike, so they hold either way
@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_a_block_of_noise_is_weighted_down_and_the_model_reads_it_as_given(model):
    """The inner cross-validation tries the block at a third of its weight, with C at least
    the one chosen as given; the final model, fitted on the lighter block, scores the
    columns as given exactly as that fit scores the lighter ones."""
    X, y = _noise_beside_a_signal(rows=400, noise=120)
    tuned = TunedClassifier(model=model, block=120, block_scales=(1 / 3,)).fit(X, y)
    assert list(tuned.block_scores_) == [1 / 3]
    tried = sorted(tuned.block_scores_[1 / 3])  # the C chosen as given and those above it
    assert tried == [C for C in CS if tried[0] <= C]
    best_given = max(tuned.cv_scores_.values())
    assert tuned.block_scale_ == 1 / 3, (tuned.cv_scores_, tuned.block_scores_)
    assert tuned.block_scores_[1 / 3][tuned.C_] > best_given
    lighter = scale_block(X, 120, 1 / 3)
    np.testing.assert_allclose(lighter[:, 120:], X[:, 120:])
    np.testing.assert_allclose(lighter[:, :120], X[:, :120] / 3)
    reference = (linear_model(model, tuned.C_, "balanced", False, 0)).fit(lighter, y)
    np.testing.assert_allclose(tuned.predict_proba(X), reference.predict_proba(lighter))
    # sparse input: the same choice and scores
    sparse_fit = TunedClassifier(model=model, block=120, block_scales=(1 / 3,)).fit(
        sp.csr_matrix(X), y
    )
    assert (sparse_fit.C_, sparse_fit.block_scale_) == (tuned.C_, tuned.block_scale_)
    np.testing.assert_allclose(sparse_fit.predict_proba(X), tuned.predict_proba(X), atol=1e-6)


def test_a_block_that_carries_the_label_keeps_its_weight():
    X, y = _noise_beside_a_signal()
    signal_first = np.hstack([X[:, 30:], X[:, :30]])
    tuned = TunedClassifier(block=3, block_scales=(1 / 3,)).fit(signal_first, y)
    assert tuned.block_scale_ == 1.0
    assert max(tuned.block_scores_[1 / 3].values()) <= max(tuned.cv_scores_.values())
    with pytest.raises(ParameterError, match="block must be"):
        TunedClassifier(block=40).fit(X, y)


def test_with_a_threshold_to_choose_the_inner_folds_are_scored_by_roc_auc():
    """With threshold="auto" the threshold is chosen after C, so C is chosen for ranking:
    each inner fold's score is the ROC AUC of its probabilities (checked by hand with
    scikit-learn on the same folds); without, the macro-F1 of the predicted classes."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold

    X, y = _noise_beside_a_signal()
    ranked = TunedClassifier(threshold="auto").fit(X, y)
    assert ranked.cv_metric_ == "roc_auc" and TunedClassifier().fit(X, y).cv_metric_ == "macro_f1"
    assert TunedClassifier(C=1.0).fit(X, y).cv_metric_ is None
    folds = StratifiedKFold(3, shuffle=True, random_state=0).split(X, y)  # all 200 rows
    by_hand = {C: [] for C in CS}
    for train, test in folds:
        for C in CS:
            lr = LogisticRegression(C=C, class_weight="balanced", max_iter=10_000)
            p = lr.fit(X[train], y[train]).predict_proba(X[test])[:, 1]
            by_hand[C].append(roc_auc_score(y[test], p))
    assert ranked.cv_scores_ == pytest.approx({C: np.mean(s) for C, s in by_hand.items()}, abs=2e-3)


def test_a_labels_probabilities_are_calibrated_on_the_inner_folds():
    """Balanced class weights push a rare label's probabilities up (their mean is near 0.5,
    not the label's rate); with threshold="auto" a sigmoid fitted on the inner folds'
    out-of-fold probabilities brings them back, so that a label's probabilities mean the
    same in every fold and every model (a pooled ROC AUC over folds compares like with
    like). The predicted labels are those of the raw probabilities at the same cut."""
    rng = np.random.default_rng(1)
    y = (rng.random(1000) < 0.2).astype(int)
    X = np.hstack([y[:, None] * 1.0 + rng.normal(size=(1000, 2)), rng.normal(size=(1000, 5))])
    train, test = slice(0, 600), slice(600, None)
    tuned = TunedClassifier(threshold="auto").fit(X[train], y[train])
    a, b = tuned.calibration_
    raw = tuned.estimator_.predict_proba(X[test])[:, 1]
    calibrated = tuned.predict_proba(X[test])[:, 1]
    logit = np.log(raw / (1 - raw))
    np.testing.assert_allclose(calibrated, 1 / (1 + np.exp(-(a * logit + b))))
    assert raw.mean() > 0.35 and abs(calibrated.mean() - y[test].mean()) < 0.05
    brier = [np.mean((p - y[test]) ** 2) for p in (raw, calibrated)]
    assert brier[1] < brier[0] - 0.03, brier
    order = np.argsort(raw)
    assert (np.diff(calibrated[order]) >= 0).all()  # the ranking is kept
    cut = 1 / (1 + np.exp(-(np.log(tuned.threshold_ / (1 - tuned.threshold_)) - b) / a))
    np.testing.assert_array_equal(tuned.predict(X[test]), (raw >= cut).astype(int))
    assert TunedClassifier().fit(X[train], y[train]).calibration_ is None


@pytest.mark.parametrize(
    ("given", "chosen"),
    [
        # a lucky best at the end of the grid, beside a poor neighbour: the best mean and the
        # one-standard-error rule take 30; the smoothed curve peaks at 1
        (
            {0.3: [0.71] * 3, 1.0: [0.79] * 3, 3.0: [0.78] * 3, 10.0: [0.61] * 3, 30.0: [0.82] * 3},
            1.0,
        ),
        # noisy folds (error 0.058): the one-standard-error rule takes the smallest C within it,
        # 1; the smoothed curve peaks at 3
        (
            {
                0.3: [0.60, 0.80, 0.70],
                1.0: [0.65, 0.85, 0.75],
                3.0: [0.68, 0.88, 0.78],
                10.0: [0.67, 0.87, 0.77],
                30.0: [0.64, 0.84, 0.74],
            },
            3.0,
        ),
    ],
)
def test_c_is_the_best_of_the_inner_scores_averaged_with_their_neighbours(
    monkeypatch, given, chosen
):
    """C = "auto" keeps the C whose mean inner score, averaged with its neighbours' on the
    grid (the ends repeated), is best, and fits it on all rows."""
    X, y = _noise_beside_a_signal()

    def inner(self, data, Cs, scale=1.0):
        return ({C: given[C] for C in Cs}, {C: np.zeros(len(data.y)) for C in Cs})

    monkeypatch.setattr(TunedClassifier, "_inner", inner)
    tuned = TunedClassifier().fit(X, y)
    assert chosen == tuned.C_
    assert tuned.cv_scores_ == pytest.approx({C: np.mean(s) for C, s in given.items()})
    assert chosen == tuned.estimator_.C


def test_another_weight_of_the_block_must_beat_the_folds_noise(monkeypatch):
    """The block keeps its weight as given unless another scores above the best C as given
    by more than that score's standard error over the folds."""
    X, y = _noise_beside_a_signal()
    given = {0.3: [0.70, 0.80, 0.75], 1.0: [0.70, 0.74, 0.72]}  # best 0.75, error 0.029
    for other, kept in ((0.77, 1.0), (0.79, 1 / 3)):

        def inner(self, data, Cs, scale=1.0, other=other):
            return ({C: given[C] if scale == 1.0 else [other] * 3 for C in Cs}, {})

        monkeypatch.setattr(TunedClassifier, "_inner", inner)
        monkeypatch.setattr("framing.models.tuning.CS", (0.3, 1.0))
        tuned = TunedClassifier(block=30, block_scales=(1 / 3,)).fit(X, y)
        assert tuned.C_ == 0.3 and tuned.block_scale_ == kept, (other, tuned.block_scores_)


def test_the_measures_are_the_block_of_a_framing_classifier(articles):
    """make_classifier's measures come first, and their weight is chosen: 0.5 as built, or
    1.5 when the inner cross-validation scores that higher."""
    from framing.models.build import OTHER_MEASURES_WEIGHTS, measures_weight

    clf = make_classifier().fit(articles, articles["leaning"])
    names = clf[:-1].get_feature_names_out()
    tuned = clf[-1]
    assert tuned.block == sum(n.startswith("measures__") for n in names) > 30
    assert all(n.startswith("measures__") for n in names[: tuned.block])
    assert list(tuned.block_scores_) == [1.5 / MEASURES_WEIGHT]
    assert measures_weight(tuned) in (MEASURES_WEIGHT, *OTHER_MEASURES_WEIGHTS)
    assert make_classifier(features=None)[-1].block == 0
