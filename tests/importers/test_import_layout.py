"""Layout rules on small copies written for each rule: labels on the answer's own line, copy
without questions, a credit line on top, pseudonym notes that must not be over-read, numbered
points, the closing chapter, Traditional characters, end matter after the references."""

from __future__ import annotations

from pathlib import Path

from pipeline.check import check
from pipeline.importers.draft import Draft
from pipeline.importers.formats import Extracted, text_blocks
from pipeline.importers.layout import infer
from pipeline.importers.writer import write_source


def draft_of(copy: str) -> Draft:
    return infer(Extracted(text_blocks(copy), "plain text"))


def people(draft: Draft) -> list[tuple]:
    return [(p.name, p.role, p.handle, p.pseudonym) for p in draft.people]


ARTICLE = "城东新开了一家旧书店，老板说要开到深夜。我们问了几位常客。"


def test_labels_on_the_answers_own_line() -> None:
    draft = draft_of(f"""{ARTICLE}

你为什么来？

退休教师葛秀兰：家里太安静了。

程序员Kevin: 这里有插座。

还会再来吗？

退休教师葛秀兰：当然。
""")
    assert [c.title for c in draft.chapters] == ["你为什么来？", "还会再来吗？"]
    assert people(draft) == [("葛秀兰", "退休教师", None, False), ("Kevin", "程序员", None, False)]
    assert [[p.text for p in a.paragraphs] for a in draft.answers] == [["家里太安静了。"], ["这里有插座。"], ["当然。"]]


def test_a_sentence_with_a_colon_is_not_a_label() -> None:
    draft = draft_of(f"""{ARTICLE}

他告诉记者：书店不赚钱。

老板说：开到深夜是为了自己。
""")
    assert draft.chapters == [] and len(draft.article) == 3


def test_answers_without_a_question_get_a_placeholder_chapter(tmp_path: Path) -> None:
    draft = draft_of(f"""{ARTICLE}

书店老板周明：

开书店是我年轻时的梦想。

大学生林一：

我来这里写论文。
""")
    assert len(draft.chapters) == 1 and draft.chapters[0].placeholder
    path = tmp_path / "t.md"
    path.write_text(write_source(draft, "t", "copy.txt"), encoding="utf-8")
    codes = {d.code for d in check(path, pinyin=False)[1] if d.severity == "error"}
    assert "E127" in codes  # the editor must write the question


def test_credit_line_on_top() -> None:
    draft = draft_of(f"""文｜张三 李四  编辑｜王五

{ARTICLE}""")
    assert draft.credit.authors == ["张三", "李四"] and draft.credit.editor == "王五"
    assert [p.text for p in draft.article] == [ARTICLE]


def test_pseudonym_notes_are_read_narrowly() -> None:
    copy = f"""{ARTICLE}

你为什么来？

书店老板周明：

开书店是我年轻时的梦想。

大学生林一：

我来这里写论文，我的室友张宁（化名）也常来。

（除周明外，文中受访者均为化名。）
"""
    draft = draft_of(copy)
    by_name = {p.name: p for p in draft.people}
    assert not by_name["周明"].pseudonym and any("化名" in d for d in by_name["周明"].doubts)
    assert not by_name["林一"].pseudonym  # 张宁（化名） is about 张宁, who does not answer
    assert draft.notes == ["（除周明外，文中受访者均为化名。）"]


def test_name_right_before_the_pseudonym_mark() -> None:
    draft = draft_of(f"""{ARTICLE}

你为什么来？

大学生林一（化名）：

我来这里写论文。

书店老板周明：

林一（化名）是常客，周明是我。
""")
    assert [(p.name, p.pseudonym) for p in draft.people] == [("林一", True), ("周明", False)]


def test_numbered_points() -> None:
    draft = draft_of(f"""{ARTICLE}

（1）第一点。

(2)第二点。

（3）第三点。

4、换了写法的编号不接着列。

(1)单独一个编号不成列表。

2. 顺序不对也不成列表。

4. 所以都保持原样。
""")
    numbers = [(p.number, p.text) for p in draft.article]
    assert numbers[1:4] == [(1, "第一点。"), (2, "第二点。"), (3, "第三点。")]
    assert [n for n, _ in numbers[4:]] == [None, None, None, None]
    assert numbers[5][1] == "（1）单独一个编号不成列表。"


def test_closing_chapter_only_among_questions() -> None:
    qa = "\n\n书店老板周明：\n\n回答。\n\n"
    asked = draft_of(f"{ARTICLE}\n\n你为什么来？{qa}还会再来吗？{qa}给书店的一句话{qa}")
    assert [c.closing for c in asked.chapters] == [False, False, True]
    topics = draft_of(f"{ARTICLE}\n\n关于开店{qa}关于读者{qa}关于未来{qa}")
    assert [c.closing for c in topics.chapters] == [False, False, False]


def test_numbered_question_lines() -> None:
    draft = draft_of(f"{ARTICLE}\n\n1. 你为什么来？\n\n书店老板周明：\n\n回答。\n\n2. 还会再来吗？\n\n书店老板周明：\n\n会。")
    assert [c.title for c in draft.chapters] == ["1. 你为什么来？", "2. 还会再来吗？"]


def test_traditional_characters() -> None:
    draft = draft_of("這家書店開到深夜，老闆說這是為了讓讀者們有個去處。我們問了幾位常客。")
    assert draft.language == "zh-Hant"
    assert draft_of(ARTICLE).language == "zh-Hans"


def test_end_matter_after_the_references_is_kept() -> None:
    draft = draft_of(f"""{ARTICLE}

你为什么来？

书店老板周明：

回答。

参考资料：

1. 城东旧书店开业，城东周报，2025年3月1日

2. 微博：@城东旧书店

（完）
""")
    assert draft.references == ["城东旧书店开业，城东周报，2025年3月1日", "微博：@城东旧书店"]
    assert draft.notes_after == ["（完）"]
    assert [p.text for a in draft.answers for p in a.paragraphs] == ["回答。"]


def test_same_person_written_with_and_without_handle_and_width() -> None:
    draft = draft_of(f"""{ARTICLE}

你为什么来？

知乎用户张佳玮@张佳玮：

回答一。

还会再来吗？

知乎用户 @张佳玮:

回答二。
""")
    assert people(draft) == [("张佳玮", "知乎用户", "@张佳玮", False)]
    assert draft.stats.merges


def test_bold_labels_without_colon_in_a_page() -> None:
    from lxml.html import builder as E
    from lxml import etree

    from pipeline.importers.formats import read_html

    page = E.HTML(E.BODY(E.DIV({"id": "js_content"},
        E.P(ARTICLE), E.P(E.STRONG("你为什么来？")),
        E.P(E.SPAN({"style": "font-weight: bold"}, "书店老板周明")), E.P("开书店是我的梦想。", E.BR(), "第二段。"),
        E.P(E.B("大学生"), E.STRONG("林一")), E.P("我来写论文，", E.STRONG("真的"), "。"),
    )))
    extracted = read_html(etree.tostring(page, encoding="unicode"))
    assert [(b.text, b.strong) for b in extracted.blocks] == [
        (ARTICLE, False), ("你为什么来？", True), ("书店老板周明", True), ("开书店是我的梦想。", False),
        ("第二段。", False), ("大学生林一", True), ("我来写论文，真的。", False)]
    draft = infer(extracted)
    assert [c.title for c in draft.chapters] == ["你为什么来？"]
    assert people(draft) == [("周明", "书店老板", None, False), ("林一", "大学生", None, False)]


def test_role_after_the_name_and_interview_marks() -> None:
    draft = draft_of(f"""{ARTICLE}

你为什么来？

周明（书店老板）：

开书店是我的梦想。

Q：还有别的原因吗？

A：没有了。
""")
    assert people(draft) == [("周明", "书店老板", None, False)]
    assert draft.people[0].doubts  # the label is printed role first: the editor is told
    assert [p.text for p in draft.answers[0].paragraphs] == ["开书店是我的梦想。", "Q：还有别的原因吗？", "A：没有了。"]


def test_page_trailers_and_a_credit_before_the_references() -> None:
    draft = draft_of(f"""{ARTICLE}

你为什么来？

书店老板周明：

回答。

本文来自微信公众号：城东周报（ID：chengdong），作者：林小满，编辑：周一

参考来源：

1. 城东旧书店开业，城东周报，2025年3月1日

头图来源：视觉中国

- END -
""")
    assert draft.credit.authors == ["林小满"] and draft.credit.outlet == "城东周报"
    assert [p.text for a in draft.answers for p in a.paragraphs] == ["回答。"]
    assert draft.references_title == "参考来源" and len(draft.references) == 1
    assert draft.notes_after == ["- END -"]  # a picture's credit is the page's: dropped, and listed
    assert any("头图来源：视觉中国" in note for note in draft.stats.notes)
