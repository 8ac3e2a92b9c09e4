"""The thirteenth CLI sweep, judged on what an editor sees (the exit code, one `error: …` line and
never a traceback, the files on disk), on a title written for this file. Run in this process:
every case is refused (or warned about) before anything is built; the standard streams' own
layer is judged on a stream made for it (the console script with a closed or ASCII stdout is
run in tests/test_cli_misuse.py).

- an option whose value is the next option (`--out --learner`, `-o --force`, `--out-dir --force`,
  `--slug --force`): the parser took the option for the value, so `publish epub --out --learner`
  built the plain EPUB into a folder named '--learner', 'built', exit 0;
- `--out src2/x`, src2 a symbolic link to `source/`, was told it 'is inside the sources folder
  source/', naming a folder the editor never typed;
- `publish new x --out-dir source/drafts` (and `import`) wrote a source a plain `publish all` never
  reads (it reads `source/*.md`), without a word;
- a name pasted with its line end or a space (`--out "$(cat dir.txt)"`): a folder `editions\\n`; and
  `publish new 'x\\n'` wrote `source/x\\n.md` (the slug's `$` let a final newline past `re.match`);
- a name longer than the file system takes: the build's 'free disk space … then build again', exit 1;
- a slug given as a path (`publish new drafts/x`): 'did you mean x?', which wrote into source/;
- `--install-completion bash extra`: installed, the extra word unread;
- `publish watch`: the source's folder deleted and made again was never watched again;
- a standard output or error whose encoding cannot hold Chinese (`PYTHONIOENCODING=ascii`) printed
  every name as `\\u706f\\u4e0b`: UTF-8 now, escapes only on a terminal whose locale's charset
  cannot show Chinese; a closed standard output (`>&-`) dropped `publish check`'s results and
  exited 0 (now exit 1 at the first line, as `> /dev/full`).
"""

from __future__ import annotations

import errno
import io
import locale
import sys
from pathlib import Path

import pytest

from pipeline import streams
from tests.test_cli_misuse6 import invoke
from tests.test_cli_misuse7 import one_error

LANTERN = """---
id: urn:uuid:3c9e2f10-5b7a-4d21-9e8f-6a1b2c3d4e5f
slug: lantern-street
title: 灯笼街
language: zh-Hans
authors: [郦青]
editor: 蒲南
outlet: 古镇周刊
date: 2025-02-11
description: 灯笼街的扎灯匠说起元宵前的一个月。
rights: "© 2025 古镇周刊。"
speakers:
  - id: laoyan
    name: 阎守义
    role: 扎灯匠
---

元宵前一个月，灯笼街的竹篾味就飘满了整条巷子。

## 今年扎了多少盏？

::: answer laoyan
三百来盏，比去年多出一半。
:::
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "灯笼街.md").write_text(LANTERN, encoding="utf-8")
    return tmp_path


# -- an option where its value goes ------------------------------------------------------------------
@pytest.mark.parametrize(("args", "said"), [
    (["epub", "--out", "--learner"], "--out has no value: the word after it, '--learner', is an option"),
    (["pdf", "-o", "--force", "--marks"], "-o has no value: the word after it, '--force', is an option"),
    (["new", "fen-deng", "--out-dir", "--force"], "--out-dir has no value: the word after it, '--force'"),
    (["check", "--source", "-q"], "--source has no value: the word after it, '-q', is an option"),
    (["script", "--out", "--ouput"], "--out has no value: the word after it, '--ouput', is written as an option"),
    (["audio", "--engine", "--force"], "--engine has no value: the word after it, '--force'"),
], ids=["out-learner", "short-out-force", "out-dir", "source-quiet", "misspelt-option", "engine"])
def test_an_option_where_its_value_goes(project: Path, args: list[str], said: str) -> None:
    """The option's value is the next option: refused, naming both and what the first takes,
    and nothing is written (before: a folder named '--learner' holding the plain EPUB)."""
    before = sorted(p.name for p in project.iterdir())
    line = one_error(invoke(project, *args))
    assert said in line and line.endswith("(nothing was done)"), line
    assert sorted(p.name for p in project.iterdir()) == before  # no '--learner' folder, no source written
    if args[-2].startswith("--out") or args[-2] in ("-o", "--source"):
        assert f"written ./{args[-1]}" in line  # how to name a folder or file that starts with '-'


def test_a_value_attached_to_its_option_is_taken_as_written(project: Path) -> None:
    """`--out=-x` (or a number below the range, `--level -1`) is not an option in a value's place."""
    line = one_error(invoke(project, "pdf", "--learner", "--level", "-1"))
    assert line.startswith("error: invalid value for --level: '-1'"), line


# -- a name pasted with a line break or a space ----------------------------------------------------------
@pytest.mark.parametrize(("args", "said"), [
    (["epub", "--out", "editions\n"], "--out 'editions\\n' ends with a line break (pasted with the name?): write "
                                      "--out editions"),
    (["pdf", "-o", "editions\r"], "--out 'editions\\r' ends with a carriage return"),
    (["new", "fen-deng", "--out-dir", " drafts"], "--out-dir ' drafts' begins with a space (pasted with the name?): "
                                                  "write --out-dir drafts"),
    (["check", "--source", "source/灯笼街.md\u3000"],
     "--source 'source/灯笼街.md\\u3000' ends with a full-width space"),
    (["new", "fen-deng\n"], "'fen-deng\\n' is not a valid slug: use lower-case letters, digits and hyphens (did you "
                            "mean 'fen-deng'?)"),
    (["epub", "--scheduler", "tcp://127.0.0.1:8786\n"], "--scheduler 'tcp://127.0.0.1:8786\\n' ends with a line break"),
], ids=["out-newline", "out-return", "out-dir-space", "source-ideographic-space", "slug-newline", "scheduler"])
def test_a_name_pasted_with_a_line_break(project: Path, args: list[str], said: str) -> None:
    """`--out "$(cat dir.txt)"`, a name copied with its line end: the build went into a folder
    `editions\\n` that `ls` shows as `editions`, and `publish new 'x\\n'` wrote `source/x\\n.md`
    (the slug's pattern ends in `$`, which `re.match` lets a final newline past)."""
    before = sorted(p.name for p in project.rglob("*"))
    line = one_error(invoke(project, *args))
    assert said in line, line
    assert sorted(p.name for p in project.rglob("*")) == before


def test_a_file_named_with_a_final_line_break_gets_a_slug_without_it(project: Path) -> None:
    from pipeline.slugs import slug_from_name

    assert slug_from_name("fen-deng\n") == "fen-deng"


# -- a name longer than the file system takes -------------------------------------------------------------
LONG = "灯" * 86  # 258 bytes in UTF-8: over the 255 a name of most file systems


@pytest.mark.parametrize(("args", "named", "shown", "size"), [
    (["check", f"{LONG}.md"], f"{LONG}.md", f"{LONG[:12]}….md", 261),
    (["epub", "--out", LONG], LONG, f"{LONG[:12]}…灯灯灯", 258),
    (["pdf", f"source/{LONG}/x.md"], f"source/{LONG}/x.md", f"{LONG[:12]}…灯灯灯", 258),
], ids=["source", "out", "folder-in-source"])
def test_a_name_longer_than_the_file_system_takes(project: Path, args: list[str], named: str, shown: str,
                                                  size: int) -> None:
    """'File name too long (the previous outputs are intact; free disk space or fix the
    permissions, then build again)', exit 1: the build's words for a name typed on the command line."""
    line = one_error(invoke(project, *args))
    assert line == (f"error: {named}: the name '{shown}' is {size} bytes long, and the file system takes at most "
                    f"255 bytes a name (a Chinese character is 3): choose a shorter name"), line
    assert not (project / "output").exists()


# -- a symbolic link to source/ ------------------------------------------------------------------------
def test_out_through_a_link_to_the_sources_is_named_as_typed(project: Path) -> None:
    (project / "src2").symlink_to("source")
    line = one_error(invoke(project, "epub", "--out", "src2/editions"))
    assert line.startswith("error: --out src2/editions (which leads to source/editions) is inside the sources "
                           "folder source/"), line
    line = one_error(invoke(project, "epub", "--out", "source/editions"))
    assert "which leads to" not in line  # typed as it is: nothing to explain
    assert not (project / "source" / "editions").exists()


# -- a new source where a plain build does not look ----------------------------------------------------
@pytest.mark.parametrize("folder", ["source/drafts", "src2/drafts/deeper"])
def test_a_new_source_inside_a_subfolder_of_source_is_said(project: Path, folder: str) -> None:
    (project / "src2").symlink_to("source")
    result = invoke(project, "new", "fen-deng", "--out-dir", folder)
    assert result.exit_code == 0, result.stderr
    written = project / folder / "fen-deng.md"
    assert written.is_file()
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings == [f"warning: {folder}/fen-deng.md is in a folder inside source/, and a plain 'publish all' "
                        f"reads only the files in source/ itself: build it by name ('publish all {folder}/fen-deng.md')"
                        f", or move it into source/ (--out-dir source)"], result.stderr
    # what the warning says is so: a plain check does not see it, the named one does
    assert "fen-deng" not in invoke(project, "check").stdout
    assert f"{folder}/fen-deng.md" in invoke(project, "check", f"{folder}/fen-deng.md").stdout


def test_a_new_source_in_source_or_elsewhere_says_nothing_more(project: Path) -> None:
    for folder in ("source", "drafts"):
        result = invoke(project, "new", f"deng-{folder}", "--out-dir", folder)
        assert result.exit_code == 0 and "warning" not in result.stderr, result.stderr


# -- tab completion with another word -----------------------------------------------------------------
@pytest.mark.parametrize(("args", "given"), [
    (["--install-completion", "bash", "extra"], "extra"),
    (["--show-completion", "zsh", "check"], "check"),
    (["--install-completion=fish", "--force"], "--force"),
], ids=["install-extra", "show-command", "install-option"])
def test_completion_with_another_word(project: Path, monkeypatch, args: list[str], given: str) -> None:
    """`publish --install-completion bash extra` installed bash's completion, the extra word
    unread (as `--version extra` printed the versions): refused, nothing written in HOME."""
    home = project / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    result = invoke(project, *args)
    line = one_error(result)
    option, shell = args[0].partition("=")[0], args[0].partition("=")[2] or args[1]
    assert line == (f"error: {option} takes the name of a shell and nothing else (given: {given}): run 'publish "
                    f"{option} {shell}' alone; see 'publish --help' (nothing was done)"), line
    assert list(home.iterdir()) == []


# -- a slug given as a path ------------------------------------------------------------------------------
@pytest.mark.parametrize(("args", "meant"), [
    (["new", "drafts/night-walk"], "publish new night-walk --out-dir drafts"),
    (["new", "source/night-walk.md"], "publish new night-walk"),
    (["new", "my drafts/夜"], "publish new ye --out-dir 'my drafts'"),
], ids=["folder", "source-file", "chinese-in-a-spaced-folder"])
def test_a_slug_given_as_a_path(project: Path, args: list[str], meant: str) -> None:
    """`publish new drafts/night-walk` was offered 'did you mean night-walk?', and the editor who
    took it found the file in source/, not in drafts/: the folder goes to --out-dir."""
    line = one_error(invoke(project, *args))
    said = " (did you mean 'night-walk'?)" if "--out-dir" not in meant else ""
    assert line == (f"error: '{args[1]}' is not a valid slug: it is a path, and a slug names the title alone{said}; "
                    f"its folder goes to --out-dir: {meant} (nothing was written)"), line
    assert sorted(p.name for p in project.iterdir()) == ["source"]


# -- the standard streams' layer -----------------------------------------------------------------------
class Stream(io.TextIOWrapper):
    """A standard stream as the process got it: an encoding, and a terminal or not."""

    def __init__(self, encoding: str, terminal: bool) -> None:
        super().__init__(io.BytesIO(), encoding=encoding)
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal

    def written(self) -> bytes:
        self.flush()
        return self.buffer.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize(("encoding", "terminal", "charset", "expected"), [
    ("ascii", False, "ANSI_X3.4-1968", "source/灯笼街.md".encode()),  # PYTHONIOENCODING=ascii into a pipe
    ("ascii", True, "ANSI_X3.4-1968", "source/灯笼街.md".encode()),  # LANG=C: says nothing of the terminal
    ("latin-1", False, "ISO-8859-1", "source/灯笼街.md".encode()),  # a log written under a Latin-1 locale
    ("latin-1", True, "ISO-8859-1", b"source/\\u706f\\u7b3c\\u8857.md"),  # a terminal that shows Latin-1 only
    ("utf-8", False, "UTF-8", "source/灯笼街.md".encode()),
], ids=["ascii-pipe", "ascii-terminal", "latin1-pipe", "latin1-terminal", "utf8"])
def test_a_stream_that_cannot_hold_chinese_is_written_readably(monkeypatch, encoding: str, terminal: bool,
                                                                 charset: str, expected: bytes) -> None:
    out, err = Stream(encoding, terminal), Stream(encoding, terminal)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(locale, "getencoding", lambda: charset)
    monkeypatch.setattr(streams, "_open_descriptor", lambda fd: True)
    streams.prepare_standard_streams()
    for stream in (out, err):
        stream.write("source/灯笼街.md")
        assert stream.written() == expected


def test_a_closed_standard_output_fails_its_first_line(monkeypatch) -> None:
    """`>&-`: descriptor 1 is /dev/null for the build's children, and the command's first line
    there fails as on a full disk, with its own advice (the console script: test_cli_misuse.py)."""
    from pipeline.cli_common import Output, StreamError

    closed = streams.ClosedOutput(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", closed)
    ui = Output()
    with pytest.raises(StreamError) as failed:
        ui.say("source/灯笼街.md: 0 error(s), 0 warning(s)")
    assert str(failed.value) == ("cannot write to standard output (it is closed): the command prints its results "
                                 "there: send them somewhere (> report.txt, or > /dev/null to drop them), or pass -q "
                                 "to print only errors")
    Output(quiet=True).say("nothing to print")  # -q: nothing written, nothing failed
    with pytest.raises(OSError) as raw:
        closed.write("x")
    assert raw.value.errno == errno.EBADF


# -- publish watch: the source's folder deleted and made again -----------------------------------------
def test_watch_follows_a_folder_deleted_and_made_again(tmp_path: Path, monkeypatch) -> None:
    """A `git switch` away and back, or a sync client, deletes the source's folder and makes it
    again: the watch said the source was gone, then never saw it back (its folder's watch died
    with the folder), and waited for ever. Real file-system events; the build is a stand-in."""
    import threading
    import time

    import pipeline.watch

    folder, styles = tmp_path / "drafts", tmp_path / "styles"
    folder.mkdir()
    styles.mkdir()
    source = folder / "灯笼街.md"
    source.write_text("第一稿", encoding="utf-8")
    built: list[str] = []
    said: list[str] = []
    monkeypatch.setattr(pipeline.watch, "rebuild",
                        lambda path, editions, ctx, out: built.append(path.read_text(encoding="utf-8")) or True)
    stop = threading.Event()
    thread = threading.Thread(target=pipeline.watch.watch_and_build, args=(source, ["epub"], None, said.append),
                              kwargs={"style_dirs": [styles], "stop": stop}, daemon=True)

    def until(condition, seconds: float = 15.0) -> None:
        deadline = time.monotonic() + seconds
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert condition(), (built, said)

    thread.start()
    try:
        until(lambda: built == ["第一稿"])
        time.sleep(0.3)  # the watcher is set up
        for backup in folder.iterdir():
            backup.unlink()
        folder.rmdir()
        until(lambda: any("is gone" in line for line in said))
        folder.mkdir()
        time.sleep(0.2)
        source.write_text("第二稿", encoding="utf-8")
        until(lambda: built[-1:] == ["第二稿"])
    finally:
        stop.set()
        thread.join(10)
    gone = [line for line in said if "is gone" in line]
    assert len(gone) == 1 and f"and its folder {folder}/ too" in gone[0], said  # once, not at every change above it
