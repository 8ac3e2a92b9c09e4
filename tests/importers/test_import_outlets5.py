"""Fifth sweep of other outlets' copy (tests/fixtures/import/outlets5/, written by hand): bylines
spread over several lines (`文｜周晓岚` at the top and `责任编辑：…` at the end, `记者 李四 王五`,
`本报记者 蒋文斌`, `By Jane Doe`, `（责任编辑：邹静）`, `文字整理｜…`), picture credits and captions
(`图｜视觉中国`, `（图片来源：…）`, `▲ …` in a WeChat paste), the outlet's signposts that open a
paragraph with a colon (`重点：`, `注意：`, `提示：`, `背景：`, `编者按：`), a Q&A whose host is named
only in the intro, a roundtable of five with short forms, questions numbered `1、` / `一、` / `Q1：`,
answers of several paragraphs, English names, a news page and a Word file.

Every expectation is written by hand from the copy. Each copy is imported with the real command,
checked, and built into an EPUB; the EPUB (parsed, not the source) must hold every sentence of
the copy, each answer under the speaker the copy names, and none of the page's bylines or picture
credits; the front matter gets the authors and editor the bylines give.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from pipeline.check import check
from pipeline.cli import app
from pipeline.reader import read_source
from tests.importers.importhelp import FIXTURES, fill_placeholders, flat, import_copy, infer_draft

COPIES = FIXTURES / "outlets5"
runner = CliRunner()


@dataclass
class Case:
    copy: str
    questions: list[str]
    answers: list[tuple[str, str]]  # (speaker's name, first words of the answer), in reading order
    authors: list[str] | None = None  # None: the copy names no author (a placeholder stays)
    editor: str | None = None
    outlet: str | None = None
    labels: list[str] = field(default_factory=list)  # label text of the copy (not sentences)
    dropped: list[str] = field(default_factory=list)  # bylines, picture credits: in no edition's text
    listed: list[str] = field(default_factory=list)  # … of which these are named in the summary
    kept: list[tuple[str, str | None]] = field(default_factory=list)  # text → its speaker (None: the article)
    flagged: list[str] = field(default_factory=list)  # speakers whose name line carries '# check:'
    sentences: list[str] = field(default_factory=list)  # a page's or Word file's text, by hand
    errors: set[str] = field(default_factory=set)  # placeholder errors left once the editor filled the rest


CASES = [
    Case("bylines.txt", ["你为什么还不关门？", "旧书还有人买吗？"],
         [("林海", "关了我去哪儿呢"), ("邓思琪", "有，而且是年轻人多")],
         authors=["周晓岚"], editor="黄一鸣", labels=["书店店主林海", "书店店员邓思琪"],
         dropped=["文｜周晓岚", "责任编辑：黄一鸣", "图｜视觉中国", "图片来源：受访者供图"],
         listed=["图｜视觉中国", "（图片来源：受访者供图）"],
         kept=[("编者按：城中村改造", None), ("重点：这家书店", None), ("提示：书店每周三休息", "林海"),
               ("背景：石牌村的租金", "林海"), ("注意：这里的“味道”", "邓思琪")]),
    Case("inline-signposts.txt", ["食堂为什么能坚持下来？", "老人们怎么评价？"],
         [("潘建国", "靠的是量"), ("康丽华", "街道不收房租"), ("潘建国", "最常听到"), ("康丽华", "也有意见")],
         labels=["食堂经理潘建国", "街道办主任康丽华", "潘建国", "康丽华"], flagged=["潘建国", "康丽华"],
         kept=[("重点：这家社区食堂", None), ("划重点：食堂由街道", None), ("温馨提示：食堂每天", "康丽华")]),
    Case("host-intro.txt", ["你们为什么选择这份工作？", "家里人支持吗？", "最后，请用一句话形容你们的工作。"],
         [("何晓东", "我奶奶"), ("谭雪", "我是学社会工作的"), ("何晓东", "我爸一开始"), ("谭雪", "我妈倒是"),
          ("何晓东", "陪伴"), ("谭雪", "倾听")],
         labels=["主持人", "何晓东", "谭雪"]),
    Case("host-by-name.txt", ["小书店还有存在的必要吗？", "那怎么活下去？"],  # (the one host's label goes, as 问： does)
         [("乔安", "有。网上买书"), ("汤米", "我同意乔安"), ("乔安", "卖咖啡"), ("汤米", "出版社也在想办法")],
         authors=["蔡小雨"], labels=["乔安", "汤米", "高振宇"], dropped=["文字整理｜蔡小雨"],
         kept=[("【编者按】本期对谈", None)]),
    Case("roundtable5.txt", ["县城对年轻人的吸引力在哪里？", "留下来最大的难处是什么？", "最后请每位用一句话作结。"],
         [("欧阳明", "房价低"), ("邱子涵", "我回来是因为"), ("钟立新", "我们这几年"), ("Lisa Wang", "我是从上海"),
          ("龙小梅", "我教的孩子里"), ("欧阳明", "公共服务"), ("邱子涵", "找不到"), ("钟立新", "编制有限"),
          ("Lisa Wang", "朋友少"), ("龙小梅", "工资低"), ("欧阳明", "县城不是退路"), ("邱子涵", "回来的人"),
          ("钟立新", "政策要"), ("Lisa Wang", "慢一点"), ("龙小梅", "希望孩子们")],
         labels=["主持人", "北京大学社会学系教授欧阳明", "返乡创业者邱子涵", "县委组织部干部钟立新", "自由撰稿人Lisa Wang",
                 "乡村教师龙小梅", "欧阳教授", "邱子涵", "钟立新", "Lisa", "龙老师", "欧阳明", "Lisa Wang", "龙小梅"],
         flagged=["欧阳明", "邱子涵", "钟立新", "Lisa Wang", "龙小梅"],  # short forms and labels without the role
         kept=[("编者按：本期圆桌", None)]),
    Case("numbered-questions.txt", ["1、天气预报为什么总是不准？", "2、现在的预报比以前准了多少？", "3、你自己出门带伞吗？"],
         [("温建华", "预报本身是概率"), ("温建华", "二十年前"), ("温建华", "带。")],
         authors=["李四", "王五"], outlet="科学周报", labels=["温建华"], dropped=["记者 李四 王五", "来源：科学周报"]),
    Case("chinese-numbered.txt", ["一、村里的老人最常见的病是什么？", "二、您想过离开吗？", "三、您对年轻医生有什么建议？"],
         [("严文华", "高血压"), ("严文华", "想过"), ("严文华", "先学会")],
         editor="韩梅", labels=["乡村医生严文华", "严文华"], flagged=["严文华"],
         dropped=["题图｜新华社发", "编辑：韩梅"], listed=["题图｜新华社发"]),
    Case("q1-turns.txt", ["春节期间件多吗？", "家里人怎么说？", "你有什么新年愿望？"],
         [("TODO: 受访者", "比平时少一半"), ("TODO: 受访者", "我妈说"), ("TODO: 受访者", "平平安安")],
         authors=["孔令波"], editor="韦佳", labels=["Q1", "Q2", "Q3", "A1", "A2", "A3"], flagged=["TODO: 受访者"],
         dropped=["作者：孔令波"], kept=[("第一：房子要盖两层", "TODO: 受访者")], errors={"E126"}),
    Case("multi-para.txt", ["这门手艺是怎么传下来的？", "年轻人还愿意学吗？", "老手艺会消失吗？"],
         [("苗建平", "我十四岁"), ("苗宇", "我是被我爸逼的"), ("苗建平", "不会。"), ("苗宇", "我同意")],
         authors=["蒋文斌"], editor="邹静", labels=["问", "苗建平", "苗宇"],
         dropped=["本报记者", "责任编辑：邹静"],
         kept=[("后来才让我修自己的表", "苗建平"), ("现在我在网上直播修表", "苗宇")]),
    Case("wechat-emoji.txt", ["你一晚上能卖多少？"],
         [("姚大军", "好的时候"), ("覃晓燕", "我卖的是学生"), ("阎卫东", "看天气")],
         labels=["烤串摊主姚大军", "鲜花摊主 覃晓燕", "水果摊主 阎卫东"],
         dropped=["夜市入口", "姚大军的烤串摊", "阎卫东在切西瓜", "图片来源", "▼"],
         listed=["▲ 夜市入口，晚上十一点的人流", "▲ 姚大军的烤串摊，排队的多是学生", "▲ 阎卫东在切西瓜（图/ 本报记者 摄）",
                 "图片来源：本报记者 摄"]),
    Case("english-names.txt", ["你为什么来中国教书？", "学生的英语水平怎么样？"],
         [("John Smith", "我大学读的是中文"), ("Emma Watson-Brown", "一开始只打算"), ("Pierre Dubois", "我在研究汉语"),
          ("John Smith", "口语进步很快"), ("Emma Watson-Brown", "阅读比口语好"), ("Pierre Dubois", "我教的是法语")],
         authors=["Jane Doe"], editor="Li Ming",
         labels=["美国外教 John Smith", "英国教师 Emma Watson-Brown", "法国语言学家 Pierre Dubois", "John", "Emma",
                 "Pierre Dubois"], flagged=["John Smith", "Emma Watson-Brown", "Pierre Dubois"],
         dropped=["By Jane Doe", "作者：Jane Doe", "编辑：Li Ming"]),
    Case("byline-page.html", ["你为什么愿意免费帮忙？", "她的账记得怎么样？"],
         [("龚秀兰", "我退休了闲不住"), ("樊志刚", "龚阿姨帮我们"), ("樊志刚", "比我自己记得")],
         authors=["卢嘉欣", "戴文杰"], editor="潘悦", outlet="城市晚报", flagged=["樊志刚"],
         dropped=["记者 卢嘉欣", "来源：城市晚报", "图/视觉中国", "图片来源", "责任编辑", "首页", "关于我们"],
         listed=["图/视觉中国", "（图片来源：城市晚报资料图）"],
         kept=[("注意：龚秀兰不收摊主的钱。", None)],
         sentences=["菜市场的摊主们有一个共同的会计：六十八岁的退休会计龚秀兰。", "她每周来市场两次，帮摊主们记账、报税。",
                    "注意：龚秀兰不收摊主的钱。", "我退休了闲不住。", "他们都是小本生意，请不起会计。",
                    "龚阿姨帮我们省了不少事。", "以前报税我都要跑三趟。", "比我自己记得清楚多了，一分钱都不差。"]),
    Case("bylines.docx", ["为什么要开免费校车？", "学校怎么看？"],  # (made by outlets5/make_docx.py)
         [("祁永福", "我孙子也在"), ("尹红梅", "我们很感激")],
         authors=["向明辉"], editor="柏青", dropped=["作者：向明辉", "图｜视觉中国", "责任编辑：柏青"],
         listed=["图｜视觉中国"], kept=[("背景：这条山路", None), ("油钱是村里", "祁永福")],
         sentences=["山区的孩子上学要翻两座山。", "去年，一位退休司机开起了免费校车。",
                    "背景：这条山路全长十二公里，最陡的一段坡度超过百分之十五。",
                    "我孙子也在这个学校。", "看着孩子们天不亮就出门，心里不好受。", "油钱是村里几户人家凑的，我只出力气。",
                    "我们很感激。", "孩子们迟到的少了，上课也更有精神了。"]),
    Case("night-bus.txt", ["你们几点上班？", "好。那夜里乘客多吗？", "会不会害怕？"],  # host named in the intro
         [("王建国", "晚上十点"), ("李红", "我也是十点"), ("王建国", "不多，大多是"), ("李红", "我那条线"),
          ("王建国", "不怕"), ("李红", "有一点")],  # (the host's closing `刘洋：感谢两位。`: a note after the Q&A)
         authors=["司马青"], labels=["刘洋", "司机王建国", "司机李红", "王", "李"], flagged=["王建国", "李红"],
         dropped=["司马青", "凌晨一点的终点站"], listed=["▲ 凌晨一点的终点站"],
         kept=[("比如：医院的护士", "王建国")]),
]
IDS = [c.copy.replace(".", "-") for c in CASES]


@dataclass
class Imported:
    source: Path  # as the command wrote it
    filled: Path  # with the title, date, description, rights (and authors/outlet where the copy has none) filled
    summary: str  # what the command printed


@dataclass
class Answer:
    speaker: str
    text: str


@dataclass
class Epub:
    article: str  # the article's text
    answers: list[Answer]  # every answer of every chapter, in reading order
    text: str  # article and chapters: everything an edition prints of the body


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Imported]:
    out = tmp_path_factory.mktemp("outlets5")
    found = {}
    for case in CASES:
        source, summary = import_copy(COPIES / case.copy, out)
        found[case.copy] = Imported(source, fill_placeholders(source), summary)
    return found


@pytest.fixture(scope="module")
def epubs(imported: dict[str, Imported], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Epub]:
    """Every filled source that checks without errors, built into an EPUB in one command."""
    out = tmp_path_factory.mktemp("epubs")
    built = {copy: item for copy, item in imported.items() if not next(c for c in CASES if c.copy == copy).errors}
    result = runner.invoke(app, ["epub", *(str(item.filled) for item in built.values()), "--out", str(out),
                                 "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output
    return {copy: _read_epub(out / f"{item.source.stem}.epub") for copy, item in built.items()}  # (named by the slug)


def _read_epub(path: Path) -> Epub:
    with zipfile.ZipFile(path) as book:
        names = sorted(n for n in book.namelist() if re.search(r"/(article|chapter-\d+|note)\.xhtml$", n))
        pages = {n: lxml_html.fromstring(book.read(n)) for n in names}
    article = "".join(p.text_content() for n, page in pages.items() if n.endswith("article.xhtml")
                      for p in page.iter("p"))
    answers = [Answer(section.xpath(".//*[@class='name']")[0].text_content(),
                      "".join(p.text_content() for p in section.iter("p")))
               for page in pages.values() for section in page.xpath("//section[@class='answer']")]
    text = "".join(" ".join(page.xpath("//body//text()")) for page in pages.values())
    return Epub(article, answers, text)


def _copy_sentences(case: Case) -> list[str]:
    """The copy's own sentences: each line without its label (`case.labels`; a line that is
    only a label gives none), lines holding a dropped text left out, split after 。！？."""
    if case.sentences:
        return case.sentences
    labels = "|".join(re.escape(label) for label in sorted(case.labels, key=len, reverse=True))
    out = []
    for line in (COPIES / case.copy).read_text(encoding="utf-8").splitlines():
        line = line.strip(" \u3000")
        while line and unicodedata.category(line[0]) == "So":  # an emoji that dresses a question up
            line = line[1:].lstrip()
        if labels:
            line = re.sub(rf"^(?:{labels})\s*[：:]?\s*$|^(?:{labels})\s*[：:]\s*", "", line)
        if not line or any(d in line for d in case.dropped) or line in ("— END —",):
            continue
        out += [s for s in re.findall(r"[^。！？]+[。！？]?", line) if s.strip()]
    return out


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_bylines_fill_the_front_matter(case: Case, imported: dict[str, Imported]) -> None:
    """Before: only one credit line was read (the last); `文｜…`, `记者 李四 王五`, `本报记者 …`,
    `By …`, `（责任编辑：…）`, `文字整理｜…` stayed in the text (or in the last answer)."""
    doc = read_source(imported[case.copy].filled) if not case.errors else None  # (the title, date … filled)
    text = imported[case.copy].source.read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0]
    authors = re.search(r"^authors: \[(.*?)\]", front, re.M)[1]
    assert [a.strip().strip('"') for a in authors.split(",")] == (case.authors or ["TODO: 作者"])
    editor = re.search(r"^editor: (.+?)\s+#", front, re.M)
    assert (editor[1] if editor else None) == case.editor
    outlet = re.search(r"^outlet: (.+?)\s+#", front, re.M)[1].strip('"')
    assert outlet == (case.outlet or "TODO: 首发媒体")
    if doc is not None and case.authors:
        assert list(doc.meta.authors) == case.authors and doc.meta.editor == case.editor
    if doc is not None and case.outlet:
        assert doc.meta.outlet == case.outlet


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_check_passes_once_the_editor_fills_the_placeholders(case: Case, imported: dict[str, Imported]) -> None:
    """`publish check` of the filled source: no error but those the copy leaves (a speaker the
    copy does not name), and a `# check:` only on the speakers listed by hand (before: 重点 was a
    speaker, 提示：/背景：/注意： flagged the answer's speaker)."""
    _doc, found = check(imported[case.copy].filled, pinyin=False)
    assert {d.code for d in found if d.severity == "error"} == case.errors, [str(d) for d in found]
    source = imported[case.copy].source.read_text(encoding="utf-8")
    assert re.findall(r"^    name: \"?([^\"#\n]+?)\"?\s*# check:", source, re.M) == case.flagged
    assert re.findall(r"^## (.+)$", source, re.M) == case.questions
    for comment in re.findall(r"^    name: .*# check: (.*)$", source, re.M):  # each label's doubt said once
        doubts = re.findall(r"one answer's label “[^”]+” gives no role", comment)
        assert len(doubts) == len(set(doubts)), comment


@pytest.mark.parametrize("case", [c for c in CASES if not c.errors], ids=[i for c, i in zip(CASES, IDS) if not c.errors])
def test_the_epub_holds_every_answer_under_its_speaker(case: Case, epubs: dict[str, Epub]) -> None:
    epub = epubs[case.copy]
    assert [(a.speaker, a.text[: len(first)]) for a, (_s, first) in zip(epub.answers, case.answers)] == case.answers
    assert len(epub.answers) == len(case.answers)
    for text, speaker in case.kept:  # a signpost stays where the copy has it, and is nobody's label
        where = [a.speaker for a in epub.answers if flat(text) in flat(a.text)]
        assert where == ([speaker] if speaker else []), text
        if speaker is None:
            assert flat(text) in flat(epub.article)


@pytest.mark.parametrize("case", [c for c in CASES if not c.errors], ids=[i for c, i in zip(CASES, IDS) if not c.errors])
def test_the_epub_holds_every_sentence_and_no_byline_or_picture_credit(case: Case, epubs: dict[str, Epub]) -> None:
    """Before: picture credits and ▲ captions stayed in the text (a caption became a question,
    and the closing chapter); a byline after the last answer went into that answer."""
    text = flat(epubs[case.copy].text)
    assert [s for s in _copy_sentences(case) if flat(s) not in text] == []
    assert [d for d in case.dropped if flat(d) in text] == []


@pytest.mark.parametrize("case", [c for c in CASES if c.listed], ids=[i for c, i in zip(CASES, IDS) if c.listed])
def test_picture_credits_are_listed_in_the_summary(case: Case, imported: dict[str, Imported]) -> None:
    summary = flat(imported[case.copy].summary)
    assert [t for t in case.listed if flat(f"“{t}”") not in summary] == []
    body = imported[case.copy].source.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert [t for t in case.listed if t in body] == []


# -- the classes, one row each (a small copy or line written by hand) ------------------------------

def _texts(draft) -> list[str]:
    return [p.text for p in draft.article] + [p.text for a in draft.answers for p in a.paragraphs] + [
        c.title for c in draft.chapters] + draft.notes + draft.notes_after


QA = "你为什么来？\n\n书店老板周明：\n\n开书店是我的梦想。\n\n你还会来吗？\n\n读者林小满：\n\n会的。"

# a byline at the top, a credit at the end → (authors, editor, outlet)
BYLINES = [
    ("文｜周晓岚", "", (["周晓岚"], None, None)),
    ("文/周晓岚", "", (["周晓岚"], None, None)),
    ("记者 李四 王五", "", (["李四", "王五"], None, None)),
    ("本报记者 张三 通讯员 李四", "", (["张三", "李四"], None, None)),
    ("新京报记者 张三 编辑 李四", "", (["张三"], "李四", None)),
    ("By Jane Doe and John Roe", "", (["Jane Doe", "John Roe"], None, None)),
    ("作者：Jane Doe", "", (["Jane Doe"], None, None)),
    ("文｜周晓岚", "责任编辑：黄一鸣", (["周晓岚"], "黄一鸣", None)),
    ("", "作者：周晓岚\n\n责任编辑：黄一鸣\n\n来源：城东周报", (["周晓岚"], "黄一鸣", "城东周报")),
    ("", "（责任编辑：邹静）", ([], "邹静", None)),
    ("", "文字整理｜蔡小雨", (["蔡小雨"], None, None)),
    ("撰文：张三 摄影：李四", "", (["张三"], None, None)),
    ("来源 | 三联生活周刊", "", ([], None, "三联生活周刊")),
    ("记者 张三 实习生 李四 报道", "", (["张三", "李四"], None, None)),
    ("作者：张三（北京大学教授）", "", (["张三"], None, None)),
    ("", "采访、撰文：张三", (["张三"], None, None)),
    ("", "口述：张三 整理：李四", (["李四"], None, None)),
    ("", "责任编辑：黄一鸣\n\n统筹：王五\n\n校对：李四", ([], "黄一鸣", None)),
    ("", "统筹：王五\n\n责任编辑：黄一鸣\n\n图｜视觉中国", ([], "黄一鸣", None)),
]


@pytest.mark.parametrize("top,end,want", BYLINES, ids=[f"byline-{n}" for n in range(len(BYLINES))])
def test_bylines_make_one_credit_and_leave_the_text(top: str, end: str, want) -> None:
    """Before: one credit line only (the last), `记者 李四 王五` and `By …` not read, a credit line
    in brackets kept as a note, a second credit line added to the last answer."""
    draft = infer_draft("\n\n".join(part for part in ("城东旧书店", top, "城东新开了一家旧书店。", QA, end) if part))
    assert (draft.credit.authors, draft.credit.editor, draft.credit.outlet) == want
    lines = [line for part in (top, end) for line in part.split("\n\n") if line]
    assert [t for t in _texts(draft) if any(line in t for line in lines)] == []
    assert [(draft.people[a.person].name, [p.text for p in a.paragraphs]) for a in draft.answers] == [
        ("周明", ["开书店是我的梦想。"]), ("林小满", ["会的。"])]


NOT_BYLINES = ["记者：你后来去了哪里。", "文：这是一篇很长的文章开头，说了很多事情", "记者 在现场看到的情况是这样",
               "By the river, we met"]


@pytest.mark.parametrize("line", NOT_BYLINES, ids=[f"not-byline-{n}" for n in range(len(NOT_BYLINES))])
def test_lines_that_only_look_like_bylines_stay(line: str) -> None:
    draft = infer_draft(f"城东旧书店\n\n{line}\n\n城东新开了一家旧书店。\n\n{QA}")
    assert draft.credit is None and line in [p.text for p in draft.article]


PICTURES = ["图｜视觉中国", "图/IC photo", "（图片来源：受访者供图）", "图片来源：网络", "视觉中国", "（视觉中国/图）",
            "新华社记者 王五 摄", "本报记者 王五 摄", "▲ 夜市入口，晚上十一点的人流", "△老陈在后厨。", "题图｜新华社发",
            "图片由受访者提供。", "Photo by Jane Doe"]


@pytest.mark.parametrize("line", PICTURES, ids=[f"picture-{n}" for n in range(len(PICTURES))])
def test_picture_credits_and_captions_are_dropped_and_listed(line: str) -> None:
    """Before: each stayed in the text (a caption before a label became the question)."""
    for copy in (f"城东新开了一家旧书店。\n\n{line}\n\n{QA}",  # in the article
                 QA.replace("开书店是我的梦想。", f"开书店是我的梦想。\n\n{line}")):  # in an answer
        draft = infer_draft(copy)
        assert [t for t in _texts(draft) if line in t] == []
        assert any(line in note for note in draft.stats.notes)
        assert [c.title for c in draft.chapters] == ["你为什么来？", "你还会来吗？"]


NOT_PICTURES = ["（本文图片均由城市周刊记者吴思远拍摄）", "他不喜欢被人拍摄", "我画了一张地图。", "▲ 你怎么看？",
                "▼ 以下为对话实录。"]


@pytest.mark.parametrize("line", NOT_PICTURES, ids=[f"not-picture-{n}" for n in range(len(NOT_PICTURES))])
def test_sentences_about_pictures_stay(line: str) -> None:
    draft = infer_draft(f"城东新开了一家旧书店。\n\n{line}\n\n那天下着雨。\n\n{QA}")
    assert any(line in t for t in _texts(draft))


SIGNPOSTS = ["重点", "划重点", "注意", "提示", "温馨提示", "编者按", "背景", "小贴士", "观点", "延伸", "Note", "Tip",
             "比如", "另外", "总之", "结果", "原因", "经验", "建议"]  # (and the connectives an answer opens with)


@pytest.mark.parametrize("word", SIGNPOSTS, ids=[f"signpost-{n}" for n in range(len(SIGNPOSTS))])
def test_signposts_are_never_speakers(word: str) -> None:
    """Before: `重点：…`, `Note: …` opening a paragraph of copy with `name：answer` paragraphs became a
    speaker (and took the article's paragraphs as its answer); `提示：…`, `背景：…` in an answer
    flagged its speaker as maybe another speaker's label."""
    article = f"城东新开了一家旧书店。\n\n{word}：老板每天开到深夜。"
    inline = (f"{article}\n\n你为什么来？\n\n周明：开书店是我的梦想。\n\n{word}：书店周三休息。\n\n"
              "林小满：我住在附近。\n\n你还会来吗？\n\n周明：会的。\n\n林小满：当然。")
    draft = infer_draft(inline)
    assert [p.name for p in draft.people] == ["周明", "林小满"]
    assert [p.text for p in draft.article] == ["城东新开了一家旧书店。", f"{word}：老板每天开到深夜。"]
    assert [p.text for p in draft.answers[0].paragraphs] == ["开书店是我的梦想。", f"{word}：书店周三休息。"]
    assert [p.doubts for p in draft.people] == [[], []]


# a roundtable's later turns labelled by a surname alone → (speaker, answer) in order, flagged speakers
SURNAMES = [
    ("夜里乘客多吗？\n\n司机王建国：不多。\n\n司机李红：我那条线人多。\n\n王：有时候一车就一个人。\n\n李：我那边从来没有空车。",
     [("王建国", "不多。"), ("李红", "我那条线人多。"), ("王建国", "有时候一车就一个人。"), ("李红", "我那边从来没有空车。")],
     ["王建国", "李红"]),
    ("夜里乘客多吗？\n\n司机王建国：\n\n不多。\n\n司机李红：\n\n我那条线人多。\n\n王：\n\n有时候一车就一个人。",
     [("王建国", "不多。"), ("李红", "我那条线人多。"), ("王建国", "有时候一车就一个人。")], ["王建国"]),
    ("夜里乘客多吗？\n\n教授欧阳明：不多。\n\n司机李红：我那条线人多。\n\n欧阳：有时候一车就一个人。",
     [("欧阳明", "不多。"), ("李红", "我那条线人多。"), ("欧阳明", "有时候一车就一个人。")], ["欧阳明"]),
    # two speakers with the surname: the short label is nobody's on a guess
    ("夜里乘客多吗？\n\n司机王建国：不多。\n\n司机王芳：我那条线人多。\n\n王：有时候一车就一个人。",
     [("王建国", "不多。"), ("王芳", "我那条线人多。"), ("王", "有时候一车就一个人。")], ["王"]),
]


@pytest.mark.parametrize("copy,want,flags", SURNAMES, ids=[f"surname-{n}" for n in range(len(SURNAMES))])
def test_a_surname_alone_labels_its_speaker(copy: str, want, flags) -> None:
    """Before: `王：…` after `司机王建国：…` was added, label and all, to the previous speaker's
    answer (李红's), with no `# check:`: words under the wrong name."""
    draft = infer_draft(f"两位夜班公交司机谈夜里的城市。\n\n{copy}")
    assert [(draft.people[a.person].name, "".join(p.text for p in a.paragraphs)) for a in draft.answers] == want
    assert [p.name for p in draft.people if p.doubts] == flags


HOSTS = [
    # the host named with an interviewer's role, then by name; a turn that is no question; a last word
    ("主持人刘洋：你们几点上班？\n\n司机王建国：晚上十点。\n\n司机李红：我也是十点。\n\n刘洋：好。那夜里乘客多吗？\n\n"
     "王建国：不多。\n\n李红：我那条线人多一点。\n\n刘洋：感谢两位。",
     ["你们几点上班？", "好。那夜里乘客多吗？"],
     [("王建国", "晚上十点。"), ("李红", "我也是十点。"), ("王建国", "不多。"), ("李红", "我那条线人多一点。")]),
    ("记者周明：\n\n先说说你的店。\n\n店主陈芳：\n\n开了十年。\n\n记者周明：\n\n生意怎么样？\n\n店主陈芳：\n\n还行。",
     ["先说说你的店。", "生意怎么样？"], [("陈芳", "开了十年。"), ("陈芳", "还行。")]),
]


@pytest.mark.parametrize("copy,questions,want", HOSTS, ids=[f"host-{n}" for n in range(len(HOSTS))])
def test_a_host_labelled_by_role_asks_the_questions(copy: str, questions, want) -> None:
    """Before: a host labelled `主持人刘洋：` whose turns were not all questions was a speaker
    answering a placeholder question (`TODO: 问题`): the copy's questions were nobody's headings."""
    draft = infer_draft(f"主持人和两位夜班公交司机聊了聊。\n\n{copy}")
    assert [c.title.replace("\n", "") for c in draft.chapters] == questions
    assert [(draft.people[a.person].name, "".join(p.text for p in a.paragraphs)) for a in draft.answers] == want


def test_an_answer_ending_like_a_credit_of_no_field_keeps_its_words() -> None:
    draft = infer_draft(f"城东新开了一家旧书店。\n\n{QA}\n\n视频：我们拍了整整三天的素材\n\n责任编辑：黄一鸣")
    assert [p.text for p in draft.answers[-1].paragraphs] == ["会的。", "视频：我们拍了整整三天的素材"]
    assert draft.credit.editor == "黄一鸣"


@pytest.mark.parametrize("full,short", [("Dr. Emily Chen", "Emily"), ("Prof. John Smith", "John"),
                                        ("Dr. Emily Chen", "Chen")], ids=["dr-given", "prof-given", "dr-family"])
def test_a_latin_name_after_a_title_is_shortened_to_its_own_words(full: str, short: str) -> None:
    """Before: `Emily：` after `Dr. Emily Chen：` was another speaker, unflagged (the first word
    taken as the short form was the title, `Dr.`)."""
    draft = infer_draft(f"两位学者谈机器翻译。\n\n机器翻译会取代译者吗？\n\n{full}：不会完全取代。\n\n李明：我同意。\n\n"
                   f"译者该怎么办？\n\n李明：学会用工具。\n\n{short}：也要学会不用工具。")
    assert [(draft.people[a.person].name, "".join(p.text for p in a.paragraphs)) for a in draft.answers] == [
        (full, "不会完全取代。"), ("李明", "我同意。"), ("李明", "学会用工具。"), (full, "也要学会不用工具。")]
    assert [p.name for p in draft.people if p.doubts] == [full]


@pytest.mark.parametrize("intro", ["本期由主持人刘洋和两位夜班公交司机聊聊夜里的城市。", "本期主持人：刘洋。两位夜班公交司机谈夜里的城市。"],
                         ids=["host-in-sentence", "host-in-credit"])
def test_a_host_named_only_in_the_intro_asks_the_questions(intro: str) -> None:
    """Before: `刘洋：` turns (one not a question, a last word nobody answers) made 刘洋 a speaker
    answering one placeholder question; the intro said who hosts."""
    draft = infer_draft(f"{intro}\n\n刘洋：你们几点上班？\n\n王建国：晚上十点。\n\n李红：我也是十点。\n\n"
                   "刘洋：好。那夜里乘客多吗？\n\n王建国：不多。\n\n李红：我那条线人多一点。\n\n刘洋：感谢两位。")
    assert [c.title for c in draft.chapters] == ["你们几点上班？", "好。那夜里乘客多吗？"]
    assert [(draft.people[a.person].name, "".join(p.text for p in a.paragraphs)) for a in draft.answers] == [
        ("王建国", "晚上十点。"), ("李红", "我也是十点。"), ("王建国", "不多。"), ("李红", "我那条线人多一点。")]
    assert draft.notes == ["刘洋：感谢两位。"]
