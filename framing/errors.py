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
        missing: list[str] | None = None,
        found: list[str] | None = None,
        aliases: list[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.missing = missing or []
        self.found = found or []
        self.aliases = aliases or []


class ParameterError(InputError):
    """A parameter value that cannot be used (unknown choice, out of range, missing partner).

    Attributes
    ----------
    parameter : str
        The name of the parameter, as the function or estimator spells it.
    """

    def __init__(self, message: str, *, parameter: str = "") -> None:
        super().__init__(message)
        self.parameter = parameter
