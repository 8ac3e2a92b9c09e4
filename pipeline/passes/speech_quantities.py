"""Amounts around still-written numbers: a currency sign read as its word after the amount
(¥100 → 100元, NT$300元 → 300新台币), the trailing zeros a price or a score does not say (12.80元 →
12.8元, 437.80分 → 437.8分), ranges and percentages (3%-5% → 百分之3到百分之5), fractions (3/4 →
四分之3). A step of `speech.speak` (split from `speech.py`, over 500 lines); the numbers left are
read by its last steps.
"""

from __future__ import annotations

import re

from pipeline.passes.speech_numbers import NUMBER as _NUMBER
from pipeline.passes.speech_numbers import cardinal, digits
from pipeline.passes.speech_tables import SpeechRules, alternatives, any_of


def quantities(text: str, rules: SpeechRules) -> str:
    """Currencies, ranges, percentages and fractions around still-written numbers."""
    signs = alternatives(rules.currency)

    def amount(m: re.Match[str]) -> str:
        word = rules.currency[m[1]]
        said_after = m.string.startswith(word, m.end())  # ¥1,000元: the unit is written out too
        if m[4]:  # NT$300元, HK$20元: the 元 is the sign's unit, said once (the twelfth sweep; before: 新台币元)
            return m[2] + m[3] + word
        return m[2] + m[3] + ("" if said_after else word)

    text = re.sub(rf"({signs})\s?({_NUMBER})([万亿千百]*)(元(?![旦宵素代朝]))?", amount, text)
    # a price's trailing zeros are not said: 12.80元 → 十二点八元, 3.00元 → 三元 (before: 十二点八零元)
    # (and a score's, 437.80分 → 四百三十七点八分, 98.00分 → 九十八分: `score_units`; a measurement keeps
    # them, its precision, 10.90秒; the twelfth sweep, before: 四百三十七点八零分)
    money = alternatives({*rules.currency.values(), "块"})
    scores = any_of(rules.figures.score_units)
    text = re.sub(rf"(?<![\d.])(\d+)\.(\d*?)0+(?![\d.])(?=\s?[万亿]?(?:{money}|(?:{scores})(?![钟贝米之])))",
                  lambda m: m[1] + (f".{m[2]}" if m[2] else ""), text)

    joiner = rules.signed.joiner  # `_signed` made every range mark a joiner

    def span(m: re.Match[str]) -> str:
        percent = _PER.get(m[2] or m[4], "")
        return f"{percent}{m[1]}{joiner}{percent}{m[3]}"

    text = re.sub(rf"(?<![\d.])({_NUMBER})([%％‰]?)\s*{re.escape(joiner)}\s*({_NUMBER})([%％‰]?)(?![\d.])", span, text)
    # '‰' like '%', after the signs (-0.6‰ → 负千分之零点六; before: '-千分之…', the minus read or dropped)
    text = re.sub(rf"(?<![\d.])({_NUMBER})\s*([%％‰])", lambda m: _PER[m[2]] + m[1], text)
    # (the denominator in words here: '2分之1' would read 两分之一, 2 before 分 being an amount)
    # (the denominator is never 两: 100/200 → 二百分之一百)
    # (after 第 a slash joins two ordinals, 第12/13届 → 第十二、十三届; before: 第十三分之十二届)
    # (a decimal over a whole number is a fraction too: 评分9.5/10 → 十分之九点五; before: 九.十分之五)
    # (and over a decimal: a sensor's 1/1.3英寸 → 一点三分之一; before: 一、一点三, the slash a pause)
    def over(m: re.Match[str]) -> str:
        whole, _, fraction = m[2].partition(".")
        return f"{cardinal(int(whole), leading_two=False)}{'点' + digits(fraction) if fraction else ''}分之{m[1]}"

    return re.sub(r"(?<![\d/第.])(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)(?![\d/.])", over, text)


_PER = {"%": "百分之", "％": "百分之", "‰": "千分之"}
