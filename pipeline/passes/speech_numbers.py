"""Numbers as words: 2024 → 二零二四 digit by digit, 1005 → 一千零五 counted, 2个 → 两个 in its place.

The number words every step of the text for the ear ends in (`speech.py`, `speech_figures.py`).
"""

from __future__ import annotations

import re

from pipeline.passes.speech_tables import SpeechRules, alternatives, compiled

DIGITS = "零一二三四五六七八九"
# After these a leading zero only pads a column (03月05日, 08时); 分 keeps it (10:05 → 十点零五分).
_PADDED_BEFORE = "月日号时"
# A written number: 1,000,000 with its thousands marks, or plain, with its decimals.
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def digits(number: str, one: str = "一") -> str:
    """Digit by digit: 2024 → 二零二四; `one` is the word for 1 (幺 in a telephone number or a
    code, `[figures] code_one`, where a newsreader never says 一: 110 → 幺幺零)."""
    return "".join(one if d == "1" else DIGITS[int(d)] for d in number if d.isdigit())


def cardinal(n: int, *, leading_two: bool = True) -> str:
    """An integer as counted: 16 → 十六, 1005 → 一千零五, 5000万 → 五千(万), 200 → 两百."""
    if n == 0:
        return "零"
    if n < 0:
        return "负" + cardinal(-n)
    if n >= 10**16:
        return digits(str(n))  # past 万亿 no unit is left (a figure this long is a code anyway)
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    big = ["", "万", "亿", "万亿"]
    out = ""
    zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero = bool(out)
            continue
        if out and (zero or group < 1000):
            out += "零"
        out += _group(group) + big[index]
        zero = False
    if out.startswith("一十"):
        out = out[1:]
    if leading_two and out.startswith("二") and len(out) > 1 and out[1] in "百千万亿":
        out = "两" + out[1:]
    return out


def _group(n: int) -> str:
    """0 < n < 10000 → 一千零五 (without a leading 零)."""
    out = ""
    zero = False
    for unit, value in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit = n // value % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += DIGITS[digit] + unit
    return out


def number(text: str, before: str = "", after: str = "", rules: SpeechRules | None = None) -> str:
    """A number as read in its place: 2个 → 两个, 2美元 → 两美元, 007 → 零零七, 3.14 → 三点一四
    (`after`: the text that follows, a character or more)."""
    plain = text.replace(",", "")
    whole, _, fraction = plain.partition(".")
    padded = len(whole) > 1 and whole.startswith("0") and not fraction
    if padded and (before == "第" or after[:1] and after[0] in _PADDED_BEFORE):
        spoken = cardinal(int(whole))  # 第01集 → 第一集, 03月05日 → 三月五日: the zero only pads the column
    elif len(whole) > 1 and whole.startswith("0") or len(whole) > 12:
        spoken = digits(whole)
    elif (whole == "2" and not fraction and rules and before != "第" and not (before and before in _TERM_SIGNS) and not _latin(before)
          and _counts(after, rules)):
        spoken = "两"
    else:
        spoken = cardinal(int(whole))
        if spoken.startswith("两百") and rules and not (before != "第" and (
                before in rules.signed.discount_before or _measured(after, rules))):
            spoken = "二" + spoken[1:]  # 第264条, 百分之200, 增至200 → 二百 (a count, 200人, and a
            # discount's threshold, 满200减30, an amount of money, keep 两百)
    if fraction:
        spoken += "点" + digits(fraction)
    return spoken


# Before a number, a sign of arithmetic (the caller gives `+` for 加 between two figures): the number is
# a term of a sum, read 二, never a count's 两 (第45+2分钟 → 四十五加二分钟; before: 加两分钟).
_TERM_SIGNS = "+-×÷="


def _measured(after: str, rules: SpeechRules) -> bool:
    """Whether a measure word, a unit or a currency follows the number (after 多, 余 or a range's
    second number): the one place a newsreader says 两百 (两百人, 两百多年, 两百公里), where an
    ordinal, a law's article, a percentage or a bare figure is 二百 (第二百六十四条, 百分之二百)."""
    pattern = compiled(rules, "measured", lambda: re.compile(
        rf"\s?(?:(?:{re.escape(rules.signed.joiner)}|至)\d+(?:\.\d+)?)?[多余来]?\s?(?:[{re.escape(rules.two)}]|"
        + alternatives(w for w in (*rules.two_words, *rules.unit_words, *rules.units.values(), *rules.currency.values(),
                                   *rules.signs.values()) if w and not w.isascii()) + ")"))
    return bool(pattern.match(after))


def _latin(before: str) -> bool:
    """A number right after a Latin letter is part of a name (CO2排放, M2芯片), never a count's 两."""
    return before.isascii() and before.isalpha()


def _counts(after: str, rules: SpeechRules) -> bool:
    """Whether a lone 2 counts what follows it (2个, 2美元), or starts a range that does (2-3天 →
    两到三天; 2-3月 stays 二到三月)."""
    ranged = re.match(rf"(?:{re.escape(rules.signed.joiner)}|至)\d+(?:\.\d+)?", after)
    if ranged:
        after = after[ranged.end():]
    return bool(after) and (after[0] in rules.two or after.startswith(rules.two_words))
