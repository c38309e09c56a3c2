"""No HTML is assembled in Python strings: every element the build writes comes from a Jinja
template with autoescape on (overrides/fragments/, rendered by tiw/build/fragments.py). This
reads the source of macros/, hooks/, tiw/ and tiw_editor/ and fails on any string literal (an
f-string's formatted values count as text) that holds an HTML tag, naming file, line and text."""

from __future__ import annotations

import ast
import re

import pytest

from tiw import ROOT

PACKAGES = ("macros", "hooks", "tiw", "tiw_editor")
# Markup, as against a message naming an element ("no <article> in the page", "<x src=…>"): an end
# tag, a start tag with a quoted attribute value, a start tag cut off at the literal's end (joined
# with `+`), or an element written bare that a message would not name so.
_TAG = re.compile(
    r"</[a-zA-Z][a-zA-Z0-9-]*\s*>"
    r"|<[a-zA-Z][a-zA-Z0-9-]*\s[^<>]*?[\w:-]+=[\"']"
    r"|<[a-zA-Z][a-zA-Z0-9-]*\s*$"
    r"|<(?:br|hr|wbr|td|th|tr|li|p)\s*/?>",
    re.I,
)
# Strings passed to these read HTML (a regex that matches a tag), they do not make it.
_REGEX_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "finditer", "findall"}
# Texts that show markup without making it, each with its reason: (file, the literal's text).
ALLOWED = {
    # The translation lint's message shows a translator the Markdown to write.
    (
        "tiw/translation/spelling.py",
        'x: an English sentence is left on the Welsh page: "x". Translate it; an English title stays in '
        'italics (*Title*), other English in <span lang="en">…</span>.',
    ),
}


def _text(node: ast.AST) -> str | None:
    """A string literal's text; an f-string's with each formatted value written as x."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
    return None


def _regex_arguments(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _REGEX_CALLS:
            if isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args:
                out.add(id(node.args[0]))
    return out


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def html_in_strings(source: str, rel: str) -> list[str]:
    """'file:line: text' for every string literal of `source` that holds an HTML tag."""
    tree = ast.parse(source)
    skip = _regex_arguments(tree) | _docstrings(tree)
    inside_fstrings = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    found = []
    for node in ast.walk(tree):
        if id(node) in skip or id(node) in inside_fstrings:
            continue
        text = _text(node)
        if text is not None and _TAG.search(text) and (rel, text) not in ALLOWED:
            found.append(f"{rel}:{node.lineno}: {text[:100]!r}")
    return found


def test_no_module_builds_html_in_a_string():
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            found += html_in_strings(path.read_text(encoding="utf-8"), rel)
    assert not found, (
        "HTML built in Python strings: write the markup in a template under overrides/fragments/ and "
        "render it with tiw.build.fragments.render(), passing the data:\n" + "\n".join(found)
    )


@pytest.mark.parametrize(
    "source",
    [
        "x = f'<p class=\"a\">{t}</p>'",
        "x = '<td></td>' * 3",
        "x = '<br>'",
        "x = f'<{tag} class=\"a\">'",
        "x = '<li' + ' class=\"a\">'",
        "def f():\n    return f'<h{n} id=\"{i}\">'",
    ],
)
def test_the_check_finds_markup(source):
    assert html_in_strings(source, "hooks/x.py")


@pytest.mark.parametrize(
    "source",
    [
        "x = re.compile(r'<article\\b[^>]*>')",
        'def f():\n    """Returns a <p> element."""',
        "x = 'a < b and c > d'",
        "x = f'{path}: no <article> in the built page'",
        "x = f'<{tag} {attr}=…> from another site'",
    ],
)
def test_the_check_leaves_regexes_docstrings_and_comparisons(source):
    assert not html_in_strings(source, "hooks/x.py")
