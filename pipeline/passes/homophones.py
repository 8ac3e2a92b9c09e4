"""Spelling a reading with characters every TTS engine pronounces one way.

Neither engine accepts phonemes from us (edge-tts escapes SSML; eSpeak's phoneme input is
engine-specific), so the pronunciation table is obeyed by writing each character whose reading
is in doubt as a common character whose usual reading is the wanted one: 周鸿祎 (zhōu hóng yī)
is spoken from 周鸿依, 行长 (háng zhǎng) from 航长. A common character whose usual reading is
already the wanted one is kept.

The table `pipeline/data/homophones.json` is generated from pypinyin's dictionary and jieba's
character frequencies by `python -m pipeline.passes.homophones`; it is data so that a review
of the diff shows every choice.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import PublishError
from pipeline.pinyin_syllables import is_han, normalise_syllables

DATA = Path(__file__).resolve().parent.parent / "data" / "homophones.json"
COMMON_FREQUENCY = 1000  # jieba count from which a character counts as common
SANDHI = "一不"  # their tone changes with the next syllable: never a stand-in


@dataclass(frozen=True)
class Homophones:
    by_syllable: dict[str, str]  # tone-marked syllable → the most common character read that way
    usual: dict[str, str]  # common character → its usual reading

    def respell(self, word: str, pinyin: str) -> str:
        """`word` written so that it can only be read as `pinyin`: one syllable per Han character
        (and '〇'), as the reader takes the table; other characters stay (before: 'AI助手: zhù shǒu'
        passed 'publish check' and stopped the audio and script editions, "2 syllable(s) for 4
        character(s)")."""
        syllables = normalise_syllables(pinyin)
        read = [index for index, char in enumerate(word) if is_han(char) or char == "〇"]
        if len(syllables) != len(read):
            raise PublishError(f"pronunciation of {word}: {len(syllables)} syllable(s) for {len(read)} Han character(s)")
        out = list(word)
        for index, syllable in zip(read, syllables):
            if self.usual.get(word[index]) != syllable:
                out[index] = self.by_syllable.get(syllable, word[index])
        return "".join(out)


def load_homophones(path: Path = DATA) -> Homophones:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PublishError(f"{path} is missing: run 'python -m pipeline.passes.homophones'") from None
    return Homophones(by_syllable=data["syllables"], usual=data["usual"])


def generate() -> dict:
    """The table from pypinyin (readings) and jieba (how common each character is)."""
    import jieba
    from pypinyin.pinyin_dict import pinyin_dict

    frequency: dict[str, int] = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as lines:
        for line in lines:
            word, count, *_ = line.split()
            if len(word) == 1:
                frequency[word] = int(count)
    best: dict[str, tuple[float, str]] = {}
    usual = {}
    for codepoint, readings in pinyin_dict.items():
        char = chr(codepoint)
        if not 0x4E00 <= codepoint <= 0x9FFF or char not in frequency or char in SANDHI:
            continue
        first, *others = readings.split(",")  # pypinyin lists the usual reading first
        count = frequency[char]
        if count >= COMMON_FREQUENCY:
            usual[char] = first
        score = count if not others else count / 2  # a character with one reading is safer
        if first not in best or (score, char) > best[first]:
            best[first] = (score, char)
    return {
        "about": "syllables: tone-marked syllable -> the most common character usually read so; "
        "usual: common character -> its usual reading (from pypinyin and jieba)",
        "syllables": {syllable: char for syllable, (_score, char) in sorted(best.items())},
        "usual": dict(sorted(usual.items())),
    }


if __name__ == "__main__":
    DATA.parent.mkdir(parents=True, exist_ok=True)
    DATA.write_text(json.dumps(generate(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {DATA}")
