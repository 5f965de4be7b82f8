"""The cues of :mod:`framing.measures.loaded` that are not lexicon words: negation scopes, emphatic
capitals and named attributions."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from framing.text import WORD, Docs

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

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


def negated_tokens(docs: Docs) -> np.ndarray:
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
    at = np.sort(negated_tokens(docs))
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
def emphatic_words() -> frozenset[str]:
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
    words = emphatic_words()
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


def named_offsets(docs: Docs) -> list[tuple[int, int]]:
    """``(start, end)`` in :attr:`Docs.joined` of the report verb (or "according to") of
    each named attribution (:func:`named_attributions`)."""
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
            out.append((b, e))
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
    return [b for b, _ in named_offsets(Docs([text]))]
