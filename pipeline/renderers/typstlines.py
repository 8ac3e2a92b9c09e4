"""The learner PDF's lines as Typst markup (`typstbody` writes the chapters around them): each
line a box as high as WeasyPrint's two rows, its characters and syllables placed where our own
line layout (`pinyinlayout`) put them, on the baseline a CSS line box of the faces on the row
gives them, condensed syllables letter by letter at WeasyPrint's condensed faces' advances, a
link's characters inside the link.

Why a module of its own: `typstbody` is the chapters' structure (openers, answers, notes, the
spaces between blocks); this is where a glyph goes, which the comparison with WeasyPrint's pages
(tests/renderers/test_pdf_typst.py) holds to 0.015 pt.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from pipeline.renderers import pinyinfont
from pipeline.renderers.cjktype import OPENING
from pipeline.renderers.pinyinglyphs import PX, Style
from pipeline.renderers.pinyinlayout import Line
from pipeline.renderers.pinyinrows import links
from pipeline.renderers.typstpdf import INTERNAL

SERIF, SANS, LAST_RESORT = "Noto Serif SC", "Noto Sans SC", "Publish Last Resort"
FACES = {"serif": SERIF, "sans": SANS}
# Colours of pdf.css / pdf-learner.css: the Han row, the pinyin row, asides, an opener's number
# and rules, the byline and the note's title.
INK = {"han": "#111111", "pinyin": "#444444", "aside": "#444444", "mark": "#999999", "byline": "#555555",
       "note": "#555555"}

def quoted(value: str) -> str:
    """A Typst string literal."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def n(value: float) -> str:
    """A number for the markup, to 1/1000 pt (at 1/100, a place's rounding and its block's
    inset's added up to a glyph 0.01 pt off WeasyPrint's)."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


@lru_cache(maxsize=8)
def extents(path: Path) -> tuple[float, float]:
    """A face's ascender and descender in ems (hhea): where Typst puts a text frame's top and
    bottom (`top-edge: "ascender"`), as WeasyPrint centres a glyph in its line-height."""
    import uharfbuzz as hb

    face = hb.Face(hb.Blob.from_file_path(str(path)))
    font = hb.Font(face)
    found = font.get_font_extents("ltr")
    return found.ascender / face.upem, -found.descender / face.upem


def _face(style: Style, css: str) -> str:
    return SANS if "Sans" in style.face(css).path.name else SERIF


def _edges(path: Path) -> str:
    """A face's text frame as WeasyPrint (Pango) has it, hhea's ascender to descender (Typst's
    "ascender" is OS/2's, a quarter em lower), so that a glyph placed in a row sits where
    WeasyPrint's centring in the row's line-height puts it."""
    up, down = extents(path)
    return f"top-edge: {up:.3f}em, bottom-edge: {-down:.3f}em"


def line_markup(line: Line, style: Style, row: tuple[float, float, float]) -> str:
    """One line: a box as high as WeasyPrint's two rows (its baseline at the face's descender, so
    that the line is no higher than the box), its characters drawn where the layout put them,
    then their syllables; a link's characters inside a box that is the link (so that the PDF's Link
    element holds its text, as WeasyPrint's does)."""
    pad, pinyin_row, han_row = row
    py_size, size = style.pinyin.size_px / PX, style.text.size_px / PX
    pinyin_h = py_size * pinyin_row
    up, down = extents(style.pinyin.path)
    py_y = pad + (pinyin_h - py_size * (up + down)) / 2
    han_h, baseline = han_row_box(line, style, han_row)
    han, syllables = [], []
    stretches = {index: (href, left, width) for index, (href, left, width) in _stretches(line)}
    row = pad + pinyin_h  # the Han row's top
    link_end, inside = -1, []
    for index, (glyph, x, scale) in enumerate(zip(line.glyphs, line.x, line.scales)):
        call = CALLS.get(glyph.css, "c")
        face = style.face(glyph.css)
        han_y = row + baseline - extents(face.path)[0] * face.size_px / PX  # (its frame's top: on the row's baseline)
        # an opening mark drawn alone starts a line as far as Typst knows, which trims its blank
        # left half: drawn that much further right, it stands where the layout put it
        at = x + face.size_px / 2 if glyph.text in OPENING and glyph.css != "halt" else x
        if index in stretches:  # a link's text: its glyphs inside the link (the Link element holds them)
            href, left, width = stretches[index]
            link_end, origin = index + _count(line, index) - 1, left
            inside = [f"#place(dx: {n(left / PX)}pt, dy: {n(row)}pt, link({quoted(link_target(href))}, box(width: "
                      f"{n(width / PX)}pt, height: {n(han_h)}pt)["]
        if index <= link_end:
            inside.append(f"#{call}({n((at - origin) / PX)},{n(han_y - row)},{quoted(glyph.text)})")
            if index == link_end:
                han.append("".join(inside) + "]))")
        else:
            han.append(f"#{call}({n(at / PX)},{n(han_y)},{quoted(glyph.text)})")
        if glyph.syllable:
            # a condensed syllable at the step of WeasyPrint's condensed face (`pinyinfont`), as
            # wide as it is there and centred as `pinyinrows.line_html` centres it
            condensed = pinyinfont.step(scale)
            drawn = glyph.syllable_width if condensed is None else pinyinfont.width(
                glyph.syllable, condensed, style.pinyin.size_px)
            left = (x + (glyph.width - drawn) / 2) / PX
            if condensed is None:
                syllables.append(f"#p({n(left)},{n(py_y)},{n(py_size)},{quoted(glyph.syllable)})")
            else:
                syllables.extend(f"#q({n(left + at / PX)},{n(py_y)},{n(py_size)},{condensed:.3f},{quoted(part)})"
                                 for at, part in condensed_letters(glyph.syllable, condensed, style.pinyin.size_px))
    return (f"#box(width: 100%, height: {n(pad + pinyin_h + han_h)}pt, baseline: {n(size * extents(style.text.path)[1])}pt)"
            f"[{''.join(han + syllables)}]")


def condensed_letters(syllable: str, step: float, size_px: float) -> list[tuple[float, str]]:
    """(px from the syllable's left, text) of a condensed syllable's letters where WeasyPrint's
    condensed face puts them: each letter's advance rounded in the face (`pinyinfont.width`), not
    the pinyin face's scaled, which drifted 0.02 pt in three letters. A letter with a combining
    mark after it stays one piece (the mark is placed by the shaper)."""
    pieces: list[str] = []
    for char in syllable:
        if pieces and unicodedata.combining(char):
            pieces[-1] += char
        else:
            pieces.append(char)
    out, done = [], ""
    for piece in pieces:
        out.append((pinyinfont.width(done, step, size_px) if done else 0.0, piece))
        done += piece
    return out


def han_row_box(line: Line, style: Style, ratio: float) -> tuple[float, float]:
    """(height, baseline below its top) of a line's Han row, pt, as a CSS line box has them: each
    face on the row (the text's, as the row's strut, and an aside's or emphasis's other face)
    is an inline box `ratio` × its size high with the face's frame (hhea) centred in it, all on
    one baseline; the row reaches from the highest box top to the lowest box bottom. One face:
    the row is `ratio` × the size. A Sans aside in a Serif row makes it 0.05 em deeper and
    lowers its baseline by as much."""
    faces = {(style.text.path, style.text.size_px / PX)} | {
        (style.face(g.css).path, style.face(g.css).size_px / PX) for g in line.glyphs}
    above = below = 0.0
    for path, size in faces:
        up, down = extents(path)
        above = max(above, (ratio + up - down) * size / 2)
        below = max(below, (ratio - up + down) * size / 2)
    return above + below, above


def link_target(href: str) -> str:
    """A link's address in the markup: a link inside the book (`#id`, maybe to another part) as
    an address of `typstpdf.INTERNAL`, which the part's PDF turns into a link to the named
    destination `id`, as WeasyPrint writes one (and the merge resolves it in the book)."""
    return INTERNAL + href[1:].encode("utf-8").hex() if href.startswith("#") else href


def _stretches(line: Line) -> list[tuple[int, tuple[str, float, float]]]:
    """(first glyph's index, (href, left px, width px)) of each linked stretch of the line
    (`pinyinrows.links`)."""
    found, index = [], 0
    stretches = iter(links(line))
    for href, left, width in stretches:
        while line.x[index] < left - 1e-6 or line.glyphs[index].href != href:
            index += 1
        found.append((index, (href, left, width)))
        index += _count(line, index)
    return found


def _count(line: Line, index: int) -> int:
    """How many glyphs from `index` link to its address (one stretch)."""
    href, end = line.glyphs[index].href, index
    while end < len(line.glyphs) and line.glyphs[end].href == href:
        end += 1
    return end - index


CALLS = {"halt": "k", "aside": "o", "em": "e"}  # a glyph's class → the preamble's function drawing it


def block_markup(lines: list[Line], style: Style, row: tuple[float, float, float], inset: float) -> str:
    """A paragraph's lines, one box a line, in one paragraph (`#par`, which the PDF's structure
    tree makes a P, or `as_heading` an H), `inset` pt in from the measure's start. Typst keeps
    a paragraph's first and last lines from standing alone on a page (`p { orphans: 2; widows: 2 }`)."""
    face = _face(style, "")
    other = SERIF if face == SANS else SANS
    other_path = style.other.path
    size = style.text.size_px / PX
    lines_markup = "#linebreak()\n".join(line_markup(line, style, row) for line in lines)
    # (the text's face and size set inside the paragraph or heading: a heading's own size rules
    # would scale them)
    return (f"#block(inset: (left: {n(inset)}pt), width: 100%)["
            f"#let o(x, y, s) = place(dx: x * 1pt, dy: y * 1pt, text(font: ({quoted(other)}, {quoted(LAST_RESORT)}), "
            f"{_edges(other_path)}, fill: rgb({quoted(INK['aside'])}), s));"
            f"#let e(x, y, s) = place(dx: x * 1pt, dy: y * 1pt, text(font: ({quoted(other)}, {quoted(LAST_RESORT)}), "
            f"{_edges(other_path)}, s))\n#par[#set text(font: ({quoted(face)}, {quoted(LAST_RESORT)}), size: {n(size)}pt, "
            f"weight: \"regular\", {_edges(style.text.path)})\n{lines_markup}]]\n")


def as_heading(markup: str, level: int) -> str:
    """A set block as a heading of `level` (the PDF's H1, H2: the article's title, a chapter's)."""
    return markup.replace("#par[", f"#heading(level: {level}, outlined: false, bookmarked: false)[", 1)
