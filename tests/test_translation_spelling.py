"""Welsh spelling (hunspell-cy + translation/wordlist-cy.txt) and English leftovers on every built
Welsh page, and the checker itself on small pages made here."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.sitepages import SITE
from tiw.translation import spelling


def page(body: str) -> str:
    return f'<html lang="cy"><head><title>Prawf</title></head><body><nav>Skip this</nav><article>{body}</article></body></html>'


@pytest.fixture(scope="module")
def checker():
    return spelling.Checker(spelling.WordList(lower={"cydgynhyrchu"}, exact={"ACE"}, phrases=["Blue Knot Foundation"]))


def test_misspelt_words_are_reported_with_their_page(checker):
    reports = checker.check(
        {
            "good.md": page("<h1>Y fframwaith</h1><p>Mae'r fframwaith yn bwysig i bawb yng Nghymru.</p>"),
            "bad.md": page("<h1>Y fframwaith</h1><p>Mae'r fframwiath yn bwysig i bawb yng Nghymru.</p>"),
        }
    )
    by_name = {r.name: r for r in reports}
    assert by_name["good.md"].unknown == Counter()
    assert by_name["bad.md"].unknown == Counter({"fframwiath": 1})
    assert "bad.md: 8 words, 1 unknown (12.5%)" in spelling.report_text(reports)


def test_english_sentences_are_found_but_marked_english_is_allowed(checker):
    [rep] = checker.check(
        {
            "p.md": page(
                "<p>Mae'r dudalen hon yn Gymraeg.</p>"
                "<p>This sentence was left in English by mistake.</p>"
                "<p>Darllenwch <em>The Power Threat Meaning Framework</em> heddiw.</p>"
                '<p lang="en">This paragraph is English on purpose and says so.</p>'
                "<p>Mae Blue Knot Foundation yn sefydliad.</p>"
            )
        }
    )
    assert rep.english == ["This sentence was left in English by mistake"], rep.english
    assert rep.unknown and set(rep.unknown) <= {"This", "sentence", "was", "left", "English", "by", "mistake"}
    assert "Power" not in rep.unknown and "paragraph" not in rep.unknown and "Knot" not in rep.unknown
    failures = spelling.verdict([rep])
    assert any("p.md: an English sentence is left on the Welsh page" in f for f in failures)


def test_word_list_accepts_mutations_and_exact_names():
    wl = spelling.WordList(lower={"cydgynhyrchu"}, exact={"ACE"})
    assert wl.knows("cydgynhyrchu") and wl.knows("gydgynhyrchu") and wl.knows("chydgynhyrchu")
    assert wl.knows("Cydgynhyrchu") and wl.knows("ACE")
    assert not wl.knows("ace") and not wl.knows("cydgynhyrch")


def test_clitics_and_addresses_are_not_words():
    assert spelling.split_clitics("sy'n") == ["sy"]
    assert spelling.split_clitics("wedi’i") == ["wedi"]
    assert spelling.split_clitics("Hawliau'r") == ["Hawliau"]
    chunks = spelling.visible_chunks(page("<p>Gweler traumaframeworkcymru.com a https://example.org/cy/ neu NG116.</p>"))
    words = [t.word for s in spelling.tokens(chunks) for t in s]
    assert words == ["Gweler", "neu"]


def test_threshold_on_the_framework_pages():
    def rep(name, words, unknown):
        r = spelling.PageReport(name, words)
        r.unknown = Counter({f"w{i}": 1 for i in range(unknown)})
        return r

    assert spelling.verdict([rep("framework/a.md", 100, 3), rep("for-you/b.md", 10, 5)]) == []
    [failure] = spelling.verdict([rep("framework/a.md", 100, 4)])
    assert "4 of the 100 words on the Welsh framework pages (4.0%)" in failure


def test_every_built_welsh_page_is_spelt_in_welsh():
    pages = spelling.built_welsh_pages(SITE)
    assert len(pages) >= 20, f"too few built Welsh pages in {SITE}"
    reports = spelling.Checker().check(pages)
    report = spelling.report_text(reports)
    print(report)  # the per-page report (pytest -s, or shown on failure)
    failures = spelling.verdict(reports)
    assert failures == [], "\n".join(failures) + "\n\nPer-page report:\n" + report
    assert sum(r.words for r in reports) > 5000
