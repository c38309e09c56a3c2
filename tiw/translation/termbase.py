"""Termbase lint: Welsh text must not use a variant the glossary rejects.

data/glossary.yml doubles as the termbase: each term has its approved Welsh (`term.cy`) and a
list `rejected_cy` of variants not to use. This finds every rejected variant in the Welsh pages
(docs/cy/**/*.md) and in the Welsh side (`cy:` fields) of data/*.yml and resources/*.yml,
case-insensitively and in any initial mutation: rejecting "seiliedig ar drawma" also catches
"Seiliedig ar Drawma", "seiliedig ar trawma"; rejecting "gwytnwch" also catches "wytnwch" and
"ngwytnwch".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tiw import ROOT
from tiw.core.yamlfile import read_yaml

_APOSTROPHES = "'’‘ʼ"
_LETTER = r"[^\W\d_]"

# (radical initial, mutated initial) for the soft, nasal and aspirate mutations.
SOFT = [("p", "b"), ("t", "d"), ("c", "g"), ("b", "f"), ("d", "dd"), ("g", ""), ("m", "f"), ("ll", "l"), ("rh", "r")]
NASAL = [("p", "mh"), ("t", "nh"), ("c", "ngh"), ("b", "m"), ("d", "n"), ("g", "ng")]
ASPIRATE = [("p", "ph"), ("t", "th"), ("c", "ch")]
MUTATIONS = SOFT + NASAL + ASPIRATE
VOWELS = "aeiouwyâêîôûŵŷ"


def _radicals(word: str) -> set[str]:
    """Every form this word could be the mutation of (including itself)."""
    out = {word}
    for radical, mutated in MUTATIONS:
        if mutated and word.startswith(mutated) and len(word) > len(mutated):
            out.add(radical + word[len(mutated) :])
    if word[:1] in VOWELS or word[:1] in ("l", "r"):
        out.add("g" + word)  # soft mutation drops g: (g)wydnwch -> wydnwch
    if word.startswith("h") and word[1:2] in VOWELS:
        out.add(word[1:])  # h- before a vowel: ei hawdurdod
    return out


def mutated_forms(word: str) -> set[str]:
    """The word in every initial mutation, from any radical it could come from."""
    word = word.lower()
    forms = set()
    for radical in _radicals(word):
        forms.add(radical)
        for rad, mutated in MUTATIONS:
            if radical.startswith(rad) and not (rad in ("c", "p", "t") and radical[1:2] == "h"):
                forms.add(mutated + radical[len(rad) :])
        if radical[:1] in VOWELS:
            forms.add("h" + radical)
    forms.discard("")
    return forms


def variant_pattern(phrase: str) -> re.Pattern:
    """A regex matching the phrase with any word in any mutation, any case, any apostrophe."""
    words = re.split(r"\s+", phrase.strip())
    parts = []
    for w in words:
        alternatives = sorted(mutated_forms(re.sub(f"[{_APOSTROPHES}]", "'", w)), key=len, reverse=True)
        parts.append("(?:" + "|".join(re.escape(a).replace("'", f"[{_APOSTROPHES}]") for a in alternatives) + ")")
    return re.compile(rf"(?<!{_LETTER})" + r"\s+".join(parts) + rf"(?!{_LETTER})", re.I)


@dataclass
class Rule:
    term_id: str
    approved: str
    rejected: str
    pattern: re.Pattern


@dataclass
class Finding:
    file: str
    line: int
    found: str
    rule: Rule

    def __str__(self):
        # A mutated form names the rejected variant it comes from; the variant itself is named once.
        same = self.found.casefold() == self.rule.rejected.casefold()
        what = "a variant" if same else f'a form of "{self.rule.rejected}", a variant'
        return (
            f'{self.file}, line {self.line}: uses "{self.found}", {what} the termbase rejects '
            f"(entry '{self.rule.term_id}'). Use the approved term: {self.rule.approved}."
        )


def rules(glossary: Path) -> list[Rule]:
    data, _ = read_yaml(glossary)
    out = []
    for term in (data or {}).get("terms", []):
        for rejected in term.get("rejected_cy") or []:
            out.append(Rule(term["id"], term["term"]["cy"], rejected, variant_pattern(rejected)))
    return out


def _welsh_strings(data: Any, lines: dict, path: tuple = ()) -> Iterator[tuple[int, str]]:
    """(line, text) for every `cy:` value in a parsed YAML document."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "cy" and isinstance(value, str):
                yield lines.get(path + (key,), lines.get(path, 0)), value
            elif key == "cy" and isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        yield lines.get(path + (key, i), lines.get(path + (key,), 0)), item
            else:
                yield from _welsh_strings(value, lines, path + (key,))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _welsh_strings(item, lines, path + (i,))


def _scan(text: str, first_line: int, name: str, all_rules: list[Rule]) -> Iterator[Finding]:
    seen: set[tuple[int, int]] = set()  # two terms may reject the same variant: report it once
    for rule in all_rules:
        for m in rule.pattern.finditer(text):
            if m.span() in seen:
                continue
            seen.add(m.span())
            yield Finding(name, first_line + text.count("\n", 0, m.start()), " ".join(m.group(0).split()), rule)


def lint(root: Path = ROOT) -> list[Finding]:
    """Every use of a rejected Welsh variant under root, in file and line order."""
    root = Path(root)
    all_rules = rules(root / "data" / "glossary.yml")
    findings: list[Finding] = []
    for page in sorted((root / "docs" / "cy").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        findings += _scan(text, 1, page.relative_to(root).as_posix(), all_rules)
    for folder in ("data", "resources"):
        for path in sorted((root / folder).glob("*.yml")):
            data, lines = read_yaml(path)
            for line, text in _welsh_strings(data, lines):
                # a folded or quoted multi-line value starts on the key's line or the next one
                findings += _scan(text, line, path.relative_to(root).as_posix(), all_rules)
    return findings
