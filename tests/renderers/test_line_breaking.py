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
from pipeline.renderers.pinyinglyphs import MARK, Face, Glyph, Style
from pipeline.renderers.pinyinlayout import break_lines

EM = 20.0
TEXT, OTHER, PINYIN = Face(font_path("serif"), EM), Face(font_path("sans"), 16.0), Face(font_path("sans"), 10.0)
SPACE = {"": TEXT.width(" "), "halt": TEXT.width(" "), "em": OTHER.width(" "), "aside": OTHER.width(" ")}  # by face

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
             glued: bool = False, css: str = "", space_before: bool = False) -> Text:
        """A Han word, one 20 px character per syllable width given. `glued`: after an opening
        mark (no line may start with it); `space_before`: a space in the source before it."""
        self.number += 1
        scales = scales or (1.0,) * len(syllables)
        for i, (width, scale) in enumerate(zip(syllables, scales)):
            self.glyphs.append(Glyph("字", css, "zi", space_before and i == 0, i == 0 and not glued, width=20.0,
                                     syllable_width=width, word=self.number,
                                     inner=inner if i < len(syllables) - 1 else 0.0, scale=scale))
        return self

    def latin(self, width: float, space_before: bool = False, css: str = "") -> Text:
        self.number += 1
        self.glyphs.append(Glyph("ab", css, None, space_before, True, width=width, word=self.number))
        return self

    def mark(self, text: str = "，", width: float = 20.0, opening: bool = False) -> Text:
        """A closing mark (no line starts with it) or an opening one (the next glyph is glued);
        10 px wide: set half-width."""
        self.glyphs.append(Glyph(text, "halt" if width == 10 else "", None, False, opening, width=width, word=MARK))
        return self

    def glued_latin(self, width: float) -> Text:
        """More of the Latin word before, with no space (as "Wi" "Fi" from two runs)."""
        self.glyphs.append(Glyph("cd", "", None, False, False, width=width, word=self.number))
        return self


# ---- the model ------------------------------------------------------------------------------

def natural(line: list[Glyph], st: Style, first: bool) -> tuple[float, int, float, list[float]]:
    """(fixed px, word spaces, least word space, the fixed px before each glyph but the first) of
    a line, by the rules in the docstring."""
    gaps, spaced = [], []
    spaces, least = 0, st.word_space_min
    for a, b in zip(line, line[1:]):
        gap, space = 0.0, False
        if a.word == MARK or b.word == MARK:
            if b.space_before:
                gap = SPACE[b.css]
            elif (a.text[-1].isascii() and b.text[0] == "字") or (a.text[-1] == "字" and b.text[0].isascii()):
                gap = EM / 4
        elif a.word == b.word:
            gap = a.inner
            if a.inner > 0:
                least = max(least, a.inner + max(st.word_space_min / 2, st.gap))
        else:
            space = True
            if a.syllable and b.syllable:
                least = max(least, (a.syllable_width + b.syllable_width) * st.condense / 2 + st.gap
                            - (a.width + b.width) / 2)
        gaps.append(gap)
        spaced.append(space)
        spaces += space
    # two syllables with marks or a Latin word between them: the gap before the second widens
    # until their pinyin (each at its own scale) stands `gap` apart
    x, previous = st.indent if first else 0.0, None
    for j, glyph in enumerate(line):
        if j:
            x += line[j - 1].width + gaps[j - 1] + least * spaced[j - 1]
        if glyph.syllable:
            half = glyph.syllable_width * glyph.scale / 2
            if previous is not None and previous[0] < j - 1:
                room = max(0.0, previous[2] + half + st.gap - (x + glyph.width / 2 - previous[1]))
                gaps[j - 1] += room
                x += room
            previous = (j, x + glyph.width / 2, half)
    fixed = (st.indent if first else 0.0) + sum(g.width for g in line) + sum(gaps)
    return fixed, spaces, least, gaps


def badness(line: list[Glyph], st: Style, first: bool, last: bool) -> float:
    fixed, spaces, least, _ = natural(line, st, first)
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


def total(items: list[Glyph], cuts: list[int], st: Style, places: list[int], splits: set[int],
          memo: dict[tuple[int, int], float] | None = None) -> float:
    """A break set's badness; infinite if a line past the measure holds more than one piece
    (a line may pass the measure only where one unbreakable piece is wider than it)."""
    memo = {} if memo is None else memo
    bounds = [0, *cuts, len(items)]
    cost = SPLIT * sum(1 for c in cuts if c in splits)
    for a, b in zip(bounds, bounds[1:]):
        if (a, b) not in memo:
            line = badness(items[a:b], st, a == 0, b == len(items))
            memo[a, b] = float("inf") if line >= OVERFULL and any(a < p < b for p in places) else line
        cost += memo[a, b]
    return cost


def best(items: list[Glyph], st: Style) -> float:
    """The least total badness over every legal break set."""
    places, splits = legal_breaks(items)
    memo: dict[tuple[int, int], float] = {}
    return min(total(items, list(cuts), st, places, splits, memo)
               for n in range(len(places) + 1) for cuts in itertools.combinations(places, n))


def cuts_of(lines) -> list[int]:  # type: ignore[no-untyped-def]
    out, at = [], 0
    for line in lines[:-1]:
        at += len(line.glyphs)
        out.append(at)
    return out


def placed(line: list[Glyph], st: Style, first: bool, last: bool) -> tuple[list[float], float]:
    """Where each glyph of a chosen line stands, and its word space, by the docstring's rules."""
    fixed, spaces, least, gaps = natural(line, st, first)
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
    # never stretched: a doubled ellipsis or dash, and two pieces of one Latin word (a line of
    # nothing else stays ragged)
    stretch = [(a.text, b.text) not in (("…", "…"), ("—", "—"))
               and not (a.syllable is None and b.syllable is None and a.word == b.word != MARK)
               for a, b in zip(line, line[1:])]
    share = spread / sum(stretch) if any(stretch) else 0.0
    x = [st.indent if first else 0.0]
    for i, (a, b) in enumerate(zip(line, line[1:])):
        step = a.width + share * stretch[i] + gaps[i]
        if a.word != MARK and b.word != MARK and a.word != b.word:
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
        syllables(line, st)
    return [line.glyphs for line in lines]


def syllables(line, st: Style) -> None:  # type: ignore[no-untyped-def]
    """Each syllable between `condense` and its own width; neighbouring syllables at least `gap`
    apart; each inside the text block (unless at `condense`); and a condensed one as wide as its
    neighbours and the block's edges let it be (it stands exactly `gap` from one of them, or at an edge)."""
    marked = [i for i, g in enumerate(line.glyphs) if g.syllable]
    edges = {}
    for i in marked:
        g, scale = line.glyphs[i], line.scales[i]
        assert st.condense - 1e-9 <= scale <= 1.0 + 1e-9, (i, scale)
        centre, half = line.x[i] + g.width / 2, g.syllable_width * scale / 2
        edges[i] = (centre - half, centre + half)
    apart = {}
    for i, j in zip(marked, marked[1:]):
        apart[i, j] = edges[j][0] - edges[i][1]
        assert apart[i, j] >= st.gap - 1e-6, (i, j, apart[i, j])
    for n, i in enumerate(marked):
        # (and inside the text block: the measure and its edges, where a syllable at a line's end
        # is condensed as far as it must, never below `condense`)
        assert -st.edge - 1e-6 <= edges[i][0] and edges[i][1] <= st.measure + st.edge + 1e-6 or (
            abs(line.scales[i] - st.condense) < 1e-9), (i, edges[i])
        if line.scales[i] < 1.0 - 1e-9:
            near = [apart[k] for k in ((marked[n - 1], i) if n else None, (i, marked[n + 1]) if n + 1 < len(marked) else None)
                    if k is not None]
            at_edge = min(edges[i][0] + st.edge, st.measure + st.edge - edges[i][1])
            assert (any(abs(d - st.gap) < 1e-6 for d in near) or abs(at_edge) < 1e-6
                    or at_edge < 0 and abs(line.scales[i] - st.condense) < 1e-9), (i, line.scales[i], near)


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

def paragraph(rng: random.Random, condense: float, gap: float) -> list[Glyph]:
    """Words, Latin words and marks; the wide words shaped as `shape_word` would for `condense`
    (0.8 or 1) and `gap`, worked out in the comments."""
    text = Text()
    for _ in range(rng.randint(4, 9)):
        pick = rng.random()
        if pick < 0.35:
            text.word(rng.choice([8, 12, 16, 26, 30, 34]))
        elif pick < 0.5:
            text.word(12, 14)
        elif pick < 0.6:
            if condense < 1:  # both at 80 %: 24 + gap = 20 + inner
                text.word(30, 30, inner=4.0 + gap, scales=(0.8, 0.8))
            else:  # 30 + gap = 20 + inner
                text.word(30, 30, inner=10.0 + gap)
        elif pick < 0.65:
            # 34 + 10 over 20 + 20: the mean 22 must come down to 20 − gap; each loses in
            # proportion to what it can lose (a fifth of its width), so both at (20 − gap) / 22,
            # unless that is below 80 % (17.6 / 22): then both at 80 % and the pitch widens
            if condense < 1 and 20 - gap >= 17.6:
                text.word(34, 10, scales=((20 - gap) / 22,) * 2)
            elif condense < 1:
                text.word(34, 10, inner=17.6 + gap - 20, scales=(0.8, 0.8))
            else:
                text.word(34, 10, inner=2.0 + gap)  # 22 + gap = 20 + inner
        elif pick < 0.72:
            text.word(10, 12, 10)
        elif pick < 0.8:
            text.latin(rng.choice([6.0, 12.0, 22.0, 36.0]), space_before=rng.random() < 0.5, css=rng.choice(["", "em"]))
        elif pick < 0.82:
            text.latin(30.0).glued_latin(rng.choice([20.0, 90.0]))
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
    # (and the learner PDF's edge: a syllable reaches at most 1 px past the measure, condensed as it must)
    "indented": dict(indent=40.0, edge=1.0),
    "tight-best": dict(word_space=4.0, word_space_min=4.0, word_space_max=8.0),
    "spread-only": dict(condense=1.0, word_space=5.0, word_space_min=2.0),
    "wide-gap": dict(gap=3.0, word_space=4.0, word_space_min=2.0),  # the margin over a word's gap: 3
}


def marked_paragraph(rng: random.Random) -> list[Glyph]:
    """Wide syllables with narrow marks between them (a half-width comma, a middle dot, an
    ideographic comma), which push them apart; for a style whose least word space (12) no word
    here raises: the inner gap 6 of a wide word asks 6 + 12 / 2 = 12, two 34 px syllables at a
    boundary (34 × 0.8 + 2 − 20 =) 9.2."""
    text = Text()
    for _ in range(rng.randint(4, 9)):
        pick = rng.random()
        if pick < 0.45:
            text.word(rng.choice([10, 26, 30, 34]), space_before=text.glyphs[-1:] != [] and rng.random() < 0.2
                      and text.glyphs[-1].word == MARK)
        elif pick < 0.6:
            text.word(30, 30, inner=6.0, scales=(0.8, 0.8))
        elif pick < 0.7:
            text.word(34, 10, scales=(18 / 22, 18 / 22))  # as in `paragraph`, gap 2
        elif pick < 0.8:
            text.latin(rng.choice([6.0, 22.0]))
        else:
            text.mark(*rng.choice([("，", 10.0), ("·", 6.0), ("、", 20.0)]))
    return text.glyphs


def test_syllables_across_marks_take_the_room_they_need() -> None:
    """The breaker counts the room two syllables need across a narrow mark (each line is then
    full), as the setter gives it."""
    st = style(word_space=14.0, word_space_min=12.0, word_space_max=28.0)
    rng = random.Random("marks")
    for round_ in range(40):
        items = marked_paragraph(rng)
        measure = rng.choice([70.0, 96.0, 120.0, 150.0, 200.0])
        try:
            check(items, replace(st, measure=measure))
        except AssertionError as error:
            raise AssertionError(f"round {round_}, measure {measure}: {error}") from error


@pytest.mark.parametrize("name", list(STYLES))
def test_random_paragraphs_take_a_best_break_set(name: str) -> None:
    rng = random.Random(name)
    for round_ in range(40):
        st = style(**STYLES[name])
        items = paragraph(rng, st.condense, st.gap)
        measure = rng.choice([70.0, 96.0, 120.0, 150.0, 200.0])
        try:
            check(items, replace(st, measure=measure))
        except AssertionError as error:
            raise AssertionError(f"round {round_}, measure {measure}: {error}") from error


def test_two_syllables_at_a_tight_word_boundary_condense_alike() -> None:
    """Syllables 26 px over 20 px characters in two one-character words, then a narrow one, on a
    68 px measure: 60 px of characters and two word spaces of 4 fill it exactly (a fourth word
    does not fit). The wide pair needs 26 + 2 − 20 = 8 px of word space and has 4: the
    syllables' mean width comes down by 4, each losing in proportion to what it can lose (a
    fifth of its width, so alike), to 22 px: scales 22/26, nothing left to give back."""
    items = Text().word(26).word(26).word(10).word(10).glyphs
    first, last = break_lines(items, style(measure=68.0))
    assert len(first.glyphs) == 3 and first.word_space == 4.0
    assert first.scales == pytest.approx([22 / 26, 22 / 26, 1.0], abs=1e-9)
    # on the last line (word space 6 if it fits) the first gets back all it lost, the second
    # what is left: 20 + 6 between centres, less 2, twice, less the first's 26
    [alone] = break_lines(Text().word(26).word(26).glyphs, style(measure=68.0))
    assert alone.word_space == 6.0
    assert alone.scales == pytest.approx([1.0, (2 * (26 - 2) - 26) / 26], abs=1e-9)


def test_a_heading_spreads_its_slack_over_its_lines() -> None:
    """Unjustified, 100 px: six one-character words (20 px), Latin words of 30, 62 and 70 px, a
    last character. 4 | 2 + 30 | 62 | 70 + 1 leaves 8, 22 and 38 px on the first three lines:
    0.4² + 1.1² + 1.9² = 4.98 (in ems, squared); 3 | 3 | 30 + 62 | 70 + 1 leaves 32, 32 and
    4 px: 1.6² × 2 + 0.2² = 5.16, worse (though its worst line is less bad: cubes would
    choose it)."""
    items = Text()
    for _ in range(6):
        items.word(10)
    items.latin(30).latin(62).latin(70).word(10)
    assert widths(check(items.glyphs, style(measure=100.0, justify=False))) == [4, 3, 1, 2]


def test_every_word_space_past_the_widest_counts() -> None:
    """Justified, 120 px: 字 ab 字 字 | ab ab | ab (Latin 20, 60, 30, 30 px). The first line:
    80 px and three word spaces of 4 + 28/3 = 13.3 px (100 × (7.3/20)² = 13.4); the second:
    90 px and one word space of 30 (100 × (24/20)² = 144, plus 100 × (14/20)² = 49 past the
    widest 16): 206.4. The other way, 字 ab 字 | 字 ab ab | ab: two word spaces of 30
    (144 + 2 × 49 = 242) then one of 5 (0.25): 242.25. (Counting the excess once per line,
    not per word space, would choose that.)"""
    items = Text().word(10).latin(20).word(10).word(10).latin(60).latin(30).latin(30)
    assert widths(check(items.glyphs, style(measure=120.0))) == [4, 2, 1]


def test_a_split_word_gets_its_syllables_back() -> None:
    """A word of two characters (syllables 30 px at 80 % over an inner gap of 6) on a 30 px
    measure: it cannot fit (46 px), so it is split (3000 + 100 × (10/20)² for the first line,
    less than any overflow); alone on its line each syllable has room to be drawn whole."""
    items = Text().word(30, 30, inner=6.0, scales=(0.8, 0.8)).glyphs
    first, last = break_lines(items, style(measure=30.0))
    assert (first.scales, last.scales) == ([1.0], [1.0])
    assert first.x == [0.0] and last.x == [0.0]


def test_a_last_line_takes_the_best_word_space_only_if_it_fits() -> None:
    """Four one-character words on 94 px: one last line of 80 px and three word spaces, which
    can be 4 + 2/3, not the best 6 (that would need 98)."""
    items = Text().word(10).word(10).word(10).word(10).glyphs
    [line] = break_lines(items, style(measure=94.0))
    assert line.word_space == pytest.approx(4 + 2 / 3)
    assert line.x == pytest.approx([0.0, 24 + 2 / 3, 49 + 1 / 3, 74.0])


def test_a_justified_line_takes_up_even_half_a_pixel() -> None:
    """Five one-character words on 92.5 px: four fill the first line but for 0.5 px, which go
    into its three word spaces; its last character ends at 92.5."""
    items = Text().word(10).word(10).word(10).word(10).word(10).glyphs
    first, _ = break_lines(items, style(measure=92.5))
    assert len(first.glyphs) == 4
    assert first.x[-1] + 20.0 == pytest.approx(92.5, abs=1e-9)
    assert first.word_space == pytest.approx(4 + 0.5 / 3, abs=1e-9)


def test_a_latin_word_is_never_split_even_past_the_measure() -> None:
    """A Latin word written in two runs ("Wi" "Fi": one word, no space) wider than the measure
    stays whole on its line: no break between letters."""
    items = Text().word(10).latin(60).glued_latin(60).word(10).glyphs
    lines = break_lines(items, style(measure=100.0))
    assert [[g.text for g in line.glyphs] for line in lines] == [["字"], ["ab", "cd"], ["字"]]


# ---- lines that fit to the pixel: the breaker must count every px the setter will set ------

def test_a_line_that_fits_exactly_is_one_line() -> None:
    """Each paragraph below is exactly as wide as its measure when set by the rules (its width
    worked out by hand), so it is one (last) line; counting any px more would break it, any
    px less would not be seen here but in the next test."""
    # a space before an aside's Latin word after a mark is the aside face's space (16 px sans):
    # 20 + 20 + space + 30 + a word space of 4 + 20
    em_space = Text().word(10).mark("，").latin(30, space_before=True, css="em").word(10).glyphs
    # a narrow Latin word (6 px) beside a wide syllable asks no more than the least word space
    # (2, gap 3): the syllable has no neighbour above the Latin word. 20 + 6 + 20 + 20 + 3 × 2
    narrow = Text().word(34).latin(6).word(10).word(10).glyphs
    for items, measure, st in ((em_space, 94 + SPACE["em"], style()),
                               (narrow, 72.0, style(gap=3.0, word_space=4.0, word_space_min=2.0))):
        assert len(check(items, replace(st, measure=measure))) == 1
        assert len(check(items, replace(st, measure=measure - 0.5))) == 2


def test_room_across_a_mark_is_counted_before_breaking() -> None:
    """字(10) 字(34) · 字(34): 20 + 4 + 20 + 6 = 50 px to the last character, whose syllable must
    stand 2 px from the one before: centres 10 + 6 + 10 = 26 apart, 17 + 17 + 2 = 36 needed,
    10 px more: 80 px. On 80 px it is one line, on 79.5 it is not."""
    items = Text().word(10).word(34).mark("·", width=6.0).word(34).glyphs
    [line] = check(items, style(measure=80.0))
    assert len(check(items, style(measure=79.5))) == 2


def test_room_across_marks_counts_condensed_syllables_at_their_width() -> None:
    """Across a half-width comma (10 px): a word's last syllable condensed to 24 px (30 at 80 %)
    and a 34 px one: 12 + 17 + 2 = 31 needed over 10 + 10 + 10 = 30, so 1 px more; across a
    middle dot (6 px) a 34 px syllable and one condensed to 27.82 (34 × 18/22): 17 + 13.91 + 2
    over 26: 6.91 px more. Every measure sets them so (the model counts the same)."""
    items = (Text().word(30, 30, inner=6.0, scales=(0.8, 0.8)).mark("，", width=10.0).word(34)
             .mark("·", width=6.0).word(34, 10, scales=(18 / 22, 18 / 22)).mark("。").word(10).glyphs)
    st = style(word_space=14.0, word_space_min=12.0, word_space_max=28.0)
    check(items, replace(st, measure=300.0))
    [line] = break_lines(items, replace(st, measure=300.0))
    assert line.x[3] - line.x[2] == pytest.approx(10 + 1, abs=1e-9)
    assert line.x[5] - line.x[4] == pytest.approx(6 + 17 + 34 * 9 / 11 / 2 + 2 - 26, abs=1e-9)
    for measure in range(60, 200, 5):
        check(items, replace(st, measure=float(measure)))


def test_a_small_inner_gap_still_keeps_the_word_space_wider() -> None:
    """Gap 3 px: 34 and 10 px syllables at 80 % (27.2 and 8) need a pitch of 17.6 + 3 = 20.6,
    an inner gap of 0.6 px; the line's word space must then be at least 0.6 + 3 (the margin,
    max(2 / 2, 3)) = 3.6, more than the best word space 3 of this style: the last line takes 3.6."""
    items = Text().word(34, 10, inner=0.6, scales=(0.8, 0.8)).word(10).glyphs
    st = style(gap=3.0, word_space=3.0, word_space_min=2.0, measure=100.0)
    [line] = break_lines(items, st)
    assert line.word_space == pytest.approx(3.6, abs=1e-9)
    assert line.x == pytest.approx([0.0, 20.6, 44.2], abs=1e-9)
    check(items, st)
