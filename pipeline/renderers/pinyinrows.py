"""The learner's lines as HTML for WeasyPrint: each line one preformatted block of two rows,
pinyin over Han, in which tab characters move the pen to each piece's position.

WeasyPrint shapes two text runs per line instead of hundreds of boxes. A condensed syllable
is set in a condensed face (`pinyinfont`): a span, a text run of its own, like the asides and
emphasis of the Han row. Two ways to place the pieces:

- exact (`TabStops`): one tab before each piece, and the text run's own tab stops where the
  pieces go, to 1/1024 px. CSS has no tab stops, so each row carries an id (`--r`) under which
  its runs' stops are handed to WeasyPrint while it lays the book out (`weasy.tab_stops`). A row
  whose runs' texts repeat (their stops could not be told apart) is set the other way;
- by counting: with `tab-size: 1px` there is a tab stop about every CSS pixel, so many tabs
  put a piece within half a pixel of its place. WeasyPrint draws every tab, so this costs about
  a third of its time for the learner book.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from itertools import groupby
from html import escape

from pipeline.renderers import pinyinfont
from pipeline.renderers.pinyinglyphs import PANGO_UNITS
from pipeline.renderers.pinyinlayout import Line

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



Piece = tuple[float, str, str, float, str | None, str | None]  # x px, text, css class, width px, link href, lang
Run = tuple[str, str, str, str | None, str | None]  # css class, escaped HTML, text as WeasyPrint sees it, href, lang


@dataclass
class TabStops:
    """The stops of the rows set exactly: row id → {text of a run → its stops (Pango units)}."""

    rows: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)

    def add(self, other: TabStops | dict) -> None:
        self.rows.update(other.rows if isinstance(other, TabStops) else other)


def _runs_counted(pieces: list[Piece]) -> list[Run]:
    """The row's runs, each piece moved there by counting tabs of 1 px."""
    runs: list[Run] = []
    pen = _Pen()
    current, out, text = None, [], []
    for x, piece, css, width, href, lang in pieces:
        if (css, href, lang) != current:
            if current is not None:
                runs.append((current[0], "".join(out), "".join(text), *current[1:]))
            current, out, text = (css, href, lang), [], []
            pen.new_run()
        tabs = _tabs_to(pen, x)
        if tabs:
            out.append("\t" * tabs)
            text.append("\t" * tabs)
            pen.tab(tabs)
        out.append(escape(piece, quote=False))
        text.append(piece)
        pen.advance(width)
    if current is not None:
        runs.append((current[0], "".join(out), "".join(text), *current[1:]))
    return runs


def _runs_exact(pieces: list[Piece]) -> tuple[list[Run], list[tuple[int, ...]]]:
    """The row's runs, one tab before each piece that must move, and each run's tab stops:
    where Pango's pen must stand for WeasyPrint to draw the piece at its x (drawn tabs are
    TAB_SCALE times as wide as Pango's, see `_Pen`)."""
    runs: list[Run] = []
    stops: list[tuple[int, ...]] = []
    pen = _Pen()
    current, out, text, run_stops = None, [], [], []
    for x, piece, css, width, href, lang in pieces:
        if (css, href, lang) != current:
            if current is not None:
                runs.append((current[0], "".join(out), "".join(text), *current[1:]))
                stops.append(tuple(run_stops))
            current, out, text, run_stops = (css, href, lang), [], [], []
            pen.new_run()
        stop = pen.layout + round((x - pen.drawn) / TAB_SCALE * PANGO_UNITS)
        if stop > pen.layout:
            out.append("\t")
            text.append("\t")
            run_stops.append(stop)
            pen.drawn += (stop - pen.layout) / PANGO_UNITS * TAB_SCALE
            pen.layout = stop
        out.append(escape(piece, quote=False))
        text.append(piece)
        pen.advance(width)
    if current is not None:
        runs.append((current[0], "".join(out), "".join(text), *current[1:]))
        stops.append(tuple(run_stops))
    return runs, stops


def _row(pieces: list[Piece], stops: TabStops | None = None) -> tuple[str, str]:
    """One preformatted row, its pieces in order, as (HTML, the row's id or "" when counted).
    A run of one class is one span, and since each span is a text run of its own, Pango's tab
    stops restart at its start."""
    runs, exact = None, None
    if stops is not None:
        runs, exact = _runs_exact(pieces)
        texts = [text for _css, _html, text, _href, _lang in runs if "\t" in text]
        if len(set(texts)) != len(texts):  # two runs alike: their stops could not be told apart
            runs = None
    row_id = ""
    if runs is not None and exact is not None:
        table = {text: run_stops for (_css, _html, text, _href, _lang), run_stops in zip(runs, exact) if run_stops}
        if table:
            row_id = "r" + hashlib.blake2s(repr(sorted(table.items())).encode(), digest_size=8).hexdigest()
            stops.rows[row_id] = table  # type: ignore[union-attr]
    else:
        runs = _runs_counted(pieces)
    out, stretch = [], 0
    for href, group in groupby(runs, key=lambda run: run[3]):
        html = "".join(_run_html(css, html, lang) for css, html, _text, _href, lang in group)
        if href is None:
            out.append(html)
        else:  # a link's text: the element its Link structure element is made of (`links_html`)
            out.append(f'<span class="lt" data-link="{stretch}">{html}</span>')
            stretch += 1
    return "".join(out), row_id


def _run_html(css: str, html: str, lang: str | None) -> str:
    """A run of one class (and language, `lang` where the source marks another) as a span."""
    attrs = (f' class="{css}"' if css else "") + (f' lang="{escape(lang, quote=True)}"' if lang else "")
    return f"<span{attrs}>{html}</span>" if attrs else html


def _row_style(row_id: str) -> str:
    return f' style="--r:{row_id}"' if row_id else ""


def line_html(line: Line, overhang: float, pinyin_size: float, stops: TabStops | None = None) -> str:
    """A line as one preformatted block of two rows, pinyin (in the block's own face and
    size, `pinyin_size` px) over Han (class "hz"); a condensed syllable in the widest condensed
    face its scale allows, centred as the layout centred it. The block starts `overhang` px left
    of the measure so that a syllable wider than its character may hang into the margin at
    either end. With `stops`, the rows are set exactly and their stops added there."""
    han = [(x + overhang, g.text, g.css, g.width, g.href, g.lang) for x, g in zip(line.x, line.glyphs)]
    pinyin = []
    for x, glyph, scale in zip(line.x, line.glyphs, line.scales):
        if glyph.syllable:
            condensed = pinyinfont.step(scale)
            if condensed is None:
                css, width = "", glyph.syllable_width
            else:
                css, width = pinyinfont.name(condensed)[1], pinyinfont.width(glyph.syllable, condensed, pinyin_size)
            pinyin.append((x + overhang + (glyph.width - width) / 2, glyph.syllable, css, width, None, None))
    top, top_id = _row(pinyin, stops)
    bottom, bottom_id = _row(han, stops)
    return (f'<span class="ln"{_row_style(top_id)}>{top}\n'
            f'<span class="hz"{_row_style(bottom_id)}>{links_html(line, overhang)}{bottom}</span></span>')


def links(line: Line) -> list[tuple[str, float, float]]:
    """(href, left px, width px) of each stretch of the line's glyphs that link to one address:
    a link's text, or a printed address, that breaks over two lines has a stretch on each."""
    found: list[tuple[str, float, float]] = []
    for href, run in groupby(range(len(line.glyphs)), key=lambda index: line.glyphs[index].href):
        if href is not None:
            indices = list(run)
            first, last = indices[0], indices[-1]
            found.append((href, line.x[first], line.x[last] + line.glyphs[last].width - line.x[first]))
    return found


def links_html(line: Line, overhang: float) -> str:
    """The line's links, each an empty absolutely positioned `<a>` at the very start of the Han
    row (its static place: the row's top left) moved over its text by its margin: no text run
    is split, so not a glyph moves (`_Pen`), and WeasyPrint makes each a link annotation over
    exactly the text (class "lk" in pdf-learner.css gives it the row's height; an `<a>` around
    the text would be as wide as Pango's pen, which lags the drawn glyphs). Its `data-link`
    names the span of the text it links (`_row`), which the PDF's structure tree makes the Link
    element, holding both the annotation and the text (`weasy._mend_tagging`)."""
    return "".join(f'<a class="lk" data-link="{n}" href="{escape(href, quote=True)}" '
                   f'style="margin-left:{left + overhang:.3f}px;width:{width:.3f}px"></a>'
                   for n, (href, left, width) in enumerate(links(line)))


def block_html(lines: list[Line], overhang: float, pinyin_size: float, stops: TabStops | None = None) -> str:
    """The lines of a paragraph, the first two and the last two kept together (orphans and
    widows of two, as in print)."""
    rows = [line_html(line, overhang, pinyin_size, stops) for line in lines]
    if len(rows) < 4:
        return f'<span class="keep">{"".join(rows)}</span>'
    return (f'<span class="keep">{"".join(rows[:2])}</span>' + "".join(rows[2:-2])
            + f'<span class="keep">{"".join(rows[-2:])}</span>')
