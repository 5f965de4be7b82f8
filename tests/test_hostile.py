"""Hostile text under a memory limit, interrupted parallel runs, stale temporary files
(issue 18, findings 1 and 2)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.io.atomic import TMP_SUFFIX

LIMIT = 3 * 2**30  # bytes of address space: the interpreter, numpy and scikit-learn fit


def _under_limit(code: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter whose address space is capped at LIMIT."""
    prelude = textwrap.dedent(
        f"""
        import os, resource
        os.environ["OPENBLAS_NUM_THREADS"] = "1"  # each BLAS thread reserves address space
        resource.setrlimit(resource.RLIMIT_AS, ({LIMIT}, {LIMIT}))
        """
    )
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux")
def test_one_long_word_fits_in_memory():
    # a 100,000-letter "word" once sized every slot of the vocabulary array (6-12 GB)
    run = _under_limit(
        """
        import framing
        spans = framing.loaded_spans("a" * 100_000)
        df = framing.load_sample().head(60)
        df.loc[df.index[0], "body"] = "x" * 100_000 + " and the brutal regime."
        features = framing.extract_features(df)
        print(len(spans), len(features), int(features["style_words"].iloc[0]))
        """
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["0", "60", "5"]


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                out.append(int(stat.parent.name))
    return out


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_sigterm_stops_a_parallel_run_and_its_workers(tmp_path):
    corpus = tmp_path / "big.csv"
    pd.concat([framing.load_sample()] * 10, ignore_index=True).to_csv(corpus, index=False)
    out = tmp_path / "out.csv"
    run = subprocess.Popen(
        [sys.executable, "-m", "framing", "features", str(corpus), "--jobs", "2", "-o", str(out)],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while len(workers := _children(run.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(workers) >= 2, "the workers did not start"
    time.sleep(1.0)  # chunks in flight
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 143, err
    assert err.strip() == "framing features: terminated; no output was written"
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [w for w in workers if Path(f"/proc/{w}").exists()]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.csv"]  # no output, no temporary


def test_a_killed_runs_temporary_file_goes_with_the_next_run(tmp_path, capsys):
    from framing.cli import main

    out = tmp_path / "f.csv"
    stale = tmp_path / f".f.csv.999999999.abc{TMP_SUFFIX}"  # a process that is gone
    stale.write_text("half a table")
    assert main(["features", "-o", str(out), "--features", "style"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.csv"]
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_figure_folder_that_fails_half_way_leaves_the_old_one(tmp_path):
    from framing.io.atomic import atomic_folder, atomic_write

    folder, text = tmp_path / "r_files", tmp_path / "r.md"
    with atomic_folder(folder) as made, atomic_write(text) as f:
        (made / "a.png").write_bytes(b"old a")
        f.write("old text")
    with pytest.raises(OSError), atomic_folder(folder) as made, atomic_write(text) as f:
        (made / "a.png").write_bytes(b"new a")
        f.write("new text")
        raise OSError(28, "No space left on device")
    assert text.read_text() == "old text"
    assert [(p.name, p.read_bytes()) for p in folder.iterdir()] == [("a.png", b"old a")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md", "r_files"]


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux")
def test_a_decompression_bomb_is_refused_within_the_memory_limit(tmp_path):
    import gzip

    bomb = tmp_path / "bomb.jsonl.gz"  # 600 MB of blank lines in 0.6 MB
    with gzip.open(bomb, "wb", compresslevel=9) as f:
        for _ in range(600):
            f.write(b"\n" * 1_000_000)
    run = _under_limit(
        f"""
        import sys
        from framing.cli import main
        sys.exit(main(["info", {str(bomb)!r}]))
        """
    )
    assert run.returncode == 2, run.stderr[-2000:]
    assert run.stderr.strip().endswith(
        "more than 512 MB once unpacked; framing features and "
        "framing compare read it in chunks, or raise the limit with --max-mb"
    )
    assert len(run.stderr.splitlines()) == 1
