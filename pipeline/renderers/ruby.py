"""Pinyin over Han characters as HTML `<ruby>`, for the learner editions.

Shared by every HTML-based learner edition; takes the tokens of the pinyin pass
(`pipeline/passes/pinyin.py`) and returns escaped inline HTML.

Word shapes: a browser makes each ruby as wide as the wider of its character and its syllable,
which opens gaps inside words wherever a syllable is long. So every syllable sits in a box of
its word's width (`<rt><span>`, an inline flex box that centres the syllable even when it is
wider): the ruby is then exactly that wide, and the characters of a word keep one pitch. The
pitch and each syllable's condensing come from `wordshape`, measured with the embedded pinyin
face (`RubyStyle`); the word's box widths and scales are written on the syllables that need
them (an inline style), everything else is in `epub-learner.css`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Protocol

from pipeline.pinyin_syllables import is_han
from pipeline.passes.pinyin.segmentation import FIGURE_RUN
from pipeline.renderers.cjktype import held_to_figure, long_runs
from pipeline.renderers.wordshape import Shape, shape_word


class Reading(Protocol):
    """A token of the pinyin pass: a word, and one syllable per Han character in it (None: no Han)."""

    text: str
    pinyin: tuple[str, ...] | None


# The tone marks as Unicode writes them when decomposed (NFD): any vowel, capital or not, and
# ḿ, ń, ň, ǹ, ê̄ …; ü's diaeresis and ê's circumflex are not tone marks.
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
# Marks that must not begin a line stay with the word before; opening marks with the word after.
CLOSING = "，。、；：？！）》」』”’…—·%,.;:?!)]}"
OPENING = "（《「『“‘([{"
LATIN_WORD = re.compile(r"^[^\W_]+(?:[.'’\-+_/][^\W_]+)*$")  # AI, GPT-4, 3.5, Wi-Fi (Han excluded below)
# A web or mail address or a handle is one word too (the pinyin pass keeps each whole): it takes
# its word space and its closing marks like any word, rather than running into the next word.
ADDRESS = re.compile(r"^(?:(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)\S+"  # web
                     r"|[A-Za-z0-9_.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"  # mail
                     r"|@[A-Za-z0-9_.-]+)$")  # a handle


def tone(syllable: str) -> int:
    """1–4 from the tone mark (or a tone number, "lü4"), 5 for the neutral tone."""
    for char in unicodedata.normalize("NFD", syllable):
        if char in _TONE_MARKS:
            return _TONE_MARKS[char]
    digit = syllable.strip()[-1:]
    return int(digit) if digit in ("1", "2", "3", "4", "5") else 5


@dataclass(frozen=True)
class RubyStyle:
    """What the word shapes need, in ems of the base text: the pinyin face at the syllables'
    size, the least space between two syllables, the word space and how far a syllable may be
    condensed. A syllable at a word's edge may reach past its character by at most half the
    word space less half the gap, so that neighbouring words never collide, wherever the lines
    break."""

    pinyin_font: Path
    size: float  # the syllables' size (em of the base)
    gap: float
    word_space: float
    condense: float

    def width(self, syllable: str) -> float:
        from pipeline.renderers.pinyinglyphs import Face

        return Face(self.pinyin_font, self.size).width(syllable)

    def shape(self, chars: list[str], syllables: list[str | None]) -> Shape:
        widths = [1.0] * len(chars)  # every Han character is one em wide
        return shape_word(widths, [self.width(s) if s else 0.0 for s in syllables], self.gap, self.condense,
                          edge=(self.word_space - self.gap) / 2)


def _syllable(syllable: str, box: float | None, scale: float, style: RubyStyle | None) -> str:
    """The syllable in its box: a width (in the syllable's own ems) where its word is wider than
    one character, a horizontal scale where it is condensed."""
    if style is None:
        return escape(syllable)
    rules = []
    if box is not None:
        rules.append(f"width:{box / style.size:.3f}em")
    if scale < 0.995:
        rules.append(f"transform:scaleX({int(scale * 100) / 100:.2f})")
    attribute = f' style="{";".join(rules)}"' if rules else ""
    return f"<span{attribute}>{escape(syllable)}</span>"


def ruby_word(word: str, syllables: tuple[str, ...], style: RubyStyle | None = None) -> str:
    """One <ruby> per Han character, so base and syllable stay aligned on every reader;
    `<rp>` shows 银(yín)行(háng) where ruby is not supported. The pass gives one syllable per
    character it reads; should a word hold other characters too, they stay unannotated."""
    readings = iter(syllables)
    pairs: list[tuple[str, str | None]] = []
    for char in word:
        annotated = len(word) == len(syllables) or is_han(char)
        pairs.append((char, next(readings) if annotated else None))
    shape = style.shape([c for c, _ in pairs], [s for _, s in pairs]) if style is not None else Shape(0.0, ())
    box = 1.0 + shape.inner if shape.inner > 0.0005 else None
    out = []
    for index, (char, syllable) in enumerate(pairs):
        if syllable is None:
            out.append(escape(char, quote=False))
            continue
        scale = shape.scales[index] if shape.scales else 1.0
        out.append(f'<ruby class="t{tone(syllable)}">{escape(char, quote=False)}<rp>(</rp>'
                   f'<rt>{_syllable(syllable, box, scale, style)}</rt><rp>)</rp></ruby>')
    return "".join(out)


def ruby_html(tokens: Iterable[Reading], style: RubyStyle | None = None,
              new: Callable[[Reading], bool] | None = None,
              words: dict[tuple[str, tuple[str, ...]], str] | None = None) -> str:
    """Annotated text: each word in a `<span class="w">` (a unit that never breaks across
    lines, so it also takes the marks that must not start or end a line, and is followed by the
    word space; Latin words and numbers too), each
    Han character over its syllable in tone marks, `class="tN"` for tone colours, and
    `class="w new"` on the words `new` says are above the reader's level (for the reader
    setting that shows only their pinyin).

    Browsers find no line-break opportunity between two unbreakable spans, so a `<wbr/>` marks
    each place between a word and its neighbours where a line may break.

    `words`: each word's `ruby_word` in this `style` made so far (a book's texts share most of
    their words: 的, 我们, 人工智能 …), filled here; one per book, not one per process."""
    out: list[str] = []
    words = {} if words is None else words
    word_open = False  # the last thing in `out` is a word's span, still open for closing marks
    opening = ""  # opening marks waiting for the next word

    def may_break() -> None:
        if out and not out[-1].endswith(("<wbr/>", " ")):
            out.append("<wbr/>")

    before = ""  # the text of the token before (a figure holds its unit on its line: 3月)
    for token in tokens:
        held, before = held_to_figure(before, token.text), token.text
        if token.pinyin is not None:
            if word_open:
                out.append("</span>")
            if not held:
                may_break()
            css = "w new" if new is not None and new(token) else "w"
            reading = (token.text, tuple(token.pinyin))
            found = words.get(reading)
            if found is None:
                found = words[reading] = ruby_word(token.text, token.pinyin, style)
            out.append(f'<span class="{css}">{escape(opening, quote=False)}{found}')
            word_open, opening = True, ""
            continue
        chunk = token.text
        if word_open:
            closers = len(chunk) - len(chunk.lstrip(CLOSING))
            out.append(escape(chunk[:closers], quote=False))
            chunk = chunk[closers:]
            if not chunk:
                continue  # more closing marks may follow: 银行”，
            out.append("</span>")
            may_break()
            word_open = False
        if ((LATIN_WORD.match(chunk) or ADDRESS.match(chunk) or FIGURE_RUN.fullmatch(chunk))
                and not any(is_han(c) for c in chunk)):  # a word too, with its word space (35%～40%, ¥2,350, −18℃)
            may_break()
            # (an address may break inside, where a narrow screen needs it: 'w address' in the CSS;
            # so may any run print breaks anywhere, a path, a checksum, an order number: kept
            # whole, 'e3b0c442…' of 64 characters ran off a phone's screen)
            css = "w address" if ADDRESS.match(chunk) or long_runs(chunk) else "w"
            out.append(f'<span class="{css}">{escape(opening + chunk, quote=False)}')
            word_open, opening = True, ""
            continue
        openers = len(chunk) - len(chunk.rstrip(OPENING))
        if openers < len(chunk):
            out.append(escape(opening + chunk[:len(chunk) - openers], quote=False))
            opening = ""
        opening += chunk[len(chunk) - openers:]
    out.append("</span>" if word_open else "")
    out.append(escape(opening, quote=False))
    return "".join(out)
