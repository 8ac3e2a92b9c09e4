"""Characters the book's fonts lack (a rare character of CJK Extension B, an emoji, a rare
symbol) never vanish from the PDFs: each is drawn (by a font installed on the machine, else as
a box holding its code point, `pipeline.lastresort`) and kept in the text layer, read back by
pdfminer and by pypdf alike; no face is written with WeasyPrint's custom CMap, which pypdf read
as garbage for the whole face. In the learner PDF, 𠮷 (no reading) stands in its row, without
pinyin, in line with its neighbours."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from pipeline.build import prepare
from pipeline.cache import Cache
from pipeline.fonts import fallback
from pipeline.reader import read_source
from pipeline.renderers.base import BuildContext
from pipeline.renderers.pdf import LearnerPdfRenderer, PdfRenderer
from tests.conftest import ROOT, TEST_TITLE
from tests.renderers.pdftools import page_chars, pages

RARE = "𠮷𪚥😀☙\ue000"  # Extension B (no reading; read zhé), an emoji, a rare dingbat, a private-use character
SENTENCE = "我姓𠮷，店名叫𪚥记😀，门口挂着☙牌子，上有\ue000字。"


def pypdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def font_encodings(path: Path) -> dict[str, str]:
    """BaseFont → /Encoding of every font of every page (a stream shows as 'stream')."""
    found = {}
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                encoding = font.get("/Encoding")
                found[str(font.BaseFont).split("+")[-1]] = "stream" if isinstance(encoding, pikepdf.Stream) else str(encoding)
    return found


@pytest.mark.slow
def test_characters_the_fonts_lack_are_drawn_and_kept_in_both_pdfs(tmp_path: Path) -> None:
    text = TEST_TITLE.read_text(encoding="utf-8").replace("白天家里孙子闹，", f"白天家里孙子闹，{SENTENCE}", 1)
    source = tmp_path / "rare.md"
    source.write_text(text, encoding="utf-8")
    doc = prepare(read_source(source))
    ctx = BuildContext(out_dir=tmp_path / "out", cache=Cache(tmp_path / "cache"),
                       styles_dir=ROOT / "pipeline" / "styles", log=lambda message: None)
    expected_boxes = bool(fallback(RARE).boxed)  # on this machine: what no installed font has
    for renderer in (PdfRenderer(), LearnerPdfRenderer()):
        path = renderer.build(doc, ctx)[0]
        mined = "".join(line.text for page in pages(path) for line in page.lines)
        pypdf = pypdf_text(path)
        for char in RARE:
            assert char in mined and char in pypdf, (path.name, char)
        assert not re.search(r"[\x00-\x08\x0e-\x1f]", pypdf), path.name  # no garbled face
        assert "姓𠮷，" in "".join(pypdf.split()) and "姓𠮷，" in "".join(mined.split())
        encodings = font_encodings(path)
        assert set(encodings.values()) == {"/Identity-H"}, encodings
        assert any("Publish-Last-Resort" in name for name in encodings) == expected_boxes
    # The learner's row: 𠮷 in line with its neighbour, at its size, and no syllable over it.
    with pikepdf.open(path) as pdf:
        count = len(pdf.pages)
    for chars in page_chars(path, list(range(count))).values():
        here = [c for c in chars if c.text == "𠮷"]
        if not here:
            continue
        (rare,) = here
        neighbour = next(c for c in chars if c.text == "姓" and abs(c.x1 - rare.x0) < rare.size)
        # (pdfminer puts a glyph's box on its font's descent: the box's font has a shallower one)
        assert abs(neighbour.y0 - rare.y0) < 0.2 * rare.size and abs(neighbour.size - rare.size) < 0.1
        above = [c for c in chars if c.size < rare.size * 0.7 and rare.y1 < c.y0 < rare.y1 + rare.size
                 and c.x0 < rare.x1 and c.x1 > rare.x0 and c.text.strip()]
        over_neighbour = [c for c in chars if c.size < rare.size * 0.7 and rare.y1 < c.y0 < rare.y1 + rare.size
                          and c.x0 < neighbour.x1 and c.x1 > neighbour.x0 and c.text.strip()]
        assert above == [] and "".join(c.text for c in over_neighbour) == "xìng"
        break
    else:
        raise AssertionError("𠮷 not found on any page of the learner PDF")
