"""data/which_level.yml ("Which practice level fits my role?"): the real file is valid and forms a
guide that always ends; broken copies fail with a message naming the file, line, entry and field.
Fast: these check the data layer directly, without a build. (Schema errors name the nearest entry
with an id, here the answer, and the line, which tells answers of different questions apart.)"""

from __future__ import annotations

import re

import pytest

from tiw.core.errors import DataError
from tiw.core.paths import DATA_DIR
from tiw.core.schema import validate_file
from tiw.core.yamlfile import read_yaml
from tiw.data.which_level import check_which_level

REAL = DATA_DIR / "which_level.yml"


def _load(path):
    data = validate_file(path, "which_level.schema.yaml")
    _, lines = read_yaml(path)
    check_which_level(data, path, lines)
    return data


def test_real_file_is_valid_and_every_route_ends():
    data = _load(REAL)
    questions = {q["id"]: q for q in data["questions"]}
    ends = 0
    stack = [data["questions"][0]["id"]]
    while stack:
        for answer in questions[stack.pop()]["answers"]:
            if answer["next"] == "result":
                ends += 1
            else:
                stack.append(answer["next"])
    assert ends >= 2
    levels = {lv for q in data["questions"] for a in q["answers"] for lv in a["levels"]} | {data["everyone"]["level"]}
    assert levels == {"trauma-aware", "trauma-skilled", "trauma-enhanced", "specialist"}, (
        "every practice level should be reachable from some answers"
    )


def _broken(tmp_path, old: str, new: str):
    text = REAL.read_text(encoding="utf-8")
    assert old in text, f"fixture out of date: {old!r} is not in {REAL}"
    path = tmp_path / "which_level.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


CASES = {
    "next names no question": (
        "        next: known-trauma\n",
        "        next: known-truama\n",
        r"which_level\.yml, line \d+, entry 'direct-contact', field 'answers\[1\]\.next': there is no question 'known-truama'",
    ),
    "next goes backwards (a loop)": (
        '        next: interventions\n      - id: "no"\n        label: {en: "No", cy: "Nac oes"}\n        levels: []\n        means:\n          en: "The trauma-enhanced',
        '        next: direct-contact\n      - id: "no"\n        label: {en: "No", cy: "Nac oes"}\n        levels: []\n        means:\n          en: "The trauma-enhanced',
        r"entry 'known-trauma', field 'answers\[1\]\.next': 'direct-contact' does not come after this question",
    ),
    "question nobody reaches": (
        "        next: known-trauma\n",
        "        next: interventions\n",
        r"entry 'known-trauma': no answer leads to this question",
    ),
    "answer id twice": (
        '      - id: "no"\n        label: {en: "No", cy: "Nac oes"}\n        levels: []\n        means:\n          en: "The trauma-skilled',
        '      - id: "yes"\n        label: {en: "No", cy: "Nac oes"}\n        levels: []\n        means:\n          en: "The trauma-skilled',
        r"entry 'direct-contact', field 'answers\[2\]\.id': the answer id 'yes' is used twice",
    ),
    "unknown level id": (
        "        levels: [trauma-skilled]\n",
        "        levels: [trauma-skiled]\n",
        r"which_level\.yml, line {line}, entry 'yes', field 'levels\[1\]': has an unknown value 'trauma-skiled'.*trauma-skilled",
    ),
    "missing Welsh label": (
        '        label: {en: "Yes", cy: "Oes"}\n',
        '        label: {en: "Yes"}\n',
        r"which_level\.yml, line {line}, entry 'yes', field 'label\.cy': is missing",
    ),
    "unquoted yes (a YAML boolean)": (
        '      - id: "yes"\n',
        "      - id: yes\n",
        r"which_level\.yml, line {line}, entry 'True', field 'id': has the wrong type: expected string, found bool",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_broken_which_level_data_names_file_line_entry_and_field(tmp_path, case):
    old, new, pattern = CASES[case]
    path = _broken(tmp_path, old, new)
    text = path.read_text(encoding="utf-8")
    line = text[: text.index(new)].count("\n") + 1  # the line of the broken value
    with pytest.raises(DataError) as err:
        _load(path)
    assert re.search(pattern.replace("{line}", str(line)), str(err.value)), str(err.value)
