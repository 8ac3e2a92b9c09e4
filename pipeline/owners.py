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
cache (nothing rebuilds them), so `publish clean-cache` and the pruning keep them (`cache.RECORDS`);
only a record removed by hand (`rm -rf .cache`) or unreadable lets the next build take the name.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

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


def conflict(cache: Cache, identity: str, present: Iterable[str], title_id: str, source: str, slug: str,
             where: str, *, usage: bool) -> str | None:
    """The message refusing to build `source` (title `title_id`) when one of its outputs that
    exist (`present`, file names in `where`) was built from another title; None when it may.
    It names every such file, so the editor who retires the other title deletes those alone."""
    theirs: list[str] = []
    other: dict[str, str] | None = None
    for name in present:
        found = recorded(cache, identity, name)
        if found is None or found["id"] == title_id or (other is not None and found["id"] != other["id"]):
            continue
        other = other or found
        theirs.append(f"{where.rstrip('/')}/{name}")
    if other is None:
        return None
    outcome = "nothing was built" if usage else "it was not built, and the outputs there are as they were"
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
