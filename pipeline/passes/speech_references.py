"""References a newsroom prints by their shape, read as a newsreader says them (the ninth sweep):
a rank after '#' (全球#1 → 全球第一), a floor (3F → 三楼, B1层 → 地下一层), a document's number with
its year in brackets (国发〔2024〕5号 → 国发二零二四年五号), a serial number after 第 that opens with a
year (第2024001号), a standard's number (IEEE 802.11 → 八零二点一一), a pair of readings before a
pressure unit (血压120/80mmHg → 一百二十比八十), a scale written twice (华氏98.6°F → 华氏九十八点六度)
and a time in minutes and seconds with straight quotes (1'23"45 → 一分二十三秒四五).

Before this step each was read as an amount or as letters: 全球一, 三F, B两层, 国发，二零二四，五号,
第两百零二万四千零一号, 八百零二点一一, 八十分之幺二零M M H G, 华氏九十八点六华氏度, 一万二千三百四十五.
One step of `speech.speak`, early (after web addresses, before dates and amounts); the tables are
`[references]` of `pipeline/data/speech.toml`.
"""

from __future__ import annotations

import re

from pipeline.passes.speech_figures import clause_before
from pipeline.passes.speech_numbers import NUMBER, cardinal, digits
from pipeline.passes.speech_tables import SpeechRules, any_of, compiled

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"


def references(text: str, rules: SpeechRules) -> str:
    """Every rule of `[references]`, each left off where its table is empty."""
    table = rules.references
    if table.hemispheres:  # 30.5°N → 北纬30.5°, 116°23′E → 东经116°23′ (before: 三十点五度N); said once
        text = compiled(rules, "hemispheres", lambda: re.compile(
            r"(?<![\d.])(\d{1,3}(?:\.\d+)?°(?:\s?\d{1,2}(?:\.\d+)?[′'])?(?:\s?\d{1,2}(?:\.\d+)?[″\"])?)"
            rf"\s?({any_of(table.hemispheres)})(?![A-Za-z0-9型号级类])")).sub(lambda m: m[1] if m.string[
                max(0, m.start() - 2):m.start()] in table.hemispheres.values() else table.hemispheres[m[2]] + m[1], text)
    if table.wan_words:  # 年薪50W → 年薪50万 (before: 五十瓦, a watt); 快充100W stays a watt
        words = compiled(rules, "wan-words", lambda: re.compile(any_of(table.wan_words)))
        text = re.sub(r"(?<![\d.A-Za-z])(\d+(?:\.\d+)?)\s?W(?![A-Za-z])", lambda m: m[1] + "万" if words.search(
            clause_before(m.string, m.start())) else m[0], text)
    text = _minutes_and_seconds(text)
    if table.scales:
        text = _scales(text, rules)
    if table.rank:  # (a hashtag closes with its own '#' in its clause: #2024巴黎奥运# stays a tag)
        text = re.sub(r"(?<![A-Za-z0-9#&])#\s?(\d{1,3})(?![\d.A-Za-z])(?![^#，。！？；,!?;\n]*#)",
                      lambda m: table.rank.replace("#", m[1]), text)
    if table.floor_below:  # B1层, B2F, B1楼 → 地下一层 (二, not the count's 两)
        text = re.sub(r"(?<![A-Za-z0-9])B(\d{1,2})(?:F|层|楼)(?![A-Za-z0-9])",
                      lambda m: table.floor_below.replace("#", cardinal(int(m[1]), leading_two=False)), text)
    if table.floor_above:  # 3F, 12F → 三楼, 十二楼
        # (not a seat, 05车12F, 12F座: after a carriage's or a row's word, or before a seat's, it is a letter;
        # the thirteenth sweep, before: 十二楼)
        text = re.sub(r"(?<![A-Za-z0-9.\-车排])(\d{1,3})F(?![A-Za-z0-9]|座)",
                      lambda m: table.floor_above.replace("#", cardinal(int(m[1]), leading_two=False)), text)
    if table.document:  # 国发〔2024〕5号 → 国发二零二四年5号
        text = re.sub(rf"(?<=[{_HAN}])[〔［\[【]\s*((?:19|20)\d\d)\s*[〕］\]】](?=\s*第?\d{{1,5}}\s*号)",
                      lambda m: table.document.replace("#", digits(m[1])), text)
    if table.document:  # a court's case number, （2024）京0105民初12345号 → 2024年京幺零幺零五民初…号
        one = rules.figures.code_one
        text = re.sub(rf"[（(]\s*((?:19|20)\d\d)\s*[）)]\s*([{_HAN}]{{1,3}})(\d{{2,6}})([{_HAN}]{{1,4}})(\d{{1,6}})(?=号)",
                      lambda m: table.document.replace("#", digits(m[1])) + m[2] + digits(m[3], one) + m[4] + digits(m[5], one),
                      text)
    # a match's minute, 第87'破门 → 第87分钟 (before: the mark dropped, 第八十七破门)
    text = re.sub(r"(第\d{1,3})['′](?![\d'′])", r"\1分钟", text)
    # 第2024001号: a serial number that opens with its year, digit by digit (a rank is never this long)
    text = re.sub(r"(?<=第)((?:19|20)\d{4,})(?=号)", lambda m: digits(m[1], rules.figures.code_one), text)
    if table.standards:
        text = _standards(text, rules)
    if table.pair_units:
        pattern = compiled(rules, "reference-pairs", lambda: re.compile(
            rf"(?<![\d./])(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)(?=\s*(?:{any_of(table.pair_units)}))"))
        text = pattern.sub(lambda m: f"{m[1]}{table.pair}{m[2]}", text)
    return _units_after(_limits_and_rates(text, rules), rules)


def _units_after(text: str, rules: SpeechRules) -> str:
    """A Latin unit after 万 or 亿 is the number's (1000亿kWh → 1000亿千瓦时, 100万km, 50万t; before: k W H,
    spelt), and a currency code after a number is its money (1USD → 1美元, 50 EUR; before: U S D)."""
    def build() -> re.Pattern[str]:
        # (and a unit of one letter, as written, 50万t → 50万吨, 10万W → 10万瓦, but w, itself 万; before: 五十万t)
        units = [u for u, word in rules.units.items() if len(u) > 1 and word != u]
        letters = [u for u, word in rules.units.items() if len(u) == 1 and u not in "wxX" and word != u]
        # (km², km/h: a sign, read later; a rate per a Chinese word is read here, 50万t/年 → 50万吨/年)
        return re.compile(rf"(?<=\d[万亿])((?i:{any_of(units)})|{any_of(letters)})(?![A-Za-z^·⁰¹²³⁴⁵⁶⁷⁸⁹]|/[A-Za-z])")

    folded = compiled(rules, "reference-units-folded", lambda: {k.lower(): v for k, v in rules.units.items()})
    text = compiled(rules, "reference-units", build).sub(lambda m: rules.units.get(m[1], folded.get(m[1].lower(), m[1])), text)
    codes = [c for c in rules.currency if c.isascii() and c.isalpha()]
    if codes:
        text = re.sub(rf"(?<=\d)\s?({any_of(codes)})(?![A-Za-z])", lambda m: rules.currency[m[1]], text)
    return text


def _limits_and_rates(text: str, rules: SpeechRules) -> str:
    """钠<2000mg → 钠小于2000mg, 10Y美债 → 10年期美债, f/1.8 → F1.8, 100mg/d → 100mg/天 (read 每天 later)."""
    table = rules.references
    said = {sign: rules.figures.operators[sign] for sign in table.compared if sign in rules.figures.operators}
    if said:  # (a tag, <b>, has no number after it; after a number, 3<5, the arithmetic step reads it;
        # a '<' that a '>' closes in its clause is a title's angle bracket: <2046>)
        text = re.sub(rf"(?<![0-9.%％)）\]<＜])\s*({any_of(said)})\s*(?=[-−]?\d)(?![^<>＜＞，。！？\n]*[>＞])",
                      lambda m: said[m[1]], text)
    if table.tenor:
        text = re.sub(rf"(?<![A-Za-z0-9.])(\d{{1,2}})Y(?=[{_HAN}])", lambda m: table.tenor.replace("#", m[1]), text)
    # 100W+ of a count is 万, as 10w+ is (a watt is never 'more than': before, 一百瓦多)
    text = re.sub(r"(?<=\d)W(?=\+)", "w", text)
    if table.aperture:
        text = re.sub(r"(?<![A-Za-z0-9/])[fF]\s?/\s?(\d{1,2}(?:\.\d)?)(?![\d./])", lambda m: table.aperture.replace("#", m[1]), text)
    if table.per_time:  # (and after a measure word, 72次/分 → 72次/分钟; before: 每分)
        text = re.sub(rf"(?<=[A-Za-z{_HAN}])\s*/\s*({any_of(table.per_time)})(?![A-Za-z钟])",
                      lambda m: "/" + table.per_time[m[1]], text)
    # a benchmark and basis points above or below it, LPR-20BP → LPR减20BP (before: the sign dropped,
    # L P R二十个基点: the rate's direction lost)
    signs = {sign: rules.figures.operators[sign] for sign in "+-−" if sign in rules.figures.operators}
    if signs:
        text = re.sub(rf"(?<=[A-Z])\s?([{re.escape(''.join(signs))}])\s?(?=\d+(?:\.\d+)?\s?(?:BP|bp|bps|个基点)(?![A-Za-z]))",
                      lambda m: signs[m[1]], text)
    return text


def _minutes_and_seconds(text: str) -> str:
    """1'23"45 and 116°23'17" with a keyboard's quotes (or a word processor's curly ones) are the
    marks of minutes and seconds, ′ and ″, which the `[symbols]` table reads 分 and 秒."""
    return re.sub(r"(?<=\d)['’′](\d{1,2})[\"”″]", r"′\1″", text)


def _scales(text: str, rules: SpeechRules) -> str:
    """华氏98.6°F → 华氏98.6°, read 华氏九十八点六度: the scale is said once."""
    for scale, signs in rules.references.scales.items():
        if signs:
            text = re.sub(rf"({re.escape(scale)}\s*[-+−－]?\s*(?:{NUMBER})\s*)(?:{any_of(signs)})", r"\1°", text)
    return text


def _standards(text: str, rules: SpeechRules) -> str:
    """IEEE 802.11ax → IEEE 八零二点一一 A X, ISO/IEC 27001.2: a standard's number with a dot is a
    name, digit by digit, its dots said (before: 八百零二点一一, an amount); one without a dot (ISO
    9001, GB/T 7714-2015) is a model's number, read so by `models_and_versions`."""
    dot, dash = rules.web.marks.get(".", "点"), rules.web.marks.get("-", "杠")
    pattern = compiled(rules, "reference-standards", lambda: re.compile(
        rf"(?<![A-Za-z/])({any_of(rules.references.standards)})[\s\-]?"
        rf"(?:(\d+(?:\.\d+)+(?:-\d+)?)([a-z]{{0,3}})|(\d+)[:：]((?:19|20)\d\d))(?![\d.A-Za-z])"))

    def said(m: re.Match[str]) -> str:
        if m[4]:  # ISO/IEC 27001:2022 → 二七零零一，二零二二 (its edition; before: 二七零零一比两千零二十二)
            return f"{m[1]} {digits(m[4])}，{digits(m[5])}"
        number = "".join(dot if c == "." else dash if c == "-" else digits(c) for c in m[2])
        letters = " " + " ".join(m[3].upper()) if m[3] else ""
        return f"{m[1]} {number}{letters} "

    return pattern.sub(said, text)
