"""The typographic cover keeps every line inside the picture and clear of the others, for any
length of title, subtitle, outlet and author list.

Found by the third robustness sweep: a 200-character title ran down over the authors' line and
off the foot of the cover (EPUB cover, MP3 cover art). Judged on the decoded PNG: rows of ink
against rows of paper, not on the drawing code's own arithmetic.
"""

from __future__ import annotations

import datetime as dt
import io

import numpy
import pytest
from PIL import Image

from pipeline.cache import Cache
from pipeline.cover import PAPER, PORTRAIT, cover_png
from pipeline.model import Metadata

PROSE = ("城东图书馆把三楼阅览室的开放时间延长到晚上十一点阅览室里新添了两台打印机和一排可以借用的台灯馆方把这个项目"
         "叫作灯下夜读开放一年来夜间到馆人数累计超过四万人次其中近三成是下班后赶来的上班族我们请四位常客聊了聊他们的夜晚")
SIZES = [PORTRAIT, (1400, 1400)]
# (title, subtitle, outlet, authors): short, long, very long, and long everything
CASES = {
    "short": ("灯下夜读", "四位常客", "城东周报", ("林小满",)),
    "title-200": ((PROSE * 2)[:200], "四位常客", "城东周报", ("林小满",)),
    "title-400": ((PROSE * 4)[:400], None, "城东周报", ("林小满",)),
    "everything-long": ((PROSE * 2)[:120], PROSE[:150], "城东周报" * 15, tuple(f"作者{n}号" for n in range(30))),
}


def meta(title: str, subtitle: str | None, outlet: str, authors: tuple[str, ...]) -> Metadata:
    return Metadata(id="urn:uuid:00000000-0000-4000-8000-000000000009", slug="cover", title=title, subtitle=subtitle,
                    authors=authors, outlet=outlet, date=dt.date(2025, 1, 2), description="测试。", rights="© 2025")


def ink(image: Image.Image) -> numpy.ndarray:
    """Where anything but paper stands: a boolean array, rows by columns."""
    pixels = numpy.asarray(image.convert("RGB"), dtype=numpy.int16)
    return numpy.abs(pixels - numpy.array(PAPER, dtype=numpy.int16)).max(axis=2) > 40


def ink_rows(image: Image.Image) -> list[bool]:
    return ink(image).any(axis=1).tolist()


def ink_columns(image: Image.Image, top: int, bottom: int) -> list[bool]:
    return ink(image)[top:bottom].any(axis=0).tolist()


@pytest.mark.parametrize("size", SIZES, ids=["portrait", "square"])
@pytest.mark.parametrize("case", CASES)
def test_every_line_stays_inside_the_cover_and_clear_of_the_authors(case: str, size: tuple[int, int]) -> None:
    image = Image.open(io.BytesIO(cover_png(meta(*CASES[case]), Cache(None), size)))
    width, height = image.size
    rows = ink_rows(image)
    # the authors' line stands alone at the foot: the last run of ink, one line high, paper above
    # it for a clear band (a title run down onto it makes one tall run) and below it
    last = max(y for y in range(height) if rows[y])
    assert last < 0.95 * height, "something at the very foot"
    first = last
    while rows[first - 1]:
        first -= 1
    assert last - first < 0.05 * min(width, height / 1.6) * 1.5, "a line runs down onto the authors"
    assert not any(rows[first - int(0.02 * height):first]), "a line runs down close to the authors"
    # nothing touches the side margins (a line wider than the cover would)
    columns = ink_columns(image, int(0.03 * height), height)
    assert not any(columns[: int(0.09 * width)]) and not any(columns[int(0.91 * width):])
