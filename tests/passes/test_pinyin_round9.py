"""The ninth round of pinyin rules (issue 14, item 3): general rules written from the misses of
benchmarks/pinyin_holdout7.txt's first scoring (sports, courts, village life, business) and the
known faults the round's brief listed, each held to sentences written for these tests (none taken
from an evaluation set), with the negatives that keep each rule from overreaching. Readings from
the norm (现代汉语词典); the character under test is marked 【】."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.passes.pinyinmarks import plain, reading  # noqa: F401 (plain: a fixture)

ROOT = Path(__file__).resolve().parents[2]


ROUND9 = [
    # 着 zháo in a potential form jieba cut apart (V + 不 + 着), at the clause's end
    ("天天有活干，饿不【着】。", "zháo"),
    ("他饿【着】肚子上班。", "zhe"),
    # an adjective + 着呢 "quite so"; 长着 "growing" stays zhǎng
    ("日子还【长】着呢，别着急。", "cháng"),
    ("院子里【长】着一棵枣树。", "zhǎng"),
    # 得 děi after a conjunction that begins the clause (no verb before it)
    ("这事我答应了，可是【得】等到下个月。", "děi"),
    ("他跑【得】很快。", "de"),
    # 都 dū "city" after a preposition of place, where jieba cut 都市 apart
    ("她在【都】市里开了一家花店。", "dū"),
    ("他们在家【都】很好。", "dōu"),
    # a jieba word of surname + title: the surname's reading, the title's light syllable
    ("王先【生】，您的快递到了。", "sheng"),
    ("【仇】先生明天到。", "qiú"),
    # an address standing alone before a comma: 老/小 + a surname, or a surname and a given name
    ("小【解】，你把门关上。", "xiè"),
    ("【盖】长乐，快走！", "gě"),
    ("他去小【解】了。", "jiě"),
    ("革命老【区】，人民勤劳。", "qū"),
    ("【查】资料，写报告。", "chá"),
    # a name opening the clause where the model joined surname and the given name's first character
    ("【区】长明是我们村的老会计。", "ōu"),
    ("区长笑了。", "qū", 0),
    ("区长家在河边。", "qū", 0),
    # a lone surname and a given name opening the clause before 是/还 (not a head's title X长)
    ("【查】乐乐已经上小学了。", "zhā"),
    ("仇行【长】说贷款不难办。", "zhǎng"),
    ("【查】资料是他每天的工作。", "chá"),
    # kin before a name, as a role
    ("他的父亲【仇】长生是个木匠。", "qiú"),
    ("她的邻居【单】长春也来了。", "shàn"),
    # 曾 before a title after a verb of calling and a pronoun: the surname
    ("同事们都喊他【曾】经理。", "zēng"),
    ("他【曾】当过经理。", "céng"),
    # a transliterated name (jieba: nrt) is read as sounds
    ("【盖】茨创办了微软。", "gài"),
    # 种/行 inside a word no lexicon knows, read by their rules
    ("他是县里有名的【种】粮能手。", "zhòng"),
    # 为 wéi after 同 and 不足
    ("两人同【为】本村的村医。", "wéi"),
    ("二人同【为】本村村医。", "wéi"),
    ("他【为】大家倒了茶。", "wèi"),
]


def _case(item):
    marked, expected, *at = item
    if at:  # a sentence without marks and the offset of the character under test
        return marked[: at[0]] + "【" + marked[at[0]] + "】" + marked[at[0] + 1 :], expected
    return marked, expected


@pytest.mark.parametrize("marked,expected", [_case(c) for c in ROUND9], ids=[f"r9-{i}" for i in range(len(ROUND9))])
def test_ninth_round_readings(plain, marked, expected):
    assert reading(plain, marked) == expected, marked


def test_holdout7_is_well_formed():
    """holdout7 (ninth round; held out for its first scoring, 97.61 %, development data since) has
    >= 2000 scored occurrences, a fifth of them in names, and every reading one the character has."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import pinyin_accuracy as accuracy

    rows = accuracy.load_set("holdout7")
    assert len(rows) >= 2000 and sum(r.cls == "names" for r in rows) >= 0.2 * len(rows)
    assert accuracy.lint(accuracy.SETS["holdout7"][0]) == []
