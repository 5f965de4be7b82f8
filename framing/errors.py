"""Exceptions that carry a one-line message saying what is wrong and what to do."""


class FramingError(Exception):
    """Base class: the CLI prints ``str(error)`` on one line and exits with status 2."""


class InputError(FramingError, ValueError):
    """Input that cannot be used as given (empty, malformed, wrong type)."""


class CorpusError(InputError):
    """A corpus that is missing, unreadable, or lacks a column the task needs."""
