"""The sixth CLI sweep: the command line typed in a hurry, judged on what a shell sees (the exit
code, one `error: …` line and never a traceback, the files on disk). Run in this process (the
parser's checks cost no build), on a title written for this file.

- an option given twice: `--source a --source b` built only b, without a word; `--out a --out b`
  (`--slug`, `--paper`, `--learner --no-learner` …) kept the last value and dropped the other;
- a word in the wrong place: an edition or command named as a source (`publish epub pdf`: 'pdf:
  no such file'), an option without its dashes (`publish epub learner`), the file before the
  command (`publish x.md epub`: 'no such command'), an option of another command (`publish epub
  --paper a4` was offered '--learner'), or of the command but before it (`publish --out x epub`
  was offered '--quiet');
- '-' for standard input or output: `--out -` built into a folder named '-'.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

TEAHOUSE = """---
id: urn:uuid:1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d
slug: old-teahouse
title: 老茶馆
language: zh-Hans
authors: [陈晓]
editor: 王芳
outlet: 巷口晚报
date: 2025-05-02
description: 巷口的老茶馆开了四十年，一位老茶客说起他的下午。
rights: "© 2025 巷口晚报。"
speakers:
  - id: liuye
    name: 刘野
    role: 退休教师
---

老茶馆在巷口，四十年没有换过招牌。

## 您每天几点来？

::: answer liuye
下午两点，雷打不动。
:::
"""


def invoke(project: Path, *args: str):
    """The command in this process, in `project`, as a shell runs it there."""
    before = os.getcwd()
    os.chdir(project)
    try:
        env = {"PUBLISH_CACHE_DIR": str(project / ".cache-test"), "NO_COLOR": None, "COLUMNS": None,
               "DASK_SCHEDULER_ADDRESS": None}
        result = CliRunner().invoke(app, list(args), env=env, prog_name="publish")
    finally:
        os.chdir(before)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def one_error(result) -> str:
    """The single `error: …` line of a refused command: exit 2, no traceback, nothing on stdout."""
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert result.stdout == ""
    return lines[0]


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if ".cache-test" not in p.parts)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Two titles: source/茶馆.md and, in a folder with a space, another under its own slug."""
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "茶馆.md").write_text(TEAHOUSE, encoding="utf-8")
    (tmp_path / "草 稿").mkdir()
    second = TEAHOUSE.replace("old-teahouse", "new-teahouse").replace("5f60", "5f61")
    (tmp_path / "草 稿" / "新茶馆.md").write_text(second, encoding="utf-8")
    return tmp_path


# -- an option given twice ------------------------------------------------------------------------
def test_source_given_once_per_file_names_every_one(project: Path) -> None:
    result = invoke(project, "check", "--source", "source/茶馆.md", "-s", "草 稿/新茶馆.md")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["source/茶馆.md: 0 error(s), 0 warning(s)",
                                          "草 稿/新茶馆.md: 0 error(s), 0 warning(s)"]


@pytest.mark.parametrize(("args", "line"), [
    (["epub", "--out", "a", "--out", "b"], "--out given 2 times, with different values ('a', 'b')"),
    (["epub", "--out=a", "-o", "b", "--jobs", "1"], "--out given 2 times, with different values ('a', 'b')"),
    (["pdf", "--paper", "a4", "--paper", "b5"], "--paper given 2 times, with different values ('a4', 'b5')"),
    (["import", "copy.txt", "--slug", "tea", "--slug", "teahouse"],
     "--slug given 2 times, with different values ('tea', 'teahouse')"),
    (["epub", "--learner", "--no-learner"], "--learner and --no-learner contradict each other: give one of them"),
], ids=["out", "out-forms", "paper", "slug", "flag"])
def test_an_option_given_twice_with_two_values(project: Path, args: list[str], line: str) -> None:
    (project / "copy.txt").write_text("老茶馆\n\n老茶馆在巷口。\n", encoding="utf-8")
    before = files_in(project)
    message = one_error(invoke(project, *args))
    assert message.startswith(f"error: {line}"), message
    assert files_in(project) == before


def test_watch_given_two_sources_says_so(project: Path) -> None:
    """`publish watch --source a --source b` follows one title: the message spoke of the titles
    'in source/' though the command line named them."""
    message = one_error(invoke(project, "watch", "--source", "source/茶馆.md", "--source", "草 稿/新茶馆.md"))
    assert message == ("error: watch follows one title, and --source names 2: choose one with --source FILE (run "
                       "one 'publish watch' per title)")
    assert not (project / "output").exists()


def test_an_option_given_twice_with_one_value(project: Path) -> None:
    result = invoke(project, "new", "night-owl", "--out-dir", "drafts", "--out-dir", "drafts", "-q", "-q")
    assert result.exit_code == 0, result.stderr
    assert (project / "drafts" / "night-owl.md").is_file()


# -- a word in the wrong place ---------------------------------------------------------------------
@pytest.mark.parametrize(("args", "line"), [
    (["epub", "pdf"], "error: pdf is an edition, not a source file: run 'publish pdf' as a command of its own"),
    (["epub", "source/茶馆.md", "epub-learner"],
     "error: epub-learner is an edition, not a source file: run 'publish epub --learner' as a command of its own"),
    (["check", "import"], "error: import is a command, not a source file: run 'publish import' as a command"),
    (["epub", "learner"], "error: learner is not a source file: did you mean the option --learner?"),
    (["source/茶馆.md", "epub", "--out", "x"],
     "error: source/茶馆.md is a file, and the command comes first: publish epub 'source/茶馆.md' --out x"),
    (["source/茶馆.md"], "error: source/茶馆.md is a file, not a command: name the command first"),
    (["import", "copy.txt", "source/tea.md"], "error: got unexpected extra argument(s) (source/tea.md): import reads "
                                              "one copy; to name the source file it writes, use --slug SLUG"),
    (["new", "tea", "drafts/"], "error: got unexpected extra argument(s) (drafts/): new takes one slug; to choose "
                                "the folder of the file it writes, use --out-dir FOLDER"),
    (["epub", "--paper", "a4"], "error: no such option: --paper for 'publish epub': --paper is an option of "
                                "publish pdf; see 'publish epub --help'"),
    (["check", "--out", "x"], "error: no such option: --out for 'publish check': --out is an option of publish "),
    (["--out", "x", "epub"], "error: no such option: --out before the command: --out is an option of 'publish "
                             "epub', so write it after the command (publish epub --out …)"),
], ids=["edition", "learner-edition", "command", "option-word", "file-first", "file-alone", "import-target",
        "new-folder", "other-option", "check-out", "option-first"])
def test_a_word_in_the_wrong_place(project: Path, args: list[str], line: str) -> None:
    before = files_in(project)
    message = one_error(invoke(project, *args))
    assert message.startswith(line), message
    assert "did you mean --learner" not in message and "did you mean --quiet" not in message
    assert files_in(project) == before


def test_a_file_named_like_a_command_is_still_a_source(project: Path) -> None:
    (project / "pdf").write_text(TEAHOUSE.replace("old-teahouse", "pdf-title"), encoding="utf-8")
    result = invoke(project, "check", "pdf")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["pdf: 0 error(s), 0 warning(s)"]


# -- '-' for standard input or output -------------------------------------------------------------
@pytest.mark.parametrize(("args", "where", "stream"), [
    (["check", "-"], "SOURCES", "input"),
    (["epub", "--source", "-"], "--source", "input"),
    (["import", "-"], "FILE", "input"),
    (["epub", "--out", "-"], "--out", "output"),
    (["site", "--out", "-", "--base-url", "https://example.org/pods/"], "--out", "output"),
    (["new", "night-owl", "--out-dir", "-"], "--out-dir", "output"),
], ids=["check", "source", "import", "out", "site", "out-dir"])
def test_a_dash_for_a_standard_stream(project: Path, args: list[str], where: str, stream: str) -> None:
    message = one_error(invoke(project, *args))
    assert message.startswith(f"error: '-' in {where} would be standard {stream}, and publish "), message
    assert message.endswith(f"(a {'file' if stream == 'input' else 'folder'} named '-': write {project}/-)")
    assert not (project / "-").exists() and not (project / "output").exists()


@pytest.mark.parametrize("given,meant", [("老茶馆", "lao-cha-guan"), ("source/tea.md", "tea"), ("Old Tea House", "old-tea-house"),
                                         ("tea_house", "tea-house"), ("!!!", None)])
@pytest.mark.parametrize("command", ["new", "import"])
def test_a_slug_typed_as_a_title_or_a_path_gets_the_slug_meant(command: str, given: str, meant: str | None,
                                                                tmp_path: Path) -> None:
    """`publish new 老茶馆` or `--slug "Old Tea House"` said only what a slug is made of; the
    error now names the slug the reader would make of it (none for a name with no word in it)."""
    copy = tmp_path / "copy.txt"
    copy.write_text("城东新开了一家茶馆。\n\n你为什么开茶馆？\n\n店主老周：\n\n喜欢。\n", encoding="utf-8")
    args = ["new", given] if command == "new" else ["import", str(copy), "--slug", given]
    result = CliRunner().invoke(app, [*args, "--out-dir", str(tmp_path / "source")])
    assert result.exit_code == 2, result.output
    assert f"'{given}' is not a valid slug" in result.output
    assert (f"did you mean '{meant}'?" in result.output) if meant else "e.g. sora-reactions" in result.output
    assert not (tmp_path / "source").exists() or not any((tmp_path / "source").iterdir())
