"""The pinyin pass's data files: every phrase-dictionary entry is backed by a general lexicon or
says why not, and the tables derived from CC-CEDICT are what the installed lexicons give."""

from __future__ import annotations

import pytest

from pipeline.passes.pinyin import lexicon
from pipeline.passes.pinyin.tables import DATA_DIR, _parse_reading, _read_table


def _entries(name: str) -> list[list[str]]:
    return _read_table(name, 2)


# A yardstick for `lexicon.agrees` itself, written out by hand: (word, reading, does CC-CEDICT or
# pypinyin read it so?).
AGREEMENT = [
    ("银行", "yín háng", True),
    ("银行", "yín xíng", False),
    ("衣服", "yī fu", True),  # CC-CEDICT's light syllable
    ("衣服", "yī fú", True),  # pypinyin's full tone
    ("衣服", "yī fù", False),
    ("一个", "yí gè", True),  # sandhi in pypinyin's phrases is read back as citation tone
    ("蒙古", "Měng gǔ", True),  # a proper noun
    ("长文", "cháng wén", False),  # in neither lexicon
]


@pytest.mark.parametrize("word,reading,expected", AGREEMENT)
def test_agreement_with_the_lexicons(word, reading, expected):
    assert lexicon.agrees(word, _parse_reading(word, reading.lower(), "test")) is expected


def test_every_phrase_entry_agrees_with_a_lexicon_or_says_why():
    unexplained = []
    for word, reading, *rest in _entries("pinyin_phrases.txt"):
        justified = bool(rest and rest[0].strip())
        if not justified and not lexicon.agrees(word, _parse_reading(word, reading, "pinyin_phrases.txt")):
            unexplained.append(f"{word}\t{reading}\t(CC-CEDICT/pypinyin: {lexicon.lexicon_readings(word)})")
    assert unexplained == [], "entries with neither a lexicon's agreement nor a justification:\n" + "\n".join(unexplained)


def test_justifications_are_one_line_each():
    for word, _reading, *rest in _entries("pinyin_phrases.txt"):
        if rest:
            assert len(rest) == 1 and 10 <= len(rest[0]) <= 160, word


def test_derived_tables_are_current():
    """pinyin_neutral.txt, pinyin_guo_words.txt and pinyin_new_words.txt are what
    `python -m pipeline.passes.pinyin.lexicon` writes from the installed CC-CEDICT, pypinyin and jieba."""
    assert (DATA_DIR / "pinyin_neutral.txt").read_text(encoding="utf-8") == lexicon.render(lexicon.derive_neutral())
    assert (DATA_DIR / "pinyin_guo_words.txt").read_text(encoding="utf-8") == lexicon.render_guo(lexicon.derive_guo_words())
    assert (DATA_DIR / "pinyin_new_words.txt").read_text(encoding="utf-8") == lexicon.render_new_words(lexicon.derive_new_words())
    assert (DATA_DIR / "pinyin_aabb.txt").read_text(encoding="utf-8") == lexicon.render_aabb(lexicon.derive_aabb())
    assert (DATA_DIR / "pinyin_cedict_words.txt").read_text(encoding="utf-8") == lexicon.render_cedict_words(lexicon.derive_cedict_words())


def test_the_new_words_table():
    """CC-CEDICT's words jieba's dictionary lacks, checked by hand: present with their reading,
    and words that end in a particle or that jieba knows left out."""
    table = {w: r for w, r, *_ in _read_table("pinyin_new_words.txt", 2)}
    assert table.get("微信") == "wēi xìn" and table.get("点赞") == "diǎn zàn" and table.get("网红") == "wǎng hóng"
    assert "结了" not in table and "过得" not in table  # a word + its particle
    assert "银行" not in table and "朋友" not in table  # jieba knows them


# Light syllables the derived table must carry (CC-CEDICT, checked by hand against the 现汉 norm),
# and optional ones it must leave in full tone.
LIGHT = {"朋友": "péng you", "衣服": "yī fu", "商量": "shāng liang", "头发": "tóu fa", "妈妈": "mā ma",
         "看看": "kàn kan", "时候": "shí hou", "清楚": "qīng chu"}
NOT_LIGHT = ["回来", "几个", "路上", "后边"]  # 来 上 边 个: the norm's light syllable is optional


def test_the_light_syllable_table():
    table = {w: r for w, r, *_ in _entries("pinyin_neutral.txt")}
    for word, reading in LIGHT.items():
        assert table.get(word) == reading, word
    for word in NOT_LIGHT:
        assert word not in table, word
    assert {"经过", "穿过", "超过"} <= {w for w, *_ in _read_table("pinyin_guo_words.txt", 1)}
    assert not {"去过", "吃过", "受过"} & {w for w, *_ in _read_table("pinyin_guo_words.txt", 1)}


def test_jieba_tags_without_a_writable_temp_dir(tmp_path, monkeypatch):
    """The tag store lives in the temp dir; where it cannot be written, the tags are read into memory."""
    import tempfile

    from pipeline.passes.pinyin import jiebadict

    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_dir))
    jiebadict.word_tags.cache_clear()
    try:
        assert jiebadict.word_tag("看") == "v" and jiebadict.word_tag("银行") == "n" and jiebadict.word_tag("qqq") == ""
        assert not any(not_a_dir.parent.glob("*.sqlite"))
    finally:
        jiebadict.word_tags.cache_clear()
