"""Figures whose label says how they are read (the seventh sweep): a label written the English way
before a number (Vol.3 → 第三卷, Ep.12 → 第十二集), a stock code and its exchange (600519.SH), a
model's size (28B参数 → 二百八十亿参数), a decade written short ('90s → 九十年代), a year after 公元前
(公元前221年 → 公元前二二一年), a quarter or a financial year after a year (2025-Q3, FY2024).

Steps of `speech.speak`; the tables are `[ordinals.labels]`, `[figures] exchanges`, `era_words` and
`[multipliers.counts]` of `pipeline/data/speech.toml`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.passes.speech_figures import clause_before, clause_after
from pipeline.passes.speech_numbers import NUMBER, cardinal, digits
from pipeline.passes.speech_tables import SpeechRules, alternatives, compiled
from pipeline.passes.speech_words import in_wan_and_yi


def _alternatives(words: object) -> str:
    return alternatives(words) or "(?!)"  # type: ignore[call-overload]


def labels(text: str, rules: SpeechRules) -> str:
    """Vol.3 → 第3卷, Ep.12 → 第12集, pp.12-15 → 第12到15页, Fig.3 → 图3, S01E02 → 第1季第2集
    (before: Vol.三 and Ep.十二, the dot and the letters reaching the voice)."""
    table = rules.ordinals.labels
    if not table:
        return text
    pattern = compiled(rules, "labels", lambda: re.compile(
        rf"(?<![A-Za-z])({_alternatives(table)})\s?(\d+)(?:\s*[-–~～]\s*(\d+))?(?![\d.])"))

    def label(m: re.Match[str]) -> str:
        number = m[2] + (rules.signed.joiner + m[3] if m[3] else "")
        return table[m[1]].replace("#", number)

    text = pattern.sub(label, text)
    season, episode = rules.ordinals.season, rules.ordinals.episode
    if season and episode:  # S01E02 → 第1季第2集 (before: S零幺E零二, a code)
        text = re.sub(r"(?<![A-Za-z0-9])S(\d{1,2}) ?E(\d{1,3})(?![A-Za-z0-9])",
                      lambda m: season.replace("#", str(int(m[1]))) + episode.replace("#", str(int(m[2]))), text)
    return text


def stock_codes(text: str, rules: SpeechRules) -> str:
    """600519.SH → 六零零五幺九点S H, AAPL.US → A A P L点U S: a code and its exchange (before: the
    code an amount, 六十万零五百一十九, and the dot reaching the voice)."""
    exchanges = rules.figures.exchanges
    if not exchanges:
        return text
    pattern = compiled(rules, "stock-codes", lambda: re.compile(
        rf"(?<![A-Za-z0-9.])(\d{{4,6}}|[A-Z]{{1,5}})\.({_alternatives(exchanges)})(?![A-Za-z0-9])"))
    dot = rules.web.marks.get(".", "点")

    def code(m: re.Match[str]) -> str:
        said = digits(m[1], rules.figures.code_one) if m[1].isdigit() else " ".join(m[1])
        return f"{said}{dot} {' '.join(m[2])} "

    return pattern.sub(code, text)


def model_sizes(text: str, rules: SpeechRules) -> str:
    """28B参数 → 280亿参数, 参数量达1.8T → 1.8万亿 (before: 二十八B): a number and an English
    multiplier next to one of the size words; elsewhere (2B铅笔, 28B室) the letter stays."""
    if not rules.size_letters or not rules.size_words:
        return text
    pattern = compiled(rules, "model-sizes", lambda: re.compile(
        rf"(?<![A-Za-z0-9.])({NUMBER})\s?({_alternatives(rules.size_letters)})(?![A-Za-z0-9])"))
    words = rules.size_words

    def size(m: re.Match[str]) -> str:
        after = clause_after(m.string, m.end()).lstrip()
        if not (after.startswith(words) or any(w in clause_before(m.string, m.start()) for w in words)):
            return m[0]
        return in_wan_and_yi(Decimal(m[1].replace(",", "")) * rules.size_letters[m[2]])

    return pattern.sub(size, text)


# A decade written short with its apostrophe ('90s, ’80s): the apostrophe says it is no 90 seconds.
_SHORT_DECADE = re.compile(r"[‘’'](\d0)s(?![A-Za-z])")


def short_decades(text: str) -> str:
    """'90s → 90年代, read 九十年代 as 90年代 is (before: the apostrophe dropped, 九十秒)."""
    return _SHORT_DECADE.sub(r"\1年代", text)


def era_years(text: str, rules: SpeechRules) -> str:
    """A year after 公元前 or 公元, digit by digit whatever its length (公元前221年 → 公元前二二一年;
    before: 两百二十一年); a round hundred is counted (公元前3000年 → 三千年; before: 三零零零, as a
    year before 年 is)."""
    if not rules.figures.era_words:
        return text
    pattern = compiled(rules, "era-years", lambda: re.compile(
        rf"({_alternatives(rules.figures.era_words)})(\d{{1,4}})(?=\s*年)"))
    return pattern.sub(lambda m: m[1] + (cardinal(int(m[2])) if int(m[2]) % 100 == 0 else digits(m[2])), text)


def fiscal_years(text: str) -> str:
    """FY2024 → 2024财年, read 二零二四财年 (before: F Y二零二四); 2025-Q3 → 2025Q3, which `_ordinals`
    reads 二零二五年第三季度 (before: the dash reached the voice)."""
    text = re.sub(r"(?<![A-Za-z])FY\s?((?:19|20)\d\d)(?!\d)", r"\1财年", text)
    return re.sub(r"(?<![\d.])((?:19|20)\d\d)\s?[-－–/]\s?(?=Q[1-4](?![A-Za-z0-9:：]))", r"\1", text)
