"""The print PDF: every paragraph once and in order, no line starting with closing punctuation
(or ending with opening punctuation), justified lines, fonts embedded and subset, metadata,
tags and outline, running heads, the name index's page numbers, trims, crop marks, and the
same source giving the same bytes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipeline.build import prepare
from pipeline.cache import Cache
from pipeline.errors import PublishError
from pipeline.fidelity import normalise
from pipeline.model import Document
from pipeline.renderers.base import BuildContext
from pipeline.renderers.cjktype import spaced
from pipeline.reader import read_data
from pipeline.renderers.pdf import PdfRenderer
from pipeline.renderers.pdfbook import PRINT, book_plan, part_html
from tests.conftest import ROOT, TEST_TITLE
from tests.renderers.pdftools import (
    Page, assert_blocks_once_in_order, body_lines, font_descriptors, outline_titles, pages, rows,
)

CLOSING = set("，。、；：？！）」』”》")
OPENING = set("“（《「『")
MM = 72 / 25.4

TITLES = [
    "test_title",
    pytest.param("first_title", marks=pytest.mark.slow),
]


@pytest.fixture(scope="module")
def font_cache(shared_cache) -> Cache:
    return shared_cache  # (tests/conftest.py: one cache a run; same_source_same_bytes still compares with a fresh one)


def build(doc: Document, out: Path, cache: Cache, **options) -> Path:
    ctx = BuildContext(out_dir=out, cache=cache, styles_dir=ROOT / "pipeline" / "styles", options=options,
                       log=lambda message: None)
    (path,) = PdfRenderer().build(doc, ctx)
    return path


@pytest.fixture(scope="module")
def built(request, tmp_path_factory, font_cache):
    """title fixture name → (document, pdf path, pages); built once per title per module."""
    cached: dict[str, tuple[Document, Path, list[Page]]] = {}

    def get(name: str) -> tuple[Document, Path, list[Page]]:
        if name not in cached:
            doc = request.getfixturevalue(name)
            path = build(doc, tmp_path_factory.mktemp(name), font_cache)
            cached[name] = (doc, path, pages(path))
        return cached[name]

    return get


def heads(doc: Document) -> set[str]:
    """The strings a running head can show (spaces removed)."""
    strings = {doc.meta.title, doc.meta.subtitle or ""} | {s.title for s in doc.sections if s.title}
    return {spaced(s).replace(" ", "") for s in strings} | {"人名索引", "编者注"}


def body_text(doc: Document, page_list: list[Page]) -> str:
    return "\n".join(line.text for line in body_lines(page_list, heads(doc)))


@pytest.mark.parametrize("title", TITLES)
def test_every_paragraph_once_in_reading_order(built, title) -> None:
    doc, _path, page_list = built(title)
    assert_blocks_once_in_order(doc, body_text(doc, page_list))


@pytest.mark.parametrize("title", TITLES)
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(built, title) -> None:
    doc, _path, page_list = built(title)
    lines = [line.text.strip() for line in body_lines(page_list, heads(doc))]
    assert len(lines) > 50
    assert [line for line in lines if line[0] in CLOSING] == []
    assert [line for line in lines if line[-1] in OPENING] == []


@pytest.mark.parametrize("title", TITLES)
def test_lines_of_running_text_are_justified(built, title) -> None:
    """Every line of a paragraph but its last ends at the measure (within 1 pt), even the
    ones holding Latin words or broken short by a line-start rule."""
    doc, _path, page_list = built(title)
    opening = normalise(doc.sections[0].paragraphs[0].text)[:12]
    page = next(p for p in page_list if any(opening in normalise(line.text) for line in p.lines))
    lines = body_lines([page], heads(doc))
    lines = lines[next(i for i, line in enumerate(lines) if opening in normalise(line.text)):]
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    inner = [a for a, b in zip(lines, lines[1:]) if b.x0 < left + 2 and a.x0 < left + 30]
    assert len(inner) >= 3
    assert [a.text for a in inner if abs(a.x1 - right) > 1.0] == []


@pytest.mark.parametrize("title", TITLES)
def test_fonts_are_embedded_and_subset(built, title) -> None:
    _doc, path, _pages = built(title)
    fonts = font_descriptors(path)
    assert {name.split("+", 1)[1] for name in fonts} == {"Noto-Serif-SC", "Noto-Sans-SC"}
    for name, descriptor in fonts.items():
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name
        assert len(name.split("+", 1)[0]) == 7 and name[1:7].isupper(), name  # "/ABCDEF+" subset tag


def test_metadata_tags_and_outline(built) -> None:
    doc, path, _pages = built("test_title")
    reader = PdfReader(str(path))
    info = reader.metadata
    assert info.title == doc.meta.title
    assert info.author == ", ".join(doc.meta.authors)
    assert info.subject == doc.meta.description
    assert info["/CreationDate"].startswith("D:" + doc.meta.date.strftime("%Y%m%d"))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "zh-Hans"
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    assert b"pdfuaid" in catalog["/Metadata"].get_object().get_data()
    toc = [spaced(doc.meta.title)] + [spaced(s.title) for s in doc.sections if s.kind in ("question", "closing")]
    toc += ["编者注", "人名索引", spaced(doc.sections[-1].title)]
    assert outline_titles(path) == toc


@pytest.mark.slow
def test_running_heads_book_left_chapter_right_none_on_openers(built) -> None:
    doc, _path, page_list = built("first_title")
    chapters = {spaced(s.title).replace(" ", "") for s in doc.sections if s.title} | {"人名索引"}
    article = next(p.number for p in page_list if p.number > 5 and any(
        line.text.replace(" ", "") == doc.meta.title for line in p.lines))
    seen = set()
    for page in page_list[article:]:
        top = [line.text.replace(" ", "") for line in page.lines if line.y0 > page.height * 0.9]
        # (a chapter opener: a chapter's title among the page's top lines, under its number; a
        # short question flowing on under another, lower on a page, opens none)
        top_lines = sorted((line for line in page.lines if line.y0 <= page.height * 0.9), key=lambda line: -line.y0)
        body = {line.text.replace(" ", "") for line in top_lines[:2]}
        if body & chapters or page.number == article:  # a chapter opener
            assert top == [], (page.number, top)
        elif page.number % 2:  # WeasyPrint's first page is a right-hand one: odd indexes are left
            assert top == [doc.meta.title.replace(" ", "")], (page.number, top)
            seen.add("left")
        else:
            assert len(top) == 1 and top[0] in chapters | {doc.meta.subtitle, "人名索引"}, (page.number, top)
            seen.add("right")
    assert seen == {"left", "right"}


def test_index_gives_the_pages_of_each_speakers_answers(built) -> None:
    """老周 answers first in the first chapter and in the closing one: his index entry shows
    the same page numbers as the contents page does for those chapters."""
    doc, _path, page_list = built("test_title")
    lines = [row for page in page_list for row in rows(page)]
    toc = {normalise(line.rstrip("0123456789· ")): line.rstrip().split("·")[-1].strip()
           for line in lines if "··" in line and line.rstrip()[-1].isdigit()}
    pages_of = [toc[normalise(doc.sections[1].title)], toc[normalise(doc.sections[3].title)]]
    index = lines[lines.index("人名索引"):]
    entry = next(line for line in index if line.startswith("老周"))
    assert entry.rstrip().endswith(", ".join(pages_of)), entry


def test_same_source_same_bytes(test_title, tmp_path, font_cache) -> None:
    first = build(test_title, tmp_path / "a", font_cache).read_bytes()
    second = build(test_title, tmp_path / "b", Cache(tmp_path / "fresh-cache")).read_bytes()
    assert first == second


@pytest.mark.parametrize(("paper", "width_mm", "height_mm"), [("b5", 176, 250), ("letter", 215.9, 279.4)])
def test_paper_sets_the_trim(test_title, tmp_path, font_cache, paper, width_mm, height_mm) -> None:
    box = PdfReader(str(build(test_title, tmp_path, font_cache, paper=paper))).pages[0].mediabox
    assert (round(float(box.width) / MM, 1), round(float(box.height) / MM, 1)) == (width_mm, height_mm)


def test_marks_add_bleed_and_keep_the_trim(test_title, tmp_path, font_cache) -> None:
    page = PdfReader(str(build(test_title, tmp_path, font_cache, marks=True))).pages[0]
    trim, media = page.trimbox, page.mediabox
    assert (round(float(trim.width) / MM), round(float(trim.height) / MM)) == (148, 210)
    assert float(media.width) - float(trim.width) >= 2 * 3 * MM - 0.1
    assert float(trim.left) - float(media.left) >= 3 * MM - 0.1


def test_unknown_paper_is_a_clear_error(test_title, tmp_path, font_cache) -> None:
    with pytest.raises(PublishError, match="a4, a5, b5, letter"):
        build(test_title, tmp_path, font_cache, paper="a3")


def test_missing_font_package_says_how_to_install(test_title, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("pipeline.fonts.FONT_PACKAGE", "no_such_font_package")
    with pytest.raises(PublishError, match="pip install"):
        build(test_title, tmp_path, Cache(None))


def _answered_twice_on_a_page(doc: Document) -> Document:
    """The test title with 老周 answering the first question twice, one short answer after the
    other (both on one page)."""
    text = TEST_TITLE.read_text(encoding="utf-8")
    first = text.index("::: answer laozhou")
    end = text.index(":::\n", first + 3) + 4
    twice = text[:end] + "\n::: answer laozhou\n还有一句：夜里的灯光好。\n:::\n" + text[end:]
    result = read_data(twice.encode(), str(TEST_TITLE))
    assert result.document is not None, result.diagnostics
    return prepare(result.document)


def test_index_gives_each_page_once(test_title, tmp_path, font_cache) -> None:
    """An index lists a page once: 老周's two answers on one page give that page once, and his
    later answer's page still follows."""
    doc = _answered_twice_on_a_page(test_title)
    answers = doc.answers_by("laozhou")
    assert len(answers) == 3  # the yardstick: two answers in the first chapter, one in the closing
    page_list = pages(build(doc, tmp_path, font_cache))
    lines = [row for page in page_list for row in rows(page)]
    toc = {normalise(line.rstrip("0123456789· ")): line.rstrip().split("·")[-1].strip()
           for line in lines if "··" in line and line.rstrip()[-1].isdigit()}
    pages_of = [toc[normalise(doc.sections[1].title)], toc[normalise(doc.sections[3].title)]]
    assert pages_of[0] != pages_of[1]
    index = lines[lines.index("人名索引"):]
    entry = next(line for line in index if line.startswith("老周"))
    assert entry.rstrip().endswith("·" + ", ".join(pages_of)), entry


def test_index_with_known_folios_gives_each_page_once(test_title) -> None:
    """The learner book's index, written with the folios known (`data-page`): a folio
    repeated for one speaker is written once, the first answer on it linked."""
    doc = _answered_twice_on_a_page(test_title)
    ids = [a.id for a in doc.answers_by("laozhou")]
    folios = {ids[0]: 3, ids[1]: 3, ids[2]: 8}
    html = part_html(next(p for p in book_plan(doc).parts if p.index), doc, PRINT,
                     pages={**{a.id: 1 for s in doc.speakers for a in doc.answers_by(s.id)}, **folios})
    entry = html[html.index("老周"):]
    entry = entry[:entry.index("</li>")]
    assert re.findall(r'href="#([^"]+)" data-page="(\d+)"', entry) == [(ids[0], "3"), (ids[2], "8")]
