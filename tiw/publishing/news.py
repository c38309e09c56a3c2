"""News posts: Markdown files in docs/<lang>/news/posts/YYYY-MM-DD-slug.md, one in each language at
the same path, with `title`, `date` (YYYY-MM-DD, the same as in the file name), `summary` and
optional `tags` in their front matter.

The Material blog plugin breaks under static-i18n, so the news index (macros/news.py), the post
pages' date line and the Atom feeds (hooks/news.py) are built from this module. `load_posts()`
checks every post and raises DataError naming each file, line and field that is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from tiw import LANGS, ROOT
from tiw.build.language import absolute_url, site_path
from tiw.core.errors import DataError, rel
from tiw.core.frontmatter import read_front_matter

POSTS_DIR = "news/posts"  # under docs/<lang>/
INDEX_URL = "news/"  # the news index, per language (site_path adds cy/)
FEED_URL = "news/feed.xml"  # the Atom feed, per language
FILE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Post:
    lang: str
    path: Path
    src: str  # path under docs/<lang>/, e.g. news/posts/2026-11-26-site-launch.md
    date: dt.date
    title: str
    summary: str
    tags: tuple[str, ...]

    @property
    def url(self) -> str:
        """Site-relative URL in its language, e.g. cy/news/posts/2026-11-26-site-launch/."""
        return site_path(self.src[:-3] + "/", self.lang)


def is_post(src: str) -> bool:
    """True for a page path under docs/<lang>/ that is a news post."""
    return src.startswith(POSTS_DIR + "/") and src.endswith(".md")


def _check_post(path: Path, lang: str, problems: list[str]) -> Post | None:
    where = rel(path)
    m = FILE_NAME.match(path.name)
    if not m:
        problems.append(
            f"{where}: the file name must be the date and a short name in lower case with hyphens, "
            "such as 2026-11-26-site-launch.md."
        )
        return None
    try:
        meta, lines, _ = read_front_matter(path)
    except DataError as exc:
        problems.append(str(exc))
        return None

    def field(name: str) -> str:
        return f"{where}, line {lines[name]}, field '{name}'" if name in lines else f"{where}, field '{name}'"

    ok = True
    for name in ("title", "summary"):
        value = meta.get(name)
        if value is None:
            problems.append(
                f"{field(name)}: is missing. Expected: `{name}: ...` in the front matter "
                "(between the --- lines at the top of the post)."
            )
            ok = False
        elif not isinstance(value, str) or not value.strip():
            problems.append(
                f"{field(name)}: is empty or not text. Expected: the post's {name} in {'Welsh' if lang == 'cy' else 'English'}."
            )
            ok = False
    date = None
    raw = meta.get("date")
    if raw is None:
        problems.append(f"{field('date')}: is missing. Expected: `date: {m.group(1)}` (the date in the file name).")
        ok = False
    else:
        try:
            date = dt.date.fromisoformat(str(raw).strip())
        except ValueError:
            problems.append(f"{field('date')}: {raw!r} is not a date. Expected: YYYY-MM-DD, such as {m.group(1)}.")
            ok = False
        if date is not None and date.isoformat() != m.group(1):
            problems.append(
                f"{field('date')}: is {date.isoformat()} but the file name starts with {m.group(1)}. "
                "Expected: the same date in both (rename the file in both languages, or fix the date)."
            )
            ok = False
    tags = meta.get("tags", [])
    if tags is None or not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
        problems.append(f"{field('tags')}: must be a list of words, such as `tags: [launch]`, or left out.")
        ok = False
    if not ok:
        return None
    return Post(
        lang=lang,
        path=path,
        src=f"{POSTS_DIR}/{path.name}",
        date=date,
        title=meta["title"].strip(),
        summary=" ".join(meta["summary"].split()),
        tags=tuple(t.strip() for t in tags),
    )


def check_posts(docs_dir: Path | None = None) -> dict[str, list[Post]]:
    """Every post, checked, per language, newest first, whatever its date. Raises DataError
    listing all problems (a missing twin or field, two posts with one short name, ...)."""
    docs_dir = docs_dir or ROOT / "docs"
    problems: list[str] = []
    names = {lang: {p.name for p in (docs_dir / lang / POSTS_DIR).glob("*.md")} for lang in LANGS}
    for lang in LANGS:
        for other in LANGS:
            for name in sorted(names[other] - names[lang]):
                problems.append(
                    f"{rel(docs_dir / other / POSTS_DIR / name)}, line 1: this news post has no "
                    f"{'Welsh' if lang == 'cy' else 'English'} twin. Expected: "
                    f"{rel(docs_dir / lang / POSTS_DIR / name)} with the same file name, "
                    f"in {'Welsh' if lang == 'cy' else 'English'}."
                )
    posts: dict[str, list[Post]] = {lang: [] for lang in LANGS}
    for lang in LANGS:
        by_slug: dict[str, Path] = {}
        for path in sorted((docs_dir / lang / POSTS_DIR).glob("*.md")):
            m = FILE_NAME.match(path.name)
            if m and m.group(2) in by_slug:
                problems.append(
                    f"{rel(path)}, line 1: this post has the same short name '{m.group(2)}' as "
                    f"{rel(by_slug[m.group(2)])}. Expected: one post per short name; give one of them "
                    "another name (in both languages), or delete the older one."
                )
            elif m:
                by_slug[m.group(2)] = path
            post = _check_post(path, lang, problems)
            if post:
                posts[lang].append(post)
    if problems:
        raise DataError("\n".join(dict.fromkeys(problems)))
    for lang in LANGS:
        posts[lang].sort(key=lambda p: (p.date, p.src), reverse=True)
    return posts


def build_date() -> dt.date:
    """The day the site is built: posts dated after it are held back until a build on or after it."""
    return dt.date.today()


def load_posts(docs_dir: Path | None = None, today: dt.date | None = None) -> dict[str, list[Post]]:
    """The published posts per language (dated on or before `today`, the build date), newest first."""
    today = today or build_date()
    return {lang: [p for p in posts if p.date <= today] for lang, posts in check_posts(docs_dir).items()}


def held_back(docs_dir: Path | None = None, today: dt.date | None = None) -> list[Post]:
    """The posts (every language) dated after `today`: not listed, not in the feed, not built."""
    today = today or build_date()
    return [p for posts in check_posts(docs_dir).values() for p in posts if p.date > today]


def _stamp(d: dt.date) -> str:
    return f"{d.isoformat()}T00:00:00Z"


def atom_feed(
    lang: str, posts: list[Post], site_url: str, *, title: str, subtitle: str, author: str, today: dt.date | None = None
) -> bytes:
    """The Atom feed of one language's posts (newest first), every link absolute."""
    ET.register_namespace("", ATOM)
    q = lambda tag: f"{{{ATOM}}}{tag}"  # noqa: E731
    feed = ET.Element(q("feed"), {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    index = absolute_url(site_url, site_path(INDEX_URL, lang))
    ET.SubElement(feed, q("title")).text = title
    ET.SubElement(feed, q("subtitle")).text = subtitle
    ET.SubElement(feed, q("id")).text = index
    ET.SubElement(
        feed,
        q("link"),
        {"rel": "self", "type": "application/atom+xml", "href": absolute_url(site_url, site_path(FEED_URL, lang))},
    )
    ET.SubElement(feed, q("link"), {"rel": "alternate", "type": "text/html", "hreflang": lang, "href": index})
    updated = max((p.date for p in posts), default=today or dt.date.today())
    ET.SubElement(feed, q("updated")).text = _stamp(updated)
    ET.SubElement(ET.SubElement(feed, q("author")), q("name")).text = author
    for post in posts:
        entry = ET.SubElement(feed, q("entry"))
        url = absolute_url(site_url, post.url)
        ET.SubElement(entry, q("title")).text = post.title
        ET.SubElement(entry, q("link"), {"rel": "alternate", "type": "text/html", "hreflang": lang, "href": url})
        ET.SubElement(entry, q("id")).text = url
        ET.SubElement(entry, q("published")).text = _stamp(post.date)
        ET.SubElement(entry, q("updated")).text = _stamp(post.date)
        ET.SubElement(entry, q("summary")).text = post.summary
        for tag in post.tags:
            ET.SubElement(entry, q("category"), {"term": tag})
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
