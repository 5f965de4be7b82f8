"""compare_outlets, compare_trends and outlet_classifier against scipy, hand computations
and the sample."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import framing
from framing.cli import main
from framing.errors import ParameterError
from framing.stats.compare import compare_outlets
from framing.stats.moments import compare_moments, merge_stats, moment_stats
from framing.stats.schema import COLUMNS, MOMENT_TEST_COLUMNS, RANK_COLUMNS, TREND_COLUMNS
from framing.stats.significance import benjamini_hochberg
from framing.stats.trends import compare_trends, trend_moments


@pytest.fixture(scope="module")
def random_features() -> pd.DataFrame:
    """Three uneven groups; integer scores (many ties) and a continuous score."""
    rng = np.random.default_rng(42)
    outlet = np.repeat(["c", "a", "b"], [40, 25, 60])
    shift = pd.Series(outlet).map({"a": 0.0, "b": 0.6, "c": -0.3}).to_numpy()
    return pd.DataFrame(
        {
            "outlet": outlet,
            "ties": rng.integers(0, 4, len(outlet)) + (shift > 0),
            "score": rng.normal(shift, 1.0),
        }
    )


@pytest.fixture(scope="module")
def style(sample) -> pd.DataFrame:
    return framing.extract_features(sample, "style")


def test_columns_and_deterministic_order(random_features):
    table = compare_outlets(random_features, n_boot=200)
    assert list(table.columns) == COLUMNS
    assert table["measure"].tolist() == ["ties"] * 3 + ["score"] * 3
    assert table["group"].tolist() == ["a", "b", "c"] * 2
    assert table["n"].tolist() == [25, 60, 40] * 2


def test_tests_match_scipy(random_features):
    table = compare_outlets(random_features, n_boot=50)
    for measure in ("ties", "score"):
        groups = {g: d[measure].to_numpy() for g, d in random_features.groupby("outlet")}
        h, p = stats.kruskal(*groups.values())
        rows = table[table["measure"] == measure].set_index("group")
        assert np.allclose(rows["kruskal_h"], h) and np.allclose(rows["kruskal_p"], p)
        for g, x in groups.items():
            rest = np.concatenate([v for k, v in groups.items() if k != g])
            res = stats.mannwhitneyu(x, rest, alternative="two-sided", method="asymptotic")
            assert rows.loc[g, "mwu_u"] == pytest.approx(res.statistic)
            assert rows.loc[g, "mwu_p"] == pytest.approx(res.pvalue)
            assert rows.loc[g, "mean"] == pytest.approx(x.mean())
            assert rows.loc[g, "median"] == pytest.approx(np.median(x))


def bh_by_hand(p: np.ndarray) -> list[float]:
    """The definition, written out: q_i = min over p_j >= p_i of p_j * m / rank_j (NaN out)."""
    ok = p[~np.isnan(p)]
    m, rank = len(ok), stats.rankdata(ok, method="ordinal")
    return [
        np.nan if np.isnan(x) else min(min(ok[j] * m / rank[j] for j in range(m) if ok[j] >= x), 1)
        for x in p
    ]


def test_q_values_are_benjamini_hochberg_over_all_tests(random_features):
    table = compare_outlets(random_features, n_boot=50)
    p = table["mwu_p"].to_numpy()
    assert np.allclose(table["q"], bh_by_hand(p))
    if hasattr(stats, "false_discovery_control"):
        assert np.allclose(table["q"], stats.false_discovery_control(p, method="bh"))
    assert np.isnan(benjamini_hochberg([np.nan, 0.5])[0])


def test_cliffs_delta_by_hand():
    # a = [1, 2, 3] against b = [2, 4]: pairs 1<2 1<4 2=2 2<4 3>2 3<4 -> (1 - 4) / 6
    f = pd.DataFrame({"outlet": list("aaabb"), "x": [1, 2, 3, 2, 4]})
    table = compare_outlets(f, n_boot=50).set_index("group")
    assert table.loc["a", "cliffs_delta"] == pytest.approx(-0.5)
    assert table.loc["b", "cliffs_delta"] == pytest.approx(0.5)
    assert table.loc["a", "mwu_u"] == pytest.approx(1.5)  # one win, one tie
    # each group against *all* the others: b = [3] beats 1, 2 and 0; c = [0] loses to all
    f = pd.DataFrame({"outlet": list("aabc"), "x": [1, 2, 3, 0]})
    table = compare_outlets(f, n_boot=50).set_index("group")
    assert table["cliffs_delta"].tolist() == [0.0, 1.0, -1.0]


def test_bootstrap_interval_contains_mean_narrows_and_is_seeded():
    rng = np.random.default_rng(1)
    f = pd.DataFrame(
        {"outlet": np.repeat(["small", "large"], [30, 3000]), "x": rng.normal(0, 1, 3030)}
    )
    table = compare_outlets(f, n_boot=2000).set_index("group")
    assert (table["ci_low"] < table["mean"]).all() and (table["mean"] < table["ci_high"]).all()
    width = table["ci_high"] - table["ci_low"]
    assert width["large"] < width["small"] / 5
    # close to the normal-theory interval for the large group: 2 * 1.96 * sd / sqrt(n)
    sd = f.loc[f.outlet == "large", "x"].std()
    assert width["large"] == pytest.approx(2 * 1.96 * sd / np.sqrt(3000), rel=0.1)
    again = compare_outlets(f, n_boot=2000).set_index("group")
    pd.testing.assert_frame_equal(table, again)
    other = compare_outlets(f, n_boot=2000, seed=1).set_index("group")
    assert not np.allclose(other["ci_low"], table["ci_low"])
    # a wider level gives a wider interval from the same resamples
    wide = compare_outlets(f, n_boot=2000, ci=0.99).set_index("group")
    assert (wide["ci_high"] - wide["ci_low"] > width).all()


def test_nan_values_are_dropped_per_measure():
    f = pd.DataFrame(
        {
            "outlet": list("aaabbb"),
            "x": [1.0, np.nan, 3.0, 4.0, 5.0, np.nan],
            "y": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        }
    )
    table = compare_outlets(f, n_boot=100).set_index(["measure", "group"])
    assert table.loc[("x", "a"), "n"] == 2 and table.loc[("y", "a"), "n"] == 3
    assert table.loc[("x", "a"), "mean"] == 2.0 and table.loc[("x", "b"), "mean"] == 4.5
    ref = stats.mannwhitneyu([1, 3], [4, 5], method="auto")
    assert table.loc[("x", "a"), "mwu_p"] == pytest.approx(ref.pvalue)
    # resamples come from the rows with a value: the interval stays inside their range
    assert 1.0 <= table.loc[("x", "a"), "ci_low"] <= table.loc[("x", "a"), "ci_high"] <= 3.0


def test_constant_measure_and_single_article_group():
    f = pd.DataFrame(
        {
            "outlet": ["a", "a", "a", "b", "b", "b", "lonely"],
            "constant": [1.0] * 7,
            "x": [1, 2, 3, 7, 8, 9, 5],
        }
    )
    with np.errstate(all="raise"):
        table = compare_outlets(f, n_boot=100).set_index(["measure", "group"])
    const = table.loc["constant"]
    assert const[["kruskal_h", "kruskal_p", "mwu_p", "q"]].isna().all().all()
    assert (const["cliffs_delta"] == 0).all() and (const["mean"] == 1).all()
    lonely = table.loc[("x", "lonely")]
    assert lonely["n"] == 1 and lonely["mean"] == 5
    assert np.isnan(lonely["ci_low"]) and np.isnan(lonely["ci_high"])
    assert not np.isnan(lonely["mwu_p"])
    # the untestable measure does not count in the false discovery correction
    assert np.allclose(table.loc["x", "q"], benjamini_hochberg(table.loc["x", "mwu_p"]))


def test_a_group_of_one_article_gets_the_exact_p_value():
    """With one value on a side, Mann-Whitney's p is exact: the value is equally likely to
    be any of the N, checked by enumerating the N splits with scipy's U. Under heavy ties
    (most articles 0) the normal approximation was several times too small."""
    from scipy import stats

    from framing.stats.significance import rank_tests

    def enumerated(y, i):
        u = np.array([stats.mannwhitneyu([y[j]], np.delete(y, j)).statistic for j in range(len(y))])
        return min(1.0, 2 * min((u >= u[i]).mean(), (u <= u[i]).mean()))

    rng = np.random.default_rng(0)
    for trial in range(6):
        y = rng.choice([0.0, 0, 0, 0, 0, 1, 2, 3.5], size=40) if trial % 2 else rng.normal(size=40)
        codes = rng.integers(1, 4, size=40)
        codes[trial] = 0  # group 0 holds one value
        assert np.isclose(rank_tests(y, codes, 4)[2][0, 1], enumerated(y, trial))
    # two groups, one of them a single article: both sides get that article's p
    y = np.array([0, 0, 0, 0, 1, 0, 0, 3.0])
    pairwise = rank_tests(y, np.array([0, 0, 0, 0, 0, 0, 0, 1]), 2)[2]
    assert np.allclose(pairwise[:, 1], enumerated(y, 7)) and np.isclose(pairwise[0, 1], 0.25)
    # heavy ties: one article of 2 among 600 of 0 and 10 of 1 is the rarest value, yet
    # only 1 in 611 places: p = 2/611, where the normal approximation said 7e-14
    y = np.r_[np.zeros(600), np.ones(10), 2.0]
    codes = np.r_[np.zeros(610, int), 1]
    assert np.isclose(rank_tests(y, codes, 2)[2][1, 1], 2 / 611)


def test_by_as_series_and_missing_column(sample, style):
    feats = style
    table = compare_outlets(feats, sample["leaning"], n_boot=100)
    assert set(table["group"]) == set(sample["leaning"])
    with pytest.raises(framing.CorpusError, match="'outlet'"):
        compare_outlets(feats, n_boot=10)
    with pytest.raises(framing.CorpusError, match="'topic'"):
        compare_outlets(feats.assign(outlet=sample["outlet"]), within="topic", n_boot=10)


def test_within_topic_direct_standardisation_by_hand():
    # within each topic both outlets score alike; they differ only in their topic mix
    f = pd.DataFrame(
        {
            "outlet": ["a"] * 4 + ["b"] * 4,
            "topic": ["war", "war", "war", "tax", "war", "tax", "tax", "tax"],
            "score": [10, 12, 11, 1, 11, 0, 1, 2],
        }
    )
    raw = compare_outlets(f, n_boot=200).set_index("group")
    assert raw.loc["a", "mean"] == pytest.approx(8.5) and raw.loc["b", "mean"] == pytest.approx(3.5)
    std = compare_outlets(f, within="topic", n_boot=200).set_index("group")
    # pooled mix: war 4/8, tax 4/8; a: 0.5 * 11 + 0.5 * 1 = 6; b: 0.5 * 11 + 0.5 * 1 = 6
    assert std["mean"].tolist() == pytest.approx([6.0, 6.0])
    assert "standardised" in std.attrs["method"]
    # tests use residuals from the pooled topic means (war 11, tax 1)
    resid = f["score"] - f.groupby("topic")["score"].transform("mean")
    a, b = resid[f.outlet == "a"], resid[f.outlet == "b"]
    ref = stats.mannwhitneyu(a, b, alternative="two-sided", method="auto")
    assert std.loc["a", "mwu_p"] == pytest.approx(ref.pvalue)
    assert std.loc["a", "mwu_p"] > raw.loc["a", "mwu_p"]
    assert (std["ci_low"] <= std["mean"]).all() and (std["mean"] <= std["ci_high"]).all()


def test_within_topic_weights_follow_the_pooled_mix():
    # pooled mix: x 3/6, y 3/6; a's topic means 4 (x) and 0 (y): 0.5 * 4 + 0.5 * 0 = 2
    f = pd.DataFrame(
        {
            "outlet": list("aaabbb"),
            "topic": list("xyyxxy"),
            "s": [4.0, 0.0, 0.0, 1.0, 3.0, 5.0],
        }
    )
    table = compare_outlets(f, within="topic", n_boot=100).set_index("group")
    assert table.loc["a", "mean"] == pytest.approx(2.0)
    assert table.loc["b", "mean"] == pytest.approx(0.5 * 2.0 + 0.5 * 5.0)
    # pooled mix x 2/3, y 1/3: a = 2/3 * 1 + 1/3 * 3; b misses topic y and is
    # standardised over the topics it covers (x alone)
    g = pd.DataFrame({"outlet": list("aab"), "topic": list("xyx"), "s": [1.0, 3.0, 2.0]})
    means = compare_outlets(g, within="topic", n_boot=50)["mean"].tolist()
    assert means == pytest.approx([2 / 3 * 1 + 1 / 3 * 3, 2.0])


def test_trend_by_month():
    f = pd.DataFrame(
        {
            "outlet": list("aaabb"),
            "date": ["2020-01-03", "2020-01-20", "2020-02-01", "2020-02-10", "not a date"],
            "x": [1.0, 3.0, 5.0, 7.0, 9.0],
        }
    )
    trend = compare_trends(f, over="date", n_boot=100)
    assert list(trend.columns) == TREND_COLUMNS
    assert trend[["group", "month", "n", "mean"]].values.tolist() == [
        ["a", "2020-01", 2, 2.0],
        ["a", "2020-02", 1, 5.0],
        ["b", "2020-02", 1, 7.0],
    ]
    assert np.isnan(trend["ci_low"].iloc[1]) and trend["ci_low"].iloc[0] >= 1.0
    # with a stratum, each month is standardised to the pooled mix of the dated rows
    f["topic"] = ["x", "y", "x", "x", "y"]
    both = compare_trends(f, over="date", within="topic", n_boot=50)
    # pooled (dated rows): x 3/4, y 1/4; a in 2020-01 has x = 1 and y = 3
    assert both["mean"].iloc[0] == pytest.approx(0.75 * 1 + 0.25 * 3)


def test_sample_corpus_by_outlet_and_topic(sample, style):
    feats = style
    data = pd.concat([sample[["outlet", "topic", "date"]], feats], axis=1)
    table = compare_outlets(data, n_boot=500)
    assert len(table) == 10 * feats.shape[1]
    assert table["n"].eq(60).all() and table["q"].between(0, 1).all()
    # outlets differ in article length (Reuters and Breitbart are short, Vox long)
    words = table[table.measure == "style_words"].set_index("group")
    assert words["kruskal_p"].iloc[0] < 1e-6
    assert words.loc["Vox", "cliffs_delta"] > 0.3 > words.loc["Breitbart News", "cliffs_delta"]
    within = compare_outlets(data, within="topic", n_boot=200)
    assert list(within.columns) == COLUMNS and len(within) == len(table)
    assert not np.allclose(within["mean"], table["mean"])
    trend = compare_trends(data, measures=["style_words"], over="date", n_boot=100)
    dated = sample["date"].notna().groupby(sample["outlet"]).sum()  # BBC has no dates
    assert trend.groupby("group")["n"].sum().to_dict() == dated[dated > 0].to_dict()


def test_outlet_classifier_on_sample(sample, style):
    feats = style
    res = framing.outlet_classifier(feats, sample["outlet"], cv=3)
    scores = res["scores"]
    assert list(scores.index) == ["measures", "majority", "uniform"]
    assert scores.loc["uniform", "accuracy"] == pytest.approx(0.1)
    assert scores.loc["uniform", "macro_f1"] == pytest.approx(0.1)  # balanced groups
    assert scores.loc["majority", "accuracy"] == pytest.approx(0.1, abs=0.02)
    assert scores.loc["measures", "accuracy"] > 0.15
    imp = res["importance"]
    assert list(imp.columns) == ["measure", "importance_mean", "importance_std"]
    assert set(imp["measure"]) == set(feats.columns)
    assert imp["importance_mean"].is_monotonic_decreasing
    again = framing.outlet_classifier(feats, sample["outlet"], cv=3)
    pd.testing.assert_frame_equal(res["importance"], again["importance"])


def test_outlet_classifier_needs_two_groups():
    f = pd.DataFrame({"outlet": ["a", "a", "b"], "x": [1.0, 2.0, 3.0]})
    with pytest.raises(framing.InputError, match="at least 2"):
        framing.outlet_classifier(f)


def test_cli_compare(tmp_path, capsys):
    def compare(*args: str) -> int:
        return main(["compare", "--features", "style", *args])

    out = tmp_path / "new" / "cmp.csv"
    assert compare("--n-boot", "200", "-o", str(out)) == 0
    printed = capsys.readouterr().out
    assert "group-vs-rest tests have q < 0.05" in printed and "style_" in printed
    table = pd.read_csv(out)
    assert list(table.columns) == COLUMNS and len(table) == 70
    assert compare("--within", "topic", "--n-boot", "100", "-o", str(tmp_path / "w.csv")) == 0
    assert len(pd.read_csv(tmp_path / "w.csv")) == 70
    assert compare("--over", "date", "--n-boot", "50", "-o", str(tmp_path / "t.csv")) == 0
    assert list(pd.read_csv(tmp_path / "t.csv").columns) == TREND_COLUMNS


@pytest.mark.parametrize("method", ["bootstrap", "moments"])
def test_cli_compare_leaves_out_the_label_columns(tmp_path, capsys, method):
    # the frames family has a label column (frames_dominant): a number is compared, a label
    # is not (it broke `framing compare` with the default families)
    out = tmp_path / "cmp.csv"
    args = ["compare", "--features", "frames", "--method", method, "--n-boot", "50"]
    assert main([*args, "-o", str(out)]) == 0
    measures = set(pd.read_csv(out)["measure"])
    assert measures == set(framing.features.numeric("frames"))
    assert "frames_dominant" not in measures and "frames_conflict" in measures


def test_cli_compare_within_stories_it_matches(tmp_path, capsys, sample):
    # no story column: the command matches stories as framing.stories does, says how many
    # were told by two outlets or more, and compares the outlets paired within them
    out = tmp_path / "paired.csv"
    args = ["compare", "--features", "style", "--within", "story", "--n-boot", "50"]
    assert main([*args, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    story = framing.stories(sample)
    told = int((sample["outlet"].groupby(story).nunique() >= 2).sum())
    assert f"matched stories (framing stories): {told:,} told by two outlet groups" in err
    feats = framing.extract_features(sample, "style")
    expected = compare_outlets(
        pd.concat([sample[["outlet"]], feats], axis=1).assign(story=story),
        within="story",
        n_boot=50,
    )
    pd.testing.assert_frame_equal(pd.read_csv(out), expected, check_dtype=False, rtol=1e-9)


def test_cli_compare_without_grouping_column(tmp_path, capsys):
    out = tmp_path / "cmp.csv"
    assert main(["compare", "--by", "party", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "'party'" in err
    assert not out.exists()


# --- sufficient statistics (the Dask path, here on pandas) -----------------------------


def test_moments_match_scipy_and_the_bootstrap_means(random_features):
    table = compare_outlets(random_features, method="moments", ci=0.9)
    assert list(table.columns) == COLUMNS
    boot = compare_outlets(random_features, n_boot=20)
    pd.testing.assert_frame_equal(table[["group", "measure", "n"]], boot[["group", "measure", "n"]])
    np.testing.assert_allclose(table["mean"], boot["mean"], rtol=1e-13)
    for measure in ("ties", "score"):
        groups = {g: d[measure].to_numpy(float) for g, d in random_features.groupby("outlet")}
        rows = table[table["measure"] == measure].set_index("group")
        for g, x in groups.items():
            rest = np.concatenate([v for k, v in groups.items() if k != g])
            row = rows.loc[g]
            assert row["sd"] == pytest.approx(x.std(ddof=1), rel=1e-12)
            low, high = stats.t.interval(0.9, len(x) - 1, x.mean(), stats.sem(x))
            assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high), rel=1e-12)
            welch = stats.ttest_ind(x, rest, equal_var=False)
            assert row["welch_t"] == pytest.approx(welch.statistic, rel=1e-10)
            assert row["welch_p"] == pytest.approx(welch.pvalue, rel=1e-9)
            n1, n2 = len(x), len(rest)
            pooled = np.sqrt(
                ((n1 - 1) * x.var(ddof=1) + (n2 - 1) * rest.var(ddof=1)) / (n1 + n2 - 2)
            )
            assert row["cohens_d"] == pytest.approx((x.mean() - rest.mean()) / pooled, rel=1e-10)
    assert np.allclose(table["q"], bh_by_hand(table["welch_p"].to_numpy()))
    assert (
        table[["median", "kruskal_h", "kruskal_p", "mwu_u", "mwu_p", "cliffs_delta"]]
        .isna()
        .all()
        .all()
    )
    assert "Welch" in table.attrs["method"] and "no bootstrap" in table.attrs["method"]


def test_moments_merge_from_parts_and_large_values():
    rng = np.random.default_rng(3)
    f = pd.DataFrame({"outlet": rng.choice(list("abc"), 2000), "x": 1e9 + rng.normal(0, 1, 2000)})
    f.loc[f.index % 5 == 0, "x"] += 0.5 * (f["outlet"] == "a")
    whole = compare_moments(moment_stats(f))
    parts = pd.concat([moment_stats(f[i : i + 300]) for i in range(0, 2000, 300)])
    merged = compare_moments(merge_stats(parts, ["group"]))
    pd.testing.assert_frame_equal(merged, whole, rtol=1e-9)
    # the rest's statistics come from totals minus the group: still exact at 1e9 +- 1
    x, rest = f.loc[f.outlet == "a", "x"], f.loc[f.outlet != "a", "x"]
    welch = stats.ttest_ind(x, rest, equal_var=False)
    assert whole.loc[0, "welch_t"] == pytest.approx(welch.statistic, rel=1e-6)


def test_moments_edge_cases():
    f = pd.DataFrame(
        {
            "outlet": ["a", "a", "a", "b", "b", "b", "lonely", None],
            "constant": [1.0] * 8,
            "x": [1.0, 2.0, np.nan, 7.0, 8.0, 9.0, 5.0, 100.0],
        }
    )
    with np.errstate(all="raise"):
        table = compare_outlets(f, method="moments").set_index(["measure", "group"])
    assert table.loc["x", "n"].tolist() == [2, 3, 1]  # NaN and the row without a group dropped
    const = table.loc["constant"]
    assert const[["welch_t", "welch_p", "q", "cohens_d"]].isna().all().all()
    assert (const["mean"] == 1).all() and const["sd"].tolist()[:2] == [0, 0]
    lonely = table.loc[("x", "lonely")]
    assert lonely["mean"] == 5 and np.isnan(lonely["sd"]) and np.isnan(lonely["ci_low"])
    assert np.isnan(lonely["welch_p"]) and lonely["cohens_d"] < 0  # 5 against mean 5.4
    # the untestable rows do not count in the false discovery correction
    q = table.loc["x", "q"].dropna()
    assert np.allclose(q, benjamini_hochberg(table.loc[["x"], "welch_p"].dropna()))
    by = compare_outlets(f.drop(columns="outlet"), f["outlet"].rename("o"), method="moments")
    assert by["mean"].equals(table.reset_index()["mean"]) and "per o" in by.attrs["method"]


def test_moments_trend_and_errors():
    f = pd.DataFrame(
        {
            "outlet": list("aaabb"),
            "date": ["2020-01-03", "2020-01-20", "2020-02-01", "2020-02-10", "not a date"],
            "x": [1.0, 3.0, 5.0, 7.0, 9.0],
        }
    )
    trend = compare_trends(f, over="date", method="moments")
    boot = compare_trends(f, over="date", n_boot=20)
    assert list(trend.columns) == TREND_COLUMNS
    pd.testing.assert_frame_equal(trend.iloc[:, :5], boot.iloc[:, :5])
    low, high = stats.t.interval(0.95, 1, 2.0, stats.sem([1.0, 3.0]))
    assert (trend["ci_low"][0], trend["ci_high"][0]) == pytest.approx((low, high))
    assert trend["ci_low"][1:].isna().all()
    with pytest.raises(framing.InputError, match="within= standardises with the bootstrap"):
        compare_outlets(f.assign(topic="t"), within="topic", method="moments")
    with pytest.raises(ParameterError, match="method= must be one of"):
        compare_outlets(f, method="t")
    with pytest.raises(ParameterError, match="no article has a group"):
        compare_outlets(f.assign(outlet=None), method="moments")


def test_cli_compare_moments_streamed(tmp_path, capsys, sample):
    out = tmp_path / "m.csv"
    args = ["compare", "--features", "style", "--method", "moments", "--jobs", "2"]
    assert main([*args, "--chunksize", "250", "-o", str(out)]) == 0
    printed = capsys.readouterr()
    assert "Welch" in printed.err and "  d      q" in printed.out
    table = pd.read_csv(out)
    assert list(table.columns) == COLUMNS
    feats = pd.concat([sample[["outlet"]], framing.extract_features(sample, "style")], axis=1)
    expected = compare_outlets(feats, method="moments")
    pd.testing.assert_frame_equal(table, expected, rtol=1e-9, check_dtype=False)
    assert main([*args, "--within", "topic", "-o", str(out)]) == 2
    assert "--method bootstrap" in capsys.readouterr().err


# --- one schema a function ---------------------------------------------------------------


def test_compare_outlets_has_one_schema_whatever_the_arguments(random_features):
    f = random_features.assign(topic=np.resize(["x", "y", "z"], len(random_features)))
    tables = {
        "bootstrap": compare_outlets(f, measures=["ties", "score"], n_boot=20),
        "within": compare_outlets(f, within="topic", n_boot=20),
        "series": compare_outlets(f.drop(columns="outlet"), f["outlet"], n_boot=20),
        "one measure": compare_outlets(f, measures="score", n_boot=20),
        "moments": compare_outlets(f, measures=["ties", "score"], method="moments"),
        "from stats": compare_moments(moment_stats(f, measures=["ties", "score"])),
    }
    reference = tables["bootstrap"].dtypes
    for name, table in tables.items():
        assert list(table.columns) == COLUMNS, name
        pd.testing.assert_series_equal(table.dtypes, reference, obj=name)
        assert isinstance(table.attrs["method"], str)
    # each method leaves the other's columns empty, and shares the rest
    boot, moments = tables["bootstrap"], tables["moments"]
    assert boot[MOMENT_TEST_COLUMNS].isna().all().all()
    assert moments[RANK_COLUMNS].isna().all().all()
    np.testing.assert_allclose(boot["sd"], moments["sd"], rtol=1e-12)
    for (g, m), row in boot.set_index(["group", "measure"]).iterrows():
        x = f.loc[f["outlet"] == g, m].to_numpy(float)
        assert row["sd"] == pytest.approx(np.std(x, ddof=1))


def test_sd_within_strata_is_that_of_the_adjusted_values():
    f = pd.DataFrame({"outlet": list("aaabbb"), "topic": list("xyyxxy"), "s": [4.0, 0, 1, 1, 3, 5]})
    table = compare_outlets(f, within="topic", n_boot=10).set_index("group")
    adjusted = f["s"] - f.groupby("topic")["s"].transform("mean") + f["s"].mean()
    for g in "ab":
        x = adjusted[f["outlet"] == g]
        assert table.loc[g, "sd"] == pytest.approx(x.std(ddof=1))
        assert table.loc[g, "median"] == pytest.approx(x.median())


def test_compare_trends_has_one_schema_whatever_the_arguments():
    f = pd.DataFrame(
        {
            "outlet": list("aaabbb"),
            "topic": list("xyxyxy"),
            "date": ["2020-01-03", "2020-01-20", "2020-02-01", "2020-02-10", "2020-01-04", None],
            "x": [1.0, 3.0, 5.0, 7.0, 9.0, 2.0],
        }
    )
    tables = {
        "bootstrap": compare_trends(f, n_boot=10),
        "within": compare_trends(f, within="topic", n_boot=10),
        "moments": compare_trends(f, method="moments"),
        "from stats": trend_moments(moment_stats(f, over="date")),
    }
    for name, table in tables.items():
        assert list(table.columns) == TREND_COLUMNS, name
        pd.testing.assert_series_equal(table.dtypes, tables["bootstrap"].dtypes, obj=name)
    pd.testing.assert_frame_equal(tables["moments"], tables["from stats"])
    with pytest.raises(TypeError):
        compare_outlets(f, over="date")  # trends are their own function
    with pytest.raises(ParameterError, match="trend_moments") as err:
        compare_moments(moment_stats(f, over="date"))
    assert err.value.parameter == "stats"
    with pytest.raises(ParameterError, match="compare_moments"):
        trend_moments(moment_stats(f))


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"ci": 2.0}, "ci"),
        ({"n_boot": 0}, "n_boot"),
        ({"method": "t"}, "method"),
        ({"within": "topic", "method": "moments"}, "within"),
        ({"measures": ["label"]}, "measures"),
        ({"by": pd.Series([None] * 4)}, "by"),
    ],
)
def test_errors_name_the_parameter_not_a_flag(kwargs, parameter):
    f = pd.DataFrame({"outlet": list("aabb"), "topic": "t", "label": "l", "x": [1.0, 2, 3, 4]})
    with pytest.raises(ParameterError) as err:
        compare_outlets(f, **kwargs)
    assert err.value.parameter == parameter
    assert f"{parameter}=" in str(err.value) and "--" not in str(err.value)
    assert isinstance(err.value, framing.InputError)


def test_cli_compare_spells_parameters_as_flags(tmp_path, capsys):
    out = tmp_path / "cmp.csv"
    assert main(["compare", "--features", "style", "--ci", "2", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--ci must be between 0 and 1" in err and "ci=" not in err
    assert not out.exists()
