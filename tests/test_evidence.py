"""The evidence a reader checks counts what the measures count, for every family with evidence.

A span counts toward a measure of its kind (its ``kind`` or another loaded list in its
``label``) unless it is labelled ``clutter`` (left out of every measure) or, for an
outlet-voice measure, ``quoted`` (counted in the quoted voice instead). Negated polarity
words carry the polarity they were counted with.
"""

from __future__ import annotations

import numpy as np
import pytest

import framing
from framing.features.context import Context
from framing.measures.clutter import KINDS, PROMO_KINDS, find_clutter, share
from framing.measures.headline import DEVICES, headline_spans
from framing.measures.loaded import LOADED_KINDS, analyse, loaded_spans
from framing.report.evidence import explain

# kinds whose spans are never merged, so counting the public spans gives the counts
SINGLE = ("emphasis", "exclamation", "hedge", "factive", "assertive", "implicative", "report",
          "anonymous")  # fmt: skip
ALL_KINDS = (*LOADED_KINDS, *SINGLE)


def _flags(span) -> set[str]:
    return {x for x in span.label.replace(";", ",").split(",") if x in ("quoted", "clutter")}


def _count(spans, kind: str, quoted: bool | None) -> float:
    """Spans of ``kind`` counted toward the measure of one voice (False: the outlet's own,
    True: quoted, None: both), as :meth:`Analysis.total` sums them."""
    n = 0.0
    for s in spans:
        parts = s.label.split(",")
        if s.kind != kind and kind not in parts:
            continue
        f = _flags(s)
        if "clutter" in f or (quoted is not None and ("quoted" in f) != quoted):
            continue
        # a loaded_word counts its weight (the induced lexicon's), given in its label
        weights = [float(p.split()[1]) for p in parts if p.startswith("weight ")]
        n += weights[0] if kind == "loaded_word" else 1
    return n


def _agree(a, n: int, kinds=ALL_KINDS) -> None:
    from framing.measures.loaded import spans_of

    per_text = [spans_of(a, i, merge=False) for i in range(n)]
    for kind in kinds:
        for quoted in (False, True, None):
            got = [_count(spans, kind, quoted) for spans in per_text]
            # weights are given to three decimals
            np.testing.assert_allclose(
                got,
                a.total(kind, quoted),
                atol=0.002 * max(map(len, per_text)),
                err_msg=str((kind, quoted)),
            )


@pytest.fixture(scope="module")
def sample_ctx():
    df = framing.load_sample()
    return df, Context(df.headline.tolist(), df.body.tolist())


def test_sample_body_evidence_counts_what_the_features_count(sample_ctx):
    from framing.features.loaded import analysis

    df, ctx = sample_ctx
    a = analysis(ctx)  # the analysis the loaded, voice and sourcing features read
    _agree(a, len(df))
    feats = framing.extract_features(df, features=["loaded", "voice", "sourcing"])
    tokens = a.total("tokens")
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = lambda n: np.where(tokens > 0, 100 * n / tokens, 0.0)  # noqa: E731
    for column, kind in (("loaded_negative", "negative"), ("loaded_emotive", "emotive"),
                         ("voice_hedges", "hedge"), ("sourcing_report_verbs", "report")):  # fmt: skip
        np.testing.assert_allclose(feats[column], rate(a.total(kind)))


def test_sample_headline_evidence_counts_what_the_features_count(sample_ctx):
    from framing.features.loaded import headline_analysis

    df, ctx = sample_ctx
    _agree(headline_analysis(ctx), len(df))


def test_example_article_evidence_counts_what_the_features_count():
    from framing.features.loaded import analysis, headline_analysis

    e = explain(framing.load_example())
    ctx = Context([e.headline], [e.body])
    _agree(analysis(ctx), 1)
    _agree(headline_analysis(ctx), 1)
    # what explain shows (merged spans) agrees too for the kinds never merged
    body = [s for w, src, s in e.found if w == "body" and src == "loaded"]
    for kind in SINGLE:
        assert _count(body, kind, False) == analysis(ctx).total(kind)[0], kind
    assert _count(body, "anonymous", None) == analysis(ctx).total("anonymous", None)[0]


def test_explained_evidence_of_the_example_leaves_the_clutter_out():
    e = explain(framing.load_example())
    a = framing.extract_features([e.body]).iloc[0]
    body = [s for w, src, s in e.found if w == "body" and src == "loaded"]
    words = framing.extract_features([e.body], features="style").iloc[0]["style_words"]
    assert words > 0
    # report verbs counted in the features = report spans neither quoted nor in clutter
    from framing.features.loaded import analysis

    ctx = Context([e.headline], [e.body])
    n = analysis(ctx).total("report")[0]
    assert a.sourcing_report_verbs == pytest.approx(100 * n / analysis(ctx).total("tokens")[0])
    assert _count(body, "report", False) == n
    for marker in ("JUST IN", "Read Full Article"):
        at = e.body.index(marker)
        line_end = (e.body + "\n").index("\n", at)
        inside = [s for s in body if at <= s.start < line_end]
        assert inside, marker
        assert all("clutter" in _flags(s) for s in inside), inside
    out = e.to_text()
    assert "[[Read]]{report,clutter}" in out and "not counted: in clutter" in out
    html = e.to_html()
    assert 'data-why="clutter"' in html and "not counted: in clutter" in html


def test_not_good_is_a_negated_negative():
    (good,) = loaded_spans("The plan is not good.")
    assert (good.text, good.kind) == ("good", "negative")
    assert "negated" in good.label.split(",")
    a = analyse(["The plan is not good."])
    assert a.total("negative")[0] == 1 and a.total("positive")[0] == 0
    out = explain("The plan is not good.", headline="").to_text()
    assert "[[good]]{negative,negated}" in out


def test_quoted_evidence_counts_in_the_quoted_voice():
    text = 'Calm here. "What a brutal monster," she said.'
    spans = loaded_spans(text)
    monster = next(s for s in spans if "monster" in s.text)
    assert monster.kind == "loaded_word" and "quoted" in _flags(monster)
    a = analyse([text])
    assert a.total("emotive", quoted=False)[0] == 0
    assert a.total("emotive", quoted=True)[0] == 2  # brutal, monster
    html = explain(text, headline="").to_html()
    assert 'data-why="quoted"' in html and "counted in *_quoted" in html


def test_public_spans_are_the_merged_record(sample_ctx):
    from framing.measures.loaded import spans_of

    df, _ = sample_ctx
    for body in df.body.head(40):
        a = analyse([body])
        assert loaded_spans(body) == spans_of(a, 0)
        merged = spans_of(a, 0)
        for s in spans_of(a, 0, merge=False):  # every hit lies in a span that counts alike
            assert any(
                m.start <= s.start and s.end <= m.end and _flags(m) == _flags(s) for m in merged
            )


def test_headline_spans_agree_with_the_headline_measures(sample_ctx):
    df, _ = sample_ctx
    feats = framing.extract_features(df, features="headline")
    for i, head in enumerate(df.headline):
        found = [s.kind for s in headline_spans(head)]
        row = feats.iloc[i]
        for kind in DEVICES:
            want = found.count(kind) if kind == "caps_words" else float(kind in found)
            assert row[f"headline_{kind}"] == want, (i, kind)
        question = bool({"yesno_question", "wh_question", "alternative_question"} & set(found))
        assert row.headline_question == float(question)


def test_clutter_spans_agree_with_the_clutter_measures(sample_ctx):
    df, _ = sample_ctx
    feats = framing.extract_features(df, features="clutter")
    for i, body in enumerate(df.body):
        spans = find_clutter(body)
        row = feats.iloc[i]
        text = body if isinstance(body, str) else ""
        assert row.clutter_share == pytest.approx(share(text, spans))
        assert row.clutter_promo_share == pytest.approx(share(text, spans, PROMO_KINDS))
        assert row.clutter_lines == len(spans)
        for kind in KINDS:
            assert row[f"clutter_{kind}_lines"] == sum(s.kind == kind for s in spans)
