"""Hostile text under a memory limit: memory stays proportional to the text, whatever its
shape (issue 18, finding 1)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

LIMIT = 3 * 2**30  # bytes of address space: the interpreter, numpy and scikit-learn fit


def _under_limit(code: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter whose address space is capped at LIMIT."""
    prelude = textwrap.dedent(
        f"""
        import os, resource
        os.environ["OPENBLAS_NUM_THREADS"] = "1"  # each BLAS thread reserves address space
        resource.setrlimit(resource.RLIMIT_AS, ({LIMIT}, {LIMIT}))
        """
    )
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux")
def test_one_long_word_fits_in_memory():
    # a 100,000-letter "word" once sized every slot of the vocabulary array (6-12 GB)
    run = _under_limit(
        """
        import framing
        spans = framing.loaded_spans("a" * 100_000)
        df = framing.load_sample().head(60)
        df.loc[df.index[0], "body"] = "x" * 100_000 + " and the brutal regime."
        features = framing.extract_features(df)
        print(len(spans), len(features), int(features["style_words"].iloc[0]))
        """
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["0", "60", "5"]
