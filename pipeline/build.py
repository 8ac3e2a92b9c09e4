"""Driving renderers for one title: deciding what is out of date (in one place), locking the
title, and recording what each build wrote.

An edition is up to date when its inputs hash the same as at its last build — the document
model, the renderer's options, the styles and the pipeline's own code — and its output files
are still the ones that build wrote. Every part of that key is content (never a path on this
machine, never a time), so a cache moved to another checkout or worker stays valid; only the
output location is part of it, because an edition built into one folder is not in another.

Titles sharing one output folder build side by side: the lock is per title (and lives outside
the output folder, where readers' files go), and a killed build's `.part` files are swept per
title, so one title never deletes another's half-written files.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import json
import os
import re
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from filelock import FileLock, Timeout

from pipeline import owners, renderers
from pipeline.cache import Cache, key
from pipeline.errors import PublishError
from pipeline.model import Document
from pipeline.passes.languages import mark_languages
from pipeline.passes.typography import normalise_document
from pipeline.paths import expand_home
from pipeline.renderers.base import BuildContext

PACKAGE_DIR = Path(__file__).resolve().parent
# The shipped stylesheets and templates are package data, so an installed wheel has them too.
STYLES_DIR = PACKAGE_DIR / "styles"
LOCK_WAIT_NOTICE = 0.5  # seconds before a build waiting for another says so


@dataclass(frozen=True)
class Outcome:
    """What happened to one edition of one title."""

    edition: str
    outputs: list[Path | str]  # local paths, or URLs for remote outputs
    seconds: float
    rebuilt: bool
    error: str | None = None  # set when the edition failed (its previous outputs are untouched)

    @property
    def status(self) -> str:
        return "failed" if self.error else "built" if self.rebuilt else "up to date"


class OutputTarget(Protocol):
    """Where a title's outputs end up. Renderers always write files into `local_dir`;
    `commit` makes them final where the reader gets them (a no-op for a local folder, an upload
    and rename for an object store)."""

    identity: str
    local_dir: Path

    def lock(self, slug: str, log: Callable[[str], None]) -> contextlib.AbstractContextManager[None]: ...

    def sweep(self, names: list[str]) -> None: ...

    def fingerprint(self, names: list[str]) -> list[list[object]]: ...

    def commit(self, written: list[Path]) -> list[Path | str]: ...

    def location(self, name: str) -> Path | str: ...


def lock_dir() -> Path:
    """Where titles' build locks live: outside every output folder, shared by every project
    and cache on this machine (so two checkouts building into one folder still take turns)."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"publish-locks-{uid}"


def usable_lock_dir() -> Path:
    """`lock_dir()`, created and checked before a build on this machine: a file in its place (or
    a temporary folder that cannot be written) failed each title at its lock with 'File exists
    (… free disk space or fix the permissions …)', advice for a full output disk."""
    from pipeline.paths import writable_dir

    return writable_dir(lock_dir(), "folder of the builds' locks",
                        advice="move that away (builds keep their locks there), or set TMPDIR to a folder you can write")


def lock_path(*key: str, kind: str = "") -> Path:
    """The lock file of one thing being written (a title in an output location, a site folder),
    named by a digest of `key` in `lock_dir()`."""
    directory = lock_dir()
    directory.mkdir(parents=True, exist_ok=True)
    return directory / f"{kind}{hashlib.sha256(chr(0).join(key).encode()).hexdigest()[:32]}.lock"


@contextlib.contextmanager
def title_lock(identity: str, slug: str, log: Callable[[str], None]) -> Iterator[None]:
    """Hold the lock of one title in one output location; wait (saying so) while another
    build holds it, rather than fail: titles of one catalogue may share the folder."""
    lock = FileLock(str(lock_path(identity, slug)))
    try:
        lock.acquire(timeout=LOCK_WAIT_NOTICE)
    except Timeout:
        log(f"{slug}: waiting for another 'publish' that is building it into {identity} …")
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


class LocalTarget:
    """A folder on this machine: renderers write there directly (atomically, file by file)."""

    def __init__(self, out_dir: Path) -> None:
        self.local_dir = out_dir
        self.identity = str(out_dir.resolve())

    def lock(self, slug: str, log: Callable[[str], None]) -> contextlib.AbstractContextManager[None]:
        return title_lock(self.identity, slug, log)

    def sweep(self, names: list[str]) -> None:
        """Remove `.part` files a killed build of these outputs left (this title's only)."""
        for name in names:
            for stale in self.local_dir.glob(f".{glob_escape(name)}.*.part"):
                stale.unlink(missing_ok=True)

    def fingerprint(self, names: list[str]) -> list[list[object]]:
        result: list[list[object]] = []
        for name in names:
            path = self.local_dir / name
            try:
                stat = path.stat()
                result.append([name, stat.st_size, stat.st_mtime_ns])
            except FileNotFoundError:
                result.append([name, None, None])
        return result

    def commit(self, written: list[Path]) -> list[Path | str]:
        return list(written)

    def location(self, name: str) -> Path | str:
        return self.local_dir / name


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def tree_digest(*roots: Path, suffixes: tuple[str, ...] = ()) -> str:
    """A digest of every file under `roots` (relative names and bytes), for up-to-date keys."""
    digest = hashlib.sha256()
    for root in roots:
        if not root.exists():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if suffixes and path.suffix not in suffixes or "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(root).as_posix()).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """The pipeline's own code and data, hashed once per process."""
    return tree_digest(PACKAGE_DIR, suffixes=(".py", ".txt", ".json", ".toml", ".tsv"))


def prepare(doc: Document) -> Document:
    """The format-independent passes every edition starts from."""
    return normalise_document(mark_languages(doc))


# What to do for a write that failed because something else stands in the way: a file where a
# folder goes (`output/site/x` a file) was told to 'free disk space or fix the permissions'.
MISPLACED = {
    errno.EEXIST: "a file stands where a folder goes: move it away",
    errno.ENOTDIR: "a file stands where a folder goes: move it away",
    errno.EISDIR: "a folder stands where a file goes: move it away",
}


def describe_failure(exc: BaseException, writing: str = "") -> str:
    """One line an editor can act on, for any exception a build raised. `writing` says where
    the build was writing, for an `OSError` that does not name its file (a full disk)."""
    if isinstance(exc, PublishError):
        return str(exc)
    if isinstance(exc, OSError):
        named = _the_file_meant(exc)
        where = f"{named}: " if named else f"while writing {writing}: " if writing else ""
        what = exc.strerror or str(exc) or type(exc).__name__
        advice = MISPLACED.get(exc.errno or 0, "free disk space or fix the permissions")
        return f"{where}{what} (the previous outputs are intact; {advice}, then build again)"
    if os.environ.get("PUBLISH_DEBUG", "").strip().lower() not in ("", "0", "false", "no", "off"):
        detail = "".join(traceback.format_exception(exc)).rstrip()
        return f"internal error: {type(exc).__name__}: {exc}\n{detail}"
    return (f"internal error: {type(exc).__name__}: {exc} (a bug in publish: please report it with the "
            f"source; PUBLISH_DEBUG=1 shows the details)")


_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[^./]+\.part")  # `.x.pdf.<random>.part`, fsutil's and outputs'


def _the_file_meant(exc: OSError) -> str | None:
    """The file an `OSError` is about, as the editor knows it: the output a rename was putting
    in place (`filename2`), and an output's name for its temporary file. Before: 'output/.x.pdf.
    i8lk8i9_.part: Operation not permitted', a file the editor never sees, for output/x.pdf."""
    named = exc.filename2 if exc.filename2 is not None else exc.filename
    if named is None:
        return None
    text = os.fsdecode(named) if isinstance(named, (bytes, os.PathLike)) else str(named)
    head, _sep, tail = text.rpartition("/")
    temporary = _TEMPORARY.fullmatch(tail)
    return f"{head}/{temporary['name']}" if temporary and head else temporary["name"] if temporary else text


def build_editions(
    doc: Document,
    editions: list[str],
    ctx: BuildContext,
    *,
    force: bool = False,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
    keep_going: bool = False,
    target: OutputTarget | None = None,
) -> list[Outcome]:
    """Build `editions` of one title in order, skipping those already up to date.

    With `keep_going`, an edition that fails is reported in its `Outcome` and the others are
    still built; otherwise the first failure is raised. Renderers write into `ctx.out_dir`,
    which is `target.local_dir`."""
    target = target or LocalTarget(ctx.out_dir)
    ctx.out_dir.mkdir(parents=True, exist_ok=True)
    slug = doc.meta.slug
    with target.lock(slug, ctx.log):
        target.sweep(renderers.output_names(slug))
        _refuse_another_titles(doc, editions, ctx, target)
        prepared = prepare(doc)
        styles = tree_digest(ctx.styles_dir)
        model = prepared.model_dump_json()
        outcomes = []
        for name in editions:
            started = time.perf_counter()
            try:
                outcome = _build_one(name, prepared, ctx, target, styles, model, force)
            except Exception as exc:
                if not keep_going:
                    raise
                writing = f"into {target.identity}" + (f" or the cache {ctx.cache.root}" if ctx.cache.root else "")
                outcome = Outcome(name, [], time.perf_counter() - started, rebuilt=False,
                                  error=describe_failure(exc, writing))
            if outcome.error is None:
                owners.record(ctx.cache, target.identity, [str(o).rsplit("/", 1)[-1] for o in outcome.outputs],
                              doc.meta.id, doc.source, slug)
            on_done(outcome)
            outcomes.append(outcome)
        return outcomes


def _refuse_another_titles(doc: Document, editions: list[str], ctx: BuildContext, target: OutputTarget) -> None:
    """A `PublishError` when an output this build would replace was built from another title
    (same slug, another `id`), checked under the title's lock so two commands cannot race past
    it; `owners` says why."""
    writes = renderers.output_names(doc.meta.slug, editions)
    present = [str(name) for name, size, _version in target.fingerprint(renderers.output_names(doc.meta.slug))
               if size is not None]
    where = str(ctx.out_dir) if isinstance(target, LocalTarget) else target.identity
    message = owners.conflict(ctx.cache, target.identity, [n for n in present if n in writes], doc.meta.id,
                              doc.source, doc.meta.slug, where, usage=False,
                              folder=target.local_dir if isinstance(target, LocalTarget) else None,
                              beside=[n for n in present if n not in writes])
    if message:
        raise PublishError(message)


def _build_one(name: str, doc: Document, ctx: BuildContext, target: OutputTarget, styles: str, model: str,
               force: bool) -> Outcome:
    started = time.perf_counter()
    options = {option: ctx.options.get(option) for option in renderers.OPTIONS.get(name, ())}
    stamp_key = key("stamp", name, options, code_digest(), styles, model, target.identity,
                    os.environ.get("SOURCE_DATE_EPOCH"))
    stamp = ctx.cache.get("stamps", stamp_key)
    if not force and stamp is not None:
        recorded = _stamp(stamp)
        if recorded is not None and recorded["fingerprint"] == target.fingerprint(recorded["names"]):
            outputs = [target.location(n) for n in recorded["names"]]
            return Outcome(name, outputs, time.perf_counter() - started, rebuilt=False)
    written = renderers.load(name).build(doc, ctx)
    outputs = target.commit(written)
    names = [path.name for path in written]
    record = {"names": names, "fingerprint": target.fingerprint(names)}
    ctx.cache.put("stamps", stamp_key, json.dumps(record).encode())
    return Outcome(name, outputs, time.perf_counter() - started, rebuilt=True)


def _stamp(data: bytes) -> dict | None:
    try:
        recorded = json.loads(data)
    except ValueError:
        return None
    if not isinstance(recorded, dict) or not {"names", "fingerprint"} <= recorded.keys():
        return None
    return recorded


def default_cache(project_dir: Path) -> Cache:
    """The project's cache: `$PUBLISH_CACHE_DIR` if set, else `<project>/.cache/publish`."""
    configured = expand_home(os.environ.get("PUBLISH_CACHE_DIR", "").strip())  # blank: unset, as empty
    return Cache(Path(configured) if configured else project_dir / ".cache" / "publish")
