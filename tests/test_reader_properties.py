"""Property tests: whatever an editor (or a broken paste) puts in a source, the reader gives
a model or file:line:col errors — never a traceback, never a hang."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.reader import read_text
from tests.test_reader import VALID

ODD = st.sampled_from([
    "\u0301", "\u200b", "\u200d", "\u202e", "\ufeff", "😀", "👩‍👩‍👧", "\ud800", "עברית", "\x00",
    "::: answer wang", ":::", "## ", "# ", "{.closing}", "{#q1}", "[x]{lang=en}", "---", "\n\n", "&amp;",
    "<script>", "```", "1. ", "- ", "*", "**", "\t", "：", "，", "(", ")", "王五", "@handle",
])
FRAGMENT = st.one_of(st.text(max_size=40), ODD)
POSITION = re.compile(r"^.+:\d+:\d+$")


def check_result(text: str) -> None:
    result = read_text(text, "p.md")
    if result.document is None:
        assert result.diagnostics, "no model and no diagnostics"
    for diagnostic in result.diagnostics:
        assert POSITION.match(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.col}")
        assert diagnostic.line >= 1 and diagnostic.col >= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    check_result(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENT, max_size=30), st.integers(min_value=0, max_value=len(VALID)))
def test_fragments_spliced_into_a_valid_source(fragments: list[str], at: int) -> None:
    check_result(VALID[:at] + "".join(fragments) + VALID[at:])


@settings(max_examples=60, deadline=None)
@given(st.lists(FRAGMENT, max_size=10), st.integers(min_value=1, max_value=30))
def test_lines_shuffled_and_dropped(fragments: list[str], step: int) -> None:
    lines = VALID.splitlines()
    kept = [line for i, line in enumerate(lines) if i % step != step - 1] + fragments
    check_result("\n".join(kept))


def test_very_long_paragraph_reads_quickly() -> None:
    text = VALID.replace("回答一。", "很长的一段，" * 20000)
    result = read_text(text, "p.md")
    assert result.document is not None
    assert len(result.document.sections[1].answers[0].paragraphs[0].text) == 120000
