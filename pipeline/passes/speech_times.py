"""Clock times, durations and years written in figures: 21:05:30 → 二十一点零五分三十秒, 9:30 PM →
下午九点三十分, 用时3:45 → 三分四十五秒, 2024巴黎奥运会 → 二零二四 (a year alone, digit by digit), 00后.

A step of `speech.speak` after the amounts' signs are read (split from `speech_figures.py`, which
reads the figures by their shape before these; the context helpers are its).
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.passes.speech_figures import _WINDOW, _next_to, amount_follows
from pipeline.passes.speech_numbers import digits
from pipeline.passes.speech_tables import SpeechRules


def dates_and_times(text: str, joiner: str = "到", rules: SpeechRules | None = None) -> str:
    text = re.sub(rf"(?<![\d.])(\d{{4}})({re.escape(joiner)}|到|至)(\d{{4}}|\d{{2}})(?=\s*年)", lambda m: digits(m[1]) + m[2] + digits(m[3]), text)
    text = re.sub(r"(?<![\d.])(\d{4})(?=\s*年)", lambda m: digits(m[1]), text)

    halves = rules.figures.meridiem if rules else {}

    def half(m: re.Match[str]) -> str:  # 9:30 PM → 下午9点30分 (before: 九点三十分P M)
        said = halves.get(re.sub(r"[.\s]", "", m["half"] or "").lower(), "")
        parts = (*halves.values(), *(rules.figures.day_parts if rules else ()))
        return "" if said and m.string[max(0, m.start() - 6):m.start()].rstrip().endswith(parts) else said  # 下午3:00PM

    def clock(m: re.Match[str]) -> str:
        hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
        if hour > 24 or minute > 59 or second > 59:
            return m[0]
        if m[3]:  # 21:05:30 (before: 二十一点零五分:三十)
            return f"{half(m)}{hour}点{m[2]}分{m[3]}秒"
        whole = "" if m.string.startswith("整", m.end()) else "整"  # 12:00整: the page says it already
        return f"{half(m)}{hour}点" + (whole if minute == 0 else f"{m[2]}分")

    text = _durations(text, rules)
    meridiem = r"\s*(?P<half>[AaPp]\.?\s?[Mm]\.?)(?![A-Za-z])"
    text = re.sub(rf"(?<![\d.])(\d{{1,2}})[:：](\d{{2}})(?:[:：](\d{{2}}))?(?!\d)(?:{meridiem})?", clock, text)
    if halves:
        text = re.sub(rf"(?<![\d.])(\d{{1,2}}){meridiem}",
                      lambda m: f"{half(m)}{m[1]}点" if int(m[1]) <= 12 else m[0], text)
    # 00后, 90后, and each of a series, 80、90后 → 八零、九零后 (the thirteenth sweep; before: 八十、九零后)
    text = re.sub(r"(?<![\d.])(\d{2})(?=(?:[、和与及]\d{2})*后)", lambda m: digits(m[1]), text)
    return _years(text, joiner, rules)


def _durations(text: str, rules: SpeechRules | None) -> str:
    """A time written like a clock that measures a span: 用时3:45 → 3分45秒, 2:03:11的成绩 →
    2小时03分11秒 (read 两小时零三分十一秒), 游出1:44.65 → 1分44秒六五 (before: 三点四十五分,
    两点零三分十一秒, 一点四十四分.六十五). A duration word in the clause before the figure or
    just after it says so (`duration_words`), and a fraction of a second always does; a clock time
    keeps its reading (比赛于19:30开始)."""
    words = rules.figures.duration_words if rules else ()

    def span(m: re.Match[str]) -> str:
        fraction = m["fraction"]
        if not fraction and not _next_to(m, words):
            return m[0]
        hours, minutes, seconds = (m["h"], m["m"], m["s"]) if m["s"] else (None, m["h"], m["m"])
        if int(minutes) > 59 and hours or int(seconds) > 59:
            return m[0]
        said = f"{int(hours)}小时" if hours and int(hours) else ""
        if int(minutes):
            said += (minutes if said else str(int(minutes))) + "分"
        if int(seconds) or fraction:
            said += ("零" if said and not int(minutes) else "") + (seconds if said else str(int(seconds))) + "秒"
        return said + (digits(fraction[1:]) if fraction else "") or m[0]

    return re.sub(r"(?<![\d.:：])(?P<h>\d{1,2})[:：](?P<m>\d{2})(?:[:：](?P<s>\d{2}))?(?P<fraction>\.\d+)?(?![\d:：])",
                  span, text)


def _years(text: str, joiner: str, rules: SpeechRules | None) -> str:
    """A year without 年 is read digit by digit too (2024巴黎奥运会 → 二零二四巴黎奥运会, 1990—2000
    → 一九九零到二零零零; before: 两千零二十四, 一千九百九十到两千), unless a measure word, a unit or
    a currency shows an amount (2024名, 2000-3000元, $2024), 第 an ordinal, or arithmetic or a
    ratio a figure (1920×1080, 1920比1080)."""
    if rules is None:
        return text
    year = r"1[89]\d\d|20\d\d"
    link = f"{re.escape(joiner)}|至"
    figures = tuple({*rules.figures.operators.values(), rules.signs.get("×", "乘"), rules.figures.ratio})
    counting = tuple(rules.count_words)

    def alone(m: re.Match[str]) -> str:
        before = m.string[max(0, m.start() - _WINDOW): m.start()]
        after = m.string[m.end(): m.end() + _WINDOW]
        if before[-1:] == "第" or before and unicodedata.category(before[-1]) == "Sc":
            return m[0]
        if before.rstrip().endswith(figures + counting) or after.lstrip().startswith(figures):
            return m[0]
        if re.search(r"[A-Za-z]\s?$", before):
            return m[0]  # Windows 2000, Top 2000: a name's number (a model number is read before)
        spaced = m.end() + len(after) - len(after.lstrip())
        if re.match(rf"\s*(?:[A-Za-z]|(?:{link})\s*\d)", after) or amount_follows(rules, m.string, spaced):
            return m[0]
        if m[3] and len(m[3]) == 2 and int(m[3]) <= int(m[1]) % 100:
            return m[0]  # 2000到50: no year written short
        return digits(m[1]) + (m[2] + digits(m[3]) if m[2] else "")

    return re.sub(rf"(?<![\d.,])(?<!{re.escape(joiner)})(?<!至)({year})(?:({link})({year}|\d{{2}}))?(?![\d.,])",
                  alone, text)
