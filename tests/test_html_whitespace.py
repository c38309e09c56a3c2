"""hooks/html_whitespace.py leaves out only whitespace that renders as nothing or one space: the line
breaks and indentation between two tags. Text, and every character inside pre, textarea, script and
style, is kept."""

from __future__ import annotations

from hooks.html_whitespace import collapse


def test_indentation_and_blank_lines_between_tags_become_one_line_break():
    page = "<ul>\n    \n    <li>one</li>\n\n\t<li>two</li>\n  </ul>\n"
    assert collapse(page) == "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"


def test_text_and_whitespace_without_a_line_break_are_kept():
    page = "<p>\n  Some   words\n  <a href='x'>a link</a> <em>and</em>\n  more\n</p>"
    assert collapse(page) == "<p>\n  Some   words\n  <a href='x'>a link</a> <em>and</em>\n  more\n</p>"


def test_preformatted_and_raw_text_elements_are_kept_whole():
    kept = [
        "<pre>line\n    <b>indented</b>\n\n  </pre>",
        '<textarea name="t">\n  <x>\n\n</textarea>',
        "<script>\n  if (a\n  <b) {}\n</script>",
        "<STYLE>\n  a>\n  b { }\n</STYLE>",
    ]
    for element in kept:
        page = f"<div>\n  {element}\n  <p>after</p>\n</div>"
        assert collapse(page) == f"<div>\n{element}\n<p>after</p>\n</div>"
