"""News copy read as a Mandarin newsreader reads it: the fifth sweep.

Each phrase was written for this file as a newsroom prints it (news, finance, sport, science,
tech, health), and each reading was written by hand, from broadcast usage, before the pass was
run on it: a table per class of figure, so that a hidden title with another phrase of the same
class is read the same way. Where a reading was wrong before, the comment says what the voice got.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.passes.speech import load_rules, speak


@pytest.fixture(scope="module")
def rules():
    return load_rules({})


def _table(rows: list[tuple[str, str]], prefix: str):
    return pytest.mark.parametrize(("text", "spoken"), rows, ids=[f"{prefix}{n}" for n in range(len(rows))])


# The digit 1 of a figure read digit by digit is 幺, as newsreaders say it in telephone, room,
# flight and train numbers and codes; a count keeps 一 (before: 拨打一一零, 一二零三室 → 一千二百零三室,
# CA1831 → C A一千八百三十一).
YAO = [
    ("遇到警情请拨打110。", "遇到警情请拨打幺幺零。"),
    ("急救电话120，火警119。", "急救电话幺二零，火警幺幺九。"),
    ("他住在3号楼1203室。", "他住在三号楼幺二零三室。"),
    ("嫌疑人入住酒店房间1108。", "嫌疑人入住酒店房间幺幺零八。"),
    ("乘坐CA1831航班返京。", "乘坐C A幺八三幺航班返京。"),
    ("东航MU5735航班。", "东航M U五七三五航班。"),
    ("旅客改乘G101次列车。", "旅客改乘G幺零幺次列车。"),
    ("车次D3121晚点。", "车次D三幺二幺晚点。"),
    ("联系人手机13912345671。", "联系人手机幺三九幺二三四五六七幺。"),
    ("客服热线400-810-1234。", "客服热线四零零，八幺零，幺二三四。"),
    ("银行卡尾号1101。", "银行卡尾号幺幺零幺。"),
    ("咨询电话010-61234567。", "咨询电话零幺零，六幺二三四五六七。"),
    ("拨打+1 212 555 0111。", "拨打加幺，二幺二，五五五，零幺幺幺。"),
    ("登录www.163.com查看。", "登录W W W点幺六三点com查看。"),
    # counts keep 一
    ("全村共有110户。", "全村共有一百一十户。"),
    ("共出动警力1108人次。", "共出动警力一千一百零八人次。"),
    ("排名第11位。", "排名第十一位。"),
]

# Figures that are names or idioms, read as a whole (before: 24/7 → 七分之二十四, 7-11 → 七到十一).
FIGURE_NAMES = [
    ("提供24/7在线客服。", "提供全天候在线客服。"),
    ("医院急诊24/7开放。", "医院急诊全天候开放。"),
    ("街角新开了一家7-11便利店。", "街角新开了一家七十一便利店。"),
]

# Day and month written the foreign way around a four-digit year (before: 25/12/2024 →
# 十二分之二十五、二零二四; 30-06-2024 spelt as a telephone number). Where the order is plain
# (one side over 12, or both alike) the date is read in Chinese order; where it is not (05/03),
# the figures are read as written, with the marks said, so the listener keeps the page's doubt.
FOREIGN_DATES = [
    ("协议于25/12/2024生效。", "协议于二零二四年十二月二十五日生效。"),
    ("美方文件落款12/25/2024。", "美方文件落款二零二四年十二月二十五日。"),
    ("欧洲赛程：14.07.2024决赛。", "欧洲赛程：二零二四年七月十四日决赛。"),
    ("截止日期30-06-2025。", "截止日期二零二五年六月三十日。"),
    ("签证有效期至07/07/2026。", "签证有效期至二零二六年七月七日。"),
    ("票面日期05/03/2024。", "票面日期五斜杠三斜杠二零二四。"),
    ("报告日期3.4.2023。", "报告日期三点四点二零二三。"),
    # no day and month at all: left to the other rules
    ("比分25/25/2024。", "比分二十五、二十五、二零二四。"),
]

# A duration written like a clock (before: 用时3:45 → 用时三点四十五分).
DURATIONS = [
    ("他以2:03:11的成绩夺冠。", "他以两小时零三分十一秒的成绩夺冠。"),
    ("全程用时3:45。", "全程用时三分四十五秒。"),
    ("她跑了1:05:30，刷新个人最好成绩。", "她跑了一小时零五分三十秒，刷新个人最好成绩。"),
    ("决赛中他游出1:44.65。", "决赛中他游出一分四十四秒六五。"),
    ("影片时长2:15:00。", "影片时长两小时十五分。"),
    # a clock time stays a clock time, even with a duration word further off
    ("比赛于19:30开始。", "比赛于十九点三十分开始。"),
    ("比赛成绩将于19:30公布。", "比赛成绩将于十九点三十分公布。"),
    ("列车9:45发车，历时不到一小时。", "列车九点四十五分发车，历时不到一小时。"),
]

# A discount 满X-Y is 满X减Y (before: 满三百杠五十).
DISCOUNTS = [
    ("商场推出满300-50活动。", "商场推出满三百减五十活动。"),
    ("每满199-20，上不封顶。", "每满一百九十九减二十，上不封顶。"),
    ("跨店满200减30。", "跨店满两百减三十。"),
]

# Money in several currencies, with 亿/万 and English multipliers (bn, billion, m) turned into
# the Chinese units a newsreader says (before: US$3.5bn → 三点五美元B N).
MONEY = [
    ("贵州茅台市值达¥2.1万亿。", "贵州茅台市值达二点一万亿元。"),
    ("该公司完成US$3.5bn融资。", "该公司完成三十五亿美元融资。"),
    ("微软斥资US$68.7 billion收购动视暴雪。", "微软斥资六百八十七亿美元收购动视暴雪。"),
    ("软银亏损$32bn。", "软银亏损三百二十亿美元。"),
    ("该基金规模达$1.2 trillion。", "该基金规模达一点二万亿美元。"),
    ("这家初创公司估值$500m。", "这家初创公司估值五亿美元。"),
    ("球员转会费€120m。", "球员转会费一点二亿欧元。"),
    ("门票€20起。", "门票二十欧元起。"),
    ("伦敦房价中位数£285,000。", "伦敦房价中位数二十八万五千英镑。"),
    ("募资HK$12.8亿。", "募资十二点八亿港元。"),
    ("苹果市值突破3万亿美元。", "苹果市值突破三万亿美元。"),
    ("全年营收1.02万亿元。", "全年营收一点零二万亿元。"),
    ("一碗拉面1500日元。", "一碗拉面一千五百日元。"),
    ("股价收于$248.5。", "股价收于两百四十八点五美元。"),
    ("被罚款2亿欧元。", "被罚款两亿欧元。"),
    ("成交额1.5万亿元，较前日增加1200亿元。", "成交额一点五万亿元，较前日增加一千二百亿元。"),
    ("这笔交易价值$5B。", "这笔交易价值五十亿美元。"),
    ("公司获得USD 50 million投资。", "公司获得五千万美元投资。"),
    ("套餐售价RMB 680。", "套餐售价六百八十元。"),
    ("路透称亏损达$2.4 bln。", "路透称亏损达二十四亿美元。"),
    ("FY2024营收创新高。", "二零二四财年营收创新高。"),  # (the seventh sweep: a financial year, not F Y)
    ("美联储加息25bp。", "美联储加息二十五个基点。"),
]

# Negative numbers and changes.
CHANGES = [
    ("CPI同比-0.3%。", "C P I同比负百分之零点三。"),
    ("股价下跌3.2%。", "股价下跌百分之三点二。"),
    ("失业率下降0.5个百分点。", "失业率下降零点五个百分点。"),
    ("净利润同比-15.6%。", "净利润同比负百分之十五点六。"),
    ("最低气温-3.5℃。", "最低气温零下三点五摄氏度。"),
    ("经常账户余额为-230亿美元。", "经常账户余额为负两百三十亿美元。"),
    ("PPI环比下降0.2%。", "P P I环比下降百分之零点二。"),
    ("夜间气温-5至-15℃。", "夜间气温零下五至零下十五摄氏度。"),
]

# Fractions and ratios; a colon after a ratio word is a ratio even where it looks like a clock
# (before: 比例1:10 → 比例一点十分).
RATIOS = [
    ("约1/3的家庭。", "约三分之一的家庭。"),
    ("超过2/3的受访者。", "超过三分之二的受访者。"),
    ("主队以3:1战胜对手。", "主队以三比一战胜对手。"),
    ("中国女排以3∶0横扫对手。", "中国女排以三比零横扫对手。"),
    ("男女比例为52∶48。", "男女比例为五十二比四十八。"),
    ("男女比例为3:2。", "男女比例为三比二。"),
    ("按10:1的比例缩股。", "按十比一的比例缩股。"),
    ("新旧股比例1:10。", "新旧股比例一比十。"),
    ("水与水泥的配比为1:20。", "水与水泥的配比为一比二十。"),
    ("屏幕比例16:9。", "屏幕比例十六比九。"),
    ("调整比例的方案于9:30公布。", "调整比例的方案于九点三十分公布。"),
    ("国足无缘1/4决赛。", "国足无缘四分之一决赛。"),
    ("中签率0.05%。", "中签率百分之零点零五。"),
]

# Ordinals (before: Q3 → Q三).
ORDINALS = [
    ("第3季度营收增长。", "第三季度营收增长。"),
    ("2024年第2季度。", "二零二四年第二季度。"),
    ("他排名第1。", "他排名第一。"),
    ("女单世界No.2。", "女单世界第二。"),
    ("他在100m决赛中排名3rd。", "他在一百米决赛中排名第三。"),
    ("第15届全运会开幕。", "第十五届全运会开幕。"),
    ("公司Q3营收增长12%。", "公司第三季度营收增长百分之十二。"),
    ("Q1财报好于预期。", "第一季度财报好于预期。"),
    ("2023年Q4旺季。", "二零二三年第四季度旺季。"),
    ("2024Q2毛利率回升。", "二零二四年第二季度毛利率回升。"),
    ("Q1：你第一次听说Sora是什么时候？", "Q一：你第一次听说Sora是什么时候？"),
]

# Approximate figures.
APPROXIMATE = [
    ("约1.5万人参加。", "约一点五万人参加。"),
    ("10余家企业入驻。", "十余家企业入驻。"),
    ("数十家媒体到场。", "数十家媒体到场。"),
    ("近200人受伤。", "近两百人受伤。"),
    ("逾3000名志愿者。", "逾三千名志愿者。"),
    ("20多名学生。", "二十多名学生。"),
    ("100多万人次。", "一百多万人次。"),
    ("约3成受访者。", "约三成受访者。"),
    ("5万余人。", "五万余人。"),
    ("近2万名观众。", "近两万名观众。"),
]

# Codes: ISBN, identity and order numbers, number plates, stock codes (before: 600519 →
# 六十万零五百一十九).
CODES = [
    ("ISBN 978-7-02-008442-1。", "I S B N九七八，七，零二，零零八四四二，幺。"),
    ("车牌号京A·12345。", "车牌号京A幺二三四五。"),
    ("身份证号110101199003071234。", "身份证号幺幺零幺零幺幺九九零零三零七幺二三四。"),
    ("订单号2024031512345。", "订单号二零二四零三幺五幺二三四五。"),
    ("贵州茅台（600519）股价上涨。", "贵州茅台，六零零五幺九，股价上涨。"),
    ("腾讯控股（00700）回购股份。", "腾讯控股，零零七零零，回购股份。"),
    ("股票代码：000001。", "股票代码：零零零零零幺。"),
    ("证券代码300750。", "证券代码三零零七五零。"),
]

# Chemical formulas.
CHEMISTRY = [
    ("CO2排放量下降。", "二氧化碳排放量下降。"),
    ("大气中CO₂浓度创新高。", "大气中二氧化碳浓度创新高。"),
    ("SO2和NO2均达标。", "二氧化硫和二氧化氮均达标。"),
    ("PM2.5浓度下降。", "P M二点五浓度下降。"),
    ("PM10日均值。", "P M十日均值。"),
    ("O3成为首要污染物。", "臭氧成为首要污染物。"),
]

# Units.
UNITS = [
    ("最高时速达350 km/h。", "最高时速达三百五十公里每小时。"),
    ("铅含量0.01mg/L。", "铅含量零点零一毫克每升。"),
    ("每户每月耗电15kWh。", "每户每月耗电十五千瓦时。"),
    ("手机配备128GB存储。", "手机配备一百二十八G B存储。"),
    ("明天气温18~25℃。", "明天气温十八到二十五摄氏度。"),
    ("气温25℃~30℃。", "气温二十五摄氏度到三十摄氏度。"),
    ("最高气温35℃至37℃。", "最高气温三十五摄氏度至三十七摄氏度。"),
    ("体重降了5kg。", "体重降了五公斤。"),
    ("空腹血糖7.8mmol/L。", "空腹血糖七点八毫摩尔每升。"),
    ("电池容量5000mAh。", "电池容量五千毫安时。"),
    ("降雨量50mm。", "降雨量五十毫米。"),
    ("身高185cm。", "身高一百八十五厘米。"),
    ("每100g含蛋白质20g。", "每一百克含蛋白质二十克。"),
    ("5G基站超300万个。", "五G基站超三百万个。"),
    ("海拔8848.86米。", "海拔八千八百四十八点八六米。"),
    ("国土面积约960万km²。", "国土面积约九百六十万平方公里。"),
    ("光速约3×10⁸m/s。", "光速约三乘十的八次方米每秒。"),
    ("约有10^6个细胞。", "约有十的六次方个细胞。"),
    ("家庭宽带提速至1000Mbps。", "家庭宽带提速至一千兆比特每秒。"),
    ("全年发电量达8.9TWh。", "全年发电量达八点九太瓦时。"),
]

# Times with 上午/下午, time zones.
TIMES = [
    ("上午9:30开盘。", "上午九点三十分开盘。"),
    ("下午3点收盘。", "下午三点收盘。"),
    ("北京时间20:00开赛。", "北京时间二十点整开赛。"),
    ("当地时间下午2:15。", "当地时间下午两点十五分。"),
    ("纽约时间9:30 AM开盘。", "纽约时间上午九点三十分开盘。"),
    ("时区为UTC+8。", "时区为U T C加八。"),
    ("凌晨0:30发生地震。", "凌晨零点三十分发生地震。"),
    ("晚上10点45分。", "晚上十点四十五分。"),
    ("中午12:00发布。", "中午十二点整发布。"),
]

# Abbreviations: letter by letter, or by the word the table gives (OPEC is 欧佩克).
ABBREVIATIONS = [
    ("GDP增长5.2%。", "G D P增长百分之五点二。"),
    ("CEO辞职。", "C E O辞职。"),
    ("AI大模型。", "A I大模型。"),
    ("NBA总决赛。", "N B A总决赛。"),
    ("IPO募资。", "I P O募资。"),
    ("OPEC宣布减产。", "欧佩克宣布减产。"),
    ("NATO峰会。", "北约峰会。"),
]

# Roman numerals (before: II型 → I I型).
ROMAN = [
    ("《星球大战Ⅳ》重映。", "星球大战四重映。"),
    ("新药进入III期临床试验。", "新药进入三期临床试验。"),
    ("II型糖尿病患者。", "二型糖尿病患者。"),
    ("2型糖尿病患者。", "二型糖尿病患者。"),
    ("启动Ⅲ级应急响应。", "启动三级应急响应。"),
    ("进入第IV阶段。", "进入第四阶段。"),
    # letters stay letters: a shape, a class, a placeholder
    ("经济呈V型反弹。", "经济呈V型反弹。"),
    ("C类药品。", "C类药品。"),
    ("XX型号待定。", "X X型号待定。"),
]

# Years and decades.
DECADES = [
    ("90年代的流行歌曲。", "九十年代的流行歌曲。"),
    ("上世纪80年代。", "上世纪八十年代。"),
    ("2010年代的移动互联网。", "二零一零年代的移动互联网。"),
    ("1990年代出生。", "一九九零年代出生。"),
    ("1990s的音乐。", "一九九零年代的音乐。"),
    ("2024—2025赛季。", "二零二四到二零二五赛季。"),
]

# Ellipses and dashes.
MARKS = [
    ("他说……我们会回来。", "他说，我们会回来。"),
    ("答案是——不。", "答案是，不。"),
    ("他沉默了...", "他沉默了。"),
    ("重要的是……坚持。", "重要的是，坚持。"),
]

ALL = (YAO + FIGURE_NAMES + FOREIGN_DATES + DURATIONS + DISCOUNTS + MONEY + CHANGES + RATIOS + ORDINALS
       + APPROXIMATE + CODES + CHEMISTRY + UNITS + TIMES + ABBREVIATIONS + ROMAN + DECADES + MARKS)


@_table(YAO, "yao")
def test_one_is_yao_in_codes_never_in_counts(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(FIGURE_NAMES, "name")
def test_figures_that_are_names(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(FOREIGN_DATES, "fdate")
def test_day_and_month_around_a_year(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(DURATIONS, "duration")
def test_durations_written_like_a_clock(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(DISCOUNTS, "discount")
def test_discounts(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(MONEY, "money")
def test_money(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(CHANGES, "change")
def test_negative_numbers_and_changes(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(RATIOS, "ratio")
def test_fractions_and_ratios(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(ORDINALS, "ordinal")
def test_ordinals(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(APPROXIMATE, "approx")
def test_approximate_figures(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(CODES, "code")
def test_codes(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(CHEMISTRY, "chem")
def test_chemical_formulas(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(UNITS, "unit")
def test_units(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(TIMES, "time")
def test_times_and_time_zones(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(ABBREVIATIONS, "abbr")
def test_abbreviations(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(ROMAN, "roman")
def test_roman_numerals(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(DECADES, "decade")
def test_years_and_decades(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


@_table(MARKS, "mark")
def test_ellipses_and_dashes(rules, text: str, spoken: str) -> None:
    assert speak(text, rules) == spoken


def test_no_figure_or_sign_reaches_the_voice(rules) -> None:
    """Whatever a phrase holds, the voice gets words: no digit and no sign."""
    for text, _ in ALL:
        spoken = speak(text, rules)
        assert not set(spoken) & set("0123456789%‰℃°²³/\\:+=<>≥≤≠≈√±×÷@#~～$¥€£"), (text, spoken)


# Any mix of the new shapes: the reading never fails and never hands the voice a digit.
_PIECES = [*"0123456789", *"-/.:∶^ ", "满", "室", "次", "航班", "车次", "用时", "成绩", "比例", "第", "期", "型",
           "III", "IV", "Q", "US$", "€", "USD", "bn", "m", "billion", "京A", "（", "）", "24/7", "7-11", "2024",
           "CO2", "Mbps", "bp", "℃", "~"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25).map("".join))
@example("用时1:2:3.4")
@example("US$99999999999999999999bn")
@example("31/31/2024")
def test_any_mix_of_the_new_shapes_is_read_in_words(text: str) -> None:
    spoken = speak(text, load_rules({}))
    assert not set(spoken) & set("0123456789"), (text, spoken)
