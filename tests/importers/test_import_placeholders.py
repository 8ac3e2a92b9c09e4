"""Placeholders (`TODO`) and unconfirmed guesses (`# check:`) are reported by the reader at their
position — E120–E127 errors, W406/W407 warnings — and a source with a placeholder error is never
built."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import SourceError
from pipeline.reader import read_source, read_with_diagnostics
from tests.test_reader import VALID, line_of


def diagnose(tmp_path: Path, text: str):
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    return read_with_diagnostics(path)


CASES = [
    # (replace this, with this, code, needle of the line, column)
    ("title: 测试", 'title: "TODO: 标题"', "E120", "title:", 8),
    ("date: 2025-01-02", "date: TODO", "E121", "date:", 7),
    ("description: 一个测试。", "description: TODO 一句话", "E122", "description:", 14),
    ("rights: © 2025", "rights: TODO", "E123", "rights:", 9),
    ("authors: [作者]", 'authors: [作者, "TODO: 第二位"]', "E124", "authors:", 15),
    ("outlet: 本报", "outlet: TODO：首发媒体", "E125", "outlet:", 9),
    ("    name: 王五", '    name: "TODO: 姓名"', "E126", "name: \"TODO", 11),
    ("回答一。", "TODO: 回答。", "E127", "TODO: 回答", 1),
    ("## 第一个问题？", "## TODO: 问题？", "E127", "## TODO", 4),
]


@pytest.mark.parametrize("old,new,code,needle,col", CASES, ids=[c[2] + c[1][:12] for c in CASES])
def test_placeholder_errors_at_their_place(tmp_path: Path, old, new, code, needle, col) -> None:
    text = VALID.replace(old, new)
    assert text != VALID
    result = diagnose(tmp_path, text)
    assert result.document is None
    found = [(d.code, d.line, d.col) for d in result.diagnostics]
    assert found == [(code, line_of(text, needle), col)], [str(d) for d in result.diagnostics]


def test_a_placeholder_blocks_every_build(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text(VALID.replace("title: 测试", "title: TODO"), encoding="utf-8")
    with pytest.raises(SourceError, match="'title' is still a placeholder"):
        read_source(path)


def test_voice_hint_placeholder_is_a_warning(tmp_path: Path) -> None:
    text = VALID.replace("    role: 记者\n", "    role: 记者\n    voice: {gender: TODO, age: adult}\n")
    result = diagnose(tmp_path, text)
    assert result.document is not None
    assert [(d.code, d.line) for d in result.diagnostics] == [("W406", line_of(text, "voice:"))]
    assert result.document.speaker("wang").voice.gender is None
    assert result.document.speaker("wang").voice.age == "adult"


def test_check_comments_are_warnings_until_deleted(tmp_path: Path) -> None:
    text = VALID.replace("    name: 王五", "    name: 王五        # check: could be 王五六")
    text = text.replace("outlet: 本报", 'outlet: "本报 # check: not a comment"')
    result = diagnose(tmp_path, text)
    assert result.document is not None
    assert [(d.code, d.line, d.col) for d in result.diagnostics] == [("W407", line_of(text, "王五  "), 21)]
    assert "could be 王五六" in result.diagnostics[0].message


def test_words_that_merely_start_with_todo_are_text(tmp_path: Path) -> None:
    text = VALID.replace("title: 测试", "title: TODOS与清单").replace("回答一。", "TODO清单里还有三件事。")
    result = diagnose(tmp_path, text)
    assert result.diagnostics == [] and result.document.meta.title == "TODOS与清单"
