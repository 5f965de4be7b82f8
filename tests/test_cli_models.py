"""``framing train / evaluate / predict / explain-model`` end to end, and their bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from framing.cli import main

CASES = Path(__file__).parent / "cases"


@pytest.fixture(scope="module")
def sample_file(sample, tmp_path_factory) -> Path:
    """8 articles per outlet of the sample, as a JSON Lines file with its ids."""
    path = tmp_path_factory.mktemp("data") / "sample.jsonl"
    sample.groupby("outlet", group_keys=False).head(8).reset_index().to_json(
        path, orient="records", lines=True
    )
    return path


@pytest.fixture(scope="module")
def headline_file() -> Path:
    return CASES / "clickbait_headlines.tsv"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return status, out, err


def test_leaning_by_outlet_end_to_end(sample_file, tmp_path, capsys):
    model = tmp_path / "leaning.skops"
    status, out, err = run(
        capsys, "train", sample_file, "--label", "leaning", "--group", "outlet", "--cv", "2",
        "-o", model,
    )  # fmt: skip
    assert status == 0, err
    cv = json.loads(out)  # one JSON object on stdout
    assert cv["n"] == 80 and cv["cv"]["group"] == "outlet"
    assert set(cv["per_class"]) == {"left", "center", "right"}
    assert "grouped by outlet" in err and "fold 2/2" in err and "wrote" in err
    size_mb, terms = re.search(r"wrote .*\(([\d.,]+) MB; ([\d,]+) terms\)", err).groups()
    assert float(size_mb) == pytest.approx(Path(model).stat().st_size / 1e6, abs=0.06)
    assert int(terms.replace(",", "")) > 100  # headline and body words of 80 articles

    status, out, err = run(capsys, "evaluate", model, sample_file)
    assert status == 0, err
    m = json.loads(out)
    assert m["n"] == 80 and m["accuracy"] > 0.9  # the training data itself
    assert m["confusion"]["labels"] == ["center", "left", "right"]
    # the same labels under another name: --label names the column of this data
    renamed = tmp_path / "renamed.jsonl"
    source = pd.read_json(sample_file, lines=True).rename(columns={"leaning": "bias"})
    source.to_json(renamed, orient="records", lines=True)
    status, out, err = run(capsys, "evaluate", model, renamed, "--label", "bias")
    assert status == 0, err
    assert json.loads(out) == m
    status, _, err = run(capsys, "evaluate", model, renamed)
    assert status == 2 and "leaning" in err and len(err.splitlines()) == 1

    preds = tmp_path / "out" / "predictions.csv"
    status, _, err = run(capsys, "predict", model, sample_file, "-o", preds)
    assert status == 0, err
    table = pd.read_csv(preds, index_col="id")
    source = pd.read_json(sample_file, lines=True)
    assert table.index.tolist() == source["id"].tolist()
    assert list(table.columns) == ["outlet", "predicted", "p_center", "p_left", "p_right"]
    assert table["outlet"].tolist() == source["outlet"].tolist()  # kept, as features keeps it
    assert table[["p_center", "p_left", "p_right"]].sum(axis=1).round(6).eq(1).all()
    status, _, err = run(capsys, "predict", model, sample_file, "--keep", "headline,leaning",
                         "-o", preds)  # fmt: skip
    assert status == 0, err
    assert list(pd.read_csv(preds).columns[:4]) == ["id", "headline", "leaning", "predicted"]
    line = fails(capsys, "predict", model, sample_file, "--keep", "nope", "-o", preds)
    assert "--keep: no column 'nope' in the corpus" in line

    status, out, err = run(capsys, "explain-model", model, "--top", "4", "-o", tmp_path / "w.csv")
    assert status == 0, err
    assert "label 'leaning' from headline, body" in out and "right - against" in out
    weights = pd.read_csv(tmp_path / "w.csv")
    assert len(weights) == 3 * 2 * 4 and weights["feature"].str.contains("__").all()


def test_headline_only_frame(headline_file, tmp_path, capsys):
    model = tmp_path / "bait.skops"
    # --text defaults to the headline and body columns the data has: here headline only
    status, out, err = run(capsys, "train", headline_file, "--label", "clickbait", "--cv", "3",
                           "-o", model)  # fmt: skip
    assert status == 0, err
    assert json.loads(out)["accuracy"] > 0.6
    status, out, _ = run(capsys, "explain-model", model, "--top", "20")
    assert "label 'clickbait' from headline" in out and "words__headline__" in out
    new = tmp_path / "new.csv"
    pd.DataFrame(
        {"id": ["a", "b"], "title": ["29 Puppies Who Will Melt Your Heart", "Senate passes bill"]}
    ).to_csv(new, index=False)
    status, _, err = run(capsys, "predict", model, new, "-o", tmp_path / "p.csv")
    assert status == 0, err
    p = pd.read_csv(tmp_path / "p.csv", index_col="id")
    assert p.loc["a", "predicted"] == 1 and p.loc["b", "predicted"] == 0
    # an explicit --text and character n-grams
    status, _, err = run(capsys, "train", headline_file, "--label", "clickbait", "--text",
                         "headline", "--char-ngrams", "2,4", "-o", model)  # fmt: skip
    assert status == 0, err
    assert "short texts: --embeddings" in err  # headlines: the optional block is named


def fails(capsys, *argv) -> str:
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_a_body_only_corpus_and_an_empty_headline_column(sample_file, tmp_path, capsys):
    source = pd.read_json(sample_file, lines=True)[["body", "leaning"]]
    body_only = tmp_path / "body.jsonl"
    source.to_json(body_only, orient="records", lines=True)
    # one long text column: no character n-grams; the run reports its words (it crashed)
    status, _, err = run(capsys, "train", body_only, "--label", "leaning", "-o", tmp_path / "b")
    assert status == 0, err
    assert re.search(r"wrote .*; ([\d,]+) terms\)", err)
    assert "--embeddings" not in err  # whole articles: not suggested
    no_headline = tmp_path / "empty_headline.jsonl"
    source.assign(headline="").to_json(no_headline, orient="records", lines=True)
    status, _, err = run(capsys, "train", no_headline, "--label", "leaning", "-o", tmp_path / "h")
    assert status == 0, err
    assert "the headline column is empty in every row: the model reads body" in err
    blank = tmp_path / "blank.jsonl"
    source.assign(headline="", body=" ").to_json(blank, orient="records", lines=True)
    line = fails(capsys, "train", blank, "--label", "leaning", "-o", tmp_path / "x")
    assert line.endswith("headline and body are empty in every row: no text to train on")


def test_bad_input_is_one_line(headline_file, sample_file, tmp_path, capsys):
    frame = pd.read_csv(headline_file, sep="\t")
    one = tmp_path / "one.csv"
    frame.assign(clickbait=1).to_csv(one, index=False)
    msg = fails(capsys, "train", one, "--label", "clickbait", "-o", tmp_path / "m.skops")
    assert "has only 1; a classifier needs at least two classes" in msg
    two = tmp_path / "two.csv"
    frame.iloc[[0, 20]].to_csv(two, index=False)
    msg = fails(capsys, "train", two, "--label", "clickbait", "-o", tmp_path / "m.skops")
    assert "fewer than 2 rows" in msg
    msg = fails(capsys, "train", headline_file, "--label", "nope", "-o", tmp_path / "m.skops")
    assert "no label column 'nope'" in msg
    msg = fails(capsys, "train", headline_file, "--label", "clickbait", "--text", "body",
                "-o", tmp_path / "m.skops")  # fmt: skip
    assert "no text column 'body'" in msg
    assert "map it with --map body=COLUMN or train with --text" in msg
    msg = fails(capsys, "train", headline_file, "--label", "clickbait", "--model", "forest",
                "-o", tmp_path / "m.skops")  # fmt: skip
    assert "unknown model 'forest'; choose from logreg, linearsvc, sgd (--model)" in msg
    assert not (tmp_path / "m.skops").exists()

    not_model = tmp_path / "model.skops"
    not_model.write_bytes(b"\x00\x01 not a zip")
    assert "not a model file" in fails(capsys, "evaluate", not_model, headline_file)
    assert "not a model file" in fails(capsys, "explain-model", not_model)


def test_nan_labels_dropped_and_unseen_labels_counted(headline_file, tmp_path, capsys):
    frame = pd.read_csv(headline_file, sep="\t")
    gaps = tmp_path / "gaps.csv"
    frame.assign(clickbait=frame["clickbait"].where(frame.index % 6 != 0)).to_csv(gaps, index=False)
    model = tmp_path / "m.skops"
    status, _, err = run(capsys, "train", gaps, "--label", "clickbait", "-o", model)
    assert status == 0
    assert "warning" in err and "dropped 4 of 24 rows with no 'clickbait' label" in err
    assert re.search(
        r"C = [\d.]+ \(inner cross-validation, macro-F1 .*\), measures weight (1\.5|0\.5)", err
    )

    held_out = tmp_path / "held.csv"
    pd.DataFrame(
        {"headline": ["11 Times Cats Were Funny", "Parliament passes bill", "Match report"],
         "clickbait": [1, 0, 2]}
    ).to_csv(held_out, index=False)  # fmt: skip
    status, out, err = run(capsys, "evaluate", model, held_out)
    assert status == 0
    m = json.loads(out)
    assert m["per_class"]["2"]["support"] == 1 and m["per_class"]["2"]["recall"] == 0
    assert "never seen in training: 2 (1 rows); counted as errors" in err

    # a DATA file without the text columns the model reads
    no_text = tmp_path / "body_only.csv"
    pd.DataFrame({"body": ["Some text."], "clickbait": [0]}).to_csv(no_text, index=False)
    msg = fails(capsys, "predict", model, no_text, "-o", tmp_path / "p.csv")
    assert "no text column 'headline'" in msg
    assert "map it with --map headline=COLUMN" in msg
    assert not (tmp_path / "p.csv").exists()


def test_rows_without_a_group_are_left_out_with_a_warning(sample_file, tmp_path, capsys):
    """A row whose --group value is missing cannot be placed in a grouped fold: it is left
    out with a warning (it was scikit-learn's 'Input contains NaN' traceback)."""
    import warnings

    import framing

    rows = pd.read_json(sample_file, lines=True, dtype={"id": str})
    rows.loc[:2, "outlet"] = None
    path = tmp_path / "some-without-outlet.jsonl"
    rows.to_json(path, orient="records", lines=True, date_format="iso")
    status, out, err = run(capsys, "train", path, "--label", "leaning", "--group", "outlet",
                           "--features", "none", "--cv", "2", "-o", tmp_path / "m.skops")  # fmt: skip
    assert status == 0, err
    assert "dropped 3 of 80 rows with no 'outlet' group to fold by" in err
    assert json.loads(out)["n"] == 77
    model = framing.make_classifier(text=["headline"], features=None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cv = framing.cross_validate_model(model, rows, label="leaning", cv=2, group="outlet")
    assert cv["n"] == 77
    assert any("no 'outlet' group" in str(w.message) for w in caught)


def test_balance_groups(sample_file, tmp_path, capsys):
    model = tmp_path / "balanced.skops"
    status, out, err = run(capsys, "train", sample_file, "--label", "leaning", "--group", "outlet",
                           "--balance-groups", "--features", "none", "--cv", "2", "-o", model)  # fmt: skip
    assert status == 0, err
    cv = json.loads(out)
    assert cv["n"] == 80 and cv["cv"]["balance_groups"] is True
    status, out, err = run(capsys, "evaluate", model, sample_file)
    assert status == 0 and json.loads(out)["accuracy"] > 0.9, err
    msg = fails(capsys, "train", sample_file, "--label", "leaning", "--balance-groups",
                "-o", tmp_path / "m.skops")  # fmt: skip
    assert "--balance-groups needs --group COLUMN" in msg
    msg = fails(capsys, "train", sample_file, "--label", "leaning", "--group", "site",
                "--balance-groups", "-o", tmp_path / "m.skops")  # fmt: skip
    assert "no group column 'site'" in msg
    assert not (tmp_path / "m.skops").exists()


def test_multi_label_end_to_end(sample, tmp_path, capsys):
    """Codes separated by ';' (a topic and a leaning per article, as AllSides set them)."""
    part = sample[sample["topic"].isin(["elections", "immigration", "healthcare"])]
    part = part.groupby("topic", group_keys=False).head(30).reset_index(drop=True)
    data = tmp_path / "coded.csv"
    part.assign(codes=part["topic"] + ";" + part["leaning"]).to_csv(data, index_label="id")
    model = tmp_path / "codes.skops"
    status, out, err = run(
        capsys, "train", data, "--label", "codes", "--multi-label", "--features", "none",
        "--cv", "3", "-o", model,
    )  # fmt: skip
    assert status == 0, err
    cv = json.loads(out)
    assert set(cv["per_label"]) == {"center", "elections", "healthcare", "immigration", "left",
                                    "right"}  # fmt: skip
    assert {"micro_f1", "macro_f1", "mean_auc"} <= set(cv)
    assert cv["per_label"]["immigration"]["roc_auc"] > 0.85
    assert "immigration: C = " in err and "threshold" in err  # the choices are reported
    # each label's threshold is chosen after C, so C is chosen for ranking
    assert re.search(r"immigration: C = [\d.]+ \(inner cross-validation, ROC AUC 0\.3: ", err)

    status, out, err = run(capsys, "evaluate", model, data)
    assert status == 0, err
    assert json.loads(out)["per_label"]["elections"]["support"] == 30

    preds = tmp_path / "p.csv"
    assert run(capsys, "predict", model, data, "-o", preds)[0] == 0
    table = pd.read_csv(preds, keep_default_na=False)
    assert [c for c in table.columns if c.startswith("p_")] == [
        "p_center", "p_elections", "p_healthcare", "p_immigration", "p_left", "p_right",
    ]  # fmt: skip
    topics = table["predicted"].str.split(";").apply(lambda c: c[0] if c[0] else "")
    assert (topics.to_numpy() != "").mean() > 0.5

    status, out, err = run(capsys, "explain-model", model, "--top", "3")
    assert status == 0 and "immigration - for" in out

    # several 0/1 columns; a column of codes without --multi-label is one line
    flags = part.join(pd.get_dummies(part["topic"], dtype=int))
    flags.to_csv(data, index_label="id")
    status, out, err = run(
        capsys, "train", data, "--label", "elections,immigration", "--features", "none",
        "--C", "1", "-o", model,
    )  # fmt: skip
    assert status == 0, err
    status, _, err = run(capsys, "train", data, "--label", "topic,elections", "-o", model)
    assert status == 2 and "'topic' must hold 0 or 1" in err and len(err.splitlines()) == 1


def test_training_on_several_outlets_without_a_group_says_how_to_tune_for_unseen_ones(
    sample_file, tmp_path, capsys
):
    """Ungrouped folds mix each outlet's rows (on AllSides the leaning model then chose the
    lighter measures block and lost 0.010-0.016 macro-F1 on unseen outlets): one warning saying
    so, and none when the folds are grouped."""
    model = tmp_path / "m.skops"
    status, _, err = run(capsys, "train", sample_file, "--label", "leaning", "--features",
                         "none", "-o", model)  # fmt: skip
    assert status == 0
    warned = [line for line in err.splitlines() if line.startswith("framing: warning:")]
    assert len(warned) == 1 and "from 10 outlets and no --group" in warned[0], err
    assert "pass --group outlet" in warned[0]
    status, _, err = run(capsys, "train", sample_file, "--label", "leaning", "--features",
                         "none", "--group", "outlet", "-o", model)  # fmt: skip
    assert status == 0 and "warning" not in err
    # a model of the outlet itself: nothing to group by, nothing to warn of
    status, _, err = run(capsys, "train", sample_file, "--label", "outlet", "--features",
                         "none", "-o", model)  # fmt: skip
    assert status == 0 and "warning" not in err
