"""Clutter learned from a corpus: lines that recur across many articles of one outlet.

A line that recurs in many articles of one outlet is that outlet's page furniture (a
byline, a donation appeal, a section banner), whatever its wording.
:class:`ClutterDetector` learns those lines and adds them to the rules of
:func:`~framing.measures.clutter.detect.find_clutter`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from numbers import Integral, Real
from typing import TYPE_CHECKING, Any

from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing.errors import InputError
from framing.measures.clutter.clean import clean_corpus
from framing.measures.clutter.detect import find_clutter_all, scan_docs, with_lines
from framing.measures.clutter.rules import Rules, load_rules
from framing.spans import Span
from framing.text import Docs
from framing.text import fold as _fold

if TYPE_CHECKING:
    import pandas as pd

_DIGITS = re.compile(r"\d+")
_LINE = re.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?)", re.M)


def _lines(text: str) -> list[tuple[int, int, int]]:
    """``(line start, content start, content end)`` of each non-blank line.

    The content is the line without surrounding whitespace (``\\r`` included).
    """
    return [(m.start(), *m.span(1)) for m in _LINE.finditer(text)]


def line_key(line: str) -> str:
    """The form under which lines are compared across articles (folded, lower, digits as 0).

    Parameters
    ----------
    line : str

    Returns
    -------
    str

    Examples
    --------
    >>> line_key("  Copyright © 2019 The Washington Times, LLC. ")
    'copyright © 0 the washington times, llc.'
    """
    return _DIGITS.sub("0", _fold(line).strip().lower())


def _guess_kind(rules: Rules, line: str) -> str:
    """The kind of a learned boilerplate line: its cues, else a byline shape, else other."""
    spans = scan_docs(Docs([line]), rules)[0]
    if spans and len(spans[0]) == len(line.strip()):
        return spans[0].kind
    m = rules.words.regex.search(_fold(line))
    if m:
        return rules.words.name(m)[0]
    if rules.byline.fullmatch(line.strip()) or rules.credit.fullmatch(line.strip()):
        return "meta"
    return "other"


class ClutterDetector(TransformerMixin, BaseEstimator):
    """Clutter rules plus each outlet's boilerplate, learned as lines that recur.

    A line that recurs in many articles of one outlet is that outlet's page furniture
    (a byline, a donation appeal, a section banner), whatever its wording. ``fit`` learns
    those lines from a corpus with ``outlet`` and ``body`` columns; :meth:`find` and
    :meth:`find_all` add them to the corpus-free rules of
    :func:`~framing.measures.clutter.detect.find_clutter`, and :meth:`transform` cleans a
    corpus as :func:`~framing.measures.clutter.clean.clean_corpus` does.

    Parameters
    ----------
    min_articles : int, default 5
        A line is boilerplate when it occurs in at least this many articles of an outlet
        (at least 2) ...
    min_share : float, default 0.01
        ... and in at least this fraction of that outlet's articles (0 to 1).
    max_chars : int, default 300
        Longer lines are never learned (repeated paragraphs are quotes, not furniture).

    Attributes
    ----------
    boilerplate_ : dict
        outlet -> {line key (:func:`line_key`) -> (kind, articles it occurred in)}.
    n_articles_ : dict
        outlet -> articles seen in ``fit`` (distinct non-empty bodies).
    max_chars_ : int
        ``max_chars`` as it was in ``fit``: longer lines are not looked up.

    Examples
    --------
    >>> import pandas as pd
    >>> bodies = [f"Story {c} happened today.\\nDavid Jackson, Staff" for c in "abcdef"]
    >>> det = ClutterDetector().fit(pd.DataFrame({"outlet": "USA TODAY", "body": bodies}))
    >>> [(s.kind, s.text, s.label) for s in det.find(bodies[0], "USA TODAY")]
    [('meta', 'David Jackson, Staff', 'boilerplate:USA TODAY')]
    >>> det.transform(pd.DataFrame({"body": [bodies[0]]}))["body_clean"].tolist()
    ['Story a happened today.']
    """

    def __init__(
        self, *, min_articles: int = 5, min_share: float = 0.01, max_chars: int = 300
    ) -> None:
        self.min_articles = min_articles
        self.min_share = min_share
        self.max_chars = max_chars

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True  # a frame of article bodies, not a numeric array
        return tags

    def _validate_params(self) -> None:
        """Raise InputError (a ValueError) unless the parameters make sense."""
        ok = (
            isinstance(self.min_articles, Integral)
            and not isinstance(self.min_articles, bool)
            and self.min_articles >= 2
            and isinstance(self.min_share, Real)
            and 0 <= self.min_share <= 1
            and isinstance(self.max_chars, Integral)
            and not isinstance(self.max_chars, bool)
            and self.max_chars >= 1
        )
        if not ok:
            raise InputError(
                "ClutterDetector needs min_articles >= 2, 0 <= min_share <= 1, max_chars >= 1 "
                f"(got {self.min_articles!r}, {self.min_share!r}, {self.max_chars!r})"
            )

    def fit(self, corpus: pd.DataFrame, y: Any = None) -> ClutterDetector:
        """Learn each outlet's recurring lines.

        Parameters
        ----------
        corpus : pandas.DataFrame
            With ``outlet`` and ``body`` columns; bodies that are not strings, empty or
            repeated count once or not at all.
        y : None
            Ignored.

        Returns
        -------
        ClutterDetector
            This detector, fitted.

        Raises
        ------
        InputError
            When a parameter is out of range.
        CorpusError
            When ``corpus`` lacks ``outlet`` or ``body``.
        """
        from framing.io.schema import require_columns

        self._validate_params()
        require_columns(corpus, ["outlet", "body"], where="ClutterDetector.fit")
        rules = load_rules()
        max_chars = int(self.max_chars)
        boilerplate: dict[str, dict[str, tuple[str, int]]] = {}
        n_articles: dict[str, int] = {}
        for outlet, bodies in corpus.groupby("outlet", sort=True)["body"]:
            distinct = {b for b in bodies if isinstance(b, str) and b}
            counts: Counter[str] = Counter()
            samples: dict[str, str] = {}
            for body in distinct:
                keys: dict[str, str] = {}
                for _, s, e in _lines(body):
                    if e - s <= max_chars:
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
        self.max_chars_ = max_chars
        return self

    def _check_fitted(self) -> None:
        check_is_fitted(
            self,
            ["boilerplate_", "n_articles_", "max_chars_"],
            msg="this ClutterDetector is not fitted yet; call fit(corpus) first, or use "
            "framing.find_clutter for the corpus-free rules",
        )

    def find(self, text: str | None, outlet: str | None = None) -> list[Span]:
        """Clutter in ``text``: the rules of ``find_clutter`` plus learned lines.

        Parameters
        ----------
        text : str or None
            One article body.
        outlet : str, optional
            Its outlet; with None the lines learned for every outlet apply.

        Returns
        -------
        list of Span
            In text order; a learned line has the label ``boilerplate:<outlet>``.

        Raises
        ------
        NotFittedError
            Before ``fit``.
        """
        return self.find_all([text], [outlet])[0]

    def find_all(
        self, texts: Sequence[str | None], outlets: Sequence[str | None] | None = None
    ) -> list[list[Span]]:
        """:meth:`find` of each text (with the outlet beside it), the rules run on the batch.

        Parameters
        ----------
        texts : sequence of str or None
            Article bodies.
        outlets : sequence of str or None, optional
            The outlet of each text (None: every outlet's lines apply).

        Returns
        -------
        list of list of Span
            One list per text.

        Raises
        ------
        NotFittedError
            Before ``fit``.
        """
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
            if e - s > self.max_chars_ or (s, e) in covered:
                continue
            key = line_key(text[s:e])
            for name, table in tables:
                if key in table:
                    extra.append(Span(s, e, table[key][0], text[s:e], f"boilerplate:{name}"))
                    break
        return with_lines(spans, extra)

    def transform(self, corpus: pd.DataFrame) -> pd.DataFrame:
        """Clean a corpus with the learned lines too.

        Parameters
        ----------
        corpus : pandas.DataFrame
            With a ``body`` column (and ``outlet``: without it every outlet's lines apply).

        Returns
        -------
        pandas.DataFrame
            As :func:`~framing.measures.clutter.clean.clean_corpus` gives it:
            ``body_clean``, ``clutter`` and ``clutter_share`` added.

        Raises
        ------
        NotFittedError
            Before ``fit``.
        """
        self._check_fitted()
        return clean_corpus(corpus, detector=self)
