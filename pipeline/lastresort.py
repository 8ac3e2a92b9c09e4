"""What the PDFs draw for a character no font on the machine has (a rare character of CJK
Extension B–G such as 𠮷, an emoji on a machine without an emoji face): a box with the
character's code point in it, as the Unicode Consortium's Last Resort font and GNU Unifont draw
one, from a font made here for exactly those characters.

The font maps each such character to its box in its cmap, so the PDF's text layer keeps the
character itself (WeasyPrint otherwise draws the book face's empty .notdef glyph and writes a
custom CMap for the face, which pypdf reads back as garbage for the whole face); and a reader
sees that something is there and which character it is. Nothing is downloaded: the glyphs are
drawn from the 3×5 pixel digits below.
"""

from __future__ import annotations

import io

FAMILY = "Publish Last Resort"
UNITS = 1000  # per em; every box is one em wide, as a Han character is
# A 3×5 pixel hex digit, rows top to bottom ("#" inked).
DIGITS = {
    "0": ("###", "#.#", "#.#", "#.#", "###"), "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"), "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"), "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"), "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"), "9": ("###", "#.#", "###", "..#", "###"),
    "A": (".#.", "#.#", "###", "#.#", "#.#"), "B": ("##.", "#.#", "##.", "#.#", "##."),
    "C": (".##", "#..", "#..", "#..", ".##"), "D": ("##.", "#.#", "#.#", "#.#", "##."),
    "E": ("###", "#..", "###", "#..", "###"), "F": ("###", "#..", "###", "#..", "#.."),
}
BOTTOM, TOP = -120, 880  # the box's edges: the em box of the book's Han faces
FRAME = 40  # the box's line width


def rows(code: int) -> tuple[str, str]:
    """The code point as two rows of hex digits: 2 + 2 in the BMP, 3 + 3 beyond (Unifont's way)."""
    digits = f"{code:04X}" if code <= 0xFFFF else f"{code:06X}"
    half = len(digits) // 2
    return digits[:half], digits[half:]


def _square(pen, x0: float, y0: float, x1: float, y1: float) -> None:  # type: ignore[no-untyped-def]
    """A filled rectangle, drawn clockwise (TrueType's outer contours)."""
    pen.moveTo((x0, y0))
    pen.lineTo((x0, y1))
    pen.lineTo((x1, y1))
    pen.lineTo((x1, y0))
    pen.closePath()


def _box_glyph(code: int):  # type: ignore[no-untyped-def]
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    pen = TTGlyphPen(None)
    left, right = 60, UNITS - 60
    # The frame as four bars.
    _square(pen, left, BOTTOM, right, BOTTOM + FRAME)
    _square(pen, left, TOP - FRAME, right, TOP)
    _square(pen, left, BOTTOM + FRAME, left + FRAME, TOP - FRAME)
    _square(pen, right - FRAME, BOTTOM + FRAME, right, TOP - FRAME)
    top_row, bottom_row = rows(code)
    columns = len(top_row)
    inner_width = right - left - 2 * FRAME
    pixel = min(inner_width / (columns * 4 + 1), (TOP - BOTTOM - 2 * FRAME) / 13)
    width = pixel * (columns * 4 - 1)
    x_start = left + FRAME + (inner_width - width) / 2
    height = pixel * 11  # two rows of five pixels and a gap
    y_top = (TOP + BOTTOM) / 2 + height / 2
    for row_index, row in enumerate((top_row, bottom_row)):
        for column, digit in enumerate(row):
            for line, bits in enumerate(DIGITS[digit]):
                for dot, bit in enumerate(bits):
                    if bit == "#":
                        x = x_start + (column * 4 + dot) * pixel
                        y = y_top - (row_index * 6 + line + 1) * pixel
                        _square(pen, round(x), round(y), round(x + pixel), round(y + pixel))
    return pen.glyph()


def font(characters: str) -> bytes:
    """A TrueType font with a code-point box for each of `characters` (and nothing else)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    codes = sorted({ord(char) for char in characters})
    names = [".notdef", *(f"u{code:04X}" for code in codes)]
    builder = FontBuilder(UNITS, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({code: f"u{code:04X}" for code in codes})
    notdef = TTGlyphPen(None)
    _square(notdef, 60, BOTTOM, UNITS - 60, TOP)
    glyphs = {".notdef": notdef.glyph(), **{f"u{code:04X}": _box_glyph(code) for code in codes}}
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (UNITS, 60) for name in names})
    builder.setupHorizontalHeader(ascent=TOP, descent=BOTTOM)
    builder.setupNameTable({"familyName": FAMILY, "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=TOP, sTypoDescender=BOTTOM, usWinAscent=TOP, usWinDescent=-BOTTOM)
    builder.setupPost()
    data = io.BytesIO()
    builder.save(data)
    return data.getvalue()
