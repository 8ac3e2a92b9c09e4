"""Word shapes (`wordshape.shape_word`), worked out by hand: characters one unit wide, gap 0.1,
condensing to 80 % at most. Each case says how its numbers come; the test only compares.

(Found by `make mutate`: the layout tests judged shapes by properties that these cases pin.)"""

from __future__ import annotations

import re

import pytest

from pipeline.renderers.wordshape import shape_word

GAP, CONDENSE = 0.1, 0.8


def slug(name: str) -> str:
    """A test id of plain letters, digits and hyphens (mutmut passes ids back to pytest, and an
    id with punctuation or non-ASCII letters may not survive the trip)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")

CASES = [
    # two 1.2-wide syllables: condensed to 0.96 each they need 0.96 + 0.1 over a pitch of 1.06,
    # so inner = 0.06 and both are at 80 %
    ("both condensed, pitch widened", [1, 1], [1.2, 1.2], None, 0.06, (0.8, 0.8)),
    # 1.4 and 0.6 (at least 1.12 and 0.48: mean 0.8 + 0.1 < 1, no widening); as drawn their mean
    # 1.0 is 0.1 over the budget 0.9, which comes off in proportion to what each can lose
    # (0.28 and 0.12): 1.4 − 0.14 = 1.26 and 0.6 − 0.06 = 0.54, both at 90 %
    ("condensed in proportion, no widening", [1, 1], [1.4, 0.6], None, 0.0, (0.9, 0.9)),
    # a character without a syllable between two wide ones: no pair, nothing to do
    ("no syllable between", [1, 1, 1], [2.0, 0.0, 2.0], None, 0.0, (1.0, 1.0, 1.0)),
    # three: the first pair as in the case above (1.26, 0.54); then 0.54 and 1.4 are 0.07 over,
    # taken as 0.14 × 0.06/0.34 and 0.14 × 0.28/0.34 (their rooms 0.06 and 0.28)
    ("three syllables in a row", [1, 1, 1], [1.4, 0.6, 1.4], None, 0.0,
     (0.9, (0.54 - 0.14 * 0.06 / 0.34) / 0.6, (1.4 - 0.14 * 0.28 / 0.34) / 1.4)),
    # edges (the EPUB): one character, a 1.5 syllable may reach 0.1 past each side: 1.2 wide, and
    # 1.2 is also its least (80 %), so no widening
    ("an edge, condensed to reach", [1], [1.5], 0.1, 0.0, (0.8,)),
    # … reaching only 0.05: at least 1.2 wide, it needs the cell widened by 0.1
    ("an edge that widens", [1], [1.5], 0.05, 0.1, (0.8,)),
    # … a 1.3 syllable with a 0.1 reach: 1.2 wide, 1.2/1.3
    ("an edge, partly condensed", [1], [1.3], 0.1, 0.0, (1.2 / 1.3,)),
    # two characters, 0.6 and 1.5 (least 0.48, 1.2): the pair takes 0.3 off (rooms 0.12, 0.3):
    # 0.6 − 0.3 × 0.12/0.42 and 1.5 − 0.3 × 0.3/0.42 = 1.2857, which the last edge (1 + 0.2)
    # then cuts to 1.2
    ("the last syllable's edge", [1, 1], [0.6, 1.5], 0.1, 0.0, ((0.6 - 0.3 * 0.12 / 0.42) / 0.6, 0.8)),
    # two 1.1 syllables, 0.2 over the budget 0.9 together: each loses 0.2 (rooms 0.22 each), to 0.9;
    # the edges (1 + 0.2 = 1.2) leave them so
    ("condensed by the pair, not the edges", [1, 1], [1.1, 1.1], 0.1, 0.0, (0.9 / 1.1, 0.9 / 1.1)),
    # four characters, syllables 2.0, 0.2, 2.2, 2.2 with edge reach 0.05 (least 1.6, 0.16, 1.76,
    # 1.76): the last pair sets inner = 1.76 + 0.1 − 1 = 0.86 (more than either edge asks: 0.5,
    # 0.66) and condenses to 1.76 both; the first syllable may then reach 1 + 0.86 + 0.1 = 1.96
    # over its cell, so it is cut from 2.0 to 1.96 only
    ("an edge within a pitch another pair widened", [1, 1, 1, 1], [2.0, 0.2, 2.2, 2.2], 0.05, 0.86,
     (0.98, 1.0, 0.8, 0.8)),
]


@pytest.mark.parametrize(("chars", "syllables", "edge", "inner", "scales"), [c[1:] for c in CASES],
                         ids=[slug(c[0]) for c in CASES])
def test_shape_word_by_hand(chars, syllables, edge, inner, scales) -> None:
    shape = shape_word(chars, syllables, GAP, CONDENSE, edge=edge)
    assert shape.inner == pytest.approx(inner, abs=1e-9)
    assert shape.scales == pytest.approx(scales, abs=1e-9)
