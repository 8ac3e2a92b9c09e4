"""The site is written beside itself and swapped in whole: a reader of `output/site/` (a web
server serving it, `rsync` uploading it) sees the old site or the new one, never a mix.

Why: every file was already written whole (temporary name and rename), but the site was written
file by file into place, so a full disk or a lost permission midway through left new title pages
beside an old catalogue and feeds that listed titles whose folders were not there yet. Now the
step writes into a copy (`.site.new` beside it, made of hard links to the present files, so it
costs no second copy of the audio and keeps each unchanged file's times, which the manifest
compares) and, when all of it is written, exchanges the two folders. A failure leaves the site as
it was and removes the copy; a step that changed nothing leaves the site as it is.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux `renameat2(RENAME_EXCHANGE)`); False where the system
    has no such call, for `_swap`'s two renames."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        call = libc.renameat2
    except (OSError, AttributeError):
        return False
    if call(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):  # (a file system without it)
        return False
    raise OSError(code, os.strerror(code), str(first))


def _swap(site: Path, new: Path, old: Path) -> None:
    """`new` becomes `site`; the old site ends at `old` (then removed by the caller)."""
    if _exchange(new, site):
        new.rename(old)
        return
    site.rename(old)
    try:
        new.rename(site)
    except OSError:
        old.rename(site)
        raise


def _clone(real: Path, new: Path) -> None:
    """`new` as a copy of the folder `real`: hard links to its files (a copy where links are not
    allowed, with the times the manifest compares), its symbolic links as links."""
    new.mkdir()
    for root, folders, files in os.walk(real):
        here = new / Path(root).relative_to(real)
        for name in folders + files:
            source, target = Path(root) / name, here / name
            if source.is_symlink():
                os.symlink(os.readlink(source), target)
            elif name in folders:
                target.mkdir()
            else:
                try:
                    os.link(source, target)
                except OSError as exc:
                    if exc.errno in FULL:
                        raise
                    shutil.copy2(source, target)


FULL = (errno.ENOSPC, errno.EDQUOT)  # no room for the copy: nor for the site written in place


def _paths(site: Path) -> tuple[Path, Path, Path]:
    real = site.resolve()  # a symbolic link to the served folder: swap the folder, keep the link
    return real, real.with_name(f".{real.name}.new"), real.with_name(f".{real.name}.old")


def recover(site: Path) -> None:
    """Put back a site that a step killed between its two renames left at `.site.old` (only where
    the system cannot exchange two folders in one step), and sweep what a killed step left beside
    it. Called under the site's lock: no other step is writing."""
    real, new, old = _paths(site)
    if old.is_dir() and (not real.exists() or (real.is_dir() and not any(real.iterdir()))):
        with contextlib.suppress(OSError):
            real.rmdir()
        old.rename(real)
    for leftover in (new, old):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


@contextlib.contextmanager
def staged(site: Path) -> Iterator[tuple[Path, list[bool]]]:
    """A copy of `site` to write into, and a flag list: append True when the copy differs from the
    site. On a clean exit a changed copy replaces the site; on any exception (Ctrl-C too) it is
    removed and the site stays as it was. Where a copy cannot be made beside the site (its parent
    folder is not ours to write, or the site is a mount point), the site itself is yielded, as
    before."""
    real, new, old = _paths(site)
    if os.path.ismount(real):
        yield site, []
        return
    in_place = False
    try:
        _clone(real, new)
    except OSError as exc:
        shutil.rmtree(new, ignore_errors=True)
        if exc.errno in FULL:
            raise
        in_place = True  # (a folder beside it not ours to write, a file in it we cannot read: as before)
    if in_place:
        yield site, []
        return
    changed: list[bool] = []
    try:
        yield new, changed
        if any(changed):
            _swap(real, new, old)
    finally:
        for leftover in (new, old):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
