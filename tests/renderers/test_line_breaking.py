"""Which lines the learner PDF's line breaker chooses, and where it puts every glyph on them,
judged by a model written out here from the layout's documented intent (the docstring of
`pipeline.renderers.pinyinlayout`), not by the module's own functions.

The glyphs are made by hand with chosen widths (a Han character 20 px, its syllable as wide as
each case says; a word's inner space and its syllables' scales worked out in the comments), so
that every number the model needs is a sum the reader can check:

- a line's *natural width* is its glyphs, the gaps inside its words, the fixed gaps beside marks
  (the face's space where the source has one, a quarter em between Han and Latin) and its word
  spaces at the *least word space* the line allows: `word_space_min`, and more where a word's
  inner gap needs a word space wider than it (by `max(word_space_min / 2, gap)`) or where two
  syllables meeting at a word boundary, both condensed to `condense`, still need room to stay
  `gap` apart;
- a line's *badness*: 0 for the last line; otherwise its word spaces' distance from the best
  word space, in ems, squared, a hundred times (one em too wide costs 100), plus the same again
  for every word space past `word_space_max`; a line without word spaces counts its whole slack;
  an unjustified line (a heading) its slack in ems squared; a line past the measure 10⁷ plus
  10⁴ × its overflow in ems squared (set only where nothing else fits, then the least overflow);
  a word split across lines 3000 more (more than a line five ems too loose). A line may pass
  the measure only where one unbreakable piece is wider than it;
- the best paragraph is the break set of least total badness over *every* legal break set,
  found here by enumerating them all (a line may start at any glyph but closing marks and the
  glyph after an opening mark or inside a word; inside a word only between two syllables, at
  the split price);
- a justified line's slack goes into its word spaces, up to `word_space_max`; past that the
  rest is spread over every gap on the line except inside "……" and "——"; a last or unjustified
  line gets the best word space if it fits, else what fits, never less than its least.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import replace

import pytest

from pipeline.fonts import font_path
from pipeline.renderers.pinyinlayout import MARK, Face, Glyph, Style, break_lines

EM = 20.0
TEXT, OTHER, PINYIN = Face(font_path("serif"), EM), Face(font_path("sans"), 16.0), Face(font_path("sans"), 10.0)
SPACE = TEXT.width(" ")  # the face's own space, where the source has one before a mark

# The prices of the documented intent, in the model's own words.
LOOSE = 100.0  # word spaces one em wider than the best
SPLIT = 3000.0  # a word split across two lines
OVERFULL = 1e7  # a line past the measure
OVERFLOW = 100 * LOOSE  # … per em of overflow, squared

BASE = Style(text=TEXT, other=OTHER, pinyin=PINYIN, gap=2.0, measure=120.0, word_space=6.0, word_space_min=4.0,
             word_space_max=16.0, condense=0.8)


def style(**changes) -> Style:  # type: ignore[no-untyped-def]
    return replace(BASE, **changes)


# ---- glyphs made by hand --------------------------------------------------------------------

class Text:
    """Builds a paragraph's glyphs with their word numbers, one word at a time."""

    def __init__(self) -> None:
        self.glyphs: list[Glyph] = []
        self.number = 0

    def word(self, *syllables: float, inner: float = 0.0, scales: tuple[float, ...] | None = None,
             glued: bool = False, css: str = "") -> Text:
        """A Han word, one 20 px character per syllable width given. `glued`: after an opening
        mark (no line may start with it)."""
        self.number += 1
        scales = scales or (1.0,) * len(syllables)
        for i, (width, scale) in enumerate(zip(syllables, scales)):
            self.glyphs.append(Glyph("字", css, "zi", breakable=i == 0 and not glued, width=20.0,
                                     syllable_width=width, word=self.number,
                                     inner=inner if i < len(syllables) - 1 else 0.0, scale=scale))
        return self

    def latin(self, width: float, space_before: bool = False) -> Text:
        self.number += 1
        self.glyphs.append(Glyph("ab", "", None, space_before, True, width=width, word=self.number))
        return self

    def mark(self, text: str = "，", width: float = 20.0, opening: bool = False) -> Text:
        """A closing mark (no line starts with it) or an opening one (the next glyph is glued)."""
        self.glyphs.append(Glyph(text, "", None, False, opening, width=width, word=MARK))
        return self


# ---- the model ------------------------------------------------------------------------------

def natural(line: list[Glyph], st: Style, first: bool) -> tuple[float, int, float]:
    """(fixed px, word spaces, least word space) of a line, by the rules in the docstring."""
    fixed = (st.indent if first else 0.0) + sum(g.width for g in line)
    spaces, least = 0, st.word_space_min
    for a, b in zip(line, line[1:]):
        if a.word == MARK or b.word == MARK:
            if b.space_before:
                fixed += SPACE
            elif (a.text[-1].isascii() and b.text[0] == "字") or (a.text[-1] == "字" and b.text[0].isascii()):
                fixed += EM / 4
        elif a.word == b.word:
            fixed += a.inner
            if a.inner > 0:
                least = max(least, a.inner + max(st.word_space_min / 2, st.gap))
        else:
            spaces += 1
            if a.syllable and b.syllable:
                least = max(least, (a.syllable_width + b.syllable_width) * st.condense / 2 + st.gap
                            - (a.width + b.width) / 2)
    return fixed, spaces, least


def badness(line: list[Glyph], st: Style, first: bool, last: bool) -> float:
    fixed, spaces, least = natural(line, st, first)
    slack = st.measure - fixed - spaces * least
    if slack < -0.01:
        return OVERFULL + OVERFLOW * (slack / EM) ** 2
    if last:
        return 0.0
    if not st.justify:
        return (slack / EM) ** 2
    if not spaces:
        return LOOSE * (slack / EM) ** 2
    space = least + slack / spaces
    cost = LOOSE * ((space - max(least, st.word_space)) / EM) ** 2
    widest = max(st.word_space_max, least)
    if st.word_space_max and space > widest:
        cost += LOOSE * ((space - widest) / EM) ** 2 * spaces
    return cost


def legal_breaks(items: list[Glyph]) -> tuple[list[int], set[int]]:
    """Where a line may start: (every such index, those that split a word)."""
    starts = [i for i in range(1, len(items)) if items[i].breakable]
    splits = {i for i in range(1, len(items)) if not items[i].breakable and items[i].syllable
              and items[i - 1].syllable and items[i].word == items[i - 1].word != MARK}
    return sorted(set(starts) | splits), splits


def total(items: list[Glyph], cuts: list[int], st: Style, places: list[int], splits: set[int]) -> float:
    """A break set's badness; infinite if a line past the measure holds more than one piece
    (a line may pass the measure only where one unbreakable piece is wider than it)."""
    bounds = [0, *cuts, len(items)]
    cost = SPLIT * sum(1 for c in cuts if c in splits)
    for a, b in zip(bounds, bounds[1:]):
        line = badness(items[a:b], st, a == 0, b == len(items))
        if line >= OVERFULL and any(a < p < b for p in places):
            return float("inf")
        cost += line
    return cost


def best(items: list[Glyph], st: Style) -> float:
    """The least total badness over every legal break set."""
    places, splits = legal_breaks(items)
    return min(total(items, list(cuts), st, places, splits)
               for n in range(len(places) + 1) for cuts in itertools.combinations(places, n))


def cuts_of(lines) -> list[int]:  # type: ignore[no-untyped-def]
    out, at = [], 0
    for line in lines[:-1]:
        at += len(line.glyphs)
        out.append(at)
    return out


def placed(line: list[Glyph], st: Style, first: bool, last: bool) -> tuple[list[float], float]:
    """Where each glyph of a chosen line stands, and its word space, by the docstring's rules."""
    fixed, spaces, least = natural(line, st, first)
    slack = st.measure - fixed - spaces * least
    space, spread = least, 0.0
    if spaces and (last or not st.justify):
        space = min(max(least, st.word_space), least + max(0.0, slack) / spaces)
    elif st.justify and not last and slack > 0:
        if spaces:
            space = least + slack / spaces
            widest = max(st.word_space_max, least)
            if st.word_space_max and space > widest:
                spread, space = (space - widest) * spaces, widest
        else:
            spread = slack
    stretch = [(a.text, b.text) not in (("…", "…"), ("—", "—")) for a, b in zip(line, line[1:])]
    share = spread / sum(stretch) if any(stretch) else 0.0
    x = [st.indent if first else 0.0]
    for i, (a, b) in enumerate(zip(line, line[1:])):
        step = a.width + share * stretch[i]
        if a.word == MARK or b.word == MARK:
            if b.space_before:
                step += SPACE
            elif (a.text[-1].isascii() and b.text[0] == "字") or (a.text[-1] == "字" and b.text[0].isascii()):
                step += EM / 4
        elif a.word == b.word:
            step += a.inner
        else:
            step += space
        x.append(x[-1] + step)
    return x, space


def check(items: list[Glyph], st: Style) -> list[list[Glyph]]:
    """The breaker's lines are a best break set, and each glyph stands where the model puts it;
    returns the lines."""
    lines = break_lines(items, st)
    assert [g for line in lines for g in line.glyphs] == items
    places, splits = legal_breaks(items)
    cuts = cuts_of(lines)
    assert set(cuts) <= set(places), (cuts, places)
    got, least = total(items, cuts, st, places, splits), best(items, st)
    assert got <= least + 1e-6 * max(1.0, abs(least)), (cuts, got, least)
    for number, line in enumerate(lines):
        x, space = placed(line.glyphs, st, number == 0, number == len(lines) - 1)
        assert line.x == pytest.approx(x, abs=1e-6), number
        if any(a.word != b.word and MARK not in (a.word, b.word) for a, b in zip(line.glyphs, line.glyphs[1:])):
            assert line.word_space == pytest.approx(space, abs=1e-6), number
    return [line.glyphs for line in lines]


# ---- hand-worked cases ----------------------------------------------------------------------

def widths(lines) -> list[int]:  # type: ignore[no-untyped-def]
    return [len(line) for line in lines]


def test_full_lines_beat_loose_ones_and_the_last_line_is_free() -> None:
    """Nine one-character words at a 100 px measure: four fit a line (80 + 3 × 4 = 92 ≤ 100,
    word spaces 4 + 8/3 = 6.67, 0.67 px from the best 6: badness 0.11), five do not
    (100 + 16). Three lines of three would each need word spaces of 4 + 32/2 = 20 (badness
    49 + 2 × 4 past the widest): 4, 4, 1 it is, the last line at the best word space 6."""
    items = Text()
    for _ in range(9):
        items.word(10)
    lines = check(items.glyphs, style(measure=100.0))
    assert widths(lines) == [4, 4, 1]
    [set_line] = break_lines(items.glyphs[8:], style(measure=100.0))  # one word alone: no word space
    assert set_line.x == [0.0]


def test_a_word_is_split_only_where_no_break_between_words_fits() -> None:
    """Words of three characters (60 px) and a 100 px measure: one word a line leaves 40 px of
    slack (badness 100 × 2² = 400), far less than a split (3000): never split. At a 50 px
    measure a word cannot fit: split after two characters (40 px, slack 10: 25 + 3000) is the
    only way that keeps within the measure."""
    items = Text().word(10, 10, 10).word(10, 10, 10).word(10, 10, 10).glyphs
    assert widths(check(items, style(measure=100.0))) == [3, 3, 3]
    lines = check(items, style(measure=50.0))
    assert all(len(line) <= 2 for line in lines)


def test_closing_marks_stay_with_the_word_before_and_opening_ones_with_the_word_after() -> None:
    """Words of one character, a "，" after the third, "“" before the last: the comma never
    starts a line (at 88 px three words and the comma fit: 60 + 20 + 2 × 4 = 88), the quoted
    word never starts one without its mark."""
    items = Text().word(10).word(10).word(10).mark("，").word(10).mark("“", opening=True).word(10, glued=True)
    lines = check(items.glyphs, style(measure=88.0))
    assert widths(lines)[0] == 4 and lines[0][-1].text == "，"
    for line in lines[1:]:
        assert line[0].text != "，"
    for line in lines[:-1]:
        assert line[-1].text != "“"


def test_a_heading_keeps_its_lines_even() -> None:
    """Unjustified (a heading): badness is the slack squared, so 6 words of 20 px at a 100 px
    measure come out 4 + 2 only if that is cheapest: 4 on the first line leave 8 px (last line
    free) — the best; each line is set at the best word space 6, not stretched."""
    items = Text()
    for _ in range(6):
        items.word(10)
    lines = check(items.glyphs, style(measure=100.0, justify=False))
    assert widths(lines) == [4, 2]
    [first, _] = break_lines(items.glyphs, style(measure=100.0, justify=False))
    assert first.x == [0.0, 26.0, 52.0, 78.0] and first.word_space == 6.0


def test_a_heading_of_three_lines_evens_its_first_two() -> None:
    """Unjustified, 100 px measure, Latin words 44, 44, 20, 20, 44, 10 px: 44 44 | 20 20 44 | 10
    leaves 8 px on each of the first two lines ((8/20)² × 2 = 0.32); 44 44 | 20 20 | 44 10
    leaves 8 and 56 (8.0), 44 | 44 20 20 | 44 10 56 and 8 (8.0)."""
    items = Text()
    for width in (44, 44, 20, 20, 44, 10):
        items.latin(width)
    assert widths(check(items.glyphs, style(measure=100.0, justify=False))) == [2, 3, 1]


def test_past_the_widest_word_space_the_rest_is_spread_over_every_gap() -> None:
    """Two words of two characters, then one of three, at 120 px: all on one line is 148 px;
    the first two words on a line leave one word space of 4 + 36 = 40 px (badness
    100 × (34/20)² + 100 × (24/20)² = 433, less than a split word, 3000), past the widest (16):
    the space is 16 and the other 24 px go into the line's three gaps, 8 each:
    x = 0, 28, 28 + 20 + 16 + 8 = 72, 100."""
    items = Text().word(10, 10).word(10, 10).word(10, 10, 10)
    [first, last] = break_lines(items.glyphs, style(measure=120.0, word_space_max=16.0))
    assert len(first.glyphs) == 4
    assert first.x == pytest.approx([0.0, 28.0, 72.0, 100.0])
    assert first.word_space == 16.0
    assert last.x == [0.0, 20.0, 40.0]


def test_an_indent_counts_on_the_first_line_only() -> None:
    """A 40 px indent: 3 words (60 + 8 + 40 = 108 ≤ 120) on the first line, 5 (100 + 16) on the
    next: the first line starts at 40."""
    items = Text()
    for _ in range(9):
        items.word(10)
    lines = break_lines(items.glyphs, style(measure=120.0, indent=40.0))
    assert [len(line.glyphs) for line in lines] == [3, 5, 1]
    assert lines[0].x[0] == 40.0 and lines[1].x[0] == 0.0
    check(items.glyphs, style(measure=120.0, indent=40.0))


def test_wide_syllables_at_a_word_boundary_widen_the_least_word_space() -> None:
    """Syllables 30 px over 20 px characters at a word boundary: condensed to 24 px each they
    need 24 + 2 − 20 = 6 px of word space, more than the least 4. Four such words at a
    measure of 98: 80 + 3 × 6 = 98 fits exactly (slack 0), at 97 it does not."""
    items = Text()
    for _ in range(5):
        items.word(30)
    assert widths(check(items.glyphs, style(measure=98.0))) == [4, 1]
    assert widths(check(items.glyphs, style(measure=97.0)))[0] == 3


def test_a_wide_word_pitch_asks_a_wider_word_space() -> None:
    """A two-character word with an inner gap of 6 px (syllables 30 px at 80 %: 24 + 2 = 26 =
    20 + 6): the line's word spaces must be wider than 6 by max(4 / 2, 2) = 2, so 8. Words:
    [30 30], [10], [10] on 120 px: 40 + 6 + 40 + 2 × 8 = 102 fits."""
    items = Text().word(30, 30, inner=6.0, scales=(0.8, 0.8)).word(10).word(10).word(10).word(10)
    lines = check(items.glyphs, style(measure=102.0))
    assert widths(lines)[0] == 4
    check(items.glyphs, style(measure=101.0))


def test_past_the_measure_only_where_nothing_fits_and_then_the_least() -> None:
    """A Latin word 130 px wide on a 100 px measure cannot fit: it sits alone on its line
    (overflow 30), not with its neighbours; and of two ways to overflow the least wins."""
    items = Text().latin(20).latin(130).latin(20).latin(20)
    lines = check(items.glyphs, style(measure=100.0))
    assert [len(line) for line in lines] == [1, 1, 2]
    items = Text().latin(120).latin(10).latin(130)
    check(items.glyphs, style(measure=100.0))
    check(items.glyphs, style(measure=100.0, justify=False))


def test_a_word_of_marks_and_ellipses_is_spread_but_never_inside_the_ellipsis() -> None:
    """A justified line without word spaces (a word, "……", a mark): its slack is spread over
    every gap but the one inside "……"."""
    items = Text().word(10, 10).mark("…").mark("…").mark("，").word(10, 10, 10, 10, 10)
    lines = break_lines(items.glyphs, style(measure=140.0))
    first = lines[0]
    assert [g.text for g in first.glyphs] == ["字", "字", "…", "…", "，"]
    # 100 px of glyphs, 40 of slack over the 3 gaps that may stretch
    assert first.x == pytest.approx([0.0, 20 + 40 / 3, 40 + 80 / 3, 60 + 80 / 3, 80 + 120 / 3])
    check(items.glyphs, style(measure=140.0))


# ---- every break set, on paragraphs drawn at random -----------------------------------------

def paragraph(rng: random.Random, condense: float) -> list[Glyph]:
    """Words, Latin words and marks; the wide words shaped as `shape_word` would for `condense`
    (0.8 or 1), worked out in the comments."""
    text = Text()
    for _ in range(rng.randint(4, 9)):
        pick = rng.random()
        if pick < 0.35:
            text.word(rng.choice([8, 12, 16, 26, 30, 34]))
        elif pick < 0.5:
            text.word(12, 14)
        elif pick < 0.6:
            if condense < 1:
                text.word(30, 30, inner=6.0, scales=(0.8, 0.8))  # 24 + 2 = 20 + 6
            else:
                text.word(30, 30, inner=12.0)  # 30 + 2 = 20 + 12
        elif pick < 0.65:
            # 34 + 10 over 20 + 20: the mean 22 must come down to 20 − 2 = 18; each loses in
            # proportion to what it can lose (a fifth of its width), so both end at 18/22 = 9/11
            if condense < 1:
                text.word(34, 10, scales=(9 / 11, 9 / 11))
            else:
                text.word(34, 10, inner=4.0)  # 22 + 2 = 20 + 4
        elif pick < 0.72:
            text.word(10, 12, 10)
        elif pick < 0.82:
            text.latin(rng.choice([12.0, 22.0, 36.0]), space_before=rng.random() < 0.5)
        elif pick < 0.9:
            text.mark("，")
        elif pick < 0.95:
            text.mark("“", opening=True).word(rng.choice([10, 30]), glued=True)
        else:
            text.mark("…").mark("…")
    return text.glyphs


STYLES = {
    "justified": dict(),
    "no-widest": dict(word_space_max=0.0),
    "heading": dict(justify=False),
    "indented": dict(indent=40.0),
    "tight-best": dict(word_space=4.0, word_space_min=4.0, word_space_max=8.0),
    "spread-only": dict(condense=1.0, word_space=5.0, word_space_min=2.0),
}


@pytest.mark.parametrize("name", list(STYLES))
def test_random_paragraphs_take_a_best_break_set(name: str) -> None:
    rng = random.Random(name)
    for round_ in range(40):
        st = style(**STYLES[name])
        items = paragraph(rng, st.condense)
        measure = rng.choice([70.0, 96.0, 120.0, 150.0, 200.0])
        try:
            check(items, replace(st, measure=measure))
        except AssertionError as error:
            raise AssertionError(f"round {round_}, measure {measure}: {error}") from error
