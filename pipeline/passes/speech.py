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
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.passes.homophones import load_homophones

DATA = Path(__file__).resolve().parent.parent / "data" / "speech.toml"

DIGITS = "零一二三四五六七八九"
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PAUSES = "，。！？；：、"
_STRENGTH = {"、": 1, "，": 2, "：": 3, "；": 4, "。": 5, "！": 6, "？": 7}
_VOWELS = set("aeiouyAEIOUY")


@dataclass(frozen=True)
class SpeechRules:
    units: Mapping[str, str]
    currency: Mapping[str, str]
    latin: Mapping[str, str]
    digit_names: frozenset[str]
    two: str  # after a lone 2 these read 两
    quantity: str  # after a digit name these make it a number again
    respellings: Mapping[str, str]  # word → the same sound in unambiguous characters
    signs: Mapping[str, str] = field(default_factory=dict)  # a unit written as a sign → its word (℃ → 摄氏度)
    signed: Signed = field(default_factory=lambda: Signed())
    figures: Figures = field(default_factory=lambda: Figures())


@dataclass(frozen=True)
class Signed:
    """How a minus and a range read (the `[signed]` table): -5 → 负五, -5℃ → 零下五摄氏度, 3-5 → 三到五."""

    minus: str = "-−－﹣"  # characters that are a minus before a number
    negative: str = "负"
    below_zero: str = "零下"
    below_zero_after: tuple[str, ...] = ("摄氏度", "华氏度")  # words after which a minus reads below_zero
    ranges: str = "-–—‒~～〜－"  # characters that join two numbers into a range
    joiner: str = "到"


def load_rules(pronunciations: Mapping[str, str] | None = None, path: Path = DATA) -> SpeechRules:
    """The speech tables, with the title's pronunciation table turned into respellings."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    respellings = {}
    if pronunciations:
        homophones = load_homophones()
        respellings = {word: homophones.respell(word, pinyin) for word, pinyin in pronunciations.items()}
    return SpeechRules(
        units=data["units"],
        currency=data["currency"],
        latin=data["latin"],
        digit_names=frozenset(data["digit_names"]["numbers"]),
        two=data["measure"]["two"],
        quantity=data["measure"]["quantity"],
        respellings=respellings,
        signs=data.get("signs", {}),
        signed=_signed_table(data.get("signed", {})),
        figures=_figures_table(data.get("figures", {})),
    )


def _signed_table(table: Mapping[str, object]) -> Signed:
    default = Signed()

    def chars(key: str, fallback: str) -> str:
        value = table.get(key)
        return "".join(str(v) for v in value) if isinstance(value, list) else fallback

    words = table.get("below_zero_after")
    return Signed(
        minus=chars("minus", default.minus),
        negative=str(table.get("negative", default.negative)),
        below_zero=str(table.get("below_zero", default.below_zero)),
        below_zero_after=tuple(map(str, words)) if isinstance(words, list) else default.below_zero_after,
        ranges=chars("range", default.ranges),
        joiner=str(table.get("joiner", default.joiner)),
    )


@dataclass(frozen=True)
class Figures:
    """Figures read otherwise than as amounts (the `[figures]` table): telephone numbers and codes
    digit by digit, arithmetic by its signs' words, a score as 比."""

    code_words: tuple[str, ...] = ()
    operators: Mapping[str, str] = field(default_factory=dict)
    ratio: str = "比"


def _figures_table(table: Mapping[str, object]) -> Figures:
    words, operators = table.get("code_words", []), table.get("operators", {})
    return Figures(code_words=tuple(map(str, words)) if isinstance(words, list) else (),
                   operators={str(k): str(v) for k, v in operators.items()} if isinstance(operators, dict) else {},
                   ratio=str(table.get("ratio", "比")))


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
    """A number as read in its place: 2个 → 两个, 007 → 零零七, 3.14 → 三点一四."""
    plain = text.replace(",", "")
    whole, _, fraction = plain.partition(".")
    if len(whole) > 1 and whole.startswith("0") or len(whole) > 12:
        spoken = digits(whole)
    elif whole == "2" and not fraction and rules and after and after in rules.two and before != "第":
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


def _signs(text: str, rules: SpeechRules) -> str:
    """Units written as signs read as their words, before `_marks` drops the signs the ear does
    not need (before: 38℃ was read 三十八, 300㎡ 三百, the unit silent); '‰' like '%'."""
    text = re.sub(rf"({_NUMBER})\s*‰", r"千分之\1", text)
    if not rules.signs:
        return text
    pattern = re.compile("|".join(map(re.escape, sorted(rules.signs, key=len, reverse=True))))
    return pattern.sub(lambda m: rules.signs[m[0]], text)


def _iso_dates(text: str) -> str:
    """2024-03-01 and 2024-03 are dates (ISO 8601), before a dash between numbers becomes 到."""

    def date(m: re.Match[str]) -> str:
        month, day = int(m[2]), int(m[3])
        return f"{m[1]}年{month}月{day}日" if 1 <= month <= 12 and 1 <= day <= 31 else m[0]

    text = re.sub(r"(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d.])", date, text)
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

        def arithmetic(m: re.Match[str]) -> str:
            if not set(m[0]) & set("=＝×÷+＋"):
                return m[0]  # 3-5: a range, read later
            return re.sub(rf"\s*([{signs}])\s*", lambda o: table.operators[o[1]], m[0])

        text = expression.sub(arithmetic, text)
        equals = "".join(re.escape(k) for k, v in table.operators.items() if k in "=＝")
        if equals:
            text = re.sub(rf"(?<=\S)\s*[{equals}]\s*(?=\S)", table.operators.get("=", "等于"), text)
    return re.sub(r"(?<![\d.:：])(\d{1,3})\s*[:：]\s*(\d)(?![\d.:：])", rf"\1{table.ratio}\2", text)


def _spell_figure(written: str) -> str:
    """A code word and the figure after it: the word kept, the digits spelt by their groups."""
    start = next(i for i, c in enumerate(written) if c.isdigit())
    return written[:start] + _spelt_groups([g for g in re.split(r"[-－ ]+", written[start:]) if g])


def _is_code(number: str) -> bool:
    """010, 007: a leading zero makes a number a code (a telephone, a name), never a range's end."""
    return len(number) > 1 and number[0] == "0" and number[1].isdigit()


def _signed(text: str, rules: SpeechRules) -> str:
    """A range mark between two numbers reads 到; a minus before a number reads 负, or 零下 before
    a temperature (before: '-5℃' reached the voice as '-五摄氏度', the minus read or dropped)."""
    table = rules.signed
    minus = f"[{re.escape(table.minus)}]"
    dash = f"[{re.escape(table.ranges)}]"

    def span(m: re.Match[str]) -> str:
        if _is_code(m["a"]) or _is_code(m["b"]):
            return m[0]
        return f"{m['a']}{m['pa']}{table.joiner}{m['sign']}{m['b']}"

    text = re.sub(rf"(?<![\d.])(\d{{1,2}}[:：]\d{{2}})[ \t]*{dash}[ \t]*(?=\d{{1,2}}[:：]\d{{2}}(?!\d))",
                  rf"\1{table.joiner}", text)  # 10:00-12:00 (clock times; their zeros are no codes)
    text = re.sub(
        rf"(?<![A-Za-z0-9.])(?P<a>{_NUMBER})(?P<pa>[%％]?)[ \t]*{dash}[ \t]*(?P<sign>{minus}?)(?P<b>{_NUMBER})"
        rf"(?![\d.]|{dash}\d)",
        span,
        text,
    )
    words = "|".join(map(re.escape, table.below_zero_after))
    temperature = re.compile(
        rf"\s*(?:(?:{re.escape(table.joiner)}|至)\s*{minus}?\s*(?:{_NUMBER})\s*)?(?:{words})"
    ) if words else None

    def sign(m: re.Match[str]) -> str:
        before = m.string[: m.start()].rstrip()
        if before and re.match(r"[A-Za-z0-9.%％)）\]]", before[-1]):
            return m[0]  # 5-3, A-5: not a sign
        if temperature is not None and temperature.match(m.string, m.end()):
            return table.below_zero + m[1]
        return table.negative + m[1]

    return re.sub(rf"{minus}({_NUMBER})", sign, text)


def _marks(text: str) -> str:
    """Drop what only the eye needs; turn brackets and dashes into the pauses they make."""
    text = text.replace("@", "")
    text = re.sub(r"(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])", " ", text)
    text = _QUOTES.sub("", text)
    text = _BRACKETS.sub("，", text)
    text = _DASHES.sub("，", text)
    text = re.sub(r"(?<=\d)\s*[~～]\s*(?=\d)", "到", text)
    text = re.sub(r"(?<=\d)\+", "多", text)
    text = text.replace("+", "加").replace("&", "和").replace("＆", "和")
    text = re.sub(r"(?<!\d)/|/(?!\d)", "、", text)
    text = re.sub(r"[·•#*~～|=^`<>]", "", text)
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("So", "Sk", "Cn", "Co", "Cs"))


def _latin_names(text: str, rules: SpeechRules) -> str:
    for word in sorted(rules.latin, key=len, reverse=True):
        text = re.sub(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])", rules.latin[word], text)
    return text


def _dates_and_times(text: str, joiner: str = "到") -> str:
    text = re.sub(rf"(?<![\d.])(\d{{4}})({re.escape(joiner)}|到|至)(\d{{4}}|\d{{2}})(?=\s*年)", lambda m: digits(m[1]) + m[2] + digits(m[3]), text)
    text = re.sub(r"(?<![\d.])(\d{4})(?=\s*年)", lambda m: digits(m[1]), text)

    def clock(m: re.Match[str]) -> str:
        hour, minute = int(m[1]), int(m[2])
        if hour > 24 or minute > 59:
            return m[0]
        return f"{hour}点" + ("整" if minute == 0 else f"{m[2]}分")

    text = re.sub(r"(?<![\d.])(\d{1,2})[:：](\d{2})(?!\d)", clock, text)
    return re.sub(r"(?<![\d.])(\d{2})(?=后)", lambda m: digits(m[1]), text)  # 00后, 90后


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
        percent = m[2] or m[4]
        if percent:
            return f"百分之{m[1]}{joiner}百分之{m[3]}"
        return f"{m[1]}{joiner}{m[3]}"

    text = re.sub(rf"(?<![\d.])({_NUMBER})([%％]?)\s*{re.escape(joiner)}\s*({_NUMBER})([%％]?)(?![\d.])", span, text)
    text = re.sub(rf"({_NUMBER})\s*[%％]", r"百分之\1", text)
    # (the denominator in words here: '2分之1' would read 两分之一, 2 before 分 being an amount)
    return re.sub(r"(?<![\d/])(\d+)/(\d+)(?![\d/])", lambda m: f"{cardinal(int(m[2]))}分之{m[1]}", text)


def _spell(token: str) -> str:
    return " ".join(DIGITS[int(c)] if c.isdigit() else c.upper() for c in token)


def _decades_and_versions(text: str) -> str:
    """1980s → 一九八零年代 (not 一千九百八十秒: 's' is also seconds); a version's dots each read 点
    (v1.2.3, 17.2.1 → 一点二点三: a decimal has one point)."""
    text = re.sub(r"(?<![\w.])(1[5-9]\d0|20[0-9]0)['’]?s(?![A-Za-z])", lambda m: digits(m[1]) + "年代", text)
    return re.sub(r"(?<![\d.])\d+(?:\.\d+){2,}(?![\d])", lambda m: "点".join(cardinal(int(g)) for g in m[0].split(".")), text)


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
            if len(letters) == 1 and letters.isupper():
                return word  # 3D, 4K, 5G
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
        after = m.string[m.end() : m.end() + 1]
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
    text = _signs(text, rules)
    text = _iso_dates(text)
    text = _figures(text, rules)
    text = _signed(text, rules)
    text = _marks(text)
    text = _latin_names(text, rules)
    text = _dates_and_times(text, rules.signed.joiner)
    text = _quantities(text, rules)
    text = _decades_and_versions(text)
    text = _codes(text, rules)
    text = _numbers(text, rules)
    text = _letters(text)
    return _tidy(text)
