"""Checking the paths a user names before any work starts: one line naming the path and what to
do, instead of a traceback half-way through a build.

Every command-line path goes through here (sources, `--out`, and the paths other commands take),
and the CLI turns a `UsageError` into exit code 2. The checks try the real operation (open,
create, write a probe file) rather than predict it from permission bits, so they tell the truth
for root, read-only file systems, /proc and network mounts alike.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from pathlib import Path

from pipeline.errors import PublishError

MAX_SOURCE_BYTES = 16 * 1024 * 1024  # a long feature is ~100 kB; anything this big is the wrong file


class UsageError(PublishError):
    """The command line names something unusable (exit code 2): nothing was built."""


def _regular_file(path: Path, *, missing: str, folder: str, special: str) -> os.stat_result:
    """`path`'s stat if it is a regular file; otherwise a `UsageError` that ends with the advice given
    for that case (what to do when it is missing, a folder, or a pipe/socket/device)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        url = address_named(str(path))
        if url is not None:
            raise UsageError(not_a_local_file(url)) from None
        if path.is_symlink():  # it said 'no such file; check the name' of a name that is there
            raise UsageError(f"{path} is a symbolic link to {os.readlink(path)}, which does not exist (a file moved "
                             f"or a drive not mounted): point it at the file, or name the file itself") from None
        raise UsageError(f"{path}: no such file; {missing}") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UsageError(f"{path} is a symbolic link that leads back to itself (a loop): point it at the "
                             f"file, or name the file itself") from None
        raise UsageError(f"{path}: cannot be read ({exc.strerror or exc}); check the path and its permissions") from None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{path} is {folder}")
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(f"{path} is not a regular file (a pipe, socket or device): {special}")
    return info


# `scheme:/rest` as a Path leaves `scheme://rest` (it folds '//'); one letter is a Windows drive
_MANGLED_ADDRESS = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]+):/+(?P<rest>.*)$")


def address_named(text: str) -> str | None:
    """The web (or storage) address `text` spells, as the user typed it, when it spells one:
    `https://…`, also after `Path` folded its '//' to '/'; None for a path on this machine."""
    found = _MANGLED_ADDRESS.match(text)
    if found is None:
        return None
    scheme, rest = found["scheme"], found["rest"]
    return f"file:///{rest}" if scheme.lower() == "file" else f"{scheme}://{rest}"


def not_a_local_file(url: str) -> str:
    """What to do when a file was expected and an address given (`publish import https://…`,
    `publish check https://…`): it said 'https:/example.org/a.md: no such file', the address
    mangled and no way forward. Nothing is fetched: publish reads files on this machine."""
    if url.lower().startswith("file://"):
        return f"{url} is a file address: name the file by its path, {url[len('file://'):]}"
    name = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or "page.html"
    return (f"{url} is a web address, and publish reads files on this machine: download it first "
            f"(save the page in the browser, or curl -L -o {name} '{url}'), then name that file")


def read_source_file(path: Path, what: str = "source") -> bytes:
    """The bytes of a source file named by the user, or a `UsageError` saying why not."""
    info = _regular_file(
        path,
        missing="check the name, or run 'publish check' in the folder that holds source/",
        folder=f"a folder, not a {what} file: name a file in it (e.g. {path}/<slug>.md), or "
               f"pass the folder as a SOURCES argument for every title in it",
        special=f"name a {what} file (.md)",
    )
    if info.st_size > MAX_SOURCE_BYTES:
        raise UsageError(f"{path} is {info.st_size / 1024 / 1024:.0f} MB; a {what} file is at most "
                         f"{MAX_SOURCE_BYTES // 1024 // 1024} MB: is it the right file?")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror or exc}); check its permissions") from None
    if len(data) > MAX_SOURCE_BYTES:  # grew, or a special file that reports size 0
        raise UsageError(f"{path} is larger than {MAX_SOURCE_BYTES // 1024 // 1024} MB: is it the right file?")
    return data


def readable_file(path: Path, what: str, max_bytes: int, kinds: str) -> int:
    """The size of a file the user named for reading (a copy to import, say), or a `UsageError`
    saying why it cannot be: missing, a folder, a pipe or device, over `max_bytes`, unreadable.
    `kinds` says what would do instead (e.g. "a .txt, .html or .docx file")."""
    utf8_name(path)
    info = _regular_file(path, missing="check the name",
                         folder=f"a folder, not a file: name the {what} to use ({kinds})",
                         special=f"name the {what} ({kinds})")
    if info.st_size > max_bytes:
        raise UsageError(f"{path} is {info.st_size / 1e6:.0f} MB; a {what} is at most {max_bytes / 1e6:.0f} MB: "
                         f"is it the right file?")
    try:
        with open(path, "rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror or exc}); check its permissions") from None
    return info.st_size


def utf8_name(path: Path) -> None:
    """A `UsageError` for a path whose name is not UTF-8 (a file or folder copied from an old
    Windows or Latin-1 disk): the name travels with the build (to worker processes, into
    messages, build records and JSON), where such a build failed with an 'internal error' after
    it had started."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = str(path).encode("utf-8", "backslashreplace").decode("ascii", "replace")
        raise UsageError(f"{shown}: this name is not UTF-8 (made in another encoding?): use a UTF-8 name "
                         f"(rename the file or folder, or choose another)") from None


def writable_dir(path: Path, what: str = "output folder", option: str = "--out", example: str = "output", *,
                 advice: str | None = None) -> Path:
    """`path` as a folder this process can write in (created if missing), or a `UsageError`
    that names the `option` the path came from (or ends with `advice`, where the path did not
    come from an option)."""
    utf8_name(path)
    if path.exists() and not path.is_dir():
        if advice:
            raise UsageError(f"the {what} {path} is a file, not a folder: {advice}")
        raise UsageError(f"{path} is a file, not a folder: pass {option} a folder (it is created if missing)")
    if path.is_symlink() and not path.exists():
        if _loops(path):  # it said 'a symbolic link to loop2, which does not exist'
            raise UsageError(f"{path} is a symbolic link that leads back to itself (a loop): point it at a "
                             f"folder, or {advice or f'choose another {what}'}")
        raise UsageError(f"{path} is a symbolic link to {os.readlink(path)}, which does not exist: create that "
                         f"folder, or {advice or f'choose another {what}'}")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UsageError(f"{path}: a part of this path is a file, not a folder: "
                         f"{advice or f'choose another {what}'}") from None
    except OSError as exc:
        raise UsageError(f"cannot create the {what} {path} ({exc.strerror or exc}): "
                         f"{advice or f'choose a folder you can write, e.g. {option} {example}'}") from None
    try:
        fd, probe = tempfile.mkstemp(prefix=".publish-probe-", dir=path)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UsageError(f"cannot write in the {what} {path} ({exc.strerror or exc}): "
                         f"{advice or 'choose a folder you can write'}") from None
    return path


def _loops(path: Path) -> bool:
    """Whether following `path`'s links never ends (ELOOP)."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


CACHE_ADVICE = "set PUBLISH_CACHE_DIR to a folder you can write (e.g. PUBLISH_CACHE_DIR=/tmp/publish-cache)"


def writable_cache_dir(path: Path) -> Path:
    """The build cache's folder (`$PUBLISH_CACHE_DIR` or the project's `.cache/publish`), checked
    before a build: a cache that cannot be written failed every edition half-way, each with the
    advice for a full output disk."""
    return writable_dir(path, "build cache folder", advice=CACHE_ADVICE)


def standard_stream(text: str, where: str, *, output: bool = False) -> None:
    """A `UsageError` for '-' where a path is named. By the shell's custom it means standard
    input (or output), but publish reads sources whole from files (for file:line:col) and
    writes editions as files into a folder: `--out -` built into a folder named '-', and
    `publish import -` said '-: no such file'."""
    if text.strip() != "-":
        return
    named = f"{Path.cwd() / '-'}"  # './-' would do for a word, but a path option reads it as '-'
    if output:
        raise UsageError(f"'-' in {where} would be standard output, and publish writes files into a folder: "
                         f"pass {where} a folder (a folder named '-': write {named})")
    raise UsageError(f"'-' in {where} would be standard input, and publish reads files: save the text to a file "
                     f"and name that file (a file named '-': write {named})")


# What a Chinese input method types for '~' (the full-width tilde, the wave dash): `--out ～/editions`
# built into a folder named '～' inside the project, and the editor looked in the home folder.
HOME_LOOKALIKES = ("\uff5e", "\u301c")


def expand_home(text: str) -> str:
    """`~/editions` as the shell would have made it. Why: the shell leaves `~` alone after `=`
    (`--out=~/editions`) and inside quotes (`PUBLISH_CACHE_DIR="~/cache"` in a unit file), and
    the build then wrote a folder named '~' inside the project; an address (`s3://…`) is kept.
    A full-width `～/` (`HOME_LOOKALIKES`) is the home folder too, unless a folder of that name
    is there."""
    first = text.split("/", 1)[0]
    if first in HOME_LOOKALIKES and not os.path.lexists(first):
        text = "~" + text[1:]
    if not text.startswith("~") or is_url(text):
        return text
    return os.path.expanduser(text)  # unchanged when there is no home to find


def is_url(text: str) -> bool:
    """True for `scheme://…` (an fsspec location), false for a path on this machine."""
    scheme, sep, _rest = text.partition("://")
    return bool(sep) and scheme.isidentifier() and len(scheme) > 1


def name_too_long(exc: OSError) -> UsageError | None:
    """A name longer than the file system takes (`ENAMETOOLONG`: 255 bytes a name on most, and a
    Chinese character is 3 of them) as the usage error it is, naming the part that is too long.
    Before: 'File name too long (the previous outputs are intact; free disk space or fix the
    permissions, then build again)', exit 1, for a name typed on the command line, a source, or
    `PUBLISH_CACHE_DIR`, before anything was built."""
    if exc.errno != errno.ENAMETOOLONG or exc.filename is None:
        return None
    path = os.fsdecode(exc.filename)
    longest = max(Path(path).parts or (path,), key=lambda part: len(os.fsencode(part)))
    size = len(os.fsencode(longest))
    try:
        limit = os.pathconf(_nearest_folder(Path(path)), "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    if size > limit:
        shown = longest if len(longest) <= 16 else f"{longest[:12]}…{longest[-3:]}"
        return UsageError(f"{path}: the name '{shown}' is {size} bytes long, and the file system takes at most "
                          f"{limit} bytes a name (a Chinese character is 3): choose a shorter name")
    return UsageError(f"{path}: the path is {len(os.fsencode(path))} bytes long, more than the file system takes: "
                      f"choose a shorter one")


def _nearest_folder(path: Path) -> Path:
    folder = path.absolute()
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder
