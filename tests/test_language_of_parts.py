"""Language of parts (WCAG 3.1.2): on the built Welsh pages, a word the English dictionary accepts
and the Welsh one rejects sits inside lang="en" (an English title or name), unless the reviewed
word list accepts it as a name or acronym (translation/wordlist-cy.txt, single words). English
text on English pages that is Welsh is marked lang="cy" (checked on the Welsh names the English
pages use)."""

from __future__ import annotations

from html.parser import HTMLParser

from hooks.language_of_parts import mark_english
from tests.sitepages import SITE, built_pages
from tiw.translation import spelling


def unmarked_english(pages: dict[str, str], wordlist: spelling.WordList | None = None) -> dict[str, list[str]]:
    """page -> the English-only words on it that are outside lang="en"."""
    wordlist = wordlist if wordlist is not None else spelling.WordList.load()
    checker = spelling.Checker(wordlist)
    sentences = {name: spelling.tokens(spelling.visible_chunks(page_html)) for name, page_html in pages.items()}
    words = {t.word for ss in sentences.values() for s in ss for t in s if not t.english}
    not_welsh = spelling._hunspell(checker.cy_dictionary, words)
    not_english = spelling._hunspell(checker.en_dictionary, words)
    out = {}
    for name, ss in sentences.items():
        found = [
            t.word
            for s in ss
            for t in s
            if not t.english and t.word in not_welsh and t.word not in not_english and not wordlist.knows(t.word)
        ]
        if found:
            out[name] = found
    return out


def test_english_words_on_welsh_pages_are_marked_english():
    pages = spelling.built_welsh_pages(SITE)
    assert len(pages) > 30
    found = unmarked_english(pages)
    assert found == {}, (
        'English words outside lang="en" on Welsh pages (mark an English title *Title*{lang=en} '
        'or a name <span lang="en">…</span>, or translate it):\n'
        + "\n".join(f"{name}: {', '.join(sorted(set(words)))}" for name, words in sorted(found.items()))
    )


def test_an_unmarked_english_title_is_found():
    body = '<html lang="cy"><body><article><p>Darllenwch y canllaw <em>{title}</em> heddiw.</p></article></body></html>'
    plain = body.format(title="Practice Guidelines for Treatment of Complex Trauma")
    found = unmarked_english({"p.md": plain}, spelling.WordList())
    assert set(found["p.md"]) >= {"Practice", "Guidelines", "Treatment", "Complex"}, found
    marked = mark_english(plain, frozenset({"Practice Guidelines for Treatment of Complex Trauma"}))
    assert '<em lang="en">' in marked and unmarked_english({"p.md": marked}, spelling.WordList()) == {}


def test_a_translated_title_stays_welsh():
    page_html = "<p>Mae <em>Cymru sy'n Ystyriol o Drawma</em> yn fframwaith.</p>"
    assert mark_english(page_html, frozenset({"Trauma-Informed Wales"})) == page_html


def test_english_names_are_marked_but_not_inside_attributes_or_marked_text():
    page_html = '<p title="Blue Knot Foundation">Mae Blue Knot Foundation yn sefydliad.</p><p lang="en">Blue Knot Foundation</p>'
    marked = mark_english(page_html, frozenset())
    assert marked == (
        '<p title="Blue Knot Foundation">Mae <span lang="en">Blue Knot Foundation</span> yn sefydliad.</p>'
        '<p lang="en">Blue Knot Foundation</p>'
    ), marked


class _LangOfText(HTMLParser):
    """(language, text) for every text node: the language is the nearest lang attribute's."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "input", "hr", "meta", "link", "wbr", "source"):
            return
        a = dict(attrs)
        self.stack.append((tag, a.get("lang") or (self.stack[-1][1] if self.stack else "")))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if data.strip():
            self.found.append((self.stack[-1][1] if self.stack else "", " ".join(data.split())))


WELSH_ON_ENGLISH_PAGES = ["Cymraeg", "Cymru sy'n Ystyriol o Drawma"]


def welsh_outside_lang_cy(page_html: str) -> list[str]:
    parser = _LangOfText()
    parser.feed(page_html)
    return [
        text
        for lang, text in parser.found
        if any(w in text.replace("’", "'") for w in WELSH_ON_ENGLISH_PAGES) and not lang.startswith("cy")
    ]


def test_welsh_on_english_pages_is_marked_welsh():
    """The reverse: the Welsh an English page shows (the language switcher's "Cymraeg", the Welsh
    site name) is inside lang="cy"."""
    problems = {p.src: welsh_outside_lang_cy(p.html) for p in built_pages("en")}
    problems = {k: v for k, v in problems.items() if v}
    assert problems == {}, problems


def test_unmarked_welsh_on_an_english_page_is_found():
    page_html = '<html lang="en"><body><p>Read it in Cymraeg.</p><a lang="cy" href="/cy/">Cymraeg</a></body></html>'
    assert welsh_outside_lang_cy(page_html) == ["Read it in Cymraeg."]
