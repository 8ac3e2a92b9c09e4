"""Segmentation: the fixed words (names, overrides) first, then jieba over the free text, with
adjacent jieba tokens merged into project phrases and particles split off where jieba glued them on;
lone characters are handed to the context rules."""

from __future__ import annotations

import re

from pipeline.passes.typography import _urls as _urls  # (where a web address ends)
from pipeline.passes.pinyin.jiebadict import tagged, word_tag
from pipeline.passes.pinyin.names import find_names, name_reading
from pipeline.passes.pinyin.nameclues import demonstrative_first
from pipeline.passes.pinyin.nameparallel import parallel_names
from pipeline.passes.pinyin.namescans import address
from pipeline.passes.pinyin.context import (
    _CLASSIFIER_SPLIT,
    _COMPLEMENTS,
    _DE2_HEADS,
    _DEMONSTRATIVE,
    _NUMERAL,
    _RESULT_CHARS,
    _SUFFIX_PARTICLES,
    _TITLES,
    _VERB_RULE_CHARS,
)
from pipeline.passes.pinyin.rules import _RULES, resolve_single
from pipeline.passes.pinyin.wordrules import _light, double_verb_before_object, resolve_word, spelled_out
from pipeline.passes.pinyin.wordforms import (
    _MEASURE_READINGS,
    _aabb,
    _aspect_guo,
    _is_reduplicated_verb,
    _one_measure_doubled,
    numbers_kept_whole,
)
from pipeline.passes.pinyin.tables import (
    _HAN_RANGE,
    _default,
    _aabb_words,
    _cedict_words,
    _max_project_len,
    _lexicon,
    _new_words,
    _neutral,
    _phrase_reading,
    _phrases_dict,
    _pinyin_dict,
    _project,
    _Seg,
    _standalone,
    _surnames,
)

# A figure with its sign, currency and unit, and a range of them: −18℃, 2~8℃, 12%～15%, ¥2.8～¥3.5,
# ±2%, 2020—2024, a time or a score 23:30—05:30, 3:2 (the learner editions put a word space, and so a line break, between segments:
# '到−' ended a line and '5℃' began the next, '℃' alone opened one). Not before a letter (3D). A
# fraction or a date with slashes (1/3, 2025/3/8) and a dollar of a country (US$3.5, HK$12) too:
# '1/' ended a line and '3' began the next, 'US' stood apart from '$3.5'.
# (and a score with the ratio sign, 3∶2, and stoppage time, 90+3: before, '0 ∶ 2' and '90 +3' were
# two and three words apart)
_FIGURE = r"(?:[A-Z]{1,2}\$|[−\-+±¥￥$€£])?\d+(?:[.,:/∶]\d+)*(?:°[CF]|[%‰℃℉°′″])?"
# A figure as the learner EPUB wraps it in a word of its own (`renderers/ruby.py`), as this pass cuts it.
FIGURE_RUN = re.compile(rf"{_FIGURE}(?:[~～〜—–\-+]{_FIGURE})*")
_OTHER_TOKEN = re.compile(
    r"(?:mailto:)?[A-Za-z0-9._%+\-]*[A-Za-z0-9]@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"  # a mail address, whole
    rf"|{_FIGURE}(?:[~～〜—–\-+]{_FIGURE})*(?![A-Za-z0-9])"
    r"|@[A-Za-z0-9_][A-Za-z0-9_.\-]*[A-Za-z0-9_]|@[A-Za-z0-9_]"  # ASCII @handle
    r"|[^\W_]+(?:[.'’\-+_/][^\W_]+)*"  # Latin/digit word: GPT-4, 3.5, don't, AT&T is two
    r"|\s+"
    r"|.",
    re.S,
)


# Verbs read two ways whose potential forms (V不C, V得C) the dictionaries read one way: the verb's own
# rule reads them from the complement (背不动 bēi "cannot carry", 背不出 bèi "cannot recite")
_POTENTIAL_SPLIT = set("背")


class Segmenter:
    """Splits text into segments; `fixed` maps words (names, overrides) to (syllables, source),
    longest match first, an override before a name of the same length."""

    def __init__(self, fixed: dict[str, tuple[tuple[str, ...], str]]):
        self._fixed = fixed
        self._group = 0
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
            if seg.kind in ("single", "suffix", "part"):
                resolve_single(segs, i)
                seg.kind = "han"
        for i, seg in enumerate(segs):
            if seg.kind == "han" and len(seg.text) > 1:
                resolve_word(segs, i)
        double_verb_before_object(segs)
        _one_measure_doubled(segs)
        spelled_out(segs)
        numbers_kept_whole(segs)
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
        pieces, pos = [], 0
        for piece, is_han in _split_han(text):
            pieces.append((pos, piece, is_han))
            pos += len(piece)
        runs = []
        for pos, piece, is_han in pieces:
            if is_han:
                listed = (text[pos - 1 : pos] == "、", text[pos + len(piece) : pos + len(piece) + 1] == "、")
                found = find_names(piece, listed) or address(piece, text[pos - 1:pos], text[pos + len(piece):pos + len(piece) + 1],
                                                                text[pos + len(piece) + 1:pos + len(piece) + 2])
                runs.append((pos, piece, found))
        names = iter(parallel_names(text, runs))
        for pos, piece, is_han in pieces:
            if is_han:
                self._names_and_words(piece, start + pos, segs, next(names))
            else:
                _other_segs(piece, start + pos, segs)

    def _names_and_words(self, run: str, start: int, segs: list[_Seg], found: list[tuple[int, str]]) -> None:
        """Person names found in running text (`found`: offset in the run, name; from `find_names`
        and `parallel_names`) are read as names; the rest goes to jieba."""
        done = 0
        for offset, name in found:
            if offset < done or demonstrative_first(name[0], run[offset + 1:]):
                continue  # overlapping proposals: the first one stands; 那道题 is no name
            if offset > done:
                self._han_run(run[done:offset], start + done, segs)
            segs.append(_Seg(name, list(name_reading(name)), "name", "han", start + offset, "nr"))
            done = offset + len(name)
        if done < len(run):
            self._han_run(run[done:], start + done, segs)

    def _han_run(self, run: str, start: int, segs: list[_Seg]) -> None:
        pairs = tagged(run)
        words = [w for w, _ in pairs]
        tags = [t for _, t in pairs]
        project = _project()
        maxlen = _max_project_len()
        # merge adjacent tokens into a project phrase (longest first)
        merged: list[str] = []
        merged_tags: list[str] = []
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
            merged_tags.append(tags[i] if best == 1 else "")
            i += best
        # characters jieba's dictionary leaves single that make a word of CC-CEDICT's it does not know
        # (微 + 信), where jieba's statistical model proposes the same word here too
        if any(len(merged[k]) == len(merged[k + 1]) == 1 for k in range(len(merged) - 1)):
            merged, merged_tags = _join_new_words(run, merged, merged_tags)
        # jieba reads 搓着手, 拍着手 as 搓 + 着手 (zhuóshǒu "set about"): after a one-character verb,
        # 着 is the aspect particle and 手 the object
        k = 1
        while k < len(merged):
            if merged[k] == "着手" and len(merged[k - 1]) == 1 and merged_tags[k - 1].startswith("v"):
                merged[k : k + 1] = ["着", "手"]
                merged_tags[k : k + 1] = ["uz", "n"]
            k += 1
        # jieba reads 船只能 as 船只 "vessels" + 能: before 能/好, 只 is "only" (只能, 只好), 船 the subject
        for k in range(len(merged) - 2, -1, -1):
            if (len(merged[k]) == 2 and merged[k][1] == "只" and merged[k + 1] in _ONLY_AFTER and merged[k] not in project
                    and merged[k][0] + "只" in _lexicon()):
                merged[k : k + 2] = [merged[k][0], "只" + merged[k + 1]]
                merged_tags[k : k + 2] = [word_tag(merged[k][0]), "d"]
        # jieba glues a conjunction to a surname before a title (曾主任和解 + 主任, 与单 + 老师): unglue it
        for k in range(len(merged) - 2, -1, -1):
            word = merged[k]
            if (len(word) == 2 and word[0] in "和与跟同及" and word[1] in _surnames() and word not in project
                    and merged[k + 1] in _TITLES and word_tag(merged[k + 1]).startswith(("n", "b"))):
                merged[k : k + 1] = [word[0], word[1]]
                merged_tags[k : k + 1] = ["c", word_tag(word[1])]
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
                merged_tags[k : k + 1] = ["uv", word_tag(word[1:])]
            k += 1
        pos = start
        for word, tag in zip(merged, merged_tags):
            self._word(word, pos, segs, tag)
            pos += len(word)

    def _word(self, word: str, start: int, segs: list[_Seg], tag: str = "") -> None:
        """Segments for one jieba word; where it is read in pieces (开发 + 者, 三 + 只), the pieces
        share a group and come out as one token."""
        before = len(segs)
        whole = self._read_word(word, start, segs, tag)
        if whole and len(segs) - before > 1 and _one_word(word):
            self._group += 1
            for seg in segs[before:]:
                seg.group = self._group

    def _read_word(self, word: str, start: int, segs: list[_Seg], tag: str = "") -> bool:
        """Append the word's segments; True when they are pieces of one word (to be kept together),
        False when the word was split into words (a particle, a degree adverb, a doubled verb + tail)."""
        project, phrases = _project(), _lexicon()
        if word in project:
            segs.append(_Seg(word, list(project[word]), "project", "han", start, tag))
            return True
        if len(word) >= 3 and word[0] in _surnames() and word[1:] in _TITLES:
            # 孙先生, 仇先生, 单教授 (jieba's words): the surname as a surname, the title as the title
            # alone (xiānsheng: pypinyin's 孙先生 has the full tone)
            # (two pieces of one word: the title's own word rules still read it, 王大夫 dàifu)
            segs.append(_Seg(word[0], list(_surnames()[word[0]]), "name", "han", start, "nr"))
            segs.append(_Seg(word[1:], list(_phrase_reading(word[1:])), "phrase", "han", start + 1, word_tag(word[1:])))
            return True
        if len(word) > 1 and word not in phrases and word in _new_words():  # joined by _join_new_words
            segs.append(_Seg(word, _new_words()[word].split(), "phrase", "han", start, tag))
            return True
        if len(word) > 1 and word[-1] in _CLASSIFIER_SPLIT and all(c in _NUMERAL or c in _DEMONSTRATIVE or c in "上下近约好第" for c in word[:-1]) and word[-2] in _NUMERAL | _DEMONSTRATIVE:
            self._read_word(word[:-1], start, segs, "m")
            segs.append(_Seg(word[-1], None, "fallback", "single", start + len(word) - 1, "q"))
            return True
        if word in _aabb_words():  # 含含糊糊: CC-CEDICT's AABB form over pypinyin's
            segs.append(_Seg(word, list(_aabb_words()[word]), "project", "han", start, tag))
            return True
        if len(word) == 3 and word[0] in _POTENTIAL_SPLIT and word[1] in "不得":
            # 背不动 bēi, 背不出 bèi: the verb's reading hangs on the complement, which its rule reads
            segs.append(_Seg(word[0], None, "fallback", "single", start, "v"))
            segs.append(_Seg(word[1], ["bù" if word[1] == "不" else "de"], "phrase", "han", start + 1, "d"))
            segs.append(_Seg(word[2], [_default(word[2])], "phrase", "han", start + 2, "v"))
            return True
        if word in phrases and not _aspect_guo(word):
            segs.append(_Seg(word, [p[0] for p in phrases[word]], "phrase", "han", start, tag))
            return True
        if len(word) == 1:
            segs.append(_Seg(word, None, "fallback", "single", start, tag))
            return True
        if len(word) == 3 and word[0] == "一" and word[1] == word[2] and word[1] in _MEASURE_READINGS:
            m = _MEASURE_READINGS[word[1]]  # 一行行 yī háng háng "row after row", 一只只
            segs.append(_Seg(word, ["yī", m, m], "project", "han", start, tag))
            return True
        if len(word) >= 2 and word[0] in _DEGREE_PREFIX and (word[1:] in phrases if len(word) > 2 else word[1] in _RULES):
            # jieba's dictionary glues a degree adverb on (很漂亮, 太重要, 最长): two words, each read as itself
            self._word(word[0], start, segs, "d")
            self._word(word[1:], start + 1, segs, word_tag(word[1:]))
            return False
        if _is_reduplicated_verb(word[:2]) and not (len(word) == 4 and word[2] == word[3]):
            # 尝尝, 问问, 试试看: the repeated syllable is light (not AABB: 开开心心)
            reading = _standalone().get(word[0], (_default(word[0]), False))[0]
            segs.append(_Seg(word[:2], [reading, _light(reading)], "project", "han", start, "v"))
            if len(word) > 2:
                self._word(word[2:], start + 2, segs, word_tag(word[2:]))
            return False
        aabb = _aabb(word)
        if aabb is not None:  # 踏踏实实, 清清楚楚: the word's own syllables, in full tones
            segs.append(_Seg(word, list(aabb), "project", "han", start, tag))
            return True
        # jieba keeps many verb+particle and verb+complement strings whole (冻得, 背着, 悄悄地, 切成,
        # 去过); pypinyin does not know them, so the particle is split off and read by the rules.
        last, head = word[-1], word[:-1]
        if (last in _SUFFIX_PARTICLES and not (last == "得" and head[-1] in _DE2_HEADS)) or _aspect_guo(word):
            self._word(head, start, segs, tag if last != "得" else word_tag(head))
            seg = _Seg(last, None, "fallback", "single", start + len(head), "u")
            seg.kind = "suffix"
            segs.append(seg)
            return False
        if len(word) == 2 and word[0] in _VERB_RULE_CHARS and last in _COMPLEMENTS:
            segs.append(_Seg(word[0], None, "fallback", "single", start, "v"))
            segs.append(_Seg(last, [_default(last)], "phrase", "han", start + 1, tag))
            return True
        if len(word) == 2 and last in _RESULT_CHARS:  # 晒干, 擦干: the result decides
            segs.append(_Seg(word[0], [_default(word[0])], "phrase", "han", start, "v"))
            segs.append(_Seg(last, None, "fallback", "single", start + 1, tag))
            return True
        if len(word) == 3 and word[0] != word[1] == word[2] and word_tag(word).startswith("z"):
            # ABB state words pypinyin does not list (热乎乎, 黑乎乎): A as alone, BB both in full tone
            a = _standalone().get(word[0], (_default(word[0]), False))[0]
            b = _default(word[1])
            segs.append(_Seg(word, [a, b, b], "phrase", "han", start, tag))
            return True
        if word in _cedict_words():  # 干透 gān tòu: CC-CEDICT's reading of a word pypinyin lacks
            reading = _cedict_words()[word].split()
            if len(word) == 2 and word[0] == word[1] and reading[1] not in (reading[0], _light(reading[0])):
                reading[1] = _light(reading[0])  # 狗狗 (CC-CEDICT gǒu gōu): a doubled noun repeats, or lightens, its syllable
            segs.append(_Seg(word, reading, "phrase", "han", start, tag))
            return True
        # a dictionary word pypinyin does not list: known sub-phrases, else the characters' readings
        # (pypinyin's own phrases here: a light syllable is only taken for a whole word, 外婆家 is
        # not 外 + 婆家 pójia)
        phrases = _phrases_dict()
        for piece_start, piece, known in _cover(word, project, phrases):
            at = start + piece_start
            if known:
                source = "project" if piece in project else "phrase"
                if piece in project:
                    reading = list(project[piece])
                elif piece in _neutral() and (piece_start == 0 or piece[0] == piece[1]
                                              or (piece_start == 1 and word[0] in "老小大" and len(piece) == len(word) - 1)):
                    # 商量一下: the word jieba glued a tail to; 爷爷奶奶: a doubled kinship word anywhere;
                    # 老和尚, 小伙计: the head after 老/小/大 (not 外 + 婆家 in 外婆家)
                    reading = list(_neutral()[piece])
                elif piece not in phrases and piece in _cedict_words():  # 华为 + 公司
                    reading = _cedict_words()[piece].split()
                else:
                    reading = [p[0] for p in phrases[piece]]
                if piece[-1] == "儿" and _neutral().get(piece, ("",))[-1] == "er":
                    reading[-1] = "er"  # 这 + 点儿: the erhua word's light er, wherever it stands
                segs.append(_Seg(piece, reading, source, "han", at, tag))
            elif piece_start == 0 and len(piece) == 1 and piece in _standalone() and len(word) > 1:
                # 长时间, 重工业: a lone first character before a known word reads as it does alone
                reading, sure = _standalone()[piece]
                segs.append(_Seg(piece, [reading], "project" if sure else "fallback", "han", at, tag))
            else:
                _plain_segs(piece, at, tag, segs)
            if piece_start + len(piece) >= 2 and piece[-1] == "儿" and segs[-1].pinyin and _neutral().get(word[piece_start + len(piece) - 2:piece_start + len(piece)], ("",))[-1] == "er":
                segs[-1].pinyin[-1] = "er"  # 这点儿, 早点儿 (unlisted): the 儿 of the erhua word 点儿, light
        return True


def _join_new_words(run: str, words: list[str], tags: list[str]) -> tuple[list[str], list[str]]:
    """Join runs of single characters into a word of `_new_words` (CC-CEDICT's, unknown to jieba's
    dictionary) where jieba's HMM cut of the same text has exactly that word at that place."""
    from pipeline.passes.pinyin.jiebadict import hmm_words
    from pipeline.passes.pinyin.nameclues import _NEVER_LAST

    new = _new_words()
    spans, at = {}, 0
    for word in hmm_words(run):
        if 2 <= len(word) <= 3 and word in new:
            spans[at] = len(word)
        elif len(word) == 3 and word[2] in _NEVER_LAST and word[:2] in new:
            spans[at] = 2  # 缪斯 + 是: the model glued on the next word, which no word ends in
        at += len(word)
    if not spans:
        return words, tags
    out_w, out_t, at, k = [], [], 0, 0
    while k < len(words):
        size = spans.get(at)
        if size and all(len(w) == 1 for w in words[k : k + size]) and k + size <= len(words):
            out_w.append(run[at : at + size])
            out_t.append("n")
            at += size
            k += size
            continue
        out_w.append(words[k])
        out_t.append(tags[k])
        at += len(words[k])
        k += 1
    return out_w, out_t


def _one_word(word: str) -> bool:
    """Whether a jieba word read in pieces stays one token: a word of two or three characters
    (开发者, 朋友圈, 三只, 切成) or a four-character idiom, unless jieba's dictionary has it only as a
    low-confidence entry (frequency 3: 角度看, 缺什么, 给我发) or as a verb phrase. Longer entries
    (紧急会议, 北京邮电大学) are compounds of words and keep their words apart."""
    from pipeline.passes.pinyin.jiebadict import tokenizer

    freq = tokenizer().FREQ.get(word, 0)
    tag = word_tag(word)
    if freq and freq <= 3:
        return False
    if len(word) <= 3:
        return not tag.startswith(("v", "l"))
    return len(word) == 4 and tag == "i"


def _cover(word: str, project, phrases) -> list[tuple[int, str, bool]]:
    """The word as (offset, piece, known) pieces: known sub-phrases covering as many characters as
    possible, in as few pieces as possible, the project's checked phrases before pypinyin's; on a
    tie the characters left over come first, since a Chinese compound puts its modifier before its
    head (盖 + 房子, 小 + 生意, not 盖房 + 子)."""
    n = len(word)
    maxlen = min(n, max(_max_project_len(), 8))
    # cost: (characters left over, pieces, runs of left-overs, pieces only pypinyin knows, offsets
    # of the left-overs); 婉转 + 动听 left over beats 婉 + 转动 + 听. State: (position, whether the
    # last step left a character over), so that runs are counted exactly.
    Cost = tuple[int, int, int, int, int]
    best: dict[tuple[int, bool], Cost] = {(0, False): (0, 0, 0, 0, 0)}
    back: dict[tuple[int, bool], tuple[int, bool]] = {}
    for i in range(n):
        for state in ((i, False), (i, True)):
            if state not in best:
                continue
            left, pieces, runs, unchecked, where = best[state]
            options = [((i + 1, True), (left + 1, pieces, runs + (0 if state[1] else 1), unchecked, where + i))]
            for j in range(i + 2, min(n, i + maxlen) + 1):
                if word[i:j] in project:
                    options.append(((j, False), (left, pieces + 1, runs, unchecked, where)))
                elif (word[i:j] in phrases or word[i:j] in _cedict_words()
                      or ((i == 0 or j - i == 2 and word[i] == word[i + 1]) and word[i:j] in _neutral())):
                    options.append(((j, False), (left, pieces + 1, runs, unchecked + 1, where)))
            for target, cost in options:
                if target not in best or cost < best[target]:
                    best[target], back[target] = cost, state
    end = min((s for s in ((n, False), (n, True)) if s in best), key=lambda s: best[s])
    cuts = []
    while end[0] > 0:
        cuts.append((back[end][0], end[0]))
        end = back[end]
    out: list[tuple[int, str, bool]] = []
    for i, j in reversed(cuts):
        piece = word[i:j]
        known = j - i > 1
        if not known and out and not out[-1][2]:
            out[-1] = (out[-1][0], out[-1][1] + piece, False)  # runs of left-over characters stay one piece
        else:
            out.append((i, piece, known))
    return out


# Characters of an unknown word read by their context rule wherever they stand in it: 过 (当过兵), and
# the verbs and measure words 种 行 重 (种粮 zhòng, 几行字 háng), which pypinyin's default reads zhǒng, xíng
_PART_RULED = {"过", "种", "行", "重"}
_DEGREE_PREFIX = set("很太挺真最更好")
_ONLY_AFTER = {"能", "好"}  # 只能, 只好: after a word ending in 只 (船只 + 能), 只 is "only"  # degree adverbs jieba's dictionary glues onto a word (很漂亮)


def _plain_segs(text: str, start: int, tag: str, segs: list[_Seg]) -> None:
    """Characters of an unknown word that no known piece covers: default readings, except a lone
    leftover the context rules know (周期长: 长; 下载量: 量) and 过 (当过兵: after a verb, guo)."""
    run = 0
    for k, char in enumerate(text + "\0"):
        if char == "\0" or char in _PART_RULED or (len(text) == 1 and (char in _RULES or char in _standalone())):
            if k > run:
                piece = text[run:k]
                segs.append(_Seg(piece, [_default(c) for c in piece], "phrase", "han", start + run, word_tag(piece) or tag))
            if char != "\0":
                segs.append(_Seg(char, None, "fallback", "part", start + k, tag))
            run = k + 1


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
    """Latin words, figures and marks, one segment each; a web address (as the typography pass
    finds it) and a mail address are one word, where the learner editions put word spaces
    between segments: 'https : / / www.' and 'press @example.com' were printed, to be copied wrong."""
    pos = 0
    for address in [*_urls(text), range(len(text), len(text))]:
        for m in _OTHER_TOKEN.finditer(text, pos, address.start):
            segs.append(_Seg(m.group(), None, "none", "other", start + m.start()))
        if address:
            segs.append(_Seg(text[address.start:address.stop], None, "none", "other", start + address.start))
        pos = address.stop
