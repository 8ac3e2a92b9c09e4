"""The site step of a build (`publish site`, `publish all` with a base URL) over what the build
driver reports: the site is written over the titles that built; a title that failed is left out
of the catalogue and the feeds, keeps the page an earlier build wrote, and comes back when it
builds again; with no title built the site is left as it was; a failure of the site itself is
one line. The driver's results are made here by hand (files from `sitetools`), so these run in
a second; `test_site_command.py` runs the real command end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import CatalogueResult, EditionResult, TitleResult, TitleSource
from pipeline.site.command import SitePlan, plan_site, run_site
from pipeline.paths import UsageError
from tests.conftest import TEST_TITLE
from tests.site.sitetools import BASE_URL, config, document, parse_feed, variant_text

OTHER_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
SECOND = variant_text("night-library-two", "灯下夜读续篇", "2024-11-02", OTHER_ID)


def _files(out: Path, slug: str) -> dict[str, tuple[Path, ...]]:
    """The files a full build leaves for `slug`, made as `sitetools.built_title` makes them."""
    from tests.site.sitetools import built_title

    text = TEST_TITLE.read_text(encoding="utf-8") if slug == "night-library" else SECOND
    return dict(built_title(out, document(text)).outputs)


@pytest.fixture
def catalogue(tmp_path: Path, monkeypatch, site_cache):
    monkeypatch.setenv("PUBLISH_CACHE_DIR", str(site_cache.root))  # covers and font subsets made once
    out = tmp_path / "output"
    titles = [TitleSource.from_text("source/night-library.md", TEST_TITLE.read_text(encoding="utf-8")),
              TitleSource.from_text("source/night-library-two.md", SECOND)]
    files = {"night-library": _files(out, "night-library"), "night-library-two": _files(out, "night-library-two")}
    plan = SitePlan(config=config(), base_url=BASE_URL, project_dir=tmp_path)

    def build(failed: set[str] = frozenset(), gone: set[str] = frozenset()):
        """What `build_titles` reports when the titles in `failed` fail (their source errors)
        and those in `gone` are no longer among the sources."""
        results = []
        for title, slug in zip(titles, files):
            if slug in gone:
                continue
            if slug in failed:
                results.append(TitleResult(name=title.name, slug=slug,
                                           errors=(f"{title.name}:47:12: error E201: unknown speaker id 'nobody'",)))
            else:
                editions = tuple(EditionResult(edition, "up to date", tuple(str(p) for p in paths), 0.0)
                                 for edition, paths in files[slug].items())
                results.append(TitleResult(name=title.name, slug=slug, editions=editions))
        report = CatalogueResult(results=tuple(results), seconds=0.0, runner="by hand")
        return run_site(plan, titles, report, str(out), force=False)

    return out / "site", build


def _listed(site: Path) -> list[str]:
    """The titles the feed lists, by slug (from each episode's page link)."""
    feed = parse_feed((site / "feed.xml").read_bytes())
    return sorted(entry.link.split("/")[-2] for entry in feed.entries)


def test_every_title_that_built_is_on_the_site(catalogue) -> None:
    site, build = catalogue
    step = build()
    assert step.ok and step.outcome is not None
    assert sorted(step.outcome.built) == ["night-library", "night-library-two"] and step.left_out == ()
    assert _listed(site) == ["night-library", "night-library-two"]
    # the document is the one the driver's reader gives, after the shared passes
    assert "灯下夜读续篇" in (site / "night-library-two" / "index.html").read_text(encoding="utf-8")


def test_a_failed_title_keeps_its_page_but_leaves_the_catalogue_until_it_builds(catalogue) -> None:
    site, build = catalogue
    build()
    page = site / "night-library-two" / "index.html"
    before = page.read_bytes()
    step = build(failed={"night-library-two"})
    assert step.ok and step.left_out == ("night-library-two",)
    assert step.outcome.kept == ["night-library-two"] and step.outcome.removed == []
    assert page.read_bytes() == before  # the page readers may have linked to is intact
    assert _listed(site) == ["night-library"]
    assert "night-library-two" not in (site / "index.html").read_text(encoding="utf-8")
    assert "night-library-two" not in (site / "opds.xml").read_text(encoding="utf-8")

    again = build(failed={"night-library-two"})  # still broken at the next build: still kept
    assert again.outcome.kept == ["night-library-two"] and page.read_bytes() == before

    back = build()
    assert back.outcome.catalogue_built  # the catalogue without it was not taken for current
    assert _listed(site) == ["night-library", "night-library-two"]
    assert "night-library-two" in (site / "index.html").read_text(encoding="utf-8")


def test_a_failed_title_that_then_leaves_the_catalogue_loses_its_page(catalogue) -> None:
    site, build = catalogue
    build()
    build(failed={"night-library-two"})
    step = build(gone={"night-library-two"})
    assert step.outcome.removed == ["night-library-two"]
    assert not (site / "night-library-two").exists()


def test_a_title_that_never_built_is_simply_not_on_the_site(catalogue) -> None:
    site, build = catalogue
    step = build(failed={"night-library-two"})
    assert step.ok and step.outcome.kept == [] and step.left_out == ("night-library-two",)
    assert not (site / "night-library-two").exists()
    assert _listed(site) == ["night-library"]


def test_no_title_built_leaves_the_site_as_it_was(catalogue) -> None:
    site, build = catalogue
    build()
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    step = build(failed={"night-library", "night-library-two"})
    assert step.ok and step.outcome is None and "no title built" in step.skipped
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_a_failure_of_the_site_itself_is_one_line_and_leaves_the_site(catalogue, tmp_path: Path) -> None:
    site, build = catalogue
    build()
    before = (site / "feed.xml").read_bytes()
    mp3 = tmp_path / "output" / "night-library.mp3"
    mp3.write_bytes(b"not an mp3 at all" * 10)
    step = build()
    assert not step.ok and step.error.startswith("site: ") and "night-library.mp3" in step.error
    assert "\n" not in step.error
    assert (site / "feed.xml").read_bytes() == before


@pytest.mark.parametrize("base_url, out, required, toml, message", [
    (None, "output", True, None, "--base-url"),
    ("ftp://example.org/", "output", False, None, "absolute http"),
    ("https://example.org/", "s3://bucket/editions", False, None, "local folder"),
    (None, "s3://bucket/editions", True, '[site]\nbase_url = "https://example.org/"\n', "local folder"),
    (None, "output", False, '[podcast]\ncategory = "Newz"\n', "not an Apple Podcasts category"),
])
def test_what_makes_the_site_impossible_is_a_usage_error(tmp_path: Path, base_url, out, required, toml,
                                                         message) -> None:
    if toml is not None:
        (tmp_path / "publish.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        plan_site(base_url, out, required=required, project_dir=tmp_path, warn=pytest.fail)


def test_no_base_url_anywhere_means_no_site_step_and_not_a_word(tmp_path: Path) -> None:
    assert plan_site(None, "output", required=False, project_dir=tmp_path, warn=pytest.fail) is None


def test_a_configured_site_with_a_remote_out_is_skipped_with_a_warning(tmp_path: Path) -> None:
    """`publish all --out s3://…` in a project whose publish.toml sets a base URL: the editions
    are built, and one warning says the site was not."""
    (tmp_path / "publish.toml").write_text('[site]\nbase_url = "https://example.org/"\n', encoding="utf-8")
    warnings: list[str] = []
    assert plan_site(None, "s3://bucket/editions", required=False, project_dir=tmp_path, warn=warnings.append) is None
    assert len(warnings) == 1 and "local folder" in warnings[0]
    plan = plan_site(None, f"file://{tmp_path}/out", required=False, project_dir=tmp_path, warn=pytest.fail)
    assert plan is not None and plan.config.site.base_url == "https://example.org/"


@pytest.mark.parametrize("out", ["output", "file://{tmp}/output"])
def test_a_file_where_the_site_folder_goes_is_a_usage_error_before_building(tmp_path: Path, out: str) -> None:
    """The build would run every edition, then fail at the site with 'File exists'."""
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "site").write_text("an editor's file", encoding="utf-8")
    out = out.format(tmp=tmp_path) if out.startswith("file://") else str(tmp_path / out)
    with pytest.raises(UsageError, match=r"output/site is a file.*nothing was built"):
        plan_site("https://example.org/", out, required=True, project_dir=tmp_path, warn=pytest.fail)
    assert (tmp_path / "output" / "site").read_text(encoding="utf-8") == "an editor's file"
