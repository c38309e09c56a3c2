"""The bad-input corpus: each case is one small change to a copy of the project that the build
must refuse with a message naming the file and the line (and never a traceback).

A case names the file the message must name (`names`) and a `mark`: text that the change puts
on the line the message must point at (None where the problem has no single line). `via` says
how the case is run: "preflight" runs the checks the build makes before MkDocs renders anything
(python -m tiw.build.preflight, the same functions the hooks call at config time), "build" runs the real
mkdocs build (for what only rendering finds: macros, and a few end-to-end checks of the wiring).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    id: str
    change: Callable[[Path], None]
    names: str  # the file the message must name, e.g. data/services.yml
    mark: str | None  # text on the line the message must name (after the change)
    says: str = ""  # a regular expression the message must also match
    via: str = "preflight"


def edit(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture out of date: {old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def raw_bytes(rel: str, old: str, new: bytes) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        path = project / rel
        data = path.read_bytes()
        assert old.encode() in data, f"fixture out of date: {old!r} not in {rel}"
        path.write_bytes(data.replace(old.encode(), new, 1))

    return change


def write(rel: str, text: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(text, encoding="utf-8")

    return change


def both(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        for c in changes:
            c(project)

    return change


def post(
    lang: str, name: str, title: str = "A post", date: str | None = None, summary: str = "A summary.", extra: str = ""
) -> Callable[[Path], None]:
    date = date or name[:10]
    return write(
        f"docs/{lang}/news/posts/{name}",
        f"---\ntitle: {title}\ndate: {date}\nsummary: {summary}\n{extra}---\n\n# {title}\n\nText.\n",
    )


def post_pair(name: str, **kw) -> Callable[[Path], None]:
    return both(post("en", name, **kw), post("cy", name, **kw))


def redirect(frm: str, to: str = "framework/aims.md") -> Callable[[Path], None]:
    return edit("data/redirects.yml", "redirects: []", f"redirects:\n  - from: {frm}\n    to: {to}\n")


SAM = 'value: "https://www.samaritans.org/"'
AIMS = "docs/en/framework/aims.md"
AIMS_CY = "docs/cy/framework/aims.md"
AIMS_PARA = "\n# "  # the first heading of the page: changes go just after the front matter
INDEX = "docs/en/index.md"
INDEX_HEAD = "# Trauma-Informed Wales\n"


def in_page(rel: str, snippet: str) -> Callable[[Path], None]:
    """Add a paragraph right after a page's first heading line."""

    def change(project: Path) -> None:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        head_end = text.index("\n", text.index("\n# ") + 1)
        path.write_text(text[: head_end + 1] + "\n" + snippet + "\n" + text[head_end + 1 :], encoding="utf-8")

    return change


CASES: list[Case] = [
    # --- YAML syntax and encoding ----------------------------------------------------------------
    Case(
        "yaml-unclosed-bracket",
        edit("data/wellbeing_goals.yml", "  - id: resilient\n", "  - id: [resilient\n"),
        "data/wellbeing_goals.yml",
        None,
        r"not valid YAML",
    ),
    Case(
        "yaml-tab-indent",
        edit("data/systems.yml", "  - id: challenge-silo-working\n", "\t- id: challenge-silo-working\n"),
        "data/systems.yml",
        "\t- id: challenge-silo-working",
        r"not valid YAML",
    ),
    Case(
        "yaml-duplicate-key",
        edit("data/taxonomy.yml", "  - id: public\n", "  - id: public\n    id: public\n"),
        "data/taxonomy.yml",
        "    id: public",
        r"appears twice",
    ),
    Case(
        "yaml-unclosed-quote",
        edit("data/levels.yml", 'name: {en: "Trauma-aware",', 'name: {en: "Trauma-aware,'),
        "data/levels.yml",
        None,
        r"not valid YAML",
    ),
    Case(
        "non-utf8-services",
        raw_bytes("data/services.yml", "Samaritans", b"Samarit\xe9ans"),
        "data/services.yml",
        "Samarit",
        r"column \d+: the byte 0xe9 is not UTF-8",
    ),
    Case(
        "non-utf8-resource",
        raw_bytes("resources/nice-ng116.yml", "guideline NG116", b"guideline \x96 NG116"),
        "resources/nice-ng116.yml",
        "guideline ",
        r"is not UTF-8",
    ),
    Case("non-utf8-page", raw_bytes(AIMS, "# ", b"# \xff"), AIMS, "# ", r"is not UTF-8"),
    Case(
        "non-utf8-ui", raw_bytes("data/ui.yml", "Dewiswch iaith", b"Dewisw\xe2ch iaith"), "data/ui.yml", "Dewisw", r"is not UTF-8"
    ),
    Case("yaml-front-matter-broken", edit(AIMS, "\n---\n", "\ntitle: [broken\n---\n"), AIMS, None, r"not valid YAML"),
    # --- schemas, every data file ----------------------------------------------------------------
    Case(
        "levels-missing-welsh",
        edit("data/levels.yml", 'cy: "Ymwybodol o drawma"', 'xx: "Ymwybodol o drawma"'),
        "data/levels.yml",
        'xx: "Ymwybodol o drawma"',
        r"entry 'trauma-aware'",
    ),
    Case(
        "levels-order-text",
        edit("data/levels.yml", "    order: 1\n", "    order: one\n"),
        "data/levels.yml",
        "    order: one",
        r"field 'order': has the wrong type",
    ),
    Case(
        "principles-wrong-type",
        edit("data/principles.yml", "    order: 3\n", "    order: three\n"),
        "data/principles.yml",
        "    order: three",
        r"entry 'principle-3', field 'order'",
    ),
    Case(
        "principles-unknown-status",
        edit("data/principles.yml", "    status: pending\n", "    status: maybe\n"),
        "data/principles.yml",
        "    status: maybe",
        r"unknown value 'maybe'",
    ),
    Case(
        "ways-missing-welsh",
        edit("data/ways_of_working.yml", 'name: {en: "Prevention", cy: "Atal"}', 'name: {en: "Prevention"}'),
        "data/ways_of_working.yml",
        'name: {en: "Prevention"}',
        r"field 'name\.cy': is missing",
    ),
    Case(
        "ways-source-http",
        edit("data/ways_of_working.yml", 'source: "https://www.legislation', 'source: "http://www.legislation'),
        "data/ways_of_working.yml",
        'source: "http://',
        r"https://",
    ),
    Case(
        "goals-source-javascript",
        edit(
            "data/wellbeing_goals.yml",
            'source: "https://www.legislation.gov.uk/anaw/2015/2/section/4"',
            'source: "javascript:alert(1)"',
        ),
        "data/wellbeing_goals.yml",
        "javascript:alert",
        r"https://",
    ),
    Case(
        "goals-bad-id",
        edit("data/wellbeing_goals.yml", "  - id: resilient\n", "  - id: Resilient Wales\n"),
        "data/wellbeing_goals.yml",
        "  - id: Resilient Wales",
        r"kebab-case",
    ),
    Case(
        "glossary-unknown-field",
        edit(
            "data/glossary.yml",
            "  - id: adversity\n    glossary: true\n",
            "  - id: adversity\n    glossary: true\n    colour: red\n",
        ),
        "data/glossary.yml",
        "    colour: red",
        r"does not know: 'colour'",
    ),
    Case(
        "glossary-missing-definition",
        edit("data/glossary.yml", "  - id: adversity\n    glossary: true\n", "  - id: adversity\n    glossary: maybe\n"),
        "data/glossary.yml",
        "    glossary: maybe",
        r"field 'glossary'",
    ),
    Case(
        "systems-empty-text",
        edit("data/systems.yml", 'en: "Challenge silo working and restrictive funding and outcome frameworks"', 'en: ""'),
        "data/systems.yml",
        'en: ""',
        r"is empty",
    ),
    Case(
        "taxonomy-unknown-language",
        edit("data/taxonomy.yml", "languages:\n  - id: en\n", "languages:\n  - id: fr\n"),
        "data/taxonomy.yml",
        "  - id: fr",
        r"unknown value 'fr'",
    ),
    Case(
        "ui-missing-welsh",
        edit(
            "data/ui.yml",
            'news_none: {en: "There is no news yet.", cy: "Does dim newyddion eto."}',
            'news_none: {en: "There is no news yet."}',
        ),
        "data/ui.yml",
        "news_none:",
        r"field 'news_none\.cy': is missing",
    ),
    Case(
        "ui-placeholder-differs",
        edit("data/ui.yml", 'cy: "Egwyddor {number}:', 'cy: "Egwyddor {rhif}:'),
        "data/ui.yml",
        "principle_slot",
        r"placeholders differ",
    ),
    Case(
        "which-level-unknown-level",
        edit("data/which_level.yml", "everyone:\n  level: trauma-aware\n", "everyone:\n  level: trauma-awareness\n"),
        "data/which_level.yml",
        "  level: trauma-awareness",
        r"unknown value 'trauma-awareness'",
    ),
    Case(
        "services-missing-checked",
        edit("data/services.yml", "    source_url: null\n    checked: 2026-11-26\n", "    source_url: null\n"),
        "data/services.yml",
        "  - id: emergency",
        r"field 'checked': is missing",
    ),
    Case(
        "services-bad-date",
        edit("data/services.yml", "    checked: 2026-11-26\n", "    checked: 26/11/2026\n"),
        "data/services.yml",
        "    checked: 26/11/2026",
        r"YYYY-MM-DD",
    ),
    Case(
        "principles-invented-text",
        edit(
            "data/principles.yml",
            "  - id: principle-1\n    order: 1\n    status: pending\n",
            '  - id: principle-1\n    order: 1\n    status: pending\n    name: {en: "Safety", cy: "Diogelwch"}\n',
        ),
        "data/principles.yml",
        None,
        r"never invent",
    ),
    # --- URL schemes in data ---------------------------------------------------------------------
    Case(
        "services-web-javascript",
        edit("data/services.yml", SAM, 'value: "javascript:alert(document.cookie)"'),
        "data/services.yml",
        "javascript:alert",
        r"entry 'samaritans', field 'contacts\[2\]\.value'.*https://",
    ),
    Case(
        "services-web-http",
        edit("data/services.yml", SAM, 'value: "http://www.samaritans.org/"'),
        "data/services.yml",
        "http://www.samaritans.org/",
        r"entry 'samaritans'.*https://",
    ),
    Case(
        "services-web-data-url",
        edit("data/services.yml", SAM, 'value: "data:text/html,<b>x</b>"'),
        "data/services.yml",
        "data:text/html",
        r"entry 'samaritans'",
    ),
    Case(
        "services-phone-letters",
        edit("data/services.yml", 'value: "116 123"', 'value: "javascript:116"'),
        "data/services.yml",
        "javascript:116",
        r"phone number",
    ),
    Case(
        "services-phone-as-tel-url",
        edit("data/services.yml", 'value: "116 123"', 'value: "tel:116123"'),
        "data/services.yml",
        "tel:116123",
        r"phone number",
    ),
    Case(
        "services-source-http",
        edit("data/services.yml", 'source_url: "https://www.samaritans.org/"', 'source_url: "http://www.samaritans.org/"'),
        "data/services.yml",
        'source_url: "http://',
        r"field 'source_url'",
    ),
    Case(
        "services-email-bad",
        edit(
            "data/services.yml",
            '- kind: web\n        value: "https://www.samaritans.org/"',
            '- kind: email\n        value: "javascript:x"',
        ),
        "data/services.yml",
        'value: "javascript:x"',
        r"email address",
    ),
    Case(
        "resource-url-http",
        edit("resources/nice-ng116.yml", 'url: "https://www.nice.org.uk', 'url: "http://www.nice.org.uk'),
        "resources/nice-ng116.yml",
        'url: "http://',
        r"https://",
    ),
    Case(
        "resource-url-javascript",
        edit("resources/nice-ng116.yml", 'url: "https://www.nice.org.uk/guidance/ng116"', 'url: "javascript:alert(1)"'),
        "resources/nice-ng116.yml",
        "javascript:alert",
        r"https://",
    ),
    # --- every id list unique (one mechanism) ----------------------------------------------------
    Case(
        "unique-taxonomy-audiences",
        edit("data/taxonomy.yml", "  - id: children\n", "  - id: public\n"),
        "data/taxonomy.yml",
        None,
        r"entry 'public', field 'id': this id is used twice in 'audiences'",
    ),
    Case(
        "unique-taxonomy-settings",
        edit(
            "data/taxonomy.yml", "  - id: health\n", '  - id: health\n    label: {en: "Health", cy: "Iechyd"}\n  - id: health\n'
        ),
        "data/taxonomy.yml",
        None,
        r"used twice in 'settings'",
    ),
    Case(
        "unique-taxonomy-formats",
        edit("data/taxonomy.yml", "  - id: guideline\n", '  - id: guideline\n    label: {en: "G", cy: "G"}\n  - id: guideline\n'),
        "data/taxonomy.yml",
        None,
        r"used twice in 'formats'",
    ),
    Case(
        "unique-levels",
        edit("data/levels.yml", "  - id: trauma-skilled\n", "  - id: trauma-aware\n"),
        "data/levels.yml",
        None,
        r"used twice in 'levels'",
    ),
    Case(
        "unique-glossary",
        edit("data/glossary.yml", "  - id: adversity\n", "  - id: adverse-childhood-experiences\n"),
        "data/glossary.yml",
        None,
        r"used twice in 'terms'",
    ),
    Case(
        "unique-services",
        edit("data/services.yml", "  - id: samaritans\n", "  - id: emergency\n"),
        "data/services.yml",
        None,
        r"used twice in 'services'",
    ),
    Case(
        "unique-which-level-questions",
        edit("data/which_level.yml", "  - id: known-trauma\n", "  - id: direct-contact\n"),
        "data/which_level.yml",
        None,
        r"used twice",
    ),
    # --- catalogue -------------------------------------------------------------------------------
    Case(
        "resource-unknown-level",
        edit("resources/nice-ng116.yml", "specialist", "specialists"),
        "resources/nice-ng116.yml",
        "specialists",
        r"unknown value 'specialists'",
    ),
    Case(
        "resource-unknown-audience",
        edit("resources/nice-ng116.yml", "audiences: [practitioners", "audiences: [wizards"),
        "resources/nice-ng116.yml",
        "audiences: [wizards",
        r"wizards",
    ),
    Case(
        "resource-unknown-format",
        edit("resources/nice-ng116.yml", "format: guideline", "format: scroll"),
        "resources/nice-ng116.yml",
        "format: scroll",
        r"scroll",
    ),
    Case(
        "resource-year-text",
        edit("resources/nice-ng116.yml", "year: 2018", "year: last year"),
        "resources/nice-ng116.yml",
        "year: last year",
        r"field 'year'",
    ),
    Case(
        "resource-script-in-summary",
        edit("resources/nice-ng116.yml", "en: \"NICE's evidence-based", "en: \"<script>alert(1)</script>NICE's evidence-based"),
        "resources/nice-ng116.yml",
        "<script>alert(1)",
        r"raw <script> tag",
    ),
    # --- redirects -------------------------------------------------------------------------------
    Case(
        "redirect-over-feed",
        redirect("news/feed.xml/"),
        "data/redirects.yml",
        "  - from: news/feed.xml/",
        r"news/feed\.xml is a file the build writes",
    ),
    Case(
        "redirect-over-sitemap",
        redirect("sitemap.xml/"),
        "data/redirects.yml",
        "  - from: sitemap.xml/",
        r"a file the build writes",
    ),
    Case("redirect-into-assets", redirect("assets/old/"), "data/redirects.yml", "  - from: assets/old/", r"written by the build"),
    Case(
        "redirect-to-missing-page",
        redirect("framework/old-aims/", "framework/nowhere.md"),
        "data/redirects.yml",
        "  - from: framework/old-aims/",
        r"does not exist",
    ),
    Case(
        "redirect-from-live-page",
        redirect("framework/aims/"),
        "data/redirects.yml",
        "  - from: framework/aims/",
        r"a page still exists",
    ),
    Case(
        "redirect-bad-form",
        redirect("/framework/old/"),
        "data/redirects.yml",
        "  - from: /framework/old/",
        r"field 'redirects\[1\]\.from'.*without a leading slash",
    ),
    # --- news ------------------------------------------------------------------------------------
    Case(
        "news-duplicate-slug",
        post_pair("2026-10-01-website-launch.md"),
        "docs/en/news/posts/2026-11-26-website-launch.md",
        None,
        r"same short name 'website-launch' as docs/en/news/posts/2026-10-01-website-launch\.md",
    ),
    Case(
        "news-missing-title",
        both(post("en", "2026-10-02-x.md", title=""), post("cy", "2026-10-02-x.md")),
        "docs/en/news/posts/2026-10-02-x.md",
        "title:",
        r"field 'title'",
    ),
    Case(
        "news-date-mismatch",
        post_pair("2026-10-03-y.md", date="2026-10-04"),
        "docs/en/news/posts/2026-10-03-y.md",
        "date: 2026-10-04",
        r"file name starts with 2026-10-03",
    ),
    Case(
        "news-no-welsh-twin",
        post("en", "2026-10-05-lonely.md"),
        "docs/en/news/posts/2026-10-05-lonely.md",
        None,
        r"no Welsh twin",
    ),
    Case(
        "news-bad-date",
        post_pair("2026-10-06-z.md", date="6 October"),
        "docs/en/news/posts/2026-10-06-z.md",
        "date: 6 October",
        r"not a date",
    ),
    Case(
        "news-bad-tags",
        post_pair("2026-10-07-t.md", extra="tags: launch\n"),
        "docs/en/news/posts/2026-10-07-t.md",
        "tags: launch",
        r"list of words",
    ),
    Case(
        "news-script-in-summary",
        post_pair("2026-10-08-s.md", summary='"<script>alert(1)</script>"'),
        "docs/en/news/posts/2026-10-08-s.md",
        "summary:",
        r"<script>",
    ),
    # --- injection through pages and front matter ------------------------------------------------
    Case(
        "page-title-script",
        edit(AIMS, "title: ", "title: Aims <script>alert(1)</script> "),
        AIMS,
        "title: Aims <script>",
        r"raw <script> tag",
    ),
    Case("page-title-html", edit(AIMS, "title: ", "title: <b>Aims</b> "), AIMS, "title: <b>", r"front matter"),
    Case("page-script-block", in_page(AIMS, "<script>alert(1)</script>"), AIMS, "<script>alert(1)", r"raw <script> tag"),
    Case("page-script-welsh", in_page(AIMS_CY, "<SCRIPT src=/x.js></SCRIPT>"), AIMS_CY, "<SCRIPT", r"raw <script> tag"),
    Case("page-onclick", in_page(AIMS, '<a href="#" onclick="alert(1)">x</a>'), AIMS, "onclick", r"event attribute onclick="),
    Case("page-onerror-img", in_page(AIMS, '<img src="x.png" onerror="alert(1)" alt="">'), AIMS, "onerror", r"onerror="),
    Case(
        "page-attr-list-event", in_page(AIMS, 'A paragraph.\n{: onmouseover="alert(1)" }'), AIMS, "onmouseover", r"onmouseover="
    ),
    Case("page-iframe", in_page(AIMS, '<iframe src="https://example.com/"></iframe>'), AIMS, "<iframe", r"<iframe>"),
    Case("page-object", in_page(AIMS, '<object data="x.swf"></object>'), AIMS, "<object", r"<object>"),
    Case("page-embed", in_page(AIMS, '<embed src="x.swf">'), AIMS, "<embed", r"<embed>"),
    Case("page-javascript-link", in_page(AIMS, "[click](javascript:alert(1))"), AIMS, "[click]", r"javascript: address"),
    Case(
        "page-javascript-href", in_page(AIMS, '<a href=" JavaScript:alert(1)">x</a>'), AIMS, "JavaScript:", r"javascript: address"
    ),
    Case("page-data-link", in_page(AIMS, "[x](data:text/html;base64,PHNjcmlwdD4=)"), AIMS, "[x](data:", r"data: address"),
    Case(
        "page-reference-javascript",
        in_page(AIMS, "[x][evil]\n\n[evil]: javascript:alert(1)"),
        AIMS,
        "[evil]: javascript",
        r"javascript: address",
    ),
    Case(
        "page-style-url",
        in_page(AIMS, '<p style="background:url(https://example.com/t.png)">x</p>'),
        AIMS,
        "style=",
        r"style attribute that loads",
    ),
    Case("page-style-tag", in_page(AIMS, "<style>@import url(https://example.com/x.css);</style>"), AIMS, "<style>", r"<style>"),
    Case(
        "page-third-party-image",
        in_page(AIMS, "![x](https://example.com/a.png)"),
        AIMS,
        "![x]",
        r"image from another site \(https://example\.com/a\.png\)",
    ),
    Case(
        "page-third-party-image-ref",
        in_page(AIMS, "![x][pic]\n\n[pic]: https://example.com/b.png"),
        AIMS,
        "![x][pic]",
        r"image from another site",
    ),
    Case(
        "page-third-party-img-tag",
        in_page(AIMS, '<img src="//example.com/c.png" alt="c">'),
        AIMS,
        "<img",
        r"<img src=…> from another site",
    ),
    Case(
        "page-third-party-video",
        in_page(AIMS_CY, '<video src="https://example.com/v.mp4" controls></video>'),
        AIMS_CY,
        "<video",
        r"<video src=…>",
    ),
    Case(
        "data-script-in-glossary",
        edit("data/glossary.yml", 'note: "Keep the English acronym', 'note: "<script>alert(1)</script>Keep the English acronym'),
        "data/glossary.yml",
        "<script>alert(1)",
        r"raw <script> tag",
    ),
    Case(
        "data-onerror-in-ui",
        edit("data/ui.yml", 'cy: "Dewiswch iaith"', 'cy: "Dewiswch <img src=x onerror=alert(1)> iaith"'),
        "data/ui.yml",
        "onerror",
        r"onerror=",
    ),
    Case(
        "data-iframe-in-services",
        edit("data/services.yml", 'en: "Anyone in immediate danger"', 'en: "Anyone <iframe src=//e.com></iframe>"'),
        "data/services.yml",
        "<iframe",
        r"<iframe>",
    ),
    # --- macros (found only while rendering: real builds; the first page built is docs/en/index.md) --
    Case(
        "macro-misspelt",
        in_page(INDEX, '{{ level_detial("trauma-aware") }}'),
        INDEX,
        "level_detial",
        r"'level_detial' is not a macro",
        via="build",
    ),
    Case(
        "macro-unknown-level",
        in_page(INDEX, '{{ level_name("trauma-awre") }}'),
        INDEX,
        "trauma-awre",
        r"unknown practice level id 'trauma-awre'",
        via="build",
    ),
    Case(
        "macro-literal-braces",
        in_page(INDEX, "Write {{ and }} to show braces {{ }}."),
        INDEX,
        "Write {{",
        r"not a macro call",
        via="build",
    ),
    Case(
        "macro-unknown-ui-key",
        in_page(INDEX, '{{ t("no_such_key") }}'),
        INDEX,
        "no_such_key",
        r"unknown interface string 'no_such_key'",
        via="build",
    ),
    # --- end to end: the build itself refuses what the checks find -------------------------------
    Case(
        "build-services-javascript",
        edit("data/services.yml", SAM, 'value: "javascript:alert(1)"'),
        "data/services.yml",
        "javascript:alert",
        r"https://",
        via="build",
    ),
    Case(
        "build-title-script",
        edit(AIMS, "title: ", "title: Aims <script>alert(1)</script> "),
        AIMS,
        "<script>",
        r"raw <script> tag",
        via="build",
    ),
    Case(
        "build-redirect-over-feed",
        redirect("news/feed.xml/"),
        "data/redirects.yml",
        "news/feed.xml/",
        r"a file the build writes",
        via="build",
    ),
]

# A redirect whose address runs through an existing file of docs/.
CASES.append(
    Case(
        "redirect-through-a-docs-file",
        both(write("docs/old-leaflet.pdf", "%PDF-1.4\n"), redirect("old-leaflet.pdf/")),
        "data/redirects.yml",
        "  - from: old-leaflet.pdf/",
        r"docs/old-leaflet\.pdf is an existing file",
    )
)
