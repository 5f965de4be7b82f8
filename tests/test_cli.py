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


def test_terminal_sees_control_characters_escaped(tmp_path, capsys):
    hostile = "Title\x1b]0;owned\x07\n\nBody \x1b[2J text that names Putin.\r"
    (tmp_path / "a.txt").write_text(hostile, encoding="utf-8")
    pd.DataFrame({"headline": ["h"], "body": ["b"], "outlet": ["Evil\x1b[2J News"]}).to_csv(
        tmp_path / "c.csv", index=False
    )
    assert main(["explain", str(tmp_path / "a.txt"), "--color", "always"]) == 0
    assert main(["info", str(tmp_path / "c.csv")]) == 0
    out = capsys.readouterr().out
    assert "\\x1b]0;owned\\x07" in out and "Evil\\x1b[2J News" in out
    # the only escape sequences left are the colours explain draws itself
    assert "\x1b]" not in out and "\x1b[2J" not in out and "\x07" not in out


def test_info_reads_dates_as_dates(tmp_path, capsys):
    dates = ["1/21/18", "9/6/17", "2018-03-01", "soon", ""]
    pd.DataFrame({"headline": ["h"] * 5, "body": ["b"] * 5, "date": dates}).to_csv(
        tmp_path / "c.csv", index=False
    )
    assert main(["info", str(tmp_path / "c.csv")]) == 0
    out = capsys.readouterr().out
    assert "dates    2017-09-06 to 2018-03-01" in out
    assert "1 dates not readable as dates" in out
    assert "1 without a date" in out
    assert "dated more than a year" not in out
    # a placeholder date (AllSides has a year 1 and a 2050) is set apart from the range
    days = pd.date_range("2018-01-01", periods=999).strftime("%Y-%m-%d").tolist()
    pd.DataFrame({"body": ["b"] * 1001, "date": days + ["0001-11-30", "2050-09-30"]}).to_csv(
        tmp_path / "c.csv", index=False
    )
    assert main(["info", str(tmp_path / "c.csv")]) == 0
    out = capsys.readouterr().out
    assert "dates    2018-01-01 to 2020-09-25\n" in out
    assert "2 dated more than a year from the rest (0001-11-30 to 2050-09-30)" in out


def test_report_draws_progress_bars_only_on_a_terminal(tmp_path, monkeypatch):
    import framing
    import framing.report.build

    big = pd.concat([framing.load_sample()] * 4, ignore_index=True)  # 2,400 articles
    big.to_csv(tmp_path / "big.csv", index=False)
    seen = {}

    def fake_report(df, **kwargs):
        seen.update(kwargs)
        return kwargs["output"]

    monkeypatch.setattr(framing.report.build, "build_report", fake_report)
    for tty in (False, True):
        monkeypatch.setattr(sys.stderr, "isatty", lambda tty=tty: tty)
        assert main(["report", str(tmp_path / "big.csv"), "-o", str(tmp_path / "r.html")]) == 0
        assert seen["progress"] is tty
