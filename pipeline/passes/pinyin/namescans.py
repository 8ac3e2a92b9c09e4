"""The later scans of a run for person names that jieba's statistical model cut apart or left
undecided, each from a clue in the context: an item of an enumeration (单长江、区小红), a name beside
another one (单增刚和曾长明), a speaker before a verb of saying (单宏伟说), a name after a conjunction or
a preposition of persons (和查亮一起), a name that ends the clause (作者是解静, 名叫单长水), the names
jieba's part-of-speech model tags (曾敏、单勇) and a name after a word for a person's role (村医区重华).

`names.find_names` runs them in turn after its first scan; each takes the names found so far and
returns them with its own added, never overlapping one found before.
"""

from __future__ import annotations

import itertools

from pipeline.passes.pinyin.context import _SHORT_TITLES, _TITLES
from pipeline.passes.pinyin.jiebadict import known, posseg_words, tokenizer, word_tag
from pipeline.passes.pinyin.nameclues import (
    _ADVERB_FIRST,
    _ENCLITIC,
    _FUNCTION_TAGS,
    _NAME_TAGS,
    _NEVER_GIVEN_TAGS,
    _NEVER_LAST,
    _PERSON_VERBS,
    _RARE_WORD,
    _ROLE_SUFFIX,
    _VERY_COMMON,
    _NAME_FIRST_FUNCTION,
    _given_after_role,
    _listed_given,
    _name_can_start_after,
    _overlaps,
    _plausible,
    _role_before,
    _triggers,
    _word,
)
from pipeline.passes.pinyin.tables import _default, _is_han, _name_chars, _phrase_reading, _surnames


_COUNTS = set("两二三四五六七八九十几等")  # 仇建国、仇建军两兄弟, 曾红、查丽等人


def starts(words: list[str]) -> list[int]:
    """Where each word starts in the run the words make (the scans compare names by offset)."""
    return [0, *itertools.accumulate(len(word) for word in words)][:len(words)]


def _listed_names(words: list[str], found: list[tuple[int, str]], listed: tuple[bool, bool]) -> list[tuple[int, str]]:
    """Items of an enumeration of people (单长江、区小红两位代表; 名单上有曾红、查丽): a surname read its own
    way standing alone and a one- or two-character given name, that end the run before 、 or begin it
    after 、 (then followed by the end, a count or 和). The given name may be a word that names often
    are (a place, a time, an adjective: 长江, 国庆, 宏伟) or a rare noun, not a common noun (查 + 数据、),
    a verb, a function word or a title."""
    if not any(listed):
        return found
    spans = starts(words)
    run = "".join(words)
    picks = []  # (index of the word the surname begins, the surname, its given name)
    if listed[1] and len(words) >= 2:
        picks.append((len(words) - 2, words[-2], words[-1]))  # ... 曾 + 红 、
        if len(run) - 3 in spans and len(words[-1]) < 3 and not known(run[-3:-1]):  # ... 单重 + 远 、: a given name cut
            k = spans.index(len(run) - 3)
            picks.append((k, run[-3], run[-2:]))
    if listed[0] and len(words) >= 2:
        nxt = words[2] if len(words) > 2 else ""
        if not nxt or nxt[0] in _COUNTS or nxt in ("和", "与", "及", "以及"):
            picks.append((0, words[0], words[1]))  # 、 仇 + 建军 两兄弟
    extra = []
    for k, surname, given in picks:
        if len(surname) != 1 or surname not in _surnames() or surname not in _triggers() or not 1 <= len(given) <= 2:
            continue
        if _overlaps(found + extra, spans[k], 1 + len(given)) or not all(_is_han(c) for c in given):
            continue
        if not _listed_given(given):
            continue
        if k and not (_name_can_start_after(words[k - 1]) or words[k - 1] in ("有", "包括", "还有", "以及")):
            continue  # 名单上有曾红、查丽: 有 + the first item of the list
        extra.append((spans[k], surname + given))
    return sorted(found + extra) if extra else found


def _beside_a_name(words: list[str], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A name joined to another by 和/与/及/跟 (单增刚和曾长明是…): a surname read its own way standing
    alone and a given name after the conjunction, before a verb, an adverb, 是 or the end, is the
    second name."""
    ends = {o + len(n) for o, n in found}
    split, offset = [], 0
    for word in words:
        if (len(word) == 2 and word[0] in "和与及跟同" and offset in ends and word[1] in _surnames()
                and word[1] in _triggers()):
            split += [word[0], word[1]]  # 仇晓光 + 和解 + 明远: the model's 和解 "reconcile", cut
        else:
            split.append(word)
        offset += len(word)
    words = split
    extra, offset = [], 0
    for k, word in enumerate(words):
        start = offset
        offset += len(word)
        if word not in ("和", "与", "及", "跟", "同") or start not in ends or k + 2 >= len(words):
            continue
        surname, given = words[k + 1], words[k + 2]
        if len(surname) != 1 or surname not in _surnames() or surname not in _triggers() or not _listed_given(given):
            continue
        if _overlaps(found, offset, 1 + len(given)):
            continue  # already read as (part of) a name
        after = words[k + 3] if k + 3 < len(words) else ""
        if after and not (after in ("是", "说", "都", "也", "在", "的") or word_tag(after).startswith(("v", "d"))):
            continue
        extra.append((offset, surname + given))
    return sorted(found + extra) if extra else found


# Verbs of saying: what stands before them, where a name can begin, is the speaker (单宏伟说)
_SPEECH = {
    "说", "表示", "认为", "告诉", "介绍", "指出", "回答", "建议", "坦言", "透露", "强调", "解释", "回忆",
    "笑着说", "感慨", "补充", "提醒",
}
_INSTITUTION_END = set("院局委府厅部所馆站处校会队组办司科室厂店社团组")


# A verb this rare as a word of jieba's dictionary (觉民 3, 还乡 92) is a given name between a surname
# read its own way and a verb of saying (解觉民说, 区还乡说), where no one says the verb itself
_RARE_VERB = 100


def strong_reading(surname: str) -> bool:
    """A one-character surname whose surname reading is not the character's default (解 Xiè, 区 Ōu)."""
    return surname in _surnames() and _surnames()[surname][0] != _default(surname)


def _before_speech(words: list[str], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A surname read its own way standing alone, then a word of two characters, then a verb of saying
    (单宏伟说, 仇建军说, 单长江建议, 单宏伟还说): the speaker, even where the given name is a word of the
    dictionary (宏伟, 建军, 长江). Where a name can begin only (at the start, after a noun, a
    conjunction or a verb of persons), not a function word or a verb as the given name, not an
    institution (区法院表示); a one-character given name only at the start (曾红说)."""
    first = words[0] if words else ""
    if len(first) == 2 and not known(first) and first[0] in _surnames() and len(words) > 1 and words[1] in _SPEECH:
        words = [first[0], first[1], *words[1:]]  # 曾红 + 说 at the start: the model's unknown word, cut
    for k in range(len(words) - 2):
        glued = words[k]
        if (len(glued) == 2 and glued[0] in _LINKING | {"据"} and glued[1] in _surnames() and glued[1] in _triggers()
                and words[k + 2] in _SPEECH and 1 <= len(words[k + 1]) <= 2):
            words = [*words[:k], glued[0], glued[1], *words[k + 1 :]]  # 据 + 单 + 宏亮 + 介绍: the model's 据单, cut
            break
    extra, offset = [], 0
    for k, word in enumerate(words):
        start = offset
        offset += len(word)
        if len(word) != 1 or word not in _surnames() or word not in _triggers() or k + 2 >= len(words):
            continue
        given, after = words[k + 1], words[k + 2]
        if _overlaps(found, start, 1 + len(given)):
            continue
        if after in ("还", "也", "又", "就", "则", "却") and k + 3 < len(words):
            after = words[k + 3]
        kin = after == "的" and k + 3 < len(words) and words[k + 3] in _KIN  # 仇大海的女儿: whose daughter
        if (after not in _SPEECH and not kin) or not all(_is_han(c) for c in given) or not 1 <= len(given) <= 2:
            continue
        if len(given) == 1 and k:
            continue
        tag = word_tag(given)
        rare_verb = tag.startswith("v") and len(given) == 2 and tokenizer().FREQ.get(given, 0) < _RARE_VERB and strong_reading(word)
        if given in _TITLES or (tag.startswith(_FUNCTION_TAGS + ("v",)) and not rare_verb) or given[-1] in _INSTITUTION_END or given[-1] in _NEVER_LAST:
            continue  # (a verb rare as a word, 觉民, after a surname read its own way, 解, is a given name: 解觉民说)
        if given[-1] == "长" and tag not in _NAME_TAGS:
            continue  # 贾 + 行长, 隗 + 馆长: a head's title (X长 zhǎng)
        if k and not _name_can_start_after(words[k - 1]):
            continue
        extra.append((start, word + given))
    return sorted(found + extra) if extra else found


# A person's kin and household after 的: what stands before them, where a name can begin, is a person
# (仇大海的女儿, 单长江的妻子), even where the given name is a word of the dictionary (大海, 长江)
_KIN = {
    "女儿", "儿子", "妻子", "丈夫", "爱人", "父亲", "母亲", "爸爸", "妈妈", "孩子", "孙子", "孙女", "哥哥",
    "姐姐", "弟弟", "妹妹", "老伴", "家人", "儿女", "子女", "外孙", "外孙女", "女婿", "儿媳", "媳妇", "徒弟",
    "学生", "同事", "邻居", "老婆", "太太", "夫人", "侄子", "侄女", "后人", "父母",
}
# Conjunctions and prepositions after which a person is named (和查亮一起, 由查丽主持, 与解红合作)
_LINKING = {"和", "与", "跟", "同", "及", "由", "向", "对", "被", "把", "让", "给", "请", "叫", "替", "陪"}


def _after_linking_word(words: list[str], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A surname read its own way and a one-character given name that the model joined into an
    unknown word (查亮, or 由查丽 with the preposition glued on) right after a conjunction or a
    preposition of persons, and before a verb, an adverb or a pause: 和查亮一起去, 由查丽主持."""
    extra, offset = [], 0
    for k, word in enumerate(words):
        start = offset
        offset += len(word)
        if known(word) or any(o <= start < o + len(n) for o, n in found):
            continue
        if len(word) == 3 and word[0] in _LINKING:
            name, at, before = word[1:], start + 1, word[0]
        elif len(word) == 2 and k:
            name, at, before = word, start, words[k - 1]
        else:
            continue
        if before not in _LINKING or name[0] not in _triggers() or name[0] not in _surnames() or known(name):
            continue
        given = name[1]
        if given in _ENCLITIC or given in _NEVER_LAST or (known(given) and word_tag(given).startswith(_NEVER_GIVEN_TAGS)):
            continue
        after = words[k + 1] if k + 1 < len(words) else ""
        if after and not word_tag(after).startswith(("v", "d", "p", "c")) and after not in ("一起", "一同", "一道"):
            continue
        extra.append((at, name))
    return sorted(found + extra) if extra else found


# What follows them is a name: 名叫单长水, a speaker naming himself (我叫曾重光，…), a person named (老师傅叫单长春，)
_NAMING_VERBS = ("名叫", "叫做", "名字叫", "取名", "取名叫", "署名", "叫", "我姓")


def _clause_final_name(run: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A surname read its own way and a one-character given name that end the clause after 是, 了
    or a verb whose object is a person (作者是解静, 交给了查文), or a surname and a one- or
    two-character given name after 名叫 or 叫 (名叫单长水, 那位老师傅叫单长春，): the name is what the clause
    ends on (not a word: 叫单车)."""
    for size in (1, 2):
        k = len(run) - size - 1
        if k < 1 or run[k] not in _triggers() or run[k] not in _surnames() or any(o <= k < o + len(n) for o, n in found):
            continue
        given, before = run[k + 1:], run[:k]
        naming = before.endswith(_NAMING_VERBS)
        if size == 2 and not naming:
            continue
        if known(run[k:]) or known(run[k:k + 2]) or any(c in _ENCLITIC or c in _NEVER_LAST for c in given):
            continue
        if any(known(c) and word_tag(c).startswith(_FUNCTION_TAGS + (() if naming else ("v",))) for c in given):
            continue
        if naming or before.endswith(("是", "了")) or any(before.endswith(v) for v in _PERSON_VERBS if len(v) > 1):
            if _plausible(run[k:]) or naming:
                return sorted(found + [(k, run[k:])])
    return found


def _tagged_names(run: str, words: list[str], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Names jieba's part-of-speech model (posseg's HMM) tags as names where the model above left
    a surname undecided: 曾敏、单勇 (a one-character given name), 查强说. Asked only where a surname
    read its own way stands alone or begins an unknown word outside the names found so far (inside
    a dictionary word the model is never asked either), so most text never loads it."""
    taken = [range(o, o + len(n)) for o, n in found]
    offset, undecided = 0, False
    for k, word in enumerate(words):
        # not a function word or verb inside a clause; at its start one that is no very common word
        # alone (曾建民作了发言; not 都, 能, 过)
        lone = len(word) == 1 and (not word_tag(word).startswith(_FUNCTION_TAGS + ("v",))
                                   or (k == 0 and tokenizer().FREQ.get(word, 0) < _VERY_COMMON))
        # a lone surname, or one that begins an unknown word (曾敏) or ends one (由区 + 永红)
        if (lone or (len(word) > 1 and not known(word))) and any(
                c in _triggers() and c in _surnames() and not any(offset + j in r for r in taken)
                for j, c in enumerate(word) if j in (0, len(word) - 1) and not (j and word_tag(c).startswith(("v", "d")))):
            undecided = True
            break
        offset += len(word)
    if not undecided:
        return found
    extra = []
    for offset, word, tag in posseg_words(run):
        if tag not in _NAME_TAGS or not 2 <= len(word) <= 3 or word[0] not in _triggers():
            continue
        if any(offset in r or offset + len(word) - 1 in r for r in taken) or not _plausible(word):
            continue
        extra.append((offset, word))
    return sorted(found + extra) if extra else found


def _after_roles(run: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Names the statistical model cut apart (仇长 + 明带, 种 + 长江, 村医区 + 重华): after a word for a
    person's role (`_role_before`), a surname read in its own way (`_triggers`) and a two-character
    given name (`_given_after_role`) make a name, unless surname and given name begin a word (曾经,
    查看, 相信, 任务 …)."""
    taken = [range(o, o + len(n)) for o, n in found]
    extra = []
    for i, char in enumerate(run[:-2]):
        if char not in _triggers() or char not in _surnames() or any(i in r or i + 2 in r for r in taken):
            continue
        if not _role_before(run, i) or (i and known(run[i - 1:i + 1]) and _role_before(run, i + 1)):
            continue  # (人员 + 有: 员 ends the role's word, it begins no name; not 老兵 + 种为民, 兵种)
        given = run[i + 1:i + 3]
        if char in _ADVERB_FIRST or _word(run[i:i + 2]) or known(run[i:i + 3]) or not _given_after_role(given, char):
            continue
        if word_tag(char).startswith(("d", "p", "c", "u")) and word_tag(given[0]).startswith(("v", "d", "z")):
            continue  # 医生曾带过: an adverb (曾) before a verb, not a surname
        extra.append((i, run[i:i + 3]))
        taken.append(range(i, i + 3))
    return sorted(found + extra)


# What closes an address that stands as a clause of its own (单长乐，你过来; 老区，你家的牛…)
_ADDRESS_AFTER = set("，,！!")
# What may stand before it: the start of the text, a sentence's end, a quotation's start, a colon or comma
_ADDRESS_BEFORE = {"", "。", "！", "？", "!", "?", "“", "\"", "「", "『", "：", ":", "，", ",", "…"}
_ADDRESS_GIVEN_TAGS = ("nr", "nrfg", "nrt", "nz", "ns", "t")  # 长乐, 重阳: given names that are names, places, times


_PRONOUN_CHARS = set("我你您他她它")
# Who is spoken to after an address (曾还乡，你的狗…; 单长乐，您…)
_SECOND_PERSON = ("你", "您")


def address(run: str, before: str, after: str, then: str = "") -> list[tuple[int, str]]:
    """A run of Han text that is a clause of its own before a comma, and reads as a person addressed:
    老/小 + a surname read its own way (小解，老区，: not "urinate", "old base area"), or such a surname
    and a given name that is no word or only a name, a place or a time (单长乐，查重阳！). Vocatives;
    a word of the dictionary or a verb and its object (查资料，盖被子，) are not taken."""
    if after not in _ADDRESS_AFTER or before not in _ADDRESS_BEFORE or not 2 <= len(run) <= 3:
        return []
    surname, given = (run[1], "") if run[0] in "老小" and len(run) == 2 else (run[0], run[1:])
    if surname not in _surnames() or surname not in _triggers():
        return []
    if not given:
        return [(0, run)]
    if len(given) != 2 or known(run) or given in _TITLES or given[-1] in _NEVER_LAST | _PRONOUN_CHARS or surname in _ADVERB_FIRST:
        return []  # (都怪我，…: an adverb, a verb and its object)
    if not known(given) or word_tag(given).startswith(_ADDRESS_GIVEN_TAGS):
        return [(0, run)]
    if then.startswith(_SECOND_PERSON) and word_tag(given).startswith("v") and tokenizer().FREQ.get(given, 0) < _RARE_WORD:
        return [(0, run)]  # 曾还乡，你…; 曾觉远，你…: a rare verb as the given name of whom "you" then addresses
        # (not a verb and its object: 盖被子，你…)
    return []


# What follows a name that begins its clause (区长河是…, 单行远在…, 单行远说…)
_AFTER_OPENING_NAME = {"是", "在", "说", "也", "便", "和", "与", "曾", "今年", "昨天", "表示", "认为"}
# Adverbs that follow a clause's subject (解乐乐还小, 查重阳已经走了)
_AFTER_SUBJECT = {"还", "都", "就", "已经", "又", "正在", "一直", "从小", "早就"}
# The tags of a character that ends a given name (远, 明: adjectives; 河: a place; 义: a bound noun)
_GIVEN_END_TAGS = ("a", "ns", "ng", "nr", "nz")
# Characters that often end a given name though jieba tags them otherwise (生 v, 之 u: 区长生, 单行之)
_GIVEN_END_CHARS = set("生之")


def _opening_name(words: list[str], found: list[tuple[int, str]], run: str = "") -> list[tuple[int, str]]:
    """A name that begins the clause, or follows a role (馆长 + 单行 + 之 + 认为), where the model made a
    word of the surname and the given name's first character: see `_opening_at`."""
    found = _opening_at(words, found, 0, 0)
    if run:
        spans = starts(words)
        for k in range(1, len(words) - 2):
            if _role_before(run, spans[k]) and words[k][:1] in _surnames():
                found = _opening_at(words[k:], found, spans[k], k)
    return found


def _opening_at(words: list[str], found: list[tuple[int, str]], at: int, k: int) -> list[tuple[int, str]]:
    """A name at offset `at` (word `k`) where the model made a word of the surname and the given name's
    first character (区长 + 河是, 单行 + 远 + 在): the word's first character is a surname read its own
    way and its second a given-name character (长 cháng, 行 xíng, 重 chóng), and the character after it,
    which can end a given name, is followed by what follows a person (是, 在, 说) or by a title
    (区长 + 生 + 大夫). Not a verb after the word (区长笑了), nor a common noun (区长家在)."""
    if len(words) < 3 or (k == 0 and found and found[0][0] < 3) or (k and _overlaps(found, at, 3)):
        return found
    head, nxt = words[0], words[1]
    if len(head) == 1 and head in _surnames() and head in _triggers() and len(nxt) == 2 \
            and words[2] in _AFTER_OPENING_NAME | _AFTER_SUBJECT and _given_after_role(nxt, head) \
            and nxt not in _TITLES and not (nxt[-1] == "长" and word_tag(nxt) not in _NAME_TAGS):  # (仇 + 行长说: a title)
        return sorted(found + [(at, head + nxt)])  # 查 + 重阳 + 是, 解 + 乐乐 + 还: a lone surname opens the clause
    if len(head) != 2 or not known(head) or head[0] not in _surnames() or head[0] not in _triggers() \
            or head[1] not in _name_chars():
        return found
    if len(nxt) == 1 and len(words) > 2 and (words[2] in _AFTER_OPENING_NAME | _AFTER_SUBJECT or (words[2] in _TITLES and words[2] not in _SHORT_TITLES
                                                and nxt not in _surnames())):
        last = nxt
    elif len(nxt) == 2 and not known(nxt) and nxt[1] in _AFTER_OPENING_NAME:
        last = nxt[0]  # 区长 + 河是: the model glued the next word's first character on
    else:
        return found
    if not _is_han(last) or not (word_tag(last).startswith(_GIVEN_END_TAGS) or last in _GIVEN_END_CHARS) or known(head + last):
        return found
    if last == "长" and known(head[1] + last) and _phrase_reading(head[1] + last)[-1:] == ("zhǎng",):
        return found  # 单行 + 长说: the surname and a head's title (单 + 行长), read by `wordrules`
    return sorted(found + [(at, head + last)])


# Words after which a clause's subject, often a person, follows (要不是曾长江拦住了车, 多亏单长林)
# Nouns that follow a name as its apposition (盖为民老人, 仇建国同志)
_AFTER_NAME = {"的", "老人", "同志", "老汉", "大爷", "大妈", "大姐", "大哥", "本人", "一家", "夫妇"}
_BEFORE_SUBJECT = {"要不是", "要是", "如果", "假如", "幸亏", "多亏", "多亏了", "幸好", "除了", "包括", "只有", "就连", "连",
                   # verbs whose object is a clause with its own subject (听说华长顺要卖房, 没想到查重阳也来了)
                   "听说", "据说", "没想到", "想不到", "只见", "看见", "看到"}


# Verbs whose object is a person (交给那重阳, 见到查长江): a surname and a word-like given name after them
_TO_PERSON = {"交给", "送给", "借给", "发给", "卖给", "留给", "递给", "告诉", "通知", "采访", "邀请", "遇到", "碰到",
              "见到", "找到", "遇见", "认识", "介绍", "感谢", "拜访", "联系"}
# Verbs of talking before 到/起 + a person (说到盖重远，, 提起单长河，)
_TALKING = {"说", "提", "谈", "讲", "聊", "问"}
_TALKED_OF = {"说到", "提到", "提起", "谈到", "讲到", "聊到", "说起", "谈起", "讲起", "聊起"}
# Prepositions a subject takes before its verb (要不是解为民把车拦住, 幸亏曾长江被…)
_SUBJECT_PREPOSITIONS = {"把", "被", "给", "从", "对", "向", "跟", "替", "带"}


def _placed_name(run: str, words: list[str], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A surname read its own way standing alone and a two-character word the dictionary knows as
    something else (长江, 长生, 重阳, 为民) make a name where the place in the clause says a person
    stands there: after a word for a person's role (老兵查长河, 家属查为先), after a conjunction that
    a subject follows (要不是曾长江), at the start of the clause before a verb, an adverb, a time or
    的 (仇长生每年…, 种长河的网店), or ending the clause after 的 or 是 (读过书的曾乐平，队长是解长征。).
    The given name must pass `_given_after_role`; a name jieba's model made of that word alone with
    another surname (乐平 Yuè) gives way."""
    spans = starts(words)
    extra = []
    for k, surname in enumerate(words[:-1]):
        given = words[k + 1]
        if (len(surname) != 1 or surname not in _surnames() or surname not in _triggers() or surname in _ADVERB_FIRST
                or len(given) != 2 or given in _TITLES or (given[-1] == "长" and word_tag(given) not in _NAME_TAGS)):
            continue
        start = spans[k]
        if any(o != start + 1 or n != given for o, n in found if o < start + 3 and start < o + len(n)):
            continue  # overlaps a name found before, other than the given name read alone (曾 + 乐平)
        prev = words[k - 1] if k else ""
        after = words[k + 2] if k + 2 < len(words) else ""
        ends = not after
        titled = after in _TITLES and after not in _SHORT_TITLES  # 铁路局的单长河工程师: a title names a person
        if not (k == 0 or titled or _role_before(run, start) or prev in _BEFORE_SUBJECT or prev in _TO_PERSON
                or (ends and (prev in ("的", "是") or word_tag(prev).startswith("t")))
                or (ends and (prev in _TALKED_OF or (prev in ("到", "起") and k >= 2 and words[k - 2] in _TALKING)))):
            continue  # (周二解重阳: a roll of names by day); 说到盖重远，: whom one talks of
        if not (ends or after in _AFTER_OPENING_NAME | _AFTER_SUBJECT | _AFTER_NAME | _TITLES
                or word_tag(after).startswith(("v", "d", "t", "p", "c", "l")) or after[:1] == "每"
                or (prev in _BEFORE_SUBJECT and after in _SUBJECT_PREPOSITIONS)):
            continue
        if word_tag(surname).startswith(("d", "p", "c", "u")) and (given[0] in _NAME_FIRST_FUNCTION or not ends and k == 0):
            continue  # 曾为民办事, 曾长期在…: the adverb 曾 before a verb, no surname
        spoken = (_role_before(run, start) and word_tag(given).startswith("v") and tokenizer().FREQ.get(given, 0) < _RARE_WORD
                  and (after in _SPEECH or word_tag(after).startswith("t") or after[:1] == "每"))
        if not (_given_after_role(given, surname) or (k and _listed_given(given)) or spoken):
            continue  # inside the clause, given names that are words as in a list (长征, 长江); after a role,
            # a rare verb before a verb of saying or a time (老板曾还乡说, 老板曾还乡每天…: no verb follows 还乡 so)
        extra.append((start, surname + given))
    if not extra:
        return found
    taken = {o + 1 for o, _ in extra}
    return sorted([f for f in found if f[0] not in taken] + extra)


def _glued_speaker(run: str, words: list[str], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A speaker's name the model cut into a word and the rest (仇家 + 明说, 快递员仇家 + 乐说, 区长 + 明 + 说):
    a rare word of the dictionary that begins with a surname read its own way (仇家 "enemy", 区长), then
    the given name's last character glued onto 说 or standing before a verb of saying, where a name can
    begin. A common word (单位 + 明说 "the unit said plainly") stays a word."""
    spans = starts(words)
    extra = []
    for k, word in enumerate(words[:-1]):
        nxt = words[k + 1]
        if (len(word) != 2 or not known(word) or word[0] not in _surnames() or word[0] not in _triggers()
                or tokenizer().FREQ.get(word, 0) >= _RARE_WORD or word_tag(word[1]).startswith(("u", "p", "c", "r", "y", "e"))):
            continue
        if len(nxt) == 2 and nxt[1] == "说":
            last = nxt[0]
        elif len(nxt) == 1 and k + 2 < len(words) and words[k + 2] in _SPEECH:
            last = nxt
        else:
            continue
        if (not _is_han(last) or last in _ENCLITIC or last in _NEVER_LAST or known(word + last)
                or (known(last) and word_tag(last).startswith(_FUNCTION_TAGS + ("v",)))):
            continue
        prev = words[k - 1] if k else None
        if not (prev is None or prev in _ROLE_SUFFIX or _role_before(run, spans[k]) or _name_can_start_after(prev)):
            continue
        if _overlaps(found + extra, spans[k], 3):
            continue
        extra.append((spans[k], word + last))
    return sorted(found + extra) if extra else found
