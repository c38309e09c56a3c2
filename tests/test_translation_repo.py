"""The translation checks on the real repository, as CI runs them: the freshness status in CI mode
(README.md, "For translators"), and the interface strings complete in both languages."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tiw import ROOT
from tiw.core.errors import DataError
from tiw.core.schema import validate_file
from tiw.core.yamlfile import read_yaml
from tiw.data.site import _check_ui, load_site_data

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def test_translation_status_in_ci_mode():
    """Fails on a missing, orphan or unstamped Welsh page or a bad stamp; outdated pages are
    reported (and shown to readers by the build's notice) without failing."""
    result = subprocess.run(
        [sys.executable, "-m", "tools.translation", "status", "--mode", "ci"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Mode ci:" in result.stdout and result.stdout.rstrip().endswith("ok")
    assert "up to date" in result.stdout


def test_every_interface_string_in_both_languages_with_the_same_placeholders():
    ui = load_site_data().ui
    assert len(ui) > 20
    problems = []
    for key, text in ui.items():
        if set(text) != {"en", "cy"}:
            problems.append(f"{key}: languages {sorted(text)}")
            continue
        if not text["en"].strip() or not text["cy"].strip():
            problems.append(f"{key}: empty")
        if sorted(_PLACEHOLDER.findall(text["en"])) != sorted(_PLACEHOLDER.findall(text["cy"])):
            problems.append(f"{key}: placeholders differ: {text}")
    assert problems == []


def test_mismatched_placeholders_are_refused_naming_the_key(tmp_path):
    path = tmp_path / "ui.yml"
    path.write_text('greeting: {en: "Hello {name}", cy: "Helo {enw}"}\n', encoding="utf-8")
    data, lines = read_yaml(path)
    with pytest.raises(DataError, match=r"line 1, entry 'greeting': the placeholders differ"):
        _check_ui(data, path, lines)


@pytest.mark.parametrize(
    "entry, field",
    [
        ('greeting: {en: "Hello", cy: ""}', "greeting.cy"),
        ('greeting: {en: "Hello", cy: "   "}', "greeting.cy"),
        ('greeting: {en: "Hello"}', "greeting.cy"),
    ],
)
def test_an_empty_or_missing_welsh_string_is_refused(tmp_path, entry, field):
    path = tmp_path / "ui.yml"
    path.write_text(entry + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(f"field '{field}'")):
        validate_file(path, "ui.schema.yaml")


def test_welsh_theme_strings_are_complete_and_keep_their_placeholders():
    import material

    pattern = re.compile(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)"', re.M)
    theme = dict(pattern.findall((Path(material.__file__).parent / "templates/partials/languages/en.html").read_text()))
    ours = dict(pattern.findall((ROOT / "overrides/partials/languages/cy.html").read_text()))
    assert len(theme) > 40
    assert set(theme) - set(ours) == set(), f"Welsh theme strings missing: {sorted(set(theme) - set(ours))}"
    empty = [k for k, v in ours.items() if not v.strip()]
    assert empty == []
    # "# matching documents": the theme replaces # with a number
    lost = [k for k, v in theme.items() if "#" in v and "#" not in ours[k]]
    assert lost == [], f"Welsh theme strings without the # placeholder: {lost}"
