"""Saving and loading framing classifiers as skops files, under the toolkit's trust policy.

Examples
--------
>>> import pathlib, tempfile
>>> import pandas as pd
>>> from framing.models import make_classifier
>>> X = pd.DataFrame({"headline": ["You Won't Believe This", "Senate passes bill"] * 2})
>>> clf = make_classifier(text="headline", features=None).fit(X, [1, 0, 1, 0])
>>> path = save_model(clf, pathlib.Path(tempfile.mkdtemp()) / "m.skops")
>>> load_model(path).predict(X).tolist()
[1, 0, 1, 0]
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sklearn.utils.validation import check_is_fitted

from framing.errors import InputError
from framing.models.labels import plain_label

FORMAT = "framing-model"


def save_model(model: Any, path: str | Path, metadata: dict | None = None) -> Path:
    """Save a fitted model and its metadata with skops, atomically.

    The metadata records the framing version; pass the text columns, the label column
    and the training metrics (the CLI does). It must be JSON-like (dicts, lists, str,
    numbers) and is returned by :func:`load_model` as ``model.framing_metadata_``.

    Parameters
    ----------
    model : fitted estimator
        From :func:`~framing.models.make_classifier`; only the types of
        :data:`framing.io.trust.TRUSTED` load again.
    path : str or Path
        The ``.skops`` file to write; replaced atomically.
    metadata : dict, optional
        JSON-like values to keep with the model.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    framing.errors.InputError
        The metadata is not JSON-like.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import pandas as pd
    >>> from framing.models import make_classifier
    >>> X = pd.DataFrame({"headline": ["You Won't Believe This", "Senate passes bill"] * 2})
    >>> clf = make_classifier(text="headline").fit(X, [1, 0, 1, 0])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "m.skops"
    >>> _ = save_model(clf, path, {"label": "clickbait"})
    >>> loaded = load_model(path)
    >>> loaded.predict(X).tolist(), loaded.framing_metadata_["label"]
    ([1, 0, 1, 0], 'clickbait')
    """
    import skops.io as sio

    from framing import __version__
    from framing.io.atomic import atomic_path

    check_is_fitted(model)
    meta = {"framing_version": __version__, **(metadata or {})}
    try:
        meta = json.loads(json.dumps(meta, allow_nan=False, default=plain_label))
    except (TypeError, ValueError) as err:
        raise InputError(f"model metadata must be JSON-like: {err}") from None
    path = Path(path)
    with atomic_path(path) as tmp:
        sio.dump({"format": FORMAT, "metadata": meta, "model": model}, tmp)
    return path


def load_model(path: str | Path) -> Any:
    """Load a model saved by :func:`save_model`, refusing any type outside the trusted list.

    The file is never unpickled, and before anything in it is imported every type it names
    is checked against the exact types the toolkit's own pipelines contain
    (:data:`framing.io.trust.TRUSTED`); a file naming any other is refused with the list.
    Classes saved under an earlier module name (:data:`framing.io.trust.MOVED`) load
    under their current one.

    Parameters
    ----------
    path : str or Path
        A file written by :func:`save_model`.

    Returns
    -------
    sklearn.pipeline.Pipeline
        With the saved metadata in ``framing_metadata_`` (framing version, text columns,
        label column, training metrics ...).

    Raises
    ------
    framing.errors.InputError
        The file is missing, is not a skops file, is not a framing model, or names
        untrusted types.

    Examples
    --------
    >>> load_model("absent.skops")
    Traceback (most recent call last):
    ...
    framing.errors.InputError: absent.skops: no such model file
    """
    from framing.io import trust

    saved = trust.load(path)
    if not (isinstance(saved, dict) and saved.get("format") == FORMAT and "model" in saved):
        raise InputError(f"{path}: a skops file, but not a framing model (save with save_model)")
    model = saved["model"]
    model.framing_metadata_ = saved.get("metadata", {})
    return model
