from __future__ import annotations

from pipeline.passes.typography import fix_text, normalise_document
from pipeline.reader import read_text
from tests.test_reader import VALID


def test_fix_text_converts_only_in_chinese_context() -> None:
    assert fix_text("此时,AIGC(生成式人工智能)艺术家") == "此时，AIGC（生成式人工智能）艺术家"
    assert fix_text("(Sora)可能会") == "（Sora）可能会"
    assert fix_text("gg humans, ok (yes)") == "gg humans, ok (yes)"
    assert fix_text("怎么知道?") == "怎么知道？"
    assert fix_text("比例:1:2") == "比例：1:2"


def test_pass_fixes_every_text_but_foreign_runs() -> None:
    text = VALID.replace("第一段，有Latin和2025年。", "第一段,[a, b]{lang=en}。").replace("role: 记者", "role: 记者,编辑")
    doc = normalise_document(read_text(text, "t.md").document)
    assert doc.sections[0].paragraphs[0].text == "第一段，a, b。"
    assert doc.sections[1].answers[0].label == "记者，编辑王五"
