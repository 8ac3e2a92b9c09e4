"""A build stopped by Ctrl-C or SIGTERM ends with one line and its exit code, prints no traceback
(of its own or of a worker process), leaves no temporary file in the output folder and no
process behind, and keeps every finished output whole.

Found by a robustness sweep: Ctrl-C printed a worker's traceback ("Process SpawnProcess-1:
Traceback … KeyboardInterrupt") and never the documented "interrupted" line, and SIGTERM in the
middle of a write left the temporary '.<name>.<random>.part' file in the output folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.fsutil import KILL_ENV, KILL_SIGNAL_ENV
from pipeline.reader import read_source
from tests.bounded import run_bounded
from tests.conftest import FIRST_TITLE, ROOT, TEST_TITLE, as_from_a_terminal

SLUG = read_source(TEST_TITLE).meta.slug
FIRST_SLUG = read_source(FIRST_TITLE).meta.slug


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in (KILL_ENV, KILL_SIGNAL_ENV)}
    env.update(PYTHONPATH=str(ROOT), NO_COLOR="1", PUBLISH_CACHE_DIR=str(tmp_path / "cache"), **extra)
    return env


def publish(tmp_path: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return run_bounded([sys.executable, "-m", "pipeline.cli", *args], cwd=tmp_path, timeout=600,
                       env=environment(tmp_path, **extra))


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".") or p.name.endswith(".part"))


def test_sigterm_while_writing_removes_the_temporary_file(tmp_path: Path) -> None:
    """The build's own process: SIGTERM in the middle of writing the EPUB (the test hook cuts the
    temporary file to half and signals there) unwinds the build: the previous EPUB stays, the
    half file is gone, one line says so, exit 143."""
    assert publish(tmp_path, "epub", str(TEST_TITLE), "--out", "out").returncode == 0
    before = (tmp_path / "out" / f"{SLUG}.epub").read_bytes()
    run = publish(tmp_path, "epub", str(TEST_TITLE), "--out", "out", "--force",
                  **{KILL_ENV: f"{SLUG}.epub", KILL_SIGNAL_ENV: "TERM"})
    assert run.returncode == 143, run.stderr
    assert run.stderr.strip().splitlines()[-1] == "error: terminated" and "Traceback" not in run.stderr, run.stderr
    assert leftovers(tmp_path / "out") == []
    assert (tmp_path / "out" / f"{SLUG}.epub").read_bytes() == before


def test_a_worker_stopped_while_writing_removes_its_temporary_file(tmp_path: Path) -> None:
    """Title worker processes (two titles, two jobs) SIGTERMed while they write their EPUBs remove
    the half files before they end (a worker the broken pool stops is SIGTERMed too); the titles
    are reported failed, one line each, and nothing is left in the output folder."""
    other = tmp_path / "second.md"
    other.write_text(TEST_TITLE.read_text(encoding="utf-8").replace(f"slug: {SLUG}", "slug: second"), encoding="utf-8")
    run = publish(tmp_path, "epub", str(TEST_TITLE), str(other), "--out", "out", "--jobs", "2",
                  **{KILL_ENV: "*.epub", KILL_SIGNAL_ENV: "TERM"})
    output = run.stdout + run.stderr
    assert run.returncode == 1 and "Traceback" not in output, output
    assert "worker process stopped" in output, output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == []  # no half file, no temporary one


@pytest.mark.slow
@pytest.mark.parametrize(("sig", "code", "line"), [(signal.SIGINT, 130, "error: interrupted"),
                                                   (signal.SIGTERM, 143, "error: terminated")],
                         ids=["ctrl-c", "sigterm"])
def test_a_catalogue_build_stopped_from_the_terminal(tmp_path: Path, sig: int, code: int, line: str) -> None:
    """Two titles on two worker processes, every edition, stopped as a terminal's Ctrl-C stops
    it (the signal goes to the whole process group) once the first outputs are written."""
    shutil.copy(FIRST_TITLE, tmp_path / f"{FIRST_SLUG}.md")
    shutil.copy(TEST_TITLE, tmp_path / f"{SLUG}.md")
    out = tmp_path / "out"
    build = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "all", f"{FIRST_SLUG}.md", f"{SLUG}.md",
                              "--out", str(out), "--jobs", "2", "--engine", "espeak"],
                             cwd=tmp_path, env=environment(tmp_path), start_new_session=True,
                             preexec_fn=as_from_a_terminal,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        while not (out.is_dir() and any(p.suffix == ".epub" for p in out.iterdir())) and build.poll() is None:
            assert time.monotonic() < deadline, "no output appeared"
            time.sleep(0.2)
        assert build.poll() is None, "the build ended before it could be stopped"
        os.killpg(build.pid, sig)
        try:
            stdout, stderr = build.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            pytest.fail("the stopped build, or a process of it, was still running 120 s later")
    except BaseException:  # never a process of it left behind, whatever failed above
        with contextlib.suppress(ProcessLookupError):
            os.killpg(build.pid, signal.SIGKILL)
        raise
    assert build.returncode == code, stderr
    assert "Traceback" not in stdout + stderr, stderr
    assert stderr.strip().splitlines()[-1] == line, stderr
    assert leftovers(out) == []
    for _ in range(50):  # every process of the build ends (workers within their lifeline's poll)
        try:
            os.killpg(build.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("a process of the stopped build is still running")
