"""The tenth round of pinyin rules (issue 14, item 3): general rules written from the misses of
benchmarks/pinyin_holdout8.txt's first scoring (hospitals, exams, veterans, museums, disasters,
online shopping) and the known faults the round's brief listed, each held to sentences written for
these tests (none taken from an evaluation set), with the negatives that keep each rule from
overreaching. Readings from the norm (现代汉语词典); the character under test is marked 【】."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.passes.pinyinmarks import plain, reading, unsure_chars  # noqa: F401 (plain: a fixture)

ROOT = Path(__file__).resolve().parents[2]


ROUND10 = [
    # a lone surname and a given name the dictionary knows as a word (长安, 为国, 长江, 长征, 重阳),
    # where the clause's shape says a person stands: after a role (兵 ends one; 家属, 战友 are roles) …
    ("民兵【区】长安带头冲进了洪水。", "ōu"),
    ("病人家属【仇】为国一夜没睡。", "qiú"),
    ("病人家属仇【为】国一夜没睡。", "wèi"),
    # … after 要不是, at the clause's start before a time word, at its end after 是, 的 or a day
    ("要不是【曾】长江拉了我一把，我早就摔下去了。", "zēng"),
    ("【仇】长生每天都去河边钓鱼。", "qiú"),
    ("这次立功的是【解】长征。", "xiè"),
    ("获奖的是读过军校的【曾】乐平。", "zēng"),
    ("获奖的是读过军校的曾【乐】平。", "lè"),
    ("值日：周一【解】重阳。", "xiè"),
    # … not an adverb, a noun or a verb and its object
    ("他【曾】长期在外地工作。", "céng"),
    ("这里是【区】政府。", "qū"),
    ("村里人都在【种】小麦。", "zhòng"),
    # given names: 还 huán, 为先 wéi (as in 以…为先), 重远 zhòng (任重道远)
    ("木匠翟【还】生做的椅子很结实。", "huán"),
    ("她的同学覃【为】先考上了大学。", "wéi"),
    ("安全【为】先，质量第一。", "wéi"),
    ("任【重】远是我们的班长。", "zhòng"),
    # 员 after a role's stem before a surname ends the role; a speaker cut into 仇家 + 明说 is a name
    ("快递【员】仇家乐说，今天的件特别多。", "yuán"),
    ("快递员【仇】家乐说，今天的件特别多。", "qiú"),
    ("【仇】家明说，他明天就走。", "qiú"),
    ("单位明说，这事不能办。", "dān", 0),
    # a conjunction jieba glued to a surname before a title (和解 + 主任) is unglued; 和解 "reconcile" stays
    ("朴主任和【解】主任都同意。", "xiè"),
    ("双方最后和【解】了。", "jiě"),
    ("他和【解】放军战士一起抗洪。", "jiě"),
    # 背 bēi: a person carried after 把, or a weight counted after it; bèi "learn by heart"
    ("小伙子把她【背】过了河。", "bēi"),
    ("他一天要【背】两袋米。", "bēi"),
    ("他【背】了三十个单词。", "bèi"),
    # 长 zhǎng: a head's title the model cut off (施工队 + 长) before a name
    ("施工队【长】缪建国说，工期不会拖。", "zhǎng"),
    ("这条路【长】两公里。", "cháng"),
    # 能 (a surname Nài too) before a verb is the modal
    ("医生说还是【能】治好的。", "néng"),
    # 为主 + 队: the preposition before 主队; not 以…为主体
    ("他【为】主队打进了两球。", "wèi"),
    ("这里以农业【为】主体。", "wéi"),
    ("以学生【为】主，老师只在旁边帮忙。", "wéi"),
    # 铺 pù "shop" before 的 after a noun; pū after a person who lays something
    ("裁缝【铺】的门还开着。", "pù"),
    ("工人【铺】的路很平。", "pū"),
]


def _case(item):
    marked, expected, *at = item
    if at:  # a sentence without marks and the offset of the character under test
        return marked[: at[0]] + "【" + marked[at[0]] + "】" + marked[at[0] + 1 :], expected
    return marked, expected


@pytest.mark.parametrize("marked,expected", [_case(c) for c in ROUND10], ids=[f"r10-{i}" for i in range(len(ROUND10))])
def test_tenth_round_readings(plain, marked, expected):
    assert reading(plain, marked) == expected, marked


def test_a_shop_before_its_de_is_no_guess(plain):
    """糖水铺的灯: 铺 pù is decided, so `publish check` no longer warns W405 there."""
    marked = "夜深了，糖水【铺】的灯还亮着。"
    assert reading(plain, marked) == "pù"
    assert marked.index("【") not in unsure_chars(plain, marked)


def test_holdout8_is_well_formed():
    """holdout8 (tenth round; held out for its first scoring, 97.92 %, development data since) has
    >= 1900 scored occurrences, over a tenth of them in names, and every reading one the character has."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import pinyin_accuracy as accuracy

    rows = accuracy.load_set("holdout8")
    assert len(rows) >= 1900 and sum(r.cls == "names" for r in rows) >= 0.1 * len(rows)
    assert accuracy.lint(accuracy.SETS["holdout8"][0]) == []
