"""Bad input gets a clear error: each broken-data fixture fails the real build with a message that
names the file, the entry or line, and the field, and says what is expected."""

from __future__ import annotations

import re

import pytest

from tests.buildcopy import build, copy_project


def _edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture out of date: {old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _levels_name_cy_removed(p):
    _edit(p / "data/levels.yml", 'cy: "Ymwybodol o drawma"', 'xx: "Ymwybodol o drawma"')


CASES = {
    "malformed YAML": (
        lambda p: _edit(p / "data/wellbeing_goals.yml", "  - id: resilient\n", "  - id: [resilient\n"),
        [r"data/wellbeing_goals\.yml, line \d+: this is not valid YAML"],
    ),
    "missing Welsh field": (
        lambda p: _edit(
            p / "data/ways_of_working.yml", '    name: {en: "Prevention", cy: "Atal"}', '    name: {en: "Prevention"}'
        ),
        [r"data/ways_of_working\.yml, line \d+, entry 'prevention', field 'name\.cy': is missing", r"Welsh text"],
    ),
    "wrong type": (
        lambda p: _edit(p / "data/principles.yml", "    order: 3\n", "    order: three\n"),
        [r"data/principles\.yml, line \d+, entry 'principle-3', field 'order': has the wrong type"],
    ),
    "unknown level id in a resource": (
        lambda p: _edit(p / "resources/nice-ng116.yml", "specialist", "specialists"),
        [
            r"resources/nice-ng116\.yml, line \d+, entry 'nice-ng116', field 'levels\[\d\]': has an unknown value 'specialists'",
            r"trauma-aware, trauma-skilled, trauma-enhanced, specialist",
        ],
    ),
    "unknown level id in a page": (
        lambda p: _edit(
            p / "docs/cy/framework/levels/specialist.md", '{{ level_detail("specialist") }}', '{{ level_detail("specalist") }}'
        ),
        [r"unknown practice level id 'specalist'", r"data/levels\.yml"],
    ),
    "macro typo": (
        lambda p: _edit(p / "docs/en/framework/principles.md", "{{ principles() }}", "{{ principels() }}"),
        [r"principels", r"framework/principles\.md"],
    ),
    "duplicate key": (
        lambda p: _edit(p / "data/ui.yml", "language_nav_label:", 'language_nav_label: {en: "x", cy: "y"}\nlanguage_nav_label:'),
        [r"data/ui\.yml, line \d+: .*appears twice"],
    ),
    "placeholder differs between languages": (
        lambda p: _edit(p / "data/ui.yml", 'cy: "Egwyddor {number}:', 'cy: "Egwyddor {rhif}:'),
        [r"data/ui\.yml, line \d+, entry 'principle_slot': the placeholders differ"],
    ),
    "pending principle given invented text": (
        lambda p: _edit(
            p / "data/principles.yml",
            "  - id: principle-1\n    order: 1\n    status: pending\n",
            '  - id: principle-1\n    order: 1\n    status: pending\n    name: {en: "Safety", cy: "Diogelwch"}\n',
        ),
        [r"data/principles\.yml, line \d+, entry 'principle-1'", r"never invent"],
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_broken_data_fails_the_build_naming_file_and_field(tmp_path, case):
    breaker, patterns = CASES[case]
    project = copy_project(tmp_path)
    breaker(project)
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{case}: the build passed\n{output[-2000:]}"
    for pattern in patterns:
        assert re.search(pattern, output), f"{case}: {pattern!r} not in the build output:\n{output[-3000:]}"
    assert not (project / "site" / "index.html").exists() or case in ("unknown level id in a page", "macro typo")
