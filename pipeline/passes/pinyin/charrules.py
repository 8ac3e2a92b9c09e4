"""Context rules of the other polyphonic characters that stand alone after segmentation (数, 量,
调, 干, 处, 背, 倒 …, 车): fewer and rarer than the particles and function words of `rules`, each a
character whose reading its neighbours decide. Each answers a reading, or a `Guess`."""

from __future__ import annotations

from pipeline.passes.pinyin.context import (
    _CHANG_EVENTS,
    _DEGREE,
    _DEMONSTRATIVE,
    _NUMERAL,
    _PRONOUNS,
    _Context,
    _ends_numeral,
    _guess,
)

# What follows the noun 数 "number" (群体数只有一千头, 群体数的回升, 人数为五人): a copula, an
# adverb or a verb of size, not the object the verb 数 "to count" takes
_SHU_NOUN_NEXT = {
    "的", "只", "只有", "为", "是", "达", "达到", "已", "已经", "超过", "不到", "不足", "增加", "减少", "下降",
    "上升", "回升", "约", "仅", "仅有", "有", "也", "都", "和", "与", "比", "较", "逐年", "大幅", "明显", "持续",
}


def _rule_shu(c: _Context) -> str:  # 数
    """shù "number": before a numeral or a unit of time (数次, 数年), or after a noun with no object
    after it (群体数只有一千头, 群体数的回升); shǔ "to count" before an aspect or result (数着, 数一数,
    数到) or its object; else a guess."""
    nxt = c.next or (c.segs[c.i + 1].text if c.i + 1 < len(c.segs) else "")
    if nxt[:1] and (nxt[:1] in _NUMERAL or nxt[:1] in "次倍年月日天周" or nxt[:1].isdigit()):
        return "shù"
    if c.next in ("都", "也") and c.next2[:1] == "数":
        return "shǔ"  # 数都数不清, 数也数不过来: the verb said twice
    if (len(c.prev) >= 2 and c.prev_pos.startswith("n") and c.prev not in _PEOPLE and c.prev not in _PRONOUNS
            and (c.next == "" or c.next in _SHU_NOUN_NEXT)):
        return "shù"  # X数, the number of X (群体数, 样本数): a noun names what is counted, nobody counts
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
    if nxt[:1] and nxt[:1] in "到往去走离任入派" or nxt == "来":  # 调来的技术员: transferred here
        return "diào"
    if nxt in _PRONOUNS and c.next2[:1] and c.next2[:1] in "去到往来回":
        return "diào"
    return _guess("tiáo")


_GAN_RESULT_VERBS = set("晒擦吹烤烘喝晾抽榨吸烧蒸流哭拧甩沥控烙焙舔熬煎挤淘掏耗揩弄熏滤风阴")  # V + 干 "dry"


# Things that get wet and dry (纸干了, 油漆还没干, 河里的水早就干了): as the subject of a lone 干 with
# no object after it, 干 is the adjective "dry", not the verb "do" (a person does, a thing dries).
_DRYING_NOUNS = {
    "纸", "衣服", "衣裳", "衣物", "被子", "床单", "毛巾", "手巾", "袜子", "鞋", "鞋子", "裤子", "头发", "水",
    "河", "河水", "井", "湖", "池塘", "水塘", "河床", "地", "地面", "路面", "土", "泥", "田", "墙", "油漆",
    "漆", "墨", "墨水", "墨迹", "颜料", "胶", "胶水", "血", "血迹", "眼泪", "泪", "泪水", "汗", "汗水",
    "嘴", "嘴唇", "喉咙", "嗓子", "皮肤", "眼睛", "口", "稻谷", "谷子", "粮食", "柴", "柴火", "木头", "草",
    "叶子", "花", "泥巴", "水泥", "颜色", "奶", "笔", "水缸", "水库", "泉", "泉水", "溪", "小溪", "沟",
}
# Words between such a subject and 干 that do not change who does what: adverbs of time and degree
_GAN_SKIP = {
    "还", "没", "没有", "还没", "还没有", "都", "就", "又", "早", "早就", "已", "已经", "快", "快要", "也",
    "全", "全都", "才", "终于", "总算", "很快", "马上", "慢慢", "渐渐", "一会", "一会儿", "半天", "了",
    "差不多", "几乎", "基本", "都快", "也快",
}


def _dry_subject(c: _Context) -> bool:
    """The nearest word before 干, past adverbs of time and degree, is a thing that dries (纸就干了,
    油漆还没干, 地都干得裂了缝), or 湿 "wet" stands in the clause before or after (湿了又干, 干了又湿)."""
    if "湿" in c.clause_before(3) or "湿" in c.clause_after(3):
        return True
    j = c.i - 1
    while j >= 0 and c.segs[j].kind != "other":
        seg = c.segs[j]
        j -= 1
        if seg.text in _GAN_SKIP:
            continue
        if seg.text == "地":  # the ground where it begins the clause or follows 的 (地都干得裂了缝), not
            # the particle after an adverbial (一天一天地干)
            return j < 0 or c.segs[j].kind == "other" or c.segs[j].text in ("的", "这", "那", "块", "片")
        word = seg.text
        return word in _DRYING_NOUNS or (len(word) > 1 and word[-1] in "纸水墨漆泥")
    return False


def _rule_gan(c: _Context) -> str:  # 干
    """gān "dry" as a result complement (晒干, 拧干了), after a degree adverb (晒得很干, 太干了) or
    with a thing that dries as its subject and no object (纸干了, 油漆还没干, 湿了又干); gàn "do" after
    a modal or before its object (要干, 干活, 干什么). 干了 ending a clause with none of these is
    likelier "dry" (一会就干了) but stays a guess."""
    if c.prev and c.prev[-1] in _GAN_RESULT_VERBS:
        return "gān"
    if c.prev in _DEGREE and c.prev not in ("好", "多", "这么", "那么") and (c.next == "" or c.next in ("了", "的", "啊", "呀", "得", "透")):
        return "gān"  # 晒得很干, 太干了: an adjective
    if (c.next == "" or c.next in ("了", "得", "透", "的", "啊", "呀", "吗", "呢", "吧", "以后", "后")) and _dry_subject(c):
        return "gān"  # 纸干了, 油漆还没干, 地都干得裂了缝: a thing dries, nobody does anything
    if (c.prev in ("就", "都", "早就", "已经", "快") and c.next == "了" and c.next2 == ""
            and not any(w in _PRONOUNS or w in _PEOPLE for w in c.clause_before(6))):
        return _guess("gān")  # 一会就干了: no object, nobody in the clause doing it
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



_PEOPLE = {
    "妈妈", "爸爸", "父母", "家人", "老婆", "老公", "丈夫", "妻子", "老师", "领导", "别人", "同事", "家长",
    "大人", "父亲", "母亲", "爷爷", "奶奶", "老板",
}


# What is carried on the back, and the carrier's words (背盐翻山, 背夫, 背篓): after 背, the verb bēi
_BEI_LOADS = {
    "盐", "柴", "柴火", "米", "粮", "粮食", "货", "包", "书包", "篓", "背篓", "筐", "箩筐", "草", "石头",
    "砖", "行李", "口袋", "麻袋", "袋", "伤员", "病人", "孩子", "娃", "娃娃", "小孩", "老人", "夫", "带",
    "水桶", "茶", "煤", "矿", "炭", "木头", "干粮", "枪", "锅", "被子", "铺盖", "回来", "回去", "回家",
}


def _rule_bei(c: _Context) -> str:  # 背
    """bēi "carry on the back" (背着书包, 背起); bèi elsewhere, and 背着 + a person: "behind
    someone's back" (背着妈妈买游戏机)."""
    if c.next == "着" and (c.next2 in _PRONOUNS or c.next2 in _PEOPLE):
        after = c.segs[c.i + 3].text if c.i + 3 < len(c.segs) else ""
        return "bēi" if after[:1] in _GOING else "bèi"  # 背着它回家: carried somewhere; 背着妈妈买…: behind her back
    if c.next[:1] in _CARRYING or c.prev[-1:] in _CARRYING:
        return "bēi"  # beside the other ways of carrying: 人背肩扛, 肩挑背扛, 背扛
    if c.next == "上" and c.next2 == "的":
        return "bèi"  # the back: 背上的毛, 背上的伤 (not 背上书包)
    if c.next in ("着", "起", "上", "走") or c.next in _BEI_LOADS or (c.next[:1] in ("不", "得") and c.next2[:1] in "动起"):
        return "bēi"  # a load on the back (背盐, 背夫, 背不动, 背得动): the verb "carry"
    if c.next[:2] in ("课文", "单词", "台词", "诵") or c.prev in ("后", "手", "刀", "椅"):
        return "bèi"
    if "把" in c.clause_before(4) and (c.prev in _PRONOUNS or c.prev in _PEOPLE or c.prev_pos.startswith("nr")):
        return "bēi"  # 把他背下山, 把老人背过河: a person carried (not 把课文背下来)
    if (c.next_pos.startswith("m") or c.next[:1] in _NUMERAL) and (c.next[-1:] in _BEI_WEIGHTS or c.next2[:1] in _BEI_WEIGHTS):
        return "bēi"  # 背四十斤的东西, 背两袋米: a weight or a load counted
    return _guess("bèi")


_BEI_WEIGHTS = set("斤吨袋筐捆箱包桶篓")
_CARRYING = set("扛挑抬驮肩")
_GOING = set("回走上下过进出去来跑爬跨翻蹚到往")  # where one carries a person to (背着他回家, 背着老人过河)  # carrying on the shoulder, on a pole, between two, on an animal


def _rule_zai(c: _Context) -> str:  # 载
    """zǎi "record, put down in writing": 所载 after 据 or before a pause (据县志所载, 史书所载),
    载于 + where (载于《人民日报》); zài "carry, load" elsewhere (载客, 满载, 船上所载的货物)."""
    if c.prev == "所" and ("据" in c.clause_before(8) or "如" in c.clause_before(8) or c.next == ""):
        return "zǎi"
    if c.next == "于" or c.prev in ("记", "刊", "登", "转", "连", "千"):
        return "zǎi"
    return _guess("zài")


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
    return "huà" if c.next[:1] and c.next[:1] in "分定拨转归入为" else "huá"  # 划为保护区, 划入 "assign"


def _rule_jiao3(c: _Context) -> str:  # 角
    return "jué" if c.prev in ("主", "配", "丑", "名", "旦") else "jiǎo"


def _rule_jiao4(c: _Context) -> str:  # 觉
    before = "".join(reversed(c.clause_before(3)))
    if c.prev[-1:] in ("睡", "午") or _ends_numeral(c.prev) or (c.prev[-1:] in ("着", "好", "够", "成", "个") and "睡" in before):
        return "jiào"  # 睡睡觉, 睡不着觉, 睡个好觉 (the last through 好: see the measure rule)
    return "jué"


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
    """zhuàn "turn round" (转动, 转圈, 转来转去); zhuǎn "shift, transfer" elsewhere (从外地转来的)."""
    if c.next[:1] and c.next[:1] in "动圈悠" or (c.next[:1] == "来" and c.next2[:1] == "转"):
        return "zhuàn"
    return "zhuǎn"


def _rule_zi(c: _Context) -> str:  # 子
    """The noun suffix zi, light, right after a noun jieba left without it (江猪 + 子: 江猪子, the
    old name of the finless porpoise); zǐ elsewhere (子曰). Both stay guesses: the words where 子 is
    zǐ after a noun (棋子, 父子, 瓜子) are dictionary words and never reach this rule."""
    if c.i > 0 and c.segs[c.i - 1].kind != "other" and c.prev_pos.startswith("n") and not c.prev_pos.startswith("nr"):
        return _guess("zi")
    return _guess("zǐ")


def _rule_juan(c: _Context) -> str:  # 卷
    prev = c.prev or c.prev_raw
    if prev[-1:] == "第" or (c.next[:1] and c.next[:1] in "书经诗文宗") or c.prev[-1:] in ("试", "考", "答", "问"):
        return "juàn"
    return "juǎn"


def _rule_jiao(c: _Context) -> str:  # 教
    """jiāo "teach" standing alone (去教别人); jiào "religion" after 信/什么 (信什么教)."""
    if c.prev[-1:] in ("信", "么", "邪", "传", "佛", "宗", "道", "入") or c.next[:1] in ("派", "义", "规"):
        return "jiào"
    return "jiāo"


def _rule_jia(c: _Context) -> str:  # 假
    """jià "leave, holiday" after 请/休/放 or a count of days (请了三天假); jiǎ "false" before 的 or
    after a degree word (假的, 很假); a guess elsewhere."""
    prev = c.clause_before(3)
    if c.prev == "了" and prev[1:2] and prev[1][-1:] in ("请", "休", "放"):
        return "jià"  # 请了假, 放了假: the verb of leave, then the aspect particle
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


# Prepositions and verbs of place before 都 "capital, city" (在都市里, 来到都城): the noun dū, which
# jieba cuts off its word (在 + 都 + 市里); elsewhere the adverb dōu
_PLACE_BEFORE = {"在", "到", "往", "去", "回", "进", "来自", "来到", "离开", "住在", "走进", "进入", "搬到", "回到"}


def _rule_du(c: _Context) -> str:
    """dū where 都 begins 都市/都城 after a preposition or verb of place; dōu elsewhere."""
    if c.prev in _PLACE_BEFORE and c.next[:1] in ("市", "城"):
        return "dū"
    if c.prev == "" and c.next in ("市里", "市中", "城里", "市人", "市生活"):
        return "dū"  # the clause begins with the noun, no subject before the adverb: 都市里的年轻人…
    return "dōu"


# What follows a shop's name (糖水铺之间, 药铺门口, 杂货铺老板): 铺 pù "shop" closes the noun; as a
# verb (铺路, 铺在地上, 铺着) pū takes an object or a complement.
_SHOP_AFTER = ("之间", "之", "里", "里面", "门口", "门前", "老板", "老板娘", "掌柜", "伙计", "对面", "隔壁", "旁边",
               "前", "后面", "生意", "关门", "开门", "开张")


def _rule_pu(c: _Context) -> str:  # 铺
    """pù "shop" after a noun, where the phrase ends or a shop's word follows (《糖水铺》, 糖水铺之间);
    else the likelier pū "spread", a guess."""
    if c.prev and c.prev_pos.startswith("n") and (c.next == "" or c.next in _SHOP_AFTER):
        return "pù"
    if c.prev and c.prev_pos.startswith("n") and c.next == "的" and c.prev[-1] not in _LAYER:
        return "pù"  # 糖水铺的灯, 药铺的门: the shop's; not 工人铺的路 (a person lays it)
    return _guess("pū")


# Last characters of a person who lays something (工人铺的路, 妈妈铺的床): 铺 + 的 is the verb after them
_LAYER = set("人员工匠师傅妈爸爷奶叔姨们他她我你")


def _rule_er(c: _Context) -> str:  # 儿
    """The light er of an erhua word jieba cut in two (早点 + 儿, 这会 + 儿): the word's last character
    and 儿 make a word the light-syllable table reads with er (点儿, 会儿); else the likelier ér."""
    from pipeline.passes.pinyin.tables import _neutral

    if c.prev and _neutral().get(c.prev[-1] + "儿", ("",))[-1] == "er":
        return "er"
    return _guess("ér")


RULES = {
    "都": _rule_du, "儿": _rule_er,
    "数": _rule_shu, "子": _rule_zi, "量": _rule_liang, "调": _rule_tiao, "干": _rule_gan, "处": _rule_chu, "背": _rule_bei,
    "倒": _rule_dao, "待": _rule_dai, "卡": _rule_ka, "系": _rule_xi, "冲": _rule_chong1, "盛": _rule_sheng,
    "扎": _rule_zha1, "晃": _rule_huang, "散": _rule_san, "露": _rule_lu, "率": _rule_shuai, "空": _rule_kong,
    "切": _rule_qie, "结": _rule_jie2, "宿": _rule_xiu, "蒙": _rule_meng, "挑": _rule_tiao1, "折": _rule_zhe2,
    "炸": _rule_zha4, "吐": _rule_tu, "号": _rule_hao, "划": _rule_hua, "角": _rule_jiao3, "觉": _rule_jiao4,
    "中": _rule_zhong1, "应": _rule_ying, "场": _rule_chang3, "涨": _rule_zhang, "尽": _rule_jin, "禁": _rule_jin1,
    "屏": _rule_ping, "转": _rule_zhuan, "卷": _rule_juan, "落": _rule_luo, "教": _rule_jiao, "假": _rule_jia,
    "薄": _rule_bao, "撒": _rule_sa, "车": _rule_che, "载": _rule_zai, "铺": _rule_pu,
}
