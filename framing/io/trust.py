"""The one policy for loading skops model files: exact types only, nothing else runs.

A skops file is a zip holding ``schema.json``, a tree of nodes. Each node names a loader
(``ObjectNode``, ``NdArrayNode``, ...) and a type (``module.Class``); loading imports that
type and, for some loaders, calls it. A crafted file can name any importable callable
(``os.system``, ``numpy.testing._private.utils.runstring``) and have it called, so a
trust list must name exact types, never module prefixes.

:data:`TRUSTED` lists, per loader, the exact types that the toolkit's own pipelines
contain: every configuration of :func:`framing.models.make_classifier` (three classifiers,
calibrated or not, words, characters, measures and sentence embeddings, a vocabulary cut or
not, integer, float or string labels) and
the shipped clickbait model. ``tests/test_trust.py`` rebuilds all of them and checks that
they name exactly these types, so the list can neither miss one nor carry a spare.

Before skops sees the file, :func:`audit` walks the whole schema and refuses any
(loader, type) pair outside :data:`TRUSTED`; skops then loads with exactly the audited
types, so its own audit checks the same list a second time.

Examples
--------
>>> sorted(TRUSTED)[:3]
['CachedNode', 'DictNode', 'JsonNode']
>>> "numpy.testing._private.utils.runstring" in set().union(*TRUSTED.values())
False
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from framing.errors import InputError

#: estimators and transformers (loaded by ``ObjectNode``: the class is created without
#: calling ``__init__`` and its attributes set)
ESTIMATORS = frozenset(
    {
        "framing.measures.headline.hashing.NgramHasher",
        "framing.models.build.ShortColumn",
        "framing.models.build.MeasureScaler",
        "framing.models.build.TextColumns",
        "framing.models.build.Tfidf",
        "framing.models.embeddings.SentenceEmbeddings",
        "framing.models.multilabel.OneVsRest",
        "framing.models.tuning.TunedClassifier",
        "framing.features.transformer.FramingFeatures",
        "sklearn.calibration.CalibratedClassifierCV",
        "sklearn.calibration._CalibratedClassifier",
        "sklearn.calibration._SigmoidCalibration",
        "sklearn.compose._column_transformer.ColumnTransformer",
        "sklearn.feature_extraction.text.TfidfTransformer",
        "sklearn.feature_extraction.text.TfidfVectorizer",  # in files of framing 0.1 (LEGACY)
        "sklearn.linear_model._logistic.LogisticRegression",
        "sklearn.linear_model._stochastic_gradient.SGDClassifier",
        "sklearn.pipeline.FeatureUnion",
        "sklearn.pipeline.Pipeline",
        "sklearn.preprocessing._data.Normalizer",
        "sklearn.preprocessing._data.StandardScaler",  # LEGACY
        "sklearn.preprocessing._label.LabelBinarizer",
        "sklearn.svm._classes.LinearSVC",
    }
)

#: loader name -> the exact types it may name
TRUSTED: dict[str, frozenset[str]] = {
    "ObjectNode": ESTIMATORS,
    # SGDClassifier's loss object, rebuilt by calling this class with saved arguments
    "LossNode": frozenset({"sklearn._loss._loss.CyHalfBinomialLoss"}),
    # arrays come from numpy's own format with allow_pickle=False; numpy scalars are built
    # by calling their type on such an array
    # (numpy.int64: in files of framing 0.1, a vocabulary cut by max_features; LEGACY)
    "NdArrayNode": frozenset({"numpy.ndarray", "numpy.float64", "numpy.int64"}),
    # a type as a value (TfidfVectorizer's dtype, a dict's key types): imported, not called
    "TypeNode": frozenset({"builtins.float", "builtins.str", "numpy.float32", "numpy.float64"}),
    "DictNode": frozenset({"builtins.dict"}),
    "ListNode": frozenset({"builtins.list"}),
    "TupleNode": frozenset({"builtins.tuple"}),
    "SliceNode": frozenset({"builtins.slice"}),
    # any JSON value (numbers, text, null), read with json.loads; skops names them all str
    "JsonNode": frozenset({"builtins.str"}),
}
LEGACY = frozenset(
    {
        ("ObjectNode", "sklearn.feature_extraction.text.TfidfVectorizer"),
        ("NdArrayNode", "numpy.int64"),
        ("TypeNode", "numpy.float32"),
        ("ObjectNode", "sklearn.preprocessing._data.StandardScaler"),
    }
)
"""Trusted types that today's pipelines no longer contain, kept so that model files saved
by framing 0.1 (their vocabularies stored as dicts), those whose TF-IDF was float32
(before logistic regression's float64 became the TF-IDF's too) and those whose measures
were scaled by a plain StandardScaler (before MeasureScaler) still load."""
# a second reference to an object loaded earlier in the same file: constructs nothing new
TRUSTED["CachedNode"] = frozenset().union(*TRUSTED.values())

HINT = "only load model files from people you trust, or retrain with framing train"


#: classes that files saved by framing 0.1 name by their old module -> where they live now
MOVED = {
    "framing.transformer.FramingFeatures": "framing.features.transformer.FramingFeatures",
    "framing.hashing.NgramHasher": "framing.measures.headline.hashing.NgramHasher",
    "framing.models.TextColumns": "framing.models.build.TextColumns",
}


def _nodes(tree: Any) -> Iterator[dict]:
    """Every node (a dict naming a loader or type) anywhere in a skops schema."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "__module__" in node or "__class__" in node or "__loader__" in node:
                yield node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _named(node: dict) -> tuple[str, str]:
    return str(node.get("__loader__")), f"{node.get('__module__')}.{node.get('__class__')}"


def _read(path: Path) -> tuple[dict, dict[str, bytes]]:
    """The schema of a skops file, classes that moved renamed, and its other members."""
    if not path.is_file():
        raise InputError(f"{path}: no such model file")
    try:
        with zipfile.ZipFile(path) as archive:
            schema = json.loads(archive.read("schema.json"))
            members = {n: archive.read(n) for n in archive.namelist() if n != "schema.json"}
    except (zipfile.BadZipFile, KeyError, ValueError, UnicodeDecodeError, OSError) as err:
        raise InputError(
            f"{path}: not a model file saved by framing train / save_model "
            f"({type(err).__name__}: {err})"
        ) from None
    for node in _nodes(schema):
        moved = MOVED.get(_named(node)[1])
        if moved:
            node["__module__"], _, node["__class__"] = moved.rpartition(".")
    return schema, members


def _audit(path: Path, schema: dict) -> list[str]:
    named = {_named(node) for node in _nodes(schema)}
    refused = sorted(
        f"{name} ({loader})" for loader, name in named if name not in TRUSTED.get(loader, ())
    )
    if refused:
        raise InputError(
            f"{path}: refusing to load: it names types outside the toolkit's trusted list, "
            f"which could run code when loaded: {', '.join(refused)}; {HINT}"
        )
    return sorted({name for _, name in named})


def audit(path: str | Path) -> list[str]:
    """The exact types a skops file names, after checking each against :data:`TRUSTED`.

    Reads only ``schema.json``; imports and runs nothing from the file. Classes saved under
    the module names of framing 0.1 (:data:`MOVED`) are read under their current names.

    Parameters
    ----------
    path : str or Path
        A ``.skops`` file.

    Returns
    -------
    list of str
        The types the file names, all of them trusted.

    Raises
    ------
    InputError
        The file is missing, not a skops zip, or names a type outside the trusted list (the
        message names every such type with its loader).

    Examples
    --------
    >>> from framing.measures.headline import CLICKBAIT_MODEL
    >>> "framing.measures.headline.hashing.NgramHasher" in audit(CLICKBAIT_MODEL)
    True
    """
    path = Path(path)
    return _audit(path, _read(path)[0])


def load(path: str | Path) -> Any:
    """Load a skops file after :func:`audit`, trusting exactly the audited types.

    Examples
    --------
    >>> from framing.measures.headline import CLICKBAIT_MODEL
    >>> type(load(CLICKBAIT_MODEL)).__name__
    'Pipeline'
    """
    import skops.io as sio

    path = Path(path)
    schema, members = _read(path)
    types = _audit(path, schema)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("schema.json", json.dumps(schema))
        for name, data in members.items():
            archive.writestr(name, data)
    try:
        return sio.loads(buffer.getvalue(), trusted=types)
    except Exception as err:  # skops raises many kinds on a malformed file
        raise InputError(
            f"{path}: could not read the model ({type(err).__name__}: {err}); {HINT}"
        ) from None
