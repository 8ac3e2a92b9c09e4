"""The book's fonts: what `publish check` may assume they draw without reading them."""

from __future__ import annotations

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
