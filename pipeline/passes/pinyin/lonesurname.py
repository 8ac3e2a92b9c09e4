"""A surname standing alone after segmentation (单, 曾, 查, 解, 缪 …): when the context says it is
one (a title after it, 老/小 before it, 姓 before it, a surname that is no everyday word), it takes
its surname reading; a surname that is also an adverb, a particle or a verb must show it."""

from __future__ import annotations

from pipeline.passes.pinyin.context import _MODAL_ADVERBS, _PRONOUNS, _SHORT_TITLES, _TITLES, _Context
from pipeline.passes.pinyin.jiebadict import word_tag
from pipeline.passes.pinyin.nameclues import demonstrative_first
from pipeline.passes.pinyin.tables import _default, _surnames, is_polyphonic

def _only_a_surname(char: str) -> bool:
    """A surname that is no everyday word standing alone (缪 Miào, 覃 Qín, 翟 Zhái, 朴 Piáo: jieba's
    dictionary has the lone character as a name or a bound morpheme, and rarely)."""
    from pipeline.passes.pinyin.jiebadict import tokenizer
    from pipeline.passes.pinyin.names import strong_surname

    return strong_surname(char) and tokenizer().FREQ.get(char, 0) < 1000


_CONJUNCTIONS = {"和", "跟", "与", "同", "及", "或"}
# Prepositions (and the aspect particle) after which an adverb cannot stand, so a surname that is also
# an adverb (曾) before a title is the surname: 据曾处长介绍, 由曾老师主持, 拨通了曾行长的电话
_BEFORE_PERSON = {"据", "由", "向", "对", "给", "跟", "把", "被", "让", "替", "陪", "和", "与", "了"}


def _surname_can_stand(char: str, c: _Context) -> bool:
    """A surname that is also a function word (过, 都, 曾, 向: jieba tags it a particle, adverb or
    preposition) begins a name only at a pause or after a noun or a conjunction (问过老师 is not
    Mr Guo), or before a noun title after 的 or a verb of persons (请曾老师讲话)."""
    from pipeline.passes.pinyin.names import _PERSON_VERBS

    if not word_tag(char).startswith(("u", "d", "p", "c")):
        return True
    if c.prev == "" or c.prev in _CONJUNCTIONS or c.prev == "姓":
        return True
    if c.prev in ("老", "小") and (c.next == "" or c.i < 2 or c.segs[c.i - 2].kind == "other"
                                  or c.segs[c.i - 2].text in _CONJUNCTIONS):
        return True  # 叫他老曾。, 小曾是他的侄子, 老单和小曾: 老/小 + the surname ends or begins the clause or a list item
    if (c.prev in ("老", "小") and c.i >= 2 and c.segs[c.i - 2].kind != "other" and len(c.segs[c.i - 2].text) > 1
            and c.segs[c.i - 2].pos.startswith("n") and c.next_pos.startswith(("d", "v", "p"))):
        return True  # 队员小曾一边晾纸, 司机老曾开着车: a role noun, then 老/小 + the surname before what they do
    if ((c.prev == "的" or (c.prev in _PERSON_VERBS | _BEFORE_PERSON and word_tag(char).startswith("d")))
            and len(c.next) > 1 and ((c.next in _TITLES and word_tag(c.next).startswith("n")) or _head_of(c.next))):
        return True  # 退休的曾校长, 请曾老师讲话, 据曾处长介绍, 拨通了曾行长的电话: no adverb before a noun
        # title or a head's title X长 (not 曾代表, 曾指导: verbs; not 问过老师)
    if (c.prev in _PRONOUNS and c.i >= 2 and c.segs[c.i - 2].text in _CALLING
            and c.next in _TITLES and word_tag(c.next).startswith(("n", "b"))):
        return True  # 大家都叫他曾经理, 厂里人都喊她曾主任: what one calls a person is a name and a title
    return len(c.prev) > 1 and c.prev_pos.startswith(("n", "c"))  # 记者过老师; not 问过老师 (问/n)


# Verbs of calling a person something (叫他 + a name and title)
_CALLING = {"叫", "喊", "称", "称呼", "尊称", "管"}


def _verb_before_object(char: str, c: _Context) -> bool:
    """A surname that is also a verb (查, 解, 盖) after a modal, a verb of motion or an adverb is the
    verb, and the title after it its object (要查会计账目, 来查老师的教案), not Mr Zha (在 is left out:
    在盖老师的课上)."""
    from pipeline.passes.pinyin.names import _BEFORE_VERBS

    return word_tag(char).startswith("v") and c.prev != "在" and (c.prev in _BEFORE_VERBS or c.prev_pos.startswith("d"))


def _head_of(word: str) -> bool:
    """A two-character word for the head of a unit, X长 read zhǎng (连长, 站长, 行长, 村长, 船长): a
    title after a surname (解连长, 沈行长) like 校长 or 院长."""
    from pipeline.passes.pinyin.tables import _phrase_reading

    return len(word) == 2 and word[1] == "长" and _phrase_reading(word)[-1:] == ("zhǎng",)


def _old_friend(ctx: _Context) -> bool:
    """老 + a surname standing alone is how one names an older acquaintance (老查, 老应), where 老
    is no adverb "always" (他老查我手机): it begins a noun phrase (at a pause, after 的, a noun, a
    preposition or a conjunction) and the surname ends the phrase (a pause, a verb or an adverb next)."""
    j = ctx.i - 2
    before = ctx.segs[j] if j >= 0 and ctx.segs[j].kind != "other" else None
    if ctx.next == "" and before is not None and before.text in _PRONOUNS:
        return True  # 大家都叫他老曾。: the phrase ends at the pause
    if before is not None and not (before.text in ("的", "了", "和", "跟", "与", "同", "叫", "是", "给", "让", "找", "问")
                                   or before.pos.startswith(("n", "p", "c"))):
        return False
    return (ctx.next == "" or ctx.next_pos.startswith(("v", "d", "p", "c", "t")) or ctx.next in ("说", "是", "在", "和", "的")
            or ctx.next[:1] == "的" or ctx.next in ("每天", "天天", "每年", "这个人", "这人", "一家"))  # 老单的话不多, 老查每天


# Kin words a nickname made of a given name's character takes (长乐 → 乐哥, 春燕 → 燕姐)
_NICKNAME_KIN = {"哥", "姐", "弟", "妹", "叔", "姨", "仔", "儿"}


def lone_surname(char: str, ctx: _Context) -> str | None:
    """The surname reading of `char`, standing alone at `ctx`, where its neighbours show a name;
    None where they do not (the context rules then read it)."""
    surname = _surnames().get(char)
    if demonstrative_first(char, ctx.next):
        return None  # 那 + 家 + 工厂: the demonstrative
    if ctx.next in _NICKNAME_KIN:
        for seg in ctx.segs[:ctx.i]:
            if seg.source == "name" and seg.pinyin and char in seg.text[1:]:
                return seg.pinyin[seg.text.index(char, 1)]  # 曾长乐 … 乐哥: a nickname from the given name, lè
    if not (surname and len(surname) == 1 and (surname[0] != _default(char) or is_polyphonic(char))
            and _surname_can_stand(char, ctx)):
        return None
    if ((ctx.next in _TITLES or _head_of(ctx.next)) and (ctx.next not in _SHORT_TITLES or ctx.prev == "" or ctx.prev not in _PRONOUNS | _MODAL_ADVERBS)
            and not _verb_before_object(char, ctx)):
        return surname[0]  # 单老师, 叫她单姐
    if ctx.prev in ("老", "小") and _old_friend(ctx):
        return surname[0]  # 老查已经在这里干了二十年: 老 + surname
    if (ctx.prev[-1:] == "姓" and ctx.prev in ("姓", "也姓", "都姓", "复姓", "本姓", "同姓")
            and not (word_tag(char).startswith("d") and ctx.next and ctx.next not in ("的", "叫", "名叫", "是"))):
        return surname[0]  # 姓单: the surname itself (not 两人的姓都不好念)
    if ctx.next in ("某", "某某") and ctx.prev != "某":
        return surname[0]  # 查某某, 区某: a person the report does not name (某 alone is no given name)
    if ctx.next and surname[0] != _default(char) and _only_a_surname(char):
        return surname[0]  # 缪, 覃, 翟 standing alone: the surname
    return None
