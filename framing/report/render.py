"""Writing a report: the jinja2 templates in ``templates/``, as HTML or Markdown.

:func:`context` gathers what the templates show (the sections of
:mod:`framing.report.sections`, the notes, the title) and :func:`write_report` renders it.
HTML is one self-contained file: figures are embedded as base64 PNG and the template is
autoescaped, so article text always shows as text. Markdown is written with a
``<name>_files`` folder of PNGs beside it; its text goes through the ``md`` filter
(HTML escaped, Markdown marks neutralised) and article text sits in fenced blocks. Every
file is written atomically.
"""

from __future__ import annotations

import html
import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing import __version__
from framing.errors import ParameterError
from framing.io.atomic import atomic_folder, atomic_write
from framing.report.analysis import MAX_GROUPS, ReportData, largest
from framing.report.sections import ALPHA, examples, methods, page_sections

if TYPE_CHECKING:  # pragma: no cover
    from jinja2 import Environment

FORMATS = ("html", "md")


def check_format(format: str) -> None:
    """Raise :class:`~framing.errors.ParameterError` unless ``format`` is one of FORMATS.

    Examples
    --------
    >>> check_format("md")
    >>> check_format("pdf")
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: format must be 'html' or 'md', not 'pdf'
    """
    if format not in FORMATS:
        raise ParameterError(f"format must be 'html' or 'md', not {format!r}", parameter="format")


def md_escape(text: Any) -> str:
    """Text safe inside Markdown: HTML escaped, table pipes and emphasis marks neutralised.

    Examples
    --------
    >>> print(md_escape("<b>a|b</b> *c*"))
    &lt;b&gt;a\\|b&lt;/b&gt; \\*c\\*
    """
    return re.sub(r"([\\|*_`\[\]])", r"\\\1", html.escape(str(text), quote=False))


def _fence(text: str) -> str:
    """Text that cannot close a ``` fenced block."""
    return text.replace("```", "'''")


def environment() -> Environment:
    """The jinja2 environment of the report templates (autoescaped, with ``md`` and ``fence``).

    Examples
    --------
    >>> environment().from_string("{{ x }} {{ x | md }}").render(x="<i>")
    '&lt;i&gt; &amp;lt;i&amp;gt;'
    """
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("framing.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_escape
    env.filters["fence"] = _fence
    return env


def context(data: ReportData, max_groups: int = MAX_GROUPS) -> dict[str, Any]:
    """Everything the templates show, as plain values.

    Figures and examples show the ``max_groups`` largest groups; the statistics and the
    tables of differences cover all of them (a note says so).

    Parameters
    ----------
    data : ReportData
        What :func:`framing.report.analysis.analyse` computed.
    max_groups : int, default MAX_GROUPS
        Groups shown in figures and examples.

    Returns
    -------
    dict
        ``title``, ``by``, ``seed``, ``version``, ``sections`` (dicts with ``id``,
        ``title``, ``intro``, ``figures`` and ``tables``), ``examples``, ``methods``,
        ``notes`` and ``alpha``.
    """
    n_groups = data.corpus[data.by].nunique()
    shown = largest(data, max_groups)
    notes = list(data.notes)
    if shown is not data:
        notes.append(
            f"The first screen, figures and examples show the {max_groups} largest of "
            f"{n_groups} groups; the statistics and the tables of differences cover all of them."
        )
    sections = page_sections(data, shown)
    return {
        "title": f"How {n_groups} groups frame the news",
        "by": data.by,
        "seed": data.seed,
        "version": __version__,
        "sections": sections,
        "examples": examples(shown),
        "methods": methods(data),
        "notes": notes,
        "alpha": ALPHA,
    }


def write_report(data: ReportData, output: str | Path, *, format: str = "html") -> Path:
    """Render ``data`` to ``output`` (HTML, or Markdown with a ``<name>_files`` folder).

    Parameters
    ----------
    data : ReportData
        What :func:`framing.report.analysis.analyse` computed.
    output : path
        The file to write; missing folders are created.
    format : {"html", "md"}
        One self-contained HTML file, or Markdown with its PNGs in ``<stem>_files/``.

    Returns
    -------
    pathlib.Path
        ``output``.

    Examples
    --------
    >>> write_report(None, "x.pdf", format="pdf")
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: format must be 'html' or 'md', not 'pdf'
    """
    check_format(format)
    from markupsafe import Markup

    output = Path(output)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # tight-layout chatter from matplotlib
        ctx = context(data)
    if format == "html":
        passages = [p for s in ctx["sections"] for p in s.get("passages", ())]
        for example in [*ctx["examples"], *passages]:
            example["html"] = Markup(example["html"])  # built by explain, which escapes all text
        text = environment().get_template("report.html.j2").render(**ctx)
        with atomic_write(output) as f:
            f.write(text)
        return output
    folder = output.with_name(output.stem + "_files")
    env = environment()
    env.autoescape = False  # Markdown: text goes through the md filter instead
    text = env.get_template("report.md.j2").render(folder=folder.name, **ctx)
    # text and figures go in together: a run that fails half-way (disk full) leaves both
    # as they were, not old text beside new figures
    with atomic_folder(folder) as made, atomic_write(output) as f:
        for fig in (fig for s in ctx["sections"] for fig in s["figures"]):
            (made / f"{fig.name}.png").write_bytes(fig.png)
        f.write(text)
    return output
