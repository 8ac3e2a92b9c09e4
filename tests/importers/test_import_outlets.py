"""Copy in other outlets' layouts (tests/fixtures/import/outlets/, written by hand): a roundtable
(a host, a cast list, short forms, a glossed Latin name, a joint answer), Q&A with
bold names (a page, a Word file), 问/答 and 记者 turns, names alone on a line, one person written two ways (张伟 /
张教授, Sam Altman / 奥特曼), a colon mid-sentence, footnotes, a news page with nav, ads, captions,
related links and a footer (and a portal's page with a dateline, comments and hot news), a WeChat paste with odd spaces and emoji.

Every expectation below is written by hand from the copy: who speaks each answer (and how it
begins), the questions, which speakers carry a `# check:` for the editor, the page noise that
must not survive. The yardstick for "every sentence is kept" is the copy itself: each line,
without the labels listed here by hand, split into sentences, must be found in the document the
normal reader reads back from the imported source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pipeline.check import check
from pipeline.model import Document
from tests.importers.importhelp import FIXTURES, fill_placeholders, flat, run_import

OUTLETS = FIXTURES / "outlets"


@dataclass
class Case:
    copy: str
    questions: list[str]
    answers: list[tuple[str, str]]  # (speaker's registry name, first words of the answer) in order
    labels: list[str] = field(default_factory=list)  # label text of the copy (not article text)
    flagged: list[str] = field(default_factory=list)  # speakers whose name line carries '# check:'
    noise: list[str] = field(default_factory=list)  # copy text that must not reach the source
    sentences: list[str] = field(default_factory=list)  # a page's text, by hand (plain text: from the copy)
    placeholder_errors: set[str] = field(default_factory=set)  # body/speaker placeholders left (E126, E127)
    notes: list[str] = field(default_factory=list)  # the editor's notes, in order (beginnings)


CASES = [
    Case("bold-names.html", ["你们一天要看多少病人？", "最难的是什么？"],
         [("杨德明", "少的时候十几个"), ("杨春燕", "我主要做慢病随访"), ("杨德明", "留不住人"), ("杨春燕", "我留下来")],
         sentences=["在云南的山区，一个村医要负责两三千人的健康。", "我们请两位村医谈谈他们的日常。",
                    "杨德明在村卫生室工作了二十二年；他的侄女杨春燕三年前从卫校毕业后回到村里。",
                    "血压、血糖都要测。", "有的老人住在山顶上，来回要走三个小时。", "就是叔叔背他下山的。"]),
    Case("bold-names.docx", ["你们一天要看多少病人？", "最难的是什么？"],  # (made by outlets/make_docx.py)
         [("杨德明", "少的时候十几个"), ("杨春燕", "我主要做慢病随访"), ("杨德明", "留不住人"), ("杨春燕", "我留下来")],
         notes=["（文中杨德明、杨春燕均为真名。）"],
         sentences=["在云南的山区，一个村医要负责两三千人的健康。", "有的老人住在山顶上，来回要走三个小时。",
                    "他当年生病的时候，就是叔叔背他下山的。"]),
    Case("wenda.txt", ["剧本写了多久？", "改得最多的是哪一场？", "你满意现在的版本吗？"],
         # (`青年编剧许朝阳…我们…和他聊了一个小时`: the one the introduction names, then talks to; the thirteenth
         # sweep, before: `TODO: 受访者`)
         [("许朝阳", "前后三年"), ("许朝阳", "结尾。"), ("许朝阳", "不满意")],
         labels=["问", "答"], flagged=["许朝阳"]),
    Case("jizhe.txt", ["为什么要把账贴出来？", "食堂亏不亏？", "年轻人愿意来吗？"],
         [("周慧敏", "老人们最关心"), ("周慧敏", "头两年亏"), ("周慧敏", "一开始不好意思")],
         labels=["记者", "周慧敏"]),
    Case("bare-names.txt", ["你每天几点起床？", "最累的是什么时候？"],
         [("陈桂芳", "三点。"), ("刘建国", "我是两点半"), ("马丽娟", "我起得最晚"), ("陈桂芳", "过年前"),
          ("刘建国", "夏天。")],
         labels=["陈桂芳", "刘建国", "马丽娟"]),
    Case("two-ways.txt", ["机器翻译现在到什么水平了？", "译者会失业吗？"],
         [("张伟", "技术文档"), ("林晓雯", "我现在接的活"), ("张伟", "会有一部分人"), ("林晓雯", "我不担心")],
         labels=["清华大学外文系教授张伟", "自由译者林晓雯", "张教授", "林老师"],
         flagged=["张伟", "林晓雯"]),  # (the short label gives no role: the editor is told which one shows)
    Case("altman.txt", ["通用人工智能什么时候到来？", "开源模型会赶上来吗？"],
         [("Sam Altman", "我不知道"), ("李飞飞", "我更关心"), ("Sam Altman", "会的"), ("李飞飞", "开源让")],
         labels=["OpenAI首席执行官Sam Altman", "斯坦福大学教授李飞飞", "奥特曼", "李飞飞"],
         flagged=["Sam Altman", "李飞飞"]),
    Case("mid-colon.txt", ["你还能干多久？"],
         [("李国强", "干到干不动"), ("王小军", "师父的话")],
         labels=["修鞋匠李国强", "修鞋匠王小军"]),
    Case("footnotes.txt", ["TODO: 问题（原稿此处没有问题）"],
         [("何永红", "我们从去年起"), ("杜明", "白天要上班")],
         labels=["县图书馆馆长何永红", "读者杜明"], placeholder_errors={"E127"},
         notes=["注释：", "[1] 数据来自", "[2] 同上", "① 该馆员要求不具名。"]),
    Case("news-page.html", ["为什么还开着？", "这家店会关门吗？"],
         [("罗振华", "不开我也不知道"), ("蔡美玲", "我结婚照"), ("罗振华", "等我拍不动了")],
         flagged=["蔡美玲"], notes=["（本文图片均由"],
         noise=["城市周刊首页", "财经", "登录", "广告", "扫码下载", "相关阅读", "老街上的钟表铺", "分享到", "网友评论",
                "写得真好", "关于我们", "京ICP备", "track", "dataLayer"],
         sentences=["镇上的照相馆开了四十一年，现在只剩下店主罗振华一个人。",
                    "来拍照的大多是办证件的老人，偶尔也有年轻人专门来拍一张黑白照。", "我们问了店主和两位顾客几个问题。",
                    "这门手艺是我父亲传下来的。", "今天带孙女来拍她的第一张照片。", "没有人接班，我也不勉强。",
                    "（本文图片均由城市周刊记者吴思远拍摄）"]),
    Case("portal-page.html", ["为什么想办夜校？", "来上课的都是老人吗？"],
         [("刘春梅", "村里很多老人不识字"), ("刘春梅", "也有年轻媳妇")],
         notes=["（原标题：《山村夜校：灯亮到十点》）"],
         noise=["首页", "下载客户端", "2025-03-02 10:00", "相关新闻", "城里的老年大学", "手机课走进社区", "热门跟帖",
                "好人一生平安", "热点新闻", "地震", "股市", "Copyright", "举报电话", "jquery"],
         sentences=["去年秋天，退休教师刘春梅在村委会的旧仓库里办起了一所夜校。",
                    "每周二和周四晚上，二十多位村民来这里学认字、学用手机。", "连药盒上的说明都看不懂。",
                    "她们想学会网上卖山货。"]),
    Case("roundtable.txt", ["老街值不值得保留？", "钱的问题怎么解决？有人说政府出，有人说开发商出。", "最后请每位用一句话总结。"],
         [("欧阳晓峰", "值得，但不是"), ("陈玛丽", "我在这里住了"), ("赵建军", "保留的成本"), ("赵建军", "我的意见"),
          ("欧阳晓峰", "还有一种办法"), ("陈玛丽", "我们愿意出力"), ("欧阳晓峰、赵建军", "慢一点"), ("陈玛丽", "别忘了")],
         labels=["主持人", "欧阳晓峰", "陈玛丽", "赵总", "赵建军", "欧阳教授", "Mary", "欧阳晓峰、赵建军"],
         flagged=["欧阳晓峰", "赵建军", "欧阳晓峰、赵建军"]),  # two merges on a short form, one joint answer
    Case("wechat-paste.txt", ["你为什么这么晚还在外面？"],
         [("黄海波", "跑夜班的"), ("苏敏", "刚交完班"), ("Kevin Zhou", "上线出了 bug")],
         labels=["出租车司机黄海波", "急诊科护士苏敏", "程序员 Kevin Zhou"],
         noise=["点击「在看」", "让更多人看到", "▼"], notes=["— END —"]),
]


def _copy_sentences(case: Case) -> list[str]:
    """The copy's own sentences: each line without a label of `case.labels` (a line that is only
    a label gives none) and without the noise, split after 。！？."""
    if case.sentences:
        return case.sentences
    text = (OUTLETS / case.copy).read_text(encoding="utf-8")
    labels = "|".join(re.escape(label) for label in sorted(case.labels, key=len, reverse=True))
    out = []
    for line in text.splitlines():
        line = line.strip(" \u3000")
        if labels:
            line = re.sub(rf"^(?:{labels})\s*[：:]?\s*$|^(?:{labels})\s*[：:]\s*", "", line)
        if not line or any(n in line for n in case.noise):
            continue
        out += [s for s in re.findall(r"[^。！？]+[。！？]?", line) if s.strip()]
    return out


def _document_text(doc: Document) -> str:
    parts = [doc.meta.title]  # (a plain copy's headline is the title, printed first)
    for section in doc.sections:
        parts.append(section.title or "")
        parts += [p.text for p in section.paragraphs]
        parts += [p.text for a in section.answers for p in a.paragraphs]
        parts += [r.text for r in section.references]
    return flat("".join(parts))


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("outlets")
    return {case.copy: run_import(OUTLETS / case.copy, out) for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c.copy for c in CASES])
def test_every_answer_under_its_speaker(case: Case, imported: dict[str, Path]) -> None:
    filled = fill_placeholders(imported[case.copy])
    doc, found = check(filled, pinyin=False)
    errors = {d.code for d in found if d.severity == "error"}
    assert errors == case.placeholder_errors, [str(d) for d in found]
    assert doc is not None or case.placeholder_errors
    source = filled.read_text(encoding="utf-8")
    # the registry and the answers, read from the source text as the editor sees it
    names = dict(re.findall(r"^  - id: (\S+)\n    name: \"?([^\"#\n]+?)\"?\s*(?:#.*)?$", source, re.M))
    answers = re.findall(r"^::: answer (\S+).*\n(.+)$", source, re.M)
    assert [(names[ident], first[: len(want)]) for (ident, first), (_n, want) in zip(answers, case.answers)] \
        == case.answers
    assert len(answers) == len(case.answers)
    assert re.findall(r"^## (.+)$", source, re.M) == case.questions
    checked = re.findall(r"^    name: \"?([^\"#\n]+?)\"?\s*# check:", source, re.M)
    assert checked == case.flagged
    name_lines = {n for n, line in enumerate(source.splitlines(), 1) if line.startswith("    name:")}
    assert len([d for d in found if d.code == "W407" and d.line in name_lines]) == len(case.flagged)
    notes = [p.replace("\\", "") for block in re.findall(r"^::: note\n(.*?)\n:::$", source, re.M | re.S)
             for p in block.split("\n\n")]
    assert [n[: len(want)] for n, want in zip(notes, case.notes)] == case.notes and len(notes) == len(case.notes)


@pytest.mark.parametrize("case", CASES, ids=[c.copy for c in CASES])
def test_every_sentence_of_the_copy_and_no_page_noise(case: Case, imported: dict[str, Path]) -> None:
    source = imported[case.copy].read_text(encoding="utf-8")
    body = source.split("\n---\n", 1)[1]
    filled = fill_placeholders(imported[case.copy])
    doc, _found = check(filled, pinyin=False)
    text = _document_text(doc) if doc is not None else flat(body.replace("\\", ""))
    missing = [s for s in _copy_sentences(case) if flat(s) not in text]
    assert not missing
    assert [n for n in case.noise if n in body] == []
