"""The weekly outside-link check (tools/external_links.py, .github/workflows/links.yml), run here
against a server on 127.0.0.1 only: it finds the outside links of a site and LinkChecker reports the
one that does not resolve."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading

import pytest
import yaml

from tests.sitepages import SITE
from tiw import ROOT
from tools.external_links import broken, external_links, report


@pytest.fixture()
def server(tmp_path):
    (tmp_path / "here.html").write_text("<p>here</p>", encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_only_outside_links_are_collected_once_with_their_pages(tmp_path):
    site = tmp_path / "site"
    (site / "cy").mkdir(parents=True)
    page = (
        '<a href="https://example.org/a#part">x</a><a href="../b/">rel</a>'
        '<link rel="canonical" href="http://127.0.0.1:8000/"><a href="mailto:x@example.org">m</a>'
    )
    (site / "index.html").write_text(page, encoding="utf-8")
    (site / "cy" / "index.html").write_text(page, encoding="utf-8")
    assert external_links(site, "http://127.0.0.1:8000/") == {"https://example.org/a": ["cy/index.html", "index.html"]}


def test_linkchecker_reports_the_address_that_does_not_resolve(server):
    failures = broken([server + "here.html", server + "gone.html"])
    assert list(failures) == [server + "gone.html"]
    assert "404" in failures[server + "gone.html"]
    text = report(failures, {server + "gone.html": ["get-help/index.html"]}, dt.date(2026, 12, 7))
    assert f"| {server}gone.html | " in text and "get-help/index.html" in text and "1 of the site's 1" in text


def test_the_built_site_has_outside_links_to_check():
    links = external_links(SITE)
    assert len(links) >= 10
    assert all(url.startswith("https://") for url in links), [u for u in links if not u.startswith("https://")]


def test_the_weekly_workflow_runs_the_check_and_reports_in_an_issue():
    text = (ROOT / ".github" / "workflows" / "links.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    on = workflow.get("on", workflow.get(True))
    assert on["schedule"][0]["cron"].split()[-1] == "1", "not weekly (Mondays)"
    assert workflow["permissions"]["issues"] == "write"
    runs = [s.get("run", "") for s in workflow["jobs"]["links"]["steps"]]
    assert "make external-links" in runs and "tools/system-deps" in runs
    assert "issues.create" in text and "issues.update" in text
