"""Eighth sweep of other outlets' copy (tests/fixtures/import/outlets8/, written by hand): a
named interviewer (`记者 张三：`) and host (`主持人李四：`), answers of several paragraphs whose
paragraphs open `他说：` / `注：` / `时间：` / `编者按：`, labels in 【】 and 〔〕, Markdown pasted
from another CMS, a byline block and a 责任编辑/来源 tail, a speaker named in full and later by
surname and title (王教授, 闫工), a tradesman's title glued to the name (`师傅梁志强：`), meeting
transcripts of numbered voices (`说话人1 00:15`, `发言人 1  00:00:05`), a traditional compound
surname (歐陽娜娜 / 歐陽), a news page with `<blockquote>` answers under `<strong>name</strong>：`,
a WeChat page of bold `Q：` turns and a Word file whose Q&A is a two-column table.

Every expectation is written by hand from the copy. Each copy is imported with the real command,
its placeholders filled as an editor would, checked, and read by the reader: every sentence of
the copy in order under the speaker the copy names, nothing that is not copy in the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pipeline.check import check
from pipeline.importers import import_copy as import_source
from pipeline.model import Document
from tests.importers.importhelp import (FIXTURES, assert_front_matter, assert_read_as_copy, copy_sentences, document_of,
                                        fill_placeholders, infer_draft)

COPIES = FIXTURES / "outlets8"
_PREFIX = r"^#+\s+|^>\s*|\*\*|^\*|\*$"  # Markdown marks of the CMS paste (cms.txt)
_CODE = r"\s*(?:\d\d:)?\d\d:\d\d$"  # a meeting transcript's time code after its voice


@dataclass
class Case:
    copy: str
    questions: list[str]
    answers: list[tuple[str, str]]  # (speaker's name, first words of the answer), in reading order
    authors: list[str] | None = None  # None: the copy names no author (the editor fills it)
    editor: str | None = None
    date: dt.date | None = None
    title: str | None = None
    names: dict[str, str] = field(default_factory=dict)  # a placeholder name → what the editor writes
    labels: list[str] = field(default_factory=list)  # label text of a plain-text copy (not sentences)
    dropped: list[str] = field(default_factory=list)  # not copy: in no block of the text
    sentences: list[str] = field(default_factory=list)  # a page's or Word file's text, by hand
    warnings: set[str] = field(default_factory=set)  # beside W406/W407


CASES = [
    Case("named-interviewer.txt", ["您在这里摆摊多少年了？", "拆迁的消息什么时候知道的？", "以后打算怎么办？"],
         [("韦德明", "三十一年"), ("韦德明", "去年冬天"), ("韦德明", "走一步")], labels=["旧货商韦德明", "记者 张三"]),
    Case("host-named.txt", ["欢迎汤宇来到节目。你每周跑几次？", "晚上跑步安全吗？"],
         [("汤宇", "四次左右"), ("汤宇", "我们一般")], labels=["夜跑者汤宇", "主持人李四"]),  # (thanks: a note)
    Case("colon-paragraphs.txt", ["你为什么决定关店？", "还有什么舍不得的？", "最后一张照片拍的是什么？"],
         [("罗秀英", "现在人人"), ("罗秀英", "底片。"), ("罗秀英", "一对老夫妻")], labels=["照相馆店主罗秀英"]),
    Case("brackets.txt", ["最热的时候是几点？", "怎么防暑？"],
         [("郝建", "下午两点"), ("苗青", "我觉得"), ("郝建", "多喝水"), ("苗青", "站点发了")],
         labels=["【骑手郝建】", "〔骑手苗青〕"]),
    Case("cms.txt", ["您每天都来吗？", "饭菜合口味吗？"], [("甘丽华", "我每天都来"), ("褚大勇", "合口味")],
         title="社区食堂里的老人们", labels=["食堂志愿者甘丽华", "退休工人褚大勇"], dropped=["社区食堂里的老人们"]),
    Case("byline-tail.txt", ["你几点起床？", "累不累？"], [("池海生", "两点半"), ("池海生", "累，但是")],
         authors=["何佳音", "邵晨"], editor="邬明", date=dt.date(2024, 5, 20), labels=["鱼摊主池海生"],
         dropped=["记者 何佳音", "2024-05-20", "责任编辑", "来源："]),
    Case("short-forms.txt", ["城里的鸟多了吗？", "哪种鸟最难拍？"],
         [("王立群", "城里的鸟比"), ("闫国庆", "我拍了十年"), ("王立群", "翠鸟"), ("闫国庆", "我同意")],
         labels=["鸟类学教授王立群", "退休工程师闫国庆", "王教授", "闫工"]),
    Case("shifu.txt", ["您做牛杂多少年了？", "徒弟学得怎么样？", "为什么？"],
         [("梁志强", "二十年了"), ("卢小东", "还差得远"), ("梁志强", "火候")], labels=["记者", "师傅梁志强", "徒弟卢小东"]),
    Case("feishu.txt", ["各位邻居好，今天我们商量加装电梯的事。大家有什么意见？", "一楼的损失怎么补偿？"],
         [("郑六楼", "我住六楼"), ("钱一楼", "我住一楼"), ("郑六楼", "我们楼上"), ("钱一楼", "那我再")],
         names={"TODO: 说话人2": "郑六楼", "TODO: 说话人3": "钱一楼"}, labels=["说话人1", "说话人2", "说话人3"]),
    Case("tencent.txt", ["这本书你读了多久？", "你最喜欢哪一章？"], [("冯书友", "一个星期"), ("冯书友", "写旧城墙")],
         names={"TODO: 发言人 2": "冯书友"}, labels=["发言人 1", "发言人 2"]),
    Case("ouyang.txt", ["您為什麼回來接手茶行？", "年輕人喝茶嗎？", "您的祖父怎麼看？"],
         [("歐陽娜娜", "祖父年紀大了"), ("歐陽娜娜", "喝。"), ("歐陽娜娜", "他說：只要茶好")],
         labels=["記者", "茶行老闆歐陽娜娜", "歐陽娜娜", "歐陽"]),
    Case("blockquote.html", ["您是怎么学会修琴的？", "现在还有人修琴吗？"],
         [("冼家明", "我年轻时"), ("冼家明", "有。"), ("龚小雅", "我就是")],
         authors=["宁小雨"], editor="阮文", date=dt.date(2024, 9, 14), title="对话｜修琴的人",
         sentences=["老城区的一条巷子里，有一家开了二十五年的钢琴修理铺，店主叫冼家明。", "我年轻时在琴厂做学徒，一做就是八年。",
                    "后来琴厂关了，我就自己出来开店。", "有。", "很多家里的琴放了十几年，孩子长大了又想弹。",
                    "我就是因为小时候的琴坏了，才来跟冼师傅学的。"],
         dropped=["文｜宁小雨", "责任编辑", "首页", "版权所有", "扫码关注"]),
    Case("wechat-strong.html", ["你为什么半夜来洗衣服？", "一个人不害怕吗？"], [("苏晓冉", "白天实验室"), ("苏晓冉", "不怕。")],
         authors=["聂芳"], editor="查明", title="凌晨的洗衣房",
         sentences=["大学城的自助洗衣房24小时开放，凌晨两点也有人来。", "白天实验室走不开，只有半夜有空。", "不怕。",
                    "这里有监控，而且常常能碰到同门。", "有一次我们在这里讨论了一晚上的论文。"],
         dropped=["Q：", "凌晨的洗衣房", "在看", "脚本"]),
    Case("table-qa.docx", ["您在这个渡口摆渡多少年了？", "桥修好以后，坐船的人还多吗？"],
         [("滕长贵", "四十年"), ("滕长贵", "少多了")], authors=["符晓峰"], editor="谷雨", title="最后的摆渡人",
         sentences=["江边的古渡口，每天还有一条木船来回。", "四十年。", "我父亲也是摆渡的。", "少多了。",
                    "现在坐船的大多是来看风景的。", "有时候一天只有两三趟。", "大桥通车后，渡口可能明年停航。"],
         dropped=["问", "作者："]),
]
IDS = [c.copy.replace(".", "-") for c in CASES]


@dataclass
class Imported:
    source: Path
    filled: Path
    document: Document | str  # the filled source as the reader reads it (or why it cannot)
    found: list  # what `publish check` says of the filled source


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Imported]:
    out = tmp_path_factory.mktemp("outlets8")
    found = {}
    for case in CASES:
        # (the command's own reading of what it writes is left out: `check` below reads it, once)
        source = out / f"{case.copy.replace('.', '-')}.md"
        source.write_text(import_source(COPIES / case.copy, source.stem)[0], encoding="utf-8")
        filled = fill_placeholders(source)
        text = filled.read_text(encoding="utf-8")
        for placeholder, name in case.names.items():
            text = text.replace(f'"{placeholder}"', name)
        filled.write_text(re.sub(r"\n    voice: \{gender: TODO\}[^\n]*", "", text), encoding="utf-8")
        doc, diagnostics = check(filled, pinyin=False)  # (one reading of the source serves both)
        problems = [str(d) for d in diagnostics if d.severity == "error"]
        found[case.copy] = Imported(source, filled, doc if doc is not None and not problems else "; ".join(problems),
                                    diagnostics)
    return found


@pytest.fixture(scope="module")
def documents(imported: dict[str, Imported]) -> dict[str, Document | str]:
    return {copy: item.document for copy, item in imported.items()}


def _copy_sentences(case: Case) -> list[str]:
    return case.sentences or copy_sentences(COPIES / case.copy, case.labels, case.dropped, prefix=_PREFIX if (
        case.copy == "cms.txt") else _CODE if case.names else "")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_answer_under_its_speaker_and_every_sentence_in_order(case: Case, documents) -> None:
    """Before: `师傅梁志强：` and `歐陽娜娜：` were no labels (their answers went, label and all, to
    `TODO: 受访者`); a meeting transcript's `说话人1：` lines stayed in the article with every turn;
    `〔骑手苗青〕` answers were added to the previous speaker's; Markdown from a CMS stopped the import
    (an importer bug, E229); `鱼摊主池海生：` answers (a rare surname) stayed in the article; a page
    with a byline inside its `<article>` came in as one paragraph; a Word table's `问` cells were
    paragraphs of the answers."""
    assert_read_as_copy(document_of(documents, case.copy), case.questions, case.answers, _copy_sentences(case), case.dropped)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_copy_fills_the_front_matter(case: Case, documents) -> None:
    assert_front_matter(document_of(documents, case.copy), case.authors, case.editor, case.date, case.title)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_check_passes_with_only_warnings_the_editor_can_act_on(case: Case, imported) -> None:
    found = imported[case.copy].found
    assert [str(d) for d in found if d.severity == "error"] == []
    assert {d.code for d in found} - {"W406", "W407"} == case.warnings, [str(d) for d in found]


def test_a_tradesmans_title_is_the_role_and_the_voices_are_placeholders(imported) -> None:
    """`师傅梁志强` is 梁志强 with the role 师傅; each numbered voice of a transcript is a speaker
    whose name the editor must write (an error until then), never `说话人2` printed as a name."""
    shifu = imported["shifu.txt"].source.read_text(encoding="utf-8")
    assert "name: 梁志强\n    role: 师傅\n" in shifu
    feishu = imported["feishu.txt"].source.read_text(encoding="utf-8")
    assert re.findall(r'name: "(TODO: [^"]+)"', feishu) == ["TODO: 说话人2", "TODO: 说话人3"]
    _doc, found = check(imported["feishu.txt"].source, pinyin=False)
    assert [re.search(r"'speakers\.\d\.name' is still a placeholder", str(d))[0] for d in found if d.code == "E126"] == [
        "'speakers.0.name' is still a placeholder", "'speakers.1.name' is still a placeholder"]


def test_the_paragraph_after_a_qa_table_is_no_speakers_words(documents) -> None:
    """Before: the Word file's closing paragraph, after its Q&A table, was the last answer's."""
    doc = document_of(documents, "table-qa.docx")
    last = [s for s in doc.sections if s.kind == "question"][-1]
    assert ["".join(p.text for p in a.paragraphs) for a in last.answers] == ["少多了。现在坐船的大多是来看风景的。有时候一天只有两三趟。"]
    assert [p.text for s in doc.sections if s.kind == "note" for p in s.paragraphs] == ["大桥通车后，渡口可能明年停航。"]


# -- the classes, one row each (a small copy written by hand) -------------------------------------

QA = "一位骑手的冬天。\n\n你送外卖多久了？\n\n{a}三年了。\n\n冬天难吗？\n\n{b}手冷。"


def _answers(draft) -> list[tuple[str, str | None, list[str]]]:
    return [(draft.people[a.person].name, draft.people[a.person].role, [p.text for p in a.paragraphs])
            for a in draft.answers]


@pytest.mark.parametrize("label,role,later", [("师傅梁志强", "师傅", "梁师傅"), ("保安大叔李建国", "保安大叔", "李大叔"),
                                              ("看门大爷赵根生", "看门大爷", "赵大爷"), ("師傅梁志強", "師傅", "梁師傅")])
def test_a_street_title_before_the_name_is_the_role(label: str, role: str, later: str) -> None:
    """Before: `师傅` read as 师 + the surname 傅 and `师傅梁志强：` was no label; `李大叔` read as the
    name 李大."""
    name = label[len(role):]
    draft = infer_draft(QA.format(a=f"{label}：", b=f"{later}："))
    assert _answers(draft) == [(name, role, ["三年了。"]), (name, role, ["手冷。"])]


@pytest.mark.parametrize("first,later", [("歐陽娜娜", "歐陽"), ("司馬光明", "司馬"), ("諸葛亮亮", "諸葛")])
def test_a_traditional_compound_surname(first: str, later: str) -> None:
    """Before: the surname table had no traditional form of a compound surname (CC-CEDICT calls
    them "two-character surname …"), so `歐陽娜娜：` was no label and `司馬光明` read as 司 + 馬光明."""
    draft = infer_draft(QA.format(a=f"記者：問\n\n{first}：", b=f"{later}："))
    assert [(name, paras) for name, _role, paras in _answers(draft)] == [(first, ["三年了。"]), (first, ["手冷。"])]


@pytest.mark.parametrize("one,two", [("说话人1", "说话人2"), ("发言人 1", "发言人 2"), ("Speaker 1", "Speaker 2"),
                                     ("說話人1", "說話人2")])
@pytest.mark.parametrize("layout", ["{v} 00:15\n{t}", "{v}：{t}", "{v}  00:00:15\n{t}"], ids=["code", "inline", "seconds"])
def test_a_meeting_transcripts_numbered_voices(one: str, two: str, layout: str) -> None:
    """Before: `说话人1：` stayed in the article with the whole transcript; `发言人 1  00:00:05` left `05`
    as an answer."""
    turns = [(one, "你送外卖多久了？"), (two, "三年了。"), (one, "冬天难吗？"), (two, "手冷。")]
    draft = infer_draft("一位骑手的冬天。\n\n" + "\n\n".join(layout.format(v=v, t=t) for v, t in turns))
    assert [c.title for c in draft.chapters] == ["你送外卖多久了？", "冬天难吗？"]
    assert [(name, paras) for name, _role, paras in _answers(draft)] == [(f"TODO: {two}", ["三年了。"]),
                                                                         (f"TODO: {two}", ["手冷。"])]


@pytest.mark.parametrize("brackets", ["【】", "〔〕", "〖〗", "［］", "[]"])
def test_a_label_in_brackets(brackets: str) -> None:
    o, c = brackets
    draft = infer_draft(f"一位骑手的冬天。\n\n{o}编者按{c}这是旧稿。\n\n" + QA.split("\n\n", 1)[1].format(
        a=f"{o}骑手王强{c}", b=f"{o}骑手王强{c}"))
    assert _answers(draft) == [("王强", "骑手", ["三年了。"]), ("王强", "骑手", ["手冷。"])]
    assert [p.text for p in draft.article] == ["一位骑手的冬天。", f"{o}编者按{c}这是旧稿。"]


@pytest.mark.parametrize("label", ["店主周　明", "店主周 明", "周　明"])
def test_a_name_padded_to_three_characters(label: str) -> None:
    assert [name for name, _r, _p in _answers(infer_draft(QA.format(a=f"{label}：", b=f"{label}：")))] == ["周明", "周明"]


def test_markdown_of_a_cms_paste() -> None:
    """Before: `**骑手王强：**` put `**` into the role (the import stopped, E229); `![](…)` and
    `[text](…)` were printed as written, escaped, their `!` and brackets made full-width."""
    from pipeline.importers.formats import read_text

    from pipeline.importers.extracted import LINK_BASE, LINK_CLOSE, LINK_OPEN

    copy = ("# 夜班\n\n> 一位骑手的冬天。![](https://img.example.org/a.jpg)\n\n* * *\n\n## 你送外卖多久了？\n\n"
            "**骑手王强：** 三年了。\n\n![骑手](https://img.example.org/b.jpg \"骑手\")\n\n__冬天难吗？__\n\n"
            "**骑手王强**：手冷，见[站点](https://example.org/z)和[群](/group)。\n\n*（文中王强为化名。）*\n")
    extracted = read_text(copy)
    assert extracted.title == "夜班"
    link = f"{LINK_OPEN}{chr(LINK_BASE)}站点{LINK_CLOSE}"
    assert [(b.text, b.heading, b.strong) for b in extracted.blocks] == [
        ("一位骑手的冬天。", False, False), ("你送外卖多久了？", True, False), ("骑手王强：三年了。", False, False),
        ("冬天难吗？", False, True), (f"骑手王强：手冷，见{link}和群。", False, False), ("（文中王强为化名。）", False, False)]
    assert extracted.links == ["https://example.org/z"]


def test_two_labels_answering_questions_one_read_with_confidence() -> None:
    """Before: `鱼摊主池海生：` (a rare surname, read with a doubt) answering the copy's own
    questions left the interview in the article."""
    draft = infer_draft(QA.format(a="鱼摊主池海生：", b="鱼摊主池海生："))
    assert [(name, paras) for name, _role, paras in _answers(draft)] == [("池海生", ["三年了。"]), ("池海生", ["手冷。"])]


def test_a_page_trafilatura_runs_together_is_read_again() -> None:
    """Before: a short `<article>` holding a byline element came in as one paragraph."""
    from pipeline.importers.webpage import read_html

    page = ("<html><body><article><h1>夜班</h1><p class='byline'>文｜林一</p><p>一位骑手的冬天。</p>"
            "<h3>你送外卖多久了？</h3><p><strong>骑手王强</strong>：</p><blockquote><p>三年了。</p></blockquote>"
            "<h3>冬天难吗？</h3><p><strong>骑手王强</strong>：</p><blockquote><p>手冷。</p></blockquote></article></body></html>")
    texts = [b.text for b in read_html(page).blocks]
    assert texts[-6:] == ["一位骑手的冬天。", "你送外卖多久了？", "骑手王强：", "三年了。", "冬天难吗？", "骑手王强：", "手冷。"][-6:]
    assert "文｜林一" in texts and not any("三年了。" in t and "手冷" in t for t in texts)


def test_a_two_column_table_names_who_speaks() -> None:
    from pipeline.importers.webpage import read_html

    rows = "".join(f"<tr><td><p>{who}</p></td><td><p>{words}</p></td></tr>" for who, words in [
        ("问", "你送外卖多久了？"), ("骑手王强", "三年了。"), ("问", "冬天难吗？"), ("骑手王强", "手冷。")])
    page = f'<div id="js_content"><p>一位骑手的冬天。</p><table>{rows}</table></div>'
    assert [b.text for b in read_html(page).blocks] == ["一位骑手的冬天。", "问：", "你送外卖多久了？", "骑手王强：", "三年了。",
                                                        "问：", "冬天难吗？", "骑手王强：", "手冷。"]
    terms = "".join(f"<dt>{who}</dt><dd>{words}</dd>" for who, words in [
        ("问", "你送外卖多久了？"), ("骑手王强", "三年了。"), ("问", "冬天难吗？"), ("骑手王强", "手冷。")])
    assert [b.text for b in read_html(f'<div id="js_content"><dl>{terms}</dl></div>').blocks] == [
        "问：", "你送外卖多久了？", "骑手王强：", "三年了。", "问：", "冬天难吗？", "骑手王强：", "手冷。"]
    data = '<div id="js_content"><table><tr><td>2023年</td><td>三十元。</td></tr><tr><td>价格，元</td><td>四十元。</td></tr></table></div>'
    assert [b.text for b in read_html(data).blocks] == ["2023年", "三十元。", "价格，元", "四十元。"]


@pytest.mark.parametrize("marks", ["……", "？？？", "——"])
def test_a_question_of_marks_alone_is_a_placeholder_not_an_importer_bug(tmp_path: Path, marks: str) -> None:
    """'问：……' (the interviewer's pause): the reader refuses a question heading of marks alone
    (E208), so the import stopped as 'an importer bug'. Now the question is a TODO with the
    marks the copy had (E127 for the editor), and every sentence is kept."""
    from tests.importers.importhelp import import_copy

    copy = tmp_path / "river.txt"
    copy.write_text(f"今天我们去了河边。\n\n问：您在这里多久了？\n\n张三：三十年了。\n\n问：{marks}\n\n"
                    f"张三：我知道你想问什么。我不会走的。\n", encoding="utf-8")
    path, _summary = import_copy(copy, tmp_path / "out")
    text = path.read_text(encoding="utf-8")
    assert f"## TODO: 问题（原稿只有“{marks}”）" in text and "我不会走的。" in text
    _doc, diagnostics = check(path)
    heading = [d for d in diagnostics if d.line == text.splitlines().index(f"## TODO: 问题（原稿只有“{marks}”）") + 1]
    assert [d.code for d in heading] == ["E127"], [str(d) for d in diagnostics]
