"""What listeners hear: the thirteenth sweep of news copy read as a Mandarin newsreader reads it.

Each phrase was written by hand for this sweep as a newsroom prints it (sports results and
records, the stock market, legal citations, medicine doses, years and eras, ranges and ordinal
series, IDs and codes, e-mail and web addresses, check marks, stars and gestures, negative
numbers and temperatures, pressure and energy, versions, numbers inside English, clock hours in
时) and its reading judged by hand; a table per class, so that a hidden title with another phrase
of the same class is read the same way. Before this sweep: a flight's code without 航班 read its 1
as 一 (MU5101 → 五一零一), a Shanghai lane was counted (1088弄 → 一千零八十八弄), a tally inside
English was a pause (20/25 → twenty、twenty five) and 24/7 a fraction, Pa and kJ were letters, a
check mark was 根号 or nothing (打√ → 打根号, 打了✔的 → 打了的), one star after a rating was dropped
(4.5★ → 四点五), two shares apart by a colon kept it as a pause (58%:42%), a dynasty's years in
brackets were counted (618—907年 → 九百零七年), a run of wins was 二连胜, an ordinal series read 两
(第1、2名 → 第一、两名), 最终3-2 was 三杠二, a withheld name's ×× was 乘乘, and a port's colon was dropped.
"""

from __future__ import annotations

import pytest

from pipeline.passes.speech import load_rules, speak


@pytest.fixture(scope="module")
def rules():
    return load_rules({})


# Sports results and records: scores, times, runs of wins (2连胜 → 两连胜; before: 二连胜), 最终3-2 (before: 三杠二).
SPORTS = [
    ('主队最终以3:2逆转取胜。', '主队最终以三比二逆转取胜。'),
    ('中国女排3比1战胜日本队。', '中国女排三比一战胜日本队。'),
    ('苏炳添跑出9秒83的成绩。', '苏炳添跑出九秒八三的成绩。'),
    ('比赛进入第3节，湖人领先12分。', '比赛进入第三节，湖人领先十二分。'),
    ('第4节还剩2分30秒。', '第四节还剩两分三十秒。'),
    ('他在第89分钟破门，将比分改写为2-1。', '他在第八十九分钟破门，将比分改写为二比一。'),
    ('她以2小时18分12秒打破赛会纪录。', '她以两小时十八分十二秒打破赛会纪录。'),
    ('他在第18洞抓下小鸟，总成绩-12杆。', '他在第十八洞抓下小鸟，总成绩低于标准杆十二杆。'),
    ('比赛第2局，比分来到11:9。', '比赛第二局，比分来到十一比九。'),
    ('双方激战5盘，最终3-2。', '双方激战五盘，最终三比二。'),
    ('两队战成1-1。', '两队战成一比一。'),
    ('最终有3-5家企业入围。', '最终有三到五家企业入围。'),
    ('男子4×100米接力决赛。', '男子四乘一百米接力决赛。'),
    ('他本赛季场均28.5分、7.2个篮板。', '他本赛季场均二十八点五分、七点二个篮板。'),
    ('国足在世预赛中0:7惨败。', '国足在世预赛中零比七惨败。'),
    ('主场2连胜后客场1平1负。', '主场两连胜后客场一平一负。'),
    ('球队遭遇2连败。', '球队遭遇两连败。'),
    ('他实现了2连冠。', '他实现了两连冠。'),
    ('他跑出了10秒05。', '他跑出了十秒零五。'),
    ('控球率58%:42%。', '控球率百分之五十八比百分之四十二。'),
    ('支持率为48.5%：51.5%。', '支持率为百分之四十八点五比百分之五十一点五。'),
    ('勇士以4:2击败凯尔特人。', '勇士以四比二击败凯尔特人。'),
    ('他在1/8决赛中出局。', '他在八分之一决赛中出局。'),
    ('3000m障碍赛。', '三千米障碍赛。'),
    ('4×400m接力。', '四乘四百米接力。'),
    ('20km竞走。', '二十公里竞走。'),
    # (a series of results of two digits each shares the reading, and a set named right before its result;
    # before: 十九到二十一, 十六杠十四)
    ('比分为21-19、19-21、15-13。', '比分为二十一比十九、十九比二十一、十五比十三。'),
    ('三局比分分别为25-23、23-25、25-20。', '三局比分分别为二十五比二十三、二十三比二十五、二十五比二十。'),
    ('第4局16-14。', '第四局十六比十四。'),
    ('首盘6-4，第二盘3-6。', '首盘六比四，第二盘三比六。'),
    ('大盘3000-3100点震荡。', '大盘三千到三千一百点震荡。'),
    ('每盘5-10元。', '每盘五到十元。'),
    ('他跳出了8米95。', '他跳出了八米九五。'),
    ('他在第90+3分钟绝杀。', '他在第九十加三分钟绝杀。'),
    ('巴黎奥运会中国队获得40金27银24铜。', '巴黎奥运会中国队获得四十金二十七银二十四铜。'),
]

# The stock market and the economy: index points, shares, percentage points.
MARKETS = [
    ('沪指涨0.5%报3050.12点。', '沪指涨百分之零点五报三千零五十点一二点。'),
    ('深成指跌1.23%，报9876.54点。', '深成指跌百分之一点二三，报九千八百七十六点五四点。'),
    ('全天共有56只个股涨停。', '全天共有五十六只个股涨停。'),
    ('*ST海润被终止上市。', '星S T海润被终止上市。'),
    ('北向资金净流入35.6亿元。', '北向资金净流入三十五点六亿元。'),
    ('恒生指数收报16888.9点，涨312点。', '恒生指数收报一万六千八百八十八点九点，涨三百一十二点。'),
    ('沪深300指数报3500.25点。', '沪深三百指数报三千五百点二五点。'),
    ('该股2连板。', '该股两连板。'),
    ('该股市盈率为25.3倍。', '该股市盈率为二十五点三倍。'),
    ('两市成交额达1.2万亿元。', '两市成交额达一点二万亿元。'),
    ('同比增长-3.2%。', '同比增长负百分之三点二。'),
    ('CPI同比下降0.3%。', 'C P I同比下降百分之零点三。'),
    ('失业率下降2个百分点。', '失业率下降两个百分点。'),
    ('增速回落1.2个百分点至4.8%。', '增速回落一点二个百分点至百分之四点八。'),
    ('环比+2.3%。', '环比正百分之二点三。'),
    ('净利润同比增长123.45%。', '净利润同比增长百分之一百二十三点四五。'),
    ('PMI为49.5%，比上月下降0.3个百分点。', 'P M I为百分之四十九点五，比上月下降零点三个百分点。'),
    ('每股派息0.35元。', '每股派息零点三五元。'),
    ('个税起征点为5000元/月。', '个税起征点为五千元每月。'),
    ('票价为HK$350。', '票价为三百五十港元。'),
    # (a share per a span of time, the span first; before: 百分之三点八五、年, the slash a pause)
    ('利率为3.85%/年。', '利率为每年百分之三点八五。'),
    ('罚息0.05%/日。', '罚息每日百分之零点零五。'),
    ('增速5%/年左右。', '增速每年百分之五左右。'),
]

# Legal citations: a law's article and paragraph counted.
LAW = [
    ('根据《刑法》第232条，故意杀人的处死刑。', '根据刑法第二百三十二条，故意杀人的处死刑。'),
    ('《民法典》第1043条规定，家庭应当树立优良家风。', '民法典第一千零四十三条规定，家庭应当树立优良家风。'),
    ('根据第18条第2款的规定。', '根据第十八条第二款的规定。'),
    ('《劳动合同法》第47条第1款。', '劳动合同法第四十七条第一款。'),
    ('依据《道路交通安全法》第91条第2款。', '依据道路交通安全法第九十一条第二款。'),
    ('本条例自2024年1月1日起施行。', '本条例自二零二四年一月一日起施行。'),
]

# Medicine and food labels: doses, rates, energy (2000kJ → 两千千焦; before: 二零零零K J).
MEDICINE = [
    ('每日2次，每次0.5g。', '每日两次，每次零点五克。'),
    ('按10mg/kg体重给药。', '按十毫克每公斤体重给药。'),
    ('儿童每次5~10mg/kg。', '儿童每次五到十毫克每公斤。'),
    ('静脉滴注，每次250ml。', '静脉滴注，每次两百五十毫升。'),
    ('血糖7.8mmol/L。', '血糖七点八毫摩尔每升。'),
    ('心率120次/分。', '心率一百二十次每分钟。'),
    ('每日1～2次。', '每日一到两次。'),
    ('收缩压≥140mmHg。', '收缩压大于等于一百四十毫米汞柱。'),
    ('P<0.05，差异有统计学意义。', 'P小于零点零五，差异有统计学意义。'),
    ('每100g含蛋白质12.5g。', '每一百克含蛋白质十二点五克。'),
    ('能量2000kJ。', '能量两千千焦。'),
    ('每100克含热量350kcal。', '每一百克含热量三百五十千卡。'),
    ('动能为50J。', '动能为五十焦耳。'),
    # (international units; before: I U, spelt)
    ('每日补充800 IU维生素D。', '每日补充八百国际单位维生素D。'),
    ('布洛芬混悬液，每次5-10mg/kg，间隔4~6h。', '布洛芬混悬液，每次五到十毫克每公斤，间隔四到六小时。'),
    ('规格：10mg×30片/盒。', '规格：十毫克乘三十片每盒。'),
    ('血压150/95mmHg。', '血压一百五十比九十五毫米汞柱。'),
]

# Years and eras: two years of a range in brackets after a name, or after an era word, are years
# (唐朝（618—907年） → 六一八到九零七年; before: 九百零七年); a duration stays counted.
YEARS = [
    ('秦始皇于公元前221年统一六国。', '秦始皇于公元前二二一年统一六国。'),
    ('公元前221—前206年。', '公元前二二一到前二零六年。'),
    ('唐朝（618—907年）。', '唐朝，六一八到九零七年。'),
    ('东汉（25—220年）。', '东汉，二五到二二零年。'),
    ('北宋（960—1127年）。', '北宋，九六零到一一二七年。'),
    ('李白（701—762）。', '李白，七零一到七六二。'),
    ('唐代（618年—907年）。', '唐代，六一八年到九零七年。'),
    ('他（1920-2005年）是著名作家。', '他，一九二零到二零零五年，是著名作家。'),
    ('人数（10-20）。', '人数，十到二十。'),
    ('这项工程耗时100-200年。', '这项工程耗时一百到两百年。'),
    ('1990s的香港电影风靡一时。', '一九九零年代的香港电影风靡一时。'),
    ('2020—2025年规划纲要。', '二零二零到二零二五年规划纲要。'),
    ('“十四五”时期（2021—2025年）。', '十四五时期，二零二一到二零二五年。'),
    ('约公元前2000年。', '约公元前两千年。'),
    ('2023/24赛季。', '二零二三到二四赛季。'),
    # (each generation of a series, 80、90后 → 八零、九零后; before: 八十、九零后)
    ('80、90后。', '八零、九零后。'),
    ('70、80和90后。', '七零、八零和九零后。'),
    ('他有80、90个。', '他有八十、九十个。'),
]

# Ranges of numbers, shares and amounts.
RANGES = [
    ('他获得第1—3名。', '他获得第一到三名。'),
    ('3~5天后送达。', '三到五天后送达。'),
    ('预计投资5-10万元。', '预计投资五到十万元。'),
    ('预计投资5万-10万元。', '预计投资五万到十万元。'),
    ('年龄18-60周岁。', '年龄十八到六十周岁。'),
    ('第3~5章。', '第三到五章。'),
    ('10%-15%的增长。', '百分之十到百分之十五的增长。'),
    ('1.5-2倍。', '一点五到两倍。'),
    ('温度以20-25为宜。', '温度以二十到二十五为宜。'),
    ('降幅在2%~3%之间。', '降幅在百分之二到百分之三之间。'),
    ('单价20—30元/斤。', '单价二十到三十元每斤。'),
    ('年均增长3.5%~4%。', '年均增长百分之三点五到百分之四。'),
]

# Codes of letters and digits: a flight or a train read digit by digit with 幺 whatever the context (before:
# MU5101 → M U五一零一 without 航班), a Shanghai lane (1088弄 → 幺零八八弄; before: 一千零八十八弄), IDs and addresses.
CODES = [
    ('乘坐MU5101抵达北京。', '乘坐M U五幺零幺抵达北京。'),
    ('MU5101将于今晚起飞。', 'M U五幺零幺将于今晚起飞。'),
    ('受天气影响，HU7181取消。', '受天气影响，H U七幺八幺取消。'),
    ('乘坐ZH9101的旅客请登机。', '乘坐Z H九幺零幺的旅客请登机。'),
    ('搭乘G1234前往北京。', '搭乘G幺二三四前往北京。'),
    ('CZ3101次日执飞。', 'C Z三幺零幺次日执飞。'),
    ('他住在长宁路1188弄3号1201室。', '他住在长宁路幺幺八八弄三号幺二零幺室。'),
    ('愚园路1032弄。', '愚园路幺零三二弄。'),
    ('淮海中路1285弄2号。', '淮海中路幺二八五弄二号。'),
    ('建国西路570弄19号。', '建国西路五七零弄十九号。'),
    ('邮编100871。', '邮编幺零零八七幺。'),
    ('身份证尾号1234的乘客。', '身份证尾号幺二三四的乘客。'),
    ('快递单号SF1234567890。', '快递单号S F幺二三四五六七八九零。'),
    ('订单编号20240315001。', '订单编号二零二四零三幺五零零幺。'),
    ('ISSN 1000-0001。', 'I S S N幺零零零，零零零幺。'),
    ('ISBN 978-7-5302-1234-5。', 'I S B N九七八，七，五三零二，幺二三四，五。'),
    ('请发送简历至hr@example.com。', '请发送简历至H R艾特example点com。'),
    ('详情请访问www.example.com。', '详情请访问W W W点example点com。'),
    # (a port after its colon; before: the colon dropped and the port's digits run on, 幺八零八零)
    ('访问http://192.168.1.1:8080进行设置。', '访问幺九二点幺六八点幺点幺冒号八零八零进行设置。'),
    ('网址为https://www.example.com:8443/login?id=123。', '网址为W W W点example点com冒号八四四三斜杠login。'),
    # (an address in capitals is read as in lower case; before: W W W.E X A M P L E.C O M, H T T P：…, spelt)
    ('邮箱Service@Example.COM。', '邮箱Service艾特Example点com。'),
    ('访问WWW.EXAMPLE.COM查看。', '访问W W W点example点com查看。'),
    ('请登录HTTP://WWW.SINA.COM.CN。', '请登录W W W点sina点com点C N。'),
    ('来信请寄SERVICE@EXAMPLE.COM', '来信请寄service艾特example点com'),
    # (a card's and a candidate's number, a number masked but for its last digits, a seat; before: amounts,
    # 六千二百二十二零二一二…, 一千二百三十四, and 12F a floor, 十二楼)
    ('银行卡号6222 0212 3456 7890。', '银行卡号六二二二，零二幺二，三四五六，七八九零。'),
    ('考生号2024110101。', '考生号二零二四幺幺零幺零幺。'),
    ('账户****1234。', '账户星星星星幺二三四。'),
    ('G1234次05车12F座。', 'G幺二三四次零五车十二F座。'),
    ('车厢号05车12F。', '车厢号零五车十二F。'),
    ('他住在12F。', '他住在十二楼。'),
    # (a room by 房, unless counted; before: 五百零五房)
    ('他住在505房。', '他住在五零五房。'),
    ('共有120房。', '共有一百二十房。'),
    ('乘坐国航CA981从纽约返回。', '乘坐国航C A九八幺从纽约返回。'),
    ('南航CZ6101于8:05起飞。', '南航C Z六幺零幺于八点零五分起飞。'),
]

# Check marks and crosses standing for their words (打√ → 打勾; before: 打根号, and ✓ ✗ dropped), one star
# after a rating (4.5★ → 四点五星; before: 四点五).
SYMBOLS = [
    ('请在正确的选项后打√。', '请在正确的选项后打勾。'),
    ('正确的打√，错误的打×。', '正确的打勾，错误的打叉。'),
    ('√表示合格，×表示不合格。', '勾表示合格，叉表示不合格。'),
    ('√2约等于1.414。', '根号二约等于一点四一四。'),
    ('清单上打了✔的项目已完成。', '清单上打了勾的项目已完成。'),
    ('✗表示不合格。', '叉表示不合格。'),
    ('“已完成✓”，他在群里回复。', '已完成，他在群里回复。'),
    ('评分4.5★。', '评分四点五星。'),
    ('入住5★酒店。', '入住五星酒店。'),
    ('他给这家店打了★★★★☆。', '他给这家店打了四星。'),
    ('网友评论：“太棒了👍”。', '网友评论：太棒了。'),
    # (placeholders for a withheld name, each said 某; before: 乘乘市, 张乘乘, and ○ dropped)
    ('×××同志。', '某某某同志。'),
    ('××市××区。', '某某市某某区。'),
    ('张××，男，35岁。', '张某某，男，三十五岁。'),
    ('张×，男。', '张某，男。'),
    ('○○小学。', '某某小学。'),
    ('他说××是真的。', '他说某某是真的。'),
    ('长×宽×高。', '长乘宽乘高。'),
    ('尺寸为30×40cm。', '尺寸为三十乘四十厘米。'),
]

# Negative numbers, temperatures and pressure (101325Pa → 十万一千三百二十五帕; before: 幺零幺三二五P A).
TEMPS = [
    ('今晨最低-15.3℃。', '今晨最低零下十五点三摄氏度。'),
    ('哈尔滨-30℃至-20℃。', '哈尔滨零下三十摄氏度至零下二十摄氏度。'),
    ('体感温度-20度。', '体感温度零下二十度。'),
    ('海拔-154米的吐鲁番盆地。', '海拔负一百五十四米的吐鲁番盆地。'),
    ('账户余额为-200元。', '账户余额为负两百元。'),
    ('标准大气压约为101325 Pa。', '标准大气压约为十万一千三百二十五帕。'),
    ('压强差为500Pa。', '压强差为五百帕。'),
    ('压强为2Pa。', '压强为两帕。'),
    ('台风中心气压为950hPa。', '台风中心气压为九百五十百帕。'),
    ('体重60公斤，腰围2尺2。', '体重六十公斤，腰围两尺二。'),
]

# Versions of software.
VERSIONS = [
    ('升级到iOS 17.2。', '升级到i O S十七点二。'),
    ('Python 3.11发布了。', 'Python三点十一发布了。'),
    ('macOS Sonoma 14.2.1更新。', 'mac O S Sonoma十四点二点一更新。'),
    ('Java 21是长期支持版本。', 'Java二十一是长期支持版本。'),
    ('版本号v2.3.1。', '版本号v二点三点一。'),
    ('Chrome 120版本。', 'Chrome一百二十版本。'),
]

# Numbers inside English: a tally, 20/25 → twenty out of twenty-five (before: twenty、twenty five), 24/7 as
# set words (before: twenty four、seven); a fraction before 'of' and halves to quarters stay fractions.
ENGLISH = [
    ('He made 20/25 free throws.', 'He made twenty out of twenty five free throws.'),
    ('She answered 18/20 questions correctly.', 'She answered eighteen out of twenty questions correctly.'),
    ('The team won 7/10 games this season.', 'The team won seven out of ten games this season.'),
    ('Critics rated it 9/10 overall.', 'Critics rated it nine out of ten overall.'),
    ('It is open 24/7 for customers.', 'It is open twenty four seven for customers.'),
    ('Only 1/5 of the vote was counted.', 'Only one fifth of the vote was counted.'),
    ('He said 3/4 of the people agreed.', 'He said three quarters of the people agreed.'),
    # (a day after its month is its ordinal, and a year after them a year; before: May five, two thousand twenty five)
    ('The meeting is at 3:30 pm on May 5.', 'The meeting is at three thirty P M on May fifth.'),
    ('It opens on March 12, 2025 in Paris.', 'It opens on March twelfth，twenty twenty five in Paris.'),
    ('He was born on July 4th in the city.', 'He was born on July fourth in the city.'),
    ('They met in May 5 years ago.', 'They met in May five years ago.'),
    ('Sales in June 2024 were strong.', 'Sales in June twenty twenty four were strong.'),
]

# An ordinal series: every number after 第 is an ordinal (第1、2名 → 第一、二名; before: 第一、两名).
ORDINALS = [
    ('他获得第1、2名。', '他获得第一、二名。'),
    ('第1-2名将获得奖金。', '第一到二名将获得奖金。'),
    ('第1至2名。', '第一至二名。'),
    ('1、2个。', '一、两个。'),
    ('前3名。', '前三名。'),
    ('第10-20位。', '第十到二十位。'),
]

# Emoji of a hand after a verb of showing (比了个✌️ → 比了个耶; before: 比了个), marks in a legend.
GESTURES = [
    ('他在视频中比了个✌️。', '他在视频中比了个耶。'),
    ('他给我点了个👍。', '他给我点了个赞。'),
    ('点赞👍数超过10万。', '点赞数超过十万。'),
    ('图中✅为已完成，❌为未完成。', '图中勾为已完成，叉为未完成。'),
    ('评分从★★★★★降到★★☆☆☆。', '评分从五星降到二星。'),
]

# Clock hours in 时: two o'clock is 两时, as 2点 is 两点.
TIMES = [
    ('2时30分，会议开始。', '两时三十分，会议开始。'),
    ('2时至4时，将停电。', '两时至四时，将停电。'),
    ('凌晨2时许，记者赶到现场。', '凌晨两时许，记者赶到现场。'),
    ('截至12月31日24时。', '截至十二月三十一日二十四时。'),
]

TABLES = {"sports": SPORTS, "markets": MARKETS, "law": LAW, "medicine": MEDICINE, "years": YEARS, "ranges": RANGES,
          "codes": CODES, "symbols": SYMBOLS, "temperatures": TEMPS, "versions": VERSIONS, "english": ENGLISH,
          "ordinals": ORDINALS, "gestures": GESTURES, "times": TIMES}


@pytest.mark.parametrize("table", TABLES.values(), ids=TABLES.keys())
def test_newsreader_reads(rules, table):
    """Each phrase of a class as the newsreader says it (one test per table; a failure lists every
    phrase read wrong)."""
    wrong = [(written, heard, said) for written, said in table if (heard := speak(written, rules)) != said]
    assert not wrong


def test_the_sweep_has_its_150_phrases():
    assert len({written for table in TABLES.values() for written, _ in table}) >= 150


def test_an_address_in_capitals_ends_no_sentence_at_its_query():
    """HTTPS://WWW.EXAMPLE.COM/S?Q=AI is one address, as its lower-case twin is (before: the
    sentence was cut at its '?', and Q=AI read as a sentence of its own)."""
    from pipeline.passes.speech import sentences

    assert sentences("见HTTPS://WWW.EXAMPLE.COM/S?Q=AI。下一句。") == ["见HTTPS://WWW.EXAMPLE.COM/S?Q=AI。", "下一句。"]


def test_the_science_tables_are_built_once_per_rules(rules, monkeypatch):
    """The ions' words are made once per rules like every other table (before: `_ion_words` built its
    dictionary again on every sentence the script and the audio edition read)."""
    from pipeline.passes import speech_science

    fresh = load_rules({})
    calls = []
    real = speech_science._ion_words
    monkeypatch.setattr(speech_science, "_ion_words", lambda r: calls.append(1) or real(r))
    for sentence in ("溶液中含Fe³⁺。", "Na⁺和Cl⁻。", "硫酸根SO₄²⁻离子。"):
        speak(sentence, fresh)
    assert len(calls) <= 1


# ---- the plan: what the voices are handed, a marked English run and the title's own text --------------

DISPATCH = """---
id: urn:uuid:8f1e2d3c-4b5a-4978-9a6b-0c1d2e3f4a13
slug: dispatch13
title: 快讯
language: zh-Hans
authors: [林小满]
outlet: 城东周报
date: 2025-06-30
description: 一则快讯。
rights: © 2025 城东周报
---

受天气影响，MU5101延误，张××住在长宁路1188弄，打了✔的旅客已改签。

教练说：[She made 20/25 shots on May 5]{lang=en}，全队24/7训练。
"""


@pytest.fixture(scope="module")
def dispatch_cues(tmp_path_factory):
    from pipeline.audio.plan import make_plan
    from pipeline.build import prepare
    from pipeline.passes.casting import cast
    from pipeline.reader import read_source

    path = tmp_path_factory.mktemp("dispatch13") / "dispatch13.md"
    path.write_text(DISPATCH, encoding="utf-8")
    doc = prepare(read_source(path))
    return make_plan(doc, cast(doc, "espeak")).cues()


def test_the_voices_are_handed_what_the_newsreader_says(dispatch_cues):
    """The plan hands the voice (and the script) the readings of this sweep: a flight's 幺 without
    航班, a withheld name's 某, a lane digit by digit, a check mark's word; and a run marked English
    is handed to the English voice with its tally and its date in English (before: M U五一零一,
    张乘乘, 一千一百八十八弄, 打了的; twenty、twenty five … May five)."""
    spoken = ["".join(cue.spoken) for cue in dispatch_cues]
    assert "受天气影响，M U五幺零幺延误，张某某住在长宁路幺幺八八弄，打了勾的旅客已改签。" in spoken
    runs = [("".join(cue.spoken)[start:end], lang) for cue in dispatch_cues for start, end, lang in cue.runs]
    assert ("She made twenty out of twenty-five shots on May fifth", "en") in runs
    assert any(text.endswith("全队全天候训练。") for text in spoken)
