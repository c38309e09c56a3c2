"""The quality gate over the built site (both languages, every page): valid HTML (Nu HTML Checker),
every internal link and #anchor resolves, page titles unique within each language, and a
Content-Security-Policy with no third-party source on every page."""

from __future__ import annotations

import html as htmllib
import json
import os
import re
import shutil
import subprocess
from collections import defaultdict

import pytest

from hooks.csp import EDITOR_EXTRA_SCRIPT_SOURCES, inline_scripts
from tests.sitepages import SITE, built_pages
from tiw import ROOT
from tools.linkcheck import DEFAULT_SITE_URL, check_site

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors in Material's own markup that we cannot change cleanly (each: exact message + a marker of
# the element it is about). Keep this list tiny; anything else is ours to fix.
MATERIAL_MARKUP_ERRORS = [
    # base.html: <input type="checkbox" autocomplete="off"> for the drawer/search toggles. The
    # attribute stops Firefox restoring a toggle's checked state on back navigation (the drawer or
    # search would reopen), so it does a job even though the spec does not allow it on checkboxes.
    ("Attribute \u201cautocomplete\u201d is only allowed when the input type is", 'type="checkbox"'),
    # partials/nav-item.html writes tabindex="" on section labels (navigation.sections); browsers
    # treat an empty tabindex as absent, which is the intended behaviour.
    ("Bad value \u201c\u201d for attribute \u201ctabindex\u201d on element \u201clabel\u201d", 'class="md-nav__link'),
    # partials/toc.html labels the "__toc" toggle, which nav-item.html renders only for a page that
    # is in the nav and is not a section index (navigation.indexes): the label then points nowhere.
    (
        "The value of the \u201cfor\u201d attribute of the \u201clabel\u201d element must be the ID of a non-hidden form control.",
        'for="__toc"',
    ),
]


def _is_material_error(message: dict) -> bool:
    return any(
        message.get("message", "").startswith(text) and marker in message.get("extract", "")
        for text, marker in MATERIAL_MARKUP_ERRORS
    )


@pytest.fixture(scope="module")
def html_files():
    files = sorted(SITE.rglob("*.html"))
    assert files, f"no built pages in {SITE}: run the build first"
    return files


def test_every_page_is_valid_html(html_files):
    java = shutil.which("java")
    assert java, "Java is not installed (.ci/run installs default-jre-headless)"
    assert VNU_JAR.is_file(), f"{VNU_JAR} missing: run `npm ci`"
    # One JVM for every page: the checker takes seconds to start.
    run = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, html_files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(run.stderr or run.stdout)
    errors = [m for m in report["messages"] if m.get("type") == "error" or m.get("subType") == "fatal"]
    ours = [m for m in errors if not _is_material_error(m)]
    lines = [
        f"{m.get('url', '').removeprefix('file:').replace(str(SITE) + '/', '')}:{m.get('lastLine', '?')}: "
        f"{m['message']}\n    {m.get('extract', '').strip()[:160]}"
        for m in ours
    ]
    assert not ours, f"{len(ours)} HTML errors:\n" + "\n".join(lines)
    # The run really checked the pages: with --errors-only a non-zero exit means errors.
    assert run.returncode == (1 if errors else 0), run.stderr[-2000:]


def test_every_internal_link_and_anchor_resolves():
    problems, count = check_site(SITE, os.environ.get("SITE_URL", DEFAULT_SITE_URL))
    assert count > 100, f"only {count} links found in {SITE}"
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(map(str, problems))


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_page_titles_are_unique_within_a_language(lang):
    seen: dict[str, list[str]] = defaultdict(list)
    for page in built_pages(lang):
        if not page.html_path.is_file():
            continue
        m = re.search(r"<title>(.*?)</title>", page.html, re.S)
        assert m and m.group(1).strip(), f"{page.url}: no <title>"
        seen[htmllib.unescape(m.group(1)).strip()].append(page.url or "/")
    duplicates = {t: urls for t, urls in seen.items() if len(urls) > 1}
    assert len(seen) > 10
    assert not duplicates, "titles used by more than one page:\n" + "\n".join(f"{t!r}: {u}" for t, u in duplicates.items())


# The browser editor's two pages (hooks/editor.py), the only ones with their own script policy.
EDITOR_PAGES = {"admin/index.html", "cy/admin/index.html"}
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def test_every_page_has_a_first_party_content_security_policy(html_files):
    for path in html_files:
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(SITE).as_posix()
        found = _CSP.findall(text)
        assert len(found) == 1, f"{rel}: {len(found)} Content-Security-Policy meta tags"
        assert "tiw:csp" not in text, f"{rel}: the CSP marker was not replaced"
        head = text.split("</head>")[0]
        assert head.index("Content-Security-Policy") < head.find("<script"), f"{rel}: a script precedes the CSP"
        directives = {d.split()[0]: d.split()[1:] for d in found[0].split(";") if d.strip()}
        assert directives["default-src"] == ["'self'"], rel
        assert directives["object-src"] == ["'none'"], rel
        for name, sources in directives.items():
            for source in sources:
                assert source.startswith("'") or source == "data:", f"{rel}: {name} allows {source}"
        scripts = directives["script-src"]
        if rel in EDITOR_PAGES:
            # The browser editor alone may evaluate strings (hooks/csp.py, editor_policy): exactly that, no more.
            assert scripts[:2] == ["'self'", *EDITOR_EXTRA_SCRIPT_SOURCES], rel
            scripts = [scripts[0], *scripts[2:]]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, rel
        # No inline script at all: the policy is never computed from what a page holds (issue 12).
        assert scripts == ["'self'"], f"{rel}: script-src allows {scripts}"
        assert inline_scripts(text) == [], f"{rel}: inline script or event attribute: {inline_scripts(text)}"


# -- the checkers themselves catch what they are for --------------------------------------------------


def test_link_checker_finds_missing_files_anchors_and_insecure_links(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<h2 id="here">x</h2><a href="a/">ok</a><a href="a/#there">ok</a><a href="#here">ok</a>'
        '<a href="a/#nowhere">bad anchor</a><a href="b/">missing</a><a href="http://example.org/">http</a>'
        '<a href="https://example.org/">ok</a><a href="mailto:x@example.org">ok</a><img src="a/pic.png">'
        '<a href="javascript:void(0)">bad scheme</a>',
        encoding="utf-8",
    )
    (tmp_path / "a" / "index.html").write_text(
        '<p id="there"><a href="../#here">ok</a><a href="../../up/">up</a>', encoding="utf-8"
    )
    problems, count = check_site(tmp_path)
    found = sorted((p.link.url, p.message.split()[0]) for p in problems)
    assert count == 12
    assert found == sorted(
        [
            ("a/#nowhere", "#nowhere"),
            ("b/", "target"),
            ("http://example.org/", "external"),
            ("a/pic.png", "target"),
            ("javascript:void(0)", "scheme"),
            ("../../up/", "points"),
        ]
    )


def test_inline_script_finder_flags_only_what_would_run():
    page = (
        '<script>var a=1</script><script type="application/json">{"x":1}</script>'
        '<script src="x.js"></script><script type="module">b()</script>'
        '<a href="javascript:go()">x</a><img src="a.png" onerror="b()">'
        # a browser drops tabs and line breaks from a URL, so these run too
        '<a href="java&#9;script:go()">x</a><a href="\n javascript:go()">x</a>'
        # text, not markup: a browser runs nothing inside a textarea or a comment
        "<textarea><script>c()</script></textarea><!-- <script>d()</script> -->"
    )
    found = [what for _, what in inline_scripts(page)]
    assert found == [
        "an inline <script>",
        "an inline <script>",
        "a javascript: URL in href= on <a>",
        "an event attribute onerror= on <img>",
        "a javascript: URL in href= on <a>",
        "a javascript: URL in href= on <a>",
    ]
