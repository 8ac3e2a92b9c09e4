"""The pinyin annotation pass: Chinese text → words, each with one pinyin syllable per Han character.

Pure and format-free: renderers (ruby in EPUB/PDF, learner editions) and `publish check` consume the
tokens. How a reading is chosen, first match wins:

1. ``override`` — the source's ``pronunciations:`` table. Always wins, anywhere in the text.
2. ``name`` — person names: the title's speakers and authors, and names found in running text
   (``names.find_names``: jieba's model proposes an unknown word that starts with a surname). The
   surname from ``data/pinyin_surnames.txt`` (曾 zēng, 单 shàn, 区 ōu, 解 xiè …), given-name
   characters from ``data/pinyin_name_chars.txt`` or the project phrase dictionary.
3. Word segmentation by jieba (a private tokenizer, dictionary mode, no HMM), with jieba's
   part-of-speech tags. Adjacent jieba tokens are merged when their concatenation is in the project
   phrase dictionary; unknown words are covered by their known pieces (``segmentation._cover``).
4. ``project`` — the project phrase dictionary (``data/pinyin_phrases.txt``) for what pypinyin gets
   wrong; word shapes (尝尝 chángchang, 踏踏实实, the aspect particle 过 guo); context rules for the
   characters whose reading depends on their neighbours (``rules``: 得, 地, 为, 只, 长, 行, 种, 过 …)
   when they found evidence; and the "sure" standalone readings of ``data/pinyin_chars.txt``.
5. ``phrase`` — a word's reading from the lexicons: the light syllables CC-CEDICT gives everyday
   words (``data/pinyin_neutral.txt``: 朋友 péngyou), else pypinyin's phrase dictionary; word rules
   for words read two ways (地方, 东西 …); characters inside a dictionary word.
6. ``fallback`` — nothing decided: a context rule's `Guess`, the "guess" reading of
   ``data/pinyin_chars.txt`` or pypinyin's single-character default. For characters read more than
   one way these are what :meth:`PinyinAnnotator.unsure` reports (``publish check``'s W405), so
   that an editor can confirm or pin them; everything else is the pass's confident reading.

Non-Han text (Latin words, digits, ASCII @handles, whitespace, punctuation) passes through as tokens
with ``pinyin=None`` and ``source="none"``. Concatenating ``token.text`` gives back the input.

Readings are citation tones by default (一 yī, 不 bù everywhere; 谁 shéi; no sandhi). With
``tone_sandhi=True`` 一 and 不 are shown as spoken (一个 yí gè, 一起 yì qǐ, 不是 bú shì), except in
names and overrides.

The pass is a package, one module per concern: ``tables`` (data and lookups), ``jiebadict``
(jieba: tokenizer, tags, unknown words), ``lexicon`` (CC-CEDICT: derived tables, agreement checks),
``segmentation`` (fixed words, jieba, phrase merging, word shapes), ``context`` (what rules see),
``rules`` (context rules for lone characters, with ``charrules`` and ``verbnoun``), ``wordrules`` (words read two ways),
``names``, ``sandhi`` (一/不 and the syllable style), ``annotator`` (the public class) and ``cache``
(the build cache's front). See docs/pinyin.md.
"""

from __future__ import annotations

from pipeline.passes.pinyin.annotator import PinyinAnnotator, warm_up
from pipeline.passes.pinyin.cache import CachedAnnotator, data_digest
from pipeline.passes.pinyin.tables import SOURCES, STYLES, Token, _is_han, is_polyphonic

__all__ = ["Token", "PinyinAnnotator", "CachedAnnotator", "SOURCES", "STYLES", "is_polyphonic", "warm_up"]
