"""Scaling out: many processes or a Dask cluster, and group statistics that merge exactly.

* :func:`executor` opens a ``concurrent.futures`` executor for ``--jobs N`` (processes),
  ``--dask local:N`` (a local Dask cluster) or ``--scheduler tcp://HOST:PORT`` (a running
  Dask cluster); :func:`framing.stream.map_ordered` feeds it chunks.
* :func:`extract_dask` is what ``framing.extract_features(ddf)`` does with a Dask
  DataFrame: the pandas function on each partition, with the output schema (``meta``)
  taken from :func:`framing.features.describe`.
* :func:`group_stats` reduces any frame, pandas or Dask, to per-group sufficient
  statistics (count, sum, and sum of squared deviations) that merge exactly
  (:func:`merge_stats`); :func:`mean_ci` turns them into means with t confidence
  intervals. Each partition is summarised where it lives and only the small tables
  travel, so the means and intervals of a corpus of any size cost one pass.

Method
------
For each group and measure a partition gives ``n`` (non-missing values), ``sum`` and
``m2 = sum((x - mean)**2)``, the sum of squares about the partition's own mean (not the
raw sum of squares, which loses every digit to cancellation when values are large).
Partitions merge exactly (Chan, Golub & LeVeque 1979):
``m2 = sum_i m2_i + sum_i n_i * (mean_i - mean)**2``. Then ``sd = sqrt(m2 / (n - 1))``,
``se = sd / sqrt(n)`` and the interval is ``mean ± t(level, n - 1) * se``: the Student t
interval of the mean, identical to ``scipy.stats.t.interval`` on the raw values (and to
the normal approximation for large ``n``).

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"outlet": ["a", "a", "a", "b", "b"], "x": [1.0, 2.0, 3.0, 10.0, 14.0]})
>>> table = mean_ci(group_stats(df, "outlet"))
>>> table[["outlet", "measure", "n", "mean", "sd"]].round(3).values.tolist()
[['a', 'x', 3, 2.0, 1.0], ['b', 'x', 2, 12.0, 2.828]]
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from typing import TYPE_CHECKING, Any

from framing.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

STATS = ("n", "sum", "m2")


def is_dask(obj: Any) -> bool:
    """True for a Dask collection (checked without importing Dask).

    Examples
    --------
    >>> is_dask([1, 2])
    False
    """
    return type(obj).__module__.split(".")[0] in ("dask", "dask_expr")


def _require_dask(what: str):
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise InputError(
            f"{what} needs Dask: pip install 'framing[scale]' (dask[dataframe,distributed])"
        ) from None


# --- executors ------------------------------------------------------------------------


# Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which fixes glibc's mmap
# threshold: every large numpy array a task (run in a worker thread) allocates is then mapped
# and unmapped afresh, and the page faults made extraction about 1.8x slower per article.
WORKER_CONFIG = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


def _dask_config():
    """The Dask settings local workers start with (:data:`WORKER_CONFIG`)."""
    import dask

    return dask.config.set(WORKER_CONFIG)


@contextlib.contextmanager
def executor(
    jobs: int = 1, dask: str | None = None, scheduler: str | None = None
) -> Iterator[tuple[Executor | None, int]]:
    """An executor for chunks and how many workers it has (``None, 1`` for in-process).

    Parameters
    ----------
    jobs : int
        Worker processes on this machine (``ProcessPoolExecutor``); 1 runs in-process.
    dask : str, optional
        ``"local:N"``: start a local Dask cluster of N single-threaded worker processes.
    scheduler : str, optional
        Address of a running Dask scheduler, e.g. ``"tcp://scheduler.example.org:8786"``; its workers
        need ``framing`` installed.

    Examples
    --------
    >>> with executor(1) as (pool, workers):
    ...     pool, workers
    (None, 1)
    """
    if sum(bool(x) for x in (jobs > 1, dask, scheduler)) > 1:
        raise InputError("choose one of --jobs, --dask and --scheduler")
    if dask or scheduler:
        _require_dask("--dask" if dask else "--scheduler")
        from distributed import Client, LocalCluster

        if dask:
            kind, _, n = dask.partition(":")
            if kind != "local" or not n.isdigit() or int(n) < 1:
                raise InputError(f"--dask expects local:N (N worker processes), not {dask!r}")
            with (
                _dask_config(),
                LocalCluster(
                    n_workers=int(n),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                ) as cluster,
                Client(cluster) as client,
                warnings.catch_warnings(),
            ):
                # each chunk travels with its task, which is what we want here
                warnings.filterwarnings("ignore", "Sending large graph", UserWarning)
                yield client.get_executor(), int(n)
            return
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as err:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler} ({err})") from None
        with client, warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Sending large graph", UserWarning)
            yield client.get_executor(), max(sum(client.nthreads().values()), 1)
        return
    if jobs < 1:
        raise InputError(f"--jobs must be at least 1, not {jobs}")
    if jobs == 1:
        yield None, 1
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs) as pool:
        yield pool, jobs


# --- Dask DataFrames ------------------------------------------------------------------


def extract_dask(ddf: Any, features: str | Iterable[str] = "default") -> Any:
    """:func:`framing.extract_features` over each partition of a Dask DataFrame (lazy).

    Returns a Dask DataFrame with the same index and partitions as ``ddf`` and one
    float column per measure; nothing runs until ``.compute()`` or ``.to_parquet()``.
    """
    import pandas as pd

    from framing.features import describe, extract_features, resolve

    names = resolve(features)
    if not {"headline", "body"} & set(ddf.columns):
        raise InputError(
            "extract_features needs a 'headline' or 'body' column; found "
            f"{list(map(str, ddf.columns))}; rename them (ddf.rename(columns=...)) first"
        )
    meta = pd.DataFrame(
        {column: pd.Series(dtype=float) for column in describe(names)},
        index=pd.Index([], dtype=ddf.index.dtype, name=ddf.index.name),
    )
    return ddf.map_partitions(extract_features, names, meta=meta)


# --- sufficient statistics ------------------------------------------------------------


def _partition_stats(df: pd.DataFrame, by: list[str], columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    df = df.dropna(subset=by)  # rows without a key belong to no group
    grouped = df.groupby(by, sort=True, observed=True)[columns]
    n, total = grouped.count(), grouped.sum(min_count=1).fillna(0.0)
    centred = df[columns] - grouped.transform("mean")
    m2 = (centred**2).groupby([df[k] for k in by], sort=True, observed=True).sum()
    out = pd.concat(
        {"n": n.stack(), "sum": total.stack(), "m2": m2.reindex(n.index).stack()}, axis=1
    )
    out.index.names = [*by, "measure"]
    return out.reset_index().astype({"n": "int64", "sum": float, "m2": float})


def group_stats(df: Any, by: str | list[str], columns: Iterable[str] | None = None) -> pd.DataFrame:
    """Per-group count, sum and sum of squared deviations of each numeric column.

    Parameters
    ----------
    df : pandas.DataFrame or dask.dataframe.DataFrame
        With a Dask frame each partition is summarised on its worker and the small
        tables are merged here with :func:`merge_stats`.
    by : str or list of str
        The grouping column (e.g. ``"outlet"``), or several (e.g. outlet and month).
        Rows with a missing key are left out.
    columns : iterable of str, optional
        Measures to summarise; default every numeric column but ``by``.

    Returns
    -------
    pandas.DataFrame
        Columns ``*by, measure, n, sum, m2`` (missing values are left out of ``n``),
        sorted by the keys, measures in column order within each group.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"g": ["a", "a", "b"], "x": [1.0, 3.0, None]})
    >>> group_stats(df, "g").to_dict("records")
    [{'g': 'a', 'measure': 'x', 'n': 2, 'sum': 4.0, 'm2': 2.0}, {'g': 'b', 'measure': 'x', 'n': 0, 'sum': 0.0, 'm2': 0.0}]
    """
    keys = [by] if isinstance(by, str) else list(by)
    for key in keys:
        if key not in df.columns:
            raise InputError(
                f"no column {key!r} to group by; columns: {', '.join(map(str, df.columns))}"
            )
    if columns is None:
        numeric = df.select_dtypes("number").columns
        columns = [c for c in numeric if c not in keys]
    columns = list(columns)
    if not columns:
        raise InputError("group_stats found no numeric columns to summarise")
    if is_dask(df):
        parts = df[[*keys, *columns]].map_partitions(_partition_stats, keys, columns).compute()
        return merge_stats(parts, keys)
    return _partition_stats(df, keys, columns)


def merge_stats(parts: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    """Merge partial :func:`group_stats` tables (stacked rows) exactly, group by group.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"g": ["a"] * 4, "x": [1.0, 2.0, 3.0, 10.0]})
    >>> parts = pd.concat([group_stats(df[:1], "g"), group_stats(df[1:], "g")])
    >>> merge_stats(parts, "g").equals(group_stats(df, "g"))
    True
    """
    import numpy as np
    import pandas as pd

    by = [by] if isinstance(by, str) else list(by)
    keys = [*by, "measure"]
    n = parts.groupby(keys, sort=True)["n"].sum()
    total = parts.groupby(keys, sort=True)["sum"].sum()
    mean = (total / n.where(n > 0)).fillna(0.0)
    part_n = parts["n"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        part_mean = np.where(part_n > 0, parts["sum"].to_numpy() / part_n, 0.0)
    index = parts.set_index(keys).index
    shift = part_n * (part_mean - mean.reindex(index).to_numpy()) ** 2
    m2 = (parts["m2"] + shift).groupby([parts[k] for k in keys], sort=True).sum()
    out = pd.concat({"n": n, "sum": total, "m2": m2}, axis=1).reset_index()
    # measures in the order the partitions list them (their columns' order), not A-Z
    rank = {m: i for i, m in enumerate(pd.unique(parts["measure"]))}
    order = [out["measure"].map(rank), *(out[k].rank(method="dense") for k in reversed(by))]
    out = out.iloc[np.lexsort(order)]
    return out.reset_index(drop=True).astype({"n": "int64", "sum": float, "m2": float})


def mean_ci(stats: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Add ``mean``, ``sd``, ``se``, ``ci_low``, ``ci_high`` (Student t) to group stats.

    ``sd``, ``se`` and the interval are NaN where ``n < 2``; ``mean`` is NaN where
    ``n == 0``.

    Examples
    --------
    >>> import pandas as pd
    >>> stats = pd.DataFrame({"g": ["a"], "measure": ["x"], "n": [4], "sum": [8.0], "m2": [12.0]})
    >>> row = mean_ci(stats).iloc[0]
    >>> [round(float(row[k]), 3) for k in ("mean", "sd", "ci_low", "ci_high")]
    [2.0, 2.0, -1.182, 5.182]
    """
    import numpy as np
    from scipy import stats as st

    if not 0 < level < 1:
        raise InputError(f"level must be between 0 and 1 (e.g. 0.95), not {level}")
    out = stats.copy()
    n = out["n"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["mean"] = np.where(n > 0, out["sum"] / n, np.nan)
        out["sd"] = np.where(n > 1, np.sqrt(out["m2"] / (n - 1)), np.nan)
        out["se"] = out["sd"] / np.sqrt(n)
        half = st.t.ppf(0.5 + level / 2, np.maximum(n - 1, 1)) * out["se"]
    out["ci_low"] = out["mean"] - half
    out["ci_high"] = out["mean"] + half
    return out
