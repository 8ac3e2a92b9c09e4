"""What the learner PDF's line layout is given to set: the glyphs `pinyinlayout.glyphs` makes from
runs of words, judged by tables written out here by hand (which glyph has which syllable, which
word it belongs to, whether a line may start with it, which marks are set half-width) and by
widths taken from the font files (fontTools, through `Face`).

(Found by `make mutate`: the layout tests judged lines, and let these decisions change.)"""

from __future__ import annotations

import re

import pytest

from pipeline.fonts import font_path
from pipeline.renderers.pinyinglyphs import MARK, Face, Glyph, Style, glyphs

TEXT, OTHER, PINYIN = Face(font_path("serif"), 20.0), Face(font_path("sans"), 16.0), Face(font_path("sans"), 10.0)
STYLE = Style(text=TEXT, other=OTHER, pinyin=PINYIN, gap=2.0, measure=400.0)

def slug(name: str) -> str:
    """A test id of plain letters, digits and hyphens (mutmut passes ids back to pytest, and an
    id with punctuation or non-ASCII letters may not survive the trip)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")



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
    ("Latin runs join only where two letters or digits touch",
     [("", "", [("a-b", None), ("c ", None), ("xy", None), ("-z", None)])],
     [("a-b", "", None, False, True, "a"), ("c", "", None, False, False, "a"), ("xy", "", None, True, True, "b"),
      ("-z", "", None, False, True, "c")]),
    ("a run of signs alone is a mark; a line never starts with a percent sign, even after a space",
     [("", "", [("x / 50 %", None)])],
     [("x", "", None, False, True, "a"), ("/", "", None, True, True, "-"), ("50", "", None, True, True, "b"),
      ("%", "", None, True, False, "-")]),
    ("a word with pinyin: digits and marks in it get no syllable, marks are not part of the word",
     [("", "", [("3个", ("gè",)), ("乔·布", ("qiáo", "bù"))])],
     [("3", "", None, False, True, "a"), ("个", "", "gè", False, False, "a"), ("乔", "", "qiáo", False, True, "b"),
      ("·", "", None, False, False, "-"), ("布", "", "bù", False, False, "b")]),
    ("fewer syllables than characters: the rest get none",
     [("", "", [("你好", ("nǐ",))])],
     [("你", "", "nǐ", False, True, "a"), ("好", "", None, False, False, "a")]),
    ("an aside keeps its class on its marks (never halved)",
     [("", "aside", [("（", None), ("笑", ("xiào",)), ("）", None)]), ("", "", [("。", None)])],
     [("（", "aside", None, False, True, "-"), ("笑", "aside", "xiào", False, False, "a"),
      ("）", "aside", None, False, False, "-"), ("。", "", None, False, False, "-")]),
]


@pytest.mark.parametrize(("runs", "expected"), [c[1:] for c in CASES], ids=[slug(c[0]) for c in CASES])
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


def test_advance_widths_are_the_font_files_own(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Each glyph's advance as fontTools reads it from the font file (`hmtx`), scaled to the size
    and rounded to 1/1024 px as Pango does; a character the font lacks is one em. A fresh path
    (a link to the same file) so that nothing measured earlier is reused."""
    from fontTools.ttLib import TTFont

    for kind, size in (("serif", 21.5), ("sans", 9.75)):
        path = font_path(kind)
        font = TTFont(path, lazy=True)
        cmap, hmtx, upem = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
        link = tmp_path / f"{kind}.otf"
        link.symlink_to(path)
        face = Face(link, size)
        for text in ("好", "Sora", "，", "ǚ", "好好"):
            expected = sum(round(hmtx[cmap[ord(c)]][0] * size * 1024 / upem) for c in text) / 1024
            assert face.width(text) == expected, (kind, text)
        assert 0xE01 not in cmap and face.width("\u0e01") == round(size * 1024) / 1024  # Thai: not in the font
        assert face.width("好\u0e01") == face.width("好") + face.width("\u0e01")


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


# ---- set lines, judged by their geometry ---------------------------------------------------
# Paragraphs built to stress each spacing rule: wide syllables around narrow marks, Latin words
# and numbers between syllables, words that must condense at a word boundary. Judged by plain
# geometry on the lines `break_lines` returns: nothing overlaps, every two neighbouring syllables
# stay `gap` apart, a justified line fills the measure, a word keeps one pitch, no word space is
# below the least.

from pipeline.renderers.pinyinlayout import IN_WORD, WORD_SPACE, break_lines, kind  # noqa: E402

LINE_STYLE = Style(text=TEXT, other=OTHER, pinyin=PINYIN, gap=2.0, measure=210.0, word_space=6.0,
                   word_space_min=4.0, word_space_max=16.0, condense=0.8)
Z, C = ("壮", ("zhuàng",)), ("窗", ("chuāng",))
STRESS = {
    "wide syllables around narrow marks": [Z, ("·", None), Z, ("、", None), C, ("—", None), C, ("，", None), Z, C,
                                           ("：", None), ("“", None), Z, ("”", None), C] * 2,
    "Latin and numbers between syllables": [Z, ("AI", None), C, ("2", None), Z, (" GPT ", None), C, ("i", None),
                                            Z, ("(", None), C, (")", None), Z] * 2,
    "two-character words that condense": [("创作", ("chuàng", "zuò")), ("双双", ("shuāng", "shuāng")),
                                          ("装窗", ("zhuāng", "chuāng")), ("他们", ("tā", "men"))] * 3,
    "a numbered run of one-character words": [Z, C] * 9,
}


def edges(line, i):  # type: ignore[no-untyped-def]
    glyph, scale = line.glyphs[i], line.scales[i]
    centre, half = line.x[i] + glyph.width / 2, glyph.syllable_width * scale / 2
    return centre - half, centre + half


@pytest.mark.parametrize("words", list(STRESS.values()), ids=[slug(name) for name in STRESS])
@pytest.mark.parametrize("measure", [150.0, 210.0, 330.0])
def test_set_lines_keep_every_spacing_rule(words, measure: float) -> None:
    style = Style(**{**LINE_STYLE.__dict__, "measure": measure})
    items = glyphs([("", "", words)], style)
    lines = break_lines(items, style)
    assert [g.text for line in lines for g in line.glyphs] == [g.text for g in items]  # all of it, in order
    for number, line in enumerate(lines):
        last = number == len(lines) - 1
        for i in range(len(line.glyphs) - 1):  # glyphs never overlap
            assert line.x[i] + line.glyphs[i].width <= line.x[i + 1] + 1e-6, (number, i)
        marked = [i for i, g in enumerate(line.glyphs) if g.syllable]
        for i, j in zip(marked, marked[1:]):  # neighbouring syllables stay `gap` apart, whatever is between
            assert edges(line, j)[0] - edges(line, i)[1] >= style.gap - 0.01, (number, line.glyphs[i].text, i, j)
        assert all(style.condense - 1e-6 <= s <= 1.0 + 1e-9 for s in line.scales)
        right = line.x[-1] + line.glyphs[-1].width
        if not last and right <= style.measure + 0.01:  # (overflow: see the test below)
            assert abs(right - style.measure) < 0.01, number  # justified
        pitches: dict[int, set[float]] = {}
        spaces = []
        for i in range(len(line.glyphs) - 1):
            a, b = line.glyphs[i], line.glyphs[i + 1]
            if kind(a, b) == IN_WORD and a.syllable and b.syllable:
                pitches.setdefault(a.word, set()).add(round(line.x[i + 1] - line.x[i], 6))
            elif kind(a, b) == WORD_SPACE:
                spaces.append(line.x[i + 1] - line.x[i] - a.width)
        assert all(len(p) == 1 for p in pitches.values()), number  # one pitch a word
        assert all(space >= style.word_space_min - 0.01 for space in spaces), number


def test_no_line_overflows_where_it_could_break() -> None:
    words = STRESS["wide syllables around narrow marks"]
    style = Style(**{**LINE_STYLE.__dict__, "measure": 150.0})
    for number, line in enumerate(break_lines(glyphs([("", "", words)], style), style)):
        if line.x[-1] + line.glyphs[-1].width > style.measure + 0.01:
            assert not any(g.breakable for g in line.glyphs[1:]), number  # it had a place to break


LOOSE_LINE = Style(text=TEXT, other=OTHER, pinyin=PINYIN, gap=2.0, measure=1000.0, justify=False,
                   word_space=6.0, word_space_min=4.0, condense=0.8)


def gaps(words) -> list[float]:  # type: ignore[no-untyped-def]
    [line] = break_lines(glyphs([("", "", words)], LOOSE_LINE), LOOSE_LINE)
    return [round(line.x[i + 1] - line.x[i] - line.glyphs[i].width, 6) for i in range(len(line.glyphs) - 1)]


def test_spacing_beside_marks_is_exactly_what_the_rules_ask() -> None:
    """On one unjustified line (nothing spread): the style's word space between Han and a Latin
    word, the text face's space where the source has one before a mark, nothing beside a mark
    otherwise;
    and two syllables across a narrow mark pushed apart to exactly `gap`, no more."""
    zhong = ("中", ("zhōng",))
    assert gaps([zhong, ("AI", None), zhong]) == [6.0, 6.0]
    hao = ("好", ("hǎo",))
    assert gaps([hao, (" “", None), hao, ("”", None)]) == [round(TEXT.width(" "), 6), 0.0, 0.0]
    # a word space and a narrow mark between two wide syllables already keep them apart: no widening
    assert gaps([Z, ("i", None), ("·", None), Z]) == [6.0, 0.0, 0.0]
    [line] = break_lines(glyphs([("", "", [Z, ("·", None), Z])], LOOSE_LINE), LOOSE_LINE)
    assert line.x[1] == 20.0  # the dot sits right after the first character
    assert edges(line, 2)[0] - edges(line, 0)[1] == pytest.approx(2.0, abs=1e-6)


# A web address, or a Latin word wider than the line, used to run off the page (its end lost).
ADDRESS = "https://library.example.org/a/very/long/path/that/goes/on/index.html?from=weekly&utm_source=x"


@pytest.mark.parametrize("latin", [ADDRESS, "editor@newsroom.example.org", "Pneumonoultramicroscopicsilicovolcanoconiosis" * 2])
@pytest.mark.parametrize("measure", [150.0, 330.0])
def test_an_address_or_a_long_word_breaks_within_the_line(latin: str, measure: float) -> None:
    style = Style(**{**LINE_STYLE.__dict__, "measure": measure})
    words = [("晚上", ("wǎn", "shàng")), ("这里", ("zhè", "lǐ")), (f"（{latin}）", None), ("安静", ("ān", "jìng"))]
    lines = break_lines(glyphs([("", "", words)], style), style)
    assert "".join(g.text for line in lines for g in line.glyphs) == "晚上这里（" + latin + "）安静"  # all of it
    assert len(lines) > 1
    for number, line in enumerate(lines):
        assert line.x[-1] + line.glyphs[-1].width <= style.measure + 0.01, number
        for i in range(len(line.glyphs) - 1):  # the pieces of the address touch: never spread apart
            a, b = line.glyphs[i], line.glyphs[i + 1]
            if a.syllable is None and b.syllable is None and kind(a, b) == IN_WORD:
                assert abs(line.x[i + 1] - line.x[i] - a.width) < 1e-6, (number, a.text, b.text)


def test_an_address_breaks_after_its_slashes_and_marks_and_not_inside_a_name() -> None:
    style = Style(**{**LINE_STYLE.__dict__, "measure": 1000.0})
    pieces = [g.text for g in glyphs([("", "", [(ADDRESS, None)])], style)]
    assert "".join(pieces) == ADDRESS
    assert pieces[:4] == ["https://", "library.", "example.", "org/"]
    assert all(piece[-1] in "/?&=#.@" for piece in pieces[:-1]) and "utm_source=" in pieces
    # a word that is not an address, and fits, stays whole
    assert [g.text for g in glyphs([("", "", [("Wi-Fi 4.2", None)])], style)] == ["Wi-Fi", "4.2"]


def _latin(word: str, css: str = "", before: str = "（") -> list[Glyph]:
    return [g for g in glyphs([("", css, [(before, None), (word, None)])], _NARROW) if g.text not in "（ "]


_NARROW = Style(**{**LINE_STYLE.__dict__, "measure": 200.0})


def test_pieces_of_an_address_keep_the_first_pieces_place_and_may_each_start_a_line() -> None:
    after_space = _latin("https://a.example/b/c", before=" ")
    assert [(g.text, g.space_before, g.breakable) for g in after_space] == [
        ("https://", True, True), ("a.", False, True), ("example/", False, True), ("b/", False, True), ("c", False, True)]
    after_bracket = _latin("https://a.example/b")
    assert [(g.text, g.breakable) for g in after_bracket][:2] == [("https://", False), ("a.", True)]  # glued to '（'


def test_pieces_are_measured_in_their_runs_face_and_fill_the_room_left_beside_two_marks() -> None:
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3
    pieces = _latin(word, css="em")
    assert "".join(g.text for g in pieces) == word
    assert all(g.width == pytest.approx(OTHER.width(g.text)) for g in pieces)  # the face of emphasis
    room = _NARROW.measure - 2 * _NARROW.text.size_px
    assert all(OTHER.width(g.text) <= room for g in pieces)
    assert all(OTHER.width(a.text + b.text[0]) > room for a, b in zip(pieces, pieces[1:]))  # each as full as it can be


def test_a_latin_word_is_cut_only_when_wider_than_the_line_less_two_marks() -> None:
    em = LINE_STYLE.text.size_px
    word = "Internationalisation"
    width = TEXT.width(word)
    cut = Style(**{**LINE_STYLE.__dict__, "measure": width + 1.5 * em})  # wider than the room beside two marks
    whole = Style(**{**LINE_STYLE.__dict__, "measure": width + 2.5 * em})
    assert len([g for g in glyphs([("", "", [(word, None)])], cut)]) > 1
    assert [g.text for g in glyphs([("", "", [(word, None)])], whole)] == [word]


def test_a_long_word_that_is_no_address_is_cut_by_width_not_at_its_dots() -> None:
    word = "ab.cd" * 30  # no scheme, no 'www.', no '@': a word, however it is spelt
    pieces = _latin(word)
    room = _NARROW.measure - 2 * _NARROW.text.size_px
    assert "".join(g.text for g in pieces) == word and len(pieces) > 1
    assert all(TEXT.width(a.text + b.text[0]) > room for a, b in zip(pieces, pieces[1:]))  # full, not cut at a dot
