"""Writing files so that a reader never sees half of one."""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import os
import secrets
import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

# Test-only: `PUBLISH_TEST_KILL=<glob>` kills the process in the middle of writing any output
# whose file name matches the glob (see `_kill_point`). Unset in normal use.
KILL_ENV = "PUBLISH_TEST_KILL"
# Test-only too: `PUBLISH_TEST_KILL_SIGNAL=TERM` (or HUP) sends that signal there instead of SIGKILL (a build
# stopped by `kill`, a service manager or `timeout`, which may clean up before it ends).
KILL_SIGNAL_ENV = "PUBLISH_TEST_KILL_SIGNAL"


def _kill_point(write: Callable[[Path], contextlib.AbstractContextManager[Path]]):
    """Wrap a writer of `target` with the crash tests' deterministic kill point.

    When the caller has written everything to the path it was given, and the target's name
    matches $PUBLISH_TEST_KILL, cut what was written to half its length and SIGKILL this
    process: the state of a build killed halfway through writing that file. It sits outside
    the writer's own body on purpose: whatever the writer does (a temporary file renamed
    over the target, or — wrongly — the target itself), the file it handed out is the one cut,
    so a writer that writes in place leaves a half-written target for the tests to find.
    """

    @contextlib.contextmanager
    @functools.wraps(write)
    def wrapper(target: Path, *args: object, **kwargs: object) -> Iterator[Path]:
        with write(target, *args, **kwargs) as path:
            yield path
            pattern = os.environ.get(KILL_ENV)
            if pattern and fnmatch.fnmatchcase(target.name, pattern):
                os.truncate(path, os.path.getsize(path) // 2)
                os.kill(os.getpid(), getattr(signal, f"SIG{os.environ.get(KILL_SIGNAL_ENV) or 'KILL'}", signal.SIGKILL))

    return wrapper


class Together:
    """Outputs that must agree with each other (an MP3, its M4B and its captions): each is written
    with `atomic_path(target, together)` and nothing is renamed until all are written."""

    def __init__(self) -> None:
        self.staged: list[tuple[Path, Path]] = []  # (temporary, target), in the order written


@contextlib.contextmanager
def written_together() -> Iterator[Together]:
    """Commit a group of outputs as one: a build stopped before the end leaves the previous
    files, all of them; once every new file is written, the previous ones are removed first and
    the new ones renamed in, so a build killed between two renames leaves some files missing (the
    next build makes them) but never a new file beside an old partner it does not match."""
    group = Together()
    try:
        yield group
        for _tmp, target in group.staged:
            target.unlink(missing_ok=True)
        for tmp, target in group.staged:
            os.replace(tmp, target)
    finally:
        for tmp, _target in group.staged:
            tmp.unlink(missing_ok=True)
            _WRITING.discard(tmp)


@_kill_point
@contextlib.contextmanager
def atomic_path(target: Path, together: Together | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success rename it over `target` (or, with
    `together`, leave the rename to the group's commit).

    A build killed at any moment leaves either the old file or the new one, never a mix,
    because the rename is atomic on one filesystem.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    _WRITING.add(tmp_path)
    handed_on = False
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o644)
        if together is None:
            os.replace(tmp_path, target)
        else:
            together.staged.append((tmp_path, target))
            handed_on = True
    finally:
        if not handed_on:
            tmp_path.unlink(missing_ok=True)
            _WRITING.discard(tmp_path)


# The temporary files `atomic_path` has handed out in this process and not yet renamed or
# removed: a worker process stopped by SIGTERM removes them before it ends
# (`remove_temporaries`), since it ends without unwinding the code that would have.
_WRITING: set[Path] = set()


def remove_temporaries() -> None:
    for path in list(_WRITING):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def atomic_write(target: Path, data: bytes | str, together: Together | None = None) -> None:
    with atomic_path(target, together) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)


def atomic_write_small(target: Path, data: bytes | str) -> None:
    """`atomic_write` for the build cache's many small entries, with a third of the work: one
    `open` of a temporary file beside `target` (created with its mode, no separate `chmod`), one
    rename, and the folder made only when it is missing. Why: a cold learner PDF stores some 450
    entries, each with its checksum beside it, and `atomic_path`'s general machinery (mkstemp's
    name search, a path `chmod`, a `mkdir` that fails on every existing folder) cost about 1 ms of
    CPU each, a quarter of a second a build. The same guarantees: a reader sees the old file or
    the new one, a temporary file is removed on failure (and by `remove_temporaries` on SIGTERM),
    and the crash tests' kill point (`PUBLISH_TEST_KILL`) gets the general path."""
    if os.environ.get(KILL_ENV):
        atomic_write(target, data)
        return
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = target.parent
    while True:
        tmp = Path(folder, f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        except FileExistsError:
            continue  # (another writer's name: draw again, as mkstemp does)
        except FileNotFoundError:
            folder.mkdir(parents=True, exist_ok=True)
            continue
        break
    _WRITING.add(tmp)
    renamed = False
    try:
        with open(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o644)  # (the umask does not narrow it, as in `atomic_path`)
            handle.write(data)
        if not hasattr(os, "fchmod"):
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
        renamed = True
    finally:
        if not renamed:
            with contextlib.suppress(OSError):
                tmp.unlink()
        _WRITING.discard(tmp)
