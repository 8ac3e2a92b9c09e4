"""The site step of a build: `publish site`, and `publish all`'s last step when a base URL is
set (on the command line, or as `base_url` in publish.toml).

It is planned before anything is built — the base URL, publish.toml and where the site goes are
checked first, and a mistake there is a usage error with nothing built — and run after the
build, over the titles that built (`pipeline.site.editions`). A title that failed to build is
reported by the build; the site is written over the others, and the failed title's page from
an earlier build is kept (out of the catalogue and the feeds until it builds again).

The site is written to a local folder (`OUT/site/`): with `--out s3://…` the site is refused
(`publish site`, or an explicit `--base-url`) or skipped with a warning (`publish all` in a
project whose publish.toml sets a base URL), and the README says how to upload the folder.

The commands themselves are in `pipeline/cli.py`, beside `publish all`, whose build they share.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.config import ProjectConfig, load_config, normalise_base_url
from pipeline.errors import PublishError
from pipeline.paths import UsageError, is_url

if TYPE_CHECKING:
    from pipeline.api import CatalogueResult, TitleSource
    from pipeline.site.publish import SiteOutcome

NO_BASE_URL = ("the site needs the address it will be served from: pass --base-url https://… or set base_url "
               "under [site] in publish.toml")


@dataclass(frozen=True)
class SitePlan:
    """What the site step will do, checked before the build."""

    config: ProjectConfig
    base_url: str | None  # the command line's, normalised; None: publish.toml's
    project_dir: Path


@dataclass(frozen=True)
class SiteStep:
    """What the site step did: the outcome, or why there is none."""

    site_dir: Path
    seconds: float = 0.0
    outcome: SiteOutcome | None = None
    error: str | None = None  # the site could not be written (exit 1)
    skipped: str | None = None  # nothing to write (no title built)
    left_out: tuple[str, ...] = ()  # titles that failed to build, by slug
    notes: tuple[str, ...] = ()
    # titles (by source name) whose only failed editions are ones they can never have (W409):
    # listed on the site with the rest, as the README promises, so not a failure of the build
    forgiven: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


def is_remote(out: str) -> bool:
    return is_url(out) and not out.startswith("file://")


def local_out(out: str) -> Path:
    """The output folder `--out` names (a folder, or a file:// URL)."""
    return Path(out.removeprefix("file://"))


def plan_site(base_url: str | None, out: str, *, required: bool, project_dir: Path,
              warn: Callable[[str], None], titles: Sequence[TitleSource] = ()) -> SitePlan | None:
    """The site step of this build, or None when there is none (`publish all` without a base
    URL). Raises `UsageError` for what makes the site impossible, before anything is built."""
    try:
        from pipeline.site.show import check_config

        config = load_config(project_dir)
        check_config(config)
    except PublishError as exc:
        raise UsageError(str(exc)) from None
    if base_url is not None:
        try:
            base_url = normalise_base_url(base_url)
        except ValueError as exc:
            raise UsageError(f"--base-url: {exc}") from None
    if not (base_url or config.site.base_url):
        if required:
            raise UsageError(NO_BASE_URL)
        return None
    if is_remote(out):
        where = ("the site is written to a local folder, not to a URL: pass --out a folder (e.g. --out output), "
                 "then upload OUT/site/ to your host (e.g. 'aws s3 sync output/site/ s3://bucket/site/')")
        if required or base_url is not None:
            raise UsageError(where)
        warn(f"site: not written ({where}; publish.toml's base_url asked for it)")
        return None
    site = local_out(out) / "site"
    if site.exists() and not site.is_dir():
        raise UsageError(f"{site} is a file, where the site's folder is written: move it away or pass --out "
                         f"another folder (nothing was built)")
    check_site_places(site, titles)
    check_unique_ids(titles)
    check_slugs(titles)
    return SitePlan(config=config, base_url=base_url, project_dir=project_dir)


def site_places(titles: Sequence[TitleSource]) -> list[tuple[str, bool]]:
    """The names the site writes at its root: (name, is a folder). A file where one of its
    folders goes (`site/<slug>`, `site/assets`) or a folder where one of its files goes
    (`site/feed.xml/`) made `publish site` build every edition first, then fail with 'File exists
    (… free disk space or fix the permissions …)'."""
    from pipeline.site.layout import ASSETS, PAGE, SHOW_COVER
    from pipeline.site.show import FEED, OPDS, OPDS2

    return ([(name, False) for name in (PAGE, FEED, OPDS, OPDS2, SHOW_COVER)] + [(ASSETS, True)]
            + [(title.slug, True) for title in titles])


def check_site_places(site: Path, titles: Sequence[TitleSource]) -> None:
    """A `UsageError` naming what stands where the site writes a file or a folder, before the build."""
    for name, folder in site_places(titles):
        path = site / name
        if path.is_symlink() or not path.exists() or path.is_dir() == folder:
            continue
        stands, goes = ("a file", "folder") if folder else ("a folder", "file")
        raise UsageError(f"{path} is {stands}, where the site writes its {goes} {name}: move it away or pass "
                         f"--out another folder (nothing was built)")


def check_slugs(titles: Sequence[TitleSource]) -> None:
    """A `UsageError` for a title whose slug names one of the site's own folders (`assets/`)."""
    from pipeline.driver.sources import peek_scalar
    from pipeline.site.layout import RESERVED_SLUGS

    for title in titles:
        if title.slug in RESERVED_SLUGS:
            found = peek_scalar(title.data, "slug")
            where = f"{title.name}:{found[1]}" if found else f"{title.name} (its slug comes from the file name)"
            raise UsageError(f"{where}: the slug '{title.slug}' is the name of the site's own folder "
                             f"(OUT/site/{title.slug}/: styles, script, fonts); give the title another 'slug:' "
                             f"in its front matter (nothing was built)")


def check_unique_ids(titles: Sequence[TitleSource]) -> None:
    """A `UsageError` if two titles share one `id:` (a source copied to start another): the
    feed's guid and the OPDS entry's id are that id, and apps would take the two for one."""
    from pipeline.driver.sources import peek_scalar

    seen: dict[str, str] = {}
    for title in titles:
        found = peek_scalar(title.data, "id")
        if found is None:  # no id, or a front matter the build will report
            continue
        value, line = found[0].strip(), found[1]
        where = f"{title.name}:{line}"
        if value in seen:
            raise UsageError(f"{seen[value]} and {where} have the same id '{value}': the podcast feed and the OPDS "
                             f"catalogue tell titles apart by it, so apps would take them for one; give one of them "
                             f"a new id (e.g. 'id: urn:uuid:{uuid.uuid4()}') (nothing was built)")
        seen[value] = where


def run_site(plan: SitePlan, titles: Sequence[TitleSource], report: CatalogueResult, out: str, *,
             force: bool) -> SiteStep:
    """Write the site over the titles that built. Never raises for a failure of the site: the
    step's `error` says what went wrong (the previous site is intact)."""
    from pipeline.build import STYLES_DIR, default_cache, describe_failure
    from pipeline.site.editions import built_titles
    from pipeline.site.publish import publish_site, site_dir_of

    started = time.perf_counter()
    out_dir = local_out(out)
    site_dir = site_dir_of(out_dir)
    built = built_titles(titles, report.results)
    listed = {title.doc.meta.slug for title in built}
    left_out = tuple(result.slug for result in report.failed if result.slug not in listed)
    if not built:
        return SiteStep(site_dir, skipped="no title built, so the site is left as it was", left_out=left_out)
    notes = [f"site: {title.doc.meta.slug} is on the site without its {' and '.join(editions)} edition(s): {why}"
             for title in built for why, editions in _by_reason(title.missing).items()]
    partial = {title.doc.meta.slug for title in built if title.missing}
    forgiven = tuple(result.name for result in report.failed if result.slug in partial)
    try:
        outcome = publish_site(built, out_dir, plan.config, plan.base_url, default_cache(plan.project_dir),
                               STYLES_DIR, force=force, keep=left_out, log=notes.append)
    except Exception as exc:  # noqa: BLE001 - one line at the CLI, like a title's failure
        said = describe_failure(exc, f"into {site_dir}")  # (a full disk's error names no file)
        return SiteStep(site_dir, time.perf_counter() - started, error=f"site: {said}", left_out=left_out,
                        notes=tuple(notes))
    return SiteStep(site_dir, time.perf_counter() - started, outcome=outcome, left_out=left_out, notes=tuple(notes),
                    forgiven=forgiven)


def _by_reason(missing: Mapping[str, str]) -> dict[str, list[str]]:
    """The editions a title can never have, grouped by why not (one note per reason)."""
    grouped: dict[str, list[str]] = {}
    for edition, why in missing.items():
        grouped.setdefault(why, []).append(edition)
    return grouped
