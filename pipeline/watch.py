"""`publish watch`: rebuild chosen editions whenever the source or the styles change.

Editors save in different ways: in place, by writing a new file and renaming it over the old one
(Emacs, JetBrains IDEs, `sed -i`, most atomic writers), or by deleting and re-creating it, and
most leave scratch files beside it (`.#x.md`, `x.md~`, `.x.md.swp`, vim's `4913`). So the watch
follows the source's *folder* and matches the source by name, never an inode; it ignores
scratch files; and it rebuilds once per save: changes are batched (debounced), and a batch that
leaves the source's bytes and the styles as they were at the last build does not rebuild.

A source that is briefly invalid while being typed is reported and the watch goes on; the
previous outputs stay as they were until the source reads cleanly again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from pipeline.build import build_editions, describe_failure
from pipeline.driver.styles import is_scratch
from pipeline.errors import PublishError
from pipeline.reader import read_source
from pipeline.renderers.base import BuildContext

DEBOUNCE_MS = 1600  # longest a batch of changes is held
STEP_MS = 150  # a batch is closed after this long without a new change


def rebuild(source: Path, editions: list[str], ctx: BuildContext, out: Callable[[str], None]) -> bool:
    """One rebuild; True when it succeeded. Errors are printed, never raised."""
    started = time.perf_counter()
    try:
        doc = read_source(source)
        outcomes = build_editions(doc, editions, ctx)
    except (PublishError, OSError) as exc:
        out(f"error: {describe_failure(exc)}")
        out("(watching: fix the source and save again)")
        return False
    rebuilt = [o.edition for o in outcomes if o.rebuilt]
    took = time.perf_counter() - started
    out(f"rebuilt {', '.join(rebuilt) or 'nothing (no change)'} in {took:.2f}s")
    return True


class _Relevant:
    """watchfiles' filter: the source by name in its folder, non-scratch style files, and the
    return of a watched folder that is gone (a change to it or to a folder above it)."""

    def __init__(self, source: Path, style_dirs: Sequence[Path], missing: Sequence[Path] = ()) -> None:
        self.source = source.resolve()
        self.style_dirs = [d.resolve() for d in style_dirs]
        self.missing = [d.resolve() for d in missing]

    def __call__(self, _change: object, path: str) -> bool:
        candidate = Path(path)
        if candidate.parent.resolve() == self.source.parent and candidate.name == self.source.name:
            return True
        if any(candidate.resolve() in (folder, *folder.parents) for folder in self.missing):
            return True
        return (not is_scratch(candidate.name)
                and any(candidate.parent.resolve() == folder for folder in self.style_dirs))


def _watch_points(folders: Sequence[Path]) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """The folders to watch now, and those of `folders` that are gone: each is watched where it
    is, or, while it is gone, through the nearest folder above it that is there (so that its
    return is seen). Before, a source's folder deleted and made again (a `git switch` away and
    back, a sync client) was never watched again: the watch waited for a save it could not see."""
    points: list[Path] = []
    missing: list[Path] = []
    for folder in folders:
        present = folder.absolute()
        while not present.is_dir() and present != present.parent:
            present = present.parent
        if present != folder.absolute():
            missing.append(folder)
        points.append(present)
    return tuple(dict.fromkeys(points)), tuple(missing)


def _changes(source: Path, style_dirs: Sequence[Path], stop: threading.Event | None) -> Iterator[object]:
    """watchfiles' batches of changes to the source's folder and the style folders, watched
    again wherever one of them goes or comes back; after such a move an empty batch, so that a
    source already back in its folder is looked at at once."""
    from watchfiles import watch

    folders = [source.parent, *style_dirs]
    while not (stop is not None and stop.is_set()):
        points, missing = _watch_points(folders)
        for batch in watch(*points, watch_filter=_Relevant(source, style_dirs, missing), debounce=DEBOUNCE_MS,
                           step=STEP_MS, recursive=False, raise_interrupt=True, stop_event=stop):
            yield batch
            if _watch_points(folders) != (points, missing):
                break  # a folder went or came back: watch again where things are now
        else:
            return  # stopped
        yield set()


def _styles_state(style_dirs: Sequence[Path]) -> str:
    """The styles' names and contents. A file gone between the listing and the read (an editor's
    temporary file renamed into place: `sed -i`'s `sedAb12Cd`, an atomic writer's `.x.css.tmp`) is
    left out: the next batch sees the file it became. Before, that read ended the watch."""
    digest = hashlib.sha256()
    for folder in style_dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file() and not is_scratch(path.name):
                try:
                    data = path.read_bytes()
                except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
                    continue
                except OSError as exc:  # unreadable: part of the state, so fixing it is a change
                    data = f"unreadable: {exc.errno}".encode()
                digest.update(path.name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def _source_state(source: Path) -> str | None:
    """The source's content hash; None while it is missing. One that cannot be read (a folder
    now, its permissions taken) is a state of its own: the rebuild says why, and the watch goes on
    (before, the watch ended with the build's advice to free disk space)."""
    try:
        return hashlib.sha256(source.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"unreadable: {exc.errno}"


def watch_and_build(
    source: Path,
    editions: list[str],
    ctx: BuildContext,
    out: Callable[[str], None] = print,
    changes: Iterable[object] | None = None,
    *,
    style_dirs: Sequence[Path] = (),
    restyle: Callable[[], Path] | None = None,
    stop: threading.Event | None = None,
    after_build: Callable[[], None] | None = None,
) -> None:
    """Build once, then once per save that changed something. `changes` defaults to
    watchfiles' stream of the source's folder and the style folders an editor edits
    (`style_dirs`, default `ctx.styles_dir`: e.g. the shipped styles and the project's
    `styles/`); tests may pass their own iterable. `restyle` gives the styles folder to build
    with after a style changed (the project's overrides are laid over the shipped styles in a
    folder of their own); its error (a page no book is printed on) is said, and nothing is built
    until the styles are saved again. `stop` ends the watch. `after_build` runs after each successful
    rebuild (keeping the build cache under its size: a watch runs all day)."""
    watched_styles = list(dict.fromkeys(style_dirs or [ctx.styles_dir]))
    if changes is None:
        changes = _changes(source, watched_styles, stop)
    out(f"watching {source} and {', '.join(f'{d}/' for d in watched_styles)} (Ctrl-C stops)")
    last = (_source_state(source), _styles_state(watched_styles))
    if rebuild(source, editions, ctx, out) and after_build is not None:
        after_build()
    gone = False
    for _batch in changes:
        state = (_source_state(source), _styles_state(watched_styles))
        if state[0] is None:
            if not gone:  # said once: the folder's other changes, or its return, say nothing new
                folder = "" if source.parent.is_dir() else f", and its folder {source.parent}/ too"
                out(f"{source} is gone{folder} (deleted or being replaced); waiting for it to be saved again")
            gone = True
            continue
        gone = False
        if state == last:
            continue  # touched, or saved without a change: nothing to do
        changed_styles, last = state[1] != last[1], state
        if restyle is not None and changed_styles:
            try:  # a style saved with a page no book is printed on was built with, unchecked
                ctx = dataclasses.replace(ctx, styles_dir=restyle())
            except (PublishError, OSError) as exc:
                out(f"error: {describe_failure(exc)}")
                out("(watching: fix the styles and save again)")
                last = (state[0], "")  # checked again at the next save, never built with the old styles
                continue
        if rebuild(source, editions, ctx, out) and after_build is not None:
            after_build()
