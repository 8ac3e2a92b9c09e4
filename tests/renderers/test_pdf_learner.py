"""The learner PDF: every paragraph once and in order under its pinyin, each syllable centred
over its character, clear of the line above and of its neighbours, legible, no line starting
with closing punctuation, justified lines, word shapes (the characters of a word at one even
pitch, word spaces wider than any gap inside a word); and the line layout's own rules.

The word shapes are measured on the PDF's glyphs (pdfminer) against the words of the learner
EPUB, a different renderer's grouping of the pinyin pass's tokens (`wordgeometry`)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.cache import Cache
from pipeline.fonts import font_path
from pipeline.model import Document
from pipeline.renderers.base import BuildContext
from pipeline.renderers.cjktype import CLOSING, OPENING
from pipeline.renderers.epub import LearnerEpubRenderer
from pipeline.renderers.pdf import LearnerPdfRenderer
from pipeline.renderers.pinyinhtml import LearnerType, learner_text
from pipeline.renderers.pinyinglyphs import Style, glyphs
from pipeline.renderers.pinyinlayout import IN_WORD, WORD_SPACE, break_lines, kind
from tests.conftest import ROOT
from tests.renderers.pdftools import Char, assert_blocks_once_in_order, body_lines, outline_titles, page_chars, pages
from tests.renderers.test_pdf import heads
from tests.renderers.wordgeometry import body_pages, measure

PINYIN = re.compile(r"^[a-zü\u00e0-\u01dc\u0300-\u036f ]+$")
STYLES = ROOT / "pipeline" / "styles"


def is_pinyin(text: str) -> bool:
    return bool(PINYIN.match(text.strip())) and bool(text.strip())


@pytest.fixture(scope="module")
def learner_cache(shared_cache) -> Cache:
    return shared_cache  # (tests/conftest.py: what test_epub_learner also builds is built once a run)


@pytest.fixture(scope="module")
def learner_built(tmp_path_factory, learner_cache):
    cache = learner_cache
    built: dict[str, tuple[Document, Path, Path]] = {}

    def get(doc: Document, name: str) -> tuple[Document, Path, Path]:
        if name not in built:
            ctx = BuildContext(out_dir=tmp_path_factory.mktemp(name), cache=cache, styles_dir=STYLES,
                               log=lambda message: None)
            pdf = LearnerPdfRenderer().build(doc, ctx)[0]
            built[name] = (doc, pdf, LearnerEpubRenderer().build(doc, ctx)[0])
        return built[name]

    return get


@pytest.fixture(scope="module")
def test_title_learner(learner_built, test_title):
    return learner_built(test_title, "test_title")[:2]


@pytest.fixture(scope="module")
def first_title_learner(learner_built, first_title):
    return learner_built(first_title, "first_title")[:2]


@pytest.mark.slow
def test_first_title_joined_is_one_document(first_title_learner, learner_cache, tmp_path) -> None:
    """The book joined from chapters laid out apart (`pdfparts`, as every build makes it) has the
    glyphs, page for page, and the outline of the book laid out as one document (the first title:
    71 pages, chapters of every length). (Here, where the joined book is already built.)"""
    from tests.renderers.test_pdf_parts import glyphs as placed_glyphs, one_document, pages_apart

    doc, parts = first_title_learner
    whole = one_document(doc, tmp_path / "whole", learner_cache)
    a, b = placed_glyphs(parts), placed_glyphs(whole)
    assert len(a) == len(b) > 60
    assert pages_apart(a, b) == []
    assert outline_titles(parts) == outline_titles(whole)


def text_without_pinyin(doc: Document, path: Path) -> list[str]:
    """The book's lines without the pinyin rows, running heads and folios."""
    page_list = pages(path, keep=lambda line: not is_pinyin(line.get_text()))
    return [line.text for line in body_lines(page_list, heads(doc) | {"生词表"})]


def check_text(doc: Document, path: Path) -> None:
    assert_blocks_once_in_order(doc, "\n".join(text_without_pinyin(doc, path)))


def test_every_paragraph_once_in_reading_order(test_title_learner) -> None:
    check_text(*test_title_learner)


@pytest.mark.slow
def test_first_title_every_paragraph_once_in_reading_order(first_title_learner) -> None:
    check_text(*first_title_learner)


def syllables(chars: list[Char]) -> list[list[Char]]:
    """Runs of small glyphs on one baseline that spell pinyin: the syllables."""
    small = sorted((c for c in chars if c.size < 10 and c.text.strip()), key=lambda c: (-round(c.y0, 1), c.x0))
    runs: list[list[Char]] = []
    for char in small:
        if runs and abs(runs[-1][-1].y0 - char.y0) < 0.5 and char.x0 - runs[-1][-1].x1 < 0.3:
            runs[-1].append(char)
        else:
            runs.append([char])
    return [run for run in runs if is_pinyin("".join(c.text for c in run))]


def check_pinyin_placement(path: Path, page_numbers: list[int]) -> int:
    checked = 0
    for number, chars in page_chars(path, sorted(page_numbers)).items():
        han = [c for c in chars if re.match(r"[\u4e00-\u9fff]", c.text) and c.size >= 11]
        runs = syllables(chars)
        for run in runs:
            assert run[0].size >= 6.49, "".join(c.text for c in run)
            centre = (run[0].x0 + run[-1].x1) / 2
            below = [h for h in han if 0 <= run[0].y0 - h.y1 < 10]
            assert below, (number, "".join(c.text for c in run))
            under = min(below, key=lambda h: abs(h.centre - centre))
            assert abs(under.centre - centre) < 1.0, (number, "".join(c.text for c in run), under.text)
            above = [h for h in han if h.y0 > run[-1].y1 - 2 and abs(h.centre - centre) < 20]
            assert all(h.y0 >= max(c.y1 for c in run) - 0.01 for h in above), (number, "".join(c.text for c in run))
            checked += 1
        for a, b in zip(runs, runs[1:]):  # neighbours on one row never touch
            if abs(a[0].y0 - b[0].y0) < 0.5:
                assert b[0].x0 - a[-1].x1 >= 0.5, (number, "".join(c.text for c in a), "".join(c.text for c in b))
    return checked


def test_each_syllable_sits_over_its_character(test_title_learner) -> None:
    _doc, path = test_title_learner
    assert check_pinyin_placement(path, body_pages(path)) > 100


@pytest.mark.slow
def test_first_title_syllables_sit_over_their_characters(first_title_learner) -> None:
    _doc, path = first_title_learner
    assert check_pinyin_placement(path, body_pages(path)) > 3000


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(test_title_learner) -> None:
    doc, path = test_title_learner
    lines = [line.strip() for line in text_without_pinyin(doc, path)]
    assert [line for line in lines if line[0] in CLOSING] == []
    assert [line for line in lines if line[-1] in OPENING] == []


def test_book_structure_and_vocabulary(test_title_learner) -> None:
    doc, path = test_title_learner
    assert path.name == f"{doc.meta.slug}-learner.pdf"
    titles = outline_titles(path)
    assert titles[-3:] == ["生词表", "人名索引", "参考资料"]
    assert any("HSK" in line for line in text_without_pinyin(doc, path))


def check_word_shapes(pdf: Path, epub: Path) -> int:
    """Over every page of running text: within each word (as the EPUB groups it) the pitch
    varies by at most 10 %, every gap inside a word is narrower than its line's word space, and
    no two syllables overlap. Returns how many words of two or more characters were measured."""
    found = measure(pdf, epub, body_pages(pdf))
    assert found.rows > 20 and len(found.unmatched) <= found.rows // 50, found.unmatched[:10]
    assert found.violations == [], "\n".join(found.violations[:20])
    assert found.overlaps == [], "\n".join(found.overlaps[:20])
    assert found.row_spaces, "no line with two words side by side"
    return len(found.word_pitches)


def test_word_shapes(learner_built, test_title) -> None:
    _doc, pdf, epub = learner_built(test_title, "test_title")
    assert check_word_shapes(pdf, epub) > 100


@pytest.mark.slow
def test_first_title_word_shapes(learner_built, first_title) -> None:
    _doc, pdf, epub = learner_built(first_title, "first_title")
    assert check_word_shapes(pdf, epub) > 1500


@pytest.mark.slow
def test_first_title_no_line_starts_with_closing_punctuation(first_title_learner) -> None:
    doc, path = first_title_learner
    lines = [line.strip() for line in text_without_pinyin(doc, path)]
    assert [line for line in lines if line[0] in CLOSING] == []
    assert [line for line in lines if line[-1] in OPENING] == []


# -- the line layout, without WeasyPrint ----------------------------------------------------

KIND = LearnerType.read(STYLES, STYLES / "pdf-paper-a5.css")


def style(measure_em: float = 12, condense: float | None = None) -> Style:
    used = KIND.style("text")
    return replace(used, measure=measure_em * used.text.size_px,
                   condense=used.condense if condense is None else condense)


@pytest.fixture(scope="module")
def learner(test_title):
    return learner_text(test_title, STYLES, STYLES / "pdf-paper-a5.css", tone_sandhi=False)


def set_text(learner, text: str, measure_em: float = 12, condense: float | None = None):  # type: ignore[no-untyped-def]
    used = style(measure_em, condense)
    return break_lines(glyphs([(text, "", learner.words(text))], used), used), used


SAMPLE = ("他说，可能还要给机器人打工，写一部“机器人主旋律”来讨好AI。Sora发布后，超过50个网友列队回帖问他有没有看新闻，"
          "“Sora已经来了，颤抖吧”；特效师陈雄接受《北京商报》采访说……这是对需求的无知。双双创作生成装修状况，闯荡江湖。")


def test_lines_never_start_with_closing_punctuation_and_are_justified(learner) -> None:
    for measure in (9, 10, 11, 12, 13):
        lines, used = set_text(learner, SAMPLE, measure)
        assert len(lines) > 3
        for number, line in enumerate(lines):
            assert line.glyphs[0].text[0] not in CLOSING, (measure, number)
            assert line.glyphs[-1].text[-1] not in OPENING, (measure, number)
            if number < len(lines) - 1:
                right = line.x[-1] + line.glyphs[-1].width
                assert abs(right - used.measure) < 0.01, (measure, number)


def syllable_edges(line, x: float, glyph, scale: float) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    width = glyph.syllable_width * scale
    return x + (glyph.width - width) / 2, x + (glyph.width + width) / 2


@pytest.mark.parametrize("condense", [0.8, 1.0])
def test_word_shapes_in_the_layout(learner, condense) -> None:
    """Each line: one pitch per word, one word space wider than every gap inside a word,
    syllables never closer than the least gap nor condensed below the limit."""
    for measure in (9, 12):
        lines, used = set_text(learner, SAMPLE, measure, condense)
        for line in lines:
            steps: dict[int, list[float]] = {}
            inner, spaces = [], []
            for (xa, a), (xb, b) in zip(zip(line.x, line.glyphs), list(zip(line.x, line.glyphs))[1:]):
                gap = xb - xa - a.width
                if kind(a, b) == IN_WORD and a.syllable and b.syllable:
                    steps.setdefault(a.word, []).append(xb - xa)
                    inner.append(gap)
                elif kind(a, b) == WORD_SPACE:
                    spaces.append(gap)
            for word_steps in steps.values():
                assert max(word_steps) - min(word_steps) < 1e-6
            if spaces:
                assert max(spaces) - min(spaces) < 0.01  # one word space a line
                assert all(gap < min(spaces) for gap in inner)
                assert min(spaces) >= used.word_space_min - 0.01
            marked = [(x, g, s) for x, g, s in zip(line.x, line.glyphs, line.scales) if g.syllable]
            for (xa, a, sa), (xb, b, sb) in zip(marked, marked[1:]):
                assert syllable_edges(line, xb, b, sb)[0] - syllable_edges(line, xa, a, sa)[1] >= used.gap - 0.01
            assert all(condense - 1e-6 <= scale <= 1.0 for scale in line.scales)


def test_spread_widens_and_condense_keeps_the_pitch(learner) -> None:
    """创作 (chuàng zuò): spread only, its pitch is what the two whole syllables need;
    condensed, both narrow to 80 % and the pitch is only what is still missing; 他们 (tā men)
    needs neither."""
    def word(condense: float):  # type: ignore[no-untyped-def]
        lines, used = set_text(learner, "他们创作。", 20, condense)
        glyph_list = lines[0].glyphs
        at = [g.text for g in glyph_list].index("创")
        return lines[0].x[at + 1] - lines[0].x[at], lines[0].scales[at], lines[0].scales[at + 1], lines[0], used

    pinyin = style().pinyin
    pitch, chuang, zuo, line, used = word(1.0)
    assert abs(pitch - ((pinyin.width("chuàng") + pinyin.width("zuò")) / 2 + used.gap)) < 1e-6
    assert chuang == zuo == 1.0
    pitch, chuang, zuo, line, used = word(0.8)
    assert abs(pitch - max(used.text.size_px, 0.8 * (pinyin.width("chuàng") + pinyin.width("zuò")) / 2 + used.gap)) < 1e-6
    assert abs(chuang - 0.8) < 1e-6 and abs(zuo - 0.8) < 1e-6
    assert line.scales[:2] == [1.0, 1.0] and line.x[1] - line.x[0] == used.text.size_px


def test_words_are_split_only_when_nothing_else_fits(learner) -> None:
    """At ordinary measures no word is split across lines; a word longer than the measure is
    split between two characters, each with its syllable."""
    for measure in (9, 10, 11, 12, 13):
        lines, _ = set_text(learner, SAMPLE, measure)
        for line, following in zip(lines, lines[1:]):
            assert following.glyphs[0].word != line.glyphs[-1].word or following.glyphs[0].word < 0, measure
    lines, used = set_text(learner, "中华人民共和国成立。", 4)
    assert len(lines) >= 2 and all(line.x[-1] + line.glyphs[-1].width <= used.measure + 0.01 for line in lines)
    assert all(g.syllable for line in lines for g in line.glyphs if g.text != "。")


def test_level_and_tone_sandhi_options(test_title, learner) -> None:
    plain = learner
    spoken = learner_text(test_title, STYLES, STYLES / "pdf-paper-a5.css", tone_sandhi=True)
    assert dict(plain.words("一个"))["一个"] == ("yī", "gè")
    assert dict(spoken.words("一个"))["一个"] == ("yí", "gè")
    low = plain.vocabulary_chapter(test_title, level=2).body.count("vocab-entry")
    high = plain.vocabulary_chapter(test_title, level=5).body.count("vocab-entry")
    assert low > high > 0
