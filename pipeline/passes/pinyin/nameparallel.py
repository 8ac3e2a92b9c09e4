"""Names in parallel: the items of one enumeration of people are alike. Where one item of a list
(单长庚、曾乐天、区觉民; 查乐平和仇行远; 朴成浩和盖长江在…) is a name the scans of `names` found, another
item that is a surname read its own way and a given name is a name too, even where the given name
is a word of the dictionary the scans do not trust alone (觉民 "awaken the people", 长顺 a place,
区长 + 顺 cut by the model). The evidence is the list, so the rule looks at a whole stretch of text,
across the enumeration commas that cut it into runs; `segmentation` calls it after the scans of
each run.

An item is what lies between two separators: 、 or a conjunction (和 与 及) outside a name already
found, or a run's edge at other punctuation. An item of two to four characters is taken whole; a
longer one only at the end that touches a separator (…的作者是单传明、: its last three characters;
、解朝露姐妹俩…: its first three), so a clause never lends its words to a name. Two items that are
each a surname and a given name show each other (解长乐和查朝阳昨天…).

`before_title` is the same kind of evidence from the other side: a title after three characters
(曾朝晖教授, 盖立新老师) or after a compound surname (长孙先生) shows a person.
"""

from __future__ import annotations

from pipeline.passes.pinyin.context import _TITLES
from pipeline.passes.pinyin.jiebadict import known, tokenizer, word_tag
from pipeline.passes.pinyin.nameclues import (
    _ENCLITIC,
    _FUNCTION_TAGS,
    _LIST_TAGS,
    _NAME_TAGS,
    _RARE_WORD,
    _triggers,
    _word,
    strong_surname,
)
from pipeline.passes.pinyin.tables import _is_han, _surnames

_CONJUNCTIONS = set("和与及")
# characters that never stand in a given name: particles, pronoun and numeral heads
_NEVER_IN_GIVEN = set("的地着了过们吗呢吧是在这那每几两一")
# numerals stand in a given name only inside a word of the dictionary that is no number (重九, 三宝)
_NUMERALS = set("二三四五六七八九十百千万")
# a dictionary word this frequent is that word, not a given name (区 + 法院, 查 + 资料), unless names
# often are such words (a place, a time, an adjective: 长江, 国庆, 宏伟)
_COMMON_WORD = 3000
_SAYING = set("说讲问")


def _surname_at(text: str) -> str:
    """The surname read its own way that `text` begins with ('' if none): a compound one first."""
    if text[:2] in _surnames() and len(text) >= 3:
        return text[:2]
    if text[:1] in _surnames() and text[:1] in _triggers():
        return text[:1]
    return ""


def _parallel_given(given: str) -> bool:
    """A given name beside a listed name: one or two characters of a name, no particle or numeral,
    no title, no head's title X长, no function word, no frequent word but a name-like one."""
    if not 1 <= len(given) <= 2 or not all(_is_han(c) and c not in _NEVER_IN_GIVEN for c in given):
        return False
    tag = word_tag(given) if known(given) else ""
    if any(c in _NUMERALS for c in given) and (not tag or tag.startswith(("m", "q"))):
        return False  # 查丽 + 三人, not 查 + 丽三
    if given in _TITLES or (given[-1] == "长" and tag not in _NAME_TAGS) or given[-1] in _SAYING:
        return False  # (区长 + 说: a verb of saying ends no given name)
    freq = tokenizer().FREQ.get(given, 0)
    if tag.startswith(_FUNCTION_TAGS) and (len(given) == 1 or freq >= _RARE_WORD):
        return False  # 立新 (an adverb, rare) is a given name; 一起, 已经 are not
    # a one-character given name is any content character (单乐, 曾红); a word, a rare or name-like one
    return len(given) == 1 or not tag or tag in _LIST_TAGS or freq < _COMMON_WORD


def _candidate(item: str) -> str:
    """The name `item` holds (a whole item), or ''."""
    surname = _surname_at(item)
    if not surname or (_word(item) if len(item) == 2 else known(item)) or not 1 <= len(item) - len(surname) <= 2:
        return ""
    return item if _parallel_given(item[len(surname):]) else ""


def _address(item: str) -> bool:
    """老/小 + a surname read its own way (老区, 小解): how one addresses a person in a roll; it is no
    evidence of a list of people alone (老区、小区 are places), only beside a name."""
    return len(item) == 2 and item[0] in "老小" and item[1] in _surnames() and item[1] in _triggers()


def _item_names(text: str, start: int, end: int, left: bool, right: bool) -> list[tuple[int, str]]:
    """The name an item holds, as [(offset in text, name)]: the whole item if it is short; else a
    name at the end that touches a separator, whose last (first) character makes no word with the
    next (previous) one (not 华为 + 公司, not 社员 + 曲乐), two characters before a word that follows
    a name (解明 + 是)."""
    item = text[start:end]
    if _address(item):
        return [(start, item)]  # 老区、区还乡、小解: an older or younger acquaintance by the surname
    if len(item) <= 4:
        name = _candidate(item)
        return [(start, name)] if name else []
    out = []
    if left:
        size = 2 if item[2] in _ENCLITIC else 3
        name = _candidate(item[:size]) if not known(item[size - 1:size + 1]) or size == 2 else ""
        if name:
            out.append((start, name))
    if right and not known(item[-4:-2]):
        name = _candidate(item[-3:])
        if name:
            out.append((end - 3, name))
    return out


# Who a byline, a credit or a roll names, the name set apart after its role by a space, a slash or a
# colon (文/记者 解还真 摄影/单行健, 编辑 查还乡 校对 翟长远, 书记员：区朝阳, 值班：单行远)
_CREDIT_ROLES = (
    "记者", "通讯员", "摄影", "编辑", "校对", "审核", "审校", "终审", "文", "图", "撰文", "实习生", "主编", "美编",
    "统筹", "策划", "监制", "制片", "导演", "编剧", "作曲", "作词", "主演", "审判员", "书记员", "审判长",
    "陪审员", "律师", "值班", "值班员", "联系人", "复核", "签名", "经办人", "负责人", "主持", "主持人", "播音",
    "主讲", "主讲人", "领队", "讲解", "讲解员", "领唱", "指挥", "教练", "队长", "组长", "班长", "带班", "执笔",
)
_CREDIT_SEP = set(" \u3000\t/／｜|：:")
_CREDIT_END = set(" \u3000\t/／｜|（(，,。；;")


def _credited(text: str, at: int, run: str) -> bool:
    """`run` stands alone after a credit's role and its separator (a space, a slash, a colon), and
    before another separator or the text's end."""
    before = text[:at]
    if before[-1:] not in _CREDIT_SEP or text[at + len(run):at + len(run) + 1] not in _CREDIT_END | {""}:
        return False
    head = before.rstrip("".join(_CREDIT_SEP))
    return any(head.endswith(role) for role in _CREDIT_ROLES)


def _credit_names(text: str, runs: list[tuple[int, str, list[tuple[int, str]]]]) -> list[tuple[int, str, list[tuple[int, str]]]]:
    """Each run a credit's role shows to be a name, a surname read its own way and a given name, made
    that name (the model cut 解 + 还 + 真, 区长 + 青: no clause there to read them otherwise)."""
    out = []
    for at, run, found in runs:
        if not found and 2 <= len(run) <= 4 and _credited(text, at, run) and _candidate(run):
            found = [(0, run)]
        out.append((at, run, found))
    return out


def _short_beside(text: str, runs: list[tuple[int, str, list[tuple[int, str]]]], r: int, side: int) -> bool:
    """Run r and the run beside it (side -1: before, 1: after) are each shaped like a name and a comma
    alone parts them: items of a roll of addresses (区还乡，单长乐，曾明，你们…)."""
    k = r + side
    if not 0 <= k < len(runs):
        return False
    (at, run, found), (other_at, other, other_found) = runs[r], runs[k]
    if not (_name_shaped(run, found) and _name_shaped(other, other_found)):
        return False
    gap = text[at + len(run):other_at] if side == 1 else text[other_at + len(other):at]
    return gap in ("，", ",")


def _name_shaped(run: str, found: list[tuple[int, str]]) -> bool:
    """A run of two to four characters that is a name found, a surname + a given name, or an address."""
    return 2 <= len(run) <= 4 and (found == [(0, run)] or bool(_candidate(run)) or _address(run))


def parallel_names(text: str, runs: list[tuple[int, str, list[tuple[int, str]]]]) -> list[list[tuple[int, str]]]:
    """The names of each run of `text` (runs: offset in `text`, the run, the names found in it) with
    those added that stand in an enumeration of people, or after a credit's role."""
    runs = _credit_names(text, runs)
    # items: (start in text, end in text, left side a separator, right side a separator)
    items: list[tuple[int, int, bool, bool]] = []
    comma_joined: set[int] = set()  # items joined to the one before by a comma (a roll of addresses)
    for r, (at, run, found) in enumerate(runs):
        inside = {at + o + j for o, n in found for j in range(len(n))}
        cuts = [at + j for j, c in enumerate(run) if c in _CONJUNCTIONS and at + j not in inside and 0 < j < len(run) - 1]
        left_sep = text[at - 1 : at] == "、" or _short_beside(text, runs, r, -1)
        right_sep = text[at + len(run) : at + len(run) + 1] == "、" or _short_beside(text, runs, r, 1)
        if text[at - 1 : at] != "、" and left_sep:
            comma_joined.add(at)
        bounds = [at - 1, *cuts, at + len(run)]
        for k in range(len(bounds) - 1):
            start, end = bounds[k] + 1, bounds[k + 1]
            if end > start:
                items.append((start, end, left_sep if k == 0 else True, right_sep if k == len(bounds) - 2 else True))
    if len(items) < 2:
        return [found for _, _, found in runs]
    names = {at + o: n for at, _, found in runs for o, n in found}
    taken = {p for o, n in names.items() for p in range(o, o + len(n))}
    # groups: items joined by a separator (the right side of one, the left side of the next)
    groups, current = [], [items[0]]
    for prev, item in zip(items, items[1:]):
        if prev[3] and item[2]:
            current.append(item)
        else:
            groups.append(current)
            current = [item]
    groups.append(current)
    extra: list[tuple[int, str]] = []
    for group in groups:
        if len(group) < 2:
            continue
        spans = [_item_names(text, *item) for item in group]
        full = [found for found in spans if found and not _address(found[0][1])]
        addresses = len(spans) - spans.count([]) - len(full)
        # the list is one of people: an item holds a name found by the scans or one with an
        # unmistakable surname (缪大年), or two items or more are each a surname + a given name
        # (解长乐和查朝阳昨天…: no word of the dictionary, no common word as the given name), or one
        # is and another is 老/小 + a surname; a roll cut by commas only beside a name found
        has_found = any(any(start <= p < end for p in taken) for start, end, _, _ in group)
        if any(item[0] in comma_joined for item in group[1:]) and not (has_found and all(spans)):
            continue  # (a roll of addresses is names only: not 区长说，单位好，大家好)
        if not (has_found or any(strong_surname(name[0]) for found in full for _, name in found)
                or len(full) >= 2 or (full and addresses)):
            continue
        for found in spans:
            for at, name in found:
                if not any(p in taken for p in range(at, at + len(name))):
                    extra.append((at, name))
                    taken.update(range(at, at + len(name)))
    out = []
    for at, run, found in runs:
        mine = [(o - at, n) for o, n in extra if at <= o < at + len(run)]
        out.append(sorted(found + mine) if mine else found)
    return out


# What a name can follow inside a run before a title: a preposition or conjunction of persons
_BEFORE_NAME = set("的和与跟同由向对被把让给请叫替陪据")


def before_title(run: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A surname read its own way and a two-character given name right before a title (曾朝晖教授说,
    盖立新老师, 解重楼医生, 的解觉民排长): the title shows a person, so the three characters before it
    are a name, where a name can begin (the run's start, after 的, a role or a preposition of
    persons) and the surname does not begin a word with the next character (曾经, 解决, 查看)."""
    from pipeline.passes.pinyin.lonesurname import _head_of
    from pipeline.passes.pinyin.nameclues import _role_before

    taken = {p for o, n in found for p in range(o, o + len(n))}
    extra = []
    for i in range(len(run) - 3):
        if run[i:i + 2] in _surnames() and (i == 0 or run[i - 1] in _BEFORE_NAME - {"的"}) and not taken & {i, i + 1} \
                and any(run.startswith(t, i + 2) for t in _TITLES if len(t) > 1):
            extra.append((i, run[i:i + 2]))  # 长孙先生, 欧阳老师: a compound surname before a title
            taken.update((i, i + 1))
    for i in range(len(run) - 4):
        surname = _surname_at(run[i:])
        if len(surname) != 1 or any(p in taken for p in range(i, i + 3)):
            continue
        rest = run[i + 3:]
        if not any(rest.startswith(t) for t in _TITLES if len(t) > 1) and not _head_of(rest[:2]):
            continue
        if not (i == 0 or run[i - 1] in _BEFORE_NAME or _role_before(run, i)):
            continue
        # (surname and given name beginning a word, 区长, is no bar after a role: 代理人区长明律师)
        if (_word(run[i:i + 2]) and not _role_before(run, i)) or known(run[i:i + 3]) or not _parallel_given(run[i + 1:i + 3]):
            continue
        extra.append((i, run[i:i + 3]))
        taken.update(range(i, i + 3))
    return sorted(found + extra) if extra else found
