"""Identity and speed of ``find_clutter`` against its previous implementation.

    python benchmarks/clutter_identity.py [N_ARTICLES]

The gated scans of :mod:`framing.text.gate` and the batch scan of ``find_clutter_all`` must
leave every result of ``find_clutter`` unchanged. This script keeps a copy of the detection code as it was before them (below,
only here, not in the package) and compares the spans ``(start, end, kind, label, text)``
of both on the shipped sample (600 bodies) and on N AllSides bodies (default 3000) when
../shared/data is present. It exits with status 1 on any difference, and prints the time
of both beside a bare ``re.findall(r"\\w+")`` pass over the same bodies, in the same run
(CPU time, best of 5 rounds).
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from throughput import load_bodies

import framing
from framing.errors import InputError
from framing.measures import clutter
from framing.spans import Span
from framing.text import fold as _fold

KINDS = clutter.KINDS
PATTERNS_PATH = clutter.PATTERNS_PATH

# --- the reference implementation (the clutter scan before the gates), verbatim ------

_MAX_LEAD_REST = 160  # "READ MORE: <at most this many characters>"
_MAX_HEADLINE = 120  # a headline-like line is at most this long
_SENTENCE_END = frozenset(".!?;,:\"')-")  # after fold; a dash ends a transcript's cut-off
_SMALL_WORDS = frozenset("a an the of in on to for and or at by with as is from vs".split())
_TAGS_BEFORE = r"(?:<[^<>\n]{0,300}>\s*)*"  # raw HTML tags around a cue line
_TAGS_AFTER = r"(?:\s*<[^<>\n]{0,300}>)*"


class _Cues:
    """One section of cue patterns: a plain alternation to scan, and each pattern to name it.

    Python's ``re`` scans a plain alternation many times faster than one of named groups,
    and matches are rare: so the alternation finds them, then the patterns are tried in
    order at the match to tell which one it was (the one the alternation chose).
    """

    def __init__(self, by_kind: dict[str, list[str]], section: str, template: str, flags: int):
        self.cues: list[tuple[re.Pattern, str, str]] = []
        for kind, patterns in by_kind.items():
            if kind not in KINDS:
                raise InputError(
                    f"{PATTERNS_PATH.name}: unknown clutter kind {kind!r} in {section}"
                )
            for p in patterns:
                self.cues.append(
                    (re.compile(template.replace("{}", p), flags), kind, f"{section}:{p}")
                )
        alternation = "|".join(f"(?:{p})" for ps in by_kind.values() for p in ps) or "(?!)"
        self.regex = re.compile(template.replace("{}", alternation), flags)

    def name(self, match: re.Match) -> tuple[str, str]:
        """Kind and label of the cue that made ``match`` (a match of :attr:`regex`)."""
        text, start, end = match.string, match.start(), match.end()
        for cue, kind, label in self.cues:
            if cue.fullmatch(text, start, end):
                return kind, label
        # a cue whose lookahead needs the text after the match
        return next((k, lab) for cue, k, lab in self.cues if cue.match(text, start, match.endpos))


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
    words = [w for w in line.split() if w.lower() not in _SMALL_WORDS]
    capital = sum(w[0].isupper() for w in words)
    numbers = sum(any(c.isdigit() for c in w) for w in words)
    # prices and scores mark product lists and results tables, not other stories' headlines
    # a comma marks "Name, Outlet" credits and list items more often than headlines
    return (
        len(words) >= 5
        and capital >= 0.8 * len(words)
        and numbers < 2
        and "$" not in line
        and "," not in line
    )


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


def _whole_lines(rules: _Rules, folded: str) -> dict[int, tuple[str, str]]:
    """Line start -> (kind, label) for lines that are clutter by a cue, lead-in or tag."""
    found: dict[int, tuple[str, str]] = {}
    # offsets in scan are one more than in folded; lower() keeps them ("İ" aside)
    scan = "\n" + folded.replace("\u0130", "I").lower()
    for m in rules.line.regex.finditer(scan):
        found[m.start()] = rules.line.name(m)
    for m in rules.lead.regex.finditer(scan):
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
    return found


def _between_paragraphs(lines: list[tuple[int, int, int]], i: int) -> bool:
    """Whether a line next to line ``i`` is longer than a headline (an editorial paragraph)."""
    return any(
        0 <= j < len(lines) and lines[j][2] - lines[j][1] > _MAX_HEADLINE for j in (i - 1, i + 1)
    )


def _find(text: str, rules: _Rules) -> list[Span]:
    folded = _fold(text)
    lines = _lines(folded)
    whole = _whole_lines(rules, folded)
    fragments = [
        Span.at(text, m.start(), m.end(), *rules.anywhere.name(m))
        for m in rules.anywhere.regex.finditer(folded)
        if m.end() > m.start()
    ]
    out: list[Span] = []
    f = 0
    for i, (line_start, s, e) in enumerate(lines):
        inside = []
        while f < len(fragments) and fragments[f].start < e:
            if fragments[f].start >= s:
                inside.append(fragments[f])
            f += 1
        found = whole.get(line_start)
        if found is None and inside and _mostly_clutter(folded, s, e, inside):
            biggest = max(inside, key=len)
            found = biggest.kind, biggest.label
        if (
            found is None
            and e - s <= _MAX_HEADLINE
            and _headline_like(folded[s:e])
            and _between_paragraphs(lines, i)
        ):
            found = _shape_kind(rules, folded[s:e])
        if found:
            out.append(Span(s, e, found[0], text[s:e], found[1]))
        else:
            out.extend(inside)
    return out


def _mostly_clutter(text: str, s: int, e: int, spans: list[Span]) -> bool:
    """Whether clutter phrases make up most of the letters of the line ``text[s:e]``."""
    parts, pos = [], s
    for sp in spans:
        parts.append(text[pos : sp.start])
        pos = sp.end
    parts.append(text[pos:e])
    rest = sum(c.isalnum() for c in "".join(parts))
    return rest <= sum(len(sp) for sp in spans)


# --- the comparison --------------------------------------------------------------------


def spans(found: list[Span]) -> list[tuple]:
    return [(s.start, s.end, s.kind, s.label, s.text) for s in found]


def best_times(fns: dict, texts: list[str], repeat: int = 5) -> dict[str, float]:
    """CPU seconds of each ``fn(texts)``, best of ``repeat`` rounds taken in turn.

    Taking the passes in turn, round after round, spreads the load of a shared machine
    over all of them alike.
    """
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(repeat):
        for label, fn in fns.items():
            start = time.process_time()
            fn(texts)
            best[label] = min(best[label], time.process_time() - start)
    return best


def main() -> int:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    old_rules = load_rules(PATTERNS_PATH)
    allsides, source = load_bodies(limit)
    sets = [("sample", [b or "" for b in framing.load_sample().body])]
    if source != str(framing.corpus.load.SAMPLE_PATH):
        sets.append((f"{len(allsides):,} AllSides bodies", allsides))
    failed = 0
    for name, texts in sets:
        now = [spans(found) for found in clutter.find_clutter_all(texts)]
        differ = [t for t, n in zip(texts, now, strict=True) if spans(_find(t, old_rules)) != n]
        total = sum(len(_find(t, old_rules)) for t in texts)
        print(f"{name}: {len(texts):,} bodies, {total:,} spans, {len(differ)} differ")
        failed += len(differ)
    texts = sets[-1][1]
    findall = re.compile(r"\w+").findall
    times = best_times(
        {
            "bare re.findall(r'\\w+')": lambda ts: [findall(t) for t in ts],
            "find_clutter before": lambda ts: [_find(t, old_rules) for t in ts],
            "find_clutter_all now": clutter.find_clutter_all,
        },
        texts,
    )
    bare = times["bare re.findall(r'\\w+')"]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    for label, secs in times.items():
        print(
            f"{label:<26} {len(texts) / secs:>8,.0f} articles/s {mb / secs:>6.1f} MB/s"
            f"  {secs / bare:.2f} x the bare pass's time"
        )
    print(f"speed-up {times['find_clutter before'] / times['find_clutter_all now']:.2f}x")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
