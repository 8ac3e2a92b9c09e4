"""The build driver's smaller decisions, each against a yardstick written here: what makes an
edition out of date, what an Outcome reports, what an editor reads when a build fails, which
files a sweep or a digest sees, and where locks and the cache live.

(Found by `make mutate`: each test kills mutants of pipeline/build.py that the end-to-end build
tests let live.)"""

from __future__ import annotations

import errno
import fnmatch
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from pipeline import build as build_module
from pipeline.build import LocalTarget, build_editions, default_cache, describe_failure, glob_escape, lock_dir, tree_digest
from pipeline.cache import Cache
from pipeline.errors import PublishError
from tests.test_build import context, doc_of, registry  # noqa: F401  (registry is a fixture)


def built(outcomes) -> list[bool]:
    return [o.rebuilt for o in outcomes]


def test_an_outcome_says_which_edition_what_it_wrote_and_how_long_it_took(tmp_path: Path, registry) -> None:
    ctx = context(tmp_path)
    for rebuilt in (True, False):  # the build, then the up-to-date check
        before = time.perf_counter()
        [outcome] = build_editions(doc_of(), ["text"], ctx)
        elapsed = time.perf_counter() - before
        assert (outcome.edition, outcome.outputs, outcome.rebuilt, outcome.error) == (
            "text", [tmp_path / "out" / "t.txt"], rebuilt, None)
        assert 0 <= outcome.seconds <= elapsed


def test_on_done_hears_each_outcome_as_it_is_returned(tmp_path: Path, registry) -> None:
    heard = []
    outcomes = build_editions(doc_of(), ["broken", "text"], context(tmp_path), keep_going=True, on_done=heard.append)
    assert heard == outcomes and len(heard) == 2


def test_a_failed_edition_is_reported_with_where_the_build_was_writing(tmp_path: Path, registry, monkeypatch) -> None:
    """A full disk raises an OSError that names no file: the outcome says where the build wrote."""
    from tests.test_build import BrokenRenderer

    def full(self, doc, ctx):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(BrokenRenderer, "build", full)
    out = tmp_path / "deep" / "er" / "out"  # folders that do not exist yet are made
    ctx = context(tmp_path)
    ctx = type(ctx)(out_dir=out, cache=ctx.cache, styles_dir=ctx.styles_dir, log=ctx.log)
    before = time.perf_counter()
    [outcome] = build_editions(doc_of(), ["broken"], ctx, keep_going=True)
    elapsed = time.perf_counter() - before
    assert (outcome.edition, outcome.outputs, outcome.rebuilt, outcome.status) == ("broken", [], False, "failed")
    assert 0 <= outcome.seconds <= elapsed
    assert outcome.error == (f"while writing into {out.resolve()} or the cache {tmp_path / 'cache'}: No space left on "
                             "device (the previous outputs are intact; free disk space or fix the permissions, then "
                             "build again)")


def test_each_input_of_the_up_to_date_key_counts(tmp_path: Path, registry, monkeypatch) -> None:
    """The same cache, and one input changed at a time: the output folder, the build date, the
    pipeline's code, the edition's name. Each must rebuild; the unchanged repeat must not."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    ctx = context(tmp_path)
    assert built(build_editions(doc_of(), ["text"], ctx)) == [True]
    assert built(build_editions(doc_of(), ["text"], ctx)) == [False]
    elsewhere = type(ctx)(out_dir=tmp_path / "other", cache=ctx.cache, styles_dir=ctx.styles_dir, log=ctx.log)
    assert built(build_editions(doc_of(), ["text"], elsewhere)) == [True]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert built(build_editions(doc_of(), ["text"], ctx)) == [True]
    assert built(build_editions(doc_of(), ["text"], ctx)) == [False]
    monkeypatch.setattr(build_module, "code_digest", lambda: "a new version of publish")
    assert built(build_editions(doc_of(), ["text"], ctx)) == [True]
    # a second edition with the same options, renderer and outputs is still its own edition
    monkeypatch.setitem(build_module.renderers.REGISTRY, "text2", "tests.test_build:TextRenderer")
    monkeypatch.setitem(build_module.renderers.OUTPUT_NAMES, "text2", ("{slug}.txt",))
    monkeypatch.setitem(build_module.renderers.OPTIONS, "text2", ("upper",))
    assert built(build_editions(doc_of(), ["text2"], ctx)) == [True]


def test_a_copy_of_the_output_folder_is_another_place(tmp_path: Path, registry) -> None:
    """The output location is part of the key: a folder copied with its files' times (cp -p,
    rsync -a) looks the same file by file, yet is not where this build wrote."""
    ctx = context(tmp_path)
    build_editions(doc_of(), ["text"], ctx)
    shutil.copytree(tmp_path / "out", tmp_path / "copy", copy_function=shutil.copy2)
    copy = type(ctx)(out_dir=tmp_path / "copy", cache=ctx.cache, styles_dir=ctx.styles_dir, log=ctx.log)
    assert built(build_editions(doc_of(), ["text"], copy)) == [True]


def test_without_a_cache_a_failure_names_only_the_output_folder(tmp_path: Path, registry, monkeypatch) -> None:
    from tests.test_build import BrokenRenderer

    def full(self, doc, ctx):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(BrokenRenderer, "build", full)
    ctx = context(tmp_path)
    ctx = type(ctx)(out_dir=ctx.out_dir, cache=Cache(None), styles_dir=ctx.styles_dir, log=ctx.log)
    [outcome] = build_editions(doc_of(), ["broken"], ctx, keep_going=True)
    assert outcome.error == f"while writing into {ctx.out_dir.resolve()}: No space left on device" + TAIL


def test_an_output_changed_by_hand_is_built_again(tmp_path: Path, registry) -> None:
    ctx = context(tmp_path)
    build_editions(doc_of(), ["text"], ctx)
    (tmp_path / "out" / "t.txt").write_text("edited by hand, a different length", encoding="utf-8")
    assert built(build_editions(doc_of(), ["text"], ctx)) == [True]
    assert "回答一" in (tmp_path / "out" / "t.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("stamp", [b"[1, 2]", b'{"names": ["t.txt"]}', b"not json", b'"a string"'],
                         ids=["a-list", "no-fingerprint", "not-json", "a-string"])
def test_a_damaged_stamp_means_build_again(tmp_path: Path, registry, stamp: bytes) -> None:
    ctx = context(tmp_path)
    build_editions(doc_of(), ["text"], ctx)
    stamps = list((tmp_path / "cache" / "stamps").rglob("*"))
    for path in (p for p in stamps if p.is_file()):
        path.write_bytes(stamp)
    assert built(build_editions(doc_of(), ["text"], ctx)) == [True]


def test_two_folders_are_two_targets_and_one_folder_one(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a").mkdir()
    monkeypatch.chdir(tmp_path)
    assert LocalTarget(Path("a")).identity == LocalTarget(tmp_path / "a").identity == str(tmp_path / "a")
    assert LocalTarget(tmp_path / "b").identity == str(tmp_path / "b")


# describe_failure: (the exception, where the build was writing, the line an editor reads).
TAIL = " (the previous outputs are intact; free disk space or fix the permissions, then build again)"
FAILURES = [
    (OSError(errno.EACCES, "Permission denied", "/x/t.epub"), "into /x", "/x/t.epub: Permission denied" + TAIL),
    (OSError(errno.ENOSPC, "No space left on device"), "into /x", "while writing into /x: No space left on device" + TAIL),
    (OSError(errno.ENOSPC, "No space left on device"), "", "No space left on device" + TAIL),
    (OSError("disk on fire"), "", "disk on fire" + TAIL),
    (OSError(), "", "OSError" + TAIL),
    (PermissionError(), "", "PermissionError" + TAIL),
    (PublishError("t.md: no voice reads 'xx'"), "into /x", "t.md: no voice reads 'xx'"),
    (KeyError("k"), "into /x", "internal error: KeyError: 'k' (a bug in publish: please report it with the source; "
                               "PUBLISH_DEBUG=1 shows the details)"),
]


@pytest.mark.parametrize(("exc", "writing", "expected"), FAILURES, ids=[f"failure{i}" for i in range(len(FAILURES))])
def test_a_failure_is_one_line_an_editor_can_act_on(exc, writing, expected, monkeypatch) -> None:
    monkeypatch.delenv("PUBLISH_DEBUG", raising=False)
    assert (describe_failure(exc, writing) if writing else describe_failure(exc)) == expected


def test_publish_debug_adds_the_traceback(monkeypatch) -> None:
    monkeypatch.setenv("PUBLISH_DEBUG", "1")
    try:
        {}["missing"]
    except KeyError as exc:
        text = describe_failure(exc)
    first, *rest = text.split("\n")
    assert first == "internal error: KeyError: 'missing'"
    assert rest[0] == "Traceback (most recent call last):" and rest[-1] == "KeyError: 'missing'"
    assert 'in test_publish_debug_adds_the_traceback' in text


NAMES = ["t.epub", "a*b.pdf", "a?b.mp3", "a[1].vtt", "[x].md", "a]b.html"]


@pytest.mark.parametrize("name", NAMES, ids=[f"name{i}" for i in range(len(NAMES))])
def test_glob_escape_matches_the_name_and_nothing_else(name: str) -> None:
    """Judged by fnmatch (the matcher Path.glob uses): the escaped name matches itself only."""
    pattern = glob_escape(name)
    assert fnmatch.fnmatchcase(name, pattern)
    for other in (name.replace("*", "X").replace("?", "Y").replace("[", "Z"), name + "x", "x" + name):
        if other != name:
            assert not fnmatch.fnmatchcase(other, pattern), (name, other, pattern)


def test_tree_digest_sees_names_and_bytes_of_the_files_it_is_asked_about(tmp_path: Path) -> None:
    missing, root = tmp_path / "missing", tmp_path / "root"
    (root / "__pycache__").mkdir(parents=True)
    (root / "a.py").write_text("a")
    (root / "b.txt").write_text("b")  # not a listed suffix: ignored
    (root / "c.py").write_text("c")
    (root / "__pycache__" / "d.py").write_text("d")

    def digest() -> str:
        return tree_digest(missing, root, suffixes=(".py",))

    first = digest()
    (root / "b.txt").write_text("changed")
    (root / "__pycache__" / "d.py").write_text("changed")
    assert digest() == first
    (root / "c.py").write_text("changed")  # after the ignored b.txt; and after a missing root
    second = digest()
    assert second != first
    (root / "c.py").rename(root / "e.py")  # same bytes, another name
    assert digest() != second


def test_locks_are_per_user_in_the_temporary_folder() -> None:
    assert lock_dir() == Path(tempfile.gettempdir()) / f"publish-locks-{os.getuid()}"


def test_the_default_cache_is_in_the_project_unless_configured(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("PUBLISH_CACHE_DIR", raising=False)
    assert default_cache(tmp_path).root == tmp_path / ".cache" / "publish"
    monkeypatch.setenv("PUBLISH_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert default_cache(tmp_path).root == tmp_path / "elsewhere"


@pytest.mark.parametrize("off", ["0", "false", "no", "off", ""])
def test_publish_debug_switched_off_adds_no_traceback(off, monkeypatch) -> None:
    """PUBLISH_DEBUG=0 means off, as an editor who copied it from a script with 0/1 would expect."""
    monkeypatch.setenv("PUBLISH_DEBUG", off)
    assert describe_failure(KeyError("k")) == FAILURES[-1][2]
