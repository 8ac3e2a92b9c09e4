"""Context rules of characters read one way as a counted noun or a verb of tending or treating and
another way elsewhere (看 kān "look after" / kàn "look", 当 dàng "treat as" / dāng, 数 shù "figure" /
shǔ "count", 调 diào "key, tune" / tiáo): the evidence each reads first, then the rule of `charrules`
(or the character's sure reading) where there is none. Kept apart from `charrules` (near its size
limit); `rules` lays these over its table."""

from __future__ import annotations

from pipeline.passes.pinyin import charrules
from pipeline.passes.pinyin.context import _DEMONSTRATIVE, _NUMERAL, _PRONOUNS, _Context

# What one looks after, 看 kān (看店, 看孩子, 一人看两台机器): a shop or a gate one keeps, a child one
# minds, a machine one tends, animals one herds
_TENDED = {
    "店", "门", "家", "摊", "摊子", "铺子", "仓库", "库房", "门面", "场子", "大门", "孩子", "小孩", "娃", "娃娃",
    "孙子", "孙女", "机器", "机床", "设备", "炉子", "锅炉", "牛", "羊", "鸭", "鹅", "猪", "菜园", "果园", "瓜地",
}
_MINDED = {"孩子", "小孩", "娃", "娃娃", "孙子", "孙女"}
# Before 看 + a child, one goes to see it (来看孩子, 回去看孙子): kàn
_VISITING = {"来", "去", "回来", "回去", "过来", "过去", "专门", "想", "要", "再", "常", "常来", "回家"}
# 当 dàng "treat as, take for" after these, before 是 or a pronoun and a negation (就当是借的, 你就当我没说)
_AS_IF = {"就", "只", "权", "全", "权且", "只当"}


def _rule_kan(c: _Context) -> str:  # 看
    """kān "look after" before what one keeps or tends, or its count first (看店, 在家看孩子, 一人看
    两台机器); kàn elsewhere (看孩子写作业 "watch", 来看孩子 "visit": a verb or 来/去 around)."""
    obj = c.next
    if obj and (obj[:1] in _NUMERAL or obj[:1] in _DEMONSTRATIVE) and c.next2 in _TENDED:
        obj = c.next2  # 一人看两台机器: the count, then what is tended
    elif c.next2 and obj in ("两台", "一台", "几台", "三台", "两头", "几头"):
        obj = c.next2
    if obj in _TENDED and not (obj in _MINDED and c.prev in _VISITING) and not _goes_on_to_verb(c, obj):
        return "kān"
    return "kàn"


def _goes_on_to_verb(c: _Context, obj: str) -> bool:
    """看 + a person + a verb is watching what they do (看孩子写作业, 看机器运转): no keeping."""
    after = c.clause_after(4)
    if obj not in after:
        return False
    rest = after[after.index(obj) + 1:]
    return bool(rest) and rest[0] not in ("了", "的", "呢", "吧", "啊") and c.segs[c.i + 1 + after.index(obj) + 1].pos.startswith("v")


def _rule_dang(c: _Context) -> str:  # 当
    """dàng "treat as" after 就/只 before 是, or before a pronoun and what did not happen (就当是借给
    你的, 你就当我没说); dāng elsewhere (当是时 is archaic)."""
    if c.prev in _AS_IF and (c.next == "是" or (c.next in _PRONOUNS and any(w[:1] in ("没", "不") for w in c.clause_after(4)))):
        return "dàng"
    return "dāng"


def _rule_shu(c: _Context) -> str:  # 数
    """shù "figure" after a demonstrative before what is said of it (这些数他都核对过了, 这个数不小);
    else as `charrules` reads it."""
    if c.prev in ("这些", "那些", "这个", "那个") and c.next not in ("一", "着", "了", "完", "到", "过", "得"):
        return "shù"
    return charrules._rule_shu(c)


def _rule_tiao(c: _Context) -> str:  # 调
    """diào "key, tune" counted by 个 (降两个调, 换个调, 这个调太高); else as `charrules` reads it."""
    if c.prev[-1:] == "个" and c.next[:1] not in ("到", "至", "好", "整", "节"):
        return "diào"
    return charrules._rule_tiao(c)


RULES = {"看": _rule_kan, "当": _rule_dang, "数": _rule_shu, "调": _rule_tiao}
