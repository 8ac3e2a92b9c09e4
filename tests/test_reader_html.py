"""HTML tags pasted into the text: E227 at the tag, since this format reads HTML as text and
every edition would print '<br>' or '<b>' as written. Found by the third robustness sweep
(copy pasted from a CMS). Written out by hand: (as written, E227 column or None, text read)."""

from __future__ import annotations

import pytest

from pipeline.reader import read_text
from tests.test_reader import VALID, line_of

CASES = [
    ("甲<br>乙", 2, None),
    ("甲<b>乙</b>", 2, None),
    ('<span class="x">甲</span>', 1, None),
    ("甲<BR/>乙", 2, None),
    ("List<T>和<name>", None, "List<T>和<name>"),  # not an element's name: prose
    ("`<b>`是标签", None, "<b>是标签"),  # a code span shows the tag on purpose
    ("\\<b>粗\\</b>", None, "<b>粗</b>"),  # escaped: printed
    ("见<https://example.org>", None, "见https://example.org"),  # an address, not a tag
    ("a < b > c", None, "a < b > c"),
]


@pytest.mark.parametrize(("written", "col", "text"), CASES, ids=[f"html{n}" for n in range(len(CASES))])
def test_an_html_tag_is_an_error_at_its_column(written: str, col: int | None, text: str | None) -> None:
    source = VALID.replace("第一段，有Latin和2025年。", written)
    result = read_text(source, "t.md")
    if col is None:
        assert result.diagnostics == [] and next(result.document.paragraphs()).text == text
    else:
        assert [(d.code, d.line, d.col) for d in result.diagnostics] == [("E227", line_of(source, written), col)]
        assert result.document is None


def test_an_html_tag_in_an_answer_is_found_on_its_own_line() -> None:
    source = VALID.replace("回答二。", "回答二，\n第二行<p>三。")
    assert [(d.code, d.line, d.col) for d in read_text(source, "t.md").diagnostics] == [
        ("E227", line_of(source, "第二行"), 4)]
