"""The ninth CLI sweep, judged on what an editor sees (the exit code, one `error: …` line and never
a traceback, the files on disk), on a title written for this file. Run in this process: every
case is refused (or read) before anything is built.

- an option given empty or blank (`--jobs ''`, `--level ' '`, `--paper=`, `--engine ''`,
  `--slug ''`): the parser said 'Input should be a valid integer, unable to parse string as an
  integer', naming no number to give; a value it cannot take (`--jobs two`, `--level 9`) the
  same. Now one table (`pipeline.cli_values.OPTION_VALUES`) says what each option takes, and a
  number typed with a Chinese input method (`--jobs ４`) is the number;
- a `size:` in the project's PDF stylesheets that CSS drops (`50%`, `a4 landscape portrait`, an
  unknown name, a negative side, a length without its unit): WeasyPrint dropped it without a
  word and printed the book on another sheet's size, or A4. Refused now, with the file and line;
  the C and JIS-B series are known sizes;
- `publish watch` checked the page size once, at its start: a style saved later with a page no
  book is printed on was built with. Now each saved style is checked, said, and not built with;
- `rm -rf .cache` (a fresh checkout, a CI runner) forgot which title built each output, so
  another title with the same slug took them silently. The EPUB names its title
  (`dc:identifier`): an output without a record is judged by it;
- a `publish.toml` saved with a byte-order mark (Windows Notepad) was 'not valid TOML: Invalid
  statement (at line 1, column 1)'.
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest

from pipeline.build import build_editions
from pipeline.cache import Cache
from pipeline.errors import PublishError
from pipeline.reader import read_text
from tests.test_build import context, registry  # noqa: F401  (registry is a fixture)
from tests.test_cli_misuse6 import invoke
from tests.test_cli_misuse7 import one_error

FERRY = """---
id: urn:uuid:7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d
slug: river-ferry
title: 渡口
language: zh-Hans
authors: [苏晴]
editor: 马云飞
outlet: 江城日报
date: 2025-06-12
description: 江边最后一条渡船的船工说起三十年的摆渡。
rights: "© 2025 江城日报。"
speakers:
  - id: laozhou
    name: 周长河
    role: 船工
---

渡口在江湾，三十年来每天六点开船。

## 您还会摆渡多久？

::: answer laozhou
撑到撑不动为止。
:::
"""
# another title under the same slug: its own id, its own words
RIVAL = FERRY.replace("0e1f2a3b4c5d", "0e1f2a3b4c5e").replace("撑到撑不动为止", "明年就不干了")


def _project(tmp_path: Path) -> Path:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "river.md").write_text(FERRY, encoding="utf-8")
    return tmp_path


def _nothing_written(project: Path) -> None:
    assert sorted(p.name for p in project.iterdir() if p.name != ".cache-test") in (["source"], ["source", "styles"])


# -- an option's value: empty, invalid, or typed in full-width digits ----------------------------------
@pytest.mark.parametrize(("args", "line"), [
    (["epub", "--jobs", ""], "error: --jobs is empty: give how many titles to build at once, a whole number from 1"),
    (["epub", "--learner", "--level="], "error: --level is empty: give an HSK level, a whole number from 0 to 7"),
    (["pdf", "--paper", ""], "error: --paper is empty: name a trim, e.g. --paper a5"),
    (["site", "--base-url="], "error: --base-url is empty: give the address the site will be served from"),
    (["import", "copy.txt", "--slug", ""], "error: --slug is empty: give the title's slug"),
    (["epub", "--jobs", "two"], "error: invalid value for --jobs: 'two': give how many titles to build at once"),
    (["pdf", "--learner", "--level", "9"], "error: invalid value for --level: '9': give an HSK level, a whole number "
                                           "from 0 to 7"),
], ids=["jobs", "level-equals", "paper", "base-url", "slug", "jobs-word", "level-9"])
def test_an_options_value_is_named_with_what_it_takes(tmp_path: Path, args: list[str], line: str) -> None:
    """Before: `--jobs ''` and `--level ''` said 'Input should be a valid integer, unable to
    parse string as an integer' (which option, what number?), and `--paper ''` listed trims."""
    project = _project(tmp_path)
    (project / "copy.txt").write_text("渡口\n\n渡口在江湾。\n", encoding="utf-8")
    said = one_error(invoke(project, *args))
    assert said.startswith(line), said
    assert "Input should" not in said
    assert sorted(p.name for p in project.iterdir() if p.name != ".cache-test") == ["copy.txt", "source"]


def test_every_option_says_what_it_takes() -> None:
    """The table is whole: every option of every command that takes a value has its line."""
    import typer.main

    from pipeline.cli import app
    from pipeline.cli_values import OPTION_VALUES, long_name

    group = typer.main.get_command(app)
    taking = {long_name(p) for command in group.commands.values() for p in command.params
              if p.param_type_name == "option" and not p.is_flag}
    assert taking - set(OPTION_VALUES) == set(), taking - set(OPTION_VALUES)


@pytest.mark.parametrize("args", [["epub", "--jobs", "４"], ["all", "--jobs=１"], ["epub", "-j４"],
                                  ["pdf", "--paper", "Ａ５"], ["script", "--engine=ｅｓｐｅａｋ"]],
                         ids=["full-width", "equals", "attached", "paper", "engine"])
def test_a_number_typed_in_full_width_digits_is_the_number(tmp_path: Path, args: list[str]) -> None:
    """Before: `--jobs ４` (a Chinese input method's digit) was 'not a valid integer', `--paper Ａ５`
    not a trim. It reaches the command now, which goes on to its next check (the source named is
    not there)."""
    said = one_error(invoke(_project(tmp_path), *args, "gone.md"))
    assert said.startswith("error: gone.md: no such file"), said


# -- the page size: what CSS drops is refused, in every class ---------------------------------------------
@pytest.mark.parametrize(("css", "problem"), [
    ("@page { size: 50% }", "the page size 50% is no page size"),
    ("@page { size: a4 landscape portrait }", "the page size a4 landscape portrait is no page size"),
    ("@page {\n  size: Pocket;\n}", "x.css:2: the page size Pocket names no page size CSS knows (pocket)"),
    ("@page { size: -148mm 210mm }", "has a negative side"),
    ("@page { size: 148 210 }", "the page size 148 210 is no page size"),
    ("@page { size: 148mm auto }", "is no page size"),
    ("@page { size: 148mm 210mm landscape }", "is no page size"),
    ("@page { size: 0 }", "is 0 × 0 mm"),
    ("@page { size: C5 }", None),
    ("@page { size: jis-B5 LANDSCAPE }", None),
    ("@page { size: Landscape A5 }", None),
    ("@page { size: c10 }", "28 × 40 mm"),  # a known name, judged by its sides
    ("@page { size: 10em 14em }", None),  # relative: valid, not judged
    ("@page { size: landscape }", None),
], ids=["percent", "three-words", "unknown-name", "negative", "no-unit", "auto-side", "length-and-word", "zero",
        "c5", "jis-b5-capitals", "orientation-first", "c10", "em", "orientation-alone"])
def test_a_page_size_css_drops_is_refused(css: str, problem: str | None) -> None:
    from pipeline.renderers.pagegeometry import trim_problem

    found = trim_problem([("x.css", css)])
    assert (found is None) if problem is None else (problem in (found or "")), found
    if problem and "no page size" in problem:
        assert "give a width and a height (148mm 210mm) or a named size" in (found or "")


def test_a_dropped_page_size_stops_the_build_before_it_starts(tmp_path: Path) -> None:
    """Before: the PDF was built for a minute on WeasyPrint's A4 and said 'built'."""
    project = _project(tmp_path)
    (project / "styles").mkdir()
    (project / "styles" / "pdf-paper-a5.css").write_text("/* half a page */\n@page { size: 50% }\n", encoding="utf-8")
    said = one_error(invoke(project, "pdf"))
    assert said.startswith("error: styles/pdf-paper-a5.css:2: the page size 50% is no page size"), said
    _nothing_written(project)


# -- publish watch: each saved style is checked -----------------------------------------------------------
def test_watch_checks_every_saved_style(tmp_path: Path, registry, monkeypatch) -> None:  # noqa: F811
    """Before, the page was checked when the watch started only: a style saved later with a 0 × 0
    page was built with (a PDF of empty pages, 'rebuilt'). Now its save is said and not built,
    and a source saved meanwhile is not built with the old styles either."""
    import pipeline.watch
    from pipeline.cli import app  # noqa: F401  (the command module, as the shell runs it)
    from pipeline.paths import UsageError

    project = _project(tmp_path)
    real_watch = pipeline.watch.watch_and_build
    seen: dict[str, object] = {}
    monkeypatch.setattr(pipeline.watch, "watch_and_build", lambda source, editions, ctx, **kw: seen.update(kw))
    assert invoke(project, "watch", "pdf").exit_code == 0
    (project / "styles").mkdir()
    (project / "styles" / "pdf-paper-a5.css").write_text("@page { size: 0mm 0mm }", encoding="utf-8")
    monkeypatch.chdir(project)
    with pytest.raises(UsageError, match=r"styles/pdf-paper-a5.css:1: the page size 0mm 0mm is 0 × 0 mm"):
        seen["restyle"]()  # type: ignore[operator]

    # the real watch loop, on the text edition, with three saves
    source = project / "source" / "river.md"
    said: list[str] = []
    styles = {"now": "good"}

    def restyle() -> Path:
        if styles["now"] == "bad":
            raise UsageError("styles/pdf.css:1: the page size 50% is no page size")
        return tmp_path / "styles-built"

    def saves():
        (project / "styles" / "pdf-paper-a5.css").write_text("@page { size: 50% }", encoding="utf-8")
        styles["now"] = "bad"
        yield "a bad style"
        source.write_text(FERRY.replace("撑到", "一直撑到"), encoding="utf-8")
        yield "the source, the style still bad"
        (project / "styles" / "pdf-paper-a5.css").write_text("@page { size: A5 }", encoding="utf-8")
        styles["now"] = "good"
        yield "the style fixed"

    ctx = dataclasses.replace(context(tmp_path), styles_dir=tmp_path / "styles-built")
    real_watch(source, ["text"], ctx, said.append, saves(), style_dirs=[project / "styles"], restyle=restyle)
    rebuilt = [line for line in said if line.startswith("rebuilt ")]
    errors = [line for line in said if line.startswith("error: ")]
    assert len(rebuilt) == 2 and len(errors) == 2, said  # the start, then only once the style is fixed
    assert all("the page size 50% is no page size" in line for line in errors)
    assert "一直撑到" in (tmp_path / "out" / "river-ferry.txt").read_text(encoding="utf-8")


# -- who built an output, when the build cache is gone ---------------------------------------------------
def _epub(path: Path, identifier: str) -> None:
    """An EPUB as ebooklib writes publish's (its package names the title by `dc:identifier`)."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier(identifier)
    book.set_title("渡口")
    book.set_language("zh-Hans")
    chapter = epub.EpubHtml(title="渡口", file_name="text.xhtml", lang="zh-Hans")
    chapter.content = "<html><body><p>渡口在江湾。</p></body></html>"
    book.add_item(chapter)
    book.spine = [chapter]
    book.add_item(epub.EpubNav())
    path.parent.mkdir(parents=True, exist_ok=True)
    epub.write_epub(str(path), book)


def test_the_epub_names_its_title_when_the_cache_is_gone(tmp_path: Path) -> None:
    """Before: after `rm -rf .cache` the records of who built each output were gone, and another
    title with the same slug replaced the editions without a word. The EPUB names its title
    (`dc:identifier`); the PDF beside it is judged by that EPUB."""
    project = _project(tmp_path)
    (project / "drafts").mkdir()
    (project / "drafts" / "rival.md").write_text(RIVAL, encoding="utf-8")
    _epub(project / "output" / "river-ferry.epub", "urn:uuid:7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d")
    (project / "output" / "river-ferry.pdf").write_bytes(b"%PDF-1.7 the ferry's book")
    before = {p.name: p.read_bytes() for p in (project / "output").iterdir()}
    for args in (["epub", "drafts/rival.md"], ["pdf", "drafts/rival.md"]):
        said = one_error(invoke(project, *args))  # (a fresh cache: `invoke`'s own folder, never written)
        assert said.startswith("error: output/river-ferry.") and "was built from another title (id " in said
        assert "7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d, as river-ferry.epub names it)" in said, said
        assert "drafts/rival.md has the same slug 'river-ferry'" in said, said
    assert {p.name: p.read_bytes() for p in (project / "output").iterdir()} == before

    from pipeline.driver.outputs import check_owners  # the title itself is never refused its own editions

    check_owners(str(project / "output"), [("source/river.md", FERRY.encode(), "river-ferry")], ["epub", "pdf"],
                 str(tmp_path / "no-cache"))


def test_the_build_itself_reads_the_epub_beside_an_unrecorded_output(tmp_path: Path, registry) -> None:  # noqa: F811
    ctx = dataclasses.replace(context(tmp_path), cache=Cache(tmp_path / "fresh-cache"))
    _epub(tmp_path / "out" / "river-ferry.epub", "urn:uuid:7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d")
    (tmp_path / "out" / "river-ferry.txt").write_text("the ferry's", encoding="utf-8")
    rival = read_text(RIVAL, "drafts/rival.md", default_slug="river-ferry").document
    with pytest.raises(PublishError, match="was built from another title"):
        build_editions(rival, ["text"], ctx, keep_going=True)
    assert (tmp_path / "out" / "river-ferry.txt").read_text(encoding="utf-8") == "the ferry's"
    own = read_text(FERRY, "source/river.md", default_slug="river-ferry").document
    assert build_editions(own, ["text"], ctx)[0].rebuilt


# -- publish.toml with a byte-order mark ------------------------------------------------------------------
def test_a_settings_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """Before: 'publish.toml: not valid TOML: Invalid statement (at line 1, column 1)' of a file
    Windows Notepad saved; now its settings are read (here a mistake on line 2 is found)."""
    project = _project(tmp_path)
    (project / "publish.toml").write_bytes("\ufeff[cache]\nmax_size = true\n".encode("utf-8"))
    said = one_error(invoke(project, "epub"))
    assert said.startswith("error: publish.toml:2: [cache] max_size: true is not a size"), said


# -- --help: what to give each option, and an option left without its value ----------------------------
def test_every_commands_help_names_the_kind_of_value_not_a_python_type(tmp_path: Path) -> None:
    """Before: '-s, --source <list[Path]>', '-o, --out <str>', '--jobs <int range>', 'SOURCES
    <list[str]>'; and `publish watch --help` offered an s3:// URL for --out (watch refuses one)
    and a --source 'once per file' (watch follows one title)."""
    import typer.main

    from pipeline.cli import app

    group = typer.main.get_command(app)
    for name in group.commands:  # each option's and argument's line of the help, as --help writes it
        command = group.get_command(None, name)
        ctx = command.make_context(name, ["--help"], resilient_parsing=True)
        lines = [record[0] for param in command.params if (record := param.get_help_record(ctx))]
        assert lines and not [line for line in lines if re.search(r"<(list\[|str>|int|path>|float)", line)], lines
    watch = invoke(tmp_path, "watch", "--help").stdout
    assert "-s, --source FILE" in watch and "-o, --out DIR" in watch and "s3://" not in watch, watch
    assert "once per file" not in watch


@pytest.mark.parametrize(("args", "line"), [
    (["epub", "--out"], "error: --out needs a value: name an output folder, e.g. --out output; see 'publish epub"),
    (["import", "copy.txt", "--slug"], "error: --slug needs a value: give the title's slug"),
], ids=["out", "slug"])
def test_an_option_left_without_its_value_says_what_it_takes(tmp_path: Path, args: list[str], line: str) -> None:
    """Before: "option '--out' requires an argument", naming nothing to give."""
    assert one_error(invoke(_project(tmp_path), *args)).startswith(line)


def test_a_full_width_tilde_is_the_home_folder(tmp_path: Path, monkeypatch) -> None:
    """Before: `--out-dir ～/drafts` (a Chinese input method's tilde) wrote into a folder named
    '～' inside the project, and the editor looked in the home folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    (tmp_path / "project").mkdir()
    project = _project(tmp_path / "project")
    for mark, slug in (("～", "night-owl"), ("〜", "early-bird")):
        result = invoke(project, "new", slug, f"--out-dir={mark}/drafts", "-q")
        assert result.exit_code == 0, result.stderr
        assert (home / "drafts" / f"{slug}.md").is_file()
    assert sorted(p.name for p in project.iterdir() if p.name != ".cache-test") == ["source"]
    (project / "～").mkdir()  # a folder of that name, there: it is meant
    assert invoke(project, "new", "late-owl", "--out-dir", "～/drafts", "-q").exit_code == 0
    assert (project / "～" / "drafts" / "late-owl.md").is_file()


def test_a_site_build_of_one_title_does_not_read_it_twice(tmp_path: Path, monkeypatch) -> None:
    """Before: `publish site x.md` parsed the title once more before its build, only to know which
    editions it can never have (W409), which matters only when one fails: now asked then."""
    import types

    import pipeline.site.command
    from pipeline import cli_build
    from pipeline.driver import title as title_module

    reads: list[str] = []
    real = title_module.read_title
    monkeypatch.setattr(title_module, "read_title", lambda source: reads.append(source.name) or real(source))
    monkeypatch.setattr(cli_build, "build_titles", lambda *a, **k: types.SimpleNamespace(results=[], failed=[]))
    monkeypatch.setattr(pipeline.site.command, "run_site", lambda *a, **k: None)
    result = invoke(_project(tmp_path), "site", "--base-url", "https://example.org/pods/", "source/river.md")
    assert result.exit_code == 0, result.stderr
    assert reads == []


# -- the command word in capitals or full width ------------------------------------------------------------
@pytest.mark.parametrize(("word", "line"), [
    ("CHEK", "error: no such command 'CHEK' (did you mean 'check'?)"),
    ("Ｐｆｄ", "error: no such command 'Ｐｆｄ' (did you mean 'pdf'?)"),
], ids=["capitals-typo", "full-width-typo"])
def test_a_command_word_typed_wrong_gets_the_nearest(tmp_path: Path, word: str, line: str) -> None:
    """Before: the parser's guess was case-sensitive: 'CHEK' and 'Ｐｆｄ' were offered nothing."""
    assert one_error(invoke(tmp_path, word)).startswith(line)


def test_a_command_in_capitals_or_full_width_is_the_command(tmp_path: Path) -> None:
    """Caps Lock (`publish CHECK`) or a Chinese input method (`publish ｃｈｅｃｋ`): before, 'no such
    command'. A file of that name is still named as a file."""
    project = _project(tmp_path)
    assert invoke(project, "ｎｅｗ", "night-owl", "-q").exit_code == 0  # (the lightest command that writes)
    assert (project / "source" / "night-owl.md").is_file()
    result = invoke(project, "CLEAN-CACHE")
    assert result.exit_code == 0 and result.stdout.startswith("removed "), result.stderr
    (project / "EPUB").write_text("not a command", encoding="utf-8")
    assert "EPUB is a file, not a command" in one_error(invoke(project, "EPUB"))


# -- an environment variable set blank --------------------------------------------------------------------
def test_a_blank_environment_variable_is_unset(tmp_path: Path, monkeypatch) -> None:
    """Before: `PUBLISH_CACHE_DIR=" "` put the build cache in a folder named ' ' inside the project,
    and `DASK_SCHEDULER_ADDRESS=" "` was 'error: --scheduler   is not an address', an option
    nobody gave. Blank is unset, as empty is."""
    import types

    from typer.testing import CliRunner

    from pipeline import cli_build
    from pipeline.build import default_cache
    from pipeline.cli import app

    project = _project(tmp_path)
    monkeypatch.setenv("PUBLISH_CACHE_DIR", " ")
    assert default_cache(project).root == project / ".cache" / "publish"
    asked: dict[str, object] = {}
    monkeypatch.setattr(cli_build, "build_titles",
                        lambda *a, **k: asked.update(k) or types.SimpleNamespace(results=[], failed=[]))
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, ["epub", "source/river.md"], env={"DASK_SCHEDULER_ADDRESS": " \t"})
    assert result.exit_code == 0, result.output
    assert asked["scheduler"] is None


def test_a_scheduler_address_from_the_environment_is_named_by_its_variable(tmp_path: Path) -> None:
    """Before: 'error: --scheduler http://…:8787/status is a web address', an option the editor
    never typed (the shell set DASK_SCHEDULER_ADDRESS for every command)."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    project = _project(tmp_path)
    before = Path.cwd()
    os.chdir(project)
    try:
        result = CliRunner().invoke(app, ["epub", "source/river.md"], env={
            "DASK_SCHEDULER_ADDRESS": "http://dask:8787/status", "PUBLISH_CACHE_DIR": str(project / ".cache-test")})
    finally:
        os.chdir(before)
    said = one_error(result)
    assert said.startswith("error: DASK_SCHEDULER_ADDRESS=http://dask:8787/status is a web address"), said
    assert said.endswith("(it is set in the environment: correct it, or unset it to build on this machine)"), said
    _nothing_written(project)
