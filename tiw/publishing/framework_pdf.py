"""The whole framework as one PDF per language, made from the built framework pages (the same
Markdown as the website, rendered once; never a second source).

`compose()` joins the pages' <article> content, in navigation order, into one HTML document:
heading ids are made unique per page, links between framework pages become links inside the PDF,
other links become absolute web addresses, and anything marked `tiw-pdf-exclude` (such as the
download link itself) is left out. `render()` prints it with WeasyPrint as a tagged PDF/UA-1
document, with title, author, subject and language in its metadata and a bookmark for every
heading. hooks/framework_pdf.py runs `python -m tiw.publishing.framework_pdf --wait`, one process that
loads WeasyPrint and prints each language's document in a child of its own, so the two PDFs are made
side by side while the rest of the build goes on.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

from tiw.build import fragments
from tiw.build.cache import name_for

PDF_DIR = "downloads"
CSS = Path(__file__).with_name("framework_pdf.css")


def pdf_name(lang: str) -> str:
    return f"trauma-informed-wales-{lang}.pdf"


def pdf_url(lang: str) -> str:
    """Site-relative address of the language's PDF."""
    return f"{PDF_DIR}/{pdf_name(lang)}"


@dataclass(frozen=True)
class SourcePage:
    url: str  # site-relative URL, e.g. cy/framework/aims/
    path: Path  # the built HTML file


_ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.S)
_ATTR = re.compile(r'\b(id|href|src)="([^"]*)"')
_EXCLUDE = re.compile(r'<(?P<tag>[a-z0-9]+)\b[^>]*\bclass="[^"]*\btiw-pdf-exclude\b[^"]*"[^>]*>.*?</(?P=tag)>', re.S)
_DROP = [
    re.compile(r"<script\b.*?</script>", re.S),
    re.compile(r"<style\b.*?</style>", re.S),
    re.compile(r'<a\b[^>]*\bclass="[^"]*\b(?:md-content__button|headerlink)\b[^"]*"[^>]*>.*?</a>', re.S),
    re.compile(r"<button\b.*?</button>", re.S),
]


def _article(page: SourcePage) -> str:
    text = page.path.read_text(encoding="utf-8")
    m = _ARTICLE.search(text)
    if not m:
        raise ValueError(f"{page.path}: no <article> in the built page, so it cannot go into the PDF.")
    body = m.group(1)
    for rx in _DROP:
        body = rx.sub("", body)
    # An excluded element ends at the first closing tag of its name, so it must not contain an
    # element of the same name (the download link and "Last updated" do not); repeat for several.
    while True:
        new = _EXCLUDE.sub("", body)
        if new == body:
            break
        body = new
    return body


def _rewrite(body: str, index: int, page: SourcePage, pages: list[SourcePage], site_url: str, site_dir: Path) -> str:
    anchors = {p.url: i for i, p in enumerate(pages)}
    base = (site_url or "/").rstrip("/") + "/"

    def fix(m: re.Match) -> str:
        attr, value = m.group(1), html.unescape(m.group(2))
        if attr == "id":
            return f'id="p{index}-{html.escape(value)}"'
        if re.match(r"^[a-z][a-z0-9+.-]*:", value):  # https:, mailto:, tel:
            return m.group(0)
        if value.startswith("#"):
            return f'href="#p{index}-{html.escape(value[1:])}"' if value[1:] else f'href="#p{index}"'
        parts = urlsplit(value)
        path = parts.path
        if path.startswith("/"):
            resolved = path.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.url.rstrip("/") + "/x"), path))
            resolved = "" if resolved == "." else resolved
            if path.endswith("/") and resolved:
                resolved += "/"
        if attr == "src":
            return f'src="{(site_dir / resolved).resolve().as_uri()}"'
        if resolved in anchors and not parts.query:  # a framework page: a link inside the PDF
            target = anchors[resolved]
            return f'href="#p{target}-{html.escape(parts.fragment)}"' if parts.fragment else f'href="#p{target}"'
        absolute = base + resolved + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        return f'href="{html.escape(absolute)}"'

    return _ATTR.sub(fix, body)


def compose(
    pages: list[SourcePage],
    *,
    lang: str,
    site_url: str,
    site_dir: Path,
    strings: dict[str, str],
    author: str,
    description: str,
    date_text: str,
    date_iso: str,
) -> str:
    """One HTML document holding every page's content in order. `strings` holds the cover's words
    in the language: title, subtitle, credit, generated (with {date} and {url}), page_label."""
    sections = [fragments.markup(_rewrite(_article(page), i, page, pages, site_url, site_dir)) for i, page in enumerate(pages)]
    home = (site_url or "/").rstrip("/") + "/" + (pages[0].url if pages else "")
    before, _, after = strings["generated"].replace("{date}", date_text).partition("{url}")
    # Inside <style> HTML escaping does not apply: the word is escaped as a CSS string instead.
    label = strings["page_label"].replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return fragments.render(
        "documents/framework-pdf.html",
        lang=lang,
        title=strings["title"],
        subtitle=strings["subtitle"],
        credit=strings["credit"],
        author=author,
        description=description,
        date_iso=date_iso,
        label=fragments.markup(label),
        home=home,
        generated_before=before,
        generated_after=after,
        sections=sections,
    )


def render(document_html: str, out: Path, base: Path) -> None:
    """Print the composed document to `out` as PDF/UA-1 (tagged, with bookmarks and metadata)."""
    import weasyprint  # imported here: only the PDF step pays for it

    out.parent.mkdir(parents=True, exist_ok=True)
    doc = weasyprint.HTML(string=document_html, base_url=str(base))
    doc.write_pdf(out, stylesheets=[weasyprint.CSS(filename=str(CSS))], pdf_variant="pdf/ua-1")


# What else decides the printed bytes besides the document: the printing libraries (Python's and the
# system's text layout) and the fonts fontconfig can choose from.
_PRINTING_PACKAGES = ("weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "pyphen", "pillow")
_SYSTEM_LIBRARIES = ("libpango-1.0.so*", "libpangoft2-1.0.so*", "libharfbuzz*.so*", "libfontconfig.so*", "libfreetype.so*")
_LIBRARY_DIRS = ("/usr/lib", "/usr/lib64", "/usr/local/lib")
_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts")
_FILE_SRC = re.compile(r'\bsrc="(file://[^"]+)"')


def _file_identity(path: Path) -> str:
    stat = path.stat()
    return f"{path}\t{stat.st_size}\t{stat.st_mtime_ns}"


@functools.cache
def _printing_environment() -> tuple[str, ...]:
    """The printing libraries' versions and the identity of each system library and font: the same
    for both languages' PDFs, so looked up once a process."""
    found = []
    for name in _PRINTING_PACKAGES:
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} not installed")
    for folder in _LIBRARY_DIRS:  # the folder itself or its multiarch folder (x86_64-linux-gnu/)
        for pattern in _SYSTEM_LIBRARIES:
            found += [_file_identity(lib) for lib in sorted([*Path(folder).glob(pattern), *Path(folder).glob(f"*/{pattern}")])]
    for folder in _FONT_DIRS:
        root = Path(folder).expanduser()
        if root.is_dir():
            found += [_file_identity(font) for font in sorted(f for f in root.rglob("*") if f.is_file())]
    return tuple(found)


def print_key(undated_document: str) -> str:
    """The name of a printed PDF in the build cache (tiw/build/cache.py): a hash of everything that
    decides its bytes. That is the document composed without its date (a PDF printed on an earlier
    day from the same text says, truly, the day it was made), the bytes of each file it includes,
    the print stylesheet, this module, the versions of the printing libraries and the fonts
    installed. Any change to one of them is a different name, so a kept PDF is never stale."""
    included = []
    for uri in sorted(set(_FILE_SRC.findall(undated_document))):
        path = Path(urlsplit(uri).path)
        included.append(path.read_bytes() if path.is_file() else b"missing")
    return name_for(undated_document, *included, CSS.read_bytes(), Path(__file__).read_bytes(), *_printing_environment())


def human_size(n_bytes: int, lang: str) -> str:
    """203 KB, 1.2 MB (the same abbreviations in Welsh)."""
    if n_bytes < 1024 * 1024:
        return f"{max(1, round(n_bytes / 1024))} KB"
    return f"{n_bytes / (1024 * 1024):.1f} MB"


def _serve_jobs() -> int:
    """Load WeasyPrint once, then print each "DOCUMENT.html<TAB>OUT.pdf<TAB>LOG" line read from
    standard input in a forked child, which shares the loaded library (importing it costs about
    0.85 s of CPU, once instead of once per language) and writes its messages to LOG. Children
    print side by side; returns non-zero when any failed, once the input is closed."""
    import os
    import traceback

    import weasyprint  # noqa: F401  (loaded now, before the fork, used by render())

    children = []
    for line in sys.stdin:
        source, out, log = (Path(part) for part in line.rstrip("\n").split("\t"))
        pid = os.fork()
        if pid == 0:  # the child: print one document, then leave without running the parent's exit code
            code = 1
            try:
                with open(log, "w", encoding="utf-8") as log_file:
                    os.dup2(log_file.fileno(), 1)
                    os.dup2(log_file.fileno(), 2)
                    try:
                        render(source.read_text(encoding="utf-8"), out, source.parent)
                        code = 0
                    except BaseException:
                        traceback.print_exc()
                        out.unlink(missing_ok=True)  # no half-written PDF is taken for a finished one
                    sys.stdout.flush()
                    sys.stderr.flush()
            finally:
                os._exit(code)
        children.append(pid)
    failed = [pid for pid in children if os.waitpid(pid, 0)[1] != 0]
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    """`python -m tiw.publishing.framework_pdf DOCUMENT.html OUT.pdf` prints one document.
    `python -m tiw.publishing.framework_pdf --wait` loads WeasyPrint first, then prints each
    document named on its standard input (`_serve_jobs`): the build starts it early so that the
    import is done by the time the pages are ready. It exits quietly if its input closes with no job."""
    if argv[1:] == ["--wait"]:
        return _serve_jobs()
    if len(argv) != 3:
        print("usage: python -m tiw.publishing.framework_pdf DOCUMENT.html OUT.pdf | --wait", file=sys.stderr)
        return 2
    source, out = Path(argv[1]), Path(argv[2])
    render(source.read_text(encoding="utf-8"), out, source.parent)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
