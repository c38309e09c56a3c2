"""One Welsh for each term and each source sentence: the termbase refuses the variants the Welsh
review found (issue 16), a sentence that is in the data (a level's short description, a glossary
definition) is rendered from it on every page that quotes it, never copied by hand, and Welsh pages
use one style of quotation marks (‘…’)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from macros import data_sentences
from macros.context import MacroContext
from tests.test_translation_lint import termbase_tree
from tiw import ROOT
from tiw.core.errors import DataError
from tiw.core.yamlfile import read_yaml
from tiw.data.site import load_site_data
from tiw.translation import termbase
from tiw.translation.freshness import paragraphs

GLOSSARY = ROOT / "data" / "glossary.yml"


@pytest.mark.parametrize(
    "text, found",
    [
        ("Mae trawma'n achosi trallod.", "trallod"),
        ("Darllenwch y fersiwn hawdd ei darllen.", "hawdd ei darllen"),
        ("Mae crynodeb mewn iaith glir ar gael.", "crynodeb mewn iaith glir"),
        ("ymyriadau wedi'u cyd-gynhyrchu", "cyd-gynhyrchu"),
        ("ffordd gydlynol a chyd-gysylltiedig", "chyd-gysylltiedig"),
        (
            "Canllawiau'r Sefydliad Cenedlaethol dros Iechyd a Rhagoriaeth mewn Gofal (NICE)",
            "Sefydliad Cenedlaethol dros Iechyd a Rhagoriaeth mewn Gofal",
        ),
        (
            "*Adolygiad o'r polisi ynghylch Profiadau Niweidiol yn ystod Plentyndod: adroddiad*",
            "Adolygiad o'r polisi ynghylch Profiadau Niweidiol",
        ),
        ("Mae Deddf Lles Cenedlaethau'r Dyfodol yn bwysig.", "Deddf Lles Cenedlaethau'r Dyfodol"),
    ],
)
def test_the_termbase_refuses_the_variants_the_review_found(tmp_path, text, found):
    root = termbase_tree(tmp_path, f"# Prawf\n\n{text}\n")
    findings = termbase.lint(root)
    assert [f.found for f in findings] == [found], findings


@pytest.mark.parametrize(
    "term_id",
    [
        "distress",
        "plain-language-summary",
        "easy-read",
        "co-production",
        "nice",
        "welsh-government",
        "ace-hub-wales",
        "traumatic-stress-wales",
        "well-being-of-future-generations-act",
        "social-services-and-wellbeing-act",
        "ace-policy-review",
    ],
)
def test_secondary_terms_have_an_approved_welsh_and_rejected_variants(term_id):
    terms = {t["id"]: t for t in read_yaml(GLOSSARY)[0]["terms"]}
    assert term_id in terms, f"data/glossary.yml has no termbase entry '{term_id}'"
    assert terms[term_id]["term"]["cy"].strip() and terms[term_id].get("rejected_cy"), terms[term_id]


# ------------------------------------------------------------ a data sentence is rendered from data

# Shorter runs of words (a term, a title) are the termbase's business, not a quotation.
MIN_WORDS = 6


def _flat(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _quoted_sentences(data) -> list[tuple[str, str, str, str]]:
    """(language, sentence, where it lives in data, the macro that renders it) for every sentence
    of a text the data macros render (macros/data_sentences.py), in both languages."""
    out = []
    for where, call, text in data_sentences.quotable(data):
        for lang in ("en", "cy"):
            parts = data_sentences.sentences(text[lang])
            for n, sentence in enumerate(parts, 1):
                if len(sentence.split()) < MIN_WORDS:
                    continue
                if len(parts) == 1 or call.startswith("level_short"):
                    use = f"{{{{ {call} }}}}"
                else:
                    use = f"{{{{ {call[:-1]}, first={n}, last={n}) }}}} for this sentence ({{{{ {call} }}}} for all {len(parts)})"
                out.append((lang, _flat(sentence), where, use))
    return out


def hand_copies(root: Path = ROOT) -> list[str]:
    """Every place a page (docs/en, docs/cy) writes out by hand a sentence that the data holds."""
    sentences = _quoted_sentences(load_site_data())
    problems, seen = [], set()
    for lang in ("en", "cy"):
        for page in sorted((root / "docs" / lang).rglob("*.md")):
            blocks = [(line, _flat(text)) for line, text in paragraphs(page.read_text(encoding="utf-8"))]
            for sentence_lang, sentence, where, use in sentences:
                if sentence_lang != lang:
                    continue
                for line, text in blocks:
                    # A text in two data files (the specialist level) is named once: its first place.
                    if sentence in text and (page, line, sentence) not in seen:
                        seen.add((page, line, sentence))
                        problems.append(
                            f"{page.relative_to(root).as_posix()}, line {line}: copies by hand a sentence of "
                            f'{where} ("{sentence[:50]}…"). Write {use} instead, in both languages, '
                            "so the sentence has one text and one translation."
                        )
    return problems


def test_no_page_copies_a_data_sentence_by_hand():
    problems = hand_copies()
    assert problems == [], f"{len(problems)} data sentences copied by hand:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "lang, text, where, use",
    [
        (
            "en",
            "A trauma-skilled approach is embedded within the practice of everyone who provides care or support "
            "to people who may have experienced trauma, whether or not the trauma is known about. This applies.",
            "data/levels.yml, level 'trauma-skilled', field 'short'",
            '{{ level_short("trauma-skilled") }}',
        ),
        (
            "cy",
            "Mae gwahanol bobl yn gweld gwahanol bethau'n drawmatig. At ddibenion y ddogfen hon, diffinnir trawma\n"
            "fel unrhyw brofiad sy’n annymunol ac sy'n achosi, neu sydd â'r potensial i achosi, gofid a/neu orbryder i rywun.",
            "data/glossary.yml, term 'trauma', field 'definition'",
            '{{ term_definition("trauma", first=2, last=2) }} for this sentence',
        ),
    ],
)
def test_a_planted_hand_copy_is_found(tmp_path, lang, text, where, use):
    (tmp_path / "docs" / lang).mkdir(parents=True)
    (tmp_path / "docs" / lang / "p.md").write_text(f"---\ntitle: P\n---\n\n# P\n\n{text}\n", encoding="utf-8")
    problems = hand_copies(tmp_path)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"docs/{lang}/p.md, line 7: ") and where in problems[0] and use in problems[0], problems


def _data_macro(name: str, lang: str):
    """A macro of macros/data_sentences.py as the page framework/x.md in `lang` calls it."""
    page = SimpleNamespace(file=SimpleNamespace(locale=lang, src_path="framework/x.md"))
    return getattr(data_sentences, name)(MacroContext(SimpleNamespace(page=page)))


def test_the_macros_render_the_data_in_the_pages_language():
    data = load_site_data()
    trauma = data_sentences.sentences(data.term("trauma")["definition"]["cy"])
    assert _data_macro("term_definition", "cy")("trauma", first=2) == " ".join(trauma[1:])
    assert _data_macro("term_definition", "en")("trauma", first=3, last=3).startswith("It is important to note")
    assert _data_macro("level_short", "cy")("trauma-skilled") == data.level("trauma-skilled")["short"]["cy"]


@pytest.mark.parametrize(
    "term_id, first, last, expected",
    [
        ("trauma", 2, 4, r"has 3 sentences\. Expected: 1 <= first <= last <= 3"),
        ("trauma", 3, 2, r"has 3 sentences"),
        ("distress", 1, None, r"data/glossary.yml, entry 'distress', has no definition"),
    ],
)
def test_a_wrong_part_of_a_definition_fails_naming_the_page(term_id, first, last, expected):
    with pytest.raises(DataError, match=r'^framework/x.md: term_definition\("' + term_id + r'"\): .*' + expected):
        _data_macro("term_definition", "en")(term_id, first=first, last=last)


def test_a_part_of_a_text_whose_languages_split_differently_is_refused(monkeypatch):
    data = load_site_data()
    term = dict(data.term("trauma"), definition={"en": "One sentence of six words here.", "cy": "Un. Dau."})
    monkeypatch.setattr(type(data), "term", lambda self, term_id: term)
    with pytest.raises(DataError, match="has 1 sentences in English and 2 in Welsh"):
        _data_macro("term_definition", "cy")("trauma", first=1, last=1)


# ------------------------------------------------------------ quotation marks


def welsh_double_quotes(root: Path = ROOT) -> list[str]:
    """Places where Welsh text uses “…” (Welsh pages use ‘…’, as the framework does)."""
    found = []
    for page in sorted((root / "docs" / "cy").rglob("*.md")):
        for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            if "“" in line or "”" in line:
                found.append(f"{page.relative_to(root).as_posix()}, line {n}")
    for folder in ("data", "resources"):
        for path in sorted((root / folder).glob("*.yml")):
            data, lines = read_yaml(path)
            for line, text in termbase._welsh_strings(data, lines):
                if "“" in text or "”" in text:
                    found.append(f"{path.relative_to(root).as_posix()}, line {line}")
    return found


def test_welsh_text_uses_single_quotation_marks():
    found = welsh_double_quotes()
    assert found == [], "Welsh text uses “…”; write ‘…’ instead: " + "; ".join(found)


def test_a_planted_double_quotation_mark_is_found(tmp_path):
    (tmp_path / "docs" / "cy").mkdir(parents=True)
    (tmp_path / "docs" / "cy" / "p.md").write_text("# P\n\nY term “ystyriol o drawma”.\n", encoding="utf-8")
    assert welsh_double_quotes(tmp_path) == ["docs/cy/p.md, line 3"]
