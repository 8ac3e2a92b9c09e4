"""Figures known by their shape alone (the eleventh sweep): an emoji standing for a word, a colour's code, a file's path, a
service's number before its word (110报警), a golfer's score against
par, a stock code with no market word before it, and a day named by its date with a middle dot
whose month is said as a word (10·1 → 十一).

A step of `speech.speak`, after the web addresses (a path inside an address is the address's) and
before the signs, dates and numbers; its table is `[shapes]` of `pipeline/data/speech.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pipeline.passes.speech_figures import amount_follows
from pipeline.passes.speech_numbers import cardinal, digits
from pipeline.passes.speech_tables import SpeechRules, any_of, compiled

_SEGMENT = r"[A-Za-z0-9_.\-]*[A-Za-z_][A-Za-z0-9_.\-]*"  # a path's part: a name with a letter in it
_UNIX = re.compile(rf"(?<![A-Za-z0-9/:.\\~])(?:~|\.{{1,2}})?(?:/{_SEGMENT}){{1,}}/?")
_WINDOWS = re.compile(rf"(?<![A-Za-z0-9])([A-Za-z]):\\((?:{_SEGMENT}(?: {_SEGMENT})*\\?)*)")
_PAR = r"(?<![\dA-Za-z.])([+＋\-−－])(\d+)\s?({words})"


def shapes(text: str, rules: SpeechRules) -> str:
    table = rules.shapes
    if not table:
        return text
    text = _placeholders(_mark_words(_word_emoji(text, table), rules, table), table)
    text = _colours(text, table, rules.figures.code_one)
    text = _greek(text, table)
    text = _per_after_power(text, rules, table)
    text = _paths(text, table)
    text = _comparisons(text, table)
    text = _par_scores(text, rules, table)
    text = _dot_months(text, table)
    text = _full_stop_days(text, rules, table)
    text = _service_codes(text, rules, table)
    return _stock_codes(text, rules, table)


def _service_codes(text: str, rules: SpeechRules, table: Mapping[str, object]) -> str:
    """110报警 → 幺幺零报警, 12306网站 → 幺二三零六网站: a number before a service's word is its
    number, digit by digit with 幺 (before: 一百一十报警, and 一二三零六 with 一)."""
    words = table.get("code_after")
    if not words:
        return text
    pattern = compiled(rules, "shapes-service", lambda: re.compile(
        rf"(?<![\d.,，A-Za-z第])(?!(?:19|20)\d\d(?!\d))(\d{{3,6}})(?=\s?(?:{any_of(map(str, words))}))"))
    return pattern.sub(lambda m: m[0] if m[1].endswith("00") or _after_amount_word(m, table)
                       else digits(m[1], rules.figures.code_one), text)


def _after_amount_word(m: re.Match[str], table: Mapping[str, object]) -> bool:
    """Whether one of `amount_before` (约, 共, 达, 新增 …) stands right before the match: a count."""
    return m.string[:m.start()].endswith(tuple(map(str, table.get("amount_before") or ())))


def _word_emoji(text: str, table: Mapping[str, object]) -> str:
    """我❤️你 → 我爱你: an emoji between two Chinese characters stands for a word (before: dropped,
    我你, a sentence the listener could not follow)."""
    emoji = table.get("word_emoji")
    if not isinstance(emoji, dict) or not emoji:
        return text
    pattern = rf"(?<=[\u3400-\u9fff])({any_of(map(str, emoji))})\ufe0f?(?=[\u3400-\u9fff])"
    text = re.sub(pattern, lambda m: str(emoji[m[1]]), text)
    weather = table.get("weather_emoji")  # 今天天气☀️ → 今天天气晴 (before: 今天天气)
    if isinstance(weather, dict) and weather:
        text = re.sub(rf"(?<=[\u3400-\u9fff])({any_of(map(str, weather))})\ufe0f?", lambda m: str(weather[m[1]]), text)
    return text


def _mark_words(text: str, rules: SpeechRules, table: Mapping[str, object]) -> str:
    """打√ → 打勾, ✗表示不合格 → 叉表示不合格: a check mark or a cross after a verb of marking or
    before a word of meaning is the mark's word (before: 根号 and 乘, or nothing)."""
    marks = table.get("mark_words")
    if not isinstance(marks, dict) or not marks:
        return text

    def build() -> re.Pattern[str]:
        # (a mark alone: ×× is a withheld name's, `_placeholders`)
        signs = "".join(re.escape(str(k)) for k in marks if len(str(k)) == 1)
        mark = rf"(?<![{signs}])({any_of(map(str, marks))})\ufe0f?(?![{signs}])"
        verbs, meanings = table.get("mark_verbs") or (), table.get("mark_meanings") or ()
        after_verb = rf"(?P<verb>{any_of(map(str, verbs))})\s?{mark}" if verbs else "(?!)"
        before_meaning = rf"{mark}(?=\s?(?:{any_of(map(str, meanings))}))" if meanings else "(?!)"
        return re.compile(f"{after_verb}|{before_meaning}")

    def said(m: re.Match[str]) -> str:
        return (m["verb"] or "") + str(marks[m[2] or m[3]])

    return compiled(rules, "shapes-marks", build).sub(said, text)


def _placeholders(text: str, table: Mapping[str, object]) -> str:
    """××市, 张××, ○○小学 → 某某市, 张某某, 某某小学: marks standing for a name the page withholds,
    each said 某 (before: 乘乘市, the sign of multiplication, and ○ dropped). Two or more together,
    or one after a word before a pause (张×，男); one between words stays a sign (长×宽×高 → 长乘宽乘高)."""
    marks, word = table.get("placeholders"), str(table.get("placeholder") or "")
    if not marks or not word:
        return text
    mark = "[" + re.escape("".join(map(str, marks))) + "]"
    return re.sub(rf"(?<![\dA-Za-z)）]){mark}{{2,}}(?![\dA-Za-z(（])|(?<=[\u3400-\u9fff]){mark}(?=[，。、；：！？,.;:!?\s]|$)",
                  lambda m: word * len(m[0]), text)


_COLOUR = re.compile(r"[#＃]((?:[0-9A-Fa-f]{3}){1,2}|[0-9A-Fa-f]{8})(?![0-9A-Za-z])")


def _colours(text: str, table: Mapping[str, object], one: str) -> str:
    """#333 → 三三三, #3F3F3F → 三F三F三F: a colour's code character by character (before: 第三百三十三,
    read as a rank, and #666666 as an amount). All digits and three of them: a colour only with one
    of `colour_words` within a few characters (全球#100 is a rank)."""
    words = tuple(map(str, table.get("colour_words") or ()))
    if not words:
        return text

    def colour(m: re.Match[str]) -> str:
        code = m[1]
        near = m.string[max(0, m.start() - 10): m.start()] + m.string[m.end(): m.end() + 10]
        if code.isdigit() and len(code) == 3 and not any(word in near for word in words):
            return m[0]
        return "".join(digits(char, one) if char.isdigit() else char.upper() for char in code)

    return _COLOUR.sub(colour, text)


def _greek(text: str, table: Mapping[str, object]) -> str:
    """β-胡萝卜素 → 贝塔胡萝卜素, α粒子 → 阿尔法粒子: a Greek letter naming a thing, its hyphen silent
    (before: β杠胡萝卜素); before a Latin letter (μg, ΔT) or after a number (100Ω) it is left alone."""
    names = table.get("greek")
    if not isinstance(names, dict) or not names:
        return text
    pattern = rf"(?<![\dA-Za-z.])({any_of(map(str, names))})(?:[-‐－](?=[\u3400-\u9fff])|(?=[\u3400-\u9fff]))"
    return re.sub(pattern, lambda m: str(names[m[1]]), text)


def _per_after_power(text: str, rules: SpeechRules, table: Mapping[str, object]) -> str:
    """4.0×10⁹/L → 4.0×10⁹每升: a count per unit of volume or mass (before: 十的九次方、L)."""
    units = table.get("per_after_power")
    if not isinstance(units, dict) or not units:
        return text
    pattern = rf"(?<=[⁰¹²³⁴⁵⁶⁷⁸⁹])/({any_of(map(str, units))})(?![A-Za-z])"
    return re.sub(pattern, lambda m: rules.per + str(units[m[1]]), text)


def _paths(text: str, table: Mapping[str, object]) -> str:
    """/usr/local/bin → 斜杠usr斜杠local斜杠bin, ./configure → 点斜杠configure, C:\\Users → C盘反斜杠Users
    (before: the slashes read as pauses, 、usr、local、bin, a Windows path's backslashes and colon
    reached the voice). A Unix path is two parts or more, or one after ~ or ./ (元/斤 and km/h are
    no paths: a unit's slash has a word or a number right before it)."""
    marks = table.get("path_marks")
    if not isinstance(marks, dict):
        return text

    def said(path: str) -> str:
        return "".join(marks.get(char, char) for char in path)

    def unix(m: re.Match[str]) -> str:
        path = m[0]
        if path.count("/") < 2 and not path.startswith(("~", ".")):
            return path
        if path.endswith("/") and not m.string[m.end():m.end() + 1].isascii():
            return path  # 中文/English/日本語: a list of words, no path
        return said(path)

    text = _UNIX.sub(unix, text)
    drive = str(table.get("drive", ""))
    return _WINDOWS.sub(lambda m: m[1].upper() + drive + said("\\" + m[2]), text)


def _comparisons(text: str, table: Mapping[str, object]) -> str:
    """营收YoY+15% → 营收同比+15%: an analyst's comparison word in Chinese, so that the sign after it
    is a sign (正, 负) and not a sum (before: Yo Y加百分之十五)."""
    words = table.get("comparison_words")
    if not isinstance(words, dict) or not words:
        return text
    pattern = rf"(?<![A-Za-z])({any_of(map(str, words))})(?![A-Za-z])\s?"
    return re.sub(pattern, lambda m: str(words[m[1]]), text)


def _par_scores(text: str, rules: SpeechRules, table: Mapping[str, object]) -> str:
    """+3杆 → 高于标准杆三杆, -5杆 → 低于标准杆五杆: a golfer's score against par (before: 加三杆, 负五杆)."""
    words = table.get("par_words")
    above, below = str(table.get("par_above", "")), str(table.get("par_below", ""))
    if not words or not above or not below:
        return text
    pattern = compiled(rules, "shapes-par", lambda: re.compile(_PAR.format(words=any_of(map(str, words)))))
    return pattern.sub(lambda m: (above if m[1] == "+" or m[1] == "＋" else below) + cardinal(int(m[2])) + m[3], text)


def _dot_months(text: str, table: Mapping[str, object]) -> str:
    """10·1 → 十一 (the National Day holiday, as it is said; before: 一零一): a month named in
    `dot_months` before a one-digit day; other days are left to `speech_labels.dot_dates`."""
    months = table.get("dot_months")
    if not isinstance(months, dict) or not months:
        return text
    pattern = rf"(?<![\d.])({any_of(map(str, months))})[·•・]0?([1-9])(?![\d.])"
    return re.sub(pattern, lambda m: str(months[m[1]]) + digits(m[2]), text)


def _full_stop_days(text: str, rules: SpeechRules, table: Mapping[str, object]) -> str:
    """3.15晚会 → 三一五晚会: a day's name written with a full stop for the middle dot, before one of
    `dot_day_words` (before: 三点一五, a decimal)."""
    words = table.get("dot_day_words")
    if not words:
        return text
    pattern = compiled(rules, "shapes-full-stop-days", lambda: re.compile(
        rf"(?<![\d.])(1[0-2]|[1-9])\.(3[01]|[12]\d|[1-9])(?=[”\"」]?(?:{any_of(map(str, words))}))"))
    return pattern.sub(lambda m: digits(m[1] + m[2]), text)


def _stock_codes(text: str, rules: SpeechRules, table: Mapping[str, object]) -> str:
    """贵州茅台600519, 600519收涨 → 六零零五幺九: six digits that begin as an exchange's codes do
    are a stock's code, digit by digit with 幺 (before: 六十万零五百一十九), unless a measure word or
    unit follows (共600519人), a word of amount stands right before (约600519), or it is a round
    number (300000 is far more often a count than 浦发银行's 600000)."""
    prefixes = table.get("stock_prefixes")
    if not prefixes:
        return text
    pattern = compiled(rules, "shapes-stock", lambda: re.compile(
        rf"(?<![\d.,，A-Za-z+\-−－])(?:{any_of(map(str, prefixes))})\d{{3}}(?![\d.,%A-Za-z])"))
    one = rules.figures.code_one

    def code(m: re.Match[str]) -> str:
        if m[0].endswith("0000") or amount_follows(rules, m.string, m.end()) or _after_amount_word(m, table):
            return m[0]
        return digits(m[0], one)

    return pattern.sub(code, text)
