"""Context rules: readings of characters that stand alone after segmentation and whose reading
depends on their neighbours rather than on a word (得 de/dé/děi, 地 de/dì, 为 wèi/wéi, 只 zhī/zhǐ,
长, 行, 种, 过 …). Each rule answers a reading when the context gave evidence, a `Guess` when not."""

from __future__ import annotations

from pipeline.passes.pinyin import charrules, verbnoun
from pipeline.passes.pinyin.context import (
    Guess,
    _Context,
    _DEGREE,
    _DEMONSTRATIVE,
    _DE_ADJ1,
    _DI_NOUN_NEXT,
    _DI_PREV,
    _MODAL_ADVERBS,
    _NUMERAL,
    _PRONOUNS,
    _VERBAL,
    _WEI_ATTR_END,
    _WEI_NEXT,
    _WEI_PREV,
    _WEI_VERBS_FAR,
    _ZHI_BLOCK,
    _ends_numeral,
    _guess,
)
from pipeline.passes.pinyin.jiebadict import word_tag
from pipeline.passes.pinyin.lonesurname import lone_surname
from pipeline.passes.pinyin.tables import _default, _phrase_reading, _Seg, _standalone
from pipeline.passes.pinyin.wordrules import REDUPLICATING_VERBS


# Adverbs of manner and time that follow the modal 得 děi ("must"): 得慢慢讲, 得趁早治, 得马上走
_DEI_ADVERBS = {
    "慢慢", "好好", "马上", "赶紧", "赶快", "先", "再", "趁早", "尽快", "立刻", "立即", "早点", "及时",
    "抓紧", "亲自", "一起", "认真", "仔细", "自己", "提前", "按时", "重新", "另外", "好好儿", "多",
    "大声", "小声", "轻轻", "格外", "特别", "千万", "务必",
}


# Verbs that begin a complement of degree or result after 得 de (红得像苹果, 热得让人受不了, 气得发抖)
_DE_COMPLEMENT_VERBS = {
    "不", "没", "像", "让", "叫", "使", "令", "发", "直", "要", "要命", "要死", "不行", "出", "满", "如", "好像",
    "仿佛", "似的", "说不出", "喘不过", "睡不着", "受不了", "哭", "笑", "跳", "掉", "流", "冒", "打", "连",
    "发亮", "发抖", "发烫", "发紫", "发麻", "发黑", "发白", "发红", "发青", "发慌", "发疼", "发酸", "发胀", "发软",
    "发光", "发颤", "发毛", "发呆", "发晕", "发干", "发僵", "发硬", "发木", "发怵", "发愣",
}
# Verb-object words that take no complement of degree after 得 (one says 说话说得快): before 得 + a
# verb or an adverb, 得 is the modal děi (说话得大声, 开车得小心)
_VO_WORDS = {
    "说话", "开车", "走路", "吃饭", "做饭", "干活", "做事", "办事", "睡觉", "上班", "出门", "过马路", "骑车",
    "写字", "看病", "买菜", "做生意", "开会", "上学", "读书", "过日子", "带孩子", "喝酒", "抽烟", "游泳",
}
_DEMONSTRATIVE_WORDS = {"这", "那", "这个", "那个", "此", "该", "这种", "那种", "这件", "那件", "这些", "那些", "这点"}
# Verbs (and a verb's adjectives of care) jieba tags as nouns, which the modal 得 děi takes like any
# verb: 这病得住院, 吃的时候得小心, 这机器得检修
_DEI_VERB_NOUNS = {
    "住院", "出院", "手术", "开刀", "加班", "值班", "上班", "打针", "输液", "排队", "请假", "出差", "搬家",
    "检修", "维修", "保养", "复查", "小心", "当心", "留神", "注意", "休息", "治疗", "抢救", "化疗",
}


def _rule_de(c: _Context) -> str:  # 得
    """de after a verb or adjective (说得好, 高兴得太早); dé "obtain" before 了 and an object
    (比赛中得了第二名) or 到/奖; děi "must" after a subject before a verb (这病得趁早治, 你得去)."""
    prev, nxt = c.prev, c.next
    if len(prev) == 1 and any(len(w) == 2 and w[0] == prev for w in c.clause_before(6)[1:]):
        return "de"  # the verb said again before its complement: 数钱倒是数得很快, 写字写得好
    # (a conjunction begins the clause, and no verb stands before 得: 只是得宽限几天, 所以得早点走)
    subject_side = prev == "" or prev in _PRONOUNS or prev in _MODAL_ADVERBS or c.prev_pos.startswith("c")
    verbal = c.prev_pos.startswith(_VERBAL) or c.segs[c.i].kind == "suffix"
    if subject_side and (nxt[:1] in ("了", "到", "知", "奖", "第") or nxt == "过"):
        return "dé"  # 得了吧, 他得过冠军
    if subject_side:
        return "děi"
    if not verbal and nxt == "了" and c.next2 not in ("", "吗", "呢", "吧", "啊"):
        return "dé"  # 在比赛中得了第二名, 去年得了一场病
    # a noun counted by a demonstrative and a measure word (这辆 + 车, 那台 + 机器), whatever jieba tags it
    counted = c.i >= 2 and ((c.segs[c.i - 2].pos == "mq" and c.segs[c.i - 2].text[:1] in "这那每哪")
                            or (c.i >= 3 and c.segs[c.i - 3].text in ("这", "那", "每") and len(c.segs[c.i - 2].text) == 1
                                and c.segs[c.i - 2].kind == "han"))
    noun_subject = counted or len(prev) > 1 or (c.i >= 2 and c.segs[c.i - 2].text in _DEMONSTRATIVE_WORDS) or c.prev_pos.startswith("n") or prev == "们"
    # after a subject (a noun, pronoun, time word, 们), a condition (出门的话) or a time phrase ending
    # in a localiser (年底之前, 吃饭以后)
    verbal = verbal and not counted  # (jieba tags 车 zg, a tag verbs share)
    subject_end = counted or c.prev_pos.startswith(("n", "r", "t", "f")) or prev in ("们", "的话")
    verb_next = (c.next_pos.startswith(("v", "p")) or nxt in _DEI_VERB_NOUNS or nxt[:2] in _DEI_VERB_NOUNS) and nxt not in _DE_COMPLEMENT_VERBS
    if prev in _VO_WORDS and (nxt in _DEI_ADVERBS or verb_next or c.next_pos.startswith(("a", "d"))) and nxt not in _DEGREE:
        return "děi"  # a verb and its object, then the modal: 说话得大声一点, 开车得格外小心 (V得 + a
        # complement repeats the verb: 说话说得快)
    if prev == "了" and verb_next and not verbal:
        return "děi"  # a clause ends in 了, then the modal: 电梯坏了得爬上去 (V得 + complement has no 了 between)
    if c.prev_pos in ("m", "mq") and prev[:1] in _NUMERAL and len(prev) > 1 and verb_next:
        return "děi"  # an amount, then the modal: 装修一遍得花多少钱, 跑一圈得十分钟
    if not verbal and noun_subject and subject_end and (nxt in _DEI_ADVERBS or verb_next
                                                       or (c.next_pos.startswith(("d", "t")) and nxt not in _DEGREE)):
        return "děi"  # a subject, then the modal: 有些道理得慢慢讲, 这病得趁早治 (not 天气热得让人…)
    if verbal:
        return "de"  # a complement after a verb or adjective: 说得好, 高兴得太早
    return _guess("de")


def _rule_le(c: _Context) -> str:  # 了
    """liǎo in a potential form, V得了 / V不了 (办得了, 去不了: "can / cannot manage"); le elsewhere."""
    if len(c.prev) == 2 and c.prev[1] == "不" and word_tag(c.prev[0]).startswith(("v", "a")):
        return "liǎo"  # jieba's 算不了, 少不了 cut as 算不 + 了
    if c.prev in ("得", "不") and c.i >= 2 and c.segs[c.i - 2].kind != "other" and c.segs[c.i - 2].pos.startswith("v") \
            and len(c.segs[c.i - 1].text) == 1:
        return "liǎo"
    return "le"


def _rule_di(c: _Context) -> str:  # 地
    prev, nxt = c.prev, c.next
    if c.segs[c.i].kind == "suffix":  # jieba kept "X地" whole: 悄悄地, 突然地 (de) vs 营地, 发生地 (dì)
        if len(prev) >= 2 and prev[-1] == prev[-2] or prev[-1:] in ("然", "般", "样") or prev in _DE_ADJ1:
            return "de"
        if word_tag(prev + "地")[:1] in ("d", "z"):  # jieba's dictionary has it as an adverb: 一个劲地
            return "de"
        return "dì"
    if nxt == "":
        return "dì"
    if prev == "":
        return "dì"
    if len(prev) >= 2 and prev[-1] == prev[-2]:
        return "de"
    if _after_repeated_phrase(c):
        return "de"  # 一场一场地打, 一步一步地走: a repeated numeral phrase is an adverbial
    if len(prev) == 1 and c.i >= 2 and c.segs[c.i - 2].text == "一" + prev:
        return "de"  # 一页 + 页 + 地: 一AA of a measure word is an adverbial too
    if len(prev) == 1:
        if prev in _DE_ADJ1:
            return "de"
        return "dì"
    if prev[-1] in _DI_PREV and (prev[0] in _NUMERAL or prev[0] in _DEMONSTRATIVE):
        return "dì"
    if nxt in _DI_NOUN_NEXT:
        return "dì"
    if c.prev_pos.startswith(_VERBAL) and (c.next_pos.startswith(("v", "p", "d")) or len(c.next) == 1):
        return "de"  # an adverbial before a verb (a one-character word there is one): 担心地问, 准确地画出
    return _guess("de")


def _after_repeated_phrase(c: _Context) -> bool:
    """The words just before segment i repeat a phrase that begins with a numeral (一步 一步, or
    一 场 一 场 where the measure word was split off to be read by the rules)."""
    texts = [c.segs[j].text if c.segs[j].kind != "other" else "" for j in range(max(0, c.i - 4), c.i)]
    for size in (1, 2):
        if len(texts) >= 2 * size:
            a, b = texts[-2 * size:-size], texts[-size:]
            if a == b and all(a) and a[0][:1] in _NUMERAL:
                return True
    return False


def _rule_wei(c: _Context) -> str:  # 为
    prev, nxt = c.prev, c.next
    if nxt == "人" and (c.next2 in _DEGREE or c.segs[c.i + 2].pos.startswith(("a", "d")) if c.next2 else False):
        return "wéi"  # 为人 "as a person" before how (他为人很和气, 为人正直; not 为人民: 人民 is a word)
    if nxt == "人" and c.next2 and not c.segs[c.i + 2].pos.startswith(("v", "p")) and _pause_after(c, c.i + 2):
        return "wéi"  # 他为人热情，…: one word of character, then the pause (not 为人看病: a verb)
    if nxt == "人" and (prev == "的" or c.next2 in _WEI_ROLES):
        return "wéi"  # 为人 "one's conduct" after 的 (他的为人), "being" before a role (为人父母, 为人师表)
    if nxt == "人" and (c.next2 in _WEI_CONDUCT_MODALS or "".join(c.clause_after(4)[1:])[:2] in _CHARACTER):
        return "wéi"  # 为人要实在, 为人和气 (jieba's 人和 + 气): how one conducts oneself (not 为人民: a word)
    if prev in _WEI_PREV or prev in _WEI_ELECTED or prev in _WEI_IS:
        return "wéi"  # 选为, 当选为村委会委员: "as"
    if c.prev_pos.startswith("n") and c.i + 1 < len(c.segs) and c.segs[c.i + 1].text[:1] in "：:":
        return "wéi"  # a noun, then what it is after a colon: 本届理事会成员为：…
    if prev in _WEI_CHANGE and (c.next_pos.startswith("m") or (_copula_complement(c) and "的" not in c.clause_after(12))):
        return "wéi"  # "into": 增加为两亿元, 翻译为十几种语言 (not 增加为农民提供的补贴: a verb follows)
    if len(prev) >= 2 and prev[-1] in _WEI_ATTR_END:
        return "wéi"
    if nxt in _WEI_NEXT or (c.next == "" and c.segs[c.i + 1 :] and c.segs[c.i + 1].text[:1].isdigit()):
        return "wéi"
    if "所" in c.clause_after(8):
        return "wéi"
    before = c.clause_before(8)
    if any(t in _WEI_VERBS_FAR for t in before[:3]):
        return "wéi"
    if any(t in _WEI_TURN for t in before[1:3]) and _copula_complement(c):
        return "wéi"  # "turn X into Y": 化悲痛为力量, 改旱地为水田 (not 分了钱为孩子买书: a verb follows)
    if any(t in ("以", "以此", "以之") for t in before):
        return "wéi"
    if c.prev_pos.startswith("n") and _copula_complement(c):
        return "wéi"  # "is", between a noun and what it is: 冠军为来自云南的一名选手
    if (c.prev_pos.startswith("n") or c.prev_pos == "vn") and c.i + 1 < len(c.segs) and c.segs[c.i + 1].text[:1] in _OPEN_QUOTES:
        return "wéi"  # a noun, then what it is in quotes: 今年的主题为“绿色生活”
    if c.prev_pos == "vn" and c.next_pos.startswith("m") and _ends_numeral(c.next[:1]):
        return "wéi"  # a verbal noun and a quantity: 总投资为十二亿元
    return _guess("wèi")


# Roles after 为人 "being (a parent, a teacher)": 为人父母, 为人师表, 为人子女
# Words of character after 为人 "as a person" (他为人和气), which jieba may cut across (人和 + 气), and
# the modals of a precept (为人要实在, 为人应该厚道)
_CHARACTER = {
    "和气", "厚道", "实在", "正直", "善良", "老实", "随和", "低调", "热情", "豪爽", "谦虚", "谦和", "本分",
    "仗义", "刻薄", "小气", "大方", "耿直", "爽快", "直爽", "忠厚", "实诚", "宽厚", "稳重", "谨慎", "大度",
    "圆滑", "精明", "踏实", "勤快", "和善", "和蔼", "温和", "憨厚", "朴实", "诚恳", "坦诚", "豁达", "厚实",
}
_WEI_CONDUCT_MODALS = {"要", "应", "应该", "应当", "得", "须", "必须", "处世", "处事"}
_WEI_ROLES = {"父母", "父", "母", "师", "师表", "子女", "子", "女", "妻", "夫", "臣", "兄", "弟", "媳", "友"}
_WEI_TURN = {"化", "变", "转", "改", "译", "折合", "换算", "划"}  # V + X + 为 + Y
# Verbs of change and naming before 为 "into, as" + the new state or amount (增加为两亿元, 翻译为英文)
_WEI_CHANGE = {
    "增加", "减少", "提高", "降低", "增至", "调整", "上调", "下调", "扩大", "缩小", "延长", "缩短", "提升",
    "下降", "上升", "翻译", "改编", "改名", "更名", "改称", "简化", "合并", "分成", "转化", "转变", "演变",
    "升级", "降级", "变更", "修改", "更改", "确定", "认定", "规定", "设定", "核定", "评定", "列入",
    # writing a thing down in another form (转写为拼音, 标注为, 理解为): 为 "as, into"
    "转写", "改写", "缩写", "简写", "拼写", "写", "记", "读", "念", "音译", "意译", "转换", "转录", "标注",
    "标记", "标明", "注明", "登记", "记录", "记载", "解释", "理解", "概括", "归纳", "总结", "表述", "表示",
    "定义", "命名", "界定", "编号", "换算", "折算", "统一",
}
_OPEN_QUOTES = set("“‘《「『")
# Words before 为 "be, count as" (同为被告 "both are", 不足为信 "not to be believed", 不足为奇)
_WEI_IS = {"同", "不足", "共同", "互"}
# Being elected or appointed "as" (当选为委员, 任命他为): 为 is wéi after these whatever follows
_WEI_ELECTED = {"当选", "推选", "选举", "任命", "聘任", "聘请", "推举", "评选", "聘"}


def _pause_after(c: _Context, j: int) -> bool:
    """Segment j is the last Han word before a pause or the end."""
    return j + 1 >= len(c.segs) or c.segs[j + 1].kind == "other"


def _copula_complement(c: _Context) -> bool:
    """What follows 为 up to the pause is a noun phrase (its head after the last 的 holds no verb
    or adjective, and ends in a noun or a number): 为 is the copula wéi, not "for" (为他的进步感到高兴,
    为人民服务 have a verb after the noun)."""
    j, words = c.i + 1, []
    while j < len(c.segs) and c.segs[j].kind != "other" and len(words) < 12:
        words.append(c.segs[j])
        j += 1
    if not words:
        return False
    last_de = max((k for k, seg in enumerate(words) if seg.text == "的"), default=-1)
    head = words[last_de + 1 :]
    if not head or last_de < 0 and len(words) > 4:
        return False
    if head[0].pos.startswith("m") and len(head) <= 3 and head[-1].text != "的":
        return True  # a count and its noun (jieba's tags of the noun vary): 的一名十六岁选手
    if any(seg.pos.startswith(("v", "a", "d", "p")) or seg.pos == "" for seg in head):
        return False
    return head[-1].pos.startswith(("n", "m", "t"))  # a time is what the noun is too: 时间为下周三上午


def _rule_zhi(c: _Context) -> str:  # 只
    prev = c.prev or c.prev_raw
    if prev and (prev[-1] in _NUMERAL or prev in _DEMONSTRATIVE or prev in ("这", "那", "哪")):
        if c.next not in _ZHI_BLOCK or (len(c.next) == 1 and c.next2 == "的"):
            return "zhī"  # (两只花的: a measure word before what describes the animal, not "only spent")
    if c.next_pos.startswith(("v", "d", "p", "c", "m")) or c.next in _ZHI_BLOCK:
        return "zhǐ"  # "only" before a verb, an adverb or a number: 只知道, 只参与, 只用了
    return _guess("zhǐ")


_EXTENT_NOUNS = {
    "周期", "时间", "时期", "寿命", "路程", "距离", "篇幅", "工期", "假期", "年限", "期限", "航程", "历史",
    "跨度", "时长", "刑期", "疗程", "战线", "队伍", "链条", "流程", "个子", "头发", "指甲", "腿", "脖子",
}


_A_LITTLE = {"一点", "一点儿", "点", "点儿", "一些", "些", "一截", "一寸", "一点点"}  # 长了 + a little: too long
_GROWING = {"个子", "头发", "指甲", "腿", "脖子"}  # extents that grow (长了 zhǎng)


# What a body grows (长 zhǎng before it): not 头发, 毛 (长头发, 长毛: "long")
_GROWN = {"个子", "个儿", "肉", "膘", "胡子", "牙", "牙齿", "蛀牙", "见识", "本事", "力气", "志气", "记性", "皱纹", "白发", "痘痘", "疮"}
# Units whose head is X长 zhǎng (楼长, 组长, 村长): jieba leaves the unknown ones as two characters
_HEAD_UNITS = set("楼组班村队科处局校院站厂营连排团社店馆部司所县乡镇寨栋舰")


def _rule_chang(c: _Context) -> str:  # 长
    prev, nxt = c.prev, c.next
    if c.segs[c.i].kind == "part":  # the end of a word jieba knows and pypinyin does not
        return "cháng" if prev in _EXTENT_NOUNS else "zhǎng"  # 周期长 vs 理事长, 董事长
    if prev in _DEGREE:
        return "cháng"
    if nxt == "了" and prev in _EXTENT_NOUNS and prev not in _GROWING:
        return "cháng"  # "has grown long": 时间长了, 路程长了 (but 头发长了: grown)
    if nxt == "了" and c.next2 in _A_LITTLE and prev not in _GROWING and prev not in _PRONOUNS and c.prev_pos != "nr":
        return "cháng"  # "too long by a little": 这件大衣长了一点 (not 孩子长了一岁: 一岁 is no small amount)
    if nxt == "着" and c.next2 == "呢":
        return "cháng"  # an adjective + 着呢 "quite so": 路还长着呢 (not 树上长着果子)
    if nxt[:1] and nxt[:1] in "得大高胖矮出满成着势齐全歪疯" or nxt in ("了", "到"):
        return "zhǎng"  # 长得快, 长疯了, 长到一米 ("grow to")
    if nxt in ("这么", "那么", "这样", "那样", "这般", "多") and c.next2[:1] in "高大胖壮结漂好":
        return "zhǎng"  # "grow (this tall)": 长这么高了
    if (c.i + 1 < len(c.segs) and c.segs[c.i + 1].source == "name" and prev[-1:]
            and _phrase_reading(prev[-1] + "长")[-1:] == ("zhǎng",)):
        return "zhǎng"  # 考古队 + 长 + 翟还生: the head's title the model cut off (队长), before a name
    if nxt in _GROWN:
        return "zhǎng"  # what a body grows: 只长个子不长肉, 长膘, 长胡子 (not 长头发: long hair)
    if (prev in _HEAD_UNITS and c.i >= 1 and len(c.segs[c.i - 1].text) == 1 and c.segs[c.i - 1].kind == "han"
            and (nxt in ("", "的", "是", "说", "和", "也", "都", "还") or c.next_pos.startswith("nr"))):
        return "zhǎng"  # a unit + 长, its head, which no dictionary lists (楼长, 组长 as 楼 + 长): 选出的楼长。
    if c.next_pos.startswith("n") or c.prev_pos.startswith("d"):
        return "cháng"  # "long" before a noun (长视频) or after an adverb (很长, 太长)
    return _guess("cháng")


def _rule_xing(c: _Context) -> str:  # 行
    """After a numeral or an ordinal, 行 counts lines or rows (三行代码, 第三行: háng), except 一行
    "a party of" before its head count (一行五人, 一行人: xíng)."""
    prev, nxt = c.prev, c.next
    if (nxt == "行" and c.next2[:1] in _EVERY_TRADE_NEXT) or (prev == "行" and nxt[:1] in _EVERY_TRADE_NEXT):
        return "háng"  # 行行出状元, 行行都能…: every trade (not 行行好 xíng: "be kind", nor 行行行 "all right")
    if nxt[:1] == "里" and (prev in _PRONOUNS or prev[-1:] == "们" or _trade_before(c)):
        return "háng"  # 你们行里, 我们行里 (the bank), 这一行…，行里的规矩: the trade, the firm
    if prev == "一" and ((nxt == "一" and c.next2 == "行") or (c.i >= 3 and c.segs[c.i - 2].text == "行" and c.segs[c.i - 3].text == "一")):
        return "háng"  # 一行一行地念: line by line (not 一行五人 "a party of")
    if _ends_numeral(prev) or _ends_numeral(c.prev_raw) or prev[:1] == "第":
        if prev.endswith("一") and (nxt[:1] == "人" or nxt[:1] in _NUMERAL or nxt[:1].isdigit()):
            return "xíng"
        return "háng"
    if nxt == "" or nxt in ("吗", "吧", "了", "啊", "呢", "不行", "不") or c.prev_pos.startswith("d") or prev in ("不", "也", "就", "都", "还", "才", "可", "准", "能"):
        return "xíng"  # "all right": 就行, 行不行, 还行吧
    return _guess("xíng")


_EVERY_TRADE_NEXT = set("都出有也")


def _trade_before(c: _Context) -> bool:
    """An earlier clause of the sentence named a trade, 行 read háng (这一行我干了三十年，行里…)."""
    return any(seg.text == "行" and seg.pinyin == ["háng"] for seg in c.segs[max(0, c.i - 16):c.i])


def _rule_zhong3(c: _Context) -> str:  # 种
    prev, nxt = c.prev or c.prev_raw, c.next
    if prev and (prev[-1] in _NUMERAL or prev[-1] in _DEMONSTRATIVE or prev[-1] in "何样另任"):
        return "zhǒng"
    if nxt[:1] and nxt[:1] in "类子族群":
        return "zhǒng"
    if nxt in ("了", "着", "过", "下", "上", "在", "出", "满", "得") or c.next_pos.startswith("n") or c.prev_pos.startswith(("v", "d")):
        return "zhòng"  # the verb "to plant": 种树, 种了, 要种
    return _guess("zhòng")


def _rule_chong(c: _Context) -> str:  # 重
    if (c.next in ("不", "没") and c.next2 == "重") or (c.prev in ("不", "没") and c.i >= 2 and c.segs[c.i - 2].text == "重"):
        return "zhòng"  # 重不重: asked "heavy or not" (chóng, "again", is never asked so)
    if c.next[:1] and c.next[:1] in "写做来新复建返申启组构塑播印修审演温振整回开排置蹈名逢":
        return "chóng"
    if len(c.next) == 1 and c.next_pos.startswith("v") and c.next2.startswith(("一遍", "一次", "一回", "一下", "遍")):
        return "chóng"  # "again": 重说一遍, 重洗一次 (a verb done over, counted)
    if c.prev in _DEGREE or c.next in ("了", "的", "要", "达", "大", "点", "视", "量", "") or c.next_pos.startswith("n"):
        return "zhòng"  # "heavy, weighty": 太重了, 重达三吨
    return _guess("zhòng")


def _rule_he(c: _Context) -> str:  # 和
    """hú "win" at mahjong or cards (打麻将…和了三把); hé elsewhere."""
    # the whole block: 昨晚打麻将，他一连和了三把 (read only before 了 / 牌: a 130,000-character
    # paragraph with 1,500 和 took 44 s when every 和 listed the block's words first)
    if c.next in ("了", "牌") and any(seg.text in ("麻将", "牌", "打牌", "胡牌", "打麻将", "麻将牌") for seg in c.segs):
        return "hú"
    return "hé"


# What ends a potential form V不着 / V得着 ("can / cannot reach the result"): 饿不着, 够得着吗
_POTENTIAL_END = {"", "了", "吗", "呢", "啊", "吧", "的", "觉"}


def _rule_zhao(c: _Context) -> str:  # 着
    if c.prev[-1:] in ("不", "得") and len(c.prev) >= 2:
        return "zháo"
    if (c.prev in ("不", "得") and c.i >= 2 and c.segs[c.i - 2].kind == "han" and len(c.segs[c.i - 2].text) == 1
            and c.next in _POTENTIAL_END):
        return "zháo"  # the same form where jieba cut the verb off: 就饿 + 不 + 着, 用 + 不 + 着了
    if c.prev_pos.startswith("n") and c.prev_pos != "nr" and c.next in ("了", "起来", "得"):
        return "zháo"  # the verb "catch fire, burn" after a noun subject: 火着起来了, 炉子里的火着得正旺
    if c.prev in ("烧", "点", "找", "猜", "够", "摸", "见", "睡") and (c.next in ("了", "") or c.next.startswith("没")):
        return "zháo"
    return "zhe"


def _asks(c: _Context, k: int) -> bool:
    """The clause that goes on k segments after segment i ends in a question mark."""
    j = c.i + k
    return j < len(c.segs) and c.segs[j].text[:1] in ("？", "?")


def _rule_huan(c: _Context) -> str:  # 还
    if c.next in ("没", "不", "没有") and c.next2 == "还" and _asks(c, 3):
        return "huán"  # the verb asked about, V-not-V: 钱还没还？ 书你还不还？ (借的钱还没还。 hái: "not yet")
    if c.next[:1] and len(c.next) == 1 and c.next in "给钱书车款债账贷清礼价回了":
        return "huán"  # the adverb 还 never takes 了 or a result complement directly
    if c.next == "" and c.prev and c.prev not in ("也", "都", "就", "却"):
        return "huán"  # the adverb needs a verb after it: 借的钱还没还
    if c.prev in ("不", "没") and (c.next[:1] == "就" or c.next in ("的话", "也")):
        return "huán"  # 到期不还就起诉, 不还的话: the verb a condition names (the adverb needs a verb after it)
    if c.next in ("多少", "多少钱") and (c.next2 in ("", "钱", "呢", "啊") or _asks(c, 2)):
        return "huán"  # 每期还多少，: how much one pays back (the adverb 还 takes a verb: 还剩多少, 还差多少)
    if c.prev in ("没", "没有") or (c.prev == "不" and (c.next == "" or c.next in _PRONOUNS)):
        return "huán"  # the adverb comes before the negation (还没), the verb after it: 没还我钱, 借钱不还
    if c.next == "上" and c.next2 in ("", "了", "吗", "吧") and c.prev in ("得", "要", "能", "会", "该", "没", "就", "才", "先", "早点"):
        return "huán"  # 年底之前得还上, 借的钱还没还上: 还 + the complement 上 ends the clause
    if c.next in _DEBTS and (c.prev in _MODALS or c.prev in ("不够", "够", "用来", "拿来", "拿去", "按时", "按月", "每月", "帮", "为了", "为")):
        return "huán"  # "pay back" a debt after a modal or what it takes: 不够还房贷, 得还贷款
    if c.prev in _MODALS and c.next[:1] in _NUMERAL and (c.next[-1:] in _SUMS or c.next2[:1] in _SUMS):
        return "huán"  # "pay back" a sum after a modal: 每个月要还六千多, 得还两万块 (the adverb comes before the modal: 还要三天)
    if c.prev in ("怎么", "怎样", "如何") and c.next in ("就", "才", ""):
        return "huán"  # 你说怎么还就怎么还: how to pay back (the adverb needs a verb after it)
    if c.next[:1] in ("回", "给") and "把" in c.clause_before(6):
        return "huán"  # 把书还回来, 把钱还给他
    if c.next in _PRONOUNS and c.next2 == "" and c.prev not in ("也", "都", "就", "却", "不", "比"):
        return "huán"  # 明天还你, 下个月还他: the adverb needs a verb after its pronoun
    return "hái"


# Debts one pays back (还 huán before them after a modal: 不够还房贷, 要还贷款)
_DEBTS = {"房贷", "车贷", "贷款", "欠款", "债", "债务", "账", "人情", "利息", "本金", "信用卡", "花呗", "网贷", "借款", "外债", "赌债"}
_SUMS = set("多万千百块元钱")  # what ends a sum of money (六千多, 两万, 三百块)
_MODALS = {"要", "得", "能", "会", "想", "可以", "应该", "必须", "需要", "还要", "就要", "都要", "得先"}
_NEVER_DID = {"没", "没有", "从没", "从来没", "从没有", "从来没有", "从未", "未曾", "不曾", "未"}
_PASSING = set("穿越跨翻绕跳飞渡掠闪擦划滑飘闯挤冲跑走游爬熬挺撑扛躲逃混骗瞒递转回接蹚驶驰拂淌漫溢")


def _rule_guo(c: _Context) -> str:  # 过
    """The aspect particle guo after a verb (去过, 吃过饭, 当过兵); the verb guò elsewhere: at the
    start (过了桥), after a noun or adverb (时间过得, 又过了), before 来/去 (走过来), after 得/不
    (信得过), and after verbs of passing (跳过, 熬过)."""
    if c.i == 0 or c.segs[c.i - 1].kind == "other":
        return "guò"
    before = c.segs[c.i - 1]
    if c.next[:1] in ("来", "去") or before.text[-1] in "得不没" or before.text in _PASSING:
        return "guò"
    if c.segs[c.i].kind == "part" and before.kind == "han" and before.text[-1:] in _PASSING:
        return "guò"
    # the verb "go through" after a modal, before a count: 一张纸要过十几道工序, 得过这一关 (not 我要过他的
    # 电话 "asked for": an object without a count)
    if before.text in _MODALS and c.next[:1] and (c.next[:1] in _NUMERAL or c.next[:1] in _DEMONSTRATIVE) and c.next[:1] not in "每":
        return "guò"
    if before.text == "给" and c.i >= 2 and c.segs[c.i - 2].kind == "han" and c.segs[c.i - 2].pos.startswith("v"):
        return "guo"  # 卖给过很多人, 借给过他钱: V给 + the aspect particle
    if before.pos.startswith("v") or before.text in ("过", "当") or before.text in REDUPLICATING_VERBS:
        return "guo"  # REDUPLICATING_VERBS: one-syllable verbs, whatever jieba tags them (学过几年画)
    if len(before.text) == 1 and before.pos.startswith(("a", "n")) and any(w in _NEVER_DID for w in c.clause_before(10)):
        return "guo"  # 从没红过脸, 没闲过一天: an adjective's experience, denied (jieba tags 闲 a noun)
    return "guò"


# Characters an unknown word's rule reads (segmentation._PART_RULED) that keep pypinyin's default, as
# a word's reading, where their rule finds no evidence (进 + 行 + 拍摄: xíng, not a W405 guess)
_WORD_DEFAULT = {"种", "行", "重"}


_RULES = {
    "得": _rule_de, "地": _rule_di, "为": _rule_wei, "只": _rule_zhi, "长": _rule_chang, "行": _rule_xing,
    "种": _rule_zhong3, "重": _rule_chong, "着": _rule_zhao, "还": _rule_huan, "过": _rule_guo, "和": _rule_he,
    "了": _rule_le,
    **charrules.RULES,
    **verbnoun.RULES,
}


# A rule's answer is "project" (decided) unless it is a `Guess`: the likelier reading where nothing
# in the context decided, which stays a "fallback" for `unsure()` to report (unless the character's
# standalone reading in data/pinyin_chars.txt is "sure" and the guess is that reading).


def resolve_single(segs: list[_Seg], i: int) -> None:
    """Give segment i, a Han character standing alone after segmentation, its reading from its
    neighbours: a surname before a title, a context rule, the standalone table or the default."""
    seg = segs[i]
    char = seg.text
    ctx = _Context(segs, i)
    if (reading := lone_surname(char, ctx)) is not None:
        seg.pinyin, seg.source = [reading], "name"  # 单老师, 老查, 姓单, 缪 standing alone
        return
    standalone = _standalone().get(char)
    rule = _RULES.get(char)
    if rule is not None:
        reading = rule(ctx)
        sure = standalone is not None and standalone[1] and reading == standalone[0]
        seg.pinyin = [str(reading)]
        seg.source = "fallback" if isinstance(reading, Guess) and not sure else "project"
        if seg.kind == "part" and isinstance(reading, Guess) and char in _WORD_DEFAULT:
            seg.pinyin, seg.source = [_default(char)], "phrase"  # inside a word, as before the rule read it (进行拍摄)
        return
    if standalone:
        seg.pinyin = [standalone[0]]
        seg.source = "project" if standalone[1] else "fallback"
        return
    seg.pinyin = [_default(char)]
    seg.source = "fallback"
