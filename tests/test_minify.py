"""The theme's bundle is minified once with the install and copied by every build after
(tiw/build/minify.py); our own files are minified by the build, each kept by the hash of what
decides it. These run the pinned esbuild and terser, so each test sees real output."""

from __future__ import annotations

import pytest

from tiw.build import minify as m


@pytest.fixture()
def places(tmp_path, monkeypatch):
    """An empty environment folder and build cache, so nothing prepared earlier is found."""
    monkeypatch.setattr(m, "theme_dir", lambda: tmp_path / "env")
    monkeypatch.setenv("TIW_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def test_a_build_copies_the_prepared_theme_bundle_and_minifies_only_ours(places, monkeypatch):
    prepared, made = m.prepare_theme_bundle()
    assert made and prepared.parent == places / "env"
    assert prepared.stat().st_size < m.theme_bundle_source().stat().st_size

    site = places / "site"
    site.mkdir()
    bundle = site / m.theme_bundle_source().name
    bundle.write_bytes(m.theme_bundle_source().read_bytes())
    ours = site / "ours.js"
    ours.write_text(
        "// a comment the reader never needs\nfunction add(first, second) { return first + second; }\nwindow.add = add;\n"
    )
    ran: list[list[str]] = []
    real = m._run_node
    monkeypatch.setattr(
        m, "_run_node", lambda js, css, theme=(): (ran.append([f.name for f in [*js, *css, *theme]]), real(js, css, theme))
    )

    kept, minified = m.minify([ours], [], theme_bundle=bundle)
    assert (kept, minified) == (1, 1)
    assert ran == [["ours.js"]], "the build minified the theme's bundle again although it was prepared"
    assert bundle.read_bytes() == prepared.read_bytes()
    assert "comment" not in ours.read_text()

    # Prepared once: a second preparation finds it.
    assert m.prepare_theme_bundle() == (prepared, False)


def test_without_a_prepared_bundle_the_build_minifies_it_and_keeps_it(places):
    site = places / "site"
    site.mkdir()
    bundle = site / m.theme_bundle_source().name
    bundle.write_bytes(m.theme_bundle_source().read_bytes())
    assert m.minify([], [], theme_bundle=bundle) == (0, 1)
    assert bundle.stat().st_size < m.theme_bundle_source().stat().st_size
    prepared, made = m.prepare_theme_bundle()
    assert not made and prepared.read_bytes() == bundle.read_bytes()
