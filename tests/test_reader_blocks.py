"""Block shapes of the article and answers beyond paragraphs and numbered points: a block quote
(`> …`), an unnumbered list, a subheading of the article (`### …`). Each was flattened into
the author's plain paragraphs (or, for `###`, refused), so editions could not set them apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.reader import read_source, read_with_diagnostics

HEAD = """---
id: urn:uuid:3c9d2f0a-7b1e-4c55-8f21-0d6a9e4b1c99
slug: blocks
title: 块
language: zh-Hans
authors: [林小满]
outlet: 城东周报
date: 2025-03-08
description: 测试。
rights: 测试。
speakers:
  - id: a
    name: 甲
---

"""


def read(tmp_path: Path, body: str):
    path = tmp_path / "blocks.md"
    path.write_text(HEAD + body, encoding="utf-8")
    return read_source(path)


def test_quotes_bullets_and_subheadings_of_the_article(tmp_path: Path) -> None:
    doc = read(tmp_path, "开头。\n\n### 一、小标题\n\n> 引文一。\n>\n> 引文二。\n\n- 甲项\n- 乙项\n\n1. 第一\n\n结尾。\n")
    shapes = [(p.text, p.heading, p.quote, p.bullet, p.number) for p in doc.article.paragraphs]
    assert shapes == [("开头。", False, False, False, None), ("一、小标题", True, False, False, None),
                      ("引文一。", False, True, False, None), ("引文二。", False, True, False, None),
                      ("甲项", False, False, True, None), ("乙项", False, False, True, None),
                      ("第一", False, False, False, 1), ("结尾。", False, False, False, None)]
    assert [p.marker for p in doc.article.paragraphs][4:7] == ["•", "•", "（1）"]


def test_a_quote_and_a_list_inside_an_answer(tmp_path: Path) -> None:
    doc = read(tmp_path, "## 问？\n\n::: answer a\n他说：\n\n> 别急。\n\n- 多看\n:::\n")
    answer = doc.questions[0].answers[0]
    assert [(p.text, p.quote, p.bullet) for p in answer.paragraphs] == [
        ("他说：", False, False), ("别急。", True, False), ("多看", False, True)]


@pytest.mark.parametrize(("body", "at"), [("## 问？\n\n### 小标题\n\n::: answer a\n答。\n:::\n", 3),
                                         ("#### 小标题\n\n正文。\n", 1)], ids=["h3-in-a-chapter", "h4-in-the-article"])
def test_other_headings_stay_refused(tmp_path: Path, body: str, at: int) -> None:
    path = tmp_path / "blocks.md"
    path.write_text(HEAD + body, encoding="utf-8")
    result = read_with_diagnostics(path)
    errors = [(d.code, d.line) for d in result.diagnostics if d.code.startswith("E")]
    assert result.document is None and errors == [("E211", HEAD.count("\n") + at)]
