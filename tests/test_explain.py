import importlib
import io
import re
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest

import framing
from framing.cli import main
from framing.errors import InputError
from framing.report.evidence import SPAN_SOURCES, Explanation, explain
from framing.report.markup import nest
from framing.spans import Span


def find_demo(text: str) -> list[Span]:
    """A small span source for these tests: a pejorative phrase, a sign-up notice, a tag."""
    spans = [
        Span.at(text, m.start(), m.end(), "pejorative", "monster")
        for m in re.finditer(r"bloody monster", text)
    ]
    spans += [
        Span.at(text, m.start(), m.end(), "newsletter")
        for m in re.finditer(r"We use your sign-up[^\n]*", text)
    ]
    spans += [Span.at(text, m.start(), m.end(), "media") for m in re.finditer(r"VIDEO", text)]
    # a span crossing the sign-up notice's end, to exercise overlap handling
    spans += [
        Span.at(text, m.start(), m.end() + 20, "crossing") for m in re.finditer(r"More info", text)
    ]
    return spans


EXPLAIN = importlib.import_module("framing.report.evidence")  # framing.explain is the function


@pytest.fixture
def demo(monkeypatch):
    """Only the demo source, so the expected marks do not depend on the registry."""
    monkeypatch.setattr(EXPLAIN, "SPAN_SOURCES", {"demo": f"{__name__}:find_demo"})
    monkeypatch.setattr(EXPLAIN, "SOURCE_TEXTS", {"demo": ("headline", "body")})


@pytest.mark.parametrize("name", sorted(SPAN_SOURCES) or [None])
def test_every_registered_source_finds_spans_in_the_express_article(name, express):
    if name is None:
        pytest.skip("no span source registered yet (clutter, loaded, headline land at merge)")
    e = explain(express, sources=[name])
    assert len(e.spans) > 0
    for row in e.spans.itertuples():
        assert getattr(e, row.field)[row.start : row.end] == row.text and row.kind
    markup = e.to_html()
    assert markup.count("<mark") == markup.count("</mark>")


class Tags(HTMLParser):
    """Checks that every end tag closes the innermost open one, and collects the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(tag)
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> Tags:
    p = Tags()
    p.feed(markup)
    p.close()
    return p


def test_terminal_marks_the_evidence_in_the_express_article(demo, express):
    e = explain(express)
    assert e.headline.startswith("Is Putin losing his grip?")
    out = str(e)
    assert "[[bloody monster]]{pejorative}" in out
    assert out.splitlines()[0].endswith("[[VIDEO]]{media}")  # the headline, on line 1
    assert "evidence: 1 crossing, 2 media, 1 newsletter, 1 pejorative" in out
    assert "\x1b[" not in out
    coloured = e.to_text(color=True)
    assert "\x1b[" in coloured and "[[" not in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == re.sub(r"\[\[|\]\]\{\w+\}", "", out)


def test_spans_frame_points_into_the_texts(demo, express):
    spans = explain(express).spans
    assert list(spans.columns) == ["field", "source", "kind", "label", "start", "end", "text"]
    e = explain(express)
    for row in spans.itertuples():
        assert getattr(e, row.field)[row.start : row.end] == row.text
    assert set(spans["field"]) == {"headline", "body"}
    assert spans.loc[spans.kind == "pejorative", "label"].tolist() == ["monster"]


def test_headline_choices_and_rows(express):
    head, body = express.split("\n", 1)
    assert explain(express).body == body.strip("\n")
    assert explain(express, headline="").headline == ""
    assert explain(express, headline="").body == express
    assert explain("one line only").headline == ""
    assert explain("title\n").headline == "" and explain("title\n").body == "title\n"
    row = pd.Series({"headline": "H", "body": "B", "outlet": "X"})
    assert (explain(row).headline, explain(row).body) == ("H", "B")
    assert explain({"headline": np.nan, "body": "B"}).headline == ""
    with pytest.raises(InputError, match="one article"):
        explain(pd.DataFrame({"body": ["a"]}))
    with pytest.raises(InputError, match="headline"):
        explain({"text": "a"})
    with pytest.raises(InputError, match="not int"):
        explain(3)
    with pytest.raises(InputError, match="unknown span source"):
        explain("x", sources=["nope"])


def test_html_is_escaped_and_well_formed(demo):
    text = (
        'A <script>alert("x")</script> & that bloody monster <b>said</b>\n'
        "We use your sign-up. More info\nand the article goes on & on here."
    )
    e = explain(text, headline="<i>VIDEO</i> & more")
    markup = e._repr_html_()
    assert "<script>" not in markup and "<b>" not in markup and "<i>" not in markup
    assert "&lt;script&gt;" in markup
    tags = parse(markup)
    assert tags.errors == [] and tags.stack == []
    shown = "".join(tags.text)
    assert text in shown and "<i>VIDEO</i> & more" in shown
    assert markup.count("<mark") == markup.count("</mark>") >= 5  # the crossing span is split
    for kind in ("pejorative", "newsletter", "media", "crossing"):
        assert f"{kind} (1)" in markup  # legend


def test_nest_random_overlaps_keep_text_and_markup():
    rng = np.random.default_rng(0)
    text = "".join(rng.choice(list("ab <&>\n"), size=200))
    for _ in range(50):
        starts = rng.integers(0, 199, size=8)
        spans = [
            Span.at(text, int(s), int(s + rng.integers(1, 60)), f"k{i % 3}")
            for i, s in enumerate(starts)
        ]
        spans = [s for s in spans if s.end <= len(text)]
        pieces = nest(spans)
        for outer in pieces:  # any two pieces are disjoint or nested
            for inner in pieces:
                assert (
                    inner.end <= outer.start
                    or inner.start >= outer.end
                    or (outer.start <= inner.start and inner.end <= outer.end)
                    or (inner.start <= outer.start and outer.end <= inner.end)
                )
        covered = {i for s in spans for i in range(s.start, s.end)}
        assert covered == {i for s in pieces for i in range(s.start, s.end)}
        e = Explanation("", text, [("body", "t", s) for s in spans])
        tags = parse(e.to_html())
        assert tags.errors == [] and tags.stack == []
        assert text in "".join(tags.text)
        assert re.sub(r"\[\[|\]\]\{[^}]*\}", "", str(e).rsplit("\n\nevidence", 1)[0]) == text


def test_excerpt_keeps_the_evidence(demo, express):
    e = explain(express)
    short = e.to_html(max_chars=700)
    assert len(short) < len(e.to_html())
    assert "characters not shown" in short and "[…]" in short
    # the paragraph with the pejorative lies far into the article, and is kept
    assert "[[bloody monster]]" not in short and ">bloody monster</mark>" in short
    assert "Russia: Police grapple" in short  # the first paragraph always is
    assert "Protesters in Minsk were seen" not in short  # no evidence there
    tags = parse(short)
    assert tags.errors == [] and tags.stack == []


def test_excerpt_spans_point_into_the_excerpt(express):
    from framing.report.markup import excerpt

    body = express.partition("\n")[2]
    spans = find_demo(body)
    text, shifted, left_out, hidden = excerpt(body, spans, 500)
    assert len(text) - text.count("[…]") * 3 <= 500 + 20 and left_out > 0
    for s in shifted:
        assert text[s.start : s.end] == s.text and s.text in body
    assert len(shifted) >= len(spans) - hidden


def test_framing_explain_stays_the_function():
    import framing.report.evidence  # noqa: F401  (binding the module must not shadow the function)

    assert callable(framing.explain) and framing.explain is explain


def test_no_sources_means_no_evidence_not_an_error(monkeypatch):
    monkeypatch.setattr(EXPLAIN, "SPAN_SOURCES", {})
    e = framing.explain("Headline\n\nBody text.")
    assert e.spans.empty and "No evidence spans found" in e._repr_html_()
    assert str(e).endswith("evidence: none found")


def test_cli_explain_file_and_stdin(demo, capsys, monkeypatch, tmp_path, express):
    path = tmp_path / "a.txt"
    path.write_text(express, encoding="utf-8")
    assert main(["explain", str(path)]) == 0
    assert "[[bloody monster]]{pejorative}" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Title - VIDEO\nbody")))
    assert main(["explain", "-", "--color", "never"]) == 0
    assert capsys.readouterr().out.startswith("Title - [[VIDEO]]{media}")
    assert main(["explain", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file" in err
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    assert main(["explain", str(tmp_path / "empty.txt")]) == 2
    assert "empty" in capsys.readouterr().err


def test_cli_explain_reads_a_page_as_the_corpus_would(capsys, tmp_path):
    # an HTML page: its <h1> is the headline, its text the body, scripts and tags gone, as
    # load_corpus reads a folder's page; a text file is tidied (entities) the same way
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><title>Site</title></head><body><h1>Brutal regime</h1>"
        "<p>What a <b>disastrous</b> plan &amp; more.</p>"
        '<script>var s = "brutal";</script></body></html>',
        encoding="utf-8",
    )
    assert main(["explain", str(page), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[[Brutal]]{emotive, loaded_word, negative} [[regime]]{pejorative}\n")
    assert "plan & more." in out and "<" not in out and "var s" not in out
    text = tmp_path / "a.txt"
    text.write_text("Tom &amp; Jerry\r\n\r\nA <b>brutal</b> crackdown.", encoding="utf-8")
    assert main(["explain", str(text), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Tom & Jerry\n\nA [[[[brutal]]{emotive") and "<b>" not in out
    # the same page gzipped, as a scraper keeps it (with a comment): read the same way
    import gzip

    zipped = tmp_path / "b.html.gz"
    zipped.write_bytes(gzip.compress(b"<!-- ad slot -->" + page.read_bytes()))
    assert main(["explain", str(zipped), "--color", "never"]) == 0
    assert capsys.readouterr().out.startswith("[[Brutal]]{emotive, loaded_word, negative}")


def test_spans_over_the_same_words_share_one_mark():
    text = "He said so"
    found = [
        ("body", "a", Span.at(text, 3, 7, "report")),
        ("body", "b", Span.at(text, 3, 7, "assertive", "says")),
    ]
    e = Explanation("", text, found)
    assert str(e).startswith("He [[said]]{assertive, report} so")
    markup = e.to_html()
    assert markup.count("<mark") == 1 and 'title="assertive, report: says"' in markup
    assert "assertive (1)" in markup and "report (1)" in markup
