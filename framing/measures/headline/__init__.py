"""Headline devices: how a headline frames its story: questions, teasers, media tags, clickbait.

One rule set, :func:`headline_spans`, finds the evidence for every device in one headline
(a :class:`~framing.spans.Span` whose ``kind`` is the device); :func:`framing.features.headline.compute` turns those
spans into the 0/1 and count columns, so the columns and the highlighted evidence can never
disagree. Cue words and patterns live in ``data/cues.json``; the acronym list used
to tell emphatic capitals from initialisms in ``data/acronyms.txt`` (built by
``tools/build_acronyms.py``); the clickbait model in ``data/clickbait.skops``
with its provenance in ``clickbait.json`` (trained by ``tools/train_clickbait.py``).

How a headline is read
----------------------
1. Curly quotes and dashes are folded to ASCII and a ``?`` that is a garbled apostrophe or
   quote mark from a bad encoding (``can?t``, ``Trump?s``, ``he?s ?glad?``, ``Day ? Iowa``)
   is repaired; every offset stays that of the original headline.
2. Quoted speech is set aside: a question inside quotes (``'Are we safe?' asks mayor``) is a
   ``quoted_question``, as is an unquoted question followed by its attribution (``Are we
   safe? asks mayor``). A mark that closes an outlet's sentence inside scare quotes (``Obama
   budget 'compromise?' No way``) stays the outlet's.
3. What remains is cut into clauses at ``. ! ? : ;`` and spaced dashes or bars. A clause ending
   in ``?`` is the outlet's question: a ``wh_question`` when it opens (or continues after a
   comma) with a wh-word, otherwise a ``yesno_question`` (polar, including elliptical ones:
   ``Government shutdown backfires?``). A clause without ``?`` is still a question when it is
   plainly interrogative: it opens with an inverted auxiliary (``Is Putin losing his grip``) or
   a wh-word followed by one (``Why is toilet paper vanishing``). An explanatory wh-phrase
   (``Why the Fed raised rates``, ``How Trump won Ohio``) is not.
4. Media tags, teasers, listicles, emphatic capitals and exclamations are matched on the same
   text (teasers only in the outlet's own words; capitals and exclamation marks anywhere, as
   the reader sees them, quoted speech included).

A very long "headline" (over 400 characters: usually a whole article in the wrong column) is
read only up to its first line break or its 400th character.

Speed
-----
Nine headlines in ten hold no device, so the feature family screens a batch first: a few passes
over all its headlines joined (a class of characters, a literal, an interrogative word at a
clause start) find those that may hold one, and only they are read in full
(:func:`batch_spans`, equal to :func:`headline_spans` one by one). Within a headline the
media-tag and teaser patterns run only where one of the literals every match needs occurs
(:func:`required_literals`). The clickbait model hashes n-grams with numpy
(:class:`framing.measures.headline.hashing.NgramHasher`), and :func:`yesno_answered` tokenises only the body
lines and sentences holding enough of the question's words.

Examples
--------
>>> h = "Is Putin losing his grip? Russians defy crackdown orders as mass protests erupt – VIDEO"
>>> [(s.kind, s.text) for s in headline_spans(h)]
[('yesno_question', 'Is Putin losing his grip?'), ('media_tag', ' – VIDEO')]
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from framing.spans import Span
from framing.text import WORD, fold, sentences, tokens
from framing.text.gate import needed_literals

DATA = Path(__file__).with_name("data")
CLICKBAIT_MODEL = DATA / "clickbait.skops"
MAX_CHARS = 400

# the span kinds, each a column: headline_<kind>
DEVICES = (
    "yesno_question",
    "wh_question",
    "quoted_question",
    "media_tag",
    "teaser",
    "listicle",
    "caps_words",
    "exclamation",
)


# --- cues -----------------------------------------------------------------------------


@functools.cache
def cues() -> dict:
    """The cue lists and patterns of ``data/cues.json`` (loaded once)."""
    data = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    return {
        k: frozenset(v) if isinstance(v, list) and k != "teaser" else v for k, v in data.items()
    }


@functools.cache
def _openers() -> frozenset[str]:
    """The first words of a clause that :func:`_question` may find interrogative unmarked."""
    c = cues()
    return c["discourse"] | c["polar_without_mark"] | c["wh"]


@functools.cache
def acronyms() -> frozenset[str]:
    """Lower-case words written in capitals as acronyms (``data/acronyms.txt``)."""
    lines = (DATA / "acronyms.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _alternation(words) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_CLAUSE_START = r"(?:^|(?<=[:.!?|-] )|(?<= and ))"


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    c = cues()
    media = _alternation(c["media_words"])
    numbers = _alternation(c["number_words"])
    return {
        # WATCH: / Video - / [PHOTOS] at the start (or a bare capitalised WATCH); "- VIDEO",
        # "| Watch" at the end; "(+video)" anywhere; NPR's "Listen · 5:54" player label
        "media_tag": re.compile(
            rf"^\s*[\[(]?\s*(?:{media})\s*[\])]?\s*(?::|\||-\s)"
            rf"|(?-i:^(?:WATCH|VIDEO|LIVE|LISTEN|PHOTOS)(?=\s))"
            rf"|\s(?:[-|:]\s*[\[(]?|[\[(])\s*(?:{media})\s*[\])]?\s*$"
            rf"|[\[(]\s*\+?\s*(?:{media})(?:\s*[+&,/]\s*(?:{media}))*\s*[\])]"
            rf"|\b(?:listen|watch)\s*[\u00b7\u2022]?\s*\d{{1,2}}:\d{{2}}\b",
            re.I,
        ),
        # a pattern anchored at the start also matches after a label ("OPINION: This is why")
        "teaser": re.compile(
            "|".join(f"(?:{p.replace('^', _CLAUSE_START, 1)})" for p in c["teaser"]), re.I
        ),
        "listicle": re.compile(
            rf"^(?:[A-Z]+:\s*)?\W*(?:the\s+)?(?:top\s+)?(?P<n>\d{{1,3}}|{numbers})(?![\d,.:%/-])\b",
            re.I,
        ),
    }


# The cue patterns are searched only where they can match: every match of a pattern holds
# one of a few literal strings (found by reading the parsed pattern: "you won't believe",
# "here's ", "video"...), and an ASCII headline holding none of them is not searched.


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` holds, or None if unknown.

    Read from the parsed pattern (``re._parser``; None where that is unavailable or the
    strings are not ASCII), so an ASCII text holding none of them, lower-cased, cannot match.

    Examples
    --------
    >>> sorted(required_literals(re.compile(r"\\b(?:you|we) (?:need|must)\\b", re.I)))
    ['we must', 'we need', 'you must', 'you need']
    >>> sorted(required_literals(re.compile(r"^\\s*(?:video|photos?)\\s*:")))
    ['photo', 'video']
    >>> required_literals(re.compile(r"\\d+ things")), required_literals(re.compile(r"\\w+"))
    (frozenset({' things'}), None)
    """
    found = needed_literals(pattern.pattern, pattern.flags)
    if not found or not all(f.isascii() for f in found):
        return None
    return frozenset(f.lower() for f in found)


@functools.cache
def _gates() -> dict:
    """For each cue pattern, an Aho-Corasick automaton of its required literals (or None)."""
    from ahocorasick_rs import AhoCorasick

    out = {}
    for kind, pattern in _patterns().items():
        literals = required_literals(pattern)
        out[kind] = None if literals is None else AhoCorasick(sorted(literals))
    return out


def _finditer(kind: str, text: str):
    """``_patterns()[kind].finditer(text)``, skipped where no required literal occurs."""
    gate = _gates()[kind]
    if gate is not None and text.isascii() and not gate.find_matches_as_indexes(text.lower()):
        return ()
    return _patterns()[kind].finditer(text)


# --- reading one headline ---------------------------------------------------------------

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
_AFTER_COMMA = re.compile(r",\s*(\w+(?:'\w+)?)((?:\s+\w+(?:'\w+)?){0,2})")
_LABEL = re.compile(r"^\s*[A-Z][A-Z.'\s-]*:")
_BANGS = re.compile(r"!+")
_CAPITALS = re.compile(r"[A-Z](?:'?[A-Z])+")  # an ASCII word in capitals is one whole match


@functools.cache
def _folded_ascii() -> re.Pattern:
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


def _head(headline: str) -> str:
    """The headline itself: a very long one is cut at its first line break or MAX_CHARS."""
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
    headline = _head(headline)
    w = _repair(headline)
    if not any(_may_open_quote(w, c) for c in "'\""):
        return w, w, []  # nothing quoted
    masked = list(w)
    quoted = []
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


def _clauses(masked: str):
    """``(start, end, mark)`` of each clause: text between boundaries, ``mark`` the boundary."""
    pos = 0
    for m in _BOUNDARY.finditer(masked):
        yield pos, m.start(), m.group().strip()
        pos = m.end()
    yield pos, len(masked), ""


def _question(clause: str, marked: bool) -> str:
    """``"wh"``, ``"yesno"`` or ``""`` for one clause (``marked``: it ends with ``?``)."""
    words = [t.lower() for t in WORD.findall(clause)]
    c = cues()
    while words[1:] and words[0] in c["discourse"]:
        words = words[1:]  # "So why are cases surging?", "But can he keep it civil?"
    if not words:
        return ""
    wh, aux = c["wh"], c["polar"]
    # "If Flynn did nothing wrong, why didn't he...": a wh-word and an auxiliary after a comma
    led_by_wh = words[0] in wh or any(
        first.lower() in wh and ("'" in first or aux & set(tokens(then)))
        for first, then in _AFTER_COMMA.findall(clause)
    )
    if marked:
        return "wh" if led_by_wh else "yesno"
    # no question mark: only a plainly interrogative clause (inverted auxiliary)
    if len(words) >= 3 and words[0] in c["polar_without_mark"]:
        return "yesno"
    # "Why is...", "How much damage have...": not "How Trump won", "What that does"
    degree = words[0] == "how" and words[1] in c["degree"]
    if len(words) >= 3 and words[0] in wh and aux & set(words[1 : 3 if degree else 2]):
        return "wh"
    return ""


def _listicle(w: str) -> re.Match | None:
    m = _patterns()["listicle"].match(w)
    if not m:
        return None
    c = cues()
    following = [t.lower() for t in WORD.findall(w[m.end() : m.end() + 80])][:5]
    if any(t in c["list_nouns"] for t in following[:4]) or any(
        t in c["list_relative"] for t in following[1:5]
    ):
        return m
    return None


def _caps_words(w: str, exclude: list[Span]) -> list[tuple[int, int]]:
    if w.isascii() and not _CAPITALS.search(w):
        return []  # no word in capitals
    known = acronyms()
    found = []
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


def headline_spans(headline: str) -> list[Span]:
    """The evidence for every headline device, as spans into ``headline``.

    ``kind`` is the device, the column ``headline_<kind>``: ``yesno_question``,
    ``wh_question``, ``quoted_question``, ``media_tag``, ``teaser``, ``listicle``,
    ``caps_words`` (one span a word) and ``exclamation``; ``label`` says which rule matched.
    The feature columns are computed from these spans.

    Parameters
    ----------
    headline : str

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
    """
    if not isinstance(headline, str) or not WORD.search(headline):
        return []  # nothing, or only punctuation: no device
    return _spans(headline, *_read(headline))


def _spans(headline: str, w: str, masked: str, quoted: list[Span]) -> list[Span]:
    """:func:`headline_spans` of a headline already read (see :func:`_read`)."""
    spans = list(quoted)
    attribution = cues()["attribution"]
    openers = _openers()
    for start, end, mark in _clauses(masked):
        marked = "?" in mark
        if not marked:  # a question without a mark opens with one of these (see _question)
            first = WORD.search(masked, start, end)
            if not first or first.group().lower() not in openers:
                continue
        kind = _question(masked[start:end], marked)
        if not kind:
            continue
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
        for m in _finditer("media_tag", w)
    ]
    spans += media
    spans += [
        Span.at(headline, *m.span(), "teaser", m.group()) for m in _finditer("teaser", masked)
    ]
    listicle = _listicle(w)
    if listicle:
        spans.append(Span.at(headline, *listicle.span("n"), "listicle", "leading number"))
    spans += [
        Span.at(headline, s, e, "caps_words", "emphatic capitals") for s, e in _caps_words(w, media)
    ]
    if "!" in w:
        spans += [Span.at(headline, *m.span(), "exclamation", "!") for m in _BANGS.finditer(w)]
    return sorted(spans, key=lambda s: (s.start, s.end))


# --- a batch at once ---------------------------------------------------------------------


@functools.cache
def _screens() -> dict[str, re.Pattern]:
    """Patterns run once over a whole batch (each headline after a line break)."""
    c = cues()
    discourse = _alternation(c["discourse"])
    openers = _alternation(c["polar_without_mark"] | c["wh"])
    listicle = _patterns()["listicle"]
    return {
        # a clause start (a line break: the start of a headline; see _BOUNDARY for the rest)
        # then discourse words and an interrogative word: the only way a clause without "?"
        # is a question (see _question). It opens with a character class, so the regex
        # engine skips to candidates.
        "opener": re.compile(
            rf"""[\n.!?;:|-](?:(?<=\n)|(?<=[.!?;:])['")\]]*\s|(?<=\s-)-?\s|(?<=\s\|)\s)"""
            rf"\W*(?:(?:{discourse})\W+)*(?P<n>{openers})(?!\w)",
            re.I,
        ),
        "listicle": re.compile(listicle.pattern, listicle.flags | re.M),
    }


def batch_spans(texts: list[str]) -> list[list[Span]]:
    """``[headline_spans(t) for t in texts]``, reading in full only the headlines that may hold
    a device.

    Most headlines hold none. A few passes over the batch's headlines joined by line
    breaks find which may: a question mark, an exclamation mark, quoted words, a
    non-ASCII character, two capitals in a row, a leading count, a media tag's or a
    teaser's required literal (see :func:`required_literals`), or a clause opening with an
    interrogative word. Each pass finds a superset of the headlines whose rule can match
    (a match is placed by where its cue word lies, so one running over a line break still
    marks the headline holding the cue); the others have no device.
    """
    read: list[tuple | None] = [None] * len(texts)  # _read of each headline that may
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

        def mark(positions):
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
            gate = _gates()[kind]
            if gate is None:
                mark(starts[:-1])
            else:
                found = gate.find_matches_as_indexes(text.lower(), overlapping=True)
                mark(start for _, start, _ in found)
    return [_spans(t, *r) if m else [] for t, r, m in zip(texts, read, may, strict=True)]


# --- headline-body gap -------------------------------------------------------------------


def _stem(token: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)]
            break
    return token[:-1] if token.endswith("e") and len(token) > 3 else token


def _content(text: str) -> set[str]:
    stop = cues()["stopwords"]
    return {_stem(t) for t in tokens(text) if t not in stop and not t.isdigit()}


def yesno_answered(
    question: str, body: str, sentences_of_body: Sequence[tuple[int, int]] | None = None
) -> bool:
    """Whether ``body`` asserts the proposition of the yes/no ``question`` (best effort).

    The proposition is the set of content-word stems of the question (stop words and
    auxiliaries removed, crude suffix stripping: ``losing`` and ``lose`` meet, ``protests``
    and ``protesters`` do not). A body sentence asserts it when it is not itself a question,
    holds at least 60% of those stems (and at least two), and has no negation cue (``not``,
    ``never``, ``n't``, ``denies``...). Limits: no parsing, so paraphrase, synonyms, pronouns
    and hedged or attributed assertions ("critics say Putin is losing his grip") are missed
    or counted as assertions; a negation anywhere in the sentence rejects it; and the
    answer "no" is never recognised as such, only the absence of "yes".

    ``sentences_of_body`` are the body's sentence offsets when the caller has them (the
    feature family takes them from its batch); otherwise the body is cut here.

    Examples
    --------
    >>> q = "Is Putin losing his grip?"
    >>> yesno_answered(q, "Moscow was calm. Analysts agree Putin is losing his grip on power.")
    True
    >>> yesno_answered(q, "Putin is not losing his grip. Police detained 1,474 people.")
    False
    """
    content = _content(question)
    if len(content) < 2:
        return False
    need = max(2, int(np.ceil(0.6 * len(content))))
    # A stem starts a token of the lower-cased text (’ made '), so a text holding fewer than
    # ``need`` stems as substrings cannot assert the question and is not tokenised. No
    # sentence runs over a line break: a line without enough stems is not even cut into
    # sentences (there only ASCII stems are tested: lower-casing a slice may differ for others).
    plain = [s for s in content if s.isascii()]
    need_plain = need - (len(content) - len(plain))
    negation = cues()["negation"]
    if sentences_of_body is None:
        candidates = (
            line[start:end]
            for line in body.split("\n")
            if sum(s in line.lower().replace("’", "'") for s in plain) >= need_plain
            for start, end in sentences(line)
        )
    else:
        candidates = (body[start:end] for start, end in sentences_of_body)
    for sentence in candidates:
        if sentence.rstrip("'\" )").endswith("?"):
            continue
        low = sentence.lower().replace("’", "'")
        if sum(s in low for s in content) < need:
            continue
        words = tokens(sentence)
        if any(t in negation or t.endswith("n't") for t in words):
            continue
        if len(content & {_stem(t) for t in words}) >= need:
            return True
    return False


# --- clickbait model ---------------------------------------------------------------------


def clickbait_pipeline():
    """The (unfitted) clickbait classifier: hashed word 1-2-grams and character 3-5-grams.

    Both see lower-cased text: in the training data 94% of clickbait headlines are in Title
    Case against 20% of the others, so a case-aware model learns house style (NPR's
    title-case headlines scored 0.44 on average, 0.008 once lower-cased) rather than
    clickbait. Hashing keeps the shipped file small (no vocabulary is stored); the n-grams
    are hashed by :class:`framing.measures.headline.hashing.NgramHasher`, which does in a few array operations
    per batch what scikit-learn's ``HashingVectorizer`` does one Python string at a time.
    Character 2-grams are left out: with them 10-fold CV accuracy was 0.9788, without 0.9778
    (std 0.0024), for 30% more n-grams to hash. The hyper-parameters live here so that
    ``tools/train_clickbait.py`` and ``benchmarks/clickbait.py`` use the same model.

    Examples
    --------
    >>> clickbait_pipeline().steps[-1][0]
    'logisticregression'
    """
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    from framing.measures.headline.hashing import NgramHasher

    def hashed(analyzer, ngram_range):
        vec = NgramHasher(analyzer, ngram_range, n_features=2**17)
        return make_pipeline(vec, TfidfTransformer(sublinear_tf=True))

    return make_pipeline(
        make_union(hashed("word", (1, 2)), hashed("char_wb", (3, 5))),
        LogisticRegression(C=10.0, max_iter=3000),
    )


@functools.cache
def clickbait_model():
    """The shipped clickbait pipeline, loaded once under :mod:`framing.io.trust`'s policy."""
    from framing.io import trust

    return trust.load(CLICKBAIT_MODEL)


def clickbait(headlines) -> np.ndarray:
    """P(clickbait) for each headline from the shipped model; 0 for an empty headline.

    Provenance, training size and cross-validated accuracy: ``data/clickbait.json``.

    Examples
    --------
    >>> p = clickbait(["21 Dogs Who Are Too Cute For Words", "Senate passes budget bill", ""])
    >>> bool(p[0] > 0.5 > p[1]), float(p[2])
    (True, 0.0)
    """
    texts = [_head(h) if isinstance(h, str) else "" for h in headlines]
    out = np.zeros(len(texts))
    rows = [i for i, t in enumerate(texts) if WORD.search(t)]
    if rows:
        out[rows] = clickbait_model().predict_proba([texts[i] for i in rows])[:, 1]
    return out
