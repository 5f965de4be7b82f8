"""Scaling out: sufficient statistics against pandas and scipy; Dask results equal pandas."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import framing
from framing.cli import main
from framing.errors import InputError
from framing.io.parallel import executor
from framing.stats.moments import group_stats, mean_ci, merge_stats


@pytest.fixture(scope="module")
def measures(sample):
    feats = framing.extract_features(sample)
    return pd.concat([sample[["outlet"]], feats], axis=1)


def test_group_stats_match_pandas_and_scipy(measures):
    table = mean_ci(group_stats(measures, "outlet"), level=0.9)
    grouped = measures.groupby("outlet")
    for (outlet, measure), row in table.set_index(["outlet", "measure"]).iterrows():
        values = grouped.get_group(outlet)[measure]
        assert row["n"] == len(values)
        assert row["mean"] == pytest.approx(values.mean(), rel=1e-12, abs=1e-12)
        assert row["sd"] == pytest.approx(values.std(ddof=1), rel=1e-9, abs=1e-12)
        if values.std() > 0:
            low, high = stats.t.interval(0.9, len(values) - 1, values.mean(), stats.sem(values))
            assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high), rel=1e-9)
    assert set(table["measure"]) == set(framing.features.numeric("default"))


def test_merging_partitions_is_exact_even_for_large_values():
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"g": rng.choice(["a", "b", "c"], 3000), "x": 1e9 + rng.normal(0, 1, 3000)})
    df.loc[::7, "x"] = np.nan  # missing values are left out, as pandas does
    parts = pd.concat([group_stats(df[i : i + 250], "g") for i in range(0, 3000, 250)])
    merged = mean_ci(merge_stats(parts, "g")).set_index("g")
    expected = df.groupby("g")["x"].agg(["count", "mean", "std"])
    assert merged["n"].tolist() == expected["count"].tolist()
    np.testing.assert_allclose(merged["mean"], expected["mean"], rtol=1e-15)
    # the raw sum of squares would lose every digit here (1e18 against a variance of 1)
    np.testing.assert_allclose(merged["sd"], expected["std"], rtol=1e-6)


def test_small_groups_and_bad_arguments():
    df = pd.DataFrame({"g": ["a", "b", "b"], "x": [5.0, 1.0, 3.0]})
    table = mean_ci(group_stats(df, "g")).set_index("g")
    assert table.loc["a", "mean"] == 5.0 and np.isnan(table.loc["a", "ci_low"])
    assert table.loc["b", "sd"] == pytest.approx(np.sqrt(2))
    with pytest.raises(InputError, match="no column 'outlet'"):
        group_stats(df, "outlet")
    with pytest.raises(InputError, match="level"):
        mean_ci(group_stats(df, "g"), level=95)
    with pytest.raises(InputError, match="choose one"), executor(2, dask="local:2"):
        pass


# --- Dask ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("dask.dataframe", reason="the scale extra (dask) is not installed")
    distributed = pytest.importorskip("distributed")
    import logging

    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_dask_features_and_stats_equal_pandas(client, sample, measures):
    import dask.dataframe as dd

    part = sample.iloc[:150]
    lazy = framing.extract_features(dd.from_pandas(part, npartitions=3, sort=False))
    assert list(lazy.columns) == list(measures.columns[1:])
    assert (lazy.dtypes[framing.features.numeric()] == "float64").all()
    assert lazy.dtypes["frames_dominant"] == measures["frames_dominant"].dtype
    got = lazy.compute()
    assert got.index.tolist() == part.index.tolist()
    # (dask stores the string ids as pyarrow strings: same values, another index dtype)
    expected = measures.drop(columns="outlet").iloc[:150]
    pd.testing.assert_frame_equal(got, expected, check_index_type=False)
    # per-outlet statistics from per-partition sufficient statistics
    dstats = group_stats(dd.from_pandas(measures, npartitions=5, sort=False), "outlet")
    expected = group_stats(measures, "outlet")
    keys = ["outlet", "measure", "n"]  # (outlet names arrive as dask's pyarrow strings)
    pd.testing.assert_frame_equal(dstats[keys], expected[keys], check_dtype=False)
    np.testing.assert_allclose(dstats[["sum", "m2"]], expected[["sum", "m2"]], rtol=1e-9, atol=1e-9)


def test_dask_needs_a_text_column(client):
    import dask.dataframe as dd

    with pytest.raises(InputError, match="headline' or 'body"):
        framing.extract_features(dd.from_pandas(pd.DataFrame({"x": [1]}), npartitions=1))


def test_cli_on_a_dask_scheduler(client, sample, measures, tmp_path):
    corpus, out = tmp_path / "c.parquet", tmp_path / "f.parquet"
    sample.iloc[:120].to_parquet(corpus)
    address = client.scheduler.address
    args = ["features", str(corpus), "-o", str(out), "--chunksize", "40", "--scheduler", address]
    assert main(args) == 0
    pd.testing.assert_frame_equal(pd.read_parquet(out), measures.iloc[:120], rtol=1e-12)


def test_dask_compare_outlets_equals_pandas(client, measures):
    import dask.dataframe as dd

    from framing.stats.compare import compare_outlets
    from framing.stats.schema import COLUMNS

    ddf = dd.from_pandas(measures, npartitions=5, sort=False)
    got = compare_outlets(ddf, ci=0.9)
    assert list(got.columns) == COLUMNS
    assert "sufficient statistics" in got.attrs["method"]
    expected = compare_outlets(measures, method="moments", ci=0.9)
    pd.testing.assert_frame_equal(got, expected, rtol=1e-9, atol=1e-12)
    # n and the means are those of the bootstrap path; scipy on the raw values agrees
    boot = compare_outlets(measures, n_boot=1)
    pd.testing.assert_frame_equal(got[["group", "measure", "n"]], boot[["group", "measure", "n"]])
    np.testing.assert_allclose(got["mean"], boot["mean"], rtol=1e-12, atol=1e-15)
    row = got[(got.group == "Vox") & (got.measure == "style_words")].iloc[0]
    vox = measures["outlet"] == "Vox"
    welch = stats.ttest_ind(
        measures.loc[vox, "style_words"], measures.loc[~vox, "style_words"], equal_var=False
    )
    assert (row["welch_t"], row["welch_p"]) == pytest.approx(tuple(welch[:2]), rel=1e-9)


@pytest.mark.filterwarnings("ignore:Could not infer format")  # "nonsense" opens a partition
def test_dask_groups_missing_from_partitions_and_months(client):
    import dask.dataframe as dd

    from framing.stats.compare import compare_outlets
    from framing.stats.trends import compare_trends

    rng = np.random.default_rng(7)
    f = pd.DataFrame(
        {
            "outlet": np.repeat(["a", "b", "c", "d"], [50, 5, 30, 15]),
            "date": rng.choice(["2021-01-15", "2021-02-15", "2021-03-15", "nonsense"], 100),
            "x": rng.normal(0, 1, 100),
            "y": rng.poisson(3, 100).astype(float),
        }
    )
    f.loc[::9, "y"] = np.nan
    f.loc[3, "outlet"] = None
    ddf = dd.from_pandas(f, npartitions=4, sort=False)  # rows in order: a group per partition
    present = ddf.map_partitions(lambda p: p["outlet"].dropna().nunique()).compute()
    assert present.max() < 4  # no partition holds every outlet
    got = compare_outlets(ddf)
    pd.testing.assert_frame_equal(got, compare_outlets(f, method="moments"), rtol=1e-9)
    assert got["n"].tolist()[:4] == [49, 5, 30, 15]
    trend = compare_trends(ddf, over="date")
    expected = compare_trends(f, over="date", method="moments")
    pd.testing.assert_frame_equal(trend, expected, rtol=1e-9)
    assert set(trend["month"]) == {"2021-01", "2021-02", "2021-03"}
    with pytest.raises(InputError, match="within= standardises"):
        compare_outlets(ddf.assign(topic="t"), within="topic")
    with pytest.raises(InputError, match="compute"):
        compare_outlets(ddf, method="bootstrap")
    with pytest.raises(InputError, match="must name a column"):
        compare_outlets(ddf.drop(columns="outlet"), f["outlet"])


def test_cli_compare_on_a_dask_scheduler(client, sample, measures, tmp_path, capsys):
    from framing.stats.compare import compare_outlets

    corpus, out = tmp_path / "c.parquet", tmp_path / "cmp.csv"
    sample.to_parquet(corpus)
    address = client.scheduler.address
    args = ["compare", str(corpus), "--features", "style", "--chunksize", "250", "-o", str(out)]
    assert main([*args, "--scheduler", address]) == 0
    assert "Welch" in capsys.readouterr().err  # the moments method by default on Dask
    style = list(framing.features.describe("style"))
    expected = compare_outlets(measures[["outlet", *style]], method="moments")
    pd.testing.assert_frame_equal(pd.read_csv(out), expected, rtol=1e-9, check_dtype=False)


def _malloc_trim_threshold(_):
    import os

    return os.environ.get("MALLOC_TRIM_THRESHOLD_")


@pytest.mark.filterwarnings("ignore:Port .* is already in use")  # the module's cluster has it
def test_local_dask_workers_keep_glibc_dynamic_mmap_threshold(monkeypatch):
    # Dask's nanny would start them with MALLOC_TRIM_THRESHOLD_=65536: page faults on every
    # large array in the worker thread, extraction 1.8x slower (see framing.io.parallel)
    pytest.importorskip("distributed")
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)  # an earlier nanny sets it here
    with executor(dask="local:1") as (pool, workers):
        assert workers == 1
        assert pool.submit(_malloc_trim_threshold, 0).result() is None
