"""The book's fonts: what `publish check` may assume they draw without reading them."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont

from pipeline.fonts import BASE_CHARACTERS, FILES, WHOLE_BLOCKS, characters_drawn, font_path, surely_drawn


@pytest.mark.parametrize("face", sorted(FILES))
def test_each_face_covers_the_blocks_assumed_whole(face) -> None:
    """W408 skips reading the cmaps for text made only of these blocks: each face must have a
    glyph for every code point in them (read here straight from the font's cmap)."""
    cmap = TTFont(font_path(face), lazy=True)["cmap"].getBestCmap()
    missing = [hex(code) for low, high in WHOLE_BLOCKS for code in range(low, high + 1) if code not in cmap]
    missing += [char for char in BASE_CHARACTERS if ord(char) not in cmap]
    assert missing == []


def test_what_is_assumed_and_what_is_looked_up() -> None:
    assert [surely_drawn(c) for c in "a。中龥，ǚ“é"] == [True] * 8
    assert [surely_drawn(c) for c in "𠮷😀㐀鿰"] == [False] * 4
    drawn = characters_drawn()
    assert "㐀" in drawn  # Extension A: in both fonts, looked up
    assert "鿰" not in drawn  # U+9FF0: in Noto Serif SC, not in Noto Sans SC
    assert "𠮷" not in drawn and "😀" not in drawn


def test_the_last_resort_font_draws_each_code_point_in_a_box() -> None:
    """Each character the font is made for is in its cmap (so a PDF's text layer keeps it) and
    drawn as a box (four bars) holding its code point in 3×5 pixel digits: 020 over BB7 for
    U+20BB7 (pixels counted by hand: 0 12, 2 11, B 10, 7 7), 26 over 19 for U+2619 (6 12, 1 8, 9 12)."""
    from fontTools.ttLib import TTFont

    from pipeline import lastresort

    font = TTFont(io.BytesIO(lastresort.font("𠮷☙𠮷")))
    cmap = font.getBestCmap()
    assert sorted(cmap) == [0x2619, 0x20BB7]
    glyphs = font["glyf"]
    assert glyphs[cmap[0x20BB7]].numberOfContours == 4 + 12 + 11 + 12 + 10 + 10 + 7
    assert glyphs[cmap[0x2619]].numberOfContours == 4 + 11 + 12 + 8 + 12
    assert {font["hmtx"][name][0] for name in font.getGlyphOrder()} == {1000}  # one em, as a Han character
    assert lastresort.rows(0x20BB7) == ("020", "BB7") and lastresort.rows(0x2619) == ("26", "19")


def test_the_fallback_boxes_only_what_no_installed_font_draws(monkeypatch) -> None:
    """Characters the book's faces lack (Extension B, an emoji, a rare symbol; not 吉, not a
    variation selector) go to an installed font where fontconfig names one (faked: machines
    differ), the rest to the last-resort boxes, whose @font-face rule is written only then."""
    from pipeline import fonts

    assert fonts.missing("吉𠮷😀\ufe0f☙吉𠮷") == "𠮷😀☙"
    # Private use, unassigned, a combining mark no face has: drawn as .notdef too, so missing;
    # a zero-width joiner, a variation selector, a line separator: invisible, so not.
    assert fonts.missing("\ue000\u0378\u0e48\u200d\ufe0e\U000e0100\u2028") == "\ue000\u0378\u0e48"
    monkeypatch.setattr(fonts, "installed_family", lambda char: "Some Symbols" if char == "☙" else None)
    found = fonts.fallback("吉𠮷😀\ufe0f☙")
    assert (found.installed, found.boxed) == ({"☙": "Some Symbols"}, "𠮷😀")
    assert 'font-family: "Publish Last Resort"' in found.font_faces("font:x")
    assert fonts.fallback("吉。").font_faces("font:x") == ""
