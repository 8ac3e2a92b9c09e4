"""Slips an editor makes, said in the editor's words: white space at a line's end in the front
matter (an E102 'found character \\t that cannot start any token' stopped the title), a tab in
its indentation, and a speaker's name where the answer needs the id. Found by the third
robustness sweep. (YAML's own mistakes in the editor's words: test_reader_messages.)"""

from __future__ import annotations

from pipeline.reader import read_text
from tests.test_reader import VALID, line_of


def test_white_space_at_the_end_of_a_front_matter_line_is_nothing() -> None:
    text = VALID.replace("title: 测试", "title: 测试\t").replace("outlet: 本报", "outlet: 本报 \t ")
    result = read_text(text, "t.md")
    assert result.diagnostics == []
    assert (result.document.meta.title, result.document.meta.outlet) == ("测试", "本报")


def test_a_tab_in_the_indentation_is_named() -> None:
    text = VALID.replace("  - id: li", "\t- id: li")
    (problem,) = read_text(text, "t.md").diagnostics
    assert (problem.code, problem.line, problem.col) == ("E102", line_of(text, "\t- id: li"), 1)
    assert "a tab stands here" in problem.message and "cannot start any token" not in problem.message


def test_an_answer_under_the_speakers_name_names_the_id() -> None:
    """'::: answer 王五' (the name where the id belongs) said only 'unknown speaker id'."""
    text = VALID.replace("::: answer wang", "::: answer 王五")
    (problem,) = read_text(text, "t.md").diagnostics
    assert (problem.code, problem.line) == ("E201", line_of(text, "::: answer 王五"))
    assert "that is the name of speaker 'wang': write its id, '::: answer wang'" in problem.message
