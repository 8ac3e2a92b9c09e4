"""The eleventh CLI sweep, judged on what an editor sees (the exit code, one `error: …` line and
never a traceback, the files on disk), on a title written for this file. Run in this process
but where a signal needs its own; no edition is built here beyond the registry's plain text.

- with the build cache's records gone, `x-learner`'s own EPUB (`x-learner.epub`) decided who
  owned `x`'s files: `publish pdf x.md` was refused as another title's. The book says which
  edition it is, so which slug built it (`owners.EDITION_MARKS`);
- `publish check --source ''` was told to leave it out 'to build every title in source/';
- `publish --install-completion bash` wrote `.bashrc` first and the script after it: a script
  that could not be written left every new terminal sourcing a missing file; a `.bashrc` not in
  UTF-8 was an internal error;
- tomllib's words for a broken `publish.toml` ('Cannot overwrite a value') named no setting;
- `publish import source/x.md` was told to pass --force before it was told x.md is a source;
- a file where the site writes a folder (`output/site/<slug>`) failed after every edition was
  built, with the advice to free disk space; a full disk in the site step named no folder;
- `publish watch` ended when a style file was renamed away while it was read (`sed -i`) or the
  source became unreadable;
- a source folder holding only `POND.MD` or `x.markdown` was 'no source file: put <slug>.md
  files in source/', as if it were empty.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline import owners
from pipeline.cache import Cache
from tests.test_build import context, registry  # noqa: F401  (registry is a fixture)
from tests.test_cli_misuse6 import invoke
from tests.test_cli_misuse7 import one_error

POND = """---
id: urn:uuid:5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e
slug: lotus-pond
title: 荷塘
language: zh-Hans
authors: [沈秋]
editor: 罗平
outlet: 湖畔晚报
date: 2025-07-21
description: 城西荷塘的看塘人说起他守了二十年的夏天。
rights: "© 2025 湖畔晚报。"
speakers:
  - id: laoshen
    name: 沈满仓
    role: 看塘人
---

荷塘在城西，夏天一到，满塘都是花。

## 您守塘多少年了？

::: answer laoshen
二十年了，哪年的花都没少开。
:::
"""
POND_ID = "urn:uuid:5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e"
OTHER_ID = "urn:uuid:00000000-0000-4000-8000-0000000000aa"


def _epub(path: Path, identifier: str, *, learner: bool) -> None:
    """An EPUB as publish writes one (ebooklib; the learner's carries its stylesheet)."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier(identifier)
    book.set_title("荷塘")
    book.set_language("zh-Hans")
    chapter = epub.EpubHtml(title="荷塘", file_name="text.xhtml", lang="zh-Hans")
    chapter.content = "<html><body><p>荷塘在城西。</p></body></html>"
    book.add_item(chapter)
    if learner:
        book.add_item(epub.EpubItem(uid="learner-css", file_name="css/learner.css", media_type="text/css",
                                    content=b"rt { font-size: 0.5em }"))
    book.spine = [chapter]
    book.add_item(epub.EpubNav())
    path.parent.mkdir(parents=True, exist_ok=True)
    epub.write_epub(str(path), book)


# -- who built an output, the cache's records gone: the book says which slug it is -------------------------
@pytest.mark.parametrize(("learner", "refused"), [(False, False), (True, True)], ids=["plain", "learner"])
def test_another_slugs_book_of_that_name_decides_nothing(tmp_path: Path, learner: bool, refused: bool) -> None:
    """`lotus-pond-learner.epub` is `lotus-pond-learner`'s plain EPUB or `lotus-pond`'s learner
    one. Before: either way it named the owner of `lotus-pond.pdf` (no record), so the pond's own
    PDF was refused as another title's. Now only the pond's learner EPUB (its stylesheet) speaks
    for the pond's files, and a rival's learner EPUB beside them refuses them as before."""
    out = tmp_path / "output"
    _epub(out / "lotus-pond-learner.epub", OTHER_ID, learner=learner)
    (out / "lotus-pond.pdf").write_bytes(b"%PDF-1.7 the pond's book")
    cache = Cache(tmp_path / "records-gone")
    said = owners.conflict(cache, "local:output", ["lotus-pond.pdf"], POND_ID, "source/pond.md", "lotus-pond",
                           "output", usage=True, folder=out, beside=["lotus-pond-learner.epub"])
    if not refused:
        assert said is None, said
        return
    assert said is not None and said.startswith("output/lotus-pond.pdf was built from another title (id "
                                                f"{OTHER_ID}, as lotus-pond-learner.epub names it)"), said
    assert "source/pond.md has the same slug 'lotus-pond'" in said, said


def test_a_rival_slugs_book_it_would_write_over_is_named_as_such(tmp_path: Path) -> None:
    """The pond's learner build would replace `lotus-pond-learner`'s plain EPUB: refused, and said
    as a name two slugs share, not as 'the same slug'."""
    out = tmp_path / "output"
    _epub(out / "lotus-pond-learner.epub", OTHER_ID, learner=False)
    said = owners.conflict(Cache(tmp_path / "records-gone"), "local:output", ["lotus-pond-learner.epub"], POND_ID,
                           "source/pond.md", "lotus-pond", "output", usage=True, folder=out)
    assert said is not None and "source/pond.md (slug 'lotus-pond', id " in said and "would write it too" in said, said


# -- advice worded for the command given -------------------------------------------------------------------
def test_check_source_empty_is_told_what_check_takes(tmp_path: Path) -> None:
    """Before: '… (or leave it out to build every title in source/)': check builds nothing."""
    (tmp_path / "source").mkdir()
    for args in (["check", "--source", ""], ["check", "--source="]):
        said = one_error(invoke(tmp_path, *args))
        assert said.startswith("error: --source is empty: name a source file to check, "), said
        assert "build" not in said and "leave it out to check every title in source/" in said, said


# -- tab completion: the script before the line that loads it -----------------------------------------------
# (shell, its startup file, the script's path under the home folder, the lines that load it)
SHELL_FILES = [
    ("bash", ".bashrc", ".bash_completions/publish.sh", ["source '{script}'"]),
    ("zsh", ".zshrc", ".zfunc/_publish", ["fpath+=~/.zfunc; autoload -Uz compinit; compinit",
                                          "zstyle ':completion:*' menu select"]),
]


@pytest.mark.parametrize(("shell", "startup_name", "script_name", "lines"), SHELL_FILES, ids=["bash", "zsh"])
def test_a_completion_script_that_cannot_be_written_leaves_the_startup_file(
        tmp_path: Path, monkeypatch, shell: str, startup_name: str, script_name: str, lines: list[str]) -> None:
    """Before: `.bashrc` (`.zshrc`) was written first, then the script failed (its folder a
    file): every new terminal began with 'No such file or directory'."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    startup, script = home / startup_name, home / script_name
    startup.write_bytes(b"alias ll='ls -l'")  # (no newline at its end, as editors leave it)
    script.parent.write_text("a file where the script's folder goes", encoding="utf-8")
    result = invoke(home, "--install-completion", shell)
    assert result.exit_code == 1 and result.stderr.startswith("error: cannot install tab completion: "), result.stderr
    assert f"a file stands where a folder goes: move {script.parent} away, or add" in result.stderr, result.stderr
    assert startup.read_bytes() == b"alias ll='ls -l'"
    script.parent.unlink()
    assert invoke(home, "--install-completion", shell).exit_code == 0
    assert invoke(home, "--install-completion", shell).exit_code == 0  # twice: its lines once
    text = startup.read_text(encoding="utf-8")
    assert text.startswith("alias ll='ls -l'\n") and text.endswith("\n"), text
    for line in lines:
        assert text.count(line.format(script=script)) == 1, text
    assert "complete" in script.read_text(encoding="utf-8")


# -- publish.toml: tomllib's words were passed on, naming no setting and no first line ----------------------
@pytest.mark.parametrize(("toml", "line"), [
    ('[site]\nbase_url = "https://a.example/p/"\ntitle = "荷塘"\r\nbase_url = "https://b.example/p/"\n',
     "publish.toml:4: [site] base_url: given twice (first on line 2): keep one of them"),
    ('[site]\ntitle = "荷塘"\n[podcast]\nexplicit = false\n[site]\ndescription = "夏天"\n',
     "publish.toml:5: the section [site] is declared twice (first on line 1): put its settings under one [site]"),
    ('[podcast]\nexplicit = False\n', "publish.toml:2: [podcast] explicit: write true or false, in lower case"),
    ('[site]\ntitle = 湖畔书架\n', 'publish.toml:2: [site] title: text goes in quotes: title = "湖畔书架"'),
    ('[cache]\nmax_size = 2 GiB\n', 'publish.toml:2: [cache] max_size: a size goes in quotes: max_size = "2 GiB"'),
    ('[site]\ntitle = “湖畔”\n', 'publish.toml:2: [site] title: put the text in straight quotes, "…", not “…”'),
    ('[site]\ntitle ＝ "湖畔"\n', "publish.toml:2: [site] title: write a setting as key = value, with a half-width '='"),
    ('[site]\ndescription = "夏天\n', "publish.toml:2: [site] description: a quoted value is not closed"),
    ('\ufeff\ufeff[site]\n', "publish.toml:1: an invisible character (U+FEFF, ZERO WIDTH NO-BREAK SPACE)"),
    # pydantic's words ('Input should be …') for a value of the wrong kind, and no line for a section
    ('[podcast]\ntype = "Serial"\n', "publish.toml:2: [podcast] type: write one of 'episodic' or 'serial', in lower case"),
    ('site = "湖畔"\n', "publish.toml:1: [top] site: a section, not a setting: write [site] on a line of its own"),
    ('\n[[site]]\ntitle = "湖畔"\n', "publish.toml:2: [top] site: a section, not a setting: write [site]"),
    ('[site.base_url]\n', 'publish.toml:1: [site] base_url: text goes in quotes: base_url = "…"'),
], ids=["key-twice", "section-twice", "capital-false", "unquoted", "size", "curly-quotes", "full-width-equals",
        "unclosed", "two-boms", "literal", "section-as-text", "array-of-sections", "setting-as-section"])
def test_a_settings_file_tomllib_refuses_is_named_at_its_line(tmp_path: Path, toml: str, line: str) -> None:
    """Before: 'publish.toml: not valid TOML: Cannot overwrite a value (at line 4, column 32); fix
    the line it names' — no setting, no first line, nothing to write."""
    from pipeline.config import load_config
    from pipeline.errors import PublishError

    (tmp_path / "publish.toml").write_bytes(toml.encode("utf-8"))
    with pytest.raises(PublishError) as caught:
        load_config(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path}/{line}"), str(caught.value)


def test_a_key_given_twice_stops_the_build_before_it_starts(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "pond.md").write_text(POND, encoding="utf-8")
    (tmp_path / "publish.toml").write_text('[cache]\nmax_size = "1 GiB"\nmax_size = "2 GiB"\n', encoding="utf-8")
    said = one_error(invoke(tmp_path, "all"))
    assert said == "error: publish.toml:3: [cache] max_size: given twice (first on line 2): keep one of them", said
    assert not (tmp_path / "output").exists()


# -- publish import of a source: what it is, before what it would write over --------------------------------
@pytest.mark.parametrize("args", [["source/pond.md"], ["pond-copy.md", "--slug", "lotus-pond"]], ids=["itself", "slug"])
def test_importing_a_source_says_it_is_one_first(tmp_path: Path, args: list[str]) -> None:
    """Before: 'source/pond.md already exists: pass --force to overwrite it' (and with --force, only
    then, that it is a source), or that the slug is taken: two refusals to reach the one that
    tells what to do."""
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "pond.md").write_text(POND, encoding="utf-8")
    (tmp_path / "pond-copy.md").write_text(POND, encoding="utf-8")
    said = one_error(invoke(tmp_path, "import", *args))
    assert said == f"error: {args[0]}: this is already a publish source, not copy: check it with `publish check " \
                   f"{args[0]}` (or copy it into source/)", said
    assert (tmp_path / "source" / "pond.md").read_text(encoding="utf-8") == POND


# -- a file where the site writes a folder, a folder where it writes a file ---------------------------------
@pytest.mark.parametrize(("made", "line"), [
    ("site/lotus-pond", "output/site/lotus-pond is a file, where the site writes its folder lotus-pond"),
    ("site/assets", "output/site/assets is a file, where the site writes its folder assets"),
    ("site/feed.xml/", "output/site/feed.xml is a folder, where the site writes its file feed.xml"),
    ("site/opds.json/", "output/site/opds.json is a folder, where the site writes its file opds.json"),
], ids=["title-folder", "assets", "feed", "opds2"])
def test_what_stands_where_the_site_writes_stops_the_build_before_it_starts(tmp_path: Path, made: str,
                                                                             line: str) -> None:
    """Before: every edition was built (a minute for a short title), then 'site: output/site/
    lotus-pond: File exists (… free disk space or fix the permissions …)', exit 1."""
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "pond.md").write_text(POND, encoding="utf-8")
    place = tmp_path / "output" / made
    place.parent.mkdir(parents=True)
    place.mkdir() if made.endswith("/") else place.write_text("an editor's note", encoding="utf-8")
    for args in (["site", "--base-url", "https://pond.example/pods/"], ["all", "--base-url", "https://pond.example/"]):
        said = one_error(invoke(tmp_path, *args))
        assert said == f"error: {line}: move it away or pass --out another folder (nothing was built)", said
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == ["site"]


@pytest.mark.parametrize(("error", "advice"), [
    (IsADirectoryError(21, "Is a directory", "output/site/x/index.html"), "a folder stands where a file goes"),
    (NotADirectoryError(20, "Not a directory", "output/site/x/fonts/a.woff2"), "a file stands where a folder goes"),
    (FileExistsError(17, "File exists", "output/site/x"), "a file stands where a folder goes"),
], ids=["folder-for-file", "file-for-folder", "exists"])
def test_a_write_stopped_by_what_stands_there_says_so(error: OSError, advice: str) -> None:
    """Before: '(… free disk space or fix the permissions, then build again)' for each."""
    from pipeline.build import describe_failure

    said = describe_failure(error)
    assert said == f"{error.filename}: {error.strerror} (the previous outputs are intact; {advice}: move it away, " \
                   "then build again)", said


# -- publish watch: a save by rename in the styles, a source that cannot be read ----------------------------
def test_watch_goes_on_when_a_saved_file_cannot_be_read(tmp_path: Path, registry, monkeypatch) -> None:  # noqa: F811
    """Before: a style file listed and then renamed away before it was read (`sed -i`'s temporary
    file, an atomic writer's) ended the watch with 'No such file or directory (… free disk space
    …)', and so did a source that became a folder. Now the first is left out until the next
    batch, the second is said, and the next save still rebuilds."""
    from pipeline.watch import watch_and_build

    ctx = context(tmp_path)
    styles = ctx.styles_dir
    styles.mkdir()
    (styles / "book.css").write_text("p { margin: 0 }", encoding="utf-8")
    source = tmp_path / "source" / "pond.md"
    source.parent.mkdir()
    source.write_text(POND, encoding="utf-8")
    real_read = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name.startswith("sed"):  # renamed over book.css between the listing and the read
            os.replace(path, styles / "book.css")
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return real_read(path)

    def saves():  # noqa: ANN202
        (styles / "sedAb12Cd").write_text("p { margin: 1em }", encoding="utf-8")
        monkeypatch.setattr(Path, "read_bytes", read_bytes)
        yield "sed -i on the stylesheet"
        monkeypatch.setattr(Path, "read_bytes", real_read)
        yield "the next batch: book.css changed"
        source.unlink()
        source.mkdir()
        yield "the source is a folder now"
        source.rmdir()
        source.write_text(POND.replace("二十年了", "三十年了"), encoding="utf-8")
        yield "saved again"

    said: list[str] = []
    watch_and_build(source, ["text"], ctx, said.append, saves(), style_dirs=[styles])
    rebuilt = [line for line in said if line.startswith("rebuilt ")]
    errors = [line for line in said if line.startswith("error: ")]
    assert len(rebuilt) == 3, said  # the start, the style, the source saved again
    assert errors == [f"error: {source}:1:1: this is a folder, not a source file"], said
    assert "三十年了" in (tmp_path / "out" / "lotus-pond.txt").read_text(encoding="utf-8")


def test_a_full_disk_in_the_site_step_names_the_site(tmp_path: Path, monkeypatch) -> None:
    """Before: 'site: No space left on device (…)', naming no folder (a full disk's error names
    no file): the editions' own failures said 'while writing into output …'."""
    import errno
    from types import SimpleNamespace

    import pipeline.site.editions
    import pipeline.site.publish
    from pipeline.config import ProjectConfig
    from pipeline.site.command import SitePlan, run_site

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    title = SimpleNamespace(doc=SimpleNamespace(meta=SimpleNamespace(slug="lotus-pond")), missing={})
    monkeypatch.setattr(pipeline.site.editions, "built_titles", lambda titles, results: [title])
    monkeypatch.setattr(pipeline.site.publish, "publish_site", full)
    plan = SitePlan(config=ProjectConfig(), base_url="https://pond.example/", project_dir=tmp_path)
    step = run_site(plan, [], SimpleNamespace(results=[], failed=[]), str(tmp_path / "output"), force=False)
    assert step.error == (f"site: while writing into {tmp_path / 'output' / 'site'}: No space left on device (the "
                          "previous outputs are intact; free disk space or fix the permissions, then build again)")


def test_a_startup_file_not_in_utf8_gets_its_line(tmp_path: Path, monkeypatch) -> None:
    """Before: Typer read `.bashrc` as text in the locale's encoding: a Latin-1 comment in it
    ('# café') was 'internal error: UnicodeDecodeError …', exit 1. Its bytes stay as they were."""
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / ".bashrc").write_bytes(b"# caf\xe9\n")
    result = invoke(tmp_path, "--install-completion", "bash")
    assert result.exit_code == 0, result.stderr
    script = tmp_path / ".bash_completions" / "publish.sh"
    assert (tmp_path / ".bashrc").read_bytes() == b"# caf\xe9\n" + f"source '{script}'\n".encode()


# -- sources under a name the folder's '*.md' does not read --------------------------------------------------
@pytest.mark.parametrize("args", [["check"], ["epub"], ["check", "source/"]], ids=["check", "build", "folder"])
def test_sources_named_with_capitals_or_another_suffix_are_named(tmp_path: Path, args: list[str]) -> None:
    """Before: 'no source file: put <slug>.md files in source/' beside POND.MD (a Windows tool's
    capitals) and pond.markdown: the editor was told the folder was empty."""
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "POND.MD").write_text(POND, encoding="utf-8")
    (tmp_path / "source" / "lotus.markdown").write_text(POND, encoding="utf-8")
    said = one_error(invoke(tmp_path, *args))
    assert said.endswith("; source/ holds POND.MD, lotus.markdown, not read as sources (a source's name ends in "
                         "'.md', in lower case): rename them, e.g. source/pond.md"), said
    assert "build" not in said.split(";")[0] or args[0] != "check", said
