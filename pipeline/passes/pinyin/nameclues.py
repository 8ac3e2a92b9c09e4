"""What a person's name and the words around it look like, for the scans in `names` and
`namescans`: the surnames worth a scan (`_triggers`), a plausible name, a given name after a
plain or an unmistakable surname, a word for a person's role before a name, the places where a
name can begin, and the word lists and jieba tags and frequencies these tests rest on.

Kept apart from the scans because every scan asks the same questions of a word; each answer is a
judgement about one word (or a word and its neighbour), not about the run.
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.passes.pinyin.context import _DEMONSTRATIVE, _TITLES
from pipeline.passes.pinyin.jiebadict import known, tokenizer, word_tag
from pipeline.passes.pinyin.tables import (
    _default,
    _is_han,
    _lexicon,
    _name_chars,
    _new_words,
    _phrase_reading,
    _project,
    _surnames,
)

_NAME_TAGS = ("nr", "nrfg", "nrt")
_GIVEN_TAGS = ("nr", "nrfg", "nrt", "nz")
_ENCLITIC = set("是在和的了说也就都对把被给向从跟与")  # one-character words that follow a name
_NEVER_LAST = set("是的了说也就把被给跟着过吗呢吧")  # ... and that never end a given name
_COMMON = 100
# Words after which a verb is far likelier than a name (在种玉米, 正在盖房子, 要查清楚)
_BEFORE_VERBS = {
    "在", "正在", "正", "要", "会", "能", "想", "去", "来", "得", "都", "也", "就", "还", "再", "又", "不",
    "没", "别", "快", "先", "刚", "才", "已", "已经", "把", "被", "将", "可以", "应该", "需要", "开始",
}  # a given-name part jieba knows as another word this often is that word (房子)
# Verbs whose object is often a person: a lone surname after them begins a name (问区永康, 交给朴美玲)
_PERSON_VERBS = {
    "问", "叫", "请", "派", "找", "给", "让", "陪", "送", "帮", "教", "告诉", "通知", "采访", "邀请", "遇到",
    "碰到", "见到", "找到", "遇见", "看见", "交给", "送给", "借给", "发给", "嫁给", "卖给", "留给", "佩服",
    "感谢", "谢谢", "拜访", "联系", "认识", "支持", "推荐", "介绍", "表扬", "批评", "祝贺", "称赞", "等",
    "姓", "叫做", "名叫", "是",
}


@lru_cache(maxsize=None)
def _triggers() -> frozenset[str]:
    """Characters that make finding names worth it: surnames with a reading of their own (曾 zēng)
    or read more than one way (贾 jiǎ/gǔ), given-name characters whose name reading is not the
    everyday one (少 shào)."""
    from pipeline.passes.pinyin.tables import is_polyphonic

    surnames = {s[0] for s, r in _surnames().items() if len(s) == 1 and (r[0] != _default(s) or is_polyphonic(s))}
    given = {c for c, r in _name_chars().items() if r != _default(c)}
    return frozenset(surnames | given)


def _surname_of(name: str) -> str | None:
    if len(name) >= 3 and name[:2] in _surnames():
        return name[:2]
    return name[:1] if name[:1] in _surnames() else None


# What follows a demonstrative (besides a measure word): 那天, 那里, 那时, 那样, 那些 — never a given name
# after the surname 那 Nā
_AFTER_DEMONSTRATIVE = set("天年月日时里边儿样么些会阵道项笔幅扇晚夜早刻")


_NUMERAL_CHARS = set("一二两三四五六七八九十几半百千万")
# Units of weight, length, area, money and time: a numeral + one of them is an amount, not a given name
# (重三吨; not 华十全, 员八一)
_UNITS = set("吨斤克两米尺寸丈里亩顷元块角分秒天年月岁倍成")


# Heads of the names of places and institutions (和平饭店, 人民公园): 那 before such a name points at it
_PLACE_HEADS = (
    "饭店", "酒店", "宾馆", "旅馆", "医院", "学校", "中学", "小学", "大学", "公司", "大楼", "大厦", "公园", "商场",
    "超市", "广场", "大街", "小区", "餐厅", "饭馆", "银行", "车站", "剧院", "影院", "书店", "工厂", "市场", "菜场",
    "大桥", "寺庙", "博物馆", "图书馆", "体育馆",
)


def demonstrative_first(char: str, following: str) -> bool:
    """`char` is a surname that is also a demonstrative (那 Nā) and `following` begins as a
    demonstrative's word does (a measure word or 天/里/时…: 那道题, 那家工厂, 那天), or is the name of
    a place or an institution (那和平饭店, 那人民公园): no name there."""
    if char not in _DEMONSTRATIVE or not following:
        return False
    return (following[0] in _MEASURE_END or following[0] in _AFTER_DEMONSTRATIVE
            or following[1:].startswith(_PLACE_HEADS) or following[2:].startswith(_PLACE_HEADS))


def _plausible(name: str) -> bool:
    surname = _surname_of(name)
    if surname is None or not 2 <= len(name) <= 3 or name in _project() or name in _lexicon():
        return False
    if len(name) == 2 and name in _new_words() and _new_words()[name].split()[0] != _surnames().get(surname, ("",))[0]:
        return False  # 缪斯 Miùsī: a word of CC-CEDICT's read otherwise, not Miào + 斯
    given = name[len(surname):]
    if len(given) == 2 and given[0] in _NUMERAL_CHARS and given[1] in _UNITS:
        return False  # 重 + 三吨, 种 + 五亩: a weight or an area after a verb, no given name
    if demonstrative_first(surname, given):
        return False  # 那 + 道题, 那 + 家工厂, 那 + 天: the demonstrative and its measure word, not Nā
    if (len(given) == 2 and tokenizer().FREQ.get(surname, 0) >= _VERY_COMMON and word_tag(given) not in _NAME_TAGS
            and known(given[0]) and word_tag(given[0]).startswith("v")):
        return False  # 能 + 治好, 都 + 走了: a modal or adverb everyone uses (能 Nài) before a verb, no surname
    if not given or given in _TITLES:
        return False  # 缪师傅, 翟大夫: surname + title (jieba tags 师傅 a name)
    if len(given) == 2 and given[1] == "长" and _phrase_reading(given)[-1:] == ("zhǎng",) and word_tag(given) not in _NAME_TAGS:
        return False  # 单 + 行长, 曾 + 村长: a head's title after the surname, no given name
    if len(given) == 2 and given[0] in "不没" and given[1] == surname:
        return False  # 重不重, 还没还: a verb or adjective asked "or not", no given name
    if len(given) == 1 and word_tag(given).startswith(("p", "u", "c", "y", "e")):
        return False  # 华为 (jieba: a name): 为 is a preposition, no given name
    if given in ("子", "儿"):
        return False  # 胡子, 李子, 燕子 (jieba: names): the noun suffix, no given name
    tag = word_tag(given)
    common = _RARE_WORD if strong_surname(surname) else _COMMON
    if len(given) > 1 and tag and tag not in _GIVEN_TAGS and tokenizer().FREQ.get(given, 0) >= common:
        return False
    return True


def _name_can_start_after(before: str | None) -> bool:
    """Where a surname standing alone can begin a name: at the start, after a noun (记者, 教练), a
    conjunction or a preposition, the aspect particle 了 (见到了查静怡) or a verb whose object is a
    person (问, 请, 交给); not after another verb or an adverb (忙着种玉米, 正在盖房子)."""
    if before is None:
        return True
    if before in _BEFORE_VERBS:
        return False
    if before in _PERSON_VERBS or before == "了":
        return True
    tag = word_tag(before)
    return tag.startswith("n") or tag in ("vn", "c", "p", "t", "s", "f")


def _given_like(word: str, surname: str = "") -> bool:
    """A word that can be a given name: unknown to jieba's dictionary, or listed there as a name or
    as a rare place name (广明, 长乐: place names and given names share their characters)."""
    if len(word) == 2 and not known(word):
        return True
    tag = word_tag(word)
    if not word or len(word) > 2 or not all(_is_han(c) for c in word) or word[-1] in _NEVER_LAST:
        return False
    if tag in _GIVEN_TAGS:
        return True
    # a rare noun-like word (立新, 海生, 广明: given names are often rare words), after a surname that
    # is no function word itself (都, 曾, 过 + a rare verb: 脸都涨红了)
    if surname and word_tag(surname).startswith(("d", "u", "p", "c", "v")):
        return False
    return (len(word) == 2 and tokenizer().FREQ.get(word, 0) < _COMMON
            and not tag.startswith(_NEVER_GIVEN_TAGS + ("v", "a")))


# jieba's tags of words that are never a given name (particles, prepositions, pronouns, numerals …)
_FUNCTION_TAGS = ("u", "p", "c", "r", "m", "q", "f", "y", "e", "o", "x", "d")
_NEVER_GIVEN_TAGS = ("u", "p", "c", "r", "m", "q", "f", "y", "e", "o", "x")
_VERY_COMMON = 50000  # jieba's frequency of 都, 能, 过 alone (曾 29107, 解 5923)
_RARE_WORD = 1000  # a known word rarer than this can be a given name after an unmistakable surname


_PAIR_WORD = 20  # a surname + the next character this frequent in jieba's dictionary are that word


def _word(pair: str) -> bool:
    """A surname and the next character make a word used often enough to be that word (曾经, 解决,
    查看), not a rare one the model makes of a name's characters (单立 of 单立行, 解明: freq 3, 7)."""
    return tokenizer().FREQ.get(pair, 0) >= _PAIR_WORD


@lru_cache(maxsize=None)
def strong_surname(char: str) -> bool:
    """A surname that is no everyday word on its own (缪, 覃, 翟, 朴, 刘, 王 …: jieba's dictionary
    tags the lone character as a name or a bound morpheme): standing alone, it begins a name."""
    return char in _surnames() and len(char) == 1 and word_tag(char) in ("nr", "zg", "ng", "g")


def _given_after_strong(word: str) -> bool:
    """After an unmistakable surname, a two-character given name may be a rare word of the
    dictionary too (建军, 长顺, 长乐): not a title, a function word, a common word or a word ending
    in a particle (长得)."""
    if len(word) != 2 or not all(_is_han(c) for c in word) or word in _TITLES or word[-1] in "的地得着了过们":
        return False
    if word[-1] == "长" and word_tag(word) not in _NAME_TAGS:
        return False  # 贾 + 行长, 刘 + 村长: a head's title (X长 zhǎng), not a given name
    if not known(word):
        return True
    tag = word_tag(word)
    return not tag.startswith(_FUNCTION_TAGS + ("v",)) and tokenizer().FREQ.get(word, 0) < _RARE_WORD


def _name_char(char: str) -> bool:
    """A single character that is a name in jieba's dictionary (晖, 娟) or no word of it at all."""
    return _is_han(char) and char not in _ENCLITIC and (not known(char) or word_tag(char) in ("nr", "nrfg"))


_LIST_TAGS = ("nr", "nrfg", "nrt", "nz", "ns", "t", "a")  # given names that are words: 长江, 建国, 国庆, 宏伟


def _overlaps(found: list[tuple[int, str]], start: int, size: int) -> bool:
    return any(o < start + size and start < o + len(n) for o, n in found)


def _listed_given(given: str) -> bool:
    """A given name of a listed person: not a title, a head's title X长 or a word ending in a particle;
    a word of the dictionary only if names often are such words (a place, a time, an adjective: 长江,
    国庆, 宏伟) or it is a rare noun (not 数据, 房子)."""
    if not 1 <= len(given) <= 2 or not all(_is_han(c) for c in given):
        return False
    tag = word_tag(given)
    if given in _TITLES or given[-1] in _NEVER_LAST or (given[-1] == "长" and tag not in _NAME_TAGS):
        return False
    return not known(given) or tag in _LIST_TAGS or (tag.startswith("n") and tokenizer().FREQ.get(given, 0) < _RARE_WORD)


# Last characters of the nouns for a person's role, trade or relation that stand before a name in
# news copy (养蜂人, 值班医生, 校长, 种植大户, 村医, 同事, 摊主, 教练, 队员)
_ROLE_END = set("人员师生长主户手医者家工事友官警匠农民客妻夫兄弟姐妹叔姨娘婶兵")  # 兵: 老兵, 民兵, 新兵
# roles whose last character is no role ending (会计 is no 计划), and roles jieba's dictionary tags
# as verbs (站长, 组长, 镇长 …)
_ROLE_WORDS = {
    "会计", "出纳", "司机", "保安", "秘书", "支书", "导游", "翻译", "裁判", "教练", "保姆", "厨子", "摊贩",
    "村医", "队医", "军医", "站长", "组长", "镇长", "处长", "连长", "排长", "指挥", "主持", "主播", "领队",
    # transport and trade (副驾驶区行舟, 饭馆老板曾还乡, 书记单为国)
    "驾驶", "副驾驶", "机长", "船长", "列车长", "乘务长", "老板", "掌柜", "书记", "村支书", "股东", "调度",
    # kin and companions, whose name follows them as a role's does (父亲仇长生, 队友查传亮)
    "父亲", "母亲", "妻子", "丈夫", "爱人", "老伴", "儿子", "女儿", "队友", "邻居", "搭档", "合伙人",
    "家属", "战友",
}
# Function words that begin given names all the same (为民, 为国, 为先: "for the people", "put first")
_NAME_FIRST_FUNCTION = {"为"}
# One-character suffixes of a role that jieba leaves apart (快递 + 员, 摄影 + 师): a surname of its own
# too (员 Yùn, 师 Shī), but before a surname read its own way it ends the role and the name follows
_ROLE_SUFFIX = set("员师手工者")
_ADVERB_FIRST = {"都"}  # a surname far rarer than the adverb after a subject (年轻人都快住不起了)
_NOT_ROLES = {"大家", "人家", "国家", "全家", "自家", "老家", "东家", "公家", "亲家", "大伙", "人人", "别人", "他人", "众人", "有人", "没人"}
_MEASURE_END = set("个只条张本把头匹件位名家台辆架座栋棵株朵片块根支首篇部场次回遍趟顿阵种类层排批群套双对副份间所门节段句章页封颗粒杯碗瓶盒包袋")


def _after_measure(word: str) -> bool:
    """这趟, 一辆, 每位: a demonstrative or numeral and a measure word; a noun follows, not a name."""
    from pipeline.passes.pinyin.context import _DEMONSTRATIVE, _NUMERAL

    return len(word) >= 2 and word[-1] in _MEASURE_END and all(c in _NUMERAL or c in _DEMONSTRATIVE for c in word[:-1])


def _compound_given(word: str) -> bool:
    """A one- or two-character given name after a compound surname (尉迟 + 长风, 欧阳 + 乐天): any
    content word but a common one, a function word or one ending in a particle."""
    if not 1 <= len(word) <= 2 or not all(_is_han(c) for c in word) or word[-1] in _NEVER_LAST | _ENCLITIC:
        return False
    tag = word_tag(word)
    if tag.startswith(_FUNCTION_TAGS + ("v",)):
        return False
    return len(word) == 2 and (not known(word) or tag in _GIVEN_TAGS or tokenizer().FREQ.get(word, 0) < _RARE_WORD)


def _role_before(run: str, i: int) -> bool:
    """A word of jieba's dictionary ending just before offset i that names a person's role (医生,
    校长, 种植大户, 养蜂人, 同事, 村医): in news copy a name follows it."""
    for size in (4, 3, 2):
        if i >= size:
            word = run[i - size:i]
            if word in _NOT_ROLES:
                return False
            if word in _TITLES or word in _ROLE_WORDS or (word[-1] in _ROLE_END and known(word) and (word_tag(word).startswith("n") or word[-1] in "手员师者")):
                return True
            if size == 2 and word[-1] in _ROLE_END and all(_is_han(c) for c in word) and not known(word) \
                    and known(word[-1]) and word_tag(word[-1]).startswith("n"):
                return True  # 村医, 果农: a bound role word jieba's dictionary does not list
    return False


def _given_after_role(given: str, surname: str = "") -> bool:
    """Two characters that can be a given name after a surname in a role position: no particle,
    function word or numeral among them, and as a word unknown, a name or place, or rare (less
    rare after a surname that is a noun on its own, 仇 + 建平, than after one that is a verb, where
    种 + 小麦 is likelier a verb and its object)."""
    if len(given) != 2 or not all(_is_han(c) for c in given) or given[-1] in _NEVER_LAST:
        return False
    tag = word_tag(given) if known(given) else ""
    if given[0] in _NAME_FIRST_FUNCTION:
        return not (known(given[1]) and word_tag(given[1]).startswith(("p", "u", "c", "r", "m", "y", "e", "v")))
    for c in given:
        if c in _ENCLITIC or c in "的地得着了过们一二三四五六七八九十百千万几两这那每":
            return False
        if known(c) and word_tag(c).startswith(("p", "u", "c", "r", "m", "y", "e")):
            return False
        if known(c) and word_tag(c).startswith("q") and tag not in _NAME_TAGS:
            return False  # a measure word (天, 年) begins a given name only in one jieba lists as a name (天宇)
    if not known(given):
        return True
    if given[0] == given[1] and not tag.startswith(_FUNCTION_TAGS + ("v",)) and tokenizer().FREQ.get(given, 0) < _RARE_WORD:
        return True  # a doubled given name (乐乐, 晶晶, 欢欢), rare as a word
    if tag.startswith("ns"):
        return True  # 长江, 长河: place names and given names share their words
    if tag in _NAME_TAGS:
        return tokenizer().FREQ.get(given, 0) < _RARE_WORD  # 玉米 is tagged a name too
    rare = _RARE_WORD if surname and word_tag(surname).startswith("n") else _COMMON
    return not tag.startswith(_FUNCTION_TAGS + ("v", "a")) and tokenizer().FREQ.get(given, 0) < rare
