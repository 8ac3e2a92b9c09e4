"""Tone colours judged by a table written out by hand, not by the code that assigns them.

Each syllable below is paired with its tone as a reader of pinyin reads it: the tone marks on
every vowel (ü included, capitals and decomposed forms too), ḿ/ń/ň/ǹ, ê̄, tone numbers, and the
neutral tone (no mark). The markup must carry `tN` for exactly that tone, in the ruby HTML and
in a built learner EPUB (readings forced through the source's pronunciation table), and the
tone stylesheet must give each tone its documented colour (checked in Chromium)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from lxml import etree

from pipeline.build import prepare
from pipeline.cache import Cache
from pipeline.reader import read_source
from pipeline.renderers.base import BuildContext
from pipeline.renderers.epub import LearnerEpubRenderer
from pipeline.renderers.ruby import ruby_html
from tests.conftest import ROOT, TEST_TITLE
from tests.renderers import browser
from tests.renderers.epubtools import NS, Book

# (syllable, tone), by hand.
SYLLABLES = [
    ("mā", 1), ("má", 2), ("mǎ", 3), ("mà", 4), ("ma", 5),
    ("lǖ", 1), ("lǘ", 2), ("lǚ", 3), ("lǜ", 4), ("lü", 5), ("nǚ", 3), ("nǜ", 4),
    ("zhuāng", 1), ("chuáng", 2), ("shuǎng", 3), ("zhuàng", 4),
    ("ér", 2), ("ěr", 3), ("èr", 4), ("ōu", 1), ("é", 2), ("ǒu", 3), ("yī", 1), ("yí", 2), ("yì", 4),
    ("Mā", 1), ("Lǘ", 2), ("Ǎn", 3), ("Ài", 4), ("Ōu", 1), ("Ér", 2), ("Ěr", 3), ("Zhāng", 1), ("Lǚ", 3), ("Lǜ", 4),
    ("ń", 2), ("ň", 3), ("ǹ", 4), ("ḿ", 2), ("m̄", 1), ("m̀", 4), ("ê̄", 1), ("ế", 2), ("ê̌", 3), ("ề", 4), ("ê", 5),
    ("de", 5), ("le", 5), ("zi", 5), ("men", 5), ("r", 5),
    ("ma1", 1), ("lü2", 2), ("lv3", 3), ("nü4", 4), ("ma5", 5),
]


def decomposed(syllable: str) -> str:
    return unicodedata.normalize("NFD", syllable)


class Token:
    def __init__(self, text: str, pinyin: tuple[str, ...]) -> None:
        self.text, self.pinyin, self.source = text, pinyin, "override"


def classes(html: str) -> list[str]:
    tree = etree.fromstring(f'<p xmlns="http://www.w3.org/1999/xhtml">{html}</p>')
    return [ruby.get("class") for ruby in tree.iterfind(".//x:ruby", NS)]


@pytest.mark.parametrize("form", ["composed", "decomposed"])
def test_ruby_markup_carries_the_tone(form) -> None:
    syllables = [decomposed(s) if form == "decomposed" else s for s, _ in SYLLABLES]
    tokens = [Token("字" * 1, (syllable,)) for syllable in syllables]
    assert classes(ruby_html(tokens)) == [f"t{tone}" for _, tone in SYLLABLES]


# Words of a test source and the readings its pronunciation table gives them, with the tones
# written out by hand. A pronunciation table writes lowercase syllables with marks or numbers.
TABLE = [
    ("妈妈", "mā ma", [1, 5]), ("麻", "má", [2]), ("马", "mǎ", [3]), ("骂", "mà", [4]),
    ("驴", "lǘ", [2]), ("吕", "lǚ", [3]), ("绿", "lǜ", [4]), ("女", "nǚ", [3]), ("滤", "lü4", [4]),
    ("嗯", "ǹ", [4]), ("嗯嗯", "ń ň", [2, 3]), ("呣", "ḿ", [2]), ("欸", "ê", [5]),
    ("东西", "dōng xi", [1, 5]), ("创作", "chuàng zuò", [4, 4]), ("窗户", "chuāng hu", [1, 5]),
    ("长大", "zhǎng dà", [3, 4]), ("银行", "yín háng", [2, 2]), ("行人", "xíng rén", [2, 2]),
]


@pytest.fixture(scope="module")
def tone_book(tmp_path_factory) -> Path:
    """A learner EPUB whose first paragraph holds the table's words, each read as the table says."""
    work = tmp_path_factory.mktemp("tones")
    source = TEST_TITLE.read_text(encoding="utf-8")
    entries = "".join(f"  {word}: {reading}\n" for word, reading, _ in TABLE)
    source = source.replace("pronunciations:\n", "pronunciations:\n" + entries, 1)
    head, _, body = source.partition("\n---\n")
    paragraph = "，".join(word for word, _, _ in TABLE) + "。"
    (work / "tones.md").write_text(f"{head}\n---\n\n{paragraph}\n{body}", encoding="utf-8")
    doc = prepare(read_source(work / "tones.md"))
    ctx = BuildContext(out_dir=work, cache=Cache(work / "cache"), styles_dir=ROOT / "pipeline" / "styles",
                       options={"tone_colors": True}, log=lambda message: None)
    return LearnerEpubRenderer().build(doc, ctx)[0]


def test_the_epub_carries_each_tone(tone_book) -> None:
    page = Book.open(tone_book).tree("article.xhtml")
    paragraph = next(p for p in page.iterfind(".//x:p", NS)
                     if "".join(r.text or "" for r in p.iterfind(".//x:ruby", NS)).startswith("妈妈"))
    found = [(ruby.text, "".join(ruby.find("x:rt", NS).itertext()), ruby.get("class"))
             for ruby in paragraph.iterfind(".//x:ruby", NS)]
    expected = [(char, syllable, f"t{tone}") for word, reading, tones in TABLE
                for char, syllable, tone in zip(word, reading.split(), tones)]
    assert [(c, cls) for c, _s, cls in found] == [(c, cls) for c, _s, cls in expected]


# The colours epub-tones.css documents (MDBG/Pleco scheme), by hand.
TONE_COLOURS = {1: "rgb(198, 40, 40)", 2: "rgb(154, 91, 0)", 3: "rgb(46, 125, 50)", 4: "rgb(21, 101, 192)",
                5: "rgb(97, 97, 97)"}


@pytest.mark.skipif(not browser.available(), reason="needs Playwright and Chromium (make browser)")
def test_each_tone_is_drawn_in_its_colour(tone_book) -> None:
    with browser.reader(tone_book) as book:
        book.open("article.xhtml", 600, 16)
        rubies = book.measure().rubies
    assert {int(re.search(r"t(\d)", ruby.cls).group(1)) for ruby in rubies} == {1, 2, 3, 4, 5}
    for ruby in rubies:
        tone = int(re.search(r"t(\d)", ruby.cls).group(1))
        assert (ruby.color, ruby.rt_color) == (TONE_COLOURS[tone], TONE_COLOURS[tone]), (ruby.char, ruby.syllable)
