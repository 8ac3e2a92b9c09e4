"""The reader: real titles become models; malformed sources become file:line:col errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import SourceError
from pipeline.fidelity import normalise, raw_paragraphs
from pipeline.model import Location, VoiceHint
from pipeline.reader import read_source, read_text, read_with_diagnostics
from tests.conftest import FIRST_TITLE, SEED, TEST_TITLE

VALID = """---
id: urn:uuid:00000000-0000-4000-8000-000000000001
title: 测试
language: zh-Hans
authors: [作者]
outlet: 本报
date: 2025-01-02
description: 一个测试。
rights: © 2025
speakers:
  - id: wang
    name: 王五
    role: 记者
  - id: li
    name: 李四
pronunciations:
  王五: wang2 wu3
---

第一段，有Latin和2025年。

## 第一个问题？

::: answer wang
回答一。
:::

::: answer li
回答二。
:::
"""


def read(tmp_path: Path, text: str | bytes):
    path = tmp_path / "bad.md"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return read_with_diagnostics(path)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_valid_minimal_source(tmp_path: Path) -> None:
    result = read(tmp_path, VALID)
    assert result.diagnostics == []
    doc = result.document
    assert doc.meta.title == "测试" and doc.meta.slug == "bad"
    assert [s.kind for s in doc.sections] == ["article", "question"]
    answers = doc.sections[1].answers
    assert [a.label for a in answers] == ["记者王五", "李四"]
    assert doc.pronunciation_table == {"王五": "wáng wǔ"}


MALFORMED = [
    # (name, transform of VALID, code, needle whose line the error points at (None: line 1), col)
    ("no front matter", lambda s: s.replace("---\n", "", 1), "E101", None, 1),
    ("front matter not closed", lambda s: s.replace("---\n\n第一段", "\n第一段"), "E101", None, 1),
    ("bad yaml", lambda s: s.replace("title: 测试", "title: [测试"), "E102", "title: [", 8),  # (at the '[' left open)
    ("missing title", lambda s: s.replace("title: 测试\n", ""), "E103", None, None),
    ("bad date", lambda s: s.replace("2025-01-02", "2025-13-40"), "E104", "date:", 7),
    ("unknown field", lambda s: s.replace("outlet: 本报", "outlet: 本报\npublisher: 某"), "E105", "publisher:", 1),
    ("unknown speaker", lambda s: s.replace("::: answer li", "::: answer zhao"), "E201", "::: answer zhao", 12),
    ("duplicate speaker", lambda s: s.replace("id: li", "id: wang"), "E202", "  - id: wang\n    name: 李四", 9),
    ("empty answer", lambda s: s.replace("回答二。\n", ""), "E203", "::: answer li", 1),
    ("question without answers", lambda s: s + "\n## 第二个问题？\n", "E204", "## 第二个问题", 1),
    ("text outside answer", lambda s: s.replace("::: answer wang", "散落的一段。\n\n::: answer wang"), "E205", "散落", 1),
    ("answer without id", lambda s: s.replace("::: answer wang", "::: answer"), "E206", "::: answer\n", 1),
    ("unknown container", lambda s: s.replace("::: answer wang\n回答一。\n:::", "::: quote\n回答一。\n:::"), "E206", "::: quote", 1),
    ("duplicate chapter id", lambda s: s.replace("## 第一个问题？", "## 第一个问题？ {#x}") + "\n## 又一个 {#x}\n\n::: answer li\n好。\n:::\n", "E207", "## 又一个", 1),
    ("level-1 heading", lambda s: s.replace("## 第一个问题？", "# 第一个问题？"), "E211", "# 第一个问题", 1),
    ("syllable count", lambda s: s.replace("wang2 wu3", "wang2"), "E301", "王五: wang2", 3),
    ("not pinyin", lambda s: s.replace("wang2 wu3", "wang2 五"), "E301", "王五: wang2", 3),
    ("code block", lambda s: s.replace("第一段", "```\ncode\n```\n\n第一段"), "E212", "```", 1),
]


@pytest.mark.parametrize("name,transform,code,needle,col", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_sources_report_position(tmp_path: Path, name, transform, code, needle, col) -> None:
    text = transform(VALID)
    result = read(tmp_path, text)
    assert result.document is None, name
    first = [d for d in result.diagnostics if d.severity == "error"][0]
    assert first.code == code, [str(d) for d in result.diagnostics]
    assert first.path.endswith("bad.md")
    if needle is not None:
        assert first.line == line_of(text, needle), str(first)
    if col is not None:
        assert first.col == col, str(first)


def test_not_utf8(tmp_path: Path) -> None:
    result = read(tmp_path, VALID.encode("utf-8").replace("第一段".encode(), "第一段".encode("gbk")))
    assert [d.code for d in result.diagnostics] == ["E100"]
    assert result.diagnostics[0].line == line_of(VALID, "第一段")


def test_read_source_raises_first_error_with_position(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text(VALID.replace("::: answer li", "::: answer zhao"), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value).startswith(f"{path}:{line_of(VALID, '::: answer li')}:12: unknown speaker id 'zhao'")


def test_lists_asides_and_languages(tmp_path: Path) -> None:
    text = VALID.replace("回答一。", "[（注）]{.aside}开头，[gg humans]{lang=en}。\n\n1. 甲\n2. 乙\n\n- 丙")
    doc = read(tmp_path, text).document
    paragraphs = doc.sections[1].answers[0].paragraphs
    assert [(p.text, p.number) for p in paragraphs] == [
        ("（注）开头，gg humans。", None), ("甲", 1), ("乙", 2), ("丙", None)]
    spans = paragraphs[0].spans
    assert spans[0].style == "aside" and spans[0].text == "（注）"
    assert [s.lang for s in spans if s.text == "gg humans"] == ["en"]


def test_html_in_source_stays_text(tmp_path: Path) -> None:
    # (typed bare, a '<script>' tag is E227 since the ninth sweep: every edition printed it, code and all)
    refused = read(tmp_path, VALID.replace("第一段", "<script>alert(1)</script> & 第一段"))
    assert refused.document is None and [d.code for d in refused.diagnostics] == ["E227"], refused.diagnostics
    doc = read(tmp_path, VALID.replace("第一段", "\\<script>alert(1)\\</script> & 第一段")).document
    assert doc.sections[0].paragraphs[0].text.startswith("<script>alert(1)</script> & 第一段")


def test_first_title_is_faithful_to_the_seed() -> None:
    """Every paragraph of the raw copy, once, in order, modulo the documented normalisation."""
    doc = read_source(FIRST_TITLE)
    model = [normalise(block) for block in doc.text_blocks()]
    seed = [normalise(block) for block in raw_paragraphs(SEED)]
    assert model == seed


def test_first_title_structure() -> None:
    doc = read_source(FIRST_TITLE)
    assert len(doc.questions) == 10
    assert [s.kind for s in doc.sections][-3:] == ["closing", "note", "references"]
    assert len(doc.speakers) == 44
    assert doc.speaker("chatgpt").label() == "ChatGPT"
    assert {s.name for s in doc.speakers if s.pseudonym} == {"刘彬", "黄力明", "马庆", "肖以军"}
    feifei = doc.answers_by("feifeiart")
    assert len(feifei) == 4 and {a.label for a in feifei} == {"某大厂游戏板块负责人@非FeiArt"}
    haixin = {a.label for a in doc.answers_by("haixin")}
    assert haixin == {"实验电影人、AIGC艺术家@海辛Hyacinth", "AIGC艺术家@海辛Hyacinth"}
    references = doc.sections[-1].references
    assert references[1].outlet == "北京商报" and str(references[1].date) == "2024-02-19"
    assert references[2].outlet == "微博" and references[2].date is None


def test_test_title_reads() -> None:
    doc = read_source(TEST_TITLE)
    assert doc.meta.slug == "night-library"
    assert any(p.number for p in doc.paragraphs())


# --- the model, field by field -----------------------------------------------------------------
# The model the reader builds, field by field, against values written out by hand: section ids
# and places, speakers (their voice hints, where each was declared, a duplicate id), paragraph
# places. (Found by `make mutate`: the default question ids, a speaker's voice hints and the
# speakers after a duplicate could change and no test noticed.)

MORE = VALID + "\n## 第二个问题？\n\n::: answer li\n回答三。\n:::\n\n## 收尾 {.closing}\n\n::: answer wang\n完。\n:::\n"


def test_sections_have_their_default_ids_in_order() -> None:
    doc = read_text(MORE, "t.md").document
    assert [(s.id, s.kind, s.title) for s in doc.sections] == [
        ("article", "article", None), ("q1", "question", "第一个问题？"), ("q2", "question", "第二个问题？"),
        ("closing", "closing", "收尾")]
    assert [a.id for s in doc.sections for a in s.answers] == ["q1-1", "q1-2", "q2-1", "closing-1"]


def test_sections_stand_where_they_start() -> None:
    doc = read_text(MORE, "t.md").document
    assert [s.loc for s in doc.sections] == [
        Location(path="t.md", line=1), Location(path="t.md", line=line_of(MORE, "## 第一个")),
        Location(path="t.md", line=line_of(MORE, "## 第二个")), Location(path="t.md", line=line_of(MORE, "## 收尾"))]
    assert [p.loc for p in doc.sections[0].paragraphs] == [Location(path="t.md", line=line_of(MORE, "第一段"), col=1)]
    assert [a.loc for a in doc.sections[1].answers] == [
        Location(path="t.md", line=line_of(MORE, "::: answer wang")), Location(path="t.md", line=line_of(MORE, "::: answer li"))]
    assert [p.loc.line for a in doc.sections[1].answers for p in a.paragraphs] == [
        line_of(MORE, "回答一"), line_of(MORE, "回答二")]


def test_a_chapter_may_not_take_the_articles_id() -> None:
    text = VALID.replace("## 第一个问题？", "## 第一个问题？ {#article}")
    result = read_text(text, "t.md")
    assert [(d.code, d.line, d.col, d.message) for d in result.diagnostics] == [
        ("E207", line_of(text, "## 第一个"), 1, "chapter id 'article' is used twice: it is the article's own id")]


def test_speakers_carry_their_voice_hints_and_where_they_were_declared() -> None:
    text = VALID.replace("    role: 记者\n", "    role: 记者\n    voice: {gender: female, age: senior, espeak: cmn}\n")
    doc = read_text(text, "t.md").document
    wang, li = doc.speakers
    assert wang.voice == VoiceHint(gender="female", age="senior", edge=None, espeak="cmn")
    assert li.voice == VoiceHint()
    # the id's value: '  - id: wang' puts it in column 9
    assert (wang.loc, li.loc) == (Location(path="t.md", line=line_of(text, "id: wang"), col=9),
                                  Location(path="t.md", line=line_of(text, "id: li"), col=9))


def test_a_speaker_declared_twice_is_named_with_the_first_line_and_the_rest_still_read() -> None:
    text = VALID.replace("  - id: li\n", "  - id: wang\n    name: 王六\n  - id: li\n")
    result = read_text(text, "t.md")
    first = line_of(text, "id: wang")
    second = line_of(text, "name: 王六") - 1
    assert [(d.code, d.line, d.col, d.message) for d in result.diagnostics] == [
        ("E202", second, 9, f"speaker id 'wang' is declared twice (first on line {first})")]
    # li, declared after the duplicate, is still a speaker: li's answer is not an unknown id
    assert not [d for d in result.diagnostics if d.code == "E201"]


FULL_FRONT = VALID.replace("title: 测试\n", "slug: ce-shi\ntitle: 测试\nsubtitle: 副题\neditor: 编辑\naccount: 公众号\ncredit: 图片\n") \
    .replace("language: zh-Hans", "language: zh-CN").replace("authors: [作者]", "authors: [甲, 乙]")


def test_every_front_matter_field_reaches_the_metadata() -> None:
    import datetime as dt

    from pipeline.model import Metadata

    doc = read_text(FULL_FRONT, "t.md", default_slug="unused").document
    assert doc.meta == Metadata(
        id="urn:uuid:00000000-0000-4000-8000-000000000001", slug="ce-shi", title="测试", subtitle="副题",
        language="zh-CN", authors=("甲", "乙"), editor="编辑", outlet="本报", account="公众号",
        date=dt.date(2025, 1, 2), description="一个测试。", rights="© 2025", credit="图片")
    assert doc.source == "t.md"
    assert [(p.word, p.pinyin, p.loc) for p in doc.pronunciations] == [
        ("王五", "wáng wǔ", Location(path="t.md", line=line_of(FULL_FRONT, "  王五:"), col=3))]


def test_without_a_slug_the_file_name_gives_it() -> None:
    assert read_text(VALID, "t.md", default_slug="from-file").document.meta.slug == "from-file"
    assert read_text(VALID, "t.md").document.meta.slug == "title"


def test_a_chapter_without_answers_and_an_article_without_paragraphs() -> None:
    text = VALID.replace("第一段，有Latin和2025年。\n", "") + "\n## 空的问题？\n\n## 收尾 {.closing}\n"
    result = read_text(text, "t.md")
    assert [(d.code, d.line, d.col, d.message) for d in result.diagnostics] == [
        ("E204", line_of(text, "## 空的问题？"), 1, "chapter '空的问题？' has no answers"),
        ("E204", line_of(text, "## 收尾"), 1, "chapter '收尾' has no answers"),
    ]
    assert result.document is None


# --- inline text ---------------------------------------------------------------------------------
# Spans as an editor marks them up: (id, as written, the spans written out by hand as (text,
# style, lang)). Before: a line break between two Latin words lost its space when markup stood
# between them ('*a*' / '*b*' on two lines read 'ab').
SPANS = [
    ("em-around-lang", "*甲[乙]{lang=en}丙*", [("甲", "em", None), ("乙", "em", "en"), ("丙", "em", None)]),
    ("same-lang-joined", "[a]{lang=en}[b]{lang=en}", [("ab", "plain", "en")]),
    ("code-in-em", "*甲`乙`*", [("甲乙", "em", None)]),
    ("code", "甲`x`乙", [("甲x乙", "plain", None)]),
    # (an image, '![图](x.png)', is E212: tests/test_reader_broken4.py)
    ("aside-in-strong", "**[甲]{.aside}**", [("甲", "aside", None)]),
    ("han-break", "甲\n乙", [("甲乙", "plain", None)]),
    ("latin-break", "ab\ncd", [("ab cd", "plain", None)]),
    # (a hard line break ends the line: 'cd' is the next, `continued` paragraph; tests/test_furniture.py)
    ("latin-hard-break", "ab  \ncd", [("ab", "plain", None)]),
    ("han-hard-break", "甲  \n乙", [("甲", "plain", None)]),
    ("one-letter-words", "a\nb", [("a b", "plain", None)]),
    ("han-then-latin", "甲a\nb", [("甲a b", "plain", None)]),
    ("latin-then-han", "ab\n甲", [("ab甲", "plain", None)]),
    ("empty-span-first", "[]{lang=en}\nab", [("ab", "plain", None)]),
    ("break-between-spans", "[a]{lang=en}\n[b]{lang=en}", [("a", "plain", "en"), (" ", "plain", None), ("b", "plain", "en")]),
    ("break-between-em", "*a*\n*b*", [("a", "em", None), (" ", "plain", None), ("b", "em", None)]),
    ("break-then-no-text", "a\n[]{lang=en}", [("a", "plain", None)]),
    ("strong", "甲**乙**丙", [("甲", "plain", None), ("乙", "strong", None), ("丙", "plain", None)]),
    ("strong-then-break", "**a**\nb", [("a", "strong", None), (" b", "plain", None)]),
]


@pytest.mark.parametrize(("written", "spans"), [row[1:] for row in SPANS], ids=[row[0] for row in SPANS])
def test_inline_markup_becomes_spans(written: str, spans: list) -> None:
    doc = read_text(VALID.replace("第一段，有Latin和2025年。", written), "t.md").document
    assert [(s.text, s.style, s.lang) for s in doc.sections[0].paragraphs[0].spans] == spans


def test_an_interview_needs_no_article() -> None:
    """A title that is all questions and answers (an interview) was refused with E209 'the article
    has no paragraphs', though every edition builds it (its opener carries the title, subtitle and
    byline): it reads, every answer in place, the article empty."""
    text = VALID.replace("第一段，有Latin和2025年。\n", "")
    result = read_text(text, "t.md")
    assert result.diagnostics == []
    doc = result.document
    assert doc.article is not None and doc.article.paragraphs == ()
    assert [p.text for p in doc.paragraphs()] == ["回答一。", "回答二。"]


@pytest.mark.parametrize("body", ["***\n", "```\ncode\n```\n", "::: note\n注。\n:::\n"], ids=["rule", "code", "note"])
def test_a_body_without_a_paragraph_of_article_is_refused(body: str) -> None:
    """Before: a body of only a '***' rule read as a document with no text at all."""
    text = VALID.split("\n---\n")[0] + "\n---\n" + body  # the front matter: 18 lines
    found = [(d.code, d.line, d.col, d.message) for d in read_text(text, "t.md").diagnostics]
    assert ("E209", 19, 1, "the article has no paragraphs, and no question follows") in found
    assert read_text(text, "t.md").document is None
