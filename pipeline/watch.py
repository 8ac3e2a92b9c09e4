"""`publish watch`: rebuild chosen editions whenever the source or the styles change.

A source that is briefly invalid while being typed is reported and the watch goes on; the
previous outputs stay as they were until the source reads cleanly again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from pipeline.build import build_editions
from pipeline.errors import PublishError
from pipeline.reader import read_source
from pipeline.renderers.base import BuildContext


def rebuild(source: Path, editions: list[str], ctx: BuildContext, out: Callable[[str], None]) -> bool:
    """One rebuild; True when it succeeded. Errors are printed, never raised."""
    started = time.perf_counter()
    try:
        doc = read_source(source)
        outcomes = build_editions(doc, editions, ctx)
    except PublishError as exc:
        out(f"error: {exc}")
        out("(watching: fix the source and save again)")
        return False
    rebuilt = [o.edition for o in outcomes if o.rebuilt]
    took = time.perf_counter() - started
    out(f"rebuilt {', '.join(rebuilt) or 'nothing (no change)'} in {took:.2f}s")
    return True


def watch_and_build(
    source: Path,
    editions: list[str],
    ctx: BuildContext,
    out: Callable[[str], None] = print,
    changes: Iterable[object] | None = None,
) -> None:
    """Build once, then once per batch of changes. `changes` defaults to watchfiles' stream
    of the source file and the styles folder (tests pass their own iterable)."""
    if changes is None:
        from watchfiles import watch

        changes = watch(source, ctx.styles_dir, debounce=200, raise_interrupt=False)
    out(f"watching {source} and {ctx.styles_dir}/ (Ctrl-C stops)")
    rebuild(source, editions, ctx, out)
    for _batch in changes:
        rebuild(source, editions, ctx, out)
