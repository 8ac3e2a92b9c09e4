"""The pinyin rounds' harness: a sentence with one character marked 【】, and what the pass reads
there or whether it is unsure of it (W405), through the real annotator."""

from __future__ import annotations

import pytest

from pipeline.passes.pinyin import PinyinAnnotator


@pytest.fixture(scope="module")
def plain() -> PinyinAnnotator:
    return PinyinAnnotator()


def split_marked(marked: str) -> tuple[str, int]:
    """The sentence without its 【】 and the offset of the character they held."""
    index = marked.index("【")
    return marked.replace("【", "").replace("】", ""), index


def reading(annotator: PinyinAnnotator, marked: str) -> str:
    """The syllable the pass sets over the marked character."""
    text, index = split_marked(marked)
    syllables: list[str | None] = []
    for token in annotator.annotate(text):
        syllables += [None] * len(token.text) if token.pinyin is None else list(token.pinyin)
    return syllables[index]


def unsure_chars(annotator: PinyinAnnotator, marked: str) -> set[int]:
    """The offsets of the characters the pass is unsure of in the sentence."""
    text, _ = split_marked(marked)
    return {offset for offset, _, _ in annotator.unsure(text)}
