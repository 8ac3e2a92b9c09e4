"""Pinyin syllable strings as editors write them (tone marks or digits) made uniform."""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_SYLLABLE = re.compile(r"^[a-zA-Züêāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]+[1-5]?$")


def is_han(char: str) -> bool:
    return bool(_HAN.match(char))


def count_han(text: str) -> int:
    return len(_HAN.findall(text))


def normalise_syllables(reading: str) -> list[str]:
    """'zhou1 hong2 yi1' or 'zhōu hóng yī' → ['zhōu', 'hóng', 'yī']; ValueError if not pinyin."""
    syllables = reading.replace("'", " ").split()
    if not syllables:
        raise ValueError("no syllables given")
    result = []
    for syllable in syllables:
        if not _SYLLABLE.match(syllable):
            raise ValueError(f"'{syllable}' is not a pinyin syllable")
        if syllable[-1].isdigit():
            from pypinyin.contrib.tone_convert import to_tone  # lazy: importing pypinyin costs ~0.15 s

            syllable = to_tone(syllable.lower().replace("v", "ü"))
        result.append(syllable.lower())
    return result
