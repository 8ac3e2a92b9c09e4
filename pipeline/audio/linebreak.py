"""Where captions break: a speaker's text cut into cues a player can show, following the widely
used timed-text rules for Simplified Chinese (Netflix's and the BBC's, among others):

* at most 2 lines of at most 16 characters per cue (every character counts as one, Latin too);
* at most 7 s and, where the text allows, at least 0.8 s on screen;
* breaks at sentence ends first, then at clause punctuation, then between words — never inside a
  word (jieba's segmentation; Latin words break at spaces only). Only a run longer than a whole
  line with no break in it (a URL) is cut, at 16 characters;
* no line starts with closing punctuation (，。」…) or ends with opening punctuation (「（“).

The cut is chosen by dynamic programming over the break points: fewest, best-placed cues that
keep the limits. Times come from the caller's `clock` (seconds at a character offset), so the
limits hold for the speech as it was synthesised, not for an estimate.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

MAX_CHARS = 16  # per line
MAX_LINES = 2
MAX_SECONDS = 7.0
MIN_SECONDS = 0.8

SENTENCE_END = frozenset("。！？!?…")
CLAUSE_END = frozenset("，、；：,;:—）)」』”’》〉】")
NO_LINE_START = frozenset("，。、；：！？）」』】》〉”’…—·,.;:!?)]}%")
NO_LINE_END = frozenset("（「『【《〈“‘([{")

# what a cue or line ending after a character costs (lower is better)
COST_SENTENCE, COST_CLAUSE, COST_SPACE, COST_WORD, COST_FORCED = 0.0, 1.0, 3.0, 4.0, 60.0
COST_CUE = 1.0  # each cue: fewer, fuller cues are easier to follow
COST_SHORT = 12.0  # a cue under MIN_SECONDS
COST_LONG = 200.0  # a cue over MAX_SECONDS (only when nothing else fits)


@dataclass(frozen=True)
class Piece:
    """One cue's text: `start`…`end` in the text broken, shown as `lines`."""

    start: int
    end: int
    lines: tuple[str, ...]


@functools.cache
def _tokenizer():  # noqa: ANN202 - jieba.Tokenizer
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)  # no "Building prefix dict" chatter
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def word_ends(text: str) -> set[int]:
    """Offsets where a word ends (jieba), i.e. where a line may break without splitting one."""
    ends, at = set(), 0
    for token in _tokenizer().cut(text, HMM=True):
        at += len(token)
        ends.add(at)
    return ends


def _break_cost(text: str, at: int, words: set[int], strict: bool = True) -> float:
    """What breaking `text` before offset `at` costs; inf where it may not break (if `strict`)."""
    if at <= 0 or at >= len(text):
        return 0.0
    before, after = text[at - 1], text[at]
    if after in NO_LINE_START or before in NO_LINE_END:
        return math.inf if strict else 2 * COST_FORCED
    latin_run = before.isascii() and after.isascii() and not before.isspace() and not after.isspace()
    if at not in words or latin_run:  # inside a word, a Latin word, a number or a URL
        return COST_FORCED
    if before in SENTENCE_END or (before in CLAUSE_END and text[at - 2 : at - 1] in SENTENCE_END and at >= 2):
        return COST_SENTENCE
    if before in CLAUSE_END:
        return COST_CLAUSE
    if before.isspace() or after.isspace():
        return COST_SPACE
    return COST_WORD


def _width(text: str) -> int:
    return len(text.strip())


def _lines(text: str, start: int, end: int, costs: list[float]) -> tuple[float, tuple[str, ...]] | None:
    """The best way to show text[start:end] in at most MAX_LINES lines, with its cost."""
    chunk = text[start:end]
    if _width(chunk) <= MAX_CHARS:
        return 0.0, (chunk.strip(),)
    best: tuple[float, tuple[str, ...]] | None = None
    for at in range(start + 1, end):
        cost = costs[at]
        if math.isinf(cost):
            continue
        first, second = text[start:at], text[at:end]
        if _width(first) > MAX_CHARS or _width(second) > MAX_CHARS:
            continue
        total = cost + abs(_width(first) - _width(second)) / MAX_CHARS
        if best is None or total < best[0]:
            best = (total, (first.strip(), second.strip()))
    return best


def pieces(text: str, clock: Callable[[int], float]) -> list[Piece]:
    """`text` cut into cues; `clock(offset)` is when the character at `offset` is spoken
    (clock(len(text)) is when the speech ends)."""
    if not text.strip():
        return []
    words = word_ends(text)
    for strict in (True, False):  # not strict: a run of closing marks longer than a cue
        found = _cut(text, [_break_cost(text, at, words, strict) for at in range(len(text) + 1)], clock)
        if found is not None:
            return found
    raise AssertionError("every text can be cut when any break is allowed")


def _cut(text: str, costs: list[float], clock: Callable[[int], float]) -> list[Piece] | None:
    longest = MAX_CHARS * MAX_LINES + 2  # a cue may hold spaces that the lines drop
    best: list[float] = [0.0] + [math.inf] * len(text)
    back: list[tuple[int, tuple[str, ...]] | None] = [None] * (len(text) + 1)
    for end in range(1, len(text) + 1):
        if math.isinf(costs[end]) or (end < len(text) and not text[end:].strip()):
            continue
        for start in range(max(0, end - longest), end):
            if math.isinf(best[start]) or (start and math.isinf(costs[start])):
                continue
            shown = _lines(text, start, end, costs)
            if shown is None:
                continue
            seconds = clock(end) - clock(start)
            cost = best[start] + COST_CUE + 2 * costs[end] + shown[0] / 2  # a cue end weighs more than a line end
            if seconds > MAX_SECONDS:
                cost += COST_LONG * (seconds - MAX_SECONDS + 1)
            elif seconds < MIN_SECONDS:
                cost += COST_SHORT * (MIN_SECONDS - seconds) / MIN_SECONDS + COST_SHORT / 4
            if cost < best[end]:
                best[end], back[end] = cost, (start, shown[1])
    out: list[Piece] = []
    end = len(text)
    while end > 0:
        step = back[end]
        if step is None:
            return None
        start, lines = step
        out.append(Piece(start=start, end=end, lines=lines))
        end = start
    out.reverse()
    return out
