"""Figures whose label says how they are read (the seventh sweep): a label written the English way
before a number (Vol.3 → 第三卷, Ep.12 → 第十二集), a stock code and its exchange (600519.SH), a
model's size (28B参数 → 二百八十亿参数), a decade written short ('90s → 九十年代), a year after 公元前
(公元前221年 → 公元前二二一年), a quarter or a financial year after a year (2025-Q3, FY2024), and
a model's number after its name (RTX 4090, Office 365, A350-900).

Steps of `speech.speak`; the tables are `[ordinals.labels]`, `[figures] exchanges`, `era_words` and
`[multipliers.counts]` of `pipeline/data/speech.toml`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.syllables import is_syllable
from pipeline.passes.speech_figures import amount_follows, clause_after, clause_before
from pipeline.passes.speech_numbers import NUMBER, cardinal, digits
from pipeline.passes.speech_tables import SpeechRules, any_of, compiled
from pipeline.passes.speech_words import in_wan_and_yi


def labels(text: str, rules: SpeechRules) -> str:
    """Vol.3 → 第3卷, Ep.12 → 第12集, pp.12-15 → 第12到15页, Fig.3 → 图3, S01E02 → 第1季第2集
    (before: Vol.三 and Ep.十二, the dot and the letters reaching the voice)."""
    table = rules.ordinals.labels
    if not table:
        return text
    pattern = compiled(rules, "labels", lambda: re.compile(
        rf"(?<![A-Za-z])({any_of(table)})\s?(\d+)(?:\s*[-–~～]\s*(\d+))?(?![\d.])"))

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
        rf"(?<![A-Za-z0-9.])(\d{{4,6}}|[A-Z]{{1,5}})\.({any_of(exchanges)})(?![A-Za-z0-9])"))
    dot = rules.web.marks.get(".", "点")

    def code(m: re.Match[str]) -> str:
        said = digits(m[1], rules.figures.code_one) if m[1].isdigit() else " ".join(m[1])
        return f"{said}{dot} {' '.join(m[2])} "

    return pattern.sub(code, text)


def model_sizes(text: str, rules: SpeechRules) -> str:
    """28B参数 → 280亿参数, 参数量达1.8T → 1.8万亿, Qwen2.5-72B → Qwen2.5 720亿 (before: 二十八B,
    and Qwen二点五-七十二B, Llama二到七B: the hyphen a dash or a range): a number and an English
    multiplier next to one of the size words, or after a model's Latin name and its version (a
    pause after the version's number); elsewhere (2B铅笔, 28B室) the letter stays."""
    if not rules.size_letters or not rules.size_words:
        return text
    pattern = compiled(rules, "model-sizes", lambda: re.compile(
        rf"(?P<hyphen>(?<=[A-Za-z0-9.])[-‐])?(?<![A-Za-z0-9.])(?:(?P<times>\d{{1,3}})\s?[x×X乘]\s?)?"
        rf"(?P<n>{NUMBER})\s?(?P<x>{any_of(rules.size_letters)})"
        rf"(?![A-Za-z0-9])"))
    words = rules.size_words

    def size(m: re.Match[str]) -> str:
        after = clause_after(m.string, m.end()).lstrip()
        before = clause_before(m.string, m.start())
        named = re.search(r"[A-Za-z]{2}[\w.]*(?:[-‐\s][\w.]+)*[-‐\s]?$", before) if m["hyphen"] or before[-1:] == " " else None
        if named and before.split()[-1:] and before.split()[-1] in rules.figures.counted_after:
            named = None  # Room 12B, Gate 5B: a label's letter, no size
        if named and len(m["n"].split(".")[0]) > 3:
            named = None  # i7-14700K: a processor's number, no size (before: 一千四百七十万)
        if not (named or after.startswith(words) or any(w in before for w in words)):
            return m[0]
        said = in_wan_and_yi(Decimal(m["n"].replace(",", "")) * rules.size_letters[m["x"]])
        if m["times"]:  # Mixtral 8x7B → 8乘70亿: experts times their size (before: 八X七B)
            said = m["times"] + rules.figures.operators.get("×", "乘") + said
        # after a version's number a pause keeps the two apart (Llama 3.1 405B → Llama3.1，405亿; before:
        # 三点一四千零五十亿, heard as one number)
        return ("，" if before.rstrip(" -‐")[-1:].isdigit() else " " if m["hyphen"] else "") + said

    return pattern.sub(size, text)


# A day named by its date with a middle dot (3·15晚会, 9·11事件, 5·12地震, 12·9运动): said digit by
# digit as Chinese names these days, 三一五 (before: the dot dropped, 三百一十五).
_DOT_DATE = re.compile(r"(?<![\d.])(1[0-2]|0?[1-9])[·•・](3[01]|[12]\d|0?[1-9])(?![\d.])")


def dot_dates(text: str) -> str:
    """3·15 → 三一五, 12·9 → 一二九: a day named by its month and day."""
    return _DOT_DATE.sub(lambda m: digits(m[1] + m[2]), text)


# A decade written short with its apostrophe ('90s, ’80s): the apostrophe says it is no 90 seconds.
_SHORT_DECADE = re.compile(r"[‘’'](\d0)s(?![A-Za-z])")


def short_decades(text: str, rules: SpeechRules | None = None) -> str:
    """'90s → 90年代, read 九十年代 as 90年代 is (before: the apostrophe dropped, 九十秒), and 80s
    without it before one of `decade_words` (80s的音乐, 90s复古风 → 八十年代; before: 八十秒, the
    s a second's; 跑了80s stays a time)."""
    text = _SHORT_DECADE.sub(r"\1年代", text)
    if rules and rules.figures.decade_words:
        pattern = compiled(rules, "decade-words", lambda: re.compile(
            rf"(?<![A-Za-z0-9.])([1-9]0)s(?=的?(?:{any_of(rules.figures.decade_words)}))"))
        text = pattern.sub(r"\1年代", text)
    return text


def short_years(text: str, rules: SpeechRules) -> str:
    """A year written with two digits, digit by digit where what follows shows it is a year (24年3月,
    24年底, 25年上半年 → 二四年…; before: 二十四年, a span of years), and a season of two such years
    (24/25赛季 → 二四到二五赛季; before: 二十五分之二十四). A half-year after a year, or next to its
    words, is said as one (2024H1, 24H2, 今年H1, H1营收 → 上半年 …; before: H幺, a flight's code);
    24年 alone (工作了24年) stays a count."""
    table = rules.figures
    after = compiled(rules, "short-years", lambda: re.compile(
        rf"(?<![\d.\-/A-Za-z])(\d{{2}})(?=年\s*(?:\d{{1,2}}\s*月|{any_of(table.short_year_after)}))"))
    text = after.sub(lambda m: digits(m[1]), text)
    text = re.sub(r"[‘’'](\d{2})(?=\s*年)", lambda m: digits(m[1]), text)  # '24年 → 二四年 (before: 二十四年)

    def season(m: re.Match[str]) -> str:
        return digits(m[1]) + rules.signed.joiner + digits(m[2]) if int(m[2]) == int(m[1]) + 1 else m[0]

    seasons = any_of(table.season_words)
    text = re.sub(rf"(?<![\d.\-/])(\d{{2}})[/\-－](\d{{2}})(?=\s*(?:{seasons}))", season, text)
    halves = rules.ordinals.halves
    if not halves:
        return text
    names = any_of(halves)
    # a release's code, not a half-year: after a model's number (Windows 11 24H2 → Windows 11，二四H二, a
    # pause between the two figures: before, 十一二四H二 ran on) or before a word of versions (24H2版本;
    # before: 二四年下半年版本). The twelfth sweep.
    versions = any_of(table.release_words)
    text = re.sub(rf"(?:(?<=\d) |(?<![A-Za-z0-9.\-]))(\d{{2}})({names})(?![A-Za-z0-9])(?=\s*(?:{versions}))|(?<=\d) (\d{{2}})({names})(?![A-Za-z0-9])",
                  lambda m: ("，" if m[0][0] == " " else "") + digits(m[1] or m[3]) + (m[2] or m[4])[0] + digits((m[2] or m[4])[1:]),
                  text)
    # after a year: 2024H1, 2024年H2, 24H1 (a model's name before it is no year: Windows 11 24H2)
    text = re.sub(rf"(?<![A-Za-z0-9.] )(?<![A-Za-z0-9.\-])(\d{{4}}|\d{{2}})\s?(?:年\s?)?({names})(?![A-Za-z0-9])",
                  lambda m: f"{digits(m[1])}年{halves[m[2]]}", text)
    words = any_of(rules.ordinals.half_words)
    # no year: after 年 (今年H1) or before a word of results (H1营收, H2业绩)
    return re.sub(rf"(?<=年)\s?({names})(?![A-Za-z0-9])|(?<![A-Za-z0-9])({names})(?=\s*(?:{words}))",
                  lambda m: halves[m[1] or m[2]], text)


def compact_dates(text: str, rules: SpeechRules) -> str:
    """A date written as eight figures after one of `date_before`: 截止日期20240520 → 2024年5月20日
    (before: 两千零二十四万零五百二十); elsewhere (订单号20240520) it stays a code or an amount."""
    if not rules.figures.date_before:
        return text
    dated = compiled(rules, "compact-dates", lambda: re.compile(
        rf"(?:{any_of(rules.figures.date_before)})[：:\s为是]{{0,2}}$"))
    return re.sub(r"(?<![\d.])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d.])",
                  lambda m: f"{m[1]}年{int(m[2])}月{int(m[3])}日" if dated.search(clause_before(m.string, m.start()))
                  else m[0], text)


def number_plates(text: str, rules: SpeechRules) -> str:
    """A number plate, 京A·12345 → 京A幺二三四五, 粤B 8X8X8 → 粤B八 X 八 X 八: its letters and digits
    one by one, before a Latin x between digits is read as a times sign (before: 八乘八乘八)."""
    table = rules.figures
    if not table.plate_regions:
        return text
    regions = re.escape(table.plate_regions)
    return re.sub(rf"(?<=[{regions}])([A-Z])[·•・ \-－]?([A-Z0-9]{{5,6}})(?![A-Za-z0-9])",  # (浙A-12345 too)
                  lambda m: m[1] + "".join(digits(c, table.code_one) if c.isdigit() else f" {c} " for c in m[2]), text)


def slash_dates(text: str, rules: SpeechRules) -> str:
    """A month and a day with a slash, 3/5, is a date where its clause says so: one of `date_before`
    right before it (于3/5举行, 时间：3/5) or one of `date_after` right after it (3/5开学, 12/25圣诞节,
    3/5（周三）) → 3月5日 (before: 五分之三, a fraction, as 答对了3/5的题目 still is); so is a range of two
    (展会3/5-3/7举行 → 3月5日到3月7日; before: 五分之三杠七分之三) or one month's days, and a day 1
    anywhere (3/1 → 3月1日; before: 一分之三, no fraction at all)."""
    table = rules.figures
    if not (table.date_before or table.date_after):
        return text
    day = r"(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])"
    pattern = compiled(rules, "slash-dates", lambda: re.compile(
        rf"(?<![\d./\-]){day}(?:\s*([-~～—–至到])\s*{day})?(?![\d/.])"))
    before = compiled(rules, "slash-dates-before", lambda: re.compile(rf"(?:{any_of(table.date_before)})[：:]?\s?$"))
    after = compiled(rules, "slash-dates-after", lambda: re.compile(rf"\s*[（(]?\s*(?:{any_of(table.date_after)})"))

    def date(m: re.Match[str]) -> str:
        said = before.search(m.string, max(0, m.start() - 8), m.start()) or after.match(m.string, m.end())
        # 3/5-3/7: one month, the days running on (fractions of one numerator run the other way, 1/3-1/2)
        month = m[3] and int(m[1]) == int(m[4]) and int(m[5]) > int(m[2])
        if not (said or month or m[2].lstrip("0") == "1" or m[5] and m[5].lstrip("0") == "1"):
            # two fractions: a range, 1/3-1/2 → 三分之一到二分之一 (before: 杠, a descending pair)
            return f"{m[1]}/{m[2]}{rules.signed.joiner}{m[4]}/{m[5]}" if m[3] else m[0]
        first = f"{int(m[1])}月{int(m[2])}日"
        return first + (f"{rules.signed.joiner}{int(m[4])}月{int(m[5])}日" if m[3] else "")

    return pattern.sub(date, text)


def handles(text: str, rules: SpeechRules) -> str:
    """A user name after one of `handle_words` read out as typed: its digits one by one with 幺, its
    marks said (_ 下划线, . 点, - 杠), a short run of letters spelt (微信号abc_123 → a b c下划线幺二三,
    ID：user_2024 → user下划线二零二四; before: abc一二三, the underscore dropped and the digits
    counted, abc.一百二十三 with the dot reaching the voice). A name without a digit or a mark
    (微信号zhangsan) is left to the other steps."""
    table = rules.figures
    if not table.handle_words:
        return text
    pattern = compiled(rules, "handles", lambda: re.compile(
        rf"((?:{any_of(table.handle_words)})[：:\s是为]{{0,2}})"
        r"(?=[A-Za-z0-9._\-]*[A-Za-z])(?=[A-Za-z0-9._\-]*[\d_])([A-Za-z0-9](?:[A-Za-z0-9._\-]*[A-Za-z0-9])?)"))
    marks = {"_": rules.web.marks.get("_", "下划线"), ".": rules.web.marks.get(".", "点"), "-": rules.web.marks.get("-", "杠")}

    def piece(run: str) -> str:
        if run in marks:
            return marks[run]
        if run.isdigit():
            return digits(run, table.code_one)
        # a short run is letters (abc), unless a pinyin syllable (zhang_san: san), said as a word
        spelt = not set(run.lower()) & set("aeiouy") or len(run) <= 3 and not is_syllable(run)
        return " " + (" ".join(run.upper()) if spelt else run) + " "

    def handle(m: re.Match[str]) -> str:
        return m[1] + "".join(piece(r) for r in re.findall(r"[A-Za-z]+|\d+|[._\-]", m[2]))

    text = pattern.sub(handle, text)
    # the digits that end an @mention are the name's, read out as typed (@用户7788521 → 用户七七八八五二幺;
    # the twelfth sweep, before: 七百七十八万…, an amount)
    return re.sub(r"(?<=@)([^\s@#，。！？、：；,.!?:;“”\"]*?[^\d\s@#，。！？、：；,.!?:;“”\"])(\d{3,})(?=[\s，。！？、：；,.!?:;”\"]|$)",
                  lambda m: m[1] + digits(m[2], table.code_one), text)


# A number in groups of three apart by a space, as SI style and some wires print it (12 345人, 1 234 567
# 元): a narrow or no-break space always joins them, and so do three groups of three or more; a plain
# space between two only before a unit or a measure word, since telephone numbers are spaced too (400
# 820 8820).
_SPACED = re.compile(r"(?<![\d+＋.,])\d{1,3}(?:([ \u00a0\u2009\u202f])\d{3}(?!\d))+(?:\.\d+)?")


def spaced_thousands(text: str, rules: SpeechRules) -> str:
    """12 345人 → 12345人 (before: 十二三百四十五人, two numbers)."""

    def joined(m: re.Match[str]) -> str:
        narrow = all(c in "\u00a0\u2009\u202f" for c in re.findall(r"\D", m[0].split(".")[0]))
        groups = len(re.findall(r"\s", m[0]))  # 1 412 000 000: groups of three, three or more, are no telephone
        return re.sub(r"\s", "", m[0]) if narrow or groups >= 2 or amount_follows(rules, m.string, m.end()) else m[0]

    return _SPACED.sub(joined, text)


def dotted_codes(text: str, rules: SpeechRules) -> str:
    """Capitals, a dot and numbers, a virus variant's name (BA.5, XBB.1.5, JN.1 → B A点五, X B B点一点五):
    the letters spelt and the dots said (before: B A.五, the dot reaching the voice). No.1 is an
    ordinal, read later."""
    ordinal = {w.rstrip(".").upper() for w in rules.ordinals.before}
    dot = rules.web.marks.get(".", "点")

    def code(m: re.Match[str]) -> str:
        if m[1].upper() in ordinal:
            return m[0]
        return " " + " ".join(m[1]) + dot + dot.join(digits(g) for g in m[2].split(".")) + " "

    return re.sub(r"(?<![A-Za-z0-9.])([A-Z]{1,4})\.(\d+(?:\.\d+)*)(?![\d.]|[A-Za-z])", code, text)


def era_years(text: str, rules: SpeechRules) -> str:
    """A year after 公元前 or 公元, digit by digit whatever its length (公元前221年 → 公元前二二一年;
    before: 两百二十一年); a round hundred is counted (公元前3000年 → 三千年; before: 三零零零, as a
    year before 年 is)."""
    def year(figure: str) -> str:
        return cardinal(int(figure)) if int(figure) % 100 == 0 else digits(figure)

    # Two years of a range, after an era word or in brackets after a name (a dynasty's, a life's:
    # 唐朝（618—907年）, 李白（701—762） → 六一八到九零七年; 公元前221—前206年; the thirteenth sweep,
    # before: 六一八到九百零七年, 公元前二百二十一，前两百零六年), each digit by digit as a year is.
    ranges = re.escape(rules.signed.ranges)
    bracketed = compiled(rules, "bracketed-years", lambda: re.compile(
        rf"(?:(?<=[\u3400-\u9fff][（(])|({any_of(rules.figures.era_words)}))(前?)(\d{{1,4}})(年?)\s*[{ranges}]\s*(前?)(\d{{1,4}})"
        rf"(?=\s*(年)|(?(1)(?!)|[)）]))"))

    def years(m: re.Match[str]) -> str:
        if not (m[1] or m[7]) and (len(m[3]) < 3 or len(m[6]) < 3 or int(m[3]) >= int(m[6])):
            return m[0]  # 人数（10-20）: without 年, only two years of three digits or more, rising, are years
        return f"{m[1] or ''}{m[2]}{year(m[3])}{m[4]}{rules.signed.joiner}{m[5]}{year(m[6])}"

    text = bracketed.sub(years, text)
    if not rules.figures.era_words:
        return text
    pattern = compiled(rules, "era-years", lambda: re.compile(
        rf"({any_of(rules.figures.era_words)})(\d{{1,4}})(?=\s*年)"))
    return pattern.sub(lambda m: m[1] + year(m[2]), text)


def fiscal_years(text: str) -> str:
    """FY2024 → 2024财年, read 二零二四财年 (before: F Y二零二四); 2025-Q3 → 2025Q3, which `_ordinals`
    reads 二零二五年第三季度 (before: the dash reached the voice)."""
    text = re.sub(r"(?<![A-Za-z])FY\s?((?:19|20)\d\d)(?!\d)", r"\1财年", text)
    # FY24 → 二四财年, a year of two digits (before: F Y二十四)
    text = re.sub(r"(?<![A-Za-z])FY\s?'?(\d\d)(?![\d.])", lambda m: digits(m[1]) + "财年", text)
    return re.sub(r"(?<![\d.])((?:19|20)\d\d)\s?[-－–/]\s?(?=Q[1-4](?![A-Za-z0-9:：]))", r"\1", text)


def models_and_versions(text: str, rules: SpeechRules) -> str:
    """A model number of four digits or more after a Latin name is read digit by digit (RTX 4090 →
    R T X四零九零, ISO 9001, i9-13900K; before: 四千零九十), a round one apart from the name as
    counted (Windows 2000, Top 1000); so is one of three digits after a word (Office 365 → 三六五,
    Xbox 360; before: 三百六十五) but one of `counted_after` (Top 250);
    a version after a name in lower case reads its minor number as counted (Python 3.11 → Python
    三点十一, not the decimal 三点一一; Ubuntu 22.04 keeps 零四). A measure word or unit after
    either makes it an amount (GDP 12000亿, Apple 3.25亿美元)."""
    def amount(m: re.Match[str]) -> bool:
        return amount_follows(rules, m.string, m.end())

    counted = rules.figures.counted_after

    def model(m: re.Match[str]) -> str:
        if int(m[3]) % 100 == 0 and m[2] == " " or amount(m):
            return m[0]  # Windows 2000, Top 1000: a round number apart from the name is counted
        if len(m[3]) == 3 and (m[1].isupper() or not m[1].isalpha() or m[1] in counted):
            return m[0]  # three digits after a word: Office 365, Xbox 360, but Top 250 is counted
        # five digits or more straight after letters: a code (SF1234567890, SN12345678), its 1 幺; and
        # four straight after one or two capitals, a flight's or a train's code, whatever the context
        # (MU5101, G1234, as C919 and A380 are read; the thirteenth sweep, before: M U五一零一 without 航班)
        code = not m[2] and m[1].isalpha() and (len(m[3]) >= 5 or m[1].isupper() and len(m[1]) <= 2)
        return m[1] + (" " if m[2] else "") + digits(m[3], rules.figures.code_one if code else "一")

    # RTX 4090, RTX4090, i9-13900K (ec0616bb is a code, spelt whole later)
    # (never splitting one run of digits: SN12345678 is no SN1234 and a model 5678)
    text = re.sub(r"(?<![A-Za-z0-9])([A-Za-z]+\d*)([ \-]?)(?<!\d)(\d{3,})(?![\d.,]|[A-Za-z]{2})", model, text)

    def code(m: re.Match[str]) -> str:
        if not m[3] and (int(m[2]) % 100 == 0 or amount(m)):
            return m[0]  # H100, A800: a round number is counted; A股300只
        variant = rules.web.marks.get("-", "杠") + digits(m[3], rules.figures.code_one) if m[3] else ""
        return m[1] + digits(m[2], rules.figures.code_one) + variant

    # three digits right after one or two capitals: a model, a road or an aircraft, digit by digit
    # (A380 → A三八零, G318国道 → G三幺八, C919 → C九幺九; before: A三百八十), and its variant after
    # a hyphen (A350-900 → A三五零杠九零零; before: A三五零-九百, the hyphen reaching the voice)
    text = re.sub(r"(?<![A-Za-z0-9])([A-Z]{1,2})(\d{3})(?:[-－](\d{1,4}))?(?![\d.,A-Za-z%％‰])", code, text)

    def version(m: re.Match[str]) -> str:
        minor = m[4]
        if len(minor) < 2 or minor.startswith("0") or m[1].isupper() or amount(m):
            return m[0]
        return f"{m[1]}{m[2]}{cardinal(int(m[3]))}点{cardinal(int(minor))}"

    text = re.sub(r"(?<![A-Za-z])([A-Za-z]+)( ?)(\d+)\.(\d+)(?![\d.%％])", version, text)
    if not rules.figures.model_words:
        return text

    def chip(m: re.Match[str]) -> str:  # 天玑9300 → 九三零零, 骁龙888 (before: 九千三百); 麒麟9000 is 九千
        return m[0] if int(m[2]) % 1000 == 0 or amount(m) else m[1] + digits(m[2])

    return re.sub(rf"({any_of(rules.figures.model_words)})\s?(\d{{3,4}})(?![\d.])", chip, text)


def time_series(token: str, rules: SpeechRules) -> str | None:
    """A duration written as a chain of numbers and time units, 1h30min → 1小时30分, 3m20s → 3分20秒
    (`[figures.time_units]`; m is a minute in such a chain, never a metre; before: spelt as a code,
    幺H三零M I N); None where the token is no such chain."""
    table = rules.figures.time_units
    if not table:
        return None
    pairs = re.findall(r"(\d+(?:\.\d+)?)([A-Za-z]+)", token)
    if len(pairs) < 2 or "".join(n + u for n, u in pairs) != token or any(u.lower() not in table for _, u in pairs):
        return None
    return "".join(n + table[u.lower()] for n, u in pairs)


def digit_suffixed(text: str, rules: SpeechRules) -> str:
    """Figures named digit by digit by what follows them: a video format, 1080P → 一零八零P (before:
    一千零八十P), a height's centimetres, 1米85 → 一米八五 (before: 一米八十五), and a time's
    hundredths, 9秒58 → 九秒五八 (before: 九秒五十八)."""
    suffixes = "|".join(map(re.escape, rules.figures.digit_suffixes))
    if suffixes:
        text = re.sub(rf"(?<![\d.A-Za-z])(\d{{3,4}})({suffixes})(?![A-Za-z])", lambda m: digits(m[1]) + m[2].upper(), text)
    # (and a time's thousandths, 1分23秒456 → 一分二十三秒四五六; before: 四百五十六, the eleventh sweep)
    return re.sub(r"(?<![\d.])(\d+)(米(?=\d{2}(?!\d))|秒(?=\d{2,3}(?!\d)))(\d{2,3})(?![\d.])",
                  lambda m: m[0] if amount_follows(rules, m.string, m.end()) else f"{m[1]}{m[2]}{digits(m[3])}", text)
