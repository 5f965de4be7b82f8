"""Reading one headline: repair, quotes, clauses, questions, and the spans of its devices.

:func:`headline_spans` reads one headline as :mod:`framing.measures.headline` describes;
:func:`batch_spans` gives the same spans for a batch, reading in full only the headlines
that may hold a device.

Examples
--------
>>> [(s.kind, s.text) for s in headline_spans("Are we safe? asks mayor")]
[('quoted_question', 'Are we safe?')]
>>> [[s.kind for s in row] for row in batch_spans(["Senate passes bill", "Why is it so hot"])]
[[], ['wh_question']]
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Collection, Iterable, Iterator, Sequence

from framing.measures.headline.cuedata import (
    acronyms,
    alternation,
    cues,
    finditer,
    gates,
    openers,
    patterns,
)
from framing.spans import Span
from framing.text import WORD, fold

MAX_CHARS = 400  # a longer "headline" is read up to its first line break or this many characters
TEASER_CLICKBAIT = 0.9
"""P(clickbait) from which a headline no cue marks is a teaser all the same.

The cues catch the common forms of a curiosity gap; the shipped clickbait model
(:func:`~framing.measures.headline.classifier.clickbait`, trained on the Stop Clickbait data
with news headlines as negatives) catches the forms no cue names ("Which Horror Movie
Villain Are You", "This Gift List Hack Might Actually Save Your Holiday"). The threshold
is the best on the tuning outlets of the headline development set
(``benchmarks/validity.py``).
"""

# the span kinds, each a column: headline_<kind>
DEVICES = (
    "yesno_question",
    "wh_question",
    "alternative_question",
    "quoted_question",
    "media_tag",
    "teaser",
    "listicle",
    "caps_words",
    "exclamation",
)

_MARKS = str.maketrans({"\uff1f": "?", "\u061f": "?", "\u00bf": " ", "\u00a1": " "})
_GARBLED_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\?(?=[A-Za-z])")  # can?t, Trump?s
_GARBLED_DASH = re.compile(r"(?<=\s)\?(?=\s)")  # Election Day ? Iowa
_GARBLED_OPEN = re.compile(r"(?:^|(?<=[\s(\[]))\?(?=\w)")  # slams ?glad? NSA
_GARBLED_CLOSE = re.compile(r"(?<=\S)\?(?=$|[\s.,:;!)\]])")
_QUOTE = re.compile(r"""(?:^|(?<=[\s(\[:;,-]))(["'])(?=\S)(.+?)(?<=\S)\1(?=$|[\s.,:;!?)\]-])""")
_BOUNDARY = re.compile(  # (the leading lookahead lets the engine skip to candidates)
    r"""(?=[.!?;:\s])(?:(?:(?<![\s.][A-Z])(?<!\b[A-Z][a-z])\.+|[!?;:]+)['")\]]*(?=\s|$)"""
    r"""|\s(?:-{1,2}|\|)\s)"""
)
_LABEL = re.compile(r"^\s*[A-Z][A-Z.'\s-]*:")
_BANGS = re.compile(r"!+")
_CAPITALS = re.compile(r"[A-Z](?:'?[A-Z])+")  # an ASCII word in capitals is one whole match


@functools.cache
def _folded_ascii() -> re.Pattern[str]:
    """A class of the ASCII characters :func:`~framing.text.fold` changes (the backtick)."""
    return re.compile(f"[{re.escape(''.join(c for c in map(chr, range(128)) if fold(c) != c))}]")


def _repair(text: str) -> str:
    """Fold ``text`` and repair garbled question marks, keeping its length.

    Examples
    --------
    >>> _repair("GOP Sen. Graham says he?s ?glad? NSA ? is ’right’")
    'GOP Sen. Graham says he\\'s "glad" NSA - is \\'right\\''
    """
    if not text.isascii():
        w = fold(text).translate(_MARKS)
    elif _folded_ascii().search(text):
        w = fold(text)
    else:
        w = text  # nothing to fold
    if "?" not in w:
        return w
    w = _GARBLED_APOSTROPHE.sub("'", w)
    w = _GARBLED_DASH.sub("-", w)
    chars = list(w)
    for m in _GARBLED_OPEN.finditer(w):
        close = _GARBLED_CLOSE.search(w, m.end())
        if close:
            chars[m.start()] = chars[close.start()] = '"'
    return "".join(chars)


def head(headline: str) -> str:
    """The headline itself: a very long one is cut at its first line break or MAX_CHARS.

    Examples
    --------
    >>> head("Short and sweet"), len(head("word " * 100)), head("A title\\n" + "text " * 100)
    ('Short and sweet', 400, 'A title')
    """
    if len(headline) <= MAX_CHARS:
        return headline
    cut = headline.find("\n", 0, MAX_CHARS)
    return headline[: cut if cut > 0 else MAX_CHARS]


def _may_open_quote(w: str, mark: str) -> bool:
    """Whether ``mark`` occurs where _QUOTE may open a quotation (at the start, or after a
    space or one of ``([:;,-``): most apostrophes are inside words."""
    i = w.find(mark)
    while i >= 0:
        if i == 0 or w[i - 1].isspace() or w[i - 1] in "([:;,-":
            return True
        i = w.find(mark, i + 1)
    return False


def _read(headline: str) -> tuple[str, str, list[Span]]:
    """The repaired headline, the same with others' quoted words masked, and quoted questions."""
    headline = head(headline)
    w = _repair(headline)
    if not any(_may_open_quote(w, c) for c in "'\""):
        return w, w, []  # nothing quoted
    masked = list(w)
    quoted: list[Span] = []
    attribution = cues()["attribution"]
    for m in _QUOTE.finditer(w):
        s, e = m.span()
        inner = m.group(2).rstrip()
        before = w[:s].rstrip()
        after = w[e:].lstrip()
        before_word = WORD.findall(before[-30:].lower())[-1:] or [""]
        # a mark closing the outlet's own sentence inside scare quotes stays the outlet's
        own = (
            inner[-1] in "?!"
            and before[-1:].isalnum()
            and before_word[0] not in attribution
            and (not after or after[0].isupper() or after[0] in "-|:")
        )
        if own:
            continue
        masked[s:e] = "x" * (e - s)
        if "?" in inner:
            quoted.append(Span.at(headline, s, e, "quoted_question", "quoted"))
    return w, "".join(masked), quoted


def _clauses(masked: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, mark)`` of each clause: text between boundaries, ``mark`` the boundary."""
    pos = 0
    for m in _BOUNDARY.finditer(masked):
        yield pos, m.start(), m.group().strip()
        pos = m.end()
    yield pos, len(masked), ""


_ELONGATED = re.compile(r"(\w)\1{2,}")  # "Whyyyyy" is "why"
_NOT_A_CHOICE = frozenset({"no", "otherwise", "else"})  # "... or no?" stays polar, alone


def _offers_choice(after: list[str]) -> bool:
    """Do the words after an "or" offer an alternative? Not "or not" ("Is it over or not?",
    "... or not at all?") nor a lone "or no", "or otherwise", "or else"; "Deal or no deal?"
    does."""
    return bool(after) and after[0] != "not" and not (after[0] in _NOT_A_CHOICE and not after[1:])


def _continued(headline: str, end: int, mark: str) -> bool:
    """Does the clause ending at ``end`` with boundary ``mark`` run on into the next one (a
    "?", a dash or bar, an ellipsis: "Is it politics... or worldview?"), not stop there (a
    full stop, a colon)? ``headline`` is the text as read: an ellipsis character is one "."
    after repair."""
    return (
        "?" in mark
        or mark in ("-", "--", "|")
        or mark.startswith("..")
        or (headline[end : end + 1] == "\u2026")
    )


_CONJOINED = re.compile(r",?\s+(?:and|but|or|so)\s+", re.I)  # "..., and does it matter?"


def _followed(words: list[str], first: Collection[str], then: Collection[str]) -> bool:
    """Is a word of ``first`` directly followed by a word of ``then`` in ``words``?"""
    return any(a in first and b in then for a, b in itertools.pairwise(words))


def _words(text: str) -> list[str]:
    return [_ELONGATED.sub(r"\1", t.lower()) for t in WORD.findall(text)]


def _wh_after_comma(clause: str, wh: frozenset[str], aux: frozenset[str]) -> bool:
    """A wh-question after a comma ("If Flynn did nothing wrong, why didn't he...", "..., so
    why did...", "Um, what?", "Prices are falling, but for how long?"): within the first
    three words after the comma (discourse words skipped), a wh-word followed by an
    auxiliary, or ending the clause within two words (elliptical)."""
    discourse = cues()["discourse"]
    for part in clause.split(",")[1:]:
        words = _words(part)
        while words[1:] and words[0] in discourse:
            words = words[1:]
        for i, word in enumerate(words[:3]):
            if word in wh:
                rest = words[i + 1 :]
                if "'" in word or len(rest) <= 2 or aux & set(rest[:2]):
                    return True
                break
    return False


def _question(clause: str, marked: bool) -> str:
    """``"wh"``, ``"yesno"``, ``"alternative"`` or ``""`` for one clause (``marked``: it ends
    with ``?``). A marked question that offers a choice between alternatives joined by "or"
    ("Hero or villain?", "Was it a protest or a riot?") is an alternative question, not a
    polar one; "... or not?" stays polar."""
    words = _words(clause)
    c = cues()
    while words[1:] and words[0] in c["discourse"]:
        words = words[1:]  # "So why are cases surging?", "But can he keep it civil?"
    if not words:
        return ""
    wh, aux = c["wh"], c["polar"]
    led_by_wh = words[0] in wh or _wh_after_comma(clause, wh, aux)
    if marked:
        if led_by_wh:
            # "What is quid pro quo and does it matter?": a polar question joined to the
            # wh-question makes the headline polar too (the codebook: both -> yes/no)
            polar = any(w[0] in aux for w in map(_words, _CONJOINED.split(clause)[1:]) if w[1:])
            return "yesno" if polar else "wh"
        choice = [i for i, w in enumerate(words) if w == "or" and i > 0]
        if any(_offers_choice(words[i + 1 :]) for i in choice):
            return "alternative"
        return "yesno"
    # no question mark: only a plainly interrogative clause (inverted auxiliary)
    if len(words) >= 3 and words[0] in c["polar_without_mark"]:
        return "yesno" if "or" not in words[1:] else "alternative"
    # "Why is...", "How much damage have...", "Which Horror Movie Villain Are You": an
    # auxiliary right after the wh-word (after a degree word for "how"), or one later that
    # comes before its subject; not "How Trump won", "What you should know", "How they did it"
    if len(words) < 3 or words[0] not in wh:
        return ""
    degree = words[0] == "how" and words[1] in c["degree"]
    inverted = aux & set(words[1 : 3 if degree else 2]) or _followed(words[1:], aux, c["subjects"])
    return "wh" if inverted else ""


def _listicle(w: str) -> re.Match[str] | None:
    m = patterns()["listicle"].match(w)
    if not m:
        return None
    c = cues()
    following = [t.lower() for t in WORD.findall(w[m.end() : m.end() + 80])][:5]
    if any(t in c["list_nouns"] for t in following[:4]) or any(
        t in c["list_relative"] for t in following[1:5]
    ):
        return m
    # "5 senators to watch", "7 essays to read": items the reader is told to attend to
    return m if _followed(following[1:], {"to"}, c["list_purpose"]) else None


def _caps_words(w: str, exclude: list[Span]) -> list[tuple[int, int]]:
    if w.isascii() and not _CAPITALS.search(w):
        return []  # no word in capitals
    known = acronyms()
    found: list[re.Match[str]] = []
    for m in WORD.finditer(w):
        if not m.group().isupper():
            continue
        tok = m.group().replace("'", "")
        if not (tok.isalpha() and tok.isupper() and len(tok) >= 2):
            continue
        low = m.group().lower()
        if low in known or not set(low) & set("aeiouy"):
            continue
        found.append(m)
    if not found:
        return []
    cased = [
        t
        for t in WORD.findall(w)
        if t.isalpha() and len(t) > 1 and not t.islower() and t.lower() not in known
    ]
    if len(cased) >= 3 and sum(t.isupper() for t in cased) >= 0.7 * len(cased):
        return []  # an all-caps headline: typography, not emphasis of some words
    label = _LABEL.match(w)
    skip = [(s.start, s.end) for s in exclude] + ([label.span()] if label else [])
    return [
        m.span()
        for m in found
        if not any(s <= m.start() < e for s, e in skip)
        and "&" not in w[m.start() - 1 : m.end() + 1]  # in a label or media tag, or AT&T
    ]


def headline_spans(headline: str | None, clickbait: float | None = None) -> list[Span]:
    """The evidence for every headline device, as spans into ``headline``.

    ``kind`` is the device, the column ``headline_<kind>``: ``yesno_question``,
    ``wh_question``, ``quoted_question``, ``media_tag``, ``teaser``, ``listicle``,
    ``caps_words`` (one span a word) and ``exclamation``; ``label`` says which rule matched.
    The feature columns are computed from these spans. A teaser is a cue's match, a
    numbered list (which holds its items back), or, when neither is there, the whole
    headline if the clickbait model gives it at least :data:`TEASER_CLICKBAIT`.

    Parameters
    ----------
    headline : str or None
        None (or anything not a string) has no device.
    clickbait : float, optional
        The headline's P(clickbait), if already known; by default the shipped model's.

    Returns
    -------
    list of Span
        Sorted by position.

    Examples
    --------
    >>> [(s.kind, s.text) for s in headline_spans("'Are we safe?' asks mayor after shooting")]
    [('quoted_question', "'Are we safe?'")]
    >>> [s.kind for s in headline_spans("WATCH: 7 things you need to know about the SHOCKING vote!")]
    ['media_tag', 'listicle', 'teaser', 'caps_words', 'exclamation']
    >>> headline_spans("Why the Fed raised rates"), headline_spans("Trump?s can?t-win war")
    ([], [])
    >>> [(s.kind, s.label) for s in headline_spans("Which Horror Movie Villain Are You")]
    [('wh_question', 'interrogative word order'), ('teaser', 'clickbait model, p = 1.00')]
    """
    if not isinstance(headline, str) or not WORD.search(headline):
        return []  # nothing, or only punctuation: no device
    return _learned_teaser(headline, _spans(headline, *_read(headline)), clickbait)


def _learned_teaser(headline: str, spans: list[Span], clickbait: float | None) -> list[Span]:
    """``spans``, and the whole headline as a teaser if no rule found one and the model does."""
    if any(s.kind == "teaser" for s in spans):
        return spans
    if clickbait is None:
        from framing.measures.headline.classifier import clickbait as model

        clickbait = float(model([headline])[0])
    if clickbait < TEASER_CLICKBAIT:
        return spans
    text = head(headline)
    first, last = WORD.search(text), list(WORD.finditer(text))[-1]
    teaser = Span.at(headline, first.start() if first else 0, last.end(), "teaser",
                     f"clickbait model, p = {clickbait:.2f}")  # fmt: skip
    return sorted([*spans, teaser], key=lambda s: (s.start, s.end))


def _spans(headline: str, w: str, masked: str, quoted: list[Span]) -> list[Span]:
    """:func:`headline_spans` of a headline already read (see :func:`_read`)."""
    spans = list(quoted)
    attribution = cues()["attribution"]
    opening = openers()
    clauses = list(_clauses(masked))
    # a marked clause opening with "or" offers a choice with the question it runs on from
    # ("Political calculator? Or just doing his job?", "Is it politics... or worldview?"):
    # both are one alternative question ("Is it over? Or not?" stays polar)
    choice = [
        "?" in mark and (said := _words(masked[a:b]))[:1] == ["or"] and _offers_choice(said[1:])
        for a, b, mark in clauses
    ]
    for k, (start, end, mark) in enumerate(clauses):
        marked = "?" in mark
        if not marked:  # a question without a mark opens with one of these (see _question)
            first = WORD.search(masked, start, end)
            if not first or first.group().lower() not in opening:
                continue
        kind = _question(masked[start:end], marked)
        if not kind:
            continue
        offered = choice[k] and k > 0 and _continued(headline, *clauses[k - 1][1:])
        offering = choice[k + 1 : k + 2] == [True] and _continued(headline, end, mark)
        if kind == "yesno" and (offered or offering):
            kind = "alternative"
        while start < end and not WORD.match(masked, start):
            start += 1  # leading spaces, quotes, brackets
        stop = end + mark.index("?") + 1 if marked else end
        rest = WORD.findall(masked[stop : stop + 30].lower())
        if marked and rest and rest[0] in attribution and not masked[stop:].lstrip()[:1].isupper():
            spans.append(Span.at(headline, start, stop, "quoted_question", "attributed"))
        else:
            rule = "question mark" if marked else "interrogative word order"
            spans.append(Span.at(headline, start, stop, f"{kind}_question", rule))
    media = [
        Span.at(headline, *m.span(), "media_tag", m.group().strip())
        for m in finditer("media_tag", w)
    ]
    spans += media
    spans += [Span.at(headline, *m.span(), "teaser", m.group()) for m in finditer("teaser", masked)]
    listicle = _listicle(w)
    if listicle:
        spans.append(Span.at(headline, *listicle.span("n"), "listicle", "leading number"))
        if not any(s.kind == "teaser" for s in spans):
            spans.append(Span.at(headline, *listicle.span("n"), "teaser", "numbered list"))
    spans += [
        Span.at(headline, s, e, "caps_words", "emphatic capitals") for s, e in _caps_words(w, media)
    ]
    if "!" in w:
        spans += [Span.at(headline, *m.span(), "exclamation", "!") for m in _BANGS.finditer(w)]
    return sorted(spans, key=lambda s: (s.start, s.end))


# --- a batch at once ---------------------------------------------------------------------


@functools.cache
def _screens() -> dict[str, re.Pattern[str]]:
    """Patterns run once over a whole batch (each headline after a line break)."""
    c = cues()
    discourse = alternation(c["discourse"])
    interrogative = alternation(c["polar_without_mark"] | c["wh"])
    listicle = patterns()["listicle"]
    return {
        # a clause start (a line break: the start of a headline; see _BOUNDARY for the rest)
        # then discourse words and an interrogative word: the only way a clause without "?"
        # is a question (see _question). It opens with a character class, so the regex
        # engine skips to candidates.
        "opener": re.compile(
            rf"""[\n.!?;:|-](?:(?<=\n)|(?<=[.!?;:])['")\]]*\s|(?<=\s-)-?\s|(?<=\s\|)\s)"""
            rf"\W*(?:(?:{discourse})\W+)*(?P<n>{interrogative})(?!\w)",
            re.I,
        ),
        "listicle": re.compile(listicle.pattern, listicle.flags | re.M),
    }


def batch_spans(
    texts: Sequence[str | None], clickbait: Iterable[float] | None = None
) -> list[list[Span]]:
    """``[headline_spans(t) for t in texts]``, reading in full only the headlines that may hold
    a device.

    Most headlines hold none. A few passes over the batch's headlines joined by line
    breaks find which may: a question mark, an exclamation mark, quoted words, a
    non-ASCII character, two capitals in a row, a leading count, a media tag's or a
    teaser's required literal (see :func:`~framing.measures.headline.cuedata.required_literals`),
    or a clause opening with an interrogative word. Each pass finds a superset of the
    headlines whose rule can match (a match is placed by where its cue word lies, so one
    running over a line break still marks the headline holding the cue); the others have no
    device.

    Parameters
    ----------
    texts : sequence of str or None
        The headlines; None (or anything not a string) has no device.
    clickbait : iterable of float, optional
        Each headline's P(clickbait), if already known; by default the shipped model's.

    Returns
    -------
    list of list of Span
        Each headline's spans, as :func:`headline_spans` finds them.

    Examples
    --------
    >>> texts = ["Senate passes budget bill", "5 things to know", None, "Markets slide!"]
    >>> batch_spans(texts) == [headline_spans(t) for t in texts]
    True
    >>> [[s.kind for s in row] for row in batch_spans(texts)]
    [[], ['listicle', 'teaser'], [], ['exclamation']]
    """
    # _read of each headline that may
    read: list[tuple[str, str, list[Span]] | None] = [None] * len(texts)
    may = [False] * len(texts)
    rest = []  # (index, w, masked) of the ASCII headlines the cheap tests leave open
    for i, t in enumerate(texts):
        if not isinstance(t, str) or not WORD.search(t):
            continue
        read[i] = w, masked, quoted = _read(t)
        if quoted or not w.isascii() or "?" in w or "!" in w or "\n" in w:
            may[i] = True
        else:
            rest.append((i, w, masked))
    if rest:
        index = [i for i, _, _ in rest]
        # each headline follows a line break; starts[k] is where headline k starts
        starts = list(itertools.accumulate((len(w) + 1 for _, w, _ in rest), initial=1))
        joined = "".join(f"\n{w}" for _, w, _ in rest)
        joined_masked = "".join(f"\n{m}" for _, _, m in rest)

        def mark(positions: Iterable[int]) -> None:
            for p in positions:
                may[index[bisect.bisect_right(starts, p) - 1]] = True

        screens = _screens()
        known = acronyms()
        mark(m.start("n") for m in screens["opener"].finditer(joined_masked))
        mark(m.start("n") for m in screens["listicle"].finditer(joined))
        mark(
            m.start()
            for m in _CAPITALS.finditer(joined)
            if (low := m.group().lower()) not in known and set(low) & set("aeiouy")
        )
        for kind, text in (("media_tag", joined), ("teaser", joined_masked)):
            gate = gates()[kind]
            if gate is None:
                mark(starts[:-1])
            else:
                found = gate.find_matches_as_indexes(text.lower(), overlapping=True)
                mark(start for _, start, _ in found)
    if clickbait is None:
        from framing.measures.headline.classifier import clickbait as model

        clickbait = model(texts).tolist()
    return [
        _learned_teaser(t, _spans(t, *r) if m else [], float(p))
        if r is not None and isinstance(t, str)
        else []
        for t, r, m, p in zip(texts, read, may, clickbait, strict=True)
    ]
