"""Which toneless syllables Mandarin has: a pronunciation is accepted only if each is one.

The table in data/syllables.txt is pypinyin's set of readings (the pinyin pass accepts exactly
these), kept as data so that reading a source does not load pypinyin's 40,000-entry dictionary.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

_TABLE = Path(__file__).resolve().parent / "data" / "syllables.txt"
_TONE_MARKS = "\u0304\u0301\u030c\u0300"


@lru_cache(maxsize=None)
def toneless_syllables() -> frozenset[str]:
    lines = _TABLE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def toneless(syllable: str) -> str:
    """'lǘ' → 'lü', 'hóng' → 'hong' (ü and ê keep their marks; only tone marks go)."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


def is_syllable(syllable: str) -> bool:
    return toneless(syllable) in toneless_syllables()


# The characters of the basic CJK block (U+4E00–U+9FA5) that pypinyin has no reading for; every
# other character there has one, so only rarer characters need its dictionary (~0.5 s to load).
# tests/test_reader_pronunciations.py keeps this equal to pypinyin's dictionary.
BASIC_WITHOUT_READING = frozenset("兙兡嗧桛烪瓧瓰瓱瓼甅")


def has_reading(char: str) -> bool:
    """Whether the pinyin pass knows a reading for this character (and so can take one pinned)."""
    if "\u4e00" <= char <= "\u9fa5":
        return char not in BASIC_WITHOUT_READING
    from pypinyin.pinyin_dict import pinyin_dict  # lazy: rare characters only

    return ord(char) in pinyin_dict
