"""Loaded language, voice and sourcing: spans on the Express article, quotes, bad input."""

import re

import numpy as np
import pandas as pd
import pytest

import framing
from framing.features import describe
from framing.measures.loaded import (
    INTENSIFIED,
    analyse,
    emphasis_spans,
    loaded_spans,
    quote_spans,
    segments,
)

FAMILIES = ["loaded", "voice", "sourcing"]


def test_express_spans(express):
    spans = loaded_spans(express)
    texts = {s.text for s in spans}
    for want in ["bloody monster", "brutality", "chaos", "chaotic", "crackdown"]:
        assert want in texts, want
    emphasis = [s.text for s in spans if s.kind == "emphasis"]
    assert "AND" in emphasis and "NATO" not in emphasis and "OVD" not in emphasis
    for s in spans:
        assert express[s.start : s.end] == s.text
    monster = next(s for s in spans if s.text == "bloody monster")
    assert monster.kind == "loaded_word" and monster.label.endswith("quoted")
    bloody = next(s for s in spans if s.text == "bloody" and s.kind == "pejorative")
    assert bloody.label.endswith("quoted")  # the hand-written list keeps its own evidence
    chaos = next(s for s in spans if s.text == "chaos")
    assert "quoted" not in chaos.label


def test_quotes_straight_curly_and_multi_paragraph():
    t = 'Olga said: “It is a crime.\n“I am outraged.”\nThen "calm" returned.'
    assert [t[s:e] for s, e in quote_spans(t)] == ["“It is a crime.", "“I am outraged.”", '"calm"']
    assert quote_spans("no quotes here") == []


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # the closing part of a quote opened in an earlier paragraph or sentence (sentences
        # of the loaded development set, cut out of their articles)
        ("Do it as it’s supposed to be done.”", ["Do it as it’s supposed to be done.”"]),
        (
            'I think we all deserve some answers," she says in the spot.',
            ['I think we all deserve some answers,"'],
        ),
        (
            "Not to exercise that power is inexplicable to me.” Then “Go home” was heard.",
            ["Not to exercise that power is inexplicable to me.”", "“Go home”"],
        ),
        # marks that open, or close nothing
        ('He called it "fake news" and left.', ['"fake news"']),
        (
            "“These droplets are too heavy to hang in the air.",
            ["“These droplets are too heavy to hang in the air."],
        ),
        ('A screen 12" wide', ['" wide']),  # inches: an odd mark still runs to the end
        ('"Stop," he said.', ['"Stop,"']),
    ],
)
def test_quote_closed_before_the_paragraph(text, quoted):
    assert [text[s:e] for s, e in quote_spans(text)] == quoted


def test_outlet_voice_after_a_quote_closed_before_it():
    text = "It is a disgrace and a catastrophe.” The mayor spoke calmly afterwards."
    a = analyse([text])
    own = framing.extract_features([text], FAMILIES)
    assert own.loaded_language_quoted[0] > 0
    assert own.loaded_language[0] == 0
    assert a.total("emotive", quoted=False)[0] == 0
    assert a.total("emotive", quoted=True)[0] == 2  # disgrace, catastrophe


def test_quoted_and_outlet_voice_are_separate():
    excerpt = (
        "Footage showed demonstrators chanting slogans.\n"
        "“I don't want to give them to that bloody monster,” said Dmitry Maltsev."
    )
    a = analyse([excerpt])
    assert a.total("pejorative", quoted=True)[0] == 1
    assert a.total("pejorative", quoted=False)[0] == 0
    feats = framing.extract_features([excerpt], FAMILIES)
    assert feats.loaded_language_quoted[0] > feats.loaded_language[0]
    assert 0.3 < feats.sourcing_quote_share[0] < 0.8
    assert feats.sourcing_named[0] > 0


def test_negation_flips_polarity():
    good, bad = analyse(["The plan is good.", "The plan is not good."]).measures["positive"][:2]
    a = analyse(["The plan is good.", "The plan is not good."])
    assert a.total("positive").tolist() == [1.0, 0.0]
    assert a.total("negative").tolist() == [0.0, 1.0]
    assert a.total("valence")[0] > 0 > a.total("valence")[1]
    assert good == 1 and bad == 0


def test_sentiment_agrees_with_vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sents = [
        "Police moved in and the protest descended into chaos.",
        "War is a tragedy for all of us.",
        "It requires an incredible amount of courage to protest.",
        "The weather was pleasant and the crowd was happy.",
        "He is a liar and a coward.",
        "The committee met on Tuesday.",
        "This is a wonderful, brilliant result!",
        "They are killing our children and destroying our homes.",
    ]
    ours = analyse(sents).mean("sentiment", quoted=None)
    vader = SentimentIntensityAnalyzer()
    theirs = np.array([vader.polarity_scores(s)["compound"] for s in sents])
    assert np.corrcoef(ours, theirs)[0, 1] > 0.9
    assert (np.sign(ours) == np.sign(theirs)).mean() >= 0.85
    assert np.abs(ours - theirs).max() < 0.35


def test_emphasis_rule():
    assert [m for m in emphasis_spans("EU cracks down on Russia AND Belarus")] == [(25, 28)]
    assert emphasis_spans("NATO and the OVD-Info group, FBI, UK") == []
    assert emphasis_spans("JUST IN: Putin blasts NATO [VIDEO]") == []
    shout = "THIS IS A DISGRACE AND THEY WILL NEVER GET AWAY WITH IT"
    assert emphasis_spans(shout) == []  # an all-caps text emphasises nothing in particular


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Путин проиграл войну. Это хаос и трагедия.",  # non-English
        "THIS IS A DISGRACE AND THEY WILL NEVER GET AWAY WITH IT!",
        '"It is a tragedy, a total disaster, and nobody cares," she said on and on',
        "Chaos 😡😡 in the streets 🔥 brutal crackdown",
        "chaoscrackdownbrutalitytragedy" * 50,
    ],
)
def test_bad_input_is_handled(text):
    feats = framing.extract_features(pd.DataFrame({"headline": [text], "body": [text]}), FAMILIES)
    assert np.isfinite(feats.to_numpy()).all()
    spans = loaded_spans(text)
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_bad_input_values():
    feats = framing.extract_features(
        pd.DataFrame(
            {
                "body": [
                    "",
                    "THIS IS A DISGRACE AND THEY WILL NEVER GET AWAY WITH IT",
                    '"It is a tragedy and a disaster, utter chaos."',
                    "chaoscrackdownbrutalitytragedy",
                    "Chaos 😡 brutal crackdown",
                ]
            }
        ),
        FAMILIES,
    )
    assert (feats.iloc[0] == 0).all()
    assert feats.loaded_emphasis_caps[1] == 0
    assert feats.loaded_language[1] > 0  # "disgrace" still counts
    assert feats.sourcing_quote_share[2] == 1.0 and feats.loaded_language[2] == 0
    assert feats.loaded_language_quoted[2] > 0
    assert feats.loaded_language[3] == 0  # no spaces: one unknown token
    assert feats.loaded_language[4] > 0


def test_segments_cover_sentences_and_quotes(express_body):
    segs = segments(express_body)
    assert sum(q for _, _, q in segs) > 5 and sum(not q for _, _, q in segs) > 20
    for s, e, _ in segs:
        assert express_body[s:e].strip() == express_body[s:e]


def test_features_vary_over_sample(sample):
    feats = framing.extract_features(sample.iloc[:200], FAMILIES)
    assert list(feats.columns) == list(describe(FAMILIES))
    constant = [c for c in feats.columns if feats[c].nunique() < 2]
    assert not constant
    assert feats.loaded_sentiment.between(-1, 1).all()
    assert feats.sourcing_quote_share.between(0, 1).all()


def test_batch_equals_one_by_one(sample):
    texts = sample.body.iloc[:12].tolist()
    whole = analyse(texts)
    for i, t in enumerate(texts[:4]):
        one = analyse([t])
        for name in ("unmarked", "negative", "tokens", "emphasis", "chars"):
            assert whole.total(name)[i] == pytest.approx(one.total(name)[0]), name


def test_loaded_language_ranks_gold_pairs():
    import json
    from pathlib import Path

    cases = json.loads((Path(__file__).parent / "cases/loaded_pairs.json").read_text())
    loaded, neutral = zip(*cases["pairs"], strict=True)
    a = analyse([*loaded, *neutral]).loaded()
    n = len(loaded)
    losers = [loaded[i] for i in range(n) if not a[i] > a[n + i]]
    assert not losers
    assert (a[n:] < 0.5).mean() >= 0.75  # neutral wording: a reader would likely not mark it


def test_caps_headings_and_labels_are_not_emphasis():
    t = "RISK FOR TURKEY\nMUST WATCH White House briefing. They want to take YOUR VOTE. We will NEVER stop."
    assert [t[s:e] for s, e in emphasis_spans(t)] == ["NEVER"]


def test_batch_analysis_equals_one_text_at_a_time(sample):
    texts = sample["body"].tolist()[:40] + ["", "NO! Never.", '"Quoted only, all of it."']
    batch = analyse(texts)
    for i in (0, 7, 39, 40, 41, 42):
        alone = analyse([texts[i]])
        for quoted in (False, True, None):
            for name in ("unmarked", "negative", "hedge", "named", "emphasis", "tokens"):
                assert batch.total(name, quoted)[i] == pytest.approx(alone.total(name, quoted)[0])
            assert batch.loaded(quoted)[i] == pytest.approx(alone.loaded(quoted)[0])
        assert batch.mean("sentiment")[i] == pytest.approx(alone.mean("sentiment")[0])


def test_loaded_families_leave_the_clutter_out():
    from framing.features import Context, family

    body = "Police moved in. It was utter chaos!"
    cluttered = body + "\n\nREAD MORE: Brutal crackdown as Putin slams NATO\n\nShare this article"
    rows = []
    for text in (body, cluttered):
        ctx = Context([""], [text])
        rows.append(
            pd.concat([family(f).compute(ctx) for f in ("loaded", "voice", "sourcing")], axis=1)
        )
    pd.testing.assert_frame_equal(rows[0], rows[1])
    assert rows[0]["loaded_language"].iloc[0] > 0


# Issue 20: most marked words on held-out outlets were ordinary sentiment words in neutral
# use. These sentences are made up, of the kinds named there.
NEUTRAL_NEWS = [
    ("Government forces retook the town after a three-day attack, officials said.", "forces"),
    ("The attack killed 12 people, police said.", "attack"),
    ("About 300 people joined the protest outside city hall.", "protest"),
    ("The total cost of the project is $4 billion.", "total"),
    ("The figure was lower than analysts had expected.", "figure"),
]
LOADED_NEWS = [
    ("The so-called reforms are a disastrous failure.", "disastrous"),
    ("Protesters called the police thugs.", "thugs"),
    ("Critics say the far-left agenda would bankrupt the state.", "far-left"),
]


@pytest.mark.parametrize(("sentence", "word"), NEUTRAL_NEWS)
def test_sentiment_words_in_neutral_use_are_not_loaded(sentence, word):
    from framing.measures.loaded import LOADED_KINDS

    loaded = [s.text for s in loaded_spans(sentence) if s.kind in LOADED_KINDS]
    assert not any(word in t.lower() for t in loaded), loaded


@pytest.mark.parametrize(("sentence", "word"), LOADED_NEWS)
def test_loaded_words_are_found(sentence, word):
    from framing.measures.loaded import LOADED_KINDS

    loaded = [s.text for s in loaded_spans(sentence) if s.kind in LOADED_KINDS]
    assert any(word in t for t in loaded), loaded


def test_loaded_is_the_mean_chance_that_a_reader_marks_each_sentence():
    # the chance of each sentence, by hand from the weights its evidence shows
    t = (
        "The regime is brutal and corrupt. Police came. "
        '"A shameful disgrace," she said. It was an extremely brutal attack.'
    )
    weights: dict[tuple[int, bool], list[float]] = {}
    ends = [t.index(s) + len(s) for s in ("corrupt.", "came.", "said.", "attack.")]
    for s in loaded_spans(t):
        if s.kind == "loaded_word":
            sentence = next(i for i, e in enumerate(ends) if s.start < e)
            found = re.findall(r"weight ([\d.]+)", s.label)
            weights.setdefault((sentence, "quoted" in s.label), []).extend(map(float, found))

    def chance(sentence: int, quoted: bool, power: float = 1.0) -> float:
        return 1 - np.prod([1 - w for w in weights[sentence, quoted]]) ** power

    intensified = 1 + INTENSIFIED / 2  # one intensifier ("extremely") in the fourth
    own = [chance(0, False), 0.0, 0.0, chance(3, False, intensified)]  # "she said." is own
    a = analyse([t])
    assert a.loaded()[0] == pytest.approx(np.mean(own))
    assert a.loaded(quoted=True)[0] == pytest.approx(chance(2, True))
    # both voices: the third sentence is one sentence, read whole
    assert a.loaded(quoted=None)[0] == pytest.approx(
        np.mean([own[0], 0.0, chance(2, True), own[3]])
    )
    assert 0.4 < a.loaded()[0] < 0.5 and a.loaded(quoted=True)[0] > 0.95


def test_loaded_words_sums_the_weights_its_evidence_shows_per_100_own_words():
    t = 'The regime is brutal and corrupt. "A shameful disgrace," she said. Police came.'
    own = [
        float(w)
        for s in loaded_spans(t)
        if s.kind == "loaded_word" and "quoted" not in s.label
        for w in re.findall(r"weight ([\d.]+)", s.label)
    ]
    words = len("The regime is brutal and corrupt she said Police came".split())
    feats = framing.extract_features(pd.DataFrame({"body": [t]}), "loaded")
    assert feats.loaded_words[0] == pytest.approx(100 * sum(own) / words)
    assert len(own) == 2 and feats.loaded_words[0] > 10
