"""Where outputs go: a folder on this machine, or any fsspec URL every worker can write
(`s3://bucket/editions`, `gcs://…`, `file:///shared/…`).

Renderers always write local files (WeasyPrint, PyAV and ebooklib want paths). For a URL they
write into a private staging folder, and `RemoteTarget.commit` uploads each file under a
temporary name (`.<name>.<random>.part`) and then moves it to its final name, so a reader of the
bucket sees the previous file or the new one, never half of one; a killed upload leaves only a
`.part` object, which the title's next build sweeps away. This module, not `fsutil`, owns the
remote half of the no-half-written-file guarantee.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pipeline.build import LocalTarget, OutputTarget, glob_escape, title_lock
from pipeline.paths import UsageError, is_url, standard_stream, writable_dir


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem and the path inside it, or a `UsageError` naming what to install."""
    try:
        import fsspec
    except ImportError:
        raise UsageError("outputs to a URL need fsspec: run 'pip install fsspec'") from None
    protocol = url.partition("://")[0]
    try:
        fsspec.get_filesystem_class(protocol)
    except ValueError:
        raise UsageError(f"--out {url}: unknown storage '{protocol}://' (use a folder, file://, s3://, gcs:// …)") from None
    except ImportError as exc:
        hint = {"s3": "s3fs", "gcs": "gcsfs", "gs": "gcsfs", "abfs": "adlfs", "az": "adlfs"}.get(protocol, str(exc))
        raise UsageError(f"--out {url}: '{protocol}://' needs the package {hint}: run 'pip install {hint}'") from None
    fs, path = fsspec.core.url_to_fs(url)
    return fs, path.rstrip("/")


class RemoteTarget:
    """Outputs committed to an fsspec location."""

    def __init__(self, url: str) -> None:
        self.fs, self.root = filesystem(url)
        self.identity = url.rstrip("/")
        self.local_dir = Path(tempfile.mkdtemp(prefix="publish-stage-"))

    def _path(self, name: str) -> str:
        return f"{self.root}/{name}"

    def location(self, name: str) -> str:
        return f"{self.identity}/{name}"

    def lock(self, slug: str, log: Callable[[str], None]) -> contextlib.AbstractContextManager[None]:
        # Machines cannot share a file lock; one build never holds a slug twice (the driver
        # refuses duplicate slugs), and each object is replaced whole, so only this machine's
        # concurrent builds need to take turns.
        return title_lock(self.identity, slug, log)

    def sweep(self, names: list[str]) -> None:
        for name in names:
            for stale in self.fs.glob(self._path(f".{glob_escape(name)}.*.part")):
                with contextlib.suppress(FileNotFoundError):
                    self.fs.rm(stale)

    def fingerprint(self, names: list[str]) -> list[list[object]]:
        self.fs.invalidate_cache()
        result: list[list[object]] = []
        for name in names:
            try:
                info = self.fs.info(self._path(name))
            except FileNotFoundError:
                result.append([name, None, None])
                continue
            version = info.get("ETag") or info.get("etag") or info.get("mtime") or info.get("LastModified")
            result.append([name, info.get("size"), str(version)])
        return result

    def commit(self, written: list[Path]) -> list[Path | str]:
        committed: list[Path | str] = []
        for path in written:
            temporary = self._path(f".{path.name}.{uuid.uuid4().hex[:12]}.part")
            try:
                self.fs.put_file(str(path), temporary)
                self.fs.mv(temporary, self._path(path.name))
            finally:
                with contextlib.suppress(FileNotFoundError):
                    if self.fs.exists(temporary):
                        self.fs.rm(temporary)
            path.unlink(missing_ok=True)
            committed.append(self.location(path.name))
        return committed

    def close(self) -> None:
        shutil.rmtree(self.local_dir, ignore_errors=True)


def check_output_names(out: str, slugs: list[str], editions: list[str]) -> None:
    """A `UsageError` when an output's name in a local `out` folder is taken by a folder (or a
    pipe, a device): the finished file could not replace it, and the build would fail at the
    end of its work with a message about a temporary file."""
    if is_url(out):
        return
    from pipeline import renderers

    for slug in slugs:
        for name in renderers.output_names(slug, editions):
            path = Path(out) / name
            if path.exists() and not path.is_file():
                kind = "a folder" if path.is_dir() else "not a regular file"
                raise UsageError(f"{path} is {kind}; the build writes a file of that name there: move it away or pass "
                                 f"--out another folder (nothing was built)")


def check_sources_kept(out: str, sources: list[tuple[str, str]], editions: list[str]) -> None:
    """A `UsageError` when an output would be written over a source file: a title's own (a
    source named `x-script.md`, built with `--out` its folder) or any other (an `.md` file
    there that starts with front matter, `---`). `sources` holds each title's (file name,
    slug). Before: `publish script drafts/x-script.md --out drafts` replaced the editor's
    source with the podcast script, and said 'built'."""
    if is_url(out):
        return
    from pipeline import renderers

    named = {Path(name).resolve() for name, _slug in sources}
    for _name, slug in sources:
        for output in renderers.output_names(slug, editions):
            path = Path(out) / output
            if path.resolve() in named or _a_source(path):
                raise UsageError(f"{path} is a source file, and building '{slug}' into {out} would write over it: "
                                 f"pass --out another folder, or rename the source (nothing was built)")


# What goes wrong when the editions are written into a folder publish keeps for something else:
# (what the folder is, what would happen).
KEPT_FOLDERS = {
    "sources": ("the sources folder", "the editions would be written among the sources, and every later 'publish' "
                                      "would look through them for titles"),
    "cache": ("the build cache folder", "the editions would be written among the cached files, which "
                                        "'publish clean-cache' and the cache's size limit manage"),
}


def check_out_apart(out: str, cache_root: Path | None = None) -> None:
    """A `UsageError` when `--out` is the project's `source/` folder or the build cache's, or
    inside one, checked before the folder is created. Before: `publish all --out source` wrote
    every edition, the site and its manifest among the sources, where every later `publish`
    looked through them for titles (and `--out .cache/publish` among the cached files). A folder
    named as SOURCES is not refused: `publish all drafts --out drafts` has long built a folder
    of drafts beside themselves (such a folder is read one level deep, and the podcast scripts
    written there are passed over: `driver/sources.py`)."""
    if is_url(out) and not out.startswith("file://"):
        return
    try:
        target = Path(out.removeprefix("file://")).resolve()
    except (OSError, RuntimeError):  # a symbolic link that leads back to itself: `validate_out` says so
        return
    from pipeline.driver.sources import SOURCE_DIR

    kept = [(Path(SOURCE_DIR), "sources"), *([(cache_root, "cache")] if cache_root else [])]
    here = Path.cwd().resolve()
    for folder, kind in kept:  # (one not made yet too: `--out source` would make it)
        try:
            root = folder.resolve()
        except (OSError, RuntimeError):
            continue
        if root in (here, *here.parents):  # the project itself, or home (a cache set there by mistake)
            continue
        if target == root or root in target.parents:
            what, harm = KEPT_FOLDERS[kind]
            where = what if target == root else f"inside {what}"
            shown = Path(os.path.relpath(folder)) if folder.is_absolute() and Path.cwd() in folder.parents else folder
            raise UsageError(f"--out {out}{_leads_to(out, target)} is {where} {shown}/: {harm}; pass --out a folder "
                             f"outside it, e.g. --out output (nothing was built)")


def _leads_to(typed: str, target: Path) -> str:
    """' (which leads to source/x)' when `typed` reaches `target` through a symbolic link: before,
    `--out src2/x` (src2 a link to source/) was told it 'is inside the sources folder source/',
    naming a folder the editor never typed."""
    if Path(os.path.abspath(typed)) == target:
        return ""
    here = Path.cwd().resolve()
    shown = target.relative_to(here) if here in target.parents else target
    return f" (which leads to {shown})"


def check_owners(out: str, titles: list[tuple[str, bytes, str]], editions: list[str], cache_root: str) -> None:
    """A `UsageError` when a title (its name, bytes and slug) would replace an output in a local
    `out` that another title (same slug, another `id`) built in an earlier run: before, the
    later build silently took the other's editions (`pipeline.owners`). The build checks again
    under the title's lock; a title whose `id` cannot be read here is left to it."""
    if is_url(out):
        return
    from pipeline import owners, renderers
    from pipeline.cache import Cache
    from pipeline.driver.sources import peek_scalar

    cache, identity = Cache(Path(cache_root)), LocalTarget(Path(out)).identity
    for name, data, slug in titles:
        writes = renderers.output_names(slug, editions)
        present = [n for n in renderers.output_names(slug) if (Path(out) / n).is_file()]
        found = peek_scalar(data, "id") if present else None  # a first build has nothing to replace
        if found is None:
            continue
        message = owners.conflict(cache, identity, [n for n in present if n in writes], found[0], name, slug, out,
                                  usage=True, folder=Path(out), beside=[n for n in present if n not in writes])
        if message:
            raise UsageError(message)


def _a_source(path: Path) -> bool:
    """An existing Markdown file that opens with front matter, as every source does (an edition
    written in Markdown, the podcast script, opens with its title)."""
    if path.suffix != ".md" or not path.is_file():
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError:
        return False
    return head.removeprefix(b"\xef\xbb\xbf").startswith(b"---")


def validate_out(out: str) -> str:
    """`--out` checked before work starts (a local folder is created); `file://` URLs become
    plain paths."""
    if not out.strip():
        raise UsageError("--out is empty: name an output folder, e.g. --out output")
    standard_stream(out, "--out", output=True)
    if is_url(out):
        protocol, _sep, rest = out.partition("://")
        if protocol == "file":
            return str(writable_dir(Path(rest)))
        filesystem(out)
        return out
    return str(writable_dir(Path(out)))


@contextlib.contextmanager
def open_target(out: str) -> Iterator[OutputTarget]:
    """The target for `out` (as `validate_out` returned it), cleaned up afterwards."""
    if is_url(out) and not out.startswith("file://"):
        target = RemoteTarget(out)
        try:
            yield target
        finally:
            target.close()
    else:
        yield LocalTarget(Path(out.removeprefix("file://")))


def for_workers(out: str) -> str:
    """`out` as workers elsewhere should receive it: a local folder made absolute."""
    return out if is_url(out) else str(Path(out).resolve())
