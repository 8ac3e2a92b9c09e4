"""Pronunciations: the reader accepts exactly the syllables the pinyin pass accepts, so a typo is
a positioned E301 at read time and never a ValueError out of a pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.check import check
from pipeline.passes.pinyin import PinyinAnnotator
from pipeline.reader import read_text
from pipeline.syllables import is_syllable, toneless_syllables
from tests.test_reader import VALID, line_of


def test_table_is_pypinyins_set_of_readings() -> None:
    """Yardstick: pypinyin's own dictionary, read here independently of data/syllables.txt."""
    from pypinyin.constants import PINYIN_DICT
    from pypinyin.contrib.tone_convert import to_normal

    readings = {to_normal(r, v_to_u=True) for value in PINYIN_DICT.values() for r in value.split(",")}
    assert toneless_syllables() == readings | {"r", "er", "m", "n", "ng", "hm", "hng"}


def test_characters_without_a_reading() -> None:
    from pypinyin.constants import PINYIN_DICT

    from pipeline.syllables import BASIC_WITHOUT_READING, has_reading

    assert BASIC_WITHOUT_READING == {chr(c) for c in range(0x4E00, 0x9FA6) if c not in PINYIN_DICT}
    assert has_reading("〇") and has_reading("㐀") and not has_reading("兙")


def test_reader_and_pinyin_pass_agree_on_every_syllable() -> None:
    from pipeline.passes.pinyin.tables import _valid_syllables

    assert toneless_syllables() == _valid_syllables()


@pytest.mark.parametrize("syllable,ok", [
    ("wáng", True), ("lǘ", True), ("lüè", True), ("ê", True), ("hng", True), ("zhōng", True), ("Zhōng", True),
    ("chxng", False), ("wangg", False), ("bü", False), ("x", False), ("", False), ("zhōngg", False)])
def test_is_syllable(syllable: str, ok: bool) -> None:
    assert is_syllable(syllable) is ok


@pytest.mark.parametrize("word", ["兙", "〇", "𠀀", "Sora", "王 五", "〇五", "王五"])
def test_any_word_the_reader_accepts_the_pass_accepts(word: str) -> None:
    for reading in ["wang2", "wang2 wu3", "ling2 wu3", "shi2"]:
        result = read_text(VALID.replace("王五: wang2 wu3", f"'{word}': {reading}"), "t.md")
        if result.document is None:
            assert [d.code for d in result.diagnostics if d.severity == "error"] == ["E301"]
        else:
            PinyinAnnotator(overrides=result.document.pronunciation_table)


@pytest.mark.parametrize("reading", ["chxng2 wu3", "wang2 wu9", "wang2 五", "", "wang2", "wang2 wu3 yi1", "w@ng wu"])
def test_bad_reading_is_e301_at_the_entry_and_no_pass_runs(tmp_path: Path, reading: str) -> None:
    text = VALID.replace("王五: wang2 wu3", f"王五: '{reading}'")
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    doc, diagnostics = check(path)
    assert doc is None
    assert [(d.code, d.line, d.col) for d in diagnostics if d.severity == "error"] == [
        ("E301", line_of(text, "  王五: '"), 3)]


def test_every_reading_the_reader_accepts_the_pass_accepts() -> None:
    """All syllables of the table with every tone, in one table (one character each), through the
    reader and then the pass: what the reader lets through the pass takes; what it refuses is an
    E301 on its own line (only interjections like 'hm1' with a tone mark, which the shared
    normaliser cannot spell)."""
    readings = [f"{syllable.replace('ü', 'v')}{tone}" for syllable in sorted(toneless_syllables()) for tone in "12345"]
    words = [c for c in map(chr, range(0x4E00, 0x9FA6)) if c not in "兙兡嗧桛烪瓧瓰瓱瓼甅"][: len(readings)]
    table = "".join(f"  {word}: {reading}\n" for word, reading in zip(words, readings))
    text = VALID.replace("  王五: wang2 wu3\n", table)
    result = read_text(text, "t.md")
    first = line_of(text, f"  {words[0]}:")
    refused = {readings[d.line - first] for d in result.diagnostics if d.code == "E301"}
    assert [d for d in result.diagnostics if d.code != "E301" and d.severity == "error"] == []
    assert {r[:-1] for r in refused} <= {"hm", "hng", "m", "n", "ng", "r", "ê"}, refused
    accepted = {w: r for w, r in zip(words, readings) if r not in refused}
    assert len(accepted) > 2000
    doc = read_text(VALID.replace("  王五: wang2 wu3\n", "".join(f"  {w}: {r}\n" for w, r in accepted.items())),
                    "t.md").document
    assert doc is not None
    PinyinAnnotator(overrides=doc.pronunciation_table)  # raises ValueError if the two disagree


def test_every_bad_entry_of_a_table_is_named_and_the_good_ones_read() -> None:
    """One E301 per bad entry, each at its word, with what is wrong written out by hand; the good
    entries after them still read (as the editor wrote them, apostrophes and all)."""
    table = ("pronunciations:\n"
             "  王五: \"chxng2'wu3\"\n"          # a syllable Mandarin has not, shown as written
             "  李四: ''\n"                      # nothing
             "  兙: shi2\n"                      # a character the pinyin pass cannot read
             "  呣: m1\n"                        # a syllable with no tone-mark spelling
             "  张三: zhang1\n"                  # one syllable short
             "  Sora: shi2\n"                    # no Han at all
             "  〇五: ling2 wu3\n"               # '〇' counts as a syllable
             "  赵六: \"zhao4'liu4\"\n")
    text = VALID.replace("pronunciations:\n  王五: wang2 wu3\n", table)
    result = read_text(text, "t.md")
    at = {word: line_of(text, f"  {word}:") for word in ["王五", "李四", "兙", "呣", "张三", "Sora"]}
    assert [(d.code, d.line, d.col, d.message) for d in result.diagnostics] == [
        ("E301", at["王五"], 3, "pronunciation of '王五': 'chxng2' is not a Mandarin syllable"),
        ("E301", at["李四"], 3, "pronunciation of '李四': no syllables given"),
        ("E301", at["兙"], 3, "pronunciation of '兙': the pinyin pass has no reading for '兙' and cannot take one for it"),
        ("E301", at["呣"], 3, "pronunciation of '呣': 'm1' has no tone-mark spelling the passes can read; write it with tone marks"),
        ("E301", at["张三"], 3, "'张三' has 2 Han characters but 1 syllables"),
        ("E301", at["Sora"], 3, "'Sora' has 0 Han characters but 1 syllables"),
    ]
    fixed = text.replace(table, "pronunciations:\n  〇五: ling2 wu3\n  赵六: \"zhao4'liu4\"\n")
    doc = read_text(fixed, "t.md").document
    assert [(p.word, p.pinyin) for p in doc.pronunciations] == [("〇五", "líng wǔ"), ("赵六", "zhào liù")]


def test_a_count_that_does_not_match_counts_the_zero_sign() -> None:
    text = VALID.replace("王五: wang2 wu3", "〇五: wu3")
    assert [(d.code, d.line, d.col, d.message) for d in read_text(text, "t.md").diagnostics] == [
        ("E301", line_of(text, "〇五:"), 3, "'〇五' has 2 Han characters but 1 syllables")]
