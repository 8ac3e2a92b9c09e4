"""The seventh round of pinyin rules (issue 14, item 3): general rules written from the misses of
benchmarks/pinyin_holdout5.txt's first scoring and the development sets, each held to sentences
written for these tests (none taken from an evaluation set), with the negatives that keep each rule
from overreaching. Readings from the norm (现代汉语词典); the character under test is marked 【】."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.passes.pinyinmarks import plain, reading, split_marked, unsure_chars  # noqa: F401 (plain: a fixture)

ROOT = Path(__file__).resolve().parents[2]


ROUND7 = [
    # 为 wéi "as, into" after a verb of writing a thing down in another form, and a noun before a time
    ("这些录音后来被转写【为】文字。", "wéi"),
    ("这段话可以改写【为】一句口号。", "wéi"),
    ("报名时间【为】下周一上午。", "wéi"),
    ("他【为】下周的考试做准备。", "wèi"),  # ... not "for" before a clause with a verb
    ("老师【为】明天的活动买了气球。", "wèi"),
    # 载 zǎi "record": 据…所载, 载于; zài "carry" elsewhere
    ("据地方志所【载】，这里有过一座古庙。", "zǎi"),
    ("这篇文章【载】于去年的校刊。", "zǎi"),
    ("卡车所【载】的货物全部卸下了。", "zài"),
    ("这辆大巴【载】着四十名游客。", "zài"),
    # 背 bēi before a load carried on the back; bèi elsewhere
    ("他每天【背】柴下山。", "bēi"),
    ("妈妈【背】孩子去医院。", "bēi"),
    ("这首诗我已经【背】熟了。", "bèi"),
    # a character spelt out by a word that holds it: read as in that word
    ("我叫王重山，【重】是重新的重。", "chóng"),
    ("我叫王重山，重是重新的【重】。", "chóng"),
    ("她叫李长安，【长】是长短的长。", "cháng"),
    # 一X一X地 de, where jieba joins X and 地 into a word (封地 "fief", 本地 "local")
    ("她把信一封一封【地】拆开。", "de"),
    ("我们一本一本【地】整理旧书。", "de"),
    ("这里的本【地】人都会说方言。", "dì"),
    # names: a speaker naming himself, a name before 的 + kin, an enumerated name the model cut
    ("我叫【曾】重光，在县医院工作。", "zēng"),
    ("他叫【单】长河，是村里的会计。", "shàn"),
    ("【仇】大海的儿子今年考上了大学。", "qiú"),
    ("【曾】经的学生都回来看他了。", "céng"),
    ("名单上还有【单】重远、区乐平两位老人。", "shàn"),
    ("他在阳台上【种】种花、养养鱼。", "zhòng"),
    ("李红梅和【解】志强是邻居。", "xiè"),  # after a name, 和 + 解 that jieba glued into 和解
    ("王小明和【解】放军战士握手。", "jiě"),  # a known word (种种) is no surname + given name
]


@pytest.mark.parametrize("marked,expected", ROUND7, ids=[f"r7-{i}" for i in range(len(ROUND7))])
def test_seventh_round_readings(plain, marked, expected):
    assert reading(plain, marked) == expected, marked


@pytest.mark.parametrize("marked", [
    "这些录音后来被转写【为】文字。", "报名时间【为】下周一上午。", "据地方志所【载】，这里有过一座古庙。",
    "他每天【背】柴下山。", "我叫王重山，【重】是重新的重。",
], ids=["wei-write", "wei-time", "zai-record", "bei-load", "spelt-out"])
def test_seventh_round_w405_is_silent_where_the_context_decides(plain, marked):
    """Where a new rule found its evidence, W405 (`unsure`) no longer asks an editor to look."""
    _, index = split_marked(marked)
    assert index not in unsure_chars(plain, marked), marked


@pytest.mark.parametrize("marked", ["卡车所【载】的货物全部卸下了。", "这一段我【背】了好几遍。"],
                         ids=["zai-carry", "bei-undecided"])
def test_seventh_round_w405_still_fires_where_the_pass_guesses(plain, marked):
    """所载 + 的 + a noun (what is carried or what is recorded) and 背 with no load after it stay
    guesses that W405 reports."""
    _, index = split_marked(marked)
    assert index in unsure_chars(plain, marked), marked


def test_holdout5_is_well_formed_and_stays_above_its_floor(plain):
    """holdout5 (seventh round; held out for its first scoring, 98.88 %, development data since) has
    >= 1000 scored occurrences, every reading one the character has, and stays above the floor of
    the later development sets."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import pinyin_accuracy as accuracy

    rows = accuracy.load_set("holdout5")
    assert len(rows) >= 1000 and sum(r.cls == "names" for r in rows) >= 60
    assert accuracy.lint(accuracy.SETS["holdout5"][0]) == []
    result = accuracy.score(rows, plain)
    assert result.accuracy >= 0.985, f"holdout5: {result.correct}/{result.total} = {result.accuracy:.2%}"
