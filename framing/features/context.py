"""The :class:`Context` shared by feature families: texts analysed once per batch."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from framing.text import Docs


class Context:
    """A batch of articles seen by every feature family, so each text is tokenised once.

    Parameters
    ----------
    headline, body : sequence of str or None
        One entry per article; ``None`` or NaN stands for missing text.

    Examples
    --------
    >>> ctx = Context(["Is Putin losing his grip?"], ["Thousands took to the streets."])
    >>> ctx.docs("headline").n_tokens.tolist(), len(ctx)
    ([5], 1)
    >>> ctx.memo("answer", lambda: 42), ctx.memo("answer", lambda: 0)
    (42, 42)
    """

    def __init__(self, headline: Sequence[Any], body: Sequence[Any]):
        if len(headline) != len(body):
            raise ValueError("headline and body must have the same length")
        self._texts: dict[str, Docs] = {"headline": Docs(headline), "body": Docs(body)}
        self._memo: dict[str, Any] = {}

    def __len__(self) -> int:
        return len(self._texts["body"])

    def docs(self, name: str) -> Docs:
        """The analysed texts called ``name``: ``headline`` or ``body``."""
        if name not in self._texts:
            raise KeyError(f"no text called {name!r}; known: {sorted(self._texts)}")
        return self._texts[name]

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute a shared intermediate result once per batch."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]
