"""`publish watch` with the ways real editors save: in place, write-then-rename (Emacs,
JetBrains, `sed -i`), delete and re-create, and the scratch files they leave (`.#x`, `x~`,
`.x.swp`, vim's `4913`). Real file-system events (watchfiles), a real build (a tiny text
edition); each save must give exactly one rebuild, scratch files none."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from pipeline.build import STYLES_DIR
from pipeline.cache import Cache
from pipeline.renderers.base import BuildContext
from pipeline.watch import watch_and_build
from tests.test_build import registry  # noqa: F401 - the fixture
from tests.test_reader import VALID

SETTLE = 1.5  # seconds of quiet that mean "no rebuild is coming" (longer than a debounced batch)
WAIT = 60.0  # the longest a rebuild may take to show up on a busy machine


class Watch:
    """`watch_and_build` on a thread, with its messages."""

    def __init__(self, tmp_path: Path) -> None:
        self.folder = tmp_path / "source"
        self.folder.mkdir()
        self.source = self.folder / "t.md"
        self.source.write_text(VALID, encoding="utf-8")
        self.styles = tmp_path / "styles"
        self.styles.mkdir()
        (self.styles / "book.css").write_text("p { margin: 0 }")
        self.out = tmp_path / "out"
        self.messages: list[str] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        ctx = BuildContext(out_dir=self.out, cache=Cache(tmp_path / "cache"), styles_dir=self.styles,
                           log=lambda m: None)
        self.thread = threading.Thread(target=watch_and_build, args=(self.source, ["text"], ctx, self.say),
                                       kwargs={"stop": self.stop}, daemon=True)

    def say(self, message: str) -> None:
        with self.lock:
            self.messages.append(message)

    def rebuilds(self) -> int:
        with self.lock:
            return sum(1 for m in self.messages if m.startswith("rebuilt "))

    def __enter__(self) -> Watch:
        self.thread.start()
        self.wait_for(1)
        time.sleep(0.5)  # the watcher is set up once the first build is done
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(10)

    def wait_for(self, count: int) -> None:
        deadline = time.monotonic() + WAIT
        while self.rebuilds() < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.rebuilds() >= count, self.messages

    def settled(self) -> int:
        """The number of rebuilds once nothing more happens for SETTLE seconds."""
        count = self.rebuilds()
        while True:
            time.sleep(SETTLE)
            if self.rebuilds() == count:
                return count
            count = self.rebuilds()

    def output(self) -> str:
        return (self.out / "t.txt").read_text(encoding="utf-8")


def edit(text: str, n: int) -> str:
    return text.replace("回答一", f"回答{n}号", 1)


def test_in_place_write(tmp_path: Path, registry) -> None:  # noqa: F811
    with Watch(tmp_path) as watch:
        with open(watch.source, "w", encoding="utf-8") as handle:  # truncate and write, same inode
            handle.write(edit(VALID, 1))
        watch.wait_for(2)
        assert watch.settled() == 2
        assert "回答1号" in watch.output()


def test_rename_save_again_and_again(tmp_path: Path, registry) -> None:  # noqa: F811
    """Each save writes a new file and renames it over the source: a new inode every time."""
    with Watch(tmp_path) as watch:
        for n in (1, 2, 3):
            temporary = watch.folder / f".t.md.tmp{n}"
            temporary.write_text(edit(VALID, n), encoding="utf-8")
            os.replace(temporary, watch.source)
            watch.wait_for(n + 1)
            assert watch.settled() == n + 1
            assert f"回答{n}号" in watch.output()


def test_emacs_style_backup_then_write(tmp_path: Path, registry) -> None:  # noqa: F811
    """Emacs: the old file is renamed to `t.md~`, the new text written as a new `t.md`."""
    with Watch(tmp_path) as watch:
        (watch.folder / ".#t.md").symlink_to("editor@host.1234")  # Emacs's lock link
        os.rename(watch.source, watch.folder / "t.md~")
        watch.source.write_text(edit(VALID, 7), encoding="utf-8")
        (watch.folder / ".#t.md").unlink()
        watch.wait_for(2)
        assert watch.settled() == 2
        assert "回答7号" in watch.output()


def test_delete_and_recreate(tmp_path: Path, registry) -> None:  # noqa: F811
    with Watch(tmp_path) as watch:
        watch.source.unlink()
        time.sleep(SETTLE)  # the deletion arrives as a batch of its own
        assert watch.rebuilds() == 1
        assert any("is gone" in m for m in watch.messages), watch.messages
        assert (watch.out / "t.txt").exists()  # the last good output stays
        watch.source.write_text(edit(VALID, 4), encoding="utf-8")
        watch.wait_for(2)
        assert watch.settled() == 2
        assert "回答4号" in watch.output()


def test_scratch_files_and_unchanged_saves_do_not_rebuild(tmp_path: Path, registry) -> None:  # noqa: F811
    with Watch(tmp_path) as watch:
        for name in (".#t.md", "t.md~", ".t.md.swp", ".t.md.swx", "4913", "#t.md#", "t.md.tmp"):
            (watch.folder / name).write_text("scratch")
            (watch.styles / name).write_text("scratch")
        os.utime(watch.source)  # touched, not changed
        watch.source.write_text(VALID, encoding="utf-8")  # saved without a change
        assert watch.settled() == 1, watch.messages
        watch.source.write_text(edit(VALID, 5), encoding="utf-8")  # and a real save still rebuilds
        watch.wait_for(2)
        assert watch.settled() == 2


def test_a_style_change_rebuilds(tmp_path: Path, registry, monkeypatch) -> None:  # noqa: F811
    with Watch(tmp_path) as watch:
        (watch.styles / "book.css").write_text("p { margin: 1em }")
        watch.wait_for(2)
        assert watch.settled() == 2


def test_watch_command_watches_the_shipped_and_the_project_styles(tmp_path: Path, monkeypatch) -> None:
    """`publish watch` hands the watch the source, the shipped styles and the project's styles/."""
    import pipeline.watch
    from typer.testing import CliRunner

    from pipeline.cli import app

    seen = {}
    monkeypatch.setattr(pipeline.watch, "watch_and_build",
                        lambda source, editions, ctx, **kw: seen.update(source=source, editions=editions, ctx=ctx, **kw))
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "t.md").write_text(VALID, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["watch", "epub", "--out", "built"])
    assert result.exit_code == 0, result.output
    assert seen["source"] == Path("source/t.md") and seen["editions"] == ["epub"]
    assert seen["style_dirs"] == [STYLES_DIR, Path("styles")]
    assert seen["ctx"].out_dir == Path("built") and seen["ctx"].options["engine"] == "espeak"
    assert not (tmp_path / "built" / ".publish.lock").exists()
    assert CliRunner().invoke(app, ["watch", "poster"]).exit_code == 2
    (tmp_path / "source" / "u.md").write_text(VALID, encoding="utf-8")
    several = CliRunner().invoke(app, ["watch"])
    assert several.exit_code == 2 and "--source" in several.output
