"""Word shapes measured on a built learner PDF: where each Han character and each syllable was
drawn (pdfminer), grouped into words by a yardstick that is not the PDF layout's own: the
words of the learner EPUB (`<span class="w">`, written by a different renderer from the pinyin
pass's tokens). Used by the tests and by benchmarks/word_shapes.py.

A "row" is one line of Han as drawn: its glyphs left to right. Within a row, two Han
characters side by side (nothing drawn between them) are either in one word (an in-word gap,
and a pitch: the distance from one's left edge to the next's) or in two (a word space)."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from pipeline.pinyin_syllables import is_han
from tests.renderers.epubtools import NS, Book
from tests.renderers.pdftools import Char, page_chars, pages

HAN_SIZE = 10.5  # pt: body text, headings and labels are larger; running heads and pinyin smaller
ROW = 0.6  # pt: glyphs on one baseline
SYLLABLE_GAP = 0.3  # pt: letters closer than this belong to one syllable
PINYIN = re.compile(r"^[a-zü\u00e0-\u01dc\u0300-\u036f]+$")
PINYIN_LINE = re.compile(r"^[a-zü\u00e0-\u01dc\u0300-\u036f][a-zü\u00e0-\u01dc\u0300-\u036f ]*$")


def body_pages(path: Path) -> list[int]:
    """The pages from the article to the vocabulary (whose list has pinyin of its own)."""
    page_list = pages(path)
    start = next(p.number for p in page_list if any(PINYIN_LINE.match(line.text.strip()) for line in p.lines))
    end = next(p.number for p in page_list if p.number > start and any("HSK" in line.text for line in p.lines))
    return list(range(start, end))


def epub_words(path: Path) -> tuple[str, list[int]]:
    """Every Han character in the learner EPUB's running text (no vocabulary lists), in reading
    order, and for each the number of the word (`span.w`) it is in."""
    book = Book.open(path)
    chars: list[str] = []
    words: list[int] = []
    number = 0
    for href in book.spine():
        if href == "nav.xhtml":
            continue
        for word in book.tree(href).iterfind(".//x:span", NS):
            if (word.get("class") or "").split()[:1] != ["w"] or word.find("x:ruby", NS) is None:
                continue  # not a word, or a Latin one
            if any("vocabulary" in (a.get("class") or "") for a in word.iterancestors()):
                continue
            number += 1
            for ruby in word.iterfind("x:ruby", NS):
                for char in ruby.text or "":
                    if is_han(char):
                        chars.append(char)
                        words.append(number)
    return "".join(chars), words


@dataclass
class Row:
    page: int
    glyphs: list[Char]  # left to right
    words: list[int] = field(default_factory=list)  # per Han glyph (in `han` order), the EPUB word

    @property
    def han(self) -> list[int]:
        """Indices of the Han glyphs."""
        return [i for i, c in enumerate(self.glyphs) if is_han(c.text)]

    @property
    def text(self) -> str:
        return "".join(self.glyphs[i].text for i in self.han)


@dataclass
class Measures:
    """What one PDF's rows show, in pt (em = the row's character width)."""

    rows: int = 0
    unmatched: list[str] = field(default_factory=list)
    word_pitches: list[tuple[str, list[float]]] = field(default_factory=list)  # (word, pitches as em)
    in_word_gaps: list[float] = field(default_factory=list)  # as em
    row_spaces: list[float] = field(default_factory=list)  # each row's least word space, as em
    word_spaces: list[float] = field(default_factory=list)  # every word space, as em
    violations: list[str] = field(default_factory=list)
    syllables: list[tuple[str, float, float]] = field(default_factory=list)  # (text, x0, x1)
    overlaps: list[str] = field(default_factory=list)


def han_rows(chars: list[Char], page: int) -> list[Row]:
    """The page's rows of Han (with the marks and Latin set among them), top to bottom."""
    big = sorted((c for c in chars if c.size >= HAN_SIZE and c.text.strip()), key=lambda c: (-c.y0, c.x0))
    rows: list[list[Char]] = []
    for char in big:
        if rows and abs(rows[-1][0].y0 - char.y0) < ROW:
            rows[-1].append(char)
        else:
            rows.append([char])
    return [Row(page, sorted(row, key=lambda c: c.x0)) for row in rows if any(is_han(c.text) for c in row)]


def syllable_runs(chars: list[Char]) -> list[list[Char]]:
    """Runs of small letters on one baseline that spell pinyin: the syllables, top to bottom,
    left to right (running heads and folios are not pinyin)."""
    small = sorted((c for c in chars if c.size < HAN_SIZE and c.text.strip() and not is_han(c.text)),
                   key=lambda c: (-round(c.y0, 1), c.x0))
    runs: list[list[Char]] = []
    for char in small:
        if runs and abs(runs[-1][-1].y0 - char.y0) < 0.5 and char.x0 - runs[-1][-1].x1 < SYLLABLE_GAP:
            runs[-1].append(char)
        else:
            runs.append([char])
    return [run for run in runs if PINYIN.match("".join(c.text for c in run))]


def measure(pdf: Path, epub: Path, pages: list[int]) -> Measures:
    """Match each row of the PDF's `pages` to the EPUB's text (in reading order) and measure."""
    stream, numbers = epub_words(epub)
    result = Measures()
    cursor = 0
    for page, chars in page_chars(pdf, pages).items():
        for run in syllable_runs(chars):
            for a, b in zip(run, run[1:]):
                if b.x0 < a.x1 - 0.05:
                    result.overlaps.append(f"page {page + 1}: letters overlap in '{''.join(c.text for c in run)}'")
        runs = syllable_runs(chars)
        for a, b in zip(runs, runs[1:]):
            if abs(a[0].y0 - b[0].y0) < 0.5 and b[0].x0 < a[-1].x1:
                result.overlaps.append(f"page {page + 1}: '{''.join(c.text for c in a)}' overlaps "
                                       f"'{''.join(c.text for c in b)}'")
        result.syllables += [("".join(c.text for c in run), run[0].x0, run[-1].x1) for run in runs]
        for row in han_rows(chars, page):
            text = row.text
            at = stream.find(text, cursor, cursor + 4000 + len(text))
            if at < 0:
                result.unmatched.append(f"page {page + 1}: {text}")
                continue
            cursor = at + len(text)
            row.words = numbers[at:at + len(text)]
            result.rows += 1
            _measure_row(row, result)
    return result


def _measure_row(row: Row, result: Measures) -> None:
    han = row.han
    word_of = dict(zip(han, row.words))
    em = statistics.median(row.glyphs[i].x1 - row.glyphs[i].x0 for i in han)
    inner: list[float] = []
    spaces: list[float] = []
    runs: list[list[int]] = []  # Han glyphs side by side in one word
    for i in han:
        if runs and runs[-1][-1] == i - 1 and word_of[i - 1] == word_of[i]:
            runs[-1].append(i)
        else:
            if runs and runs[-1][-1] == i - 1:
                spaces.append((row.glyphs[i].x0 - row.glyphs[i - 1].x1) / em)
            runs.append([i])
    for run in runs:
        if len(run) < 2:
            continue
        glyphs = [row.glyphs[i] for i in run]
        pitches = [(b.x0 - a.x0) / em for a, b in zip(glyphs, glyphs[1:])]
        inner += [(b.x0 - a.x1) / em for a, b in zip(glyphs, glyphs[1:])]
        word = "".join(g.text for g in glyphs)
        result.word_pitches.append((word, pitches))
        if max(pitches) > min(pitches) * 1.10:
            result.violations.append(f"page {row.page + 1}: pitch in {word} varies {min(pitches):.3f}–{max(pitches):.3f} em")
    result.in_word_gaps += inner
    result.word_spaces += spaces
    if spaces:
        least = min(spaces)
        result.row_spaces.append(least)
        for gap in inner:
            if gap >= least:
                result.violations.append(f"page {row.page + 1}: in-word gap {gap:.3f} em ≥ word space {least:.3f} em "
                                         f"in {row.text}")
