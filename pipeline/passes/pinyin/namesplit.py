"""A name whose given name jieba's model cut into single characters (杨 + 还 + 珠, 冼 + 还 + 春, 任行 +
之, 折 + 还 + 春开): the given name's first character is one that names read their own way (还 huán,
行 xíng, 乐 lè: `data/pinyin_name_chars.txt`), so read as the adverb or the verb it is everywhere
else (还 hái) the learner sees a wrong syllable where the name is plain to a reader.

`names.find_names` runs this scan after the others; it adds names, never overlapping one found before.
"""

from __future__ import annotations

from pipeline.passes.pinyin.jiebadict import known, tagged, word_tag
from pipeline.passes.pinyin.nameclues import (
    _ENCLITIC,
    _NEVER_LAST,
    _name_can_start_after,
    _overlaps,
    _role_before,
    _triggers,
    strong_surname,
)
from pipeline.passes.pinyin.namescans import _AFTER_OPENING_NAME, _AFTER_SUBJECT, _COUNTS, _GIVEN_END_CHARS, _LINKING, starts
from pipeline.passes.pinyin.tables import _default, _is_han, _name_chars, _surnames, is_polyphonic

# jieba's tags of a character that ends such a given name: a bound noun (珠 ng, 春 tg), a name, a place,
# a noun; an adjective (远, 平) too, but not after 还, where an adjective is what the adverb qualifies
# (老王还好吗: "still well")
_END_TAGS = ("ng", "tg", "nr", "ns", "nz", "g", "n")
# What may follow the name: a verb, an adverb, a preposition, a conjunction or an adjective used as an
# adverb (杨还珠提前…, 任行之认识…, 杨还珠连续…)
_NEXT_TAGS = ("v", "d", "p", "c", "a")


def _first_given(char: str) -> bool:
    """A character read more than one way whose reading in names is listed (还 huán, 行 xíng, 乐 lè,
    长 cháng)."""
    reading = _name_chars().get(char)
    if reading is None or word_tag(char).startswith(("c", "p", "u")):
        return False  # 单和查: 和 joins two people
    return reading != _default(char) or is_polyphonic(char)


def _last_given(char: str, first: str) -> bool:
    if not _is_han(char) or char in _ENCLITIC or char in _NEVER_LAST:
        return False
    if char in _GIVEN_END_CHARS or not known(char):
        return True
    tag = word_tag(char)
    return tag.startswith(_END_TAGS) or (tag.startswith("a") and first != "还")


def split_given(run: str, words: list[str], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A surname standing alone (one that is read its own way, or no everyday word: 杨, 冼), a
    character names read their own way and a character that ends given names, which together make
    no word (杨还 + 珠, 还珠, 任行), where a name can begin (the clause's start, after a role, a
    preposition of persons or a noun) and ends (the clause's end, or a verb, an adverb, a
    preposition, 的 or 是/在 next)."""
    spans = starts(words)
    extra: list[tuple[int, str]] = []
    for k, word in enumerate(words):
        i = spans[k]
        surname = word[0]
        if not (len(word) == 1 or (len(word) == 2 and not known(word))):
            continue  # a lone surname, or one the model glued to the given name's first character (任行 + 之)
        if surname not in _surnames() or not (surname in _triggers() or strong_surname(surname)):
            continue
        if i + 3 > len(run) or not _first_given(run[i + 1]):
            continue
        if not (_last_given(run[i + 2], run[i + 1]) or (run[i + 2] == "和" and i + 3 == len(run))):
            continue  # (种乐和 ending the clause: 和 ends the given name, it joins nothing)
        given = run[i + 1:i + 3]
        if known(run[i:i + 2]) or known(run[i:i + 3]) or _overlaps(found + extra, i, 3):
            continue
        if known(given) and word_tag(given) not in ("nr", "nrfg"):
            continue  # 还是, 行李, 行长, 长城: a word, no given name (the other scans weigh such words)
        prev = words[k - 1] if k else None
        if not (prev is None or prev in _LINKING or _role_before(run, i) or _name_can_start_after(prev)):
            continue
        rest = run[i + 3:]
        if rest:
            after = tagged(rest)  # (the dictionary's words of the rest: the model may have glued 之 + 学过)
            nxt, tag = after[0]
            aspect = len(after) > 1 and after[1][0] in ("了", "过", "着")  # 学 (n in jieba) + 过: a verb all the same
            counted = nxt[:1] in _COUNTS  # the last of a list, then its count: 、解行之三位老人
            if not (nxt in _AFTER_OPENING_NAME | _AFTER_SUBJECT or nxt == "的" or tag.startswith(_NEXT_TAGS) or aspect or counted):
                continue
        extra.append((i, run[i:i + 3]))
    return sorted(found + extra) if extra else found
