"""Sixth sweep of other outlets' copy (tests/fixtures/import/outlets6/, written by hand): Q&A
turns `问：`/`答：` with the interviewer's interjections (`问：嗯。`, `记者：明白。`), `Q1.`/`A1.` with
a full stop for a colon, `【问】`/`【答】`, `Interviewer:`, labels with the role in brackets, an
answer of several paragraphs and a list, a bilingual piece, a paste full of zero-width spaces,
no-break, full-width spaces and soft hyphens, a WeChat page of nested spans and `<br>`, an
older page laid out with tables, a news page whose byline is its own element, a Word file;
datelines and bylines at the top, inside a credit line and after the last answer, and
相关阅读/推荐阅读 lists.

Every expectation is written by hand from the copy. Each copy is imported with the real
command, its placeholders filled as an editor would, checked, and read by the reader: every
sentence of the copy in order under the speaker the copy names, no byline, date or page
furniture in the text; one command builds the EPUBs of the pages and the Word file.
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
from tests.importers.importhelp import FIXTURES, document_of, fill_placeholders, flat, import_copy, infer_draft, read_filled

COPIES = FIXTURES / "outlets6"
runner = CliRunner()


@dataclass
class Case:
    copy: str
    questions: list[str]
    answers: list[tuple[str, str]]  # (speaker's name, first words of the answer), in reading order
    authors: list[str] | None = None  # None: the copy names no author (the editor fills it)
    editor: str | None = None
    date: dt.date | None = None  # the date the copy (not the test) gives
    title: str | None = None  # the title the page gives
    interviewee: str | None = None  # the name the editor writes for `TODO: 受访者` (答： answers)
    labels: list[str] = field(default_factory=list)  # label text of the copy (not sentences)
    dropped: list[str] = field(default_factory=list)  # bylines, dates, page furniture: in no block of the text
    kept: list[str] = field(default_factory=list)  # lines that look like furniture or bylines but are text
    flagged: list[str] = field(default_factory=list)  # speakers whose name line carries '# check:'
    sentences: list[str] = field(default_factory=list)  # a page's or Word file's text, by hand
    warnings: set[str] = field(default_factory=set)  # beside W406/W407: what the copy itself leaves to fix


CASES = [
    Case("wenda-interjections.txt", ["您每天几点出摊？", "嗯。", "现在修鞋的人多吗？", "那收入够用吗？", "最后一个问题：您会把手艺传给谁？"],
         [("鲁德福", "早上七点"), ("鲁德福", "下雨天就不出了"), ("鲁德福", "少多了"), ("鲁德福", "够用"), ("鲁德福", "没人要学")],
         authors=["冯晓东"], date=dt.date(2024, 11, 8), interviewee="鲁德福", labels=["问", "答"],
         dropped=["2024年11月8日", "10:32", "来源：晨光日报", "本文记者"], flagged=["鲁德福"]),
    Case("q-a-halfwidth.txt", ["你送外卖多久了？", "冬天最难的是什么？", "你有什么心愿？"],
         [("赵强", "三年了"), ("赵强", "手冷"), ("赵强", "希望顾客")], editor="汪洋", interviewee="赵强",
         labels=["Q1.", "Q2.", "Q3.", "A1.", "A2.", "A3."], dropped=["编辑:汪洋"], flagged=["赵强"],
         title="一位外卖骑手的冬天"),  # (the headline alone over the Q&A: the title, since the eleventh sweep)
    Case("bracket-turns.txt", ["共享厨房是怎么想到的？", "老人们愿意来吗？", "费用怎么解决？"],
         [("冯丽", "我母亲"), ("冯丽", "一开始没人来"), ("冯丽", "街道出了")], editor="蒋丽", interviewee="冯丽",
         labels=["【问】", "【答】"], dropped=["相关阅读", "社区食堂", "独居老人的一天", "责任编辑"], flagged=["冯丽"]),
    Case("role-in-brackets.txt", ["机器翻译会取代人工翻译吗？", "年轻人还该学翻译吗？"],
         [("郑晓峰", "不会完全取代"), ("宋佳怡", "我的收入"), ("郑晓峰", "该学"), ("宋佳怡", "我会劝")],
         labels=["郑晓峰（北京外国语大学教授）", "宋佳怡（自由译者）", "郑晓峰", "宋佳怡"], flagged=["郑晓峰", "宋佳怡"]),
    Case("multi-para-list.txt", ["你上任后做了哪些改变？", "读者怎么评价？"],
         [("温思远", "主要做了三件事"), ("姚梦", "我最喜欢晚上来")], labels=["馆长温思远", "读者姚梦"]),
    Case("bilingual.txt", ["你为什么选择胡同？Why a hutong?", "邻居们喜欢法棍吗？Do the neighbours like baguettes?"],
         [("Marc", "我喜欢这里的邻居"), ("Marc", "一开始不喜欢")], labels=["马克 Marc"], flagged=["Marc"]),
    Case("invisible-paste.txt", ["夜班最怕什么？", "你们怎么休息？"],
         [("梁晓燕", "最怕同时来"), ("David Chen", "我怕的是"), ("梁晓燕", "轮着"), ("David Chen", "喝咖啡")],
         labels=["护士长梁晓燕", "住院医师 David Chen", "住院医师 Da\u00advid\u200bChen"],
         dropped=["推荐阅读", "急诊科医生的一天", "凌晨四点的医院"], kept=["（文中患者均为化名）", "编者注：为保护患者隐私"],
         warnings={"W415"}),  # (`我们　全科`: a full-width space inside a sentence, for the editor to delete)
    Case("jizhe-interjections.txt", ["这条路有多长？", "（笑）这么远！", "现在还有人写信吗？", "明白。", "你打算干到什么时候？"],
         [("邵长青", "单程四十公里"), ("邵长青", "习惯了"), ("邵长青", "很少了"), ("邵长青", "我要是不来"),
          ("邵长青", "干到退休吧")], labels=["记者", "邵长青"]),
    Case("dateline-end.txt", ["骑手为什么不愿意上楼？", "物业怎么看？"],
         [("柏林", "超时要罚款"), ("鄢春花", "我们也在想办法")], authors=["荀晓"], editor="景涛", date=dt.date(2024, 6, 18),
         labels=["骑手柏林", "物业经理 鄢春花"], dropped=["2024年6月18日", "编辑：景涛", "校对：杭丽"],
         warnings={"W415"}),  # (`本报讯（记者 荀晓）`: the copy's space)
    Case("english-labels.txt", ["你每天骑多远？", "冬天也骑吗？", "为什么不坐地铁？"],
         [("Anna Li", "二十公里"), ("Anna Li", "骑。"), ("Tom Baker", "地铁太挤了"), ("Anna Li", "我同意")],
         labels=["Interviewer", "Anna Li", "Tom Baker"], dropped=["Interviewer"]),
    Case("chinese-sections.txt", ["开店三年了，生意怎么样？", "小城的顾客和大城市有什么不同？"],
         [("于小溪", "刚开始亏了一年"), ("于小溪", "这里的人")], authors=["杭一舟"], labels=["咖啡馆店主于小溪"],
         dropped=["文｜杭一舟"], kept=["一、从零到一百", "三、店主说"]),
    Case("entities.txt", ["你几点开始干活？", "累不累？"], [("陶红梅", "三点半"), ("陶红梅", "累。但是……习惯了。")],
         labels=["菜贩 陶红梅", "陶红梅"], flagged=["陶红梅"],
         sentences=["城南菜市场的“夜班”", "凌晨四点，菜市场的卸货区已经忙了起来。", "批发商&零售商都在这里。",
                    "三点半。", "我在这儿等着。"], dropped=["&ldquo", "&nbsp", "&amp", "&hellip"]),
    Case("wenda-own-line.txt", ["图书馆是什么时候开的？", "平时谁来看书？"],
         [("武春生", "2019年"), ("武春生", "放学的孩子。周末也有大人来。")], interviewee="武春生",
         labels=["问", "答"], flagged=["武春生"]),
    Case("wechat-br.html", ["为什么要办夜校？", "来上课的人多吗？"],
         [("石慧敏", "我教过的学生里"), ("易春来", "我小学没毕业"), ("石慧敏", "最多的时候"), ("易春来", "我把我老婆")],
         authors=["屈小凡"], editor="范蕾", title="对话｜城中村里的夜校", flagged=["石慧敏", "易春来"],
         dropped=["推荐阅读", "城中村的孩子们", "一位外卖骑手的日记", "屈小凡"], kept=["（编者注：夜校的课程全部免费"],
         sentences=["在深圳的一个城中村里，有一所专为打工者开的夜校。", "每周一到周五晚上七点，教室里坐满了人。",
                    "她原来是一名中学老师——四年前辞职办了这所夜校。", "“读书”这件事，对他们来说好像已经结束了。",
                    "但我觉得，学习不应该有年龄限制。", "后来疫情停了半年，再开的时候只剩二十个。", "现在又慢慢回来了。",
                    "我把我老婆也拉来了\U0001F604。"], warnings={"W408"}),  # (the emoji: no glyph in the book's fonts)
    Case("layout-table.html", ["您修了多少年表？", "现在还有人修表吗？", "您的徒弟呢？"],
         [("殷国华", "五十二年"), ("殷国华", "有。来的多是老人"), ("詹小伟", "我跟师傅学了两年")],
         authors=["邝明"], date=dt.date(2024, 5, 21), title="老钟表匠：修好的不只是表",
         dropped=["首页", "热点新闻", "城东夜市明起恢复营业", "版权所有", "来源：城市晚报"],
         sentences=["在老城区的一条小巷里，七十岁的钟表匠殷国华守着一间不到十平方米的铺子。", "铺子里挂满了各式各样的钟，滴答声此起彼伏。",
                    "十八岁跟师傅学，师傅走了以后就自己干。", "有一块表我修了三个月，零件都要自己做。", "修好那天，表的主人哭了。",
                    "师傅说我手稳，就是性子急。"]),
    Case("news-br.html", ["开店最难的是什么？", "员工都是怎么招来的？", "哦，原来是校友。", "你对未来有什么打算？"],
         [("贝立军", "找店面"), ("贝立军", "大多是盲校的学生"), ("贝立军", "对，我们叫他们"), ("贝立军", "想开第二家店")],
         authors=["巫宏", "骆晴"], editor="鲍文", date=dt.date(2024, 9, 10), title="专访｜一位盲人按摩师的十年",
         flagged=["贝立军"], dropped=["贝立军：", "记者：", "相关新闻", "盲人按摩行业调查", "责任编辑"],
         sentences=["近日，记者来到他的店里。", "很多房东一听是盲人开店，就不租了。", "我找了半年，最后是一位老顾客把自己的房子租给了我。",
                    "我自己也是那里毕业的。", "让更多视障朋友有工作。"]),
    Case("interview.docx", ["你为什么要带孩子们去看海？", "路上遇到了哪些困难？", "孩子们看到大海时是什么反应？"],
         [("邬雨桐", "课本里有一篇"), ("邬雨桐", "主要有这几件事"), ("甘秀英", "我女儿回来说")],  # (made by outlets6/make_docx.py)
         authors=["聂青"], date=dt.date(2024, 8, 2), title="带山里的孩子去看海",
         dropped=["相关阅读", "支教老师的一年", "作者：聂青", "2024年8月2日"],
         sentences=["我想让他们自己去看。", "路费不够，我们在网上众筹了一万二千元；", "有两个孩子晕车，吐了一路。", "还好最后都解决了。",
                    "她说长大了要当海员。", "The sea is blue and grey, she told me."]),
]
# A plain copy opens with its headline, which is its title (since the tenth sweep: before, it was TODO
# and the headline the article's first paragraph); written here by hand from each copy's first line.
_HEADLINES = {"wenda-interjections.txt": "修鞋匠的三十年", "role-in-brackets.txt": "人工智能会取代翻译吗？",
              "multi-para-list.txt": "社区图书馆的新馆长", "invisible-paste.txt": "深夜的急诊室",
              "jizhe-interjections.txt": "一个人的乡村邮路", "dateline-end.txt": "外卖柜前的争吵",
              "english-labels.txt": "骑车上班的人", "chinese-sections.txt": "一座小城的咖啡热",
              "entities.txt": "城南菜市场的“夜班”", "wenda-own-line.txt": "一个人的图书馆"}
for _case in CASES:
    _case.title = _case.title or _HEADLINES.get(_case.copy)
IDS = [c.copy.replace(".", "-") for c in CASES]
BUILT = ["wechat-br.html", "layout-table.html", "news-br.html", "interview.docx", "bilingual.txt"]


@dataclass
class Imported:
    source: Path  # as the command wrote it
    filled: Path  # with the placeholders filled as an editor would
    summary: str  # what the command printed


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Imported]:
    out = tmp_path_factory.mktemp("outlets6")
    found = {}
    for case in CASES:
        source, summary = import_copy(COPIES / case.copy, out)
        filled = fill_placeholders(source)
        if case.interviewee:  # the editor writes the name the copy's `答：` answers do not give
            filled.write_text(filled.read_text(encoding="utf-8").replace('"TODO: 受访者"', case.interviewee),
                              encoding="utf-8")
        found[case.copy] = Imported(source, filled, summary)
    return found


@pytest.fixture(scope="module")
def documents(imported: dict[str, Imported]) -> dict[str, Document | str]:
    return read_filled({copy: item.filled for copy, item in imported.items()})


def _copy_sentences(case: Case) -> list[str]:
    """A plain-text copy's own sentences: each line without its label (`case.labels`), the
    invisible characters a paste leaves taken out, lines holding a dropped text left out, split
    after 。！？."""
    if case.sentences:
        return case.sentences
    labels = "|".join(re.escape(label) for label in sorted(case.labels, key=len, reverse=True))
    out = []
    for line in (COPIES / case.copy).read_text(encoding="utf-8").splitlines():
        line = line.strip(" \u3000\u00a0")
        if labels:
            line = re.sub(rf"^(?:{labels})\s*[：:.]?\s*$|^(?:{labels})\s*[：:.]?\s*", "", line)
        line = re.sub("[\u200b\u00ad]", "", re.sub(r"^\d{1,2}\.\s*", "", line))  # (a list's `1.` is printed （1）)
        if not line or any(d in line for d in case.dropped):
            continue
        out += [s for s in re.findall(r"[^。！？]+[。！？]?", line) if s.strip()]
    return out


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_answer_under_its_speaker_and_every_sentence_in_order(case: Case, documents) -> None:
    """Before: `Q1.`/`A1.` turns and a layout table gave no Q&A at all; a bilingual question was
    added to the answer before it; `贝立军：` (a rare surname) stayed in every answer, all given to
    `TODO: 受访者`; a dateline after the last answer became its words; `记者：明白。` left the text."""
    doc = document_of(documents, case.copy)
    chapters = [s for s in doc.sections if s.kind in ("question", "closing")]
    assert [s.title for s in chapters] == case.questions
    answers = [(a.speaker.name, "".join(p.text for p in a.paragraphs)) for s in chapters for a in s.answers]
    assert [(name, text[: len(first)]) for (name, text), (_n, first) in zip(answers, case.answers)] == case.answers
    assert len(answers) == len(case.answers)
    body = list(doc.text_blocks())[: -1 if doc.meta.credit else None]  # (the credit line is printed apart)
    text = flat("".join([doc.meta.title, *body]))  # (a plain copy's headline is the title, printed first)
    at = 0
    for sentence in _copy_sentences(case):  # every sentence, in the copy's order
        found = text.find(flat(sentence), at)
        assert found >= 0, (sentence, text[at : at + 80])
        at = found
    blocks = [flat(b) for b in body]
    assert [d for d in case.dropped if any(flat(d) in b for b in blocks)] == []
    assert [k for k in case.kept if not any(flat(k) in b for b in blocks)] == []


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_copy_fills_the_front_matter(case: Case, imported, documents) -> None:
    """Before: a date in the copy (a dateline, a date in a credit line) was lost, or became an
    author (`authors: [聂青, 2024年8月2日]`); `（本文记者：…）` and a page's byline element were not read."""
    meta = document_of(documents, case.copy).meta
    assert list(meta.authors) == (case.authors or ["测试作者"])
    assert meta.editor == case.editor
    assert meta.date == (case.date or dt.date(2025, 5, 1))
    assert meta.title == (case.title or "测试用标题")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_check_passes_with_only_warnings_the_editor_can_act_on(case: Case, imported) -> None:
    _doc, found = check(imported[case.copy].filled, pinyin=False)
    assert [str(d) for d in found if d.severity == "error"] == []
    assert {d.code for d in found} - {"W406", "W407"} == case.warnings, [str(d) for d in found]
    source = imported[case.copy].source.read_text(encoding="utf-8")
    flagged = re.findall(r"^    name: \"?([^\"#\n]+?)\"?\s*# check:", source, re.M)
    assert [case.interviewee if name == "TODO: 受访者" else name for name in flagged] == case.flagged
    body = source.split("\n---\n", 1)[1]
    assert not re.search("[\u200b\u00ad\u00a0\u3000]", body)


def test_the_pages_and_the_word_file_build(imported, tmp_path: Path) -> None:
    """One command builds the EPUBs of the copies whose format took the most reading."""
    files = [str(imported[copy].filled) for copy in BUILT]
    result = runner.invoke(app, ["epub", *files, "--out", str(tmp_path), "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output
    for copy in BUILT:
        with zipfile.ZipFile(tmp_path / f"{imported[copy].source.stem}.epub") as book:
            assert any(name.endswith(".xhtml") for name in book.namelist())


# -- the classes, one row each (a small copy written by hand) -------------------------------------

QA = "你为什么来？\n\n书店老板周明：\n\n开书店是我的梦想。\n\n你还会来吗？\n\n读者林小满：\n\n会的。"

# a date where the copy puts one → (the date, the text left of its line)
DATES = [
    ("2024年3月5日 来源：城东周报\n\n城东新开了一家旧书店。\n\n" + QA, dt.date(2024, 3, 5)),
    ("2024-03-05 08:30\n\n城东新开了一家旧书店。\n\n" + QA, dt.date(2024, 3, 5)),
    ("城东新开了一家旧书店。\n\n" + QA + "\n\n（2024年3月5日）\n\n责任编辑：黄一鸣", dt.date(2024, 3, 5)),
    ("城东新开了一家旧书店。\n\n" + QA + "\n\n作者：周晓岚 2024/3/5", dt.date(2024, 3, 5)),
    ("城东新开了一家旧书店。\n\n" + QA + "\n\n2024.03.05\n\n编辑：黄一鸣\n\n校对：李四", dt.date(2024, 3, 5)),
    ("发布时间：2024-03-05 10:23 来源：城东周报\n\n城东新开了一家旧书店。\n\n" + QA, dt.date(2024, 3, 5)),
    ("城东旧书店\n\n发布日期: 2024年3月5日 星期二\n\n城东新开了一家旧书店。\n\n" + QA, dt.date(2024, 3, 5)),
    ("Published 2024-03-05\n\n城东新开了一家旧书店。\n\n" + QA, dt.date(2024, 3, 5)),
]


@pytest.mark.parametrize("copy,date", DATES, ids=[f"date-{n}" for n in range(len(DATES))])
def test_the_copys_date_fills_the_front_matter_and_leaves_the_text(copy: str, date: dt.date) -> None:
    draft = infer_draft(copy)
    assert draft.date == date
    texts = [p.text for p in draft.article] + [p.text for a in draft.answers for p in a.paragraphs] + draft.notes
    assert [t for t in texts if re.search(r"2024", t)] == []
    assert [(draft.people[a.person].name, [p.text for p in a.paragraphs]) for a in draft.answers] == [
        ("周明", ["开书店是我的梦想。"]), ("林小满", ["会的。"])]
    assert not draft.credit or all("2024" not in a for a in draft.credit.authors)


LEADS = [("本报讯（记者 荀晓）小区门口新装了外卖柜。", ["荀晓"]),
         ("新华社北京3月5日电（记者 张三 李四）城东新开了一家旧书店。", ["张三", "李四"]),
         ("本报讯（记者 张三 通讯员 李四）城东新开了一家旧书店。", ["张三", "李四"])]


@pytest.mark.parametrize("lead,authors", LEADS, ids=[f"lead-{n}" for n in range(len(LEADS))])
def test_the_reporters_of_a_news_lead_are_the_authors(lead: str, authors: list[str]) -> None:
    """Before: `本报讯（记者 荀晓）` named the reporter, and `authors:` stayed a placeholder."""
    draft = infer_draft(f"{lead}\n\n{QA}")
    assert draft.credit.authors == authors
    assert [p.text for p in draft.article] == [lead]  # (the lead keeps its words)


def test_a_date_inside_the_text_stays() -> None:
    draft = infer_draft("2024年3月5日，城东新开了一家旧书店。\n\n" + QA.replace("会的。", "会的。\n\n2024年3月5日\n\n那天下着雨。"))
    assert draft.date is None
    assert [p.text for p in draft.article] == ["2024年3月5日，城东新开了一家旧书店。"]
    assert [p.text for p in draft.answers[-1].paragraphs] == ["会的。", "2024年3月5日", "那天下着雨。"]


TURNS = [("Q1. ", "A1. "), ("Q1、", "A1、"), ("Q ", "A "), ("问1．", "答1．"), ("Interviewer: ", "Interviewee: "),
         ("Reporter：", "答："), ("采访者：", "受访人：")]


@pytest.mark.parametrize("ask,answer", TURNS, ids=[f"turn-{n}" for n in range(len(TURNS))])
def test_turn_marks_of_other_outlets(ask: str, answer: str) -> None:
    """Before: `Q1. …` / `A1. …` (a full stop, a comma or a space for the colon) and `Interviewer:`
    were text: the whole Q&A stayed in the article."""
    q2, a2 = re.sub("1", "2", ask), re.sub("1", "2", answer)
    draft = infer_draft(f"一位外卖骑手的冬天。\n\n{ask}你送外卖多久了？\n\n{answer}三年了。\n\n{q2}冬天难吗？\n\n{a2}手冷。")
    assert [c.title for c in draft.chapters] == ["你送外卖多久了？", "冬天难吗？"]
    assert [[p.text for p in a.paragraphs] for a in draft.answers] == [["三年了。"], ["手冷。"]]


def test_an_interviewers_interjection_is_no_byline() -> None:
    draft = infer_draft("他是唯一的邮递员。\n\n记者：这条路有多长？\n\n邵长青：四十公里。\n\n记者：明白。\n\n邵长青：我要是不来，没人说话。")
    assert draft.credit is None
    assert [c.title for c in draft.chapters] == ["这条路有多长？", "明白。"]


@pytest.mark.parametrize("mark", ["——完——", "【完】", "-END-", "（全文完）", "— The End —"])
def test_an_end_mark_is_no_speakers_words(mark: str) -> None:
    """Before: `——完——` after the last answer became its speaker's words."""
    draft = infer_draft(f"{QA}\n\n{mark}")
    assert [p.text for p in draft.answers[-1].paragraphs] == ["会的。"]
    assert draft.notes == [mark]


def test_character_references_of_a_pasted_page_source_are_characters() -> None:
    """Before: `&ldquo;夜班&rdquo;` stayed as written (its `;` made full-width), printed by every edition."""
    from pipeline.importers.formats import text_blocks

    lines = [b.text for b in text_blocks("城南的&ldquo;夜班&rdquo;&nbsp;开始了&hellip;\nAT&T 与 &para &unknown; &#x4E2D;&#25991;")]
    assert lines == ["城南的“夜班” 开始了…", "AT&T 与 &para &unknown; 中文"]


def test_a_note_after_a_related_list_stays() -> None:
    draft = infer_draft(QA + "\n\n推荐阅读\n\n急诊科医生的一天\n\n凌晨四点的医院\n\n（文中林小满为化名）")
    assert draft.notes == ["（文中林小满为化名）"]
    assert [p.name for p in draft.people if p.pseudonym] == ["林小满"]
