"""jieba's word frequencies looked up in the SQLite store (`jiebadict._FreqStore`) instead of
jieba loading all of them: the same words cut from the same text as jieba's own tokenizer, both
ways (dictionary only, and with its HMM for unknown words), and the same counts as its
dictionary file."""

from __future__ import annotations

import logging

import jieba

from pipeline.passes.pinyin import jiebadict


def test_the_store_cuts_as_jieba_does(first_title, test_title):
    jieba.setLogLevel(logging.WARNING)
    reference = jieba.Tokenizer()
    reference.initialize()
    ours = jiebadict.tokenizer()
    assert isinstance(ours.FREQ, jiebadict._FreqStore)
    assert ours.total == reference.total
    text = "\n".join(block for doc in (first_title, test_title) for block in doc.text_blocks())
    for hmm in (False, True):
        assert list(ours.cut(text, HMM=hmm)) == list(reference.cut(text, HMM=hmm))


def test_the_store_holds_the_dictionary_file():
    store = jiebadict.tokenizer().FREQ
    with open(jiebadict._dict_file(), encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number % 997:
                continue
            word, count = line.split()[:2]
            assert store[word] == int(count) and word in store
    assert "没有这个词吧" not in store and store.get("没有这个词吧") is None
    assert store.get("人工智", 5) == 0  # a prefix of a word: known, at 0 (jieba's `gen_pfdict`)
