"""The learner PDF with its body chapters laid out by Typst (`--layout typst`, `typstbody`,
`typstpdf`): the test title built once (with crop marks and bleed, the harder page), judged by
the learner PDF's and the joined book's own checks (the vocabulary chapter is Typst's too) (every paragraph once in order, syllables
over their characters, word shapes, contents and index folios where the text is, running heads,
one structure tree, subset fonts), and by what only the Typst path can get wrong: page boxes as
WeasyPrint's, bookmarks, named destinations on the page of their answer, link annotations, a
speaker's label never last on a page, characters the faces lack boxed, and an edit that
compiles its chapter only and gives the cold bytes."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from pipeline.build import prepare
from pipeline.cache import Cache
from pipeline.model import Document, Paragraph, Span
from pipeline.reader import read_source
from pipeline.renderers import pdfparts, typstbody
from pipeline.renderers.base import BuildContext
from pipeline.renderers.epub import LearnerEpubRenderer
from pipeline.renderers.pdf import LearnerPdfRenderer
from pipeline.renderers.pdfbook import book_plan
from tests.conftest import ROOT
from tests.renderers import test_pdf_learner as learner_checks
from tests.renderers import test_pdf_parts as parts_checks
from tests.renderers.test_links import link_structure, link_texts
from tests.renderers.pdftools import outline_titles, page_chars, pages
from tests.renderers.wordgeometry import body_pages

STYLES = ROOT / "pipeline" / "styles"
OPTIONS = {"layout": "typst", "marks": True}


def build(doc: Document, out: Path, cache: Cache) -> Path:
    ctx = BuildContext(out_dir=out, cache=cache, styles_dir=STYLES, options=OPTIONS, log=lambda message: None)
    return LearnerPdfRenderer().build(doc, ctx)[0]


@pytest.fixture(scope="module")
def typst_book(tmp_path_factory, test_title) -> tuple[Document, Path, Cache]:
    cache = Cache(tmp_path_factory.mktemp("typst-cache"))  # (its own: the edit test counts what it compiles)
    return test_title, build(test_title, tmp_path_factory.mktemp("typst"), cache), cache


def test_the_learner_checks_hold(typst_book, shared_cache, tmp_path) -> None:
    doc, path, _cache = typst_book
    learner_checks.check_text(doc, path)
    assert learner_checks.check_pinyin_placement(path, body_pages(path)) > 100
    ctx = BuildContext(out_dir=tmp_path, cache=shared_cache, styles_dir=STYLES, log=lambda message: None)
    epub = LearnerEpubRenderer().build(doc, ctx)[0]
    assert learner_checks.check_word_shapes(path, epub) > 100


def test_the_joined_books_checks_hold(typst_book) -> None:
    doc, path, _cache = typst_book
    books = {"plain": (path, None), "marks": (path, None)}
    parts_checks.test_contents_and_index_numbers_are_where_the_text_is(books, doc)
    parts_checks.test_running_heads_and_folios(books, doc)
    parts_checks.test_structure_tree_holds_together(books)
    parts_checks.test_fonts_are_embedded_subsets(books)


def test_pages_bookmarks_destinations_and_links(typst_book) -> None:
    """Typst's pages have the boxes of WeasyPrint's (the front matter's, in the same book); the
    bookmarks are the contents' entries; each answer's destination is on the page its label is
    on."""
    doc, path, _cache = typst_book
    plan = book_plan(doc)
    with pikepdf.open(path) as pdf:
        boxes = {(tuple(map(float, p.mediabox)), tuple(map(float, p.trimbox)), tuple(map(float, p.obj.BleedBox)))
                 for p in pdf.pages}
        assert len(boxes) == 1, boxes
        (media, trim, _bleed), = boxes
        assert trim != media
        index = {page.objgen: n for n, page in enumerate(pdf.pages)}
        names = pdf.Root.Names.Dests.Names
        dests = {str(names[i]): index[names[i + 1][0].objgen] for i in range(0, len(names), 2)}
    vocabulary = "".join(line.text for page in pages(path) if any(line.text.strip() == "生词表" for line in page.lines)
                         for line in page.lines)
    assert vocabulary.count("HSK") >= 10  # (the vocabulary chapter: Typst's too)
    body = [title.replace(" ", "") for _id, title, kind in plan.toc if kind in ("article", "question", "closing", "note")]
    assert [title.replace(" ", "") for title in outline_titles(path)[:len(body)]] == body
    chars = page_chars(path, sorted(set(dests.values())))
    for section in doc.sections:
        for answer in section.answers:
            page = "".join(c.text for c in chars[dests[answer.id]])
            assert answer.label.replace(" ", "")[:4] in page, (answer.id, answer.label)


def destinations(path: Path) -> dict[str, tuple[int, float, float]]:
    """Each named destination → (page index, left, top), to 1/100 pt."""
    reader = PdfReader(str(path))
    return {name: (reader.get_destination_page_number(d), round(float(d.left), 2), round(float(d.top), 2))
            for name, d in reader.named_destinations.items()}


def test_body_parts_are_weasyprints_glyph_for_glyph(typst_book, tmp_path) -> None:
    """Each body part Typst lays out has WeasyPrint's pages for the same part: every glyph at the
    same place to 0.015 pt as a text extractor reads it (the fonts' ascent and descent, a row
    holding an aside's other face, an answer opening a page with its top margin, the closing's
    and the note's rules, condensed syllables, the byline and a question's number), and every
    named destination at the same place (an answer's box top, a chapter's top). Parts, not
    books: WeasyPrint lays out two chapters' parts, not the book (in the Typst book's cache: the
    readings are made once)."""
    test_title, _path, cache = typst_book
    laid = {}
    for layout in ("typst", "weasyprint"):
        ctx = BuildContext(out_dir=tmp_path, cache=cache, styles_dir=STYLES, options={**OPTIONS, "layout": layout},
                           log=lambda message: None)
        assembly = LearnerPdfRenderer().assembly(test_title, ctx)
        for part in assembly.plan.parts:
            if typstbody.sets(part):
                job = assembly._body_job(part)
                assert job.engine == layout
                laid[layout, part.id] = path = tmp_path / f"{layout}-{part.id}.pdf"
                path.write_bytes(pdfparts.lay_out(job)[0])
    parts = sorted({part for _layout, part in laid})
    assert len(parts) >= 2
    named = 0
    for part in parts:
        ours, theirs = parts_checks.glyphs(laid["typst", part]), parts_checks.glyphs(laid["weasyprint", part])
        assert len(ours) == len(theirs) and parts_checks.pages_apart(ours, theirs) == [], part
        ours, theirs = destinations(laid["typst", part]), destinations(laid["weasyprint", part])
        assert {name: theirs.get(name) for name in ours} == ours, part
        named += len(ours)
    assert named >= 10


def test_a_speakers_label_is_never_last_on_a_page(typst_book) -> None:
    doc, path, _cache = typst_book
    # (a label's Han is set at --learner-label, 12 pt; the text at 15 pt)
    for number, chars in page_chars(path, body_pages(path)).items():
        han = [c for c in chars if c.size >= 11 and "\u4e00" <= c.text <= "\u9fff"]
        if han:
            lowest = min(han, key=lambda c: c.y0)
            assert lowest.size > 12.5, (number, lowest)


def within_book_link(doc: Document, after: str, span: Span) -> Document:
    """`doc` with `span` (a link to an id of the book: a library's document may hold one; the
    reader takes none from a source) after the first span whose text is `after`."""
    def paragraph(p: Paragraph) -> Paragraph:
        at = next((i for i, s in enumerate(p.spans) if s.text == after), None)
        return p if at is None else p.model_copy(update={"spans": (*p.spans[:at + 1], span, *p.spans[at + 1:])})

    sections = tuple(s.model_copy(update={"answers": tuple(a.model_copy(update={"paragraphs": tuple(
        map(paragraph, a.paragraphs))}) for a in s.answers)}) for s in doc.sections)
    return doc.model_copy(update={"sections": sections})


def test_links_and_characters_the_faces_lack(tmp_path, test_title) -> None:
    """A link's text and its address printed after the paragraph are links to it; a link to
    another chapter's heading is a link to its named destination, as WeasyPrint writes it (the
    merge keeps it, and the book's names tree holds the target); Typst takes no font of the
    system (nor its own): a character the packaged faces lack is drawn from the last-resort font."""
    text = (ROOT / "tests" / "fixtures" / "test-title.md").read_text(encoding="utf-8")
    source = tmp_path / "rare.md"
    source.write_text(text.replace("白天家里孙子闹，", "白天家里孙子闹，上有\ue000字，[图书馆](https://example.org/library)说，", 1),
                      encoding="utf-8")
    doc = prepare(within_book_link(read_source(source), "图书馆", Span(text="见末章", href="#closing")))
    ctx = BuildContext(out_dir=tmp_path, cache=Cache(tmp_path / "cache"), styles_dir=STYLES, options=OPTIONS,
                       log=lambda message: None)
    assembly = LearnerPdfRenderer().assembly(doc, ctx)
    part = next(p for p in assembly.plan.parts if any("\ue000" in para.text for s in p.sections
                                                      for a in s.answers for para in a.paragraphs))
    job = assembly._body_job(part)
    assert job.engine == "typst" and [name for name, _data in job.files] == [pdfparts.LAST_RESORT]
    data, _warnings = pdfparts.lay_out(job)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        fonts = {str(f.BaseFont) for page in pdf.pages for f in page.Resources.get("/Font", {}).values()}
        uris = [str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", []) if "/A" in a]
        inside = [(str(a.Dest), str(a.Contents)) for page in pdf.pages for a in page.get("/Annots", []) if "/Dest" in a]
    assert any("Last" in name for name in fonts), fonts
    assert inside and set(inside) == {("closing", "closing")}, inside
    assert len(uris) >= 2 and set(uris) == {"https://example.org/library"}, uris
    part_pdf = tmp_path / "part.pdf"  # PDF/UA: each annotation says where it goes and is a Link
    part_pdf.write_bytes(data)        # element holding the link's text (and the printed address)
    assert {(uri, contents, tag) for uri, contents, tag in link_structure(part_pdf)} == {
        ("https://example.org/library", "https://example.org/library", "/Link")}
    assert link_texts(part_pdf) == {"https://example.org/library": "图书馆https://example.org/library"}


def test_an_edit_compiles_its_chapter_only_and_gives_the_cold_bytes(typst_book, tmp_path, monkeypatch) -> None:
    doc, before, cache = typst_book
    edited = parts_checks.edited_source(tmp_path)
    changed = [s.id for s, t in zip(edited.sections, doc.sections)
               if parts_checks.texts(s) != parts_checks.texts(t)]
    compiled: list[str] = []
    real = pdfparts.lay_out

    def counting(job):  # type: ignore[no-untyped-def]
        compiled.append(job.engine)
        return real(job)

    monkeypatch.setattr(pdfparts, "lay_out", counting)
    after = build(edited, tmp_path / "after", cache)
    assert compiled == ["typst"] and len(changed) == 1
    monkeypatch.setattr(pdfparts, "lay_out", real)
    cold = build(edited, tmp_path / "cold", Cache(tmp_path / "fresh"))
    assert after.read_bytes() == cold.read_bytes() != before.read_bytes()
