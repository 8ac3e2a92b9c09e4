"""A progress bar for the long steps of the audio build: items done, time spent, time left.

Shown on a terminal only (stderr), so logs and tests stay clean: a real one (`streams.live_allowed`),
not a pipe that FORCE_COLOR made Rich call a terminal, not TERM=dumb, not under NO_COLOR.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from pipeline.streams import live_allowed

Advance = Callable[[], None]


@contextlib.contextmanager
def progress(description: str, total: int, *, console: Console | None = None) -> Iterator[Advance]:
    """Yield a function that marks one item done."""
    console = console or Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("elapsed"),
               TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True, disable=not live_allowed(console.file) or total == 0) as bar:
        task = bar.add_task(description, total=total)
        yield lambda: bar.advance(task)
