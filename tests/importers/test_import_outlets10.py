"""Tenth sweep of other outlets' copy (tests/fixtures/import/outlets10/, written by hand): text a
PDF gave (`pdftotext`: lines broken mid-sentence, running heads, page numbers and form feeds, an
English word hyphenated at a line's end); a 速记稿 with time codes and （笑）（掌声）; 问：/答： with the
person named only in the introduction; initials declared with 以下简称 (`蒯：`, `晓宁：`); the
reporter's own paragraphs between the turns; a table of contents; an 编者按 above the headline; a
plain copy opening with its headline; a CMS export's `date:` and `author:`; `市民A` beside `网友A`;
a panel's introduction giving each name its role; `磨刀师傅邝永年`; a page with `<hr>` between its
turns, a WeChat page with `<ruby>` and `<br><br>`; a Word file whose questions are Word's numbered
list (make_docx.py).

Every expectation is written by hand from the copy. Each copy is imported with the real command's
function, its placeholders filled as an editor would, checked, and read by the reader: every
sentence of the copy in order under the speaker the copy names, nothing that is not copy in the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pipeline.check import check
from pipeline.cli import app
from pipeline.importers import import_copy as import_source
from pipeline.model import Document
from tests.importers.importhelp import (FIXTURES, assert_front_matter, assert_read_as_copy, copy_sentences, document_of,
                                        fill_placeholders, infer_draft, runner)

COPIES = FIXTURES / "outlets10"
_CODE = r"^\[\d\d:\d\d:\d\d\]\s*"  # the 速记稿's time codes


@dataclass
class Case:
    copy: str
    questions: list[str]
    answers: list[tuple[str, str]]  # (speaker's name, first words of the answer), in reading order
    title: str | None = None
    authors: list[str] | None = None
    editor: str | None = None
    date: dt.date | None = None
    names: dict[str, str] = field(default_factory=dict)  # a placeholder name → what the editor writes
    labels: list[str] = field(default_factory=list)  # label text of a plain-text copy (not sentences)
    dropped: list[str] = field(default_factory=list)  # not copy: in no block of the text
    sentences: list[str] = field(default_factory=list)  # the copy's sentences, by hand (else from its lines)
    prefix: str = ""
    roles: dict[str, str] = field(default_factory=dict)  # a speaker's name → the role the copy gives


CASES = [
    Case("pdf-extract.txt", ["您第一次撑船是多大？", "现在一天能渡多少人？", "您打算干到什么时候？"],
         [("尹德胜", "十九岁"), ("尹德胜", "少的时候"), ("尹德胜", "干到划不动")], title="渡口最后的摆渡人",
         date=dt.date(2024, 10, 8), dropped=["江城晚报", "— 3 —", "beauti-"],
         sentences=["六十三岁的尹德胜在江边摆了四十年渡。", "大桥通车以后，坐船的人一年比一年少，可他每天清晨五点还是准时解开缆绳。",
                    "“桥是好东西，”他说，“可总有人愿意慢一点过江。”", "十九岁。", "那时候江上有七八条渡船，我是最年轻的一个。",
                    "少的时候十来个，多是来拍照的年轻人。", "有个外国游客还说这是他见过最 beautiful 的渡口。", "干到划不动为止。",
                    "儿子劝我上岸，我说江水养了我一辈子，我得陪着它。"]),
    Case("suji.txt", ["各位下午好，今天请到两位开书店的朋友。先请冉老师说说，您的书店开了几年？", "后来呢？",
                      "郗先生，您的店主要靠什么撑下去？"],
         [("冉静", "整整十年了"), ("冉静", "后来街坊们"), ("郗明远", "靠卖咖啡")], title="“社区书店还能活多久”座谈会速记稿",
         date=dt.date(2024, 9, 21), labels=["主持人", "书店店主冉静", "旧书店老板郗明远"], prefix=_CODE,
         dropped=["时间：", "速记稿"], roles={"冉静": "书店店主", "郗明远": "旧书店老板"}),
    Case("qa-intro.txt", ["为什么选梭梭？", "最难的是哪一年？", "还会继续种吗？"],
         [("单玉凤", "梭梭耐旱"), ("单玉凤", "2003年"), ("单玉凤", "会。")], title="她在戈壁种了二十年树", authors=["龚雪"],
         names={"TODO: 受访者": "单玉凤"}, labels=["问", "答"], dropped=["本报记者", "种了二十年树"]),
    Case("initials.txt", ["你们家修琴修了几代？", "两种琴差别大吗？"],
         [("蒯建华", "到我是第二代"), ("蒯晓宁", "我算第三代"), ("蒯晓宁", "大得很"), ("蒯建华", "她比我有耐心")],
         title="两代修琴人", labels=["记者", "蒯", "晓宁"], dropped=["两代修琴人"],
         roles={"蒯建华": "钢琴调律师", "蒯晓宁": "管风琴修复师"}),
    Case("reporter-between.txt", ["夜班最忙是什么时候？", "刚才是什么情况？", "会觉得累吗？"],
         [("祝文丽", "凌晨两三点"), ("祝文丽", "一个老人"), ("祝文丽", "累。")], title="夜班护士的十二小时",
         labels=["问", "护士长祝文丽"], dropped=["十二小时"]),
    Case("toc.txt", ["路上最怕什么？", "马跟了你多少年？"], [("扎西平措", "最怕下雪"), ("扎西平措", "十一年了")],
         title="山里的邮递员", dropped=["目录"], roles={"扎西平措": "乡邮员"},
         sentences=["一、一个人的邮路", "乡邮员扎西平措负责的邮路全长一百二十公里，要翻三座山。", "二、马背上的包裹", "路上最怕什么？",
                    "最怕下雪。", "雪一大，山路就看不见了。", "马跟了你多少年？", "十一年了。", "它认路比我还准。", "三、最后一封信",
                    "明年，扎西平措就要退休了。", "他说，最后一封信，他想亲手送到。"]),
    Case("editor-note.txt", ["您开的第一条线是哪条？", "现在的乘客跟以前有什么不同？"],
         [("庹国强", "3路"), ("庹国强", "以前大家")], title="方向盘后的六十年", labels=["记者", "公交司机庹国强"],
         dropped=["方向盘后的六十年"]),
    Case("headline.txt", ["您做早点多少年了？", "最受欢迎的是什么？"], [("覃秀英", "二十二年"), ("覃秀英", "豆浆油条")],
         title="凌晨四点的早点铺", labels=["问", "老板娘覃秀英"], dropped=["凌晨四点的早点铺"]),
    Case("cms-date.md", ["邻居们怎么看？", "种了些什么？"], [("印桂兰", "一开始"), ("印桂兰", "辣椒")], title="楼顶上的菜园",
         authors=["宓佳"], date=dt.date(2024, 6, 15), dropped=["categories", "城市, 生活", "author"],
         sentences=["老城区一栋六层楼的楼顶，被退休教师印桂兰种成了菜园。", "邻居们怎么看？", "一开始有人反对，后来都来摘菜了。",
                    "种了些什么？", "辣椒、茄子、丝瓜，还有一棵无花果树。"]),
    Case("netizens.txt", ["你排了多久？", "值得吗？"],
         [("市民A", "快两个小时"), ("网友A", "我在网上"), ("市民A", "值得"), ("网友A", "说不好")],
         title="街头采访：你会为一本书排队吗？", labels=["问", "市民A", "网友A"], dropped=["街头采访"]),
    Case("panel-roles.txt", ["机器翻译现在到了什么水平？", "译者应该怎么办？"],
         [("房志远", "日常的东西"), ("柴小鸥", "我同意"), ("訾晨", "但进步"), ("房志远", "学会用它"), ("訾晨", "把它当成")],
         title="对谈：AI会取代翻译吗？", labels=["主持人", "房志远", "柴小鸥", "訾晨"], dropped=["对谈："],
         roles={"房志远": "译者", "柴小鸥": "语言学教授", "訾晨": "软件工程师"}),
    Case("knife.txt", ["您磨刀多少年了？", "现在还有人磨刀吗？"], [("邝永年", "四十多年了"), ("邝永年", "少了")], title="磨刀人",
         labels=["问", "磨刀师傅邝永年"], dropped=["磨刀人\n"], roles={"邝永年": "磨刀师傅"}),
    Case("hr-page.html", ["您修过最贵的表是什么？", "这门手艺有人接吗？"], [("闵庆余", "一块百达翡丽"), ("闵庆余", "没有。")],
         title="钟楼下的修表匠", date=dt.date(2024, 5, 20),
         sentences=["钟楼下的修表摊摆了三十年。", "摊主闵庆余戴着单眼放大镜，一坐就是一整天。", "一块百达翡丽，客人说是他爷爷留下的。",
                    "没有。", "我儿子在深圳做程序员。"]),
    Case("ruby-br.html", ["为什么要教这么难的字？", "效果怎么样？"], [("牟春燕", "孩子们喜欢"), ("牟春燕", "有个学生")],
         title="教孩子认生僻字的老师", dropped=["tāo", "tiè"],
         sentences=["乡村小学的语文老师牟春燕有一个习惯：遇到生僻字，就在黑板上写下拼音。", "她最爱举的例子是饕餮两个字。",
                    "孩子们喜欢。", "越难的字，他们越想认。", "有个学生去年参加汉字大赛，拿了全县第一。"]),
    Case("numbered-questions.docx", ["您一年要走多少地方？", "最怕遇到什么？", "孩子愿意接班吗？"],
         [("詹宏伟", "五六个省"), ("詹宏伟", "怕打农药"), ("詹宏伟", "不愿意")], title="养蜂人的春天", authors=["卓然"],
         editor="蔺芳", dropped=["文："],
         sentences=["每年三月，养蜂人詹宏伟都要带着两百箱蜜蜂往北走，追着油菜花开的方向。", "五六个省。", "从云南一路走到青海。",
                    "怕打农药。", "一场药下来，蜂就死一大片。", "不愿意。", "太苦了，我也不想让他干。"]),
]
IDS = [c.copy.replace(".", "-") for c in CASES]


@dataclass
class Imported:
    text: str  # the source the importer wrote
    document: Document | str  # the filled source as the reader reads it (or why it cannot)
    found: list  # what `publish check` says of the filled source
    summary: list[str]  # the summary's notes


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Imported]:
    out = tmp_path_factory.mktemp("outlets10")
    found = {}
    for case in CASES:
        source = out / f"{case.copy.replace('.', '-')}.md"
        written, draft = import_source(COPIES / case.copy, source.stem)[:2]
        source.write_text(written, encoding="utf-8")
        filled = fill_placeholders(source)
        text = filled.read_text(encoding="utf-8")
        for placeholder, name in case.names.items():
            text = text.replace(f'"{placeholder}"', name)
        filled.write_text(re.sub(r"\n    voice: \{gender: TODO\}[^\n]*", "", text), encoding="utf-8")
        doc, diagnostics = check(filled, pinyin=False)
        problems = [str(d) for d in diagnostics if d.severity == "error"]
        found[case.copy] = Imported(written, doc if doc is not None and not problems else "; ".join(problems),
                                    diagnostics, draft.stats.notes)
    return found


def _copy_sentences(case: Case) -> list[str]:
    return case.sentences or copy_sentences(COPIES / case.copy, case.labels, case.dropped, prefix=case.prefix)[1:]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_answer_under_its_speaker_and_every_sentence_in_order(case: Case, imported) -> None:
    """Before: a table of contents made the whole interview notes; `蒯：`/`晓宁：` answers and the
    intro's `乡邮员扎西平措` were no labels; `市民A` and `网友A` were one speaker “A”; a PDF's running head
    stood inside an answer and `beauti-` / `ful` stayed apart; a ruby's `tāo` ran into the text."""
    documents = {copy: item.document for copy, item in imported.items()}
    doc = document_of(documents, case.copy)
    assert_read_as_copy(doc, case.questions, case.answers, _copy_sentences(case), case.dropped)
    assert {s.name: s.role for s in doc.speakers if s.name in case.roles} == case.roles


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_copy_fills_the_front_matter(case: Case, imported) -> None:
    """Before: a plain copy's headline was its first paragraph and the title TODO; a CMS export's
    `date:` and `author:` and a PDF's dated running head were left out."""
    documents = {copy: item.document for copy, item in imported.items()}
    assert_front_matter(document_of(documents, case.copy), case.authors, case.editor, case.date, case.title)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_check_passes_with_only_warnings_the_editor_can_act_on(case: Case, imported) -> None:
    """Before: `磨刀师傅邝永年` was split on “little evidence” (磨刀师 + 傅邝永年 scored against it), W407."""
    found = imported[case.copy].found
    assert [str(d) for d in found if d.severity == "error"] == []
    assert {d.code for d in found} - {"W406", "W407"} == set(), [str(d) for d in found]
    assert [d.message for d in found if d.code == "W407" and "邝永年" in d.message] == []


def test_what_is_left_out_is_said_and_what_is_the_writers_is_the_hosts(imported) -> None:
    """A page's `<hr>` and ruby readings, a PDF's running heads, a table of contents: each in the
    summary; a stage direction closing a paragraph and the reporter's narration are asides."""
    assert any("<hr>" in note and "2 section break" in note for note in imported["hr-page.html"].summary)
    assert any("<ruby>" in note for note in imported["ruby-br.html"].summary)
    assert any("running head" in note and "江城晚报" in note for note in imported["pdf-extract.txt"].summary)
    assert any("“目录”" in note for note in imported["toc.txt"].summary)
    assert "一坐就是一下午。[（掌声）]{.aside}" in imported["suji.txt"].text
    asides = re.findall(r"^\[(.+)\]\{\.aside\}$", imported["reporter-between.txt"].text, re.M)
    assert [a[:6] for a in asides] == ["说话间，分诊", "凌晨五点，窗"]


# -- the classes, one row each (small copies written by hand) --------------------------------------

def _answers(draft) -> list[tuple[str, list[str]]]:
    return [(draft.people[a.person].name, [p.text for p in a.paragraphs]) for a in draft.answers]


_QA = "\n\n问：你在这里多久了？\n\n门卫钱国栋：十年了。\n\n问：累吗？\n\n门卫钱国栋：不累。"


@pytest.mark.parametrize("top,title,article", [
    ("夜里的门卫", "夜里的门卫", ["小区门口的岗亭，灯一夜不灭。"]),
    ("编者按：这是“城市守夜人”系列的第三篇。\n\n夜里的门卫", "夜里的门卫", ["编者按：这是“城市守夜人”系列的第三篇。",
                                                             "小区门口的岗亭，灯一夜不灭。"]),
    ("夜里，小区门口的门卫还醒着。", None, ["夜里，小区门口的门卫还醒着。", "小区门口的岗亭，灯一夜不灭。"]),
    ("（本文人物均为化名）", None, ["（本文人物均为化名）", "小区门口的岗亭，灯一夜不灭。"]),
    ("一、岗亭", None, ["一、岗亭", "小区门口的岗亭，灯一夜不灭。"]),
], ids=["headline", "editors-note-above", "a-sentence", "a-bracketed-note", "a-section-heading"])
def test_a_plain_copys_first_line_is_its_headline(top: str, title: str | None, article: list[str]) -> None:
    draft = infer_draft(f"{top}\n\n小区门口的岗亭，灯一夜不灭。{_QA}")
    assert (draft.title, [p.text for p in draft.article]) == (title, article)


def test_a_question_over_its_answer_is_no_headline() -> None:
    draft = infer_draft("你在这里多久了？\n\n门卫钱国栋：十年了。\n\n累吗？\n\n门卫钱国栋：不累。")
    assert draft.title is None and [c.title for c in draft.chapters] == ["你在这里多久了？", "累吗？"]


def test_a_cms_front_matters_date_and_authors() -> None:
    from pipeline.importers.formats import read_text

    extracted = read_text("---\ntitle: 夜里的门卫\nauthors:\n  - 甄小禾\n  - 濮阳\npublished: 2023-12-01T08:00:00Z\n---\n\n"
                          "小区门口的岗亭，灯一夜不灭。\n")
    assert (extracted.title, extracted.date) == ("夜里的门卫", dt.date(2023, 12, 1))
    assert [b.text for b in extracted.blocks] == ["作者：甄小禾、濮阳", "小区门口的岗亭，灯一夜不灭。"]


def test_a_pdfs_running_heads_and_page_numbers_and_hyphens() -> None:
    from pipeline.importers.formats import read_text

    page = "城市周刊　第12期\n\n小区门口的岗亭，灯一夜不灭。门卫说他最怕的是冬\n天的后半夜。他读 Hemingway 的 The Old Man and the\nSea，一本很旧的 paper-\nback。\n\n"
    extracted = read_text(page + "第 1 页\n\f城市周刊　第12期\n\n他说读书让夜变短了。\n\n另一位门卫不读书。\n\n他听广播。\n\n第 2 页\n")
    assert [b.text for b in extracted.blocks] == [
        "小区门口的岗亭，灯一夜不灭。门卫说他最怕的是冬天的后半夜。他读 Hemingway 的 The Old Man and the Sea，一本很旧的 paperback。",
        "第 1 页", "他说读书让夜变短了。", "另一位门卫不读书。", "他听广播。", "第 2 页"]  # (the numbers: furniture, later)
    assert any("running head" in note and "城市周刊" in note for note in extracted.notes)
    once = read_text("城市周刊\n\n小区门口的岗亭。\n\n城市周刊\n\n灯一夜不灭。\n")  # (no page breaks: text, kept)
    assert [b.text for b in once.blocks] == ["城市周刊", "小区门口的岗亭。", "城市周刊", "灯一夜不灭。"]
    sections = read_text("01\n\n记者\n\n你在这里多久了？\n\n门卫钱国栋\n\n十年了。\n\n02\n\n记者\n\n累吗？\n\n门卫钱国栋\n\n不累。\n")
    assert [b.text for b in sections.blocks][1:4] == ["记者", "你在这里多久了？", "门卫钱国栋"]  # (a paste's sections)


@pytest.mark.parametrize("heading", ["目录", "Contents"], ids=["mulu", "contents"])
def test_a_table_of_contents_is_left_out_and_its_sections_stay(heading: str) -> None:
    draft = infer_draft(f"夜里的门卫\n\n{heading}\n\n一、岗亭\n\n二、后半夜\n\n一、岗亭\n\n小区门口的岗亭，灯一夜不灭。\n\n"
                        f"二、后半夜{_QA}")
    assert [p.text for p in draft.article] == ["一、岗亭", "小区门口的岗亭，灯一夜不灭。", "二、后半夜"]
    assert [c.title for c in draft.chapters] == ["你在这里多久了？", "累吗？"]
    assert _answers(draft) == [("钱国栋", ["十年了。"]), ("钱国栋", ["不累。"])]


@pytest.mark.parametrize("one,two", [("市民B", "网友B"), ("读者C", "观众C")], ids=["citizen-netizen", "reader-viewer"])
def test_two_roles_with_one_letter_are_two_people(one: str, two: str) -> None:
    draft = infer_draft(f"街头。\n\n问：你等了多久？\n\n{one}：一小时。\n\n{two}：两小时。\n\n问：值吗？\n\n{one}：值。\n\n{two}：不值。")
    assert _answers(draft) == [(one, ["一小时。"]), (two, ["两小时。"]), (one, ["值。"]), (two, ["不值。"])]


@pytest.mark.parametrize("label,role,name", [("磨刀师傅邝永年", "磨刀师傅", "邝永年"), ("修锁师傅卜海生", "修锁师傅", "卜海生"),
                                             ("乡邮员次仁", "乡邮员", "次仁"), ("牧民扎西多吉", "牧民", "扎西多吉")],
                         ids=["knife-grinder", "locksmith", "postman-tibetan", "herder-tibetan"])
def test_a_role_word_keeps_its_last_character_and_a_name_needs_no_surname(label: str, role: str, name: str) -> None:
    """Before: 师傅's 傅 (a surname) counted against `磨刀师傅|邝永年` (W407), and a Tibetan name
    (no surname in any table) after a role was no label at all."""
    draft = infer_draft(f"一条老街。\n\n问：你干了多久？\n\n{label}：四十年。\n\n问：还干吗？\n\n{label}：干。")
    people = [(p.name, p.role) for p in draft.people]
    assert people == [(name, role)]
    assert (draft.people[0].doubts == []) == label.startswith(("磨刀", "修锁"))


@pytest.mark.parametrize("answer,aside", [("说得好。（掌声）", "（掌声）"), ("好！（众笑）", "（众笑）"), ("我觉得（笑）还行。", None),
                                          ("那是2019年。（疫情前）", None)],
                         ids=["applause-at-end", "laughter-at-end", "laugh-inside-a-sentence", "another-bracket-at-end"])
def test_a_stage_direction_after_a_sentence_is_an_aside(answer: str, aside: str | None) -> None:
    """Before: `（掌声）` closing an answer was the speaker's words; inside a sentence it stays so (the
    first title's `又仔细看了下（笑）。`), and so does another bracket closing the paragraph."""
    draft = infer_draft(f"座谈会。\n\n主持人：您怎么看？\n\n书店店主冉静：{answer}\n\n主持人：还有呢？\n\n书店店主冉静：没了。")
    para = draft.answers[0].paragraphs[0]
    assert [para.text[a:b] for a, b in para.asides] == ([aside] if aside else [])


def test_labels_the_introduction_declares() -> None:
    """`（以下简称“X”）` / `（下称X）` declare a short label; `张三（律师）、李四（教师）` a role for a bare one."""
    draft = infer_draft("一桩旧案。\n\n采访对象：律师甄永强（下称甄），他的助手葛岚（以下简称“小葛”）。\n\n问：案子难吗？\n\n甄：难。\n\n"
                        "小葛：很难。\n\n问：赢了吗？\n\n甄：赢了。")
    assert _answers(draft) == [("甄永强", ["难。"]), ("葛岚", ["很难。"]), ("甄永强", ["赢了。"])]
    panel = infer_draft("对谈。\n\n本期嘉宾：甄永强（律师）、葛岚（中学教师）。\n\n主持人：难吗？\n\n甄永强：难。\n\n葛岚：不难。\n\n"
                        "主持人：还做吗？\n\n甄永强：做。\n\n葛岚：做。")
    assert [(p.name, p.role) for p in panel.people] == [("甄永强", "律师"), ("葛岚", "中学教师")]


def test_the_writers_narration_in_an_answer_is_the_hosts() -> None:
    draft = infer_draft("急诊室。\n\n问：忙吗？\n\n护士长祝文丽：忙。\n\n电话响了，祝文丽转身走了。\n\n问：你叫什么？\n\n"
                        "护士长祝文丽：我叫祝文丽。\n\n我的同事都叫我祝文丽姐。")
    asides = [[p.text[a:b] for a, b in p.asides] for a in draft.answers for p in a.paragraphs]
    assert asides == [[], ["电话响了，祝文丽转身走了。"], [], []]
    assert any("made an aside" in note for note in draft.stats.notes)


def test_a_pages_ruby_and_rules() -> None:
    from pipeline.importers.webpage import read_html

    page = read_html('<div id="js_content"><p><ruby>饕<rp>(</rp><rt>tāo</rt><rp>)</rp></ruby>餮是什么？</p><hr>'
                     "<p>一种怪兽。<br><br>贪吃。</p></div>")
    assert [b.text for b in page.blocks] == ["饕餮是什么？", "一种怪兽。", "贪吃。"]
    assert sum(("<hr>" in n) + ("<ruby>" in n) for n in page.notes) == 2


def test_the_summary_prints_each_merge_and_doubt_on_a_line_of_its_own(tmp_path: Path) -> None:
    """Before: `uncertain splits 1\\n    id: …` printed its line breaks as `\\n`."""
    copy = tmp_path / "copy.txt"
    copy.write_text("一条老街。\n\n问：干了多久？\n\n锁匠甄永强：四十年。\n\n问：还干吗？\n\n甄永强：干。\n\n问：累吗？\n\n老甄：累。\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["import", str(copy), "--out-dir", str(tmp_path / "out"), "--slug", "lock"])
    assert result.exit_code == 0, result.output
    assert "\\n" not in result.output
    assert re.search(r"^  merges\s+[1-9]", result.output, re.M)
