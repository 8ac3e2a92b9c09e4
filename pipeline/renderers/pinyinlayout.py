"""Lines of Chinese with pinyin centred over every character, set here rather than by WeasyPrint.

WeasyPrint cannot lay out <ruby> (its issue #406), and the usual stand-in, one inline-block per
character, costs about 2 ms a character and leaves uneven gaps. So this module breaks and
justifies the lines itself, from the fonts' own advance widths (the glyphs, measured and shaped
into words, come from `pinyinglyphs`); `pinyinrows` hands each line to WeasyPrint as two
preformatted rows.

Word shapes. For a learner a gap says "new word", so spacing follows the words of the pinyin
pass, as graded readers set them:
- inside a word the characters keep one even pitch. Where two syllables are wider than their
  characters, the word's syllables are first condensed (down to `Style.condense`, 80 %: the
  narrowest a syllable stays easy to read) and only what is still missing widens the pitch of
  the whole word; `condense = 1` widens the pitch only ("spread"). Both were measured on both
  titles (`benchmarks/word_shapes.py`): condensing leaves 97 % of words at the body pitch and
  the word spaces far steadier, so it is the default;
- between words one word space per line, at least `Style.word_space` and always wider than the
  widest gap inside a word on that line; a justified line's slack goes into its word spaces
  (up to `Style.word_space_max`, past which it is spread over every gap, which keeps each
  word's pitch even);
- two syllables never come closer than `Style.gap`: at a word boundary the two syllables are
  condensed first, then the line's word space grows.

Rules kept from the print edition:
- no line starts with closing punctuation or ends with opening punctuation: those marks are
  glued to their neighbour, as are "……" and "——";
- a word's characters stay on one line, each with its syllable; a word is split (between two
  characters, never between a character and its syllable) only where every other break
  leaves a hole (`SPLIT_PENALTY`);
- Latin words keep their own letter fit; adjacent full-width marks are set half-width (`halt`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.renderers.cjktype import needs_space
from pipeline.renderers.pinyinglyphs import MARK, UNBROKEN_PAIRS, Glyph, Style
from pipeline.renderers.wordshape import condense_pair

# How two neighbours on a line are spaced.
IN_WORD, WORD_SPACE, BESIDE_MARK = "in", "word", "mark"


@dataclass
class Line:
    glyphs: list[Glyph] = field(default_factory=list)
    x: list[float] = field(default_factory=list)  # left edge of each glyph, px from the measure's start
    scales: list[float] = field(default_factory=list)  # each syllable's horizontal scale
    word_space: float = 0.0  # px between two words on this line


def clearance(a: Glyph, b: Glyph, scale_a: float, scale_b: float, style: Style) -> float:
    """Least px between neighbouring characters `a` and `b` for their syllables to stay `gap` apart."""
    return (a.syllable_width * scale_a + b.syllable_width * scale_b) / 2 + style.gap - (a.width + b.width) / 2


def _narrowest(glyph: Glyph, condense: float) -> float:
    """How narrow a syllable may be condensed (px)."""
    return glyph.syllable_width * condense


def kind(a: Glyph, b: Glyph) -> str:
    """How `a` and `b`, neighbours on a line, are spaced."""
    if a.word == MARK or b.word == MARK:
        return BESIDE_MARK
    return IN_WORD if a.word == b.word else WORD_SPACE


class _LineState:
    """A line being set, one glyph at a time: its fixed gaps, the number of word spaces and the
    least word space the line needs so far (it only grows), so that its natural width is known
    after each glyph."""

    def __init__(self, style: Style, start: float) -> None:
        self.style = style
        self.glyphs: list[Glyph] = []
        self.gaps: list[float] = []  # fixed px before each glyph but the first (word spaces: 0)
        self.kinds: list[str] = []
        self.scales: list[float] = []
        self.fixed = start  # px of everything but the word spaces
        self.spaces = 0
        self.word_space = style.word_space_min
        self._syllable: tuple[int, float, int] | None = None  # last syllable: index, fixed px and spaces to its centre

    @property
    def width(self) -> float:
        return self.fixed + self.spaces * self.word_space

    def add(self, glyph: Glyph) -> None:
        style = self.style
        scale = glyph.scale
        if self.glyphs:
            before = self.glyphs[-1]
            how = kind(before, glyph)
            gap = 0.0
            if how == IN_WORD:
                gap = before.inner
                if gap > 0:
                    self.word_space = max(self.word_space, gap + style.word_margin)
            elif how == WORD_SPACE:
                self.spaces += 1
                if before.syllable and glyph.syllable:
                    scale = self._boundary(before, glyph)
            elif glyph.space_before:
                gap = style.face(glyph.css).width(" ")
            elif needs_space(before.text[-1], glyph.text[0]):
                gap = style.text.size_px / 4
            self.kinds.append(how)
            self.gaps.append(gap)
            self.fixed += gap
            if glyph.syllable and self._syllable is not None and self._syllable[0] < len(self.glyphs) - 1:
                self._clear_across(glyph, scale)
        if glyph.syllable:
            self._syllable = (len(self.glyphs), self.fixed + glyph.width / 2, self.spaces)
        self.glyphs.append(glyph)
        self.scales.append(scale)
        self.fixed += glyph.width

    def _boundary(self, a: Glyph, b: Glyph) -> float:
        """Two words meet: condense their syllables as far as the word space needs (never below
        `condense`), then widen the line's word space for what is still missing. Returns b's scale."""
        style = self.style
        scale_a = self.scales[-1]
        need = clearance(a, b, scale_a, b.scale, style)
        if need <= self.word_space:
            return b.scale
        width_a, width_b = a.syllable_width * scale_a, b.syllable_width * b.scale
        width_a, width_b = condense_pair(
            width_a, width_b, max(0.0, width_a - _narrowest(a, style.condense)),
            max(0.0, width_b - _narrowest(b, style.condense)), need - self.word_space)
        scale_a = width_a / a.syllable_width
        scale_b = width_b / b.syllable_width
        self.scales[-1] = scale_a
        self.word_space = max(self.word_space, clearance(a, b, scale_a, scale_b, style))
        return scale_b

    def _clear_across(self, glyph: Glyph, scale: float) -> None:
        """Syllables with marks or a Latin word between them: widen the last gap if they would
        come closer than `gap`."""
        assert self._syllable is not None
        index, fixed, spaces = self._syllable
        distance = self.fixed + glyph.width / 2 - fixed + (self.spaces - spaces) * self.word_space
        last = self.glyphs[index]
        extra = _room_across(last.syllable_width * self.scales[index] / 2, glyph.syllable_width * scale / 2,
                             distance, self.style)
        self.gaps[-1] += extra
        self.fixed += extra


def _room_across(before: float, after: float, distance: float, style: Style) -> float:
    """The px to add between two syllables with marks or a Latin word between them, whose
    pinyin is `before` and `after` wide on either side of its centre and whose centres stand
    `distance` apart, so that the pinyin stays `gap` apart (the setter and the breaker agree)."""
    return max(0.0, before + after + style.gap - distance)


SPLIT_PENALTY = 3000.0  # a word split across lines costs more than a line whose word spaces are 5 ems too wide
LOOSE = 100.0  # the cost of a line whose word spaces are one em wider than the least
OVERFULL = 1e7  # a line past the measure costs more than any split word or loose line


def _neighbours(items: list[Glyph], style: Style) -> list[tuple[str, float, float]]:
    """For each glyph after the first: how it is spaced from the one before, the fixed px
    between them, and the least word space that pair asks of its line. The same rules as
    `_LineState`, with syllables at a word boundary condensed as far as they may go: what the
    line breaker needs to know a line's width without setting it."""
    result = []
    for index in range(1, len(items)):
        a, b = items[index - 1], items[index]
        how = kind(a, b)
        gap, need = 0.0, style.word_space_min
        if how == IN_WORD:
            gap = a.inner
            if gap > 0:
                need = gap + style.word_margin
        elif how == WORD_SPACE:
            if a.syllable and b.syllable:
                need = max(need, clearance(a, b, style.condense, style.condense, style))
        elif b.space_before:
            gap = style.face(b.css).width(" ")
        elif needs_space(a.text[-1], b.text[0]):
            gap = style.text.size_px / 4
        result.append((how, gap, need))
    return result


def break_lines(items: list[Glyph], style: Style) -> list[Line]:
    """Lines chosen for the whole paragraph at once (as TeX does): of all ways to break it, the
    one whose justified lines have word spaces nearest the least word space, splitting a word
    only where every other way leaves a hole. The last line is set at the least word space."""
    count = len(items)
    if not count:
        return []
    pairs = _neighbours(items, style)
    em = style.text.size_px
    starts = [i for i in range(1, count) if items[i].breakable]
    inner = {i for i in range(1, count)
             if not items[i].breakable and items[i].syllable and items[i - 1].syllable
             and kind(items[i - 1], items[i]) == IN_WORD}
    ends = set(starts) | inner | {count}
    best: dict[int, float] = {0: 0.0}
    previous: dict[int, int] = {}
    for start in [0, *sorted(set(starts) | inner)]:
        if start not in best:
            continue
        fixed = style.indent if start == 0 else 0.0
        spaces, least, reached = 0, style.word_space_min, False
        syllable: tuple[int, float, int, float] | None = None  # last one: index, centre, spaces, half width
        for end in range(start + 1, count + 1):
            glyph = items[end - 1]
            if end - 1 > start:
                how, gap, need = pairs[end - 2]
                fixed += gap
                spaces += how == WORD_SPACE
                least = max(least, need)
            if glyph.syllable:
                if syllable is not None and syllable[0] < end - 2:  # marks between
                    distance = fixed + glyph.width / 2 - syllable[1] + (spaces - syllable[2]) * least
                    fixed += _room_across(syllable[3], glyph.syllable_width * glyph.scale / 2, distance, style)
                syllable = (end - 1, fixed + glyph.width / 2, spaces, glyph.syllable_width * glyph.scale / 2)
            fixed += glyph.width
            width = fixed + spaces * least
            if width > style.measure + 0.01 and reached:
                break
            if end not in ends:
                continue
            reached = True
            cost = best[start] + _cost(style.measure - width, spaces, least, end == count, style, em)
            if end in inner:
                cost += SPLIT_PENALTY
            if cost < best.get(end, float("inf")):
                best[end], previous[end] = cost, start
    cuts = [count]
    while cuts[-1]:
        cuts.append(previous[cuts[-1]])
    cuts.reverse()
    return [_place(items[a:b], style, first=a == 0, last=b == count) for a, b in zip(cuts, cuts[1:])]


def _cost(slack: float, spaces: int, least: float, last: bool, style: Style, em: float) -> float:
    """How far a line's spacing departs from the least: its word spaces widened to take up its
    slack (more if past the widest word space, when the rest widens every gap), or, with no
    word spaces, its whole slack. A line past the measure costs more than any other choice (a
    split word, a line however loose), so it is set only where nothing else fits; a last line
    costs nothing unless it overflows; an
    unjustified line (a heading) costs its slack, so that its lines come out even."""
    if slack < -0.01:  # past the right margin: only where a piece is wider than the measure
        return OVERFULL + LOOSE * 100 * (slack / em) ** 2
    if last:
        return 0.0
    if not style.justify:
        return (slack / em) ** 2
    if not spaces:
        return LOOSE * (slack / em) ** 2
    widened = slack / spaces
    cost = LOOSE * ((least + widened - max(least, style.word_space)) / em) ** 2
    ceiling = max(style.word_space_max, least) if style.word_space_max else 0.0
    if ceiling and least + widened > ceiling:
        cost += LOOSE * ((least + widened - ceiling) / em) ** 2 * spaces
    return cost


def _place(line: list[Glyph], style: Style, first: bool, last: bool) -> Line:
    """Positions for a line: a last (or unjustified) line at the best word space if it fits,
    a justified one with its slack in the word spaces (past the widest, in every gap)."""
    state = _LineState(style, style.indent if first else 0.0)
    for glyph in line:
        state.add(glyph)
    gaps = list(state.gaps)
    word_space = state.word_space
    slack = style.measure - state.width
    spaces = state.spaces
    if spaces and (last or not style.justify):
        word_space = min(max(word_space, style.word_space), word_space + max(0.0, slack) / spaces)
    elif style.justify and not last and slack > 0:
        spread = 0.0
        if spaces:
            word_space += slack / spaces
            if style.word_space_max and word_space > max(style.word_space_max, state.word_space):
                ceiling = max(style.word_space_max, state.word_space)
                spread = (word_space - ceiling) * spaces
                word_space = ceiling
        else:
            spread = slack
        stretchable = [i for i, (a, b) in enumerate(zip(line, line[1:]))
                       if (a.text, b.text) not in UNBROKEN_PAIRS and not _one_latin_word(a, b)]
        if spread and stretchable:
            for i in stretchable:
                gaps[i] += spread / len(stretchable)
    x = style.indent if first else 0.0
    positions = []
    for i, glyph in enumerate(line):
        if i:
            x += gaps[i - 1] + (word_space if state.kinds[i - 1] == WORD_SPACE else 0.0)
        positions.append(x)
        x += glyph.width
    return Line(line, positions, _widen(line, positions, state.scales, style), word_space)


def _one_latin_word(a: Glyph, b: Glyph) -> bool:
    """Two pieces of one Latin word or address: never spaced apart (a line of nothing else is
    left ragged rather than gapped)."""
    return a.syllable is None and b.syllable is None and kind(a, b) == IN_WORD


def _widen(line: list[Glyph], x: list[float], scales: list[float], style: Style) -> list[float]:
    """Give condensed syllables back what the justified line allows (never past their own width),
    and condense a syllable at a line's end that would reach past the text block (`Style.edge`:
    before, `zhāng` over a line's last 张 hung 1.8 pt into the margin, `chuāng` 2.4 pt)."""
    marked = [i for i, glyph in enumerate(line) if glyph.syllable]

    def inside(i: int) -> float:  # (the widest scale that keeps syllable i inside the text block)
        centre = x[i] + line[i].width / 2
        return 2 * min(centre + style.edge, style.measure + style.edge - centre) / line[i].syllable_width

    result = [min(scale, max(inside(i), style.condense)) if line[i].syllable else scale
              for i, scale in enumerate(scales)]
    for n, i in enumerate(marked):
        if result[i] >= 1.0:
            continue
        glyph = line[i]
        room = [1.0, inside(i)]
        for j in (marked[n - 1] if n else None, marked[n + 1] if n + 1 < len(marked) else None):
            if j is None:
                continue
            other = line[j]
            distance = abs((x[j] + other.width / 2) - (x[i] + glyph.width / 2))
            room.append((2 * (distance - style.gap) - other.syllable_width * result[j]) / glyph.syllable_width)
        result[i] = max(result[i], min(room))
    return result
