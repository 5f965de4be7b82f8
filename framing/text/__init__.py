"""Text engine: normalisation, one-pass tokenising, sentences and the shared count matrix.

A corpus is tokenised once per run. The engine's modules, each re-exported here:

* :mod:`framing.text.normalise`: :func:`tidy`, the clean-up applied once at load time, and
  :func:`fold` and :func:`lower_folded`, which keep every offset;
* :mod:`framing.text.scan`: the word pattern :data:`WORD`, :func:`tokens`, vectorised token
  offsets and keys over code points, white-space runs (:class:`Blanks`) and UTF-8 byte
  offsets (:class:`Utf8`);
* :mod:`framing.text.segment`: sentence breaks, :func:`sentences` and :func:`paragraphs`;
* :mod:`framing.text.docs`: :class:`Docs`, a batch tokenised once and shared by every
  feature family, and :func:`count_matrix`;
* :mod:`framing.text.gate`: cheap scans that find where a long alternation of regular
  expressions can match.

Examples
--------
>>> from framing.text import Docs, tokens, sentences
>>> tokens("Putin’s war – a “tragedy”")
['putin', 'war', 'a', 'tragedy']
>>> d = Docs(["No to war!", "War is a tragedy for all of us."])
>>> d.n_tokens.tolist()
[3, 8]
>>> int(d.counts[:, d.vocabulary["war"]].sum())
2
"""

from framing.text.docs import BATCH, Docs, count_matrix
from framing.text.normalise import fold, lower_folded, tidy
from framing.text.scan import (
    WORD,
    Blanks,
    Utf8,
    by_prefix,
    char_table,
    code_points,
    sorted_unique,
    term,
    token_keys,
    token_spans,
    tokens,
    word_bounds,
)
from framing.text.segment import paragraphs, sentence_breaks, sentences

__all__ = [
    "BATCH",
    "WORD",
    "Blanks",
    "Docs",
    "Utf8",
    "char_table",
    "code_points",
    "count_matrix",
    "fold",
    "lower_folded",
    "paragraphs",
    "sentence_breaks",
    "sentences",
    "by_prefix",
    "sorted_unique",
    "term",
    "tidy",
    "token_keys",
    "token_spans",
    "tokens",
    "word_bounds",
]
