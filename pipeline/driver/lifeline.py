"""A worker process that ends when the process that started it is gone.

A `ProcessPoolExecutor` worker waits on its task queue, whose pipe it holds both ends of, so it
never notices that the build which started it was killed (SIGKILL, out of memory): it would
live on, and with it the build's stdout and stderr, which it inherited, so whoever ran the build
and reads its output to the end would wait forever. Kept free of heavy imports: every worker
runs it first.
"""

from __future__ import annotations

import os
import threading

POLL_SECONDS = 0.2


def exit_with_parent() -> None:
    """Pool initializer: a daemon thread ends this process once its parent has exited (it is
    then adopted by another process, so its parent's id changes)."""
    parent = os.getppid()

    def watch() -> None:
        while not _stopped.wait(POLL_SECONDS):
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="publish-lifeline", daemon=True).start()


_stopped = threading.Event()  # never set: the thread ends with the process
