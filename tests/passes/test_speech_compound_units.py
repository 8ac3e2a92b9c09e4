"""Compound units and the multiplication sign in the audio edition, written out by hand.

Found by the third robustness sweep: '120km/h' was read 一百二十公里、h (the slash a pause, the
hour a letter) and '7×24小时' 七×二十四小时 (the voice skips the sign).
"""

from __future__ import annotations

import pytest

from pipeline.passes.speech import load_rules, speak

CASES = [
    ("速度120km/h。", "速度一百二十公里每小时。"),
    ("风速12m/s。", "风速十二米每秒。"),
    ("7×24小时服务。", "七乘二十四小时服务。"),
    ("屏幕1920×1080。", "屏幕一千九百二十乘一千零八十。"),
]


@pytest.mark.parametrize(("text", "spoken"), CASES, ids=[f"unit{n}" for n in range(len(CASES))])
def test_a_compound_unit_or_a_times_sign_is_read(text: str, spoken: str) -> None:
    assert speak(text, load_rules({})) == spoken
