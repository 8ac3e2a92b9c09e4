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

from pipeline.passes.pinyin.jiebadict import hmm_words, known, tokenizer, word_tag
from pipeline.passes.pinyin.context import _TITLES
from pipeline.passes.pinyin.tables import (
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
_COMMON = 100
# Words after which a verb is far likelier than a name (在种玉米, 正在盖房子, 要查清楚)
_BEFORE_VERBS = {
    "在", "正在", "正", "要", "会", "能", "想", "去", "来", "得", "都", "也", "就", "还", "再", "又", "不",
    "没", "别", "快", "先", "刚", "才", "已", "已经", "把", "被", "将", "可以", "应该", "需要", "开始",
}  # a given-name part jieba knows as another word this often is that word (房子)


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
    given = name[len(surname):]
    if not given:
        return False
    tag = word_tag(given)
    if len(given) > 1 and tag and tag not in _GIVEN_TAGS and tokenizer().FREQ.get(given, 0) >= _COMMON:
        return False
    return True


def _name_can_start_after(before: str | None) -> bool:
    """Where a surname standing alone can begin a name: at the start, after a noun (记者, 教练), a
    conjunction or a preposition; not after a verb, adverb or aspect particle (忙着种玉米)."""
    if before is None:
        return True
    if before in _BEFORE_VERBS:
        return False
    tag = word_tag(before)
    return tag.startswith("n") or tag in ("vn", "c", "p", "t", "s", "f")


def _given_like(word: str) -> bool:
    """A word that can be a given name: unknown to jieba's dictionary, or listed there as a name."""
    return (len(word) == 2 and not known(word)) or (len(word) <= 2 and word_tag(word) in _GIVEN_TAGS)


def find_names(run: str) -> list[tuple[int, str]]:
    """(offset, name) of the person names in a run of Han text: three-character words jieba's model
    makes of characters its dictionary leaves single (单晓峰), or names its dictionary lists
    (翟志刚), that start with a surname; or a lone surname followed by a two-character given name
    the dictionary does not know, or knows as a name (黄 + 少华). Two-character unknown words are
    not taken (种满, 重达 are verbs, not names)."""
    if not any(c in _triggers() for c in run):
        return []
    words = hmm_words(run)
    found, offset = [], 0
    for k, word in enumerate(words):
        candidate = None
        if len(word) == 4 and not known(word) and word[3] in _ENCLITIC:
            word = word[:3]  # 朴正浩是: the model glued the next word's first character on
        if _surname_of(word) and ((len(word) == 3 and not known(word)) or (2 <= len(word) <= 3 and word_tag(word) in _NAME_TAGS)):
            candidate = word
        elif len(word) == 1 and word in _surnames() and k + 1 < len(words) and _given_like(words[k + 1]):
            if _name_can_start_after(words[k - 1] if k else None):
                candidate = word + words[k + 1]
        if candidate and _plausible(candidate):
            if not found or found[-1][0] + len(found[-1][1]) <= offset:
                found.append((offset, candidate))
        offset += len(words[k])
    return found
