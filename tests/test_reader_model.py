"""The model the reader builds, field by field, against values written out by hand: section ids
and places, speakers (their voice hints, where each was declared, a duplicate id), paragraph
places. (Found by `make mutate`: the default question ids, a speaker's voice hints and the
speakers after a duplicate could change and no test noticed.)"""

from __future__ import annotations

from pipeline.model import Location, VoiceHint
from pipeline.reader import read_text
from tests.test_reader import VALID, line_of

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
        ("E207", line_of(text, "## 第一个"), 1, "chapter id 'article' is used twice")]


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
