"""The `publish` console script's entry point, kept apart from `pipeline.cli`.

Why: a worker process started with multiprocessing's "spawn" re-runs the main script's module
level. When the script imported `pipeline.cli` there, every worker loaded Typer, Rich and every
command's imports (about 0.3 s of CPU) before its first task; this module imports nothing
but the standard library's `os` and `sys` (`pipeline.streams`).
"""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130  # as `pipeline.cli` exits on Ctrl-C


def main() -> None:
    from pipeline.streams import prepare_standard_streams

    prepare_standard_streams()  # before anything prints: closed or non-UTF-8 streams
    try:
        from pipeline.cli import main as run
    except KeyboardInterrupt:  # Ctrl-C while the command's libraries load: no traceback
        print("error: interrupted", file=sys.stderr)  # as every command says it
        sys.exit(EXIT_INTERRUPTED)
    run()
