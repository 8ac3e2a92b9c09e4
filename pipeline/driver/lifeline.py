"""A worker process that ends when the process that started it is gone.

A `ProcessPoolExecutor` worker waits on its task queue, whose pipe it holds both ends of, so it
never notices that the build which started it was killed (SIGKILL, out of memory): it would
live on, and with it the build's stdout and stderr, which it inherited, so whoever ran the build
and reads its output to the end would wait forever. Kept free of heavy imports: every worker
runs it first.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading

POLL_SECONDS = 0.2


def exit_with_parent(parent: int | None = None) -> None:
    """Pool initializer: a daemon thread ends this process once its parent has exited (it is
    then adopted by another process, so its parent's id changes).

    `parent` is the build's process id, taken in the build when it makes the pool
    (`initargs=(os.getpid(),)`), not read here: a worker starts a second or more after it is
    spawned (it imports the build's modules first, longer on a loaded machine), and a build killed
    in that window had already handed it to its new parent, which it then took for its own and
    watched forever, waiting for a task on a queue whose pipe it holds both ends of (and holding
    the build's stdout and stderr open: a test or a CI job reading them waited for its timeout).
    (Not `PR_SET_PDEATHSIG`: Linux sends it when the *thread* that spawned the worker ends, and a
    pool grows from whichever thread submits to it.)

    Ctrl-C reaches every process of the terminal's group: a worker leaves it to the build that
    started it (which stops the workers itself), instead of printing a traceback of its own
    ("Process SpawnProcess-1: Traceback … KeyboardInterrupt"). On SIGTERM, how that build stops a
    worker, the worker removes the temporary files it was writing and ends (the default action
    left '.x.epub.….part' files in the output folder); it does not unwind its task, whose
    exception would be sent back to the build as the task's result."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop)
    hangup = getattr(signal, "SIGHUP", None)  # the terminal closed: it reaches the workers too
    if hangup is not None and signal.getsignal(hangup) is not signal.SIG_IGN:  # not under nohup
        signal.signal(hangup, _stop)
    if parent is None:
        parent = os.getppid()
    if os.getppid() != parent:  # the build was gone before this worker could watch it
        os._exit(1)

    def watch() -> None:
        while not _stopped.wait(POLL_SECONDS):
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="publish-lifeline", daemon=True).start()


_stopped = threading.Event()  # never set: the thread ends with the process


def _stop(signum: int, frame: object) -> None:
    from pipeline.fsutil import remove_temporaries  # (here: every worker runs this module first)

    remove_temporaries()
    os._exit(128 + signum)


def stop_workers(executor: object) -> None:
    """Stop a `ProcessPoolExecutor`'s workers now (SIGTERM), not after their running tasks: the
    build was interrupted. Python 3.14 has `terminate_workers()`; before it, the processes are
    the executor's `_processes`."""
    terminate = getattr(executor, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):  # (one already gone)
            process.terminate()
