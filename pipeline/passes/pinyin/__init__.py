"""The pinyin annotation pass: Chinese text → words, each with one pinyin syllable per Han character.

Pure and format-free: renderers (ruby in EPUB/PDF, learner editions) and `publish check` consume the
tokens. How a reading is chosen, first match wins:

1. ``overrides`` — the source's ``pronunciations:`` table. Always wins, anywhere in the text.
2. ``names`` — person names (speakers, authors, editors): surname from the surname table
   (``data/pinyin_surnames.txt``: 曾 zēng, 单 shàn, 区 ōu, 解 xiè …), given-name characters from the
   given-name table (``data/pinyin_name_chars.txt``) or the project phrase dictionary.
3. Word segmentation by jieba (a private tokenizer, dictionary mode, no HMM). Adjacent jieba tokens
   are merged when their concatenation is in the project phrase dictionary.
4. ``project`` — the project phrase dictionary (``data/pinyin_phrases.txt``) for what pypinyin gets
   wrong, and context rules for the characters whose reading depends on their neighbours rather than
   on a word (the particles 地/得 de vs 得 děi, 为 wéi after 以…/before …所, 只 zhī after a number,
   长 zhǎng before 得/大/高, 种 zhǒng after a numeral …), and the "sure" standalone readings of
   ``data/pinyin_chars.txt`` (了 le, 着 zhe, 都 dōu …).
5. ``phrase`` — pypinyin's phrase dictionary, and characters inside a dictionary word.
6. ``fallback`` — a character standing alone with nothing to decide it: the "guess" reading of
   ``data/pinyin_chars.txt`` or pypinyin's single-character default. For polyphonic characters these
   are what :meth:`PinyinAnnotator.fallbacks` reports, so that an editor can pin them.

Non-Han text (Latin words, digits, ASCII @handles, whitespace, punctuation) passes through as tokens
with ``pinyin=None`` and ``source="none"``. Concatenating ``token.text`` gives back the input.

Readings are citation tones by default (一 yī, 不 bù everywhere; no sandhi). With
``tone_sandhi=True`` 一 and 不 are shown as spoken (一个 yí gè, 一起 yì qǐ, 不是 bú shì), except in
names and overrides.

The pass is a package, one module per concern: ``tables`` (data and lookups), ``segmentation``
(fixed words, jieba, phrase merging), ``rules`` (context rules for lone characters), ``names``,
``sandhi`` (一/不 and the syllable style), ``annotator`` (the public class) and ``cache`` (the build
cache's front).
"""

from __future__ import annotations

from pipeline.passes.pinyin.annotator import PinyinAnnotator, warm_up
from pipeline.passes.pinyin.cache import CachedAnnotator, data_digest
from pipeline.passes.pinyin.tables import SOURCES, STYLES, Token, _is_han, is_polyphonic

__all__ = ["Token", "PinyinAnnotator", "CachedAnnotator", "SOURCES", "STYLES", "is_polyphonic", "warm_up"]
