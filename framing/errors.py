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


def check_positive(value: object, name: str, *, integer: bool = False) -> float:
    """``value`` if it is a finite number above 0 (a whole one when ``integer``), else a
    :class:`ParameterError` naming ``name``.

    Examples
    --------
    >>> check_positive(0.5, "C")
    0.5
    >>> check_positive(float("nan"), "C")
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: C must be a finite number above 0, not nan
    >>> check_positive(0, "top", integer=True)
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: top must be a whole number of at least 1, not 0
    """
    import numbers

    if integer:
        if isinstance(value, numbers.Integral) and not isinstance(value, bool) and int(value) >= 1:
            return int(value)
        raise ParameterError(
            f"{name} must be a whole number of at least 1, not {value!r}", parameter=name
        )
    if _above_zero(value):
        return float(value)  # type: ignore[arg-type]
    raise ParameterError(f"{name} must be a finite number above 0, not {value!r}", parameter=name)


def check_fraction(value: object, name: str) -> float:
    """``value`` if it is a number above 0 and at most 1, else a :class:`ParameterError`.

    Examples
    --------
    >>> check_fraction(0.3, "threshold")
    0.3
    >>> check_fraction(1.5, "threshold")
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: threshold must be a number above 0 and at most 1, not 1.5
    """
    if _above_zero(value) and float(value) <= 1:  # type: ignore[arg-type]
        return float(value)  # type: ignore[arg-type]
    raise ParameterError(
        f"{name} must be a number above 0 and at most 1, not {value!r}", parameter=name
    )


def check_days(value: object, name: str) -> int:
    """``value`` if it is a whole number of days, 0 or more, else a :class:`ParameterError`.

    Examples
    --------
    >>> check_days(0, "window_days")
    0
    >>> check_days(-1, "window_days")
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: window_days must be a whole number of days, 0 or more, not -1
    """
    import numbers

    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and int(value) >= 0:
        return int(value)
    raise ParameterError(
        f"{name} must be a whole number of days, 0 or more, not {value!r}", parameter=name
    )


def _above_zero(value: object) -> bool:
    """Whether ``value`` is a finite real number above 0 (not a bool)."""
    import math
    import numbers

    return (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
        and float(value) > 0
    )


def check_ngram_range(value: object, name: str) -> tuple[int, int]:
    """``value`` as ``(low, high)`` if it is two whole numbers with 1 <= low <= high, else a
    :class:`ParameterError` naming ``name``.

    Examples
    --------
    >>> check_ngram_range((2, 5), "char_ngrams")
    (2, 5)
    >>> check_ngram_range((5, 2), "char_ngrams")
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: char_ngrams must be (low, high) with 1 <= low <= high, such as (2, 5); got (5, 2)
    """
    import numbers

    pair = tuple(value) if isinstance(value, (tuple, list)) else ()
    if (
        len(pair) == 2
        and all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in pair)
        and 1 <= pair[0] <= pair[1]
    ):
        return int(pair[0]), int(pair[1])
    raise ParameterError(
        f"{name} must be (low, high) with 1 <= low <= high, such as (2, 5); got {value!r}",
        parameter=name,
    )
