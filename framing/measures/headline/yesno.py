"""Does the body answer a yes/no headline: :func:`yesno_answered`, best effort.

Only the body lines and sentences holding enough of the question's words are tokenised: a
body without them is answered "no" after a few substring tests.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from framing.measures.headline.cuedata import cues
from framing.text import sentences, tokens


def _stem(token: str) -> str:
    """A crude stem: one of ``ing ed es s`` stripped, then a final ``e``.

    Examples
    --------
    >>> [_stem(t) for t in ("losing", "lose", "protests", "protesters")]
    ['los', 'los', 'protest', 'protester']
    """
    for suffix in ("ing", "ed", "es", "s"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)]
            break
    return token[:-1] if token.endswith("e") and len(token) > 3 else token


def _content(text: str) -> set[str]:
    """The stems of the content words of ``text`` (no stop words, no numbers).

    Examples
    --------
    >>> sorted(_content("Is Putin losing his grip in 2024?"))
    ['grip', 'los', 'putin']
    """
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

    Parameters
    ----------
    question : str
        The yes/no question (a ``yesno_question`` span of the headline).
    body : str
    sentences_of_body : sequence of (int, int), optional
        ``(start, end)`` of each sentence of ``body``; none of them runs over a line break.

    Returns
    -------
    bool

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
