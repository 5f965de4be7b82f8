"""Promotional clutter: find, measure and remove the page furniture left in article text.

Scraped bodies keep lines that are not the article: advertisement markers, newsletter
sign-ups, teasers for other stories, photo and video captions, share buttons, copyright
notices, bylines and update stamps. :func:`find_clutter` locates them as
:class:`~framing.spans.Span` objects with exact character offsets and a kind:

========== ==========================================================================
kind       what
========== ==========================================================================
ad         advertisement markers, sponsored content, "Story continued below"
newsletter sign-up, subscribe, consent notices, membership and donation appeals
teaser     cross-promotion: "JUST IN:", "READ MORE:", other stories' headlines,
           "... [VIDEO]" / "[POLL]" / "[COMMENT]" promos, "Click here to ...", app promotion
media      photo and video captions and credits, embedded video titles, "WATCH:"
social     share, follow and tweet calls
legal      copyright, reprint permission, disclaimers
meta       "Source: Read Full Article", "Updated ...", bylines, contributor credits, bios
other      separators, stray markup, learned boilerplate of no clearer kind
========== ==========================================================================

Three layers find it, each cheap: cue patterns from ``data/clutter_patterns.json`` (whole
lines, and distinctive phrases anywhere, also glued inside an editorial paragraph); the
shape of a line (a short headline-like line between paragraphs, a bracketed tag at its
end, an ALL CAPS lead-in, a ``Topic: headline`` title); and, with :class:`ClutterDetector`,
the corpus: a line that recurs across many articles of one outlet is that outlet's
boilerplate. :func:`find_clutter_all` does a batch of bodies at once, scanning their
joined text with each cue section once (what ``extract_features`` uses).

Examples
--------
>>> text = "Police detained 1,474 people.\\n\\nREAD MORE: Putin blasts NATO\\n\\nAdvertisement"
>>> [(s.kind, s.text) for s in find_clutter(text)]
[('teaser', 'READ MORE: Putin blasts NATO'), ('ad', 'Advertisement')]
>>> clean(text)
'Police detained 1,474 people.'
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from framing.errors import InputError
from framing.spans import Span
from framing.text import Docs, Utf8
from framing.text import fold as _fold
from framing.text.gate import Gate

KINDS = ("ad", "newsletter", "teaser", "media", "social", "legal", "meta", "other")
"""The clutter kinds, in the order feature columns list them."""

PROMO_KINDS = frozenset({"ad", "newsletter", "teaser", "social"})
"""Kinds counted by ``clutter_promo_share``: clutter that sells something."""

PATTERNS_PATH = Path(__file__).with_name("patterns.json")

_MAX_LEAD_REST = 160  # "READ MORE: <at most this many characters>"
_MAX_HEADLINE = 120  # a headline-like line is at most this long
_SENTENCE_END = frozenset(".!?;,:\"')-")  # after fold; a dash ends a transcript's cut-off
_SMALL_WORDS = frozenset("a an the of in on to for and or at by with as is from vs".split())
_TAGS_BEFORE = r"(?:<[^<>\n]{0,300}>\s*)*"  # raw HTML tags around a cue line
_TAGS_AFTER = r"(?:\s*<[^<>\n]{0,300}>)*"
_MARK = "_cue"  # the empty group closing the n-th cue of a section is _cue<n>


class _Cues:
    """One section of cue patterns: a plain alternation to scan, and each pattern to name it.

    Python's ``re`` scans a plain alternation many times faster than one with a group per
    alternative, and matches are rare: so a gate (:mod:`framing.text.gate`) finds where the
    alternation can match at all, and only there the alternation with an empty group at
    the end of each alternative is tried: the group that took part names the cue.
    """

    def __init__(self, by_kind: dict[str, list[str]], section: str, template: str, flags: int):
        self.cues: list[tuple[str, str]] = []
        for kind, patterns in by_kind.items():
            if kind not in KINDS:
                raise InputError(
                    f"{PATTERNS_PATH.name}: unknown clutter kind {kind!r} in {section}"
                )
            self.cues += [(kind, f"{section}:{p}") for p in patterns]
        patterns = [p for ps in by_kind.values() for p in ps]
        alternation = "|".join(f"(?:{p})" for p in patterns) or "(?!)"
        self.regex = re.compile(template.replace("{}", alternation), flags)
        marked = "|".join(f"(?:{p})(?P<{_MARK}{i}>)" for i, p in enumerate(patterns)) or "(?!)"
        self.marked = re.compile(template.replace("{}", marked), flags)
        self.gate = Gate(patterns, template, flags)

    def finditer(self, text: str, low: str | Utf8 | None = None) -> Iterator[re.Match]:
        """``regex.finditer(text)``, tried only where the gate lets through (matches of
        :attr:`marked`); ``low`` is ``text`` lower-cased and folded, when known."""
        return self.gate.finditer(self.marked, text, low)

    def name(self, match: re.Match) -> tuple[str, str]:
        """Kind and label of the cue that made ``match`` (of :attr:`regex` or :attr:`marked`)."""
        if match.re is not self.marked:
            match = self.marked.match(match.string, match.start(), match.endpos)
        return self.cues[int(match.lastgroup[len(_MARK) :])]


class _Rules:
    """The cue patterns of one data file, compiled into a few regexes over whole texts."""

    def __init__(self, data: dict[str, Any]):
        # Lines are sought after a newline (the text is scanned with one put in front) and
        # in lower case: patterns that start with a literal let the scan skip ahead fast.
        lower = data["lines"]
        upper = [p for ps in lower.values() for p in ps if p != p.lower()]
        if upper:
            raise InputError(
                f"{PATTERNS_PATH.name}: line patterns must be lower case: {upper[0]!r}"
            )
        line = rf"\n[ \t]*(?:[-*\u2022>|] )?{_TAGS_BEFORE}(?:{{}}){_TAGS_AFTER}[ \t\r.:]*$"
        self.line = _Cues(lower, "line", line, re.M)
        self.anywhere = _Cues(data["anywhere"], "anywhere", "{}", re.M)
        leads = {k: [re.escape(w.lower()) for w in v] for k, v in data["leads"].items()}
        self.lead = _Cues(leads, "lead", r"\n[ \t]*(?:{}) ?:[ \t]*", re.M)
        self.tag_kind = {t: kind for kind, tags in data["tags"].items() for t in tags}
        self.tag = re.compile(r"\[([A-Z][A-Z ]{1,15})\][ \t\r]*$", re.M)
        self.caps_lead = re.compile(r"[A-Z][A-Z'&/.]+(?: [A-Z][A-Z'&/.]+){0,3}: ")
        self.titled = re.compile(r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}: [\"'A-Z0-9]")
        words = {k: [re.escape(w) for w in v] for k, v in data["words"].items()}
        self.words = _Cues(words, "word", r"(?<!\w)(?:{})(?!\w)", re.I)
        # a byline alone: "By Kate Grise, CNN", "By John Bacon and Doug Stanglin"
        name = r"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}"
        # "Jamelle Bouie, New York Times": a credit when it recurs (see ClutterDetector)
        self.credit = re.compile(
            rf"{name}(?:, (?:The )?[A-Z][\w.&'-]+(?: [A-Z][\w.&'-]+){{0,4}}){{1,2}}"
        )
        self.byline = re.compile(rf"By {name}(?:(?:,| and) {name})*(?:, [A-Z][\w.&' -]{{1,40}})?")


@lru_cache(maxsize=4)
def load_rules(path: str | Path = PATTERNS_PATH) -> _Rules:
    """The compiled cue patterns of a data file (cached).

    Examples
    --------
    >>> rules = load_rules()
    >>> rules.line.name(rules.line.regex.fullmatch("\\nadvertisement"))  # matched lower-cased
    ('ad', 'line:advertisements?:?')
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"{path}: cannot read clutter patterns ({err})") from err
    return _Rules(data)


# --- the corpus-free detector ---------------------------------------------------------

_LINE = re.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?)", re.M)


def _lines(text: str) -> list[tuple[int, int, int]]:
    """``(line start, content start, content end)`` of each non-blank line.

    The content is the line without surrounding whitespace (``\\r`` included).
    """
    return [(m.start(), *m.span(1)) for m in _LINE.finditer(text)]


def _headline_like(line: str) -> bool:
    """Short, several words, no sentence-final punctuation, not starting lower case."""
    return (
        len(line) <= _MAX_HEADLINE
        and line[-1] not in _SENTENCE_END
        and line.count(" ") >= 2
        and not line[0].islower()
    )


def _title_case(line: str) -> bool:
    """Most words (beyond small ones) capitalised, as in a headline of another story."""
    # prices and scores mark product lists and results tables, not other stories' headlines
    # a comma marks "Name, Outlet" credits and list items more often than headlines
    if "$" in line or "," in line:
        return False
    words = [w for w in line.split() if w.lower() not in _SMALL_WORDS]
    if len(words) < 5 or sum(w[0].isupper() for w in words) < 0.8 * len(words):
        return False
    return sum(not w.isalpha() and any(c.isdigit() for c in w) for w in words) < 2


def _shape_kind(rules: _Rules, line: str) -> tuple[str, str] | None:
    """Kind and label of a headline-like line between paragraphs, by its shape alone."""
    if rules.caps_lead.match(line):
        return "teaser", "shape:caps-lead"
    if rules.byline.fullmatch(line):
        return "meta", "shape:byline"
    if rules.titled.match(line):
        return "media", "shape:titled-line"
    if _title_case(line) or (line.isupper() and line.count(" ") >= 5):
        return "teaser", "shape:title-case-line"
    return None


def _whole_lines(
    rules: _Rules, folded: str, low: Utf8
) -> tuple[dict[int, tuple[str, str]], list[tuple[int, int]]]:
    """Line start -> (kind, label) for lines that are clutter by a cue, lead-in or tag, and
    the stretches of ``folded`` the line cues matched.

    ``low`` holds ``"\\n"`` and ``folded`` lower-cased (:func:`~framing.text.lower_folded`):
    its offsets are one more than in ``folded``, so a match at a line's newline starts
    where the line starts in ``folded``.
    """
    found: dict[int, tuple[str, str]] = {}
    matched = []
    scan = low.text
    for m in rules.line.finditer(scan, low):
        found[m.start()] = rules.line.name(m)
        matched.append((m.start(), m.end() - 1))
    for m in rules.lead.finditer(scan, low):
        end = scan.find("\n", m.end())
        rest = (len(scan) if end < 0 else end) - m.end()
        if m.start() not in found and rest <= _MAX_LEAD_REST:
            label = "lead:" + folded[m.start() : m.end() - 1].strip()
            found[m.start()] = (rules.lead.name(m)[0], label)
    for m in rules.tag.finditer(folded):
        start = folded.rfind("\n", 0, m.start()) + 1
        if start in found or m.start() - start > _MAX_LEAD_REST:
            continue
        tag = m.group(1).strip()
        kind = rules.tag_kind.get(tag)
        # an unknown tag counts when it is one word ("[TIME]") after a headline-long line:
        # "[END PLAYBACK]" in a transcript, "archived recording [GUNSHOTS]" are editorial
        if kind or (" " not in tag and folded.count(" ", start, m.start()) >= 3):
            found[start] = (kind or "teaser", f"tag:[{tag}]")
    return found, matched


def _find_all(docs: Docs, rules: _Rules) -> list[list[Span]]:
    """:func:`find_clutter` of every text of ``docs``: each cue section scans the joined
    texts once, and only lines that may be clutter are looked at one by one."""
    import numpy as np

    folded = docs.folded  # fold keeps offsets: positions are those of joined
    whole, matched = _whole_lines(rules, folded, docs.low_utf8.prefixed("\n"))
    fragments = [
        (m.start(), m.end(), *rules.anywhere.name(m))
        for m in rules.anywhere.finditer(folded, docs.low_utf8)
        if m.end() > m.start()
    ]
    # the non-blank lines, without surrounding white space
    newlines = np.flatnonzero(docs.low_codes == 10)
    line_starts = np.r_[0, newlines + 1]
    starts, ends = docs.blanks.trim(line_starts, np.r_[newlines, len(folded)])
    keep = starts < ends
    line_starts, starts, ends = line_starts[keep], starts[keep], ends[keep]
    text = docs.text_of(line_starts)
    # a headline-like line between paragraphs: short, with a long line of its text beside it
    long = ends - starts > _MAX_HEADLINE
    same = text[1:] == text[:-1]
    beside = np.r_[False, same & long[:-1]] | np.r_[same & long[1:], False]
    last = docs.low_codes[ends - 1]  # folded: a curly quote is a quote
    shaped = ~long & beside & ~np.isin(last, [ord(c) for c in _SENTENCE_END])
    # a fragment belongs to the line its start is in (one before any line is dropped)
    line_of = np.searchsorted(starts, [f[0] for f in fragments], "right") - 1
    inside: dict[int, list[tuple]] = {}
    for f, i in zip(fragments, line_of.tolist(), strict=True):
        if i >= 0 and f[0] < ends[i]:
            inside.setdefault(i, []).append(f)
    keyed = np.isin(line_starts, np.fromiter(whole, dtype=np.int64, count=len(whole)))
    look = np.flatnonzero(keyed | shaped).tolist()
    look = sorted({*look, *inside})

    texts, offsets = docs.texts, docs.offsets.tolist()
    # a match that ran on into the next text (through the newline joining them) is not
    # what that text alone gives: such texts are done again on their own
    redo = _crossing(offsets, [*matched, *((a, b) for a, b, *_ in fragments)])
    out: list[list[Span]] = [[] for _ in texts]
    for i in look:
        t, s, e = int(text[i]), int(starts[i]), int(ends[i])
        if t in redo:
            continue
        here = inside.get(i, [])
        found = whole.get(int(line_starts[i]))
        if found is None and here and _mostly_clutter(folded, s, e, here):
            biggest = max(here, key=lambda f: f[1] - f[0])
            found = biggest[2], biggest[3]
        if found is None and shaped[i] and _headline_like(folded[s:e]):
            found = _shape_kind(rules, folded[s:e])
        o = offsets[t]
        if found:
            out[t].append(Span.at(texts[t], s - o, e - o, *found))
        else:
            out[t].extend(Span.at(texts[t], a - o, b - o, k, lab) for a, b, k, lab in here)
    for t in redo:
        out[t] = _find_all(Docs([texts[t]]), rules)[0]
    return out


def _crossing(offsets: list[int], spans: list[tuple[int, int]]) -> set[int]:
    """Texts (starting at ``offsets``, joined by newlines) that a span runs out of, and the
    texts it runs into."""
    from bisect import bisect_right

    out = set()
    for start, end in spans:
        t = bisect_right(offsets, start) - 1
        if end > offsets[t + 1] - 1:
            out.update(range(t, bisect_right(offsets, end - 1)))
    return out


def _mostly_clutter(text: str, s: int, e: int, spans: list[tuple]) -> bool:
    """Whether clutter phrases ``(start, end, ...)`` make up most of the letters of the
    line ``text[s:e]``."""
    parts, pos = [], s
    for start, end, *_ in spans:
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:e])
    rest = sum(c.isalnum() for c in "".join(parts))
    return rest <= sum(end - start for start, end, *_ in spans)


def find_clutter(text: str | None) -> list[Span]:
    """Locate the promotional clutter in an article body, without any corpus.

    Parameters
    ----------
    text : str
        One article body; ``None`` counts as empty.

    Returns
    -------
    list of Span
        In text order, not overlapping; ``kind`` is one of :data:`KINDS`, ``label`` names
        the cue or shape that matched; ``text[span.start:span.end] == span.text``. Whole
        lines span the line without its surrounding whitespace; fragments span only the
        clutter inside an editorial line.

    Examples
    --------
    >>> t = "Police detained 1,474 people. Advertisement\\nEU cracks down on Russia [VIDEO]"
    >>> [(s.kind, s.text, s.label) for s in find_clutter(t)]
    [('ad', 'Advertisement', 'anywhere:...'), ('teaser', 'EU cracks down on Russia [VIDEO]', 'tag:[VIDEO]')]
    """
    if text is None:
        return []
    if not isinstance(text, str):
        raise InputError(f"find_clutter takes a str, not {type(text).__name__}")
    return _find_all(Docs([text]), load_rules())[0]


def find_clutter_all(texts: Sequence[str | None] | Docs) -> list[list[Span]]:
    """:func:`find_clutter` of each text, scanning the batch at once (much faster).

    Parameters
    ----------
    texts : sequence of str or None, or Docs
        Article bodies (``None`` counts as empty), or their :class:`~framing.text.Docs`.

    Returns
    -------
    list of list of Span
        One list per text, as :func:`find_clutter` gives it.

    Examples
    --------
    >>> found = find_clutter_all(["Kept.\\nAdvertisement", None, "Read more: Putin's war"])
    >>> [[(s.kind, s.text) for s in spans] for spans in found]
    [[('ad', 'Advertisement')], [], [('teaser', "Read more: Putin's war")]]
    """
    docs = texts if isinstance(texts, Docs) else Docs(texts)
    return _find_all(docs, load_rules())


# --- removal --------------------------------------------------------------------------

_BLANK_RUN = re.compile(r"\r?\n(?:[ \t\r]*\n){2,}")


def remove_spans(text: str, spans: Iterable[Span]) -> str:
    """``text`` without ``spans``; emptied lines go, paragraph breaks stay.

    A fragment takes one neighbouring space with it, so the editorial words around it
    join with a single space; runs of blank lines collapse to one.

    Examples
    --------
    >>> t = "One. Advertisement Two.\\n\\nAdvertisement\\n\\nThree."
    >>> remove_spans(t, [Span.at(t, 5, 18, "ad"), Span.at(t, 25, 38, "ad")])
    'One. Two.\\n\\nThree.'
    """
    parts, pos = [], 0
    for sp in sorted(spans, key=lambda sp: sp.start):
        start, end = max(sp.start, pos), sp.end
        if end <= start:
            continue
        if text[end : end + 1] == " ":
            end += 1
        elif start > pos and text[start - 1] == " ":
            start -= 1
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    out = "".join(parts)
    if len(parts) > 1:
        out = _BLANK_RUN.sub(lambda m: "\r\n\r\n" if "\r" in m.group() else "\n\n", out)
        out = out.strip()
    return out


def clean(text: str | None) -> str:
    """The editorial text of an article body: clutter removed, paragraph breaks kept.

    Examples
    --------
    >>> clean("Thousands protested.\\n\\nShare this article\\n\\nPolice moved in.")
    'Thousands protested.\\n\\nPolice moved in.'
    >>> clean("")
    ''
    """
    if not text:
        return ""
    return remove_spans(text, find_clutter(text))


def clean_texts(texts: Sequence[str | None]) -> list[str]:
    """:func:`clean` over a list (the ``editorial`` text of the feature context).

    Examples
    --------
    >>> clean_texts(["Advertisement", None, "Kept."])
    ['', '', 'Kept.']
    """
    docs = Docs(texts)
    return [remove_spans(t, s) for t, s in zip(docs.texts, find_clutter_all(docs), strict=True)]


def spans_json(spans: Iterable[Span]) -> str:
    """Spans as a compact JSON list of ``[start, end, kind, text, label]``.

    Examples
    --------
    >>> spans_json([Span(0, 2, "ad", "AD", "line:ads?")])
    '[[0, 2, "ad", "AD", "line:ads?"]]'
    """
    return json.dumps(
        [[s.start, s.end, s.kind, s.text, s.label] for s in spans], ensure_ascii=False
    )


def clean_corpus(df, detector: ClutterDetector | None = None):
    """A copy of a corpus with ``body_clean`` and the removed ``clutter`` beside ``body``.

    Parameters
    ----------
    df : pandas.DataFrame
        With a ``body`` column (and ``outlet`` for a fitted detector's learned lines).
    detector : ClutterDetector, optional
        A fitted detector; without one the corpus-free rules of :func:`find_clutter` run.

    Returns
    -------
    pandas.DataFrame
        ``df`` plus ``body_clean`` (editorial text), ``clutter`` (JSON list of
        ``[start, end, kind, text, label]`` into ``body``: nothing is lost) and
        ``clutter_share`` (fraction of body characters removed as clutter).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"body": ["Kept.\\n\\nCLICK HERE TO GET THE FOX NEWS APP"]})
    >>> out = clean_corpus(df)
    >>> out.loc[0, "body_clean"], json.loads(out.loc[0, "clutter"])[0][:3]
    ('Kept.', [7, 41, 'teaser'])
    """
    from framing.io.schema import require_columns

    require_columns(df, ["body"], where="clean_corpus")
    bodies = [b if isinstance(b, str) else "" for b in df["body"]]
    if detector is None:
        found = find_clutter_all(bodies)
    else:
        found = detector.find_all(bodies, df["outlet"].tolist() if "outlet" in df else None)
    out = df.copy()
    out["body_clean"] = [remove_spans(b, sp) for b, sp in zip(bodies, found, strict=True)]
    out["clutter"] = [spans_json(sp) for sp in found]
    out["clutter_share"] = [share(b, sp) for b, sp in zip(bodies, found, strict=True)]
    return out


def share(text: str, spans: Iterable[Span], kinds: Iterable[str] | None = None) -> float:
    """Fraction of the characters of ``text`` covered by ``spans`` (of ``kinds``).

    Examples
    --------
    >>> share("Kept.\\nAD", [Span(6, 8, "ad", "AD")])
    0.25
    >>> share("", [])
    0.0
    """
    total = len(text)
    if not total:
        return 0.0
    wanted = None if kinds is None else set(kinds)
    return sum(len(s) for s in spans if wanted is None or s.kind in wanted) / total


# --- the corpus-aware detector --------------------------------------------------------

_DIGITS = re.compile(r"\d+")


def line_key(line: str) -> str:
    """The form under which lines are compared across articles (folded, lower, digits as 0).

    Examples
    --------
    >>> line_key("  Copyright © 2019 The Washington Times, LLC. ")
    'copyright © 0 the washington times, llc.'
    """
    return _DIGITS.sub("0", _fold(line).strip().lower())


class ClutterDetector:
    """Clutter rules plus each outlet's boilerplate, learned as lines that recur.

    A line that recurs in many articles of one outlet is that outlet's page furniture
    (a byline, a donation appeal, a section banner), whatever its wording.

    Parameters
    ----------
    min_articles : int, default 5
        A line is boilerplate when it occurs in at least this many articles of an outlet ...
    min_share : float, default 0.01
        ... and in at least this fraction of that outlet's articles.
    max_chars : int, default 300
        Longer lines are never learned (repeated paragraphs are quotes, not furniture).

    Attributes
    ----------
    boilerplate_ : dict
        outlet -> {line key -> (kind, articles it occurred in)}.
    n_articles_ : dict
        outlet -> articles seen in ``fit`` (distinct bodies).

    Examples
    --------
    >>> import pandas as pd
    >>> bodies = [f"Story {c} happened today.\\nDavid Jackson, Staff" for c in "abcdef"]
    >>> det = ClutterDetector().fit(pd.DataFrame({"outlet": "USA TODAY", "body": bodies}))
    >>> [(s.kind, s.text, s.label) for s in det.find(bodies[0], "USA TODAY")]
    [('meta', 'David Jackson, Staff', 'boilerplate:USA TODAY')]
    """

    def __init__(self, min_articles: int = 5, min_share: float = 0.01, max_chars: int = 300):
        self.min_articles = min_articles
        self.min_share = min_share
        self.max_chars = max_chars

    # scikit-learn's parameter protocol, kept by hand so the class needs no sklearn import
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("min_articles", "min_share", "max_chars")}

    def set_params(self, **params: Any) -> ClutterDetector:
        for key, value in params.items():
            if key not in self.get_params():
                raise ValueError(f"invalid parameter {key!r} for ClutterDetector")
            setattr(self, key, value)
        return self

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"ClutterDetector({args})"

    def fit(self, corpus, y: Any = None) -> ClutterDetector:
        """Learn each outlet's recurring lines from a corpus with ``outlet`` and ``body``."""
        from framing.io.schema import require_columns

        if self.min_articles < 2 or not 0 <= self.min_share <= 1 or self.max_chars < 1:
            raise InputError(
                "ClutterDetector needs min_articles >= 2, 0 <= min_share <= 1, max_chars >= 1"
            )
        require_columns(corpus, ["outlet", "body"], where="ClutterDetector.fit")
        rules = load_rules()
        boilerplate: dict[str, dict[str, tuple[str, int]]] = {}
        n_articles: dict[str, int] = {}
        for outlet, bodies in corpus.groupby("outlet", sort=True)["body"]:
            distinct = {b for b in bodies if isinstance(b, str) and b}
            counts: Counter[str] = Counter()
            samples: dict[str, str] = {}
            for body in distinct:
                keys = {}
                for _, s, e in _lines(body):
                    if e - s <= self.max_chars:
                        keys.setdefault(line_key(body[s:e]), body[s:e])
                counts.update(keys.keys())
                for k, line in keys.items():
                    samples.setdefault(k, line)
            need = max(self.min_articles, self.min_share * len(distinct))
            learned = {
                key: (_guess_kind(rules, samples[key]), n) for key, n in counts.items() if n >= need
            }
            n_articles[str(outlet)] = len(distinct)
            if learned:
                boilerplate[str(outlet)] = learned
        self.boilerplate_ = boilerplate
        self.n_articles_ = n_articles
        return self

    def _check_fitted(self) -> None:
        if not hasattr(self, "boilerplate_"):
            from sklearn.exceptions import NotFittedError

            raise NotFittedError(
                "this ClutterDetector is not fitted yet; call fit(corpus) first, or use "
                "framing.find_clutter for the corpus-free rules"
            )

    def find(self, text: str | None, outlet: str | None = None) -> list[Span]:
        """Clutter in ``text``: the rules of :func:`find_clutter` plus learned lines.

        With ``outlet=None`` the lines learned for every outlet apply.
        """
        return self.find_all([text], [outlet])[0]

    def find_all(
        self, texts: Sequence[str | None], outlets: Sequence[str | None] | None = None
    ) -> list[list[Span]]:
        """:meth:`find` of each text (with the outlet beside it), the rules run on the batch."""
        self._check_fitted()
        outlets = [None] * len(texts) if outlets is None else outlets
        found = find_clutter_all(texts)
        return [
            self._learned(t, spans, o) if isinstance(t, str) and t else spans
            for t, spans, o in zip(texts, found, outlets, strict=True)
        ]

    def _learned(self, text: str, spans: list[Span], outlet: str | None) -> list[Span]:
        """``spans`` with the lines learned for ``outlet`` (every outlet for None) added."""
        if outlet is None:
            tables = list(self.boilerplate_.items())
        else:
            tables = [(str(outlet), self.boilerplate_.get(str(outlet), {}))]
        covered = {(s.start, s.end) for s in spans}
        extra = []
        for _, s, e in _lines(text):
            if e - s > self.max_chars or (s, e) in covered:
                continue
            key = line_key(text[s:e])
            for name, table in tables:
                if key in table:
                    extra.append(Span(s, e, table[key][0], text[s:e], f"boilerplate:{name}"))
                    break
        if not extra:
            return spans
        # a learned line replaces the fragments found inside it
        kept = [
            sp for sp in spans if not any(x.start <= sp.start and sp.end <= x.end for x in extra)
        ]
        return sorted(kept + extra, key=lambda sp: sp.start)

    def transform(self, corpus):
        """:func:`clean_corpus` with this detector: ``body_clean``, ``clutter``, ``clutter_share``."""
        self._check_fitted()
        return clean_corpus(corpus, detector=self)

    def fit_transform(self, corpus, y: Any = None):
        return self.fit(corpus).transform(corpus)


def _guess_kind(rules: _Rules, line: str) -> str:
    """The kind of a learned boilerplate line: its cues, else a byline shape, else other."""
    spans = _find_all(Docs([line]), rules)[0]
    if spans and len(spans[0]) == len(line.strip()):
        return spans[0].kind
    m = rules.words.regex.search(_fold(line))
    if m:
        return rules.words.name(m)[0]
    if rules.byline.fullmatch(line.strip()) or rules.credit.fullmatch(line.strip()):
        return "meta"
    return "other"


# --- HTML pages -----------------------------------------------------------------------


def extract_main_text(html: str) -> str:
    """The main text of an HTML page by trafilatura (the ``html`` extra), or ``""``.

    Raises
    ------
    InputError
        When trafilatura is not installed.
    """
    try:
        import trafilatura
    except ImportError as err:
        raise InputError("clean_html needs trafilatura: pip install framing[html]") from err
    if not isinstance(html, str):
        raise InputError(f"clean_html takes the page as str, not {type(html).__name__}")
    if not html.strip():
        return ""
    return trafilatura.extract(html, include_comments=False, include_tables=False) or ""


def clean_html(html: str) -> str:
    """Editorial text of an HTML page: trafilatura's main text, then clutter removed.

    Needs the ``html`` extra (``pip install framing[html]``). The clutter is measured on
    what trafilatura kept: ``find_clutter(extract_main_text(page))``.

    Examples
    --------
    >>> page = ("<html><body><article><p>" + "Police detained protesters in Moscow. " * 5
    ...         + "</p><p>Share this article</p><p>" + "They were released. " * 5
    ...         + "</p></article></body></html>")
    >>> text = clean_html(page)
    >>> "Share this article" in text, text.count("\\n\\n"), text[:38]
    (False, 1, 'Police detained protesters in Moscow. ')
    """
    return clean(extract_main_text(html))
