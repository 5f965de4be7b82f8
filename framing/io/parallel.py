"""Scaling out: an executor over many processes or a Dask cluster.

:func:`executor` opens a ``concurrent.futures`` executor for ``--jobs N`` (processes),
``--dask local:N`` (a local Dask cluster) or ``--scheduler tcp://HOST:PORT`` (a running
Dask cluster); :func:`framing.corpus.stream.map_ordered` feeds it chunks.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
import warnings
from collections.abc import Iterator
from concurrent.futures import Executor
from typing import TYPE_CHECKING, Any

from framing.errors import InputError, ParameterError

if TYPE_CHECKING:  # pragma: no cover
    pass


def is_dask(obj: Any) -> bool:
    """True for a Dask collection (checked without importing Dask).

    Examples
    --------
    >>> is_dask([1, 2])
    False
    """
    return type(obj).__module__.split(".")[0] in ("dask", "dask_expr")


def _require_dask(parameter: str) -> None:
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise ParameterError(
            f"{parameter}= needs Dask: pip install 'framing[scale]' (dask[dataframe,distributed])",
            parameter=parameter,
        ) from None


# --- executors ------------------------------------------------------------------------


# Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which fixes glibc's mmap
# threshold: every large numpy array a task (run in a worker thread) allocates is then mapped
# and unmapped afresh, and the page faults slow extraction down (README, "Speed", has the figure).
WORKER_CONFIG = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


def _dask_config() -> Any:
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
        raise ParameterError("choose one of jobs=, dask= and scheduler=", parameter="jobs")
    if dask or scheduler:
        _require_dask("dask" if dask else "scheduler")
        from distributed import Client, LocalCluster

        if dask:
            kind, _, n = dask.partition(":")
            if kind != "local" or not n.isdigit() or int(n) < 1:
                raise ParameterError(
                    f"dask= expects local:N (N worker processes), not {dask!r}", parameter="dask"
                )
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
        raise ParameterError(f"jobs= must be at least 1, not {jobs}", parameter="jobs")
    if jobs == 1:
        yield None, 1
        return
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(jobs, initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        yield pool, jobs
    except BaseException:  # an error, Ctrl-C or SIGTERM: the workers' chunks are not wanted
        workers = list((pool._processes or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()
        raise
    pool.shutdown()


def _die_with_parent(parent: int) -> None:
    """In each worker: exit as soon as the process that started it is gone (killed with
    SIGKILL, it could not stop its workers), rather than finish chunks nobody will read."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
