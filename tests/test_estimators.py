"""The scikit-learn contract of the toolkit's transformers, FramingFeatures and TextColumns.

scikit-learn's own checks run on both; those that feed numeric arrays to a transformer that
reads named text columns cannot apply and are listed, each with its reason, as expected
failures (strict: a listed check that starts to pass fails the run, so the list stays
exact). The contract they would check is then checked by hand, on text, below.
"""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.utils import estimator_html_repr
from sklearn.utils.estimator_checks import parametrize_with_checks

from framing.errors import InputError, MissingColumnError
from framing.features.transformer import FramingFeatures
from framing.io import trust
from framing.models import TextColumns, load_model, make_classifier, save_model

NOT_TEXT = "fits on a numeric array; the transformer reads text from named DataFrame columns"

#: check -> why it cannot apply to a transformer of text (the same for both)
TEXT_ONLY = {
    "check_fit_score_takes_y": NOT_TEXT + "; fit(X, y=None) is checked by hand",
    "check_estimators_overwrite_params": NOT_TEXT + "; test_fit_leaves_params_unchanged",
    "check_dont_overwrite_parameters": NOT_TEXT + "; test_fit_leaves_params_unchanged",
    "check_estimators_fit_returns_self": NOT_TEXT + "; test_fit_returns_self_and_is_idempotent",
    "check_readonly_memmap_input": NOT_TEXT + " (a read-only memmap of floats)",
    "check_n_features_in_after_fitting": NOT_TEXT + "; test_records_the_columns_seen_at_fit",
    "check_positive_only_tag_during_fit": NOT_TEXT + " (negative numbers, for the tag)",
    "check_estimators_dtypes": NOT_TEXT + " (float32, int64, int32 arrays)",
    "check_complex_data": "expects the message 'Complex data not supported'; a complex "
    "array is refused as not a frame of text, and the message says that",
    "check_dtype_object": NOT_TEXT + " (an object array of numbers and strings, unnamed)",
    "check_estimators_empty_data_messages": "expects scikit-learn's wording for an array "
    "with 0 features; an array is refused as not a frame of text",
    "check_pipeline_consistency": NOT_TEXT + "; make_classifier pipelines are tested in "
    "test_models",
    "check_estimators_nan_inf": "expects NaN/inf to be refused; in text, a missing value "
    "is a missing text (TextColumns gives '', the measures read no text), not an error",
    "check_estimators_pickle": NOT_TEXT + "; test_pickle_and_skops_round_trip",
    "check_f_contiguous_array_estimator": NOT_TEXT + " (a Fortran-ordered float array)",
    "check_transformer_data_not_an_array": NOT_TEXT + " (an array-like wrapper of floats)",
    "check_transformer_general": NOT_TEXT + "; test_fit_returns_self_and_is_idempotent",
    "check_methods_sample_order_invariance": NOT_TEXT + "; test_rows_are_independent",
    "check_methods_subset_invariance": NOT_TEXT + "; test_rows_are_independent",
    "check_fit2d_1sample": "expects scikit-learn's wording for one sample of a numeric "
    "array; one row of text is fine",
    "check_fit2d_1feature": "expects scikit-learn's wording for one feature of a numeric "
    "array; one text column is fine",
    "check_dict_unchanged": NOT_TEXT + "; test_transform_leaves_the_estimator_unchanged",
    "check_fit_idempotent": NOT_TEXT + "; test_fit_returns_self_and_is_idempotent",
    "check_fit_check_is_fitted": NOT_TEXT + "; test_not_fitted_before_fit",
    "check_n_features_in": NOT_TEXT + "; test_records_the_columns_seen_at_fit",
    "check_fit2d_predict1d": NOT_TEXT + " (then transforms a 1-D array of floats)",
}

EXPECTED_FAILURES = {
    "TextColumns": TEXT_ONLY,
    "FramingFeatures": {
        **TEXT_ONLY,
        "check_fit1d": "expects a 1-D array to be refused; to FramingFeatures it is a "
        "sequence of texts, measured as bodies (as by framing.extract_features)",
    },
}


def expected_failures(estimator) -> dict[str, str]:
    return EXPECTED_FAILURES[type(estimator).__name__]


@parametrize_with_checks(
    [TextColumns(), TextColumns(columns=("headline",)), FramingFeatures(features="style")],
    expected_failed_checks=expected_failures,
    xfail_strict=True,
)
def test_scikit_learn_checks(estimator, check):
    check(estimator)


# --- the same contract, by hand, on text ------------------------------------------------

X = pd.DataFrame(
    {
        "headline": ["You Won't Believe This", "Senate passes bill", None, "Why he left"],
        "body": ["What a shocking day!", "The senate voted 52-48.", "Cats are sad!", None],
        "outlet": ["a", "b", "c", "d"],
    },
    index=[10, 11, 12, 13],
)

ESTIMATORS = {
    "TextColumns": lambda: TextColumns(columns=("headline", "body")),
    "FramingFeatures": lambda: FramingFeatures(features=["style", "headline"]),
}
PARAMS = {"TextColumns": ("columns", ("body",)), "FramingFeatures": ("features", "style")}


@pytest.fixture(params=sorted(ESTIMATORS))
def name(request) -> str:
    return request.param


def make(name: str):
    return ESTIMATORS[name]()


def values(out) -> np.ndarray:
    return np.asarray(out.to_numpy() if hasattr(out, "to_numpy") else out, dtype=object)


def test_parameters_are_keyword_only(name):
    cls = type(make(name))
    with pytest.raises(TypeError):
        cls(PARAMS[name][1])


def test_clone_and_params_round_trip(name):
    est = make(name)
    key, other = PARAMS[name]
    params = est.get_params()
    assert list(params) == [key]
    copy = clone(est)
    assert copy is not est and copy.get_params() == params
    assert copy.set_params(**{key: other}) is copy
    assert copy.get_params() == {key: other} and est.get_params() == params
    assert type(est)(**params).get_params() == params


def test_not_fitted_before_fit(name):
    est = make(name)
    with pytest.raises(NotFittedError):
        est.transform(X)
    with pytest.raises(NotFittedError):
        est.get_feature_names_out()
    with pytest.raises(NotFittedError):
        clone(est.fit(X)).transform(X)


def test_fit_returns_self_and_is_idempotent(name):
    est = make(name)
    assert est.fit(X) is est and est.fit(X, [0, 1, 0, 1]) is est
    first = values(est.transform(X))
    again = values(est.fit(X).transform(X))
    np.testing.assert_array_equal(first, again)
    np.testing.assert_array_equal(values(make(name).fit_transform(X)), first)
    assert len(first) == len(X) and first.shape[1] == len(est.get_feature_names_out())


def test_fit_leaves_params_unchanged(name):
    est = make(name)
    before = est.get_params()
    est.fit(X)
    assert est.get_params() == before


def test_transform_leaves_the_estimator_unchanged(name):
    est = make(name).fit(X)
    before = dict(vars(est))
    est.transform(X)
    assert vars(est).keys() == before.keys()
    for key, value in before.items():
        np.testing.assert_array_equal(vars(est)[key], value)


def test_rows_are_independent(name):
    est = make(name).fit(X)
    whole = values(est.transform(X))
    order = [3, 1, 0, 2]
    np.testing.assert_array_equal(values(est.transform(X.iloc[order])), whole[order])
    np.testing.assert_array_equal(values(est.transform(X.iloc[1:3])), whole[1:3])


def test_records_the_columns_seen_at_fit(name):
    est = make(name).fit(X)
    assert est.n_features_in_ == 3
    assert est.feature_names_in_.tolist() == ["headline", "body", "outlet"]
    # columns not read may change at transform time (a frame to predict has no label)
    est.transform(X.drop(columns="outlet").assign(extra=1))
    with pytest.raises(MissingColumnError, match="'body'") as err:
        est.transform(X.drop(columns="body"))
    assert err.value.missing == ["body"] and err.value.found == ["headline", "outlet"]
    assert "--" not in str(err.value) and "\n" not in str(err.value)
    # a frame of integer column names records no names, as in scikit-learn
    refit = make(name).fit(X.rename(columns={"outlet": 0}))
    assert refit.n_features_in_ == 3 and not hasattr(refit, "feature_names_in_")


def test_refuses_input_that_is_not_text(name):
    est = make(name)
    with pytest.raises(InputError):
        est.fit(np.zeros((4, 2)))
    est.fit(X)
    with pytest.raises(InputError):
        est.transform(np.zeros((4, 2)))


def test_index_kept_with_pandas_output(name):
    est = make(name).set_output(transform="pandas")
    out = est.fit_transform(X)
    assert isinstance(out, pd.DataFrame) and out.index.equals(X.index)
    assert out.columns.tolist() == est.get_feature_names_out().tolist()
    shuffled = X.iloc[[2, 0]]
    assert est.transform(shuffled).index.tolist() == [12, 10]


def test_pickle_and_skops_round_trip(name, tmp_path):
    est = make(name).fit(X)
    expected = values(est.transform(X))
    again = pickle.loads(pickle.dumps(est))
    np.testing.assert_array_equal(values(again.transform(X)), expected)
    assert again.feature_names_in_.tolist() == est.feature_names_in_.tolist()
    # skops, through the toolkit's trust policy
    import skops.io as sio

    path = tmp_path / "est.skops"
    sio.dump(est, path)
    loaded = trust.load(path)
    np.testing.assert_array_equal(values(loaded.transform(X)), expected)
    assert loaded.get_params() == est.get_params()


def test_a_classifier_round_trips_through_save_model(tmp_path):
    clf = make_classifier(features=["style"], min_df=1, C=1.0).fit(X, [1, 0, 1, 0])
    loaded = load_model(save_model(clf, tmp_path / "m.skops"))
    np.testing.assert_allclose(loaded.predict_proba(X), clf.predict_proba(X))
    assert loaded[0].feature_names_in_.tolist() == ["headline", "body", "outlet"]
    assert loaded.feature_names_in_.tolist() == ["headline", "body", "outlet"]


def test_html_repr(name):
    est = make(name)
    assert type(est).__name__ in estimator_html_repr(est)
    assert type(est).__name__ in estimator_html_repr(est.fit(X))
    assert "TextColumns" in estimator_html_repr(make_classifier(features=["style"]))
