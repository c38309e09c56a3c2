"""Turn an error raised while a page's macros render into the project's message: the page's file,
the line counted in the source file (front matter included), and what to write instead. Without
this the macros plugin prints its own report with a Python traceback and a line number that
leaves out the front matter."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from tiw.core.errors import DataError, rel
from tiw.core.frontmatter import match_front_matter


def body_offset(source: str) -> int:
    """How many lines of the file come before the Markdown the macros see: the front matter and
    the blank lines after it (MkDocs strips both before the macros render the page)."""
    m = match_front_matter(source)
    if not m:
        return 0
    rest = source[m.end() :].replace("\r\n", "\n")
    return m.group(0).count("\n") + (len(rest) - len(rest.lstrip("\n")))


def template_line(error: BaseException) -> int | None:
    """The line in the rendered text where the error happened (Jinja keeps it in the traceback)."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return error.lineno
    line, tb = None, error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def describe(error: BaseException, known: list[str]) -> str:
    """What went wrong and what is expected, for an editor."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return (
            f"the text after {{{{ or {{% is not a macro call ({error.message}). Expected: a macro such as "
            '{{ level_detail("trauma-aware") }}. To show the braces themselves in prose, write '
            "{{ '{{' }} (or put the passage between {% raw %} and {% endraw %})"
        )
    if isinstance(error, jinja2.UndefinedError):
        name = re.search(r"'([^']+)' is undefined", str(error))
        shown = name.group(1) if name else str(error)
        return (
            f"'{shown}' is not a macro or value the site knows. Expected one of: {', '.join(sorted(known))} "
            "(each is defined in macros/)"
        )
    if isinstance(error, DataError):
        return str(error)
    return f"a macro failed ({type(error).__name__}: {error}). Check the macro's name and the values in its brackets"


def message(error: BaseException, source_path: Path, *, title_line: int | None = None, known: list[str]) -> str:
    """The full message for a page. `title_line`: the error was in the page title (front matter)."""
    if title_line is not None:
        line = title_line
    else:
        source = source_path.read_text(encoding="utf-8-sig", errors="replace")
        inner = template_line(error)
        line = (inner + body_offset(source)) if inner else None
    where = rel(source_path) + (f", line {line}" if line else "")
    return f"{where}: {describe(error, known).rstrip('.')}."
