"""What the context rules see: the word classes they consult, a segment's neighbours
(`Context`), and `Guess`, the answer of a rule that found no evidence."""

from __future__ import annotations

from pipeline.passes.pinyin.tables import _Seg


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
    "家", "氏", "总裁", "总监", "总经理", "董事长", "委员", "代表", "工", "指导", "教练",
    "支书", "会计", "太太", "夫人", "警官", "法官", "护士", "连长", "排长", "班长", "组长", "厂长", "店长",
    # forms of address by kinship (单姐, 盖叔, 查大爷)
    "叔", "姨", "婶", "伯", "嫂", "姑", "爷", "妹", "弟", "叔叔", "阿姨", "伯伯", "婶婶", "大叔", "大婶",
    "大姐", "大哥", "大嫂", "大伯", "大娘", "奶奶", "爷爷", "姥姥", "师父", "老师傅", "小姐姐", "姐姐", "哥哥",
    # an older person addressed by surname (查老太太, 单老先生)
    "老太太", "老太", "老先生", "老爷子", "老大爷", "老奶奶", "老爷爷", "老伯", "老大娘",
}
# One-character titles that are also words after an adverb or a pronoun (他曾总结, 她单家…): after a
# pronoun or an adverb, a surname that is also an adverb does not take them as a title.
_SHORT_TITLES = {"总", "董", "老", "家", "工", "氏"}
_DI_PREV = set("各当本外此该两异满遍原就实土田草平落倒扫种山陆空基营耕林荒湿绿圣福宝禁腹内产驻属领封租征用占全半多一这那哪某块片亩寸")
_DI_NOUN_NEXT = {"上", "下", "里", "方", "面", "区", "点", "图", "板", "毯", "皮", "价", "址"}
_DE_ADJ1 = set("快慢轻猛狠静好乖早晚真白暗偷紧牢稳细远近默悄忽蓦霍倏陡骤渐")
_WEI_PREV = set("称评选聘誉视列定改分变转化译结沦名奉尊拜推立封任判划归合互均皆多即乃实最较更极甚尤颇广约仅仍确亦作成认")
_WEI_ATTR_END = set("率量数额幅度价级比值龄积例")  # (比例为一比二)
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


_QUOTES = set("“”‘’《》「」『』〈〉\"'")


def _is_quote(text: str) -> bool:
    return bool(text) and all(ch in _QUOTES for ch in text)


class Guess(str):
    """A rule's answer when nothing in the context decided it: the likelier reading, reported by
    `PinyinAnnotator.unsure()` (and so by `publish check`) for an editor to confirm or pin."""


def _guess(reading: str) -> Guess:
    return Guess(reading)


_VERBAL = ("v", "a", "d", "z", "b", "i", "l")  # tags of words a complement or adverbial can follow


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
    def prev_pos(self) -> str:
        """jieba's tag of the previous Han word ('' at a pause)."""
        j = self.i - 1
        return self.segs[j].pos if j >= 0 and self.segs[j].kind != "other" else ""

    @property
    def next_pos(self) -> str:
        j = self.i + 1
        return self.segs[j].pos if j < len(self.segs) and self.segs[j].kind != "other" else ""

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
        """Han words before this one, nearest first, up to a pause; quotation and title marks are
        no pause (以“城市与河流”为主题)."""
        out = []
        j = self.i - 1
        while j >= 0 and len(out) < limit and (self.segs[j].kind != "other" or _is_quote(self.segs[j].text)):
            if self.segs[j].kind != "other":
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
