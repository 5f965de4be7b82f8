"""The trust policy for model files: our own pipelines load, crafted files run nothing."""

from __future__ import annotations

import itertools
import json
import pickle
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import skops.io as sio

from framing.errors import InputError
from framing.io import trust
from framing.measures.headline import CLICKBAIT_MODEL
from framing.models import FORMAT, load_model, make_classifier, save_model

X = pd.DataFrame(
    {
        "headline": [
            "You Won't Believe This",
            "Senate passes bill",
            "17 cats cry",
            "Court rules",
            "Why he left",
            "Markets fall",
        ]
        * 3,
        "body": [
            "What a terrible, shocking day!",
            "The senate voted 52-48.",
            "Cats are sad!",
            "The court ruled on Monday.",
            'He said "no".',
            "Stocks fell 3% on Friday.",
        ]
        * 3,
    }
)
LABELS = {
    "int": [1, 0, 1, 0, 1, 0] * 3,
    "float": [1.0, 0.0, 0.0, 1.0, 1.0, 0.0] * 3,
    "str": ["a", "b", "c"] * 6,
}


def _named(path: Path) -> set[tuple[str, str]]:
    return {trust._named(node) for node in trust._nodes(trust._read(path)[0])}


@pytest.mark.filterwarnings("ignore")
def test_trusted_list_is_exactly_what_our_pipelines_contain(tmp_path, hashed_encoder):
    """Every make_classifier configuration and the shipped models: the list has no gap and
    no spare entry (CachedNode only refers back to types already loaded)."""
    from framing.measures.clutter.linemodel import LINE_MODEL

    seen = _named(CLICKBAIT_MODEL) | _named(LINE_MODEL)
    configs = itertools.product(
        ["logreg", "linearsvc", "sgd"], [False, True], [None, (2, 4)], [None, "default"]
    )
    for (model, calibrate, chars, features), (kind, y), max_features in itertools.product(
        configs, LABELS.items(), [None, 20]
    ):
        if max_features and kind != "int":
            continue
        clf = make_classifier(
            model=model,
            calibrate=calibrate,
            char_ngrams=chars,
            features=features,
            max_features=max_features,
            C=1.0,
        ).fit(X, y)
        path = save_model(clf, tmp_path / "m.skops", {"n": 1, "scores": [0.5, None]})
        seen |= _named(path)
        assert load_model(path).predict(X).tolist() == clf.predict(X).tolist()
    Y = pd.DataFrame({"a": LABELS["int"], "b": [1, 1, 0] * 6})
    for model, C in (("logreg", "auto"), ("linearsvc", 1.0)):  # C chosen: a dict of floats
        clf = make_classifier(model=model, multi_label=True, C=C).fit(X, Y)
        path = save_model(clf, tmp_path / "m.skops")
        seen |= _named(path)
        assert (load_model(path).predict_proba(X) == clf.predict_proba(X)).all()
    short = make_classifier(text="headline", features=None, C=1.0).fit(X, LABELS["int"])
    seen |= _named(save_model(short, tmp_path / "m.skops"))  # characters chosen for headlines
    embedded = make_classifier(embeddings=True, features=None, C=1.0).fit(X, LABELS["int"])
    seen |= _named(save_model(embedded, tmp_path / "m.skops"))
    trusted = {(loader, name) for loader, names in trust.TRUSTED.items() for name in names}
    assert seen <= trusted
    assert {pair for pair in trusted - seen if pair[0] != "CachedNode"} == trust.LEGACY


def test_model_files_of_framing_0_1_still_load(tmp_path):
    # 0.1 saved plain TfidfVectorizers (vocabulary as a dict; numpy.int64 ids when cut)
    from sklearn.feature_extraction.text import TfidfVectorizer

    clf = make_classifier(features=None, max_features=20)
    clf[1].transformers = [  # one vectoriser a text column, as 0.1 made them
        (f"words_{c}", TfidfVectorizer(sublinear_tf=True, max_features=20), c)
        for c in ("headline", "body")
    ]
    y = LABELS["int"]
    clf.fit(X, y)
    path = save_model(clf, tmp_path / "old.skops")
    assert ("NdArrayNode", "numpy.int64") in _named(path)
    assert load_model(path).predict(X).tolist() == clf.predict(X).tolist()


# --- crafted files ----------------------------------------------------------------------


def _node(loader: str, dotted: str, **extra) -> dict:
    module, _, name = dotted.rpartition(".")
    return {"__class__": name, "__module__": module, "__loader__": loader, **extra}


def _json(value) -> dict:
    return {
        "__class__": "str",
        "__module__": "builtins",
        "__loader__": "JsonNode",
        "content": json.dumps(value),
        "is_json": True,
    }


def _tuple(*values) -> dict:
    return {
        "__class__": "tuple",
        "__module__": "builtins",
        "__loader__": "TupleNode",
        "content": [_json(v) for v in values],
    }


def _call(dotted: str, *args) -> dict:
    """A node that skops loads by calling ``dotted(*args)``."""
    return _node("ConstructorFromReduceNode", dotted, content=_tuple(*args))


def _reduce(dotted: str, *args) -> dict:
    """An object rebuilt from its ``__reduce__``: ``dotted(*args)``, then its state."""
    return _node(
        "LossNode",
        dotted,
        __reduce__={"args": _tuple(*args)},
        content={
            "__class__": "dict",
            "__module__": "builtins",
            "__loader__": "DictNode",
            "content": {},
            "key_types": {
                "__class__": "list",
                "__module__": "builtins",
                "__loader__": "ListNode",
                "content": [],
            },
        },
    )


def _craft(path: Path, model: dict) -> Path:
    """A framing model file whose ``model`` entry is the given node."""
    sio.dump({"format": FORMAT, "metadata": {}, "model": "placeholder"}, path)
    with zipfile.ZipFile(path) as archive:
        schema = json.loads(archive.read("schema.json"))
    schema["content"]["model"] = model
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("schema.json", json.dumps(schema))
    return path


def _payloads(marker: Path) -> dict[str, tuple[str, dict]]:
    """name -> (the type that must be named in the refusal, the node)."""
    code = f"open({str(marker)!r}, 'w').close()"
    script = f"import pathlib; pathlib.Path({str(marker)!r}).touch()"
    return {
        "runstring": (
            "numpy.testing._private.utils.runstring",
            _call("numpy.testing._private.utils.runstring", code, {}),
        ),
        "run_python_script": (
            "sklearn.utils._testing.assert_run_python_script_without_output",
            _call("sklearn.utils._testing.assert_run_python_script_without_output", script),
        ),
        "os_system": ("posix.system", _call("posix.system", f"touch {marker}")),
        "eval": ("builtins.eval", _call("builtins.eval", code)),
        "reduce": ("builtins.exec", _reduce("builtins.exec", code)),
    }


PAYLOADS = sorted(_payloads(Path("m")))


@pytest.mark.parametrize("name", PAYLOADS)
def test_crafted_model_files_are_refused_and_run_nothing(name, tmp_path):
    marker = tmp_path / "ran"
    refused_type, node = _payloads(marker)[name]
    path = _craft(tmp_path / f"{name}.skops", node)
    for load in (load_model, trust.load, trust.audit):
        with pytest.raises(InputError, match="refusing to load") as err:
            load(path)
        message = str(err.value)
        assert "\n" not in message and refused_type in message
    assert not marker.exists()


@pytest.mark.parametrize("name", ["runstring", "eval", "reduce"])
def test_crafted_payloads_are_live(name, tmp_path):
    """The payloads above do run when skops is told to trust them: the refusal matters."""
    marker = tmp_path / "ran"
    refused_type, node = _payloads(marker)[name]
    path = _craft(tmp_path / f"{name}.skops", node)
    with pytest.raises(Exception):  # noqa: B017, PT011 (it runs, then fails to build a model)
        sio.load(path, trusted=[refused_type]).get("model")
        raise RuntimeError("loaded")
    assert marker.exists()


def test_payload_inside_a_real_model_is_refused(tmp_path):
    """A trusted pipeline with one hostile node deep inside it is still refused."""
    clf = make_classifier(text="headline", features=None).fit(X, LABELS["int"])
    path = save_model(clf, tmp_path / "m.skops")
    with zipfile.ZipFile(path) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    schema = json.loads(files["schema.json"])
    schema["content"]["metadata"]["content"]["evil"] = _call("posix.system", "true")
    files["schema.json"] = json.dumps(schema).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    with pytest.raises(InputError, match=r"posix\.system \(ConstructorFromReduceNode\)"):
        load_model(path)


def test_not_a_skops_zip_is_refused(tmp_path):
    pickled = tmp_path / "pickle.skops"
    pickled.write_bytes(pickle.dumps({"format": FORMAT}))
    bare = tmp_path / "bare.skops"
    with zipfile.ZipFile(bare, "w") as archive:
        archive.writestr("model.bin", b"\x00")
    for path in (pickled, bare):
        with pytest.raises(InputError, match="not a model file") as err:
            load_model(path)
        assert "\n" not in str(err.value)


@pytest.mark.parametrize("command", ["evaluate", "predict", "explain-model"])
def test_cli_refuses_crafted_models(command, tmp_path):
    marker = tmp_path / "ran"
    _, node = _payloads(marker)["os_system"]
    path = _craft(tmp_path / "evil.skops", node)
    data = tmp_path / "data.csv"
    X.assign(label=LABELS["int"]).to_csv(data, index=False)
    args = {
        "evaluate": [str(path), str(data)],
        "predict": [str(path), str(data), "-o", str(tmp_path / "out.csv")],
        "explain-model": [str(path)],
    }[command]
    run = subprocess.run(
        [sys.executable, "-m", "framing", command, *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert run.returncode == 2, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "posix.system" in run.stderr
    assert "Traceback" not in run.stderr and not marker.exists()
    assert not (tmp_path / "out.csv").exists()


def test_schema_is_read_without_importing(tmp_path):
    """The audit reads schema.json alone: a type from a module that does not exist is
    reported, not imported."""
    path = _craft(tmp_path / "m.skops", _node("ObjectNode", "no_such_module.Thing"))
    with pytest.raises(InputError, match=r"no_such_module\.Thing \(ObjectNode\)"):
        trust.audit(path)


def test_model_saved_by_the_flat_layout_still_loads():
    """A model saved by framing 0.1 (``framing.transformer.FramingFeatures``, 53 measures)
    loads, feeds its pipeline the measures it was fitted on although the default set has
    gained some since, and predicts the labels it predicted then. Its probabilities moved
    a little, because measures it reads were since corrected: one headline ("... cover-up
    or right-wing conspiracy theory?") is now an alternative question, no longer a yes/no
    one; ``headline_clickbait`` comes from a model retrained with news headlines as
    negatives; ``headline_teaser`` counts numbered lists and the clickbait model's
    teasers; clutter lines come from the rules and the line model; ``loaded_language`` reads
    the induced lexicon's weights, as the share of sentences a reader would mark."""
    folder = Path(__file__).parent / "fixtures" / "models"
    import framing
    from framing.models import predict

    model = load_model(folder / "v0.1-layout.skops")
    assert model.framing_metadata_["label"] == "fox"
    assert len(model[1].named_transformers_["measures"][0].feature_names_out_) == 53
    expected = pd.read_csv(folder / "v0.1-layout.predictions.csv", index_col="id")
    rows = framing.load_sample().iloc[::6].iloc[:20]
    got = predict(model, rows)
    assert got.index.tolist() == expected.index.tolist()
    assert got["predicted"].tolist() == expected["predicted"].tolist()
    moved = (got.drop(columns="predicted") - expected.drop(columns="predicted")).abs()
    assert moved.to_numpy().max() < 0.35 and moved.to_numpy().mean() < 0.1
