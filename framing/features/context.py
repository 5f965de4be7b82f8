"""The :class:`Context` shared by feature families: texts analysed once per batch."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

from framing.text import Docs

# Derived texts and where they come from ("module:function" taking a list of str and
# returning a list of str). A family asks for ``ctx.docs("editorial")`` and gets the
# body with clutter removed when the clutter module provides it.
TEXT_PROVIDERS: dict[str, str] = {
    "editorial": "framing.clutter:clean_texts",
}


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
        """The analysed texts called ``name`` (``headline``, ``body``, or a derived text)."""
        if name not in self._texts:
            provider = TEXT_PROVIDERS.get(name)
            if provider is None:
                raise KeyError(f"no text called {name!r}; known: {sorted(self._texts)}")
            module, func = provider.split(":")
            make = getattr(importlib.import_module(module), func)
            self._texts[name] = Docs(make(self._texts["body"].texts))
        return self._texts[name]

    def editorial(self) -> Docs:
        """The body with clutter removed when a provider registers ``"editorial"``, else the body."""
        return self.docs("editorial" if "editorial" in TEXT_PROVIDERS else "body")

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute a shared intermediate result once per batch."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]
