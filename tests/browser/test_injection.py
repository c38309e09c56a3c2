"""A script injected through any route an editor has (a page title, a raw <script> in Markdown, an
event attribute, a javascript: link in the services data, an image's onerror, a data string) does
not run: the content check refuses it before the build renders (so it never reaches a page), and
were it to reach one anyway, the policy the site ships (hooks/csp.py) blocks it in the browser.

Each case takes a built page, puts the payload where that route would have put it, gives the page
the policy exactly as the build computes it, and loads it in Chromium at its own address."""

from __future__ import annotations

import re

import pytest

from hooks import csp
from tests.sitepages import SITE
from tiw.core.content_safety import check_text

pytestmark = pytest.mark.browser

_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')

# route -> (page, where the payload goes (regex, inserted after the match), payload, what an editor writes, element to click)
ROUTES = {
    "front matter title, in the navigation": (
        "framework/aims/index.html",
        r'<nav class="md-nav md-nav--primary"[^>]*>',
        '<script>window.__pwned="title"</script>',
        "title: Aims <script>window.__pwned=1</script>",
        None,
    ),
    "raw script block in Markdown (Welsh page)": (
        "cy/framework/aims/index.html",
        r"<article[^>]*>",
        '<script>window.__pwned="script"</script>',
        "<script>window.__pwned=1</script>",
        None,
    ),
    "onclick attribute in Markdown": (
        "framework/aims/index.html",
        r"<article[^>]*>",
        '<a id="tiw-evil" href="#x" onclick="window.__pwned=\'onclick\'">Aims</a>',
        '<a href="#x" onclick="window.__pwned=1">Aims</a>',
        "#tiw-evil",
    ),
    "javascript: contact link in data/services.yml (Get help)": (
        "get-help/index.html",
        r'<div class="tiw-services">',
        '<a id="tiw-evil" href="javascript:window.__pwned=\'javascript\'">Call</a>',
        'value: "javascript:window.__pwned=1"',
        "#tiw-evil",
    ),
    "image onerror in a data string (Welsh Get help)": (
        "cy/get-help/index.html",
        r'<div class="tiw-services">',
        '<img src="missing.png" alt="" onerror="window.__pwned=\'onerror\'">',
        'en: "Help <img src=missing.png onerror=window.__pwned=1>"',
        None,
    ),
}


@pytest.mark.parametrize("route", list(ROUTES), ids=list(ROUTES))
def test_injected_script_is_refused_and_would_not_run(tab, base_url, route):
    page_path, where, payload, typed, click = ROUTES[route]
    # 1. It does not reach the page: the content check refuses what the editor would type.
    in_data = typed.startswith(("value:", "en:"))  # a line of a data file, not of a page
    assert check_text(typed, "x", markdown=not in_data), f"{route}: the content check lets {typed!r} through"
    # 2. Were it there, it would not run: the built page with the payload, under the site's policy.
    original = (SITE / page_path).read_text(encoding="utf-8")
    assert _META.search(original), f"{page_path}: no policy"
    body = _META.sub(csp.MARKER, original, count=1)
    m = re.search(where, body)
    assert m, f"{route}: {where!r} not in {page_path}"
    body = body[: m.end()] + payload + body[m.end() :]
    body = body.replace(csp.MARKER, f'<meta http-equiv="Content-Security-Policy" content="{csp.policy(body)}">', 1)
    url = base_url + page_path.removesuffix("index.html")
    tab.page.route(url, lambda r: r.fulfill(status=200, content_type="text/html; charset=utf-8", body=body))
    tab.page.add_init_script(
        "window.__blocked = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__blocked.push(e.violatedDirective));"
    )
    tab.page.goto(url)
    tab.page.wait_for_load_state("load")
    if click:
        tab.page.click(click)
        tab.page.wait_for_timeout(300)
    assert tab.page.evaluate("typeof window.__pwned") == "undefined", f"{route}: the injected script ran"
    blocked = tab.page.evaluate("window.__blocked")
    assert any(d.startswith("script-src") for d in blocked), f"{route}: the policy did not block it ({blocked})"
    # The site's own scripts still ran under the same policy (the theme set up its helpers).
    assert tab.page.evaluate("typeof __md_get") == "function"
