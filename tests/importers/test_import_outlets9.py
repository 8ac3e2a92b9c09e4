"""Ninth sweep of other outlets' copy (tests/fixtures/import/outlets9/, written by hand): a WeChat
公众号 page with its 点击上方蓝字关注, QR code, ad and 阅读原文 furniture; a page whose questions are
in bold and whose answers carry no label; a roundtable where three people answer each question in
turn; an interview with ① marks and a 注释 list; 文中人物均为化名 with familiar names (阿珍, 老侯);
Hong Kong and Taiwan copy in traditional characters with 「」quotes; dash labels (`周明——`); a
section break (`* * *`); Markdown from a CMS saved as `.md`; a named host who closes with thanks;
a Word file with comments and tracked changes (make_docx.py).

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
from pipeline.importers import import_copy as import_source
from pipeline.model import Document
from tests.importers.importhelp import (FIXTURES, assert_front_matter, assert_read_as_copy, copy_sentences, document_of,
                                        fill_placeholders, infer_draft, runner)
from pipeline.cli import app

COPIES = FIXTURES / "outlets9"
_MARKDOWN = r"^#+\s+|^>\s*|\*\*|^\*|\*$"  # Markdown marks of the CMS paste (cms-paste.md)


@dataclass
class Case:
    copy: str
    questions: list[str]
    answers: list[tuple[str, str]]  # (speaker's name, first words of the answer), in reading order
    authors: list[str] | None = None
    editor: str | None = None
    date: dt.date | None = None
    title: str | None = None
    names: dict[str, str] = field(default_factory=dict)  # a placeholder name → what the editor writes
    labels: list[str] = field(default_factory=list)  # label text of a plain-text copy (not sentences)
    dropped: list[str] = field(default_factory=list)  # not copy: in no block of the text
    sentences: list[str] = field(default_factory=list)  # a page's or Word file's text, by hand
    prefix: str = ""  # marks of a plain-text copy that are no sentence's (a regular expression)
    warnings: set[str] = field(default_factory=set)  # beside W406/W407


CASES = [
    Case("wechat-gzh.html", ["您磨了多少年刀？", "现在生意怎么样？"], [("邝永年", "快五十年了"), ("邝永年", "不如以前")],
         authors=["易小帆"], editor="车蓉", date=dt.date(2024, 11, 2), title="菜市场里的磨刀人",
         sentences=["城南菜市场的东门，每天早上都有一个磨刀摊。", "摊主姓邝，今年六十八岁。", "快五十年了。", "十几岁跟我舅舅学的。",
                    "不如以前。", "现在的刀不锈钢的多，不用常磨。", "不过饭店的师傅还是找我。"],
         dropped=["点击上方蓝字", "阅读原文", "广告", "长按识别", "作者摄", "阅读 3024", "脚本"]),
    Case("bold-question.html", ["为什么来上夜校？", "学得最开心的是哪一门？"], [("戚文华", "孩子上大学了"), ("戚文华", "书法")],
         title="夜校的学生", names={"TODO: 受访者": "戚文华"},
         sentences=["每周三晚上，社区夜校的教室里坐满了中年人。", "我们和班长戚文华聊了聊。", "孩子上大学了，家里一下子空了。",
                    "我想学点以前没机会学的东西。", "书法。", "老师说我的字有进步。"],
         dropped=["晚报"], warnings={"W415"}),
    Case("panel.txt", ["你今年存了多少钱？", "存钱是为了什么？"],
         [("柏宇", "大概五万"), ("阎冬梅", "两万多"), ("葛小军", "不到一万"), ("柏宇", "为了随时"), ("阎冬梅", "为了给父母"),
          ("葛小军", "说实话")], labels=["柏宇", "阎冬梅", "葛小军"]),
    Case("footnotes.txt", ["您说了多少年评书？", "现在还有人听吗？"], [("邬长林", "四十年了"), ("邬长林", "周末茶馆")],
         labels=["问", "艺人邬长林"], title="老城墙下的说书人"),
    Case("pseudonyms.txt", ["你每天几点收摊？", "来吃饭的都是什么人？"],
         [("阿珍", "凌晨三点"), ("老侯", "我是开夜班车的"), ("阿珍", "还有刚下班的")], labels=["问", "店主阿珍", "食客老侯"]),
    Case("hk-trad.txt", ["師傅，您在這裏做了多久？", "現在還有人修錶嗎？", "您會退休嗎？"],
         [("馮錦泉", "五十二年"), ("馮錦泉", "有，但少了"), ("馮錦泉", "做到做不動")], authors=["譚穎欣"],
         labels=["記者", "鐘錶匠馮錦泉"], dropped=["本文記者"], title="深水埗的最後一間鐘錶舖"),
    Case("dash-label.txt", ["你开夜班车多久了？", "最晚一班几点？"], [("周明", "八年了"), ("周明", "两点四十")], prefix="^周明——",
         title="凌晨的公交车"),  # (a headline alone over the Q&A: the title, since the eleventh sweep)
    Case("scene-break.txt", ["你为什么留下来？", "会一直留下去吗？"], [("祁小雨", "孩子们需要"), ("祁小雨", "至少再教")],
         labels=["问", "教师祁小雨"], dropped=["* * *"]),
    Case("cms-paste.md", ["你每天都坐末班车吗？", "累吗？"], [("邓秀兰", "是的"), ("邓秀兰", "累。")], title="地铁末班车",
         labels=["保洁员邓秀兰"], dropped=["地铁末班车"], prefix=_MARKDOWN),
    Case("host-thanks.txt", ["你每周跑几次？", "晚上跑安全吗？"], [("童欣", "三次"), ("童欣", "我只跑")],
         labels=["跑者童欣", "主持人林一"]),
    Case("tw-page.html", ["為什麼在夜市賣書？", "最常被買走的是什麼書？"], [("鄭雅婷", "白天要上班"), ("鄭雅婷", "老的武俠小說")],
         authors=["賴思妤"], title="夜市裡的二手書攤",
         sentences=["士林夜市的角落，有一個只在週末出現的書攤。", "白天要上班。", "夜市人多，總有人停下來翻一翻。", "老的武俠小說。",
                    "有個客人說「這是我小時候租過的那一本」。"],
         dropped=["首頁", "延伸閱讀", "台北最老的書店", "版權所有", "文／"]),
    Case("reviewed.docx", ["冬天生意好吗？", "您有徒弟吗？"], [("侯德顺", "好。"), ("侯德顺", "没有。")],
         authors=["裴小满"], editor="尤佳", title="修鞋铺的冬天",
         sentences=["巷口的修鞋铺开了三十年。", "好。", "下雪天鞋底开胶的人多。", "没有。", "年轻人不愿意学。"],
         dropped=["核实年份", "问问他儿子", "大家都来", "审稿人", "作者："]),
]
# A plain copy opens with its headline, which is its title (since the tenth sweep: before, it was TODO
# and the headline the article's first paragraph); written here by hand from each copy's first line.
_HEADLINES = {"panel.txt": "圆桌｜年轻人为什么开始存钱", "scene-break.txt": "她在山里教书"}
for _case in CASES:
    _case.title = _case.title or _HEADLINES.get(_case.copy)
IDS = [c.copy.replace(".", "-") for c in CASES]


@dataclass
class Imported:
    source: Path
    document: Document | str  # the filled source as the reader reads it (or why it cannot)
    found: list  # what `publish check` says of the filled source
    summary: list[str]  # the summary's notes


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Imported]:
    out = tmp_path_factory.mktemp("outlets9")
    found = {}
    for case in CASES:
        source = out / f"{case.copy.replace('.', '-')}.md"
        text, draft = import_source(COPIES / case.copy, source.stem)[:2]
        source.write_text(text, encoding="utf-8")
        filled = fill_placeholders(source)
        text = filled.read_text(encoding="utf-8")
        for placeholder, name in case.names.items():
            text = text.replace(f'"{placeholder}"', name)
        filled.write_text(re.sub(r"\n    voice: \{gender: TODO\}[^\n]*", "", text), encoding="utf-8")
        doc, diagnostics = check(filled, pinyin=False)
        problems = [str(d) for d in diagnostics if d.severity == "error"]
        found[case.copy] = Imported(source, doc if doc is not None and not problems else "; ".join(problems),
                                    diagnostics, draft.stats.notes)
    return found


def _copy_sentences(case: Case) -> list[str]:
    return case.sentences or copy_sentences(COPIES / case.copy, case.labels, case.dropped, prefix=case.prefix)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_answer_under_its_speaker_and_every_sentence_in_order(case: Case, imported) -> None:
    """Before: `店主阿珍：` / `食客老侯：` answers went, label and all, to `TODO: 受访者`; `周明——` answers and
    a page's bold questions stayed in the article; `.md` copy was refused; `阅读原文` was kept as a
    note; the host's `谢谢！` was an answer and its label stood in every question."""
    documents = {copy: item.document for copy, item in imported.items()}
    assert_read_as_copy(document_of(documents, case.copy), case.questions, case.answers, _copy_sentences(case),
                        case.dropped)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_copy_fills_the_front_matter(case: Case, imported) -> None:
    documents = {copy: item.document for copy, item in imported.items()}
    assert_front_matter(document_of(documents, case.copy), case.authors, case.editor, case.date, case.title)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_check_passes_with_only_warnings_the_editor_can_act_on(case: Case, imported) -> None:
    """Before: `鐘錶匠馮錦泉` (a craftsman, 匠) was flagged W407 as a split on little evidence."""
    found = imported[case.copy].found
    assert [str(d) for d in found if d.severity == "error"] == []
    assert {d.code for d in found} - {"W406", "W407"} == case.warnings, [str(d) for d in found]
    flagged = {d.message for d in found if d.code == "W407" and "鐘錶匠" in d.message}
    assert flagged == set()


def test_what_is_left_out_is_said(imported) -> None:
    """A section break, the host's thanks and the page's furniture: each named in the summary or kept."""
    assert any("section break" in note and "copy line(s) 5" in note for note in imported["scene-break.txt"].summary)
    assert any("阅读原文" in note for note in imported["wechat-gzh.html"].summary)
    doc = imported["host-thanks.txt"].document
    assert [p.text for s in doc.sections if s.kind == "note" for p in s.paragraphs] == ["主持人林一：谢谢！"]
    assert [s.name for s in doc.speakers] == ["童欣"]
    assert [(s.name, s.pseudonym) for s in imported["pseudonyms.txt"].document.speakers] == [("阿珍", True), ("老侯", True)]


# -- the classes, one row each (a small copy written by hand) -------------------------------------

def _answers(draft) -> list[tuple[str, list[str]]]:
    return [(draft.people[a.person].name, [p.text for p in a.paragraphs]) for a in draft.answers]


@pytest.mark.parametrize("host", ["主持人李四", "记者张三", "主持人 李四"])
def test_one_interviewers_label_leaves_the_questions(host: str) -> None:
    """Before: `主持人李四：` was printed in every question's heading."""
    draft = infer_draft(f"一位骑手的冬天。\n\n{host}：你送外卖多久了？\n\n骑手王强：三年了。\n\n{host}：冬天难吗？\n\n骑手王强：手冷。")
    assert [c.title for c in draft.chapters] == ["你送外卖多久了？", "冬天难吗？"]
    assert _answers(draft) == [("王强", ["三年了。"]), ("王强", ["手冷。"])]


def test_two_interviewers_keep_their_labels() -> None:
    draft = infer_draft("一位骑手的冬天。\n\n主持人李四：你送外卖多久了？\n\n骑手王强：三年了。\n\n主持人张红：冬天难吗？\n\n"
                        "骑手王强：手冷。\n\n主持人李四：累吗？\n\n骑手王强：累。\n\n主持人张红：还干吗？\n\n骑手王强：干。")
    assert [c.title for c in draft.chapters] == ["主持人李四：你送外卖多久了？", "主持人张红：冬天难吗？", "主持人李四：累吗？",
                                                 "主持人张红：还干吗？"]


@pytest.mark.parametrize("thanks", ["谢谢！", "感谢王强的分享。", "好的，今天就聊到这里。"])
def test_the_hosts_closing_turn_is_a_note(thanks: str) -> None:
    """Before: the host's last words, that nobody answers, were an answer of the host's."""
    draft = infer_draft(f"一位骑手的冬天。\n\n主持人李四：你送外卖多久了？\n\n骑手王强：三年了。\n\n主持人李四：冬天难吗？\n\n"
                        f"骑手王强：手冷。\n\n主持人李四：{thanks}")
    assert _answers(draft) == [("王强", ["三年了。"]), ("王强", ["手冷。"])]
    assert draft.notes == [f"主持人李四：{thanks}"]


@pytest.mark.parametrize("dash", ["——", "—", "--"])
def test_a_name_and_a_dash_label_an_answer(dash: str) -> None:
    draft = infer_draft(f"凌晨的公交车。\n\n你开夜班车多久了？\n\n司机周明{dash}八年了。\n\n最晚一班几点？\n\n周明{dash}两点四十。")
    assert _answers(draft) == [("周明", ["八年了。"]), ("周明", ["两点四十。"])]


def test_a_dash_after_a_word_once_is_no_label() -> None:
    """`黄河——…` opens an appositive: a name read with confidence answering no two questions stays text."""
    draft = infer_draft("黄河——中华民族的母亲河。\n\n你在河边住了多久？\n\n船工王强：三十年。\n\n还走吗？\n\n船工王强：不走。")
    assert [p.text for p in draft.article] == ["黄河——中华民族的母亲河。"]


@pytest.mark.parametrize("one,two", [("店主阿珍", "食客老侯"), ("摊主阿福", "老顾客小邝")])
def test_labels_on_thin_evidence_answering_every_turn(one: str, two: str) -> None:
    """Before: two `问：` turns each answered by a familiar name (阿珍, 老侯) were answers of `TODO: 受访者`,
    the labels left in their text."""
    draft = infer_draft(f"一家深夜食堂。\n\n问：你几点收摊？\n\n{one}：凌晨三点。\n\n问：都是什么人来？\n\n{two}：开夜班车的。")
    assert [name for name, _p in _answers(draft)] == [n for n in (one[2:], two[-2:] if two.startswith("老顾客") else two[2:])]


@pytest.mark.parametrize("label,role", [("徒弟卢小东", "徒弟"), ("女儿李小雨", "女儿"), ("鞋匠侯德顺", "鞋匠"),
                                        ("鐘錶匠馮錦泉", "鐘錶匠")])
def test_a_relation_or_craft_answering_a_question_is_a_confident_label(label: str, role: str) -> None:
    """Before: 徒弟/女儿 labels answering the interviewer were flagged as maybe a sentence (W407), and
    a craftsman (匠) split on little evidence."""
    draft = infer_draft(f"一家老店。\n\n问：你学了多久？\n\n{label}：三年了。\n\n问：难吗？\n\n{label}：难。")
    assert [(p.name, p.role, p.doubts) for p in draft.people] == [(label[len(role):], role, [])]


def test_bold_questions_with_unlabelled_answers() -> None:
    from pipeline.importers.layout import infer
    from pipeline.importers.webpage import read_html

    page = ("<article><h1>夜校</h1><p>每周三晚上有夜校。</p><p><strong>为什么来？</strong></p><p>孩子大了。</p>"
            "<p><strong>学什么？</strong></p><p>书法。</p><p>还有画画。</p></article>")
    draft = infer(read_html(page))
    assert [c.title for c in draft.chapters] == ["为什么来？", "学什么？"]
    assert _answers(draft) == [("TODO: 受访者", ["孩子大了。"]), ("TODO: 受访者", ["书法。", "还有画画。"])]
    assert "“孩子大了…”、“书法…”" in draft.people[0].doubts[0]


def test_a_data_table_gets_no_colons_a_qa_table_does() -> None:
    """Before: every short left cell was a label: `2023年：三十元。`."""
    from pipeline.importers.webpage import read_html

    def table(rows):
        cells = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
        return [b.text for b in read_html(f'<div id="js_content"><p>物价。</p><table>{cells}</table></div>').blocks]

    assert table([("2023年", "三十元。"), ("2024年", "四十元。")]) == ["物价。", "2023年", "三十元。", "2024年", "四十元。"]
    assert table([("三月", "三十元。"), ("四月", "四十元。")]) == ["物价。", "三月", "三十元。", "四月", "四十元。"]
    assert table([("Q1", "贵吗？"), ("A1", "贵。"), ("Q2", "还来吗？"), ("A2", "来。")]) == [
        "物价。", "Q1：", "贵吗？", "A1：", "贵。", "Q2：", "还来吗？", "A2：", "来。"]


def test_a_markdown_table_keeps_a_paragraph_a_row() -> None:
    """Before: a CMS paste's table ran into one line, `| 2023年 | 三十元。| | 2024年 | 四十元。|`."""
    from pipeline.importers.formats import read_text

    extracted = read_text("物价的变化，一年比一年高。\n\n| 年份 | 价格 |\n|---|:---:|\n| 2023年 | 三十元。 |\n| 2024年 | 四十元。 |\n")
    assert [b.text for b in extracted.blocks] == ["物价的变化，一年比一年高。", "年份｜价格", "2023年｜三十元。", "2024年｜四十元。"]
    assert any("Markdown table" in note for note in extracted.notes)


def test_markdown_copy_is_imported_and_a_publish_source_is_refused(tmp_path: Path) -> None:
    """Before: `.md` copy was refused as an unknown kind; now a CMS export's front matter gives the
    title, and a file that already is a publish source is refused with what to do."""
    copy = tmp_path / "export.md"
    copy.write_text("---\ntitle: \"地铁末班车\"\ntags: [城市]\n---\n\n凌晨的地铁站。\n\n问：你每天都坐末班车吗？\n\n"
                    "保洁员邓秀兰：是的。\n\n问：累吗？\n\n保洁员邓秀兰：累。\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(copy), "--out-dir", str(tmp_path / "out"), "--slug", "night"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "out" / "night.md").read_text(encoding="utf-8")
    assert "title: 地铁末班车" in text and "tags" not in text.split("\n---\n", 1)[1]
    source = tmp_path / "out" / "night.md"
    again = runner.invoke(app, ["import", str(source), "--out-dir", str(tmp_path / "again")])
    assert again.exit_code == 2 and "already a publish source" in again.output
    assert not (tmp_path / "again").exists() or not any((tmp_path / "again").iterdir())


@pytest.mark.parametrize("note,every", [("（文中人物均为化名）", True), ("（受访者均系化名。）", True), ("（文中部分人物为化名）", False),
                                        ("（文中人物姓名均为化名）", True)])
def test_a_note_that_every_name_is_a_pseudonym(note: str, every: bool) -> None:
    """Before: `文中人物均为化名` named nobody, so it only asked the editor (`# check:`) to set each speaker's
    `pseudonym:` by hand; `部分` (some of them) still asks."""
    draft = infer_draft(f"一家深夜食堂。\n\n{note}\n\n问：你几点收摊？\n\n店主王珍：凌晨三点。\n\n问：都是什么人来？\n\n食客侯强：开夜班车的。")
    assert [(p.name, p.pseudonym) for p in draft.people] == [("王珍", every), ("侯强", every)]
    assert draft.pseudonym_doubts == ([] if every else [note])


@pytest.mark.parametrize("one,two", [("骑手甲", "骑手乙"), ("患者小A", "患者小B"), ("村民甲", "村民乙")])
def test_people_the_copy_does_not_name_are_one_speaker_each(one: str, two: str) -> None:
    """Before: `骑手甲：` was no label: both people's answers went, labels and all, to one `TODO: 受访者`."""
    draft = infer_draft(f"城中村的夜。\n\n主持人：你们每天跑多少单？\n\n{one}：四十单。\n\n{two}：三十单。\n\n主持人：累吗？\n\n"
                        f"{one}：累。\n\n{two}：还好。")
    assert _answers(draft) == [(one, ["四十单。"]), (two, ["三十单。"]), (one, ["累。"]), (two, ["还好。"])]
    assert [p.doubts for p in draft.people] == [[], []]


@pytest.mark.parametrize("mark", ["◆", "▍", "■ ", "●"])
def test_questions_set_apart_by_an_ornament_over_unlabelled_answers(mark: str) -> None:
    """Before: `◆你送外卖多久了？` over an unlabelled answer left the whole interview in the article."""
    draft = infer_draft(f"一位骑手的冬天。\n\n{mark}你送外卖多久了？\n\n三年了。\n\n{mark}冬天难吗？\n\n手冷。\n\n还要戴手套。")
    assert [c.title for c in draft.chapters] == ["你送外卖多久了？", "冬天难吗？"]
    assert _answers(draft) == [("TODO: 受访者", ["三年了。"]), ("TODO: 受访者", ["手冷。", "还要戴手套。"])]
    assert [p.text for p in draft.article] == ["一位骑手的冬天。"]


@pytest.mark.parametrize("end", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_cms_front_matter_gives_the_title_and_is_no_copy(end: str) -> None:
    from pipeline.importers.formats import read_text

    extracted = read_text(end.join(["---", "title: 地铁末班车", "tags: [城市]", "---", "", "凌晨的地铁站。", ""]))
    assert (extracted.title, [b.text for b in extracted.blocks]) == ("地铁末班车", ["凌晨的地铁站。"])
    plain = read_text("---\n\n凌晨的地铁站。\n\n---\n\n末班车来了。\n")  # (section breaks, no front matter)
    assert (plain.title, [b.text for b in plain.blocks]) == (None, ["凌晨的地铁站。", "末班车来了。"])
