"""No argument list, however wrong, gets a Python traceback: generated command lines over every
command, option and kind of path (missing, a folder for a file, a file for a folder, a FIFO, a
device, /proc, a huge file, non-UTF-8, globs, URLs …) run through the real CLI, and each ends
with exit code 0, 1 or 2 and a message.

Builds really run. Commands that cost seconds per title (pdf, audio, script, all) run in a
project whose titles are all broken, so they stop at the source's errors; epub and check run
in a project with valid titles. `watch` is checked up to the point where it would start
watching (its loop is replaced: it never returns by design).
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
         "/dev/null", "", "-", "source/night-library.md/deeper", "bom.md", "corpus", "corpus/yaml-*.md"]
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
}
FLAGS = ["--force", "-q", "--quiet", "--learner", "--tone-colors", "--tone-sandhi", "--marks", "--cast", "--help",
         "--no-learner", "--bogus"]
LIGHT = ["check", "epub", "watch", "voices", "clean-cache"]
HEAVY = ["pdf", "audio", "script", "all"]


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
    return root


@pytest.fixture(scope="module")
def projects(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("cli-properties")
    return {"light": _project(base / "light", valid=True), "heavy": _project(base / "heavy", valid=False)}


def command_lines() -> st.SearchStrategy[list[str]]:
    option = st.sampled_from(sorted(OPTIONS)).flatmap(lambda name: st.sampled_from(OPTIONS[name]).map(
        lambda value: [name, value]))
    token = st.one_of(option, st.sampled_from(FLAGS).map(lambda f: [f]), st.sampled_from(PATHS).map(lambda p: [p]))
    return st.tuples(st.sampled_from(LIGHT + HEAVY + ["nosuch", "--version", "-q"]),
                     st.lists(token, max_size=5)).map(lambda t: [t[0], *[x for part in t[1] for x in part]])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(arguments=command_lines())
def test_no_argument_list_gets_a_traceback(arguments: list[str], projects, monkeypatch) -> None:
    import pipeline.watch

    monkeypatch.setattr(pipeline.watch, "watch_and_build", lambda *a, **k: None)
    cwd = projects["heavy" if arguments[0] in HEAVY else "light"]
    before = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, arguments, env={"PUBLISH_CACHE_DIR": str(cwd / ".cache")})
    finally:
        os.chdir(before)
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
