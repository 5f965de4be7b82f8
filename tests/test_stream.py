"""Streaming: chunked reading equals load_corpus, streamed features equal the in-memory path,
interrupted runs leave nothing half-written, and work in flight stays bounded."""

import gzip
import json
import re
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest

import framing
from framing.cli import main
from framing.corpus.stream import TableWriter, iter_corpus, map_ordered
from framing.errors import CorpusError


@pytest.fixture(scope="module")
def raw(sample):
    """The sample as a raw file would hold it: an id column and aliased names."""
    return sample.reset_index().rename(columns={"headline": "title", "body": "text"})


def _write(frame, path):
    name = path.name
    if name.endswith(".parquet"):
        frame.to_parquet(path, index=False)
    elif name.endswith((".csv", ".tsv")):
        frame.to_csv(path, sep="\t" if name.endswith(".tsv") else ",", index=False)
    else:
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in frame.to_dict("records"))
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "wt", encoding="utf-8") as f:
            f.write(lines)
    return path


@pytest.mark.parametrize("name", ["a.jsonl", "a.jsonl.gz", "a.csv", "a.tsv", "a.parquet"])
@pytest.mark.parametrize("with_id", [True, False])
def test_chunks_equal_load_corpus(raw, tmp_path, name, with_id):
    frame = raw if with_id else raw.drop(columns="id")
    path = _write(frame, tmp_path / name)
    chunks = list(iter_corpus(path, chunksize=37))
    assert [len(c) for c in chunks] == [37] * 16 + [8]
    assert chunks[-1].attrs["progress"] == pytest.approx(1.0, abs=0.01)
    progress = [c.attrs["progress"] for c in chunks]
    assert progress == sorted(progress)
    whole = framing.load_corpus(path)
    streamed = pd.concat(chunks)
    # dtypes are inferred per chunk (a chunk whose dates are all missing holds objects)
    pd.testing.assert_frame_equal(streamed, whole, check_dtype=False)
    assert (streamed.dtypes[["headline", "body"]] == whole.dtypes[["headline", "body"]]).all()
    assert (
        chunks[1].attrs["column_map"]
        == whole.attrs["column_map"]
        == {
            "text": "body",
            "title": "headline",
        }
    )
    if not with_id:  # row numbers continue across chunks
        assert chunks[2].index[0] == 74


def test_column_map_and_missing_text_column_in_a_later_chunk(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [{"story": "Police &amp; crowds.", "hed": "A"}, {"hed": "B"}, {"hed": "C"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    chunks = list(iter_corpus(path, chunksize=1, headline="hed"))
    assert [c["body"].tolist() for c in chunks] == [["Police & crowds."], [""], [""]]
    assert [c["headline"].iloc[0] for c in chunks] == ["A", "B", "C"]


def test_bad_input_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"body": "fine"}\n{"body": "cut off\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="line 2 is not valid JSON"):
        list(iter_corpus(bad, chunksize=1))
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="is empty"):
        list(iter_corpus(empty))
    header = tmp_path / "header.csv"
    header.write_text("id,body\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="has no articles: its columns are there, no rows"):
        list(iter_corpus(header))  # as load_corpus says it
    truncated = tmp_path / "t.jsonl.gz"
    lines = "".join(f'{{"body": "{i * 7919 % 10007}"}}\n' for i in range(3000))
    truncated.write_bytes(gzip.compress(lines.encode())[:4000])
    with pytest.raises(CorpusError, match="gzip data is corrupt or truncated"):
        list(iter_corpus(truncated))
    with pytest.raises(CorpusError, match="no such file"):
        next(iter_corpus(tmp_path / "missing.csv"))


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('headline,body\n"unterminated,foo\n', r"not a valid CSV file \(.*EOF inside string"),
        ("headline,body\nA,b,c\nD,e\n", r"first row has more fields than the header \(2\)"),
    ],
)
def test_a_malformed_table_is_the_error_load_corpus_gives(tmp_path, capsys, table, message):
    bad = tmp_path / "bad.csv"
    bad.write_text(table, encoding="utf-8")
    for read in (framing.load_corpus, lambda p: list(iter_corpus(p))):
        with pytest.raises(CorpusError, match=message) as err:
            read(bad)
        assert "\n" not in str(err.value)
    # streamed by `framing features`: one line and exit 2, not a traceback or shifted columns
    assert main(["features", str(bad), "-o", str(tmp_path / "out.csv")]) == 2
    assert re.fullmatch(f"framing features: error: .*{message}.*\n", capsys.readouterr().err)
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        # a spreadsheet's CSV where the decimal mark is a comma: fields split by semicolons
        ("semicolons.csv", "headline;body;outlet\nÇa va;Un texte, brutal.;X\nB;C;Y\n".encode()),
        # a spreadsheet's "Unicode text": UTF-16 with its byte order mark, tab-separated
        ("unicode.tsv", "headline\tbody\toutlet\r\nÇa va\tUn texte, brutal.\tX\r\nB\tC\tY\r\n".encode("utf-16")),
        ("unicode.jsonl", (
            '{"headline": "Ça va", "body": "Un texte, brutal.", "outlet": "X"}\r\n'
            '{"headline": "B", "body": "C", "outlet": "Y"}\r\n'
        ).encode("utf-16")),
    ],
)  # fmt: skip
def test_spreadsheet_exports_read_alike_whole_and_streamed(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    whole = framing.load_corpus(path)
    assert whole[["headline", "body", "outlet"]].values.tolist() == [
        ["Ça va", "Un texte, brutal.", "X"],
        ["B", "C", "Y"],
    ]
    streamed = pd.concat(iter_corpus(path, chunksize=1))
    pd.testing.assert_frame_equal(streamed, whole, check_like=True)


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"body": "caf\xe9 au lait"}\n')
    with pytest.warns(UnicodeWarning, match="1 invalid UTF-8"):
        (chunk,) = iter_corpus(path)
    assert chunk["body"].iloc[0] == "caf\ufffd au lait"


def test_line_separator_inside_a_json_string(tmp_path):
    # U+2028 is legal inside JSON strings; it must not split a JSON Lines record
    path = tmp_path / "a.jsonl"
    path.write_text('{"body": "one\u2028two"}\n{"body": "three"}\n', encoding="utf-8")
    assert framing.load_corpus(path)["body"].tolist() == ["one\u2028two", "three"]
    assert pd.concat(iter_corpus(path))["body"].tolist() == ["one\u2028two", "three"]


def test_reading_is_lazy(tmp_path, raw):
    path = _write(pd.concat([raw] * 5, ignore_index=True), tmp_path / "big.jsonl.gz")
    first = next(iter_corpus(path, chunksize=50))
    assert len(first) == 50 and first.attrs["progress"] < 0.5


@pytest.mark.parametrize("suffix", ["parquet", "csv"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_streamed_features_equal_in_memory(raw, tmp_path, suffix, jobs):
    corpus = _write(raw[:150], tmp_path / "corpus.jsonl.gz")
    out = tmp_path / f"f.{suffix}"
    assert main(["features", str(corpus), "-o", str(out), "--chunksize", "23", "--jobs", jobs]) == 0
    df = framing.load_corpus(corpus)
    expected = pd.concat([df[["outlet"]], framing.extract_features(df)], axis=1)
    # equal up to float rounding: a chunk's vocabulary order changes the order of the sums
    if suffix == "parquet":
        got = pd.read_parquet(out)
    else:
        expected.to_csv(tmp_path / "expected.csv")
        expected = pd.read_csv(tmp_path / "expected.csv", index_col="id", dtype={"id": str})
        got = pd.read_csv(out, index_col="id", dtype={"id": str})
    pd.testing.assert_frame_equal(got, expected, check_exact=False, rtol=1e-12)


@pytest.mark.parametrize("suffix", ["parquet", "csv"])
def test_interrupted_run_leaves_no_half_file(raw, tmp_path, monkeypatch, suffix):
    corpus = _write(raw[:150], tmp_path / "corpus.jsonl")
    out = tmp_path / "out" / f"f.{suffix}"
    calls = {"n": 0}
    real_write = TableWriter.write

    def failing_write(self, df):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("No space left on device")
        real_write(self, df)

    monkeypatch.setattr(TableWriter, "write", failing_write)
    args = ["features", str(corpus), "-o", str(out), "--chunksize", "50"]
    assert main(args) == 2
    assert calls["n"] == 3 and list(out.parent.iterdir()) == []
    # an earlier output of that name is left exactly as it was
    out.parent.mkdir(exist_ok=True)
    out.write_bytes(b"earlier result")
    calls["n"] = 0
    assert main(args) == 2
    assert out.read_bytes() == b"earlier result"
    assert [p.name for p in out.parent.iterdir()] == [out.name]


def test_a_bad_record_mid_file_keeps_the_earlier_output(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"body": "One."}\n' * 10 + "{oops\n", encoding="utf-8")
    out = tmp_path / "f.parquet"
    assert main(["features", str(corpus), "-o", str(out), "--chunksize", "3"]) == 2
    assert "line 11 is not valid JSON" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [corpus]


def test_map_ordered_keeps_order_and_bounds_work_in_flight():
    import threading
    import time

    running, most = 0, 0
    lock = threading.Lock()

    def slow_square(x):
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.01 * (x % 3))
        with lock:
            running -= 1
        return x * x

    submitted = []

    def items():
        for i in range(30):
            submitted.append(i)
            yield i

    with ThreadPoolExecutor(8) as pool:
        out = []
        for item, result in map_ordered(slow_square, items(), pool, in_flight=3):
            # never more than 3 items read ahead of the one being returned
            assert len(submitted) - item <= 3
            out.append(result)
    assert out == [i * i for i in range(30)] and most <= 3


def test_json_lines_output_reads_back_as_the_corpus(tmp_path, sample):
    # `framing clean` of a JSON Lines corpus can write JSON Lines; load_corpus reads it back
    out = tmp_path / "clean.jsonl"
    assert main(["clean", "-o", str(out)]) == 0
    back = framing.load_corpus(out)
    assert back.index.tolist() == sample.index.tolist()
    assert back["body"].tolist() == sample["body"].tolist()
    assert (back["body_clean"].str.len() <= back["body"].str.len()).all()
    # streamed measures: the same table as CSV, chunk after chunk
    args = ["features", "--chunksize", "250", "--features", "style"]
    assert main([*args, "-o", str(tmp_path / "f.jsonl")]) == 0
    assert main([*args, "-o", str(tmp_path / "f.csv")]) == 0
    as_jsonl = pd.read_json(tmp_path / "f.jsonl", lines=True, dtype={"id": str})
    expected = pd.read_csv(tmp_path / "f.csv", dtype={"id": str})
    pd.testing.assert_frame_equal(as_jsonl, expected, check_dtype=False)
    with TableWriter(tmp_path / "none.jsonl") as writer:
        writer.write(pd.DataFrame({"x": []}))
    assert (tmp_path / "none.jsonl").read_text() == ""


def test_table_writer_writes_json_lines_a_slice_at_a_time(tmp_path, sample, monkeypatch):
    """A large frame is written in slices (pandas builds the whole text it writes): the
    same bytes as at once."""
    import framing.corpus.stream

    with TableWriter(tmp_path / "whole.jsonl") as writer:
        writer.write(sample)
    monkeypatch.setattr(framing.corpus.stream, "BATCH", 7)
    with TableWriter(tmp_path / "sliced.jsonl") as writer:
        writer.write(sample)
    whole = (tmp_path / "whole.jsonl").read_bytes()
    assert (tmp_path / "sliced.jsonl").read_bytes() == whole
    assert whole.count(b"\n") == len(sample)


def test_table_writer_rejects_unknown_suffix(tmp_path):
    with pytest.raises(
        framing.InputError, match=r"f.xlsx: output must end in .csv, .tsv, .parquet or .jsonl$"
    ):
        TableWriter(tmp_path / "f.xlsx")
    assert list(tmp_path.iterdir()) == []
