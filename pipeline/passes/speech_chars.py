"""Characters a voice cannot read, said as a listener would hear them.

eSpeak NG knows the Han characters of the Basic Multilingual Plane; one past it (CJK Extension B
and later: the 𡈼 of a name, 𬌗, 𫖮) or an ideographic mark it has no word for (々 the iteration
mark, 〻, 〆) it spells out BY ITS CODE POINT, in Chinese digits: 𡈼子 was read 二一二三四子, 人々
人二三〇〇五. The text for the ear therefore says:

- an iteration mark as the character before it again (人々 → 人人, 时々 → 时时), as it is read;
- a Suzhou numeral (〢, 〥 of an old account book) as the numeral it stands for;
- a Han character past the BMP by its reading (pypinyin's first), written with the common
  character of that reading (homophones.py): 𡈼 → 挺, 𬌗 → 合;
- one without a reading by its usual form where it is a variant of one (`pipeline.charvariants`: 𠮷 → 吉),
  and otherwise not at all: silence is better than a string of digits.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pipeline.charvariants import VARIANTS
from pipeline.passes.speech_kana import romanised
from pipeline.passes.speech_numbers import cardinal

# Marks that repeat the character before them (Japanese 々, the vertical 〻, the Chinese 〃 of a
# table is a ditto mark, not one of these).
ITERATION_MARKS = "々〻"
# Marks read as nothing (the ear gets no word for them; eSpeak spelt their code points).
UNSAID_MARKS = "〆〼"
# The Suzhou (Hangzhou) numerals of old account books and market price tags, said as the Chinese
# numerals they stand for (eSpeak spelt 〢 as 三〇二二).
SUZHOU_NUMERALS = dict(zip("〡〢〣〤〥〦〧〨〩〸〹〺", "一二三四五六七八九十廿卅"))

_HAN_PAST_BMP = re.compile("[\U00020000-\U0003134f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


@lru_cache(maxsize=None)
def _stand_in(char: str) -> str:
    """What the voice is given for one Han character past the BMP."""
    from pypinyin.pinyin_dict import pinyin_dict

    from pipeline.passes.homophones import load_homophones

    readings = pinyin_dict.get(ord(char))
    if readings:
        stand_in = load_homophones().by_syllable.get(readings.split(",")[0])
        if stand_in:
            return stand_in
    return VARIANTS.get(char, "")


# A rating in stars says its count (★★★☆☆ → 3星; before: nothing, the stars dropped as symbols, so
# 评分：★★★☆☆ was heard as 评分), unless the count is written next to it too (★★★★★五星好评,
# 5星好评★★★★★).
_STARS = re.compile(r"(?:[★☆✩✭✮⭐]\ufe0f?){2,}(?![★☆✩✭✮⭐\ufe0f])(?!\s*[一二三四五六七八九十\d]\s*星)")
# One star after a number is the rating's unit (评分4.5★, 5★酒店 → 四点五星, 五星酒店; the thirteenth sweep,
# before: 四点五, the star dropped as a symbol)
_ONE_STAR = re.compile(r"(?<=\d)\s?[★⭐]\ufe0f?(?![★☆✩✭✮⭐\ufe0f])")
# Enclosed numbers: ①…⑳ ⑴…⒇ ⒈…⒛ ⓫…⓴ ⓵…⓾ ❶…➓ ㉑…㉟ ㊱…㊿, one table for a list's items and a
# note's marks (before, the list's table lacked ⓫…⓴ ⓵…⓾: ⓵报名⓶缴费 ran on as 一报名二缴费).
ENCLOSED_NUMBERS = "\u2460-\u249b\u24eb-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf"
# Enclosed numbers that mark the items of a list: ①报名②缴费③考试 → 一、报名，二、缴费 … (before:
# 一报名二缴费, one run of words); one alone is a note's mark (见注①), read as its number.
_ENCLOSED = ENCLOSED_NUMBERS
_ITEM = re.compile(rf"([{_ENCLOSED}])(?=\s*[^\s{_ENCLOSED}，。、；：！？,.;:!?）)])")


def _stars(m: re.Match[str]) -> str:
    if re.search(r"[一二三四五六七八九十\d]\s*星[^，。；！？\s]{0,3}\s*$", m.string[max(0, m.start() - 8): m.start()]):
        return ""  # 5星好评★★★★★: the count is written already
    filled = sum(c in '★✭✮⭐' for c in m[0])
    return f"{filled}星" if filled else "0颗星"  # (☆☆☆☆☆ was 零星, which says "scattered")


# Enclosed numbers side by side or joined by a conjunction are numbers the sentence names, no list's
# items (选项①②③都对 → 选项一、二、三都对, ①和②都可以; before: 选项，三、都对, ① and ② lost as note
# marks, and 一、和，二、都可以): the eleventh sweep.
_ENCLOSED_SERIES = re.compile(rf"[{_ENCLOSED}](?:\s*(?:[和与或及、至到~～—-]\s*)?[{_ENCLOSED}])+")


def _series(m: re.Match[str]) -> str:
    said = re.sub(rf"(?<=[{_ENCLOSED}])(?=[{_ENCLOSED}])", "、", m[0])
    return re.sub(rf"[{_ENCLOSED}]", lambda e: str(int(unicodedata.numeric(e[0]))), said)


def sayable(text: str) -> str:
    """`text` with every character the voice would spell by code point replaced as above, a rating's
    stars counted, a list's enclosed numbers set apart as items, and kana and hangul in Latin letters
    (`speech_kana`)."""
    text = romanised(_STARS.sub(_stars, _ONE_STAR.sub("星", text)))
    text = _ENCLOSED_SERIES.sub(_series, text)
    if len(set(re.findall(f"[{_ENCLOSED}]", text))) >= 2:
        text = _ITEM.sub(lambda m: f"，{int(unicodedata.numeric(m[1]))}、", text)
    return _characters(text)


def _characters(text: str) -> str:
    if not any(c in ITERATION_MARKS or c in UNSAID_MARKS or c in SUZHOU_NUMERALS or c >= "\U00020000" for c in text):
        return text
    out: list[str] = []
    for char in text:
        if char in ITERATION_MARKS:
            out.append(out[-1] if out and _HAN.match(out[-1]) else "")
        elif char in UNSAID_MARKS:
            continue
        elif char in SUZHOU_NUMERALS:
            out.append(SUZHOU_NUMERALS[char])
        elif _HAN_PAST_BMP.match(char):
            out.append(_stand_in(char))
        else:
            out.append(char)
    return "".join(out)


# A note's mark: enclosed numbers, or numbers in square brackets, right after a word or a closing
# mark and before a pause (受访者①，…  两点②：  数字[1]。  a study[2, 3].): the eye follows it to
# the note; said, it was a number of the sentence (两点② → 两点二, 数字[1]。 → 数字，一). A mark
# before more text (①苹果②香蕉, items counted in a line) is a number, and stays.
# A number the sentence points to is its content, not a mark: 见注①, 参见图②, 如表③ name the
# note, figure or table (said: 见注一); 统计表① is a mark after a word.
POINTING_WORDS = "见如"
NAMED_THINGS = "注图表例式题条款项章节"
VALUE_WORDS = "是为选"  # 答案是②。, 应选③: the number is the answer (before: 答案是。), the eleventh sweep
_NOTE_MARK = re.compile(
    rf"(?<=[^\W_]|[”’」』）)\]》%℃])(?<![{POINTING_WORDS}][{NAMED_THINGS}])(?<![{VALUE_WORDS}])(?:[{ENCLOSED_NUMBERS}]|[\[［〔]\s*\d{{1,3}}(?:\s*[,，、\-–]\s*\d{{1,3}})*\s*[\]］〕])+"
    r"(?=[\s，。、；：！？,.;:!?）)”’」』]|$)")
# An enclosed or superscript number opening a sentence before a space labels it (a note's
# '① 两位受访者…', '¹ 车场位于…'): said
# with a pause after it, not run into the words (一两位受访者: 'one or two').
_OPENING_MARK = re.compile(rf"^(\s*[{ENCLOSED_NUMBERS}]|\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+(?=\S)")


# A number in square brackets that the sentence points to, or that 第 counts, is its content: 第[1]条,
# 详见注[2], 参见文献[3] → 第1条, 详见注2 (before: the brackets were pauses, 第，一，条, 详见注，二).
_POINTED = re.compile(rf"((?:第|[{POINTING_WORDS}](?:[{NAMED_THINGS}]|文献|附录|附件)))"
                      r"\s*[\[［〔]\s*(\d{1,3})\s*[\]］〕]")
# …and an item's number in round brackets after 第, a law's 第（二）项, 第(3)目 → 第二项 (the tenth sweep;
# before: 第，二，项, the brackets pauses)
_BRACKETED_ITEM = re.compile(r"(?<=第)\s*[（(]\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[）)]")


def without_note_marks(text: str) -> str:
    """`text` without the marks that send the eye to a note, and with a pause after the number
    that labels one."""
    text = _BRACKETED_ITEM.sub(r"\1", _POINTED.sub(r"\1\2", text))
    return _OPENING_MARK.sub(r"\1，", _NOTE_MARK.sub("", text))


# A superscript number after a Chinese word or a closing mark, before a pause, that no power took
# (100米² is one: 一百平方米): a note's mark (受访者¹，: it was 受访者一，).
_SUPERSCRIPT_MARK = re.compile(r"(?<=[\u3400-\u9fff”’」』）》])[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?=[\s，。、；：！？,.;:!?）)”’」』]|$)")


def without_superscript_marks(text: str) -> str:
    return _SUPERSCRIPT_MARK.sub("", text)


def numeric_signs(text: str) -> str:
    """Signs that are numbers said as numbers: subscripts, vulgar fractions, then enclosed and Roman ones."""
    return _numeric_symbols(_vulgar_fractions(_subscripts(text)))


_SUBSCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")


def _subscripts(text: str) -> str:
    """A logarithm's base, log₂8 → 以2为底8的对数, as it is said (before: log二十八, the base and the
    number one figure), and a formula's count of two digits or more after its element, C₆H₁₂O₆ →
    C6H十二O6 (before: H幺二, spelt as a code; one digit, CO₂, stays a digit for the names of
    `[latin]`, CO2 → 二氧化碳)."""
    text = re.sub(r"(?<![A-Za-z])log([₀-₉]+)\s?(\d+(?:\.\d+)?|[A-Za-z](?![A-Za-z]))",
                  lambda m: f"以{m[1].translate(_SUBSCRIPT_DIGITS)}为底{m[2]}的对数", text)
    return re.sub(r"(?<=[A-Za-z)）\]])[₀-₉]{2,}", lambda m: cardinal(int(m[0].translate(_SUBSCRIPT_DIGITS))), text)


def _vulgar_fractions(text: str) -> str:
    """½ → 二分之一, 1½ → 1又二分之一 (before: the sign reached the voice)."""

    def fraction(m: re.Match[str]) -> str:
        top, _, bottom = unicodedata.normalize("NFKC", m[2]).partition("⁄")
        said = f"{cardinal(int(bottom), leading_two=False)}分之{cardinal(int(top or 1), leading_two=False)}"
        return f"{m[1]}又{said}" if m[1] else said

    return re.sub(r"(\d?)([\u00bc-\u00be\u2150-\u215e])", fraction, text)


def _numeric_symbols(text: str) -> str:
    """①, ⑩, Ⅲ, ⅻ are numbers (①… → 1…, read later as 一…; before: the sign reached the voice,
    which reads it by its name or not at all); 〇 is a character with its own reading, kept."""

    def value(ch: str) -> str:
        if ch == "〇" or unicodedata.category(ch) not in ("No", "Nl"):
            return ch
        number = unicodedata.numeric(ch, -1)
        return str(int(number)) if number >= 0 and number == int(number) else ch

    return "".join(value(ch) if not ch.isascii() else ch for ch in text)
