"""The publishing workflow (issue 7): news and its feeds, "Last updated" and review dates, the
framework PDFs, sharing metadata, sitemap, robots.txt, redirects and the CI/deploy workflows.

Most tests read the built site (SITE); the unit tests run the same code on small temporary inputs;
two tests build a temporary copy of the project (marked slow)."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.buildcopy import build, build_env, copy_project
from tests.sitepages import SITE, built_pages
from tiw import LANGS, ROOT
from tiw.core.dates import MONTHS, format_date
from tiw.core.errors import DataError

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
PAGES = [p for p in built_pages() if not p.url.endswith("404.html")]
POSTS_DIR = "news/posts"


def _front(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"---\n(.*?)\n---", text, re.S)
    return yaml.safe_load(m.group(1)) if m else {}


def _site_base() -> str:
    """The site_url the build used, read from the home page's canonical link."""
    m = re.search(r'<link rel="canonical" href="([^"]+)"', (SITE / "index.html").read_text(encoding="utf-8"))
    assert m, "the home page has no canonical link"
    return m.group(1)


def _local(url: str) -> Path:
    """The built file behind an absolute address on this site."""
    base = _site_base()
    assert url.startswith(base), f"{url} is not on the site ({base})"
    rel = url[len(base) :]
    path = SITE / rel
    return path / "index.html" if rel == "" or rel.endswith("/") else path


# --- news: feeds, index, post pages --------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_feed_is_valid_atom_with_absolute_links(lang):
    prefix = "" if lang == "en" else f"{lang}/"
    feed_path = SITE / prefix / "news" / "feed.xml"
    assert feed_path.is_file(), f"no feed at {feed_path}"
    root = ET.parse(feed_path).getroot()  # raises on malformed XML
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    base = _site_base()
    links = [el.get("href") for el in root.iter(f"{ATOM}link")]
    assert links and all(re.match(r"^https?://", h) and h.startswith(base) for h in links), links
    self_link = next(el.get("href") for el in root.iter(f"{ATOM}link") if el.get("rel") == "self")
    assert self_link == f"{base}{prefix}news/feed.xml"

    sources = sorted((ROOT / "docs" / lang / POSTS_DIR).glob("*.md"), reverse=True)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(sources) >= 1
    for entry, source in zip(entries, sources):  # newest first, like the file names' dates
        meta = _front(source)
        assert entry.findtext(f"{ATOM}title") == meta["title"]
        assert entry.findtext(f"{ATOM}summary") == " ".join(meta["summary"].split())
        assert entry.findtext(f"{ATOM}published").startswith(str(meta["date"]))
        href = entry.find(f"{ATOM}link").get("href")
        assert href == f"{base}{prefix}news/posts/{source.stem}/"
        page = _local(href)
        assert page.is_file(), f"the feed links to {href}, which was not built"
        assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url or "/")
def test_every_page_advertises_its_languages_feed(page):
    m = re.search(
        r'<link rel="alternate" type="application/atom\+xml" hreflang="(\w+)" href="([^"]+)" title="([^"]+)">', page.html
    )
    assert m, f"{page.url}: no Atom feed link in <head>"
    lang, href, title = m.groups()
    prefix = "" if page.lang == "en" else f"{page.lang}/"
    assert lang == page.lang and href == f"{_site_base()}{prefix}news/feed.xml", (lang, href)
    assert ("newyddion" in title) == (page.lang == "cy"), title


@pytest.mark.parametrize("lang", LANGS)
def test_news_index_lists_posts_with_dates_in_its_language(lang):
    prefix = "" if lang == "en" else f"{lang}/"
    index = (SITE / prefix / "news" / "index.html").read_text(encoding="utf-8")
    sources = sorted((ROOT / "docs" / lang / POSTS_DIR).glob("*.md"), reverse=True)
    positions = []
    for source in sources:
        meta = _front(source)
        day = dt.date.fromisoformat(str(meta["date"]))
        link = re.search(rf'<a href="posts/{re.escape(source.stem)}/">([^<]+)</a>', index)
        assert link and html.unescape(link.group(1)) == meta["title"], f"{lang} news index: no link to {source.name}"
        assert f'<time datetime="{day.isoformat()}">{format_date(day, lang)}</time>' in index
        assert MONTHS[lang][day.month - 1] in index
        positions.append(link.start())
    assert positions == sorted(positions), "the news index is not newest first"
    assert 'type="application/atom+xml"' in index and 'href="feed.xml"' in index


@pytest.mark.parametrize("lang", LANGS)
def test_post_page_shows_its_date_in_its_language(lang):
    prefix = "" if lang == "en" else f"{lang}/"
    for source in (ROOT / "docs" / lang / POSTS_DIR).glob("*.md"):
        day = dt.date.fromisoformat(str(_front(source)["date"]))
        page = (SITE / prefix / POSTS_DIR / source.stem / "index.html").read_text(encoding="utf-8")
        assert f'<time datetime="{day.isoformat()}">{format_date(day, lang)}</time>' in page
        assert '<meta property="og:type" content="article">' in page


def _post(dir_: Path, lang: str, name: str, **fields) -> Path:
    path = dir_ / lang / POSTS_DIR / name
    path.parent.mkdir(parents=True, exist_ok=True)
    front = "".join(f"{k}: {v}\n" for k, v in fields.items())
    path.write_text(f"---\n{front}---\n\n# {fields.get('title', 'x')}\n", encoding="utf-8")
    return path


def test_posts_load_newest_first_and_refuse_bad_posts(tmp_path):
    from tiw.publishing.news import load_posts

    for lang in LANGS:
        _post(tmp_path, lang, "2026-01-05-first.md", title=f"First {lang}", date="2026-01-05", summary="One.")
        _post(tmp_path, lang, "2026-03-01-second.md", title=f"Second {lang}", date="2026-03-01", summary="Two.", tags="[a, b]")
    posts = load_posts(tmp_path)
    assert [p.title for p in posts["cy"]] == ["Second cy", "First cy"]
    assert posts["en"][0].tags == ("a", "b") and posts["cy"][0].url == "cy/news/posts/2026-03-01-second/"

    _post(tmp_path, "en", "2026-04-01-lonely.md", title="Lonely", date="2026-04-01", summary="No twin.")
    _post(tmp_path, "cy", "2026-05-01-no-date.md", title="Dim dyddiad", summary="Dim.")
    _post(tmp_path, "en", "2026-05-01-no-date.md", date="2026-05-01", summary="No title.")
    _post(tmp_path, "en", "2026-06-01-wrong.md", title="Wrong", date="2026-06-02", summary="Date differs.")
    _post(tmp_path, "cy", "2026-06-01-wrong.md", title="Anghywir", date="2026-06-01", summary="Iawn.")
    with pytest.raises(DataError) as err:
        load_posts(tmp_path)
    msg = str(err.value)
    assert "en/news/posts/2026-04-01-lonely.md, line 1: this news post has no Welsh twin" in msg
    assert "cy/news/posts/2026-05-01-no-date.md, field 'date': is missing" in msg
    assert "en/news/posts/2026-05-01-no-date.md, field 'title': is missing" in msg
    assert re.search(r"en/news/posts/2026-06-01-wrong.md, line \d+, field 'date': is 2026-06-02", msg)


def test_feed_writer_escapes_text():
    from tiw.publishing.news import Post, atom_feed

    post = Post(
        "en", Path("x.md"), "news/posts/2026-01-01-a.md", dt.date(2026, 1, 1), 'Tom & Jerry <"quoted">', "A < B & C", ("x&y",)
    )
    data = atom_feed("en", [post], "https://example.org/sub/", title="T & T", subtitle="S", author="A")
    root = ET.fromstring(data)
    assert root.find(f"{ATOM}entry/{ATOM}title").text == 'Tom & Jerry <"quoted">'
    assert root.find(f"{ATOM}entry/{ATOM}link").get("href") == "https://example.org/sub/news/posts/2026-01-01-a/"


# --- "Last updated" and review dates -------------------------------------------------------------


def _git(*args: str) -> str | None:
    try:
        r = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, timeout=30)
    except OSError:
        return None
    return r.stdout if r.returncode == 0 else None


def test_last_updated_matches_git_for_each_page():
    """Every page shows the date of the last commit of its own file (checked here one git call per
    file, independently of the build's single batched pass), or nothing when git cannot say."""
    shallow = (_git("rev-parse", "--is-shallow-repository") or "").strip()
    if _git("rev-parse", "--show-toplevel") is None or shallow == "true":
        for page in PAGES:
            assert 'class="tiw-updated' not in page.html, f"{page.url}: a date is shown without git history"
        return
    dirty = set((_git("status", "--porcelain", "--untracked-files=all", "--", "docs") or "").splitlines())
    dirty = {line[3:] for line in dirty}
    checked = 0
    for page in PAGES:
        src = f"docs/{page.lang}/{page.src}"
        shown = re.search(r'<p class="tiw-updated[^"]*">([^<]*)<time datetime="([\d-]+)">([^<]+)</time>', page.html)
        expected = None if src in dirty else (_git("log", "-1", "--format=%cs", "--", src) or "").strip() or None
        if expected is None:
            assert shown is None, f"{page.url}: shows {shown.group(2)} but {src} has uncommitted changes or no history"
            continue
        assert shown, f"{page.url}: no 'Last updated' date (git says {expected})"
        label, iso, text = shown.groups()
        assert iso == expected, f"{page.url}: shows {iso}, git log says {expected}"
        assert text == format_date(dt.date.fromisoformat(iso), page.lang)
        assert label.strip() == ("Last updated:" if page.lang == "en" else "Diweddarwyd ddiwethaf:")
        checked += 1
    print(f"{checked} pages dated from git")


def test_no_dates_without_full_git_history(tmp_path):
    from tiw.publishing import history

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("x")
    assert history.last_changed(tmp_path) is None  # a tarball: not a git checkout
    if shutil.which("git") and _git("rev-parse", "HEAD"):
        clone = tmp_path / "shallow"
        subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(clone)], check=True, capture_output=True)
        assert history.last_changed(clone) is None  # a shallow clone would date every page wrongly
        assert "shallow" in history.why_no_dates(clone)


def test_review_dates_listed_and_checked(tmp_path, capsys):
    from tiw.publishing.review import overdue, review_dates

    page = tmp_path / "en" / "a.md"
    page.parent.mkdir(parents=True)
    (tmp_path / "cy").mkdir()
    page.write_text("---\ntitle: A\nreview_by: 2020-01-31\n---\n# A\n", encoding="utf-8")
    (tmp_path / "cy" / "a.md").write_text("---\ntitle: A\nreview_by: 2999-01-01\n---\n# A\n", encoding="utf-8")
    reviews = review_dates(tmp_path)
    late = overdue(reviews, dt.date(2026, 11, 26))
    assert [r.review_by for r in late] == [dt.date(2020, 1, 31)] and late[0].path.endswith("en/a.md")
    (tmp_path / "cy" / "a.md").write_text("---\ntitle: A\nreview_by: next year\n---\n# A\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"cy/a\.md, line 3, field 'review_by': 'next year' is not a date"):
        review_dates(tmp_path)


def test_make_review_due_runs():
    result = subprocess.run([sys.executable, "-m", "tools.review_due"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "review" in result.stdout


# --- the framework PDFs --------------------------------------------------------------------------

_BLOCK = re.compile(
    r"</?(?:p|li|ul|ol|table|thead|tbody|tr|td|th|h[1-6]|dl|dt|dd|div|caption|figure|figcaption|"
    r"blockquote|section|details|summary|br|hr|nav)\b[^>]*>",
    re.I,
)
_EXCLUDED = re.compile(r'<(?P<t>div|p|span|aside)\b[^>]*class="[^"]*tiw-pdf-exclude[^"]*"[^>]*>.*?</(?P=t)>', re.S)


def _norm(text: str) -> str:
    text = html.unescape(text).replace("\u00ad", "")
    text = re.sub(r"[‘’]", "'", re.sub(r"[“”]", '"', text))
    text = re.sub(r"[–—]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def _text_runs(page_html: str) -> list[str]:
    """The framework page's text, as the runs of text between block-level tags."""
    body = re.search(r"<article[^>]*>(.*)</article>", page_html, re.S).group(1)
    body = _EXCLUDED.sub(" ", body)
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = _BLOCK.sub("\n", body)
    body = re.sub(r"<[^>]+>", "", body)
    return [_norm(run) for run in body.split("\n") if len(_norm(run).split()) >= 3]


def _nav_paths(items) -> list[str]:
    out = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        out.extend(_nav_paths(value) if isinstance(value, list) else [value])
    return out


def _framework_pages(lang: str):
    """The framework's pages in navigation order (mkdocs.yml), as built in `lang`."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV and other tags
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    order = [p for p in _nav_paths(config["nav"]) if p.startswith("framework/")]
    pages = {p.src: p for p in built_pages(lang)}
    return [pages[src] for src in order]


def _pdf_path(lang: str) -> Path:
    return SITE / "downloads" / f"trauma-informed-wales-{lang}.pdf"


def _pdf_text(lang: str) -> str:
    """The PDF's text as pypdf extracts it, page footers removed, whitespace made comparable."""
    from pypdf import PdfReader

    label = "Page" if lang == "en" else "Tudalen"
    pages = [re.sub(rf"\b{label} \d+\s*$", " ", page.extract_text() or "") for page in PdfReader(_pdf_path(lang)).pages]
    # A line that breaks after a hyphen ("trauma-" / "informed") or a slash is one word.
    pages = [re.sub(r"(?<=\w)-\n(?=\w)", "-", page) for page in pages]
    pages = [re.sub(r"(?<=\w/)\n(?=\w)", "", page) for page in pages]
    return _norm(" ".join(pages))


@pytest.fixture(scope="module")
def pdf_texts():
    """Both PDFs' text, extracted side by side (pypdf takes a few seconds for each)."""
    from concurrent.futures import ProcessPoolExecutor

    from pypdf import PdfReader

    for lang in LANGS:
        assert _pdf_path(lang).is_file(), f"no PDF at {_pdf_path(lang)}"
    with ProcessPoolExecutor(max_workers=2) as pool:
        texts = dict(zip(LANGS, pool.map(_pdf_text, LANGS)))
    return {lang: (PdfReader(_pdf_path(lang)), texts[lang]) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_opens_with_metadata_bookmarks_and_tags(pdf_texts, lang):
    reader, _ = pdf_texts[lang]
    assert len(reader.pages) >= 10
    meta = reader.metadata
    assert meta.title == ("Trauma-Informed Wales" if lang == "en" else "Cymru sy'n Ystyriol o Drawma")
    assert meta.author and "ACE Hub Wales" in meta.author
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == lang
    assert bool(catalog["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalog  # tagged PDF
    assert b"pdfuaid" in catalog["/Metadata"].get_object().get_data()  # PDF/UA-1 claimed
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    titles = []
    for page in _framework_pages(lang):
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page.html, re.S)
        titles.append(_norm(re.sub(r"<[^>]+>", "", h1.group(1))))
    assert [_norm(t) for t in top] == titles, "one top-level bookmark per framework page, in navigation order"


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_contains_the_whole_framework_text(pdf_texts, lang):
    _, text = pdf_texts[lang]
    pages = _framework_pages(lang)
    assert len(pages) >= 10
    missing, total = [], 0
    for page in pages:
        for run in _text_runs(page.html):
            total += 1
            if run not in text:
                missing.append(f"{page.url}: {run[:100]}")
    assert total > 200
    assert missing == [], f"{len(missing)} of {total} text runs are not in the {lang} PDF:\n" + "\n".join(missing[:20])


@pytest.mark.parametrize("lang", LANGS)
def test_framework_page_links_the_pdf_with_its_real_size(lang):
    from tiw.publishing.framework_pdf import human_size

    prefix = "" if lang == "en" else f"{lang}/"
    index = (SITE / prefix / "framework" / "index.html").read_text(encoding="utf-8")
    link = re.search(
        r'<a class="tiw-download__link" href="([^"]+)" type="application/pdf">([^<]+)</a> '
        r'<span class="tiw-download__size" data-tiw-pdf-size="(\w+)">\(PDF, ([^)]+)\)</span>',
        index,
    )
    assert link, f"{prefix}framework/: no PDF link with its size"
    href, _, size_lang, size = link.groups()
    pdf = (SITE / prefix / "framework" / href).resolve()
    assert pdf == (SITE / "downloads" / f"trauma-informed-wales-{lang}.pdf").resolve() and size_lang == lang
    assert size == human_size(pdf.stat().st_size, lang)


# A PDF is printed only when what decides it changed (hooks/framework_pdf.py): the build cache keeps
# the last printed PDF of each language under the name of its inputs (tiw/publishing/framework_pdf.py).
@pytest.mark.parametrize("lang", LANGS)
def test_the_built_pdf_is_kept_for_the_next_build(lang):
    from tiw.build.cache import KEEP, cache_dir
    from tiw.publishing.framework_pdf import pdf_name

    kept = sorted(cache_dir("pdf").glob(f"{lang}-*-{pdf_name(lang)}"))
    assert 1 <= len(kept) <= KEEP, f"expected 1 to {KEEP} kept {lang} PDFs in {cache_dir('pdf')}, found {[k.name for k in kept]}"
    built = _pdf_path(lang).read_bytes()
    assert any(k.read_bytes() == built for k in kept), "no kept PDF is the one the site has"


def test_a_pdf_is_printed_only_when_its_document_changed(tmp_path, monkeypatch):
    """The hook's own steps, with the built framework pages and without WeasyPrint: a document whose
    PDF is kept is copied from the cache, a changed one is sent to the printer, and a newly printed
    PDF replaces the language's earlier one in the cache."""
    from types import SimpleNamespace

    from tests.test_rebuild_shortcuts import _hook
    from tiw.build import state
    from tiw.publishing.framework_pdf import SourcePage

    hook = _hook("framework_pdf")
    monkeypatch.setenv("TIW_CACHE_DIR", str(tmp_path / "cache"))
    # a build state of this test's own, gone when it ends (monkeypatch puts the module's back)
    monkeypatch.setattr(state, "_current", None)
    monkeypatch.setattr(state, "_loaded", None)
    state.start()
    site = tmp_path / "site"
    shutil.copytree(SITE / "framework", site / "framework")
    pages = [SourcePage(p.parent.relative_to(site).as_posix() + "/", p) for p in sorted((site / "framework").rglob("index.html"))]
    sent = []
    printer = SimpleNamespace(stdin=SimpleNamespace(write=sent.append, flush=lambda: None))
    monkeypatch.setattr(hook, "_spawn", lambda: hook._state.update(printer={"proc": printer}))
    hook._state.update(pages={"en": pages}, jobs={}, printer=None, tmp=tempfile.TemporaryDirectory(dir=tmp_path))
    config = SimpleNamespace(site_dir=str(site), site_url="https://example.org/", site_author="A", site_description="D")

    hook._start(config, "en")  # nothing kept yet: printed
    job = hook._state["jobs"]["en"]
    assert job["printed"] and len(sent) == 1 and not job["out"].exists()
    job["out"].parent.mkdir(parents=True, exist_ok=True)
    job["out"].write_bytes(b"%PDF printed")
    hook._keep(job, "en")
    assert job["kept"].read_bytes() == b"%PDF printed"

    # the same document on another day: the kept PDF (which says, truly, the day it was made), and
    # nothing sent to the printer
    monkeypatch.setattr(hook, "dt", SimpleNamespace(date=SimpleNamespace(today=lambda: dt.date(2031, 1, 2))))
    hook._start(config, "en")
    again = hook._state["jobs"]["en"]
    assert not again["printed"] and len(sent) == 1
    assert again["kept"] == job["kept"] and again["out"].read_bytes() == b"%PDF printed"

    page = pages[-1].path
    page.write_text(
        page.read_text(encoding="utf-8").replace("</article>", "<p>A new sentence.</p></article>", 1), encoding="utf-8"
    )
    hook._start(config, "en")  # a page's text changed: printed again, under another name
    changed = hook._state["jobs"]["en"]
    assert changed["printed"] and len(sent) == 2 and changed["kept"] != job["kept"]
    changed["out"].write_bytes(b"%PDF printed again")
    hook._keep(changed, "en")
    assert {p.name for p in changed["kept"].parent.iterdir()} == {job["kept"].name, changed["kept"].name}


def test_the_pdfs_name_changes_with_whatever_decides_its_bytes(tmp_path, monkeypatch):
    from tiw.publishing import framework_pdf

    image = tmp_path / "figure.svg"
    image.write_text("<svg/>", encoding="utf-8")
    document = f'<p>Text</p><img src="{image.as_uri()}" alt="">'
    key = framework_pdf.print_key(document)
    assert framework_pdf.print_key(document) == key  # the same inputs, the same name
    assert framework_pdf.print_key(document.replace("Text", "Test")) != key  # the text
    image.write_text("<svg></svg>", encoding="utf-8")
    assert framework_pdf.print_key(document) != key  # a file the document includes
    image.write_text("<svg/>", encoding="utf-8")
    assert framework_pdf.print_key(document) == key
    css = tmp_path / "print.css"
    css.write_text(framework_pdf.CSS.read_text(encoding="utf-8") + "\np { color: black; }", encoding="utf-8")
    monkeypatch.setattr(framework_pdf, "CSS", css)
    assert framework_pdf.print_key(document) != key  # the print stylesheet
    monkeypatch.undo()
    monkeypatch.setattr(framework_pdf.metadata, "version", lambda name: "0.0" if name == "weasyprint" else "1")
    framework_pdf._printing_environment.cache_clear()  # looked up once a process: look again
    try:
        assert framework_pdf.print_key(document) != key  # the printing library
    finally:
        monkeypatch.undo()
        framework_pdf._printing_environment.cache_clear()


# --- sharing and findability ---------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url or "/")
def test_open_graph_and_description_in_the_pages_language(page):
    def meta(prop):
        m = re.search(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', page.html)
        return html.unescape(m.group(1)) if m else None

    other = "cy" if page.lang == "en" else "en"
    locale = {"en": "en_GB", "cy": "cy_GB"}
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', page.html).group(1)
    assert meta("og:url") == canonical == _site_base() + page.url
    assert meta("og:locale") == locale[page.lang] and meta("og:locale:alternate") == locale[other]
    assert meta("og:site_name") == ("Trauma-Informed Wales" if page.lang == "en" else "Cymru sy'n Ystyriol o Drawma")
    assert meta("og:title") and meta("og:description")
    description = re.search(r'<meta name="description" content="([^"]+)">', page.html)
    assert description and _norm(description.group(1)) == _norm(meta("og:description"))


def test_descriptions_differ_between_languages():
    by_src = {}
    for page in PAGES:
        m = re.search(r'<meta property="og:description" content="([^"]*)">', page.html)
        by_src.setdefault(page.src, {})[page.lang] = m.group(1) if m else None
    same = [src for src, d in by_src.items() if d.get("en") and d.get("en") == d.get("cy")]
    assert same == [], f"the Welsh page has the English description: {same}"


def test_sitemap_lists_every_page_with_language_alternates():
    root = ET.parse(SITE / "sitemap.xml").getroot()
    base = _site_base()
    listed = {}
    for url in root.findall(f"{SM}url"):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        listed[url.findtext(f"{SM}loc")] = alternates
    for page in PAGES:
        loc = base + page.url
        assert loc in listed, f"{page.url} is not in the sitemap"
        alts = listed[loc]
        assert set(alts) == {"en", "cy", "x-default"}, (page.url, alts)
        twin = next(p for p in PAGES if p.src == page.src and p.lang != page.lang)
        assert alts[page.lang] == loc and alts[twin.lang] == base + twin.url and alts["x-default"] == alts["en"]
    assert not [loc for loc in listed if loc.endswith("404.html")]
    robots = (SITE / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {base}sitemap.xml" in robots.splitlines()


def test_redirect_pages_in_both_languages(tmp_path):
    from tiw.data.site import load_site_data
    from tiw.publishing.findability import Redirect, write_redirects

    ui = load_site_data().ui
    strings = {k: ui[k] for k in ("redirect_title", "redirect_text")}
    written = write_redirects(
        tmp_path, [Redirect("framework/old-aims/", "framework/aims.md")], "https://example.org/site/", strings
    )
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "cy/framework/old-aims/index.html",
        "framework/old-aims/index.html",
    ]
    for lang, prefix in (("en", ""), ("cy", "cy/")):
        page = (tmp_path / prefix / "framework" / "old-aims" / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in page
        assert '<meta http-equiv="refresh" content="0; url=../aims/">' in page
        assert f'<link rel="canonical" href="https://example.org/site/{prefix}framework/aims/">' in page
        title = _front(ROOT / "docs" / lang / "framework" / "aims.md")["title"]
        assert f'<a href="../aims/">{html.escape(title)}</a>' in page
        assert html.escape(ui["redirect_title"][lang]) in page


def test_redirect_list_is_checked(tmp_path):
    from tiw.publishing.findability import load_redirects

    assert load_redirects() == [] or all(r.new.endswith(".md") for r in load_redirects())
    data = tmp_path / "redirects.yml"
    data.write_text(
        "redirects:\n  - from: old-page/\n    to: no-such-page.md\n  - from: framework/aims/\n    to: framework/aims.md\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as err:
        load_redirects(data)
    assert "entry 1, field 'to': docs/en/no-such-page.md does not exist" in str(err.value)
    assert "entry 2, field 'from': a page still exists at framework/aims/" in str(err.value)


# --- the workflows -------------------------------------------------------------------------------


def _workflow(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_ci_workflow_runs_make_test_on_pull_requests():
    ci = _workflow("ci.yml")
    assert "pull_request" in ci["on"]
    steps = _steps(ci)
    # The same script as CI here (.ci/run: tools/system-deps, then make test; tests/test_system_packages.py).
    assert any(re.search(r"(^|\n)\s*(bash )?\.ci/run\s*($|\n)", s.get("run", "")) for s in steps)
    assert re.search(r"(^|\n)make test\s*($|\n)", (ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    assert any(str(s.get("uses", "")).startswith("actions/setup-node") and str(s["with"]["node-version"]) == "20" for s in steps)
    packages = (ROOT / "system-packages.txt").read_text(encoding="utf-8")
    assert re.search(r"^chromium-headless-shell\b", packages, re.M) and re.search(r"^libpango", packages, re.M)


def test_deploy_workflow_tests_builds_with_site_url_and_deploys():
    deploy = _workflow("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    # A daily rebuild publishes news posts held back until their date (issue 12).
    assert re.fullmatch(r"\S+ \S+ \* \* \*", deploy["on"]["schedule"][0]["cron"]), deploy["on"].get("schedule")
    steps = _steps(deploy)
    runs = [s.get("run", "") for s in steps]
    assert any(re.search(r"(^|\n)\s*(bash )?\.ci/run\s*($|\n)", r) for r in runs)
    build = next(s for s in steps if "make build" in s.get("run", ""))
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]
    assert any(str(s.get("uses", "")).startswith("actions/deploy-pages") for s in steps)
    assert deploy["permissions"]["pages"] == "write" and deploy["permissions"]["id-token"] == "write"


# --- a temporary copy of the project, built for real --------------------------------------------


@pytest.fixture()
def project_copy(tmp_path):
    root = copy_project(tmp_path)
    probe = subprocess.run(
        [sys.executable, "-c", "import tiw; print(tiw.ROOT)"],
        env=build_env(root),
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(probe.stdout.strip()) == root, "the copy's build would use the real project's tiw"
    return root


def _build(root: Path) -> subprocess.CompletedProcess:
    return build(root, timeout=300, TIW_SKIP_PDF="1", SITE_URL=None)


@pytest.mark.slow
def test_broken_news_post_fails_the_build_naming_the_file(project_copy):
    root = project_copy
    post = next((root / "docs" / "cy" / POSTS_DIR).glob("*.md"))
    post.unlink()
    result = _build(root)
    assert result.returncode != 0, "the build passed with a news post missing its Welsh twin"
    assert f"docs/en/{POSTS_DIR}/{post.name}, line 1: this news post has no Welsh twin" in result.stderr + result.stdout


@pytest.mark.slow
def test_copy_builds_redirects_and_lists_overdue_reviews(project_copy):
    root = project_copy
    (root / "data" / "redirects.yml").write_text(
        "redirects:\n  - from: framework/old-purpose/\n    to: framework/purpose.md\n", encoding="utf-8"
    )
    page = root / "docs" / "cy" / "get-help.md"
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\nreview_by: 2020-02-02\n", 1), encoding="utf-8")
    result = _build(root)
    log = result.stderr + result.stdout
    assert result.returncode == 0, log[-3000:]
    assert "INFO    -  Review overdue: docs/cy/get-help.md: review was due on 2020-02-02" in log
    assert "WARNING" not in log
    for prefix in ("", "cy/"):
        moved = (root / "site" / prefix / "framework" / "old-purpose" / "index.html").read_text(encoding="utf-8")
        assert 'content="0; url=../purpose/"' in moved
    assert "PDF" in (root / "site" / "framework" / "index.html").read_text(encoding="utf-8")
