"""Fences: a block that is not closed, closed twice, nested or malformed is an error at its
place, and never lets text move to another speaker. Each test breaks real titles one fence
line at a time and judges by what an editor would expect, not by the reader's own code."""

from __future__ import annotations

import re

import pytest

from pipeline.fences import scan
from pipeline.reader import read_text
from tests.conftest import FIRST_TITLE, TEST_TITLE
from tests.test_reader import VALID

TITLES = {"first": FIRST_TITLE.read_text(encoding="utf-8"), "test": TEST_TITLE.read_text(encoding="utf-8")}


def fence_lines(text: str) -> list[int]:
    return [i for i, line in enumerate(text.split("\n")) if line.startswith(":::")]


def variants(name: str, every: int) -> list[tuple[str, int]]:
    return [(name, i) for i in fence_lines(TITLES[name])[::every]]


@pytest.mark.parametrize("name,index", variants("test", 1) + variants("first", 7))
def test_deleting_any_fence_line_is_an_error_at_that_block(name: str, index: int) -> None:
    lines = TITLES[name].split("\n")
    removed = lines[index]
    broken = "\n".join(lines[:index] + lines[index + 1 :])
    result = read_text(broken, "t.md")
    assert result.document is None, f"line {index + 1} '{removed}' deleted and still a document"
    errors = [d for d in result.diagnostics if d.severity == "error"]
    # the error stands at the block that lost its fence: within a few lines of the deleted one,
    # or at the opener of the block it closed
    opener = max(i for i in range(index + 1) if lines[i].startswith("::: ")) + 1
    assert any(abs(d.line - (index + 1)) <= 3 or d.line == opener for d in errors), [str(d) for d in errors]


@pytest.mark.parametrize("name,index", variants("test", 1) + variants("first", 11))
@pytest.mark.parametrize("replacement", ["::::", "：：：", "    :::", "::: x", ":: ", "> :::"])
def test_a_mistyped_fence_line_is_an_error_on_that_line(name: str, index: int, replacement: str) -> None:
    lines = TITLES[name].split("\n")
    original = lines[index]
    lines[index] = replacement + original[3:] if original != ":::" else replacement
    result = read_text("\n".join(lines), "t.md")
    assert result.document is None
    assert index + 1 in {d.line for d in result.diagnostics if d.severity == "error"}, (
        lines[index], [str(d) for d in result.diagnostics])


def test_unclosed_answer_reports_both_places_and_builds_nothing() -> None:
    text = VALID.replace("回答一。\n:::\n", "回答一。\n")
    lines = text.split("\n")
    opened = lines.index("::: answer wang") + 1
    intruder = lines.index("::: answer li") + 1
    result = read_text(text, "t.md")
    assert result.document is None
    assert {(d.code, d.line) for d in result.diagnostics} == {("E213", opened), ("E213", intruder)}
    both = [d.message for d in result.diagnostics]
    assert all(str(opened) in m or str(intruder) in m for m in both)


def test_unclosed_answer_before_a_heading() -> None:
    text = VALID.replace("回答二。\n:::\n", "回答二。\n") + "\n## 第二个问题？\n\n::: answer li\n好。\n:::\n"
    lines = text.split("\n")
    result = read_text(text, "t.md")
    assert {(d.code, d.line) for d in result.diagnostics} == {
        ("E213", lines.index("::: answer li") + 1), ("E213", lines.index("## 第二个问题？") + 1)}


def test_scanner_pieces_of_a_valid_body() -> None:
    body = ["前言。", "", "## 问", "", "::: answer a", "一。", "", "二。", ":::", "", "::: note", "注。", ":::"]
    layout = scan(body, first_line=10)
    assert layout.problems == []
    shown = [(type(p).__name__, p.start, p.end) + ((p.name, p.closed) if hasattr(p, "name") else ())
             for p in layout.pieces]
    assert shown == [("Run", 0, 4), ("Block", 4, 8, "answer", True), ("Run", 9, 10), ("Block", 10, 12, "note", True)]


@pytest.mark.parametrize("line,code,col", [
    # openers, on line 3 after a top-level paragraph
    (":::answer wang", "E206", 1), ("::: anser wang", "E206", 1), (":: answer wang", "E216", 1),
    ("   ::: answer wang", None, None), ("\t::: answer wang", "E217", 1), ("##问题", "E220", 1),
    # closers, on line 3 inside an answer
    ("::::", "E216", 1), ("：：：", "E216", 1), ("::: 完", "E218", 4), ("好。:::", "E218", 3), ("    :::", "E217", 1),
    ("\t:::", "E217", 1), ("> :::", "E217", 1), ("- :::", "E217", 1), ("1. :::", "E217", 1), ("  :::", None, None),
])
def test_each_malformed_fence_line(line: str, code: str | None, col: int | None) -> None:
    opener = "wang" in line or line.startswith("#")
    lines = ["前言。", "", line, "一。", ":::"] if opener else ["::: answer wang", "一。", line]
    layout = scan(lines)
    found = [(p.code, p.line, p.col) for p in layout.problems if p.line == 3]
    assert found == ([] if code is None else [(code, 3, col)]), layout.problems
    if code is None:
        assert layout.problems == []


def test_markdown_inside_one_answer_cannot_spill_into_the_next() -> None:
    """An unclosed code fence in one answer stays in that answer (each block is parsed alone)."""
    text = VALID.replace("回答一。", "回答一。\n\n```\n代码")
    result = read_text(text, "t.md")
    codes = {(d.code, d.line) for d in result.diagnostics}
    assert ("E212", text.split("\n").index("```") + 1) in codes
    assert not [d for d in result.diagnostics if d.code in ("E201", "E203", "E213", "E214")]


def test_role_quotes_and_empty_role() -> None:
    doc = read_text(VALID.replace("::: answer wang", '::: answer wang role="新 头衔"'), "t.md").document
    assert doc.sections[1].answers[0].label == "新 头衔王五"
    bad = read_text(VALID.replace("::: answer wang", "::: answer wang role="), "t.md")
    assert [(d.code, d.col) for d in bad.diagnostics] == [("E206", 17)]


def test_did_you_mean_for_speaker_ids() -> None:
    result = read_text(VALID.replace("::: answer li", "::: answer lii"), "t.md")
    assert re.search(r"did you mean 'li'\?", result.diagnostics[0].message)
