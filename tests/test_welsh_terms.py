"""One Welsh for each term and each source sentence: the termbase refuses the variants the Welsh
review found (issue 16), a sentence that appears both in data and on a page has one translation,
and Welsh pages use one style of quotation marks (‘…’)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_translation_lint import termbase_tree
from tiw import ROOT
from tiw.core.yamlfile import read_yaml
from tiw.translation import termbase

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


# ------------------------------------------------------------ one translation of a source sentence

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _data_sentences() -> list[tuple[str, str, str]]:
    """(where, English sentence, Welsh sentence) for the glossary definitions and the levels'
    short descriptions: the data sentences that pages also quote."""
    out = []
    glossary, _ = read_yaml(GLOSSARY)
    levels, _ = read_yaml(ROOT / "data" / "levels.yml")
    texts = [(f"glossary '{t['id']}'", t[key]) for t in glossary["terms"] for key in ("definition",) if t.get(key)]
    texts += [(f"levels '{lv['id']}'", lv["short"]) for lv in levels["levels"] if lv.get("short")]
    for where, text in texts:
        en, cy = _SENTENCE.split(text["en"].strip()), _SENTENCE.split(text["cy"].strip())
        if len(en) == len(cy):
            out += [(where, e, c) for e, c in zip(en, cy) if len(e.split()) >= 6]
    return out


def _flat(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def sentence_mismatches(root: Path = ROOT) -> list[str]:
    problems = []
    sentences = _data_sentences()
    for en_page in sorted((root / "docs" / "en").rglob("*.md")):
        rel = en_page.relative_to(root / "docs" / "en")
        cy_page = root / "docs" / "cy" / rel
        en_text, cy_text = _flat(en_page.read_text(encoding="utf-8")), _flat(cy_page.read_text(encoding="utf-8"))
        for where, en, cy in sentences:
            if _flat(en) in en_text and _flat(cy) not in cy_text:
                problems.append(
                    f"docs/cy/{rel.as_posix()}: the English page quotes a sentence of data/{where} "
                    f'("{en[:60]}…"), but the Welsh page does not use its Welsh: "{cy}". '
                    "Use that translation word for word (or change both)."
                )
    return problems


def test_a_sentence_in_data_and_on_a_page_has_one_translation():
    problems = sentence_mismatches()
    assert problems == [], f"{len(problems)} sentences with two translations:\n" + "\n".join(problems)


def test_a_second_translation_of_a_data_sentence_is_found(tmp_path, monkeypatch):
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "cy").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "p.md").write_text(
        "# P\n\nA trauma-skilled approach is embedded within the practice of everyone who provides care or support "
        "to people who may have experienced trauma, whether or not the trauma is known about.\n",
        encoding="utf-8",
    )
    (tmp_path / "docs" / "cy" / "p.md").write_text(
        "# P\n\nMae dull medrus ynghylch trawma wedi'i ymgorffori yn ymarfer pawb sy'n darparu gofal neu gymorth i "
        "bobl a allai fod wedi profi trawma, p'un a yw'r trawma'n hysbys ai peidio.\n",
        encoding="utf-8",
    )
    problems = sentence_mismatches(tmp_path)
    assert len(problems) == 1 and "levels 'trauma-skilled'" in problems[0], problems


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
