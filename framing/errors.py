"""Exceptions that carry a one-line message saying what is wrong and what to do."""


class FramingError(Exception):
    """Base class: the CLI prints ``str(error)`` on one line and exits with status 2."""


class InputError(FramingError, ValueError):
    """Input that cannot be used as given (empty, malformed, wrong type)."""


class CorpusError(InputError):
    """A corpus that is missing, unreadable, or lacks a column the task needs."""


class MissingColumnError(CorpusError):
    """A frame lacks columns a task needs.

    Attributes
    ----------
    missing : list of str
        The columns needed and not found.
    found : list of str
        The columns the frame has.
    aliases : list of str
        Other names that are mapped to the missing columns when a corpus is loaded.
    """

    def __init__(
        self,
        message: str,
        *,
        missing: list[str],
        found: list[str],
        aliases: list[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.missing = missing
        self.found = found
        self.aliases = aliases or []


class ParameterError(InputError):
    """A parameter whose value cannot be used (``parameter`` names it).

    Attributes
    ----------
    parameter : str
        The name of the parameter, as the function spells it.
    """

    def __init__(self, message: str, *, parameter: str) -> None:
        super().__init__(message)
        self.parameter = parameter
