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

Three layers find it: cue patterns from ``patterns.json`` (whole lines, and distinctive
phrases anywhere, also glued inside an editorial paragraph); the shape of a line (a short
headline-like line between paragraphs, a bracketed tag at its end, an ALL CAPS lead-in, a
``Topic: headline`` title); and, with :class:`ClutterDetector`, the corpus: a line that
recurs across many articles of one outlet is that outlet's boilerplate.
:func:`find_clutter_all` does a batch of bodies at once, scanning their joined text with
each cue section once (what ``extract_features`` uses).

The modules:

========== ==========================================================================
module     what
========== ==========================================================================
rules      :data:`KINDS`, the cue patterns of ``patterns.json``, compiled and gated
detect     :func:`find_clutter`, :func:`find_clutter_all`: the batch scan
clean      :func:`clean`, :func:`clean_texts`, :func:`clean_corpus`, :func:`share`
learned    :class:`ClutterDetector`: each outlet's boilerplate, learned from a corpus
html       :func:`clean_html`: the main text of an HTML page, then clutter removed
========== ==========================================================================

:class:`ClutterDetector` is imported on first use, as it needs scikit-learn.

Examples
--------
>>> text = "Police detained 1,474 people.\\n\\nREAD MORE: Putin blasts NATO\\n\\nAdvertisement"
>>> [(s.kind, s.text) for s in find_clutter(text)]
[('teaser', 'READ MORE: Putin blasts NATO'), ('ad', 'Advertisement')]
>>> clean(text)
'Police detained 1,474 people.'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.measures.clutter.clean import (
    clean,
    clean_corpus,
    clean_texts,
    remove_spans,
    share,
    spans_json,
)
from framing.measures.clutter.detect import find_clutter, find_clutter_all, scan_docs
from framing.measures.clutter.html import clean_html, extract_main_text
from framing.measures.clutter.rules import (
    KINDS,
    PATTERNS_PATH,
    PROMO_KINDS,
    Cues,
    Rules,
    load_rules,
)

if TYPE_CHECKING:
    from framing.measures.clutter.learned import ClutterDetector, line_key

_LAZY = {"ClutterDetector", "line_key"}  # in .learned, which imports scikit-learn

__all__ = [
    "KINDS",
    "PATTERNS_PATH",
    "PROMO_KINDS",
    "ClutterDetector",
    "Cues",
    "Rules",
    "clean",
    "clean_corpus",
    "clean_html",
    "clean_texts",
    "extract_main_text",
    "find_clutter",
    "find_clutter_all",
    "line_key",
    "load_rules",
    "remove_spans",
    "scan_docs",
    "share",
    "spans_json",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from framing.measures.clutter import learned

        return getattr(learned, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
