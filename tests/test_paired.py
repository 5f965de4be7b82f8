"""Outlets compared within stories, paired: against hand computations and scipy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import framing
from framing.stats.paired import compare_paired
from framing.stats.schema import COLUMNS

# three outlets, five stories; x has two articles of outlet a in story 1, story 5 has
# outlet c alone, one row has no story
TABLE = pd.DataFrame(
    {
        "outlet": ["a", "a", "b", "c", "a", "b", "a", "c", "b", "c", "a", "b", "c"],
        "story": [1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 4, 5, None],
        "x": [1.0, 3.0, 5.0, 0.0, 4.0, 2.0, 6.0, 1.0, 2.5, 3.5, 7.0, 9.0, 100.0],
    }
)
TABLE.loc[11, "outlet"] = "c"  # story 5: outlet c alone


def by_hand() -> dict[str, list[float]]:
    """Each outlet's differences from the story means, story by story."""
    d = TABLE.dropna(subset=["story"])
    cell = d.groupby(["story", "outlet"])["x"].mean().unstack()
    cell = cell[cell.notna().sum(axis=1) >= 2]
    diff = cell.sub(cell.mean(axis=1), axis=0)
    return {o: diff[o].dropna().tolist() for o in diff.columns}


def test_differences_means_and_tests_match_hand_and_scipy():
    table = compare_paired(TABLE, n_boot=500, seed=1)
    assert list(table.columns) == COLUMNS
    hand = by_hand()
    # story 1: a = 2 (mean of 1 and 3), b = 5, c = 0 -> story mean 7/3
    assert hand["a"][0] == pytest.approx(2 - 7 / 3)
    ps = []
    for _, row in table.iterrows():
        d = np.array(hand[row.group])
        assert row.n == len(d)
        assert row["mean"] == pytest.approx(d.mean())
        assert row["median"] == pytest.approx(np.median(d))
        assert row["sd"] == pytest.approx(d.std(ddof=1))
        assert row["cliffs_delta"] == pytest.approx((np.sum(d > 0) - np.sum(d < 0)) / len(d))
        test = stats.wilcoxon(d)
        assert row["wilcoxon_w"] == pytest.approx(test.statistic)
        assert row["wilcoxon_p"] == pytest.approx(test.pvalue)
        assert row["ci_low"] <= row["mean"] <= row["ci_high"]
        ps.append(test.pvalue)
    assert table["q"].to_numpy() == pytest.approx(stats.false_discovery_control(ps))
    assert table[["kruskal_h", "mwu_p", "welch_t", "cohens_d"]].isna().all().all()


def test_the_bootstrap_interval_is_that_of_resampled_stories():
    table = compare_paired(TABLE, n_boot=4000, seed=3).set_index("group")
    d = np.array(by_hand()["a"])
    rng = np.random.default_rng(7)
    boot = d[rng.integers(0, len(d), (20000, len(d)))].mean(axis=1)
    low, high = np.quantile(boot, [0.025, 0.975])
    assert table.at["a", "ci_low"] == pytest.approx(low, abs=0.15)
    assert table.at["a", "ci_high"] == pytest.approx(high, abs=0.15)
    assert compare_paired(TABLE, n_boot=300, seed=3).equals(
        compare_paired(TABLE, n_boot=300, seed=3)
    )


def test_compare_outlets_pairs_within_story_and_only_then():
    paired = framing.compare_outlets(TABLE, within="story", n_boot=200)
    assert paired.equals(compare_paired(TABLE, n_boot=200))
    assert "paired within 'story'" in paired.attrs["method"]
    stratified = framing.compare_outlets(TABLE, within="story", paired=False, n_boot=200)
    assert stratified["wilcoxon_p"].isna().all() and stratified["mwu_p"].notna().any()
    renamed = TABLE.rename(columns={"story": "event"})
    assert (
        framing.compare_outlets(renamed, within="event", paired=True, n_boot=200)["n"].tolist()
        == paired["n"].tolist()
    )


def test_on_matched_stories_of_the_sample(sample):
    part = sample.assign(story=framing.stories(sample))
    feats = framing.extract_features(part, "loaded").join(part[["outlet", "story"]])
    table = framing.compare_outlets(feats, within="story", measures=["loaded_language"], n_boot=200)
    shared = part.groupby("story")["outlet"].nunique()
    shared = part[part["story"].map(shared) >= 2].groupby("outlet")["story"].nunique()
    got = table.set_index("group")["n"]
    assert got[got > 0].to_dict() == shared.to_dict()
    assert got.sum() > 0
