"""Segmentation: the fixed words (names, overrides) first, then jieba over the free text, with
adjacent jieba tokens merged into project phrases and particles split off where jieba glued them on;
lone characters are handed to the context rules."""

from __future__ import annotations

import logging
import re
import threading

from pipeline.passes.pinyin.rules import (
    _CLASSIFIER_SPLIT,
    _COMPLEMENTS,
    _DE2_HEADS,
    _DEMONSTRATIVE,
    _NUMERAL,
    _RESULT_CHARS,
    _SUFFIX_PARTICLES,
    _VERB_RULE_CHARS,
    resolve_single,
)
from pipeline.passes.pinyin.tables import (
    _HAN_RANGE,
    _default,
    _max_project_len,
    _phrases_dict,
    _pinyin_dict,
    _project,
    _Seg,
    _standalone,
)

_LOCK = threading.Lock()

_OTHER_TOKEN = re.compile(
    r"@[A-Za-z0-9_][A-Za-z0-9_.\-]*[A-Za-z0-9_]|@[A-Za-z0-9_]"  # ASCII @handle
    r"|[^\W_]+(?:[.'’\-+_/][^\W_]+)*"  # Latin/digit word: GPT-4, 3.5, don't, AT&T is two
    r"|\s+"
    r"|.",
    re.S,
)

_TOKENIZER = None


def _tokenizer():
    """A private jieba tokenizer (so other passes' jieba state is untouched); its dictionary cache
    lives in the temp dir, so only the first run on a machine pays for building it."""
    global _TOKENIZER
    if _TOKENIZER is None:
        with _LOCK:
            if _TOKENIZER is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tk = jieba.Tokenizer()
                tk.initialize()
                _TOKENIZER = tk
    return _TOKENIZER


class Segmenter:
    """Splits text into segments; `fixed` maps words (names, overrides) to (syllables, source),
    longest match first, an override before a name of the same length."""

    def __init__(self, fixed: dict[str, tuple[tuple[str, ...], str]]):
        self._fixed = fixed
        self._by_first: dict[str, list[str]] = {}
        for word in sorted(fixed, key=lambda w: (-len(w), fixed[w][1] != "override")):
            self._by_first.setdefault(word[0], []).append(word)

    def segments(self, text: str) -> list[_Seg]:
        segs: list[_Seg] = []
        pos = 0
        free_start = 0
        n = len(text)
        by_first = self._by_first
        while pos < n:
            candidates = by_first.get(text[pos])
            if candidates:
                hit = next((w for w in candidates if text.startswith(w, pos)), None)
                if hit:
                    self._free(text[free_start:pos], free_start, segs)
                    reading, source = self._fixed[hit]
                    self._fixed_segs(hit, pos, reading, source, segs)
                    pos += len(hit)
                    free_start = pos
                    continue
            pos += 1
        self._free(text[free_start:], free_start, segs)
        for i, seg in enumerate(segs):
            if seg.kind in ("single", "suffix"):
                resolve_single(segs, i)
                seg.kind = "han"
        return segs

    def _fixed_segs(self, word: str, start: int, reading: tuple[str, ...], source: str, segs: list[_Seg]) -> None:
        it = iter(reading)
        pos = 0
        for piece, is_han in _split_han(word):
            if is_han:
                segs.append(_Seg(piece, [next(it) for _ in piece], source, "han", start + pos))
            else:
                _other_segs(piece, start + pos, segs)
            pos += len(piece)

    def _free(self, text: str, start: int, segs: list[_Seg]) -> None:
        if not text:
            return
        pos = 0
        for piece, is_han in _split_han(text):
            if is_han:
                self._han_run(piece, start + pos, segs)
            else:
                _other_segs(piece, start + pos, segs)
            pos += len(piece)

    def _han_run(self, run: str, start: int, segs: list[_Seg]) -> None:
        words = list(_tokenizer().cut(run, HMM=False))
        project = _project()
        maxlen = _max_project_len()
        # merge adjacent tokens into a project phrase (longest first)
        merged: list[str] = []
        i = 0
        while i < len(words):
            best = 1
            acc = words[i]
            for j in range(i + 1, min(len(words), i + 5)):
                acc += words[j]
                if len(acc) > maxlen:
                    break
                if acc in project:
                    best = j - i + 1
            merged.append("".join(words[i : i + best]))
            i += best
        # jieba sometimes glues the adverbial particle to the verb after it (慢慢/地走了): unglue it
        k = 1
        while k < len(merged):
            word, prev = merged[k], merged[k - 1]
            if (
                len(word) > 1
                and word[0] == "地"
                and word not in project
                and (len(prev) >= 2 and prev[-1] == prev[-2] or prev[-1:] == "然")
            ):
                merged[k : k + 1] = ["地", word[1:]]
            k += 1
        pos = start
        for word in merged:
            self._word(word, pos, segs)
            pos += len(word)

    def _word(self, word: str, start: int, segs: list[_Seg]) -> None:
        project, phrases = _project(), _phrases_dict()
        if word in project:
            segs.append(_Seg(word, list(project[word]), "project", "han", start))
            return
        if len(word) > 1 and word[-1] in _CLASSIFIER_SPLIT and all(c in _NUMERAL or c in _DEMONSTRATIVE or c in "上近约好" for c in word[:-1]) and word[-2] in _NUMERAL | _DEMONSTRATIVE:
            self._word(word[:-1], start, segs)
            segs.append(_Seg(word[-1], None, "fallback", "single", start + len(word) - 1))
            return
        if word in phrases:
            segs.append(_Seg(word, [p[0] for p in phrases[word]], "phrase", "han", start))
            return
        if len(word) == 1:
            segs.append(_Seg(word, None, "fallback", "single", start))
            return
        # jieba keeps many verb+particle and verb+complement strings whole (冻得, 背着, 悄悄地, 切成);
        # pypinyin does not know them, so the particle is split off and read by the rules.
        last, head = word[-1], word[:-1]
        if last in _SUFFIX_PARTICLES and not (last == "得" and head[-1] in _DE2_HEADS):
            self._word(head, start, segs)
            seg = _Seg(last, None, "fallback", "single", start + len(head))
            seg.kind = "suffix"
            segs.append(seg)
            return
        if len(word) == 2 and word[0] in _VERB_RULE_CHARS and last in _COMPLEMENTS:
            segs.append(_Seg(word[0], None, "fallback", "single", start))
            segs.append(_Seg(last, [_default(last)], "phrase", "han", start + 1))
            return
        if len(word) == 2 and last in _RESULT_CHARS:  # 晒干, 擦干: the result decides
            segs.append(_Seg(word[0], [_default(word[0])], "phrase", "han", start))
            segs.append(_Seg(last, None, "fallback", "single", start + 1))
            return
        # a dictionary word pypinyin does not list: known sub-phrases, else the characters' readings
        i = 0
        plain = []  # run of characters read by default, emitted as one segment
        plain_start = start
        maxlen = min(len(word), max(_max_project_len(), 8))
        while i < len(word):
            hit = None
            for j in range(min(len(word), i + maxlen), i + 1, -1):
                piece = word[i:j]
                if piece in project or piece in phrases:
                    hit = piece
                    break
            if hit:
                if plain:
                    text = "".join(plain)
                    segs.append(_Seg(text, [_default(c) for c in text], "phrase", "han", plain_start))
                    plain = []
                source = "project" if hit in project else "phrase"
                reading = list(project[hit]) if hit in project else [p[0] for p in phrases[hit]]
                segs.append(_Seg(hit, reading, source, "han", start + i))
                i += len(hit)
                plain_start = start + i
            else:
                if i == 0 and len(word) > 1 and word[0] in _standalone() and (word[1:2] and any(word[1:j] in project or word[1:j] in phrases for j in range(3, len(word) + 1))):
                    # 长时间, 重工业: a lone first character before a known word reads as it does alone
                    reading, sure = _standalone()[word[0]]
                    segs.append(_Seg(word[0], [reading], "project" if sure else "fallback", "han", start))
                    i += 1
                    plain_start = start + i
                    continue
                plain.append(word[i])
                i += 1
        if plain:
            text = "".join(plain)
            segs.append(_Seg(text, [_default(c) for c in text], "phrase", "han", plain_start))


def _split_han(text: str):
    """Yield (piece, is_han) runs; characters pypinyin does not know count as non-Han."""
    pos = 0
    for m in _HAN_RANGE.finditer(text):
        if m.start() > pos:
            yield text[pos : m.start()], False
        run = m.group()
        buf_start = 0
        for k, ch in enumerate(run):
            if ord(ch) not in _pinyin_dict():
                if k > buf_start:
                    yield run[buf_start:k], True
                yield ch, False
                buf_start = k + 1
        if buf_start < len(run):
            yield run[buf_start:], True
        pos = m.end()
    if pos < len(text):
        yield text[pos:], False


def _other_segs(text: str, start: int, segs: list[_Seg]) -> None:
    for m in _OTHER_TOKEN.finditer(text):
        segs.append(_Seg(m.group(), None, "none", "other", start + m.start()))
