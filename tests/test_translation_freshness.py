"""Translation freshness in a temporary git repository: translate, stamp, change the English page,
and see the status say "outdated" (with the line count), `diff` show the changed paragraphs, and
the built Welsh page show the notice; plus the states missing / orphan / unstamped / bad stamp."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tiw import ROOT
from tiw.translation import freshness as fr
from tools import translation

EN_PAGE = """---
title: "Guide"
description: "A guide."
---

# Guide

The first paragraph says what the guide is for.

The second paragraph explains who it is for.

Read next: [the other page](other.md).
"""

CY_PAGE = """---
title: "Canllaw"
description: "Canllaw."
---

# Canllaw

Mae'r paragraff cyntaf yn dweud beth yw diben y canllaw.

Mae'r ail baragraff yn esbonio ar gyfer pwy y mae.

Darllenwch nesaf: [y dudalen arall](other.md).
"""

OTHER_EN = "---\ntitle: Other\n---\n\n# Other\n\nAnother page.\n"
OTHER_CY = "---\ntitle: Arall\n---\n\n# Arall\n\nTudalen arall.\n"

MKDOCS_YML = f"""site_name: Test
site_url: http://127.0.0.1:8000/
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  font: false
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      languages:
        - locale: en
          default: true
          name: English
          build: true
        - locale: cy
          name: Cymraeg
          build: true
hooks:
  - {ROOT / "hooks" / "translation_notice.py"}
"""


def git(repo: Path, *args: str) -> str:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
    )
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def write(repo: Path, rel: str, text: str) -> None:
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def tool(repo: Path, *args: str, capsys) -> tuple[int, str]:
    code = translation.main(["--root", str(repo), *args])
    return code, capsys.readouterr().out


def line_of(output: str, page: str) -> str:
    found = [line for line in output.splitlines() if re.search(rf"\s{re.escape(page)}(\s|$)", line)]
    assert found, f"{page} is not in the report:\n{output}"
    return found[0]


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("TIW_CACHE_DIR", str(tmp_path / "cache"))  # git's kept answers: this repository's own
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "mkdocs.yml", MKDOCS_YML)
    write(repo, "docs/en/guide.md", EN_PAGE)
    write(repo, "docs/en/other.md", OTHER_EN)
    commit(repo, "English pages")
    write(repo, "docs/cy/guide.md", CY_PAGE)
    write(repo, "docs/cy/other.md", OTHER_CY)
    commit(repo, "Welsh translation")
    return repo


def change_english(repo: Path) -> None:
    text = EN_PAGE.replace("explains who it is for.", "explains who it is for, and when to use it.")
    text = text.replace("Read next:", "A new paragraph about safety.\n\nRead next:")
    write(repo, "docs/en/guide.md", text)


# ---------------------------------------------------------------------------------- status


def test_translate_stamp_change_shows_outdated_with_line_count(repo, capsys):
    code, out = tool(repo, "status", capsys=capsys)
    assert code == 0 and "UNSTAMPED" in line_of(out, "guide.md")

    head = git(repo, "rev-parse", "HEAD").strip()
    code, out = tool(repo, "stamp", "guide.md", "docs/cy/other.md", capsys=capsys)
    assert code == 0, out
    assert fr.read_stamp((repo / "docs/cy/guide.md").read_text()) == head
    assert (repo / "docs/cy/guide.md").read_text().startswith('---\ntitle: "Canllaw"')
    stamp_commit = commit(repo, "Stamp the translations")

    code, out = tool(repo, "status", "--mode", "strict", capsys=capsys)
    assert code == 0, out
    assert line_of(out, "guide.md").split()[0:3] == ["up", "to", "date"]

    change_english(repo)
    commit(repo, "Update the English guide")
    expected = sum(int(n) for n in git(repo, "diff", "--numstat", head, "HEAD", "--", "docs/en/guide.md").split()[:2])
    assert expected >= 3
    code, out = tool(repo, "status", capsys=capsys)
    assert code == 0, "lenient mode reports and exits 0"
    line = line_of(out, "guide.md")
    assert "OUTDATED" in line and f"{expected} English lines changed" in line, out
    assert f"{expected} in commits since {head[:12]}" in line
    assert "up to date" in line_of(out, "other.md")
    assert stamp_commit != head

    code, out = tool(repo, "status", "--mode", "ci", capsys=capsys)
    assert code == 0, "CI mode reports outdated pages without failing:\n" + out
    code, out = tool(repo, "status", "--strict", capsys=capsys)
    assert code == 1 and "FAIL (1 page)" in out


def test_uncommitted_english_changes_count_and_restamping_clears(repo, capsys):
    tool(repo, "stamp", "--all", capsys=capsys)
    commit(repo, "stamp")
    write(repo, "docs/en/other.md", OTHER_EN + "\nOne more line.\n")
    code, out = tool(repo, "status", capsys=capsys)
    line = line_of(out, "other.md")
    assert "OUTDATED" in line and "2 not committed yet" in line, out

    code, out = tool(repo, "stamp", "other.md", capsys=capsys)
    assert code == 1 and "not committed" in out, "stamping over uncommitted English is refused"
    commit(repo, "English change")
    code, out = tool(repo, "stamp", "other.md", capsys=capsys)
    assert code == 0, out
    code, out = tool(repo, "status", "--strict", capsys=capsys)
    assert code == 0, out


def test_missing_orphan_unstamped_and_ci_mode(repo, capsys):
    tool(repo, "stamp", "--all", capsys=capsys)
    write(repo, "docs/en/new.md", "# New\n")
    write(repo, "docs/cy/old.md", "# Hen\n")
    commit(repo, "a new English page and a stray Welsh one")
    write(repo, "docs/cy/other.md", OTHER_CY)  # stamp removed
    code, out = tool(repo, "status", capsys=capsys)
    assert code == 0
    assert "MISSING" in line_of(out, "new.md")
    assert "ORPHAN" in line_of(out, "old.md")
    assert "UNSTAMPED" in line_of(out, "other.md")
    code, out = tool(repo, "status", "--mode", "ci", capsys=capsys)
    assert code == 1 and "FAIL (3 pages)" in out, out
    assert "make translation-stamp PAGE=other.md" in out

    (repo / "docs/cy/old.md").unlink()
    tool(repo, "stamp", "other.md", capsys=capsys)
    code, out = tool(repo, "status", "--mode", "ci", capsys=capsys)
    assert code == 1 and "FAIL (1 page)" in out, "a missing page alone still fails CI"


def test_stamp_from_a_rewritten_history_is_reported_not_a_crash(repo, capsys):
    git(repo, "checkout", "-q", "-b", "side")
    write(repo, "docs/en/side.md", "# Side\n")
    side = commit(repo, "a commit on another branch")
    git(repo, "checkout", "-q", "main")
    write(repo, "docs/cy/guide.md", fr.write_stamp(CY_PAGE, side))
    write(repo, "docs/cy/other.md", fr.write_stamp(OTHER_CY, "0123456789abcdef0123456789abcdef01234567"))
    code, out = tool(repo, "status", "--mode", "ci", capsys=capsys)
    assert code == 1
    guide, other = line_of(out, "guide.md"), line_of(out, "other.md")
    assert "BAD STAMP" in guide and "not in the history of HEAD" in guide
    assert "BAD STAMP" in other and "does not exist in this repository" in other
    code, out = tool(repo, "stamp", "--commit", side, "guide.md", capsys=capsys)
    assert code == 2 and "not in the history of HEAD" in out


def test_new_page_pair_committed_together_is_up_to_date(repo, capsys):
    tool(repo, "stamp", "--all", capsys=capsys)
    commit(repo, "stamp")
    write(repo, "docs/en/fresh.md", "# Fresh\n\nNew text.\n")
    write(repo, "docs/cy/fresh.md", "# Newydd\n\nTestun newydd.\n")
    code, out = tool(repo, "stamp", "fresh.md", capsys=capsys)
    assert code == 0 and "new page" in out
    assert "up to date" in line_of(tool(repo, "status", capsys=capsys)[1], "fresh.md")
    commit(repo, "a new page in both languages")
    code, out = tool(repo, "status", "--strict", capsys=capsys)
    assert code == 0, out


def test_english_edit_translated_at_once_and_committed_together_is_up_to_date(repo, capsys):
    tool(repo, "stamp", "--all", capsys=capsys)
    commit(repo, "stamp")
    change_english(repo)
    write(repo, "docs/cy/guide.md", (repo / "docs/cy/guide.md").read_text() + "\nParagraff newydd am ddiogelwch.\n")
    code, out = tool(repo, "stamp", "guide.md", capsys=capsys)
    assert code == 1 and "--force" in out
    code, out = tool(repo, "stamp", "--force", "guide.md", capsys=capsys)
    assert code == 0, out
    line = line_of(tool(repo, "status", capsys=capsys)[1], "guide.md")
    assert line.split()[:3] == ["up", "to", "date"] and "commit them together" in line, line
    commit(repo, "English and Welsh updated together")
    code, out = tool(repo, "status", "--strict", capsys=capsys)
    assert code == 0, out

    # an English edit in a later commit, without a new stamp, is outdated again
    write(repo, "docs/en/guide.md", (repo / "docs/en/guide.md").read_text() + "\nLater.\n")
    commit(repo, "later English edit")
    line = line_of(tool(repo, "status", capsys=capsys)[1], "guide.md")
    assert "OUTDATED" in line and "2 English lines changed" in line, line


# A news post as the browser editor writes it (tiw_editor/, Decap CMS): both languages, no stamp.
POST = "news/posts/2026-12-02-editor-post.md"
POST_EN = "---\ntitle: Editor post\ndate: 2026-12-02\nsummary: A post.\n---\n\n# Editor post\n\nWritten in the editor.\n"
POST_CY = "---\ntitle: Neges y golygydd\ndate: 2026-12-02\nsummary: Neges.\n---\n\n# Neges y golygydd\n\nWedi'i hysgrifennu.\n"


def post_state(repo: Path, capsys) -> str:
    return line_of(tool(repo, "status", capsys=capsys)[1], POST)


def test_a_page_pair_created_in_one_commit_needs_no_stamp_until_the_english_changes_alone(repo, capsys):
    tool(repo, "stamp", "--all", capsys=capsys)
    commit(repo, "stamp")
    write(repo, f"docs/en/{POST}", POST_EN)
    write(repo, f"docs/cy/{POST}", POST_CY)
    assert post_state(repo, capsys).split()[:3] == ["up", "to", "date"], "a new pair, not committed yet"
    created = commit(repo, "a news post in both languages (one editor save)")
    code, out = tool(repo, "status", "--strict", capsys=capsys)
    assert code == 0, out
    assert f"written with the English in {created[:12]}" in line_of(out, POST)
    assert fr.read_stamp((repo / f"docs/cy/{POST}").read_text()) is None, "no stamp was written"

    # Saved again in both languages, and a Welsh-only correction: still up to date.
    write(repo, f"docs/en/{POST}", POST_EN + "\nA second paragraph.\n")
    write(repo, f"docs/cy/{POST}", POST_CY + "\nAil baragraff.\n")
    assert "commit them together" in post_state(repo, capsys)
    commit(repo, "both languages edited together")
    write(repo, f"docs/cy/{POST}", POST_CY.replace("hysgrifennu", "hysgrifennu'n dda") + "\nAil baragraff.\n")
    commit(repo, "a Welsh correction")
    code, out = tool(repo, "status", "--strict", capsys=capsys)
    assert code == 0, out

    # The English alone, uncommitted then committed: outdated (reported, not failing CI).
    write(repo, f"docs/en/{POST}", (repo / f"docs/en/{POST}").read_text() + "\nA later English line.\n")
    line = post_state(repo, capsys)
    assert "OUTDATED" in line and "2 not committed yet" in line, line
    commit(repo, "a later English change")
    line = post_state(repo, capsys)
    assert "OUTDATED" in line and "2 English lines changed without the Welsh" in line, line
    assert tool(repo, "status", "--mode", "ci", capsys=capsys)[0] == 0
    code, out = tool(repo, "diff", POST, capsys=capsys)
    assert code == 0 and "A later English line." in out and "A second paragraph." not in out, out

    # A later save of both languages does not make up for the English change it did not see.
    write(repo, f"docs/en/{POST}", (repo / f"docs/en/{POST}").read_text() + "\nMore.\n")
    write(repo, f"docs/cy/{POST}", (repo / f"docs/cy/{POST}").read_text() + "\nMwy.\n")
    commit(repo, "both again")
    assert "OUTDATED" in post_state(repo, capsys)
    # ...a translator's stamp does.
    assert tool(repo, "stamp", POST, capsys=capsys)[0] == 0
    commit(repo, "stamp the post")
    assert post_state(repo, capsys).split()[:3] == ["up", "to", "date"]


def test_a_welsh_page_added_after_its_english_one_still_needs_a_stamp(repo, capsys):
    write(repo, f"docs/en/{POST}", POST_EN)
    commit(repo, "the English post")
    write(repo, f"docs/cy/{POST}", POST_CY)
    assert "UNSTAMPED" in post_state(repo, capsys), "uncommitted"
    commit(repo, "its Welsh, later")
    assert "UNSTAMPED" in post_state(repo, capsys)
    code, out = tool(repo, "status", "--mode", "ci", capsys=capsys)
    assert code == 1 and f"make translation-stamp PAGE={POST}" in out


def test_diff_shows_the_changed_paragraphs_and_the_welsh_to_revise(repo, capsys):
    tool(repo, "stamp", "--all", capsys=capsys)
    commit(repo, "stamp")
    change_english(repo)
    commit(repo, "English change")
    code, out = tool(repo, "diff", "docs/en/guide.md", capsys=capsys)
    assert code == 0, out
    assert "CHANGED paragraph" in out and "ADDED paragraph" in out
    assert "[-for.-] {+for, and when to use it.+}" in out, out
    assert "A new paragraph about safety." in out
    assert "Mae'r ail baragraff yn esbonio" in out, "the Welsh paragraph to revise is shown"
    assert "The first paragraph" not in out, "unchanged paragraphs are not shown"
    assert "make translation-stamp PAGE=guide.md" in out


def test_stamp_front_matter_round_trip():
    text = fr.write_stamp(CY_PAGE, "a" * 40)
    assert text.count("default_lang_commit") == 1 and fr.read_stamp(text) == "a" * 40
    again = fr.write_stamp(text, "b" * 40)
    assert fr.read_stamp(again) == "b" * 40 and again.replace("b" * 40, "a" * 40) == text
    assert fr.read_stamp(fr.write_stamp("# No front matter\n", "c" * 40)) == "c" * 40
    assert fr.read_stamp("---\ndefault_lang_commit: 1234e5\n---\n") == "1234e5", "kept as text, not a number"
    with pytest.raises(fr.StampError):
        fr.write_stamp(CY_PAGE, "HEAD")


# ---------------------------------------------------------------------------------- the notice


def build(project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


NOTICE = "Mae'r fersiwn Saesneg wedi'i diweddaru ers y cyfieithiad hwn"


@pytest.mark.slow
def test_built_welsh_page_shows_the_notice_only_when_outdated(repo, capsys, tmp_path):
    write(repo, "docs/en/index.md", "# Home\n")
    write(repo, "docs/cy/index.md", "# Hafan\n")
    commit(repo, "home pages")
    tool(repo, "stamp", "--all", capsys=capsys)
    commit(repo, "stamp")
    change_english(repo)
    commit(repo, "English change")
    build(repo)
    html = (repo / "site/cy/guide/index.html").read_text().replace("&#x27;", "'").replace("&#39;", "'")
    assert NOTICE in html
    notice = re.search(r'<div class="admonition info tiw-translation-notice" role="note">.*?</div>', html, re.S)
    assert notice, "the notice is an admonition with role=note"
    assert html.index("</h1>") < notice.start(), "the notice comes right after the page title"
    link = re.search(r'<a href="([^"]+)" hreflang="en">Darllenwch y dudalen Saesneg ddiweddaraf</a>', notice.group(0))
    assert link and link.group(1) == "../../guide/", f"links to the English page: {notice.group(0)}"
    assert (repo / "site/guide/index.html").is_file()
    other = (repo / "site/cy/other/index.html").read_text().replace("&#x27;", "'")
    assert "<h1" in other and NOTICE not in other and "tiw-translation-notice" not in other, (
        "no notice on a page that is up to date"
    )
    english = (repo / "site/guide/index.html").read_text().replace("&#x27;", "'")
    assert "tiw-translation-notice" not in english

    # The same source without .git (a tarball): it builds, with no notice and one INFO line.
    tarball = tmp_path / "tarball"
    shutil.copytree(repo, tarball, ignore=shutil.ignore_patterns(".git", "site"))
    result = build(tarball)
    assert "tiw-translation-notice" not in (tarball / "site/cy/guide/index.html").read_text()
    info = [line for line in result.stderr.splitlines() if "Translation notices are off" in line]
    assert len(info) == 1 and info[0].startswith("INFO"), result.stderr[-2000:]


def test_answers_about_commits_alone_are_reused_while_head_is_the_same_commit(repo, monkeypatch):
    """A `make serve` rebuild makes a new Git object; what it asks about commits alone is answered
    from the last rebuild's queries while HEAD is the same commit, and never for a working-tree
    query or a branch name."""
    from tiw.build import git as git_module

    asked: list[tuple] = []
    real_run = git_module.run
    monkeypatch.setattr(git_module, "run", lambda root, *args: asked.append(args) or real_run(root, *args))
    diffs = lambda: [q for q in asked if q[0] == "diff"]  # noqa: E731
    base = git(repo, "rev-parse", "HEAD~1").strip()
    first = git_module.Git(repo).numstat(base, "HEAD")
    asked.clear()
    rebuild = git_module.Git(repo)
    assert rebuild.numstat(base, "HEAD") == first and not diffs()
    rebuild.numstat(base)  # that commit against the working tree: asked every time
    assert len(diffs()) == 1
    for _ in range(2):
        git_module.Git(repo).numstat(base, "main")  # a branch may move: asked every time
    assert len(diffs()) == 3
    change_english(repo)
    commit(repo, "English edit")
    asked.clear()
    after = git_module.Git(repo).numstat(base, "HEAD")  # a new HEAD: asked again
    assert len(diffs()) == 1 and after != first and "docs/en/guide.md" in after


# ------------------------------------------------------------- git's answers kept between builds


def test_answers_about_commits_are_kept_for_the_next_build_at_the_same_commit(repo, monkeypatch):
    from tiw.build import git as git_module

    query = ("log", "-1", "--format=%s", "HEAD", "--", "docs/cy/guide.md")
    asked = []
    real_run = git_module.run
    monkeypatch.setattr(git_module, "run", lambda root, *args: asked.append(args) or real_run(root, *args))
    assert git_module.Git(repo).committed(*query, revs=("HEAD",)) == (0, "Welsh translation\n")
    assert query in asked
    # a new build (a new process: nothing in memory) at the same commit asks git nothing about it
    monkeypatch.setattr(git_module, "_COMMITTED", {})
    monkeypatch.setattr(git_module, "_READ", set())
    asked.clear()
    assert git_module.Git(repo).committed(*query, revs=("HEAD",)) == (0, "Welsh translation\n")
    assert query not in asked
    # a new commit is a new HEAD: asked again
    write(repo, "docs/cy/guide.md", CY_PAGE + "\nMwy.\n")
    commit(repo, "More Welsh")
    monkeypatch.setattr(git_module, "_COMMITTED", {})
    monkeypatch.setattr(git_module, "_READ", set())
    assert git_module.Git(repo).committed(*query, revs=("HEAD",)) == (0, "More Welsh\n")
    assert query in asked
