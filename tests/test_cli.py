import json
import subprocess
import sys

import pandas as pd

from framing.cli import COMMANDS, main


def test_help_lists_only_built_commands(capsys):
    assert main([]) == 2
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out


def test_info_on_sample_json(capsys):
    assert main(["info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["rows"] == 600 and info["outlets"] == 10
    assert info["body_chars"]["empty"] == 0


def test_python_dash_m_framing_runs():
    out = subprocess.run(
        [sys.executable, "-m", "framing", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("framing ")


def test_features_written_atomically(tmp_path, capsys):
    out = tmp_path / "deep" / "f.csv"
    assert main(["features", "-o", str(out)]) == 0
    df = pd.read_csv(out, index_col="id")
    assert len(df) == 600 and "style_words" in df.columns and "outlet" in df.columns
    # a failing run leaves the earlier file as it was and no temporary file behind
    before = out.read_bytes()
    assert main(["features", "-o", str(out), "--features", "nonsense"]) == 2
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["f.csv"]


def test_import_is_light():
    code = "import sys, framing; print(sorted(m for m in ('pandas','sklearn','matplotlib','scipy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_outputs_get_ordinary_permissions(tmp_path):
    import os

    from framing.io.atomic import atomic_write

    out = tmp_path / "r.html"
    with atomic_write(out) as f:
        f.write("x")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
