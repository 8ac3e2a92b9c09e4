"""What the learner PDF's line layout sets: glyphs (a Han character with its syllable, a mark, a
Latin word or a piece of one) measured from the fonts' own advance widths, glued where a line may
not break, and shaped into words of one even pitch (`wordshape`). `pinyinlayout` breaks and
places them; this module knows nothing of lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from pipeline.pinyin_syllables import is_han
from pipeline.renderers.cjktype import CLOSING, OPENING, held_to_figure, is_latin
from pipeline.renderers.wordshape import shape_word

PX = 4 / 3  # CSS px per point
PANGO_UNITS = 1024  # Pango's units per px; glyph advances are whole units
GLUE_AFTER = OPENING | {"@"}  # no break after these
GLUE_BEFORE = CLOSING | set("？！…—·%")  # no break before these
FULL_WIDTH_PUNCTUATION = CLOSING | OPENING | set("？！…—·")
UNBROKEN_PAIRS = {("…", "…"), ("—", "—")}  # never stretched apart
MARK = -1  # the word number of a mark: punctuation belongs to no word


@dataclass(frozen=True)
class Face:
    """A font at a size; widths come from the font file's advance widths."""

    path: Path
    size_px: float

    def width(self, text: str) -> float:
        """Advance width in px, as Pango has it: each glyph rounded to 1/1024 px."""
        return _width(self.path, self.size_px, text)


@lru_cache(maxsize=65536)
def _width(path: Path, size_px: float, text: str) -> float:
    advances, units = _metrics(path)
    scale = size_px * PANGO_UNITS / units
    return sum(round(advances.get(ord(c), units) * scale) for c in text) / PANGO_UNITS


class _Advances:
    """Advance widths (font units) by code point, read from the font by HarfBuzz as they are
    asked for: a title uses a thousand or two of the font's 65,000 glyphs, and fontTools would
    decompile all of them (0.1–0.3 s a face)."""

    def __init__(self, path: Path) -> None:
        import uharfbuzz as hb

        self._font = hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))
        self._known: dict[int, int | None] = {}

    def get(self, code: int, default: int) -> int:
        if code not in self._known:
            glyph = self._font.get_nominal_glyph(code)
            self._known[code] = None if glyph is None else self._font.get_glyph_h_advance(glyph)
        found = self._known[code]
        return default if found is None else found


@lru_cache(maxsize=8)
def _metrics(path: Path) -> tuple[_Advances, int]:
    advances = _Advances(path)
    return advances, advances._font.face.upem


@dataclass(frozen=True)
class Glyph:
    """One thing on a line: a Han character with its syllable, a mark, or a Latin word."""

    text: str
    css: str = ""  # the class of the run it comes from ("aside", "em", ""); "halt" for half-width marks
    syllable: str | None = None
    space_before: bool = False  # a space in the text before it (a break opportunity)
    breakable: bool = True  # may a line start with it?
    width: float = 0.0
    syllable_width: float = 0.0
    word: int = MARK  # which word it belongs to (a number per word of the text); MARK for punctuation
    inner: float = 0.0  # px from it to the next character of its word: the word's pitch less a character
    scale: float = 1.0  # its syllable's horizontal scale in its word (below 1: condensed)
    href: str | None = None  # the address it links to, if it is (part of) a link's text
    lang: str | None = None  # its language, where the source marks another ([Night Owl]{lang=en})


@dataclass(frozen=True)
class Style:
    """The faces and sizes one kind of text is set in (running text, a heading, a label)."""

    text: Face
    other: Face  # for asides and emphasis
    pinyin: Face
    gap: float  # least px between two syllables
    measure: float  # px
    indent: float = 0.0  # px, first line
    justify: bool = True
    word_space: float = 0.0  # px between two words, as a line is best set (and a last line is)
    word_space_min: float = 0.0  # least px between two words (a tight line)
    word_space_max: float = 0.0  # most px a justified line puts between two words (0: no limit)
    condense: float = 1.0  # narrowest horizontal scale of a syllable (1: never condensed)
    # px kept free at each end of the measure (which is the Han's, without them), where a syllable
    # wider than its character, condensed as far as it goes, may reach and no further
    edge: float = float("inf")  # (inf: a syllable may hang past the measure as far as it is wide)

    def face(self, css: str) -> Face:
        return self.other if css in ("aside", "em") else self.text

    @property
    def word_margin(self) -> float:
        """How much wider a word space is than the widest gap inside a word on its line."""
        return max(self.word_space_min / 2, self.gap)


def is_word_text(text: str) -> bool:
    """Letters, digits or Han: a word, or part of one. Anything else is a mark."""
    return any(c.isalnum() or is_han(c) for c in text)


def glyphs(runs: Iterable[tuple], style: Style) -> list[Glyph]:
    """Glyphs from runs of (text, css class, words), optionally followed by href and lang, where
    words are (text, syllables or None): the words of the pinyin pass, each numbered so that the
    layout knows where one ends. A run's href (a link's address) and lang ride on each of its
    glyphs."""
    out: list[Glyph] = []
    space = False
    word = 0

    def add_latin(text: str, css: str, space_before: bool, href: str | None) -> None:  # (lang: the run's)
        nonlocal word
        previous = out[-1] if out else None
        glued = (not space_before and previous is not None and previous.word != MARK
                 and previous.syllable is None and is_latin(previous.text[-1]) and is_latin(text[0]))
        if not glued:
            word += 1
        out.append(Glyph(text, css, None, space_before, word=word if is_word_text(text) else MARK, href=href,
                         lang=lang))

    lang: str | None = None
    for _text, css, words, *extra in runs:
        href = extra[0] if extra else None
        lang = extra[1] if len(extra) > 1 else None
        for text, syllables in words:
            if syllables is not None:
                han = iter(syllables)
                word += 1
                every = len(text) == len(syllables)  # (one syllable a character: 〇 líng too, as ruby.py reads it)
                for index, char in enumerate(text):
                    syllable = next(han, None) if every or is_han(char) else None
                    number = word if is_word_text(char) else MARK
                    out.append(Glyph(char, css, syllable, space, breakable=index == 0, word=number, href=href,
                                     lang=lang))
                    space = False
                continue
            latin = ""
            for char in text:
                if char.isspace():
                    if latin:
                        add_latin(latin, css, space, href)
                        latin, space = "", False
                    space = True
                elif char in FULL_WIDTH_PUNCTUATION or is_han(char):
                    if latin:
                        add_latin(latin, css, space, href)
                        latin, space = "", False
                    word += 1
                    out.append(Glyph(char, css, None, space, word=word if is_han(char) else MARK, href=href,
                                     lang=lang))
                    space = False
                else:
                    latin += char
            if latin:
                add_latin(latin, css, space, href)
                space = False
    return _shape_words(_split_long(_measure(_glue(out), style), style), style)


# Where a web or mail address may break, as print breaks it: after a slash, a query's marks, a dot
# or an at sign (never inside the scheme's '//'); a word still wider than the line breaks anywhere.
_ADDRESS = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|www\.|[^@\s]+@[^@\s]+\.)")
_ADDRESS_BREAK = re.compile(r"(?<=[/?&=#.@])(?![/?&=#.@])")


def _split_long(items: list[Glyph], style: Style) -> list[Glyph]:
    """A Latin word too long for a line, or any web address, in pieces a line may break between
    (without this, a long address ran off the page and its end was lost)."""
    out = []
    for glyph in items:
        if glyph.syllable is not None or not (glyph.width > style.measure - 2 * style.text.size_px
                                              or _ADDRESS.match(glyph.text)):
            out.append(glyph)
            continue
        face = style.face(glyph.css)
        room = max(style.measure - 2 * style.text.size_px, style.text.size_px)  # (a mark glued on either side)
        pieces = [piece for piece in _ADDRESS_BREAK.split(glyph.text) if piece] if _ADDRESS.match(glyph.text) else [glyph.text]
        first = True
        for piece in pieces:
            for part in _fitting(piece, face, room):
                out.append(replace(glyph, text=part, width=face.width(part), breakable=glyph.breakable if first else True,
                                   space_before=glyph.space_before and first))
                first = False
    return out


def _fitting(text: str, face: Face, measure: float) -> list[str]:
    """`text` cut, character by character, into parts no wider than `measure` (at least one
    character each)."""
    parts, current = [], ""
    for char in text:
        if current and face.width(current + char) > measure:
            parts.append(current)
            current = ""
        current += char
    return [*parts, current] if current else parts


def _glue(items: list[Glyph]) -> list[Glyph]:
    """Mark where a line may not start, and the marks set half-width."""
    out = []
    for i, glyph in enumerate(items):
        before = items[i - 1].text[-1] if i else ""
        after = items[i + 1].text[0] if i + 1 < len(items) else ""
        breakable = glyph.breakable and not (
            glyph.text[0] in GLUE_BEFORE or before in GLUE_AFTER
            or (is_latin(before) and is_latin(glyph.text[0]) and not glyph.space_before)
            or (not glyph.space_before and held_to_figure(before, glyph.text))
        )
        halt = (glyph.text in CLOSING and (after in CLOSING or after in OPENING)) or (
            glyph.text in OPENING and before in OPENING)
        out.append(replace(glyph, breakable=breakable or glyph.space_before and not glyph.text[0] in GLUE_BEFORE,
                           css="halt" if halt and not glyph.css else glyph.css))
    return out


def _measure(items: list[Glyph], style: Style) -> list[Glyph]:
    """Widths from the fonts; full-width marks are one em (in Chinese text the fonts' `locl`
    feature swaps the proportional em dash, 0.89 em, for a full-width one), half when halved."""
    out = []
    for glyph in items:
        face = style.face(glyph.css)
        if glyph.css == "halt":
            width = face.size_px / 2
        elif glyph.text in FULL_WIDTH_PUNCTUATION and glyph.text != "·":
            width = face.size_px
        else:
            width = face.width(glyph.text)
        syllable_width = style.pinyin.width(glyph.syllable) if glyph.syllable else 0.0
        out.append(replace(glyph, width=width, syllable_width=syllable_width))
    return out


def _shape_words(items: list[Glyph], style: Style) -> list[Glyph]:
    """Each word's even pitch (as `inner`, the gap between its characters) and its syllables'
    scales (`wordshape`); how two words meet is left to the line."""
    out = list(items)
    start = 0
    while start < len(out):
        end = start + 1
        while end < len(out) and out[end].word == out[start].word != MARK:
            end += 1
        if end - start > 1 and out[start].syllable:
            word = out[start:end]
            shape = shape_word([g.width for g in word], [g.syllable_width for g in word], style.gap, style.condense)
            for offset, glyph in enumerate(word):
                out[start + offset] = replace(glyph, inner=shape.inner if offset < len(word) - 1 else 0.0,
                                              scale=shape.scales[offset])
        start = end
    return out
