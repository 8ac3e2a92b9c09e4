"""No argument list, however wrong, gets a Python traceback: generated command lines over every
command, option and kind of path (missing, a folder for a file, a file for a folder, a FIFO, a
device, /proc, a huge file, non-UTF-8, globs, URLs …) run through the real CLI, and each ends
with exit code 0, 1 or 2 and a message.

Builds really run. Commands that cost seconds per title (pdf, audio, script, all, site) run in a
project whose titles are all broken, so they stop at the source's errors (that project's
publish.toml sets a base URL, so `all` plans its site step too); epub, check, import and new
run in a project with valid titles and real copy to import (what import and new write there is
removed after each example). `watch` is checked up to the point where it would start watching
(its loop is replaced: it never returns by design).
"""

from __future__ import annotations

import os
import shutil
import traceback
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import ROOT, TEST_TITLE
from tests.titles import broken, variant, write

PATHS = ["source/night-library.md", "source", "shelf", "shelf/*.md", "*.md", "drafts/bad.md", "latin1.md",
         "empty.md", "afile", "fifo", "huge.md", "[x].md", "emptydir", "nope.md", "nothing*/*.md", "/proc/forbidden",
         "/dev/null", "", "-", "source/night-library.md/deeper", "bom.md", "corpus", "corpus/yaml-*.md",
         "copy.txt", "copy.html", "copy.docx", "broken.docx", "copy.pdf", "night-owl", "/proc/self/mem"]
OUTS = ["output", "out2", "afile", "/proc/forbidden", "/dev/null", "source/night-library.md", "", "emptydir",
        "memory://bucket/editions", "nosuch://x", "file:///proc/forbidden"]
OPTIONS = {
    "--jobs": ["1", "2", "0", "-3", "x", "9999"],
    "--level": ["-1", "0", "4", "7", "8", "x"],
    "--paper": ["a5", "a0", "LETTER", ""],
    "--engine": ["espeak", "edge", "auto", "x"],
    "--source": PATHS,
    "-s": PATHS,
    "--out": OUTS,
    "-o": OUTS,
    "--base-url": ["https://example.org/pods/", "http://example.org", "ftp://example.org/", "example.org", "",
                   "https://example.org/?q=1"],
    "--slug": ["night-owl", "Bad Slug", "", "-x", "[x]", "night-library"],
    "--out-dir": ["source", "drafts2", "afile", "/proc/forbidden", "/dev/null", "", "emptydir",
                  "source/night-library.md"],
}
FLAGS = ["--force", "-q", "--quiet", "--learner", "--tone-colors", "--tone-sandhi", "--marks", "--cast", "--help",
         "--no-learner", "--bogus"]
# what the commands with one positional argument take, besides any path
POSITIONAL = {"import": ["copy.txt", "copy.html", "copy.docx", "broken.docx", "copy.pdf", "fifo", "/proc/self/mem"],
              "new": ["night-owl", "a", "Night-Owl", "night_owl", "-", "night-library"]}
LIGHT = ["check", "epub", "watch", "voices", "clean-cache", "import", "new"]
HEAVY = ["pdf", "audio", "script", "all", "site"]
WRITERS = {"import", "new"}  # what they write in the project is removed after each example


def _project(root: Path, valid: bool) -> Path:
    good = TEST_TITLE.read_text(encoding="utf-8")
    title = good if valid else broken(good)
    write(root / "source", "night-library.md", title)
    for n in (1, 2):
        write(root / "shelf", f"t{n}.md", variant(n) if valid else broken(variant(n)))
    write(root / "drafts", "bad.md", broken())
    (root / "latin1.md").write_bytes("---\ntitle: caf\xe9\n---\n".encode("latin-1"))
    (root / "empty.md").write_bytes(b"")
    (root / "bom.md").write_bytes(b"\xef\xbb\xbf" + title.replace("slug: night-library", "slug: bom").encode())
    (root / "afile").write_text("not a folder")
    (root / "[x].md").write_text(variant(3) if valid else broken(variant(3)), encoding="utf-8")
    (root / "emptydir").mkdir()
    shutil.copytree(ROOT / "tests" / "fixtures" / "broken", root / "corpus")  # every broken source we know
    os.mkfifo(root / "fifo")
    with open(root / "huge.md", "wb") as handle:
        handle.truncate(17 * 1024 * 1024)
    copies = ROOT / "tests" / "fixtures" / "import"
    for suffix in ("txt", "html", "docx"):
        shutil.copy(copies / f"night-market.{suffix}", root / f"copy.{suffix}")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (root / "copy.pdf").write_bytes(b"%PDF-1.4")
    if not valid:
        (root / "publish.toml").write_text('[site]\nbase_url = "https://example.org/pods/"\n', encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def projects(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("cli-properties")
    return {"light": _project(base / "light", valid=True), "heavy": _project(base / "heavy", valid=False)}


def _own_options(command: str) -> list[str]:
    """The options and flags of our vocabulary that `command` really has (read from the CLI)."""
    import typer.main

    group = typer.main.get_command(app)
    if command not in group.commands:
        return []
    names = {name for param in group.commands[command].params for name in param.opts + param.secondary_opts}
    return sorted(names & (set(OPTIONS) | set(FLAGS)))


def command_lines(commands: list[str]) -> st.SearchStrategy[list[str]]:
    """A command, then tokens: mostly well-formed lines (its own options with any of their
    values, and paths), which get past the parser into the command's own checks and work; the
    rest mix in any option, flag or path."""
    def option(names: list[str]) -> st.SearchStrategy[list[str]]:
        return st.sampled_from(names).flatmap(
            lambda name: st.sampled_from(OPTIONS[name]).map(lambda value: [name, value]) if name in OPTIONS
            else st.just([name]))

    path = st.sampled_from(PATHS).map(lambda p: [p])
    anything = st.one_of(option(sorted(OPTIONS)), st.sampled_from(FLAGS).map(lambda f: [f]), path)

    def tokens(command: str) -> st.SearchStrategy[list[str]]:
        own = _own_options(command)
        if command in POSITIONAL:
            positional = st.one_of(path, st.sampled_from(POSITIONAL[command]).map(lambda p: [p]))
            return st.tuples(st.lists(option(own), max_size=3), positional, st.lists(st.one_of(option(own), anything),
                                                                                   max_size=2)).map(
                lambda t: [command, *[x for part in (*t[0], t[1], *t[2]) for x in part]])
        well_formed = st.one_of(option(own), path) if own else path
        lines = st.one_of(st.lists(well_formed, max_size=4), st.lists(well_formed, max_size=4),
                          st.lists(st.one_of(well_formed, anything), max_size=5))
        return lines.map(lambda t: [command, *[x for part in t for x in part]])

    return st.sampled_from(commands).flatmap(tokens)


SLOW_OK = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@settings(max_examples=80, deadline=None, suppress_health_check=SLOW_OK)
@given(arguments=command_lines(LIGHT + HEAVY + ["nosuch", "--version", "-q"]))
def test_no_argument_list_gets_a_traceback(arguments: list[str], projects, monkeypatch) -> None:
    run_and_judge(arguments, projects, monkeypatch)


@settings(max_examples=50, deadline=None, suppress_health_check=SLOW_OK)
@given(arguments=command_lines(["site", "import", "new", "all"]))
def test_no_argument_list_of_site_import_new_gets_a_traceback(arguments: list[str], projects, monkeypatch) -> None:
    """The commands that write more than editions (the site; a source file), on their own. Fifty
    lines a run (each `all` or `site` starts a pool of processes: about 0.7 s a line); every run
    draws new ones."""
    run_and_judge(arguments, projects, monkeypatch)


def _snapshot(root: Path) -> dict[Path, bytes | None]:
    """Every path in the project, with the bytes of its small regular files."""
    return {path: path.read_bytes() if path.is_file() and path.stat().st_size < 1_000_000 else None
            for path in root.rglob("*")}


def _restore(root: Path, snapshot: dict[Path, bytes | None]) -> None:
    """Undo what `import`/`new` wrote: new files and folders removed, overwritten files
    (with --force) put back."""
    for path in sorted(set(root.rglob("*")) - set(snapshot), key=lambda p: -len(p.parts)):
        path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()
    for path, data in snapshot.items():
        if data is not None and path.read_bytes() != data:
            path.write_bytes(data)


def run_and_judge(arguments: list[str], projects, monkeypatch) -> None:
    import pipeline.watch

    monkeypatch.setattr(pipeline.watch, "watch_and_build", lambda *a, **k: None)
    cwd = projects["heavy" if arguments[0] in HEAVY else "light"]
    snapshot = _snapshot(cwd) if arguments[0] in WRITERS else None
    before = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, arguments, env={"PUBLISH_CACHE_DIR": str(cwd / ".cache")})
    finally:
        os.chdir(before)
        if snapshot is not None:
            _restore(cwd, snapshot)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        detail = "".join(traceback.format_exception(result.exception))
        pytest.fail(f"publish {' '.join(arguments)} raised:\n{detail}")
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert "Traceback" not in output, (arguments, output)
    assert result.exit_code in (0, 1, 2), (arguments, result.exit_code, output)
    if result.exit_code != 0:
        assert "error" in output.lower() or "Usage:" in output, (arguments, output)
    for leftover in cwd.rglob(".publish.lock"):
        pytest.fail(f"{leftover} was left behind")
    shutil.rmtree(cwd / "memory", ignore_errors=True)
