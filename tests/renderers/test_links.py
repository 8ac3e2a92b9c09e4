"""Links reach every edition: the EPUB and the web page link the text, the PDFs (paper) print
each address after its paragraph, the paragraph's own text staying whole (a check that every
paragraph is in the edition still finds it), and a long address breaks within the page."""

from __future__ import annotations

import re
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
from tests.renderers.pdftools import structure as pdf_structure
from tests.renderers.test_pdf_learner import text_without_pinyin

LONG = "https://library.example.org/a/very/long/path/that/goes/on/and/on/index.html?from=weekly&utm_source=newsletter"
LINKED = {
    "我们请四位常客聊了聊他们的夜晚。": "我们请四位常客聊了聊他们的夜晚。详见[馆方公告](https://library.example.org/notice?id=3)和<https://example.org/a>。",
    "白天家里孙子闹，晚上这里安静。": f"白天家里孙子闹，晚上[这里]({LONG})安静，[见**公告**](mailto:editor@example.org)。",
    "2. 微博：@城东图书馆": "2. 微博：@城东图书馆\n3. [城东图书馆官网](https://library.example.org/about)",
    "其实是“被迫”夜读的。": "其实是“被迫”[夜读](https://library.example.org/书目/夜读?q=新书)的。",
}
# The reader percent-encodes an address as the web does; every edition links to it so encoded.
HAN_ADDRESS = "https://library.example.org/%E4%B9%A6%E7%9B%AE/%E5%A4%9C%E8%AF%BB?q=%E6%96%B0%E4%B9%A6"
HREFS = {"https://library.example.org/notice?id=3", "https://example.org/a", LONG, "mailto:editor@example.org",
         "https://library.example.org/about", HAN_ADDRESS}
# What the learner PDF makes clickable, by address, in reading order: the link's text in its
# paragraph, then the address printed in the paragraph's note (the references list, not set with
# pinyin, links its text only, as print does).
LEARNER_LINKED = {
    "https://library.example.org/notice?id=3": "馆方公告https://library.example.org/notice?id=3",
    "https://example.org/a": "https://example.org/a",
    LONG: "这里" + LONG,
    "mailto:editor@example.org": "见公告editor@example.org",
    HAN_ADDRESS: "夜读https://library.example.org/书目/夜读?q=新书",
    "https://library.example.org/about": "城东图书馆官网",
}


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


@pytest.fixture(scope="module")
def print_pdf(linked) -> Path:  # type: ignore[no-untyped-def]
    doc, ctx = linked
    return PdfRenderer().build(doc, ctx)[0]


@pytest.fixture(scope="module")
def learner_pdf(linked) -> Path:  # type: ignore[no-untyped-def]
    doc, ctx = linked
    return LearnerPdfRenderer().build(doc, ctx)[0]


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
                     LONG: "这里", "mailto:editor@example.org": "见公告", "https://library.example.org/about": "城东图书馆官网",
                     HAN_ADDRESS: "夜读"}
    report = run_epubcheck(path)
    assert (report.fatals, report.errors, report.warnings) == (0, 0, 0), "\n".join(map(str, report.messages))


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def link_annotations(path: Path) -> set[str]:
    with pikepdf.open(path) as pdf:
        return {str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", []) if "/A" in a and "/URI" in a.A}


def test_the_print_pdf_links_and_prints_every_address_after_its_paragraph(linked, print_pdf) -> None:  # type: ignore[no-untyped-def]
    doc, _ctx = linked
    path = print_pdf
    text = pdf_text(path)
    assert_blocks_once_in_order(doc, text)  # each paragraph's text whole
    flat = "".join(text.split())
    assert "回去。（链接：这里" + LONG + "；见公告editor@example.org）" in flat
    assert "https://example.org/a。（链接：馆方公告https://library.example.org/notice?id=3）" in flat
    assert "3.城东图书馆官网https://library.example.org/about" in flat
    assert link_annotations(path) == HREFS


@pytest.mark.slow
def test_the_learner_pdf_prints_every_address_within_the_page(linked, learner_pdf) -> None:  # type: ignore[no-untyped-def]
    doc, _ctx = linked
    path = learner_pdf
    flat = "".join("".join(text_without_pinyin(doc, path)).split())
    assert LONG in flat and "editor@example.org" in flat and "https://library.example.org/notice?id=3" in flat
    with pikepdf.open(path) as pdf:
        width = float(pdf.pages[0].mediabox[2])
        count = len(pdf.pages)
    for number, chars in page_chars(path, list(range(count))).items():
        assert all(char.x1 <= width - 20 for char in chars), number  # nothing runs off the page (its margin is wider)


def linked_text(path: Path) -> dict[str, str]:
    """URI → the glyphs under its link annotations, read by pdfminer (a glyph is under one when its
    box lies within the annotation's rectangle), annotations taken page by page, top to bottom,
    left to right. Asserts that no glyph straddles an annotation's left or right edge and that
    each annotation is at least as tall as its glyphs (pdfminer's glyph boxes sit on the font's
    descent, lower than a Han character's ink: their vertical centre is what must be inside)."""
    with pikepdf.open(path) as pdf:
        rects: dict[int, list[tuple[str, tuple[float, float, float, float]]]] = {}
        for number, page in enumerate(pdf.pages):
            for annotation in page.get("/Annots", []):
                if "/A" in annotation and "/URI" in annotation.A:
                    x0, y0, x1, y1 = map(float, annotation.Rect)
                    rects.setdefault(number, []).append(
                        (str(annotation.A.URI), (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))))
    found: dict[str, str] = {}
    chars = page_chars(path, sorted(rects))
    for number, on_page in sorted(rects.items()):
        for uri, (x0, y0, x1, y1) in sorted(on_page, key=lambda item: (-item[1][3], item[1][0])):
            under = ""
            for char in chars[number]:
                centre_x, centre_y = (char.x0 + char.x1) / 2, (char.y0 + char.y1) / 2
                inside = x0 <= centre_x <= x1 and y0 <= centre_y <= y1
                if inside and char.text.strip():
                    assert x0 - 0.5 <= char.x0 and char.x1 <= x1 + 0.5 and y1 - y0 >= char.size, (uri, char, (x0, y0, x1, y1))
                    under += char.text
            found[uri] = found.get(uri, "") + under
    return found


@pytest.mark.slow
def test_the_learner_pdf_links_each_text_and_each_printed_address_where_it_stands(learner_pdf) -> None:  # type: ignore[no-untyped-def]
    """The link annotations lie over exactly the link's text and the address printed in the
    note, on each line either breaks over (the long address over four lines), and nothing else."""
    assert linked_text(learner_pdf) == LEARNER_LINKED


@pytest.mark.slow
def test_the_learner_pdf_links_a_text_or_address_that_breaks_over_two_pages(tmp_path: Path) -> None:
    """Every body paragraph of the test title ends with a link of its own and a long address: the
    annotations lie over each whole, also where one continues on the next page (four do)."""
    lines = TEST_TITLE.read_text(encoding="utf-8").split("\n")
    expected = {}
    for index, line in enumerate(lines):
        if line.endswith("。") and not line.startswith("#") and not re.match(r"^[a-z]+:", line):
            href = f"{LONG}&p={len(expected) + 1}"
            lines[index] = f"{line}见[第{len(expected) + 1}条说明]({href})。"
            expected[href] = f"第{len(expected) + 1}条说明{href}"
    source = tmp_path / "many-links.md"
    source.write_text("\n".join(lines), encoding="utf-8")
    doc = prepare(read_source(source))
    ctx = BuildContext(out_dir=tmp_path / "out", cache=Cache(tmp_path / "cache"),
                       styles_dir=ROOT / "pipeline" / "styles", log=lambda message: None)
    path = LearnerPdfRenderer().build(doc, ctx)[0]
    found = linked_text(path)
    assert len(expected) >= 10 and {href: found.get(href) for href in expected} == expected
    with pikepdf.open(path) as pdf:
        pages: dict[str, set[int]] = {}
        for number, page in enumerate(pdf.pages):
            for annotation in page.get("/Annots", []):
                if "/A" in annotation and "/URI" in annotation.A:
                    pages.setdefault(str(annotation.A.URI), set()).add(number)
    assert any(len(pages[href]) > 1 for href in expected), "no link crosses a page: the case is not tested"


def link_structure(path: Path) -> list[tuple[str, str, str]]:
    """(URI, the annotation's /Contents, the tag of the structure element its /StructParent names)
    of every URI link annotation; asserts that the element holds the annotation by an OBJR and
    hangs in the structure tree."""
    found = []
    with pikepdf.open(path) as pdf:
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        table = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        root = pdf.Root.StructTreeRoot.objgen
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                if "/A" not in annotation or "/URI" not in annotation.A:
                    continue
                element = table[int(annotation.StructParent)]
                kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
                assert any(isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR"
                           and kid.Obj.objgen == annotation.objgen for kid in kids)
                up, depth = element, 0
                while up.objgen != root and depth < 50:
                    up, depth = up.P, depth + 1
                assert up.objgen == root
                found.append((str(annotation.A.URI), str(annotation.get("/Contents", "")), str(element.S)))
    return found


@pytest.mark.slow
def test_the_learner_pdf_tags_its_links_as_the_print_pdf_does(print_pdf, learner_pdf) -> None:  # type: ignore[no-untyped-def]
    """PDF/UA: each link annotation is the object of a Link element of the structure tree and
    says where it goes (/Contents); both PDFs link to the same addresses, encoded alike. Each
    Link element (walked with pikepdf, its marked content read with pdfminer) holds an
    annotation and text: in print the link's text as written (also a link whose text is all
    bold, once tagged as the bold's NonStruct), in the learner edition, line by line, the same
    text and the address printed in its note (the Han row; the pinyin row is no link's text)."""
    for path in (print_pdf, learner_pdf):
        structure = link_structure(path)
        assert {uri for uri, _contents, _tag in structure} == HREFS
        assert all(contents == uri for uri, contents, _tag in structure), structure
        assert {tag for _uri, _contents, tag in structure} == {"/Link"}, path
        links = [element for element in pdf_structure(path) if element.tag == "/Link"]
        assert links and all(element.objr and element.text.strip() for element in links), path
    assert link_texts(print_pdf) == PRINT_LINKED
    assert link_texts(learner_pdf) == {href: "".join(text.split()) for href, text in LEARNER_LINKED.items()}


# Each link's text as the source writes it (its marks aside): what the print PDF's Link holds.
PRINT_LINKED = {"https://library.example.org/notice?id=3": "馆方公告", "https://example.org/a": "https://example.org/a",
                LONG: "这里", "mailto:editor@example.org": "见公告", "https://library.example.org/about": "城东图书馆官网",
                HAN_ADDRESS: "夜读"}


def link_texts(path: Path) -> dict[str, str]:
    """URI → the text of its Link elements (white space aside), in reading order."""
    found: dict[str, str] = {}
    for element in pdf_structure(path):
        for uri in element.objr:
            if uri:
                found[uri] = found.get(uri, "") + "".join(element.text.split())
    return found


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
