"""The learner EPUB: EPUBCheck-clean, every Han character of the model under exactly one
pinyin syllable, pronunciations obeyed, vocabulary above the chosen HSK level after the
chapters, tone colours and tone sandhi only when asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cache import Cache
from pipeline.epubcheck import run_epubcheck
from pipeline.fidelity import find_in_order
from pipeline.model import Document
from pipeline.pinyin_syllables import is_han, normalise_syllables
from pipeline.renderers.base import BuildContext
from pipeline.renderers.epub import LearnerEpubRenderer
from pipeline.renderers.ruby import tone
from tests.conftest import ROOT
from tests.renderers.epubtools import NS, Book, shown_text

TITLES = ["test_title", "first_title"]
OPTIONS = {"test_title": {}, "first_title": {"tone_colors": True, "level": 4}}


@pytest.fixture(scope="module")
def font_cache(tmp_path_factory) -> Cache:
    return Cache(tmp_path_factory.mktemp("cache"))


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
        pairs.append(((ruby.text or ""), rts[0].text or ""))
    return pairs


@pytest.mark.parametrize("title", TITLES)
def test_epubcheck_reports_nothing(built, title) -> None:
    report = run_epubcheck(built[title][1])
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


def test_ruby_groups_words_and_classes_tones(built) -> None:
    doc, path = built["first_title"]
    book = Book.open(path)
    page = book.tree("chapter-01.xhtml")
    words = page.findall(".//x:span[@class='w']", NS)
    assert words and any(len(w.findall("x:ruby", NS)) >= 2 for w in words)
    for ruby in page.iterfind(".//x:ruby", NS):
        assert ruby.get("class") == f"t{tone(ruby.find('x:rt', NS).text)}"


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
