"""The record of the frame cues of a batch of texts: every hit once, counts and spans from it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from framing.measures.frames.codebook import CUES, CURRENCY, MAGNITUDES
from framing.text import Docs

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Mapping, Sequence

    import numpy as np

    from framing.measures.lexicons import Lexicon
    from framing.measures.loaded import Analysis

CUE_NAMES = tuple(CUES)
"""The cues in the order of :attr:`Record.cue` indices and of :meth:`Record.counts` columns."""


@cache
def lexicon() -> Lexicon:
    """The shipped ``frames`` lexicon: one category a cue (all cues but ``amount``)."""
    from framing.measures.lexicons import load_lexicon

    lex = load_lexicon("frames")
    unknown = set(lex.categories) - set(CUE_NAMES)
    if unknown:  # pragma: no cover - a shipped-data error
        raise ValueError(f"frames lexicon categories without a cue: {sorted(unknown)}")
    return lex


@dataclass
class Record:
    """Every cue hit of a batch of texts, one a row, offsets in ``docs.joined``.

    ``counted`` is whether the hit counts: not in a span left out (clutter) and in the voice
    its cue counts in (:attr:`Cue.voice <framing.measures.frames.codebook.Cue>`).
    """

    docs: Docs
    start: np.ndarray
    end: np.ndarray
    doc: np.ndarray
    cue: np.ndarray  # index into CUE_NAMES
    quoted: np.ndarray
    counted: np.ndarray

    def counts(self) -> np.ndarray:
        """Counted hits per text and cue: ``(n_texts, len(CUE_NAMES))``."""
        import numpy as np

        key = self.doc[self.counted] * len(CUE_NAMES) + self.cue[self.counted]
        size = len(self.docs) * len(CUE_NAMES)
        return np.bincount(key, minlength=size).reshape(len(self.docs), len(CUE_NAMES))

    def rows(self, i: int) -> list[tuple[int, int, str, bool]]:
        """The counted hits of text ``i``: ``(start, end, cue, quoted)``, offsets in that
        text, in text order."""
        import numpy as np

        at = np.flatnonzero((self.doc == i) & self.counted)
        at = at[np.lexsort((self.cue[at], -self.end[at], self.start[at]))]
        base = int(self.docs.offsets[i])
        return [
            (
                int(self.start[k]) - base,
                int(self.end[k]) - base,
                CUE_NAMES[self.cue[k]],
                bool(self.quoted[k]),
            )
            for k in at
        ]


def _matches(docs: Docs, lex: Lexicon, cue_of: np.ndarray) -> list[tuple[np.ndarray, ...]]:
    """Word and phrase matches of ``lex`` in ``docs``: (starts, ends, cue) arrays, the cue
    of each match being ``cue_of`` its category."""
    import numpy as np

    token, category, _ = lex.token_hits(docs)
    parts: list[tuple[np.ndarray, ...]] = [
        (docs.token_starts[token], docs.token_ends[token], cue_of[category])
    ]
    found = lex.find_phrases(docs.joined, docs.low_utf8)
    if found:
        s, e, c, _ = (np.array(x) for x in zip(*found, strict=True))
        parts.append((s, e, cue_of[c]))
    return parts


def amounts(docs: Docs) -> tuple[np.ndarray, np.ndarray]:
    """Offsets of the money amounts in ``docs.joined``: a number token right after a
    currency sign (one space between allowed), with a magnitude word that follows it.

    Examples
    --------
    >>> d = Docs(["It cost $3 billion, not € 40 or 5 dollars."])
    >>> [d.joined[a:b] for a, b in zip(*amounts(d))]
    ['$3 billion', '€ 40']
    """
    import numpy as np

    codes, starts, ends = docs.codes, docs.token_starts, docs.token_ends
    # number tokens (a digit first) after a currency sign, a space between allowed
    first = codes[starts]
    number = np.flatnonzero((first >= 48) & (first <= 57) & (starts >= 1))
    sign_at = starts[number] - 1
    spaced = (codes[sign_at] == 32) & (sign_at >= 1)
    sign_at[spaced] -= 1
    hit = np.isin(codes[sign_at], [ord(c) for c in CURRENCY])
    number, sign_at = number[hit], sign_at[hit]
    end = ends[number]
    # a magnitude word right after the number belongs to the amount
    after = number + 1
    ok = np.flatnonzero(after < len(starts))
    grow = ok[
        docs.has_term(MAGNITUDES)[docs.token_columns[after[ok]]]
        & (starts[after[ok]] - end[ok] <= 1)
    ]
    end[grow] = ends[after[grow]]
    return sign_at.astype(np.int64), end.astype(np.int64)


def analyse(
    texts: Docs | Sequence[str],
    skip: Sequence[Sequence[Any]] | None = None,
    *,
    pieces: Analysis | None = None,
    extra: Mapping[str, Lexicon] | None = None,
) -> Record:
    """Find every cue of the frames codebook in a batch of texts, once.

    Parameters
    ----------
    texts : framing.text.Docs or sequence of str
        The texts; pass the :class:`~framing.text.Docs` other families use, so that the
        batch is tokenised once.
    skip : sequence of lists of spans, optional
        For each text, spans left out of every count (the body's clutter).
    pieces : framing.measures.loaded.Analysis, optional
        The loaded-language analysis of the same ``Docs`` and ``skip``: its quotation and
        left-out pieces are reused instead of cut again.
    extra : dict of cue name -> Lexicon, optional
        Lexicons of your own whose matches (any category) count as further hits of a cue,
        such as the Moral Foundations Dictionary as ``moral`` vocabulary.

    Examples
    --------
    >>> r = analyse(['Critics blamed the government. "My children cried," she said.'])
    >>> [(cue, q) for _, _, cue, q in r.rows(0)]
    [('reproach', False), ('sides', False), ('reproach', False), ('government', False), ('voice', True), ('person', True), ('emotion', True)]
    >>> dict(zip(CUE_NAMES, r.counts()[0].tolist()))["reproach"]
    2
    """
    import numpy as np

    from framing.measures.loaded.quotes import cut_pieces

    docs = texts if isinstance(texts, Docs) else Docs(texts)
    if pieces is not None and pieces.docs is docs and pieces.starts is not None:
        starts, quoted, left_out = pieces.starts, pieces.quoted, ~pieces.kept
    else:
        starts, quoted, left_out = cut_pieces(docs, skip)
    lex = lexicon()
    parts = _matches(docs, lex, np.array([CUE_NAMES.index(c) for c in lex.categories]))
    for name, own in (extra or {}).items():
        if name not in CUES:
            raise ValueError(f"no cue called {name!r}; cues: {', '.join(CUE_NAMES)}")
        parts += _matches(docs, own, np.full(len(own.categories), CUE_NAMES.index(name)))
    s, e = amounts(docs)
    parts.append((s, e, np.full(len(s), CUE_NAMES.index("amount"))))
    start, end, cue = (np.concatenate(x).astype(np.int64) for x in zip(*parts, strict=True))
    piece = np.searchsorted(starts, start, "right") - 1
    voice = np.array([CUES[c].voice for c in CUE_NAMES])[cue]
    in_quote = quoted[piece]
    counted = ~left_out[piece] & ((voice == "any") | ((voice == "quoted") == in_quote))
    return Record(docs, start, end, docs.text_of(start), cue, in_quote, counted)
