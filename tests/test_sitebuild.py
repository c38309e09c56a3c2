"""The session's freshness check (tests/sitebuild.py) notices a missing, unfinished or stale site."""

import os

from tests.sitebuild import FINISHED, STARTED, stale_reason


def _project(tmp_path):
    root = tmp_path / "project"
    (root / "docs" / "en").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: x\n")
    (root / "docs" / "en" / "index.md").write_text("# x\n")
    site = root / "site"
    site.mkdir()
    return root, site


def _age(path, seconds):
    st = path.stat()
    os.utime(path, (st.st_atime - seconds, st.st_mtime - seconds))


def test_a_missing_or_unfinished_site_is_stale(tmp_path):
    root, site = _project(tmp_path)
    assert "missing" in stale_reason(site, root)
    (site / STARTED).write_text("<html>")
    assert "did not finish" in stale_reason(site, root)


def test_a_site_built_after_its_sources_is_fresh_until_one_changes(tmp_path):
    root, site = _project(tmp_path)
    for src in (root / "mkdocs.yml", root / "docs" / "en" / "index.md"):
        _age(src, 100)
    (site / STARTED).write_text("<html>")
    (site / FINISHED).write_text("<urlset/>")
    assert stale_reason(site, root) is None
    (root / "docs" / "en" / "index.md").write_text("# changed\n")
    assert stale_reason(site, root) == "docs/en/index.md changed after site/ was built"
