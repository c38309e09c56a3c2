"""A real browser against the built site: Debian's Chromium driven by Playwright, the site served
from 127.0.0.1 by a plain static server (as any static host would).

`make test` runs the suite under pytest-xdist: each worker is its own process with its own server
and one Chromium (the session fixtures below), and each test gets a fresh context in it, so no
state (storage, routes, init scripts) passes from one test to the next. Reusing one context per
worker was measured and saved nothing here: a new context and page cost the same as a new page."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from urllib.parse import urlsplit

import pytest

from tests.sitepages import SITE
from tiw import ROOT
from tools.browser import MISSING, chromium

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The second engine: HTML_CodeSniffer's built script (npm html_codesniffer), WCAG2AA standard.
HTMLCS_JS = ROOT / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"
WCAG22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


@functools.cache
def _htmlcs_source() -> str:
    return HTMLCS_JS.read_text(encoding="utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A page closed while a file was still being sent (the next test's context is already
        # loading): the browser's choice, not a fault of the site. Anything else is printed.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def base_url():
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium()  # tools/browser.py: the headless shell, a third of the full browser's CPU
    if not executable:
        pytest.fail(MISSING)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Tab:
    """A browser page that records every request and refuses any that leaves 127.0.0.1."""

    def __init__(self, context):
        self.context = context
        self.page = context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []  # responses with an HTTP error: a missing asset or page
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"{r.status} {r.url}"))

    def foreign_requests(self) -> list[str]:
        return [
            u
            for u in self.requests
            if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).hostname != "127.0.0.1"
        ]

    def axe(self, tags=WCAG22_AA) -> list[dict]:
        # Injecting axe-core costs about 0.4 s: once per loaded document, not once per run.
        if not self.page.evaluate("() => typeof window.axe === 'object'"):
            self.page.evaluate(_axe_source())
        # resultTypes: only violations are reported in full (passes keep one node each), which
        # makes a run about three times faster on a long page; every rule still runs.
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", tags
        )
        return result["violations"]

    def htmlcs(self, standard="WCAG2AA") -> list[dict]:
        """HTML_CodeSniffer's errors (not its warnings and notices, which ask for a human check)."""
        self.page.evaluate(_htmlcs_source())
        return self.page.evaluate(
            """standard => new Promise(done => HTMLCS.process(standard, document, () => done(
            HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR).map(m => ({
                code: m.code, message: m.msg, element: m.element.outerHTML.slice(0, 160)})))))""",
            standard,
        )


# Resolves once the page has stopped changing: no change to the document for `quiet` ms (and never
# later than `longest` ms), then two frames, so layout and paint are done too. For a page that draws
# itself by script after a route change (the editor): a fixed pause was too long on a quiet machine
# and could be too short on a busy one.
_SETTLED = """([quiet, longest]) => new Promise(done => {
  let timer = null, over = false;
  const finish = () => {
    if (over) return;
    over = true;
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(limit);
    requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
  };
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(finish, quiet); });
  observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  timer = setTimeout(finish, quiet);
  const limit = setTimeout(finish, longest);
})"""


def settle(page, quiet_ms: int = 400, longest_ms: int = 10000) -> None:
    page.evaluate(_SETTLED, [quiet_ms, longest_ms])


@pytest.fixture()
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(lambda url: urlsplit(url).hostname not in ("127.0.0.1", None), lambda route: route.abort())
    t = Tab(context)
    yield t
    context.close()


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = "; ".join(" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"]) for n in v["nodes"][:5])
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} -> {targets}")
    return "\n".join(lines)
