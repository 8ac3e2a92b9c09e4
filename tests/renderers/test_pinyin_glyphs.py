"""What the learner PDF's line layout is given to set: the glyphs `pinyinlayout.glyphs` makes from
runs of words, judged by tables written out here by hand (which glyph has which syllable, which
word it belongs to, whether a line may start with it, which marks are set half-width) and by
widths taken from the font files (fontTools, through `Face`).

(Found by `make mutate`: the layout tests judged lines, and let these decisions change.)"""

from __future__ import annotations

import pytest

from pipeline.fonts import font_path
from pipeline.renderers.pinyinlayout import MARK, Face, Style, glyphs

TEXT, OTHER, PINYIN = Face(font_path("serif"), 20.0), Face(font_path("sans"), 16.0), Face(font_path("sans"), 10.0)
STYLE = Style(text=TEXT, other=OTHER, pinyin=PINYIN, gap=2.0, measure=400.0)


def table(runs) -> list[tuple]:  # type: ignore[no-untyped-def]
    """(text, css, syllable, space before, may a line start here, word) of each glyph; words are
    lettered in order of appearance, '-' for a mark (so only the grouping is judged)."""
    letters: dict[int, str] = {}
    rows = []
    for g in glyphs(runs, STYLE):
        word = "-" if g.word == MARK else letters.setdefault(g.word, "abcdefghij"[len(letters)])
        rows.append((g.text, g.css, g.syllable, g.space_before, g.breakable, word))
    return rows


CASES = [
    ("a word of two characters, then a word of one",
     [("", "", [("他们", ("tā", "men")), ("好", ("hǎo",))])],
     [("他", "", "tā", False, True, "a"), ("们", "", "men", False, False, "a"), ("好", "", "hǎo", False, True, "b")]),
    ("Latin words: spaces part them, nothing between two runs joins them",
     [("", "", [("Sora 2 ", None), ("Wi", None), ("Fi", None)])],
     [("Sora", "", None, False, True, "a"), ("2", "", None, True, True, "b"), ("Wi", "", None, True, True, "c"),
      ("Fi", "", None, False, False, "c")]),
    ("Latin then Han in one run without pinyin: two words",
     [("", "", [("AI中", None)])],
     [("AI", "", None, False, True, "a"), ("中", "", None, False, True, "b")]),
    ("marks: closing marks glued to what is before, opening to what is after; a closing mark before "
     "another mark is half-width",
     [("", "", [("好", ("hǎo",)), ("，“", None), ("好", ("hǎo",)), ("”。", None)])],
     [("好", "", "hǎo", False, True, "a"), ("，", "halt", None, False, False, "-"), ("“", "", None, False, True, "-"),
      ("好", "", "hǎo", False, False, "b"), ("”", "halt", None, False, False, "-"), ("。", "", None, False, False, "-")]),
    ("two opening marks: the second is half-width",
     [("", "", [("“（", None), ("好", ("hǎo",))])],
     [("“", "", None, False, True, "-"), ("（", "halt", None, False, False, "-"), ("好", "", "hǎo", False, False, "a")]),
    ("a space before a word lets a line start there, even after an opening mark's neighbour",
     [("", "", [("好", ("hǎo",)), (" ", None), ("好", ("hǎo",))])],
     [("好", "", "hǎo", False, True, "a"), ("好", "", "hǎo", True, True, "b")]),
    ("an aside keeps its class on its marks (never halved)",
     [("", "aside", [("（", None), ("笑", ("xiào",)), ("）", None)]), ("", "", [("。", None)])],
     [("（", "aside", None, False, True, "-"), ("笑", "aside", "xiào", False, False, "a"),
      ("）", "aside", None, False, False, "-"), ("。", "", None, False, False, "-")]),
]


@pytest.mark.parametrize(("runs", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_glyphs_by_hand(runs, expected) -> None:
    assert table(runs) == expected


def test_widths_come_from_the_faces() -> None:
    """Han and Latin: the face's own advance; full-width marks one em, a halved mark half an em,
    the middle dot its own advance; asides and emphasis in the other face; syllables in the
    pinyin face."""
    runs = [("", "", [("好", ("hǎo",)), ("，“", None), ("Sora·", None)]), ("", "em", [("说", ("shuō",)), ("。", None)]),
            ("", "aside", [("（", None)])]
    got = [(g.text, g.width, g.syllable_width) for g in glyphs(runs, STYLE)]
    assert got == [
        ("好", TEXT.width("好"), PINYIN.width("hǎo")),
        ("，", 10.0, 0.0),            # halved: a closing mark before an opening one
        ("“", 20.0, 0.0),
        ("Sora", TEXT.width("Sora"), 0.0),
        ("·", TEXT.width("·"), 0.0),  # full-width punctuation, but drawn at its own width
        ("说", OTHER.width("说"), PINYIN.width("shuō")),
        ("。", 16.0, 0.0),
        ("（", 16.0, 0.0),
    ]
    assert OTHER.width("说") != TEXT.width("说")  # the two faces really differ in size


def test_a_middle_dot_alone_keeps_its_own_width() -> None:
    [dot] = glyphs([("", "", [("·", None)])], STYLE)
    assert dot.width == TEXT.width("·") < 20.0


def test_a_wide_word_gets_one_even_pitch_from_its_first_character() -> None:
    """创作 at this pinyin size: 'chuàng' (34.6 px) and 'zuò' need more than two 20 px characters
    give them, so the word's syllables condense and its pitch widens from its first character;
    the last character of a word, and a word of one character, have no inner space."""
    style = Style(text=TEXT, other=OTHER, pinyin=PINYIN, gap=2.0, measure=400.0, condense=0.8)
    first, second, third = glyphs([("", "", [("创作", ("chuàng", "zuò")), ("好", ("hǎo",))])], style)
    assert first.inner > 0 and second.inner == 0.0 and third.inner == 0.0
    assert 0.8 - 1e-9 <= first.scale < 1.0 and third.scale == 1.0
    # the two syllables, as condensed, stay `gap` apart over the widened pitch
    pitch = first.width + first.inner
    assert (first.syllable_width * first.scale + second.syllable_width * second.scale) / 2 + 2.0 <= pitch + 1e-6
