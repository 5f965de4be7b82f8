"""Throughput of the default feature set on 1 process, 2 processes and a 2-worker local Dask
cluster, each beside a bare ``re.findall(r"\\w+")`` pass in the same run; and the peak memory
of the streaming CLI (``/usr/bin/time -v``).

    python benchmarks/scale.py [CORPUS] [--limit N] [--skip-dask] [--skip-rss]

CORPUS defaults to shared/data/allsides/articles.jsonl.gz found beside the repository (or
above it), else the shipped sample. The bare pass tokenises the same headlines and bodies on
one core just before each configuration, so every ratio compares like with like under the
machine's load at that moment (printed as the 1-minute load average). Multi-process ratios
above 1 mean faster than one core's bare pass.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from framing.cli.features import measure
from framing.corpus.load import SAMPLE_PATH, load_corpus
from framing.corpus.stream import CHUNKSIZE, map_ordered
from framing.features import resolve
from framing.io.parallel import executor

REPO = Path(__file__).resolve().parents[1]
DATA = Path("shared") / "data" / "allsides" / "articles.jsonl.gz"


def default_corpus() -> Path:
    for base in (REPO.parent, *REPO.parents[1:]):
        if (base / DATA).exists():
            return base / DATA
    return SAMPLE_PATH


def bare(texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a bare ``re.findall(r"\\w+")`` pass over ``texts``."""
    findall = re.compile(r"\w+").findall
    start, start_cpu = time.perf_counter(), time.process_time()
    for text in texts:
        findall(text)
    return time.perf_counter() - start, time.process_time() - start_cpu


def cpu() -> tuple[float, float]:
    """CPU seconds used so far by this process and by its finished child processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def features(chunks, names, jobs=1, dask=None) -> tuple[float, float, float, float]:
    """Seconds to start the workers and to measure every chunk, and the CPU seconds spent
    by this process and by the workers (counted once they have exited)."""
    start = time.perf_counter()
    own0, children0 = cpu()
    with executor(jobs, dask) as (pool, workers):
        ready = time.perf_counter()
        fn = partial(measure, features=names)
        n = sum(len(out) for _, out in map_ordered(fn, chunks, pool, in_flight=2 * workers))
        done = time.perf_counter()
    own1, children1 = cpu()
    assert n == sum(len(c) for c in chunks)
    return ready - start, done - ready, own1 - own0, children1 - children0


def line(label: str, n: int, mb: float, secs: float, bare_secs: float) -> None:
    load = os.getloadavg()[0]
    print(
        f"{label:<26} {n / secs:>8,.0f} articles/s {mb / secs:>6.1f} MB/s   "
        f"bare {n / bare_secs:>7,.0f} articles/s   ratio {bare_secs / secs:.2f}   load {load:.1f}"
    )


def peak_rss(corpus: Path, n: int) -> None:
    """Run the streaming CLI under /usr/bin/time -v and print its peak RSS."""
    timer = shutil.which("time") or "/usr/bin/time"
    if not Path(timer).exists():
        print("peak RSS: /usr/bin/time not found (apt-get install time)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "features.parquet"
        cmd = [timer, "-v", sys.executable, "-m", "framing", "features", str(corpus)]
        cmd += ["-o", str(out), "--no-progress"]
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, env=os.environ)
        secs = time.perf_counter() - start
        if done.returncode:
            print(f"streaming CLI failed: {done.stderr.strip().splitlines()[-1]}")
            return
        kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)[1])
        print(f"$ {' '.join(cmd[2:])}")
        print(
            f"streaming CLI: {n:,} articles in {secs:.1f} s ({n / secs:,.0f} articles/s), "
            f"peak RSS {kb / 1024:,.0f} MB (goal <= 600 MB)   load {os.getloadavg()[0]:.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=default_corpus())
    parser.add_argument("--limit", type=int, help="first N articles only")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-rss", action="store_true")
    args = parser.parse_args()

    df = load_corpus(args.corpus)
    corpus = args.corpus
    tmp = None
    if args.limit:
        df = df.iloc[: args.limit]
        tmp = tempfile.TemporaryDirectory()
        corpus = Path(tmp.name) / "limited.jsonl.gz"
        with gzip.open(corpus, "wt", encoding="utf-8") as f:
            f.write(df.reset_index().to_json(orient="records", lines=True, force_ascii=False))
    texts = [h + "\n" + b for h, b in zip(df["headline"], df["body"], strict=True)]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    names = resolve("default")
    chunks = [df.iloc[i : i + CHUNKSIZE] for i in range(0, len(df), CHUNKSIZE)]
    print(
        f"{len(df):,} articles ({mb:.0f} MB of text) from {args.corpus}; families: "
        f"{', '.join(names)}; {os.cpu_count()} CPUs"
    )
    configs = [("1 process", {}), ("2 processes (--jobs 2)", {"jobs": 2})]
    if not args.skip_dask:
        configs.append(("dask local, 2 workers", {"dask": "local:2"}))
    for label, kwargs in configs:
        bare_secs, bare_cpu = bare(texts)
        setup, secs, own, children = features(chunks, names, **kwargs)
        line(label, len(df), mb, secs, bare_secs)
        # CPU time hardly depends on how busy the machine is: with every core free, the
        # wall time would be about max(this process's CPU, the workers' CPU / workers)
        ms = 1000 / len(df)
        print(
            f"{'':<26} CPU {own * ms:.2f} ms/article here + {children * ms:.2f} in workers"
            f" (bare pass {bare_cpu * ms:.2f}; CPU ratio {bare_cpu / (own + children):.2f})"
            + (f"; +{setup:.1f} s to start the workers, not counted" if setup > 0.5 else "")
        )
    if not args.skip_rss:
        peak_rss(corpus, len(df))
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
