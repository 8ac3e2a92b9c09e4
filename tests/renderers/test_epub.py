"""The EPUB edition: EPUBCheck-clean, every paragraph once and in order, contributors linked to
their answers, the nav listing every question, fonts covering every character shown, the
metadata complete, and the same source giving the same bytes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from pipeline.cache import Cache
from pipeline.epubcheck import Report, run_epubchecks
from pipeline.fidelity import find_in_order, normalise
from pipeline.model import Document, numbered
from pipeline.renderers.base import BuildContext
from pipeline.renderers.epub import EpubRenderer
from tests.conftest import ROOT
from tests.renderers.epubtools import NS, XHTML, Book, shown_text

TITLES = ["test_title", "first_title"]


@pytest.fixture(scope="module")
def font_cache(shared_cache) -> Cache:
    return shared_cache  # (tests/conftest.py: the books test_accessibility also checks, built once a run)


def build(doc: Document, out: Path, cache: Cache) -> Path:
    ctx = BuildContext(out_dir=out, cache=cache, styles_dir=ROOT / "pipeline" / "styles", log=lambda message: None)
    (path,) = EpubRenderer().build(doc, ctx)
    return path


@pytest.fixture(scope="module")
def built(request, tmp_path_factory, font_cache) -> dict[str, tuple[Document, Path]]:
    result = {}
    for name in TITLES:
        doc = request.getfixturevalue(name)
        result[name] = (doc, build(doc, tmp_path_factory.mktemp(name), font_cache))
    return result


@pytest.fixture(scope="module")
def epubcheck_reports(built) -> dict[str, Report]:
    """Every title's book checked by one EPUBCheck run (a JVM's start costs more than a book)."""
    return dict(zip(TITLES, run_epubchecks([built[title][1] for title in TITLES])))


@pytest.mark.parametrize("title", TITLES)
def test_epubcheck_reports_nothing(epubcheck_reports, title) -> None:
    report = epubcheck_reports[title]
    assert (report.fatals, report.errors, report.warnings) == (0, 0, 0), "\n".join(map(str, report.messages))


def test_output_is_named_after_the_slug(built) -> None:
    doc, path = built["first_title"]
    assert path.name == "sora-reactions.epub"
    assert EpubRenderer().outputs(doc, BuildContext(path.parent, Cache(None), ROOT / "pipeline" / "styles")) == [path]


@pytest.mark.parametrize("title", TITLES)
def test_every_paragraph_once_in_reading_order(built, title) -> None:
    doc, path = built[title]
    book = Book.open(path)
    spine = book.spine()
    text = "".join(shown_text(book.tree(href)) for href in spine)
    flat, model = normalise(text), normalise("".join(doc.text_blocks()))
    for paragraph in doc.paragraphs():
        needle = normalise(numbered(paragraph))
        assert flat.count(needle) == model.count(needle), paragraph.text[:40]
    assert all(flat.count(normalise(numbered(p))) == 1 for p in doc.paragraphs() if len(p.text) > 20)
    body = "".join(shown_text(book.tree(href)) for href in spine if href != "nav.xhtml")
    assert find_in_order(list(doc.text_blocks()), body) == []


@pytest.mark.parametrize("title", TITLES)
def test_contributors_page_links_every_answer(built, title) -> None:
    doc, path = built[title]
    book = Book.open(path)
    page = book.tree("contributors.xhtml")
    for speaker in doc.speakers:
        (entry,) = page.iterfind(f".//x:li[@id='p-{speaker.id}']", NS)
        assert speaker.name in shown_text(entry)
        if speaker.handle:
            assert speaker.handle in shown_text(entry)
        assert ("化名" in shown_text(entry)) == speaker.pseudonym
        hrefs = [a.get("href") for a in entry.iterfind(".//x:ul[@class='answer-links']//x:a", NS)]
        answers = doc.answers_by(speaker.id)
        assert len(hrefs) == len(answers)
        for href, answer in zip(hrefs, answers):
            file, _, anchor = href.partition("#")
            (section,) = book.tree(file).iterfind(f".//x:section[@id='{anchor}']", NS)
            label = section.find(f"{XHTML}h2")
            assert normalise(shown_text(label)) == normalise(answer.label)
            assert label.find(f"{XHTML}a").get("href") == f"contributors.xhtml#p-{speaker.id}"
            said = normalise(shown_text(section))
            assert all(normalise(numbered(p)) in said for p in answer.paragraphs)


@pytest.mark.parametrize("title", TITLES)
def test_nav_lists_every_question_under_the_article(built, title) -> None:
    doc, path = built[title]
    book = Book.open(path)
    nav = book.tree("nav.xhtml")
    (toc,) = nav.iterfind(".//x:nav[@epub:type='toc']", NS)
    article = toc.findall("x:ol/x:li", NS)[0]
    assert article.find("x:a", NS).text == doc.meta.title
    nested = [(a.text, a.get("href")) for a in article.iterfind("x:ol/x:li/x:a", NS)]
    assert [text for text, _ in nested] == [s.title for s in doc.chapters]
    for text, href in nested:  # each entry opens the chapter whose heading it names
        assert shown_text(book.tree(href).find(f".//{XHTML}h1")) == text
    landmarks = {a.get("{http://www.idpf.org/2007/ops}type") for a in nav.iterfind(".//x:nav[@epub:type='landmarks']//x:a", NS)}
    assert landmarks == {"cover", "toc", "bodymatter"}
    ncx = etree_ncx(book)
    labels = [t.text for t in ncx.iterfind(".//ncx:navPoint/ncx:navLabel/ncx:text", NS)]
    assert all(s.title in labels for s in doc.chapters)
    assert book.spine()[:3] == ["cover.xhtml", "titlepage.xhtml", "nav.xhtml"]


def etree_ncx(book: Book):
    from lxml import etree

    href = next(i.get("href") for i in book.opf.iterfind("opf:manifest/opf:item", NS)
                if i.get("media-type") == "application/x-dtbncx+xml")
    return etree.fromstring(book.zip.read(book.path(href)))


def test_every_document_is_marked_chinese_and_english_runs_english(built) -> None:
    doc, path = built["first_title"]
    book = Book.open(path)
    english = []
    for href in book.spine():
        root = book.tree(href)
        assert root.get("lang") == "zh-Hans" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
        english += [e.text for e in root.iterfind(".//x:span[@lang='en']", NS)]
    assert "gg humans" in english and "catch up" in english


def test_structure_semantics(built) -> None:
    doc, path = built["first_title"]
    book = Book.open(path)
    chapter = book.tree("chapter-01.xhtml")
    (section,) = chapter.iterfind("x:body/x:section", NS)
    assert section.get("{http://www.idpf.org/2007/ops}type") == "chapter" and section.get("role") == "doc-chapter"
    answers = section.findall("x:section[@class='answer']", NS)
    assert len(answers) == len(doc.questions[0].answers)
    roles = {book.tree(href).find("x:body/x:section", NS).get("role") for href in ("references.xhtml", "colophon.xhtml")}
    assert roles == {"doc-bibliography", "doc-colophon"}
    for href in book.spine():  # headings in order: one h1 per page, h2 only under it
        levels = [int(h.tag[-1]) for h in book.tree(href).iter() if isinstance(h.tag, str) and h.tag[-2:-1] == "h"
                  and h.tag[-1].isdigit()]
        assert all(b - a <= 1 for a, b in zip([0] + levels, levels)), (href, levels)
    cover = book.tree("cover.xhtml").find(f".//{XHTML}img")
    assert cover.get("alt").startswith("封面：Sora来了") and cover.get("role") == "doc-cover"


def test_metadata(built) -> None:
    doc, path = built["first_title"]
    book = Book.open(path)
    metadata = book.opf.find("opf:metadata", NS)
    titles = {t.get("id"): t.text for t in metadata.iterfind("dc:title", NS)}
    types = {m.get("refines"): m.text for m in metadata.iterfind("opf:meta[@property='title-type']", NS)}
    assert {types["#" + key]: value for key, value in titles.items()} == {"main": "Sora来了",
                                                                          "subtitle": doc.meta.subtitle}
    creators = [c.text for c in metadata.iterfind("dc:creator", NS)]
    assert creators == ["燕青", "王之言"]
    roles = {m.get("refines"): m.text for m in metadata.iterfind("opf:meta[@property='role']", NS)}
    assert sorted(roles.values()) == ["aut", "aut", "edt"]
    assert metadata.find("dc:contributor", NS).text == "GGY"
    assert metadata.find("dc:publisher", NS).text == "凤凰网"
    assert metadata.find("dc:date", NS).text == "2024-02-22"
    assert metadata.find("dc:identifier", NS).text == doc.meta.id
    assert metadata.find("dc:rights", NS).text == doc.meta.rights
    assert metadata.find("dc:description", NS).text == doc.meta.description
    assert book.meta("dcterms:modified") == ["2024-02-22T00:00:00Z"]
    for prop in ("schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                 "schema:accessibilityHazard", "schema:accessibilitySummary", "dcterms:conformsTo"):
        assert book.meta(prop), prop
    assert "EPUB Accessibility 1.1" in book.meta("dcterms:conformsTo")[0]


def test_fonts_cover_every_character_shown(built) -> None:
    doc, path = built["first_title"]
    book = Book.open(path)
    shown = set("".join(shown_text(book.tree(href)) for href in book.spine())) - set(" \n\t")
    for face in ("serif", "sans"):
        font = TTFont(io.BytesIO(book.zip.read(book.path(f"fonts/{face}.otf"))))
        cmap = font.getBestCmap()
        assert not {c for c in shown if ord(c) not in cmap}, face
        assert len(cmap) < 3000  # a subset, not the 11 MB font
    css = book.zip.read(book.path("css/book.css")).decode()
    assert "line-break: strict" in css and "text-indent: 2em" in css


def test_same_source_same_bytes(first_title, tmp_path, font_cache, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    one = build(first_title, tmp_path / "one", font_cache).read_bytes()
    two = build(first_title, tmp_path / "two", font_cache).read_bytes()
    assert one == two
    with zipfile.ZipFile(io.BytesIO(one)) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read("mimetype") == b"application/epub+zip"
        assert {info.date_time for info in archive.infolist()} == {(2024, 2, 22, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01T00:00:00Z
    three = build(first_title, tmp_path / "three", font_cache)
    assert Book.open(three).meta("dcterms:modified") == ["2025-01-01T00:00:00Z"]
    assert three.read_bytes() == build(first_title, tmp_path / "four", font_cache).read_bytes()


@pytest.mark.parametrize("day", ["0999-01-01", "1949-10-01", "2107-12-31", "2108-01-01", "9999-12-31"])
def test_a_date_outside_the_zip_years_still_makes_a_book(test_title, tmp_path, font_cache, monkeypatch, day) -> None:
    """A ZIP entry's time holds 1980-2107 only (7 bits of years); the publication date is any day
    of the calendar. The book is written, its entries at the nearest representable time, and its
    package keeps the date the editor wrote."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    import datetime as dt

    meta = test_title.meta.model_copy(update={"date": dt.date.fromisoformat(day)})
    path = build(test_title.model_copy(update={"meta": meta}), tmp_path, font_cache)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        years = {info.date_time[0] for info in archive.infolist()}
    assert len(years) == 1 and 1980 <= years.pop() <= 2107
    book = Book.open(path)
    assert [d.text for d in book.opf.iterfind("opf:metadata/dc:date", NS)] == [day]
    (modified,) = book.meta("dcterms:modified")
    assert dt.datetime.strptime(modified, "%Y-%m-%dT%H:%M:%SZ").date() == dt.date.fromisoformat(day)
    assert modified[:4] == day[:4]  # four digits, as EPUB's CCYY requires


@pytest.mark.parametrize("epoch", ["99999999999999999", "-99999999999999999", "1e3"])
def test_a_source_date_epoch_out_of_range_is_an_error_for_the_user(test_title, tmp_path, font_cache, monkeypatch,
                                                                   epoch) -> None:
    from pipeline.errors import PublishError

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with pytest.raises(PublishError, match="SOURCE_DATE_EPOCH"):
        build(test_title, tmp_path, font_cache)
