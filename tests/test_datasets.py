"""Readers for public datasets, each on a tiny fixture in tests/fixtures/<dataset>/."""

import gzip
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import shared

from framing import CorpusError, load_corpus
from framing.cli import main
from framing.corpus.datasets import detect

FIXTURES = Path(__file__).parent / "fixtures"


def one_line_error(path, match, **kwargs):
    with pytest.raises(CorpusError, match=match) as err:
        load_corpus(path, **kwargs)
    assert "\n" not in str(err.value)


# --- AllSides --------------------------------------------------------------------------


def test_allsides_json_folder_maps_baly_fields():
    folder = FIXTURES / "allsides" / "jsons"
    assert detect(folder) == "allsides"
    df = load_corpus(folder)
    assert df.index.name == "id" and "a1Fx9QmZt0LpWc3E" in df.index
    assert df.attrs["column_map"] == {
        "bias_text": "leaning",
        "content_original": "body",
        "source": "outlet",
        "title": "headline",
    }
    assert "content" not in df.columns and list(df.columns[:5]) == [
        "outlet",
        "headline",
        "body",
        "date",
        "url",
    ]
    fox = df.loc["a1Fx9QmZt0LpWc3E"]
    assert fox["outlet"] == "Fox News" and fox["leaning"] == "right" and fox["bias"] == 2
    # content_original keeps the paragraph break the tokenised content lost
    assert fox["body"].endswith("a new poll shows.\n\nCLICK HERE TO GET THE FOX NEWS APP")
    huff = df.loc["c3Hp5LmWq1ZrTb6K"]  # no content_original: falls back to content
    assert huff["body"].startswith("Democrat Mark Kelly still leads")
    assert huff["headline"] == "Mark Kelly Keeps Lead Over Martha McSally & GOP Allies"


def test_allsides_jsonl_matches_the_json_folder():
    ours = load_corpus(FIXTURES / "allsides" / "articles.jsonl", format="allsides")
    generic = load_corpus(FIXTURES / "allsides" / "articles.jsonl")
    pd.testing.assert_frame_equal(ours, generic)
    folder = load_corpus(FIXTURES / "allsides" / "jsons")
    cols = ["outlet", "leaning", "headline", "date", "url"]
    pd.testing.assert_frame_equal(ours[cols], folder.loc[ours.index, cols])
    assert ours.loc["b7Rt2KxYv8NnQa4D", "body"] == folder.loc["b7Rt2KxYv8NnQa4D", "body"]
    assert ours["split"].tolist()[:2] == ["train", "valid"]


def test_allsides_single_article_file():
    path = FIXTURES / "allsides" / "jsons" / "b7Rt2KxYv8NnQa4D.json"
    df = load_corpus(path, format="allsides")
    assert df.index.tolist() == ["b7Rt2KxYv8NnQa4D"] and df["leaning"].tolist() == ["center"]


def test_allsides_truncated_json_file():
    one_line_error(
        FIXTURES / "allsides" / "broken", "d9Qe4TnBv2XsYm7P.json: not valid JSON", format="allsides"
    )


# --- Stop Clickbait --------------------------------------------------------------------


def test_clickbait_lists_plain_and_gzipped():
    folder = FIXTURES / "clickbait" / "dataset"
    assert detect(folder) == "clickbait"
    df = load_corpus(folder)
    assert df.index[0] == "clickbait_data:1" and df.index[-1] == "non_clickbait_data:4"
    assert df["clickbait"].tolist() == [1] * 4 + [0] * 4
    assert df.loc["clickbait_data:3", "headline"].startswith('The New "Star Wars')
    assert "body" not in df.columns
    single = load_corpus(folder / "non_clickbait_data.gz")
    assert len(single) == 4 and set(single["clickbait"]) == {0}


def test_clickbait_tsv_label_comes_through():
    path = FIXTURES / "clickbait" / "headlines.tsv"
    df = load_corpus(path)  # recognised by its header: labels become integers
    assert df["clickbait"].tolist() == [1, 1, 0, 0]
    generic = load_corpus(path, format="tsv")  # the plain TSV reader keeps them as text
    assert generic["clickbait"].tolist() == ["1", "1", "0", "0"]
    assert df["headline"].tolist() == generic["headline"].tolist()


def test_clickbait_bad_label_and_empty_folder(tmp_path):
    one_line_error(FIXTURES / "clickbait" / "bad_labels.tsv", r"row 2 has clickbait label 'no'")
    one_line_error(tmp_path, "no clickbait_data or non_clickbait_data file", format="clickbait")


# --- BABE / MBIC -----------------------------------------------------------------------


def test_babe_semicolon_csv():
    path = FIXTURES / "babe" / "final_labels_SG1.csv"
    assert detect(path) == "babe"
    df = load_corpus(path)
    assert "headline" not in df.columns and len(df) == 5
    assert df.attrs["column_map"] == {"news_link": "url", "text": "body", "type": "leaning"}
    assert df["body"].iloc[0].endswith("rejects climate science anyway.")
    assert df["label_bias"].tolist() == [
        "Biased",
        "No agreement",
        "Non-biased",
        "Biased",
        "Non-biased",
    ]
    assert df["biased_words"].tolist()[:4] == [[], ["flood"], [], ["chaos", "madness", "barely"]]
    assert df["leaning"].tolist()[:2] == ["left", "right"] and df["url"].iloc[4] == ""
    assert df["label_opinion"].iloc[0] == "Expresses writer’s opinion"


def test_mbic_sentence_column_and_article_kept():
    df = load_corpus(FIXTURES / "babe" / "labeled_dataset_MBIC.csv")
    assert df.attrs["column_map"]["sentence"] == "body"
    assert df["body"].iloc[0].startswith('YouTube is making clear there will be no "birtherism"')
    assert df["article"].iloc[1].startswith("The dispute over equal pay")
    assert df["label_bias"].tolist() == ["Biased", "Non-biased"]
    assert df["biased_words"].tolist() == [["birtherism"], ["bitter"]]


def test_babe_comma_separated_file(tmp_path):
    path = FIXTURES / "babe" / "comma_separated.csv"
    one_line_error(path, "not a BABE/MBIC table.*looks comma-separated", format="babe")
    bad = tmp_path / "bad.csv"
    bad.write_text("text;label_bias;biased_words\nA sentence.;Biased;flood, chaos\n")
    one_line_error(bad, r"row 1: biased_words 'flood, chaos' is not a list")
    bad.write_text("text;label_bias\nA; an unquoted; semicolon;Biased\n")
    one_line_error(bad, r"first row has more fields than the header \(2\); quote values")
    bad.write_text("text;label_bias\nFine.;Biased\nA; an unquoted; semicolon;Biased\n")
    one_line_error(bad, r"not a valid CSV file \(.*Expected 2 fields in line 3, saw 4\)$")


# --- SemEval-2019 Task 4 ---------------------------------------------------------------


def test_semeval_articles_joined_with_ground_truth():
    folder = FIXTURES / "semeval"
    assert detect(folder) == "semeval"
    df = load_corpus(folder)
    assert df.index.tolist() == ["0000000", "0000001", "0000002"]
    assert df.attrs["column_map"] == {"published-at": "date", "title": "headline"}
    assert df["hyperpartisan"].tolist() == [True, True, False]
    assert df["outlet"].tolist() == ["dailywire.com", "addictinginfo.org", "reuters.com"]
    assert df["labeled_by"].eq("article").all() and df["date"].tolist()[:2] == [
        "2017-09-10",
        "2018-01-02",
    ]
    assert df.loc["0000000", "body"] == (
        "Money is the lifeblood of the economy. The Federal Reserve decides who gets it.\n"
        'Congress has the power to "coin money" & regulate its value.'
    )
    assert "most successful president" in df.loc["0000001", "body"]
    assert df.loc["0000001", "headline"] == (
        "Trump Just Woke Up & Viciously Attacked Puerto Ricans On Twitter"
    )
    # the articles file alone finds its ground truth by name
    alone = load_corpus(folder / "articles-training-byarticle-20181122.xml")
    pd.testing.assert_frame_equal(alone, df)


def test_semeval_by_publisher_bias_and_gzip(tmp_path):
    src = FIXTURES / "semeval" / "bypublisher"
    for file in src.iterdir():
        (tmp_path / (file.name + ".gz")).write_bytes(gzip.compress(file.read_bytes()))
    df = load_corpus(tmp_path / "articles-validation-bypublisher-20181122.xml.gz")
    assert df["bias"].tolist() == ["least", "right"]
    assert df["outlet"].tolist() == ["apnews.com", "breitbart.com"]
    assert df.loc["0000102", "body"] == "They want your guns. Read more"
    # without ground truth the articles load unlabelled
    shutil.copy(src / "articles-validation-bypublisher-20181122.xml", tmp_path / "articles.xml")
    bare = load_corpus(tmp_path / "articles.xml")
    assert "hyperpartisan" not in bare.columns and len(bare) == 2


def test_semeval_truncated_and_ground_truth_only():
    folder = FIXTURES / "semeval"
    one_line_error(folder / "truncated", "XML is not well-formed .*may be truncated")
    one_line_error(
        folder / "ground-truth-training-byarticle-20181122.xml", "is the ground-truth file"
    )


# --- Propaganda Techniques Corpus ------------------------------------------------------


def ptc_fragments(folder: Path) -> dict[str, list[tuple[str, str]]]:
    """(technique, fragment) per article, read straight from the files."""
    out = {}
    for labels in sorted(folder.rglob("*.task-flc-tc.labels")):
        key = labels.name.split(".")[0].removeprefix("article")
        text = next(folder.rglob(f"article{key}.txt")).read_text()
        out[key] = sorted(
            (tech, " ".join(text[int(s) : int(e)].split()))
            for _, tech, s, e in (line.split("\t") for line in labels.read_text().splitlines())
        )
    return out


def test_ptc_spans_point_at_the_labelled_words_after_tidying():
    folder = FIXTURES / "ptc" / "datasets"
    assert detect(folder) == "ptc"
    df = load_corpus(folder / "train-articles", format="ptc").sort_index()
    assert len(df) == 3 and df.loc["111111113", "spans"] == []  # no labels file
    df = load_corpus(folder)  # articles and labels in sibling folders
    assert df.index.tolist() == ["111111111", "111111112", "111111113"]
    assert df.loc["111111111", "body"].startswith("Geneva - ")  # tidied: offsets moved
    expected = ptc_fragments(folder)
    for key, fragments in expected.items():
        got = sorted(
            (s["technique"], df.loc[key, s["field"]][s["start"] : s["end"]])
            for s in df.loc[key, "spans"]
        )
        assert got == fragments
    fields = {s["field"] for s in df.loc["111111112", "spans"]}
    assert fields == {"headline", "body"}
    assert df.loc["111111113", "spans"] == []  # the SLC file is not span labels


def test_ptc_span_across_title_and_body_is_split(tmp_path):
    (tmp_path / "article7.txt").write_text("Enemies within\n\nthe gates.\n")
    (tmp_path / "article7.labels.tsv").write_text("7\tLoaded_Language\t8\t25\n")
    spans = load_corpus(tmp_path).loc["7", "spans"]
    assert spans == [
        {"technique": "Loaded_Language", "start": 8, "end": 14, "field": "headline"},
        {"technique": "Loaded_Language", "start": 0, "end": 9, "field": "body"},
    ]


def test_ptc_offsets_count_windows_line_breaks_once(tmp_path):
    (tmp_path / "article3.txt").write_bytes(b"Title\r\n\r\nA shameful betrayal.\r\n")
    (tmp_path / "article3.labels.tsv").write_text("3\tLoaded_Language\t9\t26\n")
    df = load_corpus(tmp_path)
    span = df.loc["3", "spans"][0]
    assert df.loc["3", "body"][span["start"] : span["end"]] == "shameful betrayal"


def test_ptc_duplicate_article_ids_are_kept(tmp_path):
    for split in ("train", "dev"):
        (tmp_path / split).mkdir()
        (tmp_path / split / "article9.txt").write_text(f"{split} title\n\nBody.")
    (tmp_path / "article9.labels.tsv").write_text("9\tDoubt\t0\t2\n")
    with pytest.warns(UserWarning, match="1 duplicate id"):
        df = load_corpus(tmp_path)
    assert df.index.tolist() == ["9", "9~2"] and df["headline"].tolist() == [
        "dev title",
        "train title",
    ]
    assert [s[0]["start"] for s in df["spans"]] == [0, 0]


def test_ptc_malformed_labels(tmp_path):
    one_line_error(FIXTURES / "ptc" / "broken", r"article222.labels.tsv: line 1 is .*expected")
    (tmp_path / "article8.txt").write_text("Short\n\ntext")
    (tmp_path / "article8.labels.tsv").write_text("8\tDoubt\t5\t500\n")
    one_line_error(tmp_path, "ends past the text")


# --- shared behaviour: format names, CLI -----------------------------------------------


def test_unknown_format_name():
    one_line_error(
        FIXTURES / "babe" / "final_labels_SG1.csv", "unknown format 'babel'", format="babel"
    )


@pytest.mark.parametrize(
    "path,fmt,rows",
    [
        ("allsides/jsons", None, 3),
        ("allsides/articles.jsonl", "allsides", 3),
        ("clickbait/dataset", None, 8),
        ("babe/final_labels_SG1.csv", "babe", 5),
        ("semeval", "semeval", 3),
        ("ptc/datasets", None, 3),
    ],
)
def test_cli_info_on_each_dataset(capsys, path, fmt, rows):
    argv = ["info", str(FIXTURES / path), "--json"] + (["--input-format", fmt] if fmt else [])
    assert main(argv) == 0
    assert f'"rows": {rows}' in capsys.readouterr().out


def test_cli_bad_dataset_is_one_line(capsys):
    assert main(["info", str(FIXTURES / "semeval" / "truncated"), "--input-format", "semeval"]) == 2
    err = capsys.readouterr().err
    assert "not well-formed" in err and err.count("\n") == 1


# --- the real data, when present ---------------------------------------------------------


def test_real_clickbait_tsv():
    df = load_corpus(shared("clickbait/headlines.tsv.gz"))
    assert len(df) == 25_599 and set(df["clickbait"]) == {0, 1}
    assert 0.3 < df["clickbait"].mean() < 0.7 and (df["headline"] != "").all()


@pytest.mark.slow
def test_real_allsides_jsonl():
    start = time.perf_counter()
    df = load_corpus(shared("allsides/articles.jsonl.gz"), format="allsides")
    print(f"allsides: {len(df):,} articles in {time.perf_counter() - start:.1f} s")
    assert len(df) == 36_254 and df.index.is_unique and df["outlet"].nunique() == 491
    assert set(df["leaning"]) == {"left", "center", "right"}
    assert list(df.columns[:5]) == ["outlet", "headline", "body", "date", "url"]
