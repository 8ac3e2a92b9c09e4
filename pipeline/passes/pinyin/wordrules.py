"""Word rules: words the lexicons read two ways, decided by their neighbours (地方 dìfang "place"
/ dìfāng "local"), and the one-syllable verbs whose doubled form has a light second syllable."""

from __future__ import annotations

from pipeline.passes.pinyin.context import (
    _DEGREE,
    _PRONOUNS,
    _Context,
    _ends_numeral,
)
from pipeline.passes.pinyin.tables import _Seg


# One-syllable verbs whose doubled form (看看, 尝尝) is the tentative "have a go": the second syllable
# is light. Not 等 (等等 is also "etc."), nor characters whose doubled form is an adverb (整整, 足足).
REDUPLICATING_VERBS = set(
    "看听问想说试尝走坐聊谈找读写练学查算玩逛歇摸闻洗擦修改讲猜比动跳转跑笑帮念劝拉拍揉敲捏搓翻抖"
    "晃拿放收理补扫刷搬选穿戴瞧瞅望催"
    "点眨挥摆耸甩伸跺抬扭舔嗅"  # gestures doubled before their object: 点点头, 眨眨眼, 耸耸肩
)


def _word_difang(c: _Context) -> tuple[str, ...]:  # 地方
    """dìfang "place" (这地方, 见面的地方吗) vs dìfāng "local" before a noun (地方政府)."""
    if c.prev[-1:] in set("这那哪个些的么每各") or c.next == "" or c.next[:1] in "吗呢吧了啊":
        return ("dì", "fang")
    nxt = c.segs[c.i + 1] if c.i + 1 < len(c.segs) else None
    if nxt is not None and nxt.kind != "other" and (nxt.pos.startswith("n") or nxt.pos == "vn"):
        return ("dì", "fāng")
    return ("dì", "fang")


def _word_dongxi(c: _Context) -> tuple[str, ...]:  # 东西
    """dōngxi "thing"; dōngxī "east and west" next to directions and extents (东西走向, 横贯东西)."""
    if c.next[:1] and c.next[:1] in "南方部两走向长宽横纵侧之各对" or c.prev[-2:] in ("南北", "横贯", "贯穿"):
        return ("dōng", "xī")
    return ("dōng", "xi")


def _word_duoshao(c: _Context) -> tuple[str, ...]:  # 多少
    """duōshao "how many" (多少钱, 有多少); duōshǎo "somewhat" before a verb phrase (多少有点)."""
    if c.next[:2] in ("有点", "有些") or c.next[:1] in ("会", "能", "也", "还", "带", "受", "都", "要"):
        return ("duō", "shǎo")
    return ("duō", "shao")


def _word_renjia(c: _Context) -> tuple[str, ...]:  # 人家
    """rénjiā "household" after a count (三百多户人家, 好人家) or 有的 (有的人家我去了好几趟); rénjia
    "others / he, she" elsewhere."""
    if c.prev[-1:] and (c.prev[-1:] in "户家个好大小穷富" or _ends_numeral(c.prev) or (c.prev == "的" and c.i >= 2 and c.segs[c.i - 2].text == "有")):
        return ("rén", "jiā")
    return ("rén", "jia")


def _word_tongxing(c: _Context) -> tuple[str, ...]:  # 同行
    """tóngxíng "travel together" (和我同行, 同行的还有); tóngháng "peer" (是同行, 同行们)."""
    if c.next in ("们", "之间") or c.prev in ("是", "的", "位", "个", "些", "很多", "不少", "各位"):
        return ("tóng", "háng")
    if c.next in ("的", "者", "人员") or (c.next == "" and any(t in ("和", "与", "跟", "同") for t in c.clause_before(6))):
        return ("tóng", "xíng")
    return ("tóng", "háng")


# Heavy things one carries or puts down: 重重的 before them is "heavy, heavy" (背着重重的行李), before
# anything else "layer upon layer" (重重的困难, 重重的关卡)
_HEAVY_THINGS = {
    "行李", "箱子", "包", "背包", "书包", "包袱", "担子", "袋子", "麻袋", "口袋", "石头", "石块", "铁锤",
    "锤子", "木箱", "木头", "货物", "行囊", "大包", "箱", "米袋", "粮袋", "水桶", "桶", "筐", "背篓",
}


def _word_chongchong(c: _Context) -> tuple[str, ...]:  # 重重
    """zhòngzhòng "heavily" as an adverbial (重重地摔了一跤); chóngchóng "layer upon layer"
    (困难重重, 重重包围). zhòngzhòng also where it describes one action: before 的 + a single blow
    (重重的一拳, 重重一击), before 的 + a heavy thing (背着重重的行李) and as a complement after 得
    (摔得重重的)."""
    if c.next[:1] in ("地", "一") or c.prev[-1:] == "得" or (c.next == "的" and (c.next2[:1] == "一" or c.next2 in _HEAVY_THINGS)):
        return ("zhòng", "zhòng")
    return ("chóng", "chóng")


def _word_changchang(c: _Context) -> tuple[str, ...]:  # 长长
    """zhǎngcháng "grown long" before 了 (指甲长长了); chángcháng "long, long" elsewhere (长长的队)."""
    return ("zhǎng", "cháng") if c.next[:1] == "了" else ("cháng", "cháng")


def _word_jingshen(c: _Context) -> tuple[str, ...]:  # 精神
    """jīngshen "lively, smart-looking", an adjective after a degree word or a verb of seeming
    (很精神, 看上去挺精神); jīngshén "spirit, mind" elsewhere (精神生活, 工匠精神)."""
    if c.prev in _DEGREE or c.prev in ("看上去", "看起来", "显得", "显", "蛮", "倍儿", "怪"):
        return ("jīng", "shen")
    return ("jīng", "shén")


def _word_dengdeng(c: _Context) -> tuple[str, ...]:  # 等等
    """děngdeng "wait a moment", a doubled verb after its subject or an adverb, or before its
    object or 看/吧 (我等等他, 再等等看); děngděng "and so on" after a list (水果、蔬菜等等)."""
    if c.prev in _PRONOUNS or c.prev in ("再", "先", "请", "稍", "且", "就", "还", "要", "得", "可以", "多", "都", "也", "又") \
            or c.next[:1] in ("看", "吧", "他", "她", "我", "你", "它", "咱", "再"):
        return ("děng", "deng")
    return ("děng", "děng")


# What one plants (种花, 种菜): after 种种 they make it the doubled verb zhòng zhong "do a bit of
# planting" (每天种种花、养养鱼), not zhǒngzhǒng "all kinds of" (种种原因, 种种迹象)
_PLANTED = {
    "花", "花草", "草", "菜", "青菜", "蔬菜", "树", "果树", "树苗", "瓜", "豆", "豆子", "地", "田", "庄稼",
    "粮食", "玉米", "小麦", "麦子", "水稻", "稻子", "土豆", "花生", "番茄", "西红柿", "草莓", "葱", "蒜",
    "竹子", "药材", "菜地", "花木", "盆栽", "多肉", "果子",
}


def _word_zhongzhong(c: _Context) -> tuple[str, ...]:  # 种种
    """zhòng zhong, the doubled verb "to plant", before what is planted (种种花草, 种种菜); zhǒngzhǒng
    "all kinds of" elsewhere (种种原因, 由于种种困难)."""
    if c.next in _PLANTED and c.prev not in ("的", "了", "由于", "因为", "经过", "通过", "克服", "面对"):
        return ("zhòng", "zhong")
    return ("zhǒng", "zhǒng")


# Words CC-CEDICT reads two ways, decided by their neighbours (a light syllable for the everyday one).
def _word_dadou(c: _Context) -> tuple[str, ...]:  # 大都
    """dàdōu "mostly", an adverb before a verb or an adverb (员工大都是本地人, 年轻人大都出去了);
    dàdū "metropolis, capital" as a noun (元大都, 国际大都)."""
    if c.next and (c.next_pos.startswith(("v", "d", "p", "a")) or c.next in ("是", "在", "有", "不", "没", "没有")):
        return ("dà", "dōu")
    return ("dà", "dū")


def _word_shushu(c: _Context) -> tuple[str, ...]:  # 数数
    """shǔ shu, the doubled verb "count", before what is counted (数数教室里有几张桌子, 数数钱);
    shǔ shù "count numbers" where nothing follows (孩子在学数数)."""
    if c.next and not c.next_pos.startswith(("u", "y")):
        return ("shǔ", "shu")
    return ("shǔ", "shù")


def _word_daifu(c: _Context) -> tuple[str, ...]:  # 大夫
    """dàifu "doctor", the everyday word; dàfū "senior official" of old titles (士大夫, 上大夫, 卿大夫)."""
    if c.prev[-1:] and c.prev[-1:] in "士卿上中下谏御":
        return ("dà", "fū")
    return ("dài", "fu")


_HEAVY_ARMS = ("上阵", "备", "甲", "部队", "武器", "坦克", "骑兵", "步兵", "装备", "火力", "机枪", "旅", "师")


def _word_chongzhuang(c: _Context) -> tuple[str, ...]:  # 重装
    """chóngzhuāng "install again, refit" (重装系统, 房子重装以后, 电脑重装了); zhòngzhuāng "heavy arms"
    before troops and arms or after 全副 (重装上阵, 重装部队), where pypinyin reads it everywhere."""
    if c.next.startswith(_HEAVY_ARMS) or c.prev[-2:] == "全副":
        return ("zhòng", "zhuāng")
    return ("chóng", "zhuāng")


def _word_qizi(c: _Context) -> tuple[str, ...]:  # 妻子
    """qīzi "wife"; qīzǐ "wife and children" only in the old pairing with 儿女 or 老小."""
    if c.next[:1] in ("儿", "老") or c.next[:2] == "子女":
        return ("qī", "zǐ")
    return ("qī", "zi")


# Words 着 + a body part that jieba keeps whole (着眼 zhuóyǎn "focus on", 着手 zhuóshǒu "set about"),
# which after a one-character verb are that verb's particle and its object: 眯着眼, 闭着眼, 背着手
_ZHE_WORDS = {"着眼", "着手", "着脚", "着头", "着嘴", "着脸"}


def _zhe_after_verb(c: _Context) -> bool:
    """A one-character verb just before, and not the 于/点 of 着眼于, 着眼点 after."""
    return len(c.prev) == 1 and c.prev_pos.startswith("v") and c.next[:1] not in ("于", "点")


def _word_duochang(c: _Context) -> tuple[str, ...]:  # 多长
    """duō cháng "how long" (多长时间, 有多长, 多长？); duō zhǎng "grew more" before 了, a complement
    or an amount (多长了几斤肉, 多长出一截)."""
    if c.next[:1] and (c.next[:1] in "了出得点些" or c.next[:1] in _NUMERAL_CHARS):
        return ("duō", "zhǎng")
    return ("duō", "cháng")


_NUMERAL_CHARS = set("一二两三四五六七八九十几半")


def _word_dianzhao(c: _Context) -> tuple[str, ...]:  # 点着
    """diǎn zhe "lit, alight" before what burns there (门口点着两盏灯, 点着蜡烛) or the head nodded
    (点着头); diǎn zháo "set alight" at the clause's end or before 了 (把灯点着了, 火没点着)."""
    nxt = c.segs[c.i + 1] if c.i + 1 < len(c.segs) else None
    if nxt is not None and nxt.kind != "other" and (_ends_numeral(nxt.text[:1]) or nxt.pos.startswith(("n", "m", "q"))):
        return ("diǎn", "zhe")
    return ("diǎn", "zháo")


_WORD_RULES = {
    "多长": _word_duochang, "点着": _word_dianzhao,
    "两只": lambda c: ("liǎng", "zhī"),  # (pypinyin's phrase: zhǐ) two of them, counted; 只能 is a word of its own
    "地方": _word_difang, "东西": _word_dongxi, "多少": _word_duoshao, "人家": _word_renjia,
    "同行": _word_tongxing, "重重": _word_chongchong, "长长": _word_changchang, "精神": _word_jingshen,
    "等等": _word_dengdeng,
    "故事": lambda c: ("gù", "shi"),  # gùshì "old practice" is archaic
    "大夫": _word_daifu, "妻子": _word_qizi, "种种": _word_zhongzhong,
    "大都": _word_dadou, "数数": _word_shushu, "重装": _word_chongzhuang,
}


def _word_shape(seg: _Seg, c: _Context) -> None:
    """Readings fixed by a word's shape, for words read from pypinyin's phrases (CC-CEDICT agrees):
    得 in a potential form is light (顾得上 gù de shàng, 舍不得 shě bu de: pypinyin has dé); a
    doubled verb + its object has a light second syllable (摆摆手 bǎi bai shǒu, 点点头); a word
    ending in 种 before an aspect particle is the verb zhòng "to plant" (改种了大豆)."""
    word, reading = seg.text, seg.pinyin
    if len(word) in (3, 4) and word[1] == "得" and word[0] != "不" and not _de_word(word[:2]):
        reading[1] = "de"  # 顾得上, 跑得快, 说得过去 (not 获得者, 所得税: 获得, 所得 are words)
    elif len(word) == 3 and word.endswith("不得"):
        reading[2] = "de"
    if len(word) == 3 and word[0] == word[1] != word[2] and (seg.pos.startswith("v") or _verb_object(word[1:])):
        reading[1] = _light(reading[1])  # 摆摆手; 下下棋, 聊聊天 (jieba: an idiom or no tag)
    if len(word) == 3 and word[0] != word[1] == word[2] and _tone(reading[1]) == 5 and _tone(reading[2]) != 5 \
            and _light(reading[2]) == reading[1]:
        reading[1] = reading[2]  # ABB: 热乎乎 rè hū hū, the doubled syllables alike (pypinyin: rè hu hū)
    if len(word) == 2 and word[0] == word[1] and word[0] in REDUPLICATING_VERBS and reading[0] == reading[1]:
        reading[1] = _light(reading[1])  # 转转 (pypinyin: zhuǎn zhuǎn): the tentative form's light syllable
    if word[-1] == "种" and reading[-1] == "zhǒng" and seg.pos.startswith("v") and c.next in ("了", "着", "过"):
        reading[-1] = "zhòng"


_COMPLEMENT_ADJ = set("多少快慢好早晚")
_COMPLEMENT_DEGREE = {"不", "很", "太", "真", "挺", "可", "非常", "特别", "十分", "并不", "不太"}


def _complement_follows(c: _Context) -> bool:
    """What follows up to the pause is a complement of degree: one adjective of manner or amount
    (挣得多, 来得早) or a degree word and an adjective (赢得不容易, 过得很好), and nothing else (获得很多
    奖项 goes on to a noun)."""
    after = c.segs[c.i + 1:c.i + 4]
    words = []
    for seg in after:
        if seg.kind == "other":
            break
        words.append(seg)
    if len(words) == 1:
        return words[0].text in _COMPLEMENT_ADJ
    if len(words) == 2:
        return words[0].text in _COMPLEMENT_DEGREE and (words[1].pos.startswith("a") or words[1].text in _COMPLEMENT_ADJ)
    return False


def _verb_object(word: str) -> bool:
    """A two-character verb of jieba's dictionary (下棋, 聊天, 散步): its first syllable doubled is the
    tentative form (下下棋)."""
    from pipeline.passes.pinyin.jiebadict import word_tag

    return word_tag(word).startswith("v")


def _tone(syllable: str) -> int:
    from pipeline.passes.pinyin.tables import _tone as tone

    return tone(syllable)


def _de_word(word: str) -> bool:
    """A two-character word of the lexicons that ends in 得 read dé (获得, 所得, 取得, 心得)."""
    from pipeline.passes.pinyin.tables import _phrase_reading

    return _phrase_reading(word)[-1:] == ("dé",) and word in _lexicon_words()


def _lexicon_words():
    from pipeline.passes.pinyin.tables import _lexicon

    return _lexicon()


def double_verb_before_object(segs: list[_Seg]) -> None:
    """A one-syllable verb doubled before its object, which jieba cuts as A + AB (点 + 点头, 摇 +
    摇头, 晒 + 晒太阳): the second A is light, as in 点点头 diǎn dian tóu."""
    for i in range(len(segs) - 1):
        a, b = segs[i], segs[i + 1]
        if (a.text == b.text and a.text in REDUPLICATING_VERBS and a.kind == b.kind == "han" and b.pinyin
                and a.pinyin and b.pinyin[0] == a.pinyin[0] and (i + 2 == len(segs) or segs[i + 2].text != a.text)):
            b.pinyin[0] = _light(b.pinyin[0])  # 你们俩说 + 说，: jieba cut the doubled verb in two
            a.source = b.source = "project"  # the shape decided both: nothing for W405 to report
            continue
        if (len(a.text) == 1 and a.kind == "han" and b.kind == "han" and len(b.text) in (2, 3) and b.text[0] == a.text
                and b.text[1] != a.text and (a.pos.startswith("v") or a.text in REDUPLICATING_VERBS)
                and b.source in ("phrase", "project") and b.pinyin):
            if a.source == "fallback" and a.pinyin[0] != b.pinyin[0]:
                a.pinyin, a.source = [b.pinyin[0]], "project"  # 唠 + 唠嗑: the doubled syllable is the word's (lào, not láo)
            b.pinyin[0] = _light(b.pinyin[0])


def _surname_and_title(seg: _Seg) -> bool:
    """A word of jieba's dictionary that is a surname read its own way and a title of two or more
    characters (单教授, 曾主任: jieba lists a few such pairs as words, and pypinyin reads the surname
    as the everyday character): the surname's reading."""
    from pipeline.passes.pinyin.context import _TITLES
    from pipeline.passes.pinyin.tables import _default, _surnames

    word = seg.text
    if len(word) < 3 or word[1:] not in _TITLES:
        return False
    surname = _surnames().get(word[0])
    if not surname or len(surname) != 1 or surname[0] == _default(word[0]) or seg.pinyin[0] == surname[0]:
        return False
    seg.pinyin[0] = surname[0]
    seg.source = "name"
    return True


# Before a surname glued to a head's title, what stands before a person: a pause, a verb of asking or
# calling, a preposition of persons (问单行 + 长：…, 找单行 + 长)
_BEFORE_HEAD = {"", "问", "找", "请", "叫", "喊", "给", "跟", "和", "向", "对", "据", "由", "让", "陪", "见", "是", "被"}
_AFTER_HEAD = {"", "说", "的", "是", "在", "也", "都", "就", "还", "又", "讲", "表示", "介绍", "认为", "告诉"}


def _surname_glued_to_title(segs: list[_Seg], i: int) -> bool:
    """A word of two characters that is a surname read its own way and the first character of a head's
    title, before 长 alone (单行 + 长: jieba's 单行 "one-way"): Mr Shan the bank's head, 单 + 行长
    shàn háng zhǎng, where a person can stand (a pause or a verb of persons before, a pause or a verb
    of saying after)."""
    from pipeline.passes.pinyin.tables import _default, _phrase_reading, _surnames

    seg = segs[i]
    word = seg.text
    if len(word) != 2 or i + 1 >= len(segs) or segs[i + 1].text != "长" or segs[i + 1].kind != "han":
        return False
    surname = _surnames().get(word[0])
    title = _phrase_reading(word[1] + "长")
    if not surname or len(surname) != 1 or surname[0] == _default(word[0]) or title[-1:] != ("zhǎng",):
        return False
    c = _Context(segs, i)
    after = _Context(segs, i + 1).next
    if c.prev not in _BEFORE_HEAD or after not in _AFTER_HEAD:
        return False
    seg.pinyin, seg.source = [surname[0], title[0]], "name"
    segs[i + 1].pinyin, segs[i + 1].source = ["zhǎng"], "name"
    return True


def _light(syllable: str) -> str:
    from pypinyin.contrib.tone_convert import to_normal

    return to_normal(syllable, v_to_u=True)


def _glued_preposition(c: _Context) -> bool:
    """A word 为X the model made of the preposition and the first character of a noun (为主 + 队, 为主 +
    场): the next character alone makes a noun with X (主队, 主场), and no 以 before it asks for
    以…为主体 "take as"."""
    from pipeline.passes.pinyin.jiebadict import known, word_tag

    word, nxt = c.segs[c.i].text, c.next
    if len(nxt) != 1 or c.segs[c.i + 1].kind == "other" or any(t in ("以", "以此", "以之") for t in c.clause_before(8)):
        return False
    return known(word[1] + nxt) and word_tag(word[1] + nxt).startswith("n")


def resolve_word(segs: list[_Seg], i: int) -> None:
    """A word the lexicons read two ways, read by its neighbours, and readings fixed by a word's
    shape (only words from the lexicons: a name, an override or the project dictionary has already
    decided)."""
    seg = segs[i]
    if (len(seg.text) == 2 and seg.text[1] == "为" and seg.source in ("phrase", "project") and seg.pinyin[1] == "wéi"
            and seg.pos.startswith("d") and _Context(segs, i).next == "了"):
        seg.pinyin[1] = "wèi"  # jieba's 更为 + 了 "all the more": 更 + 为了 "in order to"
        return
    if (len(seg.text) == 2 and seg.text[0] == "为" and seg.source in ("phrase", "project") and seg.pinyin[0] == "wéi"
            and _glued_preposition(_Context(segs, i))):
        seg.pinyin[0] = "wèi"  # 为主 + 队 "for the home team": 为 + 主队, not 为主 "mainly"
        return
    if (len(seg.text) == 2 and seg.text[1] == "得" and seg.source in ("phrase", "project") and seg.pinyin[1] == "dé"
            and _complement_follows(_Context(segs, i))):
        seg.pinyin[1] = "de"  # 挣得多, 赢得不容易: a verb + the complement of degree, not 挣得 "to earn"
        return
    if seg.text in _ZHE_WORDS and seg.source in ("phrase", "project") and _zhe_after_verb(_Context(segs, i)):
        seg.pinyin[0] = "zhe"  # 眯 + 着眼, 背 + 着手: the aspect particle and the object, not 着眼 zhuóyǎn
        return
    if seg.source != "phrase":
        return
    c = _Context(segs, i)
    if _surname_and_title(seg) or _surname_glued_to_title(segs, i):
        return
    _word_shape(seg, c)
    rule = _WORD_RULES.get(seg.text)
    if rule is not None:
        seg.pinyin = list(rule(c))


def spelled_out(segs: list) -> None:
    """A character named by a word that holds it (重是重新的重, how a speaker spells out a name): the
    character, said alone before 是 and again after 的, is read as in that word."""
    words = [(k, seg) for k, seg in enumerate(segs) if seg.kind == "han"]
    for n in range(len(words) - 3):
        first, *rest = [seg for _, seg in words[n:n + 5]] + [None] * 2
        if first.text[-1:] == "是" and len(first.text) == 2:
            char, (word, de, last) = first.text[0], rest[:3]
        elif len(first.text) == 1 and rest[0] is not None and rest[0].text == "是":
            char, (word, de, last) = first.text, rest[1:4]
        else:
            continue
        if word is None or de is None or last is None or de.text != "的" or last.text != char:
            continue
        if char not in word.text or len(word.text) < 2 or not word.pinyin or len(word.pinyin) != len(word.text):
            continue
        reading = word.pinyin[word.text.index(char)]
        for seg in (first, last):
            if seg.pinyin:
                seg.pinyin[0], seg.source = reading, "project"
