"""What listeners hear: the sixth sweep of news copy read as a Mandarin newsreader reads it.

Each phrase was written for this file as a newsroom prints it (hotlines, codes and model names,
scores, clock times, ranges, temperatures, fractions, ordinals, Latin inside Chinese, emoji and
signs, addresses, English quotations), and each reading was written by hand, from broadcast
usage, before the pass was run on it: a table per class, so that a hidden title with another
phrase of the same class is read the same way. Where the voice got something else before this
sweep, the comment says what. The last tests hold the caption timing of a long cue to a cost
that grows with its length, not with its square.
"""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.passes.speech import load_rules, speak


@pytest.fixture(scope="module")
def rules():
    return load_rules({})


def _table(rows: list[tuple[str, str]], prefix: str):
    return pytest.mark.parametrize(("text", "spoken"), rows, ids=[f"{prefix}{n}" for n in range(len(rows))])


# Service numbers and hotlines, digit by digit with 幺, after any label a newsroom writes before
# them: 拨, 客服, 短信, 分机, 传真, Tel/Fax, a colon, an area code in brackets (before: 客服10086 →
# 一万零八十六, 请拨999 → 九百九十九, 传真：021-6234-5678 → 零二一-六千二百三十四-…, （010）6512 3456
# → 六千五百一十二三千四百五十六, Tel：010-62345678 → 六千二百三十四万…).
HOTLINES = [
    ("中国移动客服10086，联通客服10010。", "中国移动客服幺零零八六，联通客服幺零零幺零。"),
    ("香港紧急求助请拨999。", "香港紧急求助请拨九九九。"),
    ("订票请拨95105105。", "订票请拨九五幺零五幺零五。"),
    ("咨询请致电（010）6512 3456。", "咨询请致电零幺零，六五幺二，三四五六。"),
    ("电话（021）62345678。", "电话零二幺，六二三四五六七八。"),
    ("致电(0755)8888-6666。", "致电零七五五，八八八八，六六六六。"),
    ("传真：021-6234-5678。", "传真：零二幺，六二三四，五六七八。"),
    ("Tel：010-62345678。", "Tel：零幺零，六二三四五六七八。"),
    ("Fax：021-62345678。", "Fax：零二幺，六二三四五六七八。"),
    ("转分机8021。", "转分机八零二幺。"),
    ("消费者投诉热线12315。", "消费者投诉热线幺二三幺五。"),
    ("请拨打114查号。", "请拨打幺幺四查号。"),
    ("美国报警电话是911。", "美国报警电话是九幺幺。"),
    ("欧洲通用紧急电话112。", "欧洲通用紧急电话幺幺二。"),
    ("客服电话：400-800-8888。", "客服电话：四零零，八零零，八八八八。"),
    ("全国统一服务热线4008-123-456。", "全国统一服务热线四零零八，幺二三，四五六。"),
    ("免费电话800-820-8820。", "免费电话八零零，八二零，八八二零。"),
    ("电话：0755-8888 6666。", "电话：零七五五，八八八八，六六六六。"),
    ("心理援助热线96110。", "心理援助热线九六幺幺零。"),
    ("市长热线12345全天候受理。", "市长热线幺二三四五全天候受理。"),
    ("热线：95588。", "热线：九五五八八。"),
    ("客服热线：400 820 1234。", "客服热线：四零零，八二零，幺二三四。"),
    ("联系电话：138-1234-5678。", "联系电话：幺三八，幺二三四，五六七八。"),
    ("手机：139 1234 5678。", "手机：幺三九，幺二三四，五六七八。"),
    # counts after the same words stay counts
    ("客服3000人。", "客服三千人。"),
    ("拨款100万元。", "拨款一百万元。"),
    ("下拨500元。", "下拨五百元。"),
]

# Codes, passwords and the tail of an ID: digit by digit (before: 验证码为836271 → 八十三万…,
# 身份证号后四位为1234 → 一千二百三十四, 端口8080 → 八千零八十, 序列号SN12345678 → S N一千二百三十四五六七八:
# one run of digits split into a model number and a rest).
CODES = [
    ("验证码为836271。", "验证码为八三六二七幺。"),
    ("邮政编码100871。", "邮政编码幺零零八七幺。"),
    ("密码是123456。", "密码是幺二三四五六。"),
    ("端口8080。", "端口八零八零。"),
    ("身份证号后四位为1234。", "身份证号后四位为幺二三四。"),
    ("银行卡末四位为6011。", "银行卡末四位为六零幺幺。"),
    ("序列号SN12345678。", "序列号S N幺二三四五六七八。"),
    ("运单号YT1234567890。", "运单号Y T幺二三四五六七八九零。"),
    ("快递单号SF1234567890。", "快递单号S F幺二三四五六七八九零。"),
    ("订单编号：20240315001。", "订单编号：二零二四零三幺五零零幺。"),
    ("订单号：No.20240001。", "订单号：二零二四零零零幺。"),
    ("短信验证码：4823。", "短信验证码：四八二三。"),
    ("GB18030编码。", "G B幺八零三零编码。"),
    ("身份证尾号0019。", "身份证尾号零零幺九。"),
    ("国际标准书号ISBN 978-7-111-12345-6。", "国际标准书号I S B N九七八，七，幺幺幺，幺二三四五，六。"),
    ("IP地址192.168.1.1。", "I P地址幺九二点幺六八点幺点幺。"),
    ("服务器地址10.0.0.254。", "服务器地址幺零点零点零点二五四。"),
    ("航班号CA1234。", "航班号C A幺二三四。"),
    ("乘坐K1234次列车。", "乘坐K幺二三四次列车。"),
    ("乘坐Z99次列车返京。", "乘坐Z九九次列车返京。"),
    ("一辆粤B D12345新能源车。", "一辆粤B D幺二三四五新能源车。"),
    # a version keeps its dots as 点
    ("版本号v2.3.1。", "版本号v二点三点一。"),
    ("更新到2.0.1版。", "更新到二点零点一版。"),
]

# Model names. Three digits straight after one or two capitals are a model, a road or an
# aircraft, digit by digit (before: A380 → A三百八十, G318国道 → G三百一十八); a round hundred is
# counted (H100 → H一百). A military name's hyphen is no minus (before: 歼-20 → 歼负二十). A
# capital S after a number is a letter (before: 4S店 → 四秒店, 麒麟9000S → 九千秒).
MODELS = [
    ("空客A380退役。", "空客A三八零退役。"),
    ("空客A350。", "空客A三五零。"),
    ("国产大飞机C919首飞。", "国产大飞机C九幺九首飞。"),
    ("G318国道。", "G三幺八国道。"),
    ("S310省道。", "S三幺零省道。"),
    ("英伟达H100芯片。", "英伟达H一百芯片。"),
    ("A100和H800芯片。", "A一百和H八百芯片。"),
    ("波音737 MAX停飞。", "波音七三七M A X停飞。"),
    ("波音公司裁员1000人。", "波音公司裁员一千人。"),
    ("歼-20战机亮相。", "歼二十战机亮相。"),
    ("运-20运输机。", "运二十运输机。"),
    ("东风-41导弹。", "东风四十一导弹。"),
    ("红旗-9防空导弹。", "红旗九防空导弹。"),
    ("气温一直-5℃。", "气温一直零下五摄氏度。"),
    ("4S店。", "四S店。"),
    ("麒麟9000S芯片。", "麒麟九千S芯片。"),
    ("N95口罩。", "N九五口罩。"),
    ("KN95口罩。", "K N九五口罩。"),
    ("苹果发布iPhone 15 Pro。", "苹果发布i Phone十五Pro。"),
    ("GPT-4o正式上线。", "G P T四O正式上线。"),
    ("搭载M2芯片的MacBook Air。", "搭载M二芯片的Mac Book Air。"),
    ("华为Mate 60 Pro开售。", "华为Mate六十Pro开售。"),
    ("特斯拉Model 3降价。", "特斯拉Model三降价。"),
    ("G20峰会。", "G二十峰会。"),
    ("A4纸。", "A四纸。"),
    ("USB 3.0接口。", "U S B三点零接口。"),
    ("A股300只个股上涨。", "A股三百只个股上涨。"),
]

# Scores. A clock-like pair after 比分 anywhere in its clause is a score (before: 比分定格在24:22
# → 二十四点二十二分); a series of results joined by 、 shares its reading (before: 以6-4、6-3取胜
# → 六杠四、六比三); 1:2:3 is a ratio of three (before: 一：二：三).
SCORES = [
    ("比分定格在24:22。", "比分定格在二十四比二十二。"),
    ("总比分定格在3:2。", "总比分定格在三比二。"),
    ("终场比分为90:88。", "终场比分为九十比八十八。"),
    ("上半场比分1:1。", "上半场比分一比一。"),
    ("网球比赛中他以6-4、6-3取胜。", "网球比赛中他以六比四、六比三取胜。"),
    ("以3-0、3-1连胜两场。", "以三比零、三比一连胜两场。"),
    ("中国队2比0战胜日本队。", "中国队二比零战胜日本队。"),
    ("比赛以3:1结束。", "比赛以三比一结束。"),
    ("皇马2:0巴萨。", "皇马二比零巴萨。"),
    ("点球大战中4-3胜出。", "点球大战中四比三胜出。"),
    ("两队战成1比1平。", "两队战成一比一平。"),
    ("水泥、沙、石按1:2:3的比例。", "水泥、沙、石按一比二比三的比例。"),
    ("系统在21:05:30重启。", "系统在二十一点零五分三十秒重启。"),
    # a clock time stays one without 比分
    ("发布会于19:30开始，比赛在20:00。", "发布会于十九点三十分开始，比赛在二十点整。"),
]

# Clock times; a 整 the page writes is said once (before: 12:00整 → 十二点整整).
TIMES = [
    ("12:00整。", "十二点整。"),
    ("会议时间10:00整开始。", "会议时间十点整开始。"),
    ("请于17:00前提交。", "请于十七点整前提交。"),
    ("每天9:30开门。", "每天九点三十分开门。"),
    ("晚8点开播。", "晚八点开播。"),
    ("截至23时59分。", "截至二十三时五十九分。"),
    ("早上7点05分。", "早上七点零五分。"),
    ("凌晨00:30。", "凌晨零点三十分。"),
    ("下午3:00-5:00。", "下午三点整到五点整。"),
    ("每周一至周五9:00—18:00营业。", "每周一至周五九点整到十八点整营业。"),
    ("0时起实施。", "零时起实施。"),
    ("夜市营业时间20:00—次日2:00。", "夜市营业时间二十点整到次日两点整。"),
    ("上午8:30—11:30，下午2:00—5:30。", "上午八点三十分到十一点三十分，下午两点整到五点三十分。"),
]

# Ranges and temperatures; a minus before 度 is below zero too (before: -18度 → 负十八度).
RANGES = [
    ("冰箱冷冻室-18度。", "冰箱冷冻室零下十八度。"),
    ("夜间最低气温降至-7度左右。", "夜间最低气温降至零下七度左右。"),
    ("机械臂转了-90°。", "机械臂转了负九十度。"),  # an angle, no temperature word: 负
    ("最低气温-12°C。", "最低气温零下十二摄氏度。"),
    ("气温-3~5℃。", "气温零下三到五摄氏度。"),
    ("体温37.5℃。", "体温三十七点五摄氏度。"),
    ("人体正常体温约为98.6°F。", "人体正常体温约为九十八点六华氏度。"),
    ("每年3-4月。", "每年三到四月。"),
    ("2-3个月。", "两到三个月。"),
    ("0-6岁儿童。", "零到六岁儿童。"),
    ("200-300毫升。", "两百到三百毫升。"),
    ("1.5-2米。", "一点五到两米。"),
    ("10万~20万元。", "十万到二十万元。"),
    ("第3-5名。", "第三到五名。"),
    ("下跌0.5-1个百分点。", "下跌零点五到一个百分点。"),
]

# Fractions, decimals and money. A fraction's denominator is never 两 (before: 100/200 →
# 两百分之一百); a price's trailing zeros are not said (before: 3.00元 → 三点零零元).
FRACTIONS = [
    ("100/200。", "二百分之一百。"),
    ("第12/13届全运会。", "第十二、十三届全运会。"),
    ("约有2/200的样本。", "约有二百分之二的样本。"),
    ("售价3.00元。", "售价三元。"),
    ("售价12.80元。", "售价十二点八元。"),
    ("售价1.50元。", "售价一点五元。"),
    ("每千克8.00元，共计1,200.00元。", "每千克八元，共计一千二百元。"),
    ("售价¥9.90。", "售价九点九元。"),
    ("每股派息0.50港元。", "每股派息零点五港元。"),
    ("价格$99.99。", "价格九十九点九九美元。"),
    ("1/10的面积。", "十分之一的面积。"),
    ("3‰的出生率。", "千分之三的出生率。"),
    ("千分之三的概率。", "千分之三的概率。"),
    ("打5.5折。", "打五点五折。"),
    ("10.01米。", "十点零一米。"),
]

# Ordinals and Latin words: capitals said as a word where Chinese says one (before: TOP10 →
# T O P十, UP主 → U P主), English titles in full (before: Mr. Smith → M R. Smith), letters
# between dots spelt without the dots (before: U.S. reached the voice as written), and the
# organisations a newsreader names in Chinese (before: FIFA → F I F A).
LATIN = [
    ("TOP10榜单。", "Top十榜单。"),
    ("全球TOP 3。", "全球Top三。"),
    ("B站UP主。", "B站up主。"),
    ("Mr. Smith表示。", "Mister Smith表示。"),
    ("Dr. Li发言。", "Doctor Li发言。"),
    ("U.S.经济。", "U S经济。"),
    ("U.K.脱欧。", "U K脱欧。"),
    ("Ph.D.学位。", "P H D学位。"),
    ("FIFA宣布。", "国际足联宣布。"),
    ("NASA发布消息。", "美国航天局发布消息。"),
    ("WHO发布报告。", "世卫组织发布报告。"),
    ("第1名。", "第一名。"),
    ("排名第2。", "排名第二。"),
    ("No.1的位置。", "第一的位置。"),
    ("AI和CEO。", "A I和C E O。"),
    ("下载App。", "下载App。"),
    ("做PPT和KPI。", "做P P T和K P I。"),
    ("iPad和iOS。", "i Pad和i O S。"),
    ("H&M门店。", "H和M门店。"),
    ("U盘和T恤。", "U盘和T恤。"),
    ("支持Wi-Fi 6E。", "支持Wi Fi六E。"),
    ("B2B和B2C。", "B to B和B to C。"),  # (said with "to" since the eighth sweep: business to business)
]

# Emoji and signs. What an emoji is built of besides its picture (a variation selector, the
# joiner of a family, a keycap's frame) and reference marks are dropped (before: U+FE0F, U+200D,
# ※, § reached the voice); arrows read 到, 上升, 下降; an angle's ′ ″ read 分 秒; full-width
# signs read as their ASCII twins (before: ＄100 → ＄一百, ＃话题＃ passed on).
SIGNS = [
    ("我爱你❤️。", "我爱你。"),
    ("全家福👨‍👩‍👧很温馨。", "全家福很温馨。"),
    ("1️⃣先报名。", "一先报名。"),
    ("点赞👍🏻。", "点赞。"),
    ("中国🇨🇳加油。", "中国加油。"),
    ("5星好评★★★★★。", "五星好评。"),
    ("※注意事项。", "注意事项。"),
    ("第一章§3。", "第一章三。"),
    ("北京→上海。", "北京到上海。"),
    ("价格从100元→80元。", "价格从一百元到八十元。"),
    ("成本↑，利润↓。", "成本上升，利润下降。"),
    ("→点击这里报名。", "点击这里报名。"),
    ("价格↑5%。", "价格上升百分之五。"),
    ("销量↓3%。", "销量下降百分之三。"),
    ("东经116°23′17″。", "东经一百一十六度二十三分十七秒。"),
    ("北纬39°54′。", "北纬三十九度五十四分。"),
    ("＄100的礼品卡。", "一百美元的礼品卡。"),
    ("＃话题＃。", "话题。"),
    ("＠小明。", "小明。"),
    ("＊重要。", "重要。"),
    ("文号为国发〔2024〕5号。", "文号为国发二零二四年五号。"),
    ("温度≈25℃。", "温度约等于二十五摄氏度。"),
]

# Addresses and English quotations.
WEB = [
    ("访问https://github.com/openai。", "访问github点com斜杠openai。"),
    ("邮箱：zhang.san@pku.edu.cn。", "邮箱：zhang点san艾特pku点edu点C N。"),
    ("请发送邮件至hr@abc-tech.com。", "请发送邮件至H R艾特abc杠tech点com。"),
    ("他说：“We will win.”", "他说：We will win."),
    ("乔布斯说过：“Stay hungry, stay foolish.”", "乔布斯说过：Stay hungry，stay foolish."),
    ("她说：“Don't panic!”", "她说：Don't panic！"),
    ("他用英语说“Thank you very much”。", "他用英语说Thank you very much。"),
]

ALL = HOTLINES + CODES + MODELS + SCORES + TIMES + RANGES + FRACTIONS + LATIN + SIGNS + WEB


@_table(HOTLINES, "hotline")
def test_hotlines_and_service_numbers(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(CODES, "code")
def test_codes_and_identifiers(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(MODELS, "model")
def test_model_names(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(SCORES, "score")
def test_scores_and_ratios(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(TIMES, "time")
def test_clock_times(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(RANGES, "range")
def test_ranges_and_temperatures(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(FRACTIONS, "fraction")
def test_fractions_decimals_and_prices(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(LATIN, "latin")
def test_latin_inside_chinese(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(SIGNS, "sign")
def test_emoji_and_signs(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(WEB, "web")
def test_addresses_and_english(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


def test_the_voice_gets_no_sign_and_no_invisible_character(rules) -> None:
    """Whatever a phrase of this sweep holds, the voice gets words: no digit, no sign an engine
    would name or skip unpredictably, no emoji's building block."""
    for text, _ in ALL:
        spoken = speak(text, rules)
        left = {c for c in spoken if unicodedata.category(c) in ("Sm", "So", "Sk", "Cf", "Mn", "Me")}
        left |= set(spoken) & set("0123456789%‰℃°′″※§→/\\+=<>@#＃＠＄＊｜")
        assert not left, (text, spoken, left)


# ── caption timing of a long cue ─────────────────────────────────────────────────────────────
# eSpeak gives a word anchor for every character it reads, and the caption breaker asks when
# every break point of a cue is spoken, for every cue it tries (some 34 per point): each answer
# scanned all the anchors, and the sentence and alignment tables, so one long answer's captions
# cost its length squared (a 6,000-character answer: about a minute). These count the work.


class _Counted(list):
    """A list that counts the items read from it (a scan reads them all, a bisection a few)."""

    reads = 0

    def __getitem__(self, index):  # type: ignore[override]
        _Counted.reads += 1
        return super().__getitem__(index)

    def __iter__(self):
        for index in range(len(self)):
            yield self[index]


def test_a_time_is_found_among_many_anchors_by_bisection() -> None:
    from pipeline.audio.engine import time_at

    anchors = _Counted((offset, offset * 0.2) for offset in range(20_000))
    _Counted.reads = 0
    times = [time_at(anchors, 20_000, 4_000.0, offset + 0.5) for offset in range(0, 20_000, 97)]
    assert times == sorted(times) and abs(times[10] - (970.5 * 0.2)) < 1e-9  # still exact between anchors
    assert _Counted.reads / len(times) < 40, f"{_Counted.reads / len(times):.0f} anchors read per time"


def test_a_long_cue_asks_each_offset_once(monkeypatch) -> None:
    from pipeline.audio import captions
    from pipeline.audio.engine import VoiceSpec
    from pipeline.audio.plan import Cue
    from pipeline.audio.timeline import Placement

    shown = "我们在夜里读书，灯光很安静，2024年的冬天特别冷。"
    spoken = speak(shown, load_rules({}))
    count = 12
    length = len(spoken) * count
    cue = Cue(role="speaker", who="苏雯", voice=VoiceSpec("espeak", "", 50, 175), shown=(shown,) * count,
              spoken=(spoken,) * count, pause=0.5)
    placed = Placement(cue=cue, segment_key="k", start=0, length=int(length * 0.2 * 22050),
                       marks=tuple(i * 0.2 * len(spoken) for i in range(count)),
                       anchors=tuple((offset, offset * 0.2) for offset in range(length)))
    asked: list[float] = []
    timed = captions.time_at

    def counting(*args):
        asked.append(args[-1])
        return timed(*args)

    monkeypatch.setattr(captions, "time_at", counting)
    cues = captions.placement_captions(placed, 22050, 0)
    assert "".join("".join(c.lines) for c in cues) == (shown * count).replace(" ", "")
    assert all(a.end <= b.start + 1e-9 for a, b in zip(cues, cues[1:]))
    # one question per printed offset at most (before: ~70 per offset, each a scan of all anchors)
    assert len(asked) <= len(shown) * count + 1, f"{len(asked)} times asked for {len(shown) * count} characters"
