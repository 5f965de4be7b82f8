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
>>> from framing.loaded import loaded_spans, quote_spans
>>> t = 'Police clashed with protesters. "It was utter chaos," she said.'
>>> [(s.kind, s.text) for s in loaded_spans(t)]
[('conflict', 'clashed'), ('absolute', 'utter chaos'), ('assertive', 'said'), ('report', 'said')]
>>> [t[s:e] for s, e in quote_spans(t)]
['"It was utter chaos,"']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from framing.lexicons import _is_word, lower_folded
from framing.spans import Span
from framing.text import _ABBREVIATIONS, WORD, Docs, term

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["loaded_spans", "quote_spans", "segments", "analyse", "Analysis", "WEIGHTS"]

# --- quotation ------------------------------------------------------------------------

_SINGLE_QUOTE = re.compile(r"‘[^‘’\n]*(?:’\w[^‘’\n]*)*’(?!\w)")
_SPACE_CODES = " \t\n\r\f\v\u00a0\u2009\u202f\u3000"
_QUOTE_CODES = '"“”„‟«»″'


@cache
def _table(chars: str) -> np.ndarray:
    """A boolean lookup table over the Basic Multilingual Plane marking ``chars``."""
    import numpy as np

    table = np.zeros(0x10000, dtype=bool)
    table[[ord(c) for c in chars]] = True
    return table


def _among(codes: np.ndarray, chars: str) -> np.ndarray:
    """Which code points are among ``chars`` (one gather, not a set test per char)."""
    import numpy as np

    return _table(chars)[np.minimum(codes, 0xFFFF)]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (the marks included), in order.

    Examples
    --------
    >>> t = 'He said: “Stop.\\n“We must go on.”\\nThen ‘high alert’ and "ok".'
    >>> [t[s:e] for s, e in quote_spans(t)]
    ['“Stop.', '“We must go on.”', '‘high alert’', '"ok"']
    """
    import numpy as np

    codes = _code_points(text)
    marks = np.flatnonzero(_among(codes, _QUOTE_CODES))
    spans: list[tuple[int, int]] = []
    if len(marks):
        # pair the marks within each paragraph (line); an odd last one runs to the line end
        breaks = np.flatnonzero(codes == 10)
        line = np.searchsorted(breaks, marks)
        first = np.r_[True, line[1:] != line[:-1]]
        group_start = np.maximum.accumulate(np.where(first, np.arange(len(marks)), 0))
        opening = (np.arange(len(marks)) - group_start) % 2 == 0
        nxt = np.r_[marks[1:], -1]
        same_line = np.r_[line[1:] == line[:-1], False]
        line_end = np.r_[breaks, len(text)][line]
        ends = np.where(same_line, nxt + 1, line_end)
        spans = list(zip(marks[opening].tolist(), ends[opening].tolist(), strict=True))
        spans = [(a, _rstrip(text, a, b)) for a, b in spans]
    return _single_quotes(text, spans)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _single_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if "‘" in text:
        starts = [s for s, _ in spans]
        for m in _SINGLE_QUOTE.finditer(text):
            if m.start() and _is_word(text[m.start() - 1]):
                continue
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or m.start() >= spans[i][1]:
                spans.append(m.span())
        spans.sort()
    return spans


_SENTENCE_END = re.compile(r"""[.!?]+['")\]”’]*(?=\s+['"(\[“‘]?[A-Z0-9])""")


@cache
def _word_table() -> np.ndarray:
    """Lookup table over the Basic Multilingual Plane: word characters (and ``.``)."""
    import numpy as np

    return np.array([chr(i).isalnum() or chr(i) in "_." for i in range(0x10000)])


def _cuts(text: str, codes=None) -> tuple[list[int], list[tuple[int, int]]]:
    """Cut points of ``text`` (sentence ends, line breaks, quote edges) and its quotes.

    ``codes`` are the code points of ``text`` as a numpy array, when the caller has them.

    Sentence ends follow :func:`framing.text.sentences` (``.``, ``!``, ``?`` with closing
    quotes before a capital or digit; not after a known abbreviation or an initial).
    """
    import numpy as np

    quotes = quote_spans(text)
    if codes is None:
        codes = _code_points(text)
    found = np.array([m.span() for m in _SENTENCE_END.finditer(text)], dtype=np.int64)
    ends = []
    if len(found):
        at, end = found[:, 0], found[:, 1]
        # the run of word characters and dots before each full stop: an abbreviation?
        wordish = _word_table()[np.minimum(codes, 0xFFFF)]
        last_break = np.maximum.accumulate(np.where(wordish, -1, np.arange(len(codes))))
        begin = last_break[np.maximum(at - 1, 0)] + 1
        ends = [
            e
            for a, b, e in zip(at.tolist(), begin.tolist(), end.tolist(), strict=True)
            if text[a] != "." or (a - b > 1 and text[b:a].lower() not in _ABBREVIATIONS)
        ]
    lines = (np.flatnonzero(codes == 10) + 1).tolist()
    return [0, *ends, *lines, *(x for q in quotes for x in q), len(text)], quotes


def _code_points(text: str) -> np.ndarray:
    """The characters of ``text`` as a numpy array of code points (vectorised scans)."""
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def segments(text: str) -> list[tuple[int, int, bool]]:
    """Sentence pieces ``(start, end, quoted)``: sentences cut at quotation boundaries.

    Examples
    --------
    >>> t = 'Police came. "Go home," they said.'
    >>> [(t[s:e], q) for s, e, q in segments(t)]
    [('Police came.', False), ('"Go home,"', True), ('they said.', False)]
    """
    import numpy as np

    cuts, quotes = _cuts(text)
    cuts = np.unique(cuts)
    starts = np.array([q[0] for q in quotes])
    ends = np.array([q[1] for q in quotes])
    out = []
    for a, b in zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True):
        piece = text[a:b]
        stripped = piece.strip()
        if stripped:
            a += len(piece) - len(piece.lstrip())
            i = np.searchsorted(starts, a, "right") - 1
            out.append((a, a + len(stripped), bool(i >= 0 and a < ends[i])))
    return out


# --- negation and emphasis ------------------------------------------------------------

_NEGATORS = ("not", "no", "never", "nor", "cannot", "without", "nobody", "nothing", "neither")
_SCOPE_WORD = re.compile(r"[ \t]+(\w+(?:'\w+)*)")


@cache
def _negator_automaton():
    import ahocorasick

    auto = ahocorasick.Automaton()
    for w in (*(lead + n for n in _NEGATORS for lead in ' \n"('), "n't"):
        for tail in " \t":  # a scope starts after a space: whole words only, no checks
            auto.add_word(w + tail, len(w))
    auto.make_automaton()
    return auto


def negation_scopes(low: str) -> list[tuple[int, str]]:
    """``(offset, term)`` of the up-to-three words after each negator in lower-cased text.

    A scope stops at punctuation. Negators: not, no, never, nor, cannot, without,
    nobody, nothing, neither and any ``n't`` contraction.

    Examples
    --------
    >>> [t for _, t in negation_scopes("not bad. it was not a good idea, but fine. don't go")]
    ['bad', 'a', 'good', 'idea', 'go']
    """
    out = []
    low = " " + low  # a negator opening the text has a space before it too
    for end, _ in _negator_automaton().iter(low):
        pos = end
        for _ in range(3):
            m = _SCOPE_WORD.match(low, pos)
            if not m:
                break
            out.append((m.start(1) - 1, term(m.group(1))))
            pos = m.end()
    return out


def _negated_counts(low: str, starts, vocabulary: dict[str, int]):
    """Sparse (pieces x vocabulary) counts of the words inside negation scopes."""
    import numpy as np
    import scipy.sparse as sp

    rows, cols = [], []
    for offset, t in negation_scopes(low):
        j = vocabulary.get(t)
        if j is not None:
            rows.append(offset)
            cols.append(j)
    rows = np.searchsorted(starts, np.array(rows, dtype=np.int64), "right") - 1
    shape = (len(starts), len(vocabulary))
    return sp.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=shape)


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
    from framing.lexicons import load_lexicon

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


@cache
def _report_automaton():
    import ahocorasick

    auto = ahocorasick.Automaton()
    for verb in (*_REPORT_VERBS, "according to"):
        for lead in ' \n"':
            for tail in " \t,:":
                auto.add_word(lead + verb + tail, (len(verb) + 1, verb))
    auto.make_automaton()
    return auto


def named_attributions(text: str, low: str | None = None) -> list[int]:
    """Offsets of named attributions: a name of two or more capitalised words next to a
    report verb ("Olga Mikheeva, who ..., said"; "said 48-year-old Dmitry Maltsev";
    "according to Hanna Liubakova"). ``low`` is ``lower_folded(text)`` if known.

    Examples
    --------
    >>> t = 'Olga Mikheeva, who protested, said: "No." "Yes," said Dmitry Maltsev.'
    >>> [t[i : i + 4] for i in named_attributions(t)]
    ['said', 'said']
    >>> named_attributions("Officials said it was calm.")
    []
    """
    low = lower_folded(text) if low is None else low
    out = []
    for end, (length, verb) in _report_automaton().iter(low):
        start, stop = end - length + 1, end
        if _NAME_AFTER.match(text, stop) or (
            verb != "according to" and _NAME_BEFORE.search(text, max(0, start - 160), start)
        ):
            out.append(start)
    return out


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
    from framing.lexicons import load_lexicon

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
    """Per-segment measures of a batch of texts (built by :func:`analyse`)."""

    n_texts: int
    doc: np.ndarray  # text index of each segment
    quoted: np.ndarray  # bool: segment inside quotation marks
    measures: dict[str, np.ndarray]  # name -> per-segment counts (also tokens, chars)

    @property
    def tokens(self) -> np.ndarray:
        return self.measures["tokens"]

    def total(self, name: str, quoted: bool | None = False) -> np.ndarray:
        """Per-text sum of a measure over outlet voice (False), quotes (True) or all (None)."""
        import numpy as np

        values = self.measures[name]
        keep = np.ones(len(self.doc), bool) if quoted is None else self.quoted == quoted
        return np.bincount(self.doc[keep], weights=values[keep], minlength=self.n_texts)

    def rate(self, name: str, quoted: bool | None = False) -> np.ndarray:
        """Per-text measure per 100 tokens of the chosen voice (0 where it has no tokens)."""
        import numpy as np

        n = self.total("tokens", quoted)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(n > 0, 100.0 * self.total(name, quoted) / n, 0.0)

    def mean(self, name: str, quoted: bool | None = False) -> np.ndarray:
        """Per-text mean of a per-segment measure over segments with tokens."""
        import numpy as np

        keep = self.tokens > 0
        if quoted is not None:
            keep &= self.quoted == quoted
        s = np.bincount(self.doc[keep], weights=self.measures[name][keep], minlength=self.n_texts)
        n = np.bincount(self.doc[keep], minlength=self.n_texts)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(n > 0, s / n, 0.0)


def analyse(texts) -> Analysis:
    """Cut, tokenise and score a batch of texts once; every measure derives from this.

    Examples
    --------
    >>> a = analyse(['Chaos! "It was a tragedy," he said.', ""])
    >>> a.rate("loaded").round(1).tolist(), a.rate("loaded", quoted=True).round(1).tolist()
    ([70.0, 0.0], [27.5, 0.0])
    """
    import numpy as np

    texts = [t if isinstance(t, str) else "" for t in texts]
    # the whole batch as one string (texts joined by line breaks, which end sentences and
    # quotes anyway): every regex and automaton runs once, and matches map back to pieces
    joined = "\n".join(texts)
    text_starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
    codes = _code_points(joined)
    cuts, quotes = _cuts(joined, codes)
    cuts = np.unique(np.r_[cuts, text_starts, text_starts[1:] - 1]).tolist()
    pieces = [joined[a:b] for a, b in zip(cuts[:-1], cuts[1:], strict=True)]
    starts = np.array(cuts[:-1], dtype=np.int64)
    doc = np.searchsorted(text_starts, starts, "right") - 1
    q_start = np.array([q[0] for q in quotes], dtype=np.int64)
    q_end = np.array([q[1] for q in quotes], dtype=np.int64)
    at = np.searchsorted(q_start, starts, "right") - 1
    quoted = (at >= 0) & (starts < q_end[np.maximum(at, 0)]) if len(quotes) else starts < 0
    docs = Docs(pieces)
    low = lower_folded(joined)
    lex = lexicon()
    names, index = _columns()
    M = lex.matrix(docs.vocabulary)
    negated = _negated_counts(low, starts, docs.vocabulary)
    if negated.nnz:  # negated words: polarity swapped, valence scaled by -0.74
        import scipy.sparse as sp

        M_neg = M @ sp.csr_matrix(_negation_transform())
        delta = negated @ (M_neg - M)
    else:
        delta = 0
    counts = docs.counts @ M + delta
    counts = np.asarray(counts.toarray() if hasattr(counts, "toarray") else counts, float)
    found = np.array(lex.find_phrases(joined, low), dtype=float).reshape(-1, 4)
    if len(found):
        at = np.searchsorted(starts, found[:, 0], "right") - 1
        np.add.at(counts, (at, found[:, 2].astype(int)), found[:, 3])
    # strong valence: VADER words with |valence| >= 2, counted (not summed)
    strong = np.abs(M[:, index["valence"][0]].toarray().ravel()) >= 2.0
    measures = {n: counts[:, cols].sum(axis=1) for n, cols in index.items()}
    measures["strong_valence"] = np.asarray(docs.counts @ strong.astype(float)).ravel()
    emphasis = np.zeros(len(pieces))
    upper = (codes >= 65) & (codes <= 90)  # pieces with two capitals in a row
    candidates = np.flatnonzero(upper[:-1] & upper[1:])
    for i in np.unique(np.searchsorted(starts, candidates, "right") - 1):
        emphasis[i] = len(emphasis_spans(pieces[i]))
    measures["emphasis"] = emphasis
    bang = codes == 33  # "!": a run counts once
    bangs = np.flatnonzero(bang & ~np.r_[False, bang[:-1]])
    measures["exclamation"] = _per_piece(starts, bangs)
    measures["named"] = _per_piece(starts, named_attributions(joined, low))
    measures["tokens"] = docs.n_tokens.astype(float)
    visible = ~_among(codes, _SPACE_CODES)
    measures["chars"] = (
        np.add.reduceat(visible, starts).astype(float) if len(starts) else np.zeros(0)
    )
    measures["loaded"] = _loaded(measures)
    measures["sentiment"] = _compound(measures["valence"], measures["exclamation"])
    return Analysis(
        n_texts=len(texts),
        doc=doc,
        quoted=quoted,
        measures=measures,
    )


def _per_piece(starts: np.ndarray, offsets) -> np.ndarray:
    """How many of the character ``offsets`` fall in each piece (pieces begin at ``starts``)."""
    import numpy as np

    piece = np.searchsorted(starts, np.asarray(offsets, dtype=np.int64), "right") - 1
    return np.bincount(piece, minlength=len(starts)).astype(float)


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
