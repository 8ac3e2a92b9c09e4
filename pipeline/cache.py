"""A content-addressed cache: a value is stored under the hash of everything that made it.

Keys are built from the inputs (text, settings, code version), never from paths or times,
so an edit invalidates exactly the entries whose inputs changed. Nothing invalidates an entry
by itself, so a newsroom's cache only grows: `prune_if_due` keeps it under a size, dropping the
entries used longest ago (a hit refreshes an entry's time), at most once an hour.

Each entry has a checksum beside it (`<key>.sum`, the SHA-256 of its bytes), and an entry whose
bytes do not match it (or that has none) is a miss, rebuilt and stored again: a key names the
inputs, not the content, so nothing else could tell a cut entry (a cache copied by a tool that
was stopped, a disk that failed) from a whole one, and before, a font subset or a cover cut to
three bytes went into the EPUB, which the build called 'built'.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; clean-cache does not wait for builds there
    fcntl = None  # type: ignore[assignment]

from pipeline.errors import PublishError
from pipeline.fsutil import atomic_write_small

CACHE_VERSION = "1"
SUM_SUFFIX = ".sum"  # beside each entry: its checksum (an entry's size counts without it)
PRUNE_STAMP = ".pruned"  # in the root: when the cache was last pruned (its modification time)
IN_USE = ".in-use"  # in the root: builds hold a shared lock on it, `clear` an exclusive one
PRUNE_EVERY = 3600.0  # seconds between two prunings of one cache
# Namespaces that hold records, not results: nothing rebuilds them, so `clear` and `prune` keep
# them. `owners` says which title built each output (`pipeline.owners`); before, `publish
# clean-cache` (or a pruning) forgot it, and another title with the same slug then silently
# took those editions.
RECORDS = frozenset({"owners"})
RECENT = 3600.0  # an entry used this recently is never removed: a build (here or in another
# process sharing the cache) may still be reading it, or about to hand its path to a tool


class CacheInUse(PublishError):
    """`publish clean-cache` while a build (or `publish watch`) uses the cache: before, it removed
    the folder of the project's styles and the font subsets under the build, which then failed
    on a missing file, or embedded no font."""


@dataclass(frozen=True)
class Cleared:
    removed: int = 0  # entries
    kept: int = 0  # files (and links) in the folder that the cache did not write
    example: str = ""  # the first of them
    records: int = 0  # entries kept as records (`RECORDS`)


@dataclass(frozen=True)
class Pruned:
    removed: int = 0  # entries
    freed: int = 0  # bytes
    kept: int = 0  # bytes left


def key(*parts: Any) -> str:
    """A stable hex digest of JSON-able parts (str, bytes, numbers, lists, dicts)."""
    digest = hashlib.sha256(CACHE_VERSION.encode())
    for part in parts:
        if isinstance(part, bytes):
            digest.update(b"b")
            digest.update(hashlib.sha256(part).digest())
        else:
            digest.update(b"j")
            digest.update(json.dumps(part, sort_keys=True, ensure_ascii=False, default=str).encode())
    return digest.hexdigest()


class Cache:
    """Bytes stored under `root/<namespace>/<key[:2]>/<key>`; `None` root disables caching."""

    def __init__(self, root: Path | None) -> None:
        self.root = root

    def _path(self, namespace: str, digest: str) -> Path:
        assert self.root is not None
        return self.root / namespace / digest[:2] / digest

    def get(self, namespace: str, digest: str) -> bytes | None:
        if self.root is None:
            return None
        path = self._path(namespace, digest)
        data = _intact(path)
        if data is not None:
            _used(path)
        return data

    def put(self, namespace: str, digest: str, data: bytes) -> None:
        if self.root is not None:
            path = self._path(namespace, digest)
            atomic_write_small(path, data)
            atomic_write_small(_sum_path(path), hashlib.sha256(data).hexdigest().encode("ascii"))

    def path_for(self, namespace: str, digest: str) -> Path | None:
        """The stored file's path, if present and whole (for tools that want a file, not bytes)."""
        if self.root is None:
            return None
        path = self._path(namespace, digest)
        return path if _intact(path) is not None and _used(path) else None

    @contextlib.contextmanager
    def in_use(self) -> Iterator[None]:
        """Held by a build for as long as it reads the cache (shared: builds run side by side),
        so `clear` cannot empty it under them. A cache that cannot hold the lock file (read-only,
        no `fcntl`) is used without it."""
        handle = None
        if self.root is not None and fcntl is not None:
            try:
                self.root.mkdir(parents=True, exist_ok=True)
                handle = open(self.root / IN_USE, "a+b")  # noqa: SIM115 - closed below
                fcntl.flock(handle, fcntl.LOCK_SH)
            except OSError:
                if handle is not None:
                    handle.close()
                handle = None
        try:
            yield
        finally:
            if handle is not None:
                handle.close()

    def clear(self) -> Cleared:
        """`_clear` under the exclusive lock (`in_use`): `CacheInUse` while a build holds it."""
        if self.root is None or not self.root.is_dir() or fcntl is None:
            return self._clear()
        try:
            handle = open(self.root / IN_USE, "a+b")  # noqa: SIM115 - closed below
        except OSError:
            return self._clear()
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise CacheInUse(f"a build (or 'publish watch') is using the build cache {self.root}: run "
                                 f"'publish clean-cache' again when it has finished (nothing was removed)") from None
            except OSError:
                pass
            return self._clear()

    def _clear(self) -> Cleared:
        """Remove every entry (and the folders left empty) but the records (`RECORDS`); anything
        else in the folder (files the cache did not write, symbolic links) stays, and is counted.
        Why: `PUBLISH_CACHE_DIR` is any folder the user names, and `publish clean-cache` with it set
        to a project or the home folder by mistake deleted every file below it."""
        if self.root is None or not self.root.is_dir():
            return Cleared()
        removed = kept = records = 0
        example = ""
        for dirpath, dirs, files in os.walk(self.root, topdown=False):
            relative = Path(dirpath).relative_to(self.root).parts
            if relative[:1] and relative[0] in RECORDS:
                records += sum(1 for name in files if not name.endswith(SUM_SUFFIX) and not name.startswith("."))
                continue
            for name in files:
                path = Path(dirpath, name)
                if _written_here((*relative, name)) and not path.is_symlink():
                    path.unlink(missing_ok=True)
                    removed += not name.endswith(SUM_SUFFIX) and bool(relative)  # not the stamp, the lock
                else:
                    kept += 1
                    example = example or str(path)
            for name in dirs:
                path = Path(dirpath, name)
                if path.is_symlink():
                    kept += 1
                    example = example or str(path)
                    continue
                with contextlib.suppress(OSError):  # not empty: something the cache did not write
                    path.rmdir()
        with contextlib.suppress(OSError):
            self.root.rmdir()
        return Cleared(removed, kept, example, records)

    def prune(self, limit: int, now: float | None = None) -> Pruned:
        """Remove the entries used longest ago until the cache holds at most `limit` bytes,
        never one used within the last hour (so the cache may stay above `limit` while it is)."""
        if self.root is None or not self.root.is_dir():
            return Pruned()
        now = time.time() if now is None else now
        entries = sorted(_entries(self.root))  # oldest use first
        total = sum(size for _, size, _ in entries)
        removed = freed = 0
        for used, size, path in entries:
            if total - freed <= limit or used > now - RECENT:
                break
            try:
                path.unlink()
            except FileNotFoundError:  # another process pruned it first
                pass
            _sum_path(path).unlink(missing_ok=True)
            removed += 1
            freed += size
        return Pruned(removed, freed, total - freed)

    def prune_if_due(self, limit: int | None, now: float | None = None) -> Pruned | None:
        """`prune` if a limit is set and the cache was not pruned within the hour (walking a
        large cache after every title would cost more than it saves)."""
        if self.root is None or not limit or not self.root.is_dir():
            return None
        now = time.time() if now is None else now
        stamp = self.root / PRUNE_STAMP
        try:
            if stamp.stat().st_mtime > now - PRUNE_EVERY:
                return None
        except FileNotFoundError:
            pass
        stamp.touch()
        os.utime(stamp, (now, now))
        return self.prune(limit, now)


_KEY = re.compile(r"[0-9a-f]{16,}")
_BUCKET = re.compile(r"[0-9a-f]{2}")


def _written_here(parts: tuple[str, ...]) -> bool:
    """A file the cache writes, by its path below the root: an entry `<namespace>/<xx>/<key>`,
    its checksum, a temporary file of either, the prune stamp, or a file of a style folder
    (`styles/<key>/…`, being made in `styles/.styles-…/`)."""
    if parts in ((PRUNE_STAMP,), (IN_USE,)):
        return True
    if len(parts) != 3:
        return False
    first, second, name = parts
    if first == "styles" and (_KEY.fullmatch(second) or second.startswith(".styles-")):
        return True
    if not _BUCKET.fullmatch(second):
        return False
    if name.startswith(".") and name.endswith(".part"):  # `.<key>.<random>.part`, a write cut short
        name = name[1:].split(".", 1)[0]
    return bool(_KEY.fullmatch(name.removesuffix(SUM_SUFFIX))) and name.startswith(second)


def _sum_path(path: Path) -> Path:
    return path.with_name(path.name + SUM_SUFFIX)


def _intact(path: Path) -> bytes | None:
    """The entry's bytes if they match the checksum stored beside them; None when the entry
    is missing, cut short or altered, or has no checksum (written by an older version): a miss,
    and the build stores it again. Never removed here: another build may be rewriting it."""
    try:
        data = path.read_bytes()
        expected = _sum_path(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return data if hashlib.sha256(data).hexdigest() == expected else None


def _used(path: Path) -> bool:
    """Mark an entry as used now (its modification time: access times are often not kept);
    False if it is not there."""
    try:
        os.utime(path)
    except FileNotFoundError:
        return False
    except OSError:  # a read-only cache is still a cache
        return path.exists()
    return True


def _entries(root: Path) -> list[tuple[float, int, Path]]:
    """(last use, size, path) of every entry: the files at `<namespace>/<xx>/<key>`, not the
    stamp, the style folders or a file being written."""
    found = []
    for path in root.glob("*/*/*"):
        if path.name.startswith("."):
            continue
        try:
            status = path.stat()
        except FileNotFoundError:
            continue
        if (stat.S_ISREG(status.st_mode) and len(path.parent.name) == 2 and path.parent.parent.name not in RECORDS and path.name.startswith(path.parent.name)
                and not path.name.endswith(SUM_SUFFIX)):
            found.append((status.st_mtime, status.st_size, path))
    return found
