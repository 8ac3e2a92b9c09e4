"""The learner's lines as HTML for WeasyPrint: each line one preformatted block of two rows,
pinyin over Han, in which tab characters move the pen to each piece's position.

With `tab-size: 1px` there is a tab stop about every CSS pixel, so a piece lands within half
a pixel of where `pinyinlayout` set it, and WeasyPrint shapes two text runs per line instead of
hundreds of boxes. A condensed syllable is the one box of its row: an inline-block scaled by a
transform, its margins taking off what the scale takes off, so the text after it stays put.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from pipeline.renderers.pinyinlayout import PANGO_UNITS, Line

# How a tab moves the pen in WeasyPrint 70 / Pango 1.5x (measured): Pango finds the next tab
# stop strictly after its own pen, but the tab is drawn 1.024 times as wide as that distance
# (1024 units read as 1000), so the drawn pen and Pango's pen part.
# `_Pen` models both; tests/renderers/test_pdf_learner.py checks the alignment that rests on it.
TAB_SCALE = 1.024
TAB = PANGO_UNITS  # Pango units between tab stops: `tab-size: 1px` in pdf-learner.css (WeasyPrint
# hands Pango whole pixels, so no finer step is possible)
FULL_SCALE = 0.995  # a syllable scaled less than this is drawn condensed


@dataclass
class _Pen:
    """Where Pango thinks the pen is (`layout`, whole Pango units, from the start of the current
    text run) and where it draws it (`drawn`, px from the row's start). A new run (a span or
    what follows an inline-block) starts where the previous box ends by Pango's count, not by
    the drawn pen."""

    layout: int = 0
    drawn: float = 0.0
    origin: float = 0.0  # drawn px where the current run starts

    def new_run(self) -> None:
        self.origin = self.drawn = self.origin + self.layout / PANGO_UNITS
        self.layout = 0

    def after_box(self, end: float) -> None:
        """A run starts at `end` px, after an inline-block."""
        self.origin = self.drawn = end
        self.layout = 0

    def _next_stop(self) -> int:
        return (self.layout // TAB + 1) * TAB

    def after_tabs(self, count: int) -> float:
        """The drawn pen after `count` tabs (count ≥ 1)."""
        distance = self._next_stop() - self.layout + (count - 1) * TAB
        return self.drawn + distance / PANGO_UNITS * TAB_SCALE

    def layout_after_tabs(self, count: int) -> float:
        """Where the next box starts, by Pango's count, after `count` tabs (0 or more)."""
        units = self.layout if count == 0 else self._next_stop() + (count - 1) * TAB
        return self.origin + units / PANGO_UNITS

    def tab(self, count: int) -> None:
        self.drawn = self.after_tabs(count)
        self.layout = self._next_stop() + (count - 1) * TAB

    def advance(self, width: float) -> None:
        self.layout += round(width * PANGO_UNITS)
        self.drawn += width


def _tabs_to(pen: _Pen, x: float) -> int:
    """How many tabs bring the drawn pen nearest to `x` (none if it is nearest already)."""
    step = TAB / PANGO_UNITS * TAB_SCALE
    first = pen.after_tabs(1)
    if x - pen.drawn <= first - x:
        return 0
    return max(1, round((x - first) / step) + 1)


def _tabs_to_box(pen: _Pen, x: float) -> int:
    """How many tabs bring the start of the next box (Pango's pen) nearest to `x`."""
    here, first = pen.layout_after_tabs(0), pen.layout_after_tabs(1)
    if x - here <= first - x:
        return 0
    return max(1, round((x - first) * PANGO_UNITS / TAB) + 1)


Piece = tuple[float, str, str, float, float]  # x px, text, css class, width px (as drawn), scale


def _row(pieces: list[Piece]) -> str:
    """One preformatted row, its pieces in order. Tabs move the pen to each piece's x (within
    half a tab); a run of one class is one span, and since each span is a text run of its own,
    Pango's tab stops restart at its start."""
    out: list[str] = []
    pen = _Pen()
    current = ""
    for x, text, css, width, scale in pieces:
        if css != current:
            if current:
                out.append("</span>")
            if css:
                out.append(f'<span class="{css}">')
            current = css
            pen.new_run()
        if scale < FULL_SCALE:
            tabs = _tabs_to_box(pen, x)
            out.append("\t" * tabs)
            start = pen.layout_after_tabs(tabs)
            natural = width / scale
            margin = (width - natural) / 2
            out.append(f'<span class="cn" style="transform:scaleX({scale:.3f});margin:0 {margin:.3f}px">'
                       f"{escape(text, quote=False)}</span>")
            pen.after_box(start + width)
            continue
        tabs = _tabs_to(pen, x)
        if tabs:
            out.append("\t" * tabs)
            pen.tab(tabs)
        out.append(escape(text, quote=False))
        pen.advance(width)
    if current:
        out.append("</span>")
    return "".join(out)


def line_html(line: Line, overhang: float) -> str:
    """A line as one preformatted block of two rows, pinyin (in the block's own face and
    size) over Han (class "hz"). The block starts `overhang` px left of the measure so that a
    syllable wider than its character may hang into the margin at either end."""
    han = [(x + overhang, g.text, g.css, g.width, 1.0) for x, g in zip(line.x, line.glyphs)]
    pinyin = []
    for x, glyph, scale in zip(line.x, line.glyphs, line.scales):
        if glyph.syllable:
            scale = scale if scale < FULL_SCALE else 1.0
            width = glyph.syllable_width * scale
            pinyin.append((x + overhang + (glyph.width - width) / 2, glyph.syllable, "", width, scale))
    return f'<span class="ln">{_row(pinyin)}\n<span class="hz">{_row(han)}</span></span>'


def block_html(lines: list[Line], overhang: float) -> str:
    """The lines of a paragraph, the first two and the last two kept together (orphans and
    widows of two, as in print)."""
    rows = [line_html(line, overhang) for line in lines]
    if len(rows) < 4:
        return f'<span class="keep">{"".join(rows)}</span>'
    return (f'<span class="keep">{"".join(rows[:2])}</span>' + "".join(rows[2:-2])
            + f'<span class="keep">{"".join(rows[-2:])}</span>')
