"""W405 in `publish check`: a warning means "a person should look here" — it fires where the pinyin
pass is not confident, and nowhere else."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.check import check
from tests.conftest import FIRST_TITLE, TEST_TITLE
from tests.test_reader import VALID, line_of


def w405(path: Path) -> list[str]:
    return [str(d) for d in check(path)[1] if d.code == "W405"]


@pytest.mark.parametrize("title", [FIRST_TITLE, TEST_TITLE], ids=["first title", "test title"])
def test_the_bundled_titles_give_no_pinyin_warning(title):
    assert w405(title) == []


# Built by hand to be ambiguous: 抹 alone (mǒ "smear" / mā "wipe"), 假 after 这个 (jiǎ / jià).
AMBIGUOUS = ["把桌子抹一下。", "这个假太长了。"]


@pytest.mark.parametrize("sentence", AMBIGUOUS)
def test_w405_fires_on_an_ambiguous_sentence_and_a_pin_silences_it(tmp_path, sentence):
    text = VALID.replace("回答一。", sentence)
    path = tmp_path / "title.md"
    path.write_text(text, encoding="utf-8")
    found = [d for d in check(path)[1] if d.code == "W405"]
    assert [d.line for d in found] == [line_of(text, sentence)], [str(d) for d in found]
    char = "抹" if "抹" in sentence else "假"
    assert f"'{char}'" in found[0].message
    assert found[0].col == line_of_col(text, sentence, char)
    pin = {"抹": "抹一下: mā yī xià", "假": "这个假: zhè ge jià"}[char]
    path.write_text(text.replace("pronunciations:\n", f"pronunciations:\n  {pin}\n"), encoding="utf-8")
    assert w405(path) == []


def line_of_col(text: str, sentence: str, char: str) -> int:
    """1-based column of `char` in the line holding `sentence`."""
    line = text.splitlines()[line_of(text, sentence) - 1]
    return line.index(char) + 1


def test_decided_readings_are_not_reported(tmp_path):
    text = VALID.replace("回答一。", "他说得特别好，担心地问他：跑得快就行吗？")
    path = tmp_path / "title.md"
    path.write_text(text, encoding="utf-8")
    assert w405(path) == []


def test_w405_is_not_reported_inside_a_span_in_another_language(tmp_path):
    """A span marked Cantonese or Hokkien gets no pinyin in the learner editions: a guess there is no
    Mandarin reading to confirm, while the same guess in the Mandarin text beside it still is one."""
    sentence = "把桌子抹一下。"
    text = VALID.replace("回答一。", f"[{sentence}]{{lang=yue}}[{sentence}]{{lang=nan}}{sentence}")
    path = tmp_path / "title.md"
    path.write_text(text, encoding="utf-8")
    found = [d for d in check(path)[1] if d.code == "W405"]
    line = text.splitlines()[line_of(text, sentence) - 1]
    assert [(d.line, d.col) for d in found] == [(line_of(text, sentence), line.rindex("抹") + 1)], [str(d) for d in found]
