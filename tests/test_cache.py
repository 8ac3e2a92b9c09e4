"""The build cache keeps under its size: the entries used longest ago go first, never one used
within the hour, and a read counts as a use."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from pipeline.api import settings_for_project
from pipeline.cache import PRUNE_STAMP, RECENT, Cache, key
from pipeline.paths import UsageError

DAY = 86400.0


def _put(cache: Cache, name: str, size: int, age: float) -> str:
    digest = key(name)
    cache.put("things", digest, b"x" * size)
    path = cache.path_for("things", digest)
    assert path is not None
    when = time.time() - age
    os.utime(path, (when, when))
    return digest


def _kept(cache: Cache, digests: dict[str, str]) -> set[str]:
    assert cache.root is not None
    present = {p.name for p in cache.root.rglob("*") if p.is_file()}
    return {name for name, digest in digests.items() if digest in present}


def test_the_oldest_entries_go_until_the_cache_fits(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    digests = {name: _put(cache, name, 1000, age) for name, age in
               (("oldest", 5 * DAY), ("old", 3 * DAY), ("older", 4 * DAY), ("new", 2 * DAY))}
    pruned = cache.prune(2000)
    assert _kept(cache, digests) == {"old", "new"}
    assert (pruned.removed, pruned.freed, pruned.kept) == (2, 2000, 2000)
    assert cache.prune(2000).removed == 0  # already fits


def test_reading_an_entry_keeps_it(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    digests = {name: _put(cache, name, 1000, age) for name, age in (("read", 5 * DAY), ("unread", 2 * DAY))}
    assert cache.get("things", digests["read"]) == b"x" * 1000
    cache.prune(1000)
    assert _kept(cache, digests) == {"read"}


def test_a_path_handed_out_counts_as_a_use(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    digests = {name: _put(cache, name, 1000, age) for name, age in (("path", 5 * DAY), ("other", 2 * DAY))}
    assert cache.path_for("things", digests["path"]) is not None
    cache.prune(1000)
    assert _kept(cache, digests) == {"path"}


def test_an_entry_used_within_the_hour_is_never_removed(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    digests = {name: _put(cache, name, 1000, age) for name, age in
               (("stale", 2 * DAY), ("recent", RECENT / 2), ("now", 0))}
    pruned = cache.prune(0)
    assert _kept(cache, digests) == {"recent", "now"}
    assert pruned.kept == 2000


def test_only_entries_count_not_styles_stamps_or_files_being_written(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    old = time.time() - 9 * DAY
    others = [tmp_path / "styles" / ("a" * 64) / "pdf.css", tmp_path / "things" / "ab" / ".abcd.part",
              tmp_path / PRUNE_STAMP]
    for path in others:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"y" * 5000)
        os.utime(path, (old, old))
    digest = _put(cache, "entry", 10, 8 * DAY)
    pruned = cache.prune(0)
    assert pruned.removed == 1 and pruned.freed == 10
    assert all(path.exists() for path in others)
    assert cache.get("things", digest) is None


def test_pruning_is_due_at_most_once_an_hour_and_never_without_a_limit(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    _put(cache, "first", 1000, 3 * DAY)
    assert cache.prune_if_due(None) is None and cache.prune_if_due(0) is None
    assert cache.prune_if_due(10).removed == 1
    _put(cache, "second", 1000, 3 * DAY)
    assert cache.prune_if_due(10) is None  # pruned a moment ago
    later = time.time() + 2 * 3600
    assert cache.prune_if_due(10, now=later).removed == 1
    assert Cache(None).prune_if_due(10) is None and Cache(tmp_path / "missing").prune_if_due(10) is None


@pytest.mark.parametrize(("written", "expected"), [
    (None, 5 * 1024**3), ('"500 MB"', 500 * 10**6), ('"2 GiB"', 2 * 1024**3), ("0", 0), ("1048576", 1048576)])
def test_the_size_comes_from_publish_toml(tmp_path: Path, written: str | None, expected: int) -> None:
    if written is not None:
        (tmp_path / "publish.toml").write_text(f"[cache]\nmax_size = {written}\n", encoding="utf-8")
    assert settings_for_project(tmp_path, editions=("epub",)).cache_limit == expected


def test_a_size_that_is_not_one_is_a_usage_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "publish.toml").write_text('[cache]\nmax_size = "lots"\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"publish\.toml.*\[cache\] max_size: not a size"):
        settings_for_project(tmp_path, editions=("epub",))


def test_a_build_prunes_old_entries_and_keeps_its_own(tmp_path: Path) -> None:
    from pipeline import api
    from tests.titles import variant, write

    write(tmp_path / "source", "a.md", variant(1))
    cache = Cache(tmp_path / "cache")
    digests = {name: _put(cache, name, 200_000, 3 * DAY) for name in ("stale", "staler")}
    titles = api.find_titles([tmp_path / "source" / "a.md"])
    report = api.build_titles(titles, api.BuildSettings(editions=("epub",), cache_limit=100_000), tmp_path / "out",
                              jobs=1, cache_dir=tmp_path / "cache")
    assert report.ok
    assert _kept(cache, digests) == set()
    assert any("removed 2 old cache entries" in line for result in report.results for line in result.log)
    # The build's own entries, just used, stay even over the limit: the next build reuses them.
    assert cache.prune(0).removed == 0 and cache.prune(0).kept > 0


def test_a_watch_prunes_after_its_rebuilds(tmp_path: Path, monkeypatch) -> None:
    """`publish watch` runs all day: it keeps the cache under publish.toml's size too."""
    import pipeline.watch
    from typer.testing import CliRunner

    from pipeline.build import default_cache
    from pipeline.cli import app
    from tests.titles import variant, write

    write(tmp_path / "source", "a.md", variant(1))
    (tmp_path / "publish.toml").write_text('[cache]\nmax_size = "100 kB"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cache = default_cache(tmp_path)
    digests = {name: _put(cache, name, 200_000, 3 * DAY) for name in ("stale", "staler")}
    watch_once = pipeline.watch.watch_and_build
    monkeypatch.setattr(pipeline.watch, "watch_and_build",
                        lambda *args, **kw: watch_once(*args, **{**kw, "changes": []}))
    result = CliRunner().invoke(app, ["watch", "epub", "--out", "built"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "built" / "a.epub").exists() or any((tmp_path / "built").rglob("*.epub"))
    assert _kept(cache, digests) == set()
    assert "removed 2 old cache entries" in result.output


def test_storing_an_entry_does_no_work_beyond_writing_and_renaming(tmp_path: Path, monkeypatch) -> None:
    """A cold learner PDF stores some 450 entries, each with its checksum: every `mkdir` of an
    existing folder and `chmod` by path was ~1 ms of CPU a put (a quarter of a second a build)."""
    cache = Cache(tmp_path)
    first = key("first")
    cache.put("things", first, b"x")  # (makes the namespace's folder and this bucket)
    calls: list[str] = []
    for name in ("mkdir", "chmod"):
        real = getattr(os, name)
        monkeypatch.setattr(os, name, lambda *args, _real=real, _name=name, **kw: calls.append(_name) or _real(*args, **kw))
    digest = first[:2] + key("second")[2:]  # (in the same bucket)
    cache.put("things", digest, b"second entry")
    assert calls == []
    assert cache.get("things", digest) == b"second entry"


def test_a_stored_entry_is_whole_readable_by_all_and_a_failed_write_leaves_the_old_one(tmp_path: Path, monkeypatch) -> None:
    cache = Cache(tmp_path / "not" / "yet")  # folders made as needed
    digest = key("entry")
    old_mask = os.umask(0o077)
    try:
        cache.put("things", digest, b"old")
    finally:
        os.umask(old_mask)
    path = cache.path_for("things", digest)
    assert path is not None and (path.stat().st_mode & 0o777) == 0o644
    assert (path.with_name(path.name + ".sum").stat().st_mode & 0o777) == 0o644

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        cache.put("things", digest, b"new")
    monkeypatch.undo()
    assert cache.get("things", digest) == b"old"
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".part")] == []
