"""The pinyin annotation pass: Chinese text → words, each with one pinyin syllable per Han character.

Pure and format-free: renderers (ruby in EPUB/PDF, learner editions) and `publish check` consume the
tokens. How a reading is chosen, first match wins:

1. ``overrides`` — the source's ``pronunciations:`` table. Always wins, anywhere in the text.
2. ``names`` — person names (speakers, authors, editors): surname from the surname table
   (``data/pinyin_surnames.txt``: 曾 zēng, 单 shàn, 区 ōu, 解 xiè …), given-name characters from the
   given-name table (``data/pinyin_name_chars.txt``) or the project phrase dictionary.
3. Word segmentation by jieba (a private tokenizer, dictionary mode, no HMM). Adjacent jieba tokens
   are merged when their concatenation is in the project phrase dictionary.
4. ``project`` — the project phrase dictionary (``data/pinyin_phrases.txt``) for what pypinyin gets
   wrong, and context rules for the characters whose reading depends on their neighbours rather than
   on a word (the particles 地/得 de vs 得 děi, 为 wéi after 以…/before …所, 只 zhī after a number,
   长 zhǎng before 得/大/高, 种 zhǒng after a numeral …), and the "sure" standalone readings of
   ``data/pinyin_chars.txt`` (了 le, 着 zhe, 都 dōu …).
5. ``phrase`` — pypinyin's phrase dictionary, and characters inside a dictionary word.
6. ``fallback`` — a character standing alone with nothing to decide it: the "guess" reading of
   ``data/pinyin_chars.txt`` or pypinyin's single-character default. For polyphonic characters these
   are what :meth:`PinyinAnnotator.fallbacks` reports, so that an editor can pin them.

Non-Han text (Latin words, digits, ASCII @handles, whitespace, punctuation) passes through as tokens
with ``pinyin=None`` and ``source="none"``. Concatenating ``token.text`` gives back the input.

Readings are citation tones by default (一 yī, 不 bù everywhere; no sandhi). With
``tone_sandhi=True`` 一 and 不 are shown as spoken (一个 yí gè, 一起 yì qǐ, 不是 bú shì), except in
names and overrides.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.cache import Cache, key

__all__ = ["Token", "PinyinAnnotator", "CachedAnnotator", "SOURCES", "STYLES", "is_polyphonic", "warm_up"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

SOURCES = ("override", "name", "project", "phrase", "fallback", "none")
STYLES = ("marks", "numbers", "plain")


@dataclass(frozen=True)
class Token:
    text: str  # the surface text of this word/run
    pinyin: tuple[str, ...] | None  # one syllable per character for Han words; None for non-Han runs
    source: str  # "override" | "name" | "project" | "phrase" | "fallback" | "none"


# --------------------------------------------------------------------------------------------
# Data, loaded once per process (lazily: importing this module costs nothing).

_LOCK = threading.Lock()

_HAN_RANGE = re.compile(
    "[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef\U00030000-\U0003134f]+"
)
_OTHER_TOKEN = re.compile(
    r"@[A-Za-z0-9_][A-Za-z0-9_.\-]*[A-Za-z0-9_]|@[A-Za-z0-9_]"  # ASCII @handle
    r"|[^\W_]+(?:[.'’\-+_/][^\W_]+)*"  # Latin/digit word: GPT-4, 3.5, don't, AT&T is two
    r"|\s+"
    r"|.",
    re.S,
)
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


@lru_cache(maxsize=None)
def _pinyin_dict() -> dict[int, str]:
    from pypinyin.constants import PINYIN_DICT

    return PINYIN_DICT


@lru_cache(maxsize=None)
def _phrases_dict() -> dict:
    from pypinyin.constants import PHRASES_DICT

    return PHRASES_DICT


def _is_han(char: str) -> bool:
    return ord(char) in _pinyin_dict() and bool(_HAN_RANGE.match(char))


def _default(char: str) -> str:
    return _pinyin_dict()[ord(char)].split(",")[0]


@lru_cache(maxsize=8192)
def _tone(syllable: str) -> int:
    """1–4, or 5 for the neutral tone."""
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _TONE_MARKS:
            return _TONE_MARKS[ch]
    return 5


def _read_table(name: str, columns: int) -> list[list[str]]:
    rows = []
    path = DATA_DIR / name
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < columns:
            raise ValueError(f"{path}:{lineno}: expected {columns} tab-separated columns")
        rows.append([p.strip() for p in parts])
    return rows


def _parse_reading(word: str, reading: str, where: str) -> tuple[str, ...]:
    """Syllables of `reading` (marks or digits) for the Han characters of `word`; ValueError if wrong."""
    from pipeline.pinyin_syllables import normalise_syllables

    try:
        syllables = normalise_syllables(reading)
    except ValueError as exc:
        raise ValueError(f"{where}: '{word}': '{reading}': {exc}") from None
    for syllable in syllables:
        if not _valid_syllable(syllable):
            raise ValueError(f"{where}: '{word}': '{reading}': '{syllable}' is not a pinyin syllable")
    han = sum(1 for c in word if _is_han(c))
    if han == 0:
        raise ValueError(f"{where}: '{word}' has no Han characters to give a pronunciation to")
    if len(syllables) != han:
        raise ValueError(
            f"{where}: '{word}' is given {len(syllables)} syllable"
            f"{'s' if len(syllables) != 1 else ''} ('{reading}') but the word has {han} Han "
            f"character{'s' if han != 1 else ''}: give exactly one syllable per character"
        )
    return tuple(syllables)


@lru_cache(maxsize=None)
def _valid_syllables() -> frozenset[str]:
    from pypinyin.contrib.tone_convert import to_normal

    readings = set()
    for value in _pinyin_dict().values():
        readings.update(value.split(","))
    return frozenset({to_normal(s, v_to_u=True) for s in readings} | {"r", "er", "m", "n", "ng", "hm", "hng"})


@lru_cache(maxsize=8192)
def _valid_syllable(syllable: str) -> bool:
    from pypinyin.contrib.tone_convert import to_normal

    return to_normal(syllable, v_to_u=True) in _valid_syllables()


@lru_cache(maxsize=None)
def _project() -> dict[str, tuple[str, ...]]:
    table = {}
    for word, reading, *_ in _read_table("pinyin_phrases.txt", 2):
        table[word] = _parse_reading(word, reading, "pinyin_phrases.txt")
    return table


@lru_cache(maxsize=None)
def _surnames() -> dict[str, tuple[str, ...]]:
    return {s: _parse_reading(s, r, "pinyin_surnames.txt") for s, r, *_ in _read_table("pinyin_surnames.txt", 2)}


@lru_cache(maxsize=None)
def _name_chars() -> dict[str, str]:
    return {c: _parse_reading(c, r, "pinyin_name_chars.txt")[0] for c, r, *_ in _read_table("pinyin_name_chars.txt", 2)}


@lru_cache(maxsize=None)
def _standalone() -> dict[str, tuple[str, bool]]:
    table = {}
    for char, reading, certainty, *_ in _read_table("pinyin_chars.txt", 3):
        if certainty not in ("sure", "guess"):
            raise ValueError(f"pinyin_chars.txt: '{char}': third column must be 'sure' or 'guess'")
        table[char] = (_parse_reading(char, reading, "pinyin_chars.txt")[0], certainty == "sure")
    return table


@lru_cache(maxsize=None)
def _polyphonic() -> frozenset[str]:
    """Characters that really are read more than one way: a second toned reading used in at least
    three words of pypinyin's or our phrase dictionaries (archaic one-off readings and neutral-tone
    variants do not count), plus every character of data/pinyin_chars.txt (地 dì/de, 得, 着 …)."""
    counts: dict[str, dict[str, int]] = {}

    def add(char: str, syllable: str) -> None:
        if _tone(syllable) != 5:
            per = counts.setdefault(char, {})
            per[syllable] = per.get(syllable, 0) + 1

    for word, readings in _phrases_dict().items():
        if len(word) == len(readings):
            for char, syl in zip(word, readings):
                add(char, syl[0])
    for word, readings in _project().items():
        for char, syl in zip(word, readings):
            add(char, syl)
    out = set()
    for char, per in counts.items():
        if not _is_han(char):
            continue
        default = _default(char)
        others = [s for s, n in per.items() if s != default and n >= 3]
        if others:
            out.add(char)
    out |= {c for c in _standalone() if "," in _pinyin_dict().get(ord(c), "")}
    return frozenset(out - {"一", "不"})


def is_polyphonic(char: str) -> bool:
    """True for a Han character that is read more than one way in real words (not 一/不: sandhi only)."""
    return char in _polyphonic()


_TOKENIZER = None


def _tokenizer():
    """A private jieba tokenizer (so other passes' jieba state is untouched); its dictionary cache
    lives in the temp dir, so only the first run on a machine pays for building it."""
    global _TOKENIZER
    if _TOKENIZER is None:
        with _LOCK:
            if _TOKENIZER is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tk = jieba.Tokenizer()
                tk.initialize()
                _TOKENIZER = tk
    return _TOKENIZER


def warm_up() -> None:
    """Load the tables and the segmenter now (e.g. before timing or forking); the polyphonic-character
    set behind `fallbacks()` is built on first use."""
    _project(), _surnames(), _name_chars(), _standalone(), _tokenizer(), _max_project_len()


@lru_cache(maxsize=None)
def _max_project_len() -> int:
    return max((len(w) for w in _project()), default=1)


# --------------------------------------------------------------------------------------------
# Context rules for characters standing alone after segmentation.

_NUMERAL = set("零〇一二三四五六七八九十百千万亿两几半数多每某整") | set("0123456789０１２３４５６７８９")
_DEMONSTRATIVE = set("这那哪各每某此该")
_PRONOUNS = {
    "我", "你", "他", "她", "它", "您", "咱", "俺", "我们", "你们", "他们", "她们", "它们", "咱们",
    "大家", "自己", "人家", "谁", "大伙", "大伙儿",
}
_MODAL_ADVERBS = {
    "就", "还", "也", "都", "又", "总", "总是", "可", "却", "才", "只", "仍", "仍然", "那", "那就",
    "这就", "则", "便", "而", "非", "恐怕", "看来", "可能", "肯定", "一定", "必然", "还是", "至少",
    "起码", "首先", "先", "再", "也就", "真", "实在", "终究", "迟早", "早晚", "现在", "今天", "明天",
    "马上", "立刻", "那么", "所以", "因此", "于是", "当然", "自然", "毕竟", "我们", "怎么", "是不是",
}
_DEGREE = {"太", "很", "更", "最", "真", "挺", "好", "多", "这么", "那么", "较", "比较", "特别", "非常", "极", "超", "蛮", "有点", "有些", "越来越"}
_TITLES = {
    "先生", "女士", "小姐", "老师", "教授", "博士", "总", "董", "老板", "经理", "主任", "院长", "局长",
    "部长", "市长", "省长", "县长", "校长", "所长", "处长", "科长", "队长", "书记", "主席", "导演",
    "律师", "医生", "大夫", "记者", "编辑", "同学", "师傅", "阿姨", "大爷", "大妈", "老", "姐", "哥",
    "家", "氏", "总裁", "总监", "总经理", "董事长", "委员", "代表", "工",
}
_DI_PREV = set("各当本外此该两异满遍原就实土田草平落倒扫种山陆空基营耕林荒湿绿圣福宝禁腹内产驻属领封租征用占全半多一这那哪某块片亩寸")
_DI_NOUN_NEXT = {"上", "下", "里", "方", "面", "区", "点", "图", "板", "毯", "皮", "价", "址"}
_DE_ADJ1 = set("快慢轻猛狠静好乖早晚真白暗偷紧牢稳细远近默悄忽蓦霍倏陡骤渐")
_WEI_PREV = set("称评选聘誉视列定改分变转化译结沦名奉尊拜推立封任判划归合互均皆多即乃实最较更极甚尤颇广约仅仍确亦作成认")
_WEI_ATTR_END = set("率量数额幅度价级比值龄积")
_WEI_NEXT = {"约", "近", "仅", "大约", "零", "负", "里氏", "百分之"}
_ZHI_BLOCK = {
    "是", "有", "能", "要", "会", "好", "得", "不", "在", "想", "需", "需要", "因", "因为", "为", "见",
    "剩", "知道", "限", "可", "可以", "顾", "管", "怕", "用", "对", "是否", "看", "说", "做", "能够",
    "允许", "读", "听", "吃", "买", "卖", "占", "差", "比", "等", "花", "够",
}
_CHANG_EVENTS = (
    "雨", "雪", "风", "病", "梦", "灾", "火", "官司", "车祸", "危机", "误会", "浩劫", "空欢喜", "虚惊",
    "噩梦", "大雨", "大雪", "暴雨", "大病", "重病", "大战", "战争", "战斗", "革命", "运动", "争论",
    "风波", "纠纷", "骗局", "悲剧", "闹剧", "恶战", "硬仗", "较量", "洪水", "疫情", "瘟疫", "劫难",
    "灾难", "大火", "火灾", "地震", "冰雹", "变革", "辩论", "争吵", "交易", "赌局", "游戏",
)
_CLASSIFIER_SPLIT = set("只场行种卷")
_SUFFIX_PARTICLES = set("得地着了")
_DE2_HEADS = set("取获赢夺博求习心难所应谋换挣购赚值自彼里")  # 取得 qǔdé …: 得 is a verb there
_COMPLEMENTS = set("成到给出在起上下进回过完好住掉开走来去")
_RESULT_CHARS = set("干")
_VERB_RULE_CHARS = set("切调背倒扎盛挑炸折系冲卷划晃散露塞缝铺蒙量数还长种重转卡涨吐")  # verbs whose reading the rules decide
_WEI_VERBS_FAR = {
    "称", "视", "评", "选", "聘", "奉", "尊", "拜", "立", "封", "列", "定", "誉", "推举", "推选", "任命",
    "提名", "命名", "认定", "称作", "尊称", "昵称", "戏称", "人称", "选举", "评选", "认作",
}  # numeral + these: decided by the rules, not by pypinyin's phrase


class _Seg:
    """A piece of the output before tokens are made: Han word, single Han char, or non-Han run."""

    __slots__ = ("text", "pinyin", "source", "kind", "start")

    def __init__(self, text: str, pinyin: list[str] | None, source: str, kind: str, start: int):
        self.text = text
        self.pinyin = pinyin
        self.source = source
        self.kind = kind  # "han" | "single" (lone Han char awaiting rules) | "other"
        self.start = start


def _ends_numeral(text: str) -> bool:
    return bool(text) and text[-1] in _NUMERAL


class _Context:
    """Neighbours of segment i, as the rules see them ('' marks a boundary: punctuation, space, edge)."""

    def __init__(self, segs: list[_Seg], i: int):
        self.segs, self.i = segs, i

    def _han(self, j: int) -> str:
        if 0 <= j < len(self.segs) and self.segs[j].kind != "other":
            return self.segs[j].text
        return ""

    @property
    def prev(self) -> str:
        return self._han(self.i - 1)

    @property
    def prev_raw(self) -> str:
        """Previous segment even if non-Han (digits), '' at the start."""
        j = self.i - 1
        return self.segs[j].text if j >= 0 else ""

    @property
    def next(self) -> str:
        return self._han(self.i + 1)

    @property
    def next2(self) -> str:
        return self._han(self.i + 2) if self.next else ""

    @property
    def next_raw2(self) -> str:
        j = self.i + 2
        return self.segs[j].text if self.next and j < len(self.segs) else ""

    def clause_before(self, limit: int = 8) -> list[str]:
        out = []
        j = self.i - 1
        while j >= 0 and len(out) < limit and self.segs[j].kind != "other":
            out.append(self.segs[j].text)
            j -= 1
        return out

    def clause_after(self, limit: int = 8) -> list[str]:
        out = []
        j = self.i + 1
        while j < len(self.segs) and len(out) < limit and self.segs[j].kind != "other":
            out.append(self.segs[j].text)
            j += 1
        return out


def _rule_de(c: _Context) -> str:  # 得
    prev, nxt = c.prev, c.next
    subject_side = prev == "" or prev in _PRONOUNS or prev in _MODAL_ADVERBS
    if subject_side and nxt[:1] in ("了", "到", "知", "奖", "第"):
        return "dé"
    if subject_side:
        return "děi"
    return "de"


def _rule_di(c: _Context) -> str:  # 地
    prev, nxt = c.prev, c.next
    if c.segs[c.i].kind == "suffix":  # jieba kept "X地" whole: 悄悄地, 突然地 (de) vs 营地, 发生地 (dì)
        if len(prev) >= 2 and prev[-1] == prev[-2] or prev[-1:] in ("然", "般", "样") or prev in _DE_ADJ1:
            return "de"
        return "dì"
    if nxt == "":
        return "dì"
    if prev == "":
        return "dì"
    if len(prev) >= 2 and prev[-1] == prev[-2]:
        return "de"
    if len(prev) == 1:
        if prev in _DE_ADJ1:
            return "de"
        return "dì"
    if prev[-1] in _DI_PREV and (prev[0] in _NUMERAL or prev[0] in _DEMONSTRATIVE):
        return "dì"
    if nxt in _DI_NOUN_NEXT:
        return "dì"
    return "de"


def _rule_wei(c: _Context) -> str:  # 为
    prev, nxt = c.prev, c.next
    if prev in _WEI_PREV:
        return "wéi"
    if len(prev) >= 2 and prev[-1] in _WEI_ATTR_END:
        return "wéi"
    if nxt in _WEI_NEXT or (c.next == "" and c.segs[c.i + 1 :] and c.segs[c.i + 1].text[:1].isdigit()):
        return "wéi"
    if "所" in c.clause_after(8):
        return "wéi"
    before = c.clause_before(8)
    if any(t in _WEI_VERBS_FAR for t in before[:3]):
        return "wéi"
    if any(t in ("以", "以此", "以之") for t in before):
        return "wéi"
    return "wèi"


def _rule_zhi(c: _Context) -> str:  # 只
    prev = c.prev or c.prev_raw
    if prev and (prev[-1] in _NUMERAL or prev in _DEMONSTRATIVE or prev in ("这", "那", "哪")):
        if c.next not in _ZHI_BLOCK:
            return "zhī"
    return "zhǐ"


def _rule_chang(c: _Context) -> str:  # 长
    prev, nxt = c.prev, c.next
    if prev in _DEGREE:
        return "cháng"
    if nxt[:1] and nxt[:1] in "得大高胖矮出满成着势齐全歪" or nxt == "了":
        return "zhǎng"
    return "cháng"


def _rule_xing(c: _Context) -> str:  # 行
    prev, nxt = c.prev, c.next
    if _ends_numeral(prev) or _ends_numeral(c.prev_raw):
        if nxt[:1] and nxt[:1] in "字诗文代码泪句":
            return "háng"
        return "xíng"
    return "xíng"


def _rule_zhong3(c: _Context) -> str:  # 种
    prev, nxt = c.prev or c.prev_raw, c.next
    if prev and (prev[-1] in _NUMERAL or prev[-1] in _DEMONSTRATIVE or prev[-1] in "何样另任"):
        return "zhǒng"
    if nxt[:1] and nxt[:1] in "类子族群":
        return "zhǒng"
    return "zhòng"


def _rule_shu(c: _Context) -> str:  # 数
    nxt = c.next or (c.segs[c.i + 1].text if c.i + 1 < len(c.segs) else "")
    if nxt[:1] and (nxt[:1] in _NUMERAL or nxt[:1] in "次倍年月日天周" or nxt[:1].isdigit()):
        return "shù"
    return "shǔ"


def _rule_liang(c: _Context) -> str:  # 量
    if c.next == "的" or c.prev == "质":
        return "liàng"
    return "liáng"


def _rule_tiao(c: _Context) -> str:  # 调
    nxt, after = c.next, c.next_raw2
    if nxt[:1] in ("到", "至") and after[:1] and (after[:1].isdigit() or after[:1] in _NUMERAL):
        return "tiáo"
    if nxt[:1] and nxt[:1] in "到往去走离任入派":
        return "diào"
    if nxt in _PRONOUNS and c.next2[:1] and c.next2[:1] in "去到往来回":
        return "diào"
    return "tiáo"


def _rule_gan(c: _Context) -> str:  # 干
    if c.prev and c.prev[-1] in "晒擦吹烤烘喝晾抽榨吸烧蒸流哭":
        return "gān"
    return "gàn"


def _rule_chu(c: _Context) -> str:  # 处
    if c.next[:1] and c.next[:1] in "以于在理置罚分事世境":
        return "chǔ"
    return "chù"


def _rule_chong(c: _Context) -> str:  # 重
    if c.next[:1] and c.next[:1] in "写做来新复建返申启组构塑播印修审演温振整回开排置蹈名逢":
        return "chóng"
    return "zhòng"


def _rule_bei(c: _Context) -> str:  # 背
    if c.next in ("着", "起", "上", "走"):
        return "bēi"
    return "bèi"


def _rule_dao(c: _Context) -> str:  # 倒
    nxt = c.next
    if nxt[:1] and nxt[:1] in "是也不还挺很真退车进入出掉水茶酒杯":
        return "dào"
    return "dǎo"


def _rule_dai(c: _Context) -> str:  # 待
    nxt = c.next
    if nxt == "" or nxt[:1] in "了着在会一多几":
        return "dāi"
    return "dài"


def _rule_ka(c: _Context) -> str:  # 卡
    return "qiǎ" if c.next[:1] in ("在", "住", "着") and c.next else "kǎ"


def _rule_xi(c: _Context) -> str:  # 系
    if c.next[:1] in ("好", "上", "紧", "着") and c.next or c.next in ("鞋带", "安全带", "领带", "扣子", "围巾"):
        return "jì"
    return "xì"


def _rule_chong1(c: _Context) -> str:  # 冲
    if c.next[:1] and c.next[:1] in "着我你他她它" or c.prev in _DEGREE:
        return "chòng"
    return "chōng"


def _rule_sheng(c: _Context) -> str:  # 盛
    return "chéng" if c.next[:1] and c.next[:1] in "了饭汤水满一好碗出" else "shèng"


def _rule_zha1(c: _Context) -> str:  # 扎
    if c.next[:1] in ("辫", "马") and c.next or (c.next == "着" and c.next2[:2] in ("辫子", "马尾", "头发") or c.next2[:1] == "两" and c.next == "着"):
        return "zā"
    return "zhā"


def _rule_huang(c: _Context) -> str:  # 晃
    return "huǎng" if c.prev == "一" or (c.next[:1] in ("眼", "得") and c.next) else "huàng"


def _rule_san(c: _Context) -> str:  # 散
    return "sǎn" if c.prev in _DEGREE else "sàn"


def _rule_lu(c: _Context) -> str:  # 露
    if c.next == "了" or (c.next[:1] and c.next[:1] in "一脸面馅富底怯"):
        return "lòu"
    return "lù"


def _rule_shuai(c: _Context) -> str:  # 率
    nxt = c.next
    if nxt and nxt[:1] not in "为达是的高低很较仅约超在也和与及等不已将从由有上下提降增减":
        return "shuài"
    return "lǜ"


def _rule_kong(c: _Context) -> str:  # 空
    if c.prev in ("没", "有", "抽", "得") or (c.next == "了" and (c.prev in _PRONOUNS)) or c.next[:1] == "出":
        return "kòng"
    return "kōng"


def _rule_qie(c: _Context) -> str:  # 切
    return "qiè" if c.prev == "一" else "qiē"


def _rule_jie2(c: _Context) -> str:  # 结
    after = c.clause_after(3)
    if after and after[0] != "果" and any(t[:1] in ("果", "籽", "瓜", "穗") for t in after):
        return "jiē"
    return "jié"


def _rule_xiu(c: _Context) -> str:  # 宿
    return "xiǔ" if _ends_numeral(c.prev) else "sù"


def _rule_meng(c: _Context) -> str:  # 蒙
    return "mēng" if c.next[:1] and c.next[:1] in "对错中" else "méng"


def _rule_tiao1(c: _Context) -> str:  # 挑
    return "tiǎo" if c.next[:1] and c.next[:1] in "起衅拨战逗动明" else "tiāo"


def _rule_zhe2(c: _Context) -> str:  # 折
    return "zhē" if c.next[:1] == "腾" else "zhé"


def _rule_zha4(c: _Context) -> str:  # 炸
    return "zhá" if c.next[:1] and c.next[:1] in "鸡酱薯丸串" else "zhà"


def _rule_tu(c: _Context) -> str:  # 吐
    if c.next[:1] == "血" or (c.next == "了" and c.next2 == ""):
        return "tù"
    return "tǔ"


def _rule_hao(c: _Context) -> str:  # 号
    return "háo" if c.prev in ("怒", "哀", "呼") else "hào"


def _rule_hua(c: _Context) -> str:  # 划
    return "huà" if c.next[:1] and c.next[:1] in "分定拨转归入" else "huá"


def _rule_jiao3(c: _Context) -> str:  # 角
    return "jué" if c.prev in ("主", "配", "丑", "名", "旦") else "jiǎo"


def _rule_jiao4(c: _Context) -> str:  # 觉
    return "jiào" if c.prev in ("睡", "午") or _ends_numeral(c.prev) else "jué"


def _rule_zhong1(c: _Context) -> str:  # 中
    if c.next == "了" and (c.prev == "" or c.prev in _PRONOUNS or c.prev in ("没", "没有", "又", "就", "也", "都", "已经", "终于", "居然", "竟然")):
        return "zhòng"
    return "zhōng"


def _rule_ying(c: _Context) -> str:  # 应
    if c.next[:1] and c.next[:1] in "付对用急变邀聘届声":
        return "yìng"
    if any(t in ("要求", "邀请", "之邀", "邀", "号召", "请求") for t in c.clause_after(6)):
        return "yìng"
    return "yīng"


def _rule_chang3(c: _Context) -> str:  # 场
    prev = c.prev or c.prev_raw
    if prev and (prev[-1] in _NUMERAL or prev[-1] in "这那哪每首整"):
        nxt = c.next
        if nxt == "" or nxt.startswith(_CHANG_EVENTS):
            return "cháng"
    return "chǎng"


def _rule_zhang(c: _Context) -> str:  # 涨
    return "zhàng" if c.next[:1] == "红" else "zhǎng"


def _rule_jin(c: _Context) -> str:  # 尽
    return "jǐn" if c.next[:1] and c.next[:1] in "量快早管可" else "jìn"


def _rule_jin1(c: _Context) -> str:  # 禁
    return "jīn" if c.next[:1] and c.next[:1] in "不住得" else "jìn"


def _rule_ping(c: _Context) -> str:  # 屏
    return "bǐng" if c.next[:1] and c.next[:1] in "住息气" else "píng"


def _rule_zhuan(c: _Context) -> str:  # 转
    return "zhuàn" if c.next[:1] and c.next[:1] in "动圈悠来" else "zhuǎn"


def _rule_zhao(c: _Context) -> str:  # 着
    if c.prev[-1:] in ("不", "得") and len(c.prev) >= 2:
        return "zháo"
    if c.prev in ("烧", "点", "找", "猜", "够", "摸", "见", "睡") and (c.next in ("了", "") or c.next.startswith("没")):
        return "zháo"
    return "zhe"


def _rule_huan(c: _Context) -> str:  # 还
    if c.next[:1] and len(c.next) == 1 and c.next in "给钱书车款债账贷清礼价回了":
        return "huán"  # the adverb 还 never takes 了 or a result complement directly
    return "hái"


def _rule_juan(c: _Context) -> str:  # 卷
    prev = c.prev or c.prev_raw
    if prev[-1:] == "第" or (c.next[:1] and c.next[:1] in "书经诗文宗") or c.prev[-1:] in ("试", "考", "答", "问"):
        return "juàn"
    return "juǎn"


_RULES = {
    "得": _rule_de, "地": _rule_di, "为": _rule_wei, "只": _rule_zhi, "长": _rule_chang, "行": _rule_xing,
    "种": _rule_zhong3, "数": _rule_shu, "量": _rule_liang, "调": _rule_tiao, "干": _rule_gan,
    "处": _rule_chu, "重": _rule_chong, "背": _rule_bei, "倒": _rule_dao, "待": _rule_dai, "卡": _rule_ka,
    "系": _rule_xi, "冲": _rule_chong1, "盛": _rule_sheng, "扎": _rule_zha1, "晃": _rule_huang,
    "散": _rule_san, "露": _rule_lu, "率": _rule_shuai, "空": _rule_kong, "切": _rule_qie, "结": _rule_jie2,
    "宿": _rule_xiu, "蒙": _rule_meng, "挑": _rule_tiao1, "折": _rule_zhe2, "炸": _rule_zha4, "吐": _rule_tu,
    "号": _rule_hao, "划": _rule_hua, "角": _rule_jiao3, "觉": _rule_jiao4, "中": _rule_zhong1,
    "应": _rule_ying, "场": _rule_chang3, "涨": _rule_zhang, "尽": _rule_jin, "禁": _rule_jin1,
    "屏": _rule_ping, "转": _rule_zhuan, "着": _rule_zhao, "还": _rule_huan, "卷": _rule_juan,
}
# A rule's answer counts as "project" when it differs from the character's "guess" in
# data/pinyin_chars.txt (or the character is "sure" there); a rule that falls through to the guess
# leaves a fallback, which `fallbacks()` reports.


# --------------------------------------------------------------------------------------------


class PinyinAnnotator:
    """Annotates text with pinyin. Construct once per title (names and overrides), call many times."""

    def __init__(
        self,
        *,
        names: Iterable[str] = (),
        overrides: Mapping[str, str] = {},
        tone_sandhi: bool = False,
        style: str = "marks",
    ):
        if style not in STYLES:
            raise ValueError(f"unknown pinyin style {style!r}: expected one of {', '.join(STYLES)}")
        self.tone_sandhi = bool(tone_sandhi)
        self.style = style
        # word → (syllables for its Han characters, source), longest match wins, override before name
        self._fixed: dict[str, tuple[tuple[str, ...], str]] = {}
        for name in names:
            name = name.strip()
            if name and any(_is_han(c) for c in name):
                self._fixed[name] = (self._name_reading(name), "name")
                self._add_title_forms(name)
        for word, reading in dict(overrides).items():
            if not isinstance(reading, str):
                raise ValueError(f"pronunciation of '{word}' must be a string of syllables, not {type(reading).__name__}")
            self._fixed[word] = (_parse_reading(word, reading, "pronunciation table"), "override")
        self._by_first: dict[str, list[str]] = {}
        for word in sorted(self._fixed, key=lambda w: (-len(w), self._fixed[w][1] != "override")):
            self._by_first.setdefault(word[0], []).append(word)
        warm_up()

    # ---- names ---------------------------------------------------------------------------

    @staticmethod
    def _name_reading(name: str) -> tuple[str, ...]:
        han = "".join(c for c in name if _is_han(c))
        project = _project()
        if han in project:
            return project[han]
        chars = _name_chars()
        if han != name or len(han) < 2:  # pseudonym or foreign name with Latin, dots …: no surname logic
            return tuple(chars.get(c, _default(c)) for c in han)
        surnames = _surnames()
        if len(han) >= 3 and han[:2] in surnames:
            surname, given = han[:2], han[2:]
        else:
            surname, given = han[:1], han[1:]
        reading = surnames.get(surname) or tuple(_default(c) for c in surname)
        if given in project and len(given) >= 2:
            given_reading = project[given]
        else:
            given_reading = tuple(chars.get(c, _default(c)) for c in given)
        return tuple(reading) + tuple(given_reading)

    def _add_title_forms(self, name: str) -> None:
        """肖总, 单老师 …: a polyphonic surname followed by a title keeps its surname reading."""
        han = "".join(c for c in name if _is_han(c))
        if han != name or len(han) < 2:
            return
        surname = han[:2] if len(han) >= 3 and han[:2] in _surnames() else han[:1]
        reading = _surnames().get(surname)
        if not reading or reading == tuple(_default(c) for c in surname):
            return
        for title in _TITLES:
            word = surname + title
            if word not in self._fixed:
                title_reading = _phrase_reading(title)
                self._fixed[word] = (tuple(reading) + title_reading, "name")

    # ---- public API ------------------------------------------------------------------------

    def annotate(self, text: str) -> tuple[Token, ...]:
        segs = self._segments(text)
        return tuple(self._finish(segs))

    def fallbacks(self, text: str) -> list[tuple[int, str, str]]:
        """(char offset, char, reading) of every polyphonic character whose reading is a
        single-character default rather than a phrase, a rule, a name or an override."""
        out = []
        offset = 0
        for token in self.annotate(text):
            if token.source == "fallback" and token.pinyin:
                han = [i for i, c in enumerate(token.text) if _is_han(c)]
                for i, syllable in zip(han, token.pinyin):
                    if is_polyphonic(token.text[i]):
                        out.append((offset + i, token.text[i], syllable))
            offset += len(token.text)
        return out

    # ---- segmentation ----------------------------------------------------------------------

    def _segments(self, text: str) -> list[_Seg]:
        segs: list[_Seg] = []
        pos = 0
        free_start = 0
        n = len(text)
        by_first = self._by_first
        while pos < n:
            candidates = by_first.get(text[pos])
            if candidates:
                hit = next((w for w in candidates if text.startswith(w, pos)), None)
                if hit:
                    self._free(text[free_start:pos], free_start, segs)
                    reading, source = self._fixed[hit]
                    self._fixed_segs(hit, pos, reading, source, segs)
                    pos += len(hit)
                    free_start = pos
                    continue
            pos += 1
        self._free(text[free_start:], free_start, segs)
        for i, seg in enumerate(segs):
            if seg.kind in ("single", "suffix"):
                self._resolve_single(segs, i)
                seg.kind = "han"
        return segs

    def _fixed_segs(self, word: str, start: int, reading: tuple[str, ...], source: str, segs: list[_Seg]) -> None:
        it = iter(reading)
        pos = 0
        for piece, is_han in _split_han(word):
            if is_han:
                segs.append(_Seg(piece, [next(it) for _ in piece], source, "han", start + pos))
            else:
                _other_segs(piece, start + pos, segs)
            pos += len(piece)

    def _free(self, text: str, start: int, segs: list[_Seg]) -> None:
        if not text:
            return
        pos = 0
        for piece, is_han in _split_han(text):
            if is_han:
                self._han_run(piece, start + pos, segs)
            else:
                _other_segs(piece, start + pos, segs)
            pos += len(piece)

    def _han_run(self, run: str, start: int, segs: list[_Seg]) -> None:
        words = list(_tokenizer().cut(run, HMM=False))
        project = _project()
        maxlen = _max_project_len()
        # merge adjacent tokens into a project phrase (longest first)
        merged: list[str] = []
        i = 0
        while i < len(words):
            best = 1
            acc = words[i]
            for j in range(i + 1, min(len(words), i + 5)):
                acc += words[j]
                if len(acc) > maxlen:
                    break
                if acc in project:
                    best = j - i + 1
            merged.append("".join(words[i : i + best]))
            i += best
        # jieba sometimes glues the adverbial particle to the verb after it (慢慢/地走了): unglue it
        k = 1
        while k < len(merged):
            word, prev = merged[k], merged[k - 1]
            if (
                len(word) > 1
                and word[0] == "地"
                and word not in project
                and (len(prev) >= 2 and prev[-1] == prev[-2] or prev[-1:] == "然")
            ):
                merged[k : k + 1] = ["地", word[1:]]
            k += 1
        pos = start
        for word in merged:
            self._word(word, pos, segs)
            pos += len(word)

    def _word(self, word: str, start: int, segs: list[_Seg]) -> None:
        project, phrases = _project(), _phrases_dict()
        if word in project:
            segs.append(_Seg(word, list(project[word]), "project", "han", start))
            return
        if len(word) > 1 and word[-1] in _CLASSIFIER_SPLIT and all(c in _NUMERAL or c in _DEMONSTRATIVE or c in "上近约好" for c in word[:-1]) and word[-2] in _NUMERAL | _DEMONSTRATIVE:
            self._word(word[:-1], start, segs)
            segs.append(_Seg(word[-1], None, "fallback", "single", start + len(word) - 1))
            return
        if word in phrases:
            segs.append(_Seg(word, [p[0] for p in phrases[word]], "phrase", "han", start))
            return
        if len(word) == 1:
            segs.append(_Seg(word, None, "fallback", "single", start))
            return
        # jieba keeps many verb+particle and verb+complement strings whole (冻得, 背着, 悄悄地, 切成);
        # pypinyin does not know them, so the particle is split off and read by the rules.
        last, head = word[-1], word[:-1]
        if last in _SUFFIX_PARTICLES and not (last == "得" and head[-1] in _DE2_HEADS):
            self._word(head, start, segs)
            seg = _Seg(last, None, "fallback", "single", start + len(head))
            seg.kind = "suffix"
            segs.append(seg)
            return
        if len(word) == 2 and word[0] in _VERB_RULE_CHARS and last in _COMPLEMENTS:
            segs.append(_Seg(word[0], None, "fallback", "single", start))
            segs.append(_Seg(last, [_default(last)], "phrase", "han", start + 1))
            return
        if len(word) == 2 and last in _RESULT_CHARS:  # 晒干, 擦干: the result decides
            segs.append(_Seg(word[0], [_default(word[0])], "phrase", "han", start))
            segs.append(_Seg(last, None, "fallback", "single", start + 1))
            return
        # a dictionary word pypinyin does not list: known sub-phrases, else the characters' readings
        i = 0
        plain = []  # run of characters read by default, emitted as one segment
        plain_start = start
        maxlen = min(len(word), max(_max_project_len(), 8))
        while i < len(word):
            hit = None
            for j in range(min(len(word), i + maxlen), i + 1, -1):
                piece = word[i:j]
                if piece in project or piece in phrases:
                    hit = piece
                    break
            if hit:
                if plain:
                    text = "".join(plain)
                    segs.append(_Seg(text, [_default(c) for c in text], "phrase", "han", plain_start))
                    plain = []
                source = "project" if hit in project else "phrase"
                reading = list(project[hit]) if hit in project else [p[0] for p in phrases[hit]]
                segs.append(_Seg(hit, reading, source, "han", start + i))
                i += len(hit)
                plain_start = start + i
            else:
                if i == 0 and len(word) > 1 and word[0] in _standalone() and (word[1:2] and any(word[1:j] in project or word[1:j] in phrases for j in range(3, len(word) + 1))):
                    # 长时间, 重工业: a lone first character before a known word reads as it does alone
                    reading, sure = _standalone()[word[0]]
                    segs.append(_Seg(word[0], [reading], "project" if sure else "fallback", "han", start))
                    i += 1
                    plain_start = start + i
                    continue
                plain.append(word[i])
                i += 1
        if plain:
            text = "".join(plain)
            segs.append(_Seg(text, [_default(c) for c in text], "phrase", "han", plain_start))

    def _resolve_single(self, segs: list[_Seg], i: int) -> None:
        seg = segs[i]
        char = seg.text
        ctx = _Context(segs, i)
        surname = _surnames().get(char)
        if surname and len(surname) == 1 and ctx.next in _TITLES and surname[0] != _default(char):
            if ctx.prev == "" or ctx.prev not in _PRONOUNS | _MODAL_ADVERBS:
                seg.pinyin, seg.source = [surname[0]], "name"
                return
        standalone = _standalone().get(char)
        rule = _RULES.get(char)
        if rule is not None:
            reading = rule(ctx)
            guess = standalone[0] if standalone else _default(char)
            sure = standalone[1] if standalone else False
            seg.pinyin = [reading]
            seg.source = "project" if (reading != guess or sure) else "fallback"
            return
        if standalone:
            seg.pinyin = [standalone[0]]
            seg.source = "project" if standalone[1] else "fallback"
            return
        seg.pinyin = [_default(char)]
        seg.source = "fallback"

    # ---- output ------------------------------------------------------------------------------

    def _finish(self, segs: list[_Seg]) -> list[Token]:
        # citation tones: 一 yī and 不 bù (pypinyin's phrases carry spoken forms), then optional sandhi
        flat: list[tuple[_Seg, int] | None] = []  # every Han syllable in order, None between runs
        for seg in segs:
            if seg.kind == "other":
                if flat and flat[-1] is not None:
                    flat.append(None)
                continue
            for k, ch in enumerate(seg.text):
                if seg.source != "override":
                    if ch == "一":
                        seg.pinyin[k] = "yī"
                    elif ch == "不":
                        seg.pinyin[k] = "bù"
                flat.append((seg, k))
        if self.tone_sandhi:
            self._sandhi(flat)
        tokens = []
        for seg in segs:
            if seg.kind == "other":
                tokens.append(Token(seg.text, None, "none"))
            else:
                tokens.append(Token(seg.text, tuple(self._styled(s) for s in seg.pinyin), seg.source))
        return tokens

    @staticmethod
    def _sandhi(flat: list) -> None:
        for idx, item in enumerate(flat):
            if item is None:
                continue
            seg, k = item
            ch = seg.text[k]
            if ch not in "一不" or seg.source in ("override", "name"):
                continue
            nxt = flat[idx + 1] if idx + 1 < len(flat) else None
            prv = flat[idx - 1] if idx > 0 else None
            if nxt is None:
                continue
            nseg, nk = nxt
            next_char, next_syl = nseg.text[nk], nseg.pinyin[nk]
            prev_char = prv[0].text[prv[1]] if prv is not None else ""
            if ch == "不":
                if prev_char and prev_char == next_char:
                    seg.pinyin[k] = "bu"
                elif _tone(next_syl) == 4:
                    seg.pinyin[k] = "bú"
                continue
            # 一
            if len(seg.text) > 1 and k == len(seg.text) - 1:
                continue  # word-final: 统一, 唯一, 第一, 万一
            if prev_char and prev_char == next_char:
                seg.pinyin[k] = "yi"  # 看一看
            elif prev_char in ("第", "十") or next_char in "零〇一二三四五六七八九十百千万亿两月号日":
                continue  # ordinals, numbers, dates
            elif _tone(next_syl) in (4, 5):
                seg.pinyin[k] = "yí"
            else:
                seg.pinyin[k] = "yì"

    def _styled(self, syllable: str) -> str:
        if self.style == "marks":
            return syllable
        from pypinyin.contrib.tone_convert import to_normal, to_tone3

        if self.style == "numbers":
            return to_tone3(syllable, v_to_u=True, neutral_tone_with_five=True)
        return to_normal(syllable, v_to_u=True)


# --------------------------------------------------------------------------------------------
# The build cache's front: tokens stored by content, the annotator (and jieba) built only on a miss.


@lru_cache(maxsize=None)
def data_digest() -> str:
    """What the readings depend on besides the arguments: this code, its tables, pypinyin and jieba."""
    from importlib.metadata import version

    from pipeline import pinyin_syllables

    files = [Path(__file__), Path(pinyin_syllables.__file__), *sorted(DATA_DIR.glob("pinyin_*.txt"))]
    return key("pinyin-data", *(path.read_bytes() for path in files), version("pypinyin"), version("jieba"))


class CachedAnnotator:
    """`PinyinAnnotator.annotate`, answered from a `pipeline.cache.Cache` when the same text was
    annotated before with the same names, overrides, sandhi and style (and the same code and data).
    The real annotator, and with it jieba, is only made on the first miss."""

    NAMESPACE = "pinyin"

    def __init__(
        self,
        cache: Cache,
        *,
        names: Iterable[str] = (),
        overrides: Mapping[str, str] = {},
        tone_sandhi: bool = False,
        style: str = "marks",
    ):
        if style not in STYLES:
            raise ValueError(f"unknown pinyin style {style!r}: expected one of {', '.join(STYLES)}")
        self.cache = cache
        self._args = dict(names=list(names), overrides=dict(overrides), tone_sandhi=tone_sandhi, style=style)
        self._settings = key("pinyin-annotator", data_digest(), sorted(self._args["names"]),
                             sorted(self._args["overrides"].items()), bool(tone_sandhi), style)
        self._annotator: PinyinAnnotator | None = None

    @property
    def annotator(self) -> PinyinAnnotator:
        if self._annotator is None:
            self._annotator = PinyinAnnotator(**self._args)
        return self._annotator

    def annotate(self, text: str) -> tuple[Token, ...]:
        digest = key(self._settings, text)
        stored = self.cache.get(self.NAMESPACE, digest)
        if stored is not None:
            return tuple(Token(t, None if p is None else tuple(p), s) for t, p, s in json.loads(stored))
        tokens = self.annotator.annotate(text)
        data = [[t.text, t.pinyin, t.source] for t in tokens]
        self.cache.put(self.NAMESPACE, digest, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
        return tokens


# --------------------------------------------------------------------------------------------


def _split_han(text: str):
    """Yield (piece, is_han) runs; characters pypinyin does not know count as non-Han."""
    pos = 0
    for m in _HAN_RANGE.finditer(text):
        if m.start() > pos:
            yield text[pos : m.start()], False
        run = m.group()
        buf_start = 0
        for k, ch in enumerate(run):
            if ord(ch) not in _pinyin_dict():
                if k > buf_start:
                    yield run[buf_start:k], True
                yield ch, False
                buf_start = k + 1
        if buf_start < len(run):
            yield run[buf_start:], True
        pos = m.end()
    if pos < len(text):
        yield text[pos:], False


def _other_segs(text: str, start: int, segs: list[_Seg]) -> None:
    for m in _OTHER_TOKEN.finditer(text):
        segs.append(_Seg(m.group(), None, "none", "other", start + m.start()))


@lru_cache(maxsize=4096)
def _phrase_reading(word: str) -> tuple[str, ...]:
    if word in _project():
        return _project()[word]
    phrases = _phrases_dict()
    if word in phrases:
        return tuple(p[0] for p in phrases[word])
    return tuple(_default(c) for c in word)
