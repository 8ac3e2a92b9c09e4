"""`word-break: break-all` as CSS means it, in WeasyPrint's line breaking.

The PDFs mark a long run no reader would break (an address, a path, a checksum: `cjktype.long_runs`)
`word-break: break-all`, so that it fills its line to the measure and goes on on the next. WeasyPrint
70 breaks such a run by character only when no break of Pango's own (after `/`, `-`, `?`) fits: a
run that has one breaks there first, and the line before it ends short. Justified, that line then
spreads its Chinese characters apart (`第 一 封 来 信 就 会 到 达 opendata-helpdesk.night-`), or a
line holds only `search?` of an address. CSS Text 3 makes every character boundary of a break-all
run a break opportunity, so a line takes as many characters as fit: `split_first_line` is wrapped
so that where WeasyPrint's answer broke such text at one of Pango's opportunities and another
character would have fitted, the line is laid out again by character (what WeasyPrint itself does
when nothing else fits), and the longer line is kept. And where a run that fits is followed by
what may not begin a line (`…901，以及`), WeasyPrint looks back for a box it can break inside
(`can_break_inside`, by Pango's opportunities alone): a run of digits had none, so the whole run
went to the next line and the line before it spread (`例 110101199003077654， 订 单 号`); a
break-all text box of two characters or more can be broken inside.

Only text styled break-all is touched (the learner PDF's rows and all other text are laid out as
before); the wrap is left out where WeasyPrint's code is not as expected.
"""

from __future__ import annotations

import inspect
from math import inf
from typing import Any

_PARAMETERS = ["text", "style", "context", "max_width", "justification_spacing", "is_line_start", "minimum"]


def mend_break_all() -> None:
    """Wrap `split_first_line` where WeasyPrint's inline layout calls it (once per process)."""
    from weasyprint.layout import inline
    from weasyprint.text import line_break

    split = getattr(inline, "split_first_line", None)
    if split is None or getattr(split, "_mended", False) or list(inspect.signature(split).parameters) != _PARAMETERS:
        return
    wrap_char = line_break.PANGO_WRAP_MODE["WRAP_CHAR"]

    def split_first_line(text, style, context, max_width, justification_spacing,  # type: ignore[no-untyped-def]
                         is_line_start=True, minimum=False):
        result = split(text, style, context, max_width, justification_spacing, is_line_start, minimum)
        resume = result[2]
        if (style["word_break"] != "break-all" or resume is None or max_width is None or max_width == inf
                or style["white_space"] not in ("normal", "pre-wrap", "pre-line") or result[3] > max_width):
            return result
        layout = line_break.create_layout(text, style, context, max_width, justification_spacing)
        line_break.pango.pango_layout_set_wrap(layout.layout, wrap_char)
        first_line, index = layout.get_first_line()
        by_character = index or first_line.length
        if by_character <= resume or by_character >= len(text.encode()):
            return result  # (Pango's own break was as far as a character break goes)
        return line_break.first_line_metrics(first_line, text, layout, by_character,
                                             style["white_space"] in ("normal", "nowrap", "pre-line"), style)

    split_first_line._mended = True  # type: ignore[attr-defined]
    inline.split_first_line = split_first_line

    breaks_inside = getattr(inline, "can_break_inside", None)
    if breaks_inside is not None and list(inspect.signature(breaks_inside).parameters) == ["box"]:
        from weasyprint.formatting_structure import boxes

        def can_break_inside(box):  # type: ignore[no-untyped-def]
            if (isinstance(box, boxes.TextBox) and box.style["word_break"] == "break-all" and len(box.text) > 1
                    and box.style["white_space"] in ("normal", "pre-wrap", "pre-line")):
                return True
            return breaks_inside(box)

        inline.can_break_inside = can_break_inside

