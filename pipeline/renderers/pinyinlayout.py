"""Lines of Chinese with pinyin centred over every character, set here rather than by WeasyPrint.

WeasyPrint cannot lay out <ruby> (its issue #406), and the usual stand-in, one inline-block per
character, costs about 2 ms a character (20 s for the first title) and leaves uneven gaps. So
this module breaks and justifies the lines itself, from the fonts' own advance widths, and
hands WeasyPrint each line as one preformatted block of two rows (pinyin over Han) in which tab
characters move the pen to each piece's position (`tab-size: 1px`: a tab stop about every CSS
pixel, so a piece lands within half a pixel of where it was set). WeasyPrint then shapes two
text runs per line instead of hundreds of boxes: about 5 s for the first title instead of 20.

Rules kept from the print edition:
- no line starts with closing punctuation or ends with opening punctuation: those marks are
  glued to their neighbour, as are "……" and "——";
- a word's characters stay on one line, each with its syllable; a word is split (between two
  characters, never between a character and its syllable) only when keeping it whole would
  leave a line more than `SPLIT_SLACK` ems short;
- justified lines: a line's slack is spread evenly over every gap between characters and words
  (Latin words keep their own letter fit); Latin and Han are a quarter em apart;
- two syllables never come closer than `gap`, which widens the space between their characters
  where a long syllable ("zhuāng") needs it;
- adjacent full-width marks are set half-width (the `halt` feature), as in print.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html import escape
from pathlib import Path

from pipeline.pinyin_syllables import is_han
from pipeline.renderers.cjktype import CLOSING, OPENING, is_latin, needs_space

PX = 4 / 3  # CSS px per point
PANGO_UNITS = 1024  # Pango's units per px; glyph advances are whole units
# How a tab moves the pen with `tab-size: 1px` in WeasyPrint 70 / Pango 1.5x (measured): Pango
# finds the next whole pixel strictly after its own pen, but the tab is drawn 1.024 times as
# wide as that distance (1024 units read as 1000), so the drawn pen and Pango's pen part.
# `_Pen` models both; tests/renderers/test_pdf_learner.py checks the alignment that rests on it.
TAB_SCALE = 1.024
SPLIT_SLACK = 2.0  # ems
GLUE_AFTER = OPENING | {"@"}  # no break after these
GLUE_BEFORE = CLOSING | set("？！…—·%")  # no break before these
FULL_WIDTH_PUNCTUATION = CLOSING | OPENING | set("？！…—·")
UNBROKEN_PAIRS = {("…", "…"), ("—", "—")}  # never stretched apart


@dataclass(frozen=True)
class Face:
    """A font at a size; widths come from the font file's advance widths."""

    path: Path
    size_px: float

    def width(self, text: str) -> float:
        """Advance width in px, as Pango has it: each glyph rounded to 1/1024 px."""
        advances, units = _metrics(self.path)
        scale = self.size_px * PANGO_UNITS / units
        return sum(round(advances.get(ord(c), units) * scale) for c in text) / PANGO_UNITS


@lru_cache(maxsize=8)
def _metrics(path: Path) -> tuple[dict[int, int], int]:
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), lazy=True)
    hmtx = font["hmtx"]
    advances = {code: hmtx[name][0] for code, name in font.getBestCmap().items()}
    return advances, font["head"].unitsPerEm


@dataclass(frozen=True)
class Glyph:
    """One thing on a line: a Han character with its syllable, a mark, or a Latin word."""

    text: str
    css: str = ""  # the class of the run it comes from ("aside", "em", ""); "halt" for half-width marks
    syllable: str | None = None
    space_before: bool = False  # a space in the text before it (a break opportunity)
    breakable: bool = True  # may a line start with it?
    width: float = 0.0
    syllable_width: float = 0.0


@dataclass
class Line:
    glyphs: list[Glyph] = field(default_factory=list)
    x: list[float] = field(default_factory=list)  # left edge of each glyph, px from the measure's start


@dataclass(frozen=True)
class Style:
    """The faces and sizes one kind of text is set in (running text, a heading, a label)."""

    text: Face
    other: Face  # for asides and emphasis
    pinyin: Face
    gap: float  # least px between two syllables
    measure: float  # px
    indent: float = 0.0  # px, first line
    justify: bool = True

    def face(self, css: str) -> Face:
        return self.other if css in ("aside", "em") else self.text


def glyphs(runs: Iterable[tuple[str, str, Sequence[tuple[str, tuple[str, ...] | None]]]], style: Style) -> list[Glyph]:
    """Glyphs from runs of (text, css class, words) where words are (text, syllables or None)."""
    out: list[Glyph] = []
    space = False
    for _text, css, words in runs:
        for word, syllables in words:
            if syllables is not None:
                han = iter(syllables)
                for index, char in enumerate(word):
                    syllable = next(han, None) if is_han(char) else None
                    out.append(Glyph(char, css, syllable, space, breakable=index == 0))
                    space = False
                continue
            latin = ""
            for char in word:
                if char.isspace():
                    if latin:
                        out.append(Glyph(latin, css, None, space))
                        latin, space = "", False
                    space = True
                elif char in FULL_WIDTH_PUNCTUATION or is_han(char):
                    if latin:
                        out.append(Glyph(latin, css, None, space))
                        latin, space = "", False
                    out.append(Glyph(char, css, None, space))
                    space = False
                else:
                    latin += char
            if latin:
                out.append(Glyph(latin, css, None, space))
                space = False
    return _measure(_glue(out), style)


def _glue(items: list[Glyph]) -> list[Glyph]:
    """Mark where a line may not start, and the marks set half-width."""
    out = []
    for i, glyph in enumerate(items):
        before = items[i - 1].text[-1] if i else ""
        after = items[i + 1].text[0] if i + 1 < len(items) else ""
        breakable = glyph.breakable and not (
            glyph.text[0] in GLUE_BEFORE or before in GLUE_AFTER
            or (is_latin(before) and is_latin(glyph.text[0]) and not glyph.space_before)
        )
        halt = (glyph.text in CLOSING and (after in CLOSING or after in OPENING)) or (
            glyph.text in OPENING and before in OPENING)
        out.append(replace(glyph, breakable=breakable or glyph.space_before and not glyph.text[0] in GLUE_BEFORE,
                           css="halt" if halt and not glyph.css else glyph.css))
    return out


def _measure(items: list[Glyph], style: Style) -> list[Glyph]:
    """Widths from the fonts; full-width marks are one em (in Chinese text the fonts' `locl`
    feature swaps the proportional em dash, 0.89 em, for a full-width one), half when halved."""
    out = []
    for glyph in items:
        face = style.face(glyph.css)
        if glyph.css == "halt":
            width = face.size_px / 2
        elif glyph.text in FULL_WIDTH_PUNCTUATION and glyph.text != "·":
            width = face.size_px
        else:
            width = face.width(glyph.text)
        syllable_width = style.pinyin.width(glyph.syllable) if glyph.syllable else 0.0
        out.append(replace(glyph, width=width, syllable_width=syllable_width))
    return out


def natural_gap(a: Glyph, b: Glyph, style: Style) -> float:
    """Least px between the end of `a` and the start of `b`, before justification."""
    em = style.text.size_px
    gap = 0.0
    if b.space_before:
        gap = style.face(b.css).width(" ")
    elif needs_space(a.text[-1], b.text[0]):
        gap = em / 4
    if a.syllable and b.syllable:
        gap = max(gap, (a.syllable_width + b.syllable_width) / 2 + style.gap - (a.width + b.width) / 2)
    return gap


def break_lines(items: list[Glyph], style: Style) -> list[Line]:
    """Greedy first-fit lines, justified but for the last."""
    lines: list[Line] = []
    start = 0
    while start < len(items):
        end, last_fit = start, start
        x = style.indent if not lines else 0.0
        while end < len(items):
            glyph = items[end]
            if end > start:
                x += natural_gap(items[end - 1], glyph, style)
            if x + glyph.width > style.measure + 0.01 and end > start:
                break
            x += glyph.width
            end += 1
            if end == len(items) or items[end].breakable:
                last_fit = end
        if end < len(items):
            cut = last_fit if last_fit > start else end  # an unbreakable run longer than the measure
            slack = style.measure - _natural_width(items[start:cut], style, not lines)
            if slack > SPLIT_SLACK * style.text.size_px:  # split a long word rather than leave a hole
                cut = max(cut, _last_inner_break(items, cut, end))
            end = cut
        lines.append(_place(items[start:end], style, first=not lines, last=end >= len(items)))
        start = end
    return lines


def _last_inner_break(items: list[Glyph], cut: int, fits: int) -> int:
    """The furthest point before `fits` inside a word where a line may end: between two Han
    characters, not before a mark that must not start a line."""
    for index in range(fits, cut, -1):
        if index < len(items) and items[index].syllable and items[index - 1].syllable:
            return index
    return cut


def _natural_width(line: list[Glyph], style: Style, first: bool) -> float:
    width = style.indent if first else 0.0
    for i, glyph in enumerate(line):
        if i:
            width += natural_gap(line[i - 1], glyph, style)
        width += glyph.width
    return width


def _place(line: list[Glyph], style: Style, first: bool, last: bool) -> Line:
    gaps = [natural_gap(a, b, style) for a, b in zip(line, line[1:])]
    stretchable = [i for i, (a, b) in enumerate(zip(line, line[1:])) if (a.text, b.text) not in UNBROKEN_PAIRS]
    slack = style.measure - _natural_width(line, style, first)
    if style.justify and not last and stretchable and slack > 0:
        share = slack / len(stretchable)
        for i in stretchable:
            gaps[i] += share
    x = style.indent if first else 0.0
    positions = []
    for i, glyph in enumerate(line):
        if i:
            x += gaps[i - 1]
        positions.append(x)
        x += glyph.width
    return Line(line, positions)


@dataclass
class _Pen:
    """Where Pango thinks the pen is (`layout`, whole Pango units, from the start of the current
    text run) and where it draws it (`drawn`, px from the row's start). A new run (a span)
    starts where the previous one ends by Pango's count, not by the drawn pen."""

    layout: int = 0
    drawn: float = 0.0
    origin: float = 0.0  # drawn px where the current run starts

    def new_run(self) -> None:
        self.origin = self.drawn = self.origin + self.layout / PANGO_UNITS
        self.layout = 0

    def _next_stop(self) -> int:
        return (self.layout // PANGO_UNITS + 1) * PANGO_UNITS

    def after_tabs(self, count: int) -> float:
        """The drawn pen after `count` tabs (count ≥ 1)."""
        distance = self._next_stop() - self.layout + (count - 1) * PANGO_UNITS
        return self.drawn + distance / PANGO_UNITS * TAB_SCALE

    def tab(self, count: int) -> None:
        self.drawn = self.after_tabs(count)
        self.layout = self._next_stop() + (count - 1) * PANGO_UNITS

    def advance(self, width: float) -> None:
        self.layout += round(width * PANGO_UNITS)
        self.drawn += width


def _tabs_to(pen: _Pen, x: float) -> int:
    """How many tabs bring the drawn pen nearest to `x` (none if it is there or past it)."""
    if x <= pen.drawn + 0.25:
        return 0
    count = max(1, round((x - pen.after_tabs(1)) / TAB_SCALE) + 1)
    return count


def _row(pieces: list[tuple[float, str, str, float]]) -> str:
    """One preformatted row: (x px, text, css class, width px) pieces, in order. Tabs move
    the pen to each piece's x (within half a tab); a run of one class is one span, and since
    each span is a text run of its own, Pango's tab stops restart at its start."""
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


def line_html(line: Line, overhang: float) -> str:
    """A line as one preformatted block of two rows, pinyin (in the block's own face and
    size) over Han (class "hz"). The block starts
    `overhang` px left of the measure so that a syllable wider than its character may hang
    into the margin at either end."""
    han = [(x + overhang, g.text, g.css, g.width) for x, g in zip(line.x, line.glyphs)]
    pinyin = [(x + overhang + (g.width - g.syllable_width) / 2, g.syllable, "", g.syllable_width)
              for x, g in zip(line.x, line.glyphs) if g.syllable]
    return f'<span class="ln">{_row(pinyin)}\n<span class="hz">{_row(han)}</span></span>'


def block_html(lines: list[Line], overhang: float) -> str:
    """The lines of a paragraph, the first two and the last two kept together (orphans and
    widows of two, as in print)."""
    rows = [line_html(line, overhang) for line in lines]
    if len(rows) < 4:
        return f'<span class="keep">{"".join(rows)}</span>'
    return (f'<span class="keep">{"".join(rows[:2])}</span>' + "".join(rows[2:-2])
            + f'<span class="keep">{"".join(rows[-2:])}</span>')
