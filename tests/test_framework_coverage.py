"""The English framework pages carry the whole source text, faithfully: at least 99% of the source's
sentences are found on the built English pages (restructuring allowed, paraphrase not)."""

from __future__ import annotations

import re

import yaml

from tests.sitepages import built_pages, text_of
from tiw import ROOT

SOURCE = ROOT / "source" / "trauma-informed-wales-framework.txt"
THRESHOLD = 0.99

# Page furniture: the rotated running title, broken into fragments by the PDF extraction.
FURNITURE = re.compile(
    r"^\s*(Traum|a-Inform|ed W|ales:\s+A|Societal A|pproach to U|nderstanding, Preventing and Supporting the Im|"
    r"pacts of Traum|a and Adversity|\d{1,2})\s*$"
)


def normalise(text: str) -> str:
    """Compare words only: case, punctuation, digits (footnote markers) and hyphens are ignored."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    text = re.sub(r"[^a-z' ]+", " ", text.replace("-", ""))
    return re.sub(r"\s+", " ", text).strip()


def source_sentences() -> list[tuple[str, str]]:
    """Sentences of the source: paragraphs (blank-line separated) and bullets split into sentences.
    A short line without a full stop followed by a blank line is a heading: its own unit."""
    lines = []
    for ln in SOURCE.read_text(encoding="utf-8").splitlines():
        if FURNITURE.match(ln):
            continue
        # Headings (a leading space in this extraction) and figure captions stand on their own.
        if re.match(r"^ [A-Z][^.]*$", ln) or re.match(r"^\s*Figure \d", ln):
            lines += ["", ln, ""]
        else:
            lines.append(ln)
    blocks = re.split(r"\n\s*\n|\s•\s|^\s*•", "\n".join(lines), flags=re.M)
    out = []
    for block in blocks:
        text = re.sub(r"\s*\n\s*", " ", block).strip()
        text = re.sub(r"(\w)- (\w)", r"\1-\2", text)  # words split across lines keep their hyphen
        text = re.sub(r"\)(?:i{1,3}|iv|vi{0,3})\b", ")", text)  # roman-numeral footnote markers
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z‘“'(])", text):
            n = normalise(sentence)
            if len(n.split()) >= 4:
                out.append((sentence.strip(), n))
    return out


def test_source_is_available():
    assert SOURCE.is_file(), f"the framework source is missing at {SOURCE}"
    assert len(source_sentences()) > 300


def test_english_pages_carry_the_whole_framework():
    pages = [text_of(p.html) for p in built_pages("en") if p.src.startswith("framework/")]
    corpus = " ".join(normalise(t) for t in pages).replace(" ", "")
    raw = " ".join(pages)
    sentences = source_sentences()

    def present(sentence: str, norm: str) -> bool:
        figure = re.match(r"Figure (\d)", sentence)
        if figure:  # figures are rebuilt (or honestly noted) under their own captions
            return f"Figure {figure.group(1)}" in raw
        return norm.replace(" ", "") in corpus  # spaces ignored: the PDF split some words

    missing = [s for s, n in sentences if not present(s, n)]
    found = 1 - len(missing) / len(sentences)
    report = "\n".join(f"  - {s[:160]}" for s in missing[:60])
    assert found >= THRESHOLD, f"{found:.1%} of {len(sentences)} source sentences found; missing:\n{report}"


def test_level_table_is_data_and_rendered_in_both_languages():
    """Figure 4 comes from data/levels.yml: every item appears on its level page in that language."""
    levels = yaml.safe_load((ROOT / "data/levels.yml").read_text(encoding="utf-8"))["levels"]
    pages = {(p.lang, p.src): p for p in built_pages()}
    for level in levels:
        for lang in ("en", "cy"):
            page = pages[(lang, f"framework/levels/{level['id']}.md")]
            text = normalise(text_of(page.html)) if lang == "en" else re.sub(r"\s+", " ", text_of(page.html))
            assert level["name"][lang].lower() in text_of(page.html).lower(), f"{lang} {level['id']}: level name missing"
            for field in ("who_for", "means_for_people", "good_looks_like"):
                for item in level[field]:
                    want = normalise(item[lang]) if lang == "en" else re.sub(r"\s+", " ", item[lang])
                    assert want in text, f"{lang} {level['id']} {field}: {item[lang][:80]!r} not on the page"
            other = "cy" if lang == "en" else "en"
            assert level["who_for"][0][other][:60] not in text_of(page.html), f"{lang} page shows the other language's data"
