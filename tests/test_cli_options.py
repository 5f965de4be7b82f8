"""Bad options and empty corpora: each command stops with exit 2 and one line saying what is
wrong, before it reads or writes anything (issue 18, finding 3)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

import framing
from framing.cli import main
from framing.errors import ParameterError, check_ngram_range, check_positive
from framing.models import make_classifier, save_model


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("options")
    sample = framing.load_sample().iloc[::15]
    sample.to_csv(folder / "corpus.csv")
    (folder / "empty.csv").write_text("headline,body,outlet\n", encoding="utf-8")
    long = "Putin " * 1_000_000  # 6 million characters in one body
    (folder / "long.csv").write_text(f"headline,body\nh,short\nh,{long}\n", encoding="utf-8")
    clf = make_classifier(text="headline", features=None).fit(sample, sample["outlet"])
    save_model(clf, folder / "model.skops", {"label": "outlet", "text": ["headline"]})
    return folder


# (command line with {c} the corpus, {e} the header-only corpus, {l} one with a body of
# 6 million characters, {m} the model, {o} the output, split at single spaces: "--features
# -o" with two spaces gives --features an empty value; a pattern the one line must match)
BAD = [
    ("info {e}", r"has no articles|is empty: expected a CSV file with articles"),
    ("clean {e} -o {o}", r"has no articles|is empty: expected a CSV file with articles"),
    ("predict {m} {e} -o {o}", r"has no articles|is empty: expected a CSV file with articles"),
    ("features {e} -o {o}", r"has no articles|is empty: expected a CSV file with articles"),
    ("features {c} --features  -o {o}", "no feature family named"),
    ("features {c} --features , -o {o}", "no feature family named"),
    ("compare {c} --features  -o {o}", "no feature family named"),
    ("features {c} --features nosuch -o {o}", "nosuch"),
    ("train {c} --label outlet --C -1 -o {o}", "C must be a finite number above 0"),
    ("train {c} --label outlet --C nan -o {o}", "C must be a finite number above 0"),
    ("train {c} --label outlet --C inf -o {o}", "C must be a finite number above 0"),
    ("train {c} --label outlet --char-ngrams 5,2 -o {o}", "1 <= low <= high"),
    ("train {c} --label outlet --char-ngrams 0,2 -o {o}", "1 <= low <= high"),
    (
        "train {c} --label outlet --char-ngrams two -o {o}",
        "expected LO,HI such as 2,5 or auto or none",
    ),
    ("compare {c} --chunksize 0 -o {o}", "chunksize must be a whole number of at least 1"),
    ("compare {c} --chunksize -5 -o {o}", "chunksize must be a whole number of at least 1"),
    ("features {c} --chunksize 0 -o {o}", "chunksize must be a whole number of at least 1"),
    ("features {c} --jobs 0 -o {o}", "jobs must be a whole number of at least 1"),
    ("compare {c} --n-boot 0 -o {o}", "n_boot must be a whole number of at least 1"),
    ("compare {c} --top -1 -o {o}", "top must be a whole number of at least 1"),
    ("features {c} --keep nocol -o {o}", "--keep: no column 'nocol'"),
    ("features {c} --keep outlet,nocol -o {o}", "--keep: no column 'nocol'"),
    ("info {c} --map bogus=body", "'bogus' is not a column framing reads"),
    ("features {c} --map bogus=body -o {o}", "'bogus' is not a column framing reads"),
    ("explain-model {m} --top -3", "top must be a whole number of at least 1"),
    ("compare {c}", r"required: -o/--output"),
    ("info {l}", "the body of row 2 holds 6.0 million characters, more than an article may"),
    ("features {l} -o {o}", "the body of row 2 holds 6.0 million characters"),
    ("info {c} --max-article-mb 0", "max_article_mb must be a finite number above 0"),
    ("info {c} --max-mb -1", "max_mb must be a finite number above 0"),
]


@pytest.mark.parametrize(("line", "says"), BAD, ids=[b[0] for b in BAD])
def test_bad_invocation_is_one_line_and_exit_2(line, says, inputs, tmp_path, capsys):
    out = tmp_path / "out.csv"
    names = {"c": "corpus.csv", "e": "empty.csv", "m": "model.skops", "l": "long.csv"}
    paths = {k: str(inputs / v) for k, v in names.items()}
    argv = [a.format(**paths, o=out) for a in line.split(" ")]
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs.iterdir()}
    status = main(argv)
    err = capsys.readouterr().err
    assert status == 2, err
    assert re.search(says, err), err
    assert "Traceback" not in err and len(err.splitlines()) <= 3, err
    assert list(tmp_path.iterdir()) == []  # no output, no temporary file
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs.iterdir()} == before


def test_checks_give_the_same_message_in_the_library():
    with pytest.raises(ParameterError, match="C must be a finite number above 0, not -1"):
        make_classifier(text="headline", features=None, C=-1)
    with pytest.raises(ParameterError, match="1 <= low <= high"):
        make_classifier(text="headline", features=None, char_ngrams=(5, 2))
    with pytest.raises(ParameterError, match="no feature family named"):
        framing.extract_features(framing.load_sample().head(2), features="")
    assert check_positive(2, "top", integer=True) == 2
    assert check_ngram_range([1, 1], "word_ngrams") == (1, 1)
    for bad in (True, 1.5, "3"):
        with pytest.raises(ParameterError):
            check_positive(bad, "top", integer=True)
