"""Loaded language, subjectivity and sourcing: one analysis of each text, and its evidence.

A text is cut once into *segments*: the pieces of its sentences that lie inside or outside
quotation marks. Every segment is tokenised once into one shared count matrix; all
lexicons (merged into one) are scored as a single sparse product over it, and the phrase
entries in one Aho-Corasick pass. Article measures are sums of segment measures over the
outlet's own voice (outside quotes) or over the quoted voice.

* Quotation marks: straight, curly and guillemet double quotes, and curly single quotes
  (``‘high alert’``). A paragraph that opens a quote and does not close it is quoted to its
  end (the convention for quotes running over several paragraphs).
* Negation: up to three words after ``not``, ``no``, ``never``, ``n't`` ... (stopping at
  punctuation) are marked; their polarity flips (opinion words) or is scaled by VADER's
  -0.74 (valences).
* Emphasis: a word in capitals (``AND``, ``NEVER``) counts when it is an ordinary word in
  lower case (so not an acronym such as NATO or OVD), is not a label (``JUST IN:``,
  ``[VIDEO]``), has no capital word beside it (``RISK FOR TURKEY``, ``MUST WATCH`` are
  headings), and stands in a segment that is not itself mostly capitals (an all-caps text
  shouts everywhere, so it emphasises nothing in particular: counted 0).

Examples
--------
>>> from framing.measures.loaded import loaded_spans, quote_spans
>>> t = 'Police clashed with protesters. "It was utter chaos," she said.'
>>> [(s.kind, s.text) for s in loaded_spans(t)]
[('conflict', 'clashed'), ('absolute', 'utter chaos'), ('assertive', 'said'), ('report', 'said')]
>>> [t[s:e] for s, e in quote_spans(t)]
['"It was utter chaos,"']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from framing.measures.lexicons import is_word
from framing.spans import Span
from framing.text import WORD, Docs, sorted_unique, term

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["loaded_spans", "quote_spans", "segments", "analyse", "Analysis", "WEIGHTS"]

# --- quotation ------------------------------------------------------------------------

_SINGLE_QUOTE = re.compile(r"‘[^‘’\n]*(?:’\w[^‘’\n]*)*’(?!\w)")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (the marks included), in order.

    Examples
    --------
    >>> t = 'He said: “Stop.\\n“We must go on.”\\nThen ‘high alert’ and "ok".'
    >>> [t[s:e] for s, e in quote_spans(t)]
    ['“Stop.', '“We must go on.”', '‘high alert’', '"ok"']
    """
    return _quotes(Docs([text]))


def _quotes(docs: Docs) -> list[tuple[int, int]]:
    """:func:`quote_spans` of the joined texts of ``docs`` (texts end at line breaks)."""
    import numpy as np

    lc = docs.low_codes
    marks = np.flatnonzero(lc == 34)  # every double quotation mark, once folded
    spans: list[tuple[int, int]] = []
    if len(marks):
        # pair the marks within each paragraph (line); an odd last one runs to the line end
        breaks = np.flatnonzero(lc == 10)
        line = np.searchsorted(breaks, marks)
        first = np.r_[True, line[1:] != line[:-1]]
        group_start = np.maximum.accumulate(np.where(first, np.arange(len(marks)), 0))
        opening = (np.arange(len(marks)) - group_start) % 2 == 0
        nxt = np.r_[marks[1:], -1]
        same_line = np.r_[line[1:] == line[:-1], False]
        line_end = np.r_[breaks, len(lc)][line]
        starts, ends = marks[opening], np.where(same_line, nxt + 1, line_end)[opening]
        _, ends = docs.blanks.trim(starts, ends)  # a quote running to the line end
        spans = list(zip(starts.tolist(), ends.tolist(), strict=True))
    return _single_quotes(docs.joined, spans)


def _single_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if "‘" in text:
        starts = [s for s, _ in spans]
        for m in _SINGLE_QUOTE.finditer(text):
            if m.start() and is_word(text[m.start() - 1]):
                continue
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or m.start() >= spans[i][1]:
                spans.append(m.span())
        spans.sort()
    return spans


def _inside(points: np.ndarray, spans: np.ndarray) -> np.ndarray:
    """Whether each offset lies in one of the sorted, disjoint ``spans`` (n x 2)."""
    import numpy as np

    if not len(spans):
        return np.zeros(len(points), dtype=bool)
    at = np.searchsorted(spans[:, 0], points, "right") - 1
    return (at >= 0) & (points < spans[np.maximum(at, 0), 1])


def _pieces(docs: Docs, skip=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cut the joined texts of ``docs`` into sentences, and those at quotation edges.

    ``skip`` holds, for each text, spans ``(start, end)`` (or :class:`Span`) to leave out
    of every measure (the clutter of a body): they are cut out as pieces of their own.
    Returns each piece's start in :attr:`Docs.joined` (a piece runs to the next start),
    whether it is quoted, and whether it is left out.
    """
    import numpy as np

    quotes = np.array(_quotes(docs), dtype=np.int64).reshape(-1, 2)
    left_out = [
        (base + sp[0], base + sp[1])
        for base, spans in zip(docs.offsets.tolist(), skip or (), strict=False)
        for sp in ((x.start, x.end) if isinstance(x, Span) else x for x in spans)
    ]
    left_out = np.array(left_out, dtype=np.int64).reshape(-1, 2)
    cuts = np.r_[docs.offsets[:-1], docs.sentence_breaks, quotes.ravel(), left_out.ravel()]
    starts = sorted_unique(cuts[cuts < len(docs.joined)])
    return starts, _inside(starts, quotes), _inside(starts, left_out)


def segments(text: str) -> list[tuple[int, int, bool]]:
    """Sentence pieces ``(start, end, quoted)``: sentences cut at quotation boundaries.

    Examples
    --------
    >>> t = 'Police came. "Go home," they said.'
    >>> [(t[s:e], q) for s, e, q in segments(t)]
    [('Police came.', False), ('"Go home,"', True), ('they said.', False)]
    """
    docs = Docs([text])
    starts, quoted, _ = _pieces(docs)
    s, e = docs.blanks.trim(starts, [*starts[1:], len(text)])
    keep = s < e
    return list(zip(s[keep].tolist(), e[keep].tolist(), quoted[keep].tolist(), strict=True))


# --- negation and emphasis ------------------------------------------------------------

_NEGATORS = frozenset(
    """not no never nor cannot without nobody nothing neither ain't aren't can't couldn't
    didn't doesn't don't hadn't hasn't haven't isn't mightn't mustn't needn't shan't
    shouldn't wasn't weren't won't wouldn't""".split()
)


def _gaps_blank(docs: Docs, after: np.ndarray) -> np.ndarray:
    """Whether only spaces and tabs stand between token ``i`` and token ``i + 1``."""
    import numpy as np

    a, b = docs.token_ends[after], docs.token_starts[after + 1]
    ok = np.isin(docs.low_codes[a], (32, 9))
    for i in np.flatnonzero(ok & (b - a > 1)).tolist():
        ok[i] = not docs.low[a[i] : b[i]].strip(" \t")
    return ok


def _negation_scopes(docs: Docs) -> np.ndarray:
    """Indices of the tokens inside a negation scope (see :func:`negation_scopes`)."""
    import numpy as np

    negator = docs.has_term(_NEGATORS)
    at = np.flatnonzero(negator[docs.token_columns])
    scope = []
    for _ in range(3):  # up to three words on, while only spaces separate them
        at = at[at + 1 < len(docs.token_starts)]
        at = at[_gaps_blank(docs, at)] + 1
        scope.append(at)
    return np.concatenate(scope)


def negation_scopes(text: str) -> list[tuple[int, str]]:
    """``(offset, term)`` of the up-to-three words after each negator.

    A scope stops at punctuation. Negators: not, no, never, nor, cannot, without,
    nobody, nothing, neither and the ``n't`` contractions (:data:`_NEGATORS`).

    Examples
    --------
    >>> [t for _, t in negation_scopes("Not bad. It was not a good idea, but fine. Don't go")]
    ['bad', 'a', 'good', 'idea', 'go']
    """
    import numpy as np

    docs = Docs([text])
    at = np.sort(_negation_scopes(docs))
    terms = docs.terms[docs.token_columns[at]]
    return list(zip(docs.token_starts[at].tolist(), terms.tolist(), strict=True))


_CAPS = re.compile(r"(?<![\w\[])[A-Z][A-Z']*[A-Z](?![\w\]])")
_LABEL_AFTER = re.compile(r"(?:\s+[A-Z][A-Z']*[A-Z])*\s*:")
_UPPER_WORD = re.compile(r"\b[A-Z][A-Z']*[A-Z]\b")
# a capital word next to another one is part of a heading, label or shout, not emphasis
_CAPS_NEXT = re.compile(r"[ \t-]+[A-Z]+\b")
_CAPS_BEFORE = re.compile(r"\b[A-Z]+[ \t-]+$")
_COMMON = frozenset(
    """a about above after again against all also always am an and any anyone anything are
    as at away back bad be because been before being best better big both but by can come
    could day did do does done down each else enough even ever every everyone everything
    false far few first for from get give go going gone good got great had has have he her
    here him his how huge i if in into is it its just keep know last least less like little
    long lot lots made make many may me more most much must my need never new next no none
    nor not nothing now of off old on once one only or other our out over own please real
    really right same say see she should so some still stop such sure than that the their
    them then there these they thing things this those though through to too total true
    truly under until up us very want was way we well were what when where which while who
    whole why will with without won't wrong yes yet you your""".split()
) - {"us", "am", "it", "i", "a"}


@cache
def _emphatic_words() -> frozenset[str]:
    from framing.measures.lexicons import load_lexicon

    words = set(_COMMON)
    for name in ("intensifiers", "absolutes", "emotive", "pejoratives", "conflict", "opinion"):
        words.update(p for p, _, _ in load_lexicon(name).entries if p.isalpha())
    return frozenset(words)


def emphasis_spans(text: str) -> list[tuple[int, int]]:
    """Words in capitals used for emphasis (see the module notes for the rule).

    Examples
    --------
    >>> t = "EU cracks down on Russia AND Belarus, NATO says. JUST IN: a [VIDEO]"
    >>> [t[s:e] for s, e in emphasis_spans(t)]
    ['AND']
    >>> emphasis_spans("THIS IS NOT A DRILL AND WE MEAN IT")
    []
    >>> emphasis_spans("RISK FOR TURKEY and MUST WATCH videos, but we will NEVER stop")
    [(51, 56)]
    """
    if not _UPPER_WORD.search(text):
        return []
    caps = len(_UPPER_WORD.findall(text))
    if caps >= 3 and caps * 2 > len(WORD.findall(text)):  # shouting, not emphasis
        return []
    words = _emphatic_words()
    out = []
    for m in _CAPS.finditer(text):
        if (
            m.group().lower() in words
            and not _LABEL_AFTER.match(text, m.end())
            and not _CAPS_NEXT.match(text, m.end())
            and not _CAPS_BEFORE.search(text, max(0, m.start() - 40), m.start())
        ):
            out.append(m.span())
    return out


_EXCLAIM = re.compile(r"!+")


# --- named attributions ---------------------------------------------------------------

_REPORT_VERBS = ("said", "says", "told", "tells", "added", "adds", "explained", "wrote",
                 "writes", "tweeted", "stated", "warned", "argued", "claimed", "insisted",
                 "noted", "asked")  # fmt: skip
_NAME = r"[A-Z][\w'’.-]+(?:[ \t]+(?:de |van |von |al-)?[A-Z][\w'’-]+)+"
_NAME_BEFORE = re.compile(rf"{_NAME}(?:,[^,\n\"“”]{{1,100}},)?[ \t]+$")
_NAME_AFTER = re.compile(rf"[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{_NAME}")


def _named(docs: Docs) -> list[int]:
    """Offsets in :attr:`Docs.joined` of named attributions (:func:`named_attributions`)."""
    import numpy as np

    text, lc, cols = docs.joined, docs.low_codes, docs.token_columns
    starts, ends = docs.token_starts, docs.token_ends
    verb = docs.has_term((*_REPORT_VERBS, "according"))
    at = np.flatnonzero(verb[cols])
    according = docs.terms[cols[at]] == "according"
    # "according to": the next token is "to", one space on
    to = at[according]
    to = to[(to + 1 < len(starts))]
    to = to[(docs.terms[cols[to + 1]] == "to") & (starts[to + 1] - ends[to] == 1)]
    to = to[lc[ends[to]] == 32]
    first = np.r_[at[~according], to]
    last = np.r_[at[~according], to + 1]
    order = np.argsort(first)
    first, last = first[order], last[order]
    begin, stop = starts[first], ends[last]
    lead = begin > 0
    lead[lead] = np.isin(lc[begin[lead] - 1], (32, 10, 34))
    tail = stop < len(lc)
    tail[tail] = np.isin(lc[stop[tail]], (32, 9, 44, 58))
    # a name can end just before the verb only after a capitalised word or a comma
    # (the end of an apposition): "he said" and "officials said" need no search
    before = first[first == last]
    before = before[(before > 0) & (starts[before] >= 2)]
    prev_char = lc[starts[before] - 2]
    word = before - 1  # the word before the verb, part by part ("Kye-gwan", "al-Assad")
    possible = prev_char == 44
    for _ in range(3):
        capital = docs.codes[starts[word]]
        possible |= (capital >= 65) & (capital <= 90)
        joined = (word > 0) & (starts[word] - ends[np.maximum(word - 1, 0)] == 1)
        word = word - (joined & np.isin(lc[starts[word] - 1], (45, 39)))
    name_before = np.zeros(len(first), dtype=bool)
    name_before[np.searchsorted(first, before[possible])] = True
    out = []
    keep = lead & tail
    for b, e, named_before in zip(
        begin[keep].tolist(), stop[keep].tolist(), name_before[keep].tolist(), strict=True
    ):
        if _NAME_AFTER.match(text, e) or (
            named_before and _NAME_BEFORE.search(text, max(0, b - 160), b)
        ):
            out.append(b)
    return out


def named_attributions(text: str) -> list[int]:
    """Offsets of named attributions: a name of two or more capitalised words next to a
    report verb ("Olga Mikheeva, who ..., said"; "said 48-year-old Dmitry Maltsev";
    "according to Hanna Liubakova").

    Examples
    --------
    >>> t = 'Olga Mikheeva, who protested, said: "No." "Yes," said Dmitry Maltsev.'
    >>> [t[i : i + 4] for i in named_attributions(t)]
    ['said', 'said']
    >>> named_attributions("Officials said it was calm.")
    []
    """
    return _named(Docs([text]))


# --- the analysis ---------------------------------------------------------------------

# lexicon name -> (category in that lexicon -> measure name)
_MEASURES = {
    "opinion": {"negative": "negative", "positive": "positive"},
    "vader": {"valence": "valence"},
    "intensifiers": {"intensifiers": "intensifier", "hyperbole": "intensifier"},
    "pejoratives": {"pejoratives": "pejorative"},
    "conflict": {"conflict": "conflict"},
    "absolutes": {"absolutes": "absolute"},
    "emotive": {"emotive": "emotive"},
    "bias": {"bias": "bias"},
    "hedges": {"hedges": "hedge"},
    "factives": {"factives": "factive"},
    "assertives": {"assertives": "assertive"},
    "implicatives": {"implicatives": "implicative"},
    "report_verbs": {"report_verbs": "report"},
    "anonymous_sources": {"anonymous_sources": "anonymous"},
}
LOADED_KINDS = ("pejorative", "emotive", "conflict", "intensifier", "absolute", "negative",
                "positive")  # fmt: skip
"""Span kinds of loaded language, in order of precedence when a word has several."""

WEIGHTS = {
    "negative": 0.25,
    "positive": 0.35,
    "intensifier": 1.5,
    "pejorative": 1.0,
    "conflict": 0.5,
    "absolute": 2.0,
    "emotive": 0.5,
    "emphasis": 0.5,
    "exclamation": 1.0,
    "strong_valence": 0.35,
}
"""Weights of the per-token measures summed into ``loaded_language``.

A non-negative logistic fit of opinion vs news on the development half of the AllSides
labels (``benchmarks/loaded_validation.py``), rounded; conflict, emotive and emphasis got
no weight from that fit (news copy uses them as much as opinion does) and are kept at 0.5
by choice, since they are loaded whatever the section.
"""
INTENSIFIED = 0.5
"""Extra weight of each loaded word in a sentence piece that also holds an intensifier."""


@cache
def lexicon():
    """All shipped lexicons the analysis uses, merged into one (categories ``name.cat``)."""
    from framing.measures.lexicons import load_lexicon

    lexicons = [load_lexicon(name) for name in _MEASURES]
    return lexicons[0].merge(*lexicons[1:], name="loaded")


@cache
def _columns() -> tuple[tuple[str, ...], dict[str, list[int]]]:
    """Measure name of each merged category, and measure -> column indices."""
    names = []
    for cat in lexicon().categories:
        lex, _, c = cat.partition(".")
        names.append(_MEASURES[lex][c])
    index: dict[str, list[int]] = {}
    for i, n in enumerate(names):
        index.setdefault(n, []).append(i)
    return tuple(names), index


def _negation_transform():
    """K x K matrix applied to negated terms: swap polarity, scale valence by -0.74."""
    import numpy as np

    names, index = _columns()
    t = np.eye(len(names))
    neg, pos = index["negative"][0], index["positive"][0]
    t[[neg, pos], :] = t[[pos, neg], :]
    t[index["valence"][0], index["valence"][0]] = -0.74
    return t


@dataclass
class Analysis:
    """Per-piece measures of a batch of texts (built by :func:`analyse`)."""

    n_texts: int
    doc: np.ndarray  # text index of each piece
    quoted: np.ndarray  # bool: piece inside quotation marks
    kept: np.ndarray  # bool: piece counted (not in a span left out, such as clutter)
    measures: dict[str, np.ndarray]  # name -> per-piece counts (also tokens, chars)
    _sums: dict = field(default_factory=dict, repr=False)  # voice -> summing matrix

    @property
    def tokens(self) -> np.ndarray:
        return self.measures["tokens"]

    def _sum(self, quoted: bool | None, with_tokens: bool = False):
        """Sparse (texts x pieces) matrix summing the pieces of one voice, built once."""
        key = (quoted, with_tokens)
        if key not in self._sums:
            import numpy as np
            import scipy.sparse as sp

            keep = self.kept if quoted is None else self.kept & (self.quoted == quoted)
            if with_tokens:
                keep = keep & (self.tokens > 0)
            at = np.flatnonzero(keep)
            shape = (self.n_texts, len(self.doc))
            self._sums[key] = sp.csr_matrix((np.ones(len(at)), (self.doc[at], at)), shape=shape)
        return self._sums[key]

    def total(self, name: str, quoted: bool | None = False) -> np.ndarray:
        """Per-text sum of a measure over outlet voice (False), quotes (True) or all (None)."""
        return self._sum(quoted) @ self.measures[name]

    def rate(self, name: str, quoted: bool | None = False) -> np.ndarray:
        """Per-text measure per 100 tokens of the chosen voice (0 where it has no tokens)."""
        import numpy as np

        n = self.total("tokens", quoted)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(n > 0, 100.0 * self.total(name, quoted) / n, 0.0)

    def mean(self, name: str, quoted: bool | None = False) -> np.ndarray:
        """Per-text mean of a per-piece measure over pieces with tokens."""
        import numpy as np

        pieces = self._sum(quoted, with_tokens=True)
        n = np.diff(pieces.indptr)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(n > 0, (pieces @ self.measures[name]) / n, 0.0)


def analyse(texts, skip=None) -> Analysis:
    """Cut and score a batch of texts once; every measure derives from this.

    Parameters
    ----------
    texts : framing.text.Docs or sequence of str
        The texts; pass the :class:`~framing.text.Docs` other families use, so that the
        batch is tokenised once.
    skip : sequence of lists of spans, optional
        For each text, spans ``(start, end)`` or :class:`~framing.spans.Span` left out of
        every measure (the body's clutter).

    Examples
    --------
    >>> a = analyse(['Chaos! "It was a tragedy," he said.', ""])
    >>> a.rate("loaded").round(1).tolist(), a.rate("loaded", quoted=True).round(1).tolist()
    ([70.0, 0.0], [27.5, 0.0])
    >>> analyse(["Chaos! Advertisement"], skip=[[(0, 6)]]).rate("loaded").tolist()
    [0.0]
    """
    import numpy as np
    import scipy.sparse as sp

    docs = texts if isinstance(texts, Docs) else Docs(texts)
    starts, quoted, left_out = _pieces(docs, skip)
    ends = np.r_[starts[1:], len(docs.joined)]
    lex = lexicon()
    names, index = _columns()
    M = lex.compiled(docs)
    pieces = docs.counts_in(starts)
    counts = pieces @ M
    # negated words: polarity swapped, valence scaled by -0.74
    scope = _negation_scopes(docs)
    if len(scope):
        rows = _piece_of(starts, docs.token_starts[scope])
        shape = (len(starts), len(docs.terms))
        negated = sp.csr_matrix((np.ones(len(scope)), (rows, docs.token_columns[scope])), shape)
        counts = counts + negated @ (M @ sp.csr_matrix(_negation_transform()) - M)
    counts = np.asarray(counts.toarray() if hasattr(counts, "toarray") else counts, float)
    found = np.array(lex.find_phrases(docs.joined, docs.low_utf8), dtype=float).reshape(-1, 4)
    if len(found):
        np.add.at(counts, (_piece_of(starts, found[:, 0]), found[:, 2].astype(int)), found[:, 3])
    measures = {n: counts[:, cols].sum(axis=1) for n, cols in index.items()}
    # strong valence: VADER words with |valence| >= 2, counted (not summed)
    strong = np.abs(M[:, index["valence"][0]].toarray().ravel()) >= 2.0
    measures["strong_valence"] = pieces @ strong.astype(float)
    measures["emphasis"] = _emphasis(docs, starts, ends)
    bang = docs.low_codes == 33  # "!": a run counts once
    measures["exclamation"] = _per_piece(starts, np.flatnonzero(bang & ~np.r_[False, bang[:-1]]))
    measures["named"] = _per_piece(starts, _named(docs))
    measures["tokens"] = np.diff(pieces.indptr).astype(float)
    measures["chars"] = docs.blanks.visible(starts, ends).astype(float)
    measures["loaded"] = _loaded(measures)
    measures["sentiment"] = _compound(measures["valence"], measures["exclamation"])
    return Analysis(
        n_texts=len(docs),
        doc=docs.text_of(starts),
        quoted=quoted,
        kept=~left_out,
        measures=measures,
    )


def _emphasis(docs: Docs, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Emphatic capitals per piece: :func:`emphasis_spans` run only on the pieces holding an
    emphatic word with two capitals in a row."""
    import numpy as np

    codes = docs.codes
    upper = (codes >= 65) & (codes <= 90)
    pairs = np.flatnonzero(upper[:-1] & upper[1:])
    token = np.searchsorted(docs.token_starts, pairs, "right") - 1
    emphatic = docs.has_term(_emphatic_words())
    token = token[emphatic[docs.token_columns[np.maximum(token, 0)]] & (token >= 0)]
    out = np.zeros(len(starts))
    text = docs.joined
    for i in sorted_unique(_piece_of(starts, docs.token_starts[token])).tolist():
        out[i] = len(emphasis_spans(text[starts[i] : ends[i]]))
    return out


def _piece_of(starts: np.ndarray, offsets) -> np.ndarray:
    """Index of the piece (pieces begin at sorted ``starts``) holding each offset."""
    import numpy as np

    return np.searchsorted(starts, np.asarray(offsets, dtype=np.int64), "right") - 1


def _per_piece(starts: np.ndarray, offsets) -> np.ndarray:
    """How many of the character ``offsets`` fall in each piece (pieces begin at ``starts``)."""
    import numpy as np

    return np.bincount(_piece_of(starts, offsets), minlength=len(starts)).astype(float)


def _loaded(m: dict[str, np.ndarray]) -> np.ndarray:
    """Weighted loaded-word mass of each segment, with intensifier scope."""
    import numpy as np

    mass = sum(w * m[k] for k, w in WEIGHTS.items())
    others = mass - WEIGHTS["intensifier"] * m["intensifier"]
    # an intensifier next to loaded words amplifies them (scope: the sentence piece)
    return mass + INTENSIFIED * np.minimum(m["intensifier"], 2) * (others > 0) * others / 2


def _compound(valence: np.ndarray, exclaim: np.ndarray) -> np.ndarray:
    """VADER's compound normalisation of a valence sum, with its ``!`` amplifier."""
    import numpy as np

    s = valence + np.sign(valence) * 0.292 * np.minimum(exclaim, 4)
    return s / np.sqrt(s * s + 15.0)


# --- evidence -------------------------------------------------------------------------

_MERGE_GAP = re.compile(r"\s*(?:,|\band\b|\bor\b)?\s*", re.I)


def loaded_spans(text: str) -> list[Span]:
    """Every word or phrase that drove a loaded, voice or sourcing measure in ``text``.

    Kinds: ``pejorative``, ``emotive``, ``conflict``, ``intensifier``, ``absolute``,
    ``negative``, ``positive`` (loaded words: a word in several lists takes the first kind
    in that order, the others go in ``label``), ``emphasis``, ``exclamation``, ``hedge``,
    ``factive``, ``assertive``, ``implicative``, ``report``, ``anonymous``. Loaded words
    next to each other, or joined by ``and``, ``or`` or a comma, form one span
    ("bloody monster", "chaotic and violent"). ``label`` ends in ``quoted`` for spans
    inside quotation marks (the source's voice, not the outlet's).

    Examples
    --------
    >>> [(s.kind, s.text) for s in loaded_spans("A brutal, chaotic crackdown. NO!")]
    [('emotive', 'brutal, chaotic crackdown'), ('emphasis', 'NO'), ('exclamation', '!')]
    """
    if not isinstance(text, str) or not text:
        return []
    lex = lexicon()
    names, _ = _columns()
    quotes = quote_spans(text)
    words = [(m.start(), m.end(), term(m.group().lower())) for m in WORD.finditer(text)]
    vocab = {t: i for i, t in enumerate(dict.fromkeys(t for _, _, t in words))}
    M = lex.matrix(vocab).tocsr()
    hits: list[tuple[int, int, list[str]]] = []
    for s, e, t in words:
        row = vocab[t]
        kinds = [names[c] for c in M.indices[M.indptr[row] : M.indptr[row + 1]]]
        if kinds:
            hits.append((s, e, kinds))
    for s, e, c, _ in lex.find_phrases(text):
        hits.append((s, e, [names[c]]))
    spans: list[tuple[int, int, str, str]] = []
    for s, e, kinds in sorted(hits):
        kinds = [k for k in dict.fromkeys(kinds) if k not in ("valence", "bias")]
        loaded = [k for k in LOADED_KINDS if k in kinds]
        other = [k for k in kinds if k not in LOADED_KINDS]
        for kind in ([loaded[0]] if loaded else []) + other:
            label = ",".join(loaded[1:]) if kind == (loaded[:1] or [None])[0] else ""
            spans.append((s, e, kind, label))
    spans += [(s, e, "emphasis", "") for s, e in emphasis_spans(text)]
    spans += [(m.start(), m.end(), "exclamation", "") for m in _EXCLAIM.finditer(text)]
    spans = _merge(text, sorted(spans))
    starts = [s for s, _ in quotes]
    out = []
    for s, e, kind, label in spans:
        i = bisect_right(starts, s) - 1
        if i >= 0 and s < quotes[i][1]:
            label = f"{label},quoted" if label else "quoted"
        out.append(Span.at(text, s, e, kind, label))
    return out


def _merge(text, spans):
    """Join loaded spans that touch or are joined by 'and', 'or' or a comma."""
    out: list[tuple[int, int, str, str]] = []
    for s, e, kind, label in spans:
        if out and kind in LOADED_KINDS and out[-1][2] in LOADED_KINDS and out[-1][1] <= s:
            ps, pe, pkind, plabel = out[-1]
            gap = _MERGE_GAP.fullmatch(text, pe, s)
            if gap:
                extra = ",".join(x for x in (plabel, kind, label) if x and x != pkind)
                out[-1] = (ps, e, pkind, ",".join(dict.fromkeys(extra.split(","))).strip(","))
                continue
        if out and out[-1][:3] == (s, e, kind):
            continue
        out.append((s, e, kind, label))
    return out
