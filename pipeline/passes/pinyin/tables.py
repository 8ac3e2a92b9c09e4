"""The pass's data: pypinyin's dictionaries, the project tables in ``pipeline/data/pinyin_*.txt``,
the token type, and the small lookups every other module of the pass shares. Loaded lazily, once
per process: importing the pass costs nothing."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from collections import Counter
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

SOURCES = ("override", "name", "project", "phrase", "fallback", "none")
STYLES = ("marks", "numbers", "plain")


def check_style(style: str) -> str:
    """`style` if it is one of STYLES; both annotators refuse an unknown style before any work."""
    if style not in STYLES:
        raise ValueError(f"unknown pinyin style {style!r}: expected one of {', '.join(STYLES)}")
    return style


@dataclass(frozen=True)
class Token:
    text: str  # the surface text of this word/run
    pinyin: tuple[str, ...] | None  # one syllable per character for Han words; None for non-Han runs
    source: str  # "override" | "name" | "project" | "phrase" | "fallback" | "none"


_HAN_RANGE = re.compile(
    "[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef\U00030000-\U0003134f]+"
)
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


@lru_cache(maxsize=None)
def _pinyin_dict() -> dict[int, str]:
    from pypinyin.constants import PINYIN_DICT

    return PINYIN_DICT


@lru_cache(maxsize=None)
def _phrases_dict() -> dict:
    from pypinyin.constants import PHRASES_DICT

    return PHRASES_DICT


def _is_han(char: str) -> bool:
    return ord(char) in _pinyin_dict() and bool(_HAN_RANGE.match(char))


def _default(char: str) -> str:
    return _pinyin_dict()[ord(char)].split(",")[0]


@lru_cache(maxsize=8192)
def _tone(syllable: str) -> int:
    """1–4, or 5 for the neutral tone."""
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _TONE_MARKS:
            return _TONE_MARKS[ch]
    return 5


def _read_table(name: str, columns: int) -> list[list[str]]:
    rows = []
    path = DATA_DIR / name
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < columns:
            raise ValueError(f"{path}:{lineno}: expected {columns} tab-separated columns")
        rows.append([p.strip() for p in parts])
    return rows


def _parse_reading(word: str, reading: str, where: str) -> tuple[str, ...]:
    """Syllables of `reading` (marks or digits) for the Han characters of `word`; ValueError if wrong."""
    from pipeline.pinyin_syllables import normalise_syllables

    try:
        syllables = normalise_syllables(reading)
    except ValueError as exc:
        raise ValueError(f"{where}: '{word}': '{reading}': {exc}") from None
    for syllable in syllables:
        if not _valid_syllable(syllable):
            raise ValueError(f"{where}: '{word}': '{reading}': '{syllable}' is not a pinyin syllable")
    han = sum(1 for c in word if _is_han(c))
    if han == 0:
        raise ValueError(f"{where}: '{word}' has no Han characters to give a pronunciation to")
    if len(syllables) != han:
        raise ValueError(
            f"{where}: '{word}' is given {len(syllables)} syllable"
            f"{'s' if len(syllables) != 1 else ''} ('{reading}') but the word has {han} Han "
            f"character{'s' if han != 1 else ''}: give exactly one syllable per character"
        )
    return tuple(syllables)


@lru_cache(maxsize=None)
def _valid_syllables() -> frozenset[str]:
    from pypinyin.contrib.tone_convert import to_normal

    readings = set()
    for value in _pinyin_dict().values():
        readings.update(value.split(","))
    return frozenset({to_normal(s, v_to_u=True) for s in readings} | {"r", "er", "m", "n", "ng", "hm", "hng"})


@lru_cache(maxsize=8192)
def _valid_syllable(syllable: str) -> bool:
    from pypinyin.contrib.tone_convert import to_normal

    return to_normal(syllable, v_to_u=True) in _valid_syllables()


@lru_cache(maxsize=None)
def _project() -> dict[str, tuple[str, ...]]:
    table = {}
    for word, reading, *_ in _read_table("pinyin_phrases.txt", 2):
        table[word] = _parse_reading(word, reading, "pinyin_phrases.txt")
    return table


@lru_cache(maxsize=None)
def _surnames() -> dict[str, tuple[str, ...]]:
    return {s: _parse_reading(s, r, "pinyin_surnames.txt") for s, r, *_ in _read_table("pinyin_surnames.txt", 2)}


@lru_cache(maxsize=None)
def _name_chars() -> dict[str, str]:
    return {c: _parse_reading(c, r, "pinyin_name_chars.txt")[0] for c, r, *_ in _read_table("pinyin_name_chars.txt", 2)}


@lru_cache(maxsize=None)
def _standalone() -> dict[str, tuple[str, bool]]:
    table = {}
    for char, reading, certainty, *_ in _read_table("pinyin_chars.txt", 3):
        if certainty not in ("sure", "guess"):
            raise ValueError(f"pinyin_chars.txt: '{char}': third column must be 'sure' or 'guess'")
        table[char] = (_parse_reading(char, reading, "pinyin_chars.txt")[0], certainty == "sure")
    return table


@lru_cache(maxsize=None)
def _polyphonic() -> frozenset[str]:
    """Characters that really are read more than one way: a second toned reading used in at least
    three words of pypinyin's or our phrase dictionaries (archaic one-off readings and neutral-tone
    variants do not count), plus every character of data/pinyin_chars.txt (地 dì/de, 得, 着 …).

    Built on every run that annotates (an edit's rebuild too): only readings other than a
    character's usual one are counted, which is a small share of pypinyin's 400,000 pairs."""
    usual: dict[str, str] = {}
    others: Counter[tuple[str, str]] = Counter()

    def add(char: str, syllable: str) -> None:
        default = usual.get(char)
        if default is None:
            default = usual[char] = _default(char) if ord(char) in _pinyin_dict() else ""
        if syllable != default:
            others[char, syllable] += 1

    for word, readings in _phrases_dict().items():
        if len(word) == len(readings):
            for char, syl in zip(word, readings):
                add(char, syl[0])
    for word, readings in _project().items():
        for char, syl in zip(word, readings):
            add(char, syl)
    out = {char for (char, syl), n in others.items() if n >= 3 and _tone(syl) != 5 and _is_han(char)}
    out |= {c for c in _standalone() if "," in _pinyin_dict().get(ord(c), "")}
    return frozenset(out - {"一", "不"})


def is_polyphonic(char: str) -> bool:
    """True for a Han character that is read more than one way in real words (not 一/不: sandhi only)."""
    return char in _polyphonic()


@lru_cache(maxsize=None)
def _max_project_len() -> int:
    return max((len(w) for w in _project()), default=1)


class _Seg:
    """A piece of the output before tokens are made: Han word, single Han char, or non-Han run."""

    __slots__ = ("text", "pinyin", "source", "kind", "start", "pos", "group")

    def __init__(self, text: str, pinyin: list[str] | None, source: str, kind: str, start: int, pos: str = ""):
        self.text = text
        self.pinyin = pinyin
        self.source = source
        self.kind = kind  # "han" | "single" (lone Han char awaiting rules) | "suffix" | "other"
        self.start = start
        self.pos = pos  # jieba's part-of-speech tag of the word the segment came from ("" if none)
        self.group = 0  # segments of one dictionary word read in pieces share a number (one token)


@lru_cache(maxsize=None)
def _neutral() -> dict[str, tuple[str, ...]]:
    """Words with light syllables, from CC-CEDICT (see `lexicon`): they win over pypinyin's phrase."""
    return {w: _parse_reading(w, r, "pinyin_neutral.txt") for w, r, *_ in _read_table("pinyin_neutral.txt", 2)}


@lru_cache(maxsize=None)
def _new_words() -> dict[str, str]:
    """CC-CEDICT's words jieba's dictionary lacks (see `lexicon`): word → syllables, parsed when used."""
    return _unparsed_table("pinyin_new_words.txt")


@lru_cache(maxsize=None)
def _aabb_words() -> dict[str, tuple[str, ...]]:
    """AABB forms in full tones, from CC-CEDICT (see `lexicon`): 马马虎虎 mǎmǎhūhū."""
    return {w: _parse_reading(w, r, "pinyin_aabb.txt") for w, r, *_ in _read_table("pinyin_aabb.txt", 2)}


@lru_cache(maxsize=None)
def _cedict_words() -> dict[str, str]:
    """jieba's words pypinyin lacks, CC-CEDICT's reading (see `lexicon`): word → syllables, parsed when used."""
    return _unparsed_table("pinyin_cedict_words.txt")


def _unparsed_table(name: str) -> dict[str, str]:
    """A 'word<TAB>syllables' table as text: a title uses a few of its thousands of entries, so
    each reading is parsed only when asked for (reading them all cost the cold start)."""
    table = {}
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            if line[:1] != "#" and "\t" in line:
                word, reading = line.rstrip("\n").split("\t", 1)
                table[word] = reading
    return table


@lru_cache(maxsize=None)
def _guo_words() -> frozenset[str]:
    """Words ending in 过 where 过 is part of the word (see `lexicon`)."""
    return frozenset(row[0] for row in _read_table("pinyin_guo_words.txt", 1))


class _Lexicon:
    """pypinyin's phrase dictionary seen through the light-syllable table: same lookups, same shape."""

    def __init__(self) -> None:
        self._neutral, self._phrases = _neutral(), _phrases_dict()

    def __contains__(self, word: str) -> bool:
        return word in self._neutral or word in self._phrases

    def __getitem__(self, word: str) -> list[list[str]]:
        light = self._neutral.get(word)
        return [[s] for s in light] if light is not None else self._phrases[word]


@lru_cache(maxsize=None)
def _lexicon() -> _Lexicon:
    return _Lexicon()


@lru_cache(maxsize=4096)
def _phrase_reading(word: str) -> tuple[str, ...]:
    if word in _project():
        return _project()[word]
    phrases = _lexicon()
    if word in phrases:
        return tuple(p[0] for p in phrases[word])
    return tuple(_default(c) for c in word)
