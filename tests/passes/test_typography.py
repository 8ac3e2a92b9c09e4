from __future__ import annotations

import pytest

from pipeline.passes.typography import fix_text, half_width_marks, normalise_document
from pipeline.reader import read_text
from tests.test_reader import VALID


def test_fix_text_converts_only_in_chinese_context() -> None:
    assert fix_text("此时,AIGC(生成式人工智能)艺术家") == "此时，AIGC（生成式人工智能）艺术家"
    assert fix_text("(Sora)可能会") == "（Sora）可能会"
    assert fix_text("gg humans, ok (yes)") == "gg humans, ok (yes)"
    assert fix_text("怎么知道?") == "怎么知道？"
    assert fix_text("比例:1:2") == "比例：1:2"


def test_pass_fixes_every_text_but_foreign_runs() -> None:
    text = VALID.replace("第一段，有Latin和2025年。", "第一段,[a, b]{lang=en}。").replace("role: 记者", "role: 记者,编辑")
    doc = normalise_document(read_text(text, "t.md").document)
    assert doc.sections[0].paragraphs[0].text == "第一段，a, b。"
    assert doc.sections[1].answers[0].label == "记者，编辑王五"


# Written out by hand: (text as an editor might type it, what every edition must print). Each
# row pins one rule of the house style; the comment says which neighbour decides.
FIX_TABLE = [
    # a bracket pair counts when its content, the character before or the one after is Chinese
    ("中(ab)cd", "中（ab）cd"),        # only the character before
    ("x中(ab)cd", "x中（ab）cd"),      # … even with Latin further left
    ("ab(cd)中x", "ab（cd）中x"),      # only the character after
    ("a(中)b", "a（中）b"),            # only the content
    ("a(b)c", "a(b)c"),                # none of them
    ("。(ab)cd", "。（ab）cd"),        # a Chinese mark counts as Chinese
    # a single , : ; ? ! counts when either neighbour is Chinese
    ("x中,y", "x中，y"),
    ("a,中", "a，中"),
    ("a;b", "a;b"),
    ("好!", "好！"),
    ("问:答", "问：答"),
    ("一;二", "一；二"),
    ("a, b", "a, b"),
    # a full stop after Chinese, but not in numbers, domains, lists, paths or ellipses
    ("他走了.", "他走了。"),
    ("他走了. 然后", "他走了。 然后"),
    ("中.中", "中。中"),                # a Han character after the dot is no reason to keep it
    ("他说“好”.", "他说“好”。"),        # after a closing quote
    ("（完）.", "（完）。"),
    ("3.5", "3.5"),
    ("ifeng.com", "ifeng.com"),
    ("凤凰网.com", "凤凰网.com"),
    ("1. 第一", "1. 第一"),
    ("好...", "好..."),
    ("好..", "好.."),
    ("中./x", "中./x"),
    ("中._x", "中._x"),
    ("中.-x", "中.-x"),
    ("中.@x", "中.@x"),
    ("Inc.", "Inc."),
    # one exception does not stop the marks after it
    ("凤凰网.com 他走了.", "凤凰网.com 他走了。"),
    ("好... 他走了.", "好... 他走了。"),
    ("a(b)c 中(d)", "a(b)c 中（d）"),
    ("a,b 中,d", "a,b 中，d"),
    ("Inc. 他走了.", "Inc. 他走了。"),      # a dot after Latin does not stop the search either
    # only the one character next to a mark decides, even when a Chinese mark is followed by more
    ("(OK)。下一句", "（OK）。下一句"),
    ("OK,“好”", "OK，“好”"),
    # straight quotation marks around Chinese become a curly pair; a lone one is left alone
    ('这是一份"看不见"的工作', "这是一份“看不见”的工作"),   # the content
    ('"Sora"来了', "“Sora”来了"),                            # only the character after
    ('他叫"Sam"', "他叫“Sam”"),                              # only the character before
    ('x中"Sam"', "x中“Sam”"),                                # … the one right before it
    ('"Sam"中x', "“Sam”中x"),                                # only the one right after
    ('say "hi" ok', 'say "hi" ok'),                          # none of them
    ('他说:"走吧,快点!"', "他说：“走吧，快点！”"),
    ('"一"和"二"', "“一”和“二”"),                            # two pairs, in order
    ('只有一个"引号', '只有一个"引号'),
    ("他说'好'。", "他说‘好’。"),
    ("用了'AI'这个词", "用了‘AI’这个词"),
    ("OpenAI's模型", "OpenAI's模型"),                        # an apostrophe, not a quotation mark
    ("it's 'ok' now", "it's 'ok' now"),
    # a web address is copied as written, even beside Chinese; the marks around it are fixed
    ("网址https://www.example.org/路径?q=中文&x=1 和", "网址https://www.example.org/路径?q=中文&x=1 和"),
    ("详见https://example.com/r/1?a=1&b=2。", "详见https://example.com/r/1?a=1&b=2。"),
    ("访问https://openai.com了解,谢谢", "访问https://openai.com了解，谢谢"),
    ("(https://x.com/a?b=1)可以", "（https://x.com/a?b=1）可以"),
    ("见www.ifeng.com/a?b=(1)吧", "见www.ifeng.com/a?b=(1)吧"),
    ("见www.ifeng.com?b=(1)吧", "见www.ifeng.com?b=(1)吧"),     # an address without a '/'
    ("维基https://zh.wikipedia.org/wiki/Sora_(模型)。", "维基https://zh.wikipedia.org/wiki/Sora_(模型)。"),
    ("见https://a.com/x,然后:好", "见https://a.com/x，然后：好"),
    ("ftp://中.cn/a;b=1好", "ftp://中.cn/a;b=1好"),
]


# Where `publish check` points (W401): each half-width mark's offset and the mark itself.
MARKS_TABLE = [
    ('说"好"了', [(1, '"'), (3, '"')]),
    ("说'好'了", [(1, "'"), (3, "'")]),
    ("中(ab)", [(1, "("), (4, ")")]),
    ("好,吧", [(1, ",")]),
    ("他走了.", [(3, ".")]),
    ("a(b)c, d", []),
    ("见https://例子.cn/路径?q=1", []),
]


# (plain ids: mutmut hands node ids back to pytest, and quotation marks in an id do not survive that)
@pytest.mark.parametrize(("text", "expected"), MARKS_TABLE, ids=[f"marks{i}" for i in range(len(MARKS_TABLE))])
def test_half_width_marks_names_each_mark_where_it_stands(text: str, expected: list[tuple[int, str]]) -> None:
    assert sorted(half_width_marks(text)) == expected


@pytest.mark.parametrize(("text", "expected"), FIX_TABLE, ids=[f"row{i}" for i in range(len(FIX_TABLE))])
def test_fix_text_follows_the_hand_written_table(text: str, expected: str) -> None:
    assert fix_text(text) == expected


# Every field the pass is meant to clean, each with a half-width comma in Chinese text.
EVERY_FIELD = """---
id: urn:uuid:00000000-0000-4000-8000-000000000002
title: 标题,一
subtitle: 副题,二
language: zh-Hans
authors: [作者]
outlet: 本报
account: 公众号:三
date: 2025-01-02
description: 描述,四
rights: 版权,五
credit: 署名,六
speakers:
  - id: wang
    name: 王五
    role: 记者,七
---

导语,八[a, b]{lang=en}。

## 问题,九

::: answer wang role=编辑,十
回答,十一。
:::

## 参考资料 {.references}

1. 文献,十二
"""


def test_pass_cleans_every_field_an_edition_prints() -> None:
    doc = normalise_document(read_text(EVERY_FIELD, "t.md").document)
    meta = doc.meta
    assert (meta.title, meta.subtitle, meta.account, meta.description, meta.rights, meta.credit) == (
        "标题，一", "副题，二", "公众号：三", "描述，四", "版权，五", "署名，六")
    assert doc.speakers[0].role == "记者，七"
    article, question, references = doc.sections
    assert article.paragraphs[0].text == "导语，八a, b。"
    assert question.title == "问题，九"
    answer = question.answers[0]
    assert answer.role == "编辑，十"
    assert answer.speaker.role == "记者，七"  # the answer's speaker is the cleaned registry entry
    assert answer.paragraphs[0].text == "回答，十一。"
    assert [r.text for r in references.references] == ["文献，十二"]


def test_pass_keeps_each_runs_style_and_leaves_marked_languages_alone() -> None:
    """A run marked as another language keeps its own punctuation even where it is written in
    Han characters (Japanese here); an emphasised run is fixed and stays emphasised."""
    text = VALID.replace("第一段，有Latin和2025年。", "第一段,[東京,大阪]{lang=ja}和 **重要,好** 了。")
    spans = normalise_document(read_text(text, "t.md").document).sections[0].paragraphs[0].spans
    assert [(s.text, s.style, s.lang) for s in spans] == [
        ("第一段，", "plain", None),
        ("東京,大阪", "plain", "ja"),
        ("和 ", "plain", None),
        ("重要，好", "strong", None),
        (" 了。", "plain", None),
    ]
