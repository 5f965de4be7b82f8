"""``framing compare [CORPUS] -o OUT.csv``: every measure compared across outlets, as a tidy table.

By default the corpus is loaded, measured and compared in memory (bootstrap intervals and
rank tests). With ``--jobs``, ``--dask`` or ``--scheduler`` it is streamed in chunks measured
elsewhere; with ``--method moments`` (the default on Dask) each chunk is reduced where it is
measured to per-outlet sufficient statistics, so the client keeps only those, whatever the
corpus's size (:func:`framing.stats.moments.compare_moments`). With ``--over DATE`` the table
is the monthly trend (:func:`framing.stats.trends.compare_trends`) instead.
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from typing import TYPE_CHECKING

from framing.cli.features import add_scale_arguments, add_table_output, write_table
from framing.cli.info import add_corpus_argument, read_corpus, stream_corpus
from framing.cli.options import count, families
from framing.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


HELP = "Compare outlets on every measure (CIs, tests, q-values, effect sizes) into a tidy table."
# the library's parameters, as this command spells them


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    add_table_output(parser)
    parser.add_argument("--by", default="outlet", help="grouping column (default: outlet)")
    parser.add_argument(
        "--within",
        metavar="COLUMN",
        help="compare within strata of COLUMN (e.g. topic), standardised to the pooled mix; "
        "'story' pairs the groups within stories, matched here when the corpus has no story "
        "column",
    )
    parser.add_argument(
        "--over", metavar="COLUMN", help="write a monthly trend table over the date COLUMN"
    )
    parser.add_argument(
        "--features",
        type=families,
        default="default",
        help="'default', 'all' or comma-separated families",
    )
    parser.add_argument(
        "--method",
        choices=["bootstrap", "moments"],
        help="bootstrap intervals and rank tests (default), or t intervals, Welch tests and "
        "Cohen's d from sufficient statistics (default with --dask/--scheduler)",
    )
    add_scale_arguments(parser)
    parser.add_argument("--n-boot", type=count("n_boot"), default=2000, help="bootstrap resamples")
    parser.add_argument("--ci", type=float, default=0.95, help="confidence level")
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed")
    parser.add_argument(
        "--top", type=count("top"), default=10, help="significant differences to print (default 10)"
    )


def summary(table: pd.DataFrame, top: int = 10, alpha: float = 0.05) -> list[str]:
    """Lines naming the largest significant differences (q < alpha) of a comparison table.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.stats.compare import compare_outlets
    >>> f = pd.DataFrame({"outlet": ["a"] * 20 + ["b"] * 20, "x": list(range(40))})
    >>> print("\\n".join(summary(compare_outlets(f, n_boot=200))))
    2 groups x 1 measures: 2 of 2 group-vs-rest tests have q < 0.05
    measure  group  n   mean [CI]          delta  q
    x        a      20  9.5 [7.2, 12]      -1.00  6.8e-08
    x        b      20  29.5 [27.2, 31.5]  +1.00  6.8e-08
    >>> print("\\n".join(summary(compare_outlets(f, method="moments"))[1:]))
    measure  group  n   mean [CI]          d      q
    x        a      20  9.5 [6.73, 12.3]   -3.38  5.2e-13
    x        b      20  29.5 [26.7, 32.3]  +3.38  5.2e-13
    """
    # Cliff's delta, or Cohen's d where the table comes from sufficient statistics
    effect = "cliffs_delta" if table["cliffs_delta"].notna().any() else "cohens_d"
    sig = table[table["q"] < alpha]
    tested = table["q"].notna().sum()
    lines = [
        f"{table['group'].nunique()} groups x {table['measure'].nunique()} measures: "
        f"{len(sig)} of {tested} group-vs-rest tests have q < {alpha:g}"
    ]
    if len(sig) and top > 0:
        sig = sig.assign(_size=-sig[effect].abs()).sort_values(
            ["_size", "q", "measure", "group"], kind="stable"
        )
        sig = sig.head(top)
        est = [
            f"{_num(m)} [{_num(lo)}, {_num(hi)}]"
            for m, lo, hi in zip(sig["mean"], sig["ci_low"], sig["ci_high"], strict=True)
        ]
        head = ("measure", "group", "n", "mean [CI]")  # n: a group of 2 can differ clearly
        cols = [
            sig["measure"].astype(str).tolist(),
            sig["group"].astype(str).tolist(),
            [f"{n:,}" for n in sig["n"].astype(int)],
            est,
        ]
        widths = [max(len(h), *map(len, c)) for h, c in zip(head, cols, strict=True)]
        label = "delta" if effect == "cliffs_delta" else "d    "
        lines.append(
            "  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + f"  {label}  q"
        )
        for m, g, n, e, d, q in zip(*cols, sig[effect], sig["q"], strict=True):
            cells = "  ".join(c.ljust(w) for c, w in zip((m, g, n, e), widths, strict=True))
            lines.append(f"{cells}  {d:+.2f}  {q:.2g}")
    return lines


def _num(x: float) -> str:
    """A short number: thousands without decimals, smaller values to 3 significant digits."""
    return f"{x:,.0f}" if abs(x) >= 1000 else f"{x:.3g}"


def run(args: argparse.Namespace) -> int:
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    import pandas as pd

    from framing.features import extract_features, numeric, resolve
    from framing.stats.compare import compare_outlets
    from framing.stats.moments import compare_moments, merge_stats
    from framing.stats.trends import compare_trends, trend_moments

    keys = [k for k in (args.by, args.within, args.over) if k]
    method = args.method or ("moments" if args.dask or args.scheduler else "bootstrap")
    if method == "moments" and args.within:
        raise InputError("--within standardises with the bootstrap: add --method bootstrap")
    options = {"n_boot": args.n_boot, "ci": args.ci, "seed": args.seed}
    if args.jobs == 1 and not args.dask and not args.scheduler:
        match = args.within == "story"  # matched here when the corpus has no story column
        df = read_corpus(args, require=[k for k in keys if not (match and k == "story")])
        if match and "story" not in df.columns:
            df = df.assign(story=_stories(df, args.by))
        feats = extract_features(df, args.features, progress=sys.stderr.isatty())
        table = pd.concat([df[keys], feats], axis=1)
    else:
        parts = _measured_chunks(args, keys, resolve(args.features), method)
        if method == "moments":  # each chunk's sufficient statistics, merged here
            if args.over:
                stats = merge_stats(pd.concat(parts), ["group", "month"])
                return _write(args, trend_moments(stats, ci=args.ci, by=args.by))
            stats = merge_stats(pd.concat(parts), ["group"])
            return _write(args, compare_moments(stats, ci=args.ci, by=args.by))
        table = pd.concat(parts)
    measures = numeric(args.features)  # not the label columns (frames_dominant)
    if args.over:
        trend = compare_trends(
            table,
            args.by,
            over=args.over,
            measures=measures,
            within=args.within,
            method=method,
            **options,
        )
        return _write(args, trend)
    comparison = compare_outlets(
        table, args.by, measures=measures, within=args.within, method=method, **options
    )
    return _write(args, comparison)


def _stories(df: pd.DataFrame, by: str) -> pd.Series:
    """The stories of the corpus (:func:`framing.stories`, default settings), and a line on
    stderr saying how many were told by two groups or more: only those are compared."""
    from framing.stats.stories import stories

    story = stories(df)
    told = df[by].groupby(story).nunique()
    print(
        f"matched stories (framing stories): {int((told >= 2).sum()):,} told by two {by} "
        f"groups or more, of {len(told):,}; give a story column to use your own",
        file=sys.stderr,
    )
    return story


def _write(args: argparse.Namespace, table: pd.DataFrame) -> int:
    """Write a comparison (or, with ``--over``, trend) table and print its summary."""
    index = ["group", "measure", "month"] if args.over else ["group", "measure"]
    write_table(table.set_index(index), args.output)
    print(f"wrote {len(table):,} rows to {args.output} ({table.attrs['method']})", file=sys.stderr)
    if not args.over:
        print("\n".join(summary(table, args.top)))
    return 0


def _measured_chunks(
    args: argparse.Namespace, keys: list[str], names: list[str], method: str
) -> list:
    """Each chunk's key columns and measures (or their sufficient statistics), in order."""

    from framing.corpus.stream import map_ordered
    from framing.io.parallel import executor

    chunks = stream_corpus(args, args.chunksize, require=keys)
    work = partial(measure_chunk, features=names, keys=keys, moments=method == "moments")
    work = partial(work, by=args.by, over=args.over)
    with executor(args.jobs, args.dask, args.scheduler) as (pool, workers):
        return [part for _, part in map_ordered(work, chunks, pool, in_flight=2 * workers)]


def measure_chunk(
    chunk: pd.DataFrame,
    features: list[str],
    keys: list[str],
    moments: bool,
    by: str,
    over: str | None,
) -> pd.DataFrame:
    """One chunk's measures beside its ``keys`` columns, or (``moments``) their
    :func:`framing.stats.moments.moment_stats` (run in a worker process or on a Dask worker)."""
    import pandas as pd

    from framing.features import extract_features, numeric
    from framing.stats.moments import moment_stats

    table = pd.concat([chunk[keys], extract_features(chunk, features)], axis=1)
    if not moments:
        return table
    return moment_stats(table, by, measures=numeric(features), over=over)
