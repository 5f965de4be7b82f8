"""Story matching: articles of one event share a story, others stay apart."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import framing
from framing.cli import main
from framing.stats.stories import stories

VOTE = [
    (
        "Senate passes $1.2 trillion infrastructure bill",
        "The Senate voted 69-30 on Tuesday to pass the $1.2 trillion infrastructure bill.",
    ),
    (
        "Infrastructure bill clears Senate in 69-30 vote",
        "Senators approved the $1.2 trillion infrastructure bill 69-30 on Tuesday.",
    ),
    (
        "Bipartisan infrastructure bill passes Senate, heads to House",
        "The $1.2 trillion infrastructure bill passed the Senate 69-30.",
    ),
]
FIRE = [
    (
        "Wildfire forces thousands to flee in Oregon",
        "Thousands fled as the Bootleg wildfire spread across southern Oregon.",
    ),
    (
        "Oregon's Bootleg fire: thousands flee as flames spread",
        "The Bootleg wildfire spread in Oregon; thousands fled their homes.",
    ),
]
OTHER = [
    ("Apple unveils new iPhone at September event", "Apple showed its new iPhone in Cupertino.")
]


def corpus(items, dates, outlets=None) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": outlets or [f"outlet {k}" for k in range(len(items))],
            "headline": [h for h, _ in items],
            "body": [b for _, b in items],
            "date": dates,
        },
        index=[f"a{k}" for k in range(len(items))],
    )


def test_one_event_one_story_others_apart():
    df = corpus(
        VOTE + FIRE + OTHER, ["2021-08-10"] * 3 + ["2021-07-14", "2021-07-15", "2021-08-10"]
    )
    got = stories(df)
    assert got.index.equals(df.index) and got.name == "story"
    assert got.tolist() == [0, 0, 0, 1, 1, 2]  # numbered by first article; a singleton stays one


def test_the_date_window_keeps_far_apart_articles_apart():
    df = corpus(VOTE[:2], ["2021-08-10", "2021-08-20"])
    assert stories(df).nunique() == 2
    assert stories(df, window_days=10).nunique() == 2  # ten days cost 0.9 of similarity
    two_days = corpus(VOTE[:2], ["2021-08-10", "2021-08-12"])
    assert stories(two_days).nunique() == 1
    assert stories(two_days, window_days=1).nunique() == 2
    same_day_only = corpus(VOTE[:2], ["2021-08-10", "2021-08-11"])
    assert stories(same_day_only, window_days=0).nunique() == 2


def test_undated_articles_join_their_closest_dated_story_or_stay_alone():
    df = corpus(VOTE + OTHER, ["2021-08-10", "2021-08-10", None, None])
    got = stories(df)
    assert got["a2"] == got["a0"] == got["a1"] and got["a3"] != got["a0"]


def test_an_undated_article_needs_a_closer_match_than_a_dated_one():
    house = (
        "House debates infrastructure bill",
        "The House began its debate of the infrastructure package.",
    )
    undated = stories(corpus([*VOTE, house], ["2021-08-10"] * 3 + [None]))
    assert undated.nunique() == 2  # similarity 0.27 to its closest: below the bar of 4 x 0.10
    assert stories(corpus([*VOTE, house], ["2021-08-10"] * 4)).nunique() == 1


def test_one_outlet_twice_needs_a_closer_match_than_two_outlets():
    house = (
        "House debates infrastructure bill",
        "The House began its debate of the infrastructure package.",
    )
    day = ["2021-08-10"] * 2
    assert stories(corpus([VOTE[0], house], day, outlets=["A", "B"])).nunique() == 1
    assert stories(corpus([VOTE[0], house], day, outlets=["A", "A"])).nunique() == 2
    # a close enough pair of one outlet is still one story (a cost, not a rule)
    assert stories(corpus([VOTE[2], house], day, outlets=["A", "A"])).nunique() == 1


def test_a_lead_repeated_across_articles_is_boilerplate_not_one_event():
    lead = " ".join(["The Flip Side gives you both sides of the story every weekday."] * 3)
    heads = ["Iran tensions", "G7 moved from Doral", "Battle over Trump finances"]
    df = corpus([(h, lead) for h in heads], [None] * 3, outlets=["The Flip Side"] * 3)
    assert stories(df).nunique() == 3


def test_text_alone_without_a_date_column():
    df = corpus(VOTE + FIRE, [None] * 5).drop(columns="date")
    with pytest.warns(UserWarning, match="no 'date' column: stories are matched by text alone"):
        assert stories(df).tolist() == [0, 0, 0, 1, 1]


def test_dates_in_any_common_format_and_a_clear_error_for_others(tmp_path, capsys):
    mixed = corpus(VOTE + FIRE, ["2021-08-10", "8/10/21", "10 August 2021", "2021-07-14", ""])
    assert stories(mixed).tolist() == [0, 0, 0, 1, 1]
    bad = corpus(VOTE, ["2021-08-10", "yesterday", None])
    with pytest.raises(framing.InputError, match="column 'date': 1 value.*'yesterday'"):
        stories(bad)
    path = tmp_path / "c.csv"
    bad.rename_axis("id").to_csv(path)
    assert main(["stories", str(path), "-o", str(tmp_path / "s.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'yesterday'" in err
    assert not (tmp_path / "s.csv").exists()


def test_empty_and_blank_input():
    assert stories(pd.DataFrame({"headline": [], "date": []})).empty
    blank = pd.DataFrame({"headline": ["", None, "  "], "body": [None, "", ""], "date": None})
    assert stories(blank).tolist() == [0, 1, 2]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"threshold": 0}, "threshold must be a number above 0 and at most 1"),
        ({"threshold": 1.2}, "threshold must be a number above 0 and at most 1"),
        ({"window_days": -1}, "window_days must be a whole number of days"),
        ({"window_days": 1.5}, "window_days must be a whole number of days"),
    ],
)
def test_bad_parameters(kwargs, message):
    with pytest.raises(framing.InputError, match=message):
        stories(corpus(VOTE, ["2021-08-10"] * 3), **kwargs)


def test_cli_writes_id_and_story(tmp_path, capsys):
    path = tmp_path / "c.csv"
    corpus(VOTE + OTHER, ["2021-08-10"] * 4).rename_axis("id").to_csv(path)
    out = tmp_path / "stories.csv"
    assert main(["stories", str(path), "-o", str(out)]) == 0
    table = pd.read_csv(out)
    assert list(table.columns[:2]) == ["id", "story"]
    assert table["story"].tolist() == [0, 0, 0, 1]
    assert "2 stories, 1 told by more than one article (3 articles)" in capsys.readouterr().err
    assert main(["stories", str(path), "-o", str(out), "--threshold", "0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "threshold must be a number above 0" in err


EVENTS = [
    (
        "Senate passes infrastructure bill in 69-30 vote",
        "The Senate voted 69-30 to pass the $1.2 trillion infrastructure bill on Tuesday.",
    ),
    (
        "Bootleg wildfire forces thousands to flee in Oregon",
        "Thousands fled as the Bootleg wildfire spread across southern Oregon.",
    ),
    (
        "Apple unveils iPhone 13 at September event in Cupertino",
        "Apple showed the iPhone 13 in Cupertino on Tuesday.",
    ),
    (
        "Fed holds interest rates near zero, signals taper",
        "The Federal Reserve held interest rates near zero and signalled a taper.",
    ),
]


def test_report_within_story_shows_the_same_story_side_by_side(tmp_path):
    rows = []
    for k, (headline, body) in enumerate(EVENTS):
        for o, outlet in enumerate(["Left Daily", "Centre Wire", "Right Times"]):
            head = (
                headline
                if o == 0
                else f"{headline}: <script>alert({k})</script> shock"
                if o == 2
                else f"Why {headline.lower()}?"
            )
            rows.append(
                {
                    "outlet": outlet,
                    "headline": head,
                    "body": f"{body} {outlet} reports.",
                    "date": f"2021-08-{10 + 5 * k}",
                }
            )
    from framing.report.analysis import analyse
    from framing.report.render import write_report

    with pytest.warns(UserWarning, match="headline texts hold HTML markup"):  # the <script>
        data = analyse(pd.DataFrame(rows), within="story")  # once, written as HTML and Markdown
    text = write_report(data, tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<section id="stories">' in text and "Same story, different framing" in text
    assert "4 stories were told by two or more groups (4 by three or more" in text
    shown = re.sub(r"<[^>]+>", "", text)  # highlights may split the headline into pieces
    assert "<script>alert" not in text and "&lt;script&gt;alert(0)&lt;/script&gt;" in shown
    assert "compared within stories (the same event), paired" in text
    md = write_report(data, tmp_path / "r.md", format="md").read_text(encoding="utf-8")
    assert "## Same story, different framing" in md
    assert "On the same story" in text or "No group differs" in text  # the first screen


# --- the Dask path ---------------------------------------------------------------------


def test_a_part_weighted_by_its_corpus_has_the_corpus_vectors():
    """What each Dask block computes: a part's vectors with the whole corpus's term weights
    are the rows of the corpus's own vectors (words, names, and the body's start)."""
    from framing.stats.stories import frequencies, vectors

    df = corpus(VOTE + FIRE + OTHER, ["2021-08-10"] * 6)
    whole = vectors(df).toarray()
    part = vectors(df.iloc[:4], (frequencies(df), len(df))).toarray()
    assert part.shape == (4, whole.shape[1])
    np.testing.assert_allclose(part, whole[:4], atol=1e-6)


def test_dask_blocks_give_the_stories_of_the_whole_corpus():
    dd = pytest.importorskip("dask.dataframe", reason="the scale extra (dask) is not installed")
    dates = ["2021-08-10", "2021-08-11", "2021-08-12", "2021-07-14", "2021-07-15", "2021-08-10"]
    df = corpus(VOTE + FIRE + OTHER, dates)
    whole = stories(df)
    for block_days in (4, 28):  # 4: the vote spans two blocks, joined through the overlap
        got = stories(dd.from_pandas(df, npartitions=3), block_days=block_days)
        assert got.index.equals(df.index) and got.tolist() == whole.tolist()
    with pytest.raises(framing.errors.InputError, match="unique index"):
        stories(dd.from_pandas(df.set_axis(["a"] * 6), npartitions=2))
    with pytest.raises(framing.errors.InputError, match="block_days must exceed"):
        stories(dd.from_pandas(df, npartitions=2), block_days=3)
    with pytest.warns(UserWarning, match="matched by text alone"):
        undated = stories(dd.from_pandas(df.drop(columns="date"), npartitions=1))
        assert undated.tolist() == stories(df.drop(columns="date")).tolist()


def test_cli_on_a_local_dask_cluster_writes_the_stories_of_the_pandas_path(tmp_path, capsys):
    pytest.importorskip("distributed", reason="the scale extra (dask) is not installed")
    dates = ["2021-08-10", "2021-08-11", "2021-08-12", "2021-07-14", "2021-07-15", "2021-08-10"]
    path = tmp_path / "c.jsonl"
    # the same id twice: ids only name rows in the output, matching must not need them unique
    corpus(VOTE + FIRE + OTHER, dates).set_axis(list("abcdea"), axis=0).rename_axis(
        "id"
    ).reset_index().to_json(path, orient="records", lines=True)
    whole, dask = tmp_path / "whole.csv", tmp_path / "dask.csv"
    assert main(["stories", str(path), "-o", str(whole)]) == 0
    assert main(["stories", str(path), "-o", str(dask), "--dask", "local:1"]) == 0
    expected = pd.read_csv(whole)
    assert expected["story"].tolist() == [0, 0, 0, 1, 1, 2]
    assert pd.read_csv(dask).equals(expected)
    assert main(["stories", str(path), "-o", str(dask), "--dask", "remote"]) == 2
    assert "expects local:N" in capsys.readouterr().err


def test_a_report_says_why_it_has_no_stories():
    from framing.report.analysis import analyse

    rng = np.random.default_rng(0)
    for dates, note in [
        (["2021-08-10", "yesterday", None] * 2, "Stories not matched: column 'date'"),
        (None, "Stories: no 'date' column: stories are matched by text alone"),
    ]:
        df = corpus(VOTE * 2, dates or [None] * 6, outlets=["A", "B", "C"] * 2)
        if dates is None:
            df = df.drop(columns="date")
        features = pd.DataFrame({"m": rng.normal(size=6)}, index=df.index)
        data = analyse(df, features=features)
        assert any(n.startswith(note) for n in data.notes), data.notes


# --- validity on the judged development sets (tests/dev/stories) ---------------------------


@pytest.mark.slow
def test_held_out_grouped_samples_are_matched_better_than_the_anchor():
    """On the held-out grouped samples, every view, the matcher's pairwise F1 beats plain
    TF-IDF + window + average linkage with its cut tuned on the tuning samples (measured:
    roundup-like samples 0.644 vs 0.521, one per outlet and event 0.658 vs 0.464; dense
    samples 0.598 vs 0.459, as roundups 0.890 vs 0.804)."""
    import sys

    from conftest import REPO, shared

    shared("allsides/articles.jsonl.gz")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from validity import STORY_VIEWS, story_samples

    table = story_samples().set_index(["view", "split", "matcher"])["f1"].sort_index()
    for view in STORY_VIEWS:
        held = table.loc[(view, "heldout")]
        ours = held["framing.stories"]
        anchor = held.drop("framing.stories").iloc[0]
        assert ours >= anchor + 0.03 and ours >= 0.55, (view, ours, anchor)
    assert table.loc[("dense samples, roundups overlaid", "heldout", "framing.stories")] >= 0.85
