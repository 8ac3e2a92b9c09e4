"""Text for the ear: what a Mandarin announcer would say for what the page shows.

TTS engines read digits, Latin letters and typographic marks each in their own way (eSpeak
reads 2024年 as 两千零二十四年 and AIGC as one English word), so the audio edition hands
them text that leaves nothing to guess: 2024年2月16日凌晨2点14分 → 二零二四年二月十六日凌晨
两点十四分, 14% → 百分之十四, AIGC → A I G C, @handles without the @, book-title marks and
quotes dropped, and every word of the pronunciation table respelt (see homophones.py).

The tables live in `pipeline/data/speech.toml`; the order of the steps below matters and is
the order a reader resolves them (dates before bare numbers, units before letters).
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.passes.speech_tables import (  # noqa: F401 (the tables are part of this module's interface)
    DATA,
    Figures,
    Ordinals,
    Powers,
    Signed,
    SpeechRules,
    Web,
    load_rules,
)

DIGITS = "零一二三四五六七八九"
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PAUSES = "，。！？；：、"
_STRENGTH = {"、": 1, "，": 2, "：": 3, "；": 4, "。": 5, "！": 6, "？": 7}
_VOWELS = set("aeiouyAEIOUY")


# ── sentences ────────────────────────────────────────────────────────────────────────────

_SENTENCE = re.compile(r"[^。！？!?]+(?:[。！？!?]+[”’」』）)]*|$)|[。！？!?]+[”’」』）)]*")


def sentences(text: str) -> list[str]:
    """`text` cut after each full stop, question or exclamation mark (closing quotes kept)."""
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


# ── numbers ──────────────────────────────────────────────────────────────────────────────


def digits(number: str) -> str:
    """Digit by digit: 2024 → 二零二四."""
    return "".join(DIGITS[int(d)] for d in number if d.isdigit())


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
    if len(whole) > 1 and whole.startswith("0") and before == "第" and not fraction:
        spoken = cardinal(int(whole))  # 第01集 → 第一集: the zero only pads the column
    elif len(whole) > 1 and whole.startswith("0") or len(whole) > 12:
        spoken = digits(whole)
    elif (whole == "2" and not fraction and rules and after and before != "第"
          and (after[0] in rules.two or after.startswith(rules.two_words))):
        spoken = "两"
    else:
        spoken = cardinal(int(whole))
    if fraction:
        spoken += "点" + digits(fraction)
    return spoken


# ── the steps ────────────────────────────────────────────────────────────────────────────

_QUOTES = re.compile(r"[“”‘’「」『』《》〈〉【】\"]|(?<![A-Za-z])'|'(?![A-Za-z])")
_BRACKETS = re.compile(r"[（）()\[\]［］]")
_DASHES = re.compile(r"——|—|――|……|…|\.\.\.")
_FULL_WIDTH_ALNUM = {c: c - 0xFEE0 for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _respell(text: str, rules: SpeechRules) -> str:
    if not rules.respellings:
        return text
    words = sorted(rules.respellings, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, words)))
    return pattern.sub(lambda m: rules.respellings[m[0]], text)


def _web(text: str, rules: SpeechRules) -> str:
    """Web and e-mail addresses read out part by part: https://www.openai.com/sora → W W W点openai点
    com斜杠sora, editor@example.com → editor艾特example点com (before: the @ was dropped, the dots
    and slashes read as decimals and pauses, m/s inside the address as 米每秒)."""
    marks = rules.web.marks
    if not marks:
        return text
    name = r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    domains = "|".join(map(re.escape, sorted(rules.web.domains, key=len, reverse=True)))
    address = [
        rf"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@{name}(?:\.{name})+",  # e-mail
        r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+",  # with a scheme
        r"www\.[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+",
    ]
    if domains:
        address.append(rf"(?<![A-Za-z0-9.@/\-]){name}(?:\.{name})*\.(?:{domains})(?![A-Za-z0-9\-])(?:/[A-Za-z0-9\-._~/?#=&%]*)?")

    def say(m: re.Match[str]) -> str:
        written = m[0].rstrip(".,;:!?")
        rest = m[0][len(written):]
        written = re.sub(r"^(?:https?|ftp)://", "", written).rstrip("/")
        parts = []
        for piece in re.split(r"([^A-Za-z0-9])", written):
            if piece in marks:
                parts.append(marks[piece])
            elif piece.isdigit():
                parts.append(digits(piece))
            elif piece.isalnum():
                parts.append(" " + re.sub(r"\d+", lambda d: " " + digits(d[0]) + " ", piece) + " ")
            elif piece:
                parts.append(" ")
        return "".join(parts) + rest

    return re.sub("|".join(address), say, text)


def _ordinals(text: str, rules: SpeechRules) -> str:
    """No.1 → 第1, 1st/2nd/3rd/4th → 第1 … (before: No.一, 一S T), read later as 第一."""
    table = rules.ordinals
    if table.before:
        before = "|".join(map(re.escape, sorted(table.before, key=len, reverse=True)))
        text = re.sub(rf"(?<![A-Za-z])(?:{before})\s?(?=\d)", table.word, text)
    if table.after:
        after = "|".join(map(re.escape, sorted(table.after, key=len, reverse=True)))
        text = re.sub(rf"(?<![\d.,A-Za-z])(\d+)(?:{after})(?![A-Za-z])", rf"{table.word}\1", text)
    return text


def _signs(text: str, rules: SpeechRules) -> str:
    """Units written as signs read as their words, before `_marks` drops the signs the ear does
    not need (before: 38℃ was read 三十八, 300㎡ 三百, the unit silent). A sign
    spelt in Latin letters is one only as a whole token (the m/s in cm/s or in a web address is
    none: 'www.openai.com/sora' was read …co米每秒ora)."""
    text = _powers(text, rules)
    text = _vulgar_fractions(text)
    if rules.signs:
        def whole(sign: str) -> str:
            return (r"(?<![A-Za-z])" if sign[0].isalpha() else "") + re.escape(sign) + (
                r"(?![A-Za-z])" if sign[-1].isalpha() else "")

        pattern = re.compile("|".join(whole(s) for s in sorted(rules.signs, key=len, reverse=True)))
        text = pattern.sub(lambda m: rules.signs[m[0]], text)
    return _per_unit(text, rules)


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _powers(text: str, rules: SpeechRules) -> str:
    """cm³ → 立方厘米 after a number; any other superscript power → 的平方, 的六次方 (before: x² and
    10⁶ reached the voice as signs, 30cm³ as 三零C立方米)."""
    table = rules.powers
    if not table.names:
        return text
    units = {k.lower(): v for k, v in rules.units.items()}
    square = "".join(map(re.escape, table.names))
    if table.units:
        names = "|".join(map(re.escape, sorted(table.units, key=len, reverse=True)))
        text = re.sub(rf"(?<=\d)(\s*)({names})([{square}])(?![A-Za-z])",
                      lambda m: m[1] + table.names[m[3]] + units.get(m[2].lower(), m[2]), text, flags=re.IGNORECASE)

    def power(m: re.Match[str]) -> str:
        exponent = m[2]
        said = table.names.get(exponent) or cardinal(int(exponent.translate(_SUPERSCRIPTS))) + table.nth
        return m[1] + table.of + said

    return re.sub(r"([A-Za-z0-9)）])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", power, text)


def _vulgar_fractions(text: str) -> str:
    """½ → 二分之一, 1½ → 1又二分之一 (before: the sign reached the voice)."""

    def fraction(m: re.Match[str]) -> str:
        top, _, bottom = unicodedata.normalize("NFKC", m[2]).partition("⁄")
        said = f"{cardinal(int(bottom), leading_two=False)}分之{cardinal(int(top or 1), leading_two=False)}"
        return f"{m[1]}又{said}" if m[1] else said

    return re.sub(r"(\d?)([\u00bc-\u00be\u2150-\u215e])", fraction, text)


def _per_unit(text: str, rules: SpeechRules) -> str:
    """A slash between a number's unit and another unit reads 每: 100MB/s → 一百M B每秒, 5元/斤 →
    五元每斤, 3万元/平方米 (before: the slash was a pause and the second unit a letter, 'M B、s').
    The first unit is a Latin one or measure words right after the number (42位影视/媒体 is no
    rate: 影视 is no measure word)."""
    units = {k.lower(): v for k, v in rules.units.items()}
    latin = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    if not latin:
        return text
    measures = re.escape("".join(sorted(set(rules.quantity + rules.two + "公里升"))))
    unit = rf"(?:(?i:{latin})(?![A-Za-z])|[{measures}]{{1,3}})"

    def per(m: re.Match[str]) -> str:
        second = m[2]
        return m[1] + rules.per + units.get(second.lower(), second)

    return re.sub(rf"(?<=\d)({unit})\s*/\s*((?i:{latin})(?![A-Za-z])|(?=[{_HAN}]))", per, text)


def _dates(text: str) -> str:
    """Dates written with figures, before a dash between numbers becomes 到 and a slash a fraction:
    2024-03-01 and 2024-03 (ISO 8601), 2024/3/5 and 2024.3.5 (before: 两千零二十四/三/五 and
    两千零二十四点三点五), 2024/3 (before: 三分之两千零二十四). A dotted triple after a Latin word
    is a version (Python 3.11.2), and a dotted or slashed date needs a year from 1900 to 2099."""

    def date(m: re.Match[str]) -> str:
        year, month, day = m["y"], int(m["m"]), int(m["d"])
        plausible = m["s"] == "-" or 1900 <= int(year) <= 2099
        return f"{year}年{month}月{day}日" if plausible and 1 <= month <= 12 and 1 <= day <= 31 else m[0]

    text = re.sub(r"(?<![\d.\-/])(?P<y>\d{4})(?P<s>[-/])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d.\-/])", date, text)
    text = re.sub(r"(?<![\d.\-/A-Za-z])(?<![A-Za-z] )(?P<y>\d{4})(?P<s>\.)(?P<m>\d{1,2})\.(?P<d>\d{1,2})(?![\d.])",
                  date, text)
    text = re.sub(r"(?<![\d.\-/])(19\d\d|20\d\d)/(0?[1-9]|1[0-2])(?![\d./])", lambda m: f"{m[1]}年{int(m[2])}月", text)
    return re.sub(r"(?<![\d.\-])(\d{4})-(0[1-9]|1[0-2])(?![\d.%％年]|-\d)", lambda m: f"{m[1]}年{int(m[2])}月", text)


def _spelt_groups(groups: list[str]) -> str:
    return "，".join(digits(group) for group in groups)


def _figures(text: str, rules: SpeechRules) -> str:
    """Telephone numbers and codes digit by digit, arithmetic in words, scores with 比 (before:
    13812345678 was read 一百三十八亿…, 1+1=2 一多十二, 2：1 二：一), ahead of ranges and signs."""
    table = rules.figures
    if table.code_words:
        words = "|".join(map(re.escape, sorted(table.code_words, key=len, reverse=True)))
        amounts = set(rules.quantity) - {"号"}  # 手机1000万部 is an amount; 编号123号 a code

        def code(m: re.Match[str]) -> str:
            after = m.string[m.end(): m.end() + 1]
            if sum(c.isdigit() for c in m[0]) < 4 or after in amounts:
                return m[0]
            return _spell_figure(m[0])

        text = re.sub(rf"(?:{words})[：:\s是为]{{0,2}}(?=\d)\d[\d\-－ ]*\d(?![\d.])", code, text)

    def international(m: re.Match[str]) -> str:
        groups = [g for g in re.split(r"[\s\-－]+", m[2]) if g]
        if sum(map(len, groups)) < 7:
            return m[0]
        return table.operators.get("+", "加") + digits(m[1]) + "，" + _spelt_groups(groups)

    text = re.sub(r"(?<![A-Za-z0-9+＋])[+＋](\d{1,3})[\s\-－]+(\d[\d\s\-－]*\d)(?![\d.])", international, text)
    text = re.sub(r"(?<![\d.])1[3-9]\d{9}(?![\d.])", lambda m: digits(m[0]), text)

    def telephone(m: re.Match[str]) -> str:
        groups = re.split(r"[-－]", m[0])
        if any(_is_code(g) for g in groups) or (len(groups) >= 3 and sum(map(len, groups)) >= 7):
            return _spelt_groups(groups)
        return m[0]

    text = re.sub(r"(?<![\d.\-－:：])\d+(?:[-－]\d+)+(?![\d.\-－:：])", telephone, text)
    if table.operators:
        signs = "".join(map(re.escape, table.operators))
        expression = re.compile(rf"(?<![A-Za-z0-9.])(?:{_NUMBER})(?:\s*[{signs}]\s*(?:{_NUMBER}))+(?![\d.])")

        ambiguous = set(rules.signed.minus) | set(rules.signed.ranges)

        def arithmetic(m: re.Match[str]) -> str:
            if set(re.findall(rf"[{signs}]", m[0])) <= ambiguous:
                return m[0]  # 3-5: a range, read later
            return re.sub(rf"\s*([{signs}])\s*", lambda o: table.operators[o[1]], m[0])

        text = expression.sub(arithmetic, text)
        equals = "".join(re.escape(k) for k, v in table.operators.items() if k in "=＝")
        if equals:
            text = re.sub(rf"(?<=\S)\s*[{equals}]\s*(?=\S)", table.operators.get("=", "等于"), text)
    text = _scores(text, rules)

    def ratio(m: re.Match[str]) -> str:
        return m[0] if _is_clock(m[1], m[2]) else f"{m[1]}{table.ratio}{m[2]}"

    return re.sub(r"(?<![\d.:：])(\d+)\s*[:：]\s*(\d+)(?![\d.:：])", ratio, text)


def _is_clock(hour: str, minute: str) -> bool:
    return len(hour) <= 2 and len(minute) == 2 and int(hour) <= 24 and int(minute) <= 59


_CLAUSE = re.compile(r"[，。；！？,;!?\n]")


def _scores(text: str, rules: SpeechRules) -> str:
    """Two numbers joined by a dash or a colon are a score, read 比, where a score word stands
    before them in their clause or right after them (比分5-3, 以112-108击败, 21:19拿下首局); before,
    every dash read 到 and 湖人以112-108击败勇士 was a range. A clock-like pair (21:19) is a score
    only next to its word (比赛19:30开始 is a time); a measure word after makes an amount."""
    table = rules.figures
    if not table.score_words:
        return text
    words = re.compile("|".join(map(re.escape, sorted(table.score_words, key=len, reverse=True))))
    amounts = set(rules.quantity) | set("%％‰")

    def score(m: re.Match[str]) -> str:
        after = m.string[m.end():]
        if after[:1] in amounts and after[:1]:
            return m[0]
        before = _CLAUSE.split(m.string[: m.start()])[-1]
        following = _CLAUSE.split(after)[0][:4]
        if m[2] in ":：" and _is_clock(m[1], m[3]):
            near = re.search(rf"(?:{words.pattern})[为是以了\s]*$", before) or words.match(following)
        else:
            near = words.search(before[-8:]) or words.search(following)
        return f"{m[1]}{table.ratio}{m[3]}" if near else m[0]

    marks = re.escape(":：" + rules.signed.ranges)
    return re.sub(rf"(?<![\d.:：\-－A-Za-z])(\d{{1,3}})\s*([{marks}])\s*(\d{{1,3}})(?![\d.:：]|[{marks}]\d)", score, text)


def _spell_figure(written: str) -> str:
    """A code word and the figure after it: the word kept, the digits spelt by their groups."""
    start = next(i for i, c in enumerate(written) if c.isdigit())
    return written[:start] + _spelt_groups([g for g in re.split(r"[-－ ]+", written[start:]) if g])


def _is_code(number: str) -> bool:
    """010, 007: a leading zero makes a number a code (a telephone, a name), never a range's end."""
    return len(number) > 1 and number[0] == "0" and number[1].isdigit()


def _signed(text: str, rules: SpeechRules) -> str:
    """A range mark between two numbers reads 到 (the one rule for every range mark: '~' was
    read so in `_marks` too), or 杠 between a descending pair, which is no range (5-3 alone was
    五到三); a minus before a number reads 负, a plus 正, or 零下/零上 before a temperature
    (before: '-5℃' reached the voice as '-五摄氏度', '+5℃' as 加五摄氏度)."""
    table = rules.signed
    signs = f"[{re.escape(table.minus + table.plus)}]"
    minus = f"[{re.escape(table.minus)}]"
    dash = f"[{re.escape(table.ranges)}]"

    def span(m: re.Match[str]) -> str:
        if m["mark"] in table.hyphens:  # perhaps a code or a chain: 010-1234, A1-3, 1-2-3
            before = m.string[: m.start()][-1:]
            chain = re.match(rf"{dash}\d", m.string[m.end():])
            if _is_code(m["a"]) or _is_code(m["b"]) or before.isascii() and before.isalpha() or chain:
                return m[0]
        joiner = table.unordered if not m["sign"] and _descends(m["a"], m["b"]) else table.joiner
        return f"{m['a']}{m['pa']}{joiner}{m['sign']}{m['b']}"

    text = re.sub(rf"(?<![\d.])(\d{{1,2}}[:：]\d{{2}})[ \t]*{dash}[ \t]*(?=\d{{1,2}}[:：]\d{{2}}(?!\d))",
                  rf"\1{table.joiner}", text)  # 10:00-12:00 (clock times; their zeros are no codes)
    text = re.sub(
        rf"(?<![0-9.])(?P<a>{_NUMBER})(?P<pa>[%％‰]?)[ \t]*(?P<mark>{dash})[ \t]*(?P<sign>{minus}?)(?P<b>{_NUMBER})"
        rf"(?![\d.])",
        span,
        text,
    )
    words = "|".join(map(re.escape, table.below_zero_after))
    temperature = re.compile(
        rf"\s*(?:(?:{re.escape(table.joiner)}|至)\s*{signs}?\s*(?:{_NUMBER})\s*)?(?:{words})"
    ) if words else None

    def sign(m: re.Match[str]) -> str:
        before = m.string[: m.start()].rstrip()
        if before and re.match(r"[A-Za-z0-9.%％)）\]+＋]", before[-1]):
            return m[0]  # 5-3, A-5, C++: not a sign
        hot = m[1] in table.plus
        if temperature is not None and temperature.match(m.string, m.end()):
            return (table.above_zero if hot else table.below_zero) + m[2]
        return (table.positive if hot else table.negative) + m[2]

    return re.sub(rf"({signs})({_NUMBER})", sign, text)


def _descends(a: str, b: str) -> bool:
    """5-3, 112-108: the second number is smaller, so the pair is no range; 2020-24 and 1998-99
    are years written short, which do run upward."""
    first, second = float(a.replace(",", "")), float(b.replace(",", ""))
    if len(a) == 4 and len(b) <= 2 and second > first % 100:
        return False
    return second < first


def _marks(text: str) -> str:
    """Drop what only the eye needs; turn brackets and dashes into the pauses they make."""
    text = text.replace("@", "")
    text = re.sub(r"(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])", " ", text)
    text = _QUOTES.sub("", text)
    text = _BRACKETS.sub("，", text)
    text = _DASHES.sub("，", text)
    text = re.sub(r"(?<=[\d万亿])\+", "多", text)
    text = text.replace("+", "加").replace("&", "和").replace("＆", "和")
    text = re.sub(r"(?<!\d)/|/(?!\d)", "、", text)
    text = re.sub(r"[·•#*~～|=^`<>]", "", text)
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("So", "Sk", "Cn", "Co", "Cs"))


def _latin_names(text: str, rules: SpeechRules) -> str:
    for word in sorted(rules.latin, key=len, reverse=True):
        text = re.sub(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])", rules.latin[word], text)
    return text


def _dates_and_times(text: str, joiner: str = "到", rules: SpeechRules | None = None) -> str:
    text = re.sub(rf"(?<![\d.])(\d{{4}})({re.escape(joiner)}|到|至)(\d{{4}}|\d{{2}})(?=\s*年)", lambda m: digits(m[1]) + m[2] + digits(m[3]), text)
    text = re.sub(r"(?<![\d.])(\d{4})(?=\s*年)", lambda m: digits(m[1]), text)

    def clock(m: re.Match[str]) -> str:
        hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
        if hour > 24 or minute > 59 or second > 59:
            return m[0]
        if m[3]:  # 21:05:30 (before: 二十一点零五分:三十)
            return f"{hour}点{m[2]}分{m[3]}秒"
        return f"{hour}点" + ("整" if minute == 0 else f"{m[2]}分")

    text = re.sub(r"(?<![\d.])(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?(?!\d)", clock, text)
    text = re.sub(r"(?<![\d.])(\d{2})(?=后)", lambda m: digits(m[1]), text)  # 00后, 90后
    return _years(text, joiner, rules)


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
    units = {w[0] for w in (*rules.units.values(), *rules.currency.values(), *rules.signs.values()) if w}
    amount = re.escape("".join(sorted(set(rules.quantity) | units)))
    counting = tuple(rules.count_words)

    def alone(m: re.Match[str]) -> str:
        before = m.string[: m.start()]
        after = m.string[m.end():]
        if before[-1:] == "第" or before and unicodedata.category(before[-1]) == "Sc":
            return m[0]
        if before.rstrip().endswith(figures + counting) or after.lstrip().startswith(figures):
            return m[0]
        if re.match(rf"\s*(?:[{amount}%％‰A-Za-z]|(?:{link})\s*\d)", after):
            return m[0]
        if m[3] and len(m[3]) == 2 and int(m[3]) <= int(m[1]) % 100:
            return m[0]  # 2000到50: no year written short
        return digits(m[1]) + (m[2] + digits(m[3]) if m[2] else "")

    return re.sub(rf"(?<![\d.,])(?<!{re.escape(joiner)})(?<!至)({year})(?:({link})({year}|\d{{2}}))?(?![\d.,])",
                  alone, text)


def _quantities(text: str, rules: SpeechRules) -> str:
    """Currencies, ranges, percentages and fractions around still-written numbers."""
    signs = "|".join(map(re.escape, sorted(rules.currency, key=len, reverse=True)))

    def amount(m: re.Match[str]) -> str:
        word = rules.currency[m[1]]
        said_after = m.string.startswith(word, m.end())  # ¥1,000元: the unit is written out too
        return m[2] + m[3] + ("" if said_after else word)

    text = re.sub(rf"({signs})\s?({_NUMBER})([万亿千百]*)", amount, text)

    joiner = rules.signed.joiner  # `_signed` made every range mark a joiner

    def span(m: re.Match[str]) -> str:
        percent = _PER.get(m[2] or m[4], "")
        return f"{percent}{m[1]}{joiner}{percent}{m[3]}"

    text = re.sub(rf"(?<![\d.])({_NUMBER})([%％‰]?)\s*{re.escape(joiner)}\s*({_NUMBER})([%％‰]?)(?![\d.])", span, text)
    # '‰' like '%', after the signs (-0.6‰ → 负千分之零点六; before: '-千分之…', the minus read or dropped)
    text = re.sub(rf"(?<![\d.])({_NUMBER})\s*([%％‰])", lambda m: _PER[m[2]] + m[1], text)
    # (the denominator in words here: '2分之1' would read 两分之一, 2 before 分 being an amount)
    return re.sub(r"(?<![\d/])(\d+)/(\d+)(?![\d/])", lambda m: f"{cardinal(int(m[2]))}分之{m[1]}", text)


_PER = {"%": "百分之", "％": "百分之", "‰": "千分之"}


def _spell(token: str) -> str:
    return " ".join(DIGITS[int(c)] if c.isdigit() else c.upper() for c in token)


def _decades_and_versions(text: str) -> str:
    """1980s → 一九八零年代 (not 一千九百八十秒: 's' is also seconds); a version's dots each read 点
    (v1.2.3, 17.2.1 → 一点二点三: a decimal has one point)."""
    text = re.sub(r"(?<![\w.])(1[5-9]\d0|20[0-9]0)['’]?s(?![A-Za-z])", lambda m: digits(m[1]) + "年代", text)
    return re.sub(r"(?<![\d.])\d+(?:\.\d+){2,}(?![\d])", lambda m: "点".join(cardinal(int(g)) for g in m[0].split(".")), text)


def _models_and_versions(text: str) -> str:
    """A model number of four digits or more after a Latin name is read digit by digit (RTX 4090 →
    R T X四零九零, ISO 9001; before: 四千零九十), a round one as counted (Windows 2000, Top 1000);
    a version after a name in lower case reads its minor number as counted (Python 3.11 → Python
    三点十一, not the decimal 三点一一; Ubuntu 22.04 keeps 零四)."""
    text = re.sub(r"(?<=[A-Za-z])([ \-]?)(\d{4,})(?![\d.,])",
                  lambda m: m[0] if int(m[2]) % 100 == 0 else m[1] + digits(m[2]), text)

    def version(m: re.Match[str]) -> str:
        minor = m[4]
        if len(minor) < 2 or minor.startswith("0") or m[1].isupper():
            return m[0]
        return f"{m[1]}{m[2]}{cardinal(int(m[3]))}点{cardinal(int(minor))}"

    return re.sub(r"(?<![A-Za-z])([A-Za-z]+)( ?)(\d+)\.(\d+)(?![\d.%％])", version, text)


def _codes(text: str, rules: SpeechRules) -> str:
    """Tokens that mix digits and letters: 60s → 60秒, 3D stays, Web3 → Web 3, 6551CD6A spelt."""
    text = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z0-9])", " ", text)
    units = {k.lower(): v for k, v in rules.units.items()}

    def token(m: re.Match[str]) -> str:
        word = m[0]
        if word.isdigit() or word.isalpha():
            return word
        if found := re.fullmatch(r"(\d+)([A-Za-z]+)", word):
            value, letters = found.groups()
            if letters in rules.units or letters.lower() in units:
                return value + rules.units.get(letters, units.get(letters.lower(), letters))
            if len(letters) == 1:
                return value + letters.upper()  # 3D, 4K, 5G, 100K (no 一百千: K is also a kilometre)
        if found := re.fullmatch(r"([A-Za-z]+)(\d{1,4})", word):
            return f"{found[1]} {found[2]}"
        return _spell(word)

    return re.sub(r"[A-Za-z0-9]+", token, text)


def _numbers(text: str, rules: SpeechRules) -> str:
    names = "|".join(sorted(rules.digit_names, key=len, reverse=True))
    if names:
        def name(m: re.Match[str]) -> str:
            after = m.string[m.end() : m.end() + 1]
            return m[0] if after and after in rules.quantity else digits(m[0])

        text = re.sub(rf"(?<![\d.])(?:{names})(?![\d.,])", name, text)

    def convert(m: re.Match[str]) -> str:
        before = m.string[m.start() - 1 : m.start()]
        after = m.string[m.end() : m.end() + 4]
        return number(m[0], before, after, rules)

    return re.sub(_NUMBER, convert, text)


def _letters(text: str) -> str:
    """Acronyms letter by letter (AIGC → A I G C), camelCase apart (OpenAI → Open A I)."""

    def part(word: str) -> str:
        if len(word) >= 2 and (word.isupper() or not set(word) & _VOWELS):
            return " ".join(word.upper())
        return word

    def token(m: re.Match[str]) -> str:
        pieces = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[A-Z]", m[0])
        return " ".join(part(p) for p in pieces)

    return re.sub(r"[A-Za-z]+", token, text)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(rf"\s*([{_HAN}{_PAUSES}])\s*", r"\1", text)

    def strongest(m: re.Match[str]) -> str:
        return max(m[0], key=lambda c: _STRENGTH.get(c, 0))

    text = re.sub(rf"[{_PAUSES}]{{2,}}", strongest, text)
    text = re.sub(rf"^[{_PAUSES}\s]+", "", text)
    text = re.sub(r"[，、：；]$", "。", text)  # a cut-off clause still ends like a sentence
    return text.strip()


def speak(text: str, rules: SpeechRules) -> str:
    """`text` (a sentence or a label) as it should be spoken."""
    text = text.translate(_FULL_WIDTH_ALNUM)
    text = _respell(text, rules)
    text = _web(text, rules)
    text = _signs(text, rules)
    text = _dates(text)
    text = _figures(text, rules)
    text = _signed(text, rules)
    text = _marks(text)
    text = _latin_names(text, rules)
    text = _ordinals(text, rules)
    text = _models_and_versions(text)
    text = _dates_and_times(text, rules.signed.joiner, rules)
    text = _quantities(text, rules)
    text = _decades_and_versions(text)
    text = _codes(text, rules)
    text = _numbers(text, rules)
    text = _letters(text)
    return _tidy(text)
