"""Pinyin over Han characters as HTML `<ruby>`, for the learner editions.

Shared by every HTML-based learner edition; takes the tokens of the pinyin pass
(`pipeline/passes/pinyin.py`) and returns escaped inline HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Protocol

from pipeline.pinyin_syllables import is_han


class Reading(Protocol):
    """A token of the pinyin pass: a word, and one syllable per Han character in it (None: no Han)."""

    text: str
    pinyin: tuple[str, ...] | None


_TONES = {**{c: 1 for c in "āēīōūǖ"}, **{c: 2 for c in "áéíóúǘńḿ"}, **{c: 3 for c in "ǎěǐǒǔǚň"},
          **{c: 4 for c in "àèìòùǜǹ"}}
# Marks that must not begin a line stay with the word before; opening marks with the word after.
CLOSING = "，。、；：？！）》」』”’…—·%,.;:?!)]}"
OPENING = "（《「『“‘([{"


def tone(syllable: str) -> int:
    """1–4 from the tone mark, 5 for the neutral tone."""
    return next((_TONES[c] for c in syllable if c in _TONES), 5)


def ruby_word(word: str, syllables: tuple[str, ...]) -> str:
    """One <ruby> per Han character, so base and syllable stay aligned on every reader;
    `<rp>` shows 银(yín)行(háng) where ruby is not supported. The pass gives one syllable per
    character it reads; should a word hold other characters too, they stay unannotated."""
    readings = iter(syllables)
    out = []
    for char in word:
        if len(word) == len(syllables) or is_han(char):
            syllable = next(readings)
            out.append(f'<ruby class="t{tone(syllable)}">{escape(char, quote=False)}<rp>(</rp>'
                       f'<rt>{escape(syllable)}</rt><rp>)</rp></ruby>')
        else:
            out.append(escape(char, quote=False))
    return "".join(out)


def ruby_html(tokens: Iterable[Reading]) -> str:
    """Annotated text: each word with Han characters in a `<span class="w">` (a unit that never
    breaks across lines, so it also takes the marks that must not start or end a line), each
    Han character over its syllable in tone marks, `class="tN"` for tone colours.

    Browsers find no line-break opportunity between two unbreakable spans, so a `<wbr/>` marks
    each place between a word and its neighbours where a line may break."""
    out: list[str] = []
    word_open = False  # the last thing in `out` is a word's span, still open for closing marks
    opening = ""  # opening marks waiting for the next word
    for token in tokens:
        if token.pinyin is not None:
            if word_open:
                out.append("</span>")
            out.append("<wbr/>" if out else "")
            out.append(f'<span class="w">{escape(opening, quote=False)}{ruby_word(token.text, token.pinyin)}')
            word_open, opening = True, ""
            continue
        chunk = token.text
        if word_open:
            closers = len(chunk) - len(chunk.lstrip(CLOSING))
            out.append(escape(chunk[:closers], quote=False))
            chunk = chunk[closers:]
            if not chunk:
                continue  # more closing marks may follow: 银行”，
            out.append("</span><wbr/>")
            word_open = False
        openers = len(chunk) - len(chunk.rstrip(OPENING))
        if openers < len(chunk):
            out.append(escape(opening + chunk[:len(chunk) - openers], quote=False))
            opening = ""
        opening += chunk[len(chunk) - openers:]
    out.append("</span>" if word_open else "")
    out.append(escape(opening, quote=False))
    return "".join(out)
