"""The twelfth CLI sweep, judged on what an editor sees (the exit code, one `error: …` line and
never a traceback, the files on disk), on a title written for this file. Run in this process
but where a pipe, a locale or the environment needs its own; the one site written here is made
of stand-in editions (tests/site/sitetools.py).

- a full disk midway through the site step left `output/site/` part old, part new (the title's
  new page beside the old feeds): the step now writes beside the site and swaps it in whole
  (`pipeline.site.staging`);
- `--out source` (or a folder inside it) wrote every
  edition and the site among the sources;
- `publish --version extra` printed the versions and exited 0, the extra word unread;
- with caching off, a font for WeasyPrint was written into the temp folder in place
  (`write_bytes`), so a full disk left half a font there, and a worker writing it truncated
  the file another worker was reading.
"""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from tests.test_cli_misuse6 import invoke
from tests.test_cli_misuse7 import one_error

POND = """---
id: urn:uuid:7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
slug: reed-pond
title: 芦苇荡
language: zh-Hans
authors: [祁远]
editor: 贝宁
outlet: 河湾晚报
date: 2025-09-03
description: 河湾的护苇人说起芦苇荡里的秋天。
rights: "© 2025 河湾晚报。"
speakers:
  - id: laoqi
    name: 祁长顺
    role: 护苇人
---

芦苇荡在河湾东头，秋天一到，满眼都是白花。

## 您护苇多少年了？

::: answer laoqi
十五年了，哪年的苇子都没少长。
:::
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "reed-pond.md").write_text(POND, encoding="utf-8")
    return tmp_path


# -- --version takes nothing else -------------------------------------------------------------------
@pytest.mark.parametrize("args", [["--version", "extra"], ["--version", "check"], ["-q", "--version", "--jobs", "2"]])
def test_version_with_another_word_is_a_usage_error(project: Path, args: list[str]) -> None:
    """Before: the versions, exit 0, as if `extra` (or the command after it) had been understood."""
    result = invoke(project, *args)
    given = " ".join(a for a in args if a not in ("--version", "-q"))
    assert one_error(result) == (f"error: --version takes nothing else (given: {given}): run 'publish --version' "
                                 f"alone; see 'publish --help'")
    assert "WeasyPrint" not in result.stdout


def test_version_alone_and_a_file_named_like_it_after_the_command(project: Path) -> None:
    assert invoke(project, "-q", "--version").stdout.startswith("publish ")
    result = invoke(project, "check", "--", "--version")  # a file of that name: not the option
    assert result.exit_code == 2 and "takes nothing else" not in result.stderr


# -- the output folder among the sources ------------------------------------------------------------
@pytest.mark.parametrize(("args", "where"), [
    (["script", "--out", "source"], "is the sources folder source/"),
    (["epub", "--out", "source/editions"], "is inside the sources folder source/"),
    (["pdf", "--out", "./source/../source/"], "is the sources folder source/"),
    (["site", "--base-url", "https://reeds.example/", "--out", "source/web"], "is inside the sources folder source/"),
    (["watch", "--out", "source"], "is the sources folder source/"),
])
def test_out_among_the_sources_is_refused_before_anything_is_made(project: Path, args: list[str],
                                                                   where: str) -> None:
    """Before: every edition (and the site, and its manifest) written among the sources, where
    every later `publish` looked through them for titles."""
    (project / "drafts").mkdir()
    (project / "drafts" / "reed-pond-2.md").write_text(POND.replace("slug: reed-pond", "slug: reed-pond-2"),
                                                       encoding="utf-8")
    before = sorted(p.relative_to(project) for p in project.rglob("*") if ".cache" not in p.parts[len(project.parts):])
    out = args[args.index("--out") + 1]
    assert one_error(invoke(project, *args)) == (
        f"error: --out {out} {where}: the editions would be written among the sources, and every later 'publish' "
        f"would look through them for titles; pass --out a folder outside it, e.g. --out output (nothing was built)")
    after = sorted(p.relative_to(project) for p in project.rglob("*") if ".cache" not in p.parts[len(project.parts):])
    assert after == before  # not even the folder was created


@pytest.mark.parametrize("out", [".cache-test", ".cache-test/editions"])
def test_out_in_the_build_cache_is_refused(project: Path, out: str) -> None:
    """Before: the editions were written among the cached files (`PUBLISH_CACHE_DIR`, as `invoke`
    sets it), where `publish clean-cache` then warned of files the cache did not write."""
    where = "the build cache folder" if out == ".cache-test" else "inside the build cache folder"
    assert one_error(invoke(project, "script", "--out", out)) == (
        f"error: --out {out} is {where} .cache-test/: the editions would be written among the cached files, which "
        f"'publish clean-cache' and the cache's size limit manage; pass --out a folder outside it, e.g. --out output "
        f"(nothing was built)")
    assert not (project / ".cache-test").exists()


def test_out_beside_the_sources_is_fine(project: Path, monkeypatch) -> None:
    """`publish all .` (the project itself named) builds into ./output as ever."""
    from pipeline.driver.outputs import check_out_apart

    monkeypatch.chdir(project)
    check_out_apart("output")
    check_out_apart("source-editions")
    check_out_apart("drafts/out")  # a folder of drafts built beside itself


def test_a_folder_of_drafts_builds_into_itself_twice(project: Path) -> None:
    """A folder named as SOURCES is not refused as `--out` (as `source/` is): its podcast scripts
    are passed over when it is read again, and a folder inside it is not read."""
    (project / "drafts").mkdir()
    (project / "drafts" / "reed-pond-2.md").write_text(POND.replace("slug: reed-pond", "slug: reed-pond-2"),
                                                       encoding="utf-8")
    for out in ("drafts", "drafts", "drafts/out"):
        result = invoke(project, "script", "drafts", "--out", out)
        assert result.exit_code == 0, result.output
    assert (project / "drafts" / "reed-pond-2-script.md").is_file()
    assert (project / "drafts" / "out" / "reed-pond-2-script.md").is_file()


# -- fonts written with caching off ------------------------------------------------------------------
def test_a_font_written_without_a_cache_is_whole_or_absent(tmp_path: Path, monkeypatch) -> None:
    """Before: `path.write_bytes(data)` at the font's own name in the temp folder: a full disk
    left half a font there (and a second worker writing the same name truncated it under the
    first one's WeasyPrint)."""
    import tempfile

    from pipeline import fonts
    from pipeline.cache import Cache

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    real_write = Path.write_bytes

    def half_then_full(self: Path, data: bytes) -> int:
        real_write(self, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", half_then_full)
    with pytest.raises(OSError):
        fonts.last_resort_file("\U0002B740", Cache(None))
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    monkeypatch.setattr(Path, "write_bytes", real_write)
    path = fonts.last_resort_file("\U0002B740", Cache(None))
    assert path.read_bytes() == fonts.last_resort("\U0002B740", Cache(None))
    assert fonts.last_resort_file("\U0002B740", Cache(None)) == path


# -- a full disk midway through the site step -------------------------------------------------------
def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_full_disk_midway_through_the_site_leaves_the_old_site_whole(tmp_path: Path, monkeypatch) -> None:
    """Before: each file was written whole, but into place one by one: the title's new page stood
    beside the old feeds and catalogue. Now all old or all new; a site folder that is a symbolic
    link (to where it is served) stays one."""
    import pipeline.site.publish as site_publish
    from pipeline.build import STYLES_DIR
    from pipeline.cache import Cache
    from tests.site.sitetools import BASE_URL, built_title, config, document

    out, served = tmp_path / "output", tmp_path / "served"
    served.mkdir()
    out.mkdir()
    (out / "site").symlink_to(served)
    title = built_title(out, document(POND), audio=False)
    cache = Cache(tmp_path / "cache")
    # the fonts and covers as stand-in bytes that change with what they are made from (not what is tested here)
    monkeypatch.setattr(site_publish.fonts, "subsets",
                        lambda faces, text, _cache, flavor: {face: f"{face} {text}".encode() for face in faces})
    monkeypatch.setattr(site_publish, "cover_png", lambda meta, _cache, size: f"{meta.description} {size}".encode())

    def publish(description: str):
        meta = title.doc.meta.model_copy(update={"description": description})
        edited = title.__class__(title.source, title.doc.model_copy(update={"meta": meta}), title.outputs)
        return site_publish.publish_site([edited], out, config(), BASE_URL, cache, STYLES_DIR, log=lambda m: None)

    def left_beside() -> list[str]:  # a copy of the site, or the old one, beside it (or beside its link)
        return [p.name for p in (*tmp_path.iterdir(), *out.iterdir()) if p.name.startswith((".served", ".site."))]

    publish("河湾的护苇人说起芦苇荡里的秋天。")
    assert (out / "site").is_symlink() and (served / "reed-pond" / "index.html").is_file()  # swapped at the target
    before, manifest = _tree(served), (out / ".site-manifest.json").read_bytes()
    real_write = site_publish.atomic_write

    def full_at_the_feed(target: Path, data, together=None) -> None:
        if target.name == "feed.xml":
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(target, data, together)

    monkeypatch.setattr(site_publish, "atomic_write", full_at_the_feed)
    with pytest.raises(OSError):
        publish("护苇人说起今年的新苇子。")
    assert _tree(served) == before  # the new page was written before the feed: not in the site
    assert (out / ".site-manifest.json").read_bytes() == manifest
    assert left_beside() == []


# -- a copy of a source beside it -------------------------------------------------------------------
COPIES = ["reed-pond (1).md", "reed-pond(2).md", "reed-pond（1）.md", "reed-pond - Copy.md", "reed-pond copy.md",
          "reed-pond copy 2.md", "Copy of reed-pond.md", "reed-pond - 副本.md", "reed-pond副本.md",
          "reed-pond 的副本.md", "reed-pond (贝宁's conflicted copy 2025-09-04).md",
          "reed-pond.sync-conflict-20250904-101010-ABCDEFG.md"]


@pytest.mark.parametrize("copy", COPIES)
def test_a_copy_beside_a_source_is_reported_not_built(project: Path, copy: str, monkeypatch) -> None:
    """Before: `reed-pond (1).md` (a browser's download, Explorer's Ctrl-C Ctrl-V, a sync
    conflict) was a second title with the first one's id, or 'the same slug' with no word of
    where it came from."""
    from pipeline.driver.sources import find_source_paths
    from pipeline.paths import UsageError

    monkeypatch.chdir(project)
    (project / "source" / copy).write_text(POND.replace("slug: reed-pond\n", ""), encoding="utf-8")
    for arguments in ([], ["source"]):
        with pytest.raises(UsageError) as refused:
            find_source_paths(arguments, Path("."))
        assert str(refused.value).startswith(f"source/{copy} is named like a copy of source/reed-pond.md (")


def test_a_copy_named_on_the_command_line_or_alone_is_a_title(project: Path, monkeypatch) -> None:
    """Named on the command line it is built as named; with no original beside it, or a name that
    only ends in a number, it is a title of its own."""
    from pipeline.driver.sources import find_source_paths

    copy = project / "source" / "reed-pond (1).md"
    copy.write_text(POND.replace("slug: reed-pond\n", ""), encoding="utf-8")
    result = invoke(project, "epub")
    assert one_error(result) == ("error: source/reed-pond (1).md is named like a copy of source/reed-pond.md (a file "
                                 "manager's or browser's duplicate): delete it, or move it out of source/; a title of "
                                 "its own needs a name of its own (nothing was built)")
    assert not (project / "output").exists()
    monkeypatch.chdir(project)
    assert find_source_paths(["source/reed-pond (1).md"], Path(".")) == [Path("source/reed-pond (1).md")]
    (project / "source" / "reed-pond.md").rename(project / "source" / "reed-pond 2.md")
    assert find_source_paths([], Path(".")) == [Path("source/reed-pond (1).md"), Path("source/reed-pond 2.md")]


# -- a scheduler that is not there ------------------------------------------------------------------
def test_a_scheduler_nobody_started_is_said_at_once(tmp_path: Path) -> None:
    """Before: distributed retried a refused connection for 10 s, then 'Timed out trying to
    connect': the scheduler not started (or a port mistyped) read as a slow network."""
    import socket

    from pipeline.driver.cluster import connect
    from pipeline.errors import PublishError

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(PublishError) as refused:
        with connect(f"tcp://127.0.0.1:{port}", 1, lambda m: None):
            pass
    assert str(refused.value).startswith(f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port} (nothing "
                                         f"listens on port {port} of 127.0.0.1: connection refused): start one")


# -- the parser's own printing to a full standard output ----------------------------------------------
class _Full(io.RawIOBase):
    """A standard output on a full disk (`> /dev/full`)."""

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["--version"], ["--show-completion", "bash"]])
def test_help_or_version_into_a_full_disk_says_so(project: Path, monkeypatch, args: list[str]) -> None:
    """Before: 'error: No space left on device (the previous outputs are intact; free disk space or
    fix the permissions, then build again)', a failed build's words for a help page."""
    import sys

    import pipeline.cli

    class Left(Exception):
        pass

    def leave(code: object) -> None:
        raise Left(code)

    err = io.StringIO()
    monkeypatch.chdir(project)
    monkeypatch.setattr(sys, "argv", ["publish", *args])
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(_Full()), encoding="utf-8"))
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(pipeline.cli, "leave", leave)
    monkeypatch.setattr(pipeline.cli, "prepare_standard_streams", lambda: None)
    monkeypatch.setattr(pipeline.cli, "install_stop_signals", lambda: None)
    with pytest.raises(Left) as left:
        pipeline.cli.main()
    assert left.value.args == (1,)
    assert err.getvalue().splitlines() == [
        "error: cannot write to standard output (No space left on device): check where the output is sent "
        "(a full disk?)"]
