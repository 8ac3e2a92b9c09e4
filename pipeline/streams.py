"""The process's standard streams, made safe before `publish` prints anything.

Kept free of imports beyond the standard library: the console script's entry point
(`pipeline.entry`) calls it before it loads the command line.

Why each case matters (all found by a sweep of how editors and scripts run the command):
- a stream the caller closed (`publish check >&-`, a daemon without a terminal): Python starts
  with `sys.stdout = None` (a traceback on the first print), and the next file the build opens
  takes descriptor 1, so a child process writing its standard output (EPUBCheck's Java, an
  encoder) would write into that file. The descriptor is filled with /dev/null instead;
- a stream whose encoding cannot hold Chinese (`PYTHONIOENCODING=ascii`, a Latin-1 locale, a
  pipe under `LC_ALL=C` without UTF-8 mode): every message naming a title crashed with
  `UnicodeEncodeError`; such characters are written as `\\u591c` instead, as Python already does
  for standard error.
"""

from __future__ import annotations

import os
import sys

STREAMS = (("stdin", 0, "r"), ("stdout", 1, "w"), ("stderr", 2, "w"))
SAMPLE = "夜读“”—…"  # what messages hold: Chinese text, curly quotes, dashes


def _open_descriptor(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def prepare_standard_streams() -> None:
    """Fill closed standard descriptors with /dev/null and let stdout and stderr write any
    character (escaped where their encoding has no room for it)."""
    for name, fd, mode in STREAMS:
        if not _open_descriptor(fd):
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        if getattr(sys, name) is None:
            setattr(sys, name, open(fd, mode, encoding="utf-8", errors="backslashreplace", closefd=False))
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            SAMPLE.encode(stream.encoding or "ascii")
        except (LookupError, UnicodeEncodeError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="backslashreplace")
        except AttributeError:  # a replaced stream (a test's capture) without an encoding
            pass


def silence(stream: object) -> None:
    """After the reader of `stream` went away (`publish check | head -1`): what is printed next
    goes to /dev/null, so neither a later print nor the flush at exit raises `BrokenPipeError`."""
    try:
        fd = stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)
