"""Writing `output/site/`: the title folders, the catalogue page and the two feeds — each part
only when what it is made from has changed.

A title's folder depends on its document, its built files, the catalogue's identity (`Show`:
names, base URL) and the pipeline's code and templates; the catalogue page and the feeds on
all of those for every title. Keys over exactly that are kept in a manifest beside the site,
with what each part wrote, so an unchanged title is skipped (and an edited file in the site
is noticed and rewritten). Titles that left the catalogue lose their folder. Every file is
written to a temporary name and renamed; the editions' files are hard links where the file
system allows, so the site costs no second copy of the audio.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from filelock import FileLock, Timeout

from pipeline import fonts, renderers
from pipeline.build import PACKAGE_DIR, lock_path, tree_digest
from pipeline.cache import Cache, key
from pipeline.config import ProjectConfig
from pipeline.cover import COVER_VERSION, cover_png
from pipeline.errors import PublishError
from pipeline.fsutil import atomic_path, atomic_write
from pipeline.model import Document, Metadata
from pipeline.site import layout, staging
from pipeline.site.catalogue import Title, catalogue_order, title_of
from pipeline.site.chapters import chapters_json
from pipeline.site.editions import BuiltTitle
from pipeline.site.feed import podcast_feed
from pipeline.site.feedext import podcast_guid
from pipeline.site.notes import catalogue_notes
from pipeline.site.opds import opds2_feed, opds_feed
from pipeline.site.pages import TEMPLATES, catalogue_page, environment, page_text, title_page
from pipeline.site.sitemap import SITEMAP, sitemap
from pipeline.site.show import FEED, OPDS, OPDS2, Masthead, Show, resolve_show

MANIFEST_VERSION = 1


@dataclass
class SiteOutcome:
    site_dir: Path
    built: list[str] = field(default_factory=list)  # slugs whose folder was written
    up_to_date: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # slugs left as they were (`keep`), not in the catalogue
    # (slug, source) of titles removed though their source is still there: not named this time
    # (`publish site one.md` is a catalogue of that one title), which the editor is warned about
    unnamed: list[tuple[str, str]] = field(default_factory=list)
    # what the editor must act on, or lose something (a moved feed's subscribers): warnings
    warnings: list[str] = field(default_factory=list)
    catalogue_built: bool = False
    show: Show | None = None


# Dates the feeds carry as written but apps read otherwise: (applies(date, today), what happens).
DATE_NOTES = (
    (lambda date, today: date > today, "after today: podcast apps show its episode only from that day"),
    (lambda date, today: date.year < 1900, "before 1900: the feed's RFC 822 dates have four-digit years from 1900 "
                                           "on, and apps read an earlier one as another year (0025 as 2025)"),
)


# Hosts a base URL may name over plain http: this machine, for a preview of the site.
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


def _plain_http(base_url: str) -> bool:
    """Whether the site is to be served over plain http from another machine (a warning, not a
    refusal: an intranet host or a staging server may be meant, and the files are the same)."""
    from urllib.parse import urlsplit

    parts = urlsplit(base_url)
    return parts.scheme == "http" and (parts.hostname or "") not in LOCAL_HOSTS and \
        not (parts.hostname or "").endswith(".localhost")


def site_dir_of(out_dir: Path) -> Path:
    return out_dir / "site"


def _site_lock(site_dir: Path) -> Path:
    """The lock of one site folder, beside the titles' build locks (never in the output: what is
    uploaded is only what the build wrote)."""
    return lock_path(str(site_dir.resolve()), kind="site-")


def publish_site(built: list[BuiltTitle], out_dir: Path, config: ProjectConfig, base_url: str | None,
                 cache: Cache, styles_dir: Path, *, force: bool = False, keep: Collection[str] = (),
                 log: Callable[[str], None] = print, today: dt.date | None = None) -> SiteOutcome:
    """Write (or find up to date) the site for `built`, the whole catalogue.

    A slug in `keep` (a title that failed to build this time) keeps the folder an earlier run
    wrote for it, untouched, but is not listed in the catalogue or the feeds until it builds
    again; any other title the site had before and `built` lacks loses its folder."""
    site_dir = site_dir_of(out_dir)
    _check_titles(built)
    titles = catalogue_order([title_of(b) for b in built])
    show = resolve_show(config, base_url, titles)
    today = today or dt.datetime.now(dt.timezone.utc).date()
    for title in titles:
        for applies, what in DATE_NOTES:
            if applies(title.doc.meta.date, today):
                log(f"site: {title.source} is dated {title.doc.meta.date.isoformat()}, {what} (correct its 'date:' if "
                    f"that is a mistake)")
    for note in catalogue_notes(show, titles):
        log(note)
    if not any(title.file("mp3") and title.audio for title in titles):
        log("site: no title has an audio edition, so feed.xml lists no episode: podcast directories refuse a feed "
            "without one (the pages and the OPDS catalogue list every title)")
    if _plain_http(show.base_url):
        log(f"site: the base URL {show.base_url} is http://, not https://: Apple Podcasts and Spotify refuse a feed "
            f"whose address or audio is not served over HTTPS, and browsers warn on the pages; serve the site over "
            f"HTTPS and pass --base-url https://… (the site is written as asked)")
    if not show.owner_email:
        log("site: no owner e-mail: set owner_email under [podcast] in publish.toml; Apple Podcasts and Spotify "
            "send the ownership check there (the feed is written without itunes:owner)")
    site_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(_site_lock(site_dir)))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise PublishError(f"another 'publish site' is writing {site_dir}/ right now; wait for it to finish") from None
    try:
        staging.recover(site_dir)
        with staging.staged(site_dir) as (folder, changed):
            outcome, manifest = _publish(titles, folder, show, cache, styles_dir, force,
                                         out_dir / ".site-manifest.json", set(keep), log)
            changed.append(bool(outcome.built or outcome.removed or outcome.catalogue_built))
        # after the swap: a manifest that runs ahead of the site would call its old files current
        atomic_write(out_dir / ".site-manifest.json", manifest)
        outcome.site_dir = site_dir
        return outcome
    finally:
        lock.release()


def _check_titles(built: list[BuiltTitle]) -> None:
    """No slug may name the site's own folder, and no two titles may share an id (the feed's guids
    and the OPDS ids: two titles with one id would be one episode to every app). The command line
    refuses both before building; this guards the API."""
    seen: dict[str, Path] = {}
    for title in built:
        if title.doc.meta.slug in layout.RESERVED_SLUGS:
            raise PublishError(f"{title.source}: the slug '{title.doc.meta.slug}' is the name of the site's own "
                               f"folder; give the title another 'slug:' in its front matter")
        other = seen.setdefault(title.doc.meta.id, title.source)
        if other is not title.source:
            raise PublishError(f"{other} and {title.source} have the same id '{title.doc.meta.id}': give one of them "
                               f"a new 'id:' in its front matter")


def _publish(titles: list[Title], site_dir: Path, show: Show, cache: Cache, styles_dir: Path, force: bool,
             manifest_path: Path, keep: set[str], log: Callable[[str], None]) -> tuple[SiteOutcome, str]:
    """The site written into `site_dir`; the outcome and the manifest's new text, which the
    caller writes once the site is in place."""
    outcome = SiteOutcome(site_dir=site_dir, show=show)
    manifest = _read_manifest(manifest_path)
    _moved(manifest, show, outcome.warnings.append)
    recorded: dict = manifest.get("titles", {})
    env = environment(styles_dir)
    code = key(tree_digest(PACKAGE_DIR, suffixes=(".py", ".txt", ".json", ".toml", ".tsv")),
               tree_digest(styles_dir / TEMPLATES), COVER_VERSION, fonts.digest("serif"), fonts.digest("sans"))
    show_data, masthead = asdict(show), show.masthead
    new_titles: dict = {}
    dated: list[Title] = []
    # one time for the whole build: entries it changed said times a second apart (a slow title's
    # page written in between), and the catalogue's time was none of theirs
    now = _now().isoformat()
    for title in titles:
        # over the masthead only, not the whole show: another title coming or going changes the
        # catalogue's description, not this title's folder
        title_key = key("site-title", MANIFEST_VERSION, code, asdict(masthead), title.doc.model_dump_json(),
                        [[f.kind.key, f.name, *_stamp(f.path)] for f in title.files])
        previous = recorded.get(title.slug)
        if not force and _current(site_dir, previous, title_key):
            new_titles[title.slug] = previous
            dated.append(_dated(title, previous))
            outcome.up_to_date.append(title.slug)
            continue
        # remembered by its slug, or by its id when the slug changed (the same entry to every app)
        remembered = previous or next((e for e in recorded.values() if e.get("id") == title.doc.meta.id), None)
        content = _content(title)
        updated = _changed_at(remembered, content, fresh=not recorded, base_url=show.base_url, now=now)
        written = _write_title(site_dir, title, masthead, env, cache)
        if previous:
            _remove(site_dir, [entry[0] for entry in previous["files"]], keep=set(written))
        new_titles[title.slug] = {"key": title_key, "files": _fingerprints(site_dir, written), "content": content,
                                  "updated": updated, "source": str(title.source), "id": title.doc.meta.id,
                                  "base_url": show.base_url}
        dated.append(_dated(title, new_titles[title.slug]))
        outcome.built.append(title.slug)
    titles = dated
    kept: dict = {}
    sources = {str(title.source) for title in titles}
    for slug, previous in recorded.items():
        if slug in new_titles:
            continue
        if slug in keep:
            kept[slug] = previous
            outcome.kept.append(slug)
            continue
        _remove(site_dir, [entry[0] for entry in previous["files"]])
        outcome.removed.append(slug)
        source = previous.get("source")
        if source and source not in sources and Path(source).is_file():
            outcome.unnamed.append((slug, source))
    orphans = _orphans(site_dir, set(new_titles) | set(kept) | set(recorded))
    for slug, names in orphans.items():
        _remove(site_dir, names)
        outcome.removed.append(slug)
    # over the listed titles only: a kept title coming back changes the catalogue
    catalogue_key = key("site-catalogue", MANIFEST_VERSION, code, show_data,
                        [[slug, entry["key"], entry.get("updated")] for slug, entry in new_titles.items()])
    catalogue = manifest.get("catalogue")
    if force or not _current(site_dir, catalogue, catalogue_key):
        # which titles are listed, as they are: a title leaving the catalogue changes it too
        listing = key("site-listing", sorted(entry.get("content") or slug for slug, entry in new_titles.items()))
        updated = _changed_at(catalogue, listing, fresh=catalogue is None, base_url=show.base_url, now=now)
        written = _write_catalogue(site_dir, titles, show, env, cache, styles_dir, _moment(updated))
        if catalogue:
            _remove(site_dir, [entry[0] for entry in catalogue["files"]], keep=set(written))
        catalogue = {"key": catalogue_key, "files": _fingerprints(site_dir, written), "content": listing,
                     "updated": updated, "base_url": show.base_url}
        outcome.catalogue_built = True
    return outcome, json.dumps({"version": MANIFEST_VERSION, "titles": {**new_titles, **kept}, "catalogue": catalogue},
                               ensure_ascii=False, indent=1)


def _moved(manifest: dict, show: Show, log: Callable[[str], None]) -> None:
    """Tell the editor when a new base URL gives the podcast a new GUID (it is made from the feed's
    address unless publish.toml pins one): apps take it for another podcast, and its subscribers
    stay on the old feed until it dies, with nothing said."""
    before = (manifest.get("catalogue") or {}).get("base_url")
    if not before or before == show.base_url:
        return
    old = podcast_guid(before + FEED)
    if old != show.guid:
        log(f"site: the site moved from {before} to {show.base_url}, and the podcast's GUID with it ({old} → "
            f"{show.guid}): podcast apps take a new GUID for a new podcast, so its subscribers are lost; to keep "
            f"them, set guid = \"{old}\" under [podcast] in publish.toml and redirect {before}{FEED} to "
            f"{show.feed_url} (HTTP 301)")


def _content(title: Title) -> str:
    """What a reader of the feeds gets of a title: its text and its files' bytes (not their
    times: a forced rebuild that writes the same bytes changes nothing)."""
    return key("site-content", title.doc.model_dump_json(),
               [[f.kind.key, f.name, f.size, _file_digest(f.path)] for f in title.files])


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _now() -> dt.datetime:
    """This build's time (SOURCE_DATE_EPOCH's when set, for reproducible builds), to the second."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _changed_at(remembered: dict | None, content: str, *, fresh: bool, base_url: str, now: str) -> str | None:
    """When an entry (a title, or the catalogue's listing) last changed, as the manifest keeps
    it: None while it is as the site first listed it (the feeds then say the title's date, so a
    first build is the same whenever it runs); the build's time once it changes, or when a title
    joins a site that lists others; kept as it was while nothing changes.

    A new base URL is a change: every link of the entry (its acquisition links, its enclosure)
    moved, and a reading app that fetches an entry again only when its `updated` moves would keep
    the old, dead ones."""
    if remembered is None:
        return None if fresh else now
    if remembered.get("base_url", base_url) != base_url:  # (a manifest of an earlier version has none)
        return now
    if "content" not in remembered:  # kept by an earlier version: nothing to compare with
        return remembered.get("updated")
    return remembered.get("updated") if remembered["content"] == content else now


def _moment(value: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _dated(title: Title, entry: dict) -> Title:
    """`title` with the time its entry last changed, as the manifest remembers it."""
    return replace(title, updated=_moment(entry.get("updated")))


def _write_title(site_dir: Path, title: Title, show: Masthead, env, cache: Cache) -> list[str]:
    """Everything in the title's folder; returns the paths written, relative to the site."""
    folder = site_dir / title.slug
    written: list[str] = []

    def put(name: str, data: bytes | str) -> None:
        atomic_write(folder / name, data)
        written.append(f"{title.slug}/{name}")

    for file in title.files:
        _link_or_copy(file.path, folder / file.name)
        written.append(f"{title.slug}/{file.name}")
    for image in (layout.COVER, layout.THUMBNAIL, layout.SQUARE):
        put(image.name, cover_png(title.doc.meta, cache, (image.width, image.height)))
    if title.audio and title.audio.chapters:
        put(layout.CHAPTERS, chapters_json(show, title))
    html = title_page(env, show, title)
    for face, data in fonts.subsets(("serif", "sans"), page_text(html), cache, flavor="woff2").items():
        put(f"{layout.FONTS}/{face}.woff2", data)
    put(layout.PAGE, html)
    return written


def _write_catalogue(site_dir: Path, titles: list[Title], show: Show, env, cache: Cache,
                     styles_dir: Path, changed: dt.datetime | None) -> list[str]:
    written: list[str] = []

    def put(name: str, data: bytes | str) -> None:
        atomic_write(site_dir / name, data)
        written.append(name)

    for asset in (layout.STYLESHEET, layout.SCRIPT):
        put(f"{layout.ASSETS}/{asset}", (styles_dir / TEMPLATES / asset).read_bytes())
    put(layout.SHOW.name, cover_png(_show_metadata(show, titles), cache, (layout.SHOW.width, layout.SHOW.height)))
    put(FEED, podcast_feed(show, titles, changed))
    put(OPDS, opds_feed(show, titles, changed))
    put(OPDS2, opds2_feed(show, titles, changed))
    put(SITEMAP, sitemap(show, titles))
    html = catalogue_page(env, show, titles)
    for face, data in fonts.subsets(("serif", "sans"), page_text(html), cache, flavor="woff2").items():
        put(f"{layout.ASSETS}/{layout.FONTS}/{face}.woff2", data)
    put(layout.PAGE, html)
    return written


def _show_metadata(show: Show, titles: list[Title]) -> Metadata:
    """The podcast's artwork is drawn like a title's cover: its name, what it is, who writes."""
    authors = tuple(dict.fromkeys(author for t in titles for author in t.doc.meta.authors))[:4]
    first: Document = titles[0].doc
    return first.meta.model_copy(update={"title": show.title, "subtitle": show.description, "outlet": show.author,
                                         "authors": authors or (show.author,), "language": show.language})


GENERATOR_MARK = b'<meta name="generator" content="publish">'  # in every page the site writes (base.html)


def _orphans(site_dir: Path, known: set[str]) -> dict[str, list[str]]:
    """Title folders an earlier site wrote that no manifest remembers (it was deleted, or is from
    another version), by slug: recognised by the page the site writes in each, and listed with
    only the files a title's folder holds, so an editor's own file there stays."""
    found: dict[str, list[str]] = {}
    for folder in sorted(p for p in site_dir.iterdir() if p.is_dir() and not p.is_symlink()):
        slug = folder.name
        if slug in known or slug in layout.RESERVED_SLUGS or not _written_by_site(folder / layout.PAGE):
            continue
        names = [layout.PAGE, layout.CHAPTERS, layout.COVER.name, layout.THUMBNAIL.name, layout.SQUARE.name,
                 *(f"{layout.FONTS}/{face}.woff2" for face in ("serif", "sans")), *renderers.output_names(slug)]
        found[slug] = [f"{slug}/{name}" for name in names if (folder / name).is_file()]
    return found


def _written_by_site(page: Path) -> bool:
    try:
        with page.open("rb") as file:
            return GENERATOR_MARK in file.read(4096)
    except OSError:
        return False


def _link_or_copy(source: Path, target: Path) -> None:
    with atomic_path(target) as tmp:
        tmp.unlink()
        try:
            os.link(source, tmp)
        except OSError:  # another file system, or links not allowed: a copy instead
            shutil.copyfile(source, tmp)


def _stamp(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns]


def _fingerprints(site_dir: Path, names: list[str]) -> list[list]:
    return [[name, *_stamp(site_dir / name)] for name in names]


def _current(site_dir: Path, entry: dict | None, wanted: str) -> bool:
    if not entry or entry.get("key") != wanted:
        return False
    for name, *stamp in entry["files"]:
        path = site_dir / name
        if not path.exists() or _stamp(path) != stamp:
            return False
    return True


def _remove(site_dir: Path, names: list[str], keep: set[str] = frozenset()) -> None:
    """Delete files this site wrote before and no longer writes, then their empty folders."""
    folders = set()
    root = site_dir.resolve()
    for name in names:
        path = site_dir / name
        if name in keep or root not in path.resolve().parents:  # never outside the site
            continue
        path.unlink(missing_ok=True)
        folders.update(p for p in path.parents if site_dir in p.parents)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        try:
            folder.rmdir()
        except OSError:
            pass  # not empty: something else lives there


def _read_manifest(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == MANIFEST_VERSION else {}
