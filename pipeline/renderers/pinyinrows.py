"""The learner's lines as HTML for WeasyPrint: each line one preformatted block of two rows,
pinyin over Han, in which tab characters move the pen to each piece's position.

With `tab-size: 1px` there is a tab stop about every CSS pixel, so a piece lands within half
a pixel of where `pinyinlayout` set it, and WeasyPrint shapes two text runs per line instead of
hundreds of boxes. A condensed syllable is set in a condensed face (`pinyinfont`): a span, a
text run of its own, like the asides and emphasis of the Han row.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from pipeline.renderers import pinyinfont
from pipeline.renderers.pinyinlayout import PANGO_UNITS, Line

# How a tab moves the pen in WeasyPrint 70 / Pango 1.5x (measured): Pango finds the next tab
# stop strictly after its own pen, but the tab is drawn 1.024 times as wide as that distance
# (1024 units read as 1000), so the drawn pen and Pango's pen part.
# `_Pen` models both; tests/renderers/test_pdf_learner.py checks the alignment that rests on it.
TAB_SCALE = 1.024
TAB = PANGO_UNITS  # Pango units between tab stops: `tab-size: 1px` in pdf-learner.css (WeasyPrint
# hands Pango whole pixels, so no finer step is possible)


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

    def _next_stop(self) -> int:
        return (self.layout // TAB + 1) * TAB

    def after_tabs(self, count: int) -> float:
        """The drawn pen after `count` tabs (count ≥ 1)."""
        distance = self._next_stop() - self.layout + (count - 1) * TAB
        return self.drawn + distance / PANGO_UNITS * TAB_SCALE

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



Piece = tuple[float, str, str, float]  # x px, text, css class, width px


def _row(pieces: list[Piece]) -> str:
    """One preformatted row, its pieces in order. Tabs move the pen to each piece's x (within
    half a tab); a run of one class is one span, and since each span is a text run of its own,
    Pango's tab stops restart at its start."""
    out: list[str] = []
    pen = _Pen()
    current = ""
    for x, text, css, width in pieces:
        if css != current:
            if current:
                out.append("</span>")
            if css:
                out.append(f'<span class="{css}">')
            current = css
            pen.new_run()
        tabs = _tabs_to(pen, x)
        if tabs:
            out.append("\t" * tabs)
            pen.tab(tabs)
        out.append(escape(text, quote=False))
        pen.advance(width)
    if current:
        out.append("</span>")
    return "".join(out)


def line_html(line: Line, overhang: float, pinyin_size: float) -> str:
    """A line as one preformatted block of two rows, pinyin (in the block's own face and
    size, `pinyin_size` px) over Han (class "hz"); a condensed syllable in the widest condensed
    face its scale allows, centred as the layout centred it. The block starts `overhang` px left
    of the measure so that a syllable wider than its character may hang into the margin at
    either end."""
    han = [(x + overhang, g.text, g.css, g.width) for x, g in zip(line.x, line.glyphs)]
    pinyin = []
    for x, glyph, scale in zip(line.x, line.glyphs, line.scales):
        if glyph.syllable:
            condensed = pinyinfont.step(scale)
            if condensed is None:
                css, width = "", glyph.syllable_width
            else:
                css, width = pinyinfont.name(condensed)[1], pinyinfont.width(glyph.syllable, condensed, pinyin_size)
            pinyin.append((x + overhang + (glyph.width - width) / 2, glyph.syllable, css, width))
    return f'<span class="ln">{_row(pinyin)}\n<span class="hz">{_row(han)}</span></span>'


def block_html(lines: list[Line], overhang: float, pinyin_size: float) -> str:
    """The lines of a paragraph, the first two and the last two kept together (orphans and
    widows of two, as in print)."""
    rows = [line_html(line, overhang, pinyin_size) for line in lines]
    if len(rows) < 4:
        return f'<span class="keep">{"".join(rows)}</span>'
    return (f'<span class="keep">{"".join(rows[:2])}</span>' + "".join(rows[2:-2])
            + f'<span class="keep">{"".join(rows[-2:])}</span>')
