import re
import shutil
import subprocess
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest
import tables

from framing.cli import main
from framing.errors import CorpusError
from framing.report.analysis import prepare, split_constant
from framing.report.render import write_report
from framing.report.sections import EXAMPLE_BY

SECTIONS = [
    "findings",
    "headline",
    "loaded",
    "clutter",
    "style",
    "terms",
    "classifier",
    "appendix",
    "examples",
    "methods",
]


def visible(html_text: str) -> str:
    """The text of the page, without tags (highlights may split a headline into pieces)."""
    return re.sub(r"<[^>]+>", "", html_text)


@pytest.fixture(scope="module")
def html_report(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "deep" / "er" / "r.html"  # folders created
    write_report(tables.analysis(), path)
    return path


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.urls = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]


def test_report_has_every_section_and_is_self_contained(html_report):
    text = html_report.read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f'<section id="{section}">' in text
    links = Links()
    links.feed(text)
    assert "script" not in links.tags and "link" not in links.tags and "iframe" not in links.tags
    for url in links.urls:  # figures are data URIs; links stay inside the page
        assert url.startswith(("data:image/png;base64,", "#")), url
    assert links.tags.count("img") == 11
    assert "Fixture table with fixed numbers." in text  # the statistics' method note


def test_article_text_is_escaped(html_report):
    text = html_report.read_text(encoding="utf-8")
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in visible(text)  # shown as text
    assert "X &lt;b&gt;" in text  # notes are escaped too
    assert "Russia: Police grapple with anti-war" in visible(text)  # the Express article, cut
    assert "characters not shown" in text


def test_same_input_same_bytes(tmp_path, html_report):
    again = write_report(tables.analysis(), tmp_path / "again.html")
    assert again.read_bytes() == html_report.read_bytes()


def test_markdown_with_png_folder(tmp_path):
    path = write_report(tables.analysis(), tmp_path / "r.md", format="md")
    text = path.read_text(encoding="utf-8")
    pngs = re.findall(r"\]\((r_files/[\w-]+\.png)\)", text)
    assert len(pngs) == 11
    for png in pngs:
        assert (tmp_path / png).read_bytes()[:4] == b"\x89PNG"
    # article text sits in fenced blocks; everywhere else HTML is escaped
    outside = re.sub(r"```text\n.*?\n```", "", text, flags=re.S)
    assert "<script>" not in outside and "<b>" not in outside
    fenced = re.findall(r"```text\n(.*?)\n```", text, flags=re.S)
    assert any("<script>" in block for block in fenced)  # shown as code, not run
    assert "| Fox News |" in text


def test_many_groups_show_the_largest():
    from framing.report.analysis import largest
    from framing.report.render import context

    a = tables.analysis(outlets=[f"Outlet {i:02d}" for i in range(8)])
    a.corpus = a.corpus.iloc[2:]  # Outlet 00 now has one article, the smallest group
    ctx = context(a, max_groups=3)
    assert [e["group"] for e in ctx["examples"]] == ["Outlet 01", "Outlet 02", "Outlet 03"]
    assert any("the 3 largest of 8 groups" in note for note in ctx["notes"])
    assert largest(a, 8) is a
    # the figures of the paired comparison, too, show the largest groups (a forest of all
    # 150 outlets with shared stories, most of them one story, on the AllSides corpus)
    a.paired = a.comparison
    shown = largest(a, 3)
    assert sorted(shown.paired["group"].unique()) == ["Outlet 01", "Outlet 02", "Outlet 03"]
    assert shown.features.index.equals(shown.corpus.index)


def test_frame_passages_come_from_the_groups_shown():
    """The article scoring highest on a frame may be in a group too small to be shown: the
    passage is the highest of the groups shown (it was a KeyError on the AllSides corpus)."""
    from framing.report.analysis import largest
    from framing.report.sections import frame_passages

    a = tables.analysis(outlets=[f"Outlet {i:02d}" for i in range(8)])
    a.corpus = a.corpus.iloc[2:]  # Outlet 00 is the smallest group, not shown
    a.features["frames_conflict"] = 0.1
    a.features.loc[0, "frames_conflict"] = 0.9  # an article of the corpus's features only
    a.features.loc[23, "frames_conflict"] = 0.8  # Outlet 07's, a group not shown
    a.features.loc[7, "frames_conflict"] = 0.7  # Outlet 02's
    a.corpus.loc[7, "body"] = "The rivals clashed in a bitter dispute over the plan."
    shown = largest(a, 3)
    assert shown.features.index.equals(shown.corpus.index)
    (passage,) = frame_passages(shown)
    assert passage["title"].startswith("conflict: Outlet 02, article 7")


def test_prepare_drops_single_article_groups_and_needs_two_groups():
    df = pd.DataFrame({"outlet": ["A", "A", "B", "B", "C", None], "body": ["x"] * 6})
    kept, notes = prepare(df)
    assert sorted(kept.outlet.unique()) == ["A", "B"]
    assert notes == [
        "Left out 1 article(s) without a 'outlet' value.",
        "Left out 1 group(s) with a single article: 'C'.",
    ]
    with pytest.raises(CorpusError, match="fewer than two 'outlet' groups"):
        prepare(df[df.outlet.isin(["A", "C"])])
    with pytest.raises(CorpusError, match="missing column 'leaning'"):
        prepare(df, by="leaning")


def test_constant_measures_are_set_aside():
    feats = pd.DataFrame({"a": [1.0, 2.0, np.nan], "b": [3.0, 3.0, np.nan], "c": [np.nan] * 3})
    assert split_constant(feats) == (["a"], ["b", "c"])


def test_cli_report_needs_the_grouping_column(tmp_path, capsys):
    corpus = tmp_path / "c.csv"
    pd.DataFrame({"headline": ["a", "b"], "body": ["x", "y"]}).to_csv(corpus, index=False)
    assert main(["report", str(corpus), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing column 'outlet'" in err
    assert not (tmp_path / "r.html").exists()


def test_chromium_renders_a_non_blank_page(tmp_path, html_report):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            "--window-size=1200,2000",
            html_report.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    from matplotlib.image import imread

    pixels = imread(shot)[..., :3]
    assert pixels.shape[:2] == (2000, 1200)
    assert pixels.std() > 0.05  # not a blank (single-colour) page
    # the figures rendered: many distinct colours, not only text on white
    assert len(np.unique((pixels * 255).astype(np.uint8).reshape(-1, 3), axis=0)) > 200


# --- the whole pipeline (needs the statistics of issue 6) ------------------------------


@pytest.fixture(scope="module")
def stats():
    pytest.importorskip("framing.stats.compare", reason="needs framing.compare (issue 6 stats)")
    pytest.importorskip("framing.stats.terms", reason="needs framing.terms (issue 6 stats)")


def test_pipeline_on_part_of_the_sample(stats, sample, tmp_path):
    from framing import extract_features
    from framing.report.build import build_report

    outlets = sample.outlet.unique()
    part = sample[sample.outlet.isin(outlets[:3])].groupby("outlet").head(15)
    part = pd.concat([part, sample[sample.outlet == outlets[4]].head(1)])
    part.loc[part.index[0], "headline"] = "<script>alert(1)</script>"
    with pytest.warns(UserWarning, match="1 of 46 headline texts hold HTML markup"):
        features = extract_features(part).assign(constant_measure=1.0)
    for measure in EXAMPLE_BY:  # make the injected headline its outlet's example article
        if measure in features:
            features.loc[part.index[0], measure] = features[measure].max() + 1
            break
    path = build_report(part, output=tmp_path / "a.html", features=features, seed=3)
    text = path.read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in visible(text)
    assert "group(s) with a single article" in text and "constant_measure" in text
    assert f'<section id="{SECTIONS[0]}">' in text and '<section id="examples">' in text


@pytest.mark.slow
def test_cli_report_on_the_sample_is_reproducible(stats, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["report"]) == 0
    first = (tmp_path / "reports" / "sample.html").read_bytes()
    text = first.decode("utf-8")
    for section in SECTIONS:
        assert f'<section id="{section}">' in text
    assert main(["report", "--format", "md", "-o", "reports/sample.md"]) == 0
    assert (tmp_path / "reports" / "sample_files").is_dir()
    assert main(["report"]) == 0
    assert (tmp_path / "reports" / "sample.html").read_bytes() == first


def test_cli_report_format_follows_the_output_name(tmp_path, capsys):
    # -o r.md means Markdown (the doctest of output_format); a --format the name contradicts
    # is one line before any work, and no file
    out = tmp_path / "r.html"
    assert main(["report", "--format", "md", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "names an html file, but --format md" in err
    assert f"name it {tmp_path / 'r.md'}" in err and not out.exists()


def test_classifier_takes_the_largest_groups_of_many(stats, monkeypatch):
    import framing.stats.classifier
    from framing.report.analysis import MAX_GROUPS, analyse

    seen = {}

    def spy(table, by="outlet", **kwargs):
        seen["groups"] = sorted(table[by].unique())
        return {"scores": pd.DataFrame({"accuracy": [0.5]}), "importance": pd.DataFrame()}

    monkeypatch.setattr(framing.stats.classifier, "outlet_classifier", spy)
    n = MAX_GROUPS + 5
    corpus = pd.DataFrame(
        {
            "outlet": [f"O{i:02d}" for i in range(n) for _ in range(2 + (i < MAX_GROUPS))],
            "body": "some words here",
        }
    )
    rng = np.random.default_rng(0)
    features = pd.DataFrame({"m": rng.normal(size=len(corpus))}, index=corpus.index)
    a = analyse(corpus, features=features)
    assert seen["groups"] == [f"O{i:02d}" for i in range(MAX_GROUPS)]
    assert f"The classifier tells apart the {MAX_GROUPS} largest of {n} groups." in a.notes
    assert set(a.comparison["group"]) == set(corpus["outlet"])  # statistics cover all


# --- the first screen ------------------------------------------------------------------


def test_first_screen_says_what_stands_out_and_links_to_it(html_report):
    text = html_report.read_text(encoding="utf-8")
    first = text.split('<section id="findings">')[1].split("</section>")[0]
    assert text.index('<section id="findings">') < text.index('<section id="headline">')
    items = re.findall(r"<li>(.*?)</li>", first.split('<ul class="findings">')[1], re.S)
    assert 1 <= len(items) <= 5
    ids = set(re.findall(r'id="([\w-]+)"', text))
    hrefs = re.findall(r'href="#([\w-]+)"', first)
    assert hrefs and set(hrefs) <= ids  # every link lands on a section or an example
    assert "Key measures per group" in first and "▲" in first
    assert "overview-heatmap" not in first  # the full heatmap is in the appendix
    assert text.index('<section id="appendix">') > text.index('<section id="classifier">')


def _table(rows):
    return pd.DataFrame(rows, columns=["group", "measure", "mean", "q", "cliffs_delta", "n"])


def test_findings_name_the_clearest_framing_differences_in_words():
    from framing.report.analysis import ReportData
    from framing.report.findings import findings

    comparison = _table(
        [
            ("NR", "loaded_language", 0.46, 0.0001, 0.5, 60),
            ("AP", "loaded_language", 0.20, 0.01, -0.3, 60),
            ("Vox", "loaded_language", 0.30, 0.5, 0.0, 60),
            ("NR", "clutter_legal_lines", 1.0, 0.0001, 0.9, 60),  # not a framing finding
            ("Vox", "headline_question", 0.15, 0.02, 0.2, 60),
            ("NR", "headline_question", 0.25, 0.001, 0.45, 60),
            ("AP", "headline_question", 0.05, 0.9, 0.1, 60),
            ("NR", "frames_morality", 0.4, 0.001, 0.4, 60),
        ]
    )
    features = pd.DataFrame({"loaded_language": [0.32, 0.32], "headline_question": [0.1, 0.2]})
    data = ReportData(pd.DataFrame(), features, comparison)
    found = findings(data, shown={"NR"})
    texts = [f["text"] for f in found]
    assert texts[0] == (
        "NR: the highest share of loaded sentences of the 3 outlets, 46% against 32% "
        "overall (60 articles, q < 0.001)."
    )
    assert texts[1] == (
        "NR: the highest share of question headlines of the 3 outlets, 25% against 15% "
        "overall (60 articles, q = 0.001)."
    )
    # one finding per measure (not AP's loaded language), two per group (not NR's
    # morality), framing measures only (not the clutter lines)
    assert len(texts) == 2
    assert found[0]["links"] == [("Loaded language", "#loaded"), ("example article", "#example-nr")]
    assert findings(data, shown=set())[0]["links"] == [("Loaded language", "#loaded")]
    # a report of many groups speaks of those it shows (NR left out: AP's and Vox's remain)
    texts = [f["text"] for f in findings(data, shown=set(), among={"AP", "Vox"})]
    assert [t.split(":")[0] for t in texts] == ["AP", "Vox"]

    paired = _table([("Vox", "loaded_language", -0.08, 0.004, -0.4, 35)])
    texts = [
        f["text"]
        for f in findings(ReportData(pd.DataFrame(), features, comparison, paired=paired), set())
    ]
    assert texts[-1] == (
        "On the same story, Vox shows a lower share of loaded sentences than the other "
        "outlets telling it: -8 points against the story mean over 35 stories (q = 0.004)."
    )


def test_same_story_table_lists_framing_before_form():
    from framing.report.findings import FORM_FAMILIES, told
    from framing.report.sections import _findings

    paired = _table(
        [
            ("NYT", "style_paragraphs", -8.1, 1e-48, -0.76, 400),  # the largest, but form
            ("Vox", "loaded_intensifiers", 0.15, 1e-45, 0.64, 400),
            ("Vox", "clutter_share", 0.1, 1e-40, 0.7, 400),  # the page: not shown
            ("CNN", "headline_question", 0.02, 1e-3, 0.2, 400),
        ]
    ).assign(ci_low=0.0, ci_high=1.0)
    shown = _findings(paired, told(paired["measure"]), later=FORM_FAMILIES)
    measures = [row[1] for row in shown["rows"]]
    assert measures == ["loaded_intensifiers", "headline_question", "style_paragraphs"]
