"""Titles built on this machine: in this process (one title, or `--jobs 1`), or in a pool of
spawned worker processes, one title per worker at a time.

A pool worker imports the heavy libraries of the chosen editions once, when it starts
(WeasyPrint, the renderers and their passes), and keeps them — and every in-memory table they
load (jieba, dictionaries, the eSpeak library) — for all the titles it builds. Inside a worker
there is no second pool: each title's audio segments are made in the worker itself, since the
other workers are busy with other titles. A single title instead gets the pool for its audio
segments and the learner PDF's chapters (`ctx.executor`).
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import socket
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from pipeline import renderers
from pipeline.build import describe_failure
from pipeline.errors import PublishError
from pipeline.driver.lifeline import exit_with_parent, stop_workers
from pipeline.driver.settings import BuildSettings
from pipeline.driver.sources import TitleSource
from pipeline.driver.title import EditionResult, TitleResult, build_title


class Listener(Protocol):
    """What a progress display hears from a build (every method optional in practice)."""

    def started(self, name: str, worker: str) -> None: ...

    def edition(self, name: str, result: EditionResult) -> None: ...

    def log(self, name: str, message: str) -> None: ...

    def finished(self, result: TitleResult) -> None: ...


class Silent:
    def started(self, name: str, worker: str) -> None:
        pass

    def edition(self, name: str, result: EditionResult) -> None:
        pass

    def log(self, name: str, message: str) -> None:
        pass

    def finished(self, result: TitleResult) -> None:
        pass


def longest_first(titles: Sequence[TitleSource]) -> list[TitleSource]:
    """The order to hand titles to workers: longest first, so a long title started last does
    not leave the other workers idle at the end (results are reported in the given order)."""
    return sorted(titles, key=lambda title: -len(title.data))


def failed(title: TitleSource, message: str) -> TitleResult:
    return TitleResult(name=title.name, slug=title.slug, errors=(f"{title.name}: {message}",))


def run_in_process(titles: Sequence[TitleSource], settings: BuildSettings, out: str, cache_dir: str | None,
                   jobs: int, listener: Listener) -> Iterator[TitleResult]:
    """Titles one after another in this process; the pieces of each (audio segments, the learner
    PDF's chapters) in a pool of `jobs`."""
    worker = f"{socket.gethostname()}:{os.getpid()}"
    with _piece_pool(jobs if settings.fans_out() else 1) as pool:
        for title in titles:
            listener.started(title.name, worker)
            result = build_title(title, settings, out, cache_dir=cache_dir, executor=pool,
                                 on_edition=lambda e, n=title.name: listener.edition(n, e),
                                 on_log=lambda m, n=title.name: listener.log(n, m))
            yield result


@contextlib.contextmanager
def _piece_pool(jobs: int) -> Iterator[Any]:
    """Processes for one title's CPU-bound pieces, started only when a renderer hands them work
    (a build with nothing to do starts none). Spawned, not forked: the progress display runs a
    thread."""
    if jobs <= 1:
        yield None
        return
    # (`jobs` is at most one per core: `api.usable_jobs`)
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=exit_with_parent, initargs=(os.getpid(),))
    try:
        yield executor
    except BrokenProcessPool:
        raise PublishError("a worker process of the build stopped unexpectedly; run the build again "
                           "(everything finished so far is cached)") from None
    except (KeyboardInterrupt, GeneratorExit):  # Ctrl-C or SIGTERM: not after the running pieces
        stop_workers(executor)
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


# -- the pool of title workers --------------------------------------------------------------
_events: Any = None  # in a worker process: the queue to the client's progress display


def _start_worker(events: Any, editions: Sequence[str], parent: int) -> None:
    """Runs once in each new worker process (`parent`: the build's process id)."""
    global _events
    exit_with_parent(parent)
    _events = events
    os.environ["TTY_COMPATIBLE"] = "0"  # no progress bars from inside workers: the client draws one
    for name in editions:
        with contextlib.suppress(Exception):  # a missing module is reported by the build itself
            importlib.import_module(renderers.REGISTRY[name].partition(":")[0])


def _pool_task(title: TitleSource, settings: BuildSettings, out: str, cache_dir: str | None) -> TitleResult:
    if _events is not None:
        _events.put((title.name, f"{socket.gethostname()}:{os.getpid()}"))
    return build_title(title, settings, out, cache_dir=cache_dir)


def run_pool(titles: Sequence[TitleSource], settings: BuildSettings, out: str, cache_dir: str | None,
             jobs: int, listener: Listener) -> Iterator[TitleResult]:
    """Titles spread over `jobs` spawned worker processes, yielded as they finish."""
    context = multiprocessing.get_context("spawn")
    events = context.SimpleQueue()

    def relay() -> None:
        while (item := events.get()) is not None:
            listener.started(*item)

    relay_thread = threading.Thread(target=relay, name="publish-progress", daemon=True)
    relay_thread.start()
    pool = ProcessPoolExecutor(max_workers=max(1, min(jobs, len(titles))), mp_context=context,
                               initializer=_start_worker, initargs=(events, tuple(settings.editions), os.getpid()))
    try:
        futures = {pool.submit(_pool_task, title, settings, out, cache_dir): title for title in longest_first(titles)}
        for future in as_completed(futures):
            title = futures[future]
            try:
                yield future.result()
            except BrokenProcessPool:
                yield failed(title, "a worker process stopped unexpectedly while building it (out of memory, "
                                    "or killed); build again: everything finished so far is cached")
            except Exception as exc:  # pickling, or a bug outside build_title's own net
                yield failed(title, describe_failure(exc))
    except (KeyboardInterrupt, GeneratorExit):  # Ctrl-C, SIGTERM, or no one reads on: not after the running titles
        stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        events.put(None)
        relay_thread.join(timeout=5)
