"""Which title each output file in an output location was built from, across runs.

Within one command, two titles with one slug are refused before anything is built
(`driver.sources.check_collisions`). Across commands they were not: `publish epub a.md` and then
`publish epub drafts/b.md`, both `slug: x`, each wrote `output/x.epub` over the other's and said
'built', and the site then listed whichever was built last. So every build records, per output
file it writes, the title it belongs to, and a build of another title refuses to replace it.

A title is known by its front matter's `id` (required, and unique per title: the site refuses
two titles with one), never by its file's path, so a source that was moved or renamed still owns
its editions. The record lives in the build cache (`owners/`, keyed by the output location and
the file's name): `output/` holds only readers' files. An output that is gone (deleted, or never
built) belongs to nobody, so deleting a title's editions frees its slug. The records are not a
cache (nothing rebuilds them), so `publish clean-cache` and the pruning keep them (`cache.RECORDS`).
A record removed by hand (`rm -rf .cache`, a fresh checkout or CI runner) or unreadable let the
next build take the name; where the output itself names its title, that is read instead
(`EMBEDDED_IDS`): the EPUBs' `dc:identifier` is the title's id. The other editions carry none a
build can read back (the PDF's file identifier is a hash of its content, the audio, captions and
script hold no id), so beside such an EPUB they are judged by it, and without one they are free.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from pipeline.cache import Cache, key

NAMESPACE = "owners"


def _key(identity: str, name: str) -> str:
    return key("owner", identity, name)


def recorded(cache: Cache, identity: str, name: str) -> dict[str, str] | None:
    """The title recorded for output `name` in the location `identity`, or None (no record, a
    record the cache cannot read, or one that is not ours: nothing to refuse on)."""
    try:
        data = cache.get(NAMESPACE, _key(identity, name))
        record = json.loads(data) if data is not None else None
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or not all(isinstance(record.get(f), str) for f in ("id", "source")):
        return None
    return record


_OPF_PATH = re.compile(rb'full-path="([^"]+)"')
_UNIQUE_ID = re.compile(rb'unique-identifier="([^"]+)"')
EPUB_READ_LIMIT = 1 << 20  # an OPF is a few KB; a bigger one is not ours


def _epub_id(path: Path) -> tuple[str, str] | None:
    """The EPUB's own identifier (`dc:identifier` named by the package's `unique-identifier`) and
    the edition's suffix its package shows (`EDITION_MARKS`: '-learner' for the learner EPUB, ''
    for the plain one), or None when it is not an EPUB publish wrote or cannot be read."""
    try:
        with zipfile.ZipFile(path) as book:
            container = book.read("META-INF/container.xml")[:EPUB_READ_LIMIT]
            opf_path = _OPF_PATH.search(container)
            if opf_path is None:
                return None
            with book.open(opf_path[1].decode()) as handle:
                opf = handle.read(EPUB_READ_LIMIT)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, UnicodeDecodeError):
        return None
    unique = _UNIQUE_ID.search(opf)
    if unique is None:
        return None
    found = re.search(rb'<dc:identifier[^>]*\bid="' + re.escape(unique[1]) + rb'"[^>]*>([^<]+)</dc:identifier>', opf)
    if found is None:
        return None
    import html

    identifier = html.unescape(found[1].decode("utf-8", "replace")).strip()
    suffix = next((suffix for mark, suffix in EDITION_MARKS.items() if mark in opf), "")
    return (identifier, suffix) if identifier else None


# What in an EPUB's package says which edition it is, so which slug it was built under: the
# learner EPUB's stylesheet (`renderers.epub.LearnerEpub`). `x-learner.epub` is `x`'s learner EPUB
# or `x-learner`'s plain one, and only the book itself can tell (with the cache's records gone,
# `x-learner`'s EPUB decided the owner of `x`'s PDF).
EDITION_MARKS: dict[bytes, str] = {b'href="css/learner.css"': "-learner"}


# The outputs that name the title they were built from, by suffix: how to read that id back.
EMBEDDED_IDS: dict[str, Callable[[Path], tuple[str, str] | None]] = {".epub": _epub_id}
UNKNOWN_SOURCE = "another title"


def embedded(folder: Path, name: str, slug: str) -> dict[str, str] | None:
    """A record for output `name` in `folder` read from the outputs themselves, when the build
    cache has none: the id the file names, or else the id the slug's EPUB beside it names. An
    EPUB beside it stands in only when it is this slug's (its name less its edition's suffix)."""
    candidates = [name, f"{slug}.epub", f"{slug}-learner.epub"]
    for candidate in dict.fromkeys(candidates):
        reader = EMBEDDED_IDS.get(Path(candidate).suffix)
        found = reader(folder / candidate) if reader is not None and (folder / candidate).is_file() else None
        if not found:
            continue
        identifier, suffix = found
        stem = Path(candidate).stem
        own = stem.removesuffix(suffix) if stem.endswith(suffix) else ""  # the slug it was built under
        if candidate != name and own != slug:
            continue  # another slug's book of that name (`x-learner`'s EPUB is no witness for `x`)
        return {"id": identifier, "source": UNKNOWN_SOURCE, "slug": own, "read": candidate}
    return None


def conflict(cache: Cache, identity: str, present: Iterable[str], title_id: str, source: str, slug: str,
             where: str, *, usage: bool, folder: Path | None = None, beside: Iterable[str] = ()) -> str | None:
    """The message refusing to build `source` (title `title_id`) when one of its outputs that
    exist (`present`, file names in `where`) was built from another title; None when it may.
    It names every such file, so the editor who retires the other title deletes those alone.
    With the local `folder` of the outputs, an output the cache has no record of is judged by
    the id it names itself (`embedded`). `beside`: the slug's other outputs there, which this
    build does not write: another title's under the same slug (`publish epub a.md`, then
    `publish pdf b.md`) refuse it too, or the folder holds one title's EPUB beside another's
    PDF under one name, and the site lists them as one title."""
    theirs: list[str] = []
    other: dict[str, str] | None = None
    for name, writes in [*((n, True) for n in present), *((n, False) for n in beside)]:
        found = recorded(cache, identity, name)
        if found is None and folder is not None:
            found = embedded(folder, name, slug)
        if found is None or found["id"] == title_id or (other is not None and found["id"] != other["id"]):
            continue
        if not writes and found.get("slug", slug) != slug:
            continue  # `x-learner`'s EPUB beside `x`'s PDF is no rival (the book itself says whose it is)
        other = other or found
        theirs.append(f"{where.rstrip('/')}/{name}")
    if other is None:
        return None
    outcome = "nothing was built" if usage else "it was not built, and the outputs there are as they were"
    if other["source"] == UNKNOWN_SOURCE:  # the cache's record is gone: the output named its title
        clash = (f"{source} has the same slug '{slug}' but the id {title_id}" if other["slug"] == slug else
                 f"{source} (slug '{slug}', id {title_id}) would write it too")
        return (f"{theirs[0]} was built from another title (id {other['id']}, as {other['read']} names it), and "
                f"{clash}: give one of them another 'slug:' in its "
                f"front matter, or build it with --out another folder ({outcome}; if that title is gone for good, "
                f"delete {', '.join(theirs)} and build again)")
    if os.path.normpath(other["source"]) == os.path.normpath(source):  # one file, its id edited
        return (f"{source} has another id than when it built {theirs[0]} ({other['id']}): put that id back "
                f"(readers and podcast apps know the title by it), or, if it is another title now, give it another "
                f"'slug:' or delete {', '.join(theirs)} ({outcome})")
    if other.get("slug", slug) == slug:
        clash = f"{source} has the same slug '{slug}' but another id"
    else:  # `x`'s learner EPUB is `x-learner`'s EPUB
        clash = f"{source} (slug '{slug}') would write it too"
    return (f"{theirs[0]} was built from {other['source']} (slug '{other.get('slug', slug)}', id {other['id']}), "
            f"and {clash}: give one of them another 'slug:' in its front matter, or build it with --out another "
            f"folder ({outcome}; if {other['source']} is gone for good, delete {', '.join(theirs)} and build again)")


def record(cache: Cache, identity: str, names: Iterable[str], title_id: str, source: str, slug: str) -> None:
    """Record `names` (just written or found up to date) as the editions of this title. A
    record that cannot be written costs the next build this check, never this build."""
    entry = {"id": title_id, "source": source, "slug": slug}
    for name in names:
        if recorded(cache, identity, name) == entry:
            continue
        try:
            cache.put(NAMESPACE, _key(identity, name), json.dumps(entry, ensure_ascii=False).encode())
        except OSError:
            return
