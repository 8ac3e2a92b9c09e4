"""What a paste gone wrong leaves, warned by `publish check` (it said nothing): W412, a question
asked twice or a paragraph standing twice (the worst case: one speaker's words pasted under
another's name, which every edition prints as that person's); W413, a title longer than the
PDFs' pages hold (text pasted into the title). Found by the third robustness sweep."""

from __future__ import annotations

from pathlib import Path

from pipeline.check import check
from tests.test_reader import VALID, line_of

ANSWER = "我觉得这项技术会改变整个行业的工作方式。"


def w412(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    return [(d.line, d.message) for d in check(path, pinyin=False)[1] if d.code == "W412"]


def test_a_question_asked_twice(tmp_path: Path) -> None:
    text = VALID + "\n## 第一个问题？\n\n::: answer wang\n回答三。\n:::\n"
    first = line_of(text, "## 第一个问题？")
    second = text.count("\n", 0, text.rindex("## 第一个问题？")) + 1
    assert w412(tmp_path, text) == [(second, f"the question “第一个问题？” is asked on line {first} already")]


def test_one_answer_under_two_names(tmp_path: Path) -> None:
    text = VALID.replace("回答一。", ANSWER).replace("回答二。", ANSWER)
    second = text.count("\n", 0, text.rindex(ANSWER)) + 1
    assert w412(tmp_path, text) == [
        (second, f"this paragraph stands on line {line_of(text, ANSWER)} already (there by 王五, here by 李四)")]


def test_short_replies_and_different_text_are_no_repeat(tmp_path: Path) -> None:
    assert w412(tmp_path, VALID.replace("回答一。", "同意。").replace("回答二。", "同意。")) == []
    assert w412(tmp_path, VALID.replace("回答一。", ANSWER).replace("回答二。", ANSWER[:-1] + "！")) == []


def test_a_title_longer_than_the_pages_hold_is_a_warning_at_its_line(tmp_path: Path) -> None:
    """W413 past 400 characters (text pasted into the title): the PDFs hold 400 on one page
    (tests/renderers/test_long_titles.py), and past about 600 ran over their title pages."""
    path = tmp_path / "t.md"
    for length, expected in ((400, []), (401, ["W413"])):
        text = VALID.replace("title: 测试", "title: " + "灯" * length)
        path.write_text(text, encoding="utf-8")
        found = [d for d in check(path, pinyin=False)[1] if d.code == "W413"]
        assert [d.code for d in found] == expected
        assert all(d.line == line_of(text, "title:") for d in found)
