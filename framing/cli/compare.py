"""``framing compare [CORPUS] -o OUT.csv``: every measure compared across outlets, as a tidy table."""

from __future__ import annotations

import argparse
import sys

from framing.cli.features import add_table_output, write_table
from framing.cli.info import add_corpus_argument, read_corpus

HELP = "Compare outlets on every measure (CIs, tests, q-values, effect sizes) into a tidy table."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)
    add_table_output(parser)
    parser.add_argument("--by", default="outlet", help="grouping column (default: outlet)")
    parser.add_argument(
        "--within",
        metavar="COLUMN",
        help="compare within strata of COLUMN (e.g. topic), standardised to the pooled mix",
    )
    parser.add_argument(
        "--over", metavar="COLUMN", help="write a monthly trend table over the date COLUMN"
    )
    parser.add_argument(
        "--features", default="default", help="'default', 'all' or comma-separated families"
    )
    parser.add_argument("--n-boot", type=int, default=2000, help="bootstrap resamples")
    parser.add_argument("--ci", type=float, default=0.95, help="confidence level")
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed")
    parser.add_argument(
        "--top", type=int, default=10, help="significant differences to print (default 10)"
    )


def summary(table, top: int = 10, alpha: float = 0.05) -> list[str]:
    """Lines naming the largest significant differences (q < alpha) of a comparison table.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare import compare_outlets
    >>> f = pd.DataFrame({"outlet": ["a"] * 20 + ["b"] * 20, "x": list(range(40))})
    >>> print("\\n".join(summary(compare_outlets(f, n_boot=200))))
    2 groups x 1 measures: 2 of 2 group-vs-rest tests have q < 0.05
    measure  group  mean [CI]          delta  q
    x        a      9.5 [7.2, 12]      -1.00  6.8e-08
    x        b      29.5 [27.2, 31.5]  +1.00  6.8e-08
    """
    sig = table[table["q"] < alpha]
    tested = table["q"].notna().sum()
    lines = [
        f"{table['group'].nunique()} groups x {table['measure'].nunique()} measures: "
        f"{len(sig)} of {tested} group-vs-rest tests have q < {alpha:g}"
    ]
    if len(sig) and top > 0:
        sig = sig.assign(_size=-sig["cliffs_delta"].abs()).sort_values(
            ["_size", "q", "measure", "group"], kind="stable"
        )
        sig = sig.head(top)
        est = [
            f"{_num(m)} [{_num(lo)}, {_num(hi)}]"
            for m, lo, hi in zip(sig["mean"], sig["ci_low"], sig["ci_high"], strict=True)
        ]
        head = ("measure", "group", "mean [CI]")
        cols = [sig["measure"].astype(str).tolist(), sig["group"].astype(str).tolist(), est]
        widths = [max(len(h), *map(len, c)) for h, c in zip(head, cols, strict=True)]
        lines.append(
            "  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + "  delta  q"
        )
        for m, g, e, d, q in zip(*cols, sig["cliffs_delta"], sig["q"], strict=True):
            cells = "  ".join(c.ljust(w) for c, w in zip((m, g, e), widths, strict=True))
            lines.append(f"{cells}  {d:+.2f}  {q:.2g}")
    return lines


def _num(x: float) -> str:
    """A short number: thousands without decimals, smaller values to 3 significant digits."""
    return f"{x:,.0f}" if abs(x) >= 1000 else f"{x:.3g}"


def run(args: argparse.Namespace) -> int:
    import pandas as pd

    from framing.compare import compare_outlets
    from framing.features import extract_features

    keys = [k for k in (args.by, args.within, args.over) if k]
    df = read_corpus(args, require=keys)
    feats = extract_features(df, args.features, progress=sys.stderr.isatty())
    table = compare_outlets(
        pd.concat([df[keys], feats], axis=1),
        args.by,
        measures=list(feats.columns),
        within=args.within,
        over=args.over,
        n_boot=args.n_boot,
        ci=args.ci,
        seed=args.seed,
    )
    index = ["group", "measure", "month"] if args.over else ["group", "measure"]
    write_table(table.set_index(index), args.output)
    print(f"wrote {len(table):,} rows to {args.output} ({table.attrs['method']})", file=sys.stderr)
    if not args.over:
        print("\n".join(summary(table, args.top)))
    return 0
