"""Running `publish` (or any build) as a subprocess so that a hang fails fast and says why.

Why: `subprocess.run(..., capture_output=True, timeout=600)` reads the child's output to its end,
and a worker process the build left behind holds that output open: a build killed on purpose
(`PUBLISH_TEST_KILL`) once kept a test waiting its whole 600 s and then errored its module
fixture. Here the build runs in a session of its own, so every process it started can be found
and killed; a build that runs over its time, or whose output stays open after it ended (a
process of it lives on), is killed whole and the test fails with a line that says which.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Sequence

import pytest

# After the build's own process has ended, how long a worker of it may take to notice and end
# (a worker polls for its parent every 0.2 s, or is still starting up on a loaded machine).
AFTER_EXIT_SECONDS = 30


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def run_bounded(args: Sequence[str], *, timeout: float = 600, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """`subprocess.run(args, capture_output=True, text=True)` that never stalls the suite: the
    build's process group is killed after `timeout` seconds, or `AFTER_EXIT_SECONDS` after the
    build itself ended with its output still held open, and the test fails saying so."""
    process = subprocess.Popen(list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, **kwargs)  # type: ignore[call-overload]
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process.pid)
        stdout, stderr = process.communicate(timeout=30)
        pytest.fail(f"{' '.join(args)} ran over {timeout:g} s and was killed; its output:\n{stdout}{stderr}")
    try:
        stdout, stderr = process.communicate(timeout=AFTER_EXIT_SECONDS)
    except subprocess.TimeoutExpired:
        _kill_group(process.pid)
        stdout, stderr = process.communicate(timeout=30)
        pytest.fail(f"{' '.join(args)} ended (exit {process.returncode}) but a process it started still held "
                    f"its output open {AFTER_EXIT_SECONDS} s later (a worker outlived its build); its output:\n"
                    f"{stdout}{stderr}")
    _kill_group(process.pid)  # (nothing should be left; never let it outlive the test)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
