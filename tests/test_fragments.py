"""HTML fragments (tiw.build.fragments): every value is escaped unless the code marks it as HTML
the build made, and a template's lines join into inline HTML."""

from __future__ import annotations

import pytest
from jinja2 import UndefinedError

from tiw.build import fragments


def test_values_are_escaped():
    out = fragments.render("picture.html", src="a.svg", alt='<script>alert("x")</script> & Cymru\'s')
    assert "<script>" not in out
    assert 'alt="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cymru&#x27;s"' in out


def test_lines_are_joined_and_marked_html_is_kept():
    out = fragments.render("fallback-notice.html", title="T", body="B", lang="en", content=fragments.markup("<p>Page</p>"))
    assert "\n" not in out and out.endswith('<div class="tiw-fallback" lang="en"><p>Page</p></div>')
    assert '<p class="admonition-title">T</p><p>B</p></div>' in out


def test_a_missing_value_fails_instead_of_rendering_blank():
    with pytest.raises(UndefinedError):
        fragments.render("picture.html", src="a.svg")
