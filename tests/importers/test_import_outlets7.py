"""Seventh sweep of other outlets' copy (tests/fixtures/import/outlets7/, written by hand): a
podcast transcript with time codes, `A 股` opening paragraphs of a `Host:`/`Sam:` interview,
speakers labelled by Latin names, an article with numbered sections (一、背景 … 三、结语), copy in
traditional characters (labels, `問：`/`答：`, bylines, a related list), `Q:`/`A:` turns, a .txt in
Big5 and one in GBK bytes, a WeChat page of deeply nested sections with scripts, a lazy image and
its caption, a news page with a `<noscript>` in its article, and a Word file with tracked
changes, a comment, a header, a footer, a link and Word's bullets, and one with a footnote and an
endnote.

Every expectation is written by hand from the copy. Each copy is imported with the real command,
its placeholders filled as an editor would, checked, and read by the reader: every sentence of
the copy in order under the speaker the copy names, nothing that is not copy in the text; one
the Word file builds as an EPUB, its bulleted list a list.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.check import check
from pipeline.cli import app
from pipeline.model import Document
from tests.importers.importhelp import (FIXTURES, assert_front_matter, assert_read_as_copy, copy_sentences, document_of,
                                        fill_placeholders, import_copy, infer_draft, read_filled)

COPIES = FIXTURES / "outlets7"
runner = CliRunner()
_TIME = re.compile(r"^\[\d\d:\d\d:\d\d\]\s*")


@dataclass
class Case:
    copy: str
    questions: list[str]
    answers: list[tuple[str, str]]  # (speaker's name, first words of the answer), in reading order
    encoding: str = "utf-8"
    authors: list[str] | None = None  # None: the copy names no author (the editor fills it)
    editor: str | None = None
    date: dt.date | None = None
    title: str | None = None
    language: str = "zh-Hans"
    interviewee: str | None = None  # the name the editor writes for `TODO: 受访者`
    labels: list[str] = field(default_factory=list)  # label text of a plain-text copy (not sentences)
    dropped: list[str] = field(default_factory=list)  # not copy: in no block of the text
    sentences: list[str] = field(default_factory=list)  # a page's or Word file's text, by hand
    warnings: set[str] = field(default_factory=set)  # beside W406/W407


CASES = [
    Case("timestamps.txt", ["欢迎收听本期节目。今天我们请到了夜班公交司机。", "您为什么选择开夜班？",
                            "夜里会遇到什么样的乘客？"],  # (the one host's label goes; its closing thanks: a note)
         [("何建军", "大家好"), ("何建军", "夜班补贴多一些"), ("何建军", "什么样的都有")],
         labels=["主持人林一", "司机何建军"], dropped=["00:0", "[0"]),
    Case("a-shares.txt", ["你什么时候开始炒股的？", "亏了多少？"], [("Sam", "2015年"), ("Sam", "亏了一半")],
         labels=["Host", "Sam"], dropped=["TODO"]),
    Case("latin-names.txt", ["你为什么来成都？", "面包卖得怎么样？"],
         [("Sam", "我2018年"), ("Lucy", "我是跟着"), ("Sam", "周末最好"), ("Lucy", "我们还做")], labels=["Sam", "Lucy"]),
    Case("numbered-sections.txt", ["二、店主们", "1. 开店的钱从哪里来？", "2. 现在能赚钱吗？"],
         [("周明", "我原来在北京"), ("周明", "一半是我的"), ("周明", "勉强持平。")], labels=["书店老板周明"]),
    Case("traditional.txt", ["你為什麼決定關店？", "讀者會想念這裡嗎？"], [("陳文雄", "房租漲了"), ("陳文雄", "會的")],
         authors=["林雅婷"], language="zh-Hant", labels=["店主陳文雄"], dropped=["本文記者"]),
    Case("traditional-wenda.txt", ["你為什麼決定關店？", "讀者會想念這裡嗎？"], [("陳文雄", "房租漲了"), ("陳文雄", "會的")],
         authors=["林雅婷"], editor="黃志明", language="zh-Hant", interviewee="陳文雄", labels=["問", "答"],
         dropped=["文｜林雅婷", "相關閱讀", "台北的獨立書店", "責任編輯"]),
    Case("q-a-english.txt", ["你每天翻译多少字？", "嗯。", "你最喜欢哪本？"],
         [("方晓", "大约三千字"), ("方晓", "有时候"), ("方晓", "最后一本")], interviewee="方晓", labels=["Q", "A"]),
    Case("big5.txt", ["您每天幾點開工？", "一天賣多少杯？"], [("梁志強", "早上五點"), ("梁志強", "差不多五百杯")],
         encoding="big5", language="zh-Hant", labels=["記者", "廚師梁志強"]),
    Case("gbk.txt", ["修一把伞要多久？", "现在还有人修伞吗？"], [("蒋连生", "快的十分钟"), ("蒋连生", "老人多")],
         encoding="gbk", labels=["记者", "蒋连生"]),
    Case("wechat-nested.html", ["你每天几点起床？", "最累的是什么时候？"], [("魏淑芬", "三点。"), ("魏淑芬", "冬天。")],
         authors=["闵小川"], editor="褚一帆", title="对话｜凌晨四点的早餐店",
         sentences=["凌晨四点，城北的一家早餐店已经亮起了灯。", "三点。", "先和面，再调馅。", "冬天。",
                    "手泡在凉水里，一会儿就没知觉了。", "但是看到熟客来，就不觉得累了。"],
         dropped=["店里的第一笼包子", "不应出现的脚本文字", "另一段脚本文字", "请开启JavaScript", "作者："]),
    Case("news-noscript.html", ["您为什么晚上出摊？", "年轻人还修表吗？"], [("邢国栋", "白天要照顾"), ("邢国栋", "修。")],
         date=dt.date(2024, 7, 2), title="夜市里的修表摊",
         sentences=["每天晚上七点，邢师傅的修表摊准时出现在夜市入口。", "他在这里摆了二十年摊。", "白天要照顾老伴。",
                    "晚上人多，生意也好。", "修。", "很多人拿来的是爷爷留下的表。", "他们说，表修好了，就像爷爷还在。"],
         dropped=["您的浏览器不支持脚本", "广告文字", "脚本里的句子", "好感人", "版权所有", "首页"]),
    Case("tracked.docx", ["你为什么一直修车？", "有没有想过退休？"], [("丁宝山", "街坊们需要"), ("丁宝山", "想过。")],
         authors=["甄晓光"], editor="訾琳", title="修自行车的第三十年",
         sentences=["老街口有一个修车摊，摊主叫丁宝山。", "他今年六十八岁了。", "街坊们需要。", "我走了，他们的车坏了找谁？",
                    "修一次收五块钱。", "想过。", "我在街道的网站上登了招徒弟的启事。", "我教他们三件事：", "补胎；",
                    "调刹车；", "换链条。"],
         dropped=["六十五", "这句话已被删除", "这句要核实", "城南周刊", "内部稿件"]),
    Case("footnotes.docx", ["你为什么在城里养蜂？", "邻居不怕吗？"], [("柯建新", "城里的花期"), ("柯建新", "一开始怕。")],
         title="城里的养蜂人",
         sentences=["屋顶上有十个蜂箱，是一位退休教师养的[1]。", "城里的花期比乡下长[2]。", "蜜也更杂。", "一开始怕。",
                    "后来尝了蜜就不怕了。", "[1] 柯建新退休前在中学教生物。", "[2] 据市园林局统计，城区有四百多种开花植物。"],
         dropped=["↑"]),
]
# A plain copy opens with its headline, which is its title (since the tenth sweep: before, it was TODO
# and the headline the article's first paragraph); written here by hand from each copy's first line.
_HEADLINES = {"timestamps.txt": "播客｜夜班公交司机的一夜", "a-shares.txt": "A 股散户的一年", "latin-names.txt": "一家外国人开的面包店",
              "numbered-sections.txt": "县城里的独立书店", "traditional.txt": "台北老書店的最後一天",
              "traditional-wenda.txt": "台北老書店的最後一天", "q-a-english.txt": "一位翻译的日常",
              "big5.txt": "香港茶餐廳的老師傅", "gbk.txt": "菜市场里的修伞人"}
for _case in CASES:
    _case.title = _case.title or _HEADLINES.get(_case.copy)
IDS = [c.copy.replace(".", "-") for c in CASES]


@dataclass
class Imported:
    source: Path
    filled: Path


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Imported]:
    out = tmp_path_factory.mktemp("outlets7")
    found = {}
    for case in CASES:
        source, _summary = import_copy(COPIES / case.copy, out)
        filled = fill_placeholders(source)
        text = filled.read_text(encoding="utf-8")
        if case.interviewee:
            text = text.replace('"TODO: 受访者"', case.interviewee)
        filled.write_text(re.sub(r"\n    voice: \{gender: TODO\}[^\n]*", "", text), encoding="utf-8")
        found[case.copy] = Imported(source, filled)
    return found


@pytest.fixture(scope="module")
def documents(imported: dict[str, Imported]) -> dict[str, Document | str]:
    return read_filled({copy: item.filled for copy, item in imported.items()})


def _copy_sentences(case: Case) -> list[str]:
    """A plain-text copy's own sentences, its time codes taken out (or the page's, by hand)."""
    return case.sentences or copy_sentences(COPIES / case.copy, case.labels, case.dropped, case.encoding, _TIME.pattern)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_answer_under_its_speaker_and_every_sentence_in_order(case: Case, documents) -> None:
    """Before: a transcript's time codes kept the whole interview in the article; `A 股…` was an
    answer of `TODO: 受访者`; `三、结语` was the last speaker's words; copy in traditional characters had
    no labels, bylines or related list read, and Big5 bytes came in garbled; a `<noscript>` ran a
    news page's article into one paragraph; a caption under a picture was the article's."""
    assert_read_as_copy(document_of(documents, case.copy), case.questions, case.answers, _copy_sentences(case), case.dropped)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_copy_fills_the_front_matter(case: Case, documents) -> None:
    assert_front_matter(document_of(documents, case.copy), case.authors, case.editor, case.date, case.title)
    assert document_of(documents, case.copy).meta.language == case.language


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_check_passes_with_only_warnings_the_editor_can_act_on(case: Case, imported) -> None:
    _doc, found = check(imported[case.copy].filled, pinyin=False)
    assert [str(d) for d in found if d.severity == "error"] == []
    assert {d.code for d in found} - {"W406", "W407"} == case.warnings, [str(d) for d in found]


def test_the_numbered_closing_section_is_no_speakers_words(documents) -> None:
    doc = document_of(documents, "numbered-sections.txt")
    last = [s for s in doc.sections if s.kind == "question"][-1]
    assert ["".join(p.text for p in a.paragraphs) for a in last.answers] == ["勉强持平。"]
    notes = [p.text for s in doc.sections if s.kind == "note" for p in s.paragraphs]
    assert notes == ["三、结语", "县城书店的路还很长。"]


def test_words_footnotes_and_endnotes_are_notes(documents) -> None:
    """Before: they were a numbered list in the last speaker's answer, each with a stray `↑`."""
    doc = document_of(documents, "footnotes.docx")
    last = [s for s in doc.sections if s.kind == "question"][-1]
    assert ["".join(p.text for p in a.paragraphs) for a in last.answers] == ["一开始怕。后来尝了蜜就不怕了。"]
    notes = [p.text for s in doc.sections if s.kind == "note" for p in s.paragraphs]
    assert notes == ["注释", "[1] 柯建新退休前在中学教生物。", "[2] 据市园林局统计，城区有四百多种开花植物。"]


def test_words_bullets_are_a_list(documents) -> None:
    doc = document_of(documents, "tracked.docx")
    paragraphs = [p for s in doc.sections for a in s.answers for p in a.paragraphs]
    items = [p.text for p in paragraphs if p.marker]
    assert items == ["补胎；", "调刹车；", "换链条。"]


def test_the_word_file_builds_with_its_list(imported, tmp_path: Path) -> None:
    """(The pages and the other copies are read by the reader and checked above: what `publish
    check` passes, every edition builds; the Word file's list is what only an edition shows.)"""
    result = runner.invoke(app, ["epub", str(imported["tracked.docx"].filled), "--out", str(tmp_path), "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / f"{imported['tracked.docx'].source.stem}.epub") as book:
        pages = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xhtml"))
    assert "<li" in pages and "换链条" in pages and "六十五" not in pages


# -- the classes, one row each (a small copy written by hand) -------------------------------------

QA = "一位骑手的冬天。\n\n{q}你送外卖多久了？\n\n{a}三年了。\n\n{q}冬天难吗？\n\n{a}手冷。"


@pytest.mark.parametrize("opening", ["A 股今年跌了不少。", "B 站上有他的视频。", "T 恤是公司发的。", "Q 版的头像是女儿画的。"])
def test_a_letter_word_opens_a_paragraph_not_a_turn(opening: str) -> None:
    """Before: `A 股…` in a copy of `Q:`/`A:` turns was an answer (`股…`) of `TODO: 受访者`."""
    draft = infer_draft(f"{opening}\n\n" + QA.format(q="Q: ", a="A: "))
    assert [p.text for p in draft.article] == [opening, "一位骑手的冬天。"]
    assert [[p.text for p in a.paragraphs] for a in draft.answers] == [["三年了。"], ["手冷。"]]


@pytest.mark.parametrize("ask,answer", [
    ("[00:01:05] 记者：", "[00:01:20] 骑手王强："), ("00:01 记者：", "00:02 骑手王强："),
    ("记者 [00:01:05]：", "骑手王强 [00:01:20]："), ("(01:05) 记者：", "(01:20) 骑手王强："),
    ("【00:01:05】记者：", "【00:01:20】骑手王强："), ("记者 00:01\n\n", "骑手王强 00:02\n\n")],
    ids=["bracketed", "bare", "after-label", "parenthesised", "lenticular", "label-line"])
def test_time_codes_of_a_transcript_are_taken_out(ask: str, answer: str) -> None:
    """Before: `[00:01:05] 记者：…` was text: the whole interview stayed in the article."""
    draft = infer_draft(QA.format(q=ask, a=answer))
    assert [c.title for c in draft.chapters] == ["你送外卖多久了？", "冬天难吗？"]
    assert [(draft.people[a.person].name, [p.text for p in a.paragraphs]) for a in draft.answers] == [
        ("王强", ["三年了。"]), ("王强", ["手冷。"])]


def test_a_time_inside_the_text_stays() -> None:
    draft = infer_draft(QA.format(q="记者：", a="骑手王强：").replace("三年了。", "三年了。每天 10:30 出门。"))
    assert [p.text for p in draft.answers[0].paragraphs] == ["三年了。每天 10:30 出门。"]


@pytest.mark.parametrize("heading", ["三、结语", "第三部分 尾声", "3. 结语"])
def test_a_numbered_closing_section_ends_the_qa(heading: str) -> None:
    first = heading.replace("三", "一").replace("3", "1")
    draft = infer_draft(f"{first}\n\n城东新开了一家旧书店。\n\n你为什么开店？\n\n书店老板周明：开书店是我的梦想。\n\n"
                        f"生意好吗？\n\n书店老板周明：还行。\n\n{heading}\n\n书店的路还很长。")
    assert [[p.text for p in a.paragraphs] for a in draft.answers] == [["开书店是我的梦想。"], ["还行。"]]
    assert draft.notes == [heading, "书店的路还很长。"]


@pytest.mark.parametrize("label,credit", [("店長周明", "責任編輯：黃志明"), ("讀者周明", "編輯：黃志明"), ("醫生周明", "责任编辑：黃志明")])
def test_labels_and_credits_in_traditional_characters(label: str, credit: str) -> None:
    draft = infer_draft(f"一家書店。\n\n記者：您為什麼開店？\n\n{label}：我喜歡書。\n\n記者：生意好嗎？\n\n{label}：還行。\n\n{credit}")
    assert [c.title for c in draft.chapters] == ["您為什麼開店？", "生意好嗎？"]
    assert [[p.text for p in a.paragraphs] for a in draft.answers] == [["我喜歡書。"], ["還行。"]]
    assert draft.credit is not None and draft.credit.editor == "黃志明"


def test_a_big5_copy_is_read_as_big5() -> None:
    from pipeline.importers.formats import decode

    text = "這家茶餐廳開了三十年，奶茶是招牌。\n記者：您每天幾點開工？\n"
    assert decode(text.encode("big5"), "copy.txt") == (text, ["read as Big5 (not UTF-8): check the characters came in right"])
    assert decode(text.encode("gb18030"), "copy.txt")[0] == text


def test_a_centred_line_under_a_picture_is_its_caption_and_a_question_is_not() -> None:
    from pipeline.importers.webpage import read_html

    picture = '<p style="text-align:center"><img data-src="https://example.org/a.jpg" src="data:,"></p>'
    page = (f'<div id="js_content"><p>夜市开了。</p>{picture}<p style="text-align:center">夜市的入口</p>'
            f'{picture}<p style="text-align:center">你常来吗？</p><p>常来。</p></div>')
    assert [b.text for b in read_html(page).blocks] == ["夜市开了。", "你常来吗？", "常来。"]


@pytest.mark.parametrize("ask,answer", [("Host: ", "Guest: "), ("主持人：", "嘉宾："), ("Interviewer: ", "Guest："),
                                        ("Q: ", "Guest: ")], ids=["host-guest", "zhuchiren-jiabin", "interviewer-guest", "q-guest"])
def test_a_podcasts_guest_label_names_nobody(ask: str, answer: str) -> None:
    """Before: `Guest:` (and `嘉宾：`) became a speaker named "Guest"."""
    from pipeline.importers.labels import INTERVIEWEE

    draft = infer_draft(QA.format(q=ask, a=answer))
    assert [c.title for c in draft.chapters] == ["你送外卖多久了？", "冬天难吗？"]
    assert [(draft.people[a.person].name, [p.text for p in a.paragraphs]) for a in draft.answers] == [
        (INTERVIEWEE, ["三年了。"]), (INTERVIEWEE, ["手冷。"])]


def test_the_times_of_a_timeline_stay() -> None:
    """A report told hour by hour keeps its hours (a transcript's codes stand beside a label, in
    brackets or with seconds)."""
    draft = infer_draft("08:30 记者来到现场。\n\n10:00 救援队抵达，开始搜救。\n\n12:15 第一名被困者获救。")
    assert [p.text for p in draft.article] == ["08:30 记者来到现场。", "10:00 救援队抵达，开始搜救。", "12:15 第一名被困者获救。"]


def test_a_marked_heading_after_the_last_answer_is_no_speakers_words() -> None:
    """Before: `<h2>结语</h2>` and its paragraph after the last answer were that speaker's words."""
    from pipeline.importers.layout import infer
    from pipeline.importers.webpage import read_html

    turn = "<p><strong>{q}</strong></p><p><strong>书店老板周明：</strong></p><p>{a}</p>"
    page = ('<div id="js_content"><h2>背景</h2><p>县城里开了不少书店。</p>'
            + turn.format(q="钱从哪里来？", a="一半是借的。") + turn.format(q="能赚钱吗？", a="勉强持平。")
            + "<h2>结语</h2><p>县城书店的路还很长。</p></div>")
    draft = infer(read_html(page))
    assert [[p.text for p in a.paragraphs] for a in draft.answers] == [["一半是借的。"], ["勉强持平。"]]
    assert draft.notes == ["结语", "县城书店的路还很长。"]
