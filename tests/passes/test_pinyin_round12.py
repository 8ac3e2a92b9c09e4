"""The twelfth round of pinyin rules (issue 14, item 3): general rules written from the misses of
benchmarks/pinyin_holdout10.txt's first scoring (religion and festivals, fashion, pets, real estate;
names in rolls, bylines and vocatives) and the known faults the round's brief listed, each held to
sentences written for these tests (none taken from an evaluation set), with the negatives that keep
each rule from overreaching. Readings from the norm (现代汉语词典); the character under test is
marked 【】."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.passes.pinyinmarks import plain, reading, split_marked  # noqa: F401 (plain: a fixture)

ROOT = Path(__file__).resolve().parents[2]


ROUND12 = [
    # a given name jieba's model cut into single characters (杨 + 还 + 珠, 任行 + 之): 还 huán, the
    # surname its own reading; not the adverb after a surname that is a subject (小杨还在家)
    ("为了赶工期，杨【还】珠连续加班三天。", "huán"),
    ("冼【还】玉、曾明在会上发言。", "huán"),
    ("我跟【任】行之学过书法。", "rén"),
    ("小杨【还】在家。", "hái"),
    ("老王【还】好吗？", "hái"),
    ("区【行】长说了算。", "háng"),
    ("曾明、单亮、【解】行之三位代表发了言。", "xiè"),  # the last of a list, before its count
    # a surname + a word-like given name opening a clause before a preposition, a conjunction or an
    # idiom, or after 听说 (a clause's subject follows); a verb and its object stay (查资料从…)
    ("【查】重阳把票递给我。", "zhā"),
    ("听说【华】长春要搬家了。", "huà"),
    ("要不是【盖】长江及时赶到，房子就塌了。", "gě"),
    ("【查】资料从网上找。", "chá"),
    ("听说【单】位要搬家。", "dān"),
    # 区长 + a given name's last character + an adverb (区长乐就…); 区长 + an adverb stays the title
    ("【区】长乐就住在隔壁。", "ōu"),
    ("【区】长就住在隔壁。", "qū"),
    # an address whose given name is a rare verb, before 你/您; not an adverb + verb + pronoun (都怪你，)
    # nor a verb and its object (盖被子，)
    ("【曾】还乡，你快过来！", "zēng"),
    ("【都】怪你，把门弄坏了。", "dōu"),
    ("【盖】被子，你会冷的。", "gài"),
    # after a role, a surname + a rare verb before a verb of saying (店老板曾还乡说); the adverb elsewhere
    ("店老板【曾】还乡说，今年生意好。", "zēng"),
    ("他【曾】还乡探亲。", "céng"),
    # the surname glued to 有 in a roll: the surname the model glued to 有 (人员有员 + 长青); 人员 itself is no surname
    ("报名的人员有【员】长青和查明。", "yùn"),
    ("值班的人【员】有三个。", "yuán"),
    # 那 before the name of a place is the demonstrative (去了那和平饭店); Nā before a verb of saying
    ("他们昨天去了【那】和平饭店。", "nà"),
    ("【那】和平说他不来了。", "nā"),
    # after a verb whose object is a person, a surname + a word-like given name (交给那长江，); 那 + a noun
    ("请把这份文件交给【那】长江，他在等。", "nā"),
    ("你去告诉【那】孩子，别等了。", "nà"),
    # 船只 + 能/好: 船 + 只能/只好 "only"; 船只 "vessels" elsewhere
    ("风太大，船【只】好返航。", "zhǐ"),
    ("港口停满了船【只】。", "zhī"),
    # 还 huán before a sum after a modal, before a debt after 为了, after 怎么 before 就; hái before a modal
    ("下个月得【还】三千块。", "huán"),
    ("为了【还】房贷，他又找了份工作。", "huán"),
    ("钱该怎么【还】就怎么还。", "huán"),
    ("他【还】要三天才到。", "hái"),
    # 为人 wéi after 的 and before a role (为人父母); wèi before a word that begins with 人 (为人民)
    ("大家都知道他的【为】人。", "wéi"),
    ("【为】人父母的，都盼着孩子好。", "wéi"),
    ("他【为】人民服务了一辈子。", "wèi"),
    ("户数和车位的比例【为】一比一点五。", "wéi"),
    # 长 zhǎng before what a body grows and after a unit as its head; cháng "long" hair
    ("这孩子光【长】个子不长肉。", "zhǎng"),
    ("她留着【长】头发。", "cháng"),
    ("我们单元选了新的楼【长】。", "zhǎng"),
    # 得 děi after a clause's 了 or an amount, before a verb; de after a verb
    ("车坏了【得】走回去。", "děi"),
    ("洗一次【得】花两个小时。", "děi"),
    ("他说【得】很清楚。", "de"),
    # 背 bēi beside other ways of carrying, and 背着 + a person + where to; bèi "behind one's back"
    ("那些砖全是肩挑【背】扛运上山的。", "bēi"),
    ("他【背】着奶奶过了河。", "bēi"),
    ("他【背】着妈妈偷偷买了游戏机。", "bèi"),
    # 背上 + 的: the back (bèi); 背上 + a load: carry it (bēi)
    ("小狗【背】上的伤好了。", "bèi"),
    ("他【背】上书包走了。", "bēi"),
    # 都 dū opening a clause as 都市/都城 (no subject stands before an adverb there); dōu elsewhere
    ("【都】市里的房子越来越贵。", "dū"),
    ("【都】是我的错。", "dōu"),
    # 遛 liù; 重装 chóng "install again" unless heavy arms follow; 重 chóng before a verb done over
    ("每天早上都要【遛】一圈。", "liù"),
    ("电脑【重】装以后快多了。", "chóng"),
    ("战士们【重】装上阵。", "zhòng"),
    ("麻烦你【重】讲一遍。", "chóng"),
    # a doubled noun repeats or lightens its syllable (狗狗, CC-CEDICT gǒu gōu); the light syllable of
    # a head after 老 (老和尚)
    ("我家狗【狗】三岁了。", "gou"),
    ("山上住着一个老和【尚】。", "shang"),
]


@pytest.mark.parametrize("marked,expected", ROUND12, ids=[f"r12-{i}" for i in range(len(ROUND12))])
def test_twelfth_round_readings(plain, marked, expected):
    assert reading(plain, marked) == expected, marked


def test_a_split_given_name_is_no_w405_place(plain):
    """A name the new scan finds is read as a name, a confident reading: publish check does not ask
    the editor about its 还 (W405 fires only where the pass is not confident)."""
    text, index = split_marked("为了赶工期，杨【还】珠连续加班三天。")
    assert index not in {offset for offset, _, _ in plain.unsure(text)}


def test_holdout10_is_well_formed():
    """holdout10 (twelfth round; held out for its first scoring, 97.95 %, development data since) has
    >= 2900 scored occurrences, a fifth of them in names, and every reading one the character has."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import pinyin_accuracy as accuracy

    rows = accuracy.load_set("holdout10")
    assert len(rows) >= 2900 and sum(r.cls == "names" for r in rows) >= 0.2 * len(rows)
    assert accuracy.lint(accuracy.SETS["holdout10"][0]) == []
