"""Chinese print typography as markup, for an HTML engine that does not do it itself.

Two house rules are set here, as a `htmltext.Typeset` function:

- A Latin word or a number next to a Han character gets a space (the font's space is a quarter
  em, the usual gap). It is a real space so that it stretches in justified lines and vanishes
  at a line's edge, where a margin would leave a dent.
- Two full-width marks side by side would leave a gap of one and a half ems ("，“"); the one
  whose blank half faces the other is set half-width (OpenType `halt`, class "halt").

A third keeps the text block whole: a long run with no break a reader would accept (a web or
mail address, a file path, a checksum, an ID or order number typed as text, 16 characters or more,
not a word of letters alone) is marked class "url", which breaks anywhere, as a link's printed
address does: it ran off the page (a query string past the right edge of an A5 page, by 400
pt) or left the line before it gapped across the measure.

Line-start and line-end prohibitions (no line begins with ，。） and none ends with “（) need no
markup: Pango's line breaker already follows them, which the PDF tests check.
"""

from __future__ import annotations

import re
from html import escape

from pipeline.pinyin_syllables import is_han

# Marks whose ink sits on one side of the em box (Simplified Chinese forms). ？！ are left out:
# their ink is centred, so halving them would shift the ink.
CLOSING = frozenset("，。、；：）」』”’》〉】〕")
OPENING = frozenset("（「『“‘《〈【〔")


# The units and measure words a figure in digits is read with (3月, 2025年, 41.3万, 12名): the
# learner editions space words apart, and a line broke between the figure and its unit ('通过，3'
# ⏎ '月1日', '上世纪90' ⏎ '年代'); they stay on one line, as a figure with its sign or % does.
FIGURE_UNITS = frozenset("年月日号时点分秒万亿元角岁倍度个名位次人天周期")


def held_to_figure(before: str, text: str) -> bool:
    """Whether a word `text` is a unit that stays on the line of the figure `before` it (no space
    between them in the source)."""
    return before[-1:].isdigit() and text[:1] in FIGURE_UNITS


def is_latin(char: str) -> bool:
    """A letter or digit of a Western script (not Han, not full-width forms)."""
    return bool(char) and char.isalnum() and ord(char) < 0x2E80 and not is_han(char)


def needs_space(left: str, right: str) -> bool:
    return bool(left and right) and (
        (is_han(left) and is_latin(right)) or (is_latin(left) and is_han(right))
    )


def halved(previous: str, char: str, following: str) -> bool:
    """Whether `char` is set half-width because its blank half meets another mark."""
    if char in CLOSING:
        return following in CLOSING or following in OPENING
    if char in OPENING:
        return previous in OPENING
    return False


# A run of printable ASCII without a space this long breaks anywhere (unless it is a word of
# letters alone, 'internationalization', which waits for the paragraph's overflow-wrap instead:
# a word cut without a hyphen reads worse than a gapped line).
LONG_RUN = re.compile(r"[!-~]{16,}")


def long_runs(text: str) -> dict[int, int]:
    """{start: end} of each run of `text` that is set to break anywhere."""
    return {m.start(): m.end() for m in LONG_RUN.finditer(text) if not m[0].isalpha()}


def print_typeset(text: str, before: str = "", after: str = "") -> str:
    """A run of model text as escaped HTML with the three rules above applied.

    A space at a run's boundary is added by the run on the right only, so a boundary between
    two spans gets one space.
    """
    out: list[str] = []
    previous = before
    runs, run_end = long_runs(text), -1
    for index, char in enumerate(text):
        following = text[index + 1] if index + 1 < len(text) else after
        if needs_space(previous, char):
            out.append(" ")
        if index == run_end:
            out.append("</span>")
        if index in runs:
            out.append('<span class="url">')
            run_end = runs[index]
        if halved(previous, char, following):
            out.append(f'<span class="halt">{escape(char)}</span>')
        else:
            out.append(escape(char, quote=False))
        previous = char
    if run_end == len(text):
        out.append("</span>")
    return "".join(out)


def spaced(text: str) -> str:
    """Plain text with the Latin–Han spaces only, for places that take no markup
    (running heads and bookmarks come from attributes)."""
    out: list[str] = []
    previous = ""
    for char in text:
        if needs_space(previous, char):
            out.append(" ")
        out.append(char)
        previous = char
    return "".join(out)
