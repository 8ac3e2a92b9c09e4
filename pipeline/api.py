"""The library API: what the `publish` command, the tests, the benchmark and Dask tasks call.

    from pipeline.api import BuildSettings, build_titles, find_titles

    titles = find_titles(["source/"])                     # files, folders, globs → TitleSource
    settings = BuildSettings(editions=("epub", "pdf"))     # every option and default, validated
    report = build_titles(titles, settings, out="output", jobs=2)
    for result in report.results: print(result.slug, result.ok)

`build_titles` never raises for a bad title: each title's `TitleResult` says what was built, what
was up to date and what failed (with file:line:col for source errors), and a failure of one
title never stops the others. It raises `pipeline.paths.UsageError` for a bad request (an
unwritable `--out` or build cache, two titles with one slug) before anything is built, and
`PublishError` when the build as a whole cannot run (no Dask scheduler at the address,
`--engine edge` offline).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.build import default_cache, usable_lock_dir
from pipeline.cache import Cache
from pipeline.config import load_config
from pipeline.errors import PublishError
from pipeline.driver.local import Listener, Silent, run_in_process, run_pool
from pipeline.driver.outputs import check_output_names, check_owners, check_sources_kept, for_workers, validate_out
from pipeline.driver.settings import BuildSettings
from pipeline.driver.sources import TitleSource, check_collisions, find_source_paths, read_titles
from pipeline.driver.styles import style_overrides
from pipeline.driver.title import EditionResult, TitleResult, build_title
from pipeline.paths import UsageError, writable_cache_dir

__all__ = [
    "BuildSettings", "CatalogueResult", "EditionResult", "Listener", "TitleResult", "TitleSource",
    "build_title", "build_titles", "default_jobs", "usable_jobs", "find_titles", "settings_for_project",
]


@dataclass(frozen=True)
class CatalogueResult:
    """Every title's result, in the order the titles were given."""

    results: tuple[TitleResult, ...]
    seconds: float
    runner: str  # "in-process", "2 local processes", "dask tcp://…"

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def failed(self) -> list[TitleResult]:
        return [r for r in self.results if not r.ok]


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def usable_jobs(jobs: int | None, scheduler: str | None, log: Callable[[str], None]) -> int:
    """How many processes build at once on this machine: `jobs`, at most one per core (default:
    one per core). The one rule for the title pool, a single title's pieces and `--scheduler
    local`: before, only the pieces' pool was capped, so `--jobs 64` started 64 title workers or
    a LocalCluster of 64 processes on a 2-core machine, each loading WeasyPrint and the
    dictionaries (out of memory, and slower than one per core). A remote scheduler's workers are
    its own (`--jobs` is not theirs to size)."""
    cores = default_jobs()
    if scheduler and scheduler != "local":
        return max(1, jobs or cores)
    if jobs is not None and jobs > cores:
        log(f"--jobs {jobs}: this machine has {cores} core(s), so {cores} build at once")
        return cores
    return max(1, jobs or cores)


def find_titles(arguments: Iterable[str | Path] = (), project_dir: Path = Path(".")) -> list[TitleSource]:
    """The titles named by files, folders and globs (none: every `*.md` in `source/`), read."""
    return read_titles(find_source_paths(arguments, project_dir))


def settings_for_project(project_dir: Path = Path("."), **options: object) -> BuildSettings:
    """Settings with the project's own `styles/` laid over the shipped styles, and its
    `publish.toml`'s cache size."""
    try:
        limit = load_config(project_dir).cache.max_size
    except PublishError as exc:  # the project's own settings: a usage mistake, nothing built
        raise UsageError(str(exc)) from None
    return BuildSettings(**{"cache_limit": limit, **options},  # type: ignore[arg-type]
                         style_overrides=style_overrides(project_dir))


def build_titles(
    titles: Sequence[TitleSource],
    settings: BuildSettings,
    out: str | Path = "output",
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    cache_dir: Path | None = None,
    listener: Listener | None = None,
    log: Callable[[str], None] = print,
) -> CatalogueResult:
    """Build every title; results in the order given.

    `jobs` (default: every core) processes on this machine, or, with `scheduler` (a Dask
    address such as "tcp://host:8786", or "local" for a LocalCluster of `jobs` workers), tasks
    on a Dask cluster. `out` is a folder or an fsspec URL every worker can write. `cache_dir`
    defaults to the project's `.cache/publish` here; Dask workers on other machines use their
    own (`$PUBLISH_CACHE_DIR` or the user's cache folder)."""
    started = time.perf_counter()
    listener = listener or Silent()
    jobs = usable_jobs(jobs, scheduler, log)
    if scheduler and scheduler != "local":
        from pipeline.driver.cluster import check_address

        check_address(scheduler)  # a typo or the dashboard's link: before anything is created
    if len({t.name for t in titles}) != len(titles):
        raise UsageError("the same source is named twice: give each title once")
    check_collisions(list(titles))
    local_cache = str(cache_dir or default_cache(Path.cwd()).root)
    if not scheduler or scheduler == "local":  # the cache this machine writes
        writable_cache_dir(Path(local_cache))
        usable_lock_dir()
    out = validate_out(str(out))
    check_output_names(out, [t.slug for t in titles], list(settings.editions))
    check_sources_kept(out, [(t.name, t.slug) for t in titles], list(settings.editions))
    check_owners(out, [(t.name, t.data, t.slug) for t in titles], list(settings.editions), local_cache)
    in_use = contextlib.ExitStack()  # `publish clean-cache` waits for no one: it refuses while this holds
    if not scheduler or scheduler == "local":
        in_use.enter_context(Cache(Path(local_cache)).in_use())
    with in_use:
        settings = settings.resolved(log)
        results: dict[str, TitleResult] = {}

        def collect(stream: Iterable[TitleResult]) -> None:
            for result in stream:
                results[result.name] = result
                listener.finished(result)

        if scheduler:
            from pipeline.driver.cluster import connect, run_dask

            with connect(scheduler, jobs, log) as client:
                # A LocalCluster shares this machine's disk, and so the project's cache; workers of a
                # real cluster keep their own.
                worker_cache = local_cache if scheduler == "local" else (str(cache_dir) if cache_dir else None)
                collect(run_dask(client, titles, settings, for_workers(out), worker_cache, listener))
            runner = f"dask {scheduler}"
        elif jobs == 1 or len(titles) <= 1:
            collect(run_in_process(titles, settings, out, local_cache, jobs, listener))
            runner = f"in-process, audio on {jobs} processes" if jobs > 1 and settings.needs_engine() else "in-process"
        else:
            workers = min(jobs, len(titles))
            collect(run_pool(titles, settings, out, local_cache, workers, listener))
            runner = f"{workers} local processes"
    ordered = tuple(results[t.name] for t in titles if t.name in results)
    return CatalogueResult(results=ordered, seconds=time.perf_counter() - started, runner=runner)
