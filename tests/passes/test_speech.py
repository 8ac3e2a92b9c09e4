"""Text for the ear, sentence by sentence: each case is what an announcer would say."""

from __future__ import annotations

import pytest

from pipeline.passes.homophones import load_homophones
from pipeline.passes.speech import cardinal, load_rules, number, sentences, speak

PRONUNCIATIONS = {"周鸿祎": "zhōu hóng yī", "长达": "cháng dá", "行长": "háng zhǎng", "角色": "jué sè"}


@pytest.fixture(scope="module")
def rules():
    return load_rules(PRONUNCIATIONS)


CASES = [
    # dates and times
    ("2024年2月16日凌晨2点14分，OpenAI发布首个文生视频模型Sora。",
     "二零二四年二月十六日凌晨两点十四分，Open A I发布首个文生视频模型Sora。"),
    ("4点51分，美国旧金山的投资人Zak Kukoff在X平台预测。", "四点五十一分，美国旧金山的投资人Zak Kukoff在X平台预测。"),
    ("2025年1月起，开放时间延长到晚上11点。", "二零二五年一月起，开放时间延长到晚上十一点。"),
    ("会议定在2024-02-22，10:05开始。", "会议定在二零二四年二月二十二日，十点零五分开始。"),
    ("当时围棋界使用了“公元2016年”。", "当时围棋界使用了公元二零一六年。"),
    # numbers, units, money, percentages
    ("它能生成长达60s的高质量视频。", "它能生成常达六十秒的高质量视频。"),
    ("票房收入超过5000万美元的电影。", "票房收入超过五千万美元的电影。"),
    ("3900只个股上涨，成交额6360亿元，涨幅超14%。", "三千九百只个股上涨，成交额六千三百六十亿元，涨幅超百分之十四。"),
    ("夜间到馆人数累计超过4.2万人次。", "夜间到馆人数累计超过四点二万人次。"),
    ("也不贵，99、199。", "也不贵，九十九、一百九十九。"),
    ("反正才100块钱1个画面。", "反正才一百块钱一个画面。"),
    ("2个人拿了第2名，2月花了200元，招了2000人。", "两个人拿了第二名，二月花了两百元，招了两千人。"),
    ("估值$50万，增长10%-20%，1/3的人同意。", "估值五十万美元，增长百分之十到百分之二十，三分之一的人同意。"),
    ("把电影工业的效率提升100倍。", "把电影工业的效率提升一百倍。"),
    ("全国有8500万残疾人。", "全国有八千五百万残疾人。"),
    # numbers that are names
    ("00后AIGC产品经理刘丽。", "零零后A I G C产品经理刘丽。"),
    ("360创始人周鸿祎连发6段视频和1篇长文。", "三六零创始人周鸿依连发六段视频和一篇长文。"),
    ("转了360度。", "转了三百六十度。"),
    # Latin names
    ("特斯拉CEO埃隆·马斯克在X平台回复。", "特斯拉C E O埃隆马斯克在X平台回复。"),
    ("对标OpenAI的公司，比如ChatGPT和AlphaGo。", "对标Open A I的公司，比如Chat G P T和Alpha Go。"),
    ("AI科普up主 @非FeiArt收到消息。", "A I科普up主非Fei Art收到消息。"),
    ("AIGC艺术家林晨@土豆人toudou_man", "A I G C艺术家林晨土豆人toudou man"),
    ("设计从业者@小红薯6551CD6A", "设计从业者小红薯六五五幺C D六A"),
    ("杭州遇乐文化传媒公司CMO EdIsOn", "杭州遇乐文化传媒公司C M O Edison"),
    ("和DallE2一样，GPT-4和Web3也是。", "和Dall E二一样，G P T四和Web三也是。"),
    ("两台3D打印机，Wi-Fi每晚9点后不再限速。", "两台三D打印机，Wi Fi每晚九点后不再限速。"),
    ("“gg humans（人类愿赌服输）”", "G G humans，人类愿赌服输。"),
    # marks for the eye only
    ("给我按照《美国往事》生成一个电影。", "给我按照美国往事生成一个电影。"),
    ("像元宇宙/VR等热点一样。", "像元宇宙、V R等热点一样。"),
    ("事实恰恰相反——对于创意而言。", "事实恰恰相反，对于创意而言。"),
    ("这不仅带来很大启发……更大地带来了冲击。", "这不仅带来很大启发，更大地带来了冲击。"),
    ("AIGC（生成式人工智能）艺术家", "A I G C，生成式人工智能，艺术家"),
    ("写一部戏，通常有五六十个人物；", "写一部戏，通常有五六十个人物。"),
    # the pronunciation table
    ("我当了二十多年银行行长。", "我当了二十多年银行航长。"),
    ("角色的动作很鬼畜。", "绝色的动作很鬼畜。"),
]


@pytest.mark.parametrize(("text", "spoken"), CASES, ids=[c[0][:14] for c in CASES])
def test_sentence_is_read_as_an_announcer_would(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@pytest.mark.parametrize(
    ("n", "words"),
    [(0, "零"), (10, "十"), (16, "十六"), (110, "一百一十"), (1005, "一千零五"), (3900, "三千九百"),
     (10086, "一万零八十六"), (100000, "十万"), (200, "两百"), (20000, "两万"), (12000, "一万二千"),
     (600000000, "六亿"), (100000001, "一亿零一")],
)
def test_cardinal_numbers(n: int, words: str) -> None:
    assert cardinal(n) == words


def test_number_in_its_place(rules) -> None:
    assert number("2", "", "个", rules) == "两"
    assert number("2", "第", "个", rules) == "二"
    assert number("2", "", "月", rules) == "二"
    assert number("007", "", "", rules) == "零零七"
    assert number("3.14", "", "", rules) == "三点一四"
    assert number("1,000", "", "", rules) == "一千"


def test_sentences_keep_closing_quotes_with_their_sentence() -> None:
    text = "“让它来得更猛烈吧！”情绪感染了嘉宾，“说得特别好！”缓了两天。这样？没有（了解）"
    assert sentences(text) == ["“让它来得更猛烈吧！”", "情绪感染了嘉宾，“说得特别好！”", "缓了两天。", "这样？",
                               "没有（了解）"]


def test_respelling_keeps_common_characters_and_replaces_doubtful_ones() -> None:
    homophones = load_homophones()
    assert homophones.respell("周鸿祎", "zhōu hóng yī") == "周鸿依"
    assert homophones.respell("长达", "chang2 da2") == "常达"
    assert homophones.respell("同行", "tóng háng") == "同航"


def test_respelling_a_word_with_latin_letters_respells_only_its_han_characters() -> None:
    """The reader takes one syllable per Han character ('AI助手: zhù shǒu'); respelling did one per
    character and stopped the audio edition. (Expected: 助 and 手 are common and usually read so.)"""
    homophones = load_homophones()
    assert homophones.respell("AI助手", "zhù shǒu") == "AI助手"
    assert homophones.respell("X行长", "háng zhǎng") == "X" + homophones.respell("行长", "háng zhǎng")
    assert homophones.respell("5G〇号", "líng hào") == "5G" + homophones.respell("〇号", "líng hào")


# A unit written as a sign is read (before: silent, 38℃ → 三十八). Written out by hand.
SIGNS = [("气温38℃。", "气温三十八摄氏度。"), ("最低10°C。", "最低十摄氏度。"), ("转了90°。", "转了九十度。"),
         ("面积300㎡。", "面积三百平方米。"), ("面积300m²。", "面积三百平方米。"), ("事故率3‰。", "事故率千分之三。"),
         ("华氏100℉。", "华氏一百度。")]  # (the scale said once: the ninth sweep)


@pytest.mark.parametrize(("text", "spoken"), SIGNS, ids=[f"sign{n}" for n in range(len(SIGNS))])
def test_a_unit_written_as_a_sign_is_read(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


# A minus and a range read as a newsreader says them (before: '-5' reached the voice as '-五', the
# minus read literally or dropped; '2020-2024年' as '两千零二十-二零二四年'). Written out by hand.
SIGNED = [
    ("气温-5℃。", "气温零下五摄氏度。"), ("最低−12°C。", "最低零下十二摄氏度。"), ("夜里－3℃。", "夜里零下三摄氏度。"),
    ("华氏-40℉。", "华氏零下四十度。"), ("气温在-10～-5℃之间。", "气温在零下十到零下五摄氏度之间。"),
    ("从-5到3℃。", "从零下五到三摄氏度。"), ("利润-5亿元。", "利润负五亿元。"), ("增速−0.5%。", "增速负百分之零点五。"),
    ("得分为－2。", "得分为负二。"), ("（-7）", "负七。"), ("转了-90°。", "转了负九十度。"),
    ("3-5个。", "三到五个。"), ("3–5个。", "三到五个。"), ("3～5个。", "三到五个。"), ("3~5天。", "三到五天。"),
    ("3 - 5人。", "三到五人。"), ("3－5年。", "三到五年。"), ("增长10%-20%。", "增长百分之十到百分之二十。"),
    ("2020-2024年。", "二零二零到二零二四年。"), ("2020—2024年。", "二零二零到二零二四年。"),
    ("2020-24年。", "二零二零到二四年。"), ("2020至2024年。", "二零二零至二零二四年。"), ("开放时间10:00-12:00。", "开放时间十点整到十二点整。"),
    # not ranges, not signs
    ("发布于2024-03-01。", "发布于二零二四年三月一日。"), ("2024-03发布。", "二零二四年三月发布。"),
    ("GPT-4和COVID-19。", "G P T四和Covid十九。"), ("拨010-12345678。", "拨零幺零，幺二三四五六七八。"),
]


@pytest.mark.parametrize(("text", "spoken"), SIGNED, ids=[f"signed{n}" for n in range(len(SIGNED))])
def test_a_minus_and_a_range_are_read(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


# Figures a newsreader reads otherwise than as amounts (before: 13812345678 was read 一百三十八亿…,
# 1+1=2 一多十二, 5-3=2 五到三十二, 比分2：1 二：一, 3×4米 三×四米). Written out by hand.
FIGURES = [
    ("请拨打13812345678咨询。", "请拨打幺三八幺二三四五六七八咨询。"), ("热线400-123-4567。", "热线四零零，幺二三，四五六七。"),
    ("电话：010-12345678。", "电话：零幺零，幺二三四五六七八。"), ("邮编100871。", "邮编幺零零八七幺。"),
    ("编号20240301号。", "编号二零二四零三零幺号。"), ("手机尾号5678。", "手机尾号五六七八。"),
    ("1+1=2。", "一加一等于二。"), ("5-3=2。", "五减三等于二。"), ("3+1模式。", "三加一模式。"),
    ("约3×4米。", "约三乘四米。"), ("12÷4=3。", "十二除以四等于三。"), ("设A=B。", "设A等于B。"),
    ("比分2：1。", "比分二比一。"), ("16:9的屏幕。", "十六比九的屏幕。"), ("1:1复刻。", "一比一复刻。"),
    # amounts, ranges and clock times stay as they were
    ("共12345678人。", "共一千二百三十四万五千六百七十八人。"), ("手机30部。", "手机三十部。"), ("手机1000万部。", "手机一千万部。"), ("100+家。", "一百多家。"),
    ("3-5个。", "三到五个。"), ("9:05出发。", "九点零五分出发。"), ("10:00-12:00。", "十点整到十二点整。"),
    # (before: 一千元元, 一千九百八十秒, 两分之一, 一点二.三, 四千电视, 六零H Z, 三N M)
    ("¥1,000元。", "一千元。"), ("1980s的音乐。", "一九八零年代的音乐。"), ("1/2的人。", "二分之一的人。"),
    ("升级到v1.2.3。", "升级到v一点二点三。"), ("4K电视。", "四K电视。"), ("60Hz的屏幕。", "六十赫兹的屏幕。"),
    ("3nm工艺。", "三纳米工艺。"), ("3.14。", "三点一四。"), ("60s后。", "六十秒后。"),
]


@pytest.mark.parametrize(("text", "spoken"), FIGURES, ids=[f"figure{n}" for n in range(len(FIGURES))])
def test_codes_arithmetic_and_scores_are_read_as_a_newsreader_reads_them(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


def test_the_figures_table_is_data(tmp_path) -> None:
    from pipeline.passes.speech import DATA

    text = DATA.read_text(encoding="utf-8").replace('"邮编", ', "").replace('ratio = "比"', 'ratio = "跟"')
    path = tmp_path / "speech.toml"
    path.write_text(text, encoding="utf-8")
    edited = load_rules(path=path)
    assert speak("邮编100871，比分2：1。", edited) == "邮编十万零八百七十一，比分二跟一。"


def test_the_signed_table_is_data(tmp_path) -> None:
    """An editor's table decides: another joiner, another temperature word."""
    from pipeline.passes.speech import DATA

    text = DATA.read_text(encoding="utf-8").replace('joiner = "到"', 'joiner = "至"').replace(
        'below_zero_after = ["摄氏度", "华氏度"]', 'below_zero_after = ["摄氏度", "华氏度", "度"]')
    path = tmp_path / "speech.toml"
    path.write_text(text, encoding="utf-8")
    edited = load_rules(path=path)
    assert speak("3-5个，气温-5度。", edited) == "三至五个，气温零下五度。"
