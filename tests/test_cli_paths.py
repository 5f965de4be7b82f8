"""Paths the command line must not trust: links out of a corpus folder, special files,
and an output that names an input."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.cli import main
from framing.errors import CorpusError
from framing.models import make_classifier, save_model


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "framing", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


@pytest.fixture()
def hostile_folder(tmp_path) -> Path:
    """Two real articles, links leading out (a file, /proc, a folder), a link that stays
    inside, and a named pipe that would block whoever opens it."""
    folder = tmp_path / "corpus"
    (folder / "express").mkdir(parents=True)
    (folder / "express" / "a.txt").write_text("Is Putin losing his grip?\nProtests erupt.\n")
    (folder / "b.txt").write_text("Senate passes bill\nThe Senate voted.\n")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "environ.txt").symlink_to("/proc/self/environ")
    (folder / "etc").symlink_to("/etc", target_is_directory=True)
    (folder / "alias.txt").symlink_to(folder / "b.txt")
    os.mkfifo(folder / "pipe.txt")
    return folder


def test_folder_corpus_keeps_inside_the_folder(hostile_folder):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = framing.load_corpus(hostile_folder)
    assert sorted(df.index) == ["alias", "b", "express/a"]
    assert not df["body"].str.contains("root:").any()
    (message,) = [str(w.message) for w in caught]
    assert "skipped 2 links leading outside the folder and 1 special file" in message


def test_cli_on_a_hostile_folder(hostile_folder, tmp_path):
    info = _cli("info", str(hostile_folder), timeout=60)  # the pipe would hang it
    assert info.returncode == 0, info.stderr
    assert "skipped 2 links" in info.stderr
    out = tmp_path / "clean.csv"
    clean = _cli("clean", str(hostile_folder), "-o", str(out))
    assert clean.returncode == 0, clean.stderr
    written = out.read_text()
    assert "root:" not in written and "PATH=" not in written
    assert len(pd.read_csv(out)) == 3


def test_special_file_named_directly(tmp_path):
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    with pytest.raises(CorpusError, match="not a regular file"):
        framing.load_corpus(pipe)
    run = _cli("info", str(pipe), timeout=60)
    assert run.returncode == 2 and "not a regular file" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("inputs")
    sample = framing.load_sample().iloc[::15]
    corpus = folder / "corpus.csv"
    sample.to_csv(corpus)
    clf = make_classifier(text="headline", features=None).fit(sample, sample["outlet"])
    model = save_model(clf, folder / "model.skops", {"label": "outlet", "text": ["headline"]})
    return {"corpus": corpus, "model": model, "folder": folder}


def _commands(paths: dict[str, Path]) -> list[tuple[str, list[str], Path]]:
    """(name, arguments, the input the output names)."""
    corpus, model = str(paths["corpus"]), str(paths["model"])
    return [
        ("features", ["features", corpus, "-o", corpus], paths["corpus"]),
        ("clean", ["clean", corpus, "-o", corpus], paths["corpus"]),
        ("compare", ["compare", corpus, "-o", corpus], paths["corpus"]),
        ("report", ["report", corpus, "-o", corpus], paths["corpus"]),
        ("train", ["train", corpus, "--label", "outlet", "-o", corpus], paths["corpus"]),
        ("predict-corpus", ["predict", model, corpus, "-o", corpus], paths["corpus"]),
        ("predict-model", ["predict", model, corpus, "-o", model], paths["model"]),
        ("explain-model", ["explain-model", model, "-o", model], paths["model"]),
    ]


CASES = [c[0] for c in _commands(dict.fromkeys(("corpus", "model"), Path("x")))]


@pytest.mark.parametrize("case", range(len(CASES)), ids=CASES)
def test_output_naming_an_input_is_refused(case, inputs, capsys):
    name, args, target = _commands(inputs)[case]
    before = target.read_bytes()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "reads; write the output to another file" in err and len(err.splitlines()) == 1
    assert target.read_bytes() == before


def test_output_through_another_name_is_refused(inputs, tmp_path, capsys):
    corpus = inputs["corpus"]
    before = corpus.read_bytes()
    link = tmp_path / "link.csv"
    link.symlink_to(corpus)
    hard = tmp_path / "hard.csv"
    os.link(corpus, hard)
    relative = os.path.relpath(corpus)
    for out in (link, hard, relative):
        assert main(["features", relative, "-o", str(out)]) == 2
    assert corpus.read_bytes() == before
    assert capsys.readouterr().err.count("error:") == 3


def test_output_into_a_corpus_folder_as_an_article(hostile_folder, capsys):
    report = hostile_folder / "report.html"
    assert main(["report", str(hostile_folder), "-o", str(report)]) == 2
    assert "inside the corpus folder" in capsys.readouterr().err
    assert not report.exists()
