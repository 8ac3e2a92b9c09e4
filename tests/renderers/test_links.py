"""Links reach every edition: the EPUB and the web page link the text, the PDFs (paper) print
each address after its paragraph, the paragraph's own text staying whole (a check that every
paragraph is in the edition still finds it), and a long address breaks within the page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf
import pytest

from pipeline.build import prepare
from pipeline.cache import Cache
from pipeline.epubcheck import run_epubcheck
from pipeline.model import Paragraph, Span, Location
from pipeline.reader import read_source
from pipeline.renderers.base import BuildContext
from pipeline.renderers.epub import EpubRenderer
from pipeline.renderers.htmltext import addresses, inline_html
from pipeline.renderers.pdf import LearnerPdfRenderer, PdfRenderer
from tests.conftest import ROOT, TEST_TITLE
from tests.renderers.epubtools import Book, shown_text
from tests.renderers.pdftools import assert_blocks_once_in_order, page_chars
from tests.renderers.test_pdf_learner import text_without_pinyin

LONG = "https://library.example.org/a/very/long/path/that/goes/on/and/on/index.html?from=weekly&utm_source=newsletter"
LINKED = {
    "我们请四位常客聊了聊他们的夜晚。": "我们请四位常客聊了聊他们的夜晚。详见[馆方公告](https://library.example.org/notice?id=3)和<https://example.org/a>。",
    "白天家里孙子闹，晚上这里安静。": f"白天家里孙子闹，晚上[这里]({LONG})安静，[见**公告**](mailto:editor@example.org)。",
    "2. 微博：@城东图书馆": "2. 微博：@城东图书馆\n3. [城东图书馆官网](https://library.example.org/about)",
}
HREFS = {"https://library.example.org/notice?id=3", "https://example.org/a", LONG, "mailto:editor@example.org",
         "https://library.example.org/about"}


@pytest.fixture(scope="module")
def linked(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("links")
    text = TEST_TITLE.read_text(encoding="utf-8")
    for old, new in LINKED.items():
        assert old in text
        text = text.replace(old, new)
    source = folder / "linked.md"
    source.write_text(text, encoding="utf-8")
    doc = prepare(read_source(source))
    ctx = BuildContext(out_dir=folder / "out", cache=Cache(folder / "cache"), styles_dir=ROOT / "pipeline" / "styles",
                       log=lambda message: None)
    return doc, ctx


def test_the_epub_links_each_text_to_its_address(linked) -> None:  # type: ignore[no-untyped-def]
    doc, ctx = linked
    path = EpubRenderer().build(doc, ctx)[0]
    book = Book.open(path)
    found = {}
    for href in book.spine():
        for a in book.tree(href).iter("{http://www.w3.org/1999/xhtml}a"):
            if a.get("href", "").startswith(("http", "mailto")):
                found[a.get("href")] = shown_text(a)
    assert found == {"https://library.example.org/notice?id=3": "馆方公告", "https://example.org/a": "https://example.org/a",
                     LONG: "这里", "mailto:editor@example.org": "见公告", "https://library.example.org/about": "城东图书馆官网"}
    report = run_epubcheck(path)
    assert (report.fatals, report.errors, report.warnings) == (0, 0, 0), "\n".join(map(str, report.messages))


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def link_annotations(path: Path) -> set[str]:
    with pikepdf.open(path) as pdf:
        return {str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", []) if "/A" in a and "/URI" in a.A}


def test_the_print_pdf_links_and_prints_every_address_after_its_paragraph(linked) -> None:  # type: ignore[no-untyped-def]
    doc, ctx = linked
    path = PdfRenderer().build(doc, ctx)[0]
    text = pdf_text(path)
    assert_blocks_once_in_order(doc, text)  # each paragraph's text whole
    flat = "".join(text.split())
    assert "回去。（链接：这里" + LONG + "；见公告editor@example.org）" in flat
    assert "https://example.org/a。（链接：馆方公告https://library.example.org/notice?id=3）" in flat
    assert "3.城东图书馆官网https://library.example.org/about" in flat
    assert link_annotations(path) == HREFS


@pytest.mark.slow
def test_the_learner_pdf_prints_every_address_within_the_page(linked) -> None:  # type: ignore[no-untyped-def]
    doc, ctx = linked
    path = LearnerPdfRenderer().build(doc, ctx)[0]
    flat = "".join("".join(text_without_pinyin(doc, path)).split())
    assert LONG in flat and "editor@example.org" in flat and "https://library.example.org/notice?id=3" in flat
    with pikepdf.open(path) as pdf:
        width = float(pdf.pages[0].mediabox[2])
        count = len(pdf.pages)
    for number, chars in page_chars(path, list(range(count))).items():
        assert all(char.x1 <= width - 20 for char in chars), number  # nothing runs off the page (its margin is wider)


def paragraph(*spans: Span) -> Paragraph:
    return Paragraph(spans=spans, loc=Location(path="t.md", line=1))


def test_a_link_of_several_spans_is_one_link_with_its_address_once() -> None:
    p = paragraph(Span(text="见"), Span(text="公", style="em", href="mailto:a@b.org"),
                  Span(text="告", style="strong", href="mailto:a@b.org"), Span(text="。"),
                  Span(text="https://x.org/路", href="https://x.org/%E8%B7%AF"))
    assert addresses(p) == [("公告", "a@b.org")]  # the second link's text is its address
    assert inline_html(p) == ('见<a href="mailto:a@b.org"><em>公</em><strong>告</strong></a>。'
                              '<a class="url" href="https://x.org/%E8%B7%AF">https://x.org/路</a>')
    assert inline_html(p, show_addresses=True).endswith(
        '<span class="link-note">（链接：公告 <span class="url">a@b.org</span>）</span>')
