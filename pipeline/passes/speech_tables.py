"""The speech tables (`pipeline/data/speech.toml`) read into typed rules.

Kept apart from the steps that apply them (`speech.py`) so that an editor's table and the code
reading it are one obvious place: each `[section]` of the file is one dataclass here, with the
defaults a missing key falls back to.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pipeline.passes.homophones import load_homophones

T = TypeVar("T")

DATA = Path(__file__).resolve().parent.parent / "data" / "speech.toml"


@dataclass(frozen=True)
class Signed:
    """How a sign and a range read (the `[signed]` table): -5 → 负五, -5℃ → 零下五摄氏度,
    +5℃ → 零上五摄氏度, 3-5 → 三到五, 5-3 → 五杠三."""

    minus: str = "-−－﹣"  # characters that are a minus before a number
    negative: str = "负"
    below_zero: str = "零下"
    below_zero_after: tuple[str, ...] = ("摄氏度", "华氏度")  # words after which a sign reads below/above zero
    below_zero_after_near: tuple[str, ...] = ()  # the same, only after one of `temperature_words` (-18度)
    temperature_words: tuple[str, ...] = ()
    plus: str = "+＋"
    positive: str = "正"
    above_zero: str = "零上"
    ranges: str = "-–—‒~～〜－"  # characters that join two numbers into a range
    hyphens: str = "-－"  # range marks that may also join a code or a chain (010-1234, 1-2-3)
    joiner: str = "到"
    unordered: str = "杠"  # joins a descending pair, which is no range (5-3 → 五杠三)
    cycles: Mapping[str, int] = field(default_factory=dict)  # after these a range may wrap round (12-1月)
    discount_before: tuple[str, ...] = ()  # before a descending pair these make it a discount (满300-50)
    discount: str = "减"


@dataclass(frozen=True)
class Figures:
    """Figures read otherwise than as amounts (the `[figures]` table): telephone numbers and codes
    digit by digit, arithmetic by its signs' words, a score or a ratio as 比."""

    code_words: tuple[str, ...] = ()
    score_units: tuple[str, ...] = ()
    release_words: tuple[str, ...] = ()  # before these 24H2 is a release's code, not a half-year
    roman_numbered: tuple[str, ...] = ()  # after these even a numeral of two letters with L is one (Super Bowl LX)  # after a decimal, a score's: its trailing zeros unsaid (98.00分)
    operators: Mapping[str, str] = field(default_factory=dict)
    ratio: str = "比"
    score_words: tuple[str, ...] = ()
    season_words: tuple[str, ...] = ()  # after 2023/24: two years, not a year and a month
    digit_suffixes: tuple[str, ...] = ()  # after 3 or 4 digits: a name read digit by digit (1080P)
    code_digits: int = 3  # digits after a code word that make a code (拨打110)
    meridiem: Mapping[str, str] = field(default_factory=dict)  # am/pm after a time → 上午/下午 before it
    code_one: str = "一"  # the digit 1 in a figure read digit by digit (幺)
    code_suffixes: tuple[str, ...] = ()  # after 3 digits or more: a code (1203室)
    transport_before: tuple[str, ...] = ()  # before letters and digits: a flight or train (车次D312)
    transport_after: tuple[str, ...] = ()  # after letters and digits: a flight or train (G101次)
    ratio_words: tuple[str, ...] = ()  # a colon pair near these is a ratio, even a clock-like one (比例1:10)
    duration_words: tuple[str, ...] = ()  # a clock-like figure near these is a duration (用时3:45)
    mask: str = ""  # each '*' of a masked number (138****5678)
    stock_words: tuple[str, ...] = ()  # before 5 or 6 digits: a stock's code (股票600036)
    decade_words: tuple[str, ...] = ()  # after 80s (or 80s的): a decade, not seconds (80s的音乐)
    plate_regions: str = ""  # before a letter and 5 or 6 letters and digits: a number plate (京A12345)
    roman_after: tuple[str, ...] = ()  # Latin Roman numerals before these are numbers (III期, II型)
    designations: tuple[str, ...] = ()  # before a hyphen and a number: a model's name (歼-20)
    score_clause_words: tuple[str, ...] = ()  # anywhere before a colon pair in its clause: a score (比分…24:22)
    exchanges: tuple[str, ...] = ()  # after a stock code and a dot: its exchange (600519.SH)
    counted_after: tuple[str, ...] = ()  # after these three digits are counted, not a model (Top 250)
    era_words: tuple[str, ...] = ()  # before a year of any length: read digit by digit (公元前221年)
    regnal_names: tuple[str, ...] = ()  # before a Roman numeral: a monarch's or a pope's (Louis XIV → 十四世)
    regnal: str = "世"
    short_year_after: tuple[str, ...] = ()  # after NN年: a year, not a count (24年底, 25年上半年)
    model_words: tuple[str, ...] = ()  # a Chinese name before 3 or 4 digits: a model's number (天玑9300)
    day_parts: tuple[str, ...] = ()  # before a time with AM/PM: the part of the day is said already
    time_units: Mapping[str, str] = field(default_factory=dict)  # in a chain: 1h30min → 1小时30分
    send_words: tuple[str, ...] = ()  # …至/到 a number after these: the code it is sent to (发送"TD"至10086)
    handle_words: tuple[str, ...] = ()  # before a user name read as typed (微信号abc_123)
    date_before: tuple[str, ...] = ()  # before 3/5: a date, not a fraction (于3/5举行)
    date_after: tuple[str, ...] = ()  # after 3/5: a date (3/5开学, 3/5（周三）)


@dataclass(frozen=True)
class Web:
    """How a web or e-mail address is read out (the `[web]` table); empty: left to the other steps."""

    marks: Mapping[str, str] = field(default_factory=dict)  # '.' '/' '@' '-' '_' → their words
    domains: tuple[str, ...] = ()  # endings that make a bare name.ending an address (openai.com)


_WEB_MARKS = {"dot": ".", "slash": "/", "at": "@", "dash": "-", "underscore": "_", "colon": ":"}


@dataclass(frozen=True)
class Ordinals:
    """English-style ordinals (the `[ordinals]` table): No.1, 1st → 第一."""

    word: str = "第"
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    quarter: str = ""  # Q1 … Q4 → 第一季度 … (empty: Q3 is letters and a number)
    labels: Mapping[str, str] = field(default_factory=dict)  # Vol. → 第#卷: the number goes at '#'
    season: str = ""  # S01E02: the season's words (第#季) and the episode's (第#集)
    episode: str = ""
    halves: Mapping[str, str] = field(default_factory=dict)  # H1 → 上半年 after a year or next to `half_words`
    half_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Powers:
    """Superscript powers (the `[powers]` table): cm³ → 立方厘米, x² → x的平方, 10⁶ → 十的六次方."""

    names: Mapping[str, str] = field(default_factory=dict)  # '²' → 平方, '³' → 立方
    units: tuple[str, ...] = ()  # units (keys of `[units]`) that a power after a number squares or cubes
    of: str = "的"
    nth: str = "次方"


@dataclass(frozen=True)
class English:
    """Number words for numbers inside English (the `[english]` table): 3 → three, 2023 → twenty
    twenty-three; empty `ones`: numbers in English are read as Mandarin ones."""

    ones: tuple[str, ...] = ()  # 0 … 19
    tens: tuple[str, ...] = ()  # '', '', twenty … ninety
    hundred: str = "hundred"
    scales: tuple[str, ...] = ()  # '', thousand, million …
    point: str = "point"
    percent: str = "percent"
    oh: str = "oh"  # the zero of a year said in pairs (1905 → nineteen oh five)
    the: str = "the"  # before a monarch's ordinal (Henry VIII → Henry the Eighth)
    minus: str = "minus"  # a sign before a temperature (-5℃ → minus five degrees Celsius)
    degrees: Mapping[str, str] = field(default_factory=dict)  # ℃ → degrees Celsius
    denominators: Mapping[str, str] = field(default_factory=dict)  # a fraction's denominator said otherwise than its ordinal (4 → quarter)
    year_before: tuple[str, ...] = ()  # words after which 1100–2099 is a year
    ordinals: Mapping[str, str] = field(default_factory=dict)  # the last word of an ordinal (three → third)
    money: Mapping[str, str] = field(default_factory=dict)  # a sign before a number ($ → dollars)
    function_words: tuple[str, ...] = ()  # in title case too these make a run English (The Top 10 … Of 2023)
    months: tuple[str, ...] = ()  # January … December: an ISO date in English (2024-03-05 → March fifth, …)
    to: str = ""  # between two years of a range in English (2020-2024 → twenty twenty to twenty twenty-four)
    out_of: str = ""  # between a tally's two numbers (20/25 → twenty out of twenty-five)
    named_fractions: int = 4  # a slash pair up to this denominator is a fraction anywhere, above it only before 'of'
    figure_names: Mapping[str, str] = field(default_factory=dict)  # figures said as set words (24/7 → twenty-four seven)


@dataclass(frozen=True)
class References:
    """References read by their shape (the `[references]` table, the ninth sweep): a rank (#1), a
    floor (3F, B1层), a document's number (国发〔2024〕5号), a standard's (IEEE 802.11), a pair of
    readings (120/80mmHg) and a scale said once (华氏98.6°F); an empty value switches its rule off."""

    rank: str = ""  # '#1' → 第1: the number goes at '#'
    floor_above: str = ""  # 3F → 3楼
    floor_below: str = ""  # B1层 → 地下1层
    document: str = ""  # 〔2024〕 → 2024年
    standards: tuple[str, ...] = ()  # before a number read digit by digit (IEEE 802.11)
    pair_units: tuple[str, ...] = ()  # after a/b: a pair of readings, not a fraction (120/80mmHg)
    pair: str = "比"
    scales: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # 华氏 → its signs (°F, ℉)
    compared: tuple[str, ...] = ()  # before a number with none before it: said (钠<2000mg → 小于)
    tenor: str = ""  # 10Y美债 → 10年期
    aperture: str = ""  # f/1.8 → F1.8
    per_time: Mapping[str, str] = field(default_factory=dict)  # after a unit and '/': mg/d → mg/天
    hemispheres: Mapping[str, str] = field(default_factory=dict)  # after a coordinate: 30.5°N → 北纬30.5°
    wan_words: tuple[str, ...] = ()  # in the clause before 50W: a W is 万, not a watt (年薪50W)


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
    symbols: Mapping[str, str] = field(default_factory=dict)  # a sign read as a word that is no unit (↑ → 上升)
    signed: Signed = field(default_factory=Signed)
    figures: Figures = field(default_factory=Figures)
    two_words: tuple[str, ...] = ()  # words after which a lone 2 reads 两 too (2美元)
    count_words: tuple[str, ...] = ()  # words before a number that make it a count (共1985户)
    unit_words: tuple[str, ...] = ()  # units no other table names, that make a number an amount (2000英尺)
    per: str = "每"  # a slash between two units (MB/s, 元/斤)
    web: Web = field(default_factory=Web)
    ordinals: Ordinals = field(default_factory=Ordinals)
    powers: Powers = field(default_factory=Powers)
    figure_names: Mapping[str, str] = field(default_factory=dict)  # 24/7 → 全天候, 7-11 → 七十一
    multipliers: Mapping[str, int] = field(default_factory=dict)  # after an amount: bn → 10⁹
    size_letters: Mapping[str, int] = field(default_factory=dict)  # a model's size: 28B → 28×10⁹
    size_words: tuple[str, ...] = ()  # next to these a number and one of `size_letters` is a size
    english: English = field(default_factory=English)
    references: References = field(default_factory=References)
    shapes: Mapping[str, object] = field(default_factory=dict)  # `[shapes]`, read by `speech_shapes.py`
    ions: Mapping[str, str] = field(default_factory=dict)  # `[ions]`: Fe3+ → 铁离子 (`speech_science.py`)
    said_by_context: Mapping[str, object] = field(default_factory=dict)  # `[said_by_context]`: 520表白 (`speech_words.py`)


def alternatives(words: Iterable[str]) -> str:
    """`words` as one alternation of a pattern, the longest first (so 'km/h' wins over 'km')."""
    return _alternatives(frozenset(words))


def any_of(words: Iterable[str]) -> str:
    """`words` as one alternation, or a pattern that matches nothing where there are none: an empty
    alternation would match everywhere (an editor who empties a table must switch its rule off)."""
    return alternatives(words) or "(?!)"


@functools.lru_cache(maxsize=512)
def _alternatives(words: frozenset[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w))))


def compiled(rules: SpeechRules, key: str, build: Callable[[], T]) -> T:
    """What `build` makes from the tables (a pattern, a set of words), made once per rules: the
    script and the audio edition call `speak` for every sentence, and each call joined, escaped,
    sorted and compiled the same tables again (most of its time, before)."""
    store = rules.__dict__.setdefault("_compiled", {})  # beside the frozen fields, not one of them
    if key not in store:
        store[key] = build()
    return store[key]


def load_rules(pronunciations: Mapping[str, str] | None = None, path: Path = DATA) -> SpeechRules:
    """The speech tables, with the title's pronunciation table turned into respellings."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    respellings = {}
    if pronunciations:
        homophones = load_homophones()
        respellings = {word: homophones.respell(word, pinyin) for word, pinyin in pronunciations.items()}
    measure = data["measure"]
    counts = data.get("multipliers", {}).get("counts", {})
    return SpeechRules(
        units=data["units"],
        currency=data["currency"],
        latin=data["latin"],
        digit_names=frozenset(data["digit_names"]["numbers"]),
        two=measure["two"],
        quantity=measure["quantity"],
        respellings=respellings,
        signs=data.get("signs", {}),
        symbols={str(k): str(v) for k, v in data.get("symbols", {}).items()},
        signed=_signed_table(data.get("signed", {})),
        shapes=data.get("shapes", {}),
        figures=_figures_table(data.get("figures", {})),
        two_words=_words(measure.get("two_words")),
        count_words=_words(measure.get("count_words")),
        unit_words=_words(measure.get("unit_words")),
        per=str(measure.get("per", "每")),
        web=_web_table(data.get("web", {})),
        ordinals=_ordinals_table(data.get("ordinals", {})),
        powers=_powers_table(data.get("powers", {})),
        figure_names={str(k): str(v) for k, v in data.get("figure_names", {}).items()},
        multipliers={str(k): int(v) for k, v in data.get("multipliers", {}).items() if not isinstance(v, dict)},
        size_letters={str(k): int(v) for k, v in counts.get("letters", {}).items()},
        size_words=_words(counts.get("words")),
        english=_english_table(data.get("english", {})),
        references=_references_table(data.get("references", {})),
        ions={str(k): str(v) for k, v in data.get("ions", {}).items()},
        said_by_context=data.get("said_by_context", {}),
    )


def _words(value: object) -> tuple[str, ...]:
    return tuple(map(str, value)) if isinstance(value, list) else ()


def _signed_table(table: Mapping[str, object]) -> Signed:
    default = Signed()

    def chars(key: str, fallback: str) -> str:
        value = table.get(key)
        return "".join(str(v) for v in value) if isinstance(value, list) else fallback

    def word(key: str) -> str:
        return str(table.get(key, getattr(default, key)))

    words, cycles = table.get("below_zero_after"), table.get("cycles", {})
    return Signed(
        minus=chars("minus", default.minus),
        negative=word("negative"),
        below_zero=word("below_zero"),
        below_zero_after=tuple(map(str, words)) if isinstance(words, list) else default.below_zero_after,
        below_zero_after_near=_words(table.get("below_zero_after_near")),
        temperature_words=_words(table.get("temperature_words")),
        plus=chars("plus", default.plus),
        positive=word("positive"),
        above_zero=word("above_zero"),
        ranges=chars("range", default.ranges),
        hyphens=chars("hyphens", default.hyphens),
        joiner=word("joiner"),
        unordered=word("unordered"),
        cycles={str(k): int(str(v)) for k, v in cycles.items()} if isinstance(cycles, dict) else {},
        discount_before=_words(table.get("discount_before")),
        discount=word("discount"),
    )


def _figures_table(table: Mapping[str, object]) -> Figures:
    operators, meridiem = table.get("operators", {}), table.get("meridiem", {})
    return Figures(code_words=_words(table.get("code_words")),
                   operators={str(k): str(v) for k, v in operators.items()} if isinstance(operators, dict) else {},
                   ratio=str(table.get("ratio", "比")),
                   score_words=_words(table.get("score_words")),
                   season_words=_words(table.get("season_words")),
                   digit_suffixes=_words(table.get("digit_suffixes")),
                   code_digits=int(str(table.get("code_digits", 3))),
                   meridiem={str(k).lower(): str(v) for k, v in meridiem.items()} if isinstance(meridiem, dict) else {},
                   code_one=str(table.get("code_one", "一")),
                   code_suffixes=_words(table.get("code_suffixes")),
                   transport_before=_words(table.get("transport_before")),
                   transport_after=_words(table.get("transport_after")),
                   ratio_words=_words(table.get("ratio_words")),
                   duration_words=_words(table.get("duration_words")),
                   plate_regions=str(table.get("plate_regions", "")),
                   stock_words=_words(table.get("stock_words")),
                   mask=str(table.get("mask", "")),
                   decade_words=_words(table.get("decade_words")),
                   roman_after=_words(table.get("roman_after")),
                   designations=_words(table.get("designations")),
                   score_clause_words=_words(table.get("score_clause_words")),
                   exchanges=_words(table.get("exchanges")),
                   era_words=_words(table.get("era_words")),
                   regnal_names=_words(table.get("regnal_names")),
                   regnal=str(table.get("regnal", "世")),
                   short_year_after=_words(table.get("short_year_after")),
                   date_before=_words(table.get("date_before")),
                   handle_words=_words(table.get("handle_words")),
                   send_words=_words(table.get("send_words")),
                   day_parts=_words(table.get("day_parts")),
                   model_words=_words(table.get("model_words")),
                   time_units={str(k).lower(): str(v) for k, v in dict(table.get("time_units", {})).items()},  # type: ignore[call-overload]
                   date_after=_words(table.get("date_after")),
                   counted_after=_words(table.get("counted_after")),
                   score_units=_words(table.get("score_units")),
                   roman_numbered=_words(table.get("roman_numbered")),
                   release_words=_words(table.get("release_words")))


def _ordinals_table(table: Mapping[str, object]) -> Ordinals:
    return Ordinals(word=str(table.get("word", "第")), before=_words(table.get("before")),
                    after=_words(table.get("after")), quarter=str(table.get("quarter", "")),
                    labels={str(k): str(v) for k, v in dict(table.get("labels", {})).items()},  # type: ignore[call-overload]
                    season=str(table.get("season", "")), episode=str(table.get("episode", "")),
                    halves={str(k): str(v) for k, v in dict(table.get("halves", {})).items()},  # type: ignore[call-overload]
                    half_words=_words(table.get("half_words")))


def _english_table(table: Mapping[str, object]) -> English:
    default = English()
    return English(ones=_words(table.get("ones")), tens=_words(table.get("tens")),
                   hundred=str(table.get("hundred", default.hundred)), scales=_words(table.get("scales")),
                   point=str(table.get("point", default.point)), percent=str(table.get("percent", default.percent)),
                   oh=str(table.get("oh", default.oh)), the=str(table.get("the", default.the)),
                   minus=str(table.get("minus", default.minus)),
                   degrees={str(k): str(v) for k, v in dict(table.get("degrees", {})).items()},  # type: ignore[call-overload]
                   denominators={str(k): str(v) for k, v in dict(table.get("denominators", {})).items()},  # type: ignore[call-overload]
                   year_before=_words(table.get("year_before")),
                   ordinals={str(k): str(v) for k, v in dict(table.get("ordinals", {})).items()},  # type: ignore[call-overload]
                   money={str(k): str(v) for k, v in dict(table.get("money", {})).items()},  # type: ignore[call-overload]
                   function_words=_words(table.get("function_words")), months=_words(table.get("months")),
                   to=str(table.get("to", default.to)), out_of=str(table.get("out_of", default.out_of)),
                   named_fractions=int(table.get("named_fractions", default.named_fractions)),  # type: ignore[call-overload]
                   figure_names={str(k): str(v) for k, v in dict(table.get("figure_names", {})).items()})  # type: ignore[call-overload]


def _powers_table(table: Mapping[str, object]) -> Powers:
    names = {str(k): str(v) for k, v in table.items() if k not in ("of", "nth", "units")}
    return Powers(names=names, units=_words(table.get("units")), of=str(table.get("of", "的")), nth=str(table.get("nth", "次方")))


def _web_table(table: Mapping[str, object]) -> Web:
    marks = {mark: str(table[key]) for key, mark in _WEB_MARKS.items() if key in table}
    return Web(marks=marks, domains=_words(table.get("domains")))


def _references_table(table: Mapping[str, object]) -> References:
    scales = table.get("scales", {})
    return References(rank=str(table.get("rank", "")), floor_above=str(table.get("floor_above", "")),
                      floor_below=str(table.get("floor_below", "")), document=str(table.get("document", "")),
                      standards=_words(table.get("standards")), pair_units=_words(table.get("pair_units")),
                      pair=str(table.get("pair", "比")), compared=_words(table.get("compared")),
                      tenor=str(table.get("tenor", "")), aperture=str(table.get("aperture", "")),
                      per_time={str(k): str(v) for k, v in dict(table.get("per_time", {})).items()},  # type: ignore[call-overload]
                      wan_words=_words(table.get("wan_words")),
                      hemispheres={str(k): str(v) for k, v in dict(table.get("hemispheres", {})).items()},  # type: ignore[call-overload]
                      scales={str(k): _words(v) for k, v in scales.items()} if isinstance(scales, dict) else {})
