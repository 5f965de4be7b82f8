"""Write a shipped model and its provenance beside it (both atomically)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import sklearn
import skops
import skops.io as sio

from framing.io.atomic import atomic_path


def ship(model: Any, path: Path, provenance: dict[str, Any]) -> None:
    """Save ``model`` to ``path`` (skops, deflated) and ``provenance`` to ``path.json``.

    The provenance gains the model's sha256 and the scikit-learn and skops versions.
    """
    with atomic_path(path) as tmp:
        sio.dump(model, tmp, compression=zipfile.ZIP_DEFLATED)
    provenance = {
        "model": path.name,
        "model_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        **provenance,
        "scikit_learn": sklearn.__version__,
        "skops": skops.__version__,
    }
    with atomic_path(path.with_suffix(".json")) as tmp:
        Path(tmp).write_text(json.dumps(provenance, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(provenance, indent=2))
