"""WeasyPrint, loaded once per process without its slow library search, and stylesheets parsed
once per process.

Importing WeasyPrint loads Pango, HarfBuzz and fontconfig through cffi, trying several names
for each library. A name that fails sends cffi to `ctypes.util.find_library`, which on Linux
runs `ldconfig`, `gcc` and `ld` in subprocesses: about 50 of them, 0.3 s of CPU in every
process that lays out a PDF. Each list of names ends with the Linux soname, which cffi opens
directly, so on Linux the search is skipped during the import (and the import retried with it
should that ever fail).

A stylesheet parsed by WeasyPrint (`CSS`) holds its rules and compiled selectors and may be
used by many documents; the learner PDF lays out a dozen documents with the same sheets.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from functools import lru_cache
from typing import Any


@contextlib.contextmanager
def _no_library_search() -> Iterator[None]:
    import ctypes.util

    real = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = real


@lru_cache(maxsize=1)
def weasyprint() -> Any:
    """The `weasyprint` module, imported."""
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint as module

        return module
    try:
        with _no_library_search():
            import weasyprint as module
            import weasyprint.pdf.fonts  # noqa: F401  (HarfBuzz-Subset, loaded when a PDF is written)
    except (OSError, ImportError):
        for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
            del sys.modules[name]
        import weasyprint as module
    return module


@lru_cache(maxsize=64)
def stylesheet(text: str) -> Any:
    """`text` parsed as a WeasyPrint stylesheet (cached: the same text gives the same object)."""
    return weasyprint().CSS(string=text)
