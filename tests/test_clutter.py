import json
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import CASES, shared

import framing
from framing.measures.clutter import (
    KINDS,
    ClutterDetector,
    clean,
    clean_corpus,
    find_clutter,
    find_clutter_all,
    remove_spans,
)
from framing.text import fold

CASES_DATA = json.loads((CASES / "clutter.json").read_text(encoding="utf-8"))
PARA = (
    "In total, Russian police detained 1,474 people at pro-Ukraine demonstrations in 45 cities "
    "on Sunday, according to a count by the OVD-Info rights group which is tracking arrests."
)
PARA_AFTER = (
    "The Kremlin has denied that its troops are massing on the border, and says the exercises "
    "in Belarus are routine and will end as planned later this month."
)
# a body of several paragraphs, as the line model reads lines in their place
BEFORE = [
    "Thousands of people marched through central Moscow on Sunday against the war, the "
    "largest protest in the capital since the invasion began.",
    "Riot police lined the boulevards and pulled demonstrators into buses, witnesses said.",
    PARA,
]
AFTER = [
    PARA_AFTER,
    "Western governments have threatened further sanctions if the crackdown continues, and "
    "the European Union said it would meet on Monday to discuss its response.",
]


def embedded(line: str, at: str = "middle") -> tuple[str, int]:
    """The line in a body of editorial paragraphs (at its top, in the middle or at its
    bottom), and its offset. (Each paragraph once: a paragraph repeated word for word is a
    pull quote, itself clutter.)"""
    cut = {"top": 0, "middle": len(BEFORE), "bottom": len(BEFORE) + len(AFTER)}[at]
    paras = [*BEFORE, *AFTER]
    before = "".join(f"{p}\n\n" for p in paras[:cut])
    return before + "\n\n".join([line, *paras[cut:]]), len(before)


def check_spans(text, spans):
    for s in spans:
        assert text[s.start : s.end] == s.text and s.kind in KINDS and s.start < s.end
    assert all(a.end <= b.start for a, b in pairwise(spans))


# --- gold cases -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "case", CASES_DATA["positives"] + CASES_DATA["issue20"], ids=lambda c: c["line"][:40]
)
def test_positive_cases(case):
    text, at = embedded(case["line"], case.get("at", "middle"))
    spans = find_clutter(text)
    check_spans(text, spans)
    want = case.get("clutter", case["line"])
    start = at + case["line"].index(want)
    assert [(s.start, s.end, s.kind) for s in spans] == [(start, start + len(want), case["kind"])]
    assert PARA in clean(text) and PARA_AFTER in clean(text)


@pytest.mark.parametrize("case", CASES_DATA["negatives"], ids=lambda c: c["line"][:40])
def test_negative_cases(case):
    text, _ = embedded(case["line"])
    assert find_clutter(text) == []
    assert clean(text) == text


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["reason"]))
        for c in CASES_DATA["xfail"]
    ],
    ids=lambda c: c["line"][:40],
)
def test_known_failures(case):
    text = (
        case["line"] if case.get("alone") else embedded(case["line"], case.get("at", "middle"))[0]
    )
    expected = [case["kind"]] if case["kind"] else []  # null: an editorial line
    assert [s.kind for s in find_clutter(text)] == expected


# --- the Express article ------------------------------------------------------------------

EXPRESS_CLUTTER = [
    ("Russia: Police grapple with anti-war protesters in Moscow", "media"),
    ("We use your sign-up to provide content", "newsletter"),
    ("JUST IN: Russian nuclear deterrence on ‘high alert’ as Putin blasts NATO", "teaser"),
    ("Ukraine: Dmytro Kuleba updates on Russian killed or wounded", "media"),
    ("EU cracks down on Russia AND Belarus with major penalties [VIDEO]", "teaser"),
    ("POLL: Is the monarchy is as strong as ever or beginning to crumble? [POLL]", "teaser"),
    ("Russians have lost their belief in Putin, says WILL Stewart [COMMENT]", "teaser"),
    ("Source: Read Full Article", "meta"),
]


def test_express_every_clutter_line_with_its_kind(express_body):
    spans = find_clutter(express_body)
    check_spans(express_body, spans)
    assert len(spans) == len(EXPRESS_CLUTTER)
    for span, (start, kind) in zip(spans, EXPRESS_CLUTTER, strict=True):
        assert fold(span.text).startswith(fold(start)) and span.kind == kind, span
    for s in spans:  # whole lines
        assert (s.start == 0 or express_body[s.start - 1] == "\n") and express_body[
            s.end : s.end + 1
        ] in ("\n", "")


def test_express_no_editorial_paragraph_touched(express_body):
    flagged = {s.text for s in find_clutter(express_body)}
    lines = [p for p in (x.strip() for x in express_body.split("\n")) if p]
    editorial = [p for p in lines if p not in flagged]
    assert len(editorial) == len(lines) - len(EXPRESS_CLUTTER) == 22
    cleaned = clean(express_body)
    for paragraph in editorial:
        assert paragraph in cleaned
    assert "\n\n" in cleaned and "\n\n\n" not in cleaned
    assert [p.strip() for p in cleaned.split("\n") if p.strip()] == editorial
    assert not any(t in cleaned for t, _ in EXPRESS_CLUTTER)


# --- the issue's AllSides examples ----------------------------------------------------------


@pytest.mark.parametrize(
    "line,kind",
    [
        ("Advertisement", "ad"),
        ("Sign up for daily newsletters Manage Newsletters", "newsletter"),
        (
            "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
            "legal",
        ),
        ("CLICK HERE TO GET THE FOX NEWS APP", "teaser"),
        (
            "Enlarge this image toggle caption Drew Angerer/Getty Images Drew Angerer/Getty Images",
            "media",
        ),
        ("Image copyright Getty Images", "media"),
        ("Media playback is unsupported on your device", "media"),
        ("Listen to article", "media"),
        ("Share this article", "social"),
        ("READ MORE:", "teaser"),
        ("Jim Acosta contributed to this report.", "meta"),
    ],
)
def test_issue_examples(line, kind):
    text, at = embedded(line)
    assert [(s.start, s.end, s.kind) for s in find_clutter(text)] == [(at, at + len(line), kind)]


def test_fragment_keeps_editorial_part():
    text = "Violent clashes were filmed in Moscow. Advertisement\nPolice moved in. ADVERTISEMENT Then they left."
    spans = find_clutter(text)
    assert [(s.text, s.kind) for s in spans] == [("Advertisement", "ad"), ("ADVERTISEMENT", "ad")]
    assert clean(text) == "Violent clashes were filmed in Moscow.\nPolice moved in. Then they left."


# --- bad input ----------------------------------------------------------------------------


def test_empty_and_missing():
    assert find_clutter("") == [] and find_clutter(None) == []
    assert clean("") == "" and clean(None) == ""
    with pytest.raises(framing.InputError, match="takes a str"):
        find_clutter(b"Advertisement")


def test_no_newlines_and_all_clutter():
    one = "Police moved in. Story Continued Below The crowd left."
    assert [s.text for s in find_clutter(one)] == ["Story Continued Below"]
    everything = "Advertisement\n\nShare this article\n\nSource: Read Full Article"
    assert [s.kind for s in find_clutter(everything)] == ["ad", "social", "meta"]
    assert clean(everything) == ""


def test_huge_single_line_is_fast():
    line = "Police moved in and the crowd left. " * 280_000 + "Advertisement"  # 10 MB
    start = time.perf_counter()
    spans = find_clutter(line)
    elapsed = time.perf_counter() - start
    assert [s.text for s in spans] == ["Advertisement"]
    assert elapsed < 30, f"10 MB took {elapsed:.1f}s: a regex backtracks"  # seconds, not hours


def test_windows_line_endings(express_body):
    crlf = express_body.replace("\n", "\r\n")
    spans = find_clutter(crlf)
    assert [(s.text[:20], s.kind) for s in spans] == [
        (s.text[:20], s.kind) for s in find_clutter(express_body)
    ]
    check_spans(crlf, spans)
    assert all("\r" not in s.text for s in spans)
    assert clean(crlf) == clean(express_body).replace("\n", "\r\n")


def test_raw_html_inside_text():
    text = f'<p>{PARA}</p>\n<p>Advertisement</p>\n<div class="social"><a>Share this article</a></div>\n<p>{PARA}</p>'
    spans = find_clutter(text)
    assert [s.kind for s in spans] == ["ad", "social"]
    assert clean(text).count(PARA) == 2


def test_non_english_text():
    text = "Des milliers de manifestants ont défilé à Moscou dimanche.\n\nPublicité\n\n戦争反対のデモがモスクワで行われた。"
    assert [(s.text, s.kind) for s in find_clutter(text)] == [("Publicité", "ad")]


def test_remove_spans_keeps_paragraphs():
    text = "One.\n\nAdvertisement\n\n\nTwo."
    assert remove_spans(text, find_clutter(text)) == "One.\n\nTwo."
    assert remove_spans(text, []) == text


# --- the corpus ---------------------------------------------------------------------------


def synthetic_corpus():
    rows = []
    for i in range(8):
        rows.append(
            {
                "outlet": "Daily Planet",
                "body": f"Story {'abcdefgh'[i]}: the council voted on Monday.\n\n"
                "Lois Lane, Daily Planet\n\nSupport the Planet: become a member",
            }
        )
    for i in range(8):
        rows.append(
            {
                "outlet": "Gazette",
                "body": f"Report {'abcdefgh'[i]}: rain.\n\nLois Lane, Daily Planet",
            }
        )
    rows.append({"outlet": "Gazette", "body": "Report 9: snow.\n\nLois Lane, Daily Planet"})
    return pd.DataFrame(rows)


def test_detector_learns_repeated_lines():
    df = synthetic_corpus()
    det = ClutterDetector(min_articles=5)
    assert det.get_params() == {"min_articles": 5, "min_share": 0.01, "max_chars": 300}
    det.fit(df)
    body = df.loc[0, "body"]
    found = det.find(body, "Daily Planet")
    assert [(s.text, s.kind) for s in found] == [
        ("Lois Lane, Daily Planet", "meta"),
        ("Support the Planet: become a member", "other"),
    ]
    assert all(s.label == "boilerplate:Daily Planet" for s in found)

    assert det.find("Support the Planet: become a member", "Unknown outlet") == []
    assert len(det.find("Support the Planet: become a member")) == 1  # any outlet's lines
    out = det.transform(df)
    assert out.loc[0, "body_clean"] == "Story a: the council voted on Monday."
    assert json.loads(out.loc[0, "clutter"])[0][2] == "meta"


def test_detector_contract():
    from sklearn.base import clone
    from sklearn.exceptions import NotFittedError

    det = ClutterDetector(min_articles=3)
    assert clone(det).set_params(min_share=0.2).get_params()["min_share"] == 0.2
    with pytest.raises(NotFittedError):
        det.find("text")
    with pytest.raises(framing.CorpusError, match="outlet"):
        det.fit(pd.DataFrame({"body": ["x"]}))
    with pytest.raises(framing.InputError, match="min_articles"):
        ClutterDetector(min_articles=1).fit(synthetic_corpus())
    import pickle

    fitted = det.fit(synthetic_corpus())
    again = pickle.loads(pickle.dumps(fitted))
    assert again.boilerplate_ == fitted.boilerplate_


# ClutterDetector's scikit-learn contract, checked by hand: sklearn's check_estimator feeds
# numeric arrays, and this estimator takes a DataFrame of article bodies with an ``outlet``
# column (string input that the common checks cannot generate), so it does not apply.


def test_detector_init_only_stores_keyword_parameters():
    det = ClutterDetector(min_articles=1, min_share=7, max_chars=-3)  # checked in fit, not here
    assert vars(det) == {"min_articles": 1, "min_share": 7, "max_chars": -3}
    with pytest.raises(TypeError):
        ClutterDetector(5)  # keyword-only
    assert ClutterDetector().get_params() == {
        "min_articles": 5,
        "min_share": 0.01,
        "max_chars": 300,
    }


def test_detector_params_round_trip_and_clone():
    from sklearn.base import clone

    det = ClutterDetector(min_articles=3, max_chars=120)
    params = det.get_params(deep=True)
    assert params == det.get_params(deep=False)
    assert ClutterDetector(**params).get_params() == params
    assert det.set_params(min_share=0.5) is det and det.min_share == 0.5
    with pytest.raises(ValueError, match="min_chars"):
        det.set_params(min_chars=3)

    det.fit(synthetic_corpus())
    copy = clone(det)
    assert copy is not det and copy.get_params() == det.get_params()
    assert not hasattr(copy, "boilerplate_") and not hasattr(copy, "n_articles_")


@pytest.mark.parametrize(
    "params",
    [
        {"min_articles": 1},
        {"min_articles": 2.5},
        {"min_articles": "5"},
        {"min_share": -0.1},
        {"min_share": 1.5},
        {"max_chars": 0},
        {"max_chars": None},
    ],
)
def test_detector_validates_parameters_in_fit(params):
    det = ClutterDetector(**params)
    with pytest.raises(ValueError, match="min_articles >= 2"):  # framing.InputError
        det.fit(synthetic_corpus())
    assert not hasattr(det, "boilerplate_")


def test_detector_is_fitted_only_by_fit():
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    det = ClutterDetector(min_articles=3)
    for use in (
        lambda: det.find("text"),
        lambda: det.find_all(["text"]),
        lambda: det.transform(synthetic_corpus()),
        lambda: check_is_fitted(det),
    ):
        with pytest.raises(NotFittedError, match="not fitted"):
            use()
    assert det.fit(synthetic_corpus()) is det
    check_is_fitted(det)
    assert det.get_params() == {"min_articles": 3, "min_share": 0.01, "max_chars": 300}
    assert det.n_articles_ == {"Daily Planet": 8, "Gazette": 9}

    # fitting again starts afresh
    det.fit(synthetic_corpus().query("outlet == 'Gazette'"))
    assert set(det.n_articles_) == set(det.boilerplate_) == {"Gazette"}


def test_detector_fit_transform_is_fit_then_transform():
    df = synthetic_corpus()
    one = ClutterDetector().fit_transform(df)
    two = ClutterDetector().fit(df).transform(df)
    pd.testing.assert_frame_equal(one, two)
    assert list(one.columns) == [*df.columns, "body_clean", "clutter", "clutter_share"]


def test_detector_reprs():
    from sklearn.utils import estimator_html_repr

    assert repr(ClutterDetector()) == "ClutterDetector()"
    assert repr(ClutterDetector(min_articles=3)) == "ClutterDetector(min_articles=3)"
    html = estimator_html_repr(ClutterDetector(min_share=0.2))
    assert "ClutterDetector" in html and "min_share" in html
    assert "ClutterDetector" in estimator_html_repr(ClutterDetector().fit(synthetic_corpus()))


def test_detector_pickles_fitted_and_unfitted():
    import pickle

    df = synthetic_corpus()
    det = ClutterDetector(min_articles=4)
    again = pickle.loads(pickle.dumps(det))
    assert again.get_params() == det.get_params() and not hasattr(again, "boilerplate_")
    det.fit(df)
    again = pickle.loads(pickle.dumps(det))
    assert again.boilerplate_ == det.boilerplate_ and again.n_articles_ == det.n_articles_
    assert again.find_all(df.body.tolist(), df.outlet.tolist()) == det.find_all(
        df.body.tolist(), df.outlet.tolist()
    )


def test_scikit_learn_loads_on_first_detection():
    code = (
        "import sys; from framing.measures.clutter import clean, find_clutter_all; "
        "print('sklearn' in sys.modules); clean('Kept.\\nAdvertisement'); "
        "print('sklearn' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    # importing is cheap; the line model (scikit-learn) loads when a body is first read
    assert run.stdout.split() == ["False", "True"]


def test_detector_on_sample(sample):
    det = ClutterDetector().fit(sample)
    learned = {o: set(t) for o, t in det.boilerplate_.items()}
    assert (
        "copyright © 0 the washington times, llc. click here for reprint permission."
        in learned["Washington Times"]
    )
    # the learned lines come on top of what the rules and the line model find
    found = [det.find(b, o) for b, o in zip(sample.body, sample.outlet, strict=True)]
    for spans, body in zip(found, sample.body, strict=True):
        assert {(s.start, s.end) for s in find_clutter(body)} <= {(s.start, s.end) for s in spans}
    reprint = [
        (spans, body)
        for spans, body in zip(found, sample.body, strict=True)
        if "Click here for reprint permission" in body
    ]
    assert reprint
    for spans, body in reprint:
        at = body.index("Click here for reprint permission")
        assert any(s.start <= at < s.end for s in spans)


def test_clean_corpus_keeps_everything(sample):
    out = clean_corpus(sample)
    assert out.index.equals(sample.index)
    assert {"body_clean", "clutter", "clutter_share"} <= set(out.columns)
    for body, cleaned, spans in zip(out.body, out.body_clean, out.clutter, strict=True):
        spans = json.loads(spans)
        for start, end, kind, text, _ in spans:
            assert body[start:end] == text and kind in KINDS
        removed = sum(e - s for s, e, *_ in spans)
        assert len(cleaned) <= len(body) - removed + 1
    assert (out.body_clean != out.body).sum() > 100


# --- features, CLI, HTML ------------------------------------------------------------------


def test_features_vary_and_share_the_spans(sample):
    feats = framing.extract_features(sample, "clutter")
    assert list(feats.columns)[:3] == ["clutter_share", "clutter_promo_share", "clutter_lines"]
    assert (feats.nunique() > 1).all()
    kinds = feats[[f"clutter_{k}_lines" for k in KINDS]].sum(axis=1)
    assert (kinds == feats["clutter_lines"]).all()
    assert (feats["clutter_promo_share"] <= feats["clutter_share"] + 1e-12).all()
    expected = [len(find_clutter(b)) for b in sample.body]
    assert feats["clutter_lines"].tolist() == expected


def test_cli_clean(tmp_path):
    src = tmp_path / "c.csv"
    pd.DataFrame({"headline": ["h", "g"], "body": ["Kept.\n\nAdvertisement", "Also kept."]}).to_csv(
        src, index=False
    )
    out = tmp_path / "out.csv"
    run = subprocess.run(
        [sys.executable, "-m", "framing", "clean", str(src), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    df = pd.read_csv(out)
    assert df["body_clean"].tolist() == ["Kept.", "Also kept."]
    assert json.loads(df.loc[0, "clutter"])[0][2] == "ad"
    learned = tmp_path / "learned.parquet"
    corpus = pd.DataFrame(
        {
            "outlet": ["Planet"] * 6,
            "body": [f"Story {c}.\n\nLois Lane, Daily Planet staff" for c in "abcdef"],
        }
    )
    corpus.to_csv(src, index=False)
    cmd = [sys.executable, "-m", "framing", "clean", str(src), "--learn", "-o", str(learned)]
    run = subprocess.run(cmd, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert pd.read_parquet(learned)["body_clean"].tolist() == [f"Story {c}." for c in "abcdef"]
    bad = subprocess.run(
        [sys.executable, "-m", "framing", "clean", str(tmp_path / "none.csv"), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_clean_html():
    pytest.importorskip("trafilatura")
    para = "Police detained protesters in Moscow on Sunday, rights groups said. " * 4
    page = (
        f"<html><body><article><h1>Protests</h1><p>{para}</p><p>Share this article</p>"
        f"<p>{para.replace('Moscow', 'Minsk')}</p></article></body></html>"
    )
    text = framing.clean_html(page)
    assert "Moscow" in text and "Minsk" in text and "Share this article" not in text
    assert framing.clean_html("") == ""


def test_clean_html_without_trafilatura(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(framing.InputError, match=r"pip install framing\[html\]"):
        framing.clean_html("<p>x</p>")


@pytest.mark.slow
def test_allsides_share_by_outlet():
    path = shared("allsides/articles.jsonl.gz")
    df = pd.read_json(path, lines=True, nrows=3000)
    spans = [find_clutter(b or "") for b in df.body]
    assert sum(bool(s) for s in spans) > 0.3 * len(df)


def test_line_shape_features():
    """The punctuation shapes the line model reads: a closing credit, an opening quote, a
    closing colon, a bar or bullet, a colon glued between a word and a capital (a link's
    label run into its headline); each line of a body is one row, in order."""
    from framing.measures.clutter.linemodel import NUMERIC, line_frame
    from framing.text import Docs

    lines = [
        PARA,
        "A protester holds a sign outside the courthouse. (AP Photo/Jane Doe)",
        "“We will not be silenced,” one marcher told reporters.",
        "Watch the full interview below:",
        "Home | World | Europe",
        "• Sign up for our morning briefing",
        "Police said the march (the third this month) was peaceful (mostly)",
        "The count rose to 1,474 (OVD-Info (a rights group))",
        "More:Trump accepts Putin's denials, prompting outrage from Congress",
        "‘Operation Gridlock’:Thousands converge on the capitol",
        "At 10:30 a.m. the vote began; see https://example.com/Live and note:",
        PARA_AFTER,
    ]
    found = line_frame(Docs(["\n\n".join(lines)]), [[]])
    shapes = found.numeric[["credit", "quote_start", "colon_end", "bar", "glued_colon"]]
    assert shapes.to_numpy().tolist() == [
        [0, 0, 0, 0, 0],
        [1, 0, 0, 0, 0],
        [0, 1, 0, 0, 0],
        [0, 0, 1, 0, 0],
        [0, 0, 0, 1, 0],
        [0, 0, 0, 1, 0],
        [1, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],  # a bracket inside the closing parenthesis: not a credit
        [0, 0, 0, 0, 1],
        [0, 1, 0, 0, 1],
        [0, 0, 1, 0, 0],  # a time, an address and a closing colon are not glued
        [0, 0, 0, 0, 0],
    ]
    assert list(found.numeric.columns) == list(NUMERIC)
    assert (found.matrix[:, : len(NUMERIC)].toarray() == found.numeric.to_numpy()).all()


def test_line_handle_is_a_name_after_the_at_sign():
    """``handle`` marks a line holding "@" before a name, not an "@" that stands for "at"
    (a tour's dates, a correction's time stamp, which the model took for social lines)."""
    from framing.measures.clutter.linemodel import line_frame
    from framing.text import Docs

    lines = [
        PARA,
        "Follow @newsdesk Follow @reporter",
        "June 10 – Tampa, FL @ MIDFLORIDA Credit Union Amphitheatre",
        "Corrected by: Trevor Eischen @ 06/11/2014 07:11 PM",
        "— Jane Doe (@jane_doe_99) March 3, 2019",
        "Tickets went on sale @",
        PARA_AFTER,
    ]
    found = line_frame(Docs(["\n\n".join(lines)]), [[]])
    assert found.numeric["handle"].tolist() == [0, 1, 0, 0, 1, 0, 0]


def test_line_model_by_parts(express_body, sample):
    """The line model scores lines by parts (numeric columns, words through their terms'
    weights, the start and end pairs) exactly as predict_proba over the full matrix does, on the example
    article and the sample corpus's bodies, and the matrix holds each line's words once
    each and its two marker pairs."""
    from framing.measures.clutter.detect import scan_docs
    from framing.measures.clutter.linemodel import NUMERIC, line_frame, line_model
    from framing.measures.clutter.rules import load_rules
    from framing.text import Docs

    docs = Docs([express_body, *sample.body.head(40)])
    lines = line_frame(docs, scan_docs(docs, load_rules()))
    model, _ = line_model()
    assert np.allclose(lines.proba(model), model.predict_proba(lines.matrix), atol=1e-12)
    words = np.diff(
        np.searchsorted(
            docs.token_starts, np.c_[lines.start, lines.end] + docs.offsets[lines.text, None]
        ),
        axis=1,
    ).ravel()
    grams = lines.matrix[:, len(NUMERIC) :].sum(axis=1).A1
    assert (grams == np.where(words > 0, words + 2, 1)).all()
    assert len(lines.text) > 200
    # the token shares, word by word: a capital first, two capitals first, a digit first
    a, b = docs.token_starts, docs.token_ends
    for i, (start, end) in enumerate(
        np.c_[lines.start, lines.end] + docs.offsets[lines.text, None]
    ):
        inside = (a >= start) & (a < end)
        tokens = [docs.joined[x:y] for x, y in zip(a[inside], b[inside], strict=True)]
        n = max(len(tokens), 1)
        row = lines.numeric.iloc[i]
        assert row.capitalised == sum(w[0].isupper() for w in tokens) / n, tokens
        assert (
            row.upper == sum(len(w) > 1 and w[0].isupper() and w[1].isupper() for w in tokens) / n
        ), tokens
        assert row.digits == sum(w[0].isdigit() for w in tokens) / n, tokens


def test_line_model_lines_without_words():
    """A batch whose lines hold no word (rules, bullets, punctuation) is scored too: one
    (start, end marker) pair a line, no vocabulary."""
    from framing.measures.clutter.linemodel import line_frame, line_model
    from framing.text import Docs

    lines = line_frame(Docs(["---\n\n***\n\n...\n\n* * *\n\n|", ""]), [[], []])
    model, _ = line_model()
    assert lines.words.shape == (5, 0) and lines.edges.sum() == 5
    assert np.allclose(lines.proba(model), model.predict_proba(lines.matrix))


def test_line_model_is_shipped_with_provenance():
    """The shipped line model is the file its provenance names, trained on the tuning
    outlets only, and reads the features line_frame makes."""
    import hashlib

    from framing.measures.clutter.linemodel import BITS, LINE_MODEL, NUMERIC, TEXT, line_model

    meta = json.loads(LINE_MODEL.with_suffix(".json").read_text(encoding="utf-8"))
    assert hashlib.sha256(LINE_MODEL.read_bytes()).hexdigest() == meta["model_sha256"]
    assert "held-out outlets" in meta["held_out"] and meta["training_outlets"] > 200
    assert meta["licence"].startswith("BSD-3-Clause") and "Baly" in meta["source"]
    assert LINE_MODEL.stat().st_size < 3_000_000
    # trained on the development sets as they are now: a change to them means retraining
    dev = Path(__file__).parent / "dev" / "clutter"
    assert {n: hashlib.sha256((dev / n).read_bytes()).hexdigest() for n in meta["data_sha256"]} == (
        meta["data_sha256"]
    )
    assert set(meta["data_sha256"]) == {p.name for p in dev.glob("lines*.tsv")}
    model, threshold = line_model()
    assert threshold == meta["threshold"] and 0 < threshold < 1
    assert TEXT in model.classes_ and model.coef_.shape[1] == len(NUMERIC) + 2**BITS
    assert line_model() is line_model()  # loaded once


def test_a_line_reads_the_same_alone_and_in_a_batch():
    """The capitals, digits and other token shares of a line count its own tokens, also
    the line before a last line without a word at the end of a batch (found by Hypothesis:
    "Putin Putin" read as half capitalised when its body was the batch's last)."""
    from framing.measures.clutter.linemodel import line_frame
    from framing.text import Docs

    body = "Putin Putin Putin\nPutin\nPutin\nPutin Putin\n\u201c "
    alone = line_frame(Docs([body]), [[]]).numeric
    batch = line_frame(Docs([body, "Putin "]), [[], []]).numeric.iloc[: len(alone)]
    assert alone["capitalised"].tolist() == [1.0, 1.0, 1.0, 1.0, 0.0]
    pd.testing.assert_frame_equal(alone, batch)


def test_batched_equals_whole(sample, monkeypatch):
    """A list of bodies is read in batches (memory); the spans are those of one batch."""
    import framing.measures.clutter.detect as detect
    from framing.text import Docs

    bodies = sample["body"].tolist()
    whole = find_clutter_all(Docs(bodies))
    monkeypatch.setattr(detect, "BATCH", 7)
    assert find_clutter_all(bodies) == whole
    assert sum(map(len, whole)) > 100
