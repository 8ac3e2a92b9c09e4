"""Person names: the surname read as a surname (曾 zēng, 单 shàn, 区 ōu …), the given name from the
given-name table, and 肖总/单老师 forms that keep the surname's reading before a title.

Names come from the title (speakers, authors: always right) and from running text, where jieba's
statistical model (HMM) joins characters its dictionary leaves single into unknown words, names
among them (记者单晓峰报道, 曾国强说). A proposal is only taken when it starts with a listed surname,
is two or three characters long, is no word of the lexicons, and its given-name part is no common
word (盖房子 is not 盖 Gě + 房子).
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.passes.pinyin.jiebadict import hmm_words, known, posseg_words, tokenizer, word_tag
from pipeline.passes.pinyin.context import _TITLES
from pipeline.passes.pinyin.tables import (
    _new_words,
    _default,
    _is_han,
    _lexicon,
    _name_chars,
    _phrase_reading,
    _project,
    _surnames,
)

_NAME_TAGS = ("nr", "nrfg", "nrt")
_GIVEN_TAGS = ("nr", "nrfg", "nrt", "nz")
_ENCLITIC = set("是在和的了说也就都对把被给向从跟与")  # one-character words that follow a name
_NEVER_LAST = set("是的了说也就把被给跟着过吗呢吧")  # ... and that never end a given name
_COMMON = 100
# Words after which a verb is far likelier than a name (在种玉米, 正在盖房子, 要查清楚)
_BEFORE_VERBS = {
    "在", "正在", "正", "要", "会", "能", "想", "去", "来", "得", "都", "也", "就", "还", "再", "又", "不",
    "没", "别", "快", "先", "刚", "才", "已", "已经", "把", "被", "将", "可以", "应该", "需要", "开始",
}  # a given-name part jieba knows as another word this often is that word (房子)
# Verbs whose object is often a person: a lone surname after them begins a name (问区永康, 交给朴美玲)
_PERSON_VERBS = {
    "问", "叫", "请", "派", "找", "给", "让", "陪", "送", "帮", "教", "告诉", "通知", "采访", "邀请", "遇到",
    "碰到", "见到", "找到", "遇见", "看见", "交给", "送给", "借给", "发给", "嫁给", "卖给", "留给", "佩服",
    "感谢", "谢谢", "拜访", "联系", "认识", "支持", "推荐", "介绍", "表扬", "批评", "祝贺", "称赞", "等",
    "姓", "叫做", "名叫", "是",
}


def name_reading(name: str) -> tuple[str, ...]:
    han = "".join(c for c in name if _is_han(c))
    project = _project()
    if han in project:
        return project[han]
    chars = _name_chars()
    if han != name or len(han) < 2:  # pseudonym or foreign name with Latin, dots …: no surname logic
        return tuple(chars.get(c, _default(c)) for c in han)
    surnames = _surnames()
    if len(han) >= 3 and han[:2] in surnames:
        surname, given = han[:2], han[2:]
    else:
        surname, given = han[:1], han[1:]
    reading = surnames.get(surname) or tuple(_default(c) for c in surname)
    if given in project and len(given) >= 2:
        given_reading = project[given]
    else:
        given_reading = tuple(chars.get(c, _default(c)) for c in given)
    return tuple(reading) + tuple(given_reading)


def add_title_forms(name: str, fixed: dict[str, tuple[tuple[str, ...], str]]) -> None:
    """肖总, 单老师 …: a polyphonic surname followed by a title keeps its surname reading."""
    han = "".join(c for c in name if _is_han(c))
    if han != name or len(han) < 2:
        return
    surname = han[:2] if len(han) >= 3 and han[:2] in _surnames() else han[:1]
    reading = _surnames().get(surname)
    if not reading or reading == tuple(_default(c) for c in surname):
        return
    for title in _TITLES:
        word = surname + title
        if word not in fixed:
            title_reading = _phrase_reading(title)
            fixed[word] = (tuple(reading) + title_reading, "name")


@lru_cache(maxsize=None)
def _triggers() -> frozenset[str]:
    """Characters that make finding names worth it: surnames with a reading of their own (曾 zēng)
    or read more than one way (贾 jiǎ/gǔ), given-name characters whose name reading is not the
    everyday one (少 shào)."""
    from pipeline.passes.pinyin.tables import is_polyphonic

    surnames = {s[0] for s, r in _surnames().items() if len(s) == 1 and (r[0] != _default(s) or is_polyphonic(s))}
    given = {c for c, r in _name_chars().items() if r != _default(c)}
    return frozenset(surnames | given)


def _surname_of(name: str) -> str | None:
    if len(name) >= 3 and name[:2] in _surnames():
        return name[:2]
    return name[:1] if name[:1] in _surnames() else None


def _plausible(name: str) -> bool:
    surname = _surname_of(name)
    if surname is None or not 2 <= len(name) <= 3 or name in _project() or name in _lexicon():
        return False
    if len(name) == 2 and name in _new_words() and _new_words()[name].split()[0] != _surnames().get(surname, ("",))[0]:
        return False  # 缪斯 Miùsī: a word of CC-CEDICT's read otherwise, not Miào + 斯
    given = name[len(surname):]
    if not given or given in _TITLES:
        return False  # 缪师傅, 翟大夫: surname + title (jieba tags 师傅 a name)
    if len(given) == 1 and word_tag(given).startswith(("p", "u", "c", "y", "e")):
        return False  # 华为 (jieba: a name): 为 is a preposition, no given name
    if given in ("子", "儿"):
        return False  # 胡子, 李子, 燕子 (jieba: names): the noun suffix, no given name
    tag = word_tag(given)
    common = _RARE_WORD if strong_surname(surname) else _COMMON
    if len(given) > 1 and tag and tag not in _GIVEN_TAGS and tokenizer().FREQ.get(given, 0) >= common:
        return False
    return True


def _name_can_start_after(before: str | None) -> bool:
    """Where a surname standing alone can begin a name: at the start, after a noun (记者, 教练), a
    conjunction or a preposition, the aspect particle 了 (见到了查静怡) or a verb whose object is a
    person (问, 请, 交给); not after another verb or an adverb (忙着种玉米, 正在盖房子)."""
    if before is None:
        return True
    if before in _BEFORE_VERBS:
        return False
    if before in _PERSON_VERBS or before == "了":
        return True
    tag = word_tag(before)
    return tag.startswith("n") or tag in ("vn", "c", "p", "t", "s", "f")


def _given_like(word: str, surname: str = "") -> bool:
    """A word that can be a given name: unknown to jieba's dictionary, or listed there as a name or
    as a rare place name (广明, 长乐: place names and given names share their characters)."""
    if len(word) == 2 and not known(word):
        return True
    tag = word_tag(word)
    if not word or len(word) > 2 or not all(_is_han(c) for c in word) or word[-1] in _NEVER_LAST:
        return False
    if tag in _GIVEN_TAGS:
        return True
    # a rare noun-like word (立新, 海生, 广明: given names are often rare words), after a surname that
    # is no function word itself (都, 曾, 过 + a rare verb: 脸都涨红了)
    if surname and word_tag(surname).startswith(("d", "u", "p", "c", "v")):
        return False
    return (len(word) == 2 and tokenizer().FREQ.get(word, 0) < _COMMON
            and not tag.startswith(_NEVER_GIVEN_TAGS + ("v", "a")))


# jieba's tags of words that are never a given name (particles, prepositions, pronouns, numerals …)
_FUNCTION_TAGS = ("u", "p", "c", "r", "m", "q", "f", "y", "e", "o", "x", "d")
_NEVER_GIVEN_TAGS = ("u", "p", "c", "r", "m", "q", "f", "y", "e", "o", "x")
_VERY_COMMON = 50000  # jieba's frequency of 都, 能, 过 alone (曾 29107, 解 5923)
_RARE_WORD = 1000  # a known word rarer than this can be a given name after an unmistakable surname


@lru_cache(maxsize=None)
def strong_surname(char: str) -> bool:
    """A surname that is no everyday word on its own (缪, 覃, 翟, 朴, 刘, 王 …: jieba's dictionary
    tags the lone character as a name or a bound morpheme): standing alone, it begins a name."""
    return char in _surnames() and len(char) == 1 and word_tag(char) in ("nr", "zg", "ng", "g")


def _given_after_strong(word: str) -> bool:
    """After an unmistakable surname, a two-character given name may be a rare word of the
    dictionary too (建军, 长顺, 长乐): not a title, a function word, a common word or a word ending
    in a particle (长得)."""
    if len(word) != 2 or not all(_is_han(c) for c in word) or word in _TITLES or word[-1] in "的地得着了过们":
        return False
    if word[-1] == "长" and word_tag(word) not in _NAME_TAGS:
        return False  # 贾 + 行长, 刘 + 村长: a head's title (X长 zhǎng), not a given name
    if not known(word):
        return True
    tag = word_tag(word)
    return not tag.startswith(_FUNCTION_TAGS + ("v",)) and tokenizer().FREQ.get(word, 0) < _RARE_WORD


def _begins_name(words: list[str], k: int) -> bool:
    """words[k] is an unmistakable surname and a given name follows it (孙女 + 翟 + 佳佳): it is not the
    last character of the word before it."""
    return strong_surname(words[k]) and k + 1 < len(words) and _given_after_strong(words[k + 1])


def _verb_not_name(words: list[str], k: int) -> bool:
    """A two-character word jieba's dictionary tags a name (单飞 "go solo", freq 29, is one) is no name
    where no name can stand: after an adverb (一直单飞), after 了 that follows no verb of persons
    (决定了单飞; not 交给了单勇), or before a time or place word (单飞以后)."""
    word = words[k]
    if len(word) != 2 or not known(word):
        return False
    prev = words[k - 1] if k else ""
    before = words[k - 2] if k > 1 else ""
    nxt = words[k + 1] if k + 1 < len(words) else ""
    if nxt and word_tag(nxt).startswith(("f", "t")):
        return True
    if prev and word_tag(prev).startswith("d"):
        return True
    return prev == "了" and before not in _PERSON_VERBS


def _name_char(char: str) -> bool:
    """A single character that is a name in jieba's dictionary (晖, 娟) or no word of it at all."""
    return _is_han(char) and char not in _ENCLITIC and (not known(char) or word_tag(char) in ("nr", "nrfg"))


def find_names(run: str, listed: tuple[bool, bool] = (False, False)) -> list[tuple[int, str]]:
    """(offset, name) of the person names in a run of Han text, from jieba's statistical model's
    words (HMM), which joins characters its dictionary leaves single into unknown words:

    - a three-character unknown word, or a word its dictionary lists as a name, that starts with a
      surname (单晓峰, 翟志刚);
    - a lone surname followed by a two-character given name the dictionary does not know, or knows
      as a name (黄 + 少华), where a name can begin (not after a verb: 在 + 种 + 玉米);
    - a lone surname that is no everyday word (缪, 朴, 刘: `strong_surname`) followed by a rare
      two-character word (缪 + 建军, 刘 + 长顺, 朴 + 长乐), wherever it stands;
    - a two-character word that starts with a surname followed by a character that is only a name
      (王朝 + 晖, 宋朝 + 晖).

    Two-character unknown words are not taken (种满, 重达 are verbs, not names)."""
    if not any(c in _triggers() for c in run):
        return []
    words = hmm_words(run)
    found, offset = [], 0
    for k, word in enumerate(words):
        candidate = None
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if (len(word) == 4 and not known(word) and word[0] in _PERSON_VERBS and word[1] in _surnames()
                and word[1] in _triggers() and _plausible(word[1:])):
            if not found or found[-1][0] + len(found[-1][1]) <= offset + 1:
                found.append((offset + 1, word[1:]))  # 问 + 查晓光: the model glued the verb on
            offset += len(word)
            continue
        if len(word) == 4 and not known(word) and word[3] in _ENCLITIC:
            word = word[:3]  # 朴正浩是: the model glued the next word's first character on
        if len(word) == 2 and word in _surnames() and nxt and _compound_given(nxt):
            candidate = word + nxt  # 尉迟 + 长风: a compound surname is never a word of its own here
        elif len(word) == 3 and word[2] in _NEVER_LAST and not known(word):
            pass  # 缪斯是: a word (缪斯 the Muses) and the next word; no given name ends in 是
        elif _surname_of(word) and ((len(word) == 3 and not known(word)) or (2 <= len(word) <= 3 and word_tag(word) in _NAME_TAGS)):
            candidate = word if not _verb_not_name(words, k) else None
            if candidate and len(word) == 2 and len(nxt) == 1 and _name_char(nxt) and not _begins_name(words, k + 1):
                candidate = word + nxt  # 王朝/nr + 晖/nr
        elif len(word) == 1 and word in _surnames() and nxt:
            if strong_surname(word) and _given_after_strong(nxt):
                candidate = word + nxt
            elif _given_like(nxt, word) and _name_can_start_after(words[k - 1] if k else None):
                candidate = word + nxt
        elif len(word) == 2 and word[0] in _surnames() and known(word) and len(nxt) == 1 and _name_char(nxt) and not _begins_name(words, k + 1):
            candidate = word + nxt  # 宋朝 + 晖: the dynasty is no name, 晖 is only one (not 孙女 + 翟佳佳)
        elif (len(word) == 2 and not known(word) and word[1] in _surnames() and word[0] in _PERSON_VERBS | {"和", "跟", "与", "同"}
              and _given_like(nxt, word[1])):
            if _plausible(word[1] + nxt) and (not found or found[-1][0] + len(found[-1][1]) <= offset + 1):
                found.append((offset + 1, word[1] + nxt))  # 请单 + 小雨: the model glued the verb on
            offset += len(words[k])
            continue
        if candidate and len(candidate) == 3 and k and _after_measure(words[k - 1]):
            candidate = None  # 这趟 + 车人少: after a demonstrative and a measure word comes a noun
        if candidate and (_plausible(candidate) or (len(candidate) > 3 and candidate[:2] in _surnames())):
            if not found or found[-1][0] + len(found[-1][1]) <= offset:
                found.append((offset, candidate))
        offset += len(words[k])
    found = _after_linking_word(words, found)
    found = _before_speech(words, found)
    found = _listed_names(words, found, listed)
    found = _beside_a_name(words, found)
    return _after_roles(run, _clause_final_name(run, _tagged_names(run, words, found)))


_LIST_TAGS = ("nr", "nrfg", "nrt", "nz", "ns", "t", "a")  # given names that are words: 长江, 建国, 国庆, 宏伟
_COUNTS = set("两二三四五六七八九十几等")  # 仇建国、仇建军两兄弟, 曾红、查丽等人


def _listed_names(words: list[str], found: list[tuple[int, str]], listed: tuple[bool, bool]) -> list[tuple[int, str]]:
    """Items of an enumeration of people (单长江、区小红两位代表; 名单上有曾红、查丽): a surname read its own
    way standing alone and a one- or two-character given name, that end the run before 、 or begin it
    after 、 (then followed by the end, a count or 和). The given name may be a word that names often
    are (a place, a time, an adjective: 长江, 国庆, 宏伟) or a rare noun, not a common noun (查 + 数据、),
    a verb, a function word or a title."""
    if not any(listed):
        return found
    spans, offset = [], 0
    for word in words:
        spans.append(offset)
        offset += len(word)
    picks = []
    if listed[1] and len(words) >= 2:
        picks.append(len(words) - 2)  # ... 曾 + 红 、
    if listed[0] and len(words) >= 2:
        nxt = words[2] if len(words) > 2 else ""
        if not nxt or nxt[0] in _COUNTS or nxt in ("和", "与", "及", "以及"):
            picks.append(0)  # 、 仇 + 建军 两兄弟
    extra = []
    for k in picks:
        surname, given = words[k], words[k + 1]
        if len(surname) != 1 or surname not in _surnames() or surname not in _triggers() or not 1 <= len(given) <= 2:
            continue
        if _overlaps(found, spans[k], 1 + len(given)) or not all(_is_han(c) for c in given):
            continue
        if not _listed_given(given):
            continue
        if k and not (_name_can_start_after(words[k - 1]) or words[k - 1] in ("有", "包括", "还有", "以及")):
            continue  # 名单上有曾红、查丽: 有 + the first item of the list
        extra.append((spans[k], surname + given))
    return sorted(found + extra) if extra else found


def _overlaps(found: list[tuple[int, str]], start: int, size: int) -> bool:
    return any(o < start + size and start < o + len(n) for o, n in found)


def _listed_given(given: str) -> bool:
    """A given name of a listed person: not a title, a head's title X长 or a word ending in a particle;
    a word of the dictionary only if names often are such words (a place, a time, an adjective: 长江,
    国庆, 宏伟) or it is a rare noun (not 数据, 房子)."""
    if not 1 <= len(given) <= 2 or not all(_is_han(c) for c in given):
        return False
    tag = word_tag(given)
    if given in _TITLES or given[-1] in _NEVER_LAST or (given[-1] == "长" and tag not in _NAME_TAGS):
        return False
    return not known(given) or tag in _LIST_TAGS or (tag.startswith("n") and tokenizer().FREQ.get(given, 0) < _RARE_WORD)


def _beside_a_name(words: list[str], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A name joined to another by 和/与/及/跟 (单增刚和曾长明是…): a surname read its own way standing
    alone and a given name after the conjunction, before a verb, an adverb, 是 or the end, is the
    second name."""
    ends = {o + len(n) for o, n in found}
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
        if after not in _SPEECH or not all(_is_han(c) for c in given) or not 1 <= len(given) <= 2:
            continue
        if len(given) == 1 and k:
            continue
        tag = word_tag(given)
        if given in _TITLES or tag.startswith(_FUNCTION_TAGS + ("v",)) or given[-1] in _INSTITUTION_END or given[-1] in _NEVER_LAST:
            continue
        if given[-1] == "长" and tag not in _NAME_TAGS:
            continue  # 贾 + 行长, 隗 + 馆长: a head's title (X长 zhǎng)
        if k and not _name_can_start_after(words[k - 1]):
            continue
        extra.append((start, word + given))
    return sorted(found + extra) if extra else found


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


_NAMING_VERBS = ("名叫", "叫做", "名字叫", "取名", "取名叫", "署名")  # what follows them is a name


def _clause_final_name(run: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A surname read its own way and a one-character given name that end the clause after 是, 了
    or a verb whose object is a person (作者是解静, 交给了查文), or a surname and a one- or
    two-character given name after 名叫 (名叫单长水): the name is what the clause ends on."""
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


# Last characters of the nouns for a person's role, trade or relation that stand before a name in
# news copy (养蜂人, 值班医生, 校长, 种植大户, 村医, 同事, 摊主, 教练, 队员)
_ROLE_END = set("人员师生长主户手医者家工事友官警匠农民客妻夫兄弟姐妹叔姨娘婶")
# roles whose last character is no role ending (会计 is no 计划), and roles jieba's dictionary tags
# as verbs (站长, 组长, 镇长 …)
_ROLE_WORDS = {
    "会计", "出纳", "司机", "保安", "秘书", "支书", "导游", "翻译", "裁判", "教练", "保姆", "厨子", "摊贩",
    "村医", "队医", "军医", "站长", "组长", "镇长", "处长", "连长", "排长",
}
_ADVERB_FIRST = {"都"}  # a surname far rarer than the adverb after a subject (年轻人都快住不起了)
_NOT_ROLES = {"大家", "人家", "国家", "全家", "自家", "老家", "东家", "公家", "亲家", "大伙", "人人", "别人", "他人", "众人", "有人", "没人"}
_MEASURE_END = set("个只条张本把头匹件位名家台辆架座栋棵株朵片块根支首篇部场次回遍趟顿阵种类层排批群套双对副份间所门节段句章页封颗粒杯碗瓶盒包袋")


def _after_measure(word: str) -> bool:
    """这趟, 一辆, 每位: a demonstrative or numeral and a measure word; a noun follows, not a name."""
    from pipeline.passes.pinyin.context import _DEMONSTRATIVE, _NUMERAL

    return len(word) >= 2 and word[-1] in _MEASURE_END and all(c in _NUMERAL or c in _DEMONSTRATIVE for c in word[:-1])


def _compound_given(word: str) -> bool:
    """A one- or two-character given name after a compound surname (尉迟 + 长风, 欧阳 + 乐天): any
    content word but a common one, a function word or one ending in a particle."""
    if not 1 <= len(word) <= 2 or not all(_is_han(c) for c in word) or word[-1] in _NEVER_LAST | _ENCLITIC:
        return False
    tag = word_tag(word)
    if tag.startswith(_FUNCTION_TAGS + ("v",)):
        return False
    return len(word) == 2 and (not known(word) or tag in _GIVEN_TAGS or tokenizer().FREQ.get(word, 0) < _RARE_WORD)


def _role_before(run: str, i: int) -> bool:
    """A word of jieba's dictionary ending just before offset i that names a person's role (医生,
    校长, 种植大户, 养蜂人, 同事, 村医): in news copy a name follows it."""
    for size in (4, 3, 2):
        if i >= size:
            word = run[i - size:i]
            if word in _NOT_ROLES:
                return False
            if word in _TITLES or word in _ROLE_WORDS or (word[-1] in _ROLE_END and known(word) and (word_tag(word).startswith("n") or word[-1] in "手员师者")):
                return True
            if size == 2 and word[-1] in _ROLE_END and all(_is_han(c) for c in word) and not known(word) \
                    and known(word[-1]) and word_tag(word[-1]).startswith("n"):
                return True  # 村医, 果农: a bound role word jieba's dictionary does not list
    return False


def _given_after_role(given: str, surname: str = "") -> bool:
    """Two characters that can be a given name after a surname in a role position: no particle,
    function word or numeral among them, and as a word unknown, a name or place, or rare (less
    rare after a surname that is a noun on its own, 仇 + 建平, than after one that is a verb, where
    种 + 小麦 is likelier a verb and its object)."""
    if len(given) != 2 or not all(_is_han(c) for c in given) or given[-1] in _NEVER_LAST:
        return False
    for c in given:
        if c in _ENCLITIC or c in "的地得着了过们一二三四五六七八九十百千万几两这那每":
            return False
        if known(c) and word_tag(c).startswith(("p", "u", "c", "r", "m", "q", "y", "e")):
            return False
    if not known(given):
        return True
    tag = word_tag(given)
    if tag.startswith("ns"):
        return True  # 长江, 长河: place names and given names share their words
    if tag in _NAME_TAGS:
        return tokenizer().FREQ.get(given, 0) < _RARE_WORD  # 玉米 is tagged a name too
    rare = _RARE_WORD if surname and word_tag(surname).startswith("n") else _COMMON
    return not tag.startswith(_FUNCTION_TAGS + ("v", "a")) and tokenizer().FREQ.get(given, 0) < rare


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
        if not _role_before(run, i):
            continue
        given = run[i + 1:i + 3]
        if char in _ADVERB_FIRST or known(run[i:i + 2]) or known(run[i:i + 3]) or not _given_after_role(given, char):
            continue
        if word_tag(char).startswith(("d", "p", "c", "u")) and word_tag(given[0]).startswith(("v", "d", "z")):
            continue  # 医生曾带过: an adverb (曾) before a verb, not a surname
        extra.append((i, run[i:i + 3]))
        taken.append(range(i, i + 3))
    return sorted(found + extra)
