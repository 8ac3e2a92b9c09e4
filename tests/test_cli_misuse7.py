"""The seventh CLI sweep: what one command leaves for the next, judged on what an editor sees
(the exit code, one `error: …` line and never a traceback, the files on disk). On a title
written for this file.

- two sources with one slug, built by two commands into one output folder: the second replaced
  the first's editions without a word ('built'), and the site then listed whichever was built
  last. Now the second is refused, naming both sources and what to do, while the same title
  (moved or renamed) still builds, and deleting its editions frees the slug;
- a corrected copy imported again over its source (`publish import --force`) drew a new `id`,
  so the rebuilt title was another title to readers, feeds and the output folder;
- a file where the builds' locks folder goes (`$TMPDIR/publish-locks-<uid>`): every title failed
  at its lock with 'File exists (… free disk space or fix the permissions …)', exit 1;
- a build cache entry cut short (a cache copied by a tool that was stopped, a failing disk):
  the EPUB embedded the three bytes left of a font subset and of the cover, and said 'built'.
  Now a cut entry is a miss, and the build makes it again;
- an output that could not be replaced (an immutable file, a folder in its place mid-build): the
  error named the temporary file, 'output/.x.pdf.i8lk8i9_.part: Operation not permitted', which
  the editor never sees, for output/x.pdf;
- a source that is a symbolic link to a file moved away: 'x.md: no such file; check the name', of
  a name that is there;
- `publish clean-cache` deleted every file below the cache folder, whatever wrote it: with
  `PUBLISH_CACHE_DIR` naming a project or the home folder by mistake, the editor's own files.
  Now it removes what the cache wrote, and names what it left.
"""

from __future__ import annotations

import errno
import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from pipeline.build import build_editions, describe_failure, lock_dir
from pipeline.cache import Cache, key
from pipeline.driver.sources import peek_scalar
from pipeline.errors import PublishError
from pipeline.fsutil import atomic_write
from pipeline.reader import read_text
from tests.test_build import context, doc_of, registry  # noqa: F401  (registry is a fixture)
from tests.test_cli_misuse6 import invoke

FERRY = """---
id: urn:uuid:7a1e0c52-3b44-4e7f-9d10-2c6b8e5f4a01
slug: night-ferry
title: 夜渡
language: zh-Hans
authors: [许南]
editor: 高原
outlet: 江城日报
date: 2025-09-14
description: 江上最后一班渡轮的船长讲他三十年的夜航。
rights: "© 2025 江城日报。"
speakers:
  - id: zhoushan
    name: 周山
    role: 渡轮船长
---

晚上十一点，最后一班渡轮离开北岸。

## 夜里开船怕不怕？

::: answer zhoushan
不怕，江水我比谁都熟。
:::
"""
# another title under the same slug: its own id, its own words
DRAFT = FERRY.replace("7a1e0c52", "8b2f1d63").replace("title: 夜渡", "title: 夜渡（初稿）").replace("不怕", "有时候怕")


def one_error(result) -> str:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def epub_text(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        return "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xhtml"))


# -- one slug, two titles, two commands ----------------------------------------------------------
def test_another_title_under_the_same_slug_is_refused_in_a_later_run(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "source" / "渡轮.md").write_text(FERRY, encoding="utf-8")
    (tmp_path / "drafts" / "draft.md").write_text(DRAFT, encoding="utf-8")
    epub = tmp_path / "output" / "night-ferry.epub"
    assert invoke(tmp_path, "epub", "-q", "source/渡轮.md").exit_code == 0
    first = epub.read_bytes()

    line = one_error(invoke(tmp_path, "epub", "drafts/draft.md"))
    for said in ("source/渡轮.md", "drafts/draft.md", "night-ferry", "slug:", "--out"):
        assert said in line, line
    assert epub.read_bytes() == first  # the first title's edition, untouched

    # the same title, renamed: still its own; a rebuild (an edit) goes through
    (tmp_path / "source" / "渡轮.md").rename(tmp_path / "source" / "夜渡.md")
    (tmp_path / "source" / "夜渡.md").write_text(FERRY.replace("不怕", "从来不怕"), encoding="utf-8")
    assert invoke(tmp_path, "epub", "-q", "source/夜渡.md").exit_code == 0
    assert "从来不怕" in epub_text(epub)

    # the other title elsewhere builds; once the first's edition is deleted, here too
    assert invoke(tmp_path, "epub", "-q", "drafts/draft.md", "--out", "drafts-out").exit_code == 0
    epub.unlink()
    assert invoke(tmp_path, "epub", "-q", "drafts/draft.md").exit_code == 0
    assert "有时候怕" in epub_text(epub)
    assert "drafts/draft.md" in one_error(invoke(tmp_path, "epub", "source/夜渡.md"))


def test_the_build_itself_refuses_another_titles_outputs(tmp_path: Path, registry) -> None:
    """Checked again under the title's lock: two commands started together cannot both pass the
    check before either has built."""
    ctx = context(tmp_path)
    build_editions(doc_of(FERRY, "night-ferry"), ["text"], ctx)
    written = (tmp_path / "out" / "night-ferry.txt").read_bytes()
    draft = read_text(DRAFT, "drafts/draft.md", default_slug="night-ferry").document
    with pytest.raises(PublishError, match="night-ferry.md .*drafts/draft.md has the same slug") as refused:
        build_editions(draft, ["text"], ctx, keep_going=True)
    assert "slug:" in str(refused.value) and "--out" in str(refused.value)
    assert (tmp_path / "out" / "night-ferry.txt").read_bytes() == written
    assert build_editions(doc_of(FERRY, "night-ferry"), ["text"], ctx)[0].status == "up to date"


def test_a_source_whose_id_was_edited_is_told_so(tmp_path: Path, registry) -> None:
    ctx = context(tmp_path)
    build_editions(doc_of(FERRY, "night-ferry"), ["text"], ctx)
    edited = doc_of(FERRY.replace("7a1e0c52", "00000000"), "night-ferry")
    with pytest.raises(PublishError, match="night-ferry.md has another id than when it built") as refused:
        build_editions(edited, ["text"], ctx)
    assert "urn:uuid:7a1e0c52-3b44-4e7f-9d10-2c6b8e5f4a01" in str(refused.value)  # the id to put back


COPY = """夜渡

江上最后一班渡轮的船长讲他三十年的夜航。

晚上十一点，最后一班渡轮离开北岸。

夜里开船怕不怕？

渡轮船长周山：
不怕，江水我比谁都熟。
"""


def test_a_reimport_over_the_source_keeps_the_titles_id(tmp_path: Path) -> None:
    """`publish import --force` of a corrected copy is the same title: before, it drew a new id
    (the template says 'never change it'), so readers, feeds and the output folder took it for
    another title."""
    (tmp_path / "copy.txt").write_text(COPY, encoding="utf-8")
    source = tmp_path / "source" / "night-ferry.md"
    assert invoke(tmp_path, "import", "copy.txt", "--slug", "night-ferry", "-q").exit_code == 0
    first = peek_scalar(source.read_bytes(), "id")
    (tmp_path / "copy.txt").write_text(COPY.replace("不怕", "有时候怕"), encoding="utf-8")
    assert invoke(tmp_path, "import", "copy.txt", "--slug", "night-ferry", "-q", "--force").exit_code == 0
    assert "有时候怕" in source.read_text(encoding="utf-8")
    assert first is not None and peek_scalar(source.read_bytes(), "id") == first
    assert invoke(tmp_path, "import", "copy.txt", "--slug", "other-ferry", "-q").exit_code == 0
    assert peek_scalar((tmp_path / "source" / "other-ferry.md").read_bytes(), "id") != first  # a new title


def test_a_file_in_place_of_the_locks_folder_is_named(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "渡轮.md").write_text(FERRY, encoding="utf-8")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    (temporary / lock_dir().name).write_text("not a folder", encoding="utf-8")
    line = one_error(invoke(tmp_path, "epub"))
    assert str(temporary / lock_dir().name) in line and "TMPDIR" in line and "disk space" not in line
    assert not (tmp_path / "output").exists() or not any((tmp_path / "output").iterdir())


# -- a cache entry cut short ---------------------------------------------------------------------
def test_a_cut_or_unchecked_cache_entry_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    digest = key("a font subset")
    cache.put("fonts", digest, b"\x00\x01" * 5000)
    path = cache.path_for("fonts", digest)
    assert path is not None and cache.get("fonts", digest) == b"\x00\x01" * 5000
    with open(path, "r+b") as entry:
        entry.truncate(3)
    assert cache.get("fonts", digest) is None and cache.path_for("fonts", digest) is None
    cache.put("fonts", digest, b"whole again")
    assert cache.get("fonts", digest) == b"whole again"
    path.with_name(path.name + ".sum").unlink()  # an entry without its checksum (an older cache)
    assert cache.get("fonts", digest) is None


def test_an_epub_built_from_a_cut_cache_is_whole(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "渡轮.md").write_text(FERRY, encoding="utf-8")
    assert invoke(tmp_path, "epub", "-q").exit_code == 0
    for entry in (tmp_path / ".cache-test").rglob("*"):
        if entry.is_file() and entry.suffix != ".sum" and not entry.name.startswith("."):
            with open(entry, "r+b") as handle:
                handle.truncate(3)
    assert invoke(tmp_path, "epub", "-q", "--force").exit_code == 0
    with zipfile.ZipFile(tmp_path / "output" / "night-ferry.epub") as book:
        fonts = [n for n in book.namelist() if n.endswith((".otf", ".ttf", ".woff", ".woff2"))]
        assert fonts
        for name in fonts:
            assert "夜" in {chr(c) for c in TTFont(io.BytesIO(book.read(name))).getBestCmap()}, name
        images = [n for n in book.namelist() if n.endswith(".png")]
        assert images and all(book.read(n).startswith(b"\x89PNG") and len(book.read(n)) > 1000 for n in images)


def test_clean_cache_removes_only_what_the_cache_wrote(tmp_path: Path) -> None:
    cache_dir = tmp_path / ".cache-test"  # PUBLISH_CACHE_DIR, as `invoke` sets it
    cache = Cache(cache_dir)
    for namespace in ("fonts", "stamps"):
        cache.put(namespace, key(namespace), b"an entry")
    styles = cache_dir / "styles" / key("styles")
    styles.mkdir(parents=True)
    (styles / "epub.css").write_text("p { color: red }", encoding="utf-8")
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "渡轮.md").write_text(FERRY, encoding="utf-8")
    mine = {cache_dir / "notes" / "采访提纲.txt": "the editor's", cache_dir / "ab": "a two-letter file",
            cache_dir / "fonts" / "ab" / "readme.txt": "not a key"}
    for path, text in mine.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (cache_dir / "linked").symlink_to(tmp_path / "source")

    result = invoke(tmp_path, "clean-cache")
    assert result.exit_code == 0 and "removed 3 cached file(s)" in result.stdout, result.stdout
    assert cache.get("fonts", key("fonts")) is None and not styles.exists() and not (cache_dir / "stamps").exists()
    assert {path: path.read_text(encoding="utf-8") for path in mine} == mine
    assert (tmp_path / "source" / "渡轮.md").read_text(encoding="utf-8") == FERRY
    assert "left 4 file(s)" in result.stderr and "PUBLISH_CACHE_DIR" in result.stderr, result.stderr


def test_a_failed_write_names_the_output_not_its_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out" / "night-ferry.pdf"
    target.mkdir(parents=True)  # a folder appeared in its place after the build's first checks
    (target / "inside").write_text("x", encoding="utf-8")
    with pytest.raises(OSError) as failed:
        atomic_write(target, b"%PDF-1.7")
    message = describe_failure(failed.value)
    assert message.startswith(f"{target}: ") and ".part" not in message, message
    cut = OSError(errno.EIO, "Input/output error", str(tmp_path / "out" / ".night-ferry-learner.epub.k2j_9x1a.part"))
    assert describe_failure(cut).startswith(f"{tmp_path / 'out' / 'night-ferry-learner.epub'}: ")
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("command", [["check"], ["epub"], ["import", "--slug", "night-ferry"]],
                         ids=["check", "epub", "import"])
def test_a_source_linked_to_a_file_moved_away(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "渡轮.md").symlink_to(tmp_path / "U盘" / "渡轮.md")
    line = one_error(invoke(tmp_path, *command[:1], "渡轮.md", *command[1:]))
    assert f"渡轮.md is a symbolic link to {tmp_path / 'U盘' / '渡轮.md'}, which does not exist" in line, line
    assert not (tmp_path / "output").exists() and not (tmp_path / "source").exists()
