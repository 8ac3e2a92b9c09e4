"""A build killed by any means (SIGKILL included) leaves no worker process behind, and no
process of it holds the build's standard output open after it.

Found by a reliability sweep: `tests/test_crash_safety.py` hung once for 600 s on a loaded
machine. A pool worker records its parent when it starts, a second or more after it is spawned
(it imports the build's modules first); a build killed in that window had already handed it to
a new parent, which the worker then took for its own and watched forever, waiting for a task on
a queue whose pipe it holds both ends of, and holding the build's stdout open. Reproduced here
deterministically with the build's own piece pool: the build SIGKILLs itself right after a
worker is spawned, and again while a worker is busy with a task.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from tests.bounded import run_bounded
from tests.conftest import ROOT

# The build: the title pool's piece pool (`pipeline.driver.local._piece_pool`, the one a single
# title's audio and learner PDF use), one worker spawned for a long task, then SIGKILL; "busy"
# waits until the worker has run a first task, so the kill finds it at work on the second.
BUILD = """
import os, signal, sys, time
from pathlib import Path
from pipeline.driver.local import _piece_pool

if __name__ == "__main__":
    with _piece_pool(2) as pool:
        if sys.argv[1] == "busy":
            pool.submit(Path(sys.argv[2]).touch).result(timeout=60)
        pool.submit(time.sleep, 60)
        Path(sys.argv[2]).write_text(" ".join(str(p.pid) for p in pool._processes.values()))
        os.kill(os.getpid(), signal.SIGKILL)
"""


def alive(pid: int) -> bool:
    """Running, not a zombie waiting for its new parent to reap it."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status and "\nState:\tX" not in status


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("when", ["spawned", "busy"])
def test_a_killed_build_leaves_no_worker_and_no_open_output(tmp_path: Path, when: str) -> None:
    script = tmp_path / "build.py"
    script.write_text(BUILD, encoding="utf-8")
    pids_file = tmp_path / "workers"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    # run_bounded fails the test if a process of the build holds its output open long after it
    killed = run_bounded([sys.executable, str(script), when, str(pids_file)], env=env, timeout=120)
    assert killed.returncode == -9, killed.stderr
    workers = [int(pid) for pid in pids_file.read_text().split()]
    assert workers, "the build spawned no worker"
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if alive(pid)]
    assert not left, f"worker(s) {left} still running {time.monotonic() - started:.1f} s after their build was killed"
