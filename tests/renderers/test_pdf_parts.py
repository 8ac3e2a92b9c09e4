"""The learner PDF laid out chapter by chapter and joined (`pdfparts`, `pdfmerge`), judged
against the same book laid out by WeasyPrint as one document (`Assembly.whole`), which has no
merging, no page furniture drawn over the pages and no shifted pages: the same pages with the
same glyphs at the same places (running heads and folios included), the same bookmarks, links
and named destinations, page numbers in the contents and the name index that match where the
chapters and answers really are, and a tagged structure that holds together. An edit to one
answer lays out that chapter only and gives the bytes of a cold build."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTCurve, LTLine, LTRect
from pypdf import PdfReader

from pipeline.build import prepare
from pipeline.cache import Cache
from pipeline.fidelity import normalise
from pipeline.model import Document
from pipeline.reader import read_source
from pipeline.renderers import pdfparts
from pipeline.renderers.base import BuildContext
from pipeline.renderers.cjktype import spaced
from pipeline.renderers.pdf import LearnerPdfRenderer, PdfRenderer
from tests.conftest import ROOT, TEST_TITLE
from tests.renderers.pdftools import (
    assert_blocks_once_in_order, body_lines, font_descriptors, outline_titles, page_chars, pages, rows,
)
from tests.renderers.test_pdf_learner import is_pinyin
from tests.renderers.test_pdf import heads

STYLES = ROOT / "pipeline" / "styles"
MM = 72 / 25.4


def context(out: Path, cache: Cache, **options) -> BuildContext:
    return BuildContext(out_dir=out, cache=cache, styles_dir=STYLES, options=options, log=lambda message: None)


def joined(doc: Document, out: Path, cache: Cache, renderer: type[PdfRenderer] = LearnerPdfRenderer,
           **options) -> Path:
    (path,) = renderer().build(doc, context(out, cache, **options))
    return path


def one_document(doc: Document, out: Path, cache: Cache, renderer: type[PdfRenderer] = LearnerPdfRenderer,
                 **options) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "one-document.pdf"
    path.write_bytes(renderer().assembly(doc, context(out, cache, **options)).whole())
    return path


@pytest.fixture(scope="module")
def books(tmp_path_factory, test_title, shared_cache):
    """(joined, one document) for the test title: the learner book plain and with crop marks,
    and the print book. In the run's shared cache (tests/conftest.py): the plain and print books
    are the ones test_pdf_learner and test_pdf read, made once a run (the edit, byte and process
    tests below keep caches of their own)."""
    made = {}
    for name, renderer, options in (("plain", LearnerPdfRenderer, {}), ("marks", LearnerPdfRenderer, {"marks": True}),
                                    ("print", PdfRenderer, {})):
        cache = shared_cache
        made[name] = (joined(test_title, tmp_path_factory.mktemp(f"joined-{name}"), cache, renderer, **options),
                      one_document(test_title, tmp_path_factory.mktemp(f"whole-{name}"), cache, renderer, **options))
    return made


def pages_apart(a: list[list[tuple[str, float, float, float]]], b: list[list[tuple[str, float, float, float]]],
                tolerance: float = 0.015) -> list[int]:
    """The numbers of the pages whose glyphs differ: another text, or a place off by more than
    `tolerance` pt (a page moved into the joined book is drawn through one more transformation,
    and a glyph at x.xx5 rounds one way there and the other in the whole document)."""
    def same(ours: tuple, theirs: tuple) -> bool:
        return ours[0] == theirs[0] and all(abs(u - v) <= tolerance for u, v in zip(ours[1:], theirs[1:]))

    return [number + 1 for number, (ours, theirs) in enumerate(zip(a, b))
            if len(ours) != len(theirs) or not all(map(same, ours, theirs))]


def glyphs(path: Path) -> list[list[tuple[str, float, float, float]]]:
    """Every page's glyphs (text, x, y, size), in the order pdfminer reads them, sorted."""
    count = len(PdfReader(str(path)).pages)
    found = page_chars(path, list(range(count)))
    return [sorted((c.text, round(c.x0, 2), round(c.y0, 2), round(c.size, 2)) for c in found.get(n, []))
            for n in range(count)]


def drawings(path: Path) -> list[list[tuple[float, ...]]]:
    """Every page's lines and rectangles (crop marks), as rounded boxes."""
    return [sorted(tuple(round(v, 1) for v in item.bbox) for item in page if isinstance(item, (LTLine, LTRect, LTCurve)))
            for page in extract_pages(str(path))]


@pytest.mark.parametrize("variant", ["plain", "marks", "print"])
def test_joined_pages_are_the_one_document_pages(books, variant) -> None:
    parts, whole = books[variant]
    a, b = glyphs(parts), glyphs(whole)
    assert len(a) == len(b) > 10
    assert pages_apart(a, b) == []
    assert drawings(parts) == drawings(whole)
    boxes = lambda path: [(tuple(p.mediabox), tuple(p.trimbox), tuple(p.bleedbox)) for p in PdfReader(str(path)).pages]
    assert boxes(parts) == boxes(whole)


@pytest.mark.parametrize("variant", ["plain", "print"])
def test_bookmarks_links_and_destinations_are_the_one_documents(books, variant) -> None:
    parts, whole = books[variant]
    assert outline_titles(parts) == outline_titles(whole)

    def targets(path: Path) -> tuple[dict, list, list]:
        reader = PdfReader(str(path))
        dests = {name: (reader.get_destination_page_number(d), round(float(d.left), 2), round(float(d.top), 2))
                 for name, d in reader.named_destinations.items()}
        outline = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
        links = [(n, str(a.get_object()["/Dest"]), [round(float(v), 2) for v in a.get_object()["/Rect"]])
                 for n, page in enumerate(reader.pages) for a in page.get("/Annots", []) or []]
        return dests, outline, links

    assert targets(parts) == targets(whole)


def folios(path: Path, doc: Document) -> dict[int, int]:
    """Page index → the folio printed at its foot (pages with one)."""
    found = {}
    for page in pages(path):
        foot = [line.text.strip() for line in page.lines if line.y1 < page.height * 0.12]
        numbers = [text for text in foot if text.isdigit()]
        if numbers:
            found[page.number] = int(numbers[0])
    return found


def test_contents_and_index_numbers_are_where_the_text_is(books, test_title) -> None:
    """Each contents entry's number is the folio of the page its chapter's title opens, and each
    index entry lists the folios of the pages where that speaker's answers begin (their label)."""
    parts, _whole = books["plain"]
    doc = test_title
    printed = folios(parts, doc)
    page_list = pages(parts, keep=lambda line: not is_pinyin(line.get_text()))
    texts = {page.number: normalise("".join(line.text for line in page.lines)) for page in page_list}
    front = [row for page in page_list if page.number < min(printed) for row in rows(page)]
    toc = {normalise(line.rstrip("0123456789· ")): int(line.rstrip().split("·")[-1].strip())
           for line in front if "··" in line and line.rstrip()[-1].isdigit()}
    checked = 0
    for section in doc.sections:
        if section.kind not in ("question", "closing") or not section.title:
            continue
        title = normalise(section.title)
        opening = min(n for n, text in texts.items() if title in text and n >= min(printed))
        assert toc[title] == printed[opening], section.title
        checked += 1
    assert checked >= 3
    index_start = min(n for n, text in texts.items() if text.startswith(normalise("人名索引")) and n >= min(printed))
    index_lines = [row for page in page_list if page.number >= index_start for row in rows(page)]
    for speaker in doc.speakers:
        answers = doc.answers_by(speaker.id)
        if not answers:
            continue
        entry = next(line for line in index_lines if line.startswith(speaker.name))
        listed = [int(n) for n in re.findall(r"\d+", entry.split("·")[-1])]
        where = []
        for answer in answers:  # its label, then the start of its first paragraph
            needle = normalise(f"{answer.label}：{answer.paragraphs[0].text}")[:len(answer.label) + 7]
            where.append(printed[min(n for n, text in texts.items() if needle in text and n >= min(printed))])
        assert listed == where, (speaker.name, entry)


def test_running_heads_and_folios(books, test_title) -> None:
    """Folio 1 on the article's first page and one more on each page after it; the book's
    title over left-hand pages, the chapter over right-hand ones, nothing over an opener."""
    parts, _whole = books["plain"]
    doc = test_title
    page_list = pages(parts, keep=lambda line: not is_pinyin(line.get_text()))
    printed = folios(parts, doc)
    first = min(printed)
    assert printed[first] == 1
    assert all(printed.get(n) == n - first + 1 for n in range(first, len(page_list)))
    chapters = {spaced(s.title).replace(" ", "") for s in doc.sections if s.title} | {"人名索引", "生词表"}
    book = doc.meta.title.replace(" ", "")
    for page in page_list[first + 1:]:
        top = [line.text.replace(" ", "") for line in page.lines if line.y0 > page.height * 0.9]
        if not top:
            continue  # a chapter opener
        assert top == [book] if page.number % 2 else top[0] in chapters | {doc.meta.subtitle}, (page.number, top)


def test_structure_tree_holds_together(books) -> None:
    """Every page's marked content is reached from the parent tree by the page's key, and its
    elements are on that page; every link annotation is the object of the element its key names;
    every element's parent is the element above it; every glyph is marked (content) or an
    artifact (page furniture). Checked on the joined book with crop marks."""
    parts, _whole = books["marks"]
    with pikepdf.open(parts) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked and str(root.Lang) == "zh-Hans"
        tree = root.StructTreeRoot
        nums = tree.ParentTree.Nums
        table = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        assert int(tree.ParentTreeNextKey) == len(table)
        pages = {page.objgen: n for n, page in enumerate(pdf.pages)}
        seen = 0

        def walk(element, parent) -> None:  # type: ignore[no-untyped-def]
            nonlocal seen
            seen += 1
            assert element.P.objgen == parent.objgen
            if "/Pg" in element:
                assert element.Pg.objgen in pages
            kids = element.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                    walk(kid, element)

        for element in tree.K[0].K:
            walk(element, tree.K[0])
        assert seen > 100
        for number, page in enumerate(pdf.pages):
            marked, text_outside = set(), 0
            depth: list[str] = []
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BDC", "BMC"):
                    tag = str(operands[0])
                    if op == "BDC" and "/MCID" in operands[1]:
                        marked.add(int(operands[1].MCID))
                    depth.append(tag)
                elif op == "EMC":
                    depth.pop()
                elif op in ("Tj", "TJ", "'", '"') and not depth:
                    text_outside += 1
            assert text_outside == 0, f"page {number + 1}: text outside marked content"
            if marked:
                entries = table[int(page.obj.StructParents)]
                for mcid in marked:
                    element = entries[mcid]
                    assert element.get("/Pg", page.obj).objgen == page.objgen, (number, mcid)
            for annotation in page.get("/Annots", []):
                link = table[int(annotation.StructParent)]
                assert any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"
                           and k.Obj.objgen == annotation.objgen for k in link.K)


def test_fonts_are_embedded_subsets(books) -> None:
    parts, _whole = books["plain"]
    fonts = font_descriptors(parts)
    assert {name.split("+", 1)[1] for name in fonts} >= {"Noto-Serif-SC", "Noto-Sans-SC"}
    for name, descriptor in fonts.items():
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name
        assert len(name.split("+", 1)[0]) == 7 and name[1:7].isupper(), name


def edited_source(tmp_path: Path) -> Document:
    """The test title with one character of one answer changed (the same width, so no page moves)."""
    text = TEST_TITLE.read_text(encoding="utf-8")
    marker = "::: answer"
    start = text.index(marker, text.index(marker) + 1)
    at = text.index("的", start)
    source = tmp_path / "source" / TEST_TITLE.name
    source.parent.mkdir(parents=True)
    source.write_text(text[:at] + "地" + text[at + 1:], encoding="utf-8")
    return prepare(read_source(source))


def texts(section) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in section.paragraphs] + [p.text for a in section.answers for p in a.paragraphs]


@pytest.mark.parametrize("renderer", [LearnerPdfRenderer, PdfRenderer])
def test_an_edit_lays_out_its_chapter_only_and_gives_the_cold_bytes(tmp_path, test_title, monkeypatch,
                                                                    renderer) -> None:
    """The learner and the print book alike, whichever engine lays out the body: an edit to one
    answer lays out its chapter only (each job known by the chapter it was made for, not by its
    markup, which is HTML or Typst's)."""
    cache = Cache(tmp_path / "cache")
    before = joined(test_title, tmp_path / "a", cache, renderer)
    edited = edited_source(tmp_path)
    changed = [s.id for s, t in zip(edited.sections, test_title.sections) if texts(s) != texts(t)]
    assert len(changed) == 1
    laid: list[str] = []
    real, real_body_job = pdfparts.lay_out, pdfparts.Assembly._body_job
    chapters: dict[str, str] = {}  # a body job's markup → the first chapter of its part

    def body_job(self, part, *args, **kwargs):  # type: ignore[no-untyped-def]
        job = real_body_job(self, part, *args, **kwargs)
        chapters[job.html] = part.sections[0].id if part.sections else part.id
        return job

    def counting(job):  # type: ignore[no-untyped-def]
        laid.append(chapters.get(job.html, "front" if job.tagged else "furniture"))
        return real(job)

    monkeypatch.setattr(pdfparts.Assembly, "_body_job", body_job)
    monkeypatch.setattr(pdfparts, "lay_out", counting)
    after = joined(edited, tmp_path / "b", cache, renderer)
    assert len(PdfReader(str(after)).pages) == len(PdfReader(str(before)).pages)
    assert laid == changed
    monkeypatch.setattr(pdfparts, "lay_out", real)
    cold = joined(edited, tmp_path / "c", Cache(tmp_path / "fresh"), renderer)
    assert after.read_bytes() == cold.read_bytes()
    assert before.read_bytes() != after.read_bytes()


def test_same_source_same_bytes(tmp_path, test_title) -> None:
    first = joined(test_title, tmp_path / "a", Cache(tmp_path / "one")).read_bytes()
    assert joined(test_title, tmp_path / "b", Cache(tmp_path / "two")).read_bytes() == first


def test_a_book_that_does_not_open_with_the_article_is_one_document(tmp_path, test_title) -> None:
    """A note before the article: the parts cannot be numbered from the article, so the book is
    laid out whole, every block still once and in order."""
    note = next(s for s in test_title.sections if s.kind == "note")
    doc = test_title.model_copy(update={"sections": (note, *(s for s in test_title.sections if s is not note))})
    plan = LearnerPdfRenderer().assembly(doc, context(tmp_path, Cache(tmp_path / "cache"))).plan
    assert not pdfparts.splittable(doc, plan)
    path = joined(doc, tmp_path / "out", Cache(tmp_path / "cache"))
    lines = [line.text for line in body_lines(pages(path, keep=lambda line: not is_pinyin(line.get_text())),
                                               heads(doc) | {"生词表"})]
    assert_blocks_once_in_order(doc, "\n".join(lines))


def test_two_processes_give_the_bytes_of_one(tmp_path, test_title) -> None:
    """Chapters shared with a worker process as they are made (`pdfschedule`) give the book one
    process lays out alone."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    alone = joined(test_title, tmp_path / "alone", Cache(tmp_path / "one")).read_bytes()
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
        ctx = context(tmp_path / "shared", Cache(tmp_path / "two"))
        (path,) = LearnerPdfRenderer().build(test_title, BuildContext(
            out_dir=ctx.out_dir, cache=ctx.cache, styles_dir=STYLES, options={}, log=ctx.log, executor=pool))
        assert len(pool._processes) == 1  # one worker: each task was handed to it when it was free
    assert path.read_bytes() == alone
