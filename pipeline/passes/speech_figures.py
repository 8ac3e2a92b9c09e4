"""Figures read by their shape before they are read as amounts: dates (2024/3/5, 25/12/2024),
flight, train and room numbers (G101次, 1203室), telephone numbers and codes, arithmetic, scores
(以3-1击败), ratios, signs and ranges (-5℃, 3-5人, 5-3); clock times, durations and years alone
are in `speech_times.py`, model numbers (RTX 4090) in `speech_labels.py`.

Steps of `speech.speak`, in the order it calls them; the tables are `[figures]` and `[signed]` of
`pipeline/data/speech.toml`.
"""

from __future__ import annotations

import re

from pipeline.passes.speech_numbers import NUMBER as _NUMBER
from pipeline.passes.speech_numbers import DIGITS, cardinal, digits
from pipeline.passes.speech_tables import SpeechRules, alternatives, any_of, compiled


def numeric_dates(text: str, rules: SpeechRules) -> str:
    """Dates written with figures, before a dash between numbers becomes 到 and a slash a fraction:
    2024-03-01 and 2024-03 (ISO 8601), 2024/3/5 and 2024.3.5 (before: 两千零二十四/三/五 and
    两千零二十四点三点五), 2024/3 (before: 三分之两千零二十四), and two years, 2023/2024 or
    2023/24赛季, a range (before: 二零二三/二十四). A dotted triple after a Latin word is a version
    (Python 3.11.2), and a dotted or slashed date needs a year from 1900 to 2099."""

    def date(m: re.Match[str]) -> str:
        year, month, day = m["y"], int(m["m"]), int(m["d"])
        plausible = m["s"] == "-" or 1900 <= int(year) <= 2099
        return f"{year}年{month}月{day}日" if plausible and 1 <= month <= 12 and 1 <= day <= 31 else m[0]

    text = re.sub(r"(?<![\d.\-/])(?P<y>\d{4})(?P<s>[-/])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d.\-/])", date, text)
    text = re.sub(r"(?<![\d.\-/A-Za-z])(?<![A-Za-z] )(?P<y>\d{4})(?P<s>\.)(?P<m>\d{1,2})\.(?P<d>\d{1,2})(?![\d.])",
                  date, text)
    text = _day_and_month(text, rules)
    seasons = any_of(rules.figures.season_words)

    def years(m: re.Match[str]) -> str:
        first, second = int(m[1]), int(m[2])
        later = second if len(m[2]) == 4 else first - first % 100 + second
        month = len(m[2]) <= 2 and 1 <= second <= 12 and not re.compile(rf"\s*(?:{seasons})").match(m.string, m.end())
        if month:
            return f"{m[1]}年{second}月"
        return f"{m[1]}{rules.signed.joiner}{m[2]}" if first < later <= first + 10 else m[0]

    text = re.sub(r"(?<![\d.\-/])(19\d\d|20\d\d)/(\d{4}|\d{1,2})(?![\d./])", years, text)
    return re.sub(rf"(?<![\d.\-])(\d{{4}})-(0[1-9]|1[0-2])(?![\d.%％年]|-\d|\s*(?:{seasons}))",
                  lambda m: f"{m[1]}年{int(m[2])}月", text)


def _day_and_month(text: str, rules: SpeechRules) -> str:
    """Day and month before a year, either way round (25/12/2024, 12/25/2024, 14.07.2024,
    30-06-2025; before: 十二分之二十五、二零二四, or spelt as a telephone number). Where one side
    is over 12, or both are alike, the order is plain and the date reads in Chinese order; where it
    is not (05/03/2024: 5 March or May 3?), the figures read as written, their marks said (五斜杠三
    斜杠二零二四), so the listener keeps the page's doubt rather than hearing a guess."""
    said = {mark: rules.web.marks.get(mark, "") for mark in "/.-"}  # 斜杠, 点, 杠

    def date(m: re.Match[str]) -> str:
        first, second, year = int(m[1]), int(m[3]), m[4]
        if not (1 <= first <= 31 and 1 <= second <= 31) or first > 12 and second > 12:
            return m[0]  # no day and month at all
        if first > 12 and second <= 12:
            day, month = first, second
        elif second > 12 and first <= 12 or first == second <= 12:
            month, day = first, second
        else:
            mark = said[m[2]] or m[2]
            return f"{cardinal(first)}{mark}{cardinal(second)}{mark}{digits(year)}"
        return f"{year}年{month}月{day}日"

    return re.sub(r"(?<![\d.\-/A-Za-z])(?<![A-Za-z] )(\d{1,2})([/.\-])(\d{1,2})\2((?:19|20)\d\d)(?![\d\-/]|\.\d)",
                  date, text)


def amount_marks(rules: SpeechRules) -> set[str]:
    """What may follow a number that is an amount: a measure word, or the first character of a
    unit, currency or sign word of the tables (2024名, 1998立方厘米, 100平方米, 80美元)."""
    def build() -> set[str]:
        words = (*rules.units.values(), *rules.currency.values(), *rules.signs.values(), *rules.two_words)
        return set(rules.quantity) | {w[0] for w in words if w and not w[0].isascii()} | set("%％‰")

    return compiled(rules, "amount-marks", build)


def amount_follows(rules: SpeechRules, text: str, pos: int) -> bool:
    """Whether what stands at `pos` makes the number before it an amount: a measure word or a
    whole unit, currency or sign word (2024名, 2000英尺, 80美元). A word that only begins like
    one is a name (2024华为 is no 华氏度, 2022吉林 no 吉瓦: before, both were amounts, 两千零二十四)."""
    def build() -> re.Pattern[str]:
        words = {w for w in (*rules.units.values(), *rules.currency.values(), *rules.signs.values(),
                             *rules.two_words, *rules.unit_words) if w and not w[0].isascii()}
        single = re.escape("".join(sorted(set(rules.quantity) | {w for w in words if len(w) == 1} | set("%％‰"))))
        return re.compile(rf"[{single}]|{alternatives(w for w in words if len(w) > 1)}")

    return bool(compiled(rules, "amount-follows", build).match(text, pos))


_LISTED = "、和或及与/／"  # what joins the figures of a list (110、119或120)


def _spelt_groups(groups: list[str], one: str = "一") -> str:
    return "，".join(digits(group, one) for group in groups)


def figures(text: str, rules: SpeechRules) -> str:
    """Telephone numbers and codes digit by digit, arithmetic in words, scores with 比 (before:
    13812345678 was read 一百三十八亿…, 1+1=2 一多十二, 2：1 二：一), ahead of ranges and signs."""
    table = rules.figures
    one = table.code_one
    if table.mask:  # a masked number, 138****5678 → 幺三八星星星星五六七八 (before: the stars dropped, 五千六百七十八)
        text = re.sub(r"(?<![\d.])(\d{2,})([*＊]{3,})(\d{2,})(?![\d.])",  # (2**10 is a power)
                      lambda m: digits(m[1], one) + table.mask * len(m[2]) + digits(m[3], one), text)
        # (and stars before the last digits alone, 账户****1234 → 星星星星幺二三四; the thirteenth sweep, before:
        # the stars dropped and the digits an amount, 一千二百三十四)
        text = re.sub(r"(?<![\d.*＊])([*＊]{3,})(\d{2,})(?![\d.])",
                      lambda m: table.mask * len(m[1]) + digits(m[2], one), text)
    text = _transport_and_rooms(text, rules)
    # an area code in brackets, then the number: （010）6512 3456 → 零幺零，六五幺二，三四五六 (before:
    # the brackets a pause and the number an amount, 六千五百一十二三千四百五十六)
    text = re.sub(r"[（(](0\d{2,3})[）)]\s*(\d{3,4}(?:[\s\-－]?\d{4})?)(?![\d.])",
                  lambda m: _spelt_groups([m[1], *re.split(r"[\s\-－]+", m[2])], one)
                  if sum(c.isdigit() for c in m[2]) >= 7 else m[0], text)
    if table.code_words:
        words = alternatives(table.code_words)
        def code(m: re.Match[str]) -> str:  # 手机1000万部 is an amount; 编号123号 a code
            # (号 and 后 after a code name no amount: 编号123号, 拨打12345后按0; before: 一万二千三百四十五后)
            amount = not m.string.startswith(("号", "后"), m.end()) and amount_follows(rules, m.string, m.end())
            if sum(c.isdigit() for c in m[2]) < table.code_digits or amount:
                return m[0]
            dash = rules.web.marks.get("-", "杠")
            listed = "".join(joiner + (_spell_figure(item, one, dash) if len(item) >= table.code_digits else item)
                             for joiner, item in re.findall(rf"([{_LISTED}]\s?)(\d+)", m[3]))
            return m[1] + _spell_figure(m[2], one, dash) + listed

        # (the word may hold a digit, 后4位1234: the figure is what follows it; and the figures listed
        # after it are codes too, 拨打110、119或120 → 幺幺零、幺幺九或幺二零; before: 一百一十九)
        # (a code may open with capitals, 工号是A0123 → A零幺二三; the twelfth sweep, before: A零一二三)
        text = re.sub(rf"((?:{words})[：:\s是为]{{0,2}}(?:[A-Z]{{1,3}}(?=\d))?)(\d[\d\-－ ]*\d)((?:[{_LISTED}]\s?\d+)*)(?![\d.])",
                      code, text)

    if table.send_words:  # 发送"TD"至10086: the number a keyword is sent to (before: 一万零八十六)
        sent = compiled(rules, "sent-to", lambda: re.compile(
            rf"((?:{any_of(table.send_words)})[^，。；！？,;!?]{{0,16}}?[至到]\s?)(\d{{{table.code_digits},}})(?![\d.])"))
        text = sent.sub(lambda m: m[0] if amount_follows(rules, m.string, m.end()) else m[1] + digits(m[2], one), text)

    def international(m: re.Match[str]) -> str:
        groups = [g for g in re.split(r"[\s\-－]+", m[2]) if g]
        if sum(map(len, groups)) < 7:
            return m[0]
        return table.operators.get("+", "加") + digits(m[1], one) + "，" + _spelt_groups(groups, one)

    # (the country code may stand in brackets: (+86) 138 0013 8000; before: 加八十六，一百三十八…)
    text = re.sub(r"(?<![A-Za-z0-9+＋])[（(]?[+＋](\d{1,3})(?:[）)][\s\-－]*|[\s\-－]+)(\d[\d\s\-－]*\d)(?![\d.])",
                  international, text)
    text = re.sub(r"(?<![\d.])1[3-9]\d{9}(?![\d.])", lambda m: digits(m[0], one), text)

    def telephone(m: re.Match[str]) -> str:
        groups = re.split(r"[-－]", m[0])
        flat = len(groups) == 3 and min(map(len, groups)) <= 2  # (12-1-1502: no telephone's groups)
        if any(_is_code(g) for g in groups) or (len(groups) >= 3 and sum(map(len, groups)) >= 7 and not flat):
            return _spelt_groups(groups, one)
        if len(groups) == 3 and max(map(len, groups)) >= 3:  # a building, its unit and a flat: 3-2-401 →
            # 三杠二杠四零幺 (before: 三杠二杠四百零一, the flat an amount)
            return rules.web.marks.get("-", "杠").join(digits(g, one) if len(g) >= 3 else cardinal(int(g)) for g in groups)
        return m[0]

    # (after a colon too, unless a digit stands before it: 传真：021-6234-5678, but not 10:00-12:00)
    text = re.sub(r"(?<![\d.\-－])(?<!\d[:：])\d+(?:[-－]\d+)+(?![\d.\-－:：])", telephone, text)
    # an extension after a number read out, 010-12345678转8001 → …转八零零幺 (before: 转八千零一)
    text = re.sub(rf"(?<=[{DIGITS}幺])转(\d{{1,6}})(?![\d.])", lambda m: "转" + digits(m[1], one), text)
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
        hour, _, fraction = m[1].partition(".")
        if not fraction and _is_clock(hour, m[2].partition(".")[0]) and not _next_to(m, table.ratio_words):
            return m[0]  # 比例1:10 is no time (before: 一点十分); 1:44.65 is a duration, read later
        if _next_to(m, table.duration_words) and not _next_to(m, table.ratio_words):
            return m[0]  # 用时45:30 is a duration too, read later (before: 四十五比三十)
        return f"{m[1]}{table.ratio}{m[2]}"

    def chain(m: re.Match[str]) -> str:  # 1:2:3 → 一比二比三 (before: 一：二：三); 21:05:30 is a time
        parts = re.split(r"\s*[:：]\s*", m[0])
        clock = len(parts) == 3 and _is_clock(parts[0], parts[1]) and len(parts[2]) == 2 and int(parts[2]) <= 59
        return m[0] if clock and not _next_to(m, table.ratio_words) else table.ratio.join(parts)

    text = re.sub(r"(?<![\d.:：])\d+(?:\s*[:：]\s*\d+){2,}(?![\d.:：])", chain, text)
    # two shares apart by a colon are a ratio too (控球率58%:42% → 百分之五十八比百分之四十二; the thirteenth
    # sweep, before: the colon a pause between them)
    text = re.sub(r"(?<![\d.:：])(\d+(?:\.\d+)?[%‰])\s*[:：]\s*(?=\d+(?:\.\d+)?[%‰])", rf"\1{table.ratio}", text)
    # (a decimal on either side too: 赔率1:1.5, 2.5:1; before: 一：一点五, the colon reaching the voice)
    return re.sub(r"(?<![\d.:：])(\d+(?:\.\d+)?)\s*[:：]\s*(\d+(?:\.\d+)?)(?![\d.:：])", ratio, text)


def _is_clock(hour: str, minute: str) -> bool:
    return len(hour) <= 2 and len(minute) == 2 and int(hour) <= 24 and int(minute) <= 59


_CLAUSE = re.compile(r"[，。；！？,;!?\n]")
# How far a figure's context is looked for. A bounded window, never the whole text before or after
# it: splitting all of it for every figure made a long paragraph quadratic (a one-line 200 KB
# paragraph took minutes to script; benchmarks/speech_scaling.py).
_WINDOW = 48


def _clause_before(text: str, start: int) -> str:
    """The clause that ends at `start` (its last `_WINDOW` characters at most)."""
    return _CLAUSE.split(text[max(0, start - _WINDOW): start])[-1]


def _clause_after(text: str, end: int) -> str:
    """The clause that starts at `end` (its first `_WINDOW` characters at most)."""
    return _CLAUSE.split(text[end: end + _WINDOW], maxsplit=1)[0]


def _next_to(m: re.Match[str], words: tuple[str, ...]) -> bool:
    """Whether one of `words` stands right before the figure (a few linking characters apart:
    用时3:45, 配比为1:20) or right after it (2:03:11的成绩); one further off says nothing
    (成绩将于19:30公布 is a clock time)."""
    if not words:
        return False
    either = alternatives(words)
    before = _clause_before(m.string, m.start())
    after = _clause_after(m.string, m.end())
    return bool(re.search(rf"(?:{either})[为是了约仅只达到以在：:\s]{{0,2}}$", before)
                or re.match(rf"\s*的?(?:{either})", after))


def _scores(text: str, rules: SpeechRules) -> str:
    """Two numbers joined by a dash or a colon are a score, read 比, where a score word stands
    before them in their clause or right after them (比分5-3, 以112-108击败, 21:19拿下首局); before,
    every dash read 到 and 湖人以112-108击败勇士 was a range. A clock-like pair (21:19) is a score
    only next to its word (比赛19:30开始 is a time); a measure word after makes an amount."""
    table = rules.figures
    if not table.score_words:
        return text
    words = re.compile(alternatives(table.score_words))
    amounts = set(rules.quantity) | set("%％‰")

    def score(m: re.Match[str]) -> str:
        after = m.string[m.end(): m.end() + 1]
        if after in amounts and after:
            return m[0]
        before = _clause_before(m.string, m.start())
        following = _clause_after(m.string, m.end())[:4]
        adjacent = re.search(rf"(?:{words.pattern})[为是以了\s]*$", before) or words.match(following)
        if m[2] in ":：" and _is_clock(m[1], m[3]):
            near = adjacent or any(w in before for w in table.score_clause_words)
        else:  # a word of one character (胜, 赢) only next to the pair: 名胜古迹有10-20处 is no score
            # (every word found, not the first: 三局比分为 holds 比分 after the one-character 局)
            near = adjacent or any(len(w) > 1 for w in (*words.findall(before[-8:]), *words.findall(following)))
        return f"{m[1]}{table.ratio}{m[3]}" if near else m[0]

    marks = re.escape(":：" + rules.signed.ranges)
    text = re.sub(rf"(?<![\d.:：\-－A-Za-z])(\d{{1,3}})\s*([{marks}])\s*(\d{{1,3}})(?![\d.:：]|[{marks}]\d)", score, text)
    # a series of results shares its reading: 以6-4、6-3取胜 → 六比四、六比三 (before: 六杠四、六比三)
    ratio = re.escape(table.ratio)
    pair = rf"(\d{{1,3}})\s*[{marks}]\s*(\d{{1,3}})"
    series = [re.compile(rf"(?<![\d.:：\-－A-Za-z]){pair}(?=[、，,]\s*\d{{1,3}}{ratio}\d)"),
              # (after a result of two or three digits too, 21-19、19-21 → 二十一比十九、十九比二十一; the thirteenth
              # sweep, before: 十九到二十一, the lookbehind saw one digit only)
              re.compile(rf"(?:(?<=\d{ratio}\d[、，,])|(?<=\d{ratio}\d\d[、，,])|(?<=\d{ratio}\d\d\d[、，,]))\s*{pair}"
                         rf"(?![\d.:：]|[{marks}]\d)")]
    for _ in range(8):
        joined = text
        for pattern in series:
            joined = pattern.sub(lambda m: f"{m[1]}{table.ratio}{m[2]}", joined)
        if joined == text:
            break
        text = joined
    return text


def _spell_figure(figure: str, one: str, dash: str = "杠") -> str:
    """The figure after a code word, its digits spelt by their groups; a short
    figure of two groups joined by a hyphen is a model and its variant, said with its dash (波音787-9
    → 七八七杠九, 737-800 → 七三七杠八零零; before: a pause where the page has none)."""
    groups = [g for g in re.split(r"[-－ ]+", figure) if g]
    if len(groups) == 2 and re.fullmatch(r"\d+[-－]\d+", figure) and len(groups[0] + groups[1]) <= 6:
        return dash.join(digits(g, one) for g in groups)
    return _spelt_groups(groups, one)


def _transport_and_rooms(text: str, rules: SpeechRules) -> str:
    """Flight and train numbers, rooms and stock codes, digit by digit with 幺 (before: G101次 →
    G一百零一次, 1203室 → 一千二百零三室, 贵州茅台（600519） → 六十万零五百一十九)."""
    table = rules.figures
    one = table.code_one

    def spelt(m: re.Match[str]) -> str:
        return m["head"] + digits(m["digits"], one)

    prefix = r"(?P<head>(?<![A-Za-z0-9])(?:[A-Z]{1,2}|\d[A-Z]|[A-Z]\d))(?P<digits>\d{1,5})(?![\d.A-Za-z])"
    if table.transport_after:
        after = alternatives(table.transport_after)
        # (and each of a list before it: G1234/G1235次 → G幺二三四、G幺二三五; before: the first read with 一)
        listed = r"(?:[/、和及与][A-Z]{1,2}\d{1,5})*"
        text = re.sub(rf"{prefix}(?={listed}\s?(?:{after}))", spelt, text)
    if table.transport_before:
        before = alternatives(table.transport_before)
        text = re.sub(rf"((?:{before})[：:\s是为]{{0,2}}){prefix}", lambda m: m[1] + spelt(m), text)
    if table.code_suffixes:
        suffixes = "|".join(map(re.escape, table.code_suffixes))
        # (a room's capital before its digits too, B1203会议室 → B幺二零三; the twelfth sweep, before: B一二零三)
        # (not after a count's word: 共有120房 is a hotel's rooms, counted; the thirteenth sweep)
        counts = tuple(rules.count_words) + ("有",)
        text = re.sub(rf"(?<![\d.,\-－A-Za-z])([A-Z]{{0,2}})(\d{{{table.code_digits},}})(?=(?:{suffixes}))",
                      lambda m: m[0] if m.string[:m.start()].endswith(counts) else m[1] + digits(m[2], one), text)
    if table.stock_words:  # 股票600036, 创业板300750 (before: 六十万零三十六, an amount)
        words = alternatives(table.stock_words)
        text = re.sub(rf"((?:{words})[：:\s为是]{{0,2}})(\d{{5,6}})(?![\d.])", lambda m: m[0] if amount_follows(
            rules, m.string, m.end()) else m[1] + digits(m[2], one), text)
    # a stock code: 5 or 6 digits alone in brackets right after a name (贵州茅台（600519）)
    return re.sub(r"(?<=[^\d\s（(][（(])\d{5,6}(?=[）)])", lambda m: digits(m[0], one), text)


def _is_code(number: str) -> bool:
    """010, 007: a leading zero makes a number a code (a telephone, a name), never a range's end."""
    return len(number) > 1 and number[0] == "0" and number[1].isdigit()


def signed(text: str, rules: SpeechRules) -> str:
    """A range mark between two numbers reads 到 (the one rule for every range mark: '~' was
    read so in `_marks` too), or 杠 between a descending pair, which is no range (5-3 alone was
    五到三); a minus before a number reads 负, a plus 正, or 零下/零上 before a temperature
    (before: '-5℃' reached the voice as '-五摄氏度', '+5℃' as 加五摄氏度)."""
    table = rules.signed
    signs = f"[{re.escape(table.minus + table.plus)}]"
    minus = f"[{re.escape(table.minus)}]"
    dash = f"[{re.escape(table.ranges)}]"

    discount = re.compile("(?:" + "|".join(map(re.escape, table.discount_before)) + ")$") if table.discount_before else None

    def span(m: re.Match[str]) -> str:
        if m["mark"] in table.hyphens:  # perhaps a code or a chain: 010-1234, A1-3, 1-2-3
            before = m.string[m.start() - 1: m.start()] if m.start() else ""
            chain = re.compile(rf"{dash}\d").match(m.string, m.end())
            if _is_code(m["a"]) or _is_code(m["b"]) or before.isascii() and before.isalpha() or chain:
                return m[0]
        joiner = table.joiner
        if discount and not m["sign"] and discount.search(m.string, 0, m.start()) and _descends(m["a"], m["b"]):
            return f"{m['a']}{m['pa']}{table.discount}{m['b']}"  # 满300-50 → 满三百减五十
        below = m.start() and m.string[m.start() - 1] in table.minus  # -5~3℃ rises: no 负五杠三 (eleventh sweep)
        if not m["sign"] and not below and _descends(m["a"], m["b"]):
            cycle = table.cycles.get(m.string[m.end(): m.end() + 1], 0)  # 12-1月, 22-6点: a range round the clock
            if not (cycle and m["a"].isdigit() and m["b"].isdigit() and int(m["a"]) <= cycle):
                joiner = table.unordered
        return f"{m['a']}{m['pa']}{joiner}{m['sign']}{m['b']}"

    # 10:00-12:00 (clock times; their zeros are no codes), also into the next day: 20:00—次日2:00 →
    # 二十点整到次日两点整 (before: the dash a pause)
    text = re.sub(rf"(?<![\d.])(\d{{1,2}}[:：]\d{{2}})[ \t]*{dash}[ \t]*(?=(?:次日|翌日|第二天|凌晨|早上)?\d{{1,2}}[:：]\d{{2}}(?!\d))",
                  rf"\1{table.joiner}", text)
    # 5万-10万元, 3岁-5岁, 9月23日—10月8日: a range whose first number carries its unit (before: the
    # mark was a minus, 五万负十万元, or a pause)
    def units() -> str:
        measures = re.escape("".join(sorted(c for c in amount_marks(rules) if not c.isascii() and c not in "%％‰")))
        # (a unit's word as a whole, 25℃~30℃ read 二十五摄氏度到三十摄氏度; before: the mark was dropped)
        unit_words = sorted({w for w in (*rules.signs.values(), *rules.units.values(), *rules.currency.values())
                             if len(w) > 1 and not w.isascii()}, key=len, reverse=True)
        return "|".join([*map(re.escape, unit_words), rf"[{measures}]{{1,3}}"])

    unit = compiled(rules, "range-units", units)
    # (a minus after the mark is the second number's sign, kept for it: -12℃~-8℃ → 零下十二摄氏度到零下八摄氏度;
    # the twelfth sweep, before: the mark and the minus one double mark, 到八摄氏度)
    text = re.sub(rf"(?<=\d)({unit})[ \t]*(?:{dash}[ \t]*(?={minus}\d)|{dash}{{1,2}}[ \t]*(?=\d))", rf"\1{table.joiner}", text)
    # A1-A3, B2-5: a range of codes, the same letters before both numbers or one or two digits after
    # the mark (before: the hyphen reached the voice, A一-A三; A350-900 is a model's variant)
    text = re.sub(rf"(?<![A-Za-z0-9])([A-Z]{{1,2}})(?:(\d{{1,3}})[ \t]*{dash}[ \t]*(?=\1\d{{1,3}}(?![\d.A-Za-z]))|"
                  rf"(\d{{1,2}})[ \t]*{dash}[ \t]*(?=\d{{1,2}}(?![\d.A-Za-z])))",
                  lambda m: f"{m[1]}{m[2] or m[3]}{table.joiner}", text)
    # 15k-25k, 10w~20w, 8GB-16GB: a range whose numbers carry the same Latin unit (before: the mark
    # was dropped, 十五K二十五K)
    text = re.sub(rf"(?i)(?<=\d)([a-z]{{1,4}})[ \t]*{dash}{{1,2}}[ \t]*(?=\d+(?:\.\d+)?\1(?![a-z]))", rf"\1{table.joiner}", text)
    text = re.sub(
        rf"(?<![0-9.])(?P<a>{_NUMBER})(?P<pa>[%％‰]?)[ \t]*(?P<mark>{dash})(?P=mark)?[ \t]*(?P<sign>{minus}?)(?P<b>{_NUMBER})"
        rf"(?![\d.])",
        span,
        text,
    )
    words = "|".join(map(re.escape, table.below_zero_after))
    temperature = re.compile(
        rf"\s*(?:(?:{re.escape(table.joiner)}|至)\s*{signs}?\s*(?:{_NUMBER})\s*)?(?:{words})"
    ) if words else None
    near = "|".join(map(re.escape, table.below_zero_after_near))
    warm = re.compile(rf"\s*(?:(?:{re.escape(table.joiner)}|至)\s*{signs}?\s*(?:{_NUMBER})\s*)?(?:{near})") if near else None

    def temperature_near(m: re.Match[str]) -> bool:
        """-18度 in a clause about a temperature (冰箱冷冻室-18度), not an angle (转了-90°)."""
        return bool(warm and warm.match(m.string, m.end())
                    and any(w in _clause_before(m.string, m.start()) for w in table.temperature_words))

    def sign(m: re.Match[str]) -> str:
        before = m.string[max(0, m.start() - _WINDOW): m.start()].rstrip()
        if before and re.match(r"[A-Za-z0-9.%％)）\]+＋]", before[-1]):
            return m[0]  # 5-3, A-5, C++: not a sign
        hot = m[1] in table.plus
        if temperature is not None and temperature.match(m.string, m.end()) or temperature_near(m):
            return (table.above_zero if hot else table.below_zero) + m[2]
        if hot and "." not in m[2] and not re.compile(r"\s*[%％‰]").match(m.string, m.end()):
            return m[0]  # 我+1, +1个: the plus of a count reads 加 (`_marks`); +0.5, +12% are signed
        return (table.positive if hot else table.negative) + m[2]

    return re.sub(rf"({signs})({_NUMBER})", sign, text)


def _descends(a: str, b: str) -> bool:
    """5-3, 112-108, 0-0: the second number is no larger, so the pair is no range; 2020-24 and 1998-99
    are years written short, which do run upward."""
    first, second = float(a.replace(",", "")), float(b.replace(",", ""))
    if len(a) == 4 and len(b) <= 2 and second > first % 100:
        return False
    return second <= first


clause_before = _clause_before  # (for the other steps' context: speech_labels)
clause_after = _clause_after
