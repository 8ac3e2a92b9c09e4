"""The learner EPUB: EPUBCheck-clean, every Han character of the model under exactly one
pinyin syllable, pronunciations obeyed, vocabulary above the chosen HSK level after the
chapters, tone colours and tone sandhi only when asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cache import Cache
from pipeline.epubcheck import Report, run_epubchecks
from pipeline.fidelity import find_in_order
from pipeline.model import Document
from pipeline.pinyin_syllables import is_han, normalise_syllables
from pipeline.renderers.base import BuildContext
from pipeline.renderers.epub import LearnerEpubRenderer
from tests.conftest import ROOT
from tests.renderers import browser
from tests.renderers.epubtools import NS, Book, shown_text

TITLES = ["test_title", "first_title"]
OPTIONS = {"test_title": {}, "first_title": {"tone_colors": True, "level": 4}}


@pytest.fixture(scope="module")
def font_cache(shared_cache) -> Cache:
    return shared_cache  # (tests/conftest.py: the first title's pinyin, as test_pdf_learner reads it, made once a run)


def build(doc: Document, out: Path, cache: Cache, **options) -> Path:
    ctx = BuildContext(out_dir=out, cache=cache, styles_dir=ROOT / "pipeline" / "styles", options=options, log=lambda m: None)
    (path,) = LearnerEpubRenderer().build(doc, ctx)
    return path


@pytest.fixture(scope="module")
def built(request, tmp_path_factory, font_cache) -> dict[str, tuple[Document, Path]]:
    result = {}
    for name in TITLES:
        doc = request.getfixturevalue(name)
        result[name] = (doc, build(doc, tmp_path_factory.mktemp(name), font_cache, **OPTIONS[name]))
    return result


def readings(book: Book, href: str) -> list[tuple[str, str]]:
    """(character, syllable) of every <ruby> outside the vocabulary lists, in order."""
    pairs = []
    for ruby in book.tree(href).iterfind(".//x:ruby", NS):
        if any("vocabulary" in (a.get("class") or "") for a in ruby.iterancestors()):
            continue
        rts = ruby.findall("x:rt", NS)
        assert len(rts) == 1 and len(ruby.findall("x:rp", NS)) == 2, href
        pairs.append(((ruby.text or ""), "".join(rts[0].itertext())))
    return pairs


@pytest.fixture(scope="module")
def epubcheck_reports(built) -> dict[str, Report]:
    """Every title's book checked by one EPUBCheck run (a JVM's start costs more than a book)."""
    return dict(zip(TITLES, run_epubchecks([built[title][1] for title in TITLES])))


@pytest.mark.parametrize("title", TITLES)
def test_epubcheck_reports_nothing(epubcheck_reports, title) -> None:
    report = epubcheck_reports[title]
    assert (report.fatals, report.errors, report.warnings) == (0, 0, 0), "\n".join(map(str, report.messages))


def test_output_name(built) -> None:
    assert built["first_title"][1].name == "sora-reactions-learner.epub"


@pytest.mark.parametrize("title", TITLES)
def test_every_han_character_carries_exactly_one_syllable(built, title) -> None:
    doc, path = built[title]
    book = Book.open(path)
    pages = [href for href in book.spine() if href != "nav.xhtml"]  # the nav stays plain: menus show it
    for href in pages:
        for char, syllable in readings(book, href):
            assert len(char) == 1 and is_han(char), (href, char)
            assert normalise_syllables(syllable) == [syllable], (href, char, syllable)  # one valid syllable
        bare = [c for c in shown_text(book.tree(href), skip=("vocabulary",)) if is_han(c)]
        annotated = [c for c, _ in readings(book, href)]
        assert len(bare) == len(annotated), f"{href}: Han characters without pinyin"
    text = "".join(shown_text(book.tree(href), skip=("vocabulary",)) for href in pages)
    assert find_in_order(list(doc.text_blocks()), text) == []  # ... and they are the model's text, in order


def test_pronunciations_and_names_are_obeyed(built) -> None:
    doc, path = built["test_title"]
    book = Book.open(path)
    pairs = readings(book, "chapter-02.xhtml")
    chars = "".join(c for c, _ in pairs)
    at = chars.index("行长")
    assert [s for _, s in pairs[at:at + 2]] == ["háng", "zhǎng"]
    doc, path = built["first_title"]
    pairs = [p for href in Book.open(path).spine() if href != "nav.xhtml" for p in readings(Book.open(path), href)]
    chars = "".join(c for c, _ in pairs)
    at = chars.index("周鸿祎")
    assert [s for _, s in pairs[at:at + 3]] == ["zhōu", "hóng", "yī"]


def test_words_are_the_pinyin_pass_tokens(built) -> None:
    """Each span.w of the answers' paragraphs holds exactly one word of the pinyin pass (its
    Han characters), in order: the grouping the word shapes and the browser tests rest on."""
    from pipeline.passes.pinyin import PinyinAnnotator

    doc, path = built["first_title"]
    annotator = PinyinAnnotator(names=[s.name for s in doc.speakers] + list(doc.meta.authors),
                                overrides=doc.pronunciation_table)
    section = next(s for s in doc.sections if s.kind == "question")
    expected = ["".join(c for c in token.text if is_han(c)) for answer in section.answers
                for paragraph in answer.paragraphs for span in paragraph.spans
                for token in annotator.annotate(span.text) if token.pinyin is not None]
    page = Book.open(path).tree("chapter-01.xhtml")
    shown = ["".join(r.text or "" for r in w.iterfind("x:ruby", NS))
             for p in page.iterfind(".//x:section/x:p", NS)
             if not any("vocabulary" in (a.get("class") or "") for a in p.iterancestors())
             for w in p.iterfind(".//x:span", NS) if (w.get("class") or "").split()[:1] == ["w"]
             and w.find("x:ruby", NS) is not None]
    assert shown == expected
    assert any(len(word) >= 2 for word in shown)


def test_vocabulary_lists_words_above_the_level(built, first_title, tmp_path, font_cache) -> None:
    doc, path = built["first_title"]
    book = Book.open(path)
    lists = {}
    for href in book.spine():
        for section in book.tree(href).iterfind(".//x:section[@class='vocabulary']", NS):
            words = [dt.text for dt in section.iterfind(".//x:dt", NS)]
            assert words and len(words) == len(set(words))
            for dd in section.iterfind(".//x:dd", NS):
                assert dd.find("x:span[@class='pinyin']", NS).text
            lists[href] = words
    assert lists, "no vocabulary at all"
    every = [w for words in lists.values() for w in words]
    assert len(every) == len(set(every)), "a word listed twice"
    harder = build(first_title, tmp_path / "level6", font_cache, level=6)
    every6 = [dt.text for href in Book.open(harder).spine()
              for dt in Book.open(harder).tree(href).iterfind(".//x:section[@class='vocabulary']//x:dt", NS)]
    assert set(every6) <= set(every) and len(every6) < len(every)


def test_tone_colours_only_when_asked(built) -> None:
    with_tones = Book.open(built["first_title"][1])
    without = Book.open(built["test_title"][1])
    def sheets(book: Book) -> list[str]:
        return [link.get("href") for link in book.tree("chapter-01.xhtml").iterfind(".//x:link", NS)]
    assert "css/tones.css" in sheets(with_tones) and "css/tones.css" not in sheets(without)


def test_tone_sandhi_only_when_asked(test_title, first_title, tmp_path, font_cache) -> None:
    def yi_ge(path: Path) -> list[str]:
        book = Book.open(path)
        pairs = readings(book, "article.xhtml")
        chars = "".join(c for c, _ in pairs)
        at = chars.index("一个")
        return [s for _, s in pairs[at:at + 2]]

    assert yi_ge(build(first_title, tmp_path / "plain", font_cache))[0] == "yī"
    assert yi_ge(build(first_title, tmp_path / "sandhi", font_cache, tone_sandhi=True))[0] == "yí"


def test_colophon_credits_the_data(built) -> None:
    from pipeline.passes.vocabulary import CREDITS

    book = Book.open(built["test_title"][1])
    colophon = "".join(shown_text(book.tree("colophon.xhtml")).split())
    assert "".join(CREDITS.split()) in colophon and "pypinyin" in colophon and "jieba" in colophon


def test_accessibility_metadata_declares_ruby(built) -> None:
    book = Book.open(built["test_title"][1])
    assert "fullRubyAnnotations" in book.meta("schema:accessibilityFeature")


# -- as a reading system shows it (Chromium) ------------------------------------------------

WIDTHS = (390, 820)  # a phone and a tablet, CSS px
FONT_SIZES = (16, 22)  # a reader's smaller and larger type, px
needs_browser = pytest.mark.skipif(not browser.available(), reason="needs Playwright and Chromium (make browser)")


def text_pages(book: Book) -> list[str]:
    return [href for href in book.spine() if href.startswith(("article", "chapter"))]


def check_word_shapes_in_browser(path: Path) -> browser.Shapes:
    """Every text page at two widths and two font sizes: one pitch per word (±10 %), gaps inside
    words narrower than the line's word space, no two syllables overlapping."""
    shapes = browser.Shapes()
    with browser.reader(path) as reader:
        for width in WIDTHS:
            for size in FONT_SIZES:
                for href in text_pages(Book.open(path)):
                    reader.open(href, width, size)
                    browser.word_shapes(reader.measure(), f"{href} at {width} px, {size} px type", shapes)
    assert shapes.violations == [], "\n".join(shapes.violations[:20])
    assert shapes.line_spaces and shapes.words > 0
    return shapes


@needs_browser
def test_word_shapes_in_a_browser(built) -> None:
    shapes = check_word_shapes_in_browser(built["test_title"][1])
    assert shapes.words > 400 and shapes.lines > 100


@needs_browser
@pytest.mark.slow
def test_first_title_word_shapes_in_a_browser(built) -> None:
    shapes = check_word_shapes_in_browser(built["first_title"][1])
    assert shapes.words > 8000


@needs_browser
def test_pinyin_setting(built) -> None:
    """Without scripts every syllable shows; the buttons hide all of them, or all but those
    of words above the book's level; the choice holds on the next page; with pinyin hidden
    the words keep their word spaces and their characters sit one em apart."""
    path = built["test_title"][1]
    with browser.reader(path, javascript=False) as reader:
        reader.open("article.xhtml", 600, 16)
        plain = reader.measure()
    assert plain.buttons == 0 and plain.rubies and all(r.rt_shown for r in plain.rubies)
    with browser.reader(path) as reader:
        reader.open("article.xhtml", 600, 16)
        shown = reader.measure()
        assert shown.buttons == 3 and all(r.rt_shown for r in shown.rubies)
        reader.click("button[data-mode='new']")
        new = reader.measure()
        assert any(r.new for r in new.rubies) and not all(r.new for r in new.rubies)
        assert all(r.rt_shown == r.new for r in new.rubies)
        reader.click("button[data-mode='off']")
        off = reader.measure()
        assert not any(r.rt_shown for r in off.rubies)
        reader.open("chapter-01.xhtml", 600, 16)
        kept = reader.measure()
        assert "pinyin-off" in kept.body_class and not any(r.rt_shown for r in kept.rubies)
    shapes = browser.word_shapes(off, "pinyin off")
    assert shapes.violations == [] and min(shapes.line_spaces) >= 0.45
    assert all(abs(pitch - 1) < 0.01 for pitch in shapes.pitches)


def test_words_above_the_level_are_marked(built) -> None:
    """span.w.new: names and words above HSK 4; not words at or below it (by the HSK lists)."""
    from pipeline.passes.vocabulary import hsk_level

    doc, path = built["first_title"]
    book = Book.open(path)
    names = [speaker.name for speaker in doc.speakers] + list(doc.meta.authors)
    marked, plain = set(), set()
    for href in text_pages(book):
        for word in book.tree(href).iterfind(".//x:span", NS):
            kinds = (word.get("class") or "").split()
            text = "".join(r.text or "" for r in word.iterfind("x:ruby", NS))
            if kinds[:1] == ["w"] and text:
                (marked if "new" in kinds else plain).add(text)
    assert "周鸿祎" in marked and "的" in plain and "我们" in plain
    assert [w for w in marked if hsk_level(w) is not None and hsk_level(w) <= 4
            and not any(w in name for name in names)] == []  # names always carry pinyin
    assert [w for w in plain if hsk_level(w) is not None and hsk_level(w) > 4] == []
