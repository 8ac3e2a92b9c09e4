"""Person names: the surname read as a surname (曾 zēng, 单 shàn, 区 ōu …), the given name from the
given-name table, and 肖总/单老师 forms that keep the surname's reading before a title.

Names come from the title (speakers, authors: always right) and from running text, where jieba's
statistical model (HMM) joins characters its dictionary leaves single into unknown words, names
among them (记者单晓峰报道, 曾国强说). A proposal is only taken when it starts with a listed surname,
is two or three characters long, is no word of the lexicons, and its given-name part is no common
word (盖房子 is not 盖 Gě + 房子).

This module holds the readings of names and `find_names`, the first scan over the model's words;
what a surname, a given name and the words around a name look like is in `nameclues`, and the
later scans that find the names the model cut apart from their context (a list, a verb of saying,
a role) are in `namescans`; a given name the model cut into single characters (杨 + 还 + 珠) is
found by `namesplit`.
"""

from __future__ import annotations

from pipeline.passes.pinyin.context import _TITLES
from pipeline.passes.pinyin.jiebadict import hmm_words, known, word_tag
from pipeline.passes.pinyin.nameclues import (
    _ADVERB_FIRST,
    _ENCLITIC,
    _NAME_TAGS,
    _NEVER_LAST,
    _PERSON_VERBS,
    _ROLE_SUFFIX,
    _after_measure,
    _compound_given,
    _given_after_strong,
    _given_like,
    _name_can_start_after,
    _name_char,
    _plausible,
    _surname_of,
    _triggers,
    strong_surname,
)
from pipeline.passes.pinyin.namescans import (
    _after_linking_word,
    _after_roles,
    _before_speech,
    _beside_a_name,
    _clause_final_name,
    _listed_names,
    _glued_speaker,
    _opening_name,
    _placed_name,
    _tagged_names,
)
from pipeline.passes.pinyin.nameparallel import before_title
from pipeline.passes.pinyin.namesplit import split_given
from pipeline.passes.pinyin.tables import _default, _is_han, _name_chars, _phrase_reading, _project, _surnames

# `lonesurname` imports this from here, beside `strong_surname` and `_PERSON_VERBS`
from pipeline.passes.pinyin.nameclues import _BEFORE_VERBS  # noqa: F401


def name_reading(name: str) -> tuple[str, ...]:
    han = "".join(c for c in name if _is_han(c))
    project = _project()
    if han in project:
        return project[han]
    chars = _name_chars()
    if han != name or len(han) < 2:  # pseudonym or foreign name with Latin, dots …: no surname logic
        return tuple(chars.get(c, _default(c)) for c in han)
    surnames = _surnames()
    if len(han) == 2 and han[0] in "老小" and han[1] in surnames:
        return (_default(han[0]), *surnames[han[1]])  # 老区 Ōu, 小解 Xiè: an address by the surname
    if han in surnames:
        return tuple(surnames[han])  # a compound surname alone, before a title (长孙先生): Zhǎngsūn
    if len(han) >= 3 and han[:2] in surnames:
        surname, given = han[:2], han[2:]
    else:
        surname, given = han[:1], han[1:]
    reading = surnames.get(surname) or tuple(_default(c) for c in surname)
    return tuple(reading) + given_reading(given)


# A given name's 为 is wèi "for" before whom one serves (为民, 为国, 为公, 为群), wéi "be, act as"
# before anything else (为珍, 为善, 为先); a name's 发 is fā "prosper", never the 发 fà of hair that
# the word 长发 has
_WEI_FOR = set("民国公群众家党华农工乡人")
_NAME_ONLY = {"发": "fā"}
_CHAO_BEFORE = set("东南西北宗圣贡")


def given_reading(given: str) -> tuple[str, ...]:
    """The given name's syllables: the project's reading of a given name that is a word there, else
    each character from the given-name table (长 cháng, 乐 lè, 行 xíng, 朝 zhāo "morning": 朝晖,
    朝霞), but 朝 cháo "face, pay court to" before a direction or what one pays court to (朝东, 朝宗)."""
    project, chars = _project(), _name_chars()
    if given in project and len(given) >= 2:
        out = list(project[given])
    else:
        out = [chars.get(c, _default(c)) for c in given]
    for k, char in enumerate(given):
        if char == "为":
            out[k] = "wèi" if given[k + 1:k + 2] and given[k + 1] in _WEI_FOR else "wéi"
        elif char == "朝" and given[k + 1:k + 2] and given[k + 1] in _CHAO_BEFORE:
            out[k] = "cháo"
        elif char in _NAME_ONLY:
            out[k] = _NAME_ONLY[char]
    return tuple(out)


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
    found, offset, skip = [], 0, -1
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
        if (len(word) == 1 and k and word in _ROLE_SUFFIX and words[k - 1][-1:] and _is_han(words[k - 1][-1])
                and len(nxt) == 2 and nxt[0] in _surnames() and nxt[0] in _triggers() and _plausible(nxt)
                and (not found or found[-1][0] + len(found[-1][1]) <= offset + 1)):
            found.append((offset + 1, nxt))  # 快递 + 员 + 朴明: 员 ends the role (快递员), 朴明 is the name
            skip = k + 1
            offset += len(word)
            continue
        if k == skip or (len(word) == 1 and k and word in _ROLE_SUFFIX and words[k - 1][-1:] and _is_han(words[k - 1][-1])
                         and nxt[:1] in _surnames() and nxt[:1] in _triggers()):
            offset += len(word)  # (快递 + 员 + 仇家: 员 ends the role, no surname Yùn; a later scan reads the name)
            continue
        if len(word) == 2 and word in _surnames() and nxt and _compound_given(nxt):
            candidate = word + nxt  # 尉迟 + 长风: a compound surname is never a word of its own here

        elif len(word) == 3 and word[2] in _NEVER_LAST and not known(word):
            pass  # 缪斯是: a word (缪斯 the Muses) and the next word; no given name ends in 是
        elif len(word) == 2 and word_tag(word) == "nrt":
            pass  # 盖亚, 盖茨: jieba tags a transliterated name nrt; its characters are read as sounds (Gài)
        elif _surname_of(word) and ((len(word) == 3 and not known(word)) or (2 <= len(word) <= 3 and word_tag(word) in _NAME_TAGS)):
            candidate = word if not _verb_not_name(words, k) else None
            if candidate and len(word) == 2 and len(nxt) == 1 and _name_char(nxt) and not _begins_name(words, k + 1):
                candidate = word + nxt  # 王朝/nr + 晖/nr
        elif len(word) == 1 and word in _surnames() and nxt:
            if strong_surname(word) and _given_after_strong(nxt):
                candidate = word + nxt
            elif _given_like(nxt, word) and _name_can_start_after(words[k - 1] if k else None):
                candidate = word + nxt
            elif (k and words[k - 1] == "的" and len(nxt) == 2 and word_tag(nxt) in _NAME_TAGS
                  and not word_tag(word).startswith(("d", "u", "p", "c"))):
                candidate = word + nxt  # 打工的单 + 红梅: after 的, a word jieba lists as a given name
        elif len(word) == 2 and word[0] in _surnames() and known(word) and len(nxt) == 1 and _name_char(nxt) and not _begins_name(words, k + 1):
            candidate = word + nxt  # 宋朝 + 晖: the dynasty is no name, 晖 is only one (not 孙女 + 翟佳佳)
        elif (len(word) == 2 and not known(word) and word[1] in _surnames() and word[0] in _PERSON_VERBS | {"和", "跟", "与", "同", "有"}
              and _given_like(nxt, word[1])):
            if _plausible(word[1] + nxt) and (not found or found[-1][0] + len(found[-1][1]) <= offset + 1):
                found.append((offset + 1, word[1] + nxt))  # 请单 + 小雨, 人员有员 + 长风: the model glued the verb on
            offset += len(words[k])
            continue
        if candidate and len(candidate) == 3 and k and _after_measure(words[k - 1]):
            candidate = None  # 这趟 + 车人少: after a demonstrative and a measure word comes a noun
        if (candidate and candidate[0] in _ADVERB_FIRST and k and words[k - 1] not in _PERSON_VERBS
                and not word_tag(words[k - 1]).startswith(("p", "c"))):
            candidate = None  # 的人 + 都 + 爱来, 平时 + 都 + 干些: after its subject or a time, the adverb
        if candidate and (_plausible(candidate) or (len(candidate) > 3 and candidate[:2] in _surnames())):
            if not found or found[-1][0] + len(found[-1][1]) <= offset:
                found.append((offset, candidate))
        offset += len(words[k])
    found = _opening_name(words, found, run)
    found = _placed_name(run, words, found)
    found = _after_linking_word(words, found)
    found = _before_speech(words, found)
    found = _glued_speaker(run, words, found)
    found = _listed_names(words, found, listed)
    found = _beside_a_name(words, found)
    found = split_given(run, words, found)
    return _compound_surname(run, before_title(run, _after_roles(run, _clause_final_name(run, _tagged_names(run, words, found)))))


def _compound_surname(run: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A name jieba knows (孙传芳) after the first character of a compound surname (长 + 孙传芳) at the
    run's start or after no word ending in it (队长孙传芳: 队长 is the word): 长孙 + the given name."""
    out = []
    for at, name in found:
        compound = run[at - 1:at] + name[:1]
        if (at >= 1 and len(compound) == 2 and compound in _surnames() and not any(o + len(n) > at - 1 for o, n in out if o < at)
                and (at == 1 or not known(run[at - 2:at]))):
            out.append((at - 1, compound + name[1:]))
        else:
            out.append((at, name))
    return out
