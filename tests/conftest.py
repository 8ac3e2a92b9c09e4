"""Shared fixtures: the two real titles, read once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from pipeline.build import prepare
from pipeline.cache import Cache
from pipeline.model import Document
from pipeline.reader import read_source

# No hypothesis deadline anywhere: timing belongs in benchmarks/, and a slow shared machine
# would make a deadline fail at random. Tests keep their own example counts.
settings.register_profile("publish", deadline=None)
settings.load_profile("publish")

ROOT = Path(__file__).resolve().parent.parent

# The test files that build whole books (a minute or more each on this 2-core machine), longest
# first. `make test` runs two workers a file at a time (`--dist loadfile`) and hands files out in
# collection order (`--no-loadscope-reorder`: xdist's own order, most tests first, started these
# last, so one worker finished them alone while the other idled). Longest first keeps both busy
# to the end. Order only: each file still runs whole in one worker.
LONGEST_FIRST = (  # (measured: each file's setup and call times summed, from `--durations=0`)
    "tests/test_crash_safety.py",
    "tests/test_end_to_end.py",
    "tests/renderers/test_pdf_parts.py",
    "tests/renderers/test_epub_learner.py",
    "tests/test_newsroom_sources5.py",
    "tests/test_cli_misuse.py",
    "tests/test_newsroom_sources.py",
    "tests/renderers/test_pdf_learner.py",
    "tests/renderers/test_accessibility.py",
    "tests/test_cli.py",
    "tests/site/test_site_browser.py",
    "tests/test_dask.py",
    "tests/test_reader_broken4.py",
    "tests/test_driver.py",
    "tests/test_install.py",
    "tests/test_watch.py",
    "tests/site/test_site_odd_titles.py",
    "tests/test_interrupts.py",
)


def as_from_a_terminal() -> None:
    """`preexec_fn` for a command a test stops with a signal: Ctrl-C, SIGTERM and SIGHUP at their
    defaults and unblocked, as a terminal starts it. A child inherits ignored and blocked signals,
    and a pytest worker's state is not a terminal's (a run under `nohup` ignores SIGHUP; once, in
    a full run, a worker's children ignored Ctrl-C and ran to the end)."""
    import signal

    stops = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)
    for signum in stops:
        signal.signal(signum, signal.SIG_DFL)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}

    def place(item: pytest.Item) -> int:
        return rank.get(Path(str(item.path)).relative_to(ROOT).as_posix(), len(rank))

    items.sort(key=place)  # (stable: the rest keep their order)
FIRST_TITLE = ROOT / "source" / "sora-reactions.md"
TEST_TITLE = ROOT / "tests" / "fixtures" / "test-title.md"
SEED = ROOT / "tests" / "fixtures" / "seed" / "000_8a3c4b0792094f43.txt"  # the raw copy, as delivered


@pytest.fixture(scope="session")
def first_title() -> Document:
    return prepare(read_source(FIRST_TITLE))


@pytest.fixture(scope="session")
def test_title() -> Document:
    return prepare(read_source(TEST_TITLE))


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory) -> Cache:
    """One build cache for the whole run, shared by both xdist workers (it lives in the run's
    temporary folder, the parent of each worker's own): the cache is content-keyed and safe under
    concurrent writers (README, "Cache and incremental builds"), so a book two test files build
    the same way is annotated, subset and laid out once a run (the first title's pinyin: the
    learner PDF's and EPUB's tests; the plain EPUB: test_epub and test_accessibility). A fresh
    run starts empty. Only for tests that read what they build, never for tests of the cache."""
    base = tmp_path_factory.getbasetemp()
    return Cache((base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared-cache")


@pytest.fixture(scope="session", autouse=True)
def _cli_built_once():
    """Typer's test runner rebuilds the whole Click command tree from the app's signatures on
    every `invoke` (about 35 ms of CPU, thousands of times a run); the real `publish` builds it
    once per process, so the tests do too. The tree holds no state between invocations."""
    import typer.testing

    built: dict[int, tuple[object, object]] = {}
    original = typer.testing._get_command

    def once(app):  # type: ignore[no-untyped-def]
        if id(app) not in built:
            built[id(app)] = (app, original(app))  # the app kept alive, so its id is not reused
        return built[id(app)][1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.testing, "_get_command", once)
        yield
