"""The site is rewritten only where something it is made from changed: a title (its document or
its files), the base URL, or the catalogue (a title added or removed)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.build import STYLES_DIR
from pipeline.cache import Cache
from pipeline.errors import PublishError
from pipeline.site.publish import publish_site, site_dir_of
from tests.site.sitetools import BASE_URL, built_title, config, document, variant_text

OTHER_ID = "5d2c8a1e-7b3f-4e6a-9c0d-2e4f6a8b0c1d"


@pytest.fixture
def catalogue(tmp_path: Path, site_cache: Cache):
    out = tmp_path / "output"
    first = built_title(out, document())
    second = built_title(out, document(variant_text("night-library-two", "灯下夜读续篇", "2024-11-02", OTHER_ID)),
                         audio=False)

    def publish(titles=None, base_url=BASE_URL, force=False):
        return publish_site(titles or [first, second], out, config(), base_url, site_cache, STYLES_DIR,
                            force=force, log=lambda m: None)

    return out, first, second, publish


def mtimes(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def test_nothing_changed_writes_nothing(catalogue) -> None:
    out, _first, _second, publish = catalogue
    publish()
    before = mtimes(site_dir_of(out))
    outcome = publish()
    assert outcome.built == [] and not outcome.catalogue_built
    assert sorted(outcome.up_to_date) == ["night-library", "night-library-two"]
    assert mtimes(site_dir_of(out)) == before


def test_a_changed_title_rewrites_its_folder_and_the_catalogue_only(catalogue) -> None:
    out, first, second, publish = catalogue
    publish()
    site = site_dir_of(out)
    before = mtimes(site)
    edited = first.doc.model_copy(update={"meta": first.doc.meta.model_copy(update={"description": "新的简介。"})})
    outcome = publish([first.__class__(first.source, edited, first.outputs), second])
    assert outcome.built == ["night-library"] and outcome.up_to_date == ["night-library-two"]
    assert outcome.catalogue_built
    after = mtimes(site)
    assert all(after[name] == stamp for name, stamp in before.items() if name.startswith("night-library-two/"))
    assert "新的简介。" in (site / "night-library" / "index.html").read_text(encoding="utf-8")
    assert "新的简介。" in (site / "feed.xml").read_text(encoding="utf-8")


def test_a_rebuilt_edition_is_picked_up(catalogue) -> None:
    out, first, _second, publish = catalogue
    publish()
    epub = first.outputs["epub"][0]
    epub.write_bytes(b"a new epub")
    os.utime(epub, ns=(1, 1))  # a different file, whatever the clock says
    outcome = publish()
    assert outcome.built == ["night-library"]
    assert (site_dir_of(out) / "night-library" / epub.name).read_bytes() == b"a new epub"
    assert 'length="10"' in (site_dir_of(out) / "opds.xml").read_text(encoding="utf-8")


def test_a_new_base_url_rewrites_everything(catalogue) -> None:
    out, _first, _second, publish = catalogue
    publish()
    outcome = publish(base_url="https://news.example.com/audio/")
    assert sorted(outcome.built) == ["night-library", "night-library-two"] and outcome.catalogue_built
    site = site_dir_of(out)
    for name in ("feed.xml", "opds.xml", "opds.json", "night-library/chapters.json", "night-library/index.html"):
        text = (site / name).read_text(encoding="utf-8")
        assert "https://news.example.com/audio/" in text and BASE_URL not in text, name


def test_a_title_leaving_the_catalogue_loses_its_folder(catalogue) -> None:
    out, first, _second, publish = catalogue
    publish()
    outcome = publish([first])
    assert outcome.removed == ["night-library-two"]
    site = site_dir_of(out)
    assert not (site / "night-library-two").exists()
    assert "night-library-two" not in (site / "index.html").read_text(encoding="utf-8")
    assert "night-library-two" not in (site / "opds.xml").read_text(encoding="utf-8")


def test_a_damaged_site_file_is_rewritten(catalogue) -> None:
    out, _first, _second, publish = catalogue
    publish()
    page = site_dir_of(out) / "night-library" / "index.html"
    good = page.read_bytes()
    page.write_text("oops", encoding="utf-8")
    assert publish().built == ["night-library"]
    assert page.read_bytes() == good
    assert not list(site_dir_of(out).rglob("*.part"))


def test_files_the_site_did_not_write_are_left_alone(catalogue) -> None:
    out, first, _second, publish = catalogue
    publish()
    mine = site_dir_of(out) / "night-library-two" / "notes.txt"
    mine.write_text("an editor's file", encoding="utf-8")
    publish([first])
    assert mine.read_text(encoding="utf-8") == "an editor's file"


def test_a_base_url_is_required(catalogue) -> None:
    _out, _first, _second, publish = catalogue
    with pytest.raises(PublishError, match="base_url"):
        publish(base_url=None)


def test_a_second_site_build_into_the_same_folder_is_refused_and_no_lock_is_left_in_the_output(catalogue) -> None:
    from filelock import FileLock

    from pipeline.build import lock_dir
    from pipeline.site.publish import _site_lock

    out, _first, _second, publish = catalogue
    publish()
    assert not [p for p in out.rglob("*") if p.name.endswith(".lock")]  # an upload carries only what was built
    path = _site_lock(site_dir_of(out))
    assert path.parent == lock_dir()
    lock = FileLock(str(path))
    lock.acquire(timeout=0)  # another build is writing this site
    try:
        with pytest.raises(PublishError, match="another 'publish site'"):
            publish(force=True)
    finally:
        lock.release()
    assert publish(force=True).catalogue_built  # and once it is done, this one goes ahead


def test_a_title_coming_or_going_leaves_the_other_titles_folders_untouched(catalogue) -> None:
    """The catalogue's description counts the titles; the other titles' pages do not show it."""
    out, first, second, publish = catalogue
    publish([first])
    site = site_dir_of(out)
    before = {name: stamp for name, stamp in mtimes(site).items() if name.startswith("night-library/")}
    added = publish([first, second])
    assert added.built == ["night-library-two"] and added.up_to_date == ["night-library"]
    removed = publish([first])
    assert removed.built == [] and removed.removed == ["night-library-two"]
    assert {name: stamp for name, stamp in mtimes(site).items() if name.startswith("night-library/")} == before
    assert "1 篇" in (site / "feed.xml").read_text(encoding="utf-8")  # the catalogue's own words did change


def test_a_title_folder_no_manifest_remembers_is_cleared_of_the_sites_files(catalogue) -> None:
    """The manifest lost (deleted, or from another version): a title that left the catalogue since
    does not linger in the site (to be uploaded with it); an editor's own file there stays."""
    out, first, second, publish = catalogue
    publish()
    site = site_dir_of(out)
    mine = site / "night-library-two" / "notes.txt"
    mine.write_text("an editor's file", encoding="utf-8")
    (out / ".site-manifest.json").unlink()
    outcome = publish([first])
    assert outcome.removed == ["night-library-two"]
    assert [p.relative_to(site).as_posix() for p in (site / "night-library-two").rglob("*")] == [
        "night-library-two/notes.txt"]
    assert (site / "night-library" / "index.html").exists() and (site / "assets" / "site.css").exists()
