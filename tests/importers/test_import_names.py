"""Label splitting against a hand-written table: role, name, handle, pseudonym, and whether a
person should be asked to look (`# check:`). The table mixes labels of the first title with
labels written for this test (other surnames and roles, compound and rare surnames, handles,
Latin and transliterated names, nicknames, labels without role)."""

from __future__ import annotations

import pytest

from pipeline.importers.names import LabelParser

# label → (role, name, handle, pseudonym, doubt expected)
LABELS = {
    # from the first title
    "浙江省委副书记、杭州市委书记刘捷": ("浙江省委副书记、杭州市委书记", "刘捷", None, False, False),
    "北京邮电大学人机交互与认知工程实验室主任刘伟": ("北京邮电大学人机交互与认知工程实验室主任", "刘伟", None, False, False),
    "聚本影业创始人、电影制片人王鲁娜": ("聚本影业创始人、电影制片人", "王鲁娜", None, False, False),
    "纪录片导演欧大明": ("纪录片导演", "欧大明", None, False, False),
    "特效师陈雄": ("特效师", "陈雄", None, False, False),
    "清华大学新闻与传播学院教授沈阳": ("清华大学新闻与传播学院教授", "沈阳", None, False, False),
    "某大厂新闻短视频内容制作肖以军": ("某大厂新闻短视频内容制作", "肖以军", None, False, False),
    "北京天工异彩影视科技有限公司副总裁兼CTO周辉": ("北京天工异彩影视科技有限公司副总裁兼CTO", "周辉", None, False, False),
    "杭州遇乐文化传媒公司CMO EdIsOn": ("杭州遇乐文化传媒公司CMO", "EdIsOn", None, False, False),
    "某大厂游戏板块负责人 @非FeiArt": ("某大厂游戏板块负责人", "非FeiArt", "@非FeiArt", False, False),
    "实验电影人、AIGC艺术家@海辛Hyacinth": ("实验电影人、AIGC艺术家", "海辛Hyacinth", "@海辛Hyacinth", False, False),
    "AIGC艺术家林晨@土豆人toudou_man": ("AIGC艺术家", "林晨", "@土豆人toudou_man", False, False),
    "设计从业者@小红薯6551CD6A": ("设计从业者", "小红薯6551CD6A", "@小红薯6551CD6A", False, False),
    "ChatGPT": (None, "ChatGPT", None, False, False),
    # written for this test
    "北京大学教授张颐武": ("北京大学教授", "张颐武", None, False, False),
    "作家马伯庸": ("作家", "马伯庸", None, False, False),
    "主持人何炅": ("主持人", "何炅", None, False, False),
    "华东师范大学教授司马南": ("华东师范大学教授", "司马南", None, False, False),
    "夜市管理办公室主任欧阳明远": ("夜市管理办公室主任", "欧阳明远", None, False, False),
    "律师诸葛明": ("律师", "诸葛明", None, False, False),
    "外卖骑手邝振东": ("外卖骑手", "邝振东", None, False, False),
    "腾讯公司副总裁陈菊红": ("腾讯公司副总裁", "陈菊红", None, False, False),
    "小米集团CEO雷军": ("小米集团CEO", "雷军", None, False, False),
    "上海某高校大三学生林一": ("上海某高校大三学生", "林一", None, False, False),
    "学生小李": ("学生", "小李", None, False, False),
    "快递员王师傅": ("快递员", "王师傅", None, False, False),
    "记者 王强": ("记者", "王强", None, False, False),
    "某互联网公司员工Kevin": ("某互联网公司员工", "Kevin", None, False, False),
    "产品经理 Tony Stark": ("产品经理", "Tony Stark", None, False, False),
    "游客Lucy Wang": ("游客", "Lucy Wang", None, False, False),
    "受访者A": (None, "受访者A", None, False, False),  # (a person the copy does not name, as 骑手甲: 市民A ≠ 网友A)
    "OpenAI首席执行官萨姆·奥尔特曼": ("OpenAI首席执行官", "萨姆·奥尔特曼", None, False, False),
    "凤凰网·科技主编张三": ("凤凰网·科技主编", "张三", None, False, False),
    "知乎用户@张佳玮": ("知乎用户", "张佳玮", "@张佳玮", False, False),
    "博主@papi酱": ("博主", "papi酱", "@papi酱", False, False),
    "摊主@阿福炒粉": ("摊主", "阿福炒粉", "@阿福炒粉", False, False),
    "@阿福炒粉": (None, "阿福炒粉", "@阿福炒粉", False, False),
    "网友“大漠孤烟”": ("网友", "“大漠孤烟”", None, False, False),
    "张女士（化名）": (None, "张女士", None, True, False),
    "广告从业者刘彬(化名)：": ("广告从业者", "刘彬", None, True, False),
    "退休教师葛秀兰:": ("退休教师", "葛秀兰", None, False, False),
    "张三": (None, "张三", None, False, False),
    # thin evidence: split, but marked for a look
    "老周": (None, "老周", None, False, True),
    "外卖小哥老刘": ("外卖小哥", "老刘", None, False, False),
}

NOT_LABELS = ["参考资料", "我们自己也列了几条", "以下是他的回答", "具体如下", "记者", "主持人", "编剧", "微博",
              "他说，这是真的", "他说“好”", "设计从业者", "某大厂新闻短视频内容制作"]


@pytest.fixture(scope="module")
def parser() -> LabelParser:
    return LabelParser()


@pytest.mark.parametrize("label", list(LABELS))
def test_label_split(parser: LabelParser, label: str) -> None:
    split = parser.parse(label)
    assert split is not None, label
    role, name, handle, pseudonym, doubt = LABELS[label]
    assert (split.role, split.name, split.handle, split.pseudonym) == (role, name, handle, pseudonym)
    assert (split.doubt is not None) == doubt, split.doubt


@pytest.mark.parametrize("text", NOT_LABELS)
def test_not_a_label(parser: LabelParser, text: str) -> None:
    assert parser.parse(text) is None


def test_a_surname_no_table_knows_is_a_guess_only_where_a_label_stands(parser: LabelParser) -> None:
    assert parser.parse("脱口秀演员呼兰") is None
    lenient = parser.parse("脱口秀演员呼兰", lenient=True)
    assert (lenient.role, lenient.name) == ("脱口秀演员", "呼兰") and lenient.doubt


def test_labels_rebuild_exactly(parser: LabelParser) -> None:
    """role + name (+ handle unless it is the name) gives back the label, as editions print it."""
    from pipeline.model import Location, Speaker

    for label in LABELS:
        split = parser.parse(label)
        speaker = Speaker(id="x", name=split.name, role=split.role, handle=split.handle,
                          loc=Location(path="t", line=1))
        bare = label.rstrip("：:").replace("（化名）", "").replace("(化名)", "")
        assert speaker.label().replace(" ", "") == bare.replace(" ", "")
