"""Thirteenth sweep of other outlets' copy (tests/fixtures/import/outlets13/, written by hand): an
introduction naming the interviewee with a role, then talking to them by a pronoun (`快递员仉小满…我们和他
聊了聊`, `記者日前專訪了他`, `记者日前专访了他` in a CMS's Markdown, a page's `我们跟他走了一天，也聊了聊` over
`<h3>` questions), or talking with them by name (`记者和夜班公交司机廖国庆聊了聊`), or as `這位補鞋匠` (`記者上週專訪了這位補鞋匠`, `編輯：` beside
`責任編輯：`); a subtitle under the headline opened by a dash (`——记一位公交司机的清晨`); numbered questions each followed by
unlabelled prose under such an introduction (`1. 为什么一直开夜班？`), but not where the prose reports the person
in the third person (`王晓燕认为，…`: an article); `编辑：` beside `责编：`; a Notion
export's `Created: Sep 3, 2023` and a CMS's `date: March 8, 2024`; a press conference whose spokesperson is
labelled by the role alone (`发言人：`, reporters of named outlets asking), named by its introduction or not; a podcast with two hosts named at
the top, and one whose hosts are listed on one line (`主持人：祝安、阎小溪`) with names only at changes (`祝安：`
alone on its line, or `祝安` without its colon); a
feature with the interviewee's words in quotes inside narration (must stay the article's); a chat app's paste
(`宓晴 10:32` over each message), one opening with the reporter's greeting that asks nothing, one whose
export writes the day before each time (`宓晴 2024/3/8 21:02`), one whose own side is `我 01:58`; a talk whose
labels stand in brackets (`【冀晓岚】`) after an introduction inviting the guest with a role; readers' comments below the copy, pasted (`精选留言`) and in a page's
`<div id="cmt">`; a page's Q&A in a `<table>` (one with a header row, `说话人` | `内容`), a Markdown copy's in a table (with and
without such a header), and one in a `<dl>`
without labels; a Word file whose
questions are bold paragraphs over plain answers (make_docx.py).

Every expectation is written by hand from the copy. Each copy is imported with the real command's
function, its placeholders filled as an editor would, checked, and read by the reader: every sentence
of the copy in order under the speaker the copy names, nothing that is not copy in the text.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.importers.importhelp import (FIXTURES, Imported, OutletCase, assert_front_matter, assert_read_as_copy,
                                        case_sentences, document_of, import_cases)

COPIES = FIXTURES / "outlets13"


Case = OutletCase


CASES = [
    Case("courier.txt", ["一天要送多少件？", "最怕遇到什么样的客户？"], [("仉小满", "两百件"), ("仉小满", "电话打不通")],
         title="快递员的一天", authors=["秦朗"], labels=["问", "答"], dropped=["记者 秦朗"], roles={"仉小满": "快递员"}),
    Case("trad-qa.txt", ["現在還有人來刻章嗎？", "您會教徒弟嗎？"], [("溫國強", "有，但是少了"), ("溫國強", "想教")],
         title="老街上的刻章師傅", authors=["鄭家豪"], editor="龐麗", labels=["問", "答"], dropped=["記者 鄭家豪", "責任編輯"],
         roles={"溫國強": "刻章師傅"}),
    Case("talk-name.txt", ["夜班最怕什么？", "家里人怎么看？"], [("廖国庆", "怕乘客"), ("廖国庆", "习惯了")],
         title="夜班公交司机", authors=["秦朗"], labels=["问", "答"], dropped=["记者 秦朗"], roles={"廖国庆": "夜班公交司机"}),
    Case("h3-page.html", ["每天都走同一条路，不烦吗？", "您最担心什么？"], [("鲍建军", "不烦。"), ("鲍建军", "游客")],
         title="城墙上的巡查员", authors=["郜晴"], editor="芮晓", date=dt.date(2025, 5, 20), dropped=["文／郜晴", "编辑："],
         roles={"鲍建军": "巡查员"},
         sentences=["巡查员鲍建军每天要在城墙上走十三公里。", "我们跟他走了一天，也聊了聊。", "每天都走同一条路，不烦吗？", "不烦。",
                    "城墙每天都不一样，今天这块砖松了，明天那里长了草。", "您最担心什么？", "游客爬垛口拍照。", "太危险了。"]),
    Case("subtitle.txt", ["几点起床？", "早班车上都是什么人？"], [("鲁建平", "三点半"), ("鲁建平", "环卫工人")],
         title="城市的早班车", authors=["秦朗", "殷晴"], labels=["问", "答"], dropped=["记者 秦朗", "——"],
         roles={"鲁建平": "公交司机"}),
    Case("qa-trad-hk.txt", ["點解一直做落去？", "有冇諗過退休？"], [("馮錦泉", "做慣咗"), ("馮錦泉", "諗過")],
         title="深水埗的補鞋匠", authors=["陳嘉欣"], editor="黎美琪", labels=["問", "答"], dropped=["記者｜陳嘉欣", "編輯"],
         roles={"馮錦泉": "補鞋匠"}),
    Case("numbered-interview.txt", ["1. 为什么一直开夜班？", "2. 夜里遇到过危险吗？", "3. 家里人支持吗？"],
         [("訾国栋", "白天堵车"), ("訾国栋", "有过一次"), ("訾国栋", "老婆")], title="夜班出租车司机的十年", authors=["靳朗"],
         dropped=["本报记者 靳朗"], roles={"訾国栋": "出租车司机"}),
    Case("editors.txt", ["为什么不开了？", "这些书送完了以后呢？"], [("郦文清", "房租"), ("郦文清", "回老家")],
         title="旧书店的最后一天", authors=["殷岚"], editor="庞越", labels=["问", "郦文清"],
         dropped=["记者 殷岚", "编辑：祁蔓", "责编：庞越"]),
    Case("notion-abbrev.md", ["现在还有人修表吗？", "您的手艺跟谁学的？"], [("闫小满", "有。"), ("闫小满", "跟我父亲")],
         title="菜场里的修表摊", date=dt.date(2023, 9, 3), labels=["问", "答"], dropped=["Created", "Tags", "# "],
         roles={"闫小满": "修表师傅"}),
    Case("cms-export.md", ["一个人在岛上怕不怕？", "灯塔以后会不会自动化？"], [("邬海生", "刚来的时候怕"), ("邬海生", "已经自动化了")],
         title="灯塔上的最后一个守塔人", authors=["邰明"], date=dt.date(2024, 3, 8), roles={"邬海生": "东礁灯塔的守塔人"},
         sentences=["东礁灯塔的守塔人邬海生今年五十八岁。", "记者日前专访了他。", "一个人在岛上怕不怕？", "刚来的时候怕。",
                    "夜里风一吹，整座塔都在响。", "海上没有路灯，灯塔就是路灯。", "灯塔以后会不会自动化？", "已经自动化了。",
                    "我留下来，是因为灯坏了总得有人修。"]),
    Case("press-conference.txt", ["路透社记者：中方如何看待本周的贸易谈判？", "法新社记者：谈判会在哪里举行？", "共同社记者：中方会派谁出席？"],
         [("申小川", "谈判是建设性的"), ("申小川", "地点还在商定"), ("申小川", "我没有")], title="外交部例行记者会（节选）",
         labels=["发言人"], roles={"申小川": "外交部发言人"}),
    Case("press-unnamed.txt", ["路透社记者：中方如何看待本周的贸易谈判？", "法新社记者：谈判会在哪里举行？"],
         [("发言人", "谈判是建设性的"), ("发言人", "地点还在商定")], title="外交部例行记者会", labels=["发言人"],
         roles={"发言人": None}),
    Case("podcast-hosts.txt", ["柏青：立夏你好。", "邬小禾：你第一次种的是什么？", "柏青：阳台朝北也能种吗？"],
         [("阚立夏", "你们好"), ("阚立夏", "小葱"), ("阚立夏", "能。")], title="夜航电台\u3000第42期：在城市里种菜",
         labels=["阚立夏"], roles={"阚立夏": "阳台种菜的达人"}, notes=["邬小禾：今天就聊到这里"]),
    Case("podcast-changes.txt", ["今天的嘉宾是民俗学者尚文渊。", "阎小溪：尚老师，您最早录下的叫卖声是哪一种？", "祝安：现在还能听到哪些？"],
         [("尚文渊", "大家好。"), ("尚文渊", "是磨剪子的"), ("尚文渊", "收废品的")],
         title="声音博物馆\u3000第7期：老城的叫卖声", labels=["祝安", "阎小溪", "尚文渊"], roles={"尚文渊": "民俗学者"},
         notes=["阎小溪：谢谢尚老师"]),
    Case("explainer-named.txt", [], [], title="年轻人为什么越来越焦虑", authors=["秦朗"], dropped=["记者 秦朗"]),
    Case("podcast-name-lines.txt", ["今天的嘉宾是民俗学者尚文渊。", "阎小溪：尚老师，您最早录下的叫卖声是哪一种？", "祝安：现在还能听到哪些？"],
         [("尚文渊", "大家好。"), ("尚文渊", "是磨剪子的"), ("尚文渊", "收废品的")],
         title="声音博物馆\u3000第7期：老城的叫卖声", labels=["祝安", "阎小溪", "尚文渊"], roles={"尚文渊": "民俗学者"},
         notes=["阎小溪：谢谢尚老师"]),
    Case("feature-quotes.txt", [], [], title="守夜的人", authors=["蒯青"], dropped=["记者 蒯青"]),
    Case("chat-paste.txt", ["巫师傅，您现在一天能修几双鞋？", "那您还打算干多久？"], [("巫长河", "十来双吧"), ("巫长河", "干到干不动")],
         title="和修鞋匠的聊天记录", authors=["宓晴"], labels=["宓晴", "巫长河"], dropped=["记者 宓晴", "10:3", "10:40"],
         sentences=["修鞋匠巫长河在菜市场门口摆摊三十年了。", "以下是我们在微信上的聊天记录。", "巫师傅，您现在一天能修几双鞋？",
                    "十来双吧。", "现在的鞋坏了大家都扔了。", "那您还打算干多久？", "干到干不动为止。", "这门手艺总得有人守着。"]),
    Case("chat-greeting.txt", ["在吗？想问你几个问题。", "一天能跑多少单？", "下雨不危险吗？"],
         [("蒲小川", "在，刚送完"), ("蒲小川", "四十单"), ("蒲小川", "下雨天能多跑"), ("蒲小川", "危险。")],
         title="和外卖骑手的微信聊天", authors=["宓晴"], labels=["宓晴", "蒲小川"], dropped=["记者 宓晴", "21:"],
         sentences=["外卖骑手蒲小川在城东跑了三年单。", "以下是我们的微信聊天记录，经本人同意发表。", "在吗？", "想问你几个问题。",
                    "在，刚送完一单。", "一天能跑多少单？", "四十单左右。", "下雨天能多跑十单。", "下雨不危险吗？", "危险。",
                    "但是下雨天单价高。"]),
    Case("chat-dated.txt", ["柴老师，您学画画多久了？", "现在最喜欢画什么？"], [("柴秀兰", "五年了"), ("柴秀兰", "画荷花")],
         title="与一位退休教师的聊天记录", authors=["宓晴"], labels=["宓晴", "柴秀兰"], dropped=["记者 宓晴", "2024/3/8", "21:"],
         sentences=["退休教师柴秀兰今年八十岁，每天在老年大学学画画。", "柴老师，您学画画多久了？", "五年了。", "一开始连直线都画不直。",
                    "现在最喜欢画什么？", "画荷花。", "荷花好看，也好画。"]),
    Case("chat-me.txt", ["还在跑吗？", "夜里最怕遇到什么？"], [("祁东升", "在，刚送"), ("祁东升", "最怕")], title="凌晨两点的对话",
         authors=["宓晴"], labels=["我", "祁东升"], dropped=["记者 宓晴", "01:", "02:", "我："],
         sentences=["网约车司机祁东升只在夜里出车。", "以下是我们的聊天记录。", "还在跑吗？", "在，刚送一个喝多的乘客回家。",
                    "夜里最怕遇到什么？", "最怕乘客吐在车上。", "一晚上就白干了。"]),
    Case("bracket-host.txt", ["大家好，这里是《周末对谈》。今天我们请到了鸟类研究者冀晓岚。", "城市里能看到多少种鸟？", "普通人能做点什么？"],
         [("冀晓岚", "大家好。"), ("冀晓岚", "我们记录到"), ("冀晓岚", "少开一盏灯")], title="【对谈】城市里的候鸟",
         roles={"冀晓岚": "鸟类研究者"}, notes=["谢谢冀老师。"],
         sentences=["大家好，这里是《周末对谈》。", "今天我们请到了鸟类研究者冀晓岚。", "大家好。", "城市里能看到多少种鸟？",
                    "我们记录到一百二十多种。", "（笑）", "比很多人想的多。", "普通人能做点什么？", "少开一盏灯。",
                    "夜里的灯光会让候鸟迷路。", "谢谢冀老师。"]),
    Case("comments-paste.txt", ["磨一把刀要多久？", "现在生意好吗？"], [("邝永福", "十分钟"), ("邝永福", "还行")],
         title="菜市场里的磨刀人", authors=["芮冬"], editor="郜丹", labels=["问", "邝永福"],
         dropped=["记者 芮冬", "责任编辑", "精选留言", "小鱼儿", "江南老张", "这种手艺人", "点赞"]),
    Case("comments-below.html", ["磨一把刀要多久？", "现在生意好吗？"], [("邝永福", "十分钟"), ("邝永福", "还行")],
         title="菜市场里的磨刀人", authors=["芮冬"], dropped=["记者 芮冬", "网友评论", "小鱼儿", "江南老张", "匿名用户", "点赞"],
         sentences=["磨刀师傅邝永福每周六都会出现在菜市场东门。", "磨一把刀要多久？", "十分钟。", "好刀要磨得慢一点。",
                    "现在生意好吗？", "还行。", "老顾客都认识我。"]),
    Case("table-qa.html", ["七个学生在一个班吗？", "您想过离开吗？"], [("訾春梅", "对，一年级"), ("訾春梅", "想过。")],
         title="山村小学的最后一位老师", authors=["冉秋"], dropped=["记者 冉秋", "问"],
         sentences=["乡村教师訾春梅一个人教着全校七个学生。", "七个学生在一个班吗？", "对，一年级到四年级坐在一起。", "我轮流给他们上课。",
                    "您想过离开吗？", "想过。", "可是我走了，孩子们就得走十里山路去镇上。"]),
    Case("table-header.html", ["现在一天还有几个人坐船？", "您打算撑到什么时候？"], [("宓长根", "少的时候"), ("宓长根", "撑到")],
         title="江上的摆渡人", authors=["芮冬"], dropped=["记者 芮冬", "说话人", "内容"], notes=["（本文图片均由受访者提供）"],
         sentences=["摆渡人宓长根今年六十七岁，在这个渡口撑了四十年船。", "现在一天还有几个人坐船？", "少的时候三五个，都是去对岸种菜的老人。",
                    "您打算撑到什么时候？", "撑到没人坐为止。"]),
    Case("md-table.md", ["七个学生在一个班吗？", "您想过离开吗？"], [("訾春梅", "对，一年级"), ("訾春梅", "想过。")],
         title="山村小学的最后一位老师", authors=["冉秋"], dropped=["记者 冉秋", "问｜", "｜"],
         sentences=["乡村教师訾春梅一个人教着全校七个学生。", "七个学生在一个班吗？", "对，一年级到四年级坐在一起。", "我轮流给他们上课。",
                    "您想过离开吗？", "想过。", "可是我走了，孩子们就得走十里山路去镇上。"]),
    Case("md-table-header.md", ["现在一天还有几个人坐船？", "您打算撑到什么时候？"], [("宓长根", "少的时候"), ("宓长根", "撑到")],
         title="江上的摆渡人", authors=["芮冬"], dropped=["记者 芮冬", "说话人", "内容", "｜"],
         sentences=["摆渡人宓长根今年六十七岁。", "现在一天还有几个人坐船？", "少的时候三五个。", "您打算撑到什么时候？", "撑到没人坐为止。"]),
    Case("dl-unlabelled.html", ["一个糖画要画多久？", "孩子们最喜欢什么？"], [("阚德顺", "简单的一分钟"), ("阚德顺", "还是龙")],
         title="夜市里的糖画师傅", authors=["芮冬"], dropped=["记者 芮冬"], roles={"阚德顺": "糖画师傅"},
         sentences=["糖画师傅阚德顺在夜市摆摊十五年。", "记者近日采访了他。", "一个糖画要画多久？", "简单的一分钟，龙要五分钟。",
                    "孩子们最喜欢什么？", "还是龙。", "每个孩子都想要一条龙。"]),
    Case("bold-questions.docx", ["您修了多少年表？", "最难修的是什么表？"], [("殷国华", "四十年"), ("殷国华", "老怀表")],
         title="修钟表的人", authors=["钮岚"], dropped=["记者 钮岚"], roles={"殷国华": "钟表匠"},
         sentences=["钟表匠殷国华在老街守着一间小铺子。", "我们专访了这位钟表匠殷国华。", "您修了多少年表？", "四十年。", "十六岁跟师父学的。",
                    "最难修的是什么表？", "老怀表。", "零件都买不到了，只能自己做。"]),
]
IDS = [c.copy.replace(".", "-") for c in CASES]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Imported]:
    return import_cases(CASES, COPIES, tmp_path_factory.mktemp("outlets13"))


def _copy_sentences(case: Case) -> list[str]:
    return case_sentences(case, COPIES)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_answer_under_its_speaker_and_every_sentence_in_order(case: Case, imported) -> None:
    """Before: `快递员仉小满…我们和他聊了聊` and `記者日前專訪了他` left the answers `TODO: 受访者`; numbered questions
    each followed by prose stayed the article's paragraphs; `发言人：` was no label, and the whole press conference
    stayed in the article; `主持人：祝安、阎小溪` made only 祝安 a host, and `嘉宾：民俗学者尚文渊` was the first question;
    a Q&A table's header row stood in the article (`说话人：`, `内容`), and a Markdown table's rows were paragraphs
    (`问｜七个学生在一个班吗？`); a host's opening turn of two paragraphs was the host's answer under a `TODO: 问题`, and the host's closing words
    under a label alone on its line the host's answer;
    readers' comments were a speaker's answers; a page's `<table>` Q&A kept `问` as a paragraph in every answer,
    and a `<dl>` without labels printed each answer as a bulleted list; `这位钟表匠` was a role; a chat's reporter
    (the byline's author) whose first message asked nothing was a speaker, every message an answer; `【冀晓岚】`
    took no role from `请到了鸟类研究者冀晓岚`; a chat export's `宓晴 2024/3/8 21:02` left `宓晴 2024/3/8：` in the article,
    and the whole chat with it."""
    documents = {copy: item.document for copy, item in imported.items()}
    doc = document_of(documents, case.copy)
    assert_read_as_copy(doc, case.questions, case.answers, _copy_sentences(case), case.dropped)
    assert {s.name: s.role for s in doc.speakers if s.name in case.roles} == case.roles
    notes = [p.text for s in doc.sections if s.kind == "note" for p in s.paragraphs]
    assert [n[: len(f)] for n, f in zip(notes, case.notes)] == case.notes and len(notes) == len(case.notes), notes
    assert [p.text for s in doc.sections for a in s.answers for p in a.paragraphs if p.bullet or p.number] == []


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_copy_fills_the_front_matter(case: Case, imported) -> None:
    """Before: `编辑：祁蔓` beside `责编：庞越` made 祁蔓 the editor; a Notion export's `Created: Sep 3, 2023` and a CMS's
    `date: March 8, 2024` left the date TODO."""
    documents = {copy: item.document for copy, item in imported.items()}
    assert_front_matter(document_of(documents, case.copy), case.authors, case.editor, case.date, case.title)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_check_passes_with_only_warnings_the_editor_can_act_on(case: Case, imported) -> None:
    """Before: a plain copy's headline with a space between its Chinese words (`夜航电台 第42期`) was W415 on a line
    the editor had not written."""
    found = imported[case.copy].found
    assert [str(d) for d in found if d.severity == "error"] == []
    assert {d.code for d in found} - {"W406", "W407"} == set(), [str(d) for d in found]


def test_a_dashed_line_under_the_headline_is_the_subtitle(imported) -> None:
    """Before: `——记一位公交司机的清晨` under the headline was the article's first paragraph, dashes and all."""
    doc = imported["subtitle.txt"].document
    assert doc.meta.subtitle == "记一位公交司机的清晨"
    assert not any("记一位" in block for block in doc.text_blocks())


def test_what_the_importer_decided_is_said(imported) -> None:
    """The interviewee found by a pronoun carries a `# check:` quoting the introduction; the other editor is named
    beside `editor:`; the comments dropped are listed in the summary."""
    assert re.search(r"name: 仉小满 +# check: .*the copy names 快递员仉小满", imported["courier.txt"].text)
    assert re.search(r"editor: 庞越 +# from the credit line .*编辑：祁蔓", imported["editors.txt"].text)
    assert any("编辑：祁蔓" in note for note in imported["editors.txt"].summary)
    assert any("comments" in note and "小鱼儿" in note for note in imported["comments-paste.txt"].summary)
    assert any("发言人：" in note and "外交部发言人申小川" in note for note in imported["press-conference.txt"].summary)


def test_a_bare_comments_word_heading_a_section_keeps_its_paragraphs() -> None:
    """Only a page's own comments headings (`精选留言`, `网友评论`) drop what follows them: a copy's section headed
    `评论` keeps its sentences."""
    from tests.importers.importhelp import infer_draft

    draft = infer_draft("影评人的一年\n\n记者 秦朗\n\n今年他看了三百部电影。\n\n评论\n\n他说好电影越来越少了。\n\n但他还在写。")
    texts = [p.text for p in draft.article]
    assert "他说好电影越来越少了。" in texts and "但他还在写。" in texts


@pytest.mark.parametrize(("written", "day"), [("March 8, 2024 10:00 AM", dt.date(2024, 3, 8)), ("Mar 8, 2024", dt.date(2024, 3, 8)),
                                              ("8 March 2024", dt.date(2024, 3, 8)), ("二〇二四年三月八日", dt.date(2024, 3, 8)),
                                              ("2024-03-08 10:00", dt.date(2024, 3, 8)), ("05/03/2024", None), ("13912345678", None)])
def test_one_reader_of_written_dates(written: str, day) -> None:
    """The importer's app properties and CMS front matter read dates with `datesmeant` (E104's table): before,
    `properties.py` parsed `March 8, 2024` by hand and missed `Mar 8, 2024` and `8 March 2024`; a date that reads
    two ways gives none."""
    from pipeline.datesmeant import day_in

    assert day_in(written) == day
