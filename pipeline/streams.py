"""The process's standard streams, made safe before `publish` prints anything.

Kept free of imports beyond the standard library: the console script's entry point
(`pipeline.entry`) calls it before it loads the command line.

Why each case matters (all found by a sweep of how editors and scripts run the command):
- a stream the caller closed (`publish check >&-`, a daemon without a terminal): Python starts
  with `sys.stdout = None` (a traceback on the first print), and the next file the build opens
  takes descriptor 1, so a child process writing its standard output (EPUBCheck's Java, an
  encoder) would write into that file. The descriptor is filled with /dev/null instead. A
  closed standard output is then a stream every write to fails (`ClosedOutput`): before, `publish
  check >&-` dropped its results and exited 0, so a script took the missing report for a clean
  one; now the first line printed ends the command, exit 1, 'cannot write to standard output (it
  is closed …)'. A command that prints nothing there (`-q`) is unaffected. (A closed standard
  error stays /dev/null: the exit code still says how the command ended.);
- a stream whose encoding cannot hold Chinese (`PYTHONIOENCODING=ascii`, a Latin-1 locale, a
  pipe under `LC_ALL=C` without UTF-8 mode): every message naming a title crashed with
  `UnicodeEncodeError`, and later was written as `\\u706f\\u4e0b` escapes no editor can read.
  Such a stream now writes UTF-8 (the bytes the file names have on disk: `publish` refuses any
  other), but for a terminal whose locale names a charset without Chinese (`LANG=de_DE.ISO-8859-1`),
  which would show UTF-8 as mojibake: there, and only there, `\\u706f` escapes (`HOLDS_TEXT`).
"""

from __future__ import annotations

import errno
import io
import locale
import os
import re
import sys

STREAMS = (("stdin", 0, "r"), ("stdout", 1, "w"), ("stderr", 2, "w"))
SAMPLE = "夜读“”—…"  # what messages hold: Chinese text, curly quotes, dashes


def _open_descriptor(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


class ClosedOutput(io.TextIOWrapper):
    """Standard output after the caller closed it (`>&-`): descriptor 1 is /dev/null (so that no
    file the build opens takes its place), and every write fails, as a write to the closed
    descriptor would have, so that a command's results are never dropped without a word."""

    def write(self, text: str) -> int:  # type: ignore[override]
        if not text:
            return 0
        raise OSError(errno.EBADF, CLOSED)

    def isatty(self) -> bool:
        return False


CLOSED = "it is closed"
# What to do when a standard stream cannot be written, by the error (the rest: a full disk?).
STREAM_ADVICE = {
    errno.EBADF: "the command prints its results there: send them somewhere (> report.txt, or > /dev/null "
                 "to drop them), or pass -q to print only errors",
}
STREAM_ADVICE_ELSE = "check where the output is sent (a full disk?)"
# Charsets a terminal's locale may name that cannot show Chinese, as Python spells them: the C
# or POSIX locale's ASCII says nothing about the terminal (which nearly always shows UTF-8), and
# is written UTF-8; a charset chosen by name (Latin-1, Windows-1252, KOI8-R …) is what the
# terminal shows, so there messages get `\\u706f` escapes rather than mojibake.
UNNAMED_CHARSETS = frozenset({"ascii", "ansi_x3.4-1968", "us-ascii", "646", "posix", "c"})


def _holds_text(encoding: str | None) -> bool:
    try:
        SAMPLE.encode(encoding or "ascii")
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def _terminal_charset_lacks_chinese(stream: object) -> bool:
    """Whether `stream` is a terminal whose locale names a charset without Chinese."""
    if not on_terminal(stream):
        return False
    try:
        charset = locale.getencoding() if hasattr(locale, "getencoding") else locale.getpreferredencoding(False)
    except (ValueError, locale.Error):
        return False
    return charset.lower() not in UNNAMED_CHARSETS and not _holds_text(charset)


def prepare_standard_streams() -> None:
    """Fill closed standard descriptors with /dev/null (standard output then fails every write:
    `ClosedOutput`) and let stdout and stderr write any character: UTF-8 where their encoding
    has no room for Chinese, escapes only on a terminal that cannot show it."""
    for name, fd, mode in STREAMS:
        closed = not _open_descriptor(fd)
        if closed:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        if name == "stdout" and (closed or sys.stdout is None):
            sys.stdout = ClosedOutput(open(fd, "wb", closefd=False), encoding="utf-8")
        elif getattr(sys, name) is None:
            setattr(sys, name, open(fd, mode, encoding="utf-8", errors="backslashreplace", closefd=False))
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            encoding = stream.encoding
        except AttributeError:  # a replaced stream (a test's capture) without an encoding
            continue
        if _holds_text(encoding):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        if _terminal_charset_lacks_chinese(stream):
            reconfigure(errors="backslashreplace")
        else:
            reconfigure(encoding="utf-8", errors="backslashreplace")


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


# -- colour and live displays: one policy for every stream ------------------------------------------
# Precedence, most binding first (https://no-color.org, https://force-color.org):
#   NO_COLOR set and not empty   no colour, no boxes, no live display
#   FORCE_COLOR set, not 0/false colour, even off a terminal or under TERM=dumb (a CI log that
#                                renders it); never a live display: it redraws, which a log
#                                cannot, and a pipe got hundreds of cursor-moving lines
#   FORCE_COLOR=0 / false        no colour (as Node's supports-color reads it)
#   otherwise                    colour and live displays on a terminal whose TERM is not dumb
# Before, Rich took any FORCE_COLOR (even 0) as 'a terminal' on its own, so a piped audio build
# wrote its progress bar into the log, and an empty NO_COLOR counted as set.
FORCE_OFF = frozenset({"0", "false", "no", "off"})


def on_terminal(stream: object) -> bool:
    """Whether `stream` is a real terminal (whatever the environment says)."""
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False


def _no_color() -> bool:
    return os.environ.get("NO_COLOR", "") != ""


def forced_colour() -> bool | None:
    """True when FORCE_COLOR asks for colour, False when it forbids it, None when unset (or
    overruled by NO_COLOR, which wins)."""
    value = os.environ.get("FORCE_COLOR")
    if value is None or _no_color():
        return None
    return value.strip().lower() not in FORCE_OFF


def live_allowed(stream: object) -> bool:
    """Boxes and live (redrawn) displays on `stream`: a real terminal that can move its cursor,
    colour not refused."""
    return (on_terminal(stream) and os.environ.get("TERM") != "dumb" and not _no_color()
            and forced_colour() is not False)


def colour_allowed(stream: object) -> bool:
    """Colour on `stream`, by the precedence above."""
    if _no_color():
        return False
    forced = forced_colour()
    return forced if forced is not None else live_allowed(stream)


# Control characters in what a message quotes (a file name holding a newline, a carriage return or
# an escape sequence): before, `a\nb.md` split its line in two, `bad\rname.md` was shown as
# 'badname.md' (a file that is not there), and an ESC sequence in a name drove the terminal.
# They are shown escaped, as Python writes them; the tab is kept.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with its control characters escaped (`\\n`, `\\r`, `\\x1b`)."""
    return _CONTROL.sub(lambda m: m.group() if keep_newlines and m.group() == "\n" else repr(m.group())[1:-1], text)
