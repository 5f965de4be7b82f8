"""The built wheel carries everything framing reads at run time and works once installed.

Builds the wheel from a copy of the source tree, checks its file list (every source file of
``framing/`` and ``corpora/``, so the lexicons, templates, clutter patterns, headline data and
the corpora), installs it with ``--no-deps`` into a fresh virtual environment and, from a
temporary working directory, loads the sample corpus, the example, every shipped lexicon,
the clutter patterns, the headline data and clickbait model and the report templates there.

The new environment reuses the dependencies already installed for the test run: a ``.pth``
file lists this interpreter's site-packages folders as plain paths, so their packages
import but their ``.pth`` files, among them an editable install of framing, are not run.
``python -I`` keeps ``PYTHONPATH`` and the working directory off ``sys.path``.

Marked ``slow`` and ``wheel``: ``make test`` skips it, ``make test-wheel`` (run by CI after
``make test``) runs it. Building needs setuptools from the package index (build isolation).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.wheel]

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["pyproject.toml", "setup.py", "README.md", "LICENSE", "framing", "corpora"]
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".*")

SMOKE = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    import framing

    where = Path(framing.__file__).resolve()
    assert where.is_relative_to(Path(sys.prefix).resolve()), where
    df = framing.load_sample()
    assert len(df) == 600 and df.outlet.nunique() == 10, (len(df), df.outlet.nunique())
    text = framing.load_example()
    assert text.startswith("Is Putin losing his grip?"), text[:40]

    from framing.measures.clutter import load_rules
    from framing.measures.headline import acronyms, clickbait, cues
    from framing.measures.lexicons import available, load_lexicon
    from framing.report.render import environment

    names = available()
    assert len(names) >= 10, names
    assert all(len(load_lexicon(name)) > 0 for name in names)
    load_rules()
    assert cues() and "nato" in acronyms()
    assert 0 <= clickbait([text.splitlines()[0]])[0] <= 1
    for template in ("report.html.j2", "report.md.j2"):
        environment().get_template(template)
    print("ok", where)
    """
)


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{args}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def _shipped(root: Path, folder: str, prefix: str) -> set[str]:
    """Wheel names of the files under ``root/folder`` (caches and hidden files left out)."""
    names = set()
    for path in (root / folder).rglob("*"):
        rel = path.relative_to(root / folder)
        hidden = any(
            p.startswith((".", "__pycache__")) or p.endswith(".egg-info") for p in rel.parts
        )
        if path.is_file() and not hidden and path.suffix != ".pyc":
            names.add(f"{prefix}/{rel.as_posix()}")
    return names


def test_wheel_installs_and_loads_its_data(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=SKIP)
        else:
            shutil.copy2(ROOT / name, source / name)
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, source, cwd=tmp_path)
    (wheel,) = dist.glob("framing-*.whl")

    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    expected = _shipped(ROOT, "framing", "framing") | _shipped(ROOT, "corpora", "framing/corpora")
    for required in (
        "framing/corpora/sample/articles.jsonl.gz",
        "framing/corpora/sample/DATASHEET.md",
        "framing/corpora/examples/express-putin-protests.txt",
        "framing/measures/clutter/patterns.json",
        "framing/measures/headline/data/clickbait.skops",
        "framing/measures/lexicons/data/vader.txt",
        "framing/report/templates/report.html.j2",
    ):
        assert required in expected
    assert not expected - names, f"missing from the wheel: {sorted(expected - names)}"
    outside = {n for n in names if not n.startswith(("framing/", "framing-"))}
    assert not outside, f"outside the package: {sorted(outside)}"

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    purelib = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path
        ).strip()
    )
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (purelib / "_runner_deps.pth").write_text("".join(f"{p}\n" for p in sorted(ours)))
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps"]
    _run(*pip, wheel, cwd=tmp_path)

    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    out = _run(python, "-I", "-c", SMOKE, cwd=work, env=env)
    assert out.startswith("ok ") and str(env_dir.resolve()) in out, out
