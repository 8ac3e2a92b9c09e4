"""Twelfth sweep of other outlets' copy (tests/fixtures/import/outlets12/, written by hand): an
introduction naming the interviewee without an interview verb (`符海龙是…搬运班长。以下是对话实录：`); a
press briefing's spokesperson whose surname the tables know (`请到…新闻发言人王志刚`, then `王志刚：`), and
one invited beside another it does not (`葛小军：` after `柏宇：`, the latter read as `程序员柏宇：`); a host and
guest named at the top as column labels (`主持人 龙飞`); spaced `role name` lines alone over each turn
(`摊主 蒯大年`, a surname no table knows); a transcript's codes (`[00:00:12] 主持人：`) and a meeting's
minutes (`00:03 邝秀梅` over each turn, a headline over the first); stage directions in round and square
brackets (`（停顿）`, `[掌声]`); copy in traditional characters with 「」 (`問：`/`答：`, `本文受訪者：…`);
an interpreter's brackets (`（经翻译）`, `（以下为现场翻译）`), and an interpreter's own turn (`翻译：`)
beside a Japanese guest (`山本健一：`); a Feishu callout (`> 💡 …`); a Taiwan
copy's `（本文受訪者：攤主吳志明）` in brackets; `（停顿）` alone between two turns; a WeChat paste's `👆点击蓝字，关注我们`; numbered questions with unlabelled answers
(`1.`, `一、`: an explainer, kept as the article's); a picture caption and 来源/责编/编辑 footers; a Notion
export with a property table under its title; a page with a pull quote, and one whose only title is its
`<title>`; a Word file (make_docx.py) with a caption, a pull quote and `[笑]`.

Every expectation is written by hand from the copy. Each copy is imported with the real command's
function, its placeholders filled as an editor would, checked, and read by the reader: every
sentence of the copy in order under the speaker the copy names, nothing that is not copy in the text.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.importers.importhelp import (FIXTURES, Imported, OutletCase, assert_front_matter, assert_read_as_copy,
                                        case_sentences, document_of, import_cases, flat, infer_draft)

COPIES = FIXTURES / "outlets12"


Case = OutletCase


CASES = [
    Case("described.txt", ["冷库里最难受的是什么？", "为什么不换个工作？"], [("符海龙", "手。"), ("符海龙", "这里工资")],
         title="冷库里的搬运工", authors=["郁朗"], labels=["问", "答"], dropped=["记者 郁朗"],
         roles={"符海龙": "城北冷链物流园的搬运班长"}),
    Case("briefing-known.txt", ["南方日报记者：今年新增了多少个学位？", "电台记者：课后服务收费吗？"],
         [("王志刚", "全区新增"), ("王志刚", "课后服务不收费")], title="区教育局秋季开学新闻通气会",
         labels=["主持人", "王志刚"], roles={"王志刚": "区教育局新闻发言人"}, notes=["通气会到此结束。"]),
    Case("invited-one.txt", ["你今年存了多少钱？", "存钱是为了什么？"],
         [("柏宇", "大概五万"), ("葛小军", "不到一万"), ("柏宇", "为了随时"), ("葛小军", "说实话")], title="年轻人为什么开始存钱",
         labels=["柏宇", "葛小军"], roles={"柏宇": "程序员", "葛小军": None}),
    Case("host-spaced.txt", ["你在这里摆摊多少年了？", "最受欢迎的是什么书？"], [("蒯大年", "十五年了"), ("蒯大年", "连环画")],
         title="社区旧书摊的十五年", labels=["龙飞", "蒯大年"], roles={"蒯大年": "嘉宾"}),
    Case("name-lines-spaced.txt", ["你学糖画多少年了？", "现在的孩子还喜欢吗？"], [("蒯大年", "二十年了"), ("蒯大年", "喜欢。")],
         title="夜市里的糖画摊", labels=["主持人 柯蓝", "摊主 蒯大年"], roles={"蒯大年": "摊主"}),
    Case("timestamps.txt", ["楼顶上真的能养蜂吗？", "邻居不怕被蜇吗？"], [("滕青山", "能。"), ("滕青山", "一开始怕")],
         title="对谈：城市里的养蜂人", roles={"滕青山": "养蜂人"}, notes=["谢谢滕老师。"], dropped=["00:"],
         sentences=["欢迎收听本期节目。", "今天的嘉宾是养蜂人滕青山。", "楼顶上真的能养蜂吗？", "能。", "城里的花期比乡下长，行道树、公园、阳台都有花。",
                    "邻居不怕被蜇吗？", "一开始怕。", "后来我每年送他们一瓶蜜，就不怕了。", "（笑）", "谢谢滕老师。"]),
    Case("minutes-times.txt", ["座谈发言"], [("邝秀梅", "我们食堂"), ("鄂建新", "资金"), ("邝秀梅", "最难的"), ("鄂建新", "明年")],
         title="社区食堂座谈记录", edits={"TODO: 问题（原稿此处没有问题）": "座谈发言"}, dropped=["00:", "01:"],
         sentences=["我们食堂每天中午供应三百份饭。", "老人十元，其他居民十五元。", "资金一部分来自街道补贴，一部分来自企业捐助。",
                    "最难的是招厨师。", "年轻人嫌工资低。", "明年我们打算和职业学校合作，请学生来实习。"]),
    Case("stage-directions.txt", ["您第一次上台是什么时候？", "现在年轻人爱听相声吗？", "您收徒弟有什么要求？"],
         [("侯宝山", "十二岁"), ("侯宝山", "爱听"), ("侯宝山", "嘴要勤")], title="相声演员谈传承", authors=["乔羽"],
         dropped=["记者 乔羽", "[掌声]"],
         sentences=["您第一次上台是什么时候？", "十二岁。", "（笑）", "那时候腿都是软的。", "（掌声）", "现在年轻人爱听相声吗？", "爱听。", "（停顿）",
                    "但是要说他们的事。", "老段子得改。", "您收徒弟有什么要求？", "嘴要勤，腿要勤。", "（众笑）"]),
    Case("traditional.txt", ["您在這間茶樓做了多少年？", "點心師傅最重要的是甚麼？"], [("梁永安", "四十二年"), ("梁永安", "手勢")],
         title="茶樓裡的老師傅", authors=["陳嘉欣"], labels=["問", "答"], dropped=["記者 陳嘉欣"], roles={"梁永安": "點心師傅"},
         notes=["本文受訪者"]),
    Case("interpreter-turns.txt", ["您为什么来成都开餐厅？", "您的菜里会放花椒吗？", "想在成都待多久？"],
         [("马丁", "（经翻译）因为花椒"), ("马丁", "会。"), ("马丁", "我已经买了房子")], title="一位法国厨师在成都",
         labels=["问", "马丁"], roles={"马丁": None}),
    Case("interpreter-japanese.txt", ["您为什么选择景德镇？", "您会一直待下去吗？"],
         [("翻译", "他说"), ("山本健一", "（日语）"), ("山本健一", "会的。")], title="一位日本匠人在景德镇",
         labels=["问", "翻译", "山本健一"], roles={"翻译": None, "山本健一": None}),
    Case("feishu-callout.md", ["为什么回来接手父亲的摊子？", "生意和以前比怎么样？"], [("谭一鸣", "父亲腰不好"), ("谭一鸣", "老顾客还在")],
         title="老菜场的新摊主", authors=["龚雪"], dropped=["💡", "作者：龚雪"],
         sentences=["本文为访谈实录，经受访者审阅。", "为什么回来接手父亲的摊子？", "父亲腰不好，站不了一整天了。", "生意和以前比怎么样？",
                    "老顾客还在。", "我开了个微信群，接团购。", "谭一鸣的摊位在菜场东门第三排。"]),
    Case("tw-bracketed-interviewee.txt", ["一晚上能賣多少份？", "有什麼秘訣？"], [("吳志明", "週末"), ("吳志明", "蚵仔要")],
         title="夜市裡的蚵仔煎", authors=["林怡君"], labels=["問", "答"], dropped=["記者／林怡君"], roles={"吳志明": "攤主"},
         notes=["（本文受訪者"]),
    Case("minutes-pause.txt", ["今天我们读《城南旧事》。先请两位说说第一次读这本书是什么时候。", "重读有什么不一样？"],
         [("邝秀梅", "小学五年级"), ("鄂建新", "大学的时候"), ("邝秀梅", "现在读的是"), ("鄂建新", "我觉得是告别")],
         title="读书会实录：《城南旧事》", dropped=["00:", "01:", "02:"],
         sentences=["今天我们读《城南旧事》。", "小学五年级。", "那时候只觉得英子可怜。", "大学的时候。", "读完以后我给外婆打了个电话。",
                    "重读有什么不一样？", "现在读的是大人的难处。", "（停顿）", "我觉得是告别。", "每一章都在告别。"]),
    Case("wechat-paste.txt", ["您做了多少年裁缝？", "现在还有人来做衣服吗？"], [("苟永福", "五十年"), ("苟永福", "有。")],
         title="老街上的裁缝铺", labels=["问", "苟永福"], dropped=["点击蓝字", "关注我们", "图片来源", "在看"], notes=["- END -"]),
    Case("numbered-questions.txt", [], [], title="五问城市夜间公交", authors=["司徒岚"], dropped=["本报记者 司徒岚"]),
    Case("chinese-numbered.txt", [], [], title="关于垃圾分类的三个问题"),
    Case("captions-footer.txt", ["学竹编难吗？", "现在还有人买竹篮吗？"], [("滕德厚", "难。"), ("滕德厚", "游客买得多")],
         title="古镇上的竹编人", editor="戈雨", labels=["问", "滕德厚"],
         dropped=["图：", "图片来源", "来源：山城晚报", "责编：戈雨", "编辑：卞晴"]),
    Case("notion-export.md", ["夜里看得清集装箱吗？", "最怕什么天气？"], [("莘卫东", "看得清"), ("莘卫东", "大风")],
         title="港口的夜班吊车司机", authors=["桂思远"], date=dt.date(2024, 3, 8), dropped=["属性", "标签", "状态", "已发布", "桂思远"],
         sentences=["在港口，吊车司机要在三十米高的驾驶室里坐满八个小时。", "夜里看得清集装箱吗？", "看得清。", "灯光比白天还亮，就是眼睛累。",
                    "最怕什么天气？", "大风。", "风一大，箱子在空中会转。"]),
    Case("pull-quote.html", ["山路最难走的是哪一段？", "为什么坚持了这么多年？"], [("荀小平", "鹰嘴崖"), ("荀小平", "山里的老人")],
         title="山里的邮递员", roles={"荀小平": None}, notes=["（完）"],
         sentences=["乡邮员荀小平每周进山三次，一次走四十公里。", "山路最难走的是哪一段？", "鹰嘴崖。", "下雨天路滑，我就推着车走。",
                    "为什么坚持了这么多年？", "山里的老人等着看孙子的信。", "信送到了，我心里就踏实了。"]),
    Case("title-only.html", ["现在一天还有几个人坐船？", "您打算撑到什么时候？"], [("宓长根", "少的时候"), ("宓长根", "撑到")],
         title="渡口最后的摆渡人", authors=["阮晴"], dropped=["记者 阮晴", "江南晚报"],
         sentences=["江上的大桥通车以后，老渡口只剩下一条船。", "撑船的宓长根今年六十七岁。", "现在一天还有几个人坐船？",
                    "少的时候三五个，都是去对岸种菜的老人。", "您打算撑到什么时候？", "撑到没人坐为止。"]),
    Case("word-interview.docx", ["一把二胡要修多久？", "您最想留下的是什么？"], [("乜振邦", "快的一天"), ("乜振邦", "手艺")],
         title="城墙根下的修琴人", authors=["隗静"], editor="冼青", roles={"乜振邦": "琴师"},
         dropped=["图：", "图片来源", "责编", "[笑]"],
         sentences=["在老城墙根下，琴师乜振邦的铺子开了三十一年。", "一把二胡要修多久？", "快的一天，慢的半年。", "（笑）",
                    "蛇皮裂了最麻烦，得等新皮子。", "您最想留下的是什么？", "手艺。", "琴不会骗人，你对它好，它就好听。"]),
]
IDS = [c.copy.replace(".", "-") for c in CASES]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Imported]:
    return import_cases(CASES, COPIES, tmp_path_factory.mktemp("outlets12"))


def _copy_sentences(case: Case) -> list[str]:
    return case_sentences(case, COPIES)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_answer_under_its_speaker_and_every_sentence_in_order(case: Case, imported) -> None:
    """Before: `符海龙是…班长` left the answers `TODO: 受访者`; `王志刚：` had no role though the briefing's
    introduction gave one; `摊主 蒯大年` lines were the host's words and the headline a question; `00:03 邝秀梅`
    lines stayed in the article with the whole meeting; a pull quote was printed twice; a Notion export's
    property rows (`标签｜访谈`) were the article's first paragraphs; `山本健一：` was no label, and `翻译：` stayed in
    the answer before it; `（本文受訪者：…）` in brackets named nobody; `（停顿）` alone was a chapter's title; `👆点击蓝字，
    关注我们` was the article's first paragraph."""
    documents = {copy: item.document for copy, item in imported.items()}
    doc = document_of(documents, case.copy)
    assert_read_as_copy(doc, case.questions, case.answers, _copy_sentences(case), case.dropped)
    assert {s.name: s.role for s in doc.speakers if s.name in case.roles} == case.roles
    notes = [p.text for s in doc.sections if s.kind == "note" for p in s.paragraphs]
    assert [n[: len(f)] for n, f in zip(notes, case.notes)] == case.notes and len(notes) == len(case.notes), notes


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_copy_fills_the_front_matter(case: Case, imported) -> None:
    """Before: a page whose only title is its `<title>` left the title TODO, and a Notion export's `日期` row
    left the date TODO."""
    documents = {copy: item.document for copy, item in imported.items()}
    assert_front_matter(document_of(documents, case.copy), case.authors, case.editor, case.date, case.title)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_check_passes_with_only_warnings_the_editor_can_act_on(case: Case, imported) -> None:
    """Before: `主持人 龙飞` at the top kept its space, and `publish check` warned of it (W415) on a line
    the editor had not written; a Feishu callout's icon (`> 💡`) stayed, a box in the PDFs (W408)."""
    found = imported[case.copy].found
    assert [str(d) for d in found if d.severity == "error"] == []
    assert {d.code for d in found} - {"W406", "W407"} == set(), [str(d) for d in found]


def test_each_repeated_or_furniture_line_is_said_once_and_printed_once(imported) -> None:
    """A pull quote (a page's `<blockquote>`, a Word paragraph in quotes) is printed once, in its answer; a
    stage direction in square brackets is an aside, read by the host; the summary says what was left out."""
    for copy in ("pull-quote.html", "word-interview.docx"):
        doc = imported[copy].document
        body = flat("".join(doc.text_blocks()))
        repeated = {"pull-quote.html": "信送到了，我心里就踏实了。", "word-interview.docx": "琴不会骗人，你对它好，它就好听。"}[copy]
        assert body.count(flat(repeated)) == 1
        assert any("pull quote" in note and repeated in note for note in imported[copy].summary)
    assert "[（掌声）]{.aside}" in imported["stage-directions.txt"].text
    assert "[（笑）]{.aside}" in imported["word-interview.docx"].text
    assert any("properties" in note and "状态｜已发布" in note for note in imported["notion-export.md"].summary)
    assert re.search(r"name: 符海龙 +# check: .*the copy names 城北冷链物流园的搬运班长符海龙", imported["described.txt"].text)


def test_a_line_repeated_that_is_no_pull_quote_stays() -> None:
    """A question the answer repeats, and a short line said twice, are the copy's both times."""
    draft = infer_draft("为什么坚持了这么多年？\n\n荀小平：你问我为什么坚持了这么多年？因为老人等着信。\n\n"
                        "辛苦吗？\n\n荀小平：谢谢你。\n\n谢谢你。")
    assert [c.title for c in draft.questions] == ["为什么坚持了这么多年？", "辛苦吗？"]
    texts = [p.text for a in draft.answers for p in a.paragraphs] + draft.notes
    assert sum(t.count("谢谢你。") for t in texts) == 2, texts


def test_a_programmes_times_over_its_items_stay() -> None:
    """`09:00 开幕式` over its description names each item once: no transcript's voice, its time the text's."""
    draft = infer_draft("会议日程\n\n09:00 开幕式\n\n市长致辞，介绍今年的议题。\n\n10:00 分论坛\n\n三个分论坛同时进行。")
    assert [p.text for p in draft.article][-4:] == ["09:00 开幕式", "市长致辞，介绍今年的议题。", "10:00 分论坛", "三个分论坛同时进行。"]
    assert draft.chapters == []


def test_only_a_role_and_a_name_are_set_close() -> None:
    """`主持人 龙飞` at the top is set `主持人龙飞`; two names (`张三 李四`), two places or a greeting keep their space."""
    from pipeline.importers.draft import Para
    from pipeline.importers.introduction import joined_role_names
    from pipeline.importers.names import LabelParser

    paras = [Para(t) for t in ("主持人 龙飞 嘉宾 蒯大年", "张三 李四", "北京 上海", "老师 你好", "小王 小李")]
    assert joined_role_names(paras, LabelParser()) == 1
    assert [p.text for p in paras] == ["主持人龙飞\u3000嘉宾蒯大年", "张三 李四", "北京 上海", "老师 你好", "小王 小李"]
