"""Figures said as words of their own: set phrases and names written in figures (24/7, 7-11),
a military name's number after its hyphen (歼-20),
Latin Roman numerals (III期, II型) and English multipliers after money (US$3.5bn).

Steps of `speech.speak`; the tables are `[figure_names]`, `[multipliers]` and `[figures]
roman_after` and `designations` of `pipeline/data/speech.toml`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.passes.speech_figures import amount_follows
from pipeline.passes.speech_numbers import NUMBER
from pipeline.passes.speech_tables import SpeechRules, alternatives, any_of, compiled


def figure_names(text: str, rules: SpeechRules) -> str:
    """24/7 → 全天候, 7-11便利店 → 七十一便利店 (before: 七分之二十四, 七到十一), unless a measure word
    or a unit follows, which makes the figure a figure (7-11岁 is a range, 24/7天 a fraction)."""
    if not rules.figure_names:
        return text
    names = alternatives(rules.figure_names)
    def name(m: re.Match[str]) -> str:
        return m[0] if amount_follows(rules, m.string, m.end()) else rules.figure_names[m[0]]

    text = re.sub(rf"(?<![\d.,/\-－A-Za-z])(?:{names})(?![\d.,/\-－A-Za-z%％‰])", name, text)
    # a note with its octave, C#1, F♯4 → C sharp 1, as C# is said (before: C一, the sharp dropped)
    sharp = rules.figure_names.get("C#", "").removeprefix("C")
    return re.sub(r"(?<![A-Za-z0-9])([A-G])[#♯](\d)(?![\d.])", rf"\1{sharp} \2", text) if sharp else text


def designations(text: str, rules: SpeechRules) -> str:
    """A model's number after its name and a hyphen (歼-20, 东风-41) is said without the hyphen
    (歼二十; before: 歼负二十), unless a unit or a measure word follows (一直-5℃ stays a temperature)."""
    names = rules.figures.designations
    if not names:
        return text
    words = alternatives(names)
    def name(m: re.Match[str]) -> str:
        return m[0] if amount_follows(rules, m.string, m.end()) else m[1] + m[2]

    return re.sub(rf"({words})[-－‐](\d{{1,3}})(?![\d.])", name, text)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(numeral: str) -> int | None:
    """The value of a well-formed Roman numeral up to 399 (IV, XII), else None (IIII, VX)."""
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(numeral) and _ROMAN[numeral[i + 1]] > value else value
    if not 0 < total < 400:
        return None
    return total if _written(total) == numeral else None


def _written(n: int) -> str:
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def roman_numerals(text: str, rules: SpeechRules) -> str:
    """A Latin Roman numeral after 第 or before one of `roman_after` is a number (III期临床 → 3期,
    read 三期; 第IV阶段 → 第4; before: I I I期, the letters spelt); elsewhere II, IV, X stay
    letters (a name, an abbreviation: IV is also intravenous), and so is a single letter or one of
    L, C anywhere (V型反弹, C类, L型 are shapes and classes)."""
    after = any_of(rules.figures.roman_after)

    def number(m: re.Match[str]) -> str:
        value = _roman(m[1])
        return m[0] if value is None or set(m[1]) == {"X"} else str(value)  # XX型: a placeholder, 某某

    # two letters at least, and only I, V, X: V型反弹, C类, L型 and a lone X are letters
    text = re.sub(rf"(?<![A-Za-z0-9])([IVX]{{2,6}})(?![A-Za-z0-9])(?=(?:{after}))", number, text)
    text = re.sub(r"(?<=第)([IVX]{2,6})(?![A-Za-z0-9])", number, text)
    # a sequel's number closing a work's title after its Chinese name (《复仇者联盟IV》 → 4; before: I V)
    text = re.sub(r"(?<=[\u4e00-\u9fff])\s?([IVX]{2,6})(?=[》〉」』])", number, text)
    # after a capitalised Latin word too: a monarch's (Louis XIV → Louis14世, read 十四世), a sequel's
    # or a war's number (Final Fantasy XIV, World War II → 十四, 二; before: X I V, I I, spelt)
    regnal = compiled(rules, "regnal", lambda: frozenset(rules.figures.regnal_names))

    numbered = compiled(rules, "roman-numbered", lambda: regnal | frozenset(rules.figures.roman_numbered))

    grammar = compiled(rules, "function-words", lambda: frozenset(w.lower() for w in rules.english.function_words))

    def after_name(m: re.Match[str]) -> str:
        if m[1].lower() in grammar:
            return m[0]  # The LIV Golf, And XL: a word of grammar names nothing a numeral counts
        if "L" in m[2] and len(m[2]) < 3 and m[1] not in numbered:
            return m[0]  # XL, LX, LV alone are a size, a trim, a brand (Pixel 3 XL, Lexus LX)
        said = number(re.match(r"([IVXL]+)", m[2]))  # type: ignore[arg-type]
        if said == m[2]:
            return m[0]
        return f"{m[1]} {said}{rules.figures.regnal if m[1] in regnal else ''}"

    # (L, fifty, too: Super Bowl LVIII → 五十八; the twelfth sweep, before: L V I I I, spelt)
    return re.sub(r"(?<![A-Za-z0-9])([A-Z][A-Za-z]+)\s+([IVXL]{2,7})(?![A-Za-z0-9])", after_name, text)


def multipliers(text: str, rules: SpeechRules) -> str:
    """An English multiplier after money with a currency sign, in the 万 and 亿 Chinese says:
    US$3.5bn → US$35亿, €120m → €1.2亿, $1.2 trillion → $1.2万亿 (before: 三点五美元B N,
    一百二十欧元m)."""
    if not rules.multipliers or not rules.currency:
        return text
    signs = alternatives(rules.currency)
    words = alternatives(rules.multipliers)

    def scaled(m: re.Match[str]) -> str:
        return m[1] + in_wan_and_yi(Decimal(m[2].replace(",", "")) * rules.multipliers[m[3]])

    # (a letter that begins a word is no multiplier: ¥99T恤, $20 T-shirt are shirts, not 万亿)
    text = re.sub(rf"((?:{signs})\s?)({NUMBER})\s?({words})(?![A-Za-z\-‐]|恤)", scaled, text)
    return _currency_codes(text, rules)


def _currency_codes(text: str, rules: SpeechRules) -> str:
    """A currency code before an amount reads as its word after it (USD 50 → 50美元, RMB 680 →
    680元), before the steps that would take 'USD 5800' for a model number or spell the letters."""
    codes = [c for c in rules.currency if c.isascii() and c.isalpha()]
    if not codes:
        return text
    names = alternatives(codes)

    def amount(m: re.Match[str]) -> str:
        word = rules.currency[m[1]]
        return m[2] + m[3] + ("" if m.string.startswith(word, m.end()) else word)

    return re.sub(rf"(?<![A-Za-z])({names})\s?({NUMBER})([万亿千百]*)", amount, text)


def in_wan_and_yi(value: Decimal) -> str:
    """An amount in the 万 and 亿 Chinese counts in: 3.5×10⁹ → 35亿, 1.2×10¹² → 1.2万亿."""
    for unit, size in (("万亿", 10**12), ("亿", 10**8), ("万", 10**4)):
        if value >= size:
            return _plain(value / size) + unit
    return _plain(value)


def _plain(value: Decimal) -> str:
    """35, 1.2, 687: a decimal without an exponent or trailing zeros."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def said_by_context(text: str, rules: SpeechRules) -> str:
    """A number that stands for words (520 我爱你, 1314 一生一世) said as it is said, digit by
    digit, where one of its context words stands in the sentence and no measure word or unit
    follows it (520表白 → 五二零表白; 共有520家, 转账520元 stay amounts: before, every 520 was one)."""
    table = rules.said_by_context
    numbers = {str(k): str(v) for k, v in dict(table.get("numbers", {})).items()}  # type: ignore[call-overload]
    words = [str(w) for w in table.get("words", ()) if w]  # type: ignore[union-attr]
    if not numbers or not any(w in text for w in words):
        return text

    def said(m: re.Match[str]) -> str:
        return m[0] if amount_follows(rules, m.string, m.end()) else numbers[m[0]]

    return re.sub(rf"(?<![\d.,])(?:{alternatives(numbers)})(?![\d.,%％])", said, text)


def grades(text: str, rules: SpeechRules) -> str:
    """A grade or a rating as it is said: A-, BBB- → A减, B B B减 (before: A杠, the hyphen read as a
    code's), and a run of three A's or more counted, AAAA级景区 → 4A级, 信用评级AAA → 3A (before:
    A A A A, spelt; the page's 3A, 5A read so already)."""
    text = re.sub(r"(?<![A-Za-z0-9])([A-D]{1,3})[-－](?![A-Za-z0-9\-－])", rf"\1{rules.signed.discount}", text)
    return re.sub(r"(?<![A-Za-z0-9])(A{3,5})(?![A-Za-z0-9])", lambda m: f"{len(m[1])}A", text)


def time_zones(text: str, rules: SpeechRules) -> str:
    """A time zone's offset after UTC or GMT, its hours counted: UTC+08:00 → UTC加八, GMT-5 → GMT减五,
    UTC+5:30 → UTC加五小时三十分 (the twelfth sweep; before: UTC加八点整, read as a clock)."""
    operators = rules.figures.operators

    def offset(m: re.Match[str]) -> str:
        hours, minutes = int(m[3]), int(m[4] or 0)
        if hours > 14 or minutes > 59:
            return m[0]
        sign = operators.get("+", "加") if m[2] in "+＋" else operators.get("-", "减")
        return f"{m[1]}{sign}{hours}" + (f"小时{minutes}分" if minutes else "")

    return re.sub(r"(?<![A-Za-z])(UTC|GMT)\s?([+＋\-−－])\s?(\d{1,2})(?:[:：]?(\d{2}))?(?![\d:：])", offset, text)
