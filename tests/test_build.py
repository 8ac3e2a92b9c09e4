"""The build driver: up-to-date decisions, the output lock, atomic outputs, watch."""

from __future__ import annotations

from pathlib import Path

import pytest
from filelock import FileLock

from pipeline import renderers
from pipeline.build import build_editions
from pipeline.cache import Cache
from pipeline.errors import PublishError
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
        target = self.outputs(doc, ctx)[0]
        with atomic_path(target) as tmp:
            tmp.write_text(text.upper() if ctx.option("upper") else text, encoding="utf-8")
        return [target]


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setitem(renderers.REGISTRY, "text", "tests.test_build:TextRenderer")
    monkeypatch.setitem(renderers.OPTIONS, "text", ("upper",))


def context(tmp_path: Path, **options) -> BuildContext:
    return BuildContext(out_dir=tmp_path / "out", cache=Cache(tmp_path / "cache"),
                        styles_dir=tmp_path / "styles", options=options, log=lambda m: None)


def doc_of(text: str = VALID):
    return read_text(text, "t.md", default_slug="t").document


def test_second_build_is_skipped_until_something_changes(tmp_path: Path, registry) -> None:
    ctx = context(tmp_path)
    assert [o.rebuilt for o in build_editions(doc_of(), ["text"], ctx)] == [True]
    written = (tmp_path / "out" / "t.txt").stat().st_mtime_ns
    assert [o.rebuilt for o in build_editions(doc_of(), ["text"], ctx)] == [False]
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


def test_stale_partial_files_are_removed(tmp_path: Path, registry) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".t.txt.abc.part").write_text("half")
    build_editions(doc_of(), ["text"], context(tmp_path))
    assert list((tmp_path / "out").glob(".*.part")) == []


def test_second_process_on_same_output_gets_a_clear_message(tmp_path: Path, registry) -> None:
    (tmp_path / "out").mkdir()
    with FileLock(str(tmp_path / "out" / ".publish.lock")):
        with pytest.raises(PublishError, match="another 'publish' is building into"):
            build_editions(doc_of(), ["text"], context(tmp_path))


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
