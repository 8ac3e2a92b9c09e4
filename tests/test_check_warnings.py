"""The paste warnings of `publish check` on the pastes an editor makes, each judged against the
source text itself: W412 (a paragraph or question standing twice), W413 (a title too long for
the PDFs' pages), W414 (an ideograph without a reading), W415 (stray spaces and tabs). Written
for the survivors of the check group's mutation run (benchmarks/MUTATION.md): each test is a
source that a weakened warning would misjudge."""

from __future__ import annotations

from pathlib import Path

from pipeline.check import LONGEST_TITLE, REPEAT_MIN_CHARACTERS, check
from pipeline.diagnostics import Diagnostic
from tests.test_reader import VALID, line_of

ANSWER = "我觉得这项技术会改变整个行业的工作方式。"


def found(tmp_path: Path, text: str, code: str, pinyin: bool = False) -> list[Diagnostic]:
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    diagnostics = [d for d in check(path, pinyin=pinyin)[1] if d.code == code]
    assert all(str(d).startswith(f"{path}:{d.line}:{d.col}: warning {code}: ") for d in diagnostics)  # the file, always
    return diagnostics


def where(diagnostics: list[Diagnostic]) -> list[tuple[int, int]]:
    return [(d.line, d.col) for d in diagnostics]


def last_line_of(text: str, needle: str) -> int:
    return text[: text.rindex(needle)].count("\n") + 1


# -- W412: the same words twice ---------------------------------------------------------------

def test_a_question_pasted_again_with_other_spacing_and_marks_is_the_same_question(tmp_path: Path) -> None:
    """The second copy came through another program: a space inside, a half-width '?'. Same question."""
    text = VALID + "\n## 第一个 问题?\n\n::: answer wang\n回答三。\n:::\n"
    assert where(found(tmp_path, text, "W412")) == [(last_line_of(text, "## 第一个 问题?"), 1)]


def test_a_paragraph_pasted_again_from_a_pdf_with_spaces_is_the_same_paragraph(tmp_path: Path) -> None:
    spaced = ANSWER[:4] + " " + ANSWER[4:9] + "\u00a0" + ANSWER[9:]
    text = VALID.replace("回答一。", ANSWER).replace("回答二。", spaced)
    assert where(found(tmp_path, text, "W412")) == [(line_of(text, spaced), 1)]


def test_different_questions_and_paragraphs_are_no_repeat(tmp_path: Path) -> None:
    text = (VALID.replace("回答一。", ANSWER)
            + "\n## 第二个问题？\n\n::: answer wang\n" + ANSWER.replace("整个", "这个") + "\n:::\n")
    assert found(tmp_path, text, "W412") == []


def test_a_paragraph_of_the_shortest_length_that_counts_is_a_repeat_and_one_shorter_is_not(tmp_path: Path) -> None:
    """REPEAT_MIN_CHARACTERS counts the characters as written, spaces aside: '我 同意，谢谢大家。'
    repeats by nature; a sentence one character longer does not."""
    sentence = "这项技术会改变整个行业的工作方式。"
    for length in (REPEAT_MIN_CHARACTERS - 1, REPEAT_MIN_CHARACTERS):
        said = sentence[:length - 1] + "。"
        assert len(said) == length
        text = VALID.replace("回答一。", said).replace("回答二。", said[:3] + " " + said[3:])
        expected = [(last_line_of(text, said[3:]), 1)] if length >= REPEAT_MIN_CHARACTERS else []
        assert where(found(tmp_path, text, "W412")) == expected, length


def test_a_repeat_after_a_short_paragraph_of_the_same_answer_is_found(tmp_path: Path) -> None:
    text = VALID.replace("回答一。", ANSWER).replace("回答二。", "是的。\n\n" + ANSWER)
    assert where(found(tmp_path, text, "W412")) == [(last_line_of(text, ANSWER), 1)]


def test_the_message_names_the_speakers_only_when_they_differ(tmp_path: Path) -> None:
    """One speaker saying the same twice is a paste done twice: no names. Under another speaker's
    name, both are named."""
    text = VALID.replace("回答一。", ANSWER + "\n\n" + ANSWER)
    assert [d.message for d in found(tmp_path, text, "W412")] == [
        f"this paragraph stands on line {line_of(text, ANSWER)} already"]
    text = VALID.replace("回答一。", ANSWER).replace("回答二。", ANSWER)
    assert [d.message for d in found(tmp_path, text, "W412")] == [
        f"this paragraph stands on line {line_of(text, ANSWER)} already (there by 王五, here by 李四)"]


def test_a_paragraph_of_the_article_pasted_into_an_answer_says_where_it_stands(tmp_path: Path) -> None:
    """The article's words under a speaker's name (and a speaker's words pasted into the article):
    the message says which is the article, never an empty name."""
    text = VALID.replace("第一段，有Latin和2025年。", ANSWER).replace("回答二。", ANSWER)
    assert [d.message for d in found(tmp_path, text, "W412")] == [
        f"this paragraph stands on line {line_of(text, ANSWER)} already (there in the article, here by 李四)"]
    text = VALID.replace("回答一。", ANSWER) + "\n::: note\n" + ANSWER + "\n:::\n"
    assert [d.message for d in found(tmp_path, text, "W412")] == [
        f"this paragraph stands on line {line_of(text, ANSWER)} already (there by 王五, here in a note)"]


# -- W413: a title longer than the pages hold -------------------------------------------------

def test_a_long_title_is_named_with_its_length_at_its_key(tmp_path: Path) -> None:
    for key in ("title:", "title :", '"title":'):
        text = VALID.replace("title: 测试", f"{key} " + "灯" * (LONGEST_TITLE + 7))
        assert [(d.line, d.col, d.message) for d in found(tmp_path, text, "W413")] == [
            (line_of(text, key), 1, f"the title is {LONGEST_TITLE + 7} characters long: the PDF editions hold "
                                    f"{LONGEST_TITLE} on a page in small type")], key


# -- W415: spaces and tabs a paste leaves -----------------------------------------------------

def test_a_space_in_a_front_matter_value_is_found_at_its_column(tmp_path: Path) -> None:
    text = VALID.replace("title: 测试", "title: 灯下 夜读").replace("description: 一个测试。", 'description: "一个 测试。"')
    lines = text.splitlines()
    assert where(found(tmp_path, text, "W415")) == [
        (line_of(text, "title:"), lines[line_of(text, "title:") - 1].index(" 夜") + 1),
        (line_of(text, "description:"), lines[line_of(text, "description:") - 1].index(" 测") + 1)]


def test_a_space_in_a_role_on_the_fence_line_is_found_at_its_column(tmp_path: Path) -> None:
    text = VALID.replace("::: answer li\n", "::: answer li role=“夜班 馆员”\n")
    line = line_of(text, "role=")
    assert where(found(tmp_path, text, "W415")) == [(line, text.splitlines()[line - 1].index(" 馆") + 1)]


def test_the_message_says_which_paste_left_the_white_space(tmp_path: Path) -> None:
    text = VALID.replace("回答一。", "姓名\t年龄").replace("回答二。", "白天 家里")
    assert [d.message for d in found(tmp_path, text, "W415")] == [
        "a tab inside the text (a table pasted from a spreadsheet?): every edition prints it as a space",
        "a space between two Chinese characters: every edition prints it"]


def test_spaces_beside_latin_letters_and_inside_link_addresses_are_no_stray_space(tmp_path: Path) -> None:
    """'X 光', 'A 股' and 'AI 生成' space a Latin word from Chinese on purpose; a link's address
    is markup, blanked before the search: neither is a paste gone wrong."""
    text = (VALID.replace("回答一。", "X 光片和A 股都是AI 生成的。")
            .replace("回答二。", "见[报道](https://example.org/a \"标 题\")第二段。"))
    assert found(tmp_path, text, "W415") == []


# -- W414: ideographs without a reading -------------------------------------------------------

def test_an_unread_ideograph_is_found_alone_on_its_line_and_in_the_front_matter(tmp_path: Path) -> None:
    """𠮷 with no other ideograph on its line (a name alone), and in a front-matter value after
    other words: each at its own column, once per character."""
    text = VALID.replace("回答一。", "𠮷。").replace("description: 一个测试。", "description: 一个测试里的𡘙字")
    description = line_of(text, "description:")
    column = text.splitlines()[description - 1].index("𡘙") + 1
    assert where(found(tmp_path, text, "W414", pinyin=True)) == [(description, column), (line_of(text, "𠮷。"), 1)]



def test_a_compatibility_ideograph_is_read_as_its_unified_form(tmp_path: Path) -> None:
    """豈 U+F900 and 欄 U+F91D (from a Big5 or Korean round trip) are the characters 豈 and 欄: they
    have readings, so no W414 (the learner editions used to set them bare)."""
    text = VALID.replace("回答一。", "\uf900有此理，\uf91d杆很高。")
    assert found(tmp_path, text, "W414", pinyin=True) == []


# -- the front matter as the reader reads it --------------------------------------------------

def test_a_tab_at_the_end_of_a_front_matter_line_hides_no_warning(tmp_path: Path) -> None:
    """A tab left at a line's end (a paste from a spreadsheet) stopped PyYAML, not the reader: the
    title built, and every warning about the front matter's values was lost."""
    text = VALID.replace("outlet: 本报", "outlet: 本报\t").replace("title: 测试", "title: 灯下 夜读,完\t")
    title = text.splitlines()[line_of(text, "title:") - 1]
    at = line_of(text, "title:")
    assert where(found(tmp_path, text, "W415")) == [(at, title.index(" 夜") + 1)]
    assert where(found(tmp_path, text, "W401")) == [(at, title.index(",") + 1)]


def test_a_language_no_voice_reads_is_named_at_its_key_however_written(tmp_path: Path) -> None:
    for key in ("language:", "language :", '"language":', "'language':"):
        text = VALID.replace("language: zh-Hans", f"{key} en")
        assert where(found(tmp_path, text, "W409")) == [(line_of(text, key), 1)], key


def test_front_matter_closed_by_dots_or_left_empty_is_read_where_it_ends(tmp_path: Path) -> None:
    """YAML's '...' closes the front matter as '---' does (its values are checked, at their
    columns); an empty front matter (two '---' lines: required fields missing) still has its body
    checked."""
    text = VALID.replace("description: 一个测试。", "description: 一个测试,真的").replace(
        "  王五: wang2 wu3\n---\n", "  王五: wang2 wu3\n...\n")
    description = text.splitlines()[line_of(text, "description:") - 1]
    assert where(found(tmp_path, text, "W401")) == [(line_of(text, "description:"), description.index(",") + 1)]
    text = "---\n---\n\n正文,这里。\n"
    assert where(found(tmp_path, text, "W401")) == [(4, 3)]


def test_a_space_in_an_indented_speakers_role_is_found_at_its_column(tmp_path: Path) -> None:
    text = VALID.replace("role: 记者", "role: 夜班 记者")
    line = line_of(text, "role: 夜班")
    assert where(found(tmp_path, text, "W415")) == [(line, text.splitlines()[line - 1].index(" 记") + 1)]


# -- aliases: text written once is judged once ---------------------------------------------------

def test_a_value_an_alias_repeats_is_warned_about_once_where_it_is_written(tmp_path: Path) -> None:
    """'*d' is the value '&d' names, not text typed again: one warning, at the anchor. (Walking every
    repeat made an alias bomb's check take 18 s, though the reader refuses it at once.)"""
    text = VALID.replace("description: 一个测试。", "description: &d 一个测试,半角逗号。").replace(
        "    role: 记者", "    role: *d")
    assert where(found(tmp_path, text, "W401")) == [(line_of(text, "description:"), len("description: &d 一个测试") + 1)]
