"""Text for the ear: what a Mandarin announcer would say for what the page shows.

TTS engines read digits, Latin letters and typographic marks each in their own way (eSpeak
reads 2024年 as 两千零二十四年 and AIGC as one English word), so the audio edition hands
them text that leaves nothing to guess: 2024年2月16日凌晨2点14分 → 二零二四年二月十六日凌晨
两点十四分, 14% → 百分之十四, AIGC → A I G C, @handles without the @, book-title marks and
quotes dropped, and every word of the pronunciation table respelt (see homophones.py).

The tables live in `pipeline/data/speech.toml` (read by `speech_tables.py`); the order of the
steps in `speak` matters and is the order a reader resolves them (addresses before dots and
slashes, dates before bare numbers, units before letters). Figures read by their shape (dates,
codes, scores, signs, ranges, model numbers) are in `speech_figures.py`, clock times, durations
and years alone in `speech_times.py`, figures
said as words of their own (24/7, Roman numerals, US$3.5bn) in `speech_words.py`, the number
words in `speech_numbers.py`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from pipeline.passes.speech_tables import (  # noqa: F401 (the tables are part of this module's interface)
    DATA,
    Figures,
    Ordinals,
    Powers,
    Signed,
    SpeechRules,
    Web,
    alternatives,
    compiled,
    load_rules,
)
from pipeline.passes.speech_figures import (
    figures as _figures,
    numeric_dates as _dates,
    signed as _signed,
)
from pipeline.passes.speech_times import dates_and_times as _dates_and_times
from pipeline.passes.speech_quantities import quantities as _quantities
from pipeline.passes.speech_words import figure_names as _figure_names
from pipeline.passes.speech_words import designations as _designations
from pipeline.passes.speech_words import multipliers as _multipliers
from pipeline.passes.speech_words import roman_numerals as _roman_numerals
from pipeline.passes.speech_words import grades as _grades
from pipeline.passes.speech_words import said_by_context as _said_by_context
from pipeline.passes.speech_words import time_zones as _time_zones
from pipeline.passes import speech_science as _science
from pipeline.passes.speech_english import english_numbers as _english_numbers
from pipeline.passes.speech_references import references as _references
from pipeline.passes.speech_web import web_addresses as _web
from pipeline.passes.speech_shapes import shapes as _shapes
from pipeline.passes import speech_labels as _by_label  # (steps read by a figure's label)
from pipeline.passes.speech_numbers import DIGITS, cardinal, digits, number  # noqa: F401 (public)
from pipeline.passes.speech_numbers import NUMBER as _NUMBER
from pipeline.passes.speech_chars import numeric_signs as _numeric_signs
from pipeline.passes.speech_chars import sayable as _sayable
from pipeline.passes.speech_chars import without_note_marks as _without_note_marks
from pipeline.passes.speech_chars import without_superscript_marks as _superscript_marks

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PAUSES = "，。！？；：、"
_STRENGTH = {"、": 1, "，": 2, "：": 3, "；": 4, "。": 5, "！": 6, "？": 7}
_VOWELS = set("aeiouyAEIOUY")


# ── sentences ────────────────────────────────────────────────────────────────────────────

_SENTENCE = re.compile(r"[^。！？!?]+(?:[。！？!?]+[”’」』）)]*|$)|[。！？!?]+[”’」』）)]*")


# A web address's '?' or '!' before more of it (…/search?q=ai) ends no sentence (before: the address
# was cut there, read as a question, and its query as a sentence of its own, q等于ai和page等于二).
_ADDRESS = re.compile(r"(?:(?i:https?|ftp)://|(?i:www)\.)[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+")


def sentences(text: str) -> list[str]:
    """`text` cut after each full stop, question or exclamation mark (closing quotes kept)."""
    text = _ADDRESS.sub(lambda m: re.sub(r"[?!](?=[A-Za-z0-9])", lambda q: "\ue000" if q[0] == "?" else "\ue001", m[0]), text)
    return [s.strip().replace("\ue000", "?").replace("\ue001", "!") for s in _SENTENCE.findall(text) if s.strip()]


# ── the steps ────────────────────────────────────────────────────────────────────────────

_QUOTES = re.compile(r"[“”‘’「」『』《》〈〉\"]|(?<![A-Za-z])'|'(?![A-Za-z])")
# (【通知】 is a label, a pause after it: before, 通知请于… ran on)
_BRACKETS = re.compile(r"[（）()\[\]［］〔〕〖〗〘〙｛｝{}【】]")
_TITLE = re.compile(r"《[^《》]*》|〈[^〈〉]*〉")
_DASHES = re.compile(r"——|—|――|……|…|\.\.\.")
_FULL_WIDTH_ALNUM = {c: c - 0xFEE0 for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B),
                                              ord("／"), ord("％")]} | {ord("∶"): ord(":")}  # ∶ the ratio sign (3∶1)
# ∶ between figures is the ratio sign, a score's or a proportion's, never a clock's colon: 0∶20 is
# 零比二十 wherever it stands (before: 比分是0∶2，不是0∶20 read 零比二，不是零点二十分)
_RATIO_SIGN = re.compile(r"([0-9０-９])\s*∶\s*(?=[0-9０-９])")
# full-width twins of ASCII signs, read as those are (＄100 → 一百美元, ＃话题＃ and ＠handles dropped;
# before: the signs reached the voice)
_FULL_WIDTH_ALNUM |= {ord(c): ord(c) - 0xFEE0 for c in "＂＃＄＇＊＠＼＾＿｀｛｜｝"}
# What only the eye needs, dropped: reference marks (※ § ¶ † ‡), and what an emoji is built of
# besides its picture (variation selectors, the zero-width joiner of a family, a keycap's frame).
_UNSAID = re.compile("[※§¶†‡‖⁂\ufe00-\ufe0f\u200d\u20e3\U000e0020-\U000e007f]")
# An arrow between two words reads 到 (北京→上海 → 北京到上海); elsewhere (a bullet) nothing.
_ARROW = re.compile(r"(?<=[^\s，。、；：！？])\s*[→⇒⟶➔➡↗↘⇨➜➝➞⟹]\ufe0f?\s*(?=[^\s，。、；：！？])")


def _respell(text: str, rules: SpeechRules) -> str:
    if not rules.respellings:
        return text
    pattern = compiled(rules, "respellings", lambda: re.compile(alternatives(rules.respellings)))
    return pattern.sub(lambda m: rules.respellings[m[0]], text)


def _ordinals(text: str, rules: SpeechRules) -> str:
    """No.1 → 第1, 1st/2nd/3rd/4th → 第1 … (before: No.一, 一S T), read later as 第一."""
    table = rules.ordinals
    if table.quarter:  # Q3 → 第3季度, 2024Q3 → 2024年第3季度 (before: Q三); Q1： is a question's label
        text = re.sub(r"(?<![A-Za-z0-9])(?:(\d{4}) ?)?Q([1-4])(?![A-Za-z0-9:：])",
                      lambda m: (f"{m[1]}年" if m[1] else "") + f"{table.word}{m[2]}{table.quarter}", text)
    if table.before:
        before = alternatives(table.before)
        # No. before a long number labels a code, read digit by digit (订单号：No.20240001 → 二零二四零零零幺;
        # before: 第两千零二十四万零一); before a short one it is an ordinal (No.1 → 第一)
        text = re.sub(rf"(?<![A-Za-z])(?:{before})\s?(\d{{5,}})(?![\d.])",
                      lambda m: digits(m[1], rules.figures.code_one), text)
        text = re.sub(rf"(?<![A-Za-z])(?:{before})\s?(?=\d)", table.word, text)
    if table.after:
        after = alternatives(table.after)
        text = re.sub(rf"(?<![\d.,A-Za-z])(?:{table.word})?(\d+)(?:{after})(?![A-Za-z])", rf"{table.word}\1", text)  # (第1st: once)
    return text


def _signs(text: str, rules: SpeechRules) -> str:
    """Units written as signs read as their words, before `_marks` drops the signs the ear does
    not need (before: 38℃ was read 三十八, 300㎡ 三百, the unit silent). A sign
    spelt in Latin letters is one only as a whole token (the m/s in cm/s or in a web address is
    none: 'www.openai.com/sora' was read …co米每秒ora)."""
    # a Latin x between two numbers is a times sign (1920x1080, 3x4米; before: a code, 幺九二零X幺零八零);
    # 0x1F is hexadecimal
    text = re.sub(r"(?<![\d.])(?!0[xX])(\d+(?:\.\d+)?) ?[xX] ?(?=\d)", r"\1×", text)
    signs = {**rules.symbols, **rules.signs}
    if signs:  # (before the powers: μg/m³ is one sign, not μg/ and m的立方)
        def whole(sign: str) -> str:
            return (r"(?<![A-Za-z])" if sign[0].isalpha() else "") + re.escape(sign) + (
                r"(?![A-Za-z])" if sign[-1].isalpha() else "")

        pattern = compiled(rules, "signs", lambda: re.compile(
            "|".join(whole(s) for s in sorted(signs, key=len, reverse=True))))
        text = pattern.sub(lambda m: signs[m[0]], text)
    text = _superscript_marks(_powers(text, rules))  # (what no power took after a word: a note's mark)
    text = _numeric_signs(text)
    # a share per a span of time is said with the span first, as a rate is announced (利率3.85%/年 → 每年百分之
    # 三点八五; the thirteenth sweep, before: 百分之三点八五、年, the slash a pause)
    text = re.sub(r"(?<![\d.])(\d+(?:\.\d+)?[%‰])\s*/\s*(小时|[年月日天周])(?![化度级龄份])",
                  lambda m: f"{rules.per}{m[2]}{m[1]}", text)
    return _per_unit(text, rules)


def _folded(rules: SpeechRules) -> dict[str, str]:
    """The units by their lower-case spelling; where two spellings fold together (W 瓦, w 万) the
    lower-case one is the fallback, the other is found by its exact spelling first."""
    return compiled(rules, "folded-units", lambda: {
        k.lower(): v for k, v in sorted(rules.units.items(), key=lambda item: item[0] == item[0].lower())})


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_TO_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _powers(text: str, rules: SpeechRules) -> str:
    """cm³ → 立方厘米 after a number; any other superscript power → 的平方, 的六次方 (before: x² and
    10⁶ reached the voice as signs, 30cm³ as 三零C立方米)."""
    table = rules.powers
    if not table.names:
        return text
    # 10^6 written with a caret (or 2**10, as code writes it) is 10⁶ and 100m^2 is 100m² (before: the caret was
    # dropped, 一百零六)
    text = re.sub(r"(?<=[A-Za-z0-9)）])(?:\^|\*\*)(-?)(\d{1,3})(?![\d.])",
                  lambda m: "⁻" * len(m[1]) + m[2].translate(_TO_SUPERSCRIPT), text)
    units = _folded(rules)
    square = "".join(map(re.escape, table.names))
    if table.units:
        names = alternatives(table.units)
        text = re.sub(rf"(?<=\d)(\s*)({names})([{square}])(?![A-Za-z])",
                      lambda m: m[1] + table.names[m[3]] + units.get(m[2].lower(), m[2]), text, flags=re.IGNORECASE)

    def power(m: re.Match[str]) -> str:  # a negative power, 10⁻⁹ → 十的负九次方 (before: 一百零九)
        exponent = m[3]
        said = not m[2] and table.names.get(exponent) or cardinal(int(exponent.translate(_SUPERSCRIPTS))) + table.nth
        return m[1] + table.of + (rules.signed.negative if m[2] else "") + said

    text = re.sub(r"([A-Za-z0-9)）])(⁻?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", power, text)
    # a unit after a power of ten is the amount's (2.5×10⁻³mol/L → …的负三次方摩尔每升; the twelfth sweep,
    # before: mol, read as a word); by its exact spelling, then folded, as after a number
    latin = compiled(rules, "units-after-power", lambda: alternatives(u for u in rules.units if len(u) > 1))
    return re.sub(rf"(?<={re.escape(table.nth)})\s?((?i:{latin}))(?![A-Za-z])",
                  lambda m: rules.units.get(m[1], units.get(m[1].lower(), m[1])), text) if latin else text


def _per_unit(text: str, rules: SpeechRules) -> str:
    """A slash between a number's unit and another unit, or a count of it, reads 每: 100MB/s →
    一百M B每秒, 6.5L/100km → 六点五升每一百公里, 5元/斤 →
    五元每斤, 3万元/平方米 (before: the slash was a pause and the second unit a letter, 'M B、s').
    The first unit is a Latin one or measure words right after the number (42位影视/媒体 is no
    rate: 影视 is no measure word)."""
    units = _folded(rules)
    latin = alternatives(units)
    if not latin:
        return text
    currency = "".join(rules.currency.values()) + "".join(w for w in rules.two_words if not w.isascii())
    measures = compiled(rules, "per-unit-measures", lambda: re.escape(
        "".join(sorted(set(rules.quantity + rules.two + currency + "公里升")))))
    # (or a unit word, 75微克/立方米 → 七十五微克每立方米; the twelfth sweep, before: 微克、立方米)
    words = compiled(rules, "per-unit-words", lambda: alternatives(
        w for w in (*rules.unit_words, *rules.units.values(), *rules.signs.values()) if len(w) > 1 and not w.isascii()))
    unit = rf"(?:(?i:{latin})(?![A-Za-z])|{words + '|' if words else ''}[{measures}]{{1,3}})"

    def per(m: re.Match[str]) -> str:
        count, second = re.fullmatch(r"(\d*)\s?(.*)", m[2]).groups()  # type: ignore[union-attr]
        if count and second.lower() == m[1].lower():
            return m[0]  # 8GB/16GB, 4G/5G: two choices of one unit, no rate (before: 八G B每十六G B)
        return m[1] + rules.per + count + rules.units.get(second, units.get(second.lower(), second))

    signs = alternatives(rules.currency)
    if signs:
        # a range between two amounts that each carry their sign (¥99-¥199, $5~$10 → …到…; before: the
        # mark reached the voice, or was dropped, between 九十九元 and 一百九十九元)
        ranges = re.escape(rules.signed.ranges)
        text = re.sub(rf"((?:{signs})\s?(?:{_NUMBER})[万亿千百]*)\s*[{ranges}]{{1,2}}\s*(?=(?:{signs})\s?\d)",
                      rf"\1{rules.signed.joiner}", text)
    if signs:  # ¥99/月 → ¥99每月, read 九十九元每月 once the sign is read
        text = re.sub(rf"((?:{signs})\s?(?:{_NUMBER})[万亿千百]*)\s*/\s*(?=[{_HAN}])", rf"\1{rules.per}", text)
    # (the second unit may be counted: 6.5L/100km → 六点五升每一百公里; before: 升、一百公里)
    # (and after a power of ten, 3×10⁸米/秒 → 三乘十的八次方米每秒, read by now; before: 米、秒)
    after = "|".join(f"(?<={re.escape(w)})" for w in (rules.powers.nth, *rules.powers.names.values()) if w)
    return re.sub(rf"(?:(?<=\d){'|' + after if after else ''})({unit})\s*/\s*((?:\d+\s?)?(?i:{latin})(?![A-Za-z])|(?=[{_HAN}]))",
                  per, text)


def _marks(text: str) -> str:
    """Drop what only the eye needs; turn brackets and dashes into the pauses they make."""
    text = text.replace("@", "")
    text = re.sub(r"(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])", " ", text)
    # brackets inside a title are part of its name, said on without a pause (《刑法修正案（十二）》 →
    # 刑法修正案十二, 《公司法（2023年修订）》; before: 刑法修正案，十二，)
    text = _TITLE.sub(lambda m: _BRACKETS.sub("", m[0]), text)
    text = _QUOTES.sub("", text)
    text = _BRACKETS.sub("，", text)
    text = _DASHES.sub("，", text)
    text = re.sub(r"(?<=[\d万亿%％])\+|(?<=\d[wW])\+", "多", text)  # 100+, 10万+, 10w+: more than
    # (between two English words, & is their 'and': 《Fast & Furious 9》 → Fast and Furious, read on in
    # English; the twelfth sweep, before: Fast和Furious. Between letters, H&M → H和M, as before)
    text = re.sub(r"(?<=[A-Za-z]{2})\s*[&＆]\s*(?=[A-Za-z]{2})", " and ", text)
    text = text.replace("+", "加").replace("&", "和").replace("＆", "和")
    text = re.sub(r"(?<=[A-Z])/(?=[A-Z])", " ", text)  # GB/T, A/B测试: one name (before: a pause, G B、T)
    text = re.sub(r"(?<!\d)/|/(?!\d)", "、", text)
    text = re.sub(r"(?<=[^\s#])#\s+#(?=[^\s#])", "，", text)  # #巴黎奥运会# #中国队#: two tags, a pause between
    text = re.sub(r"[·•#*~～|=^`<>]", "", text)
    text = _UNSAID.sub("", _ARROW.sub("到", text))
    # (a mathematical sign no rule read, Sm, is no word either: → as a bullet, ∑)
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("So", "Sk", "Sm", "Cn", "Co", "Cs"))


def _latin_names(text: str, rules: SpeechRules) -> str:
    """The `[latin]` words, each a whole token, in one pass (before: one pass per word)."""
    if not rules.latin:
        return text

    def build() -> re.Pattern[str]:
        def one(word: str) -> str:
            # a word of letters may stand right before a number (TOP10 → Top十; before: T O P十)
            end = r"(?![A-Za-z])" if word[-1:].isalpha() and word.isalpha() else r"(?![A-Za-z0-9])"
            return re.escape(word) + end

        return re.compile(rf"(?<![A-Za-z0-9])(?:{'|'.join(one(w) for w in sorted(rules.latin, key=len, reverse=True))})")

    return compiled(rules, "latin", build).sub(lambda m: rules.latin[m[0]], text)


def _spell(token: str, one: str = "一") -> str:
    """A code of letters and digits, one by one (A12345 of a number plate, a hash 6551CD6A)."""
    return " ".join(digits(c, one) if c.isdigit() else c.upper() for c in token)


def _addresses(text: str, rules: SpeechRules) -> str:
    """An IP address digit by digit (192.168.1.1 → 幺九二点幺六八点幺点幺; before: a version,
    一百九十二点一百六十八点一点一), and letters between dots spelt (U.S. → U S, Ph.D. → P H D;
    before: the dots reached the voice)."""
    def address(m: re.Match[str]) -> str:
        groups = m[0].split(".")
        if any(int(g) > 255 for g in groups):
            return m[0]
        return rules.web.marks.get(".", "点").join(digits(g, rules.figures.code_one) for g in groups)

    text = re.sub(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])", address, text)
    return re.sub(r"(?<![A-Za-z0-9.])((?:[A-Za-z]{1,2}\.){2,})", lambda m: " " + " ".join(m[1].replace(".", "").upper()) + " ", text)


def _decades_and_versions(text: str) -> str:
    """1980s → 一九八零年代 (not 一千九百八十秒: 's' is also seconds); a version's dots each read 点
    (v1.2.3, 17.2.1 → 一点二点三: a decimal has one point)."""
    text = re.sub(r"(?<![\w.])(1[5-9]\d0|20[0-9]0)['’]?s(?![A-Za-z])", lambda m: digits(m[1]) + "年代", text)
    return re.sub(r"(?<![\d.])\d+(?:\.\d+){2,}(?![\d])", lambda m: "点".join(cardinal(int(g)) for g in m[0].split(".")), text)


def _codes(text: str, rules: SpeechRules) -> str:
    """Tokens that mix digits and letters: 60s → 60秒, 3D stays, Web3 → Web 3, 6551CD6A spelt."""
    text = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z0-9])", " ", text)
    units = _folded(rules)
    # 10 km, 500 ms: a unit of two letters or more after a space is still the number's (before: 十K M)
    spaced = alternatives((u for u in units if len(u) > 1))
    if spaced:
        text = re.sub(rf"(?<=\d) (?=(?i:{spaced})(?![A-Za-z]))", "", text)

    def token(m: re.Match[str]) -> str:
        word = m[0]
        if word.isdigit() or word.isalpha():
            return word
        if chained := _by_label.time_series(word, rules):  # 1h30min
            return chained
        if found := re.fullmatch(r"(\d+(?:\.\d+)?)([A-Za-z]+)", word):
            value, letters = found.groups()
            # a capital after four digits is a model's, no folded unit (Ryzen 9 7950X; before: 七千九百五十倍)
            model = len(value) >= 4 and value.isdigit() and letters.isupper() and letters not in rules.units
            if model and len(letters) == 1:
                return digits(value) + letters  # 7950X → 七九五零X, as RTX 4090 is read
            if letters in rules.units or letters.lower() in units:
                return value + rules.units.get(letters, units.get(letters.lower(), letters))
            if len(letters) == 1:
                return value + letters.upper()  # 3D, 4K, 5G, 100K (no 一百千: K is also a kilometre)
            if "." in value or letters.isupper():  # 3.2MVA, 100MVA: an amount, then its letters (before: 三.二M V A)
                return f"{value} {_spell(letters)}"
        if found := re.fullmatch(r"([A-Za-z]+)(\d{1,4})", word):
            return f"{found[1]} {found[2]}"
        if found := re.fullmatch(r"(\d{1,2})([vV])(\d{1,2})", word):  # 1v1, 5V5: players against players, counted
            return f"{found[1]} V {found[3]}"  # (before: 幺V幺, a code's digit)
        return _spell(word, rules.figures.code_one)

    return re.sub(r"(?<![\d.])\d+\.\d+[A-Za-z]+|[A-Za-z0-9]+", token, text)


_TERMS = {"加": "+", "减": "-", "乘": "×", "比": "="}  # (比 of a score: 2:2平 → 二比二平, not 二比两平)


def _numbers(text: str, rules: SpeechRules) -> str:
    names = "|".join(sorted(rules.digit_names, key=len, reverse=True))
    if names:
        def name(m: re.Match[str]) -> str:
            after = m.string[m.end() : m.end() + 1]
            return m[0] if after and after in rules.quantity else digits(m[0])

        text = re.sub(rf"(?<![\d.])(?:{names})(?![\d.,])", name, text)

    series = compiled(rules, "ordinal-series", lambda: re.compile(
        rf"第\d+(?:\s*(?:[、和及与或至~～]|{re.escape(rules.signed.joiner)})\s*\d+)*\s*(?:[、和及与或至~～]|{re.escape(rules.signed.joiner)})\s*$"))

    def convert(m: re.Match[str]) -> str:
        before = m.string[m.start() - 1 : m.start()]
        if before in _TERMS and m.string[m.start() - 2 : m.start() - 1].isdigit():
            before = _TERMS[before]  # 45+2 (加 by now): a sum's term, 二 (`speech_numbers._TERM_SIGNS`)
        elif before != "第" and series.search(m.string, max(0, m.start() - 24), m.start()):
            before = "第"  # 第1、2名, 第1-2名: each number of the series an ordinal (the thirteenth sweep; before: 第一、两名)
        after = m.string[m.end() : m.end() + 12]
        return number(m[0], before, after, rules)

    return re.sub(_NUMBER, convert, text)


# A Latin word is read whole with its accented letters (pinyin's zhāng, Seán, Zürich, São):
# cut at 'ā', 'zhāng' left 'zh' and 'ng', read as letters, 'Z H ā N G'. Letters of the Latin
# blocks: Latin-1 and Extended-A/B (but × and ÷), Latin Extended Additional (ạ, ế …).
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+")


def _base(word: str) -> str:
    """Each letter without its accent, one for one: where a word's pieces and vowels are."""
    return "".join(unicodedata.normalize("NFD", c)[0] for c in word)


def _letters(text: str, rules: SpeechRules) -> str:
    """Acronyms letter by letter (AIGC → A I G C), camelCase apart (OpenAI → Open A I); an English
    number word in capitals is a word, and so are the words of a name in capitals holding one
    (TWENTY ONE PILOTS → Twenty One Pilots, ONE PIECE; before: T W E N T Y O N E …, spelt)."""
    english = rules.english
    numbers = compiled(rules, "english-number-words", lambda: frozenset(
        w.upper() for w in (*english.ones, *english.tens, *english.scales, english.hundred) if w))

    def phrase(m: re.Match[str]) -> str:  # ONE PIECE, FIVE GUYS: a name in capitals with a number word
        words = m[0].split()
        said = [w.capitalize() if w in numbers or len(w) >= 4 and set(w) & _VOWELS else w for w in words]
        return " ".join(said) if numbers & set(words) else m[0]

    text = re.sub(r"(?<![A-Za-z])[A-Z]{2,}(?: [A-Z]{2,})+(?![A-Za-z])", phrase, text)

    def part(word: str) -> str:
        if word in numbers:
            return word.capitalize()
        if len(word) >= 2 and (word.isupper() or not set(_base(word)) & _VOWELS):
            return " ".join(word.upper())
        return word

    def token(m: re.Match[str]) -> str:
        base = _base(m[0])
        pieces = re.finditer(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[A-Z]", base)
        return " ".join(part(m[0][p.start():p.end()]) for p in pieces)

    return _LATIN_WORD.sub(token, text)


_HALF_WIDTH_PAUSES = str.maketrans(",:;!?", "，：；！？")
_KEPT_SPACE = "\ue00c"  # (a space `_tidy` keeps, through its joining of Chinese words)


def _tidy(text: str, part: bool = False) -> str:
    # a half-width mark left between words is a pause like its full-width twin (E-mail: → E mail：)
    text = re.sub(r"\s+", " ", text.translate(_HALF_WIDTH_PAUSES))
    text = text.replace("/", "、")  # a slash no rule read (25/25/2024: no date, no fraction) is a pause
    text = re.sub(r"(?<=[^\s\-－])[-－](?=[^\s\-－])", "杠", text)  # HT-2024-001: a code's dash (before: said as a sign)
    # the space the page prints after a Latin sentence before Chinese stays (`good night. 以后`: the
    # script showed `good night.以后`; the voice hears no difference)
    text = re.sub(rf"(?<=[A-Za-z][.!?]) (?=[{_HAN}])", _KEPT_SPACE, text)
    text = re.sub(rf"\s*([{_HAN}{_PAUSES}])\s*", r"\1", text).replace(_KEPT_SPACE, " ")

    def strongest(m: re.Match[str]) -> str:
        return max(m[0], key=lambda c: _STRENGTH.get(c, 0))

    text = re.sub(rf"[{_PAUSES}]{{2,}}", strongest, text)
    if part:  # a piece of a sentence (`speak`'s `part`): its pauses at either end are the sentence's
        return text.strip()
    text = re.sub(rf"^[{_PAUSES}\s]+", "", text)
    text = re.sub(r"[，、：；]$", "。", text)  # a cut-off clause still ends like a sentence
    return text.strip()


# Marks a comma the ear needs where the page prints none (a verse's line ending in a word,
# `audio.plan.line_pause`): the captions leave it and the comma out, the voice says the comma.
EAR_ONLY = "\ue00b"


def speak(text: str, rules: SpeechRules, *, part: bool = False) -> str:
    """`text` (a sentence or a label) as it should be spoken; with `part`, a piece of a sentence
    between runs another voice reads (`audio.foreign.spoken_sentence`), its edges' pauses kept."""
    text = text.replace(EAR_ONLY, "")
    text = _RATIO_SIGN.sub(lambda m: m[1] + rules.figures.ratio, text)
    text = text.translate(_FULL_WIDTH_ALNUM)
    text = re.sub(r"(?<=\d)．(?=\d)", ".", text)  # 3．5: a full-width decimal point
    text = _respell(text, rules)
    text = _sayable(text)  # (after the title's respellings, which may name such a character)
    text = _science.ions(text, rules)  # (before a charge's digit is read as a power, Fe³⁺)
    text = _science.flu_subtypes(_science.e_notation(text))
    text = _said_by_context(text, rules)
    text = _grades(_time_zones(text, rules), rules)
    text = _without_note_marks(text)
    text = _by_label.stock_codes(text, rules)
    text = _by_label.number_plates(text, rules)
    text = _web(text, rules)
    text = _by_label.handles(text, rules)
    text = _shapes(text, rules)
    text = _references(text, rules)
    text = _english_numbers(text, rules)
    text = _by_label.short_decades(text, rules)
    text = _by_label.short_years(text, rules)
    text = _by_label.slash_dates(text, rules)
    text = _by_label.compact_dates(text, rules)
    text = _by_label.spaced_thousands(text, rules)
    text = _by_label.dot_dates(text)
    text = _by_label.labels(text, rules)
    text = _by_label.era_years(text, rules)
    text = _by_label.dotted_codes(text, rules)
    text = _by_label.fiscal_years(text)
    text = _figure_names(text, rules)
    text = _signs(text, rules)
    text = _multipliers(text, rules)
    text = _by_label.model_sizes(text, rules)
    text = _roman_numerals(text, rules)
    text = _dates(text, rules)
    text = _designations(text, rules)
    text = _figures(text, rules)
    text = _signed(text, rules)
    text = _marks(text)
    text = _latin_names(text, rules)
    text = _ordinals(text, rules)
    text = _by_label.digit_suffixed(text, rules)
    text = _by_label.models_and_versions(text, rules)
    text = _dates_and_times(text, rules.signed.joiner, rules)
    text = _quantities(text, rules)
    text = _addresses(text, rules)
    text = _decades_and_versions(text)
    text = _codes(text, rules)
    text = _numbers(text, rules)
    text = _letters(text, rules)
    return _tidy(text, part)
