"""Good but unusual input builds: byte-order marks, Windows line ends, the Welsh letters ŵ and ŷ in
every kind of field, a very long title, empty optional lists, an image by the site's own absolute
address; and a news post dated in the future is held back (not built, listed or in the feed)."""

from __future__ import annotations

import re

import pytest

from tests.buildcopy import build, copy_project

BOM = "\ufeff"
LONG = "Ŵyr ac wyres yn dysgu am drawma ac adfyd: " + "tŷ, dŵr, cwm, llŷn, " * 12 + "a diwedd"
FUTURE = "2099-01-01-future-plans.md"


def _post(text_title: str, summary: str, tags: str = "[]") -> str:
    return f'---\ntitle: "{text_title}"\ndate: 2026-11-27\nsummary: "{summary}"\ntags: {tags}\n---\n\n# {text_title}\n\nTestun: ŵ ŷ.\n'


def _future(title: str) -> str:
    return f"---\ntitle: {title}\ndate: 2099-01-01\nsummary: Not yet.\n---\n\n# {title}\n\nLater.\n"


def _unusual(project):
    docs = project / "docs"
    # News posts: a BOM and CRLF line ends, ŵ/ŷ in every field, a very long title, empty tags.
    for lang in ("en", "cy"):
        (docs / lang / "news/posts/2026-11-27-dwr-a-thy.md").write_bytes(
            (BOM + _post(LONG, "Crynodeb â ŵ a ŷ: dŵr a thŷ.", "[dŵr, tŷ]")).replace("\n", "\r\n").encode("utf-8")
        )
        (docs / lang / "news/posts" / FUTURE).write_text(_future("Future plans ŵ"), encoding="utf-8")
    # A page with a BOM, CRLF, ŵ/ŷ in its title and description, and the site's own absolute image.
    aims = docs / "en/framework/aims.md"
    text = aims.read_text(encoding="utf-8").replace("title: ", "title: Aims (ŵ ŷ) ", 1)
    text = text.replace("\n# ", "\n![The logo](http://127.0.0.1:8000/assets/images/logo.svg)\n\n# ", 1)
    aims.write_bytes((BOM + text).replace("\n", "\r\n").encode("utf-8"))
    # Data with a BOM and CRLF, ŵ/ŷ in the text fields.
    services = project / "data/services.yml"
    s = services.read_text(encoding="utf-8").replace('cy: "Gwasanaethau brys"', 'cy: "Gwasanaethau brys ŵ ŷ"')
    s = s.replace('cy: "Unrhyw un sydd mewn perygl uniongyrchol"', 'cy: "Unrhyw un ŵ ŷ mewn perygl"')
    services.write_bytes((BOM + s).replace("\n", "\r\n").encode("utf-8"))
    res = project / "resources/nice-ng116.yml"
    r = res.read_text(encoding="utf-8")
    r = r.replace('publisher: "National Institute', 'publisher: "Ŵyr ŷ National Institute')
    r = r.replace('cy: "Anhwylder straen wedi trawma', 'cy: "Ŵ ŷ Anhwylder straen wedi trawma')
    res.write_bytes((BOM + r).encode("utf-8"))
    glossary = project / "data/glossary.yml"
    glossary.write_bytes(glossary.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))


@pytest.fixture(scope="module")
def unusual_build(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("good"))
    _unusual(project)
    return project, build(project, timeout=900)


@pytest.mark.slow
def test_good_but_unusual_input_builds(unusual_build):
    project, result = unusual_build
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "Traceback" not in output
    site = project / "site"
    post = (site / "news/posts/2026-11-27-dwr-a-thy/index.html").read_text(encoding="utf-8")
    assert "tŷ, dŵr" in post and "Crynodeb â ŵ a ŷ" in (site / "news/index.html").read_text(encoding="utf-8")
    assert "Gwasanaethau brys ŵ ŷ" in (site / "cy/get-help/index.html").read_text(encoding="utf-8")
    assert "Aims (ŵ ŷ)" in (site / "framework/aims/index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_future_post_is_held_back_and_announced(unusual_build):
    project, result = unusual_build
    output = result.stdout + result.stderr
    assert re.search(r"INFO\s+-\s+News post news/posts/2099-01-01-future-plans\.md .*held back", output), output[-3000:]
    site = project / "site"
    for lang_root in (site, site / "cy"):
        assert not (lang_root / "news/posts/2099-01-01-future-plans").exists()
        assert "future-plans" not in (lang_root / "news/index.html").read_text(encoding="utf-8")
        assert "future-plans" not in (lang_root / "news/feed.xml").read_text(encoding="utf-8")
        assert "2026-11-27-dwr-a-thy" in (lang_root / "news/feed.xml").read_text(encoding="utf-8")
    assert "future-plans" not in (site / "sitemap.xml").read_text(encoding="utf-8")
