"""The shape of one word with pinyin: its characters at one even pitch, its syllables condensed
(never below `condense` of their width) before that pitch widens. Shared by the learner PDF
(`pinyinlayout`, in px) and the learner EPUB (`ruby`, in ems of the base text).

A learner reads spacing as information (a gap says "new word"), so a syllable wider than its
character must not open a gap between two characters of one word: the word's syllables narrow
first, and only what is still missing widens the pitch of the whole word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

EPSILON = 1e-9


@dataclass(frozen=True)
class Shape:
    inner: float  # space between two neighbouring characters of the word (pitch less a character)
    scales: tuple[float, ...]  # each syllable's horizontal scale (1: as drawn; at least `condense`)


def condense_pair(a: float, b: float, room_a: float, room_b: float, excess: float) -> tuple[float, float]:
    """Take `excess` off the mean width of two syllables (a, b wide, each able to lose `room_*`),
    from each in proportion to what it can lose."""
    room = room_a + room_b
    if room <= 0:
        return a, b
    cut = min(2 * excess, room)
    return a - cut * room_a / room, b - cut * room_b / room


def shape_word(chars: Sequence[float], syllables: Sequence[float], gap: float, condense: float,
               edge: float | None = None) -> Shape:
    """The least `inner` at which every pair of neighbouring syllables (widths `syllables`, 0 for
    a character without one), each condensed to `condense` at most, stays `gap` apart over its
    characters (widths `chars`); then each syllable as wide as that allows.

    `edge`: how far the first and the last syllable may reach past the word's outer characters
    (their cell being the character and half the inner space on each side), for layouts that
    cannot see the neighbouring word (the EPUB); None leaves the edges to the line."""
    count = len(chars)
    least = [s * condense for s in syllables]
    pairs = [(i, i + 1) for i in range(count - 1) if syllables[i] and syllables[i + 1]]
    inner = max([0.0] + [(least[i] + least[j]) / 2 + gap - (chars[i] + chars[j]) / 2 for i, j in pairs])
    ends = sorted({0, count - 1}) if edge is not None else []
    for i in ends:
        if syllables[i]:
            inner = max(inner, least[i] - chars[i] - 2 * edge)
    widths = list(syllables)
    for _round in range(count + 1):
        changed = False
        for i, j in pairs:
            budget = inner + (chars[i] + chars[j]) / 2 - gap
            excess = (widths[i] + widths[j]) / 2 - budget
            if excess > EPSILON:
                widths[i], widths[j] = condense_pair(widths[i], widths[j], widths[i] - least[i], widths[j] - least[j],
                                                     excess)
                changed = True
        for i in ends:
            if edge is not None and widths[i] > chars[i] + inner + 2 * edge + EPSILON:
                widths[i] = max(least[i], chars[i] + inner + 2 * edge)
                changed = True
        if not changed:
            break
    scales = tuple(min(1.0, w / s) if s else 1.0 for w, s in zip(widths, syllables))
    return Shape(inner, scales)
