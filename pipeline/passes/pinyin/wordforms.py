"""Word shapes the dictionaries do not list, read by their form: a measure word doubled after 一
(一只只), a one-syllable verb doubled as "have a go" (尝尝), AABB forms of a two-syllable word
(踏踏实实), a verb + 过 that is no dictionary word (去过). Apart from `segmentation`, which cuts the
text and asks these when a word is none of the lexicons'."""

from __future__ import annotations

from pipeline.passes.pinyin.jiebadict import word_tag
from pipeline.passes.pinyin.tables import _Seg, _aabb_words, _default, _guo_words, _neutral, _phrases_dict, _project, _tone
from pipeline.passes.pinyin.wordrules import REDUPLICATING_VERBS

# measure words read one way only as measure words (一行行, 一只只, 一场场)
_MEASURE_READINGS = {"行": "háng", "只": "zhī", "种": "zhǒng", "场": "chǎng", "卷": "juàn", "处": "chù", "重": "chóng"}


def _one_measure_doubled(segs: list[_Seg]) -> None:
    """一 + a measure word doubled that jieba cuts 一X + X (一只 + 只海鸥): the second X is the same
    measure word, read as in 一行行 and 一只只."""
    for i in range(1, len(segs)):
        a, b = segs[i - 1], segs[i]
        unit = b.text[:1]
        doubled = a.text == "一" + unit or (a.text == "一" and i >= 2 and segs[i - 2].text == "一" + unit)
        if (doubled and len(b.text) == 2 and b.text[1] == "地" and b.kind == "han" and b.pinyin
                and len(b.pinyin) == 2):
            # 一遍 + 遍地 (jieba's "everywhere"), 一本 + 一 + 本地 ("local"): 一遍遍 / 一本一本 + 地 de
            b.pinyin[1], b.source = "de", "project"
            continue
        if len(b.text) != 1 or b.text not in _MEASURE_READINGS or b.kind != "han" or not b.pinyin or not a.pinyin:
            continue
        m = _MEASURE_READINGS[b.text]
        if a.text == "一" + b.text:
            a.pinyin[1], b.pinyin[0], b.source = m, m, "project"
        elif a.text == b.text and i >= 2 and segs[i - 2].text == "一":
            a.pinyin[0], b.pinyin[0], a.source, b.source = m, m, "project", "project"


def _is_verb_tag(tag: str) -> bool:
    return tag.startswith("v")


# One-syllable verbs whose doubled form is an adverb or a noun, in full tones (死死地, 活活, 通通,
# 包包, 拜拜): not the tentative "have a go".
_NOT_TENTATIVE = set("死活通断生呆急端环松亮怪花包拜哼横空白稳牢紧满足整默暗深乖呼哗嘻等连处往频纷闪")


def _is_reduplicated_verb(word: str) -> bool:
    """AA of a one-syllable verb that doubles as "have a go" (尝尝, 听听, 养养, 晒晒; see
    `rules.REDUPLICATING_VERBS`, or any verb of jieba's dictionary but those whose doubled form is
    an adverb or a noun), when the pair is no word of the lexicons (看看 is, light already)."""
    if len(word) != 2 or word[0] != word[1]:
        return False
    if word[0] in REDUPLICATING_VERBS:
        return True
    # jieba's dictionary lists the doubled form itself as an adverb or a state word (偷偷, 悄悄 ...)
    return word_tag(word[0]).startswith("v") and word[0] not in _NOT_TENTATIVE and not word_tag(word).startswith(("d", "z"))


def _aabb(word: str) -> tuple[str, ...] | None:
    """AABB of a two-syllable word AB (踏踏实实 from 踏实, 清清楚楚 from 清楚): A and B as the word has
    them, with a light syllable given its full tone back (the norm reads AABB forms in full tones)."""
    if len(word) != 4 or word[0] != word[1] or word[2] != word[3] or word[0] == word[2]:
        return None
    if word in _aabb_words():  # 马马虎虎 mǎmǎhūhū: CC-CEDICT's form (马虎's 虎 is light: hǔ would be wrong)
        return _aabb_words()[word]
    base = word[0] + word[2]
    reading = _project().get(base) or _neutral().get(base)
    if reading is None and base in _phrases_dict():
        reading = tuple(p[0] for p in _phrases_dict()[base])
    if reading is None or len(reading) != 2:
        return None
    a, b = (r if _tone(r) != 5 else _default(c) for r, c in zip(reading, base))
    return (a, a, b, b)


def _aspect_guo(word: str) -> bool:
    """A verb + 过 that is no word of CC-CEDICT's (去过, 吃过, 当过): the aspect particle guo, which
    the rules read; 经过, 通过, 穿过, 超过 … are words, read as the lexicons have them."""
    if len(word) < 2 or word[-1] != "过" or word in _project():
        return False
    return word not in _guo_words() and _is_verb_tag(word_tag(word[:-1]))


# A number written in Chinese numerals, digit by digit or with its place words (二〇一九年, 一九九〇年,
# 二零二五, 三百六十五): jieba cuts it into characters (二 + 〇 + 一 + 九年), and the learner editions put
# a word space, where a line may break, between the pieces ('二 〇 一' ⏎ '九年'). Its digits, and one
# unit closing it (年, 月, 日, 号), are one word, as a figure in Arabic digits is one.
NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿")
NUMBER_UNITS = frozenset("年月日号")


def _numeral_word(text: str, last: bool) -> bool:
    """Whether `text` is numerals only; as the number's last piece, also with its unit (九年) or
    the unit alone (一九九〇 + 年)."""
    if last and text[-1:] in NUMBER_UNITS:
        text = text[:-1]
        return all(char in NUMERALS for char in text)
    return bool(text) and all(char in NUMERALS for char in text)


def numbers_kept_whole(segs: list[_Seg]) -> None:
    """Adjacent Han segments that are pieces of one number (all numerals; the last may end in a
    unit) share a group, so they come out as one token. A segment already part of a word read
    in pieces keeps that word; nothing but Han segments joins (2019 + 年 is a figure and its unit)."""
    i, n = 0, len(segs)
    while i < n:
        j = i
        while (j < n and segs[j].kind == "han" and not segs[j].group and segs[j].pinyin
               and _numeral_word(segs[j].text, last=False)):
            j += 1
        if j < n and j > i and segs[j].kind == "han" and not segs[j].group and _numeral_word(segs[j].text, last=True):
            j += 1  # (the last piece, with its unit: 九年)
        if j - i >= 2:
            for seg in segs[i:j]:
                seg.group = -(i + 1)  # (negative: never a dictionary word's number)
        i = max(j, i + 1)
