"""The learner PDF: every paragraph once and in order under its pinyin, each syllable centred
over its character, clear of the line above and of its neighbours, legible, no line starting
with closing punctuation, justified lines; and the line layout's own rules, unit by unit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.cache import Cache
from pipeline.fonts import font_path
from pipeline.model import Document
from pipeline.renderers.base import BuildContext
from pipeline.renderers.cjktype import CLOSING, OPENING
from pipeline.renderers.pdf import LearnerPdfRenderer
from pipeline.renderers.pinyinhtml import learner_text
from pipeline.renderers.pinyinlayout import PX, Face, Style, break_lines, glyphs
from tests.conftest import ROOT
from tests.renderers.pdftools import Char, assert_blocks_once_in_order, body_lines, outline_titles, page_chars, pages
from tests.renderers.test_pdf import heads

PINYIN = re.compile(r"^[a-zü\u00e0-\u01dc\u0300-\u036f ]+$")
STYLES = ROOT / "pipeline" / "styles"


def is_pinyin(text: str) -> bool:
    return bool(PINYIN.match(text.strip())) and bool(text.strip())


@pytest.fixture(scope="module")
def learner_built(tmp_path_factory):
    cache = Cache(tmp_path_factory.mktemp("cache"))
    built: dict[str, tuple[Document, Path]] = {}

    def get(doc: Document, name: str) -> tuple[Document, Path]:
        if name not in built:
            ctx = BuildContext(out_dir=tmp_path_factory.mktemp(name), cache=cache, styles_dir=STYLES,
                               log=lambda message: None)
            built[name] = (doc, LearnerPdfRenderer().build(doc, ctx)[0])
        return built[name]

    return get


@pytest.fixture(scope="module")
def test_title_learner(learner_built, test_title):
    return learner_built(test_title, "test_title")


@pytest.fixture(scope="module")
def first_title_learner(learner_built, first_title):
    return learner_built(first_title, "first_title")


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


def body_pages(path: Path) -> list[int]:
    """The pages from the article to the vocabulary (whose list has pinyin of its own)."""
    page_list = pages(path)
    start = next(p.number for p in page_list if any(is_pinyin(line.text) for line in p.lines))
    end = next(p.number for p in page_list if p.number > start and any("HSK" in line.text for line in p.lines))
    return list(range(start, end))


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


# -- the line layout, without WeasyPrint ----------------------------------------------------

def style(measure_em: float = 12) -> Style:
    size = 15 * PX
    serif, sans = Face(font_path("serif"), size), Face(font_path("sans"), size)
    return Style(text=serif, other=sans, pinyin=Face(font_path("sans"), 6.6 * PX), gap=1.6 * PX,
                 measure=measure_em * size, indent=2 * size)


@pytest.fixture(scope="module")
def learner(test_title):
    return learner_text(test_title, STYLES, STYLES / "pdf-paper-a5.css", tone_sandhi=False)


def set_text(learner, text: str, measure_em: float = 12):  # type: ignore[no-untyped-def]
    used = style(measure_em)
    return break_lines(glyphs([(text, "", learner.words(text))], used), used), used


SAMPLE = ("他说，可能还要给机器人打工，写一部“机器人主旋律”来讨好AI。Sora发布后，超过50个网友列队回帖问他有没有看新闻，"
          "“Sora已经来了，颤抖吧”；特效师陈雄接受《北京商报》采访说……这是对需求的无知。")


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


def test_syllables_keep_their_distance(learner) -> None:
    lines, used = set_text(learner, SAMPLE, 12)
    for line in lines:
        marked = [(x, g) for x, g in zip(line.x, line.glyphs) if g.syllable]
        for (xa, a), (xb, b) in zip(marked, marked[1:]):
            left_end = xa + (a.width + a.syllable_width) / 2
            right_start = xb + (b.width - b.syllable_width) / 2
            assert right_start - left_end >= used.gap - 0.01, (a.text, b.text)


def test_a_word_is_split_only_to_avoid_a_hole(learner) -> None:
    """Each line ends between words unless the next word would have left a hole of more
    than SPLIT_SLACK ems; a character never leaves its syllable."""
    from pipeline.renderers.pinyinlayout import SPLIT_SLACK

    from pipeline.renderers.pinyinlayout import _natural_width

    splits = 0
    for measure in (8, 9, 10, 11, 12):
        lines, used = set_text(learner, SAMPLE, measure)
        for number, (line, following) in enumerate(zip(lines, lines[1:])):
            assert all(g.syllable or not re.match(r"[\u4e00-\u9fff]", g.text) for g in line.glyphs)
            if following.glyphs[0].breakable:
                continue
            splits += 1  # inside a word: between two characters, and only to fill a hole
            assert following.glyphs[0].syllable and line.glyphs[-1].syllable
            word_start = max(i for i, g in enumerate(line.glyphs) if g.breakable)
            kept = _natural_width(line.glyphs[:word_start], used, number == 0)
            assert used.measure - kept > SPLIT_SLACK * used.text.size_px
    assert splits


def test_level_and_tone_sandhi_options(test_title, learner) -> None:
    plain = learner
    spoken = learner_text(test_title, STYLES, STYLES / "pdf-paper-a5.css", tone_sandhi=True)
    assert dict(plain.words("一个"))["一个"] == ("yī", "gè")
    assert dict(spoken.words("一个"))["一个"] == ("yí", "gè")
    low = plain.vocabulary_chapter(test_title, level=2).body.count("vocab-entry")
    high = plain.vocabulary_chapter(test_title, level=5).body.count("vocab-entry")
    assert low > high > 0
