"""The book's own words in the title's script (pipeline/furniture.py), and verse lines in the model.

Fast tests without a build; the editions themselves are read back in
tests/test_newsroom_sources5.py.
"""

from __future__ import annotations

import pytest

from pipeline import furniture
from pipeline.reader import read_source


@pytest.mark.parametrize(("language", "traditional"), [
    ("zh-Hans", False), ("zh", False), ("zh-CN", False), ("cmn", False), ("zh-SG", False), ("en", False),
    ("zh-Hant", True), ("zh-TW", True), ("zh-HK", True), ("zh-Hant-HK", True), ("zh-MO", True), ("yue", True),
    ("yue-Hans", False),
])
def test_which_languages_are_written_in_traditional_characters(language: str, traditional: bool) -> None:
    assert furniture.traditional(language) is traditional


def _pipeline_words() -> list[str]:
    """Every word the editions write themselves, from the modules' own tables."""
    from pipeline.audio import plan
    from pipeline.renderers import epub, epublearner, epubpages, pdfbook, pinyinhtml

    found = [*epubpages.WORDS.values(), *(w for row in epubpages.COLOPHON for w in row), *pdfbook.WORDS.values(),
             pdfbook.FONT_CREDIT, *pinyinhtml.WORDS.values(), pinyinhtml.EDITION, epub.SUMMARY, epublearner.SUMMARY,
             epublearner.VOCABULARY_TITLE, epublearner.PINYIN_CREDIT, *epublearner.TONES.values(),
             *epublearner.HSK_LABEL.values(), "注音", "生词表", *(t for t in plan.SECTION_TITLES.values() if t),
             *plan.ROLE_NAMES.values()]
    return found


def test_every_word_of_the_editions_has_its_traditional_form() -> None:
    """A word added to a table without its line in data/furniture-hant.toml would be printed
    in simplified characters in a traditional title: each has one, and it differs from the
    simplified form exactly where a character does (same length, same placeholders)."""
    table = furniture._table()
    missing = [w for w in _pipeline_words() if w not in table]
    assert missing == []
    for simplified, traditional in table.items():
        assert len(simplified) == len(traditional), simplified
        assert [c for c in simplified if c.isascii()] == [c for c in traditional if c.isascii()], simplified


def test_the_words_follow_the_language() -> None:
    assert furniture.word("编者注", "zh-Hant-TW") == "編者注"
    assert furniture.word("编者注", "zh-Hans") == "编者注"
    assert furniture.word("未知的词", "zh-HK") == "未知的词"  # (not the pipeline's: left as it is)
    assert furniture.words({"toc": "目录"}, "yue") == {"toc": "目錄"}


SOURCE = """---
id: urn:uuid:0b7c1e20-5b3d-4e8f-a1c2-7d6e5f4b3a99
slug: verse
title: 诗
language: zh-Hans
authors: [林小满]
outlet: 城东周报
date: 2025-06-30
description: 一首诗。
rights: © 2025 城东周报
speakers: []
---

床前明月光，\\
疑是地上霜。  
举头望明月，
低头思故乡。

1. 第一行，\\
   第二行。

> Roses are red,\\
> violets are blue.

It was late.
We went home, tired,
and slept. 2024年
3月，OpenAI
发布了新模型。
"""


def test_a_hard_line_break_starts_a_line_of_the_same_paragraph(tmp_path) -> None:
    """A line ending in a backslash or two spaces is a line of its own (`continued`, at its own
    source line); a plain line end joins as before; a point's number stays on its first line."""
    path = tmp_path / "verse.md"
    path.write_text(SOURCE, encoding="utf-8")
    doc = read_source(path)
    paragraphs = doc.sections[0].paragraphs
    assert [(p.text, p.continued, p.loc.line) for p in paragraphs[:7]] == [
        ("床前明月光，", False, 14), ("疑是地上霜。", True, 15), ("举头望明月，低头思故乡。", True, 16),
        ("第一行，", False, 19), ("第二行。", True, 20),
        ("Roses are red,", False, 22), ("violets are blue.", True, 23)]
    assert [p.number for p in paragraphs[3:5]] == [1, None]
    assert [p.quote for p in paragraphs[5:7]] == [True, True]


def test_a_line_end_joins_latin_words_with_a_space_and_chinese_without(tmp_path) -> None:
    """An English passage wrapped after a full stop or a comma ran on ('late.We', 'tired,and'):
    a line end is a space but beside a Chinese character or a full-width mark."""
    path = tmp_path / "verse.md"
    path.write_text(SOURCE, encoding="utf-8")
    assert read_source(path).sections[0].paragraphs[-1].text == (
        "It was late. We went home, tired, and slept. 2024年3月，OpenAI发布了新模型。")


def test_the_audio_reads_a_verse_as_one_paragraph(tmp_path) -> None:
    """(its lines in one cue: the page sets them apart, the voice reads on)"""
    from pipeline.audio.plan import read_as_one

    path = tmp_path / "verse.md"
    path.write_text(SOURCE, encoding="utf-8")
    joined = read_as_one(read_source(path).sections[0].paragraphs)
    assert [p.text for p in joined[:3]] == ["床前明月光，疑是地上霜。举头望明月，低头思故乡。", "第一行，第二行。",
                                        "Roses are red, violets are blue."]
    assert joined[1].number == 1


def test_the_scripts_fallback_role_and_pseudonym_mark_follow_the_language(tmp_path) -> None:
    """A speaker with no role is 嘉賓 in a traditional title's script, not 嘉宾 (nor 化名 marks)."""
    from pipeline.audio.plan import Cue
    from pipeline.reader import read_source
    from pipeline.renderers.script import _role

    source = (SOURCE.replace("language: zh-Hans", "language: zh-Hant-TW")
              .replace("speakers: []", "speakers:\n  - id: lin\n    name: 林生\n    pseudonym: true")
              + "\n## 問題？\n\n::: answer lin\n回答。\n:::\n")
    path = tmp_path / "t.md"
    path.write_text(source, encoding="utf-8")
    doc = read_source(path)
    answer = doc.chapters[-1].answers[0]
    cue = Cue(role="speaker", who="林生", voice=None, shown=("回答。",), spoken=("回答。",), pause=0.0,
              speaker_id="lin", answer_id=answer.id)
    assert _role(doc, cue) == "嘉賓（化名）"
    host = Cue(role="host", who="主持人", voice=None, shown=(), spoken=(), pause=0.0)
    assert _role(doc, host) == "主持人"
