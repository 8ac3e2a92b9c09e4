"""What listeners hear: the eighth sweep of news copy read as a Mandarin newsreader reads it.

Each phrase was written for this sweep as a newsroom prints it (Roman numerals after a name,
two-digit years and half-years, month/day dates against fractions, ratios with decimals, choices of
one unit, user names and service numbers, …) and its reading judged by hand; a table per class, so
that a hidden title with another phrase of the same class is read the same way. The comment above
each table says what the voice got before this sweep. Pass-level only: `speak` on a sentence.
"""

from __future__ import annotations

import pytest

from pipeline.passes.speech import load_rules, speak


@pytest.fixture(scope="module")
def rules():
    return load_rules({})


# A Roman numeral after a capitalised Latin word is a number, and a reign's after a monarch's name
# (`[figures] regnal_names`); before, every one was spelt (Louis X I V, World War I I).
ROMAN = [
    ('Louis XIV时期的宫殿。', 'Louis十四世时期的宫殿。'),
    ('Henry VIII有六任妻子。', 'Henry八世有六任妻子。'),
    ('Queen Elizabeth II去世。', 'Queen Elizabeth二世去世。'),
    ('King Charles III加冕。', 'King Charles三世加冕。'),
    ('Pope Benedict XVI退位。', 'Pope Benedict十六世退位。'),
    ('World War II结束。', 'World War二结束。'),
    ('Final Fantasy XIV上线。', 'Final Fantasy十四上线。'),
    ('Apollo XI登月。', 'Apollo十一登月。'),
    ('Size XL码。', 'Size X L码。'),
]

# Two-digit years where what follows shows a year (`short_year_after`), seasons of two, and
# half-years (`[ordinals.halves]`); before: 二十四年底, 二十五分之二十四赛季, 二零二四H幺.
YEARS = [
    ('24年3月发布。', '二四年三月发布。'),
    ('24年底完成。', '二四年底完成。'),
    ('预计25年上半年上市。', '预计二五年上半年上市。'),
    ('23年全年营收增长。', '二三年全年营收增长。'),
    ('24/25赛季。', '二四到二五赛季。'),
    ('工作了24年。', '工作了二十四年。'),
    ('有24年历史。', '有二十四年历史。'),
    ('2024H1营收增长。', '二零二四年上半年营收增长。'),
    ('2024年H2的目标。', '二零二四年下半年的目标。'),
    ('24H1净利润。', '二四年上半年净利润。'),
    ('今年H1营收。', '今年上半年营收。'),
    ('H2业绩承压。', '下半年业绩承压。'),
    # (the twelfth sweep: a pause between the model's number and the release's code)
    ('Windows 11 24H2更新。', 'Windows十一，二四H二更新。'),
    ("'24年。", '二四年。'),
    # AM/PM where the part of the day is written already (before: 下午下午三点整, 晚上下午八点)
    ('下午3:00PM。', '下午三点整。'),
    ('晚上8 PM。', '晚上八点。'),
    ('9:30 PM开始。', '下午九点三十分开始。'),
    # (the twelfth sweep: a subtype's numbers are counted, 一, as newsreaders say them: README)
    ('H1N1流感。', 'H一N一流感。'),
]

# A month and a day with a slash: a date where the words next to it say so (`date_before`,
# `date_after`), else a fraction; before, every one was a fraction (于五分之三举行).
DATES = [
    ('于3/5举行。', '于三月五日举行。'),
    ('3/5（周三）开学。', '三月五日，周三，开学。'),
    ('12/25圣诞节。', '十二月二十五日圣诞节。'),
    ('活动截至6/30。', '活动截至六月三十日。'),
    ('新规10/1起生效。', '新规十月一日起生效。'),
    ('他答对了3/5的题目。', '他答对了五分之三的题目。'),
    ('约3/5的人。', '约五分之三的人。'),
    ('2024/3/5发布。', '二零二四年三月五日发布。'),
    ('第12/13届。', '第十二、十三届。'),
    # a range of two (one month's days, or said so by its words), a day 1, a range of fractions
    # (before: 五分之三杠七分之三, 一分之三, 三分之一杠二分之一)
    ('展会3/5-3/7举行。', '展会三月五日到三月七日举行。'),
    ('报名时间：3/1-3/15。', '报名时间：三月一日到三月十五日。'),
    ('3/5~3/10开放。', '三月五日到三月十日开放。'),
    ('3/1起实施。', '三月一日起实施。'),
    ('1/3-1/2的人。', '三分之一到二分之一的人。'),
]

# A flat's number after its building, digit by digit (before: 二单元一千五百零二).
ADDRESSES = [
    ('朝阳区建国路88号院3号楼2单元1502。', '朝阳区建国路八十八号院三号楼二单元幺五零二。'),
    ('5楼501。', '五楼五零幺。'),
    ('3栋1203。', '三栋幺二零三。'),
    ('楼高300米。', '楼高三百米。'),
    ('大楼1000多人。', '大楼一千多人。'),
    ('这栋楼100户。', '这栋楼一百户。'),
]

# A ratio with a decimal (before: 一：一点五, the colon reaching the voice); a duration's fraction
# of a second stays a duration.
RATIOS = [
    ('赔率为1:1.5。', '赔率为一比一点五。'),
    ('黄金分割1:0.618。', '黄金分割一比零点六一八。'),
    ('配比2.5:1。', '配比二点五比一。'),
    ('游出1:44.65的成绩。', '游出一分四十四秒六五的成绩。'),
    ('地图比例尺1:1000。', '地图比例尺一比一千。'),
]

# Two choices of one unit are no rate (before: 四G每五G, 八G B每十六G B).
CHOICES = [
    ('4G/5G双模。', '四G、五G双模。'),
    ('内存8GB/16GB可选。', '内存八G B、十六G B可选。'),
    ('续航10h/20h。', '续航十小时、二十小时。'),
    ('网速100MB/s。', '网速一百M B每秒。'),
    ('油耗6.5L/100km。', '油耗六点五升每一百公里。'),
]

# User names after a handle word (`handle_words`) read as typed, and numbers after service and
# group words digit by digit with 幺 (`code_words`); before: abc一二三, abc.一百二十三, 急救一百二十,
# 详询九万五千五百八十八, Q Q群一亿二千….
HANDLES = [
    ('微信号abc_123。', '微信号A B C下划线幺二三。'),
    ('添加微信号zhang_san88咨询。', '添加微信号zhang下划线san八八咨询。'),
    ('ID：user_2024。', 'I D：user下划线二零二四。'),
    ('抖音号：abc.123。', '抖音号：A B C点幺二三。'),
    ('用户名admin123。', '用户名admin幺二三。'),
    ('微信8.0.50版本。', '微信八点零点五十版本。'),
    ('加入QQ群：123456789。', '加入Q Q群：幺二三四五六七八九。'),
    ('粉丝群号：987654321。', '粉丝群号：九八七六五四三二幺。'),
    ('报警请打110，急救120。', '报警请打幺幺零，急救幺二零。'),
    ('详询95588。', '详询九五五八八。'),
    ('他打了110杆。', '他打了一百一十杆。'),
    ('咨询100人。', '咨询一百人。'),
]

# The number a keyword is sent to (`send_words`), an extension after 转, and a model's variant after
# its code word; before: 一万零八十六, 转八千零一, 七八七，九 (a pause where the page has none).
SENT = [
    ('发送"TD"至10086退订。', '发送T D至幺零零八六退订。'),
    ('编辑短信"CXLL"发送到10010查询。', '编辑短信C X L L发送到幺零零幺零查询。'),
    ('回复"1"到12345。', '回复一到幺二三四五。'),
    ('发送红包至100人。', '发送红包至一百人。'),
    ('咨询热线010-12345678转8001。', '咨询热线零幺零，幺二三四五六七八转八零零幺。'),
    ('请拨打（010）6512 3456转123。', '请拨打零幺零，六五幺二，三四五六转幺二三。'),
    ('波音787-9客机。', '波音七八七杠九客机。'),
    ('波音737-800。', '波音七三七杠八零零。'),
    ('请拨打400-800-8888。', '请拨打四零零，八零零，八八八八。'),
    # a country code in brackets (before: 加八十六，一百三十八零零一三八千), a landline after 固话
    ('电话：(+86) 138 0013 8000。', '电话：加八六，幺三八，零零幺三，八零零零。'),
    ('(+1) 212 555 0100。', '加幺，二幺二，五五五，零幺零零。'),
    ('固话88888888。', '固话八八八八八八八八。'),
]

# Thousands apart by spaces (before: 十二三百四十五人, two numbers); a telephone's groups stay apart.
SPACED = [
    ('12 345人。', '一万二千三百四十五人。'),
    ('共有1 234 567人参加。', '共有一百二十三万四千五百六十七人参加。'),
    ('人口1 412 000 000。', '人口十四亿一千二百万。'),
    ('营收3\u2009500万元。', '营收三千五百万元。'),
    ('客服热线：400 820 8820。', '客服热线：四零零，八二零，八八二零。'),
    ('他的手机是+86 138 0013 8000。', '他的手机是加八六，幺三八，零零幺三，八零零零。'),
]

# A variant's capitals, dot and numbers (before: B A.五, the dot reaching the voice).
VARIANTS = [
    ('新冠病毒Omicron BA.5。', '新冠病毒Omicron B A点五。'),
    ('XBB.1.5变异株。', 'X B B点一点五变异株。'),
    ('JN.1成为主流。', 'J N点一成为主流。'),
    ('排名NO.1。', '排名第一。'),
    ('见P.12。', '见第十二页。'),
]

# A rating's stars counted (before: dropped, 评分：★★★☆☆ heard as 评分), and a list's enclosed
# numbers as items (before: 一报名二缴费, one run of words).
MARKS = [
    ('评分：★★★☆☆。', '评分：三星。'),
    ('⭐⭐⭐⭐推荐。', '四星推荐。'),
    ('★★★★★五星好评。', '五星好评。'),
    ('5星好评★★★★★。', '五星好评。'),
    ('★重点。', '重点。'),
    ('①报名②缴费③考试。', '一、报名，二、缴费，三、考试。'),
    ('流程：① 报名；② 缴费；③ 考试。', '流程：一、报名；二、缴费；三、考试。'),
    ('❶开机❷设置。', '一、开机，二、设置。'),
    ('见注①。', '见注一。'),
]

# Model sizes after a version (a pause: Llama三点一四千零五十亿 was heard as one number) and experts
# times a size (before: 八X七B); a Latin x between numbers is a times sign (before: 幺九二零X幺零八零).
SIZES = [
    ('Llama 3.1 405B模型发布。', 'Llama三点一，四千零五十亿模型发布。'),
    ('Mixtral 8x7B模型。', 'Mixtral八乘七十亿模型。'),
    ('Mixtral 8×22B开源。', 'Mixtral八乘两百二十亿开源。'),
    ('该模型参数为28B。', '该模型参数为两百八十亿。'),
    ('分辨率1920x1080。', '分辨率一千九百二十乘一千零八十。'),
    ('尺寸3x4米。', '尺寸三乘四米。'),
    ('增长3x。', '增长三倍。'),
    ('日经225指数下跌。', '日经二二五指数下跌。'),
]

# Numbers in an English title in title case said in English (`[english] function_words`; before:
# Top十 … 二零二三); a product's name stays Mandarin.
TITLES = [
    ('The Top 10 Movies Of 2023。', 'The Top ten Movies Of twenty twenty three。'),
    ('《The Legend Of Zelda 2》。', 'The Legend Of Zelda two。'),
    ('A Day In 1999。', 'A Day In nineteen ninety nine。'),
    ('iPhone 15 Pro Max售价9999元。', 'i Phone十五Pro Max售价九千九百九十九元。'),
    ('Windows 11 Pro。', 'Windows十一Pro。'),
    # English number words in capitals, and a name in capitals holding one (before: spelt, T W E N T Y)
    ('TWENTY ONE PILOTS乐队。', 'Twenty One Pilots乐队。'),
    ('ONE PIECE动画。', 'One Piece动画。'),
    ('TOP TEN。', 'Top Ten。'),
    ('CCTV NEWS。', 'C C T V N E W S。'),
    ('AIGC。', 'A I G C。'),
]

# Sports: a race's time next to its word is a duration (before: 用时四十五比三十, 马拉松两点零五分),
# hundredths after 秒 digit by digit, a record's and a medal tally's 两, a season's record a score.
SPORTS = [
    ('他跑了10公里，用时45:30。', '他跑了十公里，用时四十五分三十秒。'),
    ('全程马拉松2:05:30。', '全程马拉松两小时零五分三十秒。'),
    ('配速4:30。', '配速四分三十秒。'),
    ('马拉松比赛将于7:30开始。', '马拉松比赛将于七点三十分开始。'),
    ('男女比例45:55。', '男女比例四十五比五十五。'),
    ('百米9秒58。', '百米九秒五八。'),
    ('8胜2负。', '八胜两负。'),
    ('获得3金2银1铜。', '获得三金两银一铜。'),
    ('3胜2平1负。', '三胜两平一负。'),
    ('第2胜。', '第二胜。'),
    ('2元2角。', '两元两角。'),  # (before: 二角)
    ('战绩10-2。', '战绩十比二。'),
    ('318国道。', '三幺八国道。'),
]

# Ranges whose numbers carry letters (before: the mark dropped, 十五K二十五K, or said, A一-A三), a
# duration as a chain of Latin units (before: 幺H三零M I N, spelt as a code), 翻两番.
LATIN_RANGES = [
    ('月薪15k-25k。', '月薪十五K到二十五K。'),
    ('月薪10w~20w。', '月薪十万到二十万。'),
    ('内存8GB-16GB。', '内存八G B到十六G B。'),
    ('A1-A3展区。', 'A一到A三展区。'),
    ('T3-T5航站楼。', 'T三到T五航站楼。'),
    ('B2-5号。', 'B二到五号。'),
    ('空客A350-900。', '空客A三五零杠九零零。'),
    ('1h30min。', '一小时三十分。'),
    ('3m20s。', '三分二十秒。'),
    ('2h15m。', '两小时十五分。'),
    ('跑了5km。', '跑了五公里。'),
    ('翻了2番。', '翻了两番。'),
]

# Marks the ear was not given: a diagonal arrow between two figures (before: dropped,
# 二十五摄氏度三十摄氏度), a label in 【】 (before: no pause, 通知请于), a language's sign (before: C#
# read C, another language), .NET's dot, a fiscal year of two digits (before: F Y二十四).
MARKS_AND_NAMES = [
    ('温度：25℃↗30℃。', '温度：二十五摄氏度到三十摄氏度。'),
    ('【通知】请于3月5日前提交。', '通知，请于三月五日前提交。'),
    ('C#开发。', 'C sharp开发。'),
    ('.NET框架。', '点net框架。'),
    ('O2O模式。', 'O to O模式。'),  # (before: O二O; business models say their 2 as "to")
    ('P2P网贷。', 'P to P网贷。'),
    ('H2O。', 'H二O。'),
    ('阿里巴巴FY24营收9411.68亿元。', '阿里巴巴二四财年营收九千四百一十一点六八亿元。'),
    ('FY2024营收。', '二零二四财年营收。'),
]

# A processor's number: a capital after four digits is no folded unit, and five digits and K no model
# size (before: 七千九百五十倍, 一千四百七十万); 第1st says 第 once (before: 第第一).
PROCESSORS = [
    ('Ryzen 9 7950X。', 'Ryzen九七九五零X。'),
    ('Core i7-14700K。', 'Core i七一四七零零K。'),
    ('100X变焦。', '一百倍变焦。'),
    ('功率1000W。', '功率一千瓦。'),
    ('麒麟9000S。', '麒麟九千S。'),
    ('他是第1st。', '他是第一。'),
    # a chip's Chinese name before its model (`model_words`; before: 九千三百, 八百八十八)
    ('天玑9300。', '天玑九三零零。'),
    ('骁龙888。', '骁龙八八八。'),
    ('昇腾910B。', '昇腾九一零B。'),
    ('麒麟9000。', '麒麟九千。'),
]

# Codes: a list of trains shares its reading (before: the first with 一), a code word holding a digit
# (后4位; before: 一千二百三十四, and the word's own 4 taken for the figure's), a code's dash said
# (before: the sign reached the voice).
CODES = [
    ('G1234/G1235次列车。', 'G幺二三四、G幺二三五次列车。'),
    ('身份证后4位1234。', '身份证后四位幺二三四。'),
    ('合同编号HT-2024-001。', '合同编号H T二零二四杠零零一。'),
    ('D301次动车。', 'D三零幺次动车。'),
    ('浙A-12345。', '浙A幺二三四五。'),  # (before: 一二三四五, as a model number)
    ('新能源车牌沪AD·12345。', '新能源车牌沪A D幺二三四五。'),
]


@pytest.mark.parametrize(("written", "said"), CODES + PROCESSORS + ADDRESSES + MARKS_AND_NAMES + LATIN_RANGES + SPORTS + SIZES + TITLES + ROMAN + YEARS + DATES + RATIOS + CHOICES + HANDLES + SENT + SPACED
                         + VARIANTS + MARKS)
def test_newsreader_reads(rules, written, said):
    assert speak(written, rules) == said
