"""The public annotator: names and overrides fixed per title, then segmentation, rules and output."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable, Mapping

from pipeline.passes.pinyin.hant import hant_maybe, hant_to_hans
from pipeline.passes.pinyin.names import add_title_forms, name_reading
from pipeline.passes.pinyin.sandhi import finish
from pipeline.passes.pinyin.jiebadict import tokenizer, word_tags
from pipeline.passes.pinyin.segmentation import Segmenter
from pipeline.passes.pinyin.tables import (
    check_style,
    Token,
    _guo_words,
    _is_han,
    _lexicon,
    _max_project_len,
    _name_chars,
    _neutral,
    _parse_reading,
    _project,
    _standalone,
    _surnames,
    is_polyphonic,
)


# CJK compatibility ideographs (豈 U+F900, 欄 U+F91D …, from a Big5 or KS X 1001 round trip) are
# the same characters as their unified forms, which Unicode maps them to one for one: they are read
# as those, and set as written (no edition changes the editor's text).
COMPATIBILITY_IDEOGRAPHS = {
    code: unicodedata.normalize("NFC", chr(code))
    for code in [*range(0xF900, 0xFB00), *range(0x2F800, 0x2FA20)]
    if len(unicodedata.normalize("NFC", chr(code))) == 1 and unicodedata.normalize("NFC", chr(code)) != chr(code)
}


def _readable(text: str) -> str:
    """`text` as the lexicons are written: compatibility ideographs as their unified forms,
    traditional characters as their simplified ones (`hant`), one character for one."""
    return text.translate(COMPATIBILITY_IDEOGRAPHS).translate(hant_to_hans())


def _as_written(tokens: tuple[Token, ...], text: str) -> tuple[Token, ...]:
    """The tokens read from the unified forms, each holding the text as the editor wrote it
    (the mapping is one character for one, so every token keeps its length)."""
    out, start = [], 0
    for token in tokens:
        out.append(dataclasses.replace(token, text=text[start:start + len(token.text)]))
        start += len(token.text)
    return tuple(out)


def warm_up() -> None:
    """Load the tables and the segmenter now (e.g. before timing or forking); the polyphonic-character
    set behind `fallbacks()` is built on first use."""
    hant_to_hans(), _project(), _surnames(), _name_chars(), _standalone(), _neutral(), _guo_words(), tokenizer(), word_tags(), _max_project_len()


class PinyinAnnotator:
    """Annotates text with pinyin. Construct once per title (names and overrides), call many times."""

    def __init__(
        self,
        *,
        names: Iterable[str] = (),
        overrides: Mapping[str, str] = {},
        tone_sandhi: bool = False,
        style: str = "marks",
    ):
        check_style(style)
        self.tone_sandhi = bool(tone_sandhi)
        self.style = style
        # word → (syllables for its Han characters, source), longest match wins, override before name
        self._fixed: dict[str, tuple[tuple[str, ...], str]] = {}
        for name in names:
            name = _readable(name.strip())  # (as the text it is looked for in is read)
            if name and any(_is_han(c) for c in name):
                self._fixed[name] = (name_reading(name), "name")
                add_title_forms(name, self._fixed)
        for word, reading in dict(overrides).items():
            if not isinstance(reading, str):
                raise ValueError(f"pronunciation of '{word}' must be a string of syllables, not {type(reading).__name__}")
            self._fixed[_readable(word)] = (_parse_reading(word, reading, "pronunciation table"), "override")
        self._segmenter = Segmenter(self._fixed)
        warm_up()

    def _words_made(self, read: str) -> str:
        """`read` with each character of `hant.hant_maybe` (著, 乾 …) in its usual simplified form
        where that form makes a word, or a reading the context decides, that the character as
        written did not: 睡著 → 睡着, 乾淨 → 干净, while 著名 stays."""
        maybe = hant_maybe()
        spots = [i for i, c in enumerate(read) if ord(c) in maybe]
        if not spots:
            return read

        def cover(text: str) -> list[tuple[int, str, int]]:
            out: list[tuple[int, str, int]] = []
            for token in finish(self._segmenter.segments(text), self.tone_sandhi, self.style, words=False):
                out += [(len(token.text), token.source, len(out))] * len(token.text)
            return out

        simplified = read.translate(maybe)
        first, other = cover(read), cover(simplified)
        chosen = list(read)
        lexicon = _lexicon()
        for i in spots:
            (size, source, at), (other_size, other_source, other_at) = first[i], other[i]
            if size == 1 and (other_size > 1 or (source == "fallback" and other_source != "fallback")):
                chosen[i] = maybe[ord(read[i])]
            elif (size == other_size > 1 and at == other_at and read[at:at + size] not in lexicon
                  and simplified[at:at + size] in lexicon):
                chosen[i] = maybe[ord(read[i])]  # 乾杯 → 干杯 gān: the word simplified text writes so (not 乾隆)
        return "".join(chosen)

    def annotate(self, text: str) -> tuple[Token, ...]:
        read = self._words_made(_readable(text))
        tokens = tuple(finish(self._segmenter.segments(read), self.tone_sandhi, self.style))
        return tokens if read == text else _as_written(tokens, text)

    def unsure(self, text: str) -> list[tuple[int, str, str]]:
        """(char offset, char, reading) of every character the pass is not confident about: a
        character read more than one way (`is_polyphonic`) that stands alone where nothing decided
        its reading: no override, name, dictionary word or context evidence, only the likelier
        reading (a "guess" in data/pinyin_chars.txt, a context rule's `Guess`, or pypinyin's
        single-character default). These, and only these, are what an editor should look at."""
        out = []
        offset = 0
        segs = self._segmenter.segments(self._words_made(_readable(text)))
        for token in finish(segs, self.tone_sandhi, self.style, words=False):
            if token.source == "fallback" and token.pinyin:
                han = [i for i, c in enumerate(token.text) if _is_han(c)]
                for i, syllable in zip(han, token.pinyin):
                    if is_polyphonic(token.text[i]):
                        out.append((offset + i, text[offset + i], syllable))  # (as written: 銀, not 银)
            offset += len(token.text)
        return out

    fallbacks = unsure  # the older name
