"""Word rules: words the lexicons read two ways, decided by their neighbours (地方 dìfang "place"
/ dìfāng "local"), and the one-syllable verbs whose doubled form has a light second syllable."""

from __future__ import annotations

from pipeline.passes.pinyin.context import (
    _Context,
    _ends_numeral,
)
from pipeline.passes.pinyin.tables import _Seg


# One-syllable verbs whose doubled form (看看, 尝尝) is the tentative "have a go": the second syllable
# is light. Not 等 (等等 is also "etc."), nor characters whose doubled form is an adverb (整整, 足足).
REDUPLICATING_VERBS = set(
    "看听问想说试尝走坐聊谈找读写练学查算玩逛歇摸闻洗擦修改讲猜比动跳转跑笑帮念劝拉拍揉敲捏搓翻抖"
    "晃拿放收理补扫刷搬选穿戴瞧瞅望催"
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
    """rénjiā "household" after a count (三百多户人家, 好人家); rénjia "others / he, she" elsewhere."""
    if c.prev[-1:] and (c.prev[-1:] in "户家个好大小穷富" or _ends_numeral(c.prev)):
        return ("rén", "jiā")
    return ("rén", "jia")


def _word_tongxing(c: _Context) -> tuple[str, ...]:  # 同行
    """tóngxíng "travel together" (和我同行, 同行的还有); tóngháng "peer" (是同行, 同行们)."""
    if c.next in ("们", "之间") or c.prev in ("是", "的", "位", "个", "些", "很多", "不少", "各位"):
        return ("tóng", "háng")
    if c.next in ("的", "者", "人员") or (c.next == "" and any(t in ("和", "与", "跟", "同") for t in c.clause_before(6))):
        return ("tóng", "xíng")
    return ("tóng", "háng")


# Words CC-CEDICT reads two ways, decided by their neighbours (a light syllable for the everyday one).
_WORD_RULES = {
    "地方": _word_difang, "东西": _word_dongxi, "多少": _word_duoshao, "人家": _word_renjia,
    "同行": _word_tongxing,
    "故事": lambda c: ("gù", "shi"),  # gùshì "old practice" is archaic
}


def resolve_word(segs: list[_Seg], i: int) -> None:
    """A word the lexicons read two ways, read by its neighbours (only words from the lexicons: a
    name, an override or the project dictionary has already decided)."""
    rule = _WORD_RULES.get(segs[i].text)
    if rule is not None and segs[i].source == "phrase":
        segs[i].pinyin = list(rule(_Context(segs, i)))
