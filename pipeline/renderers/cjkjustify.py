"""Justified Chinese in WeasyPrint: spread a line's slack between CJK characters too.

WeasyPrint (up to at least 70) justifies a line by widening its spaces only. Chinese has no
spaces, so `text-align: justify` leaves Chinese ragged whenever a Latin word, a number or a
line-start rule makes a line fall short of the measure. CSS's answer is
`text-justify: inter-character`, which WeasyPrint does not implement; this module adds it.

While `inter_character_justification()` is active, every CJK character of a justified line
(Han, kana, full-width punctuation) counts as a justification opportunity, like a space, and
is drawn with the matching Pango letter spacing. Dashes and ellipses are left out so that
"——" and "……" stay unbroken, and Latin words keep their own letter fit.

It works by wrapping two WeasyPrint internals for the duration of one PDF write, then puts
them back; it checks their shape first and does nothing (the PDF comes out ragged, not
broken) if a WeasyPrint release has changed them.

Threads: the wrap is process-wide, and WeasyPrint is not thread-safe either, so the context
holds a process-wide lock: two PDFs laid out by two threads of one process (a Dask worker with
several threads) take turns, and neither sees the other's patch come and go. Processes each
have their own WeasyPrint and their own lock; the build driver uses spawned processes, so no
child inherits a half-installed patch.
"""

from __future__ import annotations

import contextlib
import inspect
import re
import threading
from collections.abc import Iterator

# Han, CJK punctuation, kana, full-width forms and the CJK quotation marks.
_EXPANDABLE = re.compile(
    "[\u2018\u2019\u201c\u201d\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff01-\uff60\U00020000-\U0002ffff]+"
)


# Held for the whole layout and write of one PDF; re-entrant so a caller may hold it too.
LAYOUT_LOCK = threading.RLock()


def expandable_count(text: str) -> int:
    """How many justification opportunities `text` adds besides its spaces."""
    return sum(len(run) for run in _EXPANDABLE.findall(text))


@contextlib.contextmanager
def inter_character_justification() -> Iterator[bool]:
    """Yield True while inter-character justification is in force (False if unavailable).

    Holds `LAYOUT_LOCK` throughout: one PDF layout per process at a time."""
    with LAYOUT_LOCK:
        yield from _patched()


def _patched() -> Iterator[bool]:
    try:
        from weasyprint.layout import inline
        from weasyprint.text import line_break
        from weasyprint.text.ffi import TO_UNITS, ffi, pango
    except ImportError:
        yield False
        return
    count_spaces = getattr(inline, "count_expandable_spaces", None)
    set_text = getattr(line_break.Layout, "set_text", None)
    if (count_spaces is None or set_text is None
            or list(inspect.signature(count_spaces).parameters) != ["box"]
            or list(inspect.signature(set_text).parameters) != ["self", "text", "justify"]):
        yield False
        return

    from weasyprint.formatting_structure import boxes

    def count(box):  # type: ignore[no-untyped-def]
        extra = expandable_count(box.text) if isinstance(box, boxes.TextBox) else 0
        return count_spaces(box) + extra

    def set_text_spread(self, text, justify=False):  # type: ignore[no-untyped-def]
        set_text(self, text, justify)
        if not (justify and self.justification_spacing and self.text):
            return
        spacing = int(self.justification_spacing * TO_UNITS)
        attributes = pango.pango_layout_get_attributes(self.layout)
        if attributes == ffi.NULL:
            attributes = ffi.gc(pango.pango_attr_list_new(), pango.pango_attr_list_unref)
        encoded_offset = 0
        position = 0
        for match in _EXPANDABLE.finditer(self.text):
            encoded_offset += len(self.text[position:match.start()].encode())
            length = len(match.group().encode())
            attribute = pango.pango_attr_letter_spacing_new(spacing)
            attribute.start_index, attribute.end_index = encoded_offset, encoded_offset + length
            pango.pango_attr_list_change(attributes, attribute)
            encoded_offset += length
            position = match.end()
        pango.pango_layout_set_attributes(self.layout, attributes)

    inline.count_expandable_spaces = count
    line_break.Layout.set_text = set_text_spread
    try:
        yield True
    finally:
        inline.count_expandable_spaces = count_spaces
        line_break.Layout.set_text = set_text
