"""The learner EPUB's ruby markup, judged by HTML written out here by hand: which characters
carry a syllable, where words open and close, which marks stay with which word, where a line
may break, and how a word's shape (its pitch and condensed syllables) is written.

The word-shape cases use a stand-in style whose `shape` answers a Shape given here, so the
markup is tested apart from the font measurements (those are tested in the EPUB and PDF tests).
"""

from __future__ import annotations

import re

from pathlib import Path

import pytest

from pipeline.renderers.ruby import RubyStyle, ruby_html, ruby_word
from pipeline.renderers.wordshape import Shape

def slug(name: str) -> str:
    """A test id of plain letters, digits and hyphens (mutmut passes ids back to pytest, and an
    id with punctuation or non-ASCII letters may not survive the trip)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")



class Token:
    def __init__(self, text: str, pinyin: tuple[str, ...] | None = None) -> None:
        self.text, self.pinyin = text, pinyin


def r(char: str, syllable: str, tone: int, inner: str | None = None) -> str:
    """One ruby, as the markup must read (by hand: class, base, fallback parentheses, syllable)."""
    rt = syllable if inner is None else inner
    return f'<ruby class="t{tone}">{char}<rp>(</rp><rt>{rt}</rt><rp>)</rp></ruby>'


YIN, HANG = r("银", "yín", 2), r("行", "háng", 2)
HAO = r("好", "hǎo", 3)

# (tokens, the HTML), by hand.
HTML = [
    ("one word", [Token("银行", ("yín", "háng"))], f'<span class="w">{YIN}{HANG}</span>'),
    ("two words: a break between", [Token("银行", ("yín", "háng")), Token("好", ("hǎo",))],
     f'<span class="w">{YIN}{HANG}</span><wbr/><span class="w">{HAO}</span>'),
    ("closing marks stay with the word before, however many tokens bring them",
     [Token("银行", ("yín", "háng")), Token("”"), Token("，"), Token("好", ("hǎo",))],
     f'<span class="w">{YIN}{HANG}”，</span><wbr/><span class="w">{HAO}</span>'),
    ("opening marks go with the word after",
     [Token("好", ("hǎo",)), Token("，“"), Token("银行", ("yín", "háng")), Token("”")],
     f'<span class="w">{HAO}，</span><wbr/><span class="w">“{YIN}{HANG}”</span>'),
    ("an opening mark before the first word", [Token("“"), Token("好", ("hǎo",))],
     f'<span class="w">“{HAO}</span>'),
    ("text that is neither word nor mark stands between words",
     [Token("好", ("hǎo",)), Token(" — "), Token("好", ("hǎo",))],
     f'<span class="w">{HAO}</span><wbr/> — <span class="w">{HAO}</span>'),
    ("a Latin word is a word too", [Token("GPT-4"), Token("好", ("hǎo",))],
     f'<span class="w">GPT-4</span><wbr/><span class="w">{HAO}</span>'),
    ("… after a word, with its closing mark", [Token("好", ("hǎo",)), Token("AI"), Token("。")],
     f'<span class="w">{HAO}</span><wbr/><span class="w">AI。</span>'),
    ("… after an opening mark", [Token("（"), Token("Sora"), Token("）")], '<span class="w">（Sora）</span>'),
    ("text with Han but no reading is not a Latin word", [Token("AI说")], "AI说"),
    ("a trailing opening mark is kept", [Token("好", ("hǎo",)), Token("（")], f'<span class="w">{HAO}</span><wbr/>（'),
    ("text is escaped", [Token("a<b & c"), Token("好", ("hǎo",))], f"a&lt;b &amp; c<wbr/><span class=\"w\">{HAO}</span>"),
    ("a space is a break already", [Token("好", ("hǎo",)), Token("，"), Token(" "), Token("好", ("hǎo",))],
     f'<span class="w">{HAO}，</span><wbr/> <span class="w">{HAO}</span>'),
    ("text, then an opening mark that waits for the next word",
     [Token("好", ("hǎo",)), Token(" ab “"), Token("好", ("hǎo",))],
     f'<span class="w">{HAO}</span><wbr/> ab <span class="w">“{HAO}</span>'),
    ("opening marks from several tokens all wait",
     [Token("（"), Token("“"), Token("好", ("hǎo",)), Token("”"), Token("）")], f'<span class="w">（“{HAO}”）</span>'),
]


@pytest.mark.parametrize(("tokens", "html"), [row[1:] for row in HTML], ids=[slug(row[0]) for row in HTML])
def test_ruby_html_by_hand(tokens, html: str) -> None:
    assert ruby_html(tokens) == html


def test_words_above_the_level_are_marked_new() -> None:
    tokens = [Token("银行", ("yín", "háng")), Token("好", ("hǎo",))]
    html = ruby_html(tokens, new=lambda token: token.text == "银行")
    assert html == f'<span class="w new">{YIN}{HANG}</span><wbr/><span class="w">{HAO}</span>'


@pytest.mark.parametrize(("word", "syllables", "html"), [
    # a word with a non-Han character: only the Han ones carry a syllable
    ("卡拉OK", ("kǎ", "lā"), r("卡", "kǎ", 3) + r("拉", "lā", 1) + "OK"),
    # one syllable for each character, whatever they are (〇 is not in the Han ranges)
    ("二〇", ("èr", "líng"), r("二", "èr", 4) + r("〇", "líng", 2)),
    ("<", ("x",), r("&lt;", "x", 5)),
], ids=["latin-letters-unannotated", "ling-zero-annotated", "escaped"])
def test_ruby_word_by_hand(word: str, syllables: tuple[str, ...], html: str) -> None:
    assert ruby_word(word, syllables) == html


class FixedShape(RubyStyle):
    """A RubyStyle whose `shape` is given (size: syllables at half the base size)."""

    def __new__(cls, shape: Shape):  # type: ignore[no-untyped-def]
        self = object.__new__(cls)
        object.__setattr__(self, "_given", shape)
        object.__setattr__(self, "seen", [])
        return self

    def __init__(self, shape: Shape) -> None:
        object.__setattr__(self, "pinyin_font", Path("unused"))
        object.__setattr__(self, "size", 0.5)
        object.__setattr__(self, "gap", 0.1)
        object.__setattr__(self, "word_space", 0.3)
        object.__setattr__(self, "condense", 0.8)

    def shape(self, chars, syllables):  # type: ignore[no-untyped-def]
        self.seen.append((chars, syllables))
        return self._given


@pytest.mark.parametrize(("shape", "inners"), [
    # pitch widened by 0.25 em: each syllable's box is 1.25 em of base = 2.500 em of its own size
    (Shape(0.25, (1.0, 1.0)), ['<span style="width:2.500em">yín</span>', '<span style="width:2.500em">háng</span>']),
    # condensed, not widened: a scale, written to two places, cut (not rounded) down
    (Shape(0.0, (0.877, 1.0)), ['<span style="transform:scaleX(0.87)">yín</span>', "<span>háng</span>"]),
    # both, and a scale just under 1 that still counts as whole
    (Shape(0.1, (0.8, 0.996)), ['<span style="width:2.200em;transform:scaleX(0.80)">yín</span>',
                                '<span style="width:2.200em">háng</span>']),
    # a widening too small to write
    (Shape(0.0004, (1.0, 0.99)), ["<span>yín</span>", '<span style="transform:scaleX(0.99)">háng</span>']),
])
def test_shapes_are_written_on_the_syllables(shape: Shape, inners: list[str]) -> None:
    style = FixedShape(shape)
    html = ruby_word("银行", ("yín", "háng"), style)
    assert html == r("银", "yín", 2, inners[0]) + r("行", "háng", 2, inners[1])
    assert style.seen == [(["银", "行"], ["yín", "háng"])]


def test_a_shape_is_asked_with_the_characters_and_their_syllables() -> None:
    style = FixedShape(Shape(0.0, (1.0, 1.0, 1.0)))
    ruby_word("卡拉OK", ("kǎ", "lā"), style)
    assert style.seen == [(["卡", "拉", "O", "K"], ["kǎ", "lā", None, None])]


def test_the_shape_of_a_word_from_the_real_face() -> None:
    """RubyStyle.shape with the shipped pinyin face: 'chuàng' is wider than one em at 0.5 em,
    so 创作 condenses or widens; a one-syllable word has no inner space to widen."""
    from pipeline.fonts import font_path
    from pipeline.renderers.pinyinglyphs import Face

    style = RubyStyle(pinyin_font=font_path("sans"), size=0.5, gap=0.12, word_space=0.3, condense=0.8)
    face = Face(font_path("sans"), 0.5)
    assert style.width("chuàng") == face.width("chuàng") > 0
    wide = style.shape(["创", "作"], ["chuàng", "zuò"])
    a, b = face.width("chuàng"), face.width("zuò")
    assert (a + b) / 2 + 0.12 > 1.0  # as drawn they would not fit over one em each
    # condensed to 80 % at most, and the pitch (1 em + inner) then keeps them `gap` apart
    assert all(0.8 - 1e-9 <= s <= 1.0 for s in wide.scales) and wide.scales[0] < 1.0
    assert (wide.scales[0] * a + wide.scales[1] * b) / 2 + 0.12 <= 1.0 + wide.inner + 1e-6
    narrow = style.shape(["他", "们"], ["tā", "men"])
    assert narrow.inner == 0.0 and narrow.scales == (1.0, 1.0)


def test_a_one_character_word_reaches_past_its_cell_by_the_edge() -> None:
    """A wide syllable over one character (the EPUB cannot see the next word): it may reach past
    its character by the edge, (word space − gap) / 2 = 0.09 em each side; condensed to 80 % it
    still needs more, so the cell widens by what is left: 0.8 w − 1 − 0.18."""
    from pipeline.fonts import font_path
    from pipeline.renderers.pinyinglyphs import Face

    style = RubyStyle(pinyin_font=font_path("sans"), size=0.5, gap=0.12, word_space=0.3, condense=0.8)
    w = Face(font_path("sans"), 0.5).width("chuāng")
    assert 0.8 * w > 1.18  # (the case this test is about)
    shape = style.shape(["窗"], ["chuāng"])
    assert shape.inner == pytest.approx(0.8 * w - 1.0 - 0.18, abs=1e-9) and shape.scales == pytest.approx((0.8,))
    # characters without a syllable take no room and stay as drawn
    assert style.shape(["卡", "O", "K"], ["kǎ", None, None]).scales == (1.0, 1.0, 1.0)


def test_ruby_html_writes_each_words_shape() -> None:
    style = FixedShape(Shape(0.25, (1.0, 1.0)))
    html = ruby_html([Token("银行", ("yín", "háng"))], style)
    box = '<span style="width:2.500em">{}</span>'
    assert html == f'<span class="w">{r("银", "yín", 2, box.format("yín"))}{r("行", "háng", 2, box.format("háng"))}</span>'


def test_a_book_shapes_each_word_once_and_sets_it_the_same(monkeypatch) -> None:
    """The learner EPUB typesets every text of the book on every build, an edit's too; a book's
    texts share most of their words, and shaping each occurrence again (its syllables measured,
    its pitch found) was a tenth of a second a build. `ruby_html` keeps each word's ruby in the
    book's `words`: the same markup, each word shaped once."""
    from pipeline.fonts import font_path
    from pipeline.renderers import ruby

    style = RubyStyle(pinyin_font=font_path("sans"), size=0.5, gap=0.12, word_space=0.3, condense=0.8)
    texts = [[Token("银行", ("yín", "háng")), Token("，"), Token("创作", ("chuàng", "zuò"))],
             [Token("创作", ("chuàng", "zuò")), Token("银行", ("yín", "háng")), Token("行", ("xíng",))]]
    alone = [ruby_html(tokens, style) for tokens in texts]
    shaped: list[str] = []
    real = ruby.ruby_word
    monkeypatch.setattr(ruby, "ruby_word", lambda word, *args: shaped.append(word) or real(word, *args))
    words: dict = {}
    assert [ruby_html(tokens, style, None, words) for tokens in texts] == alone
    assert sorted(shaped) == ["创作", "行", "银行"]
