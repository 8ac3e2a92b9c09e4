"""What the reader tells an editor, written out by hand: the first error and how many more,
the field a misspelt key was meant to be, pydantic's wording removed, long lines shortened in a
message, the kind of an unclosed block, and where a note stands.

(Found by `make mutate`: the reader's tests checked codes and lines, and let the words change.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import SourceError
from pipeline.reader import read_data, read_source, read_with_diagnostics
from tests.test_reader import VALID, line_of


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    return path


def messages(tmp_path: Path, text: str) -> list[tuple[str, int, int, str]]:
    return [(d.code, d.line, d.col, d.message) for d in read_with_diagnostics(write(tmp_path, text)).diagnostics]


def test_a_build_names_the_first_error_and_counts_the_rest(tmp_path: Path) -> None:
    text = VALID.replace("date: 2025-01-02", "date: 2025-13-45").replace("language: zh-Hans", "language: zh_CN")
    path = write(tmp_path, text)
    with pytest.raises(SourceError) as error:
        read_source(path)
    assert str(error.value) == (f"{path}:{line_of(text, 'language')}:11: 'language': write 'zh-CN' "
                                "(BCP 47 tags use '-') (and 1 more: run 'publish check')")


def test_one_error_is_named_alone(tmp_path: Path) -> None:
    text = VALID.replace("date: 2025-01-02", "date: 2025-13-45")
    path = write(tmp_path, text)
    with pytest.raises(SourceError) as error:
        read_source(path)
    assert str(error.value) == f"{path}:{line_of(text, 'date')}:7: 'date': '2025-13-45' is not a day of the calendar"


def test_a_misspelt_key_is_matched_to_the_field_it_was_meant_to_be(tmp_path: Path) -> None:
    text = (VALID.replace("outlet: 本报", "outlett: 本报")
            .replace("    name: 李四", "    nmae: 李四\n    name: 李四")
            .replace("rights: © 2025", "rights: © 2025\nzzzzqq: 1"))
    assert [m for m in messages(tmp_path, text) if m[0] == "E105"] == [
        ("E105", line_of(text, "outlett"), 1, "unknown field 'outlett': did you mean 'outlet'?"),
        ("E105", line_of(text, "zzzzqq"), 1, "unknown field 'zzzzqq'"),  # nothing near it
        ("E105", line_of(text, "    nmae"), 5, "unknown field 'speakers.1.nmae': did you mean 'name'?"),
    ]


def test_a_long_fence_line_is_shortened_in_the_message(tmp_path: Path) -> None:
    text = VALID.replace("::: answer li", ":::: answer li role=一个非常非常非常非常非常非常长的角色名字用来测试")
    # the first 40 characters of the line, then an ellipsis
    assert messages(tmp_path, text) == [
        ("E216", line_of(text, ":::: answer li"), 1,
         "the fence ':::: answer li role=一个非常非常非常非常非常非常长的角色名字…' has 4 colons; a fence is exactly ':::'")]


@pytest.mark.parametrize(("opening", "expected"), [
    ("::: answer wang", [("E214", "the answer opened here is never closed before the end of the file")]),
    ("::: note", [("E214", "the note opened here is never closed before the end of the file")]),
    ("::: quote", [("E206", "unknown block '::: quote': did you mean '::: note'?"),
                   ("E214", "the block opened here is never closed before the end of the file")]),
], ids=["answer", "note", "unknown"])
def test_an_unclosed_block_is_named_by_its_kind(tmp_path: Path, opening: str, expected) -> None:
    text = VALID + f"\n{opening}\n回答三。\n"
    found = messages(tmp_path, text)
    assert [(code, message) for code, _line, _col, message in found] == expected
    assert {line for _code, line, _col, _message in found} == {text[: text.rindex(opening)].count("\n") + 1}


def test_a_note_stands_at_its_fence(tmp_path: Path) -> None:
    text = VALID + "\n::: note\n注释。\n:::\n"
    doc = read_source(write(tmp_path, text))
    assert [(s.kind, s.loc.line) for s in doc.sections if s.kind == "note"] == [("note", line_of(text, "::: note"))]


def test_a_note_fence_with_words_after_it_and_an_empty_note(tmp_path: Path) -> None:
    text = VALID + "\n::: note 注\n注释。\n:::\n\n::: note\n:::\n"
    first = text[: text.index("::: note 注")].count("\n") + 1
    second = text[: text.rindex("::: note\n")].count("\n") + 1
    assert [m for m in messages(tmp_path, text) if m[0] in ("E206", "E203")] == [
        ("E206", first, 1, "cannot read '::: note 注': a note is opened by '::: note' alone"),
        ("E203", second, 1, "the note is empty"),
    ]


def test_notes_are_numbered_from_the_second(tmp_path: Path) -> None:
    text = VALID + "\n::: note\n一。\n:::\n\n::: note\n二。\n:::\n\n::: note\n三。\n:::\n"
    doc = read_source(write(tmp_path, text))
    assert [s.id for s in doc.sections if s.kind == "note"] == ["note", "note-2", "note-3"]


def test_a_source_with_an_error_is_refused_even_when_it_could_be_read(tmp_path: Path) -> None:
    text = VALID.replace("::: answer li", "::: answer zhao")  # an answer by no registered speaker
    with pytest.raises(SourceError, match="E201|zhao"):
        read_source(write(tmp_path, text))


def test_a_reference_dated_on_a_day_that_does_not_exist(tmp_path: Path) -> None:
    text = VALID + "\n## 参考资料 {.references}\n\n1. 《报道》，某报，2024年2月30日\n"
    assert messages(tmp_path, text) == [
        ("E104", line_of(text, "1. 《报道》"), 1, "reference date is not a real date: '《报道》，某报，2024年2月30日'")]


def test_aliases_that_expand_too_far_are_one_error_at_the_field(tmp_path: Path) -> None:
    """Five lines of YAML aliases that would expand to 100,000 values ("billion laughs")."""
    bomb = "x0: &a [l, l, l, l, l, l, l, l, l, l]\n" + "".join(
        f"x{i}: &{name} [{', '.join(['*' + alias] * 10)}]\n" for i, (alias, name) in enumerate(zip("abcd", "bcde"), 1))
    text = VALID.replace("rights: © 2025\n", "rights: © 2025\n" + bomb)
    assert messages(tmp_path, text) == [
        ("E102", line_of(text, "x4:"), 1, "'x4' holds more than 100,000 values: aliases ('*name') repeat too much")]


@pytest.mark.parametrize(("fence", "shown"), [
    ("::::: answer li", "'::::: answer li'"),                                 # short: whole
    (":::: answer li role=" + "长" * 20, "':::: answer li role=" + "长" * 20 + "'"),   # 40 characters: whole
    (":::: answer li role=" + "长" * 21, "':::: answer li role=" + "长" * 20 + "…'"),  # 41: the first 40, then …
], ids=["short", "forty", "forty-one"])
def test_a_fence_line_is_quoted_whole_up_to_forty_characters(tmp_path: Path, fence: str, shown: str) -> None:
    colons = len(fence) - len(fence.lstrip(":"))
    text = VALID.replace("::: answer li", fence)
    assert messages(tmp_path, text) == [
        ("E216", line_of(text, fence), 1, f"the fence {shown} has {colons} colons; a fence is exactly ':::'")]


def test_references_keep_their_own_numbers(tmp_path: Path) -> None:
    text = VALID + "\n## 参考资料 {.references}\n\n3. 甲\n4. 乙\n"
    doc = read_source(write(tmp_path, text))
    assert [(r.number, r.text) for s in doc.sections for r in s.references] == [(3, "甲"), (4, "乙")]


def test_a_misspelt_key_inside_a_speakers_voice_is_matched_there(tmp_path: Path) -> None:
    text = VALID.replace("    role: 记者\n", "    role: 记者\n    voice: {gendr: male}\n")
    assert messages(tmp_path, text) == [
        ("E105", line_of(text, "    voice:"), 13, "unknown field 'speakers.0.voice.gendr': did you mean 'gender'?")]


SPEAKERS = "speakers:\n  - id: wang\n    name: 王五\n    role: 记者\n  - id: li\n    name: 李四\n"

# A field of the wrong shape: (id, the change, the message written out by hand, where it points).
WRONG_SHAPES = [
    ("missing", ("title: 测试\n", ""), "E103", "required field 'title' is missing", "id:", 1),
    ("empty", ("title: 测试", "title:"), "E104", "'title' must be text, not nothing (put it in quotes)", "title:", 7),
    ("yes-no", ("title: 测试", "title: yes"), "E104", "'title' must be text, not yes/no (put it in quotes)", "title:", 8),
    ("list-for-mapping", ("pronunciations:\n  王五: wang2 wu3\n", "pronunciations: [王五]\n"), "E104",
     "'pronunciations' must be a 'key: value' mapping, not a list", "pronunciations:", 17),
    ("text-for-fields", ("  - id: li\n    name: 李四\n", "  - 李四\n"), "E104",
     "'speakers.1' must be a mapping of fields, not text", "  - 李四", 5),
    ("list-for-fields", ("    role: 记者\n", "    role: 记者\n    voice: [male]\n"), "E104",
     "'speakers.0.voice' must be a mapping of fields, not a list", "    voice:", 12),
    ("mapping-for-list", ("authors: [作者]", "authors: {a: 1}"), "E104", "'authors' must be a list, not a mapping",
     "authors:", 10),
    ("number-for-list", (SPEAKERS, "speakers: 5\n"), "E104", "'speakers' must be a list, not a number", "speakers:", 11),
    ("binary-for-list", (SPEAKERS, "speakers: !!binary aGVsbG8=\n"), "E102", "front matter holds what the format does not take: the YAML tag "
     "'!!binary' is not part of the format: a value is plain text, a list or 'field: value' lines; delete the tag (to print "
     "it, put the whole value in quotes)",
     "speakers:", 11),
    ("yes-no-for-mapping", ("pronunciations:\n  王五: wang2 wu3\n", "pronunciations: yes\n"), "E104",
     "'pronunciations' must be a 'key: value' mapping, not yes/no", "pronunciations:", 17),
    ("list-for-yes-no", ("    role: 记者\n", "    role: 记者\n    pseudonym: [1]\n"), "E104",
     "'speakers.0.pseudonym' must be true or false, not a list", "    pseudonym:", 16),
    # (these two were pydantic's "Input should be a valid boolean, unable to interpret input")
    ("number-for-yes-no", ("    role: 记者\n", "    role: 记者\n    pseudonym: 5\n"), "E104",
     "'speakers.0.pseudonym' must be true or false, not a number", "    pseudonym:", 16),
    ("word-for-yes-no", ("    role: 记者\n", "    role: 记者\n    pseudonym: maybe\n"), "E104",
     "'speakers.0.pseudonym' must be true or false, not text", "    pseudonym:", 16),
]


@pytest.mark.parametrize(("change", "code", "message", "needle", "col"), [row[1:] for row in WRONG_SHAPES],
                         ids=[row[0] for row in WRONG_SHAPES])
def test_a_field_of_the_wrong_shape_says_what_it_must_be(tmp_path: Path, change, code, message, needle, col) -> None:
    text = VALID.replace(*change)
    line = line_of(text, needle) if code != "E103" else 2  # a missing field: the front matter's first line
    assert messages(tmp_path, text) == [(code, line, col, message)]


def test_a_file_that_cannot_be_read_as_a_source(tmp_path: Path) -> None:
    """No file, a folder, bytes that are not UTF-8 (UTF-16 named as such): one E100 each, at the
    place the reading stopped."""
    def found(path: Path) -> list[tuple[str, str, int, int, str]]:
        return [(d.code, d.path, d.line, d.col, d.message) for d in read_with_diagnostics(path).diagnostics]

    missing, folder = tmp_path / "missing.md", tmp_path / "folder.md"
    folder.mkdir()
    assert found(missing) == [("E100", str(missing), 1, 1, "file not found")]
    assert found(folder) == [("E100", str(folder), 1, 1, "this is a folder, not a source file")]
    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes(b"---\ntitle: caf\xe9\n")
    assert found(latin1) == [("E100", str(latin1), 2, 11, "file is not valid UTF-8")]
    utf16 = tmp_path / "utf16.md"
    utf16.write_bytes("---\n标题\n".encode("utf-16"))
    assert found(utf16) == [("E100", str(utf16), 1, 1, "file is not valid UTF-8 (it is UTF-16 (little-endian): save it "
                                                       "again as UTF-8, or convert it: iconv -f UTF-16 -t UTF-8)")]



TRADITIONAL = """---
id: urn:uuid:00000000-0000-4000-8000-000000000002
title: 讀書的夜晚
language: zh-Hant
authors: [陳大文]
outlet: 城東週報
date: 2025-01-02
description: 一篇測試。
rights: (c) 2025
speakers:
  - id: chen
    name: 陳大文
---

這是一篇以繁體中文寫成的文章，討論臺灣與香港的閱讀習慣。

## 你怎麼看？

::: answer chen
我覺得電子書與紙本書各有優點。
:::
"""


@pytest.mark.parametrize(("text", "codec", "named", "iconv"), [
    (VALID.replace("©", "(c)"), "gb18030", "GBK / GB 18030", "GB18030"),
    (VALID.replace("©", "(c)"), "gbk", "GBK / GB 18030", "GB18030"),
    (TRADITIONAL, "big5", "Big5", "BIG5-HKSCS")], ids=["gb18030", "gbk", "big5"])
def test_a_file_saved_in_a_chinese_windows_encoding_is_named(text: str, codec: str, named: str, iconv: str) -> None:
    """A source saved by Notepad or Word on a Chinese system: E100 at its first Chinese character
    says which encoding it reads as and how to convert it (it said only 'not valid UTF-8')."""
    data = text.encode(codec)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if not row.isascii())
    (problem,) = read_data(data, "t.md").diagnostics
    assert (problem.code, problem.line) == ("E100", line)
    assert f"it reads as {named}" in problem.message and f"iconv -f {iconv} -t UTF-8" in problem.message


def test_one_paragraph_in_another_encoding_is_not_sent_to_convert_the_whole_file() -> None:
    """Converting the whole file would garble its UTF-8 text: the message says this part only."""
    data = VALID.encode().replace("回答二。".encode(), "回答二。".encode("gbk"))
    (problem,) = read_data(data, "t.md").diagnostics
    assert problem.line == line_of(VALID, "回答二。") and "iconv" not in problem.message
    assert "this part was pasted or saved in another encoding" in problem.message

# VALID's front matter holds 20 values, counted by hand: the mapping itself; id, title, language;
# authors and its one name; outlet, date, description, rights; speakers, wang's mapping and its
# id, name, role; li's mapping and its id, name; pronunciations and its one reading.
VALID_VALUES = 20


def test_the_value_budget_holds_exactly_as_many_values_as_it_says(tmp_path: Path, monkeypatch) -> None:
    """The limit counts every value once: at the limit a source reads, one under it the last field
    to be read (the pronunciation table) is named."""
    import pipeline.frontmatter as frontmatter

    monkeypatch.setattr(frontmatter, "MAX_VALUES", VALID_VALUES)
    assert messages(tmp_path, VALID) == []
    monkeypatch.setattr(frontmatter, "MAX_VALUES", VALID_VALUES - 1)
    assert messages(tmp_path, VALID) == [
        ("E102", line_of(VALID, "pronunciations:"), 1,
         f"'pronunciations' holds more than {VALID_VALUES - 1} values: aliases ('*name') repeat too much")]


def test_aliases_past_a_small_budget_are_one_error_at_the_field_that_overflows(tmp_path: Path, monkeypatch) -> None:
    """The "billion laughs" test above with a budget of 200, cheap enough for every mutant to pay:
    x1 expands to 1 + 10 × 11 values (the front matter then holds 20 + 11 + 111 = 142), x2 to
    1 + 10 × 111, so the count runs out inside x2, and the error names x2, not the anchors."""
    import pipeline.frontmatter as frontmatter

    monkeypatch.setattr(frontmatter, "MAX_VALUES", 200)
    bomb = ("x0: &a [l, l, l, l, l, l, l, l, l, l]\n" + "x1: &b [" + ", ".join(["*a"] * 10) + "]\n"
            + "x2: [" + ", ".join(["*b"] * 10) + "]\n")
    text = VALID.replace("rights: © 2025\n", "rights: © 2025\n" + bomb)
    assert messages(tmp_path, text) == [
        ("E102", line_of(text, "x2:"), 1, "'x2' holds more than 200 values: aliases ('*name') repeat too much")]
    # without x2 the same aliases fit: 142 values, no error about them
    fits = VALID.replace("rights: © 2025\n", "rights: © 2025\n" + bomb.rsplit("x2:", 1)[0])
    assert not [m for m in messages(tmp_path, fits) if m[0] == "E102"]


def test_a_front_matter_error_reads_as_its_diagnostics() -> None:
    """The exception's text (what a traceback or a log would show) is every diagnostic, in order."""
    from pipeline.diagnostics import Diagnostic
    from pipeline.frontmatter import FrontMatterError

    error = FrontMatterError([Diagnostic("E103", "a.md", 2, 1, "required field 'title' is missing"),
                              Diagnostic("E105", "a.md", 7, 3, "unknown field 'x'")])
    assert str(error) == (
        "a.md:2:1: error E103: required field 'title' is missing (add the field to the front matter (see README, 'Source format')); "
        "a.md:7:3: error E105: unknown field 'x' (remove the field or check its spelling)")


# --- the file itself ---------------------------------------------------------------------------
# What the reader says about the file itself, before any Markdown: missing, a folder, unreadable,
# not UTF-8 (with the byte's line and column), a byte-order mark. Every expectation is written out
# by hand. (Found by `make mutate`: these messages could change or lose their place unnoticed.)

def shown(result) -> list[tuple[str, str, int, int, str]]:
    return [(d.code, d.path, d.line, d.col, d.message) for d in result.diagnostics]


def test_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    """A path through a file (as if it were a folder): neither missing nor a folder."""
    (tmp_path / "title.md").write_text(VALID, encoding="utf-8")
    path = tmp_path / "title.md" / "other.md"
    result = read_with_diagnostics(path)
    assert result.document is None
    assert shown(result) == [("E100", str(path), 1, 1, "cannot read the file: Not a directory")]


def test_a_byte_that_is_not_utf8_is_named_at_its_line_and_column() -> None:
    data = "---\nab\n".encode() + b"xyz\xff rest\n"  # the bad byte: line 3, the 4th byte of it
    result = read_data(data, "t.md")
    assert result.document is None
    assert shown(result) == [("E100", "t.md", 3, 4, "file is not valid UTF-8")]


def test_a_bad_byte_on_the_first_line() -> None:
    assert shown(read_data(b"\x80---\n", "t.md")) == [("E100", "t.md", 1, 1, "file is not valid UTF-8")]
    assert shown(read_data(b"ab\x80\n", "t.md")) == [("E100", "t.md", 1, 3, "file is not valid UTF-8")]


def test_a_utf16_file_is_named_as_such() -> None:
    for bom, codec, order in ((b"\xff\xfe", "utf-16-le", "little"), (b"\xfe\xff", "utf-16-be", "big")):
        result = read_data(bom + VALID.encode(codec), "t.md")
        assert result.document is None
        assert shown(result) == [("E100", "t.md", 1, 1, f"file is not valid UTF-8 (it is UTF-16 ({order}-endian): save it "
                                                        "again as UTF-8, or convert it: iconv -f UTF-16 -t UTF-8)")], codec


def test_a_byte_order_mark_is_dropped() -> None:
    result = read_data(("\ufeff" + VALID).encode(), "t.md")
    assert shown(result) == []
    assert result.document is not None and result.document.meta.title == "测试"


def test_the_slug_defaults_to_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "my-title.md"
    path.write_text(VALID, encoding="utf-8")
    assert read_with_diagnostics(path).document.meta.slug == "my-title"
    assert read_data(VALID.encode(), "x.md").document.meta.slug == "title"


def test_a_bad_byte_right_after_a_first_empty_line() -> None:
    """The column counts from the last line break before the byte, even when that is the file's first byte."""
    assert shown(read_data(b"\n\x80", "t.md")) == [("E100", "t.md", 2, 1, "file is not valid UTF-8")]


def test_a_missing_field_of_a_speaker_stands_at_that_speaker() -> None:
    from pipeline.reader import read_text

    text = VALID.replace("  - id: li\n    name: 李四\n", "  - id: li\n")
    assert [(d.code, d.line, d.col, d.message) for d in read_text(text, "t.md").diagnostics] == [
        ("E103", line_of(text, "  - id: li"), 5, "required field 'speakers.1.name' is missing")]


def test_an_empty_front_matter_names_every_required_field_at_its_first_line() -> None:
    from pipeline.reader import read_text

    found = [(d.code, d.line, d.col, d.message) for d in read_text("---\n---\n\n正文。\n", "t.md").diagnostics]
    assert found == [("E103", 2, 1, f"required field '{name}' is missing")
                     for name in ["id", "title", "language", "authors", "outlet", "date", "description", "rights"]]


def test_a_key_that_is_a_list_is_an_error_at_the_key() -> None:
    from pipeline.reader import read_text

    text = VALID.replace("rights: © 2025\n", "rights: © 2025\n[a, b]: x\n")
    assert [(d.code, d.line, d.col, d.message) for d in read_text(text, "t.md").diagnostics] == [
        ("E102", line_of(text, "[a, b]"), 1, "front matter holds what the format does not take: a key must be a plain word, not a list or a mapping")]


# YAML the front matter cannot hold, added after 'rights:' (line 10), with what the editor is told.
BAD_YAML = [
    ("alias-into-itself", "x: &a [1, *a]\n", 4, "an alias '*' refers to a value that contains it"),
    ("duplicate-key", "title: 二\n", 1, "duplicate key 'title' (first on line 3): keep one of the two (a paste or a merge wrote the field twice)"),
    ("bad-int", "x: !!int abc\n", 4, "invalid literal for int() with base 10: 'abc'"),
    ("bad-float", "x: !!float abc\n", 4, "could not convert string to float: 'abc'"),
    ("escaped-control-in-value", 'x: "\\x07"\n', 4, "the value holds an invisible character U+0007 (written as an escape): delete it"),
    ("escaped-control-in-key", '"\\x07": 1\n', 1, "the key holds an invisible character U+0007: delete it"),
    ("merge-key-inside", "x: {<<: {a: 1}}\n", 5,
     "a merge key '<<' is not part of the format: write the fields out where they belong"),
]


@pytest.mark.parametrize(("added", "col", "message"), [row[1:] for row in BAD_YAML], ids=[row[0] for row in BAD_YAML])
def test_yaml_the_front_matter_cannot_hold_is_one_error_where_it_stands(added: str, col: int, message: str) -> None:
    from pipeline.reader import read_text

    text = VALID.replace("rights: © 2025\n", "rights: © 2025\n" + added)
    assert [(d.code, d.path, d.line, d.col, d.message) for d in read_text(text, "t.md").diagnostics] == [
        ("E102", "t.md", 10, col, f"front matter holds what the format does not take: {message}")]


# Front matters that are not a mapping of fields, each whole between the '---' lines (first line 2).
NOT_FIELDS = [
    ("list", "- a\n- b", 2, 1, "front matter must be a mapping of 'field: value' lines"),
    ("word", "hello", 2, 1, "front matter must be a mapping of 'field: value' lines"),
    ("too-deep", "x: " + "[" * 2000 + "]" * 2000, 2, 1, "front matter is nested too deeply to read"),
    ("unclosed-list", "x: [1, 2", 2, 4,  # (at the '[' left open, in the editor's words: the seventh sweep)
     "front matter is not valid YAML: a list opened with '[' is not closed with ']' on its line: authors: [林小满, 王五]"),
    ("colon-in-value", "a: b: c", 2, 5, "front matter is not valid YAML: ': ' inside a value reads as the start of "
                                        "another field: put the whole value in quotes (description: \"…: …\"), or "
                                        "write the full-width '：'"),
    ("quote-then-text", 'a: "灯下"夜读', 2, 8, "front matter is not valid YAML: the value starts with a quotation mark, "
                                             "so the quoted part is read as the whole value: put the whole value in "
                                             "single quotes (title: '\"AI\"来了'), or write Chinese quotation marks “…”"),
    ("lone-surrogate", "x: \ud800", 2, 4, "front matter has a control character U+D800: delete it"),
    ("lone-surrogate-later", "x: 1\ny: 2\nz: ab\ud800", 4, 6, "front matter has a control character U+D800: delete it"),
    ("tab-indent", "x: 1\n\ty: 2", 3, 1,
     "front matter is not valid YAML: a tab stands here: YAML indents and separates with spaces only (replace the "
     "tab with spaces)"),
]


@pytest.mark.parametrize(("front", "line", "col", "message"), [row[1:] for row in NOT_FIELDS], ids=[row[0] for row in NOT_FIELDS])
def test_a_front_matter_that_is_not_fields_is_one_error_where_reading_stopped(front: str, line: int, col: int, message: str) -> None:
    from pipeline.reader import read_text

    found = read_text("---\n" + front + "\n---\n\n正文。\n", "t.md").diagnostics
    assert [(d.code, d.path, d.line, d.col, d.message) for d in found] == [("E102", "t.md", line, col, message)]


def _found(text: str) -> list[tuple[str, str, int, int, str]]:
    from pipeline.reader import read_text

    return [(d.code, d.path, d.line, d.col, d.message) for d in read_text(text, "t.md").diagnostics]


@pytest.mark.parametrize(("text", "message"), [
    ("", "no front matter: the first line must be '---', and the file is empty: write the front matter and the text "
         "('publish new SLUG' writes a documented template)"),
    ("正文\n", "no front matter: the first line must be '---'"),
    ("---\ntitle: x\n", "front matter is not closed by a '---' line"),
], ids=["empty", "no-front-matter", "not-closed"])
def test_a_source_whose_front_matter_is_missing_or_open(text: str, message: str) -> None:
    assert _found(text) == [("E101", "t.md", 1, 1, message)]


def test_three_dots_close_a_front_matter_too() -> None:
    assert _found(VALID.replace("\n---\n\n第一段", "\n...\n\n第一段")) == []


@pytest.mark.parametrize(("change", "expected"), [
    (("第一段，", "第一\x07段，"), [("E219", 20, 3, "invisible character U+0007 (control character) in the text")]),
    # a line separator in the body: no line end in the editor, a forced one in the PDF (E219)
    (("第一段，", "第一\u2028段，"), [("E219", 20, 3, "invisible character U+2028 (LINE SEPARATOR) in the text")]),
    (("  王五: wang2 wu3", "  王五: wang2 wu3\x07"), [("E102", 17, 16, "invisible character U+0007 (control character) in the front matter, in the value of '王五' under 'pronunciations' (line 17): delete it")]),
    (("  王五: wang2 wu3", "  王五: wang2 wu3\u2028"), [("E102", 17, 16, "invisible character U+2028 (LINE SEPARATOR) in the front matter, in the value of '王五' under 'pronunciations' (line 17): delete it")]),
    (("\n---\n\n第一段", "\n---\n\x07\n第一段"), [("E219", 19, 1, "invisible character U+0007 (control character) in the text")]),
], ids=["body", "body-line-separator", "last-front-line", "front-line-separator", "after-the-closing-line"])
def test_invisible_characters_are_front_matter_or_body_errors_by_their_line(change, expected) -> None:
    """The front matter's last line is still front matter (E102, and nothing else is read); the
    line after its closing '---' is body (E219)."""
    assert _found(VALID.replace(*change)) == [(code, "t.md", line, col, message) for code, line, col, message in expected]


def test_a_placeholder_in_the_front_matter() -> None:
    assert _found(VALID.replace("title: 测试", "title: TODO")) == [
        ("E120", "t.md", 3, 8, "'title' is still a placeholder (TODO)")]


@pytest.mark.parametrize(("added", "col", "message"), [
    ("<<: {outlet: x}\n", 1, "front matter holds what the format does not take: a merge key '<<' is not part of the format: "
                             "write the fields out where they belong"),
    ("? !!binary aGk=\n: 1\n", 3, "unknown field 'aGk='"),   # a key that is not text: as written
    ("!!str 5: x\n", 1, "unknown field '5'"),
    # a tagged key whose value the tag cannot construct: still just a key, as written
    ("!!int abc: x\n", 1, "unknown field 'abc'"),
    ("!!timestamp 2024-13-45: x\n", 1, "unknown field '2024-13-45'"),
], ids=["merge-key", "binary-key", "tagged-key", "bad-int-key", "bad-date-key"])
def test_keys_that_are_not_plain_words(added: str, col: int, message: str) -> None:
    code = "E102" if "front matter" in message else "E105"
    assert _found(VALID.replace("rights: © 2025\n", "rights: © 2025\n" + added)) == [(code, "t.md", 10, col, message)]


def test_the_file_is_named_in_every_kind_of_front_matter_error(monkeypatch) -> None:
    import pipeline.frontmatter as frontmatter

    assert {d[1] for d in _found(VALID.replace("title: 测试", "title: [a]"))} == {"t.md"}   # E104
    monkeypatch.setattr(frontmatter, "MAX_VALUES", 19)
    assert {d[1] for d in _found(VALID)} == {"t.md"}                                        # E102, too many values


KEY_TAGS = ["!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!binary", "!!str", "!!set", "!!omap",
            "!!seq", "!!map", "!!python/name:os.system", "!local", "!!merge"]
KEY_TEXTS = ["abc", "2024-13-45", "1e999", "'quoted'", "\"x\""]


@pytest.mark.parametrize("tag", KEY_TAGS, ids=[f"tag{i}" for i in range(len(KEY_TAGS))])
def test_no_tagged_key_escapes_as_an_exception(tag: str) -> None:
    """Whatever tag an editor (or a converter) puts on a key, the reader answers with diagnostics
    at that line: never an exception, never a field the format does not have."""
    from pipeline.reader import read_text

    for text in KEY_TEXTS:
        source = VALID.replace("rights: © 2025\n", f"rights: © 2025\n{tag} {text}: x\n")
        found = read_text(source, "t.md").diagnostics
        assert found and all(d.code.startswith("E1") for d in found), (tag, text, found)
        assert any(d.line == 10 for d in found), (tag, text, found)
