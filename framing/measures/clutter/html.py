"""HTML pages: their main text by trafilatura (the ``html`` extra), then clutter removed.

Examples
--------
>>> extract_main_text("   ")
''
"""

from __future__ import annotations

from framing.errors import InputError
from framing.measures.clutter.clean import clean


def extract_main_text(html: str) -> str:
    """The main text of an HTML page by trafilatura (the ``html`` extra), or ``""``.

    Parameters
    ----------
    html : str
        The page.

    Returns
    -------
    str
        What trafilatura takes for the page's main text, without comments and tables;
        ``""`` for a blank page or one it finds no text in.

    Raises
    ------
    InputError
        When trafilatura is not installed, or ``html`` is not a str.

    Examples
    --------
    >>> page = "<html><body><article><p>" + "Police moved in. " * 9 + "</p></article></body></html>"
    >>> extract_main_text(page)[:33]
    'Police moved in. Police moved in.'
    """
    try:
        import trafilatura
    except ImportError as err:
        raise InputError("clean_html needs trafilatura: pip install framing[html]") from err
    if not isinstance(html, str):
        raise InputError(f"clean_html takes the page as str, not {type(html).__name__}")
    if not html.strip():
        return ""
    text: str | None = trafilatura.extract(html, include_comments=False, include_tables=False)
    return text or ""


def clean_html(html: str) -> str:
    """Editorial text of an HTML page: trafilatura's main text, then clutter removed.

    Needs the ``html`` extra (``pip install framing[html]``). The clutter is measured on
    what trafilatura kept: ``find_clutter(extract_main_text(page))``.

    Parameters
    ----------
    html : str
        The page.

    Returns
    -------
    str
        :func:`~framing.measures.clutter.clean.clean` of :func:`extract_main_text`.

    Raises
    ------
    InputError
        When trafilatura is not installed, or ``html`` is not a str.

    Examples
    --------
    >>> page = ("<html><body><article><p>" + "Police detained protesters in Moscow. " * 5
    ...         + "</p><p>Share this article</p><p>" + "They were released. " * 5
    ...         + "</p></article></body></html>")
    >>> text = clean_html(page)
    >>> "Share this article" in text, text.count("\\n\\n"), text[:38]
    (False, 1, 'Police detained protesters in Moscow. ')
    """
    return clean(extract_main_text(html))
