"""Execute every notebook top to bottom on a fresh kernel against the installed package.

Notebooks are committed with outputs stripped (so diffs stay readable and nothing stale is
shown); this test runs them and fails on any error. The notebooks run side by side, each in
a process of its own (one kernel each), started together when the first is checked: the
machine's cores share the work, and each test waits for its own notebook.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))

RUN = """
import sys
import nbclient, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
client = nbclient.NotebookClient(
    nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": sys.argv[2]}}
)
try:
    client.execute()
except nbclient.exceptions.CellExecutionError as error:
    sys.exit(f"{sys.argv[1]}: {error}")
errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
          if o.get("output_type") == "error"]
sys.exit(f"{sys.argv[1]}: {errors}" if errors else 0)
"""


@pytest.fixture(scope="module")
def running(tmp_path_factory) -> dict[Path, subprocess.Popen]:
    """One process a notebook, all started at once."""
    pytest.importorskip("nbformat")
    pytest.importorskip("nbclient")
    out = {}
    for path in NOTEBOOKS:
        folder = tmp_path_factory.mktemp(path.stem)
        out[path] = subprocess.Popen(
            [sys.executable, "-c", RUN, str(path), str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    yield out
    for process in out.values():
        process.kill()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, running):
    _, err = running[path].communicate(timeout=900)
    assert running[path].returncode == 0, err[-3000:]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_committed_without_outputs(path):
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{path.name}: strip outputs"
