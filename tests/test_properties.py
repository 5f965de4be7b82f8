"""Span invariants on generated text (issue 18): for every function that returns spans, each
span lies inside its text, its ``text`` is the text at its offsets, and reading a batch at once
gives what reading its texts one by one gives."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.measures.clutter import find_clutter, find_clutter_all
from framing.measures.headline import headline_spans
from framing.measures.headline.reader import batch_spans
from framing.measures.loaded import loaded_spans
from framing.measures.loaded.evidence import spans_of
from framing.measures.loaded.record import analyse

# pieces of news text the measures react to, and pieces that stress offsets: quotes of every
# kind, astral characters, combining marks, odd spaces and line breaks, capitals, numbers
WORDS = [
    "Putin",
    "brutal",
    "regime",
    "bloody",
    "monster",
    "said",
    "claimed",
    "allegedly",
    "clearly",
    "very",
    "never",
    "always",
    "protest",
    "attack",
    "Is",
    "Why",
    "?",
    "!",
    "...",
    "READ MORE:",
    "[VIDEO]",
    "Advertisement",
    "Sign up for our newsletter",
    "©",
    "2019",
    "https://example.com/x",
    "@newsdesk",
    "(AP Photo/Jane Doe)",
    "PICTURED:",
    "\u201c",
    "\u201d",
    '"',
    "'",
    "’s",
    "10 things",
    "You won't believe",
    "– VIDEO",
    "\U0001f600",
    "e\u0301",
    "\u00a0",
    "\u2028",
    "\t",
    "ÉTÉ",
    "naïve",
    "中国",
    "",
]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", ", ", ". ", "  ", "\r\n"]

piece = st.one_of(st.sampled_from(WORDS), st.text(max_size=6))
texts = st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(w + s for w, s in parts)
)
batches = st.lists(texts, min_size=1, max_size=6)

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str, spans: list) -> None:
    for s in spans:
        assert 0 <= s.start < s.end <= len(text), (s, len(text))
        assert text[s.start : s.end] == s.text, s


@SETTINGS
@given(batches)
def test_clutter_spans(batch):
    found = find_clutter_all(batch)
    assert found == [find_clutter(t) for t in batch]
    for text, spans in zip(batch, found, strict=True):
        _check(text, spans)


@SETTINGS
@given(batches)
def test_loaded_spans(batch):
    analysis = analyse(batch)
    for i, text in enumerate(batch):
        spans = loaded_spans(text)
        _check(text, spans)
        assert spans_of(analysis, i) == spans


@SETTINGS
@given(st.lists(st.text(max_size=80) | texts.map(lambda t: t[:120]), min_size=1, max_size=8))
def test_headline_spans(batch):
    found = batch_spans(batch)
    assert found == [headline_spans(t) for t in batch]
    for text, spans in zip(batch, found, strict=True):
        _check(text, spans)
