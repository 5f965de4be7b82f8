"""The :class:`Span`: a piece of evidence, located by character offsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text that drove a measure.

    Parameters
    ----------
    start, end : int
        Character offsets into the text that was analysed: ``text[start:end]``.
    kind : str
        What it is: a clutter kind (``ad``, ``newsletter``, ``teaser``, ``media``,
        ``social``, ``legal``, ``meta``, ``other``), a loaded-language family
        (``intensifier``, ``pejorative``, ...) or a headline device.
    text : str
        The covered text itself.
    label : str, optional
        Finer detail: the rule, lexicon or cue that matched.

    Examples
    --------
    >>> Span.at("Be Belarus, not Russia!", 3, 10, "emphasis")
    Span(start=3, end=10, kind='emphasis', text='Belarus', label='')
    """

    start: int
    end: int
    kind: str
    text: str
    label: str = ""

    @classmethod
    def at(cls, text: str, start: int, end: int, kind: str, label: str = "") -> Span:
        """Make a span of ``text[start:end]``."""
        return cls(start, end, kind, text[start:end], label)

    def __len__(self) -> int:
        return self.end - self.start
