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
        ("E209", 19, 1, "the article has no paragraphs"),  # the first line after the front matter's 18
        ("E204", line_of(text, "## 空的问题？"), 1, "chapter '空的问题？' has no answers"),
        ("E204", line_of(text, "## 收尾"), 1, "chapter '收尾' has no answers"),
    ]
    assert result.document is None
