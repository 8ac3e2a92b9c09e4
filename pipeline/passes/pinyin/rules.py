"""Context rules: readings of characters that stand alone after segmentation and whose reading
depends on their neighbours rather than on a word (得 de/dé/děi, 地 de/dì, 为 wèi/wéi, 只 zhī/zhǐ,
长, 行, 种, 过 …). Each rule answers a reading when the context gave evidence, a `Guess` when not."""

from __future__ import annotations

from pipeline.passes.pinyin.context import (
    Guess,
    _CHANG_EVENTS,
    _Context,
    _DEGREE,
    _DEMONSTRATIVE,
    _DE_ADJ1,
    _DI_NOUN_NEXT,
    _DI_PREV,
    _MODAL_ADVERBS,
    _NUMERAL,
    _PRONOUNS,
    _SHORT_TITLES,
    _TITLES,
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
from pipeline.passes.pinyin.tables import _default, _Seg, _standalone, _surnames, is_polyphonic
from pipeline.passes.pinyin.wordrules import REDUPLICATING_VERBS


# Adverbs of manner and time that follow the modal 得 děi ("must"): 得慢慢讲, 得趁早治, 得马上走
_DEI_ADVERBS = {
    "慢慢", "好好", "马上", "赶紧", "赶快", "先", "再", "趁早", "尽快", "立刻", "立即", "早点", "及时",
    "抓紧", "亲自", "一起", "认真", "仔细", "自己", "提前", "按时", "重新", "另外", "好好儿", "多",
}


# Verbs that begin a complement of degree or result after 得 de (红得像苹果, 热得让人受不了, 气得发抖)
_DE_COMPLEMENT_VERBS = {
    "不", "没", "像", "让", "叫", "使", "令", "发", "直", "要", "要命", "要死", "不行", "出", "满", "如", "好像",
    "仿佛", "似的", "说不出", "喘不过", "睡不着", "受不了", "哭", "笑", "跳", "掉", "流", "冒", "打", "连",
}
_DEMONSTRATIVE_WORDS = {"这", "那", "这个", "那个", "此", "该", "这种", "那种", "这件", "那件", "这些", "那些", "这点"}


def _rule_de(c: _Context) -> str:  # 得
    """de after a verb or adjective (说得好, 高兴得太早); dé "obtain" before 了 and an object
    (比赛中得了第二名) or 到/奖; děi "must" after a subject before a verb (这病得趁早治, 你得去)."""
    prev, nxt = c.prev, c.next
    subject_side = prev == "" or prev in _PRONOUNS or prev in _MODAL_ADVERBS
    verbal = c.prev_pos.startswith(_VERBAL) or c.segs[c.i].kind == "suffix"
    if subject_side and (nxt[:1] in ("了", "到", "知", "奖", "第") or nxt == "过"):
        return "dé"  # 得了吧, 他得过冠军
    if subject_side:
        return "děi"
    if not verbal and nxt == "了" and c.next2 not in ("", "吗", "呢", "吧", "啊"):
        return "dé"  # 在比赛中得了第二名, 去年得了一场病
    noun_subject = len(prev) > 1 or (c.i >= 2 and c.segs[c.i - 2].text in _DEMONSTRATIVE_WORDS) or c.prev_pos.startswith("n") or prev == "们"
    # after a subject (a noun, pronoun, time word, 们), a condition (出门的话) or a time phrase ending
    # in a localiser (年底之前, 吃饭以后)
    subject_end = c.prev_pos.startswith(("n", "r", "t", "f")) or prev in ("们", "的话")
    if not verbal and noun_subject and subject_end and (nxt in _DEI_ADVERBS or (c.next_pos.startswith(("v", "p")) and nxt not in _DE_COMPLEMENT_VERBS)
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
    if any(t in _WEI_TURN for t in before[1:3]) and _copula_complement(c):
        return "wéi"  # "turn X into Y": 化悲痛为力量, 改旱地为水田 (not 分了钱为孩子买书: a verb follows)
    if any(t in ("以", "以此", "以之") for t in before):
        return "wéi"
    if c.prev_pos.startswith("n") and _copula_complement(c):
        return "wéi"  # "is", between a noun and what it is: 冠军为来自云南的一名选手
    return _guess("wèi")


_WEI_TURN = {"化", "变", "转", "改", "译", "折合", "换算", "划"}  # V + X + 为 + Y


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
    return head[-1].pos.startswith(("n", "m"))


def _rule_zhi(c: _Context) -> str:  # 只
    prev = c.prev or c.prev_raw
    if prev and (prev[-1] in _NUMERAL or prev in _DEMONSTRATIVE or prev in ("这", "那", "哪")):
        if c.next not in _ZHI_BLOCK:
            return "zhī"
    if c.next_pos.startswith(("v", "d", "p", "c", "m")) or c.next in _ZHI_BLOCK:
        return "zhǐ"  # "only" before a verb, an adverb or a number: 只知道, 只参与, 只用了
    return _guess("zhǐ")


_EXTENT_NOUNS = {
    "周期", "时间", "时期", "寿命", "路程", "距离", "篇幅", "工期", "假期", "年限", "期限", "航程", "历史",
    "跨度", "时长", "刑期", "疗程", "战线", "队伍", "链条", "流程", "个子", "头发", "指甲", "腿", "脖子",
}


_GROWING = {"个子", "头发", "指甲", "腿", "脖子"}  # extents that grow (长了 zhǎng)


def _rule_chang(c: _Context) -> str:  # 长
    prev, nxt = c.prev, c.next
    if c.segs[c.i].kind == "part":  # the end of a word jieba knows and pypinyin does not
        return "cháng" if prev in _EXTENT_NOUNS else "zhǎng"  # 周期长 vs 理事长, 董事长
    if prev in _DEGREE:
        return "cháng"
    if nxt == "了" and prev in _EXTENT_NOUNS and prev not in _GROWING:
        return "cháng"  # "has grown long": 时间长了, 路程长了 (but 头发长了: grown)
    if nxt[:1] and nxt[:1] in "得大高胖矮出满成着势齐全歪疯" or nxt in ("了", "到"):
        return "zhǎng"  # 长得快, 长疯了, 长到一米 ("grow to")
    if nxt in ("这么", "那么", "这样", "那样", "这般", "多") and c.next2[:1] in "高大胖壮结漂好":
        return "zhǎng"  # "grow (this tall)": 长这么高了
    if c.next_pos.startswith("n") or c.prev_pos.startswith("d"):
        return "cháng"  # "long" before a noun (长视频) or after an adverb (很长, 太长)
    return _guess("cháng")


def _rule_xing(c: _Context) -> str:  # 行
    """After a numeral or an ordinal, 行 counts lines or rows (三行代码, 第三行: háng), except 一行
    "a party of" before its head count (一行五人, 一行人: xíng)."""
    prev, nxt = c.prev, c.next
    if _ends_numeral(prev) or _ends_numeral(c.prev_raw) or prev[:1] == "第":
        if prev.endswith("一") and (nxt[:1] == "人" or nxt[:1] in _NUMERAL or nxt[:1].isdigit()):
            return "xíng"
        return "háng"
    if nxt == "" or nxt in ("吗", "吧", "了", "啊", "呢", "不行", "不") or c.prev_pos.startswith("d") or prev in ("不", "也", "就", "都", "还", "才", "可", "准", "能"):
        return "xíng"  # "all right": 就行, 行不行, 还行吧
    return _guess("xíng")


def _rule_zhong3(c: _Context) -> str:  # 种
    prev, nxt = c.prev or c.prev_raw, c.next
    if prev and (prev[-1] in _NUMERAL or prev[-1] in _DEMONSTRATIVE or prev[-1] in "何样另任"):
        return "zhǒng"
    if nxt[:1] and nxt[:1] in "类子族群":
        return "zhǒng"
    if nxt in ("了", "着", "过", "下", "上", "在", "出", "满", "得") or c.next_pos.startswith("n") or c.prev_pos.startswith(("v", "d")):
        return "zhòng"  # the verb "to plant": 种树, 种了, 要种
    return _guess("zhòng")


def _rule_shu(c: _Context) -> str:  # 数
    nxt = c.next or (c.segs[c.i + 1].text if c.i + 1 < len(c.segs) else "")
    if nxt[:1] and (nxt[:1] in _NUMERAL or nxt[:1] in "次倍年月日天周" or nxt[:1].isdigit()):
        return "shù"
    if c.next in ("着", "了", "一", "过", "不", "得", "完", "到") or c.next_pos.startswith("n"):
        return "shǔ"  # the verb "to count": 数着台阶, 数一数
    return _guess("shǔ")


def _rule_liang(c: _Context) -> str:  # 量
    """The noun "amount" (下载量, 质量的) liàng; the verb "to measure" liáng."""
    if c.next == "的" or c.prev == "质" or (c.segs[c.i].kind == "part" and c.i > 0 and c.segs[c.i - 1].kind == "han"):
        return "liàng"
    if c.next in ("了", "一", "着", "过", "一下", "完") or c.next_pos.startswith("n"):
        return "liáng"  # the verb "to measure": 量了血压
    return _guess("liáng")


def _rule_tiao(c: _Context) -> str:  # 调
    nxt, after = c.next, c.next_raw2
    if nxt[:1] in ("到", "至") and after[:1] and (after[:1].isdigit() or after[:1] in _NUMERAL):
        return "tiáo"
    if nxt[:1] and nxt[:1] in "到往去走离任入派":
        return "diào"
    if nxt in _PRONOUNS and c.next2[:1] and c.next2[:1] in "去到往来回":
        return "diào"
    return _guess("tiáo")


_GAN_RESULT_VERBS = set("晒擦吹烤烘喝晾抽榨吸烧蒸流哭拧甩沥控烙焙舔熬煎挤淘掏耗揩弄熏滤风阴")  # V + 干 "dry"


def _rule_gan(c: _Context) -> str:  # 干
    """gān "dry" as a result complement (晒干, 拧干了) or after a degree adverb (晒得很干, 太干了); gàn
    "do" after a modal or before its object (要干, 干活, 干什么). 干了 ending a clause with none of
    these is likelier "dry" (衣服早就干了) but stays a guess."""
    if c.prev and c.prev[-1] in _GAN_RESULT_VERBS:
        return "gān"
    if c.prev in _DEGREE and c.prev not in ("好", "多", "这么", "那么") and (c.next == "" or c.next in ("了", "的", "啊", "呀", "得", "透")):
        return "gān"  # 晒得很干, 太干了: an adjective
    if c.prev in ("要", "想", "在", "去", "来", "能", "会", "不", "都", "还", "就", "敢", "得", "怎么", "别", "继续", "接着", "开始", "一起", "好好", "苦", "实", "硬", "大") or c.next in ("活", "啥", "什么", "嘛", "完", "过", "起来", "这行", "这个"):
        return "gàn"  # the verb "to do": 好好干, 干活, 干什么
    if c.next == "了" and c.next2 == "" and not c.prev_pos.startswith(("v", "r")) and c.prev not in ("", "我", "你", "他", "她", "我们", "咱们", "大家"):
        return _guess("gān")  # 衣服早就干了: no object, no person doing it
    return _guess("gàn")


def _rule_chu(c: _Context) -> str:  # 处
    if c.next[:1] and c.next[:1] in "以于在理置罚分事世境":
        return "chǔ"
    prev = c.prev or c.prev_raw
    if prev[-1:] and (prev[-1:] in _NUMERAL or prev[-1:] in _DEMONSTRATIVE or prev[-1:] in "到各深远近住去何此多"):
        return "chù"  # "place": 两处错误, 各处, 何处
    return _guess("chù")


def _rule_chong(c: _Context) -> str:  # 重
    if c.next[:1] and c.next[:1] in "写做来新复建返申启组构塑播印修审演温振整回开排置蹈名逢":
        return "chóng"
    if c.prev in _DEGREE or c.next in ("了", "的", "要", "达", "大", "点", "视", "量", "") or c.next_pos.startswith("n"):
        return "zhòng"  # "heavy, weighty": 太重了, 重达三吨
    return _guess("zhòng")


_PEOPLE = {
    "妈妈", "爸爸", "父母", "家人", "老婆", "老公", "丈夫", "妻子", "老师", "领导", "别人", "同事", "家长",
    "大人", "父亲", "母亲", "爷爷", "奶奶", "老板",
}


def _rule_bei(c: _Context) -> str:  # 背
    """bēi "carry on the back" (背着书包, 背起); bèi elsewhere, and 背着 + a person: "behind
    someone's back" (背着妈妈买游戏机)."""
    if c.next == "着" and (c.next2 in _PRONOUNS or c.next2 in _PEOPLE):
        return "bèi"
    if c.next in ("着", "起", "上", "走"):
        return "bēi"
    if c.next[:2] in ("课文", "单词", "台词", "诵") or c.prev in ("后", "手", "刀", "椅"):
        return "bèi"
    return _guess("bèi")


def _rule_dao(c: _Context) -> str:  # 倒
    nxt = c.next
    if "把" in c.clause_before(6) and not c.prev_pos.startswith("v") and nxt[:1] in ("了", "出", "进", "掉", "在", "入", "回", "满", "上"):
        return "dào"  # "pour, empty out" what 把 names: 把东西倒了出来, 把水倒掉
    if nxt[:1] and nxt[:1] in "是也不还挺很真退车进入出掉水茶酒杯":
        return "dào"
    if c.prev_pos.startswith("v") or nxt in ("了", "下", "在"):
        return "dǎo"  # "fall": 摔倒, 倒在地上
    return _guess("dǎo")


def _rule_dai(c: _Context) -> str:  # 待
    nxt = c.next
    if nxt == "" or nxt[:1] in "了着在会一多几":
        return "dāi"
    if nxt in _PRONOUNS or nxt in _PEOPLE or nxt[:1] in ("人", "客"):
        return "dài"  # "treat": 待人, 待他很好
    return _guess("dài")


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


_HAIR = ("头发", "辫子", "辫", "马尾", "马尾辫", "发辫", "小辫", "发髻")


def _rule_zha1(c: _Context) -> str:  # 扎
    if c.next[:1] in ("辫", "马") and c.next or (c.next == "着" and c.next2[:2] in ("辫子", "马尾", "头发") or c.next2[:1] == "两" and c.next == "着"):
        return "zā"
    if any(t in _HAIR for t in c.clause_before(6) + c.clause_after(6)):
        return "zā"  # "tie up" hair: 她把头发扎成了一个马尾
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
    if c.next == "着" and c.next2[:1] not in ("手", "肚", "腹", "心"):
        return "kòng"  # 座位空着, 房子一直空着 "left empty"; 空着手, 空着肚子 "empty-handed"
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
    """zhē in 折腾; shé "lose money" with capital in the clause (折了不少本钱); zhé elsewhere."""
    if c.next[:1] == "腾":
        return "zhē"
    if any(t.startswith(("本钱", "本儿", "老本")) or t == "本" for t in c.clause_after(5)):
        return "shé"
    return "zhé"


_FRIED = ("鸡", "酱", "薯", "丸", "串", "花生", "油条", "鱼", "虾", "排骨", "春卷", "馒头", "豆腐", "肉", "糕",
          "饺子", "麻花", "年糕", "带鱼", "茄盒", "藕盒", "小黄鱼")


def _rule_zha4(c: _Context) -> str:  # 炸
    """zhá "deep-fry" when food is what is fried (炸鸡, 炸了一盘花生米); zhà "explode" elsewhere."""
    if c.next.startswith(_FRIED) or any(t.startswith(_FRIED) for t in c.clause_after(4)):
        return "zhá"
    return "zhà"


def _rule_he(c: _Context) -> str:  # 和
    """hú "win" at mahjong or cards (打麻将…和了三把); hé elsewhere."""
    context = [seg.text for seg in c.segs]  # the whole block: 昨晚打麻将，他一连和了三把
    if c.next in ("了", "牌") and any(t in ("麻将", "牌", "打牌", "胡牌", "打麻将", "麻将牌") for t in context):
        return "hú"
    return "hé"


def _rule_luo(c: _Context) -> str:  # 落
    """là "leave behind" in 把…落在/落下 (把东西落在家里); luò elsewhere."""
    if c.next[:1] in ("在", "下") and any(t == "把" for t in c.clause_before(6)):
        return "là"
    return "luò"


def _rule_tu(c: _Context) -> str:  # 吐
    if c.next[:1] == "血" or (c.next == "了" and c.next2 == ""):
        return "tù"
    if c.next[:1] in ("出", "露", "槽", "字", "痰", "舌"):
        return "tǔ"  # "spit out, utter": 吐出, 吐槽
    return _guess("tǔ")


def _rule_hao(c: _Context) -> str:  # 号
    return "háo" if c.prev in ("怒", "哀", "呼") else "hào"


def _rule_hua(c: _Context) -> str:  # 划
    return "huà" if c.next[:1] and c.next[:1] in "分定拨转归入" else "huá"


def _rule_jiao3(c: _Context) -> str:  # 角
    return "jué" if c.prev in ("主", "配", "丑", "名", "旦") else "jiǎo"


def _rule_jiao4(c: _Context) -> str:  # 觉
    return "jiào" if c.prev[-1:] in ("睡", "午") or _ends_numeral(c.prev) else "jué"  # 睡睡觉


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
    if c.prev in ("没", "没有") or (c.prev == "不" and (c.next == "" or c.next in _PRONOUNS)):
        return "huán"  # the adverb comes before the negation (还没), the verb after it: 没还我钱, 借钱不还
    if c.next == "上" and c.next2 in ("", "了", "吗", "吧") and c.prev in ("得", "要", "能", "会", "该", "没", "就", "才", "先", "早点"):
        return "huán"  # 年底之前得还上, 借的钱还没还上: 还 + the complement 上 ends the clause
    if c.next[:1] in ("回", "给") and "把" in c.clause_before(6):
        return "huán"  # 把书还回来, 把钱还给他
    if c.next in _PRONOUNS and c.next2 == "" and c.prev not in ("也", "都", "就", "却", "不", "比"):
        return "huán"  # 明天还你, 下个月还他: the adverb needs a verb after its pronoun
    return "hái"


def _rule_juan(c: _Context) -> str:  # 卷
    prev = c.prev or c.prev_raw
    if prev[-1:] == "第" or (c.next[:1] and c.next[:1] in "书经诗文宗") or c.prev[-1:] in ("试", "考", "答", "问"):
        return "juàn"
    return "juǎn"


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
    if before.pos.startswith("v") or before.text in ("过", "当") or before.text in REDUPLICATING_VERBS:
        return "guo"  # REDUPLICATING_VERBS: one-syllable verbs, whatever jieba tags them (学过几年画)
    return "guò"


def _rule_jiao(c: _Context) -> str:  # 教
    """jiāo "teach" standing alone (去教别人); jiào "religion" after 信/什么 (信什么教)."""
    if c.prev[-1:] in ("信", "么", "邪", "传", "佛", "宗", "道", "入") or c.next[:1] in ("派", "义", "规"):
        return "jiào"
    return "jiāo"


def _rule_jia(c: _Context) -> str:  # 假
    """jià "leave, holiday" after 请/休/放 or a count of days (请了三天假); jiǎ "false" before 的 or
    after a degree word (假的, 很假); a guess elsewhere."""
    prev = c.clause_before(3)
    if c.prev[-1:] in ("请", "休", "放", "病", "事", "婚", "产", "年", "暑", "寒") or any(t[-1:] in ("天", "日", "周") and _ends_numeral(t[:-1]) for t in prev[:1]) or c.next[:1] == "期":
        return "jià"
    if c.next[:1] in ("的", "装", "冒", "设", "如") or c.prev in _DEGREE or c.prev in ("是", "太", "真", "作", "造", "弄", "掺", "打"):
        return "jiǎ"
    return _guess("jiǎ")


def _rule_bao(c: _Context) -> str:  # 薄
    """báo "thin", the everyday adjective (一层薄冰, 很薄, 薄了); bó in words (薄弱, 单薄) and as a
    surname (names are read before the rules)."""
    if c.prev in _DEGREE or c.next in ("的", "了", "得", "一些", "点", "些") or c.next_pos.startswith("n") or c.prev[-1:] in ("层", "张", "片", "块"):
        return "báo"
    return _guess("báo")


def _rule_sa(c: _Context) -> str:  # 撒
    """sǎ "scatter, sprinkle" with a place or a result (撒了一层, 撒在地上, 撒上盐); sā "let go,
    cast" (撒网, 撒手 are words)."""
    if c.next[:1] in ("了", "在", "上", "满", "下", "到", "些", "点", "一", "着", "进", "落", "遍", "得"):
        return "sǎ"
    return _guess("sā")


def _rule_che(c: _Context) -> str:  # 车
    """jū, the chariot of Chinese chess, where the sentence is about chess (这盘棋, 丢了一个车, beside a
    马 or 炮 standing alone); chē everywhere else, which data/pinyin_chars.txt makes sure."""
    pieces = {"马", "炮", "卒", "帅", "兵"}
    if c.prev in pieces or c.next in pieces or any("棋" in seg.text and "棋牌" not in seg.text for seg in c.segs):
        return "jū"
    return _guess("chē")


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
    "过": _rule_guo, "和": _rule_he, "落": _rule_luo, "教": _rule_jiao, "假": _rule_jia,
    "了": _rule_le, "薄": _rule_bao, "撒": _rule_sa, "车": _rule_che,
}


# A rule's answer is "project" (decided) unless it is a `Guess`: the likelier reading where nothing
# in the context decided, which stays a "fallback" for `unsure()` to report (unless the character's
# standalone reading in data/pinyin_chars.txt is "sure" and the guess is that reading).


def _only_a_surname(char: str) -> bool:
    """A surname that is no everyday word standing alone (缪 Miào, 覃 Qín, 翟 Zhái, 朴 Piáo: jieba's
    dictionary has the lone character as a name or a bound morpheme, and rarely)."""
    from pipeline.passes.pinyin.jiebadict import tokenizer
    from pipeline.passes.pinyin.names import strong_surname

    return strong_surname(char) and tokenizer().FREQ.get(char, 0) < 1000


def _surname_can_stand(char: str, c: _Context) -> bool:
    """A surname that is also a function word (过, 都, 曾, 向: jieba tags it a particle, adverb or
    preposition) begins a name only at a pause or after a noun or a conjunction (问过老师 is not
    Mr Guo), or before a noun title after 的 or a verb of persons (请曾老师讲话)."""
    from pipeline.passes.pinyin.names import _PERSON_VERBS

    if not word_tag(char).startswith(("u", "d", "p", "c")):
        return True
    if c.prev == "" or c.prev in ("和", "跟", "与", "同", "姓", "及", "或"):
        return True
    if c.prev in ("老", "小") and (c.next == "" or c.i < 2 or c.segs[c.i - 2].kind == "other"):
        return True  # 叫他老曾。, 小曾是他的侄子: 老/小 + the surname ends or begins the clause
    if ((c.prev == "的" or (c.prev in _PERSON_VERBS and word_tag(char).startswith("d")))
            and len(c.next) > 1 and c.next in _TITLES and word_tag(c.next).startswith("n")):
        return True  # 退休的曾校长, 请曾老师讲话: no adverb before a noun title (not 曾代表, 曾指导: verbs; not 问过老师)
    return len(c.prev) > 1 and c.prev_pos.startswith(("n", "c"))  # 记者过老师; not 问过老师 (问/n)


def _verb_before_object(char: str, c: _Context) -> bool:
    """A surname that is also a verb (查, 解, 盖) after a modal, a verb of motion or an adverb is the
    verb, and the title after it its object (要查会计账目, 来查老师的教案), not Mr Zha (在 is left out:
    在盖老师的课上)."""
    from pipeline.passes.pinyin.names import _BEFORE_VERBS

    return word_tag(char).startswith("v") and c.prev != "在" and (c.prev in _BEFORE_VERBS or c.prev_pos.startswith("d"))


def _head_of(word: str) -> bool:
    """A two-character word for the head of a unit, X长 read zhǎng (连长, 站长, 行长, 村长, 船长): a
    title after a surname (解连长, 沈行长) like 校长 or 院长."""
    from pipeline.passes.pinyin.tables import _phrase_reading

    return len(word) == 2 and word[1] == "长" and _phrase_reading(word)[-1:] == ("zhǎng",)


def _old_friend(ctx: _Context) -> bool:
    """老 + a surname standing alone is how one names an older acquaintance (老查, 老应), where 老
    is no adverb "always" (他老查我手机): it begins a noun phrase (at a pause, after 的, a noun, a
    preposition or a conjunction) and the surname ends the phrase (a pause, a verb or an adverb next)."""
    j = ctx.i - 2
    before = ctx.segs[j] if j >= 0 and ctx.segs[j].kind != "other" else None
    if ctx.next == "" and before is not None and before.text in _PRONOUNS:
        return True  # 大家都叫他老曾。: the phrase ends at the pause
    if before is not None and not (before.text in ("的", "了", "和", "跟", "与", "同", "叫", "是", "给", "让", "找", "问")
                                   or before.pos.startswith(("n", "p", "c"))):
        return False
    return (ctx.next == "" or ctx.next_pos.startswith(("v", "d", "p", "c", "t")) or ctx.next in ("说", "是", "在", "和", "的")
            or ctx.next[:1] == "的")  # 老单的话不多


def resolve_single(segs: list[_Seg], i: int) -> None:
    """Give segment i, a Han character standing alone after segmentation, its reading from its
    neighbours: a surname before a title, a context rule, the standalone table or the default."""
    seg = segs[i]
    char = seg.text
    ctx = _Context(segs, i)
    surname = _surnames().get(char)
    if surname and len(surname) == 1 and (surname[0] != _default(char) or is_polyphonic(char)) and _surname_can_stand(char, ctx):
        if ((ctx.next in _TITLES or _head_of(ctx.next)) and (ctx.next not in _SHORT_TITLES or ctx.prev == "" or ctx.prev not in _PRONOUNS | _MODAL_ADVERBS)
                and not _verb_before_object(char, ctx)):
            seg.pinyin, seg.source = [surname[0]], "name"  # 单老师, 叫她单姐
            return
        if ctx.prev in ("老", "小") and _old_friend(ctx):
            seg.pinyin, seg.source = [surname[0]], "name"  # 老查已经在这里干了二十年: 老 + surname
            return
        if (ctx.prev[-1:] == "姓" and ctx.prev in ("姓", "也姓", "都姓", "复姓", "本姓", "同姓")
                and not (word_tag(char).startswith("d") and ctx.next and ctx.next not in ("的", "叫", "名叫", "是"))):
            seg.pinyin, seg.source = [surname[0]], "name"  # 姓单: the surname itself (not 两人的姓都不好念)
            return
        if ctx.next and surname[0] != _default(char) and _only_a_surname(char):
            seg.pinyin, seg.source = [surname[0]], "name"  # 缪, 覃, 翟 standing alone: the surname
            return
    standalone = _standalone().get(char)
    rule = _RULES.get(char)
    if rule is not None:
        reading = rule(ctx)
        sure = standalone is not None and standalone[1] and reading == standalone[0]
        seg.pinyin = [str(reading)]
        seg.source = "fallback" if isinstance(reading, Guess) and not sure else "project"
        return
    if standalone:
        seg.pinyin = [standalone[0]]
        seg.source = "project" if standalone[1] else "fallback"
        return
    seg.pinyin = [_default(char)]
    seg.source = "fallback"
