"""The build driver for one title: up-to-date decisions, per-title locks outside output/,
per-title sweeps of stale `.part` files, atomic outputs, failures that leave the rest built,
and cache keys that are content (not paths or times)."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from pipeline import fonts, renderers
from pipeline.build import LocalTarget, build_editions, lock_dir, title_lock, tree_digest
from pipeline.cache import Cache
from pipeline.fsutil import atomic_path
from pipeline.reader import read_text
from pipeline.renderers.base import BuildContext
from pipeline.watch import watch_and_build
from tests.test_reader import VALID


class TextRenderer:
    """A tiny real renderer: the document's text blocks, one per line."""

    name = "text"

    def outputs(self, doc, ctx):
        return [ctx.out_dir / f"{doc.meta.slug}.txt"]

    def build(self, doc, ctx):
        text = "\n".join(doc.text_blocks())
        if ctx.option("explode"):
            with atomic_path(self.outputs(doc, ctx)[0]) as tmp:
                tmp.write_text(text[:10])
                raise RuntimeError("killed mid-write")
        if ctx.option("slow"):
            time.sleep(float(ctx.option("slow")))
        target = self.outputs(doc, ctx)[0]
        with atomic_path(target) as tmp:
            tmp.write_text(text.upper() if ctx.option("upper") else text, encoding="utf-8")
        return [target]


class BrokenRenderer:
    name = "broken"

    def outputs(self, doc, ctx):
        return [ctx.out_dir / f"{doc.meta.slug}.broken"]

    def build(self, doc, ctx):
        raise OSError(28, "No space left on device", str(ctx.out_dir / f"{doc.meta.slug}.broken"))


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setitem(renderers.REGISTRY, "text", "tests.test_build:TextRenderer")
    monkeypatch.setitem(renderers.OPTIONS, "text", ("upper",))
    monkeypatch.setitem(renderers.OUTPUT_NAMES, "text", ("{slug}.txt",))
    monkeypatch.setitem(renderers.REGISTRY, "broken", "tests.test_build:BrokenRenderer")
    monkeypatch.setitem(renderers.OUTPUT_NAMES, "broken", ("{slug}.broken",))


def context(tmp_path: Path, **options) -> BuildContext:
    return BuildContext(out_dir=tmp_path / "out", cache=Cache(tmp_path / "cache"),
                        styles_dir=tmp_path / "styles", options=options, log=lambda m: None)


def doc_of(text: str = VALID, slug: str = "t"):
    return read_text(text, f"{slug}.md", default_slug=slug).document


def test_second_build_is_skipped_until_something_changes(tmp_path: Path, registry) -> None:
    ctx = context(tmp_path)
    assert [o.rebuilt for o in build_editions(doc_of(), ["text"], ctx)] == [True]
    written = (tmp_path / "out" / "t.txt").stat().st_mtime_ns
    assert [o.status for o in build_editions(doc_of(), ["text"], ctx)] == ["up to date"]
    assert (tmp_path / "out" / "t.txt").stat().st_mtime_ns == written
    # an edit, an option, a deleted output and a changed style each trigger a rebuild
    assert build_editions(doc_of(VALID.replace("回答一", "回答甲")), ["text"], ctx)[0].rebuilt
    assert build_editions(doc_of(VALID.replace("回答一", "回答甲")), ["text"], context(tmp_path, upper=True))[0].rebuilt
    (tmp_path / "out" / "t.txt").unlink()
    assert build_editions(doc_of(), ["text"], ctx)[0].rebuilt
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "x.css").write_text("p {}")
    assert build_editions(doc_of(), ["text"], ctx)[0].rebuilt
    assert "回答一" in (tmp_path / "out" / "t.txt").read_text()


def test_force_rebuilds(tmp_path: Path, registry) -> None:
    ctx = context(tmp_path)
    build_editions(doc_of(), ["text"], ctx)
    assert build_editions(doc_of(), ["text"], ctx, force=True)[0].rebuilt


def test_failed_build_keeps_previous_output(tmp_path: Path, registry) -> None:
    build_editions(doc_of(), ["text"], context(tmp_path))
    before = (tmp_path / "out" / "t.txt").read_text()
    with pytest.raises(RuntimeError):
        build_editions(doc_of(VALID.replace("回答一", "新的")), ["text"], context(tmp_path, explode=True))
    assert (tmp_path / "out" / "t.txt").read_text() == before
    assert list((tmp_path / "out").glob(".*.part")) == []


def test_keep_going_records_a_failed_edition_and_builds_the_others(tmp_path: Path, registry) -> None:
    outcomes = build_editions(doc_of(), ["broken", "text"], context(tmp_path), keep_going=True)
    assert [o.status for o in outcomes] == ["failed", "built"]
    assert "No space left on device" in outcomes[0].error and "t.broken" in outcomes[0].error
    assert (tmp_path / "out" / "t.txt").exists()


def test_stale_partial_files_of_this_title_are_removed_and_no_others(tmp_path: Path, registry) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".t.txt.abc.part").write_text("half")  # this title's, left by a killed build
    (out / ".t-2.txt.abc.part").write_text("half")  # another title's, being written right now
    (out / ".tt.txt.abc.part").write_text("half")
    build_editions(doc_of(), ["text"], context(tmp_path))
    assert sorted(p.name for p in out.glob(".*.part")) == [".t-2.txt.abc.part", ".tt.txt.abc.part"]


def test_no_lock_file_is_left_in_the_output_folder(tmp_path: Path, registry) -> None:
    build_editions(doc_of(), ["text"], context(tmp_path))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["t.txt"]
    assert not str(lock_dir()).startswith(str(tmp_path / "out"))


def test_a_second_build_of_the_same_title_waits_for_the_first(tmp_path: Path, registry) -> None:
    """Two builds of one title into one folder take turns (the second says it is waiting)."""
    target = LocalTarget(tmp_path / "out")
    said: list[str] = []
    held = threading.Event()
    release = threading.Event()

    def holder() -> None:
        with title_lock(target.identity, "t", lambda m: None):
            held.set()
            release.wait(30)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(30)
    ctx = BuildContext(out_dir=tmp_path / "out", cache=Cache(tmp_path / "cache"), styles_dir=tmp_path / "styles",
                       log=said.append)
    finished = []
    builder = threading.Thread(target=lambda: finished.append(build_editions(doc_of(), ["text"], ctx)))
    builder.start()
    while not said and builder.is_alive():
        time.sleep(0.05)
    assert not finished and "waiting for another 'publish'" in said[0]
    release.set()
    builder.join(30)
    thread.join(30)
    assert finished and finished[0][0].rebuilt


def test_two_titles_in_one_folder_build_at_the_same_time(tmp_path: Path, registry) -> None:
    """Locks are per title: title b does not wait while title a is building."""
    said: list[str] = []
    ctx = BuildContext(out_dir=tmp_path / "out", cache=Cache(tmp_path / "cache"), styles_dir=tmp_path / "styles",
                       options={"slow": 1.5}, log=said.append)
    a = threading.Thread(target=build_editions, args=(doc_of(slug="a"), ["text"], ctx))
    a.start()
    time.sleep(0.3)
    build_editions(doc_of(slug="b"), ["text"], ctx)
    a.join(30)
    assert not [m for m in said if "waiting" in m]
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"a.txt", "b.txt"}


def test_output_names_table_is_what_each_renderer_writes(tmp_path: Path, test_title) -> None:
    ctx = context(tmp_path)
    for name in renderers.REGISTRY:
        renderer = renderers.load(name)
        expected = [p.name for p in renderer.outputs(test_title, ctx)]
        assert renderers.output_names(test_title.meta.slug, [name]) == expected, name


def test_keys_are_content_not_paths_or_times(tmp_path: Path) -> None:
    """A copy of the styles (or of a font) elsewhere, written at another time, keys the same;
    one changed byte keys differently."""
    first, second = tmp_path / "one" / "styles", tmp_path / "two" / "elsewhere"
    first.mkdir(parents=True)
    (first / "a.css").write_text("p { color: red }")
    shutil.copytree(first, second)
    os.utime(second / "a.css", (1, 1))
    assert tree_digest(first) == tree_digest(second)
    (second / "a.css").write_text("p { color: blue }")
    assert tree_digest(first) != tree_digest(second)

    font = fonts.font_path("sans")
    copy = tmp_path / font.name
    shutil.copyfile(font, copy)
    os.utime(copy, (1, 1))
    assert fonts._font_digest(copy) == fonts._font_digest(font)
    with open(copy, "r+b") as handle:
        handle.seek(100)
        byte = handle.read(1)
        handle.seek(100)
        handle.write(bytes([byte[0] ^ 0xFF]))
    assert fonts._font_digest(copy) != fonts._font_digest(font)


def test_watch_survives_invalid_source(tmp_path: Path, registry) -> None:
    source = tmp_path / "t.md"
    source.write_text(VALID, encoding="utf-8")
    messages: list[str] = []

    def edits():
        source.write_text(VALID.replace("::: answer li", "::: answer zha"), encoding="utf-8")
        yield "typing"
        source.write_text(VALID.replace("回答二", "回答乙"), encoding="utf-8")
        yield "saved"

    watch_and_build(source, ["text"], context(tmp_path), out=messages.append, changes=edits())
    assert messages[1].startswith("rebuilt text in")
    assert "unknown speaker id 'zha'" in messages[2]
    assert messages[-1].startswith("rebuilt text in")
    assert "回答乙" in (tmp_path / "out" / "t.txt").read_text()
