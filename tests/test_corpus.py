import gzip
import json
import warnings

import pandas as pd
import pytest

import framing
from framing import CorpusError, load_corpus
from framing.cli import main


def write(path, data: bytes | str):
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_sample_has_outlets_leanings_and_clutter(sample):
    assert sample.index.name == "id" and sample.index.is_unique
    assert 8 <= sample["outlet"].nunique() <= 10
    assert set(sample["leaning"]) == {"left", "center", "right"}
    assert sample.groupby("outlet").size().between(50, 80).all()
    assert (sample["body"].str.len() > 0).all()
    assert sample["body"].str.contains("Advertisement|Click here|contributed to this report").any()


@pytest.mark.parametrize("suffix,sep", [(".csv", ","), (".tsv", "\t")])
def test_delimited_with_aliases(tmp_path, suffix, sep):
    p = write(
        tmp_path / f"c{suffix}", f"id{sep}title{sep}text{sep}source\n7{sep}Hi{sep}Body{sep}AP\n"
    )
    df = load_corpus(p)
    assert df.loc["7", "headline"] == "Hi" and df.loc["7", "outlet"] == "AP"
    assert df.attrs["column_map"] == {"source": "outlet", "text": "body", "title": "headline"}


def test_jsonl_plain_and_gz_and_parquet(tmp_path):
    rows = [
        {"headline": "A", "body": "x", "outlet": "o"},
        {"headline": "B", "body": "", "outlet": "p"},
    ]
    text = "\n".join(json.dumps(r) for r in rows)
    a = load_corpus(write(tmp_path / "a.jsonl", text))
    b = load_corpus(write(tmp_path / "b.jsonl.gz", gzip.compress(text.encode())))
    pd.DataFrame(rows).to_parquet(tmp_path / "c.parquet")
    c = load_corpus(tmp_path / "c.parquet")
    for df in (a, b, c):
        assert df["headline"].tolist() == ["A", "B"] and df.index.tolist() == [0, 1]


def test_text_cells_that_are_not_strings(tmp_path):
    # a body stored as a list of paragraphs (as some scrapers write it) is joined, a number
    # is written out, a missing value is empty; nothing is silently dropped
    rows = [
        {"headline": 2020, "body": ["Police moved in.", None, "Dozens were held."]},
        {"headline": None, "body": "Plain text."},
    ]
    df = load_corpus(write(tmp_path / "a.jsonl", "\n".join(json.dumps(r) for r in rows)))
    assert df["headline"].tolist() == ["2020", ""]
    assert df["body"].tolist() == ["Police moved in.\n\nDozens were held.", "Plain text."]
    # Parquet gives a list column back as arrays
    pd.DataFrame({"body": [["One.", "Two."], []]}).to_parquet(tmp_path / "b.parquet")
    assert load_corpus(tmp_path / "b.parquet")["body"].tolist() == ["One.\n\nTwo.", ""]
    bad = write(tmp_path / "bad.jsonl", '{"body": "fine"}\n{"body": {"text": "nested"}}')
    message = r"bad.jsonl: the body of row 2 is a dict \(\{'text': 'nested'\}\), not text"
    with pytest.raises(CorpusError, match=message):
        load_corpus(bad)
    with pytest.raises(CorpusError, match=message):
        list(framing.iter_corpus(bad, chunksize=1))


def test_folder_of_txt_and_html(tmp_path):
    (tmp_path / "Express").mkdir()
    write(tmp_path / "Express" / "a.txt", framing.load_example())
    write(tmp_path / "b.html", "<html><title>T</title><h1>Big &amp; bold</h1><p>Body.</p></html>")
    df = load_corpus(tmp_path)
    assert df.loc["Express/a", "headline"].startswith("Is Putin losing his grip?")
    assert df.loc["Express/a", "outlet"] == "Express"
    assert df.loc["b", "headline"] == "Big & bold"
    # pages as scrapers keep them: gzipped, with comments and a doctype
    import gzip

    page = (
        "<!DOCTYPE html><html><!-- module: prebid --><h1>Rates rise</h1>"
        "<!--[if lte IE 9]><p>Old browser</p><![endif]--><p>The bank raised rates.</p></html>"
    )
    (tmp_path / "Express" / "c.HTML.gz").write_bytes(gzip.compress(page.encode()))
    (tmp_path / "d.txt.gz").write_bytes(gzip.compress(b"Headline\n\nBody text."))
    df = load_corpus(tmp_path)
    assert df.loc["Express/c", ["headline", "body", "outlet"]].tolist() == [
        "Rates rise",
        "Rates rise\n\nThe bank raised rates.",
        "Express",
    ]
    assert df.loc["d", "headline"] == "Headline"
    assert len(df) == 4


def test_explicit_column_map_and_missing_columns(tmp_path):
    df = load_corpus(
        pd.DataFrame({"article": ["x"], "paper": ["o"]}), body="article", outlet="paper"
    )
    assert list(df.columns) == ["outlet", "body"]
    with pytest.raises(
        CorpusError, match=r"no headline or body column; found a, b; accepted: .*title"
    ):
        load_corpus(pd.DataFrame({"a": [1], "b": [2]}))
    with pytest.raises(CorpusError, match="missing column 'outlet'.*aliases accepted: .*source"):
        load_corpus(pd.DataFrame({"body": ["x"]}), require=["outlet"])
    with pytest.raises(CorpusError, match="column 'nope'"):
        load_corpus(pd.DataFrame({"body": ["x"]}), headline="nope")


def test_headline_only_data_is_normal():
    df = load_corpus(pd.DataFrame({"headline": ["19 Times It's OK To Panic"], "clickbait": [1]}))
    assert "body" not in df.columns and df["clickbait"].tolist() == [1]


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("missing.csv", None, "no such file"),
        ("x.docx", b"PK", "unknown file type"),
        ("empty.csv", b"", "is empty"),
        ("trunc.jsonl", b'{"headline": "a"}\n{"headline": "b', "line 2 is not valid JSON"),
        ("bad.parquet", b"not parquet at all", "not a readable Parquet file"),
        ("bad.jsonl.gz", b"\x1f\x8b\x08\x00garbage", "gzip data is corrupt"),
    ],
)
def test_bad_files_raise_one_clear_error(tmp_path, name, data, message):
    path = tmp_path / name
    if data is not None:
        write(path, data)
    with pytest.raises(CorpusError, match=message) as err:
        load_corpus(path)
    assert "\n" not in str(err.value)


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    p = write(tmp_path / "latin1.csv", "headline,body\nCaf\xe9,ok\n".encode("latin-1"))
    with pytest.warns(UnicodeWarning, match="1 invalid UTF-8 byte sequence"):
        df = load_corpus(p)
    assert df["headline"].iloc[0] == "Caf\ufffd"


def test_duplicate_ids_are_kept_and_renamed():
    with pytest.warns(UserWarning, match="1 duplicate id"):
        df = load_corpus(pd.DataFrame({"id": ["a", "a", "b"], "body": ["1", "2", "3"]}))
    assert df.index.tolist() == ["a", "a~2", "b"] and df["body"].tolist() == ["1", "2", "3"]


def test_one_huge_article(tmp_path, monkeypatch):
    from framing.io import files

    body = ("Protesters took to the streets. " * 1_700_000)[: 50 * 2**20]
    p = write(tmp_path / "big.jsonl", json.dumps({"headline": "h", "body": body}))
    with pytest.raises(CorpusError, match="the body of row 1 holds 52.4 million characters"):
        load_corpus(p)
    monkeypatch.setattr(files, "MAX_ARTICLE_MB", 60)  # --max-article-mb 60
    df = load_corpus(p)
    assert len(df.loc[0, "body"]) > 50_000_000 - 100


@pytest.mark.parametrize(
    "argv,message",
    [
        (["info", "/no/such/file.csv"], "no such file"),
        (["info", "--map", "bodyarticle"], "--map expects"),
    ],
)
def test_cli_bad_input_is_one_line_exit_2(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_cli_invalid_utf8_warns_on_one_line(tmp_path, capsys):
    p = write(tmp_path / "x.csv", b"headline,body\n\xff\xfe,ok\n")
    with warnings.catch_warnings():
        assert main(["info", str(p)]) == 0
    captured = capsys.readouterr()
    assert "invalid UTF-8" in captured.err and "rows     1" in captured.out


def test_structured_errors_survive_pickling():
    """Errors raised in worker processes travel back pickled, fields and all."""
    import pickle

    from framing.errors import MissingColumnError, ParameterError

    err = MissingColumnError("no body", missing=["body"], found=["title"], aliases=["text"])
    back = pickle.loads(pickle.dumps(err))
    assert (str(back), back.missing, back.found, back.aliases) == (
        "no body",
        ["body"],
        ["title"],
        ["text"],
    )
    back = pickle.loads(pickle.dumps(ParameterError("bad C", parameter="C")))
    assert (str(back), back.parameter) == ("bad C", "C")
